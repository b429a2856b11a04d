//! `primum`: Primum's checks on the command line.
//!
//! Exit codes: 0 when everything checked is ok, 1 when there are findings at `warning` or
//! above, 2 on a usage or input error.

mod audit;
mod check;
mod eval;
mod generate;
mod train;

use clap::{Parser, Subcommand};
use primum_core::{rules, Policy};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "primum",
    version,
    about = "A second look before a clinician posts: checks drafts for patient privacy, disparagement, profanity, medical advice and more."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a draft (the argument, or stdin).
    Check {
        /// The text to check; read from stdin when omitted.
        text: Option<String>,
        /// Read JSON lines `{"id", "text", "platform", "lang"}` on stdin, write one report line per input line.
        #[arg(long)]
        jsonl: bool,
        /// Print the report as one JSON object instead of human-readable text.
        #[arg(long, conflicts_with = "jsonl")]
        json: bool,
        /// A policy file (JSON): `{"disabled": [...], "severity": {...}}`.
        #[arg(long)]
        policy: Option<PathBuf>,
    },
    /// Audit what you already published: the zip X, Facebook or LinkedIn gives you when you
    /// download your data, the folder you unpacked it into, or one file from it
    /// (data/tweets.js, your_posts*.json, comments.json, Shares.csv, Comments.csv).
    Audit {
        /// The download(s) to audit.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Output: a table for people, JSON, CSV (one row per finding) or SARIF 2.1.0.
        #[arg(long, value_enum, default_value = "table")]
        format: audit::AuditFormat,
        /// List every post in JSON, CSV and SARIF, not only the flagged ones.
        #[arg(long)]
        all: bool,
        /// Write the report to this file instead of stdout.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// A policy file (JSON): `{"disabled": [...], "severity": {...}}`.
        #[arg(long)]
        policy: Option<PathBuf>,
    },
    /// Write a synthetic data download with invented posts (for tests and benchmarks).
    #[command(hide = true)]
    GenerateArchive {
        /// Whose download to imitate.
        #[arg(long, value_enum)]
        site: generate::GenSite,
        /// How many posts (and comments) to invent.
        #[arg(long, default_value_t = 1000)]
        posts: usize,
        /// Seed of the deterministic generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Write only the main posts file (tweets.js, your_posts_1.json, Shares.csv), not a zip.
        #[arg(long)]
        single: bool,
        /// Where to write it.
        out: PathBuf,
    },
    /// List every rule.
    Rules {
        /// Print the whole rule book as Markdown (what docs/rules.md holds).
        #[arg(long)]
        markdown: bool,
    },
    /// Explain one rule: why it exists, the guidance it cites, examples.
    Explain {
        /// The rule id, e.g. patient-privacy/patient-name.
        rule: String,
    },
    /// Measure recall, precision and false alarms per category on labeled corpora (JSON lines).
    Eval {
        /// One or more corpora, e.g. tests/corpus/dev.jsonl; measured together.
        #[arg(required = true)]
        corpus: Vec<PathBuf>,
        /// Also list the posts each category missed or flagged wrongly.
        #[arg(long)]
        verbose: bool,
        /// A policy file (JSON), e.g. `{"disabled": [...]}` to measure without some rules.
        #[arg(long)]
        policy: Option<PathBuf>,
    },
    /// Fit the learned scorer on labelled corpora (one fold each), report leave-one-corpus-out
    /// cross-validation, and write its weights file.
    #[command(hide = true)]
    Train {
        /// The development corpora, e.g. tests/corpus/dev*.jsonl (never a blind set).
        #[arg(required = true)]
        corpus: Vec<PathBuf>,
        /// Write the weights here (crates/core/src/rules/learned/weights.txt); only report when omitted.
        #[arg(long, short)]
        out: Option<PathBuf>,
        #[command(flatten)]
        knobs: train::Knobs,
    },
}

/// A failure the user can act on: printed as `primum: …` with exit code 2.
pub(crate) struct UserError(pub String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { text, jsonl, json, policy } => {
            load_policy(policy).and_then(|p| check::run(text, jsonl, json, &p))
        }
        Command::Audit { paths, format, all, output, policy } => {
            load_policy(policy).and_then(|p| audit::run(audit::Options { paths, format, all, output }, &p))
        }
        Command::GenerateArchive { site, posts, seed, single, out } => generate::run(site, posts, seed, single, &out),
        Command::Rules { markdown } => {
            if markdown {
                print!("{}", rules::book_markdown());
            } else {
                for m in rules::metas() {
                    println!("{:<48} {:<9} {}", m.id, m.severity.id(), m.message);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { rule } => match rules::meta(&rule) {
            Some(m) => {
                print!("{}", rules::explain_markdown(m));
                Ok(ExitCode::SUCCESS)
            }
            None => Err(UserError(format!("no rule called '{rule}'; `primum rules` lists them all"))),
        },
        Command::Eval { corpus, verbose, policy } => load_policy(policy).and_then(|p| eval::run(&corpus, verbose, &p)),
        Command::Train { corpus, out, knobs } => train::run(&corpus, out.as_deref(), &knobs),
    };
    match result {
        Ok(code) => code,
        Err(UserError(message)) => {
            eprintln!("primum: {message}");
            ExitCode::from(2)
        }
    }
}

fn load_policy(path: Option<PathBuf>) -> Result<Policy, UserError> {
    let Some(path) = path else {
        return Ok(Policy::default());
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| UserError(format!("could not read the policy file {}: {e}", path.display())))?;
    serde_json::from_str(&text)
        .map_err(|e| UserError(format!("the policy file {} is not a valid Primum policy: {e}", path.display())))
}
