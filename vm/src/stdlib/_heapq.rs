//! `_heapq`: the C half of CPython's `heapq`, served by the VM's heap
//! natives (the same functions as its own `heapq`).

/// Installs `heappush`, `heappop`, `heapify`, `heappushpop`, `heapreplace`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::put_funcs(vm, m, "heapq");
}
