//! `primum generate-archive` (hidden): writes synthetic data downloads of X, Facebook and
//! LinkedIn with N invented posts, for tests and benchmarks. Deterministic for a given seed;
//! every text is invented (the rule book's own examples plus harmless clinical chatter), so
//! no real person's data is ever needed.
//!
//! The files follow the real formats: X's `data/tweets.js` (`window.YTD.tweets.part0 = …`,
//! HTML entities in `full_text`), Facebook's JSON with every non-ASCII byte escaped as
//! `\u00XX` (its mojibake), LinkedIn's CSV with quoted fields spanning lines.

use crate::UserError;
use primum_core::rules;
use std::fmt::Write as _;
use std::io::{Cursor, Write};
use std::path::Path;
use std::process::ExitCode;

/// The site whose download to imitate.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub(crate) enum GenSite {
    X,
    Facebook,
    Linkedin,
}

/// Harmless posts a clinician might write, with non-ASCII, emoji and characters the formats escape.
const HARMLESS: &[&str] = &[
    "Great journal club today on sepsis bundles 📚 thanks to everyone who came",
    "Reminder: flu shots are available at our clinic this week 💉",
    "Proud of our residents — ¡felicidades a todos! 🎉",
    "New paper out on hand hygiene & ward rounds <3 link in bio",
    "Conference in São Paulo next month: who else is going? ✈️",
    "Très belle journée de formation en pédiatrie à Genève 🇨🇭",
    "Night shift done. Coffee ☕ and sleep 😴",
    "Our team ran the 10k for the children's hospital 🏃‍♀️🏃 raised €2,340!",
    "Read: \"Why checklists work\" — a classic for every ward",
    "Happy Nurses' Day to the best team in Zürich 👩‍⚕️👨‍⚕️",
    "Teaching the students about ECGs today, 心電図 in Japanese",
    "Grand rounds moved to 8:00, room B",
    "+1 to this thread on burnout, we need more support for trainees",
    "@everyone the rota for December is out",
    "- Wash hands\n- Wear masks\n- Stay home if sick",
    "Ramadan kareem to all colleagues observing 🌙 رمضان كريم",
    "Ελπίζω να σας δω στο συνέδριο, great talk on antibiotics",
    "Simple, evidence-based advice: see your own doctor about any symptoms",
];

/// Decorations appended to some posts: accents, scripts, emoji (some with joiners and flags).
const TAILS: &[&str] = &[" 🙂", " — merci!", " 👩🏽‍⚕️", " #MedTwitter", " (naïve question?)", " 💪🏿", " 🇧🇷", " 东京", ""];

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Invented post texts: about one in six from the rule book's flagged examples.
struct Texts {
    risky: Vec<&'static str>,
    rng: Rng,
}

impl Texts {
    fn new(seed: u64) -> Texts {
        let risky = rules::metas().into_iter().flat_map(|m| m.bad.iter().copied()).collect();
        Texts { risky, rng: Rng(seed) }
    }

    fn next(&mut self) -> String {
        let base = if self.rng.below(6) == 0 && !self.risky.is_empty() {
            self.risky[self.rng.below(self.risky.len())]
        } else {
            HARMLESS[self.rng.below(HARMLESS.len())]
        };
        let tail = TAILS[self.rng.below(TAILS.len())];
        format!("{base}{tail}")
    }

    /// Unix seconds between 2012 and 2025, increasing with `i`.
    fn time(&mut self, i: usize, n: usize) -> i64 {
        let (start, span) = (1_325_376_000i64, 14 * 365 * 86_400i64);
        start + (span as f64 * i as f64 / n.max(1) as f64) as i64 + self.rng.below(3600) as i64
    }
}

/// `Wed Oct 10 20:19:24 +0000 2018` from Unix seconds.
fn x_date(secs: i64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let days = secs.div_euclid(86_400);
    let (y, m, d) = civil(days);
    let s = secs.rem_euclid(86_400);
    format!(
        "{} {} {d:02} {:02}:{:02}:{:02} +0000 {y}",
        DAYS[days.rem_euclid(7) as usize],
        MONTHS[m as usize - 1],
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

fn civil(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn linkedin_date(secs: i64) -> String {
    let (y, m, d) = civil(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!("{y}-{m:02}-{d:02} {:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// A JSON string literal as X writes it (raw UTF-8).
fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// A JSON string literal as Facebook writes it: every non-ASCII UTF-8 byte as `\u00XX`.
fn fb_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if c.is_ascii() => out.push(c),
            c => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "\\u00{b:02x}");
                }
            }
        }
    }
    out.push('"');
    out
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A CSV field, always quoted (as LinkedIn does for text), quotes doubled.
fn csv_field(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// X's `data/tweets.js` with `n` tweets (about one in ten a reply, one in twenty a retweet).
fn x_tweets(n: usize, seed: u64) -> String {
    let mut t = Texts::new(seed);
    let mut out = String::with_capacity(n * 900);
    out.push_str("window.YTD.tweets.part0 = [");
    for i in 0..n {
        let id = 1_000_000_000_000_000_000u64 + (i as u64) * 7919;
        let mut text = t.next();
        let kind = t.rng.below(20);
        if kind == 0 {
            text = format!("RT @colleague_{}: {text}", t.rng.below(500));
        }
        let reply = if kind == 1 || kind == 2 {
            format!(
                "\n    \"in_reply_to_status_id_str\" : \"{}\",\n    \"in_reply_to_screen_name\" : \"colleague\",",
                id - 1
            )
        } else {
            String::new()
        };
        let len = text.chars().count();
        let _ = write!(
            out,
            r#"{sep}
  {{
  "tweet" : {{
    "edit_info" : {{ "initial" : {{ "editTweetIds" : [ "{id}" ], "editableUntil" : "2023-01-01T00:00:00.000Z", "editsRemaining" : "5", "isEditEligible" : true }} }},
    "retweeted" : false,
    "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
    "entities" : {{ "hashtags" : [ ], "symbols" : [ ], "user_mentions" : [ ], "urls" : [ ] }},
    "display_text_range" : [ "0", "{len}" ],
    "favorite_count" : "{fav}",
    "id_str" : "{id}",{reply}
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "{id}",
    "created_at" : "{date}",
    "favorited" : false,
    "full_text" : {text},
    "lang" : "en"
  }}
}}"#,
            sep = if i == 0 { "" } else { "," },
            fav = t.rng.below(40),
            date = x_date(t.time(i, n)),
            text = json_str(&html_escape(&text)),
        );
    }
    out.push_str("\n]");
    out
}

/// Facebook's `your_posts_*.json` (posts) and `comments.json`, in its mojibake.
fn facebook_files(n: usize, seed: u64) -> (String, String) {
    let mut t = Texts::new(seed);
    let comments = n / 4;
    let posts = n - comments;
    let mut p = String::with_capacity(posts * 300);
    p.push('[');
    for i in 0..posts {
        let ts = t.time(i, posts);
        let text = t.next();
        let photo = t.rng.below(25) == 0;
        let _ = write!(
            p,
            "{}\n  {{\n    \"timestamp\": {ts},\n    \"data\": [\n      {{\n        \"post\": {}\n      }},\n      {{\n        \"update_timestamp\": {ts}\n      }}\n    ],\n    \"title\": {}\n  }}",
            if i == 0 { "" } else { "," },
            fb_str(&text),
            fb_str("Dr Élodie Exemple updated her status."),
        );
        if photo {
            let _ = write!(
                p,
                ",\n  {{\n    \"timestamp\": {ts},\n    \"attachments\": [\n      {{\n        \"data\": [\n          {{\n            \"media\": {{\n              \"uri\": \"your_activity_across_facebook/posts/media/photo_{i}.jpg\",\n              \"creation_timestamp\": {ts}\n            }}\n          }}\n        ]\n      }}\n    ],\n    \"title\": {}\n  }}",
                fb_str("Dr Élodie Exemple added a new photo.")
            );
        }
    }
    p.push_str("\n]");
    let mut c = String::with_capacity(comments * 300 + 32);
    c.push_str("{\n  \"comments_v2\": [");
    for i in 0..comments {
        let ts = t.time(i, comments);
        let _ = write!(
            c,
            "{}\n    {{\n      \"timestamp\": {ts},\n      \"data\": [\n        {{\n          \"comment\": {{\n            \"timestamp\": {ts},\n            \"comment\": {},\n            \"author\": {}\n          }}\n        }}\n      ],\n      \"title\": {}\n    }}",
            if i == 0 { "" } else { "," },
            fb_str(&t.next()),
            fb_str("Élodie Exemple"),
            fb_str("Élodie Exemple commented on Zoë Muster's post."),
        );
    }
    c.push_str("\n  ]\n}");
    (p, c)
}

/// LinkedIn's `Shares.csv` and `Comments.csv`, quoted, with multi-line fields.
fn linkedin_files(n: usize, seed: u64) -> (String, String) {
    let mut t = Texts::new(seed);
    let comments = n / 4;
    let shares = n - comments;
    let mut s = String::from("Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n");
    for i in 0..shares {
        let mut text = t.next();
        if t.rng.below(4) == 0 {
            text = format!("{text}\n\nWhat do you think? \"Comments\" welcome, as always.");
        }
        let _ = writeln!(
            s,
            "{},https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A{},{},,,{}",
            linkedin_date(t.time(i, shares)),
            7_000_000_000_000_000_000u64 + i as u64,
            csv_field(&text),
            if t.rng.below(2) == 0 { "MEMBER_NETWORK" } else { "PUBLIC" }
        );
    }
    let mut c = String::from("Date,Link,Message\n");
    for i in 0..comments {
        let _ = writeln!(
            c,
            "{},https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A{},{}",
            linkedin_date(t.time(i, comments)),
            6_000_000_000_000_000_000u64 + i as u64,
            csv_field(&t.next())
        );
    }
    (s, c)
}

fn zip_files(files: &[(&str, &[u8])]) -> Result<Vec<u8>, String> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6));
    for (name, bytes) in files {
        w.start_file(*name, opts).map_err(|e| e.to_string())?;
        w.write_all(bytes).map_err(|e| e.to_string())?;
    }
    Ok(w.finish().map_err(|e| e.to_string())?.into_inner())
}

/// The files of a download: (path inside the zip, content).
pub(crate) fn files(site: GenSite, n: usize, seed: u64) -> Vec<(&'static str, Vec<u8>)> {
    match site {
        GenSite::X => vec![
            ("Your archive.html", b"<!DOCTYPE html><html><body>Your archive (synthetic)</body></html>".to_vec()),
            (
                "data/manifest.js",
                b"window.__THAR_CONFIG = {\n  \"userInfo\" : { \"userName\" : \"dr_example\" }\n}".to_vec(),
            ),
            (
                "data/account.js",
                b"window.YTD.account.part0 = [ { \"account\" : { \"username\" : \"dr_example\" } } ]".to_vec(),
            ),
            ("data/like.js", b"window.YTD.like.part0 = [ ]".to_vec()),
            ("data/tweets.js", x_tweets(n, seed).into_bytes()),
        ],
        GenSite::Facebook => {
            let (posts, comments) = facebook_files(n, seed);
            vec![
                (
                    "personal_information/profile_information/profile_information.json",
                    format!("{{\"profile_v2\": {{\"name\": {{\"full_name\": {}}}}}}}", fb_str("Élodie Exemple"))
                        .into_bytes(),
                ),
                (
                    "your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json",
                    posts.into_bytes(),
                ),
                ("your_activity_across_facebook/comments_and_reactions/comments.json", comments.into_bytes()),
            ]
        }
        GenSite::Linkedin => {
            let (shares, comments) = linkedin_files(n, seed);
            vec![
                ("Profile.csv", b"First Name,Last Name,Headline\nElodie,Exemple,\"Physician, educator\"\n".to_vec()),
                ("Shares.csv", shares.into_bytes()),
                ("Comments.csv", comments.into_bytes()),
            ]
        }
    }
}

/// Writes the download (or, with `single`, only its main posts file) to `out`.
pub(crate) fn run(site: GenSite, posts: usize, seed: u64, single: bool, out: &Path) -> Result<ExitCode, UserError> {
    let files = files(site, posts, seed);
    let bytes = if single {
        let main = match site {
            GenSite::X => "data/tweets.js",
            GenSite::Facebook => "your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json",
            GenSite::Linkedin => "Shares.csv",
        };
        files.into_iter().find(|(n, _)| *n == main).map(|(_, b)| b).unwrap_or_default()
    } else {
        let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
        zip_files(&refs).map_err(|e| UserError(format!("could not build the zip: {e}")))?
    };
    std::fs::write(out, bytes).map_err(|e| UserError(format!("could not write {}: {e}", out.display())))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_match_x() {
        assert_eq!(x_date(1_539_202_764), "Wed Oct 10 20:19:24 +0000 2018");
        assert_eq!(linkedin_date(1_539_202_764), "2018-10-10 20:19:24");
    }

    #[test]
    fn facebook_escapes_like_facebook() {
        assert_eq!(fb_str("é \"😀\""), r#""\u00c3\u00a9 \"\u00f0\u009f\u0098\u0080\"""#);
    }

    #[test]
    fn deterministic() {
        assert_eq!(x_tweets(50, 7), x_tweets(50, 7));
        assert_ne!(x_tweets(50, 7), x_tweets(50, 8));
    }
}
