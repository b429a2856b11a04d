//! The text under check, with everything rules share computed once.

use crate::lexicon::{Hit, Lexicon, LexiconIndex};
use crate::text::{self, Normalized};
use serde::{Deserialize, Serialize};
use std::ops::Range;

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
    hits: Vec<Hit>,
    index: &'a LexiconIndex,
    context: &'a Context,
    /// The learned scorer's per-category scores, computed on first use (`rules::learned`).
    pub(crate) learned_scores: std::cell::OnceCell<crate::rules::learned::model::Scores>,
}

impl<'a> Document<'a> {
    /// Normalizes `text` and scans it with `index`.
    pub fn new(text: &'a str, index: &'a LexiconIndex, context: &'a Context) -> Document<'a> {
        let norm = Normalized::new(text);
        let hits = index.scan(&norm);
        Document { text, norm, hits, index, context, learned_scores: std::cell::OnceCell::new() }
    }

    /// The original text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The normalized text (lowercase, folded); see [`crate::text`].
    pub fn norm(&self) -> &str {
        self.norm.as_str()
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
        self.hits_named(lexicon.name)
    }

    /// The hits of the list called `name`, in text order.
    pub fn hits_named(&self, name: &str) -> &[Hit] {
        let Some(list) = self.index.list(name) else {
            return &[];
        };
        let lo = self.hits.partition_point(|h| h.list < list);
        let hi = self.hits.partition_point(|h| h.list <= list);
        &self.hits[lo..hi]
    }

    /// Every hit of every list, sorted by list number, then position.
    pub fn all_hits(&self) -> &[Hit] {
        &self.hits
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

    /// Whether a negation stands just before normalized offset `at` in its clause.
    pub fn is_negated(&self, at: usize) -> bool {
        text::is_negated(self.norm(), at)
    }

    /// Whether normalized offset `at` is inside double quotes.
    pub fn is_quoted(&self, at: usize) -> bool {
        text::is_quoted(self.norm(), at)
    }
}
