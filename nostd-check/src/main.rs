//! A freestanding x86_64 Linux program (no std, no libc, no C start files)
//! that decodes and re-encodes with `mapi_wire`.
//!
//! It proves two things:
//! - nothing in the library's dependency graph links `std`: if anything
//!   did, `std`'s `panic_impl` lang item would clash with the
//!   `#[panic_handler]` below, and `std`'s libc symbols would be missing
//!   at link time (`-nodefaultlibs`); the build fails either way;
//! - the library works there: built with feature `alloc` (the default) it
//!   runs on the bump allocator below; built without it there is no
//!   `#[global_allocator]` at all, so nothing may allocate.
//!
//! Exit status: 0 when every check passes, 1 otherwise (a panic included).
#![no_std]
#![no_main]

#[cfg(feature = "alloc")]
extern crate alloc;

use mapi_wire::data::{
    PropertyTag, PropertyValue, Restriction, RowCells, RowContext, Utf16Str, ValueContext,
    skip_row_set,
};
use mapi_wire::wire::{Array, Decode, Encode, Reader, SliceSink};

// ---------------------------------------------------------------- runtime

mod mem;

// The entry point: the kernel jumps here with the stack 16-byte aligned and
// no return address; `call` makes the alignment what the Rust ABI expects.
core::arch::global_asm!(
    ".globl _start",
    "_start:",
    "xor ebp, ebp",
    "and rsp, -16",
    "call {entry}",
    "ud2",
    entry = sym entry,
);

extern "C" fn entry() -> ! {
    let failures = run();
    if failures == 0 {
        print("nostd-check: ok\n");
        exit(0)
    } else {
        print("nostd-check: FAILED\n");
        exit(1)
    }
}

/// write(2) to standard error.
fn print(s: &str) {
    // SAFETY: the write system call reads `s.len()` bytes at `s.as_ptr()`,
    // which `s` provides; it touches no other memory of this program.
    unsafe {
        core::arch::asm!(
            "syscall",
            inlateout("rax") 1usize => _,
            in("rdi") 2usize,
            in("rsi") s.as_ptr(),
            in("rdx") s.len(),
            lateout("rcx") _,
            lateout("r11") _,
            options(nostack, readonly),
        );
    }
}

/// exit_group(2).
fn exit(code: i32) -> ! {
    // SAFETY: exit_group ends the process and does not return.
    unsafe {
        core::arch::asm!(
            "syscall",
            in("rax") 231usize,
            in("rdi") code as isize,
            options(noreturn, nostack),
        );
    }
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    print("nostd-check: panicked\n");
    exit(1)
}

/// The precompiled `core` and `alloc` of this target are built to unwind
/// and refer to the personality routine; with `panic = "abort"` nothing
/// ever calls it.
#[unsafe(no_mangle)]
extern "C" fn rust_eh_personality() {}

#[cfg(feature = "alloc")]
mod bump {
    //! A bump allocator over a static array; `dealloc` frees nothing.

    use core::alloc::{GlobalAlloc, Layout};
    use core::cell::UnsafeCell;
    use core::sync::atomic::{AtomicUsize, Ordering};

    const SIZE: usize = 256 * 1024;

    pub struct Bump {
        heap: UnsafeCell<[u8; SIZE]>,
        next: AtomicUsize,
        pub allocations: AtomicUsize,
    }

    // SAFETY: the heap is only reached through pointers handed out by
    // `alloc`, each to a distinct range reserved by an atomic update.
    unsafe impl Sync for Bump {}

    // SAFETY: `alloc` returns either null or a pointer to `layout.size()`
    // bytes aligned to `layout.align()` inside `heap`, never handed out
    // before (ranges are reserved with a compare-and-swap and never reused).
    unsafe impl GlobalAlloc for Bump {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let base = self.heap.get().cast::<u8>();
            let addr = base as usize;
            let reserved = self
                .next
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |next| {
                    let start = (addr + next).checked_next_multiple_of(layout.align())? - addr;
                    let end = start.checked_add(layout.size())?;
                    (end <= SIZE).then_some(end)
                });
            match reserved {
                Ok(prev) => {
                    self.allocations.fetch_add(1, Ordering::SeqCst);
                    let start = (addr + prev).next_multiple_of(layout.align()) - addr;
                    base.wrapping_add(start)
                }
                Err(_) => core::ptr::null_mut(),
            }
        }

        unsafe fn dealloc(&self, _ptr: *mut u8, _layout: Layout) {}
    }

    #[global_allocator]
    pub static ALLOCATOR: Bump = Bump {
        heap: UnsafeCell::new([0; SIZE]),
        next: AtomicUsize::new(0),
        allocations: AtomicUsize::new(0),
    };
}

// ---------------------------------------------------------------- checks

/// Counts failed checks, printing the name of each.
struct Checks(u32);

impl Checks {
    fn check(&mut self, name: &str, ok: bool) {
        if !ok {
            print("  failed: ");
            print(name);
            print("\n");
            self.0 += 1;
        }
    }
}

/// Columns: PidTagMessageSize (PtypInteger32), PidTagSubject (PtypString),
/// PidTagEntryId (PtypBinary), PidTagBody requested as PtypUnspecified.
const COLUMNS: [PropertyTag; 4] = [
    PropertyTag(0x0E08_0003),
    PropertyTag(0x0037_001F),
    PropertyTag(0x0FFF_0102),
    PropertyTag(0x1000_0000),
];

/// A PropertyRowSet of two rows over `COLUMNS`.
const ROWS: &[u8] = &[
    0x02, 0x00, // RowCount
    // StandardPropertyRow: 42, "Hi", [AB CD], (PtypString) "x".
    0x00, //
    0x2A, 0x00, 0x00, 0x00, //
    0x48, 0x00, 0x69, 0x00, 0x00, 0x00, //
    0x02, 0x00, 0xAB, 0xCD, //
    0x1F, 0x00, 0x78, 0x00, 0x00, 0x00, //
    // FlaggedPropertyRow: 7, error NotFound, absent, (PtypString) absent.
    0x01, //
    0x00, 0x07, 0x00, 0x00, 0x00, //
    0x0A, 0x0F, 0x01, 0x04, 0x80, //
    0x01, //
    0x1F, 0x00, 0x01,
];

/// Or(And(Exist(PidTagSubject), Not(Exist(PidTagBody))),
///    Content(FL_SUBSTRING | FL_IGNORECASE, PidTagSubject, "Hi")), ROP form.
const RESTRICTION: &[u8] = &[
    0x01, 0x02, 0x00, // Or, 2 children
    0x00, 0x02, 0x00, // And, 2 children
    0x08, 0x1F, 0x00, 0x37, 0x00, // Exist(PidTagSubject)
    0x02, 0x08, 0x1F, 0x00, 0x00, 0x10, // Not(Exist(PidTagBody))
    0x03, 0x01, 0x00, 0x01, 0x00, // Content, FL_SUBSTRING, FL_IGNORECASE
    0x1F, 0x00, 0x37, 0x00, // PidTagSubject
    0x1F, 0x00, 0x37, 0x00, 0x48, 0x00, 0x69, 0x00, 0x00, 0x00, // = "Hi"
];

fn run() -> u32 {
    let mut c = Checks(0);
    let cx = RowContext::rop(Array::from_slice(&COLUMNS));

    // Rows without allocating: skip_row_set and RowCells.
    let mut r = Reader::new(ROWS);
    c.check("skip_row_set", matches!(skip_row_set(&mut r, cx), Ok(2)));
    c.check("skip_row_set consumed all", r.is_empty());

    let mut r = Reader::new(&ROWS[2..]);
    match RowCells::new(&mut r, cx) {
        Ok(cells) => {
            let mut n = 0;
            for (i, cell) in cells.enumerate() {
                n += 1;
                let v = cell.ok().and_then(|cell| cell.value().copied());
                let ok = match i {
                    0 => v.and_then(|v| v.as_i32()) == Some(42),
                    1 => v.and_then(|v| v.as_utf16()).is_some_and(|s| s == "Hi"),
                    2 => v.and_then(|v| v.as_binary()) == Some(&[0xAB, 0xCD][..]),
                    _ => v == Some(PropertyValue::String(Utf16Str::from_str("x"))),
                };
                c.check("RowCells value", ok);
            }
            c.check("RowCells count", n == 4);
        }
        Err(_) => c.check("RowCells::new", false),
    }

    // Utf16Str.
    match Utf16Str::decode(&[0x48, 0x00, 0x69, 0x00, 0x00, 0x00, 0xFF]) {
        Ok((s, rest)) => {
            c.check(
                "Utf16Str",
                s == "Hi" && s.chars().eq("Hi".chars()) && rest == [0xFF],
            );
            let mut buf = [0u8; 6];
            let n = s.encode_to_slice(&mut buf);
            c.check(
                "Utf16Str encode",
                n == Ok(6) && buf[..4] == [0x48, 0, 0x69, 0],
            );
        }
        Err(_) => c.check("Utf16Str decode", false),
    }

    // Restriction: decode, walk the lazy children, re-encode into a
    // SliceSink and a heapless::Vec.
    match Restriction::decode_with(RESTRICTION, ValueContext::Rop) {
        Ok((restriction, rest)) => {
            c.check("Restriction consumed all", rest.is_empty());
            c.check("Restriction walk", walk(&restriction) == 6);
            c.check(
                "Restriction encoded_len",
                restriction.encoded_len_with(ValueContext::Rop) == RESTRICTION.len(),
            );
            let mut buf = [0u8; 64];
            let mut sink = SliceSink::new(&mut buf);
            let ok = restriction
                .encode_with(&mut sink, ValueContext::Rop)
                .is_ok();
            c.check(
                "Restriction -> SliceSink",
                ok && sink.written() == RESTRICTION,
            );
            let mut v: heapless::Vec<u8, 64> = heapless::Vec::new();
            let ok = restriction.encode_with(&mut v, ValueContext::Rop).is_ok();
            c.check(
                "Restriction -> heapless::Vec",
                ok && v.as_slice() == RESTRICTION,
            );
            let mut small: heapless::Vec<u8, 8> = heapless::Vec::new();
            c.check(
                "Restriction -> full heapless::Vec fails",
                restriction
                    .encode_with(&mut small, ValueContext::Rop)
                    .is_err(),
            );
        }
        Err(_) => c.check("Restriction decode", false),
    }

    #[cfg(feature = "alloc")]
    with_alloc(&mut c, cx);

    c.0
}

/// Counts the nodes of a restriction tree, visiting every lazy child.
fn walk(r: &Restriction<'_>) -> usize {
    1 + match r {
        Restriction::And(a) => a.restricts.iter().map(|c| walk(&c)).sum(),
        Restriction::Or(o) => o.restricts.iter().map(|c| walk(&c)).sum(),
        Restriction::Not(n) => walk(&n.restriction.get()),
        Restriction::SubObject(s) => walk(&s.restriction.get()),
        Restriction::Count(c) => walk(&c.sub_restriction.get()),
        Restriction::Comment(c) => c.restriction.map_or(0, |r| walk(&r.get())),
        _ => 0,
    }
}

#[cfg(feature = "alloc")]
fn with_alloc(c: &mut Checks, cx: RowContext<'_>) {
    use core::sync::atomic::Ordering;
    use mapi_wire::data::PropertyRowSet;
    use mapi_wire::wire::LenCounter;

    match PropertyRowSet::decode_with(ROWS, cx) {
        Ok((set, rest)) => {
            c.check("PropertyRowSet consumed all", rest.is_empty());
            c.check("PropertyRowSet rows", set.rows.len() == 2);
            c.check(
                "PropertyRowSet values",
                set.rows[0].value(0).and_then(|v| v.as_i32()) == Some(42)
                    && set.rows[1].value(0).and_then(|v| v.as_i32()) == Some(7)
                    && set.rows[1].value(1).is_none(),
            );
            let mut counter = LenCounter::default();
            let ok = set.encode_with(&mut counter, cx).is_ok();
            c.check(
                "PropertyRowSet -> LenCounter",
                ok && counter.0 == ROWS.len(),
            );
            let mut v: heapless::Vec<u8, 64> = heapless::Vec::new();
            let ok = set.encode_with(&mut v, cx).is_ok();
            c.check(
                "PropertyRowSet -> heapless::Vec",
                ok && v.as_slice() == ROWS,
            );
            let mut buf = [0u8; 64];
            let mut sink = SliceSink::new(&mut buf);
            let ok = set.encode_with(&mut sink, cx).is_ok();
            c.check("PropertyRowSet -> SliceSink", ok && sink.written() == ROWS);
            let out = set.to_vec_with(cx);
            c.check("PropertyRowSet -> Vec", out.as_deref() == Ok(ROWS));
        }
        Err(_) => c.check("PropertyRowSet decode", false),
    }

    let mut owned = alloc::vec::Vec::new();
    owned.extend_from_slice(RESTRICTION);
    let r = Restriction::decode_with(&owned, ValueContext::Rop);
    let again = r
        .as_ref()
        .ok()
        .map(|(r, _)| r.to_vec_with(ValueContext::Rop));
    c.check(
        "Restriction -> Vec",
        matches!(again, Some(Ok(v)) if v == RESTRICTION),
    );

    c.check(
        "the bump allocator was used",
        bump::ALLOCATOR.allocations.load(Ordering::SeqCst) > 0,
    );
}
