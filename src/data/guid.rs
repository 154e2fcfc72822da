//! GUIDs (MS-OXCDATA 2.11.1 PtypGuid; MS-DTYP 2.3.4).

use core::fmt;

/// A GUID in its 16-byte wire form: Data1 (u32 LE), Data2 (u16 LE), Data3
/// (u16 LE), Data4 (8 bytes as is) — MS-DTYP 2.3.4.2, as used by
/// MS-OXCDATA 2.11.1 PtypGuid.
///
/// The bytes are kept exactly as on the wire; `Display` shows the usual
/// registry form.
///
/// ```
/// use mapi_wire::data::Guid;
///
/// // PS_MAPI {00020328-0000-0000-C000-000000000046}
/// let g = Guid::from_fields(0x0002_0328, 0, 0, [0xC0, 0, 0, 0, 0, 0, 0, 0x46]);
/// assert_eq!(g.0[..4], [0x28, 0x03, 0x02, 0x00]);
/// assert_eq!(g.to_string(), "{00020328-0000-0000-C000-000000000046}");
/// assert_eq!(g, Guid::PS_MAPI);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Guid(pub [u8; 16]);

impl Guid {
    /// The all-zero GUID.
    pub const NIL: Guid = Guid([0; 16]);
    /// PS_MAPI {00020328-0000-0000-C000-000000000046} (MS-OXPROPS 1.3.2).
    pub const PS_MAPI: Guid = Guid::from_fields(0x0002_0328, 0, 0, [0xC0, 0, 0, 0, 0, 0, 0, 0x46]);
    /// PS_PUBLIC_STRINGS {00020329-0000-0000-C000-000000000046}.
    pub const PS_PUBLIC_STRINGS: Guid =
        Guid::from_fields(0x0002_0329, 0, 0, [0xC0, 0, 0, 0, 0, 0, 0, 0x46]);
    /// PS_INTERNET_HEADERS {00020386-0000-0000-C000-000000000046}.
    pub const PS_INTERNET_HEADERS: Guid =
        Guid::from_fields(0x0002_0386, 0, 0, [0xC0, 0, 0, 0, 0, 0, 0, 0x46]);

    /// Builds a GUID from its four fields.
    pub const fn from_fields(data1: u32, data2: u16, data3: u16, data4: [u8; 8]) -> Guid {
        let a = data1.to_le_bytes();
        let b = data2.to_le_bytes();
        let c = data3.to_le_bytes();
        Guid([
            a[0], a[1], a[2], a[3], b[0], b[1], c[0], c[1], data4[0], data4[1], data4[2], data4[3],
            data4[4], data4[5], data4[6], data4[7],
        ])
    }

    /// Data1.
    pub const fn data1(&self) -> u32 {
        u32::from_le_bytes([self.0[0], self.0[1], self.0[2], self.0[3]])
    }
    /// Data2.
    pub const fn data2(&self) -> u16 {
        u16::from_le_bytes([self.0[4], self.0[5]])
    }
    /// Data3.
    pub const fn data3(&self) -> u16 {
        u16::from_le_bytes([self.0[6], self.0[7]])
    }
    /// Data4.
    pub const fn data4(&self) -> [u8; 8] {
        [
            self.0[8], self.0[9], self.0[10], self.0[11], self.0[12], self.0[13], self.0[14],
            self.0[15],
        ]
    }
}

impl fmt::Display for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d4 = self.data4();
        write!(
            f,
            "{{{:08X}-{:04X}-{:04X}-{:02X}{:02X}-",
            self.data1(),
            self.data2(),
            self.data3(),
            d4[0],
            d4[1]
        )?;
        for b in &d4[2..] {
            write!(f, "{b:02X}")?;
        }
        f.write_str("}")
    }
}

impl fmt::Debug for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

crate::wire_newtype! { Guid([u8; 16]) => "Guid"; }

#[cfg(feature = "serde")]
impl serde::Serialize for Guid {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
