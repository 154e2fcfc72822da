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


# ------------------------------------------------------------------ nspi_body
# The nspi_body target's selector: (index of the request type in
# nspi_request_types!) * 2, plus 1 for the response; 0x40 = no per-element
# bytes, 0x80 = FilterForm::Auto.

NSPI_TYPES = ["bind", "unbind", "comparemids", "dntomid", "getmatches", "getproplist",
              "getprops", "getspecialtable", "gettemplateinfo", "modlinkatt", "modprops",
              "querycolumns", "queryrows", "resolvenames", "resortrestriction", "seekentries",
              "updatestat", "getmailboxurl", "getaddressbookurl"]


def sel(kind, response=False, flags=0):
    return u8(NSPI_TYPES.index(kind) * 2 + (1 if response else 0) | flags)


def stat(cur=0):
    return u32(0) + u32(0) + u32(cur) + i32(0) + u32(0) + u32(0) + u32(1252) + u32(0x409) + u32(0x409)


def lpta(tags):
    return u32(len(tags)) + b"".join(u32(t) for t in tags)


def aux(b=b""):
    return u32(len(b)) + b


def ok(error=0):
    return u32(0) + u32(error)


DN, SMTP, DTYPE, EID, PROXY = 0x3001001F, 0x39FE001F, 0x39000003, 0x0FFF0102, 0x800F101F


def ab_row(name, mid):
    eid = u8(0x87) + bytes(3) + guid(0x40) + u32(1) + u32(0) + u32(mid)
    return (u8(0) + u8(0xFF) + utf16z(name) + u8(0xFF) + utf16z(name.lower() + "@example.com")
            + u32(0) + u8(0xFF) + u32(len(eid)) + eid
            + u8(0xFF) + u32(2) + u8(0xFF) + utf16z("SMTP:" + name) + u8(0))


def ab_flagged_row():
    return (u8(1) + u8(0) + u8(0xFF) + utf16z("Bob") + u8(0x0A) + u32(0x8004010F)
            + u8(0) + u32(1) + u8(0) + u8(0) + u8(1))


def nspi_body_seeds():
    seeds = {}
    cols = [DN, SMTP, DTYPE, EID, PROXY]
    seeds["bind_request"] = sel("bind") + u32(0) + u8(0xFF) + stat() + aux(b"\0" * 8)
    seeds["bind_response"] = sel("bind", True) + ok() + guid(0xAB) + aux()
    seeds["failure_response"] = sel("bind", True) + u32(12) + aux(b"\x01\x02")
    seeds["unbind_request"] = sel("unbind") + u32(0) + aux()
    seeds["unbind_response"] = sel("unbind", True) + ok(1) + aux()
    seeds["comparemids_request"] = sel("comparemids") + u32(0) + u8(0xFF) + stat() + u32(16) + u32(17) + aux()
    seeds["comparemids_response"] = sel("comparemids", True) + ok() + i32(-1) + aux()
    seeds["dntomid_request"] = sel("dntomid") + u32(0) + u8(0xFF) + u32(2) + str8z("/o=a/cn=b") + str8z("/o=c") + aux()
    seeds["dntomid_response"] = sel("dntomid", True) + ok() + u8(0xFF) + u32(2) + u32(0x20) + u32(0) + aux()
    content = u8(3) + u16(2) + u16(1) + u32(DN) + u32(DN) + utf16z("al")
    filt = u8(0) + u32(2) + content + u8(8) + u32(SMTP)
    seeds["getmatches_request"] = (sel("getmatches") + u32(0) + u8(0xFF) + stat() + u8(0) + u32(0)
                                   + u8(0xFF) + filt + u8(0) + u32(10) + u8(0xFF) + lpta(cols) + aux())
    gromox = u8(4) + u8(4) + u32(0x3001001E) + u8(0xFF) + u32(0x3001001E) + u8(0xFF) + str8z("al")
    seeds["getmatches_request_gromox_filter"] = (sel("getmatches", flags=0x80) + u32(0) + u8(0) + u8(0xFF)
                                                 + u32(1) + u32(0x40) + u32(0) + u8(0xFF) + gromox
                                                 + u8(0xFF) + guid(0x11) + u32(0x8009) + u32(10) + u8(0) + aux())
    seeds["getmatches_response"] = (sel("getmatches", True) + ok() + u8(0xFF) + stat() + u8(0xFF) + u32(1)
                                    + u32(0x1234) + u8(0xFF) + lpta(cols) + u32(1) + ab_row("Alice", 0x1234) + aux())
    seeds["getproplist_request"] = sel("getproplist") + u32(1) + u32(0x1234) + u32(1252) + aux()
    seeds["getproplist_response"] = sel("getproplist", True) + ok() + u8(0xFF) + lpta(cols) + aux()
    seeds["getprops_request"] = sel("getprops") + u32(2) + u8(0xFF) + stat(0x1234) + u8(0xFF) + lpta(cols) + aux()
    seeds["getprops_response"] = (sel("getprops", True) + ok(0x00040380) + u32(1252) + u8(0xFF) + u32(3)
                                  + u32(DN) + u8(0xFF) + utf16z("Alice") + u32(0x39FE000A) + u32(0x8004010F)
                                  + u32(0x8009000D) + aux())
    seeds["getspecialtable_request"] = sel("getspecialtable") + u32(4) + u8(0xFF) + stat() + u8(0xFF) + u32(3) + aux()
    pid = u8(0) + bytes(3) + bytes.fromhex("dca740c8c042101ab4b908002b2fe182") + u32(1) + u32(0x100) + str8z("/guid=00")
    seeds["getspecialtable_response"] = (sel("getspecialtable", True) + ok() + u32(1252) + u8(0xFF) + u32(4)
                                         + u8(0xFF) + u32(1) + u32(2) + u32(EID) + u8(0xFF) + u32(len(pid)) + pid
                                         + u32(DN) + u8(0xFF) + utf16z("All Users") + aux())
    seeds["gettemplateinfo_request"] = (sel("gettemplateinfo") + u32(1) + u32(0) + u8(0xFF) + str8z("/o=a")
                                        + u32(1252) + u32(0x409) + aux())
    seeds["gettemplateinfo_response"] = (sel("gettemplateinfo", True) + ok() + u32(1252) + u8(0xFF) + u32(1)
                                         + u32(0x00010102) + u8(0xFF) + u32(3) + b"abc" + aux())
    seeds["modlinkatt_request"] = (sel("modlinkatt") + u32(0) + u32(0x8009101E) + u32(0x77) + u8(0xFF) + u32(1)
                                   + u32(3) + b"\0\0\0" + aux())
    seeds["modlinkatt_response"] = sel("modlinkatt", True) + ok() + aux()
    seeds["modprops_request"] = (sel("modprops") + u32(0) + u8(0xFF) + stat(0x1234) + u8(0xFF) + lpta([0x3A19001F])
                                 + u8(0xFF) + u32(1) + u32(PROXY) + u8(0xFF) + u32(1) + u8(0xFF) + utf16z("smtp:a@b") + aux())
    seeds["modprops_request_plain_mv"] = (sel("modprops", flags=0x40) + u32(0) + u8(0) + u8(0) + u8(0xFF) + u32(1)
                                          + u32(PROXY) + u8(0xFF) + u32(1) + utf16z("smtp:a@b") + aux())
    seeds["modprops_response"] = sel("modprops", True) + ok(0x80070005) + aux()
    seeds["querycolumns_request"] = sel("querycolumns") + u32(0) + u32(0x80000000) + aux()
    seeds["querycolumns_response"] = sel("querycolumns", True) + ok() + u8(0xFF) + lpta(cols) + aux()
    seeds["queryrows_request"] = (sel("queryrows") + u32(2) + u8(0xFF) + stat() + u32(2) + u32(16) + u32(17)
                                  + u32(50) + u8(0xFF) + lpta(cols) + aux())
    seeds["queryrows_response"] = (sel("queryrows", True) + ok() + u8(0xFF) + stat(2) + u8(0xFF) + lpta(cols)
                                   + u32(2) + ab_row("Alice", 0x1234) + ab_flagged_row() + aux())
    seeds["queryrows_response_unspecified"] = (sel("queryrows", True) + ok() + u8(0) + u8(0xFF)
                                               + lpta([0x30010000, DTYPE]) + u32(2)
                                               + u8(0) + u16(0x1F) + u8(0xFF) + utf16z("A") + u32(6)
                                               + u8(1) + u16(0x1F) + u8(1) + u8(0) + u32(6) + aux())
    seeds["resolvenames_request"] = (sel("resolvenames") + u32(0) + u8(0xFF) + stat() + u8(0xFF) + lpta(cols)
                                     + u8(0xFF) + u32(2) + utf16z("alice") + utf16z("zz") + aux())
    seeds["resolvenames_response"] = (sel("resolvenames", True) + ok() + u32(1252) + u8(0xFF) + u32(2) + u32(2)
                                      + u32(0) + u8(0xFF) + lpta(cols) + u32(1) + ab_row("Alice", 1) + aux())
    seeds["resortrestriction_request"] = sel("resortrestriction") + u32(0) + u8(0xFF) + stat() + u8(0xFF) + u32(1) + u32(16) + aux()
    seeds["resortrestriction_response"] = sel("resortrestriction", True) + ok() + u8(0xFF) + stat() + u8(0xFF) + u32(1) + u32(16) + aux()
    seeds["seekentries_request"] = (sel("seekentries") + u32(0) + u8(0xFF) + stat() + u8(0xFF) + u32(DN) + u8(0xFF)
                                    + utf16z("Al") + u8(0) + u8(0xFF) + lpta(cols) + aux())
    seeds["seekentries_response"] = (sel("seekentries", True) + ok() + u8(0) + u8(0xFF) + lpta(cols) + u32(1)
                                     + ab_row("Alice", 1) + aux())
    seeds["updatestat_request"] = sel("updatestat") + u32(0) + u8(0xFF) + stat(1) + u8(1) + aux()
    seeds["updatestat_response"] = sel("updatestat", True) + ok() + u8(0xFF) + stat(0x40) + u8(0xFF) + i32(-3) + aux()
    seeds["getmailboxurl_request"] = sel("getmailboxurl") + u32(0) + utf16z("/o=a/cn=Servers/cn=EX1") + aux()
    seeds["getmailboxurl_response"] = sel("getmailboxurl", True) + ok() + utf16z("https://ex1/mapi/emsmdb/") + aux()
    seeds["getaddressbookurl_request"] = sel("getaddressbookurl") + u32(0) + utf16z("/o=a/cn=alice") + aux()
    seeds["getaddressbookurl_response"] = sel("getaddressbookurl", True) + ok() + utf16z("https://ex1/mapi/nspi/") + aux()
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


# ------------------------------------------------- fast-transfer and ICS ROPs
# The rop_fast_transfer_ics target's selectors: byte 0 = 0 request, 1
# response; byte 1 = index of the RopId in the target's IDS table.

FXICS_IDS = [0x53, 0x54, 0x9D, 0x4E, 0x4C, 0x4B, 0x4D, 0x69, 0x86,
             0x70, 0x72, 0x80, 0x73, 0x74, 0x78, 0x7E, 0x82, 0x75, 0x76, 0x77, 0x93, 0x7F]


def fxics(direction, rop_id, body):
    return u8(direction) + u8(FXICS_IDS.index(rop_id)) + body


def rop_fxics_seeds():
    seeds = {}
    ok = u32(0)

    def plain(name, rop_id, request):
        seeds[name + "_req"] = fxics(0, rop_id, request)
        seeds[name + "_resp"] = fxics(1, rop_id, u8(2) + ok)
        seeds[name + "_fail"] = fxics(1, rop_id, u8(2) + u32(0x80070057))

    lt = guid(0) + bytes([0, 0, 0, 0, 0x10, 0]) + u16(0)
    plain("dest_configure", 0x53, u8(0) + u8(1) + u8(2) + u8(4) + u8(1))
    seeds["put_buffer_req"] = fxics(0, 0x54, u8(0) + u8(1) + binary(b"\x03\x00\x0b\x40\x01"))
    seeds["put_buffer_resp"] = fxics(1, 0x54, u8(1) + ok + u16(1) + u16(1) + u16(4) + u8(0) + u16(5))
    seeds["put_buffer_fail"] = fxics(1, 0x54, u8(1) + u32(0x80070057) + u16(0) * 3 + u8(0) + u16(2))
    seeds["put_ext_req"] = fxics(0, 0x9D, u8(0) + u8(1) + binary(b"\xab\xcd"))
    seeds["put_ext_resp"] = fxics(1, 0x9D, u8(1) + ok + u16(3) + u32(2) + u32(5) + u8(0) + u16(2))
    seeds["get_buffer_req_babe"] = fxics(0, 0x4E, u8(0) + u8(1) + u16(0xBABE) + u16(0x8000))
    seeds["get_buffer_req"] = fxics(0, 0x4E, u8(0) + u8(1) + u16(15480))
    seeds["get_buffer_resp"] = fxics(1, 0x4E, u8(1) + ok + u16(1) + u16(1) + u16(3) + u8(0)
                                     + u16(4) + b"\x03\x00\x12\x40")
    seeds["get_buffer_fail"] = fxics(1, 0x4E, u8(1) + u32(0x8004010F) + u16(0) * 3 + u8(0) + u16(0))
    seeds["get_buffer_busy"] = fxics(1, 0x4E, u8(1) + u32(0x480) + u16(0) * 3 + u8(0) + u16(1)
                                     + u32(1000) + b"\x5a")
    plain("copy_folder", 0x4C, u8(0) + u8(1) + u8(2) + u8(0x10) + u8(1))
    plain("copy_messages", 0x4B, u8(0) + u8(1) + u8(2) + u16(2) + bytes(range(8)) * 2
          + u8(0x30) + u8(3))
    plain("copy_to", 0x4D, u8(0) + u8(1) + u8(2) + u8(0) + u32(0x2001) + u8(1) + u16(2)
          + SUBJECT + SIZE)
    plain("copy_properties", 0x69, u8(0) + u8(1) + u8(2) + u8(1) + u8(1) + u8(8) + u16(1) + SUBJECT)
    plain("tell_version", 0x86, u8(0) + u8(1) + u16(15) + u16(0x8547) + u16(1))
    plain("sync_configure", 0x70, u8(0) + u8(1) + u8(2) + u8(1) + u8(3) + u16(0x39)
          + u16(5) + r_exist(SUBJECT) + u32(5) + u16(1) + SIZE)
    tagged_sk = tag(0x65E0, 0x0102) + binary(b"\xa1\xa2\xa3")
    seeds["import_message_change_req"] = fxics(0, 0x72, u8(0) + u8(1) + u8(2) + u8(0x10) + u16(2)
                                               + tagged_sk + tag(0x3008, 0x0040) + u64(1 << 56))
    seeds["import_message_change_resp"] = fxics(1, 0x72, u8(2) + ok + u64(0))
    states = u16(3) + b"\xa1\xa2\xa3" + u8(1) + u16(1) + b"\xb1" + u8(0)
    plain("import_read_states", 0x80, u8(0) + u8(1) + u16(len(states)) + states)
    seeds["import_hierarchy_req"] = fxics(0, 0x73, u8(0) + u8(1) + u16(1) + tag(0x65E1, 0x0102)
                                          + binary(b"\xd1\xd2") + u16(1) + tag(0x3001, 0x001F)
                                          + utf16z("A"))
    seeds["import_hierarchy_resp"] = fxics(1, 0x73, u8(1) + ok + u64(0))
    plain("import_deletes", 0x74, u8(0) + u8(1) + u8(2) + u16(1) + tag(0x65E0, 0x1102) + u32(2)
          + binary(b"\xc1") + binary(b"\xc2\xc3"))
    seeds["import_move_req"] = fxics(0, 0x78, u8(0) + u8(1) + u32(2) + b"\xf1\xf2" + u32(1) + b"\xe1"
                                     + u32(0) + u32(3) + b"\xd1\xd2\xd3" + u32(2) + b"\xc1\xc2")
    seeds["import_move_resp"] = fxics(1, 0x78, u8(1) + ok + u64(0))
    plain("open_collector", 0x7E, u8(0) + u8(1) + u8(2) + u8(1))
    plain("get_transfer_state", 0x82, u8(0) + u8(1) + u8(2))
    plain("upload_begin", 0x75, u8(0) + u8(1) + tag(0x6796, 0x0102) + u32(3))
    plain("upload_continue", 0x76, u8(0) + u8(1) + u32(3) + b"\xaa\xbb\xcc")
    plain("upload_end", 0x77, u8(0) + u8(1))
    plain("midset_deleted", 0x93, u8(0) + u8(1) + u16(4 + 48) + u32(1) + lt + lt)
    seeds["local_replica_ids_req"] = fxics(0, 0x7F, u8(0) + u8(0) + u32(0x200))
    seeds["local_replica_ids_resp"] = fxics(1, 0x7F, u8(0) + ok + guid(0x28) + bytes([0, 0, 0, 1, 0x20, 0]))
    seeds["local_replica_ids_fail"] = fxics(1, 0x7F, u8(0) + u32(0x8004010F))
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


# ------------------------------------------------------- property/stream ROPs
# The rop_property_stream selector: bits 0-1 = 0 request, 1 response,
# 2 response with COLUMN_SETS[bits 2-7], 3 buffer pair; in modes 0-2 the
# next byte indexes IDS in fuzz_targets/rop_property_stream.rs.

ROP_IDS = [0x56, 0x55, 0x07, 0x08, 0x09, 0x0A, 0x79, 0x0B, 0x7A, 0x5F, 0x67,
           0x39, 0x50, 0x2B, 0x2C, 0x2D, 0xA3, 0x5D, 0x5E, 0x2F, 0x2E, 0x3A,
           0x5B, 0x5C, 0x90, 0x3B]
PS_PUBLIC_STRINGS = bytes.fromhex("2903020000000000c000000000000046")
PSETID_COMMON = bytes.fromhex("0820060000000000c000000000000046")


def rop(mode, rop_id, body, columns=0):
    return u8(mode | (columns << 2)) + u8(ROP_IDS.index(rop_id)) + body


def rop_seeds():
    seeds = {}
    # MS-OXCPRPT 4.1.2, 4.2.1, 4.2.2, 4.3.1, 4.4.1.1.
    seeds["ids_from_names_resp"] = rop(1, 0x56, u8(0) + u32(0) + u16(2) + u16(0x863E) + u16(0x863F))
    set_props = (u16(0x24) + u16(2) + tag(0x003D, 0x1F) + utf16z("")
                 + tag(0x0E1D, 0x1F) + utf16z("Hello World"))
    seeds["set_properties_req"] = rop(0, 0x0A, u8(0) + u8(0) + set_props)
    seeds["set_properties_resp"] = rop(1, 0x0A, u8(0) + u32(0) + u16(0))
    seeds["get_specific_req"] = rop(0, 0x07, u8(0) + u8(0) + u16(0) + u16(1) + u16(3)
                                    + tag(0x863E, 0x0B) + tag(0x863F, 0x03) + tag(0x65E2, 0x102))
    seeds["open_stream_req"] = rop(0, 0x2B, u8(1) + u8(0) + u8(1) + tag(0x0E9A, 0x102) + u8(1))
    # Constructions.
    names = (u8(1) + PS_PUBLIC_STRINGS + u8(4) + utf16z("A")
             + u8(0) + PSETID_COMMON + u32(0x8503))
    seeds["ids_from_names_req"] = rop(0, 0x56, u8(0) + u8(1) + u8(2) + u16(2) + names)
    seeds["names_from_ids_resp"] = rop(1, 0x55, u8(1) + u32(0) + u16(3) + names
                                       + u8(0xFF) + bytes(16))
    seeds["get_specific_resp"] = rop(2, 0x07, u8(0) + u32(0) + u8(0) + u8(1) + i32(42)
                                     + binary(b"\x01\x02\x03\x04"), columns=1)
    seeds["get_specific_flagged"] = rop(2, 0x07, u8(0) + u32(0) + u8(1) + u8(0) + u8(1)
                                        + u8(0x0A) + u32(0x8004010F) + u8(0)
                                        + binary(b"\xaa"), columns=1)
    seeds["get_specific_typed"] = rop(2, 0x07, u8(0) + u32(0) + u8(0) + utf16z("A")
                                      + str8z("b") + u16(0x1F) + utf16z("c"), columns=2)
    seeds["get_all_resp"] = rop(1, 0x08, u8(1) + u32(0) + u16(2) + tag(0x17, 3) + i32(1)
                                + tag(0x1000, 0x0A) + u32(0x8007000E))
    seeds["query_named_resp"] = rop(1, 0x5F, u8(1) + u32(0) + u16(2) + u16(0x8001)
                                    + u16(0x8002) + names)
    seeds["query_named_req"] = rop(0, 0x5F, u8(0) + u8(1) + u8(0) + u8(1) + PS_PUBLIC_STRINGS)
    seeds["copy_to_req"] = rop(0, 0x39, u8(0) + u8(1) + u8(2) + u8(1) + u8(1) + u8(2)
                               + u16(1) + tag(0x37, 0x1F))
    seeds["copy_props_null_dest"] = rop(1, 0x67, u8(1) + u32(0x503) + u32(2))
    seeds["copy_to_problems"] = rop(1, 0x39, u8(1) + u32(0) + u16(1) + u16(0)
                                    + tag(0x17, 3) + u32(0x80070005))
    seeds["read_stream_babe"] = rop(0, 0x2C, u8(1) + u8(1) + u16(0xBABE) + u32(0x10000))
    seeds["read_stream_resp"] = rop(1, 0x2C, u8(1) + u32(0) + binary(b"abc"))
    seeds["read_stream_failure"] = rop(1, 0x2C, u8(1) + u32(0x80070005) + u16(0))
    seeds["seek_stream_req"] = rop(0, 0x2E, u8(1) + u8(1) + u8(2) + i64(-10))
    seeds["copy_to_stream_null_dest"] = rop(1, 0x3A, u8(1) + u32(0x503) + u32(2) + u64(0) + u64(0))
    seeds["lock_region_req"] = rop(0, 0x5B, u8(1) + u8(1) + u64(0) + u64(4096) + u32(1))
    seeds["write_stream_ext_resp"] = rop(1, 0xA3, u8(1) + u32(0) + u32(2))
    # A buffer pair: RopGetPropertiesSpecific and its response.
    inb = rop_buffer([u8(0x07) + u8(0) + u8(0) + u16(0) + u16(1) + u16(2)
                     + tag(0x0E08, 3) + tag(0x37, 0x1F)], [1])
    outb = rop_buffer([u8(0x07) + u8(0) + u32(0) + u8(0) + i32(42) + utf16z("Ab")], [1])
    seeds["buffers_get_specific"] = u8(3) + u16(len(inb)) + inb + outb
    # RopOpenStream then RopReadStream.
    inb = rop_buffer([u8(0x2B) + u8(1) + u8(0) + u8(1) + tag(0x1000, 0x1F) + u8(0)
                     + u8(0x2C) + u8(1) + u8(1) + u16(0x1000)], [0, 0xFFFFFFFF])
    outb = rop_buffer([u8(0x2B) + u8(1) + u32(0) + u32(6)
                      + u8(0x2C) + u8(1) + u32(0) + binary(utf16z("ab"))], [0, 2])
    seeds["buffers_stream"] = u8(3) + u16(len(inb)) + inb + outb
    return seeds


# ------------------------------------------------------ message/attachment ROPs
# The rop_message target: byte 0 = bit 0 response, bits 1-2 logon kind
# (1 private, 2 public), bits 3-4 recipient column set (1: RecipientType,
# SmtpAddress, TrackStatus); byte 1 = RopId; then the ROP after its RopId.
# The ROPs are the constructions of tests/rop_message.rs and
# tests/rop_attachment.rs.

REQ, RESP = 0x00, 0x01
PUBLIC = 0x04
COLS1 = 0x08


def framed(head, row): return head + u16(len(row)) + row


def msg_fid(counter): return u16(1) + counter.to_bytes(6, "big")


def recipient_rows_open():
    ann = (u16(0x025B) + utf16z("ann@example.com") + utf16z("Ann") + u16(3)
           + u8(0) + i32(1) + utf16z("ann@example.com") + i32(0))
    bob = (u16(0x0011) + u8(0) + u8(0) + str8z("/o=Contoso/ou=Exchange/cn=Recipients/cn=bob")
           + str8z("Bob") + u16(1) + u8(1) + u8(0) + i32(2))
    return (u8(2) + framed(u8(1) + u16(1252) + u16(0), ann)
            + framed(u8(2) + u16(1252) + u16(0), bob))


def open_columns():
    return u16(3) + tag(0x0C15, 0x0003) + tag(0x39FE, 0x001F) + tag(0x5FFF, 0x0003)


def open_body():
    return (u8(0) + u8(4) + utf16z("RE: ") + u8(2) + str8z("Lunch") + u16(2)
            + open_columns() + recipient_rows_open())


def rop_message_seeds():
    ok = u32(0)
    seeds = {}

    def add(name, sel, rop, body):
        seeds[name] = u8(sel) + u8(rop) + body

    # Message ROPs (MS-OXCROPS 2.2.6.1-2.2.6.11).
    add("open_message_req", REQ, 0x03,
        u8(0) + u8(0) + u8(1) + u16(0x0FFF) + msg_fid(0x1234) + u8(3) + msg_fid(0x5678))
    add("open_message_resp", RESP, 0x03, u8(1) + ok + open_body())
    add("open_message_fail", RESP, 0x03, u8(1) + u32(0x8004010F))
    add("create_message_req", REQ, 0x06, u8(0) + u8(0) + u8(1) + u16(1252) + msg_fid(0x1234) + u8(0))
    add("create_message_resp", RESP, 0x06, u8(1) + ok + u8(1) + msg_fid(0x9ABC))
    add("create_message_resp_no_mid", RESP, 0x06, u8(1) + ok + u8(0))
    add("save_changes_message_req", REQ, 0x0C, u8(0) + u8(0) + u8(1) + u8(2))
    add("save_changes_message_resp", RESP, 0x0C, u8(0) + ok + u8(1) + msg_fid(0x9ABC))
    add("remove_all_recipients_req", REQ, 0x0D, u8(0) + u8(1) + u32(0))
    add("remove_all_recipients_resp", RESP, 0x0D, u8(1) + ok)
    dee = (u16(0x021B) + utf16z("dee@example.com") + utf16z("Dee") + u16(2) + u8(0)
           + i32(1) + utf16z("Dee"))
    add("modify_recipients_req", REQ, 0x0E,
        u8(0) + u8(1) + u16(2) + tag(0x0C15, 0x0003) + tag(0x3001, 0x001F) + u16(2)
        + framed(u32(0) + u8(1), dee) + u32(5) + u8(1) + u16(0))
    add("modify_recipients_resp", RESP, 0x0E, u8(1) + ok)
    add("read_recipients_req", REQ, 0x0F, u8(0) + u8(1) + u32(2) + u16(0))
    cy = u16(0x0210) + utf16z("Cy") + u16(1) + u8(0) + i32(3)
    read = u8(1) + ok + u8(1) + framed(u32(2) + u8(0x13) + u16(1252) + u16(0), cy)
    add("read_recipients_resp_columns", RESP | COLS1, 0x0F, read)
    add("read_recipients_resp_raw", RESP, 0x0F, read)
    add("read_recipients_fail", RESP, 0x0F, u8(1) + u32(0x0000047D))
    add("reload_cached_information_req", REQ, 0x10, u8(0) + u8(1) + u16(0))
    add("reload_cached_information_resp", RESP, 0x10, u8(1) + ok + open_body())
    add("set_message_status_req", REQ, 0x20,
        u8(0) + u8(0) + msg_fid(0x9ABC) + u32(0x1000) + u32(0x3000))
    add("set_message_status_resp", RESP, 0x20, u8(0) + ok + u32(0x2000))
    add("get_message_status_req", REQ, 0x1F, u8(0) + u8(0) + msg_fid(0x9ABC))
    add("get_message_status_resp", RESP, 0x1F, u8(0) + ok + u32(0x0801))
    add("set_read_flags_req", REQ, 0x66,
        u8(0) + u8(0) + u8(1) + u8(5) + u16(2) + msg_fid(0x9ABC) + msg_fid(0x9ABD))
    add("set_read_flags_resp", RESP, 0x66, u8(0) + ok + u8(0))
    add("set_read_flags_fail", RESP, 0x66, u8(0) + u32(0x80070005) + u8(1))
    add("set_message_read_flag_req", REQ, 0x11, u8(0) + u8(0) + u8(1) + u8(1))
    add("set_message_read_flag_req_public", REQ | PUBLIC, 0x11,
        u8(0) + u8(0) + u8(1) + u8(1) + guid(0x11) + (0x1234).to_bytes(6, "big") + u16(0))
    add("set_message_read_flag_resp", RESP, 0x11,
        u8(0) + ok + u8(1) + u8(3) + guid(0x33) + (0x5678).to_bytes(6, "big") + u16(0))
    # Attachment ROPs (MS-OXCROPS 2.2.6.12-2.2.6.18).
    add("open_attachment_req", REQ, 0x22, u8(0) + u8(1) + u8(2) + u8(3) + u32(0))
    add("open_attachment_resp", RESP, 0x22, u8(2) + ok)
    add("create_attachment_req", REQ, 0x23, u8(0) + u8(1) + u8(2))
    add("create_attachment_resp", RESP, 0x23, u8(2) + ok + u32(3))
    add("delete_attachment_req", REQ, 0x24, u8(0) + u8(1) + u32(0x102))
    add("save_changes_attachment_req", REQ, 0x25, u8(0) + u8(1) + u8(2) + u8(1))
    add("open_embedded_message_req", REQ, 0x46, u8(0) + u8(1) + u8(2) + u16(1252) + u8(2))
    eve = u16(0x0210) + utf16z("Eve") + u16(1) + u8(0) + utf16z("Eve")
    add("open_embedded_message_resp", RESP, 0x46,
        u8(2) + ok + u8(0) + msg_fid(0x42) + u8(1) + u8(0) + u8(1) + u16(1)
        + u16(1) + tag(0x3001, 0x001F) + u8(1) + framed(u8(1) + u16(1252) + u16(0), eve))
    add("get_attachment_table_req", REQ, 0x21, u8(0) + u8(1) + u8(2) + u8(0x40))
    add("get_valid_attachments_req", REQ, 0x52, u8(0) + u8(1))
    add("get_valid_attachments_resp", RESP, 0x52, u8(1) + ok + u16(3) + u32(0) + u32(1) + u32(4))
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


# ---------------------------------------------------------------- MS-OXCRPC
# ext_buffer: selector bit 0 = permissive limits. lz77_decompress: the first
# two bytes are SizeActual. aux_buffer: selector bit 0 = bare AUX blocks.

# MS-XCA 3.1 examples (shared/vectors/spec-transport.json).
XCA_1 = bytes.fromhex("3f0000006162636465666768696a6b6c6d6e6f707172737475767778797a")
XCA_2 = bytes.fromhex("ffffff1f61626317000fff2601")
COMPRESSED, XOR_MAGIC, LAST = 0x1, 0x2, 0x4


def xor(b): return bytes(x ^ 0xA5 for x in b)


def rpc_header(flags, size, size_actual):
    return u16(0) + u16(flags) + u16(size) + u16(size_actual)


def ext(payload, flags, size_actual=None):
    return rpc_header(flags, len(payload),
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


# ------------------------------------------------------------ MAPI/HTTP
# response_stream: byte 0 = (number of piece-size bytes << 1) | chunked,
# then the piece sizes, then the data. http_request: the message itself.

START = b"Mon, 01 Jan 2024 00:00:00 GMT"
REQUEST_ID = b"E2EA6C1C-E61B-49E9-9CFB-38184F907552"  # MS-OXCMAPIHTTP 2.2.3.3.2
CLIENT_INFO = b"{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}"  # 2.2.3.3.4


def mode(chunked, sizes=()):
    return u8((len(sizes) << 1) | int(chunked)) + bytes(sizes)


def chunk(data):
    return b"%X\r\n" % len(data) + data + b"\r\n"


def chunked_body(*parts):
    return b"".join(chunk(p) for p in parts) + b"0\r\n\r\n"


def stream(pending=0, headers=(), body=b""):
    s = b"PROCESSING\r\n" + b"PENDING\r\n" * pending + b"DONE\r\n"
    s += b"".join(n + b": " + v + b"\r\n" for n, v in headers)
    return s + b"\r\n" + body


DONE_HEADERS = [(b"X-ResponseCode", b"0"), (b"X-ElapsedTime", b"12"), (b"X-StartTime", START)]
# A Connect success body (2.2.4.1.2) with CR LF inside, so that a parser
# scanning the body would trip.
CONNECT_BODY = (u32(0) + u32(0) + u32(60000) + u32(6) + u32(10000)
                + b"/o=Example\r\nDONE\r\n\r\n\0" + utf16z("Jane Dow") + u32(0))


def response_stream_seeds():
    seeds = {}
    s41 = stream(0, DONE_HEADERS, CONNECT_BODY)  # MS-OXCMAPIHTTP 4.1
    seeds["connect_4_1_whole"] = mode(False) + s41
    seeds["connect_4_1_bytewise"] = mode(False, [1]) + s41
    seeds["connect_4_1_pieces"] = mode(False, [3, 7, 0, 13]) + s41
    seeds["ping_4_3"] = mode(False, [5]) + stream(0, DONE_HEADERS)
    # MS-OXCMAPIHTTP 4.2: vectors mapihttp-4.2-chunk-processing/-pending.
    s42 = (b"C\r\nPROCESSING\r\n\r\n" + b"9\r\nPENDING\r\n\r\n" * 2
           + chunk(b"DONE\r\nX-ResponseCode: 0\r\n\r\n" + CONNECT_BODY) + b"0\r\n\r\n")
    seeds["execute_4_2_chunked"] = mode(True) + s42
    seeds["execute_4_2_chunked_pieces"] = mode(True, [2, 9, 1]) + s42
    seeds["many_pending"] = mode(False, [4]) + stream(50, [(b"X-ResponseCode", b"0")], b"\0" * 8)
    seeds["late_failure"] = mode(False, [6]) + stream(
        1, [(b"X-ResponseCode", b"10"), (b"Content-Type", b"text/html")], b"<html/>")
    seeds["chunked_one_line_per_chunk"] = mode(True, [1]) + chunked_body(
        b"PROCESSING\r\n", b"DONE\r\n", b"X-Elapsed", b"Time: 3\r\n", b"\r\n", b"\x01\x02")
    seeds["chunked_ext_trailer"] = mode(True) + (
        b"c;x=y\r\nPROCESSING\r\n\r\n006\r\nDONE\r\n\r\n2\r\n\r\n\r\n0\r\nX-T: 1\r\n\r\n")
    seeds["bad_meta_tag"] = mode(False, [2]) + b"PROCESSING\r\nPENDINX\r\n"
    seeds["bare_lf"] = mode(False) + b"PROCESSING\r\nDONE\r\nX-A: 1\n\r\n"
    seeds["long_header"] = mode(False, [33]) + stream(0, [(b"X-A", b"v" * 300)])
    seeds["no_blank_line"] = mode(False) + b"PROCESSING\r\nDONE\r\nX-ResponseCode: 0\r\n"
    seeds["bad_response_code"] = mode(False) + stream(0, [(b"X-ResponseCode", b"zero")])
    seeds["bad_chunk_size"] = mode(True, [3]) + b"C\r\nPROCESSING\r\n\r\nZ\r\n"
    return seeds


def request(request_type, body=b"", cookies=(), length=None):
    h = b"POST /mapi/emsmdb/?MailboxId=jane@example.com HTTP/1.1\r\n"
    h += b"Host: mail.example.com\r\n"
    h += b"Content-Length: %d\r\n" % (len(body) if length is None else length)
    h += b"Content-Type: application/mapi-http\r\n"
    for c in cookies:
        h += b"Cookie: " + c + b"\r\n"
    h += b"X-RequestType: " + request_type + b"\r\n"
    h += b"X-ClientInfo: " + CLIENT_INFO + b":123\r\n"
    h += b"X-RequestId: " + REQUEST_ID + b":2\r\n"
    h += b"X-ClientApplication: Outlook/15.00.0000.0000\r\n\r\n"
    return h + body


def http_request_seeds():
    cookies = [b"MapiContext=ctx", b"MapiSequence=seq"]
    connect = str8z("/o=Example/cn=jane") + u32(0) + u32(1252) + u32(0x409) + u32(0x409) + u32(0)
    seeds = {}
    seeds["connect_4_1"] = request(b"Connect", connect)  # MS-OXCMAPIHTTP 4.1
    seeds["execute_4_2"] = request(b"Execute", u32(0) + u32(2) + b"\x02\x00", cookies)  # 4.2
    seeds["ping_4_3"] = request(b"PING", b"", cookies)  # 4.3
    seeds["disconnect_4_5"] = request(b"Disconnect", u32(0), cookies)  # 4.5
    seeds["bind_lower_case"] = request(b"bind", u32(0) * 3)
    seeds["chunked"] = (b"POST /mapi/nspi/ HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
                        b"X-RequestType: Unbind\r\n\r\n" + chunked_body(u32(0), u32(0)))
    seeds["both_lengths"] = (b"POST / HTTP/1.1\r\nContent-Length: 1\r\n"
                             b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
    seeds["bad_request_id"] = request(b"Execute").replace(REQUEST_ID, b"not-a-guid")
    seeds["short_body"] = request(b"Execute", b"abc", length=10)
    seeds["bad_method"] = b"PO ST / HTTP/1.1\r\n\r\n"
    seeds["folded_header"] = b"POST / HTTP/1.1\r\nX-A: 1\r\n continued\r\n\r\n"
    return seeds


# ------------------------------------------------- every ROP in rop_buffers
# The per-area targets decode one ROP at a time; their seeds, wrapped in
# ROP buffers, let the rop_buffers target (walkers, pairing, session
# tracker) start from every area's ROPs too.

def target_ids(target):
    """The `IDS` table of a per-area fuzz target, read from its source."""
    import re
    src = open(os.path.join(os.path.dirname(__file__), "fuzz_targets", target + ".rs")).read()
    m = re.search(r"const IDS: [^=]*= &?\[(.*?)\];", src, re.S)
    body = re.sub(r"//[^\n]*", "", m.group(1))
    return [int(x, 16) for x in re.findall(r"0x[0-9A-Fa-f]+", body)]


def area_rops():
    """(is_response, ROP bytes) of every per-area seed, RopId first."""
    out = []
    ids = target_ids("rop_store_folder")
    for seed in store_folder_seeds().values():
        sel = seed[0]
        out.append((bool(sel & 4), bytes([ids[(sel >> 3) % len(ids)]]) + seed[1:]))
    ids = target_ids("rop_property_stream")
    for seed in rop_seeds().values():
        mode = seed[0] & 3
        if mode != 3 and len(seed) >= 2:
            out.append((mode != 0, bytes([ids[seed[1] % len(ids)]]) + seed[2:]))
    for seed in rop_message_seeds().values():
        if len(seed) >= 2:
            out.append((bool(seed[0] & 1), seed[1:]))
    for target, seeds in (("rop_fast_transfer_ics", rop_fxics_seeds()),
                          ("rop_misc", rop_misc_seeds())):
        ids = target_ids(target)
        for seed in seeds.values():
            if len(seed) >= 2:
                out.append((bool(seed[0] & 1), bytes([ids[seed[1] % len(ids)]]) + seed[2:]))
    return out


def all_rop_buffer_seeds():
    seeds = rop_buffers_seeds()
    handles = [0x10, 0x11, 0x12, 0x13]
    empty_input = rop_buffer([], [])
    for i, (is_response, rop) in enumerate(area_rops()):
        if len(rop) + 2 > 0xFFFF:
            continue
        if is_response:
            # Mode 0: an empty input buffer, then the output buffer.
            seeds["area_%03d_response_%02x" % (i, rop[0])] = (
                b"\x00" + u16(len(empty_input)) + empty_input + rop_buffer([rop], handles))
        else:
            seeds["area_%03d_request_%02x" % (i, rop[0])] = b"\x01" + rop_buffer([rop], handles)
    return seeds


if __name__ == "__main__":
    write("restriction", restriction_seeds())
    write("property_rows", rows_seeds())
    write("rop_buffers", all_rop_buffer_seeds())
    write("emsmdb", emsmdb_seeds())
    write("nspi_body", nspi_body_seeds())
    write("rop_fast_transfer_ics", rop_fxics_seeds())
    write("rop_store_folder", store_folder_seeds())
    write("rop_property_stream", rop_seeds())
    write("rop_message", rop_message_seeds())
    write("rop_misc", rop_misc_seeds())
    write("rule_actions", rule_actions_seeds())
    write("ext_buffer", ext_buffer_seeds())
    write("lz77_decompress", lz77_seeds())
    write("aux_buffer", aux_seeds())
    write("response_stream", response_stream_seeds())
    write("http_request", http_request_seeds())
