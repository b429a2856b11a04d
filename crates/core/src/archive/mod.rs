//! Reading what a clinician already published: the data downloads of X, Facebook and LinkedIn.
//!
//! The parsers are pure: bytes in, [`Post`]s out, no file system. [`parse`] takes one file —
//! the zip the site hands out, or a single file from it — detects the format from its content
//! and name, and returns an [`Audit`]: the posts it could read plus what it had to skip and why.
//! [`AuditReport`] then runs a [`Checker`](crate::Checker) over every post and adds totals per
//! category and per year.
//!
//! | site | file | shape |
//! | --- | --- | --- |
//! | X | `data/tweets.js` (also `tweet.js`, `tweets-part1.js`) | `window.YTD.tweets.part0 = [{"tweet": {"id_str", "full_text", "created_at"}}]` |
//! | Facebook | `your_posts*.json` | `[{"timestamp", "data": [{"post"}], "title"}]`, text in Facebook's Latin-1 mojibake |
//! | Facebook | `comments.json` | `{"comments_v2": [{"timestamp", "data": [{"comment": {"comment", "timestamp"}}]}]}` |
//! | Facebook | `your_posts_in_groups.json`, `your_comments_in_groups.json` | the same under `group_posts_v2`, `group_comments_v2` |
//! | LinkedIn | `Shares.csv` | `Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility` |
//! | LinkedIn | `Comments.csv` | `Date,Link,Message` |
//!
//! ```
//! let tweets = br#"window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "Journal club at 5 &amp; pizza",
//!     "created_at": "Wed Oct 10 20:19:24 +0000 2018"}}]"#;
//! let audit = primum_core::archive::parse("tweets.js", tweets).unwrap();
//! assert_eq!(audit.posts[0].text, "Journal club at 5 & pizza");
//! assert_eq!(audit.posts[0].date.as_deref(), Some("2018-10-10T20:19:24Z"));
//! ```

mod export;
mod facebook;
mod json;
mod linkedin;
mod report;
mod x;
mod zip;

pub use self::export::{csv_cell, excerpt, listed, write_csv, write_json, CSV_HEADER};
pub use self::facebook::repair_mojibake;
pub use self::report::{context_for, AuditReport, AuditedPost, CategoryTotal, Checking, Totals, YearTotal};
pub use self::zip::{describe_other, is_posts_file, parse_zip};

use serde::{Deserialize, Serialize};
use std::fmt;
use std::io::{Read, Seek, SeekFrom};

/// The most Primum reads from one file, or from one entry of a zip once decompressed
/// (512 MiB). Larger entries are skipped with a reason; a larger single file is refused.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// What Primum can audit, for error messages.
pub const EXPECTED: &str = "expected the zip X, Facebook or LinkedIn gives you when you download your data, \
or one file from it: X's data/tweets.js, Facebook's your_posts*.json or comments.json (JSON format), \
LinkedIn's Shares.csv or Comments.csv";

/// The site a post was published on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Site {
    /// X (Twitter).
    X,
    /// Facebook.
    Facebook,
    /// LinkedIn.
    Linkedin,
}

impl Site {
    /// The stable id: `x`, `facebook` or `linkedin` (also the checker's `Context::platform`).
    pub const fn id(self) -> &'static str {
        match self {
            Site::X => "x",
            Site::Facebook => "facebook",
            Site::Linkedin => "linkedin",
        }
    }

    /// The name people know: `X`, `Facebook`, `LinkedIn`.
    pub const fn name(self) -> &'static str {
        match self {
            Site::X => "X",
            Site::Facebook => "Facebook",
            Site::Linkedin => "LinkedIn",
        }
    }
}

impl fmt::Display for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// What kind of publication a post is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An original post (a tweet, a status update, a share).
    Post,
    /// A reply to another post (X).
    Reply,
    /// A repost of someone else's words (X's `RT @…`).
    Repost,
    /// A comment on a post (Facebook, LinkedIn).
    Comment,
}

impl Kind {
    /// The stable id: `post`, `reply`, `repost` or `comment`.
    pub const fn id(self) -> &'static str {
        match self {
            Kind::Post => "post",
            Kind::Reply => "reply",
            Kind::Repost => "repost",
            Kind::Comment => "comment",
        }
    }
}

/// One published text, as read from an export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Post {
    /// Where it was published.
    pub site: Site,
    /// Post, reply, repost or comment.
    pub kind: Kind,
    /// The site's id when the export has one (X, LinkedIn), else `file#item`.
    pub id: String,
    /// When, as ISO 8601 in UTC (`2018-10-10T20:19:24Z`), when the export says.
    pub date: Option<String>,
    /// A link to it on the site, when the export gives one.
    pub permalink: Option<String>,
    /// The text, repaired (HTML entities on X, mojibake on Facebook).
    pub text: String,
    /// The file it was read from (`archive.zip/data/tweets.js`).
    pub file: String,
}

impl Post {
    /// The year it was published (`"2018"`), when the date is known.
    pub fn year(&self) -> Option<&str> {
        self.date.as_deref().and_then(|d| d.get(..4)).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
    }
}

/// Something that could not be read, so the results are partial.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// The file (`archive.zip/data/tweets.js`), with the item when it is one item.
    pub file: String,
    /// What went wrong, for a person.
    pub reason: String,
}

/// A file that was read, and how many posts came from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The file (`archive.zip/data/tweets.js`).
    pub file: String,
    /// The site whose export it is.
    pub site: Site,
    /// How many posts it held (with text).
    pub posts: usize,
    /// Items without text to check (a photo, a link or a check-in alone), not audited.
    pub without_text: usize,
}

/// What [`parse`] read: the posts, the files they came from and what was skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audit {
    /// Every post with text, in file order.
    pub posts: Vec<Post>,
    /// The files read.
    pub sources: Vec<Source>,
    /// What could not be read (files, entries, items), with the reason.
    pub skipped: Vec<Skipped>,
}

impl Audit {
    /// Appends another audit (another file of the same download).
    pub fn extend(&mut self, other: Audit) {
        self.posts.extend(other.posts);
        self.sources.extend(other.sources);
        self.skipped.extend(other.skipped);
    }
}

/// Why a file could not be audited at all. The message names the file and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArchiveError {
    /// The content is not an export Primum reads; `found` says what it looks like.
    NotAnExport {
        /// The file.
        file: String,
        /// What it looks like instead (`an Instagram export`, `a PNG image`, …).
        found: String,
    },
    /// A zip whose structure cannot be read (cut short, corrupt, not a zip).
    BrokenZip {
        /// The file.
        file: String,
        /// What the zip reader said.
        detail: String,
    },
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// The file.
        file: String,
        /// Its size in bytes (at least; a stream stops counting past the limit).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A file of a known format of which nothing could be read (e.g. cut short at the start).
    Unreadable {
        /// The file.
        file: String,
        /// The format it was read as (`X's tweets.js`).
        expected: String,
        /// What went wrong.
        detail: String,
    },
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArchiveError::NotAnExport { file, found } => {
                write!(f, "{file}: this is not an export Primum can audit ({found}); {EXPECTED}")
            }
            ArchiveError::BrokenZip { file, detail } => write!(
                f,
                "{file}: this zip cannot be read ({detail}); expected the zip X, Facebook or LinkedIn gave you, \
                 complete (download it again if it was cut short)"
            ),
            ArchiveError::TooLarge { file, size, limit } => write!(
                f,
                "{file}: {} is more than the {} Primum reads from one file; expected a data export \
                 (pass the zip the site gave you, or the posts file from it: data/tweets.js, your_posts*.json, Shares.csv)",
                human_bytes(*size),
                human_bytes(*limit)
            ),
            ArchiveError::Unreadable { file, expected, detail } => {
                write!(f, "{file}: could not read it as {expected}: {detail}")
            }
        }
    }
}

impl std::error::Error for ArchiveError {}

/// `1.5 GiB`, `512 MiB`, `12 KiB`, `300 bytes`.
pub fn human_bytes(n: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (unit, size) in UNITS {
        if n >= size {
            let v = n as f64 / size as f64;
            return if v.fract() == 0.0 { format!("{v:.0} {unit}") } else { format!("{v:.1} {unit}") };
        }
    }
    format!("{n} bytes")
}

/// The formats of a single file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    XTweets,
    FacebookPosts,
    FacebookComments,
    LinkedinShares,
    LinkedinComments,
}

impl Format {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Format::XTweets => "X's tweets.js (window.YTD.tweets.part0 = [...])",
            Format::FacebookPosts => "Facebook's your_posts*.json (a JSON list of posts)",
            Format::FacebookComments => "Facebook's comments.json ({\"comments_v2\": [...]})",
            Format::LinkedinShares => "LinkedIn's Shares.csv (Date,ShareLink,ShareCommentary,...)",
            Format::LinkedinComments => "LinkedIn's Comments.csv (Date,Link,Message)",
        }
    }

    pub(crate) fn site(self) -> Site {
        match self {
            Format::XTweets => Site::X,
            Format::FacebookPosts | Format::FacebookComments => Site::Facebook,
            Format::LinkedinShares | Format::LinkedinComments => Site::Linkedin,
        }
    }
}

/// Whether `bytes` start like a zip archive.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") || bytes.starts_with(b"PK\x07\x08")
}

/// Reads one export file: the zip a site gave, or one posts file from it. `name` is the
/// file's name (used in messages and, with the content, to detect the format).
///
/// Returns the posts that could be read with what was skipped, or an error when nothing
/// could be read at all. Never panics, whatever the bytes.
pub fn parse(name: &str, bytes: &[u8]) -> Result<Audit, ArchiveError> {
    if bytes.len() as u64 > MAX_FILE_BYTES && !is_zip(bytes) {
        return Err(ArchiveError::TooLarge { file: name.into(), size: bytes.len() as u64, limit: MAX_FILE_BYTES });
    }
    if is_zip(bytes) || (lower_name(name).ends_with(".zip") && !looks_textual(bytes)) {
        return parse_zip(name, std::io::Cursor::new(bytes));
    }
    let format = detect(name, bytes)?;
    let mut audit = Audit::default();
    let read = parse_file(format, name, bytes, &mut audit);
    match read {
        Ok(()) => Ok(audit),
        Err(detail) if audit.posts.is_empty() => {
            Err(ArchiveError::Unreadable { file: name.into(), expected: format.describe().into(), detail })
        }
        Err(detail) => {
            audit.skipped.push(Skipped { file: name.into(), reason: detail });
            Ok(audit)
        }
    }
}

/// Reads one export file from a seekable source of `len` bytes (a file on disk, a `File` the
/// user picked in the browser). A zip is read entry by entry and never held whole, so a
/// multi-gigabyte X archive full of media is fine; any other file over [`MAX_FILE_BYTES`] is
/// refused from `len` alone, before it is read. `name` is used as in [`parse`].
pub fn parse_seekable<R: Read + Seek>(name: &str, mut reader: R, len: u64) -> Result<Audit, ArchiveError> {
    let cannot_read = |e: std::io::Error| ArchiveError::Unreadable {
        file: name.into(),
        expected: "a data export".into(),
        detail: e.to_string(),
    };
    let mut magic = [0u8; 4];
    let got = read_up_to(&mut reader, &mut magic).map_err(cannot_read)?;
    let zip_named = lower_name(name).ends_with(".zip") && got == 4 && &magic[..2] == b"PK";
    if is_zip(&magic[..got]) || zip_named {
        reader.seek(SeekFrom::Start(0)).map_err(cannot_read)?;
        return parse_zip(name, reader);
    }
    if len > MAX_FILE_BYTES {
        return Err(ArchiveError::TooLarge { file: name.into(), size: len, limit: MAX_FILE_BYTES });
    }
    let mut bytes = Vec::with_capacity(len as usize);
    bytes.extend_from_slice(&magic[..got]);
    reader.take(MAX_FILE_BYTES + 1 - got as u64).read_to_end(&mut bytes).map_err(cannot_read)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ArchiveError::TooLarge { file: name.into(), size: bytes.len() as u64, limit: MAX_FILE_BYTES });
    }
    parse(name, &bytes)
}

/// Fills `buf` as far as the reader goes; the count read.
fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Parses one file of a known format into `audit`. Item-level problems become [`Skipped`]
/// entries; an `Err` means the rest of the file could not be read (posts before it are kept).
pub(crate) fn parse_file(format: Format, name: &str, bytes: &[u8], audit: &mut Audit) -> Result<(), String> {
    let before = audit.posts.len();
    let mut log = ItemLog::new(name);
    let result = match format {
        Format::XTweets => x::parse(name, bytes, &mut audit.posts, &mut log),
        Format::FacebookPosts => facebook::parse_posts(name, bytes, &mut audit.posts, &mut log),
        Format::FacebookComments => facebook::parse_comments(name, bytes, &mut audit.posts, &mut log),
        Format::LinkedinShares => linkedin::parse(name, bytes, linkedin::Table::Shares, &mut audit.posts, &mut log),
        Format::LinkedinComments => linkedin::parse(name, bytes, linkedin::Table::Comments, &mut audit.posts, &mut log),
    };
    let posts = audit.posts.len() - before;
    let without_text = log.without_text;
    log.finish(audit);
    audit.sources.push(Source { file: name.into(), site: format.site(), posts, without_text });
    result
}

/// Collects item-level problems of one file and reports each reason once, with the items.
pub(crate) struct ItemLog<'a> {
    file: &'a str,
    reasons: Vec<(String, Vec<usize>)>,
    pub(crate) without_text: usize,
}

impl<'a> ItemLog<'a> {
    pub(crate) fn new(file: &'a str) -> ItemLog<'a> {
        ItemLog { file, reasons: Vec::new(), without_text: 0 }
    }

    /// Item `item` (0-based) was skipped for `reason`.
    pub(crate) fn skip(&mut self, item: usize, reason: String) {
        match self.reasons.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, items)) => items.push(item + 1),
            None => self.reasons.push((reason, vec![item + 1])),
        }
    }

    pub(crate) fn finish(self, audit: &mut Audit) {
        for (reason, items) in self.reasons {
            let shown: Vec<String> = items.iter().take(5).map(usize::to_string).collect();
            let more = if items.len() > 5 { format!(" and {} more", items.len() - 5) } else { String::new() };
            let noun = if items.len() == 1 { "item" } else { "items" };
            audit.skipped.push(Skipped { file: format!("{} ({noun} {}{more})", self.file, shown.join(", ")), reason });
        }
    }
}

fn lower_name(name: &str) -> String {
    name.rsplit(['/', '\\']).next().unwrap_or(name).to_ascii_lowercase()
}

fn looks_textual(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(512)];
    !head.is_empty() && std::str::from_utf8(head).is_ok_and(|s| !s.contains('\0'))
        || strip_bom(head).first().is_some_and(|b| matches!(b, b'[' | b'{' | b'w'))
}

pub(crate) fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let b = strip_bom(bytes);
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// Which format a single (non-zip) file is in, from its content first and its name second.
pub(crate) fn detect(name: &str, bytes: &[u8]) -> Result<Format, ArchiveError> {
    let file = name.to_string();
    let lname = lower_name(name);
    let head = trim_start(bytes);
    let not = |found: String| Err(ArchiveError::NotAnExport { file: file.clone(), found });
    if head.is_empty() {
        return not("the file is empty".into());
    }
    if let Some(rest) = head.strip_prefix(b"window.YTD.") {
        let data: String =
            rest.iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').map(|&b| b as char).collect();
        return match data.as_str() {
            "tweets" | "tweet" => Ok(Format::XTweets),
            other => not(format!("this is the '{other}' data of an X archive (data/{other}.js), not the posts")),
        };
    }
    if let Some(found) = sniff_other(head) {
        return not(found.into());
    }
    match head[0] {
        b'[' => detect_json_array(&lname, head).map_or_else(not, Ok),
        b'{' => detect_json_object(&lname, head).map_or_else(not, Ok),
        _ => detect_csv(&lname, head).map_or_else(not, Ok),
    }
}

/// Recognises common files that are not text exports at all.
fn sniff_other(head: &[u8]) -> Option<&'static str> {
    let lower: Vec<u8> = head.iter().take(64).map(u8::to_ascii_lowercase).collect();
    let table: [(&[u8], &str); 9] = [
        (
            b"<!doctype html",
            "an HTML page; if it comes from a Facebook or Instagram download, request it again in JSON format",
        ),
        (b"<html", "an HTML page; if it comes from a Facebook or Instagram download, request it again in JSON format"),
        (b"\x89png", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"gif8", "a GIF image"),
        (b"%pdf", "a PDF document"),
        (b"\x1f\x8b", "a gzip file; unpack it first"),
        (b"rar!", "a RAR archive; Primum reads zip archives"),
        (b"7z\xbc\xaf", "a 7-Zip archive; Primum reads zip archives"),
    ];
    table.iter().find(|(magic, _)| lower.starts_with(magic)).map(|(_, what)| *what)
}

fn detect_json_array(lname: &str, head: &[u8]) -> Result<Format, String> {
    let mut walk = json::Walk::new(head);
    let first: Option<serde_json::Value> = walk.first_array_item();
    match first {
        Some(serde_json::Value::Object(o)) => {
            if o.contains_key("tweet") || (o.contains_key("full_text") && o.contains_key("id_str")) {
                Ok(Format::XTweets)
            } else if o.contains_key("timestamp") && (o.contains_key("data") || o.contains_key("attachments")) {
                Ok(Format::FacebookPosts)
            } else if o.contains_key("media") || o.contains_key("string_map_data") || o.contains_key("string_list_data")
            {
                Err("this looks like an Instagram export; Primum reads X, Facebook and LinkedIn exports".into())
            } else if o.contains_key("timestamp") && o.contains_key("title") {
                Err("this looks like a Facebook file, but not posts or comments (e.g. likes or searches)".into())
            } else {
                Err(format!("a JSON list of objects with keys {}", keys(&o)))
            }
        }
        Some(_) => Err("a JSON list, but not of posts".into()),
        None if lname.starts_with("your_posts") => Ok(Format::FacebookPosts),
        None if lname.starts_with("tweet") => Ok(Format::XTweets),
        None => Err("a JSON list with no posts Primum could recognise".into()),
    }
}

fn detect_json_object(lname: &str, head: &[u8]) -> Result<Format, String> {
    let mut walk = json::Walk::new(head);
    let key = walk.first_key();
    match key.as_deref() {
        Some("comments_v2" | "comments" | "group_comments_v2" | "group_comments") => Ok(Format::FacebookComments),
        Some(k) if k.starts_with("status_updates") || k.starts_with("your_posts") || k.starts_with("group_posts") => {
            Ok(Format::FacebookPosts)
        }
        Some("@context" | "orderedItems") => {
            Err("this looks like a Mastodon (ActivityPub) archive; Primum reads X, Facebook and LinkedIn exports"
                .into())
        }
        Some(k) if k.ends_with("_v2") || k.ends_with("_v3") => {
            Err(format!("this looks like a Facebook or Instagram file about '{k}', not posts or comments"))
        }
        Some(k) => Err(format!("a JSON object starting with key '{k}'")),
        None if lname.contains("comment") => Ok(Format::FacebookComments),
        None => Err("not valid JSON".into()),
    }
}

fn detect_csv(lname: &str, head: &[u8]) -> Result<Format, String> {
    let line_end = head.iter().position(|&b| b == b'\n').unwrap_or(head.len().min(4096));
    let Ok(line) = std::str::from_utf8(&head[..line_end]) else {
        return Err("a binary file, not a text export".into());
    };
    let cols: Vec<String> =
        line.trim_end_matches('\r').split(',').map(|c| c.trim().trim_matches('"').to_ascii_lowercase()).collect();
    let has = |c: &str| cols.iter().any(|x| x == c);
    if has("sharecommentary") {
        Ok(Format::LinkedinShares)
    } else if has("date") && has("link") && has("message") {
        Ok(Format::LinkedinComments)
    } else if has("subreddit") {
        Err("this looks like a Reddit export; Primum reads X, Facebook and LinkedIn exports".into())
    } else if cols.len() > 1 {
        Err(format!("a CSV file with columns {}", line.trim_end_matches('\r').chars().take(120).collect::<String>()))
    } else if lname.ends_with(".js") || lname.ends_with(".json") {
        Err("not valid JSON".into())
    } else {
        Err("a text file that is neither JSON nor CSV".into())
    }
}

fn keys(o: &serde_json::Map<String, serde_json::Value>) -> String {
    let mut ks: Vec<&str> = o.keys().map(String::as_str).take(6).collect();
    ks.sort_unstable();
    ks.join(", ")
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Unix seconds to ISO 8601 UTC; `None` outside years 1970–9999.
pub(crate) fn iso_from_unix(secs: i64) -> Option<String> {
    if !(0..=253_402_300_799).contains(&secs) {
        return None;
    }
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    Some(format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_to_iso() {
        assert_eq!(iso_from_unix(0).as_deref(), Some("1970-01-01T00:00:00Z"));
        assert_eq!(iso_from_unix(1_540_000_000).as_deref(), Some("2018-10-20T01:46:40Z"));
        assert_eq!(iso_from_unix(951_782_400).as_deref(), Some("2000-02-29T00:00:00Z"));
        assert_eq!(iso_from_unix(-1), None);
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_bytes(512 * 1024 * 1024), "512 MiB");
        assert_eq!(human_bytes(2 * 1024 * 1024 * 1024), "2 GiB");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(3), "3 bytes");
    }

    #[test]
    fn detects_formats_by_content() {
        assert_eq!(detect("x", b"window.YTD.tweets.part0 = []"), Ok(Format::XTweets));
        assert_eq!(detect("x", b"\xEF\xBB\xBF window.YTD.tweet.part0 = []"), Ok(Format::XTweets));
        assert_eq!(detect("x", br#"[{"timestamp": 1, "data": []}]"#), Ok(Format::FacebookPosts));
        assert_eq!(detect("x", br#"{"comments_v2": []}"#), Ok(Format::FacebookComments));
        assert_eq!(
            detect("x", b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"),
            Ok(Format::LinkedinShares)
        );
        assert_eq!(detect("x", b"Date,Link,Message\r\n"), Ok(Format::LinkedinComments));
        assert_eq!(detect("your_posts_1.json", b"[]"), Ok(Format::FacebookPosts));
    }

    #[test]
    fn names_what_a_wrong_file_is() {
        let msg = |name: &str, b: &[u8]| detect(name, b).unwrap_err().to_string();
        assert!(msg("like.js", b"window.YTD.like.part0 = []").contains("'like' data of an X archive"));
        assert!(msg("a.png", b"\x89PNG\r\n\x1a\n").contains("PNG image"));
        assert!(msg("posts_1.json", br#"[{"media": [{"uri": "x"}]}]"#).contains("Instagram"));
        assert!(msg("outbox.json", br#"{"@context": "https://www.w3.org/ns/activitystreams"}"#).contains("Mastodon"));
        assert!(
            msg("comments.csv", b"id,permalink,date,ip,subreddit,gildings,link,parent,body,media\n").contains("Reddit")
        );
        assert!(msg("Connections.csv", b"First Name,Last Name,URL\n").contains("CSV file with columns"));
        assert!(msg("empty.json", b"  ").contains("empty"));
        let m = msg("your_posts_1.html", b"<!DOCTYPE html><html>");
        assert!(m.starts_with("your_posts_1.html: ") && m.contains("JSON format"), "{m}");
        assert!(m.contains("data/tweets.js"), "{m}");
    }

    #[test]
    fn refuses_a_file_over_the_limit_before_reading_it() {
        // The check is on the length alone; a real 512 MiB buffer is not needed to test the message.
        let e = ArchiveError::TooLarge { file: "tweets.js".into(), size: 2 << 30, limit: MAX_FILE_BYTES };
        let m = e.to_string();
        assert!(m.starts_with("tweets.js: 2 GiB is more than the 512 MiB"), "{m}");
    }
}
