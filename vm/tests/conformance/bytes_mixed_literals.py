x = 1
y = b"abc" "def"
