//! The request types of MAPI/HTTP (MS-OXCMAPIHTTP 2.2.3.3.1) and the two
//! endpoints that serve them (2.2.4, 2.2.5, 2.2.6).

use core::fmt;

/// One of the two server endpoints (MS-OXCMAPIHTTP 2.1); both URLs come
/// from Autodiscover.
///
/// ```
/// use mapi_wire::http::{Endpoint, RequestType};
///
/// assert_eq!(RequestType::Execute.endpoint(), Some(Endpoint::Mailbox));
/// assert!(RequestType::Ping.is_served_by(Endpoint::AddressBook));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Endpoint {
    /// The mailbox server endpoint (the EMSMDB interface, MS-OXCMAPIHTTP
    /// 2.2.4).
    Mailbox,
    /// The address book server endpoint (the NSPI interface,
    /// MS-OXCMAPIHTTP 2.2.5).
    AddressBook,
}

impl Endpoint {
    /// The specification's name of the endpoint.
    pub const fn name(self) -> &'static str {
        match self {
            Endpoint::Mailbox => "mailbox server endpoint",
            Endpoint::AddressBook => "address book server endpoint",
        }
    }
}

macro_rules! request_types {
    ($(
        $(#[$m:meta])*
        $V:ident = $token:literal, $kind:literal, $section:literal, $ep:expr;
    )*) => {
        /// A request type: the value of the X-RequestType header
        /// (MS-OXCMAPIHTTP 2.2.3.3.1), which says what the binary body of
        /// a request and of its response holds.
        ///
        /// The header carries the token of the specification's table
        /// ([`token`](Self::token)); note the spellings `CompareMIds` and
        /// `DNToMId`, which differ from the section titles, and the
        /// upper-case `PING`. [`from_token`](Self::from_token) accepts any
        /// letter case, as Exchange does; writers emit the table's
        /// spelling.
        ///
        /// ```
        /// use mapi_wire::http::RequestType;
        ///
        /// assert_eq!(RequestType::from_token(b"DNToMId"), Some(RequestType::DnToMId));
        /// assert_eq!(RequestType::from_token(b"ping"), Some(RequestType::Ping));
        /// assert_eq!(RequestType::Ping.token(), "PING");
        /// assert_eq!(RequestType::CompareMIds.kind_name(), "comparemids");
        /// assert_eq!(RequestType::ALL.len(), 24);
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RequestType {
            $( $(#[$m])* $V, )*
        }

        impl RequestType {
            /// Every request type, in the order of the table of
            /// MS-OXCMAPIHTTP 2.2.3.3.1: the mailbox endpoint's, PING, then
            /// the address book endpoint's.
            pub const ALL: &'static [RequestType] = &[$(RequestType::$V),*];

            /// The X-RequestType token, as the specification spells it.
            pub const fn token(self) -> &'static str {
                match self { $(RequestType::$V => $token,)* }
            }

            /// The token in lower case: the `<type>` of the
            /// `<type>-request` and `<type>-response` kinds of
            /// `mapi-inspect`.
            pub const fn kind_name(self) -> &'static str {
                match self { $(RequestType::$V => $kind,)* }
            }

            /// The section of MS-OXCMAPIHTTP that defines the request type.
            pub const fn section(self) -> &'static str {
                match self { $(RequestType::$V => $section,)* }
            }

            /// The endpoint that serves the request type; `None` for PING,
            /// which both serve (MS-OXCMAPIHTTP 2.2.6).
            pub const fn endpoint(self) -> Option<Endpoint> {
                match self { $(RequestType::$V => $ep,)* }
            }
        }
    };
}

request_types! {
    /// Connect: establishes a Session Context on the mailbox endpoint
    /// (2.2.4.1).
    Connect = "Connect", "connect", "2.2.4.1", Some(Endpoint::Mailbox);
    /// Execute: sends ROP requests (2.2.4.2).
    Execute = "Execute", "execute", "2.2.4.2", Some(Endpoint::Mailbox);
    /// Disconnect: ends a Session Context on the mailbox endpoint (2.2.4.3).
    Disconnect = "Disconnect", "disconnect", "2.2.4.3", Some(Endpoint::Mailbox);
    /// NotificationWait: waits for pending notifications (2.2.4.4).
    NotificationWait = "NotificationWait", "notificationwait", "2.2.4.4", Some(Endpoint::Mailbox);
    /// PING: checks that an endpoint is up and refreshes the idle timer;
    /// no request body, no response body (2.2.6).
    Ping = "PING", "ping", "2.2.6", None;
    /// Bind: establishes a Session Context on the address book endpoint
    /// (2.2.5.1).
    Bind = "Bind", "bind", "2.2.5.1", Some(Endpoint::AddressBook);
    /// Unbind: ends it (2.2.5.2).
    Unbind = "Unbind", "unbind", "2.2.5.2", Some(Endpoint::AddressBook);
    /// CompareMIds: the CompareMinIds request type (2.2.5.3).
    CompareMIds = "CompareMIds", "comparemids", "2.2.5.3", Some(Endpoint::AddressBook);
    /// DNToMId: the DnToMinId request type (2.2.5.4).
    DnToMId = "DNToMId", "dntomid", "2.2.5.4", Some(Endpoint::AddressBook);
    /// GetMatches (2.2.5.5).
    GetMatches = "GetMatches", "getmatches", "2.2.5.5", Some(Endpoint::AddressBook);
    /// GetPropList (2.2.5.6).
    GetPropList = "GetPropList", "getproplist", "2.2.5.6", Some(Endpoint::AddressBook);
    /// GetProps (2.2.5.7).
    GetProps = "GetProps", "getprops", "2.2.5.7", Some(Endpoint::AddressBook);
    /// GetSpecialTable (2.2.5.8).
    GetSpecialTable = "GetSpecialTable", "getspecialtable", "2.2.5.8", Some(Endpoint::AddressBook);
    /// GetTemplateInfo (2.2.5.9).
    GetTemplateInfo = "GetTemplateInfo", "gettemplateinfo", "2.2.5.9", Some(Endpoint::AddressBook);
    /// ModLinkAtt (2.2.5.10).
    ModLinkAtt = "ModLinkAtt", "modlinkatt", "2.2.5.10", Some(Endpoint::AddressBook);
    /// ModProps (2.2.5.11).
    ModProps = "ModProps", "modprops", "2.2.5.11", Some(Endpoint::AddressBook);
    /// QueryColumns (2.2.5.13).
    QueryColumns = "QueryColumns", "querycolumns", "2.2.5.13", Some(Endpoint::AddressBook);
    /// QueryRows (2.2.5.12).
    QueryRows = "QueryRows", "queryrows", "2.2.5.12", Some(Endpoint::AddressBook);
    /// ResolveNames (2.2.5.14).
    ResolveNames = "ResolveNames", "resolvenames", "2.2.5.14", Some(Endpoint::AddressBook);
    /// ResortRestriction (2.2.5.15).
    ResortRestriction = "ResortRestriction", "resortrestriction", "2.2.5.15", Some(Endpoint::AddressBook);
    /// SeekEntries (2.2.5.16).
    SeekEntries = "SeekEntries", "seekentries", "2.2.5.16", Some(Endpoint::AddressBook);
    /// UpdateStat (2.2.5.17).
    UpdateStat = "UpdateStat", "updatestat", "2.2.5.17", Some(Endpoint::AddressBook);
    /// GetMailboxUrl (2.2.5.18).
    GetMailboxUrl = "GetMailboxUrl", "getmailboxurl", "2.2.5.18", Some(Endpoint::AddressBook);
    /// GetAddressBookUrl (2.2.5.19).
    GetAddressBookUrl = "GetAddressBookUrl", "getaddressbookurl", "2.2.5.19", Some(Endpoint::AddressBook);
}

impl RequestType {
    /// Number of request types.
    pub const COUNT: usize = 24;

    /// The request type whose token is `token`, in any ASCII letter case.
    ///
    /// MS-OXCMAPIHTTP 2.2.3.3.1 lists the tokens without saying whether
    /// case matters; Exchange's own front end compares them ignoring case,
    /// so a codec that sits beside it must too. `None` for an unknown token
    /// (the server answers X-ResponseCode 5, Invalid Request Type).
    pub fn from_token(token: &[u8]) -> Option<RequestType> {
        RequestType::ALL
            .iter()
            .copied()
            .find(|t| t.token().as_bytes().eq_ignore_ascii_case(token))
    }

    /// The request type whose token is exactly `token`, as the table
    /// spells it.
    ///
    /// ```
    /// use mapi_wire::http::RequestType;
    ///
    /// assert_eq!(RequestType::from_token_exact(b"Execute"), Some(RequestType::Execute));
    /// assert_eq!(RequestType::from_token_exact(b"execute"), None);
    /// ```
    pub fn from_token_exact(token: &[u8]) -> Option<RequestType> {
        RequestType::ALL
            .iter()
            .copied()
            .find(|t| t.token().as_bytes() == token)
    }

    /// True when `endpoint` serves this request type.
    pub fn is_served_by(self, endpoint: Endpoint) -> bool {
        match self.endpoint() {
            Some(e) => e == endpoint,
            None => true,
        }
    }

    /// Position in [`ALL`](Self::ALL), below [`COUNT`](Self::COUNT).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// False for PING, whose request and response have no binary body
    /// (MS-OXCMAPIHTTP 2.2.6); true for every other type.
    pub const fn has_body(self) -> bool {
        !matches!(self, RequestType::Ping)
    }

    /// True for the request types that create a Session Context (Connect,
    /// Bind, MS-OXCMAPIHTTP 3.1.5.1): a first one is sent without cookies.
    pub const fn creates_session(self) -> bool {
        matches!(self, RequestType::Connect | RequestType::Bind)
    }
}

impl fmt::Display for RequestType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.token())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for RequestType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.token())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Endpoint {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_follow_all() {
        assert_eq!(RequestType::ALL.len(), RequestType::COUNT);
        for (i, t) in RequestType::ALL.iter().enumerate() {
            assert_eq!(t.index(), i);
            assert_eq!(t.kind_name(), t.token().to_ascii_lowercase());
            assert_eq!(
                RequestType::from_token_exact(t.token().as_bytes()),
                Some(*t)
            );
            let upper = t.token().to_ascii_uppercase();
            assert_eq!(RequestType::from_token(upper.as_bytes()), Some(*t));
        }
    }

    #[test]
    fn endpoints() {
        let mailbox = RequestType::ALL
            .iter()
            .filter(|t| t.endpoint() == Some(Endpoint::Mailbox))
            .count();
        let nspi = RequestType::ALL
            .iter()
            .filter(|t| t.endpoint() == Some(Endpoint::AddressBook))
            .count();
        assert_eq!((mailbox, nspi), (4, 19));
        assert!(!RequestType::Bind.is_served_by(Endpoint::Mailbox));
        assert!(RequestType::Ping.is_served_by(Endpoint::Mailbox));
    }

    #[test]
    fn unknown_tokens() {
        assert_eq!(RequestType::from_token(b""), None);
        assert_eq!(RequestType::from_token(b"CompareMinIds"), None);
        assert_eq!(RequestType::from_token(b"Connect "), None);
    }
}
