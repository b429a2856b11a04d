//! The trainer behind `primum train`: fits the learned scorer on labelled corpora and chooses
//! its thresholds by leave-one-corpus-out cross-validation, deterministically (same corpora,
//! same options → the same weights file, byte for byte).
//!
//! 1. Features per post ([`super::features`]); the vocabulary is what occurs in at least
//!    `min_df` training posts.
//! 2. Per category, an L2-regularised logistic regression (all ten fitted together by
//!    full-batch AdaGrad for a fixed number of epochs), then only the `keep` strongest weights
//!    per category are kept and the model is refitted on them (small file, fewer flukes).
//! 3. Each corpus in turn is held out: the model is fitted on the others and scores it.
//! 4. Thresholds: for a cost `α` of a wrong flag relative to a caught post, a category's
//!    threshold is the one that maximises the scorer's own `caught − α·wrong` over held-out
//!    posts (see [`Heldout::thresholds`] for why not only over what the rules missed). The smallest `α` of the grid
//!    is chosen for which every held-out corpus keeps the false alarms the scorer *adds*
//!    (acceptable posts it flags that the rules leave alone) within `max_false_alarms` and the
//!    precision of the scorer's own flags at or above `min_precision`, and all held-out corpora
//!    together keep the added false alarms within `max_total_false_alarms`; the figures reported
//!    for a corpus use thresholds chosen without it. Only the added ones count because the scorer
//!    cannot take back a rule's false alarm: a corpus on which the rules alone break the limit
//!    would otherwise switch the scorer off everywhere.
//! 5. The model fitted on all corpora, with the thresholds chosen on all held-out scores, is
//!    written out.

use super::features::feature_strings;
use super::model::{write_weights, Model, Scores, CATEGORIES};
use crate::{Category, Checker, Context, Document, Policy};

/// The learned rules ignore the context; documents are built without one.
static NO_CONTEXT: Context = Context { platform: None, lang: None };
use serde::Deserialize;

/// A labelled post of a corpus file (format in `tests/corpus/README.md`).
#[derive(Clone, Debug, Deserialize)]
pub struct LabeledPost {
    /// The post's id in its corpus.
    pub id: String,
    /// What was posted.
    pub text: String,
    /// Category ids, or `["none"]` for an acceptable post.
    pub labels: Vec<String>,
    /// Where it was posted, when known.
    #[serde(default)]
    pub platform: Option<String>,
    /// Its language, when known.
    #[serde(default)]
    pub lang: Option<String>,
}

impl LabeledPost {
    /// Reads a JSON-lines corpus; `origin` names it in error messages.
    pub fn parse_jsonl(source: &str, origin: &str) -> Result<Vec<LabeledPost>, String> {
        source
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(n, line)| {
                serde_json::from_str(line)
                    .map_err(|e| format!("{origin}:{}: not a corpus line ({{id, text, labels}} expected): {e}", n + 1))
            })
            .collect()
    }

    /// The check context the post was written in.
    pub fn context(&self) -> Context {
        Context { platform: self.platform.clone(), lang: self.lang.clone() }
    }

    /// Whether the post is labelled acceptable (`none` only).
    pub fn is_acceptable(&self) -> bool {
        self.labels.iter().all(|l| l == "none")
    }

    /// Whether the post is labelled with category `c`.
    pub fn has_label(&self, c: Category) -> bool {
        self.labels.iter().any(|l| l == c.id())
    }
}

/// One corpus file: a fold of the cross-validation.
#[derive(Clone, Debug)]
pub struct Corpus {
    /// Its name in reports (the file name).
    pub name: String,
    /// Its posts.
    pub posts: Vec<LabeledPost>,
}

/// The trainer's knobs; [`TrainOptions::default`] is what produced the committed weights.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainOptions {
    /// L2 penalty on the mean log-loss.
    pub l2: f64,
    /// Full-batch AdaGrad epochs per fit.
    pub epochs: usize,
    /// AdaGrad step size.
    pub step: f64,
    /// A feature must occur in at least this many training posts.
    pub min_df: usize,
    /// Weights kept per category.
    pub keep: usize,
    /// The most false alarms (share of acceptable posts) any held-out corpus may have.
    pub max_false_alarms: f64,
    /// The most false alarms (share of acceptable posts) all held-out corpora together may have.
    pub max_total_false_alarms: f64,
    /// The least precision of the scorer's own flags (flags on a labelled category / all its
    /// flags) any held-out corpus may have (0: no constraint).
    pub min_precision: f64,
    /// Costs of a wrong flag to try, most eager first.
    pub costs: Vec<f64>,
    /// Whether the rules' word lists are features (`@list`).
    pub lists: bool,
    /// Positive posts weigh `(negatives / positives) ^ balance` in the loss (0: unweighted).
    pub balance: f64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            l2: 1e-3,
            epochs: 200,
            step: 0.2,
            min_df: 2,
            keep: 150,
            max_false_alarms: 0.03,
            max_total_false_alarms: 0.01,
            min_precision: 0.9,
            costs: vec![0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 32.0, 48.0, 64.0],
            lists: true,
            balance: 0.0,
        }
    }
}

/// Counts for one held-out corpus (or their sum).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Posts.
    pub posts: usize,
    /// Acceptable posts.
    pub acceptable: usize,
    /// (post, label) pairs.
    pub labels: usize,
    /// Label pairs the hand-written rules flag.
    pub rules_caught: usize,
    /// Acceptable posts the rules flag.
    pub rules_false_alarms: usize,
    /// Flags of the rules on a category the post is not labelled with.
    pub rules_wrong: usize,
    /// Label pairs rules or scorer flag.
    pub both_caught: usize,
    /// Acceptable posts rules or scorer flag.
    pub both_false_alarms: usize,
    /// Flags of rules or scorer on a category the post is not labelled with.
    pub both_wrong: usize,
    /// Label pairs the scorer alone flags.
    pub learned_caught: usize,
    /// Acceptable posts the scorer alone flags.
    pub learned_false_alarms: usize,
    /// Flags of the scorer alone on a category the post is not labelled with.
    pub learned_wrong: usize,
}

impl Tally {
    /// Adds `o`'s counts to these.
    pub fn add(&mut self, o: &Tally) {
        self.posts += o.posts;
        self.acceptable += o.acceptable;
        self.labels += o.labels;
        self.rules_caught += o.rules_caught;
        self.rules_false_alarms += o.rules_false_alarms;
        self.rules_wrong += o.rules_wrong;
        self.both_caught += o.both_caught;
        self.both_false_alarms += o.both_false_alarms;
        self.both_wrong += o.both_wrong;
        self.learned_caught += o.learned_caught;
        self.learned_false_alarms += o.learned_false_alarms;
        self.learned_wrong += o.learned_wrong;
    }

    /// Acceptable posts flagged with the scorer that the rules alone leave unflagged.
    pub fn added_false_alarms(&self) -> usize {
        self.both_false_alarms.saturating_sub(self.rules_false_alarms)
    }

    /// Precision of the scorer's own flags (1 when it flags nothing).
    pub fn learned_precision(&self) -> f64 {
        let flags = self.learned_caught + self.learned_wrong;
        if flags == 0 {
            1.0
        } else {
            self.learned_caught as f64 / flags as f64
        }
    }
}

/// What training produced.
#[derive(Clone, Debug)]
pub struct Training {
    /// The weights file.
    pub weights: String,
    /// The chosen cost of a wrong flag, `None` when no cost kept every fold within the
    /// false-alarm limit (the scorer is then off in every category).
    pub cost: Option<f64>,
    /// Per held-out corpus, with the chosen cost: `(corpus name, counts)`.
    pub folds: Vec<(String, Tally)>,
    /// Per category, summed over the held-out corpora.
    pub categories: Vec<(Category, Tally)>,
    /// Every cost of the grid tried (up to the chosen one, or all of them): the held-out
    /// corpora's counts with that cost, in corpus order.
    pub sweep: Vec<(f64, Vec<Tally>)>,
}

/// Fits the scorer on `corpora` and chooses its thresholds by leaving each corpus out in turn.
pub fn train(corpora: &[Corpus], opts: &TrainOptions) -> Result<Training, String> {
    if corpora.len() < 2 {
        return Err("cross-validation needs at least two corpora (one is held out at a time)".into());
    }
    let posts: Vec<&LabeledPost> = corpora.iter().flat_map(|c| &c.posts).collect();
    let fold_of: Vec<usize> = corpora.iter().enumerate().flat_map(|(k, c)| c.posts.iter().map(move |_| k)).collect();
    let labels: Vec<[bool; CATEGORIES]> = posts.iter().map(|p| Category::ALL.map(|c| p.has_label(c))).collect();
    let rules = rules_only_flags(&posts);
    let index = crate::rules::builtin_index().as_ref().map_err(|e| e.to_string())?;
    let docs = |i: usize| Document::new(&posts[i].text, index, &NO_CONTEXT);
    let feats: Vec<Vec<String>> = (0..posts.len()).map(|i| feature_strings(&docs(i), opts.lists)).collect();

    // Held-out scores: each post scored by the model fitted without its corpus.
    let mut held_out: Vec<Scores> = vec![[0.0; CATEGORIES]; posts.len()];
    for k in 0..corpora.len() {
        let train: Vec<usize> = (0..posts.len()).filter(|&i| fold_of[i] != k).collect();
        let model = Model::parse(&fit_file(&feats, &labels, &train, opts, "", &[None; CATEGORIES]))
            .map_err(|e| e.to_string())?;
        for i in (0..posts.len()).filter(|&i| fold_of[i] == k) {
            held_out[i] = model.scores(&docs(i));
        }
    }
    let data = Heldout { scores: &held_out, labels: &labels, rules: &rules, posts: &posts };

    let mut chosen = None;
    let mut sweep = Vec::new();
    for &cost in &opts.costs {
        let folds: Vec<(String, Tally)> = corpora
            .iter()
            .enumerate()
            .map(|(k, corpus)| {
                let others: Vec<usize> = (0..posts.len()).filter(|&i| fold_of[i] != k).collect();
                let mine: Vec<usize> = (0..posts.len()).filter(|&i| fold_of[i] == k).collect();
                let t = data.thresholds(&others, cost);
                (corpus.name.clone(), data.tally(&mine, &t, None))
            })
            .collect();
        let mut sum = Tally::default();
        folds.iter().for_each(|(_, t)| sum.add(t));
        let within = folds.iter().all(|(_, t)| {
            t.added_false_alarms() as f64 <= opts.max_false_alarms * t.acceptable as f64
                && t.learned_precision() >= opts.min_precision
        }) && sum.added_false_alarms() as f64 <= opts.max_total_false_alarms * sum.acceptable as f64;
        sweep.push((cost, folds.iter().map(|(_, t)| t.clone()).collect()));
        if within {
            chosen = Some((cost, folds));
            break;
        }
    }
    let all: Vec<usize> = (0..posts.len()).collect();
    let (cost, folds, thresholds) = match chosen {
        Some((cost, folds)) => (Some(cost), folds, data.thresholds(&all, cost)),
        None => {
            let off = [None; CATEGORIES];
            let folds = corpora
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    let mine: Vec<usize> = (0..posts.len()).filter(|&i| fold_of[i] == k).collect();
                    (c.name.clone(), data.tally(&mine, &off, None))
                })
                .collect();
            (None, folds, off)
        }
    };
    // Per category, with each fold's own thresholds (as in the fold figures).
    let categories = Category::ALL
        .iter()
        .enumerate()
        .map(|(c, &cat)| {
            let mut sum = Tally::default();
            for k in 0..corpora.len() {
                let others: Vec<usize> = (0..posts.len()).filter(|&i| fold_of[i] != k).collect();
                let mine: Vec<usize> = (0..posts.len()).filter(|&i| fold_of[i] == k).collect();
                let t = cost.map_or([None; CATEGORIES], |cost| data.thresholds(&others, cost));
                sum.add(&data.tally(&mine, &t, Some(c)));
            }
            (cat, sum)
        })
        .collect();
    let weights = fit_file(&feats, &labels, &all, opts, &header(corpora, opts), &thresholds);
    Ok(Training { weights, cost, folds, categories, sweep })
}

/// The weights file's header: what made it.
fn header(corpora: &[Corpus], opts: &TrainOptions) -> String {
    let names: Vec<&str> = corpora.iter().map(|c| c.name.as_str()).collect();
    format!(
        "Primum learned-pattern weights: one logistic regression per category over words, word pairs,\n\
         register flags and the rules' word lists, on the normalized text.\n\
         Generated by `primum train {}`; do not edit by hand.\n\
         Options: l2 {} · epochs {} · step {} · min_df {} · keep {} · lists {} · balance {} ·\n\
         held-out corpora: false alarms added ≤ {} each and ≤ {} together, precision of its own flags ≥ {} each",
        names.join(" "),
        opts.l2,
        opts.epochs,
        opts.step,
        opts.min_df,
        opts.keep,
        opts.lists,
        opts.balance,
        opts.max_false_alarms,
        opts.max_total_false_alarms,
        opts.min_precision,
    )
}

/// The weights file fitted on every post of `corpora` with the given thresholds: the last step
/// of [`train`], without the cross-validation that chooses the thresholds (a quick check that
/// a committed file's weights are what the trainer makes).
pub fn fit_all(
    corpora: &[Corpus],
    opts: &TrainOptions,
    thresholds: &[Option<f64>; CATEGORIES],
) -> Result<String, String> {
    let posts: Vec<&LabeledPost> = corpora.iter().flat_map(|c| &c.posts).collect();
    let labels: Vec<[bool; CATEGORIES]> = posts.iter().map(|p| Category::ALL.map(|c| p.has_label(c))).collect();
    let index = crate::rules::builtin_index().as_ref().map_err(|e| e.to_string())?;
    let feats: Vec<Vec<String>> =
        posts.iter().map(|p| feature_strings(&Document::new(&p.text, index, &NO_CONTEXT), opts.lists)).collect();
    let all: Vec<usize> = (0..posts.len()).collect();
    Ok(fit_file(&feats, &labels, &all, opts, &header(corpora, opts), thresholds))
}

/// What the hand-written rules alone flag, per post and category.
fn rules_only_flags(posts: &[&LabeledPost]) -> Vec<[bool; CATEGORIES]> {
    let policy = Policy { disabled: super::rule_ids().map(str::to_owned).collect(), ..Policy::default() };
    let checker = Checker::with_policy(&policy);
    posts
        .iter()
        .map(|p| {
            let report = checker.check(&p.text, &p.context());
            Category::ALL.map(|c| report.flags(c))
        })
        .collect()
}

/// Held-out scores with what is needed to choose thresholds and count.
struct Heldout<'a> {
    scores: &'a [Scores],
    labels: &'a [[bool; CATEGORIES]],
    rules: &'a [[bool; CATEGORIES]],
    posts: &'a [&'a LabeledPost],
}

impl Heldout<'_> {
    /// Per category, the threshold maximising the scorer's own `caught − cost·wrong` over posts
    /// `among`; `None` when no threshold gains anything. The scorer is judged on its own, not
    /// only on what the rules missed: the rules were tuned on every development corpus, so in
    /// cross-validation they miss far less than on a new author's posts, and thresholds fitted
    /// to their few held-out misses would fit that artefact.
    fn thresholds(&self, among: &[usize], cost: f64) -> [Option<f64>; CATEGORIES] {
        let mut out = [None; CATEGORIES];
        for (c, slot) in out.iter_mut().enumerate() {
            let mut cand: Vec<(f32, bool)> = among.iter().map(|&i| (self.scores[i][c], self.labels[i][c])).collect();
            cand.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)));
            let (mut gain, mut best, mut cut) = (0.0, 0.0, 0);
            let mut i = 0;
            while i < cand.len() {
                let s = cand[i].0;
                while i < cand.len() && cand[i].0 == s {
                    gain += if cand[i].1 { 1.0 } else { -cost };
                    i += 1;
                }
                if gain > best {
                    (best, cut) = (gain, i);
                }
            }
            if cut > 0 {
                let lowest_in = f64::from(cand[cut - 1].0);
                let highest_out = cand.get(cut).map_or(lowest_in - 1.0, |x| f64::from(x.0));
                // Halfway, rounded to the file's precision (never below the excluded score).
                let mid = ((lowest_in + highest_out) / 2.0 * 1000.0).ceil() / 1000.0;
                *slot = Some(if mid as f32 > highest_out as f32 { mid } else { (lowest_in * 1000.0).floor() / 1000.0 });
            }
        }
        out
    }

    /// Counts for posts `among` with `thresholds`; only category `only` when given.
    fn tally(&self, among: &[usize], thresholds: &[Option<f64>; CATEGORIES], only: Option<usize>) -> Tally {
        let mut t = Tally::default();
        for &i in among {
            let learned = |c: usize| thresholds[c].is_some_and(|th| self.scores[i][c] >= th as f32);
            let cats: Vec<usize> = match only {
                Some(c) => vec![c],
                None => (0..CATEGORIES).collect(),
            };
            t.posts += 1;
            let acceptable = self.posts[i].is_acceptable();
            if acceptable {
                t.acceptable += 1;
                t.rules_false_alarms += usize::from(cats.iter().any(|&c| self.rules[i][c]));
                t.both_false_alarms += usize::from(cats.iter().any(|&c| self.rules[i][c] || learned(c)));
                t.learned_false_alarms += usize::from(cats.iter().any(|&c| learned(c)));
            }
            for &c in &cats {
                let (rule, both) = (self.rules[i][c], self.rules[i][c] || learned(c));
                if self.labels[i][c] {
                    t.labels += 1;
                    t.rules_caught += usize::from(rule);
                    t.both_caught += usize::from(both);
                    t.learned_caught += usize::from(learned(c));
                } else {
                    t.rules_wrong += usize::from(rule);
                    t.both_wrong += usize::from(both);
                    t.learned_wrong += usize::from(learned(c));
                }
            }
        }
        t
    }
}

/// Fits on posts `train` and returns the weights file (with `thresholds`).
fn fit_file(
    feats: &[Vec<String>],
    labels: &[[bool; CATEGORIES]],
    train: &[usize],
    opts: &TrainOptions,
    header: &str,
    thresholds: &[Option<f64>; CATEGORIES],
) -> String {
    // Vocabulary: features in at least `min_df` training posts, sorted (deterministic).
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for &i in train {
        for f in &feats[i] {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let vocab: Vec<&str> = counts.into_iter().filter(|&(_, n)| n >= opts.min_df).map(|(f, _)| f).collect();
    let rows: Vec<Vec<u32>> = train
        .iter()
        .map(|&i| feats[i].iter().filter_map(|f| vocab.binary_search(&f.as_str()).ok()).map(|x| x as u32).collect())
        .collect();
    let y: Vec<[bool; CATEGORIES]> = train.iter().map(|&i| labels[i]).collect();
    let everything = vec![[true; CATEGORIES]; vocab.len()];
    let (w, _) = fit(&rows, &y, &everything, opts);
    // Keep the strongest weights per category, then refit on them alone.
    let mut mask = vec![[false; CATEGORIES]; vocab.len()];
    for c in 0..CATEGORIES {
        let mut order: Vec<usize> = (0..vocab.len()).collect();
        order.sort_by(|&a, &b| w[b][c].abs().total_cmp(&w[a][c].abs()).then(a.cmp(&b)));
        for &f in order.iter().take(opts.keep) {
            mask[f][c] = true;
        }
    }
    let (w, bias) = fit(&rows, &y, &mask, opts);
    let names: Vec<String> = vocab.iter().map(|s| (*s).to_owned()).collect();
    write_weights(header, &bias, thresholds, &names, &w)
}

/// L2-regularised logistic regression for every category at once, by full-batch AdaGrad;
/// weights outside `mask` stay zero. Returns (weights per feature, bias per category).
fn fit(
    rows: &[Vec<u32>],
    y: &[[bool; CATEGORIES]],
    mask: &[[bool; CATEGORIES]],
    opts: &TrainOptions,
) -> (Vec<[f64; CATEGORIES]>, [f64; CATEGORIES]) {
    let nf = mask.len();
    let n = rows.len().max(1) as f64;
    let pos_weight: [f64; CATEGORIES] = std::array::from_fn(|c| {
        let pos = y.iter().filter(|yi| yi[c]).count().max(1) as f64;
        ((n - pos).max(1.0) / pos).powf(opts.balance)
    });
    let mut w = vec![[0.0f64; CATEGORIES]; nf];
    let mut b = [0.0f64; CATEGORIES];
    let mut gw = vec![[0.0f64; CATEGORIES]; nf];
    let mut gb = [0.0f64; CATEGORIES];
    let mut grad = vec![[0.0f64; CATEGORIES]; nf];
    for _ in 0..opts.epochs {
        grad.iter_mut().for_each(|g| *g = [0.0; CATEGORIES]);
        let mut grad_b = [0.0f64; CATEGORIES];
        for (row, yi) in rows.iter().zip(y) {
            let mut z = b;
            for &f in row {
                for (zc, wc) in z.iter_mut().zip(&w[f as usize]) {
                    *zc += wc;
                }
            }
            let mut g = [0.0f64; CATEGORIES];
            for c in 0..CATEGORIES {
                let p = 1.0 / (1.0 + (-z[c]).exp());
                g[c] = if yi[c] { (p - 1.0) * pos_weight[c] } else { p };
                grad_b[c] += g[c];
            }
            for &f in row {
                for (gc, d) in grad[f as usize].iter_mut().zip(&g) {
                    *gc += d;
                }
            }
        }
        for c in 0..CATEGORIES {
            let d = grad_b[c] / n;
            gb[c] += d * d;
            b[c] -= opts.step * d / (gb[c].sqrt() + 1e-9);
        }
        for f in 0..nf {
            for c in 0..CATEGORIES {
                if !mask[f][c] {
                    continue;
                }
                let d = grad[f][c] / n + opts.l2 * w[f][c];
                gw[f][c] += d * d;
                w[f][c] -= opts.step * d / (gw[f][c].sqrt() + 1e-9);
            }
        }
    }
    (w, b)
}
