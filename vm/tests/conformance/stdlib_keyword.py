import keyword

print(keyword.iskeyword("for"), keyword.iskeyword("x"), keyword.issoftkeyword("match"))
print(len(keyword.kwlist) > 30)
