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
