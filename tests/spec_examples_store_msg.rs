//! Byte examples of the "Protocol Examples" sections (section 4) of the
//! store, message, notification, table and property specifications, checked
//! through the ROP catalogue: exact decode, field values as the example's
//! breakdown gives them, exact re-encode, every strict prefix rejected.
//!
//! Sections looked for and not found with bytes in the reference corpus
//! available when this file was written (so not tested here):
//! MS-OXCSTOR 4.x (RopLogon private/public and the other store ROPs),
//! MS-OXCNOTIF 4.x (RopRegisterNotification, RopNotify), and MS-OXCTABL /
//! MS-OXCPRPT subsections beyond those already covered elsewhere. The
//! MS-OXCMSG section 4 examples that were found ("4.1 Create Message") are
//! prose and property lists without byte dumps.

mod common;

use common::{hex, roundtrip2};
use mapi_wire::data::ErrorCode;
use mapi_wire::rop::*;

fn resp(bytes: &[u8]) -> RopResponse<'_> {
    roundtrip2::<RopResponse<'_>>(bytes, RopContext::default(), RopFacts::default())
}

#[test]
fn oxomsg_4_6_1_2_set_spooler_response() {
    // MS-OXOMSG 4.6.1.2: "0000: 47 00 00 00 00 00".
    // RopId 0x47 (RopSetSpooler), InputHandleIndex 0x00, ReturnValue ecNone.
    let bytes = hex("47 00 00 00 00 00");
    let r = resp(bytes);
    let RopResponse::SetSpooler(s) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(r.rop_id(), RopId::SET_SPOOLER);
    assert_eq!(r.handle_index_name(), Some("input_handle_index"));
    assert_eq!(r.handle_index(), Some(0x00));
    assert_eq!(r.return_value(), Some(ErrorCode(0)));
    assert!(matches!(s.body, ResponseBody::Success(NoBody)), "{s:?}");
}
