//! Normalization + every rule on arbitrary bytes: no panic, spans on char boundaries inside the
//! text, UTF-16 offsets consistent, fixes that apply without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use primum_core::Context;
use primum_fuzz::checker;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = checker().check(&text, &Context::default());
    for f in &report.findings {
        for s in &f.spans {
            assert!(s.start <= s.end && s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            assert_eq!(s.start_utf16, text[..s.start].encode_utf16().count());
            assert_eq!(s.end_utf16, text[..s.end].encode_utf16().count());
        }
        if let Some(fix) = &f.fix {
            let _ = fix.apply(&text);
        }
    }
});
