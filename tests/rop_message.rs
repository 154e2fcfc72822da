//! Message ROPs (MS-OXCROPS 2.2.6.1-2.2.6.11) through the ROP catalogue.
//!
//! Neither MS-OXCROPS nor MS-OXCMSG gives a byte dump of these ROPs
//! (MS-OXCMSG section 4 describes its examples in prose), and the shared
//! vectors have none, so every case is a construction from the field
//! tables of the section it cites, each field commented. Recipient rows
//! follow MS-OXCDATA 2.8.3 (flags masks of 2.8.3.1).

mod common;

use common::{hex, hexv, roundtrip2};
use mapi_wire::data::{
    DisplayType, ErrorCode, FolderId, MessageId, PropertyTag, PropertyValue, RecipientAddressType,
    RecipientFlags, RowContext, TypedString,
};
use mapi_wire::rop::*;
use mapi_wire::wire::{Array, Decode, Encode, ErrorKind};

fn req(bytes: &[u8]) -> RopRequest<'_> {
    roundtrip2::<RopRequest<'_>>(bytes, RopContext::default(), RopFacts::default())
}

fn req_with(bytes: &[u8], logon: LogonKind) -> RopRequest<'_> {
    let facts = RopFacts {
        logon: Some(logon),
        ..RopFacts::default()
    };
    roundtrip2::<RopRequest<'_>>(bytes, RopContext::default().with_logon(logon), facts)
}

fn resp<'a>(bytes: &'a [u8], cx: RopContext<'a>) -> RopResponse<'a> {
    roundtrip2::<RopResponse<'_>>(bytes, cx, RopFacts::default())
}

/// UTF-16LE with its terminator, as hex.
fn w(s: &str) -> String {
    let mut out: String = s
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .map(|b| format!("{b:02x}"))
        .collect();
    out.push_str("0000");
    out
}

/// 8-bit with its terminator, as hex.
fn a(s: &str) -> String {
    let mut out: String = s.bytes().map(|b| format!("{b:02x}")).collect();
    out.push_str("00");
    out
}

/// `head`, then RecipientRowSize (the length of `row`) and `row`.
fn framed(head: &str, row: &str) -> String {
    let n = hexv(row).len() as u16;
    let [lo, hi] = n.to_le_bytes();
    format!("{head} {lo:02x}{hi:02x} {row}")
}

// Recipient columns of the constructions below.
const RECIPIENT_TYPE: PropertyTag = PropertyTag(0x0C15_0003); // PidTagRecipientType
const SMTP_ADDRESS: PropertyTag = PropertyTag(0x39FE_001F); // PidTagSmtpAddress
const TRACK_STATUS: PropertyTag = PropertyTag(0x5FFF_0003); // PidTagRecipientTrackStatus
const DISPLAY_NAME: PropertyTag = PropertyTag(0x3001_001F); // PidTagDisplayName

/// RecipientColumns of the RopOpenMessage construction, with ColumnCount.
fn open_columns() -> String {
    "0300 0300150c 1f00fe39 0300ff5f".into()
}

/// Ann, a RecipientRow (MS-OXCDATA 2.8.3.2): SMTP with E, D, S and U
/// (RecipientFlags 0x025B), all three columns, a standard row.
fn ann_row() -> String {
    format!(
        "5b02 {} {} 0300 00 01000000 {} 00000000",
        w("ann@example.com"),
        w("Ann"),
        w("ann@example.com")
    )
}

/// Bob: X500DN with D, 8-bit strings (RecipientFlags 0x0011), the first
/// column only, a flagged row.
fn bob_row() -> String {
    format!(
        "1100 00 00 {} {} 0100 01 00 02000000",
        a("/o=Contoso/ou=Exchange/cn=Recipients/cn=bob"),
        a("Bob")
    )
}

/// The RecipientRows of the RopOpenMessage construction, with RowCount
/// (MS-OXCROPS 2.2.6.1.2.1).
fn open_rows() -> String {
    format!(
        "02 {} {}",
        framed("01 e404 0000", &ann_row()), // Primary, code page 1252
        framed("02 e404 0000", &bob_row())  // Cc
    )
}

/// A RopOpenMessage success response (MS-OXCROPS 2.2.6.1.2).
fn open_message_response() -> String {
    format!(
        "03 01 00000000 \
         00 \
         04 {} \
         02 {} \
         0200 {} {}",
        w("RE: "),
        a("Lunch"),
        open_columns(),
        open_rows()
    )
}

fn check_open_message_body(m: &OpenMessageSuccess<'_>) {
    assert!(!m.has_named_properties.get());
    assert!(matches!(m.subject_prefix, TypedString::Unicode(s) if s == "RE: "));
    assert!(matches!(m.normalized_subject, TypedString::String8(s) if s.as_bytes() == b"Lunch"));
    assert_eq!(m.recipient_count, 2);
    assert_eq!(
        m.recipient_columns.to_vec(),
        [RECIPIENT_TYPE, SMTP_ADDRESS, TRACK_STATUS]
    );
    assert_eq!(m.recipient_rows.len(), 2);
    let rows: Vec<_> = m.recipient_rows.iter().collect();

    let ann = &rows[0];
    assert_eq!(
        ann.head.recipient_type.recipient_class(),
        RecipientClass::PRIMARY
    );
    assert_eq!(ann.head.code_page_id, 1252);
    let h = ann.header().unwrap();
    assert_eq!(h.recipient_flags.address_type(), RecipientAddressType::Smtp);
    assert!(
        h.recipient_flags
            .contains(RecipientFlags::S | RecipientFlags::U)
    );
    assert_eq!(h.email_address.unwrap().to_string(), "ann@example.com");
    assert_eq!(h.display_name.unwrap().to_string(), "Ann");
    assert_eq!(h.recipient_column_count.0, 3);
    let row = ann.recipient_row().unwrap();
    assert_eq!(
        row.recipient_properties.value(0),
        Some(&PropertyValue::Integer32(1))
    );
    assert_eq!(
        row.recipient_properties
            .value(1)
            .unwrap()
            .as_utf16()
            .unwrap(),
        "ann@example.com"
    );
    assert_eq!(
        row.recipient_properties.value(2),
        Some(&PropertyValue::Integer32(0))
    );

    let bob = &rows[1];
    assert_eq!(
        bob.head.recipient_type.recipient_class(),
        RecipientClass::CC
    );
    let h = bob.header().unwrap();
    assert_eq!(h.display_type, Some(DisplayType::MAILUSER));
    assert_eq!(
        h.x500dn.unwrap().as_bytes(),
        b"/o=Contoso/ou=Exchange/cn=Recipients/cn=bob"
    );
    assert_eq!(h.recipient_column_count.0, 1);
    // RecipientProperties over the first column only, without allocating.
    let cells = bob
        .with_properties(|_, cells| {
            assert!(cells.is_flagged());
            cells
                .map(|c| c.unwrap().value().cloned())
                .collect::<Vec<_>>()
        })
        .unwrap();
    assert_eq!(cells, [Some(PropertyValue::Integer32(2))]);
}

#[test]
fn open_message_request() {
    // MS-OXCROPS 2.2.6.1.1, construction: logon 0, folder at slot 0,
    // message to slot 1, the logon's code page, BestAccess.
    let r = req(hex(
        "03 00 00 01 ff0f 0100 00000000 1234 03 0100 00000000 5678",
    ));
    let RopRequest::OpenMessage(o) = &r else {
        panic!("{r:?}")
    };
    assert_eq!((o.input_handle_index, o.output_handle_index), (0, 1));
    assert_eq!(o.code_page_id, 0x0FFF);
    assert_eq!(
        o.folder_id,
        FolderId(hexv("0100000000001234").try_into().unwrap())
    );
    assert_eq!(o.folder_id.replica_id().0, 1);
    assert_eq!(o.open_mode_flags, MessageOpenModeFlags::BEST_ACCESS);
    assert_eq!(o.message_id.global_counter().value(), 0x5678);
    assert_eq!(r.rop_id(), RopId::OPEN_MESSAGE);
    let h = r.handles();
    assert_eq!(
        (h.input_handle_index, h.output_handle_index),
        (Some(0), Some(1))
    );
}

#[test]
fn open_message_response_reads_rows_against_its_own_columns() {
    // MS-OXCROPS 2.2.6.1.2, construction (see `open_message_response`).
    let bytes = hex(&open_message_response());
    let r = resp(bytes, RopContext::default());
    let RopResponse::OpenMessage(o) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(o.handle_index, 1);
    assert_eq!(r.handle_index_name(), Some("output_handle_index"));
    check_open_message_body(o.ok().unwrap());
}

#[test]
fn open_message_failure() {
    // MS-OXCROPS 2.2.6.1.3: RopId, OutputHandleIndex, ReturnValue
    // (ecNotFound).
    let r = resp(hex("03 01 0f010480"), RopContext::default());
    let RopResponse::OpenMessage(o) = &r else {
        panic!()
    };
    assert_eq!(o.return_value, ErrorCode::NOT_FOUND);
    assert!(matches!(o.body, ResponseBody::Failure(NoBody)));
}

#[test]
fn open_message_rows_are_checked_against_the_columns() {
    // Bob's RecipientColumnCount raised to 4, with 3 columns (MS-OXCDATA
    // 2.8.3.2: RecipientProperties holds the first RecipientColumnCount).
    let good = open_message_response();
    let bad = good.replace("0100 01 00 02000000", "0400 01 00 02000000");
    assert_ne!(good, bad);
    let bytes = hex(&bad);
    let e = RopResponse::decode_with(bytes, RopContext::default()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 4 });
    // The path names the ROP and the row (long paths show both ends).
    let path = e.path().to_string();
    assert!(path.starts_with("RopResponse."), "{path}");
    assert!(
        path.ends_with("RecipientRows[1].RecipientRow.Header.RecipientColumnCount"),
        "{path}"
    );
    assert!(e.to_string().contains("invalid value 0x4"), "{e}");
    let at = bytes.len() - 8;
    assert_eq!(e.offset(), at);
    assert_eq!(bytes[at..at + 2], [0x04, 0x00]);
}

#[test]
fn create_message() {
    // MS-OXCROPS 2.2.6.2.1, construction: a normal (not FAI) message in
    // folder 0001-000000001234, code page 1252.
    let r = req(hex("06 00 00 01 e404 0100 00000000 1234 00"));
    let RopRequest::CreateMessage(c) = &r else {
        panic!()
    };
    assert_eq!(c.code_page_id, 1252);
    assert!(!c.associated_flag.get());
    assert_eq!(c.folder_id.global_counter().value(), 0x1234);
    // 2.2.6.2.2: HasMessageId 1 and the MID.
    let r = resp(
        hex("06 01 00000000 01 0100 00000000 9abc"),
        RopContext::default(),
    );
    let RopResponse::CreateMessage(c) = &r else {
        panic!()
    };
    let body = c.ok().unwrap();
    assert!(body.has_message_id.get());
    assert_eq!(
        body.message_id,
        Some(MessageId(hexv("010000000000 9abc").try_into().unwrap()))
    );
    // HasMessageId 0: no MessageId.
    let r = resp(hex("06 01 00000000 00"), RopContext::default());
    let RopResponse::CreateMessage(c) = &r else {
        panic!()
    };
    assert_eq!(c.ok().unwrap().message_id, None);
    // 2.2.6.2.3: failure.
    let r = resp(hex("06 01 05000780"), RopContext::default());
    assert_eq!(r.return_value(), Some(ErrorCode(0x8007_0005)));
}

#[test]
fn save_changes_message() {
    // MS-OXCROPS 2.2.6.3.1, construction: ResponseHandleIndex 0 (the
    // folder) before InputHandleIndex 1 (the message), KeepOpenReadWrite.
    let r = req(hex("0c 00 00 01 02"));
    let RopRequest::SaveChangesMessage(s) = &r else {
        panic!()
    };
    assert_eq!((s.response_handle_index, s.input_handle_index), (0, 1));
    assert_eq!(s.save_flags, SaveFlags::KEEP_OPEN_READ_WRITE);
    let h = r.handles();
    assert_eq!(
        (h.response_handle_index, h.input_handle_index),
        (Some(0), Some(1))
    );
    // 2.2.6.3.2: the response echoes ResponseHandleIndex, then
    // InputHandleIndex and the MID of the saved message.
    let r = resp(
        hex("0c 00 00000000 01 0100 00000000 9abc"),
        RopContext::default(),
    );
    let RopResponse::SaveChangesMessage(s) = &r else {
        panic!()
    };
    assert_eq!(s.handle_index, 0);
    assert_eq!(r.handle_index_name(), Some("response_handle_index"));
    let body = s.ok().unwrap();
    assert_eq!(body.input_handle_index, 1);
    assert_eq!(body.message_id.global_counter().value(), 0x9ABC);
    // 2.2.6.3.3: failure, ecObjectModified.
    let r = resp(hex("0c 00 09010480"), RopContext::default());
    assert_eq!(r.return_value(), Some(ErrorCode(0x8004_0109)));
}

#[test]
fn remove_all_recipients() {
    // MS-OXCROPS 2.2.6.4.1, construction: Reserved 0.
    let r = req(hex("0d 00 01 00000000"));
    let RopRequest::RemoveAllRecipients(x) = &r else {
        panic!()
    };
    assert_eq!((x.input_handle_index, x.reserved), (1, 0));
    // 2.2.6.4.2: one layout, nothing after ReturnValue, success or not.
    let r = resp(hex("0d 01 00000000"), RopContext::default());
    assert!(matches!(r, RopResponse::RemoveAllRecipients(ref x) if x.ok() == Some(&NoBody)));
    let r = resp(hex("0d 01 b9040000"), RopContext::default());
    assert_eq!(r.return_value(), Some(ErrorCode::NULL_OBJECT));
}

#[test]
fn modify_recipients() {
    // MS-OXCROPS 2.2.6.5.1, construction: two columns; one row adds
    // recipient 0 (SMTP with E, D, U: RecipientFlags 0x021B; both
    // columns), one removes recipient 5 (RecipientRowSize 0).
    let dee = format!(
        "1b02 {} {} 0200 00 01000000 {}",
        w("dee@example.com"),
        w("Dee"),
        w("Dee")
    );
    let bytes = hex(&format!(
        "0e 00 01 0200 0300150c 1f000130 0200 {} {}",
        framed("00000000 01", &dee),
        "05000000 01 0000"
    ));
    let r = req(bytes);
    let RopRequest::ModifyRecipients(m) = &r else {
        panic!()
    };
    assert_eq!(m.recipient_columns.to_vec(), [RECIPIENT_TYPE, DISPLAY_NAME]);
    let rows: Vec<_> = m.recipient_rows.iter().collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].head.row_id, 0);
    assert_eq!(
        rows[0].head.recipient_type.recipient_class(),
        RecipientClass::PRIMARY
    );
    let h = rows[0].header().unwrap();
    assert_eq!(h.email_address.unwrap().to_string(), "dee@example.com");
    let row = rows[0].recipient_row().unwrap();
    assert_eq!(
        row.recipient_properties
            .value(1)
            .unwrap()
            .as_utf16()
            .unwrap(),
        "Dee"
    );
    assert_eq!(rows[1].head.row_id, 5);
    assert!(!rows[1].has_recipient_row());
    assert_eq!(rows[1].recipient_row_size(), 0);
    assert!(rows[1].recipient_row().is_none());

    // The same request built from parts encodes to the same bytes.
    let row_bytes = hexv(&dee);
    let built = [
        ModifyRecipientRow::new(
            ModifyRecipientRowHead {
                row_id: 0,
                recipient_type: RecipientType::empty().with_class(RecipientClass::PRIMARY),
            },
            &row_bytes,
        ),
        ModifyRecipientRow::new(
            ModifyRecipientRowHead {
                row_id: 5,
                recipient_type: RecipientType::from_bits_retain(0x01),
            },
            &[],
        ),
    ];
    let cols = [RECIPIENT_TYPE, DISPLAY_NAME];
    let built = RopRequest::ModifyRecipients(ModifyRecipientsRequest {
        logon_id: 0,
        input_handle_index: 1,
        recipient_columns: Array::from_slice(&cols),
        recipient_rows: ModifyRecipientRows::from_slice(&built),
    });
    assert_eq!(built, r);
    assert_eq!(built.to_vec_with(RopFacts::default()).unwrap(), bytes);
    assert_eq!(built.encoded_len_with(RopFacts::default()), bytes.len());

    // 2.2.6.5.2: one layout, nothing after ReturnValue.
    let r = resp(hex("0e 01 00000000"), RopContext::default());
    assert_eq!(r.return_value(), Some(ErrorCode(0)));
    let r = resp(hex("0e 01 57000780"), RopContext::default());
    assert_eq!(r.return_value(), Some(ErrorCode(0x8007_0057)));
}

/// A RopReadRecipients success response (MS-OXCROPS 2.2.6.6.2) over the
/// RopOpenMessage construction's columns: one Bcc recipient with the P1
/// flag (RecipientType 0x13), NoType with D and U (RecipientFlags
/// 0x0210), the first column only.
fn read_recipients_response() -> String {
    format!(
        "0f 01 00000000 01 {}",
        framed("02000000 13 e404 0000", &cy_row())
    )
}

fn cy_row() -> String {
    format!("1002 {} 0100 00 03000000", w("Cy"))
}

#[test]
fn read_recipients_request() {
    // MS-OXCROPS 2.2.6.6.1, construction: from RowId 2.
    let r = req(hex("0f 00 01 02000000 0000"));
    let RopRequest::ReadRecipients(x) = &r else {
        panic!()
    };
    assert_eq!((x.input_handle_index, x.row_id, x.reserved), (1, 2, 0));
}

#[test]
fn read_recipients_response_with_and_without_columns() {
    let bytes = hex(&read_recipients_response());
    let cols = [RECIPIENT_TYPE, SMTP_ADDRESS, TRACK_STATUS];
    let cx = RopContext::default().with_recipient_columns(Array::from_slice(&cols));
    let r = resp(bytes, cx);
    let RopResponse::ReadRecipients(x) = &r else {
        panic!()
    };
    let rows = &x.ok().unwrap().recipient_rows;
    assert_eq!(rows.len(), 1);
    let cy = rows.get(0).unwrap();
    assert_eq!(cy.head.row_id, 2);
    assert_eq!(
        cy.head.recipient_type.recipient_class(),
        RecipientClass::BCC
    );
    assert!(cy.head.recipient_type.contains(RecipientType::P1));
    assert_eq!(cy.header().unwrap().display_name.unwrap().to_string(), "Cy");
    assert_eq!(
        cy.recipient_row().unwrap().recipient_properties.value(0),
        Some(&PropertyValue::Integer32(3))
    );
    assert_eq!(rows.columns().unwrap().columns.len(), 3);

    // Without the message's columns the row is framed by RecipientRowSize
    // and kept as bytes; its header still reads, and it re-encodes.
    let r = resp(bytes, RopContext::default());
    let RopResponse::ReadRecipients(x) = &r else {
        panic!()
    };
    let cy = x.ok().unwrap().recipient_rows.get(0).unwrap();
    assert!(cy.columns().is_none());
    assert_eq!(cy.recipient_row_size(), 15);
    assert_eq!(cy.header().unwrap().display_name.unwrap().to_string(), "Cy");
    assert!(cy.recipient_row().is_none());
}

#[test]
fn read_recipients_failure() {
    // MS-OXCROPS 2.2.6.6.3; MS-OXCMSG 3.2.5.6: ecNotFound when RowId does
    // not exist.
    let r = resp(hex("0f 01 0f010480"), RopContext::default());
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_FOUND));
    let r = resp(hex("0f 01 7d040000"), RopContext::default());
    assert_eq!(r.return_value(), Some(ErrorCode::BUFFER_TOO_SMALL));
}

#[test]
fn reload_cached_information() {
    // MS-OXCROPS 2.2.6.7.1, construction.
    let r = req(hex("10 00 01 0000"));
    let RopRequest::ReloadCachedInformation(x) = &r else {
        panic!()
    };
    assert_eq!(x.input_handle_index, 1);
    // 2.2.6.7.2: the RopOpenMessage success layout, echoing
    // InputHandleIndex.
    let bytes = hex(&open_message_response().replacen("03 01", "10 01", 1));
    let r = resp(bytes, RopContext::default());
    let RopResponse::ReloadCachedInformation(x) = &r else {
        panic!()
    };
    assert_eq!(r.handle_index_name(), Some("input_handle_index"));
    check_open_message_body(x.ok().unwrap());
    // 2.2.6.7.3: failure.
    let r = resp(hex("10 01 b9040000"), RopContext::default());
    assert_eq!(r.return_value(), Some(ErrorCode::NULL_OBJECT));
}

#[test]
fn set_and_get_message_status() {
    // MS-OXCROPS 2.2.6.8.1, construction: set msRemoteDownload, clear
    // msRemoteDelete (mask 0x3000).
    let r = req(hex("20 00 00 0100 00000000 9abc 00100000 00300000"));
    let RopRequest::SetMessageStatus(s) = &r else {
        panic!()
    };
    assert_eq!(s.message_status_flags, MessageStatusFlags::REMOTE_DOWNLOAD);
    assert_eq!(
        s.message_status_mask,
        MessageStatusFlags::REMOTE_DOWNLOAD | MessageStatusFlags::REMOTE_DELETE
    );
    // 2.2.6.8.2: the status before the change.
    let r = resp(hex("20 00 00000000 00200000"), RopContext::default());
    let RopResponse::SetMessageStatus(s) = &r else {
        panic!()
    };
    assert_eq!(
        s.ok().unwrap().message_status_flags,
        MessageStatusFlags::REMOTE_DELETE
    );
    let r = resp(hex("20 00 0f010480"), RopContext::default());
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_FOUND));

    // MS-OXCROPS 2.2.6.9.1 / 2.2.6.9.2, construction; an unnamed bit
    // (0x00000001) is kept.
    let r = req(hex("1f 00 00 0100 00000000 9abc"));
    let RopRequest::GetMessageStatus(g) = &r else {
        panic!()
    };
    assert_eq!(g.message_id.global_counter().value(), 0x9ABC);
    let r = resp(hex("1f 00 00000000 01080000"), RopContext::default());
    let RopResponse::GetMessageStatus(g) = &r else {
        panic!()
    };
    let f = g.ok().unwrap().message_status_flags;
    assert!(f.contains(MessageStatusFlags::IN_CONFLICT));
    assert_eq!(f.bits(), 0x0000_0801);
    let r = resp(hex("1f 00 b9040000"), RopContext::default());
    assert_eq!(r.return_value(), Some(ErrorCode::NULL_OBJECT));
}

#[test]
fn set_read_flags() {
    // MS-OXCROPS 2.2.6.10.1, construction: asynchronous, clear the read
    // flag (rfClearReadFlag | rfSuppressReceipt), two messages.
    let r = req(hex("66 00 00 01 05 0200 0100000000009abc 0100000000009abd"));
    let RopRequest::SetReadFlags(s) = &r else {
        panic!()
    };
    assert!(s.want_asynchronous.get());
    assert_eq!(
        s.read_flags,
        ReadFlags::CLEAR_READ_FLAG | ReadFlags::SUPPRESS_RECEIPT
    );
    assert_eq!(s.message_ids.len(), 2);
    assert_eq!(
        s.message_ids.get(1).unwrap().global_counter().value(),
        0x9ABD
    );
    // 2.2.6.10.2: PartialCompletion follows ReturnValue whatever it is.
    let r = resp(hex("66 00 00000000 00"), RopContext::default());
    let RopResponse::SetReadFlags(s) = &r else {
        panic!()
    };
    assert!(!s.ok().unwrap().partial_completion.get());
    let r = resp(hex("66 00 05000780 01"), RopContext::default());
    let RopResponse::SetReadFlags(s) = &r else {
        panic!()
    };
    assert!(matches!(s.body, ResponseBody::Failure(b) if b.partial_completion.get()));
}

#[test]
fn set_message_read_flag_request_depends_on_the_logon() {
    // MS-OXCROPS 2.2.6.11.1, construction. Private mailbox: no ClientData.
    let private = "11 00 00 01 01";
    let r = req_with(hex(private), LogonKind::Private);
    let RopRequest::SetMessageReadFlag(s) = &r else {
        panic!()
    };
    assert_eq!((s.response_handle_index, s.input_handle_index), (0, 1));
    assert_eq!(s.read_flags, ReadFlags::SUPPRESS_RECEIPT);
    assert!(s.client_data.is_none());
    assert_eq!(
        r.handles().response_handle_index,
        Some(0),
        "ResponseHandleIndex"
    );
    // Public folders: ClientData, a LongTermID (MS-OXCMSG 2.2.3.11.1).
    let public = format!("{private} {} 000000001234 0000", "11".repeat(16));
    let r = req_with(hex(&public), LogonKind::Public);
    let RopRequest::SetMessageReadFlag(s) = &r else {
        panic!()
    };
    let lt = s.client_data.unwrap();
    assert_eq!(lt.database_guid.0, [0x11; 16]);
    assert_eq!(lt.global_counter.value(), 0x1234);
    // Unknown logon: read as a private one.
    let r = req(hex(private));
    let RopRequest::SetMessageReadFlag(s) = &r else {
        panic!()
    };
    assert!(s.client_data.is_none());
    // A ClientData with an unknown or private logon cannot be written.
    let RopRequest::SetMessageReadFlag(public_value) = RopRequest::decode_exact(
        hex(&public),
        RopContext::default().with_logon(LogonKind::Public),
    )
    .unwrap() else {
        panic!()
    };
    let e = RopRequest::SetMessageReadFlag(public_value)
        .to_vec_with(RopFacts::default())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unencodable { value: 1 });
}

#[test]
fn set_message_read_flag_in_a_buffer_follows_the_logon_map() {
    // Two requests in one RopsList (MS-OXCROPS 2.2.1): RopSetMessageReadFlag
    // on a public-folders logon, then RopGetMessageStatus. The walker
    // reads ClientData because it knows logon 0 is public, and so finds
    // the second request.
    let list = hex(&format!(
        "11 00 00 01 00 {} 1f 00 00 0100000000009abc",
        "22".repeat(24)
    ));
    let mut logons = LogonMap::default();
    logons.set(0, LogonKind::Public);
    let reqs: Vec<_> = RequestWalker::new(list, 0, logons)
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(reqs.len(), 2);
    assert!(matches!(reqs[0], RopRequest::SetMessageReadFlag(s) if s.client_data.is_some()));
    assert_eq!(reqs[1].rop_id(), RopId::GET_MESSAGE_STATUS);
}

#[test]
fn set_message_read_flag_response() {
    // MS-OXCROPS 2.2.6.11.2: ReadStatusChanged 0, nothing follows.
    let r = resp(hex("11 00 00000000 00"), RopContext::default());
    let RopResponse::SetMessageReadFlag(s) = &r else {
        panic!()
    };
    assert_eq!(r.handle_index_name(), Some("response_handle_index"));
    let body = s.ok().unwrap();
    assert!(!body.read_status_changed.get());
    assert_eq!((body.logon_id, body.client_data), (None, None));
    // ReadStatusChanged 1: LogonId and the request's ClientData.
    let bytes = format!("11 00 00000000 01 03 {} 000000005678 0000", "33".repeat(16));
    let r = resp(hex(&bytes), RopContext::default());
    let RopResponse::SetMessageReadFlag(s) = &r else {
        panic!()
    };
    let body = s.ok().unwrap();
    assert_eq!(body.logon_id, Some(3));
    assert_eq!(body.client_data.unwrap().global_counter.value(), 0x5678);
    // 2.2.6.11.3: failure.
    let r = resp(hex("11 00 0f010480"), RopContext::default());
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_FOUND));
}

#[test]
fn every_message_rop_has_both_codecs() {
    let ids = [
        RopId::OPEN_MESSAGE,
        RopId::CREATE_MESSAGE,
        RopId::SAVE_CHANGES_MESSAGE,
        RopId::REMOVE_ALL_RECIPIENTS,
        RopId::MODIFY_RECIPIENTS,
        RopId::READ_RECIPIENTS,
        RopId::RELOAD_CACHED_INFORMATION,
        RopId::SET_MESSAGE_STATUS,
        RopId::GET_MESSAGE_STATUS,
        RopId::SET_READ_FLAGS,
        RopId::SET_MESSAGE_READ_FLAG,
    ];
    common::assert_catalogued(ids.map(|id| id.0));
}

// ------------------------------------------------- context across ROPs

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

const OPEN_MESSAGE_REQUEST: &str = "03 00 00 01 ff0f 0100000000001234 00 0100000000005678";

#[test]
fn read_recipients_learns_the_columns_of_open_message_in_the_same_buffer() {
    // RopOpenMessage puts the message in slot 1; RopReadRecipients reads
    // it (MS-OXCROPS 2.2.6.6: its rows use the message's recipient
    // columns).
    let input = buffer(
        &format!("{OPEN_MESSAGE_REQUEST} 0f 00 01 00000000 0000"),
        &[0x10, u32::MAX],
    );
    let output = buffer(
        &format!("{} {}", open_message_response(), read_recipients_response()),
        &[0x10, 0x20],
    );
    let cx = OutputContext::for_request(&input).unwrap();
    let out = RopOutputBuffer::decode_exact(&output, cx).unwrap();
    assert_eq!(out.rops.len(), 2);
    let RopResponse::ReadRecipients(x) = &out.rops[1] else {
        panic!()
    };
    let cy = x.ok().unwrap().recipient_rows.get(0).unwrap();
    assert_eq!(cy.columns().unwrap().columns.get(0), Some(RECIPIENT_TYPE));
    assert_eq!(
        cy.recipient_row().unwrap().recipient_properties.value(0),
        Some(&PropertyValue::Integer32(3))
    );
    assert_eq!(out.to_vec_with(()).unwrap(), output);
}

#[test]
fn a_session_keeps_the_recipient_columns_across_calls() {
    // Call 1: RopOpenMessage gives handle 0x20 its recipient columns.
    let input1 = buffer(OPEN_MESSAGE_REQUEST, &[0x10, u32::MAX]);
    let output1 = buffer(&open_message_response(), &[0x10, 0x20]);
    let mut session = Session::new();
    session.observe(&input1, &output1).unwrap();
    // Call 2: RopReadRecipients on handle 0x20, now at slot 0.
    let input2 = buffer("0f 00 00 00000000 0000", &[0x20]);
    let read = read_recipients_response().replacen("0f 01", "0f 00", 1);
    let output2 = buffer(&read, &[0x20]);
    let out = session.decode_response(&input2, &output2).unwrap();
    let RopResponse::ReadRecipients(x) = &out.rops[0] else {
        panic!()
    };
    let cy = x.ok().unwrap().recipient_rows.get(0).unwrap();
    assert!(cy.recipient_row().is_some());
    // A fresh session does not know them: the row stays raw.
    let fresh = Session::new();
    let out = fresh.decode_response(&input2, &output2).unwrap();
    let RopResponse::ReadRecipients(x) = &out.rops[0] else {
        panic!()
    };
    assert!(
        x.ok()
            .unwrap()
            .recipient_rows
            .get(0)
            .unwrap()
            .recipient_row()
            .is_none()
    );
}

#[test]
fn raw_recipient_rows_still_split_the_buffer() {
    // Without context, RopReadRecipients' rows are framed by their
    // RecipientRowSize, so the RopGetMessageStatus response after them
    // still decodes.
    let output = buffer(
        &format!("{} 1f 02 00000000 00100000", read_recipients_response()),
        &[0x20],
    );
    let out = RopOutputBuffer::decode_exact(&output, OutputContext::default()).unwrap();
    assert_eq!(out.rops.len(), 2);
    let RopResponse::GetMessageStatus(g) = &out.rops[1] else {
        panic!("{:?}", out.rops[1])
    };
    assert_eq!(
        g.ok().unwrap().message_status_flags,
        MessageStatusFlags::REMOTE_DOWNLOAD
    );
    assert_eq!(out.to_vec_with(()).unwrap(), output);
}

#[test]
fn recipient_rows_need_no_columns_from_outside() {
    // RopOpenMessage decodes its rows with the columns it carries, even
    // when the context holds other recipient columns.
    let other = [PropertyTag(0x0FFF_0102)];
    let cx = RopContext::default().with_recipient_columns(Array::from_slice(&other));
    let bytes = hex(&open_message_response());
    let r = RopResponse::decode_exact(bytes, cx).unwrap();
    let RopResponse::OpenMessage(o) = &r else {
        panic!()
    };
    let rows = &o.ok().unwrap().recipient_rows;
    assert_eq!(
        rows.columns().unwrap(),
        RowContext::rop(o.ok().unwrap().recipient_columns)
    );
}

#[cfg(feature = "cli")]
#[test]
fn json_shows_recipients() {
    let bytes = hex(&open_message_response());
    let r = RopResponse::decode_exact(bytes, RopContext::default()).unwrap();
    let v: serde_json::Value = serde_json::to_value(&r).unwrap();
    assert_eq!(v["rop"], "RopOpenMessage");
    assert_eq!(v["output_handle_index"], 1);
    assert_eq!(v["recipient_count"], 2);
    let ann = &v["recipient_rows"][0];
    assert_eq!(ann["recipient_type"], 1);
    assert_eq!(ann["code_page_id"], 1252);
    assert_eq!(ann["recipient_row_size"], hexv(&ann_row()).len());
    assert_eq!(ann["recipient_row"]["display_name"], "Ann");
    assert_eq!(
        ann["recipient_row"]["recipient_properties"]["value_array"][1],
        "ann@example.com"
    );
    let bob = &v["recipient_rows"][1];
    assert_eq!(bob["recipient_row"]["recipient_properties"]["flag"], 1);

    // Without columns a RopReadRecipients row shows its bytes.
    let bytes = hex(&read_recipients_response());
    let r = RopResponse::decode_exact(bytes, RopContext::default()).unwrap();
    let v: serde_json::Value = serde_json::to_value(&r).unwrap();
    let row = &v["recipient_rows"][0];
    assert_eq!(row["row_id"], 2);
    assert_eq!(row["recipient_row"], cy_row().replace(' ', ""));
}

// ------------------------------------------------------------ properties

mod props {
    use super::*;
    use proptest::prelude::*;

    /// The RopIds of MS-OXCROPS 2.2.6.
    const IDS: [u8; 18] = [
        0x03, 0x06, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x20, 0x1F, 0x66, 0x11, 0x22, 0x23, 0x24, 0x25,
        0x46, 0x21, 0x52,
    ];

    const COLUMNS: [PropertyTag; 3] = [RECIPIENT_TYPE, DISPLAY_NAME, SMTP_ADDRESS];

    /// A RecipientRow over the first `n` of `COLUMNS` (MS-OXCDATA 2.8.3.2):
    /// NoType or SMTP, with or without E and D, 8-bit or UTF-16 strings,
    /// a standard or flagged row.
    fn recipient_row() -> impl Strategy<Value = Vec<u8>> {
        (
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            0usize..=3,
            any::<bool>(),
            "[a-z]{0,6}",
            any::<i32>(),
        )
            .prop_map(|(smtp, e, d, u, n, flagged, s, i)| {
                let mut flags = if smtp { 0x0003u16 } else { 0 };
                if e {
                    flags |= 0x0008;
                }
                if d {
                    flags |= 0x0010;
                }
                if u {
                    flags |= 0x0200;
                }
                let text = |v: &mut Vec<u8>, wide: bool| {
                    if wide {
                        v.extend(hexv(&w(&s)));
                    } else {
                        v.extend(hexv(&a(&s)));
                    }
                };
                let mut v = Vec::from(flags.to_le_bytes());
                if e {
                    text(&mut v, u);
                }
                if d {
                    text(&mut v, u);
                }
                v.extend_from_slice(&(n as u16).to_le_bytes());
                v.push(u8::from(flagged));
                for c in &COLUMNS[..n] {
                    if flagged {
                        v.push(0);
                    }
                    if c.0 & 0xFFFF == 0x0003 {
                        v.extend_from_slice(&i.to_le_bytes());
                    } else {
                        text(&mut v, true);
                    }
                }
                v
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

        /// Built RopModifyRecipients requests encode, decode to the same
        /// value, and every row reads back against the columns.
        #[test]
        fn modify_recipients_round_trip(
            rows in proptest::collection::vec((any::<u32>(), any::<u8>(), proptest::option::of(recipient_row())), 0..6),
        ) {
            let parts: Vec<_> = rows
                .iter()
                .map(|(id, ty, row)| {
                    let head = ModifyRecipientRowHead {
                        row_id: *id,
                        recipient_type: RecipientType::from_bits_retain(*ty),
                    };
                    ModifyRecipientRow::new(head, row.as_deref().unwrap_or(&[]))
                })
                .collect();
            let value = RopRequest::ModifyRecipients(ModifyRecipientsRequest {
                logon_id: 0,
                input_handle_index: 1,
                recipient_columns: Array::from_slice(&COLUMNS),
                recipient_rows: ModifyRecipientRows::from_slice(&parts),
            });
            let bytes = value.to_vec_with(RopFacts::default()).unwrap();
            prop_assert_eq!(value.encoded_len_with(RopFacts::default()), bytes.len());
            let back = RopRequest::decode_exact(&bytes, RopContext::default()).unwrap();
            prop_assert_eq!(&back, &value);
            let RopRequest::ModifyRecipients(m) = &back else { panic!() };
            for (got, (_, _, row)) in m.recipient_rows.iter().zip(&rows) {
                prop_assert_eq!(got.has_recipient_row(), row.is_some());
                if row.is_some() {
                    let h = got.header().unwrap();
                    let n = usize::from(h.recipient_column_count.0);
                    let cells = got.with_properties(|_, c| c.count()).unwrap();
                    prop_assert_eq!(cells, n);
                    prop_assert_eq!(got.recipient_row().unwrap().recipient_properties.len(), n);
                }
            }
        }

        /// Arbitrary bytes after a message or attachment RopId never make a
        /// request or response decoder panic; whatever decodes re-encodes
        /// to the bytes it consumed.
        #[test]
        fn arbitrary_bytes(
            id in proptest::sample::select(&IDS[..]),
            body in proptest::collection::vec(any::<u8>(), 0..64),
            public in any::<bool>(),
            with_columns in any::<bool>(),
        ) {
            let mut bytes = vec![id];
            bytes.extend_from_slice(&body);
            let logon = if public { LogonKind::Public } else { LogonKind::Private };
            let facts = RopFacts { logon: Some(logon), ..RopFacts::default() };
            let mut cx = RopContext::default().with_logon(logon);
            if with_columns {
                cx = cx.with_recipient_columns(Array::from_slice(&COLUMNS));
            }
            if let Ok((r, rest)) = RopRequest::decode_with(&bytes, cx) {
                let used = bytes.len() - rest.len();
                prop_assert_eq!(r.to_vec_with(facts).unwrap(), &bytes[..used]);
                prop_assert_eq!(r.encoded_len_with(facts), used);
                let _ = format!("{r:?}");
            }
            if let Ok((r, rest)) = RopResponse::decode_with(&bytes, cx) {
                let used = bytes.len() - rest.len();
                prop_assert_eq!(r.to_vec_with(facts).unwrap(), &bytes[..used]);
                prop_assert_eq!(r.encoded_len_with(facts), used);
                let _ = format!("{r:?}");
            }
        }
    }
}
