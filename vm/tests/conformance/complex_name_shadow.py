import builtins

print(builtins.complex is complex if hasattr(builtins, "complex") else "builtins ok")
complex = lambda *a: "shadowed"
print(complex(1, 2), type(1j).__name__)
del complex
print(complex(1, 2))
