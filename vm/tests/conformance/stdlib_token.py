import token

print(token.NAME, token.NUMBER, token.OP)
print(token.tok_name[token.NAME], token.ISTERMINAL(token.NAME), token.ISEOF(token.ENDMARKER))
print(token.EXACT_TOKEN_TYPES["+"] == token.PLUS)
