//! Stream ROPs (MS-OXCROPS 2.2.9; semantics in MS-OXCPRPT 2.2.14–2.2.27).
//!
//! Each request is the ROP's fields after its RopId; each response body is
//! the part after ReturnValue (the framing lives in
//! [`Response`](super::Response)).
//!
//! Decisions on points the digest left open, with their sources:
//!
//! * The response bodies of RopReadStream (DataSize, Data), RopWriteStream
//!   and RopWriteAndCommitStream (WrittenSize, 2 bytes),
//!   RopWriteStreamExtended (WrittenSize, 4 bytes) and RopCopyToStream
//!   (ReadByteCount, WrittenByteCount) are present whatever the
//!   ReturnValue. MS-OXCROPS 2.2.9.2.2 and 2.2.9.9.2 define a single
//!   "Response Buffer" (not a success and a failure buffer) whose
//!   ReturnValue is "the status of the ROP" or "a value other than
//!   0x00000503"; the pages of 2.2.9.3.2, 2.2.9.4.2 and 2.2.9.12.2 could not
//!   be read here, and for them this follows the project's digest and MAPI
//!   Inspector, which read WrittenSize whatever the ReturnValue. (gromox
//!   omits these bodies on failure, except RopCopyToStream's 0x503 form;
//!   this decoder follows the specification.)
//! * The Offset of RopSeekStream is kept as a signed 64-bit integer: the
//!   offset is added to the origin (MS-OXCPRPT 2.2.21), a seek "to offset
//!   before the start" is an error the server reports (MS-OXCPRPT
//!   3.2.5.18, StreamSeekError), which only a negative offset from Current
//!   or End can cause, and the ROP maps IStream::Seek, whose displacement
//!   is signed. The 8 bytes are the same either way; MAPI Inspector shows
//!   them unsigned, gromox reads them signed.
//! * RopCloneStream echoes its OutputHandleIndex, as every ROP that creates
//!   an object does (MS-OXCROPS 2.2.9.13.2 follows 2.2.9.1.2); the byte is
//!   the same whatever its name.

use super::context::RopFacts;
use crate::data::{ErrorCode, PropertyTag};
use crate::wire::{Bytes, Width};

crate::wire_enum! {
    /// StreamOpenModeFlags of RopOpenStream (MS-OXCPRPT 2.2.14.1): one of three
    /// values, not a bit set.
    ///
    /// ```
    /// use mapi_wire::rop::StreamOpenModeFlags;
    ///
    /// assert_eq!(StreamOpenModeFlags(0x01).name(), Some("ReadWrite"));
    /// ```
    pub struct StreamOpenModeFlags(u8) {
        /// ReadOnly: open for reading.
        READ_ONLY = 0x00 => "ReadOnly",
        /// ReadWrite: open for reading and writing.
        READ_WRITE = 0x01 => "ReadWrite",
        /// Create: discard the current value and open a new stream for
        /// reading and writing (required for a property that is not set).
        CREATE = 0x02 => "Create",
    }
}

crate::wire_enum! {
    /// Origin of RopSeekStream (MS-OXCPRPT 2.2.21.1): what Offset is
    /// relative to.
    ///
    /// ```
    /// use mapi_wire::rop::SeekOrigin;
    ///
    /// assert_eq!(SeekOrigin::CURRENT.name(), Some("Current"));
    /// ```
    pub struct SeekOrigin(u8) {
        /// Beginning: the start of the stream.
        BEGINNING = 0x00 => "Beginning",
        /// Current: the current seek pointer (with Offset 0, this reads the
        /// position).
        CURRENT = 0x01 => "Current",
        /// End: the end of the stream.
        END = 0x02 => "End",
    }
}

crate::wire_enum! {
    /// LockFlags of RopLockRegionStream and RopUnlockRegionStream
    /// (MS-OXCPRPT 2.2.24.1, 2.2.25.1). The specification gives the value
    /// 0x00000001 (others may read but only the owner may write) and says
    /// that any other value locks out readers and writers alike; it names
    /// neither, so the names are those of the COM LOCKTYPE values they
    /// match.
    ///
    /// ```
    /// use mapi_wire::rop::LockFlags;
    ///
    /// assert!(!LockFlags::WRITE.excludes_readers());
    /// assert!(LockFlags(0).excludes_readers());
    /// ```
    pub struct LockFlags(u32) {
        /// The region can be read by anyone; only the owner writes.
        WRITE = 0x0000_0001 => "LOCK_WRITE",
    }
}

impl LockFlags {
    /// True when the lock keeps other sessions from reading the region as
    /// well as writing it (every value but 0x00000001).
    pub const fn excludes_readers(self) -> bool {
        self.0 != LockFlags::WRITE.0
    }
}

crate::wire_struct! {
    /// RopOpenStream request (MS-OXCROPS 2.2.9.1.1, MS-OXCPRPT 2.2.14.1):
    /// opens a property of an object as a Stream object. The PropertyTag
    /// says what the bytes of later RopReadStream and RopWriteStream calls
    /// on the stream are.
    ///
    /// ```
    /// use mapi_wire::data::PropertyTag;
    /// use mapi_wire::rop::{StreamOpenModeFlags, OpenStreamRequest};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // MS-OXCPRPT 4.4.1.1, after the RopId.
    /// let bytes = [0x01, 0x00, 0x01, 0x02, 0x01, 0x9A, 0x0E, 0x01];
    /// let (r, _) = OpenStreamRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.property_tag, PropertyTag(0x0E9A_0102));
    /// assert_eq!(r.open_mode_flags, StreamOpenModeFlags::READ_WRITE);
    /// assert_eq!(r.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct OpenStreamRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the object whose property is opened.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the Stream object's handle goes.
        pub output_handle_index: u8,
        /// PropertyTag: the property to stream.
        pub property_tag: PropertyTag,
        /// StreamOpenModeFlags.
        pub open_mode_flags: StreamOpenModeFlags,
    }
}

crate::wire_struct! {
    /// A StreamSize of 4 bytes: the success response body of RopOpenStream
    /// (MS-OXCROPS 2.2.9.1.2) and RopGetStreamSize (2.2.9.6.2).
    ///
    /// ```
    /// use mapi_wire::rop::StreamSizeBody;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = StreamSizeBody::decode(&[0x00, 0x10, 0x00, 0x00]).unwrap();
    /// assert_eq!(b.stream_size, 4096);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct StreamSizeBody {
        /// StreamSize: the number of bytes in the stream.
        pub stream_size: u32,
    }
}

crate::wire_struct! {
    /// RopReadStream request (MS-OXCROPS 2.2.9.2.1, MS-OXCPRPT 2.2.15.1).
    /// A ByteCount of 0xBABE means "as many as fit", bounded by the
    /// MaximumByteCount that then follows.
    ///
    /// ```
    /// use mapi_wire::rop::ReadStreamRequest;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let (r, _) = ReadStreamRequest::decode(&[0x00, 0x01, 0x00, 0x10]).unwrap();
    /// assert_eq!((r.byte_count, r.maximum_byte_count), (0x1000, None));
    /// let bytes = [0x00, 0x01, 0xBE, 0xBA, 0x00, 0x00, 0x01, 0x00];
    /// let (r, _) = ReadStreamRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.maximum_byte_count, Some(0x1_0000));
    /// assert_eq!(r.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct ReadStreamRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the stream.
        pub input_handle_index: u8,
        /// ByteCount: the most bytes to read, or 0xBABE.
        pub byte_count: u16,
        /// MaximumByteCount: present when ByteCount is 0xBABE.
        pub maximum_byte_count: Option<u32> = when(*byte_count == ReadStreamRequest::USE_MAXIMUM),
    }
}

impl ReadStreamRequest {
    /// The ByteCount value that announces a MaximumByteCount.
    pub const USE_MAXIMUM: u16 = 0xBABE;

    /// The most bytes the request asks for.
    ///
    /// ```
    /// use mapi_wire::rop::ReadStreamRequest;
    ///
    /// let r = ReadStreamRequest { logon_id: 0, input_handle_index: 0, byte_count: 0xBABE, maximum_byte_count: Some(70000) };
    /// assert_eq!(r.limit(), 70000);
    /// ```
    pub fn limit(&self) -> u32 {
        match self.maximum_byte_count {
            Some(m) if self.byte_count == Self::USE_MAXIMUM => m,
            _ => u32::from(self.byte_count),
        }
    }
}

crate::wire_struct! {
    /// RopReadStream response body (MS-OXCROPS 2.2.9.2.2): DataSize and
    /// Data, present whatever the ReturnValue. The bytes are raw stream
    /// content; what they mean depends on the PropertyTag the stream was
    /// opened with, and successive reads concatenate.
    ///
    /// ```
    /// use mapi_wire::rop::ReadStreamBody;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [0x03, 0x00, 0x61, 0x62, 0x63];
    /// let (b, _) = ReadStreamBody::decode(&bytes).unwrap();
    /// assert_eq!(b.data.0, b"abc");
    /// assert_eq!(b.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct ReadStreamBody<'a> {
        /// Data, preceded by DataSize (2 bytes).
        pub data: Bytes<'a> = ctx(Width::U16),
    }
}

crate::wire_struct! {
    /// The request of RopWriteStream (MS-OXCROPS 2.2.9.3.1, MS-OXCPRPT
    /// 2.2.16.1), RopWriteStreamExtended (2.2.9.4.1, MS-OXCPRPT 2.2.17.1)
    /// and RopWriteAndCommitStream (2.2.9.12.1, MS-OXCPRPT 2.2.26.1), which
    /// have the same layout.
    ///
    /// ```
    /// use mapi_wire::rop::WriteStreamRequest;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [0x00, 0x01, 0x02, 0x00, 0xAB, 0xCD];
    /// let (r, _) = WriteStreamRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.data.0, &[0xAB, 0xCD]);
    /// assert_eq!(r.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct WriteStreamRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the stream.
        pub input_handle_index: u8,
        /// Data, preceded by DataSize (2 bytes).
        pub data: Bytes<'a> = ctx(Width::U16),
    }
}

crate::wire_struct! {
    /// A WrittenSize of 2 bytes: the response body of RopWriteStream
    /// (MS-OXCROPS 2.2.9.3.2) and RopWriteAndCommitStream (2.2.9.12.2),
    /// present whatever the ReturnValue.
    ///
    /// ```
    /// use mapi_wire::rop::WrittenSizeBody;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = WrittenSizeBody::decode(&[0x02, 0x00]).unwrap();
    /// assert_eq!(b.written_size, 2);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct WrittenSizeBody {
        /// WrittenSize: the bytes actually written.
        pub written_size: u16,
    }
}

crate::wire_struct! {
    /// The response body of RopWriteStreamExtended (MS-OXCROPS 2.2.9.4.2):
    /// a WrittenSize of 4 bytes, present whatever the ReturnValue.
    ///
    /// ```
    /// use mapi_wire::rop::WriteStreamExtendedBody;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = WriteStreamExtendedBody::decode(&[0x00, 0x00, 0x01, 0x00]).unwrap();
    /// assert_eq!(b.written_size, 0x1_0000);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct WriteStreamExtendedBody {
        /// WrittenSize: the bytes actually written.
        pub written_size: u32,
    }
}

crate::wire_struct! {
    /// The request of the stream ROPs that name only their stream:
    /// RopCommitStream (MS-OXCROPS 2.2.9.5.1) and RopGetStreamSize
    /// (2.2.9.6.1).
    ///
    /// ```
    /// use mapi_wire::rop::StreamRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = StreamRequest::decode(&[0x00, 0x01]).unwrap();
    /// assert_eq!(r.input_handle_index, 1);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct StreamRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the stream.
        pub input_handle_index: u8,
    }
}

crate::wire_struct! {
    /// RopSetStreamSize request (MS-OXCROPS 2.2.9.7.1, MS-OXCPRPT
    /// 2.2.20.1).
    ///
    /// ```
    /// use mapi_wire::rop::SetStreamSizeRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = SetStreamSizeRequest::decode(&[0x00, 0x01, 0x00, 0x04, 0, 0, 0, 0, 0, 0]).unwrap();
    /// assert_eq!(r.stream_size, 1024);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct SetStreamSizeRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the stream.
        pub input_handle_index: u8,
        /// StreamSize: the new size in bytes.
        pub stream_size: u64,
    }
}

crate::wire_struct! {
    /// RopSeekStream request (MS-OXCROPS 2.2.9.8.1, MS-OXCPRPT 2.2.21.1).
    ///
    /// ```
    /// use mapi_wire::rop::{SeekOrigin, SeekStreamRequest};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // Ten bytes back from the end.
    /// let bytes = [0x00, 0x01, 0x02, 0xF6, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
    /// let (r, _) = SeekStreamRequest::decode(&bytes).unwrap();
    /// assert_eq!((r.origin, r.offset), (SeekOrigin::END, -10));
    /// assert_eq!(r.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct SeekStreamRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the stream.
        pub input_handle_index: u8,
        /// Origin.
        pub origin: SeekOrigin,
        /// Offset: the displacement from Origin (signed; see the module
        /// documentation).
        pub offset: i64,
    }
}

crate::wire_struct! {
    /// RopSeekStream success response body (MS-OXCROPS 2.2.9.8.2).
    ///
    /// ```
    /// use mapi_wire::rop::SeekStreamSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = SeekStreamSuccess::decode(&[0x10, 0, 0, 0, 0, 0, 0, 0]).unwrap();
    /// assert_eq!(b.new_position, 16);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct SeekStreamSuccess {
        /// NewPosition: the seek pointer from the start of the stream.
        pub new_position: u64,
    }
}

crate::wire_struct! {
    /// RopCopyToStream request (MS-OXCROPS 2.2.9.9.1, MS-OXCPRPT 2.2.22.1):
    /// copies ByteCount bytes from the source stream's seek pointer to the
    /// destination stream's.
    ///
    /// ```
    /// use mapi_wire::rop::CopyToStreamRequest;
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [0x00, 0x01, 0x02, 0x00, 0x01, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = CopyToStreamRequest::decode(&bytes).unwrap();
    /// assert_eq!((r.source_handle_index, r.dest_handle_index, r.byte_count), (1, 2, 256));
    /// assert_eq!(r.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct CopyToStreamRequest {
        /// LogonId.
        pub logon_id: u8,
        /// SourceHandleIndex: the stream to read.
        pub source_handle_index: u8,
        /// DestHandleIndex: the stream to write.
        pub dest_handle_index: u8,
        /// ByteCount: the bytes to copy.
        pub byte_count: u64,
    }
}

crate::wire_struct! {
    /// RopCopyToStream response body, present whatever the ReturnValue
    /// (MS-OXCROPS 2.2.9.9.2): ReadByteCount and WrittenByteCount, preceded
    /// in the null-destination form (ReturnValue 0x00000503, 2.2.9.9.3) by
    /// the request's DestHandleIndex widened to 4 bytes; the two counts
    /// SHOULD then be 0.
    ///
    /// ```
    /// use mapi_wire::data::ErrorCode;
    /// use mapi_wire::rop::{CopyToStreamBody, RopFacts};
    /// use mapi_wire::wire::Decode;
    ///
    /// let ok = RopFacts::default();
    /// let bytes = [0x08, 0, 0, 0, 0, 0, 0, 0, 0x08, 0, 0, 0, 0, 0, 0, 0];
    /// let (b, _) = CopyToStreamBody::decode_with(&bytes, ok).unwrap();
    /// assert_eq!((b.dest_handle_index, b.read_byte_count, b.written_byte_count), (None, 8, 8));
    ///
    /// let null_dest = RopFacts { return_value: ErrorCode::NULL_DESTINATION_OBJECT, logon: None };
    /// let bytes = [0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let (b, _) = CopyToStreamBody::decode_with(&bytes, null_dest).unwrap();
    /// assert_eq!(b.dest_handle_index, Some(2));
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct CopyToStreamBody (cx: RopFacts) {
        /// DestHandleIndex (4 bytes), present when the ReturnValue is
        /// 0x00000503.
        pub dest_handle_index: Option<u32> =
            when(cx.return_value == ErrorCode::NULL_DESTINATION_OBJECT),
        /// ReadByteCount: the bytes read from the source.
        pub read_byte_count: u64,
        /// WrittenByteCount: the bytes written to the destination.
        pub written_byte_count: u64,
    }
}

crate::wire_struct! {
    /// The request of RopLockRegionStream (MS-OXCROPS 2.2.9.10.1,
    /// MS-OXCPRPT 2.2.24.1) and RopUnlockRegionStream (2.2.9.11.1,
    /// MS-OXCPRPT 2.2.25.1), which have the same layout. An unlock names
    /// the region and LockFlags of its lock.
    ///
    /// ```
    /// use mapi_wire::rop::{LockFlags, RegionStreamRequest};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [
    ///     0x00, 0x01, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0x00, 0x02, 0, 0, 0, 0, 0, 0, 0x01, 0, 0, 0,
    /// ];
    /// let (r, _) = RegionStreamRequest::decode(&bytes).unwrap();
    /// assert_eq!((r.region_offset, r.region_size), (256, 512));
    /// assert_eq!(r.lock_flags, LockFlags::WRITE);
    /// assert_eq!(r.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct RegionStreamRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the stream.
        pub input_handle_index: u8,
        /// RegionOffset: where the region starts.
        pub region_offset: u64,
        /// RegionSize: its length in bytes.
        pub region_size: u64,
        /// LockFlags.
        pub lock_flags: LockFlags,
    }
}

crate::wire_struct! {
    /// RopCloneStream request (MS-OXCROPS 2.2.9.13.1, MS-OXCPRPT 2.2.27.1):
    /// a second Stream object over the same bytes, with its own seek
    /// pointer.
    ///
    /// ```
    /// use mapi_wire::rop::CloneStreamRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = CloneStreamRequest::decode(&[0x00, 0x01, 0x02]).unwrap();
    /// assert_eq!((r.input_handle_index, r.output_handle_index), (1, 2));
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct CloneStreamRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the stream to clone.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the clone's handle goes.
        pub output_handle_index: u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{Decode, Encode, ErrorKind};

    #[test]
    fn babe_without_maximum_cannot_be_encoded() {
        let r = ReadStreamRequest {
            logon_id: 0,
            input_handle_index: 0,
            byte_count: 0xBABE,
            maximum_byte_count: None,
        };
        assert!(matches!(
            r.to_vec().unwrap_err().kind(),
            ErrorKind::Unencodable { .. }
        ));
        assert_eq!(r.limit(), 0xBABE);
    }

    #[test]
    fn read_stream_data_size_is_checked() {
        let e = ReadStreamBody::decode(&[0x10, 0x00, 0x01]).unwrap_err();
        assert_eq!(e.offset(), 0);
        assert_eq!(
            e.to_string(),
            "ReadStreamBody.Data: length 16 runs past the end, 1 bytes remain (offset 0)"
        );
    }
}
