//! Caps that a decoder enforces on top of the bytes-remaining checks.

/// Caps a decoder enforces.
///
/// Every count in this crate is first checked against the bytes that remain
/// (a count can never make the decoder loop or allocate beyond the input).
/// `Limits` adds caps the specifications set, and a nesting bound for the
/// recursive structures, so that hostile input cannot exhaust the stack.
///
/// ```
/// use mapi_wire::wire::Limits;
///
/// let strict = Limits { max_depth: 8, ..Limits::DEFAULT };
/// assert_eq!(strict.max_rop_buffer, 0x8000);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Deepest nesting of restrictions (MS-OXCDATA 2.12) and other recursive
    /// structures. The specifications set no bound; 64 is far beyond what
    /// Outlook builds and keeps the recursion well inside a small stack.
    pub max_depth: u16,
    /// Largest number of elements any one count field may announce. The
    /// address-book bodies cap their arrays at 100,000 (MS-OXCMAPIHTTP
    /// 2.2.1.8, MS-OXNSPI 2.2.7); ROP buffers are bounded far lower by their
    /// size.
    pub max_count: u32,
    /// Largest ROP input or output buffer, 32 KiB (MS-OXCRPC 3.1.4.2.1).
    pub max_rop_buffer: usize,
    /// Largest decompressed payload an extended buffer may announce
    /// (MS-OXCRPC 2.2.2.1: SizeActual is 16 bits; a payload is at most
    /// 32 KiB).
    pub max_decompressed: usize,
    /// Largest auxiliary buffer, 0x1008 bytes (MS-OXCRPC 3.1.4.1.2).
    pub max_aux_buffer: usize,
}

impl Limits {
    /// The defaults described on each field.
    pub const DEFAULT: Limits = Limits {
        max_depth: 64,
        max_count: 100_000,
        max_rop_buffer: 0x8000,
        max_decompressed: 0x8000,
        max_aux_buffer: 0x1008,
    };

    /// No caps beyond the bytes-remaining checks (depth stays bounded at
    /// 255 so that recursion cannot overflow the stack).
    pub const PERMISSIVE: Limits = Limits {
        max_depth: 255,
        max_count: u32::MAX,
        max_rop_buffer: usize::MAX,
        max_decompressed: usize::MAX,
        max_aux_buffer: usize::MAX,
    };

    /// For decoding again bytes that were already validated (the lazy
    /// children of lists, restrictions and rows): no cap at all, since the
    /// caller's own limits bounded them the first time, whatever those
    /// limits were. `PERMISSIVE`'s depth of 255 would refuse bytes that a
    /// caller validated with a deeper `max_depth`.
    pub(crate) const REVISIT: Limits = Limits {
        max_depth: u16::MAX,
        ..Limits::PERMISSIVE
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}
