//! Word lists as data, compiled once into a single Aho–Corasick automaton.
//!
//! Each rule names the lists it reads ([`Lexicon`]); the checker compiles every list of every
//! enabled rule (plus an institution's custom terms) into one automaton, scans the normalized
//! draft once, and hands each rule only its own hits. One linear pass, however many rules.
//!
//! List format, one phrase per line:
//! - `# comment` (a `#` followed by a space, or alone) and blank lines are ignored;
//! - a phrase is folded like the draft (case, accents, look-alikes), so write it plainly;
//! - a trailing `*` also matches longer words (`retard*` → `retarded`, `retards`);
//! - multi-word phrases also match inside hashtags with the spaces left out (`#frequentflyer`).

use crate::text::Normalized;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// FNV-1a: list names are looked up by every rule on every check, and SipHash (the std
/// default, built against hash flooding) is slow on short keys that come from the code itself.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type NameMap = HashMap<String, u16, BuildHasherDefault<Fnv>>;

/// A hash map keyed by short strings or numbers made in the code, with the fast FNV hash.
pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A named word list, usually `include_str!`-ed from a file beside its rule.
#[derive(Debug)]
pub struct Lexicon {
    /// Unique name, `category/list`, e.g. `patient-disparagement/labels`.
    pub name: &'static str,
    /// The list's text, in the format described in the module docs.
    pub source: &'static str,
}

impl Lexicon {
    /// The phrases of the list, raw (not yet folded), with their prefix flag.
    pub fn entries(&self) -> impl Iterator<Item = (&'static str, bool)> {
        parse_entries(self.source)
    }
}

/// Parses the list format: skips comments and blanks, strips a trailing `*` into a flag.
pub fn parse_entries(source: &str) -> impl Iterator<Item = (&str, bool)> {
    source.lines().filter_map(|line| {
        let line = line.trim();
        if line.is_empty() || line == "#" || line.starts_with("# ") {
            return None;
        }
        match line.strip_suffix('*') {
            Some(p) => Some((p.trim_end(), true)),
            None => Some((line, false)),
        }
    })
}

/// One occurrence of a list phrase in the normalized text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Which list (index into the index's list table).
    pub list: u16,
    /// Which phrase of the list (its position among the list's entries).
    pub entry: u32,
    /// Normalized byte offset of the start.
    pub start: u32,
    /// Normalized byte offset of the end (extended to the word's end for prefix entries).
    pub end: u32,
}

impl Hit {
    /// The normalized byte range.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

#[derive(Clone, Copy, Debug)]
struct Target {
    list: u16,
    entry: u32,
    prefix: bool,
    /// A multi-word phrase with its spaces removed, only valid inside a hashtag.
    compact: bool,
}

/// All lists compiled into one automaton.
#[derive(Debug)]
pub struct LexiconIndex {
    automaton: Option<AhoCorasick>,
    /// For each automaton pattern, the list entries it stands for.
    targets: Vec<Vec<Target>>,
    names: NameMap,
}

/// Why a set of lists could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError(pub String);

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "could not compile the word lists: {}", self.0)
    }
}

impl std::error::Error for LexiconError {}

impl LexiconIndex {
    /// Compiles `lists`: `(name, entries)` where each entry is `(phrase, prefix)`.
    pub fn build<'a, I, E>(lists: I) -> Result<LexiconIndex, LexiconError>
    where
        I: IntoIterator<Item = (&'a str, E)>,
        E: IntoIterator<Item = (&'a str, bool)>,
    {
        let mut patterns: Vec<String> = Vec::new();
        let mut by_pattern: HashMap<String, usize> = HashMap::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        let mut names = NameMap::default();
        for (list_no, (name, entries)) in lists.into_iter().enumerate() {
            let list = u16::try_from(list_no).map_err(|_| LexiconError("more than 65,535 word lists".into()))?;
            names.insert(name.to_owned(), list);
            for (entry, (phrase, prefix)) in entries.into_iter().enumerate() {
                let folded = Normalized::new(phrase).as_str().trim().to_owned();
                if folded.is_empty() {
                    continue;
                }
                let entry = entry as u32;
                let mut add = |pattern: String, compact: bool| {
                    let id = *by_pattern.entry(pattern.clone()).or_insert_with(|| {
                        patterns.push(pattern);
                        targets.push(Vec::new());
                        targets.len() - 1
                    });
                    targets[id].push(Target { list, entry, prefix, compact });
                };
                if folded.contains(' ') {
                    let compact: String = folded.chars().filter(|c| *c != ' ').collect();
                    if compact.len() >= 6 {
                        add(compact, true);
                    }
                }
                add(folded, false);
            }
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
                    .map_err(|e| LexiconError(e.to_string()))?,
            )
        };
        Ok(LexiconIndex { automaton, targets, names })
    }

    /// The list number for `name`, if that list is compiled in.
    pub fn list(&self, name: &str) -> Option<u16> {
        self.names.get(name).copied()
    }

    /// The names of the compiled lists, by list number.
    pub fn names(&self) -> Vec<&str> {
        let mut v: Vec<(&str, u16)> = self.names.iter().map(|(n, &l)| (n.as_str(), l)).collect();
        v.sort_unstable_by_key(|&(_, l)| l);
        v.into_iter().map(|(n, _)| n).collect()
    }

    /// Finds every phrase at word boundaries (or, for compact forms, inside a hashtag).
    /// Hits come sorted by list, then position.
    pub fn scan(&self, text: &Normalized) -> Vec<Hit> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let s = text.as_str();
        let mut hits = Vec::new();
        for m in ac.find_overlapping_iter(s) {
            let (start, end) = (m.start(), m.end());
            let left_ok = boundary_before(s, start);
            for t in &self.targets[m.pattern().as_usize()] {
                let (ok, end) = if t.compact {
                    (text.in_hashtag(start) && text.in_hashtag(end.saturating_sub(1)), end)
                } else if t.prefix {
                    (left_ok, word_end(s, end))
                } else {
                    (left_ok && boundary_after(s, end), end)
                };
                if ok {
                    hits.push(Hit { list: t.list, entry: t.entry, start: start as u32, end: end as u32 });
                }
            }
        }
        hits.sort_unstable_by_key(|h| (h.list, h.start, h.end));
        hits.dedup_by_key(|h| (h.list, h.start, h.end));
        hits
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn boundary_before(s: &str, at: usize) -> bool {
    let first = s[at..].chars().next();
    // A phrase that starts with punctuation (`#ad`) carries its own boundary.
    if first.is_some_and(|c| !is_word_char(c)) {
        return true;
    }
    !s[..at].chars().next_back().is_some_and(is_word_char)
}

fn boundary_after(s: &str, at: usize) -> bool {
    !s[at..].chars().next().is_some_and(is_word_char)
}

fn word_end(s: &str, at: usize) -> usize {
    s[at..].char_indices().find(|&(_, c)| !is_word_char(c)).map_or(s.len(), |(i, _)| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(entries: &str, text: &str) -> Vec<String> {
        let idx = LexiconIndex::build([("t", parse_entries(entries))]).unwrap();
        let n = Normalized::new(text);
        idx.scan(&n).iter().map(|h| text[n.to_original(h.range())].to_owned()).collect()
    }

    #[test]
    fn matches_whole_words_only() {
        assert_eq!(scan("ass", "a class act, what an ass"), ["ass"]);
        assert_eq!(scan("# comment\nfrequent flyer\n", "Our Frequent Flyer is back"), ["Frequent Flyer"]);
    }

    #[test]
    fn prefix_entries_take_the_whole_word() {
        assert_eq!(scan("retard*", "that's retarded"), ["retarded"]);
    }

    #[test]
    fn compact_phrases_match_inside_hashtags_only() {
        assert_eq!(scan("frequent flyer", "#frequentflyer again"), ["frequentflyer"]);
        assert_eq!(scan("frequent flyer", "#FrequentFlyer again"), ["FrequentFlyer"]);
        assert!(scan("frequent flyer", "frequentflyer again").is_empty());
    }

    #[test]
    fn hashtag_phrases_keep_their_boundary() {
        assert_eq!(scan("#ad", "love it #ad"), ["#ad"]);
        assert!(scan("#ad", "love it #adidas").is_empty());
    }
}
