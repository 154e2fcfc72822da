//! Whole ROP buffers as vectors of ROPs, and the session tracker that
//! carries context from one Execute call to the next (feature `alloc`).

use super::buffer::{ContextSource, LogonMap, Pairing, RequestWalker, ResponseWalker, RopFrame};
use super::context::{LogonKind, RopFacts};
use super::{RopRequest, RopResponse};
use crate::data::PropertyTag;
use crate::wire::{Array, Count, Decode, Encode, Error, ErrorKind, Reader, ResultExt, Sink};
use alloc::collections::BTreeMap;
use alloc::vec::Vec;

/// A ROP input buffer (MS-OXCROPS 2.2.1): RopSize, the requests of the
/// RopsList, and the ServerObjectHandleTable.
///
/// Its context is the logons known from earlier buffers.
///
/// ```
/// use mapi_wire::rop::{LogonMap, RopInputBuffer, RopRequest};
/// use mapi_wire::wire::{Decode, Encode};
///
/// // MS-OXCROPS 4.4: two RopRelease requests and a two-slot handle table.
/// let bytes = [0x08, 0x00, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
///              0x6F, 0x00, 0x00, 0x00, 0x6E, 0x00, 0x00, 0x00];
/// let buf = RopInputBuffer::decode_exact(&bytes, LogonMap::default()).unwrap();
/// assert_eq!(buf.rops.len(), 2);
/// assert!(matches!(buf.rops[1], RopRequest::Release(r) if r.input_handle_index == 1));
/// assert_eq!(buf.server_object_handle_table.get(1), Some(0x6E));
/// assert_eq!(buf.to_vec_with(LogonMap::default()).unwrap(), bytes);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RopInputBuffer<'a> {
    /// The requests of the RopsList.
    pub rops: Vec<RopRequest<'a>>,
    /// ServerObjectHandleTable.
    pub server_object_handle_table: Array<'a, u32>,
}

impl<'a> Decode<'a> for RopInputBuffer<'a> {
    type Ctx = LogonMap;
    const NAME: &'static str = "RopInputBuffer";
    const MIN_LEN: usize = 2;

    fn decode_from(r: &mut Reader<'a>, logons: LogonMap) -> Result<Self, Error> {
        let frame = RopFrame::read(r)?;
        let mut rops = Vec::new();
        let walk = RequestWalker::with_reader(
            Reader::at_offset(frame.rops_list, frame.rops_offset, *r.limits()),
            logons,
        );
        for req in walk {
            rops.push(req.at_index(rops.len()).in_field("rops_list")?);
        }
        Ok(RopInputBuffer {
            rops,
            server_object_handle_table: frame.server_object_handle_table,
        })
    }
}

/// RopSize: the size of itself and of the ROPs, each measured with the
/// facts `facts` gives it, in order, from the state `state` (the logons
/// known before the first ROP). Saturates only for built lists no sink
/// could hold.
fn list_size<T, St: Copy>(rops: &[T], state: St, facts: impl Fn(&mut St, &T) -> RopFacts) -> usize
where
    T: Encode<Ctx = RopFacts>,
{
    let mut st = state;
    rops.iter()
        .map(|r| r.encoded_len_with(facts(&mut st, r)))
        .fold(2usize, usize::saturating_add)
}

/// Encodes RopSize and a list of ROPs, whose facts come from `facts`.
///
/// The ROPs are measured and then written, each time from the same
/// starting `state`: a stateful closure run once for the size and again
/// for the bytes would give the first ROPs facts learned from later ones,
/// and RopSize could then disagree with the bytes written.
fn encode_list<S, T, St: Copy>(
    s: &mut S,
    rops: &[T],
    state: St,
    facts: impl Fn(&mut St, &T) -> RopFacts,
) -> Result<(), Error>
where
    S: Sink + ?Sized,
    T: Encode<Ctx = RopFacts>,
{
    let size = list_size(rops, state, &facts);
    let Ok(size16) = u16::try_from(size) else {
        return Err(
            Error::new(ErrorKind::Unencodable { value: size as u64 }, s.position())
                .in_field("rop_size"),
        );
    };
    s.put_u16(size16)?;
    let mut st = state;
    for (i, r) in rops.iter().enumerate() {
        r.encode_with(s, facts(&mut st, r))
            .at_index(i)
            .in_field("rops_list")?;
    }
    Ok(())
}

/// The size of a ServerObjectHandleTable of `n` handles.
fn handle_table_size(handles: &Array<'_, u32>) -> usize {
    handles.len().saturating_mul(4)
}

impl<'a> Encode for RopInputBuffer<'a> {
    type Ctx = LogonMap;

    fn encoded_len_with(&self, logons: LogonMap) -> usize {
        list_size(&self.rops, logons, request_facts)
            .saturating_add(handle_table_size(&self.server_object_handle_table))
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, logons: LogonMap) -> Result<(), Error> {
        encode_list(s, &self.rops, logons, request_facts)?;
        let n = self.server_object_handle_table.len();
        self.server_object_handle_table
            .encode_with(s, Count::Known(n))
    }
}

/// The facts of a request, learning RopLogon's logon kind on the way.
fn request_facts(logons: &mut LogonMap, r: &RopRequest<'_>) -> RopFacts {
    if let (Some(kind), Some(id)) = (super::pairing::request_logon_kind(r), r.logon_id()) {
        logons.set(id, kind);
    }
    RopFacts {
        logon: r.logon_id().and_then(|id| logons.get(id)),
        ..RopFacts::default()
    }
}

/// The facts of a response: none beyond what it holds itself.
fn response_facts(_: &mut (), _: &RopResponse<'_>) -> RopFacts {
    RopFacts::default()
}

/// What an output buffer's decoder is given: the requests it answers and
/// what the session knows, both optional.
#[derive(Clone, Copy, Default)]
pub struct OutputContext<'a> {
    /// The input buffer the output buffer answers.
    pub request: Option<Pairing<'a>>,
    /// What the session knows from earlier buffers.
    pub source: Option<&'a dyn ContextSource>,
    /// The logons known before the input buffer.
    pub logons: LogonMap,
}

impl core::fmt::Debug for OutputContext<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("OutputContext")
            .field("has_request", &self.request.is_some())
            .field("has_source", &self.source.is_some())
            .finish()
    }
}

impl<'a> OutputContext<'a> {
    /// The context of the output buffer that answers `input` (a whole ROP
    /// input buffer).
    pub fn for_request(input: &'a [u8]) -> Result<Self, Error> {
        let frame = RopFrame::read(&mut Reader::new(input))?;
        Ok(OutputContext {
            request: Some(Pairing {
                rops_list: frame.rops_list,
                offset: frame.rops_offset,
                handles: frame.server_object_handle_table,
            }),
            ..OutputContext::default()
        })
    }
}

/// A ROP output buffer (MS-OXCROPS 2.2.1): RopSize, the responses of the
/// RopsList, and the ServerObjectHandleTable. Its context pairs it with
/// its input buffer (see [`ResponseWalker`]).
///
/// ```
/// use mapi_wire::rop::{OutputContext, RopOutputBuffer, RopResponse};
/// use mapi_wire::wire::{Decode, Encode};
///
/// // A RopQueryRows failure (ecNullObject) and one handle slot.
/// let bytes = [0x08, 0x00, 0x15, 0x00, 0xB9, 0x04, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF];
/// let out = RopOutputBuffer::decode_exact(&bytes, OutputContext::default()).unwrap();
/// assert_eq!(out.rops.len(), 1);
/// assert_eq!(out.rops[0].return_value().unwrap().0, 0x4B9);
/// assert_eq!(out.to_vec_with(()).unwrap(), bytes);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RopOutputBuffer<'a> {
    /// The responses of the RopsList.
    pub rops: Vec<RopResponse<'a>>,
    /// ServerObjectHandleTable.
    pub server_object_handle_table: Array<'a, u32>,
}

impl<'a> Decode<'a> for RopOutputBuffer<'a> {
    type Ctx = OutputContext<'a>;
    const NAME: &'static str = "RopOutputBuffer";
    const MIN_LEN: usize = 2;

    fn decode_from(r: &mut Reader<'a>, cx: OutputContext<'a>) -> Result<Self, Error> {
        let frame = RopFrame::read(r)?;
        // The caller's limits hold for the responses too, not only for the
        // frame (the walker's own default is Limits::DEFAULT). Set in place:
        // the walker is large enough that moving it shows in profiles.
        let mut walk = ResponseWalker::new(frame, cx.request, cx.source);
        walk.set_logons(cx.logons);
        walk.set_limits(*r.limits());
        let mut rops = Vec::new();
        for resp in &mut walk {
            rops.push(resp.at_index(rops.len()).in_field("rops_list")?);
        }
        Ok(RopOutputBuffer {
            rops,
            server_object_handle_table: frame.server_object_handle_table,
        })
    }
}

impl Encode for RopOutputBuffer<'_> {
    type Ctx = ();

    fn encoded_len_with(&self, _: ()) -> usize {
        list_size(&self.rops, (), response_facts)
            .saturating_add(handle_table_size(&self.server_object_handle_table))
    }

    fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, _: ()) -> Result<(), Error> {
        encode_list(s, &self.rops, (), response_facts)?;
        let n = self.server_object_handle_table.len();
        self.server_object_handle_table
            .encode_with(s, Count::Known(n))
    }
}

/// The session tracker: what a client or proxy that sees every Execute call
/// of a session knows, so that each response decodes without help — the
/// kind of each logon, the columns of each table (set by RopSetColumns,
/// cleared by RopResetTable), and the recipient columns of each message,
/// by server handle.
///
/// Decode with [`Session::decode_request`] / [`Session::decode_response`],
/// then let the session learn from the exchange with [`Session::observe`].
///
/// Memory stays bounded however long the session runs and whatever the
/// peer sends: the column lists kept (tables and recipients together) hold
/// at most [`max_columns`](Session::max_columns) property tags. When a new
/// list would go past the cap, the lists of the lowest server handles are
/// forgotten first; a later response on such a handle still decodes, with
/// its rows kept as raw bytes (as without a session).
///
/// ```
/// use mapi_wire::rop::{RopResponse, Session};
///
/// let mut session = Session::new();
/// // Call 1: RopSetColumns (PidTagSubject) on table handle 0x42.
/// let req1 = [0x0C, 0x00, 0x12, 0x00, 0x00, 0x00, 0x01, 0x00, 0x1F, 0x00, 0x37, 0x00,
///             0x42, 0x00, 0x00, 0x00];
/// let resp1 = [0x09, 0x00, 0x12, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x42, 0x00, 0x00, 0x00];
/// session.observe(&req1, &resp1).unwrap();
/// // Call 2: RopQueryRows on the same table decodes its rows.
/// let req2 = [0x09, 0x00, 0x15, 0x00, 0x00, 0x00, 0x01, 0x01, 0x00, 0x42, 0x00, 0x00, 0x00];
/// let resp2 = [0x10, 0x00, 0x15, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x01, 0x00, 0x00, 0x41,
///              0x00, 0x00, 0x00, 0x42, 0x00, 0x00, 0x00];
/// let out = session.decode_response(&req2, &resp2).unwrap();
/// let RopResponse::QueryRows(q) = &out.rops[0] else { panic!() };
/// let rows = q.ok().unwrap().row_data.rows().unwrap();
/// assert_eq!(rows.rows().next().unwrap().value(0).unwrap().as_utf16().unwrap(), "A");
/// ```
#[derive(Clone, Debug)]
pub struct Session {
    logons: LogonMap,
    tables: ColumnStore,
    recipients: ColumnStore,
    max_columns: usize,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            logons: LogonMap::default(),
            tables: ColumnStore::default(),
            recipients: ColumnStore::default(),
            max_columns: Session::DEFAULT_MAX_COLUMNS,
        }
    }
}

/// Column lists by server handle, with the number of tags they hold.
#[derive(Clone, Debug, Default)]
struct ColumnStore {
    by_handle: BTreeMap<u32, Vec<PropertyTag>>,
    tags: usize,
}

impl ColumnStore {
    fn get(&self, handle: u32) -> Option<&[PropertyTag]> {
        self.by_handle.get(&handle).map(Vec::as_slice)
    }

    fn remove(&mut self, handle: u32) {
        if let Some(old) = self.by_handle.remove(&handle) {
            self.tags -= old.len();
        }
    }

    fn insert(&mut self, handle: u32, columns: Vec<PropertyTag>) {
        self.remove(handle);
        self.tags += columns.len();
        self.by_handle.insert(handle, columns);
    }

    /// Forgets the list of the lowest handle; false when there is none.
    fn evict_one(&mut self) -> bool {
        match self.by_handle.pop_first() {
            Some((_, old)) => {
                self.tags -= old.len();
                true
            }
            None => false,
        }
    }
}

impl ContextSource for Session {
    fn logon(&self, logon_id: u8) -> Option<LogonKind> {
        self.logons.get(logon_id)
    }
    fn table_columns(&self, handle: u32) -> Option<&[PropertyTag]> {
        self.tables.get(handle)
    }
    fn recipient_columns(&self, handle: u32) -> Option<&[PropertyTag]> {
        self.recipients.get(handle)
    }
}

impl Session {
    /// The default cap on the property tags a session keeps: 262,144 tags
    /// (1 MiB), room for thousands of open tables of realistic width.
    pub const DEFAULT_MAX_COLUMNS: usize = 1 << 18;

    /// A session that knows nothing yet.
    pub fn new() -> Self {
        Session::default()
    }

    /// A session that keeps at most `max_columns` property tags of column
    /// lists (see the type's documentation).
    ///
    /// ```
    /// use mapi_wire::rop::Session;
    ///
    /// let s = Session::with_max_columns(1024);
    /// assert_eq!(s.max_columns(), 1024);
    /// assert_eq!(s.columns_held(), 0);
    /// ```
    pub fn with_max_columns(max_columns: usize) -> Self {
        Session {
            max_columns,
            ..Session::default()
        }
    }

    /// The cap on the property tags kept.
    pub fn max_columns(&self) -> usize {
        self.max_columns
    }

    /// How many property tags the session holds now (tables and
    /// recipients together).
    pub fn columns_held(&self) -> usize {
        self.tables.tags + self.recipients.tags
    }

    /// Keeps `columns` for `handle` in `store` within the cap, forgetting
    /// the lists of the lowest handles first; a list longer than the cap
    /// itself is not kept.
    fn keep(&mut self, recipients: bool, handle: u32, columns: Vec<PropertyTag>) {
        let (store, other) = if recipients {
            (&mut self.recipients, &mut self.tables)
        } else {
            (&mut self.tables, &mut self.recipients)
        };
        store.remove(handle);
        if columns.len() > self.max_columns {
            return;
        }
        while store.tags + other.tags + columns.len() > self.max_columns {
            // Evict from the larger store first; one of them holds tags.
            let (larger, smaller) = if store.tags >= other.tags {
                (&mut *store, &mut *other)
            } else {
                (&mut *other, &mut *store)
            };
            if !(larger.evict_one() || smaller.evict_one()) {
                break;
            }
        }
        store.insert(handle, columns);
    }

    /// The logons known.
    pub fn logons(&self) -> LogonMap {
        self.logons
    }

    /// Decodes an input buffer with what the session knows.
    pub fn decode_request<'a>(&self, input: &'a [u8]) -> Result<RopInputBuffer<'a>, Error> {
        RopInputBuffer::decode_exact(input, self.logons)
    }

    /// Decodes the output buffer that answers `input`, with what the
    /// session knows.
    pub fn decode_response<'a>(
        &'a self,
        input: &'a [u8],
        output: &'a [u8],
    ) -> Result<RopOutputBuffer<'a>, Error> {
        let cx = OutputContext {
            source: Some(self),
            logons: self.logons,
            ..OutputContext::for_request(input)?
        };
        RopOutputBuffer::decode_exact(output, cx)
    }

    /// Learns from one exchange: the logons its requests open, the handles
    /// its RopRelease requests free, the columns its RopSetColumns and
    /// RopResetTable requests set or clear on success, and the recipient
    /// columns its responses return. Walks both buffers without
    /// allocating beyond the session's own tables.
    pub fn observe(&mut self, input: &[u8], output: &[u8]) -> Result<(), Error> {
        let in_frame = RopFrame::read(&mut Reader::new(input))?;
        let out_frame = RopFrame::read(&mut Reader::new(output))?;
        let mut released = Vec::new();
        for req in RequestWalker::new(in_frame.rops_list, in_frame.rops_offset, self.logons) {
            if let RopRequest::Release(r) = req?
                && let Some(h) = in_frame.handle(r.input_handle_index)
            {
                released.push(h);
            }
        }
        let pairing = Pairing {
            rops_list: in_frame.rops_list,
            offset: in_frame.rops_offset,
            handles: in_frame.server_object_handle_table,
        };
        let mut tables = Vec::new();
        let logons;
        {
            let mut walk = ResponseWalker::new(out_frame, Some(pairing), Some(&*self));
            walk.set_logons(self.logons);
            for resp in walk.by_ref() {
                resp?;
            }
            logons = walk.logons();
            for l in walk.learned() {
                tables.push((
                    l.handle,
                    l.columns.map(|c| c.to_vec()),
                    l.recipient_columns.map(|c| c.to_vec()),
                ));
            }
        }
        self.logons = logons;
        for h in released {
            self.tables.remove(h);
            self.recipients.remove(h);
        }
        for (h, cols, recips) in tables {
            match cols {
                Some(c) => self.keep(false, h, c),
                None => self.tables.remove(h),
            }
            match recips {
                Some(c) => self.keep(true, h, c),
                None => self.recipients.remove(h),
            }
        }
        Ok(())
    }
}

/// RopSize, RopsList and ServerObjectHandleTable, in that order.
#[cfg(feature = "serde")]
fn serialize_buffer<S, T>(
    s: S,
    rop_size: usize,
    rops: &[T],
    handles: &Array<'_, u32>,
) -> Result<S::Ok, S::Error>
where
    S: serde::Serializer,
    T: serde::Serialize,
{
    use serde::ser::SerializeStruct;
    let mut st = s.serialize_struct("RopBuffer", 3)?;
    st.serialize_field("rop_size", &rop_size)?;
    st.serialize_field("rops_list", rops)?;
    st.serialize_field("server_object_handle_table", handles)?;
    st.end()
}

#[cfg(feature = "serde")]
impl serde::Serialize for RopInputBuffer<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let size = list_size(&self.rops, LogonMap::default(), request_facts);
        serialize_buffer(s, size, &self.rops, &self.server_object_handle_table)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for RopOutputBuffer<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let size = list_size(&self.rops, (), response_facts);
        serialize_buffer(s, size, &self.rops, &self.server_object_handle_table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rop::LogonKind;

    /// A ROP whose encoding depends on the facts, as RopLogon's response
    /// does on the logon kind (MS-OXCROPS 2.2.3.1.2, 2.2.3.1.3): one byte
    /// without a known logon, two with one.
    struct Probe {
        /// Whether the facts of the ROPs after it know the logon.
        opens_logon: bool,
    }

    impl Encode for Probe {
        type Ctx = RopFacts;
        fn encoded_len_with(&self, cx: RopFacts) -> usize {
            if cx.logon.is_some() { 2 } else { 1 }
        }
        fn encode_with<S: Sink + ?Sized>(&self, s: &mut S, cx: RopFacts) -> Result<(), Error> {
            match cx.logon {
                Some(_) => s.put(&[0xBB, 0xBB]),
                None => s.put_u8(0xAA),
            }
        }
    }

    fn probe_facts(known: &mut bool, p: &Probe) -> RopFacts {
        let facts = RopFacts {
            logon: known.then_some(LogonKind::Private),
            ..RopFacts::default()
        };
        *known |= p.opens_logon;
        facts
    }

    #[test]
    fn rop_size_matches_the_bytes_when_facts_are_learned_on_the_way() {
        // Construction: the first ROP opens the logon; the second sees it.
        // A closure that learned during the sizing pass used to start the
        // writing pass with the logon known, so the first ROP was written
        // in its long form under a RopSize counted with the short one.
        let rops = [Probe { opens_logon: true }, Probe { opens_logon: false }];
        assert_eq!(list_size(&rops, false, probe_facts), 2 + 1 + 2);
        let mut out = Vec::new();
        encode_list(&mut out, &rops, false, probe_facts).unwrap();
        assert_eq!(out, [0x05, 0x00, 0xAA, 0xBB, 0xBB]);
        let mut counter = crate::wire::LenCounter::default();
        encode_list(&mut counter, &rops, false, probe_facts).unwrap();
        assert_eq!(counter.0, out.len());
    }
}
