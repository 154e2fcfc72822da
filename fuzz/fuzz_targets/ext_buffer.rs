//! A chain of extended buffers (MS-OXCRPC 2.2.2.1, 3.1.4.2.1), with
//! decompression and de-obfuscation of every payload.
//!
//! Byte 0: bit 0 set selects `Limits::PERMISSIVE` instead of the default
//! limits (so that SizeActual above 32 KiB is exercised); the other bits
//! are ignored. The rest is the chain.
//!
//! Oracles, whenever the zero-copy view (`ExtChain`) decodes:
//! - re-encoding gives back exactly the bytes consumed;
//! - iterating yields `len()` buffers whose headers and payloads tile the
//!   bytes consumed, the last one (only) with Last;
//! - every payload's plain bytes, read into a caller's buffer, agree with
//!   the decoded form (`DecodedChain`) when that decodes, and the decoded
//!   form re-encodes to the bytes consumed;
//! - each plain payload, encoded again with our compressor and XorMagic,
//!   decodes back to the same plain bytes.
//! When decoding fails, the error's offset lies within the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapi_wire::rpc::lz77::Compressor;
use mapi_wire::rpc::{
    BufferEncoder, DecodedChain, ExtChain, ExtFlags, PayloadOptions, RpcHeaderExt,
};
use mapi_wire::wire::{Decode, Encode, Limits};

fuzz_target!(|data: &[u8]| {
    let Some((&sel, input)) = data.split_first() else {
        return;
    };
    let limits = if sel & 1 != 0 {
        Limits::PERMISSIVE
    } else {
        Limits::DEFAULT
    };

    let (chain, rest) = match ExtChain::decode_with_limits(input, (), limits) {
        Ok(v) => v,
        Err(e) => {
            assert!(
                e.offset() <= input.len(),
                "error offset past the input: {e}"
            );
            let _ = format!("{e} / {e:?}");
            assert!(DecodedChain::decode_with_limits(input, (), limits).is_err());
            return;
        }
    };
    let used = &input[..input.len() - rest.len()];
    assert_eq!(chain.to_vec().unwrap(), used, "ExtChain round trip");
    assert_eq!(chain.encoded_len(), used.len());

    let mut total = 0;
    let buffers: Vec<_> = chain.iter().collect();
    assert_eq!(buffers.len(), chain.len());
    for (i, b) in buffers.iter().enumerate() {
        assert_eq!(b.header.is_last(), i + 1 == buffers.len(), "Last flag");
        assert_eq!(b.offset(), total + RpcHeaderExt::LEN);
        total += RpcHeaderExt::LEN + b.payload.len();
    }
    assert_eq!(total, used.len());

    let mut scratch = vec![0u8; 0x1_0000];
    let plains: Vec<Option<Vec<u8>>> = buffers
        .iter()
        .map(|b| b.plain_into(&mut scratch).ok().map(<[u8]>::to_vec))
        .collect();

    match DecodedChain::decode_with_limits(input, (), limits) {
        Ok((d, drest)) => {
            assert_eq!(drest.len(), rest.len());
            assert_eq!(d.to_vec().unwrap(), used, "DecodedChain round trip");
            assert_eq!(d.encoded_len(), used.len());
            for (db, p) in d.buffers.iter().zip(&plains) {
                assert_eq!(Some(db.payload.as_ref()), p.as_deref());
            }
        }
        Err(e) => {
            assert!(e.offset() <= input.len(), "{e}");
            // Only a payload that did not decode (or the total cap) can fail.
            assert!(plains.iter().any(Option::is_none) || limits == Limits::DEFAULT);
        }
    }

    // Re-encode every plain payload with our compressor and XorMagic.
    let mut c = Box::new(Compressor::new());
    let mut cs = vec![0u8; 0x1_0000];
    for p in plains.iter().flatten() {
        let mut out = Vec::new();
        let h = BufferEncoder::new(&mut c, &mut cs)
            .write(&mut out, p, PayloadOptions::DEFAULT, true)
            .unwrap();
        assert!(!h.flags.contains(ExtFlags::COMPRESSED) || h.size < h.size_actual);
        let back = DecodedChain::decode_with_limits(&out, (), Limits::PERMISSIVE)
            .unwrap_or_else(|e| panic!("our own encoding does not decode: {e}"))
            .0;
        assert_eq!(back.buffers[0].payload.as_ref(), p.as_slice());
    }
});
