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


# ------------------------------------------------- logon/store and folder ROPs
# The rop_store_folder target's selector: bits 0-1 logon kind (1 private,
# 2 public, else unknown), bit 2 response, bits 3-7 the index in IDS; the
# seed body is the ROP after its RopId.

STORE_FOLDER_IDS = [
    0xFE, 0x27, 0x26, 0x68, 0x7B, 0x42, 0x45, 0x43, 0x44, 0x60, 0x61, 0x63, 0x64,
    0x02, 0x1C, 0x1D, 0x33, 0x35, 0x36, 0x58, 0x92, 0x1E, 0x91, 0x04, 0x05,
]


def rop_seed(rop_id, body, response=False, logon=0):
    sel = (STORE_FOLDER_IDS.index(rop_id) << 3) | (4 if response else 0) | logon
    return u8(sel) + body


def fid(n): return u16(1) + bytes(5) + u8(n)
def lt_id(n): return guid(0x40) + bytes(5) + u8(n) + u16(0)


def store_folder_seeds():
    essdn = str8z("/o=Contoso/ou=Exchange Administrative Group/cn=Recipients/cn=user1")
    fids = b"".join(fid(i) for i in range(1, 14))
    private = (u8(1) + fids + u8(7) + guid(0) + u16(1) + guid(16)
               + bytes([30, 15, 9, 2, 14, 5]) + u16(2024) + u64(1) + u32(0x01000000))
    public = u8(0) + fids + u16(5) + guid(32) + bytes(16)
    ok = u32(0)
    seeds = {}
    seeds["logon_request_private"] = rop_seed(
        0xFE, u8(0) + u8(0) + u8(1) + u32(0x0100040C) + u32(0) + u16(len(essdn)) + essdn)
    seeds["logon_request_public"] = rop_seed(
        0xFE, u8(3) + u8(1) + u8(0) + u32(2) + u32(0) + u16(0), logon=2)
    seeds["logon_response_private"] = rop_seed(0xFE, u8(0) + ok + private, True, 1)
    seeds["logon_response_public_echo"] = rop_seed(0xFE, u8(0) + ok + public, True)
    server = str8z("/o=Contoso/cn=MBX2")
    seeds["logon_redirect"] = rop_seed(
        0xFE, u8(0) + u32(0x478) + u8(1) + u8(len(server)) + server, True)
    seeds["get_receive_folder"] = rop_seed(0x27, u8(0) + u8(0) + str8z("IPM.Note"))
    seeds["get_receive_folder_response"] = rop_seed(
        0x27, u8(0) + ok + fid(5) + str8z("IPM"), True)
    seeds["receive_folder_table"] = rop_seed(
        0x68, u8(0) + ok + u32(2) + u8(0) + fid(5) + str8z("IPM") + u64(1)
        + u8(1) + u8(0) + fid(6) + u8(0) + str8z("IPM.Note") + u8(0x0A) + u32(0x8004010F),
        True)
    seeds["owning_servers"] = rop_seed(
        0x42, u8(0) + ok + u16(2) + u16(1) + str8z("PF1") + str8z("PF2"), True)
    seeds["folder_is_ghosted"] = rop_seed(
        0x45, u8(1) + ok + u8(1) + u16(1) + u16(1) + str8z("A"), True)
    seeds["long_term_id_from_id"] = rop_seed(0x43, u8(0) + ok + lt_id(9), True)
    seeds["per_user_long_term_ids"] = rop_seed(
        0x60, u8(0) + ok + u16(2) + lt_id(1) + lt_id(2), True)
    seeds["read_per_user"] = rop_seed(0x63, u8(0) + ok + u8(1) + u16(3) + b"\x01\x02\x03", True)
    write = u8(0) + u8(0) + lt_id(4) + u8(1) + u32(0) + u16(2) + b"\xab\xcd"
    seeds["write_per_user_private"] = rop_seed(0x64, write + guid(0x70), logon=1)
    seeds["write_per_user_unknown"] = rop_seed(0x64, write + guid(0x70) + b"\x01\x00\x01")
    # MS-OXCFOLD section 4 and MS-OXCTABL 4.1.1.
    seeds["create_folder_4_1_1"] = rop_seed(
        0x1C, bytes.fromhex("0000010101000046006f006c00640065007200310000000000"))
    seeds["create_folder_4_1_2"] = rop_seed(
        0x1C, bytes.fromhex("0100000000010000000e91521200"), True)
    seeds["create_folder_existing_ghosted"] = rop_seed(
        0x1C, u8(1) + ok + fid(9) + b"\x01\x00\x01" + u16(1) + u16(0) + str8z("SV1"), True)
    seeds["delete_folder_4_2_1"] = rop_seed(0x1D, bytes.fromhex("000105010000000e8edf36"))
    seeds["delete_messages_4_3_1"] = rop_seed(
        0x1E, bytes.fromhex("0000000102000100 00000e8ef1480100 00000e8ec302".replace(" ", "")))
    seeds["move_copy_messages_4_4_1"] = rop_seed(
        0x33, bytes.fromhex("0000010100010000000e8eec5d0000"))
    seeds["move_copy_null_destination"] = rop_seed(0x33, u8(0) + u32(0x503) + u32(1) + u8(0), True)
    seeds["move_folder_4_5_1"] = rop_seed(
        0x35, bytes.fromhex("0001020101010000000e8edf3646006f006c0064006500720031000000"))
    seeds["copy_folder_4_6_1"] = rop_seed(
        0x36, bytes.fromhex("000001010101010000000e8edf3646006f006c0064006500720031000000"))
    seeds["open_folder_ghosted"] = rop_seed(
        0x02, u8(1) + ok + b"\x00\x01" + u16(2) + u16(1) + str8z("PF1") + str8z("PF2"), True)
    seeds["hierarchy_table_4_7_2"] = rop_seed(0x04, bytes.fromhex("020000000015000000"), True)
    seeds["contents_table_oxctabl_4_1_1"] = rop_seed(0x05, bytes.fromhex("00000100"))
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
    write("rop_store_folder", store_folder_seeds())
