//! What the benchmarks share: the memory-copy baseline every group is
//! compared with, and the realistic payloads the tests also use.
#![allow(dead_code)]

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId};
use std::hint::black_box;

#[path = "../../tests/common/payloads.rs"]
pub mod payloads;

/// Adds the baseline `memcpy/<len>` to `g`: a plain copy of `bytes` into a
/// buffer of the same size, the figure every other one in the group is
/// measured against (BENCHMARKS.md).
pub fn memcpy_baseline(g: &mut BenchmarkGroup<'_, WallTime>, bytes: &[u8]) {
    g.bench_function(BenchmarkId::new("memcpy", bytes.len()), |b| {
        let mut dst = vec![0u8; bytes.len()];
        b.iter(|| {
            dst.copy_from_slice(black_box(bytes));
            black_box(&dst);
        })
    });
}
