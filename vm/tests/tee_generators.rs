//! `itertools.tee` over generators that are sent to: the iterator sent to
//! forks its own copy of the generator, which CPython's tee cannot do.
//! (What CPython can do with a tee is checked by the `itertools_tee_*`
//! conformance cases.)

mod common_copy;
use common_copy::check;

#[test]
fn tee_iterators_sent_different_values_continue_independently() {
    check(
        r#"
import itertools
def adder():
    total = 0
    while True:
        total += yield total
a, b = itertools.tee(adder())
print(next(a), next(b))
print(a.send(10), b.send(100))
print(a.send(1), b.send(2))
"#,
        "0 0\n10 100\n11 102\n",
    );
}

#[test]
fn tee_send_forks_after_the_expensive_part_without_recomputing() {
    check(
        r#"
import itertools
def expensive():
    print("computing")
    base = sum(range(1000))
    while True:
        x = yield base
        base += x
a, b, c = itertools.tee(expensive(), 3)
print(next(a), next(b), next(c))
print(a.send(1), b.send(2), c.send(3))
"#,
        "computing\n499500 499500 499500\n499501 499502 499503\n",
    );
}

#[test]
fn tee_iterator_that_sent_leaves_the_others_on_the_original() {
    check(
        r#"
import itertools
def counter():
    n = 0
    while True:
        got = yield n
        n += 1 if got is None else got
a, b = itertools.tee(counter())
print(next(a), next(b))
print(a.send(50))
print(next(b), next(b))
print(next(a))
"#,
        "0 0\n50\n1 2\n51\n",
    );
}

#[test]
fn tee_iterator_behind_the_others_cannot_be_sent_to() {
    check(
        r#"
import itertools
def gen():
    x = 0
    while True:
        x = yield x
a, b = itertools.tee(gen())
next(a)
next(a)
try:
    b.send(5)
except ValueError as e:
    print(e)
print(next(b), next(b))
"#,
        "cannot send to a tee iterator that is behind the others: read the items they have read first\n0 None\n",
    );
}

#[test]
fn tee_over_an_iterator_without_send_has_no_send() {
    check(
        r#"
import itertools
a, b = itertools.tee([1, 2])
try:
    a.send(1)
except AttributeError as e:
    print(e)
print(list(a), list(b))
"#,
        "'itertools._tee' object has no attribute 'send'\n[1, 2] [1, 2]\n",
    );
}

#[test]
fn tee_throw_forks_and_the_others_are_untouched() {
    check(
        r#"
import itertools
def gen():
    while True:
        try:
            yield "ok"
        except KeyError:
            yield "caught"
a, b = itertools.tee(gen())
print(next(a), next(b))
print(a.throw(KeyError))
print(next(b))
"#,
        "ok ok\ncaught\nok\n",
    );
}

#[test]
fn last_tee_iterator_sent_to_takes_the_generator_without_copying_it() {
    // The others are gone, so the fork is the original: its `finally` runs
    // once, when the fork is dropped, not at the send.
    check(
        r#"
import itertools
def gen():
    try:
        x = yield 1
        yield x
    finally:
        print("closed")
a, b = itertools.tee(gen())
print(next(a))
del b
print(a.send(7))
a = None
print("end")
"#,
        "1\n7\nclosed\nend\n",
    );
}
