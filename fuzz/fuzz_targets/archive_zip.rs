//! The zip a site hands out: arbitrary bytes read as `archive.zip` (seeds are generated downloads
//! of X, Facebook and LinkedIn, so mutations reach the entries and their parsers).
#![no_main]

use libfuzzer_sys::fuzz_target;
use primum_fuzz::parse_and_audit;

fuzz_target!(|data: &[u8]| {
    parse_and_audit("archive.zip", data);
});
