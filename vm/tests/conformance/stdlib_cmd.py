import cmd


class Shell(cmd.Cmd):
    prompt = ""

    def do_greet(self, arg):
        print("hello", arg)

    def do_quit(self, arg):
        return True


s = Shell()
s.onecmd("greet world")
print(s.onecmd("quit"))
print(s.parseline("greet a b"))
