//! Import behaviours the conformance corpus cannot show, because CPython
//! itself behaves differently there: compiled extension modules (CPython
//! loads them; the VM refuses them with a clear message) and module files
//! found on `sys.path` entries a program adds.

use yieldscope_vm::Vm;

fn run_in(dir: &std::path::Path, script: &str) -> yieldscope_vm::vm::RunOutput {
    std::fs::write(dir.join("main.py"), script).expect("write script");
    Vm::run_script("main.py", script, dir)
}

#[test]
fn a_compiled_extension_is_a_clear_module_not_found_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("fastthing.cpython-311-x86_64-linux-gnu.so"),
        b"",
    )
    .expect("write .so");
    let out = run_in(
        dir.path(),
        "try:\n    import fastthing\nexcept ModuleNotFoundError as e:\n    print(type(e).__name__, str(e).split(':')[0])\n    print('extension module' in str(e), 'cannot run' in str(e))\n",
    );
    assert_eq!(out.stderr, "");
    assert_eq!(
        out.stdout,
        "ModuleNotFoundError No module named 'fastthing'\nTrue True\n"
    );
}

#[test]
fn an_extension_inside_a_package_names_the_submodule() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pkg = dir.path().join("numpyish");
    std::fs::create_dir(&pkg).expect("mkdir");
    std::fs::write(pkg.join("__init__.py"), "from . import _core\n").expect("init");
    std::fs::write(pkg.join("_core.abi3.so"), b"").expect("so");
    let out = run_in(dir.path(), "import numpyish\n");
    assert_eq!(out.exit_code, 1);
    assert!(
        out.stderr
            .contains("ModuleNotFoundError: No module named 'numpyish._core':"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("compiled extension module"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_folder_added_to_sys_path_is_searched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = dir.path().join("lib");
    std::fs::create_dir(&lib).expect("mkdir");
    std::fs::write(lib.join("extra_mod.py"), "VALUE = 7\n").expect("module");
    let out = run_in(
        dir.path(),
        "import sys\nsys.path.append(sys.path[0] + '/lib')\nimport extra_mod\nprint(extra_mod.VALUE)\n",
    );
    assert_eq!(out.stderr, "");
    assert_eq!(out.stdout, "7\n");
}

#[test]
fn imported_modules_are_listed_with_their_hash() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("mine.py"), "X = 1\n").expect("module");
    let script = "import mine\nprint(mine.X)\n";
    std::fs::write(dir.path().join("main.py"), script).expect("script");
    let mut vm = Vm::new();
    vm.search_dir = dir.path().to_path_buf();
    vm.load_main("main.py", script).expect("load");
    while !matches!(vm.run(None), yieldscope_vm::Event::Finished) {}
    let listed = &vm.driver.imported;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].name, "mine");
    assert_eq!(listed[0].path, "mine.py");
    assert!(listed[0].own);
    assert_eq!(
        listed[0].sha256,
        "0abae1e0ae728216ee44993c5a3a755f8b1c387d947fc4c4f72cab0e4a84214b"
    );
}

#[test]
fn a_provided_module_source_is_used_when_its_file_is_gone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let script = "import gone\nprint(gone.WHERE)\n";
    let mut vm = Vm::new();
    vm.search_dir = dir.path().to_path_buf();
    let mut provided = std::collections::BTreeMap::new();
    provided.insert(
        "gone.py".to_string(),
        "WHERE = 'from the recording'\n".to_string(),
    );
    vm.driver.module_sources = Some(provided);
    vm.load_main("main.py", script).expect("load");
    while !matches!(vm.run(None), yieldscope_vm::Event::Finished) {}
    let out: String = vm.take_output().into_iter().map(|(_, t)| t).collect();
    assert_eq!(out, "from the recording\n");
}

#[test]
fn a_file_in_the_script_folder_shadows_a_python_written_stdlib_module() {
    // As in CPython: `random` is written in Python there, so the program's
    // own `random.py` wins; `math` is built in, so it does not.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("random.py"), "WHO = 'mine'\n").expect("random.py");
    std::fs::write(dir.path().join("math.py"), "WHO = 'mine'\n").expect("math.py");
    let out = run_in(
        dir.path(),
        "import random, math\nprint(random.WHO, hasattr(math, 'WHO'), math.sqrt(4))\n",
    );
    assert_eq!(out.stderr, "");
    assert_eq!(out.stdout, "mine False 2.0\n");
}
