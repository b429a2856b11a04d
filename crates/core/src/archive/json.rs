//! Walks a large JSON list item by item, so one bad item is skipped and a file cut short
//! still yields every item before the cut.

use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::Deserializer;

/// A cursor over JSON bytes.
pub(crate) struct Walk<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// Why the walk stopped before the end.
pub(crate) type Stop = String;

impl<'a> Walk<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Walk<'a> {
        Walk { bytes, pos: 0 }
    }

    /// A walk over a whole file that starts at byte `pos` (after a BOM or a
    /// `window.YTD.… =` prefix), so byte offsets in messages are the file's.
    pub(crate) fn starting_at(bytes: &'a [u8], pos: usize) -> Walk<'a> {
        Walk { bytes, pos: pos.min(bytes.len()) }
    }

    fn ws(&mut self) {
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_whitespace) {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.bytes.get(self.pos).copied()
    }

    fn expect(&mut self, c: u8, what: &str) -> Result<(), Stop> {
        match self.peek() {
            Some(b) if b == c => {
                self.pos += 1;
                Ok(())
            }
            Some(b) => Err(format!("expected {what} at byte {}, found '{}'", self.pos, char::from(b).escape_default())),
            None => Err(format!("the file ends at byte {} where {what} was expected (it looks cut short)", self.pos)),
        }
    }

    /// Reads one value. `Ok(Err(_))` is a well-formed value of the wrong shape (skipped past);
    /// `Err(_)` means the JSON itself is broken or cut short here.
    fn value<T: DeserializeOwned>(&mut self) -> Result<Result<T, serde_json::Error>, Stop> {
        self.ws();
        let start = self.pos;
        let mut it = Deserializer::from_slice(&self.bytes[start..]).into_iter::<T>();
        match it.next() {
            Some(Ok(v)) => {
                self.pos = start + it.byte_offset();
                Ok(Ok(v))
            }
            Some(Err(e)) if e.is_data() => {
                let mut skip = Deserializer::from_slice(&self.bytes[start..]).into_iter::<IgnoredAny>();
                match skip.next() {
                    Some(Ok(_)) => {
                        self.pos = start + skip.byte_offset();
                        Ok(Err(e))
                    }
                    Some(Err(e)) => Err(self.broken(start, &e)),
                    None => Err(self.cut()),
                }
            }
            Some(Err(e)) => Err(self.broken(start, &e)),
            None => Err(self.cut()),
        }
    }

    fn cut(&self) -> Stop {
        format!("the file ends at byte {} where more data was expected (it looks cut short)", self.bytes.len())
    }

    fn broken(&self, start: usize, e: &serde_json::Error) -> Stop {
        if e.is_eof() {
            return format!("the file ends at byte {} in the middle of an item (it looks cut short)", self.bytes.len());
        }
        // serde_json counts lines and columns from `start`; translate to a byte offset.
        let rest = &self.bytes[start..];
        let mut line_start = 0;
        for _ in 1..e.line() {
            match rest[line_start..].iter().position(|&b| b == b'\n') {
                Some(p) => line_start += p + 1,
                None => break,
            }
        }
        let at = start + line_start + e.column().saturating_sub(1);
        let what = e.to_string();
        let what = what.split(" at line ").next().unwrap_or(&what).to_string();
        format!("invalid JSON at byte {at}: {what}")
    }

    /// Walks a list, calling `item(index, value)` for each item. Returns the number of items,
    /// or where and why it stopped.
    pub(crate) fn array<T: DeserializeOwned>(
        &mut self,
        mut item: impl FnMut(usize, Result<T, serde_json::Error>),
    ) -> Result<usize, Stop> {
        self.expect(b'[', "a JSON list '['")?;
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(0);
        }
        let mut n = 0;
        loop {
            let v = self.value::<T>().map_err(|e| format!("item {}: {e}", n + 1))?;
            item(n, v);
            n += 1;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(n);
                }
                Some(_) => return Err(format!("item {}: expected ',' or ']' at byte {}", n + 1, self.pos)),
                None => {
                    return Err(format!("the file ends after item {n} without closing the list (it looks cut short)"))
                }
            }
        }
    }

    /// Walks an object, calling `field(key, walk)` for each key; `field` returns `true` when it
    /// consumed the value itself, `false` to skip it.
    pub(crate) fn object(
        &mut self,
        mut field: impl FnMut(&str, &mut Walk<'a>) -> Result<bool, Stop>,
    ) -> Result<(), Stop> {
        self.expect(b'{', "a JSON object '{'")?;
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            let key = match self.value::<String>()? {
                Ok(k) => k,
                Err(_) => return Err(format!("expected a key in quotes at byte {}", self.pos)),
            };
            self.expect(b':', "':'")?;
            if !field(&key, self)? {
                self.value::<IgnoredAny>()?.map_err(|e| e.to_string())?;
            }
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(_) => return Err(format!("expected ',' or '}}' at byte {}", self.pos)),
                None => return Err("the file ends before the object is closed (it looks cut short)".into()),
            }
        }
    }

    /// The first item of a list, if it parses (for format detection).
    pub(crate) fn first_array_item<T: DeserializeOwned>(&mut self) -> Option<T> {
        self.expect(b'[', "").ok()?;
        self.value::<T>().ok()?.ok()
    }

    /// The first key of an object (for format detection).
    pub(crate) fn first_key(&mut self) -> Option<String> {
        self.expect(b'{', "").ok()?;
        self.value::<String>().ok()?.ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_items_and_skips_wrong_shapes() {
        let mut got = Vec::new();
        let n = Walk::new(br#" [1, "two", 3 ,4] "#).array::<u32>(|i, v| got.push((i, v.ok()))).unwrap();
        assert_eq!(n, 4);
        assert_eq!(got, vec![(0, Some(1)), (1, None), (2, Some(3)), (3, Some(4))]);
    }

    #[test]
    fn keeps_the_items_before_a_cut() {
        let mut got = Vec::new();
        let e = Walk::new(br#"[{"a": 1}, {"a": 2}, {"a": "#)
            .array::<serde_json::Value>(|_, v| got.push(v.is_ok()))
            .unwrap_err();
        assert_eq!(got, vec![true, true]);
        assert!(e.contains("item 3") && e.contains("cut short"), "{e}");
        let e = Walk::new(br#"[1, 2"#).array::<u32>(|_, _| ()).unwrap_err();
        assert!(e.contains("cut short"), "{e}");
    }

    #[test]
    fn names_the_byte_of_broken_json() {
        let e = Walk::new(b"[1,\n 2 x]").array::<u32>(|_, _| ()).unwrap_err();
        assert!(e.contains("byte 7"), "{e}");
        let e = Walk::new(b"[{\"a\":\n tru}]").array::<serde_json::Value>(|_, _| ()).unwrap_err();
        assert!(e.starts_with("item 1: invalid JSON at byte"), "{e}");
    }

    #[test]
    fn walks_object_fields() {
        let mut keys = Vec::new();
        Walk::new(br#"{"a": [1, {"x": 2}], "b": [3]}"#)
            .object(|k, w| {
                keys.push(k.to_string());
                if k == "b" {
                    w.array::<u32>(|_, _| ())?;
                    return Ok(true);
                }
                Ok(false)
            })
            .unwrap();
        assert_eq!(keys, ["a", "b"]);
    }
}
