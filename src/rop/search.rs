//! Search-folder ROPs (MS-OXCROPS 2.2.4.4, 2.2.4.5; semantics in
//! MS-OXCFOLD 2.2.1.4, 2.2.1.5): RopSetSearchCriteria and
//! RopGetSearchCriteria.
//!
//! Each request is the ROP's fields after its RopId; each response body is
//! the part after ReturnValue (the framing lives in [`Response`](super::Response)).

use super::common::{Bool8, RestrictionData};
use crate::data::FolderId;
use crate::wire::{Array, Count, Width};

crate::wire_flags! {
    /// SearchFlags of the RopSetSearchCriteria request (MS-OXCFOLD
    /// 2.2.1.4.1): how the search runs. The names and values are the
    /// table of that section (OpenChange's `exchange.idl` and gromox agree).
    ///
    /// ```
    /// use mapi_wire::rop::SearchFlags;
    ///
    /// let f = SearchFlags::RESTART_SEARCH | SearchFlags::RECURSIVE_SEARCH;
    /// assert_eq!(f.bits(), 0x0000_0006);
    /// ```
    pub struct SearchFlags: u32 {
        /// STOP_SEARCH: the search is aborted.
        const STOP_SEARCH = 0x0000_0001;
        /// RESTART_SEARCH: the search is started (or restarted).
        const RESTART_SEARCH = 0x0000_0002;
        /// RECURSIVE_SEARCH: the folders' subfolders are searched too.
        const RECURSIVE_SEARCH = 0x0000_0004;
        /// SHALLOW_SEARCH: only the listed folders are searched.
        const SHALLOW_SEARCH = 0x0000_0008;
        /// CONTENT_INDEXED_SEARCH: the search uses the content index.
        const CONTENT_INDEXED_SEARCH = 0x0001_0000;
        /// NON_CONTENT_INDEXED_SEARCH: the search does not use the content
        /// index.
        const NON_CONTENT_INDEXED_SEARCH = 0x0002_0000;
        /// STATIC_SEARCH: the folder is filled once and not kept up to date.
        const STATIC_SEARCH = 0x0004_0000;
    }
}

crate::wire_flags! {
    /// SearchFlags of the RopGetSearchCriteria response (MS-OXCFOLD
    /// 2.2.1.5.2): the state of the current search. A different set of
    /// bits from the request's [`SearchFlags`], though the field has the
    /// same name; the client ignores the other bits.
    ///
    /// ```
    /// use mapi_wire::rop::SearchState;
    ///
    /// let s = SearchState::from_bits_retain(0x0000_1004);
    /// assert!(s.contains(SearchState::SEARCH_COMPLETE | SearchState::SEARCH_RECURSIVE));
    /// assert!(!s.contains(SearchState::SEARCH_RUNNING));
    /// ```
    pub struct SearchState: u32 {
        /// SEARCH_RUNNING: the initial population is still being compiled.
        const SEARCH_RUNNING = 0x0000_0001;
        /// SEARCH_REBUILD: the search is in its CPU-intensive part.
        const SEARCH_REBUILD = 0x0000_0002;
        /// SEARCH_RECURSIVE: subfolders are searched.
        const SEARCH_RECURSIVE = 0x0000_0004;
        /// SEARCH_COMPLETE: the results are complete.
        const SEARCH_COMPLETE = 0x0000_1000;
        /// SEARCH_PARTIAL: only some parts of messages were searched.
        const SEARCH_PARTIAL = 0x0000_2000;
        /// SEARCH_STATIC: the search is static.
        const SEARCH_STATIC = 0x0001_0000;
        /// SEARCH_MAYBE_STATIC: the search is still being evaluated.
        const SEARCH_MAYBE_STATIC = 0x0002_0000;
        /// CI_TOTALLY: the search used the content index only.
        const CI_TOTALLY = 0x0100_0000;
        /// TWIR_TOTALLY: the search did not use the content index.
        const TWIR_TOTALLY = 0x0800_0000;
    }
}

crate::wire_struct! {
    /// RopSetSearchCriteria request (MS-OXCROPS 2.2.4.4.1; MS-OXCFOLD
    /// 2.2.1.4.1): sets the restriction and the scope of a search folder.
    /// The response (2.2.4.4.2) is the ReturnValue alone.
    ///
    /// ```
    /// use mapi_wire::rop::{RopContext, RopRequest, SearchFlags};
    /// use mapi_wire::wire::Decode;
    ///
    /// // No new restriction, one folder, RESTART_SEARCH.
    /// let bytes = [0x30, 0x00, 0x01, 0x00, 0x00, 0x01, 0x00,
    ///     0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x2A, 0x02, 0x00, 0x00, 0x00];
    /// let (r, _) = RopRequest::decode_with(&bytes, RopContext::default()).unwrap();
    /// let RopRequest::SetSearchCriteria(s) = r else { panic!() };
    /// assert!(s.restriction_data.0.is_none());
    /// assert_eq!(s.folder_ids.len(), 1);
    /// assert_eq!(s.search_flags, SearchFlags::RESTART_SEARCH);
    /// ```
    pub struct SetSearchCriteriaRequest<'a> {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the search folder.
        pub input_handle_index: u8,
        /// RestrictionDataSize and RestrictionData: the search criteria;
        /// none (size 0) reuses the criteria of the previous search.
        pub restriction_data: RestrictionData<'a>,
        /// FolderIds, preceded by FolderIdCount (2 bytes): the folders to
        /// search; none reuses the previous search's folders.
        pub folder_ids: Array<'a, FolderId> = ctx(Count::Prefix(Width::U16)),
        /// SearchFlags.
        pub search_flags: SearchFlags,
    }
}

crate::wire_struct! {
    /// RopGetSearchCriteria request (MS-OXCROPS 2.2.4.5.1; MS-OXCFOLD
    /// 2.2.1.5.1).
    ///
    /// ```
    /// use mapi_wire::rop::{Bool8, RopContext, RopRequest};
    /// use mapi_wire::wire::Decode;
    ///
    /// // MS-OXCFOLD 4.9.1.
    /// let (r, _) = RopRequest::decode_with(&[0x31, 0x00, 0x00, 0x01, 0x01, 0x00],
    ///     RopContext::default()).unwrap();
    /// let RopRequest::GetSearchCriteria(g) = r else { panic!() };
    /// assert_eq!(g.include_restriction, Bool8::TRUE);
    /// assert_eq!(g.include_folders, Bool8::FALSE);
    /// ```
    #[derive(Copy)]
    pub struct GetSearchCriteriaRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the search folder.
        pub input_handle_index: u8,
        /// UseUnicode: strings in the returned restriction are to be
        /// Unicode (TRUE) or 8-bit.
        pub use_unicode: Bool8,
        /// IncludeRestriction: return the restriction.
        pub include_restriction: Bool8,
        /// IncludeFolders: return the searched folders.
        pub include_folders: Bool8,
    }
}

crate::wire_struct! {
    /// RopGetSearchCriteria success response body (MS-OXCROPS 2.2.4.5.2;
    /// MS-OXCFOLD 2.2.1.5.2). The failure response (2.2.4.5.3) has no body.
    ///
    /// ```
    /// use mapi_wire::rop::{GetSearchCriteriaSuccess, SearchState};
    /// use mapi_wire::wire::{Decode, Encode};
    ///
    /// // No restriction, LogonId 0, no folders, SEARCH_COMPLETE.
    /// let bytes = [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00];
    /// let (g, _) = GetSearchCriteriaSuccess::decode(&bytes).unwrap();
    /// assert!(g.restriction_data.0.is_none());
    /// assert_eq!(g.search_flags, SearchState::SEARCH_COMPLETE);
    /// assert_eq!(g.to_vec().unwrap(), bytes);
    /// ```
    pub struct GetSearchCriteriaSuccess<'a> {
        /// RestrictionDataSize and RestrictionData (none when the request
        /// did not ask for it).
        pub restriction_data: RestrictionData<'a>,
        /// LogonId: echoes the request's LogonId.
        pub logon_id: u8,
        /// FolderIds, preceded by FolderIdCount (2 bytes): the searched
        /// folders (none when the request did not ask for them).
        pub folder_ids: Array<'a, FolderId> = ctx(Count::Prefix(Width::U16)),
        /// SearchFlags: the state of the search.
        pub search_flags: SearchState,
    }
}
