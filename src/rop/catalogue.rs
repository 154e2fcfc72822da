//! The catalogue macro: one line per ROP ties its RopId to its request and
//! response types and generates the `RopRequest` / `RopResponse` enums,
//! their dispatch, encoding, names and serialization.

/// Declares the ROP catalogue. See `src/rop/mod.rs` for the invocation.
///
/// - `framed`: ROPs with a request and a response in the standard framing
///   (handle index, ReturnValue, body). Each line is
///   `RopId Variant(ResponseIndexField) [request index fields]: Request => Success, Failure;`
/// - `request_only`: ROPs the server never answers (RopRelease).
/// - `response_only`: ROPs with no request and their own framing
///   (RopNotify, RopPending, RopBufferTooSmall, RopBackoff).
macro_rules! rop_catalogue {
    (
        framed {
            $( $fid:literal $FV:ident ($fidx:ident) [$($freq_idx:ident),*] : $FReq:ty => $FS:ty, $FF:ty; )*
        }
        request_only {
            $( $qid:literal $QV:ident [$($qreq_idx:ident),*] : $QReq:ty; )*
        }
        response_only {
            $( $sid:literal $SV:ident : $SResp:ty; )*
        }
    ) => {
        /// A ROP request (MS-OXCROPS 2.2), any of the catalogue, or an
        /// unknown RopId kept with the rest of the buffer.
        #[derive(Clone, Debug, PartialEq)]
        pub enum RopRequest<'a> {
            $(
                #[doc = concat!("Rop", stringify!($FV), " request.")]
                $FV($FReq),
            )*
            $(
                #[doc = concat!("Rop", stringify!($QV), " request.")]
                $QV($QReq),
            )*
            /// A RopId this crate does not know: its bytes (after the
            /// RopId) to the end of the RopsList, kept as they are.
            Unknown(UnknownRop<'a>),
        }

        /// A ROP response (MS-OXCROPS 2.2), any of the catalogue, or an
        /// unknown RopId kept with the rest of the buffer.
        #[derive(Clone, Debug, PartialEq)]
        pub enum RopResponse<'a> {
            $(
                #[doc = concat!("Rop", stringify!($FV), " response.")]
                $FV(Response<$FS, $FF>),
            )*
            $(
                #[doc = concat!("Rop", stringify!($SV), " (response only).")]
                $SV($SResp),
            )*
            /// A RopId this crate does not know, kept with the rest of the
            /// RopsList.
            Unknown(UnknownRop<'a>),
        }

        impl<'a> RopRequest<'a> {
            /// The RopId.
            pub fn rop_id(&self) -> RopId {
                match self {
                    $( RopRequest::$FV(_) => RopId($fid), )*
                    $( RopRequest::$QV(_) => RopId($qid), )*
                    RopRequest::Unknown(u) => RopId(u.rop_id),
                }
            }

            /// The LogonId (every request carries one).
            pub fn logon_id(&self) -> Option<u8> {
                match self {
                    $( RopRequest::$FV(r) => Some(r.logon_id), )*
                    $( RopRequest::$QV(r) => Some(r.logon_id), )*
                    RopRequest::Unknown(_) => None,
                }
            }

            /// The handle indexes the request names.
            pub fn handles(&self) -> HandleIndexes {
                #[allow(unused_mut)]
                let mut h = HandleIndexes::default();
                match self {
                    $( RopRequest::$FV(_r) => { $( h.$freq_idx = Some(_r.$freq_idx); )* } )*
                    $( RopRequest::$QV(_r) => { $( h.$qreq_idx = Some(_r.$qreq_idx); )* } )*
                    RopRequest::Unknown(_) => {}
                }
                h
            }

            /// True for the ROPs that get no response (RopRelease).
            pub fn is_request_only(&self) -> bool {
                match self {
                    $( RopRequest::$QV(_) => true, )*
                    _ => false,
                }
            }
        }

        impl<'a> Decode<'a> for RopRequest<'a> {
            type Ctx = RopContext<'a>;
            const NAME: &'static str = "RopRequest";
            const MIN_LEN: usize = 1;

            fn decode_from(r: &mut Reader<'a>, cx: RopContext<'a>) -> Result<Self, Error> {
                let id = r.u8().in_field("rop_id")?;
                Ok(match id {
                    $( $fid => RopRequest::$FV(
                        <$FReq as Decode<'a>>::decode_from(r, FromRopContext::from_rop(cx))
                            .in_field(concat!("Rop", stringify!($FV)))?,
                    ), )*
                    $( $qid => RopRequest::$QV(
                        <$QReq as Decode<'a>>::decode_from(r, FromRopContext::from_rop(cx))
                            .in_field(concat!("Rop", stringify!($QV)))?,
                    ), )*
                    _ => RopRequest::Unknown(UnknownRop { rop_id: id, data: Rest(r.rest()) }),
                })
            }
        }

        impl<'a> Encode for RopRequest<'a> {
            type Ctx = RopFacts;

            fn encoded_len_with(&self, cx: RopFacts) -> usize {
                // The RopId byte; saturates only for built ROPs no sink
                // could hold.
                1usize.saturating_add(match self {
                    $( RopRequest::$FV(b) => b.encoded_len_with(FromRopFacts::from_facts(cx)), )*
                    $( RopRequest::$QV(b) => b.encoded_len_with(FromRopFacts::from_facts(cx)), )*
                    RopRequest::Unknown(u) => u.data.0.len(),
                })
            }

            fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: RopFacts) -> Result<(), Error> {
                s.put_u8(self.rop_id().0)?;
                match self {
                    $( RopRequest::$FV(b) => b.encode_with(s, FromRopFacts::from_facts(cx)).in_field(concat!("Rop", stringify!($FV))), )*
                    $( RopRequest::$QV(b) => b.encode_with(s, FromRopFacts::from_facts(cx)).in_field(concat!("Rop", stringify!($QV))), )*
                    RopRequest::Unknown(u) => s.put(u.data.0),
                }
            }
        }

        impl<'a> RopResponse<'a> {
            /// The RopId.
            pub fn rop_id(&self) -> RopId {
                match self {
                    $( RopResponse::$FV(_) => RopId($fid), )*
                    $( RopResponse::$SV(_) => RopId($sid), )*
                    RopResponse::Unknown(u) => RopId(u.rop_id),
                }
            }

            /// The echoed handle index of a framed response.
            pub fn handle_index(&self) -> Option<u8> {
                match self {
                    $( RopResponse::$FV(r) => Some(r.handle_index), )*
                    _ => None,
                }
            }

            /// The ReturnValue of a framed response.
            pub fn return_value(&self) -> Option<ErrorCode> {
                match self {
                    $( RopResponse::$FV(r) => Some(r.return_value), )*
                    _ => None,
                }
            }

            /// The specification's name of the echoed handle index field.
            pub fn handle_index_name(&self) -> Option<&'static str> {
                match self {
                    $( RopResponse::$FV(_) => Some(stringify!($fidx)), )*
                    _ => None,
                }
            }
        }

        impl<'a> Decode<'a> for RopResponse<'a> {
            type Ctx = RopContext<'a>;
            const NAME: &'static str = "RopResponse";
            const MIN_LEN: usize = 1;

            fn decode_from(r: &mut Reader<'a>, cx: RopContext<'a>) -> Result<Self, Error> {
                let id = r.u8().in_field("rop_id")?;
                Ok(match id {
                    $( $fid => RopResponse::$FV(
                        <Response<$FS, $FF> as Decode<'a>>::decode_from(r, cx)
                            .in_field(concat!("Rop", stringify!($FV)))?,
                    ), )*
                    $( $sid => RopResponse::$SV(
                        <$SResp as Decode<'a>>::decode_from(r, FromRopContext::from_rop(cx))
                            .in_field(concat!("Rop", stringify!($SV)))?,
                    ), )*
                    _ => RopResponse::Unknown(UnknownRop { rop_id: id, data: Rest(r.rest()) }),
                })
            }
        }

        impl<'a> Encode for RopResponse<'a> {
            type Ctx = RopFacts;

            fn encoded_len_with(&self, cx: RopFacts) -> usize {
                // The RopId byte; saturates only for built ROPs no sink
                // could hold.
                1usize.saturating_add(match self {
                    $( RopResponse::$FV(b) => b.encoded_len_with(cx), )*
                    $( RopResponse::$SV(b) => b.encoded_len_with(FromRopFacts::from_facts(cx)), )*
                    RopResponse::Unknown(u) => u.data.0.len(),
                })
            }

            fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: RopFacts) -> Result<(), Error> {
                s.put_u8(self.rop_id().0)?;
                match self {
                    $( RopResponse::$FV(b) => b.encode_with(s, cx).in_field(concat!("Rop", stringify!($FV))), )*
                    $( RopResponse::$SV(b) => b.encode_with(s, FromRopFacts::from_facts(cx)).in_field(concat!("Rop", stringify!($SV))), )*
                    RopResponse::Unknown(u) => s.put(u.data.0),
                }
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for RopRequest<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                use crate::wire::SerializeFields;
                let mut m = s.serialize_map(None)?;
                match self {
                    $( RopRequest::$FV(b) => {
                        m.serialize_entry("rop", concat!("Rop", stringify!($FV)))?;
                        b.serialize_fields(&mut m)?;
                    } )*
                    $( RopRequest::$QV(b) => {
                        m.serialize_entry("rop", concat!("Rop", stringify!($QV)))?;
                        b.serialize_fields(&mut m)?;
                    } )*
                    RopRequest::Unknown(u) => u.serialize_fields(&mut m)?,
                }
                m.end()
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for RopResponse<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                use crate::wire::SerializeFields;
                let mut m = s.serialize_map(None)?;
                match self {
                    $( RopResponse::$FV(b) => {
                        m.serialize_entry("rop", concat!("Rop", stringify!($FV)))?;
                        m.serialize_entry(stringify!($fidx), &b.handle_index)?;
                        m.serialize_entry("return_value", &b.return_value)?;
                        match &b.body {
                            ResponseBody::Success(x) => x.serialize_fields(&mut m)?,
                            ResponseBody::Failure(x) => x.serialize_fields(&mut m)?,
                        }
                    } )*
                    $( RopResponse::$SV(b) => {
                        m.serialize_entry("rop", concat!("Rop", stringify!($SV)))?;
                        b.serialize_fields(&mut m)?;
                    } )*
                    RopResponse::Unknown(u) => u.serialize_fields(&mut m)?,
                }
                m.end()
            }
        }

        /// Every RopId with a request codec, and every RopId with a response
        /// codec, in catalogue order.
        pub mod coverage {
            /// RopIds that have a request codec.
            pub const REQUESTS: &[u8] = &[$($fid,)* $($qid,)*];
            /// RopIds that have a response codec.
            pub const RESPONSES: &[u8] = &[$($fid,)* $($sid,)*];
        }
    };
}

pub(crate) use rop_catalogue;
