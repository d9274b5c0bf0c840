import cmd


class Shell(cmd.Cmd):
    prompt = ""

    def do_add(self, arg):
        "Add numbers."
        print(sum(int(x) for x in arg.split()))

    def default(self, line):
        print("unknown:", line)

    def emptyline(self):
        print("empty")


s = Shell()
s.onecmd("add 1 2 3")
s.onecmd("frobnicate now")
s.onecmd("")
print(s.completenames("a"))
