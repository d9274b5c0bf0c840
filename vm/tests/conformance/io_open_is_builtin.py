import io
print(io.open is open)
print(io.DEFAULT_BUFFER_SIZE, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print(io.text_encoding(None), io.text_encoding("ascii"))
