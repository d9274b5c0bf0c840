//! The format's writer and its versions: the fast writer writes exactly
//! what `ron` writes for every record of a real recording.

mod common;

use yieldscope_inspector::Record;

use yieldscope_inspector::ronw::to_line;

#[test]
fn the_fast_writer_writes_what_ron_writes() {
    for (name, every) in [("churn.py", 1), ("churn.py", 3), ("ranges.py", 1)] {
        let (h, r) = common::record(name, None, &[], every);
        assert_eq!(
            to_line(&h).expect("header"),
            ron::to_string(&h).expect("ron")
        );
        for rec in &r {
            assert_eq!(
                to_line(rec).expect("ours"),
                ron::to_string(rec).expect("ron")
            );
        }
    }
}

#[test]
fn the_recorder_writes_borrowed_records_like_owned_ones() {
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;
    use yieldscope_inspector::recorder::Recorder;
    use yieldscope_inspector::session::{Engine, Spec};
    let (h, r) = common::record("churn.py", None, &[], 4);
    let dir = tempfile::Builder::new()
        .prefix("ys-test-borrowed-")
        .tempdir()
        .expect("tmp");
    let file = dir.path().join("churn.ron");
    let spec = Spec {
        header: h.clone(),
        search_dir: common::program("churn.py")
            .parent()
            .expect("dir")
            .to_path_buf(),
        inputs: None,
        allow_writes: false,
    };
    {
        let mut sink =
            Recorder::create(&file, &h, Arc::new(AtomicBool::new(false))).expect("create");
        Engine::run_fresh(&spec, &mut sink).expect("record");
    }
    // Keyframes are written as they are; suspensions and resumes in their
    // short form where they have one, which loads as the full record.
    let text = std::fs::read_to_string(&file).expect("read");
    let is_key = |x: &&Record| matches!(x, Record::Keyframe { .. });
    let want_keys: Vec<String> = r
        .iter()
        .filter(is_key)
        .map(|x| to_line(x).expect("line"))
        .collect();
    let got_keys: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("Keyframe("))
        .collect();
    assert_eq!(got_keys, want_keys);
    assert!(text.lines().any(|l| l.starts_with("Y(")));
    let rec = yieldscope_inspector::load(&file).expect("load");
    assert_same_events(&rec, &r, "churn.py");
}

/// The loaded branch 0 holds the records, keyframes aside, as written.
fn assert_same_events(rec: &yieldscope_inspector::Recording, records: &[Record], name: &str) {
    let want: Vec<String> = records
        .iter()
        .filter(|x| !matches!(x, Record::Keyframe { .. }))
        .map(|x| to_line(x).expect("line"))
        .collect();
    let got: Vec<String> = rec.branches[0]
        .events
        .iter()
        .map(|x| to_line(x).expect("line"))
        .collect();
    assert_eq!(got, want, "{name}");
}

fn fixture(name: &str) -> yieldscope_inspector::Recording {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    yieldscope_inspector::load(&p).unwrap_or_else(|e| panic!("{e}"))
}

/// Every suspension of every branch restores, and the worlds agree with
/// what the trace says the program printed so far.
fn restores_everywhere(rec: &yieldscope_inspector::Recording) {
    for b in 0..=rec.newest() {
        let n = rec.branch(b).expect("branch").suspension_count();
        assert!(n >= 4);
        for i in 0..n {
            let vm = rec.restore(b, i).expect("restore");
            let s = rec.suspension(b, i).expect("suspension");
            let (name, _) =
                yieldscope_inspector::places::describe(&vm, yieldscope_vm::Ref(s.generator));
            assert_eq!(name, s.name, "branch {b}, suspension {i}");
        }
    }
}

#[test]
fn format_1_fixture_loads_and_restores() {
    let rec = fixture("v1.ron");
    assert_eq!(rec.header.format, 1);
    assert!(rec.branches[0]
        .events
        .iter()
        .any(|r| matches!(r, yieldscope_inspector::Record::Suspend(s) if s.delta.as_ref().is_some_and(|d| d.rest.is_some()))));
    restores_everywhere(&rec);
}

#[test]
fn format_2_fixture_loads_and_restores() {
    let rec = fixture("v2.ron");
    assert_eq!(rec.header.format, 2);
    assert_eq!(rec.newest(), 1);
    let deltas: Vec<_> = rec
        .branches
        .iter()
        .flat_map(|b| b.events.iter())
        .filter_map(|r| match r {
            yieldscope_inspector::Record::Suspend(s) => s.delta.as_deref(),
            _ => None,
        })
        .collect();
    assert!(deltas.len() >= 3);
    assert!(deltas.iter().all(|d| d.rest.is_none()));
    restores_everywhere(&rec);
    // The world at the fork and the run after it: branch 1 sent 10 at suspension 1.
    let s = rec.suspension(1, 2).expect("suspension");
    assert_eq!(s.value.to_string(), "11");
}

#[test]
fn format_2_fixture_with_every_kind_of_patch_restores() {
    let rec = fixture("v2-patches.ron");
    assert_eq!(rec.header.format, 2);
    restores_everywhere(&rec);
}

#[test]
fn format_3_fixture_with_shared_tables_and_moved_generators_loads_and_restores() {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v3.ron");
    let text = std::fs::read_to_string(&p).expect("fixture");
    assert!(
        text.contains(",shared:true)"),
        "no keyframe shares its tables"
    );
    let rec = fixture("v3.ron");
    assert_eq!(rec.header.format, 3);
    assert_eq!(rec.newest(), 1);
    restores_everywhere(&rec);
    // Restored from a keyframe that shares its tables, the world still has them.
    let shared = rec.branches[0]
        .keyframes
        .keys()
        .nth(1)
        .copied()
        .expect("keyframe");
    let vm = rec.restore(0, shared).expect("restore");
    assert!(!vm.codes.is_empty() && !vm.sources.is_empty());
    let s = rec.suspension(1, 2).expect("suspension");
    assert_eq!(s.value.to_string(), "11");
}

#[test]
fn format_4_fixture_with_short_records_and_checkpoints_loads_and_restores() {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v4.ron");
    let text = std::fs::read_to_string(&p).expect("fixture");
    for short in [
        "\nG(1,477,\"acc\",\"acc.py\")\n",
        "\nY(1,5,",
        "\nS(1,\"1\")\n",
        "\nN(1)\n",
    ] {
        assert!(text.contains(short), "no {short:?} line");
    }
    let rec = fixture("v4.ron");
    assert_eq!(rec.header.format, 4);
    assert!(rec.header.checkpoint_steps > 0);
    // Suspension 1 has no world of its own: restoring it runs on from suspension 0.
    assert!(rec.branches[0].events.iter().any(|r| matches!(
        r,
        yieldscope_inspector::Record::Suspend(s) if s.n == 1 && s.delta.is_none()
    )));
    assert!(!rec.branches[0].keyframes.contains_key(&1));
    restores_everywhere(&rec);
    let resumes: Vec<String> = rec.branches[0]
        .events
        .iter()
        .filter_map(|r| match r {
            yieldscope_inspector::Record::Resume { name, how } => Some(format!("{name} {how:?}")),
            _ => None,
        })
        .collect();
    assert_eq!(
        resumes,
        [
            "acc#1 Next",
            "acc#1 Send(\"1\")",
            "acc#1 Send(\"2\")",
            "acc#1 Send(\"3\")",
            "acc#1 Next"
        ]
    );
    let s = rec.suspension(1, 2).expect("suspension");
    assert_eq!(s.value.to_string(), "11");
    assert_eq!(rec.suspension(0, 3).expect("suspension").at, "acc.py:5");
}

#[test]
fn whole_files_use_the_short_form_and_load_as_the_same_records() {
    for name in ["deleg.py", "churn.py", "acc.py"] {
        let (h, r) = common::record(name, None, &[], 4);
        let (file, rec) = common::save_and_load(&format!("short-{name}"), &h, &r);
        let text = std::fs::read_to_string(&file).expect("read");
        assert!(
            text.lines().any(|l| l.starts_with("Y(")),
            "{name}: no Y line"
        );
        assert!(
            text.lines().any(|l| l.starts_with("G(")),
            "{name}: no G line"
        );
        assert_same_events(&rec, &r, name);
    }
}

#[test]
fn format_5_fixture_hashes_its_source_with_sha256_and_loads_and_restores() {
    let rec = fixture("v5.ron");
    assert_eq!(rec.header.format, 5);
    assert!(
        rec.header.source_hash.starts_with("sha256:") && rec.header.source_hash.len() == 7 + 64,
        "{}",
        rec.header.source_hash
    );
    assert!(yieldscope_inspector::format::verify_source(&rec.header).is_ok());
    restores_everywhere(&rec);
}

#[test]
fn a_hand_edited_source_hash_is_refused_before_anything_runs() {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v5.ron");
    let text = std::fs::read_to_string(&p).expect("fixture");
    let start = text.find("sha256:").expect("hash") + "sha256:".len();
    let edited = format!(
        "{}{}{}",
        &text[..start],
        "0".repeat(64),
        &text[start + 64..]
    );
    let rec = yieldscope_inspector::load_bytes(&p, edited.as_bytes()).expect("loads");
    let e = yieldscope_inspector::check::replay(&rec, false).expect_err("refused");
    assert!(e.to_string().contains("does not match its hash"), "{e}");
    let e = rec.restore(0, 1).expect_err("refused");
    assert!(e.to_string().contains("does not match its hash"), "{e}");
}

#[test]
fn a_format_4_fnv_hash_still_verifies_and_a_format_5_one_must_be_sha256() {
    let rec = fixture("v4.ron");
    assert!(rec.header.source_hash.starts_with("fnv1a64:"));
    assert!(yieldscope_inspector::format::verify_source(&rec.header).is_ok());
    let mut h = rec.header.clone();
    h.format = 5;
    assert!(yieldscope_inspector::format::verify_source(&h).is_err());
}
