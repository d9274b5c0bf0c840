//! Attribute access: instance and class namespaces along the MRO,
//! descriptors (`property`, `staticmethod`, `classmethod`, methods), and the
//! read-only attributes of built-in objects (generators, frames, functions).

use crate::builtins::ExcType;
use crate::intern::{sym, Sym};
use crate::object::{ClassKind, GenState, Object};
use crate::types::TypeTag;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// The built-in type tag of a value's type (user instances give `Object`).
    pub(crate) fn tag_of(&self, v: Value) -> TypeTag {
        match v {
            Value::None => TypeTag::NoneType,
            Value::Bool(_) => TypeTag::Bool,
            Value::Int(_) => TypeTag::Int,
            Value::Float(_) => TypeTag::Float,
            Value::NotImplemented => TypeTag::NotImplementedType,
            Value::Ellipsis => TypeTag::Ellipsis,
            Value::Undef => TypeTag::NoneType,
            Value::Obj(r) => match self.heap.get(r) {
                Object::Str(_) => TypeTag::Str,
                Object::BigInt(_) => TypeTag::Int,
                Object::List(_) => TypeTag::List,
                Object::Tuple(_) => TypeTag::Tuple,
                Object::Dict(d) => match d.flavor {
                    crate::dict::DictFlavor::Plain => TypeTag::Dict,
                    crate::dict::DictFlavor::Default(_) => TypeTag::DefaultDict,
                    crate::dict::DictFlavor::Counter => TypeTag::Counter,
                },
                Object::Set(_, false) => TypeTag::Set,
                Object::Set(_, true) => TypeTag::FrozenSet,
                Object::Function(_) => TypeTag::Function,
                Object::AgAwait(_) => TypeTag::Object,
                Object::Builtin(_) => TypeTag::BuiltinFunction,
                // A built-in method bound to its object is a built-in function.
                Object::BoundMethod(_, Value::Obj(f))
                    if matches!(self.heap.get(*f), Object::Builtin(_)) =>
                {
                    TypeTag::BuiltinFunction
                }
                Object::BoundMethod(..) => TypeTag::Method,
                Object::Class(_) => TypeTag::Type,
                Object::Instance(_) | Object::Exception(_) => TypeTag::Object,
                Object::Generator(_) => TypeTag::Generator,
                Object::Cell(_) => TypeTag::Cell,
                Object::Module(_) => TypeTag::Module,
                Object::Namespace(_) => TypeTag::Namespace,
                Object::Iter(_) => TypeTag::Iterator,
                Object::Range(..) | Object::BigRange(_) => TypeTag::Range,
                Object::Slice(..) => TypeTag::Slice,
                Object::Property(..) => TypeTag::Property,
                Object::StaticMethod(_) => TypeTag::StaticMethod,
                Object::ClassMethod(_) => TypeTag::ClassMethod,
                Object::Super(..) => TypeTag::Super,
                Object::Deque(_) => TypeTag::Deque,
                Object::Random(_) => TypeTag::Random,
                Object::Partial(_) => TypeTag::Partial,
                Object::File(_) => TypeTag::File,
                Object::WeakHandle(_) => TypeTag::Object,
                Object::Bytes(_) => TypeTag::Bytes,
                Object::ByteArray(_) => TypeTag::ByteArray,
                Object::Complex(..) => TypeTag::Complex,
                Object::Free => TypeTag::NoneType,
            },
        }
    }

    /// The class of a value (borrowed handle).
    pub(crate) fn class_ref(&self, v: Value) -> Ref {
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Object::Instance(i) => return i.class,
                Object::Exception(e) => return e.class,
                Object::Class(c) if c.meta.is_some() => return c.meta.unwrap_or(r),
                Object::Generator(_) | Object::AgAwait(_) => {
                    if let Some(c) = self.async_class(r) {
                        return c;
                    }
                }
                _ => {}
            }
        }
        self.b.ty(self.tag_of(v))
    }

    /// `type(v)` (owned).
    pub(crate) fn type_of(&mut self, v: Value) -> Value {
        let c = self.class_ref(v);
        self.heap.incref(Value::Obj(c));
        Value::Obj(c)
    }

    /// `type(v).__name__`.
    #[must_use]
    pub fn type_name(&self, v: Value) -> String {
        if let Value::Obj(r) = v {
            if let Object::Iter(it) = self.heap.get(r) {
                return it.type_name().trim_start_matches("itertools.").to_string();
            }
            if self.gen_is_coroutine(r) {
                return "coroutine".to_string();
            }
        }
        self.class_name(self.class_ref(v))
    }

    /// Looks a name up along a class's MRO (borrowed result).
    pub(crate) fn class_lookup(&self, cls: Ref, name: Sym) -> Option<Value> {
        let epoch = self.heap.class_epoch;
        if let Some(found) = self.attr_cache.get(epoch, cls, name) {
            return found;
        }
        let Object::Class(c) = self.heap.get(cls) else {
            return None;
        };
        let found = c.mro.iter().find_map(|k| match self.heap.get(*k) {
            Object::Class(kc) => kc.attrs.get(&name).copied(),
            _ => None,
        });
        // Instances of a class with its own `__getattribute__` must miss
        // the interpreter's inline fast paths, which read this cache.
        if !c.custom_getattribute && c.slots.is_none() {
            self.attr_cache.put(epoch, cls, name, found);
        }
        found
    }

    fn bind(&mut self, obj: Value, f: Value) -> Value {
        self.heap.incref(obj);
        self.heap.incref(f);
        Value::Obj(self.heap.alloc(Object::BoundMethod(obj, f)))
    }

    /// For `LoadMethod`: a plain function or native method found on the
    /// type and not shadowed by the instance (owned), else `None`.
    pub(crate) fn lookup_method(&mut self, obj: Value, name: Sym) -> PyResult<Option<Value>> {
        if let Value::Obj(r) = obj {
            match self.heap.get(r) {
                Object::Instance(i) if i.attrs.contains_key(&name) => return Ok(None),
                Object::Instance(i) if self.has_custom_getattribute(i.class) => return Ok(None),
                Object::Class(_) | Object::Module(_) | Object::Super(..) => return Ok(None),
                _ => {}
            }
        }
        let cls = self.class_ref(obj);
        match self.class_lookup(cls, name) {
            Some(f)
                if matches!(
                    f.as_ref().map(|r| self.heap.get(r)),
                    Some(Object::Function(_) | Object::Builtin(_))
                ) =>
            {
                self.heap.incref(f);
                Ok(Some(f))
            }
            _ => Ok(None),
        }
    }

    /// Whether the type of `obj` defines the special method `name` (nothing bound).
    pub(crate) fn has_special(&self, obj: Value, name: Sym) -> bool {
        self.class_lookup(self.class_ref(obj), name).is_some()
    }

    /// A special method looked up on the type, bound to `obj` (owned).
    #[must_use = "the bound method is owned: release it"]
    pub(crate) fn lookup_special(&mut self, obj: Value, name: Sym) -> Option<Value> {
        let cls = self.class_ref(obj);
        let f = self.class_lookup(cls, name)?;
        match f.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Function(_) | Object::Builtin(_)) => Some(self.bind(obj, f)),
            Some(Object::StaticMethod(g)) => {
                let g = *g;
                self.heap.incref(g);
                Some(g)
            }
            _ => {
                self.heap.incref(f);
                Some(f)
            }
        }
    }

    /// Resolves a class attribute found for an instance access (descriptor protocol).
    fn descriptor_get(
        &mut self,
        obj: Value,
        cls: Ref,
        attr: Value,
        from_class: bool,
    ) -> PyResult<Value> {
        match attr.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Function(_) | Object::Builtin(_)) if !from_class => {
                Ok(self.bind(obj, attr))
            }
            Some(Object::ClassMethod(f)) => {
                let f = *f;
                let owner = match obj.as_ref().map(|r| self.heap.get(r)) {
                    Some(Object::Class(_)) if from_class => obj.as_ref().unwrap_or(cls),
                    _ => cls,
                };
                self.classmethod_get(f, owner)
            }
            Some(Object::StaticMethod(f)) => {
                let f = *f;
                self.heap.incref(f);
                Ok(f)
            }
            Some(Object::Property(fget, _, _)) if !from_class => {
                let fget = *fget;
                if fget == Value::None {
                    return self.err(ExcType::AttributeError, "property has no getter");
                }
                self.heap.incref(obj);
                self.call_sync(fget, vec![obj], Vec::new())
            }
            Some(Object::Instance(_)) => {
                let owner = if from_class { Value::None } else { obj };
                match self.user_descr_get(attr, owner, cls) {
                    Some(out) => out,
                    None => {
                        self.heap.incref(attr);
                        Ok(attr)
                    }
                }
            }
            _ => {
                self.heap.incref(attr);
                Ok(attr)
            }
        }
    }

    /// `getattr(obj, name)` (owned result).
    #[allow(clippy::too_many_lines)]
    pub fn get_attr(&mut self, obj: Value, name: Sym) -> PyResult<Value> {
        if let Value::Obj(r) = obj {
            match self.heap.get(r) {
                Object::Instance(inst) => {
                    let cls = inst.class;
                    if self.has_custom_getattribute(cls) {
                        return self.call_getattribute(obj, cls, name);
                    }
                    return self.instance_getattr(obj, r, cls, name, true);
                }
                Object::Exception(e) => {
                    let cls = e.class;
                    let n = self.names.name(name).to_string();
                    if n == "__traceback__" && !e.traceback.is_empty() {
                        // Traceback objects are built by the introspection prelude.
                        return match crate::stdlib::introspect_helper(self, "_exc_traceback") {
                            Some(f) => {
                                self.heap.incref(obj);
                                self.call_sync(f, vec![obj], Vec::new())
                            }
                            None => Ok(Value::None),
                        };
                    }
                    let special = match n.as_str() {
                        "args" => Some(e.args),
                        "__cause__" => Some(e.cause),
                        "__context__" => Some(e.context),
                        "__suppress_context__" => Some(Value::Bool(e.suppress_context)),
                        "__traceback__" => Some(Value::None),
                        "__class__" => Some(Value::Obj(cls)),
                        "value"
                            if !e.attrs.contains_key(&name)
                                && self
                                    .class_is_subclass(cls, self.b.exc(ExcType::StopIteration)) =>
                        {
                            match e.args.as_ref().map(|x| self.heap.get(x)) {
                                Some(Object::Tuple(t)) if !t.is_empty() => Some(t[0]),
                                _ => Some(Value::None),
                            }
                        }
                        "code"
                            if !e.attrs.contains_key(&name)
                                && self.class_is_subclass(cls, self.b.exc(ExcType::SystemExit)) =>
                        {
                            match e.args.as_ref().map(|x| self.heap.get(x)) {
                                Some(Object::Tuple(t)) if t.len() == 1 => Some(t[0]),
                                Some(Object::Tuple(t)) if t.is_empty() => Some(Value::None),
                                _ => Some(e.args),
                            }
                        }
                        _ => e.attrs.get(&name).copied(),
                    };
                    if let Some(v) = special {
                        self.heap.incref(v);
                        return Ok(v);
                    }
                    if n == "__dict__" {
                        return Ok(self.attrs_dict(r));
                    }
                    if let Some(ca) = self.class_lookup(cls, name) {
                        return self.descriptor_get(obj, cls, ca, false);
                    }
                    return self.no_attr(obj, name);
                }
                Object::Class(_) => return self.class_getattr(r, name),
                Object::Module(m) => {
                    if let Some(&v) = m.globals.get(&name) {
                        self.heap.incref(v);
                        return Ok(v);
                    }
                    if name == sym::DICT {
                        if r == self.b.module() {
                            self.make_all_lazy_builtins();
                        }
                        return Ok(self.module_dict(r));
                    }
                    let mn = m.name.to_string();
                    let n = self.names.name(name).to_string();
                    if r == self.b.module() {
                        if let Some(c) = self.lazy_builtin_class(&n) {
                            self.heap.incref(Value::Obj(c));
                            return Ok(Value::Obj(c));
                        }
                    }
                    if mn == "sys" && n == "modules" {
                        let mods: Vec<(String, Ref)> =
                            self.modules.iter().map(|(k, v)| (k.clone(), *v)).collect();
                        let d = self.new_dict();
                        for (k, v) in mods {
                            let kv = self.str_value(&k);
                            self.dict_set(d, kv, Value::Obj(v))?;
                            self.heap.decref(kv);
                        }
                        return Ok(d);
                    }
                    return self.err(
                        ExcType::AttributeError,
                        format!("module '{mn}' has no attribute '{n}'"),
                    );
                }
                Object::Super(cls, this) => {
                    let (cls, this) = (*cls, *this);
                    let cls = cls.as_ref().expect("super class");
                    return self.super_getattr(cls, this, name);
                }
                _ => {}
            }
            if let Some(v) = self.builtin_attr(r, name)? {
                return Ok(v);
            }
        }
        let cls = self.class_ref(obj);
        if let Some(ca) = self.class_lookup(cls, name) {
            return self.descriptor_get(obj, cls, ca, false);
        }
        if name == sym::CLASS {
            return Ok(self.type_of(obj));
        }
        // A bound method forwards other attributes to its function.
        if let Some(Object::BoundMethod(_, func)) = obj.as_ref().map(|r| self.heap.get(r)) {
            let func = *func;
            return self.get_attr(func, name);
        }
        match (obj, self.names.name(name)) {
            (Value::Int(i), "real" | "numerator") => return Ok(Value::Int(i)),
            (Value::Int(_), "imag") => return Ok(Value::Int(0)),
            (Value::Int(_), "denominator") => return Ok(Value::Int(1)),
            (Value::Bool(b), "real" | "numerator") => return Ok(Value::Int(i64::from(b))),
            (Value::Bool(_), "imag") => return Ok(Value::Int(0)),
            (Value::Bool(_), "denominator") => return Ok(Value::Int(1)),
            (Value::Float(f), "real") => return Ok(Value::Float(f)),
            (Value::Float(_), "imag") => return Ok(Value::Float(0.0)),
            (Value::Obj(r), "real" | "numerator" | "imag" | "denominator")
                if matches!(self.heap.get(r), Object::BigInt(_)) =>
            {
                return Ok(match self.names.name(name) {
                    "imag" => Value::Int(0),
                    "denominator" => Value::Int(1),
                    _ => {
                        self.heap.incref(obj);
                        obj
                    }
                });
            }
            (Value::Obj(r), "real" | "imag") => {
                if let Object::Complex(re, im) = self.heap.get(r) {
                    let part = if self.names.name(name) == "real" {
                        *re
                    } else {
                        *im
                    };
                    return Ok(Value::Float(part));
                }
            }
            _ => {}
        }
        let tag = self.tag_of(obj);
        let n = self.names.name(name).to_string();
        if let Some(f) = crate::slotwrap::find(self, tag, &n) {
            return Ok(self.bind(obj, Value::Obj(f)));
        }
        self.no_attr(obj, name)
    }

    /// `object.__getattribute__` on an instance (data descriptors, the
    /// instance dict, then other class attributes), then `__getattr__`
    /// when `with_getattr`.
    pub(crate) fn instance_getattr(
        &mut self,
        obj: Value,
        r: Ref,
        cls: Ref,
        name: Sym,
        with_getattr: bool,
    ) -> PyResult<Value> {
        let cattr = self.class_lookup(cls, name);
        if let Some(ca) = cattr {
            if self.is_data_descr(ca) {
                return self.descriptor_get(obj, cls, ca, false);
            }
        }
        if let Object::Instance(inst) = self.heap.get(r) {
            if let Some(&v) = inst.attrs.get(&name) {
                self.heap.incref(v);
                return Ok(v);
            }
        }
        if name == sym::CLASS {
            self.heap.incref(Value::Obj(cls));
            return Ok(Value::Obj(cls));
        }
        if name == sym::DICT && !self.is_slotted(cls) {
            return Ok(self.attrs_dict(r));
        }
        if let Some(ca) = cattr {
            return self.descriptor_get(obj, cls, ca, false);
        }
        if let Some(p) = self.payload(obj) {
            // The data attributes of the built-in value (`real`, `imag`...).
            if matches!(
                self.names.name(name),
                "real" | "imag" | "numerator" | "denominator"
            ) {
                return self.get_attr(p, name);
            }
        }
        if let Some(ga) = self
            .class_lookup(cls, sym::GETATTR)
            .filter(|_| with_getattr)
        {
            let n = self.names.name(name).to_string();
            let nv = self.str_value(&n);
            let bound = self.bind(obj, ga);
            let out = self.call_sync(bound, vec![nv], Vec::new());
            self.heap.decref(bound);
            return out;
        }
        self.no_attr(obj, name)
    }

    fn no_attr<T>(&mut self, obj: Value, name: Sym) -> PyResult<T> {
        let tn = self.type_name(obj);
        let n = self.names.name(name).to_string();
        let e = self.new_exc(
            ExcType::AttributeError,
            &format!("'{tn}' object has no attribute '{n}'"),
        );
        let nv = self.str_value(&n);
        self.heap.incref(obj);
        let (ns, os) = (self.sym("name"), self.sym("obj"));
        if let Some(Object::Exception(eo)) = e.as_ref().map(|r| self.heap.get_mut(r)) {
            eo.attrs.insert(ns, nv);
            eo.attrs.insert(os, obj);
        }
        Err(e)
    }

    fn attrs_dict(&mut self, r: Ref) -> Value {
        if matches!(self.heap.get(r), Object::Instance(_)) {
            return self.instance_dict(r);
        }
        let entries: Vec<(Sym, Value)> = match self.heap.get(r) {
            Object::Instance(i) => i.attrs.iter().map(|(k, v)| (*k, *v)).collect(),
            Object::Exception(e) => e.attrs.iter().map(|(k, v)| (*k, *v)).collect(),
            Object::Class(c) => c.attrs.iter().map(|(k, v)| (*k, *v)).collect(),
            Object::Module(m) => m.globals.iter().map(|(k, v)| (*k, *v)).collect(),
            Object::Function(f) => f.attrs.iter().map(|(k, v)| (*k, *v)).collect(),
            _ => Vec::new(),
        };
        // A function keeps its assigned `__module__` and `__annotations__`
        // with its attributes; CPython holds them in slots, outside `__dict__`.
        let entries = if matches!(self.heap.get(r), Object::Function(_)) {
            entries
                .into_iter()
                .filter(|(k, _)| !matches!(self.names.name(*k), "__module__" | "__annotations__"))
                .collect()
        } else {
            entries
        };
        self.dict_of_names(entries)
    }

    /// An instance's `__dict__`: a dict of its attributes whose writes
    /// (item assignment, `del`, `update`, `clear`...) go to the instance.
    fn instance_dict(&mut self, r: Ref) -> Value {
        let entries: Vec<(Sym, Value)> = match self.heap.get(r) {
            Object::Instance(i) => i.attrs.iter().map(|(k, v)| (*k, *v)).collect(),
            _ => Vec::new(),
        };
        let d = self.dict_of_names(entries);
        if let Some(Object::Dict(dd)) = d.as_ref().map(|x| self.heap.get_mut(x)) {
            dd.namespace = Some(r);
            dd.owner = Some(r);
        }
        self.heap.incref(Value::Obj(r));
        d
    }

    /// A new dict of `name: value` pairs, in order (values borrowed).
    pub(crate) fn dict_of_names(&mut self, entries: Vec<(Sym, Value)>) -> Value {
        let d = self.new_dict();
        for (k, v) in entries {
            let ks = self.names.name(k).to_string();
            let kv = self.str_value(&ks);
            // Keys are fresh strings: hashing them cannot fail.
            let _ = self.dict_set(d, kv, v);
            self.heap.decref(kv);
        }
        d
    }

    fn class_getattr(&mut self, cls: Ref, name: Sym) -> PyResult<Value> {
        if let Some(a) = self.class_lookup(cls, name) {
            return self.descriptor_get(Value::None, cls, a, true);
        }
        let n = self.names.name(name).to_string();
        let Object::Class(c) = self.heap.get(cls) else {
            unreachable!()
        };
        let out = match n.as_str() {
            "__name__" => {
                let s = c.name.to_string();
                self.str_value(&s)
            }
            "__qualname__" => {
                let s = c.qualname.to_string();
                self.str_value(&s)
            }
            "__module__" => {
                let s = c.module.to_string();
                self.str_value(&s)
            }
            "__mro__" => {
                let m: Vec<Value> = c.mro.iter().map(|r| Value::Obj(*r)).collect();
                for v in &m {
                    self.heap.incref(*v);
                }
                self.tuple(m)
            }
            "__bases__" => {
                let m: Vec<Value> = c.bases.iter().map(|r| Value::Obj(*r)).collect();
                for v in &m {
                    self.heap.incref(*v);
                }
                self.tuple(m)
            }
            "__base__" => {
                let b = c.bases.first().map_or(Value::None, |r| Value::Obj(*r));
                self.heap.incref(b);
                b
            }
            "__dict__" => self.attrs_dict(cls),
            "__doc__" => Value::None,
            "__class__" => {
                let t = c.meta.unwrap_or_else(|| self.b.ty(TypeTag::Type));
                self.heap.incref(Value::Obj(t));
                Value::Obj(t)
            }
            _ => {
                // Methods of the metaclass (`type` itself, e.g. `mro`).
                let t = c.meta.unwrap_or_else(|| self.b.ty(TypeTag::Type));
                if let Some(a) = self.class_lookup(t, name) {
                    return self.descriptor_get(Value::Obj(cls), t, a, false);
                }
                if let Object::Class(c) = self.heap.get(cls) {
                    if let crate::object::ClassKind::Builtin(tag) = c.kind {
                        if let Some(f) = crate::slotwrap::find(self, tag, &n) {
                            return Ok(Value::Obj(f));
                        }
                    }
                }
                let cn = self.class_name(cls);
                return self.err(
                    ExcType::AttributeError,
                    format!("type object '{cn}' has no attribute '{n}'"),
                );
            }
        };
        Ok(out)
    }

    fn super_getattr(&mut self, cls: Ref, this: Value, name: Sym) -> PyResult<Value> {
        let this_class = this
            .as_ref()
            .filter(|r| matches!(self.heap.get(*r), Object::Class(_)))
            .filter(|r| self.class_is_subclass(*r, cls));
        let start_cls = match this_class {
            Some(r) => r,
            None => self.class_ref(this),
        };
        let mro = match self.heap.get(start_cls) {
            Object::Class(c) => c.mro.clone(),
            _ => Vec::new(),
        };
        let pos = mro
            .iter()
            .position(|k| *k == cls)
            .map_or(mro.len(), |p| p + 1);
        for k in &mro[pos..] {
            let found = match self.heap.get(*k) {
                Object::Class(kc) => kc.attrs.get(&name).copied(),
                _ => None,
            };
            if let Some(a) = found {
                if this_class.is_some() {
                    return self.descriptor_get(this, start_cls, a, true);
                }
                return self.descriptor_get(this, start_cls, a, false);
            }
        }
        let n = self.names.name(name).to_string();
        self.err(
            ExcType::AttributeError,
            format!("'super' object has no attribute '{n}'"),
        )
    }

    /// Attributes of built-in objects that are not methods.
    #[allow(clippy::too_many_lines)]
    fn builtin_attr(&mut self, r: Ref, name: Sym) -> PyResult<Option<Value>> {
        let mut n = self.names.name(name).to_string();
        if matches!(self.heap.get(r), Object::Function(_)) {
            if let Some(v) = self.function_attr(r, &n)? {
                return Ok(Some(v));
            }
        }
        if self.gen_is_coroutine(r) {
            // A coroutine's `cr_*` attributes are a generator's `gi_*` ones.
            n = match n.as_str() {
                "cr_await" => "gi_yieldfrom".to_string(),
                _ if n.starts_with("cr_") => format!("gi_{}", &n[3..]),
                _ if n.starts_with("gi_") => return Ok(None),
                _ => n,
            };
        }
        if self.is_async_gen(r) {
            // An async generator's `ag_*` attributes are a generator's `gi_*` ones.
            n = match n.as_str() {
                "ag_await" => "gi_yieldfrom".to_string(),
                "ag_running" => {
                    let running = matches!(self.heap.get(r), Object::Generator(g) if g.ag_running);
                    return Ok(Some(Value::Bool(running)));
                }
                _ if n.starts_with("ag_") => format!("gi_{}", &n[3..]),
                _ if n.starts_with("gi_") => return Ok(None),
                _ => n,
            };
        }
        let v = match (self.heap.get(r), n.as_str()) {
            (Object::Generator(g), "__name__") => {
                let s = g.name.to_string();
                self.str_value(&s)
            }
            (Object::Generator(g), "__qualname__") => {
                let s = g.qualname.to_string();
                self.str_value(&s)
            }
            (Object::Generator(g), "gi_running") => Value::Bool(g.state == GenState::Running),
            (Object::Generator(g), "gi_suspended") => Value::Bool(g.state == GenState::Suspended),
            (Object::Generator(_), "gi_frame" | "gi_code") | (Object::Function(_), "__code__") => {
                let helper = match n.as_str() {
                    "gi_frame" => "_gi_frame",
                    "gi_code" => "_gi_code",
                    _ => "_func_code",
                };
                let Some(f) = crate::stdlib::introspect_helper(self, helper) else {
                    return Ok(None);
                };
                self.heap.incref(Value::Obj(r));
                return self.call_sync(f, vec![Value::Obj(r)], Vec::new()).map(Some);
            }
            (Object::Generator(_), "gi_yieldfrom") => {
                let v = self.gen_yieldfrom(r);
                self.heap.incref(v);
                v
            }
            (Object::Function(f), "__name__") => {
                let s = self.names.name(f.name).to_string();
                self.str_value(&s)
            }
            (Object::Function(f), "__qualname__") => {
                let s = f.qualname.to_string();
                self.str_value(&s)
            }
            (Object::Function(f), "__doc__") => {
                let d = f.doc;
                self.heap.incref(d);
                d
            }
            (Object::Function(f), "__module__") => {
                let m = f.module;
                let s = match self.heap.get(m) {
                    Object::Module(md) => md.name.to_string(),
                    _ => String::new(),
                };
                if s.is_empty() {
                    Value::None
                } else {
                    self.str_value(&s)
                }
            }
            (Object::Function(f), "__defaults__") => {
                let d = f.defaults.clone();
                if d.is_empty() {
                    Value::None
                } else {
                    for v in &d {
                        self.heap.incref(*v);
                    }
                    self.tuple(d)
                }
            }
            (Object::Function(f), "__kwdefaults__") => {
                let kd = f.kwdefaults.clone();
                if kd.is_empty() {
                    Value::None
                } else {
                    let d = self.new_dict();
                    for (k, v) in kd {
                        let n = self.names.name(k).to_string();
                        let kv = self.str_value(&n);
                        self.dict_set(d, kv, v)?;
                        self.heap.decref(kv);
                    }
                    d
                }
            }
            (Object::Function(f), "__closure__") => {
                let cells: Vec<Value> = f.closure.iter().map(|c| Value::Obj(*c)).collect();
                if cells.is_empty() {
                    Value::None
                } else {
                    for c in &cells {
                        self.heap.incref(*c);
                    }
                    self.tuple(cells)
                }
            }
            (Object::Cell(c), "cell_contents") => {
                let c = *c;
                if c == Value::Undef {
                    return self.value_error("Cell is empty");
                }
                self.heap.incref(c);
                c
            }
            (Object::Builtin(id), "from_iterable")
                if crate::builtins::TABLE[id.0 as usize].name == "chain" =>
            {
                let f = crate::builtins::func_ref(
                    self,
                    crate::builtins::Owner::Module("itertools"),
                    "from_iterable",
                )
                .expect("from_iterable");
                Value::Obj(f)
            }
            (Object::Function(f), "__dict__") => {
                let _ = f;
                self.attrs_dict(r)
            }
            (Object::Function(f), _) if f.attrs.contains_key(&name) => {
                let v = f.attrs.get(&name).copied().unwrap_or(Value::None);
                self.heap.incref(v);
                v
            }
            (Object::Builtin(id), "__name__") => {
                let s = crate::builtins::TABLE[id.0 as usize].name;
                self.str_value(s)
            }
            (Object::Builtin(id), "__qualname__") => {
                let d = &crate::builtins::TABLE[id.0 as usize];
                let q = match d.owner {
                    crate::builtins::Owner::Type(t) => format!("{}.{}", t.name(), d.name),
                    _ => d.name.to_string(),
                };
                self.str_value(&q)
            }
            (Object::BoundMethod(this, _), "__self__") => {
                let t = *this;
                self.heap.incref(t);
                t
            }
            (Object::BoundMethod(_, f), "__func__") => {
                let t = *f;
                self.heap.incref(t);
                t
            }
            (Object::BoundMethod(_, f), "__name__" | "__qualname__" | "__doc__") => {
                let f = *f;
                return self.get_attr(f, name).map(Some);
            }
            (Object::Property(fget, _, _), "__doc__") => {
                let fget = *fget;
                if fget == Value::None {
                    return Ok(Some(Value::None));
                }
                return self.get_attr(fget, name).map(Some);
            }
            (Object::Slice(a, b, c), _) | (Object::Property(a, b, c), _) => {
                let v = match n.as_str() {
                    "start" | "fget" => *a,
                    "stop" | "fset" => *b,
                    "step" | "fdel" => *c,
                    _ => return Ok(None),
                };
                self.heap.incref(v);
                v
            }
            (Object::Range(..) | Object::BigRange(_), _) => return Ok(self.range_attr(r, &n)),
            (Object::Deque(d), "maxlen") => d.maxlen.map_or(Value::None, |m| Value::Int(m as i64)),
            (Object::Dict(d), "default_factory") => match d.flavor {
                crate::dict::DictFlavor::Default(f) => {
                    self.heap.incref(f);
                    f
                }
                _ => return Ok(None),
            },
            (Object::Partial(p), "func") => {
                let f = p.func;
                self.heap.incref(f);
                f
            }
            (Object::Partial(p), "args") => {
                let args = p.args.clone();
                for v in &args {
                    self.heap.incref(*v);
                }
                self.tuple(args)
            }
            (Object::Partial(p), "keywords") => {
                let kw = p.kwargs.clone();
                let d = self.new_dict();
                for (k, v) in kw {
                    let key = self.names.name(k).to_string();
                    let kv = self.str_value(&key);
                    self.dict_set(d, kv, v)?;
                    self.heap.decref(kv);
                }
                d
            }
            (Object::File(f), "closed") => Value::Bool(f.closed),
            (Object::File(f), "name") => {
                let s = f.path.clone();
                self.str_value(&s)
            }
            (Object::File(f), "mode") => {
                let s = f.mode.clone();
                self.str_value(&s)
            }
            (Object::StaticMethod(f) | Object::ClassMethod(f), "__func__") => {
                let f = *f;
                self.heap.incref(f);
                f
            }
            _ => return Ok(None),
        };
        Ok(Some(v))
    }

    /// `setattr(obj, name, v)` (takes ownership of `v`).
    pub fn set_attr(&mut self, obj: Value, name: Sym, v: Value) -> PyResult<()> {
        if let Value::Obj(r) = obj {
            match self.heap.get(r) {
                Object::Instance(inst) => {
                    let cls = inst.class;
                    // A user `__setattr__` takes over (`object.__setattr__` stores).
                    if let Some(sa) = self.class_lookup(cls, sym::SETATTR) {
                        if matches!(
                            sa.as_ref().map(|x| self.heap.get(x)),
                            Some(Object::Function(_))
                        ) {
                            let n = self.names.name(name).to_string();
                            let nv = self.str_value(&n);
                            self.heap.incref(obj);
                            let out = self.call_sync(sa, vec![obj, nv, v], Vec::new())?;
                            self.heap.decref(out);
                            return Ok(());
                        }
                    }
                    return self.generic_set_attr(obj, r, cls, name, v);
                }
                Object::Exception(_) => {
                    let n = self.names.name(name).to_string();
                    if let Object::Exception(e) = self.heap.get_mut(r) {
                        let old = match n.as_str() {
                            "__cause__" => {
                                e.suppress_context = true;
                                Some(std::mem::replace(&mut e.cause, v))
                            }
                            "__context__" => Some(std::mem::replace(&mut e.context, v)),
                            "args" => Some(std::mem::replace(&mut e.args, v)),
                            "__suppress_context__" => {
                                e.suppress_context = v == Value::Bool(true);
                                None
                            }
                            _ => e.attrs.insert(name, v),
                        };
                        if let Some(o) = old {
                            self.heap.decref(o);
                        }
                    }
                    return Ok(());
                }
                Object::Class(c) if c.kind == ClassKind::User => {
                    let n = self.names.name(name).to_string();
                    if n == "__module__" {
                        // The class's own entry stays (it is what reads see);
                        // its repr and messages use the stored name.
                        if let Some(s) = self.as_str(v).map(str::to_string) {
                            if let Object::Class(c) = self.heap.get_mut(r) {
                                c.module = s.into();
                            }
                        }
                    }
                    if n == "__name__" || n == "__qualname__" {
                        let s = self.as_str(v).unwrap_or("").to_string();
                        if let Object::Class(c) = self.heap.get_mut(r) {
                            if n == "__name__" {
                                c.name = s.into();
                            } else {
                                c.qualname = s.into();
                            }
                        }
                        self.heap.decref(v);
                        return Ok(());
                    }
                    self.heap.class_epoch += 1;
                    let ga = n == "__getattribute__";
                    let old = match self.heap.get_mut(r) {
                        Object::Class(c) => {
                            c.version = c.version.wrapping_add(1);
                            c.custom_getattribute |= ga;
                            c.attrs.insert(name, v)
                        }
                        _ => None,
                    };
                    if let Some(o) = old {
                        self.heap.decref(o);
                    }
                    return Ok(());
                }
                Object::Module(_) => {
                    self.module_set(r, name, v);
                    return Ok(());
                }
                Object::Function(_) => {
                    if self.function_setattr(r, name, v)? {
                        return Ok(());
                    }
                    let n = self.names.name(name).to_string();
                    if n == "__name__" || n == "__qualname__" || n == "__doc__" {
                        let s = self.as_str(v).map(str::to_string);
                        if let Object::Function(f) = self.heap.get_mut(r) {
                            match n.as_str() {
                                "__doc__" => {
                                    let old = std::mem::replace(&mut f.doc, v);
                                    self.heap.decref(old);
                                    return Ok(());
                                }
                                "__qualname__" => f.qualname = s.unwrap_or_default().into(),
                                _ => {}
                            }
                        }
                        if n == "__name__" {
                            let text = self.as_str(v).unwrap_or("").to_string();
                            let s = self.sym(&text);
                            if let Object::Function(f) = self.heap.get_mut(r) {
                                f.name = s;
                            }
                        }
                        self.heap.decref(v);
                        return Ok(());
                    }
                    let old = match self.heap.get_mut(r) {
                        Object::Function(f) => f.attrs.insert(name, v),
                        _ => None,
                    };
                    if let Some(o) = old {
                        self.heap.decref(o);
                    }
                    return Ok(());
                }
                Object::Generator(_) => {
                    let n = self.names.name(name).to_string();
                    if n == "__name__" || n == "__qualname__" {
                        let Some(s) = self.as_str(v).map(str::to_string) else {
                            self.heap.decref(v);
                            return self.type_error(format!("{n} must be set to a string object"));
                        };
                        let codes = &self.codes;
                        if let Object::Generator(g) = self.heap.get_mut(r) {
                            if n == "__name__" {
                                g.name = s.into();
                            } else {
                                g.renamed = codes
                                    .get(g.code.0 as usize)
                                    .is_none_or(|c| *c.qualname != *s);
                                g.qualname = s.into();
                            }
                        }
                        self.heap.decref(v);
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        self.heap.decref(v);
        let tn = self.type_name(obj);
        let n = self.names.name(name).to_string();
        if matches!(obj, Value::Obj(r) if matches!(self.heap.get(r), Object::Class(_))) {
            return self.type_error(format!(
                "cannot set '{n}' attribute of immutable type '{}'",
                self.class_name(obj.as_ref().expect("class"))
            ));
        }
        self.err(
            ExcType::AttributeError,
            format!("'{tn}' object has no attribute '{n}'"),
        )
    }

    /// `object.__setattr__` on an instance: a data descriptor of the class
    /// stores, else the instance dict (takes ownership of `v`).
    pub(crate) fn generic_set_attr(
        &mut self,
        obj: Value,
        r: Ref,
        cls: Ref,
        name: Sym,
        v: Value,
    ) -> PyResult<()> {
        if name == sym::CLASS {
            return self.set_instance_class(r, v);
        }
        if let Some(ca) = self.class_lookup(cls, name) {
            if let Some(Object::Property(_, fset, _)) = ca.as_ref().map(|x| self.heap.get(x)) {
                let fset = *fset;
                if fset == Value::None {
                    self.heap.decref(v);
                    let n = self.names.name(name).to_string();
                    let cn = self.class_name(cls);
                    return self.err(
                        ExcType::AttributeError,
                        format!("property '{n}' of '{cn}' object has no setter"),
                    );
                }
                self.heap.incref(obj);
                let out = self.call_sync(fset, vec![obj, v], Vec::new())?;
                self.heap.decref(out);
                return Ok(());
            }
            if let Some(done) = self.user_descr_set(ca, obj, v) {
                return done;
            }
        }
        if !self.slot_allowed(cls, name) {
            self.heap.decref(v);
            return self.no_attr(obj, name);
        }
        let old = match self.heap.get_mut(r) {
            Object::Instance(i) => i.attrs.insert(name, v),
            _ => None,
        };
        if let Some(o) = old {
            self.heap.decref(o);
        }
        Ok(())
    }

    /// `obj.__class__ = cls` on an instance of a user class (takes
    /// ownership of `v`).
    fn set_instance_class(&mut self, r: Ref, v: Value) -> PyResult<()> {
        let kind = match v.as_ref().map(|x| self.heap.get(x)) {
            Some(Object::Class(c)) => Some(c.kind),
            _ => None,
        };
        let msg = match kind {
            None => {
                let tn = self.type_name(v);
                format!("__class__ must be set to a class, not '{tn}' object")
            }
            Some(ClassKind::Builtin(_)) => {
                "__class__ assignment only supported for mutable types or ModuleType subclasses"
                    .to_string()
            }
            Some(ClassKind::User) if self.is_exception_class(v.as_ref().unwrap_or(r)) => {
                let current = self.class_name(self.class_ref(Value::Obj(r)));
                let target = v.as_ref().map_or_else(String::new, |c| self.class_name(c));
                format!("__class__ assignment: '{target}' object layout differs from '{current}'")
            }
            Some(ClassKind::User) => {
                let Some(new_cls) = v.as_ref() else {
                    unreachable!("a class")
                };
                let old = match self.heap.get_mut(r) {
                    Object::Instance(i) => Some(std::mem::replace(&mut i.class, new_cls)),
                    _ => None,
                };
                match old {
                    Some(o) => self.heap.decref(Value::Obj(o)),
                    None => self.heap.decref(v),
                }
                return Ok(());
            }
        };
        self.heap.decref(v);
        self.type_error(msg)
    }

    /// `object.__delattr__` on an instance: a data descriptor of the class
    /// deletes (`Some`), else `None` and the caller removes from the dict.
    pub(crate) fn descr_delete(&mut self, obj: Value, cls: Ref, name: Sym) -> Option<PyResult<()>> {
        let ca = self.class_lookup(cls, name)?;
        if let Some(Object::Property(_, _, fdel)) = ca.as_ref().map(|x| self.heap.get(x)) {
            let fdel = *fdel;
            if fdel == Value::None {
                let n = self.names.name(name).to_string();
                let cn = self.class_name(cls);
                return Some(self.err(
                    ExcType::AttributeError,
                    format!("property '{n}' of '{cn}' object has no deleter"),
                ));
            }
            self.heap.incref(obj);
            return Some(
                self.call_sync(fdel, vec![obj], Vec::new())
                    .map(|out| self.heap.decref(out)),
            );
        }
        self.user_descr_delete(ca, obj)
    }

    /// `delattr(obj, name)`.
    pub fn del_attr(&mut self, obj: Value, name: Sym) -> PyResult<()> {
        // A user `__delattr__` takes over (`object.__delattr__` removes).
        let inst_cls = match obj.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Instance(i)) => Some(i.class),
            _ => None,
        };
        if let Some(cls) = inst_cls {
            let da = self.sym("__delattr__");
            if let Some(f) = self.class_lookup(cls, da) {
                if matches!(
                    f.as_ref().map(|x| self.heap.get(x)),
                    Some(Object::Function(_))
                ) {
                    let n = self.names.name(name).to_string();
                    let nv = self.str_value(&n);
                    self.heap.incref(obj);
                    let out = self.call_sync(f, vec![obj, nv], Vec::new())?;
                    self.heap.decref(out);
                    return Ok(());
                }
            }
            if let Some(done) = self.descr_delete(obj, cls, name) {
                return done;
            }
        }
        if let Value::Obj(r) = obj {
            if matches!(self.heap.get(r), Object::Class(_)) {
                self.heap.class_epoch += 1;
            }
            let old = match self.heap.get_mut(r) {
                Object::Instance(i) => i.attrs.shift_remove(&name),
                Object::Exception(e) => e.attrs.shift_remove(&name),
                Object::Class(c) => {
                    c.version = c.version.wrapping_add(1);
                    c.attrs.shift_remove(&name)
                }
                Object::Module(_) => None,
                Object::Function(f) => f.attrs.shift_remove(&name),
                _ => None,
            };
            let old = match old {
                None if matches!(self.heap.get(r), Object::Module(_)) => self.module_del(r, name),
                old => old,
            };
            if let Some(o) = old {
                self.heap.decref(o);
                return Ok(());
            }
        }
        self.no_attr(obj, name)
    }
}
