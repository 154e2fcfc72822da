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
        ///
        /// ```
        /// use mapi_wire::rop::{RopContext, RopFacts, RopId, RopRequest};
        /// use mapi_wire::wire::{Decode, Encode};
        ///
        /// // RopQueryRows (MS-OXCROPS 2.2.5.4.1): LogonId 0, table in slot 1,
        /// // QueryRowsFlags 0, ForwardRead, RowCount 10.
        /// let bytes = [0x15, 0x00, 0x01, 0x00, 0x01, 0x0A, 0x00];
        /// let r = RopRequest::decode_exact(&bytes, RopContext::default())?;
        /// let RopRequest::QueryRows(q) = &r else { unreachable!() };
        /// assert_eq!(q.row_count, 10);
        /// assert_eq!(r.to_vec_with(RopFacts::default())?, bytes);
        ///
        /// // An unknown RopId keeps its bytes.
        /// let odd = RopRequest::decode_exact(&[0xEE, 1, 2], RopContext::default())?;
        /// assert_eq!(odd.rop_id(), RopId(0xEE));
        /// # Ok::<(), mapi_wire::wire::Error>(())
        /// ```
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
        ///
        /// ```
        /// use mapi_wire::data::ErrorCode;
        /// use mapi_wire::rop::{RopContext, RopFacts, RopResponse};
        /// use mapi_wire::wire::{Decode, Encode};
        ///
        /// // A failed RopOpenFolder (MS-OXCROPS 2.2.4.1.3): OutputHandleIndex
        /// // 1, ReturnValue ecNotFound, nothing after it.
        /// let bytes = [0x02, 0x01, 0x0F, 0x01, 0x04, 0x80];
        /// let r = RopResponse::decode_exact(&bytes, RopContext::default())?;
        /// assert_eq!(r.return_value(), Some(ErrorCode(0x8004_010F)));
        /// assert_eq!(r.to_vec_with(RopFacts::default())?, bytes);
        /// # Ok::<(), mapi_wire::wire::Error>(())
        /// ```
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
            ///
            /// ```
            /// use mapi_wire::rop::{RopContext, RopId, RopRequest};
            /// use mapi_wire::wire::Decode;
            ///
            /// // RopRelease (MS-OXCROPS 2.2.15.3.1) of slot 2 on logon 1.
            /// let r = RopRequest::decode_exact(&[0x01, 0x01, 0x02], RopContext::default())?;
            /// assert_eq!(r.rop_id(), RopId::RELEASE);
            /// # Ok::<(), mapi_wire::wire::Error>(())
            /// ```
            pub fn rop_id(&self) -> RopId {
                match self {
                    $( RopRequest::$FV(_) => RopId($fid), )*
                    $( RopRequest::$QV(_) => RopId($qid), )*
                    RopRequest::Unknown(u) => RopId(u.rop_id),
                }
            }

            /// The LogonId (every request carries one).
            ///
            /// ```
            /// use mapi_wire::rop::{RopContext, RopId, RopRequest};
            /// use mapi_wire::wire::Decode;
            ///
            /// // RopRelease (MS-OXCROPS 2.2.15.3.1) of slot 2 on logon 1.
            /// let r = RopRequest::decode_exact(&[0x01, 0x01, 0x02], RopContext::default())?;
            /// assert_eq!(r.logon_id(), Some(1));
            /// # Ok::<(), mapi_wire::wire::Error>(())
            /// ```
            pub fn logon_id(&self) -> Option<u8> {
                match self {
                    $( RopRequest::$FV(r) => Some(r.logon_id), )*
                    $( RopRequest::$QV(r) => Some(r.logon_id), )*
                    RopRequest::Unknown(_) => None,
                }
            }

            /// The handle indexes the request names.
            ///
            /// ```
            /// use mapi_wire::rop::{RopContext, RopId, RopRequest};
            /// use mapi_wire::wire::Decode;
            ///
            /// // RopRelease (MS-OXCROPS 2.2.15.3.1) of slot 2 on logon 1.
            /// let r = RopRequest::decode_exact(&[0x01, 0x01, 0x02], RopContext::default())?;
            /// assert_eq!(r.handles().input_handle_index, Some(2));
            /// assert_eq!(r.handles().output_handle_index, None);
            /// # Ok::<(), mapi_wire::wire::Error>(())
            /// ```
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
            ///
            /// ```
            /// use mapi_wire::rop::{RopContext, RopId, RopRequest};
            /// use mapi_wire::wire::Decode;
            ///
            /// // RopRelease (MS-OXCROPS 2.2.15.3.1) of slot 2 on logon 1.
            /// let r = RopRequest::decode_exact(&[0x01, 0x01, 0x02], RopContext::default())?;
            /// assert!(r.is_request_only());
            /// # Ok::<(), mapi_wire::wire::Error>(())
            /// ```
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
            ///
            /// ```
            /// use mapi_wire::data::ErrorCode;
            /// use mapi_wire::rop::{RopContext, RopId, RopResponse};
            /// use mapi_wire::wire::Decode;
            ///
            /// // A failed RopOpenFolder: OutputHandleIndex 1, ecNotFound.
            /// let bytes = [0x02, 0x01, 0x0F, 0x01, 0x04, 0x80];
            /// let r = RopResponse::decode_exact(&bytes, RopContext::default())?;
            /// assert_eq!(r.rop_id(), RopId::OPEN_FOLDER);
            /// # Ok::<(), mapi_wire::wire::Error>(())
            /// ```
            pub fn rop_id(&self) -> RopId {
                match self {
                    $( RopResponse::$FV(_) => RopId($fid), )*
                    $( RopResponse::$SV(_) => RopId($sid), )*
                    RopResponse::Unknown(u) => RopId(u.rop_id),
                }
            }

            /// The echoed handle index of a framed response.
            ///
            /// ```
            /// use mapi_wire::data::ErrorCode;
            /// use mapi_wire::rop::{RopContext, RopId, RopResponse};
            /// use mapi_wire::wire::Decode;
            ///
            /// // A failed RopOpenFolder: OutputHandleIndex 1, ecNotFound.
            /// let bytes = [0x02, 0x01, 0x0F, 0x01, 0x04, 0x80];
            /// let r = RopResponse::decode_exact(&bytes, RopContext::default())?;
            /// assert_eq!(r.handle_index(), Some(1));
            /// # Ok::<(), mapi_wire::wire::Error>(())
            /// ```
            pub fn handle_index(&self) -> Option<u8> {
                match self {
                    $( RopResponse::$FV(r) => Some(r.handle_index), )*
                    _ => None,
                }
            }

            /// The ReturnValue of a framed response.
            ///
            /// ```
            /// use mapi_wire::data::ErrorCode;
            /// use mapi_wire::rop::{RopContext, RopId, RopResponse};
            /// use mapi_wire::wire::Decode;
            ///
            /// // A failed RopOpenFolder: OutputHandleIndex 1, ecNotFound.
            /// let bytes = [0x02, 0x01, 0x0F, 0x01, 0x04, 0x80];
            /// let r = RopResponse::decode_exact(&bytes, RopContext::default())?;
            /// assert_eq!(r.return_value(), Some(ErrorCode(0x8004_010F)));
            /// # Ok::<(), mapi_wire::wire::Error>(())
            /// ```
            pub fn return_value(&self) -> Option<ErrorCode> {
                match self {
                    $( RopResponse::$FV(r) => Some(r.return_value), )*
                    _ => None,
                }
            }

            /// The specification's name of the echoed handle index field.
            ///
            /// ```
            /// use mapi_wire::data::ErrorCode;
            /// use mapi_wire::rop::{RopContext, RopId, RopResponse};
            /// use mapi_wire::wire::Decode;
            ///
            /// // A failed RopOpenFolder: OutputHandleIndex 1, ecNotFound.
            /// let bytes = [0x02, 0x01, 0x0F, 0x01, 0x04, 0x80];
            /// let r = RopResponse::decode_exact(&bytes, RopContext::default())?;
            /// assert_eq!(r.handle_index_name(), Some("output_handle_index"));
            /// # Ok::<(), mapi_wire::wire::Error>(())
            /// ```
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
