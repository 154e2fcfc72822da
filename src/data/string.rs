//! Strings: PtypString as a lazy UTF-16LE view, PtypString8 as bytes with
//! code-page decoding (MS-OXCDATA 2.11.1).

use crate::wire::{Decode, Encode, Error, ErrorKind, Reader, Sink};
use core::fmt;

#[derive(Clone, Copy)]
enum Utf16Repr<'a> {
    /// Little-endian code units, even length, without the terminator.
    Wire(&'a [u8]),
    /// A Rust string, converted when encoded.
    Str(&'a str),
}

/// A PtypString (MS-OXCDATA 2.11.1): UTF-16LE code units ending in a
/// 0x0000 unit, borrowed from the input and decoded only when read.
///
/// Decoded strings keep their exact code units, unpaired surrogates
/// included, so re-encoding is lossless. Strings built for encoding may
/// borrow a Rust `&str` instead ([`Utf16Str::from_str`]). `Display` (and so
/// `to_string()` under the `alloc` feature) replaces unpaired surrogates
/// with U+FFFD.
///
/// ```
/// use mapi_wire::data::Utf16Str;
/// use mapi_wire::wire::{Decode, Encode};
///
/// let bytes = [0x48, 0x00, 0x69, 0x00, 0x00, 0x00, 0xFF];
/// let (s, rest) = Utf16Str::decode(&bytes).unwrap();
/// assert_eq!(s, "Hi");
/// assert_eq!(s.chars().collect::<String>(), "Hi");
/// assert_eq!(s.to_string(), "Hi");
/// assert_eq!(rest, &[0xFF]);
/// assert_eq!(s.to_vec().unwrap(), &bytes[..6]);
/// assert_eq!(Utf16Str::from_str("Hi"), s);
/// ```
#[derive(Clone, Copy)]
pub struct Utf16Str<'a>(Utf16Repr<'a>);

impl<'a> Utf16Str<'a> {
    /// A string that borrows a Rust `&str`, for encoding. Encoding fails with
    /// [`ErrorKind::Unencodable`] if `s` contains U+0000, which would end the
    /// string early on the wire.
    #[allow(clippy::should_implement_trait)]
    pub const fn from_str(s: &'a str) -> Self {
        Utf16Str(Utf16Repr::Str(s))
    }

    /// A view over little-endian code units without the terminator. Returns
    /// `None` if `units` has an odd length or contains a 0x0000 unit.
    pub fn from_wire(units: &'a [u8]) -> Option<Self> {
        if units.len().is_multiple_of(2) && !units.chunks_exact(2).any(|u| u == [0, 0]) {
            Some(Utf16Str(Utf16Repr::Wire(units)))
        } else {
            None
        }
    }

    /// The wire code units (little-endian, no terminator) of a decoded
    /// string; `None` for one built from a `&str`.
    pub fn wire_bytes(&self) -> Option<&'a [u8]> {
        match self.0 {
            Utf16Repr::Wire(b) => Some(b),
            Utf16Repr::Str(_) => None,
        }
    }

    /// The UTF-16 code units, without the terminator.
    pub fn units(&self) -> impl Iterator<Item = u16> + 'a {
        let (wire, s): (&'a [u8], &'a str) = match self.0 {
            Utf16Repr::Wire(b) => (b, ""),
            Utf16Repr::Str(s) => (&[], s),
        };
        let (units, _) = wire.as_chunks::<2>();
        units
            .iter()
            .map(|u| u16::from_le_bytes(*u))
            .chain(s.encode_utf16())
    }

    /// Number of code units, without the terminator.
    pub fn len_units(&self) -> usize {
        match self.0 {
            Utf16Repr::Wire(b) => b.len() / 2,
            Utf16Repr::Str(s) => s.encode_utf16().count(),
        }
    }

    /// True for the empty string.
    pub fn is_empty(&self) -> bool {
        match self.0 {
            Utf16Repr::Wire(b) => b.is_empty(),
            Utf16Repr::Str(s) => s.is_empty(),
        }
    }

    /// The characters, with U+FFFD for unpaired surrogates.
    pub fn chars(&self) -> impl Iterator<Item = char> + 'a {
        char::decode_utf16(self.units()).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    /// The characters, or the first unpaired surrogate as an error.
    pub fn chars_strict(
        &self,
    ) -> impl Iterator<Item = Result<char, core::char::DecodeUtf16Error>> + 'a {
        char::decode_utf16(self.units())
    }

    /// True if the string is well-formed UTF-16 (no unpaired surrogate).
    pub fn is_well_formed(&self) -> bool {
        self.chars_strict().all(|c| c.is_ok())
    }
}

impl PartialEq for Utf16Str<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self.0, other.0) {
            (Utf16Repr::Wire(a), Utf16Repr::Wire(b)) => a == b,
            (Utf16Repr::Str(a), Utf16Repr::Str(b)) => a == b,
            _ => self.units().eq(other.units()),
        }
    }
}

impl Eq for Utf16Str<'_> {}

impl PartialEq<str> for Utf16Str<'_> {
    fn eq(&self, other: &str) -> bool {
        self.units().eq(other.encode_utf16())
    }
}

impl PartialEq<&str> for Utf16Str<'_> {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl fmt::Display for Utf16Str<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write;
        for c in self.chars() {
            f.write_char(c)?;
        }
        Ok(())
    }
}

impl fmt::Debug for Utf16Str<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write;
        f.write_char('"')?;
        for c in self.chars_strict() {
            match c {
                Ok(c) => {
                    for e in c.escape_debug() {
                        f.write_char(e)?;
                    }
                }
                Err(e) => write!(f, "\\u{{{:X}}}", e.unpaired_surrogate())?,
            }
        }
        f.write_char('"')
    }
}

impl<'a> Decode<'a> for Utf16Str<'a> {
    type Ctx = ();
    const NAME: &'static str = "String";
    const MIN_LEN: usize = 2;
    #[inline]
    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        r.until_nul16().map(|b| Utf16Str(Utf16Repr::Wire(b)))
    }
}

impl Encode for Utf16Str<'_> {
    type Ctx = ();
    #[inline]
    fn encoded_len_with(&self, _: ()) -> usize {
        // Saturates only for a built string no sink could hold.
        self.len_units().saturating_mul(2).saturating_add(2)
    }
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        match self.0 {
            Utf16Repr::Wire(b) => s.put(b)?,
            Utf16Repr::Str(text) => {
                if text.contains('\0') {
                    return Err(Error::new(
                        ErrorKind::Unencodable { value: 0 },
                        s.position(),
                    ));
                }
                for u in text.encode_utf16() {
                    s.put_u16(u)?;
                }
            }
        }
        s.put_u16(0)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Utf16Str<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

crate::wire_enum! {
    /// A Windows code page identifier, as in STAT.CodePage (MS-OXNSPI 2.2.8)
    /// or the RopLogon/connect code page, that says how a PtypString8 is to
    /// be read. [`CodePage::decode`] knows the single-byte code pages listed
    /// here and UTF-8; other values are kept but cannot be decoded.
    pub struct CodePage(u32) {
        /// Windows-1252 (Western European), the usual default.
        WINDOWS_1252 = 1252 => "windows-1252",
        /// ISO-8859-1 (Latin-1): each byte is the code point.
        ISO_8859_1 = 28591 => "iso-8859-1",
        /// US-ASCII: bytes above 0x7F are not ASCII.
        US_ASCII = 20127 => "us-ascii",
        /// UTF-8.
        UTF8 = 65001 => "utf-8",
    }
}

/// Windows-1252 code points for 0x80..=0x9F; the five unassigned bytes map
/// to the C1 control of the same value, as Windows' converter does.
const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
];

fn cp1252(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_HIGH
            .get(usize::from(b.wrapping_sub(0x80)))
            .and_then(|&u| char::from_u32(u32::from(u)))
            .unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::from(b),
    }
}

enum CharsRepr<'a> {
    Single(core::slice::Iter<'a, u8>, fn(u8) -> char),
    Utf8(
        core::str::Utf8Chunks<'a>,
        Option<core::str::Chars<'a>>,
        bool,
    ),
}

/// The characters of a [`String8`] read in a [`CodePage`].
pub struct String8Chars<'a>(CharsRepr<'a>);

impl Iterator for String8Chars<'_> {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        match &mut self.0 {
            CharsRepr::Single(it, f) => it.next().map(|&b| f(b)),
            CharsRepr::Utf8(chunks, cur, pending_bad) => loop {
                if let Some(c) = cur.as_mut().and_then(|c| c.next()) {
                    return Some(c);
                }
                if *pending_bad {
                    *pending_bad = false;
                    return Some(char::REPLACEMENT_CHARACTER);
                }
                let chunk = chunks.next()?;
                *cur = Some(chunk.valid().chars());
                *pending_bad = !chunk.invalid().is_empty();
            },
        }
    }
}

impl CodePage {
    /// Reads `bytes` in this code page, or `None` if the code page is not
    /// one this crate knows. Bytes that are invalid in the code page become
    /// U+FFFD.
    pub fn decode(self, bytes: &[u8]) -> Option<String8Chars<'_>> {
        let single = |f: fn(u8) -> char| Some(String8Chars(CharsRepr::Single(bytes.iter(), f)));
        match self {
            CodePage::WINDOWS_1252 => single(cp1252),
            CodePage::ISO_8859_1 => single(char::from),
            CodePage::US_ASCII => single(|b| {
                if b.is_ascii() {
                    char::from(b)
                } else {
                    char::REPLACEMENT_CHARACTER
                }
            }),
            CodePage::UTF8 => Some(String8Chars(CharsRepr::Utf8(
                bytes.utf8_chunks(),
                None,
                false,
            ))),
            _ => None,
        }
    }
}

/// A PtypString8 (MS-OXCDATA 2.11.1): 8-bit characters in a code page the
/// bytes do not name, ending in one 0x00. Kept as the borrowed bytes
/// without the terminator; read it with [`String8::chars`].
///
/// `Display` and serde read it as Windows-1252; use [`String8::chars`] with
/// the session's code page for anything else.
///
/// ```
/// use mapi_wire::data::{CodePage, String8};
/// use mapi_wire::wire::{Decode, Encode};
///
/// let (s, _) = String8::decode(&[0x43, 0x61, 0x66, 0xE9, 0x00]).unwrap();
/// assert_eq!(s.as_bytes(), b"Caf\xE9");
/// let text: String = s.chars(CodePage::WINDOWS_1252).unwrap().collect();
/// assert_eq!(text, "Café");
/// assert_eq!(s.to_vec().unwrap(), [0x43, 0x61, 0x66, 0xE9, 0x00]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct String8<'a>(&'a [u8]);

impl<'a> String8<'a> {
    /// A string over `bytes` (no terminator). Returns `None` if `bytes`
    /// contains 0x00.
    pub fn new(bytes: &'a [u8]) -> Option<Self> {
        if bytes.contains(&0) {
            None
        } else {
            Some(String8(bytes))
        }
    }

    /// The bytes, without the terminator.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The characters in code page `cp`, or `None` for an unknown code page.
    pub fn chars(&self, cp: CodePage) -> Option<String8Chars<'a>> {
        cp.decode(self.0)
    }
}

impl fmt::Display for String8<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write;
        for &b in self.0 {
            f.write_char(cp1252(b))?;
        }
        Ok(())
    }
}

impl fmt::Debug for String8<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("b\"")?;
        for &b in self.0 {
            write!(f, "{}", core::ascii::escape_default(b))?;
        }
        f.write_str("\"")
    }
}

impl<'a> Decode<'a> for String8<'a> {
    type Ctx = ();
    const NAME: &'static str = "String8";
    const MIN_LEN: usize = 1;
    #[inline]
    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        r.until_nul8().map(String8)
    }
}

impl Encode for String8<'_> {
    type Ctx = ();
    #[inline]
    fn encoded_len_with(&self, _: ()) -> usize {
        self.0.len().saturating_add(1)
    }
    #[inline]
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        s.put(self.0)?;
        s.put_u8(0)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for String8<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A NUL-terminated string whose form a flag elsewhere selects: UTF-16LE
/// (like PtypString) or 8-bit (like PtypString8). RecipientRow strings (the
/// U flag, MS-OXCDATA 2.8.3.2), RopCreateFolder's DisplayName
/// (UseUnicodeStrings) and RopNotify's MessageClass (UnicodeFlag) are
/// such strings.
///
/// Its context is the flag (`true` for UTF-16). Encoding a string of the
/// other kind fails with [`ErrorKind::Unencodable`].
///
/// ```
/// use mapi_wire::data::{NulString, Utf16Str};
/// use mapi_wire::wire::{Decode, Encode};
///
/// let (s, _) = NulString::decode_with(&[0x41, 0x00, 0x00, 0x00], true).unwrap();
/// assert_eq!(s, NulString::Utf16(Utf16Str::from_str("A")));
/// let (s, _) = NulString::decode_with(&[0x41, 0x00], false).unwrap();
/// assert_eq!(s.to_string(), "A");
/// assert!(s.to_vec_with(true).is_err()); // an 8-bit string where U says UTF-16
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum NulString<'a> {
    /// The flag is set: a UTF-16LE string.
    Utf16(Utf16Str<'a>),
    /// The flag is clear: an 8-bit string in the connection's code page.
    String8(String8<'a>),
}

impl NulString<'_> {
    /// True for the UTF-16 form.
    pub const fn is_unicode(&self) -> bool {
        matches!(self, NulString::Utf16(_))
    }
}

impl fmt::Display for NulString<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NulString::Utf16(s) => fmt::Display::fmt(s, f),
            NulString::String8(s) => fmt::Display::fmt(s, f),
        }
    }
}

impl<'a> Decode<'a> for NulString<'a> {
    type Ctx = bool;
    const NAME: &'static str = "String";
    const MIN_LEN: usize = 1;

    #[inline]
    fn decode_from(r: &mut Reader<'a>, unicode: bool) -> Result<Self, Error> {
        if unicode {
            Utf16Str::decode_from(r, ()).map(NulString::Utf16)
        } else {
            String8::decode_from(r, ()).map(NulString::String8)
        }
    }
}

impl Encode for NulString<'_> {
    type Ctx = bool;

    #[inline]
    fn encoded_len_with(&self, _: bool) -> usize {
        match self {
            NulString::Utf16(s) => s.encoded_len(),
            NulString::String8(s) => s.encoded_len(),
        }
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, unicode: bool) -> Result<(), Error> {
        match (self, unicode) {
            (NulString::Utf16(v), true) => v.encode(s),
            (NulString::String8(v), false) => v.encode(s),
            _ => Err(Error::new(
                ErrorKind::Unencodable {
                    value: u64::from(unicode),
                },
                s.position(),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpaired_surrogates_survive_round_trip() {
        let bytes = [0x00, 0xD8, 0x41, 0x00, 0x00, 0x00];
        let (s, _) = Utf16Str::decode(&bytes).unwrap();
        assert!(!s.is_well_formed());
        assert_eq!(s.to_string(), "\u{FFFD}A");
        assert_eq!(format!("{s:?}"), "\"\\u{D800}A\"");
        assert_eq!(s.to_vec().unwrap(), bytes);
    }

    #[test]
    fn nul_in_rust_string_is_unencodable() {
        let s = Utf16Str::from_str("a\0b");
        assert!(s.to_vec().is_err());
    }

    #[test]
    fn cp1252_high_range() {
        let s = String8::new(&[0x80, 0x93, 0x81]).unwrap();
        let t: String = s.chars(CodePage::WINDOWS_1252).unwrap().collect();
        assert_eq!(t, "\u{20AC}\u{201C}\u{81}");
        assert!(s.chars(CodePage(932)).is_none());
    }

    #[test]
    fn utf8_invalid_bytes_become_replacement() {
        let s = String8::new(b"a\xFFb\xC3\xA9").unwrap();
        let t: String = s.chars(CodePage::UTF8).unwrap().collect();
        assert_eq!(t, "a\u{FFFD}b\u{E9}");
    }
}
