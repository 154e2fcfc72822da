//! LZ77 + DIRECT2 compression of extended-buffer payloads (MS-OXCRPC
//! 3.1.4.1.1.2), which is bit for bit the "Plain LZ77" format of MS-XCA
//! (compression 2.3, decompression 2.4.4).
//!
//! # The format
//!
//! The stream is a sequence of groups. A group starts with a 32-bit
//! little-endian flag word whose bits, read from bit 31 down to bit 0, say
//! what each following element is: `0` a literal byte, `1` a match (or the
//! end of the stream when no input is left). A match is a little-endian
//! `u16` whose high 13 bits are the distance minus 1 (so distances run from
//! 1 to 8192) and whose low 3 bits are the length minus 3. The length code
//! 7 continues in a 4-bit nibble (two consecutive long matches share one
//! nibble byte, low nibble first), nibble 15 continues in a byte, byte 255
//! continues in a `u16` holding the length minus 3 (and a `u16` of 0 in a
//! `u32`, MS-XCA 2.4.4). The encoder ends the stream with a `1` flag bit and
//! fills the rest of the last flag word with ones.
//!
//! # What this module guarantees
//!
//! Everything is written for `no_std` without an allocator: the
//! decompressor writes into a caller's buffer and the compressor keeps its
//! tables in a [`Compressor`] the caller owns. Neither can be made to read
//! or write out of bounds, and every step of either consumes input or
//! produces output, so no input can make them loop. A match whose distance
//! reaches before the start of the output, or whose length runs past the
//! room given, is an error carrying the offset of its metadata in the
//! compressed input.
//!
//! ```
//! use mapi_wire::rpc::lz77;
//!
//! // MS-XCA 3.1, second example: "abc" repeated 100 times.
//! let compressed = [0xff, 0xff, 0xff, 0x1f, 0x61, 0x62, 0x63, 0x17, 0x00, 0x0f, 0xff, 0x26, 0x01];
//! let mut out = [0u8; 300];
//! lz77::decompress(&compressed, &mut out).unwrap();
//! assert!(out.chunks(3).all(|c| c == b"abc"));
//!
//! let mut packed = [0u8; 64];
//! let n = lz77::Compressor::new().compress(&out, &mut packed).unwrap();
//! let mut again = [0u8; 300];
//! lz77::decompress(&packed[..n], &mut again).unwrap();
//! assert_eq!(again, out);
//! ```

use crate::wire::{Error, ErrorKind};

/// The largest match distance the 13-bit field can express (MS-XCA 2.3).
pub const WINDOW: usize = 8192;

/// The shortest match the format can express.
pub const MIN_MATCH: usize = 3;

/// The longest match this compressor emits: a `u16` length field holds the
/// length minus 3. (The decompressor also reads MS-XCA's `u32` form.)
pub const MAX_MATCH: usize = 0xFFFF + 3;

/// The most bytes [`Compressor::compress`] can write for `n` input bytes:
/// every byte a literal, one flag word per 32 elements and one more for the
/// end-of-stream bit.
///
/// ```
/// use mapi_wire::rpc::lz77::compress_bound;
/// assert_eq!(compress_bound(0), 4);
/// assert_eq!(compress_bound(26), 30); // MS-XCA 3.1, first example
/// assert_eq!(compress_bound(32), 40);
/// ```
pub const fn compress_bound(n: usize) -> usize {
    n + 4 * (n / 32 + 1)
}

#[cold]
fn truncated(at: usize, needed: usize, remaining: usize) -> Error {
    Error::new(ErrorKind::truncated(needed, remaining), at)
}

/// Reads a little-endian `u16` at `i`.
#[inline]
fn le16(input: &[u8], i: usize) -> Result<u16, Error> {
    match input.get(i..).and_then(|s| s.first_chunk::<2>()) {
        Some(b) => Ok(u16::from_le_bytes(*b)),
        None => Err(truncated(i, 2, input.len().saturating_sub(i))),
    }
}

/// Reads a little-endian `u32` at `i`.
#[inline]
fn le32(input: &[u8], i: usize) -> Result<u32, Error> {
    match input.get(i..).and_then(|s| s.first_chunk::<4>()) {
        Some(b) => Ok(u32::from_le_bytes(*b)),
        None => Err(truncated(i, 4, input.len().saturating_sub(i))),
    }
}

/// Reads one byte at `i`.
#[inline]
fn byte(input: &[u8], i: usize) -> Result<u8, Error> {
    match input.get(i) {
        Some(b) => Ok(*b),
        None => Err(truncated(i, 1, 0)),
    }
}

/// Decompresses `input` into exactly `out.len()` bytes: `out.len()` is the
/// SizeActual of the RPC_HEADER_EXT (MS-OXCRPC 2.2.2.1).
///
/// Decoding stops as soon as `out` is full, so the three end shapes met in
/// practice are all accepted: an end-of-stream `1` bit with no input left,
/// input that ends right after a flag word, and (from older encoders) flag
/// bits or bytes left over once SizeActual bytes are out. A stream that
/// ends before `out` is full is an error, and so is a match that would
/// write past it. Error offsets are positions in `input`.
///
/// ```
/// use mapi_wire::rpc::lz77;
/// use mapi_wire::wire::ErrorKind;
///
/// // MS-XCA 3.1, first example: 26 literals.
/// let mut c = vec![0x3f, 0x00, 0x00, 0x00];
/// c.extend_from_slice(b"abcdefghijklmnopqrstuvwxyz");
/// let mut out = [0u8; 26];
/// lz77::decompress(&c, &mut out).unwrap();
/// assert_eq!(&out, b"abcdefghijklmnopqrstuvwxyz");
///
/// // Announcing one byte more than the stream holds is an error.
/// let mut long = [0u8; 27];
/// let e = lz77::decompress(&c, &mut long).unwrap_err();
/// assert_eq!(e.offset(), 30);
/// assert!(matches!(e.kind(), ErrorKind::Truncated { .. }));
/// ```
pub fn decompress(input: &[u8], out: &mut [u8]) -> Result<(), Error> {
    run(input, out, true, 0).map(|_| ())
}

/// [`decompress`] of a stream that is XOR-obfuscated with `key` (0xA5 for
/// XorMagic, MS-OXCRPC 3.1.4.1.1.3): every input byte is un-XORed as it is
/// read, so no copy of the obfuscated stream is needed.
pub(crate) fn decompress_keyed(input: &[u8], out: &mut [u8], key: u8) -> Result<(), Error> {
    run(input, out, true, key).map(|_| ())
}

/// Decompresses a whole stream whose decompressed size is not known,
/// stopping where the input ends; `out` bounds the output. Returns the
/// number of bytes written to the start of `out`. Output that would exceed
/// `out` is [`ErrorKind::LimitExceeded`].
///
/// This is the reading of `mapi-inspect decode lz77`: a stream alone, as
/// MS-XCA 2.4.4 decodes it (ended by a `1` flag bit with no input left, or
/// by the input ending at a group boundary).
///
/// ```
/// use mapi_wire::rpc::lz77;
///
/// let c = [0xff, 0xff, 0xff, 0x1f, 0x61, 0x62, 0x63, 0x17, 0x00, 0x0f, 0xff, 0x26, 0x01];
/// let mut out = [0u8; 1024];
/// assert_eq!(lz77::decompress_stream(&c, &mut out).unwrap(), 300);
/// // Too small a buffer is a limit error, not a truncated output.
/// assert!(lz77::decompress_stream(&c, &mut out[..299]).is_err());
/// ```
pub fn decompress_stream(input: &[u8], out: &mut [u8]) -> Result<usize, Error> {
    run(input, out, false, 0)
}

/// Decompresses into a new vector of exactly `size_actual` bytes. The
/// caller checks `size_actual` against its limits first (the extended
/// buffer decoders of this module do).
///
/// ```
/// use mapi_wire::rpc::lz77;
///
/// let c = [0xff, 0xff, 0xff, 0x1f, 0x61, 0x62, 0x63, 0x17, 0x00, 0x0f, 0xff, 0x26, 0x01];
/// assert_eq!(lz77::decompress_to_vec(&c, 300).unwrap(), b"abc".repeat(100));
/// ```
#[cfg(feature = "alloc")]
pub fn decompress_to_vec(input: &[u8], size_actual: usize) -> Result<alloc::vec::Vec<u8>, Error> {
    let mut v = alloc::vec![0u8; size_actual];
    decompress(input, &mut v)?;
    Ok(v)
}

/// The decoder of MS-XCA 2.4.4, with bounds. `exact`: stop when `out` is
/// full and require it to be filled; otherwise stop where the input ends.
fn run(input: &[u8], out: &mut [u8], exact: bool, key: u8) -> Result<usize, Error> {
    let k16 = u16::from_le_bytes([key, key]);
    let k32 = u32::from_le_bytes([key, key, key, key]);
    let cap = out.len();
    let end = input.len();
    let mut i = 0usize;
    let mut o = 0usize;
    let mut flags: u32 = 0;
    let mut bits: u32 = 0;
    // Position of a nibble byte whose high half is still unused.
    let mut nibble: Option<usize> = None;

    loop {
        if exact && o == cap {
            return Ok(o);
        }
        if bits == 0 {
            if i == end {
                // The input ended at a group boundary.
                return if exact {
                    Err(truncated(i, 1, 0).in_field("Lz77"))
                } else {
                    Ok(o)
                };
            }
            flags = le32(input, i).map_err(|e| e.in_field("flags").in_field("Lz77"))? ^ k32;
            i += 4;
            bits = 32;
            if i == end {
                // A trailing flag word with nothing after it.
                return if exact && o < cap {
                    Err(truncated(i, 1, 0).in_field("Lz77"))
                } else {
                    Ok(o)
                };
            }
        }

        // The next `bits` flags sit in the high bits of `window`.
        let window = flags << (32 - bits);
        let zeros = window.leading_zeros().min(bits);
        if zeros > 0 {
            // A run of literals, copied at once.
            let run = zeros as usize;
            let n = run.min(end - i).min(cap - o);
            if n == 0 {
                return Err(if i == end {
                    truncated(i, 1, 0).in_field("literal").in_field("Lz77")
                } else {
                    // Only reachable in stream mode: exact mode returned at
                    // the top of the loop when `out` was full.
                    Error::new(ErrorKind::limit_exceeded(o + 1, cap), i).in_field("Lz77")
                });
            }
            let (Some(dst), Some(src)) = (out.get_mut(o..o + n), input.get(i..i + n)) else {
                return Err(truncated(i, n, end - i).in_field("Lz77"));
            };
            dst.copy_from_slice(src);
            if key != 0 {
                dst.iter_mut().for_each(|b| *b ^= key);
            }
            i += n;
            o += n;
            bits -= n as u32;
            continue;
        }

        // A `1` bit: a match, or the end of the stream.
        bits -= 1;
        if i == end {
            return if exact && o < cap {
                Err(truncated(i, 1, 0).in_field("Lz77"))
            } else {
                Ok(o)
            };
        }
        let at = i;
        let m = le16(input, i).map_err(|e| e.in_field("match").in_field("Lz77"))? ^ k16;
        i += 2;
        let distance = usize::from(m >> 3) + 1;
        let mut len = usize::from(m & 7);
        if len == 7 {
            len = match nibble.take() {
                None => {
                    let b =
                        byte(input, i).map_err(|e| e.in_field("length").in_field("Lz77"))? ^ key;
                    nibble = Some(i);
                    i += 1;
                    usize::from(b & 0x0F)
                }
                Some(n) => usize::from((byte(input, n)? ^ key) >> 4),
            };
            if len == 15 {
                let b = byte(input, i).map_err(|e| e.in_field("length").in_field("Lz77"))? ^ key;
                i += 1;
                len = usize::from(b);
                if len == 255 {
                    let w =
                        le16(input, i).map_err(|e| e.in_field("length").in_field("Lz77"))? ^ k16;
                    i += 2;
                    let mut l = u64::from(w);
                    if w == 0 {
                        l = u64::from(
                            le32(input, i).map_err(|e| e.in_field("length").in_field("Lz77"))?
                                ^ k32,
                        );
                        i += 4;
                    }
                    if l < 22 {
                        return Err(Error::new(ErrorKind::InvalidValue { value: l }, at)
                            .in_field("length")
                            .in_field("Lz77"));
                    }
                    // l - 22 + 15 below makes l + 3 in all.
                    len = usize::try_from(l - 22).unwrap_or(usize::MAX);
                }
                len = len.saturating_add(15);
            }
            len = len.saturating_add(7);
        }
        len = len.saturating_add(3);

        if distance > o {
            return Err(Error::new(
                ErrorKind::InvalidValue {
                    value: distance as u64,
                },
                at,
            )
            .in_field("distance")
            .in_field("Lz77"));
        }
        if len > cap - o {
            return Err(
                Error::new(ErrorKind::limit_exceeded(o.saturating_add(len), cap), at)
                    .in_field("length")
                    .in_field("Lz77"),
            );
        }
        copy_match(out, o, distance, len);
        o += len;
    }
}

/// Copies `len` bytes from `distance` bytes back, overlapping as LZ77
/// requires. The caller has checked `distance <= o` and `o + len <= len(out)`.
#[inline]
fn copy_match(out: &mut [u8], o: usize, distance: usize, len: usize) {
    let src = o - distance;
    if distance >= len {
        out.copy_within(src..src + len, o);
    } else if distance == 1 {
        let b = out.get(src).copied().unwrap_or(0);
        if let Some(dst) = out.get_mut(o..o + len) {
            dst.fill(b);
        }
    } else {
        // The source is periodic with period `distance`: copy whole periods
        // from its start, doubling the chunk each time.
        let mut done = 0;
        while done < len {
            let chunk = (distance + done).min(len - done);
            out.copy_within(src..src + chunk, o + done);
            done += chunk;
        }
    }
}

const HASH_BITS: u32 = 13;
const HASH_SIZE: usize = 1 << HASH_BITS;
const NONE: u32 = u32::MAX;
/// A match this long is taken without looking further down the chain.
const NICE_MATCH: usize = 128;
/// Once a match this long is found, only a quarter of the remaining chain
/// is searched, and no lazy match is tried after it.
const GOOD_MATCH: usize = 32;

/// A hash-chain LZ77 matcher: the state of the compressor, about 48 KiB,
/// kept by the caller so that nothing is allocated (put it in a `static`,
/// on the stack, or in a `Box`).
///
/// It finds for each position the longest earlier match within the
/// 8192-byte window by walking a chain of earlier positions that share the
/// position's first three bytes (at most [`Compressor::with_effort`]
/// candidates), and takes a match at the next position instead when that
/// one is longer (one step of lazy matching).
///
/// ```
/// use mapi_wire::rpc::lz77::{compress_bound, decompress, Compressor};
///
/// let text = "Re: quarterly planning, Re: quarterly planning, Re: quarterly".as_bytes();
/// let mut out = vec![0u8; compress_bound(text.len())];
/// let n = Compressor::new().compress(text, &mut out).unwrap();
/// assert!(n < text.len());
/// let mut back = vec![0u8; text.len()];
/// decompress(&out[..n], &mut back).unwrap();
/// assert_eq!(back, text);
/// ```
#[derive(Clone)]
pub struct Compressor {
    /// The latest position whose 3-byte hash is the index, or `NONE`.
    head: [u32; HASH_SIZE],
    /// For position `p`, at `p % WINDOW`: the distance back to the
    /// previous position with the same hash, or 0 for none in the window.
    prev: [u16; WINDOW],
    max_chain: u16,
}

impl core::fmt::Debug for Compressor {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Compressor")
            .field("max_chain", &self.max_chain)
            .finish_non_exhaustive()
    }
}

impl Default for Compressor {
    fn default() -> Self {
        Self::new()
    }
}

/// Where the encoder writes: the caller's buffer, bounds-checked.
struct Out<'o> {
    buf: &'o mut [u8],
    pos: usize,
}

impl Out<'_> {
    #[inline]
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let end = self.pos + bytes.len();
        match self.buf.get_mut(self.pos..end) {
            Some(d) => {
                d.copy_from_slice(bytes);
                self.pos = end;
                Ok(())
            }
            None => Err(self.full(bytes.len())),
        }
    }

    #[cold]
    fn full(&self, n: usize) -> Error {
        Error::new(
            ErrorKind::sink_full(n, self.buf.len().saturating_sub(self.pos)),
            self.pos,
        )
        .in_field("Lz77")
    }

    #[inline]
    fn set(&mut self, at: usize, bytes: &[u8]) {
        if let Some(d) = self.buf.get_mut(at..at + bytes.len()) {
            d.copy_from_slice(bytes);
        }
    }
}

/// The flag-word bookkeeping of the encoder (MS-XCA 2.3.4).
struct Flags {
    word: u32,
    count: u32,
    at: usize,
    /// A nibble byte whose high half is still free.
    nibble: Option<usize>,
}

impl Flags {
    #[inline]
    fn push(&mut self, out: &mut Out<'_>, bit: u32) -> Result<(), Error> {
        self.word = (self.word << 1) | bit;
        self.count += 1;
        if self.count == 32 {
            out.set(self.at, &self.word.to_le_bytes());
            self.at = out.pos;
            out.put(&[0; 4])?;
            self.word = 0;
            self.count = 0;
        }
        Ok(())
    }
}

impl Compressor {
    /// A compressor that looks at up to 32 candidates per position.
    ///
    /// ```
    /// use mapi_wire::rpc::lz77::{self, Compressor};
    ///
    /// let input = b"abcabcabcabcabcabcabcabc";
    /// let mut out = [0u8; 64];
    /// let n = Compressor::new().compress(input, &mut out).unwrap();
    /// assert!(n < input.len());
    /// assert_eq!(lz77::decompress_to_vec(&out[..n], input.len()).unwrap(), input);
    /// ```
    pub const fn new() -> Self {
        Self::with_effort(32)
    }

    /// A compressor that looks at up to `max_chain` (at least 1) candidate
    /// positions per input position: more finds longer matches, slower.
    ///
    /// ```
    /// use mapi_wire::rpc::lz77::{self, Compressor};
    ///
    /// let input = b"the quick brown fox jumps over the quick brown dog";
    /// let mut out = [0u8; 128];
    /// let n = Compressor::with_effort(1).compress(input, &mut out).unwrap();
    /// assert_eq!(lz77::decompress_to_vec(&out[..n], input.len()).unwrap(), input);
    /// ```
    pub const fn with_effort(max_chain: u16) -> Self {
        Compressor {
            head: [NONE; HASH_SIZE],
            prev: [0; WINDOW],
            max_chain: if max_chain == 0 { 1 } else { max_chain },
        }
    }

    #[inline]
    fn hash(input: &[u8], p: usize) -> Option<usize> {
        let b = input.get(p..p + 3)?;
        let v = u32::from(b[0]) | (u32::from(b[1]) << 8) | (u32::from(b[2]) << 16);
        Some((v.wrapping_mul(0x9E37_79B1) >> (32 - HASH_BITS)) as usize)
    }

    #[inline]
    fn insert(&mut self, input: &[u8], p: usize) {
        if let Some(h) = Self::hash(input, p) {
            let last = self.head[h];
            let d = if last == NONE {
                0
            } else {
                p.wrapping_sub(last as usize)
            };
            self.prev[p % WINDOW] = if d > 0 && d <= WINDOW { d as u16 } else { 0 };
            self.head[h] = p as u32;
        }
    }

    /// The longest match for position `p` among earlier positions (which
    /// must all have been inserted, `p` not yet): `(length, distance)`.
    #[inline]
    fn longest(&self, input: &[u8], p: usize) -> (usize, usize) {
        let Some(h) = Self::hash(input, p) else {
            return (0, 0);
        };
        let limit = (input.len() - p).min(MAX_MATCH);
        let mut best = (0, 0);
        let mut cand = self.head[h];
        let mut chain = self.max_chain;
        while cand != NONE && chain > 0 {
            let c = cand as usize;
            let d = p - c;
            if d == 0 || d > WINDOW {
                break;
            }
            // Quick rejection on the byte that would make this one longer.
            if input.get(c + best.0) == input.get(p + best.0) {
                let l = common_prefix(input, c, p, limit);
                if l > best.0 {
                    if best.0 < GOOD_MATCH && l >= GOOD_MATCH {
                        chain = chain / 4 + 1;
                    }
                    best = (l, d);
                    if l >= NICE_MATCH || l == limit {
                        break;
                    }
                }
            }
            let step = usize::from(self.prev[c % WINDOW]);
            if step == 0 || step > c {
                break;
            }
            cand = (c - step) as u32;
            chain -= 1;
        }
        if best.0 >= MIN_MATCH { best } else { (0, 0) }
    }

    /// Compresses `input` into the start of `out`; returns the number of
    /// bytes written. Fails with [`ErrorKind::SinkFull`] if `out` is too
    /// small: [`compress_bound`] always suffices, and a caller that only
    /// wants output smaller than the input (MS-OXCRPC 2.2.2.1: Size must be
    /// less than SizeActual) passes a buffer one byte shorter than the
    /// input and sends the payload uncompressed on that error.
    ///
    /// ```
    /// use mapi_wire::rpc::lz77::Compressor;
    ///
    /// let mut c = Compressor::new();
    /// let mut out = [0u8; 64];
    /// // 26 distinct letters do not shrink: 30 bytes compressed.
    /// let n = c.compress(b"abcdefghijklmnopqrstuvwxyz", &mut out).unwrap();
    /// assert_eq!(n, 30);
    /// assert!(c.compress(b"abcdefghijklmnopqrstuvwxyz", &mut out[..25]).is_err());
    /// ```
    pub fn compress(&mut self, input: &[u8], out: &mut [u8]) -> Result<usize, Error> {
        if input.len() > (u32::MAX - 1) as usize {
            return Err(Error::new(
                ErrorKind::Unsupported {
                    value: input.len() as u64,
                },
                0,
            )
            .in_field("Lz77"));
        }
        self.head.fill(NONE);
        let mut out = Out { buf: out, pos: 0 };
        let mut flags = Flags {
            word: 0,
            count: 0,
            at: 0,
            nibble: None,
        };
        out.put(&[0; 4])?;

        let n = input.len();
        let mut p = 0;
        // The match found at `p` when it was looked at as a lazy candidate.
        let mut pending: Option<(usize, usize)> = None;
        while p < n {
            let (len, dist) = match pending.take() {
                Some(m) => m,
                None => self.longest(input, p),
            };
            if len < MIN_MATCH {
                self.insert(input, p);
                out.put(&input[p..p + 1])?;
                flags.push(&mut out, 0)?;
                p += 1;
                continue;
            }
            // One step of lazy matching: a longer match one byte later
            // wins over this one.
            self.insert(input, p);
            if len < GOOD_MATCH && p + 1 < n {
                let next = self.longest(input, p + 1);
                if next.0 > len {
                    out.put(&input[p..p + 1])?;
                    flags.push(&mut out, 0)?;
                    p += 1;
                    pending = Some(next);
                    continue;
                }
            }
            self.emit_match(&mut out, &mut flags, len, dist)?;
            for q in p + 1..p + len {
                self.insert(input, q);
            }
            p += len;
        }

        // The end-of-stream bit, and ones in every unused flag position.
        let count = flags.count;
        let word = if count == 0 {
            u32::MAX
        } else {
            (flags.word << (32 - count)) | (u32::MAX >> count)
        };
        out.set(flags.at, &word.to_le_bytes());
        Ok(out.pos)
    }

    fn emit_match(
        &mut self,
        out: &mut Out<'_>,
        flags: &mut Flags,
        len: usize,
        dist: usize,
    ) -> Result<(), Error> {
        let k = len - MIN_MATCH;
        let base = ((dist - 1) << 3) as u16;
        if k < 7 {
            out.put(&(base | k as u16).to_le_bytes())?;
        } else {
            out.put(&(base | 7).to_le_bytes())?;
            let k = k - 7;
            let nib = k.min(15) as u8;
            match flags.nibble.take() {
                None => {
                    flags.nibble = Some(out.pos);
                    out.put(&[nib])?;
                }
                Some(at) => {
                    let low = out.buf.get(at).copied().unwrap_or(0);
                    out.set(at, &[low | (nib << 4)]);
                }
            }
            if k >= 15 {
                let k = k - 15;
                out.put(&[k.min(255) as u8])?;
                if k >= 255 {
                    // The whole length minus 3; MAX_MATCH keeps it in 16 bits.
                    out.put(&((len - 3) as u16).to_le_bytes())?;
                }
            }
        }
        flags.push(out, 1)
    }
}

/// Length of the common prefix of `input[a..]` and `input[b..]`, at most
/// `limit` (with `a < b` and `b + limit <= input.len()`).
#[inline]
fn common_prefix(input: &[u8], a: usize, b: usize, limit: usize) -> usize {
    let (Some(x), Some(y)) = (input.get(a..a + limit), input.get(b..b + limit)) else {
        return 0;
    };
    let mut n = 0;
    let mut xs = x.chunks_exact(8);
    let mut ys = y.chunks_exact(8);
    for (cx, cy) in (&mut xs).zip(&mut ys) {
        let wx = u64::from_le_bytes([cx[0], cx[1], cx[2], cx[3], cx[4], cx[5], cx[6], cx[7]]);
        let wy = u64::from_le_bytes([cy[0], cy[1], cy[2], cy[3], cy[4], cy[5], cy[6], cy[7]]);
        let d = wx ^ wy;
        if d != 0 {
            return n + (d.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + xs
        .remainder()
        .iter()
        .zip(ys.remainder())
        .take_while(|(p, q)| p == q)
        .count()
}

/// Compresses `input` into a new vector (the compressor's tables are
/// boxed, not put on the stack).
///
/// ```
/// use mapi_wire::rpc::lz77;
///
/// let data = b"abc".repeat(100);
/// let c = lz77::compress_to_vec(&data);
/// assert!(c.len() < 20);
/// assert_eq!(lz77::decompress_to_vec(&c, 300).unwrap(), data);
/// ```
#[cfg(feature = "alloc")]
pub fn compress_to_vec(input: &[u8]) -> alloc::vec::Vec<u8> {
    let mut c = alloc::boxed::Box::new(Compressor::new());
    let mut out = alloc::vec![0u8; compress_bound(input.len())];
    // compress_bound always suffices; an error cannot happen here.
    let n = c.compress(input, &mut out).unwrap_or(0);
    out.truncate(n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(data: &[u8]) -> Vec<u8> {
        let c = compress_to_vec(data);
        assert!(c.len() <= compress_bound(data.len()));
        let back = decompress_to_vec(&c, data.len()).unwrap();
        assert_eq!(back, data);
        let mut s = vec![0u8; data.len() + 10];
        assert_eq!(decompress_stream(&c, &mut s).unwrap(), data.len());
        c
    }

    #[test]
    fn xca_example_1_bytes() {
        // MS-XCA 3.1 example 1: the compressor's output is the spec's bytes.
        let c = roundtrip(b"abcdefghijklmnopqrstuvwxyz");
        let mut want = vec![0x3f, 0, 0, 0];
        want.extend_from_slice(b"abcdefghijklmnopqrstuvwxyz");
        assert_eq!(c, want);
    }

    #[test]
    fn xca_example_2_bytes() {
        // MS-XCA 3.1 example 2.
        let c = roundtrip(&b"abc".repeat(100));
        assert_eq!(
            c,
            [
                0xff, 0xff, 0xff, 0x1f, 0x61, 0x62, 0x63, 0x17, 0x00, 0x0f, 0xff, 0x26, 0x01
            ]
        );
    }

    #[test]
    fn empty_input() {
        // Construction: nothing but the end bit.
        assert_eq!(compress_to_vec(b""), [0xff, 0xff, 0xff, 0xff]);
        let mut out = [0u8; 0];
        decompress(&[0xff, 0xff, 0xff, 0xff], &mut out).unwrap();
        decompress(&[], &mut out).unwrap();
        assert_eq!(decompress_stream(&[], &mut [0u8; 4]).unwrap(), 0);
    }

    #[test]
    fn exactly_32_literals_need_a_trailing_flag_word() {
        // MS-XCA 2.3.4: the end bit needs a new flag word when the last
        // element filled one.
        let data: Vec<u8> = (0u8..32).collect();
        let c = roundtrip(&data);
        assert_eq!(c.len(), 4 + 32 + 4);
        assert_eq!(&c[..4], &[0, 0, 0, 0]);
        assert_eq!(&c[36..], &[0xff, 0xff, 0xff, 0xff]);
    }

    #[test]
    fn every_length_class_round_trips() {
        // Construction: matches of every length encoding (3..9, nibble,
        // byte, u16) and shared nibbles.
        for len in [3, 9, 10, 24, 25, 26, 279, 280, 281, 1000, 65538, 70000] {
            let mut data = b"xyz0123456789".to_vec();
            data.extend(std::iter::repeat_n(b'q', len));
            data.extend_from_slice(b"end");
            roundtrip(&data);
        }
        let mut two = Vec::new();
        for _ in 0..4 {
            two.extend_from_slice(&[b'a'; 12]);
            two.extend_from_slice(b"-|-");
        }
        roundtrip(&two);
    }

    #[test]
    fn matches_reach_back_exactly_8192() {
        // Construction: a block repeated at distance 8192 and 8193.
        let mut block: Vec<u8> = (0..8192u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
            .collect();
        block.extend_from_within(..100);
        let c = roundtrip(&block);
        assert!(c.len() < block.len());
    }

    #[test]
    fn spec_length_table() {
        // MS-OXCRPC 3.1.4.1.1.2.2.4: 280 is 111 / 1111 / 0xFF / 0x0115.
        let mut data = vec![b'a'];
        data.extend(std::iter::repeat_n(b'a', 280));
        let c = roundtrip(&data);
        // literal 'a', then match distance 1 length 280.
        assert_eq!(&c[4..], &[b'a', 0x07, 0x00, 0x0f, 0xff, 0x15, 0x01]);
    }

    #[test]
    fn metadata_0x0018_is_distance_4_length_3() {
        // MS-OXCRPC 3.1.4.1.1.2.2.3.
        let mut c = vec![0xff, 0xff, 0xff, 0x0f];
        c.extend_from_slice(b"abcd");
        c.extend_from_slice(&[0x18, 0x00]);
        let mut out = [0u8; 7];
        decompress(&c, &mut out).unwrap();
        assert_eq!(&out, b"abcdabc");
    }

    #[test]
    fn distance_before_start_is_an_error_at_the_metadata() {
        // Construction: one literal, then a match of distance 2.
        let c = [0xff, 0xff, 0xff, 0x7f, b'a', 0x08, 0x00];
        let e = decompress(&c, &mut [0u8; 4]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 2 });
        assert_eq!(e.offset(), 5);
        assert_eq!(e.path().to_string(), "Lz77.Distance");
    }

    #[test]
    fn match_past_size_actual_is_an_error() {
        let c = [0xff, 0xff, 0xff, 0x7f, b'a', 0x00, 0x00];
        let e = decompress(&c, &mut [0u8; 3]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::LimitExceeded { value: 4, limit: 3 });
        assert_eq!(e.offset(), 5);
    }

    #[test]
    fn old_encoder_trailing_bits_are_ignored_once_full() {
        // Samba's "oldversion" shape: flag bits and bytes after SizeActual.
        let mut c = vec![0x00, 0x00, 0x00, 0x00];
        c.extend_from_slice(b"abcd\0\0\0\0");
        let mut out = [0u8; 4];
        decompress(&c, &mut out).unwrap();
        assert_eq!(&out, b"abcd");
    }

    #[test]
    fn u32_length_form_is_read() {
        // MS-XCA 2.4.4: u16 0 then u32 length (here 300 - 3).
        let mut c = vec![0xff, 0xff, 0xff, 0x7f, b'z'];
        c.extend_from_slice(&[0x07, 0x00, 0x0f, 0xff, 0x00, 0x00]);
        c.extend_from_slice(&297u32.to_le_bytes());
        let mut out = [0u8; 301];
        decompress(&c, &mut out).unwrap();
        assert!(out.iter().all(|&b| b == b'z'));
        // Values below 22 cannot be produced by an encoder.
        let mut bad = c.clone();
        bad[11..15].copy_from_slice(&3u32.to_le_bytes());
        assert!(decompress(&bad, &mut out).is_err());
    }
}
