//! `primum audit` end to end: every format, every output, every error and exit code. The
//! archives are generated into a temporary directory by `primum generate-archive`.

use assert_cmd::Command;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn primum() -> Command {
    Command::cargo_bin("primum").expect("the primum binary is built")
}

fn generate(dir: &Path, site: &str, posts: usize, single: bool) -> PathBuf {
    let name = match (site, single) {
        ("x", true) => "tweets.js",
        ("facebook", true) => "your_posts__check_ins__photos_and_videos_1.json",
        ("linkedin", true) => "Shares.csv",
        _ => "download.zip",
    };
    let sub = dir.join(format!("{site}-{posts}-{single}"));
    std::fs::create_dir_all(&sub).unwrap();
    let out = sub.join(name);
    let mut cmd = primum();
    cmd.args(["generate-archive", "--site", site, "--posts", &posts.to_string()]);
    if single {
        cmd.arg("--single");
    }
    cmd.arg(&out).assert().success();
    out
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn audit(args: &[&str], path: &Path) -> Run {
    let out = primum().arg("audit").args(args).arg(path).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn json(args: &[&str], path: &Path) -> Value {
    let mut a = vec!["--format", "json"];
    a.extend_from_slice(args);
    let r = audit(&a, path);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", r.stdout, r.stderr))
}

fn texts(v: &Value) -> Vec<String> {
    v["posts"].as_array().unwrap().iter().map(|p| p["post"]["text"].as_str().unwrap().to_string()).collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn zip_of(dir: &Path, name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (n, b) in files {
        w.start_file(*n, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(b).unwrap();
    }
    write(dir, name, &w.finish().unwrap().into_inner())
}

#[test]
fn every_site_as_zip_and_as_single_file() {
    let dir = TempDir::new().unwrap();
    for site in ["x", "facebook", "linkedin"] {
        for single in [false, true] {
            let path = generate(dir.path(), site, 240, single);
            let r = audit(&[], &path);
            assert_eq!(r.code, 1, "{site} single={single}: risky posts are flagged\n{}{}", r.stdout, r.stderr);
            assert!(r.stdout.contains("verdict: stop"), "{}", r.stdout);
            assert!(r.stdout.contains("patient-privacy"), "{}", r.stdout);
            assert!(r.stderr.is_empty(), "no progress bar or warnings when not a terminal: {}", r.stderr);
            let v = json(&["--all"], &path);
            let n = v["totals"]["posts"].as_u64().unwrap();
            // Facebook and LinkedIn zips hold posts and comments; the single file holds the posts.
            let expected = if single && site != "x" { 180 } else { 240 };
            assert_eq!(n, expected, "{site} single={single}");
            assert_eq!(v["posts"].as_array().unwrap().len() as u64, n);
            assert_eq!(v["partial"], false);
            let flagged = v["totals"]["flagged"].as_u64().unwrap();
            assert!(flagged > n / 20 && flagged < n / 3, "{site}: {flagged} of {n} flagged");
            assert_eq!(v["posts"][0]["post"]["site"], site);
        }
    }
}

#[test]
fn text_is_repaired_and_keeps_unicode() {
    let dir = TempDir::new().unwrap();
    let fb = texts(&json(&["--all"], &generate(dir.path(), "facebook", 400, false)));
    assert!(fb.iter().any(|t| t.contains("Très belle journée")), "Facebook mojibake repaired");
    assert!(fb.iter().any(|t| t.contains("👩🏽‍⚕️")), "emoji with joiners survive");
    assert!(!fb.iter().any(|t| t.contains('Ã') || t.contains('ð')), "no mojibake left");
    let x = texts(&json(&["--all"], &generate(dir.path(), "x", 400, false)));
    assert!(x.iter().any(|t| t.contains("hand hygiene & ward rounds <3")), "X's HTML entities undone");
    assert!(x.iter().any(|t| t.contains("رمضان كريم")));
    let li = texts(&json(&["--all"], &generate(dir.path(), "linkedin", 400, false)));
    assert!(li.iter().any(|t| t.contains("\n\nWhat do you think? \"Comments\" welcome")), "quoted CSV with newlines");
}

#[test]
fn json_reports_every_post_with_its_report() {
    let dir = TempDir::new().unwrap();
    let path = generate(dir.path(), "x", 200, false);
    let v = json(&[], &path);
    assert_eq!(v["verdict"], "stop");
    let posts = v["posts"].as_array().unwrap();
    assert_eq!(posts.len() as u64, v["totals"]["flagged"].as_u64().unwrap(), "without --all only flagged posts");
    let p = &posts[0];
    assert!(p["post"]["permalink"].as_str().unwrap().starts_with("https://x.com/i/web/status/"));
    assert!(p["post"]["date"].as_str().unwrap().ends_with('Z'));
    assert!(p["report"]["findings"][0]["rule"].is_string());
    assert_eq!(v["totals"]["by_category"].as_array().unwrap().len(), 10);
    assert!(v["totals"]["by_year"][0]["year"].as_str().unwrap() >= "2012");
    assert_eq!(v["sources"][0]["posts"], 200);
}

#[test]
fn csv_is_one_row_per_finding_and_safe_in_spreadsheets() {
    let dir = TempDir::new().unwrap();
    let path = generate(dir.path(), "linkedin", 300, false);
    let r = audit(&["--format", "csv", "--all"], &path);
    assert_eq!(r.code, 1);
    assert!(r.stdout.starts_with(
        "site,kind,id,date,permalink,verdict,severity,category,rule,message,excerpt,guidance,text,file\n"
    ));
    assert!(r.stdout.contains(",'@everyone the rota"), "a leading @ is neutralised");
    assert!(r.stdout.contains(",\"'+1 to this thread"), "a leading + is neutralised");
    assert!(r.stdout.contains(",\"'- Wash hands\n- Wear masks"), "a leading - is neutralised and the newline quoted");
    assert!(!r.stdout.contains(",@everyone") && !r.stdout.contains(",\"+1 to"));
    assert!(r.stdout.contains("\"\"Comments\"\""), "quotes doubled");
    let flagged = audit(&["--format", "csv"], &path).stdout;
    assert!(flagged.lines().skip(1).all(|l| !l.starts_with("linkedin,post,") || !l.contains(",ok,")));
}

#[test]
fn sarif_2_1_0_with_rule_ids() {
    let dir = TempDir::new().unwrap();
    let path = generate(dir.path(), "facebook", 200, false);
    let r = audit(&["--format", "sarif"], &path);
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "primum");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.len() > 20);
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for res in results {
        let id = res["ruleId"].as_str().unwrap();
        let index = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], id);
        assert!(["error", "warning", "note"].contains(&res["level"].as_str().unwrap()));
        assert!(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .contains("download.zip/"));
    }
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn harmless_posts_exit_zero_and_output_file() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "tweets.js",
        "window.YTD.tweets.part0 = [{\"tweet\": {\"id_str\": \"1\", \"full_text\": \"Great journal club today on sepsis bundles 📚\", \"created_at\": \"Wed Oct 10 20:19:24 +0000 2018\"}}]".as_bytes(),
    );
    let r = audit(&[], &path);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("verdict: ok (0 of 1 posts flagged"), "{}", r.stdout);
    let out = dir.path().join("report.json");
    let r = primum().args(["audit", "--format", "json", "-o"]).arg(&out).arg(&path).output().unwrap();
    assert_eq!(r.status.code(), Some(0));
    assert!(r.stdout.is_empty());
    let v: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(v["totals"]["posts"], 1);
    let r = primum().args(["audit", "-o"]).arg(dir.path().join("no/such/dir/r.txt")).arg(&path).output().unwrap();
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("could not create the report file"));
}

#[test]
fn a_truncated_file_gives_partial_results() {
    let dir = TempDir::new().unwrap();
    let full = std::fs::read(generate(dir.path(), "x", 100, true)).unwrap();
    let cut = write(dir.path(), "tweets.js", &full[..full.len() * 2 / 3]);
    let r = audit(&["--format", "json", "--all"], &cut);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    assert!(r.stderr.contains("primum: skipped ") && r.stderr.contains("cut short"), "{}", r.stderr);
    assert!(r.stderr.contains("partial results"), "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["partial"], true);
    let n = v["totals"]["posts"].as_u64().unwrap();
    assert!(n > 50 && n < 100, "{n}");
    assert!(v["skipped"][0]["file"].as_str().unwrap().ends_with("tweets.js"));
}

#[test]
fn a_damaged_zip_entry_is_skipped_and_the_rest_read() {
    let dir = TempDir::new().unwrap();
    let tweets = std::fs::read(generate(dir.path(), "x", 300, true)).unwrap();
    let shares = b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n2020-01-01 10:00:00,,\"Mr. Jones in bed 4 finally got his MRI\",,,PUBLIC\n";
    let path = zip_of(dir.path(), "mixed.zip", &[("data/tweets.js", &tweets), ("Shares.csv", shares)]);
    let mut bytes = std::fs::read(&path).unwrap();
    for b in &mut bytes[200..260] {
        *b ^= 0x55;
    }
    std::fs::write(&path, &bytes).unwrap();
    let r = audit(&[], &path);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("skipped ") && r.stderr.contains("mixed.zip/data/tweets.js"), "{}", r.stderr);
    assert!(r.stdout.contains("partial, 1 skipped"), "{}", r.stdout);
}

fn fails(path: &Path, needles: &[&str]) {
    let r = audit(&[], path);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.starts_with("primum: "), "{}", r.stderr);
    assert!(r.stderr.contains(&path.display().to_string()), "names the file: {}", r.stderr);
    for n in needles {
        assert!(r.stderr.contains(n), "expected {n:?} in: {}", r.stderr);
    }
    assert!(!r.stderr.contains("panicked"));
}

#[test]
fn bad_input_is_a_clear_error_with_exit_2() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    // A broken zip: the download cut in half.
    let zip = std::fs::read(generate(d, "facebook", 200, false)).unwrap();
    fails(&write(d, "cut.zip", &zip[..zip.len() / 2]), &["this zip cannot be read", "download it again"]);
    // A wrong file.
    fails(
        &write(d, "photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        &["not an export Primum can audit", "PNG image", "data/tweets.js"],
    );
    fails(&write(d, "notes.txt", b"just some notes\n"), &["neither JSON nor CSV"]);
    fails(&write(d, "like.js", b"window.YTD.like.part0 = [ ]"), &["'like' data of an X archive"]);
    fails(&write(d, "empty.json", b""), &["empty"]);
    // Truncated JSON before the first complete post.
    fails(
        &write(d, "comments.json", b"{\"comments_v2\": [ {\"timestamp\": 16"),
        &["Facebook's comments.json", "cut short"],
    );
    fails(
        &write(d, "tweets.js", b"window.YTD.tweets.part0 = [ {\"tweet\" : {\"full_text\" : \"hel"),
        &["X's tweets.js", "cut short"],
    );
    // Other sites' exports.
    fails(
        &zip_of(d, "instagram.zip", &[("your_instagram_activity/content/posts_1.json", b"[]")]),
        &["Instagram export"],
    );
    fails(&zip_of(d, "mastodon.zip", &[("outbox.json", b"{}"), ("actor.json", b"{}")]), &["Mastodon"]);
    fails(
        &write(d, "reddit_comments.csv", b"id,permalink,date,ip,subreddit,gildings,link,parent,body,media\n"),
        &["Reddit"],
    );
    fails(
        &zip_of(d, "fb-html.zip", &[("your_activity_across_facebook/posts/your_posts_1.html", b"<html>")]),
        &["HTML format"],
    );
    // Not there, a directory.
    fails(&d.join("missing.zip"), &["cannot read it"]);
    let empty = d.join("empty-folder");
    std::fs::create_dir(&empty).unwrap();
    std::fs::write(empty.join("notes.txt"), b"hi").unwrap();
    fails(&empty, &["a folder of notes.txt, with no posts files in it"]);
}

#[test]
fn an_unpacked_download_is_read_as_a_folder() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("facebook-unpacked");
    let posts = root.join("your_activity_across_facebook/posts");
    std::fs::create_dir_all(&posts).unwrap();
    let file = generate(dir.path(), "facebook", 120, true);
    std::fs::copy(&file, posts.join("your_posts__check_ins__photos_and_videos_1.json")).unwrap();
    std::fs::write(root.join("profile.json"), b"{}").unwrap();
    std::fs::write(posts.join("your_posts_2.json"), b"[{\"timestamp\": 1, \"da").unwrap();
    let r = audit(&["--format", "json"], &root);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["totals"]["posts"], 90);
    assert_eq!(v["partial"], true);
    assert!(r.stderr.contains("your_posts_2.json") && r.stderr.contains("cut short"), "{}", r.stderr);
}

#[test]
fn a_2_gb_file_is_refused_before_it_is_read() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("tweets.js");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(2 << 30).unwrap(); // sparse: no disk used
    drop(f);
    fails(&path, &["2 GiB is more than the 512 MiB Primum reads from one file"]);
    // A 2 GB "zip" that is not one fails on its structure, without being read into memory.
    let zpath = dir.path().join("huge.zip");
    let f = std::fs::File::create(&zpath).unwrap();
    f.set_len(2 << 30).unwrap();
    drop(f);
    let r = audit(&[], &zpath);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("huge.zip"), "{}", r.stderr);
}

#[test]
fn several_paths_and_one_bad() {
    let dir = TempDir::new().unwrap();
    let good = generate(dir.path(), "linkedin", 100, false);
    let bad = write(dir.path(), "photo.png", b"\x89PNG\r\n\x1a\n");
    let out = primum().args(["audit", "--format", "json"]).arg(&good).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("skipped") && stderr.contains("photo.png") && stderr.contains("PNG image"), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["partial"], true);
    assert_eq!(v["totals"]["posts"], 100);
}

#[test]
fn usage_errors_exit_2() {
    primum().arg("audit").assert().code(2);
    let dir = TempDir::new().unwrap();
    let path = generate(dir.path(), "x", 10, true);
    primum().args(["audit", "--format", "xml"]).arg(&path).assert().code(2);
    let policy = write(dir.path(), "policy.json", b"{not json");
    let out = primum().args(["audit", "--policy"]).arg(&policy).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_policy_changes_the_audit() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "tweets.js",
        br#"window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "Mr. Jones in bed 4 finally got his MRI"}}]"#,
    );
    assert_eq!(audit(&[], &path).code, 1);
    let policy = write(dir.path(), "policy.json", br#"{"disabled": ["patient-privacy"]}"#);
    let out = primum().args(["audit", "--policy"]).arg(&policy).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
}
