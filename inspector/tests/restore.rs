//! Restoring worlds: keyframes plus deltas give exactly the world that was
//! live at each suspension, and a world serialized mid-run runs on exactly
//! as the original.

mod common;

use yieldscope_vm::{Event, Stream, Vm};

fn ron_of(vm: &Vm) -> String {
    ron::to_string(vm).expect("serialize")
}

#[test]
fn deltas_restore_the_same_world_as_keyframes() {
    for (name, entry, sends) in [
        ("acc.py", None, vec![]),
        (
            "entry_game.py",
            Some("duel(4)"),
            vec!["'attack'", "'heal'", "'attack'"],
        ),
        ("churn.py", None, vec![]),
        ("deleg.py", None, vec![]),
        ("ranges.py", None, vec![]),
        ("rereader.py", None, vec![]),
    ] {
        let (h1, r1) = common::record_with(name, entry, &sends, 1, 0);
        let (_, every) = common::save_and_load(&format!("kf1-{name}"), &h1, &r1);
        let n = every.branches[0].suspension_count();
        assert!(n >= 4, "{name}: {n} suspensions");
        let worlds: Vec<String> = (0..n)
            .map(|i| ron_of(&every.restore(0, i).expect("restore keyframe")))
            .collect();
        for k in [5, yieldscope_inspector::session::KEYFRAME_EVERY] {
            for c in [0, 40, yieldscope_inspector::session::CHECKPOINT_STEPS] {
                let (hk, rk) = common::record_with(name, entry, &sends, k, c);
                let tag = format!("kf{k}-c{c}-{name}");
                let (_, sparse) = common::save_and_load(&tag, &hk, &rk);
                for (i, w) in worlds.iter().enumerate() {
                    let b = sparse.restore(0, i as u64).expect("restore deltas");
                    assert_eq!(
                        w,
                        &ron_of(&b),
                        "{name}: world at suspension {i}, keyframes every {k}, checkpoints every {c} steps"
                    );
                }
            }
        }
    }
}

#[test]
fn deltas_patch_big_objects_and_keep_unchanged_frames() {
    let (h, r) = common::record_with(
        "churn.py",
        None,
        &[],
        yieldscope_inspector::session::KEYFRAME_EVERY,
        0,
    );
    let deltas: Vec<_> = r
        .iter()
        .filter_map(|x| match x {
            yieldscope_inspector::Record::Suspend(s) => s.delta.as_deref(),
            _ => None,
        })
        .collect();
    assert!(deltas.len() > 40);
    let patched = |f: fn(&yieldscope_inspector::patch::Patch) -> bool| {
        deltas
            .iter()
            .any(|d| d.patches.iter().any(|(_, _, p)| f(p)))
    };
    use yieldscope_inspector::patch::Patch;
    assert!(
        patched(|p| matches!(p, Patch::Items(_))),
        "no list or deque patch"
    );
    assert!(patched(|p| matches!(p, Patch::Dict(..))), "no dict patch");
    assert!(
        patched(|p| matches!(p, Patch::Random(..))),
        "no random patch"
    );
    assert!(
        patched(|p| matches!(p, Patch::Attrs(_))),
        "no globals patch"
    );
    assert!(deltas.iter().all(|d| d.rest.is_none()));
    assert!(
        deltas.iter().any(|d| d.frames.0 > 0),
        "every delta stored every frame"
    );
    let _ = common::save_and_load("patches", &h, &r);
}

#[test]
fn a_world_serialized_mid_run_runs_on_identically() {
    runs_on_identically_after_two_suspensions("acc.py", "done 6");
}

#[test]
fn big_ranges_and_their_iterators_serialize_mid_run() {
    runs_on_identically_after_two_suspensions(
        "ranges.py",
        "4 1129364816503405168766 9223372036854775802 18446744073709551616",
    );
}

/// Serializes the world at the second suspension of a program and checks
/// that the copy prints what the original prints from there on.
fn runs_on_identically_after_two_suspensions(name: &str, want: &str) {
    let path = common::program(name);
    let src = std::fs::read_to_string(&path).expect("program");
    let run_rest = |vm: &mut Vm| {
        let mut out = String::new();
        loop {
            let ev = vm.run(None);
            for (s, t) in vm.take_output() {
                if s == Stream::Stdout {
                    out.push_str(&t);
                }
            }
            match ev {
                Event::Suspended { .. } | Event::Budget => {}
                _ => break,
            }
        }
        vm.shutdown();
        out.extend(vm.take_output().into_iter().map(|(_, t)| t));
        out
    };
    let mut vm = Vm::new();
    vm.pause_on_yield = true;
    vm.load_main(name, &src).expect("load");
    let mut seen = 0;
    while seen < 2 {
        if let Event::Suspended { .. } = vm.run(None) {
            seen += 1;
        }
    }
    let saved = ron::to_string(&vm).expect("serialize");
    let mut copy: Vm = ron::from_str(&saved).expect("deserialize");
    copy.after_deserialize();
    let _ = vm.take_output();
    let _ = copy.take_output();
    let a = run_rest(&mut vm);
    let b = run_rest(&mut copy);
    assert!(a.contains(want), "{a}");
    assert_eq!(a, b);
}

#[test]
fn entry_mode_imports_the_script_and_sends_values() {
    let (h, r) = common::record(
        "entry_game.py",
        Some("duel(3)"),
        &["'attack'", "'heal'", "'attack'"],
        4,
    );
    assert!(
        !common::stdout_of(&r).contains("main block"),
        "the __main__ block ran"
    );
    let (_, rec) = common::save_and_load("entry", &h, &r);
    let end = rec.branches[0].end.clone().expect("end");
    assert_eq!(
        yieldscope_inspector::trace::end_text(&end),
        "returned ({'me': 9, 'foe': 4}, ['attack', 'heal', 'attack'])"
    );
    let s = rec.suspension(0, 1).expect("suspension 1");
    assert!(s.entry);
    assert_eq!(s.value.to_string(), "(1, {'me': 9, 'foe': 7})");
}

#[test]
fn file_reads_are_recorded_and_served_back() {
    let (h, r) = common::record("reader.py", None, &[], 8);
    assert!(r.iter().any(|x| matches!(x, yieldscope_inspector::Record::Input { path, content: Some(c) } if path == "data.txt" && c.contains("beta"))));
    let (file, rec) = common::save_and_load("reader", &h, &r);
    // Replay with the data file out of reach: the recorded input is served.
    let alone = file.with_file_name("reader-moved.ron");
    std::fs::copy(&file, &alone).expect("copy");
    let v = yieldscope_inspector::check::replay(&rec, false).expect("replay");
    assert!(v.iter().all(|v| v.divergence.is_none()), "{v:?}");
}
