//! Facebook's JSON exports: the same bytes read as a posts file and as a comments file (the
//! name decides when the content does not).
#![no_main]

use libfuzzer_sys::fuzz_target;
use primum_fuzz::parse_and_audit;

fuzz_target!(|data: &[u8]| {
    parse_and_audit("your_posts_1.json", data);
    parse_and_audit("comments.json", data);
});
