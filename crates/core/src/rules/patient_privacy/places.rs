//! Named places in the original text: "Hollis County", "Route 9", "St. Brennan's", "Ward 9",
//! "6 West", "on 5th", "the M6", "Gymnasium am See", "from Denver".
//!
//! Capital letters mark names, so this reads the original text. A hand-written word scan rather
//! than a regular expression: Unicode capital classes with look-around words made the lazy DFA
//! rebuild states on every draft; this is one linear pass with no allocation beyond the words.

use crate::rules::calendar::is_weekday_or_month;
use std::ops::Range;

/// Words that put a name after them: "Route 9", "Hospital San Rafael", "Rue Lafayette".
const PREFIXES: &[&str] = &[
    "Route",
    "Rte",
    "Rt",
    "Highway",
    "Hwy",
    "Interstate",
    "Exit",
    "Junction",
    "Station",
    "Terminal",
    "Gate",
    "Ward",
    "Pod",
    "Platform",
    "Lake",
    "Mount",
    "Mt",
    "Saint",
    "St",
    "San",
    "Santa",
    "Sankt",
    "Hospital",
    "Clínica",
    "Clinica",
    "Hôpital",
    "Hopital",
    "Klinikum",
    "Krankenhaus",
    "Colegio",
    "Colégio",
    "Escuela",
    "Instituto",
    "École",
    "Ecole",
    "Lycée",
    "Lycee",
    "Gymnasium",
    "Escola",
    "Rua",
    "Calle",
    "Avenida",
    "Rue",
    "Unit",
    "Floor",
    "Bay",
];

/// Prefixes that also count in lower case when a number follows ("ward 12", "unit 4").
const NUMBERED: &[&str] = &["ward", "station", "floor", "unit"];

/// Words that put a name before them: "Hollis County", "Elm Road", "Mercy General".
const SUFFIXES: &[&str] = &[
    "County",
    "Road",
    "Rd",
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Lane",
    "Ln",
    "Boulevard",
    "Blvd",
    "Close",
    "Crescent",
    "Square",
    "High",
    "Primary",
    "Elementary",
    "Academy",
    "School",
    "Hospital",
    "General",
    "Memorial",
    "Infirmary",
    "Maternity",
    "Mall",
    "Airport",
    "Bridge",
    "Church",
    "Heights",
    "Grove",
    "Valley",
    "Park",
    "Estate",
    "Township",
    "Parish",
    "Centre",
    "Center",
];

/// Prepositions after which a capitalized word is usually a place or venue.
const PREPOSITIONS: &[&str] = &["from", "outside", "near", "behind", "at", "in", "on", "aus", "en", "em"];

/// Capitalized words after a preposition that are not places: platforms, days, months, titles.
const NOT_PLACES: &[&str] = &[
    "facebook",
    "instagram",
    "insta",
    "twitter",
    "x",
    "linkedin",
    "tiktok",
    "hinge",
    "tinder",
    "bumble",
    "reddit",
    "youtube",
    "whatsapp",
    "messenger",
    "snapchat",
    "zoom",
    "teams",
    "google",
    "ig",
    "fb",
    "threads",
    "bluesky",
    "mastodon",
    "christmas",
    "easter",
    "i",
    "dr",
    "mr",
    "mrs",
    "ms",
    "nhs",
    "god",
    "covid",
    "jama",
    "bmj",
    "nejm",
    "lancet",
    "pubmed",
    "radiopaedia",
    "nice",
    "who",
    "cdc",
    "fda",
    "ema",
    "uptodate",
    "epic",
    "cerner",
    "the",
    "a",
    "an",
    "my",
    "our",
];

struct Word {
    range: Range<usize>,
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner =
            matches!(c, '\'' | '’' | '-') && start.is_some() && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Word { range: s..i });
        }
    }
    if let Some(s) = start {
        out.push(Word { range: s..text.len() });
    }
    out
}

fn capitalized(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
}

fn numeric(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit()) && w.len() <= 5
}

fn ordinal(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits <= 3 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
}

/// "M6", "A7", "I-95", "US-1": road numbers.
fn road(w: &str) -> bool {
    let rest = w.strip_prefix("I-").or_else(|| w.strip_prefix("US-")).or_else(|| w.strip_prefix(['A', 'M']));
    rest.is_some_and(|r| !r.is_empty() && r.len() <= 4 && r.bytes().all(|b| b.is_ascii_digit()))
}

/// German street names are one word: "Hauptstraße", "Lindenweg", "Marktplatz".
fn street_compound(w: &str) -> bool {
    let lower = w.to_lowercase();
    ["straße", "strasse", "weg", "gasse", "platz", "allee", "damm"]
        .iter()
        .any(|s| lower.len() > s.len() + 2 && lower.ends_with(s))
}

/// Not a place: the word (minus a possessive) is a platform, a day, a title…
fn not_place(w: &str) -> bool {
    let base = w.trim_end_matches("'s").trim_end_matches("’s");
    NOT_PLACES.iter().any(|n| base.eq_ignore_ascii_case(n)) || is_weekday_or_month(&base.to_ascii_lowercase())
}

/// Original byte ranges of named places in `text`.
pub(crate) fn named_places(text: &str) -> Vec<Range<usize>> {
    let words = words(text);
    let w = |i: usize| &text[words[i].range.clone()];
    // Only spaces (and an abbreviation's full stop) between word `i` and the next.
    let joined = |i: usize| {
        i + 1 < words.len() && {
            let gap = &text[words[i].range.end..words[i + 1].range.start];
            !gap.is_empty() && gap.len() <= 3 && gap.trim_start_matches('.').chars().all(|c| c == ' ' || c == '\t')
        }
    };
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut push = |r: Range<usize>| {
        if !out.iter().any(|o| o.start <= r.start && r.end <= o.end) {
            out.push(r);
        }
    };
    for i in 0..words.len() {
        let word = w(i);
        let cap = capitalized(word);
        let next = if joined(i) { Some(w(i + 1)) } else { None };
        let span_next = || words[i].range.start..words[i + 1].range.end;
        if let Some(n) = next {
            let two_words = (cap && PREFIXES.contains(&word) && (capitalized(n) && !not_place(n) || numeric(n)))
                || (numeric(n) && NUMBERED.iter().any(|p| word.eq_ignore_ascii_case(p)))
                || (numeric(word) && matches!(n, "North" | "South" | "East" | "West"))
                || (word == "on" && ordinal(n));
            if two_words {
                push(span_next());
            } else if cap
                && matches!(word, "Gymnasium" | "Klinikum" | "Schule" | "Krankenhaus" | "Klinik")
                && matches!(n, "am" | "an" | "im" | "in")
                && joined(i + 1)
                && capitalized(w(i + 2))
            {
                push(words[i].range.start..words[i + 2].range.end);
            } else if PREPOSITIONS.contains(&word) {
                let mut k = i + 1;
                if w(k) == "the" && joined(k) {
                    k += 1;
                }
                if capitalized(w(k)) && !not_place(w(k)) && !PREFIXES.contains(&w(k)) {
                    let end = if joined(k) && capitalized(w(k + 1)) { k + 1 } else { k };
                    push(words[i].range.start..words[end].range.end);
                }
            }
        }
        if road(word) || cap && street_compound(word) {
            push(words[i].range.clone());
        }
        if cap && SUFFIXES.contains(&word) && i > 0 && joined(i - 1) && capitalized(w(i - 1)) {
            let mut first = i - 1;
            while first > 0 && i - first < 3 && joined(first - 1) && capitalized(w(first - 1)) {
                first -= 1;
            }
            if !not_place(w(first)) || first + 1 < i {
                push(words[first].range.start..words[i].range.end);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        named_places(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn finds_named_places() {
        assert_eq!(found("a teacher from Hollis County came in"), ["from Hollis County"]);
        assert_eq!(found("off the bridge on Route 9 near the reservoir"), ["Route 9"]);
        assert_eq!(found("27F at St. Brennan's last Tuesday"), ["St. Brennan's"]);
        assert_eq!(found("bay 4 on Ward 9, MRN on 6 West"), ["Ward 9", "6 West"]);
        assert_eq!(found("the pile-up on the M6 and the café on 5th"), ["M6", "on 5th"]);
        assert_eq!(found("vom Gymnasium am See"), ["Gymnasium am See"]);
        assert_eq!(found("die Bäckerin aus der Hauptstraße"), ["Hauptstraße"]);
        assert_eq!(found("found me on Hinge on Friday, ask Dr. Lin"), Vec::<&str>::new());
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in ["", "St", "on", "Route", "É", "from ", "Gymnasium am", "ward 😷", "M", "I-", "’s Road"] {
            let _ = named_places(t);
        }
    }
}
