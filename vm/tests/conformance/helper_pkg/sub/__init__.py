SUB = "sub"
