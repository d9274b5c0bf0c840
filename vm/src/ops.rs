//! Operators on values: arithmetic with int/float promotion, comparisons,
//! truth, hashing, and the container protocols (`in`, indexing, slicing).
//! User dunders are called through `call_sync`.

use crate::builtins::ExcType;
use crate::code::{BinOp, CmpOp, UnOp};
use crate::dict::{Dict, DictFlavor};
use crate::intern::{sym, Sym};
use crate::object::Object;
use crate::settable as st;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

/// An integer operand, borrowed.
pub(crate) enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    pub(crate) fn to_big(&self) -> BigInt {
        match self {
            IntRef::Small(i) => BigInt::from(*i),
            IntRef::Big(b) => (*b).clone(),
        }
    }
}

fn dunder_for(op: BinOp) -> (Sym, Sym, Sym) {
    use crate::intern::sym as s;
    match op {
        BinOp::Add => (s::ADD, s::RADD, s::IADD),
        BinOp::Sub => (s::SUB, s::RSUB, s::ISUB),
        BinOp::Mul => (s::MUL, s::RMUL, s::IMUL),
        BinOp::TrueDiv => (s::TRUEDIV, s::RTRUEDIV, s::ITRUEDIV),
        BinOp::FloorDiv => (s::FLOORDIV, s::RFLOORDIV, s::IFLOORDIV),
        BinOp::Mod => (s::MOD, s::RMOD, s::IMOD),
        BinOp::Pow => (s::POW, s::RPOW, s::IPOW),
        BinOp::MatMul => (s::MATMUL, s::RMATMUL, s::IMATMUL),
        BinOp::LShift => (s::LSHIFT, s::RLSHIFT, s::ILSHIFT),
        BinOp::RShift => (s::RSHIFT, s::RRSHIFT, s::IRSHIFT),
        BinOp::And => (s::AND, s::RAND, s::IAND),
        BinOp::Or => (s::OR, s::ROR, s::IOR),
        BinOp::Xor => (s::XOR, s::RXOR, s::IXOR),
    }
}

fn cmp_dunder(op: CmpOp) -> Sym {
    match op {
        CmpOp::Lt => sym::LT,
        CmpOp::Le => sym::LE,
        CmpOp::Eq => sym::EQ,
        CmpOp::Ne => sym::NE,
        CmpOp::Gt => sym::GT,
        CmpOp::Ge => sym::GE,
    }
}

/// Python's float `%`.
fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0_f64.copysign(b)
    }
}

/// Python's float `//`.
fn float_floordiv(a: f64, b: f64) -> f64 {
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div == 0.0 {
        0.0_f64.copysign(a / b)
    } else {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    }
}

impl Vm {
    /// An int (or bool) operand.
    pub(crate) fn int_ref(&self, v: Value) -> Option<IntRef<'_>> {
        match v {
            Value::Int(i) => Some(IntRef::Small(i)),
            Value::Bool(b) => Some(IntRef::Small(i64::from(b))),
            Value::Obj(r) => match self.heap.get(r) {
                Object::BigInt(b) => Some(IntRef::Big(b)),
                _ => None,
            },
            _ => None,
        }
    }

    /// A float view of a number.
    pub(crate) fn num_f64(&self, v: Value) -> Option<f64> {
        match v {
            Value::Float(f) => Some(f),
            Value::Int(i) => Some(i as f64),
            Value::Bool(b) => Some(f64::from(u8::from(b))),
            Value::Obj(r) => match self.heap.get(r) {
                Object::BigInt(b) => b.to_f64(),
                _ => None,
            },
            _ => None,
        }
    }

    /// Normalizes a big integer: small ones become inline.
    pub fn int_from_big(&mut self, b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::Obj(self.heap.alloc(Object::BigInt(b))),
        }
    }

    fn int_to_f64(&mut self, v: &IntRef<'_>) -> PyResult<f64> {
        match v {
            IntRef::Small(i) => Ok(*i as f64),
            IntRef::Big(b) => match b.to_f64() {
                Some(f) if f.is_finite() => Ok(f),
                _ => self.err(ExcType::OverflowError, "int too large to convert to float"),
            },
        }
    }

    /// `a op b`, including in-place forms.
    #[allow(clippy::too_many_lines)]
    pub(crate) fn binary_op(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        inplace: bool,
    ) -> PyResult<Value> {
        // Fast path: small ints.
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            let r = match op {
                BinOp::Add => x.checked_add(y),
                BinOp::Sub => x.checked_sub(y),
                BinOp::Mul => x.checked_mul(y),
                BinOp::FloorDiv if y != 0 => x
                    .checked_div_euclid(y)
                    .map(|_| num_integer::Integer::div_floor(&x, &y)),
                BinOp::Mod if y != 0 => Some(num_integer::Integer::mod_floor(&x, &y)),
                BinOp::And => Some(x & y),
                BinOp::Or => Some(x | y),
                BinOp::Xor => Some(x ^ y),
                _ => None,
            };
            if let Some(r) = r {
                return Ok(Value::Int(r));
            }
        }
        if let (Value::Float(x), Value::Float(y)) = (a, b) {
            match op {
                BinOp::Add => return Ok(Value::Float(x + y)),
                BinOp::Sub => return Ok(Value::Float(x - y)),
                BinOp::Mul => return Ok(Value::Float(x * y)),
                BinOp::TrueDiv if y != 0.0 => return Ok(Value::Float(x / y)),
                _ => {}
            }
        }
        let ai = self.int_ref(a).is_some();
        let bi = self.int_ref(b).is_some();
        if ai && bi {
            return self.int_op(op, a, b);
        }
        let af = matches!(a, Value::Float(_));
        let bf = matches!(b, Value::Float(_));
        if (af || ai) && (bf || bi) {
            let x = match self.int_ref(a) {
                Some(i) => {
                    let big = i.to_big();
                    self.int_to_f64(&IntRef::Big(&big))?
                }
                None => self.num_f64(a).unwrap_or(0.0),
            };
            let y = match self.int_ref(b) {
                Some(i) => {
                    let big = i.to_big();
                    self.int_to_f64(&IntRef::Big(&big))?
                }
                None => self.num_f64(b).unwrap_or(0.0),
            };
            if op == BinOp::Pow && x < 0.0 && y.is_finite() && y.fract() != 0.0 {
                // A negative base to a fractional power is complex.
                let r = self.complex_pow((x, 0.0), (y, 0.0))?;
                return Ok(self.new_complex(r.0, r.1));
            }
            return self.float_op(op, x, y);
        }
        if let Some(r) = self.complex_binop(op, a, b)? {
            return Ok(r);
        }
        if op == BinOp::Add
            && matches!(
                a.as_ref().map(|r| self.heap.get(r)),
                Some(Object::Bytes(_) | Object::ByteArray(_))
            )
            && !self.is_user_object(b)
        {
            return self.bytes_concat(a, b, inplace);
        }
        // Sequences and containers.
        if let (Value::Obj(ra), Value::Obj(rb)) = (a, b) {
            match (self.heap.get(ra), self.heap.get(rb), op) {
                (Object::Str(x), Object::Str(y), BinOp::Add) => {
                    let s = format!("{x}{y}");
                    return Ok(self.str_value(&s));
                }
                (Object::List(_), Object::List(y), BinOp::Add) if inplace => {
                    let items = y.clone();
                    for v in &items {
                        self.heap.incref(*v);
                    }
                    if let Object::List(x) = self.heap.get_mut(ra) {
                        x.extend(items);
                    }
                    self.heap.incref(a);
                    return Ok(a);
                }
                (Object::List(x), Object::List(y), BinOp::Add) => {
                    let items: Vec<Value> = x.iter().chain(y.iter()).copied().collect();
                    for v in &items {
                        self.heap.incref(*v);
                    }
                    return Ok(self.list(items));
                }
                (Object::Tuple(x), Object::Tuple(y), BinOp::Add) => {
                    let items: Vec<Value> = x.iter().chain(y.iter()).copied().collect();
                    for v in &items {
                        self.heap.incref(*v);
                    }
                    return Ok(self.tuple(items));
                }
                (
                    Object::Set(..),
                    Object::Set(..),
                    BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor,
                ) => {
                    return self.set_binop(op, a, b, inplace);
                }
                (
                    Object::Dict(x),
                    Object::Dict(_),
                    BinOp::Add | BinOp::Sub | BinOp::And | BinOp::Or,
                ) if x.flavor == DictFlavor::Counter => {
                    return self.counter_binop(op, a, b);
                }
                (Object::Dict(_), Object::Dict(_), BinOp::Or) => {
                    if inplace {
                        self.dict_update_from(a, b)?;
                        self.heap.incref(a);
                        return Ok(a);
                    }
                    let d = self.dict_copy(a)?;
                    self.dict_update_from(d, b)?;
                    return Ok(d);
                }
                (Object::List(_), _, BinOp::Add)
                    if inplace && !matches!(self.heap.get(rb), Object::Instance(_)) =>
                {
                    let items = self.collect_sync(b)?;
                    if let Object::List(x) = self.heap.get_mut(ra) {
                        x.extend(items);
                    }
                    self.heap.incref(a);
                    return Ok(a);
                }
                (Object::Deque(_), _, BinOp::Add) if inplace => {
                    let items = self.collect_sync(b)?;
                    if let Object::Deque(x) = self.heap.get_mut(ra) {
                        x.items.extend(items);
                    }
                    self.heap.incref(a);
                    return Ok(a);
                }
                _ => {}
            }
        }
        if op == BinOp::Mul {
            if let Some(r) = self.seq_repeat(a, b)? {
                return Ok(r);
            }
            if let Some(r) = self.seq_repeat(b, a)? {
                return Ok(r);
            }
        }
        if op == BinOp::Mod {
            if let Some(s) = self.as_str(a).map(str::to_string) {
                return self.percent_format(&s, b);
            }
            if let Some(f) = self.as_bytes_like(a).map(<[u8]>::to_vec) {
                let array = matches!(
                    a.as_ref().map(|r| self.heap.get(r)),
                    Some(Object::ByteArray(_))
                );
                return self.percent_format_bytes(&f, b, array);
            }
        }
        // User dunders.
        let (fwd, rev, inp) = dunder_for(op);
        let a_user = self.is_user_object(a);
        let b_user = self.is_user_object(b);
        if inplace && a_user {
            if let Some(m) = self.lookup_special(a, inp) {
                self.heap.incref(b);
                let r = self.call_sync(m, vec![b], Vec::new());
                self.heap.decref(m);
                let r = r?;
                if r != Value::NotImplemented {
                    return Ok(r);
                }
            }
        }
        if a_user {
            if let Some(m) = self.lookup_special(a, fwd) {
                self.heap.incref(b);
                let r = self.call_sync(m, vec![b], Vec::new());
                self.heap.decref(m);
                let r = r?;
                if r != Value::NotImplemented {
                    return Ok(r);
                }
            }
        }
        if b_user {
            if let Some(m) = self.lookup_special(b, rev) {
                self.heap.incref(a);
                let r = self.call_sync(m, vec![a], Vec::new());
                self.heap.decref(m);
                let r = r?;
                if r != Value::NotImplemented {
                    return Ok(r);
                }
            }
        }
        let (pa, pb) = (self.payload(a), self.payload(b));
        if pa.is_some() || pb.is_some() {
            let r = self.binary_op(op, pa.unwrap_or(a), pb.unwrap_or(b), inplace)?;
            if inplace && pa.is_some_and(|p| r.is(p)) {
                // `l += x` on a list subclass keeps the instance.
                self.heap.decref(r);
                self.heap.incref(a);
                return Ok(a);
            }
            return Ok(r);
        }
        if op == BinOp::Or && self.union_operand(a) && self.union_operand(b) {
            // `int | str`: a `types.UnionType` (written in Python, `_introspect`).
            if let Some(f) = crate::stdlib::introspect_helper(self, "_union") {
                self.heap.incref(a);
                self.heap.incref(b);
                return self.call_sync(f, vec![a, b], Vec::new());
            }
        }
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        if op == BinOp::Add {
            if let Some(Object::Str(_) | Object::List(_) | Object::Tuple(_)) =
                a.as_ref().map(|r| self.heap.get(r))
            {
                if !b_user {
                    let what = if ta == "str" {
                        format!("can only concatenate str (not \"{tb}\") to str")
                    } else {
                        format!("can only concatenate {ta} (not \"{tb}\") to {ta}")
                    };
                    return self.type_error(what);
                }
            }
        }
        if op == BinOp::Mul && self.is_sequence(a) && !b_user {
            return self.type_error(format!("can't multiply sequence by non-int of type '{tb}'"));
        }
        if op == BinOp::Mul && self.is_sequence(b) && !a_user {
            return self.type_error(format!("can't multiply sequence by non-int of type '{ta}'"));
        }
        let sym_ = match (op, inplace) {
            (BinOp::Pow, false) => "** or pow()".to_string(),
            (BinOp::Pow, true) => "**=".to_string(),
            (o, true) => format!("{}=", o.symbol()),
            (o, false) => o.symbol().to_string(),
        };
        self.type_error(format!(
            "unsupported operand type(s) for {sym_}: '{ta}' and '{tb}'"
        ))
    }

    /// Whether `v` may stand in a `X | Y` type union: a class, `None`, or
    /// a union already.
    fn union_operand(&self, v: Value) -> bool {
        match v {
            Value::None => true,
            Value::Obj(r) => match self.heap.get(r) {
                Object::Class(_) => true,
                Object::Instance(i) => matches!(
                    self.heap.get(i.class),
                    Object::Class(c) if &*c.name == "UnionType" && &*c.module == "types"
                ),
                _ => false,
            },
            _ => false,
        }
    }

    fn is_sequence(&self, v: Value) -> bool {
        matches!(
            v.as_ref().map(|r| self.heap.get(r)),
            Some(
                Object::Str(_)
                    | Object::List(_)
                    | Object::Tuple(_)
                    | Object::Bytes(_)
                    | Object::ByteArray(_)
            )
        )
    }

    pub(crate) fn is_user_object(&self, v: Value) -> bool {
        matches!(
            v.as_ref().map(|r| self.heap.get(r)),
            Some(Object::Instance(_) | Object::Exception(_))
        )
    }

    fn seq_repeat(&mut self, seq: Value, n: Value) -> PyResult<Option<Value>> {
        let Some(count) = (match n {
            Value::Int(i) => Some(i),
            Value::Bool(b) => Some(i64::from(b)),
            Value::Obj(r) if self.is_sequence(seq) => match self.heap.get(r) {
                Object::BigInt(_) => {
                    return self.err(
                        ExcType::OverflowError,
                        "cannot fit 'int' into an index-sized integer",
                    );
                }
                _ => None,
            },
            _ => None,
        }) else {
            return Ok(None);
        };
        let count = count.max(0) as usize;
        let Some(r) = seq.as_ref() else {
            return Ok(None);
        };
        let len = match self.heap.get(r) {
            Object::Str(s) => s.len(),
            Object::Bytes(x) => x.len(),
            Object::ByteArray(x) => x.len(),
            Object::List(items) => items.len(),
            Object::Tuple(items) => items.len(),
            _ => 0,
        };
        let (text, item) = match self.heap.get(r) {
            Object::Str(_) => (Some("repeated string is too long"), 1),
            Object::Bytes(_) => (Some("repeated bytes are too long"), 1),
            Object::ByteArray(_) => (None, 1),
            _ => (None, std::mem::size_of::<Value>()),
        };
        let total = len
            .checked_mul(count)
            .filter(|n| isize::try_from(*n).is_ok());
        match (total, text) {
            (None, Some(m)) => return self.err(ExcType::OverflowError, m),
            (None, None) => return Err(self.new_exc_empty(ExcType::MemoryError)),
            (Some(n), _) => self.check_items(n, item)?,
        }
        if len.checked_mul(count).is_none_or(|n| n > MAX_REPEAT) {
            // CPython fails to allocate such a sequence; so would we, fatally.
            return Err(self.new_exc_empty(ExcType::MemoryError));
        }
        let out = match self.heap.get(r) {
            Object::Str(s) => {
                let s = s.repeat(count);
                self.str_value(&s)
            }
            Object::Bytes(x) => {
                let x = x.repeat(count);
                self.bytes_value(&x)
            }
            Object::ByteArray(x) => {
                let x = x.repeat(count);
                self.bytearray_value(x)
            }
            Object::List(items) => {
                let items: Vec<Value> = items
                    .iter()
                    .copied()
                    .cycle()
                    .take(items.len() * count)
                    .collect();
                for v in &items {
                    self.heap.incref(*v);
                }
                self.list(items)
            }
            Object::Tuple(items) => {
                let items: Vec<Value> = items
                    .iter()
                    .copied()
                    .cycle()
                    .take(items.len() * count)
                    .collect();
                for v in &items {
                    self.heap.incref(*v);
                }
                self.tuple(items)
            }
            _ => return Ok(None),
        };
        Ok(Some(out))
    }

    #[allow(clippy::too_many_lines)]
    /// An int (inline or big) that fits in 128 bits.
    fn int_as_i128(&self, v: Value) -> Option<i128> {
        match v {
            Value::Int(i) => Some(i128::from(i)),
            Value::Bool(b) => Some(i128::from(b)),
            Value::Obj(r) => match self.heap.get(r) {
                Object::BigInt(b) => b.to_i128(),
                _ => None,
            },
            _ => None,
        }
    }

    fn int_op(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        // Most results past 64 bits still fit in 128: no big-number arithmetic.
        if let (Some(x), Some(y)) = (self.int_as_i128(a), self.int_as_i128(b)) {
            let r = match op {
                BinOp::Add => x.checked_add(y),
                BinOp::Sub => x.checked_sub(y),
                BinOp::Mul => x.checked_mul(y),
                BinOp::And => Some(x & y),
                BinOp::Or => Some(x | y),
                BinOp::Xor => Some(x ^ y),
                BinOp::Mod if y != 0 && !(x == i128::MIN && y == -1) => {
                    Some(num_integer::Integer::mod_floor(&x, &y))
                }
                BinOp::FloorDiv if y != 0 && !(x == i128::MIN && y == -1) => {
                    Some(num_integer::Integer::div_floor(&x, &y))
                }
                _ => None,
            };
            if let Some(r) = r {
                return Ok(match i64::try_from(r) {
                    Ok(i) => Value::Int(i),
                    Err(_) => Value::Obj(self.heap.alloc(Object::BigInt(BigInt::from(r)))),
                });
            }
        }
        let x = self.int_ref(a).expect("int").to_big();
        let y = self.int_ref(b).expect("int").to_big();
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::FloorDiv => {
                if y.is_zero() {
                    return self.err(
                        ExcType::ZeroDivisionError,
                        "integer division or modulo by zero",
                    );
                }
                x.div_floor(&y)
            }
            BinOp::Mod => {
                if y.is_zero() {
                    return self.err(ExcType::ZeroDivisionError, "integer modulo by zero");
                }
                x.mod_floor(&y)
            }
            BinOp::TrueDiv => {
                if y.is_zero() {
                    return self.err(ExcType::ZeroDivisionError, "division by zero");
                }
                return Ok(Value::Float(big_true_div(&x, &y)));
            }
            BinOp::Pow => {
                if y.is_negative() {
                    let fx = x.to_f64().unwrap_or(f64::INFINITY);
                    let fy = y.to_f64().unwrap_or(f64::NEG_INFINITY);
                    if fx == 0.0 {
                        return self.err(
                            ExcType::ZeroDivisionError,
                            "0.0 cannot be raised to a negative power",
                        );
                    }
                    return self.float_op(BinOp::Pow, fx, fy);
                }
                // |x| <= 1 stays small whatever the exponent.
                if x.is_zero() || num_traits::One::is_one(&x) {
                    return Ok(self.int_from_big(x));
                }
                if x == BigInt::from(-1) {
                    let odd = num_integer::Integer::is_odd(&y);
                    return Ok(Value::Int(if odd { -1 } else { 1 }));
                }
                // The result has about bits(x) * e bits.
                let bytes = y
                    .to_u64()
                    .and_then(|e| e.checked_mul(x.bits()))
                    .and_then(|b| usize::try_from(b / 8).ok())
                    .unwrap_or(usize::MAX);
                self.check_memory(bytes)?;
                let Some(e) = y.to_u32() else {
                    return self.err(ExcType::OverflowError, "exponent too large");
                };
                num_traits::pow::Pow::pow(x, e)
            }
            BinOp::LShift => {
                if y.is_negative() {
                    return self.value_error("negative shift count");
                }
                let Some(s) = y.to_usize() else {
                    return self.err(ExcType::OverflowError, "too many digits in integer");
                };
                if !x.is_zero() {
                    self.check_memory(s / 8)?;
                }
                x << s
            }
            BinOp::RShift => {
                if y.is_negative() {
                    return self.value_error("negative shift count");
                }
                let s = y.to_usize().unwrap_or(usize::MAX);
                if s > 1 << 20 {
                    if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                } else {
                    x >> s
                }
            }
            BinOp::And => x & y,
            BinOp::Or => x | y,
            BinOp::Xor => x ^ y,
            BinOp::MatMul => {
                return self.type_error("unsupported operand type(s) for @: 'int' and 'int'");
            }
        };
        if matches!(op, BinOp::And | BinOp::Or | BinOp::Xor)
            && matches!(a, Value::Bool(_))
            && matches!(b, Value::Bool(_))
        {
            return Ok(Value::Bool(!r.is_zero()));
        }
        Ok(self.int_from_big(r))
    }

    fn float_op(&mut self, op: BinOp, x: f64, y: f64) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::TrueDiv => {
                if y == 0.0 {
                    return self.err(ExcType::ZeroDivisionError, "float division by zero");
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return self.err(ExcType::ZeroDivisionError, "float floor division by zero");
                }
                float_floordiv(x, y)
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return self.err(ExcType::ZeroDivisionError, "float modulo");
                }
                float_mod(x, y)
            }
            BinOp::Pow => {
                if x == 0.0 && y < 0.0 {
                    return self.err(
                        ExcType::ZeroDivisionError,
                        "0.0 cannot be raised to a negative power",
                    );
                }
                if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
                    return self.value_error("math domain error");
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return self.err(
                        ExcType::OverflowError,
                        "(34, 'Numerical result out of range')",
                    );
                }
                r
            }
            _ => {
                let s = op.symbol();
                return self.type_error(format!(
                    "unsupported operand type(s) for {s}: 'float' and 'float'"
                ));
            }
        };
        Ok(Value::Float(r))
    }

    /// Unary operators.
    pub(crate) fn unary_op(&mut self, op: UnOp, v: Value) -> PyResult<Value> {
        match (op, v) {
            (UnOp::Not, v) => return Ok(Value::Bool(!self.truthy(v)?)),
            (UnOp::Neg, Value::Int(i)) if i != i64::MIN => return Ok(Value::Int(-i)),
            (UnOp::Neg, Value::Float(f)) => return Ok(Value::Float(-f)),
            (UnOp::Neg, Value::Bool(b)) => return Ok(Value::Int(-i64::from(b))),
            (UnOp::Pos, Value::Int(_) | Value::Float(_)) => return Ok(v),
            (UnOp::Pos, Value::Bool(b)) => return Ok(Value::Int(i64::from(b))),
            (UnOp::Invert, Value::Int(i)) => return Ok(Value::Int(!i)),
            (UnOp::Invert, Value::Bool(b)) => return Ok(Value::Int(!i64::from(b))),
            _ => {}
        }
        if let Some(i) = self.int_ref(v) {
            let b = i.to_big();
            let r = match op {
                UnOp::Neg => -b,
                UnOp::Pos => b,
                UnOp::Invert => -b - 1,
                UnOp::Not => unreachable!(),
            };
            return Ok(self.int_from_big(r));
        }
        if let (Some((re, im)), UnOp::Neg | UnOp::Pos) = (self.complex_parts(v), op) {
            return Ok(if op == UnOp::Neg {
                self.new_complex(-re, -im)
            } else {
                self.new_complex(re, im)
            });
        }
        let name = match op {
            UnOp::Neg => sym::NEG,
            UnOp::Pos => sym::POS,
            UnOp::Invert => sym::INVERT,
            UnOp::Not => unreachable!(),
        };
        if self.is_user_object(v) {
            if let Some(m) = self.lookup_special(v, name) {
                let r = self.call_sync(m, Vec::new(), Vec::new());
                self.heap.decref(m);
                return r;
            }
            if let Some(b) = self.payload(v) {
                return self.unary_op(op, b);
            }
        }
        let s = match op {
            UnOp::Neg => "-",
            UnOp::Pos => "+",
            UnOp::Invert => "~",
            UnOp::Not => "not",
        };
        let tn = self.type_name(v);
        self.type_error(format!("bad operand type for unary {s}: '{tn}'"))
    }

    /// Truth value.
    pub(crate) fn truthy(&mut self, v: Value) -> PyResult<bool> {
        Ok(match v {
            Value::None | Value::Undef => false,
            Value::Bool(b) => b,
            Value::Int(i) => i != 0,
            Value::Float(f) => f != 0.0,
            Value::NotImplemented | Value::Ellipsis => true,
            Value::Obj(r) => match self.heap.get(r) {
                Object::Str(s) => !s.is_empty(),
                Object::Bytes(x) => !x.is_empty(),
                Object::ByteArray(x) => !x.is_empty(),
                Object::BigInt(_) => true,
                Object::Complex(re, im) => *re != 0.0 || *im != 0.0,
                Object::List(l) => !l.is_empty(),
                Object::Tuple(t) => !t.is_empty(),
                Object::Dict(d) | Object::Set(d, _) => !d.is_empty(),
                Object::Range(..) | Object::BigRange(_) => self.range_truthy(r),
                Object::Deque(d) => !d.items.is_empty(),
                Object::Instance(_) => {
                    if let Some(m) = self.lookup_special(v, sym::BOOL) {
                        let r = self.call_sync(m, Vec::new(), Vec::new());
                        self.heap.decref(m);
                        return match r? {
                            Value::Bool(b) => Ok(b),
                            other => {
                                let tn = self.type_name(other);
                                self.heap.decref(other);
                                self.type_error(format!(
                                    "__bool__ should return bool, returned {tn}"
                                ))
                            }
                        };
                    }
                    if self.has_special(v, sym::LEN) {
                        return Ok(self.len_of(v)? > 0);
                    }
                    if let Some(b) = self.payload(v) {
                        return self.truthy(b);
                    }
                    true
                }
                _ => true,
            },
        })
    }

    /// `len(v)`.
    pub(crate) fn len_of(&mut self, v: Value) -> PyResult<usize> {
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Object::Str(s) => return Ok(s.chars().count()),
                Object::Bytes(x) => return Ok(x.len()),
                Object::ByteArray(x) => return Ok(x.len()),
                Object::List(l) => return Ok(l.len()),
                Object::Tuple(t) => return Ok(t.len()),
                Object::Dict(d) | Object::Set(d, _) => return Ok(d.len()),
                Object::Range(..) | Object::BigRange(_) => return self.range_len(r),
                Object::Deque(d) => return Ok(d.items.len()),
                Object::Instance(_) | Object::Class(_) => {
                    if let Some(m) = self.lookup_special(v, sym::LEN) {
                        let r = self.call_sync(m, Vec::new(), Vec::new());
                        self.heap.decref(m);
                        let r = r?;
                        return match r {
                            Value::Int(i) if i >= 0 => Ok(i as usize),
                            Value::Int(_) => self.value_error("__len__() should return >= 0"),
                            Value::Bool(b) => Ok(usize::from(b)),
                            other => {
                                let tn = self.type_name(other);
                                self.heap.decref(other);
                                self.type_error(format!(
                                    "'{tn}' object cannot be interpreted as an integer"
                                ))
                            }
                        };
                    }
                    if let Some(b) = self.payload(v) {
                        return self.len_of(b);
                    }
                }
                _ => {}
            }
        }
        let tn = self.type_name(v);
        self.type_error(format!("object of type '{tn}' has no len()"))
    }

    /// Rich comparison returning a value.
    pub(crate) fn compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(Value::Bool(op.holds(&x, &y)));
        }
        let a = self.payload_unless(a, cmp_dunder(op)).unwrap_or(a);
        let b = self
            .payload_unless(b, cmp_dunder(op.swapped()))
            .unwrap_or(b);
        if self.is_user_object(a) || self.is_user_object(b) {
            return self.user_compare(op, a, b);
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(self.eq(a, b)?)),
            CmpOp::Ne => Ok(Value::Bool(!self.eq(a, b)?)),
            _ => Ok(Value::Bool(self.order(op, a, b)?)),
        }
    }

    fn user_compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
        // Reflected first if b's type is a subclass of a's (as CPython).
        let tries: [(Value, CmpOp, Value); 2] = [(a, op, b), (b, op.swapped(), a)];
        let b_first = self.is_user_object(b)
            && self.class_ref(a) != self.class_ref(b)
            && self.class_is_subclass(self.class_ref(b), self.class_ref(a));
        let order: Vec<usize> = if b_first { vec![1, 0] } else { vec![0, 1] };
        for i in order {
            let (x, o, y) = tries[i];
            if !self.is_user_object(x) {
                continue;
            }
            if let Some(m) = self.lookup_special(x, cmp_dunder(o)) {
                self.heap.incref(y);
                let r = self.call_sync(m, vec![y], Vec::new());
                self.heap.decref(m);
                let r = r?;
                if r != Value::NotImplemented {
                    return Ok(r);
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::Ne => {
                // Default __ne__ inverts __eq__.
                let eq = self.user_compare(CmpOp::Eq, a, b)?;
                let t = self.truthy(eq);
                self.heap.decref(eq);
                Ok(Value::Bool(!t?))
            }
            _ => {
                let (ta, tb) = (self.type_name(a), self.type_name(b));
                self.type_error(format!(
                    "'{}' not supported between instances of '{ta}' and '{tb}'",
                    op.symbol()
                ))
            }
        }
    }

    /// Comparison as a bool.
    pub(crate) fn compare_bool(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<bool> {
        let r = self.compare(op, a, b)?;
        let t = self.truthy(r);
        self.heap.decref(r);
        t
    }

    /// `a == b` as a bool.
    #[allow(clippy::too_many_lines)]
    pub(crate) fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a.is(b) && !matches!(a, Value::Float(f) if f.is_nan()) {
            return Ok(true);
        }
        if let (Value::Obj(ra), Value::Obj(rb)) = (a, b) {
            if let (Object::Str(x), Object::Str(y)) = (self.heap.get(ra), self.heap.get(rb)) {
                return Ok(x == y);
            }
        }
        if let (Some(x), Some(y)) = (self.int_ref(a), self.int_ref(b)) {
            return Ok(match (x, y) {
                (IntRef::Small(x), IntRef::Small(y)) => x == y,
                (x, y) => x.to_big() == y.to_big(),
            });
        }
        let (af, bf) = (self.num_f64(a), self.num_f64(b));
        if let (Some(x), Some(y)) = (af, bf) {
            if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
                // Exact int/float comparison.
                if let (Value::Float(fx), Some(iy)) = (a, self.int_ref(b).map(|i| i.to_big())) {
                    return Ok(float_eq_int(fx, &iy));
                }
                if let (Some(ix), Value::Float(fy)) = (self.int_ref(a).map(|i| i.to_big()), b) {
                    return Ok(float_eq_int(fy, &ix));
                }
                return Ok(x == y);
            }
        }
        if let Some(r) = self.complex_eq(a, b) {
            return Ok(r);
        }
        let a = self.payload_unless(a, sym::EQ).unwrap_or(a);
        let b = self.payload_unless(b, sym::EQ).unwrap_or(b);
        if let Some(r) = self.complex_eq(a, b) {
            return Ok(r);
        }
        if a.is(b) {
            return Ok(true);
        }
        if self.is_user_object(a) || self.is_user_object(b) {
            let r = self.user_compare(CmpOp::Eq, a, b)?;
            let t = self.truthy(r);
            self.heap.decref(r);
            return t;
        }
        let (Value::Obj(ra), Value::Obj(rb)) = (a, b) else {
            return Ok(false);
        };
        if let (Some(x), Some(y)) = (self.as_bytes_like(a), self.as_bytes_like(b)) {
            return Ok(x == y);
        }
        match (self.heap.get(ra), self.heap.get(rb)) {
            (Object::Str(x), Object::Str(y)) => Ok(x == y),
            (Object::List(x), Object::List(y)) => {
                let (x, y) = (x.clone(), y.clone());
                self.seq_eq(&x, &y)
            }
            (Object::Tuple(x), Object::Tuple(y)) => {
                let (x, y) = (x.to_vec(), y.to_vec());
                self.seq_eq(&x, &y)
            }
            (Object::Dict(x), Object::Dict(y)) => {
                if x.len() != y.len() {
                    return Ok(false);
                }
                let entries: Vec<(Value, Value, i64)> =
                    x.iter().map(|e| (e.key, e.value, e.hash)).collect();
                for (k, v, h) in entries {
                    match self.dict_find(rb, k, h)? {
                        Some(pos) => {
                            let ov = match self.heap.get(rb) {
                                Object::Dict(d) => d.entry(pos).map(|e| e.value),
                                _ => None,
                            };
                            let same = match ov {
                                Some(ov) => {
                                    self.nested(crate::nesting::Nest::Compare, |vm| vm.eq(v, ov))?
                                }
                                None => false,
                            };
                            match ov {
                                Some(_) if same => {}
                                _ => return Ok(false),
                            }
                        }
                        None => return Ok(false),
                    }
                }
                Ok(true)
            }
            (Object::Set(x, _), Object::Set(y, _)) => {
                if x.len() != y.len() {
                    return Ok(false);
                }
                let keys: Vec<(Value, i64)> = x.iter().map(|e| (e.key, e.hash)).collect();
                for (k, h) in keys {
                    if self.dict_find(rb, k, h)?.is_none() {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            (Object::Range(..) | Object::BigRange(_), Object::Range(..) | Object::BigRange(_)) => {
                Ok(self.range_eq(ra, rb))
            }
            (Object::Deque(x), Object::Deque(y)) => {
                let (x, y): (Vec<Value>, Vec<Value>) = (
                    x.items.iter().copied().collect(),
                    y.items.iter().copied().collect(),
                );
                self.seq_eq(&x, &y)
            }
            (Object::Slice(a1, b1, c1), Object::Slice(a2, b2, c2)) => {
                let (x, y) = ([*a1, *b1, *c1], [*a2, *b2, *c2]);
                self.seq_eq(&x, &y)
            }
            // Bound methods: the same receiver (by identity) and equal functions.
            (Object::BoundMethod(s1, f1), Object::BoundMethod(s2, f2)) => {
                let (same_self, f1, f2) = (s1.is(*s2), *f1, *f2);
                Ok(same_self && self.eq(f1, f2)?)
            }
            _ => Ok(false),
        }
    }

    fn seq_eq(&mut self, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (a, b) in x.iter().zip(y) {
            if !self.nested(crate::nesting::Nest::Compare, |vm| vm.eq(*a, *b))? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `<`, `<=`, `>`, `>=` on built-in types.
    fn order(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<bool> {
        use std::cmp::Ordering;
        let ord: Option<Ordering> = if let (Some(x), Some(y)) = (self.int_ref(a), self.int_ref(b)) {
            Some(match (x, y) {
                (IntRef::Small(x), IntRef::Small(y)) => x.cmp(&y),
                (x, y) => x.to_big().cmp(&y.to_big()),
            })
        } else if let (Some(x), Some(y)) = (self.num_f64(a), self.num_f64(b)) {
            if let (Value::Float(fx), Some(iy)) = (a, self.int_ref(b).map(|i| i.to_big())) {
                float_cmp_int(fx, &iy)
            } else if let (Some(ix), Value::Float(fy)) = (self.int_ref(a).map(|i| i.to_big()), b) {
                float_cmp_int(fy, &ix).map(Ordering::reverse)
            } else {
                x.partial_cmp(&y)
            }
        } else if let (Some(x), Some(y)) = (self.as_bytes_like(a), self.as_bytes_like(b)) {
            Some(x.cmp(y))
        } else {
            match (
                a.as_ref().map(|r| self.heap.get(r)),
                b.as_ref().map(|r| self.heap.get(r)),
            ) {
                (Some(Object::Str(x)), Some(Object::Str(y))) => Some(x.cmp(y)),
                (Some(Object::List(x)), Some(Object::List(y))) => {
                    let (x, y) = (x.clone(), y.clone());
                    return self.seq_order(op, &x, &y);
                }
                (Some(Object::Tuple(x)), Some(Object::Tuple(y))) => {
                    let (x, y) = (x.to_vec(), y.to_vec());
                    return self.seq_order(op, &x, &y);
                }
                (Some(Object::Set(..)), Some(Object::Set(..))) => {
                    return self.set_order(op, a, b);
                }
                _ => {
                    let (ta, tb) = (self.type_name(a), self.type_name(b));
                    return self.type_error(format!(
                        "'{}' not supported between instances of '{ta}' and '{tb}'",
                        op.symbol()
                    ));
                }
            }
        };
        Ok(match ord {
            None => false,
            Some(o) => match op {
                CmpOp::Lt => o == Ordering::Less,
                CmpOp::Le => o != Ordering::Greater,
                CmpOp::Gt => o == Ordering::Greater,
                CmpOp::Ge => o != Ordering::Less,
                CmpOp::Eq => o == Ordering::Equal,
                CmpOp::Ne => o != Ordering::Equal,
            },
        })
    }

    fn seq_order(&mut self, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
        for (a, b) in x.iter().zip(y) {
            if !self.nested(crate::nesting::Nest::Compare, |vm| vm.eq(*a, *b))? {
                return self.nested(crate::nesting::Nest::Compare, |vm| {
                    vm.compare_bool(op, *a, *b)
                });
            }
        }
        let (lx, ly) = (x.len(), y.len());
        Ok(match op {
            CmpOp::Lt => lx < ly,
            CmpOp::Le => lx <= ly,
            CmpOp::Gt => lx > ly,
            CmpOp::Ge => lx >= ly,
            CmpOp::Eq => lx == ly,
            CmpOp::Ne => lx != ly,
        })
    }

    /// Python `hash(v)`.
    pub(crate) fn hash_value(&mut self, v: Value) -> PyResult<i64> {
        Ok(match v {
            Value::None | Value::Undef => st::hash_none(),
            Value::Bool(b) => i64::from(b),
            Value::Int(i) => st::hash_int_i64(i),
            Value::Float(f) => st::hash_float(f, 0),
            Value::NotImplemented => 0x5eed_0001,
            Value::Ellipsis => 0x5eed_0002,
            Value::Obj(r) => match self.heap.get(r) {
                Object::Str(s) => str_hash(s),
                Object::Bytes(x) => bytes_hash(x),
                Object::BigInt(b) => st::hash_bigint(b),
                Object::Complex(re, im) => crate::complex::complex_hash(*re, *im, self.id_of(v)),
                Object::Tuple(t) => {
                    let items = t.to_vec();
                    let mut hs = Vec::with_capacity(items.len());
                    for it in items {
                        hs.push(self.nested(crate::nesting::Nest::Hash, |vm| vm.hash_value(it))?);
                    }
                    st::hash_tuple(&hs)
                }
                Object::Set(d, true) => {
                    let hs: Vec<i64> = d.iter().map(|e| e.hash).collect();
                    st::hash_frozenset(&hs)
                }
                Object::List(_)
                | Object::Dict(_)
                | Object::Set(_, false)
                | Object::Deque(_)
                | Object::ByteArray(_) => {
                    let tn = self.type_name(v);
                    return self.type_error(format!("unhashable type: '{tn}'"));
                }
                Object::Instance(_) | Object::Exception(_) => {
                    let cls = self.class_ref(v);
                    match self.class_lookup(cls, sym::HASH) {
                        Some(Value::None) => {
                            let tn = self.type_name(v);
                            return self.type_error(format!("unhashable type: '{tn}'"));
                        }
                        Some(f)
                            if matches!(
                                f.as_ref().map(|x| self.heap.get(x)),
                                Some(Object::Function(_))
                            ) =>
                        {
                            let m = self.lookup_special(v, sym::HASH).expect("hash method");
                            let r = self.call_sync(m, Vec::new(), Vec::new());
                            self.heap.decref(m);
                            let r = r?;
                            match self.int_ref(r) {
                                Some(IntRef::Small(i)) => st::hash_int_i64(i),
                                Some(IntRef::Big(b)) => {
                                    let h = st::hash_bigint(b);
                                    self.heap.decref(r);
                                    h
                                }
                                None => {
                                    self.heap.decref(r);
                                    return self
                                        .type_error("__hash__ method should return an integer");
                                }
                            }
                        }
                        _ => match self.payload(v) {
                            Some(b) => self.hash_value(b)?,
                            None => st::hash_pointer(self.id_of(v)),
                        },
                    }
                }
                Object::Range(..) | Object::BigRange(_) => self.range_hash(r),
                Object::BoundMethod(this, func) => {
                    let (this, func) = (*this, *func);
                    st::hash_pointer(self.id_of(this)) ^ self.hash_value(func)?
                }
                _ => st::hash_pointer(self.id_of(v)),
            },
        })
    }

    /// `id(v)`: deterministic, derived from the slot.
    #[must_use]
    pub fn id_of(&self, v: Value) -> i64 {
        match v {
            Value::Obj(r) => 0x7f00_0000_0000 + i64::from(r.0) * 0x40,
            Value::Int(i) => 0x5f00_0000_0000 + i.wrapping_mul(32),
            Value::None => 0x5e00_0000_0010,
            Value::Bool(b) => 0x5e00_0000_0020 + i64::from(b) * 0x20,
            Value::Float(f) => 0x5d00_0000_0000 + (f.to_bits() as i64 & 0xffff_ffff),
            _ => 0x5e00_0000_0100,
        }
    }

    /// `item in container`.
    pub(crate) fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        let Some(r) = container.as_ref() else {
            let tn = self.type_name(container);
            return self.type_error(format!("argument of type '{tn}' is not iterable"));
        };
        match self.heap.get(r) {
            Object::Str(s) => match item.as_ref().map(|x| self.heap.get(x)) {
                Some(Object::Str(sub)) => Ok(s.contains(&**sub)),
                _ => {
                    let tn = self.type_name(item);
                    self.type_error(format!(
                        "'in <string>' requires string as left operand, not {tn}"
                    ))
                }
            },
            Object::Bytes(_) | Object::ByteArray(_) => {
                let data = self.as_bytes_like(container).unwrap_or(&[]).to_vec();
                self.bytes_contains(&data, item)
            }
            Object::List(items) => {
                let items = items.clone();
                for it in items {
                    if self.eq(it, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Object::Tuple(items) => {
                let items = items.to_vec();
                for it in items {
                    if self.eq(it, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Object::Deque(d) => {
                let items: Vec<Value> = d.items.iter().copied().collect();
                for it in items {
                    if self.eq(it, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Object::Dict(_) | Object::Set(..) => {
                let h = self.hash_value(item)?;
                Ok(self.dict_find(r, item, h)?.is_some())
            }
            Object::Range(..) | Object::BigRange(_) => self.range_contains(r, container, item),
            // Instances, and classes whose metaclass may define the protocol.
            o @ (Object::Instance(_) | Object::Class(_)) if !matches!(o, Object::Class(c) if c.meta.is_none()) =>
            {
                if let Some(m) = self.lookup_special(container, sym::CONTAINS) {
                    self.heap.incref(item);
                    let res = self.call_sync(m, vec![item], Vec::new());
                    self.heap.decref(m);
                    let res = res?;
                    let t = self.truthy(res);
                    self.heap.decref(res);
                    return t;
                }
                if let Some(b) = self.payload(container) {
                    return self.contains(b, item);
                }
                self.contains_by_iter(container, item)
            }
            Object::Iter(_) | Object::Generator(_) => self.contains_by_iter(container, item),
            _ => {
                let tn = self.type_name(container);
                self.type_error(format!("argument of type '{tn}' is not iterable"))
            }
        }
    }

    pub(crate) fn contains_by_iter(&mut self, container: Value, item: Value) -> PyResult<bool> {
        let it = self.get_iter_sync(container)?;
        loop {
            match self.next_sync(it) {
                Ok(Some(v)) => {
                    let e = self.eq(v, item);
                    self.heap.decref(v);
                    match e {
                        Ok(true) => {
                            self.heap.decref(it);
                            return Ok(true);
                        }
                        Ok(false) => {}
                        Err(e) => {
                            self.heap.decref(it);
                            return Err(e);
                        }
                    }
                }
                Ok(None) => {
                    self.heap.decref(it);
                    return Ok(false);
                }
                Err(e) => {
                    self.heap.decref(it);
                    return Err(e);
                }
            }
        }
    }

    /// The text of a `str` value.
    #[must_use]
    pub fn as_str(&self, v: Value) -> Option<&str> {
        match v.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Str(s)) => Some(s),
            _ => None,
        }
    }

    /// A new empty dict.
    pub fn new_dict(&mut self) -> Value {
        Value::Obj(self.heap.alloc(Object::Dict(Box::default())))
    }

    /// A new empty set or frozenset.
    pub fn new_set(&mut self, frozen: bool) -> Value {
        Value::Obj(
            self.heap
                .alloc(Object::Set(Box::new(Dict::new_set()), frozen)),
        )
    }

    fn is_simple_key(&self, v: Value) -> bool {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Object::Str(_) | Object::BigInt(_) | Object::Bytes(_) => true,
                Object::Tuple(t) => t.iter().all(|x| self.is_simple_key(*x)),
                _ => false,
            },
            _ => true,
        }
    }

    /// Position of `key` in a dict or set, comparing as Python does.
    pub(crate) fn dict_find(&mut self, d: Ref, key: Value, hash: i64) -> PyResult<Option<usize>> {
        if self.is_simple_key(key) {
            let heap = &self.heap;
            let found = match heap.get(d) {
                Object::Dict(dd) | Object::Set(dd, _) => dd.find(hash, |k| simple_eq(heap, k, key)),
                _ => None,
            };
            if found.is_some() {
                return Ok(found);
            }
            // A stored key may be a user object equal to this simple one.
            let mut cands = Vec::new();
            if let Object::Dict(dd) | Object::Set(dd, _) = self.heap.get(d) {
                dd.candidates(hash, &mut cands);
            }
            for pos in cands {
                let k = match self.heap.get(d) {
                    Object::Dict(dd) | Object::Set(dd, _) => dd.entry(pos).map(|e| e.key),
                    _ => None,
                };
                if let Some(k) = k {
                    if self.is_user_object(k) && self.eq(k, key)? {
                        return Ok(Some(pos));
                    }
                }
            }
            return Ok(None);
        }
        let mut cands = Vec::new();
        if let Object::Dict(dd) | Object::Set(dd, _) = self.heap.get(d) {
            dd.candidates(hash, &mut cands);
        }
        for pos in cands {
            let k = match self.heap.get(d) {
                Object::Dict(dd) | Object::Set(dd, _) => dd.entry(pos).map(|e| e.key),
                _ => None,
            };
            if let Some(k) = k {
                if k.is(key) || self.eq(k, key)? {
                    return Ok(Some(pos));
                }
            }
        }
        Ok(None)
    }

    fn dict_of(&mut self, d: Ref) -> &mut Dict {
        match self.heap.get_mut(d) {
            Object::Dict(dd) | Object::Set(dd, _) => dd,
            _ => unreachable!("dict expected"),
        }
    }

    /// `d[key] = value` (both borrowed).
    pub fn dict_set(&mut self, d: Value, key: Value, value: Value) -> PyResult<()> {
        let dr = d.as_ref().expect("dict");
        let h = self.hash_value(key)?;
        self.heap.incref(value);
        let namespace = match self.dict_find(dr, key, h)? {
            Some(pos) => {
                let dd = self.dict_of(dr);
                let old = dd.set_at(pos, value);
                let ns = dd.namespace;
                self.heap.decref(old);
                ns
            }
            None => {
                self.heap.incref(key);
                let dd = self.dict_of(dr);
                dd.push_new(h, key, value);
                dd.namespace
            }
        };
        if let Some(m) = namespace {
            self.namespace_changed(m, key, Some(value));
        }
        Ok(())
    }

    /// `d.get(key)` (borrowed result).
    pub fn dict_get(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let dr = d.as_ref().expect("dict");
        let h = self.hash_value(key)?;
        Ok(self
            .dict_find(dr, key, h)?
            .and_then(|pos| match self.heap.get(dr) {
                Object::Dict(dd) => dd.entry(pos).map(|e| e.value),
                _ => None,
            }))
    }

    /// Removes a key; returns the owned value.
    pub fn dict_remove(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let dr = d.as_ref().expect("dict");
        let h = self.hash_value(key)?;
        match self.dict_find(dr, key, h)? {
            Some(pos) => {
                let dd = self.dict_of(dr);
                let e = dd.remove_at(pos);
                if let Some(m) = dd.namespace {
                    self.namespace_changed(m, e.key, None);
                }
                self.heap.decref(e.key);
                Ok(Some(e.value))
            }
            None => Ok(None),
        }
    }

    /// Adds to a set (borrowed).
    pub fn set_add_value(&mut self, s: Value, key: Value) -> PyResult<()> {
        let sr = s.as_ref().expect("set");
        let h = self.hash_value(key)?;
        if self.dict_find(sr, key, h)?.is_none() {
            self.heap.incref(key);
            self.dict_of(sr).push_new(h, key, Value::None);
        }
        Ok(())
    }

    /// Fills a dict from `(key, value)` pairs.
    pub(crate) fn dict_fill_pairs(&mut self, d: Value, pairs: &[Value]) -> PyResult<()> {
        for (i, p) in pairs.iter().enumerate() {
            let kv = self.collect_sync(*p)?;
            if kv.len() != 2 {
                let n = kv.len();
                self.heap.decref_all(kv);
                return self.value_error(format!(
                    "dictionary update sequence element #{i} has length {n}; 2 is required"
                ));
            }
            let r = self.dict_set(d, kv[0], kv[1]);
            self.heap.decref_all(kv);
            r?;
        }
        Ok(())
    }

    /// `d.update(src)` for a mapping or an iterable of pairs (borrowed).
    pub(crate) fn dict_update_from(&mut self, d: Value, src: Value) -> PyResult<()> {
        let src = self.merge_source(src);
        let entries: Option<Vec<(Value, Value)>> = match src.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Dict(s)) => Some(s.iter().map(|e| (e.key, e.value)).collect()),
            _ => None,
        };
        if let Some(entries) = entries {
            for (k, v) in entries {
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        if self.is_user_object(src) {
            let keys_sym = self.sym("keys");
            let km = match self.get_attr(src, keys_sym) {
                Ok(km) => Some(km),
                Err(e) if self.is_instance_of_exc(e, ExcType::AttributeError) => {
                    self.heap.decref(e);
                    None
                }
                Err(e) => return Err(e),
            };
            if let Some(km) = km {
                let keys = self.call_sync(km, Vec::new(), Vec::new());
                self.heap.decref(km);
                let keys = keys?;
                let ks = self.collect_sync(keys);
                self.heap.decref(keys);
                for k in ks? {
                    let v = self.get_item_sync(src, k)?;
                    self.dict_set(d, k, v)?;
                    self.heap.decref(k);
                    self.heap.decref(v);
                }
                return Ok(());
            }
        }
        let pairs = self.collect_sync(src)?;
        let r = self.dict_fill_pairs(d, &pairs);
        self.heap.decref_all(pairs);
        r
    }

    /// A shallow copy of a dict, keeping its flavour.
    pub(crate) fn dict_copy(&mut self, d: Value) -> PyResult<Value> {
        let (entries, flavor): (Vec<(Value, Value)>, DictFlavor) =
            match d.as_ref().map(|r| self.heap.get(r)) {
                Some(Object::Dict(s)) => (s.iter().map(|e| (e.key, e.value)).collect(), s.flavor),
                _ => (Vec::new(), DictFlavor::Plain),
            };
        let nd = self.new_dict();
        if let DictFlavor::Default(f) = flavor {
            self.heap.incref(f);
        }
        self.dict_of(nd.as_ref().expect("dict")).flavor = flavor;
        for (k, v) in entries {
            self.dict_set(nd, k, v)?;
        }
        Ok(nd)
    }

    /// Normalizes an index for a sequence of `len` (negative from the end).
    pub(crate) fn seq_index(
        &mut self,
        key: Value,
        len: usize,
        what: &str,
    ) -> PyResult<Option<usize>> {
        let i = match key {
            Value::Int(i) => i,
            Value::Bool(b) => i64::from(b),
            _ => match self.int_ref(key) {
                Some(IntRef::Big(_)) => {
                    return self.err(
                        ExcType::IndexError,
                        "cannot fit 'int' into an index-sized integer",
                    )
                }
                _ => {
                    let tn = self.type_name(key);
                    if what == "string" {
                        return self
                            .type_error(format!("string indices must be integers, not '{tn}'"));
                    }
                    return self.type_error(format!(
                        "{what} indices must be integers or slices, not {tn}"
                    ));
                }
            },
        };
        let len = len as i64;
        let j = if i < 0 { i + len } else { i };
        if j < 0 || j >= len {
            return Ok(None);
        }
        Ok(Some(j as usize))
    }

    /// `slice.indices(len)`.
    pub(crate) fn slice_indices(&mut self, s: Ref, len: usize) -> PyResult<(i64, i64, i64)> {
        let Object::Slice(a, b, c) = self.heap.get(s) else {
            unreachable!()
        };
        let (a, b, c) = (*a, *b, *c);
        let get = |vm: &mut Vm, v: Value| -> PyResult<Option<i64>> {
            match v {
                Value::None => Ok(None),
                Value::Int(i) => Ok(Some(i)),
                Value::Bool(b) => Ok(Some(i64::from(b))),
                other => match vm.int_ref(other) {
                    Some(IntRef::Big(b)) => Ok(Some(if b.is_negative() {
                        i64::MIN / 2
                    } else {
                        i64::MAX / 2
                    })),
                    _ => vm.type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    ),
                },
            }
        };
        let step = get(self, c)?.unwrap_or(1);
        if step == 0 {
            return self.value_error("slice step cannot be zero");
        }
        let len = len as i64;
        let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let fix = |v: Option<i64>, default: i64| -> i64 {
            match v {
                None => default,
                Some(x) if x < 0 => (x + len).max(lo),
                Some(x) => x.min(hi),
            }
        };
        let start = fix(get(self, a)?, if step < 0 { hi } else { lo });
        let stop = fix(get(self, b)?, if step < 0 { lo } else { hi });
        Ok((start, stop, step))
    }

    fn slice_positions(&mut self, s: Ref, len: usize) -> PyResult<Vec<usize>> {
        let (start, stop, step) = self.slice_indices(s, len)?;
        let mut out = Vec::new();
        let mut i = start;
        while (step > 0 && i < stop) || (step < 0 && i > stop) {
            out.push(i as usize);
            i += step;
        }
        Ok(out)
    }

    /// `obj[key]`; `None` when a frame was pushed for `__getitem__`.
    #[allow(clippy::too_many_lines)]
    pub(crate) fn get_item(&mut self, obj: Value, key: Value) -> PyResult<Option<Value>> {
        let Some(r) = obj.as_ref() else {
            let tn = self.type_name(obj);
            return self.type_error(format!("'{tn}' object is not subscriptable"));
        };
        let slice = key
            .as_ref()
            .filter(|k| matches!(self.heap.get(*k), Object::Slice(..)));
        match self.heap.get(r) {
            Object::Bytes(_) | Object::ByteArray(_) => Ok(Some(self.bytes_get_item(r, key)?)),
            Object::List(items) => {
                let len = items.len();
                if let Some(s) = slice {
                    let pos = self.slice_positions(s, len)?;
                    let Object::List(items) = self.heap.get(r) else {
                        unreachable!()
                    };
                    let out: Vec<Value> = pos.iter().map(|&i| items[i]).collect();
                    for v in &out {
                        self.heap.incref(*v);
                    }
                    return Ok(Some(self.list(out)));
                }
                match self.seq_index(key, len, "list")? {
                    Some(i) => {
                        let Object::List(items) = self.heap.get(r) else {
                            unreachable!()
                        };
                        let v = items[i];
                        self.heap.incref(v);
                        Ok(Some(v))
                    }
                    None => self.err(ExcType::IndexError, "list index out of range"),
                }
            }
            Object::Tuple(items) => {
                let len = items.len();
                if let Some(s) = slice {
                    let pos = self.slice_positions(s, len)?;
                    let Object::Tuple(items) = self.heap.get(r) else {
                        unreachable!()
                    };
                    let out: Vec<Value> = pos.iter().map(|&i| items[i]).collect();
                    for v in &out {
                        self.heap.incref(*v);
                    }
                    return Ok(Some(self.tuple(out)));
                }
                match self.seq_index(key, len, "tuple")? {
                    Some(i) => {
                        let Object::Tuple(items) = self.heap.get(r) else {
                            unreachable!()
                        };
                        let v = items[i];
                        self.heap.incref(v);
                        Ok(Some(v))
                    }
                    None => self.err(ExcType::IndexError, "tuple index out of range"),
                }
            }
            Object::Str(s) if s.is_ascii() => {
                let len = s.len();
                if let Some(sl) = slice {
                    let (start, stop, step) = self.slice_indices(sl, len)?;
                    let Object::Str(s) = self.heap.get(r) else {
                        unreachable!()
                    };
                    let bytes = s.as_bytes();
                    let out: String = if step == 1 {
                        if start < stop {
                            s[start as usize..stop as usize].to_string()
                        } else {
                            String::new()
                        }
                    } else {
                        let mut out = String::new();
                        let mut i = start;
                        while (step > 0 && i < stop) || (step < 0 && i > stop) {
                            out.push(char::from(bytes[i as usize]));
                            i += step;
                        }
                        out
                    };
                    return Ok(Some(self.str_value(&out)));
                }
                match self.seq_index(key, len, "string")? {
                    Some(i) => {
                        let Object::Str(s) = self.heap.get(r) else {
                            unreachable!()
                        };
                        let b = s.as_bytes()[i];
                        Ok(Some(self.ascii_char(b)))
                    }
                    None => self.err(ExcType::IndexError, "string index out of range"),
                }
            }
            Object::Str(s) => {
                let chars: Vec<char> = s.chars().collect();
                if let Some(sl) = slice {
                    let pos = self.slice_positions(sl, chars.len())?;
                    let out: String = pos.iter().map(|&i| chars[i]).collect();
                    return Ok(Some(self.str_value(&out)));
                }
                match self.seq_index(key, chars.len(), "string")? {
                    Some(i) => {
                        let c = chars[i].to_string();
                        Ok(Some(self.str_value(&c)))
                    }
                    None => self.err(ExcType::IndexError, "string index out of range"),
                }
            }
            Object::Range(..) | Object::BigRange(_) => self.range_subscript(r, key).map(Some),
            Object::Deque(d) => {
                let len = d.items.len();
                match self.seq_index(key, len, "sequence")? {
                    Some(i) => {
                        let Object::Deque(d) = self.heap.get(r) else {
                            unreachable!()
                        };
                        let v = d.items[i];
                        self.heap.incref(v);
                        Ok(Some(v))
                    }
                    None => self.err(ExcType::IndexError, "deque index out of range"),
                }
            }
            Object::Dict(d) => {
                let flavor = d.flavor;
                if let Some(v) = self.dict_get(obj, key)? {
                    self.heap.incref(v);
                    return Ok(Some(v));
                }
                match flavor {
                    DictFlavor::Default(f) if f != Value::None => {
                        let v = self.call_sync(f, Vec::new(), Vec::new())?;
                        self.dict_set(obj, key, v)?;
                        Ok(Some(v))
                    }
                    DictFlavor::Counter => Ok(Some(Value::Int(0))),
                    _ => {
                        self.heap.incref(key);
                        let args = self.tuple(vec![key]);
                        Err(self.make_exception(self.b.exc(ExcType::KeyError), args))
                    }
                }
            }
            Object::Instance(_) if self.payload_unless(obj, sym::GETITEM).is_some() => {
                let b = self.payload(obj).unwrap_or(obj);
                self.payload_getitem(obj, b, key).map(Some)
            }
            Object::Instance(_) => match self.lookup_special(obj, sym::GETITEM) {
                Some(m) => {
                    self.heap.incref(key);
                    let out =
                        self.call_value(m, vec![key], Vec::new(), crate::frame::RetMode::Push);
                    self.heap.decref(m);
                    out
                }
                None => match self.payload(obj) {
                    Some(b) => self.payload_getitem(obj, b, key).map(Some),
                    None => {
                        let tn = self.type_name(obj);
                        self.type_error(format!("'{tn}' object is not subscriptable"))
                    }
                },
            },
            Object::Class(c) => {
                // A metaclass's `__getitem__` (`Color['RED']` on an enum).
                if c.meta.is_some() {
                    if let Some(m) = self.lookup_special(obj, sym::GETITEM) {
                        self.heap.incref(key);
                        let out =
                            self.call_value(m, vec![key], Vec::new(), crate::frame::RetMode::Push);
                        self.heap.decref(m);
                        return out;
                    }
                }
                if let Some(out) = self.class_getitem(r, key, crate::frame::RetMode::Push) {
                    return out;
                }
                // `list[int]` and friends: return the class unchanged.
                self.heap.incref(obj);
                Ok(Some(obj))
            }
            _ => {
                let tn = self.type_name(obj);
                self.type_error(format!("'{tn}' object is not subscriptable"))
            }
        }
    }

    /// `obj[key]`, waiting for `__getitem__` if needed.
    pub(crate) fn get_item_sync(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        // A built-in subclass without its own `__getitem__` (a dict
        // subclass's `__missing__`) is answered by `get_item`.
        if self.is_user_object(obj) && self.payload_unless(obj, sym::GETITEM).is_none() {
            if let Some(m) = self.lookup_special(obj, sym::GETITEM) {
                self.heap.incref(key);
                let r = self.call_sync(m, vec![key], Vec::new());
                self.heap.decref(m);
                return r;
            }
        }
        match self.get_item(obj, key)? {
            Some(v) => Ok(v),
            None => unreachable!("only instances push frames"),
        }
    }

    /// `obj[key] = v` (all borrowed).
    pub(crate) fn set_item(&mut self, obj: Value, key: Value, v: Value) -> PyResult<()> {
        let Some(r) = obj.as_ref() else {
            let tn = self.type_name(obj);
            return self.type_error(format!("'{tn}' object does not support item assignment"));
        };
        let slice = key
            .as_ref()
            .filter(|k| matches!(self.heap.get(*k), Object::Slice(..)));
        match self.heap.get(r) {
            Object::List(items) => {
                let len = items.len();
                if let Some(s) = slice {
                    let new = self.collect_sync(v)?;
                    let (start, stop, step) = self.slice_indices(s, len)?;
                    if step == 1 {
                        let stop = stop.max(start);
                        if let Object::List(items) = self.heap.get_mut(r) {
                            let old: Vec<Value> =
                                items.splice(start as usize..stop as usize, new).collect();
                            self.heap.decref_all(old.into_iter().rev());
                        }
                        return Ok(());
                    }
                    let pos = self.slice_positions(s, len)?;
                    if pos.len() != new.len() {
                        let (a, b) = (new.len(), pos.len());
                        self.heap.decref_all(new);
                        return self.value_error(format!(
                            "attempt to assign sequence of size {a} to extended slice of size {b}"
                        ));
                    }
                    for (p, nv) in pos.into_iter().zip(new) {
                        if let Object::List(items) = self.heap.get_mut(r) {
                            let old = std::mem::replace(&mut items[p], nv);
                            self.heap.decref(old);
                        }
                    }
                    return Ok(());
                }
                match self.seq_index(key, len, "list")? {
                    Some(i) => {
                        self.heap.incref(v);
                        if let Object::List(items) = self.heap.get_mut(r) {
                            let old = std::mem::replace(&mut items[i], v);
                            self.heap.decref(old);
                        }
                        Ok(())
                    }
                    None => self.err(ExcType::IndexError, "list assignment index out of range"),
                }
            }
            Object::Dict(_) => self.dict_set(obj, key, v),
            Object::ByteArray(_) => self.bytearray_set_item(r, key, v),
            Object::Deque(d) => {
                let len = d.items.len();
                match self.seq_index(key, len, "sequence")? {
                    Some(i) => {
                        self.heap.incref(v);
                        if let Object::Deque(d) = self.heap.get_mut(r) {
                            let old = std::mem::replace(&mut d.items[i], v);
                            self.heap.decref(old);
                        }
                        Ok(())
                    }
                    None => self.err(ExcType::IndexError, "deque index out of range"),
                }
            }
            Object::Instance(_) => match self.lookup_special(obj, sym::SETITEM) {
                Some(m) => {
                    self.heap.incref(key);
                    self.heap.incref(v);
                    let out = self.call_sync(m, vec![key, v], Vec::new());
                    self.heap.decref(m);
                    self.heap.decref(out?);
                    Ok(())
                }
                None if self.payload(obj).is_some() => {
                    let b = self.payload(obj).unwrap_or(obj);
                    self.set_item(b, key, v)
                }
                None => {
                    let tn = self.type_name(obj);
                    self.type_error(format!("'{tn}' object does not support item assignment"))
                }
            },
            _ => {
                let tn = self.type_name(obj);
                self.type_error(format!("'{tn}' object does not support item assignment"))
            }
        }
    }

    /// `del obj[key]`.
    pub(crate) fn del_item(&mut self, obj: Value, key: Value) -> PyResult<()> {
        let Some(r) = obj.as_ref() else {
            let tn = self.type_name(obj);
            return self.type_error(format!("'{tn}' object does not support item deletion"));
        };
        let slice = key
            .as_ref()
            .filter(|k| matches!(self.heap.get(*k), Object::Slice(..)));
        match self.heap.get(r) {
            Object::List(items) => {
                let len = items.len();
                if let Some(s) = slice {
                    let pos = self.slice_positions(s, len)?;
                    let mut removed = Vec::new();
                    if let Object::List(items) = self.heap.get_mut(r) {
                        let set: std::collections::BTreeSet<usize> = pos.into_iter().collect();
                        let mut keep = Vec::with_capacity(items.len());
                        for (i, v) in items.drain(..).enumerate() {
                            if set.contains(&i) {
                                removed.push(v);
                            } else {
                                keep.push(v);
                            }
                        }
                        *items = keep;
                    }
                    self.heap.decref_all(removed.into_iter().rev());
                    return Ok(());
                }
                match self.seq_index(key, len, "list")? {
                    Some(i) => {
                        let old = match self.heap.get_mut(r) {
                            Object::List(items) => items.remove(i),
                            _ => unreachable!(),
                        };
                        self.heap.decref(old);
                        Ok(())
                    }
                    None => self.err(ExcType::IndexError, "list assignment index out of range"),
                }
            }
            Object::ByteArray(_) => self.bytearray_del_item(r, key),
            Object::Dict(_) => match self.dict_remove(obj, key)? {
                Some(v) => {
                    self.heap.decref(v);
                    Ok(())
                }
                None => {
                    self.heap.incref(key);
                    let args = self.tuple(vec![key]);
                    Err(self.make_exception(self.b.exc(ExcType::KeyError), args))
                }
            },
            Object::Deque(d) => {
                let len = d.items.len();
                match self.seq_index(key, len, "sequence")? {
                    Some(i) => {
                        let old = match self.heap.get_mut(r) {
                            Object::Deque(d) => d.items.remove(i),
                            _ => None,
                        };
                        if let Some(o) = old {
                            self.heap.decref(o);
                        }
                        Ok(())
                    }
                    None => self.err(ExcType::IndexError, "deque index out of range"),
                }
            }
            Object::Instance(_) => match self.lookup_special(obj, sym::DELITEM) {
                Some(m) => {
                    self.heap.incref(key);
                    let out = self.call_sync(m, vec![key], Vec::new());
                    self.heap.decref(m);
                    self.heap.decref(out?);
                    Ok(())
                }
                None if self.payload(obj).is_some() => {
                    let b = self.payload(obj).unwrap_or(obj);
                    self.del_item(b, key)
                }
                None => {
                    let tn = self.type_name(obj);
                    self.type_error(format!("'{tn}' object does not support item deletion"))
                }
            },
            Object::Str(_) | Object::Tuple(_) | Object::Bytes(_) if self.int_ref(key).is_some() => {
                // CPython's sequence path words it differently.
                let tn = self.type_name(obj);
                self.type_error(format!("'{tn}' object doesn't support item deletion"))
            }
            _ => {
                let tn = self.type_name(obj);
                self.type_error(format!("'{tn}' object does not support item deletion"))
            }
        }
    }

    /// Unpacking for assignment: `n` items, or `n` before a star and `after` after it.
    pub(crate) fn unpack(
        &mut self,
        v: Value,
        n: usize,
        after: Option<usize>,
    ) -> PyResult<Vec<Value>> {
        let items = match self.collect_sync(v) {
            Ok(items) => items,
            Err(e) => {
                if self.is_instance_of_exc(e, ExcType::TypeError) && !self.is_user_object(v) {
                    let tn = self.type_name(v);
                    if !matches!(
                        v.as_ref().map(|r| self.heap.get(r)),
                        Some(Object::Iter(_) | Object::Generator(_))
                    ) {
                        self.heap.decref(e);
                        return self.type_error(format!("cannot unpack non-iterable {tn} object"));
                    }
                }
                return Err(e);
            }
        };
        match after {
            None => {
                if items.len() != n {
                    let got = items.len();
                    self.heap.decref_all(items);
                    if got > n {
                        return self
                            .value_error(format!("too many values to unpack (expected {n})"));
                    }
                    return self.value_error(format!(
                        "not enough values to unpack (expected {n}, got {got})"
                    ));
                }
                Ok(items)
            }
            Some(after) => {
                if items.len() < n + after {
                    let got = items.len();
                    self.heap.decref_all(items);
                    return self.value_error(format!(
                        "not enough values to unpack (expected at least {}, got {got})",
                        n + after
                    ));
                }
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let mid = items.split_off(n);
                let l = self.list(mid);
                items.push(l);
                items.extend(tail);
                Ok(items)
            }
        }
    }

    /// Does an exception match an `except` clause's type (class or tuple)?
    pub(crate) fn exception_matches(&mut self, exc: Value, ty: Value) -> PyResult<bool> {
        let cls = self.class_ref(exc);
        match ty.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Class(_)) => {
                let t = ty.as_ref().expect("class");
                if !self.is_exception_class(t) {
                    return self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    );
                }
                Ok(self.class_is_subclass(cls, t))
            }
            Some(Object::Tuple(items)) => {
                let items = items.to_vec();
                for it in items {
                    if self.exception_matches(exc, it)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ),
        }
    }

    fn set_binop(&mut self, op: BinOp, a: Value, b: Value, inplace: bool) -> PyResult<Value> {
        let frozen = matches!(
            a.as_ref().map(|r| self.heap.get(r)),
            Some(Object::Set(_, true))
        );
        let keys = |vm: &Vm, s: Value| -> Vec<Value> {
            match s.as_ref().map(|r| vm.heap.get(r)) {
                Some(Object::Set(d, _)) => d.iter().map(|e| e.key).collect(),
                _ => Vec::new(),
            }
        };
        let (ka, kb) = (keys(self, a), keys(self, b));
        let out = if inplace && !frozen {
            a
        } else {
            self.new_set(frozen)
        };
        if out == a {
            self.heap.incref(a);
        }
        let mut result: Vec<Value> = Vec::new();
        match op {
            BinOp::Or => {
                result.extend(ka.iter().copied());
                result.extend(kb.iter().copied());
            }
            BinOp::And => {
                for k in &ka {
                    if self.contains(b, *k)? {
                        result.push(*k);
                    }
                }
            }
            BinOp::Sub => {
                for k in &ka {
                    if !self.contains(b, *k)? {
                        result.push(*k);
                    }
                }
            }
            BinOp::Xor => {
                for k in &ka {
                    if !self.contains(b, *k)? {
                        result.push(*k);
                    }
                }
                for k in &kb {
                    if !self.contains(a, *k)? {
                        result.push(*k);
                    }
                }
            }
            _ => unreachable!(),
        }
        if out == a {
            for k in &result {
                self.heap.incref(*k);
            }
            let old = self.dict_of(a.as_ref().expect("set")).take_all();
            for e in old {
                self.heap.decref(e.key);
            }
            for k in result.iter().copied() {
                self.set_add_value(a, k)?;
            }
            self.heap.decref_all(result);
        } else {
            for k in result {
                self.set_add_value(out, k)?;
            }
        }
        Ok(out)
    }

    fn set_order(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<bool> {
        let (la, lb) = (self.len_of(a)?, self.len_of(b)?);
        let sub = |vm: &mut Vm, x: Value, y: Value| -> PyResult<bool> {
            let keys: Vec<Value> = match x.as_ref().map(|r| vm.heap.get(r)) {
                Some(Object::Set(d, _)) => d.iter().map(|e| e.key).collect(),
                _ => Vec::new(),
            };
            for k in keys {
                if !vm.contains(y, k)? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        Ok(match op {
            CmpOp::Le => sub(self, a, b)?,
            CmpOp::Lt => la < lb && sub(self, a, b)?,
            CmpOp::Ge => sub(self, b, a)?,
            CmpOp::Gt => la > lb && sub(self, b, a)?,
            _ => false,
        })
    }

    fn counter_binop(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        let ea: Vec<(Value, Value)> = match a.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Dict(d)) => d.iter().map(|e| (e.key, e.value)).collect(),
            _ => Vec::new(),
        };
        let eb: Vec<(Value, Value)> = match b.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Dict(d)) => d.iter().map(|e| (e.key, e.value)).collect(),
            _ => Vec::new(),
        };
        let out = self.new_dict();
        self.dict_of(out.as_ref().expect("dict")).flavor = DictFlavor::Counter;
        if matches!(op, BinOp::And | BinOp::Or) {
            let is_or = op == BinOp::Or;
            for (k, v) in &ea {
                let other = self.dict_get(b, *k)?;
                let pick = match other {
                    Some(o) => {
                        let bigger = self.compare_bool(CmpOp::Lt, *v, o)?;
                        if bigger == is_or {
                            o
                        } else {
                            *v
                        }
                    }
                    None if is_or => *v,
                    None => continue,
                };
                if self.compare_bool(CmpOp::Gt, pick, Value::Int(0))? {
                    self.dict_set(out, *k, pick)?;
                }
            }
            if is_or {
                for (k, v) in &eb {
                    if self.dict_get(a, *k)?.is_none()
                        && self.compare_bool(CmpOp::Gt, *v, Value::Int(0))?
                    {
                        self.dict_set(out, *k, *v)?;
                    }
                }
            }
            return Ok(out);
        }
        for (k, v) in &ea {
            let other = self.dict_get(b, *k)?.unwrap_or(Value::Int(0));
            let r = self.binary_op(op, *v, other, false)?;
            if self.compare_bool(CmpOp::Gt, r, Value::Int(0))? {
                self.dict_set(out, *k, r)?;
            }
            self.heap.decref(r);
        }
        if op == BinOp::Add {
            for (k, v) in &eb {
                if self.dict_get(a, *k)?.is_none()
                    && self.compare_bool(CmpOp::Gt, *v, Value::Int(0))?
                {
                    self.dict_set(out, *k, *v)?;
                }
            }
        }
        Ok(out)
    }
}

/// The largest sequence `*` builds (in bytes or items) before raising
/// `MemoryError`.
pub(crate) const MAX_REPEAT: usize = 1 << 32;

/// Equality of simple keys without running Python code.
/// `obj[key]` for the common cases that need no call and cannot fail: a
/// list or tuple indexed by an int in range, a dict (of any flavour) holding
/// a str or int key, an ASCII str indexed by an int in range whose
/// one-character string exists already (`chars`, the VM's shared ones).
/// The item is borrowed. `None`: take the general path.
#[inline]
pub(crate) fn subscript_fast(
    heap: &crate::heap::Heap,
    chars: &[Option<Ref>],
    obj: Value,
    key: Value,
) -> Option<Value> {
    let Value::Obj(r) = obj else { return None };
    let index = |len: usize, i: i64| {
        let i = if i < 0 { i + len as i64 } else { i };
        (0..len as i64).contains(&i).then_some(i as usize)
    };
    match (heap.get(r), key) {
        (Object::List(items), Value::Int(i)) => index(items.len(), i).map(|i| items[i]),
        (Object::Tuple(items), Value::Int(i)) => index(items.len(), i).map(|i| items[i]),
        (Object::Str(s), Value::Int(i)) if s.is_ascii() => {
            let b = s.as_bytes()[index(s.len(), i)?];
            chars.get(usize::from(b)).copied().flatten().map(Value::Obj)
        }
        (Object::Dict(d), Value::Int(i)) => {
            let pos = d.find(st::hash_int_i64(i), |k| simple_eq(heap, k, key))?;
            d.entry(pos).map(|e| e.value)
        }
        (Object::Dict(d), Value::Obj(k)) => {
            let Object::Str(ks) = heap.get(k) else {
                return None;
            };
            let pos = d.find(str_hash(ks), |k| simple_eq(heap, k, key))?;
            d.entry(pos).map(|e| e.value)
        }
        _ => None,
    }
}

fn simple_eq(heap: &crate::heap::Heap, a: Value, b: Value) -> bool {
    if a.is(b) {
        return true;
    }
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Int(x), Value::Bool(y)) | (Value::Bool(y), Value::Int(x)) => x == i64::from(y),
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Float(f), Value::Int(i)) | (Value::Int(i), Value::Float(f)) => {
            f == i as f64 && f.fract() == 0.0 && (f as i64) == i
        }
        (Value::Float(f), Value::Bool(b)) | (Value::Bool(b), Value::Float(f)) => {
            f == f64::from(u8::from(b))
        }
        (Value::Obj(x), Value::Obj(y)) => match (heap.get(x), heap.get(y)) {
            (Object::Str(p), Object::Str(q)) => p == q,
            (Object::Bytes(p), Object::Bytes(q)) => p == q,
            (Object::BigInt(p), Object::BigInt(q)) => p == q,
            (Object::Tuple(p), Object::Tuple(q)) => {
                p.len() == q.len() && p.iter().zip(q.iter()).all(|(m, n)| simple_eq(heap, *m, *n))
            }
            _ => false,
        },
        _ => false,
    }
}

pub(crate) fn float_eq_int(f: f64, i: &BigInt) -> bool {
    if !f.is_finite() || f.fract() != 0.0 {
        return false;
    }
    num_bigint::BigInt::from_f64_exact(f).is_some_and(|b| &b == i)
}

fn float_cmp_int(f: f64, i: &BigInt) -> Option<std::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Less
        });
    }
    let fl = f.floor();
    let b = num_bigint::BigInt::from_f64_exact(fl).unwrap_or_default();
    match b.cmp(i) {
        std::cmp::Ordering::Equal => {
            if f > fl {
                Some(std::cmp::Ordering::Greater)
            } else {
                Some(std::cmp::Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

trait FromF64Exact: Sized {
    fn from_f64_exact(f: f64) -> Option<Self>;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(f: f64) -> Option<Self> {
        num_traits::FromPrimitive::from_f64(f)
    }
}

/// True division of big integers, correctly rounded for the common range.
fn big_true_div(x: &BigInt, y: &BigInt) -> f64 {
    if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64()) {
        if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
            return a as f64 / b as f64;
        }
    }
    // Scale to keep 64 significant bits in the quotient.
    let shift = (x.bits() as i64 - y.bits() as i64 - 64).max(0);
    let (q, _) = if shift > 0 {
        ((x >> shift as usize) / y, 0)
    } else {
        let up = (64 - (x.bits() as i64 - y.bits() as i64)).max(0) as usize;
        return ((x << up) / y).to_f64().unwrap_or(f64::INFINITY) / 2f64.powi(up as i32);
    };
    q.to_f64().unwrap_or(f64::INFINITY) * 2f64.powi(shift as i32)
}

/// Deterministic string hash (CPython's is randomized per run; ours is fixed).
fn str_hash(s: &str) -> i64 {
    bytes_hash(s.as_bytes())
}

/// `hash()` of bytes: the hash of a str over the same (UTF-8) bytes, so
/// `hash(b'abc') == hash('abc')` as in CPython.
fn bytes_hash(s: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let v = (h >> 1) as i64;
    if v == -1 {
        -2
    } else {
        v
    }
}
