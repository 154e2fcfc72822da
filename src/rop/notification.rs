//! Notification ROPs (MS-OXCROPS 2.2.14; semantics MS-OXCNOTIF):
//! RopRegisterNotification, RopNotify and its NotificationData.

use super::common::Bool8;
use super::context::RopContext;
use crate::data::{FolderId, MessageId, NulString, PropertyTag, RowContext, RowData};
use crate::wire::{Array, Count, Decode, Encode, Error, ErrorKind, Reader, ResultExt, Sink};

crate::wire_flags! {
    /// NotificationTypes of RopRegisterNotification (MS-OXCNOTIF
    /// 2.2.1.2.1): the events to subscribe to.
    pub struct NotificationTypes: u8 {
        /// fnevNewMail.
        const NEW_MAIL = 0x02;
        /// fnevObjectCreated.
        const OBJECT_CREATED = 0x04;
        /// fnevObjectDeleted.
        const OBJECT_DELETED = 0x08;
        /// fnevObjectModified.
        const OBJECT_MODIFIED = 0x10;
        /// fnevObjectMoved.
        const OBJECT_MOVED = 0x20;
        /// fnevObjectCopied.
        const OBJECT_COPIED = 0x40;
        /// fnevSearchComplete.
        const SEARCH_COMPLETE = 0x80;
    }
}

crate::wire_struct! {
    /// RopRegisterNotification request (MS-OXCROPS 2.2.14.1.1): subscribes
    /// to events on the whole store or on one folder or message.
    #[derive(Copy)]
    pub struct RegisterNotificationRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the logon.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the subscription's handle goes; it is
        /// the NotificationHandle of later RopNotify responses.
        pub output_handle_index: u8,
        /// NotificationTypes.
        pub notification_types: NotificationTypes,
        /// Reserved (a byte the client sets to 0).
        pub reserved: u8,
        /// WantWholeStore: subscribe to the whole store (TRUE) or to one
        /// object (FALSE).
        pub want_whole_store: Bool8,
        /// FolderId, present when WantWholeStore is FALSE.
        pub folder_id: Option<FolderId> = when(!want_whole_store.get()),
        /// MessageId, present when WantWholeStore is FALSE (zero for a
        /// folder subscription).
        pub message_id: Option<MessageId> = when(!want_whole_store.get()),
    }
}

crate::wire_flags! {
    /// NotificationFlags of NotificationData (MS-OXCNOTIF 2.2.1.4.1.2): the
    /// NotificationType in the low 12 bits, then the T, U, S and M bits
    /// that say which optional fields follow.
    pub struct NotificationFlags: u16 {
        /// NewMail.
        const NEW_MAIL = 0x0002;
        /// ObjectCreated.
        const OBJECT_CREATED = 0x0004;
        /// ObjectDeleted.
        const OBJECT_DELETED = 0x0008;
        /// ObjectModified.
        const OBJECT_MODIFIED = 0x0010;
        /// ObjectMoved.
        const OBJECT_MOVED = 0x0020;
        /// ObjectCopied.
        const OBJECT_COPIED = 0x0040;
        /// SearchComplete.
        const SEARCH_COMPLETE = 0x0080;
        /// TableModified.
        const TABLE_MODIFIED = 0x0100;
        /// StatusObjectModified.
        const STATUS_OBJECT_MODIFIED = 0x0200;
        /// Extended (reserved).
        const EXTENDED = 0x0400;
        /// T: TotalMessageCount is present.
        const T = 0x1000;
        /// U: UnreadMessageCount is present.
        const U = 0x2000;
        /// S: the object is in a search folder.
        const S = 0x4000;
        /// M: the object is a message (not a folder).
        const M = 0x8000;
    }
}

impl NotificationFlags {
    /// The NotificationType (the low 12 bits).
    pub const fn notification_type(self) -> u16 {
        self.bits() & 0x0FFF
    }

    /// True when the NotificationType is `t` (one of the type constants).
    pub const fn is(self, t: NotificationFlags) -> bool {
        self.notification_type() == t.bits()
    }

    fn is_message(self) -> bool {
        self.contains(NotificationFlags::M)
    }

    fn is_moved_or_copied(self) -> bool {
        self.is(Self::OBJECT_MOVED) || self.is(Self::OBJECT_COPIED)
    }

    /// FolderId is present for every type but TableModified and Extended.
    ///
    /// Type 0x0200 is read like the object types. The type table of
    /// MS-OXCNOTIF 2.2.1.4.1.2 does not list 0x0200 (only 0x0002–0x0100 and
    /// 0x0400), so the specification gives it no layout. Microsoft's
    /// Interop-TestSuites (NotificationData.cs) reads another one for it,
    /// the ICS notification of early MS-OXCNOTIF versions: no FolderId or
    /// MessageId; after the table fields come HierarchyChanged (1 byte), a
    /// 4-byte count, that many 22-byte GIDs, then that many 4-byte change
    /// numbers. That layout is not used here because the current
    /// specification does not define it.
    fn has_folder_id(self) -> bool {
        !self.is(Self::TABLE_MODIFIED) && !self.is(Self::EXTENDED)
    }

    /// ParentFolderId: created, deleted, moved or copied folders (neither S
    /// nor M) or messages in search folders (S and M).
    fn has_parent_folder_id(self) -> bool {
        let typed = self.is(Self::OBJECT_CREATED)
            || self.is(Self::OBJECT_DELETED)
            || self.is_moved_or_copied();
        let s = self.contains(Self::S);
        let m = self.contains(Self::M);
        typed && (s == m)
    }

    /// TagCount: created and modified objects.
    fn has_tags(self) -> bool {
        self.is(Self::OBJECT_CREATED) || self.is(Self::OBJECT_MODIFIED)
    }
}

crate::wire_enum! {
    /// TableEventType of a TableModified notification (MS-OXCNOTIF
    /// 2.2.1.4.1.2).
    pub struct TableEventType(u16) {
        /// The table changed; reread it.
        TABLE_CHANGED = 0x0001 => "TableChanged",
        /// A row was added.
        TABLE_ROW_ADDED = 0x0003 => "TableRowAdded",
        /// A row was deleted.
        TABLE_ROW_DELETED = 0x0004 => "TableRowDeleted",
        /// A row was modified.
        TABLE_ROW_MODIFIED = 0x0005 => "TableRowModified",
        /// The restriction finished.
        TABLE_RESTRICT_DONE = 0x0007 => "TableRestrictDone",
    }
}

fn row_added_deleted_or_modified(t: &Option<TableEventType>) -> bool {
    matches!(
        t,
        Some(TableEventType::TABLE_ROW_ADDED)
            | Some(TableEventType::TABLE_ROW_DELETED)
            | Some(TableEventType::TABLE_ROW_MODIFIED)
    )
}

fn row_added_or_modified(t: &Option<TableEventType>) -> bool {
    matches!(
        t,
        Some(TableEventType::TABLE_ROW_ADDED) | Some(TableEventType::TABLE_ROW_MODIFIED)
    )
}

/// TableRowDataSize (2 bytes) and TableRowData, a PropertyRow over the
/// table's columns (MS-OXCNOTIF 2.2.1.4.1.2). The size frames the row, so
/// without the columns the row is kept as raw bytes and the rest of the
/// notification still decodes.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct TableRowData<'a>(pub RowData<'a>);

impl<'a> Decode<'a> for TableRowData<'a> {
    type Ctx = Option<RowContext<'a>>;
    const NAME: &'static str = "TableRowData";
    const MIN_LEN: usize = 2;

    fn decode_from(r: &mut Reader<'a>, cx: Self::Ctx) -> Result<Self, Error> {
        let size = r.u16().in_field("table_row_data_size")?;
        let mut sub = r.sub(usize::from(size)).in_field("table_row_data")?;
        let row =
            RowData::decode_from(&mut sub, (Count::Known(1), cx)).in_field("table_row_data")?;
        sub.finish().in_field("table_row_data")?;
        Ok(TableRowData(row))
    }
}

impl<'a> Encode for TableRowData<'a> {
    type Ctx = Option<RowContext<'a>>;

    fn encoded_len_with(&self, cx: Self::Ctx) -> usize {
        // TableRowDataSize, then the row.
        self.0
            .encoded_len_with((Count::Known(1), cx))
            .saturating_add(2)
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: Self::Ctx) -> Result<(), Error> {
        let n = self.0.encoded_len_with((Count::Known(1), cx));
        let n16 = u16::try_from(n).map_err(|_| {
            Error::new(ErrorKind::Unencodable { value: n as u64 }, s.position())
                .in_field("table_row_data_size")
        })?;
        s.put_u16(n16)?;
        self.0.encode_with(s, (Count::Known(1), cx))
    }
}

crate::wire_struct! {
    /// NotificationData (MS-OXCNOTIF 2.2.1.4.1.2): what happened. The
    /// NotificationFlags and the TableEventType say which of the fields
    /// follow. Presence rules where the specification's text, OpenChange
    /// and MAPI Inspector differ follow the specification's field order
    /// and OpenChange: InsertAfterTableRowFolderID is present for added and
    /// modified rows of folder (hierarchy) tables too, and
    /// OldParentFolderId is present for folders (M clear), not messages.
    pub struct NotificationData<'a> (cx: RopContext<'a>) {
        /// NotificationFlags.
        pub notification_flags: NotificationFlags,
        /// TableEventType, for TableModified.
        pub table_event_type: Option<TableEventType> =
            when(notification_flags.is(NotificationFlags::TABLE_MODIFIED)),
        /// TableRowFolderID, for added, deleted and modified rows.
        pub table_row_folder_id: Option<FolderId> =
            when(row_added_deleted_or_modified(table_event_type)),
        /// TableRowMessageID, for message rows.
        pub table_row_message_id: Option<MessageId> =
            when(row_added_deleted_or_modified(table_event_type) && notification_flags.is_message()),
        /// TableRowInstance, for message rows.
        pub table_row_instance: Option<u32> =
            when(row_added_deleted_or_modified(table_event_type) && notification_flags.is_message()),
        /// InsertAfterTableRowFolderID, for added and modified rows.
        pub insert_after_table_row_folder_id: Option<FolderId> =
            when(row_added_or_modified(table_event_type)),
        /// InsertAfterTableRowID, for added and modified message rows.
        pub insert_after_table_row_id: Option<MessageId> =
            when(row_added_or_modified(table_event_type) && notification_flags.is_message()),
        /// InsertAfterTableRowInstance, for added and modified message rows.
        pub insert_after_table_row_instance: Option<u32> =
            when(row_added_or_modified(table_event_type) && notification_flags.is_message()),
        /// TableRowDataSize and TableRowData, for added and modified rows.
        pub table_row_data: Option<TableRowData<'a>> =
            when(row_added_or_modified(table_event_type)) ctx(cx.rows()),
        /// FolderId, for every type but TableModified and Extended.
        pub folder_id: Option<FolderId> = when(notification_flags.has_folder_id()),
        /// MessageId, when FolderId is present and the object is a message.
        pub message_id: Option<MessageId> =
            when(notification_flags.has_folder_id() && notification_flags.is_message()),
        /// ParentFolderId.
        pub parent_folder_id: Option<FolderId> = when(notification_flags.has_parent_folder_id()),
        /// OldFolderId, for moves and copies.
        pub old_folder_id: Option<FolderId> = when(notification_flags.is_moved_or_copied()),
        /// OldMessageId, for moved and copied messages.
        pub old_message_id: Option<MessageId> =
            when(notification_flags.is_moved_or_copied() && notification_flags.is_message()),
        /// OldParentFolderId, for moved and copied folders.
        pub old_parent_folder_id: Option<FolderId> =
            when(notification_flags.is_moved_or_copied() && !notification_flags.is_message()),
        /// TagCount, for created and modified objects.
        pub tag_count: Option<u16> = when(notification_flags.has_tags()),
        /// Tags, unless TagCount is 0 or 0xFFFF.
        pub tags: Option<Array<'a, PropertyTag>> =
            when(matches!(tag_count, Some(n) if *n != 0 && *n != 0xFFFF))
            ctx(Count::Known(usize::from(tag_count.unwrap_or(0)))),
        /// TotalMessageCount, when T is set.
        pub total_message_count: Option<u32> =
            when(notification_flags.contains(NotificationFlags::T)),
        /// UnreadMessageCount, when U is set.
        pub unread_message_count: Option<u32> =
            when(notification_flags.contains(NotificationFlags::U)),
        /// MessageFlags, for NewMail.
        pub message_flags: Option<u32> = when(notification_flags.is(NotificationFlags::NEW_MAIL)),
        /// UnicodeFlag, for NewMail: TRUE when MessageClass is UTF-16.
        pub unicode_flag: Option<Bool8> = when(notification_flags.is(NotificationFlags::NEW_MAIL)),
        /// MessageClass, for NewMail.
        pub message_class: Option<NulString<'a>> =
            when(notification_flags.is(NotificationFlags::NEW_MAIL))
            ctx(unicode_flag.is_some_and(|u| u.get())),
    }
}

crate::wire_struct! {
    /// RopNotify (MS-OXCROPS 2.2.14.2.1), after its RopId: an event the
    /// server pushes into an output buffer. It has no request and no
    /// ReturnValue. Row data of table notifications needs the table's
    /// columns ([`RopContext::columns`]); without them it is kept raw.
    pub struct NotifyResponse<'a> (cx: RopContext<'a>) {
        /// NotificationHandle: the server handle (not an index) of the
        /// subscription or table.
        pub notification_handle: u32,
        /// LogonId.
        pub logon_id: u8,
        /// NotificationData.
        pub notification_data: NotificationData<'a> = ctx(cx),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rop::RopFacts;
    use crate::rop::context::FromRopFacts;

    fn rt<'a>(bytes: &'a [u8], cx: RopContext<'a>) -> NotifyResponse<'a> {
        let v = NotifyResponse::decode_exact(bytes, cx).unwrap();
        let ecx = RopContext::from_facts(RopFacts::default());
        assert_eq!(v.encoded_len_with(ecx), bytes.len());
        assert_eq!(v.to_vec_with(ecx).unwrap(), bytes);
        v
    }

    #[test]
    fn new_mail() {
        // Construction after MS-OXCNOTIF 2.2.1.4.1.2: NewMail|M, FolderId,
        // MessageId, MessageFlags, UnicodeFlag 0, "IPM.Note".
        let mut b = vec![0x11, 0x00, 0x00, 0x00, 0x01, 0x02, 0x80];
        b.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 5]);
        b.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 9]);
        b.extend_from_slice(&[0, 0, 0, 0, 0]);
        b.extend_from_slice(b"IPM.Note\0");
        let v = rt(&b, RopContext::default());
        let d = &v.notification_data;
        assert!(d.notification_flags.is(NotificationFlags::NEW_MAIL));
        assert!(d.folder_id.is_some() && d.message_id.is_some());
        assert_eq!(d.message_class.unwrap().to_string(), "IPM.Note");
        assert!(d.parent_folder_id.is_none());
    }

    #[test]
    fn table_row_added_with_and_without_columns() {
        // Construction: TableModified|M, TableRowAdded, folder/message/
        // instance, insert-after triple, a 5-byte row (flag + i32).
        let mut b = vec![0x22, 0x00, 0x00, 0x00, 0x00, 0x00, 0x81, 0x03, 0x00];
        for _ in 0..2 {
            b.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 7]);
            b.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 8]);
            b.extend_from_slice(&[0, 0, 0, 0]);
        }
        b.extend_from_slice(&[0x05, 0x00, 0x00, 0x2A, 0, 0, 0]);
        let tags = [PropertyTag(0x0E08_0003)];
        let cx = RopContext::default().with_columns(Array::from_slice(&tags));
        let v = rt(&b, cx);
        let d = &v.notification_data;
        assert_eq!(d.table_event_type, Some(TableEventType::TABLE_ROW_ADDED));
        let row = d.table_row_data.unwrap().0;
        assert_eq!(row.rows().unwrap().len(), 1);
        // Without columns: raw, and the rest still decodes.
        let v = rt(&b, RopContext::default());
        assert!(
            v.notification_data
                .table_row_data
                .unwrap()
                .0
                .rows()
                .is_none()
        );
    }

    #[test]
    fn object_moved_folder_and_message() {
        // Folder moved (S and M clear): FolderId, ParentFolderId,
        // OldFolderId, OldParentFolderId.
        let mut b = vec![0x33, 0, 0, 0, 0x00, 0x20, 0x00];
        for i in 0..4u8 {
            b.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, i]);
        }
        let v = rt(&b, RopContext::default());
        let d = &v.notification_data;
        assert!(d.parent_folder_id.is_some() && d.old_parent_folder_id.is_some());
        // Message moved: FolderId, MessageId, OldFolderId, OldMessageId.
        let mut b = vec![0x33, 0, 0, 0, 0x00, 0x20, 0x80];
        for i in 0..4u8 {
            b.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, i]);
        }
        let v = rt(&b, RopContext::default());
        let d = &v.notification_data;
        assert!(d.old_message_id.is_some() && d.old_parent_folder_id.is_none());
    }

    #[test]
    fn object_modified_tags_and_counts() {
        // Folder modified with T and U: FolderId, TagCount 1, one tag,
        // TotalMessageCount, UnreadMessageCount.
        let mut b = vec![0x44, 0, 0, 0, 0x00, 0x10, 0x30];
        b.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 1]);
        b.extend_from_slice(&[0x01, 0x00, 0x03, 0x00, 0x02, 0x36]);
        b.extend_from_slice(&[5, 0, 0, 0, 2, 0, 0, 0]);
        let v = rt(&b, RopContext::default());
        let d = &v.notification_data;
        assert_eq!(d.tags.unwrap().get(0), Some(PropertyTag(0x3602_0003)));
        assert_eq!(
            (d.total_message_count, d.unread_message_count),
            (Some(5), Some(2))
        );
        // TagCount 0xFFFF: all properties changed, no tags follow.
        let mut b = vec![0x44, 0, 0, 0, 0x00, 0x10, 0x00];
        b.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 1]);
        b.extend_from_slice(&[0xFF, 0xFF]);
        let v = rt(&b, RopContext::default());
        assert!(v.notification_data.tags.is_none());
    }
}
