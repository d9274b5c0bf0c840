# shutil.get_terminal_size falls back to COLUMNS/LINES, then to its default,
# when os.get_terminal_size has no terminal to ask.
import os
import shutil

ts = os.terminal_size((100, 40))
print(ts, ts.columns, ts.lines)
os.environ["COLUMNS"] = "77"
os.environ["LINES"] = "19"
print(shutil.get_terminal_size())
