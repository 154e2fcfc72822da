#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into seeds/<target>/.

The seeds are committed; this script documents how each one is built and
regenerates them (`python3 fuzz/make_seeds.py`). Every seed starts with the
target's selector byte (see the comment at the top of each target).
"""

import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def u8(v): return struct.pack("<B", v)
def u16(v): return struct.pack("<H", v)
def u32(v): return struct.pack("<I", v)
def u64(v): return struct.pack("<Q", v)
def i16(v): return struct.pack("<h", v)
def i32(v): return struct.pack("<i", v)
def i64(v): return struct.pack("<q", v)
def f32(v): return struct.pack("<f", v)
def f64(v): return struct.pack("<d", v)
def tag(pid, ty): return u32((pid << 16) | ty)
def utf16z(s): return s.encode("utf-16-le") + b"\0\0"
def str8z(s): return s.encode("latin-1") + b"\0"
def guid(n): return bytes(range(n, n + 16))


def binary(b, ext=False):
    return (u32(len(b)) if ext else u16(len(b))) + b


def server_id_ours(ext=False):
    body = b"\x01" + bytes([1, 0, 0, 0, 0, 0, 0, 9]) + bytes(8) + u32(0)
    return binary(body, ext)


# ---------------------------------------------------------------- restrictions
# The restriction target's selector: 0x00 = ROP context, 0x01 = extended.

def r_and(children, ext=False):
    return u8(0x00) + (u32 if ext else u16)(len(children)) + b"".join(children)


def r_or(children, ext=False):
    return u8(0x01) + (u32 if ext else u16)(len(children)) + b"".join(children)


def r_not(child): return u8(0x02) + child


def r_content(low, high, ptag, tagged):
    return u8(0x03) + u16(low) + u16(high) + ptag + tagged


def r_property(relop, ptag, tagged): return u8(0x04) + u8(relop) + ptag + tagged
def r_compare(relop, t1, t2): return u8(0x05) + u8(relop) + t1 + t2
def r_bitmask(op, ptag, mask): return u8(0x06) + u8(op) + ptag + u32(mask)
def r_size(relop, ptag, size): return u8(0x07) + u8(relop) + ptag + u32(size)
def r_exist(ptag): return u8(0x08) + ptag
def r_subobject(sub, child): return u8(0x09) + sub + child


def r_comment(tagged_values, child=None):
    out = u8(0x0A) + u8(len(tagged_values)) + b"".join(tagged_values)
    return out + (u8(1) + child if child is not None else u8(0))


def r_count(n, child): return u8(0x0B) + u32(n) + child


SUBJECT = tag(0x0037, 0x001F)
BODY = tag(0x1000, 0x001F)
SIZE = tag(0x0E08, 0x0003)
FLAGS = tag(0x0E07, 0x0003)
RECIPIENTS = tag(0x0E12, 0x000D)
DISPLAY_TO = tag(0x0E04, 0x001F)


def restriction_seeds():
    seeds = {}
    # The example in the rustdoc of `Restriction`:
    # And(Exist(PidTagSubject), Not(Exist(PidTagBody))).
    doc = bytes([0x00, 0x02, 0x00, 0x08, 0x1F, 0x00, 0x37, 0x00,
                 0x02, 0x08, 0x1F, 0x00, 0x00, 0x10])
    assert doc == r_and([r_exist(SUBJECT), r_not(r_exist(BODY))])
    seeds["doc_and_exist_not"] = b"\x00" + doc
    seeds["content_substring_ignorecase"] = b"\x00" + r_content(
        0x0001, 0x0001, SUBJECT, SUBJECT + utf16z("invoice"))
    seeds["property_size_gt"] = b"\x00" + r_property(
        0x02, SIZE, SIZE + i32(1 << 20))
    seeds["compare_bitmask_size_or"] = b"\x00" + r_or([
        r_compare(0x04, DISPLAY_TO, tag(0x0E03, 0x001F)),
        r_bitmask(0x01, FLAGS, 0x0000_0001),
        r_size(0x00, BODY, 4096),
    ])
    seeds["subobject_recipients"] = b"\x00" + r_subobject(
        RECIPIENTS, r_content(0x0002, 0, tag(0x3003, 0x001F),
                              tag(0x3003, 0x001F) + utf16z("bob@")))
    seeds["comment_with_restriction"] = b"\x00" + r_comment(
        [tag(0x6707, 0x001F) + utf16z("rule"), tag(0x0017, 0x0003) + i32(1)],
        r_exist(SUBJECT))
    seeds["comment_without_restriction"] = b"\x00" + r_comment(
        [tag(0x0E1B, 0x000B) + u8(1)])
    seeds["count_not_exist"] = b"\x00" + r_count(5, r_not(r_exist(BODY)))
    # A PtypRestriction value nested inside a PropertyRestriction.
    rtag = tag(0x6679, 0x00FD)
    seeds["property_restriction_value"] = b"\x00" + r_property(
        0x04, rtag, rtag + r_and([r_exist(SUBJECT)]))
    # A PtypBinary and a PtypMultipleString value.
    seeds["property_binary_mvstring"] = b"\x00" + r_and([
        r_property(0x04, tag(0x0FFF, 0x0102),
                   tag(0x0FFF, 0x0102) + binary(b"\x00\x00\x00\x00\xde\xad")),
        r_property(0x05, tag(0x8001, 0x101F),
                   tag(0x8001, 0x101F) + u32(2) + utf16z("a") + utf16z("bc")),
    ])
    seeds["deep_not"] = b"\x00" + (r_not(b"") * 20) + r_exist(SUBJECT)
    seeds["empty_and"] = b"\x00" + r_and([])
    # Extended context: 4-byte And/Or counts and binary counts.
    seeds["ext_and_or"] = b"\x01" + r_and([
        r_or([r_exist(SUBJECT), r_exist(BODY)], ext=True),
        r_property(0x04, tag(0x0FFF, 0x0102),
                   tag(0x0FFF, 0x0102) + binary(b"\x01\x02\x03", ext=True)),
    ], ext=True)
    seeds["ext_comment_count"] = b"\x01" + r_count(
        1, r_comment([tag(0x6708, 0x0014) + i64(7)], r_and([], ext=True)))
    return seeds


# ---------------------------------------------------------------- rows
# The property_rows selector indexes COLUMN_SETS in
# fuzz_targets/property_rows.rs; bit 7 selects the extended context.

def row(*cells): return u8(0) + b"".join(cells)
def flagged(*cells): return u8(1) + b"".join(cells)
def present(v): return u8(0x00) + v
def absent(): return u8(0x01)
def error(code): return u8(0x0A) + u32(code)
def rowset(*rows): return u16(len(rows)) + b"".join(rows)


def rows_seeds():
    seeds = {}
    # The example in the rustdoc of `PropertyRowSet` (column set 0).
    doc = bytes([0x02, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
                 0x00, 0x02, 0x00, 0x00, 0x00])
    assert doc == rowset(row(i32(1)), row(i32(2)))
    seeds["doc_int32"] = b"\x00" + doc
    seeds["int32_flagged"] = b"\x00" + rowset(
        flagged(present(i32(42))), flagged(absent()), flagged(error(0x8004010F)))
    fixed = [b"", i16(-2), i32(7), f32(1.5), f64(-0.25), i64(12345_0000),
             f64(45000.5), u32(0x80040102), u8(1), i64(-1), u64(0x01D0_0000_0000_0000),
             guid(0x10)]
    seeds["fixed_standard"] = b"\x01" + rowset(row(*fixed))
    seeds["fixed_flagged"] = b"\x01" + rowset(
        flagged(*[present(v) for v in fixed[:6]], absent(), error(0x8004010F),
                present(u8(0)), absent(), present(fixed[10]), present(fixed[11])))
    seeds["strings"] = b"\x02" + rowset(
        row(utf16z("Hello"), str8z("abc"), utf16z("")),
        flagged(present(utf16z("\u00e9t\u00e9")), absent(), error(0x8004010F)))
    seeds["binary_serverid_object"] = b"\x03" + rowset(
        row(binary(b"\xde\xad\xbe\xef"), server_id_ours(), binary(b"")),
        row(binary(b""), binary(b"\x00\x01\x02"), binary(b"\x00")))
    seeds["ext_binary_serverid_object"] = b"\x83" + rowset(
        row(binary(b"\xde\xad", True), server_id_ours(True), binary(b"", True)))
    mv = [
        u32(2) + i16(1) + i16(-1),
        u32(1) + i32(5),
        u32(1) + f32(2.0),
        u32(1) + f64(3.0),
        u32(1) + i64(10000),
        u32(1) + f64(1.0),
        u32(2) + i64(1) + i64(2),
        u32(2) + str8z("a") + str8z(""),
        u32(2) + utf16z("x") + utf16z("yz"),
        u32(1) + u64(0x01D0_0000_0000_0000),
        u32(1) + guid(0x20),
        u32(2) + binary(b"\x01") + binary(b""),
    ]
    seeds["multivalued"] = b"\x04" + rowset(row(*mv))
    seeds["multivalued_empty"] = b"\x04" + rowset(row(*[u32(0)] * 12))
    seeds["ext_multivalued"] = b"\x84" + rowset(
        row(*mv[:11], u32(1) + binary(b"\xff", True)))
    seeds["unspecified"] = b"\x05" + rowset(
        row(u16(0x001F) + utf16z("typed"), i32(3), u16(0x0003) + i32(9)),
        flagged(u16(0x001F) + absent(), present(i32(4)),
                u16(0x0102) + present(binary(b"\x00"))),
        flagged(u16(0x000A) + error(0x8007000E), error(0x8004010F),
                u16(0x001F) + present(utf16z("b"))))
    seeds["mv_instance"] = b"\x06" + rowset(
        row(i32(1), utf16z("one"), binary(b"\x01"), guid(0), str8z("s")),
        flagged(present(i32(2)), absent(), present(binary(b"")), error(0x8004010F),
                present(str8z(""))))
    seeds["contents_table"] = b"\x07" + rowset(
        row(utf16z("Re: hello"), i32(1024), u64(0x01D9_1234_5678_9ABC),
            binary(bytes(46)), i32(1), u8(0), u16(0x001F) + utf16z("body")),
        flagged(error(0x8004010F), present(i32(2)), absent(),
                present(binary(b"\x00" * 4)), present(i32(0)), present(u8(1)),
                u16(0x001F) + error(0x8007000E)))
    rule_action = u16(1) + u16(9) + u8(0x0A) + u32(0) + u32(0)
    seeds["rules_table"] = b"\x08" + rowset(
        row(r_and([r_exist(SUBJECT), r_not(r_exist(BODY))]), rule_action, i64(1)),
        flagged(present(r_content(1, 1, SUBJECT, SUBJECT + utf16z("x"))),
                absent(), present(i64(2))))
    seeds["no_columns"] = b"\x09" + rowset(row(), flagged(), row())
    seeds["unknown_type"] = b"\x0A" + rowset(row(i32(1), u32(0)))
    seeds["repeated_strings"] = b"\x0B" + rowset(
        row(utf16z("a"), utf16z("b"), utf16z(""), utf16z("\ud7ff")),
        flagged(absent(), present(utf16z("c")), absent(), absent()))
    seeds["empty_rowset"] = b"\x00" + rowset()
    return seeds


# ---------------------------------------------------------------- MS-OXCRPC
# ext_buffer: selector bit 0 = permissive limits. lz77_decompress: the first
# two bytes are SizeActual. aux_buffer: selector bit 0 = bare AUX blocks.

# MS-XCA 3.1 examples (shared/vectors/spec-transport.json).
XCA_1 = bytes.fromhex("3f0000006162636465666768696a6b6c6d6e6f707172737475767778797a")
XCA_2 = bytes.fromhex("ffffff1f61626317000fff2601")
COMPRESSED, XOR_MAGIC, LAST = 0x1, 0x2, 0x4


def rpc_header_ext(flags, size, size_actual):
    return u16(0) + u16(flags) + u16(size) + u16(size_actual)


def xor(b): return bytes(x ^ 0xA5 for x in b)


def ext(payload, flags, size_actual=None):
    return rpc_header_ext(flags, len(payload),
                          len(payload) if size_actual is None else size_actual) + payload


def ext_buffer_seeds():
    seeds = {}
    # MS-OXCRPC 4.2: the rgbIn header {0, Last, 0x0152, 0x0152}, RopSize
    # 0x0142, 320 bytes of ROPs (filler here) and a 16-byte handle table.
    payload = u16(0x0142) + bytes(i % 251 for i in range(320)) + b"\xff" * 16
    seeds["oxcrpc_4_2_rgbin"] = b"\x00" + ext(payload, LAST)
    # MS-OXCMAPIHTTP E7: an empty ROP buffer (RopSize 2).
    seeds["empty_rop_buffer"] = b"\x00" + ext(u16(2), LAST)
    seeds["xor_empty_rop_buffer"] = b"\x00" + ext(xor(u16(2)), XOR_MAGIC | LAST)
    # MS-XCA 3.1 example 2 as a compressed, and as a compressed+obfuscated,
    # payload.
    seeds["xca2_compressed"] = b"\x00" + ext(XCA_2, COMPRESSED | LAST, 300)
    seeds["xca2_compressed_xor"] = b"\x00" + ext(xor(XCA_2), COMPRESSED | XOR_MAGIC | LAST, 300)
    # A chain: plain, obfuscated, compressed+obfuscated.
    seeds["mixed_chain"] = b"\x00" + (ext(u16(2), 0) + ext(xor(b"\x01\x02\x03"), XOR_MAGIC)
                                      + ext(xor(XCA_2), COMPRESSED | XOR_MAGIC | LAST, 300))
    # A long match announced beyond 32 KiB (permissive limits).
    big = b"\xff\xff\xff\x7f" + b"a" + u16(7) + b"\x0f\xff" + u16(0)
    seeds["permissive_large"] = b"\x01" + ext(big, COMPRESSED | LAST, 0x9000)
    return seeds


def lz77_seeds():
    seeds = {}
    seeds["xca1"] = u16(26) + XCA_1
    seeds["xca2"] = u16(300) + XCA_2
    seeds["empty"] = u16(0) + b"\xff\xff\xff\xff"
    # 32 literals need a second flag word for the end bit (MS-XCA 2.3.4).
    seeds["thirty_two_literals"] = u16(32) + u32(0) + bytes(range(32)) + b"\xff" * 4
    # Two long matches sharing a nibble byte, and a u16 length (280).
    # "0123", a match of distance 4 and length 11 (low nibble 1), "xyz",
    # a match of distance 3 and length 12 (high nibble 2 of the same byte).
    shared = (u32(0x08FFFFFF) + b"0123" + u16((3 << 3) | 7) + b"\x21" + b"xyz"
              + u16((2 << 3) | 7))
    seeds["shared_nibble"] = u16(4 + 11 + 3 + 12) + shared
    seeds["length_280"] = u16(281) + u32(0x7FFFFFFF) + b"a" + u16(7) + b"\x0f\xff" + u16(0x115)
    # The MS-XCA 2.4.4 u32 length form (length 300).
    seeds["length_u32"] = u16(301) + u32(0x7FFFFFFF) + b"z" + u16(7) + b"\x0f\xff" + u16(0) + u32(297)
    # MS-OXCRPC 3.1.4.1.1.2.2.3: metadata 0x0018 (distance 4, length 3).
    seeds["metadata_0x0018"] = u16(7) + u32(0x0FFFFFFF) + b"abcd" + u16(0x0018)
    return seeds


def aux_block(version, ty, body):
    return u16(4 + len(body)) + u8(version) + u8(ty) + body


def aux_seeds():
    seeds = {}
    guid_ = guid(0x30)
    sessioninfo_v2 = aux_block(2, 0x04, u16(3) + u16(0) + guid_ + u32(9))
    request_id = aux_block(1, 0x01, u16(3) + u16(7))
    # AUX_PERF_CLIENTINFO with every offset-addressed field.
    var = utf16z("PC1") + utf16z("jane") + bytes([10, 0, 0, 1]) + bytes([255, 255, 255, 0]) \
        + utf16z("eth0") + bytes([0, 0x15, 0x5d, 1, 2, 3])
    base = 4 + 28
    offs = [base, base + 8, base + 18, base + 22, base + 26, base + 36]
    clientinfo = aux_block(1, 0x02, u32(100000) + u16(1) + u16(offs[0]) + u16(offs[1])
                           + u16(4) + u16(offs[2]) + u16(4) + u16(offs[3]) + u16(offs[4])
                           + u16(6) + u16(offs[5]) + u16(2) + u16(0) + var)
    serverinfo = aux_block(1, 0x03, u16(1) + u16(1) + u16(12) + u16(12 + 18)
                           + utf16z("/o=First") + utf16z("ex1"))
    processinfo = aux_block(2, 0x0B, u16(2) + u16(0) + guid_ + u16(28) + u16(0)
                            + utf16z("OUTLOOK.EXE"))
    conninfo = aux_block(1, 0x4A, guid_ + u16(32) + u16(0) + u32(1) + u32(1) + utf16z("ctx"))
    failure_v2 = aux_block(2, 0x15, u16(9) + u16(1) + u16(2) + u16(3) + u16(4) + u16(0)
                           + u32(5) + u32(6) + u32(0x8004010F) + u8(7) + bytes(3))
    client_control = aux_block(1, 0x0A, u32(0x15) + u32(60000))
    exorginfo = aux_block(1, 0x17, u32(1))
    osversion = aux_block(1, 0x16, u32(148) + u32(10) + u32(0) + u32(20348) + bytes(132)
                          + u16(0) + u16(0) + u32(0))
    session_info = aux_block(1, 0x4B, u16(6) + utf16z("session 42"))
    endpoint = aux_block(1, 0x48, u32(1))
    server_caps = aux_block(1, 0x46, u32(0x3))
    device = aux_block(1, 0x4E, u16(14) + u16(30) + u16(0) + u16(0) + u16(0)
                       + utf16z("Contoso") + utf16z("X1"))
    unknown = aux_block(1, 0x52, b"\xaa\xbb\xcc")
    client = sessioninfo_v2 + request_id + clientinfo + serverinfo + processinfo + conninfo \
        + failure_v2 + unknown
    server = client_control + osversion + exorginfo + session_info + endpoint + server_caps \
        + device
    seeds["client_blocks_plain"] = b"\x00" + ext(client, LAST)
    seeds["server_blocks_xor"] = b"\x00" + ext(xor(server), XOR_MAGIC | LAST)
    seeds["bare_client_blocks"] = b"\x01" + client
    seeds["bare_server_blocks"] = b"\x01" + server
    # A compressed auxiliary buffer: ten identical AUX_PERF_REQUESTID
    # blocks, as one block of literals and a match of distance 8, length 72.
    lit = aux_block(1, 0x01, u16(3) + u16(0))
    stream = u32(0x00FFFFFF) + lit + u16((7 << 3) | 7) + b"\x0f" + u8(72 - 3 - 7 - 15)
    seeds["compressed_requestids"] = b"\x00" + ext(stream, COMPRESSED | LAST, 8 + 72)
    return seeds


def write(target, seeds):
    d = os.path.join(HERE, "seeds", target)
    os.makedirs(d, exist_ok=True)
    for name in os.listdir(d):
        os.remove(os.path.join(d, name))
    for name, data in sorted(seeds.items()):
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
    print(f"{target}: {len(seeds)} seeds in {os.path.relpath(d)}", file=sys.stderr)


if __name__ == "__main__":
    write("restriction", restriction_seeds())
    write("property_rows", rows_seeds())
    write("ext_buffer", ext_buffer_seeds())
    write("lz77_decompress", lz77_seeds())
    write("aux_buffer", aux_seeds())
