//! The decoding context of ROPs: what a ROP's own bytes do not say.

use crate::data::{ErrorCode, PropertyTag, RowContext};
use crate::wire::Array;

/// The kind of a logon, chosen by the Private bit (0x01) of the LogonFlags
/// of its RopLogon request (MS-OXCROPS 2.2.3.1.1).
///
/// Some layouts depend on it: the RopLogon success response (private
/// mailbox or public folders, 2.2.3.1.2 / 2.2.3.1.3), RopSetMessageReadFlag's
/// ClientData (public folders only, 2.2.6.11.1) and the ReplGuid of
/// RopWritePerUserInformation (private mailbox only, 2.2.3.13.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum LogonKind {
    /// A private mailbox.
    Private,
    /// Public folders.
    Public,
}

impl LogonKind {
    /// The kind that a LogonFlags byte selects.
    pub const fn from_logon_flags(flags: u8) -> Self {
        if flags & 0x01 != 0 {
            LogonKind::Private
        } else {
            LogonKind::Public
        }
    }
}

/// The facts about a ROP that its layout may depend on and that need no
/// borrowed data: the ReturnValue of its response and the kind of its
/// logon. Encoders take these (a value being encoded already holds its
/// rows and lists); decoders take a [`RopContext`], which adds the column
/// lists that row data needs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RopFacts {
    /// The ReturnValue of the response.
    pub return_value: ErrorCode,
    /// The kind of the logon the ROP belongs to.
    pub logon: Option<LogonKind>,
}

/// A ROP field's context, made from the context of its ROP: `()` for
/// fields that need none, [`RopFacts`], or the whole [`RopContext`].
pub trait FromRopContext<'a> {
    /// Picks what this context needs from the ROP's context.
    fn from_rop(cx: RopContext<'a>) -> Self;
}

/// A ROP field's encoding context, made from the [`RopFacts`] of its ROP.
pub trait FromRopFacts {
    /// Builds the context from the facts (with no column lists).
    fn from_facts(facts: RopFacts) -> Self;
}

impl<'a> FromRopContext<'a> for () {
    #[inline]
    fn from_rop(_: RopContext<'a>) -> Self {}
}

impl<'a> FromRopContext<'a> for RopFacts {
    #[inline]
    fn from_rop(cx: RopContext<'a>) -> Self {
        cx.facts()
    }
}

impl<'a> FromRopContext<'a> for RopContext<'a> {
    #[inline]
    fn from_rop(cx: RopContext<'a>) -> Self {
        cx
    }
}

impl FromRopFacts for () {
    #[inline]
    fn from_facts(_: RopFacts) -> Self {}
}

impl FromRopFacts for RopFacts {
    #[inline]
    fn from_facts(f: RopFacts) -> Self {
        f
    }
}

impl FromRopFacts for RopContext<'_> {
    #[inline]
    fn from_facts(f: RopFacts) -> Self {
        RopContext {
            return_value: f.return_value,
            logon: f.logon,
            columns: None,
            recipient_columns: None,
        }
    }
}

/// What a ROP decoder needs beyond the ROP's own bytes (MS-OXCROPS; see
/// the context rules of each ROP). Every field is optional: without it, a
/// decoder still succeeds and keeps the part it cannot interpret as raw
/// bytes that re-encode exactly.
///
/// ```
/// use mapi_wire::data::PropertyTag;
/// use mapi_wire::rop::{LogonKind, RopContext};
/// use mapi_wire::wire::Array;
///
/// let tags = [PropertyTag(0x3001_001F)];
/// let cx = RopContext::default()
///     .with_columns(Array::from_slice(&tags))
///     .with_logon(LogonKind::Private);
/// assert_eq!(cx.rows().unwrap().columns.len(), 1);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RopContext<'a> {
    /// The ReturnValue of the response being decoded; the response framing
    /// sets it before the body is read (bodies whose layout depends on it,
    /// such as the 0x503 null-destination form, look at it).
    pub return_value: ErrorCode,
    /// The kind of the logon the ROP belongs to.
    pub logon: Option<LogonKind>,
    /// The columns of row data: the table's columns (last RopSetColumns)
    /// for RopQueryRows, RopFindRow, RopExpandRow and table notifications;
    /// the request's PropertyTags for RopGetPropertiesSpecific.
    pub columns: Option<Array<'a, PropertyTag>>,
    /// The recipient columns of a message (from RopOpenMessage,
    /// RopReloadCachedInformation or RopOpenEmbeddedMessage) for the
    /// RecipientRows of RopReadRecipients.
    pub recipient_columns: Option<Array<'a, PropertyTag>>,
}

impl<'a> RopContext<'a> {
    /// The facts part of the context.
    pub const fn facts(&self) -> RopFacts {
        RopFacts {
            return_value: self.return_value,
            logon: self.logon,
        }
    }

    /// The same context with the given columns.
    #[must_use]
    pub const fn with_columns(mut self, columns: Array<'a, PropertyTag>) -> Self {
        self.columns = Some(columns);
        self
    }

    /// The same context with the given recipient columns.
    #[must_use]
    pub const fn with_recipient_columns(mut self, columns: Array<'a, PropertyTag>) -> Self {
        self.recipient_columns = Some(columns);
        self
    }

    /// The same context with the given logon kind.
    #[must_use]
    pub const fn with_logon(mut self, logon: LogonKind) -> Self {
        self.logon = Some(logon);
        self
    }

    /// The row context of the columns, if known.
    pub const fn rows(&self) -> Option<RowContext<'a>> {
        match self.columns {
            Some(c) => Some(RowContext::rop(c)),
            None => None,
        }
    }

    /// The row context of the recipient columns, if known.
    pub const fn recipient_rows(&self) -> Option<RowContext<'a>> {
        match self.recipient_columns {
            Some(c) => Some(RowContext::rop(c)),
            None => None,
        }
    }
}
