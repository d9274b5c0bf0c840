# _signal for the VM: Linux's signal numbers and a table of handlers. The
# VM delivers no signals to a program (Ctrl-C stops the run from outside),
# so installing a handler only records it: `signal` returns the previous
# one and `getsignal` reads it back, as CPython's do.

ITIMER_PROF = 2
ITIMER_REAL = 0
ITIMER_VIRTUAL = 1
NSIG = 65
SIGABRT = 6
SIGALRM = 14
SIGBUS = 7
SIGCHLD = 17
SIGCLD = 17
SIGCONT = 18
SIGFPE = 8
SIGHUP = 1
SIGILL = 4
SIGINT = 2
SIGIO = 29
SIGIOT = 6
SIGKILL = 9
SIGPIPE = 13
SIGPOLL = 29
SIGPROF = 27
SIGPWR = 30
SIGQUIT = 3
SIGRTMAX = 64
SIGRTMIN = 34
SIGSEGV = 11
SIGSTKFLT = 16
SIGSTOP = 19
SIGSYS = 31
SIGTERM = 15
SIGTRAP = 5
SIGTSTP = 20
SIGTTIN = 21
SIGTTOU = 22
SIGURG = 23
SIGUSR1 = 10
SIGUSR2 = 12
SIGVTALRM = 26
SIGWINCH = 28
SIGXCPU = 24
SIGXFSZ = 25
SIG_BLOCK = 0
SIG_DFL = 0
SIG_IGN = 1
SIG_SETMASK = 2
SIG_UNBLOCK = 1


class ItimerError(OSError):
    pass


def default_int_handler(signalnum, frame, /):
    """The default handler for SIGINT: raises KeyboardInterrupt."""
    raise KeyboardInterrupt


_handlers = {SIGINT: default_int_handler}
_UNCATCHABLE = (SIGKILL, SIGSTOP)


def _signum(signalnum):
    if not isinstance(signalnum, int):
        raise TypeError(
            "'%s' object cannot be interpreted as an integer" % type(signalnum).__name__
        )
    if not 1 <= signalnum < NSIG:
        raise ValueError("signal number out of range")
    return int(signalnum)


def signal(signalnum, handler, /):
    """Sets the action for `signalnum`; returns the previous one."""
    n = _signum(signalnum)
    if handler not in (SIG_IGN, SIG_DFL) and not callable(handler):
        raise TypeError(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object"
        )
    if n in _UNCATCHABLE:
        raise OSError(22, "Invalid argument")
    old = _handlers.get(n, SIG_DFL)
    _handlers[n] = handler
    return old


def getsignal(signalnum, /):
    """The current action for `signalnum`."""
    return _handlers.get(_signum(signalnum), SIG_DFL)


def raise_signal(signalnum, /):
    """Runs the handler of `signalnum` at once."""
    n = _signum(signalnum)
    h = _handlers.get(n, SIG_DFL)
    if callable(h):
        h(n, None)
    elif h == SIG_DFL and n == SIGINT:
        raise KeyboardInterrupt


_NAMES = {
    SIGHUP: "Hangup", SIGINT: "Interrupt", SIGQUIT: "Quit",
    SIGILL: "Illegal instruction", SIGTRAP: "Trace/breakpoint trap",
    SIGABRT: "Aborted", SIGBUS: "Bus error",
    SIGFPE: "Floating point exception", SIGKILL: "Killed",
    SIGUSR1: "User defined signal 1", SIGSEGV: "Segmentation fault",
    SIGUSR2: "User defined signal 2", SIGPIPE: "Broken pipe",
    SIGALRM: "Alarm clock", SIGTERM: "Terminated",
    SIGCHLD: "Child exited", SIGCONT: "Continued",
    SIGSTOP: "Stopped (signal)", SIGTSTP: "Stopped",
    SIGTTIN: "Stopped (tty input)", SIGTTOU: "Stopped (tty output)",
    SIGURG: "Urgent I/O condition", SIGXCPU: "CPU time limit exceeded",
    SIGXFSZ: "File size limit exceeded", SIGVTALRM: "Virtual timer expired",
    SIGPROF: "Profiling timer expired", SIGWINCH: "Window changed",
    SIGIO: "I/O possible", SIGPWR: "Power failure", SIGSYS: "Bad system call",
}


def strsignal(signalnum, /):
    """The system's description of `signalnum`."""
    n = _signum(signalnum)
    if n >= SIGRTMIN:
        return "Real-time signal %d" % (n - SIGRTMIN)
    return _NAMES.get(n)


def valid_signals():
    """The set of signal numbers valid on this platform."""
    return {n for n in range(1, NSIG) if n not in (32, 33)}


def alarm(seconds, /):
    """No timers run on the VM: returns 0, as when none was set."""
    return 0


def set_wakeup_fd(fd, /, *, warn_on_full_buffer=True):
    return -1


def siginterrupt(signalnum, flag, /):
    _signum(signalnum)


def pthread_sigmask(how, mask, /):
    if how not in (SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK):
        raise ValueError("how must be SIG_BLOCK, SIG_UNBLOCK or SIG_SETMASK")
    return set()


def sigpending():
    return set()
