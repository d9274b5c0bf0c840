import os
import stat

st = os.stat("helper_pkg")
print(stat.S_ISDIR(st.st_mode), stat.S_ISREG(st.st_mode))
st = os.stat("helper_pkg/alpha.py")
print(stat.S_ISDIR(st.st_mode), stat.S_ISREG(st.st_mode), st.st_size > 0)
try:
    os.stat("no_such_file.txt")
except FileNotFoundError as e:
    print(e)
