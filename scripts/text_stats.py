"""Text statistics with generator pipelines.

An embedded text is processed by a chain of small generators: split into
lines, strip comments and blank lines, split into words, normalise case
and punctuation.  Nothing is materialised until a consumer pulls on the
end of the chain.  The results are summarised with
``collections.Counter``, ``itertools.groupby`` over sorted words, a
``defaultdict`` index of line numbers, and ``functools.reduce``.
"""
from collections import Counter, defaultdict
import functools
import itertools

TEXT = """\
# A short essay on generators, used as sample input.
A generator is a function that can pause. When it pauses, it hands a
value to its caller and keeps its local state; when it is resumed, it
continues right where it stopped.

Generators make pipelines easy. Each stage pulls values from the stage
before it, transforms them, and passes them on. No stage needs to hold
the whole input, so a pipeline can process a stream that never ends.

# Coroutines are the other half of the story.
A coroutine is a generator that also receives values. The caller sends
a value in, the coroutine does some work, and it yields a result back.
With send, throw and close, the caller can steer the coroutine, raise
an error inside it, or ask it to clean up and finish.

Debugging such code is hard, because the state is spread across many
paused frames. A debugger that can step backwards makes it easier: it
can show how each frame reached the state it is in now.
"""

STOP_WORDS = {"a", "an", "and", "the", "it", "is", "to", "of", "in", "that",
              "can", "its", "so", "on", "or", "when", "where", "them", "no"}


def numbered_lines(text):
    for number, line in enumerate(text.splitlines(), start=1):
        yield number, line


def content_only(lines):
    for number, line in lines:
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            yield number, stripped


def words(lines):
    for number, line in lines:
        for raw in line.split():
            word = raw.strip(".,;:!?\"'()").lower()
            if word:
                yield number, word


def sentences(lines):
    """Re-join lines and yield one sentence at a time."""
    pending = []
    for _, line in lines:
        for token in line.split():
            pending.append(token)
            if token.endswith((".", "!", "?")):
                yield " ".join(pending)
                pending = []
    if pending:
        yield " ".join(pending)


def pipeline():
    return words(content_only(numbered_lines(TEXT)))


def main():
    all_words = [w for _, w in pipeline()]
    counts = Counter(all_words)
    print(f"{len(all_words)} words, {len(counts)} distinct")
    print("most common (ties broken alphabetically):")
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    for word, n in ranked[:8]:
        print(f"  {word:<10} {n:2d} {'*' * n}")

    content = Counter(w for w in all_words if w not in STOP_WORDS)
    top = sorted(content.items(), key=lambda item: (-item[1], item[0]))[:6]
    print(f"top content words: {', '.join(f'{w}={n}' for w, n in top)}")

    print("words grouped by first letter (3+ distinct):")
    distinct = sorted(counts)
    for letter, group in itertools.groupby(distinct, key=lambda w: w[0]):
        members = list(group)
        if len(members) >= 3:
            print(f"  {letter}: {' '.join(members)}")

    by_length = defaultdict(list)
    for word in distinct:
        by_length[len(word)].append(word)
    longest = max(by_length)
    print(f"longest words ({longest} letters): {by_length[longest]}")
    histogram = " ".join(f"{n}:{len(by_length[n])}" for n in sorted(by_length))
    print(f"length histogram: {histogram}")

    index = defaultdict(list)
    for number, word in pipeline():
        if word.startswith(("generator", "coroutine")) and number not in index[word]:
            index[word].append(number)
    print("line index:")
    for word in sorted(index):
        print(f"  {word:<12} lines {index[word]}")

    all_sentences = list(sentences(content_only(numbered_lines(TEXT))))
    shortest = min(all_sentences, key=len)
    print(f"{len(all_sentences)} sentences; shortest: {shortest!r}")
    total_chars = functools.reduce(lambda acc, s: acc + len(s), all_sentences, 0)
    print(f"average sentence length: {total_chars / len(all_sentences):.1f} chars")
    lengths = [len(s.split()) for s in all_sentences]
    print(f"words per sentence: {lengths}")

    first_long = next((w for _, w in pipeline() if len(w) > 9), None)
    print(f"first word longer than 9 letters: {first_long}")
    pairs = Counter(zip(all_words, all_words[1:]))
    common_pairs = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))[:4]
    for (a, b), n in common_pairs:
        print(f"  bigram '{a} {b}' x{n}")


if __name__ == "__main__":
    main()
