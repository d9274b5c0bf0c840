//! The recording format: one RON value per line. The first line is the
//! [`Header`]; every later line is a [`Record`]. Appending a line never
//! rewrites what is already on disk, so a recorder killed mid-run leaves a
//! readable prefix.

use crate::capture::DeltaRef;
use crate::delta::Delta;
use crate::value::ValueView;
use serde::{Deserialize, Serialize};
use yieldscope_vm::{Stream, Vm};

/// The format version this build writes. Older versions that were released
/// keep a fixture under `inspector/tests/fixtures/` and still load.
///
/// - 1: every delta holds the whole world but the heap slots (`rest`).
/// - 2: deltas hold the frames, free-list entries and counters that changed;
///   keyframes come when the deltas since the last one weigh about as much
///   as the heap, and at least every `keyframe_every` suspensions.
/// - 3: a keyframe after the first of a run may leave out the append-only
///   tables (names, code, sources): they are the previous keyframe's plus
///   what the deltas since appended (`shared`).
/// - 4: deltas are stored at checkpoints only: at the first suspension after
///   every `checkpoint_steps` instructions of the program. The world at a
///   suspension between two checkpoints is restored by running the program
///   on from the checkpoint before it, with the recorded inputs.
/// - 5: the script's text is hashed with SHA-256 (`sha256:` in
///   `source_hash`), and verified before anything of the recording runs.
pub const FORMAT_VERSION: u32 = 5;

/// The oldest format version this build loads.
pub const OLDEST_FORMAT_VERSION: u32 = 1;

/// The VM version recorded in headers.
pub const VM_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What a recording was made from, and how to run it again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// Format version ([`FORMAT_VERSION`] when written by this build).
    pub format: u32,
    /// Version of the VM that made it.
    pub vm_version: String,
    /// The script path as given on the command line.
    pub script: String,
    /// The script's source text at record time.
    pub source: String,
    /// Hash of `source` ([`source_hash`]).
    pub source_hash: String,
    /// `--entry EXPR`, when the recording drives a generator.
    pub entry: Option<String>,
    /// The values sent to the entry generator, in order (Python expressions).
    pub sends: Vec<String>,
    /// `--seed N`: seeds `random` before the program starts.
    pub seed: Option<u64>,
    /// Arguments after the script (`sys.argv[1:]`).
    pub args: Vec<String>,
    /// A keyframe (the whole world) is stored at least every this many
    /// suspensions (format 1: exactly every this many).
    pub keyframe_every: u64,
    /// Whether worlds (keyframes and deltas) are stored; without them the
    /// recording holds the trace only (enough for `check` and the timeline).
    #[serde(default = "yes")]
    pub worlds: bool,
    /// Worlds are stored at the first suspension after every this many
    /// instructions (format 4); 0: at every suspension (formats 1 to 3).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub checkpoint_steps: u64,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Header {
    /// Whether every suspension's record holds its world (a delta or a
    /// keyframe): recordings with worlds and without checkpoints.
    #[must_use]
    pub fn world_at_every_suspension(&self) -> bool {
        self.worlds && self.checkpoint_steps == 0
    }
}

fn yes() -> bool {
    true
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// How a generator was resumed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResumeHow {
    /// `next(g)`.
    Next,
    /// `g.send(v)`, with `v` rendered.
    Send(String),
    /// `g.throw(e)`, with `e` rendered.
    Throw(String),
    /// `g.close()`.
    Close,
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EndKind {
    /// The program (or the entry generator) finished normally.
    Finished,
    /// The entry generator returned this value (rendered).
    Returned(String),
    /// An exception escaped (the traceback is in the output).
    Uncaught,
    /// `sys.exit(code)`.
    Exit(i32),
    /// The recorder was interrupted (Ctrl-C).
    Interrupted,
    /// The program could not start (syntax error, bad entry expression).
    Failed(String),
}

/// One suspension: a generator executed `yield`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Suspension {
    /// Index of the suspension in its branch's timeline (from 0).
    pub n: u64,
    /// The generator's heap slot.
    pub generator: u32,
    /// The generator's qualified name and serial, e.g. `worker#3`.
    pub name: String,
    /// `file:line` of the `yield`.
    pub at: String,
    /// The yielded value.
    pub value: ValueView,
    /// The entry generator yielded to the driver (`--entry` runs).
    #[serde(default, skip_serializing_if = "is_false")]
    pub entry: bool,
    /// Objects and frames changed since the previous suspension; `None`
    /// when a keyframe for this suspension precedes it.
    pub delta: Option<Box<Delta>>,
}

/// Which generator, as the recorder sees it: its serial, its qualified
/// name and the file and line it is at (`line` 0: unknown).
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    /// The generator's serial (0: not a generator; serials start at 1).
    pub serial: u64,
    /// Its heap slot (the same for its whole life).
    pub slot: u32,
    /// Its `__qualname__`.
    pub qualname: &'a str,
    /// Its code's file.
    pub path: &'a str,
    /// The line it is at (0 when unknown).
    pub line: u32,
    /// Its `__qualname__` is not its code's (it was assigned), or the
    /// generator is unknown: only the full record form names it right.
    pub unusual: bool,
}

impl Place<'_> {
    /// `qualname#serial`, or `?` for what is not a generator (serial 0).
    #[must_use]
    pub fn name(&self) -> String {
        if self.serial == 0 {
            return "?".into();
        }
        let mut s = String::with_capacity(self.qualname.len() + 8);
        s.push_str(self.qualname);
        s.push('#');
        crate::ronw::push_uint(&mut s, self.serial);
        s
    }

    /// `file:line`, or `?`.
    #[must_use]
    pub fn at(&self) -> String {
        if self.line == 0 {
            return "?".into();
        }
        let mut s = String::with_capacity(self.path.len() + 6);
        s.push_str(self.path);
        s.push(':');
        crate::ronw::push_uint(&mut s, u64::from(self.line));
        s
    }
}

/// A suspension as the recorder writes it: borrowed from the running world,
/// serialized as a [`Suspension`].
pub struct SuspensionOut<'a> {
    /// Index of the suspension in its branch's timeline (from 0).
    pub n: u64,
    /// The generator's heap slot.
    pub generator: u32,
    /// The generator and where it is.
    pub place: Place<'a>,
    /// The world.
    pub vm: &'a Vm,
    /// The yielded value (`None`: not known, or rendered in `shown` or `captured`).
    pub value: Option<yieldscope_vm::Value>,
    /// The yielded value as the VM copied it into its trace (a suspension
    /// it noted without stopping; the copy is in `vm.driver.trace`).
    pub captured: Option<yieldscope_vm::driver::Captured>,
    /// The yielded value, rendered before it was let go (the entry
    /// generator's value belongs to the driver).
    pub shown: Option<ValueView>,
    /// The entry generator yielded to the driver (`--entry` runs).
    pub entry: bool,
    /// What changed since the previous suspension, borrowed from the world.
    pub delta: Option<DeltaRef<'a>>,
}

impl SuspensionOut<'_> {
    /// The yielded value rendered.
    #[must_use]
    pub fn view(&self) -> ValueView {
        if let Some(v) = &self.shown {
            return v.clone();
        }
        if let Some(c) = self.captured {
            return crate::value::captured_view(&self.vm.driver.trace, c);
        }
        self.value.map_or_else(
            || ValueView::Atom("?".into()),
            |v| crate::value::view(self.vm, v),
        )
    }

    /// An owned copy.
    #[must_use]
    pub fn to_suspension(&self) -> Suspension {
        Suspension {
            n: self.n,
            generator: self.generator,
            name: self.place.name(),
            at: self.place.at(),
            value: self.view(),
            entry: self.entry,
            delta: self.delta.as_ref().map(|d| Box::new(d.to_delta())),
        }
    }
}

impl Serialize for SuspensionOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Suspension", 7)?;
        st.serialize_field("n", &self.n)?;
        st.serialize_field("generator", &self.generator)?;
        st.serialize_field("name", &self.place.name())?;
        st.serialize_field("at", &self.place.at())?;
        st.serialize_field("value", &self.view())?;
        if self.entry {
            st.serialize_field("entry", &true)?;
        } else {
            st.skip_field("entry")?;
        }
        st.serialize_field("delta", &self.delta)?;
        st.end()
    }
}

/// A resume as the recorder writes it (serialized as [`Record::Resume`]).
#[derive(Clone, Copy, Debug)]
pub struct ResumeOut<'a> {
    /// The generator (its line is not used).
    pub place: Place<'a>,
    /// How it was resumed.
    pub how: &'a ResumeHow,
}

impl ResumeOut<'_> {
    /// An owned copy.
    #[must_use]
    pub fn to_record(&self) -> Record {
        Record::Resume {
            name: self.place.name(),
            how: self.how.clone(),
        }
    }
}

/// The records the recorder writes from borrowed data: serialized exactly
/// as the [`Record`] variants of the same names.
#[derive(Serialize)]
#[serde(rename = "Record")]
pub enum RecordOut<'a> {
    /// [`Record::Keyframe`].
    Keyframe {
        /// The suspension it belongs to.
        n: u64,
        /// The world.
        world: &'a Vm,
        /// [`Record::Keyframe::shared`].
        #[serde(skip_serializing_if = "is_false")]
        shared: bool,
    },
    /// [`Record::Suspend`].
    Suspend(&'a SuspensionOut<'a>),
}

/// A branch: the run continued from suspension `at` of `parent` with
/// another sent value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BranchInfo {
    /// Branch number (0 is the original run).
    pub id: u32,
    /// The branch it forked from.
    pub parent: u32,
    /// The suspension of the parent it forked from.
    pub at: u64,
    /// The value delivered instead of the recorded one (a Python expression).
    pub send: String,
}

/// One line after the header.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Record {
    /// Later records belong to this branch (until the next `Branch`).
    Branch(BranchInfo),
    /// The whole world at suspension `n` (restoring starts from one).
    Keyframe {
        /// The suspension it belongs to.
        n: u64,
        /// The world.
        world: Box<Vm>,
        /// The world's names, code and sources are left out (stored empty):
        /// they are those of the branch's previous keyframe plus what the
        /// deltas since appended (format 3).
        #[serde(default, skip_serializing_if = "is_false")]
        shared: bool,
    },
    /// A generator suspended.
    Suspend(Suspension),
    /// A generator was resumed.
    Resume {
        /// Its name (as in [`Suspension::name`]).
        name: String,
        /// How.
        how: ResumeHow,
    },
    /// The program printed.
    Output {
        /// Which stream.
        stream: Stream,
        /// The text.
        text: String,
    },
    /// The program read a file (an external input; replay serves it back).
    Input {
        /// The path as the program gave it.
        path: String,
        /// The content, or `None` if the file was missing.
        content: Option<String>,
    },
    /// The run ended.
    End(EndKind),
}

/// The digest a recording stores of its script's text: SHA-256, hex, after
/// `sha256:` (format 5 on; formats 1 to 4 stored `fnv1a64:`, which
/// [`source_matches`] still verifies).
#[must_use]
pub fn source_hash(text: &str) -> String {
    use sha2::Digest;
    let d = sha2::Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for b in d {
        use std::fmt::Write;
        let _ = write!(hex, "{b:02x}");
    }
    format!("sha256:{hex}")
}

/// FNV-1a, 64 bits: the hash formats 1 to 4 stored.
fn fnv1a64(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{h:016x}")
}

/// Whether `text` is what `recorded` (a stored hash, of either kind) is the
/// hash of. A format 5 file must use SHA-256.
#[must_use]
pub fn source_matches(text: &str, recorded: &str, format: u32) -> bool {
    if recorded.starts_with("sha256:") {
        source_hash(text) == recorded
    } else if recorded.starts_with("fnv1a64:") && format < 5 {
        fnv1a64(text) == recorded
    } else {
        false
    }
}

/// Checks a header's embedded source against its stored hash: nothing of a
/// recording runs before this holds.
///
/// # Errors
/// The source was edited (or the hash was) since the recording was written.
pub fn verify_source(h: &Header) -> std::result::Result<(), String> {
    if source_matches(&h.source, &h.source_hash, h.format) {
        Ok(())
    } else {
        Err(format!(
            "the recording's embedded source of {} does not match its hash ({}): the file was edited or damaged; nothing was run",
            h.script, h.source_hash
        ))
    }
}
