//! PLACEHOLDER until the ids branch merges.
use crate::wire::{Decode, Encode, Error, Fixed, Reader, Sink};

/// Folder ID.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FolderId(pub [u8; 8]);
/// Message ID.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MessageId(pub [u8; 8]);

macro_rules! id8 { ($($t:ident),*) => {$(
impl<'a> Decode<'a> for $t {
    type Ctx = ();
    const NAME: &'static str = stringify!($t);
    const MIN_LEN: usize = 8;
    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> { r.array().map($t) }
}
impl Encode for $t {
    type Ctx = ();
    fn encoded_len_with(&self, _: ()) -> usize { 8 }
    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> { s.put(&self.0) }
}
impl Fixed for $t { const SIZE: usize = 8; }
)*}}
id8!(FolderId, MessageId);
