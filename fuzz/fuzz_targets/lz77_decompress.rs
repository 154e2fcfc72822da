//! LZ77 + DIRECT2 decompression (MS-OXCRPC 3.1.4.1.1.2, MS-XCA 2.4.4).
//!
//! Bytes 0-1: SizeActual, little-endian. The rest is the compressed
//! stream.
//!
//! Oracles:
//! - decompression into exactly SizeActual bytes either succeeds or fails
//!   with an offset within the stream;
//! - whatever decompresses, recompressed with our compressor, decompresses
//!   again to the same bytes, and the recompressed stream is within
//!   `compress_bound`;
//! - the stream reading (`decompress_stream`, no size given) agrees with
//!   the sized reading whenever it reads the whole stream into fewer than
//!   SizeActual + 1 bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapi_wire::rpc::lz77::{self, Compressor, compress_bound};

fuzz_target!(|data: &[u8]| {
    let Some((size, input)) = data.split_first_chunk::<2>() else {
        return;
    };
    let size = usize::from(u16::from_le_bytes(*size));

    let mut out = vec![0u8; size];
    match lz77::decompress(input, &mut out) {
        Ok(()) => {
            let mut c = Box::new(Compressor::new());
            let mut packed = vec![0u8; compress_bound(size)];
            let n = c
                .compress(&out, &mut packed)
                .unwrap_or_else(|e| panic!("compress_bound too small: {e}"));
            let mut again = vec![0u8; size];
            lz77::decompress(&packed[..n], &mut again)
                .unwrap_or_else(|e| panic!("our own stream does not decompress: {e}"));
            assert_eq!(again, out, "recompressed content differs");
        }
        Err(e) => {
            assert!(
                e.offset() <= input.len(),
                "error offset past the input: {e}"
            );
            let _ = format!("{e} / {e:?}");
        }
    }

    let mut whole = vec![0u8; size + 1];
    if let Ok(n) = lz77::decompress_stream(input, &mut whole) {
        // A stream that ends by itself after n <= size bytes: the sized
        // reading of n bytes gives the same bytes.
        let mut sized = vec![0u8; n];
        lz77::decompress(input, &mut sized)
            .unwrap_or_else(|e| panic!("stream read {n} bytes, sized read failed: {e}"));
        assert_eq!(sized.as_slice(), &whole[..n]);
    }
});
