//! Interned names: identifiers and attribute names are `u32` symbols.
//! The names the VM itself looks up are pre-interned at fixed numbers.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// An interned name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Sym(pub u32);

// Deserialized as the derive would, noting the index for
// `world_check::track`.
impl<'de> serde::Deserialize<'de> for Sym {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(rename = "Sym")]
        struct Raw(u32);
        let Raw(n) = Raw::deserialize(d)?;
        crate::world_check::saw(crate::world_check::Kind::Sym, n);
        Ok(Sym(n))
    }
}

macro_rules! predefined {
    ($($id:ident = $text:expr),* $(,)?) => {
        /// Names the VM refers to directly.
        pub mod sym {
            use super::Sym;
            predefined!(@consts 0u32, $($id,)*);
        }
        const PREDEFINED: &[&str] = &[$($text),*];
    };
    (@consts $n:expr, $id:ident, $($rest:ident,)*) => {
        #[allow(missing_docs)]
        pub const $id: Sym = Sym($n);
        predefined!(@consts $n + 1u32, $($rest,)*);
    };
    (@consts $n:expr,) => {};
}

predefined! {
    INIT = "__init__", NEW = "__new__", REPR = "__repr__", STR = "__str__",
    EQ = "__eq__", NE = "__ne__", LT = "__lt__", LE = "__le__", GT = "__gt__", GE = "__ge__",
    HASH = "__hash__", LEN = "__len__", BOOL = "__bool__", ITER = "__iter__", NEXT = "__next__",
    GETITEM = "__getitem__", SETITEM = "__setitem__", DELITEM = "__delitem__",
    CONTAINS = "__contains__", CALL = "__call__", ENTER = "__enter__", EXIT = "__exit__",
    DEL = "__del__", NAME = "__name__", QUALNAME = "__qualname__", MODULE = "__module__",
    DOC = "__doc__", CLASS = "__class__", DICT = "__dict__", GETATTR = "__getattr__",
    SETATTR = "__setattr__", ADD = "__add__", SUB = "__sub__", MUL = "__mul__",
    TRUEDIV = "__truediv__", FLOORDIV = "__floordiv__", MOD = "__mod__", POW = "__pow__",
    MATMUL = "__matmul__", LSHIFT = "__lshift__", RSHIFT = "__rshift__", AND = "__and__",
    OR = "__or__", XOR = "__xor__", RADD = "__radd__", RSUB = "__rsub__", RMUL = "__rmul__",
    RTRUEDIV = "__rtruediv__", RFLOORDIV = "__rfloordiv__", RMOD = "__rmod__",
    RPOW = "__rpow__", RMATMUL = "__rmatmul__", RLSHIFT = "__rlshift__",
    RRSHIFT = "__rrshift__", RAND = "__rand__", ROR = "__ror__", RXOR = "__rxor__",
    IADD = "__iadd__", ISUB = "__isub__", IMUL = "__imul__", ITRUEDIV = "__itruediv__",
    IFLOORDIV = "__ifloordiv__", IMOD = "__imod__", IPOW = "__ipow__",
    IMATMUL = "__imatmul__", ILSHIFT = "__ilshift__", IRSHIFT = "__irshift__",
    IAND = "__iand__", IOR = "__ior__", IXOR = "__ixor__", NEG = "__neg__", POS = "__pos__",
    INVERT = "__invert__", ABS = "__abs__", INDEX = "__index__", INT = "__int__",
    FLOAT = "__float__", ROUND = "__round__", FORMAT = "__format__",
    COPY = "__copy__", DEEPCOPY = "__deepcopy__", MISSING = "__missing__",
    SET_NAME = "__set_name__", INIT_SUBCLASS = "__init_subclass__", SLOTS = "__slots__",
    MAIN = "__main__", BUILTINS = "__builtins__", FILE = "__file__",
    ARGS = "args", VALUE = "value", SELF = "self", CLASS_CELL = "__class__cell",
}

/// The interner.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Interner {
    names: Vec<Box<str>>,
    #[serde(skip)]
    index: FxHashMap<Box<str>, Sym>,
}

impl Default for Interner {
    fn default() -> Self {
        let mut i = Interner {
            names: Vec::new(),
            index: FxHashMap::default(),
        };
        for n in PREDEFINED {
            i.intern(n);
        }
        i
    }
}

impl Interner {
    /// The symbol of `name`, interning it if new.
    pub fn intern(&mut self, name: &str) -> Sym {
        if self.index.is_empty() && !self.names.is_empty() {
            self.rebuild();
        }
        if let Some(s) = self.index.get(name) {
            return *s;
        }
        let s = Sym(u32::try_from(self.names.len()).expect("too many names"));
        self.names.push(name.into());
        self.index.insert(name.into(), s);
        s
    }

    /// The symbol of `name` if it was ever interned.
    #[must_use]
    pub fn lookup(&self, name: &str) -> Option<Sym> {
        if self.index.is_empty() {
            return self
                .names
                .iter()
                .position(|n| &**n == name)
                .map(|i| Sym(i as u32));
        }
        self.index.get(name).copied()
    }

    /// The names every world starts with are where the VM expects them
    /// (a world read from a file may say otherwise).
    ///
    /// # Errors
    /// The first predefined name out of place.
    pub fn check_predefined(&self) -> Result<(), String> {
        for (i, n) in PREDEFINED.iter().enumerate() {
            if self.names.get(i).map(|s| &**s) != Some(*n) {
                return Err(format!("name {i} should be '{n}'"));
            }
        }
        Ok(())
    }

    /// How many names are interned (symbols are `0..len`).
    #[must_use]
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Never true: the predefined names are always interned.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The text of a symbol.
    #[must_use]
    pub fn name(&self, s: Sym) -> &str {
        &self.names[s.0 as usize]
    }

    fn rebuild(&mut self) {
        self.index = self
            .names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), Sym(i as u32)))
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predefined_names_have_fixed_symbols() {
        let i = Interner::default();
        assert_eq!(i.name(sym::INIT), "__init__");
        assert_eq!(i.name(sym::CLASS_CELL), "__class__cell");
    }

    #[test]
    fn interning_twice_gives_one_symbol() {
        let mut i = Interner::default();
        let a = i.intern("total");
        assert_eq!(i.intern("total"), a);
        assert_eq!(i.name(a), "total");
    }
}
