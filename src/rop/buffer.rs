//! ROP input and output buffers (MS-OXCROPS 2.2.1): RopSize, RopsList and
//! ServerObjectHandleTable, the allocation-free walkers over their ROPs,
//! and the pairing of responses with requests that gives each response its
//! context.

use super::context::{LogonKind, RopContext};
use super::{RopId, RopRequest, RopResponse};
use crate::data::PropertyTag;
use crate::wire::{Array, Count, Decode, Error, ErrorKind, Reader, ResultExt};

/// The logon kinds known for LogonIds 0–255 (from RopLogon requests seen
/// earlier in the buffer or the session).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LogonMap {
    known: [u128; 2],
    private: [u128; 2],
}

impl LogonMap {
    /// The word of `bits` that holds `logon_id`'s bit, and that bit.
    const fn split(logon_id: u8) -> (usize, u128) {
        let word = if logon_id < 0x80 { 0 } else { 1 };
        (word, 1 << (logon_id & 0x7F))
    }

    /// The kind of `logon_id`, if known.
    pub const fn get(&self, logon_id: u8) -> Option<LogonKind> {
        let (w, bit) = Self::split(logon_id);
        let (known, private) = if w == 0 {
            (self.known[0], self.private[0])
        } else {
            (self.known[1], self.private[1])
        };
        if known & bit == 0 {
            None
        } else if private & bit != 0 {
            Some(LogonKind::Private)
        } else {
            Some(LogonKind::Public)
        }
    }

    /// Records the kind of `logon_id`.
    pub fn set(&mut self, logon_id: u8, kind: LogonKind) {
        let (w, bit) = Self::split(logon_id);
        let (known, private) = if w == 0 {
            (&mut self.known[0], &mut self.private[0])
        } else {
            (&mut self.known[1], &mut self.private[1])
        };
        *known |= bit;
        match kind {
            LogonKind::Private => *private |= bit,
            LogonKind::Public => *private &= !bit,
        }
    }
}

/// What a session knows from earlier buffers: the kind of each logon and
/// the columns of the tables and messages it has seen, by server handle.
/// Implemented by [`Session`](super::Session); a proxy with its own
/// bookkeeping can implement it too.
pub trait ContextSource {
    /// The kind of a logon.
    fn logon(&self, logon_id: u8) -> Option<LogonKind> {
        let _ = logon_id;
        None
    }
    /// The columns last set on the table with this server handle.
    fn table_columns(&self, handle: u32) -> Option<&[PropertyTag]> {
        let _ = handle;
        None
    }
    /// The recipient columns of the message with this server handle.
    fn recipient_columns(&self, handle: u32) -> Option<&[PropertyTag]> {
        let _ = handle;
        None
    }
}

/// The frame of a ROP buffer (MS-OXCROPS 2.2.1): RopSize (2 bytes, the
/// size of itself and the RopsList), the RopsList, and the
/// ServerObjectHandleTable that fills the rest of the buffer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RopFrame<'a> {
    /// The RopsList bytes.
    pub rops_list: &'a [u8],
    /// Absolute offset of the RopsList.
    pub rops_offset: usize,
    /// The ServerObjectHandleTable: one 4-byte handle per slot.
    pub server_object_handle_table: Array<'a, u32>,
}

impl<'a> RopFrame<'a> {
    /// Splits a whole ROP buffer (every remaining byte of `r`) into its
    /// parts. RopSize must be at least 2 and within the buffer, and the
    /// bytes after the RopsList must be whole 4-byte handles.
    pub fn read(r: &mut Reader<'a>) -> Result<Self, Error> {
        if r.remaining() > r.limits().max_rop_buffer {
            return Err(r.error(ErrorKind::limit_exceeded(
                r.remaining(),
                r.limits().max_rop_buffer,
            )));
        }
        let rop_size = r.u16().in_field("rop_size")?;
        // RopSize counts itself: at least 2.
        let Some(list_len) = rop_size.checked_sub(2) else {
            return Err(r.invalid(u64::from(rop_size), 2).in_field("rop_size"));
        };
        let rops_offset = r.offset();
        let rops_list = r.bytes(usize::from(list_len)).in_field("rops_list")?;
        let n = r.remaining() / 4;
        if !r.remaining().is_multiple_of(4) {
            return Err(r
                .error(ErrorKind::trailing(r.remaining() % 4))
                .in_field("server_object_handle_table"));
        }
        let server_object_handle_table =
            Array::decode_from(r, Count::Known(n)).in_field("server_object_handle_table")?;
        Ok(RopFrame {
            rops_list,
            rops_offset,
            server_object_handle_table,
        })
    }

    /// The handle in slot `index`, if the table has that slot.
    pub fn handle(&self, index: u8) -> Option<u32> {
        self.server_object_handle_table.get(usize::from(index))
    }
}

/// An allocation-free walk over the requests of a RopsList. The logon kind
/// of each request is tracked as RopLogon requests go by, for the two
/// requests whose layout depends on it.
///
/// ```
/// use mapi_wire::rop::{LogonMap, RequestWalker, RopId};
///
/// // Two RopRelease requests (MS-OXCROPS 4.4).
/// let list = [0x01, 0x00, 0x00, 0x01, 0x00, 0x01];
/// let ids: Vec<RopId> = RequestWalker::new(&list, 0, LogonMap::default())
///     .map(|r| r.unwrap().rop_id())
///     .collect();
/// assert_eq!(ids, [RopId::RELEASE, RopId::RELEASE]);
/// ```
#[derive(Clone, Debug)]
pub struct RequestWalker<'a> {
    r: Reader<'a>,
    logons: LogonMap,
    failed: bool,
}

impl<'a> RequestWalker<'a> {
    /// A walk over `rops_list`, which starts at absolute offset `offset`,
    /// knowing the logons in `logons`.
    pub fn new(rops_list: &'a [u8], offset: usize, logons: LogonMap) -> Self {
        RequestWalker {
            r: Reader::at_offset(rops_list, offset, crate::wire::Limits::DEFAULT),
            logons,
            failed: false,
        }
    }

    /// A walk with explicit limits.
    pub fn with_reader(r: Reader<'a>, logons: LogonMap) -> Self {
        RequestWalker {
            r,
            logons,
            failed: false,
        }
    }

    /// The logons known so far.
    pub fn logons(&self) -> LogonMap {
        self.logons
    }

    /// The absolute offset of the next request.
    pub fn offset(&self) -> usize {
        self.r.offset()
    }

    /// The next request and its byte range within the walked input,
    /// without the allocation of a collection.
    pub fn next_with_range(
        &mut self,
    ) -> Option<Result<(RopRequest<'a>, core::ops::Range<usize>), Error>> {
        if self.failed || self.r.is_empty() {
            return None;
        }
        let start = self.r.offset();
        // Every request starts with RopId and LogonId.
        let logon_id = self.r.peek_rest().get(1).copied();
        let cx = RopContext {
            logon: logon_id.and_then(|id| self.logons.get(id)),
            ..RopContext::default()
        };
        match RopRequest::decode_from(&mut self.r, cx) {
            Ok(req) => {
                if let (Some(kind), Some(id)) =
                    (super::pairing::request_logon_kind(&req), req.logon_id())
                {
                    self.logons.set(id, kind);
                }
                Some(Ok((req, start..self.r.offset())))
            }
            Err(e) => {
                self.failed = true;
                Some(Err(e))
            }
        }
    }
}

impl<'a> Iterator for RequestWalker<'a> {
    type Item = Result<RopRequest<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_with_range().map(|r| r.map(|(req, _)| req))
    }
}

/// The RopsList a learned column list lies in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum ListSrc {
    /// No column list (unknown, or reset).
    #[default]
    None,
    /// The input buffer's RopsList (the tags of a RopSetColumns request).
    Request,
    /// The output buffer's RopsList (the columns of a RopOpenMessage
    /// response).
    Response,
}

/// A column list learned in this buffer, kept as its place in one of the
/// two RopsLists (6 bytes where an `Option<Array>` takes 24), so that the
/// walker's 256 slots stay small: it is built for every buffer. A RopsList
/// is shorter than 64 KiB (RopSize is 2 bytes), so `u16` places suffice.
#[derive(Clone, Copy, Debug, Default)]
struct Cols {
    src: ListSrc,
    at: u16,
    len: u16,
}

/// What the response walker knows about one handle slot while it walks a
/// buffer.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    columns: Cols,
    recipient_columns: Cols,
    /// The state above was learned in this buffer (so the session's state
    /// for the slot's old handle no longer applies).
    fresh: bool,
}

/// The offset of `part` in `list`, when `part` is a sub-slice of it.
fn place_in(list: &[u8], part: &[u8]) -> Option<(u16, u16)> {
    let at = (part.as_ptr() as usize).checked_sub(list.as_ptr() as usize)?;
    if at.checked_add(part.len())? > list.len() {
        return None;
    }
    Some((u16::try_from(at).ok()?, u16::try_from(part.len()).ok()?))
}

/// The requests a response walk pairs its responses with.
#[derive(Clone, Copy)]
pub struct Pairing<'a> {
    /// The RopsList of the input buffer and its absolute offset.
    pub rops_list: &'a [u8],
    /// Offset of that RopsList.
    pub offset: usize,
    /// The input buffer's ServerObjectHandleTable.
    pub handles: Array<'a, u32>,
}

/// An allocation-free walk over the responses of a RopsList.
///
/// Responses are walked by the RopIds they carry (MS-OXCROPS 3.2.5.2):
/// requests that get no response (RopRelease) are skipped, RopProgress may
/// stand in for an asynchronous ROP, RopNotify and RopPending may appear
/// anywhere without a request, and RopBackoff and RopBufferTooSmall end the
/// list. Given the requests (a [`Pairing`]) and what the session knows (a
/// [`ContextSource`]), each response is decoded with its context: the
/// columns of its table (from a RopSetColumns earlier in the buffer or in
/// the session), the request's tag list, the logon kind; without them the
/// context-dependent parts are kept as raw bytes.
pub struct ResponseWalker<'a> {
    r: Reader<'a>,
    requests: Option<RequestWalker<'a>>,
    input_handles: Array<'a, u32>,
    output_handles: Array<'a, u32>,
    source: Option<&'a dyn ContextSource>,
    /// The RopsLists, where the column lists of the slots lie.
    in_list: &'a [u8],
    out_list: &'a [u8],
    slots: [Slot; 256],
    logons: LogonMap,
    done: bool,
}

impl<'a> ResponseWalker<'a> {
    /// A walk over the RopsList of an output buffer.
    pub fn new(
        frame: RopFrame<'a>,
        pairing: Option<Pairing<'a>>,
        source: Option<&'a dyn ContextSource>,
    ) -> Self {
        let logons = LogonMap::default();
        ResponseWalker {
            r: Reader::at_offset(
                frame.rops_list,
                frame.rops_offset,
                crate::wire::Limits::DEFAULT,
            ),
            requests: pairing.map(|p| RequestWalker::new(p.rops_list, p.offset, logons)),
            input_handles: pairing.map(|p| p.handles).unwrap_or_default(),
            output_handles: frame.server_object_handle_table,
            source,
            in_list: pairing.map(|p| p.rops_list).unwrap_or_default(),
            out_list: frame.rops_list,
            slots: [Slot::default(); 256],
            logons,
            done: false,
        }
    }

    /// Applies `limits` to the responses still to walk, and to the requests
    /// they pair with, instead of [`Limits::DEFAULT`](crate::wire::Limits).
    #[must_use]
    pub fn with_limits(mut self, limits: crate::wire::Limits) -> Self {
        self.set_limits(limits);
        self
    }

    /// [`with_limits`](Self::with_limits), in place.
    pub fn set_limits(&mut self, limits: crate::wire::Limits) {
        self.r = Reader::at_offset(self.r.peek_rest(), self.r.offset(), limits);
        if let Some(w) = &mut self.requests {
            w.r = Reader::at_offset(w.r.peek_rest(), w.r.offset(), limits);
        }
    }

    /// Sets the logons known before this buffer.
    #[must_use]
    pub fn with_logons(mut self, logons: LogonMap) -> Self {
        self.set_logons(logons);
        self
    }

    /// Sets the logons known before this buffer, in place (the walker is
    /// large enough that moving it shows in profiles).
    pub fn set_logons(&mut self, logons: LogonMap) {
        self.logons = logons;
        if let Some(w) = &mut self.requests {
            w.logons = logons;
        }
    }

    /// The request that `id` answers, consumed from the request walk when
    /// it matches (RopRelease requests, which get no response, are
    /// skipped).
    fn pair(&mut self, id: RopId) -> Option<RopRequest<'a>> {
        let w = self.requests.as_mut()?;
        loop {
            let mut peek = w.clone();
            let req = match peek.next()? {
                Ok(req) => req,
                Err(_) => return None,
            };
            if req.is_request_only() {
                *w = peek;
                continue;
            }
            let matches = req.rop_id() == id || (id == RopId::PROGRESS && is_asynchronous(&req));
            if matches {
                *w = peek;
                self.logons = w.logons();
                return Some(req);
            }
            return None;
        }
    }

    /// The server handle of a slot: from the input buffer's table when the
    /// walk has it, else from the output buffer's.
    fn slot_handle(&self, index: u8) -> Option<u32> {
        self.input_handles
            .get(usize::from(index))
            .or_else(|| self.output_handles.get(usize::from(index)))
    }

    /// The state of slot `index` (every u8 has a slot).
    fn slot(&self, index: u8) -> Option<&Slot> {
        self.slots.get(usize::from(index))
    }

    /// A column list as a slot keeps it. Every list learned comes from one
    /// of the two RopsLists, decoded by this walk.
    fn pack(&self, cols: Option<Array<'a, PropertyTag>>) -> Cols {
        let Some(bytes) = cols.and_then(|c| c.wire_bytes()) else {
            return Cols::default();
        };
        for (src, list) in [
            (ListSrc::Request, self.in_list),
            (ListSrc::Response, self.out_list),
        ] {
            if let Some((at, len)) = place_in(list, bytes) {
                return Cols { src, at, len };
            }
        }
        debug_assert!(false, "learned columns outside both RopsLists");
        Cols::default()
    }

    /// The column list a slot keeps.
    fn unpack(&self, c: Cols) -> Option<Array<'a, PropertyTag>> {
        let list = match c.src {
            ListSrc::None => return None,
            ListSrc::Request => self.in_list,
            ListSrc::Response => self.out_list,
        };
        let at = usize::from(c.at);
        list.get(at..at + usize::from(c.len)).map(Array::from_wire)
    }

    fn slot_columns(&self, index: u8) -> Option<Array<'a, PropertyTag>> {
        let slot = self.slot(index)?;
        if slot.fresh {
            return self.unpack(slot.columns);
        }
        let handle = self.slot_handle(index)?;
        self.source?.table_columns(handle).map(Array::from_slice)
    }

    fn slot_recipient_columns(&self, index: u8) -> Option<Array<'a, PropertyTag>> {
        let slot = self.slot(index)?;
        if slot.fresh {
            return self.unpack(slot.recipient_columns);
        }
        let handle = self.slot_handle(index)?;
        self.source?
            .recipient_columns(handle)
            .map(Array::from_slice)
    }

    /// The columns of the table whose server handle a RopNotify names.
    ///
    /// The output handle table may have more entries than there are handle
    /// indexes (it fills the rest of the buffer, up to 8,191 handles in
    /// 32 KiB); entries past slot 255 cannot be named by any ROP, so
    /// nothing was learned for them (an index past the slots once panicked
    /// here).
    fn notification_columns(&self, handle: u32) -> Option<Array<'a, PropertyTag>> {
        for (h, slot) in self.output_handles.iter().zip(self.slots.iter()) {
            if h == handle && slot.fresh {
                return self.unpack(slot.columns);
            }
        }
        self.source?.table_columns(handle).map(Array::from_slice)
    }

    /// The context of the response to `req`.
    fn context_for(&self, id: RopId, req: Option<&RopRequest<'a>>) -> RopContext<'a> {
        let mut cx = RopContext::default();
        if id == RopId::NOTIFY {
            let handle = self
                .r
                .peek_rest()
                .get(1..5)
                .and_then(|b| b.try_into().ok())
                .map(u32::from_le_bytes);
            cx.columns = handle.and_then(|h| self.notification_columns(h));
            return cx;
        }
        let Some(req) = req else {
            // No request to pair with: the response's own echoed handle
            // index (the byte after its RopId) still names its table.
            let index = self.r.peek_rest().get(1).copied();
            if let Some(i) = index {
                if super::pairing::uses_table_columns(id) {
                    cx.columns = self.slot_columns(i);
                }
                if super::pairing::uses_recipient_columns(id) {
                    cx.recipient_columns = self.slot_recipient_columns(i);
                }
            }
            return cx;
        };
        cx.logon = req
            .logon_id()
            .and_then(|id| self.logons.get(id))
            .or_else(|| req.logon_id().and_then(|id| self.source?.logon(id)));
        if let Some(kind) = super::pairing::request_logon_kind(req) {
            cx.logon = Some(kind);
        }
        let input = req.handles().input_handle_index;
        cx.columns = super::pairing::request_columns(req).or_else(|| {
            super::pairing::uses_table_columns(id)
                .then(|| input.and_then(|i| self.slot_columns(i)))
                .flatten()
        });
        if super::pairing::uses_recipient_columns(id) {
            cx.recipient_columns = input.and_then(|i| self.slot_recipient_columns(i));
        }
        cx
    }

    /// Learns what a response tells about later responses.
    fn learn(&mut self, req: Option<&RopRequest<'a>>, resp: &RopResponse<'a>) {
        let Some(req) = req else { return };
        if resp.return_value().map(|rv| rv.0) != Some(0) {
            return;
        }
        let h = req.handles();
        if let Some(slot) = h
            .output_handle_index
            .and_then(|out| self.slots.get_mut(usize::from(out)))
        {
            // A new object in this slot: whatever was known of the slot's
            // previous object no longer applies.
            *slot = Slot {
                fresh: true,
                ..Slot::default()
            };
        }
        if let Some(kind) = super::pairing::request_logon_kind(req)
            && let Some(id) = req.logon_id()
        {
            self.logons.set(id, kind);
        }
        let input = h.input_handle_index;
        let effect = match super::pairing::column_effect(req) {
            super::pairing::ColumnEffect::Set(cols) => Some(self.pack(Some(cols))),
            super::pairing::ColumnEffect::Reset => Some(Cols::default()),
            super::pairing::ColumnEffect::None => None,
        };
        if let Some(cols) = effect
            && let Some(slot) = input.and_then(|i| self.slots.get_mut(usize::from(i)))
        {
            slot.columns = cols;
            slot.fresh = true;
        }
        if let Some((index, cols)) = super::pairing::recipient_columns_learned(req, resp) {
            let cols = self.pack(Some(cols));
            if let Some(slot) = self.slots.get_mut(usize::from(index)) {
                slot.recipient_columns = cols;
                slot.fresh = true;
            }
        }
    }

    /// The next response and its byte range.
    pub fn next_with_range(
        &mut self,
    ) -> Option<Result<(RopResponse<'a>, core::ops::Range<usize>), Error>> {
        if self.r.is_empty() {
            return None;
        }
        if self.done {
            // Nothing may follow RopBackoff or RopBufferTooSmall (MS-OXCROPS
            // 3.2.5.2): report the stray bytes once, then stop.
            let e = self
                .r
                .error(ErrorKind::trailing(self.r.remaining()))
                .in_field("rops_list");
            self.r.rest();
            return Some(Err(e));
        }
        let start = self.r.offset();
        let id = RopId(self.r.peek_u8().ok()?);
        let req = if matches!(id, RopId::NOTIFY | RopId::PENDING | RopId::BUFFER_TOO_SMALL) {
            None
        } else {
            self.pair(id)
        };
        let cx = self.context_for(id, req.as_ref());
        match RopResponse::decode_from(&mut self.r, cx) {
            Ok(resp) => {
                self.learn(req.as_ref(), &resp);
                if matches!(id, RopId::BACKOFF | RopId::BUFFER_TOO_SMALL) {
                    self.done = true;
                }
                Some(Ok((resp, start..self.r.offset())))
            }
            Err(e) => {
                self.done = true;
                self.r.rest();
                Some(Err(e))
            }
        }
    }
}

impl<'a> ResponseWalker<'a> {
    /// The logons known after the responses walked so far.
    pub fn logons(&self) -> LogonMap {
        self.logons
    }

    /// What the walk learned about each handle slot it saw a new object,
    /// new columns or new recipient columns for: the slot's server handle
    /// (from the output table, else the input table) with the table
    /// columns and recipient columns now known for it.
    pub fn learned(&self) -> impl Iterator<Item = LearnedSlot<'a>> + '_ {
        self.slots
            .iter()
            .enumerate()
            .filter(|(_, s)| s.fresh)
            .filter_map(|(i, s)| {
                let handle = self
                    .output_handles
                    .get(i)
                    .filter(|h| *h != u32::MAX)
                    .or_else(|| self.input_handles.get(i))?;
                Some(LearnedSlot {
                    handle,
                    columns: self.unpack(s.columns),
                    recipient_columns: self.unpack(s.recipient_columns),
                })
            })
    }
}

/// What a [`ResponseWalker`] learned about one server object.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LearnedSlot<'a> {
    /// The server handle of the object.
    pub handle: u32,
    /// Its table columns, if it is a table with columns set.
    pub columns: Option<Array<'a, PropertyTag>>,
    /// Its recipient columns, if it is a message whose recipient columns
    /// were returned.
    pub recipient_columns: Option<Array<'a, PropertyTag>>,
}

impl<'a> Iterator for ResponseWalker<'a> {
    type Item = Result<RopResponse<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_with_range().map(|r| r.map(|(resp, _)| resp))
    }
}

/// True for the requests that RopProgress may answer while they run
/// (MS-OXCROPS 3.2.5.2: the asynchronous ROPs, and RopProgress itself).
fn is_asynchronous(req: &RopRequest<'_>) -> bool {
    matches!(
        req.rop_id(),
        RopId::PROGRESS
            | RopId::EMPTY_FOLDER
            | RopId::DELETE_MESSAGES
            | RopId::HARD_DELETE_MESSAGES
            | RopId::HARD_DELETE_MESSAGES_AND_SUBFOLDERS
            | RopId::MOVE_COPY_MESSAGES
            | RopId::MOVE_FOLDER
            | RopId::COPY_FOLDER
            | RopId::COPY_PROPERTIES
            | RopId::COPY_TO
            | RopId::SET_READ_FLAGS
    )
}
