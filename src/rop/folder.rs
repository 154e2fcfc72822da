//! Folder ROPs (MS-OXCROPS 2.2.4.1–2.2.4.3, 2.2.4.6–2.2.4.14; semantics in
//! MS-OXCFOLD 2.2.1).
//!
//! Each request is the ROP's fields after its RopId; each response body is
//! the part after ReturnValue (the framing lives in [`Response`](super::Response)).
//! The move, copy and delete ROPs answer with PartialCompletion whatever
//! the ReturnValue; RopMoveCopyMessages, RopMoveFolder and RopCopyFolder
//! insert a 4-byte DestHandleIndex before it when the destination did not
//! resolve (ReturnValue 0x00000503, [`MoveCopyFailure`]).
//!
//! The responses of RopOpenFolder, RopCreateFolder, RopGetHierarchyTable
//! and RopGetContentsTable echo the request's OutputHandleIndex: the
//! example of MS-OXCFOLD 4.7.2 names the byte so and says it repeats the
//! request's OutputHandleIndex. MAPI Inspector labels it InputHandleIndex,
//! which changes nothing on the wire.

use super::common::Bool8;
use super::context::RopFacts;
use crate::data::{ErrorCode, FolderId, MessageId, NulString, String8};
use crate::wire::{Array, Count, List, Width};

crate::wire_flags! {
    /// OpenModeFlags of RopOpenFolder (MS-OXCFOLD 2.2.1.1.1). Other bits
    /// are ignored by the server.
    ///
    /// ```
    /// use mapi_wire::rop::FolderOpenModeFlags;
    ///
    /// assert_eq!(FolderOpenModeFlags::OPEN_SOFT_DELETED.bits(), 0x04);
    /// ```
    pub struct FolderOpenModeFlags: u8 {
        /// OpenSoftDeleted: open the folder even if it is soft deleted.
        const OPEN_SOFT_DELETED = 0x04;
    }
}

crate::wire_enum! {
    /// FolderType of RopCreateFolder (MS-OXCFOLD 2.2.1.2.1).
    ///
    /// ```
    /// use mapi_wire::rop::FolderType;
    ///
    /// assert_eq!(FolderType(2), FolderType::SEARCH);
    /// ```
    pub struct FolderType(u8) {
        /// A generic folder.
        GENERIC = 0x01 => "Generic folder",
        /// A search folder.
        SEARCH = 0x02 => "Search folder",
    }
}

crate::wire_flags! {
    /// DeleteFolderFlags of RopDeleteFolder (MS-OXCFOLD 2.2.1.3.1).
    ///
    /// ```
    /// use mapi_wire::rop::DeleteFolderFlags;
    ///
    /// let f = DeleteFolderFlags::from_bits_retain(0x05);
    /// assert_eq!(f, DeleteFolderFlags::DEL_MESSAGES | DeleteFolderFlags::DEL_FOLDERS);
    /// ```
    pub struct DeleteFolderFlags: u8 {
        /// DEL_MESSAGES: delete the folder's messages too.
        const DEL_MESSAGES = 0x01;
        /// DEL_FOLDERS: delete the folder's subfolders too.
        const DEL_FOLDERS = 0x04;
        /// DELETE_HARD_DELETE: hard delete (no recovery).
        const DELETE_HARD_DELETE = 0x10;
    }
}

crate::wire_flags! {
    /// TableFlags of RopGetHierarchyTable (MS-OXCFOLD 2.2.1.13.1).
    /// UseUnicode (0x40) and SuppressesNotifications (0x80) are the rows
    /// of that table the specification text we could read was cut before;
    /// their values agree with MAPI Inspector's `HierarchyTableFlags`.
    ///
    /// ```
    /// use mapi_wire::rop::HierarchyTableFlags;
    ///
    /// let f = HierarchyTableFlags::from_bits_retain(0x44);
    /// assert!(f.contains(HierarchyTableFlags::DEPTH | HierarchyTableFlags::USE_UNICODE));
    /// ```
    pub struct HierarchyTableFlags: u8 {
        /// Depth: every level under the folder, not only its children.
        const DEPTH = 0x04;
        /// DeferredErrors: answer at once, possibly before the work is done.
        const DEFERRED_ERRORS = 0x08;
        /// NoNotifications: no table notifications.
        const NO_NOTIFICATIONS = 0x10;
        /// SoftDeletes: list only soft-deleted folders.
        const SOFT_DELETES = 0x20;
        /// UseUnicode: string columns in Unicode.
        const USE_UNICODE = 0x40;
        /// SuppressesNotifications: no notifications for the client's own
        /// changes.
        const SUPPRESSES_NOTIFICATIONS = 0x80;
    }
}

crate::wire_flags! {
    /// TableFlags of RopGetContentsTable (MS-OXCFOLD 2.2.1.14.1).
    ///
    /// ```
    /// use mapi_wire::rop::ContentsTableFlags;
    ///
    /// assert_eq!(ContentsTableFlags::ASSOCIATED.bits(), 0x02);
    /// ```
    pub struct ContentsTableFlags: u8 {
        /// Associated: list only FAI messages.
        const ASSOCIATED = 0x02;
        /// DeferredErrors: answer at once, possibly before the work is done.
        const DEFERRED_ERRORS = 0x08;
        /// NoNotifications: no table notifications.
        const NO_NOTIFICATIONS = 0x10;
        /// SoftDeletes: list only soft-deleted messages.
        const SOFT_DELETES = 0x20;
        /// UseUnicode: string columns in Unicode.
        const USE_UNICODE = 0x40;
        /// ConversationMembers: the messages of one conversation.
        const CONVERSATION_MEMBERS = 0x80;
    }
}

crate::wire_struct! {
    /// RopOpenFolder request (MS-OXCROPS 2.2.4.1.1; MS-OXCFOLD 2.2.1.1.1).
    ///
    /// ```
    /// use mapi_wire::rop::OpenFolderRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = OpenFolderRequest::decode(&[0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 4, 0]).unwrap();
    /// assert_eq!(r.folder_id.global_counter().value(), 4);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct OpenFolderRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: a Logon or Folder object.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the opened folder's handle goes.
        pub output_handle_index: u8,
        /// FolderId: the folder to open.
        pub folder_id: FolderId,
        /// OpenModeFlags.
        pub open_mode_flags: FolderOpenModeFlags,
    }
}

crate::wire_struct! {
    /// RopOpenFolder success response body (MS-OXCROPS 2.2.4.1.2;
    /// MS-OXCFOLD 2.2.1.1.2). The server list is present only when
    /// IsGhosted is not zero.
    ///
    /// ```
    /// use mapi_wire::rop::OpenFolderSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = OpenFolderSuccess::decode(&[0x01, 0x00]).unwrap();
    /// assert!(b.has_rules.get() && b.servers.is_none());
    /// ```
    pub struct OpenFolderSuccess<'a> {
        /// HasRules: the folder has rules.
        pub has_rules: Bool8,
        /// IsGhosted: no replica of the public folder on this server.
        pub is_ghosted: Bool8,
        /// ServerCount (when ghosted).
        pub server_count: Option<u16> = when(is_ghosted.get()),
        /// CheapServerCount (when ghosted).
        pub cheap_server_count: Option<u16> = when(is_ghosted.get()),
        /// Servers: ServerCount NUL-terminated ASCII strings (when ghosted).
        pub servers: Option<List<'a, String8<'a>>>
            = when(is_ghosted.get())
              ctx((Count::Known(usize::from(server_count.unwrap_or(0))), ())),
    }
}

crate::wire_struct! {
    /// RopCreateFolder request (MS-OXCROPS 2.2.4.2.1; MS-OXCFOLD
    /// 2.2.1.2.1). UseUnicodeStrings selects the form of DisplayName and
    /// Comment: UTF-16LE when not zero, 8-bit otherwise.
    ///
    /// ```
    /// use mapi_wire::rop::{CreateFolderRequest, FolderType};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = CreateFolderRequest::decode(b"\x00\x00\x01\x01\x00\x00\x00Inbox2\x00\x00").unwrap();
    /// assert_eq!(r.folder_type, FolderType::GENERIC);
    /// assert_eq!(r.display_name.to_string(), "Inbox2");
    /// ```
    pub struct CreateFolderRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the parent folder.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the new folder's handle goes.
        pub output_handle_index: u8,
        /// FolderType.
        pub folder_type: FolderType,
        /// UseUnicodeStrings: DisplayName and Comment are UTF-16LE.
        pub use_unicode_strings: Bool8,
        /// OpenExisting: open a folder of that name if one exists.
        pub open_existing: Bool8,
        /// Reserved: 0.
        pub reserved: u8,
        /// DisplayName.
        pub display_name: NulString<'a> = ctx(use_unicode_strings.get()),
        /// Comment.
        pub comment: NulString<'a> = ctx(use_unicode_strings.get()),
    }
}

crate::wire_struct! {
    /// RopCreateFolder success response body (MS-OXCROPS 2.2.4.2.2;
    /// MS-OXCFOLD 2.2.1.2.2). HasRules and IsGhosted are present only when
    /// an existing folder was opened; the server list only when it is
    /// ghosted.
    ///
    /// ```
    /// use mapi_wire::rop::CreateFolderSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// // MS-OXCFOLD 4.1.2: a new folder, FID 0001-00000E915212.
    /// let (b, _) = CreateFolderSuccess::decode(&[1, 0, 0, 0, 0x0E, 0x91, 0x52, 0x12, 0]).unwrap();
    /// assert_eq!(b.folder_id.to_string(), "0001-00000E915212");
    /// assert!(b.has_rules.is_none());
    /// ```
    pub struct CreateFolderSuccess<'a> {
        /// FolderId: the folder created or opened.
        pub folder_id: FolderId,
        /// IsExistingFolder: an existing folder was opened.
        pub is_existing_folder: Bool8,
        /// HasRules (existing folder only).
        pub has_rules: Option<Bool8> = when(is_existing_folder.get()),
        /// IsGhosted (existing folder only).
        pub is_ghosted: Option<Bool8> = when(is_existing_folder.get()),
        /// ServerCount (ghosted only).
        pub server_count: Option<u16> = when(is_ghosted.is_some_and(|g| g.get())),
        /// CheapServerCount (ghosted only).
        pub cheap_server_count: Option<u16> = when(is_ghosted.is_some_and(|g| g.get())),
        /// Servers: ServerCount NUL-terminated ASCII strings (ghosted only).
        pub servers: Option<List<'a, String8<'a>>>
            = when(is_ghosted.is_some_and(|g| g.get()))
              ctx((Count::Known(usize::from(server_count.unwrap_or(0))), ())),
    }
}

crate::wire_struct! {
    /// RopDeleteFolder request (MS-OXCROPS 2.2.4.3.1; MS-OXCFOLD 2.2.1.3.1).
    ///
    /// ```
    /// use mapi_wire::rop::{DeleteFolderFlags, DeleteFolderRequest};
    /// use mapi_wire::wire::Decode;
    ///
    /// // MS-OXCFOLD 4.2.1.
    /// let (r, _) = DeleteFolderRequest::decode(&[0, 1, 5, 1, 0, 0, 0, 0x0E, 0x8E, 0xDF, 0x36]).unwrap();
    /// assert!(r.delete_folder_flags.contains(DeleteFolderFlags::DEL_FOLDERS));
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct DeleteFolderRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the parent folder.
        pub input_handle_index: u8,
        /// DeleteFolderFlags.
        pub delete_folder_flags: DeleteFolderFlags,
        /// FolderId: the folder to delete.
        pub folder_id: FolderId,
    }
}

crate::wire_struct! {
    /// PartialCompletion alone: the response body of RopDeleteFolder
    /// (MS-OXCROPS 2.2.4.3.2), RopEmptyFolder (2.2.4.9.2),
    /// RopHardDeleteMessagesAndSubfolders (2.2.4.10.2), RopDeleteMessages
    /// (2.2.4.11.2) and RopHardDeleteMessages (2.2.4.12.2), whatever the
    /// ReturnValue, and of RopMoveCopyMessages, RopMoveFolder and
    /// RopCopyFolder on success.
    ///
    /// ```
    /// use mapi_wire::rop::PartialCompletionBody;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = PartialCompletionBody::decode(&[0x01]).unwrap();
    /// assert!(b.partial_completion.get());
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct PartialCompletionBody {
        /// PartialCompletion: the operation failed for some of its targets.
        pub partial_completion: Bool8,
    }
}

crate::wire_struct! {
    /// The failure response body of RopMoveCopyMessages (MS-OXCROPS
    /// 2.2.4.6.2, 2.2.4.6.3), RopMoveFolder (2.2.4.7.2, 2.2.4.7.3) and
    /// RopCopyFolder (2.2.4.8.2, 2.2.4.8.3): PartialCompletion, preceded
    /// by a 4-byte DestHandleIndex when ReturnValue is 0x00000503
    /// (ecDstNullObject: the destination handle did not resolve).
    ///
    /// ```
    /// use mapi_wire::data::ErrorCode;
    /// use mapi_wire::rop::{MoveCopyFailure, RopFacts};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// let null_dest = RopFacts { return_value: ErrorCode::NULL_DESTINATION_OBJECT, ..RopFacts::default() };
    /// let (f, _) = MoveCopyFailure::decode_with(&[0x02, 0, 0, 0, 0x00], null_dest).unwrap();
    /// assert_eq!(f.dest_handle_index, Some(2));
    /// let other = RopFacts { return_value: ErrorCode::NOT_FOUND, ..RopFacts::default() };
    /// let (f, _) = MoveCopyFailure::decode_with(&[0x01], other).unwrap();
    /// assert_eq!((f.dest_handle_index, f.partial_completion.get()), (None, true));
    /// assert_eq!(f.to_vec_with(other).unwrap(), [0x01]);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct MoveCopyFailure (cx: RopFacts) {
        /// DestHandleIndex, widened to 4 bytes (ReturnValue 0x00000503 only).
        pub dest_handle_index: Option<u32>
            = when(cx.return_value == ErrorCode::NULL_DESTINATION_OBJECT),
        /// PartialCompletion.
        pub partial_completion: Bool8,
    }
}

crate::wire_struct! {
    /// RopMoveCopyMessages request (MS-OXCROPS 2.2.4.6.1; MS-OXCFOLD
    /// 2.2.1.6.1): moves or copies messages from the source folder to the
    /// destination folder.
    ///
    /// ```
    /// use mapi_wire::rop::MoveCopyMessagesRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// // MS-OXCFOLD 4.4.1.
    /// let bytes = [0, 0, 1, 1, 0, 1, 0, 0, 0, 0x0E, 0x8E, 0xEC, 0x5D, 0, 0];
    /// let (r, _) = MoveCopyMessagesRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.message_ids.len(), 1);
    /// assert!(!r.want_copy.get());
    /// ```
    #[derive(Copy)]
    pub struct MoveCopyMessagesRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// SourceHandleIndex: the source folder.
        pub source_handle_index: u8,
        /// DestHandleIndex: the destination folder.
        pub dest_handle_index: u8,
        /// MessageIds, preceded by MessageIdCount (2 bytes).
        pub message_ids: Array<'a, MessageId> = ctx(Count::Prefix(Width::U16)),
        /// WantAsynchronous: the server may answer with RopProgress.
        pub want_asynchronous: Bool8,
        /// WantCopy: copy rather than move.
        pub want_copy: Bool8,
    }
}

crate::wire_struct! {
    /// RopMoveFolder request (MS-OXCROPS 2.2.4.7.1; MS-OXCFOLD 2.2.1.7.1).
    /// UseUnicode selects the form of NewFolderName.
    ///
    /// ```
    /// use mapi_wire::rop::MoveFolderRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = MoveFolderRequest::decode(b"\x00\x01\x02\x00\x00\x01\0\0\0\0\0\0\x03New\x00").unwrap();
    /// assert_eq!(r.new_folder_name.to_string(), "New");
    /// ```
    pub struct MoveFolderRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// SourceHandleIndex: the current parent folder.
        pub source_handle_index: u8,
        /// DestHandleIndex: the new parent folder.
        pub dest_handle_index: u8,
        /// WantAsynchronous: the server may answer with RopProgress.
        pub want_asynchronous: Bool8,
        /// UseUnicode: NewFolderName is UTF-16LE.
        pub use_unicode: Bool8,
        /// FolderId: the folder to move.
        pub folder_id: FolderId,
        /// NewFolderName.
        pub new_folder_name: NulString<'a> = ctx(use_unicode.get()),
    }
}

crate::wire_struct! {
    /// RopCopyFolder request (MS-OXCROPS 2.2.4.8.1; MS-OXCFOLD 2.2.1.8.1).
    /// UseUnicode selects the form of NewFolderName.
    ///
    /// ```
    /// use mapi_wire::rop::CopyFolderRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = CopyFolderRequest::decode(b"\x00\x00\x01\x00\x01\x00\x01\0\0\0\0\0\0\x03C\x00").unwrap();
    /// assert!(r.want_recursive.get());
    /// assert_eq!(r.new_folder_name.to_string(), "C");
    /// ```
    pub struct CopyFolderRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// SourceHandleIndex: the current parent folder.
        pub source_handle_index: u8,
        /// DestHandleIndex: the parent folder of the copy.
        pub dest_handle_index: u8,
        /// WantAsynchronous: the server may answer with RopProgress.
        pub want_asynchronous: Bool8,
        /// WantRecursive: copy the subfolders too.
        pub want_recursive: Bool8,
        /// UseUnicode: NewFolderName is UTF-16LE.
        pub use_unicode: Bool8,
        /// FolderId: the folder to copy.
        pub folder_id: FolderId,
        /// NewFolderName.
        pub new_folder_name: NulString<'a> = ctx(use_unicode.get()),
    }
}

crate::wire_struct! {
    /// The request of RopEmptyFolder (MS-OXCROPS 2.2.4.9.1; MS-OXCFOLD
    /// 2.2.1.9.1) and RopHardDeleteMessagesAndSubfolders (2.2.4.10.1;
    /// 2.2.1.10.1), which share one layout.
    ///
    /// ```
    /// use mapi_wire::rop::EmptyFolderRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = EmptyFolderRequest::decode(&[0, 1, 0, 1]).unwrap();
    /// assert!(r.want_delete_associated.get());
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct EmptyFolderRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the folder to empty.
        pub input_handle_index: u8,
        /// WantAsynchronous: the server may answer with RopProgress.
        pub want_asynchronous: Bool8,
        /// WantDeleteAssociated: delete FAI messages too.
        pub want_delete_associated: Bool8,
    }
}

crate::wire_struct! {
    /// The request of RopDeleteMessages (MS-OXCROPS 2.2.4.11.1;
    /// MS-OXCFOLD 2.2.1.11.1) and RopHardDeleteMessages (2.2.4.12.1;
    /// 2.2.1.12.1), which share one layout.
    ///
    /// ```
    /// use mapi_wire::rop::DeleteMessagesRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// // MS-OXCFOLD 4.3.1.
    /// let bytes = [0, 0, 0, 1, 2, 0, 1, 0, 0, 0, 0x0E, 0x8E, 0xF1, 0x48, 1, 0, 0, 0, 0x0E, 0x8E, 0xC3, 0x02];
    /// let (r, _) = DeleteMessagesRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.message_ids.get(1).unwrap().to_string(), "0001-00000E8EC302");
    /// ```
    #[derive(Copy)]
    pub struct DeleteMessagesRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the folder of the messages.
        pub input_handle_index: u8,
        /// WantAsynchronous: the server may answer with RopProgress.
        pub want_asynchronous: Bool8,
        /// NotifyNonRead: send non-read receipts for unread messages.
        pub notify_non_read: Bool8,
        /// MessageIds, preceded by MessageIdCount (2 bytes).
        pub message_ids: Array<'a, MessageId> = ctx(Count::Prefix(Width::U16)),
    }
}

crate::wire_struct! {
    /// RopGetHierarchyTable request (MS-OXCROPS 2.2.4.13.1; MS-OXCFOLD
    /// 2.2.1.13.1).
    ///
    /// ```
    /// use mapi_wire::rop::{GetHierarchyTableRequest, HierarchyTableFlags};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = GetHierarchyTableRequest::decode(&[0, 1, 2, 0x04]).unwrap();
    /// assert_eq!(r.table_flags, HierarchyTableFlags::DEPTH);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct GetHierarchyTableRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the folder.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the hierarchy table's handle goes.
        pub output_handle_index: u8,
        /// TableFlags.
        pub table_flags: HierarchyTableFlags,
    }
}

crate::wire_struct! {
    /// RopGetContentsTable request (MS-OXCROPS 2.2.4.14.1; MS-OXCFOLD
    /// 2.2.1.14.1).
    ///
    /// ```
    /// use mapi_wire::rop::{ContentsTableFlags, GetContentsTableRequest};
    /// use mapi_wire::wire::Decode;
    ///
    /// // MS-OXCTABL 4.1.1.
    /// let (r, _) = GetContentsTableRequest::decode(&[0, 0, 1, 0]).unwrap();
    /// assert_eq!((r.output_handle_index, r.table_flags), (1, ContentsTableFlags::empty()));
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct GetContentsTableRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the folder.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the contents table's handle goes.
        pub output_handle_index: u8,
        /// TableFlags.
        pub table_flags: ContentsTableFlags,
    }
}

crate::wire_struct! {
    /// RowCount alone: the success response body of RopGetHierarchyTable
    /// (MS-OXCROPS 2.2.4.13.2) and RopGetContentsTable (2.2.4.14.2). With
    /// DeferredErrors it may not be accurate (MS-OXCFOLD 3.2.5.13).
    ///
    /// ```
    /// use mapi_wire::rop::RowCountBody;
    /// use mapi_wire::wire::Decode;
    ///
    /// // MS-OXCFOLD 4.7.2: 21 rows.
    /// let (b, _) = RowCountBody::decode(&[0x15, 0, 0, 0]).unwrap();
    /// assert_eq!(b.row_count, 21);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct RowCountBody {
        /// RowCount: the rows of the new table.
        pub row_count: u32,
    }
}
