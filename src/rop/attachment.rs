//! Attachment ROPs (MS-OXCROPS 2.2.6.12–2.2.6.18; semantics in MS-OXCMSG
//! 2.2.3.12–2.2.3.18).
//!
//! Each request is the ROP's fields after its RopId; each response body is
//! the part after ReturnValue (the framing lives in
//! [`Response`](super::Response)).

use super::common::Bool8;
use super::message::OpenRecipientRows;
use crate::data::{MessageId, PropertyTag, RowContext, TypedString};
use crate::wire::{Array, Count, Width};

crate::wire_flags! {
    /// OpenAttachmentFlags of RopOpenAttachment (MS-OXCROPS 2.2.6.12.1;
    /// values MS-OXCMSG 2.2.3.12.1). No bit set is ReadOnly (0x00).
    ///
    /// ```
    /// use mapi_wire::rop::OpenAttachmentFlags;
    ///
    /// assert!(OpenAttachmentFlags::BEST_ACCESS.contains(OpenAttachmentFlags::READ_WRITE));
    /// ```
    pub struct OpenAttachmentFlags: u8 {
        /// ReadWrite (0x01): open for reading and writing.
        const READ_WRITE = 0x01;
        /// BestAccess (0x03): read/write if the user may write, read-only
        /// otherwise.
        const BEST_ACCESS = 0x03;
    }
}

crate::wire_flags! {
    /// OpenModeFlags of RopOpenEmbeddedMessage (MS-OXCROPS 2.2.6.16.1;
    /// values MS-OXCMSG 2.2.3.16.1). No bit set is ReadOnly (0x00).
    ///
    /// ```
    /// use mapi_wire::rop::EmbeddedOpenModeFlags;
    ///
    /// assert_eq!(EmbeddedOpenModeFlags::CREATE.bits(), 0x02);
    /// ```
    pub struct EmbeddedOpenModeFlags: u8 {
        /// ReadWrite (0x01): open for reading and writing.
        const READ_WRITE = 0x01;
        /// Create (0x02): create the embedded message if the attachment
        /// has none, and open it for reading and writing.
        const CREATE = 0x02;
    }
}

crate::wire_flags! {
    /// TableFlags of RopGetAttachmentTable (MS-OXCROPS 2.2.6.17.1; values
    /// MS-OXCMSG 2.2.3.17.1). No bit set is Standard (0x00).
    ///
    /// ```
    /// use mapi_wire::rop::AttachmentTableFlags;
    ///
    /// assert_eq!(AttachmentTableFlags::UNICODE.bits(), 0x40);
    /// ```
    pub struct AttachmentTableFlags: u8 {
        /// Unicode (0x40): string columns in UTF-16.
        const UNICODE = 0x40;
    }
}

crate::wire_struct! {
    /// RopOpenAttachment request (MS-OXCROPS 2.2.6.12.1; MS-OXCMSG
    /// 2.2.3.12). Its success and failure responses carry nothing after
    /// ReturnValue.
    ///
    /// ```
    /// use mapi_wire::rop::{OpenAttachmentFlags, OpenAttachmentRequest};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = OpenAttachmentRequest::decode(&[0, 1, 2, 0x01, 3, 0, 0, 0]).unwrap();
    /// assert_eq!(r.open_attachment_flags, OpenAttachmentFlags::READ_WRITE);
    /// assert_eq!(r.attachment_id, 3);
    /// ```
    #[derive(Copy)]
    pub struct OpenAttachmentRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the message.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the attachment's handle goes.
        pub output_handle_index: u8,
        /// OpenAttachmentFlags.
        pub open_attachment_flags: OpenAttachmentFlags,
        /// AttachmentID: the attachment (PidTagAttachNumber).
        pub attachment_id: u32,
    }
}

crate::wire_struct! {
    /// RopCreateAttachment request (MS-OXCROPS 2.2.6.13.1; MS-OXCMSG
    /// 2.2.3.13).
    ///
    /// ```
    /// use mapi_wire::rop::CreateAttachmentRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = CreateAttachmentRequest::decode(&[0, 1, 2]).unwrap();
    /// assert_eq!((r.input_handle_index, r.output_handle_index), (1, 2));
    /// ```
    #[derive(Copy)]
    pub struct CreateAttachmentRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the message.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the new attachment's handle goes.
        pub output_handle_index: u8,
    }
}

crate::wire_struct! {
    /// RopCreateAttachment success response body (MS-OXCROPS 2.2.6.13.2).
    ///
    /// ```
    /// use mapi_wire::rop::CreateAttachmentSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// assert_eq!(CreateAttachmentSuccess::decode(&[7, 0, 0, 0]).unwrap().0.attachment_id, 7);
    /// ```
    #[derive(Copy)]
    pub struct CreateAttachmentSuccess {
        /// AttachmentID: the new attachment.
        pub attachment_id: u32,
    }
}

crate::wire_struct! {
    /// RopDeleteAttachment request (MS-OXCROPS 2.2.6.14.1; MS-OXCMSG
    /// 2.2.3.14). Its response has no body whatever the ReturnValue.
    ///
    /// ```
    /// use mapi_wire::rop::DeleteAttachmentRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// assert_eq!(DeleteAttachmentRequest::decode(&[0, 1, 2, 0, 0, 0]).unwrap().0.attachment_id, 2);
    /// ```
    #[derive(Copy)]
    pub struct DeleteAttachmentRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the message.
        pub input_handle_index: u8,
        /// AttachmentID: the attachment to delete.
        pub attachment_id: u32,
    }
}

crate::wire_struct! {
    /// RopSaveChangesAttachment request (MS-OXCROPS 2.2.6.15.1; MS-OXCMSG
    /// 2.2.3.15). ResponseHandleIndex comes before InputHandleIndex, and
    /// the response echoes it; the response has no body whatever the
    /// ReturnValue.
    ///
    /// ```
    /// use mapi_wire::rop::{SaveChangesAttachmentRequest, SaveFlags};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = SaveChangesAttachmentRequest::decode(&[0, 1, 2, 0x02]).unwrap();
    /// assert_eq!((r.response_handle_index, r.input_handle_index), (1, 2));
    /// assert_eq!(r.save_flags, SaveFlags::KEEP_OPEN_READ_WRITE);
    /// ```
    #[derive(Copy)]
    pub struct SaveChangesAttachmentRequest {
        /// LogonId.
        pub logon_id: u8,
        /// ResponseHandleIndex: the containing message; echoed by the
        /// response.
        pub response_handle_index: u8,
        /// InputHandleIndex: the attachment.
        pub input_handle_index: u8,
        /// SaveFlags (as for RopSaveChangesMessage).
        pub save_flags: super::message::SaveFlags,
    }
}

crate::wire_struct! {
    /// RopOpenEmbeddedMessage request (MS-OXCROPS 2.2.6.16.1; MS-OXCMSG
    /// 2.2.3.16.1): opens the message an attachment holds.
    ///
    /// ```
    /// use mapi_wire::rop::{EmbeddedOpenModeFlags, OpenEmbeddedMessageRequest};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = OpenEmbeddedMessageRequest::decode(&[0, 1, 2, 0xE4, 0x04, 0x02]).unwrap();
    /// assert_eq!(r.code_page_id, 1252);
    /// assert_eq!(r.open_mode_flags, EmbeddedOpenModeFlags::CREATE);
    /// ```
    #[derive(Copy)]
    pub struct OpenEmbeddedMessageRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the attachment.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the embedded message's handle goes.
        pub output_handle_index: u8,
        /// CodePageId: the code page of the message's 8-bit strings.
        pub code_page_id: u16,
        /// OpenModeFlags.
        pub open_mode_flags: EmbeddedOpenModeFlags,
    }
}

crate::wire_struct! {
    /// RopOpenEmbeddedMessage success response body (MS-OXCROPS
    /// 2.2.6.16.2): Reserved and the embedded message's MessageId, then
    /// the fields of a RopOpenMessage success body. RecipientRows are read
    /// against the RecipientColumns before them, which also become the
    /// message's recipient columns for later RopReadRecipients.
    ///
    /// ```
    /// use mapi_wire::rop::OpenEmbeddedMessageSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 1, 0, 0, 0, 0, 0, 0, 0x30, 0x00, 0x01, 0x01, 0, 0, 0, 0, 0];
    /// let (m, _) = OpenEmbeddedMessageSuccess::decode(&bytes).unwrap();
    /// assert_eq!(m.message_id.replica_id().0, 1);
    /// assert_eq!(m.recipient_count, 0);
    /// ```
    pub struct OpenEmbeddedMessageSuccess<'a> {
        /// Reserved: 0x00.
        pub reserved: u8,
        /// MessageId: the embedded message.
        pub message_id: MessageId,
        /// HasNamedProperties.
        pub has_named_properties: Bool8,
        /// SubjectPrefix.
        pub subject_prefix: TypedString<'a>,
        /// NormalizedSubject.
        pub normalized_subject: TypedString<'a>,
        /// RecipientCount.
        pub recipient_count: u16,
        /// RecipientColumns, preceded by ColumnCount (2 bytes).
        pub recipient_columns: Array<'a, PropertyTag> = ctx(Count::Prefix(Width::U16)),
        /// RecipientRows, preceded by RowCount (1 byte).
        pub recipient_rows: OpenRecipientRows<'a>
            = ctx((Count::Prefix(Width::U8), Some(RowContext::rop(*recipient_columns)))),
    }
}

crate::wire_struct! {
    /// RopGetAttachmentTable request (MS-OXCROPS 2.2.6.17.1; MS-OXCMSG
    /// 2.2.3.17). Its responses carry nothing after ReturnValue.
    ///
    /// ```
    /// use mapi_wire::rop::{AttachmentTableFlags, GetAttachmentTableRequest};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = GetAttachmentTableRequest::decode(&[0, 1, 2, 0x40]).unwrap();
    /// assert_eq!(r.table_flags, AttachmentTableFlags::UNICODE);
    /// ```
    #[derive(Copy)]
    pub struct GetAttachmentTableRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the message.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the table's handle goes.
        pub output_handle_index: u8,
        /// TableFlags.
        pub table_flags: AttachmentTableFlags,
    }
}

crate::wire_struct! {
    /// RopGetValidAttachments request (MS-OXCROPS 2.2.6.18.1; MS-OXCMSG
    /// 2.2.3.18).
    ///
    /// ```
    /// use mapi_wire::rop::GetValidAttachmentsRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// assert_eq!(GetValidAttachmentsRequest::decode(&[0, 3]).unwrap().0.input_handle_index, 3);
    /// ```
    #[derive(Copy)]
    pub struct GetValidAttachmentsRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the message.
        pub input_handle_index: u8,
    }
}

crate::wire_struct! {
    /// RopGetValidAttachments success response body (MS-OXCROPS
    /// 2.2.6.18.2): the AttachmentIDs of the message's attachments.
    ///
    /// ```
    /// use mapi_wire::rop::GetValidAttachmentsSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = GetValidAttachmentsSuccess::decode(&[2, 0, 0, 0, 0, 0, 1, 0, 0, 0]).unwrap();
    /// assert_eq!(b.attachment_id_array.to_vec(), [0, 1]);
    /// ```
    #[derive(Copy)]
    pub struct GetValidAttachmentsSuccess<'a> {
        /// AttachmentIdArray, preceded by AttachmentIdCount (2 bytes).
        pub attachment_id_array: Array<'a, u32> = ctx(Count::Prefix(Width::U16)),
    }
}
