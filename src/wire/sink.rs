//! Where encoders write.

use super::error::{Error, ErrorKind};
use super::reader::Width;
use byteorder::{ByteOrder, LittleEndian};

/// A destination for encoded bytes.
///
/// Implemented for `Vec<u8>` (feature `alloc`), for [`SliceSink`] over a
/// caller's `&mut [u8]`, for `heapless::Vec<u8, N>`, and for [`LenCounter`].
/// A fixed-capacity sink that runs out of room returns
/// [`ErrorKind::SinkFull`]; it never panics and never writes a partial value.
pub trait Sink {
    /// Appends `bytes`.
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error>;

    /// Bytes written so far; encoder errors report this as their offset.
    fn position(&self) -> usize;

    /// Appends one byte.
    #[inline]
    fn put_u8(&mut self, v: u8) -> Result<(), Error> {
        self.put(&[v])
    }
    /// Appends a little-endian `u16`.
    #[inline]
    fn put_u16(&mut self, v: u16) -> Result<(), Error> {
        let mut b = [0; 2];
        LittleEndian::write_u16(&mut b, v);
        self.put(&b)
    }
    /// Appends a little-endian `u32`.
    #[inline]
    fn put_u32(&mut self, v: u32) -> Result<(), Error> {
        let mut b = [0; 4];
        LittleEndian::write_u32(&mut b, v);
        self.put(&b)
    }
    /// Appends a little-endian `u64`.
    #[inline]
    fn put_u64(&mut self, v: u64) -> Result<(), Error> {
        let mut b = [0; 8];
        LittleEndian::write_u64(&mut b, v);
        self.put(&b)
    }
    /// Appends a little-endian `i16`.
    #[inline]
    fn put_i16(&mut self, v: i16) -> Result<(), Error> {
        let mut b = [0; 2];
        LittleEndian::write_i16(&mut b, v);
        self.put(&b)
    }
    /// Appends a little-endian `i32`.
    #[inline]
    fn put_i32(&mut self, v: i32) -> Result<(), Error> {
        let mut b = [0; 4];
        LittleEndian::write_i32(&mut b, v);
        self.put(&b)
    }
    /// Appends a little-endian `i64`.
    #[inline]
    fn put_i64(&mut self, v: i64) -> Result<(), Error> {
        let mut b = [0; 8];
        LittleEndian::write_i64(&mut b, v);
        self.put(&b)
    }
    /// Appends a little-endian `f32`, bit for bit.
    #[inline]
    fn put_f32(&mut self, v: f32) -> Result<(), Error> {
        self.put_u32(v.to_bits())
    }
    /// Appends a little-endian `f64`, bit for bit.
    #[inline]
    fn put_f64(&mut self, v: f64) -> Result<(), Error> {
        self.put_u64(v.to_bits())
    }

    /// Appends a count or length prefix, failing with
    /// [`ErrorKind::Unencodable`] when `v` does not fit `width`.
    #[inline]
    fn put_uint(&mut self, width: Width, v: usize) -> Result<(), Error> {
        let written = match width {
            Width::U8 => u8::try_from(v).ok().map(|b| self.put_u8(b)),
            Width::U16 => u16::try_from(v).ok().map(|b| self.put_u16(b)),
            Width::U32 => u32::try_from(v).ok().map(|b| self.put_u32(b)),
        };
        written.unwrap_or_else(|| {
            Err(Error::new(
                ErrorKind::Unencodable { value: v as u64 },
                self.position(),
            ))
        })
    }
}

impl<S: Sink + ?Sized> Sink for &mut S {
    #[inline]
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        (**self).put(bytes)
    }
    #[inline]
    fn position(&self) -> usize {
        (**self).position()
    }
}

#[cfg(feature = "alloc")]
impl Sink for alloc::vec::Vec<u8> {
    #[inline]
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.extend_from_slice(bytes);
        Ok(())
    }
    #[inline]
    fn position(&self) -> usize {
        self.len()
    }
}

impl<const N: usize> Sink for heapless::Vec<u8, N> {
    #[inline]
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let at = self.len();
        self.extend_from_slice(bytes)
            .map_err(|_| Error::new(ErrorKind::sink_full(bytes.len(), N.saturating_sub(at)), at))
    }
    #[inline]
    fn position(&self) -> usize {
        self.len()
    }
}

/// A sink over a caller's fixed buffer.
///
/// ```
/// use mapi_wire::wire::{Sink, SliceSink};
///
/// let mut buf = [0u8; 3];
/// let mut s = SliceSink::new(&mut buf);
/// s.put_u16(0x0102).unwrap();
/// assert!(s.put_u16(0x0304).is_err()); // one byte of room left
/// assert_eq!(s.written(), &[0x02, 0x01]);
/// ```
#[derive(Debug)]
pub struct SliceSink<'b> {
    buf: &'b mut [u8],
    pos: usize,
}

impl<'b> SliceSink<'b> {
    /// A sink that fills `buf` from its start.
    pub fn new(buf: &'b mut [u8]) -> Self {
        SliceSink { buf, pos: 0 }
    }

    /// The bytes written so far.
    pub fn written(&self) -> &[u8] {
        self.buf.get(..self.pos).unwrap_or(&[])
    }

    /// Bytes of room left.
    pub fn available(&self) -> usize {
        // `pos` never passes the end of `buf`.
        self.buf.len().saturating_sub(self.pos)
    }
}

impl Sink for SliceSink<'_> {
    #[inline]
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        // An end past `usize::MAX` cannot be in `buf` either.
        let end = self.pos.saturating_add(bytes.len());
        match self.buf.get_mut(self.pos..end) {
            Some(dst) => {
                dst.copy_from_slice(bytes);
                self.pos = end;
                Ok(())
            }
            None => Err(Error::new(
                ErrorKind::sink_full(bytes.len(), self.available()),
                self.pos,
            )),
        }
    }
    #[inline]
    fn position(&self) -> usize {
        self.pos
    }
}

/// A sink that only counts; used to check `encoded_len` in tests and to
/// size buffers for encoders that have no cheaper way.
#[derive(Clone, Copy, Debug, Default)]
pub struct LenCounter(pub usize);

impl Sink for LenCounter {
    #[inline]
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        // Saturates rather than wraps: a count of usize::MAX is no sink's
        // size, so it cannot pass for an exact length.
        self.0 = self.0.saturating_add(bytes.len());
        Ok(())
    }
    #[inline]
    fn position(&self) -> usize {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heapless_sink_reports_full() {
        let mut v: heapless::Vec<u8, 4> = heapless::Vec::new();
        v.put_u16(1).unwrap();
        let e = v.put_u32(2).unwrap_err();
        assert_eq!(
            e.kind(),
            ErrorKind::SinkFull {
                needed: 4,
                available: 2
            }
        );
        assert_eq!(e.offset(), 2);
        assert_eq!(v.as_slice(), &[1, 0]);
    }

    #[test]
    fn counts_must_fit_their_width() {
        let mut c = LenCounter::default();
        c.put_uint(Width::U16, 0xFFFF).unwrap();
        assert_eq!(
            c.put_uint(Width::U16, 0x1_0000).unwrap_err().kind(),
            ErrorKind::Unencodable { value: 0x1_0000 }
        );
        assert_eq!(
            c.put_uint(Width::U8, 256).unwrap_err().kind(),
            ErrorKind::Unencodable { value: 256 }
        );
        assert_eq!(c.0, 2);
    }
}
