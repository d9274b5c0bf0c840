# binascii: hexlify/unhexlify (with separators), base64 both ways (strict mode too), crc32, crc_hqx
import binascii

print(binascii.hexlify(b"\x01\xab\xff"), binascii.b2a_hex(bytearray(b"hi")), binascii.hexlify(b""))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", "-"), binascii.hexlify(b"\x01\x02\x03\x04\x05", b":", 2))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", "_", -2))
print(binascii.unhexlify(b"01abFF"), binascii.a2b_hex("6869"))
print(binascii.b2a_base64(b"hello world"), binascii.b2a_base64(b"ab", newline=False), binascii.b2a_base64(b""))
print(binascii.a2b_base64(b"aGVsbG8gd29ybGQ=\n"), binascii.a2b_base64("YWI="), binascii.a2b_base64(b"Y W\nI="))
print(binascii.crc32(b"hello world"), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc32(b""))
print(binascii.crc_hqx(b"123456789", 0), binascii.crc_hqx(b"abc", 0xFFFF))
for f, arg, kw in [(binascii.unhexlify, b"abc", {}), (binascii.unhexlify, b"zz", {}),
                   (binascii.a2b_base64, b"ab=", {}), (binascii.a2b_base64, b"a", {}),
                   (binascii.a2b_base64, b"abc==", {"strict_mode": True}),
                   (binascii.a2b_base64, b"ab=x", {"strict_mode": True}),
                   (binascii.a2b_base64, b"=ab", {"strict_mode": True}),
                   (binascii.a2b_base64, b"ab\n==", {"strict_mode": True}),
                   (binascii.hexlify, "text", {}), (binascii.unhexlify, "é1", {}), (binascii.unhexlify, 5, {})]:
    try:
        print(f(arg, **kw))
    except binascii.Error as e:
        print("Error:", e)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(issubclass(binascii.Error, ValueError), issubclass(binascii.Incomplete, Exception))
