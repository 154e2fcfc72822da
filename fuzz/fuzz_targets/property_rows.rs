//! PropertyRowSet (MS-OXCDATA 2.8.2) against a column list chosen by the
//! first input byte.
//!
//! Byte 0: bits 0-6 pick an entry of `COLUMN_SETS` (modulo its length),
//! bit 7 selects `ValueContext::Extended` instead of the ROP context.
//! The rest is the row set.
//!
//! Oracles, whenever the row set decodes:
//! - re-encoding gives back exactly the bytes consumed, and
//!   `encoded_len_with` is exact;
//! - `skip_row_set` (the allocation-free walker) succeeds, consumes the
//!   same bytes and reports the same row count.
//! When it does not decode, `skip_row_set` must fail too, and the error's
//! offset must lie within the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapi_wire::data::{PropertyRowSet, PropertyTag, RowContext, ValueContext, skip_row_set};
use mapi_wire::wire::{Array, Decode, Encode, LenCounter, Limits, Reader};

const fn tag(id: u16, ty: u16) -> PropertyTag {
    PropertyTag(((id as u32) << 16) | ty as u32)
}

/// Column lists of interest, indexed by the first input byte.
const COLUMN_SETS: &[&[PropertyTag]] = &[
    // 0: one PtypInteger32 (PidTagMessageSize).
    &[tag(0x0E08, 0x0003)],
    // 1: every fixed-size type.
    &[
        tag(0x6601, 0x0001), // PtypNull
        tag(0x6602, 0x0002), // PtypInteger16
        tag(0x6603, 0x0003), // PtypInteger32
        tag(0x6604, 0x0004), // PtypFloating32
        tag(0x6605, 0x0005), // PtypFloating64
        tag(0x6606, 0x0006), // PtypCurrency
        tag(0x6607, 0x0007), // PtypFloatingTime
        tag(0x660A, 0x000A), // PtypErrorCode
        tag(0x660B, 0x000B), // PtypBoolean
        tag(0x6614, 0x0014), // PtypInteger64
        tag(0x6640, 0x0040), // PtypTime
        tag(0x6648, 0x0048), // PtypGuid
    ],
    // 2: strings.
    &[
        tag(0x0037, 0x001F), // PidTagSubject, PtypString
        tag(0x0037, 0x001E), // PtypString8
        tag(0x3001, 0x001F), // PidTagDisplayName
    ],
    // 3: binary-like: PtypBinary, PtypServerId, PtypObject.
    &[
        tag(0x0FFF, 0x0102), // PidTagEntryId
        tag(0x6750, 0x00FB), // PtypServerId
        tag(0x3701, 0x000D), // PtypObject
    ],
    // 4: every multi-valued type.
    &[
        tag(0x6701, 0x1002),
        tag(0x6702, 0x1003),
        tag(0x6703, 0x1004),
        tag(0x6704, 0x1005),
        tag(0x6705, 0x1006),
        tag(0x6706, 0x1007),
        tag(0x6707, 0x1014),
        tag(0x6708, 0x101E),
        tag(0x6709, 0x101F),
        tag(0x670A, 0x1040),
        tag(0x670B, 0x1048),
        tag(0x670C, 0x1102),
    ],
    // 5: PtypUnspecified columns (TypedPropertyValue /
    // FlaggedPropertyValueWithType cells) around a fixed one.
    &[
        tag(0x0037, 0x0000),
        tag(0x0E08, 0x0003),
        tag(0x1000, 0x0000),
    ],
    // 6: multi-value-instance columns (0x3000 | base): one value of the
    // base type per row.
    &[
        tag(0x8001, 0x3003),
        tag(0x8002, 0x301F),
        tag(0x8003, 0x3102),
        tag(0x8004, 0x3048),
        tag(0x8005, 0x301E),
    ],
    // 7: a typical contents table.
    &[
        tag(0x0037, 0x001F), // PidTagSubject
        tag(0x0E08, 0x0003), // PidTagMessageSize
        tag(0x0E06, 0x0040), // PidTagMessageDeliveryTime
        tag(0x0FFF, 0x0102), // PidTagEntryId
        tag(0x0E07, 0x0003), // PidTagMessageFlags
        tag(0x0E1B, 0x000B), // PidTagHasAttachments
        tag(0x1000, 0x0000), // PidTagBody, requested unspecified
    ],
    // 8: restriction and rule-action values (rules table).
    &[
        tag(0x6679, 0x00FD), // PidTagRuleCondition
        tag(0x6680, 0x00FE), // PidTagRuleActions
        tag(0x6674, 0x0014), // PidTagRuleId
    ],
    // 9: no column: every row is its Flag byte alone.
    &[],
    // 10: an undefined type code, after a valid column.
    &[tag(0x0E08, 0x0003), tag(0x6666, 0x0099)],
    // 11: the same strings column repeated (many terminators to find).
    &[
        tag(0x0037, 0x001F),
        tag(0x0037, 0x001F),
        tag(0x0037, 0x001F),
        tag(0x0037, 0x001F),
    ],
];

fuzz_target!(|data: &[u8]| {
    let Some((&sel, input)) = data.split_first() else {
        return;
    };
    let columns = COLUMN_SETS[usize::from(sel & 0x7F) % COLUMN_SETS.len()];
    let cx = RowContext {
        columns: Array::from_slice(columns),
        values: if sel & 0x80 != 0 {
            ValueContext::Extended
        } else {
            ValueContext::Rop
        },
    };

    let decoded = PropertyRowSet::decode_with(input, cx);

    let mut walker = Reader::with_limits(input, Limits::DEFAULT);
    let skipped = skip_row_set(&mut walker, cx);

    match decoded {
        Ok((set, rest)) => {
            let used = input.len() - rest.len();
            let consumed = &input[..used];

            let n = skipped
                .unwrap_or_else(|e| panic!("PropertyRowSet decoded but skip_row_set failed: {e}"));
            assert_eq!(n, set.rows.len(), "skip_row_set row count");
            assert_eq!(
                input.len() - walker.remaining(),
                used,
                "skip_row_set consumed a different number of bytes"
            );

            assert_eq!(set.encoded_len_with(cx), used, "encoded_len_with");
            let mut counter = LenCounter::default();
            set.encode_with(&mut counter, cx)
                .expect("encode into LenCounter");
            assert_eq!(counter.0, used, "bytes written to LenCounter");
            let out = set.to_vec_with(cx).expect("re-encode");
            assert_eq!(out.as_slice(), consumed, "round trip of {set:?}");

            // Walk every cell through its accessors and Debug (lazy arrays,
            // lists, strings and nested restrictions included).
            for row in &set.rows {
                for i in 0..row.len() {
                    if let Some(v) = row.value(i) {
                        let _ = v.property_type();
                        if let Some(s) = v.as_utf16() {
                            let _ = s.chars().count();
                            let _ = s.is_well_formed();
                        }
                    }
                }
            }
            let _ = format!("{set:?}");
        }
        Err(e) => {
            assert!(
                skipped.is_err(),
                "skip_row_set succeeded where PropertyRowSet failed with {e}"
            );
            assert!(
                e.offset() <= input.len(),
                "error offset past the input: {e}"
            );
            let _ = format!("{e} / {e:?}");
        }
    }
});
