//! How many positional arguments each `bytes`/`bytearray` method takes, and
//! CPython's message when a call gives another number (its methods word it
//! four different ways).

use crate::vm::{PyResult, Vm};

/// How CPython words an arity error.
#[derive(Clone, Copy)]
enum Style {
    /// `find() takes at least 1 argument (0 given)`.
    Takes,
    /// `strip expected at most 1 argument, got 2`.
    Expected,
    /// `bytes.zfill() takes exactly one argument (2 given)`.
    ExactlyOne,
    /// `bytes.upper() takes no arguments (1 given)`.
    NoArgs,
}

fn arity(name: &str) -> Option<(usize, usize, Style)> {
    use Style::{ExactlyOne as X, Expected as E, NoArgs as N, Takes as T};
    Some(match name {
        "find" | "rfind" | "index" | "rindex" | "count" | "startswith" | "endswith" => (1, 3, T),
        "split" | "rsplit" | "hex" | "decode" => (0, 2, T),
        "splitlines" | "expandtabs" => (0, 1, T),
        "translate" => (1, 2, T),
        "strip" | "lstrip" | "rstrip" | "pop" => (0, 1, E),
        "replace" => (2, 3, E),
        "center" | "ljust" | "rjust" => (1, 2, E),
        "insert" => (2, 2, E),
        "partition" | "rpartition" | "join" | "zfill" | "removeprefix" | "removesuffix"
        | "append" | "extend" | "remove" => (1, 1, X),
        "upper" | "lower" | "isalpha" | "isdigit" | "isspace" | "isalnum" | "isascii"
        | "isupper" | "islower" | "title" | "swapcase" | "capitalize" | "clear" | "reverse"
        | "copy" => (0, 0, N),
        _ => return None,
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Checks the number of positional arguments `given` (the receiver not
/// counted) of method `name` of type `ty`.
pub(super) fn check(vm: &mut Vm, ty: &str, name: &str, given: usize) -> PyResult<()> {
    let Some((min, max, style)) = arity(name) else {
        return Ok(());
    };
    if (min..=max).contains(&given) {
        return Ok(());
    }
    let msg = match style {
        Style::Takes if given < min => {
            let what = if name == "translate" {
                "positional argument"
            } else {
                "argument"
            };
            format!(
                "{name}() takes at least {min} {what}{} ({given} given)",
                plural(min)
            )
        }
        Style::Takes => format!(
            "{name}() takes at most {max} argument{} ({given} given)",
            plural(max)
        ),
        Style::Expected if min == max => {
            format!("{name} expected {min} argument{}, got {given}", plural(min))
        }
        Style::Expected if given < min => {
            format!(
                "{name} expected at least {min} argument{}, got {given}",
                plural(min)
            )
        }
        Style::Expected => {
            format!(
                "{name} expected at most {max} argument{}, got {given}",
                plural(max)
            )
        }
        Style::ExactlyOne => format!("{ty}.{name}() takes exactly one argument ({given} given)"),
        Style::NoArgs => format!("{ty}.{name}() takes no arguments ({given} given)"),
    };
    vm.type_error(msg)
}
