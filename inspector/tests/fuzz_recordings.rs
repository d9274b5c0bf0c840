//! A bounded fuzz run over recordings: seeded mutations of the format
//! fixtures (truncation, byte flips, deleted and duplicated lines, edited
//! numbers) fed to the loader and to what every read command does with a
//! recording (`show`'s timeline and frames, `show --at`'s restore,
//! `replay`, `diff`), in this process. Every input must give a result or a
//! clear error: a panic or an input that runs past its time fails the run.
//!
//! `cargo test -p yieldscope-inspector --test fuzz_recordings` runs a few
//! hundred inputs; CI (`.ci/run`) runs the ignored `fuzz_for_a_while` for
//! `YS_FUZZ_SECS` seconds (default 60; `YS_FUZZ_SEED` picks the seed).
//! The cargo-fuzz targets in `fuzz/` are for longer, coverage-guided runs.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use yieldscope_inspector::diff::diff_worlds;
use yieldscope_inspector::trace::{first_divergence, trace};
use yieldscope_inspector::world::world_view;

/// How long one input may take before it counts as a hang.
const PER_INPUT: Duration = Duration::from_secs(20);

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            usize::try_from(self.next() % n as u64).unwrap_or(0)
        }
    }
}

fn fixtures() -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| {
            let b = std::fs::read(&p).expect("fixture");
            (p, b)
        })
        .collect();
    out.sort();
    out
}

/// One seeded mutation of `input`.
fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut b = input.to_vec();
    match rng.below(8) {
        6 | 7 => {
            // Edit an instruction of a keyframe's code: an operand, or one
            // instruction for another, so the line still parses.
            b = mutate_code(rng, &b);
        }
        0 => b.truncate(rng.below(b.len() + 1)),
        1 => {
            for _ in 0..=rng.below(8) {
                if !b.is_empty() {
                    let i = rng.below(b.len());
                    b[i] ^= 1 << rng.below(8);
                }
            }
        }
        2 | 3 => {
            let text = String::from_utf8_lossy(&b).into_owned();
            let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
            if !lines.is_empty() {
                let i = rng.below(lines.len());
                if rng.below(2) == 0 {
                    lines.remove(i);
                } else {
                    let l = lines[i];
                    lines.insert(i, l);
                }
            }
            b = lines.concat().into_bytes();
        }
        _ => {
            // Edit a number: another digit string where digits are.
            let digits: Vec<usize> = b
                .iter()
                .enumerate()
                .filter(|(_, c)| c.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            if !digits.is_empty() {
                let i = digits[rng.below(digits.len())];
                let new = match rng.below(4) {
                    0 => "0".to_string(),
                    1 => "4294967295".to_string(),
                    2 => "18446744073709551615".to_string(),
                    _ => rng.below(1000).to_string(),
                };
                b.splice(i..=i, new.into_bytes());
            }
        }
    }
    b
}

/// Instructions a keyframe's code may hold, as RON writes them.
const OPS: &[&str] = &[
    "PopTop",
    "Nop",
    "DupTop",
    "RotTwo",
    "Return",
    "YieldValue",
    "GetIter",
    "Subscript",
    "LoadConst(0)",
    "LoadFast(0)",
    "StoreFast(0)",
    "Call(2)",
    "Binary(Add)",
    "BuildTuple(3)",
    "LoadDeref(0)",
    "Raise(1)",
    "ListAppend(2)",
];

/// One instruction of a keyframe's `ops:[...]` changed: an operand set to
/// another number, or the whole instruction swapped for another. Jumps are
/// left alone: an edited jump can make a loop the checks cannot tell from
/// a program's own endless loop, and running on from such a keyframe
/// (replaying a branch) then runs as long as that program would.
fn mutate_code(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(input).into_owned();
    let lists: Vec<usize> = text.match_indices("ops:[").map(|(i, _)| i + 5).collect();
    if lists.is_empty() {
        return input.to_vec();
    }
    let start = lists[rng.below(lists.len())];
    let Some(len) = text[start..].find(']') else {
        return input.to_vec();
    };
    let list = &text[start..start + len];
    // Instruction boundaries: commas outside parentheses.
    let mut bounds = vec![0];
    let mut depth = 0;
    for (i, c) in list.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => bounds.push(i + 1),
            _ => {}
        }
    }
    let k = rng.below(bounds.len());
    let from = bounds[k];
    let to = bounds.get(k + 1).map_or(list.len(), |e| e - 1);
    let op = &list[from..to];
    if op.contains("Jump") || op.starts_with("ForIter") || op.starts_with("Setup") {
        return input.to_vec();
    }
    let new = if rng.below(2) == 0 {
        OPS[rng.below(OPS.len())].to_string()
    } else {
        let n = match rng.below(3) {
            0 => rng.below(4),
            1 => rng.below(64),
            _ => 4_000_000_000,
        };
        match op.find(|c: char| c.is_ascii_digit()) {
            Some(d) => {
                let end = op[d..]
                    .find(|c: char| !c.is_ascii_digit())
                    .map_or(op.len(), |e| d + e);
                format!("{}{n}{}", &op[..d], &op[end..])
            }
            None => OPS[rng.below(OPS.len())].to_string(),
        }
    };
    let at = start + from;
    format!("{}{new}{}", &text[..at], &text[start + to..]).into_bytes()
}

/// An internal error is a panic the step boundary caught: as much a
/// failure of the loader's checks as a panic that got through.
fn no_internal_error<T>(r: &Result<T, yieldscope_inspector::Error>) {
    if let Err(yieldscope_inspector::Error::Internal(e)) = r {
        panic!("internal error: {e}");
    }
}

/// What the read commands do with a recording, short of printing it.
fn read_everything(path: &Path, bytes: &[u8]) {
    let Ok(rec) = yieldscope_inspector::load_bytes(path, bytes) else {
        return;
    };
    let mut traces = Vec::new();
    for b in 0..=rec.newest() {
        let Ok(events) = rec.events(b) else {
            continue;
        };
        let t = trace(events.iter().copied());
        for item in &t {
            let _ = item.to_string();
        }
        traces.push(t);
        let n = rec.branch(b).map_or(0, |br| br.suspension_count());
        for i in [0, 1, n / 2, n.saturating_sub(1)] {
            let restored = rec.restore(b, i);
            no_internal_error(&restored);
            if let (Ok(vm), Ok(s)) = (restored, rec.suspension(b, i)) {
                let w = world_view(&vm, s);
                let _ = format!("{w:?}");
            }
        }
    }
    if traces.len() > 1 {
        let _ = first_divergence(&traces[0], &traces[traces.len() - 1]);
    }
    // `diff`'s frame diff: the first and the last suspension of branch 0.
    let n = rec.branch(0).map_or(0, |br| br.suspension_count());
    let views: Vec<_> = [0, n.saturating_sub(1)]
        .into_iter()
        .filter_map(|i| {
            Some(world_view(
                &rec.restore(0, i).ok()?,
                rec.suspension(0, i).ok()?,
            ))
        })
        .collect();
    if let [a, b] = views.as_slice() {
        let _ = format!("{:?}", diff_worlds(a, b));
    }
    no_internal_error(&yieldscope_inspector::check::replay(&rec, false));
}

/// Runs `read_everything` on one input in a thread; `Err` on a panic or a hang.
fn try_input(path: &Path, bytes: Vec<u8>) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    let p = path.to_path_buf();
    let spawned = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let r = std::panic::catch_unwind(|| read_everything(&p, &bytes));
            let _ = tx.send(r.is_ok());
        });
    if spawned.is_err() {
        return Ok(());
    }
    match rx.recv_timeout(PER_INPUT) {
        Ok(true) => Ok(()),
        Ok(false) | Err(mpsc::RecvTimeoutError::Disconnected) => Err("panicked".into()),
        Err(mpsc::RecvTimeoutError::Timeout) => Err("hung".into()),
    }
}

/// Mutates recordings until `deadline` (or `max` inputs); returns how many
/// were tried, and fails on the first input that panics or hangs, saving it.
fn fuzz(seed: u64, deadline: Instant, max: usize) -> usize {
    let inputs = fixtures();
    assert!(!inputs.is_empty(), "no fixtures");
    let mut rng = Rng(seed | 1);
    let mut tried = 0;
    while Instant::now() < deadline && tried < max {
        let (path, bytes) = &inputs[rng.below(inputs.len())];
        let mut m = mutate(&mut rng, bytes);
        if rng.below(4) == 0 {
            m = mutate(&mut rng, &m);
        }
        if let Err(what) = try_input(path, m.clone()) {
            let keep = std::env::temp_dir().join(format!("ys-fuzz-{seed}-{tried}.ron"));
            let _ = std::fs::write(&keep, &m);
            panic!(
                "input {tried} (seed {seed}, from {}) {what}; saved to {}",
                path.display(),
                keep.display()
            );
        }
        tried += 1;
    }
    tried
}

fn seed() -> u64 {
    std::env::var("YS_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_2026)
}

#[test]
fn a_few_hundred_mutated_recordings_neither_panic_nor_hang() {
    let tried = fuzz(seed(), Instant::now() + Duration::from_secs(30), 200);
    assert!(tried > 0);
}

#[test]
#[ignore = "a minute of fuzzing: run by .ci/run"]
fn fuzz_for_a_while() {
    let secs = std::env::var("YS_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    // Mutated pickles have their own run in the VM's tests
    // (`pickle_untrusted`'s `long_pickle_fuzz`), which `.ci/run` starts next.
    let start = Instant::now();
    let tried = fuzz(seed(), start + Duration::from_secs(secs), usize::MAX);
    println!(
        "fuzz: {tried} mutated recordings in {:.1} s, none panicked or hung",
        start.elapsed().as_secs_f64()
    );
}
