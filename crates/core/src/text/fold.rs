//! Folding one character to its plain lowercase Latin form.
//!
//! Why: people (and evasions) write the same word many ways — `Disgusting`, `dísgusting`,
//! `ｄｉｓｇｕｓｔｉｎｇ`, `dіsgusting` with a Cyrillic `і`. Word lists are written once, in plain
//! lowercase; folding makes every spelling meet them.

use super::fold_table::{CODES, ENDS, MARKS, POOL};

/// Whether `c` is a combining mark (an accent written after its letter).
fn is_combining_mark(c: char) -> bool {
    let c = c as u32;
    MARKS
        .binary_search_by(|&(a, b)| {
            if b < c {
                std::cmp::Ordering::Less
            } else if a > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The plain ASCII `c` stands for (`é` → `e`, `ﬁ` → `fi`, `𝐟` → `f`, `①` → `1`), from the
/// generated table (`fold_table.rs`).
fn ascii_fold(c: char) -> Option<&'static str> {
    let i = CODES.binary_search(&(c as u32)).ok()?;
    let start = if i == 0 { 0 } else { usize::from(ENDS[i - 1]) };
    POOL.get(start..usize::from(ENDS[i]))
}

/// What one source character becomes.
pub(crate) enum Folded {
    /// Dropped entirely (zero-width characters, soft hyphens, combining marks).
    Nothing,
    /// One character.
    One(char),
    /// Two characters (`ß` → `ss`, `æ` → `ae`).
    Two(char, char),
    /// Several characters from a compatibility decomposition (`ﬁ` → `fi`, `½` → `1⁄2`).
    Many(Vec<char>),
}

/// Latin look-alikes from other scripts that evade word lists (`раtient` with Cyrillic `р`, `а`).
fn confusable(c: char) -> Option<char> {
    Some(match c {
        'а' | 'А' | 'α' | 'Α' => 'a',
        'в' | 'В' | 'β' => 'b',
        'с' | 'С' | 'ϲ' => 'c',
        'е' | 'Е' | 'ё' | 'Ё' | 'ε' | 'Ε' => 'e',
        'н' | 'Н' | 'η' | 'Η' => 'h',
        'і' | 'І' | 'ι' | 'Ι' | 'ї' => 'i',
        'ј' | 'Ј' => 'j',
        'к' | 'К' | 'κ' | 'Κ' => 'k',
        'м' | 'М' | 'Μ' => 'm',
        'о' | 'О' | 'ο' | 'Ο' => 'o',
        'р' | 'Р' | 'ρ' | 'Ρ' => 'p',
        'ѕ' | 'Ѕ' => 's',
        'т' | 'Т' | 'τ' | 'Τ' => 't',
        'у' | 'У' | 'υ' => 'y',
        'х' | 'Х' | 'χ' | 'Χ' => 'x',
        'ν' => 'v',
        'Ζ' => 'z',
        _ => return None,
    })
}

/// Folds `c`: lowercase, no accents, Latin look-alikes to Latin, typographic quotes and
/// dashes to ASCII, invisible characters dropped. Emoji and CJK pass through unchanged.
pub(crate) fn fold_char(c: char) -> Folded {
    if c.is_ascii() {
        return Folded::One(c.to_ascii_lowercase());
    }
    match c {
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => return Folded::Nothing,
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => return Folded::One('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => return Folded::One('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => return Folded::One('-'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{3000}' => return Folded::One(' '),
        'ß' | 'ẞ' => return Folded::Two('s', 's'),
        'æ' | 'Æ' => return Folded::Two('a', 'e'),
        'œ' | 'Œ' => return Folded::Two('o', 'e'),
        'ø' | 'Ø' => return Folded::One('o'),
        'ł' | 'Ł' => return Folded::One('l'),
        'đ' | 'Đ' => return Folded::One('d'),
        'ı' => return Folded::One('i'),
        _ => {}
    }
    if let Some(l) = confusable(c) {
        return Folded::One(l);
    }
    if is_combining_mark(c) {
        return Folded::Nothing;
    }
    if let Some(ascii) = ascii_fold(c) {
        let mut chars = ascii.chars();
        return match (chars.next(), chars.next(), chars.next()) {
            (Some(a), None, _) => Folded::One(a),
            (Some(a), Some(b), None) => Folded::Two(a, b),
            _ => Folded::Many(ascii.chars().collect()),
        };
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(a), None) => Folded::One(confusable(a).unwrap_or(a)),
        (Some(a), Some(b)) => {
            let rest: Vec<char> = lower.collect();
            if rest.is_empty() {
                Folded::Two(a, b)
            } else {
                Folded::Many([a, b].into_iter().chain(rest).collect())
            }
        }
        (None, _) => Folded::Nothing,
    }
}

/// The letter a leetspeak or masking character usually stands for.
pub(crate) fn leet_letter(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' | '!' => 'i',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' => 't',
        _ => return None,
    })
}
