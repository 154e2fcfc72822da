//! What each ROP contributes to, or needs from, the context of the ROPs
//! around it (MS-OXCROPS 3.2.5.2 and the context rules of each ROP): the
//! per-ROP facts that the buffer walkers and the session tracker use.

use super::context::LogonKind;
use super::{RopId, RopRequest, RopResponse};
use crate::data::PropertyTag;
use crate::wire::Array;

/// How a successful request changes the columns of its table.
pub(crate) enum ColumnEffect<'a> {
    /// RopSetColumns: these are the columns from now on.
    Set(Array<'a, PropertyTag>),
    /// RopResetTable: the columns are gone.
    Reset,
    /// No effect.
    None,
}

/// The logon kind a request establishes (RopLogon's LogonFlags).
pub(crate) fn request_logon_kind(req: &RopRequest<'_>) -> Option<LogonKind> {
    match req {
        RopRequest::Logon(r) => Some(r.logon_flags.kind()),
        _ => None,
    }
}

/// Columns that a request carries for its own response
/// (RopGetPropertiesSpecific's PropertyTags).
pub(crate) fn request_columns<'a>(req: &RopRequest<'a>) -> Option<Array<'a, PropertyTag>> {
    match req {
        // MS-OXCROPS 2.2.8.3.2: the PropertyRow has the request's tags as
        // its columns.
        RopRequest::GetPropertiesSpecific(r) => Some(r.property_tags),
        _ => None,
    }
}

/// True for the responses whose rows use the table's columns.
pub(crate) fn uses_table_columns(id: RopId) -> bool {
    matches!(id, RopId::QUERY_ROWS | RopId::FIND_ROW | RopId::EXPAND_ROW)
}

/// True for the responses whose recipient rows use the message's recipient
/// columns.
pub(crate) fn uses_recipient_columns(id: RopId) -> bool {
    id == RopId::READ_RECIPIENTS
}

/// The effect of a successful request on its table's columns.
pub(crate) fn column_effect<'a>(req: &RopRequest<'a>) -> ColumnEffect<'a> {
    match req {
        RopRequest::SetColumns(r) => ColumnEffect::Set(r.property_tags),
        RopRequest::ResetTable(_) => ColumnEffect::Reset,
        _ => ColumnEffect::None,
    }
}

/// The recipient columns a successful response gives a message, and the
/// slot of that message.
pub(crate) fn recipient_columns_learned<'a>(
    req: &RopRequest<'a>,
    resp: &RopResponse<'a>,
) -> Option<(u8, Array<'a, PropertyTag>)> {
    match (req, resp) {
        // The new message at OutputHandleIndex (MS-OXCROPS 2.2.6.1.2,
        // 2.2.6.16.2).
        (RopRequest::OpenMessage(q), RopResponse::OpenMessage(r)) => {
            r.ok().map(|s| (q.output_handle_index, s.recipient_columns))
        }
        (RopRequest::OpenEmbeddedMessage(q), RopResponse::OpenEmbeddedMessage(r)) => {
            r.ok().map(|s| (q.output_handle_index, s.recipient_columns))
        }
        // The message at InputHandleIndex, reloaded (2.2.6.7.2).
        (RopRequest::ReloadCachedInformation(q), RopResponse::ReloadCachedInformation(r)) => {
            r.ok().map(|s| (q.input_handle_index, s.recipient_columns))
        }
        _ => None,
    }
}

impl<'a> RopRequest<'a> {
    /// What this request tells about the context of its own response: the
    /// logon kind a RopLogon asks for, the tag list of a
    /// RopGetPropertiesSpecific. Merged over `base`, which gives the rest
    /// (the table's columns, the logon of the request's LogonId).
    ///
    /// ```
    /// use mapi_wire::rop::{RopContext, RopRequest};
    /// use mapi_wire::wire::Decode;
    ///
    /// let (req, _) = RopRequest::decode_with(&[0x15, 0x00, 0x00, 0x00, 0x01, 0x32, 0x00],
    ///     RopContext::default()).unwrap();
    /// let cx = req.response_context(RopContext::default());
    /// assert!(cx.columns.is_none());
    /// ```
    pub fn response_context(&self, base: super::RopContext<'a>) -> super::RopContext<'a> {
        let mut cx = base;
        if let Some(kind) = request_logon_kind(self) {
            cx.logon = Some(kind);
        }
        if let Some(cols) = request_columns(self) {
            cx.columns = Some(cols);
        }
        cx
    }
}
