//! Normalization with an offset map back to the original text.
//!
//! Rules match against [`Normalized::as_str`] — lowercase, accent-free, look-alikes and
//! leetspeak folded, camel-case hashtags split — and report spans in the *original* text
//! through the offset map, so highlights land on what the person actually typed.

mod fold;
mod fold_table;

use fold::{fold_char, leet_letter, Folded};
use std::ops::Range;

/// The folded text and, for every byte of it, the original byte range it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    norm: String,
    /// Original byte offset where the source of each normalized byte starts.
    starts: Vec<u32>,
    /// Original byte offset where the source of each normalized byte ends.
    ends: Vec<u32>,
    /// Normalized byte ranges of hashtag bodies (after `#`).
    hashtags: Vec<Range<usize>>,
}

/// One folded character and where it came from.
#[derive(Clone, Copy)]
struct Unit {
    c: char,
    start: u32,
    end: u32,
    upper: bool,
    hashtag: bool,
}

/// [`Unit`] for ASCII text: one byte in, one byte out, a quarter of the memory and no decoding
/// (most drafts with a hashtag or a digit in a word take the full fold).
#[derive(Clone, Copy)]
struct AsciiUnit {
    start: u32,
    c: u8,
    upper: bool,
    hashtag: bool,
}

/// What the leetspeak pass and the assembly read and write of a unit, so both run on either kind.
trait FoldUnit: Copy {
    fn c(&self) -> char;
    fn set_c(&mut self, c: char);
    fn start(&self) -> u32;
    fn end(&self) -> u32;
    fn upper(&self) -> bool;
    fn hashtag(&self) -> bool;
}

impl FoldUnit for Unit {
    fn c(&self) -> char {
        self.c
    }
    fn set_c(&mut self, c: char) {
        self.c = c;
    }
    fn start(&self) -> u32 {
        self.start
    }
    fn end(&self) -> u32 {
        self.end
    }
    fn upper(&self) -> bool {
        self.upper
    }
    fn hashtag(&self) -> bool {
        self.hashtag
    }
}

impl FoldUnit for AsciiUnit {
    fn c(&self) -> char {
        char::from(self.c)
    }
    /// Only ASCII is ever written: leetspeak letters and the `*` mask.
    fn set_c(&mut self, c: char) {
        debug_assert!(c.is_ascii());
        self.c = c as u8;
    }
    fn start(&self) -> u32 {
        self.start
    }
    fn end(&self) -> u32 {
        self.start + 1
    }
    fn upper(&self) -> bool {
        self.upper
    }
    fn hashtag(&self) -> bool {
        self.hashtag
    }
}

fn is_leet_run_char(c: char) -> bool {
    c.is_alphabetic() || leet_letter(c).is_some()
}

impl Normalized {
    /// Normalizes `text`. Never fails; any Unicode input gives a valid map.
    ///
    /// Texts longer than `u32::MAX` bytes are not supported by the offset map; callers cap
    /// input long before that (the extension and CLI check at most a few MB at once).
    pub fn new(text: &str) -> Normalized {
        if Self::needs_only_lowercasing(text) {
            let n = text.len() as u32;
            return Normalized {
                norm: text.to_ascii_lowercase(),
                starts: (0..=n).collect(),
                ends: (1..=n).collect(),
                hashtags: Vec::new(),
            };
        }
        Self::full_fold(text)
    }

    /// Every folding step, without the lowercase-only shortcut.
    fn full_fold(text: &str) -> Normalized {
        if text.is_ascii() {
            let mut units = Self::fold_ascii_units(text);
            Self::fold_leet(&mut units);
            return Self::assemble(&units);
        }
        Self::fold_chars(text)
    }

    /// Every folding step on decoded characters: any text.
    fn fold_chars(text: &str) -> Normalized {
        let mut units = Self::fold_units(text);
        Self::fold_leet(&mut units);
        Self::assemble(&units)
    }

    /// [`Normalized::fold_units`] for ASCII text.
    fn fold_ascii_units(text: &str) -> Vec<AsciiUnit> {
        let b = text.as_bytes();
        let mut units: Vec<AsciiUnit> = Vec::with_capacity(b.len());
        let mut in_tag = false;
        for (i, &c) in b.iter().enumerate() {
            let start = i as u32;
            if c == b'#' {
                let prev_word = units.last().is_some_and(|u| u.c.is_ascii_alphanumeric());
                if !prev_word && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) {
                    units.push(AsciiUnit { start, c, upper: false, hashtag: false });
                    in_tag = true;
                    continue;
                }
            }
            if in_tag && !(c.is_ascii_alphanumeric() || c == b'_') {
                in_tag = false;
            }
            units.push(AsciiUnit { start, c: c.to_ascii_lowercase(), upper: c.is_ascii_uppercase(), hashtag: in_tag });
        }
        units
    }

    /// Whether folding `text` would only lowercase it (most drafts, every phrase of most word
    /// lists): ASCII, no hashtag or `#` mask, and no leetspeak character that
    /// [`Normalized::fold_leet`] could turn into a letter — one followed by a letter, or a `$`
    /// after a letter or another leet character ("a$$"). "Great shift!" and "12,400 visits" qualify.
    fn needs_only_lowercasing(text: &str) -> bool {
        let b = text.as_bytes();
        if text.len() >= u32::MAX as usize || !b.is_ascii() || b.contains(&b'#') {
            return false;
        }
        let leet = |c: u8| matches!(c, b'0' | b'1' | b'3' | b'4' | b'5' | b'7' | b'!' | b'@' | b'$');
        b.windows(2).all(|w| {
            let before_letter = leet(w[0]) && w[1].is_ascii_alphabetic();
            let dollar_in_word = w[1] == b'$' && (w[0].is_ascii_alphabetic() || leet(w[0]));
            !(before_letter || dollar_in_word)
        })
    }

    fn fold_units(text: &str) -> Vec<Unit> {
        let mut units = Vec::with_capacity(text.len());
        let mut in_tag = false;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let end = (i + c.len_utf8()) as u32;
            let start = i as u32;
            let next = chars.peek().map(|&(_, n)| n);
            if c == '#' {
                let prev_word = units.last().is_some_and(|u: &Unit| u.c.is_alphanumeric());
                if !prev_word && next.is_some_and(char::is_alphanumeric) {
                    units.push(Unit { c, start, end, upper: false, hashtag: false });
                    in_tag = true;
                    continue;
                }
            }
            if in_tag && !(c.is_alphanumeric() || c == '_') {
                in_tag = false;
            }
            let upper = c.is_uppercase();
            let mut push = |c: char| units.push(Unit { c, start, end, upper, hashtag: in_tag });
            match fold_char(c) {
                Folded::Nothing => {}
                Folded::One(a) => push(a),
                Folded::Two(a, b) => {
                    push(a);
                    push(b);
                }
                Folded::Many(v) => v.into_iter().for_each(push),
            }
        }
        units
    }

    /// Folds leetspeak (`sh1t`, `d1sgusting`, `a$$`) and in-word masks (`f#ck` → `f*ck`),
    /// but leaves real numbers alone (`bed 4`, `covid19`, `b12`, `$100`, `1st`).
    fn fold_leet<U: FoldUnit>(units: &mut [U]) {
        let mut i = 0;
        while i < units.len() {
            if !is_leet_run_char(units[i].c()) {
                i += 1;
                continue;
            }
            let run_start = i;
            let mut leet = false;
            while i < units.len() && is_leet_run_char(units[i].c()) {
                leet |= leet_letter(units[i].c()).is_some();
                i += 1;
            }
            // A run of plain letters (most words) has nothing to fold.
            if !leet {
                continue;
            }
            let run = run_start..i;
            let letters = units[run.clone()].iter().filter(|u| u.c().is_alphabetic()).count();
            let digits = units[run.clone()].iter().filter(|u| u.c().is_ascii_digit()).count();
            if letters == 0 {
                continue;
            }
            for k in run.clone() {
                let c = units[k].c();
                let Some(letter) = leet_letter(c) else {
                    continue;
                };
                let first = k == run.start;
                let last = k + 1 == run.end;
                let next_is_letter = !last && units[k + 1].c().is_alphabetic();
                let fold = match c {
                    '$' => !first || next_is_letter,
                    // Inside a word only: "shit!!" keeps its exclamation marks.
                    _ => !first && next_is_letter && letters >= 2 && letters > digits,
                };
                if fold {
                    units[k].set_c(letter);
                }
            }
        }
        // A `#` or `*` between letters masks a letter: `f#ck`, `sh*t`.
        for k in 1..units.len().saturating_sub(1) {
            if units[k].c() == '#' && units[k - 1].c().is_alphabetic() && units[k + 1].c().is_alphabetic() {
                units[k].set_c('*');
            }
        }
    }

    fn assemble<U: FoldUnit>(units: &[U]) -> Normalized {
        let mut n = Normalized {
            norm: String::with_capacity(units.len()),
            starts: Vec::with_capacity(units.len()),
            ends: Vec::with_capacity(units.len()),
            hashtags: Vec::new(),
        };
        let mut tag_start: Option<usize> = None;
        for (k, u) in units.iter().enumerate() {
            let prev = k.checked_sub(1).map(|p| units[p]);
            if u.hashtag() {
                if tag_start.is_none() {
                    tag_start = Some(n.norm.len());
                }
                // Split camel case and letter/digit changes: #FrequentFlyer → frequent flyer.
                if let Some(p) = prev.filter(|p| p.hashtag()) {
                    let camel = u.upper() && !p.upper() && p.c().is_alphabetic();
                    let digit_change = p.c().is_ascii_digit() != u.c().is_ascii_digit();
                    if camel || digit_change {
                        n.push(' ', u.start(), u.start());
                    }
                }
                let c = if u.c() == '_' { ' ' } else { u.c() };
                n.push(c, u.start(), u.end());
            } else {
                if let Some(s) = tag_start.take() {
                    n.hashtags.push(s..n.norm.len());
                }
                n.push(u.c(), u.start(), u.end());
            }
        }
        if let Some(s) = tag_start {
            n.hashtags.push(s..n.norm.len());
        }
        n.starts.push(units.last().map_or(0, |u| u.end()));
        n
    }

    #[inline(always)]
    fn push(&mut self, c: char, start: u32, end: u32) {
        self.norm.push(c);
        if c.is_ascii() {
            self.starts.push(start);
            self.ends.push(end);
            return;
        }
        for _ in 0..c.len_utf8() {
            self.starts.push(start);
            self.ends.push(end);
        }
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.norm
    }

    /// Normalized byte ranges of hashtag bodies (the part after `#`).
    pub fn hashtags(&self) -> &[Range<usize>] {
        &self.hashtags
    }

    /// Whether normalized offset `at` lies inside a hashtag body.
    pub fn in_hashtag(&self, at: usize) -> bool {
        self.hashtags.iter().any(|r| r.contains(&at))
    }

    /// Maps a normalized byte range to the original byte range it came from.
    ///
    /// Out-of-range input is clamped, never panics.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        let len = self.norm.len();
        let s = range.start.min(len);
        let e = range.end.clamp(s, len);
        let start = self.starts[s] as usize;
        let end = if e > s { self.ends[e - 1] as usize } else { start };
        start..end.max(start)
    }
}

/// Words a negation in the same clause turns around ("not a drug seeker").
const NEGATORS: &[&str] = &[
    "not", "no", "never", "dont", "don't", "doesnt", "doesn't", "isnt", "isn't", "wasnt", "wasn't", "arent", "aren't",
    "werent", "weren't", "wont", "won't", "cant", "can't", "cannot", "without", "nor", "stop", "nunca", "jamas",
    "jamais", "pas", "nicht", "kein", "keine", "nao", "nem", "ni",
];

/// Normalized byte ranges of the words (letters, digits, in-word apostrophes and masks).
pub fn words(norm: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = norm.as_bytes();
    // The char at `i` and its length; bytes below 0x80 skip the UTF-8 decoding (most text).
    let char_at = move |i: usize| match bytes[i] {
        b if b < 0x80 => (b as char, 1),
        _ => norm[i..].chars().next().map_or((' ', 1), |c| (c, c.len_utf8())),
    };
    // Whether a word char starts at `i`, and its length; ASCII bytes are classified directly.
    let word_at = move |i: usize| match bytes[i] {
        b if b < 0x80 => (b.is_ascii_alphanumeric() || b == b'*', 1),
        _ => {
            let (c, len) = char_at(i);
            (c.is_alphanumeric(), len)
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = loop {
            if i >= bytes.len() {
                return None;
            }
            let (word, len) = word_at(i);
            if word {
                break i;
            }
            i += len;
        };
        let mut end = start;
        while end < bytes.len() {
            let (word, len) = word_at(end);
            if !word {
                let inner_apostrophe =
                    bytes[end] == b'\'' && end > start && end + 1 < bytes.len() && char_at(end + 1).0.is_alphabetic();
                if !inner_apostrophe {
                    break;
                }
            }
            end += len;
        }
        i = end;
        Some(start..end)
    })
}

/// The start of the clause containing normalized offset `at`: after the last `.`, `!`,
/// `?`, `;`, `,`, `:`, newline or " but ".
pub fn clause_start(norm: &str, at: usize) -> usize {
    let at = floor_boundary(norm, at);
    let head = &norm[..at];
    // Byte searches: every mark is ASCII, and a byte search needs no searcher built per call
    // (this runs for every negation and privacy look-back).
    let bytes = head.as_bytes();
    let punct =
        bytes.iter().rposition(|b| matches!(b, b'.' | b'!' | b'?' | b';' | b',' | b':' | b'\n')).map_or(0, |p| p + 1);
    // " but " holds no punctuation: only one after the last mark can start a later clause.
    bytes[punct..].windows(5).rposition(|w| w == b" but ").map_or(punct, |p| punct + p + 5)
}

/// Whether a negation ("not", "never", "no", "don't", …) stands in the few words before
/// normalized offset `at`, within the same clause, by tokenizing that clause: the reference
/// [`crate::Document::is_negated`] is tested against (it reads the document's word table).
#[cfg(test)]
pub(crate) fn is_negated(norm: &str, at: usize) -> bool {
    let at = floor_boundary(norm, at);
    let start = clause_start(norm, at);
    let before: Vec<Range<usize>> = words(&norm[start..at]).collect();
    before.iter().rev().take(NEGATION_REACH).any(|w| is_negator(&norm[start + w.start..start + w.end]))
}

/// How many words before a phrase a negation may stand.
pub(crate) const NEGATION_REACH: usize = 4;

/// Whether `word` (normalized) negates what follows it.
pub(crate) fn is_negator(word: &str) -> bool {
    // Most words fail on their first byte; comparing them with every negator costs more.
    word.as_bytes().first().is_some_and(|&b| NEGATOR_FIRST_BYTES[usize::from(b)]) && NEGATORS.contains(&word)
}

/// Which bytes a negator starts with.
const NEGATOR_FIRST_BYTES: [bool; 256] = first_bytes(NEGATORS);

/// Which bytes the phrases of `list` start with, built at compile time: a scan then compares
/// phrases only where one could start.
pub(crate) const fn first_bytes(list: &[&str]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < list.len() {
        if let Some(&b) = list[i].as_bytes().first() {
            table[b as usize] = true;
        }
        i += 1;
    }
    table
}

/// Whether any phrase of `list` occurs in `hay`, as `list.iter().any(|p| hay.contains(p))`
/// answers, in one pass that compares phrases only where [`first_bytes`] says one could
/// start: cheaper than one substring search per phrase on a short draft.
pub(crate) fn contains_any(hay: &str, list: &[&str], first: &[bool; 256]) -> bool {
    let b = hay.as_bytes();
    (0..b.len()).any(|i| first[usize::from(b[i])] && list.iter().any(|p| b[i..].starts_with(p.as_bytes())))
}

/// Whether a phrase of `list` stands in `hay` at its start or right after a space, as
/// `hay.starts_with(p) || hay.contains(&format!(" {p}"))` answers, in one pass over the
/// positions after a space and without building a string per phrase. `first` is
/// [`first_bytes`] of `list`.
pub(crate) fn phrase_after_space(hay: &str, list: &[&str], first: &[bool; 256]) -> bool {
    let b = hay.as_bytes();
    (0..b.len()).any(|i| {
        (i == 0 || b[i - 1] == b' ')
            && first[usize::from(b[i])]
            && list.iter().any(|p| b[i..].starts_with(p.as_bytes()))
    })
}

/// Whether normalized offset `at` is inside double quotes on its line (reported speech,
/// a quoted slur being criticised, a title).
pub fn is_quoted(norm: &str, at: usize) -> bool {
    let at = floor_boundary(norm, at);
    let line_start = norm[..at].rfind('\n').map_or(0, |p| p + 1);
    norm[line_start..at].matches('"').count() % 2 == 1
}

/// Whether `text` (original) opens by quoting someone ("> my tooth hurts…") and answers below:
/// a reply to that one person, in the Reddit and e-mail convention. Read by the boundaries and
/// patient-image rules alike.
pub(crate) fn opens_with_quoted_reply(text: &str) -> bool {
    let text = text.trim_start();
    text.starts_with('>') && text.lines().skip(1).any(|l| !l.trim().is_empty() && !l.starts_with('>'))
}

pub(crate) fn floor_boundary(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        Normalized::new(s).as_str().to_owned()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The one-pass scans answer what searching for each phrase (after a space) answers.
        #[test]
        fn phrase_after_space_equals_searching_each_phrase(hay in "(if |you |si |é|🙂| |x|ify ){0,12}") {
            const LIST: &[&str] = &["if you ", "si ", "é ", "x"];
            const FIRST: [bool; 256] = first_bytes(LIST);
            let expected = LIST.iter().any(|p| hay.starts_with(p) || hay.contains(&format!(" {p}")));
            proptest::prop_assert_eq!(phrase_after_space(&hay, LIST, &FIRST), expected);
            proptest::prop_assert_eq!(contains_any(&hay, LIST, &FIRST), LIST.iter().any(|p| hay.contains(p)));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The ASCII units give what decoding every character gives: hashtags, camel case,
        /// leetspeak, masks and underscores included.
        #[test]
        fn ascii_fold_equals_the_char_fold(text in "(#|[a-zA-Z]|[0-9]|[ !@$*_.,'#-]|#[A-Z][a-z]+|sh1t|a\\$\\$){0,30}") {
            let mut units = Normalized::fold_ascii_units(&text);
            Normalized::fold_leet(&mut units);
            proptest::prop_assert_eq!(Normalized::assemble(&units), Normalized::fold_chars(&text));
        }

        /// A clause starts after the last mark or the last " but ", whichever is later.
        #[test]
        fn clause_start_is_after_the_last_mark_or_but(text in "(but | but |[a-c .,;!\n])*", at in 0usize..60) {
            let head = &text[..at.min(text.len())];
            let mark = head.rfind(['.', '!', '?', ';', ',', ':', '\n']).map_or(0, |p| p + 1);
            let but = head.rfind(" but ").map_or(0, |p| p + 5);
            proptest::prop_assert_eq!(clause_start(&text, at), mark.max(but));
        }

        /// The shortcut is taken only where the full fold would give the same text and map.
        #[test]
        fn lowercase_shortcut_equals_the_full_fold(text in "[a-zA-Z0-9 .,!?@$#*_'\n-]{0,40}") {
            proptest::prop_assert_eq!(Normalized::new(&text), Normalized::full_fold(&text));
        }
    }

    #[test]
    fn lowercase_shortcut_is_taken_for_plain_numbers_only() {
        assert!(Normalized::needs_only_lowercasing("Over 18 months we screened 12,400 visits!"));
        assert!(!Normalized::needs_only_lowercasing("sh1t"));
        assert!(!Normalized::needs_only_lowercasing("a$$"));
        assert!(!Normalized::needs_only_lowercasing("#MedTwitter"));
        assert!(!Normalized::needs_only_lowercasing("café"));
    }

    #[test]
    fn folds_case_accents_and_lookalikes() {
        assert_eq!(norm("Dísgusting"), "disgusting");
        assert_eq!(norm("ｄｉｓｇｕｓｔｉｎｇ"), "disgusting");
        assert_eq!(norm("dіsgusting"), "disgusting"); // Cyrillic і
        assert_eq!(norm("Straße"), "strasse");
        assert_eq!(norm("pa\u{0301}tient"), "patient"); // combining acute
        assert_eq!(norm("f\u{200B}uck"), "fuck");
        assert_eq!(norm("don’t"), "don't");
    }

    #[test]
    fn folds_leet_but_keeps_numbers() {
        assert_eq!(norm("sh1t"), "shit");
        assert_eq!(norm("d1sgust1ng"), "disgusting");
        assert_eq!(norm("a$$"), "ass");
        assert_eq!(norm("sh!t"), "shit");
        assert_eq!(norm("f#ck"), "f*ck");
        assert_eq!(norm("bed 4, covid19, b12, $100, 1st, h1n1"), "bed 4, covid19, b12, $100, 1st, h1n1");
        assert_eq!(norm("wow!"), "wow!");
        assert_eq!(norm("shit!! proud!!!"), "shit!! proud!!!");
    }

    #[test]
    fn splits_camel_case_hashtags() {
        let n = Normalized::new("so tired #FrequentFlyer lol #covid19");
        assert_eq!(n.as_str(), "so tired #frequent flyer lol #covid 19");
        let tags: Vec<&str> = n.hashtags().iter().map(|r| &n.as_str()[r.clone()]).collect();
        assert_eq!(tags, ["frequent flyer", "covid 19"]);
    }

    #[test]
    fn maps_back_to_original_bytes() {
        let text = "😷 Dr. Ñúñez saw #BedFour";
        let n = Normalized::new(text);
        let at = n.as_str().find("nunez").unwrap();
        let r = n.to_original(at..at + 5);
        assert_eq!(&text[r], "Ñúñez");
        let at = n.as_str().find("four").unwrap();
        assert_eq!(&text[n.to_original(at..at + 4)], "Four");
        let at = n.as_str().find("bed four").unwrap();
        assert_eq!(&text[n.to_original(at..at + 8)], "BedFour");
    }

    #[test]
    fn negation_and_quotes() {
        let s = "she is not a drug seeker, he is a drug seeker";
        assert!(is_negated(s, s.find("drug").unwrap()));
        assert!(!is_negated(s, s.rfind("drug").unwrap()));
        let q = "stop calling people \"frequent flyers\" please";
        assert!(is_quoted(q, q.find("frequent").unwrap()));
        assert!(!is_quoted(q, q.find("please").unwrap()));
    }

    #[test]
    fn words_split() {
        let s = "don't f*ck 42 😷 ok";
        let w: Vec<&str> = words(s).map(|r| &s[r]).collect();
        assert_eq!(w, ["don't", "f*ck", "42", "ok"]);
    }
}
