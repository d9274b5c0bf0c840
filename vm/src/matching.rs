//! The run-time half of `match` statements: which subjects sequence and
//! mapping patterns accept, key look-ups for mapping patterns, and the
//! attribute look-ups of class patterns (`__match_args__`), as CPython's
//! `MATCH_*` instructions do them.

use crate::builtins::ExcType;
use crate::code::MatchOp;
use crate::frame::FrameKind;
use crate::object::Object;
use crate::types::TypeTag;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

/// Built-in types a class pattern with one positional sub-pattern matches
/// against the subject itself (`int(x)`, `str(s)`), with their subclasses.
const MATCH_SELF: &[TypeTag] = &[
    TypeTag::Bool,
    TypeTag::ByteArray,
    TypeTag::Bytes,
    TypeTag::Dict,
    TypeTag::Float,
    TypeTag::FrozenSet,
    TypeTag::Int,
    TypeTag::List,
    TypeTag::Set,
    TypeTag::Str,
    TypeTag::Tuple,
];

impl Vm {
    /// Runs one `MatchOp` on the current frame's stack.
    pub(crate) fn exec_match(&mut self, op: MatchOp) -> PyResult<()> {
        match op {
            MatchOp::Sequence | MatchOp::Mapping => {
                let subj = self.peek_value(0);
                let tags: &[TypeTag] = if op == MatchOp::Sequence {
                    &[
                        TypeTag::List,
                        TypeTag::Tuple,
                        TypeTag::Range,
                        TypeTag::Deque,
                    ]
                } else {
                    &[TypeTag::Dict, TypeTag::DefaultDict, TypeTag::Counter]
                };
                let ok = self.class_has_tag(self.class_ref(subj), tags);
                self.push_value(Value::Bool(ok));
            }
            MatchOp::Len => {
                let subj = self.peek_value(0);
                let n = self.len_of(subj)?;
                self.push_value(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)));
            }
            MatchOp::Keys => {
                let subj = self.peek_value(1);
                let keys = self.peek_value(0);
                let v = self.match_keys(subj, keys)?;
                self.push_value(v);
            }
            MatchOp::Rest => {
                let keys = self.pop_value();
                let subj = self.pop_value();
                let r = self.match_rest(subj, keys);
                self.heap.decref(keys);
                self.heap.decref(subj);
                let v = r?;
                self.push_value(v);
            }
            MatchOp::Class(npos) => {
                let names = self.pop_value();
                let cls = self.pop_value();
                let subj = self.pop_value();
                let r = self.match_class(subj, cls, npos as usize, names);
                self.heap.decref(names);
                self.heap.decref(cls);
                self.heap.decref(subj);
                let v = r?;
                self.push_value(v);
            }
        }
        Ok(())
    }

    /// The value `depth` entries below the top of the current frame's stack (borrowed).
    fn peek_value(&mut self, depth: usize) -> Value {
        let f = crate::interp::top!(self);
        f.stack[f.stack.len() - 1 - depth]
    }

    /// Is this class, or one of its bases, one of these built-in types?
    fn class_has_tag(&self, cls: Ref, tags: &[TypeTag]) -> bool {
        let Object::Class(c) = self.heap.get(cls) else {
            return false;
        };
        std::iter::once(cls)
            .chain(c.mro.iter().copied())
            .any(|k| self.class_tag(k).is_some_and(|t| tags.contains(&t)))
    }

    /// `MATCH_KEYS`: a tuple of the values under `keys`, or `None` when one
    /// is missing. Looks keys up as `subject.get(key, missing)` does, so a
    /// `defaultdict` does not grow.
    fn match_keys(&mut self, subj: Value, keys: Value) -> PyResult<Value> {
        let keys: Vec<Value> = match keys.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        };
        let plain = matches!(
            subj.as_ref().map(|r| self.heap.get(r)),
            Some(Object::Dict(_))
        );
        let seen = self.new_set(false);
        let mut values = Vec::with_capacity(keys.len());
        let mut getter = None;
        let mut result = Ok(Value::None);
        for &k in &keys {
            match self.contains(seen, k) {
                Ok(true) => {
                    result = self.repr(k).and_then(|kr| {
                        self.value_error(format!("mapping pattern checks duplicate key ({kr})"))
                    });
                    break;
                }
                Ok(false) => {}
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
            self.heap.incref(k);
            if let Err(e) = self.set_add_value(seen, k) {
                result = Err(e);
                break;
            }
            let found = if plain {
                self.dict_get(subj, k)
                    .map(|v| v.inspect(|&v| self.heap.incref(v)))
            } else {
                self.mapping_get(subj, k, &mut getter)
            };
            match found {
                Ok(Some(v)) => values.push(v),
                Ok(None) => break,
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        if let Some(g) = getter {
            self.heap.decref(g);
        }
        self.heap.decref(seen);
        match result {
            Err(e) => {
                self.heap.decref_all(values);
                Err(e)
            }
            Ok(_) if values.len() == keys.len() => Ok(self.tuple(values)),
            Ok(_) => {
                self.heap.decref_all(values);
                Ok(Value::None)
            }
        }
    }

    /// `subject.get(key, missing)` for a mapping that is not a plain dict (owned).
    fn mapping_get(
        &mut self,
        subj: Value,
        key: Value,
        getter: &mut Option<Value>,
    ) -> PyResult<Option<Value>> {
        let get = match *getter {
            Some(g) => g,
            None => {
                let get = self.names.intern("get");
                let g = self.get_attr(subj, get)?;
                *getter = Some(g);
                g
            }
        };
        let missing = self.list(Vec::new());
        self.heap.incref(key);
        self.heap.incref(missing);
        let r = self.call_sync(get, vec![key, missing], Vec::new());
        let out = r.map(|v| {
            if v.is(missing) {
                self.heap.decref(v);
                None
            } else {
                Some(v)
            }
        });
        self.heap.decref(missing);
        out
    }

    /// `**rest`: a new dict of the subject's items whose keys are not in `keys`.
    fn match_rest(&mut self, subj: Value, keys: Value) -> PyResult<Value> {
        let d = self.new_dict();
        if let Err(e) = self.dict_update_from(d, subj) {
            self.heap.decref(d);
            return Err(e);
        }
        let keys: Vec<Value> = match keys.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        };
        for k in keys {
            match self.dict_remove(d, k) {
                Ok(Some(v)) => self.heap.decref(v),
                Ok(None) => {}
                Err(e) => {
                    self.heap.decref(d);
                    return Err(e);
                }
            }
        }
        Ok(d)
    }

    /// `MATCH_CLASS`: the attributes the sub-patterns match against, positional
    /// ones first (named by `__match_args__`), or `None` when the subject is not
    /// an instance or lacks one of them.
    fn match_class(
        &mut self,
        subj: Value,
        cls: Value,
        npos: usize,
        names: Value,
    ) -> PyResult<Value> {
        let Some(c) = cls
            .as_ref()
            .filter(|r| matches!(self.heap.get(*r), Object::Class(_)))
        else {
            return self.type_error("called match pattern must be a type");
        };
        if !self.class_is_subclass(self.class_ref(subj), c) {
            return Ok(Value::None);
        }
        let kw_names: Vec<Value> = match names.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        };
        let cname = self.class_name(c);
        let mut attrs: Vec<Value> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        let r = self.match_class_attrs(subj, c, &cname, npos, &kw_names, &mut attrs, &mut seen);
        match r {
            Ok(true) => Ok(self.tuple(attrs)),
            Ok(false) => {
                self.heap.decref_all(attrs);
                Ok(Value::None)
            }
            Err(e) => {
                self.heap.decref_all(attrs);
                Err(e)
            }
        }
    }

    /// Gathers the attributes for `match_class`; `Ok(false)` when one is missing.
    #[allow(clippy::too_many_arguments)]
    fn match_class_attrs(
        &mut self,
        subj: Value,
        c: Ref,
        cname: &str,
        npos: usize,
        kw_names: &[Value],
        attrs: &mut Vec<Value>,
        seen: &mut Vec<String>,
    ) -> PyResult<bool> {
        if npos > 0 {
            let ma_name = self.names.intern("__match_args__");
            let match_args = match self.get_attr(Value::Obj(c), ma_name) {
                Ok(v) => Some(v),
                Err(e) if self.is_instance_of_exc(e, ExcType::AttributeError) => {
                    self.heap.decref(e);
                    None
                }
                Err(e) => return Err(e),
            };
            match match_args {
                Some(ma) => {
                    let items = match ma.as_ref().map(|r| self.heap.get(r)) {
                        Some(Object::Tuple(t)) => Some(t.to_vec()),
                        _ => None,
                    };
                    let Some(items) = items else {
                        let tn = self.type_name(ma);
                        self.heap.decref(ma);
                        return self.type_error(format!(
                            "{cname}.__match_args__ must be a tuple (got {tn})"
                        ));
                    };
                    if npos > items.len() {
                        self.heap.decref(ma);
                        let n = items.len();
                        let s = if n == 1 { "" } else { "s" };
                        return self.type_error(format!(
                            "{cname}() accepts {n} positional sub-pattern{s} ({npos} given)"
                        ));
                    }
                    for &name in &items[..npos] {
                        let ok = self.match_attr(subj, name, cname, attrs, seen);
                        match ok {
                            Ok(true) => {}
                            other => {
                                self.heap.decref(ma);
                                return other;
                            }
                        }
                    }
                    self.heap.decref(ma);
                }
                None if self.class_has_tag(c, MATCH_SELF) => {
                    if npos > 1 {
                        return self.type_error(format!(
                            "{cname}() accepts 1 positional sub-pattern ({npos} given)"
                        ));
                    }
                    self.heap.incref(subj);
                    attrs.push(subj);
                }
                None => {
                    return self.type_error(format!(
                        "{cname}() accepts 0 positional sub-patterns ({npos} given)"
                    ));
                }
            }
        }
        for &name in kw_names {
            if !self.match_attr(subj, name, cname, attrs, seen)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// One attribute for a class pattern: pushed onto `attrs`; `Ok(false)`
    /// when the subject has no such attribute.
    fn match_attr(
        &mut self,
        subj: Value,
        name: Value,
        cname: &str,
        attrs: &mut Vec<Value>,
        seen: &mut Vec<String>,
    ) -> PyResult<bool> {
        let text = match name.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Str(s)) => s.to_string(),
            _ => {
                let tn = self.type_name(name);
                return self.type_error(format!(
                    "__match_args__ elements must be strings (got {tn})"
                ));
            }
        };
        if seen.contains(&text) {
            let r = self.repr(name)?;
            return self.type_error(format!(
                "{cname}() got multiple sub-patterns for attribute {r}"
            ));
        }
        seen.push(text.clone());
        let sym = self.names.intern(&text);
        match self.get_attr(subj, sym) {
            Ok(v) => {
                attrs.push(v);
                Ok(true)
            }
            Err(e) if self.is_instance_of_exc(e, ExcType::AttributeError) => {
                self.heap.decref(e);
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }
}
