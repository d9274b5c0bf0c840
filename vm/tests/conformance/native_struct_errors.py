# _struct errors: struct.error messages CPython gives for bad formats, values and buffers
import _struct

def attempt(f, *a):
    try:
        print(f(*a))
    except _struct.error as e:
        print("error:", e)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)

attempt(_struct.pack, "ii", 1)
attempt(_struct.pack, "i", 1, 2)
attempt(_struct.pack, "z", 1)
attempt(_struct.pack, "<n", 1)
attempt(_struct.pack, "i3")
attempt(_struct.pack, "<h", 70000)
attempt(_struct.pack, ">h", 70000)
attempt(_struct.pack, "<H", -1)
attempt(_struct.pack, ">H", -1)
attempt(_struct.pack, "b", 300)
attempt(_struct.pack, "B", -1)
attempt(_struct.pack, "<i", 2**33)
attempt(_struct.pack, "<I", 2**33)
attempt(_struct.pack, "<I", -5)
attempt(_struct.pack, "<q", 2**64)
attempt(_struct.pack, ">Q", -1)
attempt(_struct.pack, "<i", "x")
attempt(_struct.pack, "<i", 1.5)
attempt(_struct.pack, "<d", "x")
attempt(_struct.pack, "<c", b"ab")
attempt(_struct.pack, "<s", "x")
attempt(_struct.pack, "<e", 1e10)
attempt(_struct.pack, "<f", 1e300)
attempt(_struct.unpack, "<i", b"abc")
attempt(_struct.unpack_from, "<i", b"abc", 1)
attempt(_struct.unpack_from, "<i", b"abcdefg", -9)
attempt(_struct.pack_into, "<i", bytearray(3), 0, 1)
attempt(lambda: list(_struct.iter_unpack("<i", b"abcde")))
attempt(_struct.calcsize, 5)
attempt(_struct.unpack, "<i", "abcd")
print(issubclass(_struct.error, Exception), _struct.error.__name__)
