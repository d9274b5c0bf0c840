# textwrap.wrap / fill / shorten.
import textwrap
text = "The quick brown fox jumps over the lazy dog. " * 4
print(textwrap.wrap(text, width=25))
print(textwrap.fill(text, width=40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten("Hello  world! This is   a long sentence.", width=20))
print(textwrap.shorten("Hello world", width=20, placeholder="..."))
