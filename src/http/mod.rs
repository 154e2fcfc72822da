//! MAPI over HTTP request and response bodies (MS-OXCMAPIHTTP 2.2.4, 2.2.5).

pub mod nspi;
