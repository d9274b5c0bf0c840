print("start")
name = input()
