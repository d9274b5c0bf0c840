//! The names the session binds a user's expression to (`--send`,
//! `--entry`, an evaluated expression: `NAME = (EXPR)`) are its own: a
//! traceback or a syntax error about the expression shows the expression as
//! the user wrote it, never the assignment around it.

/// `text` (a traceback or a rendered syntax error) with every source line
/// `NAME = (EXPR)` shown as `EXPR`, and the markers under it moved with it.
#[must_use]
pub fn hide_assignment(text: &str, name: &str) -> String {
    let prefix = format!("{name} = (");
    let mut out = String::with_capacity(text.len());
    let mut shift: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let indent = body.len() - body.trim_start().len();
        if let Some(cut) = shift.take() {
            // The marker line under a rewritten source line: as far left
            // as the source moved.
            let markers = body.trim_start();
            if !markers.is_empty()
                && markers.chars().all(|c| matches!(c, '^' | '~'))
                && indent >= cut
            {
                out.push_str(&body[cut..]);
                out.push_str(&line[body.len()..]);
                continue;
            }
        }
        if body[indent..].starts_with(&prefix) {
            let rest = &body[indent + prefix.len()..];
            let expr = rest.strip_suffix(')').unwrap_or(rest);
            out.push_str(&body[..indent]);
            out.push_str(expr);
            out.push_str(&line[body.len()..]);
            shift = Some(prefix.len());
            continue;
        }
        out.push_str(line);
    }
    out.replace(name, "<expression>")
}
