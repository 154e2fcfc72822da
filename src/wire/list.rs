//! Zero-copy sequences: [`Array`] for fixed-size elements and [`List`] for
//! self-delimiting variable-size ones.
//!
//! Both have two forms. A decoded sequence keeps the validated wire bytes
//! and decodes elements on demand (no allocation, O(1) decode cost beyond
//! the validation walk). A sequence built for encoding borrows a slice of
//! typed values (`Array::from_slice`, `List::from_slice`), again without
//! allocating. Equality, `Debug` and serde compare and show the elements,
//! whichever the form.

use super::error::{Error, ErrorKind, ResultExt, Unit};
use super::limits::Limits;
use super::reader::{Reader, Width};
use super::sink::Sink;
use super::traits::{Decode, Encode};
use core::fmt;

/// Where the element count of a sequence comes from.
///
/// ```
/// use mapi_wire::wire::{Count, Width};
///
/// let prefixed: Count = Width::U16.into();
/// assert_eq!(prefixed, Count::Prefix(Width::U16));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Count {
    /// A count field of this width immediately precedes the elements; it
    /// is read on decode and written on encode.
    Prefix(Width),
    /// The count was given by an earlier field; nothing is read or
    /// written, and encoding checks the sequence has exactly this length.
    Known(usize),
}

impl From<Width> for Count {
    fn from(w: Width) -> Self {
        Count::Prefix(w)
    }
}

impl Count {
    #[inline]
    fn read(self, r: &mut Reader<'_>, min: usize, unit: Unit) -> Result<usize, Error> {
        match self {
            Count::Prefix(w) => r.count(w, min, unit),
            Count::Known(n) => {
                let n32 = u32::try_from(n).unwrap_or(u32::MAX);
                r.check_count(n32, min, unit, 0)
            }
        }
    }

    #[inline]
    fn len(self) -> usize {
        match self {
            Count::Prefix(w) => w.size(),
            Count::Known(_) => 0,
        }
    }

    #[inline]
    fn write<S: Sink + ?Sized>(self, s: &mut S, n: usize) -> Result<(), Error> {
        match self {
            Count::Prefix(w) => s.put_uint(w, n),
            Count::Known(k) if k == n => Ok(()),
            Count::Known(_) => Err(Error::new(
                ErrorKind::Unencodable { value: n as u64 },
                s.position(),
            )),
        }
    }
}

/// A fixed-size wire type: every value encodes to exactly `SIZE` bytes and
/// any `SIZE` bytes decode. Elements of an [`Array`].
pub trait Fixed: Copy + for<'x> Decode<'x, Ctx = ()> + Encode<Ctx = ()> {
    /// The encoded size.
    const SIZE: usize;
}

macro_rules! fixed {
    ($($t:ty),*) => {$( impl Fixed for $t { const SIZE: usize = core::mem::size_of::<$t>(); } )*};
}
fixed!(u8, u16, u32, u64, i16, i32, i64, f32, f64);

impl<const N: usize> Fixed for [u8; N] {
    const SIZE: usize = N;
}

#[derive(Clone, Copy)]
enum ArrayRepr<'a, T> {
    Wire(&'a [u8]),
    Slice(&'a [T]),
}

/// A zero-copy array of fixed-size elements, such as the PropertyTag array
/// of RopSetColumns or the message IDs of RopDeleteMessages.
///
/// Its context is the [`Count`] of elements.
///
/// ```
/// use mapi_wire::wire::{Array, Count, Decode, Encode, Width};
///
/// let bytes = [0x02, 0x00, 0x01, 0x00, 0x02, 0x00];
/// let (a, _) = Array::<u16>::decode_with(&bytes, Count::Prefix(Width::U16)).unwrap();
/// assert_eq!(a.len(), 2);
/// assert_eq!(a.get(1), Some(2));
/// assert_eq!(a.iter().collect::<Vec<_>>(), [1, 2]);
///
/// let built = Array::from_slice(&[1u16, 2]);
/// assert_eq!(a, built);
/// assert_eq!(built.to_vec_with(Count::Prefix(Width::U16)).unwrap(), bytes);
/// ```
#[derive(Clone, Copy)]
pub struct Array<'a, T> {
    repr: ArrayRepr<'a, T>,
}

impl<'a, T: Fixed> Array<'a, T> {
    /// An array over typed values, for encoding.
    pub const fn from_slice(items: &'a [T]) -> Self {
        Array {
            repr: ArrayRepr::Slice(items),
        }
    }

    /// An array over validated wire bytes (a whole number of elements),
    /// as decoding makes it.
    pub(crate) const fn from_wire(bytes: &'a [u8]) -> Self {
        Array {
            repr: ArrayRepr::Wire(bytes),
        }
    }

    /// The empty array.
    pub const fn empty() -> Self {
        Array {
            repr: ArrayRepr::Slice(&[]),
        }
    }

    /// Number of elements.
    #[inline]
    pub fn len(&self) -> usize {
        match self.repr {
            ArrayRepr::Wire(b) => b.len().checked_div(T::SIZE).unwrap_or(0),
            ArrayRepr::Slice(s) => s.len(),
        }
    }

    /// True when there is no element.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Element `i`, decoded on demand.
    #[inline]
    pub fn get(&self, i: usize) -> Option<T> {
        match self.repr {
            ArrayRepr::Wire(b) => {
                let start = i.checked_mul(T::SIZE)?;
                let chunk = b.get(start..start.checked_add(T::SIZE)?)?;
                T::decode_from(&mut Reader::new(chunk), ()).ok()
            }
            ArrayRepr::Slice(s) => s.get(i).copied(),
        }
    }

    /// The elements in order.
    #[inline]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = T> + 'a {
        let (wire, slice): (&'a [u8], &'a [T]) = match self.repr {
            ArrayRepr::Wire(b) => (b, &[]),
            ArrayRepr::Slice(s) => (&[], s),
        };
        let size = T::SIZE.max(1);
        let n = self.len();
        ArrayIter {
            inner: wire
                .chunks_exact(size)
                .filter_map(|c| T::decode_from(&mut Reader::new(c), ()).ok())
                .chain(slice.iter().copied()),
            n,
        }
    }

    /// The validated wire bytes of a decoded array (without its count), or
    /// `None` for an array built from a slice.
    pub fn wire_bytes(&self) -> Option<&'a [u8]> {
        match self.repr {
            ArrayRepr::Wire(b) => Some(b),
            ArrayRepr::Slice(_) => None,
        }
    }

    /// The first `n` elements, or `None` if the array has fewer than `n`.
    ///
    /// ```
    /// use mapi_wire::wire::Array;
    ///
    /// let a = Array::from_slice(&[1u16, 2, 3]);
    /// assert_eq!(a.prefix(2), Some(Array::from_slice(&[1u16, 2])));
    /// assert_eq!(a.prefix(4), None);
    /// ```
    pub fn prefix(&self, n: usize) -> Option<Self> {
        let repr = match self.repr {
            ArrayRepr::Wire(b) => ArrayRepr::Wire(b.get(..n.checked_mul(T::SIZE)?)?),
            ArrayRepr::Slice(s) => ArrayRepr::Slice(s.get(..n)?),
        };
        Some(Array { repr })
    }

    /// Collects the elements into a vector.
    #[cfg(feature = "alloc")]
    pub fn to_vec(&self) -> alloc::vec::Vec<T> {
        self.iter().collect()
    }
}

struct ArrayIter<I> {
    inner: I,
    n: usize,
}

impl<I: Iterator> Iterator for ArrayIter<I> {
    type Item = I::Item;
    #[inline]
    fn next(&mut self) -> Option<I::Item> {
        let v = self.inner.next()?;
        self.n = self.n.saturating_sub(1);
        Some(v)
    }
    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.n, Some(self.n))
    }
}

impl<I: Iterator> ExactSizeIterator for ArrayIter<I> {}

impl<'a, T: Fixed> Decode<'a> for Array<'a, T> {
    type Ctx = Count;
    const NAME: &'static str = "Array";
    const MIN_LEN: usize = 0;

    #[inline]
    fn decode_from(r: &mut Reader<'a>, cx: Count) -> Result<Self, Error> {
        let n = cx.read(r, T::SIZE, Unit::Items)?;
        // `read` checked n * SIZE against the bytes left, so the product
        // fits; were it to saturate, `bytes` would fail, not panic.
        let bytes = r.bytes(n.saturating_mul(T::SIZE))?;
        Ok(Array {
            repr: ArrayRepr::Wire(bytes),
        })
    }
}

impl<T: Fixed> Encode for Array<'_, T> {
    type Ctx = Count;

    #[inline]
    fn encoded_len_with(&self, cx: Count) -> usize {
        // Saturates only for a built array no sink could hold; encoding it
        // fails.
        cx.len().saturating_add(self.len().saturating_mul(T::SIZE))
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: Count) -> Result<(), Error> {
        cx.write(s, self.len())?;
        match self.repr {
            ArrayRepr::Wire(b) => s.put(b),
            ArrayRepr::Slice(items) => {
                for v in items {
                    v.encode_with(s, ())?;
                }
                Ok(())
            }
        }
    }
}

impl<T: Fixed + PartialEq> PartialEq for Array<'_, T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<T: Fixed + fmt::Debug> fmt::Debug for Array<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: Fixed> Default for Array<'_, T> {
    fn default() -> Self {
        Self::empty()
    }
}

#[cfg(feature = "serde")]
impl<T: Fixed + serde::Serialize> serde::Serialize for Array<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

enum ListRepr<'a, T: Decode<'a>> {
    Wire {
        count: usize,
        bytes: &'a [u8],
        cx: T::Ctx,
    },
    Slice(&'a [T]),
}

impl<'a, T: Decode<'a>> Clone for ListRepr<'a, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<'a, T: Decode<'a>> Copy for ListRepr<'a, T> {}

/// A zero-copy list of self-delimiting elements, such as the
/// TaggedPropertyValue array of RopSetProperties or the children of an
/// AndRestriction.
///
/// Decoding walks and validates every element once and keeps the bytes;
/// iterating decodes each element again, without allocating. Its context is
/// the [`Count`] and the elements' own context.
///
/// ```
/// use mapi_wire::wire::{Bytes, Count, Decode, Encode, List, Width};
///
/// // Two byte strings with 1-byte lengths, counted by a 1-byte count.
/// let bytes = [0x02, 0x01, 0xAA, 0x02, 0xBB, 0xCC];
/// let cx = (Count::Prefix(Width::U8), Width::U8);
/// let (list, _) = List::<Bytes>::decode_with(&bytes, cx).unwrap();
/// let items: Vec<_> = list.iter().map(|b| b.0).collect();
/// assert_eq!(items, [&[0xAA][..], &[0xBB, 0xCC][..]]);
/// assert_eq!(list.to_vec_with(cx).unwrap(), bytes);
/// ```
pub struct List<'a, T: Decode<'a>> {
    repr: ListRepr<'a, T>,
}

impl<'a, T: Decode<'a>> Clone for List<'a, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<'a, T: Decode<'a>> Copy for List<'a, T> {}

impl<'a, T: Decode<'a> + Clone> List<'a, T> {
    /// A list over typed values, for encoding.
    pub const fn from_slice(items: &'a [T]) -> Self {
        List {
            repr: ListRepr::Slice(items),
        }
    }

    /// The empty list.
    pub const fn empty() -> Self {
        List {
            repr: ListRepr::Slice(&[]),
        }
    }

    /// Number of elements.
    #[inline]
    pub fn len(&self) -> usize {
        match self.repr {
            ListRepr::Wire { count, .. } => count,
            ListRepr::Slice(s) => s.len(),
        }
    }

    /// True when there is no element.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The elements in order, decoded on demand.
    #[inline]
    pub fn iter(&self) -> ListIter<'a, T> {
        match self.repr {
            ListRepr::Wire { count, bytes, cx } => ListIter {
                repr: ListIterRepr::Wire {
                    r: Reader::with_limits(bytes, Limits::REVISIT),
                    left: count,
                    cx,
                },
            },
            ListRepr::Slice(s) => ListIter {
                repr: ListIterRepr::Slice(s.iter()),
            },
        }
    }

    /// Element `i` (walks the list up to it).
    pub fn get(&self, i: usize) -> Option<T> {
        self.iter().nth(i)
    }

    /// The elements' context of a decoded list, or `None` for a list built
    /// from a slice.
    ///
    /// ```
    /// use mapi_wire::wire::{Bytes, Count, Decode, List, Width};
    ///
    /// let cx = (Count::Prefix(Width::U8), Width::U8);
    /// let (list, _) = List::<Bytes>::decode_with(&[1, 1, 0xAA], cx).unwrap();
    /// assert_eq!(list.context(), Some(Width::U8));
    /// assert_eq!(List::<Bytes>::empty().context(), None);
    /// ```
    pub fn context(&self) -> Option<T::Ctx> {
        match self.repr {
            ListRepr::Wire { cx, .. } => Some(cx),
            ListRepr::Slice(_) => None,
        }
    }

    /// The validated wire bytes of a decoded list (without its count), or
    /// `None` for a list built from a slice.
    pub fn wire_bytes(&self) -> Option<&'a [u8]> {
        match self.repr {
            ListRepr::Wire { bytes, .. } => Some(bytes),
            ListRepr::Slice(_) => None,
        }
    }

    /// Collects the elements into a vector.
    #[cfg(feature = "alloc")]
    pub fn to_vec(&self) -> alloc::vec::Vec<T> {
        self.iter().collect()
    }
}

enum ListIterRepr<'a, T: Decode<'a>> {
    Wire {
        r: Reader<'a>,
        left: usize,
        cx: T::Ctx,
    },
    Slice(core::slice::Iter<'a, T>),
}

/// Iterator over a [`List`].
pub struct ListIter<'a, T: Decode<'a>> {
    repr: ListIterRepr<'a, T>,
}

impl<'a, T: Decode<'a> + Clone> Iterator for ListIter<'a, T> {
    type Item = T;
    #[inline]
    fn next(&mut self) -> Option<T> {
        match &mut self.repr {
            ListIterRepr::Wire { r, left, cx } => {
                *left = left.checked_sub(1)?;
                // The bytes were validated when the list was decoded, so this
                // cannot fail; if it somehow did, the iteration ends.
                match T::decode_from(r, *cx) {
                    Ok(v) => Some(v),
                    Err(_) => {
                        *left = 0;
                        None
                    }
                }
            }
            ListIterRepr::Slice(it) => it.next().cloned(),
        }
    }
    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = match &self.repr {
            ListIterRepr::Wire { left, .. } => *left,
            ListIterRepr::Slice(it) => it.len(),
        };
        (0, Some(n))
    }
}

impl<'a, T: Decode<'a>> Decode<'a> for List<'a, T> {
    type Ctx = (Count, T::Ctx);
    const NAME: &'static str = "List";
    const MIN_LEN: usize = 0;

    fn decode_from(r: &mut Reader<'a>, (count, cx): Self::Ctx) -> Result<Self, Error> {
        let n = count.read(r, T::MIN_LEN, Unit::Items)?;
        let start = r.peek_rest();
        let before = r.remaining();
        for i in 0..n {
            T::decode_from(r, cx).at_index(i)?;
        }
        // The reader only moves forward, so `remaining` only shrinks.
        let used = before.saturating_sub(r.remaining());
        Ok(List {
            repr: ListRepr::Wire {
                count: n,
                bytes: start.get(..used).unwrap_or(&[]),
                cx,
            },
        })
    }
}

impl<'a, T> Encode for List<'a, T>
where
    T: Decode<'a> + Clone + Encode<Ctx = <T as Decode<'a>>::Ctx>,
    <T as Decode<'a>>::Ctx: PartialEq,
{
    type Ctx = (Count, <T as Decode<'a>>::Ctx);

    fn encoded_len_with(&self, (count, cx): Self::Ctx) -> usize {
        count.len().saturating_add(match self.repr {
            ListRepr::Wire { bytes, cx: wcx, .. } if wcx == cx => bytes.len(),
            _ => self
                .iter()
                .fold(0usize, |n, v| n.saturating_add(v.encoded_len_with(cx))),
        })
    }

    fn encode_with<S: Sink + ?Sized>(
        &self,
        s: &mut S,
        (count, cx): Self::Ctx,
    ) -> Result<(), Error> {
        count.write(s, self.len())?;
        match self.repr {
            ListRepr::Wire { bytes, cx: wcx, .. } if wcx == cx => s.put(bytes),
            ListRepr::Slice(items) => {
                for (i, v) in items.iter().enumerate() {
                    v.encode_with(s, cx).at_index(i)?;
                }
                Ok(())
            }
            ListRepr::Wire { .. } => {
                for (i, v) in self.iter().enumerate() {
                    v.encode_with(s, cx).at_index(i)?;
                }
                Ok(())
            }
        }
    }
}

impl<'a, T: Decode<'a> + Clone + PartialEq> PartialEq for List<'a, T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<'a, T: Decode<'a> + Clone + fmt::Debug> fmt::Debug for List<'a, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a, T: Decode<'a> + Clone> Default for List<'a, T> {
    fn default() -> Self {
        Self::empty()
    }
}

impl<'a, T: Decode<'a> + Clone> IntoIterator for &List<'a, T> {
    type Item = T;
    type IntoIter = ListIter<'a, T>;
    fn into_iter(self) -> ListIter<'a, T> {
        self.iter()
    }
}

#[cfg(feature = "serde")]
impl<'a, T: Decode<'a> + Clone + serde::Serialize> serde::Serialize for List<'a, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::Bytes;

    #[test]
    fn array_count_is_checked_before_use() {
        let e =
            Array::<u32>::decode_with(&[0xFF, 0xFF, 0, 0], Count::Prefix(Width::U16)).unwrap_err();
        assert_eq!(
            e.kind(),
            ErrorKind::CountTooLarge {
                count: 0xFFFF,
                unit: Unit::Items,
                needed: 0xFFFF * 4,
                remaining: 2
            }
        );
    }

    #[test]
    fn list_errors_name_the_element() {
        let cx = (Count::Prefix(Width::U8), Width::U8);
        let e = List::<Bytes<'_>>::decode_with(&[2, 1, 0xAA, 5, 0xBB], cx).unwrap_err();
        assert_eq!(
            e.to_string(),
            "List[1]: length 5 runs past the end, 1 bytes remain (offset 3)"
        );
    }

    #[test]
    fn known_counts_are_enforced_on_encode() {
        let a = Array::from_slice(&[1u8, 2, 3]);
        assert!(a.to_vec_with(Count::Known(3)).is_ok());
        assert_eq!(
            a.to_vec_with(Count::Known(2)).unwrap_err().kind(),
            ErrorKind::Unencodable { value: 3 }
        );
    }

    #[test]
    fn reencoding_into_another_width_rewrites_elements() {
        let cx16 = (Count::Prefix(Width::U16), Width::U16);
        let cx32 = (Count::Prefix(Width::U32), Width::U32);
        let (l, _) = List::<Bytes<'_>>::decode_with(&[1, 0, 1, 0, 0x7F], cx16).unwrap();
        assert_eq!(l.to_vec_with(cx32).unwrap(), [1, 0, 0, 0, 1, 0, 0, 0, 0x7F]);
    }
}
