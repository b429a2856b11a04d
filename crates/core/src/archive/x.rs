//! X (Twitter): `data/tweets.js` from the archive, `window.YTD.tweets.part0 = [{"tweet": {...}}]`.

use super::json::Walk;
use super::{ItemLog, Kind, Post, Site};
use serde::Deserialize;

/// One item of `tweets.js`: `{"tweet": {...}}`, or the tweet itself in older archives.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Tweet {
    tweet: Option<Box<Tweet>>,
    id_str: Option<String>,
    full_text: Option<String>,
    text: Option<String>,
    created_at: Option<String>,
    in_reply_to_status_id_str: Option<String>,
}

/// Parses `tweets.js` (with or without its `window.YTD.… =` prefix) into `posts`.
pub(crate) fn parse(name: &str, bytes: &[u8], posts: &mut Vec<Post>, log: &mut ItemLog<'_>) -> Result<(), String> {
    let bom = bytes.len() - super::strip_bom(bytes).len();
    let first = bytes[bom..].iter().position(|b| !b.is_ascii_whitespace()).map_or(bytes.len(), |p| bom + p);
    let start = if bytes[first..].starts_with(b"window.YTD.") {
        match bytes.iter().position(|&b| b == b'=') {
            Some(eq) => eq + 1,
            None => return Err("it starts with window.YTD. but has no '=' before the list of tweets".into()),
        }
    } else {
        bom
    };
    let mut walk = Walk::starting_at(bytes, start);
    walk.array::<Tweet>(|i, item| match item {
        Ok(item) => {
            let t = match item.tweet {
                Some(inner) => *inner,
                None => item,
            };
            match to_post(name, i, t) {
                Some(p) => posts.push(p),
                None => log.without_text += 1,
            }
        }
        Err(e) => log.skip(i, format!("not a tweet as X writes it: {e}")),
    })
    .map(|_| ())
}

fn to_post(name: &str, index: usize, t: Tweet) -> Option<Post> {
    let text = t.full_text.or(t.text).filter(|s| !s.trim().is_empty())?;
    let text = unescape_html(&text);
    let kind = if text.starts_with("RT @") {
        Kind::Repost
    } else if t.in_reply_to_status_id_str.is_some() {
        Kind::Reply
    } else {
        Kind::Post
    };
    let id = t.id_str.filter(|s| !s.is_empty());
    let permalink = id
        .as_ref()
        .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
        .map(|id| format!("https://x.com/i/web/status/{id}"));
    Some(Post {
        site: Site::X,
        kind,
        id: id.unwrap_or_else(|| format!("{}#{}", short(name), index + 1)),
        date: t.created_at.as_deref().and_then(parse_date),
        permalink,
        text,
        file: name.to_string(),
    })
}

pub(crate) fn short(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// X escapes `&`, `<` and `>` in `full_text`; the checker wants the text as people read it.
fn unescape_html(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let table = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\''), ("&apos;", '\'')];
        match table.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((e, c)) => {
                out.push(*c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `Wed Oct 10 20:19:24 +0000 2018` → `2018-10-10T20:19:24Z`.
pub(crate) fn parse_date(s: &str) -> Option<String> {
    let parts: Vec<&str> = s.split_whitespace().collect();
    let [_, mon, day, time, zone, year] = parts.as_slice() else {
        return None;
    };
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let m = MONTHS.iter().position(|x| x.eq_ignore_ascii_case(mon))? + 1;
    let d: u32 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
    let y: u32 = year.parse().ok().filter(|y| (1000..=9999).contains(y))?;
    let hms: Vec<u32> = time.split(':').map(|p| p.parse().ok()).collect::<Option<_>>()?;
    let [h, mi, se] = hms.as_slice() else {
        return None;
    };
    if *h > 23 || *mi > 59 || *se > 60 {
        return None;
    }
    let zone = match *zone {
        "+0000" | "-0000" | "Z" | "UTC" => "Z".to_string(),
        z if z.len() == 5
            && (z.starts_with('+') || z.starts_with('-'))
            && z[1..].bytes().all(|b| b.is_ascii_digit()) =>
        {
            format!("{}:{}", &z[..3], &z[3..])
        }
        _ => return None,
    };
    Some(format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{se:02}{zone}"))
}

#[cfg(test)]
mod tests {
    use super::super::{parse as parse_any, ArchiveError};
    use super::*;

    const TWEETS: &str = r#"window.YTD.tweets.part0 = [ {
  "tweet" : {
    "retweeted" : false,
    "id_str" : "1050118621198921728",
    "full_text" : "Grand rounds on sepsis &amp; fluids &lt;3 — très bien 👩‍⚕️",
    "created_at" : "Wed Oct 10 20:19:24 +0000 2018",
    "entities" : { "hashtags" : [ ], "urls" : [ ] }
  }
}, {
  "tweet" : {
    "id_str" : "2",
    "in_reply_to_status_id_str" : "1",
    "full_text" : "@colleague agreed",
    "created_at" : "Thu Jan 02 08:00:00 -0500 2020"
  }
}, {
  "tweet" : { "id_str" : "3", "full_text" : "RT @someone: read this", "created_at" : "bad date" }
} ]"#;

    #[test]
    fn reads_tweets_js() {
        let a = parse_any("data/tweets.js", TWEETS.as_bytes()).unwrap();
        assert_eq!(a.posts.len(), 3);
        let p = &a.posts[0];
        assert_eq!(p.text, "Grand rounds on sepsis & fluids <3 — très bien 👩‍⚕️");
        assert_eq!(p.id, "1050118621198921728");
        assert_eq!(p.date.as_deref(), Some("2018-10-10T20:19:24Z"));
        assert_eq!(p.permalink.as_deref(), Some("https://x.com/i/web/status/1050118621198921728"));
        assert_eq!((p.site, p.kind), (Site::X, Kind::Post));
        assert_eq!(a.posts[1].kind, Kind::Reply);
        assert_eq!(a.posts[1].date.as_deref(), Some("2020-01-02T08:00:00-05:00"));
        assert_eq!((a.posts[2].kind, a.posts[2].date.as_deref()), (Kind::Repost, None));
        assert!(a.skipped.is_empty());
        assert_eq!(a.sources[0].posts, 3);
    }

    #[test]
    fn reads_old_archives_and_bare_lists() {
        let old = br#"window.YTD.tweet.part0 = [{"id_str": "9", "full_text": "hi", "created_at": "Mon Mar 02 10:00:00 +0000 2015"}]"#;
        assert_eq!(parse_any("tweet.js", old).unwrap().posts[0].id, "9");
        let bare = br#"[{"tweet": {"id_str": "7", "full_text": "no prefix"}}]"#;
        assert_eq!(parse_any("tweets.json", bare).unwrap().posts[0].text, "no prefix");
    }

    #[test]
    fn truncated_tweets_keep_what_came_before() {
        let cut = &TWEETS.as_bytes()[..TWEETS.find("\"id_str\" : \"3\"").unwrap()];
        let a = parse_any("data/tweets.js", cut).unwrap();
        assert_eq!(a.posts.len(), 2);
        assert_eq!(a.skipped.len(), 1);
        assert!(a.skipped[0].file == "data/tweets.js" && a.skipped[0].reason.contains("cut short"), "{:?}", a.skipped);
        assert!(a.skipped[0].reason.contains(&format!("the file ends at byte {}", cut.len())), "{:?}", a.skipped);
    }

    #[test]
    fn truncated_at_the_start_is_an_error() {
        let e = parse_any("tweets.js", b"window.YTD.tweets.part0 = [ {\n \"tweet\" : {").unwrap_err();
        assert!(matches!(e, ArchiveError::Unreadable { .. }));
        let m = e.to_string();
        assert!(m.starts_with("tweets.js: could not read it as X's tweets.js") && m.contains("cut short"), "{m}");
    }

    #[test]
    fn wrong_items_are_skipped_with_a_reason() {
        let bytes = br#"window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "ok"}}, {"tweet": {"full_text": 5}}, {"tweet": {"id_str": "3"}}]"#;
        let a = parse_any("tweets.js", bytes).unwrap();
        assert_eq!(a.posts.len(), 1);
        assert_eq!(a.sources[0].without_text, 1);
        assert_eq!(a.skipped.len(), 1);
        assert_eq!(a.skipped[0].file, "tweets.js (item 2)");
        assert!(a.skipped[0].reason.contains("not a tweet"), "{}", a.skipped[0].reason);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("Sat Feb 29 23:59:59 +0530 2020").as_deref(), Some("2020-02-29T23:59:59+05:30"));
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("Wed Foo 10 20:19:24 +0000 2018"), None);
    }

    #[test]
    fn html_entities() {
        assert_eq!(unescape_html("a &amp;&amp; b &lt; c &gt; d &nbsp; &"), "a && b < c > d &nbsp; &");
    }
}
