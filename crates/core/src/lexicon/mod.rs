//! Word lists as data, compiled once into a single trie.
//!
//! Each rule names the lists it reads ([`Lexicon`]); the checker compiles every list of every
//! enabled rule (plus an institution's custom terms) into one [`trie`], scans the normalized
//! draft once from each word start, and hands each rule only its own hits. One linear pass,
//! however many rules.
//!
//! List format, one phrase per line:
//! - `# comment` (a `#` followed by a space, or alone) and blank lines are ignored;
//! - a phrase is folded like the draft (case, accents, look-alikes), so write it plainly;
//! - a trailing `*` also matches longer words (`retard*` → `retarded`, `retards`);
//! - multi-word phrases also match inside hashtags with the spaces left out (`#frequentflyer`).

/// The text of a word list beside its rule (`word_list!("profanity/explicit.txt")`, relative to
/// `src/rules/`), as `build.rs` copies it: comments and blank lines stripped.
#[macro_export]
#[doc(hidden)]
macro_rules! word_list {
    ($path:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/rules/", $path))
    };
}

pub(crate) mod trie;

use crate::text::Normalized;
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

/// A hash map keyed by short strings or numbers made in the code, with the fast FNV hash.
pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

type NameMap = FnvMap<String, u16>;

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

/// All lists compiled into one trie.
#[derive(Debug)]
pub struct LexiconIndex {
    trie: trie::Trie,
    /// For each trie pattern, the list entries it stands for.
    targets: Vec<Vec<Target>>,
    names: NameMap,
    /// List numbers by the address of their `&'static` name: rules ask for their lists dozens
    /// of times per check, and one multiply finds a slot faster than hashing the name.
    by_address: AddressTable,
    /// The phrases, for the reference scan the tests hold [`LexiconIndex::scan`] to.
    #[cfg(test)]
    patterns: Vec<String>,
}

/// An open-addressing table from a name's `(address, length)` to its list number.
#[derive(Debug, Default)]
struct AddressTable {
    /// Power-of-two many slots, at most half full; `(0, 0, _)` is empty.
    slots: Vec<(usize, usize, u16)>,
    lists: usize,
}

impl AddressTable {
    fn new(names: &[(usize, usize)]) -> AddressTable {
        let size = (names.len() * 2).next_power_of_two().max(2);
        let mut table = AddressTable { slots: vec![(0, 0, 0); size], lists: names.len() };
        for (list, &(address, len)) in names.iter().enumerate() {
            let mut i = table.slot(address);
            while table.slots[i].0 != 0 {
                i = (i + 1) & (size - 1);
            }
            table.slots[i] = (address, len, list as u16);
        }
        table
    }

    fn slot(&self, address: usize) -> usize {
        // Fibonacci hashing: the top bits of the product mix every bit of the address.
        let bits = self.slots.len().trailing_zeros();
        ((address as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
    }

    fn get(&self, name: &str) -> Option<u16> {
        let (address, len) = (name.as_ptr() as usize, name.len());
        let mask = self.slots.len() - 1;
        let mut i = self.slot(address);
        loop {
            match self.slots[i] {
                (0, _, _) => return None,
                (a, l, list) if a == address && l == len => return Some(list),
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// The hits of one scan, grouped by list.
#[derive(Debug, Default)]
pub struct Hits {
    hits: Vec<Hit>,
    /// `hits[bounds[l] as usize..bounds[l + 1] as usize]` are list `l`'s hits.
    bounds: Vec<u32>,
}

impl Hits {
    /// The hits of list `list`, in text order.
    pub fn of(&self, list: u16) -> &[Hit] {
        let l = list as usize;
        match (self.bounds.get(l), self.bounds.get(l + 1)) {
            (Some(&lo), Some(&hi)) => &self.hits[lo as usize..hi as usize],
            _ => &[],
        }
    }

    /// Every hit, sorted by list, then position.
    pub fn all(&self) -> &[Hit] {
        &self.hits
    }
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
        let mut by_address = Vec::new();
        for (list_no, (name, entries)) in lists.into_iter().enumerate() {
            let list = u16::try_from(list_no).map_err(|_| LexiconError("more than 65,535 word lists".into()))?;
            names.insert(name.to_owned(), list);
            by_address.push((name.as_ptr() as usize, name.len()));
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
        if u32::try_from(patterns.len()).is_err() {
            return Err(LexiconError("more than 4,294,967,295 phrases".into()));
        }
        let by_address = AddressTable::new(&by_address);
        Ok(LexiconIndex {
            trie: trie::Trie::new(&patterns),
            targets,
            names,
            by_address,
            #[cfg(test)]
            patterns,
        })
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

    /// The list number of a built-in lexicon: found by the address of its name when this index
    /// was built from that very `&'static str`, else by the name.
    pub fn list_of(&self, lexicon: &Lexicon) -> Option<u16> {
        self.by_address.get(lexicon.name).or_else(|| self.list(lexicon.name))
    }

    /// Finds every phrase at word boundaries (or, for compact forms, inside a hashtag).
    pub fn scan(&self, text: &Normalized) -> Hits {
        let s = text.as_str();
        let bytes = s.as_bytes();
        // Drafts hold about one hit per eight bytes: one allocation instead of a doubling series.
        let mut hits = Vec::with_capacity(s.len() / 8 + 4);
        let tags = text.hashtags();
        let mut tag = 0;
        let mut prev_word = false;
        for (start, c) in s.char_indices() {
            let word = is_word_char(c);
            while tags.get(tag).is_some_and(|t| t.end <= start) {
                tag += 1;
            }
            let in_tag = tags.get(tag).is_some_and(|t| t.contains(&start));
            // Where a phrase may start: a word start, punctuation (`#ad` carries its own
            // boundary), or anywhere in a hashtag for the compact forms.
            let may_start = (word && !prev_word) || (!word && !c.is_whitespace()) || in_tag;
            // A phrase starting with punctuation (`#ad`) carries its own boundary.
            let left_ok = !word || !prev_word;
            prev_word = word;
            if !may_start {
                continue;
            }
            self.trie.walk(bytes, start, |pattern, end| {
                for t in &self.targets[pattern] {
                    let (ok, end) = if t.compact {
                        (in_tag && text.in_hashtag(end.saturating_sub(1)), end)
                    } else if t.prefix {
                        (left_ok, word_end(s, end))
                    } else {
                        (left_ok && boundary_after(s, end), end)
                    };
                    if ok {
                        hits.push(Hit { list: t.list, entry: t.entry, start: start as u32, end: end as u32 });
                    }
                }
            });
        }
        hits.sort_unstable_by_key(|h| (h.list, h.start, h.end));
        hits.dedup_by_key(|h| (h.list, h.start, h.end));
        let lists = self.by_address.lists;
        let mut bounds = Vec::with_capacity(lists + 1);
        let mut i = 0;
        for list in 0..=lists {
            while i < hits.len() && (hits[i].list as usize) < list {
                i += 1;
            }
            bounds.push(i as u32);
        }
        Hits { hits, bounds }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The reference scan's left boundary; the trie's scan knows it from the previous character.
#[cfg(test)]
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
        idx.scan(&n).all().iter().map(|h| text[n.to_original(h.range())].to_owned()).collect()
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

    /// The scan as it was with Aho–Corasick: every overlapping match anywhere, filtered by the
    /// same boundary rules. The trie's walk from chosen starts must find exactly these hits.
    fn reference_scan(index: &LexiconIndex, text: &Normalized) -> Vec<Hit> {
        static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
        let ac = AC.get_or_init(|| aho_corasick::AhoCorasick::new(&index.patterns).unwrap());
        let s = text.as_str();
        let mut hits = Vec::new();
        for m in ac.find_overlapping_iter(s) {
            let (start, end) = (m.start(), m.end());
            for t in &index.targets[m.pattern().as_usize()] {
                let (ok, end) = if t.compact {
                    (text.in_hashtag(start) && text.in_hashtag(end - 1), end)
                } else if t.prefix {
                    (boundary_before(s, start), word_end(s, end))
                } else {
                    (boundary_before(s, start) && boundary_after(s, end), end)
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

    fn builtin() -> &'static LexiconIndex {
        crate::rules::builtin_index().as_ref().unwrap()
    }

    /// Compares with the reference on the built-in lists (the only index `reference_scan` serves).
    fn same_as_reference(text: &str) -> Result<(), String> {
        let n = Normalized::new(text);
        let (got, want) = (builtin().scan(&n), reference_scan(builtin(), &n));
        if got.all() != want.as_slice() {
            return Err(format!("{text:?}: trie {:?}, reference {want:?}", got.all()));
        }
        let lists = builtin().by_address.lists as u16;
        let regrouped: Vec<Hit> = (0..lists).flat_map(|l| got.of(l).iter().copied()).collect();
        if regrouped != want {
            return Err(format!("{text:?}: hits grouped by list differ"));
        }
        Ok(())
    }

    #[test]
    fn trie_scan_equals_the_reference_on_the_development_corpora() {
        let corpora = [
            include_str!("../../../../tests/corpus/dev.jsonl"),
            include_str!("../../../../tests/corpus/dev-b.jsonl"),
            include_str!("../../../../tests/corpus/dev-c.jsonl"),
            include_str!("../../../../tests/corpus/dev-d.jsonl"),
            include_str!("../../../../tests/corpus/dev-e.jsonl"),
        ];
        let mut hits = 0;
        for line in corpora.iter().flat_map(|c| c.lines()) {
            let post: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = post["text"].as_str().unwrap();
            same_as_reference(text).unwrap();
            hits += builtin().scan(&Normalized::new(text)).all().len();
        }
        assert!(hits > 10_000, "only {hits} hits: is the index empty?");
    }

    /// Hashtags, punctuation-led phrases, prefixes and non-ASCII next to list words.
    const PIECES: &[&str] = &[
        "#",
        "#Frequent",
        "Flyer",
        "frequent",
        "flyer",
        "#ad",
        "ad",
        "#sponsored",
        "retard",
        "ed",
        "s",
        "drug",
        "seeker",
        "DrugSeeker",
        "patient",
        "bed",
        "4",
        "_",
        "'",
        "’",
        "!",
        "?",
        ".",
        ",",
        "-",
        "é",
        "É",
        "ß",
        "🙂",
        "\u{200b}",
        "\u{a0}",
        "sh!t",
        "f*ck",
        "a$$",
        "code",
        "SAVE20",
        "miracle",
        "cure",
        "DM",
        "me",
        "your",
        "labs",
        "the",
        "ED",
        "nurse",
        "told",
        "her",
        "to",
        "stop",
        "metformin",
        "#MedTwitter",
        "call",
        "him",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        #[test]
        fn trie_scan_equals_the_reference_on_generated_text(text in crate::re::generate::text_from(PIECES)) {
            proptest::prop_assert_eq!(same_as_reference(&text), Ok(()));
        }
    }

    #[test]
    fn hashtag_phrases_keep_their_boundary() {
        assert_eq!(scan("#ad", "love it #ad"), ["#ad"]);
        assert!(scan("#ad", "love it #adidas").is_empty());
    }
}
