//! The property and stream ROPs (MS-OXCROPS 2.2.8, 2.2.9): requests,
//! responses, and a request/response buffer pair walked together.
//!
//! Byte 0 (the selector):
//! - bits 0-1: 0 = one request, 1 = one response, 2 = one response with the
//!   columns of `COLUMN_SETS`, 3 = a buffer pair;
//! - bits 2-7: the column set (modulo its length) for modes 2 and 3.
//!
//! Modes 0-2: byte 1 picks a RopId of the two areas (modulo their number),
//! the rest is the ROP after its RopId. Mode 3: bytes 1-2 are the length of
//! a ROP input buffer (RopSize, RopsList, handle table), which follows; the
//! rest is the output buffer.
//!
//! Oracles, whenever a ROP decodes:
//! - re-encoding gives back exactly the bytes consumed, and
//!   `encoded_len_with` and the bytes written to a `LenCounter` agree;
//! - every list of the value yields `len()` elements;
//! - row data read against columns walks allocation-free to the same rows.
//! When it does not decode, the error's offset lies within the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapi_wire::data::PropertyTag;
use mapi_wire::rop::{
    Pairing, ResponseBody, ResponseWalker, RopContext, RopFacts, RopFrame, RopRequest, RopResponse,
};
use mapi_wire::wire::{Array, Decode, Encode, LenCounter, Reader};

/// The RopIds of MS-OXCROPS 2.2.8 and 2.2.9.
const IDS: &[u8] = &[
    0x56, 0x55, 0x07, 0x08, 0x09, 0x0A, 0x79, 0x0B, 0x7A, 0x5F, 0x67, 0x39, 0x50, // property
    0x2B, 0x2C, 0x2D, 0xA3, 0x5D, 0x5E, 0x2F, 0x2E, 0x3A, 0x5B, 0x5C, 0x90, 0x3B, // stream
];

const fn tag(id: u16, ty: u16) -> PropertyTag {
    PropertyTag(((id as u32) << 16) | ty as u32)
}

/// Columns for RopGetPropertiesSpecific responses, indexed by the
/// selector's bits 2-7.
const COLUMN_SETS: &[&[PropertyTag]] = &[
    // 0: none.
    &[],
    // 1: MS-OXCPRPT 4.3.1: PtypBoolean, PtypInteger32, PtypBinary.
    &[
        tag(0x863E, 0x000B),
        tag(0x863F, 0x0003),
        tag(0x65E2, 0x0102),
    ],
    // 2: strings and PtypUnspecified.
    &[
        tag(0x0037, 0x001F),
        tag(0x0037, 0x001E),
        tag(0x3001, 0x0000),
    ],
    // 3: multi-valued and fixed-size.
    &[
        tag(0x6702, 0x1003),
        tag(0x670F, 0x101F),
        tag(0x6714, 0x0014),
        tag(0x6740, 0x0040),
        tag(0x6748, 0x0048),
    ],
];

fuzz_target!(|data: &[u8]| {
    let Some((&sel, input)) = data.split_first() else {
        return;
    };
    let columns = COLUMN_SETS[usize::from(sel >> 2) % COLUMN_SETS.len()];
    match sel & 3 {
        3 => buffers(input),
        mode => {
            let Some((&pick, body)) = input.split_first() else {
                return;
            };
            let mut bytes = Vec::with_capacity(body.len() + 1);
            bytes.push(IDS[usize::from(pick) % IDS.len()]);
            bytes.extend_from_slice(body);
            let cx = if mode == 2 {
                RopContext::default().with_columns(Array::from_slice(columns))
            } else {
                RopContext::default()
            };
            if mode == 0 {
                request(&bytes, cx);
            } else {
                response(&bytes, cx);
            }
        }
    }
});

fn request(bytes: &[u8], cx: RopContext<'_>) {
    match RopRequest::decode_with(bytes, cx) {
        Ok((v, rest)) => {
            let used = &bytes[..bytes.len() - rest.len()];
            check_request(&v, used);
        }
        Err(e) => assert!(
            e.offset() <= bytes.len(),
            "error offset past the input: {e}"
        ),
    }
}

fn response(bytes: &[u8], cx: RopContext<'_>) {
    match RopResponse::decode_with(bytes, cx) {
        Ok((v, rest)) => {
            let used = &bytes[..bytes.len() - rest.len()];
            check_response(&v, used);
        }
        Err(e) => assert!(
            e.offset() <= bytes.len(),
            "error offset past the input: {e}"
        ),
    }
}

fn check_request(v: &RopRequest<'_>, used: &[u8]) {
    let f = RopFacts::default();
    assert_eq!(v.encoded_len_with(f), used.len(), "encoded_len of {v:?}");
    let mut counter = LenCounter::default();
    v.encode_with(&mut counter, f)
        .expect("encode into LenCounter");
    assert_eq!(counter.0, used.len());
    let out = v.to_vec_with(f).expect("re-encode");
    assert_eq!(out.as_slice(), used, "round trip of {v:?}");
    match v {
        RopRequest::GetPropertyIdsFromNames(r) => {
            assert_eq!(r.property_names.iter().count(), r.property_names.len());
        }
        RopRequest::GetPropertiesSpecific(r) => {
            assert_eq!(r.property_tags.iter().count(), r.property_tags.len());
        }
        RopRequest::SetProperties(r) | RopRequest::SetPropertiesNoReplicate(r) => {
            assert_eq!(r.property_values.iter().count(), r.property_values.len());
        }
        RopRequest::ReadStream(r) => {
            assert_eq!(r.maximum_byte_count.is_some(), r.byte_count == 0xBABE);
        }
        _ => {}
    }
    let _ = format!("{v:?}");
}

fn check_response(v: &RopResponse<'_>, used: &[u8]) {
    let f = RopFacts::default();
    assert_eq!(v.encoded_len_with(f), used.len(), "encoded_len of {v:?}");
    let mut counter = LenCounter::default();
    v.encode_with(&mut counter, f)
        .expect("encode into LenCounter");
    assert_eq!(counter.0, used.len());
    let out = v.to_vec_with(f).expect("re-encode");
    assert_eq!(out.as_slice(), used, "round trip of {v:?}");
    match v {
        RopResponse::GetPropertiesSpecific(r) => {
            if let ResponseBody::Success(b) = &r.body
                && let Some(rows) = b.row_data.rows()
            {
                assert_eq!(rows.len(), 1);
                let mut walked = 0;
                rows.for_each_row(|_, cells| {
                    walked += 1;
                    let n = cells.map(|c| c.expect("validated cell")).count();
                    assert_eq!(n, rows.context().columns.len());
                });
                assert_eq!(walked, 1);
                assert_eq!(rows.rows().count(), 1);
            }
        }
        RopResponse::GetPropertiesAll(r) => {
            if let Some(b) = r.ok() {
                assert_eq!(b.property_values.iter().count(), b.property_values.len());
            }
        }
        RopResponse::GetNamesFromPropertyIds(r) => {
            if let Some(b) = r.ok() {
                assert_eq!(b.property_names.iter().count(), b.property_names.len());
            }
        }
        RopResponse::QueryNamedProperties(r) => {
            if let Some(b) = r.ok() {
                assert_eq!(b.property_ids.len(), usize::from(b.id_count));
                assert_eq!(b.property_names.iter().count(), usize::from(b.id_count));
            }
        }
        RopResponse::CopyToStream(r) => {
            let body = match &r.body {
                ResponseBody::Success(b) | ResponseBody::Failure(b) => b,
            };
            assert_eq!(body.dest_handle_index.is_some(), r.return_value.0 == 0x503);
        }
        _ => {}
    }
    let _ = format!("{v:?}");
}

fn buffers(input: &[u8]) {
    let Some((len, rest)) = input.split_first_chunk::<2>() else {
        return;
    };
    let n = usize::from(u16::from_le_bytes(*len)).min(rest.len());
    let (inb, outb) = rest.split_at(n);
    let Ok(in_frame) = RopFrame::read(&mut Reader::new(inb)) else {
        return;
    };
    let out_frame = match RopFrame::read(&mut Reader::new(outb)) {
        Ok(f) => f,
        Err(e) => {
            assert!(e.offset() <= outb.len(), "error offset past the input: {e}");
            return;
        }
    };
    let pairing = Pairing {
        rops_list: in_frame.rops_list,
        offset: in_frame.rops_offset,
        handles: in_frame.server_object_handle_table,
    };
    let mut walker = ResponseWalker::new(out_frame, Some(pairing), None);
    let end = out_frame.rops_offset + out_frame.rops_list.len();
    while let Some(r) = walker.next_with_range() {
        match r {
            Ok((resp, range)) => {
                assert!(range.start < range.end && range.end <= end);
                let bytes = &outb[range];
                assert_eq!(
                    resp.to_vec_with(RopFacts::default()).expect("re-encode"),
                    bytes,
                    "round trip of {resp:?}"
                );
            }
            Err(e) => {
                assert!(e.offset() <= outb.len(), "error offset past the input: {e}");
                break;
            }
        }
    }
}
