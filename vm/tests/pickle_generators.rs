//! `pickle.dumps`/`loads`/`dump`/`load`: suspended generators round-trip,
//! shared references stay shared, nested functions refuse, changed code and
//! bad data raise `UnpicklingError`.

mod common_copy;
use common_copy::{check, run_in};

#[test]
fn round_trip_keeps_state_and_sharing() {
    check(
        r#"
import pickle
SHARED = []
def gen():
    a = [1, 2]
    pair = (a, a)
    log = SHARED  # a local's list is state: copied, as deepcopy does
    try:
        raise KeyError('inner')
    except KeyError:
        x = yield pair[0] is pair[1]
        a.append(x)
        log.append(x)
        yield (a, pair[1] is a)
        raise
g = gen()
print(next(g))
s = pickle.dumps(g)
h = pickle.loads(s)
print(type(s).__name__, h.send(5), g.send(6))
print(SHARED)
try:
    next(h)
except KeyError as e:
    print('re-raised', repr(e))
print(pickle.loads(pickle.dumps({'k': [1, (2, 3)], 'n': None})))
"#,
        "True\nbytes ([1, 2, 5], True) ([1, 2, 6], True)\n[6]\nre-raised KeyError('inner')\n{'k': [1, (2, 3)], 'n': None}\n",
    );
}

#[test]
fn nested_function_generators_refuse() {
    check(
        r#"
import pickle
def outer():
    def inner():
        yield 1
    return inner()
try:
    pickle.dumps(outer())
except pickle.PicklingError as e:
    print('PicklingError:', e)
"#,
        "PicklingError: Can't pickle local object 'outer.<locals>.inner'\n",
    );
}

#[test]
fn corrupted_and_truncated_data_raise_unpickling_error() {
    check(
        r#"
import pickle
def gen():
    yield 1
    yield 2
g = gen(); next(g)
s = pickle.dumps(g)
bad = [s[:len(s) // 2], s[:-1], s.replace(b'yield', b'yiel!'), s[:40] + b'x' + s[41:], b'', b'garbage',
       b'yieldscope-pickle 99 0000000000000000\n()', s.split(b'\n')[0] + b'\n' + s.split(b'\n')[1][:-3],
       b'\xff\xfe']
for b in bad:
    try:
        pickle.loads(b)
        print('loaded?!')
    except pickle.UnpicklingError as e:
        print('UnpicklingError:', e)
for b in [42, s.decode()]:
    try:
        pickle.loads(b)
    except TypeError as e:
        print('TypeError:', e)
print(next(pickle.loads(s)), next(pickle.loads(bytearray(s))))
"#,
        "UnpicklingError: pickle data is corrupted or truncated (checksum mismatch)\n\
UnpicklingError: pickle data is corrupted or truncated (checksum mismatch)\n\
UnpicklingError: not a yieldscope pickle (bad header)\n\
UnpicklingError: pickle data is corrupted or truncated (checksum mismatch)\n\
UnpicklingError: truncated pickle data (no header)\n\
UnpicklingError: truncated pickle data (no header)\n\
UnpicklingError: unsupported pickle format version 99 (this build reads version 1)\n\
UnpicklingError: pickle data is corrupted or truncated (checksum mismatch)\n\
UnpicklingError: invalid pickle data: not a yieldscope pickle\n\
TypeError: a bytes-like object is required, not 'int'\n\
TypeError: a bytes-like object is required, not 'str'\n2 2\n",
    );
}

#[test]
fn a_changed_function_refuses_to_load_and_dump_load_use_files() {
    let tmp = tempfile::Builder::new()
        .prefix("ys_pickle_")
        .tempdir()
        .unwrap();
    let dir = tmp.path();
    let v1 = "def counter(n):\n    while True:\n        n += 1\n        yield n\n";
    let v2 = "def counter(n):\n    while True:\n        n += 2\n        yield n\n";
    let writer = "import pickle\nfrom lib_counter import counter\ng = counter(10)\nnext(g)\nwith open('g.pickle', 'wb') as f:\n    pickle.dump(g, f)\nprint('saved', next(g))\n";
    let reader = "import pickle\nfrom lib_counter import counter\ntry:\n    with open('g.pickle', 'rb') as f:\n        g = pickle.load(f)\n    print('loaded', next(g))\nexcept pickle.UnpicklingError as e:\n    print('UnpicklingError:', e)\n";
    std::fs::write(dir.join("lib_counter.py"), v1).unwrap();
    let a = run_in("writer.py", writer, dir);
    let b = run_in("reader.py", reader, dir);
    std::fs::write(dir.join("lib_counter.py"), v2).unwrap();
    let c = run_in("reader.py", reader, dir);
    assert_eq!(format!("{}{}", a.stdout, a.stderr), "saved 12\n");
    assert_eq!(format!("{}{}", b.stdout, b.stderr), "loaded 12\n");
    assert_eq!(
        format!("{}{}", c.stdout, c.stderr),
        "UnpicklingError: function 'counter' in module 'lib_counter' changed since it was pickled (source hash differs)\n"
    );
}

#[test]
fn generators_holding_bytes_pickle_and_copy() {
    check(
        r#"
import copy, pickle
def gen():
    key = b'\x00k\xff'
    buf = bytearray(b'ab')
    while True:
        x = yield (key, bytes(buf))
        buf.append(x)
g = gen()
next(g)
h = pickle.loads(pickle.dumps(g))
d = copy.deepcopy(g)
s = copy.copy(g)
print(g.send(67), h.send(68), d.send(69))
print(s.send(70), g.send(71))
print(type(pickle.dumps(g)).__name__, pickle.loads(pickle.dumps([b'', bytearray()])))
"#,
        "(b'\\x00k\\xff', b'abC') (b'\\x00k\\xff', b'abD') (b'\\x00k\\xff', b'abE')\n\
(b'\\x00k\\xff', b'abCF') (b'\\x00k\\xff', b'abCFG')\n\
bytes [b'', bytearray(b'')]\n",
    );
}
