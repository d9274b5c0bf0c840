# The OSError subclasses and the other late additions to builtins.
for c in [BlockingIOError, ChildProcessError, ConnectionError, BrokenPipeError,
          ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError,
          FileExistsError, FileNotFoundError, InterruptedError, IsADirectoryError,
          NotADirectoryError, PermissionError, ProcessLookupError, TimeoutError]:
    print(c.__name__, c.__bases__[0].__name__, issubclass(c, OSError))
print(IndentationError.__bases__, TabError.__mro__)
print(UnicodeTranslateError.__mro__)
print(FloatingPointError.__bases__, BufferError.__bases__, ReferenceError.__bases__)
