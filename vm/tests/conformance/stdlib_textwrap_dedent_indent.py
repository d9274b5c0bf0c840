# textwrap.dedent and indent.
import textwrap
block = """
    def f():
        return 1
    """
print(repr(textwrap.dedent(block)))
print(textwrap.indent("one\n\ntwo\n", "> "))
print(textwrap.indent("one\n\ntwo\n", "+ ", lambda line: True))
w = textwrap.TextWrapper(width=12, break_long_words=True, expand_tabs=True)
print(w.wrap("a\tverylongwordthatmustbreak here"))
