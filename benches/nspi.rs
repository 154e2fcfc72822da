//! Decoding a QueryRows response (MS-OXCMAPIHTTP 2.2.5.12.2) of 100 rows
//! with 8 realistic address-book columns, beside a plain memory copy of the
//! same bytes. `decode` validates the body and every cell (the rows stay
//! lazy); `decode_and_walk` also visits every cell of every row.
//!
//! Run: `cargo bench --bench nspi`

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use mapi_wire::data::*;
use mapi_wire::http::nspi::*;
use mapi_wire::nspi::*;
use mapi_wire::wire::{Bytes, Decode, Encode, List};
use std::hint::black_box;

/// The columns Outlook asks for when it lists the address book.
fn columns() -> Vec<PropertyTag> {
    vec![
        PropertyTag(0x3001_001F), // PidTagDisplayName
        PropertyTag(0x39FE_001F), // PidTagSmtpAddress
        PropertyTag(0x3900_0003), // PidTagDisplayType
        PropertyTag(0x0FFF_0102), // PidTagEntryId
        PropertyTag(0x3A00_001F), // PidTagAccount
        PropertyTag(0x3A17_001F), // PidTagTitle
        PropertyTag(0x3A19_001F), // PidTagOfficeLocation
        PropertyTag(0x800F_101F), // PidTagAddressBookProxyAddresses
    ]
}

struct Person {
    name: String,
    smtp: String,
    account: String,
    proxies: [String; 2],
    entry_id: Vec<u8>,
}

/// A plain cell holding `x`.
fn cell(x: AddressBookValue<'_>) -> AbCell<'_> {
    AbCell::Value(AddressBookPropertyValue::new(x))
}

fn body_bytes(cols: &[PropertyTag]) -> Vec<u8> {
    let people: Vec<Person> = (0..100)
        .map(|i| {
            let name = format!("Employee Number {i:03}");
            let account = format!("employee{i:03}");
            let smtp = format!("{account}@contoso.example");
            let entry_id = EphemeralEntryId::new(
                Guid([0xAB; 16]),
                AbDisplayType::MAILUSER,
                MinimalEntryId(0x1000 + i),
            )
            .to_vec()
            .unwrap();
            Person {
                name,
                proxies: [
                    format!("SMTP:{smtp}"),
                    format!("smtp:{account}@contoso.onmicrosoft.example"),
                ],
                smtp,
                account,
                entry_id,
            }
        })
        .collect();
    let proxies: Vec<Vec<AbElement<Utf16Str<'_>>>> = people
        .iter()
        .map(|p| {
            p.proxies
                .iter()
                .map(|s| AbElement::new(Utf16Str::from_str(s)))
                .collect()
        })
        .collect();
    let cells: Vec<Vec<AbCell<'_>>> = people
        .iter()
        .zip(&proxies)
        .map(|(p, proxies)| {
            vec![
                AbCell::Value(AddressBookPropertyValue::new(
                    PropertyValue::string(&p.name).into(),
                )),
                AbCell::Value(AddressBookPropertyValue::new(
                    PropertyValue::string(&p.smtp).into(),
                )),
                cell(PropertyValue::Integer32(0).into()),
                AbCell::Value(AddressBookPropertyValue::new(
                    PropertyValue::Binary(Bytes(&p.entry_id)).into(),
                )),
                AbCell::Value(AddressBookPropertyValue::new(
                    PropertyValue::string(&p.account).into(),
                )),
                cell(PropertyValue::string("Software Engineer").into()),
                cell(PropertyValue::string("Building 4, Room 1021").into()),
                AbCell::Value(AddressBookPropertyValue::new(
                    AddressBookValue::MultipleString(List::from_slice(proxies)),
                )),
            ]
        })
        .collect();
    let rows: Vec<_> = cells
        .iter()
        .map(|c| AddressBookPropertyRow::new(0, c))
        .collect();
    let body = QueryRowsResponse::Success(QueryRowsSuccess {
        status_code: 0,
        error_code: ErrorCode(0),
        has_state: HAS,
        state: Some(Stat::new(CodePage::WINDOWS_1252, 0x0409)),
        has_columns_and_rows: HAS,
        columns: Some(LargePropertyTagArray::new(cols)),
        row_data: Some(List::from_slice(&rows)),
        auxiliary_buffer: Bytes(&[]),
    });
    body.to_vec_with(AbContext::DEFAULT).unwrap()
}

fn bench(c: &mut Criterion) {
    let cols = columns();
    let bytes = body_bytes(&cols);
    let cx = AbContext::DEFAULT;
    let mut g = c.benchmark_group("nspi_query_rows_100x8");
    g.throughput(Throughput::Bytes(bytes.len() as u64));

    common::memcpy_baseline(&mut g, &bytes);
    g.bench_function(BenchmarkId::new("decode", bytes.len()), |b| {
        b.iter(|| {
            let (r, _) = QueryRowsResponse::decode_with(black_box(&bytes), cx).unwrap();
            black_box(r)
        })
    });
    g.bench_function(BenchmarkId::new("decode_and_walk", bytes.len()), |b| {
        b.iter(|| {
            let (r, _) = QueryRowsResponse::decode_with(black_box(&bytes), cx).unwrap();
            let mut n = 0usize;
            if let QueryRowsResponse::Success(s) = &r {
                for row in s.row_data.iter().flat_map(|l| l.iter()) {
                    for cell in row.cells() {
                        n += usize::from(cell.value().is_some());
                    }
                }
            }
            assert_eq!(n, 800);
            black_box(n)
        })
    });
    g.bench_function(
        BenchmarkId::new("decode_and_for_each_row", bytes.len()),
        |b| {
            b.iter(|| {
                let (r, _) = QueryRowsResponse::decode_with(black_box(&bytes), cx).unwrap();
                let mut n = 0usize;
                if let QueryRowsResponse::Success(s) = &r
                    && let Some(rows) = &s.row_data
                {
                    rows.for_each_row(|_, _, cells| {
                        for cell in cells {
                            n += usize::from(cell.value().is_some());
                        }
                    });
                }
                assert_eq!(n, 800);
                black_box(n)
            })
        },
    );
    g.bench_function(BenchmarkId::new("encode", bytes.len()), |b| {
        let (r, _) = QueryRowsResponse::decode_with(&bytes, cx).unwrap();
        let mut out = Vec::with_capacity(bytes.len());
        b.iter(|| {
            out.clear();
            black_box(&r).encode_with(&mut out, cx).unwrap();
            black_box(&out);
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
