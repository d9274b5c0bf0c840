//! Attribute tables (`__dict__` of instances, classes, modules, functions):
//! interned names to values, in insertion order.
//!
//! Most tables are small (an instance has a handful of attributes), so the
//! entries live in one vector searched linearly; a table that grows past
//! [`INDEX_FROM`] entries also keeps a hash index. This is cheaper in time
//! and memory than a general hash map for the common case. On disk a table
//! is a RON map, the same as the `IndexMap` it replaces.

use crate::intern::Sym;
use crate::value::Value;
use rustc_hash::FxHashMap;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Tables with more entries than this keep a hash index.
const INDEX_FROM: usize = 12;

/// An insertion-ordered table of attributes.
#[derive(Clone, Default)]
pub struct Attrs {
    entries: Vec<(Sym, Value)>,
    index: Option<Box<FxHashMap<Sym, u32>>>,
}

impl Attrs {
    /// An empty table.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    #[inline]
    fn position(&self, k: Sym) -> Option<usize> {
        match &self.index {
            Some(ix) => ix.get(&k).map(|&i| i as usize),
            None => self.entries.iter().position(|(s, _)| *s == k),
        }
    }

    fn reindex(&mut self) {
        if self.entries.len() > INDEX_FROM {
            let ix = self
                .entries
                .iter()
                .enumerate()
                .map(|(i, (s, _))| (*s, i as u32))
                .collect();
            self.index = Some(Box::new(ix));
        } else {
            self.index = None;
        }
    }

    /// The value of `k`.
    #[inline]
    #[must_use]
    pub fn get(&self, k: &Sym) -> Option<&Value> {
        self.position(*k).map(|i| &self.entries[i].1)
    }

    /// The value of `k`, for writing.
    #[inline]
    pub fn get_mut(&mut self, k: &Sym) -> Option<&mut Value> {
        self.position(*k).map(|i| &mut self.entries[i].1)
    }

    /// Whether `k` is present.
    #[inline]
    #[must_use]
    pub fn contains_key(&self, k: &Sym) -> bool {
        self.position(*k).is_some()
    }

    /// Sets `k` (kept in place if present, else appended); returns the old value.
    pub fn insert(&mut self, k: Sym, v: Value) -> Option<Value> {
        if let Some(i) = self.position(k) {
            return Some(std::mem::replace(&mut self.entries[i].1, v));
        }
        self.entries.push((k, v));
        match &mut self.index {
            Some(ix) => {
                ix.insert(k, (self.entries.len() - 1) as u32);
            }
            None if self.entries.len() > INDEX_FROM => self.reindex(),
            None => {}
        }
        None
    }

    /// Removes `k`, keeping the order of the rest.
    pub fn shift_remove(&mut self, k: &Sym) -> Option<Value> {
        let i = self.position(*k)?;
        let (_, v) = self.entries.remove(i);
        if self.index.is_some() {
            self.reindex();
        }
        Some(v)
    }

    /// Number of entries.
    #[inline]
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the table is empty.
    #[inline]
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Removes everything.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index = None;
    }

    /// Entries in insertion order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&Sym, &Value)> + ExactSizeIterator {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// Entries in insertion order, values writable.
    pub fn iter_mut(
        &mut self,
    ) -> impl DoubleEndedIterator<Item = (&Sym, &mut Value)> + ExactSizeIterator {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// Names in insertion order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &Sym> + ExactSizeIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    /// Values in insertion order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Value> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| v)
    }

    /// Values in insertion order, writable.
    pub fn values_mut(
        &mut self,
    ) -> impl DoubleEndedIterator<Item = &mut Value> + ExactSizeIterator {
        self.entries.iter_mut().map(|(_, v)| v)
    }

    /// The entry at position `i`.
    #[must_use]
    pub fn get_index(&self, i: usize) -> Option<(&Sym, &Value)> {
        self.entries.get(i).map(|(k, v)| (k, v))
    }

    /// Position of `k`.
    #[must_use]
    pub fn get_index_of(&self, k: &Sym) -> Option<usize> {
        self.position(*k)
    }
}

impl std::ops::Index<&Sym> for Attrs {
    type Output = Value;
    /// The value of a name that must be present (panics otherwise, like `IndexMap`).
    fn index(&self, k: &Sym) -> &Value {
        self.get(k).expect("attribute present")
    }
}

impl PartialEq for Attrs {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl std::fmt::Debug for Attrs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl FromIterator<(Sym, Value)> for Attrs {
    fn from_iter<I: IntoIterator<Item = (Sym, Value)>>(iter: I) -> Self {
        let mut a = Attrs::new();
        for (k, v) in iter {
            a.insert(k, v);
        }
        a
    }
}

impl Extend<(Sym, Value)> for Attrs {
    fn extend<I: IntoIterator<Item = (Sym, Value)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl IntoIterator for Attrs {
    type Item = (Sym, Value);
    type IntoIter = std::vec::IntoIter<(Sym, Value)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a> IntoIterator for &'a Attrs {
    type Item = (&'a Sym, &'a Value);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Sym, Value)>,
        fn(&'a (Sym, Value)) -> (&'a Sym, &'a Value),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl Serialize for Attrs {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.entries.len()))?;
        for (k, v) in &self.entries {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Attrs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Attrs;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map of attributes")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Attrs, A::Error> {
                let mut a = Attrs::new();
                while let Some((k, v)) = m.next_entry::<Sym, Value>()? {
                    a.insert(k, v);
                }
                Ok(a)
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(i: u32) -> Sym {
        Sym(i)
    }

    #[test]
    fn insert_keeps_order_and_replaces_in_place() {
        let mut a = Attrs::new();
        a.insert(s(3), Value::Int(1));
        a.insert(s(1), Value::Int(2));
        assert_eq!(a.insert(s(3), Value::Int(9)), Some(Value::Int(1)));
        let keys: Vec<u32> = a.keys().map(|k| k.0).collect();
        assert_eq!(keys, vec![3, 1]);
        assert_eq!(a.get(&s(3)), Some(&Value::Int(9)));
    }

    #[test]
    fn large_tables_use_the_index_and_stay_ordered_after_removal() {
        let mut a = Attrs::new();
        for i in 0..40 {
            a.insert(s(i), Value::Int(i64::from(i)));
        }
        assert!(a.index.is_some());
        assert_eq!(a.shift_remove(&s(5)), Some(Value::Int(5)));
        assert_eq!(a.get(&s(6)), Some(&Value::Int(6)));
        assert_eq!(a.get_index_of(&s(6)), Some(5));
        assert!(!a.contains_key(&s(5)));
        for i in 0..35 {
            a.shift_remove(&s(i));
        }
        assert!(a.index.is_none());
        let keys: Vec<u32> = a.keys().map(|k| k.0).collect();
        assert_eq!(keys, vec![35, 36, 37, 38, 39]);
    }

    #[test]
    fn serializes_as_a_map_like_indexmap() {
        let mut a = Attrs::new();
        a.insert(s(2), Value::Int(7));
        a.insert(s(0), Value::None);
        let text = ron::to_string(&a).expect("serialize");
        let mut m: indexmap::IndexMap<Sym, Value> = indexmap::IndexMap::new();
        m.insert(s(2), Value::Int(7));
        m.insert(s(0), Value::None);
        assert_eq!(text, ron::to_string(&m).expect("serialize"));
        let back: Attrs = ron::from_str(&text).expect("deserialize");
        assert_eq!(back, a);
    }
}
