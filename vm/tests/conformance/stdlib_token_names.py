import token

names = sorted(n for n in token.tok_name.values() if n.startswith("L"))
print(names)
print(token.N_TOKENS > 50, token.NT_OFFSET, token.ISNONTERMINAL(token.NT_OFFSET))
print(token.EXACT_TOKEN_TYPES["**="] == token.DOUBLESTAREQUAL)
