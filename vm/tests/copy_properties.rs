//! The property test of the copy issue, over generators of `scripts/`: at
//! every suspension a copy (deepcopy, `g.copy()`, pickle round trip) driven
//! with the same sends produces the same trace as the original, and driving
//! the copy never changes what the original does next.

mod common_copy;

#[test]
fn copies_at_every_suspension_replay_the_original_trace() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(root.join("tests/copygen/property_traces.py")).unwrap();
    let want = std::fs::read_to_string(root.join("tests/copygen/property_traces.stdout")).unwrap();
    let out = common_copy::run_in("property_traces.py", &src, &root.join("../scripts"));
    assert_eq!(format!("{}{}", out.stdout, out.stderr), want);
}
