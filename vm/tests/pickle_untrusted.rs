//! `pickle.loads` on bytes from someone else: a damaged or hostile blob is
//! an `UnpicklingError` (or, past the checks, an ordinary Python exception),
//! never a panic or a hang; and a blob names only the program's code and
//! built-ins without outside effects.
//!
//! The mutation run: `cargo test -p yieldscope-vm --test pickle_untrusted`
//! tries a few thousand seeded mutations; the longer run for a fuzz job is
//! `YS_PICKLE_FUZZ_SECS=60 cargo test -p yieldscope-vm --test pickle_untrusted
//! -- --ignored --nocapture` (optionally `YS_PICKLE_FUZZ_SEED=N`).

use std::time::{Duration, Instant};
use yieldscope_vm::driver::{DriveStop, Resume};
use yieldscope_vm::object::Object;
use yieldscope_vm::pickle::format::{fnv64, FORMAT, VERSION};
use yieldscope_vm::{Event, Stream, Value, Vm};

/// Generators of several shapes, each advanced to an interesting point.
const SHAPES: &str = "\
import pickle
class Node:
    def __init__(self, v, nxt=None):
        self.v = v
        self.nxt = nxt
def looping(n):
    acc = []
    for i in range(n):
        try:
            acc.append((yield i))
        except ValueError:
            yield 'caught'
    return acc
def inner(k):
    total = 0
    for j in range(k):
        total += (yield j) or 0
    return total
def delegating():
    d = {'a': [1, 2], 'b': Node(3, Node(4))}
    r = yield from inner(4)
    yield (r, d)
def iterating(xs):
    pairs = zip(xs, map(abs, xs))
    for i, (x, y) in enumerate(pairs):
        yield i * x + y
    yield sorted(xs)
def handling():
    try:
        raise KeyError('k')
    except KeyError:
        yield 'in handler'
        raise
    finally:
        yield 'finally'
def unstarted(a, b=2):
    yield a + b
def fresh():
    return [looping(5), delegating(), iterating([3, -1, 2]), handling(), unstarted(1)]
gens = fresh()
for g, n in zip(gens, [2, 3, 2, 1, 0]):
    for _ in range(n):
        next(g)
";

/// A world with the shapes loaded, and their pickles.
fn prepared() -> (Vm, Vec<String>) {
    let mut vm = Vm::new();
    vm.load_main("shapes.py", SHAPES).expect("compiles");
    while let Event::Suspended { .. } | Event::Budget = vm.run(None) {}
    let err: String = vm
        .take_output()
        .into_iter()
        .filter(|(s, _)| *s == Stream::Stderr)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(err, "");
    let m = vm.main_module.expect("main");
    let gens = vm.module_global(m, "gens").expect("gens");
    let items = match gens.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::List(items)) => items.clone(),
        _ => panic!("gens is a list"),
    };
    let mut blobs = Vec::new();
    for g in items {
        blobs.push(vm.pickle_dumps(g).expect("pickles"));
    }
    (vm, blobs)
}

/// What loading (and resuming) one blob came to.
#[derive(Debug, PartialEq, Eq, Hash, Clone, Copy)]
enum Outcome {
    Refused,
    Loaded,
    Resumed,
    OutOfBudget,
}

/// Loads `text` into a copy of `base` and resumes what it holds a few
/// times, each bounded by a step budget. `Err` is a panic (message, place).
fn try_blob(base: &Vm, text: &str) -> Result<Outcome, String> {
    let mut vm = base.clone();
    let out = vm.guarded(|vm| {
        let v = match vm.pickle_loads(text) {
            Ok(v) => v,
            Err(_) => return Outcome::Refused,
        };
        let Value::Obj(g) = v else {
            return Outcome::Loaded;
        };
        if !vm.is_generator_value(v) {
            return Outcome::Loaded;
        }
        for _ in 0..3 {
            let stop = match vm.drive_start(g, Resume::Next) {
                Some(s) => s,
                None => vm.drive_run(Some(20_000)),
            };
            match stop {
                DriveStop::Yielded(_) => {}
                DriveStop::Event(Event::Budget) => return Outcome::OutOfBudget,
                _ => return Outcome::Resumed,
            }
        }
        Outcome::Resumed
    });
    out.map_err(|e| e.to_string())
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }
}

/// One seeded mutation of a blob's document; the header gets the new
/// checksum (most of the time), so the loader's own checks are exercised.
fn mutate(blob: &str, rng: &mut Rng) -> String {
    let (_, body) = blob.split_once('\n').expect("header");
    let mut b: Vec<u8> = body.as_bytes().to_vec();
    let rounds = 1 + rng.below(3);
    for _ in 0..rounds {
        let len = b.len();
        match rng.below(7) {
            0 => b.truncate(rng.below(len)),
            1 => {
                let i = rng.below(len);
                if i < len {
                    b[i] = b"0123456789(),:[]Some_None\"ObjIntStr"[rng.below(35)];
                }
            }
            2 => {
                let i = rng.below(len + 1);
                b.insert(i.min(len), b"0129(),[]"[rng.below(9)]);
            }
            3 => {
                let i = rng.below(len);
                let n = 1 + rng.below(12);
                b.drain(i..(i + n).min(len));
            }
            4 => {
                let i = rng.below(len);
                let n = 1 + rng.below(40);
                let piece: Vec<u8> = b[i..(i + n).min(len)].to_vec();
                let at = rng.below(len + 1).min(len);
                b.splice(at..at, piece);
            }
            _ => {
                // Rewrite one number (an index, a pc, a count, a depth).
                let starts: Vec<usize> = (0..len)
                    .filter(|&i| b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()))
                    .collect();
                if starts.is_empty() {
                    continue;
                }
                let s = starts[rng.below(starts.len())];
                let e = (s..len).find(|&i| !b[i].is_ascii_digit()).unwrap_or(len);
                let old: u64 = std::str::from_utf8(&b[s..e])
                    .ok()
                    .and_then(|t| t.parse().ok())
                    .unwrap_or(0);
                let new = match rng.below(6) {
                    0 => 0,
                    1 => old + 1,
                    2 => old.saturating_sub(1),
                    3 => old + 2 + rng.next() % 8,
                    4 => rng.next() % 64,
                    _ => u64::from(u32::MAX) + rng.next() % 3,
                };
                b.splice(s..e, new.to_string().into_bytes());
            }
        }
    }
    let body = String::from_utf8_lossy(&b).into_owned();
    if rng.below(16) == 0 {
        // Keep the old checksum: refused as corrupted.
        let (head, _) = blob.split_once('\n').expect("header");
        return format!("{head}\n{body}");
    }
    format!("{FORMAT} {VERSION} {:016x}\n{body}", fnv64(body.as_bytes()))
}

/// Tries mutations for `secs`; returns (tries, outcomes, panics).
fn fuzz(
    seed: u64,
    secs: f64,
) -> (
    usize,
    std::collections::BTreeMap<String, usize>,
    Vec<String>,
) {
    let (base, blobs) = prepared();
    let mut rng = Rng(seed | 1);
    let start = Instant::now();
    let mut tries = 0;
    let mut counts = std::collections::BTreeMap::new();
    let mut panics = Vec::new();
    while start.elapsed() < Duration::from_secs_f64(secs) {
        let blob = &blobs[tries % blobs.len()];
        let text = mutate(blob, &mut rng);
        let t0 = Instant::now();
        match try_blob(&base, &text) {
            Ok(o) => *counts.entry(format!("{o:?}")).or_insert(0) += 1,
            Err(p) => {
                if panics.len() < 20 {
                    panics.push(format!("{p}\n  blob: {text}"));
                }
                *counts.entry("Panicked".to_string()).or_insert(0) += 1;
            }
        }
        assert!(
            t0.elapsed() < Duration::from_secs(20),
            "one blob took {:?}: {text}",
            t0.elapsed()
        );
        tries += 1;
    }
    (tries, counts, panics)
}

#[test]
fn the_unmutated_blobs_load_and_resume() {
    let (base, blobs) = prepared();
    for b in &blobs {
        assert_eq!(try_blob(&base, b), Ok(Outcome::Resumed), "{b}");
    }
}

#[test]
fn seeded_mutations_of_pickled_generators_never_panic_or_hang() {
    let (tries, counts, panics) = fuzz(0x5eed_0001, 12.0);
    eprintln!("pickle mutations: {tries} tried, {counts:?}");
    assert!(tries > 100, "{tries}");
    assert!(
        panics.is_empty(),
        "{} panics:\n{}",
        panics.len(),
        panics.join("\n")
    );
}

/// The longer run for a fuzz job (see the module comment).
#[test]
#[ignore = "long fuzz run; set YS_PICKLE_FUZZ_SECS"]
fn long_pickle_fuzz() {
    let secs = std::env::var("YS_PICKLE_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60.0);
    let seed = std::env::var("YS_PICKLE_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_0002);
    let (tries, counts, panics) = fuzz(seed, secs);
    eprintln!("pickle mutations: {tries} tried, {counts:?}");
    assert!(
        panics.is_empty(),
        "{} panics:\n{}",
        panics.len(),
        panics.join("\n")
    );
}

/// Pickles `expr` in a fresh program, then loads it and advances it.
fn load_and_advance(expr: &str) -> (String, bool) {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("made.txt");
    let src = format!(
        "import pickle\nit = {expr}\ntry:\n    b = pickle.dumps(it)\nexcept Exception as e:\n    print('dumps', type(e).__name__)\nelse:\n    try:\n        x = pickle.loads(b)\n        next(x)\n        print('advanced')\n    except pickle.UnpicklingError as e:\n        print('UnpicklingError:', e)\n"
    );
    let src = src.replace("TARGET", &format!("{:?}", target.display().to_string()));
    // The pickle is made while `it` is not advanced: the file is not created
    // by making the blob, only by advancing what a load gives back.
    let mut vm = Vm::new();
    vm.load_main("t.py", &src).expect("compiles");
    while let Event::Suspended { .. } | Event::Budget = vm.run(None) {}
    let out: String = vm.take_output().into_iter().map(|(_, t)| t).collect();
    (out, target.exists())
}

#[test]
fn a_blob_naming_open_import_exec_or_eval_is_refused_and_acts_on_nothing() {
    for (expr, name) in [
        ("map(open, [TARGET], ['w'])", "open"),
        ("map(__import__, ['helper_never'])", "__import__"),
    ] {
        let (out, made) = load_and_advance(expr);
        assert_eq!(
            out,
            format!(
                "UnpicklingError: a pickle may not hold '{name}' (it acts outside the program)\n"
            ),
            "{expr}"
        );
        assert!(!made, "{expr} created the file");
    }
    // Built-ins without outside effects load and run.
    let (out, _) = load_and_advance("map(abs, [-1])");
    assert_eq!(out, "advanced\n");
}

#[test]
fn a_hand_made_blob_naming_any_built_in_with_outside_effects_is_refused() {
    let mut vm = Vm::new();
    vm.load_main("t.py", "import pickle\nb = pickle.dumps(map(abs, [1]))\n")
        .expect("compiles");
    while let Event::Suspended { .. } | Event::Budget = vm.run(None) {}
    let m = vm.main_module.expect("main");
    let b = vm.module_global(m, "b").expect("b");
    let text = String::from_utf8(vm.as_bytes_like(b).expect("bytes").to_vec()).expect("utf-8");
    let (_, body) = text.split_once('\n').expect("header");
    for (owner, name, shown) in [
        ("builtins", "exec", "exec"),
        ("builtins", "eval", "eval"),
        ("builtins", "compile", "compile"),
        ("builtins", "input", "input"),
        ("builtins", "breakpoint", "breakpoint"),
        ("builtins", "open", "open"),
        ("sys", "exit", "sys.exit"),
        ("gc", "collect", "gc.collect"),
    ] {
        let body = body.replace(
            "Builtin(owner:\"builtins\",name:\"abs\")",
            &format!("Builtin(owner:{owner:?},name:{name:?})"),
        );
        let blob = format!("{FORMAT} {VERSION} {:016x}\n{body}", fnv64(body.as_bytes()));
        let e = vm.pickle_loads(&blob).expect_err("refused");
        let msg = vm.to_str(e).expect("message");
        assert_eq!(
            msg,
            format!("a pickle may not hold '{shown}' (it acts outside the program)")
        );
    }
}

#[test]
fn the_checks_accept_a_generator_pickled_at_every_kind_of_resume_point() {
    let src = "\
import pickle
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False
def sub():
    yield 's1'
    return (yield 's2')
def shapes():
    with CM() as c:
        x = [1, (yield 'a'), 3]
        d = {'k': (yield 'b'), 'j': [(yield 'b2')]}
        s = f'{(yield 1.5)}!' + str(abs((yield -2)))
        for i in range(2):
            try:
                yield i
            except KeyError:
                pass
            finally:
                z = abs((yield 'f'))
    while True:
        try:
            r = yield from sub()
        except ValueError:
            raise
        if r:
            break
    print((yield 'p'), (yield 'q'), *[(yield 'star')])
    return x, d, s
g = shapes()
a = next(g)
n = 0
while True:
    h = pickle.loads(pickle.dumps(g))
    try:
        a = g.send(n)
    except StopIteration as e:
        try:
            h.send(n)
        except StopIteration as f:
            print('end', e.value == f.value)
        break
    b = h.send(n)
    assert a == b, (a, b)
    n += 1
print(n)
";
    let mut vm = Vm::new();
    vm.load_main("t.py", src).expect("compiles");
    while let Event::Suspended { .. } | Event::Budget = vm.run(None) {}
    let out: String = vm.take_output().into_iter().map(|(_, t)| t).collect();
    assert!(out.contains("end True\n"), "{out}");
    assert!(!out.contains("Traceback"), "{out}");
}
