//! A loaded recording: the header and the branch tree. Branch 0 is the
//! original run; every other branch names its parent and the suspension it
//! forked from, and holds only what happened after the fork.

use crate::delta;
use crate::format::{BranchInfo, EndKind, Header, Record, Suspension};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use yieldscope_vm::code::Code;
use yieldscope_vm::intern::Interner;
use yieldscope_vm::vm::Source;
use yieldscope_vm::world_check::Seen;
use yieldscope_vm::Vm;

/// The append-only tables of the world at the last record read: those of
/// the last keyframe plus what the deltas since appended.
#[derive(Clone, Debug)]
struct Tables {
    names: Interner,
    codes: Vec<Arc<Code>>,
    sources: Vec<Source>,
}

/// Slots a delta may claim (guards against hand-edited sizes).
const MAX_SLOTS: u32 = 1 << 28;

/// One branch of a recording.
#[derive(Clone, Debug)]
pub struct Branch {
    /// Its number, parent and fork point.
    pub info: BranchInfo,
    /// Index of its first own suspension.
    pub first: u64,
    /// Its own records in order (keyframes are kept apart).
    pub events: Vec<Record>,
    /// Index in `events` of each own suspension.
    pub suspensions: Vec<usize>,
    /// Whole worlds by suspension.
    pub keyframes: BTreeMap<u64, Vm>,
    /// How it ended, if the recording got that far.
    pub end: Option<EndKind>,
    /// Own suspensions that carry a delta, in order.
    deltas: Vec<u64>,
    /// Own suspensions of the entry generator, in order.
    entries: Vec<u64>,
    /// It holds file inputs.
    has_inputs: bool,
    /// The generators its short records name (see [`crate::short`]).
    pub(crate) declared: crate::short::Declared,
    /// The tables a keyframe that shares them gets.
    tables: Option<Tables>,
}

impl Branch {
    /// A branch with no records yet.
    #[must_use]
    pub fn new(info: BranchInfo) -> Self {
        let first = if info.id == 0 { 0 } else { info.at + 1 };
        Branch {
            info,
            first,
            events: Vec::new(),
            suspensions: Vec::new(),
            keyframes: BTreeMap::new(),
            end: None,
            deltas: Vec::new(),
            entries: Vec::new(),
            has_inputs: false,
            declared: crate::short::Declared::new(),
            tables: None,
        }
    }

    /// Suspensions in this branch's whole timeline (the parent's prefix included).
    #[must_use]
    pub fn suspension_count(&self) -> u64 {
        self.first + self.suspensions.len() as u64
    }

    /// Adds a record read from line `line` of the file; `worlds`: every
    /// suspension must come with its world (a delta or a keyframe);
    /// `seen`: for a record read from a file, the largest indices its
    /// deserialization met, so that its world is checked before it is kept
    /// (`None` for records the running VM just made).
    ///
    /// # Errors
    /// The record does not fit the branch so far.
    pub fn push(
        &mut self,
        r: Record,
        line: usize,
        worlds: bool,
        seen: Option<Seen>,
    ) -> Result<(), String> {
        let next = self.suspension_count();
        match r {
            Record::Keyframe {
                n,
                mut world,
                shared,
            } => {
                let fork_base =
                    self.info.id != 0 && n == self.info.at && self.suspensions.is_empty();
                if n != next && !fork_base {
                    return Err(format!("keyframe for suspension {n}, expected {next}"));
                }
                if world.heap.slots.len() > MAX_SLOTS as usize {
                    return Err("keyframe heap is too large".into());
                }
                if shared {
                    let Some(t) = &self.tables else {
                        return Err(format!(
                            "keyframe for suspension {n} shares the tables of an earlier keyframe, but there is none"
                        ));
                    };
                    world.names.clone_from(&t.names);
                    world.codes.clone_from(&t.codes);
                    world.sources.clone_from(&t.sources);
                }
                world.after_deserialize();
                if let Some(seen) = seen {
                    world
                        .check_world(seen)
                        .map_err(|e| format!("keyframe for suspension {n}: {e}"))?;
                }
                self.tables = Some(Tables {
                    names: world.names.clone(),
                    codes: world.codes.clone(),
                    sources: world.sources.clone(),
                });
                self.keyframes.insert(n, *world);
                Ok(())
            }
            Record::Suspend(mut s) => {
                if s.n != next {
                    return Err(format!("suspension {} out of order, expected {next}", s.n));
                }
                match &mut s.delta {
                    None if worlds && !self.keyframes.contains_key(&s.n) => {
                        return Err(format!(
                            "suspension {} has neither a delta nor a keyframe",
                            s.n
                        ))
                    }
                    Some(_) if self.keyframes.range(..s.n).next_back().is_none() => {
                        return Err(format!(
                            "suspension {} has a delta but no keyframe before it",
                            s.n
                        ));
                    }
                    Some(d) => {
                        if d.slot_count > MAX_SLOTS
                            || d.slots.iter().any(|(i, _)| *i >= d.slot_count)
                            || d.patches.iter().any(|(i, _, _)| *i >= d.slot_count)
                        {
                            return Err(format!("suspension {}: delta slot out of range", s.n));
                        }
                        delta::reindex(d);
                        if let Some(t) = &mut self.tables {
                            for name in &d.names {
                                t.names.intern(name);
                            }
                            t.codes.extend(d.codes.iter().cloned());
                            t.sources.extend(d.sources.iter().cloned());
                            if let Some(seen) = seen {
                                seen.fits(d.slot_count as usize, t.names.len(), t.codes.len())
                                    .map_err(|e| format!("suspension {}: delta: {e}", s.n))?;
                            }
                        }
                    }
                    None => {}
                }
                if s.delta.is_some() {
                    self.deltas.push(s.n);
                }
                if s.entry {
                    self.entries.push(s.n);
                }
                self.suspensions.push(self.events.len());
                self.events.push(Record::Suspend(s));
                let _ = line;
                Ok(())
            }
            Record::End(e) => {
                self.end = Some(e.clone());
                self.events.push(Record::End(e));
                Ok(())
            }
            Record::Branch(_) => Err("nested branch record".into()),
            other => {
                self.has_inputs |= matches!(other, Record::Input { .. });
                self.events.push(other);
                Ok(())
            }
        }
    }

    /// An own suspension by its index in the timeline.
    #[must_use]
    pub fn suspension(&self, n: u64) -> Option<&Suspension> {
        let i = usize::try_from(n.checked_sub(self.first)?).ok()?;
        match self.events.get(*self.suspensions.get(i)?) {
            Some(Record::Suspend(s)) => Some(s),
            _ => None,
        }
    }
}

/// A loaded recording.
#[derive(Clone, Debug)]
pub struct Recording {
    /// The file it came from.
    pub path: PathBuf,
    /// What was run.
    pub header: Header,
    /// The branch tree, by number.
    pub branches: Vec<Branch>,
    /// Set when the file ends early (a killed recorder): the warning to show.
    pub truncated: Option<String>,
}

impl Recording {
    /// A recording with an empty original branch.
    #[must_use]
    pub fn new(path: &Path, header: Header) -> Self {
        Recording {
            path: path.to_path_buf(),
            header,
            branches: vec![Branch::new(BranchInfo {
                id: 0,
                parent: 0,
                at: 0,
                send: String::new(),
            })],
            truncated: None,
        }
    }

    pub(crate) fn last_mut(&mut self) -> &mut Branch {
        let i = self.branches.len() - 1;
        &mut self.branches[i]
    }

    /// The newest branch (what `show`, `diff` and `tui` act on by default).
    #[must_use]
    pub fn newest(&self) -> u32 {
        u32::try_from(self.branches.len().saturating_sub(1)).unwrap_or(0)
    }

    fn request(&self, message: String) -> crate::error::Error {
        crate::error::Error::Request {
            path: self.path.clone(),
            message,
        }
    }

    /// A branch by number.
    ///
    /// # Errors
    /// No such branch.
    pub fn branch(&self, b: u32) -> crate::error::Result<&Branch> {
        self.branches.get(b as usize).ok_or_else(|| {
            self.request(format!(
                "no branch {b} (the file has branches 0 to {})",
                self.newest()
            ))
        })
    }

    /// The branch (itself or an ancestor) that holds suspension `n` of branch `b`'s timeline.
    fn owner(&self, mut b: u32, n: u64) -> crate::error::Result<&Branch> {
        let count = self.branch(b)?.suspension_count();
        if n >= count {
            return Err(self.request(format!(
                "no suspension {n} in branch {b} (it has {count}: 0 to {})",
                count.saturating_sub(1) as i64
            )));
        }
        loop {
            let br = self.branch(b)?;
            if n >= br.first || br.info.id == 0 {
                return Ok(br);
            }
            b = br.info.parent;
        }
    }

    /// Suspension `n` of branch `b`'s timeline.
    ///
    /// # Errors
    /// No such branch or suspension.
    pub fn suspension(&self, b: u32, n: u64) -> crate::error::Result<&Suspension> {
        let br = self.owner(b, n)?;
        br.suspension(n)
            .ok_or_else(|| self.request(format!("no suspension {n}")))
    }

    /// All records of branch `b`'s timeline: the parents' records up to the
    /// fork, then its own.
    ///
    /// # Errors
    /// No such branch.
    pub fn events(&self, b: u32) -> crate::error::Result<Vec<&Record>> {
        let mut chain = Vec::new();
        let mut cur = self.branch(b)?;
        let mut cut: Option<u64> = None;
        loop {
            chain.push((cur, cut));
            if cur.info.id == 0 {
                break;
            }
            // A branch may fork before its parent's own fork point: then the
            // timeline leaves the ancestors at the earlier of the two.
            cut = Some(cut.map_or(cur.info.at, |c| c.min(cur.info.at)));
            cur = self.branch(cur.info.parent)?;
        }
        let mut out = Vec::new();
        for (br, cut) in chain.into_iter().rev() {
            match cut {
                None => out.extend(br.events.iter()),
                Some(at) if at < br.first => {}
                Some(at) => {
                    let i = usize::try_from(at - br.first).unwrap_or(usize::MAX);
                    let end = br.suspensions.get(i).map_or(br.events.len(), |e| e + 1);
                    out.extend(br.events[..end].iter());
                }
            }
        }
        Ok(out)
    }

    /// Restores the world at suspension `n` of branch `b`: the nearest
    /// keyframe at or before it, then the deltas after that keyframe; in a
    /// recording with checkpoints (format 4), the program then runs on from
    /// the last checkpoint to `n` with the recorded inputs, checking that
    /// each suspension on the way matches the recorded one.
    ///
    /// # Errors
    /// No such branch or suspension, no keyframe before it, or the run
    /// from the checkpoint does not reach it as recorded.
    pub fn restore(&self, b: u32, n: u64) -> crate::error::Result<Vm> {
        let br = self.owner(b, n)?;
        if !self.header.worlds {
            return Err(
                self.request("recorded with --trace-only: it holds no worlds to restore".into())
            );
        }
        let Some((&k, base)) = br.keyframes.range(..=n).next_back() else {
            return Err(self.request(format!("no keyframe at or before suspension {n}")));
        };
        let mut vm = base.clone();
        let mut deltas = Vec::new();
        let mut checkpoint = k;
        if self.header.checkpoint_steps == 0 {
            // A world at every suspension, but for those made inside a
            // built-in's nested run (`dict(g)`, `f(*g)`): the VM cannot stop
            // there, and the world is found by running on from the one before.
            for m in k + 1..=n {
                match br.suspension(m).and_then(|s| s.delta.as_deref()) {
                    Some(d) => {
                        deltas.push(d);
                        checkpoint = m;
                    }
                    None if self.header.format >= 4 => {}
                    None => return Err(self.request(format!("suspension {m} has no delta"))),
                }
            }
        } else {
            let from = br.deltas.partition_point(|&m| m <= k);
            let to = br.deltas.partition_point(|&m| m <= n);
            for &m in &br.deltas[from..to] {
                if let Some(d) = br.suspension(m).and_then(|s| s.delta.as_deref()) {
                    deltas.push(d);
                    checkpoint = m;
                }
            }
        }
        delta::apply(&mut vm, &deltas);
        if !deltas.is_empty() {
            // The keyframe was checked when it was read; what the deltas
            // changed is checked now, before the world is shown or run.
            vm.check_world(Seen::default()).map_err(|e| {
                self.request(format!(
                    "the world at suspension {checkpoint} is damaged: {e}"
                ))
            })?;
        }
        if checkpoint == n {
            return Ok(vm);
        }
        self.run_to(b, checkpoint, n, vm)
    }

    /// Runs the world restored at suspension `from` of branch `b` on to suspension `to`.
    fn run_to(&self, b: u32, from: u64, to: u64, vm: Vm) -> crate::error::Result<Vm> {
        let s = self.suspension(b, from)?.clone();
        let entry_yields = self.entry_yields(b, from)?;
        let inputs = if self.chain(b)?.iter().any(|br| br.has_inputs) {
            let events = self.events(b)?;
            let at = |n: u64| {
                events
                    .iter()
                    .position(|r| matches!(r, Record::Suspend(x) if x.n == n))
            };
            // The inputs read between the checkpoint and the target only.
            let after = at(from).map_or(events.len(), |i| i + 1);
            let until = at(to).map_or(events.len(), |i| i.max(after));
            inputs_of(events[after..until].iter().copied())
        } else {
            Vec::new()
        };
        let script = script_path(self);
        let spec = crate::session::Spec {
            header: self.header.clone(),
            search_dir: search_dir(self, script.as_deref()),
            inputs: Some(inputs),
            allow_writes: false,
        };
        // The recorder stores a world at the first suspension after at most
        // `MAX_GAP_FACTOR` times its checkpoint interval, so a suspension it
        // did not store is that close to the stored one before it. A run
        // that goes on longer is not the recorded one (its worlds were
        // edited): stop it rather than run without end.
        let reach = self
            .header
            .checkpoint_steps
            .saturating_mul(crate::session::MAX_GAP_FACTOR)
            .saturating_mul(2)
            .saturating_add(1_000_000);
        let mut sink = RunTo {
            rec: self,
            branch: b,
            to,
            reached: false,
            mismatch: None,
            limit: vm.steps.saturating_add(reach),
        };
        let dir = vm.search_dir.clone();
        let (_, mut vm) = crate::session::Engine::run_on(&spec, vm, &s, entry_yields, &mut sink)?;
        vm.search_dir = dir;
        // The world as recorded, without the run's replay settings.
        vm.driver.replay_reads = None;
        vm.driver.sandbox = false;
        vm.driver.suppress_writes = false;
        vm.driver.log_resumes = false;
        vm.driver.single_step = false;
        vm.driver.trace.clear();
        vm.driver.reads.clear();
        let versions = if self.header.vm_version == crate::format::VM_VERSION {
            String::new()
        } else {
            format!(
                " (recorded by VM {}, this build is {})",
                self.header.vm_version,
                crate::format::VM_VERSION
            )
        };
        if let Some(m) = sink.mismatch {
            return Err(self.request(format!("{m}{versions}")));
        }
        if !sink.reached && vm.steps > sink.limit {
            return Err(self.request(format!(
                "running on from suspension {from} did not reach suspension {to} within the instructions the recording allows: its worlds do not match its program"
            )));
        }
        if !sink.reached {
            return Err(self.request(format!(
                "running on from suspension {from} ended before suspension {to}: the recording does not match this build's VM{versions}"
            )));
        }
        Ok(vm)
    }

    /// Branch `b` and its ancestors, each with the last suspension of it
    /// in `b`'s timeline (`None`: all of it), newest first.
    fn chain(&self, b: u32) -> crate::error::Result<Vec<&Branch>> {
        let mut out = Vec::new();
        let mut cur = self.branch(b)?;
        loop {
            out.push(cur);
            if cur.info.id == 0 || out.len() > self.branches.len() {
                return Ok(out);
            }
            cur = self.branch(cur.info.parent)?;
        }
    }

    /// How many of the entry generator's yields happened up to and including suspension `n`.
    ///
    /// # Errors
    /// No such branch or suspension.
    pub fn entry_yields(&self, b: u32, n: u64) -> crate::error::Result<usize> {
        let _ = self.suspension(b, n)?;
        let mut count = 0;
        let mut last = n;
        for br in self.chain(b)? {
            count += br.entries.partition_point(|&m| m <= last);
            last = br.first.saturating_sub(1).min(last);
            if br.first == 0 {
                break;
            }
        }
        Ok(count)
    }
}

/// Where the recorded script is now, if it is found where a recording may
/// name it (see [`locate_script`]).
#[must_use]
pub fn script_path(rec: &Recording) -> Option<PathBuf> {
    locate_script(rec).ok().flatten()
}

/// Where the recorded script is now. A recording may come from someone
/// else, so its header's `script` is looked for only in the recording's
/// folder: a relative path of plain names (no `..`), taken from that folder
/// or from the one above it (the layout of a project whose `recordings/`
/// sit beside its `scripts/`); an absolute path only when it names a file
/// inside the recording's folder. `Ok(None)`: not there.
///
/// # Errors
/// The header names a path that leaves the recording's folder.
pub fn locate_script(rec: &Recording) -> Result<Option<PathBuf>, String> {
    use std::path::Component;
    let s = Path::new(&rec.header.script);
    let dir = match rec.path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let refuse = |why: &str| {
        Err(format!(
            "the recording names its script {:?}, {why}: scripts are only looked for in the recording's folder",
            rec.header.script
        ))
    };
    if s.is_absolute() {
        let inside = |p: &Path| {
            let (Ok(p), Ok(d)) = (p.canonicalize(), dir.canonicalize()) else {
                return false;
            };
            p.starts_with(d)
        };
        if !s.is_file() {
            return Ok(None);
        }
        if inside(s) {
            return Ok(Some(s.to_path_buf()));
        }
        return refuse("an absolute path outside it");
    }
    if !s
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return refuse("a path that leaves it");
    }
    Ok([dir.join(s), dir.join("..").join(s)]
        .into_iter()
        .find(|p| p.is_file()))
}

/// The file inputs recorded in these records, in order.
#[must_use]
pub fn inputs_of<'a>(
    records: impl IntoIterator<Item = &'a Record>,
) -> Vec<(String, Option<String>)> {
    records
        .into_iter()
        .filter_map(|r| match r {
            Record::Input { path, content } => Some((path.clone(), content.clone())),
            _ => None,
        })
        .collect()
}

pub(crate) fn search_dir(rec: &Recording, script: Option<&Path>) -> PathBuf {
    script
        .and_then(Path::parent)
        .or_else(|| rec.path.parent())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Follows a run from a checkpoint: stops at suspension `to`, and notes the
/// first suspension that is not the recorded one.
struct RunTo<'r> {
    rec: &'r Recording,
    branch: u32,
    to: u64,
    reached: bool,
    mismatch: Option<String>,
    /// The step count past which the run cannot be the recorded one.
    limit: u64,
}

impl crate::sink::Sink for RunTo<'_> {
    fn out_of_steps(&self, steps: u64) -> bool {
        steps > self.limit
    }
    fn record(&mut self, _: &Record) -> crate::error::Result<()> {
        Ok(())
    }
    fn suspend(&mut self, s: &crate::format::SuspensionOut<'_>) -> crate::error::Result<()> {
        if self.mismatch.is_some() {
            return Ok(());
        }
        let same = self.rec.suspension(self.branch, s.n).is_ok_and(|r| {
            r.name == s.place.name()
                && r.at == s.place.at()
                && r.value == s.view()
                && r.entry == s.entry
        });
        if !same {
            self.mismatch = Some(format!(
                "running on to restore suspension {} gave another suspension {} ({} at {}) than the recorded one: the recording does not match this build's VM",
                self.to,
                s.n,
                s.place.name(),
                s.place.at()
            ));
        }
        if s.n >= self.to {
            self.reached = true;
        }
        Ok(())
    }
    fn keyframe(&mut self, _: u64, _: &Vm, _: bool) -> crate::error::Result<()> {
        Ok(())
    }
    fn interrupted(&self) -> bool {
        self.reached || self.mismatch.is_some()
    }
    fn wants_world(&self) -> bool {
        false
    }
    fn trace_room(&self, next: u64) -> u64 {
        // Suspension `to` itself stops the VM there.
        self.to.saturating_sub(next)
    }
}
