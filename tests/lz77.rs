//! LZ77 + DIRECT2 (MS-OXCRPC 3.1.4.1.1.2, MS-XCA 2.3/2.4): differential
//! tests against independent implementations from crates.io, in both
//! directions, on random and on realistic data, and properties of our own
//! pair.
//!
//! The independent side is two crates, each where it is sound:
//! - decompression: `rust-lzxpress` 0.7 (`lzxpress::data`), which checks
//!   every read and never panics on malformed input. Its compressor is not
//!   used: it records the position of a shared length nibble and of the
//!   flag word that follows a 32nd element before counting the match
//!   bytes just written, so its own decompressor rejects its output
//!   (`rust_lzxpress_compressor_is_unsound` below shows it).
//! - compression: `xpress_rs` 0.2, whose hash-based compressor writes
//!   correct streams, except that it panics (shift overflow) when the last
//!   element fills a flag word exactly; those inputs skip that direction.

#[path = "common/payloads.rs"]
mod payloads;

use mapi_wire::rpc::lz77::{self, Compressor, compress_bound};
use payloads::query_rows_output;
use proptest::prelude::*;

/// Theirs: compress with xpress_rs; `None` where it panics (see the
/// module documentation).
fn their_compress(data: &[u8]) -> Option<Vec<u8>> {
    let owned = data.to_vec();
    std::panic::catch_unwind(move || {
        xpress_rs::lz77::LZ77Compressor::new(owned)
            .compress()
            .expect("xpress_rs compress")
    })
    .ok()
}

/// Theirs: decompress. rust-lzxpress first; it rejects a stream whose
/// end-of-stream bit is the first bit of a flag word with no byte after it
/// (it asks for match metadata before looking for the end, unlike MS-XCA
/// 2.4.4), so such streams go to xpress_rs's decompressor instead. Used
/// only on streams our decoder read, whose output is bounded.
fn their_decompress(c: &[u8]) -> Vec<u8> {
    match lzxpress::data::decompress(c) {
        Ok(v) => v,
        Err(first) => {
            let owned = c.to_vec();
            std::panic::catch_unwind(move || {
                xpress_rs::lz77::LZ77Decompressor::new(owned)
                    .decompress()
                    .expect("xpress_rs decompress")
            })
            .unwrap_or_else(|_| panic!("neither decoder reads the stream ({first:?})"))
        }
    }
}

/// Checks both directions on `data`.
fn differential(data: &[u8]) {
    // Ours → theirs.
    let ours = lz77::compress_to_vec(data);
    assert!(ours.len() <= compress_bound(data.len()));
    assert_eq!(their_decompress(&ours), data, "theirs on our stream");
    assert_eq!(lz77::decompress_to_vec(&ours, data.len()).unwrap(), data);
    // Theirs → ours, with the size known and as a bare stream.
    let Some(theirs) = their_compress(data) else {
        return;
    };
    assert_eq!(
        lz77::decompress_to_vec(&theirs, data.len()).unwrap(),
        data,
        "ours on their stream"
    );
    let mut out = vec![0u8; data.len() + 64];
    assert_eq!(
        lz77::decompress_stream(&theirs, &mut out).unwrap(),
        data.len()
    );
    assert_eq!(&out[..data.len()], data);
}

fn utf16_text() -> Vec<u8> {
    let text = "Dear team,\r\nplease find the minutes of today's planning meeting \
                below. Action items are listed at the end. Grüße, Jürgen — 会议纪要\r\n"
        .repeat(40);
    text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
}

#[test]
fn realistic_rop_buffer_both_ways() {
    // Construction: a 32 KiB RopQueryRows output buffer.
    let data = query_rows_output(0x8000);
    assert!(data.len() > 0x7000 && data.len() <= 0x8000);
    differential(&data);
    let ours = lz77::compress_to_vec(&data);
    assert!(
        ours.len() * 4 < data.len(),
        "a table of similar rows compresses well: {} -> {}",
        data.len(),
        ours.len()
    );
}

#[test]
fn utf16_text_both_ways() {
    let data = utf16_text();
    differential(&data);
    assert!(lz77::compress_to_vec(&data).len() * 3 < data.len());
}

#[test]
fn edge_shapes_both_ways() {
    // Constructions: empty, one byte, runs, a full window, long matches
    // across every length class, alternating patterns.
    differential(b"");
    differential(b"a");
    differential(&[0u8; 0x8000]);
    differential(&[0xA5; 65535]);
    let window: Vec<u8> = (0..9000u32).map(|i| (i * 31 % 256) as u8).collect();
    differential(&window);
    for len in [3usize, 9, 10, 24, 25, 279, 280, 281, 5000] {
        let mut d = Vec::from(&b"0123456789abcdef"[..]);
        d.extend(std::iter::repeat_n(b'z', len));
        d.extend_from_slice(b"0123456789abcdef");
        differential(&d);
    }
    differential(&b"ab".repeat(5000));
}

#[test]
fn documented_differences_between_the_decoders() {
    // Constructions. A flag word and nothing after it: the end of the
    // stream for us and for Samba (shape (b) of the digest, Samba's
    // "trailing flags" case); both crates ask for one more byte.
    let mut out = [0u8; 8];
    assert_eq!(lz77::decompress_stream(&[0, 0, 0, 0], &mut out).unwrap(), 0);
    assert!(lzxpress::data::decompress(&[0, 0, 0, 0]).is_err());
    // The end bit alone in a fresh flag word (what every encoder writes
    // when the elements fill whole flag words, MS-XCA 2.3.4): read by us
    // and by xpress_rs, rejected by rust-lzxpress.
    let mut c: Vec<u8> = vec![0, 0, 0, 0];
    c.extend(0u8..32);
    c.extend_from_slice(&[0xff; 4]);
    assert_eq!(lz77::decompress_stream(&c, &mut [0u8; 64]).unwrap(), 32);
    assert!(lzxpress::data::decompress(&c).is_err());
    assert_eq!(their_decompress(&c), (0u8..32).collect::<Vec<_>>());
    // Input that ends after a literal in the middle of a flag word: an
    // error for us (MS-XCA 2.4.4 reads a byte that is not there), the end
    // for rust-lzxpress.
    assert!(lz77::decompress_stream(&[0, 0, 0, 0, b'a'], &mut out).is_err());
    assert_eq!(
        lzxpress::data::decompress(&[0, 0, 0, 0, b'a']).unwrap(),
        b"a"
    );
}

#[test]
fn compressor_effort_trades_speed_for_size() {
    let data = query_rows_output(0x8000);
    let mut low = vec![0u8; compress_bound(data.len())];
    let mut high = low.clone();
    let n_low = Compressor::with_effort(1)
        .compress(&data, &mut low)
        .unwrap();
    let n_high = Compressor::with_effort(256)
        .compress(&data, &mut high)
        .unwrap();
    assert!(n_high <= n_low, "{n_high} > {n_low}");
    assert_eq!(their_decompress(&low[..n_low]), data);
    assert_eq!(their_decompress(&high[..n_high]), data);
}

#[test]
fn rust_lzxpress_compressor_is_unsound() {
    // Why its compressor is not an oracle: two long matches share a length
    // nibble, and it ORs the second nibble into the first match's metadata
    // instead of the nibble byte. Its own decompressor then disagrees.
    let mut d = Vec::from(&b"0123456789abcdef"[..]);
    d.extend(std::iter::repeat_n(b'z', 12));
    d.extend_from_slice(b"0123456789abcdef");
    d.extend(std::iter::repeat_n(b'y', 12));
    let broken = lzxpress::data::compress(&d).unwrap();
    assert_ne!(lzxpress::data::decompress(&broken).ok(), Some(d.clone()));
    assert!(lz77::decompress_to_vec(&broken, d.len()).is_err());
    // Ours and xpress_rs agree on the stream, and both decoders read it.
    let ours = lz77::compress_to_vec(&d);
    assert_eq!(Some(ours.clone()), their_compress(&d));
    assert_eq!(their_decompress(&ours), d);
}

fn bytes_with_repeats() -> impl Strategy<Value = Vec<u8>> {
    // Random pieces, some repeated from earlier, so that matches occur.
    prop::collection::vec(
        (
            prop::collection::vec(any::<u8>(), 0..40),
            0usize..4,
            0usize..300,
        ),
        0..60,
    )
    .prop_map(|pieces| {
        let mut out: Vec<u8> = Vec::new();
        for (fresh, reps, back) in pieces {
            out.extend_from_slice(&fresh);
            for _ in 0..reps {
                if !out.is_empty() {
                    let start = out.len().saturating_sub(back + 1);
                    let piece = out[start..].to_vec();
                    out.extend_from_slice(&piece[..piece.len().min(50)]);
                }
            }
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_both_ways(data in prop::collection::vec(any::<u8>(), 1..3000)) {
        differential(&data);
    }

    #[test]
    fn repetitive_bytes_both_ways(data in bytes_with_repeats()) {
        differential(&data);
    }

    #[test]
    fn any_effort_round_trips(data in bytes_with_repeats(), effort in 1u16..64) {
        let mut c = Compressor::with_effort(effort);
        let mut out = vec![0u8; compress_bound(data.len())];
        let n = c.compress(&data, &mut out).unwrap();
        let mut back = vec![0u8; data.len()];
        lz77::decompress(&out[..n], &mut back).unwrap();
        prop_assert_eq!(back, data);
    }

    #[test]
    fn too_small_output_is_an_error_not_a_panic(data in bytes_with_repeats(), cut in 0usize..100) {
        let full = lz77::compress_to_vec(&data);
        let mut out = vec![0u8; full.len().saturating_sub(cut + 1)];
        prop_assert!(Compressor::new().compress(&data, &mut out).is_err());
    }

    #[test]
    fn where_both_decoders_read_a_stream_they_agree(
        data in bytes_with_repeats(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
    ) {
        // Valid streams with a few bytes changed: whenever ours reads one
        // as a whole stream and rust-lzxpress reads it too, they produce
        // the same bytes. (Ours is bounded by its buffer, so theirs is only
        // asked about streams of bounded output.)
        let mut input = lz77::compress_to_vec(&data);
        for (at, x) in flips {
            let i = at.index(input.len());
            input[i] ^= x;
        }
        let mut out = vec![0u8; 1 << 16];
        if let Ok(n) = lz77::decompress_stream(&input, &mut out)
            && let Ok(theirs) = lzxpress::data::decompress(&input)
        {
            prop_assert_eq!(theirs, &out[..n]);
        }
    }

    #[test]
    fn arbitrary_streams_never_panic(
        input in prop::collection::vec(any::<u8>(), 0..300),
        size in 0usize..5000,
    ) {
        let mut out = vec![0u8; size];
        match lz77::decompress(&input, &mut out) {
            Ok(()) => {
                // Whatever decompresses recompresses and decompresses to the
                // same bytes.
                let again = lz77::compress_to_vec(&out);
                prop_assert_eq!(lz77::decompress_to_vec(&again, size).unwrap(), out);
            }
            Err(e) => prop_assert!(e.offset() <= input.len()),
        }
    }
}
