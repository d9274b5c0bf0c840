//! Built-in types: a tag per type, its Python name, and the class object the
//! VM creates for it at start-up.

use serde::{Deserialize, Serialize};

macro_rules! type_tags {
    ($($id:ident = $name:expr),* $(,)?) => {
        /// A built-in type.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
        #[allow(missing_docs)]
        pub enum TypeTag { $($id),* }

        impl TypeTag {
            /// Every tag, in declaration order.
            pub const ALL: &'static [TypeTag] = &[$(TypeTag::$id),*];

            /// The type's `__name__`.
            #[must_use]
            pub fn name(self) -> &'static str {
                match self { $(TypeTag::$id => $name),* }
            }
        }
    };
}

type_tags! {
    Object = "object", Type = "type", NoneType = "NoneType", Int = "int", Bool = "bool",
    Float = "float", Str = "str", List = "list", Tuple = "tuple", Dict = "dict", Set = "set",
    FrozenSet = "frozenset", Range = "range", Slice = "slice", Function = "function",
    BuiltinFunction = "builtin_function_or_method", Method = "method",
    Generator = "generator", Cell = "cell", Module = "module", Property = "property",
    StaticMethod = "staticmethod", ClassMethod = "classmethod", Super = "super",
    NotImplementedType = "NotImplementedType", Ellipsis = "ellipsis",
    BaseException = "BaseException", Deque = "deque", DefaultDict = "defaultdict",
    Counter = "Counter", Random = "Random", Partial = "partial", File = "TextIOWrapper",
    Namespace = "dict", Iterator = "iterator", Bytes = "bytes", ByteArray = "bytearray",
    Complex = "complex",
}
