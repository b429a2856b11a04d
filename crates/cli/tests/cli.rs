//! The CLI's machine interface: exit codes, `--jsonl` one line out per line in, errors in place.

use assert_cmd::Command;
use serde_json::Value;

fn primum() -> Command {
    Command::cargo_bin("primum").expect("the primum binary is built")
}

#[test]
fn check_exit_codes_follow_the_verdict() {
    primum().args(["check", "Grand rounds at noon on sepsis bundles"]).assert().code(0);
    let out = primum().args(["check", "MRN 00482913 is back again"]).assert().code(1).get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("critical[patient-privacy/record-number]"), "{out}");
    assert!(out.contains("^^^^^^^^^^^^"), "the identifier is underlined: {out}");
}

#[test]
fn check_reads_stdin() {
    primum().arg("check").write_stdin("Mr. Jones in bed 4 pulled his IV out").assert().code(1);
}

#[test]
fn usage_errors_exit_2() {
    primum().args(["check", "--nope"]).assert().code(2);
    primum().args(["explain", "no/such-rule"]).assert().code(2);
    primum().args(["check", "--policy", "/does/not/exist.json", "x"]).assert().code(2);
}

#[test]
fn jsonl_writes_one_line_per_input_line_in_order_with_errors_in_place() {
    let input = concat!(
        r#"{"id":"a","text":"MRN 00482913 is back","platform":"x","lang":"en"}"#,
        "\n",
        "this is not json\n",
        r#"{"id":7,"platform":"x"}"#,
        "\n",
        r#"{"text":"Lovely sunrise after a night shift 🌅"}"#,
        "\n",
    );
    let out = primum().args(["check", "--jsonl"]).write_stdin(input).assert().code(1).get_output().stdout.clone();
    let lines: Vec<Value> =
        String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["verdict"], "stop");
    let f = &lines[0]["findings"][0];
    assert_eq!(f["rule"], "patient-privacy/record-number");
    assert_eq!(f["category"], "patient-privacy");
    assert_eq!(f["severity"], "critical");
    assert_eq!(f["spans"][0]["start"], 0);
    assert_eq!(f["spans"][0]["end_utf16"], 12);
    assert!(f["guidance"].as_str().unwrap().contains("HIPAA"));
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("JSON"));
    assert_eq!(lines[2]["line"], 3);
    assert_eq!(lines[2]["id"], 7);
    assert!(lines[2]["error"].as_str().unwrap().contains("text"));
    assert_eq!(lines[3]["id"], Value::Null);
    assert_eq!(lines[3]["verdict"], "ok");
    assert_eq!(lines[3]["findings"], Value::Array(vec![]));
}

#[test]
fn rules_and_explain_come_from_the_same_metadata() {
    let out = primum().arg("rules").assert().code(0).get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.lines().any(|l| l.starts_with("patient-privacy/patient-name")));
    let ex = primum().args(["explain", "patient-privacy/patient-name"]).assert().code(0).get_output().stdout.clone();
    let ex = String::from_utf8(ex).unwrap();
    assert!(ex.contains("AMA Code of Medical Ethics 2.3.2"));
    assert!(ex.contains("Flags:"));
}

#[test]
fn policy_file_disables_a_category() {
    let dir = std::env::temp_dir().join(format!("primum-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let policy = dir.join("policy.json");
    std::fs::write(&policy, r#"{"disabled":["patient-privacy"]}"#).unwrap();
    primum().args(["check", "--policy"]).arg(&policy).arg("MRN 00482913").assert().code(0);
    std::fs::write(&policy, r#"{"disabled": 5}"#).unwrap();
    primum().args(["check", "--policy"]).arg(&policy).arg("x").assert().code(2);
}

/// Writes a small labelled corpus: `n` mocking posts and `n` acceptable ones.
fn tiny_corpus(dir: &std::path::Path, name: &str, n: usize) -> std::path::PathBuf {
    let mut lines = String::new();
    for i in 0..n {
        let bad = format!("ugh the drug seeker in bay {i} is back again, so dramatic");
        let ok = format!("great teaching session {i} on sepsis today, thanks team");
        for (text, label) in [(bad, "patient-disparagement"), (ok, "none")] {
            let post = serde_json::json!({"id": format!("{name}{i}{label}"), "text": text, "labels": [label]});
            lines.push_str(&post.to_string());
            lines.push('\n');
        }
    }
    let path = dir.join(name);
    std::fs::write(&path, lines).unwrap();
    path
}

#[test]
fn train_reports_each_held_out_corpus_and_writes_weights_that_load() {
    let dir = tempfile::tempdir().unwrap();
    let a = tiny_corpus(dir.path(), "a.jsonl", 6);
    let b = tiny_corpus(dir.path(), "b.jsonl", 6);
    let out = dir.path().join("weights.txt");
    let run = primum().arg("train").arg(&a).arg(&b).arg("-o").arg(&out).assert().code(0).get_output().stdout.clone();
    let text = String::from_utf8(run).unwrap();
    assert!(text.contains("a.jsonl") && text.contains("b.jsonl") && text.contains("all folds"), "{text}");
    let weights = std::fs::read_to_string(&out).unwrap();
    let model = primum_core::rules::learned::model::Model::parse(&weights).unwrap();
    assert!(model.weight_count() > 0, "{weights}");
    assert!(weights.contains("[patient-disparagement]"));
}

#[test]
fn train_needs_two_corpora_and_names_a_bad_line() {
    let dir = tempfile::tempdir().unwrap();
    let a = tiny_corpus(dir.path(), "a.jsonl", 2);
    let out = primum().arg("train").arg(&a).assert().code(2).get_output().stderr.clone();
    assert!(String::from_utf8(out).unwrap().contains("at least two corpora"));
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"id\":\"x\",\"text\":\"hi\",\"labels\":[\"none\"]}\nnot json\n").unwrap();
    let out = primum().arg("train").arg(&a).arg(&bad).assert().code(2).get_output().stderr.clone();
    assert!(String::from_utf8(out).unwrap().contains("bad.jsonl:2"));
}
