//! Folding one character to its plain lowercase Latin form.
//!
//! Why: people (and evasions) write the same word many ways — `Disgusting`, `dísgusting`,
//! `ｄｉｓｇｕｓｔｉｎｇ`, `dіsgusting` with a Cyrillic `і`. Word lists are written once, in plain
//! lowercase; folding makes every spelling meet them.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

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
    let mut out: Vec<char> = Vec::new();
    decompose_compatible(c, |d| {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    });
    match out.len() {
        0 => Folded::Nothing,
        1 => Folded::One(confusable(out[0]).unwrap_or(out[0])),
        2 => Folded::Two(out[0], out[1]),
        _ => Folded::Many(out),
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
