//! Named properties: the PropertyName structure (MS-OXCDATA 2.6.1).
//!
//! MS-OXCDATA 2.6 also defines PropertyName_r (2.6.2), the NSPI encoding
//! of the same abstract name (GUID, a reserved u32, LID; LIDs only). It is
//! an RPC/NDR structure and has no flat form of its own in ROP buffers or
//! in MAPI over HTTP bodies (the address-book GetMatches request inlines a
//! GUID and a LID without the reserved field), so it is not a type here.

use super::entry_id::Text16;
use super::guid::Guid;
use crate::wire::{Decode, Encode, Error, ErrorKind, Reader, ResultExt, Sink};
use core::fmt;

crate::wire_enum! {
    /// The Kind field of a PropertyName (MS-OXCDATA 2.6.1).
    ///
    /// ```
    /// use mapi_wire::data::PropertyNameKind;
    ///
    /// assert_eq!(PropertyNameKind::NONE.name(), Some("NoPropertyName"));
    /// ```
    pub struct PropertyNameKind(u8) {
        /// The property is named by a LID (MNID_ID).
        LID = 0x00 => "MNID_ID",
        /// The property is named by a string (MNID_STRING).
        NAME = 0x01 => "MNID_STRING",
        /// The property has no name.
        NONE = 0xFF => "NoPropertyName",
    }
}

/// The name of a named property (MS-OXCDATA 2.6.1): a property set GUID and
/// either a 32-bit LID or a UTF-16 string. Used by
/// RopGetPropertyIdsFromNames, RopGetNamesFromPropertyIds and
/// RopQueryNamedProperties (MS-OXCROPS 2.2.8) and in rule conditions.
///
/// Wire form: Kind (u8), GUID (16 bytes, always present), then for Kind
/// 0x00 a LID (u32), for Kind 0x01 NameSize (u8) and Name (NameSize bytes
/// of UTF-16LE, the 0x0000 terminator included), for Kind 0xFF nothing.
///
/// * The GUID follows every Kind, 0xFF too: the diagram of 2.6.1 does not
///   mark it optional (only LID, NameSize and Name are), and MAPI Inspector
///   and gromox both read it unconditionally. Kind 0xFF ("does not have an
///   associated PropertyName") is what a server returns from
///   RopGetNamesFromPropertyIds for an ID that has no name; this decoder
///   accepts it anywhere and leaves it to the ROP layer to refuse it in a
///   request.
/// * NameSize is "the number of bytes in the Name string", and Name is a
///   string "followed by two zero bytes", so NameSize counts the
///   terminator. The decoder requires NameSize to be even and at least 2,
///   the last code unit to be 0x0000 ([`ErrorKind::Unterminated`]
///   otherwise) and no earlier unit to be 0x0000
///   ([`ErrorKind::InvalidValue`] with the NameSize, at its offset), so
///   that the name is exactly the string.
/// * Any other Kind is [`ErrorKind::InvalidValue`].
///
/// `name` holds the UTF-16LE bytes **without** the terminator.
///
/// ```
/// use mapi_wire::data::{Guid, PropertyName};
/// use mapi_wire::wire::{Decode, Encode};
///
/// // PidLidReminderSet: PSETID_Common, LID 0x8503.
/// let common = Guid::from_fields(0x0006_2008, 0, 0, [0xC0, 0, 0, 0, 0, 0, 0, 0x46]);
/// let id = PropertyName::Id { guid: common, lid: 0x8503 };
/// let bytes = id.to_vec().unwrap();
/// assert_eq!(bytes[0], 0x00);
/// assert_eq!(&bytes[17..], &[0x03, 0x85, 0x00, 0x00]);
/// assert_eq!(PropertyName::decode(&bytes).unwrap().0, id);
///
/// // A string name "Ab" in PS_PUBLIC_STRINGS: NameSize 6 counts the terminator.
/// let named = PropertyName::Name { guid: Guid::PS_PUBLIC_STRINGS, name: &[0x41, 0, 0x62, 0] };
/// let bytes = named.to_vec().unwrap();
/// assert_eq!(&bytes[17..], &[0x06, 0x41, 0x00, 0x62, 0x00, 0x00, 0x00]);
/// assert_eq!(PropertyName::decode(&bytes).unwrap().0, named);
/// assert_eq!(format!("{named:?}"), "Name { guid: {00020329-0000-0000-C000-000000000046}, name: \"Ab\" }");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum PropertyName<'a> {
    /// Kind 0x00: named by a LID.
    Id {
        /// GUID: the property set.
        guid: Guid,
        /// LID: the property within the set.
        lid: u32,
    },
    /// Kind 0x01: named by a string.
    Name {
        /// GUID: the property set.
        guid: Guid,
        /// Name: UTF-16LE bytes without the terminator.
        name: &'a [u8],
    },
    /// Kind 0xFF: no name (only the GUID follows).
    None {
        /// GUID: as sent (a server has no set to report; it is kept so
        /// that the bytes re-encode unchanged).
        guid: Guid,
    },
}

impl<'a> PropertyName<'a> {
    /// The longest name in bytes (without terminator): NameSize is one byte
    /// and counts the 2-byte terminator.
    pub const MAX_NAME_LEN: usize = 252;

    /// The Kind field of this name.
    pub const fn kind(&self) -> PropertyNameKind {
        match self {
            PropertyName::Id { .. } => PropertyNameKind::LID,
            PropertyName::Name { .. } => PropertyNameKind::NAME,
            PropertyName::None { .. } => PropertyNameKind::NONE,
        }
    }

    /// The property set GUID.
    pub const fn guid(&self) -> Guid {
        match *self {
            PropertyName::Id { guid, .. }
            | PropertyName::Name { guid, .. }
            | PropertyName::None { guid } => guid,
        }
    }
}

impl fmt::Debug for PropertyName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PropertyName::Id { guid, lid } => f
                .debug_struct("Id")
                .field("guid", guid)
                .field("lid", &format_args!("{lid:#010X}"))
                .finish(),
            PropertyName::Name { guid, name } => f
                .debug_struct("Name")
                .field("guid", guid)
                .field("name", &Text16(name))
                .finish(),
            PropertyName::None { guid } => f.debug_struct("None").field("guid", guid).finish(),
        }
    }
}

impl<'a> Decode<'a> for PropertyName<'a> {
    type Ctx = ();
    const NAME: &'static str = "PropertyName";
    /// Kind and GUID (Kind 0xFF).
    const MIN_LEN: usize = 17;

    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        let kind = r.u8().in_field("kind")?;
        if !matches!(kind, 0x00 | 0x01 | 0xFF) {
            return Err(r.invalid(u64::from(kind), 1).in_field("kind"));
        }
        let guid = Guid::decode_from(r, ()).in_field("guid")?;
        match kind {
            0x00 => Ok(PropertyName::Id {
                guid,
                lid: r.u32().in_field("lid")?,
            }),
            0x01 => {
                let size = r.u8().in_field("name_size")?;
                if size < 2 || !size.is_multiple_of(2) {
                    return Err(r.invalid(u64::from(size), 1).in_field("name_size"));
                }
                // The NameSize byte just read.
                let at = r.offset().saturating_sub(1);
                let start = r.offset();
                let bytes = r.bytes(usize::from(size)).in_field("name")?;
                // size >= 2 was checked above.
                let (name, term) = bytes.split_last_chunk::<2>().unwrap_or((bytes, &[0, 0]));
                if *term != [0, 0] {
                    let e = r.error_at(ErrorKind::Unterminated, start);
                    return Err(e.in_field("name"));
                }
                if name.chunks_exact(2).any(|u| u == [0, 0]) {
                    let e = r.error_at(ErrorKind::InvalidValue { value: size.into() }, at);
                    return Err(e.in_field("name_size"));
                }
                Ok(PropertyName::Name { guid, name })
            }
            _ => Ok(PropertyName::None { guid }),
        }
    }
}

impl Encode for PropertyName<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        // Saturates only for a built name no sink could hold.
        17usize.saturating_add(match self {
            PropertyName::Id { .. } => 4,
            PropertyName::Name { name, .. } => name.len().saturating_add(3),
            PropertyName::None { .. } => 0,
        })
    }

    /// Fails with [`ErrorKind::Unencodable`] when a name is longer than
    /// [`MAX_NAME_LEN`](Self::MAX_NAME_LEN), has an odd length or contains a
    /// 0x0000 code unit.
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        // NameSize counts the name and its terminator.
        let name_size = match self {
            PropertyName::Name { name, .. } => {
                let valid = name.len() <= Self::MAX_NAME_LEN
                    && name.len().is_multiple_of(2)
                    && !name.chunks_exact(2).any(|u| u == [0, 0]);
                let size = u8::try_from(name.len())
                    .ok()
                    .and_then(|n| n.checked_add(2))
                    .filter(|_| valid);
                let Some(size) = size else {
                    return Err(Error::new(
                        ErrorKind::Unencodable {
                            value: name.len() as u64,
                        },
                        s.position(),
                    )
                    .in_field("name"));
                };
                size
            }
            _ => 0,
        };
        s.put_u8(self.kind().0).in_field("kind")?;
        s.put(&self.guid().0).in_field("guid")?;
        match self {
            PropertyName::Id { lid, .. } => s.put_u32(*lid).in_field("lid"),
            PropertyName::Name { name, .. } => {
                s.put_u8(name_size).in_field("name_size")?;
                s.put(name).in_field("name")?;
                s.put(&[0, 0]).in_field("name")
            }
            PropertyName::None { .. } => Ok(()),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for PropertyName<'_> {
    /// `{"kind": 0, "guid": "{…}", "lid": 34051}`,
    /// `{"kind": 1, "guid": "{…}", "name": "…"}` or
    /// `{"kind": 255, "guid": "{…}"}`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let n = match self {
            PropertyName::None { .. } => 2,
            _ => 3,
        };
        let mut st = s.serialize_struct("PropertyName", n)?;
        st.serialize_field("kind", &self.kind())?;
        st.serialize_field("guid", &self.guid())?;
        match self {
            PropertyName::Id { lid, .. } => st.serialize_field("lid", lid)?,
            PropertyName::Name { name, .. } => st.serialize_field("name", &Text16(name))?,
            PropertyName::None { .. } => {}
        }
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_kind(kind: u8, tail: &[u8]) -> Vec<u8> {
        let mut v = vec![kind];
        v.extend_from_slice(&Guid::PS_MAPI.0);
        v.extend_from_slice(tail);
        v
    }

    #[test]
    fn kind_ff_carries_only_the_guid() {
        let bytes = with_kind(0xFF, &[]);
        let (n, rest) = PropertyName::decode(&bytes).unwrap();
        assert!(rest.is_empty());
        assert_eq!(
            n,
            PropertyName::None {
                guid: Guid::PS_MAPI
            }
        );
        assert_eq!(n.to_vec().unwrap(), bytes);
    }

    #[test]
    fn unknown_kind_is_invalid() {
        let e = PropertyName::decode(&with_kind(0x02, &[0; 4])).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 2 });
        assert_eq!(e.offset(), 0);
        assert_eq!(
            e.to_string(),
            "PropertyName.Kind: invalid value 0x2 (offset 0)"
        );
    }

    #[test]
    fn name_size_rules() {
        // Odd, zero, and too small.
        for size in [0u8, 1, 3] {
            let e = PropertyName::decode(&with_kind(1, &[size, 0, 0, 0])).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidValue { value: size.into() });
            assert_eq!(e.offset(), 17);
        }
        // No terminator.
        let e = PropertyName::decode(&with_kind(1, &[4, 0x41, 0, 0x42, 0])).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Unterminated);
        assert_eq!(e.offset(), 18);
        // A terminator before the end.
        let e = PropertyName::decode(&with_kind(1, &[4, 0, 0, 0, 0])).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 4 });
        assert_eq!(e.offset(), 17);
        // The empty name: NameSize 2, just the terminator.
        let empty = with_kind(1, &[2, 0, 0]);
        let (n, _) = PropertyName::decode(&empty).unwrap();
        assert_eq!(
            n,
            PropertyName::Name {
                guid: Guid::PS_MAPI,
                name: &[]
            }
        );
        // NameSize larger than what remains.
        let e = PropertyName::decode(&with_kind(1, &[8, 0x41, 0, 0, 0])).unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::Truncated { .. }));
    }

    #[test]
    fn longest_name_encodes_and_longer_does_not() {
        let long = [0x41u8; 254];
        let ok = PropertyName::Name {
            guid: Guid::NIL,
            name: &long[..PropertyName::MAX_NAME_LEN],
        };
        let bytes = ok.to_vec().unwrap();
        assert_eq!(bytes[17], 254);
        assert_eq!(PropertyName::decode_exact(&bytes, ()).unwrap(), ok);
        let too_long = PropertyName::Name {
            guid: Guid::NIL,
            name: &long,
        };
        assert_eq!(
            too_long.to_vec().unwrap_err().kind(),
            ErrorKind::Unencodable { value: 254 }
        );
    }
}
