//! The auxiliary buffer and its blocks (MS-OXCRPC 2.2.2.2, 3.1.4.1.2).
//!
//! An auxiliary buffer is one RPC_HEADER_EXT (with Last; it may itself be
//! compressed and/or obfuscated) whose payload is a sequence of blocks, each
//! an AUX_HEADER (Size, Version, Type) and the structure that the Version
//! and Type select. Offsets inside a block are counted from the first byte
//! of its AUX_HEADER; an offset of zero means the field is absent.

use super::ext::{ExtBuffer, RpcHeaderExt, read_buffer};
use crate::data::{Guid, Utf16Str};
use crate::wire::{
    Bytes, Decode, Encode, Error, ErrorKind, Fixed, Limits, Reader, ResultExt, Sink,
};
use core::fmt;

crate::wire_enum! {
    /// The Version of an AUX_HEADER (MS-OXCRPC 2.2.2.2).
    pub struct AuxVersion(u8) {
        /// AUX_VERSION_1.
        V1 = 0x01 => "AUX_VERSION_1",
        /// AUX_VERSION_2.
        V2 = 0x02 => "AUX_VERSION_2",
    }
}

crate::wire_enum! {
    /// The Type of an AUX_HEADER (MS-OXCRPC 2.2.2.2); with the Version it
    /// selects the block structure. AUX_TYPE_SERVER_CAPABILITIES' value
    /// 0x46 is the one Microsoft's MAPI Inspector uses (the block is
    /// MS-OXCRPC 2.2.2.2.19; the type table could not be read for it).
    pub struct AuxType(u8) {
        /// AUX_PERF_REQUESTID.
        PERF_REQUESTID = 0x01 => "AUX_TYPE_PERF_REQUESTID",
        /// AUX_PERF_CLIENTINFO.
        PERF_CLIENTINFO = 0x02 => "AUX_TYPE_PERF_CLIENTINFO",
        /// AUX_PERF_SERVERINFO.
        PERF_SERVERINFO = 0x03 => "AUX_TYPE_PERF_SERVERINFO",
        /// AUX_PERF_SESSIONINFO (v1) / AUX_PERF_SESSIONINFO_V2 (v2).
        PERF_SESSIONINFO = 0x04 => "AUX_TYPE_PERF_SESSIONINFO",
        /// AUX_PERF_DEFMDB_SUCCESS.
        PERF_DEFMDB_SUCCESS = 0x05 => "AUX_TYPE_PERF_DEFMDB_SUCCESS",
        /// AUX_PERF_DEFGC_SUCCESS.
        PERF_DEFGC_SUCCESS = 0x06 => "AUX_TYPE_PERF_DEFGC_SUCCESS",
        /// AUX_PERF_MDB_SUCCESS (v1) / _V2 (v2).
        PERF_MDB_SUCCESS = 0x07 => "AUX_TYPE_PERF_MDB_SUCCESS",
        /// AUX_PERF_GC_SUCCESS (v1) / _V2 (v2).
        PERF_GC_SUCCESS = 0x08 => "AUX_TYPE_PERF_GC_SUCCESS",
        /// AUX_PERF_FAILURE (v1) / _V2 (v2).
        PERF_FAILURE = 0x09 => "AUX_TYPE_PERF_FAILURE",
        /// AUX_CLIENT_CONTROL.
        CLIENT_CONTROL = 0x0A => "AUX_TYPE_CLIENT_CONTROL",
        /// AUX_PERF_PROCESSINFO (v1 and v2 alike).
        PERF_PROCESSINFO = 0x0B => "AUX_TYPE_PERF_PROCESSINFO",
        /// AUX_PERF_DEFMDB_SUCCESS, background.
        PERF_BG_DEFMDB_SUCCESS = 0x0C => "AUX_TYPE_PERF_BG_DEFMDB_SUCCESS",
        /// AUX_PERF_DEFGC_SUCCESS, background.
        PERF_BG_DEFGC_SUCCESS = 0x0D => "AUX_TYPE_PERF_BG_DEFGC_SUCCESS",
        /// AUX_PERF_MDB_SUCCESS(_V2), background.
        PERF_BG_MDB_SUCCESS = 0x0E => "AUX_TYPE_PERF_BG_MDB_SUCCESS",
        /// AUX_PERF_GC_SUCCESS(_V2), background.
        PERF_BG_GC_SUCCESS = 0x0F => "AUX_TYPE_PERF_BG_GC_SUCCESS",
        /// AUX_PERF_FAILURE(_V2), background.
        PERF_BG_FAILURE = 0x10 => "AUX_TYPE_PERF_BG_FAILURE",
        /// AUX_PERF_DEFMDB_SUCCESS, foreground.
        PERF_FG_DEFMDB_SUCCESS = 0x11 => "AUX_TYPE_PERF_FG_DEFMDB_SUCCESS",
        /// AUX_PERF_DEFGC_SUCCESS, foreground.
        PERF_FG_DEFGC_SUCCESS = 0x12 => "AUX_TYPE_PERF_FG_DEFGC_SUCCESS",
        /// AUX_PERF_MDB_SUCCESS(_V2), foreground.
        PERF_FG_MDB_SUCCESS = 0x13 => "AUX_TYPE_PERF_FG_MDB_SUCCESS",
        /// AUX_PERF_GC_SUCCESS(_V2), foreground.
        PERF_FG_GC_SUCCESS = 0x14 => "AUX_TYPE_PERF_FG_GC_SUCCESS",
        /// AUX_PERF_FAILURE(_V2), foreground.
        PERF_FG_FAILURE = 0x15 => "AUX_TYPE_PERF_FG_FAILURE",
        /// AUX_OSVERSIONINFO.
        OSVERSIONINFO = 0x16 => "AUX_TYPE_OSVERSIONINFO",
        /// AUX_EXORGINFO.
        EXORGINFO = 0x17 => "AUX_TYPE_EXORGINFO",
        /// AUX_PERF_ACCOUNTINFO.
        PERF_ACCOUNTINFO = 0x18 => "AUX_TYPE_PERF_ACCOUNTINFO",
        /// AUX_SERVER_CAPABILITIES.
        SERVER_CAPABILITIES = 0x46 => "AUX_TYPE_SERVER_CAPABILITIES",
        /// AUX_ENDPOINT_CAPABILITIES.
        ENDPOINT_CAPABILITIES = 0x48 => "AUX_TYPE_ENDPOINT_CAPABILITIES",
        /// AUX_CLIENT_CONNECTION_INFO.
        CLIENT_CONNECTION_INFO = 0x4A => "AUX_CLIENT_CONNECTION_INFO",
        /// AUX_SERVER_SESSION_INFO.
        SERVER_SESSION_INFO = 0x4B => "AUX_SERVER_SESSION_INFO",
        /// AUX_PROTOCOL_DEVICE_IDENTIFICATION.
        PROTOCOL_DEVICE_IDENTIFICATION = 0x4E => "AUX_PROTOCOL_DEVICE_IDENTIFICATION",
    }
}

crate::wire_struct! {
    /// AUX_HEADER (MS-OXCRPC 2.2.2.2): Size (this header's 4 bytes plus
    /// the block after it), Version and Type.
    ///
    /// ```
    /// use mapi_wire::rpc::{AuxHeader, AuxType, AuxVersion};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (h, _) = AuxHeader::decode(&[0x08, 0x00, 0x01, 0x01]).unwrap();
    /// assert_eq!((h.size, h.version, h.aux_type), (8, AuxVersion::V1, AuxType::PERF_REQUESTID));
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct AuxHeader {
        /// Size, header included.
        pub size: u16,
        /// Version.
        pub version: AuxVersion,
        /// Type.
        pub aux_type: AuxType,
    }
}

impl Fixed for AuxHeader {
    const SIZE: usize = 4;
}

/// Fixed-size opaque bytes (reserved fields), shown as hex.
///
/// ```
/// use mapi_wire::rpc::Raw;
/// assert_eq!(format!("{:?}", Raw([0xAB, 0x01])), "ab01");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Raw<const N: usize>(pub [u8; N]);

impl<const N: usize> Default for Raw<N> {
    fn default() -> Self {
        Raw([0; N])
    }
}

impl<const N: usize> fmt::Debug for Raw<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::wire::write_hex(f, &self.0)
    }
}

impl<'a, const N: usize> Decode<'a> for Raw<N> {
    type Ctx = ();
    const NAME: &'static str = "Bytes";
    const MIN_LEN: usize = N;
    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        r.array().map(Raw)
    }
}

impl<const N: usize> Encode for Raw<N> {
    type Ctx = ();
    fn encoded_len_with(&self, _: ()) -> usize {
        N
    }
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        s.put(&self.0)
    }
}

impl<const N: usize> Fixed for Raw<N> {
    const SIZE: usize = N;
}

#[cfg(feature = "serde")]
impl<const N: usize> serde::Serialize for Raw<N> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::wire::HexStr(&self.0).serialize(s)
    }
}

crate::wire_enum! {
    /// ClientMode of AUX_PERF_CLIENTINFO (MS-OXCRPC 2.2.2.2.4).
    pub struct ClientMode(u16) {
        /// Unknown.
        UNKNOWN = 0x00 => "CLIENTMODE_UNKNOWN",
        /// Online (classic) mode.
        CLASSIC = 0x01 => "CLIENTMODE_CLASSIC",
        /// Cached mode.
        CACHED = 0x02 => "CLIENTMODE_CACHED",
    }
}

crate::wire_enum! {
    /// ServerType of AUX_PERF_SERVERINFO (MS-OXCRPC 2.2.2.2.5).
    pub struct ServerType(u16) {
        /// Unknown.
        UNKNOWN = 0x00 => "SERVERTYPE_UNKNOWN",
        /// Private mailbox data.
        PRIVATE = 0x01 => "SERVERTYPE_PRIVATE",
        /// Public folder data.
        PUBLIC = 0x02 => "SERVERTYPE_PUBLIC",
        /// Directory data.
        DIRECTORY = 0x03 => "SERVERTYPE_DIRECTORY",
        /// Referrals.
        REFERRAL = 0x04 => "SERVERTYPE_REFERRAL",
    }
}

crate::wire_flags! {
    /// EnableFlags of AUX_CLIENT_CONTROL (MS-OXCRPC 2.2.2.2.15). A cleared
    /// bit disables the behaviour; 0x2 (ENABLE_PERF_SENDTOMAILBOX in older
    /// revisions) is reserved now and kept as sent.
    pub struct ClientControlFlags: u32 {
        /// ENABLE_PERF_SENDTOSERVER.
        const ENABLE_PERF_SENDTOSERVER = 0x0000_0001;
        /// ENABLE_COMPRESSION.
        const ENABLE_COMPRESSION = 0x0000_0004;
        /// ENABLE_HTTP_TUNNELING.
        const ENABLE_HTTP_TUNNELING = 0x0000_0008;
        /// ENABLE_PERF_SENDGCDATA.
        const ENABLE_PERF_SENDGCDATA = 0x0000_0010;
    }
}

crate::wire_flags! {
    /// OrgFlags of AUX_EXORGINFO (MS-OXCRPC 2.2.2.2.17).
    pub struct OrgFlags: u32 {
        /// PUBLIC_FOLDERS_ENABLED.
        const PUBLIC_FOLDERS_ENABLED = 0x0000_0001;
        /// USE_AUTODISCOVER_FOR_PUBLIC_FOLDER_CONFIGURATION.
        const USE_AUTODISCOVER_FOR_PUBLIC_FOLDER_CONFIGURATION = 0x0000_0002;
    }
}

crate::wire_flags! {
    /// ServerCapabilityFlags of AUX_SERVER_CAPABILITIES (MS-OXCRPC
    /// 2.2.2.2.19).
    pub struct ServerCapabilityFlags: u32 {
        /// PACKED_FAST_TRANSFER_UPLOAD_BUFFERS.
        const PACKED_FAST_TRANSFER_UPLOAD_BUFFERS = 0x0000_0001;
        /// PACKED_WRITE_STREAM_UPLOAD_BUFFERS.
        const PACKED_WRITE_STREAM_UPLOAD_BUFFERS = 0x0000_0002;
        /// ULTRA_LARGE_PACKED_DOWNLOAD_BUFFERS.
        const ULTRA_LARGE_PACKED_DOWNLOAD_BUFFERS = 0x0000_0008;
    }
}

crate::wire_flags! {
    /// EndpointCapabilityFlag of AUX_ENDPOINT_CAPABILITIES (MS-OXCRPC
    /// 2.2.2.2.20).
    pub struct EndpointCapabilityFlags: u32 {
        /// ENDPOINT_CAPABILITIES_SINGLE_ENDPOINT.
        const SINGLE_ENDPOINT = 0x0000_0001;
    }
}

crate::wire_flags! {
    /// ConnectionFlags of AUX_CLIENT_CONNECTION_INFO (MS-OXCRPC 2.2.2.2.21).
    pub struct ConnectionFlags: u32 {
        /// CLIENTSESSIONINFO_CACHED_MODE: the client is in cached mode.
        const CACHED_MODE = 0x0000_0001;
    }
}

crate::wire_struct! {
    /// AUX_PERF_REQUESTID (MS-OXCRPC 2.2.2.2.1).
    ///
    /// ```
    /// use mapi_wire::rpc::AuxPerfRequestId;
    /// use mapi_wire::wire::Decode;
    /// let (b, _) = AuxPerfRequestId::decode(&[1, 0, 7, 0]).unwrap();
    /// assert_eq!((b.session_id, b.request_id), (1, 7));
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct AuxPerfRequestId {
        /// SessionID.
        pub session_id: u16,
        /// RequestID.
        pub request_id: u16,
    }
}

crate::wire_struct! {
    /// AUX_PERF_SESSIONINFO (MS-OXCRPC 2.2.2.2.2).
    ///
    /// ```
    /// use mapi_wire::rpc::AuxPerfSessionInfo;
    /// use mapi_wire::wire::Decode;
    /// let mut b = vec![3, 0, 0, 0];
    /// b.extend_from_slice(&[0x11; 16]);
    /// assert_eq!(AuxPerfSessionInfo::decode(&b).unwrap().0.session_id, 3);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct AuxPerfSessionInfo {
        /// SessionID.
        pub session_id: u16,
        /// Reserved.
        pub reserved: u16,
        /// SessionGuid.
        pub session_guid: Guid,
    }
}

crate::wire_struct! {
    /// AUX_PERF_SESSIONINFO_V2 (MS-OXCRPC 2.2.2.2.3).
    ///
    /// ```
    /// use mapi_wire::rpc::AuxPerfSessionInfoV2;
    /// use mapi_wire::wire::Decode;
    /// let mut b = vec![3, 0, 0, 0];
    /// b.extend_from_slice(&[0x11; 16]);
    /// b.extend_from_slice(&[9, 0, 0, 0]);
    /// assert_eq!(AuxPerfSessionInfoV2::decode(&b).unwrap().0.connection_id, 9);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct AuxPerfSessionInfoV2 {
        /// SessionID.
        pub session_id: u16,
        /// Reserved.
        pub reserved: u16,
        /// SessionGuid.
        pub session_guid: Guid,
        /// ConnectionID.
        pub connection_id: u32,
    }
}

crate::wire_struct! {
    /// AUX_PERF_DEFMDB_SUCCESS (MS-OXCRPC 2.2.2.2.7), also for the BG and
    /// FG types.
    ///
    /// ```
    /// use mapi_wire::rpc::AuxPerfDefMdbSuccess;
    /// use mapi_wire::wire::Decode;
    /// let (b, _) = AuxPerfDefMdbSuccess::decode(&[10, 0, 0, 0, 20, 0, 0, 0, 5, 0, 0, 0]).unwrap();
    /// assert_eq!((b.time_since_request, b.time_to_complete_request, b.request_id), (10, 20, 5));
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct AuxPerfDefMdbSuccess {
        /// TimeSinceRequest, ms.
        pub time_since_request: u32,
        /// TimeToCompleteRequest, ms.
        pub time_to_complete_request: u32,
        /// RequestID.
        pub request_id: u16,
        /// Reserved.
        pub reserved: u16,
    }
}

crate::wire_struct! {
    /// AUX_PERF_DEFGC_SUCCESS (MS-OXCRPC 2.2.2.2.8), also for the BG and FG
    /// types.
    ///
    /// ```
    /// use mapi_wire::rpc::AuxPerfDefGcSuccess;
    /// use mapi_wire::wire::Decode;
    /// let b = [1, 0, 2, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0x31, 0, 0, 0];
    /// assert_eq!(AuxPerfDefGcSuccess::decode(&b).unwrap().0.request_operation, 0x31);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct AuxPerfDefGcSuccess {
        /// ServerID.
        pub server_id: u16,
        /// SessionID.
        pub session_id: u16,
        /// TimeSinceRequest, ms.
        pub time_since_request: u32,
        /// TimeToCompleteRequest, ms.
        pub time_to_complete_request: u32,
        /// RequestOperation (client-defined).
        pub request_operation: u8,
        /// Reserved.
        pub reserved: [u8; 3],
    }
}

crate::wire_struct! {
    /// AUX_PERF_MDB_SUCCESS (MS-OXCRPC 2.2.2.2.9), also for the BG and FG
    /// types in version 1.
    ///
    /// ```
    /// use mapi_wire::rpc::AuxPerfMdbSuccess;
    /// use mapi_wire::wire::Decode;
    /// let b = [1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 0, 0, 6, 0, 0, 0];
    /// assert_eq!(AuxPerfMdbSuccess::decode(&b).unwrap().0.time_to_complete_request, 6);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct AuxPerfMdbSuccess {
        /// ClientID.
        pub client_id: u16,
        /// ServerID.
        pub server_id: u16,
        /// SessionID.
        pub session_id: u16,
        /// RequestID.
        pub request_id: u16,
        /// TimeSinceRequest, ms.
        pub time_since_request: u32,
        /// TimeToCompleteRequest, ms.
        pub time_to_complete_request: u32,
    }
}

crate::wire_struct! {
    /// AUX_PERF_MDB_SUCCESS_V2 (MS-OXCRPC 2.2.2.2.10), also for the BG and
    /// FG types in version 2.
    ///
    /// ```
    /// use mapi_wire::rpc::AuxPerfMdbSuccessV2;
    /// use mapi_wire::wire::Decode;
    /// let b = [9, 0, 1, 0, 2, 0, 3, 0, 4, 0, 0, 0, 5, 0, 0, 0, 6, 0, 0, 0];
    /// assert_eq!(AuxPerfMdbSuccessV2::decode(&b).unwrap().0.process_id, 9);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct AuxPerfMdbSuccessV2 {
        /// ProcessID.
        pub process_id: u16,
        /// ClientID.
        pub client_id: u16,
        /// ServerID.
        pub server_id: u16,
        /// SessionID.
        pub session_id: u16,
        /// RequestID.
        pub request_id: u16,
        /// Reserved.
        pub reserved: u16,
        /// TimeSinceRequest, ms.
        pub time_since_request: u32,
        /// TimeToCompleteRequest, ms.
        pub time_to_complete_request: u32,
    }
}

crate::wire_struct! {
    /// AUX_PERF_GC_SUCCESS (MS-OXCRPC 2.2.2.2.11), also for the BG and FG
    /// types in version 1.
    ///
    /// ```
    /// use mapi_wire::rpc::AuxPerfGcSuccess;
    /// use mapi_wire::wire::Decode;
    /// let b = [1, 0, 2, 0, 3, 0, 0, 0, 5, 0, 0, 0, 6, 0, 0, 0, 7, 0, 0, 0];
    /// assert_eq!(AuxPerfGcSuccess::decode(&b).unwrap().0.request_operation, 7);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct AuxPerfGcSuccess {
        /// ClientID.
        pub client_id: u16,
        /// ServerID.
        pub server_id: u16,
        /// SessionID.
        pub session_id: u16,
        /// Reserved_1.
        pub reserved_1: u16,
        /// TimeSinceRequest, ms.
        pub time_since_request: u32,
        /// TimeToCompleteRequest, ms.
        pub time_to_complete_request: u32,
        /// RequestOperation (client-defined).
        pub request_operation: u8,
        /// Reserved_2.
        pub reserved_2: [u8; 3],
    }
}

crate::wire_struct! {
    /// AUX_PERF_GC_SUCCESS_V2 (MS-OXCRPC 2.2.2.2.12), also for the BG and FG
    /// types in version 2.
    ///
    /// ```
    /// use mapi_wire::rpc::AuxPerfGcSuccessV2;
    /// use mapi_wire::wire::Decode;
    /// let b = [9, 0, 1, 0, 2, 0, 3, 0, 5, 0, 0, 0, 6, 0, 0, 0, 7, 0, 0, 0];
    /// assert_eq!(AuxPerfGcSuccessV2::decode(&b).unwrap().0.process_id, 9);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct AuxPerfGcSuccessV2 {
        /// ProcessID.
        pub process_id: u16,
        /// ClientID.
        pub client_id: u16,
        /// ServerID.
        pub server_id: u16,
        /// SessionID.
        pub session_id: u16,
        /// TimeSinceRequest, ms.
        pub time_since_request: u32,
        /// TimeToCompleteRequest, ms.
        pub time_to_complete_request: u32,
        /// RequestOperation (client-defined).
        pub request_operation: u8,
        /// Reserved.
        pub reserved: [u8; 3],
    }
}

crate::wire_struct! {
    /// AUX_PERF_FAILURE (MS-OXCRPC 2.2.2.2.13), also for the BG and FG types
    /// in version 1.
    ///
    /// ```
    /// use mapi_wire::rpc::AuxPerfFailure;
    /// use mapi_wire::wire::Decode;
    /// let b = [1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 0, 0, 6, 0, 0, 0, 0x0F, 0x01, 0x04, 0x80, 7, 0, 0, 0];
    /// assert_eq!(AuxPerfFailure::decode(&b).unwrap().0.result_code, 0x8004_010F);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct AuxPerfFailure {
        /// ClientID.
        pub client_id: u16,
        /// ServerID.
        pub server_id: u16,
        /// SessionID.
        pub session_id: u16,
        /// RequestID.
        pub request_id: u16,
        /// TimeSinceRequest, ms.
        pub time_since_request: u32,
        /// TimeToFailRequest, ms.
        pub time_to_fail_request: u32,
        /// ResultCode.
        pub result_code: u32,
        /// RequestOperation (client-defined).
        pub request_operation: u8,
        /// Reserved.
        pub reserved: [u8; 3],
    }
}

crate::wire_struct! {
    /// AUX_PERF_FAILURE_V2 (MS-OXCRPC 2.2.2.2.14), also for the BG and FG
    /// types in version 2.
    ///
    /// ```
    /// use mapi_wire::rpc::AuxPerfFailureV2;
    /// use mapi_wire::wire::Decode;
    /// let mut b = vec![9, 0, 1, 0, 2, 0, 3, 0, 4, 0, 0, 0];
    /// b.extend_from_slice(&[5, 0, 0, 0, 6, 0, 0, 0, 1, 0, 0, 0, 7, 0, 0, 0]);
    /// assert_eq!(AuxPerfFailureV2::decode(&b).unwrap().0.result_code, 1);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct AuxPerfFailureV2 {
        /// ProcessID.
        pub process_id: u16,
        /// ClientID.
        pub client_id: u16,
        /// ServerID.
        pub server_id: u16,
        /// SessionID.
        pub session_id: u16,
        /// RequestID.
        pub request_id: u16,
        /// Reserved_1.
        pub reserved_1: u16,
        /// TimeSinceRequest, ms.
        pub time_since_request: u32,
        /// TimeToFailRequest, ms.
        pub time_to_fail_request: u32,
        /// ResultCode.
        pub result_code: u32,
        /// RequestOperation (client-defined).
        pub request_operation: u8,
        /// Reserved_2.
        pub reserved_2: [u8; 3],
    }
}

crate::wire_struct! {
    /// AUX_CLIENT_CONTROL (MS-OXCRPC 2.2.2.2.15), server to client.
    ///
    /// ```
    /// use mapi_wire::rpc::{AuxClientControl, ClientControlFlags};
    /// use mapi_wire::wire::Decode;
    /// let (b, _) = AuxClientControl::decode(&[0x15, 0, 0, 0, 0x60, 0xEA, 0, 0]).unwrap();
    /// assert!(b.enable_flags.contains(ClientControlFlags::ENABLE_COMPRESSION));
    /// assert_eq!(b.expiry_time, 60_000);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct AuxClientControl {
        /// EnableFlags.
        pub enable_flags: ClientControlFlags,
        /// ExpiryTime, ms.
        pub expiry_time: u32,
    }
}

crate::wire_struct! {
    /// AUX_OSVERSIONINFO (MS-OXCRPC 2.2.2.2.16), server to client.
    ///
    /// ```
    /// use mapi_wire::rpc::AuxOsVersionInfo;
    /// use mapi_wire::wire::Decode;
    /// let mut b = vec![0u8; 156];
    /// b[0] = 148; b[4] = 10; b[12..14].copy_from_slice(&20348u16.to_le_bytes());
    /// let (v, _) = AuxOsVersionInfo::decode(&b).unwrap();
    /// assert_eq!((v.major_version, v.build_number), (10, 20348));
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct AuxOsVersionInfo {
        /// OSVersionInfoSize.
        pub os_version_info_size: u32,
        /// MajorVersion.
        pub major_version: u32,
        /// MinorVersion.
        pub minor_version: u32,
        /// BuildNumber.
        pub build_number: u32,
        /// Reserved1 (132 bytes).
        pub reserved_1: Raw<132>,
        /// ServicePackMajor.
        pub service_pack_major: u16,
        /// ServicePackMinor.
        pub service_pack_minor: u16,
        /// Reserved2.
        pub reserved_2: u32,
    }
}

crate::wire_struct! {
    /// AUX_EXORGINFO (MS-OXCRPC 2.2.2.2.17), server to client.
    ///
    /// ```
    /// use mapi_wire::rpc::{AuxExOrgInfo, OrgFlags};
    /// use mapi_wire::wire::Decode;
    /// let (b, _) = AuxExOrgInfo::decode(&[1, 0, 0, 0]).unwrap();
    /// assert_eq!(b.org_flags, OrgFlags::PUBLIC_FOLDERS_ENABLED);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct AuxExOrgInfo {
        /// OrgFlags.
        pub org_flags: OrgFlags,
    }
}

crate::wire_struct! {
    /// AUX_PERF_ACCOUNTINFO (MS-OXCRPC 2.2.2.2.18), client to server.
    ///
    /// ```
    /// use mapi_wire::rpc::AuxPerfAccountInfo;
    /// use mapi_wire::wire::Decode;
    /// let mut b = vec![4, 0, 0, 0];
    /// b.extend_from_slice(&[0x22; 16]);
    /// assert_eq!(AuxPerfAccountInfo::decode(&b).unwrap().0.client_id, 4);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct AuxPerfAccountInfo {
        /// ClientID.
        pub client_id: u16,
        /// Reserved.
        pub reserved: u16,
        /// Account.
        pub account: Guid,
    }
}

crate::wire_struct! {
    /// AUX_SERVER_CAPABILITIES (MS-OXCRPC 2.2.2.2.19), server to client.
    ///
    /// ```
    /// use mapi_wire::rpc::{AuxServerCapabilities, ServerCapabilityFlags};
    /// use mapi_wire::wire::Decode;
    /// let (b, _) = AuxServerCapabilities::decode(&[0x0B, 0, 0, 0]).unwrap();
    /// assert!(b.server_capability_flags.contains(ServerCapabilityFlags::ULTRA_LARGE_PACKED_DOWNLOAD_BUFFERS));
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct AuxServerCapabilities {
        /// ServerCapabilityFlags.
        pub server_capability_flags: ServerCapabilityFlags,
    }
}

crate::wire_struct! {
    /// AUX_ENDPOINT_CAPABILITIES (MS-OXCRPC 2.2.2.2.20), server to client.
    ///
    /// ```
    /// use mapi_wire::rpc::{AuxEndpointCapabilities, EndpointCapabilityFlags};
    /// use mapi_wire::wire::Decode;
    /// let (b, _) = AuxEndpointCapabilities::decode(&[1, 0, 0, 0]).unwrap();
    /// assert_eq!(b.endpoint_capability_flag, EndpointCapabilityFlags::SINGLE_ENDPOINT);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct AuxEndpointCapabilities {
        /// EndpointCapabilityFlag.
        pub endpoint_capability_flag: EndpointCapabilityFlags,
    }
}

// ------------------------------------------------ offset-addressed fields

/// The variable part of a block whose strings and byte fields are located
/// by offsets.
///
/// A decoded block keeps the bytes after its fixed part as they were sent
/// ([`AuxTail::Wire`]), so that padding, order and any gaps re-encode
/// exactly. A block built with a constructor ([`AuxTail::Canonical`]) lays
/// its fields out in the specification's order right after the fixed part;
/// its offset and size fields must then be the ones the constructor
/// computed (encoding checks).
///
/// ```
/// use mapi_wire::rpc::{AuxServerSessionInfo, AuxTail};
/// let b = AuxServerSessionInfo::new(Some("ctx"));
/// assert_eq!(b.tail, AuxTail::Canonical);
/// assert_eq!(b.offset_server_session_context_info, 6);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AuxTail<'a> {
    /// The bytes after the fixed part, as decoded.
    Wire(&'a [u8]),
    /// Laid out in the specification's order on encoding.
    Canonical,
}

#[cfg(feature = "serde")]
impl serde::Serialize for AuxTail<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            AuxTail::Wire(b) => crate::wire::HexStr(b).serialize(s),
            AuxTail::Canonical => s.serialize_none(),
        }
    }
}

/// One offset-addressed field of a block.
#[derive(Clone, Copy)]
enum Slot<'a> {
    /// A NUL-terminated UTF-16LE string and its offset.
    Str(u16, Option<Utf16Str<'a>>),
    /// Raw bytes, their offset and their size field.
    Bytes(u16, u16, Option<Bytes<'a>>),
}

impl Slot<'_> {
    fn canonical_len(&self) -> usize {
        match self {
            Slot::Str(_, Some(s)) => s.encoded_len(),
            Slot::Bytes(_, _, Some(b)) => b.0.len(),
            _ => 0,
        }
    }
}

/// Lays `slots` out after a fixed part ending `fixed_end` bytes after the
/// AUX_HEADER start and checks that their offset (and size) fields are the
/// canonical ones.
fn check_canonical(fixed_end: usize, slots: &[Slot<'_>], at: usize) -> Result<(), Error> {
    let mut next = fixed_end;
    for slot in slots {
        let (stored, want, size_ok) = match slot {
            Slot::Str(off, v) => (*off, v.is_some().then_some(next), true),
            Slot::Bytes(off, size, v) => (
                *off,
                v.is_some().then_some(next),
                usize::from(*size) == v.map_or(0, |b| b.0.len()),
            ),
        };
        let want = match want {
            Some(w) => u16::try_from(w).ok(),
            None => Some(0),
        };
        if want != Some(stored) || !size_ok {
            return Err(Error::new(
                ErrorKind::Unencodable {
                    value: u64::from(stored),
                },
                at,
            ));
        }
        next += slot.canonical_len();
    }
    Ok(())
}

fn write_canonical<S: Sink + ?Sized>(s: &mut S, slots: &[Slot<'_>]) -> Result<(), Error> {
    for slot in slots {
        match slot {
            Slot::Str(_, Some(v)) => v.encode(s)?,
            Slot::Bytes(_, _, Some(b)) => s.put(b.0)?,
            _ => {}
        }
    }
    Ok(())
}

/// A sink that compares what is written with expected bytes.
struct CmpSink<'e> {
    expected: &'e [u8],
    pos: usize,
    same: bool,
}

impl Sink for CmpSink<'_> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let end = self.pos + bytes.len();
        self.same &= self.expected.get(self.pos..end) == Some(bytes);
        self.pos = end;
        Ok(())
    }
    fn position(&self) -> usize {
        self.pos
    }
}

/// True when two variable parts hold the same bytes, whichever their form.
fn tails_equal(a: AuxTail<'_>, sa: &[Slot<'_>], b: AuxTail<'_>, sb: &[Slot<'_>]) -> bool {
    let canonical_is = |slots: &[Slot<'_>], wire: &[u8]| {
        let mut c = CmpSink {
            expected: wire,
            pos: 0,
            same: true,
        };
        write_canonical(&mut c, slots).is_ok() && c.same && c.pos == wire.len()
    };
    match (a, b) {
        (AuxTail::Wire(x), AuxTail::Wire(y)) => x == y,
        (AuxTail::Canonical, AuxTail::Canonical) => true,
        (AuxTail::Canonical, AuxTail::Wire(w)) => canonical_is(sa, w),
        (AuxTail::Wire(w), AuxTail::Canonical) => canonical_is(sb, w),
    }
}

/// Computes canonical offsets for constructors: the offset of each present
/// field in order, 0 for absent ones (saturating at u16::MAX, which
/// encoding then rejects).
struct Placer(usize);

impl Placer {
    fn str(&mut self, v: &Option<Utf16Str<'_>>) -> u16 {
        match v {
            Some(s) => {
                let at = u16::try_from(self.0).unwrap_or(u16::MAX);
                self.0 += s.encoded_len();
                at
            }
            None => 0,
        }
    }
    fn bytes(&mut self, v: &Option<Bytes<'_>>) -> (u16, u16) {
        match v {
            Some(b) => {
                let at = u16::try_from(self.0).unwrap_or(u16::MAX);
                self.0 += b.0.len();
                (at, u16::try_from(b.0.len()).unwrap_or(u16::MAX))
            }
            None => (0, 0),
        }
    }
}

/// What a variable block's decoder sees: the whole block, AUX_HEADER
/// included, and its absolute offset.
#[derive(Clone, Copy)]
struct BlockBytes<'a> {
    bytes: &'a [u8],
    base: usize,
    fixed_end: usize,
    limits: Limits,
}

impl<'a> BlockBytes<'a> {
    /// The start of a field at `offset`, which must lie in the block's
    /// variable part. `field_at` is where the offset field itself is.
    fn tail_at(&self, offset: u16, field_at: usize) -> Result<Reader<'a>, Error> {
        let o = usize::from(offset);
        if o < self.fixed_end || o >= self.bytes.len() {
            return Err(Error::new(
                ErrorKind::InvalidValue {
                    value: u64::from(offset),
                },
                field_at,
            ));
        }
        Ok(Reader::at_offset(
            self.bytes.get(o..).unwrap_or(&[]),
            self.base + o,
            self.limits,
        ))
    }

    fn string(
        &self,
        offset: u16,
        field_at: usize,
        name: &'static str,
    ) -> Result<Option<Utf16Str<'a>>, Error> {
        if offset == 0 {
            return Ok(None);
        }
        let mut r = self.tail_at(offset, field_at).in_field(name)?;
        Utf16Str::decode_from(&mut r, ()).map(Some).in_field(name)
    }

    fn bytes(
        &self,
        offset: u16,
        size: u16,
        field_at: usize,
        name: &'static str,
    ) -> Result<Option<Bytes<'a>>, Error> {
        if offset == 0 {
            return Ok(None);
        }
        let mut r = self.tail_at(offset, field_at).in_field(name)?;
        r.bytes(usize::from(size))
            .map(|b| Some(Bytes(b)))
            .in_field(name)
    }
}

/// Declares a block with offset-addressed fields: its fixed part (decoded
/// in order), the slots that the offsets point at, and the encoders.
macro_rules! var_block {
    (
        $(#[$m:meta])*
        pub struct $Name:ident<'a> {
            fixed { $( $(#[$fm:meta])* pub $f:ident : $T:ty, )* }
            slots { $( $(#[$sm:meta])* pub $s:ident : $S:ty = $kind:ident($($arg:ident),*), )* }
        }
    ) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize))]
        pub struct $Name<'a> {
            $( $(#[$fm])* pub $f: $T, )*
            $( $(#[$sm])* pub $s: $S, )*
            /// The variable part: as decoded, or laid out on encoding.
            pub tail: AuxTail<'a>,
        }

        impl<'a> $Name<'a> {
            /// Bytes of the fixed part.
            pub const FIXED_LEN: usize = 0 $( + <$T as Fixed>::SIZE )*;

            fn slots(&self) -> [Slot<'a>; 0 $( + var_block!(@one $s) )*] {
                [ $( var_block!(@slot self $kind($($arg),*) $s) ),* ]
            }

            fn decode_body(b: BlockBytes<'a>, r: &mut Reader<'a>) -> Result<Self, Error> {
                #[allow(unused_variables)]
                let start = r.offset();
                $( let $f = <$T as Decode>::decode_from(r, ()).in_field(stringify!($f))?; )*
                $(
                    let $s = var_block!(@resolve b start $kind($($arg),*) $s);
                )*
                let tail = AuxTail::Wire(r.rest());
                Ok($Name { $($f,)* $($s,)* tail })
            }

            fn encode_fixed<S: Sink + ?Sized>(&self, s: &mut S) -> Result<(), Error> {
                $( self.$f.encode(s).in_field(stringify!($f))?; )*
                Ok(())
            }
        }

        /// Equal when the fields and the variable bytes they encode to
        /// are equal (a decoded block equals the built one it came from).
        impl PartialEq for $Name<'_> {
            fn eq(&self, other: &Self) -> bool {
                $( self.$f == other.$f && )*
                $( self.$s == other.$s && )*
                tails_equal(self.tail, &self.slots(), other.tail, &other.slots())
            }
        }

        impl Encode for $Name<'_> {
            type Ctx = ();
            fn encoded_len_with(&self, _: ()) -> usize {
                Self::FIXED_LEN
                    + match self.tail {
                        AuxTail::Wire(t) => t.len(),
                        AuxTail::Canonical => self.slots().iter().map(Slot::canonical_len).sum(),
                    }
            }
            fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
                match self.tail {
                    AuxTail::Wire(t) => {
                        self.encode_fixed(s)?;
                        s.put(t)
                    }
                    AuxTail::Canonical => {
                        let slots = self.slots();
                        check_canonical(AuxHeader::SIZE + Self::FIXED_LEN, &slots, s.position())?;
                        self.encode_fixed(s)?;
                        write_canonical(s, &slots)
                    }
                }
            }
        }
    };
    (@one $s:ident) => { 1 };
    (@slot $self:ident Str($off:ident) $s:ident) => { Slot::Str($self.$off, $self.$s) };
    (@slot $self:ident Bytes($off:ident, $size:ident) $s:ident) => {
        Slot::Bytes($self.$off, $self.$size, $self.$s)
    };
    (@resolve $b:ident $start:ident Str($off:ident) $s:ident) => {
        $b.string($off, $start + Self::offset_of(stringify!($off)), stringify!($s))?
    };
    (@resolve $b:ident $start:ident Bytes($off:ident, $size:ident) $s:ident) => {
        $b.bytes($off, $size, $start + Self::offset_of(stringify!($off)), stringify!($s))?
    };
}

/// Position of the field `name` within a fixed part given as
/// `(name, size)` pairs.
const fn field_offset(fields: &[(&str, usize)], name: &str) -> usize {
    let mut at = 0;
    let mut i = 0;
    while i < fields.len() {
        if str_eq(fields[i].0, name) {
            return at;
        }
        at += fields[i].1;
        i += 1;
    }
    0
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

var_block! {
    /// AUX_PERF_CLIENTINFO (MS-OXCRPC 2.2.2.2.4): the client machine, user
    /// and network adapter. MachineName, UserName and AdapterName are
    /// NUL-terminated UTF-16LE strings; ClientIP, ClientIPMask and
    /// MacAddress raw bytes of the given sizes.
    ///
    /// ```
    /// use mapi_wire::rpc::{AuxBlock, AuxBody, AuxPerfClientInfo, ClientMode};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let info = AuxPerfClientInfo::new(100_000, 1, Some("PC"), Some("jane"), Some(&[10, 0, 0, 1]),
    ///     None, None, None, ClientMode::CACHED);
    /// let block = AuxBlock::new(AuxBody::PerfClientInfo(info)).unwrap();
    /// let bytes = block.to_vec().unwrap();
    /// assert_eq!(bytes.len(), 4 + 28 + 6 + 10 + 4);
    /// let (back, _) = AuxBlock::decode(&bytes).unwrap();
    /// let AuxBody::PerfClientInfo(c) = back.body else { panic!() };
    /// assert_eq!(c.machine_name.unwrap(), "PC");
    /// assert_eq!(c.client_ip.unwrap().0, &[10, 0, 0, 1]);
    /// ```
    pub struct AuxPerfClientInfo<'a> {
        fixed {
            /// AdapterSpeed, kbit/s.
            pub adapter_speed: u32,
            /// ClientID.
            pub client_id: u16,
            /// MachineNameOffset.
            pub machine_name_offset: u16,
            /// UserNameOffset.
            pub user_name_offset: u16,
            /// ClientIPSize.
            pub client_ip_size: u16,
            /// ClientIPOffset.
            pub client_ip_offset: u16,
            /// ClientIPMaskSize.
            pub client_ip_mask_size: u16,
            /// ClientIPMaskOffset.
            pub client_ip_mask_offset: u16,
            /// AdapterNameOffset.
            pub adapter_name_offset: u16,
            /// MacAddressSize.
            pub mac_address_size: u16,
            /// MacAddressOffset.
            pub mac_address_offset: u16,
            /// ClientMode.
            pub client_mode: ClientMode,
            /// Reserved (alignment).
            pub reserved: u16,
        }
        slots {
            /// MachineName.
            pub machine_name: Option<Utf16Str<'a>> = Str(machine_name_offset),
            /// UserName.
            pub user_name: Option<Utf16Str<'a>> = Str(user_name_offset),
            /// ClientIP.
            pub client_ip: Option<Bytes<'a>> = Bytes(client_ip_offset, client_ip_size),
            /// ClientIPMask.
            pub client_ip_mask: Option<Bytes<'a>> = Bytes(client_ip_mask_offset, client_ip_mask_size),
            /// AdapterName.
            pub adapter_name: Option<Utf16Str<'a>> = Str(adapter_name_offset),
            /// MacAddress.
            pub mac_address: Option<Bytes<'a>> = Bytes(mac_address_offset, mac_address_size),
        }
    }
}

impl<'a> AuxPerfClientInfo<'a> {
    const FIELDS: &'static [(&'static str, usize)] = &[
        ("adapter_speed", 4),
        ("client_id", 2),
        ("machine_name_offset", 2),
        ("user_name_offset", 2),
        ("client_ip_size", 2),
        ("client_ip_offset", 2),
        ("client_ip_mask_size", 2),
        ("client_ip_mask_offset", 2),
        ("adapter_name_offset", 2),
        ("mac_address_size", 2),
        ("mac_address_offset", 2),
    ];
    const fn offset_of(name: &str) -> usize {
        field_offset(Self::FIELDS, name)
    }

    /// A block with its fields laid out canonically.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        adapter_speed: u32,
        client_id: u16,
        machine_name: Option<&'a str>,
        user_name: Option<&'a str>,
        client_ip: Option<&'a [u8]>,
        client_ip_mask: Option<&'a [u8]>,
        adapter_name: Option<&'a str>,
        mac_address: Option<&'a [u8]>,
        client_mode: ClientMode,
    ) -> Self {
        let machine_name = machine_name.map(Utf16Str::from_str);
        let user_name = user_name.map(Utf16Str::from_str);
        let client_ip = client_ip.map(Bytes);
        let client_ip_mask = client_ip_mask.map(Bytes);
        let adapter_name = adapter_name.map(Utf16Str::from_str);
        let mac_address = mac_address.map(Bytes);
        let mut p = Placer(AuxHeader::SIZE + Self::FIXED_LEN);
        let machine_name_offset = p.str(&machine_name);
        let user_name_offset = p.str(&user_name);
        let (client_ip_offset, client_ip_size) = p.bytes(&client_ip);
        let (client_ip_mask_offset, client_ip_mask_size) = p.bytes(&client_ip_mask);
        let adapter_name_offset = p.str(&adapter_name);
        let (mac_address_offset, mac_address_size) = p.bytes(&mac_address);
        AuxPerfClientInfo {
            adapter_speed,
            client_id,
            machine_name_offset,
            user_name_offset,
            client_ip_size,
            client_ip_offset,
            client_ip_mask_size,
            client_ip_mask_offset,
            adapter_name_offset,
            mac_address_size,
            mac_address_offset,
            client_mode,
            reserved: 0,
            machine_name,
            user_name,
            client_ip,
            client_ip_mask,
            adapter_name,
            mac_address,
            tail: AuxTail::Canonical,
        }
    }
}

var_block! {
    /// AUX_PERF_SERVERINFO (MS-OXCRPC 2.2.2.2.5): which server the
    /// performance data is about. ServerDN and ServerName are
    /// NUL-terminated UTF-16LE strings.
    ///
    /// ```
    /// use mapi_wire::rpc::{AuxBlock, AuxBody, AuxPerfServerInfo, ServerType};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let b = AuxBlock::new(AuxBody::PerfServerInfo(
    ///     AuxPerfServerInfo::new(1, ServerType::PRIVATE, Some("/o=First"), Some("ex1")))).unwrap();
    /// let bytes = b.to_vec().unwrap();
    /// assert_eq!(&bytes[8..12], &[12, 0, 30, 0]); // the two offsets
    /// assert_eq!(AuxBlock::decode(&bytes).unwrap().0, b.clone());
    /// ```
    pub struct AuxPerfServerInfo<'a> {
        fixed {
            /// ServerID (client-assigned).
            pub server_id: u16,
            /// ServerType.
            pub server_type: ServerType,
            /// ServerDNOffset.
            pub server_dn_offset: u16,
            /// ServerNameOffset.
            pub server_name_offset: u16,
        }
        slots {
            /// ServerDN.
            pub server_dn: Option<Utf16Str<'a>> = Str(server_dn_offset),
            /// ServerName.
            pub server_name: Option<Utf16Str<'a>> = Str(server_name_offset),
        }
    }
}

impl<'a> AuxPerfServerInfo<'a> {
    const FIELDS: &'static [(&'static str, usize)] = &[
        ("server_id", 2),
        ("server_type", 2),
        ("server_dn_offset", 2),
        ("server_name_offset", 2),
    ];
    const fn offset_of(name: &str) -> usize {
        field_offset(Self::FIELDS, name)
    }

    /// A block with its fields laid out canonically.
    pub fn new(
        server_id: u16,
        server_type: ServerType,
        server_dn: Option<&'a str>,
        server_name: Option<&'a str>,
    ) -> Self {
        let server_dn = server_dn.map(Utf16Str::from_str);
        let server_name = server_name.map(Utf16Str::from_str);
        let mut p = Placer(AuxHeader::SIZE + Self::FIXED_LEN);
        let server_dn_offset = p.str(&server_dn);
        let server_name_offset = p.str(&server_name);
        AuxPerfServerInfo {
            server_id,
            server_type,
            server_dn_offset,
            server_name_offset,
            server_dn,
            server_name,
            tail: AuxTail::Canonical,
        }
    }
}

var_block! {
    /// AUX_PERF_PROCESSINFO (MS-OXCRPC 2.2.2.2.6), the same layout in
    /// versions 1 and 2. ProcessName is a NUL-terminated UTF-16LE string.
    ///
    /// ```
    /// use mapi_wire::data::Guid;
    /// use mapi_wire::rpc::AuxPerfProcessInfo;
    /// let p = AuxPerfProcessInfo::new(2, Guid::NIL, Some("OUTLOOK.EXE"));
    /// assert_eq!(p.process_name_offset, 28);
    /// ```
    pub struct AuxPerfProcessInfo<'a> {
        fixed {
            /// ProcessID.
            pub process_id: u16,
            /// Reserved_1.
            pub reserved_1: u16,
            /// ProcessGuid.
            pub process_guid: Guid,
            /// ProcessNameOffset.
            pub process_name_offset: u16,
            /// Reserved_2.
            pub reserved_2: u16,
        }
        slots {
            /// ProcessName.
            pub process_name: Option<Utf16Str<'a>> = Str(process_name_offset),
        }
    }
}

impl<'a> AuxPerfProcessInfo<'a> {
    const FIELDS: &'static [(&'static str, usize)] = &[
        ("process_id", 2),
        ("reserved_1", 2),
        ("process_guid", 16),
        ("process_name_offset", 2),
    ];
    const fn offset_of(name: &str) -> usize {
        field_offset(Self::FIELDS, name)
    }

    /// A block with its fields laid out canonically.
    pub fn new(process_id: u16, process_guid: Guid, process_name: Option<&'a str>) -> Self {
        let process_name = process_name.map(Utf16Str::from_str);
        let mut p = Placer(AuxHeader::SIZE + Self::FIXED_LEN);
        let process_name_offset = p.str(&process_name);
        AuxPerfProcessInfo {
            process_id,
            reserved_1: 0,
            process_guid,
            process_name_offset,
            reserved_2: 0,
            process_name,
            tail: AuxTail::Canonical,
        }
    }
}

var_block! {
    /// AUX_CLIENT_CONNECTION_INFO (MS-OXCRPC 2.2.2.2.21), client to server.
    /// ConnectionAttempts is 4 bytes, as in the current specification (an
    /// older revision said 2; MAPI Inspector and gromox read 4).
    // OfficeDev/Interop-TestSuites (MS-OXCRPC AuxStructures.cs) writes
    // ConnectionAttempts as 2 bytes and pads the block to 28 bytes at the
    // end, and sends ConnectionContextInfo without its terminator: the
    // older reading. The 4-byte field of 2.2.2.2.21 is kept.
    /// ConnectionContextInfo is a NUL-terminated UTF-16LE string.
    ///
    /// ```
    /// use mapi_wire::data::Guid;
    /// use mapi_wire::rpc::{AuxClientConnectionInfo, ConnectionFlags};
    /// use mapi_wire::wire::Encode;
    /// let c = AuxClientConnectionInfo::new(Guid::NIL, Some("ctx"), 1, ConnectionFlags::CACHED_MODE);
    /// assert_eq!(c.offset_connection_context_info, 32);
    /// assert_eq!(c.encoded_len(), 28 + 8);
    /// ```
    pub struct AuxClientConnectionInfo<'a> {
        fixed {
            /// ConnectionGUID.
            pub connection_guid: Guid,
            /// OffsetConnectionContextInfo.
            pub offset_connection_context_info: u16,
            /// Reserved.
            pub reserved: u16,
            /// ConnectionAttempts.
            pub connection_attempts: u32,
            /// ConnectionFlags.
            pub connection_flags: ConnectionFlags,
        }
        slots {
            /// ConnectionContextInfo.
            pub connection_context_info: Option<Utf16Str<'a>> = Str(offset_connection_context_info),
        }
    }
}

impl<'a> AuxClientConnectionInfo<'a> {
    const FIELDS: &'static [(&'static str, usize)] = &[
        ("connection_guid", 16),
        ("offset_connection_context_info", 2),
    ];
    const fn offset_of(name: &str) -> usize {
        field_offset(Self::FIELDS, name)
    }

    /// A block with its fields laid out canonically.
    pub fn new(
        connection_guid: Guid,
        connection_context_info: Option<&'a str>,
        connection_attempts: u32,
        connection_flags: ConnectionFlags,
    ) -> Self {
        let connection_context_info = connection_context_info.map(Utf16Str::from_str);
        let mut p = Placer(AuxHeader::SIZE + Self::FIXED_LEN);
        let offset_connection_context_info = p.str(&connection_context_info);
        AuxClientConnectionInfo {
            connection_guid,
            offset_connection_context_info,
            reserved: 0,
            connection_attempts,
            connection_flags,
            connection_context_info,
            tail: AuxTail::Canonical,
        }
    }
}

var_block! {
    /// AUX_SERVER_SESSION_INFO (MS-OXCRPC 2.2.2.2.22), server to client:
    /// opaque session information (a NUL-terminated UTF-16LE string) for
    /// the client to log.
    ///
    /// ```
    /// use mapi_wire::rpc::AuxServerSessionInfo;
    /// use mapi_wire::wire::Encode;
    /// let s = AuxServerSessionInfo::new(Some("a"));
    /// assert_eq!(s.to_vec().unwrap(), [6, 0, b'a', 0, 0, 0]);
    /// ```
    pub struct AuxServerSessionInfo<'a> {
        fixed {
            /// OffsetServerSessionContextInfo.
            pub offset_server_session_context_info: u16,
        }
        slots {
            /// ServerSessionContextInfo.
            pub server_session_context_info: Option<Utf16Str<'a>> =
                Str(offset_server_session_context_info),
        }
    }
}

impl<'a> AuxServerSessionInfo<'a> {
    const FIELDS: &'static [(&'static str, usize)] = &[("offset_server_session_context_info", 2)];
    const fn offset_of(name: &str) -> usize {
        field_offset(Self::FIELDS, name)
    }

    /// A block with its fields laid out canonically.
    pub fn new(server_session_context_info: Option<&'a str>) -> Self {
        let server_session_context_info = server_session_context_info.map(Utf16Str::from_str);
        let mut p = Placer(AuxHeader::SIZE + Self::FIXED_LEN);
        let offset_server_session_context_info = p.str(&server_session_context_info);
        AuxServerSessionInfo {
            offset_server_session_context_info,
            server_session_context_info,
            tail: AuxTail::Canonical,
        }
    }
}

var_block! {
    /// AUX_PROTOCOL_DEVICE_IDENTIFICATION (MS-OXCRPC 2.2.2.2.23), added by
    /// intermediaries: five NUL-terminated UTF-16LE strings.
    ///
    /// ```
    /// use mapi_wire::rpc::AuxProtocolDeviceIdentification;
    /// let d = AuxProtocolDeviceIdentification::new(Some("Contoso"), Some("X1"), None, None, None);
    /// assert_eq!((d.device_manufacturer_offset, d.device_model_offset), (14, 30));
    /// ```
    pub struct AuxProtocolDeviceIdentification<'a> {
        fixed {
            /// DeviceManufacturerOffset.
            pub device_manufacturer_offset: u16,
            /// DeviceModelOffset.
            pub device_model_offset: u16,
            /// DeviceSerialNumberOffset.
            pub device_serial_number_offset: u16,
            /// DeviceVersionOffset.
            pub device_version_offset: u16,
            /// DeviceFirmwareVersionOffset.
            pub device_firmware_version_offset: u16,
        }
        slots {
            /// DeviceManufacturer.
            pub device_manufacturer: Option<Utf16Str<'a>> = Str(device_manufacturer_offset),
            /// DeviceModel.
            pub device_model: Option<Utf16Str<'a>> = Str(device_model_offset),
            /// DeviceSerialNumber.
            pub device_serial_number: Option<Utf16Str<'a>> = Str(device_serial_number_offset),
            /// DeviceVersion.
            pub device_version: Option<Utf16Str<'a>> = Str(device_version_offset),
            /// DeviceFirmwareVersion.
            pub device_firmware_version: Option<Utf16Str<'a>> =
                Str(device_firmware_version_offset),
        }
    }
}

impl<'a> AuxProtocolDeviceIdentification<'a> {
    const FIELDS: &'static [(&'static str, usize)] = &[
        ("device_manufacturer_offset", 2),
        ("device_model_offset", 2),
        ("device_serial_number_offset", 2),
        ("device_version_offset", 2),
        ("device_firmware_version_offset", 2),
    ];
    const fn offset_of(name: &str) -> usize {
        field_offset(Self::FIELDS, name)
    }

    /// A block with its fields laid out canonically.
    pub fn new(
        device_manufacturer: Option<&'a str>,
        device_model: Option<&'a str>,
        device_serial_number: Option<&'a str>,
        device_version: Option<&'a str>,
        device_firmware_version: Option<&'a str>,
    ) -> Self {
        let device_manufacturer = device_manufacturer.map(Utf16Str::from_str);
        let device_model = device_model.map(Utf16Str::from_str);
        let device_serial_number = device_serial_number.map(Utf16Str::from_str);
        let device_version = device_version.map(Utf16Str::from_str);
        let device_firmware_version = device_firmware_version.map(Utf16Str::from_str);
        let mut p = Placer(AuxHeader::SIZE + Self::FIXED_LEN);
        AuxProtocolDeviceIdentification {
            device_manufacturer_offset: p.str(&device_manufacturer),
            device_model_offset: p.str(&device_model),
            device_serial_number_offset: p.str(&device_serial_number),
            device_version_offset: p.str(&device_version),
            device_firmware_version_offset: p.str(&device_firmware_version),
            device_manufacturer,
            device_model,
            device_serial_number,
            device_version,
            device_firmware_version,
            tail: AuxTail::Canonical,
        }
    }
}

// ------------------------------------------------------------- the block

/// The structure after an AUX_HEADER, as selected by its Version and Type
/// (MS-OXCRPC 2.2.2.2). Types without a structure in a version (and
/// undocumented ones such as 0x43, 0x49, 0x52 seen from Exchange and
/// Outlook), and known types whose Size does not fit their structure, are
/// [`AuxBody::Opaque`]: kept as bytes and re-encoded exactly.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "block"))]
pub enum AuxBody<'a> {
    /// AUX_PERF_REQUESTID.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_PERF_REQUESTID"))]
    PerfRequestId(AuxPerfRequestId),
    /// AUX_PERF_CLIENTINFO.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_PERF_CLIENTINFO"))]
    PerfClientInfo(AuxPerfClientInfo<'a>),
    /// AUX_PERF_SERVERINFO.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_PERF_SERVERINFO"))]
    PerfServerInfo(AuxPerfServerInfo<'a>),
    /// AUX_PERF_SESSIONINFO.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_PERF_SESSIONINFO"))]
    PerfSessionInfo(AuxPerfSessionInfo),
    /// AUX_PERF_SESSIONINFO_V2.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_PERF_SESSIONINFO_V2"))]
    PerfSessionInfoV2(AuxPerfSessionInfoV2),
    /// Types 0x05, 0x0C, 0x11.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_PERF_DEFMDB_SUCCESS"))]
    PerfDefMdbSuccess(AuxPerfDefMdbSuccess),
    /// Types 0x06, 0x0D, 0x12.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_PERF_DEFGC_SUCCESS"))]
    PerfDefGcSuccess(AuxPerfDefGcSuccess),
    /// Types 0x07, 0x0E, 0x13 in version 1.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_PERF_MDB_SUCCESS"))]
    PerfMdbSuccess(AuxPerfMdbSuccess),
    /// Types 0x07, 0x0E, 0x13 in version 2.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_PERF_MDB_SUCCESS_V2"))]
    PerfMdbSuccessV2(AuxPerfMdbSuccessV2),
    /// Types 0x08, 0x0F, 0x14 in version 1.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_PERF_GC_SUCCESS"))]
    PerfGcSuccess(AuxPerfGcSuccess),
    /// Types 0x08, 0x0F, 0x14 in version 2.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_PERF_GC_SUCCESS_V2"))]
    PerfGcSuccessV2(AuxPerfGcSuccessV2),
    /// Types 0x09, 0x10, 0x15 in version 1.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_PERF_FAILURE"))]
    PerfFailure(AuxPerfFailure),
    /// Types 0x09, 0x10, 0x15 in version 2.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_PERF_FAILURE_V2"))]
    PerfFailureV2(AuxPerfFailureV2),
    /// AUX_CLIENT_CONTROL.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_CLIENT_CONTROL"))]
    ClientControl(AuxClientControl),
    /// Type 0x0B, versions 1 and 2.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_PERF_PROCESSINFO"))]
    PerfProcessInfo(AuxPerfProcessInfo<'a>),
    /// AUX_OSVERSIONINFO.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_OSVERSIONINFO"))]
    OsVersionInfo(AuxOsVersionInfo),
    /// AUX_EXORGINFO.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_EXORGINFO"))]
    ExOrgInfo(AuxExOrgInfo),
    /// AUX_PERF_ACCOUNTINFO.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_PERF_ACCOUNTINFO"))]
    PerfAccountInfo(AuxPerfAccountInfo),
    /// AUX_SERVER_CAPABILITIES.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_SERVER_CAPABILITIES"))]
    ServerCapabilities(AuxServerCapabilities),
    /// AUX_ENDPOINT_CAPABILITIES.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_ENDPOINT_CAPABILITIES"))]
    EndpointCapabilities(AuxEndpointCapabilities),
    /// AUX_CLIENT_CONNECTION_INFO.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_CLIENT_CONNECTION_INFO"))]
    ClientConnectionInfo(AuxClientConnectionInfo<'a>),
    /// AUX_SERVER_SESSION_INFO.
    #[cfg_attr(feature = "serde", serde(rename = "AUX_SERVER_SESSION_INFO"))]
    ServerSessionInfo(AuxServerSessionInfo<'a>),
    /// AUX_PROTOCOL_DEVICE_IDENTIFICATION.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "AUX_PROTOCOL_DEVICE_IDENTIFICATION")
    )]
    ProtocolDeviceIdentification(AuxProtocolDeviceIdentification<'a>),
    /// An unknown (Version, Type), or a known one whose size does not fit.
    #[cfg_attr(feature = "serde", serde(rename = "opaque"))]
    Opaque {
        /// The block's bytes after the AUX_HEADER.
        data: Bytes<'a>,
    },
}

/// Which structure a (Version, Type) pair selects.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    RequestId,
    ClientInfo,
    ServerInfo,
    SessionInfo,
    SessionInfoV2,
    DefMdb,
    DefGc,
    Mdb,
    MdbV2,
    Gc,
    GcV2,
    Failure,
    FailureV2,
    ClientControl,
    ProcessInfo,
    OsVersion,
    ExOrg,
    AccountInfo,
    ServerCaps,
    EndpointCaps,
    ConnectionInfo,
    ServerSession,
    DeviceId,
}

/// MS-OXCRPC 2.2.2.2: the version 1 and version 2 type tables.
fn kind_of(version: AuxVersion, t: AuxType) -> Option<Kind> {
    use Kind::*;
    match (version, t.0) {
        (AuxVersion::V1, 0x01) => Some(RequestId),
        (AuxVersion::V1, 0x02) => Some(ClientInfo),
        (AuxVersion::V1, 0x03) => Some(ServerInfo),
        (AuxVersion::V1, 0x04) => Some(SessionInfo),
        (AuxVersion::V2, 0x04) => Some(SessionInfoV2),
        (AuxVersion::V1, 0x05 | 0x0C | 0x11) => Some(DefMdb),
        (AuxVersion::V1, 0x06 | 0x0D | 0x12) => Some(DefGc),
        (AuxVersion::V1, 0x07 | 0x0E | 0x13) => Some(Mdb),
        (AuxVersion::V2, 0x07 | 0x0E | 0x13) => Some(MdbV2),
        (AuxVersion::V1, 0x08 | 0x0F | 0x14) => Some(Gc),
        (AuxVersion::V2, 0x08 | 0x0F | 0x14) => Some(GcV2),
        (AuxVersion::V1, 0x09 | 0x10 | 0x15) => Some(Failure),
        (AuxVersion::V2, 0x09 | 0x10 | 0x15) => Some(FailureV2),
        (AuxVersion::V1, 0x0A) => Some(ClientControl),
        (AuxVersion::V1 | AuxVersion::V2, 0x0B) => Some(ProcessInfo),
        (AuxVersion::V1, 0x16) => Some(OsVersion),
        (AuxVersion::V1, 0x17) => Some(ExOrg),
        (AuxVersion::V1, 0x18) => Some(AccountInfo),
        (AuxVersion::V1, 0x46) => Some(ServerCaps),
        (AuxVersion::V1, 0x48) => Some(EndpointCaps),
        (AuxVersion::V1, 0x4A) => Some(ConnectionInfo),
        (AuxVersion::V1, 0x4B) => Some(ServerSession),
        (AuxVersion::V1, 0x4E) => Some(DeviceId),
        _ => None,
    }
}

impl<'a> AuxBody<'a> {
    fn kind(&self) -> Option<Kind> {
        use Kind::*;
        Some(match self {
            AuxBody::PerfRequestId(_) => RequestId,
            AuxBody::PerfClientInfo(_) => ClientInfo,
            AuxBody::PerfServerInfo(_) => ServerInfo,
            AuxBody::PerfSessionInfo(_) => SessionInfo,
            AuxBody::PerfSessionInfoV2(_) => SessionInfoV2,
            AuxBody::PerfDefMdbSuccess(_) => DefMdb,
            AuxBody::PerfDefGcSuccess(_) => DefGc,
            AuxBody::PerfMdbSuccess(_) => Mdb,
            AuxBody::PerfMdbSuccessV2(_) => MdbV2,
            AuxBody::PerfGcSuccess(_) => Gc,
            AuxBody::PerfGcSuccessV2(_) => GcV2,
            AuxBody::PerfFailure(_) => Failure,
            AuxBody::PerfFailureV2(_) => FailureV2,
            AuxBody::ClientControl(_) => ClientControl,
            AuxBody::PerfProcessInfo(_) => ProcessInfo,
            AuxBody::OsVersionInfo(_) => OsVersion,
            AuxBody::ExOrgInfo(_) => ExOrg,
            AuxBody::PerfAccountInfo(_) => AccountInfo,
            AuxBody::ServerCapabilities(_) => ServerCaps,
            AuxBody::EndpointCapabilities(_) => EndpointCaps,
            AuxBody::ClientConnectionInfo(_) => ConnectionInfo,
            AuxBody::ServerSessionInfo(_) => ServerSession,
            AuxBody::ProtocolDeviceIdentification(_) => DeviceId,
            AuxBody::Opaque { .. } => return None,
        })
    }

    /// The usual Version and Type of this structure (version 1 and the
    /// plain, not BG/FG, type where there is a choice); `None` for opaque
    /// data.
    pub fn default_header(&self) -> Option<(AuxVersion, AuxType)> {
        use Kind::*;
        let (v, t) = match self.kind()? {
            RequestId => (AuxVersion::V1, AuxType::PERF_REQUESTID),
            ClientInfo => (AuxVersion::V1, AuxType::PERF_CLIENTINFO),
            ServerInfo => (AuxVersion::V1, AuxType::PERF_SERVERINFO),
            SessionInfo => (AuxVersion::V1, AuxType::PERF_SESSIONINFO),
            SessionInfoV2 => (AuxVersion::V2, AuxType::PERF_SESSIONINFO),
            DefMdb => (AuxVersion::V1, AuxType::PERF_DEFMDB_SUCCESS),
            DefGc => (AuxVersion::V1, AuxType::PERF_DEFGC_SUCCESS),
            Mdb => (AuxVersion::V1, AuxType::PERF_MDB_SUCCESS),
            MdbV2 => (AuxVersion::V2, AuxType::PERF_MDB_SUCCESS),
            Gc => (AuxVersion::V1, AuxType::PERF_GC_SUCCESS),
            GcV2 => (AuxVersion::V2, AuxType::PERF_GC_SUCCESS),
            Failure => (AuxVersion::V1, AuxType::PERF_FAILURE),
            FailureV2 => (AuxVersion::V2, AuxType::PERF_FAILURE),
            ClientControl => (AuxVersion::V1, AuxType::CLIENT_CONTROL),
            ProcessInfo => (AuxVersion::V1, AuxType::PERF_PROCESSINFO),
            OsVersion => (AuxVersion::V1, AuxType::OSVERSIONINFO),
            ExOrg => (AuxVersion::V1, AuxType::EXORGINFO),
            AccountInfo => (AuxVersion::V1, AuxType::PERF_ACCOUNTINFO),
            ServerCaps => (AuxVersion::V1, AuxType::SERVER_CAPABILITIES),
            EndpointCaps => (AuxVersion::V1, AuxType::ENDPOINT_CAPABILITIES),
            ConnectionInfo => (AuxVersion::V1, AuxType::CLIENT_CONNECTION_INFO),
            ServerSession => (AuxVersion::V1, AuxType::SERVER_SESSION_INFO),
            DeviceId => (AuxVersion::V1, AuxType::PROTOCOL_DEVICE_IDENTIFICATION),
        };
        Some((v, t))
    }

    /// Decodes the body of a block whose AUX_HEADER starts at absolute
    /// offset `base` of `block` (the whole block, header included).
    /// Returns the body and the padding after a fixed-size structure (see
    /// [`AuxBlock::padding`]).
    fn decode_body(
        header: AuxHeader,
        block: &'a [u8],
        base: usize,
        limits: Limits,
    ) -> Result<(Self, Bytes<'a>), Error> {
        let body = block.get(AuxHeader::SIZE..).unwrap_or(&[]);
        let none = Bytes(&[]);
        let opaque = AuxBody::Opaque { data: Bytes(body) };
        let Some(kind) = kind_of(header.version, header.aux_type) else {
            return Ok((opaque, none));
        };
        let mut r = Reader::at_offset(body, base + AuxHeader::SIZE, limits);
        let mut padding = none;
        macro_rules! fixed {
            ($T:ty, $V:ident) => {{
                let n = <$T as Decode<'_>>::MIN_LEN;
                let Some(extra) = body.len().checked_sub(n) else {
                    return Ok((opaque, none));
                };
                if extra > AuxBlock::MAX_PADDING {
                    return Ok((opaque, none));
                }
                padding = Bytes(body.get(n..).unwrap_or(&[]));
                AuxBody::$V(<$T>::decode_from(&mut r, ())?)
            }};
        }
        macro_rules! var {
            ($T:ident, $V:ident) => {{
                if body.len() < $T::FIXED_LEN {
                    return Ok((opaque, none));
                }
                let b = BlockBytes {
                    bytes: block,
                    base,
                    fixed_end: AuxHeader::SIZE + $T::FIXED_LEN,
                    limits,
                };
                AuxBody::$V($T::decode_body(b, &mut r)?)
            }};
        }
        let decoded = match kind {
            Kind::RequestId => fixed!(AuxPerfRequestId, PerfRequestId),
            Kind::ClientInfo => var!(AuxPerfClientInfo, PerfClientInfo),
            Kind::ServerInfo => var!(AuxPerfServerInfo, PerfServerInfo),
            Kind::SessionInfo => fixed!(AuxPerfSessionInfo, PerfSessionInfo),
            Kind::SessionInfoV2 => fixed!(AuxPerfSessionInfoV2, PerfSessionInfoV2),
            Kind::DefMdb => fixed!(AuxPerfDefMdbSuccess, PerfDefMdbSuccess),
            Kind::DefGc => fixed!(AuxPerfDefGcSuccess, PerfDefGcSuccess),
            Kind::Mdb => fixed!(AuxPerfMdbSuccess, PerfMdbSuccess),
            Kind::MdbV2 => fixed!(AuxPerfMdbSuccessV2, PerfMdbSuccessV2),
            Kind::Gc => fixed!(AuxPerfGcSuccess, PerfGcSuccess),
            Kind::GcV2 => fixed!(AuxPerfGcSuccessV2, PerfGcSuccessV2),
            Kind::Failure => fixed!(AuxPerfFailure, PerfFailure),
            Kind::FailureV2 => fixed!(AuxPerfFailureV2, PerfFailureV2),
            Kind::ClientControl => fixed!(AuxClientControl, ClientControl),
            Kind::ProcessInfo => var!(AuxPerfProcessInfo, PerfProcessInfo),
            Kind::OsVersion => fixed!(AuxOsVersionInfo, OsVersionInfo),
            Kind::ExOrg => fixed!(AuxExOrgInfo, ExOrgInfo),
            Kind::AccountInfo => fixed!(AuxPerfAccountInfo, PerfAccountInfo),
            Kind::ServerCaps => fixed!(AuxServerCapabilities, ServerCapabilities),
            Kind::EndpointCaps => fixed!(AuxEndpointCapabilities, EndpointCapabilities),
            Kind::ConnectionInfo => var!(AuxClientConnectionInfo, ClientConnectionInfo),
            Kind::ServerSession => var!(AuxServerSessionInfo, ServerSessionInfo),
            Kind::DeviceId => var!(
                AuxProtocolDeviceIdentification,
                ProtocolDeviceIdentification
            ),
        };
        Ok((decoded, padding))
    }
}

impl Encode for AuxBody<'_> {
    type Ctx = ();
    fn encoded_len_with(&self, _: ()) -> usize {
        match self {
            AuxBody::PerfRequestId(v) => v.encoded_len(),
            AuxBody::PerfClientInfo(v) => v.encoded_len(),
            AuxBody::PerfServerInfo(v) => v.encoded_len(),
            AuxBody::PerfSessionInfo(v) => v.encoded_len(),
            AuxBody::PerfSessionInfoV2(v) => v.encoded_len(),
            AuxBody::PerfDefMdbSuccess(v) => v.encoded_len(),
            AuxBody::PerfDefGcSuccess(v) => v.encoded_len(),
            AuxBody::PerfMdbSuccess(v) => v.encoded_len(),
            AuxBody::PerfMdbSuccessV2(v) => v.encoded_len(),
            AuxBody::PerfGcSuccess(v) => v.encoded_len(),
            AuxBody::PerfGcSuccessV2(v) => v.encoded_len(),
            AuxBody::PerfFailure(v) => v.encoded_len(),
            AuxBody::PerfFailureV2(v) => v.encoded_len(),
            AuxBody::ClientControl(v) => v.encoded_len(),
            AuxBody::PerfProcessInfo(v) => v.encoded_len(),
            AuxBody::OsVersionInfo(v) => v.encoded_len(),
            AuxBody::ExOrgInfo(v) => v.encoded_len(),
            AuxBody::PerfAccountInfo(v) => v.encoded_len(),
            AuxBody::ServerCapabilities(v) => v.encoded_len(),
            AuxBody::EndpointCapabilities(v) => v.encoded_len(),
            AuxBody::ClientConnectionInfo(v) => v.encoded_len(),
            AuxBody::ServerSessionInfo(v) => v.encoded_len(),
            AuxBody::ProtocolDeviceIdentification(v) => v.encoded_len(),
            AuxBody::Opaque { data } => data.0.len(),
        }
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        match self {
            AuxBody::PerfRequestId(v) => v.encode(s),
            AuxBody::PerfClientInfo(v) => v.encode(s),
            AuxBody::PerfServerInfo(v) => v.encode(s),
            AuxBody::PerfSessionInfo(v) => v.encode(s),
            AuxBody::PerfSessionInfoV2(v) => v.encode(s),
            AuxBody::PerfDefMdbSuccess(v) => v.encode(s),
            AuxBody::PerfDefGcSuccess(v) => v.encode(s),
            AuxBody::PerfMdbSuccess(v) => v.encode(s),
            AuxBody::PerfMdbSuccessV2(v) => v.encode(s),
            AuxBody::PerfGcSuccess(v) => v.encode(s),
            AuxBody::PerfGcSuccessV2(v) => v.encode(s),
            AuxBody::PerfFailure(v) => v.encode(s),
            AuxBody::PerfFailureV2(v) => v.encode(s),
            AuxBody::ClientControl(v) => v.encode(s),
            AuxBody::PerfProcessInfo(v) => v.encode(s),
            AuxBody::OsVersionInfo(v) => v.encode(s),
            AuxBody::ExOrgInfo(v) => v.encode(s),
            AuxBody::PerfAccountInfo(v) => v.encode(s),
            AuxBody::ServerCapabilities(v) => v.encode(s),
            AuxBody::EndpointCapabilities(v) => v.encode(s),
            AuxBody::ClientConnectionInfo(v) => v.encode(s),
            AuxBody::ServerSessionInfo(v) => v.encode(s),
            AuxBody::ProtocolDeviceIdentification(v) => v.encode(s),
            AuxBody::Opaque { data } => s.put(data.0),
        }
    }
}

/// One auxiliary block: an AUX_HEADER and the structure it selects
/// (MS-OXCRPC 2.2.2.2).
///
/// Decoding takes Size bytes (Size counts the header) and decodes them as
/// the structure of the header's Version and Type; offset-addressed
/// strings and byte fields must lie in the block's variable part and end
/// inside the block, or decoding fails with the offset of the offending
/// offset field. A fixed-size structure followed by up to
/// [`MAX_PADDING`](Self::MAX_PADDING) more bytes inside Size is decoded,
/// and the extra bytes are kept in [`padding`](Self::padding); a Size that
/// is shorter, or longer still, makes the body [`AuxBody::Opaque`].
/// Encoding checks that Size and the (Version, Type) agree with the body
/// and the padding.
///
/// ```
/// use mapi_wire::rpc::{AuxBlock, AuxBody, AuxType, AuxVersion};
/// use mapi_wire::wire::{Decode, Encode};
///
/// // AUX_PERF_REQUESTID: SessionID 1, RequestID 2.
/// let bytes = [0x08, 0x00, 0x01, 0x01, 0x01, 0x00, 0x02, 0x00];
/// let (b, _) = AuxBlock::decode(&bytes).unwrap();
/// let AuxBody::PerfRequestId(r) = b.body else { panic!() };
/// assert_eq!((r.session_id, r.request_id), (1, 2));
/// assert_eq!(b.to_vec().unwrap(), bytes);
///
/// // An unknown type is kept as it is.
/// let odd = [0x06, 0x00, 0x01, 0x52, 0xAA, 0xBB];
/// let (o, _) = AuxBlock::decode(&odd).unwrap();
/// assert!(matches!(o.body, AuxBody::Opaque { .. }));
/// assert_eq!(o.to_vec().unwrap(), odd);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AuxBlock<'a> {
    /// The AUX_HEADER.
    pub header: AuxHeader,
    /// The structure after it.
    pub body: AuxBody<'a>,
    /// Bytes after a fixed-size structure that Size still covers. MS-OXCRPC
    /// 2.2.2.2 gives each such block an exact size, but some clients pad
    /// blocks (Microsoft's own protocol test suite sends AUX_PERF_GC_SUCCESS
    /// and AUX_PERF_FAILURE blocks one to two bytes longer); the bytes are
    /// kept as they are so that the block re-encodes exactly. Empty for
    /// blocks built with [`new`](Self::new) or
    /// [`with_header`](Self::with_header), for variable-size structures
    /// (whose tail is part of the body) and for opaque data.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "no_padding"))]
    pub padding: Bytes<'a>,
}

#[cfg(feature = "serde")]
fn no_padding(b: &Bytes<'_>) -> bool {
    b.0.is_empty()
}

impl<'a> AuxBlock<'a> {
    /// The most bytes of padding a fixed-size structure may carry before
    /// the block is taken for opaque data: 7, enough to round any of them
    /// up to an 8-byte boundary.
    pub const MAX_PADDING: usize = 7;

    /// A block of `body` under its usual Version and Type
    /// ([`AuxBody::default_header`]), with Size computed. Fails with
    /// [`ErrorKind::Unencodable`] for opaque data (use
    /// [`with_header`](Self::with_header)) or a body above 65531 bytes.
    pub fn new(body: AuxBody<'a>) -> Result<Self, Error> {
        let Some((version, aux_type)) = body.default_header() else {
            return Err(Error::new(ErrorKind::Unencodable { value: 0 }, 0));
        };
        Self::with_header(version, aux_type, body)
    }

    /// A block of `body` under the given Version and Type (for the BG/FG
    /// types, version 2, or opaque data), with Size computed.
    pub fn with_header(
        version: AuxVersion,
        aux_type: AuxType,
        body: AuxBody<'a>,
    ) -> Result<Self, Error> {
        let len = AuxHeader::SIZE + body.encoded_len();
        let Ok(size) = u16::try_from(len) else {
            return Err(Error::new(ErrorKind::Unencodable { value: len as u64 }, 0));
        };
        Ok(AuxBlock {
            header: AuxHeader {
                size,
                version,
                aux_type,
            },
            body,
            padding: Bytes(&[]),
        })
    }
}

impl<'a> Decode<'a> for AuxBlock<'a> {
    type Ctx = ();
    const NAME: &'static str = "AuxBlock";
    const MIN_LEN: usize = AuxHeader::SIZE;

    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        let base = r.offset();
        let start = r.peek_rest();
        let header = AuxHeader::decode_from(r, ()).in_field("header")?;
        let size = usize::from(header.size);
        if size < AuxHeader::SIZE {
            return Err(Error::new(
                ErrorKind::InvalidValue {
                    value: u64::from(header.size),
                },
                base,
            )
            .in_field("size")
            .in_field("header"));
        }
        r.bytes(size - AuxHeader::SIZE).in_field("body")?;
        let block = start.get(..size).unwrap_or(&[]);
        let (body, padding) =
            AuxBody::decode_body(header, block, base, *r.limits()).in_field("body")?;
        Ok(AuxBlock {
            header,
            body,
            padding,
        })
    }
}

impl Encode for AuxBlock<'_> {
    type Ctx = ();
    fn encoded_len_with(&self, _: ()) -> usize {
        AuxHeader::SIZE + self.body.encoded_len() + self.padding.0.len()
    }
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        let at = s.position();
        let len = self.encoded_len();
        if usize::from(self.header.size) != len {
            return Err(Error::new(
                ErrorKind::Unencodable {
                    value: u64::from(self.header.size),
                },
                at,
            )
            .in_field("size")
            .in_field("AuxBlock"));
        }
        if let Some(k) = self.body.kind()
            && kind_of(self.header.version, self.header.aux_type) != Some(k)
        {
            return Err(Error::new(
                ErrorKind::Unencodable {
                    value: u64::from(self.header.aux_type.0),
                },
                at,
            )
            .in_field("aux_type")
            .in_field("AuxBlock"));
        }
        self.header.encode(s)?;
        self.body.encode(s).in_field("body").in_field("AuxBlock")?;
        s.put(self.padding.0)
    }
}

#[derive(Clone, Copy, Debug)]
enum BlocksRepr<'a> {
    Wire {
        bytes: &'a [u8],
        offset: usize,
        count: usize,
    },
    Slice(&'a [AuxBlock<'a>]),
}

/// The AUX blocks of an auxiliary buffer's payload: AUX_HEADER + block
/// units up to the end of the payload (MS-OXCRPC 3.1.4.1.2). A zero-copy
/// view: decoding validates every block and keeps the bytes; iterating
/// decodes each again without allocating. Built from a slice of blocks for
/// encoding.
///
/// ```
/// use mapi_wire::rpc::{AuxBlock, AuxBlocks, AuxBody, AuxExOrgInfo, OrgFlags};
/// use mapi_wire::wire::{Decode, Encode};
///
/// let blocks = [AuxBlock::new(AuxBody::ExOrgInfo(AuxExOrgInfo {
///     org_flags: OrgFlags::PUBLIC_FOLDERS_ENABLED,
/// })).unwrap()];
/// let bytes = AuxBlocks::from_slice(&blocks).to_vec().unwrap();
/// assert_eq!(bytes, [0x08, 0x00, 0x01, 0x17, 0x01, 0x00, 0x00, 0x00]);
/// let decoded = AuxBlocks::decode_exact(&bytes, ()).unwrap();
/// assert_eq!(decoded.len(), 1);
/// assert_eq!(decoded.iter().next().unwrap(), blocks[0]);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct AuxBlocks<'a>(BlocksRepr<'a>);

impl<'a> AuxBlocks<'a> {
    /// Blocks to encode.
    pub const fn from_slice(blocks: &'a [AuxBlock<'a>]) -> Self {
        AuxBlocks(BlocksRepr::Slice(blocks))
    }

    /// Number of blocks.
    pub fn len(&self) -> usize {
        match self.0 {
            BlocksRepr::Wire { count, .. } => count,
            BlocksRepr::Slice(s) => s.len(),
        }
    }

    /// True when there is no block.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The blocks in order.
    pub fn iter(&self) -> AuxBlocksIter<'a> {
        match self.0 {
            BlocksRepr::Wire { bytes, offset, .. } => AuxBlocksIter(IterRepr::Wire(
                Reader::at_offset(bytes, offset, Limits::REVISIT),
            )),
            BlocksRepr::Slice(s) => AuxBlocksIter(IterRepr::Slice(s.iter())),
        }
    }
}

impl PartialEq for AuxBlocks<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

#[derive(Clone, Debug)]
enum IterRepr<'a> {
    Wire(Reader<'a>),
    Slice(core::slice::Iter<'a, AuxBlock<'a>>),
}

/// The blocks of [`AuxBlocks`].
#[derive(Clone, Debug)]
pub struct AuxBlocksIter<'a>(IterRepr<'a>);

impl<'a> Iterator for AuxBlocksIter<'a> {
    type Item = AuxBlock<'a>;
    fn next(&mut self) -> Option<AuxBlock<'a>> {
        match &mut self.0 {
            IterRepr::Wire(r) => {
                if r.is_empty() {
                    None
                } else {
                    // Validated when decoded; cannot fail.
                    AuxBlock::decode_from(r, ()).ok()
                }
            }
            IterRepr::Slice(it) => it.next().cloned(),
        }
    }
}

impl<'a> Decode<'a> for AuxBlocks<'a> {
    type Ctx = ();
    const NAME: &'static str = "AuxBlocks";
    const MIN_LEN: usize = 0;

    /// Takes every byte that is left.
    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        let bytes = r.peek_rest();
        let offset = r.offset();
        let mut count = 0;
        while !r.is_empty() {
            AuxBlock::decode_from(r, ()).at_index(count)?;
            count += 1;
        }
        Ok(AuxBlocks(BlocksRepr::Wire {
            bytes,
            offset,
            count,
        }))
    }
}

impl Encode for AuxBlocks<'_> {
    type Ctx = ();
    fn encoded_len_with(&self, _: ()) -> usize {
        match self.0 {
            BlocksRepr::Wire { bytes, .. } => bytes.len(),
            BlocksRepr::Slice(s) => s.iter().map(|b| b.encoded_len()).sum(),
        }
    }
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        match self.0 {
            BlocksRepr::Wire { bytes, .. } => s.put(bytes),
            BlocksRepr::Slice(blocks) => {
                for (i, b) in blocks.iter().enumerate() {
                    b.encode(s).at_index(i)?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for AuxBlocks<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

// --------------------------------------------------------- the buffer

/// Decodes the blocks of a buffer's plain payload. Offsets map to the input
/// one to one unless the payload was compressed; then errors are moved to
/// the payload's first byte, keeping their path.
fn decode_plain_blocks<'p>(
    buffer: &ExtBuffer<'_>,
    plain: &'p [u8],
    limits: Limits,
) -> Result<AuxBlocks<'p>, Error> {
    let compressed = buffer.header.flags.contains(super::ExtFlags::COMPRESSED);
    let base = if compressed { 0 } else { buffer.offset() };
    let mut r = Reader::at_offset(plain, base, limits);
    AuxBlocks::decode_from(&mut r, ()).map_err(|e| {
        let e = if compressed {
            relocate(&e, buffer.offset())
        } else {
            e
        };
        e.in_field("payload")
    })
}

/// The same error at another offset.
#[cold]
fn relocate(e: &Error, offset: usize) -> Error {
    let mut segs = [crate::wire::Segment::Index(0); 8];
    let mut n = 0;
    for s in e.path().segments() {
        if let Some(slot) = segs.get_mut(n) {
            *slot = s;
            n += 1;
        }
    }
    let mut out = Error::new(e.kind(), offset);
    for s in segs.iter().take(n).rev() {
        out = match *s {
            crate::wire::Segment::Name(name) => out.in_field(name),
            crate::wire::Segment::Index(i) => out.at_index(i as usize),
        };
    }
    out
}

/// Reads the RPC_HEADER_EXT of an auxiliary buffer and checks it: Last
/// set, the whole buffer within [`Limits::max_aux_buffer`] (0x1008,
/// MS-OXCRPC 3.1.4.1), SizeActual within [`Limits::max_decompressed`].
fn read_aux_header<'a>(r: &mut Reader<'a>) -> Result<ExtBuffer<'a>, Error> {
    let at = r.offset();
    let limits = *r.limits();
    let b = read_buffer(r, limits.max_decompressed)?;
    let total = RpcHeaderExt::LEN + b.payload.len();
    if total > limits.max_aux_buffer {
        return Err(Error::new(
            ErrorKind::limit_exceeded(total, limits.max_aux_buffer),
            at + 4,
        )
        .in_field("size")
        .in_field("header"));
    }
    if !b.header.is_last() {
        return Err(Error::new(
            ErrorKind::InvalidValue {
                value: u64::from(b.header.flags.bits()),
            },
            at + 2,
        )
        .in_field("flags")
        .in_field("header"));
    }
    Ok(b)
}

/// An auxiliary buffer (MS-OXCRPC 3.1.4.1.1.1, 3.1.4.1.2): one
/// RPC_HEADER_EXT with Last, whose payload, once un-XORed and
/// decompressed, is a sequence of AUX blocks. A zero-copy view: when the
/// payload is plain its blocks are validated on decoding and borrowed
/// ([`blocks`](Self::blocks)); a compressed or obfuscated payload is
/// validated when the caller decodes it into a buffer
/// ([`blocks_in`](Self::blocks_in)). Encoding writes the bytes back as
/// they were.
///
/// To build one without an allocator, encode the blocks with
/// [`AuxBlocks::from_slice`] into a scratch buffer and write that with
/// [`BufferEncoder::write`](super::BufferEncoder::write) and `last: true`.
///
/// ```
/// use mapi_wire::rpc::{AuxBody, AuxBuffer};
/// use mapi_wire::wire::Decode;
///
/// // RPC_HEADER_EXT (Last, 8 bytes) + AUX_EXORGINFO.
/// let bytes = [0x00, 0x00, 0x04, 0x00, 0x08, 0x00, 0x08, 0x00,
///              0x08, 0x00, 0x01, 0x17, 0x01, 0x00, 0x00, 0x00];
/// let aux = AuxBuffer::decode_exact(&bytes, ()).unwrap();
/// let blocks = aux.blocks().unwrap();
/// assert!(matches!(blocks.iter().next().unwrap().body, AuxBody::ExOrgInfo(_)));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct AuxBuffer<'a> {
    /// The header and the payload as sent.
    pub buffer: ExtBuffer<'a>,
    blocks: Option<AuxBlocks<'a>>,
    limits: Limits,
}

impl<'a> AuxBuffer<'a> {
    /// The blocks of a plain payload, borrowed; `None` when the payload is
    /// compressed or obfuscated.
    pub fn blocks(&self) -> Option<AuxBlocks<'a>> {
        self.blocks
    }

    /// Decodes the payload into `buf` (which must hold SizeActual bytes)
    /// and its blocks from there. Errors in the blocks of an obfuscated
    /// payload have their offsets in the input; those of a compressed
    /// payload, where plain bytes have no place in the input, are reported
    /// at the payload's first byte.
    pub fn blocks_in<'b>(&self, buf: &'b mut [u8]) -> Result<AuxBlocks<'b>, Error>
    where
        'a: 'b,
    {
        if let Some(b) = self.blocks {
            return Ok(b);
        }
        let plain: &'b [u8] = self.buffer.plain_into(buf)?;
        decode_plain_blocks(&self.buffer, plain, self.limits)
    }
}

impl PartialEq for AuxBuffer<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.buffer == other.buffer
    }
}

impl<'a> Decode<'a> for AuxBuffer<'a> {
    type Ctx = ();
    const NAME: &'static str = "AuxiliaryBuffer";
    const MIN_LEN: usize = RpcHeaderExt::LEN;

    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        let buffer = read_aux_header(r)?;
        let blocks = match buffer.plain() {
            Some(p) => Some(decode_plain_blocks(&buffer, p, *r.limits())?),
            None => None,
        };
        Ok(AuxBuffer {
            buffer,
            blocks,
            limits: *r.limits(),
        })
    }
}

impl Encode for AuxBuffer<'_> {
    type Ctx = ();
    fn encoded_len_with(&self, _: ()) -> usize {
        RpcHeaderExt::LEN + self.buffer.payload.len()
    }
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        self.buffer.header.encode(s)?;
        s.put(self.buffer.payload)
    }
}

#[cfg(feature = "alloc")]
mod alloc_impl {
    use super::*;
    #[cfg(feature = "serde")]
    use crate::rpc::ExtFlags;
    use crate::rpc::PayloadOptions;
    use alloc::borrow::Cow;
    use alloc::vec::Vec;

    /// An auxiliary buffer with its plain payload (MS-OXCRPC 3.1.4.1.2):
    /// decoding un-XORs and decompresses as the header says and validates
    /// every block; [`blocks`](Self::blocks) walks them without copying.
    /// Encoding writes the header and the payload as sent.
    ///
    /// ```
    /// use mapi_wire::rpc::{encode_aux_buffer, AuxBlock, AuxBody, AuxServerSessionInfo,
    ///     DecodedAuxBuffer, PayloadOptions};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let blocks = [AuxBlock::new(AuxBody::ServerSessionInfo(
    ///     AuxServerSessionInfo::new(Some("session 12345 on mailbox server EX01"))))
    ///     .unwrap()];
    /// let bytes = encode_aux_buffer(&blocks, PayloadOptions::DEFAULT).unwrap();
    /// let aux = DecodedAuxBuffer::decode_exact(&bytes, ()).unwrap();
    /// assert!(aux.header.size < aux.header.size_actual); // compressed
    /// assert_eq!(aux.blocks().iter().next().unwrap(), blocks[0]);
    /// assert_eq!(aux.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    pub struct DecodedAuxBuffer<'a> {
        /// The RPC_HEADER_EXT.
        pub header: RpcHeaderExt,
        /// The payload as sent.
        pub wire: &'a [u8],
        /// The plain payload: the AUX blocks.
        pub payload: Cow<'a, [u8]>,
    }

    impl DecodedAuxBuffer<'_> {
        /// The blocks, borrowed from the plain payload.
        pub fn blocks(&self) -> AuxBlocks<'_> {
            AuxBlocks::decode_exact(&self.payload, ()).unwrap_or(AuxBlocks(BlocksRepr::Slice(&[])))
        }
    }

    impl<'a> Decode<'a> for DecodedAuxBuffer<'a> {
        type Ctx = ();
        const NAME: &'static str = "AuxiliaryBuffer";
        const MIN_LEN: usize = RpcHeaderExt::LEN;

        fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
            let buffer = read_aux_header(r)?;
            let payload = buffer.to_plain()?;
            decode_plain_blocks(&buffer, &payload, *r.limits())?;
            Ok(DecodedAuxBuffer {
                header: buffer.header,
                wire: buffer.payload,
                payload,
            })
        }
    }

    impl Encode for DecodedAuxBuffer<'_> {
        type Ctx = ();
        fn encoded_len_with(&self, _: ()) -> usize {
            RpcHeaderExt::LEN + self.wire.len()
        }
        fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
            self.header.encode(s)?;
            s.put(self.wire)
        }
    }

    #[cfg(feature = "serde")]
    impl serde::Serialize for DecodedAuxBuffer<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeStruct;
            let transformed = self
                .header
                .flags
                .intersects(ExtFlags::COMPRESSED | ExtFlags::XOR_MAGIC);
            let mut st = s.serialize_struct("AuxiliaryBuffer", 3)?;
            st.serialize_field("header", &self.header)?;
            st.serialize_field("blocks", &self.blocks())?;
            if transformed {
                st.serialize_field("wire", &crate::wire::HexStr(self.wire))?;
            } else {
                st.skip_field("wire")?;
            }
            st.end()
        }
    }

    /// Encodes an auxiliary buffer: the blocks, behind one RPC_HEADER_EXT
    /// with Last, compressed (where that helps) and/or obfuscated as
    /// `opts` says. Fails with [`ErrorKind::LimitExceeded`] above 0x1008
    /// bytes.
    pub fn encode_aux_buffer(
        blocks: &[AuxBlock<'_>],
        opts: PayloadOptions,
    ) -> Result<Vec<u8>, Error> {
        let plain = AuxBlocks::from_slice(blocks).to_vec()?;
        let mut compressor = alloc::boxed::Box::new(crate::rpc::lz77::Compressor::new());
        let mut scratch = alloc::vec![0u8; plain.len()];
        let mut out = Vec::with_capacity(RpcHeaderExt::LEN + plain.len());
        crate::rpc::BufferEncoder::new(&mut compressor, &mut scratch)
            .write(&mut out, &plain, opts, true)?;
        let max = Limits::DEFAULT.max_aux_buffer;
        if out.len() > max {
            return Err(Error::new(ErrorKind::limit_exceeded(out.len(), max), 0));
        }
        Ok(out)
    }
}

#[cfg(feature = "alloc")]
pub use alloc_impl::{DecodedAuxBuffer, encode_aux_buffer};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_outside_the_block_are_errors() {
        // Construction: AUX_SERVER_SESSION_INFO whose offset points past
        // the end of its 8-byte block.
        let bytes = [0x08, 0x00, 0x01, 0x4B, 0x09, 0x00, 0x41, 0x00];
        let e = AuxBlock::decode(&bytes).unwrap_err();
        assert_eq!(e.offset(), 4);
        assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 9 });
        // Pointing into the fixed part.
        let bytes = [0x0A, 0x00, 0x01, 0x4B, 0x04, 0x00, 0x41, 0x00, 0, 0];
        assert!(AuxBlock::decode(&bytes).is_err());
        // A string that runs to the end of the block without a terminator,
        // although the input goes on.
        let bytes = [0x08, 0x00, 0x01, 0x4B, 0x06, 0x00, 0x41, 0x00, 0x00, 0x00];
        let e = AuxBlock::decode(&bytes).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Unterminated);
        assert_eq!(e.offset(), 6);
    }

    #[test]
    fn field_offsets_are_computed_in_order() {
        assert_eq!(AuxPerfClientInfo::offset_of("client_ip_offset"), 12);
        assert_eq!(AuxPerfClientInfo::offset_of("mac_address_offset"), 22);
        assert_eq!(AuxPerfClientInfo::FIXED_LEN, 28);
        assert_eq!(AuxPerfProcessInfo::offset_of("process_name_offset"), 20);
        assert_eq!(AuxClientConnectionInfo::FIXED_LEN, 28);
        assert_eq!(
            AuxProtocolDeviceIdentification::offset_of("device_version_offset"),
            6
        );
    }
}
