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
    write("response_stream", response_stream_seeds())
    write("http_request", http_request_seeds())
