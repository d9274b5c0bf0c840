# _contextvars: ContextVar get/set/reset, Token, Context.run and copy_context
import _contextvars as cv

var = cv.ContextVar("var", default=1)
other = cv.ContextVar("other")
print(var.name, var.get(), var.get(5), other.get("dflt"))
try:
    other.get()
except LookupError:
    print("LookupError")
tok = var.set(10)
print(var.get(), tok.var is var, tok.old_value is cv.Token.MISSING, cv.Token.MISSING)
tok2 = var.set(20)
print(tok2.old_value, var.get())
var.reset(tok2)
print(var.get())
var.reset(tok)
print(var.get())
try:
    var.reset(tok)
except RuntimeError:
    print("RuntimeError: used token")
try:
    other.reset(var.set(3))
except ValueError:
    print("ValueError: other var")

ctx = cv.copy_context()
def work(n):
    var.set(n)
    other.set("in ctx")
    return var.get() * 2
print(ctx.run(work, 21), var.get(), ctx[var], ctx.get(other), other.get(None))
print(var in ctx, len(ctx), ctx.get(cv.ContextVar("z"), "none"))
try:
    ctx[1]
except TypeError as e:
    print("TypeError:", e)
def reenter():
    ctx.run(lambda: None)
try:
    ctx.run(reenter)
except RuntimeError:
    print("RuntimeError: already entered")
c2 = ctx.copy()
print(c2[var], c2 == ctx, isinstance(cv.Context(), cv.Context), len(cv.Context()))
