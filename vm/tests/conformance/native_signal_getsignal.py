import signal
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
def h(n, f):
    print("handler", n)
old = signal.signal(signal.SIGTERM, h)
print(old, signal.getsignal(signal.SIGTERM) is h)
print(signal.SIGINT, int(signal.SIGTERM), signal.Signals.SIGTERM.name)
print(signal.strsignal(signal.SIGINT))
signal.raise_signal(signal.SIGTERM)
try:
    signal.signal(signal.SIGKILL, h)
except OSError as e:
    print("OSError")
