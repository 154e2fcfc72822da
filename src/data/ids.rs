//! Folder and message identifiers (MS-OXCDATA 2.2.1).
//!
//! A store numbers its folders and messages with a 48-bit *global counter*.
//! Inside a logon, where the store is known, an object is named by the
//! 8-byte [`FolderId`] / [`MessageId`]: a 2-byte [`ReplicaId`] standing for
//! the store, then the counter. Outside a logon the replica ID is replaced by
//! the store's 16-byte database GUID: [`GlobalId`] (22 bytes) and
//! [`LongTermId`] (24 bytes, with a 2-byte pad).
//!
//! Byte order: the replica ID is little-endian like every other integer of
//! the protocol, but the [`GlobalCounter`] is stored **most significant byte
//! first**. The specification prints FIDs in that stored order, so the bytes
//! `01 00 00 00 0E 91 52 12` are the FID "0001-00000E915212" (MS-OXCFOLD
//! 4.1.2); read as a PtypInteger64 the same bytes are `0x1252_910E_0000_0001`.
//!
//! Serde (feature `serde`): [`ReplicaId`] and [`GlobalCounter`] are integers
//! and serialize as JSON numbers (a counter has 48 bits, well inside the 53
//! bits a JSON number holds exactly); [`FolderId`] and [`MessageId`]
//! serialize as their `Display` string, `"0001-00000E915212"`;
//! [`GlobalId`] and [`LongTermId`] serialize as a map of their fields.

use super::guid::Guid;
use crate::wire::Fixed;
use core::fmt;

/// A replica ID (MS-OXCDATA 2.2.1.1): the 2-byte little-endian number that
/// stands for a store within one logon. RopLogon returns the store's own
/// replica ID and GUID; RopLongTermIdFromId / RopIdFromLongTermId map the
/// others.
///
/// `Display` and `Debug` show four hex digits, as the specification prints
/// it at the head of a FID.
///
/// ```
/// use mapi_wire::data::ReplicaId;
/// use mapi_wire::wire::{Decode, Encode};
///
/// let (id, _) = ReplicaId::decode(&[0x01, 0x00]).unwrap();
/// assert_eq!(id, ReplicaId(1));
/// assert_eq!(id.to_string(), "0001");
/// assert_eq!(id.to_vec().unwrap(), [0x01, 0x00]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ReplicaId(pub u16);

impl fmt::Display for ReplicaId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04X}", self.0)
    }
}

impl fmt::Debug for ReplicaId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

crate::wire_newtype! { ReplicaId(u16) => "ReplicaId"; }

#[cfg(feature = "serde")]
impl serde::Serialize for ReplicaId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u16(self.0)
    }
}

/// A 48-bit global counter (MS-OXCDATA 2.2.1.1, 2.2.1.2, 2.2.1.3; MS-OXCFXICS
/// 2.2.2.5 GLOBCNT), stored as 6 bytes **big-endian**.
///
/// The bytes are kept as they are on the wire. `Display` and `Debug` show
/// 12 uppercase hex digits in that order, as the specification prints them.
///
/// ```
/// use mapi_wire::data::GlobalCounter;
///
/// let c = GlobalCounter([0x00, 0x00, 0x0E, 0x91, 0x52, 0x12]);
/// assert_eq!(c.value(), 0x0E91_5212);
/// assert_eq!(c.to_string(), "00000E915212");
/// assert_eq!(GlobalCounter::from_value(0x0E91_5212), c);
/// assert_eq!(GlobalCounter::checked_from_value(1 << 48), None);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct GlobalCounter(pub [u8; 6]);

impl GlobalCounter {
    /// The largest counter, 2^48 - 1.
    pub const MAX: u64 = (1 << 48) - 1;

    /// The counter as a number.
    pub const fn value(self) -> u64 {
        let b = self.0;
        u64::from_be_bytes([0, 0, b[0], b[1], b[2], b[3], b[4], b[5]])
    }

    /// The counter whose value is the low 48 bits of `v` (higher bits are
    /// dropped; see [`checked_from_value`](Self::checked_from_value)).
    pub const fn from_value(v: u64) -> Self {
        let b = v.to_be_bytes();
        GlobalCounter([b[2], b[3], b[4], b[5], b[6], b[7]])
    }

    /// The counter of value `v`, or `None` when `v` does not fit 48 bits.
    pub const fn checked_from_value(v: u64) -> Option<Self> {
        if v > Self::MAX {
            None
        } else {
            Some(Self::from_value(v))
        }
    }
}

impl PartialOrd for GlobalCounter {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for GlobalCounter {
    /// Big-endian bytes compare in the order of their values.
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        self.0.cmp(&other.0)
    }
}

impl fmt::Display for GlobalCounter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02X}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for GlobalCounter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

crate::wire_newtype! { GlobalCounter([u8; 6]) => "GlobalCounter"; }

#[cfg(feature = "serde")]
impl serde::Serialize for GlobalCounter {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.value())
    }
}

/// Declares an 8-byte FID/MID type: ReplicaId (u16 LE) + GlobalCounter
/// (6 bytes BE), kept as the raw wire bytes.
macro_rules! short_id {
    ($(#[$m:meta])* $Name:ident, $spec:literal) => {
        $(#[$m])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct $Name(pub [u8; 8]);

        impl $Name {
            /// The identifier of `counter` in the store `replica`.
            pub const fn new(replica: ReplicaId, counter: GlobalCounter) -> Self {
                let r = replica.0.to_le_bytes();
                let c = counter.0;
                $Name([r[0], r[1], c[0], c[1], c[2], c[3], c[4], c[5]])
            }

            /// The replica ID: the first two bytes, little-endian.
            pub const fn replica_id(self) -> ReplicaId {
                ReplicaId(u16::from_le_bytes([self.0[0], self.0[1]]))
            }

            /// The global counter: the last six bytes, big-endian.
            pub const fn global_counter(self) -> GlobalCounter {
                let b = self.0;
                GlobalCounter([b[2], b[3], b[4], b[5], b[6], b[7]])
            }

            /// The identifier carried as a PtypInteger64 value (the same
            /// 8 bytes read as a little-endian `u64`), as in PidTagFolderId
            /// or PidTagMid.
            pub const fn from_u64_le(v: u64) -> Self {
                $Name(v.to_le_bytes())
            }

            /// The PtypInteger64 view of the identifier: its 8 bytes read as
            /// a little-endian `u64`.
            pub const fn to_u64_le(self) -> u64 {
                u64::from_le_bytes(self.0)
            }
        }

        impl fmt::Display for $Name {
            /// `RRRR-CCCCCCCCCCCC`: the replica ID as a number, then the
            /// counter bytes in stored order, as the specification prints
            /// identifiers.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}-{}", self.replica_id(), self.global_counter())
            }
        }

        impl fmt::Debug for $Name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self, f)
            }
        }

        crate::wire_newtype! { $Name([u8; 8]) => $spec; }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $Name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
    };
}

short_id! {
    /// A Folder ID, FID (MS-OXCDATA 2.2.1.1): names a folder within a logon.
    /// 8 bytes: [`ReplicaId`] (u16 LE) then [`GlobalCounter`] (6 bytes BE).
    ///
    /// ```
    /// use mapi_wire::data::{FolderId, GlobalCounter, ReplicaId};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // MS-OXCFOLD 4.1.2: the FID "0001-00000E915212".
    /// let bytes = [0x01, 0x00, 0x00, 0x00, 0x0E, 0x91, 0x52, 0x12];
    /// let (fid, _) = FolderId::decode(&bytes).unwrap();
    /// assert_eq!(fid.replica_id(), ReplicaId(1));
    /// assert_eq!(fid.global_counter().value(), 0x0E91_5212);
    /// assert_eq!(fid.to_string(), "0001-00000E915212");
    /// assert_eq!(fid.to_u64_le(), 0x1252_910E_0000_0001);
    /// assert_eq!(fid, FolderId::new(ReplicaId(1), GlobalCounter::from_value(0x0E91_5212)));
    /// assert_eq!(fid.to_vec().unwrap(), bytes);
    /// ```
    FolderId, "FolderId"
}

short_id! {
    /// A Message ID, MID (MS-OXCDATA 2.2.1.2): names a message within a
    /// logon. Same layout as [`FolderId`]: [`ReplicaId`] (u16 LE) then
    /// [`GlobalCounter`] (6 bytes BE).
    ///
    /// ```
    /// use mapi_wire::data::{GlobalCounter, MessageId, ReplicaId};
    ///
    /// let mid = MessageId::new(ReplicaId(1), GlobalCounter::from_value(0x0E91_5213));
    /// assert_eq!(mid.0, [0x01, 0x00, 0x00, 0x00, 0x0E, 0x91, 0x52, 0x13]);
    /// assert_eq!(mid.to_string(), "0001-00000E915213");
    /// assert_eq!(MessageId::from_u64_le(mid.to_u64_le()), mid);
    /// ```
    MessageId, "MessageId"
}

crate::wire_struct! {
    /// A Global Identifier, GID (MS-OXCDATA 2.2.1.3): a folder or message
    /// named outside any logon, the replica ID replaced by the store's
    /// database GUID. 22 bytes. The tail of a Folder or Message EntryID is
    /// in effect a GID.
    ///
    /// ```
    /// use mapi_wire::data::{GlobalCounter, GlobalId, Guid};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let mut bytes = [0u8; 22];
    /// bytes[..16].copy_from_slice(&Guid::PS_MAPI.0);
    /// bytes[16..].copy_from_slice(&[0, 0, 0, 0, 0, 0x2A]);
    /// let (gid, _) = GlobalId::decode(&bytes).unwrap();
    /// assert_eq!(gid.database_guid, Guid::PS_MAPI);
    /// assert_eq!(gid.global_counter, GlobalCounter::from_value(42));
    /// assert_eq!(gid.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct GlobalId {
        /// DatabaseGuid: the store's GUID.
        pub database_guid: Guid,
        /// GlobalCounter: the object within the store.
        pub global_counter: GlobalCounter,
    }
}

impl Fixed for GlobalId {
    const SIZE: usize = 22;
}

impl fmt::Display for GlobalId {
    /// `{GUID}-CCCCCCCCCCCC`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.database_guid, self.global_counter)
    }
}

crate::wire_struct! {
    /// A LongTermID (MS-OXCDATA 2.2.1.3.1): a [`GlobalId`] plus a 2-byte
    /// pad, 24 bytes. RopLongTermIdFromId and RopIdFromLongTermId convert
    /// between it and a FID/MID.
    ///
    /// The pad "has the value 0x0000"; it is kept as read so that any
    /// 24 bytes decode and re-encode unchanged (the [`Fixed`] contract).
    ///
    /// ```
    /// use mapi_wire::data::{GlobalCounter, Guid, LongTermId};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let lt = LongTermId::new(Guid::PS_MAPI, GlobalCounter::from_value(0x0E91_5212));
    /// let bytes = lt.to_vec().unwrap();
    /// assert_eq!(bytes.len(), 24);
    /// assert_eq!(&bytes[16..], &[0x00, 0x00, 0x0E, 0x91, 0x52, 0x12, 0x00, 0x00]);
    /// assert_eq!(LongTermId::decode(&bytes).unwrap().0, lt);
    /// assert_eq!(lt.global_id().global_counter.value(), 0x0E91_5212);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct LongTermId {
        /// DatabaseGuid: the store's GUID.
        pub database_guid: Guid,
        /// GlobalCounter: the object within the store.
        pub global_counter: GlobalCounter,
        /// Pad: 0x0000.
        pub pad: u16,
    }
}

impl LongTermId {
    /// The LongTermID of `counter` in the store `database_guid`, with a
    /// zero pad.
    pub const fn new(database_guid: Guid, global_counter: GlobalCounter) -> Self {
        LongTermId {
            database_guid,
            global_counter,
            pad: 0,
        }
    }

    /// The GID part (everything but the pad).
    pub const fn global_id(&self) -> GlobalId {
        GlobalId {
            database_guid: self.database_guid,
            global_counter: self.global_counter,
        }
    }
}

impl From<GlobalId> for LongTermId {
    fn from(g: GlobalId) -> Self {
        LongTermId::new(g.database_guid, g.global_counter)
    }
}

impl Fixed for LongTermId {
    const SIZE: usize = 24;
}

impl fmt::Display for LongTermId {
    /// `{GUID}-CCCCCCCCCCCC`, the pad shown only when it is not zero
    /// (`{GUID}-CCCCCCCCCCCC+PPPP`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.database_guid, self.global_counter)?;
        if self.pad != 0 {
            write!(f, "+{:04X}", self.pad)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{Decode, Encode, ErrorKind};

    const OXCFOLD_FID: [u8; 8] = [0x01, 0x00, 0x00, 0x00, 0x0E, 0x91, 0x52, 0x12];

    #[test]
    fn fid_from_oxcfold_example() {
        // MS-OXCFOLD 4.1.2 prints these bytes as the FID "0001-00000E915212".
        let (fid, rest) = FolderId::decode(&OXCFOLD_FID).unwrap();
        assert!(rest.is_empty());
        assert_eq!(fid.replica_id(), ReplicaId(0x0001));
        assert_eq!(fid.global_counter().0, [0x00, 0x00, 0x0E, 0x91, 0x52, 0x12]);
        assert_eq!(fid.global_counter().value(), 0x0000_0E91_5212);
        assert_eq!(format!("{fid}"), "0001-00000E915212");
        assert_eq!(format!("{fid:?}"), "0001-00000E915212");
    }

    #[test]
    fn integer64_view_is_the_le_reading_of_the_bytes() {
        let fid = FolderId(OXCFOLD_FID);
        assert_eq!(fid.to_u64_le(), 0x1252_910E_0000_0001);
        assert_eq!(FolderId::from_u64_le(0x1252_910E_0000_0001), fid);
    }

    #[test]
    fn counter_value_round_trips_and_truncates() {
        for v in [0, 1, 0xFF, 0x0102_0304_0506, GlobalCounter::MAX] {
            assert_eq!(GlobalCounter::from_value(v).value(), v);
        }
        assert_eq!(
            GlobalCounter::from_value(u64::MAX).value(),
            GlobalCounter::MAX
        );
        assert_eq!(
            GlobalCounter::checked_from_value(GlobalCounter::MAX + 1),
            None
        );
        assert!(GlobalCounter::from_value(2) > GlobalCounter::from_value(1));
        assert!(GlobalCounter::from_value(0x100) > GlobalCounter::from_value(0xFF));
    }

    #[test]
    fn long_term_id_display_and_pad() {
        let mut lt = LongTermId::new(Guid::PS_MAPI, GlobalCounter::from_value(1));
        assert_eq!(
            lt.to_string(),
            "{00020328-0000-0000-C000-000000000046}-000000000001"
        );
        lt.pad = 0xBEEF;
        assert_eq!(
            lt.to_string(),
            "{00020328-0000-0000-C000-000000000046}-000000000001+BEEF"
        );
        let bytes = lt.to_vec().unwrap();
        assert_eq!(&bytes[22..], &[0xEF, 0xBE]);
        assert_eq!(LongTermId::decode(&bytes).unwrap().0, lt);
    }

    #[test]
    fn truncated_ids_fail_with_offsets() {
        let e = FolderId::decode(&OXCFOLD_FID[..5]).unwrap_err();
        assert_eq!(
            e.kind(),
            ErrorKind::Truncated {
                needed: 8,
                remaining: 5
            }
        );
        let e = LongTermId::decode(&[0u8; 20]).unwrap_err();
        assert_eq!(e.offset(), 16);
        assert_eq!(
            e.to_string(),
            "LongTermId.GlobalCounter: needs 6 bytes, 4 remain (offset 16)"
        );
    }

    #[test]
    fn fixed_sizes_match_min_len() {
        assert_eq!(<LongTermId as Decode<'_>>::MIN_LEN, LongTermId::SIZE);
        assert_eq!(<GlobalId as Decode<'_>>::MIN_LEN, GlobalId::SIZE);
    }
}
