# At module level locals() and vars() are the live globals() dict.
print(locals() is globals(), vars() is globals())
locals()["made_here"] = "yes"
print(made_here)


class C:
    print(locals() is globals())
    print("made_here" in globals())
