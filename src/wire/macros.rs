//! Declarative structures: one line per wire field.
//!
//! [`wire_struct!`](crate::wire_struct) turns a field list that reads like
//! the specification's table into a struct with `Decode`, `Encode` (exact
//! `encoded_len_with`), serde `Serialize`, and errors whose path names the
//! field. [`wire_enum!`](crate::wire_enum) does the same for a code field
//! whose unknown values are kept rather than rejected.

/// Declares a wire structure whose fields follow each other in order.
///
/// Each field is `name: Type`, optionally followed by `= when(cond)` (the
/// field's type is then `Option<T>` and it is present exactly when `cond`
/// holds) and/or `ctx(expr)` (the context passed to the field's codec).
/// Conditions and contexts may refer to earlier fields, which they see as
/// references, and to the structure's own context if it declares one with
/// `struct Name<'a> (cx: CtxType)`.
///
/// ```
/// use mapi_wire::wire::{Decode, Encode};
///
/// mapi_wire::wire_struct! {
///     /// An example: a flag, then a value that is present when the flag is 1.
///     pub struct Example {
///         pub has_value: u8,
///         pub value: Option<u32> = when(*has_value == 1),
///     }
/// }
///
/// let (v, _) = Example::decode(&[1, 0x2A, 0, 0, 0]).unwrap();
/// assert_eq!(v.value, Some(42));
/// assert_eq!(v.to_vec().unwrap(), [1, 0x2A, 0, 0, 0]);
/// let (v, _) = Example::decode(&[0]).unwrap();
/// assert_eq!(v.value, None);
/// ```
#[macro_export]
macro_rules! wire_struct {
    // With a lifetime and a context.
    (
        $(#[$m:meta])*
        $vis:vis struct $Name:ident <$lt:lifetime> ($cx:ident : $Ctx:ty) {
            $( $(#[$fm:meta])* $fvis:vis $f:ident : $T:ty $(= $(when($cond:expr))? $(ctx($fcx:expr))? )? ),* $(,)?
        }
    ) => {
        $crate::wire_struct!(@all [$(#[$m])*] $vis $Name [$lt] [$Name<$lt>] $cx $Ctx
            [ $( [$(#[$fm])*] $fvis $f : $T [$($($cond)?)?] [$($($fcx)?)?] ; )* ]);
    };
    // With a lifetime, no context.
    (
        $(#[$m:meta])*
        $vis:vis struct $Name:ident <$lt:lifetime> {
            $( $(#[$fm:meta])* $fvis:vis $f:ident : $T:ty $(= $(when($cond:expr))? $(ctx($fcx:expr))? )? ),* $(,)?
        }
    ) => {
        $crate::wire_struct!(@all [$(#[$m])*] $vis $Name [$lt] [$Name<$lt>] _cx ()
            [ $( [$(#[$fm])*] $fvis $f : $T [$($($cond)?)?] [$($($fcx)?)?] ; )* ]);
    };
    // No lifetime, with a context.
    (
        $(#[$m:meta])*
        $vis:vis struct $Name:ident ($cx:ident : $Ctx:ty) {
            $( $(#[$fm:meta])* $fvis:vis $f:ident : $T:ty $(= $(when($cond:expr))? $(ctx($fcx:expr))? )? ),* $(,)?
        }
    ) => {
        $crate::wire_struct!(@all [$(#[$m])*] $vis $Name ['a] [$Name] $cx $Ctx
            [ $( [$(#[$fm])*] $fvis $f : $T [$($($cond)?)?] [$($($fcx)?)?] ; )* ]);
    };
    // No lifetime, no context.
    (
        $(#[$m:meta])*
        $vis:vis struct $Name:ident {
            $( $(#[$fm:meta])* $fvis:vis $f:ident : $T:ty $(= $(when($cond:expr))? $(ctx($fcx:expr))? )? ),* $(,)?
        }
    ) => {
        $crate::wire_struct!(@all [$(#[$m])*] $vis $Name ['a] [$Name] _cx ()
            [ $( [$(#[$fm])*] $fvis $f : $T [$($($cond)?)?] [$($($fcx)?)?] ; )* ]);
    };

    (@all [$($m:tt)*] $vis:vis $Name:ident [$lt:lifetime] [$($Self:tt)*] $cx:ident $Ctx:ty
        [ $( [$($fm:tt)*] $fvis:vis $f:ident : $T:ty [$($cond:expr)?] [$($fcx:expr)?] ; )* ]
    ) => {
        $($m)*
        #[derive(Clone, Debug, PartialEq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize))]
        $vis struct $($Self)* {
            $( $($fm)* $fvis $f : $T, )*
        }

        impl<$lt> $crate::wire::Decode<$lt> for $($Self)* {
            type Ctx = $Ctx;
            const NAME: &'static str = stringify!($Name);
            const MIN_LEN: usize = 0 $( + $crate::wire_struct!(@min $lt $T [$($cond)?]) )*;

            #[allow(unused_variables, clippy::needless_borrow)]
            fn decode_from(
                r: &mut $crate::wire::Reader<$lt>,
                $cx: Self::Ctx,
            ) -> ::core::result::Result<Self, $crate::wire::Error> {
                #[allow(unused_imports)]
                use $crate::wire::ResultExt as _;
                $crate::wire_struct!(@dec r $cx [] $( $f : $T [$($cond)?] [$($fcx)?] ; )*);
                Ok(Self { $($f),* })
            }
        }

        #[cfg(feature = "serde")]
        impl<$lt> $crate::wire::SerializeFields for $($Self)* {
            fn serialize_fields<M: serde::ser::SerializeMap>(
                &self,
                map: &mut M,
            ) -> ::core::result::Result<(), M::Error> {
                $( map.serialize_entry(stringify!($f), &self.$f)?; )*
                Ok(())
            }
        }

        impl<$lt> $crate::wire::Encode for $($Self)* {
            type Ctx = $Ctx;

            #[allow(unused_variables, clippy::needless_borrow)]
            fn encoded_len_with(&self, $cx: Self::Ctx) -> usize {
                let Self { $($f),* } = self;
                // Saturates only for built values no sink could hold.
                0usize $( .saturating_add($crate::wire_struct!(@len $f [$($cond)?] [$($fcx)?])) )*
            }

            #[allow(unused_variables, clippy::needless_borrow)]
            fn encode_with<S: $crate::wire::Sink + ?Sized>(
                &self,
                sink: &mut S,
                $cx: Self::Ctx,
            ) -> ::core::result::Result<(), $crate::wire::Error> {
                #[allow(unused_imports)]
                use $crate::wire::ResultExt as _;
                let Self { $($f),* } = self;
                $( $crate::wire_struct!(@enc sink $f [$($cond)?] [$($fcx)?]); )*
                Ok(())
            }
        }
    };

    (@min $lt:lifetime $T:ty []) => { <$T as $crate::wire::Decode<$lt>>::MIN_LEN };
    (@min $lt:lifetime $T:ty [$cond:expr]) => { 0 };

    (@dec $r:ident $cx:ident [$($prev:ident)*]) => {};
    (@dec $r:ident $cx:ident [$($prev:ident)*] $f:ident : $T:ty [$($cond:expr)?] [$($fcx:expr)?] ; $($rest:tt)*) => {
        let $f: $T = {
            $( let $prev = &$prev; )*
            $crate::wire_struct!(@dec1 $r $f $T [$($cond)?] [$($fcx)?])
        };
        $crate::wire_struct!(@dec $r $cx [$($prev)* $f] $($rest)*);
    };
    (@dec1 $r:ident $f:ident $T:ty [] [$($fcx:expr)?]) => {
        <$T as $crate::wire::Decode>::decode_from($r, $crate::wire_struct!(@cx $($fcx)?))
            .in_field(stringify!($f))?
    };
    (@dec1 $r:ident $f:ident $T:ty [$cond:expr] [$($fcx:expr)?]) => {
        if $cond {
            Some(
                $crate::wire::Decode::decode_from($r, $crate::wire_struct!(@cx $($fcx)?))
                    .in_field(stringify!($f))?,
            )
        } else {
            None
        }
    };

    (@cx) => { () };
    (@cx $fcx:expr) => { $fcx };

    (@len $f:ident [] [$($fcx:expr)?]) => {
        $crate::wire::Encode::encoded_len_with($f, $crate::wire_struct!(@cx $($fcx)?))
    };
    (@len $f:ident [$cond:expr] [$($fcx:expr)?]) => {
        match $f {
            Some(v) => $crate::wire::Encode::encoded_len_with(v, $crate::wire_struct!(@cx $($fcx)?)),
            None => 0,
        }
    };

    (@enc $s:ident $f:ident [] [$($fcx:expr)?]) => {
        $crate::wire::Encode::encode_with($f, $s, $crate::wire_struct!(@cx $($fcx)?))
            .in_field(stringify!($f))?;
    };
    (@enc $s:ident $f:ident [$cond:expr] [$($fcx:expr)?]) => {
        match ($cond, $f) {
            (true, Some(v)) => {
                $crate::wire::Encode::encode_with(v, $s, $crate::wire_struct!(@cx $($fcx)?))
                    .in_field(stringify!($f))?;
            }
            (false, None) => {}
            (_, v) => {
                return Err($crate::wire::Error::new(
                    $crate::wire::ErrorKind::Unencodable { value: u64::from(v.is_some()) },
                    $crate::wire::Sink::position($s),
                )
                .in_field(stringify!($f)));
            }
        }
    };
}

/// Declares a code field (`u8`, `u16` or `u32` on the wire) with named
/// values. Unknown values are kept, so decode→encode is exact; `name()`
/// gives the specification's name of a known value. It serializes as the
/// plain number (the JSON of `mapi-inspect` shows integers as numbers).
///
/// ```
/// mapi_wire::wire_enum! {
///     /// Example codes.
///     pub struct Colour(u8) {
///         /// Red.
///         RED = 0x01 => "Red",
///         /// Blue.
///         BLUE = 0x02 => "Blue",
///     }
/// }
/// assert_eq!(Colour(2).name(), Some("Blue"));
/// assert_eq!(Colour(9).name(), None);
/// assert_eq!(format!("{:?}", Colour::RED), "Red (0x01)");
/// assert_eq!(format!("{:?}", Colour(0xAB)), "Colour(0xAB)");
/// ```
#[macro_export]
macro_rules! wire_enum {
    (
        $(#[$m:meta])*
        $vis:vis struct $Name:ident($Int:ident) {
            $( $(#[$vm:meta])* $V:ident = $val:literal => $s:literal ),* $(,)?
        }
    ) => {
        $(#[$m])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis struct $Name(pub $Int);

        #[allow(missing_docs)]
        impl $Name {
            $( $(#[$vm])* pub const $V: $Name = $Name($val); )*

            /// Every named value, in declaration order.
            pub const ALL: &'static [$Name] = &[$($Name::$V),*];

            /// The specification's name of this value, if it is a known one.
            pub const fn name(self) -> Option<&'static str> {
                match self.0 {
                    $( $val => Some($s), )*
                    _ => None,
                }
            }
        }

        impl ::core::fmt::Debug for $Name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                // "0x" and two hex digits per byte.
                const W: usize = 2 + 2 * ::core::mem::size_of::<$Int>();
                let w = W;
                match self.name() {
                    Some(n) => write!(f, "{} ({:#0w$X})", n, self.0, w = w),
                    None => write!(f, "{}({:#0w$X})", stringify!($Name), self.0, w = w),
                }
            }
        }

        impl ::core::fmt::Display for $Name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Debug::fmt(self, f)
            }
        }

        impl From<$Int> for $Name {
            fn from(v: $Int) -> Self {
                $Name(v)
            }
        }

        impl From<$Name> for $Int {
            fn from(v: $Name) -> Self {
                v.0
            }
        }

        impl<'a> $crate::wire::Decode<'a> for $Name {
            type Ctx = ();
            const NAME: &'static str = stringify!($Name);
            const MIN_LEN: usize = ::core::mem::size_of::<$Int>();
            #[inline]
            fn decode_from(
                r: &mut $crate::wire::Reader<'a>,
                _: (),
            ) -> ::core::result::Result<Self, $crate::wire::Error> {
                <$Int as $crate::wire::Decode<'a>>::decode_from(r, ()).map($Name)
            }
        }

        impl $crate::wire::Encode for $Name {
            type Ctx = ();
            #[inline]
            fn encoded_len_with(&self, _: ()) -> usize {
                ::core::mem::size_of::<$Int>()
            }
            #[inline]
            fn encode_with<S: $crate::wire::Sink + ?Sized>(
                &self,
                sink: &mut S,
                _: (),
            ) -> ::core::result::Result<(), $crate::wire::Error> {
                $crate::wire::Encode::encode_with(&self.0, sink, ())
            }
        }

        impl $crate::wire::Fixed for $Name {
            const SIZE: usize = ::core::mem::size_of::<$Int>();
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $Name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
                s.serialize_u64(u64::from(self.0))
            }
        }
    };
}

/// Declares a flags field with `bitflags` (`u8`, `u16` or `u32` on the
/// wire). Bits the declaration does not name are kept, so decode→encode is
/// exact. It serializes as the plain number.
///
/// ```
/// mapi_wire::wire_flags! {
///     /// Example flags.
///     pub struct Example: u8 {
///         /// Bit 0.
///         const A = 0x01;
///         /// Bit 1.
///         const B = 0x02;
///     }
/// }
/// use mapi_wire::wire::{Decode, Encode};
/// let (f, _) = Example::decode(&[0x81]).unwrap();
/// assert!(f.contains(Example::A) && !f.contains(Example::B));
/// assert_eq!(f.bits(), 0x81); // the unnamed bit 0x80 is kept
/// assert_eq!(f.to_vec().unwrap(), [0x81]);
/// ```
#[macro_export]
macro_rules! wire_flags {
    (
        $(#[$($m:tt)*])*
        $vis:vis struct $Name:ident : $Int:ident {
            $( $(#[$($fm:tt)*])* const $F:ident = $v:expr; )*
        }
    ) => {
        $crate::__private::bitflags::bitflags! {
            $(#[$($m)*])*
            #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
            $vis struct $Name: $Int {
                $( $(#[$($fm)*])* const $F = $v; )*
                // Every other bit is kept as well.
                const _ = !0;
            }
        }

        impl<'a> $crate::wire::Decode<'a> for $Name {
            type Ctx = ();
            const NAME: &'static str = stringify!($Name);
            const MIN_LEN: usize = ::core::mem::size_of::<$Int>();
            #[inline]
            fn decode_from(
                r: &mut $crate::wire::Reader<'a>,
                _: (),
            ) -> ::core::result::Result<Self, $crate::wire::Error> {
                <$Int as $crate::wire::Decode<'a>>::decode_from(r, ()).map($Name::from_bits_retain)
            }
        }

        impl $crate::wire::Encode for $Name {
            type Ctx = ();
            #[inline]
            fn encoded_len_with(&self, _: ()) -> usize {
                ::core::mem::size_of::<$Int>()
            }
            #[inline]
            fn encode_with<S: $crate::wire::Sink + ?Sized>(
                &self,
                sink: &mut S,
                _: (),
            ) -> ::core::result::Result<(), $crate::wire::Error> {
                $crate::wire::Encode::encode_with(&self.bits(), sink, ())
            }
        }

        impl $crate::wire::Fixed for $Name {
            const SIZE: usize = ::core::mem::size_of::<$Int>();
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $Name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
                s.serialize_u64(u64::from(self.bits()))
            }
        }
    };
}

/// Declares `Decode`, `Encode` and `Fixed` for newtypes over a fixed-size
/// wire type (an integer or a byte array), e.g. `PropertyTag(u32)` or
/// `Guid([u8; 16])`: the newtype reads and writes exactly as its inner
/// value, and `$spec` names it in errors.
///
/// ```
/// use mapi_wire::wire::{Decode, Encode, Fixed};
///
/// #[derive(Clone, Copy, Debug, PartialEq)]
/// pub struct Cookie(pub [u8; 3]);
/// mapi_wire::wire_newtype! { Cookie([u8; 3]) => "Cookie"; }
///
/// let (c, rest) = Cookie::decode(&[1, 2, 3, 4]).unwrap();
/// assert_eq!((c, rest), (Cookie([1, 2, 3]), &[4][..]));
/// assert_eq!(c.to_vec().unwrap(), [1, 2, 3]);
/// assert_eq!(Cookie::SIZE, 3);
/// assert_eq!(Cookie::decode(&[1]).unwrap_err().to_string(), "Cookie: needs 3 bytes, 1 remain (offset 0)");
/// ```
#[macro_export]
#[doc(hidden)]
macro_rules! wire_newtype {
    ($($Name:ident($Inner:ty) => $spec:literal;)*) => {$(
        impl<'a> $crate::wire::Decode<'a> for $Name {
            type Ctx = ();
            const NAME: &'static str = $spec;
            const MIN_LEN: usize = <$Inner as $crate::wire::Fixed>::SIZE;
            #[inline]
            fn decode_from(
                r: &mut $crate::wire::Reader<'a>,
                _: (),
            ) -> Result<Self, $crate::wire::Error> {
                <$Inner as $crate::wire::Decode<'a>>::decode_from(r, ()).map($Name)
            }
        }

        impl $crate::wire::Encode for $Name {
            type Ctx = ();
            #[inline]
            fn encoded_len_with(&self, _: ()) -> usize {
                <$Inner as $crate::wire::Fixed>::SIZE
            }
            #[inline]
            fn encode_with<S: $crate::wire::Sink + ?Sized>(
                &self,
                s: &mut S,
                _: (),
            ) -> Result<(), $crate::wire::Error> {
                $crate::wire::Encode::encode_with(&self.0, s, ())
            }
        }

        impl $crate::wire::Fixed for $Name {
            const SIZE: usize = <$Inner as $crate::wire::Fixed>::SIZE;
        }
    )*};
}
