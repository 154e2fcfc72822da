//! MAPI over HTTP ([MS-OXCMAPIHTTP]): the request and response bodies of
//! the mailbox (EMSMDB) endpoint.
//!
//! [MS-OXCMAPIHTTP]: https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcmapihttp/

pub mod emsmdb;
