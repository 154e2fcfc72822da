//! Property problems (MS-OXCDATA 2.7).

use super::error_code::ErrorCode;
use super::tag::PropertyTag;
use crate::wire::{Array, Count, Fixed, Width};

crate::wire_struct! {
    /// A PropertyProblem (MS-OXCDATA 2.7): which property of a request
    /// failed and why. Returned by RopSetProperties, RopDeleteProperties,
    /// RopCopyProperties and RopCopyTo.
    ///
    /// ```
    /// use mapi_wire::data::{ErrorCode, PropertyProblem, PropertyTag};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let bytes = [0x01, 0x00, 0x1F, 0x00, 0x37, 0x00, 0x05, 0x00, 0x07, 0x80];
    /// let (p, _) = PropertyProblem::decode(&bytes).unwrap();
    /// assert_eq!(p.index, 1);
    /// assert_eq!(p.property_tag, PropertyTag(0x0037_001F));
    /// assert_eq!(p.error_code, ErrorCode(0x8007_0005));
    /// assert_eq!(p.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct PropertyProblem {
        /// Index into the request's array of properties.
        pub index: u16,
        /// PropertyTag.
        pub property_tag: PropertyTag,
        /// ErrorCode (MS-OXCDATA 2.4.2).
        pub error_code: ErrorCode,
    }
}

impl Fixed for PropertyProblem {
    const SIZE: usize = 10;
}

crate::wire_struct! {
    /// A PropertyProblemArray (MS-OXCDATA 2.7.1): Count (2 bytes) and that
    /// many [`PropertyProblem`]s.
    ///
    /// ```
    /// use mapi_wire::data::PropertyProblemArray;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (a, _) = PropertyProblemArray::decode(&[0x00, 0x00]).unwrap();
    /// assert!(a.problems.is_empty());
    /// ```
    #[derive(Copy)]
    pub struct PropertyProblemArray<'a> {
        /// The problems, preceded by their Count.
        pub problems: Array<'a, PropertyProblem> = ctx(Count::Prefix(Width::U16)),
    }
}
