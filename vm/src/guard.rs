//! The step boundary: a Rust panic inside the VM (a bug, never a Python
//! error) is caught where a driver steps the VM, becomes an
//! [`InternalError`] naming where it happened, and poisons the VM: every
//! later guarded step reports the same error instead of running on a world
//! that may be half updated. Output printed before the panic stays in
//! [`Vm::take_output`], so the driver writes it before reporting.

use crate::vm::{Event, Vm};
use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, PanicHookInfo};
use std::sync::Once;

/// The exit status a command should use for an [`InternalError`]
/// (`EX_SOFTWARE` of `sysexits.h`).
pub const INTERNAL_ERROR_EXIT: u8 = 70;

/// A Rust panic caught at the step boundary.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("internal error at {location}: {message}")]
pub struct InternalError {
    /// The panic's message.
    pub message: String,
    /// `file:line:column` of the panic in the VM's source.
    pub location: String,
}

thread_local! {
    /// Inside a guarded step: the last panic seen on this thread, and
    /// whether the default report to stderr is silenced.
    static CAUGHT: RefCell<Option<Option<InternalError>>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

/// Chains a hook once per process: inside a guarded step it records the
/// panic's message and place for the step to report; elsewhere it defers to
/// the hook that was installed before.
fn install_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info: &PanicHookInfo<'_>| {
            let guarded = CAUGHT.with(|c| {
                let mut c = c.borrow_mut();
                match c.as_mut() {
                    Some(slot) => {
                        *slot = Some(describe(info));
                        true
                    }
                    None => false,
                }
            });
            if !guarded {
                previous(info);
            }
        }));
    });
}

fn describe(info: &PanicHookInfo<'_>) -> InternalError {
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string());
    let location = info.location().map_or_else(
        || "an unknown place".to_string(),
        |l| format!("{}:{}:{}", l.file(), l.line(), l.column()),
    );
    InternalError { message, location }
}

/// For the tests of the drivers (debug builds only): with
/// `YS_TEST_PANIC=TEXT` set, a step after which the program's pending
/// output holds `TEXT` panics, as a bug in the VM would.
fn panic_if_asked(vm: &Vm) {
    if !cfg!(debug_assertions) {
        return;
    }
    static ASKED: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let asked = ASKED.get_or_init(|| {
        std::env::var("YS_TEST_PANIC")
            .ok()
            .filter(|t| !t.is_empty())
    });
    if let Some(text) = asked {
        if vm.output.iter().any(|(_, t)| t.contains(text.as_str())) {
            panic!("a panic asked for by YS_TEST_PANIC");
        }
    }
}

impl Vm {
    /// Runs `step` (any call that drives this VM) with panics caught: a
    /// panic becomes an [`InternalError`] and poisons the VM.
    ///
    /// # Errors
    /// The panic caught now, or the one that poisoned the VM before.
    pub fn guarded<T>(&mut self, step: impl FnOnce(&mut Vm) -> T) -> Result<T, InternalError> {
        if let Some(e) = &self.poisoned {
            return Err(e.clone());
        }
        install_hook();
        let outer = CAUGHT.with(|c| c.borrow_mut().replace(None));
        let out = std::panic::catch_unwind(AssertUnwindSafe(|| {
            let v = step(self);
            panic_if_asked(self);
            v
        }));
        let seen = CAUGHT.with(|c| std::mem::replace(&mut *c.borrow_mut(), outer));
        match out {
            Ok(v) => Ok(v),
            Err(_) => {
                let e = seen.flatten().unwrap_or_else(|| InternalError {
                    message: "panic".to_string(),
                    location: "an unknown place".to_string(),
                });
                self.poisoned = Some(e.clone());
                Err(e)
            }
        }
    }

    /// [`Vm::run`] with panics caught at the step boundary.
    ///
    /// # Errors
    /// See [`Vm::guarded`].
    pub fn run_guarded(&mut self, budget: Option<u64>) -> Result<Event, InternalError> {
        self.guarded(|vm| vm.run(budget))
    }

    /// The panic that poisoned this VM, if any.
    #[must_use]
    pub fn poisoned(&self) -> Option<&InternalError> {
        self.poisoned.as_ref()
    }
}
