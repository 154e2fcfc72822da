//! The shape every ROP response shares (MS-OXCROPS 2.2.1, 3.2.5.2): after
//! the RopId, one handle index, the ReturnValue, and a body whose layout
//! depends on the ReturnValue.

use super::context::{FromRopContext, FromRopFacts, RopContext, RopFacts};
use crate::data::ErrorCode;
use crate::wire::{Decode, Encode, Error, ErrorKind, Reader, ResultExt, Sink};

/// The empty body: the generic failure response of most ROPs carries
/// nothing after its ReturnValue (MS-OXCROPS, e.g. 2.2.5.12.3), and some
/// successes carry nothing either.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct NoBody;

impl<'a> Decode<'a> for NoBody {
    type Ctx = ();
    const NAME: &'static str = "NoBody";
    const MIN_LEN: usize = 0;
    #[inline]
    fn decode_from(_: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        Ok(NoBody)
    }
}

impl Encode for NoBody {
    type Ctx = ();
    #[inline]
    fn encoded_len_with(&self, _: ()) -> usize {
        0
    }
    #[inline]
    fn encode_with<S: Sink + ?Sized>(&self, _: &mut S, _: ()) -> Result<(), Error> {
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl crate::wire::SerializeFields for NoBody {
    fn serialize_fields<M: serde::ser::SerializeMap>(&self, _: &mut M) -> Result<(), M::Error> {
        Ok(())
    }
}

/// The part of a response after its ReturnValue: the success layout when
/// the ReturnValue is 0, the failure layout otherwise.
#[derive(Clone, Debug, PartialEq)]
pub enum ResponseBody<S, F> {
    /// ReturnValue 0x00000000.
    Success(S),
    /// Any other ReturnValue.
    Failure(F),
}

/// A ROP response with its standard framing (MS-OXCROPS 2.2.1): the handle
/// index that echoes the request (which of the request's indexes it echoes
/// depends on the ROP), the ReturnValue, and the body.
///
/// `S` is the success body and `F` the failure body: [`NoBody`] for the
/// generic 6-byte failure, the success type itself for ROPs whose body is
/// present whatever the ReturnValue, or a type of its own.
///
/// ```
/// use mapi_wire::data::ErrorCode;
/// use mapi_wire::rop::{NoBody, Response, ResponseBody, RopContext};
/// use mapi_wire::wire::{Decode, Encode};
///
/// // A generic failure: index 1, ecNullObject (0x4B9).
/// let bytes = [0x01, 0xB9, 0x04, 0x00, 0x00];
/// let (r, _) = Response::<NoBody, NoBody>::decode_with(&bytes, RopContext::default()).unwrap();
/// assert_eq!(r.handle_index, 1);
/// assert_eq!(r.return_value, ErrorCode(0x4B9));
/// assert!(matches!(r.body, ResponseBody::Failure(NoBody)));
/// assert_eq!(r.to_vec_with(Default::default()).unwrap(), bytes);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Response<S, F> {
    /// The echoed handle index (InputHandleIndex, OutputHandleIndex,
    /// SourceHandleIndex or ResponseHandleIndex, as the ROP says).
    pub handle_index: u8,
    /// ReturnValue (MS-OXCDATA 2.4).
    pub return_value: ErrorCode,
    /// The body.
    pub body: ResponseBody<S, F>,
}

impl<S, F> Response<S, F> {
    /// A success response.
    pub fn success(handle_index: u8, body: S) -> Self {
        Response {
            handle_index,
            return_value: ErrorCode(0),
            body: ResponseBody::Success(body),
        }
    }

    /// A failure response.
    pub fn failure(handle_index: u8, return_value: ErrorCode, body: F) -> Self {
        Response {
            handle_index,
            return_value,
            body: ResponseBody::Failure(body),
        }
    }

    /// The success body, if the ROP succeeded.
    pub fn ok(&self) -> Option<&S> {
        match &self.body {
            ResponseBody::Success(s) => Some(s),
            ResponseBody::Failure(_) => None,
        }
    }
}

impl<'a, S, F> Decode<'a> for Response<S, F>
where
    S: Decode<'a>,
    F: Decode<'a>,
    S::Ctx: FromRopContext<'a>,
    F::Ctx: FromRopContext<'a>,
{
    type Ctx = RopContext<'a>;
    const NAME: &'static str = "Response";
    const MIN_LEN: usize = 5;

    #[inline]
    fn decode_from(r: &mut Reader<'a>, cx: RopContext<'a>) -> Result<Self, Error> {
        let handle_index = r.u8().in_field("handle_index")?;
        let return_value = ErrorCode::decode_from(r, ()).in_field("return_value")?;
        let cx = RopContext { return_value, ..cx };
        let body = if return_value.0 == 0 {
            ResponseBody::Success(S::decode_from(r, FromRopContext::from_rop(cx))?)
        } else {
            ResponseBody::Failure(F::decode_from(r, FromRopContext::from_rop(cx))?)
        };
        Ok(Response {
            handle_index,
            return_value,
            body,
        })
    }
}

/// Encoding takes only the [`RopFacts`]: the body already holds its rows.
impl<S, F> Encode for Response<S, F>
where
    S: Encode,
    F: Encode,
    S::Ctx: FromRopFacts,
    F::Ctx: FromRopFacts,
{
    type Ctx = RopFacts;

    fn encoded_len_with(&self, cx: RopFacts) -> usize {
        let cx = RopFacts {
            return_value: self.return_value,
            ..cx
        };
        // The handle index and ReturnValue, then the body.
        5usize.saturating_add(match &self.body {
            ResponseBody::Success(s) => s.encoded_len_with(FromRopFacts::from_facts(cx)),
            ResponseBody::Failure(f) => f.encoded_len_with(FromRopFacts::from_facts(cx)),
        })
    }

    fn encode_with<S2: Sink + ?Sized>(&self, s: &mut S2, cx: RopFacts) -> Result<(), Error> {
        // The ReturnValue selects the layout on decode, so it must agree
        // with the body given.
        let ok = self.return_value.0 == 0;
        if ok != matches!(self.body, ResponseBody::Success(_)) {
            return Err(Error::new(
                ErrorKind::Unencodable {
                    value: u64::from(self.return_value.0),
                },
                s.position(),
            )
            .in_field("return_value"));
        }
        let cx = RopFacts {
            return_value: self.return_value,
            ..cx
        };
        s.put_u8(self.handle_index)?;
        s.put_u32(self.return_value.0)?;
        match &self.body {
            ResponseBody::Success(b) => b.encode_with(s, FromRopFacts::from_facts(cx)),
            ResponseBody::Failure(b) => b.encode_with(s, FromRopFacts::from_facts(cx)),
        }
    }
}
