//! The 19 NSPI request/response bodies (MS-OXCMAPIHTTP 2.2.5).
//!
//! Byte 0 selects the body: bits 0..=5 (modulo 38) pick one of the 19
//! request types and the direction (even: request, odd: response, in the
//! order of `nspi_request_types!`); bit 6 turns off the per-element presence
//! bytes of multi-valued strings and binaries; bit 7 reads GetMatches
//! filters with `FilterForm::Auto` instead of the specification's form.
//! The rest is the body.
//!
//! Oracles, whenever the body decodes:
//! - re-encoding gives back exactly the bytes consumed, and
//!   `encoded_len_with` is exact;
//! - every row of every row set walks to as many cells as there are
//!   columns, and each row re-encodes, alone, to its own bytes;
//! - the one-pass `for_each_row` visits the same rows with the same flags
//!   and cells, whatever part of each row its callback reads;
//! - `Debug` formatting terminates.
//! When it does not decode, the error's offset lies within the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapi_wire::http::nspi::*;
use mapi_wire::nspi::{AbContext, AbRowContext, FilterForm, LargePropertyTagArray};
use mapi_wire::wire::{Decode, Encode, LenCounter};

fuzz_target!(|data: &[u8]| {
    let Some((&sel, input)) = data.split_first() else {
        return;
    };
    let cx = AbContext {
        element_flags: sel & 0x40 == 0,
        filter_form: if sel & 0x80 != 0 {
            FilterForm::Auto
        } else {
            FilterForm::Standard
        },
    };
    let which = usize::from(sel & 0x3F) % 38;
    let mut i = 0;
    macro_rules! dispatch {
        ($($k:literal, $Req:ident, $Resp:ident;)*) => {$(
            if which == i {
                body::<$Req<'_>>(input, cx);
                return;
            }
            i += 1;
            if which == i {
                body::<$Resp<'_>>(input, cx);
                return;
            }
            i += 1;
        )*};
    }
    mapi_wire::nspi_request_types!(dispatch);
    let _ = i;
});

fn body<'a, T>(input: &'a [u8], cx: AbContext)
where
    T: Decode<'a, Ctx = AbContext> + Encode<Ctx = AbContext> + Walk + std::fmt::Debug,
{
    let (v, rest) = match T::decode_with(input, cx) {
        Ok(v) => v,
        Err(e) => {
            assert!(
                e.offset() <= input.len(),
                "error offset past the input: {e}"
            );
            let _ = format!("{e} / {e:?}");
            return;
        }
    };
    let consumed = &input[..input.len() - rest.len()];
    assert_eq!(
        v.encoded_len_with(cx),
        consumed.len(),
        "encoded_len_with of {v:?}"
    );
    let mut counter = LenCounter::default();
    v.encode_with(&mut counter, cx)
        .expect("encode into LenCounter");
    assert_eq!(counter.0, consumed.len());
    let out = v.to_vec_with(cx).expect("re-encode");
    assert_eq!(out.as_slice(), consumed, "round trip of {v:?}");
    v.walk(cx);
    let _ = format!("{v:?}");
}

/// A second look at the decoded body: the rows of the responses that carry
/// rows are walked cell by cell and re-encoded one by one.
trait Walk {
    fn walk(&self, _cx: AbContext) {}
}

macro_rules! no_walk {
    ($($k:literal, $Req:ident, $Resp:ident;)*) => {$( impl Walk for $Req<'_> {} )*};
}
mapi_wire::nspi_request_types!(no_walk);

macro_rules! walk_rows {
    ($($Resp:ident, $cols:ident;)*) => {$(
        impl Walk for $Resp<'_> {
            fn walk(&self, cx: AbContext) {
                if let $Resp::Success(s) = self {
                    walk_rows(s.row_data.as_ref(), s.$cols, cx);
                }
            }
        }
    )*};
}
walk_rows! {
    QueryRowsResponse, columns;
    SeekEntriesResponse, columns;
    GetMatchesResponse, columns;
    ResolveNamesResponse, property_tags;
}

macro_rules! no_rows {
    ($($Resp:ident),*) => {$( impl Walk for $Resp<'_> {} )*};
}
no_rows!(
    BindResponse,
    UnbindResponse,
    CompareMinIdsResponse,
    DnToMinIdResponse,
    GetPropListResponse,
    GetPropsResponse,
    GetSpecialTableResponse,
    GetTemplateInfoResponse,
    ModLinkAttResponse,
    ModPropsResponse,
    QueryColumnsResponse,
    ResortRestrictionResponse,
    UpdateStatResponse,
    GetMailboxUrlResponse,
    GetAddressBookUrlResponse
);

fn walk_rows<'a>(
    rows: Option<&AbRows<'a>>,
    columns: Option<LargePropertyTagArray<'a>>,
    cx: AbContext,
) {
    let Some(rows) = rows else { return };
    let columns = columns.map(|c| c.property_tags).unwrap_or_default();
    let rcx = AbRowContext::new(columns, cx);
    let mut n = 0;
    for row in rows.iter() {
        assert_eq!(row.cells().count(), columns.len(), "cells of {row:?}");
        let wire = row.wire_bytes().expect("a decoded row keeps its bytes");
        let mut expected = vec![row.flags];
        expected.extend_from_slice(wire);
        assert_eq!(row.to_vec_with(rcx).expect("row re-encodes"), expected);
        assert_eq!(row.encoded_len_with(rcx), expected.len());
        n += 1;
    }
    assert_eq!(n, rows.len(), "rows yielded");
    // The one-pass walk reads the same rows, also when its callback reads
    // only part of each row (the first `i % 3` cells).
    let mut by_iter = rows.iter();
    let mut visited = 0;
    rows.for_each_row(|i, flags, cells| {
        let row = by_iter.next().expect("for_each_row visits more rows");
        assert_eq!(flags, row.flags, "flags of row {i}");
        // Through Debug: a NaN cell is unequal to itself under PartialEq.
        let ours: Vec<_> = cells.take(i % 3).map(|c| format!("{c:?}")).collect();
        let theirs: Vec<_> = row.cells().take(i % 3).map(|c| format!("{c:?}")).collect();
        assert_eq!(ours, theirs, "cells of row {i}");
        visited += 1;
    });
    assert_eq!(visited, rows.len(), "rows visited by for_each_row");
}
