//! Fast-transfer ROPs (MS-OXCROPS 2.2.12; semantics in MS-OXCFXICS
//! 2.2.3.1.1 – 2.2.3.1.2): configuring FastTransfer download and upload
//! contexts, and moving the FastTransfer stream through them.
//!
//! The stream itself (TransferBuffer, TransferData) stays an opaque byte
//! slice here: its grammar depends on the ROP that configured the context
//! and its elements may be split across buffers (MS-OXCFXICS 2.2.4).
//!
//! Each request is the ROP's fields after its RopId; each response body is
//! the part after ReturnValue (the framing lives in
//! [`Response`](super::Response)).
//!
//! ```
//! use mapi_wire::rop::{RopContext, RopFacts, RopRequest, TransferStatus};
//! use mapi_wire::wire::{Decode, Encode};
//!
//! // RopFastTransferSourceGetBuffer asking the server to choose the size.
//! let bytes = [0x4E, 0x00, 0x01, 0xBE, 0xBA, 0x00, 0x80];
//! let (req, _) = RopRequest::decode_with(&bytes, RopContext::default()).unwrap();
//! let RopRequest::FastTransferSourceGetBuffer(r) = &req else { panic!() };
//! assert_eq!(r.maximum_buffer_size, Some(0x8000));
//! assert_eq!(req.to_vec_with(RopFacts::default()).unwrap(), bytes);
//! # let _ = TransferStatus::DONE;
//! ```

use super::context::RopFacts;
use crate::data::{ErrorCode, MessageId, PropertyTag};
use crate::wire::{
    Array, Bytes, Count, Decode, Encode, Error, ErrorKind, Fixed, Reader, Sink, Width,
};
use core::fmt;

crate::wire_enum! {
    /// SourceOperation of RopFastTransferDestinationConfigure (MS-OXCFXICS
    /// 2.2.3.1.2.1.1): which download ROP produced the FastTransfer stream
    /// being uploaded, and so its grammar.
    ///
    /// ```
    /// use mapi_wire::rop::SourceOperation;
    /// assert_eq!(SourceOperation(0x04).name(), Some("CopyFolder"));
    /// ```
    pub struct SourceOperation(u8) {
        /// As produced by RopFastTransferSourceCopyTo.
        COPY_TO = 0x01 => "CopyTo",
        /// As produced by RopFastTransferSourceCopyProperties.
        COPY_PROPERTIES = 0x02 => "CopyProperties",
        /// As produced by RopFastTransferSourceCopyMessages.
        COPY_MESSAGES = 0x03 => "CopyMessages",
        /// As produced by RopFastTransferSourceCopyFolder.
        COPY_FOLDER = 0x04 => "CopyFolder",
    }
}

crate::wire_enum! {
    /// TransferStatus of RopFastTransferSourceGetBuffer (MS-OXCFXICS
    /// 2.2.3.1.1.5.2) and of RopFastTransferDestinationPutBuffer(Extended),
    /// where clients ignore it (2.2.3.1.2.2.2).
    ///
    /// ```
    /// use mapi_wire::rop::TransferStatus;
    /// assert_eq!(TransferStatus(3), TransferStatus::DONE);
    /// assert_eq!(TransferStatus::PARTIAL.name(), Some("Partial"));
    /// ```
    pub struct TransferStatus(u16) {
        /// The download stopped on a nonrecoverable error; ReturnValue
        /// holds its code.
        ERROR = 0x0000 => "Error",
        /// The stream was split and more data is available.
        PARTIAL = 0x0001 => "Partial",
        /// The stream was split, more data is available, and the buffer had
        /// no room for the next element.
        NO_ROOM = 0x0002 => "NoRoom",
        /// This was the last portion of the stream.
        DONE = 0x0003 => "Done",
    }
}

crate::wire_flags! {
    /// SendOptions of the FastTransfer download ROPs and of
    /// RopSynchronizationConfigure (MS-OXCFXICS 2.2.3.1.1.1.2).
    ///
    /// ```
    /// use mapi_wire::rop::SendOptions;
    /// assert_eq!(SendOptions::FOR_UPLOAD, SendOptions::UNICODE | SendOptions::USE_CPID);
    /// ```
    pub struct SendOptions: u8 {
        /// Unicode: string properties in Unicode, or in the connection's
        /// code page.
        const UNICODE = 0x01;
        /// UseCpid: the client supports the code-page property types.
        const USE_CPID = 0x02;
        /// ForUpload: Unicode and UseCpid together, for a stream that will
        /// be uploaded to another server.
        const FOR_UPLOAD = 0x03;
        /// RecoverMode: the client supports recovering from errors in the
        /// stream.
        const RECOVER_MODE = 0x04;
        /// ForceUnicode: string properties always in Unicode.
        const FORCE_UNICODE = 0x08;
        /// PartialItem: partial message changes may be sent (content
        /// synchronization only).
        const PARTIAL_ITEM = 0x10;
        /// Reserved1.
        const RESERVED1 = 0x20;
        /// Reserved2.
        const RESERVED2 = 0x40;
    }
}

crate::wire_flags! {
    /// CopyFlags of RopFastTransferDestinationConfigure (MS-OXCFXICS
    /// 2.2.3.1.2.1.1).
    ///
    /// ```
    /// use mapi_wire::rop::FastTransferDestinationFlags;
    /// assert_eq!(FastTransferDestinationFlags::MOVE.bits(), 0x01);
    /// ```
    pub struct FastTransferDestinationFlags: u8 {
        /// Move: the upload is part of a move.
        const MOVE = 0x01;
    }
}

crate::wire_flags! {
    /// CopyFlags of RopFastTransferSourceCopyTo, 4 bytes (MS-OXCFXICS
    /// 2.2.3.1.1.1.1).
    ///
    /// ```
    /// use mapi_wire::rop::FastTransferCopyToFlags;
    /// assert_eq!(FastTransferCopyToFlags::BEST_BODY.bits(), 0x0000_2000);
    /// ```
    pub struct FastTransferCopyToFlags: u32 {
        /// Move: the download is part of a move.
        const MOVE = 0x0000_0001;
        /// Unused1.
        const UNUSED1 = 0x0000_0002;
        /// Unused2.
        const UNUSED2 = 0x0000_0004;
        /// Unused3.
        const UNUSED3 = 0x0000_0008;
        /// Unused4.
        const UNUSED4 = 0x0000_0200;
        /// Unused5.
        const UNUSED5 = 0x0000_0400;
        /// BestBody: message bodies in their original format rather than
        /// compressed RTF.
        const BEST_BODY = 0x0000_2000;
    }
}

crate::wire_flags! {
    /// CopyFlags of RopFastTransferSourceCopyProperties (MS-OXCFXICS
    /// 2.2.3.1.1.2.1).
    ///
    /// ```
    /// use mapi_wire::rop::FastTransferCopyPropertiesFlags;
    /// assert_eq!(FastTransferCopyPropertiesFlags::MOVE.bits(), 0x01);
    /// ```
    pub struct FastTransferCopyPropertiesFlags: u8 {
        /// Move: the download is part of a move.
        const MOVE = 0x01;
        /// Unused1.
        const UNUSED1 = 0x02;
        /// Unused2.
        const UNUSED2 = 0x04;
        /// Unused3.
        const UNUSED3 = 0x08;
    }
}

crate::wire_flags! {
    /// CopyFlags of RopFastTransferSourceCopyMessages (MS-OXCFXICS
    /// 2.2.3.1.1.3.1).
    ///
    /// ```
    /// use mapi_wire::rop::FastTransferCopyMessagesFlags;
    /// assert_eq!(FastTransferCopyMessagesFlags::SEND_ENTRY_ID.bits(), 0x20);
    /// ```
    pub struct FastTransferCopyMessagesFlags: u8 {
        /// Move: the download is part of a move.
        const MOVE = 0x01;
        /// Unused1.
        const UNUSED1 = 0x02;
        /// Unused2.
        const UNUSED2 = 0x04;
        /// Unused3.
        const UNUSED3 = 0x08;
        /// BestBody: message bodies in their original format.
        const BEST_BODY = 0x10;
        /// SendEntryId: message change information is included.
        const SEND_ENTRY_ID = 0x20;
    }
}

crate::wire_flags! {
    /// CopyFlags of RopFastTransferSourceCopyFolder (MS-OXCFXICS
    /// 2.2.3.1.1.4.1).
    ///
    /// ```
    /// use mapi_wire::rop::FastTransferCopyFolderFlags;
    /// assert_eq!(FastTransferCopyFolderFlags::COPY_SUBFOLDERS.bits(), 0x10);
    /// ```
    pub struct FastTransferCopyFolderFlags: u8 {
        /// Move: the download is part of a move.
        const MOVE = 0x01;
        /// Unused1.
        const UNUSED1 = 0x02;
        /// Unused2.
        const UNUSED2 = 0x04;
        /// Unused3.
        const UNUSED3 = 0x08;
        /// CopySubfolders: subfolders are included, recursively.
        const COPY_SUBFOLDERS = 0x10;
    }
}

crate::wire_struct! {
    /// RopFastTransferDestinationConfigure request (MS-OXCROPS 2.2.12.1.1;
    /// MS-OXCFXICS 2.2.3.1.2.1.1): opens an upload context on a folder,
    /// message or attachment. Its response is the plain one of every ROP
    /// (2.2.12.1.2), echoing OutputHandleIndex.
    ///
    /// ```
    /// use mapi_wire::rop::{FastTransferDestinationConfigureRequest, SourceOperation};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = FastTransferDestinationConfigureRequest::decode(&[0, 1, 2, 4, 0]).unwrap();
    /// assert_eq!(r.source_operation, SourceOperation::COPY_FOLDER);
    /// ```
    #[derive(Copy)]
    pub struct FastTransferDestinationConfigureRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the object to upload into.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the upload context's handle goes.
        pub output_handle_index: u8,
        /// SourceOperation: the grammar of the stream to be uploaded.
        pub source_operation: SourceOperation,
        /// CopyFlags.
        pub copy_flags: FastTransferDestinationFlags,
    }
}

crate::wire_struct! {
    /// The request of RopFastTransferDestinationPutBuffer (MS-OXCROPS
    /// 2.2.12.2.1) and of RopFastTransferDestinationPutBufferExtended
    /// (2.2.12.3.1), which are laid out alike: a slice of the FastTransfer
    /// stream to upload (MS-OXCFXICS 2.2.3.1.2.2.1).
    ///
    /// ```
    /// use mapi_wire::rop::FastTransferDestinationPutBufferRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = FastTransferDestinationPutBufferRequest::decode(&[0, 1, 2, 0, 0xAA, 0xBB]).unwrap();
    /// assert_eq!(r.transfer_data.0, &[0xAA, 0xBB]);
    /// ```
    #[derive(Copy)]
    pub struct FastTransferDestinationPutBufferRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the upload context.
        pub input_handle_index: u8,
        /// TransferData, preceded by TransferDataSize (2 bytes): opaque
        /// FastTransfer stream bytes.
        pub transfer_data: Bytes<'a> = ctx(Width::U16),
    }
}

crate::wire_struct! {
    /// RopFastTransferDestinationPutBuffer response body (MS-OXCROPS
    /// 2.2.12.2.2; MS-OXCFXICS 2.2.3.1.2.2.2). It is present whatever the
    /// ReturnValue: on failure BufferUsedSize says how much of the data was
    /// consumed. (Exchange's RpcClientAccess parser and gromox write it on
    /// failure too.)
    ///
    /// ```
    /// use mapi_wire::rop::{FastTransferDestinationPutBufferBody, TransferStatus};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = FastTransferDestinationPutBufferBody::decode(&[3, 0, 0, 0, 1, 0, 0, 0x10, 0]).unwrap();
    /// assert_eq!((b.transfer_status, b.buffer_used_size), (TransferStatus::DONE, 16));
    /// ```
    #[derive(Copy)]
    pub struct FastTransferDestinationPutBufferBody {
        /// TransferStatus (clients ignore it).
        pub transfer_status: TransferStatus,
        /// InProgressCount (2 bytes): steps done.
        pub in_progress_count: u16,
        /// TotalStepCount (2 bytes): approximate steps in all.
        pub total_step_count: u16,
        /// Reserved (0x00 when sent).
        pub reserved: u8,
        /// BufferUsedSize: bytes of TransferData the server consumed.
        pub buffer_used_size: u16,
    }
}

crate::wire_struct! {
    /// RopFastTransferDestinationPutBufferExtended response body
    /// (MS-OXCROPS 2.2.12.3.2; MS-OXCFXICS 2.2.3.1.2.3.2): the body of
    /// RopFastTransferDestinationPutBuffer with 4-byte progress counters.
    /// Present whatever the ReturnValue, like that one.
    ///
    /// ```
    /// use mapi_wire::rop::FastTransferDestinationPutBufferExtendedBody;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [1, 0, 2, 0, 0, 0, 9, 0, 0, 0, 0, 0x20, 0];
    /// let (b, _) = FastTransferDestinationPutBufferExtendedBody::decode(&bytes).unwrap();
    /// assert_eq!((b.in_progress_count, b.total_step_count), (2, 9));
    /// ```
    #[derive(Copy)]
    pub struct FastTransferDestinationPutBufferExtendedBody {
        /// TransferStatus (clients ignore it).
        pub transfer_status: TransferStatus,
        /// InProgressCount (4 bytes).
        pub in_progress_count: u32,
        /// TotalStepCount (4 bytes).
        pub total_step_count: u32,
        /// Reserved (0x00 when sent).
        pub reserved: u8,
        /// BufferUsedSize: bytes of TransferData the server consumed.
        pub buffer_used_size: u16,
    }
}

crate::wire_struct! {
    /// RopFastTransferSourceGetBuffer request (MS-OXCROPS 2.2.12.4.1;
    /// MS-OXCFXICS 2.2.3.1.1.5.1). A BufferSize of 0xBABE lets the server
    /// choose the size; MaximumBufferSize (2 bytes) then follows, and only
    /// then.
    ///
    /// ```
    /// use mapi_wire::rop::FastTransferSourceGetBufferRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = FastTransferSourceGetBufferRequest::decode(&[0, 1, 0x78, 0x3C]).unwrap();
    /// assert_eq!((r.buffer_size, r.maximum_buffer_size), (15480, None));
    /// ```
    #[derive(Copy)]
    pub struct FastTransferSourceGetBufferRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the download context.
        pub input_handle_index: u8,
        /// BufferSize: the most bytes to return, or 0xBABE.
        pub buffer_size: u16,
        /// MaximumBufferSize: the cap when the server chooses the size;
        /// present exactly when BufferSize is 0xBABE.
        pub maximum_buffer_size: Option<u16> =
            when(*buffer_size == FastTransferSourceGetBufferRequest::SERVER_CHOOSES),
    }
}

impl FastTransferSourceGetBufferRequest {
    /// The BufferSize sentinel 0xBABE: the server chooses the size, up to
    /// MaximumBufferSize (MS-OXCFXICS 3.3.5.7.1).
    ///
    /// ```
    /// use mapi_wire::rop::FastTransferSourceGetBufferRequest;
    /// assert_eq!(FastTransferSourceGetBufferRequest::SERVER_CHOOSES, 0xBABE);
    /// ```
    pub const SERVER_CHOOSES: u16 = 0xBABE;
}

/// Opaque bytes whose length an earlier field gave (the TransferBuffer of
/// RopFastTransferSourceGetBuffer, whose TransferBufferSize is separated
/// from it by BackoffTime). Its context is that length; encoding checks the
/// bytes have it. Shows as hex.
///
/// ```
/// use mapi_wire::rop::TransferBuffer;
/// use mapi_wire::wire::{Decode, Encode};
///
/// let (b, rest) = TransferBuffer::decode_with(&[1, 2, 3], 2).unwrap();
/// assert_eq!((b.0, rest), (&[1u8, 2][..], &[3u8][..]));
/// assert!(b.to_vec_with(3).is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct TransferBuffer<'a>(pub &'a [u8]);

impl fmt::Debug for TransferBuffer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::wire::write_hex(f, self.0)
    }
}

impl<'a> Decode<'a> for TransferBuffer<'a> {
    type Ctx = usize;
    const NAME: &'static str = "TransferBuffer";
    const MIN_LEN: usize = 0;
    #[inline]
    fn decode_from(r: &mut Reader<'a>, len: usize) -> Result<Self, Error> {
        r.bytes(len).map(TransferBuffer)
    }
}

impl Encode for TransferBuffer<'_> {
    type Ctx = usize;
    #[inline]
    fn encoded_len_with(&self, _: usize) -> usize {
        self.0.len()
    }
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, len: usize) -> Result<(), Error> {
        if self.0.len() != len {
            return Err(Error::new(
                ErrorKind::Unencodable {
                    value: self.0.len() as u64,
                },
                s.position(),
            ));
        }
        s.put(self.0)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for TransferBuffer<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::wire::HexStr(self.0).serialize(s)
    }
}

crate::wire_struct! {
    /// RopFastTransferSourceGetBuffer response body (MS-OXCROPS 2.2.12.4.2;
    /// MS-OXCFXICS 2.2.3.1.1.5.2): the next slice of the FastTransfer
    /// stream and the progress of the download.
    ///
    /// **Present whatever the ReturnValue.** MS-OXCFXICS 2.2.3.1.1.5.2
    /// describes one response buffer whose TransferStatus Error (0x0000)
    /// "means ReturnValue holds the error code", and both servers whose
    /// code is public write this body on failure: Exchange's
    /// RpcClientAccess parser (FailedFastTransferSourceGetBufferResult
    /// writes TransferStatus Error, zero counters and an empty buffer) and
    /// gromox (rop_ext.cpp writes the body for this ROP on any result).
    /// MAPI Inspector for Fiddler reads nothing after a failing
    /// ReturnValue other than 0x480; we follow the servers, which produce
    /// these bytes.
    ///
    /// **BackoffTime** (4 bytes, milliseconds to wait, MS-OXCFXICS
    /// 3.3.5.9.1) is present exactly when ReturnValue is 0x00000480
    /// (ecServerBusy), and sits between TransferBufferSize and
    /// TransferBuffer: that is where Exchange's serializer
    /// (FastTransferSourceGetBufferData) writes and reads it; the buffer
    /// after it is normally empty. MAPI Inspector places it right after
    /// ReturnValue instead; the spec text we could retrieve does not give
    /// its position. Microsoft's Interop-TestSuites client
    /// (RopFastTransferSourceGetBuffer.cs) reads TransferBufferSize bytes of
    /// TransferBuffer first and BackoffTime after them; MS-OXCFXICS
    /// 2.2.3.1.1.5.2 marks TransferBuffer "optional". All three readings
    /// give the same bytes when TransferBufferSize is 0 on a 0x480 reply.
    ///
    /// ```
    /// use mapi_wire::data::ErrorCode;
    /// use mapi_wire::rop::{FastTransferSourceGetBufferBody, RopFacts, TransferStatus};
    /// use mapi_wire::wire::Decode;
    ///
    /// let ok = [1, 0, 1, 0, 4, 0, 0, 2, 0, 0xAA, 0xBB];
    /// let (b, _) = FastTransferSourceGetBufferBody::decode_with(&ok, RopFacts::default()).unwrap();
    /// assert_eq!(b.transfer_status, TransferStatus::PARTIAL);
    /// assert_eq!(b.transfer_buffer.0, &[0xAA, 0xBB]);
    ///
    /// let busy = RopFacts { return_value: ErrorCode::SERVER_BUSY_ADDITIONAL, ..RopFacts::default() };
    /// let bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0xE8, 0x03, 0, 0];
    /// let (b, _) = FastTransferSourceGetBufferBody::decode_with(&bytes, busy).unwrap();
    /// assert_eq!(b.backoff_time, Some(1000));
    /// ```
    #[derive(Copy)]
    pub struct FastTransferSourceGetBufferBody<'a> (cx: RopFacts) {
        /// TransferStatus: how the stream stands after this slice.
        pub transfer_status: TransferStatus,
        /// InProgressCount (2 bytes): steps done, for progress display.
        pub in_progress_count: u16,
        /// TotalStepCount (2 bytes): approximate steps in all.
        pub total_step_count: u16,
        /// Reserved (0x00 when sent).
        pub reserved: u8,
        /// TransferBufferSize: the size of TransferBuffer.
        pub transfer_buffer_size: u16,
        /// BackoffTime: present exactly when ReturnValue is 0x00000480.
        pub backoff_time: Option<u32> =
            when(cx.return_value == ErrorCode::SERVER_BUSY_ADDITIONAL),
        /// TransferBuffer: opaque FastTransfer stream bytes.
        pub transfer_buffer: TransferBuffer<'a> = ctx(usize::from(*transfer_buffer_size)),
    }
}

impl<'a> FastTransferSourceGetBufferBody<'a> {
    /// A body carrying `data` (TransferBufferSize set from its length), with
    /// zero Reserved and no BackoffTime; `None` when `data` is longer than
    /// 65535 bytes.
    ///
    /// ```
    /// use mapi_wire::rop::{FastTransferSourceGetBufferBody, RopFacts, TransferStatus};
    /// use mapi_wire::wire::Encode;
    ///
    /// let b = FastTransferSourceGetBufferBody::new(TransferStatus::DONE, 1, 1, &[0x42]).unwrap();
    /// assert_eq!(b.to_vec_with(RopFacts::default()).unwrap(), [3, 0, 1, 0, 1, 0, 0, 1, 0, 0x42]);
    /// ```
    pub fn new(
        transfer_status: TransferStatus,
        in_progress_count: u16,
        total_step_count: u16,
        data: &'a [u8],
    ) -> Option<Self> {
        Some(FastTransferSourceGetBufferBody {
            transfer_status,
            in_progress_count,
            total_step_count,
            reserved: 0,
            transfer_buffer_size: u16::try_from(data.len()).ok()?,
            backoff_time: None,
            transfer_buffer: TransferBuffer(data),
        })
    }
}

crate::wire_struct! {
    /// RopFastTransferSourceCopyFolder request (MS-OXCROPS 2.2.12.5.1;
    /// MS-OXCFXICS 2.2.3.1.1.4.1): opens a download context over a folder
    /// (stream grammar folderContent). The response is the plain one,
    /// echoing OutputHandleIndex (2.2.12.5.2).
    ///
    /// ```
    /// use mapi_wire::rop::{FastTransferCopyFolderFlags, FastTransferSourceCopyFolderRequest};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = FastTransferSourceCopyFolderRequest::decode(&[0, 0, 1, 0x10, 0x01]).unwrap();
    /// assert!(r.copy_flags.contains(FastTransferCopyFolderFlags::COPY_SUBFOLDERS));
    /// ```
    #[derive(Copy)]
    pub struct FastTransferSourceCopyFolderRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the folder.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the download context's handle goes.
        pub output_handle_index: u8,
        /// CopyFlags.
        pub copy_flags: FastTransferCopyFolderFlags,
        /// SendOptions.
        pub send_options: SendOptions,
    }
}

crate::wire_struct! {
    /// RopFastTransferSourceCopyMessages request (MS-OXCROPS 2.2.12.6.1;
    /// MS-OXCFXICS 2.2.3.1.1.3.1): opens a download context over messages
    /// of a folder (stream grammar messageList). The response is the plain
    /// one, echoing OutputHandleIndex (2.2.12.6.2).
    ///
    /// ```
    /// use mapi_wire::rop::FastTransferSourceCopyMessagesRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 9, 0x10, 0x01];
    /// let (r, _) = FastTransferSourceCopyMessagesRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.message_ids.len(), 1);
    /// ```
    #[derive(Copy)]
    pub struct FastTransferSourceCopyMessagesRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the folder holding the messages.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the download context's handle goes.
        pub output_handle_index: u8,
        /// MessageIds, preceded by MessageIdCount (2 bytes).
        pub message_ids: Array<'a, MessageId> = ctx(Count::Prefix(Width::U16)),
        /// CopyFlags.
        pub copy_flags: FastTransferCopyMessagesFlags,
        /// SendOptions.
        pub send_options: SendOptions,
    }
}

crate::wire_struct! {
    /// RopFastTransferSourceCopyTo request (MS-OXCROPS 2.2.12.7.1;
    /// MS-OXCFXICS 2.2.3.1.1.1.1): opens a download context over a folder,
    /// message or attachment, all properties but those listed. CopyFlags is
    /// 4 bytes here (1 byte in the other download ROPs). The response is
    /// the plain one, echoing OutputHandleIndex (2.2.12.7.2).
    ///
    /// ```
    /// use mapi_wire::rop::{FastTransferCopyToFlags, FastTransferSourceCopyToRequest};
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 1, 0, 0x00, 0x20, 0, 0, 0x01, 0, 0];
    /// let (r, _) = FastTransferSourceCopyToRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.copy_flags, FastTransferCopyToFlags::BEST_BODY);
    /// ```
    #[derive(Copy)]
    pub struct FastTransferSourceCopyToRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the object to download.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the download context's handle goes.
        pub output_handle_index: u8,
        /// Level: 0 copies descendant subobjects, any other value excludes
        /// them.
        pub level: u8,
        /// CopyFlags (4 bytes).
        pub copy_flags: FastTransferCopyToFlags,
        /// SendOptions.
        pub send_options: SendOptions,
        /// PropertyTags to exclude, preceded by PropertyTagCount (2 bytes).
        pub property_tags: Array<'a, PropertyTag> = ctx(Count::Prefix(Width::U16)),
    }
}

crate::wire_struct! {
    /// RopFastTransferSourceCopyProperties request (MS-OXCROPS 2.2.12.8.1;
    /// MS-OXCFXICS 2.2.3.1.1.2.1): opens a download context over the listed
    /// properties of a folder, message or attachment. The response is the
    /// plain one, echoing OutputHandleIndex (2.2.12.8.2).
    ///
    /// ```
    /// use mapi_wire::rop::FastTransferSourceCopyPropertiesRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 1, 0, 0x00, 0x01, 1, 0, 0x1F, 0x00, 0x37, 0x00];
    /// let (r, _) = FastTransferSourceCopyPropertiesRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.property_tags.get(0).unwrap().0, 0x0037_001F);
    /// ```
    #[derive(Copy)]
    pub struct FastTransferSourceCopyPropertiesRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the object to download.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the download context's handle goes.
        pub output_handle_index: u8,
        /// Level: 0 copies descendant subobjects, any other value excludes
        /// them.
        pub level: u8,
        /// CopyFlags (1 byte).
        pub copy_flags: FastTransferCopyPropertiesFlags,
        /// SendOptions.
        pub send_options: SendOptions,
        /// PropertyTags to include, preceded by PropertyTagCount (2 bytes).
        pub property_tags: Array<'a, PropertyTag> = ctx(Count::Prefix(Width::U16)),
    }
}

/// The Version field of RopTellVersion (MS-OXCROPS 2.2.12.9.1; MS-OXCFXICS
/// 2.2.3.1.1.6.1): three 16-bit words giving the version of the other
/// server of a server-to-client-to-server copy, in the form of the
/// rgwServerVersion words of EcDoConnectEx (MS-OXCRPC 3.1.4.1.3.2).
///
/// ```
/// use mapi_wire::rop::ServerVersion;
/// use mapi_wire::wire::{Decode, Encode};
///
/// let (v, _) = ServerVersion::decode(&[0x0F, 0x00, 0x47, 0x85, 0x01, 0x00]).unwrap();
/// assert_eq!(v.0, [0x000F, 0x8547, 0x0001]);
/// assert_eq!(v.to_vec().unwrap(), [0x0F, 0x00, 0x47, 0x85, 0x01, 0x00]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ServerVersion(pub [u16; 3]);

impl<'a> Decode<'a> for ServerVersion {
    type Ctx = ();
    const NAME: &'static str = "Version";
    const MIN_LEN: usize = 6;
    #[inline]
    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        Ok(ServerVersion([r.u16()?, r.u16()?, r.u16()?]))
    }
}

impl Encode for ServerVersion {
    type Ctx = ();
    #[inline]
    fn encoded_len_with(&self, _: ()) -> usize {
        6
    }
    #[inline]
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        for w in self.0 {
            s.put_u16(w)?;
        }
        Ok(())
    }
}

impl Fixed for ServerVersion {
    const SIZE: usize = 6;
}

crate::wire_struct! {
    /// RopTellVersion request (MS-OXCROPS 2.2.12.9.1; MS-OXCFXICS
    /// 2.2.3.1.1.6.1): tells a FastTransfer context the version of the
    /// server at the other end of a server-to-client-to-server copy. The
    /// response is the plain one, echoing InputHandleIndex (2.2.12.9.2).
    ///
    /// ```
    /// use mapi_wire::rop::TellVersionRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = TellVersionRequest::decode(&[0, 2, 0x0F, 0, 0x47, 0x85, 1, 0]).unwrap();
    /// assert_eq!(r.version.0[0], 15);
    /// ```
    #[derive(Copy)]
    pub struct TellVersionRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the FastTransfer context.
        pub input_handle_index: u8,
        /// Version (6 bytes).
        pub version: ServerVersion,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::ErrorCode;

    #[test]
    fn get_buffer_backoff_sits_before_the_buffer() {
        // Construction after MS-OXCFXICS 2.2.3.1.1.5.2 and Exchange's
        // serializer: size 1, BackoffTime 0x10, one byte of data.
        let facts = RopFacts {
            return_value: ErrorCode::SERVER_BUSY_ADDITIONAL,
            ..RopFacts::default()
        };
        let bytes = [0, 0, 0, 0, 0, 0, 0, 1, 0, 0x10, 0, 0, 0, 0x5A];
        let (b, rest) = FastTransferSourceGetBufferBody::decode_with(&bytes, facts).unwrap();
        assert!(rest.is_empty());
        assert_eq!(b.backoff_time, Some(0x10));
        assert_eq!(b.transfer_buffer.0, &[0x5A]);
        assert_eq!(b.to_vec_with(facts).unwrap(), bytes);
        // Without the busy ReturnValue the same bytes leave 4 over.
        let (b, rest) =
            FastTransferSourceGetBufferBody::decode_with(&bytes, RopFacts::default()).unwrap();
        assert_eq!(b.backoff_time, None);
        assert_eq!(b.transfer_buffer.0, &[0x10]);
        assert_eq!(rest.len(), 4);
    }

    #[test]
    fn get_buffer_body_size_must_match_on_encode() {
        let mut b = FastTransferSourceGetBufferBody::new(TransferStatus::DONE, 0, 0, &[1, 2])
            .expect("fits");
        b.transfer_buffer_size = 3;
        let e = b.to_vec_with(RopFacts::default()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Unencodable { value: 2 });
        assert!(
            FastTransferSourceGetBufferBody::new(TransferStatus::DONE, 0, 0, &[0; 65536]).is_none()
        );
    }
}
