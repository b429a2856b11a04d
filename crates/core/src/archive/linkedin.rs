//! LinkedIn: `Shares.csv` (`Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility`) and
//! `Comments.csv` (`Date,Link,Message`) from "Get a copy of your data". Fields are quoted and
//! may span lines.

use super::x::short;
use super::{ItemLog, Kind, Post, Site};

/// Which of LinkedIn's tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Table {
    Shares,
    Comments,
}

impl Table {
    fn columns(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Table::Shares => ("date", "sharelink", "sharecommentary"),
            Table::Comments => ("date", "link", "message"),
        }
    }
}

/// Parses one table into `posts`; rows without text are counted, not audited.
pub(crate) fn parse(
    name: &str,
    bytes: &[u8],
    table: Table,
    posts: &mut Vec<Post>,
    log: &mut ItemLog<'_>,
) -> Result<(), String> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(true).from_reader(super::strip_bom(bytes));
    let headers = reader.byte_headers().map_err(|e| format!("cannot read the header line: {e}"))?.clone();
    let find = |col: &str| headers.iter().position(|h| String::from_utf8_lossy(h).trim().eq_ignore_ascii_case(col));
    let (date_col, link_col, text_col) = table.columns();
    let Some(text_at) = find(text_col) else {
        return Err(format!("no '{text_col}' column in the header line"));
    };
    let (date_at, link_at) = (find(date_col), find(link_col));
    let kind = if table == Table::Shares { Kind::Post } else { Kind::Comment };
    let mut record = csv::ByteRecord::new();
    let mut row = 0usize;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {}
            Err(e) => return Err(format!("row {}: {e}", row + 1)),
        }
        let field = |at: Option<usize>| at.and_then(|i| record.get(i)).map(String::from_utf8_lossy);
        let text = field(Some(text_at)).map(|t| t.into_owned()).unwrap_or_default();
        if text.trim().is_empty() {
            log.without_text += 1;
            row += 1;
            continue;
        }
        let link = field(link_at).map(|l| l.trim().to_string()).filter(|l| l.starts_with("http"));
        posts.push(Post {
            site: Site::Linkedin,
            kind,
            id: link.as_deref().and_then(urn).unwrap_or_else(|| format!("{}#{}", short(name), row + 1)),
            date: field(date_at).and_then(|d| parse_date(&d)),
            permalink: link,
            text,
            file: name.to_string(),
        });
        row += 1;
    }
}

/// The last `urn:li:…` in a LinkedIn link (`…/feed/update/urn%3Ali%3Ashare%3A123` → `urn:li:share:123`).
fn urn(link: &str) -> Option<String> {
    let decoded =
        link.replace("%3A", ":").replace("%3a", ":").replace("%2C", ",").replace("%28", "(").replace("%29", ")");
    let at = decoded.rfind("urn:li:")?;
    let urn: String = decoded[at..].chars().take_while(|c| !matches!(c, '?' | '&' | '/' | '#')).collect();
    Some(urn)
}

/// `2023-05-01 14:23:11` (UTC) → `2023-05-01T14:23:11Z`; also ISO dates as they are.
fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    if !(digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) && b.get(7) == Some(&b'-') && digits(8..10)) {
        return None;
    }
    if b.len() == 10 {
        return Some(s.to_string());
    }
    if matches!(b.get(10), Some(b' ' | b'T')) && digits(11..13) && b.get(13) == Some(&b':') && digits(14..16) {
        let secs = if b.get(16) == Some(&b':') && digits(17..19) { &s[17..19] } else { "00" };
        return Some(format!("{}T{}:{secs}Z", &s[..10], &s[11..16]));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::parse as parse_any;
    use super::*;

    const SHARES: &str = "\u{feff}Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\r\n\
2023-05-01 14:23:11,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7012345678901234567,\"Proud of our team.\r\n\r\nNew \"\"sepsis\"\" protocol, live today — ¡gracias! 🎉\",,,MEMBER_NETWORK\r\n\
2023-05-02 09:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A2,\"\",https://example.org,,PUBLIC\r\n\
2023-05-03 09:00:00,,\"=HYPERLINK(\"\"x\"\")\",,,PUBLIC\r\n";

    #[test]
    fn reads_shares_with_quotes_and_newlines() {
        let a = parse_any("Shares.csv", SHARES.as_bytes()).unwrap();
        assert_eq!(a.posts.len(), 2);
        let p = &a.posts[0];
        assert_eq!(p.text, "Proud of our team.\r\n\r\nNew \"sepsis\" protocol, live today — ¡gracias! 🎉");
        assert_eq!(p.id, "urn:li:share:7012345678901234567");
        assert_eq!(p.date.as_deref(), Some("2023-05-01T14:23:11Z"));
        assert_eq!((p.site, p.kind), (Site::Linkedin, Kind::Post));
        assert_eq!(a.posts[1].id, "Shares.csv#3");
        assert_eq!(a.posts[1].text, "=HYPERLINK(\"x\")");
        assert_eq!(a.sources[0].without_text, 1);
    }

    #[test]
    fn reads_comments() {
        let csv = "Date,Link,Message\n2021-12-24 18:00:00,https://www.linkedin.com/feed/update/urn:li:activity:42?commentUrn=urn%3Ali%3Acomment%3A(activity%3A42%2C99),\"Bravo,\nbien joué 👏\"\n";
        let a = parse_any("Comments.csv", csv.as_bytes()).unwrap();
        assert_eq!(a.posts.len(), 1);
        assert_eq!(a.posts[0].text, "Bravo,\nbien joué 👏");
        assert_eq!(a.posts[0].id, "urn:li:comment:(activity:42,99)");
        assert_eq!(a.posts[0].kind, Kind::Comment);
    }

    #[test]
    fn an_unterminated_quote_keeps_earlier_rows() {
        let csv = "Date,Link,Message\n2021-01-01 00:00:00,,one\n2021-01-02 00:00:00,,\"two, cut";
        let a = parse_any("Comments.csv", csv.as_bytes()).unwrap();
        assert_eq!(a.posts.len(), 2);
        assert_eq!(a.posts[1].text, "two, cut");
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2023-05-01 14:23").as_deref(), Some("2023-05-01T14:23:00Z"));
        assert_eq!(parse_date("2023-05-01").as_deref(), Some("2023-05-01"));
        assert_eq!(parse_date("05/01/23"), None);
    }
}
