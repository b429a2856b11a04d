//! Whatever the bytes, the archive parsers return posts or an error: never a panic. Every
//! prefix of a valid file (a download cut short anywhere) and random damage are tried.
#![cfg(feature = "archive")]

use primum_core::archive::{parse, ArchiveError};
use proptest::prelude::*;
use std::io::{Cursor, Write};

const TWEETS: &str = r#"window.YTD.tweets.part0 = [ {
  "tweet" : { "id_str" : "1", "full_text" : "Mr. Jones in bed 4 &amp; his MRI 👩‍⚕️", "created_at" : "Wed Oct 10 20:19:24 +0000 2018" }
}, {
  "tweet" : { "id_str" : "2", "full_text" : "très bien", "created_at" : "Thu Oct 11 20:19:24 +0000 2018" }
} ]"#;
const FB_POSTS: &str = r#"[{"timestamp": 1540000000, "data": [{"post": "caf\u00c3\u00a9 \u00f0\u009f\u0098\u0080"}], "title": "x"},
 {"timestamp": 1540000001, "data": [{"post": "second"}]}]"#;
const FB_COMMENTS: &str = r#"{"comments_v2": [{"timestamp": 1600000000, "data": [{"comment": {"timestamp": 1600000000, "comment": "Tr\u00c3\u00a8s bien"}}]}]}"#;
const SHARES: &str =
    "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n2023-05-01 14:23:11,,\"Line one\n\"\"two\"\", é 🎉\",,,PUBLIC\n2023-05-02 09:00:00,,=1+1,,,PUBLIC\n";

fn zip_of(files: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in files {
        w.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn fixtures() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("data/tweets.js", TWEETS.as_bytes().to_vec()),
        ("your_posts_1.json", FB_POSTS.as_bytes().to_vec()),
        ("comments.json", FB_COMMENTS.as_bytes().to_vec()),
        ("Shares.csv", SHARES.as_bytes().to_vec()),
        (
            "download.zip",
            zip_of(&[("data/tweets.js", TWEETS), ("your_posts_1.json", FB_POSTS), ("Shares.csv", SHARES)]),
        ),
    ]
}

/// Checks the invariants of any outcome: errors name the file; posts have text.
fn outcome_is_sound(name: &str, bytes: &[u8]) {
    match parse(name, bytes) {
        Ok(a) => {
            for p in &a.posts {
                assert!(!p.text.trim().is_empty());
                assert!(p.file.starts_with(name));
            }
            for s in &a.skipped {
                assert!(s.file.starts_with(name), "{s:?}");
                assert!(!s.reason.is_empty());
            }
        }
        Err(e) => {
            let m = e.to_string();
            assert!(m.starts_with(&format!("{name}: ")) || m.starts_with(&format!("{name}/")), "{m}");
            if let ArchiveError::Unreadable { detail, .. } = &e {
                assert!(!detail.is_empty());
            }
        }
    }
}

#[test]
fn every_fixture_reads_whole() {
    for (name, bytes) in fixtures() {
        let a = parse(name, &bytes).unwrap_or_else(|e| panic!("{e}"));
        assert!(!a.posts.is_empty() && a.skipped.is_empty(), "{name}: {a:?}");
    }
}

#[test]
fn every_prefix_is_posts_or_a_clear_error() {
    for (name, bytes) in fixtures() {
        for len in 0..bytes.len() {
            outcome_is_sound(name, &bytes[..len]);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_damage_never_panics(which in 0usize..5, flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let (name, mut bytes) = fixtures().swap_remove(which);
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= b | 1;
        }
        outcome_is_sound(name, &bytes);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512), name in "[a-z_]{1,12}\\.(js|json|csv|zip|txt)") {
        outcome_is_sound(&name, &bytes);
    }

    #[test]
    fn arbitrary_text_after_each_prefix_never_panics(text in "\\PC{0,200}", which in 0usize..4) {
        let prefixes = ["window.YTD.tweets.part0 = ", "[", "{\"comments_v2\": ", "Date,Link,Message\n"];
        let bytes = format!("{}{text}", prefixes[which]);
        outcome_is_sound("f.js", bytes.as_bytes());
    }
}
