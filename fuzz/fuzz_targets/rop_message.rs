//! One message or attachment ROP (MS-OXCROPS 2.2.6), request or response,
//! through the ROP catalogue.
//!
//! Byte 0: bit 0 set decodes a response, clear a request; bits 1-2 give
//! the logon kind (1 private, 2 public, 0 and 3 unknown); bits 3-4 pick
//! the recipient columns given to the decoder (0: none, else an entry of
//! `COLUMN_SETS`), which RopReadRecipients uses. Byte 1 is the RopId: one
//! of the area's, or mapped onto one. The rest follows the RopId.
//!
//! Oracles, whenever the ROP decodes:
//! - re-encoding (with the same logon kind) gives back exactly the bytes
//!   consumed, and `encoded_len_with` is exact;
//! - every RecipientRows collection yields `len()` rows that fill its wire
//!   bytes exactly; each row read against known columns has a header,
//!   exactly RecipientColumnCount cells, and decodes to a `RecipientRow`
//!   that re-encodes to the row's bytes.
//! When it does not decode, the error's offset must lie within the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapi_wire::data::{PropertyTag, RecipientRow};
use mapi_wire::rop::{
    LogonKind, RecipientRowHead, RecipientRows, RopContext, RopFacts, RopRequest, RopResponse,
};
use mapi_wire::wire::{Array, Decode, Encode, LenCounter};

/// The RopIds of MS-OXCROPS 2.2.6.
const IDS: [u8; 18] = [
    0x03, 0x06, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x20, 0x1F, 0x66, 0x11, 0x22, 0x23, 0x24, 0x25, 0x46,
    0x21, 0x52,
];

const fn tag(id: u16, ty: u16) -> PropertyTag {
    PropertyTag(((id as u32) << 16) | ty as u32)
}

/// Recipient columns, indexed by bits 3-4 of the first byte (1-3).
const COLUMN_SETS: [&[PropertyTag]; 3] = [
    // 1: the test constructions' columns.
    &[
        tag(0x0C15, 0x0003),
        tag(0x39FE, 0x001F),
        tag(0x5FFF, 0x0003),
    ],
    // 2: one string column.
    &[tag(0x3001, 0x001F)],
    // 3: binary, 8-bit string, unspecified and boolean columns.
    &[
        tag(0x0FFF, 0x0102),
        tag(0x3002, 0x001E),
        tag(0x3003, 0x0000),
        tag(0x0E1B, 0x000B),
    ],
];

fuzz_target!(|data: &[u8]| {
    let [sel, id, ..] = *data else {
        return;
    };
    let id = if IDS.contains(&id) {
        id
    } else {
        IDS[usize::from(id) % IDS.len()]
    };
    let mut input = Vec::with_capacity(data.len() - 1);
    input.push(id);
    input.extend_from_slice(&data[2..]);

    let logon = match (sel >> 1) & 3 {
        1 => Some(LogonKind::Private),
        2 => Some(LogonKind::Public),
        _ => None,
    };
    let mut cx = RopContext {
        logon,
        ..RopContext::default()
    };
    let set = usize::from((sel >> 3) & 3);
    if set != 0 {
        cx = cx.with_recipient_columns(Array::from_slice(COLUMN_SETS[set - 1]));
    }
    let facts = RopFacts {
        logon,
        ..RopFacts::default()
    };

    if sel & 1 == 0 {
        match RopRequest::decode_with(&input, cx) {
            Ok((r, rest)) => {
                check_encoding(&r, facts, &input[..input.len() - rest.len()]);
                if let RopRequest::ModifyRecipients(m) = &r {
                    check_rows(&m.recipient_rows);
                }
                let _ = format!("{r:?}");
            }
            Err(e) => check_error(&e, &input),
        }
    } else {
        match RopResponse::decode_with(&input, cx) {
            Ok((r, rest)) => {
                check_encoding(&r, facts, &input[..input.len() - rest.len()]);
                match &r {
                    RopResponse::OpenMessage(x) | RopResponse::ReloadCachedInformation(x) => {
                        if let Some(b) = x.ok() {
                            check_rows(&b.recipient_rows);
                        }
                    }
                    RopResponse::OpenEmbeddedMessage(x) => {
                        if let Some(b) = x.ok() {
                            check_rows(&b.recipient_rows);
                        }
                    }
                    RopResponse::ReadRecipients(x) => {
                        if let Some(b) = x.ok() {
                            assert_eq!(
                                b.recipient_rows.columns().is_some(),
                                set != 0,
                                "RopReadRecipients rows read against the given columns"
                            );
                            check_rows(&b.recipient_rows);
                        }
                    }
                    _ => {}
                }
                let _ = format!("{r:?}");
            }
            Err(e) => check_error(&e, &input),
        }
    }
});

fn check_encoding<T: Encode<Ctx = RopFacts> + std::fmt::Debug>(
    v: &T,
    facts: RopFacts,
    bytes: &[u8],
) {
    assert_eq!(
        v.encoded_len_with(facts),
        bytes.len(),
        "encoded_len_with of {v:?}"
    );
    let mut counter = LenCounter::default();
    v.encode_with(&mut counter, facts)
        .expect("encode into LenCounter");
    assert_eq!(counter.0, bytes.len(), "bytes written to LenCounter");
    let out = v.to_vec_with(facts).expect("re-encode");
    assert_eq!(out.as_slice(), bytes, "round trip of {v:?}");
}

fn check_rows<H: RecipientRowHead>(rows: &RecipientRows<'_, H>) {
    let mut n = 0;
    let mut total = 0;
    for row in rows.iter() {
        n += 1;
        total += H::SIZE + 2 + row.recipient_row_size();
        let header = row.header();
        let Some(cx) = row.columns() else {
            continue;
        };
        if !row.has_recipient_row() && H::ROW_OPTIONAL {
            assert!(row.recipient_row().is_none());
            continue;
        }
        let header = header.expect("validated row without a header");
        let cells = row
            .with_properties(|_, cells| {
                let mut k = 0;
                for c in cells {
                    let c = c.expect("validated cell fails");
                    let _ = c.value();
                    k += 1;
                }
                k
            })
            .expect("validated row without properties");
        assert_eq!(cells, usize::from(header.recipient_column_count.0));
        let full: RecipientRow<'_> = row.recipient_row().expect("validated row does not decode");
        assert_eq!(
            full.to_vec_with(cx).expect("RecipientRow re-encodes"),
            row.recipient_row_bytes(),
            "RecipientRow round trip"
        );
    }
    assert_eq!(n, rows.len(), "rows yielded vs RowCount");
    assert_eq!(
        Some(total),
        rows.wire_bytes().map(<[u8]>::len),
        "rows vs wire bytes"
    );
}

fn check_error(e: &mapi_wire::wire::Error, input: &[u8]) {
    assert!(
        e.offset() <= input.len(),
        "error offset past the input: {e}"
    );
    let _ = format!("{e} / {e:?}");
}
