//! Rendering: a pure function of the [`App`] state.

use super::app::{App, Overlay, PromptKind};
use super::jobs::RunState;
use super::keys::{key_name, KEYS};
use super::layout::{ordered_frames, panes, Pane};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;
use yieldscope_inspector::value::ValueView;
use yieldscope_inspector::world::FrameView;

/// Styles, with or without colour (`NO_COLOR`).
struct Theme {
    color: bool,
}

impl Theme {
    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    }
    /// The current line and the selected row.
    fn current(&self) -> Style {
        current_line_style(!self.color)
    }
    fn title(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    fn dim(&self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }
    fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::default()
        }
    }
}

/// The style of the marked current source line (for tests and the renderer alike).
#[must_use]
pub fn current_line_style(no_color: bool) -> Style {
    let s = Style::default().add_modifier(Modifier::REVERSED);
    if no_color {
        s
    } else {
        s.fg(Color::Yellow)
    }
}

fn block<'a>(title: &'a str, focused: bool, t: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(t.border(focused))
        .title(Span::styled(format!(" {title} "), t.border(focused)))
}

fn short(at: &str) -> &str {
    at.rsplit('/').next().unwrap_or(at)
}

/// `card_game.<locals>.ask#2` → `ask#2`.
fn short_name(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let t = Theme {
        color: !app.no_color,
    };
    let area = frame.area();
    let [top, _, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    // A message too long for the title line takes the key bar's place.
    let long = render_title(app, frame, top, &t);
    match long {
        Some(msg) => frame.render_widget(
            Paragraph::new(Line::styled(msg, t.fg(Color::Yellow))),
            bottom,
        ),
        None => render_bar(frame, bottom, &t),
    }
    let tree = app.model.tree();
    let p = panes(area, tree.len());
    let (src, out, br, tl, fr) = (p.source, p.output, p.branches, p.timeline, p.frames);
    render_source(app, frame, src, &t);
    render_output(app, frame, out, &t);
    render_branches(app, frame, br, &t, &tree);
    render_timeline(app, frame, tl, &t);
    render_frames(app, frame, fr, &t);
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help => render_help(frame, area, app.help_scroll, &t),
        Overlay::Prompt { kind, input } => render_prompt(frame, area, kind, input, &t),
        Overlay::Breakpoints { scroll } => render_breakpoints(app, frame, area, *scroll, &t),
        Overlay::Diff {
            left,
            right,
            frames,
            scroll,
        } => render_diff(frame, area, left, right, frames, *scroll, &t),
    }
}

/// Draws the title line; returns the message when it does not fit there.
fn render_title(app: &App, frame: &mut Frame, area: Rect, t: &Theme) -> Option<String> {
    let total = app.timeline.rows.len();
    let mut spans = vec![
        Span::styled("yieldscope ", t.title()),
        Span::raw(format!("{} ", app.model.title)),
        Span::styled(format!("branch {} ", app.branch), t.fg(Color::Magenta)),
        Span::raw(match (app.paused_line(), app.current_n()) {
            (Some(line), _) if app.past.is_some() => {
                let after = app.past_pause().map_or(0, |p| p.after);
                format!("back at line {line} (after {after})")
            }
            (Some(line), _)
                if app
                    .live
                    .as_ref()
                    .is_some_and(|l| l.state == RunState::Ended) =>
            {
                format!("post-mortem at line {line} (after {total})")
            }
            (Some(line), _) => format!("paused at line {line} (after {total})"),
            (None, Some(n)) => format!("#{n} ({}/{total})", app.sel + 1),
            (None, None) if app.at_live => "live".into(),
            (None, None) => "no suspensions".into(),
        }),
    ];
    if let Some((b, n)) = app.mark {
        spans.push(Span::styled(format!(" mark b{b}#{n}"), t.fg(Color::Green)));
    }
    let used: usize = spans.iter().map(|s| s.content.chars().count()).sum();
    let room = usize::from(area.width).saturating_sub(used + 2);
    let mut long = None;
    if let Some(p) = app.progress() {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(p, t.fg(Color::Green)));
    } else if app.status.chars().count() > room {
        long = Some(app.status.clone());
    } else if !app.status.is_empty() {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(app.status.clone(), t.fg(Color::Yellow)));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    long
}

fn render_bar(frame: &mut Frame, area: Rect, t: &Theme) {
    let mut spans = Vec::new();
    for b in KEYS {
        let Some(label) = b.bar else { continue };
        let keys: Vec<String> = b.keys.iter().map(|k| key_name(*k)).collect();
        spans.push(Span::styled(keys.join("/"), t.title()));
        spans.push(Span::raw(format!(" {label}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn render_source(app: &App, frame: &mut Frame, area: Rect, t: &Theme) {
    let b = block("Source", app.focus == Pane::Source, t);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let current = app.current_line();
    let lines: Vec<&str> = app.model.rec.header.source.lines().collect();
    let h = usize::from(inner.height);
    let centre = i64::try_from(current).unwrap_or(0) - 1 + i64::from(app.source_offset);
    let max_top = lines.len().saturating_sub(h);
    let top = usize::try_from((centre - i64::try_from(h / 2).unwrap_or(0)).max(0))
        .unwrap_or(0)
        .min(max_top);
    let width = lines.len().to_string().len();
    let text: Vec<Line> = lines
        .iter()
        .enumerate()
        .skip(top)
        .take(h)
        .map(|(i, l)| {
            let no = i + 1;
            let bp = match (
                app.breakpoints.contains(&no),
                app.conditions.contains_key(&no),
            ) {
                (true, true) => '◆',
                (true, false) => '●',
                _ => ' ',
            };
            if no == current {
                // Padded so the highlight spans the whole row.
                let s = format!("▶{bp}{no:>width$} {l}");
                let pad = usize::from(inner.width).saturating_sub(s.chars().count());
                Line::styled(format!("{s}{}", " ".repeat(pad)), t.current())
            } else {
                let cursor = app.focus == Pane::Source && no == app.source_cursor();
                Line::from(vec![
                    Span::styled(if cursor { "›" } else { " " }, t.title()),
                    Span::styled(bp.to_string(), t.fg(Color::Red)),
                    Span::styled(format!("{no:>width$} "), t.dim()),
                    Span::raw(*l),
                ])
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(text), inner);
}

fn render_output(app: &App, frame: &mut Frame, area: Rect, t: &Theme) {
    let title = if app.output_to_end() {
        "Output (to the end)"
    } else {
        "Output"
    };
    let b = block(title, app.focus == Pane::Output, t);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let all = app.output_now();
    // Long lines wrap at the pane's width.
    let w = usize::from(inner.width).max(1);
    let lines: Vec<String> = all
        .lines()
        .flat_map(|l| {
            let chars: Vec<char> = l.chars().collect();
            if chars.is_empty() {
                return vec![String::new()];
            }
            chars
                .chunks(w)
                .map(|c| c.iter().collect::<String>())
                .collect()
        })
        .collect();
    let h = usize::from(inner.height);
    let end = lines.len().saturating_sub(usize::from(app.output_scroll));
    let start = end.saturating_sub(h);
    let text: Vec<Line> = lines[start..end]
        .iter()
        .map(|l| Line::raw(l.clone()))
        .collect();
    frame.render_widget(Paragraph::new(text), inner);
}

fn render_branches(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    t: &Theme,
    tree: &[(usize, yieldscope_inspector::format::BranchInfo, u64)],
) {
    let b = block("Branches", app.focus == Pane::Branches, t);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let cur = tree
        .iter()
        .position(|(_, b, _)| b.id == app.branch)
        .unwrap_or(0);
    let h = usize::from(inner.height).max(1);
    let top = cur.saturating_sub(h - 1);
    let w = usize::from(inner.width);
    let text: Vec<Line> = tree
        .iter()
        .skip(top)
        .take(h)
        .map(|(depth, info, count)| {
            let s = if info.id == 0 {
                format!(
                    "0 original ({})",
                    super::commands::plural(*count, "suspension")
                )
            } else {
                format!(
                    "{}└ {} from {}#{} sent {} ({count})",
                    "  ".repeat(depth.saturating_sub(1)),
                    info.id,
                    info.parent,
                    info.at,
                    info.send
                )
            };
            let s = clip(&s, w);
            if info.id == app.branch {
                Line::styled(s, t.current())
            } else {
                Line::raw(s)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(text), inner);
}

fn render_timeline(app: &App, frame: &mut Frame, area: Rect, t: &Theme) {
    // The end in a word or two: a failure's message is in the output pane.
    let live = live_row(app);
    let end = match app.timeline.end.as_str() {
        "" if live.is_some() => "live",
        "" => "no end recorded",
        e if e.starts_with("failed") => "failed",
        e => e.lines().next().unwrap_or(e),
    };
    let title = format!("Timeline ({end})");
    let b = block(&title, app.focus == Pane::Timeline, t);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let h = usize::from(inner.height).max(1);
    let rows = &app.timeline.rows;
    let sel = if app.at_live { rows.len() } else { app.sel };
    let count = rows.len() + usize::from(live.is_some());
    let top = sel.saturating_sub(h / 2).min(count.saturating_sub(h));
    let w = usize::from(inner.width);
    let nw = rows.last().map_or(1, |r| r.n.to_string().len());
    let text: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(top)
        .take(h)
        .map(|(i, r)| {
            let mark = match app.mark {
                Some((mb, mn)) if mb == app.branch && mn == r.n => "*",
                _ if app.branch == 0 && app.diverged == Some(r.n) => "≠",
                _ => " ",
            };
            let s = clip(
                &format!(
                    "{mark}{:>nw$} {} {} {} → {}",
                    r.n,
                    short_name(&r.name),
                    if r.line == 0 {
                        "L?".to_string()
                    } else {
                        format!("L{}", r.line)
                    },
                    r.value,
                    if r.sent.is_empty() { "…" } else { &r.sent }
                ),
                w,
            );
            if i == sel {
                Line::styled(s, t.current())
            } else {
                Line::raw(s)
            }
        })
        .collect();
    let mut text = text;
    if let Some(l) = live {
        if text.len() < h {
            let s = clip(&format!("{:>nw$} {l}", "▶"), w);
            text.push(if app.at_live && app.past.is_none() {
                Line::styled(s, t.current())
            } else {
                Line::styled(s, t.fg(Color::Green))
            });
        }
    }
    frame.render_widget(Paragraph::new(text), inner);
}

/// The timeline's last row while a live program has not ended: where it is.
fn live_row(app: &App) -> Option<String> {
    use super::live::Why;
    let l = app.live.as_ref().filter(|_| app.branch == 0)?;
    Some(match l.state {
        RunState::Running => "running…".into(),
        RunState::WantsSend => "waits for a value to send (→ types it)".into(),
        RunState::Paused => match &l.paused {
            Some(p) => format!(
                "paused at L{} in {} ({})",
                p.line,
                p.world
                    .frames
                    .first()
                    .map_or("?", |f| short_name(&f.function)),
                match p.why {
                    Why::Start => "start",
                    Why::Breakpoint => "breakpoint",
                    Why::Step => "step",
                    Why::Return => "return",
                    Why::PostMortem => "post-mortem",
                    Why::Interrupted | Why::Suspension => "paused",
                }
            ),
            None => "paused after this suspension (→ runs on)".into(),
        },
        RunState::Ended => match &l.paused {
            Some(p) => format!("post-mortem: raised at L{}", p.line),
            None => return None,
        },
    })
}

/// The children of a compound value, labelled.
fn children(v: &ValueView) -> Vec<(String, &ValueView)> {
    match v {
        ValueView::List(items) | ValueView::Tuple(items) | ValueView::Set(items) => items
            .iter()
            .enumerate()
            .map(|(i, x)| (format!("[{i}]"), x))
            .collect(),
        ValueView::Dict(items) => items.iter().map(|(k, x)| (format!("[{k}]"), x)).collect(),
        ValueView::Object { fields, .. } => {
            fields.iter().map(|(k, x)| (format!(".{k}"), x)).collect()
        }
        ValueView::Atom(_) | ValueView::Elided(_) => Vec::new(),
    }
}

/// An expanded value, one child a line, nested children indented.
fn value_lines(v: &ValueView, indent: usize, depth: usize, out: &mut Vec<Line<'static>>) {
    for (label, c) in children(v) {
        out.push(Line::raw(format!("{}{label} = {c}", " ".repeat(indent))));
        if depth > 0 {
            value_lines(c, indent + 2, depth - 1, out);
        }
    }
}

/// The frames pane's text for a world, and the line of the cursor.
fn frame_lines(app: &App, frames: &[&FrameView], t: &Theme) -> (Vec<Line<'static>>, usize) {
    let mut out = Vec::new();
    let mut index = 0;
    let mut cursor_line = 0;
    for (i, f) in frames.iter().enumerate() {
        let mark = if app.frame_sel > 0 && i == app.frame_sel {
            "▶ "
        } else {
            ""
        };
        out.push(Line::from(vec![
            Span::styled(format!("{mark}{}", short_name(&f.owner)), t.title()),
            Span::raw(format!(" {} @ {}", short_name(&f.function), short(&f.at))),
        ]));
        for (k, v) in &f.locals {
            let key = format!("{}.{k}", f.owner);
            let open = app.expanded.contains(&key);
            let compound = !children(v).is_empty();
            let sign = match (compound, open) {
                (false, _) => " ",
                (true, false) => "▸",
                (true, true) => "▾",
            };
            let here = app.focus == Pane::Frames && index == app.frames_cursor;
            if here {
                cursor_line = out.len();
            }
            let name_style = if here {
                t.current()
            } else {
                t.fg(Color::Green)
            };
            out.push(Line::from(vec![
                Span::raw(format!(" {sign}")),
                Span::styled(k.clone(), name_style),
                Span::raw(format!(" = {v}")),
            ]));
            if open {
                value_lines(v, 4, 2, &mut out);
            }
            index += 1;
        }
        if !f.stack.is_empty() {
            let s: Vec<String> = f.stack.iter().map(ToString::to_string).collect();
            out.push(Line::styled(
                format!("  stack: [{}]", s.join(", ")),
                t.dim(),
            ));
        }
        if !f.blocks.is_empty() {
            out.push(Line::styled(
                format!("  blocks: {}", f.blocks.join(", ")),
                t.dim(),
            ));
        }
        if !f.delegation.is_empty() {
            out.push(Line::raw(format!(
                "  yield from: {}",
                f.delegation.join(" → ")
            )));
        }
        if let Some(e) = &f.exception {
            out.push(Line::styled(format!("  exception: {e}"), t.fg(Color::Red)));
        }
    }
    (out, cursor_line)
}

fn render_frames(app: &App, frame: &mut Frame, area: Rect, t: &Theme) {
    let b = block("Frames", app.focus == Pane::Frames, t);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let mut scroll = 0;
    let text = match &app.world {
        Ok(w) => {
            let mut lines = Vec::new();
            if let Some((expr, r)) = &app.eval {
                lines.push(match r {
                    Ok(v) => Line::from(vec![
                        Span::styled(format!("» {expr} = "), t.title()),
                        Span::raw(v.clone()),
                    ]),
                    Err(e) => Line::styled(format!("» {expr}: {e}"), t.fg(Color::Red)),
                });
            }
            if app.past.is_some() {
                lines.push(Line::from(vec![
                    Span::raw("back at "),
                    Span::styled(w.value.to_string(), t.fg(Color::Yellow)),
                    Span::raw(" (a past stop: → forward, S/C back)"),
                ]));
            } else if app.at_live
                && app
                    .live
                    .as_ref()
                    .is_some_and(|l| l.state == RunState::Ended)
            {
                lines.push(Line::from(vec![
                    Span::styled("post-mortem: ", t.fg(Color::Red)),
                    Span::raw(format!("raised at {} (u/U walk the stack)", w.value)),
                ]));
            } else if app.at_live {
                lines.push(Line::from(vec![
                    Span::raw("paused at "),
                    Span::styled(w.value.to_string(), t.fg(Color::Yellow)),
                    Span::raw(" (s step, c continue)"),
                ]));
            } else {
                lines.push(Line::from(vec![
                    Span::raw(format!("{} yielded ", short_name(&w.generator))),
                    Span::styled(w.value.to_string(), t.fg(Color::Yellow)),
                ]));
            }
            let head = lines.len();
            let (more, cursor) = frame_lines(app, &ordered_frames(w, app.at_live), t);
            lines.extend(more);
            // Keep the cursor in view (lines before wrapping).
            let h = usize::from(inner.height);
            scroll = u16::try_from((head + cursor).saturating_sub(h.saturating_sub(2)))
                .unwrap_or(u16::MAX);
            lines
        }
        Err(e) => vec![Line::raw(e.clone())],
    };
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        inner,
    );
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn render_help(frame: &mut Frame, area: Rect, scroll: u16, t: &Theme) {
    let mut lines = Vec::new();
    for b in KEYS {
        let keys: Vec<String> = b.keys.iter().map(|k| key_name(*k)).collect();
        lines.push(Line::from(vec![
            Span::styled(format!("{:<12}", keys.join(" ")), t.title()),
            Span::raw(b.help),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{:<12}", "Ctrl-L"), t.title()),
        Span::raw("redraw the screen"),
    ]));
    let h = u16::try_from(lines.len()).unwrap_or(20) + 2;
    let r = centered(area, 72, h);
    // On a small screen the list scrolls.
    let hidden = h.saturating_sub(r.height);
    let title = if hidden > 0 {
        "Keys (Esc closes, ↑/↓ scroll)"
    } else {
        "Keys (Esc closes)"
    };
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll.min(hidden), 0))
            .block(block(title, true, t)),
        r,
    );
}

fn render_breakpoints(app: &App, frame: &mut Frame, area: Rect, scroll: u16, t: &Theme) {
    let lines: Vec<Line> = app.breakpoint_lines().into_iter().map(Line::raw).collect();
    let h = u16::try_from(lines.len()).unwrap_or(20).saturating_add(2);
    let r = centered(area, 72, h);
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)).block(block(
            "Breakpoints (:cl N clears one, :cl all of them; a key closes)",
            true,
            t,
        )),
        r,
    );
}

fn render_prompt(frame: &mut Frame, area: Rect, kind: &PromptKind, input: &str, t: &Theme) {
    let overwrite;
    let title = match kind {
        PromptKind::Branch => "Send instead (Python expression), Enter runs the branch",
        PromptKind::Search => "Search the timeline",
        PromptKind::Jump => "Suspension N (Source pane: line N), or pdb: n s c r u d b cl w p l q",
        PromptKind::Overwrite(p) => {
            overwrite = format!("{} exists: overwrite it? (y, Enter)", p.display());
            overwrite.as_str()
        }
        PromptKind::Eval => "Evaluate in the suspended frame (read-only)",
        PromptKind::Send => "The entry generator waits: send (Python expression)",
    };
    let r = centered(area, 70, 3);
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(format!("{input}▏")).block(block(title, true, t)),
        r,
    );
}

fn render_diff(
    frame: &mut Frame,
    area: Rect,
    left: &str,
    right: &str,
    frames: &[yieldscope_inspector::diff::FrameDiff],
    scroll: u16,
    t: &Theme,
) {
    // Over the panes, between the title and the key bar.
    let r = Rect {
        x: area.x,
        y: area.y + 1,
        width: area.width,
        height: area.height.saturating_sub(2),
    };
    frame.render_widget(Clear, r);
    let outer = block("Frame diff (Esc closes, ↑/↓ scroll)", true, t);
    let inner = outer.inner(r);
    frame.render_widget(outer, r);
    let [l, rr] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
    let changed = t.current();
    let mut lt = vec![Line::styled(left.to_string(), t.title())];
    let mut rt = vec![Line::styled(right.to_string(), t.title())];
    if frames.is_empty() {
        lt.push(Line::raw("no differences"));
    }
    for f in frames {
        lt.push(Line::styled(f.frame.clone(), t.fg(Color::Cyan)));
        rt.push(Line::styled(f.frame.clone(), t.fg(Color::Cyan)));
        for c in &f.changes {
            let old = c.old.clone().unwrap_or_else(|| "—".into());
            let new = c.new.clone().unwrap_or_else(|| "—".into());
            lt.push(Line::from(vec![
                Span::raw(format!("  {} = ", c.path)),
                Span::styled(old, changed),
            ]));
            rt.push(Line::from(vec![
                Span::raw(format!("  {} = ", c.path)),
                Span::styled(new, changed),
            ]));
        }
    }
    frame.render_widget(
        Paragraph::new(lt)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        l,
    );
    frame.render_widget(
        Paragraph::new(rt)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        rr,
    );
}
