//! Writing a pickle: walk the graph from the root, give every object an
//! index in the table, and turn handles, names and code ids into indices.

use super::format::{CodeRef, Doc, Item, FORMAT, VERSION};
use crate::builtins::{Owner, TABLE};
use crate::code::CodeId;
use crate::copy::remap::{remap_object, Remap};
use crate::intern::Sym;
use crate::object::{ClassKind, GenState, Object};
use crate::value::{Ref, Value};
use crate::vm::Vm;
use rustc_hash::FxHashMap;

/// Walks and numbers the objects of one pickle.
pub(super) struct Dumper<'a> {
    vm: &'a Vm,
    index: FxHashMap<u32, u32>,
    items: Vec<Option<Item>>,
    queue: Vec<Ref>,
    names: Vec<String>,
    name_index: FxHashMap<u32, u32>,
    codes: Vec<CodeRef>,
    code_index: FxHashMap<u32, u32>,
    /// Code qualified names of the generators pickled (nested functions need their definer's).
    gen_quals: Vec<String>,
    /// Nested functions and generators met, with their qualified names.
    nested: Vec<String>,
    /// The first refusal.
    pub(super) error: Option<String>,
}

/// The enclosing function of a nested qualified name (`f.<locals>.g` → `f`).
fn definer(qualname: &str) -> Option<&str> {
    qualname.rfind(".<locals>.").map(|i| &qualname[..i])
}

impl<'a> Dumper<'a> {
    pub(super) fn new(vm: &'a Vm) -> Self {
        Dumper {
            vm,
            index: FxHashMap::default(),
            items: Vec::new(),
            queue: Vec::new(),
            names: Vec::new(),
            name_index: FxHashMap::default(),
            codes: Vec::new(),
            code_index: FxHashMap::default(),
            gen_quals: Vec::new(),
            nested: Vec::new(),
            error: None,
        }
    }

    fn refuse(&mut self, msg: String) {
        if self.error.is_none() {
            self.error = Some(msg);
        }
    }

    /// The whole document for `root`.
    pub(super) fn run(mut self, root: Value) -> Result<Doc, String> {
        let root = self.val_of(root);
        while let Some(r) = self.queue.pop() {
            let mut obj = self.vm.heap.get(r).clone();
            if let Object::Generator(g) = &obj {
                self.gen_quals
                    .push(self.vm.codes[g.code.0 as usize].qualname.to_string());
                if definer(&g.qualname).is_some() {
                    self.nested.push(g.qualname.to_string());
                }
            }
            remap_object(&mut obj, &mut self);
            let i = self.index[&r.0] as usize;
            self.items[i] = Some(Item::Value(obj));
        }
        for q in std::mem::take(&mut self.nested) {
            let ok = definer(&q).is_some_and(|d| self.gen_quals.iter().any(|g| g == d));
            if !ok {
                self.refuse(format!("Can't pickle local object '{q}'"));
            }
        }
        if let Some(e) = self.error {
            return Err(e);
        }
        let items = self
            .items
            .into_iter()
            .map(|i| i.unwrap_or(Item::Module(String::new())))
            .collect();
        Ok(Doc {
            format: FORMAT.into(),
            version: VERSION,
            names: self.names,
            codes: self.codes,
            items,
            root,
        })
    }

    fn val_of(&mut self, v: Value) -> Value {
        match v {
            Value::Obj(r) => Value::Obj(Ref(self.number(r))),
            other => other,
        }
    }

    /// The table index of an object, numbering (and queueing) it when new.
    fn number(&mut self, r: Ref) -> u32 {
        if let Some(i) = self.index.get(&r.0) {
            return *i;
        }
        let i = u32::try_from(self.items.len()).unwrap_or(u32::MAX);
        self.index.insert(r.0, i);
        self.items.push(None);
        let item = self.reference(r);
        match item {
            Some(it) => self.items[i as usize] = Some(it),
            None => self.queue.push(r),
        }
        i
    }

    /// How an object that is pickled by name is named; `None` for by value.
    fn reference(&mut self, r: Ref) -> Option<Item> {
        let vm = self.vm;
        match vm.heap.get(r) {
            Object::Module(m) => Some(Item::Module(m.name.to_string())),
            Object::Class(c) => {
                if let Some(i) = vm.b.types.iter().position(|t| *t == r) {
                    return Some(Item::BuiltinType(format!(
                        "{:?}",
                        crate::types::TypeTag::ALL[i]
                    )));
                }
                if vm.b.excs.contains(&r) {
                    return Some(Item::BuiltinExc(c.name.to_string()));
                }
                if matches!(c.kind, ClassKind::Builtin(_))
                    || vm.lookup_qualname(&c.module, &c.qualname) != Some(r)
                {
                    self.refuse(format!(
                        "Can't pickle <class '{}.{}'>: it's not found as {}.{}",
                        c.module, c.qualname, c.module, c.qualname
                    ));
                }
                Some(Item::Class {
                    module: c.module.to_string(),
                    qualname: c.qualname.to_string(),
                })
            }
            Object::Builtin(id) => {
                let d = TABLE.get(id.0 as usize)?;
                let owner = match d.owner {
                    Owner::Global => "builtins".to_string(),
                    Owner::Type(t) => format!("type:{t:?}"),
                    Owner::Module(m) => m.to_string(),
                };
                Some(Item::Builtin {
                    owner,
                    name: d.name.to_string(),
                })
            }
            Object::Function(f) => {
                if f.qualname.contains("<locals>") {
                    self.nested.push(f.qualname.to_string());
                    return None;
                }
                let module = vm.module_name(f.module);
                if vm.lookup_qualname(&module, &f.qualname) == Some(r) {
                    let code = self.code(f.code).0;
                    return Some(Item::Global {
                        module,
                        qualname: f.qualname.to_string(),
                        code,
                    });
                }
                if f.qualname.contains('<') {
                    // A module-level lambda or generator expression: by value.
                    return None;
                }
                self.refuse(format!(
                    "Can't pickle function '{}': attribute lookup {} on {} failed",
                    f.qualname, f.qualname, module
                ));
                None
            }
            Object::Generator(g) if g.state == GenState::Running => {
                self.refuse("generator already executing".into());
                None
            }
            Object::Namespace(_) | Object::Free => {
                self.refuse("cannot pickle a class body namespace".into());
                None
            }
            Object::File(_) => {
                self.refuse("cannot pickle '_io.TextIOWrapper' object".into());
                None
            }
            Object::WeakHandle(_) => {
                self.refuse("cannot pickle 'weakref.ReferenceType' object".into());
                None
            }
            Object::Instance(inst) => {
                // Weak references, frames, code objects and streams of the
                // preludes stand for objects CPython refuses to pickle.
                let msg = match vm.heap.get(inst.class) {
                    Object::Class(c) => match (&*c.module, &*c.name) {
                        ("weakref", "ReferenceType") => {
                            Some("cannot pickle 'weakref.ReferenceType' object")
                        }
                        ("weakref", "ProxyType") => {
                            Some("cannot pickle 'weakref.ProxyType' object")
                        }
                        ("builtins", "frame") => Some("cannot pickle 'frame' object"),
                        ("builtins", "code") => Some("cannot pickle code objects"),
                        ("builtins", "traceback") => Some("cannot pickle 'traceback' object"),
                        ("_io", "TextIOWrapper") => {
                            Some("cannot pickle '_io.TextIOWrapper' object")
                        }
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(m) = msg {
                    self.refuse(m.into());
                }
                None
            }
            _ => None,
        }
    }
}

impl Remap for Dumper<'_> {
    fn val(&mut self, v: Value) -> Value {
        self.val_of(v)
    }

    fn sym(&mut self, s: Sym) -> Sym {
        if let Some(i) = self.name_index.get(&s.0) {
            return Sym(*i);
        }
        let i = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(self.vm.names.name(s).to_string());
        self.name_index.insert(s.0, i);
        Sym(i)
    }

    fn code(&mut self, c: CodeId) -> CodeId {
        if let Some(i) = self.code_index.get(&c.0) {
            return CodeId(*i);
        }
        let i = u32::try_from(self.codes.len()).unwrap_or(u32::MAX);
        self.codes.push(self.vm.code_ref(c));
        self.code_index.insert(c.0, i);
        CodeId(i)
    }

    fn backref(&mut self, r: Ref) -> Ref {
        Ref(self.number(r))
    }
}

impl Vm {
    /// `__name__` of a module object.
    pub(crate) fn module_name(&self, m: Ref) -> String {
        match self.heap.get(m) {
            Object::Module(md) => md.name.to_string(),
            _ => String::new(),
        }
    }

    /// Looks up `a.b.c` in a loaded module (through class namespaces).
    pub(crate) fn lookup_qualname(&self, module: &str, qualname: &str) -> Option<Ref> {
        let m = *self.modules.get(module)?;
        let mut cur = m;
        for part in qualname.split('.') {
            let s = self.names.lookup(part)?;
            let v = match self.heap.get(cur) {
                Object::Module(md) => md.globals.get(&s).copied(),
                Object::Class(c) => c.attrs.get(&s).copied(),
                _ => None,
            }?;
            let v = match v.as_ref().map(|r| self.heap.get(r)) {
                Some(Object::StaticMethod(f) | Object::ClassMethod(f)) => *f,
                _ => v,
            };
            cur = v.as_ref()?;
        }
        Some(cur)
    }

    /// The source text a code object was compiled from (its `def` line to
    /// the end of its last instruction).
    fn code_text(&self, c: CodeId) -> &str {
        let code = &self.codes[c.0 as usize];
        let Some(src) = self.sources.get(code.source as usize) else {
            return "";
        };
        if code.kind == crate::code::CodeKind::Module {
            return &src.text;
        }
        let start = if code.firstlineno > 0 {
            src.line_start(code.firstlineno) as usize
        } else {
            code.spans.iter().map(|s| s.start).min().unwrap_or(0) as usize
        };
        let end = code.spans.iter().map(|s| s.end).max().unwrap_or(0) as usize;
        src.text.get(start.min(end)..end).unwrap_or("")
    }

    /// A code object's name in a pickle.
    pub(crate) fn code_ref(&self, c: CodeId) -> CodeRef {
        let code = &self.codes[c.0 as usize];
        let ordinal = self.codes[..c.0 as usize]
            .iter()
            .filter(|o| o.source == code.source && o.qualname == code.qualname)
            .count();
        CodeRef {
            module: self
                .sources
                .get(code.source as usize)
                .map_or_else(String::new, |s| s.module.clone()),
            qualname: code.qualname.to_string(),
            ordinal: u32::try_from(ordinal).unwrap_or(u32::MAX),
            hash: format!(
                "{:016x}",
                super::format::fnv64(self.code_text(c).as_bytes())
            ),
        }
    }
}
