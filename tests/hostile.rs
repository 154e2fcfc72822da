//! Hostile input: regression tests for the findings of the panic-path audit
//! of the wire, data and ROP core layers, each with the bytes that used to
//! panic, to exhaust memory or time, or to escape a caller's limits; and a
//! proptest that no decoder reports an error offset past its input.
//!
//! Every byte vector is a construction; the comments name the sections its
//! layout comes from.

mod common;

fn leak(v: Vec<u8>) -> &'static [u8] {
    Box::leak(v.into_boxed_slice())
}

// ===========================================================================
// The wire layer.

use mapi_wire::data::{PropertyType, PropertyValue, ValueContext};
use mapi_wire::wire::{Encode, Error, ErrorKind, LenCounter, Limits, Reader, Sink, Width};

// ---------------------------------------------------------------------------
// src/wire/reader.rs, src/wire/sink.rs: arithmetic on positions.

#[test]
fn offsets_near_the_end_of_usize_saturate() {
    // A reader may start at any offset; reading past usize::MAX overflowed.
    let mut r = Reader::at_offset(&[1, 2, 3, 0, 9], usize::MAX - 1, Limits::DEFAULT);
    assert_eq!(r.u16().unwrap(), 0x0201);
    assert_eq!(r.offset(), usize::MAX);
    assert_eq!(r.until_nul8().unwrap(), &[3]);
    assert_eq!(r.offset(), usize::MAX);
    let e = r.u16().unwrap_err();
    assert_eq!(e.offset(), u32::MAX as usize);
    assert_eq!(
        e.kind(),
        ErrorKind::Truncated {
            needed: 2,
            remaining: 1
        }
    );
}

#[test]
fn len_counter_saturates() {
    let mut c = LenCounter(usize::MAX - 1);
    c.put(&[1, 2, 3]).unwrap();
    assert_eq!(c.0, usize::MAX);
}

// src/wire/sink.rs: widths of counts.

#[test]
fn counts_that_do_not_fit_their_width_are_unencodable() {
    // Construction: a PtypBinary of 65,536 bytes has no 2-byte COUNT
    // (MS-OXCDATA 2.11.1.1), and a byte count of 256 has no 1-byte one.
    let big = leak(vec![0; 0x1_0000]);
    let v = PropertyValue::binary(big);
    let e = v
        .to_vec_with((PropertyType::BINARY, ValueContext::Rop))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unencodable { value: 0x1_0000 });
    assert_eq!(
        v.to_vec_with((PropertyType::BINARY, ValueContext::Extended))
            .unwrap()
            .len(),
        0x1_0004
    );
    let mut c = LenCounter::default();
    let e = c.put_uint(Width::U8, 256).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unencodable { value: 256 });
    c.put_uint(Width::U32, u32::MAX as usize).unwrap();
    assert_eq!(c.0, 4);
}

// src/wire/error.rs.

/// src/wire/error.rs: a path longer than it can keep drops its middle,
/// keeping both ends (construction).
#[test]
fn error_path_keeps_its_ends() {
    let mut e = Error::new(ErrorKind::Unterminated, 3);
    for i in 0..20 {
        e = e.at_index(i).in_field("restricts");
    }
    let e = e.in_field("Restriction");
    assert!(e.path().is_elided());
    assert_eq!(
        e.path().segments().count(),
        if cfg!(feature = "alloc") { 6 } else { 2 }
    );
    assert_eq!(e.offset(), 3);
}
