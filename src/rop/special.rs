//! The ROPs that steer the buffer rather than act on objects: RopRelease,
//! RopProgress, RopBufferTooSmall, RopBackoff and RopPending
//! (MS-OXCROPS 2.2.15, 2.2.8.13, 2.2.14.3).

use super::common::Bool8;
use super::context::RopFacts;
use crate::wire::{Array, Bytes, Count, Rest, Width};

crate::wire_struct! {
    /// RopRelease request (MS-OXCROPS 2.2.15.3.1): frees a handle. The
    /// server never answers it.
    #[derive(Copy)]
    pub struct ReleaseRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the object to release.
        pub input_handle_index: u8,
    }
}

crate::wire_struct! {
    /// RopProgress request (MS-OXCROPS 2.2.8.13.1): polls, or cancels, an
    /// asynchronous operation.
    #[derive(Copy)]
    pub struct ProgressRequest {
        /// LogonId.
        pub logon_id: u8,
        /// InputHandleIndex: the object of the operation.
        pub input_handle_index: u8,
        /// WantCancel.
        pub want_cancel: Bool8,
    }
}

crate::wire_struct! {
    /// RopProgress success response body (MS-OXCROPS 2.2.8.13.2). It can
    /// also stand in for the response of an asynchronous ROP that is still
    /// running.
    #[derive(Copy)]
    pub struct ProgressSuccess {
        /// LogonId.
        pub logon_id: u8,
        /// CompletedTaskCount.
        pub completed_task_count: u32,
        /// TotalTaskCount.
        pub total_task_count: u32,
    }
}

crate::wire_struct! {
    /// RopBufferTooSmall (MS-OXCROPS 2.2.15.1.1), after its RopId: the
    /// output buffer was too small for the next response. It is always the
    /// last ROP of the RopsList; RequestBuffers holds the requests that
    /// were not processed, verbatim, to the end of the list.
    #[derive(Copy)]
    pub struct BufferTooSmallResponse<'a> (cx: RopFacts) {
        /// SizeNeeded: the output buffer size the next response needs.
        pub size_needed: u16,
        /// RequestBuffers: the unprocessed requests.
        pub request_buffers: Rest<'a>,
    }
}

crate::wire_struct! {
    /// RopPending (MS-OXCROPS 2.2.14.3.1), after its RopId: notifications
    /// are waiting on the session of SessionIndex.
    #[derive(Copy)]
    pub struct PendingResponse (cx: RopFacts) {
        /// SessionIndex.
        pub session_index: u16,
    }
}

crate::wire_struct! {
    /// One BackoffRop of RopBackoff (MS-OXCROPS 2.2.15.2.1.1): a ROP the
    /// client is to delay.
    #[derive(Copy, Eq, Hash)]
    pub struct BackoffRop {
        /// RopIdBackoff.
        pub rop_id_backoff: u8,
        /// Duration in milliseconds.
        pub duration: u32,
    }
}

impl crate::wire::Fixed for BackoffRop {
    const SIZE: usize = 5;
}

crate::wire_struct! {
    /// RopBackoff (MS-OXCROPS 2.2.15.2.1), after its RopId: the server asks
    /// the client to slow down. It may stand at any position of the
    /// RopsList; the responses after it are absent. A BackoffRopCount of 0
    /// means every ROP of the logon backs off for Duration.
    #[derive(Copy)]
    pub struct BackoffResponse<'a> (cx: RopFacts) {
        /// LogonId.
        pub logon_id: u8,
        /// Duration in milliseconds for the whole logon.
        pub duration: u32,
        /// BackoffRopData, preceded by BackoffRopCount (1 byte).
        pub backoff_rop_data: Array<'a, BackoffRop> = ctx(Count::Prefix(Width::U8)),
        /// AdditionalData, preceded by AdditionalDataSize (2 bytes).
        pub additional_data: Bytes<'a> = ctx(Width::U16),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{Decode, Encode};

    #[test]
    fn backoff_round_trip() {
        // Construction (MS-OXCROPS 2.2.15.2.1): logon 0, 1000 ms, one
        // BackoffRop (RopQueryRows, 500 ms), no additional data.
        let b = [
            0x00, 0xE8, 0x03, 0, 0, 0x01, 0x15, 0xF4, 0x01, 0, 0, 0x00, 0x00,
        ];
        let (v, rest) = BackoffResponse::decode_with(&b, RopFacts::default()).unwrap();
        assert!(rest.is_empty());
        assert_eq!(v.duration, 1000);
        assert_eq!(
            v.backoff_rop_data.get(0),
            Some(BackoffRop {
                rop_id_backoff: 0x15,
                duration: 500
            })
        );
        assert_eq!(v.to_vec_with(RopFacts::default()).unwrap(), b);
    }
}
