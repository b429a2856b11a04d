//! The regex engine behind every built-in pattern.
//!
//! Natively (the CLI, tests, benchmarks) it is `regex`, whose literal prefilters and lazy DFA keep a
//! check in microseconds; in the extension's wasm (built without the `fast-regex` feature) it is
//! `regex-lite`, which carries no Unicode tables and keeps the checker under its 400 KB budget.
//! Both take the same syntax and offer the same API. The built-in patterns keep to what both read
//! alike — ASCII-only `\b`/`\d`/`\s` semantics where it matters (`(?-u)`), Latin letter classes
//! instead of `\p{…}` — and `tests` below holds them to it: every built-in pattern finds the same
//! matches in both engines, on the development corpora and on generated text.

#[cfg(feature = "fast-regex")]
pub(crate) use regex::{Captures, Match, Regex, RegexBuilder};
#[cfg(not(feature = "fast-regex"))]
pub(crate) use regex_lite::{Captures, Match, Regex, RegexBuilder};

/// Compiles a built-in pattern. Panics on a bad one: every built-in pattern is compiled by the
/// tests (building the rules), so a panic here is a bug caught before release, never user input.
pub(crate) fn compile(pattern: &str) -> Regex {
    #[cfg(all(test, feature = "fast-regex"))]
    tests::BUILT.lock().unwrap_or_else(|e| e.into_inner()).push(pattern.to_owned());
    Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern: {e}"))
}

/// Generated texts for the property tests, with either engine.
#[cfg(test)]
pub(crate) mod generate {
    use proptest::prelude::*;

    /// Texts of up to 40 of `pieces`, each followed by a space or not.
    pub(crate) fn text_from(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
        prop::collection::vec((prop::sample::select(pieces), prop::bool::ANY), 0..40)
            .prop_map(|v| v.into_iter().flat_map(|(p, space)| [p, if space { " " } else { "" }]).collect())
    }
}

#[cfg(all(test, feature = "fast-regex"))]
pub(crate) mod tests {
    use super::generate::text_from;
    use proptest::prelude::*;
    use std::sync::{Mutex, OnceLock};

    /// The source of every built-in pattern compiled in this test process.
    pub(crate) static BUILT: Mutex<Vec<String>> = Mutex::new(Vec::new());

    /// Every built-in pattern, compiled by both engines.
    fn both() -> &'static [(regex::Regex, regex_lite::Regex)] {
        static BOTH: OnceLock<Vec<(regex::Regex, regex_lite::Regex)>> = OnceLock::new();
        BOTH.get_or_init(|| {
            crate::rules::all();
            crate::rules::patient_privacy::clues::shared();
            let mut sources = BUILT.lock().unwrap_or_else(|e| e.into_inner()).clone();
            sources.sort();
            sources.dedup();
            sources.iter().map(|s| (regex::Regex::new(s).unwrap(), regex_lite::Regex::new(s).unwrap())).collect()
        })
    }

    fn alike(hay: &str) -> Result<(), String> {
        for (fast, lite) in both() {
            let a: Vec<_> =
                fast.captures_iter(hay).map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>()).collect();
            let b: Vec<_> =
                lite.captures_iter(hay).map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>()).collect();
            if a != b {
                return Err(format!("pattern {} differs on {hay:?}: regex {a:?}, regex-lite {b:?}", fast.as_str()));
            }
        }
        Ok(())
    }

    #[test]
    fn both_engines_match_alike_on_the_development_corpora() {
        assert!(both().len() >= 25, "only {} built-in patterns registered", both().len());
        let corpora = [
            include_str!("../../../tests/corpus/dev.jsonl"),
            include_str!("../../../tests/corpus/dev-b.jsonl"),
            include_str!("../../../tests/corpus/dev-c.jsonl"),
            include_str!("../../../tests/corpus/dev-d.jsonl"),
            include_str!("../../../tests/corpus/dev-e.jsonl"),
        ];
        for line in corpora.iter().flat_map(|c| c.lines()) {
            let post: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = post["text"].as_str().unwrap();
            alike(text).unwrap();
            alike(crate::text::Normalized::new(text).as_str()).unwrap();
        }
    }

    /// Where the engines could part: non-ASCII letters and spaces next to what patterns match.
    ///
    /// Left out on purpose: `ſ` (long s) and `K` (Kelvin sign), the two characters that full Unicode
    /// case folding turns into ASCII letters. Under `(?i)`, `regex` matches them for `s`/`k` and
    /// `regex-lite` does not ("100% cureſ": `regex` takes the `ſ` into "cure[a-z]*"). The engines
    /// can part only on words spelled with these two characters, which posts do not contain, and
    /// the word-list rules read the normalized text, where both are already `s` and `k`.
    const PIECES: &[&str] = &[
        "17",
        "4",
        "yo",
        "year old",
        "bed",
        "room",
        "Dr",
        "Émile",
        "Ångström",
        "the nurse on",
        "ward",
        "\u{a0}",
        "\u{2003}",
        "\u{200b}",
        "É",
        "Ü",
        "Ó",
        "Ç",
        "İ",
        "RÉDUCTION",
        "GÜNSTIGER",
        "CÓDIGO",
        "% RABATT",
        "DE DESCUENTO",
        "é",
        "ß",
        "ñ",
        "δ",
        "я",
        "🙂",
        "'",
        "’",
        "‘",
        "@nurse_jo",
        "a@b.co",
        "told her to",
        "twice a day",
        "mg",
        "dob",
        "Mr",
        "Mrs",
        "patient",
        "pt",
        "J.D.",
        "CODE",
        "SAVE20",
        "20% off",
        "$5",
        "%",
        "100%",
        "cure",
        "\n",
        " ",
        ",",
        ".",
        "-",
        "(",
        ")",
        "#",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        #[test]
        fn both_engines_match_alike_on_generated_text(text in text_from(PIECES)) {
            prop_assert_eq!(alike(&text), Ok(()));
            prop_assert_eq!(alike(crate::text::Normalized::new(&text).as_str()), Ok(()));
        }
    }
}
