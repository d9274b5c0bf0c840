//! One test per row of the design's copy semantics table, and per case of
//! the copy issue: each runs a program and asserts its exact output.

mod common_copy;
use common_copy::check;

#[test]
fn shallow_copy_has_its_own_frame_and_shares_references() {
    check(
        r#"
import copy
def gen():
    items = [1]
    for i in range(4):
        x = yield (i, items)
        if x is not None:
            items = x
g = gen()
print(next(g))
c = copy.copy(g)
print(c.send([2]))
print(next(g))
print(next(c), next(g, 'done'))
"#,
        "(0, [1])\n(1, [2])\n(2, [1])\n(3, [2]) done\n",
    );
}

#[test]
fn shallow_copy_shares_the_loop_iterator_and_yield_from_delegate() {
    check(
        r#"
import copy
def inner():
    yield 'a'
    yield 'b'
    yield 'c'
def outer():
    yield from inner()
g = outer()
print(next(g))
c = copy.copy(g)
print(next(c), next(g))
def loop():
    for x in iter([1, 2, 3, 4]):
        yield x
g = loop(); next(g)
c = copy.copy(g)
print(next(g), next(c), next(g))
"#,
        "a\nb c\n2 3 4\n",
    );
}

#[test]
fn deepcopy_copies_everything_reachable_with_one_memo() {
    check(
        r#"
import copy
def gen():
    a = [1, 2]
    b = a
    it = iter(a)
    for x in it:
        y = yield (a is b, x)
        a.append(y)
g = gen()
print(next(g))
h = copy.deepcopy(g)
print(g.send(10), h.send(20))
print(g.send(11), h.send(21))
"#,
        "(True, 1)\n(True, 2) (True, 2)\n(True, 10) (True, 20)\n",
    );
}

#[test]
fn deepcopy_keeps_one_generator_one_and_shares_globals_functions_classes() {
    check(
        r#"
import copy
LOG = []
class K:
    pass
def helper(x):
    return x * 2
def sub():
    n = 0
    while True:
        n += 1
        yield n
def gen():
    s = sub()
    t = s
    k = K()
    for v in s:
        LOG.append(v)
        yield (s is t, helper(v), type(k) is K)
g = gen()
print(next(g))
h = g.copy()
print(next(h), next(g), next(h))
print(LOG)
"#,
        "(True, 2, True)\n(True, 4, True) (True, 4, True) (True, 6, True)\n[1, 2, 2, 3]\n",
    );
}

#[test]
fn yield_in_the_middle_of_an_expression() {
    check(
        r#"
import copy
def gen():
    total = 100 + (yield 'first') * 10 + (yield 'second')
    yield total
g = gen()
next(g)
g.send(5)
h = copy.deepcopy(g)
print(g.send(1), h.send(2))
"#,
        "151 152\n",
    );
}

#[test]
fn finally_runs_in_the_closed_copy_only() {
    check(
        r#"
import copy
def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print('finally in', name)
g = gen('g')
next(g)
h = copy.deepcopy(g)
h.close()
print('closed h')
print(next(g))
g.close()
def withgen():
    class Ctx:
        def __enter__(self):
            return self
        def __exit__(self, *a):
            print('exit', a[0])
            return False
    with Ctx():
        yield 'in with'
w = withgen(); next(w)
w2 = w.copy()
w2.close()
print('--')
w.close()
"#,
        "finally in g\nclosed h\n2\nfinally in g\nexit <class 'GeneratorExit'>\n--\nexit <class 'GeneratorExit'>\n",
    );
}

#[test]
fn suspended_inside_except_reraises_in_the_copy() {
    check(
        r#"
import copy
def gen():
    try:
        raise KeyError('boom')
    except KeyError:
        yield 'handling'
        raise
g = gen()
print(next(g))
for x in (copy.deepcopy(g), copy.copy(g), g):
    try:
        next(x)
    except KeyError as e:
        print('re-raised', repr(e))
"#,
        "handling\nre-raised KeyError('boom')\nre-raised KeyError('boom')\nre-raised KeyError('boom')\n",
    );
}

#[test]
fn running_generator_refuses() {
    check(
        r#"
import copy, pickle
def gen():
    me = yield
    for op in (copy.copy, copy.deepcopy, pickle.dumps, lambda g: g.copy()):
        try:
            op(me)
        except ValueError as e:
            print('ValueError:', e)
    holder = [me]
    try:
        copy.deepcopy(holder)
    except ValueError as e:
        print('reached:', e)
    yield
g = gen()
next(g)
g.send(g)
"#,
        "ValueError: generator already executing\nValueError: generator already executing\nValueError: generator already executing\nValueError: generator already executing\nreached: generator already executing\n",
    );
}

#[test]
fn open_files_are_shared_by_copy_and_refused_by_deepcopy_and_pickle() {
    let tmp = tempfile::Builder::new()
        .prefix("ys_copy_files_")
        .tempdir()
        .unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("data.txt"), "one\ntwo\nthree\n").unwrap();
    let src = r#"
import copy, pickle
LOG = open('data.txt')
def reader():
    f = open('data.txt')
    for line in f:
        yield line.strip()
def uses_global():
    n = 0
    while True:
        n += 1
        yield (n, LOG.closed)
r = reader()
print(next(r))
c = copy.copy(r)
print(next(c), next(r))
for op, name in ((copy.deepcopy, 'deepcopy'), (pickle.dumps, 'dumps'), (lambda g: g.copy(), 'g.copy')):
    try:
        op(r)
    except TypeError as e:
        print(name, 'TypeError:', e)
print(next(r, 'end'))
u = uses_global(); next(u)
print(next(copy.deepcopy(u)), next(u))
"#;
    let out = common_copy::run_in("files.py", src, dir);
    assert_eq!(
        format!("{}{}", out.stdout, out.stderr),
        "one\ntwo three\ndeepcopy TypeError: cannot deepcopy generator 'reader': local 'f' holds an open file\n\
dumps TypeError: cannot pickle generator 'reader': local 'f' holds an open file\n\
g.copy TypeError: cannot deepcopy generator 'reader': local 'f' holds an open file\nend\n(2, False) (2, False)\n"
    );
}

#[test]
fn delegation_chain_three_deep() {
    check(
        r#"
import copy
def c():
    got = []
    while len(got) < 3:
        got.append((yield 'c%d' % len(got)))
    return got
def b():
    r = yield from c()
    return ('b', r)
def a():
    r = yield from b()
    yield ('a', r)
g = a()
print(next(g), g.send(1))
h = copy.deepcopy(g)
print(g.send(2), h.send(20))
print(g.send(3), h.send(30))
"#,
        "c0 c1\nc2 c2\n('a', ('b', [1, 2, 3])) ('a', ('b', [1, 20, 30]))\n",
    );
}

#[test]
fn generators_referring_to_themselves() {
    check(
        r#"
import copy
def in_local():
    me = yield
    yield 'ready'
    yield me
g = in_local(); next(g); g.send(g)
h = copy.deepcopy(g)
print(next(h) is h, next(g) is g)

SELF = None
def in_global():
    yield SELF
    yield SELF
g = in_global(); SELF = g; next(g)
h = copy.deepcopy(g)
print(next(h) is g)

def in_cell():
    me = yield
    def get():
        return me
    yield get
    yield get() 
g = in_cell(); next(g); get = g.send(g)
h = copy.deepcopy(g)
print(next(h) is h, next(g) is g)

def on_stack():
    me = yield
    yield [me, (yield 'mid')]
g = on_stack(); next(g); g.send(g)
h = copy.deepcopy(g)
lst = h.send('x')
print(lst[0] is h, lst[1])
"#,
        "True True\nTrue\nTrue True\nTrue x\n",
    );
}

#[test]
fn closures_are_copied_with_their_cells() {
    check(
        r#"
import copy
def gen():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    while True:
        yield bump()
g = gen()
print(next(g), next(g))
h = copy.deepcopy(g)
print(next(h), next(h), next(g))
"#,
        "1 2\n3 4 3\n",
    );
}

#[test]
fn unstarted_and_finished_generators_copy() {
    check(
        r#"
import copy
def gen():
    yield 1
    yield 2
g = gen()
h = copy.deepcopy(g)
print(list(h), list(g))
print(list(copy.copy(g)), list(copy.deepcopy(g)), g.copy() is g)
"#,
        "[1, 2] [1, 2]\n[] [] False\n",
    );
}

#[test]
fn dropping_a_deep_copy_frees_everything_it_made() {
    check(
        r#"
import copy, gc
def gen():
    data = {'xs': [[i] for i in range(50)], 'name': 'n'}
    it = iter(data['xs'])
    for row in it:
        yield len(data['xs']) + row[0]
g = gen()
next(g)
gc.collect()
"#,
        "",
    );
    // The live-object count is checked on the heap directly.
    let mut vm = yieldscope_vm::Vm::new();
    let src = r#"
import copy
class Node:
    def __init__(self, v):
        self.v = v
        self.me = self
def gen():
    data = {'xs': [[i] for i in range(50)], 'node': Node(3)}
    it = iter(data['xs'])
    for row in it:
        yield len(data['xs']) + row[0]
g = gen()
next(g)
"#;
    vm.load_main("t.py", src).unwrap();
    while !matches!(
        vm.run(None),
        yieldscope_vm::Event::Finished | yieldscope_vm::Event::Uncaught
    ) {}
    vm.collect_cycles();
    let main = vm.modules["__main__"];
    let g = match vm.heap.get(main) {
        yieldscope_vm::object::Object::Module(m) => m.globals[&vm.names.lookup("g").unwrap()],
        _ => unreachable!(),
    };
    let before = vm.heap.live;
    for _ in 0..3 {
        let c = vm.deep_copy(g).unwrap();
        assert!(vm.heap.live > before + 50, "the copy made new objects");
        vm.heap.decref(c);
        vm.gc_collect_full();
        assert_eq!(
            vm.heap.live, before,
            "a dropped deep copy leaves nothing behind"
        );
    }
}

#[test]
fn deepcopy_and_copy_of_every_value_kind() {
    check(
        r#"
import copy, itertools, random, collections, functools
class C:
    def __init__(self):
        self.xs = [1]
class Hooked:
    def __copy__(self):
        return 'copied'
    def __deepcopy__(self, memo):
        return 'deep-copied'
t = (1, 'a', (2, 3))
print(copy.deepcopy(t) is t, copy.copy(t) is t)
l = [[1], [2]]
d = copy.deepcopy(l); s = copy.copy(l)
print(d == l, d[0] is l[0], s[0] is l[0])
c = C(); c2 = copy.deepcopy(c)
print(c2.xs == c.xs, c2.xs is c.xs, copy.copy(c).xs is c.xs)
print(copy.copy(Hooked()), copy.deepcopy([Hooked()]))
dd = collections.defaultdict(list); dd['a'].append(1)
print(copy.deepcopy(dd), copy.deepcopy(collections.Counter('aab')))
print(copy.deepcopy(collections.deque([1, 2], maxlen=3)))
k1 = C(); m = {k1: 'v'}
m2 = copy.deepcopy([k1, m])
print(m2[0] in m2[1], k1 in m2[1])
r = random.Random(5); r2 = copy.deepcopy(r)
print(r.random() == r2.random())
it = iter([1, 2, 3]); next(it)
print(list(copy.copy(it)), list(copy.deepcopy(it)), list(it))
rng = iter(range(5)); next(rng)
print(list(copy.deepcopy(rng)), list(rng))
z = zip('abc', itertools.count()); next(z)
print(list(copy.deepcopy(z)), list(z))
mp = map(lambda x: x * 10, [1, 2, 3]); next(mp)
print(list(copy.deepcopy(mp)), list(mp))
ge = (x * x for x in range(4)); next(ge)
print(list(copy.deepcopy(ge)), list(ge))
for obj in (itertools.cycle('ab'), itertools.count(5), itertools.islice(itertools.count(), 2, None)):
    next(obj)
    cp = copy.deepcopy(obj)
    print(next(cp), next(obj), next(cp))
p = itertools.permutations([1, 2, 3]); next(p)
print(next(copy.deepcopy(p)), next(p))
print(copy.deepcopy(functools.partial(max, 1))(5))
print(copy.deepcopy(len) is len, copy.deepcopy(C) is C, copy.deepcopy(copy) is copy)
"#,
        "True True\nTrue False True\nTrue False True\ncopied ['deep-copied']\n\
defaultdict(<class 'list'>, {'a': [1]}) Counter({'a': 2, 'b': 1})\ndeque([1, 2], maxlen=3)\n\
True False\nTrue\n[2, 3] [2, 3] [2, 3]\n[1, 2, 3, 4] [1, 2, 3, 4]\n\
[('b', 1), ('c', 2)] [('b', 1), ('c', 2)]\n[20, 30] [20, 30]\n[1, 4, 9] [1, 4, 9]\n\
b b a\n6 6 7\n3 3 4\n(1, 3, 2) (1, 3, 2)\n5\nTrue True True\n",
    );
}

#[test]
fn issue_example() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts");
    let src = r#"
import copy, pickle
from card_game import card_game
game1 = card_game(seed=3)
choices = game1.send(None)
game2 = game1.copy()
assert game1.send(choices[0]) == game2.send(choices[0])
blob = pickle.dumps(game1)
game3 = pickle.loads(blob)
print('ok', type(blob).__name__)
"#;
    let out = common_copy::run_in("issue.py", src, &dir);
    assert_eq!(format!("{}{}", out.stdout, out.stderr), "ok bytes\n");
}

#[test]
fn copies_and_unpickled_generators_get_their_own_frame_objects() {
    check(
        r#"
import copy, pickle
def gen():
    x = 1
    yield x
    x = 2
    yield x
g = gen()
f = g.gi_frame
next(g)
for c in (copy.copy(g), copy.deepcopy(g), g.copy(), pickle.loads(pickle.dumps(g))):
    print(c.gi_frame is f, c.gi_frame is c.gi_frame, c.gi_frame.f_lineno)
    next(c)
    print(c.gi_frame.f_locals, f.f_locals)
print(g.gi_frame is f)
"#,
        "False True 5\n{'x': 2} {'x': 1}\nFalse True 5\n{'x': 2} {'x': 1}\nFalse True 5\n{'x': 2} {'x': 1}\nFalse True 5\n{'x': 2} {'x': 1}\nTrue\n",
    );
}
