//! Error codes (MS-OXCDATA 2.4).

use crate::wire::{Decode, Encode, Error, Fixed, Reader, Sink};

/// A 4-byte error code (MS-OXCDATA 2.4). PLACEHOLDER: the table of names is
/// being written.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ErrorCode(pub u32);

impl<'a> Decode<'a> for ErrorCode {
    type Ctx = ();
    const NAME: &'static str = "ErrorCode";
    const MIN_LEN: usize = 4;
    #[inline]
    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        r.u32().map(ErrorCode)
    }
}

impl Encode for ErrorCode {
    type Ctx = ();
    #[inline]
    fn encoded_len_with(&self, _: ()) -> usize {
        4
    }
    #[inline]
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        s.put_u32(self.0)
    }
}

impl Fixed for ErrorCode {
    const SIZE: usize = 4;
}
