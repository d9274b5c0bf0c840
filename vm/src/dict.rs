//! Insertion-ordered hash table for `dict` (and, for now, `set`).
//!
//! Hashes are Python hashes computed by the VM; the table never compares keys
//! itself: callers pass an equality closure, so keys with a user `__eq__` can
//! be compared by running Python code outside the table's borrow.

use crate::value::Value;
use hashbrown::HashTable;
use serde::{Deserialize, Serialize};

/// One live entry.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub struct Entry {
    /// The key's Python hash.
    pub hash: i64,
    /// The key.
    pub key: Value,
    /// The value.
    pub value: Value,
}

/// Which dict type this is.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Default)]
pub enum DictFlavor {
    /// `dict` / `set`.
    #[default]
    Plain,
    /// `collections.defaultdict(factory)`.
    Default(Value),
    /// `collections.Counter`.
    Counter,
}

/// The table.
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
pub struct Dict {
    entries: Vec<Option<Entry>>,
    #[serde(skip)]
    table: HashTable<usize>,
    len: usize,
    /// The dict type.
    pub flavor: DictFlavor,
    /// For sets: CPython's open-addressing layout, which decides iteration
    /// order (keys are entry positions).
    #[serde(default)]
    order: Option<crate::settable::SetTable>,
    /// The module whose namespace this dict is (`globals()`); writes are
    /// passed on to it. Not counted: the module owns the dict.
    #[serde(default)]
    pub namespace: Option<crate::value::Ref>,
    /// The instance whose `__dict__` this is (counted: the dict keeps it
    /// alive, its writes are passed on to it through `namespace`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<crate::value::Ref>,
}

impl Dict {
    /// An empty table that iterates in CPython's set order.
    #[must_use]
    pub fn new_set() -> Self {
        Dict {
            order: Some(crate::settable::SetTable::new()),
            ..Dict::default()
        }
    }

    /// Is this a set (CPython set iteration order)?
    #[must_use]
    pub fn is_set(&self) -> bool {
        self.order.is_some()
    }

    /// Number of live entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn ensure_index(&mut self) {
        if self.table.len() != self.len {
            self.table.clear();
            for (i, e) in self.entries.iter().enumerate() {
                if let Some(e) = e {
                    let h = e.hash;
                    self.table.insert_unique(h as u64, i, |_| unreachable!());
                }
            }
            let entries = &self.entries;
            self.table
                .shrink_to(0, |&i| entries[i].map_or(0, |e| e.hash as u64));
        }
    }

    /// Rebuilds the index after deserialization.
    pub fn reindex(&mut self) {
        self.table = HashTable::new();
        let entries = &self.entries;
        for (i, e) in entries.iter().enumerate() {
            if let Some(e) = e {
                self.table.insert_unique(e.hash as u64, i, |&j| {
                    entries[j].map_or(0, |e| e.hash as u64)
                });
            }
        }
    }

    /// Entry positions whose hash equals `hash` (candidates for equality).
    pub fn candidates(&self, hash: i64, out: &mut Vec<usize>) {
        out.clear();
        let entries = &self.entries;
        for &i in self.table.iter_hash(hash as u64) {
            if entries[i].is_some_and(|e| e.hash == hash) {
                out.push(i);
            }
        }
    }

    /// Finds the position of a key by hash and an equality test on stored keys.
    pub fn find(&self, hash: i64, mut eq: impl FnMut(Value) -> bool) -> Option<usize> {
        let entries = &self.entries;
        self.table
            .find(hash as u64, |&i| {
                entries[i].is_some_and(|e| e.hash == hash && eq(e.key))
            })
            .copied()
    }

    /// The entry at a position found by [`Dict::find`].
    #[must_use]
    pub fn entry(&self, pos: usize) -> Option<&Entry> {
        self.entries.get(pos).and_then(Option::as_ref)
    }

    /// Replaces the value at a position, returning the old one (caller drops it).
    pub fn set_at(&mut self, pos: usize, value: Value) -> Value {
        let e = self.entries[pos].as_mut().expect("live entry");
        std::mem::replace(&mut e.value, value)
    }

    /// Appends a key known to be absent.
    pub fn push_new(&mut self, hash: i64, key: Value, value: Value) {
        self.ensure_index();
        let i = self.entries.len();
        self.entries.push(Some(Entry { hash, key, value }));
        let entries = &self.entries;
        self.table
            .insert_unique(hash as u64, i, |&j| entries[j].map_or(0, |e| e.hash as u64));
        self.len += 1;
        if let Some(o) = &mut self.order {
            let id = u32::try_from(i).expect("set too large");
            o.insert(if hash == -1 { -2 } else { hash }, id, |_| false);
        }
    }

    /// Removes the entry at a position, returning it (caller drops key and value).
    pub fn remove_at(&mut self, pos: usize) -> Entry {
        let e = self.entries[pos].take().expect("live entry");
        if let Ok(t) = self.table.find_entry(e.hash as u64, |&i| i == pos) {
            t.remove();
        }
        self.len -= 1;
        if let Some(o) = &mut self.order {
            let id = u32::try_from(pos).expect("set too large");
            o.remove(if e.hash == -1 { -2 } else { e.hash }, |k| k == id);
        }
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        e
    }

    fn compact(&mut self) {
        let mut new_pos = vec![0u32; self.entries.len()];
        let mut n = 0u32;
        for (i, e) in self.entries.iter().enumerate() {
            if e.is_some() {
                new_pos[i] = n;
                n += 1;
            }
        }
        if let Some(o) = &mut self.order {
            o.remap_keys(|k| new_pos[k as usize]);
        }
        self.entries.retain(Option::is_some);
        self.reindex();
    }

    /// Removes and returns the last entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<Entry> {
        let pos = self.entries.iter().rposition(Option::is_some)?;
        debug_assert!(self.order.is_none(), "popitem is for dicts");
        let e = self.remove_at(pos);
        // Trailing holes can be dropped outright.
        while matches!(self.entries.last(), Some(None)) {
            self.entries.pop();
        }
        self.reindex();
        Some(e)
    }

    /// Live entries in iteration order (insertion order; CPython's order for sets).
    pub fn iter(&self) -> Box<dyn Iterator<Item = &Entry> + '_> {
        match &self.order {
            Some(o) => Box::new(
                o.iter()
                    .filter_map(|k| self.entries.get(k as usize).and_then(Option::as_ref)),
            ),
            None => Box::new(self.entries.iter().flatten()),
        }
    }

    /// The live entry at or after iteration position `pos`, with its position (for iterators).
    #[must_use]
    pub fn next_from(&self, mut pos: usize) -> Option<(usize, Entry)> {
        if let Some(o) = &self.order {
            let (slot, key) = o.next_from(pos)?;
            return self
                .entries
                .get(key as usize)
                .copied()
                .flatten()
                .map(|e| (slot, e));
        }
        while pos < self.entries.len() {
            if let Some(e) = self.entries[pos] {
                return Some((pos, e));
            }
            pos += 1;
        }
        None
    }

    /// Removes everything, returning the entries (caller drops them).
    pub fn take_all(&mut self) -> Vec<Entry> {
        let out: Vec<Entry> = self.iter().copied().collect();
        self.table.clear();
        self.len = 0;
        self.entries.clear();
        if let Some(o) = &mut self.order {
            o.clear();
        }
        out
    }

    /// Removes and returns the first entry in iteration order (`set.pop()`).
    pub fn pop_first(&mut self) -> Option<Entry> {
        let pos = match &mut self.order {
            Some(o) => o.pop()? as usize,
            None => self.entries.iter().position(Option::is_some)?,
        };
        let e = self.entries[pos].take()?;
        if let Ok(t) = self.table.find_entry(e.hash as u64, |&i| i == pos) {
            t.remove();
        }
        self.len -= 1;
        Some(e)
    }

    /// Counted references held, in release order.
    pub fn children(&self, out: &mut Vec<Value>) {
        for e in self.iter() {
            out.push(e.key);
            out.push(e.value);
        }
        if let DictFlavor::Default(f) = self.flavor {
            out.push(f);
        }
        out.extend(self.owner.map(crate::value::Value::Obj));
    }

    /// Raw entry vector length (iterator bound).
    #[must_use]
    pub fn raw_len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int_eq(k: i64) -> impl FnMut(Value) -> bool {
        move |v| v == Value::Int(k)
    }

    #[test]
    fn keeps_insertion_order_after_removal() {
        let mut d = Dict::default();
        for k in [3, 1, 2] {
            d.push_new(k, Value::Int(k), Value::None);
        }
        let p = d.find(1, int_eq(1)).unwrap();
        d.remove_at(p);
        d.push_new(1, Value::Int(1), Value::None);
        let keys: Vec<_> = d.iter().map(|e| e.key).collect();
        assert_eq!(keys, vec![Value::Int(3), Value::Int(2), Value::Int(1)]);
    }

    #[test]
    fn finds_after_reindex() {
        let mut d = Dict::default();
        for k in 0..100 {
            d.push_new(k, Value::Int(k), Value::Int(k * 2));
        }
        d.reindex();
        let p = d.find(42, int_eq(42)).unwrap();
        assert_eq!(d.entry(p).unwrap().value, Value::Int(84));
    }

    #[test]
    fn serde_round_trip_rebuilds_index_lazily() {
        let mut d = Dict::default();
        d.push_new(7, Value::Int(7), Value::None);
        let text = ron::to_string(&d).unwrap();
        let mut back: Dict = ron::from_str(&text).unwrap();
        back.reindex();
        assert!(back.find(7, int_eq(7)).is_some());
    }
}
