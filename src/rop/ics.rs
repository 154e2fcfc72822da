//! Incremental change synchronization ROPs (MS-OXCROPS 2.2.13; semantics
//! in MS-OXCFXICS 2.2.3.2): configuring synchronization download contexts,
//! uploading and downloading ICS state, and importing changes through a
//! collector.
//!
//! The ICS state stream (StreamData) stays an opaque byte slice here.
//!
//! ```
//! use mapi_wire::rop::{RopContext, RopFacts, RopRequest, SynchronizationType};
//! use mapi_wire::wire::{Decode, Encode};
//!
//! // RopSynchronizationConfigure: contents, Unicode, no restriction, no tags.
//! let bytes = [0x70, 0, 0, 1, 1, 0x01, 0x31, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
//! let (req, _) = RopRequest::decode_with(&bytes, RopContext::default()).unwrap();
//! let RopRequest::SynchronizationConfigure(c) = &req else { panic!() };
//! assert_eq!(c.synchronization_type, SynchronizationType::CONTENTS);
//! assert_eq!(req.to_vec_with(RopFacts::default()).unwrap(), bytes);
//! ```

use super::common::{Bool8, RestrictionData};
use super::fast_transfer::SendOptions;
use crate::data::{
    FolderId, GlobalCounter, Guid, LongTermId, MessageId, PropertyTag, TaggedPropertyValue,
    ValueContext,
};
use crate::wire::{
    Array, Bytes, Count, Decode, Encode, Error, ErrorKind, Fixed, List, Reader, ResultExt, Sink,
    Width,
};

crate::wire_enum! {
    /// SynchronizationType of RopSynchronizationConfigure (MS-OXCFXICS
    /// 2.2.3.2.1.1.1).
    ///
    /// ```
    /// use mapi_wire::rop::SynchronizationType;
    /// assert_eq!(SynchronizationType(2), SynchronizationType::HIERARCHY);
    /// ```
    pub struct SynchronizationType(u8) {
        /// Contents: the messages of the folder.
        CONTENTS = 0x01 => "Contents",
        /// Hierarchy: the subfolders of the folder.
        HIERARCHY = 0x02 => "Hierarchy",
    }
}

crate::wire_flags! {
    /// SynchronizationFlags of RopSynchronizationConfigure (MS-OXCFXICS
    /// 2.2.3.2.1.1.1).
    ///
    /// ```
    /// use mapi_wire::rop::SynchronizationFlags;
    /// let f = SynchronizationFlags::from_bits_retain(0x0031);
    /// assert!(f.contains(SynchronizationFlags::UNICODE | SynchronizationFlags::NORMAL));
    /// ```
    pub struct SynchronizationFlags: u16 {
        /// Unicode: the client supports Unicode.
        const UNICODE = 0x0001;
        /// NoDeletions: no deletion information.
        const NO_DELETIONS = 0x0002;
        /// IgnoreNoLongerInScope: no information on messages that left the
        /// scope.
        const IGNORE_NO_LONGER_IN_SCOPE = 0x0004;
        /// ReadState: read-state changes are included.
        const READ_STATE = 0x0008;
        /// FAI: changes to folder associated information messages.
        const FAI = 0x0010;
        /// Normal: changes to normal messages.
        const NORMAL = 0x0020;
        /// OnlySpecifiedProperties: PropertyTags lists what to include
        /// rather than what to exclude.
        const ONLY_SPECIFIED_PROPERTIES = 0x0080;
        /// NoForeignIdentifiers: persisted source keys are ignored.
        const NO_FOREIGN_IDENTIFIERS = 0x0100;
        /// Reserved (0 when sent).
        const RESERVED = 0x1000;
        /// BestBody: message bodies in their original format.
        const BEST_BODY = 0x2000;
        /// IgnoreSpecifiedOnFAI: PropertyTags does not apply to FAI
        /// messages.
        const IGNORE_SPECIFIED_ON_FAI = 0x4000;
        /// Progress: progress information is injected into the stream.
        const PROGRESS = 0x8000;
    }
}

crate::wire_flags! {
    /// SynchronizationExtraFlags of RopSynchronizationConfigure
    /// (MS-OXCFXICS 2.2.3.2.1.1.1).
    ///
    /// ```
    /// use mapi_wire::rop::SynchronizationExtraFlags;
    /// assert_eq!(SynchronizationExtraFlags::CN.bits(), 0x0000_0004);
    /// ```
    pub struct SynchronizationExtraFlags: u32 {
        /// Eid: PidTagFolderId or PidTagMid in the change headers.
        const EID = 0x0000_0001;
        /// MessageSize: PidTagMessageSize in the message change headers.
        const MESSAGE_SIZE = 0x0000_0002;
        /// Cn: PidTagChangeNumber in the message change headers.
        const CN = 0x0000_0004;
        /// OrderByDeliveryTime: messages sorted by delivery time.
        const ORDER_BY_DELIVERY_TIME = 0x0000_0008;
    }
}

crate::wire_flags! {
    /// ImportFlag of RopSynchronizationImportMessageChange (MS-OXCFXICS
    /// 2.2.3.2.4.2.1).
    ///
    /// ```
    /// use mapi_wire::rop::ImportFlag;
    /// assert_eq!(ImportFlag::FAIL_ON_CONFLICT.bits(), 0x40);
    /// ```
    pub struct ImportFlag: u8 {
        /// Associated: the message is an FAI message.
        const ASSOCIATED = 0x10;
        /// FailOnConflict: the import fails rather than keep conflicting
        /// versions.
        const FAIL_ON_CONFLICT = 0x40;
    }
}

crate::wire_flags! {
    /// ImportDeleteFlags of RopSynchronizationImportDeletes (MS-OXCFXICS
    /// 2.2.3.2.4.5.1).
    ///
    /// ```
    /// use mapi_wire::rop::ImportDeleteFlags;
    /// assert_eq!(ImportDeleteFlags::HARD_DELETE.bits(), 0x02);
    /// ```
    pub struct ImportDeleteFlags: u8 {
        /// Hierarchy: folders are deleted (otherwise messages).
        const HIERARCHY = 0x01;
        /// HardDelete: the deletions are hard.
        const HARD_DELETE = 0x02;
    }
}

/// The context of PropertyValues lists in ROP requests: a 2-byte
/// PropertyValueCount, then TaggedPropertyValues in ROP form.
const TAGGED_U16: (Count, ValueContext) = (Count::Prefix(Width::U16), ValueContext::Rop);

crate::wire_struct! {
    /// RopSynchronizationConfigure request (MS-OXCROPS 2.2.13.1.1;
    /// MS-OXCFXICS 2.2.3.2.1.1.1): opens a synchronization download context
    /// on a folder. The response is the plain one, echoing
    /// OutputHandleIndex (2.2.13.1.2).
    ///
    /// ```
    /// use mapi_wire::rop::{SynchronizationConfigureRequest, SynchronizationFlags};
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 1, 2, 0x01, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = SynchronizationConfigureRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.synchronization_flags, SynchronizationFlags::UNICODE);
    /// assert!(r.restriction_data.0.is_none());
    /// ```
    pub struct SynchronizationConfigureRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the folder to synchronize.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the synchronization context's handle
        /// goes.
        pub output_handle_index: u8,
        /// SynchronizationType.
        pub synchronization_type: SynchronizationType,
        /// SendOptions.
        pub send_options: SendOptions,
        /// SynchronizationFlags.
        pub synchronization_flags: SynchronizationFlags,
        /// RestrictionDataSize and RestrictionData (none when the size is
        /// 0): which messages are in scope.
        pub restriction_data: RestrictionData<'a>,
        /// SynchronizationExtraFlags.
        pub synchronization_extra_flags: SynchronizationExtraFlags,
        /// PropertyTags, preceded by PropertyTagCount (2 bytes): properties
        /// to exclude (or include, with OnlySpecifiedProperties).
        pub property_tags: Array<'a, PropertyTag> = ctx(Count::Prefix(Width::U16)),
    }
}

crate::wire_struct! {
    /// RopSynchronizationImportMessageChange request (MS-OXCROPS
    /// 2.2.13.2.1; MS-OXCFXICS 2.2.3.2.4.2.1): imports a new or changed
    /// message through a collector and opens it for the rest of the upload.
    ///
    /// ```
    /// use mapi_wire::rop::{ImportFlag, SynchronizationImportMessageChangeRequest};
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 0, 1, 0x10, 1, 0, 0x03, 0x00, 0x17, 0x00, 1, 0, 0, 0];
    /// let (r, _) = SynchronizationImportMessageChangeRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.import_flag, ImportFlag::ASSOCIATED);
    /// assert_eq!(r.property_values.len(), 1);
    /// ```
    pub struct SynchronizationImportMessageChangeRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the collector.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the message's handle goes.
        pub output_handle_index: u8,
        /// ImportFlag.
        pub import_flag: ImportFlag,
        /// PropertyValues, preceded by PropertyValueCount (2 bytes): the
        /// message's identification and change properties.
        pub property_values: List<'a, TaggedPropertyValue<'a>> = ctx(TAGGED_U16),
    }
}

crate::wire_struct! {
    /// The MessageId success body of RopSynchronizationImportMessageChange
    /// (MS-OXCROPS 2.2.13.2.2, echoing OutputHandleIndex) and of
    /// RopSynchronizationImportMessageMove (2.2.13.6.2, echoing
    /// InputHandleIndex). The specification sets it to zero for both.
    ///
    /// ```
    /// use mapi_wire::rop::ImportMessageSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = ImportMessageSuccess::decode(&[0; 8]).unwrap();
    /// assert_eq!(b.message_id.to_u64_le(), 0);
    /// ```
    #[derive(Copy)]
    pub struct ImportMessageSuccess {
        /// MessageId.
        pub message_id: MessageId,
    }
}

crate::wire_struct! {
    /// One MessageReadState of RopSynchronizationImportReadStateChanges
    /// (MS-OXCROPS 2.2.13.3.1.1): a message and whether it is now read.
    ///
    /// ```
    /// use mapi_wire::rop::MessageReadState;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (m, _) = MessageReadState::decode(&[2, 0, 0xAB, 0xCD, 1]).unwrap();
    /// assert_eq!(m.message_id.0, &[0xAB, 0xCD]);
    /// assert!(m.mark_as_read.get());
    /// ```
    #[derive(Copy)]
    pub struct MessageReadState<'a> {
        /// MessageId, preceded by MessageIdSize (2 bytes): the message's
        /// global identifier (a GID or foreign XID, not a MID).
        pub message_id: Bytes<'a> = ctx(Width::U16),
        /// MarkAsRead.
        pub mark_as_read: Bool8,
    }
}

/// MessageReadStateSize (2 bytes) and the MessageReadStates that fill
/// exactly that many bytes (MS-OXCROPS 2.2.13.3.1): a list framed by its
/// byte size rather than a count. Decoding walks and validates it once
/// (each element takes at least 3 bytes, so the walk is bounded by the
/// size) without allocating.
///
/// ```
/// use mapi_wire::rop::MessageReadStates;
/// use mapi_wire::wire::{Decode, Encode};
///
/// let bytes = [8, 0, 1, 0, 0xAA, 1, 1, 0, 0xBB, 0];
/// let (s, _) = MessageReadStates::decode(&bytes).unwrap();
/// assert_eq!(s.0.len(), 2);
/// assert!(!s.0.get(1).unwrap().mark_as_read.get());
/// assert_eq!(s.to_vec().unwrap(), bytes);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct MessageReadStates<'a>(pub List<'a, MessageReadState<'a>>);

impl<'a> Decode<'a> for MessageReadStates<'a> {
    type Ctx = ();
    const NAME: &'static str = "MessageReadStates";
    const MIN_LEN: usize = 2;

    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        let size = r.u16().in_field("message_read_state_size")?;
        let sub = r.sub(usize::from(size)).in_field("message_read_states")?;
        // First walk: count the elements (each consumes at least 3 bytes).
        let mut walk = sub.clone();
        let mut n = 0usize;
        while !walk.is_empty() {
            MessageReadState::decode_from(&mut walk, ())
                .at_index(n)
                .in_field("message_read_states")?;
            n += 1;
        }
        // Second: keep them as a list over the same bytes.
        let mut keep = sub;
        let list =
            List::decode_from(&mut keep, (Count::Known(n), ())).in_field("message_read_states")?;
        Ok(MessageReadStates(list))
    }
}

impl Encode for MessageReadStates<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        2 + self.0.encoded_len_with((Count::Known(self.0.len()), ()))
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        let cx = (Count::Known(self.0.len()), ());
        let n = self.0.encoded_len_with(cx);
        let size = u16::try_from(n).map_err(|_| {
            Error::new(ErrorKind::Unencodable { value: n as u64 }, s.position())
                .in_field("message_read_state_size")
        })?;
        s.put_u16(size)?;
        self.0.encode_with(s, cx).in_field("message_read_states")
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for MessageReadStates<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

crate::wire_struct! {
    /// RopSynchronizationImportReadStateChanges request (MS-OXCROPS
    /// 2.2.13.3.1; MS-OXCFXICS 2.2.3.2.4.6): imports read-state changes
    /// through a collector. The response is the plain one, echoing
    /// InputHandleIndex (2.2.13.3.2).
    ///
    /// ```
    /// use mapi_wire::rop::SynchronizationImportReadStateChangesRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = SynchronizationImportReadStateChangesRequest::decode(&[0, 1, 4, 0, 1, 0, 0xAA, 1]).unwrap();
    /// assert_eq!(r.message_read_states.0.len(), 1);
    /// ```
    #[derive(Copy)]
    pub struct SynchronizationImportReadStateChangesRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the collector.
        pub input_handle_index: u8,
        /// MessageReadStateSize and MessageReadStates.
        pub message_read_states: MessageReadStates<'a>,
    }
}

crate::wire_struct! {
    /// RopSynchronizationImportHierarchyChange request (MS-OXCROPS
    /// 2.2.13.4.1; MS-OXCFXICS 2.2.3.2.4.3.1): imports a new or changed
    /// folder through a collector.
    ///
    /// ```
    /// use mapi_wire::rop::SynchronizationImportHierarchyChangeRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 1, 1, 0, 0x03, 0x00, 0x17, 0x00, 1, 0, 0, 0, 0, 0];
    /// let (r, _) = SynchronizationImportHierarchyChangeRequest::decode(&bytes).unwrap();
    /// assert_eq!((r.hierarchy_values.len(), r.property_values.len()), (1, 0));
    /// ```
    pub struct SynchronizationImportHierarchyChangeRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the collector.
        pub input_handle_index: u8,
        /// HierarchyValues, preceded by HierarchyValueCount (2 bytes): the
        /// folder's identification properties.
        pub hierarchy_values: List<'a, TaggedPropertyValue<'a>> = ctx(TAGGED_U16),
        /// PropertyValues, preceded by PropertyValueCount (2 bytes): the
        /// folder's other properties.
        pub property_values: List<'a, TaggedPropertyValue<'a>> = ctx(TAGGED_U16),
    }
}

crate::wire_struct! {
    /// RopSynchronizationImportHierarchyChange success response body
    /// (MS-OXCROPS 2.2.13.4.2). The specification sets FolderId to zero.
    ///
    /// ```
    /// use mapi_wire::rop::ImportHierarchyChangeSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (b, _) = ImportHierarchyChangeSuccess::decode(&[0; 8]).unwrap();
    /// assert_eq!(b.folder_id.to_u64_le(), 0);
    /// ```
    #[derive(Copy)]
    pub struct ImportHierarchyChangeSuccess {
        /// FolderId.
        pub folder_id: FolderId,
    }
}

crate::wire_struct! {
    /// RopSynchronizationImportDeletes request (MS-OXCROPS 2.2.13.5.1;
    /// MS-OXCFXICS 2.2.3.2.4.5.1): imports deletions through a collector;
    /// PropertyValues normally holds one PidTagSourceKey list
    /// (PtypMultipleBinary). The response is the plain one, echoing
    /// InputHandleIndex (2.2.13.5.2).
    ///
    /// ```
    /// use mapi_wire::rop::{ImportDeleteFlags, SynchronizationImportDeletesRequest};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = SynchronizationImportDeletesRequest::decode(&[0, 1, 0x02, 0, 0]).unwrap();
    /// assert_eq!(r.import_delete_flags, ImportDeleteFlags::HARD_DELETE);
    /// ```
    pub struct SynchronizationImportDeletesRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the collector.
        pub input_handle_index: u8,
        /// ImportDeleteFlags.
        pub import_delete_flags: ImportDeleteFlags,
        /// PropertyValues, preceded by PropertyValueCount (2 bytes).
        pub property_values: List<'a, TaggedPropertyValue<'a>> = ctx(TAGGED_U16),
    }
}

crate::wire_struct! {
    /// RopSynchronizationImportMessageMove request (MS-OXCROPS 2.2.13.6.1;
    /// MS-OXCFXICS 2.2.3.2.4.4.1): imports the move of a message between
    /// folders. Each field is preceded by its 4-byte size; the identifiers
    /// are global (source keys), not MIDs.
    ///
    /// ```
    /// use mapi_wire::rop::SynchronizationImportMessageMoveRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let bytes = [0, 1, 1, 0, 0, 0, 0xA1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let (r, _) = SynchronizationImportMessageMoveRequest::decode(&bytes).unwrap();
    /// assert_eq!(r.source_folder_id.0, &[0xA1]);
    /// assert!(r.change_number.0.is_empty());
    /// ```
    #[derive(Copy)]
    pub struct SynchronizationImportMessageMoveRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the collector of the destination folder.
        pub input_handle_index: u8,
        /// SourceFolderId, preceded by SourceFolderIdSize (4 bytes).
        pub source_folder_id: Bytes<'a> = ctx(Width::U32),
        /// SourceMessageId, preceded by SourceMessageIdSize (4 bytes).
        pub source_message_id: Bytes<'a> = ctx(Width::U32),
        /// PredecessorChangeList, preceded by PredecessorChangeListSize (4
        /// bytes).
        pub predecessor_change_list: Bytes<'a> = ctx(Width::U32),
        /// DestinationMessageId, preceded by DestinationMessageIdSize (4
        /// bytes).
        pub destination_message_id: Bytes<'a> = ctx(Width::U32),
        /// ChangeNumber, preceded by ChangeNumberSize (4 bytes).
        pub change_number: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// RopSynchronizationOpenCollector request (MS-OXCROPS 2.2.13.7.1;
    /// MS-OXCFXICS 2.2.3.2.4.1.1): opens an upload (collector) context on a
    /// folder. The response is the plain one, echoing OutputHandleIndex
    /// (2.2.13.7.2).
    ///
    /// ```
    /// use mapi_wire::rop::SynchronizationOpenCollectorRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = SynchronizationOpenCollectorRequest::decode(&[0, 0, 1, 1]).unwrap();
    /// assert!(r.is_contents_collector.get());
    /// ```
    #[derive(Copy)]
    pub struct SynchronizationOpenCollectorRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the folder.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the collector's handle goes.
        pub output_handle_index: u8,
        /// IsContentsCollector: contents (TRUE) or hierarchy (FALSE).
        pub is_contents_collector: Bool8,
    }
}

crate::wire_struct! {
    /// RopSynchronizationGetTransferState request (MS-OXCROPS 2.2.13.8.1;
    /// MS-OXCFXICS 2.2.3.2.3.1): opens a FastTransfer download context
    /// whose stream is the current ICS state of a synchronization context.
    /// The response is the plain one, echoing OutputHandleIndex
    /// (2.2.13.8.2).
    ///
    /// ```
    /// use mapi_wire::rop::SynchronizationGetTransferStateRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = SynchronizationGetTransferStateRequest::decode(&[0, 1, 2]).unwrap();
    /// assert_eq!(r.output_handle_index, 2);
    /// ```
    #[derive(Copy)]
    pub struct SynchronizationGetTransferStateRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the synchronization context.
        pub input_handle_index: u8,
        /// OutputHandleIndex: where the download context's handle goes.
        pub output_handle_index: u8,
    }
}

crate::wire_struct! {
    /// RopSynchronizationUploadStateStreamBegin request (MS-OXCROPS
    /// 2.2.13.9.1; MS-OXCFXICS 2.2.3.2.2.1.1): starts uploading one ICS
    /// state property. The response is the plain one, echoing
    /// InputHandleIndex (2.2.13.9.2).
    ///
    /// ```
    /// use mapi_wire::rop::SynchronizationUploadStateStreamBeginRequest as Begin;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = Begin::decode(&[0, 1, 0x02, 0x01, 0x96, 0x67, 0x10, 0, 0, 0]).unwrap();
    /// assert_eq!(r.state_property, Begin::META_TAG_CNSET_SEEN);
    /// assert_eq!(r.transfer_buffer_size, 16);
    /// ```
    #[derive(Copy)]
    pub struct SynchronizationUploadStateStreamBeginRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the synchronization or collector context.
        pub input_handle_index: u8,
        /// StateProperty: which ICS state property follows
        /// (MetaTagIdsetGiven, MetaTagCnsetSeen, MetaTagCnsetSeenFAI or
        /// MetaTagCnsetRead).
        pub state_property: PropertyTag,
        /// TransferBufferSize: the size of the whole state stream.
        pub transfer_buffer_size: u32,
    }
}

impl SynchronizationUploadStateStreamBeginRequest {
    /// MetaTagIdsetGiven (MS-OXCFXICS 2.2.1.1.1): 0x4017, typed
    /// PtypInteger32 on the wire although its value is binary.
    ///
    /// ```
    /// use mapi_wire::rop::SynchronizationUploadStateStreamBeginRequest as Begin;
    /// assert_eq!(Begin::META_TAG_IDSET_GIVEN.0, 0x4017_0003);
    /// ```
    pub const META_TAG_IDSET_GIVEN: PropertyTag = PropertyTag(0x4017_0003);
    /// MetaTagCnsetSeen (MS-OXCFXICS 2.2.1.1.2).
    ///
    /// ```
    /// use mapi_wire::rop::SynchronizationUploadStateStreamBeginRequest as Begin;
    /// assert_eq!(Begin::META_TAG_CNSET_SEEN.0, 0x6796_0102);
    /// ```
    pub const META_TAG_CNSET_SEEN: PropertyTag = PropertyTag(0x6796_0102);
    /// MetaTagCnsetSeenFAI (MS-OXCFXICS 2.2.1.1.3).
    ///
    /// ```
    /// use mapi_wire::rop::SynchronizationUploadStateStreamBeginRequest as Begin;
    /// assert_eq!(Begin::META_TAG_CNSET_SEEN_FAI.0, 0x67DA_0102);
    /// ```
    pub const META_TAG_CNSET_SEEN_FAI: PropertyTag = PropertyTag(0x67DA_0102);
    /// MetaTagCnsetRead (MS-OXCFXICS 2.2.1.1.4).
    ///
    /// ```
    /// use mapi_wire::rop::SynchronizationUploadStateStreamBeginRequest as Begin;
    /// assert_eq!(Begin::META_TAG_CNSET_READ.0, 0x67D2_0102);
    /// ```
    pub const META_TAG_CNSET_READ: PropertyTag = PropertyTag(0x67D2_0102);
}

crate::wire_struct! {
    /// RopSynchronizationUploadStateStreamContinue request (MS-OXCROPS
    /// 2.2.13.10.1; MS-OXCFXICS 2.2.3.2.2.2.1): the next fragment of the
    /// state property that RopSynchronizationUploadStateStreamBegin
    /// announced; fragments concatenate. The response is the plain one,
    /// echoing InputHandleIndex (2.2.13.10.2).
    ///
    /// ```
    /// use mapi_wire::rop::SynchronizationUploadStateStreamContinueRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = SynchronizationUploadStateStreamContinueRequest::decode(&[0, 1, 1, 0, 0, 0, 0x7F]).unwrap();
    /// assert_eq!(r.stream_data.0, &[0x7F]);
    /// ```
    #[derive(Copy)]
    pub struct SynchronizationUploadStateStreamContinueRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the synchronization or collector context.
        pub input_handle_index: u8,
        /// StreamData, preceded by StreamDataSize (4 bytes): opaque state
        /// stream bytes.
        pub stream_data: Bytes<'a> = ctx(Width::U32),
    }
}

crate::wire_struct! {
    /// RopSynchronizationUploadStateStreamEnd request (MS-OXCROPS
    /// 2.2.13.11.1; MS-OXCFXICS 2.2.3.2.2.3.1): ends the upload of a state
    /// property. The response is the plain one, echoing InputHandleIndex
    /// (2.2.13.11.2).
    ///
    /// ```
    /// use mapi_wire::rop::SynchronizationUploadStateStreamEndRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = SynchronizationUploadStateStreamEndRequest::decode(&[0, 1]).unwrap();
    /// assert_eq!(r.input_handle_index, 1);
    /// ```
    #[derive(Copy)]
    pub struct SynchronizationUploadStateStreamEndRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the synchronization or collector context.
        pub input_handle_index: u8,
    }
}

crate::wire_struct! {
    /// A LongTermIdRange (MS-OXCROPS 2.2.13.12.1.1): the first and last
    /// LongTermIDs of a range of message IDs, 48 bytes.
    ///
    /// ```
    /// use mapi_wire::rop::LongTermIdRange;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = LongTermIdRange::decode(&[0; 48]).unwrap();
    /// assert_eq!(r.min_long_term_id, r.max_long_term_id);
    /// ```
    #[derive(Copy, Eq, Hash)]
    pub struct LongTermIdRange {
        /// MinLongTermId: the start of the range.
        pub min_long_term_id: LongTermId,
        /// MaxLongTermId: the end of the range.
        pub max_long_term_id: LongTermId,
    }
}

impl Fixed for LongTermIdRange {
    const SIZE: usize = 48;
}

/// DataSize (2 bytes), LongTermIdRangeCount (4 bytes) and the
/// LongTermIdRanges of RopSetLocalReplicaMidsetDeleted (MS-OXCROPS
/// 2.2.13.12.1). DataSize counts the two fields after it and must match
/// them exactly (Exchange's RpcClientAccess parser rejects a mismatch; so
/// do we), so it is not kept: encoding computes it.
///
/// ```
/// use mapi_wire::rop::LongTermIdRanges;
/// use mapi_wire::wire::{Decode, Encode};
///
/// let mut bytes = vec![52, 0, 1, 0, 0, 0];
/// bytes.extend([0u8; 48]);
/// let (r, _) = LongTermIdRanges::decode(&bytes).unwrap();
/// assert_eq!(r.0.len(), 1);
/// assert_eq!(r.to_vec().unwrap(), bytes);
/// bytes[0] = 53; // DataSize one too large
/// assert!(LongTermIdRanges::decode(&bytes).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct LongTermIdRanges<'a>(pub Array<'a, LongTermIdRange>);

impl<'a> Decode<'a> for LongTermIdRanges<'a> {
    type Ctx = ();
    const NAME: &'static str = "LongTermIdRanges";
    const MIN_LEN: usize = 6;

    fn decode_from(r: &mut Reader<'a>, _: ()) -> Result<Self, Error> {
        let size = r.u16().in_field("data_size")?;
        let mut sub = r.sub(usize::from(size)).in_field("data_size")?;
        let ranges = Array::decode_from(&mut sub, Count::Prefix(Width::U32))
            .in_field("long_term_id_ranges")?;
        sub.finish().in_field("data_size")?;
        Ok(LongTermIdRanges(ranges))
    }
}

impl Encode for LongTermIdRanges<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        2 + self.0.encoded_len_with(Count::Prefix(Width::U32))
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        let n = self.0.encoded_len_with(Count::Prefix(Width::U32));
        let size = u16::try_from(n).map_err(|_| {
            Error::new(ErrorKind::Unencodable { value: n as u64 }, s.position())
                .in_field("data_size")
        })?;
        s.put_u16(size)?;
        self.0
            .encode_with(s, Count::Prefix(Width::U32))
            .in_field("long_term_id_ranges")
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for LongTermIdRanges<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

crate::wire_struct! {
    /// RopSetLocalReplicaMidsetDeleted request (MS-OXCROPS 2.2.13.12.1;
    /// MS-OXCFXICS 2.2.3.2.4.8): reports ranges of IDs, allocated with
    /// RopGetLocalReplicaIds, that a folder will never use. The response is
    /// the plain one, echoing InputHandleIndex (2.2.13.12.2).
    ///
    /// ```
    /// use mapi_wire::rop::SetLocalReplicaMidsetDeletedRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = SetLocalReplicaMidsetDeletedRequest::decode(&[0, 1, 4, 0, 0, 0, 0, 0]).unwrap();
    /// assert!(r.long_term_id_ranges.0.is_empty());
    /// ```
    #[derive(Copy)]
    pub struct SetLocalReplicaMidsetDeletedRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the folder.
        pub input_handle_index: u8,
        /// DataSize, LongTermIdRangeCount and LongTermIdRanges.
        pub long_term_id_ranges: LongTermIdRanges<'a>,
    }
}

crate::wire_struct! {
    /// RopGetLocalReplicaIds request (MS-OXCROPS 2.2.13.13.1; MS-OXCFXICS
    /// 2.2.3.2.4.7.1): reserves a range of IDs for objects created in a
    /// local replica.
    ///
    /// ```
    /// use mapi_wire::rop::GetLocalReplicaIdsRequest;
    /// use mapi_wire::wire::Decode;
    ///
    /// let (r, _) = GetLocalReplicaIdsRequest::decode(&[0, 0, 0x00, 0x02, 0, 0]).unwrap();
    /// assert_eq!(r.id_count, 0x200);
    /// ```
    #[derive(Copy)]
    pub struct GetLocalReplicaIdsRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the logon.
        pub input_handle_index: u8,
        /// IdCount: how many IDs to reserve.
        pub id_count: u32,
    }
}

crate::wire_struct! {
    /// RopGetLocalReplicaIds success response body (MS-OXCROPS
    /// 2.2.13.13.2): the reserved range is GlobalCount to GlobalCount +
    /// IdCount - 1 under ReplGuid (MS-OXCFXICS 3.3.5.8.12).
    ///
    /// ```
    /// use mapi_wire::rop::GetLocalReplicaIdsSuccess;
    /// use mapi_wire::wire::Decode;
    ///
    /// let mut bytes = [0u8; 22];
    /// bytes[21] = 0x2A;
    /// let (b, _) = GetLocalReplicaIdsSuccess::decode(&bytes).unwrap();
    /// assert_eq!(b.global_count.value(), 42);
    /// ```
    #[derive(Copy)]
    pub struct GetLocalReplicaIdsSuccess {
        /// ReplGuid: the replica GUID the IDs share.
        pub repl_guid: Guid,
        /// GlobalCount: the first counter of the range.
        pub global_count: GlobalCounter,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_read_states_fill_their_size_exactly() {
        // Size 5 but the one element needs 4: the rest does not decode.
        let e = MessageReadStates::decode(&[5, 0, 1, 0, 0xAA, 1, 0xFF]).unwrap_err();
        assert_eq!(e.offset(), 6);
        // An element running past the size is an error, not a read beyond.
        assert!(MessageReadStates::decode(&[3, 0, 2, 0, 0xAA, 0xBB, 1]).is_err());
        // Empty.
        let (s, _) = MessageReadStates::decode(&[0, 0]).unwrap();
        assert!(s.0.is_empty());
    }

    #[test]
    fn long_term_id_ranges_count_is_checked_before_use() {
        // Two ranges announced, none present: refused before the walk.
        let e = LongTermIdRanges::decode(&[4, 0, 2, 0, 0, 0]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "LongTermIdRanges.LongTermIdRanges: 2 items need at least 96 bytes, 0 remain (offset 2)"
        );
        // An absurd count meets the configured limit first.
        let e = LongTermIdRanges::decode(&[4, 0, 0xFF, 0xFF, 0xFF, 0xFF]).unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::LimitExceeded { .. }), "{e}");
    }
}
