//! Identifier structures of MS-OXCDATA: FID/MID, GID, LongTermID (2.2.1),
//! EntryIDs (2.2.4, 2.2.5) and PropertyName (2.6.1).
//!
//! Byte strings come from the specifications' examples where one exists
//! (the source is named); the others are careful constructions from the
//! field tables, and say so.

mod common;

use common::{hexv as hex, roundtrip};
use mapi_wire::data::{
    AddressBookEntryId, AddressBookType, EntryId, FolderEntryId, FolderId, GlobalCounter, GlobalId,
    Guid, LongTermId, MessageEntryId, MessageId, OneOffEntryId, OneOffFlags,
    PUBLIC_FOLDERS_PROVIDER_UID, PropertyName, ReplicaId, StoreEntryId, StoreEntryIdExtension,
    StoreObjectType,
};
use mapi_wire::wire::{Array, Count, Decode, Encode, ErrorKind, Width};
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// FID / MID / GID / LongTermID

/// MS-OXCFOLD 4.1.2 (RopCreateFolder response `1c 01 00000000 <FID> 00`):
/// the FID printed as "0001-00000E915212".
const OXCFOLD_4_1_2_RESPONSE: &str = "1c0100000000010000000e91521200";

#[test]
fn fid_from_oxcfold_4_1_2() {
    let rop = hex(OXCFOLD_4_1_2_RESPONSE);
    let fid: FolderId = roundtrip(&rop[6..14], ());
    assert_eq!(fid.replica_id(), ReplicaId(1));
    assert_eq!(fid.global_counter(), GlobalCounter::from_value(0x0E91_5212));
    assert_eq!(fid.to_string(), "0001-00000E915212");
}

#[test]
fn fid_from_oxcfold_4_2_1() {
    // MS-OXCFOLD 4.2.1, RopDeleteFolder request `1d 00 01 05 <FID>`: the FID
    // "0001-00000E8EDF36".
    let rop = hex("1d000105010000000e8edf36");
    let fid: FolderId = roundtrip(&rop[4..], ());
    assert_eq!(fid.to_string(), "0001-00000E8EDF36");
    assert_eq!(fid.global_counter().value(), 0x0E8E_DF36);
}

#[test]
fn fid_as_integer64_from_oxctabl_4_5_3_2() {
    // MS-OXCTABL 4.5.3.2: a PidTagFolderId cell (PtypInteger64) holds the
    // bytes 01 00 00 00 00 f1 1f 32, which the example gives as the
    // integer 0x321FF10000000001.
    let bytes = hex("0100000000f11f32");
    let fid: FolderId = roundtrip(&bytes, ());
    assert_eq!(fid.to_u64_le(), 0x321F_F100_0000_0001);
    assert_eq!(FolderId::from_u64_le(0x321F_F100_0000_0001), fid);
    assert_eq!(fid.to_string(), "0001-000000F11F32");
}

#[test]
fn mid_same_layout_as_fid() {
    // Construction: the MID layout is the FID layout (MS-OXCDATA 2.2.1.2).
    let bytes = hex("0100 000000f188bd");
    let mid: MessageId = roundtrip(&bytes, ());
    assert_eq!(mid.replica_id(), ReplicaId(1));
    assert_eq!(mid.global_counter().value(), 0xF1_88BD);
    assert_eq!(mid.to_string(), "0001-000000F188BD");
    assert_eq!(
        MessageId::new(ReplicaId(1), GlobalCounter::from_value(0xF1_88BD)),
        mid
    );
}

#[test]
fn mids_as_a_fixed_array() {
    // Construction: a count-prefixed MID array, as in RopDeleteMessages.
    let bytes = hex("0200 0100000000000001 0100000000000002");
    let (a, rest) = Array::<MessageId>::decode_with(&bytes, Count::Prefix(Width::U16)).unwrap();
    assert!(rest.is_empty());
    assert_eq!(a.len(), 2);
    assert_eq!(a.get(1).unwrap().global_counter().value(), 2);
    assert_eq!(a.to_vec_with(Count::Prefix(Width::U16)).unwrap(), bytes);
}

#[test]
fn gid_and_long_term_id_construction() {
    // Construction from the field tables of 2.2.1.3 and 2.2.1.3.1: the
    // database GUID of the MS-OXODLGT 4.1.1 EntryID and the FID counter of
    // MS-OXCFOLD 4.1.2.
    let gid_bytes = hex("8b8db182af2ed048934707ed5448840f 00000e915212");
    let gid: GlobalId = roundtrip(&gid_bytes, ());
    assert_eq!(
        gid.database_guid.to_string(),
        "{82B18D8B-2EAF-48D0-9347-07ED5448840F}"
    );
    assert_eq!(gid.global_counter.value(), 0x0E91_5212);

    let lt_bytes = hex("8b8db182af2ed048934707ed5448840f 00000e915212 0000");
    let lt: LongTermId = roundtrip(&lt_bytes, ());
    assert_eq!(lt.global_id(), gid);
    assert_eq!(LongTermId::from(gid), lt);
    assert_eq!(
        lt.to_string(),
        "{82B18D8B-2EAF-48D0-9347-07ED5448840F}-00000E915212"
    );
}

// ---------------------------------------------------------------------------
// Folder and Message EntryIDs

/// MS-OXODLGT 4.1.1: a private folder's EntryID (PidTagIpmAppointmentEntryId).
/// Bytes as quoted in the project's MS-OXCDATA digest.
const OXODLGT_FOLDER_EID: &str = "00000000 c3e1785796 52ce46a353b3e07f9b97bc 0100 \
     8b8db182af2ed048934707ed5448840f 00174ea89c98 0000";

#[test]
fn folder_entry_id_from_oxodlgt_4_1_1() {
    let bytes = hex(OXODLGT_FOLDER_EID);
    assert_eq!(bytes.len(), 46);
    let eid: FolderEntryId = roundtrip(&bytes, ());
    assert_eq!(eid.flags, 0);
    assert_eq!(
        eid.provider_uid.to_string(),
        "{5778E1C3-5296-46CE-A353-B3E07F9B97BC}"
    );
    assert_eq!(eid.folder_type, StoreObjectType::PRIVATE_FOLDER);
    assert_eq!(
        eid.database_guid.to_string(),
        "{82B18D8B-2EAF-48D0-9347-07ED5448840F}"
    );
    assert_eq!(eid.global_counter.0, [0x00, 0x17, 0x4E, 0xA8, 0x9C, 0x98]);
    assert_eq!(eid.global_counter.value(), 0x0017_4EA8_9C98);
    assert_eq!(eid.pad, 0);
    assert_eq!(eid.global_id().global_counter, eid.global_counter);

    match EntryId::parse(&bytes) {
        EntryId::Folder(f) => assert_eq!(f, eid),
        other => panic!("recognised as {other:?}"),
    }
    // `EntryId` takes any bytes (a prefix is `Unknown`), so it is checked
    // directly rather than with `roundtrip`.
    let any = EntryId::decode_exact(&bytes, ()).unwrap();
    assert_eq!(any, EntryId::Folder(eid));
    assert_eq!(any.encoded_len(), 46);
    assert_eq!(any.to_vec().unwrap(), bytes);
    assert_eq!(EntryId::parse(&bytes[..45]), EntryId::Unknown(&bytes[..45]));
}

#[test]
fn message_entry_id_construction() {
    // Construction from the 2.2.4.2 field table, reusing the provider UID,
    // database GUID and folder counter of the MS-OXODLGT 4.1.1 folder
    // EntryID; MessageType eitLTPrivateMessage, message counter 0x2A.
    let bytes = hex("00000000 c3e178579652ce46a353b3e07f9b97bc 0700 \
         8b8db182af2ed048934707ed5448840f 00174ea89c98 0000 \
         8b8db182af2ed048934707ed5448840f 00000000002a 0000");
    assert_eq!(bytes.len(), 70);
    let eid: MessageEntryId = roundtrip(&bytes, ());
    assert_eq!(eid.message_type, StoreObjectType::PRIVATE_MESSAGE);
    assert!(eid.message_type.is_message());
    assert_eq!(eid.folder_global_counter.value(), 0x0017_4EA8_9C98);
    assert_eq!(eid.message_global_counter.value(), 0x2A);
    assert_eq!(
        eid.folder_global_id().database_guid,
        eid.message_database_guid
    );
    assert_eq!(EntryId::parse(&bytes), EntryId::Message(eid));
}

#[test]
fn public_folder_entry_id_construction() {
    // Construction: a public folder (FolderType 0x0003) with the public
    // store ProviderUID of 2.2.4.1.
    let bytes = hex("00000000 1a447390aa6611cd9bc800aa002fc45a 0300 \
         8b8db182af2ed048934707ed5448840f 000000000001 0000");
    let eid: FolderEntryId = roundtrip(&bytes, ());
    assert_eq!(eid.provider_uid, PUBLIC_FOLDERS_PROVIDER_UID);
    assert_eq!(eid.folder_type, StoreObjectType::PUBLIC_FOLDER);
    assert!(eid.folder_type.is_folder());
}

// ---------------------------------------------------------------------------
// Store Object EntryID

/// Construction from the 2.2.4.3 field table: a mailbox store on server
/// "SRV1" for the DN "/o=Contoso/cn=Recipients/cn=user1".
fn mailbox_store_bytes() -> Vec<u8> {
    let mut b = hex("00000000 38a1bb1005e5101aa1bb08002b2a56c2 00 00 \
         454d534d44422e444c4c00000000 00000000 \
         1b55fa20aa6611cd9bc800aa002fc45a 0c000000");
    b.extend_from_slice(b"SRV1\0/o=Contoso/cn=Recipients/cn=user1\0");
    b
}

#[test]
fn mailbox_store_entry_id_construction() {
    let bytes = mailbox_store_bytes();
    let eid: StoreEntryId<'_> = roundtrip(&bytes, ());
    assert_eq!(eid.flags, 0);
    assert_eq!(eid.version, 0);
    assert_eq!(eid.flag, 0);
    // The spec's bytes 45 4D 53 4D 44 42 2E 44 4C 4C spell the name in
    // capitals.
    assert_eq!(eid.dll_name(), b"EMSMDB.DLL");
    assert_eq!(eid.dll_file_name, StoreEntryId::DLL_FILE_NAME);
    assert_eq!(
        StoreEntryId::mailbox(b"SRV1", b"/o=Contoso/cn=Recipients/cn=user1"),
        eid
    );
    assert_eq!(eid.wrapped_provider_uid, StoreEntryId::MAILBOX_PROVIDER_UID);
    assert!(eid.is_mailbox());
    assert_eq!(eid.wrapped_type, StoreEntryId::WRAPPED_TYPE_MAILBOX);
    assert_eq!(eid.server_shortname, b"SRV1");
    assert_eq!(
        eid.mailbox_dn,
        Some(&b"/o=Contoso/cn=Recipients/cn=user1"[..])
    );
    assert!(eid.tail.is_empty());
    assert_eq!(eid.extension(), None);
    assert_eq!(EntryId::parse(&bytes), EntryId::Store(eid));
}

#[test]
fn public_store_entry_id_construction() {
    // Construction: the public store has WrappedProviderUID 1C 83 02 10 ...,
    // WrappedType 6 and no MailboxDN.
    let mut bytes = hex("00000000 38a1bb1005e5101aa1bb08002b2a56c2 0000 \
         454d534d44422e444c4c00000000 00000000 \
         1c830210aa6611cd9bc800aa002fc45a 06000000");
    bytes.extend_from_slice(b"PF1\0");
    let eid: StoreEntryId<'_> = roundtrip(&bytes, ());
    assert_eq!(eid.wrapped_provider_uid, StoreEntryId::PUBLIC_PROVIDER_UID);
    assert_eq!(eid.wrapped_type, StoreEntryId::WRAPPED_TYPE_PUBLIC);
    assert_eq!(eid.mailbox_dn, None);
    assert_eq!(StoreEntryId::public(b"PF1"), eid);
}

#[test]
fn store_entry_id_with_v3_extension() {
    // Construction (not in MS-OXCDATA): a mailbox store EntryID followed by
    // an MDB_STORE_EID_V3 block as MFCMAPI and gromox read it: magic
    // 0xF43246E9, size, version 2, the offset of the SMTP address from the
    // block start, then the address in UTF-16LE.
    let mut bytes = mailbox_store_bytes();
    let smtp: Vec<u8> = "user1@contoso.com"
        .encode_utf16()
        .chain([0])
        .flat_map(u16::to_le_bytes)
        .collect();
    let size = 16 + smtp.len() as u32;
    bytes.extend_from_slice(&0xF432_46E9u32.to_le_bytes());
    bytes.extend_from_slice(&size.to_le_bytes());
    bytes.extend_from_slice(&2u32.to_le_bytes());
    bytes.extend_from_slice(&16u32.to_le_bytes());
    bytes.extend_from_slice(&smtp);

    let eid = StoreEntryId::decode_exact(&bytes, ()).unwrap();
    assert_eq!(eid.encoded_len(), bytes.len());
    assert_eq!(eid.to_vec().unwrap(), bytes);
    assert_eq!(eid.tail.len(), 16 + smtp.len());
    match eid.extension() {
        Some(StoreEntryIdExtension::V3 {
            size: s,
            version,
            smtp_address: Some(a),
        }) => {
            assert_eq!((s, version), (size, 2));
            assert_eq!(a, &smtp[..smtp.len() - 2]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(EntryId::parse(&bytes), EntryId::Store(eid));
}

#[test]
fn public_store_entry_id_with_v2_extension() {
    // Construction (not in MS-OXCDATA): a public store EntryID whose
    // ServerShortname is followed directly by an MDB_STORE_EID_V2 block
    // (magic 0xF32135D8, size, version 1, DN offset, FQDN offset, the
    // server DN in 8 bits, the FQDN in UTF-16LE); no MailboxDN is read.
    let mut bytes = StoreEntryId::public(b"PF1").to_vec().unwrap();
    let dn = b"/o=Contoso/cn=Servers/cn=PF1\0";
    let fqdn: Vec<u8> = "pf1.contoso.com"
        .encode_utf16()
        .chain([0])
        .flat_map(u16::to_le_bytes)
        .collect();
    let (off_dn, off_fqdn) = (20u32, 20 + dn.len() as u32);
    let size = off_fqdn + fqdn.len() as u32;
    for v in [0xF321_35D8u32, size, 1, off_dn, off_fqdn] {
        bytes.extend_from_slice(&v.to_le_bytes());
    }
    bytes.extend_from_slice(dn);
    bytes.extend_from_slice(&fqdn);

    let eid = StoreEntryId::decode_exact(&bytes, ()).unwrap();
    assert_eq!(eid.mailbox_dn, None);
    assert_eq!(eid.to_vec().unwrap(), bytes);
    match eid.extension() {
        Some(StoreEntryIdExtension::V2 {
            version: 1,
            server_dn: Some(d),
            server_fqdn: Some(f),
            ..
        }) => {
            assert_eq!(d, &dn[..dn.len() - 1]);
            assert_eq!(f, &fqdn[..fqdn.len() - 2]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn store_entry_id_errors() {
    let bytes = mailbox_store_bytes();
    // A mailbox store without its MailboxDN terminator.
    let e = StoreEntryId::decode_exact(&bytes[..bytes.len() - 1], ()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unterminated);
    assert_eq!(
        e.to_string(),
        "StoreEntryId.MailboxDn: string has no terminator (offset 65)"
    );
    // Another ProviderUID.
    let mut other = bytes.clone();
    other[4] = 0x39;
    let e = StoreEntryId::decode_exact(&other, ()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 0x10BB_A139 });
    assert_eq!(e.offset(), 4);
    assert_eq!(EntryId::parse(&other), EntryId::Unknown(&other));
}

// ---------------------------------------------------------------------------
// Address Book and One-Off EntryIDs

#[test]
fn address_book_entry_id_construction() {
    // Construction from the 2.2.5.2 field table: a local mail user.
    let mut bytes = hex("00000000 dca740c8c042101ab4b908002b2fe182 01000000 00000000");
    bytes.extend_from_slice(b"/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=user1\0");
    let eid: AddressBookEntryId<'_> = roundtrip(&bytes, ());
    assert_eq!(eid.version, 1);
    assert_eq!(eid.object_type, AddressBookType::LOCAL_MAIL_USER);
    assert_eq!(
        eid.x500_dn,
        b"/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=user1"
    );
    assert_eq!(
        AddressBookEntryId::PROVIDER_UID.to_string(),
        "{C840A7DC-42C0-1A10-B4B9-08002B2FE182}"
    );
    assert_eq!(EntryId::parse(&bytes), EntryId::AddressBook(eid));

    // A distribution list, type 1.
    bytes[24] = 1;
    let eid: AddressBookEntryId<'_> = roundtrip(&bytes, ());
    assert_eq!(eid.object_type, AddressBookType::DISTRIBUTION_LIST);
}

#[test]
fn one_off_entry_id_unicode_construction() {
    // Construction from the 2.2.5.1 field table: Version 0, flag word
    // 0x9001 (U | L | R; bytes 01 90), then three UTF-16LE strings.
    let mut bytes = hex("00000000 812b1fa4bea310199d6e00dd010f5402 0000 0190");
    for s in ["Joe Smith", "SMTP", "joe@example.com"] {
        bytes.extend(s.encode_utf16().chain([0]).flat_map(u16::to_le_bytes));
    }
    let eid: OneOffEntryId<'_> = roundtrip(&bytes, ());
    assert!(eid.is_unicode());
    assert_eq!(eid.options, OneOffFlags(0x9001));
    assert!(
        eid.options
            .contains(OneOffFlags::NO_RICH_INFO | OneOffFlags::NO_LOOKUP)
    );
    assert_eq!(eid.address_type, &[b'S', 0, b'M', 0, b'T', 0, b'P', 0]);
    assert_eq!(eid.email_address.len(), 2 * "joe@example.com".len());
    assert_eq!(
        format!("{eid:?}"),
        "OneOffEntryId { flags: 0, version: 0, options: OneOffFlags(0x9001), \
         display_name: \"Joe Smith\", address_type: \"SMTP\", email_address: \"joe@example.com\" }"
    );
    assert_eq!(EntryId::parse(&bytes), EntryId::OneOff(eid));
}

#[test]
fn one_off_entry_id_8bit_construction() {
    // Construction: the same recipient with 8-bit strings (flag word 0x0001).
    let mut bytes = hex("00000000 812b1fa4bea310199d6e00dd010f5402 0000 0100");
    bytes.extend_from_slice(b"Joe Smith\0SMTP\0joe@example.com\0");
    let eid: OneOffEntryId<'_> = roundtrip(&bytes, ());
    assert!(!eid.is_unicode());
    assert_eq!(eid.display_name, b"Joe Smith");
    assert_eq!(eid.address_type, b"SMTP");
    assert_eq!(eid.email_address, b"joe@example.com");
}

#[test]
fn unknown_entry_ids_are_kept() {
    // A Contact Address EntryID (2.2.5.3 ProviderUID FE 42 AA 0A ...) is
    // not one of the kinds decoded here.
    let bytes = hex("00000000 fe42aa0a18c71a10e8850b651c240000 03000000 04000000 00000000");
    let eid = EntryId::parse(&bytes);
    assert_eq!(eid, EntryId::Unknown(&bytes));
    assert_eq!(
        eid.provider_uid().unwrap().0,
        [
            0xFE, 0x42, 0xAA, 0x0A, 0x18, 0xC7, 0x1A, 0x10, 0xE8, 0x85, 0x0B, 0x65, 0x1C, 0x24, 0,
            0
        ]
    );
    assert_eq!(eid.to_vec().unwrap(), bytes);
    assert_eq!(
        format!("{:?}", EntryId::parse(&[0xAB, 0xCD])),
        "Unknown(abcd)"
    );
    assert_eq!(EntryId::parse(&[]), EntryId::Unknown(&[]));
    assert_eq!(EntryId::parse(&[]).provider_uid(), None);
}

// ---------------------------------------------------------------------------
// PropertyName

#[test]
fn property_name_lid_construction() {
    // Construction from the 2.6.1 field table: PidLidReminderSet,
    // PSETID_Common {00062008-0000-0000-C000-000000000046}, LID 0x8503.
    let bytes = hex("00 0820060000000000c000000000000046 03850000");
    let n: PropertyName<'_> = roundtrip(&bytes, ());
    let common = Guid::from_fields(0x0006_2008, 0, 0, [0xC0, 0, 0, 0, 0, 0, 0, 0x46]);
    assert_eq!(
        n,
        PropertyName::Id {
            guid: common,
            lid: 0x8503
        }
    );
}

#[test]
fn property_name_string_construction() {
    // Construction: the name "x-custom" in PS_INTERNET_HEADERS; NameSize
    // 0x12 = 8 code units + the terminator.
    let mut bytes = hex("01 8603020000000000c000000000000046 12");
    bytes.extend(
        "x-custom"
            .encode_utf16()
            .chain([0])
            .flat_map(u16::to_le_bytes),
    );
    let n: PropertyName<'_> = roundtrip(&bytes, ());
    match n {
        PropertyName::Name { guid, name } => {
            assert_eq!(guid, Guid::PS_INTERNET_HEADERS);
            assert_eq!(name.len(), 16);
            assert_eq!(name, &bytes[18..34]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn property_name_none_construction() {
    // Construction: Kind 0xFF, as RopGetNamesFromPropertyIds returns for an
    // ID without a name: the GUID still follows.
    let bytes = hex("ff 00000000000000000000000000000000");
    let n: PropertyName<'_> = roundtrip(&bytes, ());
    assert_eq!(n, PropertyName::None { guid: Guid::NIL });
}

// ---------------------------------------------------------------------------
// JSON (feature `cli` brings serde_json)

#[cfg(feature = "cli")]
#[test]
fn json_shapes() {
    let fid = FolderId(hex("010000000e915212").try_into().unwrap());
    assert_eq!(
        serde_json::to_string(&fid).unwrap(),
        "\"0001-00000E915212\""
    );
    assert_eq!(
        serde_json::to_string(&fid.global_counter()).unwrap(),
        "244404754"
    );
    assert_eq!(serde_json::to_string(&ReplicaId(1)).unwrap(), "1");
    let lt = LongTermId::new(Guid::PS_MAPI, GlobalCounter::from_value(1));
    assert_eq!(
        serde_json::to_string(&lt).unwrap(),
        r#"{"database_guid":"{00020328-0000-0000-C000-000000000046}","global_counter":1,"pad":0}"#
    );
    let bytes = mailbox_store_bytes();
    let eid = EntryId::parse(&bytes);
    assert_eq!(
        serde_json::to_string(&eid).unwrap(),
        r#"{"Store":{"flags":0,"version":0,"flag":0,"dll_file_name":"EMSMDB.DLL","wrapped_flags":0,"wrapped_provider_uid":"{20FA551B-66AA-CD11-9BC8-00AA002FC45A}","wrapped_type":12,"server_shortname":"SRV1","mailbox_dn":"/o=Contoso/cn=Recipients/cn=user1","tail":""}}"#
    );
    assert_eq!(
        serde_json::to_string(&EntryId::parse(&[1, 2])).unwrap(),
        r#"{"Unknown":"0102"}"#
    );
    let name = PropertyName::Name {
        guid: Guid::PS_PUBLIC_STRINGS,
        name: &[0x41, 0],
    };
    assert_eq!(
        serde_json::to_string(&name).unwrap(),
        r#"{"kind":1,"guid":"{00020329-0000-0000-C000-000000000046}","name":"A"}"#
    );
}

// ---------------------------------------------------------------------------
// Properties

fn guid() -> impl Strategy<Value = Guid> {
    any::<[u8; 16]>().prop_map(Guid)
}

/// 8-bit string bytes without NUL.
fn str8() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(1u8..=255, 0..40)
}

/// UTF-16LE bytes of code units other than 0x0000.
fn str16(max_units: usize) -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(1u16..=u16::MAX, 0..max_units)
        .prop_map(|u| u.into_iter().flat_map(u16::to_le_bytes).collect())
}

fn starts_with_magic(b: &[u8]) -> bool {
    b.len() >= 4
        && matches!(
            u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            0xF321_35D8 | 0xF432_46E9
        )
}

/// Encodes `v`, checks the length, decodes it back from exactly those bytes.
fn reencode<'a, T>(v: &T, buf: &'a mut Vec<u8>) -> T
where
    T: Decode<'a, Ctx = ()> + Encode<Ctx = ()> + std::fmt::Debug,
{
    *buf = v.to_vec().unwrap_or_else(|e| panic!("encode {v:?}: {e}"));
    assert_eq!(buf.len(), v.encoded_len());
    let buf: &'a Vec<u8> = buf;
    T::decode_exact(buf, ()).unwrap_or_else(|e| panic!("decode {v:?}: {e}"))
}

proptest! {
    #[test]
    fn fixed_ids_round_trip(b in any::<[u8; 8]>(), g in any::<[u8; 16]>(), c in any::<[u8; 6]>(), pad: u16) {
        let fid = FolderId(b);
        prop_assert_eq!(FolderId::decode(&fid.to_vec().unwrap()).unwrap().0, fid);
        prop_assert_eq!(FolderId::new(fid.replica_id(), fid.global_counter()), fid);
        prop_assert_eq!(FolderId::from_u64_le(fid.to_u64_le()), fid);
        let mid = MessageId(b);
        prop_assert_eq!(MessageId::decode(&mid.to_vec().unwrap()).unwrap().0, mid);
        let counter = GlobalCounter(c);
        prop_assert_eq!(GlobalCounter::from_value(counter.value()), counter);
        let lt = LongTermId { database_guid: Guid(g), global_counter: counter, pad };
        let mut buf = Vec::new();
        prop_assert_eq!(reencode(&lt, &mut buf), lt);
        let gid = lt.global_id();
        prop_assert_eq!(reencode(&gid, &mut buf), gid);
    }

    #[test]
    fn fixed_entry_ids_decode_any_bytes(f in any::<[u8; 46]>(), m in proptest::collection::vec(any::<u8>(), 70)) {
        let eid = FolderEntryId::decode_exact(&f, ()).unwrap();
        prop_assert_eq!(eid.to_vec().unwrap(), Vec::from(f));
        let eid = MessageEntryId::decode_exact(&m, ()).unwrap();
        prop_assert_eq!(eid.to_vec().unwrap(), m);
    }

    #[test]
    fn store_entry_ids_round_trip(
        flags: u32, version: u8, flag: u8, dll in any::<[u8; 14]>(), wrapped_flags: u32,
        which in 0u8..3, other_uid in guid(), wrapped_type: u32,
        server in str8(), dn in proptest::option::of(str8()),
        tail_kind in 0u8..3, tail_rest in proptest::collection::vec(any::<u8>(), 0..40),
    ) {
        let uid = match which {
            0 => StoreEntryId::MAILBOX_PROVIDER_UID,
            1 => StoreEntryId::PUBLIC_PROVIDER_UID,
            _ => other_uid,
        };
        let is_mailbox = uid == StoreEntryId::MAILBOX_PROVIDER_UID;
        let dn = if is_mailbox { Some(dn.unwrap_or_default()) } else { dn };
        prop_assume!(is_mailbox || !dn.as_deref().is_some_and(starts_with_magic));
        let mut tail = match tail_kind {
            0 => Vec::new(),
            1 => Vec::from(0xF321_35D8u32.to_le_bytes()),
            _ => Vec::from(0xF432_46E9u32.to_le_bytes()),
        };
        if !tail.is_empty() || dn.is_some() {
            tail.extend_from_slice(&tail_rest);
        }
        let v = StoreEntryId {
            flags, version, flag, dll_file_name: dll, wrapped_flags,
            wrapped_provider_uid: uid, wrapped_type,
            server_shortname: &server, mailbox_dn: dn.as_deref(), tail: &tail,
        };
        let mut buf = Vec::new();
        prop_assert_eq!(reencode(&v, &mut buf), v);
        prop_assert_eq!(EntryId::parse(&buf), EntryId::Store(v));
    }

    #[test]
    fn address_book_entry_ids_round_trip(flags: u32, version: u32, ty: u32, dn in str8()) {
        let v = AddressBookEntryId { flags, version, object_type: AddressBookType(ty), x500_dn: &dn };
        let mut buf = Vec::new();
        prop_assert_eq!(reencode(&v, &mut buf), v);
        prop_assert_eq!(EntryId::parse(&buf), EntryId::AddressBook(v));
    }

    #[test]
    fn one_off_entry_ids_round_trip(
        flags: u32, version: u16, options: u16,
        a8 in str8(), b8 in str8(), c8 in str8(),
        a16 in str16(20), b16 in str16(20), c16 in str16(20),
    ) {
        let unicode = options & OneOffFlags::UNICODE != 0;
        let (a, b, c) = if unicode { (&a16, &b16, &c16) } else { (&a8, &b8, &c8) };
        let v = OneOffEntryId {
            flags, version, options: OneOffFlags(options),
            display_name: a, address_type: b, email_address: c,
        };
        let mut buf = Vec::new();
        prop_assert_eq!(reencode(&v, &mut buf), v);
        prop_assert_eq!(EntryId::parse(&buf), EntryId::OneOff(v));
    }

    #[test]
    fn property_names_round_trip(which in 0u8..3, g in guid(), lid: u32, name in str16(126)) {
        let v = match which {
            0 => PropertyName::Id { guid: g, lid },
            1 => PropertyName::Name { guid: g, name: &name },
            _ => PropertyName::None { guid: g },
        };
        let mut buf = Vec::new();
        prop_assert_eq!(reencode(&v, &mut buf), v);
    }

    /// Any bytes: `EntryId` never fails and re-encodes them unchanged; the
    /// typed decoders return without panicking.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..160)) {
        let eid = EntryId::parse(&bytes);
        prop_assert_eq!(eid.encoded_len(), bytes.len());
        prop_assert_eq!(eid.to_vec().unwrap(), bytes.clone());
        let _ = FolderId::decode(&bytes);
        let _ = LongTermId::decode(&bytes);
        let _ = GlobalId::decode(&bytes);
        let _ = FolderEntryId::decode(&bytes);
        let _ = MessageEntryId::decode(&bytes);
        let _ = StoreEntryId::decode(&bytes);
        let _ = AddressBookEntryId::decode(&bytes);
        let _ = OneOffEntryId::decode(&bytes);
        let _ = PropertyName::decode(&bytes);
        if let Ok((store, _)) = StoreEntryId::decode(&bytes) {
            let _ = store.extension();
        }
    }

    /// Bytes that open with a known ProviderUID (or a PropertyName Kind),
    /// so that the typed decoders get past their first checks.
    #[test]
    fn arbitrary_tails_after_known_headers(
        which in 0usize..3, flags in any::<[u8; 4]>(), rest in proptest::collection::vec(any::<u8>(), 0..120),
    ) {
        let uid = [
            StoreEntryId::PROVIDER_UID,
            AddressBookEntryId::PROVIDER_UID,
            OneOffEntryId::PROVIDER_UID,
        ][which];
        let mut bytes = Vec::from(flags);
        bytes.extend_from_slice(&uid.0);
        bytes.extend_from_slice(&rest);
        let eid = EntryId::parse(&bytes);
        prop_assert_eq!(eid.to_vec().unwrap(), bytes.clone());
        match StoreEntryId::decode_exact(&bytes, ()) {
            Ok(s) => {
                prop_assert_eq!(s.to_vec().unwrap(), bytes.clone());
                let _ = s.extension();
            }
            Err(e) => prop_assert!(e.offset() <= bytes.len()),
        }
        if let Ok(o) = OneOffEntryId::decode_exact(&bytes, ()) {
            prop_assert_eq!(o.to_vec().unwrap(), bytes.clone());
        }
        for kind in [0x00u8, 0x01, 0xFF] {
            let mut n = vec![kind];
            n.extend_from_slice(&rest);
            if let Ok(p) = PropertyName::decode_exact(&n, ()) {
                prop_assert_eq!(p.to_vec().unwrap(), n);
            }
        }
    }

    /// A valid store EntryID cut or altered at one byte still decodes
    /// without panicking, and whatever decodes re-encodes unchanged.
    #[test]
    fn mutated_store_entry_ids(cut in 0usize..80, at in 0usize..80, to: u8) {
        let mut bytes = mailbox_store_bytes();
        let at = at % bytes.len();
        bytes[at] = to;
        bytes.truncate(bytes.len() - cut.min(bytes.len()));
        if let Ok(s) = StoreEntryId::decode_exact(&bytes, ()) {
            prop_assert_eq!(s.to_vec().unwrap(), bytes.clone());
        }
        prop_assert_eq!(EntryId::parse(&bytes).to_vec().unwrap(), bytes);
    }
}
