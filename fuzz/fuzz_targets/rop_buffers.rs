//! ROP input and output buffers (MS-OXCROPS 2.2.1), with the pairing of
//! responses and requests and the session tracker.
//!
//! Byte 0 selects the mode:
//! - bit 0 set: the rest is a ROP input buffer. Bits 1-2 choose the logons
//!   known beforehand (none, all private, all public).
//! - bit 0 clear: the rest is `len u16 | input buffer (len bytes) | output
//!   buffer`. Bits 1-3 choose the column list a session knows for every
//!   table and message (none, or one of a few column sets).
//!
//! Oracles, whenever a buffer decodes:
//! - re-encoding gives back exactly the bytes, with an exact `encoded_len`;
//! - the allocation-free walkers yield the same ROPs, in order, whose byte
//!   ranges tile the RopsList;
//! - each ROP re-encodes alone to the bytes of its range;
//! - the session tracker can learn from the exchange without failing
//!   differently from the decoder.
//!
//! When decoding fails, the error's offset lies within the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapi_wire::data::PropertyTag;
use mapi_wire::rop::{
    ContextSource, LogonKind, LogonMap, OutputContext, RequestWalker, ResponseWalker, RopFacts,
    RopFrame, RopInputBuffer, RopOutputBuffer, Session,
};
use mapi_wire::wire::{Decode, Encode, Reader};

const COLUMN_SETS: &[&[PropertyTag]] = &[
    &[PropertyTag(0x0E08_0003), PropertyTag(0x0037_001F)],
    &[
        PropertyTag(0x6748_0014),
        PropertyTag(0x0FFF_0102),
        PropertyTag(0x0E06_0040),
    ],
    &[PropertyTag(0x0037_0000), PropertyTag(0x3001_101F)],
    &[
        PropertyTag(0x0C15_0003),
        PropertyTag(0x3001_001E),
        PropertyTag(0x39FE_001F),
    ],
    &[],
];

struct Known(Option<&'static [PropertyTag]>);

impl ContextSource for Known {
    fn table_columns(&self, _: u32) -> Option<&[PropertyTag]> {
        self.0
    }
    fn recipient_columns(&self, _: u32) -> Option<&[PropertyTag]> {
        self.0
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    if sel & 1 != 0 {
        input_buffer(sel, rest);
    } else {
        output_buffer(sel, rest);
    }
});

fn input_buffer(sel: u8, bytes: &[u8]) {
    let mut logons = LogonMap::default();
    let kind = match (sel >> 1) & 3 {
        1 => Some(LogonKind::Private),
        2 => Some(LogonKind::Public),
        _ => None,
    };
    if let Some(k) = kind {
        for id in 0..=255 {
            logons.set(id, k);
        }
    }
    let buf = match RopInputBuffer::decode_exact(bytes, logons) {
        Ok(b) => b,
        Err(e) => {
            assert!(
                e.offset() <= bytes.len(),
                "error offset past the input: {e}"
            );
            return;
        }
    };
    assert_eq!(buf.encoded_len_with(logons), bytes.len());
    assert_eq!(
        buf.to_vec_with(logons).unwrap(),
        bytes,
        "input buffer round trip"
    );
    let frame = RopFrame::read(&mut Reader::new(bytes)).unwrap();
    let mut walk = RequestWalker::new(frame.rops_list, frame.rops_offset, logons);
    let mut at = frame.rops_offset;
    let mut n = 0;
    while let Some(item) = walk.next_with_range() {
        let (req, range) = item.expect("walker fails where the buffer decoded");
        assert_eq!(range.start, at, "request ranges tile the RopsList");
        at = range.end;
        same(&req, &buf.rops[n]);
        let facts = RopFacts {
            logon: req.logon_id().and_then(|id| walk.logons().get(id)),
            ..RopFacts::default()
        };
        assert_eq!(
            req.to_vec_with(facts).unwrap(),
            &bytes[range],
            "request {n} alone"
        );
        n += 1;
    }
    assert_eq!(n, buf.rops.len());
    assert_eq!(at, frame.rops_offset + frame.rops_list.len());
    let _ = format!("{buf:?}");
}

fn output_buffer(sel: u8, data: &[u8]) {
    let Some((len, rest)) = data.split_first_chunk::<2>() else {
        return;
    };
    let len = usize::from(u16::from_le_bytes(*len)).min(rest.len());
    let (input, output) = rest.split_at(len);
    let known = Known(match (sel >> 1) & 7 {
        0 => None,
        i => COLUMN_SETS.get(usize::from(i) - 1).copied(),
    });
    let mut cx = OutputContext::for_request(input).unwrap_or_default();
    cx.source = Some(&known);
    let buf = match RopOutputBuffer::decode_exact(output, cx) {
        Ok(b) => b,
        Err(e) => {
            assert!(
                e.offset() <= output.len(),
                "error offset past the output: {e}"
            );
            return;
        }
    };
    assert_eq!(buf.encoded_len_with(()), output.len());
    assert_eq!(
        buf.to_vec_with(()).unwrap(),
        output,
        "output buffer round trip"
    );
    let frame = RopFrame::read(&mut Reader::new(output)).unwrap();
    let mut walk = ResponseWalker::new(frame, cx.request, cx.source);
    let mut at = frame.rops_offset;
    let mut n = 0;
    while let Some(item) = walk.next_with_range() {
        let (resp, range) = item.expect("walker fails where the buffer decoded");
        assert_eq!(range.start, at, "response ranges tile the RopsList");
        at = range.end;
        same(&resp, &buf.rops[n]);
        assert_eq!(
            resp.to_vec_with(RopFacts::default()).unwrap(),
            &output[range],
            "response {n} alone"
        );
        n += 1;
    }
    assert_eq!(n, buf.rops.len());
    let _ = format!("{buf:?}");
    // The tracker walks the same exchange.
    let mut session = Session::new();
    if RopInputBuffer::decode_exact(input, LogonMap::default()).is_ok() {
        session
            .observe(input, output)
            .expect("the tracker fails on an exchange that decodes");
        let _ = session.decode_response(input, output);
    }
}

/// The walker and the buffer decoded the same value. Floating-point cells
/// holding NaN are unequal to themselves under `PartialEq`, so values that
/// differ are compared again through their `Debug` form, which prints
/// every NaN alike; the byte-level checks next to each call catch any NaN
/// payload that would differ.
fn same<T: PartialEq + std::fmt::Debug>(a: &T, b: &T) {
    if a != b {
        assert_eq!(
            format!("{a:?}"),
            format!("{b:?}"),
            "walker and buffer agree"
        );
    }
}
