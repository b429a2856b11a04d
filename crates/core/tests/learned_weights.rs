//! The committed weights of the learned scorer are exactly what the committed trainer makes
//! from the development corpora (like `docs/rules.md` and the rule metadata).
//!
//! The quick test refits on all corpora with the committed thresholds (seconds); the full one
//! also redoes the cross-validation that chose them (a minute and a half in a debug build:
//! `cargo test -p primum-core --test learned_weights -- --ignored`, or `primum train`, which
//! prints the cross-validation and writes the same file).
//!
//! Regenerate with `primum train tests/corpus/dev*.jsonl -o crates/core/src/rules/learned/weights.txt`
//! or `PRIMUM_BLESS=1 cargo test -p primum-core --test learned_weights`.

use primum_core::rules::learned::model::Model;
use primum_core::rules::learned::train::{fit_all, train, Corpus, LabeledPost, TrainOptions};
use primum_core::rules::learned::WEIGHTS;

const WEIGHTS_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules/learned/weights.txt");
const STALE: &str = "crates/core/src/rules/learned/weights.txt is stale: run \
                     `PRIMUM_BLESS=1 cargo test -p primum-core --test learned_weights -- --include-ignored` \
                     (then rebuild)";

fn dev_corpora() -> Vec<Corpus> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/corpus");
    // The order the shell expands `dev*.jsonl` in.
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/corpus")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("dev") && n.ends_with(".jsonl"))
        .collect();
    names.sort();
    assert!(names.len() >= 2, "the development corpora are missing from tests/corpus");
    names
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(format!("{dir}/{name}")).expect("read corpus");
            Corpus { name: name.clone(), posts: LabeledPost::parse_jsonl(&text, name).expect("parse corpus") }
        })
        .collect()
}

#[test]
fn committed_weights_are_the_fit_on_all_corpora() {
    let weights = fit_all(&dev_corpora(), &TrainOptions::default(), &Model::written_thresholds(WEIGHTS)).expect("fit");
    assert!(weights == WEIGHTS, "{STALE}");
}

#[test]
#[ignore = "redoes the cross-validation: about 90 s in a debug build"]
fn committed_weights_and_thresholds_are_what_the_trainer_writes() {
    let training = train(&dev_corpora(), &TrainOptions::default()).expect("train");
    if std::env::var_os("PRIMUM_BLESS").is_some() {
        std::fs::write(WEIGHTS_PATH, &training.weights).expect("write weights.txt");
    }
    assert!(training.weights == WEIGHTS, "{STALE}");
}
