//! AddressBookPropertyRow (MS-OXCMAPIHTTP 2.2.1.7): a row of values
//! without tags, read against the columns that precede the rows in the same
//! response.

use super::value::{
    AbContext, AddressBookFlaggedPropertyValue, AddressBookFlaggedPropertyValueWithType,
    AddressBookPropertyValue, AddressBookTypedPropertyValue, AddressBookValue,
};
use crate::data::{PropertyTag, PropertyType};
use crate::wire::{Array, Decode, Encode, Error, ErrorKind, Limits, List, Reader, ResultExt, Sink};
use core::fmt;

/// What a row decoder needs: the columns (the response's Columns or
/// PropertyTags field) and the [`AbContext`].
///
/// ```
/// use mapi_wire::data::PropertyTag;
/// use mapi_wire::nspi::{AbContext, AbRowContext};
/// use mapi_wire::wire::Array;
///
/// let tags = [PropertyTag(0x3001_001F)];
/// let cx = AbRowContext::new(Array::from_slice(&tags), AbContext::DEFAULT);
/// assert_eq!(cx.columns.len(), 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct AbRowContext<'c> {
    /// The columns, in row order.
    pub columns: Array<'c, PropertyTag>,
    /// The address-book options.
    pub options: AbContext,
}

impl<'c> AbRowContext<'c> {
    /// A context over `columns`.
    pub const fn new(columns: Array<'c, PropertyTag>, options: AbContext) -> Self {
        AbRowContext { columns, options }
    }
}

/// One cell of an [`AddressBookPropertyRow`]; which kind depends on the
/// row's Flags and on whether the column's type is PtypUnspecified
/// (MS-OXCMAPIHTTP 2.2.1.7).
///
/// | Flags | typed column | PtypUnspecified column |
/// |---|---|---|
/// | 0x0 | [`Value`](Self::Value) | [`Typed`](Self::Typed) |
/// | 0x1 | [`Flagged`](Self::Flagged) | [`FlaggedTyped`](Self::FlaggedTyped) |
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum AbCell<'a> {
    /// An AddressBookPropertyValue.
    Value(AddressBookPropertyValue<'a>),
    /// An AddressBookTypedPropertyValue.
    Typed(AddressBookTypedPropertyValue<'a>),
    /// An AddressBookFlaggedPropertyValue.
    Flagged(AddressBookFlaggedPropertyValue<'a>),
    /// An AddressBookFlaggedPropertyValueWithType.
    FlaggedTyped(AddressBookFlaggedPropertyValueWithType<'a>),
}

impl<'a> AbCell<'a> {
    /// The value, if the cell holds one (not for an absent value, a
    /// "no value" flag or an error code).
    pub fn value(&self) -> Option<&AddressBookValue<'a>> {
        let flagged = match self {
            AbCell::Value(v) => return v.value.as_ref(),
            AbCell::Typed(t) => return t.property_value.value.as_ref(),
            AbCell::Flagged(f) => f,
            AbCell::FlaggedTyped(f) => &f.flagged_value,
        };
        if flagged.flag == AddressBookFlaggedPropertyValue::VALUE {
            flagged.property_value.as_ref()?.value.as_ref()
        } else {
            None
        }
    }

    fn decode(
        r: &mut Reader<'a>,
        flagged: bool,
        column: PropertyType,
        cx: AbContext,
    ) -> Result<Self, Error> {
        let typed = column == PropertyType::UNSPECIFIED;
        Ok(match (flagged, typed) {
            (false, false) => {
                AbCell::Value(AddressBookPropertyValue::decode_from(r, (column, cx))?)
            }
            (false, true) => AbCell::Typed(AddressBookTypedPropertyValue::decode_from(r, cx)?),
            (true, false) => AbCell::Flagged(AddressBookFlaggedPropertyValue::decode_from(
                r,
                (column, cx),
            )?),
            (true, true) => {
                AbCell::FlaggedTyped(AddressBookFlaggedPropertyValueWithType::decode_from(r, cx)?)
            }
        })
    }

    /// Skips one cell without building it: the validation walk of
    /// [`AddressBookPropertyRow::decode_from`] and [`AddressBookPropertyRow::skip`].
    #[inline]
    fn skip(
        r: &mut Reader<'a>,
        flagged: bool,
        column: PropertyType,
        cx: AbContext,
    ) -> Result<(), Error> {
        let ty = if column == PropertyType::UNSPECIFIED {
            PropertyType(r.u16().in_field("property_type")?)
        } else {
            column
        };
        if flagged {
            match r.u8().in_field("flag")? {
                AddressBookFlaggedPropertyValue::VALUE => {}
                AddressBookFlaggedPropertyValue::NOT_PRESENT => return Ok(()),
                AddressBookFlaggedPropertyValue::ERROR => {
                    return r.bytes(4).map(drop).in_field("property_value");
                }
                f => return Err(r.invalid(u64::from(f), 1).in_field("flag")),
            }
        }
        AddressBookPropertyValue::skip(r, ty, cx)
    }

    fn encoded_len(&self, column: PropertyType, cx: AbContext) -> usize {
        match self {
            AbCell::Value(v) => v.encoded_len_with((column, cx)),
            AbCell::Typed(v) => v.encoded_len_with(cx),
            AbCell::Flagged(v) => v.encoded_len_with((column, cx)),
            AbCell::FlaggedTyped(v) => v.encoded_len_with(cx),
        }
    }

    fn encode<S: Sink + ?Sized>(
        &self,
        s: &mut S,
        flagged: bool,
        column: PropertyType,
        cx: AbContext,
    ) -> Result<(), Error> {
        let typed = column == PropertyType::UNSPECIFIED;
        match (self, flagged, typed) {
            (AbCell::Value(v), false, false) => v.encode_with(s, (column, cx)),
            (AbCell::Typed(v), false, true) => v.encode_with(s, cx),
            (AbCell::Flagged(v), true, false) => v.encode_with(s, (column, cx)),
            (AbCell::FlaggedTyped(v), true, true) => v.encode_with(s, cx),
            _ => Err(Error::new(
                ErrorKind::Unencodable {
                    value: u64::from(column.0),
                },
                s.position(),
            )),
        }
    }
}

#[derive(Clone, Copy)]
enum CellsRepr<'a> {
    Wire(&'a [u8], AbRowContext<'a>),
    Slice(&'a [AbCell<'a>]),
}

/// An AddressBookPropertyRow (MS-OXCMAPIHTTP 2.2.1.7): a Flags byte (`0x0`
/// every column present and error-free, `0x1` every column flagged), then a
/// cell per column. Any other Flags value is rejected.
///
/// A decoded row keeps its validated bytes and decodes the cells when they
/// are walked ([`cells`](Self::cells)); nothing allocates. A row built for
/// encoding borrows its cells ([`AddressBookPropertyRow::new`]); encoding
/// checks them against the columns.
///
/// ```
/// use mapi_wire::data::{PropertyTag, PropertyValue};
/// use mapi_wire::nspi::{AbContext, AbRowContext, AddressBookPropertyRow, AddressBookValue};
/// use mapi_wire::wire::{Array, Decode, Encode};
///
/// // Columns PidTagDisplayName (PtypString) and PidTagDisplayType.
/// let tags = [PropertyTag(0x3001_001F), PropertyTag(0x3900_0003)];
/// let cx = AbRowContext::new(Array::from_slice(&tags), AbContext::DEFAULT);
/// let bytes = [0x00, 0xFF, b'A', 0, 0, 0, 0x01, 0, 0, 0];
/// let (row, _) = AddressBookPropertyRow::decode_with(&bytes, cx).unwrap();
/// let cells: Vec<_> = row.cells().collect();
/// assert_eq!(cells.len(), 2);
/// assert_eq!(cells[1].value(), Some(&AddressBookValue::Value(PropertyValue::Integer32(1))));
/// assert_eq!(row.to_vec_with(cx).unwrap(), bytes);
/// ```
#[derive(Clone, Copy)]
pub struct AddressBookPropertyRow<'a> {
    /// Flags: `0x0` or `0x1`.
    pub flags: u8,
    cells: CellsRepr<'a>,
}

impl<'a> AddressBookPropertyRow<'a> {
    /// Flags `0x0`: plain cells.
    pub const STANDARD: u8 = 0x0;
    /// Flags `0x1`: flagged cells.
    pub const FLAGGED: u8 = 0x1;

    /// A row over `cells`, for encoding.
    pub const fn new(flags: u8, cells: &'a [AbCell<'a>]) -> Self {
        AddressBookPropertyRow {
            flags,
            cells: CellsRepr::Slice(cells),
        }
    }

    /// The cells in column order, decoded on demand.
    pub fn cells(&self) -> AbCells<'a> {
        match self.cells {
            CellsRepr::Wire(bytes, cx) => AbCells {
                repr: CellsIter::Wire {
                    r: Reader::with_limits(bytes, Limits::REVISIT),
                    flagged: self.flags == Self::FLAGGED,
                    cx,
                    next: 0,
                },
            },
            CellsRepr::Slice(s) => AbCells {
                repr: CellsIter::Slice(s.iter()),
            },
        }
    }

    /// The number of cells.
    pub fn len(&self) -> usize {
        match self.cells {
            CellsRepr::Wire(_, cx) => cx.columns.len(),
            CellsRepr::Slice(s) => s.len(),
        }
    }

    /// True for a row without cells.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The validated bytes of a decoded row's cells (after Flags).
    pub fn wire_bytes(&self) -> Option<&'a [u8]> {
        match self.cells {
            CellsRepr::Wire(b, _) => Some(b),
            CellsRepr::Slice(_) => None,
        }
    }

    fn flag(r: &mut Reader<'a>) -> Result<bool, Error> {
        match r.u8().in_field("flags")? {
            Self::STANDARD => Ok(false),
            Self::FLAGGED => Ok(true),
            f => Err(r.invalid(u64::from(f), 1).in_field("flags")),
        }
    }

    /// Skips one row without building its cells.
    ///
    /// ```
    /// use mapi_wire::data::PropertyTag;
    /// use mapi_wire::nspi::{AbContext, AbRowContext, AddressBookPropertyRow};
    /// use mapi_wire::wire::{Array, Reader};
    ///
    /// let tags = [PropertyTag(0x3900_0003)];
    /// let cx = AbRowContext::new(Array::from_slice(&tags), AbContext::DEFAULT);
    /// let mut r = Reader::new(&[0x01, 0x01, 0xEE]);
    /// AddressBookPropertyRow::skip(&mut r, cx).unwrap();
    /// assert_eq!(r.remaining(), 1);
    /// ```
    pub fn skip(r: &mut Reader<'a>, cx: AbRowContext<'_>) -> Result<(), Error> {
        let flagged = Self::flag(r)?;
        for (i, col) in cx.columns.iter().enumerate() {
            AbCell::skip(r, flagged, col.property_type(), cx.options)
                .map_err(|e| e.at_index(i).in_field("value_array"))?;
        }
        Ok(())
    }
}

/// One pass over the rows of an NSPI row list (the RowData of QueryRows,
/// GetMatches, ResolveNames, SeekEntries…).
impl<'a> List<'a, AddressBookPropertyRow<'a>> {
    /// Calls `f` with each row's index, its Flags and its cells, in one
    /// pass over the bytes: `f` may read as many cells as it wants, and the
    /// ones it leaves are stepped over after it returns. Iterating with
    /// [`iter`](List::iter) and then [`cells`](AddressBookPropertyRow::cells)
    /// reads each row twice (once to find its end, once for the cells);
    /// this reads it once. Lists built from a slice are visited too.
    ///
    /// ```
    /// use mapi_wire::data::PropertyTag;
    /// use mapi_wire::nspi::{AbContext, AbRowContext, AddressBookPropertyRow};
    /// use mapi_wire::wire::{Array, Count, Decode, List, Width};
    ///
    /// // Two rows of PidTagDisplayType (PtypInteger32): 1, then 6.
    /// let tags = [PropertyTag(0x3900_0003)];
    /// let cx = AbRowContext::new(Array::from_slice(&tags), AbContext::DEFAULT);
    /// let bytes = [2, 0, 0, 0, 0x00, 1, 0, 0, 0, 0x00, 6, 0, 0, 0];
    /// let (rows, _) =
    ///     List::<AddressBookPropertyRow>::decode_with(&bytes, (Count::Prefix(Width::U32), cx))?;
    /// let mut seen = Vec::new();
    /// rows.for_each_row(|i, flags, cells| {
    ///     seen.push((i, flags, cells.count()));
    /// });
    /// assert_eq!(seen, [(0, 0, 1), (1, 0, 1)]);
    /// # Ok::<(), mapi_wire::wire::Error>(())
    /// ```
    pub fn for_each_row(&self, mut f: impl FnMut(usize, u8, &mut AbCells<'a>)) {
        let (Some(bytes), Some(cx)) = (self.wire_bytes(), self.context()) else {
            for (i, row) in self.iter().enumerate() {
                f(i, row.flags, &mut row.cells());
            }
            return;
        };
        let mut r = Reader::with_limits(bytes, Limits::REVISIT);
        for i in 0..self.len() {
            let Ok(flags) = r.u8() else {
                debug_assert!(false, "validated rows failed to decode");
                return;
            };
            let mut cells = AbCells {
                repr: CellsIter::Wire {
                    r: r.clone(),
                    flagged: flags == AddressBookPropertyRow::FLAGGED,
                    cx,
                    next: 0,
                },
            };
            f(i, flags, &mut cells);
            // Step over what `f` left, to the start of the next row.
            for _ in cells.by_ref() {}
            let CellsIter::Wire { r: after, .. } = cells.repr else {
                return;
            };
            r = after;
        }
    }
}

enum CellsIter<'a> {
    Wire {
        r: Reader<'a>,
        flagged: bool,
        cx: AbRowContext<'a>,
        next: usize,
    },
    Slice(core::slice::Iter<'a, AbCell<'a>>),
}

/// The cells of an [`AddressBookPropertyRow`], decoded one at a time.
pub struct AbCells<'a> {
    repr: CellsIter<'a>,
}

impl<'a> Iterator for AbCells<'a> {
    type Item = AbCell<'a>;

    fn next(&mut self) -> Option<AbCell<'a>> {
        match &mut self.repr {
            CellsIter::Wire {
                r,
                flagged,
                cx,
                next,
            } => {
                let col = cx.columns.get(*next)?;
                *next += 1;
                // Validated when the row was decoded, so this cannot fail;
                // if it did, the walk ends.
                AbCell::decode(r, *flagged, col.property_type(), cx.options).ok()
            }
            CellsIter::Slice(it) => it.next().copied(),
        }
    }
}

impl PartialEq for AddressBookPropertyRow<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.flags == other.flags && self.len() == other.len() && self.cells().eq(other.cells())
    }
}

impl fmt::Debug for AddressBookPropertyRow<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AddressBookPropertyRow")
            .field("flags", &self.flags)
            .field("value_array", &DebugCells(*self))
            .finish()
    }
}

struct DebugCells<'a>(AddressBookPropertyRow<'a>);

impl fmt::Debug for DebugCells<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.cells()).finish()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for AddressBookPropertyRow<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Cells<'a>(AddressBookPropertyRow<'a>);
        impl serde::Serialize for Cells<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.cells())
            }
        }
        let mut st = s.serialize_struct("AddressBookPropertyRow", 2)?;
        st.serialize_field("flags", &self.flags)?;
        st.serialize_field("value_array", &Cells(*self))?;
        st.end()
    }
}

impl<'a> Decode<'a> for AddressBookPropertyRow<'a> {
    type Ctx = AbRowContext<'a>;
    const NAME: &'static str = "AddressBookPropertyRow";
    const MIN_LEN: usize = 1;

    fn decode_from(r: &mut Reader<'a>, cx: AbRowContext<'a>) -> Result<Self, Error> {
        let flags = r.peek_u8().in_field("flags")?;
        let flagged = Self::flag(r)?;
        let start = r.peek_rest();
        let before = r.remaining();
        for (i, col) in cx.columns.iter().enumerate() {
            AbCell::skip(r, flagged, col.property_type(), cx.options)
                .map_err(|e| e.at_index(i).in_field("value_array"))?;
        }
        let used = before - r.remaining();
        Ok(AddressBookPropertyRow {
            flags,
            cells: CellsRepr::Wire(start.get(..used).unwrap_or(&[]), cx),
        })
    }
}

impl<'a> Encode for AddressBookPropertyRow<'a> {
    type Ctx = AbRowContext<'a>;

    fn encoded_len_with(&self, cx: AbRowContext<'a>) -> usize {
        1 + match self.cells {
            CellsRepr::Wire(b, wcx) if wcx == cx => b.len(),
            _ => self
                .cells()
                .zip(cx.columns.iter())
                .map(|(c, col)| c.encoded_len(col.property_type(), cx.options))
                .sum(),
        }
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: AbRowContext<'a>) -> Result<(), Error> {
        let flagged = match self.flags {
            Self::STANDARD => false,
            Self::FLAGGED => true,
            f => {
                return Err(Error::new(
                    ErrorKind::Unencodable {
                        value: u64::from(f),
                    },
                    s.position(),
                )
                .in_field("flags"));
            }
        };
        if self.len() != cx.columns.len() {
            return Err(Error::new(
                ErrorKind::Unencodable {
                    value: self.len() as u64,
                },
                s.position(),
            )
            .in_field("value_array"));
        }
        s.put_u8(self.flags)?;
        if let CellsRepr::Wire(b, wcx) = self.cells
            && wcx == cx
        {
            return s.put(b);
        }
        for (i, (cell, col)) in self.cells().zip(cx.columns.iter()).enumerate() {
            cell.encode(s, flagged, col.property_type(), cx.options)
                .map_err(|e| e.at_index(i).in_field("value_array"))?;
        }
        Ok(())
    }
}
