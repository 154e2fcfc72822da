//! Shared checks for the conformance tests.
#![allow(dead_code)]

#[cfg(feature = "cli")]
pub mod cli;

use mapi_wire::wire::{Decode, Encode, LenCounter, Limits, Reader};
use std::fmt::Debug;

/// Parses hex text, ignoring whitespace. The bytes are leaked so that
/// decoded values may borrow them for the rest of the test.
pub fn hex(s: &str) -> &'static [u8] {
    Box::leak(hexv(s).into_boxed_slice())
}

/// Parses hex text, ignoring whitespace.
pub fn hexv(s: &str) -> Vec<u8> {
    let digits: Vec<u8> = s.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    assert!(digits.len().is_multiple_of(2), "odd number of hex digits");
    digits
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).unwrap())
        .collect()
}

/// Decodes `bytes` (which must be consumed exactly), re-encodes the value
/// and checks that the bytes come back identical and that `encoded_len` is
/// exact; then checks that every strict prefix of `bytes` fails to decode
/// (with an error, never a panic). Returns the decoded value.
pub fn roundtrip<'a, T>(bytes: &'a [u8], cx: <T as Decode<'a>>::Ctx) -> T
where
    T: Decode<'a> + Encode<Ctx = <T as Decode<'a>>::Ctx> + Debug,
{
    let v = T::decode_exact(bytes, cx).unwrap_or_else(|e| panic!("decode failed: {e}"));
    assert_eq!(v.encoded_len_with(cx), bytes.len(), "encoded_len of {v:?}");
    let out = v.to_vec_with(cx).expect("encode");
    assert_eq!(out, bytes, "re-encoding of {v:?}");
    let mut counter = LenCounter::default();
    v.encode_with(&mut counter, cx).unwrap();
    assert_eq!(counter.0, bytes.len());
    prefixes_fail::<T>(bytes, cx);
    v
}

/// Every strict prefix of `bytes` decodes to an error.
pub fn prefixes_fail<'a, T: Decode<'a> + Debug>(bytes: &'a [u8], cx: <T as Decode<'a>>::Ctx) {
    for n in 0..bytes.len() {
        let mut r = Reader::with_limits(&bytes[..n], Limits::DEFAULT);
        if let Ok(v) = T::decode_from(&mut r, cx) {
            panic!("prefix of {n} bytes decoded to {v:?}");
        }
    }
}

/// Like [`roundtrip`] for types that decode with one context and encode with
/// another (ROP responses decode with a `RopContext`, encode with the
/// `RopFacts`).
pub fn roundtrip2<'a, T>(bytes: &'a [u8], dcx: <T as Decode<'a>>::Ctx, ecx: <T as Encode>::Ctx) -> T
where
    T: Decode<'a> + Encode + Debug,
{
    let v = T::decode_exact(bytes, dcx).unwrap_or_else(|e| panic!("decode failed: {e}"));
    assert_eq!(v.encoded_len_with(ecx), bytes.len(), "encoded_len of {v:?}");
    let out = v.to_vec_with(ecx).expect("encode");
    assert_eq!(out, bytes, "re-encoding of {v:?}");
    prefixes_fail::<T>(bytes, dcx);
    v
}

/// [`roundtrip2`] without the prefix check, for values that keep an
/// uninterpreted tail (a prefix of raw bytes is raw bytes too).
pub fn roundtrip2_raw<'a, T>(
    bytes: &'a [u8],
    dcx: <T as Decode<'a>>::Ctx,
    ecx: <T as Encode>::Ctx,
) -> T
where
    T: Decode<'a> + Encode + Debug,
{
    let v = T::decode_exact(bytes, dcx).unwrap_or_else(|e| panic!("decode failed: {e}"));
    assert_eq!(v.encoded_len_with(ecx), bytes.len(), "encoded_len of {v:?}");
    assert_eq!(
        v.to_vec_with(ecx).expect("encode"),
        bytes,
        "re-encoding of {v:?}"
    );
    v
}

/// The oracle of the "arbitrary bytes never panic" properties: whatever `T`
/// decodes from the front of `bytes` (if anything) re-encodes to exactly the
/// bytes it consumed, and `encoded_len_with` is exact.
pub fn reencodes_what_it_reads<'a, T>(
    bytes: &'a [u8],
    dcx: <T as Decode<'a>>::Ctx,
    ecx: <T as Encode>::Ctx,
) -> Result<(), proptest::test_runner::TestCaseError>
where
    T: Decode<'a> + Encode + Debug,
{
    if let Ok((v, rest)) = T::decode_with(bytes, dcx) {
        let used = &bytes[..bytes.len() - rest.len()];
        proptest::prop_assert_eq!(v.to_vec_with(ecx).unwrap(), used, "re-encoding of {:?}", v);
        proptest::prop_assert_eq!(
            v.encoded_len_with(ecx),
            used.len(),
            "encoded_len of {:?}",
            v
        );
    }
    Ok(())
}

/// Every RopId of `ids` has a request and a response codec in the ROP
/// catalogue (`mapi_wire::rop::coverage`).
pub fn assert_catalogued(ids: impl IntoIterator<Item = u8>) {
    use mapi_wire::rop::coverage;
    for id in ids {
        assert!(coverage::REQUESTS.contains(&id), "request {id:#04x}");
        assert!(coverage::RESPONSES.contains(&id), "response {id:#04x}");
    }
}
