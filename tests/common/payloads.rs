//! Realistic payloads shared by the tests and the benchmarks (the
//! benchmarks include this file with `#[path]`).
#![allow(dead_code)]

use mapi_wire::data::*;
use mapi_wire::wire::{Array, Bytes, Encode};

/// A RopQueryRows response as it sits in a ROP output buffer (MS-OXCROPS
/// 2.2.5.4.2 inside 2.2.1; construction): RopSize, RopId 0x15,
/// InputHandleIndex, ReturnValue, Origin, RowCount and the rows of a
/// contents table, then a one-entry handle table; as many rows as fit in
/// `target` bytes.
pub fn query_rows_output(target: usize) -> Vec<u8> {
    let cols = [
        PropertyTag(0x6748_0014), // PidTagFolderId
        PropertyTag(0x674A_0014), // PidTagMid
        PropertyTag(0x0037_001F), // PidTagSubject
        PropertyTag(0x0042_001F), // PidTagSentRepresentingName
        PropertyTag(0x0E06_0040), // PidTagMessageDeliveryTime
        PropertyTag(0x0E07_0003), // PidTagMessageFlags
        PropertyTag(0x0E08_0003), // PidTagMessageSize
        PropertyTag(0x0FFF_0102), // PidTagEntryId
        PropertyTag(0x001A_001F), // PidTagMessageClass
    ];
    let cx = RowContext::rop(Array::from_slice(&cols));
    let senders = ["Alice Example", "Bob Builder", "Carol Jones", "Dan Smith"];
    let subjects: Vec<String> = (0..2000)
        .map(|i| format!("Re: quarterly planning meeting notes #{}", i * 7 % 113))
        .collect();
    let entry_ids: Vec<Vec<u8>> = (0..2000u32)
        .map(|i| {
            let mut e = vec![0, 0, 0, 0];
            e.extend_from_slice(&[0x5A; 16]);
            e.extend_from_slice(&[0x07, 0x00]);
            e.extend_from_slice(&[0x11; 22]);
            e.extend_from_slice(&(0x1000 + i).to_le_bytes());
            e
        })
        .collect();
    let mut rows = Vec::new();
    let mut body = Vec::new();
    for i in 0..2000usize {
        let values = [
            PropertyValue::Integer64(0x0001_0000_0000_0001),
            PropertyValue::Integer64(0x0001_0000_0010_0000 + i as i64),
            PropertyValue::string(&subjects[i]),
            PropertyValue::string(senders[i % 4]),
            PropertyValue::Time(FileTime::from_unix_seconds(1_700_000_000 + i as i64 * 97)),
            PropertyValue::Integer32(if i % 3 == 0 { 1 } else { 0 }),
            PropertyValue::Integer32(4096 + (i as i32 * 37) % 9000),
            PropertyValue::Binary(Bytes(&entry_ids[i])),
            PropertyValue::string("IPM.Note"),
        ];
        rows.push(PropertyRow::Standard(
            values.iter().map(|v| StandardValue::Value(*v)).collect(),
        ));
        let set = PropertyRowSet { rows: rows.clone() };
        let next = set.to_vec_with(cx).unwrap();
        if 2 + 8 + next.len() + 4 > target {
            break;
        }
        body = next;
    }
    let mut rop = vec![0x15, 0x00, 0, 0, 0, 0, 0x02];
    rop.extend_from_slice(&body);
    let mut out = Vec::from(((2 + rop.len()) as u16).to_le_bytes());
    out.extend_from_slice(&rop);
    out.extend_from_slice(&[0x01, 0x00, 0x00, 0x00]);
    out
}
