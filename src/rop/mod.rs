//! ROPs (MS-OXCROPS): the operations inside ROP input and output buffers.
//!
//! Each ROP's request and response body is declared once, as the field list
//! of its section, in the file of its area (`table.rs`, …). The catalogue
//! below ties each RopId to those types in one line and generates
//! [`RopRequest`] and [`RopResponse`], which dispatch on the RopId, encode,
//! name and serialize every ROP.
//!
//! Responses share a framing ([`Response`]): the echoed handle index, the
//! ReturnValue, then the success body (ReturnValue 0) or the failure body.
//! Decoding takes a [`RopContext`] for what the bytes do not say (table
//! columns, the logon kind); encoding takes only the [`RopFacts`].

mod buffer;
mod catalogue;
mod common;
mod context;
mod framing;
mod id;
mod notification;
mod pairing;
mod permission;
mod rule;
mod search;
#[cfg(feature = "alloc")]
mod session;
mod special;
mod table;
mod transport;

use crate::data::ErrorCode;
use crate::wire::{Decode, Encode, Error, Reader, Rest, ResultExt, Sink};
use catalogue::rop_catalogue;

pub use buffer::{
    ContextSource, LearnedSlot, LogonMap, Pairing, RequestWalker, ResponseWalker, RopFrame,
};
pub use common::{Bool8, HandleIndexes, Origin, RestrictionData, TableStatus, UnknownRop};
pub use context::{FromRopContext, FromRopFacts, LogonKind, RopContext, RopFacts};
pub use framing::{NoBody, Response, ResponseBody};
pub use id::RopId;
pub use notification::{
    NotificationData, NotificationFlags, NotificationTypes, NotifyResponse,
    RegisterNotificationRequest, TableEventType, TableRowData,
};
#[cfg(feature = "alloc")]
pub use session::{OutputContext, RopInputBuffer, RopOutputBuffer, Session};
pub use special::{
    BackoffResponse, BackoffRop, BufferTooSmallResponse, PendingResponse, ProgressRequest,
    ProgressSuccess, ReleaseRequest,
};
// Search folders (2.2.4.4-2.2.4.5), transport (2.2.7), permissions (2.2.10),
// rules (2.2.11).
pub use permission::{
    GetPermissionsTableRequest, ModifyPermissionsFlags, ModifyPermissionsRequest, PermissionData,
    PermissionDataFlags, PermissionsTableFlags,
};
pub use rule::{
    GetRulesTableRequest, ModifyRulesFlags, ModifyRulesRequest, RuleData, RuleDataFlags,
    RulesTableFlags, UpdateDeferredActionMessagesRequest,
};
pub use search::{
    GetSearchCriteriaRequest, GetSearchCriteriaSuccess, SearchFlags, SearchState,
    SetSearchCriteriaRequest,
};
pub use table::{
    BookmarkBody, CollapseRowRequest, CollapseRowSuccess, CollapseStateBody, ExpandRowRequest,
    ExpandRowSuccess, FindRowFlags, FindRowRequest, FindRowSuccess, FreeBookmarkRequest,
    GetCollapseStateRequest, QueryColumnsAllSuccess, QueryPositionSuccess, QueryRowsFlags,
    QueryRowsRequest, QueryRowsSuccess, RestrictRequest, SeekRowBookmarkRequest,
    SeekRowBookmarkSuccess, SeekRowFractionalRequest, SeekRowRequest, SeekRowSuccess,
    SetCollapseStateRequest, SetColumnsRequest, SortTableRequest, TableFlags, TableRequest,
    TableStatusBody,
};
pub use transport::{
    AbortSubmitRequest, AddressTypes, GetAddressTypesSuccess, GetTransportFolderSuccess, LockState,
    OptionsDataRequest, OptionsDataSuccess, SpoolerLockMessageRequest, SubmitFlags,
    SubmitMessageRequest, TransportNewMailRequest, TransportRequest, TransportSendSuccess,
};

rop_catalogue! {
    framed {
        // Table (MS-OXCROPS 2.2.5).
        0x12 SetColumns(input_handle_index) [input_handle_index]: SetColumnsRequest<'a> => TableStatusBody, NoBody;
        0x13 SortTable(input_handle_index) [input_handle_index]: SortTableRequest<'a> => TableStatusBody, NoBody;
        0x14 Restrict(input_handle_index) [input_handle_index]: RestrictRequest<'a> => TableStatusBody, NoBody;
        0x15 QueryRows(input_handle_index) [input_handle_index]: QueryRowsRequest => QueryRowsSuccess<'a>, NoBody;
        0x38 Abort(input_handle_index) [input_handle_index]: TableRequest => TableStatusBody, NoBody;
        0x16 GetStatus(input_handle_index) [input_handle_index]: TableRequest => TableStatusBody, NoBody;
        0x17 QueryPosition(input_handle_index) [input_handle_index]: TableRequest => QueryPositionSuccess, NoBody;
        0x18 SeekRow(input_handle_index) [input_handle_index]: SeekRowRequest => SeekRowSuccess, NoBody;
        0x19 SeekRowBookmark(input_handle_index) [input_handle_index]: SeekRowBookmarkRequest<'a> => SeekRowBookmarkSuccess, NoBody;
        0x1A SeekRowFractional(input_handle_index) [input_handle_index]: SeekRowFractionalRequest => NoBody, NoBody;
        0x1B CreateBookmark(input_handle_index) [input_handle_index]: TableRequest => BookmarkBody<'a>, NoBody;
        0x37 QueryColumnsAll(input_handle_index) [input_handle_index]: TableRequest => QueryColumnsAllSuccess<'a>, NoBody;
        0x4F FindRow(input_handle_index) [input_handle_index]: FindRowRequest<'a> => FindRowSuccess<'a>, NoBody;
        0x89 FreeBookmark(input_handle_index) [input_handle_index]: FreeBookmarkRequest<'a> => NoBody, NoBody;
        0x81 ResetTable(input_handle_index) [input_handle_index]: TableRequest => NoBody, NoBody;
        0x59 ExpandRow(input_handle_index) [input_handle_index]: ExpandRowRequest => ExpandRowSuccess<'a>, NoBody;
        0x5A CollapseRow(input_handle_index) [input_handle_index]: CollapseRowRequest => CollapseRowSuccess, NoBody;
        0x6B GetCollapseState(input_handle_index) [input_handle_index]: GetCollapseStateRequest => CollapseStateBody<'a>, NoBody;
        0x6C SetCollapseState(input_handle_index) [input_handle_index]: SetCollapseStateRequest<'a> => BookmarkBody<'a>, NoBody;
        // Notifications (MS-OXCROPS 2.2.14).
        0x29 RegisterNotification(output_handle_index) [input_handle_index, output_handle_index]: RegisterNotificationRequest => NoBody, NoBody;
        // Special (MS-OXCROPS 2.2.8.13).
        0x50 Progress(input_handle_index) [input_handle_index]: ProgressRequest => ProgressSuccess, NoBody;
        // Search folders (MS-OXCROPS 2.2.4.4-2.2.4.5).
        0x30 SetSearchCriteria(input_handle_index) [input_handle_index]: SetSearchCriteriaRequest<'a> => NoBody, NoBody;
        0x31 GetSearchCriteria(input_handle_index) [input_handle_index]: GetSearchCriteriaRequest => GetSearchCriteriaSuccess<'a>, NoBody;
        // Transport (MS-OXCROPS 2.2.7).
        0x32 SubmitMessage(input_handle_index) [input_handle_index]: SubmitMessageRequest => NoBody, NoBody;
        0x34 AbortSubmit(input_handle_index) [input_handle_index]: AbortSubmitRequest => NoBody, NoBody;
        0x49 GetAddressTypes(input_handle_index) [input_handle_index]: TransportRequest => GetAddressTypesSuccess<'a>, NoBody;
        0x47 SetSpooler(input_handle_index) [input_handle_index]: TransportRequest => NoBody, NoBody;
        0x48 SpoolerLockMessage(input_handle_index) [input_handle_index]: SpoolerLockMessageRequest => NoBody, NoBody;
        0x4A TransportSend(input_handle_index) [input_handle_index]: TransportRequest => TransportSendSuccess<'a>, NoBody;
        0x51 TransportNewMail(input_handle_index) [input_handle_index]: TransportNewMailRequest<'a> => NoBody, NoBody;
        0x6D GetTransportFolder(input_handle_index) [input_handle_index]: TransportRequest => GetTransportFolderSuccess, NoBody;
        0x6F OptionsData(input_handle_index) [input_handle_index]: OptionsDataRequest<'a> => OptionsDataSuccess<'a>, NoBody;
        // Permissions (MS-OXCROPS 2.2.10).
        0x40 ModifyPermissions(input_handle_index) [input_handle_index]: ModifyPermissionsRequest<'a> => NoBody, NoBody;
        0x3E GetPermissionsTable(output_handle_index) [input_handle_index, output_handle_index]: GetPermissionsTableRequest => NoBody, NoBody;
        // Rules (MS-OXCROPS 2.2.11).
        0x41 ModifyRules(input_handle_index) [input_handle_index]: ModifyRulesRequest<'a> => NoBody, NoBody;
        0x3F GetRulesTable(output_handle_index) [input_handle_index, output_handle_index]: GetRulesTableRequest => NoBody, NoBody;
        0x57 UpdateDeferredActionMessages(input_handle_index) [input_handle_index]: UpdateDeferredActionMessagesRequest<'a> => NoBody, NoBody;
    }
    request_only {
        0x01 Release [input_handle_index]: ReleaseRequest;
    }
    response_only {
        0xFF BufferTooSmall: BufferTooSmallResponse<'a>;
        0xF9 Backoff: BackoffResponse<'a>;
        0x6E Pending: PendingResponse;
        0x2A Notify: NotifyResponse<'a>;
    }
}
