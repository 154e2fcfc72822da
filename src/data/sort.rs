//! Table sorting structures (MS-OXCDATA 2.13).

use super::tag::PropertyTag;
use crate::wire::{Array, Count, Fixed};

crate::wire_enum! {
    /// Order of a SortOrder (MS-OXCDATA 2.13.1).
    pub struct Order(u8) {
        /// Ascending.
        ASCENDING = 0x00 => "TABLE_SORT_ASCEND",
        /// Descending.
        DESCENDING = 0x01 => "TABLE_SORT_DESCEND",
        /// The aggregated column of a categorized sort whose maximum value
        /// within each category is the category's sort key.
        MAXIMUM_CATEGORY = 0x04 => "TABLE_SORT_MAXIMUM_CATEGORY",
    }
}

crate::wire_struct! {
    /// A SortOrder (MS-OXCDATA 2.13.1): PropertyType, PropertyId (together
    /// the 4 bytes of a property tag; the type may carry the
    /// multi-value-instance flag 0x2000) and Order.
    ///
    /// ```
    /// use mapi_wire::data::{Order, PropertyTag, SortOrder};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // MS-OXCTABL 4.3.1: PidTagMessageDeliveryTime, descending.
    /// let (s, _) = SortOrder::decode(&[0x40, 0x00, 0x06, 0x0E, 0x01]).unwrap();
    /// assert_eq!(s.property_tag, PropertyTag(0x0E06_0040));
    /// assert_eq!(s.order, Order::DESCENDING);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct SortOrder {
        /// PropertyType and PropertyId.
        pub property_tag: PropertyTag,
        /// Order.
        pub order: Order,
    }
}

impl Fixed for SortOrder {
    const SIZE: usize = 5;
}

crate::wire_struct! {
    /// A SortOrderSet (MS-OXCDATA 2.13.2): SortOrderCount, CategorizedCount
    /// and ExpandedCount (2 bytes each), then SortOrderCount SortOrders.
    /// The first CategorizedCount orders are categories; the first
    /// ExpandedCount categories start expanded.
    ///
    /// ```
    /// use mapi_wire::data::{Order, SortOrderSet};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // MS-OXCTABL 4.3.1 (after RopSortTable's SortTableFlags byte).
    /// let bytes = [0x02, 0x00, 0x01, 0x00, 0x01, 0x00,
    ///              0x1F, 0x30, 0x08, 0x80, 0x00,
    ///              0x40, 0x00, 0x06, 0x0E, 0x01];
    /// let (set, _) = SortOrderSet::decode(&bytes).unwrap();
    /// assert_eq!(set.categorized_count, 1);
    /// assert_eq!(set.sort_orders.get(1).unwrap().order, Order::DESCENDING);
    /// assert_eq!(set.to_vec().unwrap(), bytes);
    /// ```
    #[derive(Copy)]
    pub struct SortOrderSet<'a> {
        /// SortOrderCount.
        pub sort_order_count: u16,
        /// CategorizedCount.
        pub categorized_count: u16,
        /// ExpandedCount.
        pub expanded_count: u16,
        /// SortOrders; their number must equal SortOrderCount.
        pub sort_orders: Array<'a, SortOrder> = ctx(Count::Known(usize::from(*sort_order_count))),
    }
}

impl<'a> SortOrderSet<'a> {
    /// A set over `orders`, with SortOrderCount set from their number
    /// (which must fit in 16 bits; encoding checks it).
    pub fn new(orders: &'a [SortOrder], categorized_count: u16, expanded_count: u16) -> Self {
        SortOrderSet {
            sort_order_count: u16::try_from(orders.len()).unwrap_or(u16::MAX),
            categorized_count,
            expanded_count,
            sort_orders: Array::from_slice(orders),
        }
    }
}
