//! The format's writer and its versions: the fast writer writes exactly
//! what `ron` writes for every record of a real recording.

mod common;

use yieldscope_inspector::recorder::to_line;

#[test]
fn the_fast_writer_writes_what_ron_writes() {
    for every in [1, 3] {
        let (h, r) = common::record("churn.py", None, &[], every);
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
    let dir = std::env::temp_dir().join(format!("ys-test-{}-borrowed", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let file = dir.join("churn.ron");
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
    let text = std::fs::read_to_string(&file).expect("read");
    let mut want = vec![to_line(&h).expect("header")];
    want.extend(r.iter().map(|x| to_line(x).expect("line")));
    let got: Vec<&str> = text.lines().collect();
    assert_eq!(got.len(), want.len());
    for (a, b) in got.iter().zip(&want) {
        assert_eq!(a, b);
    }
}
