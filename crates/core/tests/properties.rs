//! Any Unicode input: no panic, spans inside the text on char boundaries, UTF-16 offsets
//! consistent with the UTF-8 ones.

use primum_core::{Checker, Context};
use proptest::prelude::*;
use std::sync::OnceLock;

fn checker() -> &'static Checker {
    static C: OnceLock<Checker> = OnceLock::new();
    C.get_or_init(Checker::new)
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

fn assert_spans_ok(text: &str) {
    let report = checker().check(text, &Context::default());
    for f in &report.findings {
        let mut spans: Vec<_> = f.spans.clone();
        if let Some(fix) = &f.fix {
            spans.extend(fix.edits.iter().map(|e| e.span));
        }
        for s in spans {
            assert!(s.start <= s.end && s.end <= text.len(), "span out of text: {s:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "span off a char boundary");
            assert_eq!(s.start_utf16, utf16_len(&text[..s.start]));
            assert_eq!(s.end_utf16, utf16_len(&text[..s.end]));
        }
    }
}

/// Text built from pieces that exercise the rules and the normalizer together.
fn mixed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mr. Jones ".to_string()),
        Just("in bed 4 ".to_string()),
        Just("MRN 12345678 ".to_string()),
        Just("patient ".to_string()),
        Just("😷🏽 ".to_string()),
        Just("é\u{301} ".to_string()),
        Just("漢字 ".to_string()),
        Just("\u{200B}".to_string()),
        Just("#FrequentFlyer ".to_string()),
        Just("sh1t f*ck ".to_string()),
        "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..16).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_unicode_is_safe(text in "\\PC{0,200}") {
        assert_spans_ok(&text);
    }

    #[test]
    fn mixed_inputs_keep_spans_aligned(text in mixed_text()) {
        assert_spans_ok(&text);
    }
}

#[test]
fn spans_on_emoji_accents_cjk_and_combining_marks() {
    let text = "😷🏽 漢字 Mr. Ñúñe\u{301}z in bed 4";
    let report = checker().check(text, &Context::default());
    let name = report.findings.iter().find(|f| f.rule == "patient-privacy/patient-name").expect("name found");
    let s = name.spans[0];
    assert_eq!(&text[s.start..s.end], "Mr. Ñúñe\u{301}z");
    let utf16: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(String::from_utf16_lossy(&utf16[s.start_utf16..s.end_utf16]), "Mr. Ñúñe\u{301}z");
    let bed = report.findings.iter().find(|f| f.rule == "patient-privacy/room-or-bed").expect("bed found");
    assert_eq!(&text[bed.spans[0].start..bed.spans[0].end], "bed 4");
}

#[test]
fn long_texts_are_checked_in_pieces_with_spans_in_place() {
    let post = "Mr. Jones in bed 4 pulled his IV out again. ";
    let text = format!("{}{}", "Grand rounds at noon, all welcome. ".repeat(2000), post.repeat(3));
    assert!(text.len() > primum_core::checker::CHUNK * 4);
    let report = checker().check(&text, &Context::default());
    let beds: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.rule == "patient-privacy/room-or-bed")
        .map(|f| &text[f.spans[0].start..f.spans[0].end])
        .collect();
    assert_eq!(beds, ["bed 4", "bed 4", "bed 4"]);
    assert_spans_ok(&text);
}
