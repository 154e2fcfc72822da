//! The auxiliary buffer (MS-OXCRPC 3.1.4.1.2) and its AUX blocks
//! (2.2.2.2).
//!
//! Byte 0: bit 0 clear: the rest is an auxiliary buffer (RPC_HEADER_EXT +
//! blocks, possibly compressed and/or obfuscated); set: the rest is a bare
//! sequence of AUX blocks. The other bits are ignored.
//!
//! Oracles, whenever the input decodes:
//! - re-encoding gives back exactly the bytes consumed, `encoded_len` is
//!   exact;
//! - the zero-copy view and the decoded form agree on the blocks;
//! - every block re-encodes alone to its own Size bytes, and rebuilding a
//!   block from its body with `AuxBlock::with_header` gives the same block
//!   once its padding (at most `AuxBlock::MAX_PADDING` bytes) is put back;
//! - the blocks, encoded again into an auxiliary buffer with compression
//!   and XorMagic, decode to the same blocks.
//! When decoding fails, the error's offset lies within the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapi_wire::rpc::{
    AuxBlock, AuxBlocks, AuxBuffer, DecodedAuxBuffer, PayloadOptions, encode_aux_buffer,
};
use mapi_wire::wire::{Decode, Encode, Limits};

fn check_blocks(blocks: &AuxBlocks<'_>, plain: &[u8]) {
    let all: Vec<AuxBlock<'_>> = blocks.iter().collect();
    assert_eq!(all.len(), blocks.len());
    let mut at = 0;
    for b in &all {
        let bytes = b
            .to_vec()
            .unwrap_or_else(|e| panic!("block does not encode: {e}"));
        assert_eq!(bytes.len(), usize::from(b.header.size));
        assert_eq!(&plain[at..at + bytes.len()], bytes.as_slice());
        at += bytes.len();
        let mut rebuilt =
            AuxBlock::with_header(b.header.version, b.header.aux_type, b.body.clone()).unwrap();
        // A fixed block's padding is not part of its body: Size counts it.
        let padding = b.padding.0.len();
        assert!(padding <= AuxBlock::MAX_PADDING);
        assert_eq!(usize::from(rebuilt.header.size) + padding, bytes.len());
        rebuilt.padding = b.padding;
        rebuilt.header.size = b.header.size;
        assert_eq!(&rebuilt, b);
        let _ = format!("{b:?}");
    }
    assert_eq!(at, plain.len());
    if let Ok(again) = encode_aux_buffer(&all, PayloadOptions::DEFAULT) {
        let d = DecodedAuxBuffer::decode_with_limits(&again, (), Limits::PERMISSIVE)
            .unwrap_or_else(|e| panic!("our own aux buffer does not decode: {e}"))
            .0;
        let back: Vec<_> = d.blocks().iter().collect();
        assert_eq!(back, all);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, input)) = data.split_first() else {
        return;
    };
    if sel & 1 != 0 {
        match AuxBlocks::decode_exact(input, ()) {
            Ok(blocks) => {
                assert_eq!(blocks.to_vec().unwrap(), input);
                assert_eq!(blocks.encoded_len(), input.len());
                check_blocks(&blocks, input);
            }
            Err(e) => assert!(e.offset() <= input.len(), "{e}"),
        }
        return;
    }

    let view = AuxBuffer::decode(input);
    let decoded = DecodedAuxBuffer::decode(input);
    match (&view, &decoded) {
        (Ok((v, vrest)), Ok((d, drest))) => {
            assert_eq!(vrest.len(), drest.len());
            let used = &input[..input.len() - vrest.len()];
            assert_eq!(v.to_vec().unwrap(), used);
            assert_eq!(d.to_vec().unwrap(), used);
            assert_eq!(d.encoded_len(), used.len());
            let mut scratch = vec![0u8; 0x1_0000];
            let from_view: Vec<_> = v.blocks_in(&mut scratch).unwrap().iter().collect();
            let from_decoded: Vec<_> = d.blocks().iter().collect();
            assert_eq!(from_view, from_decoded);
            check_blocks(&d.blocks(), &d.payload);
        }
        (Ok((v, _)), Err(e)) => {
            // The view defers a transformed payload; its blocks must fail.
            assert!(e.offset() <= input.len(), "{e}");
            assert!(v.blocks().is_none());
            let mut scratch = vec![0u8; 0x1_0000];
            assert!(v.blocks_in(&mut scratch).is_err());
        }
        (Err(e), _) => {
            assert!(e.offset() <= input.len(), "{e}");
            assert!(decoded.is_err());
        }
    }
});
