//! The EMSMDB request and response bodies (MS-OXCMAPIHTTP 2.2.4), one kind
//! chosen by the first input byte.
//!
//! Byte 0: bits 0-2 pick the body kind (0 Connect request, 1 Connect
//! response, 2 Execute request, 3 Execute response, 4 Disconnect request,
//! 5 Disconnect response, 6 NotificationWait request, 7 NotificationWait
//! response); bit 7 selects `Limits::PERMISSIVE` instead of the default
//! limits (which cap AuxiliaryBufferSize at 0x1008). The rest is the body.
//!
//! Oracles, whenever the body decodes:
//! - re-encoding gives back exactly the bytes consumed, `encoded_len` is
//!   exact, and the consumed bytes decode again (exactly) to an equal
//!   value;
//! - a response body is in the success form exactly when its first four
//!   bytes (StatusCode) are zero;
//! - a Disconnect request is the empty-body reading exactly when the input
//!   is empty.
//!
//! When it does not decode, the error's offset must lie within the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapi_wire::http::emsmdb::{
    ConnectRequest, ConnectSuccess, DisconnectRequest, DisconnectSuccess, ExecuteRequest,
    ExecuteSuccess, NotificationWaitRequest, NotificationWaitSuccess, ResponseBody, SuccessBody,
};
use mapi_wire::wire::{Decode, Encode, LenCounter, Limits, Reader};

fuzz_target!(|data: &[u8]| {
    let Some((&sel, input)) = data.split_first() else {
        return;
    };
    let limits = if sel & 0x80 != 0 {
        Limits::PERMISSIVE
    } else {
        Limits::DEFAULT
    };
    match sel & 0x07 {
        0 => {
            check::<ConnectRequest<'_>>(input, limits);
        }
        1 => response::<ConnectSuccess<'_>>(input, limits),
        2 => {
            check::<ExecuteRequest<'_>>(input, limits);
        }
        3 => response::<ExecuteSuccess<'_>>(input, limits),
        4 => {
            if let Some(d) = check::<DisconnectRequest<'_>>(input, limits) {
                assert_eq!(
                    d.auxiliary_buffer.is_none(),
                    input.is_empty(),
                    "Disconnect reading of {input:?}"
                );
            }
        }
        5 => response::<DisconnectSuccess<'_>>(input, limits),
        6 => {
            check::<NotificationWaitRequest<'_>>(input, limits);
        }
        _ => response::<NotificationWaitSuccess<'_>>(input, limits),
    }
});

/// Decodes a response body and checks that its form follows StatusCode.
fn response<'a, S>(input: &'a [u8], limits: Limits)
where
    S: SuccessBody<'a> + PartialEq + std::fmt::Debug,
{
    let Some(body) = check::<ResponseBody<'a, S>>(input, limits) else {
        return;
    };
    let status = u32::from_le_bytes([input[0], input[1], input[2], input[3]]);
    assert_eq!(body.status_code().0, status, "StatusCode");
    assert_eq!(body.is_success(), status == 0, "form of {body:?}");
    assert_eq!(
        body.error_code().is_some(),
        status == 0,
        "ErrorCode presence"
    );
    assert!(body.auxiliary_buffer().len() <= limits.max_aux_buffer);
}

/// The shared oracles; returns the decoded value when there is one.
fn check<'a, T>(input: &'a [u8], limits: Limits) -> Option<T>
where
    T: Decode<'a, Ctx = ()> + Encode<Ctx = ()> + PartialEq + std::fmt::Debug,
{
    let (v, rest) = match T::decode_with_limits(input, (), limits) {
        Ok(v) => v,
        Err(e) => {
            assert!(
                e.offset() <= input.len(),
                "error offset past the input: {e}"
            );
            let _ = format!("{e} / {e:?}");
            return None;
        }
    };
    let used = input.len() - rest.len();
    let consumed = &input[..used];

    assert_eq!(v.encoded_len(), used, "encoded_len of {v:?}");
    let mut counter = LenCounter::default();
    v.encode(&mut counter).expect("encode into LenCounter");
    assert_eq!(counter.0, used, "bytes written to LenCounter");
    let out = v.to_vec().expect("re-encode");
    assert_eq!(out.as_slice(), consumed, "round trip of {v:?}");

    let mut r = Reader::with_limits(consumed, limits);
    let again = T::decode_from(&mut r, ()).expect("consumed bytes decode again");
    assert!(r.is_empty(), "second decode left {} bytes", r.remaining());
    assert_eq!(again, v, "second decode");
    let _ = format!("{v:?}");
    Some(v)
}
