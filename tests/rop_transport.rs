//! Transport ROPs (MS-OXCROPS 2.2.7) through the ROP catalogue, from the
//! byte examples of MS-OXOMSG section 4 and careful constructions.

mod common;

use common::{hex, roundtrip2};
use mapi_wire::data::*;
use mapi_wire::rop::*;
use mapi_wire::wire::{Decode, Encode, ErrorKind};
use proptest::prelude::*;

fn req(bytes: &[u8]) -> RopRequest<'_> {
    roundtrip2::<RopRequest<'_>>(bytes, RopContext::default(), RopFacts::default())
}

fn resp(bytes: &[u8]) -> RopResponse<'_> {
    roundtrip2::<RopResponse<'_>>(bytes, RopContext::default(), RopFacts::default())
}

/// A generic failure response of `rop` decodes to the Failure side with no
/// body (MS-OXCROPS 2.2.7.x.3 or the single ReturnValue layout).
fn failure(bytes: &[u8], rv: u32) {
    let r = resp(bytes);
    assert_eq!(r.return_value(), Some(ErrorCode(rv)));
    assert_eq!(r.handle_index(), Some(bytes[1]));
    let failed = match &r {
        RopResponse::SubmitMessage(x) => matches!(x.body, ResponseBody::Failure(NoBody)),
        RopResponse::AbortSubmit(x) => matches!(x.body, ResponseBody::Failure(NoBody)),
        RopResponse::GetAddressTypes(x) => matches!(x.body, ResponseBody::Failure(NoBody)),
        RopResponse::SetSpooler(x) => matches!(x.body, ResponseBody::Failure(NoBody)),
        RopResponse::SpoolerLockMessage(x) => matches!(x.body, ResponseBody::Failure(NoBody)),
        RopResponse::TransportSend(x) => matches!(x.body, ResponseBody::Failure(NoBody)),
        RopResponse::TransportNewMail(x) => matches!(x.body, ResponseBody::Failure(NoBody)),
        RopResponse::GetTransportFolder(x) => matches!(x.body, ResponseBody::Failure(NoBody)),
        RopResponse::OptionsData(x) => matches!(x.body, ResponseBody::Failure(NoBody)),
        other => panic!("{other:?}"),
    };
    assert!(failed, "{r:?}");
}

#[test]
fn submit_message() {
    // MS-OXOMSG 4.1.1 and 4.1.2.
    let r = req(hex("32 00 02 00"));
    let RopRequest::SubmitMessage(s) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(s.input_handle_index, 2);
    assert_eq!(s.submit_flags, SubmitFlags::empty());
    let r = resp(hex("32 02 00000000"));
    let RopResponse::SubmitMessage(s) = &r else {
        panic!()
    };
    assert_eq!(s.handle_index, 2);
    assert!(matches!(s.body, ResponseBody::Success(NoBody)));
    // Construction after MS-OXOMSG 2.2.4.1.1: NeedsSpooler.
    let r = req(hex("32 00 02 02"));
    let RopRequest::SubmitMessage(s) = &r else {
        panic!()
    };
    assert_eq!(s.submit_flags, SubmitFlags::NEEDS_SPOOLER);
    // Construction: a failure with ecInvalidParam (0x80070057).
    failure(hex("32 02 57000780"), 0x8007_0057);
}

#[test]
fn abort_submit() {
    // MS-OXOMSG 4.3.1 and 4.3.2.
    let r = req(hex("34 00 00 0100 0003b479ca47 0100 0003b7e65fa7"));
    let RopRequest::AbortSubmit(a) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(a.folder_id.to_string(), "0001-0003B479CA47");
    assert_eq!(a.message_id.to_string(), "0001-0003B7E65FA7");
    let r = resp(hex("34 00 00000000"));
    assert!(matches!(r, RopResponse::AbortSubmit(_)));
    // Construction: a failure (ecNotFound, 0x8004010F).
    failure(hex("34 00 0f010480"), 0x8004_010F);
}

#[test]
fn get_address_types() {
    // Construction after MS-OXCROPS 2.2.7.3: the logon in slot 0.
    let r = req(hex("49 00 00"));
    let RopRequest::GetAddressTypes(g) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(g.input_handle_index, 0);
    // Construction after MS-OXCROPS 2.2.7.3.2 and MS-OXOMSG 2.2.4.3: "EX"
    // and "SMTP", 8 bytes of strings.
    let r = resp(hex("49 00 00000000 0200 0800 455800 534d545000"));
    let RopResponse::GetAddressTypes(g) = &r else {
        panic!()
    };
    let body = g.ok().unwrap();
    assert_eq!(body.address_type_count, 2);
    let names: Vec<_> = body.address_types.0.iter().map(|s| s.to_string()).collect();
    assert_eq!(names, ["EX", "SMTP"]);
    // No address type at all.
    let r = resp(hex("49 00 00000000 0000 0000"));
    let RopResponse::GetAddressTypes(g) = &r else {
        panic!()
    };
    assert!(g.ok().unwrap().address_types.0.is_empty());
    failure(hex("49 00 b9040000"), 0x4B9);
}

#[test]
fn get_address_types_size_must_match() {
    // AddressTypeSize one byte larger than the strings.
    let bad = hex("49 00 00000000 0100 0400 455800 00");
    let e = RopResponse::decode_with(bad, RopContext::default()).unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::TrailingBytes { count: 1 }),
        "{e}"
    );
    assert!(e.to_string().contains("AddressTypes"), "{e}");
    // A string without its terminator inside AddressTypeSize.
    let bad = hex("49 00 00000000 0100 0200 4558 00");
    let e = RopResponse::decode_with(bad, RopContext::default()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unterminated, "{e}");
    // An AddressTypeSize past the end of the buffer.
    let bad = hex("49 00 00000000 0100 ff00 455800");
    let e = RopResponse::decode_with(bad, RopContext::default()).unwrap_err();
    assert_eq!(e.offset(), 8);
    // A count the size cannot hold.
    let bad = hex("49 00 00000000 0500 0300 455800");
    let e = RopResponse::decode_with(bad, RopContext::default()).unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::CountTooLarge { count: 5, .. }),
        "{e}"
    );
}

#[test]
fn set_spooler() {
    // Construction after MS-OXCROPS 2.2.7.4.
    let r = req(hex("47 00 00"));
    assert!(matches!(r, RopRequest::SetSpooler(_)));
    let r = resp(hex("47 00 00000000"));
    assert!(matches!(r, RopResponse::SetSpooler(_)));
    failure(hex("47 00 02010480"), 0x8004_0102);
}

#[test]
fn spooler_lock_message() {
    // Construction after MS-OXCROPS 2.2.7.5.1 and MS-OXOMSG 2.2.5.3.1
    // (the request of MS-OXOMSG 4.6.6.1 was not retrieved).
    let r = req(hex("48 00 00 0100 0003b7e65fa7 01"));
    let RopRequest::SpoolerLockMessage(s) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(s.message_id.to_string(), "0001-0003B7E65FA7");
    assert_eq!(s.lock_state, LockState::UNLOCK);
    // MS-OXOMSG 4.6.6.2.
    let r = resp(hex("48 00 00000000"));
    assert!(matches!(r, RopResponse::SpoolerLockMessage(_)));
    failure(hex("48 00 0f010480"), 0x8004_010F);
    // An unnamed LockState is kept.
    let r = req(hex("48 00 00 0100 0003b7e65fa7 07"));
    let RopRequest::SpoolerLockMessage(s) = &r else {
        panic!()
    };
    assert_eq!(s.lock_state, LockState(7));
    assert_eq!(s.lock_state.name(), None);
}

#[test]
fn transport_send_without_properties() {
    // Construction after MS-OXCROPS 2.2.7.6: the message in slot 1.
    let r = req(hex("4a 00 01"));
    let RopRequest::TransportSend(t) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(t.input_handle_index, 1);
    // NoPropertiesReturned TRUE: nothing follows (gromox and OpenChange
    // send this single byte; see TransportSendSuccess).
    let r = resp(hex("4a 01 00000000 01"));
    let RopResponse::TransportSend(t) = &r else {
        panic!()
    };
    let body = t.ok().unwrap();
    assert_eq!(body.no_properties_returned, Bool8::TRUE);
    assert!(body.property_values.is_none());
    // A count after TRUE is not part of this response: decoding the
    // response alone leaves it over.
    let e = RopResponse::decode_exact(hex("4a 01 00000000 01 0000"), RopContext::default())
        .unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::TrailingBytes { count: 2 }),
        "{e}"
    );
}

#[test]
fn transport_send_with_properties() {
    // Construction after MS-OXCROPS 2.2.7.6.2: NoPropertiesReturned FALSE,
    // PidTagImportance (0x00170003) = 1 and PidTagSubject "Hi".
    let r = resp(hex(
        "4a 01 00000000 00 0200 03001700 01000000 1f003700 48006900 0000",
    ));
    let RopResponse::TransportSend(t) = &r else {
        panic!()
    };
    let body = t.ok().unwrap();
    assert_eq!(body.no_properties_returned, Bool8::FALSE);
    let values: Vec<_> = body.property_values.unwrap().iter().collect();
    assert_eq!(values.len(), 2);
    assert_eq!(values[0].property_value, PropertyValue::Integer32(1));
    assert_eq!(values[1].property_value, PropertyValue::string("Hi"));
    // FALSE with an empty list.
    let r = resp(hex("4a 01 00000000 00 0000"));
    let RopResponse::TransportSend(t) = &r else {
        panic!()
    };
    assert!(t.ok().unwrap().property_values.unwrap().is_empty());
    // MS-OXCROPS 2.2.7.6.3: a failure (ecError, 0x80004005).
    failure(hex("4a 01 05400080"), 0x8000_4005);
    // A value list that does not match the flag cannot be encoded.
    let bad = TransportSendSuccess {
        no_properties_returned: Bool8::TRUE,
        property_values: Some(mapi_wire::wire::List::empty()),
    };
    assert!(bad.to_vec().is_err());
}

#[test]
fn transport_new_mail() {
    // Construction after MS-OXCROPS 2.2.7.7.1 and MS-OXOMSG 2.2.5.5.1.
    let r = req(hex(
        "51 00 00 0100000000000007 0100000000000005 49504d2e4e6f746500 01000000",
    ));
    let RopRequest::TransportNewMail(t) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(t.message_id.global_counter().value(), 7);
    assert_eq!(t.folder_id.global_counter().value(), 5);
    assert_eq!(t.message_class.to_string(), "IPM.Note");
    assert_eq!(t.message_flags, 0x0000_0001);
    let r = resp(hex("51 00 00000000"));
    assert!(matches!(r, RopResponse::TransportNewMail(_)));
    failure(hex("51 00 b9040000"), 0x4B9);
    // The class must be terminated.
    let e = RopRequest::decode_with(
        hex("51 00 00 0100000000000007 0100000000000005 49504d"),
        RopContext::default(),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unterminated);
    assert_eq!(e.offset(), 19);
}

#[test]
fn get_transport_folder() {
    // Construction after MS-OXCROPS 2.2.7.8 and MS-OXOMSG 2.2.5.2.
    let r = req(hex("6d 00 00"));
    assert!(matches!(r, RopRequest::GetTransportFolder(_)));
    let r = resp(hex("6d 00 00000000 0100000000000004"));
    let RopResponse::GetTransportFolder(g) = &r else {
        panic!()
    };
    assert_eq!(g.ok().unwrap().folder_id.to_string(), "0001-000000000004");
    failure(hex("6d 00 0f010480"), 0x8004_010F);
}

#[test]
fn options_data() {
    // Construction after MS-OXCROPS 2.2.7.9.1.
    let r = req(hex("6f 00 00 534d545000 01"));
    let RopRequest::OptionsData(o) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(o.address_type.to_string(), "SMTP");
    assert_eq!(o.want_win32, Bool8::TRUE);
    // Construction after MS-OXCROPS 2.2.7.9.2: a help file and its name.
    let r = resp(hex("6f 00 00000000 01 0300 aabbcc 0200 dead 612e686c7000"));
    let RopResponse::OptionsData(o) = &r else {
        panic!()
    };
    let body = o.ok().unwrap();
    assert_eq!(body.reserved, 1);
    assert_eq!(body.options_info.0, &[0xAA, 0xBB, 0xCC]);
    assert_eq!(body.help_file.0, &[0xDE, 0xAD]);
    assert_eq!(body.help_file_name.unwrap().to_string(), "a.hlp");
    // HelpFileSize 0: no HelpFileName (the empty OptionsInfo of
    // OpenChange's reply shape).
    let r = resp(hex("6f 00 00000000 01 0000 0000"));
    let RopResponse::OptionsData(o) = &r else {
        panic!()
    };
    assert!(o.ok().unwrap().help_file_name.is_none());
    failure(hex("6f 00 02010480"), 0x8004_0102);
}

#[test]
fn transport_rop_ids_are_covered() {
    for id in [0x32u8, 0x34, 0x49, 0x47, 0x48, 0x4A, 0x51, 0x6D, 0x6F] {
        assert!(coverage::REQUESTS.contains(&id), "request {id:#04x}");
        assert!(coverage::RESPONSES.contains(&id), "response {id:#04x}");
    }
}

#[test]
fn transport_rops_in_buffers() {
    // A request buffer (MS-OXCROPS 2.2.1) with RopSubmitMessage then
    // RopTransportSend, and the output buffer answering both; the walker
    // pairs them.
    let input = hex("0900 32 00 00 00 4a 00 00 42000000");
    let output = hex("0f00 32 00 00000000 4a 00 00000000 01 42000000");
    let inb = RopInputBuffer::decode_exact(input, LogonMap::default()).unwrap();
    assert_eq!(inb.rops.len(), 2);
    let cx = OutputContext::for_request(input).unwrap();
    let outb = RopOutputBuffer::decode_exact(output, cx).unwrap();
    assert_eq!(outb.rops.len(), 2);
    assert!(matches!(outb.rops[1], RopResponse::TransportSend(_)));
    assert_eq!(outb.to_vec_with(()).unwrap(), output);
}

#[cfg(feature = "cli")]
#[test]
fn json_names_the_fields() {
    let r = resp(hex("49 00 00000000 0200 0800 455800 534d545000"));
    let j = serde_json::to_value(&r).unwrap();
    assert_eq!(j["rop"], "RopGetAddressTypes");
    assert_eq!(j["address_type_count"], 2);
    assert_eq!(j["address_types"], serde_json::json!(["EX", "SMTP"]));
}

proptest! {
    /// Arbitrary bytes after each transport RopId never panic, and whatever
    /// decodes re-encodes to the bytes consumed.
    #[test]
    fn arbitrary_transport_rops(
        id in prop::sample::select(vec![0x32u8, 0x34, 0x49, 0x47, 0x48, 0x4A, 0x51, 0x6D, 0x6F]),
        tail in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        let mut bytes = vec![id];
        bytes.extend_from_slice(&tail);
        if let Ok((r, rest)) = RopRequest::decode_with(&bytes, RopContext::default()) {
            let used = &bytes[..bytes.len() - rest.len()];
            prop_assert_eq!(r.to_vec_with(RopFacts::default()).unwrap(), used);
        }
        if let Ok((r, rest)) = RopResponse::decode_with(&bytes, RopContext::default()) {
            let used = &bytes[..bytes.len() - rest.len()];
            prop_assert_eq!(r.to_vec_with(RopFacts::default()).unwrap(), used);
            prop_assert_eq!(r.encoded_len_with(RopFacts::default()), used.len());
        }
    }
}
