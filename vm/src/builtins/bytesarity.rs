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

/// The keyword arguments a method accepts (`None`: it takes none).
fn keywords(name: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        "split" | "rsplit" => &["sep", "maxsplit"],
        "hex" => &["sep", "bytes_per_sep"],
        "decode" => &["encoding", "errors"],
        "splitlines" => &["keepends"],
        "expandtabs" => &["tabsize"],
        "translate" => &["delete"],
        _ => return None,
    })
}

/// Checks the arguments of method `name` of type `ty`: `given` positional
/// ones (the receiver not counted) and the keywords `kws`.
pub(super) fn check(
    vm: &mut Vm,
    ty: &str,
    name: &str,
    given: usize,
    kws: &[String],
) -> PyResult<()> {
    if name == "translate" {
        // CPython counts its positional arguments first.
        check_positional(vm, ty, name, given)?;
    }
    if !kws.is_empty() {
        match keywords(name) {
            Some(ok) => {
                if let Some(bad) = kws.iter().find(|k| !ok.contains(&k.as_str())) {
                    return vm.type_error(format!(
                        "'{bad}' is an invalid keyword argument for {name}()"
                    ));
                }
            }
            None if arity(name).is_some() => {
                return vm.type_error(format!("{ty}.{name}() takes no keyword arguments"));
            }
            None => {}
        }
    }
    check_positional(vm, ty, name, given)
}

fn check_positional(vm: &mut Vm, ty: &str, name: &str, given: usize) -> PyResult<()> {
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
