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


# ------------------------------------------------------------ ROP buffers

def rop_buffer(rops, handles):
    body = b"".join(rops)
    return u16(2 + len(body)) + body + b"".join(u32(h) for h in handles)


def rop_buffers_seeds():
    """Input buffers (selector bit 0 set) and request/response pairs."""
    seeds = {}
    set_columns = bytes.fromhex("1200000002000300080e1f003700")
    query_rows = bytes.fromhex("15000000013200")
    release = bytes.fromhex("010001")
    seeds["input_release_x2"] = b"\x01" + rop_buffer(
        [bytes.fromhex("010000"), release], [0x6F, 0x6E])
    seeds["input_table"] = b"\x01" + rop_buffer(
        [bytes.fromhex("0500000100"), set_columns.replace(b"\x12\x00\x00", b"\x12\x00\x01", 1),
         bytes.fromhex("13000100020001000100") + tag(0x8008, 0x301F) + b"\x00" + tag(0x0E06, 0x0040) + b"\x01"],
        [0x10, 0xFFFFFFFF])
    request = rop_buffer([set_columns, query_rows, release], [0x42])
    # A SetColumns response then a QueryRows response of two rows.
    qr = bytes.fromhex("150000000000") + u8(2) + u16(2) + \
        u8(0) + i32(7) + utf16z("Hi") + u8(1) + u8(1) + u8(0x0A) + u32(0x8004010F)
    response = rop_buffer([bytes.fromhex("12000000000000"), qr], [0x42])
    seeds["pair_setcolumns_queryrows"] = b"\x00" + u16(len(request)) + request + response
    notify = bytes.fromhex("2a") + u32(0x42) + u8(0) + u16(0x8100) + u16(3) + \
        bytes(8) + bytes(8) + u32(0) + bytes(8) + bytes(8) + u32(0) + u16(5) + u8(0) + i32(1)
    backoff = bytes.fromhex("f9") + u8(0) + u32(100) + u8(1) + u8(0x15) + u32(50) + u16(0)
    seeds["pair_notify_backoff"] = b"\x02" + u16(len(request)) + request + rop_buffer(
        [bytes.fromhex("12000000000000"), notify, bytes.fromhex("6e0100"), backoff], [0x42])
    seeds["buffer_too_small"] = b"\x00" + u16(len(request)) + request + rop_buffer(
        [bytes.fromhex("ff") + u16(0x100) + query_rows], [0x42])
    return seeds


# ---------------------------------------------------------------- emsmdb
# The emsmdb target's selector: bits 0-2 pick the body kind (0 Connect
# request, 1 Connect response, 2 Execute request, 3 Execute response,
# 4 Disconnect request, 5 Disconnect response, 6 NotificationWait request,
# 7 NotificationWait response); bit 7 selects Limits::PERMISSIVE.

def rpc_header_ext(payload, flags=0x0004):
    """An RPC_HEADER_EXT (MS-OXCRPC 2.2.2.1), uncompressed, and its payload."""
    return u16(0) + u16(flags) + u16(len(payload)) + u16(len(payload)) + payload


def sized(b): return u32(len(b)) + b


def emsmdb_seeds():
    seeds = {}
    no_aux = sized(b"")
    aux = sized(rpc_header_ext(u16(4) + u8(1) + u8(0x0A)))
    dn = str8z("/o=First Organization/ou=First Administrative Group/cn=recipients/cn=janedow")
    seeds["connect_request"] = b"\x00" + dn + u32(0) + u32(1252) + u32(0x409) + u32(0x409) + no_aux
    seeds["connect_request_aux"] = b"\x00" + str8z("") + u32(0x8001) + u32(65001) + u32(0x40C) + u32(0x809) + aux
    seeds["connect_success"] = b"\x01" + u32(0) + u32(0) + u32(60000) + u32(6) + u32(10000) + \
        str8z("/o=Contoso") + utf16z("Jane Dow") + aux
    seeds["connect_failure"] = b"\x01" + u32(0x6BB) + no_aux
    # MS-OXCTABL 4.1.1 RopGetContentsTable in a ROP input buffer.
    get_contents = u16(7) + bytes.fromhex("0500000100") + u32(0x21) + u32(0xFFFFFFFF)
    seeds["execute_request"] = b"\x02" + u32(7) + sized(rpc_header_ext(get_contents)) + u32(0x10008) + no_aux
    # MS-OXCROPS 4.1 empty ROP buffer: collecting notifications.
    seeds["execute_request_empty_rops"] = b"\x02" + u32(3) + sized(rpc_header_ext(u16(2))) + u32(0x18008) + aux
    contents_resp = u16(12) + bytes.fromhex("0501") + u32(0) + u32(2) + u32(0x21) + u32(0x45)
    seeds["execute_success"] = b"\x03" + u32(0) + u32(0) + u32(0) + sized(rpc_header_ext(contents_resp)) + no_aux
    seeds["execute_success_two_buffers"] = b"\x83" + u32(0) + u32(0) + u32(0) + \
        sized(rpc_header_ext(u16(2), 0) + rpc_header_ext(contents_resp)) + aux
    seeds["execute_failure"] = b"\x03" + u32(0x80040115) + aux
    seeds["disconnect_request"] = b"\x04" + no_aux
    seeds["disconnect_request_empty"] = b"\x04"
    seeds["disconnect_success"] = b"\x05" + u32(0) + u32(0) + no_aux
    seeds["disconnect_failure"] = b"\x05" + u32(0x6F7) + aux
    seeds["notificationwait_request"] = b"\x06" + u32(0) + no_aux
    seeds["notificationwait_success"] = b"\x07" + u32(0) + u32(0) + u32(1) + no_aux
    seeds["notificationwait_rejected"] = b"\x07" + u32(0) + u32(0x7EE) + u32(0) + aux
    seeds["notificationwait_failure"] = b"\x07" + u32(1) + sized(b"\xab\xcd")
    seeds["aux_over_cap"] = b"\x86" + u32(0) + sized(bytes(0x1009))
    return seeds


# ------------------------------------- search, transport, permission, rule ROPs
# The rop_misc target: byte 0 = 0 request, 1 response; byte 1 = index of the
# RopId in MISC_IDS; then the ROP after its RopId. The bodies are the
# examples and constructions of tests/rop_search.rs, rop_transport.rs,
# rop_permission.rs and rop_rule.rs.

MISC_IDS = [0x30, 0x31, 0x32, 0x34, 0x49, 0x47, 0x48, 0x4A, 0x51, 0x6D, 0x6F,
            0x40, 0x3E, 0x41, 0x3F, 0x57]


def misc(response, rop_id, body):
    return u8(1 if response else 0) + u8(MISC_IDS.index(rop_id)) + body


def misc_ok(index=0): return u8(index) + u32(0)


IMPORTANCE_HIGH = r_property(0x04, tag(0x0017, 0x0003), tag(0x0017, 0x0003) + i32(2))
FID = bytes.fromhex("010000000e915212")


def std_action(action_type, data, flavor=0):
    return u16(9 + len(data)) + u8(action_type) + u32(flavor) + u32(0) + data


def ext_action(action_type, data, flavor=0):
    return u32(9 + len(data)) + u8(action_type) + u32(flavor) + u32(0) + data


SERVER_EID = binary(b"\x01" + bytes([1, 0, 0, 0, 0, 0, 0, 9]) + bytes(12))
FOLDER_EID = bytes.fromhex("00000000c3e178579652ce46a353b3e07f9b97bc01008b8db182af2ed048934707ed5448840f00174ea89c980000")


def std_actions():
    """One standard-form ActionData of every action type."""
    reply = bytes([1, 0, 0, 0, 0, 0, 0, 3, 1, 0, 0, 0, 0, 0, 0, 4]) + guid(0x10)
    recipients = u16(1) + u8(1) + u16(2) + tag(0x3001, 0x001F) + utf16z("A") + \
        tag(0x0FFF, 0x0102) + binary(b"\xab\xcd")
    return [
        (0x01, u8(1) + binary(b"\x00") + SERVER_EID),
        (0x02, u8(0) + binary(b"\xee") + binary(FOLDER_EID)),
        (0x03, reply),
        (0x04, reply),
        (0x05, b"\xde\xad"),
        (0x06, u32(0x0D)),
        (0x07, recipients),
        (0x08, recipients),
        (0x09, tag(0x0017, 0x0003) + i32(2)),
        (0x0A, b""),
        (0x0B, b""),
    ]


def ext_actions():
    """One extended-form ActionData of every action type."""
    eid70 = bytes(70)
    recipients = u32(1) + u8(1) + u32(1) + tag(0x0FFF, 0x0102) + binary(b"\xab\xcd", ext=True)
    return [
        (0x01, binary(b"\x00", ext=True) + binary(FOLDER_EID, ext=True)),
        (0x03, u32(70) + eid70 + guid(0x20)),
        (0x05, b"\x01"),
        (0x06, u32(0x26)),
        (0x08, recipients),
        (0x09, tag(0x0FFF, 0x0102) + binary(b"\x7f", ext=True)),
        (0x0A, b""),
    ]


def rule_action_value(actions, ext=False):
    blocks = [(ext_action if ext else std_action)(t, d) for t, d in actions]
    return (u32 if ext else u16)(len(blocks)) + b"".join(blocks)


def rop_misc_seeds():
    seeds = {}
    fid2 = FID + bytes.fromhex("010000000e915213")
    seeds["setsearchcriteria_req"] = misc(0, 0x30, u8(0) + u8(1) + binary(IMPORTANCE_HIGH)
                                          + u16(1) + FID + u32(0x06))
    seeds["setsearchcriteria_resp"] = misc(1, 0x30, misc_ok(1))
    seeds["getsearchcriteria_req"] = misc(0, 0x31, bytes.fromhex("0000010100"))
    seeds["getsearchcriteria_resp"] = misc(1, 0x31, misc_ok() + binary(IMPORTANCE_HIGH) + u8(3)
                                           + u16(2) + fid2 + u32(0x1004))
    seeds["getsearchcriteria_fail"] = misc(1, 0x31, u8(0) + u32(0x80040605))
    seeds["submitmessage_req"] = misc(0, 0x32, bytes.fromhex("000200"))
    seeds["abortsubmit_req"] = misc(0, 0x34, bytes.fromhex("0000010000 03b479ca4701000003b7e65fa7".replace(" ", "")))
    seeds["getaddresstypes_resp"] = misc(1, 0x49, misc_ok() + u16(2) + u16(8) + str8z("EX") + str8z("SMTP"))
    seeds["setspooler_req"] = misc(0, 0x47, bytes.fromhex("0000"))
    seeds["spoolerlockmessage_req"] = misc(0, 0x48, bytes.fromhex("000001000003b7e65fa701"))
    seeds["transportsend_none"] = misc(1, 0x4A, misc_ok(1) + u8(1))
    seeds["transportsend_values"] = misc(1, 0x4A, misc_ok(1) + u8(0) + u16(2) + tag(0x0017, 0x0003)
                                         + i32(1) + tag(0x0037, 0x001F) + utf16z("Hi"))
    seeds["transportnewmail_req"] = misc(0, 0x51, u8(0) + u8(0) + u64(7 << 56 | 1) + u64(5 << 56 | 1)
                                         + str8z("IPM.Note") + u32(1))
    seeds["gettransportfolder_resp"] = misc(1, 0x6D, misc_ok() + FID)
    seeds["optionsdata_req"] = misc(0, 0x6F, u8(0) + u8(0) + str8z("SMTP") + u8(1))
    seeds["optionsdata_resp"] = misc(1, 0x6F, misc_ok() + u8(1) + binary(b"\xaa\xbb\xcc")
                                     + binary(b"\xde\xad") + str8z("a.hlp"))
    seeds["modifypermissions_req"] = misc(0, 0x40, u8(0) + u8(1) + u8(0) + u16(3)
        + u8(1) + u16(2) + tag(0x0FFF, 0x0102) + binary(b"\xde\xad\xbe\xef") + tag(0x6673, 0x0003) + i32(0x47B)
        + u8(2) + u16(2) + tag(0x6671, 0x0014) + i64(1) + tag(0x6673, 0x0003) + i32(1)
        + u8(4) + u16(1) + tag(0x6671, 0x0014) + i64(-1))
    seeds["getpermissionstable_req"] = misc(0, 0x3E, bytes.fromhex("00000102"))
    seeds["getpermissionstable_resp"] = misc(1, 0x3E, misc_ok(1))
    rule = u8(1) + u16(4) + tag(0x6676, 0x0003) + i32(10) + tag(0x6682, 0x001F) + utf16z("Move") \
        + tag(0x6679, 0x00FD) + r_content(1, 1, SUBJECT, SUBJECT + utf16z("x")) \
        + tag(0x6680, 0x00FE) + rule_action_value(std_actions())
    seeds["modifyrules_req"] = misc(0, 0x41, u8(0) + u8(2) + u8(0) + u16(1) + rule)
    seeds["modifyrules_remove"] = misc(0, 0x41, u8(0) + u8(0) + u8(0) + u16(1) + u8(4) + u16(1)
                                       + tag(0x6674, 0x0014) + i64(7))
    seeds["getrulestable_req"] = misc(0, 0x3F, bytes.fromhex("00000140"))
    seeds["updatedeferredactionmessages_req"] = misc(0, 0x57, u8(0) + u8(0) + binary(FOLDER_EID)
                                                     + binary(b"\xab\xcd"))
    seeds["failure"] = misc(1, 0x57, u8(0) + u32(0x4B9))
    return seeds


# The rule_actions target: byte 0 bit 0 = extended form, bit 1 = one
# ActionData whose ActionType is byte 1 (else a RuleAction value).

def rule_actions_seeds():
    seeds = {}
    seeds["std_every_type"] = b"\x00" + rule_action_value(std_actions())
    seeds["ext_every_type"] = b"\x01" + rule_action_value(ext_actions(), ext=True)
    for t, d in std_actions():
        seeds[f"std_data_{t:02x}"] = b"\x02" + u8(t) + d
    for t, d in ext_actions():
        seeds[f"ext_data_{t:02x}"] = b"\x03" + u8(t) + d
    seeds["unknown_type"] = b"\x02\x0c\x01\x02"
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
    write("rop_buffers", rop_buffers_seeds())
    write("emsmdb", emsmdb_seeds())
    write("rop_misc", rop_misc_seeds())
    write("rule_actions", rule_actions_seeds())
