//! Logon and store ROPs (MS-OXCROPS 2.2.3; MS-OXCSTOR 2.2.1) through the
//! ROP catalogue. The specifications print no byte dump of these ROPs
//! (MS-OXCSTOR section 4 describes its examples in words), so every case
//! is a construction after the section it cites.

mod common;

use common::{hex, roundtrip2, roundtrip2_raw};
use mapi_wire::data::{ErrorCode, FolderId, GlobalCounter, Guid, PropertyValue, ReplicaId};
use mapi_wire::rop::*;
use mapi_wire::wire::{Decode, Encode, ErrorKind, Reader};

/// Decodes and re-encodes a request with the given logon kind.
fn req_as(bytes: &[u8], logon: Option<LogonKind>) -> RopRequest<'_> {
    let cx = RopContext {
        logon,
        ..RopContext::default()
    };
    roundtrip2::<RopRequest<'_>>(bytes, cx, cx.facts())
}

fn req(bytes: &[u8]) -> RopRequest<'_> {
    req_as(bytes, None)
}

/// Decodes and re-encodes a response with the given context (the encoder
/// gets the context's facts).
fn resp<'a>(bytes: &'a [u8], cx: RopContext<'a>) -> RopResponse<'a> {
    roundtrip2::<RopResponse<'_>>(bytes, cx, cx.facts())
}

fn resp0(bytes: &[u8]) -> RopResponse<'_> {
    resp(bytes, RopContext::default())
}

/// Concatenates byte strings into a buffer that lives for the test.
fn cat(parts: &[&[u8]]) -> &'static [u8] {
    Box::leak(parts.concat().into_boxed_slice())
}

const ESSDN: &[u8] =
    b"/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=user1\0";

fn fid(counter: u64) -> FolderId {
    FolderId::new(ReplicaId(1), GlobalCounter::from_value(counter))
}

/// 13 FIDs 0001-0000000000(01..0D).
fn folder_ids() -> Vec<u8> {
    (1..=13).flat_map(|i| fid(i).0).collect()
}

/// A private-mailbox RopLogon success body (MS-OXCROPS 2.2.3.1.2).
fn private_body() -> Vec<u8> {
    [
        &[0x01][..],                             // LogonFlags: Private
        &folder_ids(),                           // FolderIds
        &[0x07],                                 // ResponseFlags
        &[0xAA; 16],                             // MailboxGuid
        &[0x01, 0x00],                           // ReplId
        &[0xBB; 16],                             // ReplGuid
        &[30, 15, 9, 2, 14, 5, 0xE8, 0x07],      // LogonTime 2024-05-14 09:15:30, Tue
        &0x0123_4567_89AB_CDEFu64.to_le_bytes(), // GwartTime
        &[0x00, 0x00, 0x00, 0x01],               // StoreState: STORE_HAS_SEARCHES
    ]
    .concat()
}

/// A public-folders RopLogon success body (MS-OXCROPS 2.2.3.1.3).
fn public_body(logon_flags: u8) -> Vec<u8> {
    [
        &[logon_flags][..],
        &folder_ids(),
        &[0x05, 0x00], // ReplId
        &[0xCC; 16],   // ReplGuid
        &[0x00; 16],   // PerUserGuid
    ]
    .concat()
}

#[test]
fn logon_request_private() {
    // Construction after MS-OXCROPS 2.2.3.1.1 with the OpenFlags of the
    // private logon of MS-OXODLGT 4.1.1 (0x0100040C).
    let bytes = cat(&[
        hex("fe 00 00 01 0c040001 00000000"),
        &(ESSDN.len() as u16).to_le_bytes(),
        ESSDN,
    ]);
    let r = req(bytes);
    let RopRequest::Logon(l) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(r.rop_id(), RopId::LOGON);
    assert_eq!((l.logon_id, l.output_handle_index), (0, 0));
    assert_eq!(l.logon_flags, LogonFlags::PRIVATE);
    assert_eq!(l.logon_flags.kind(), LogonKind::Private);
    assert_eq!(
        l.open_flags,
        OpenFlags::USE_PER_MDB_REPLID_MAPPING
            | OpenFlags::NO_MAIL
            | OpenFlags::TAKE_OWNERSHIP
            | OpenFlags::HOME_LOGON
    );
    assert_eq!(l.store_state, StoreState::empty());
    assert_eq!(l.essdn.as_bytes(), ESSDN);
    assert_eq!(
        l.essdn.string().unwrap().as_bytes(),
        &ESSDN[..ESSDN.len() - 1]
    );
    assert_eq!(r.handles().output_handle_index, Some(0));
    assert_eq!(r.handles().input_handle_index, None);
}

#[test]
fn logon_request_public_without_essdn() {
    // Construction after MS-OXCROPS 2.2.3.1.1: a public-folders logon
    // (OpenFlags PUBLIC) with EssdnSize 0, logon 3 into slot 1.
    let r = req(hex("fe 03 01 00 02000000 00000000 0000"));
    let RopRequest::Logon(l) = &r else { panic!() };
    assert_eq!(l.logon_id, 3);
    assert_eq!(l.logon_flags.kind(), LogonKind::Public);
    assert_eq!(l.open_flags, OpenFlags::PUBLIC);
    assert!(l.essdn.as_bytes().is_empty());
    assert!(l.essdn.string().is_none());
    assert_eq!(r.logon_id(), Some(3));
}

#[test]
fn logon_response_private_mailbox() {
    // Construction after MS-OXCROPS 2.2.3.1.2 / MS-OXCSTOR 2.2.1.1.3.
    let bytes = cat(&[hex("fe 00 00000000"), &private_body()]);
    assert_eq!(bytes.len(), 6 + 160);
    let cx = RopContext::default().with_logon(LogonKind::Private);
    let r = resp(bytes, cx);
    let RopResponse::Logon(l) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(r.handle_index_name(), Some("output_handle_index"));
    let ResponseBody::Success(LogonSuccess::Private(p)) = &l.body else {
        panic!("{l:?}")
    };
    assert_eq!(p.logon_flags, LogonFlags::PRIVATE);
    assert_eq!(p.folder_ids.private(PrivateFolder::MailboxRoot), fid(1));
    assert_eq!(p.folder_ids.private(PrivateFolder::Inbox), fid(5));
    assert_eq!(p.folder_ids.private(PrivateFolder::Shortcuts), fid(13));
    assert_eq!(
        p.response_flags,
        ResponseFlags::RESERVED | ResponseFlags::OWNER_RIGHT | ResponseFlags::SEND_AS_RIGHT
    );
    assert_eq!(p.mailbox_guid, Guid([0xAA; 16]));
    assert_eq!(p.repl_id, ReplicaId(1));
    assert_eq!(p.repl_guid, Guid([0xBB; 16]));
    assert_eq!(
        p.logon_time,
        LogonTime {
            seconds: 30,
            minutes: 15,
            hour: 9,
            day_of_week: 2,
            day: 14,
            month: 5,
            year: 2024
        }
    );
    assert_eq!(p.gwart_time, 0x0123_4567_89AB_CDEF);
    assert_eq!(p.store_state, StoreState::STORE_HAS_SEARCHES);

    // Without context the echoed LogonFlags (0x01) chooses the same layout.
    let r2 = resp0(bytes);
    assert_eq!(r2, r);
}

#[test]
fn logon_response_public_folders() {
    // Construction after MS-OXCROPS 2.2.3.1.3 / MS-OXCSTOR 2.2.1.1.4.
    let bytes = cat(&[hex("fe 01 00000000"), &public_body(0x00)]);
    assert_eq!(bytes.len(), 6 + 139);
    let cx = RopContext::default().with_logon(LogonKind::Public);
    let r = resp(bytes, cx);
    let RopResponse::Logon(l) = &r else { panic!() };
    assert_eq!(l.handle_index, 1);
    let body = l.ok().unwrap();
    assert_eq!(body.kind(), LogonKind::Public);
    let p = body.public().unwrap();
    assert_eq!(p.folder_ids.public(PublicFolder::Root), fid(1));
    assert_eq!(p.folder_ids.public(PublicFolder::IpmSubtree), fid(2));
    assert_eq!(p.folder_ids.public(PublicFolder::NntpArticleIndex), fid(10));
    assert_eq!(p.repl_id, ReplicaId(5));
    assert_eq!(p.repl_guid, Guid([0xCC; 16]));
    assert_eq!(p.per_user_guid, Guid::NIL);
    // No context: LogonFlags 0 reads as public too.
    assert_eq!(resp0(bytes), r);
}

#[test]
fn logon_response_layout_follows_the_request_not_the_echo() {
    // Construction: a public-folders body whose echoed LogonFlags has the
    // Private bit (a server that echoes badly). The request's kind, given
    // as context, wins (MS-OXCSTOR 2.2.1.1.4: the public layout is sent
    // when the request's Private bit is clear).
    let bytes = cat(&[hex("fe 00 00000000"), &public_body(0x01)]);
    let cx = RopContext::default().with_logon(LogonKind::Public);
    let r = resp(bytes, cx);
    let RopResponse::Logon(l) = &r else { panic!() };
    assert_eq!(l.ok().unwrap().kind(), LogonKind::Public);
    // Without the context the echo would choose the private layout, which
    // needs 160 bytes: the decoder says so instead of misreading.
    let e = RopResponse::decode_with(bytes, RopContext::default()).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Truncated { .. }), "{e}");
    // And the encoder refuses facts that would not read the value back.
    let e = r.to_vec_with(RopFacts::default()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unencodable { value: 1 });
}

#[test]
fn logon_redirect_and_generic_failures() {
    // Construction after MS-OXCROPS 2.2.3.1.4 / MS-OXCSTOR 2.2.1.1.2:
    // ecWrongServer with LogonFlags and ServerName (size counts the NUL).
    let server =
        b"/o=Contoso/ou=Exchange Administrative Group/cn=Configuration/cn=Servers/cn=MBX2\0";
    let bytes = cat(&[hex("fe 00 78040000 01"), &[server.len() as u8], server]);
    let r = resp0(bytes);
    let RopResponse::Logon(l) = &r else { panic!() };
    assert_eq!(l.return_value, ErrorCode::WRONG_SERVER);
    let ResponseBody::Failure(f) = &l.body else {
        panic!()
    };
    assert_eq!(f.logon_flags, Some(LogonFlags::PRIVATE));
    let name = f.server_name.unwrap();
    assert_eq!(name.as_bytes(), server);
    assert!(name.string().unwrap().to_string().ends_with("cn=MBX2"));

    // MS-OXCSTOR 3.2.5.1.3: ecUnknownUser (0x3EB) carries no body.
    let r = resp0(hex("fe 00 eb030000"));
    let RopResponse::Logon(l) = &r else { panic!() };
    let ResponseBody::Failure(f) = &l.body else {
        panic!()
    };
    assert_eq!((f.logon_flags, f.server_name), (None, None));
}

#[test]
fn logon_request_errors_name_the_field() {
    // EssdnSize 0x00FF with 3 bytes left.
    let e = RopRequest::decode_with(
        hex("fe 00 00 01 00000000 00000000 ff00 2f6f00"),
        RopContext::default(),
    )
    .unwrap_err();
    assert_eq!(e.offset(), 12);
    assert_eq!(
        e.to_string(),
        "RopRequest.RopLogon.Essdn: length 255 runs past the end, 3 bytes remain (offset 12)"
    );
}

#[test]
fn get_receive_folder() {
    // Constructions after MS-OXCROPS 2.2.3.2 / MS-OXCSTOR 2.2.1.2.
    let r = req(cat(&[hex("27 00 00"), b"IPM.Note.Custom\0"]));
    let RopRequest::GetReceiveFolder(g) = &r else {
        panic!()
    };
    assert_eq!(g.message_class.as_bytes(), b"IPM.Note.Custom");

    let r = resp0(cat(&[hex("27 00 00000000"), &fid(5).0, b"IPM\0"]));
    let RopResponse::GetReceiveFolder(g) = &r else {
        panic!()
    };
    let body = g.ok().unwrap();
    assert_eq!(body.folder_id, fid(5));
    assert_eq!(body.message_class.as_bytes(), b"IPM");

    // The default receive folder answers with the empty class.
    let r = resp0(cat(&[hex("27 00 00000000"), &fid(5).0, b"\0"]));
    let RopResponse::GetReceiveFolder(g) = &r else {
        panic!()
    };
    assert!(g.ok().unwrap().message_class.as_bytes().is_empty());

    let r = resp0(hex("27 00 0f010480"));
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_FOUND));
}

#[test]
fn set_receive_folder() {
    // Constructions after MS-OXCROPS 2.2.3.3: one response layout.
    let r = req(cat(&[hex("26 00 00"), &fid(5).0, b"IPM.Note\0"]));
    let RopRequest::SetReceiveFolder(s) = &r else {
        panic!()
    };
    assert_eq!(s.folder_id, fid(5));
    assert_eq!(s.message_class.as_bytes(), b"IPM.Note");

    let r = resp0(hex("26 00 00000000"));
    let RopResponse::SetReceiveFolder(s) = &r else {
        panic!()
    };
    assert_eq!(s.ok(), Some(&NoBody));
    // ecAccessDenied.
    let r = resp0(hex("26 00 05000780"));
    assert_eq!(r.return_value(), Some(ErrorCode(0x8007_0005)));
}

#[test]
fn get_receive_folder_table() {
    // Constructions after MS-OXCROPS 2.2.3.4 / MS-OXCSTOR 2.2.1.4.2: a
    // standard row and a flagged row over the implicit columns
    // (PidTagFolderId, PidTagMessageClass as PtypString8,
    // PidTagLastModificationTime).
    let r = req(hex("68 00 00"));
    let RopRequest::GetReceiveFolderTable(t) = &r else {
        panic!()
    };
    assert_eq!(t.input_handle_index, 0);

    let time = 0x01D9_0000_0000_0000u64.to_le_bytes();
    let bytes = cat(&[
        hex("68 00 00000000 02000000"),
        &[0x00],
        &fid(5).0,
        b"IPM\0",
        &time,
        &[0x01, 0x00],
        &fid(6).0,
        &[0x00],
        b"IPM.Note\0",
        hex("0a 0f010480"), // LastModificationTime: error ecNotFound
    ]);
    let r = resp0(bytes);
    let RopResponse::GetReceiveFolderTable(t) = &r else {
        panic!()
    };
    let body = t.ok().unwrap();
    assert_eq!(body.row_count, 2);
    let rows: Vec<_> = body.rows.rows().collect();
    assert_eq!(
        rows[0].value(0),
        Some(&PropertyValue::Integer64(fid(5).to_u64_le() as i64))
    );
    assert!(matches!(rows[0].value(1), Some(PropertyValue::String8(s)) if s.as_bytes() == b"IPM"));
    assert!(matches!(rows[0].value(2), Some(PropertyValue::Time(_))));
    assert!(
        matches!(rows[1].value(1), Some(PropertyValue::String8(s)) if s.as_bytes() == b"IPM.Note")
    );
    assert_eq!(rows[1].value(2), None);
    assert_eq!(
        body.rows.context().columns.to_vec(),
        RECEIVE_FOLDER_TABLE_COLUMNS
    );

    // A RowCount larger than the rows that follow fails, naming the rows.
    let e = RopResponse::decode_with(hex("68 00 00000000 05000000 00"), RopContext::default())
        .unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::CountTooLarge { count: 5, .. }),
        "{e}"
    );

    let r = resp0(hex("68 00 02010480"));
    assert_eq!(r.return_value(), Some(ErrorCode(0x8004_0102)));
}

#[test]
fn get_store_state() {
    // Constructions after MS-OXCROPS 2.2.3.5 / MS-OXCSTOR 2.2.1.5.2.
    let r = req(hex("7b 00 00"));
    assert_eq!(r.rop_id(), RopId::GET_STORE_STATE);
    let r = resp0(hex("7b 00 00000000 00000001"));
    let RopResponse::GetStoreState(s) = &r else {
        panic!()
    };
    assert_eq!(s.ok().unwrap().store_state, StoreState::STORE_HAS_SEARCHES);
    // MS-OXCSTOR 3.2.5.5: servers SHOULD answer NotImplemented.
    let r = resp0(hex("7b 00 ff0f0480"));
    assert_eq!(r.return_value(), Some(ErrorCode(0x8004_0FFF)));
}

#[test]
fn get_owning_servers() {
    // Constructions after MS-OXCROPS 2.2.3.6 / MS-OXCSTOR 2.2.1.6.
    let r = req(cat(&[hex("42 00 00"), &fid(9).0]));
    let RopRequest::GetOwningServers(g) = &r else {
        panic!()
    };
    assert_eq!(g.folder_id, fid(9));

    let r = resp0(cat(&[hex("42 00 00000000 0300 0100"), b"PF1\0PF2\0PF3\0"]));
    let RopResponse::GetOwningServers(g) = &r else {
        panic!()
    };
    let body = g.ok().unwrap();
    assert_eq!(
        (body.owning_servers_count, body.cheap_servers_count),
        (3, 1)
    );
    let names: Vec<_> = body.owning_servers.iter().map(|s| s.to_string()).collect();
    assert_eq!(names, ["PF1", "PF2", "PF3"]);

    // A count beyond the bytes left fails before anything is walked.
    let e = RopResponse::decode_with(hex("42 00 00000000 ffff 0000 00"), RopContext::default())
        .unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::CountTooLarge { count: 0xFFFF, .. }),
        "{e}"
    );

    let r = resp0(hex("42 00 68040000"));
    assert_eq!(r.return_value(), Some(ErrorCode(0x468)));
}

#[test]
fn public_folder_is_ghosted() {
    // Constructions after MS-OXCROPS 2.2.3.7 / MS-OXCSTOR 2.2.1.7.
    let r = req(cat(&[hex("45 00 01"), &fid(7).0]));
    let RopRequest::PublicFolderIsGhosted(g) = &r else {
        panic!()
    };
    assert_eq!((g.input_handle_index, g.folder_id), (1, fid(7)));

    let r = resp0(hex("45 01 00000000 00"));
    let RopResponse::PublicFolderIsGhosted(g) = &r else {
        panic!()
    };
    let body = g.ok().unwrap();
    assert!(!body.is_ghosted.get());
    assert_eq!((body.servers_count, body.cheap_servers_count), (None, None));

    let r = resp0(cat(&[hex("45 01 00000000 01 0200 0200"), b"A\0B\0"]));
    let RopResponse::PublicFolderIsGhosted(g) = &r else {
        panic!()
    };
    let body = g.ok().unwrap();
    assert_eq!(body.servers_count, Some(2));
    assert_eq!(body.cheap_servers_count, Some(2));
    assert_eq!(body.servers.unwrap().get(1).unwrap().as_bytes(), b"B");

    let r = resp0(hex("45 01 0f010480"));
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_FOUND));
}

#[test]
fn long_term_id_conversions() {
    // Constructions after MS-OXCROPS 2.2.3.8 and 2.2.3.9 / MS-OXCSTOR
    // 2.2.1.8, 2.2.1.9 (a LongTermID is DatabaseGuid, GlobalCounter, Pad:
    // MS-OXCDATA 2.2.1.3.1).
    let lt = cat(&[&[0xDD; 16], &[0, 0, 0, 0, 0, 9], &[0, 0]]);
    let r = req(cat(&[hex("43 00 00"), &fid(9).0]));
    let RopRequest::LongTermIdFromId(l) = &r else {
        panic!()
    };
    assert_eq!(l.object_id.as_folder_id(), fid(9));
    let r = resp0(cat(&[hex("43 00 00000000"), lt]));
    let RopResponse::LongTermIdFromId(l) = &r else {
        panic!()
    };
    let id = l.ok().unwrap().long_term_id;
    assert_eq!(id.database_guid, Guid([0xDD; 16]));
    assert_eq!(id.global_counter.value(), 9);
    let r = resp0(hex("43 00 0f010480"));
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_FOUND));

    let r = req(cat(&[hex("44 00 00"), lt]));
    let RopRequest::IdFromLongTermId(l) = &r else {
        panic!()
    };
    assert_eq!(l.long_term_id.global_counter.value(), 9);
    let r = resp0(cat(&[hex("44 00 00000000"), &fid(9).0]));
    let RopResponse::IdFromLongTermId(l) = &r else {
        panic!()
    };
    let id = l.ok().unwrap().object_id;
    assert_eq!(id.to_string(), "0001-000000000009");
    assert_eq!(id.as_message_id().global_counter().value(), 9);
    let r = resp0(hex("44 00 0f010480"));
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_FOUND));
}

#[test]
fn per_user_long_term_ids_and_guid() {
    // Constructions after MS-OXCROPS 2.2.3.10, 2.2.3.11 / MS-OXCSTOR
    // 2.2.1.10, 2.2.1.11.
    let r = req(cat(&[hex("60 00 00"), &[0xEE; 16]]));
    let RopRequest::GetPerUserLongTermIds(g) = &r else {
        panic!()
    };
    assert_eq!(g.database_guid, Guid([0xEE; 16]));

    let lt = |n: u8| cat(&[&[0xEE; 16], &[0, 0, 0, 0, 0, n], &[0, 0]]);
    let r = resp0(cat(&[hex("60 00 00000000 0200"), lt(1), lt(2)]));
    let RopResponse::GetPerUserLongTermIds(g) = &r else {
        panic!()
    };
    let ids = g.ok().unwrap().long_term_ids;
    assert_eq!(ids.len(), 2);
    assert_eq!(ids.get(1).unwrap().global_counter.value(), 2);
    // MS-OXCSTOR 3.2.5.10: a public logon fails with 0x80040102.
    let r = resp0(hex("60 00 02010480"));
    assert_eq!(r.return_value(), Some(ErrorCode(0x8004_0102)));

    let r = req(cat(&[hex("61 00 00"), lt(3)]));
    let RopRequest::GetPerUserGuid(g) = &r else {
        panic!()
    };
    assert_eq!(g.long_term_id.global_counter.value(), 3);
    let r = resp0(cat(&[hex("61 00 00000000"), &[0x12; 16]]));
    let RopResponse::GetPerUserGuid(g) = &r else {
        panic!()
    };
    assert_eq!(g.ok().unwrap().database_guid, Guid([0x12; 16]));
    let r = resp0(hex("61 00 0f010480"));
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_FOUND));
}

#[test]
fn read_per_user_information() {
    // Constructions after MS-OXCROPS 2.2.3.12 / MS-OXCSTOR 2.2.1.12.
    let lt = cat(&[&[0xEE; 16], &[0, 0, 0, 0, 0, 4], &[0, 0]]);
    let r = req(cat(&[hex("63 00 00"), lt, hex("00 00010000 0010")]));
    let RopRequest::ReadPerUserInformation(p) = &r else {
        panic!()
    };
    assert_eq!(p.folder_id.global_counter.value(), 4);
    assert_eq!(p.reserved, 0);
    assert_eq!((p.data_offset, p.max_data_size), (0x100, 0x1000));

    let r = resp0(hex("63 00 00000000 00 0400 01020304"));
    let RopResponse::ReadPerUserInformation(p) = &r else {
        panic!()
    };
    let body = p.ok().unwrap();
    assert!(!body.has_finished.get());
    assert_eq!(body.data.0, &[1, 2, 3, 4]);
    let r = resp0(hex("63 00 0f010480"));
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_FOUND));
}

/// A RopWritePerUserInformation request up to its Data (DataOffset as
/// given, 2 bytes of data).
fn write_per_user(data_offset: u32) -> Vec<u8> {
    [
        hex("64 00 00"),
        &[0xEE; 16],
        &[0, 0, 0, 0, 0, 4, 0, 0],
        &[0x01],
        &data_offset.to_le_bytes(),
        hex("0200 abcd"),
    ]
    .concat()
}

#[test]
fn write_per_user_information_follows_the_logon_kind() {
    // Constructions after MS-OXCROPS 2.2.3.13.1: ReplGuid only when
    // DataOffset is 0 on a private-mailbox logon.
    let private = cat(&[&write_per_user(0), &[0x77; 16]]);
    let r = req_as(private, Some(LogonKind::Private));
    let RopRequest::WritePerUserInformation(w) = &r else {
        panic!()
    };
    assert!(w.has_finished.get());
    assert_eq!(w.data.0, &[0xAB, 0xCD]);
    assert_eq!(w.repl_guid, PerUserReplGuid::Present(Guid([0x77; 16])));

    // Public logon, DataOffset 0: no ReplGuid.
    let public = cat(&[&write_per_user(0)]);
    let r = req_as(public, Some(LogonKind::Public));
    let RopRequest::WritePerUserInformation(w) = &r else {
        panic!()
    };
    assert_eq!(w.repl_guid, PerUserReplGuid::Absent);

    // Private logon, DataOffset not 0: no ReplGuid either.
    let later = cat(&[&write_per_user(2)]);
    let r = req_as(later, Some(LogonKind::Private));
    let RopRequest::WritePerUserInformation(w) = &r else {
        panic!()
    };
    assert_eq!((w.data_offset, w.repl_guid), (2, PerUserReplGuid::Absent));
    // DataOffset not 0 needs no context at all.
    assert_eq!(req(later), r);

    // Unknown logon kind, DataOffset 0: the rest of the buffer is kept
    // (the ReplGuid and the RopRelease after it), not guessed.
    let unknown = cat(&[&write_per_user(0), &[0x77; 16], hex("01 00 01")]);
    let r = roundtrip2_raw::<RopRequest<'_>>(unknown, RopContext::default(), RopFacts::default());
    let RopRequest::WritePerUserInformation(w) = &r else {
        panic!()
    };
    let PerUserReplGuid::Undetermined(rest) = w.repl_guid else {
        panic!("{w:?}")
    };
    assert_eq!(rest.0.len(), 16 + 3);
    assert_eq!(w.repl_guid.guid(), None);
    // Encoding that with a known logon kind would not read back: refused.
    let private_facts = RopFacts {
        logon: Some(LogonKind::Private),
        ..RopFacts::default()
    };
    assert!(r.to_vec_with(private_facts).is_err());

    // A private logon missing its ReplGuid is truncated.
    let e = RopRequest::decode_with(public, RopContext::default().with_logon(LogonKind::Private))
        .unwrap_err();
    assert_eq!(e.offset(), public.len());
    assert!(e.to_string().contains("ReplGuid"), "{e}");

    // One response layout (MS-OXCROPS 2.2.3.13.2).
    let r = resp0(hex("64 00 00000000"));
    assert!(matches!(&r, RopResponse::WritePerUserInformation(w) if w.ok().is_some()));
    let r = resp0(hex("64 00 02010480"));
    assert_eq!(r.return_value(), Some(ErrorCode(0x8004_0102)));
}

#[test]
fn a_logon_in_the_buffer_tells_the_walkers_its_kind() {
    // Construction after MS-OXCROPS 2.2.1: one input buffer with a private
    // RopLogon (logon 4, slot 0) and a RopWritePerUserInformation on that
    // logon; the output buffer with the RopLogon response.
    let logon = cat(&[
        hex("fe 04 00 01 0c040001 00000000"),
        &(ESSDN.len() as u16).to_le_bytes(),
        ESSDN,
    ]);
    let mut write = write_per_user(0);
    write[1] = 4; // LogonId
    let requests = cat(&[logon, &write, &[0x77; 16], hex("01 04 00")]);

    // Requests: the RopLogon makes the ReplGuid readable, so the RopRelease
    // after it is a request of its own.
    let walked: Vec<_> = RequestWalker::new(requests, 2, LogonMap::default())
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(walked.len(), 3);
    let RopRequest::WritePerUserInformation(w) = &walked[1] else {
        panic!("{walked:?}")
    };
    assert_eq!(w.repl_guid.guid(), Some(Guid([0x77; 16])));
    assert_eq!(walked[2].rop_id(), RopId::RELEASE);

    // Responses: the RopLogon response is read as private because its
    // request says so; its echoed LogonFlags is deliberately 0 here, so the
    // context is what decides.
    let mut body = private_body();
    body[0] = 0x00;
    let rops = cat(&[hex("fe 00 00000000"), &body, hex("64 00 00000000")]);
    let out = cat(&[
        &((rops.len() + 2) as u16).to_le_bytes(),
        rops,
        hex("01000000"),
    ]);
    let frame = RopFrame::read(&mut Reader::new(out)).unwrap();
    let pairing = Pairing {
        rops_list: requests,
        offset: 2,
        handles: Default::default(),
    };
    let responses: Vec<_> = ResponseWalker::new(frame, Some(pairing), None)
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(responses.len(), 2);
    let RopResponse::Logon(l) = &responses[0] else {
        panic!()
    };
    assert_eq!(l.ok().unwrap().kind(), LogonKind::Private);
    assert_eq!(responses[1].rop_id(), RopId::WRITE_PER_USER_INFORMATION);

    // Without the pairing the echo (0x00) chooses the public layout, 21
    // bytes shorter: the next "RopId" is then the last byte of ReplGuid
    // (0xBB, unassigned), kept with the rest of the list as an unknown ROP.
    let mut unpaired = ResponseWalker::new(frame, None, None);
    let first = unpaired.next().unwrap().unwrap();
    let RopResponse::Logon(l) = &first else {
        panic!()
    };
    assert_eq!(l.ok().unwrap().kind(), LogonKind::Public);
    let second = unpaired.next().unwrap().unwrap();
    assert!(
        matches!(&second, RopResponse::Unknown(u) if u.rop_id == 0xBB && u.data.0.len() == 20 + 6),
        "{second:?}"
    );
    assert!(unpaired.next().is_none());
}

#[test]
fn every_logon_and_store_rop_is_in_the_catalogue() {
    // MS-OXCROPS 2.2.3.1 to 2.2.3.13.
    let ids = [
        0xFE, 0x27, 0x26, 0x68, 0x7B, 0x42, 0x45, 0x43, 0x44, 0x60, 0x61, 0x63, 0x64,
    ];
    common::assert_catalogued(ids);
    assert!(ids.iter().all(|&id| RopId(id).name().is_some()));
}

// JSON (feature `cli` brings serde_json).
#[cfg(feature = "cli")]
#[test]
fn logon_json_uses_the_spec_field_names() {
    let bytes = cat(&[hex("fe 00 00000000"), &private_body()]);
    let (r, _) = RopResponse::decode_with(bytes, RopContext::default()).unwrap();
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["rop"], "RopLogon");
    assert_eq!(v["output_handle_index"], 0);
    assert_eq!(v["logon_flags"], 1);
    assert_eq!(v["folder_ids"][4], "0001-000000000005");
    assert_eq!(v["logon_time"]["year"], 2024);
    assert_eq!(v["store_state"], 0x0100_0000);
}

mod props {
    //! Arbitrary bytes never panic the decoders of this area, and whatever
    //! decodes re-encodes to the bytes consumed; generated values survive
    //! encode→decode.

    use super::*;
    use proptest::prelude::*;

    const IDS: [u8; 13] = [
        0xFE, 0x27, 0x26, 0x68, 0x7B, 0x42, 0x45, 0x43, 0x44, 0x60, 0x61, 0x63, 0x64,
    ];

    fn logon_kind() -> impl Strategy<Value = Option<LogonKind>> {
        prop_oneof![
            Just(None),
            Just(Some(LogonKind::Private)),
            Just(Some(LogonKind::Public))
        ]
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(
            id in prop::sample::select(&IDS[..]),
            body in prop::collection::vec(any::<u8>(), 0..200),
            logon in logon_kind(),
        ) {
            let bytes = [&[id][..], &body].concat();
            let cx = RopContext { logon, ..RopContext::default() };
            common::reencodes_what_it_reads::<RopRequest<'_>>(&bytes, cx, cx.facts())?;
            common::reencodes_what_it_reads::<RopResponse<'_>>(&bytes, cx, cx.facts())?;
        }

        #[test]
        fn generated_write_per_user_requests_survive(
            data_offset in prop_oneof![Just(0u32), any::<u32>()],
            data in prop::collection::vec(any::<u8>(), 0..40),
            guid in any::<[u8; 16]>(),
            logon in logon_kind(),
        ) {
            let data: &'static [u8] = Box::leak(data.into_boxed_slice());
            let repl_guid = match (data_offset, logon) {
                (0, Some(LogonKind::Private)) => PerUserReplGuid::Present(Guid(guid)),
                _ => PerUserReplGuid::Absent,
            };
            let v = RopRequest::WritePerUserInformation(WritePerUserInformationRequest {
                logon_id: 1,
                input_handle_index: 0,
                folder_id: mapi_wire::data::LongTermId::new(Guid(guid), GlobalCounter::from_value(7)),
                has_finished: Bool8::TRUE,
                data_offset,
                data: mapi_wire::wire::Bytes(data),
                repl_guid,
            });
            let facts = RopFacts { logon, ..RopFacts::default() };
            let bytes: &'static [u8] = Box::leak(v.to_vec_with(facts).unwrap().into_boxed_slice());
            prop_assert_eq!(v.encoded_len_with(facts), bytes.len());
            let cx = RopContext { logon, ..RopContext::default() };
            let (back, rest) = RopRequest::decode_with(bytes, cx).unwrap();
            prop_assert!(rest.is_empty());
            if data_offset == 0 && logon.is_none() {
                // Nothing to read the ReplGuid's absence from: kept raw.
                let RopRequest::WritePerUserInformation(w) = &back else { panic!() };
                prop_assert_eq!(w.repl_guid, PerUserReplGuid::Undetermined(mapi_wire::wire::Rest(&[])));
            } else {
                prop_assert_eq!(back, v);
            }
        }

        #[test]
        fn generated_logon_responses_survive(
            private in any::<bool>(),
            flags in any::<u8>(),
            fill in any::<u8>(),
            with_context in any::<bool>(),
        ) {
            let ids = SpecialFolderIds([FolderId([fill; 8]); 13]);
            let body = if private {
                LogonSuccess::Private(LogonPrivateSuccess {
                    logon_flags: LogonFlags::from_bits_retain(flags | 0x01),
                    folder_ids: ids,
                    response_flags: ResponseFlags::from_bits_retain(fill),
                    mailbox_guid: Guid([fill; 16]),
                    repl_id: ReplicaId(u16::from(fill)),
                    repl_guid: Guid([!fill; 16]),
                    logon_time: LogonTime { seconds: fill, minutes: 1, hour: 2, day_of_week: 3, day: 4, month: 5, year: 2025 },
                    gwart_time: u64::from(fill) << 40,
                    store_state: StoreState::from_bits_retain(u32::from(fill)),
                })
            } else {
                LogonSuccess::Public(LogonPublicSuccess {
                    logon_flags: LogonFlags::from_bits_retain(flags & !0x01),
                    folder_ids: ids,
                    repl_id: ReplicaId(1),
                    repl_guid: Guid([fill; 16]),
                    per_user_guid: Guid::NIL,
                })
            };
            let kind = body.kind();
            let v = RopResponse::Logon(Response::success(3, body));
            let cx = if with_context {
                RopContext::default().with_logon(kind)
            } else {
                RopContext::default()
            };
            let bytes: &'static [u8] = Box::leak(v.to_vec_with(cx.facts()).unwrap().into_boxed_slice());
            let back = RopResponse::decode_exact(bytes, cx).unwrap();
            prop_assert_eq!(back, v);
        }
    }
}
