//! Allocator tuning for the one-shot scanning commands (`overdue`,
//! `list`, `report`, `export`). Not for `serve`, a long-running process
//! with many threads, each of whose heaps would keep a 32 MiB pad.

/// glibc's allocator grows each thread's heap a few pages at a time (an
/// `mprotect` per step: about 3 000 of them in a warm `overdue` over
/// 100 000 tickets) and gives freed memory back as soon as it can. Growing
/// by 32 MiB at a time reserves address space only: untouched pages cost
/// no memory (peak RSS unchanged), and the run saves about 4 % of its CPU
/// time (docs/benchmarks.md).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn tune_allocator() {
    // <malloc.h>
    const M_TOP_PAD: i32 = -2;
    unsafe extern "C" {
        fn mallopt(param: i32, value: i32) -> i32;
    }
    // SAFETY: `mallopt` only changes a tuning parameter and takes the
    // allocator's own lock; it is called before the command's work starts.
    unsafe {
        mallopt(M_TOP_PAD, 32 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn tune_allocator() {}
