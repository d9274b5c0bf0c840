//! Building the arguments of `f(*args, **kwargs)` calls and unpacking
//! displays, with CPython's checks and messages (`Value after * must be an
//! iterable`, `f() argument after ** must be a mapping`, `f() got multiple
//! values for keyword argument 'a'`).

use crate::object::Object;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

/// Marks the operand of `DictUpdate` that merges `**mapping` into a call's
/// keyword arguments: repeated keys are errors and messages name the callee
/// (found below the arguments on the stack).
pub const CALL_MERGE: u32 = 1 << 31;

impl Vm {
    /// `[*src]`, `f(a, *src)`: a non-iterable `src` is reported as CPython's
    /// `LIST_EXTEND` does (the error `e` of iterating it is replaced).
    pub(crate) fn star_extend_error(&mut self, e: Value, src: Value) -> Value {
        let tn = self.type_name(src);
        let plain = format!("'{tn}' object is not iterable");
        let is_plain = self.is_instance_of_exc(e, crate::builtins::ExcType::TypeError)
            && self.to_str(e).ok().as_deref() == Some(plain.as_str());
        if !is_plain {
            return e;
        }
        self.heap.decref(e);
        self.new_exc(
            crate::builtins::ExcType::TypeError,
            &format!("Value after * must be an iterable, not {tn}"),
        )
    }

    /// Whether `v` can be merged as `**v`: a dict, or an object with `keys`.
    fn is_kw_mapping(&mut self, v: Value) -> bool {
        match v.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Dict(_)) => true,
            _ if self.is_user_object(v) => {
                let keys = self.sym("keys");
                let cls = self.class_ref(v);
                self.class_lookup(cls, keys).is_some()
            }
            _ => false,
        }
    }

    /// `DictUpdate`: `{**src}` into the display `m`, or (with `callee`) a
    /// call's `**src` into its keyword dict `m`.
    pub(crate) fn dict_merge(
        &mut self,
        m: Value,
        src: Value,
        callee: Option<Value>,
    ) -> PyResult<()> {
        let src = self.merge_source(src);
        if !self.is_kw_mapping(src) {
            let tn = self.type_name(src);
            return match callee {
                Some(f) => {
                    let fs = self.function_str(f);
                    self.type_error(format!(
                        "{fs} argument after ** must be a mapping, not {tn}"
                    ))
                }
                None => self.type_error(format!("'{tn}' object is not a mapping")),
            };
        }
        if let Some(f) = callee {
            // Keys must be strings and new.
            let tmp = self.new_dict();
            let r = self.dict_update_from(tmp, src);
            if let Err(e) = r {
                self.heap.decref(tmp);
                return Err(e);
            }
            let entries: Vec<(Value, Value)> = match tmp.as_ref().map(|r| self.heap.get(r)) {
                Some(Object::Dict(d)) => d.iter().map(|e| (e.key, e.value)).collect(),
                _ => Vec::new(),
            };
            for (k, v) in entries {
                if self.as_str(k).is_none() {
                    self.heap.decref(tmp);
                    return self.type_error("keywords must be strings");
                }
                let dup = match self.dict_get(m, k) {
                    Ok(found) => found.is_some(),
                    Err(e) => {
                        self.heap.decref(tmp);
                        return Err(e);
                    }
                };
                if dup {
                    let name = self.as_str(k).unwrap_or("").to_string();
                    self.heap.decref(tmp);
                    let fs = self.function_str(f);
                    return self.type_error(format!(
                        "{fs} got multiple values for keyword argument '{name}'"
                    ));
                }
                if let Err(e) = self.dict_set(m, k, v) {
                    self.heap.decref(tmp);
                    return Err(e);
                }
            }
            self.heap.decref(tmp);
            return Ok(());
        }
        self.dict_update_from(m, src)
    }

    /// How CPython names a callable in argument errors (`_PyObject_FunctionStr`):
    /// `module.qualname()`, without the module for built-ins.
    pub(crate) fn function_str(&mut self, f: Value) -> String {
        let target: Option<Ref> = match f.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::BoundMethod(_, func)) => func.as_ref(),
            _ => f.as_ref(),
        };
        let Some(r) = target else {
            let tn = self.type_name(f);
            return format!("{tn} object");
        };
        match self.heap.get(r) {
            Object::Function(func) => {
                let q = func.qualname.to_string();
                let m = match self.heap.get(func.module) {
                    Object::Module(md) => md.name.to_string(),
                    _ => String::new(),
                };
                if m.is_empty() || m == "builtins" {
                    format!("{q}()")
                } else {
                    format!("{m}.{q}()")
                }
            }
            Object::Builtin(id) => {
                let d = &crate::builtins::TABLE[id.0 as usize];
                match d.owner {
                    crate::builtins::Owner::Type(t) => format!("{}.{}()", t.name(), d.name),
                    _ => format!("{}()", d.name),
                }
            }
            Object::Class(c) => {
                let (q, m) = (c.qualname.to_string(), c.module.to_string());
                if m == "builtins" {
                    format!("{q}()")
                } else {
                    format!("{m}.{q}()")
                }
            }
            _ => {
                let tn = self.type_name(f);
                format!("{tn} object")
            }
        }
    }
}

impl Vm {
    /// The positional arguments of `CallEx` (owned items): a tuple's items,
    /// or, for a lone `f(*src)`, the items of any iterable.
    pub(crate) fn call_ex_positional(&mut self, func: Value, args: Value) -> PyResult<Vec<Value>> {
        if let Some(Object::Tuple(t)) = args.as_ref().map(|r| self.heap.get(r)) {
            let items = t.to_vec();
            for v in &items {
                self.heap.incref(*v);
            }
            return Ok(items);
        }
        self.collect_sync(args).map_err(|e| {
            let tn = self.type_name(args);
            let plain = format!("'{tn}' object is not iterable");
            if self.to_str(e).ok().as_deref() == Some(plain.as_str()) {
                self.heap.decref(e);
                let fs = self.function_str(func);
                self.new_exc(
                    crate::builtins::ExcType::TypeError,
                    &format!("{fs} argument after * must be an iterable, not {tn}"),
                )
            } else {
                e
            }
        })
    }
}
