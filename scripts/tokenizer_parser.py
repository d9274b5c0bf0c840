"""A tokenizer generator feeding a recursive-descent expression parser.

``tokenize(text)`` is a generator that produces tokens lazily, one
character scan at a time.  The parser never sees the whole token list:
it pulls tokens on demand through a small one-token lookahead wrapper,
so while stepping through a parse the tokenizer frame stays suspended
right after the token the parser is currently looking at.

Grammar (``^`` is right-associative and binds tighter than unary minus):

    expr    := term (("+" | "-") term)*
    term    := unary (("*" | "/" | "%") unary)*
    unary   := "-" unary | power
    power   := primary ("^" unary)?
    primary := NUMBER | NAME | NAME "(" expr ("," expr)* ")" | "(" expr ")"

The parser builds a tuple-based syntax tree which is then evaluated.
"""
import math


class Token:
    def __init__(self, kind, text, pos):
        self.kind = kind
        self.text = text
        self.pos = pos

    def __repr__(self):
        return f"{self.kind}:{self.text}"


class ParseError(Exception):
    """Raised for malformed input."""


def tokenize(text):
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            start = i
            while i < len(text) and (text[i].isdigit() or text[i] == "."):
                i += 1
            yield Token("NUM", text[start:i], start)
        elif ch.isalpha():
            start = i
            while i < len(text) and (text[i].isalnum() or text[i] == "_"):
                i += 1
            yield Token("NAME", text[start:i], start)
        elif ch in "+-*/%^(),":
            yield Token("OP", ch, i)
            i += 1
        else:
            raise ParseError(f"unexpected character {ch!r} at {i}")
    yield Token("END", "", len(text))


class Lookahead:
    """Wrap a token generator with one token of lookahead."""
    def __init__(self, tokens):
        self.tokens = tokens
        self.current = next(tokens)

    def peek(self, *texts):
        return self.current.kind == "OP" and self.current.text in texts

    def advance(self):
        tok = self.current
        if tok.kind != "END":
            self.current = next(self.tokens)   # resumes the tokenizer frame
        return tok

    def expect(self, text):
        if not self.peek(text):
            raise ParseError(f"expected {text!r} at {self.current.pos}, got {self.current!r}")
        return self.advance()


def parse_left(ts, ops, operand):
    """Left-associative chain: operand (op operand)*."""
    node = operand(ts)
    while ts.peek(*ops):
        op = ts.advance().text
        node = (op, node, operand(ts))
    return node


def parse_expr(ts):
    return parse_left(ts, "+-", parse_term)


def parse_term(ts):
    return parse_left(ts, "*/%", parse_unary)


def parse_unary(ts):
    if ts.peek("-"):
        ts.advance()
        return ("neg", parse_unary(ts))
    return parse_power(ts)


def parse_power(ts):
    base = parse_primary(ts)
    if ts.peek("^"):
        ts.advance()
        return ("^", base, parse_unary(ts))
    return base


def parse_primary(ts):
    tok = ts.current
    if tok.kind == "NUM":
        ts.advance()
        return ("num", float(tok.text))
    if tok.kind == "NAME":
        ts.advance()
        if ts.peek("("):
            ts.advance()
            args = [parse_expr(ts)]
            while ts.peek(","):
                ts.advance()
                args.append(parse_expr(ts))
            ts.expect(")")
            return ("call", tok.text, args)
        return ("var", tok.text)
    if ts.peek("("):
        ts.advance()
        node = parse_expr(ts)
        ts.expect(")")
        return node
    raise ParseError(f"unexpected {tok!r} at {tok.pos}")


def parse(text):
    ts = Lookahead(tokenize(text))      # nothing is scanned beyond the first token yet
    tree = parse_expr(ts)
    if ts.current.kind != "END":
        raise ParseError(f"trailing input at {ts.current.pos}: {ts.current!r}")
    return tree


FUNCTIONS = {"sqrt": math.sqrt, "max": max, "min": min, "abs": abs, "floor": math.floor}
BINARY = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b,
    "*": lambda a, b: a * b, "/": lambda a, b: a / b,
    "%": lambda a, b: a % b, "^": lambda a, b: a ** b,
}


def evaluate(node, env):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        if node[1] not in env:
            raise NameError(f"unknown variable {node[1]}")
        return env[node[1]]
    if kind == "neg":
        return -evaluate(node[1], env)
    if kind == "call":
        return FUNCTIONS[node[1]](*[evaluate(arg, env) for arg in node[2]])
    return BINARY[kind](evaluate(node[1], env), evaluate(node[2], env))


def show(node):
    kind = node[0]
    if kind == "num":
        return f"{node[1]:g}"
    if kind == "var":
        return node[1]
    if kind == "neg":
        return f"(- {show(node[1])})"
    if kind == "call":
        return f"({node[1]} {' '.join(show(a) for a in node[2])})"
    return f"({kind} {show(node[1])} {show(node[2])})"


if __name__ == "__main__":
    env = {"x": 3.0, "y": 4.0, "rate": 0.05}
    print(f"tokens of '2*(x+1)': {list(tokenize('2*(x+1)'))}")
    sources = [
        "1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2",
        "sqrt(x*x + y*y)", "max(x, y, 10 % 4) - min(1, 2)",
        "100 * (1 + rate) ^ 10", "floor(17 / 5) + 17 % 5", "abs(-x - -y) / 0.5",
        "(1 + 2", "3 + * 4", "z * 2", "1 / (x - 3)", "4 $ 4",
    ]
    for src in sources:
        print(f"> {src}")
        try:
            tree = parse(src)
            print(f"  tree  {show(tree)}")
            value = evaluate(tree, env)
            print(f"  value {value:.6g}")
        except ParseError as err:
            print(f"  parse error: {err}")
        except (NameError, ZeroDivisionError) as err:
            print(f"  {type(err).__name__}: {err}")
