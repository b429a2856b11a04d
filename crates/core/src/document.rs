//! The text under check, with everything rules share computed once.

use crate::lexicon::{Hit, Hits, Lexicon, LexiconIndex};
use crate::text::{self, Normalized};
use serde::{Deserialize, Serialize};
use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

/// Where the text is being written, when known. Rules may use it (a LinkedIn post is
/// public and professional; a reply is addressed to one person).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Context {
    /// `x`, `facebook`, `linkedin`, … when known.
    pub platform: Option<String>,
    /// A BCP 47 language tag (`en`, `es`, …) when known.
    pub lang: Option<String>,
}

/// A draft, normalized and scanned once for every word list.
pub struct Document<'a> {
    text: &'a str,
    norm: Normalized,
    hits: Hits,
    index: &'a LexiconIndex,
    context: &'a Context,
    /// The words of the normalized text, found on first use (see [`Document::words`]).
    words: std::cell::OnceCell<Vec<Range<usize>>>,
    /// Analyses several rules share (see [`Document::memo`]), keyed by their type.
    memo: RefCell<Vec<(TypeId, Rc<dyn Any>)>>,
}

impl<'a> Document<'a> {
    /// Normalizes `text` and scans it with `index`.
    pub fn new(text: &'a str, index: &'a LexiconIndex, context: &'a Context) -> Document<'a> {
        let norm = Normalized::new(text);
        let hits = index.scan(&norm);
        Document { text, norm, hits, index, context, words: std::cell::OnceCell::new(), memo: RefCell::new(Vec::new()) }
    }

    /// The value of type `T` derived from this document, computed on first use only: two
    /// rules that read the same costly analysis (the ages in a post) pay for it once.
    pub(crate) fn memo<T: 'static>(&self, compute: impl FnOnce() -> T) -> Rc<T> {
        let key = TypeId::of::<T>();
        if let Some(v) = self.memo.borrow().iter().find(|(k, _)| *k == key).and_then(|(_, v)| v.clone().downcast().ok())
        {
            return v;
        }
        let v = Rc::new(compute());
        self.memo.borrow_mut().push((key, v.clone()));
        v
    }

    /// The original text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The normalized text (lowercase, folded); see [`crate::text`].
    pub fn norm(&self) -> &str {
        self.norm.as_str()
    }

    /// The normalized ranges of the words of [`Document::norm`] ([`text::words`]): found once,
    /// since a dozen rules walk the words of the whole draft.
    pub fn words(&self) -> &[Range<usize>] {
        self.words.get_or_init(|| {
            // About one word per six bytes of prose: one allocation instead of a doubling series.
            let mut words = Vec::with_capacity(self.norm().len() / 6 + 4);
            words.extend(text::words(self.norm()));
            words
        })
    }

    /// The words of `norm[range]` exactly as [`text::words`] of that slice finds them, read from
    /// the word table instead of tokenizing the slice again: rules look at the few words before
    /// a hit (negation, "my own", "my mum") for every hit. A word cut by the range is cut too,
    /// and loses an apostrophe left at the cut ("don'" → "don"), as the slice's tokenizer does.
    /// `range` must lie on char boundaries.
    pub fn words_in(&self, range: Range<usize>) -> impl DoubleEndedIterator<Item = &str> + Clone + '_ {
        let (norm, words) = (self.norm(), self.words());
        let lo = words.partition_point(|w| w.end <= range.start);
        let hi = words.partition_point(|w| w.start < range.end).max(lo);
        words[lo..hi].iter().filter_map(move |w| {
            let word = norm.get(w.start.max(range.start)..w.end.min(range.end))?;
            let word = word.strip_prefix('\'').unwrap_or(word);
            let word = word.strip_suffix('\'').unwrap_or(word);
            (!word.is_empty()).then_some(word)
        })
    }

    /// The normalization, for offset mapping and hashtags.
    pub fn normalized(&self) -> &Normalized {
        &self.norm
    }

    /// Where the text is being written.
    pub fn context(&self) -> &Context {
        self.context
    }

    /// The hits of one list, in text order. Empty when the list is not compiled in.
    pub fn hits(&self, lexicon: &Lexicon) -> &[Hit] {
        self.index.list_of(lexicon).map_or(&[], |list| self.hits.of(list))
    }

    /// The hits of the list called `name`, in text order.
    pub fn hits_named(&self, name: &str) -> &[Hit] {
        self.index.list(name).map_or(&[], |list| self.hits.of(list))
    }

    /// Every hit of every list, sorted by list number, then position.
    pub fn all_hits(&self) -> &[Hit] {
        self.hits.all()
    }

    /// The word lists the document was scanned with.
    pub fn index(&self) -> &LexiconIndex {
        self.index
    }

    /// Whether any phrase of `lexicon` occurs.
    pub fn has(&self, lexicon: &Lexicon) -> bool {
        !self.hits(lexicon).is_empty()
    }

    /// The hits of `lexicon` that are neither negated nor inside quotes.
    pub fn asserted_hits<'s>(&'s self, lexicon: &Lexicon) -> impl Iterator<Item = &'s Hit> + 's {
        self.hits(lexicon)
            .iter()
            .filter(move |h| !self.is_negated(h.start as usize) && !self.is_quoted(h.start as usize))
    }

    /// Maps a normalized range to the original byte range.
    pub fn original(&self, norm: Range<usize>) -> Range<usize> {
        self.norm.to_original(norm)
    }

    /// The original text of a hit.
    pub fn hit_text(&self, hit: &Hit) -> &'a str {
        &self.text[self.original(hit.range())]
    }

    /// Whether a negation ("not", "never", "no", "don't", …) stands in the few words before
    /// normalized offset `at`, within its clause.
    pub fn is_negated(&self, at: usize) -> bool {
        let norm = self.norm();
        let at = text::floor_boundary(norm, at);
        let start = text::clause_start(norm, at);
        self.words_in(start..at).rev().take(text::NEGATION_REACH).any(text::is_negator)
    }

    /// Whether normalized offset `at` is inside double quotes.
    pub fn is_quoted(&self, at: usize) -> bool {
        text::is_quoted(self.norm(), at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The word table read over a range gives what tokenizing that slice gives, cut words,
        /// apostrophes at the cut and non-ASCII letters included.
        #[test]
        fn words_in_equals_tokenizing_the_slice(
            text in "(not |no |don't |can't|won'|but |[a-zA-Z0-9 .,!?'*éß\u{0301}-]){0,24}",
            a in 0usize..80,
            b in 0usize..80,
        ) {
            let index = LexiconIndex::build(std::iter::empty::<(&str, Vec<(&str, bool)>)>()).expect("empty index");
            let context = Context::default();
            let doc = Document::new(&text, &index, &context);
            let norm = doc.norm();
            let (a, b) = (text::floor_boundary(norm, a.min(b)), text::floor_boundary(norm, a.max(b)));
            let slice = &norm[a..b];
            let expected: Vec<&str> = text::words(slice).map(|r| &slice[r]).collect();
            let got: Vec<&str> = doc.words_in(a..b).collect();
            proptest::prop_assert_eq!(got, expected);
            proptest::prop_assert_eq!(doc.is_negated(b), text::is_negated(norm, b));
        }
    }
}
