//! `primum train` (hidden): fits the learned scorer on labelled corpora, reports the
//! leave-one-corpus-out cross-validation, and writes the weights file.

use crate::{eval::read_corpus, UserError};
use primum_core::rules::learned::train::{self, Corpus, Tally, TrainOptions};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Knobs that override the committed defaults (for exploring by cross-validation only).
#[derive(clap::Args)]
pub(crate) struct Knobs {
    /// L2 penalty on the mean log-loss.
    #[arg(long)]
    l2: Option<f64>,
    /// AdaGrad epochs per fit.
    #[arg(long)]
    epochs: Option<usize>,
    /// AdaGrad step size.
    #[arg(long)]
    step: Option<f64>,
    /// Minimum number of training posts a feature must occur in.
    #[arg(long)]
    min_df: Option<usize>,
    /// Weights kept per category.
    #[arg(long)]
    keep: Option<usize>,
    /// Most false alarms (share of acceptable posts) allowed in any held-out corpus.
    #[arg(long)]
    max_false_alarms: Option<f64>,
    /// Most false alarms (share of acceptable posts) allowed in all held-out corpora together.
    #[arg(long)]
    max_total_false_alarms: Option<f64>,
    /// Least precision of the scorer's own flags allowed in any held-out corpus.
    #[arg(long)]
    min_precision: Option<f64>,
    /// Whether the rules' word lists are features.
    #[arg(long)]
    lists: Option<bool>,
    /// Exponent of the positive-class weight (negatives / positives) in the loss.
    #[arg(long)]
    balance: Option<f64>,
}

impl Knobs {
    fn options(&self) -> TrainOptions {
        let d = TrainOptions::default();
        TrainOptions {
            l2: self.l2.unwrap_or(d.l2),
            epochs: self.epochs.unwrap_or(d.epochs),
            step: self.step.unwrap_or(d.step),
            min_df: self.min_df.unwrap_or(d.min_df),
            keep: self.keep.unwrap_or(d.keep),
            max_false_alarms: self.max_false_alarms.unwrap_or(d.max_false_alarms),
            max_total_false_alarms: self.max_total_false_alarms.unwrap_or(d.max_total_false_alarms),
            min_precision: self.min_precision.unwrap_or(d.min_precision),
            costs: d.costs,
            lists: self.lists.unwrap_or(d.lists),
            balance: self.balance.unwrap_or(d.balance),
        }
    }
}

pub(crate) fn run(paths: &[PathBuf], out: Option<&Path>, knobs: &Knobs) -> Result<ExitCode, UserError> {
    let mut corpora = Vec::new();
    for path in paths {
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        corpora.push(Corpus { name, posts: read_corpus(path)? });
    }
    let training = train::train(&corpora, &knobs.options()).map_err(UserError)?;
    println!("costs of a wrong flag tried, per held-out corpus in order: false alarms (rules + learned) / acceptable posts, precision of the scorer's own flags\n");
    for (cost, folds) in &training.sweep {
        let cells: Vec<String> = folds
            .iter()
            .map(|t| format!("{:>2}/{:<3} {:.2}", t.both_false_alarms, t.acceptable, t.learned_precision()))
            .collect();
        let mut sum = Tally::default();
        folds.iter().for_each(|t| sum.add(t));
        println!(
            "α {:>5}: {}  | all {:>2}/{} · recall {:.3} · learned alone {:.3}, precision {:.2}",
            cost,
            cells.join("  "),
            sum.both_false_alarms,
            sum.acceptable,
            ratio(sum.both_caught, sum.labels),
            ratio(sum.learned_caught, sum.labels),
            sum.learned_precision()
        );
    }
    println!("\nleave-one-corpus-out cross-validation (rules only → rules + learned)\n");
    println!(
        "{:<14} {:>5} {:>6} {:>15} {:>15} {:>17} {:>14}",
        "held out", "posts", "labels", "micro recall", "precision", "false alarms", "learned alone"
    );
    let mut sum = Tally::default();
    for (name, t) in &training.folds {
        print_row(name, t);
        sum.add(t);
    }
    print_row("all folds", &sum);
    println!("\nper category, summed over held-out corpora (recall rules → rules + learned, wrong flags)\n");
    for (cat, t) in &training.categories {
        println!(
            "{:<26} {:>5.3} → {:.3}  ({} → {} of {}; wrong flags {} → {}; learned alone {:.3})",
            cat.id(),
            ratio(t.rules_caught, t.labels),
            ratio(t.both_caught, t.labels),
            t.rules_caught,
            t.both_caught,
            t.labels,
            t.rules_wrong,
            t.both_wrong,
            ratio(t.learned_caught, t.labels)
        );
    }
    match training.cost {
        Some(c) => println!("\nchosen cost of a wrong flag: {c}"),
        None => println!("\nno cost kept every fold within the false-alarm limit: the scorer is off"),
    }
    println!("weights file: {} bytes", training.weights.len());
    if let Some(out) = out {
        std::fs::write(out, &training.weights)
            .map_err(|e| UserError(format!("could not write the weights file {}: {e}", out.display())))?;
        println!("wrote {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn print_row(name: &str, t: &Tally) {
    println!(
        "{:<14} {:>5} {:>6}   {:.3} → {:.3}   {:.3} → {:.3}   {:>2} → {:>2} /{:>3}   {:.3}, {:>2} fa",
        name,
        t.posts,
        t.labels,
        ratio(t.rules_caught, t.labels),
        ratio(t.both_caught, t.labels),
        ratio(t.rules_caught, t.rules_caught + t.rules_wrong),
        ratio(t.both_caught, t.both_caught + t.both_wrong),
        t.rules_false_alarms,
        t.both_false_alarms,
        t.acceptable,
        ratio(t.learned_caught, t.labels),
        t.learned_false_alarms
    );
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}
