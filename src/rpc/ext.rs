//! Extended buffers: RPC_HEADER_EXT and the chains of header + payload
//! pairs that make up `rgbIn`/`rgbOut` (MS-OXCRPC 2.2.2.1, 3.1.4.1.1,
//! 3.1.4.2.1).

use super::lz77::{self, Compressor};
use super::{XOR_MAGIC, xor_magic};
use crate::wire::{Decode, Encode, Error, ErrorKind, Fixed, Limits, Reader, ResultExt, Sink};

crate::wire_flags! {
    /// The Flags of an RPC_HEADER_EXT (MS-OXCRPC 2.2.2.1). Other bits are
    /// not defined; they are kept as sent.
    pub struct ExtFlags: u16 {
        /// Compressed: the payload is LZ77 + DIRECT2 compressed; SizeActual
        /// is its size once decompressed and Size must be smaller.
        const COMPRESSED = 0x0001;
        /// XorMagic: every payload byte is XORed with 0xA5.
        const XOR_MAGIC = 0x0002;
        /// Last: no RPC_HEADER_EXT follows this one's payload.
        const LAST = 0x0004;
    }
}

crate::wire_struct! {
    /// RPC_HEADER_EXT (MS-OXCRPC 2.2.2.1): the 8-byte header in front of
    /// every extended-buffer payload.
    ///
    /// Version must be 0. Size is the byte length of the payload as sent
    /// (after compression and obfuscation); SizeActual its length once
    /// decompressed, equal to Size unless Compressed is set, in which case
    /// Size must be less than SizeActual. The chain decoders check all of
    /// this; decoding the header alone keeps whatever it holds.
    ///
    /// ```
    /// use mapi_wire::rpc::{ExtFlags, RpcHeaderExt};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // MS-OXCRPC 4.2: the rgbIn header, Last, 0x0152 bytes, not
    /// // compressed or obfuscated.
    /// let bytes = [0x00, 0x00, 0x04, 0x00, 0x52, 0x01, 0x52, 0x01];
    /// let (h, _) = RpcHeaderExt::decode(&bytes).unwrap();
    /// assert_eq!(h.flags, ExtFlags::LAST);
    /// assert_eq!((h.size, h.size_actual), (0x0152, 0x0152));
    /// assert_eq!(h.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct RpcHeaderExt {
        /// Version: 0x0000.
        pub version: u16,
        /// Flags.
        pub flags: ExtFlags,
        /// Size: bytes of payload that follow, as sent.
        pub size: u16,
        /// SizeActual: bytes of payload once decompressed.
        pub size_actual: u16,
    }
}

impl Fixed for RpcHeaderExt {
    const SIZE: usize = 8;
}

impl RpcHeaderExt {
    /// The encoded size of the header.
    pub const LEN: usize = 8;

    /// A version-0 header.
    pub const fn new(flags: ExtFlags, size: u16, size_actual: u16) -> Self {
        RpcHeaderExt {
            version: 0,
            flags,
            size,
            size_actual,
        }
    }

    /// True when the Last flag is set.
    pub const fn is_last(&self) -> bool {
        self.flags.contains(ExtFlags::LAST)
    }

    /// Checks the header at absolute offset `at` against the rules of
    /// MS-OXCRPC 2.2.2.1, the bytes that remain after it, and a cap on
    /// SizeActual; checked before any payload byte is touched.
    fn check(&self, at: usize, remaining: usize, max_actual: usize) -> Result<(), Error> {
        if self.version != 0 {
            return Err(Error::new(
                ErrorKind::InvalidValue {
                    value: u64::from(self.version),
                },
                at,
            )
            .in_field("version"));
        }
        let compressed = self.flags.contains(ExtFlags::COMPRESSED);
        if (compressed && self.size >= self.size_actual)
            || (!compressed && self.size != self.size_actual)
        {
            return Err(Error::new(
                ErrorKind::InvalidValue {
                    value: u64::from(self.size_actual),
                },
                at + 6,
            )
            .in_field("size_actual"));
        }
        if usize::from(self.size_actual) > max_actual {
            return Err(Error::new(
                ErrorKind::limit_exceeded(usize::from(self.size_actual), max_actual),
                at + 6,
            )
            .in_field("size_actual"));
        }
        if usize::from(self.size) > remaining {
            return Err(Error::new(
                ErrorKind::truncated(usize::from(self.size), remaining),
                at + Self::LEN,
            )
            .in_field("payload"));
        }
        Ok(())
    }
}

/// One extended buffer: an RPC_HEADER_EXT and its payload as sent,
/// borrowed from the input.
///
/// ```
/// use mapi_wire::rpc::{ExtChain, ExtFlags};
/// use mapi_wire::wire::Decode;
///
/// // An obfuscated, uncompressed empty ROP buffer (RopSize 2).
/// let bytes = [0x00, 0x00, 0x06, 0x00, 0x02, 0x00, 0x02, 0x00, 0xA7, 0xA5];
/// let (chain, _) = ExtChain::decode(&bytes).unwrap();
/// let b = chain.iter().next().unwrap();
/// assert_eq!(b.header.flags, ExtFlags::XOR_MAGIC | ExtFlags::LAST);
/// assert_eq!(b.payload, &[0xA7, 0xA5]);
/// assert_eq!(b.plain(), None); // obfuscated: it must be copied
/// let mut buf = [0u8; 8];
/// assert_eq!(b.plain_into(&mut buf).unwrap(), &[0x02, 0x00]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExtBuffer<'a> {
    /// The header.
    pub header: RpcHeaderExt,
    /// The payload as sent (Size bytes).
    pub payload: &'a [u8],
    /// Absolute offset of the payload in the outermost input.
    offset: usize,
}

impl<'a> ExtBuffer<'a> {
    /// A buffer over a payload, for callers that frame payloads themselves.
    /// The header is not checked here; the chain decoders check it.
    pub const fn new(header: RpcHeaderExt, payload: &'a [u8]) -> Self {
        ExtBuffer {
            header,
            payload,
            offset: 0,
        }
    }

    /// Absolute offset of the payload in the input it was decoded from.
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// True when the payload is compressed or obfuscated, so that its plain
    /// bytes must be copied out.
    pub const fn is_transformed(&self) -> bool {
        self.header
            .flags
            .intersects(ExtFlags::COMPRESSED.union(ExtFlags::XOR_MAGIC))
    }

    /// The plain payload, borrowed, when it is neither compressed nor
    /// obfuscated.
    pub const fn plain(&self) -> Option<&'a [u8]> {
        if self.is_transformed() {
            None
        } else {
            Some(self.payload)
        }
    }

    /// Writes the plain payload (SizeActual bytes) to the start of `buf`
    /// and returns it: un-XORs and decompresses as the flags say (XorMagic
    /// is undone first, MS-OXCRPC 3.1.4.1.1.1.1). `buf` must hold SizeActual
    /// bytes; 32 KiB always suffices for a checked chain. Error offsets
    /// point into the payload as sent.
    pub fn plain_into<'b>(&self, buf: &'b mut [u8]) -> Result<&'b [u8], Error> {
        let n = usize::from(self.header.size_actual);
        let room = buf.len();
        let Some(out) = buf.get_mut(..n) else {
            return Err(Error::new(ErrorKind::sink_full(n, room), self.offset));
        };
        let key = if self.header.flags.contains(ExtFlags::XOR_MAGIC) {
            XOR_MAGIC
        } else {
            0
        };
        if self.header.flags.contains(ExtFlags::COMPRESSED) {
            lz77::decompress_keyed(self.payload, out, key)
                .map_err(|e| e.shifted(self.offset).in_field("payload"))?;
        } else {
            let Some(src) = self.payload.get(..n) else {
                return Err(
                    Error::new(ErrorKind::truncated(n, self.payload.len()), self.offset)
                        .in_field("payload"),
                );
            };
            out.copy_from_slice(src);
            if key != 0 {
                xor_magic(out);
            }
        }
        Ok(out)
    }

    /// [`plain_into`](Self::plain_into) into a `heapless::Vec`, which is
    /// cleared first and holds SizeActual bytes after.
    pub fn plain_into_heapless<const N: usize>(
        &self,
        v: &mut heapless::Vec<u8, N>,
    ) -> Result<(), Error> {
        let n = usize::from(self.header.size_actual);
        v.clear();
        if v.resize(n, 0).is_err() {
            return Err(Error::new(ErrorKind::sink_full(n, N), self.offset));
        }
        match self.plain_into(v.as_mut_slice()) {
            Ok(_) => Ok(()),
            Err(e) => {
                v.clear();
                Err(e)
            }
        }
    }

    /// The plain payload: borrowed when it needs no transformation, else
    /// copied into a new vector.
    #[cfg(feature = "alloc")]
    pub fn to_plain(&self) -> Result<alloc::borrow::Cow<'a, [u8]>, Error> {
        match self.plain() {
            Some(p) => Ok(alloc::borrow::Cow::Borrowed(p)),
            None => {
                let mut v = alloc::vec![0u8; usize::from(self.header.size_actual)];
                self.plain_into(&mut v)?;
                Ok(alloc::borrow::Cow::Owned(v))
            }
        }
    }
}

/// Reads one header + payload at the reader's position and checks it.
pub(super) fn read_buffer<'a>(
    r: &mut Reader<'a>,
    max_actual: usize,
) -> Result<ExtBuffer<'a>, Error> {
    let at = r.offset();
    let header = RpcHeaderExt::decode_from(r, ()).in_field("header")?;
    header
        .check(at, r.remaining(), max_actual)
        .in_field("header")?;
    let offset = r.offset();
    let payload = r.bytes(usize::from(header.size)).in_field("payload")?;
    Ok(ExtBuffer {
        header,
        payload,
        offset,
    })
}

/// The SizeActual cap for a ROP payload under `limits`: 32 KiB of ROP data
/// (MS-OXCRPC 3.1.4.2.1.1), and the decompression cap for compressed ones.
fn rop_cap(limits: &Limits, compressed: bool) -> usize {
    if compressed {
        limits.max_rop_buffer.min(limits.max_decompressed)
    } else {
        limits.max_rop_buffer
    }
}

/// A chain of extended buffers, as in the Execute `RopBuffer` of a request
/// or a response (MS-OXCRPC 3.1.4.2.1.1): one or more RPC_HEADER_EXT +
/// payload pairs, the last with the Last flag. A zero-copy view: decoding
/// checks every header (version 0, Size against SizeActual and the Compressed
/// flag, SizeActual against [`Limits::max_rop_buffer`] and
/// [`Limits::max_decompressed`], Size against the bytes present) without
/// copying or decompressing anything, and keeps the bytes.
///
/// Each buffer is decoded from its own flags alone (compression and
/// obfuscation may differ from one buffer to the next). Encoding writes the
/// bytes back unchanged.
///
/// ```
/// use mapi_wire::rpc::ExtChain;
/// use mapi_wire::wire::{Decode, Encode};
///
/// // Two buffers (construction): the first without Last, the second with.
/// let bytes = [
///     0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x02, 0x00, 0x02, 0x00,
///     0x00, 0x00, 0x04, 0x00, 0x02, 0x00, 0x02, 0x00, 0x02, 0x00,
/// ];
/// let (chain, rest) = ExtChain::decode(&bytes).unwrap();
/// assert!(rest.is_empty());
/// assert_eq!(chain.len(), 2);
/// let plain: Vec<_> = chain.iter().map(|b| b.plain().unwrap()).collect();
/// assert_eq!(plain, [&[2, 0][..], &[2, 0][..]]);
/// assert_eq!(chain.to_vec().unwrap(), bytes);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExtChain<'a> {
    bytes: &'a [u8],
    offset: usize,
    count: usize,
}

impl<'a> ExtChain<'a> {
    /// Number of extended buffers.
    pub const fn len(&self) -> usize {
        self.count
    }

    /// Always false for a decoded chain (it has at least one buffer).
    pub const fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The validated bytes of the chain.
    pub const fn wire_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The buffers in order.
    pub fn iter(&self) -> ExtChainIter<'a> {
        ExtChainIter {
            r: Reader::at_offset(self.bytes, self.offset, Limits::REVISIT),
            left: self.count,
        }
    }

    /// The sum of the SizeActual fields: the room needed for every plain
    /// payload.
    pub fn total_size_actual(&self) -> usize {
        self.iter().map(|b| usize::from(b.header.size_actual)).sum()
    }
}

impl<'a> IntoIterator for &ExtChain<'a> {
    type Item = ExtBuffer<'a>;
    type IntoIter = ExtChainIter<'a>;
    fn into_iter(self) -> ExtChainIter<'a> {
        self.iter()
    }
}

/// The buffers of an [`ExtChain`].
#[derive(Clone, Debug)]
pub struct ExtChainIter<'a> {
    r: Reader<'a>,
    left: usize,
}

impl<'a> Iterator for ExtChainIter<'a> {
    type Item = ExtBuffer<'a>;
    fn next(&mut self) -> Option<ExtBuffer<'a>> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        // Checked when the chain was decoded; cannot fail.
        read_buffer(&mut self.r, usize::MAX).ok()
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for ExtChainIter<'_> {}

impl<'a> Decode<'a> for ExtChain<'a> {
    type Ctx = ();
    const NAME: &'static str = "ExtendedBuffers";
    const MIN_LEN: usize = RpcHeaderExt::LEN;

    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        let start = r.peek_rest();
        let offset = r.offset();
        let before = r.remaining();
        let limits = *r.limits();
        let mut count = 0;
        loop {
            let compressed = r
                .peek_rest()
                .get(2)
                .is_some_and(|f| f & ExtFlags::COMPRESSED.bits() as u8 != 0);
            let b = read_buffer(r, rop_cap(&limits, compressed)).at_index(count)?;
            count += 1;
            if b.header.is_last() {
                break;
            }
        }
        let used = before - r.remaining();
        Ok(ExtChain {
            bytes: start.get(..used).unwrap_or(&[]),
            offset,
            count,
        })
    }
}

impl Encode for ExtChain<'_> {
    type Ctx = ();
    fn encoded_len_with(&self, _: ()) -> usize {
        self.bytes.len()
    }
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        s.put(self.bytes)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ExtBuffer<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("ExtBuffer", 2)?;
        st.serialize_field("header", &self.header)?;
        st.serialize_field("payload", &crate::wire::HexStr(self.payload))?;
        st.end()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ExtChain<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// How [`BufferEncoder`] and the chain builders treat each payload.
///
/// ```
/// use mapi_wire::rpc::PayloadOptions;
///
/// let o = PayloadOptions { compress: true, ..PayloadOptions::PLAIN };
/// assert!(o.compress && !o.xor_magic);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct PayloadOptions {
    /// Compress the payload when that makes it smaller (MS-OXCRPC 2.2.2.1
    /// requires Size < SizeActual for a compressed payload; a payload that
    /// does not shrink is sent plain).
    pub compress: bool,
    /// Obfuscate the payload with XorMagic (after compression).
    pub xor_magic: bool,
}

impl PayloadOptions {
    /// Neither compressed nor obfuscated.
    pub const PLAIN: PayloadOptions = PayloadOptions {
        compress: false,
        xor_magic: false,
    };
    /// Compressed where that helps, and obfuscated: what Outlook and
    /// Exchange send unless the Execute Flags say NoCompression/NoXorMagic.
    pub const DEFAULT: PayloadOptions = PayloadOptions {
        compress: true,
        xor_magic: true,
    };
}

/// Writes extended buffers without allocating: the caller lends a
/// [`Compressor`] and a scratch buffer for the compressed bytes (a payload
/// is compressed only if its compressed form fits in the scratch and is
/// smaller than the payload, so a scratch of 32 KiB always suffices).
///
/// ```
/// use mapi_wire::rpc::lz77::Compressor;
/// use mapi_wire::rpc::{BufferEncoder, ExtChain, ExtFlags, PayloadOptions};
/// use mapi_wire::wire::{Decode, SliceSink};
///
/// let mut compressor = Compressor::new();
/// let mut scratch = [0u8; 1024];
/// let mut enc = BufferEncoder::new(&mut compressor, &mut scratch);
/// let payload = [0x41u8; 200];
/// let mut out = [0u8; 256];
/// let mut sink = SliceSink::new(&mut out);
/// let h = enc.write(&mut sink, &payload, PayloadOptions::DEFAULT, true).unwrap();
/// assert_eq!(h.flags, ExtFlags::COMPRESSED | ExtFlags::XOR_MAGIC | ExtFlags::LAST);
/// assert!(h.size < h.size_actual);
///
/// let (chain, _) = ExtChain::decode(sink.written()).unwrap();
/// let mut plain = [0u8; 200];
/// assert_eq!(chain.iter().next().unwrap().plain_into(&mut plain).unwrap(), &payload[..]);
/// ```
#[derive(Debug)]
pub struct BufferEncoder<'s> {
    compressor: &'s mut Compressor,
    scratch: &'s mut [u8],
}

impl<'s> BufferEncoder<'s> {
    /// An encoder that compresses with `compressor` into `scratch`.
    pub fn new(compressor: &'s mut Compressor, scratch: &'s mut [u8]) -> Self {
        BufferEncoder {
            compressor,
            scratch,
        }
    }

    /// Writes RPC_HEADER_EXT + payload to `sink` and returns the header.
    /// Fails with [`ErrorKind::Unencodable`] for a payload longer than
    /// 65535 bytes (Size is 16 bits).
    pub fn write<S: Sink + ?Sized>(
        &mut self,
        sink: &mut S,
        payload: &[u8],
        opts: PayloadOptions,
        last: bool,
    ) -> Result<RpcHeaderExt, Error> {
        let Ok(size_actual) = u16::try_from(payload.len()) else {
            return Err(Error::new(
                ErrorKind::Unencodable {
                    value: payload.len() as u64,
                },
                sink.position(),
            )
            .in_field("RpcHeaderExt"));
        };
        let mut flags = ExtFlags::empty();
        if last {
            flags |= ExtFlags::LAST;
        }
        if opts.xor_magic {
            flags |= ExtFlags::XOR_MAGIC;
        }
        let mut compressed_len = None;
        if opts.compress && !payload.is_empty() {
            // Only a strictly smaller output is worth sending.
            let room = self.scratch.len().min(payload.len() - 1);
            if let Some(dst) = self.scratch.get_mut(..room)
                && let Ok(n) = self.compressor.compress(payload, dst)
            {
                compressed_len = Some(n);
            }
        }
        match compressed_len {
            Some(n) => {
                flags |= ExtFlags::COMPRESSED;
                let header = RpcHeaderExt::new(flags, n as u16, size_actual);
                header.encode(sink)?;
                let body = self.scratch.get_mut(..n).unwrap_or(&mut []);
                if opts.xor_magic {
                    xor_magic(body);
                }
                sink.put(body)?;
                Ok(header)
            }
            None => {
                let header = RpcHeaderExt::new(flags, size_actual, size_actual);
                header.encode(sink)?;
                if opts.xor_magic {
                    let mut chunk = [0u8; 256];
                    for part in payload.chunks(chunk.len()) {
                        let c = chunk.get_mut(..part.len()).unwrap_or(&mut []);
                        c.copy_from_slice(part);
                        xor_magic(c);
                        sink.put(c)?;
                    }
                } else {
                    sink.put(payload)?;
                }
                Ok(header)
            }
        }
    }
}

#[cfg(feature = "alloc")]
mod alloc_impl {
    use super::*;
    use alloc::borrow::Cow;
    use alloc::boxed::Box;
    use alloc::vec::Vec;

    /// One buffer of a [`DecodedChain`]: the header, the payload as sent,
    /// and its plain bytes.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct DecodedBuffer<'a> {
        /// The header.
        pub header: RpcHeaderExt,
        /// The payload as sent, re-emitted verbatim on encoding.
        pub wire: &'a [u8],
        /// The plain payload: borrowed when it was sent plain, decompressed
        /// and/or de-obfuscated otherwise.
        pub payload: Cow<'a, [u8]>,
    }

    /// A chain of extended buffers with every payload's plain bytes
    /// (MS-OXCRPC 3.1.4.2.1.1). Decoding checks the chain as [`ExtChain`]
    /// does, then decompresses and de-obfuscates each payload, so every
    /// error is found. The total of the SizeActual fields is capped at 96
    /// payloads of [`Limits::max_rop_buffer`] (MS-OXCRPC 3.1.4.2.1.2.2
    /// allows at most 96 buffers in `rgbOut`) before anything is copied.
    ///
    /// Encoding writes each header and its payload *as sent*, so decode →
    /// encode is exact even for compressed payloads (two valid compressors
    /// need not agree byte for byte).
    ///
    /// ```
    /// use mapi_wire::rpc::{DecodedChain, InputChainBuilder, PayloadOptions};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let rops = [0x41u8; 500];
    /// let mut b = InputChainBuilder::new(PayloadOptions::DEFAULT);
    /// b.push(&rops).unwrap();
    /// let bytes = b.finish().unwrap();
    /// let chain = DecodedChain::decode_exact(&bytes, ()).unwrap();
    /// assert_eq!(chain.buffers[0].payload.as_ref(), &rops[..]);
    /// assert_eq!(chain.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct DecodedChain<'a> {
        /// The buffers in order.
        pub buffers: Vec<DecodedBuffer<'a>>,
    }

    impl<'a> Decode<'a> for DecodedChain<'a> {
        type Ctx = ();
        const NAME: &'static str = "ExtendedBuffers";
        const MIN_LEN: usize = RpcHeaderExt::LEN;

        fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
            let at = r.offset();
            let max_total = r.limits().max_rop_buffer.saturating_mul(96);
            let chain = ExtChain::decode_from(r, ())?;
            let total = chain.total_size_actual();
            if total > max_total {
                return Err(Error::new(ErrorKind::limit_exceeded(total, max_total), at));
            }
            let mut buffers = Vec::with_capacity(chain.len());
            for (i, b) in chain.iter().enumerate() {
                let payload = b.to_plain().at_index(i)?;
                buffers.push(DecodedBuffer {
                    header: b.header,
                    wire: b.payload,
                    payload,
                });
            }
            Ok(DecodedChain { buffers })
        }
    }

    impl DecodedChain<'_> {
        /// Encodes the chain again from the plain payloads, with each
        /// buffer's flags (a payload that was compressed is compressed by
        /// `encoder`, where that still makes it smaller), instead of
        /// re-emitting the payloads as sent as [`Encode`] does. The bytes
        /// may differ from the input (compressors need not agree); the
        /// decompressed content does not.
        ///
        /// ```
        /// use mapi_wire::rpc::lz77::Compressor;
        /// use mapi_wire::rpc::{BufferEncoder, DecodedChain};
        /// use mapi_wire::wire::Decode;
        ///
        /// // "abc" × 10 compressed as "abc" and nine 3-byte matches
        /// // (construction); our compressor finds one 27-byte match.
        /// let mut bytes = vec![0x00, 0x00, 0x05, 0x00, 0x19, 0x00, 0x1e, 0x00,
        ///     0xff, 0xff, 0xff, 0x1f, b'a', b'b', b'c'];
        /// bytes.extend([0x10, 0x00].repeat(9));
        /// let chain = DecodedChain::decode_exact(&bytes, ()).unwrap();
        /// let (mut c, mut scratch) = (Compressor::new(), [0u8; 64]);
        /// let mut out = Vec::new();
        /// chain.encode_fresh(&mut out, &mut BufferEncoder::new(&mut c, &mut scratch)).unwrap();
        /// assert!(out.len() < bytes.len());
        /// let again = DecodedChain::decode_exact(&out, ()).unwrap();
        /// assert_eq!(again.buffers[0].payload, chain.buffers[0].payload);
        /// ```
        pub fn encode_fresh<S: Sink + ?Sized>(
            &self,
            sink: &mut S,
            encoder: &mut BufferEncoder<'_>,
        ) -> Result<(), Error> {
            for b in &self.buffers {
                let opts = PayloadOptions {
                    compress: b.header.flags.contains(ExtFlags::COMPRESSED),
                    xor_magic: b.header.flags.contains(ExtFlags::XOR_MAGIC),
                };
                encoder.write(sink, &b.payload, opts, b.header.is_last())?;
            }
            Ok(())
        }
    }

    impl Encode for DecodedChain<'_> {
        type Ctx = ();
        fn encoded_len_with(&self, _: ()) -> usize {
            self.buffers
                .iter()
                .map(|b| RpcHeaderExt::LEN + b.wire.len())
                .sum()
        }
        fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
            for b in &self.buffers {
                b.header.encode(s)?;
                s.put(b.wire)?;
            }
            Ok(())
        }
    }

    #[cfg(feature = "serde")]
    impl serde::Serialize for DecodedBuffer<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeStruct;
            let transformed = self
                .header
                .flags
                .intersects(ExtFlags::COMPRESSED | ExtFlags::XOR_MAGIC);
            let mut st = s.serialize_struct("ExtBuffer", 3)?;
            st.serialize_field("header", &self.header)?;
            // ROP buffers are shown as hex until the ROP layer decodes them.
            st.serialize_field("payload", &crate::wire::HexStr(&self.payload))?;
            if transformed {
                st.serialize_field("wire", &crate::wire::HexStr(self.wire))?;
            } else {
                st.skip_field("wire")?;
            }
            st.end()
        }
    }

    #[cfg(feature = "serde")]
    impl serde::Serialize for DecodedChain<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeStruct;
            let mut st = s.serialize_struct("ExtendedBuffers", 1)?;
            st.serialize_field("buffers", &self.buffers)?;
            st.end()
        }
    }

    /// Owns what [`BufferEncoder`] borrows.
    struct OwnedEncoder {
        compressor: Box<Compressor>,
        scratch: Vec<u8>,
    }

    impl OwnedEncoder {
        fn new() -> Self {
            OwnedEncoder {
                compressor: Box::new(Compressor::new()),
                scratch: alloc::vec![0u8; 0x1_0000],
            }
        }

        fn write(
            &mut self,
            out: &mut Vec<u8>,
            payload: &[u8],
            opts: PayloadOptions,
        ) -> Result<RpcHeaderExt, Error> {
            BufferEncoder::new(&mut self.compressor, &mut self.scratch)
                .write(out, payload, opts, false)
        }
    }

    /// Sets the Last flag of the header at `at` in `out`.
    fn set_last(out: &mut [u8], at: usize) {
        if let Some(f) = out.get_mut(at + 2) {
            *f |= ExtFlags::LAST.bits() as u8;
        }
    }

    /// The ROPs that MS-OXCRPC 3.1.4.2.1.2.1 allows in the additional
    /// buffers of a packed request, each under its own server capability.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum PackedRop {
        /// RopWriteStreamExtended (0xA3), allowed when the server sent
        /// PACKED_WRITE_STREAM_UPLOAD_BUFFERS.
        WriteStreamExtended,
        /// RopFastTransferDestinationPutBuffer (0x54) or
        /// RopFastTransferDestinationPutBufferExtended (0x9D), allowed when
        /// the server sent PACKED_FAST_TRANSFER_UPLOAD_BUFFERS.
        FastTransferPutBuffer,
    }

    impl PackedRop {
        /// Which packable ROP a ROP input buffer holds: exactly one ROP
        /// (RopSize covering RopId, LogonId, InputHandleIndex, a u16 size
        /// and that many bytes; MS-OXCROPS 2.2.1, 2.2.9.4, 2.2.12.2,
        /// 2.2.12.3) followed by its handle table. `None` for any other
        /// buffer.
        ///
        /// ```
        /// use mapi_wire::rpc::PackedRop;
        ///
        /// // RopSize 9: RopWriteStreamExtended with 2 data bytes, one handle.
        /// let b = [0x09, 0x00, 0xA3, 0x00, 0x00, 0x02, 0x00, 0xAA, 0xBB, 1, 0, 0, 0];
        /// assert_eq!(PackedRop::of(&b), Some(PackedRop::WriteStreamExtended));
        /// assert_eq!(PackedRop::of(&b[..8]), None);
        /// ```
        pub fn of(rop_buffer: &[u8]) -> Option<PackedRop> {
            let mut r = Reader::new(rop_buffer);
            let rop_size = usize::from(r.u16().ok()?);
            let rop_id = r.u8().ok()?;
            r.bytes(2).ok()?;
            let data_size = usize::from(r.u16().ok()?);
            let handles = rop_buffer.len().checked_sub(rop_size)?;
            if rop_size != 2 + 5 + data_size || handles % 4 != 0 {
                return None;
            }
            match rop_id {
                0xA3 => Some(PackedRop::WriteStreamExtended),
                0x54 | 0x9D => Some(PackedRop::FastTransferPutBuffer),
                _ => None,
            }
        }

        fn capability(self) -> super::super::ServerCapabilityFlags {
            match self {
                PackedRop::WriteStreamExtended => {
                    super::super::ServerCapabilityFlags::PACKED_WRITE_STREAM_UPLOAD_BUFFERS
                }
                PackedRop::FastTransferPutBuffer => {
                    super::super::ServerCapabilityFlags::PACKED_FAST_TRANSFER_UPLOAD_BUFFERS
                }
            }
        }
    }

    /// Builds the `rgbIn` chain of an Execute request (MS-OXCRPC
    /// 3.1.4.2.1.1.1, 3.1.4.2.1.2.1): the first payload holds the ROP
    /// requests; further payloads are packed only where the server allows
    /// it, each holding a single RopWriteStreamExtended or
    /// RopFastTransferDestinationPutBuffer(Extended) whose capability the
    /// server advertised in AUX_SERVER_CAPABILITIES. Every payload is at
    /// most [`Limits::max_rop_buffer`] (32 KiB); the last header gets the
    /// Last flag.
    ///
    /// ```
    /// use mapi_wire::rpc::{ExtChain, InputChainBuilder, PayloadOptions, ServerCapabilityFlags};
    /// use mapi_wire::wire::Decode;
    ///
    /// let first = [0x02, 0x00]; // an empty ROP request buffer
    /// let put = [0x09, 0x00, 0xA3, 0x00, 0x00, 0x02, 0x00, 0xAA, 0xBB, 1, 0, 0, 0];
    /// let mut b = InputChainBuilder::new(PayloadOptions::PLAIN);
    /// b.push(&first).unwrap();
    /// assert!(b.push(&put).is_err()); // the server has not allowed packing
    ///
    /// let mut b = InputChainBuilder::new(PayloadOptions::PLAIN)
    ///     .with_capabilities(ServerCapabilityFlags::PACKED_WRITE_STREAM_UPLOAD_BUFFERS);
    /// b.push(&first).unwrap();
    /// b.push(&put).unwrap();
    /// let bytes = b.finish().unwrap();
    /// let (chain, _) = ExtChain::decode(&bytes).unwrap();
    /// assert_eq!(chain.len(), 2);
    /// ```
    pub struct InputChainBuilder {
        opts: PayloadOptions,
        caps: super::super::ServerCapabilityFlags,
        limits: Limits,
        enc: OwnedEncoder,
        out: Vec<u8>,
        last_header: Option<usize>,
        count: usize,
    }

    impl core::fmt::Debug for InputChainBuilder {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.debug_struct("InputChainBuilder")
                .field("opts", &self.opts)
                .field("caps", &self.caps)
                .field("len", &self.out.len())
                .finish()
        }
    }

    impl InputChainBuilder {
        /// A builder whose server has advertised no packing capability.
        pub fn new(opts: PayloadOptions) -> Self {
            InputChainBuilder {
                opts,
                caps: super::super::ServerCapabilityFlags::empty(),
                limits: Limits::DEFAULT,
                enc: OwnedEncoder::new(),
                out: Vec::new(),
                last_header: None,
                count: 0,
            }
        }

        /// The server's capabilities (from AUX_SERVER_CAPABILITIES).
        #[must_use]
        pub fn with_capabilities(mut self, caps: super::super::ServerCapabilityFlags) -> Self {
            self.caps = caps;
            self
        }

        /// Other limits (the 32 KiB payload cap is `max_rop_buffer`).
        #[must_use]
        pub fn with_limits(mut self, limits: Limits) -> Self {
            self.limits = limits;
            self
        }

        /// Adds one ROP input buffer as one extended buffer. The first is
        /// always allowed; later ones must be packable (see the type's
        /// documentation), else [`ErrorKind::Unencodable`] (value: the
        /// buffer's index). A buffer above the payload cap is
        /// [`ErrorKind::LimitExceeded`].
        pub fn push(&mut self, rop_buffer: &[u8]) -> Result<(), Error> {
            let index = self.count;
            if rop_buffer.len() > self.limits.max_rop_buffer {
                return Err(Error::new(
                    ErrorKind::limit_exceeded(rop_buffer.len(), self.limits.max_rop_buffer),
                    self.out.len(),
                ));
            }
            if index > 0 {
                let allowed =
                    PackedRop::of(rop_buffer).is_some_and(|k| self.caps.contains(k.capability()));
                if !allowed {
                    return Err(Error::new(
                        ErrorKind::Unencodable {
                            value: index as u64,
                        },
                        self.out.len(),
                    ));
                }
            }
            let at = self.out.len();
            self.enc.write(&mut self.out, rop_buffer, self.opts)?;
            self.last_header = Some(at);
            self.count += 1;
            Ok(())
        }

        /// The chain's bytes, with Last set on the final header. Fails with
        /// [`ErrorKind::Unencodable`] if nothing was pushed.
        pub fn finish(mut self) -> Result<Vec<u8>, Error> {
            let Some(at) = self.last_header else {
                return Err(Error::new(ErrorKind::Unencodable { value: 0 }, 0));
            };
            set_last(&mut self.out, at);
            Ok(self.out)
        }
    }

    /// Builds the `rgbOut` chain of an Execute response (MS-OXCRPC
    /// 3.1.4.2.1.1.2, 3.1.4.2.1.2.2): each pushed ROP output buffer (at
    /// most [`Limits::max_rop_buffer`], 32 KiB) becomes one extended
    /// buffer, as long as the whole chain, headers included, stays within
    /// the client's MaxRopOut (`pcbOut`) and holds at most 96 buffers.
    /// A ROP output buffer cannot be cut at an arbitrary byte, so a
    /// response larger than one payload is given as several complete
    /// buffers (for a chained RopQueryRows, RopReadStream or
    /// RopFastTransferSourceGetBuffer, each as if the last ROP had been
    /// sent again); [`remaining`](Self::remaining) tells the server how much
    /// room is left for the next one.
    ///
    /// ```
    /// use mapi_wire::rpc::{DecodedChain, OutputChainBuilder, PayloadOptions};
    /// use mapi_wire::wire::Decode;
    ///
    /// let mut b = OutputChainBuilder::new(0x8008 + 0x100, PayloadOptions::PLAIN);
    /// b.push(&[0x55; 0x8000]).unwrap();
    /// assert_eq!(b.remaining(), 0x100);
    /// assert!(b.push(&[0x66; 0x100]).is_err()); // 0x108 bytes would not fit
    /// b.push(&[0x66; 0xF8]).unwrap();
    /// let bytes = b.finish().unwrap();
    /// assert_eq!(bytes.len(), 0x8108);
    /// let chain = DecodedChain::decode_exact(&bytes, ()).unwrap();
    /// assert_eq!(chain.buffers.len(), 2);
    /// assert!(chain.buffers[1].header.is_last());
    /// ```
    pub struct OutputChainBuilder {
        opts: PayloadOptions,
        max_rop_out: usize,
        limits: Limits,
        enc: OwnedEncoder,
        out: Vec<u8>,
        last_header: Option<usize>,
        count: usize,
    }

    impl core::fmt::Debug for OutputChainBuilder {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.debug_struct("OutputChainBuilder")
                .field("opts", &self.opts)
                .field("max_rop_out", &self.max_rop_out)
                .field("len", &self.out.len())
                .field("count", &self.count)
                .finish()
        }
    }

    impl OutputChainBuilder {
        /// The most extended buffers one `rgbOut` may hold (MS-OXCRPC
        /// 3.1.4.2.1.2.2).
        pub const MAX_BUFFERS: usize = 96;

        /// A builder for a response whose whole RopBuffer may take
        /// `max_rop_out` bytes.
        pub fn new(max_rop_out: usize, opts: PayloadOptions) -> Self {
            OutputChainBuilder {
                opts,
                max_rop_out,
                limits: Limits::DEFAULT,
                enc: OwnedEncoder::new(),
                out: Vec::new(),
                last_header: None,
                count: 0,
            }
        }

        /// Other limits (the 32 KiB payload cap is `max_rop_buffer`).
        #[must_use]
        pub fn with_limits(mut self, limits: Limits) -> Self {
            self.limits = limits;
            self
        }

        /// Bytes of MaxRopOut not yet used.
        pub fn remaining(&self) -> usize {
            self.max_rop_out.saturating_sub(self.out.len())
        }

        /// Number of buffers so far.
        pub fn len(&self) -> usize {
            self.count
        }

        /// True before the first push.
        pub fn is_empty(&self) -> bool {
            self.count == 0
        }

        /// Adds one ROP output buffer. Fails with
        /// [`ErrorKind::LimitExceeded`], leaving the chain as it was, when
        /// the buffer is above the payload cap, when 96 buffers are already
        /// there, or when its encoding would not fit in what remains of
        /// MaxRopOut.
        pub fn push(&mut self, rop_buffer: &[u8]) -> Result<(), Error> {
            let at = self.out.len();
            if rop_buffer.len() > self.limits.max_rop_buffer {
                return Err(Error::new(
                    ErrorKind::limit_exceeded(rop_buffer.len(), self.limits.max_rop_buffer),
                    at,
                ));
            }
            if self.count >= Self::MAX_BUFFERS {
                return Err(Error::new(
                    ErrorKind::limit_exceeded(self.count + 1, Self::MAX_BUFFERS),
                    at,
                ));
            }
            self.enc.write(&mut self.out, rop_buffer, self.opts)?;
            if self.out.len() > self.max_rop_out {
                let need = self.out.len() - at;
                self.out.truncate(at);
                return Err(Error::new(
                    ErrorKind::limit_exceeded(need, self.max_rop_out.saturating_sub(at)),
                    at,
                ));
            }
            self.last_header = Some(at);
            self.count += 1;
            Ok(())
        }

        /// The chain's bytes, with Last set on the final header. Fails with
        /// [`ErrorKind::Unencodable`] if nothing was pushed.
        pub fn finish(mut self) -> Result<Vec<u8>, Error> {
            let Some(at) = self.last_header else {
                return Err(Error::new(ErrorKind::Unencodable { value: 0 }, 0));
            };
            set_last(&mut self.out, at);
            Ok(self.out)
        }
    }
}

#[cfg(feature = "alloc")]
pub use alloc_impl::{
    DecodedBuffer, DecodedChain, InputChainBuilder, OutputChainBuilder, PackedRop,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_rules_are_checked_with_offsets() {
        // Construction: Version 1.
        let e = ExtChain::decode(&[1, 0, 4, 0, 0, 0, 0, 0]).unwrap_err();
        assert_eq!(e.offset(), 0);
        assert_eq!(
            e.to_string(),
            "ExtendedBuffers[0].Header.Version: invalid value 0x1 (offset 0)"
        );
        // Not compressed, Size != SizeActual.
        let e = ExtChain::decode(&[0, 0, 4, 0, 1, 0, 2, 0, 9]).unwrap_err();
        assert_eq!(e.offset(), 6);
        // Compressed with Size == SizeActual.
        let e = ExtChain::decode(&[0, 0, 5, 0, 1, 0, 1, 0, 9]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 1 });
        // Size beyond the input.
        let e = ExtChain::decode(&[0, 0, 4, 0, 3, 0, 3, 0, 9]).unwrap_err();
        assert_eq!(e.offset(), 8);
        assert_eq!(
            e.kind(),
            ErrorKind::Truncated {
                needed: 3,
                remaining: 1
            }
        );
        // SizeActual above 32 KiB.
        let e = ExtChain::decode(&[0, 0, 5, 0, 1, 0, 0x01, 0x80, 9]).unwrap_err();
        assert_eq!(
            e.kind(),
            ErrorKind::LimitExceeded {
                value: 0x8001,
                limit: 0x8000
            }
        );
    }

    #[test]
    fn a_chain_without_last_is_truncated() {
        let e = ExtChain::decode(&[0, 0, 0, 0, 1, 0, 1, 0, 9]).unwrap_err();
        assert_eq!(e.offset(), 9);
        assert_eq!(e.path().to_string(), "ExtendedBuffers[1].Header.Version");
    }

    #[test]
    fn xor_and_compression_are_undone_in_order() {
        // Construction: MS-XCA 3.1 example 2 XORed with 0xA5.
        let mut c = vec![
            0xff, 0xff, 0xff, 0x1f, 0x61, 0x62, 0x63, 0x17, 0x00, 0x0f, 0xff, 0x26, 0x01,
        ];
        xor_magic(&mut c);
        let mut bytes = RpcHeaderExt::new(
            ExtFlags::COMPRESSED | ExtFlags::XOR_MAGIC | ExtFlags::LAST,
            13,
            300,
        )
        .to_vec()
        .unwrap();
        bytes.extend_from_slice(&c);
        let (chain, _) = ExtChain::decode(&bytes).unwrap();
        let b = chain.iter().next().unwrap();
        assert_eq!(b.offset(), 8);
        let mut out = [0u8; 300];
        assert_eq!(b.plain_into(&mut out).unwrap(), b"abc".repeat(100));
        let mut small = [0u8; 299];
        assert!(b.plain_into(&mut small).is_err());
        let mut hv: heapless::Vec<u8, 512> = heapless::Vec::new();
        b.plain_into_heapless(&mut hv).unwrap();
        assert_eq!(hv.as_slice(), b"abc".repeat(100));
    }
}
