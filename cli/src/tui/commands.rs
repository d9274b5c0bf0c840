//! The `:` prompt: pdb's commands (`n`, `s`, `c`, `r`, `u`, `d`, `b`, `cl`,
//! `w`, `p`, `pp`, `l`, `q`) whatever the single-key map is, breakpoints set
//! by command (`:break 112`, `:break func`, `:break 112 if x > 3`, `:clear`),
//! go-to-line and saving.

use super::app::{update, Action, App, Overlay, Pane, PromptKind};

/// `N` for 1, `Ns` otherwise: "1 suspension", "2 suspensions".
#[must_use]
pub fn plural(n: impl Into<u64>, word: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The first line of `func`'s body in `source` (after its `def` line or
/// lines, past a docstring), where a breakpoint on the function stops.
#[must_use]
pub fn function_line(source: &str, func: &str) -> Option<usize> {
    let lines: Vec<&str> = source.lines().collect();
    let name = func.rsplit('.').next().unwrap_or(func);
    let def = lines.iter().position(|l| {
        let t = l.trim_start();
        let t = t.strip_prefix("async ").unwrap_or(t);
        t.strip_prefix("def ")
            .and_then(|r| r.trim_start().strip_prefix(name))
            .is_some_and(|r| r.trim_start().starts_with('('))
    })?;
    // The header ends at the ':' after the parameters' closing parenthesis.
    let mut depth = 0i32;
    let mut opened = false;
    let mut end = None;
    'lines: for (i, l) in lines.iter().enumerate().skip(def) {
        for (k, c) in code_of(l).char_indices() {
            match c {
                '(' | '[' | '{' => {
                    depth += 1;
                    opened = true;
                }
                ')' | ']' | '}' => depth -= 1,
                ':' if depth == 0 && opened => {
                    end = Some((i, &code_of(l)[k + 1..]));
                    break 'lines;
                }
                _ => {}
            }
        }
    }
    let (header_end, after) = end?;
    // The body on the header's line (`def f(): return 1`).
    if !after.trim().is_empty() {
        return Some(header_end + 1);
    }
    let mut j = header_end + 1;
    let mut in_doc: Option<&str> = None;
    let mut first = true;
    while j < lines.len() {
        let t = lines[j].trim();
        if let Some(q) = in_doc {
            if t.contains(q) {
                in_doc = None;
            }
            j += 1;
            continue;
        }
        if t.is_empty() || t.starts_with('#') {
            j += 1;
            continue;
        }
        if first {
            first = false;
            if let Some(q) = ["\"\"\"", "'''"].into_iter().find(|q| t.starts_with(q)) {
                if t.len() < 6 || !t[3..].contains(q) {
                    in_doc = Some(q);
                }
                j += 1;
                continue;
            }
        }
        return Some(j + 1);
    }
    None
}

/// A line without its comment (a `#` outside quotes, roughly).
fn code_of(line: &str) -> &str {
    let mut quote: Option<char> = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '#') => return &line[..i],
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            _ => {}
        }
    }
    line
}

/// `~` and `~/…` at the start of a path name the home directory.
#[must_use]
pub fn expand_home(path: &str) -> std::path::PathBuf {
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty());
    match (path, home) {
        ("~", Some(h)) => h.into(),
        (p, Some(h)) if p.starts_with("~/") => std::path::Path::new(&h).join(&p[2..]),
        (p, _) => p.into(),
    }
}

impl App {
    /// A `:` command other than a number.
    pub(super) fn command(&mut self, input: &str) {
        let (cmd, arg) = input
            .split_once(char::is_whitespace)
            .map_or((input, ""), |(c, a)| (c, a.trim()));
        match (cmd, arg) {
            ("q" | "quit" | "exit", _) => self.quit = true,
            // pdb's `w` (where) lists the stack; with a file name it writes.
            ("w" | "where" | "bt", "") => self.where_(),
            ("w" | "write", _) => self.write(arg),
            ("branch", _) => match arg.parse::<u32>() {
                Ok(b) if self.model.rec.branch(b).is_ok() => self.show_branch(b),
                _ => self.status = format!("no branch {arg}"),
            },
            ("b" | "break" | "tbreak", "") | ("breaks" | "bl", _) => self.list_breakpoints(),
            ("b" | "break" | "tbreak", _) => self.set_breakpoint(arg),
            ("cl" | "clear", _) => self.clear_breakpoints(arg),
            ("condition", _) => {
                let (n, cond) = arg.split_once(char::is_whitespace).unwrap_or((arg, ""));
                self.set_breakpoint(&format!("{n} if {cond}"));
            }
            ("n" | "next", "") => update(self, Action::Step),
            ("s" | "step", "") => update(self, Action::StepIn),
            ("c" | "cont" | "continue", "") => update(self, Action::Continue),
            ("r" | "return", "") => update(self, Action::StepOut),
            ("u" | "up", "") => update(self, Action::FrameUp),
            ("d" | "down", "") => update(self, Action::FrameDown),
            ("rs" | "rstep", "") => update(self, Action::ReverseStep),
            ("rc" | "rcontinue", "") => update(self, Action::ReverseContinue),
            ("p" | "pp" | "print", e) if !e.is_empty() => {
                self.submit_eval(e);
            }
            ("l" | "list", "") => {
                self.source_offset = 0;
                self.focus = Pane::Source;
            }
            ("l" | "list" | "line", n) => match n.split(',').next().unwrap_or(n).trim().parse() {
                Ok(line) => self.go_to_line(line),
                Err(_) => self.status = format!("not a line number: {n}"),
            },
            ("h" | "help", _) => update(self, Action::Help),
            _ => {
                self.status = format!(
                    "unknown command: {input} (a number, b N, cl, n, s, c, r, u, d, p EXPR, l N, w, write FILE, branch N, q)"
                );
            }
        }
    }

    /// Moves the Source pane's cursor to `line` (clamped) and focuses it.
    pub fn go_to_line(&mut self, line: usize) {
        let lines = self.model.rec.header.source.lines().count().max(1);
        let line = line.clamp(1, lines);
        let current = i64::try_from(self.current_line().max(1)).unwrap_or(1);
        let to = i64::try_from(line).unwrap_or(1);
        self.source_offset = i32::try_from(to - current).unwrap_or(0);
        self.focus = Pane::Source;
        self.status = format!("line {line}");
    }

    /// `:b ARG`: a line, a function, either with `if CONDITION`.
    fn set_breakpoint(&mut self, arg: &str) {
        let (place, cond) = match arg.split_once(" if ") {
            Some((p, c)) => (p.trim(), Some(c.trim().to_string())),
            None => match arg.split_once(',') {
                Some((p, c)) => (p.trim(), Some(c.trim().to_string())),
                None => (arg.trim(), None),
            },
        };
        let place = place.rsplit_once(':').map_or(place, |(_, l)| l);
        let line = match place.parse::<usize>() {
            Ok(n) => n,
            Err(_) => match function_line(&self.model.rec.header.source, place) {
                Some(n) => n,
                None => {
                    self.status = format!("no function {place} in the script (b LINE or b FUNC)");
                    return;
                }
            },
        };
        let lines = self.model.rec.header.source.lines().count();
        if line == 0 || line > lines {
            self.status = format!("no line {line}: the script has {lines} lines");
            return;
        }
        self.breakpoints.insert(line);
        match cond.filter(|c| !c.is_empty()) {
            Some(c) => {
                self.status = format!("breakpoint on line {line} if {c}");
                self.conditions.insert(line, c);
            }
            None => {
                self.conditions.remove(&line);
                self.status = format!("breakpoint on line {line}");
            }
        }
    }

    /// `:cl` clears every breakpoint, `:cl N …` those lines.
    fn clear_breakpoints(&mut self, arg: &str) {
        if arg.is_empty() {
            let n = self.breakpoints.len();
            self.breakpoints.clear();
            self.conditions.clear();
            self.status = format!("cleared {}", plural(n as u64, "breakpoint"));
            return;
        }
        let mut gone = Vec::new();
        for a in arg.split([' ', ',']).filter(|a| !a.is_empty()) {
            let a = a.rsplit_once(':').map_or(a, |(_, l)| l);
            match a.parse::<usize>() {
                Ok(n) if self.breakpoints.remove(&n) => {
                    self.conditions.remove(&n);
                    gone.push(n.to_string());
                }
                _ => {
                    self.status = format!("no breakpoint on line {a}");
                    return;
                }
            }
        }
        self.status = format!("cleared the breakpoint on line {}", gone.join(", "));
    }

    /// The breakpoints, in a list overlay.
    fn list_breakpoints(&mut self) {
        self.overlay = Overlay::Breakpoints { scroll: 0 };
    }

    /// The breakpoint list's lines: `line: source text` and its condition.
    #[must_use]
    pub fn breakpoint_lines(&self) -> Vec<String> {
        let src: Vec<&str> = self.model.rec.header.source.lines().collect();
        if self.breakpoints.is_empty() {
            return vec!["no breakpoints (:b LINE, :b FUNC, :b LINE if COND, x)".into()];
        }
        self.breakpoints
            .iter()
            .map(|l| {
                let text = src.get(l - 1).map_or("", |s| s.trim());
                match self.conditions.get(l) {
                    Some(c) => format!("{l:>4}  {text}   if {c}"),
                    None => format!("{l:>4}  {text}"),
                }
            })
            .collect()
    }

    /// pdb's `where`: the stack of the shown world, in the status line.
    fn where_(&mut self) {
        let Ok(w) = &self.world else {
            self.status = "no world here".into();
            return;
        };
        let frames = super::layout::ordered_frames(w, self.at_live);
        let parts: Vec<String> = frames
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let m = if i == self.frame_sel { "▶" } else { "" };
                format!("{m}{} @ {}", f.function, f.at)
            })
            .collect();
        self.status = parts.join(" ← ");
        self.focus = Pane::Frames;
    }

    /// `:w FILE` (or `:write`): saves, asking before replacing another file.
    fn write(&mut self, arg: &str) {
        let path = if arg.is_empty() {
            self.model.save_path()
        } else {
            expand_home(arg)
        };
        if !arg.is_empty() && path.exists() && path != self.model.save_path() {
            self.overlay = Overlay::Prompt {
                kind: PromptKind::Overwrite(path),
                input: String::new(),
            };
            return;
        }
        self.save_to(&path);
    }

    /// Saves to `path` and says so.
    pub(super) fn save_to(&mut self, path: &std::path::Path) {
        self.status = match self.model.save(path) {
            Ok(()) => format!("saved {}", path.display()),
            Err(e) => e,
        };
    }
}
