# errno: Linux error numbers and the errorcode table
import errno

print(errno.EPERM, errno.ENOENT, errno.EEXIST, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR)
print(errno.EISDIR, errno.ENOTDIR, errno.EACCES, errno.EINVAL, errno.EPIPE, errno.ETIMEDOUT)
print(errno.errorcode[2], errno.errorcode[11], errno.errorcode[35], errno.errorcode[95])
print(len(errno.errorcode), sorted(errno.errorcode)[:5])
print(all(getattr(errno, name) == code for code, name in errno.errorcode.items()))
