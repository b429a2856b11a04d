//! LinkedIn's CSV exports: arbitrary rows under the Shares.csv and the Comments.csv header, or a
//! whole seed file as it is.
#![no_main]

use libfuzzer_sys::fuzz_target;
use primum_fuzz::{parse_and_audit, with_header};

fuzz_target!(|data: &[u8]| {
    let shares = b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n";
    parse_and_audit("Shares.csv", &with_header(shares, b"Date", data));
    parse_and_audit("Comments.csv", &with_header(b"Date,Link,Message\n", b"Date", data));
});
