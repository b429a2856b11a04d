//! The learned scorer's weights: one linear model per category over the features of
//! [`super::features`], read from the data file `weights.txt` and compiled once into lookups.
//!
//! File format (written by `primum train`, readable by people; `→` stands for the tab between
//! a feature and its weight):
//!
//! ```text
//! # comment lines
//! [patient-disparagement]
//! <bias> → -4.210
//! <threshold> → 1.350        (or `off`: the category never fires)
//! seeker → 1.904            (a word; digits are written 0)
//! drug seeker → 0.812        (two neighbouring words)
//! <you> → -0.300           (a register flag)
//! @profanity/swear-words → 0.700   (a rule's word list occurs)
//! ```

use super::features::{flags, tokens, word_key};
use crate::category::Category;
use crate::document::Document;
use crate::lexicon::FnvMap;
use std::fmt::Write;
use std::ops::Range;

/// How many categories a model scores (all of them, in [`Category::ALL`] order).
pub const CATEGORIES: usize = Category::ALL.len();

/// Per-category scores (log-odds), in [`Category::ALL`] order.
pub type Scores = [f32; CATEGORIES];

/// One feature's pull on one category's score, for explaining a finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Contribution<'m> {
    /// The feature as written in the weights file (`seeker`, `drug seeker`, `<you>`).
    pub feature: &'m str,
    /// Its weight for the category.
    pub weight: f32,
    /// Where its first occurrence is, in normalized bytes (flags have none).
    pub range: Option<Range<usize>>,
}

/// A parsed weights file with its lookups built.
#[derive(Debug, Default)]
pub struct Model {
    bias: Scores,
    threshold: Scores,
    names: Vec<String>,
    weights: Vec<Scores>,
    /// Word key → word number (every word of a unigram or pair feature).
    words: FnvMap<String, u32>,
    /// Word number → its unigram feature, if it has one.
    unigram: Vec<Option<u32>>,
    /// (first word number, second word number) → pair feature.
    pairs: FnvMap<u64, u32>,
    /// Flag name → feature.
    flags: Vec<(String, u32)>,
    /// Built-in word list number → feature (`@list` features).
    lists: Vec<Option<u32>>,
}

/// A line of the weights file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "weights file line {}: {}; regenerate it with `primum train`", self.line, self.message)
    }
}

impl std::error::Error for ModelError {}

impl Model {
    /// Reads a weights file (see the module docs for the format).
    pub fn parse(source: &str) -> Result<Model, ModelError> {
        let mut m = Model { threshold: [f32::INFINITY; CATEGORIES], ..Model::default() };
        let mut by_name: FnvMap<String, u32> = FnvMap::default();
        let mut category: Option<usize> = None;
        for (n, raw) in source.lines().enumerate() {
            let err = |message: String| ModelError { line: n + 1, message };
            let line = raw.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(id) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                let c = Category::from_id(id).ok_or_else(|| err(format!("'{id}' is not a category")))?;
                category = Category::ALL.iter().position(|&x| x == c);
                continue;
            }
            let c = category.ok_or_else(|| err("a weight before any [category] header".into()))?;
            let (name, value) = line.split_once('\t').ok_or_else(|| err("expected `feature<TAB>weight`".into()))?;
            if name == "<threshold>" && value == "off" {
                m.threshold[c] = f32::INFINITY;
                continue;
            }
            let value: f32 = value.parse().map_err(|_| err(format!("'{value}' is not a number")))?;
            match name {
                "<bias>" => m.bias[c] = value,
                "<threshold>" => m.threshold[c] = value,
                _ => {
                    let f = match by_name.get(name) {
                        Some(&f) => f,
                        None => {
                            let f = m.names.len() as u32;
                            m.add_feature(name, f).map_err(err)?;
                            by_name.insert(name.to_owned(), f);
                            f
                        }
                    };
                    m.weights[f as usize][c] = value;
                }
            }
        }
        Ok(m)
    }

    fn add_feature(&mut self, name: &str, f: u32) -> Result<(), String> {
        self.names.push(name.to_owned());
        self.weights.push([0.0; CATEGORIES]);
        if name.starts_with('<') {
            self.flags.push((name.to_owned(), f));
            return Ok(());
        }
        if let Some(list) = name.strip_prefix('@') {
            // Resolved against the built-in lists: the learned rules only see documents scanned
            // with them.
            let index = crate::rules::builtin_index().as_ref().map_err(|e| e.to_string())?;
            let n = index.list(list).ok_or_else(|| format!("'{list}' is not a built-in word list"))? as usize;
            if self.lists.len() <= n {
                self.lists.resize(n + 1, None);
            }
            self.lists[n] = Some(f);
            return Ok(());
        }
        let mut parts = name.split(' ');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(w), None, _) if !w.is_empty() => {
                let id = self.word(w);
                self.unigram[id as usize] = Some(f);
            }
            (Some(a), Some(b), None) if !a.is_empty() && !b.is_empty() => {
                let (a, b) = (self.word(a), self.word(b));
                self.pairs.insert(pair(a, b), f);
            }
            _ => return Err(format!("'{name}' is neither a word, two words nor a <flag>")),
        }
        Ok(())
    }

    fn word(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.words.get(w) {
            return id;
        }
        let id = self.unigram.len() as u32;
        self.words.insert(w.to_owned(), id);
        self.unigram.push(None);
        id
    }

    /// The thresholds as written in the file (`None` = off), for refitting with them.
    pub fn written_thresholds(source: &str) -> [Option<f64>; CATEGORIES] {
        let mut out = [None; CATEGORIES];
        let mut c = None;
        for line in source.lines() {
            if let Some(id) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                c = Category::ALL.iter().position(|x| x.id() == id);
            } else if let (Some(c), Some(v)) = (c, line.strip_prefix("<threshold>\t")) {
                out[c] = v.parse().ok();
            }
        }
        out
    }

    /// The score above which category `c` (index into [`Category::ALL`]) fires; infinite when
    /// the category is off.
    pub fn threshold(&self, c: usize) -> f32 {
        self.threshold[c]
    }

    /// The features of a document as feature numbers with where each first occurs (normalized
    /// bytes), without repeats.
    fn features(&self, doc: &Document<'_>) -> Vec<(u32, Option<Range<usize>>)> {
        let (text, norm) = (doc.text(), doc.norm());
        let toks = tokens(doc);
        let mut out: Vec<(u32, Option<Range<usize>>)> = Vec::with_capacity(toks.len());
        let mut buf = String::new();
        let mut prev: Option<(u32, usize)> = None;
        for t in &toks {
            let id = self.words.get(word_key(&norm[t.range.clone()], &mut buf)).copied();
            if let (Some(id), Some((p, start))) = (id, prev.filter(|_| !t.after_break)) {
                if let Some(&f) = self.pairs.get(&pair(p, id)) {
                    out.push((f, Some(start..t.range.end)));
                }
            }
            if let Some(f) = id.and_then(|id| self.unigram[id as usize]) {
                out.push((f, Some(t.range.clone())));
            }
            prev = id.map(|id| (id, t.range.start));
        }
        for name in flags(text, norm, &toks) {
            if let Some(&(_, f)) = self.flags.iter().find(|(n, _)| n == name) {
                out.push((f, None));
            }
        }
        if !self.lists.is_empty() {
            for h in doc.all_hits() {
                if let Some(&Some(f)) = self.lists.get(h.list as usize) {
                    out.push((f, Some(h.range())));
                }
            }
        }
        // Presence, not counts: keep each feature's first occurrence. A feature's occurrences are
        // pushed in text order (each feature is of one kind: a word, a pair, a flag or a list),
        // so ordering by position within a feature keeps the first, as a stable sort would.
        out.sort_unstable_by_key(|(f, r)| (*f, r.as_ref().map(|r| (r.start, r.end))));
        out.dedup_by_key(|(f, _)| *f);
        out
    }

    /// Every category's score for a draft: its bias plus the weights of the features present.
    pub fn scores(&self, doc: &Document<'_>) -> Scores {
        let mut s = self.bias;
        for (f, _) in self.features(doc) {
            for (acc, w) in s.iter_mut().zip(&self.weights[f as usize]) {
                *acc += w;
            }
        }
        s
    }

    /// The features that pull category `c`'s score up, strongest first.
    pub fn contributions(&self, doc: &Document<'_>, c: usize) -> Vec<Contribution<'_>> {
        let mut out: Vec<Contribution<'_>> = self
            .features(doc)
            .into_iter()
            .map(|(f, range)| Contribution {
                feature: &self.names[f as usize],
                weight: self.weights[f as usize][c],
                range,
            })
            .filter(|x| x.weight > 0.0)
            .collect();
        out.sort_by(|a, b| b.weight.total_cmp(&a.weight).then_with(|| a.feature.cmp(b.feature)));
        out
    }

    /// How many (feature, category) weights are not zero.
    pub fn weight_count(&self) -> usize {
        self.weights.iter().flatten().filter(|w| **w != 0.0).count()
    }
}

fn pair(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// Writes a weights file: per category its bias and threshold (`None` = off) to three
/// decimals, and its non-zero weights, strongest first, to two: a post sums a few dozen
/// weights, so the rounding moves a score by hundredths, and the file is compiled into the
/// extension's size-budgeted wasm.
pub fn write_weights(
    header: &str,
    bias: &[f64; CATEGORIES],
    threshold: &[Option<f64>; CATEGORIES],
    names: &[String],
    weights: &[[f64; CATEGORIES]],
) -> String {
    let mut s = String::new();
    for line in header.lines() {
        let _ = writeln!(s, "# {line}");
    }
    for (c, cat) in Category::ALL.iter().enumerate() {
        let _ = writeln!(s, "\n[{}]", cat.id());
        let _ = writeln!(s, "<bias>\t{:.3}", bias[c]);
        match threshold[c] {
            Some(t) => {
                let _ = writeln!(s, "<threshold>\t{t:.3}");
            }
            None => s.push_str("<threshold>\toff\n"),
        }
        let mut rows: Vec<(&str, f64)> = names
            .iter()
            .zip(weights)
            .map(|(n, w)| (n.as_str(), w[c]))
            .filter(|(_, w)| format!("{w:.2}").parse::<f64>().is_ok_and(|r| r != 0.0))
            .collect();
        rows.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        for (n, w) in rows {
            let _ = writeln!(s, "{n}\t{w:.2}");
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::learned::features::tests::doc_features;

    const SAMPLE: &str = "# test\n[patient-disparagement]\n<bias>\t-1.000\n<threshold>\t0.500\nseeker\t1.250\n\
                          drug seeker\t0.500\nbed 0\t0.250\n<exclaim>\t0.125\nthe\t-0.125\n\
                          @patient-disparagement/labels\t0.0625\n";

    fn with_doc<T>(text: &str, f: impl FnOnce(&Document<'_>) -> T) -> T {
        let index = crate::rules::builtin_index().as_ref().unwrap();
        let ctx = crate::Context::default();
        f(&Document::new(text, index, &ctx))
    }

    fn score(m: &Model, text: &str) -> f32 {
        with_doc(text, |d| m.scores(d)[1])
    }

    #[test]
    fn scores_sum_the_features_present_once() {
        let m = Model::parse(SAMPLE).unwrap();
        assert_eq!(score(&m, "nothing here"), -1.0);
        // seeker + drug seeker + exclaim - the + the labels list; "seeker" twice counts once.
        assert_eq!(score(&m, "the drug seeker! seeker"), -1.0 + 1.25 + 0.5 + 0.125 - 0.125 + 0.0625);
        assert_eq!(score(&m, "Bed 4 again"), -1.0 + 0.25);
        assert_eq!(score(&m, "Bed 12 again"), -1.0, "12 is written 00");
        assert_eq!(m.threshold(1), 0.5);
        assert_eq!(m.threshold(0), f32::INFINITY);
    }

    #[test]
    fn scorer_sees_what_the_trainer_counts() {
        let m = Model::parse(SAMPLE).unwrap();
        for text in ["The drug seeker in bed 4!", "drug. seeker", "#DrugSeeker the end", "a drug seeker"] {
            let strings = doc_features(text, true);
            let want: f32 = -1.0
                + SAMPLE
                    .lines()
                    .filter_map(|l| l.split_once('\t'))
                    .filter(|(n, _)| strings.iter().any(|s| s == n))
                    .map(|(_, w)| w.parse::<f32>().unwrap())
                    .sum::<f32>();
            assert_eq!(score(&m, text), want, "{text}: {strings:?}");
        }
    }

    #[test]
    fn contributions_point_at_the_words() {
        let m = Model::parse(SAMPLE).unwrap();
        let text = "the drug seeker again";
        let c = with_doc(text, |d| m.contributions(d, 1).into_iter().map(|x| (x.feature, x.range)).collect::<Vec<_>>());
        let names: Vec<&str> = c.iter().map(|x| x.0).collect();
        assert_eq!(names, ["seeker", "drug seeker", "@patient-disparagement/labels"]);
        assert_eq!(&text[c[1].1.clone().unwrap()], "drug seeker");
    }

    #[test]
    fn bad_files_say_which_line() {
        let e = Model::parse("[patient-privacy]\nseeker 1.0\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(Model::parse("[no-such]\n").is_err());
        assert!(Model::parse("x\t1\n").is_err());
        assert!(Model::parse("[profanity]\nx\tmany\n").is_err());
        assert!(Model::parse("[profanity]\n@no/such-list\t1\n").is_err());
    }

    #[test]
    fn written_files_read_back() {
        let names = vec!["seeker".to_owned(), "<you>".to_owned()];
        let mut w = [[0.0; CATEGORIES]; 2];
        w[0][1] = 1.23449;
        w[1][1] = -0.5;
        let mut t = [None; CATEGORIES];
        t[1] = Some(0.25);
        let text = write_weights("made by a test", &[-2.0; CATEGORIES], &t, &names, &w);
        let m = Model::parse(&text).unwrap();
        assert_eq!(m.weight_count(), 2);
        // Weights are written to two decimals: 1.23449 reads back as 1.23.
        assert!((score(&m, "seeker you") - (-2.0 + 1.23 - 0.5)).abs() < 1e-6);
    }
}
