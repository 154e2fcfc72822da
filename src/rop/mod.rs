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

mod attachment;
mod buffer;
mod catalogue;
mod common;
mod context;
mod framing;
mod id;
mod message;
mod notification;
mod pairing;
#[cfg(feature = "alloc")]
mod session;
mod special;
mod table;

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
// Message and attachment ROPs (MS-OXCROPS 2.2.6).
pub use attachment::{
    AttachmentTableFlags, CreateAttachmentRequest, CreateAttachmentSuccess,
    DeleteAttachmentRequest, EmbeddedOpenModeFlags, GetAttachmentTableRequest,
    GetValidAttachmentsRequest, GetValidAttachmentsSuccess, OpenAttachmentFlags,
    OpenAttachmentRequest, OpenEmbeddedMessageRequest, OpenEmbeddedMessageSuccess,
    SaveChangesAttachmentRequest,
};
pub use message::{
    CreateMessageRequest, CreateMessageSuccess, FramedRecipientRow, GetMessageStatusRequest,
    MessageStatusBody, MessageStatusFlags, ModifyRecipientRow, ModifyRecipientRowHead,
    ModifyRecipientRows, ModifyRecipientsRequest, OpenMessageRequest, OpenMessageSuccess,
    OpenModeFlags, OpenRecipientRow, OpenRecipientRowHead, OpenRecipientRows, ReadFlags,
    ReadRecipientRow, ReadRecipientRowHead, ReadRecipientRows, ReadRecipientsRequest,
    ReadRecipientsSuccess, RecipientClass, RecipientRowHead, RecipientRows, RecipientRowsIter,
    RecipientType, ReloadCachedInformationRequest, RemoveAllRecipientsRequest,
    SaveChangesMessageRequest, SaveChangesMessageSuccess, SaveFlags, SetMessageReadFlagRequest,
    SetMessageReadFlagSuccess, SetMessageStatusRequest, SetReadFlagsBody, SetReadFlagsRequest,
};
pub use special::{
    BackoffResponse, BackoffRop, BufferTooSmallResponse, PendingResponse, ProgressRequest,
    ProgressSuccess, ReleaseRequest,
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
        // Message (MS-OXCROPS 2.2.6.1-2.2.6.11).
        0x03 OpenMessage(output_handle_index) [input_handle_index, output_handle_index]: OpenMessageRequest => OpenMessageSuccess<'a>, NoBody;
        0x06 CreateMessage(output_handle_index) [input_handle_index, output_handle_index]: CreateMessageRequest => CreateMessageSuccess, NoBody;
        0x0C SaveChangesMessage(response_handle_index) [response_handle_index, input_handle_index]: SaveChangesMessageRequest => SaveChangesMessageSuccess, NoBody;
        0x0D RemoveAllRecipients(input_handle_index) [input_handle_index]: RemoveAllRecipientsRequest => NoBody, NoBody;
        0x0E ModifyRecipients(input_handle_index) [input_handle_index]: ModifyRecipientsRequest<'a> => NoBody, NoBody;
        0x0F ReadRecipients(input_handle_index) [input_handle_index]: ReadRecipientsRequest => ReadRecipientsSuccess<'a>, NoBody;
        0x10 ReloadCachedInformation(input_handle_index) [input_handle_index]: ReloadCachedInformationRequest => OpenMessageSuccess<'a>, NoBody;
        0x20 SetMessageStatus(input_handle_index) [input_handle_index]: SetMessageStatusRequest => MessageStatusBody, NoBody;
        0x1F GetMessageStatus(input_handle_index) [input_handle_index]: GetMessageStatusRequest => MessageStatusBody, NoBody;
        0x66 SetReadFlags(input_handle_index) [input_handle_index]: SetReadFlagsRequest<'a> => SetReadFlagsBody, SetReadFlagsBody;
        0x11 SetMessageReadFlag(response_handle_index) [response_handle_index, input_handle_index]: SetMessageReadFlagRequest => SetMessageReadFlagSuccess, NoBody;
        // Attachment (MS-OXCROPS 2.2.6.12-2.2.6.18).
        0x22 OpenAttachment(output_handle_index) [input_handle_index, output_handle_index]: OpenAttachmentRequest => NoBody, NoBody;
        0x23 CreateAttachment(output_handle_index) [input_handle_index, output_handle_index]: CreateAttachmentRequest => CreateAttachmentSuccess, NoBody;
        0x24 DeleteAttachment(input_handle_index) [input_handle_index]: DeleteAttachmentRequest => NoBody, NoBody;
        0x25 SaveChangesAttachment(response_handle_index) [response_handle_index, input_handle_index]: SaveChangesAttachmentRequest => NoBody, NoBody;
        0x46 OpenEmbeddedMessage(output_handle_index) [input_handle_index, output_handle_index]: OpenEmbeddedMessageRequest => OpenEmbeddedMessageSuccess<'a>, NoBody;
        0x21 GetAttachmentTable(output_handle_index) [input_handle_index, output_handle_index]: GetAttachmentTableRequest => NoBody, NoBody;
        0x52 GetValidAttachments(input_handle_index) [input_handle_index]: GetValidAttachmentsRequest => GetValidAttachmentsSuccess<'a>, NoBody;
        // Notifications (MS-OXCROPS 2.2.14).
        0x29 RegisterNotification(output_handle_index) [input_handle_index, output_handle_index]: RegisterNotificationRequest => NoBody, NoBody;
        // Special (MS-OXCROPS 2.2.8.13).
        0x50 Progress(input_handle_index) [input_handle_index]: ProgressRequest => ProgressSuccess, NoBody;
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
