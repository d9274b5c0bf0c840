//! Runs every program in `bench/programs/` under yieldscope and under
//! `python3`, best of several runs each, and prints wall-time ratios, their
//! geometric mean and peak memory (max RSS) of both. Not a test: figures
//! are for people to read.
//!
//! `cargo run --release -p yieldscope-bench [-- --runs N] [PROGRAM…]`

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--run-vm") {
        std::process::exit(run_vm(Path::new(&args[1])));
    }
    let mut runs = 3;
    let mut only = Vec::new();
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        if a == "--runs" {
            runs = it.next().and_then(|n| n.parse().ok()).unwrap_or(3);
        } else {
            only.push(a);
        }
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("programs");
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("bench/programs")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter(|p| {
            only.is_empty()
                || only
                    .iter()
                    .any(|o| p.to_string_lossy().contains(o.as_str()))
        })
        .collect();
    programs.sort();
    let me = std::env::current_exe().expect("own path");
    println!(
        "{:<24} {:>10} {:>10} {:>7} {:>10} {:>10} {:>6}",
        "program", "ys (s)", "py (s)", "ratio", "ys MB", "py MB", "same"
    );
    let mut logs = Vec::new();
    for p in &programs {
        let ys = measure(runs, || {
            let mut c = Command::new(&me);
            c.arg("--run-vm").arg(p);
            c
        });
        let only_ys = std::fs::read_to_string(p).is_ok_and(|t| t.starts_with("# yieldscope-only"));
        if only_ys {
            match ys {
                Some((yt, ym, _)) => println!(
                    "{:<24} {:>10.3} {:>10} {:>7} {:>10.1} {:>10} {:>6}",
                    name(p),
                    yt.as_secs_f64(),
                    "-",
                    "-",
                    ym as f64 / 1024.0,
                    "-",
                    "-"
                ),
                None => println!("{:<24} failed to run", name(p)),
            }
            continue;
        }
        let py = measure(runs, || {
            let mut c = Command::new("python3");
            c.arg(p).current_dir(p.parent().unwrap());
            c
        });
        let (Some((yt, ym, yo)), Some((pt, pm, po))) = (ys, py) else {
            println!("{:<24} failed to run", name(p));
            continue;
        };
        let ratio = yt.as_secs_f64() / pt.as_secs_f64();
        logs.push(ratio.ln());
        println!(
            "{:<24} {:>10.3} {:>10.3} {:>7.2} {:>10.1} {:>10.1} {:>6}",
            name(p),
            yt.as_secs_f64(),
            pt.as_secs_f64(),
            ratio,
            ym as f64 / 1024.0,
            pm as f64 / 1024.0,
            if yo == po { "yes" } else { "NO" }
        );
    }
    if !logs.is_empty() {
        let g = (logs.iter().sum::<f64>() / logs.len() as f64).exp();
        println!("geometric mean time ratio (yieldscope / python3): {g:.2}");
    }
}

fn name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().to_string()
}

/// Best wall time, largest peak RSS (KiB) and the stdout of `runs` runs.
fn measure(runs: usize, mut command: impl FnMut() -> Command) -> Option<(Duration, i64, Vec<u8>)> {
    let mut best = Duration::MAX;
    let mut peak = 0;
    let mut out = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let (code, rss, stdout, stderr) = run_measured(command())?;
        let t = start.elapsed();
        if code != 0 {
            eprintln!("{}", String::from_utf8_lossy(&stderr));
            return None;
        }
        best = best.min(t);
        peak = peak.max(rss);
        out = stdout;
    }
    Some((best, peak, out))
}

/// Runs a command to completion; returns its exit status, peak RSS (KiB), stdout, stderr.
fn run_measured(mut cmd: Command) -> Option<(i32, i64, Vec<u8>, Vec<u8>)> {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    let pid = i32::try_from(child.id()).ok()?;
    let mut so = child.stdout.take()?;
    let mut se = child.stderr.take()?;
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = se.read_to_end(&mut v);
        v
    });
    let mut stdout = Vec::new();
    let _ = so.read_to_end(&mut stdout);
    let stderr = err_reader.join().unwrap_or_default();
    let mut status = 0;
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: `pid` is our own child, not yet reaped; wait4 fills `status` and `usage`.
    let rc = unsafe { libc::wait4(pid, &mut status, 0, usage.as_mut_ptr()) };
    if rc != pid {
        return None;
    }
    // SAFETY: initialized by the successful wait4 above.
    let rss = unsafe { usage.assume_init() }.ru_maxrss;
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    drop(child);
    Some((code, rss, stdout, stderr))
}

fn run_vm(path: &Path) -> i32 {
    let source = std::fs::read_to_string(path).expect("program");
    let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let display = path.display().to_string();
    let handle = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || yieldscope_vm::Vm::run_script(&display, &source, &dir))
        .expect("thread");
    let out = handle.join().expect("vm thread");
    print!("{}", out.stdout);
    eprint!("{}", out.stderr);
    out.exit_code
}
