import this

print("".join(this.d.get(c, c) for c in "Uryyb"))
print(this.s.splitlines()[0])
