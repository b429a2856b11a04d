//! X's `data/tweets.js`: arbitrary bytes after `window.YTD.tweets.part0 = ` (or a whole seed file).
#![no_main]

use libfuzzer_sys::fuzz_target;
use primum_fuzz::{parse_and_audit, with_header};

fuzz_target!(|data: &[u8]| {
    parse_and_audit("data/tweets.js", &with_header(b"window.YTD.tweets.part0 = ", b"window.YTD.", data));
});
