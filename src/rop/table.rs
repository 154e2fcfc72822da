//! Table ROPs (MS-OXCROPS 2.2.5; semantics in MS-OXCTABL 2.2.2).
//!
//! Each request is the ROP's fields after its RopId; each response body is
//! the part after ReturnValue (the framing lives in [`Response`](super::Response)).

use super::common::{Bool8, Origin, RestrictionData, TableStatus};
use super::context::RopContext;
use crate::data::{PropertyTag, RowData, SortOrder};
use crate::wire::{Array, Bytes, Count, Width};

crate::wire_flags! {
    /// SetColumnsFlags, SortTableFlags and RestrictFlags (MS-OXCTABL
    /// 2.2.2.2.1, 2.2.2.3.1, 2.2.2.4.1).
    pub struct TableFlags: u8 {
        /// TBL_ASYNC: the server may run the operation asynchronously.
        const ASYNC = 0x01;
        /// TBL_BATCH: the server may defer the operation (RopSortTable).
        const BATCH = 0x02;
    }
}

crate::wire_flags! {
    /// QueryRowsFlags (MS-OXCTABL 2.2.2.5.1).
    pub struct QueryRowsFlags: u8 {
        /// The cursor does not move.
        const NO_ADVANCE = 0x01;
        /// The server may pack further rows into chained buffers
        /// (MS-OXCRPC 3.1.4.2.1.2).
        const ENABLE_PACKED_BUFFERS = 0x02;
    }
}

crate::wire_flags! {
    /// FindRowFlags (MS-OXCTABL 2.2.2.14.1).
    pub struct FindRowFlags: u8 {
        /// Search backwards from the origin.
        const BACKWARD = 0x01;
    }
}

crate::wire_struct! {
    /// RopSetColumns request (MS-OXCROPS 2.2.5.1.1): the columns of a
    /// table. They become the schema of the rows of later RopQueryRows,
    /// RopFindRow, RopExpandRow and table notifications on this table.
    pub struct SetColumnsRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the table.
        pub input_handle_index: u8,
        /// SetColumnsFlags.
        pub set_columns_flags: TableFlags,
        /// PropertyTags, preceded by PropertyTagCount (2 bytes).
        pub property_tags: Array<'a, PropertyTag> = ctx(Count::Prefix(Width::U16)),
    }
}

crate::wire_struct! {
    /// The TableStatus body that RopSetColumns, RopSortTable, RopRestrict,
    /// RopAbort and RopGetStatus return on success (MS-OXCROPS 2.2.5.1.2,
    /// 2.2.5.2.2, 2.2.5.3.2, 2.2.5.5.2, 2.2.5.6.2).
    #[derive(Copy)]
    pub struct TableStatusBody {
        /// TableStatus.
        pub table_status: TableStatus,
    }
}

crate::wire_struct! {
    /// RopSortTable request (MS-OXCROPS 2.2.5.2.1).
    pub struct SortTableRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the table.
        pub input_handle_index: u8,
        /// SortTableFlags.
        pub sort_table_flags: TableFlags,
        /// SortOrderCount.
        pub sort_order_count: u16,
        /// CategoryCount: how many of the sort orders are categories.
        pub category_count: u16,
        /// ExpandedCount: how many categories start expanded.
        pub expanded_count: u16,
        /// SortOrders.
        pub sort_orders: Array<'a, SortOrder> = ctx(Count::Known(usize::from(*sort_order_count))),
    }
}

crate::wire_struct! {
    /// RopRestrict request (MS-OXCROPS 2.2.5.3.1).
    pub struct RestrictRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the table.
        pub input_handle_index: u8,
        /// RestrictFlags.
        pub restrict_flags: TableFlags,
        /// RestrictionDataSize and RestrictionData (none when the size is 0).
        pub restriction_data: RestrictionData<'a>,
    }
}

crate::wire_struct! {
    /// RopQueryRows request (MS-OXCROPS 2.2.5.4.1).
    #[derive(Copy)]
    pub struct QueryRowsRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the table.
        pub input_handle_index: u8,
        /// QueryRowsFlags.
        pub query_rows_flags: QueryRowsFlags,
        /// ForwardRead: read forwards (TRUE) or backwards.
        pub forward_read: Bool8,
        /// RowCount: the most rows to return.
        pub row_count: u16,
    }
}

crate::wire_struct! {
    /// RopQueryRows success response body (MS-OXCROPS 2.2.5.4.2). RowData
    /// needs the table's columns (the last RopSetColumns); without them it
    /// is kept as raw bytes, which then run to the end of the buffer.
    pub struct QueryRowsSuccess<'a> (cx: RopContext<'a>) {
        /// Origin: where the cursor is after the read.
        pub origin: Origin,
        /// RowCount.
        pub row_count: u16,
        /// RowData: RowCount PropertyRows.
        pub row_data: RowData<'a> = ctx((Count::Known(usize::from(*row_count)), cx.rows())),
    }
}

crate::wire_struct! {
    /// The request of the table ROPs that name only their table: RopAbort
    /// (2.2.5.5.1), RopGetStatus (2.2.5.6.1), RopQueryPosition (2.2.5.7.1),
    /// RopCreateBookmark (2.2.5.11.1), RopQueryColumnsAll (2.2.5.12.1) and
    /// RopResetTable (2.2.5.15.1).
    #[derive(Copy)]
    pub struct TableRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the table.
        pub input_handle_index: u8,
    }
}

crate::wire_struct! {
    /// RopQueryPosition success response body (MS-OXCROPS 2.2.5.7.2).
    #[derive(Copy)]
    pub struct QueryPositionSuccess {
        /// Numerator: the current row.
        pub numerator: u32,
        /// Denominator: the number of rows.
        pub denominator: u32,
    }
}

crate::wire_struct! {
    /// RopSeekRow request (MS-OXCROPS 2.2.5.8.1).
    #[derive(Copy)]
    pub struct SeekRowRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the table.
        pub input_handle_index: u8,
        /// Origin.
        pub origin: Origin,
        /// RowCount: rows to move, negative for backwards.
        pub row_count: i32,
        /// WantRowMovedCount.
        pub want_row_moved_count: Bool8,
    }
}

crate::wire_struct! {
    /// RopSeekRow success response body (MS-OXCROPS 2.2.5.8.2).
    #[derive(Copy)]
    pub struct SeekRowSuccess {
        /// HasSoughtLess: fewer rows were moved than asked.
        pub has_sought_less: Bool8,
        /// RowsSought: rows actually moved.
        pub rows_sought: i32,
    }
}

crate::wire_struct! {
    /// RopSeekRowBookmark request (MS-OXCROPS 2.2.5.9.1).
    #[derive(Copy)]
    pub struct SeekRowBookmarkRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the table.
        pub input_handle_index: u8,
        /// Bookmark, preceded by BookmarkSize (2 bytes).
        pub bookmark: Bytes<'a> = ctx(Width::U16),
        /// RowCount: rows to move from the bookmark.
        pub row_count: i32,
        /// WantRowMovedCount.
        pub want_row_moved_count: Bool8,
    }
}

crate::wire_struct! {
    /// RopSeekRowBookmark success response body (MS-OXCROPS 2.2.5.9.2).
    #[derive(Copy)]
    pub struct SeekRowBookmarkSuccess {
        /// RowNoLongerVisible: the bookmarked row is gone.
        pub row_no_longer_visible: Bool8,
        /// HasSoughtLess.
        pub has_sought_less: Bool8,
        /// RowsSought.
        pub rows_sought: u32,
    }
}

crate::wire_struct! {
    /// RopSeekRowFractional request (MS-OXCROPS 2.2.5.10.1).
    #[derive(Copy)]
    pub struct SeekRowFractionalRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the table.
        pub input_handle_index: u8,
        /// Numerator.
        pub numerator: u32,
        /// Denominator.
        pub denominator: u32,
    }
}

crate::wire_struct! {
    /// A Bookmark and its BookmarkSize (2 bytes): the success body of
    /// RopCreateBookmark (MS-OXCROPS 2.2.5.11.2) and RopSetCollapseState
    /// (2.2.5.19.2).
    #[derive(Copy)]
    pub struct BookmarkBody<'a> {
        /// Bookmark, preceded by BookmarkSize.
        pub bookmark: Bytes<'a> = ctx(Width::U16),
    }
}

crate::wire_struct! {
    /// RopQueryColumnsAll success response body (MS-OXCROPS 2.2.5.12.2).
    #[derive(Copy)]
    pub struct QueryColumnsAllSuccess<'a> {
        /// PropertyTags, preceded by PropertyTagCount (2 bytes).
        pub property_tags: Array<'a, PropertyTag> = ctx(Count::Prefix(Width::U16)),
    }
}

crate::wire_struct! {
    /// RopFindRow request (MS-OXCROPS 2.2.5.13.1).
    pub struct FindRowRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the table.
        pub input_handle_index: u8,
        /// FindRowFlags.
        pub find_row_flags: FindRowFlags,
        /// RestrictionDataSize and RestrictionData.
        pub restriction_data: RestrictionData<'a>,
        /// Origin.
        pub origin: Origin,
        /// Bookmark, preceded by BookmarkSize (2 bytes); used when Origin
        /// is BOOKMARK_CUSTOM.
        pub bookmark: Bytes<'a> = ctx(Width::U16),
    }
}

crate::wire_struct! {
    /// RopFindRow success response body (MS-OXCROPS 2.2.5.13.2). RowData
    /// needs the table's columns (the last RopSetColumns).
    pub struct FindRowSuccess<'a> (cx: RopContext<'a>) {
        /// RowNoLongerVisible.
        pub row_no_longer_visible: Bool8,
        /// HasRowData.
        pub has_row_data: Bool8,
        /// RowData: one PropertyRow, present when HasRowData is not zero.
        pub row_data: Option<RowData<'a>> = when(has_row_data.get()) ctx((Count::Known(1), cx.rows())),
    }
}

crate::wire_struct! {
    /// RopFreeBookmark request (MS-OXCROPS 2.2.5.14.1).
    #[derive(Copy)]
    pub struct FreeBookmarkRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the table.
        pub input_handle_index: u8,
        /// Bookmark, preceded by BookmarkSize (2 bytes).
        pub bookmark: Bytes<'a> = ctx(Width::U16),
    }
}

crate::wire_struct! {
    /// RopExpandRow request (MS-OXCROPS 2.2.5.16.1).
    #[derive(Copy)]
    pub struct ExpandRowRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the table.
        pub input_handle_index: u8,
        /// MaxRowCount: the most rows to return.
        pub max_row_count: u16,
        /// CategoryId: the category row to expand.
        pub category_id: u64,
    }
}

crate::wire_struct! {
    /// RopExpandRow success response body (MS-OXCROPS 2.2.5.16.2). RowData
    /// needs the table's columns.
    pub struct ExpandRowSuccess<'a> (cx: RopContext<'a>) {
        /// ExpandedRowCount: rows the expansion made visible.
        pub expanded_row_count: u32,
        /// RowCount: rows returned.
        pub row_count: u16,
        /// RowData: RowCount PropertyRows.
        pub row_data: RowData<'a> = ctx((Count::Known(usize::from(*row_count)), cx.rows())),
    }
}

crate::wire_struct! {
    /// RopCollapseRow request (MS-OXCROPS 2.2.5.17.1).
    #[derive(Copy)]
    pub struct CollapseRowRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the table.
        pub input_handle_index: u8,
        /// CategoryId.
        pub category_id: u64,
    }
}

crate::wire_struct! {
    /// RopCollapseRow success response body (MS-OXCROPS 2.2.5.17.2).
    #[derive(Copy)]
    pub struct CollapseRowSuccess {
        /// CollapsedRowCount.
        pub collapsed_row_count: u32,
    }
}

crate::wire_struct! {
    /// RopGetCollapseState request (MS-OXCROPS 2.2.5.18.1).
    #[derive(Copy)]
    pub struct GetCollapseStateRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the table.
        pub input_handle_index: u8,
        /// RowId: the row whose state to save.
        pub row_id: u64,
        /// RowInstanceNumber.
        pub row_instance_number: u32,
    }
}

crate::wire_struct! {
    /// A CollapseState and its CollapseStateSize (2 bytes): the success
    /// body of RopGetCollapseState (MS-OXCROPS 2.2.5.18.2).
    #[derive(Copy)]
    pub struct CollapseStateBody<'a> {
        /// CollapseState, preceded by CollapseStateSize.
        pub collapse_state: Bytes<'a> = ctx(Width::U16),
    }
}

crate::wire_struct! {
    /// RopSetCollapseState request (MS-OXCROPS 2.2.5.19.1).
    #[derive(Copy)]
    pub struct SetCollapseStateRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the table.
        pub input_handle_index: u8,
        /// CollapseState, preceded by CollapseStateSize (2 bytes).
        pub collapse_state: Bytes<'a> = ctx(Width::U16),
    }
}
