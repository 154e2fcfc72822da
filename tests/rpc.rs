//! Conformance tests for the MS-OXCRPC layer: extended buffers
//! (RPC_HEADER_EXT chains), XorMagic, LZ77 + DIRECT2 and the auxiliary
//! buffer. Each case cites the section its bytes come from, or says
//! "construction".

mod common;

use common::{hex, hexv, prefixes_fail, roundtrip};
use mapi_wire::data::Guid;
use mapi_wire::rpc::lz77::{self, Compressor};
use mapi_wire::rpc::*;
use mapi_wire::wire::{Bytes, Decode, Encode, ErrorKind, Limits, Reader, SliceSink};

/// MS-XCA 3.1 example 1 (`xca-3.1-plain-lz77-a-z` in
/// shared/vectors/spec-transport.json).
const XCA_1: &str = "3f0000006162636465666768696a6b6c6d6e6f707172737475767778797a";
/// MS-XCA 3.1 example 2 (`xca-3.1-plain-lz77-abc-x100`).
const XCA_2: &str = "ffffff1f61626317000fff2601";

fn header(flags: ExtFlags, size: u16, size_actual: u16) -> Vec<u8> {
    RpcHeaderExt::new(flags, size, size_actual)
        .to_vec()
        .unwrap()
}

// ------------------------------------------------------------- LZ77 ---

#[test]
fn xca_examples_decompress_and_recompress_to_the_same_bytes() {
    // MS-XCA 3.1, both examples.
    let c1 = hexv(XCA_1);
    let mut out = [0u8; 26];
    lz77::decompress(&c1, &mut out).unwrap();
    assert_eq!(&out, b"abcdefghijklmnopqrstuvwxyz");
    assert_eq!(lz77::compress_to_vec(&out), c1);

    let c2 = hexv(XCA_2);
    let out = lz77::decompress_to_vec(&c2, 300).unwrap();
    assert_eq!(out, b"abc".repeat(100));
    assert_eq!(lz77::compress_to_vec(&out), c2);
    let mut any = vec![0u8; 4096];
    assert_eq!(lz77::decompress_stream(&c2, &mut any).unwrap(), 300);
}

#[test]
fn xca_example_1_is_not_sent_compressed() {
    // MS-XCA 3.1 example 1 is 30 bytes for 26: MS-OXCRPC 2.2.2.1 requires
    // Size < SizeActual, so the encoder sends it plain.
    let mut c = Compressor::new();
    let mut scratch = [0u8; 64];
    let mut out = Vec::new();
    let h = BufferEncoder::new(&mut c, &mut scratch)
        .write(
            &mut out,
            b"abcdefghijklmnopqrstuvwxyz",
            PayloadOptions::DEFAULT,
            true,
        )
        .unwrap();
    assert_eq!(h.flags, ExtFlags::XOR_MAGIC | ExtFlags::LAST);
    assert_eq!((h.size, h.size_actual), (26, 26));
    assert_eq!(out[8], b'a' ^ 0xA5);
    // ... and a compressed header announcing it is rejected.
    let mut bytes = header(ExtFlags::COMPRESSED | ExtFlags::LAST, 30, 26);
    bytes.extend_from_slice(&hexv(XCA_1));
    let e = ExtChain::decode(&bytes).unwrap_err();
    assert_eq!(e.offset(), 6);
    assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 26 });
}

#[test]
fn lz77_truncated_streams_fail_at_their_end() {
    // Construction: every strict prefix of MS-XCA 3.1 example 2 fails to
    // produce its 300 bytes, with an offset inside the input.
    let c2 = hexv(XCA_2);
    for n in 0..c2.len() {
        let mut out = [0u8; 300];
        let e = lz77::decompress(&c2[..n], &mut out).unwrap_err();
        assert!(e.offset() <= n, "{n}: {e}");
    }
}

// --------------------------------------------------- RPC_HEADER_EXT ---

/// MS-OXCRPC 4.2 rgbIn: RPC_HEADER_EXT {0, Last, 0x0152, 0x0152} and a
/// payload of RopSize 0x0142 (320 bytes of ROPs) and a 16-byte handle
/// table; cbIn 0x15A. The ROP bytes are not given by the example; here they
/// are filler (construction).
fn oxcrpc_4_2_rgb_in() -> Vec<u8> {
    let mut b = hexv("0000 0400 5201 5201 4201");
    b.extend((0..320u32).map(|i| (i % 251) as u8));
    b.extend_from_slice(&[0xFF; 16]);
    b
}

#[test]
fn oxcrpc_4_2_request_chain() {
    let bytes = oxcrpc_4_2_rgb_in();
    assert_eq!(bytes.len(), 0x15A);
    let chain = roundtrip::<ExtChain<'_>>(&bytes, ());
    assert_eq!(chain.len(), 1);
    let b = chain.iter().next().unwrap();
    assert_eq!(
        b.header,
        RpcHeaderExt {
            version: 0,
            flags: ExtFlags::LAST,
            size: 0x152,
            size_actual: 0x152
        }
    );
    assert_eq!(b.offset(), 8);
    // Plain: borrowed from the input, not copied.
    let plain = b.plain().unwrap();
    assert!(std::ptr::eq(plain.as_ptr(), bytes[8..].as_ptr()));
    assert_eq!(&plain[..2], &[0x42, 0x01]);
    let d = roundtrip::<DecodedChain<'_>>(&bytes, ());
    assert!(matches!(
        d.buffers[0].payload,
        std::borrow::Cow::Borrowed(_)
    ));
}

#[test]
fn mixed_chain_each_buffer_by_its_own_flags() {
    // Construction: a plain buffer, an obfuscated one, and a compressed and
    // obfuscated one (MS-XCA 3.1 example 2), Last only on the third.
    let mut bytes = header(ExtFlags::empty(), 2, 2);
    bytes.extend_from_slice(&[0x02, 0x00]);
    bytes.extend(header(ExtFlags::XOR_MAGIC, 3, 3));
    bytes.extend([1u8, 2, 3].map(|b| b ^ 0xA5));
    bytes.extend(header(
        ExtFlags::COMPRESSED | ExtFlags::XOR_MAGIC | ExtFlags::LAST,
        13,
        300,
    ));
    bytes.extend(hexv(XCA_2).iter().map(|b| b ^ 0xA5));
    let chain = roundtrip::<DecodedChain<'_>>(&bytes, ());
    let payloads: Vec<&[u8]> = chain.buffers.iter().map(|b| b.payload.as_ref()).collect();
    assert_eq!(payloads[0], &[0x02, 0x00]);
    assert_eq!(payloads[1], &[1, 2, 3]);
    assert_eq!(payloads[2], b"abc".repeat(100).as_slice());
    assert_eq!(chain.buffers[2].wire.len(), 13);
    // The view agrees, and knows the room the plain payloads need.
    let view = ExtChain::decode_exact(&bytes, ()).unwrap();
    assert_eq!(view.total_size_actual(), 2 + 3 + 300);
    assert_eq!(view.iter().filter(|b| b.is_transformed()).count(), 2);
}

#[test]
fn chain_errors_name_the_buffer_and_the_byte() {
    // Constructions.
    // A second header that is cut short.
    let mut bytes = header(ExtFlags::empty(), 1, 1);
    bytes.extend_from_slice(&[0x55, 0x00, 0x00]);
    let e = ExtChain::decode(&bytes).unwrap_err();
    assert_eq!(
        e.to_string(),
        "ExtendedBuffers[1].Header.Flags: needs 2 bytes, 0 remain (offset 11)"
    );
    // Trailing bytes after the Last buffer.
    let mut bytes = header(ExtFlags::LAST, 1, 1);
    bytes.extend_from_slice(&[0x55, 0x66]);
    assert_eq!(
        ExtChain::decode_exact(&bytes, ()).unwrap_err().kind(),
        ErrorKind::TrailingBytes { count: 1 }
    );
    let (_, rest) = ExtChain::decode(&bytes).unwrap();
    assert_eq!(rest, &[0x66]);
    // A compressed payload that does not decompress: the error points into
    // the payload as sent.
    let mut bytes = header(ExtFlags::COMPRESSED | ExtFlags::LAST, 7, 10);
    bytes.extend_from_slice(&[0xff, 0xff, 0xff, 0x7f, b'a', 0x08, 0x00]);
    ExtChain::decode_exact(&bytes, ()).unwrap();
    let e = DecodedChain::decode_exact(&bytes, ()).unwrap_err();
    assert_eq!(e.offset(), 8 + 5);
    assert_eq!(e.kind(), ErrorKind::InvalidValue { value: 2 });
    assert_eq!(
        e.path().to_string(),
        "ExtendedBuffers[0].Payload.Lz77.Distance"
    );
}

#[test]
fn size_actual_is_checked_against_limits_before_decompressing() {
    // Construction: 6 bytes that would decompress to 0x8001 bytes.
    let mut bytes = header(ExtFlags::COMPRESSED | ExtFlags::LAST, 6, 0x8001);
    bytes.extend_from_slice(&[0xff, 0xff, 0xff, 0x7f, b'a', 0x07]);
    let e = DecodedChain::decode_exact(&bytes, ()).unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::LimitExceeded {
            value: 0x8001,
            limit: 0x8000
        }
    );
    // Under permissive limits the header passes and the stream itself is
    // then found short.
    let e = DecodedChain::decode_with_limits(&bytes, (), Limits::PERMISSIVE).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Truncated { .. }), "{e}");
    // A smaller decompression cap applies to compressed payloads only.
    let strict = Limits {
        max_decompressed: 16,
        ..Limits::DEFAULT
    };
    let mut bytes = header(ExtFlags::COMPRESSED | ExtFlags::LAST, 13, 300);
    bytes.extend_from_slice(&hexv(XCA_2));
    assert!(ExtChain::decode_with_limits(&bytes, (), strict).is_err());
    let mut plain = header(ExtFlags::LAST, 300, 300);
    plain.extend_from_slice(&[0; 300]);
    assert!(ExtChain::decode_with_limits(&plain, (), strict).is_ok());
}

#[test]
fn total_plain_size_of_a_chain_is_capped() {
    // Construction: 97 buffers of 32 KiB announced by 13 bytes each; the
    // decoded form refuses before decompressing anything.
    let one = {
        let mut b = header(ExtFlags::COMPRESSED, 6, 0x8000);
        b.extend_from_slice(&[0xff, 0xff, 0xff, 0x7f, b'a', 0x07]);
        b
    };
    let mut bytes = Vec::new();
    for _ in 0..96 {
        bytes.extend_from_slice(&one);
    }
    let mut last = one.clone();
    last[2] |= 0x04;
    bytes.extend_from_slice(&last);
    let e = DecodedChain::decode_exact(&bytes, ()).unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::LimitExceeded {
            value: 97 * 0x8000,
            limit: 96 * 0x8000
        }
    );
}

#[test]
fn xor_magic_is_its_own_inverse() {
    // MS-OXCRPC 3.1.4.1.1.3.
    let mut b: Vec<u8> = (0..=255).collect();
    xor_magic(&mut b);
    assert_eq!(b[0], 0xA5);
    assert_eq!(b[0xA5], 0x00);
    xor_magic(&mut b);
    assert!(b.iter().enumerate().all(|(i, &v)| v == i as u8));
}

// ---------------------------------------------------------- encoding ---

#[test]
fn encoder_compresses_then_obfuscates_and_only_when_smaller() {
    // Construction: a repetitive payload shrinks, random-looking bytes do
    // not.
    let mut c = Compressor::new();
    let mut scratch = vec![0u8; 0x8000];
    let rows = b"Re: planning; Re: planning; Re: planning; ".repeat(20);
    let mut out = Vec::new();
    let h = BufferEncoder::new(&mut c, &mut scratch)
        .write(&mut out, &rows, PayloadOptions::DEFAULT, true)
        .unwrap();
    assert!(h.flags.contains(ExtFlags::COMPRESSED | ExtFlags::XOR_MAGIC));
    assert!(h.size < h.size_actual);
    // Undoing XOR by hand leaves a stream the decompressor reads.
    let mut wire = out[8..].to_vec();
    xor_magic(&mut wire);
    assert_eq!(lz77::decompress_to_vec(&wire, rows.len()).unwrap(), rows);

    let noise = noise(1000, 7);
    let mut out = Vec::new();
    let h = BufferEncoder::new(&mut c, &mut scratch)
        .write(&mut out, &noise, PayloadOptions::DEFAULT, false)
        .unwrap();
    assert_eq!(h.flags, ExtFlags::XOR_MAGIC);
    assert_eq!((h.size, h.size_actual), (1000, 1000));

    // A fixed-size sink that is too small fails without panicking.
    let mut small = [0u8; 10];
    let e = BufferEncoder::new(&mut c, &mut scratch)
        .write(
            &mut SliceSink::new(&mut small),
            &noise,
            PayloadOptions::PLAIN,
            true,
        )
        .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::SinkFull { .. }));
    // Size is 16 bits.
    let e = BufferEncoder::new(&mut c, &mut scratch)
        .write(
            &mut Vec::new(),
            &vec![0u8; 0x1_0000],
            PayloadOptions::PLAIN,
            true,
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unencodable { value: 0x1_0000 });
}

#[test]
fn input_chain_packing_follows_the_server_capabilities() {
    // MS-OXCRPC 3.1.4.2.1.2.1 (construction): after the first buffer only
    // a single RopWriteStreamExtended / RopFastTransferDestinationPutBuffer
    // (Extended) may follow, under its capability.
    let first = hexv("0200");
    let write_stream = hexv("0900 a3 00 00 0200 aabb 01000000");
    let put_buffer = hexv("0800 54 00 00 0100 cc 01000000");
    let put_buffer_ext = hexv("0800 9d 00 00 0100 dd 01000000");
    let two_rops = hexv("0d00 a3 00 00 0200 aabb a3 00 00 0000 01000000");

    let mut b = InputChainBuilder::new(PayloadOptions::PLAIN)
        .with_capabilities(ServerCapabilityFlags::PACKED_FAST_TRANSFER_UPLOAD_BUFFERS);
    b.push(&first).unwrap();
    assert!(b.push(&write_stream).is_err());
    assert!(b.push(&two_rops).is_err());
    b.push(&put_buffer).unwrap();
    b.push(&put_buffer_ext).unwrap();
    let bytes = b.finish().unwrap();
    let chain = DecodedChain::decode_exact(&bytes, ()).unwrap();
    let flags: Vec<_> = chain.buffers.iter().map(|b| b.header.flags).collect();
    assert_eq!(
        flags,
        [ExtFlags::empty(), ExtFlags::empty(), ExtFlags::LAST]
    );
    assert_eq!(chain.buffers[1].payload.as_ref(), put_buffer.as_slice());

    // 32 KiB per payload.
    let mut b = InputChainBuilder::new(PayloadOptions::PLAIN);
    assert!(matches!(
        b.push(&vec![0u8; 0x8001]).unwrap_err().kind(),
        ErrorKind::LimitExceeded { .. }
    ));
    assert!(b.finish().is_err());
}

#[test]
fn output_chain_respects_max_rop_out_and_96_buffers() {
    // MS-OXCRPC 3.1.4.2.1.2.2 (construction).
    let mut b = OutputChainBuilder::new(0x40000, PayloadOptions::PLAIN);
    for _ in 0..96 {
        b.push(&[0x42; 8]).unwrap();
    }
    assert_eq!(b.len(), 96);
    assert!(matches!(
        b.push(&[0x42; 8]).unwrap_err().kind(),
        ErrorKind::LimitExceeded {
            value: 97,
            limit: 96
        }
    ));
    let bytes = b.finish().unwrap();
    assert_eq!(bytes.len(), 96 * 16);
    let chain = ExtChain::decode_exact(&bytes, ()).unwrap();
    assert_eq!(chain.len(), 96);

    // With compression a buffer that would not fit plain can fit.
    let mut b = OutputChainBuilder::new(
        0x100,
        PayloadOptions {
            compress: true,
            xor_magic: false,
        },
    );
    b.push(&[0x42; 0x1000]).unwrap();
    assert!(b.remaining() > 0xE0);
    let bytes = b.finish().unwrap();
    let chain = DecodedChain::decode_exact(&bytes, ()).unwrap();
    assert_eq!(chain.buffers[0].payload.as_ref(), &[0x42; 0x1000][..]);
}

// --------------------------------------------------------------- AUX ---

#[test]
fn every_fixed_block_type_decodes_and_re_encodes() {
    // Constructions of each fixed-size block of MS-OXCRPC 2.2.2.2.x under
    // each (Version, Type) that selects it.
    let guid = "00112233445566778899aabbccddeeff";
    let session = format!("0300 0000 {guid}");
    let session_v2 = format!("0300 0000 {guid} 09000000");
    let account = format!("0400 0000 {guid}");
    let cases: Vec<(&str, &str, &str)> = vec![
        ("01", "01", "0100 0200"),
        ("01", "04", &session),
        ("02", "04", &session_v2),
        ("01", "05", "0a000000 14000000 0500 0000"),
        ("01", "0c", "0a000000 14000000 0500 0000"),
        ("01", "11", "0a000000 14000000 0500 0000"),
        ("01", "06", "0100 0200 03000000 04000000 31 000000"),
        ("01", "0d", "0100 0200 03000000 04000000 31 000000"),
        ("01", "12", "0100 0200 03000000 04000000 31 000000"),
        ("01", "07", "0100 0200 0300 0400 05000000 06000000"),
        ("01", "0e", "0100 0200 0300 0400 05000000 06000000"),
        ("01", "13", "0100 0200 0300 0400 05000000 06000000"),
        (
            "02",
            "07",
            "0900 0100 0200 0300 0400 0000 05000000 06000000",
        ),
        (
            "02",
            "0e",
            "0900 0100 0200 0300 0400 0000 05000000 06000000",
        ),
        (
            "02",
            "13",
            "0900 0100 0200 0300 0400 0000 05000000 06000000",
        ),
        (
            "01",
            "08",
            "0100 0200 0300 0000 05000000 06000000 07 000000",
        ),
        (
            "01",
            "0f",
            "0100 0200 0300 0000 05000000 06000000 07 000000",
        ),
        (
            "01",
            "14",
            "0100 0200 0300 0000 05000000 06000000 07 000000",
        ),
        (
            "02",
            "08",
            "0900 0100 0200 0300 05000000 06000000 07 000000",
        ),
        (
            "02",
            "0f",
            "0900 0100 0200 0300 05000000 06000000 07 000000",
        ),
        (
            "02",
            "14",
            "0900 0100 0200 0300 05000000 06000000 07 000000",
        ),
        (
            "01",
            "09",
            "0100 0200 0300 0400 05000000 06000000 0f010480 07 000000",
        ),
        (
            "01",
            "10",
            "0100 0200 0300 0400 05000000 06000000 0f010480 07 000000",
        ),
        (
            "01",
            "15",
            "0100 0200 0300 0400 05000000 06000000 0f010480 07 000000",
        ),
        (
            "02",
            "09",
            "0900 0100 0200 0300 0400 0000 05000000 06000000 0f010480 07 000000",
        ),
        (
            "02",
            "10",
            "0900 0100 0200 0300 0400 0000 05000000 06000000 0f010480 07 000000",
        ),
        (
            "02",
            "15",
            "0900 0100 0200 0300 0400 0000 05000000 06000000 0f010480 07 000000",
        ),
        ("01", "0a", "15000000 60ea0000"),
        ("01", "17", "01000000"),
        ("01", "18", &account),
        ("01", "46", "0b000000"),
        ("01", "48", "01000000"),
    ];
    for (version, ty, body) in &cases {
        let body = hexv(body);
        let mut bytes = vec![(body.len() + 4) as u8, 0];
        bytes.extend(hexv(version));
        bytes.extend(hexv(ty));
        bytes.extend_from_slice(&body);
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let b = roundtrip::<AuxBlock<'_>>(bytes, ());
        assert!(
            !matches!(b.body, AuxBody::Opaque { .. }),
            "{version}/{ty} decoded as opaque"
        );
        assert_eq!(b.header.size as usize, bytes.len());
    }

    // AUX_OSVERSIONINFO (156 bytes): Windows 10.0.20348, SP 0.0.
    let mut os = hexv("a0000116 94000000 0a000000 00000000 7c4f0000");
    os.extend_from_slice(&[0; 132]);
    os.extend_from_slice(&hexv("0000 0000 00000000"));
    let os: &'static [u8] = Box::leak(os.into_boxed_slice());
    let b = roundtrip::<AuxBlock<'_>>(os, ());
    let AuxBody::OsVersionInfo(v) = b.body else {
        panic!("{b:?}")
    };
    assert_eq!(
        (v.major_version, v.minor_version, v.build_number),
        (10, 0, 20348)
    );
}

#[test]
fn block_details_decode_to_their_fields() {
    // Construction: AUX_PERF_FAILURE_V2 under AUX_TYPE_PERF_BG_FAILURE.
    let b = roundtrip::<AuxBlock<'_>>(
        hex("2000 02 10 0900 0100 0200 0300 0400 0000 05000000 06000000 0f010480 07 000000"),
        (),
    );
    assert_eq!(b.header.aux_type, AuxType::PERF_BG_FAILURE);
    assert_eq!(
        b.body,
        AuxBody::PerfFailureV2(AuxPerfFailureV2 {
            process_id: 9,
            client_id: 1,
            server_id: 2,
            session_id: 3,
            request_id: 4,
            reserved_1: 0,
            time_since_request: 5,
            time_to_fail_request: 6,
            result_code: 0x8004_010F,
            request_operation: 7,
            reserved_2: [0; 3],
        })
    );
    // AUX_CLIENT_CONTROL: ENABLE_PERF_SENDTOSERVER | ENABLE_COMPRESSION |
    // ENABLE_PERF_SENDGCDATA, expiry 60 s (MS-OXCRPC 2.2.2.2.15 values).
    let b = roundtrip::<AuxBlock<'_>>(hex("0c00 01 0a 15000000 60ea0000"), ());
    let AuxBody::ClientControl(c) = b.body else {
        panic!()
    };
    assert_eq!(
        c.enable_flags,
        ClientControlFlags::ENABLE_PERF_SENDTOSERVER
            | ClientControlFlags::ENABLE_COMPRESSION
            | ClientControlFlags::ENABLE_PERF_SENDGCDATA
    );
}

#[test]
fn perf_client_info_strings_are_found_by_offset() {
    // Construction: AUX_PERF_CLIENTINFO (MS-OXCRPC 2.2.2.2.4) whose
    // strings are stored in a different order than the fields, with a
    // 2-byte gap; offsets count from the AUX_HEADER.
    // Fixed part 28 bytes after the 4-byte header: variable part from 32.
    let mut v = Vec::new();
    v.extend_from_slice(&[0xEE, 0xEE]); // gap at 32
    let user_at = 34;
    v.extend(utf16z("jane")); // 10 bytes
    let machine_at = 44;
    v.extend(utf16z("PC1")); // 8 bytes
    let ip_at = 52;
    v.extend_from_slice(&[192, 168, 1, 7]);
    let mac_at = 56;
    v.extend_from_slice(&[0, 0x15, 0x5D, 1, 2, 3]);
    let mut bytes = Vec::new();
    bytes.extend_from_slice(&((4 + 28 + v.len()) as u16).to_le_bytes());
    bytes.extend_from_slice(&[0x01, 0x02]);
    bytes.extend_from_slice(&1_000_000u32.to_le_bytes());
    for f in [
        7u16, machine_at, user_at, 4, ip_at, 0, 0, 0, 6, mac_at, 0x0002, 0,
    ] {
        bytes.extend_from_slice(&f.to_le_bytes());
    }
    bytes.extend_from_slice(&v);
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let b = roundtrip::<AuxBlock<'_>>(bytes, ());
    let AuxBody::PerfClientInfo(c) = b.body else {
        panic!()
    };
    assert_eq!(c.client_id, 7);
    assert_eq!(c.machine_name.unwrap(), "PC1");
    assert_eq!(c.user_name.unwrap(), "jane");
    assert_eq!(c.client_ip.unwrap().0, &[192, 168, 1, 7]);
    assert_eq!(c.client_ip_mask, None);
    assert_eq!(c.adapter_name, None);
    assert_eq!(c.mac_address.unwrap().0, &[0, 0x15, 0x5D, 1, 2, 3]);
    assert_eq!(c.client_mode, ClientMode::CACHED);
    assert_eq!(c.tail, AuxTail::Wire(&bytes[32..]));
}

#[test]
fn variable_blocks_built_canonically_round_trip() {
    // Constructions of every block with offset-addressed fields.
    let guid = Guid::from_fields(1, 2, 3, [4; 8]);
    let bodies = [
        AuxBody::PerfClientInfo(AuxPerfClientInfo::new(
            100,
            3,
            Some("WS"),
            Some("u"),
            Some(&[10, 0, 0, 1]),
            Some(&[255, 255, 255, 0]),
            Some("eth0"),
            Some(&[1, 2, 3, 4, 5, 6]),
            ClientMode::CLASSIC,
        )),
        AuxBody::PerfServerInfo(AuxPerfServerInfo::new(
            2,
            ServerType::PUBLIC,
            Some("/o=Org/ou=Exchange"),
            None,
        )),
        AuxBody::PerfProcessInfo(AuxPerfProcessInfo::new(5, guid, Some("OUTLOOK.EXE"))),
        AuxBody::ClientConnectionInfo(AuxClientConnectionInfo::new(
            guid,
            Some("reconnect"),
            3,
            ConnectionFlags::CACHED_MODE,
        )),
        AuxBody::ServerSessionInfo(AuxServerSessionInfo::new(None)),
        AuxBody::ProtocolDeviceIdentification(AuxProtocolDeviceIdentification::new(
            Some("Contoso"),
            Some("Phone"),
            Some("123"),
            Some("1.0"),
            Some("fw"),
        )),
    ];
    for body in bodies {
        let block = AuxBlock::new(body).unwrap();
        let bytes: &'static [u8] = Box::leak(block.to_vec().unwrap().into_boxed_slice());
        assert_eq!(block.encoded_len(), bytes.len());
        let back = roundtrip::<AuxBlock<'_>>(bytes, ());
        assert_eq!(back, block);
    }
    // A built block whose offsets were changed by hand is refused.
    let mut s = AuxServerSessionInfo::new(Some("x"));
    s.offset_server_session_context_info = 8;
    let b = AuxBlock::new(AuxBody::ServerSessionInfo(s)).unwrap();
    assert!(matches!(
        b.to_vec().unwrap_err().kind(),
        ErrorKind::Unencodable { value: 8 }
    ));
}

#[test]
fn unknown_and_misfit_blocks_are_opaque_and_exact() {
    // Constructions: undocumented type 0x52, version 3, a version-2 type
    // that has no version-2 structure, AUX_PERF_REQUESTID with 8 bytes
    // after its 4 (more than AuxBlock::MAX_PADDING), and an empty
    // AUX_EXORGINFO.
    for h in [
        "0800 01 52 01020304",
        "0800 03 01 01020304",
        "0800 02 01 01020304",
        "1000 01 01 0100 0200 00000000 00000000",
        "0400 01 17",
    ] {
        let b = roundtrip::<AuxBlock<'_>>(hex(h), ());
        assert!(matches!(b.body, AuxBody::Opaque { .. }), "{h}: {b:?}");
    }
    // A variable block shorter than its fixed part.
    let b = roundtrip::<AuxBlock<'_>>(hex("0800 01 02 01020304"), ());
    assert!(matches!(b.body, AuxBody::Opaque { .. }));
}

#[test]
fn padded_fixed_blocks_decode_and_keep_their_padding() {
    // MS-OXCRPC 2.2.2.2.8 AUX_PERF_GC_SUCCESS is 20 bytes; Microsoft's
    // protocol test suite sends it 2 bytes longer. Construction: Size 26,
    // ClientID 1, ServerID 2, SessionID 3, Reserved, TimeSinceRequest 10,
    // TimeToCompleteRequest 20, RequestOperation 0x99, Reserved, 2 bytes
    // of padding.
    let bytes = hex("1a00 01 08 0100 0200 0300 0000 0a000000 14000000 99 000000 0000");
    let b = roundtrip::<AuxBlock<'_>>(bytes, ());
    let AuxBody::PerfGcSuccess(g) = &b.body else {
        panic!("{b:?}")
    };
    assert_eq!((g.client_id, g.server_id, g.session_id), (1, 2, 3));
    assert_eq!((g.time_since_request, g.time_to_complete_request), (10, 20));
    assert_eq!(g.request_operation, 0x99);
    assert_eq!(b.padding.0, &[0, 0]);

    // AUX_PERF_REQUESTID padded to 12 (4 bytes, within MAX_PADDING).
    let b = roundtrip::<AuxBlock<'_>>(hex("0c00 01 01 0100 0200 aabbccdd"), ());
    let AuxBody::PerfRequestId(r) = b.body else {
        panic!("{b:?}")
    };
    assert_eq!((r.session_id, r.request_id), (1, 2));
    assert_eq!(b.padding.0, &[0xAA, 0xBB, 0xCC, 0xDD]);

    // Built blocks have none, and Size must count the padding on encoding.
    let mut built = AuxBlock::new(AuxBody::PerfRequestId(r)).unwrap();
    assert!(built.padding.0.is_empty());
    built.padding = Bytes(&[0, 0]);
    assert!(built.to_vec().is_err());
    built.header.size = 10;
    assert_eq!(built.to_vec().unwrap(), hexv("0a00 01 01 0100 0200 0000"));
}

#[test]
fn block_size_below_the_header_is_an_error() {
    // Construction: Size 3.
    let e = AuxBlock::decode(&hexv("0300 01 01 00")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "AuxBlock.Header.Size: invalid value 0x3 (offset 0)"
    );
    // Size beyond the input.
    let e = AuxBlock::decode(&hexv("0900 01 01 0100 0200")).unwrap_err();
    assert_eq!(e.offset(), 4);
}

#[test]
fn encoding_checks_size_and_type_against_the_body() {
    let mut b = AuxBlock::new(AuxBody::PerfRequestId(AuxPerfRequestId {
        session_id: 1,
        request_id: 2,
    }))
    .unwrap();
    assert_eq!(b.to_vec().unwrap(), hexv("0800 01 01 0100 0200"));
    b.header.size = 9;
    assert!(b.to_vec().is_err());
    b.header.size = 8;
    b.header.aux_type = AuxType::CLIENT_CONTROL;
    assert!(b.to_vec().is_err());
    // The BG type of the same structure is fine.
    let b = AuxBlock::with_header(
        AuxVersion::V1,
        AuxType::PERF_BG_DEFMDB_SUCCESS,
        AuxBody::PerfDefMdbSuccess(AuxPerfDefMdbSuccess {
            time_since_request: 1,
            time_to_complete_request: 2,
            request_id: 3,
            reserved: 0,
        }),
    )
    .unwrap();
    assert_eq!(
        b.to_vec().unwrap(),
        hexv("1000 01 0c 01000000 02000000 0300 0000")
    );
}

/// Bytes from xorshift64: nothing for LZ77 to find.
fn noise(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

fn utf16z(s: &str) -> Vec<u8> {
    let mut v: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    v.extend_from_slice(&[0, 0]);
    v
}

/// A server's Connect rgbAuxOut (construction from the blocks MS-OXCRPC
/// 3.1.4.1.2.1 lists): CLIENT_CONTROL, OSVERSIONINFO, EXORGINFO,
/// SERVER_SESSION_INFO, ENDPOINT_CAPABILITIES, SERVER_CAPABILITIES.
fn connect_aux_out_blocks() -> Vec<AuxBlock<'static>> {
    let mut reserved = [0u8; 132];
    reserved[0] = 0x20;
    [
        AuxBody::ClientControl(AuxClientControl {
            enable_flags: ClientControlFlags::ENABLE_PERF_SENDTOSERVER
                | ClientControlFlags::ENABLE_COMPRESSION,
            expiry_time: 604_800_000,
        }),
        AuxBody::OsVersionInfo(AuxOsVersionInfo {
            os_version_info_size: 148,
            major_version: 10,
            minor_version: 0,
            build_number: 20348,
            reserved_1: Raw(reserved),
            service_pack_major: 0,
            service_pack_minor: 0,
            reserved_2: 0,
        }),
        AuxBody::ExOrgInfo(AuxExOrgInfo {
            org_flags: OrgFlags::PUBLIC_FOLDERS_ENABLED,
        }),
        AuxBody::ServerSessionInfo(AuxServerSessionInfo::new(Some(
            "{\"server\":\"EX01\",\"session\":42}",
        ))),
        AuxBody::EndpointCapabilities(AuxEndpointCapabilities {
            endpoint_capability_flag: EndpointCapabilityFlags::SINGLE_ENDPOINT,
        }),
        AuxBody::ServerCapabilities(AuxServerCapabilities {
            server_capability_flags: ServerCapabilityFlags::PACKED_FAST_TRANSFER_UPLOAD_BUFFERS
                | ServerCapabilityFlags::PACKED_WRITE_STREAM_UPLOAD_BUFFERS,
        }),
    ]
    .into_iter()
    .map(|b| AuxBlock::new(b).unwrap())
    .collect()
}

#[test]
fn aux_buffer_plain_and_transformed() {
    let blocks = connect_aux_out_blocks();
    for opts in [
        PayloadOptions::PLAIN,
        PayloadOptions::DEFAULT,
        PayloadOptions {
            compress: false,
            xor_magic: true,
        },
    ] {
        let bytes = encode_aux_buffer(&blocks, opts).unwrap();
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let d = roundtrip::<DecodedAuxBuffer<'_>>(bytes, ());
        assert!(d.header.is_last());
        let got: Vec<_> = d.blocks().iter().collect();
        assert_eq!(got, blocks, "{opts:?}");

        let view = roundtrip::<AuxBuffer<'_>>(bytes, ());
        let mut scratch = [0u8; 0x1000];
        let got: Vec<_> = view.blocks_in(&mut scratch).unwrap().iter().collect();
        assert_eq!(got, blocks);
        assert_eq!(view.blocks().is_some(), opts == PayloadOptions::PLAIN);
        if opts.compress {
            assert!(d.header.flags.contains(ExtFlags::COMPRESSED));
        }
    }
}

#[test]
fn aux_buffer_rules() {
    // Constructions.
    // Last is required.
    let mut bytes = header(ExtFlags::empty(), 8, 8);
    bytes.extend_from_slice(&hexv("0800 01 17 01000000"));
    let e = AuxBuffer::decode_exact(&bytes, ()).unwrap_err();
    assert_eq!(e.offset(), 2);
    assert_eq!(e.path().to_string(), "AuxiliaryBuffer.Header.Flags");
    // 0x1008 bytes at most.
    let big = vec![
        AuxBlock::with_header(
            AuxVersion::V1,
            AuxType(0x52),
            AuxBody::Opaque {
                data: mapi_wire::wire::Bytes(Box::leak(vec![0x5A; 0x1001].into_boxed_slice())),
            },
        )
        .unwrap(),
    ];
    assert!(matches!(
        encode_aux_buffer(&big, PayloadOptions::PLAIN)
            .unwrap_err()
            .kind(),
        ErrorKind::LimitExceeded { .. }
    ));
    let mut bytes = header(ExtFlags::LAST, 0x1001, 0x1001);
    bytes.extend_from_slice(&0x1001u16.to_le_bytes());
    bytes.extend_from_slice(&[0x01, 0x52]);
    bytes.extend_from_slice(&[0x5A; 0x1001 - 4]);
    let e = AuxBuffer::decode_exact(&bytes, ()).unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::LimitExceeded {
            value: 0x1009,
            limit: 0x1008
        }
    );
    assert!(AuxBuffer::decode_with_limits(&bytes, (), Limits::PERMISSIVE).is_ok());
    // A block that runs past the payload.
    let mut bytes = header(ExtFlags::LAST, 8, 8);
    bytes.extend_from_slice(&hexv("0c00 01 17 01000000"));
    let e = DecodedAuxBuffer::decode_exact(&bytes, ()).unwrap_err();
    assert_eq!(e.offset(), 12);
    assert_eq!(e.path().to_string(), "AuxiliaryBuffer.Payload[0].Body");
    prefixes_fail::<AuxBuffer<'_>>(&bytes, ());

    // The same payload obfuscated: offsets still map to the input.
    let mut bytes = header(ExtFlags::LAST | ExtFlags::XOR_MAGIC, 8, 8);
    bytes.extend(hexv("0c00 01 17 01000000").iter().map(|b| b ^ 0xA5));
    let e = DecodedAuxBuffer::decode_exact(&bytes, ()).unwrap_err();
    assert_eq!(e.offset(), 12);
    let view = AuxBuffer::decode_exact(&bytes, ()).unwrap();
    let ve = view.blocks_in(&mut [0u8; 64]).unwrap_err();
    assert_eq!((ve.offset(), ve.kind()), (e.offset(), e.kind()));
    assert_eq!(ve.path().to_string(), "Payload[0].Body");
    // Compressed: plain bytes have no place in the input; the error is
    // reported at the payload's first byte, with its path.
    let blocks = hexv("0800 01 01 0300 0000 0800 01 01 0300 0000 0c00 01 17 01000000");
    let c = lz77::compress_to_vec(&blocks);
    assert!(c.len() < blocks.len());
    let mut bytes = header(
        ExtFlags::LAST | ExtFlags::COMPRESSED,
        c.len() as u16,
        blocks.len() as u16,
    );
    bytes.extend_from_slice(&c);
    let e = DecodedAuxBuffer::decode_exact(&bytes, ()).unwrap_err();
    assert_eq!(e.offset(), 8);
    assert_eq!(e.path().to_string(), "AuxiliaryBuffer.Payload[2].Body");
    assert!(matches!(e.kind(), ErrorKind::Truncated { .. }));
}

#[test]
fn aux_blocks_are_walked_by_size() {
    // Construction: REQUESTID, an unknown 0x43 block of 6 bytes, and
    // SESSIONINFO_V2, back to back (MS-OXCRPC 3.1.4.1.2: unknown blocks are
    // skipped by Size).
    let bytes = hex("0800 01 01 0100 0200
         0600 01 43 abcd
         1c00 02 04 0300 0000 00112233445566778899aabbccddeeff 09000000");
    // (Every prefix that ends between blocks is itself a valid sequence,
    // so `roundtrip` does not apply.)
    let blocks = AuxBlocks::decode_exact(bytes, ()).unwrap();
    assert_eq!(blocks.to_vec().unwrap(), bytes);
    assert_eq!(blocks.encoded_len(), bytes.len());
    let kinds: Vec<_> = blocks.iter().map(|b| b.header.aux_type).collect();
    assert_eq!(
        kinds,
        [
            AuxType::PERF_REQUESTID,
            AuxType(0x43),
            AuxType::PERF_SESSIONINFO
        ]
    );
    let last = blocks.iter().nth(2).unwrap();
    let AuxBody::PerfSessionInfoV2(s) = last.body else {
        panic!()
    };
    assert_eq!(s.connection_id, 9);
    // Offsets of errors in later blocks are absolute.
    let mut r = Reader::new(&bytes[..bytes.len() - 1]);
    let e = AuxBlocks::decode_from(&mut r, ()).unwrap_err();
    assert_eq!(e.offset(), 18);
}

// ----------------------------------------------------------- properties ---

mod props {
    use super::*;
    use proptest::prelude::*;

    fn opts() -> impl Strategy<Value = PayloadOptions> {
        (any::<bool>(), any::<bool>()).prop_map(|(compress, xor_magic)| PayloadOptions {
            compress,
            xor_magic,
        })
    }

    fn payload() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            prop::collection::vec(any::<u8>(), 0..300),
            (prop::collection::vec(any::<u8>(), 1..8), 1usize..200)
                .prop_map(|(unit, n)| unit.repeat(n)),
        ]
    }

    proptest! {
        #[test]
        fn built_chains_decode_to_their_payloads(
            payloads in prop::collection::vec((payload(), opts()), 1..6),
        ) {
            let mut c = Compressor::new();
            let mut scratch = vec![0u8; 0x8000];
            let mut enc = BufferEncoder::new(&mut c, &mut scratch);
            let mut bytes = Vec::new();
            for (i, (p, o)) in payloads.iter().enumerate() {
                let h = enc.write(&mut bytes, p, *o, i + 1 == payloads.len()).unwrap();
                prop_assert!(!h.flags.contains(ExtFlags::COMPRESSED) || h.size < h.size_actual);
                prop_assert_eq!(h.flags.contains(ExtFlags::XOR_MAGIC), o.xor_magic);
            }
            let d = DecodedChain::decode_exact(&bytes, ()).unwrap();
            prop_assert_eq!(d.buffers.len(), payloads.len());
            for (b, (p, _)) in d.buffers.iter().zip(&payloads) {
                prop_assert_eq!(b.payload.as_ref(), p.as_slice());
            }
            prop_assert_eq!(d.to_vec().unwrap(), bytes.clone());
            prop_assert_eq!(d.encoded_len(), bytes.len());
            // The zero-copy view reads the same plain bytes into a buffer.
            let view = ExtChain::decode_exact(&bytes, ()).unwrap();
            let mut buf = vec![0u8; 0x8000];
            for (b, (p, _)) in view.iter().zip(&payloads) {
                prop_assert_eq!(b.plain_into(&mut buf).unwrap(), p.as_slice());
            }
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            fn exact<'a, T>(bytes: &'a [u8]) -> Result<(), TestCaseError>
            where
                T: Decode<'a, Ctx = ()> + Encode<Ctx = ()> + std::fmt::Debug,
            {
                match T::decode(bytes) {
                    Ok((v, rest)) => {
                        let used = &bytes[..bytes.len() - rest.len()];
                        prop_assert_eq!(v.to_vec().unwrap(), used);
                        prop_assert_eq!(v.encoded_len(), used.len());
                    }
                    Err(e) => prop_assert!(e.offset() <= bytes.len(), "{}", e),
                }
                Ok(())
            }
            exact::<ExtChain<'_>>(&bytes)?;
            exact::<DecodedChain<'_>>(&bytes)?;
            exact::<AuxBlock<'_>>(&bytes)?;
            exact::<AuxBlocks<'_>>(&bytes)?;
            exact::<AuxBuffer<'_>>(&bytes)?;
            exact::<DecodedAuxBuffer<'_>>(&bytes)?;
        }

        #[test]
        fn arbitrary_aux_payloads_behind_a_valid_header(
            body in prop::collection::vec(any::<u8>(), 0..300),
            o in opts(),
        ) {
            // Random AUX payloads, framed correctly (and maybe compressed or
            // obfuscated): decoding either fails inside the payload or gives
            // blocks that re-encode to the payload.
            let mut c = Compressor::new();
            let mut scratch = vec![0u8; 0x1000];
            let mut bytes = Vec::new();
            BufferEncoder::new(&mut c, &mut scratch).write(&mut bytes, &body, o, true).unwrap();
            if let Ok(d) = DecodedAuxBuffer::decode_exact(&bytes, ()) {
                let blocks: Vec<_> = d.blocks().iter().collect();
                prop_assert_eq!(AuxBlocks::from_slice(&blocks).to_vec().unwrap(), body);
            }
        }
    }
}
