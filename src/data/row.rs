//! Property rows (MS-OXCDATA 2.8.1, 2.8.2): values without tags, read
//! against a column list that the bytes do not carry.

use super::tag::{PropertyTag, PropertyType};
use super::tagged::{FlaggedPropertyValue, FlaggedPropertyValueWithType, TypedPropertyValue};
use super::value::{PropertyValue, ValueContext};
use crate::wire::{Array, Decode, Encode, Error, ErrorKind, Reader, ResultExt, Sink, Unit};

/// What a row decoder needs: the columns (from RopSetColumns, or the tag
/// list of the request) and the value context.
///
/// ```
/// use mapi_wire::data::{PropertyTag, RowContext};
/// use mapi_wire::wire::Array;
///
/// let tags = [PropertyTag(0x0037_001F), PropertyTag(0x0E06_0040)];
/// let cx = RowContext::rop(Array::from_slice(&tags));
/// assert_eq!(cx.columns.len(), 2);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RowContext<'c> {
    /// The columns, in row order.
    pub columns: Array<'c, PropertyTag>,
    /// The value context (ROP or extended).
    pub values: ValueContext,
}

impl<'c> RowContext<'c> {
    /// Columns of a row inside a ROP buffer.
    pub const fn rop(columns: Array<'c, PropertyTag>) -> Self {
        RowContext {
            columns,
            values: ValueContext::Rop,
        }
    }

    /// The same context restricted to the first `n` columns, or `None` if
    /// there are fewer than `n` (as for the RecipientProperties of a
    /// RecipientRow, MS-OXCDATA 2.8.3.2).
    ///
    /// ```
    /// use mapi_wire::data::{PropertyTag, RowContext};
    /// use mapi_wire::wire::Array;
    ///
    /// let tags = [PropertyTag(0x0037_001F), PropertyTag(0x0E06_0040)];
    /// let cx = RowContext::rop(Array::from_slice(&tags));
    /// assert_eq!(cx.prefix(1).unwrap().columns.len(), 1);
    /// assert!(cx.prefix(3).is_none());
    /// ```
    pub fn prefix(&self, n: usize) -> Option<Self> {
        Some(RowContext {
            columns: self.columns.prefix(n)?,
            values: self.values,
        })
    }
}

/// One cell of a StandardPropertyRow (MS-OXCDATA 2.8.1.1).
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum StandardValue<'a> {
    /// A PropertyValue of the column's type.
    Value(PropertyValue<'a>),
    /// A TypedPropertyValue, for a column requested as PtypUnspecified.
    Typed(TypedPropertyValue<'a>),
}

/// One cell of a FlaggedPropertyRow (MS-OXCDATA 2.8.1.2).
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum FlaggedValue<'a> {
    /// A FlaggedPropertyValue of the column's type.
    Value(FlaggedPropertyValue<'a>),
    /// A FlaggedPropertyValueWithType, for a column requested as
    /// PtypUnspecified.
    Typed(FlaggedPropertyValueWithType<'a>),
}

/// One cell of either kind of row, as yielded by [`RowCells`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RowCell<'a> {
    /// A cell of a standard row.
    Standard(StandardValue<'a>),
    /// A cell of a flagged row.
    Flagged(FlaggedValue<'a>),
}

impl<'a> RowCell<'a> {
    /// The value, if the cell holds one (not for absent or error cells).
    pub fn value(&self) -> Option<&PropertyValue<'a>> {
        match self {
            RowCell::Standard(StandardValue::Value(v)) => Some(v),
            RowCell::Standard(StandardValue::Typed(t)) => Some(&t.property_value),
            RowCell::Flagged(FlaggedValue::Value(f)) => f.value(),
            RowCell::Flagged(FlaggedValue::Typed(t)) => t.flagged_value.value(),
        }
    }
}

/// Decodes one cell of a StandardPropertyRow for a column of type `column`.
#[inline]
fn decode_standard_cell<'a>(
    r: &mut Reader<'a>,
    column: PropertyType,
    cx: ValueContext,
) -> Result<StandardValue<'a>, Error> {
    if column == PropertyType::UNSPECIFIED {
        TypedPropertyValue::decode_from(r, cx).map(StandardValue::Typed)
    } else {
        PropertyValue::decode_from(r, (column, cx)).map(StandardValue::Value)
    }
}

/// Decodes one cell of a FlaggedPropertyRow for a column of type `column`.
#[inline]
fn decode_flagged_cell<'a>(
    r: &mut Reader<'a>,
    column: PropertyType,
    cx: ValueContext,
) -> Result<FlaggedValue<'a>, Error> {
    if column == PropertyType::UNSPECIFIED {
        FlaggedPropertyValueWithType::decode_from(r, cx).map(FlaggedValue::Typed)
    } else {
        FlaggedPropertyValue::decode_from(r, (column, cx)).map(FlaggedValue::Value)
    }
}

/// Adds the path of cell `i` to an error.
#[cold]
fn cell_error(e: Error, i: usize) -> Error {
    e.in_field("value").at_index(i).in_field("value_array")
}

/// Reads the Flag byte of a PropertyRow: 0x00 standard, 0x01 flagged.
#[inline]
fn decode_row_flag(r: &mut Reader<'_>) -> Result<bool, Error> {
    match r.u8().in_field("flag")? {
        0x00 => Ok(false),
        0x01 => Ok(true),
        f => Err(r.invalid(u64::from(f), 1).in_field("flag")),
    }
}

/// An allocation-free walk over the cells of one row: each call to `next`
/// decodes the next cell in place. Created by [`RowCells::new`], which reads
/// the Flag byte.
///
/// ```
/// use mapi_wire::data::{PropertyTag, RowCells, RowContext};
/// use mapi_wire::wire::{Array, Reader};
///
/// let tags = [PropertyTag(0x0E08_0003), PropertyTag(0x0037_001F)];
/// // Standard row: 42, "A".
/// let bytes = [0x00, 0x2A, 0x00, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00];
/// let mut r = Reader::new(&bytes);
/// let cells = RowCells::new(&mut r, RowContext::rop(Array::from_slice(&tags))).unwrap();
/// let values: Vec<_> = cells.map(|c| c.unwrap().value().cloned()).collect();
/// assert_eq!(values[0].unwrap().as_i32(), Some(42));
/// assert!(r.is_empty());
/// ```
pub struct RowCells<'a, 'c, 'r> {
    r: &'r mut Reader<'a>,
    flagged: bool,
    columns: Array<'c, PropertyTag>,
    values: ValueContext,
    next: usize,
    failed: bool,
}

impl<'a, 'c, 'r> RowCells<'a, 'c, 'r> {
    /// Reads the Flag byte and prepares to walk the cells.
    pub fn new(r: &'r mut Reader<'a>, cx: RowContext<'c>) -> Result<Self, Error> {
        let flagged = decode_row_flag(r)?;
        Ok(RowCells {
            r,
            flagged,
            columns: cx.columns,
            values: cx.values,
            next: 0,
            failed: false,
        })
    }

    /// True for a FlaggedPropertyRow.
    pub fn is_flagged(&self) -> bool {
        self.flagged
    }
}

impl<'a> Iterator for RowCells<'a, '_, '_> {
    type Item = Result<RowCell<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let i = self.next;
        let column = self.columns.get(i)?;
        // i < columns.len().
        self.next = i.saturating_add(1);
        let ty = column.property_type();
        let cell = if self.flagged {
            decode_flagged_cell(self.r, ty, self.values).map(RowCell::Flagged)
        } else {
            decode_standard_cell(self.r, ty, self.values).map(RowCell::Standard)
        }
        .map_err(|e| cell_error(e, i));
        self.failed = cell.is_err();
        Some(cell)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = if self.failed {
            0
        } else {
            self.columns.len().saturating_sub(self.next)
        };
        (n, Some(n))
    }
}

/// A PropertyRow (MS-OXCDATA 2.8.1): a Flag byte, then one cell per
/// column, untagged. Decoding needs the columns ([`RowContext`]); encoding
/// checks the cells against them.
///
/// ```
/// use mapi_wire::data::{PropertyRow, PropertyTag, PropertyValue, RowContext};
/// use mapi_wire::wire::{Array, Decode, Encode};
///
/// // MS-OXORULE 4.2.2: columns PtypInteger64, PtypBinary, PtypString.
/// let tags = [PropertyTag(0x6674_0014), PropertyTag(0x6675_0102), PropertyTag(0x6676_001F)];
/// let cx = RowContext::rop(Array::from_slice(&tags));
/// let mut bytes = vec![0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x3F, 0xF8, 0x56, 0x02, 0x00, 0xAB, 0xCD];
/// bytes.extend_from_slice(&[0x58, 0x00, 0x00, 0x00]);
/// let (row, _) = PropertyRow::decode_with(&bytes, cx).unwrap();
/// assert_eq!(row.len(), 3);
/// assert_eq!(row.value(1).and_then(|v| v.as_binary()), Some(&[0xAB, 0xCD][..]));
/// assert_eq!(row.to_vec_with(cx).unwrap(), bytes);
/// ```
#[cfg(feature = "alloc")]
#[derive(Clone, Debug, PartialEq)]
pub enum PropertyRow<'a> {
    /// Flag 0x00: StandardPropertyRow (2.8.1.1).
    Standard(alloc::vec::Vec<StandardValue<'a>>),
    /// Flag 0x01: FlaggedPropertyRow (2.8.1.2).
    Flagged(alloc::vec::Vec<FlaggedValue<'a>>),
}

/// Serializes a row as `{"flag": 0|1, "value_array": [...]}`.
#[cfg(feature = "serde")]
fn serialize_row<S, T, I>(s: S, flag: u8, cells: I) -> Result<S::Ok, S::Error>
where
    S: serde::Serializer,
    T: serde::Serialize,
    I: IntoIterator<Item = T>,
{
    use serde::ser::SerializeStruct;
    struct Cells<I>(core::cell::Cell<Option<I>>);
    impl<T: serde::Serialize, I: IntoIterator<Item = T>> serde::Serialize for Cells<I> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.take().into_iter().flatten())
        }
    }
    let mut st = s.serialize_struct("PropertyRow", 2)?;
    st.serialize_field("flag", &flag)?;
    st.serialize_field("value_array", &Cells(core::cell::Cell::new(Some(cells))))?;
    st.end()
}

#[cfg(all(feature = "serde", feature = "alloc"))]
impl serde::Serialize for PropertyRow<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            PropertyRow::Standard(c) => serialize_row(s, 0, c),
            PropertyRow::Flagged(c) => serialize_row(s, 1, c),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for RowCell<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            RowCell::Standard(v) => v.serialize(s),
            RowCell::Flagged(v) => v.serialize(s),
        }
    }
}

#[cfg(feature = "alloc")]
impl<'a> PropertyRow<'a> {
    /// Number of cells.
    pub fn len(&self) -> usize {
        match self {
            PropertyRow::Standard(v) => v.len(),
            PropertyRow::Flagged(v) => v.len(),
        }
    }

    /// True for a row without cells.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value of cell `i`, if it has one (not for an absent or error
    /// cell of a flagged row).
    pub fn value(&self, i: usize) -> Option<&PropertyValue<'a>> {
        match self {
            PropertyRow::Standard(v) => match v.get(i)? {
                StandardValue::Value(v) => Some(v),
                StandardValue::Typed(t) => Some(&t.property_value),
            },
            PropertyRow::Flagged(v) => match v.get(i)? {
                FlaggedValue::Value(f) => f.value(),
                FlaggedValue::Typed(t) => t.flagged_value.value(),
            },
        }
    }
}

/// Skips one cell without building it.
#[inline]
fn skip_cell(
    r: &mut Reader<'_>,
    flagged: bool,
    column: PropertyType,
    cx: ValueContext,
) -> Result<(), Error> {
    let ty = if column == PropertyType::UNSPECIFIED {
        PropertyType(r.u16().in_field("property_type")?)
    } else {
        column
    };
    if flagged {
        FlaggedPropertyValue::skip(r, ty, cx)
    } else {
        PropertyValue::skip(r, ty, cx)
    }
}

/// Skips one PropertyRow without allocating or building its values: the
/// cheapest way for a walker to find where the row ends.
pub fn skip_row(r: &mut Reader<'_>, cx: RowContext<'_>) -> Result<(), Error> {
    let flagged = decode_row_flag(r)?;
    for (i, col) in cx.columns.iter().enumerate() {
        skip_cell(r, flagged, col.property_type(), cx.values).map_err(|e| cell_error(e, i))?;
    }
    Ok(())
}

/// How many cells to reserve for a row: one per column, but no more than
/// the bytes that remain can hold, so that a row that turns out truncated
/// allocates nothing the input did not pay for (only cells of PtypNull
/// columns are empty, and the vector grows for those as it must).
#[cfg(feature = "alloc")]
#[inline]
fn cell_capacity(r: &Reader<'_>, cx: RowContext<'_>) -> usize {
    cx.columns.len().min(r.remaining())
}

#[cfg(feature = "alloc")]
impl<'a> Decode<'a> for PropertyRow<'a> {
    type Ctx = RowContext<'a>;
    const NAME: &'static str = "PropertyRow";
    const MIN_LEN: usize = 1;

    fn decode_from(r: &mut Reader<'a>, cx: RowContext<'a>) -> Result<Self, Error> {
        // Plain loops rather than `RowCells`: collecting through iterator
        // adapters moves each large `Result` several times.
        let flagged = decode_row_flag(r)?;
        if flagged {
            let mut cells = alloc::vec::Vec::with_capacity(cell_capacity(r, cx));
            for (i, col) in cx.columns.iter().enumerate() {
                let cell = decode_flagged_cell(r, col.property_type(), cx.values);
                cells.push(cell.map_err(|e| cell_error(e, i))?);
            }
            Ok(PropertyRow::Flagged(cells))
        } else {
            let mut cells = alloc::vec::Vec::with_capacity(cell_capacity(r, cx));
            for (i, col) in cx.columns.iter().enumerate() {
                let cell = decode_standard_cell(r, col.property_type(), cx.values);
                cells.push(cell.map_err(|e| cell_error(e, i))?);
            }
            Ok(PropertyRow::Standard(cells))
        }
    }
}

#[cfg(feature = "alloc")]
impl<'a> Encode for PropertyRow<'a> {
    type Ctx = RowContext<'a>;

    fn encoded_len_with(&self, cx: Self::Ctx) -> usize {
        let v = cx.values;
        // The Flag byte, then the cells; saturates only for a built row no
        // sink could hold.
        let cells = match self {
            PropertyRow::Standard(cells) => cells
                .iter()
                .zip(cx.columns.iter())
                .map(|(c, col)| match c {
                    StandardValue::Value(val) => val.encoded_len_with((col.property_type(), v)),
                    StandardValue::Typed(t) => t.encoded_len_with(v),
                })
                .fold(0usize, usize::saturating_add),
            PropertyRow::Flagged(cells) => cells
                .iter()
                .zip(cx.columns.iter())
                .map(|(c, col)| match c {
                    FlaggedValue::Value(f) => f.encoded_len_with((col.property_type(), v)),
                    FlaggedValue::Typed(t) => t.encoded_len_with(v),
                })
                .fold(0usize, usize::saturating_add),
        };
        cells.saturating_add(1)
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: Self::Ctx) -> Result<(), Error> {
        if self.len() != cx.columns.len() {
            return Err(Error::new(
                ErrorKind::Unencodable {
                    value: self.len() as u64,
                },
                s.position(),
            )
            .in_field("value_array"));
        }
        let v = cx.values;
        let mismatch = |s: &S, i: usize| {
            Error::new(ErrorKind::Unencodable { value: i as u64 }, s.position())
                .at_index(i)
                .in_field("value_array")
        };
        match self {
            PropertyRow::Standard(cells) => {
                s.put_u8(0)?;
                for (i, (c, col)) in cells.iter().zip(cx.columns.iter()).enumerate() {
                    let ty = col.property_type();
                    match (c, ty == PropertyType::UNSPECIFIED) {
                        (StandardValue::Value(val), false) => val.encode_with(s, (ty, v)),
                        (StandardValue::Typed(t), true) => t.encode_with(s, v),
                        _ => Err(mismatch(s, i)),
                    }
                    .at_index(i)?;
                }
            }
            PropertyRow::Flagged(cells) => {
                s.put_u8(1)?;
                for (i, (c, col)) in cells.iter().zip(cx.columns.iter()).enumerate() {
                    let ty = col.property_type();
                    match (c, ty == PropertyType::UNSPECIFIED) {
                        (FlaggedValue::Value(f), false) => f.encode_with(s, (ty, v)),
                        (FlaggedValue::Typed(t), true) => t.encode_with(s, v),
                        _ => Err(mismatch(s, i)),
                    }
                    .at_index(i)?;
                }
            }
        }
        Ok(())
    }
}

/// A PropertyRowSet (MS-OXCDATA 2.8.2): RowCount (2 bytes), then that many
/// [`PropertyRow`]s over the same columns.
///
/// ```
/// use mapi_wire::data::{PropertyRowSet, PropertyTag, RowContext};
/// use mapi_wire::wire::{Array, Decode, Encode};
///
/// let tags = [PropertyTag(0x0E08_0003)];
/// let cx = RowContext::rop(Array::from_slice(&tags));
/// let bytes = [0x02, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00];
/// let (set, _) = PropertyRowSet::decode_with(&bytes, cx).unwrap();
/// assert_eq!(set.rows.len(), 2);
/// assert_eq!(set.rows[1].value(0).and_then(|v| v.as_i32()), Some(2));
/// assert_eq!(set.to_vec_with(cx).unwrap(), bytes);
/// ```
#[cfg(feature = "alloc")]
#[derive(Clone, Debug, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PropertyRowSet<'a> {
    /// The rows, preceded on the wire by RowCount.
    pub rows: alloc::vec::Vec<PropertyRow<'a>>,
}

/// Checks that `rows` rows over the columns of `cx` cannot make the decoder
/// visit more cells than the bytes that remain and
/// [`Limits::max_count`](crate::wire::Limits::max_count) allow together.
///
/// Every cell takes at least one byte, except the cell of a PtypNull column
/// (MS-OXCDATA 2.11.1: no bytes; PidTagNull columns reserve places in a
/// row) in a StandardPropertyRow (2.8.1.1). Without this check, rows of a
/// single Flag byte over thousands of PtypNull columns would cost rows ×
/// columns of work, and of memory for a [`PropertyRowSet`], from a few
/// kilobytes of input. So those empty cells, counted as if every row were
/// a standard one, must stay within `max_count`. `count_size` is the width
/// of the row count just read, so that the error points at it.
fn check_empty_cells(
    r: &Reader<'_>,
    rows: usize,
    cx: RowContext<'_>,
    count_size: usize,
) -> Result<(), Error> {
    if rows == 0 {
        return Ok(());
    }
    let empty = cx
        .columns
        .iter()
        .filter(|c| c.property_type().value_type() == PropertyType::NULL)
        .count();
    let cells = (rows as u64).saturating_mul(empty as u64);
    let limit = r.limits().max_count;
    if cells > u64::from(limit) {
        let value = u32::try_from(cells).unwrap_or(u32::MAX);
        let at = r.offset().saturating_sub(count_size);
        return Err(r
            .error_at(ErrorKind::LimitExceeded { value, limit }, at)
            .in_field("row_count"));
    }
    Ok(())
}

/// Reads the RowCount of a PropertyRowSet and checks it against the bytes
/// that remain (each row takes at least its Flag byte) and the empty cells
/// it would make ([`check_empty_cells`]).
#[inline]
fn decode_row_count(r: &mut Reader<'_>, cx: RowContext<'_>) -> Result<usize, Error> {
    let n = r
        .count(crate::wire::Width::U16, 1, Unit::Rows)
        .in_field("row_count")?;
    check_empty_cells(r, n, cx, 2)?;
    Ok(n)
}

/// Skips one PropertyRowSet without allocating; returns the row count.
pub fn skip_row_set(r: &mut Reader<'_>, cx: RowContext<'_>) -> Result<usize, Error> {
    let n = decode_row_count(r, cx)?;
    for i in 0..n {
        skip_row(r, cx).at_index(i).in_field("rows")?;
    }
    Ok(n)
}

#[cfg(feature = "alloc")]
impl<'a> Decode<'a> for PropertyRowSet<'a> {
    type Ctx = RowContext<'a>;
    const NAME: &'static str = "PropertyRowSet";
    const MIN_LEN: usize = 2;

    fn decode_from(r: &mut Reader<'a>, cx: RowContext<'a>) -> Result<Self, Error> {
        let n = decode_row_count(r, cx)?;
        let mut rows = alloc::vec::Vec::with_capacity(n);
        for i in 0..n {
            rows.push(
                PropertyRow::decode_from(r, cx)
                    .at_index(i)
                    .in_field("rows")?,
            );
        }
        Ok(PropertyRowSet { rows })
    }
}

#[cfg(feature = "alloc")]
impl<'a> Encode for PropertyRowSet<'a> {
    type Ctx = RowContext<'a>;

    fn encoded_len_with(&self, cx: Self::Ctx) -> usize {
        // RowCount, then the rows.
        self.rows
            .iter()
            .map(|r| r.encoded_len_with(cx))
            .fold(2usize, usize::saturating_add)
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: Self::Ctx) -> Result<(), Error> {
        s.put_uint(crate::wire::Width::U16, self.rows.len())
            .in_field("row_count")?;
        for (i, row) in self.rows.iter().enumerate() {
            row.encode_with(s, cx).at_index(i).in_field("rows")?;
        }
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum RowsRepr<'a> {
    Wire {
        count: usize,
        bytes: &'a [u8],
        cx: RowContext<'a>,
    },
    #[cfg(feature = "alloc")]
    Rows(&'a [PropertyRow<'a>], RowContext<'a>),
}

/// A sequence of PropertyRows over one column list, validated when decoded
/// and decoded again row by row when read: the row data of RopQueryRows,
/// RopFindRow, RopExpandRow and RopGetPropertiesSpecific responses. It
/// needs no allocator to decode, to walk ([`PropertyRows::for_each_row`])
/// or to re-encode; [`PropertyRows::rows`] builds [`PropertyRow`]s under
/// `alloc`.
///
/// Its context is the [`Count`](crate::wire::Count) of rows and the
/// [`RowContext`].
///
/// ```
/// use mapi_wire::data::{PropertyRows, PropertyTag, PropertyValue, RowContext};
/// use mapi_wire::wire::{Array, Count, Decode, Encode};
///
/// let tags = [PropertyTag(0x0E08_0003)];
/// let cx = (Count::Known(2), RowContext::rop(Array::from_slice(&tags)));
/// let bytes = [0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00];
/// let (rows, _) = PropertyRows::decode_with(&bytes, cx).unwrap();
/// assert_eq!(rows.len(), 2);
/// let second = rows.rows().nth(1).unwrap();
/// assert_eq!(second.value(0), Some(&PropertyValue::Integer32(2)));
/// assert_eq!(rows.to_vec_with(cx).unwrap(), bytes);
/// ```
#[derive(Clone, Copy)]
pub struct PropertyRows<'a>(RowsRepr<'a>);

impl<'a> PropertyRows<'a> {
    /// Rows built for encoding, over the columns they were built for.
    #[cfg(feature = "alloc")]
    pub const fn from_rows(rows: &'a [PropertyRow<'a>], cx: RowContext<'a>) -> Self {
        PropertyRows(RowsRepr::Rows(rows, cx))
    }

    /// The columns the rows were decoded or built with.
    pub fn context(&self) -> RowContext<'a> {
        match self.0 {
            RowsRepr::Wire { cx, .. } => cx,
            #[cfg(feature = "alloc")]
            RowsRepr::Rows(_, cx) => cx,
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        match self.0 {
            RowsRepr::Wire { count, .. } => count,
            #[cfg(feature = "alloc")]
            RowsRepr::Rows(r, _) => r.len(),
        }
    }

    /// True when there is no row.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The validated wire bytes of decoded rows.
    pub fn wire_bytes(&self) -> Option<&'a [u8]> {
        match self.0 {
            RowsRepr::Wire { bytes, .. } => Some(bytes),
            #[cfg(feature = "alloc")]
            RowsRepr::Rows(..) => None,
        }
    }

    /// Calls `f` with an allocation-free cell walker for each decoded row,
    /// in order, in one pass over the bytes: `f` may read as many of the
    /// row's cells as it wants, and the cells it leaves are stepped over
    /// after it returns. Rows built with [`PropertyRows::from_rows`] are
    /// not visited (read them directly).
    pub fn for_each_row(&self, mut f: impl FnMut(usize, &mut RowCells<'a, 'a, '_>)) {
        #[allow(irrefutable_let_patterns)]
        let RowsRepr::Wire { count, bytes, cx } = self.0 else {
            return;
        };
        let mut r = Reader::with_limits(bytes, crate::wire::Limits::REVISIT);
        for i in 0..count {
            let Ok(mut cells) = RowCells::new(&mut r, cx) else {
                debug_assert!(false, "validated rows failed to decode");
                return;
            };
            f(i, &mut cells);
            // Step over what `f` left, to the start of the next row.
            for cell in cells.by_ref() {
                if cell.is_err() {
                    debug_assert!(false, "validated rows failed to decode");
                    return;
                }
            }
        }
    }

    /// The rows, decoded one at a time.
    #[cfg(feature = "alloc")]
    #[allow(clippy::type_complexity)]
    pub fn rows(&self) -> impl Iterator<Item = PropertyRow<'a>> + 'a {
        type Wire<'a> = Option<(usize, &'a [u8], RowContext<'a>)>;
        let (wire, built): (Wire<'a>, &'a [PropertyRow<'a>]) = match self.0 {
            RowsRepr::Wire { count, bytes, cx } => (Some((count, bytes, cx)), &[]),
            RowsRepr::Rows(r, _) => (None, r),
        };
        let mut r = wire.map(|(_, b, _)| Reader::with_limits(b, crate::wire::Limits::REVISIT));
        let (count, cx) = wire.map(|(c, _, cx)| (c, Some(cx))).unwrap_or((0, None));
        (0..count)
            .map_while(move |_| match (&mut r, cx) {
                (Some(r), Some(cx)) => PropertyRow::decode_from(r, cx).ok(),
                _ => None,
            })
            .chain(built.iter().cloned())
    }
}

impl<'a> Decode<'a> for PropertyRows<'a> {
    type Ctx = (crate::wire::Count, RowContext<'a>);
    const NAME: &'static str = "PropertyRows";
    const MIN_LEN: usize = 0;

    fn decode_from(r: &mut Reader<'a>, (count, cx): Self::Ctx) -> Result<Self, Error> {
        let (n, count_size) = match count {
            crate::wire::Count::Prefix(w) => {
                (r.count(w, 1, Unit::Rows).in_field("row_count")?, w.size())
            }
            crate::wire::Count::Known(n) => (
                r.check_count(u32::try_from(n).unwrap_or(u32::MAX), 1, Unit::Rows, 0)?,
                0,
            ),
        };
        check_empty_cells(r, n, cx, count_size)?;
        let start = r.peek_rest();
        let before = r.remaining();
        for i in 0..n {
            skip_row(r, cx).at_index(i)?;
        }
        // The reader only moves forward.
        let used = before.saturating_sub(r.remaining());
        Ok(PropertyRows(RowsRepr::Wire {
            count: n,
            bytes: start.get(..used).unwrap_or(&[]),
            cx,
        }))
    }
}

/// Encoding writes the rows with the columns they were decoded or built
/// with; the context's columns are not consulted (an encoder of a ROP body
/// need not repeat them).
impl<'a> Encode for PropertyRows<'a> {
    type Ctx = (crate::wire::Count, RowContext<'a>);

    fn encoded_len_with(&self, (count, _): Self::Ctx) -> usize {
        self.len_with(count)
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, (count, _): Self::Ctx) -> Result<(), Error> {
        self.encode_counted(s, count)
    }
}

impl PropertyRows<'_> {
    fn len_with(&self, count: crate::wire::Count) -> usize {
        let prefix = match count {
            crate::wire::Count::Prefix(w) => w.size(),
            crate::wire::Count::Known(_) => 0,
        };
        // Saturates only for built rows no sink could hold.
        prefix.saturating_add(match self.0 {
            RowsRepr::Wire { bytes, .. } => bytes.len(),
            #[cfg(feature = "alloc")]
            RowsRepr::Rows(rows, cx) => rows
                .iter()
                .map(|r| r.encoded_len_with(cx))
                .fold(0usize, usize::saturating_add),
        })
    }

    fn encode_counted<S: Sink + ?Sized>(
        &self,
        s: &mut S,
        count: crate::wire::Count,
    ) -> Result<(), Error> {
        match count {
            crate::wire::Count::Prefix(w) => s.put_uint(w, self.len()).in_field("row_count")?,
            crate::wire::Count::Known(n) if n == self.len() => {}
            crate::wire::Count::Known(_) => {
                return Err(Error::new(
                    ErrorKind::Unencodable {
                        value: self.len() as u64,
                    },
                    s.position(),
                ));
            }
        }
        match self.0 {
            RowsRepr::Wire { bytes, .. } => s.put(bytes),
            #[cfg(feature = "alloc")]
            RowsRepr::Rows(rows, cx) => {
                for (i, row) in rows.iter().enumerate() {
                    row.encode_with(s, cx).at_index(i)?;
                }
                Ok(())
            }
        }
    }
}

impl PartialEq for PropertyRows<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self.0, other.0) {
            (
                RowsRepr::Wire {
                    bytes: a,
                    cx: ca,
                    count: na,
                },
                RowsRepr::Wire {
                    bytes: b,
                    cx: cb,
                    count: nb,
                },
            ) => na == nb && a == b && ca == cb,
            #[cfg(feature = "alloc")]
            _ => self.len() == other.len() && self.rows().eq(other.rows()),
        }
    }
}

impl core::fmt::Debug for PropertyRows<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        #[cfg(feature = "alloc")]
        {
            f.debug_list().entries(self.rows()).finish()
        }
        #[cfg(not(feature = "alloc"))]
        {
            write!(f, "PropertyRows({} rows)", self.len())
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for PropertyRows<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.len()))?;
        match self.0 {
            RowsRepr::Wire { .. } => {
                let mut err = None;
                self.for_each_row(|_, cells| {
                    if err.is_none() {
                        let flag = u8::from(cells.is_flagged());
                        let row = RowJson(core::cell::Cell::new(Some((flag, cells))));
                        if let Err(e) = seq.serialize_element(&row) {
                            err = Some(e);
                        }
                    }
                });
                if let Some(e) = err {
                    return Err(e);
                }
            }
            #[cfg(feature = "alloc")]
            RowsRepr::Rows(rows, _) => {
                for row in rows {
                    seq.serialize_element(row)?;
                }
            }
        }
        seq.end()
    }
}

/// One row of a [`PropertyRows`] walk, serialized from its cells.
#[cfg(feature = "serde")]
struct RowJson<'a, 'r, 'm>(core::cell::Cell<Option<(u8, &'m mut RowCells<'a, 'a, 'r>)>>);

#[cfg(feature = "serde")]
impl serde::Serialize for RowJson<'_, '_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Some((flag, cells)) = self.0.take() else {
            return serialize_row(s, 0, core::iter::empty::<RowCell<'_>>());
        };
        serialize_row(s, flag, cells.map_while(Result::ok))
    }
}

/// Row data whose columns may be unknown: the rows when the decoder was
/// given the columns, otherwise the raw bytes to the end of the enclosing
/// buffer, which re-encode exactly (MS-OXCROPS responses whose rows depend
/// on an earlier RopSetColumns or on the request's tag list).
///
/// Its context is the row count and the columns, if known.
///
/// ```
/// use mapi_wire::data::{PropertyTag, RowContext, RowData};
/// use mapi_wire::wire::{Array, Count, Decode};
///
/// // Without columns the bytes are kept as they are.
/// let (d, rest) = RowData::decode_with(&[0x00, 0x2A, 0, 0, 0], (Count::Known(1), None)).unwrap();
/// assert!(matches!(d, RowData::Raw(_)) && rest.is_empty());
/// // With them, the row is read.
/// let tags = [PropertyTag(0x0E08_0003)];
/// let cx = Some(RowContext::rop(Array::from_slice(&tags)));
/// let (d, _) = RowData::decode_with(&[0x00, 0x2A, 0, 0, 0], (Count::Known(1), cx)).unwrap();
/// assert!(matches!(d, RowData::Rows(r) if r.len() == 1));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum RowData<'a> {
    /// The rows, read against known columns.
    Rows(PropertyRows<'a>),
    /// The bytes, when the columns were not known.
    Raw(crate::wire::Rest<'a>),
}

impl<'a> RowData<'a> {
    /// The rows, if the columns were known.
    pub fn rows(&self) -> Option<&PropertyRows<'a>> {
        match self {
            RowData::Rows(r) => Some(r),
            RowData::Raw(_) => None,
        }
    }
}

impl<'a> Decode<'a> for RowData<'a> {
    type Ctx = (crate::wire::Count, Option<RowContext<'a>>);
    const NAME: &'static str = "RowData";
    const MIN_LEN: usize = 0;

    fn decode_from(r: &mut Reader<'a>, (count, cx): Self::Ctx) -> Result<Self, Error> {
        match cx {
            Some(cx) => PropertyRows::decode_from(r, (count, cx)).map(RowData::Rows),
            None => {
                // Each row is at least its Flag byte.
                if let crate::wire::Count::Known(n) = count {
                    r.check_count(u32::try_from(n).unwrap_or(u32::MAX), 1, Unit::Rows, 0)?;
                }
                Ok(RowData::Raw(crate::wire::Rest(r.rest())))
            }
        }
    }
}

/// Like [`PropertyRows`], row data encodes with the columns it holds.
impl<'a> Encode for RowData<'a> {
    type Ctx = (crate::wire::Count, Option<RowContext<'a>>);

    fn encoded_len_with(&self, (count, _): Self::Ctx) -> usize {
        match self {
            RowData::Rows(rows) => rows.len_with(count),
            RowData::Raw(b) => b.0.len(),
        }
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, (count, _): Self::Ctx) -> Result<(), Error> {
        match self {
            RowData::Rows(rows) => rows.encode_counted(s, count),
            RowData::Raw(b) => s.put(b.0),
        }
    }
}
