import io
import sys
old = sys.stdout
sys.stdout = buf = io.StringIO()
print("captured")
sys.stdout = old
print("got", repr(buf.getvalue()))
