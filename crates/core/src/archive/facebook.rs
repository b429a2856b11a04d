//! Facebook: `your_posts*.json` and `comments.json` from "Download your information" (JSON).
//!
//! Facebook writes every UTF-8 byte of non-ASCII text as its own `\u00XX` escape, so `é`
//! arrives as `"\u00c3\u00a9"` and decodes to `Ã©`. [`repair_mojibake`] undoes that.

use super::json::Walk;
use super::x::short;
use super::{iso_from_unix, ItemLog, Kind, Post, Site};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
struct Item {
    timestamp: Option<f64>,
    data: Vec<Data>,
    attachments: Vec<Attachment>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Data {
    post: Option<String>,
    comment: Option<Comment>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Comment {
    comment: Option<String>,
    timestamp: Option<f64>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Attachment {
    data: Vec<AttachmentData>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AttachmentData {
    media: Option<Media>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Media {
    description: Option<String>,
}

/// Repairs Facebook's mojibake: text whose characters are all below U+0100 and whose
/// code points, taken as bytes, are valid UTF-8 is decoded again (`"Ã©"` → `"é"`,
/// `"ð\u{9f}\u{98}\u{80}"` → `"😀"`). Anything else (ASCII, real Unicode, Latin-1 that is not
/// UTF-8 underneath) comes back unchanged.
///
/// ```
/// use primum_core::archive::repair_mojibake;
/// assert_eq!(repair_mojibake("caf\u{c3}\u{a9} \u{f0}\u{9f}\u{98}\u{80}"), "café 😀");
/// assert_eq!(repair_mojibake("café"), "café");
/// assert_eq!(repair_mojibake("Zürich → Genève"), "Zürich → Genève");
/// ```
pub fn repair_mojibake(s: &str) -> String {
    if s.is_ascii() || s.chars().any(|c| u32::from(c) > 0xFF) {
        return s.to_string();
    }
    let bytes: Vec<u8> = s.chars().map(|c| u32::from(c) as u8).collect();
    String::from_utf8(bytes).unwrap_or_else(|_| s.to_string())
}

fn post_of(name: &str, i: usize, kind: Kind, text: String, timestamp: Option<f64>) -> Post {
    Post {
        site: Site::Facebook,
        kind,
        id: format!("{}#{}", short(name), i + 1),
        date: timestamp.filter(|t| t.is_finite()).and_then(|t| iso_from_unix(t as i64)),
        permalink: None,
        text,
        file: name.to_string(),
    }
}

fn joined(parts: impl Iterator<Item = String>) -> Option<String> {
    let parts: Vec<String> = parts.map(|p| repair_mojibake(&p)).filter(|p| !p.trim().is_empty()).collect();
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

fn add_post(name: &str, i: usize, item: Result<Item, serde_json::Error>, posts: &mut Vec<Post>, log: &mut ItemLog<'_>) {
    match item {
        Ok(item) => {
            let text = joined(item.data.into_iter().filter_map(|d| d.post)).or_else(|| {
                joined(item.attachments.into_iter().flat_map(|a| a.data).filter_map(|d| d.media?.description))
            });
            match text {
                Some(text) => posts.push(post_of(name, i, Kind::Post, text, item.timestamp)),
                None => log.without_text += 1,
            }
        }
        Err(e) => log.skip(i, format!("not a post as Facebook writes it: {e}")),
    }
}

/// Parses `your_posts*.json`: a list of posts (or, in older downloads, `{"status_updates": [...]}`;
/// posts in groups, `your_posts_in_groups.json`, are `{"group_posts_v2": [...]}`).
pub(crate) fn parse_posts(
    name: &str,
    bytes: &[u8],
    posts: &mut Vec<Post>,
    log: &mut ItemLog<'_>,
) -> Result<(), String> {
    let bom = bytes.len() - super::strip_bom(bytes).len();
    let mut walk = Walk::starting_at(bytes, bom);
    let first = bytes[bom..].iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        let mut found = false;
        walk.object(|key, w| {
            if key.starts_with("status_updates") || key.starts_with("your_posts") || key.starts_with("group_posts") {
                found = true;
                w.array::<Item>(|i, item| add_post(name, i, item, posts, log))?;
                return Ok(true);
            }
            Ok(false)
        })?;
        return if found { Ok(()) } else { Err("no list of posts (\"status_updates\") in it".into()) };
    }
    walk.array::<Item>(|i, item| add_post(name, i, item, posts, log)).map(|_| ())
}

/// Parses `comments.json`: `{"comments_v2": [{"timestamp", "data": [{"comment": {"comment"}}]}]}`
/// (and `your_comments_in_groups.json`, the same under `"group_comments_v2"`).
pub(crate) fn parse_comments(
    name: &str,
    bytes: &[u8],
    posts: &mut Vec<Post>,
    log: &mut ItemLog<'_>,
) -> Result<(), String> {
    let mut found = false;
    let mut add = |i: usize, item: Result<Item, serde_json::Error>| match item {
        Ok(item) => {
            let ts = item.timestamp.or_else(|| item.data.iter().find_map(|d| d.comment.as_ref()?.timestamp));
            match joined(item.data.into_iter().filter_map(|d| d.comment?.comment)) {
                Some(text) => posts.push(post_of(name, i, Kind::Comment, text, ts)),
                None => log.without_text += 1,
            }
        }
        Err(e) => log.skip(i, format!("not a comment as Facebook writes it: {e}")),
    };
    let bom = bytes.len() - super::strip_bom(bytes).len();
    Walk::starting_at(bytes, bom).object(|key, w| {
        if matches!(key, "comments_v2" | "comments" | "group_comments_v2" | "group_comments") {
            found = true;
            w.array::<Item>(&mut add)?;
            return Ok(true);
        }
        Ok(false)
    })?;
    if found {
        Ok(())
    } else {
        Err("no \"comments_v2\" list in it".into())
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    /// Writes text the way Facebook does: every non-ASCII UTF-8 byte as `\u00XX`.
    fn fb_escape(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            if c.is_ascii() {
                out.push(c);
            } else {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("\\u00{b:02x}"));
                }
            }
        }
        out
    }

    #[test]
    fn repairs_mojibake() {
        assert_eq!(repair_mojibake("\u{c3}\u{a9}l\u{c3}\u{a8}ve"), "élève");
        assert_eq!(repair_mojibake("\u{e2}\u{80}\u{94}"), "—");
        assert_eq!(repair_mojibake("👩‍⚕️ ok"), "👩‍⚕️ ok");
        assert_eq!(repair_mojibake("na\u{ef}ve"), "na\u{ef}ve", "real Latin-1 that is not UTF-8 stays");
        assert_eq!(repair_mojibake(""), "");
    }

    #[test]
    fn reads_posts_with_mojibake_and_emoji() {
        let text = "Fiesta en la clínica 🎉 — Zürich, 東京";
        let json = format!(
            r#"[{{"timestamp": 1540000000, "data": [{{"post": "{}"}}, {{"update_timestamp": 1540000001}}], "title": "Dr Test updated her status."}},
               {{"timestamp": 1540000100, "attachments": [{{"data": [{{"media": {{"uri": "photos/1.jpg", "description": "Photo caption"}}}}]}}], "data": []}},
               {{"timestamp": 1540000200, "attachments": [{{"data": [{{"place": {{"name": "Clinic"}}}}]}}]}}]"#,
            fb_escape(text)
        );
        let a = parse(
            "your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json",
            json.as_bytes(),
        )
        .unwrap();
        assert_eq!(a.posts.len(), 2);
        assert_eq!(a.posts[0].text, text);
        assert_eq!(a.posts[0].date.as_deref(), Some("2018-10-20T01:46:40Z"));
        assert_eq!(a.posts[0].id, "your_posts__check_ins__photos_and_videos_1.json#1");
        assert_eq!((a.posts[0].site, a.posts[0].kind), (Site::Facebook, Kind::Post));
        assert_eq!(a.posts[1].text, "Photo caption");
        assert_eq!(a.sources[0].without_text, 1);
    }

    #[test]
    fn reads_comments() {
        let json = format!(
            r#"{{"comments_v2": [{{"timestamp": 1600000000, "data": [{{"comment": {{"timestamp": 1600000000, "comment": "{}", "author": "Dr Test"}}}}], "title": "Dr Test commented on a post."}},
               {{"timestamp": 1600000500, "title": "Dr Test replied to a comment."}}]}}"#,
            fb_escape("Très bien dit «merci» 👍")
        );
        let a = parse("comments_and_reactions/comments.json", json.as_bytes()).unwrap();
        assert_eq!(a.posts.len(), 1);
        assert_eq!(a.posts[0].text, "Très bien dit «merci» 👍");
        assert_eq!(a.posts[0].kind, Kind::Comment);
        assert_eq!(a.posts[0].date.as_deref(), Some("2020-09-13T12:26:40Z"));
    }

    #[test]
    fn reads_old_status_updates() {
        let a =
            parse("your_posts_1.json", br#"{"status_updates_v2": [{"timestamp": 1, "data": [{"post": "hello"}]}]}"#)
                .unwrap();
        assert_eq!(a.posts[0].text, "hello");
    }

    #[test]
    fn truncated_json_keeps_earlier_posts() {
        let json = br#"[{"timestamp": 1, "data": [{"post": "one"}]}, {"timestamp": 2, "data": [{"post": "tw"#;
        let a = parse("your_posts_1.json", json).unwrap();
        assert_eq!(a.posts.len(), 1);
        assert!(a.skipped[0].reason.contains("cut short"), "{:?}", a.skipped);
        let e = parse("comments.json", br#"{"comments_v2": [{"timestamp": 1, "da"#).unwrap_err().to_string();
        assert!(
            e.starts_with("comments.json: could not read it as Facebook's comments.json") && e.contains("cut short"),
            "{e}"
        );
    }

    #[test]
    fn reads_posts_and_comments_in_groups() {
        let posts = br#"{"group_posts_v2": [{"timestamp": 1, "data": [{"post": "in a group"}]}]}"#;
        assert_eq!(parse("groups/your_posts_in_groups.json", posts).unwrap().posts[0].text, "in a group");
        let comments =
            br#"{"group_comments_v2": [{"timestamp": 1, "data": [{"comment": {"comment": "nice", "group": "G"}}]}]}"#;
        let a = parse("groups/your_comments_in_groups.json", comments).unwrap();
        assert_eq!((a.posts[0].text.as_str(), a.posts[0].kind), ("nice", Kind::Comment));
    }

    #[test]
    fn another_facebook_file_is_named() {
        let e = parse("friends.json", br#"{"friends_v2": [{"name": "A", "timestamp": 1}]}"#).unwrap_err().to_string();
        assert!(e.contains("'friends_v2'"), "{e}");
    }
}
