//! The MS-OXCRPC layer: extended buffers (RPC_HEADER_EXT chains), their
//! LZ77 + DIRECT2 compression and XorMagic obfuscation, and the auxiliary
//! buffer with its AUX blocks.
//!
//! In MAPI over HTTP these are the `RopBuffer` and `AuxiliaryBuffer`
//! fields of the EMSMDB bodies (MS-OXCMAPIHTTP 2.2.4), which carry the
//! `rgbIn`/`rgbOut` and `rgbAuxIn`/`rgbAuxOut` parameters of MS-OXCRPC
//! unchanged.
//!
//! - [`RpcHeaderExt`], [`ExtBuffer`] and [`ExtChain`]: a zero-copy view of
//!   a chain of extended buffers, validated without copying;
//!   [`DecodedChain`] (feature `alloc`) with every payload's plain bytes.
//! - [`BufferEncoder`], [`InputChainBuilder`] and [`OutputChainBuilder`]:
//!   building chains, compressing a payload only when that makes it
//!   smaller.
//! - [`lz77`]: the compressor and decompressor, for `no_std`.
//! - [`AuxBlock`] and its bodies, [`AuxBlocks`], [`AuxBuffer`] and
//!   [`DecodedAuxBuffer`]: the auxiliary buffer.
//!
//! Payloads that are neither compressed nor obfuscated are borrowed from
//! the input. Undoing compression or obfuscation copies, into a buffer the
//! caller supplies ([`ExtBuffer::plain_into`], [`ExtBuffer::plain_into_heapless`])
//! or, under `alloc`, into a vector.
//!
//! # Readings of the specification
//!
//! Where the specification left a doubt, this layer decided as follows.
//!
//! - Order of XorMagic and compression: 3.1.4.1.1.3 does not say it, but
//!   3.1.4.1.1.1.1 does: a sender compresses and then obfuscates, a
//!   receiver un-XORs and then decompresses (MAPI Inspector reads so too).
//! - AUX_TYPE_SERVER_CAPABILITIES is 0x46: MS-OXCRPC 2.2.2.2.19 defines the
//!   block; the value is the one of Microsoft's MAPI Inspector (gromox
//!   does not know the block).
//! - AUX_CLIENT_CONNECTION_INFO.ConnectionAttempts is 4 bytes, as in the
//!   current MS-OXCRPC 2.2.2.2.21, MAPI Inspector and gromox (an older
//!   revision said 2).
//! - Strings in AUX blocks are NUL-terminated UTF-16LE ("null-terminated
//!   Unicode string", MS-OXCRPC 2.2.2.2.22; MAPI Inspector reads every one
//!   so). Offsets count from the first byte of the block's AUX_HEADER
//!   (MS-OXCRPC 2.2.2.2.5, 2.2.2.2.22); a string or byte field must lie in
//!   the block's variable part, after its fixed fields.
//! - The auxiliary buffer's RPC_HEADER_EXT must have Last (MS-OXCRPC
//!   3.1.4.1.1.1.1: "MUST contain the Last flag").
//! - LZ77 ends: the decoder accepts the three end shapes met in practice
//!   (end bit with no input left; input ending right after a flag word, as
//!   Samba accepts; bits or bytes left once SizeActual bytes are out, from
//!   older Microsoft encoders). A match that would run past SizeActual is
//!   an error rather than clamped: no encoder writes one.
//! - A payload is at most 32 KiB (MS-OXCRPC 3.1.4.1.1, 3.1.4.2.1) and
//!   SizeActual is checked against [`Limits::max_rop_buffer`] and
//!   [`Limits::max_decompressed`](crate::wire::Limits::max_decompressed);
//!   the plain payloads of one decoded chain are capped at 96 of those
//!   (the most buffers `rgbOut` may hold, 3.1.4.2.1.2.2).
//!
//! [`Limits::max_rop_buffer`]: crate::wire::Limits::max_rop_buffer

mod aux;
mod ext;
pub mod lz77;

pub use aux::{
    AuxBlock, AuxBlocks, AuxBlocksIter, AuxBody, AuxBuffer, AuxClientConnectionInfo,
    AuxClientControl, AuxEndpointCapabilities, AuxExOrgInfo, AuxHeader, AuxOsVersionInfo,
    AuxPerfAccountInfo, AuxPerfClientInfo, AuxPerfDefGcSuccess, AuxPerfDefMdbSuccess,
    AuxPerfFailure, AuxPerfFailureV2, AuxPerfGcSuccess, AuxPerfGcSuccessV2, AuxPerfMdbSuccess,
    AuxPerfMdbSuccessV2, AuxPerfProcessInfo, AuxPerfRequestId, AuxPerfServerInfo,
    AuxPerfSessionInfo, AuxPerfSessionInfoV2, AuxProtocolDeviceIdentification,
    AuxServerCapabilities, AuxServerSessionInfo, AuxTail, AuxType, AuxVersion, ClientControlFlags,
    ClientMode, ConnectionFlags, EndpointCapabilityFlags, OrgFlags, Raw, ServerCapabilityFlags,
    ServerType,
};
#[cfg(feature = "alloc")]
pub use aux::{DecodedAuxBuffer, encode_aux_buffer};
pub use ext::{
    BufferEncoder, ExtBuffer, ExtChain, ExtChainIter, ExtFlags, PayloadOptions, RpcHeaderExt,
};
#[cfg(feature = "alloc")]
pub use ext::{DecodedBuffer, DecodedChain, InputChainBuilder, OutputChainBuilder, PackedRop};

/// The XorMagic byte (MS-OXCRPC 3.1.4.1.1.3).
pub const XOR_MAGIC: u8 = 0xA5;

/// Applies XorMagic obfuscation in place: every byte is XORed with 0xA5
/// (MS-OXCRPC 3.1.4.1.1.3). The operation is its own inverse.
///
/// ```
/// use mapi_wire::rpc::xor_magic;
///
/// let mut b = *b"ROP";
/// xor_magic(&mut b);
/// assert_eq!(b, [0xF7, 0xEA, 0xF5]);
/// xor_magic(&mut b);
/// assert_eq!(&b, b"ROP");
/// ```
pub fn xor_magic(bytes: &mut [u8]) {
    for b in bytes {
        *b ^= XOR_MAGIC;
    }
}
