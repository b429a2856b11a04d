//! The zip a site gives: find the posts files in it and read each one, with limits on what a
//! zip may claim (declared sizes are never trusted: every entry is read through a limit).

use super::{detect, parse_file, ArchiveError, Audit, Format, Skipped, MAX_FILE_BYTES};
use std::io::{Read, Seek};

/// Whether a file of this name (a zip entry or a file in an unpacked download) holds posts:
/// `tweets.js`, `tweet.js`, `tweets-part1.js`, `your_posts*.json`, `comments.json`,
/// `Shares.csv`, `Comments.csv`.
pub fn is_posts_file(path: &str) -> bool {
    candidate(path).is_some()
}

/// Which entries of an archive hold posts, by name. The content is checked again once read.
fn candidate(path: &str) -> Option<Format> {
    let base = path.rsplit(['/', '\\']).next().unwrap_or(path).to_ascii_lowercase();
    let numbered = |prefix: &str, ext: &str| {
        base.strip_prefix(prefix).and_then(|r| r.strip_suffix(ext)).is_some_and(|mid| {
            mid.is_empty() || mid.strip_prefix("-part").is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
        })
    };
    if numbered("tweets", ".js") || numbered("tweet", ".js") {
        Some(Format::XTweets)
    } else if base.starts_with("your_posts") && base.ends_with(".json") {
        Some(Format::FacebookPosts)
    } else if base == "comments.json" || base == "your_comments_in_groups.json" {
        Some(Format::FacebookComments)
    } else if base == "shares.csv" {
        Some(Format::LinkedinShares)
    } else if base == "comments.csv" {
        Some(Format::LinkedinComments)
    } else {
        None
    }
}

/// What a zip (or an unpacked download) without posts files looks like, from its entry names.
pub fn describe_other(names: &[String]) -> String {
    let any = |f: &dyn Fn(&str) -> bool| names.iter().any(|n| f(&n.to_ascii_lowercase()));
    if names.is_empty() {
        "the zip is empty".into()
    } else if any(&|n| n.contains("your_instagram_activity") || n.starts_with("media/") && n.ends_with("posts_1.json"))
    {
        "this looks like an Instagram export; Primum reads X, Facebook and LinkedIn exports".into()
    } else if any(&|n| n.ends_with("outbox.json")) {
        "this looks like a Mastodon archive; Primum reads X, Facebook and LinkedIn exports".into()
    } else if any(&|n| n.starts_with("takeout/")) {
        "this looks like a Google Takeout archive; Primum reads X, Facebook and LinkedIn exports".into()
    } else if any(&|n| n.ends_with("posts.csv") && !n.contains('/')) && any(&|n| n.ends_with("post_votes.csv")) {
        "this looks like a Reddit export; Primum reads X, Facebook and LinkedIn exports".into()
    } else if any(&|n| n.ends_with("data/manifest.js") || n.ends_with("data/account.js")) {
        "an X archive without data/tweets.js (nothing posted, or the archive is incomplete)".into()
    } else if any(&|n| n.contains("your_posts") && n.ends_with(".html"))
        || any(&|n| n.contains("your_activity_across_facebook") && n.ends_with(".html"))
    {
        "a Facebook download in HTML format; request it again choosing the JSON format".into()
    } else if any(&|n| n == "profile.csv" || n == "connections.csv") {
        "a LinkedIn export without Shares.csv or Comments.csv (request the complete archive)".into()
    } else {
        let shown: Vec<&str> = names.iter().take(5).map(String::as_str).collect();
        let more = if names.len() > 5 { format!(" and {} more", names.len() - 5) } else { String::new() };
        format!("a zip of {}{more}, with no posts files in it", shown.join(", "))
    }
}

/// Reads the posts files of a zip archive from `reader` (a file or a byte slice): X's
/// `data/tweets.js` (and `tweets-part1.js`, …), Facebook's `your_posts*.json` and
/// `comments.json`, LinkedIn's `Shares.csv` and `Comments.csv`. Every other entry is ignored.
///
/// An entry that cannot be read (corrupt, encrypted, over [`MAX_FILE_BYTES`] once
/// decompressed, a different format) is listed in [`Audit::skipped`] and the others are still
/// read; the error is returned only when the zip itself is unreadable, holds no posts files,
/// or none of its posts files could be read.
pub fn parse_zip<R: Read + Seek>(name: &str, reader: R) -> Result<Audit, ArchiveError> {
    let mut zip = ::zip::ZipArchive::new(reader)
        .map_err(|e| ArchiveError::BrokenZip { file: name.into(), detail: e.to_string() })?;
    let mut names = Vec::new();
    let mut wanted = Vec::new();
    for i in 0..zip.len() {
        let Some(Ok(entry)) = zip.name_for_index(i) else { continue };
        let entry = entry.into_owned();
        if let Some(format) = candidate(&entry) {
            wanted.push((i, entry.clone(), format));
        }
        names.push(entry);
    }
    if wanted.is_empty() {
        return Err(ArchiveError::NotAnExport { file: name.into(), found: describe_other(&names) });
    }
    let mut audit = Audit::default();
    let mut read_any = false;
    let mut wrong_content = Vec::new();
    for (i, entry, by_name) in wanted {
        let file = format!("{name}/{entry}");
        let bytes = match read_entry(&mut zip, i, MAX_FILE_BYTES) {
            Ok(b) => b,
            Err(reason) => {
                audit.skipped.push(Skipped { file, reason });
                continue;
            }
        };
        let format = match detect(&file, &bytes) {
            Ok(f) => f,
            Err(e) => {
                let reason = match e {
                    ArchiveError::NotAnExport { found, .. } => {
                        wrong_content.push(found.clone());
                        format!("{found} (expected {})", by_name.describe())
                    }
                    other => other.to_string(),
                };
                audit.skipped.push(Skipped { file, reason });
                continue;
            }
        };
        let before = audit.posts.len();
        match parse_file(format, &file, &bytes, &mut audit) {
            Ok(()) => read_any = true,
            Err(reason) => {
                read_any |= audit.posts.len() > before;
                audit.skipped.push(Skipped { file, reason });
            }
        }
    }
    if !read_any && wrong_content.len() == audit.skipped.len() {
        // Every posts-like name held something else: most likely another site's export.
        let found = wrong_content.swap_remove(0);
        return Err(ArchiveError::NotAnExport { file: name.into(), found });
    }
    if !read_any {
        let detail = audit.skipped.iter().map(|s| format!("{}: {}", s.file, s.reason)).collect::<Vec<_>>().join("; ");
        return Err(ArchiveError::Unreadable {
            file: name.into(),
            expected: "a data export with readable posts files".into(),
            detail,
        });
    }
    Ok(audit)
}

/// Decompresses one entry, refusing more than `limit` bytes whatever the zip declares.
fn read_entry<R: Read + Seek>(zip: &mut ::zip::ZipArchive<R>, index: usize, limit: u64) -> Result<Vec<u8>, String> {
    let entry = zip.by_index(index).map_err(|e| match e {
        ::zip::result::ZipError::UnsupportedArchive(what) => {
            format!("cannot be read: {what} (Primum reads deflate-compressed, unencrypted zips)")
        }
        other => format!("cannot be read: {other}"),
    })?;
    if entry.encrypted() {
        return Err("the entry is encrypted".into());
    }
    let declared = entry.size();
    let mut bytes = Vec::with_capacity(declared.min(limit).min(64 << 20) as usize);
    entry
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("the compressed data is damaged ({e}); download the archive again"))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "larger than {} once decompressed; Primum reads at most that much from one file",
            super::human_bytes(limit)
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;
    use ::zip::write::SimpleFileOptions;
    use ::zip::ZipWriter;
    use std::io::{Cursor, Write};

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in files {
            w.start_file(*name, SimpleFileOptions::default()).unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    const TWEETS: &[u8] = br#"window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "hello", "created_at": "Wed Oct 10 20:19:24 +0000 2018"}}]"#;

    #[test]
    fn reads_every_posts_file_and_ignores_the_rest() {
        let z = zip_of(&[
            ("data/manifest.js", b"window.__THAR_CONFIG = {}"),
            ("data/tweets.js", TWEETS),
            (
                "data/tweets-part1.js",
                br#"window.YTD.tweets.part1 = [{"tweet": {"id_str": "2", "full_text": "again"}}]"#,
            ),
            ("data/like.js", b"window.YTD.like.part0 = []"),
        ]);
        let a = parse("twitter.zip", &z).unwrap();
        assert_eq!(a.posts.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(), ["hello", "again"]);
        assert_eq!(a.posts[0].file, "twitter.zip/data/tweets.js");
        assert_eq!(a.sources.len(), 2);
        assert!(a.skipped.is_empty());
    }

    #[test]
    fn a_broken_zip_is_a_clear_error() {
        let z = zip_of(&[("data/tweets.js", TWEETS)]);
        let e = parse("twitter.zip", &z[..z.len() / 2]).unwrap_err();
        assert!(matches!(e, ArchiveError::BrokenZip { .. }), "{e:?}");
        assert!(e.to_string().starts_with("twitter.zip: this zip cannot be read"), "{e}");
        let e = parse("twitter.zip", b"PK\x03\x04garbage").unwrap_err();
        assert!(matches!(e, ArchiveError::BrokenZip { .. }), "{e:?}");
    }

    #[test]
    fn damaged_entry_data_is_skipped_and_others_are_read() {
        let big = "window.YTD.tweets.part0 = [".to_string()
            + &(0..200)
                .map(|i| format!(r#"{{"tweet": {{"id_str": "{i}", "full_text": "post {i}"}}}}"#))
                .collect::<Vec<_>>()
                .join(",")
            + "]";
        let csv = b"Date,Link,Message\n2021-01-01 00:00:00,,fine\n";
        let mut z = zip_of(&[("data/tweets.js", big.as_bytes()), ("Comments.csv", csv)]);
        // Flip bytes in the middle of the first entry's compressed data (after its local header).
        for b in &mut z[60..90] {
            *b ^= 0x5a;
        }
        let a = parse("mixed.zip", &z).unwrap();
        assert_eq!(a.posts.iter().filter(|p| p.text == "fine").count(), 1);
        assert_eq!(a.skipped.len(), 1, "{:?}", a.skipped);
        assert_eq!(a.skipped[0].file, "mixed.zip/data/tweets.js");
    }

    #[test]
    fn a_reddit_zip_is_named_even_with_a_comments_csv() {
        let reddit = zip_of(&[
            ("comments.csv", b"id,permalink,date,ip,subreddit,gildings,link,parent,body,media\n"),
            ("posts.csv", b"id,permalink,date,ip,subreddit,gildings,title,url,body\n"),
        ]);
        let e = parse("reddit.zip", &reddit).unwrap_err();
        assert!(matches!(e, ArchiveError::NotAnExport { .. }), "{e:?}");
        assert!(
            e.to_string()
                .starts_with("reddit.zip: this is not an export Primum can audit (this looks like a Reddit export"),
            "{e}"
        );
    }

    #[test]
    fn a_zip_from_another_site_is_named() {
        let insta = zip_of(&[("your_instagram_activity/content/posts_1.json", b"[]")]);
        let e = parse("instagram.zip", &insta).unwrap_err().to_string();
        assert!(e.contains("Instagram export") && e.starts_with("instagram.zip: "), "{e}");
        let html = zip_of(&[(
            "your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.html",
            b"<html>",
        )]);
        assert!(parse("fb.zip", &html).unwrap_err().to_string().contains("HTML format"));
        let other = zip_of(&[("notes.txt", b"hi"), ("a.png", b"\x89PNG")]);
        assert!(parse("x.zip", &other).unwrap_err().to_string().contains("a zip of notes.txt, a.png"));
        assert!(parse("e.zip", &zip_of(&[])).unwrap_err().to_string().contains("empty"));
    }

    #[test]
    fn a_posts_file_with_the_wrong_content_is_skipped() {
        let z = zip_of(&[
            ("data/tweets.js", b"\x89PNG\r\n"),
            ("Shares.csv", b"Date,ShareLink,ShareCommentary\n2020-01-01,,hi\n"),
        ]);
        let a = parse("z.zip", &z).unwrap();
        assert_eq!(a.posts.len(), 1);
        assert!(a.skipped[0].reason.starts_with("a PNG image (expected X's tweets.js"), "{:?}", a.skipped);
        let only_bad = zip_of(&[("data/tweets.js", b"window.YTD.tweets.part0 = [{")]);
        let e = parse("z.zip", &only_bad).unwrap_err().to_string();
        assert!(e.contains("z.zip/data/tweets.js") && e.contains("cut short"), "{e}");
    }

    #[test]
    fn never_trusts_declared_sizes() {
        // A small entry whose data stream decompresses normally: the limit is on bytes read,
        // and preallocation is capped, so a lying header cannot make us allocate its claim.
        let z = zip_of(&[("Comments.csv", b"Date,Link,Message\n2021-01-01 00:00:00,,ok\n")]);
        let mut zip = ::zip::ZipArchive::new(Cursor::new(&z[..])).unwrap();
        assert_eq!(read_entry(&mut zip, 0, MAX_FILE_BYTES).unwrap().len(), 42);
    }

    #[test]
    fn refuses_an_entry_over_the_limit_once_decompressed() {
        // A small zip bomb: 64 KiB of zeros compress to a few hundred bytes.
        let z = zip_of(&[("data/tweets.js", &vec![b' '; 64 << 10])]);
        assert!(z.len() < 2048);
        let mut zip = ::zip::ZipArchive::new(Cursor::new(&z[..])).unwrap();
        let e = read_entry(&mut zip, 0, 16 << 10).unwrap_err();
        assert_eq!(e, "larger than 16 KiB once decompressed; Primum reads at most that much from one file");
        assert_eq!(read_entry(&mut zip, 0, 64 << 10).unwrap().len(), 64 << 10);
    }

    #[test]
    fn entry_names() {
        assert_eq!(candidate("data/tweets.js"), Some(Format::XTweets));
        assert_eq!(candidate("data/tweets-part12.js"), Some(Format::XTweets));
        assert_eq!(candidate("data/deleted-tweets.js"), None);
        assert_eq!(candidate("data/tweets_media/1.jpg"), None);
        assert_eq!(candidate("a/posts/your_posts__check_ins__photos_and_videos_1.json"), Some(Format::FacebookPosts));
        assert_eq!(candidate("comments_and_reactions/comments.json"), Some(Format::FacebookComments));
        assert_eq!(candidate("Shares.csv"), Some(Format::LinkedinShares));
    }
}
