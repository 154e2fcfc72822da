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
        if cfg!(feature = "alloc") { 12 } else { 2 }
    );
    assert_eq!(e.offset(), 3);
}

// ===========================================================================
// The data layer.

use mapi_wire::data::*;
use mapi_wire::wire::{Array, Count, Decode};

/// Runs `f` on a thread with a large stack, for the deep trees below
/// (debug builds spend a lot of stack per level).
fn with_big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

/// `depth` nested NotRestrictions (MS-OXCDATA 2.12.3) around an
/// ExistRestriction of PidTagSubject (2.12.9), in ROP form: `depth + 1`
/// levels in all.
fn not_chain(depth: usize) -> Vec<u8> {
    let mut b = vec![0x02; depth];
    b.extend_from_slice(&[0x08, 0x1F, 0x00, 0x37, 0x00]);
    b
}

// ---------------------------------------------------------------------------
// src/data/restriction.rs, src/data/row.rs, src/wire/list.rs: lazy children
// decoded again under Limits::PERMISSIVE (depth 255).

#[test]
fn trees_validated_deeper_than_255_can_be_walked() {
    // A caller may allow more than 255 levels; the lazy children were read
    // again with PERMISSIVE's 255 and failed (a debug assertion, and a
    // wrong empty AndRestriction in release builds).
    with_big_stack(|| {
        let deep = Limits {
            max_depth: 300,
            ..Limits::DEFAULT
        };
        let bytes = leak(not_chain(279));
        let (r, rest) = Restriction::decode_with_limits(bytes, ValueContext::Rop, deep).unwrap();
        assert!(rest.is_empty());
        let mut levels = 1;
        let mut node = r;
        while let Restriction::Not(n) = node {
            node = n.restriction.get();
            levels += 1;
        }
        assert_eq!(levels, 280);
        assert!(
            matches!(node, Restriction::Exist(e) if e.property_tag == PropertyTag(0x0037_001F))
        );

        // The same chain as a child of an AndRestriction (MS-OXCDATA
        // 2.12.1: a 2-byte count in ROPs): the list's iterator.
        let and = leak([&[0x00, 0x01, 0x00][..], &not_chain(278)].concat());
        let (r, _) = Restriction::decode_with_limits(and, ValueContext::Rop, deep).unwrap();
        let Restriction::And(a) = r else { panic!() };
        assert_eq!(a.restricts.iter().count(), 1);

        // And as a PtypRestriction cell of a row (MS-OXCDATA 2.8.1.1),
        // walked by PropertyRows::for_each_row.
        let tags = [PropertyTag(0x6679_00FD)];
        let cx = RowContext::rop(Array::from_slice(&tags));
        let row = leak([&[0x00][..], &not_chain(270)].concat());
        let mut r = Reader::with_limits(row, deep);
        let rows = PropertyRows::decode_from(&mut r, (Count::Known(1), cx)).unwrap();
        let mut seen = 0;
        rows.for_each_row(|_, cells| {
            for c in cells {
                assert!(matches!(
                    c.unwrap().value(),
                    Some(PropertyValue::Restriction(_))
                ));
                seen += 1;
            }
        });
        assert_eq!(seen, 1);
    });
}

// ---------------------------------------------------------------------------
// src/data/row.rs: rows over PtypNull columns.

/// `n` columns of PidTagNull (0x00000001, MS-OXCDATA 2.11.1: PtypNull).
fn null_columns(n: usize) -> &'static [PropertyTag] {
    Box::leak(vec![PropertyTag(0x0000_0001); n].into_boxed_slice())
}

/// A PropertyRowSet (MS-OXCDATA 2.8.2) of `rows` StandardPropertyRows that
/// are their Flag byte alone (every cell is PtypNull, which has no bytes).
fn empty_rows(rows: u16) -> &'static [u8] {
    let mut b = Vec::from(rows.to_le_bytes());
    b.resize(2 + usize::from(rows), 0x00);
    leak(b)
}

#[test]
fn rows_of_null_cells_are_bounded() {
    // 300 rows of one byte each over 1,000 PtypNull columns: 300,000
    // cells from 300 bytes of rows (32,767 rows over 8,000 columns, what
    // two 32 KiB ROP buffers can carry, would be 262 million). Rows ×
    // empty cells may not exceed max_count (100,000 by default).
    let cx = RowContext::rop(Array::from_slice(null_columns(1000)));
    let bytes = empty_rows(300);
    let e = PropertyRowSet::decode_with(bytes, cx).unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::LimitExceeded {
            value: 300_000,
            limit: 100_000
        }
    );
    assert_eq!(e.offset(), 0);
    assert_eq!(
        e.to_string(),
        "PropertyRowSet.RowCount: 300000 exceeds the limit of 100000 (offset 0)"
    );
    // The allocation-free walker agrees.
    let e2 = skip_row_set(&mut Reader::new(bytes), cx).unwrap_err();
    assert_eq!(e2.kind(), e.kind());
    // So do the ROP rows (RopQueryRows' RowData, a count given earlier).
    let e3 = PropertyRows::decode_with(&bytes[2..], (Count::Known(300), cx)).unwrap_err();
    assert_eq!(e3.kind(), e.kind());
    // PERMISSIVE lifts the cap, as it lifts every count cap.
    let (set, _) = PropertyRowSet::decode_with_limits(bytes, cx, Limits::PERMISSIVE).unwrap();
    assert_eq!(set.rows.len(), 300);
    assert!(set.rows.iter().all(|r| r.len() == 1000));
}

#[test]
fn rows_with_a_few_null_columns_still_decode() {
    // PidTagNull columns reserve places in a row: a few of them next to
    // real columns, over many rows, stay well within the cap.
    let mut tags = vec![PropertyTag(0x0E08_0003)]; // PidTagMessageSize
    tags.extend_from_slice(null_columns(3));
    let cx = RowContext::rop(Array::from_slice(leak_tags(tags)));
    let mut b = Vec::from(100u16.to_le_bytes());
    for i in 0..100u32 {
        b.push(0x00);
        b.extend_from_slice(&i.to_le_bytes());
    }
    let bytes = leak(b);
    let set = common::roundtrip::<PropertyRowSet<'_>>(bytes, cx);
    assert_eq!(set.rows.len(), 100);
    assert_eq!(set.rows[99].value(0), Some(&PropertyValue::Integer32(99)));
    assert_eq!(set.rows[99].value(3), Some(&PropertyValue::Null));
    // Flagged rows (MS-OXCDATA 2.8.1.2) of null cells take a byte per cell
    // and are bounded by the bytes, like every other cell.
    let mut b = Vec::from(1u16.to_le_bytes());
    b.push(0x01);
    b.extend_from_slice(&[0x01; 4]);
    let (set, _) = PropertyRowSet::decode_with(leak(b), cx).unwrap();
    assert!(matches!(&set.rows[0], PropertyRow::Flagged(c) if c.len() == 4));
}

fn leak_tags(v: Vec<PropertyTag>) -> &'static [PropertyTag] {
    Box::leak(v.into_boxed_slice())
}

// ---------------------------------------------------------------------------
// src/data/name.rs: NameSize arithmetic.

#[test]
fn property_name_sizes_at_the_edges() {
    // MS-OXCDATA 2.6.1: NameSize counts the UTF-16 name and its 2-byte
    // terminator. The smallest, 2, is the empty name.
    let mut b = vec![0x01];
    b.extend_from_slice(&Guid::PS_MAPI.0);
    b.extend_from_slice(&[0x02, 0x00, 0x00]);
    let n = common::roundtrip::<PropertyName<'_>>(leak(b), ());
    assert!(matches!(n, PropertyName::Name { name, .. } if name.is_empty()));
    // The longest name, 252 bytes, gives NameSize 254.
    let long = leak(vec![0x41; 252]);
    let v = PropertyName::Name {
        guid: Guid::PS_MAPI,
        name: long,
    };
    let bytes = v.to_vec().unwrap();
    assert_eq!(bytes[17], 254);
    assert_eq!(bytes.len(), v.encoded_len());
    // One unit more does not fit.
    let too_long = PropertyName::Name {
        guid: Guid::PS_MAPI,
        name: leak(vec![0x41; 254]),
    };
    let e = too_long.to_vec().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unencodable { value: 254 });
    // NameSize 1 and odd sizes are rejected at the size byte (offset 17).
    for size in [0u8, 1, 3] {
        let mut b = vec![0x01];
        b.extend_from_slice(&Guid::PS_MAPI.0);
        b.extend_from_slice(&[size, 0x00, 0x00, 0x00]);
        let e = PropertyName::decode(&b).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidValue { value: size.into() });
        assert_eq!(e.offset(), 17);
    }
}

// ---------------------------------------------------------------------------
// src/data/time.rs: calendar arithmetic at the ends of the range.

#[test]
fn file_times_at_the_ends_of_the_range() {
    assert_eq!(FileTime(0).to_string(), "1601-01-01T00:00:00.0000000Z");
    assert_eq!(FileTime(0).unix_seconds(), -11_644_473_600);
    // u64::MAX ticks: 1,844,674,407,370 s after 1601.
    assert_eq!(
        FileTime(u64::MAX).to_string(),
        "60056-05-28T05:36:10.9551615Z"
    );
    assert_eq!(FileTime(u64::MAX).unix_seconds(), 1_833_029_933_770);
}

// ===========================================================================
// The ROP core.

use common::hex;
use mapi_wire::rop::*;

/// A ROP buffer (MS-OXCROPS 2.2.1): RopSize, the RopsList, the handles.
fn buffer(rops: &[&[u8]], handles: &[u32]) -> Vec<u8> {
    let body: Vec<u8> = rops.concat();
    let mut b = Vec::from(u16::try_from(2 + body.len()).unwrap().to_le_bytes());
    b.extend_from_slice(&body);
    for h in handles {
        b.extend_from_slice(&h.to_le_bytes());
    }
    b
}

// ---------------------------------------------------------------------------
// src/rop/buffer.rs: RopNotify naming a handle past slot 255.

/// RopNotify (MS-OXCROPS 2.2.14.2.1) for server handle `handle`: LogonId 0
/// and a TableModified/TableChanged NotificationData (MS-OXCNOTIF
/// 2.2.1.4.1.2), which has no further field.
fn notify(handle: u32) -> Vec<u8> {
    let mut b = vec![0x2A];
    b.extend_from_slice(&handle.to_le_bytes());
    b.extend_from_slice(&[0x00, 0x00, 0x01, 0x01, 0x00]);
    b
}

#[test]
fn notify_for_a_handle_past_slot_255_does_not_panic() {
    // The ServerObjectHandleTable fills the rest of the buffer
    // (MS-OXCROPS 2.2.1), so it may have more than 256 entries although a
    // handle index is one byte. The walker looked up its slot state by the
    // entry's position and indexed past its 256 slots: a panic.
    let n = notify(0x1234_5678);
    let mut handles = vec![u32::MAX; 256];
    handles.push(0x1234_5678);
    let out = leak(buffer(&[&n], &handles));
    let buf = RopOutputBuffer::decode_exact(out, OutputContext::default()).unwrap();
    let [RopResponse::Notify(v)] = buf.rops.as_slice() else {
        panic!("{:?}", buf.rops)
    };
    assert_eq!(v.notification_handle, 0x1234_5678);
    assert_eq!(
        v.notification_data.table_event_type,
        Some(TableEventType::TABLE_CHANGED)
    );
    assert_eq!(buf.server_object_handle_table.len(), 257);
    assert_eq!(buf.to_vec_with(()).unwrap(), out);

    // The walker alone, and the session tracker, walk it too.
    let frame = RopFrame::read(&mut Reader::new(out)).unwrap();
    let ids: Vec<RopId> = ResponseWalker::new(frame, None, None)
        .map(|r| r.unwrap().rop_id())
        .collect();
    assert_eq!(ids, [RopId::NOTIFY]);
    let input = leak(buffer(&[], &[]));
    let mut session = Session::new();
    session.observe(input, out).unwrap();
    assert_eq!(session.decode_response(input, out).unwrap().rops.len(), 1);
}

#[test]
fn notify_still_finds_the_columns_of_a_slot_below_256() {
    // The fix keeps the lookup for slots that can be named: a
    // RopSetColumns (MS-OXCROPS 2.2.5.1) on slot 1 earlier in the buffer
    // gives the columns of a TableRowAdded notification (MS-OXCNOTIF
    // 2.2.1.4.1.2) for that slot's handle, in a handle table of 301
    // entries (the same handle again at position 300, which no index can
    // name).
    let set_columns = hex("12 00 01 00 0100 0300080E"); // PidTagMessageSize, PtypInteger32
    let input = leak(buffer(&[set_columns], &[0xAA, 0xBB]));
    let mut n = vec![0x2A, 0xBB, 0, 0, 0, 0x00, 0x00, 0x81, 0x03, 0x00];
    for _ in 0..2 {
        n.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 7]); // FolderId
        n.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 8]); // MessageId
        n.extend_from_slice(&[0, 0, 0, 0]); // Instance
    }
    n.extend_from_slice(&[0x05, 0x00, 0x00, 0x2A, 0, 0, 0]); // one standard row: 42
    let set_columns_ok = hex("12 01 00000000 00");
    let mut handles = vec![u32::MAX; 301];
    handles[1] = 0xBB;
    handles[300] = 0xBB;
    let out = leak(buffer(&[set_columns_ok, &n], &handles));
    let cx = OutputContext::for_request(input).unwrap();
    let buf = RopOutputBuffer::decode_exact(out, cx).unwrap();
    let RopResponse::Notify(v) = &buf.rops[1] else {
        panic!("{:?}", buf.rops)
    };
    let row = v.notification_data.table_row_data.unwrap().0;
    let rows = row.rows().expect("the slot's columns were found");
    let cell = rows.rows().next().unwrap();
    assert_eq!(cell.value(0), Some(&PropertyValue::Integer32(42)));
}

// ---------------------------------------------------------------------------
// src/rop/session.rs: RopOutputBuffer ignored the caller's limits.

#[test]
fn output_buffers_obey_the_callers_limits() {
    // RopSetColumns (MS-OXCROPS 2.2.5.1) of one PtypMultipleInteger16
    // column, then RopQueryRows (2.2.5.4) of a row whose value has three
    // elements (MS-OXCDATA 2.11.1: a 4-byte count in ROPs).
    let set_columns = hex("12 00 00 00 0100 02100100");
    let query_rows = hex("15 00 00 00 01 0100");
    let input = leak(buffer(&[set_columns, query_rows], &[0x42]));
    let set_columns_ok = hex("12 00 00000000 00");
    let query_rows_ok = hex("15 00 00000000 02 0100 00 03000000 0100 0200 0300");
    let output = leak(buffer(&[set_columns_ok, query_rows_ok], &[0x42]));
    let cx = OutputContext::for_request(input).unwrap();

    let (buf, rest) = RopOutputBuffer::decode_with(output, cx).unwrap();
    assert!(rest.is_empty());
    let RopResponse::QueryRows(q) = &buf.rops[1] else {
        panic!()
    };
    let row = q
        .ok()
        .unwrap()
        .row_data
        .rows()
        .unwrap()
        .rows()
        .next()
        .unwrap();
    let Some(PropertyValue::MultipleInteger16(a)) = row.value(0) else {
        panic!("{row:?}")
    };
    assert_eq!(a.to_vec(), [1, 2, 3]);

    // With at most two elements per count, the same bytes must fail at
    // the count (offset 19: RopSize 2, the RopSetColumns response 7, then
    // RopId, handle index, ReturnValue, Origin, RowCount and the row's
    // Flag); the walker used Limits::DEFAULT instead.
    let strict = Limits {
        max_count: 2,
        ..Limits::DEFAULT
    };
    let e = RopOutputBuffer::decode_with_limits(output, cx, strict).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::LimitExceeded { value: 3, limit: 2 });
    assert_eq!(e.offset(), 19);
    // The input buffer decoder already honoured them.
    let deep = leak(buffer(
        &[&[hex("14 00 00 00"), &(6u16.to_le_bytes())[..], &not_chain(1)].concat()],
        &[0x42],
    ));
    let shallow = Limits {
        max_depth: 1,
        ..Limits::DEFAULT
    };
    assert!(RopInputBuffer::decode_with(deep, LogonMap::default()).is_ok());
    let e = RopInputBuffer::decode_with_limits(deep, LogonMap::default(), shallow).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::LimitExceeded { value: 2, limit: 1 });
}

// ---------------------------------------------------------------------------
// src/rop/buffer.rs: the logon map's two words.

#[test]
fn logon_map_covers_every_logon_id() {
    let mut m = LogonMap::default();
    for id in 0..=255u8 {
        assert_eq!(m.get(id), None);
        let kind = if id % 3 == 0 {
            LogonKind::Private
        } else {
            LogonKind::Public
        };
        m.set(id, kind);
    }
    for id in 0..=255u8 {
        let kind = if id % 3 == 0 {
            LogonKind::Private
        } else {
            LogonKind::Public
        };
        assert_eq!(m.get(id), Some(kind), "logon {id}");
    }
    m.set(200, LogonKind::Public);
    m.set(7, LogonKind::Private);
    assert_eq!(m.get(200), Some(LogonKind::Public));
    assert_eq!(m.get(7), Some(LogonKind::Private));
    assert_eq!(m.get(71), Some(LogonKind::Public));
}

// ---------------------------------------------------------------------------
// src/rop/buffer.rs: RopSize arithmetic.

#[test]
fn rop_size_edges() {
    // MS-OXCROPS 2.2.1: RopSize counts itself, so 0 and 1 are invalid and
    // 2 is the empty list.
    for size in [0u8, 1] {
        let e = RopFrame::read(&mut Reader::new(&[size, 0x00])).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidValue { value: size.into() });
        assert_eq!(e.offset(), 0);
    }
    let f = RopFrame::read(&mut Reader::new(&[0x02, 0x00])).unwrap();
    assert!(f.rops_list.is_empty());
    assert_eq!(f.rops_offset, 2);
}

// ===========================================================================
// Error offsets of every decoder.

use proptest::prelude::*;

// ---------------------------------------------------------------------------
// Error offsets stay within the input, for every decoder of these layers.

fn offset_within<'a, T: Decode<'a>>(bytes: &'a [u8], cx: T::Ctx) -> Result<(), TestCaseError> {
    if let Err(e) = T::decode_with(bytes, cx) {
        prop_assert!(
            e.offset() <= bytes.len(),
            "{}: {e} for {} bytes",
            T::NAME,
            bytes.len()
        );
    }
    Ok(())
}

fn error_offsets(data: &'static [u8], ty: u16, cx: ValueContext) -> Result<(), TestCaseError> {
    offset_within::<PropertyValue<'_>>(data, (PropertyType(ty), cx))?;
    offset_within::<TaggedPropertyValue<'_>>(data, cx)?;
    offset_within::<TypedPropertyValue<'_>>(data, cx)?;
    offset_within::<FlaggedPropertyValue<'_>>(data, (PropertyType(ty), cx))?;
    offset_within::<FlaggedPropertyValueWithType<'_>>(data, cx)?;
    offset_within::<Restriction<'_>>(data, cx)?;
    offset_within::<RuleAction<'_>>(data, cx)?;
    offset_within::<ServerId<'_>>(data, cx)?;
    offset_within::<TypedString<'_>>(data, ())?;
    offset_within::<PropertyName<'_>>(data, ())?;
    offset_within::<SortOrderSet<'_>>(data, ())?;
    offset_within::<PropertyProblemArray<'_>>(data, ())?;
    offset_within::<PropertyTagArray<'_>>(data, ())?;
    offset_within::<StoreEntryId<'_>>(data, ())?;
    offset_within::<AddressBookEntryId<'_>>(data, ())?;
    offset_within::<OneOffEntryId<'_>>(data, ())?;
    offset_within::<FolderEntryId>(data, ())?;
    offset_within::<NulString<'_>>(data, ty & 1 == 1)?;
    offset_within::<RecipientRowHeader<'_>>(data, usize::from(ty & 7))?;
    let cols = Box::leak(Box::new([
        PropertyTag::new(1, PropertyType(ty)),
        PropertyTag::new(2, PropertyType::UNSPECIFIED),
        PropertyTag::new(3, PropertyType::NULL),
    ]));
    let rcx = RowContext {
        columns: Array::from_slice(cols),
        values: cx,
    };
    offset_within::<PropertyRowSet<'_>>(data, rcx)?;
    offset_within::<RecipientRow<'_>>(data, rcx)?;
    offset_within::<PropertyRows<'_>>(data, (Count::Prefix(Width::U16), rcx))?;
    offset_within::<RowData<'_>>(data, (Count::Known(usize::from(ty % 4)), Some(rcx)))?;
    let rop = RopContext::default().with_columns(rcx.columns);
    offset_within::<RopRequest<'_>>(data, rop)?;
    offset_within::<RopResponse<'_>>(data, rop)?;
    offset_within::<RopInputBuffer<'_>>(data, LogonMap::default())?;
    offset_within::<RopOutputBuffer<'_>>(data, OutputContext::default())?;
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn error_offsets_lie_within_the_input(
        data in prop::collection::vec(any::<u8>(), 0..96),
        ty in any::<u16>(),
        cx in prop_oneof![Just(ValueContext::Rop), Just(ValueContext::Extended)],
    ) {
        error_offsets(leak(data), ty, cx)?;
    }

    #[test]
    fn error_offsets_of_small_bytes_lie_within_the_input(
        // Small values hit counts, flags and type codes that parse further.
        data in prop::collection::vec(0u8..4, 0..96),
        ty in any::<u16>(),
        cx in prop_oneof![Just(ValueContext::Rop), Just(ValueContext::Extended)],
    ) {
        error_offsets(leak(data), ty, cx)?;
    }
}
