//! The address-book EntryIDs of MS-OXNSPI 2.2.9.2 and 2.2.9.3, carried as
//! PtypBinary values (PidTagEntryId).

use super::stat::{AbDisplayType, MinimalEntryId};
use crate::data::{Guid, String8};
use crate::wire::{Decode, Encode, Error, Reader, Sink};

crate::wire_struct! {
    /// An EphemeralEntryID (MS-OXNSPI 2.2.9.2): 32 bytes naming an object
    /// by its MId for the server whose Bind GUID is the ProviderUID. Every
    /// byte is kept as sent.
    ///
    /// ```
    /// use mapi_wire::data::Guid;
    /// use mapi_wire::nspi::{AbDisplayType, EphemeralEntryId, MinimalEntryId};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let id = EphemeralEntryId::new(Guid([7; 16]), AbDisplayType::MAILUSER, MinimalEntryId(0x1234));
    /// let bytes = id.to_vec().unwrap();
    /// assert_eq!(bytes.len(), 32);
    /// assert_eq!(bytes[0], 0x87);
    /// assert_eq!(EphemeralEntryId::decode(&bytes).unwrap().0, id);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct EphemeralEntryId {
        /// ID Type: 0x87.
        pub id_type: u8,
        /// R1: zero.
        pub r1: u8,
        /// R2: zero.
        pub r2: u8,
        /// R3: zero.
        pub r3: u8,
        /// ProviderUID: the server's GUID from Bind.
        pub provider_uid: Guid,
        /// R4: 0x00000001.
        pub r4: u32,
        /// Display Type: informational; ignored on input.
        pub display_type: AbDisplayType,
        /// MId: the object.
        pub mid: MinimalEntryId,
    }
}

impl EphemeralEntryId {
    /// The ID Type of an EphemeralEntryID.
    pub const ID_TYPE: u8 = 0x87;

    /// An EphemeralEntryID with the constant fields set.
    pub const fn new(server_guid: Guid, display_type: AbDisplayType, mid: MinimalEntryId) -> Self {
        EphemeralEntryId {
            id_type: Self::ID_TYPE,
            r1: 0,
            r2: 0,
            r3: 0,
            provider_uid: server_guid,
            r4: 1,
            display_type,
            mid,
        }
    }
}

crate::wire_struct! {
    /// A PermanentEntryID (MS-OXNSPI 2.2.9.3): 28 bytes, then the object's
    /// DN as a NUL-terminated 8-bit string. Every byte is kept as sent.
    ///
    /// ```
    /// use mapi_wire::data::String8;
    /// use mapi_wire::nspi::{AbDisplayType, PermanentEntryId};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let dn = String8::new(b"/o=Org/cn=alice").unwrap();
    /// let id = PermanentEntryId::new(AbDisplayType::MAILUSER, dn);
    /// let bytes = id.to_vec().unwrap();
    /// assert_eq!(bytes.len(), 28 + 15 + 1);
    /// assert_eq!(&bytes[4..20], &PermanentEntryId::GUID_NSPI.0);
    /// assert_eq!(PermanentEntryId::decode(&bytes).unwrap().0, id);
    /// ```
    #[derive(Copy)]
    pub struct PermanentEntryId<'a> {
        /// ID Type: 0x00.
        pub id_type: u8,
        /// R1: zero.
        pub r1: u8,
        /// R2: zero.
        pub r2: u8,
        /// R3: zero.
        pub r3: u8,
        /// ProviderUID: GUID_NSPI.
        pub provider_uid: Guid,
        /// R4: 0x00000001.
        pub r4: u32,
        /// Display Type String: the display type, despite the name.
        pub display_type: AbDisplayType,
        /// Distinguished Name: the object's DN (MS-OXOABK 2.2.1.1).
        pub distinguished_name: String8<'a>,
    }
}

impl<'a> PermanentEntryId<'a> {
    /// The ID Type of a PermanentEntryID.
    pub const ID_TYPE: u8 = 0x00;

    /// GUID_NSPI (MS-OXNSPI 2.2.1.7): `DC A7 40 C8 C0 42 10 1A B4 B9 08 00 2B
    /// 2F E1 82`.
    pub const GUID_NSPI: Guid = Guid([
        0xDC, 0xA7, 0x40, 0xC8, 0xC0, 0x42, 0x10, 0x1A, 0xB4, 0xB9, 0x08, 0x00, 0x2B, 0x2F, 0xE1,
        0x82,
    ]);

    /// A PermanentEntryID with the constant fields set.
    pub const fn new(display_type: AbDisplayType, distinguished_name: String8<'a>) -> Self {
        PermanentEntryId {
            id_type: Self::ID_TYPE,
            r1: 0,
            r2: 0,
            r3: 0,
            provider_uid: Self::GUID_NSPI,
            r4: 1,
            display_type,
            distinguished_name,
        }
    }
}

/// An address-book EntryID as the NSPI server hands it out (MS-OXNSPI
/// 2.2.9): told apart by its first byte, `0x87` Ephemeral, `0x00`
/// Permanent; any other first byte is rejected.
///
/// ```
/// use mapi_wire::nspi::NspiEntryId;
/// use mapi_wire::wire::Decode;
///
/// let mut bytes = vec![0x87, 0, 0, 0];
/// bytes.extend_from_slice(&[0xAB; 16]);
/// bytes.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 0, 0x10, 0x32, 0, 0]);
/// let (id, _) = NspiEntryId::decode(&bytes).unwrap();
/// assert!(matches!(id, NspiEntryId::Ephemeral(e) if e.mid.0 == 0x3210));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum NspiEntryId<'a> {
    /// ID Type 0x87.
    Ephemeral(EphemeralEntryId),
    /// ID Type 0x00.
    Permanent(PermanentEntryId<'a>),
}

impl<'a> Decode<'a> for NspiEntryId<'a> {
    type Ctx = ();
    const NAME: &'static str = "EntryID";
    const MIN_LEN: usize = 29;

    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        match r.peek_u8()? {
            EphemeralEntryId::ID_TYPE => EphemeralEntryId::decode_from(r, ()).map(Self::Ephemeral),
            PermanentEntryId::ID_TYPE => PermanentEntryId::decode_from(r, ()).map(Self::Permanent),
            t => Err(r.invalid(u64::from(t), 0)),
        }
    }
}

impl Encode for NspiEntryId<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        match self {
            NspiEntryId::Ephemeral(e) => e.encoded_len_with(()),
            NspiEntryId::Permanent(p) => p.encoded_len_with(()),
        }
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        match self {
            NspiEntryId::Ephemeral(e) => e.encode_with(s, ()),
            NspiEntryId::Permanent(p) => p.encode_with(s, ()),
        }
    }
}
