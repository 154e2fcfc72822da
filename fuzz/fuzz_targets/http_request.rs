//! A whole MAPI/HTTP request (MS-OXCMAPIHTTP 2.2.2.1): request line, header
//! fields, body; the input is the message.
//!
//! Oracles:
//! - whatever decodes encodes back to exactly the bytes consumed, and
//!   `encoded_len` is exact;
//! - the head parser is incremental: every prefix of a decoded head is
//!   "partial" (`None`), and the head itself parses to the same value; a
//!   prefix never fails where the whole succeeds;
//! - the MAPI/HTTP fields validate or fail with an offset inside the
//!   input; the builder of a request head writes a head that parses back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapi_wire::http::{HttpLimits, HttpRequest, MapiRequestHead, RequestHead, RequestType};
use mapi_wire::wire::Encode;

fuzz_target!(|data: &[u8]| {
    let limits = HttpLimits {
        max_line: 512,
        max_headers: 32,
    };
    match HttpRequest::parse(data, 0, &limits) {
        Ok((req, used)) => {
            let consumed = &data[..used];
            assert_eq!(req.encoded_len(), used);
            assert_eq!(req.to_vec().unwrap(), consumed, "re-encoding");

            let (head, head_len) = RequestHead::parse(data, &limits)
                .unwrap()
                .expect("a decoded request has a whole head");
            assert_eq!(head, req.head);
            // Every strict prefix of the head asks for more; sample at most
            // 64 of them to keep the target fast.
            let step = (head_len / 64).max(1);
            for n in (0..head_len).step_by(step) {
                match RequestHead::parse(&data[..n], &limits) {
                    Ok(None) => {}
                    other => panic!("prefix of {n} bytes: {other:?}"),
                }
            }

            match req.mapi_headers() {
                Ok(m) => {
                    let _ = m.check_request();
                    let _ = req.head.check_method();
                    if let (Some(t), Some(id)) = (m.request_type(), m.request_id) {
                        let built = MapiRequestHead {
                            content_length: if t.has_body() { 1 } else { 0 },
                            ..MapiRequestHead::new(
                                t,
                                "/mapi/emsmdb/",
                                "h",
                                id,
                                m.client_info.unwrap_or(id),
                                "Outlook/16.0",
                            )
                        };
                        let mut wire = built.to_vec().unwrap();
                        assert_eq!(wire.len(), built.encoded_len());
                        wire.extend(std::iter::repeat_n(0u8, built.content_length as usize));
                        let (back, _) = HttpRequest::parse(&wire, 0, &limits).unwrap();
                        assert_eq!(back.mapi_headers().unwrap().check_request(), Ok(t));
                        assert!(matches!(t, RequestType::Ping) || back.body() == Some(&[0][..]));
                    }
                }
                Err(e) => assert!(e.offset() <= data.len(), "{e}"),
            }
            let _ = format!("{req:?}");
        }
        Err(e) => {
            assert!(e.offset() <= data.len(), "error offset past the input: {e}");
            let _ = format!("{e} / {e:?}");
        }
    }
});
