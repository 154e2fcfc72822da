//! MAPI over HTTP ([MS-OXCMAPIHTTP]): the request and response bodies of
//! the mailbox (EMSMDB, 2.2.4) and address book (NSPI, 2.2.5) endpoints.
//!
//! [MS-OXCMAPIHTTP]: https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcmapihttp/

pub mod emsmdb;
pub mod nspi;
