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
mod fast_transfer;
mod folder;
mod framing;
mod ics;
mod id;
mod logon;
mod message;
mod notification;
mod pairing;
mod permission;
mod property;
mod rule;
mod search;
#[cfg(feature = "alloc")]
mod session;
mod special;
mod stream;
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
pub use fast_transfer::{
    FastTransferCopyFolderFlags, FastTransferCopyMessagesFlags, FastTransferCopyPropertiesFlags,
    FastTransferCopyToFlags, FastTransferDestinationConfigureRequest, FastTransferDestinationFlags,
    FastTransferDestinationPutBufferBody, FastTransferDestinationPutBufferExtendedBody,
    FastTransferDestinationPutBufferRequest, FastTransferSourceCopyFolderRequest,
    FastTransferSourceCopyMessagesRequest, FastTransferSourceCopyPropertiesRequest,
    FastTransferSourceCopyToRequest, FastTransferSourceGetBufferBody,
    FastTransferSourceGetBufferRequest, SendOptions, ServerVersion, SourceOperation,
    TellVersionRequest, TransferBuffer, TransferStatus,
};
pub use framing::{NoBody, Response, ResponseBody};
pub use ics::{
    GetLocalReplicaIdsRequest, GetLocalReplicaIdsSuccess, ImportDeleteFlags, ImportFlag,
    ImportHierarchyChangeSuccess, ImportMessageSuccess, LongTermIdRange, LongTermIdRanges,
    MessageReadState, MessageReadStates, SetLocalReplicaMidsetDeletedRequest,
    SynchronizationConfigureRequest, SynchronizationExtraFlags, SynchronizationFlags,
    SynchronizationGetTransferStateRequest, SynchronizationImportDeletesRequest,
    SynchronizationImportHierarchyChangeRequest, SynchronizationImportMessageChangeRequest,
    SynchronizationImportMessageMoveRequest, SynchronizationImportReadStateChangesRequest,
    SynchronizationOpenCollectorRequest, SynchronizationType,
    SynchronizationUploadStateStreamBeginRequest, SynchronizationUploadStateStreamContinueRequest,
    SynchronizationUploadStateStreamEndRequest,
};
pub use id::RopId;
pub use notification::{
    NotificationData, NotificationFlags, NotificationTypes, NotifyResponse,
    RegisterNotificationRequest, TableEventType, TableRowData,
};
pub use property::{
    CopyFlags, CopyPropertiesRequest, CopyToRequest, DeletePropertiesRequest,
    GetNamesFromPropertyIdsRequest, GetNamesFromPropertyIdsSuccess, GetPropertiesAllRequest,
    GetPropertiesAllSuccess, GetPropertiesListRequest, GetPropertiesListSuccess,
    GetPropertiesSpecificRequest, GetPropertiesSpecificSuccess, GetPropertyIdsFromNamesFlags,
    GetPropertyIdsFromNamesRequest, PropertyCopyFailure, PropertyIdsBody, PropertyProblemsBody,
    QueryFlags, QueryNamedPropertiesRequest, QueryNamedPropertiesSuccess, SetPropertiesRequest,
    SizedPropertyValues,
};
#[cfg(feature = "alloc")]
pub use session::{OutputContext, RopInputBuffer, RopOutputBuffer, Session};
// Logon and store (2.2.3), folders (2.2.4).
pub use folder::{
    ContentsTableFlags, CopyFolderRequest, CreateFolderRequest, CreateFolderSuccess,
    DeleteFolderFlags, DeleteFolderRequest, DeleteMessagesRequest, EmptyFolderRequest,
    FolderOpenModeFlags, FolderType, GetContentsTableRequest, GetHierarchyTableRequest,
    HierarchyTableFlags, MoveCopyFailure, MoveCopyMessagesRequest, MoveFolderRequest,
    OpenFolderRequest, OpenFolderSuccess, PartialCompletionBody, RowCountBody,
};
pub use logon::{
    GetOwningServersSuccess, GetPerUserGuidSuccess, GetPerUserLongTermIdsRequest,
    GetPerUserLongTermIdsSuccess, GetReceiveFolderRequest, GetReceiveFolderSuccess,
    GetReceiveFolderTableSuccess, GetStoreStateSuccess, LogonFailure, LogonFlags,
    LogonPrivateSuccess, LogonPublicSuccess, LogonRequest, LogonSuccess, LogonTime, LongTermIdBody,
    LongTermIdFromIdRequest, LongTermIdRequest, ObjectId, ObjectIdBody, OpenFlags, PerUserReplGuid,
    PrivateFolder, PublicFolder, PublicFolderIsGhostedSuccess, RECEIVE_FOLDER_TABLE_COLUMNS,
    ReadPerUserInformationRequest, ReadPerUserInformationSuccess, ResponseFlags,
    SetReceiveFolderRequest, SizedString8, SpecialFolderIds, StoreFolderRequest, StoreRequest,
    StoreState, WritePerUserInformationRequest,
};
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
    MessageOpenModeFlags, MessageStatusBody, MessageStatusFlags, ModifyRecipientRow,
    ModifyRecipientRowHead, ModifyRecipientRows, ModifyRecipientsRequest, OpenMessageRequest,
    OpenMessageSuccess, OpenRecipientRow, OpenRecipientRowHead, OpenRecipientRows, ReadFlags,
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
pub use stream::{
    CloneStreamRequest, CopyToStreamBody, CopyToStreamRequest, LockFlags, OpenStreamRequest,
    ReadStreamBody, ReadStreamRequest, RegionStreamRequest, SeekOrigin, SeekStreamRequest,
    SeekStreamSuccess, SetStreamSizeRequest, StreamOpenModeFlags, StreamRequest, StreamSizeBody,
    WriteStreamExtendedBody, WriteStreamRequest, WrittenSizeBody,
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
        // Logon and store (MS-OXCROPS 2.2.3).
        0xFE Logon(output_handle_index) [output_handle_index]: LogonRequest<'a> => LogonSuccess, LogonFailure<'a>;
        0x27 GetReceiveFolder(input_handle_index) [input_handle_index]: GetReceiveFolderRequest<'a> => GetReceiveFolderSuccess<'a>, NoBody;
        0x26 SetReceiveFolder(input_handle_index) [input_handle_index]: SetReceiveFolderRequest<'a> => NoBody, NoBody;
        0x68 GetReceiveFolderTable(input_handle_index) [input_handle_index]: StoreRequest => GetReceiveFolderTableSuccess<'a>, NoBody;
        0x7B GetStoreState(input_handle_index) [input_handle_index]: StoreRequest => GetStoreStateSuccess, NoBody;
        0x42 GetOwningServers(input_handle_index) [input_handle_index]: StoreFolderRequest => GetOwningServersSuccess<'a>, NoBody;
        0x45 PublicFolderIsGhosted(input_handle_index) [input_handle_index]: StoreFolderRequest => PublicFolderIsGhostedSuccess<'a>, NoBody;
        0x43 LongTermIdFromId(input_handle_index) [input_handle_index]: LongTermIdFromIdRequest => LongTermIdBody, NoBody;
        0x44 IdFromLongTermId(input_handle_index) [input_handle_index]: LongTermIdRequest => ObjectIdBody, NoBody;
        0x60 GetPerUserLongTermIds(input_handle_index) [input_handle_index]: GetPerUserLongTermIdsRequest => GetPerUserLongTermIdsSuccess<'a>, NoBody;
        0x61 GetPerUserGuid(input_handle_index) [input_handle_index]: LongTermIdRequest => GetPerUserGuidSuccess, NoBody;
        0x63 ReadPerUserInformation(input_handle_index) [input_handle_index]: ReadPerUserInformationRequest => ReadPerUserInformationSuccess<'a>, NoBody;
        0x64 WritePerUserInformation(input_handle_index) [input_handle_index]: WritePerUserInformationRequest<'a> => NoBody, NoBody;
        // Folder (MS-OXCROPS 2.2.4).
        0x02 OpenFolder(output_handle_index) [input_handle_index, output_handle_index]: OpenFolderRequest => OpenFolderSuccess<'a>, NoBody;
        0x1C CreateFolder(output_handle_index) [input_handle_index, output_handle_index]: CreateFolderRequest<'a> => CreateFolderSuccess<'a>, NoBody;
        0x1D DeleteFolder(input_handle_index) [input_handle_index]: DeleteFolderRequest => PartialCompletionBody, PartialCompletionBody;
        0x33 MoveCopyMessages(source_handle_index) [source_handle_index, dest_handle_index]: MoveCopyMessagesRequest<'a> => PartialCompletionBody, MoveCopyFailure;
        0x35 MoveFolder(source_handle_index) [source_handle_index, dest_handle_index]: MoveFolderRequest<'a> => PartialCompletionBody, MoveCopyFailure;
        0x36 CopyFolder(source_handle_index) [source_handle_index, dest_handle_index]: CopyFolderRequest<'a> => PartialCompletionBody, MoveCopyFailure;
        0x58 EmptyFolder(input_handle_index) [input_handle_index]: EmptyFolderRequest => PartialCompletionBody, PartialCompletionBody;
        0x92 HardDeleteMessagesAndSubfolders(input_handle_index) [input_handle_index]: EmptyFolderRequest => PartialCompletionBody, PartialCompletionBody;
        0x1E DeleteMessages(input_handle_index) [input_handle_index]: DeleteMessagesRequest<'a> => PartialCompletionBody, PartialCompletionBody;
        0x91 HardDeleteMessages(input_handle_index) [input_handle_index]: DeleteMessagesRequest<'a> => PartialCompletionBody, PartialCompletionBody;
        0x04 GetHierarchyTable(output_handle_index) [input_handle_index, output_handle_index]: GetHierarchyTableRequest => RowCountBody, NoBody;
        0x05 GetContentsTable(output_handle_index) [input_handle_index, output_handle_index]: GetContentsTableRequest => RowCountBody, NoBody;
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
        // Fast transfer (MS-OXCROPS 2.2.12).
        0x53 FastTransferDestinationConfigure(output_handle_index) [input_handle_index, output_handle_index]: FastTransferDestinationConfigureRequest => NoBody, NoBody;
        0x54 FastTransferDestinationPutBuffer(input_handle_index) [input_handle_index]: FastTransferDestinationPutBufferRequest<'a> => FastTransferDestinationPutBufferBody, FastTransferDestinationPutBufferBody;
        0x9D FastTransferDestinationPutBufferExtended(input_handle_index) [input_handle_index]: FastTransferDestinationPutBufferRequest<'a> => FastTransferDestinationPutBufferExtendedBody, FastTransferDestinationPutBufferExtendedBody;
        0x4E FastTransferSourceGetBuffer(input_handle_index) [input_handle_index]: FastTransferSourceGetBufferRequest => FastTransferSourceGetBufferBody<'a>, FastTransferSourceGetBufferBody<'a>;
        0x4C FastTransferSourceCopyFolder(output_handle_index) [input_handle_index, output_handle_index]: FastTransferSourceCopyFolderRequest => NoBody, NoBody;
        0x4B FastTransferSourceCopyMessages(output_handle_index) [input_handle_index, output_handle_index]: FastTransferSourceCopyMessagesRequest<'a> => NoBody, NoBody;
        0x4D FastTransferSourceCopyTo(output_handle_index) [input_handle_index, output_handle_index]: FastTransferSourceCopyToRequest<'a> => NoBody, NoBody;
        0x69 FastTransferSourceCopyProperties(output_handle_index) [input_handle_index, output_handle_index]: FastTransferSourceCopyPropertiesRequest<'a> => NoBody, NoBody;
        0x86 TellVersion(input_handle_index) [input_handle_index]: TellVersionRequest => NoBody, NoBody;
        // Incremental change synchronization (MS-OXCROPS 2.2.13).
        0x70 SynchronizationConfigure(output_handle_index) [input_handle_index, output_handle_index]: SynchronizationConfigureRequest<'a> => NoBody, NoBody;
        0x72 SynchronizationImportMessageChange(output_handle_index) [input_handle_index, output_handle_index]: SynchronizationImportMessageChangeRequest<'a> => ImportMessageSuccess, NoBody;
        0x80 SynchronizationImportReadStateChanges(input_handle_index) [input_handle_index]: SynchronizationImportReadStateChangesRequest<'a> => NoBody, NoBody;
        0x73 SynchronizationImportHierarchyChange(input_handle_index) [input_handle_index]: SynchronizationImportHierarchyChangeRequest<'a> => ImportHierarchyChangeSuccess, NoBody;
        0x74 SynchronizationImportDeletes(input_handle_index) [input_handle_index]: SynchronizationImportDeletesRequest<'a> => NoBody, NoBody;
        0x78 SynchronizationImportMessageMove(input_handle_index) [input_handle_index]: SynchronizationImportMessageMoveRequest<'a> => ImportMessageSuccess, NoBody;
        0x7E SynchronizationOpenCollector(output_handle_index) [input_handle_index, output_handle_index]: SynchronizationOpenCollectorRequest => NoBody, NoBody;
        0x82 SynchronizationGetTransferState(output_handle_index) [input_handle_index, output_handle_index]: SynchronizationGetTransferStateRequest => NoBody, NoBody;
        0x75 SynchronizationUploadStateStreamBegin(input_handle_index) [input_handle_index]: SynchronizationUploadStateStreamBeginRequest => NoBody, NoBody;
        0x76 SynchronizationUploadStateStreamContinue(input_handle_index) [input_handle_index]: SynchronizationUploadStateStreamContinueRequest<'a> => NoBody, NoBody;
        0x77 SynchronizationUploadStateStreamEnd(input_handle_index) [input_handle_index]: SynchronizationUploadStateStreamEndRequest => NoBody, NoBody;
        0x93 SetLocalReplicaMidsetDeleted(input_handle_index) [input_handle_index]: SetLocalReplicaMidsetDeletedRequest<'a> => NoBody, NoBody;
        0x7F GetLocalReplicaIds(input_handle_index) [input_handle_index]: GetLocalReplicaIdsRequest => GetLocalReplicaIdsSuccess, NoBody;
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
        // Property (MS-OXCROPS 2.2.8; RopProgress, 2.2.8.13, is under Special).
        0x56 GetPropertyIdsFromNames(input_handle_index) [input_handle_index]: GetPropertyIdsFromNamesRequest<'a> => PropertyIdsBody<'a>, NoBody;
        0x55 GetNamesFromPropertyIds(input_handle_index) [input_handle_index]: GetNamesFromPropertyIdsRequest<'a> => GetNamesFromPropertyIdsSuccess<'a>, NoBody;
        0x07 GetPropertiesSpecific(input_handle_index) [input_handle_index]: GetPropertiesSpecificRequest<'a> => GetPropertiesSpecificSuccess<'a>, NoBody;
        0x08 GetPropertiesAll(input_handle_index) [input_handle_index]: GetPropertiesAllRequest => GetPropertiesAllSuccess<'a>, NoBody;
        0x09 GetPropertiesList(input_handle_index) [input_handle_index]: GetPropertiesListRequest => GetPropertiesListSuccess<'a>, NoBody;
        0x0A SetProperties(input_handle_index) [input_handle_index]: SetPropertiesRequest<'a> => PropertyProblemsBody<'a>, NoBody;
        0x79 SetPropertiesNoReplicate(input_handle_index) [input_handle_index]: SetPropertiesRequest<'a> => PropertyProblemsBody<'a>, NoBody;
        0x0B DeleteProperties(input_handle_index) [input_handle_index]: DeletePropertiesRequest<'a> => PropertyProblemsBody<'a>, NoBody;
        0x7A DeletePropertiesNoReplicate(input_handle_index) [input_handle_index]: DeletePropertiesRequest<'a> => PropertyProblemsBody<'a>, NoBody;
        0x5F QueryNamedProperties(input_handle_index) [input_handle_index]: QueryNamedPropertiesRequest => QueryNamedPropertiesSuccess<'a>, NoBody;
        0x67 CopyProperties(source_handle_index) [source_handle_index, dest_handle_index]: CopyPropertiesRequest<'a> => PropertyProblemsBody<'a>, PropertyCopyFailure;
        0x39 CopyTo(source_handle_index) [source_handle_index, dest_handle_index]: CopyToRequest<'a> => PropertyProblemsBody<'a>, PropertyCopyFailure;
        // Stream (MS-OXCROPS 2.2.9).
        0x2B OpenStream(output_handle_index) [input_handle_index, output_handle_index]: OpenStreamRequest => StreamSizeBody, NoBody;
        0x2C ReadStream(input_handle_index) [input_handle_index]: ReadStreamRequest => ReadStreamBody<'a>, ReadStreamBody<'a>;
        0x2D WriteStream(input_handle_index) [input_handle_index]: WriteStreamRequest<'a> => WrittenSizeBody, WrittenSizeBody;
        0xA3 WriteStreamExtended(input_handle_index) [input_handle_index]: WriteStreamRequest<'a> => WriteStreamExtendedBody, WriteStreamExtendedBody;
        0x5D CommitStream(input_handle_index) [input_handle_index]: StreamRequest => NoBody, NoBody;
        0x5E GetStreamSize(input_handle_index) [input_handle_index]: StreamRequest => StreamSizeBody, NoBody;
        0x2F SetStreamSize(input_handle_index) [input_handle_index]: SetStreamSizeRequest => NoBody, NoBody;
        0x2E SeekStream(input_handle_index) [input_handle_index]: SeekStreamRequest => SeekStreamSuccess, NoBody;
        0x3A CopyToStream(source_handle_index) [source_handle_index, dest_handle_index]: CopyToStreamRequest => CopyToStreamBody, CopyToStreamBody;
        0x5B LockRegionStream(input_handle_index) [input_handle_index]: RegionStreamRequest => NoBody, NoBody;
        0x5C UnlockRegionStream(input_handle_index) [input_handle_index]: RegionStreamRequest => NoBody, NoBody;
        0x90 WriteAndCommitStream(input_handle_index) [input_handle_index]: WriteStreamRequest<'a> => WrittenSizeBody, WrittenSizeBody;
        0x3B CloneStream(output_handle_index) [input_handle_index, output_handle_index]: CloneStreamRequest => NoBody, NoBody;
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
