//! Folder ROPs (MS-OXCROPS 2.2.4; MS-OXCFOLD 2.2.1) through the ROP
//! catalogue, from the byte examples of MS-OXCFOLD section 4 and
//! MS-OXCTABL 4.1.1 (`shared/vectors/spec-rops.json`, ids `oxcfold-*` and
//! `oxctabl-4.1.1-getcontentstable-req`) and careful constructions.

mod common;

use common::{hex, roundtrip2};
use mapi_wire::data::{ErrorCode, FolderId, GlobalCounter, MessageId, NulString, ReplicaId};
use mapi_wire::rop::*;
use mapi_wire::wire::{Decode, Encode, ErrorKind, Reader};

fn req(bytes: &[u8]) -> RopRequest<'_> {
    roundtrip2::<RopRequest<'_>>(bytes, RopContext::default(), RopFacts::default())
}

fn resp(bytes: &[u8]) -> RopResponse<'_> {
    roundtrip2::<RopResponse<'_>>(bytes, RopContext::default(), RopFacts::default())
}

fn fid(counter: u64) -> FolderId {
    FolderId::new(ReplicaId(1), GlobalCounter::from_value(counter))
}

/// The PartialCompletion of a response whose body is a
/// [`PartialCompletionBody`] on both sides.
fn partial(r: &RopResponse<'_>) -> bool {
    let body = match r {
        RopResponse::DeleteFolder(x)
        | RopResponse::EmptyFolder(x)
        | RopResponse::HardDeleteMessagesAndSubfolders(x)
        | RopResponse::DeleteMessages(x)
        | RopResponse::HardDeleteMessages(x) => match &x.body {
            ResponseBody::Success(b) | ResponseBody::Failure(b) => *b,
        },
        other => panic!("{other:?}"),
    };
    body.partial_completion.get()
}

#[test]
fn open_folder() {
    // Construction after MS-OXCROPS 2.2.4.1.1: open the Inbox (FID
    // 0001-000000000005) from the Logon in slot 0 into slot 1.
    let r = req(hex("02 00 00 01 0100000000000005 00"));
    let RopRequest::OpenFolder(o) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(o.folder_id, fid(5));
    assert_eq!(o.open_mode_flags, FolderOpenModeFlags::empty());
    assert_eq!(r.handles().input_handle_index, Some(0));
    assert_eq!(r.handles().output_handle_index, Some(1));
    // OpenSoftDeleted.
    let r = req(hex("02 00 00 01 0100000000000005 04"));
    let RopRequest::OpenFolder(o) = &r else {
        panic!()
    };
    assert_eq!(o.open_mode_flags, FolderOpenModeFlags::OPEN_SOFT_DELETED);

    // MS-OXCROPS 2.2.4.1.2: HasRules, IsGhosted 0, nothing else.
    let r = resp(hex("02 01 00000000 01 00"));
    let RopResponse::OpenFolder(o) = &r else {
        panic!()
    };
    assert_eq!(r.handle_index_name(), Some("output_handle_index"));
    let b = o.ok().unwrap();
    assert!(b.has_rules.get() && !b.is_ghosted.get());
    assert_eq!((b.server_count, b.cheap_server_count), (None, None));
    assert!(b.servers.is_none());

    // A ghosted public folder with its replica servers (construction).
    let r = resp(hex("02 01 00000000 00 01 0200 0100 50463100 50463200"));
    let RopResponse::OpenFolder(o) = &r else {
        panic!()
    };
    let b = o.ok().unwrap();
    assert_eq!((b.server_count, b.cheap_server_count), (Some(2), Some(1)));
    let names: Vec<_> = b.servers.unwrap().iter().map(|s| s.to_string()).collect();
    assert_eq!(names, ["PF1", "PF2"]);

    // MS-OXCFOLD 3.2.5.1: ecNotFound, no body.
    let r = resp(hex("02 01 0f010480"));
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_FOUND));
}

#[test]
fn create_folder() {
    // MS-OXCFOLD 4.1.1 (oxcfold-4.1.1-createfolder-req).
    let r = req(hex("1c0000010101000046006f006c00640065007200310000000000"));
    let RopRequest::CreateFolder(c) = &r else {
        panic!()
    };
    assert_eq!((c.input_handle_index, c.output_handle_index), (0, 1));
    assert_eq!(c.folder_type, FolderType::GENERIC);
    assert!(c.use_unicode_strings.get());
    assert!(!c.open_existing.get());
    assert_eq!(c.reserved, 0);
    assert!(c.display_name.is_unicode());
    assert_eq!(c.display_name.to_string(), "Folder1");
    assert!(matches!(c.comment, NulString::Utf16(s) if s.is_empty()));

    // The same request with 8-bit strings (construction).
    let r = req(hex("1c 00 00 01 02 00 01 00 466f6c6465723100 6100"));
    let RopRequest::CreateFolder(c) = &r else {
        panic!()
    };
    assert_eq!(c.folder_type, FolderType::SEARCH);
    assert!(c.open_existing.get());
    assert!(matches!(c.display_name, NulString::String8(s) if s.as_bytes() == b"Folder1"));
    assert_eq!(c.comment.to_string(), "a");

    // MS-OXCFOLD 4.1.2 (oxcfold-4.1.2-createfolder-resp): a new folder.
    let r = resp(hex("1c0100000000010000000e91521200"));
    let RopResponse::CreateFolder(c) = &r else {
        panic!()
    };
    assert_eq!(c.handle_index, 1);
    let b = c.ok().unwrap();
    assert_eq!(b.folder_id.to_string(), "0001-00000E915212");
    assert!(!b.is_existing_folder.get());
    assert_eq!((b.has_rules, b.is_ghosted), (None, None));

    // An existing ghosted folder was opened (construction after
    // MS-OXCROPS 2.2.4.2.2).
    let r = resp(hex(
        "1c 01 00000000 0100000000000009 01 00 01 0100 0000 53563100",
    ));
    let RopResponse::CreateFolder(c) = &r else {
        panic!()
    };
    let b = c.ok().unwrap();
    assert_eq!(b.folder_id, fid(9));
    assert_eq!(b.has_rules, Some(Bool8::FALSE));
    assert_eq!(b.is_ghosted, Some(Bool8::TRUE));
    assert_eq!((b.server_count, b.cheap_server_count), (Some(1), Some(0)));
    assert_eq!(b.servers.unwrap().get(0).unwrap().as_bytes(), b"SV1");
    // Existing, not ghosted: HasRules and IsGhosted only.
    let r = resp(hex("1c 01 00000000 0100000000000009 01 01 00"));
    let RopResponse::CreateFolder(c) = &r else {
        panic!()
    };
    assert_eq!(c.ok().unwrap().has_rules, Some(Bool8::TRUE));
    assert!(c.ok().unwrap().servers.is_none());

    // ecDuplicateName (0x80040604), no body.
    let r = resp(hex("1c 01 04060480"));
    assert_eq!(r.return_value(), Some(ErrorCode(0x8004_0604)));

    // A UTF-16 name must end on a whole code unit.
    let e = RopRequest::decode_with(
        hex("1c 00 00 01 01 01 00 00 4600 6f"),
        RopContext::default(),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unterminated);
}

#[test]
fn delete_folder() {
    // MS-OXCFOLD 4.2.1 (oxcfold-4.2.1-deletefolder-req).
    let r = req(hex("1d000105010000000e8edf36"));
    let RopRequest::DeleteFolder(d) = &r else {
        panic!()
    };
    assert_eq!(d.input_handle_index, 1);
    assert_eq!(
        d.delete_folder_flags,
        DeleteFolderFlags::DEL_MESSAGES | DeleteFolderFlags::DEL_FOLDERS
    );
    assert_eq!(d.folder_id.to_string(), "0001-00000E8EDF36");

    // MS-OXCFOLD 4.2.2 (oxcfold-4.2.2-deletefolder-resp).
    let r = resp(hex("1d010000000000"));
    assert_eq!(r.return_value(), Some(ErrorCode(0)));
    assert!(!partial(&r));
    // Failure: PartialCompletion is still there (MS-OXCROPS 2.2.4.3.2,
    // one layout); construction with ecAccessDenied.
    let r = resp(hex("1d 01 05000780 01"));
    assert_eq!(r.return_value(), Some(ErrorCode(0x8007_0005)));
    assert!(partial(&r));
    // Without it the response is truncated.
    assert!(RopResponse::decode_with(hex("1d 01 05000780"), RopContext::default()).is_err());
}

#[test]
fn move_copy_messages() {
    // MS-OXCFOLD 4.4.1 (oxcfold-4.4.1-movecopymessages-req).
    let r = req(hex("330000010100010000000e8eec5d0000"));
    let RopRequest::MoveCopyMessages(m) = &r else {
        panic!()
    };
    assert_eq!((m.source_handle_index, m.dest_handle_index), (0, 1));
    assert_eq!(
        m.message_ids.to_vec(),
        [MessageId([0x01, 0x00, 0x00, 0x00, 0x0E, 0x8E, 0xEC, 0x5D])]
    );
    assert!(!m.want_asynchronous.get() && !m.want_copy.get());
    let h = r.handles();
    assert_eq!(
        (h.source_handle_index, h.dest_handle_index),
        (Some(0), Some(1))
    );

    // Success (construction after MS-OXCROPS 2.2.4.6.2).
    let r = resp(hex("33 00 00000000 00"));
    let RopResponse::MoveCopyMessages(m) = &r else {
        panic!()
    };
    assert_eq!(r.handle_index_name(), Some("source_handle_index"));
    assert!(!m.ok().unwrap().partial_completion.get());
    // Null destination (MS-OXCROPS 2.2.4.6.3): DestHandleIndex widened to
    // 4 bytes before PartialCompletion.
    let r = resp(hex("33 00 03050000 01000000 00"));
    let RopResponse::MoveCopyMessages(m) = &r else {
        panic!()
    };
    let ResponseBody::Failure(f) = &m.body else {
        panic!()
    };
    assert_eq!(m.return_value, ErrorCode::NULL_DESTINATION_OBJECT);
    assert_eq!(f.dest_handle_index, Some(1));
    // Any other failure: PartialCompletion only (2.2.4.6.2).
    let r = resp(hex("33 00 0f010480 01"));
    let RopResponse::MoveCopyMessages(m) = &r else {
        panic!()
    };
    let ResponseBody::Failure(f) = &m.body else {
        panic!()
    };
    assert_eq!(f.dest_handle_index, None);
    assert!(f.partial_completion.get());
}

#[test]
fn move_folder() {
    // MS-OXCFOLD 4.5.1 (oxcfold-4.5.1-movefolder-req).
    let r = req(hex(
        "350001020101010000000e8edf3646006f006c0064006500720031000000",
    ));
    let RopRequest::MoveFolder(m) = &r else {
        panic!()
    };
    assert_eq!((m.source_handle_index, m.dest_handle_index), (1, 2));
    assert!(m.want_asynchronous.get() && m.use_unicode.get());
    assert_eq!(m.folder_id.to_string(), "0001-00000E8EDF36");
    assert_eq!(m.new_folder_name.to_string(), "Folder1");

    // MS-OXCFOLD 4.5.2 (oxcfold-4.5.2-movefolder-resp).
    let r = resp(hex("35010000000000"));
    let RopResponse::MoveFolder(m) = &r else {
        panic!()
    };
    assert_eq!(m.handle_index, 1);
    assert!(!m.ok().unwrap().partial_completion.get());
    // Null destination and another failure (constructions after
    // MS-OXCROPS 2.2.4.7.3, 2.2.4.7.2).
    let r = resp(hex("35 01 03050000 02000000 01"));
    let RopResponse::MoveFolder(m) = &r else {
        panic!()
    };
    let ResponseBody::Failure(f) = &m.body else {
        panic!()
    };
    assert_eq!(
        (f.dest_handle_index, f.partial_completion.get()),
        (Some(2), true)
    );
    let r = resp(hex("35 01 0f010480 00"));
    assert_eq!(r.return_value(), Some(ErrorCode::NOT_FOUND));
}

#[test]
fn copy_folder() {
    // MS-OXCFOLD 4.6.1 (oxcfold-4.6.1-copyfolder-req).
    let r = req(hex(
        "36000001010101010000000e8edf3646006f006c0064006500720031000000",
    ));
    let RopRequest::CopyFolder(c) = &r else {
        panic!()
    };
    assert_eq!((c.source_handle_index, c.dest_handle_index), (0, 1));
    assert!(c.want_asynchronous.get() && c.want_recursive.get() && c.use_unicode.get());
    assert_eq!(c.folder_id.to_string(), "0001-00000E8EDF36");
    assert_eq!(c.new_folder_name.to_string(), "Folder1");
    // 8-bit name (construction).
    let r = req(hex("36 00 00 01 00 00 00 0100000000000004 436f707900"));
    let RopRequest::CopyFolder(c) = &r else {
        panic!()
    };
    assert!(matches!(c.new_folder_name, NulString::String8(s) if s.as_bytes() == b"Copy"));

    // MS-OXCFOLD 4.6.2 (oxcfold-4.6.2-copyfolder-resp).
    let r = resp(hex("36000000000000"));
    let RopResponse::CopyFolder(c) = &r else {
        panic!()
    };
    assert!(!c.ok().unwrap().partial_completion.get());
    // Null destination and another failure (constructions after
    // MS-OXCROPS 2.2.4.8.3, 2.2.4.8.2).
    let r = resp(hex("36 00 03050000 01000000 00"));
    let RopResponse::CopyFolder(c) = &r else {
        panic!()
    };
    let ResponseBody::Failure(f) = &c.body else {
        panic!()
    };
    assert_eq!(f.dest_handle_index, Some(1));
    let r = resp(hex("36 00 05000780 01"));
    let RopResponse::CopyFolder(c) = &r else {
        panic!()
    };
    let ResponseBody::Failure(f) = &c.body else {
        panic!()
    };
    assert_eq!(
        (f.dest_handle_index, f.partial_completion.get()),
        (None, true)
    );
}

#[test]
fn null_destination_form_needs_its_dest_handle_index() {
    // A 0x503 response cut after ReturnValue + 1 byte: the decoder wants
    // the 4-byte DestHandleIndex first and says where it ran out.
    let e = RopResponse::decode_with(hex("33 00 03050000 00"), RopContext::default()).unwrap_err();
    assert_eq!(e.offset(), 6);
    assert_eq!(
        e.to_string(),
        "RopResponse.RopMoveCopyMessages.DestHandleIndex: needs 4 bytes, 1 remain (offset 6)"
    );
    // The encoder refuses a DestHandleIndex that the ReturnValue does not
    // call for.
    let r = Response::<PartialCompletionBody, MoveCopyFailure>::failure(
        0,
        ErrorCode::NOT_FOUND,
        MoveCopyFailure {
            dest_handle_index: Some(1),
            partial_completion: Bool8::FALSE,
        },
    );
    assert!(r.to_vec_with(RopFacts::default()).is_err());
}

#[test]
fn empty_folder_and_hard_delete_messages_and_subfolders() {
    // Constructions after MS-OXCROPS 2.2.4.9 and 2.2.4.10 (one request
    // layout, one response layout).
    let r = req(hex("58 00 01 00 01"));
    let RopRequest::EmptyFolder(e) = &r else {
        panic!()
    };
    assert_eq!(e.input_handle_index, 1);
    assert!(!e.want_asynchronous.get() && e.want_delete_associated.get());
    assert!(!partial(&resp(hex("58 01 00000000 00"))));
    let r = resp(hex("58 01 05000780 01"));
    assert!(partial(&r));
    assert_eq!(r.return_value(), Some(ErrorCode(0x8007_0005)));

    let r = req(hex("92 00 01 01 00"));
    let RopRequest::HardDeleteMessagesAndSubfolders(e) = &r else {
        panic!()
    };
    assert!(e.want_asynchronous.get() && !e.want_delete_associated.get());
    assert!(!partial(&resp(hex("92 01 00000000 00"))));
    assert!(partial(&resp(hex("92 01 05000780 01"))));
}

#[test]
fn delete_messages() {
    // MS-OXCFOLD 4.3.1.
    let r = req(hex(
        "1E 00 00 00 01 02 00 01 00 00 00 0E 8E F1 48 01 00 00 00 0E 8E C3 02",
    ));
    let RopRequest::DeleteMessages(d) = &r else {
        panic!()
    };
    assert!(!d.want_asynchronous.get() && d.notify_non_read.get());
    let mids: Vec<_> = d.message_ids.iter().map(|m| m.to_string()).collect();
    assert_eq!(mids, ["0001-00000E8EF148", "0001-00000E8EC302"]);
    // MS-OXCFOLD 4.3.2.
    let r = resp(hex("1E 00 00 00 00 00 00"));
    assert_eq!(r.return_value(), Some(ErrorCode(0)));
    assert!(!partial(&r));
    // Failure with PartialCompletion (construction after 2.2.4.11.2).
    assert!(partial(&resp(hex("1e 00 0f010480 01"))));

    // MessageIdCount beyond the bytes left fails before the array is read.
    let e =
        RopRequest::decode_with(hex("1e 00 00 00 01 ffff 00"), RopContext::default()).unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::CountTooLarge {
            count: 0xFFFF,
            unit: mapi_wire::wire::Unit::Items,
            needed: 0xFFFF * 8,
            remaining: 1
        }
    );
    assert_eq!(e.offset(), 5);
}

#[test]
fn hard_delete_messages() {
    // Constructions after MS-OXCROPS 2.2.4.12 (RopDeleteMessages' layout).
    let r = req(hex("91 00 00 01 00 0100 010000000e8ef148"));
    let RopRequest::HardDeleteMessages(d) = &r else {
        panic!()
    };
    assert!(d.want_asynchronous.get());
    assert_eq!(
        d.message_ids.get(0).unwrap().to_string(),
        "0001-00000E8EF148"
    );
    assert!(!partial(&resp(hex("91 00 00000000 00"))));
    assert!(partial(&resp(hex("91 00 0f010480 01"))));
    // An empty list is fine.
    let r = req(hex("91 00 00 00 00 0000"));
    let RopRequest::HardDeleteMessages(d) = &r else {
        panic!()
    };
    assert!(d.message_ids.is_empty());
}

#[test]
fn get_hierarchy_table() {
    // Construction after MS-OXCROPS 2.2.4.13.1 (the request of MS-OXCFOLD
    // 4.7, whose response uses OutputHandleIndex 2): Depth.
    let r = req(hex("04 00 01 02 04"));
    let RopRequest::GetHierarchyTable(g) = &r else {
        panic!()
    };
    assert_eq!((g.input_handle_index, g.output_handle_index), (1, 2));
    assert_eq!(g.table_flags, HierarchyTableFlags::DEPTH);
    // MS-OXCFOLD 4.7.2 (oxcfold-4.7.2-gethierarchytable-resp): 21 rows.
    let r = resp(hex("04020000000015000000"));
    let RopResponse::GetHierarchyTable(g) = &r else {
        panic!()
    };
    assert_eq!(g.handle_index, 2);
    assert_eq!(g.ok().unwrap().row_count, 21);
    // MS-OXCFOLD 3.2.5.13: ecNotSupported.
    let r = resp(hex("04 02 02010480"));
    assert_eq!(r.return_value(), Some(ErrorCode(0x8004_0102)));
}

#[test]
fn get_contents_table() {
    // MS-OXCTABL 4.1.1 (oxctabl-4.1.1-getcontentstable-req).
    let r = req(hex("0500000100"));
    let RopRequest::GetContentsTable(g) = &r else {
        panic!()
    };
    assert_eq!((g.input_handle_index, g.output_handle_index), (0, 1));
    assert_eq!(g.table_flags, ContentsTableFlags::empty());
    // Associated | DeferredErrors (construction after MS-OXCFOLD 2.2.1.14.1).
    let r = req(hex("05 00 00 01 0a"));
    let RopRequest::GetContentsTable(g) = &r else {
        panic!()
    };
    assert_eq!(
        g.table_flags,
        ContentsTableFlags::ASSOCIATED | ContentsTableFlags::DEFERRED_ERRORS
    );
    // Construction after MS-OXCROPS 2.2.4.14.2: 7 rows.
    let r = resp(hex("05 01 00000000 07000000"));
    let RopResponse::GetContentsTable(g) = &r else {
        panic!()
    };
    assert_eq!(g.ok().unwrap().row_count, 7);
    let r = resp(hex("05 01 b9040000"));
    assert_eq!(r.return_value(), Some(ErrorCode(0x4B9)));
}

#[test]
fn an_asynchronous_folder_rop_may_be_answered_by_progress() {
    // Construction after MS-OXCROPS 3.2.5.2 and 2.2.8.13.2: a RopEmptyFolder
    // with WantAsynchronous is answered by RopProgress, then a
    // RopGetContentsTable by its own response.
    let requests = hex("58 00 00 01 00 05 00 00 01 00");
    let rops = hex("50 00 00000000 00 01000000 03000000 05 01 00000000 02000000");
    let mut out = Vec::from(((rops.len() + 2) as u16).to_le_bytes());
    out.extend_from_slice(rops);
    out.extend_from_slice(hex("11000000 22000000"));
    let out: &'static [u8] = Box::leak(out.into_boxed_slice());
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
    let RopResponse::Progress(p) = &responses[0] else {
        panic!("{responses:?}")
    };
    assert_eq!(p.ok().unwrap().total_task_count, 3);
    let RopResponse::GetContentsTable(g) = &responses[1] else {
        panic!()
    };
    assert_eq!(g.ok().unwrap().row_count, 2);
}

#[test]
fn every_folder_rop_is_in_the_catalogue() {
    // MS-OXCROPS 2.2.4.1-2.2.4.3, 2.2.4.6-2.2.4.14.
    let ids = [
        0x02, 0x1C, 0x1D, 0x33, 0x35, 0x36, 0x58, 0x92, 0x1E, 0x91, 0x04, 0x05,
    ];
    common::assert_catalogued(ids);
}

// JSON (feature `cli` brings serde_json).
#[cfg(feature = "cli")]
#[test]
fn folder_json_uses_the_spec_field_names() {
    let (r, _) = RopRequest::decode_with(
        hex("1c0000010101000046006f006c00640065007200310000000000"),
        RopContext::default(),
    )
    .unwrap();
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["rop"], "RopCreateFolder");
    assert_eq!(v["display_name"], "Folder1");
    assert_eq!(v["use_unicode_strings"], 1);
    let (r, _) =
        RopResponse::decode_with(hex("33 00 03050000 01000000 00"), RopContext::default()).unwrap();
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["source_handle_index"], 0);
    assert_eq!(v["return_value"], 0x503);
    assert_eq!(v["dest_handle_index"], 1);
    assert_eq!(v["partial_completion"], 0);
}

mod props {
    //! Arbitrary bytes never panic the decoders of this area, and whatever
    //! decodes re-encodes to the bytes consumed; generated values survive
    //! encode→decode.

    use super::*;
    use mapi_wire::data::{String8, Utf16Str};
    use proptest::prelude::*;

    const IDS: [u8; 12] = [
        0x02, 0x1C, 0x1D, 0x33, 0x35, 0x36, 0x58, 0x92, 0x1E, 0x91, 0x04, 0x05,
    ];

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(
            id in prop::sample::select(&IDS[..]),
            body in prop::collection::vec(any::<u8>(), 0..120),
        ) {
            let bytes = [&[id][..], &body].concat();
            let cx = RopContext::default();
            common::reencodes_what_it_reads::<RopRequest<'_>>(&bytes, cx, cx.facts())?;
            common::reencodes_what_it_reads::<RopResponse<'_>>(&bytes, cx, cx.facts())?;
        }

        #[test]
        fn generated_create_folder_requests_survive(
            unicode in any::<bool>(),
            name in "[a-zA-Z0-9 ]{0,20}",
            comment in "[a-z]{0,10}",
        ) {
            let name: &'static str = Box::leak(name.into_boxed_str());
            let comment: &'static str = Box::leak(comment.into_boxed_str());
            let s = |t: &'static str| if unicode {
                NulString::Utf16(Utf16Str::from_str(t))
            } else {
                NulString::String8(String8::new(t.as_bytes()).unwrap())
            };
            let v = RopRequest::CreateFolder(CreateFolderRequest {
                logon_id: 0,
                input_handle_index: 0,
                output_handle_index: 1,
                folder_type: FolderType::GENERIC,
                use_unicode_strings: Bool8::from(unicode),
                open_existing: Bool8::FALSE,
                reserved: 0,
                display_name: s(name),
                comment: s(comment),
            });
            let bytes: &'static [u8] =
                Box::leak(v.to_vec_with(RopFacts::default()).unwrap().into_boxed_slice());
            let back = RopRequest::decode_exact(bytes, RopContext::default()).unwrap();
            prop_assert_eq!(back, v);
        }

        #[test]
        fn generated_move_copy_failures_survive(
            null_destination in any::<bool>(),
            dest in any::<u32>(),
            partial in any::<u8>(),
        ) {
            let rv = if null_destination {
                ErrorCode::NULL_DESTINATION_OBJECT
            } else {
                ErrorCode::NOT_FOUND
            };
            let v = RopResponse::MoveFolder(Response::failure(
                1,
                rv,
                MoveCopyFailure {
                    dest_handle_index: null_destination.then_some(dest),
                    partial_completion: Bool8(partial),
                },
            ));
            let bytes: &'static [u8] =
                Box::leak(v.to_vec_with(RopFacts::default()).unwrap().into_boxed_slice());
            prop_assert_eq!(bytes.len(), if null_destination { 11 } else { 7 });
            let back = RopResponse::decode_exact(bytes, RopContext::default()).unwrap();
            prop_assert_eq!(back, v);
        }
    }
}
