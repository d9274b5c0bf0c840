//! Methods of `str`.

use super::funcs::{consume, nargs, to_i64};
use super::{Args, Ret};
use crate::builtins::ExcType;
use crate::frame::RetMode;
use crate::native::{NativeKind, Then};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn val(v: Value) -> PyResult<Ret> {
    Ok(Ret::Value(v))
}

fn recv(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<String> {
    match a.pos.first().and_then(|v| vm.as_str(*v)) {
        Some(s) => Ok(s.to_string()),
        None => vm.type_error(format!("descriptor '{name}' requires a 'str' object")),
    }
}

fn str_arg(vm: &mut Vm, a: &Args<'_>, i: usize, name: &str) -> PyResult<Option<String>> {
    match a.pos.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(v) => match vm.as_str(*v) {
            Some(s) => Ok(Some(s.to_string())),
            None => {
                let tn = vm.type_name(*v);
                vm.type_error(format!("{name} arg must be None or str, not {tn}"))
            }
        },
    }
}

fn sv(vm: &mut Vm, s: &str) -> PyResult<Ret> {
    val(vm.str_value(s))
}

fn list_of(vm: &mut Vm, parts: Vec<String>) -> PyResult<Ret> {
    let items: Vec<Value> = parts.iter().map(|p| vm.str_value(p)).collect();
    val(vm.list(items))
}

pub fn join(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let sep = recv(vm, a, "join")?;
    nargs(vm, a, "join", 2, 2)?;
    consume(
        vm,
        a.pos[1],
        NativeKind::Collect {
            items: Vec::new(),
            then: Then::Join(sep),
        },
        ret,
    )
}

fn maxsplit(vm: &mut Vm, a: &Args<'_>) -> PyResult<Option<usize>> {
    let v = super::funcs::pos_or_kw(vm, a, 2, "maxsplit");
    match v {
        None => Ok(None),
        Some(v) => {
            let n = to_i64(vm, v, "split")?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

fn sep_arg(vm: &mut Vm, a: &Args<'_>) -> PyResult<Option<String>> {
    let v = super::funcs::pos_or_kw(vm, a, 1, "sep");
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match vm.as_str(v) {
            Some("") => vm.value_error("empty separator"),
            Some(s) => Ok(Some(s.to_string())),
            None => {
                let tn = vm.type_name(v);
                vm.type_error(format!("must be str or None, not {tn}"))
            }
        },
    }
}

pub fn split(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "split")?;
    let sep = sep_arg(vm, a)?;
    let max = maxsplit(vm, a)?;
    let parts: Vec<String> = match sep {
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if max.is_some_and(|m| out.len() >= m) {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start();
            }
            out
        }
        Some(sep) => match max {
            Some(m) => s.splitn(m + 1, sep.as_str()).map(str::to_string).collect(),
            None => s.split(sep.as_str()).map(str::to_string).collect(),
        },
    };
    list_of(vm, parts)
}

pub fn rsplit(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "rsplit")?;
    let sep = sep_arg(vm, a)?;
    let max = maxsplit(vm, a)?;
    let mut parts: Vec<String> = match sep {
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end();
            while !rest.is_empty() {
                if max.is_some_and(|m| out.len() >= m) {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest.rfind(char::is_whitespace).map_or(0, |p| {
                    p + rest[p..].chars().next().map_or(1, char::len_utf8)
                });
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end();
            }
            out
        }
        Some(sep) => match max {
            Some(m) => s.rsplitn(m + 1, sep.as_str()).map(str::to_string).collect(),
            None => s.rsplit(sep.as_str()).map(str::to_string).collect(),
        },
    };
    parts.reverse();
    list_of(vm, parts)
}

fn strip_impl(vm: &mut Vm, a: &Args<'_>, name: &str, left: bool, right: bool) -> PyResult<Ret> {
    let s = recv(vm, a, name)?;
    let chars = str_arg(vm, a, 1, name)?;
    let out = match chars {
        None => {
            let mut t: &str = &s;
            if left {
                t = t.trim_start();
            }
            if right {
                t = t.trim_end();
            }
            t.to_string()
        }
        Some(cs) => {
            let set: Vec<char> = cs.chars().collect();
            let mut t: &str = &s;
            if left {
                t = t.trim_start_matches(|c| set.contains(&c));
            }
            if right {
                t = t.trim_end_matches(|c| set.contains(&c));
            }
            t.to_string()
        }
    };
    sv(vm, &out)
}

pub fn strip(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    strip_impl(vm, a, "strip", true, true)
}
pub fn lstrip(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    strip_impl(vm, a, "lstrip", true, false)
}
pub fn rstrip(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    strip_impl(vm, a, "rstrip", false, true)
}

pub fn upper(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "upper")?;
    sv(vm, &s.to_uppercase())
}
pub fn lower(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "lower")?;
    sv(vm, &s.to_lowercase())
}
pub fn swapcase(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "swapcase")?;
    let out: String = s
        .chars()
        .flat_map(|c| {
            if c.is_uppercase() {
                c.to_lowercase().collect::<Vec<_>>()
            } else {
                c.to_uppercase().collect()
            }
        })
        .collect();
    sv(vm, &out)
}
pub fn title(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "title")?;
    let mut out = String::new();
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    sv(vm, &out)
}
pub fn istitle(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "istitle")?;
    let mut prev_cased = false;
    let mut any = false;
    for c in s.chars() {
        if c.is_uppercase() {
            if prev_cased {
                return val(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return val(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    val(Value::Bool(any))
}
pub fn capitalize(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "capitalize")?;
    let mut cs = s.chars();
    let out = match cs.next() {
        Some(f) => f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
        None => String::new(),
    };
    sv(vm, &out)
}

pub fn replace(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "replace")?;
    nargs(vm, a, "replace", 3, 4)?;
    let (Some(old), Some(new)) = (
        vm.as_str(a.pos[1]).map(str::to_string),
        vm.as_str(a.pos[2]).map(str::to_string),
    ) else {
        return vm.type_error("replace() argument must be str");
    };
    let count = match a.pos.get(3) {
        Some(c) => to_i64(vm, *c, "replace")?,
        None => -1,
    };
    let out = if count < 0 {
        s.replace(&old, &new)
    } else {
        s.replacen(&old, &new, count as usize)
    };
    sv(vm, &out)
}

fn prefix_check(vm: &mut Vm, a: &Args<'_>, name: &str, end: bool) -> PyResult<Ret> {
    let s = recv(vm, a, name)?;
    nargs(vm, a, name, 2, 4)?;
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len() as i64;
    let norm = |i: i64| -> usize { (if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize };
    let start = match a.pos.get(2) {
        Some(v) if *v != Value::None => norm(to_i64(vm, *v, name)?),
        _ => 0,
    };
    let stop = match a.pos.get(3) {
        Some(v) if *v != Value::None => norm(to_i64(vm, *v, name)?),
        _ => n as usize,
    };
    let sub: String = if start <= stop {
        chars[start..stop].iter().collect()
    } else {
        String::new()
    };
    let pats: Vec<String> = match vm.as_str(a.pos[1]) {
        Some(p) => vec![p.to_string()],
        None => {
            let items = match a.pos[1].as_ref().map(|r| vm.heap.get(r)) {
                Some(crate::object::Object::Tuple(t)) => t.to_vec(),
                _ => {
                    let tn = vm.type_name(a.pos[1]);
                    return vm.type_error(format!(
                        "{name} first arg must be str or a tuple of str, not {tn}"
                    ));
                }
            };
            // Checked in order: an earlier match wins before a bad item is seen.
            for i in items {
                let Some(p) = vm.as_str(i) else {
                    let tn = vm.type_name(i);
                    return vm
                        .type_error(format!("tuple for {name} must only contain str, not {tn}"));
                };
                let hit = if end {
                    sub.ends_with(p)
                } else {
                    sub.starts_with(p)
                };
                if hit {
                    return val(Value::Bool(true));
                }
            }
            return val(Value::Bool(false));
        }
    };
    let r = pats.iter().any(|p| {
        if end {
            sub.ends_with(p.as_str())
        } else {
            sub.starts_with(p.as_str())
        }
    });
    val(Value::Bool(r))
}

pub fn startswith(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    prefix_check(vm, a, "startswith", false)
}
pub fn endswith(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    prefix_check(vm, a, "endswith", true)
}

fn find_impl(vm: &mut Vm, a: &Args<'_>, name: &str, rev: bool) -> PyResult<Option<usize>> {
    let s = recv(vm, a, name)?;
    nargs(vm, a, name, 2, 4)?;
    let Some(sub) = vm.as_str(a.pos[1]).map(str::to_string) else {
        let tn = vm.type_name(a.pos[1]);
        return vm.type_error(format!("must be str, not {tn}"));
    };
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len() as i64;
    let norm = |i: i64| -> usize { (if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize };
    let start = match a.pos.get(2) {
        Some(v) if *v != Value::None => norm(to_i64(vm, *v, name)?),
        _ => 0,
    };
    let stop = match a.pos.get(3) {
        Some(v) if *v != Value::None => norm(to_i64(vm, *v, name)?),
        _ => n as usize,
    };
    if start > stop {
        return Ok(None);
    }
    let hay: String = chars[start..stop].iter().collect();
    let pos = if rev { hay.rfind(&sub) } else { hay.find(&sub) };
    Ok(pos.map(|b| hay[..b].chars().count() + start))
}

pub fn find(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = find_impl(vm, a, "find", false)?;
    val(Value::Int(r.map_or(-1, |i| i as i64)))
}
pub fn rfind(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = find_impl(vm, a, "rfind", true)?;
    val(Value::Int(r.map_or(-1, |i| i as i64)))
}
pub fn index(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    match find_impl(vm, a, "index", false)? {
        Some(i) => val(Value::Int(i as i64)),
        None => vm.value_error("substring not found"),
    }
}
pub fn rindex(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    match find_impl(vm, a, "rindex", true)? {
        Some(i) => val(Value::Int(i as i64)),
        None => vm.value_error("substring not found"),
    }
}

pub fn count(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "count")?;
    nargs(vm, a, "count", 2, 4)?;
    let Some(sub) = vm.as_str(a.pos[1]).map(str::to_string) else {
        return vm.type_error("must be str");
    };
    if sub.is_empty() {
        return val(Value::Int(s.chars().count() as i64 + 1));
    }
    val(Value::Int(s.matches(sub.as_str()).count() as i64))
}

fn char_pred(vm: &mut Vm, a: &Args<'_>, name: &str, f: fn(char) -> bool) -> PyResult<Ret> {
    let s = recv(vm, a, name)?;
    val(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

pub fn isdigit(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    char_pred(vm, a, "isdigit", |c| c.is_ascii_digit() || c.is_numeric())
}
pub fn isalpha(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    char_pred(vm, a, "isalpha", char::is_alphabetic)
}
pub fn isalnum(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    char_pred(vm, a, "isalnum", char::is_alphanumeric)
}
pub fn isspace(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    char_pred(vm, a, "isspace", char::is_whitespace)
}
pub fn isupper(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "isupper")?;
    val(Value::Bool(
        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase),
    ))
}
pub fn islower(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "islower")?;
    val(Value::Bool(
        s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase),
    ))
}
pub fn isidentifier(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "isidentifier")?;
    let mut cs = s.chars();
    let ok = match cs.next() {
        Some(c) => (c.is_alphabetic() || c == '_') && cs.all(|c| c.is_alphanumeric() || c == '_'),
        None => false,
    };
    val(Value::Bool(ok))
}

fn pad(vm: &mut Vm, a: &Args<'_>, name: &str, mode: u8) -> PyResult<Ret> {
    let s = recv(vm, a, name)?;
    nargs(vm, a, name, 2, 3)?;
    let width = to_i64(vm, a.pos[1], name)?.max(0) as usize;
    let fill = match a.pos.get(2) {
        Some(f) => match vm.as_str(*f) {
            Some(fs) if fs.chars().count() == 1 => fs.chars().next().unwrap_or(' '),
            _ => return vm.type_error("The fill character must be exactly one character long"),
        },
        None => ' ',
    };
    let n = s.chars().count();
    if n >= width {
        return sv(vm, &s);
    }
    let total = width - n;
    vm.check_items(total, fill.len_utf8())?;
    vm.check_memory(s.len())?;
    let (l, r) = match mode {
        0 => (0, total),
        1 => (total, 0),
        _ => {
            let left = total / 2 + (total & width & 1);
            (left, total - left)
        }
    };
    let out = format!(
        "{}{}{}",
        fill.to_string().repeat(l),
        s,
        fill.to_string().repeat(r)
    );
    sv(vm, &out)
}

pub fn ljust(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    pad(vm, a, "ljust", 0)
}
pub fn rjust(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    pad(vm, a, "rjust", 1)
}
pub fn center(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    pad(vm, a, "center", 2)
}

pub fn zfill(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "zfill")?;
    nargs(vm, a, "zfill", 2, 2)?;
    let width = to_i64(vm, a.pos[1], "zfill")?.max(0) as usize;
    let n = s.chars().count();
    if n >= width {
        return sv(vm, &s);
    }
    vm.check_memory(width)?;
    let (sign, rest) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), s[1..].to_string()),
        _ => (String::new(), s.clone()),
    };
    let out = format!("{sign}{}{rest}", "0".repeat(width - n));
    sv(vm, &out)
}

pub fn splitlines(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "splitlines")?;
    let keep = match super::funcs::pos_or_kw(vm, a, 1, "keepends") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        ) {
            let mut end = c.to_string();
            if c == '\r' && it.peek() == Some(&'\n') {
                it.next();
                end.push('\n');
            }
            if keep {
                cur.push_str(&end);
            }
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    list_of(vm, out)
}

fn partition_impl(vm: &mut Vm, a: &Args<'_>, rev: bool) -> PyResult<Ret> {
    let s = recv(vm, a, "partition")?;
    nargs(vm, a, "partition", 2, 2)?;
    let Some(sep) = vm.as_str(a.pos[1]).map(str::to_string) else {
        return vm.type_error("must be str");
    };
    if sep.is_empty() {
        return vm.value_error("empty separator");
    }
    let pos = if rev { s.rfind(&sep) } else { s.find(&sep) };
    let parts = match pos {
        Some(p) => [
            s[..p].to_string(),
            sep.clone(),
            s[p + sep.len()..].to_string(),
        ],
        None if rev => [String::new(), String::new(), s.clone()],
        None => [s.clone(), String::new(), String::new()],
    };
    let items: Vec<Value> = parts.iter().map(|p| vm.str_value(p)).collect();
    val(vm.tuple(items))
}

pub fn partition(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    partition_impl(vm, a, false)
}
pub fn rpartition(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    partition_impl(vm, a, true)
}

pub fn removeprefix(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "removeprefix")?;
    let p = str_arg(vm, a, 1, "removeprefix")?.unwrap_or_default();
    let out = s.strip_prefix(p.as_str()).unwrap_or(&s).to_string();
    sv(vm, &out)
}
pub fn removesuffix(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "removesuffix")?;
    let p = str_arg(vm, a, 1, "removesuffix")?.unwrap_or_default();
    let out = if p.is_empty() {
        s.clone()
    } else {
        s.strip_suffix(p.as_str()).unwrap_or(&s).to_string()
    };
    sv(vm, &out)
}
pub fn expandtabs(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "expandtabs")?;
    let ts = match a.pos.get(1) {
        Some(v) => {
            let t = to_i64(vm, *v, "expandtabs")?;
            if i32::try_from(t).is_err() {
                return vm.err(
                    ExcType::OverflowError,
                    "Python int too large to convert to C int",
                );
            }
            t.max(0) as usize
        }
        None => 8,
    };
    let tabs = s.matches('\t').count();
    vm.check_items(tabs, ts)?;
    let mut out = String::new();
    let mut col = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.push_str(&" ".repeat(n));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    sv(vm, &out)
}

/// `str.format(*args, **kwargs)`.
pub fn format(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "format")?;
    let args = &a.pos[1..];
    let mut out = String::new();
    let mut auto = 0usize;
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace (nested braces in the spec).
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth != 0 {
                return vm.value_error("Single '{' encountered in format string");
            }
            let field: String = chars[i + 1..j - 1].iter().collect();
            let (head, spec) = match field.find(':') {
                Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
                None => (field.clone(), String::new()),
            };
            let (name, conv) = match head.find('!') {
                Some(p) => (head[..p].to_string(), head[p + 1..].to_string()),
                None => (head, String::new()),
            };
            let value = resolve_field(vm, &name, args, a, &mut auto)?;
            let converted = match conv.as_str() {
                "" => None,
                "r" => Some(vm.repr(value)?),
                "s" => Some(vm.to_str(value)?),
                "a" => Some(crate::repr::ascii_escape(&vm.repr(value)?)),
                other => {
                    vm.heap.decref(value);
                    return vm.value_error(format!("Unknown conversion specifier {other}"));
                }
            };
            // Nested replacement fields in the spec.
            let spec = if spec.contains('{') {
                let sv2 = vm.str_value(&spec);
                let mut pos = vec![sv2];
                pos.extend_from_slice(args);
                let inner = format(
                    vm,
                    &Args {
                        pos: &pos,
                        kw: a.kw,
                    },
                    RetMode::Push,
                );
                vm.heap.decref(sv2);
                match inner? {
                    Ret::Value(v) => {
                        let s2 = vm.as_str(v).unwrap_or("").to_string();
                        vm.heap.decref(v);
                        s2
                    }
                    Ret::Pushed => String::new(),
                }
            } else {
                spec
            };
            let text = match converted {
                Some(cs) => {
                    let tmp = vm.str_value(&cs);
                    let r = vm.format_spec(tmp, &spec);
                    vm.heap.decref(tmp);
                    r
                }
                None => vm.format_spec(value, &spec),
            };
            vm.heap.decref(value);
            out.push_str(&text?);
            i = j;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return vm.value_error("Single '}' encountered in format string");
        } else {
            out.push(c);
            i += 1;
        }
    }
    sv(vm, &out)
}

fn resolve_field(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    a: &Args<'_>,
    auto: &mut usize,
) -> PyResult<Value> {
    // Split off attribute/index accessors.
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (base, mut rest) = (&name[..first_end], &name[first_end..]);
    // `*auto` counts automatic fields; `usize::MAX` once a field was numbered.
    let mut v = if base.is_empty() {
        if *auto == usize::MAX {
            return vm.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            );
        }
        let i = *auto;
        *auto += 1;
        match args.get(i) {
            Some(v) => *v,
            None => {
                return vm.err(
                    ExcType::IndexError,
                    format!("Replacement index {i} out of range for positional args tuple"),
                )
            }
        }
    } else if let Ok(i) = base.parse::<usize>() {
        if *auto != 0 && *auto != usize::MAX {
            return vm.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            );
        }
        *auto = usize::MAX;
        match args.get(i) {
            Some(v) => *v,
            None => {
                return vm.err(
                    ExcType::IndexError,
                    format!("Replacement index {i} out of range for positional args tuple"),
                )
            }
        }
    } else {
        match a.kw.iter().find(|(k, _)| vm.names.name(*k) == base) {
            Some((_, v)) => *v,
            None => {
                let k = vm.str_value(base);
                let args = vm.tuple(vec![k]);
                return Err(vm.make_exception(vm.b.exc(ExcType::KeyError), args));
            }
        }
    };
    vm.heap.incref(v);
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let s = vm.sym(&r[..end]);
            let nv = vm.get_attr(v, s);
            vm.heap.decref(v);
            v = nv?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').unwrap_or(r.len());
            let key_s = &r[..end];
            let key = match key_s.parse::<i64>() {
                Ok(i) => Value::Int(i),
                Err(_) => vm.str_value(key_s),
            };
            let nv = vm.get_item_sync(v, key);
            vm.heap.decref(key);
            vm.heap.decref(v);
            v = nv?;
            rest = r.get(end + 1..).unwrap_or("");
        } else {
            break;
        }
    }
    Ok(v)
}
