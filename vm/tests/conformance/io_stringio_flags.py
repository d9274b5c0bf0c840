import io
s = io.StringIO()
print(s.readable(), s.writable(), s.seekable(), s.isatty())
print(s.encoding, s.errors, s.line_buffering, s.newlines)
print(isinstance(s, io.TextIOBase), isinstance(s, io.IOBase))
print(isinstance(s, io.BufferedIOBase))
