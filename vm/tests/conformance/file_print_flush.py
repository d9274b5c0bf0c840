# print(..., flush=True) calls the stream's flush() after writing.
class Stream:
    def write(self, s):
        print("write", repr(s))

    def flush(self):
        print("flush")


s = Stream()
print("a", "b", file=s, flush=True)
print("c", file=s)
print("d", file=s, flush=0)
