//! Attachment ROPs (MS-OXCROPS 2.2.6.12-2.2.6.18) through the ROP
//! catalogue.
//!
//! The specifications give no byte dump of these ROPs (MS-OXCMSG section 4
//! describes its attachment examples in prose), so every case is a
//! construction from the field table of the section it cites.

mod common;

use common::{hex, hexv, roundtrip2};
use mapi_wire::data::{ErrorCode, PropertyTag, PropertyValue, TypedString};
use mapi_wire::rop::*;
use mapi_wire::wire::{Decode, Encode};

fn req(bytes: &[u8]) -> RopRequest<'_> {
    roundtrip2::<RopRequest<'_>>(bytes, RopContext::default(), RopFacts::default())
}

fn resp(bytes: &[u8]) -> RopResponse<'_> {
    roundtrip2::<RopResponse<'_>>(bytes, RopContext::default(), RopFacts::default())
}

#[test]
fn open_attachment() {
    // MS-OXCROPS 2.2.6.12.1, construction: the message at slot 1, the
    // attachment to slot 2, BestAccess, AttachmentID 0.
    let r = req(hex("22 00 01 02 03 00000000"));
    let RopRequest::OpenAttachment(o) = &r else {
        panic!("{r:?}")
    };
    assert_eq!((o.input_handle_index, o.output_handle_index), (1, 2));
    assert_eq!(o.open_attachment_flags, OpenAttachmentFlags::BEST_ACCESS);
    assert_eq!(o.attachment_id, 0);
    let h = r.handles();
    assert_eq!(
        (h.input_handle_index, h.output_handle_index),
        (Some(1), Some(2))
    );
    // 2.2.6.12.2: nothing after ReturnValue; the response echoes
    // OutputHandleIndex.
    let r = resp(hex("22 02 00000000"));
    assert_eq!(r.handle_index(), Some(2));
    assert_eq!(r.handle_index_name(), Some("output_handle_index"));
    assert!(matches!(r, RopResponse::OpenAttachment(ref o) if o.ok() == Some(&NoBody)));
    // 2.2.6.12.3: failure, ecNotFound (no such attachment).
    let r = resp(hex("22 02 0f010480"));
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_FOUND));
}

#[test]
fn create_attachment() {
    // MS-OXCROPS 2.2.6.13.1, construction.
    let r = req(hex("23 00 01 02"));
    let RopRequest::CreateAttachment(c) = &r else {
        panic!()
    };
    assert_eq!((c.input_handle_index, c.output_handle_index), (1, 2));
    // 2.2.6.13.2: the new AttachmentID.
    let r = resp(hex("23 02 00000000 03000000"));
    let RopResponse::CreateAttachment(c) = &r else {
        panic!()
    };
    assert_eq!(c.ok().unwrap().attachment_id, 3);
    // 2.2.6.13.3: failure, ecNullObject.
    let r = resp(hex("23 02 b9040000"));
    assert_eq!(r.return_value(), Some(ErrorCode::NULL_OBJECT));
}

#[test]
fn delete_attachment() {
    // MS-OXCROPS 2.2.6.14.1, construction: AttachmentID 0x102.
    let r = req(hex("24 00 01 02010000"));
    let RopRequest::DeleteAttachment(d) = &r else {
        panic!()
    };
    assert_eq!((d.input_handle_index, d.attachment_id), (1, 0x102));
    // 2.2.6.14.2: one layout, nothing after ReturnValue.
    let r = resp(hex("24 01 00000000"));
    assert_eq!(r.return_value(), Some(ErrorCode(0)));
    let r = resp(hex("24 01 0f010480"));
    assert!(matches!(r, RopResponse::DeleteAttachment(ref d)
        if matches!(d.body, ResponseBody::Failure(NoBody))));
}

#[test]
fn save_changes_attachment() {
    // MS-OXCROPS 2.2.6.15.1, construction: ResponseHandleIndex 1 (the
    // message) before InputHandleIndex 2 (the attachment), KeepOpenReadOnly.
    let r = req(hex("25 00 01 02 01"));
    let RopRequest::SaveChangesAttachment(s) = &r else {
        panic!()
    };
    assert_eq!((s.response_handle_index, s.input_handle_index), (1, 2));
    assert_eq!(s.save_flags, SaveFlags::KEEP_OPEN_READ_ONLY);
    let h = r.handles();
    assert_eq!(
        (h.response_handle_index, h.input_handle_index),
        (Some(1), Some(2))
    );
    // 2.2.6.15.2: one layout; echoes ResponseHandleIndex.
    let r = resp(hex("25 01 00000000"));
    assert_eq!(r.handle_index(), Some(1));
    assert_eq!(r.handle_index_name(), Some("response_handle_index"));
    let r = resp(hex("25 01 09010480"));
    assert_eq!(r.return_value(), Some(ErrorCode(0x8004_0109)));
}

/// A RopOpenEmbeddedMessage success response (MS-OXCROPS 2.2.6.16.2):
/// Reserved, MessageId 0001-000000000042, named properties, no prefix, an
/// empty subject, one recipient over one column (PidTagDisplayName):
/// NoType with D and U ("Eve"), a standard row.
fn open_embedded_message_response() -> String {
    let eve = "1002 450076006500 0000 0100 00 450076006500 0000";
    let size = hexv(eve).len();
    format!(
        "46 02 00000000 \
         00 0100000000000042 01 00 01 \
         0100 0100 1f000130 \
         01 01 e404 0000 {size:02x}00 {eve}"
    )
}

#[test]
fn open_embedded_message() {
    // MS-OXCROPS 2.2.6.16.1, construction: the attachment at slot 1, the
    // message to slot 2, code page 1252, Create.
    let r = req(hex("46 00 01 02 e404 02"));
    let RopRequest::OpenEmbeddedMessage(o) = &r else {
        panic!()
    };
    assert_eq!((o.input_handle_index, o.output_handle_index), (1, 2));
    assert_eq!(o.code_page_id, 1252);
    assert_eq!(o.open_mode_flags, EmbeddedOpenModeFlags::CREATE);

    let bytes = hex(&open_embedded_message_response());
    let r = resp(bytes);
    let RopResponse::OpenEmbeddedMessage(o) = &r else {
        panic!()
    };
    assert_eq!(o.handle_index, 2);
    let m = o.ok().unwrap();
    assert_eq!(m.reserved, 0);
    assert_eq!(m.message_id.global_counter().value(), 0x42);
    assert!(m.has_named_properties.get());
    assert_eq!(m.subject_prefix, TypedString::NoString);
    assert_eq!(m.normalized_subject, TypedString::Empty);
    assert_eq!(m.recipient_count, 1);
    assert_eq!(m.recipient_columns.to_vec(), [PropertyTag(0x3001_001F)]);
    let eve = m.recipient_rows.get(0).unwrap();
    assert_eq!(
        eve.head.recipient_type.recipient_class(),
        RecipientClass::PRIMARY
    );
    assert_eq!(
        eve.header().unwrap().display_name.unwrap().to_string(),
        "Eve"
    );
    let row = eve.recipient_row().unwrap();
    assert_eq!(
        row.recipient_properties
            .value(0)
            .and_then(PropertyValue::as_utf16)
            .unwrap(),
        "Eve"
    );

    // 2.2.6.16.3: failure.
    let r = resp(hex("46 02 0f010480"));
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_FOUND));
}

#[test]
fn open_embedded_message_teaches_read_recipients() {
    // RopOpenEmbeddedMessage gives the message at slot 2 its recipient
    // columns; a RopReadRecipients on slot 2 in the same buffer uses them.
    let read_row = "1002 460061007900 0000 0100 00 460061007900 0000"; // "Fay"
    let size = hexv(read_row).len();
    let rops_in = "46 00 01 02 e404 00 0f 00 02 00000000 0000";
    let rops_out = format!(
        "{} 0f 02 00000000 01 00000000 01 e404 0000 {size:02x}00 {read_row}",
        open_embedded_message_response()
    );
    let input = buffer(rops_in, &[0x10, 0x11, u32::MAX]);
    let output = buffer(&rops_out, &[0x10, 0x11, 0x12]);
    let cx = OutputContext::for_request(&input).unwrap();
    let out = RopOutputBuffer::decode_exact(&output, cx).unwrap();
    let RopResponse::ReadRecipients(x) = &out.rops[1] else {
        panic!("{:?}", out.rops[1])
    };
    let fay = x.ok().unwrap().recipient_rows.get(0).unwrap();
    let row = fay.recipient_row().unwrap();
    assert_eq!(
        row.recipient_properties
            .value(0)
            .and_then(PropertyValue::as_utf16)
            .unwrap(),
        "Fay"
    );
    assert_eq!(out.to_vec_with(()).unwrap(), output);
}

#[test]
fn get_attachment_table() {
    // MS-OXCROPS 2.2.6.17.1, construction: a Unicode table.
    let r = req(hex("21 00 01 02 40"));
    let RopRequest::GetAttachmentTable(g) = &r else {
        panic!()
    };
    assert_eq!(g.table_flags, AttachmentTableFlags::UNICODE);
    assert_eq!(g.output_handle_index, 2);
    // 2.2.6.17.2 and 2.2.6.17.3.
    let r = resp(hex("21 02 00000000"));
    assert_eq!(r.handle_index_name(), Some("output_handle_index"));
    assert_eq!(r.return_value(), Some(ErrorCode(0)));
    let r = resp(hex("21 02 b9040000"));
    assert_eq!(r.return_value(), Some(ErrorCode::NULL_OBJECT));
}

#[test]
fn get_valid_attachments() {
    // MS-OXCROPS 2.2.6.18.1, construction.
    let r = req(hex("52 00 01"));
    let RopRequest::GetValidAttachments(g) = &r else {
        panic!()
    };
    assert_eq!(g.input_handle_index, 1);
    // 2.2.6.18.2: AttachmentIdCount 3 and the IDs.
    let r = resp(hex("52 01 00000000 0300 00000000 01000000 04000000"));
    let RopResponse::GetValidAttachments(g) = &r else {
        panic!()
    };
    assert_eq!(g.ok().unwrap().attachment_id_array.to_vec(), [0, 1, 4]);
    // No attachment.
    let r = resp(hex("52 01 00000000 0000"));
    let RopResponse::GetValidAttachments(g) = &r else {
        panic!()
    };
    assert!(g.ok().unwrap().attachment_id_array.is_empty());
    // 2.2.6.18.3: failure.
    let r = resp(hex("52 01 b9040000"));
    assert_eq!(r.return_value(), Some(ErrorCode::NULL_OBJECT));
    // A count larger than the bytes is rejected before anything is read.
    let e = RopResponse::decode_with(hex("52 01 00000000 ffff 00000000"), RopContext::default())
        .unwrap_err();
    assert_eq!(e.offset(), 6);
}

#[test]
fn every_attachment_rop_has_both_codecs() {
    let ids = [
        RopId::OPEN_ATTACHMENT,
        RopId::CREATE_ATTACHMENT,
        RopId::DELETE_ATTACHMENT,
        RopId::SAVE_CHANGES_ATTACHMENT,
        RopId::OPEN_EMBEDDED_MESSAGE,
        RopId::GET_ATTACHMENT_TABLE,
        RopId::GET_VALID_ATTACHMENTS,
    ];
    common::assert_catalogued(ids.map(|id| id.0));
}

/// RopSize, the RopsList and the ServerObjectHandleTable (MS-OXCROPS 2.2.1).
fn buffer(rops: &str, handles: &[u32]) -> Vec<u8> {
    let list = hexv(rops);
    let mut v = Vec::from(((list.len() + 2) as u16).to_le_bytes());
    v.extend_from_slice(&list);
    for h in handles {
        v.extend_from_slice(&h.to_le_bytes());
    }
    v
}
