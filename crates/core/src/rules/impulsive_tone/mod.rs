//! Impulsive tone: rage and venting, all-caps shouting, strings of `!!!`/`???`, workplace
//! rants and intoxication tied to work.
//!
//! Calm advocacy and honest reflection on burnout are the hard negatives here, so single
//! weak signs (one capitalized word, one "ridiculous") never flag on their own: a post is a
//! rant when it says so outright (venting.txt) or when different signs pile up.

use crate::lexicon::Lexicon;
use std::ops::Range;

/// Joy, pride and thanks: capitals and "!!!" in such a post are excitement.
pub(crate) static CELEBRATION: Lexicon =
    Lexicon { name: "impulsive-tone/celebration", source: crate::word_list!("impulsive_tone/celebration.txt") };

mod intoxication;
mod rage_venting;
mod shouting;

/// Known acronyms and initialisms: capitals that are not shouting (ICU, COVID, NHS, PPE).
/// Sorted, for binary search.
/// Unknown words of three letters or fewer are treated as acronyms too, unless they are
/// common short words (see [`COMMON_SHORT`]).
const ACRONYMS: &[&str] = &[
    "AAP", "ABCDE", "ACC", "ACLS", "ACOG", "ADHD", "AFIB", "AHA", "AIDS", "ALK", "AMA", "ARDS", "ASCO", "ASH", "ATLS",
    "ATS", "AVPU", "BIPAP", "BMA", "BRCA", "CABG", "CART", "CDC", "CEO", "CFO", "CHU", "CICU", "CMO", "CNO", "COO",
    "COPD", "COVID", "CPAP", "CQC", "CVC", "DKA", "DNACPR", "DOAC", "DOACS", "ECMO", "EFAST", "EGFR", "EHPAD", "EHR",
    "EMDR", "EMR", "EPIC", "ERS", "ESC", "ESMO", "ESRD", "FAST", "FOAMED", "FRCS", "GDPR", "GERD", "GLP", "GMC",
    "GORD", "HBAIC", "HCPC", "HEMS", "HER", "HFPEF", "HFREF", "HHS", "HIPAA", "ICU", "IDSA", "JAMA", "KDIGO", "KRAS",
    "LFTS", "LMWH", "MBBS", "MCAT", "MHRA", "MIBG", "MRCP", "MRCS", "MRSA", "NATO", "NEJM", "NEWS", "NHS", "NHSE",
    "NICE", "NICU", "NIHR", "NMC", "NSAID", "NSAIDS", "NSCLC", "NSTEMI", "OBGYN", "OFSTED", "OSCE", "OSCES", "PACU",
    "PALS", "PCA", "PDL", "PICC", "PICU", "PLAB", "POCUS", "PPE", "PREP", "PSMA", "PTSD", "QSOFA", "RCGP", "RCN",
    "RCOG", "RCP", "RCS", "RCTS", "ROSC", "SAMU", "SAMUR", "SBAR", "SCLC", "SDEC", "SGLT", "SIRS", "SNRI", "SNRIS",
    "SOFA", "SSRI", "SSRIS", "STEMI", "SUS", "TAVI", "TAVR", "TLDR", "TPN", "UBS", "UCLA", "UCSF", "UNICEF", "UPA",
    "USA", "USMLE", "UTI", "WHO",
];

/// Common short words (sorted) that are shouting when capitalized (not acronyms), in the supported
/// languages.
const COMMON_SHORT: &[&str] = &[
    "A", "ALL", "AM", "AN", "AND", "ANY", "ARE", "AS", "AT", "BAD", "BE", "BIG", "BUT", "BY", "CAN", "CAN'T", "CE",
    "DAS", "DAY", "DE", "DER", "DEU", "DID", "DIE", "DON'T", "DU", "EIN", "EL", "EM", "EN", "END", "ER", "ES", "EST",
    "ET", "EU", "FOI", "FOR", "GET", "GO", "GOT", "HAD", "HAS", "HE", "HER", "HIM", "HIS", "HOW", "I", "I'M", "ICH",
    "IF", "IHR", "IL", "IN", "IS", "IST", "IT'S", "ITS", "JE", "LA", "LAS", "LE", "LES", "LET", "LO", "LOS", "MAD",
    "MAS", "ME", "MI", "MY", "NE", "NEW", "NO", "NOT", "NOW", "NUR", "NÃO", "OF", "OFF", "OH", "OLD", "ON", "ONE",
    "OS", "OUR", "OUT", "PAS", "POR", "QUE", "QUI", "SAD", "SAY", "SE", "SEE", "SHE", "SI", "SO", "SU", "TE", "TEM",
    "THE", "TO", "TOO", "TU", "TWO", "UM", "UN", "UNA", "UND", "UP", "VAI", "VÃO", "WAS", "WAY", "WE", "WHO", "WHY",
    "WIR", "WON'T", "YA", "YES", "YET", "YO", "YOU",
];

/// Two-letter words that count as emphasis when capitalized alone ("MY ER", "NO way").
const EMPHASIS_SHORT: &[&str] = &["ALL", "HE", "HOW", "ME", "MY", "NO", "NOT", "NOW", "OUR", "SO", "WE", "WHY", "YOU"];

/// Capitalized words that make capitals personal or hostile rather than a heading: pronouns,
/// questions, "again", "never", "stop" ("I AM SO DONE", "WHY IS NOBODY ANSWERING") — unlike
/// announcements ("SAVE THE DATE", "FREE FLU JABS THIS WEEK"). Sorted.
const TRIGGERS: &[&str] = &[
    "ABSOLUTELY",
    "AGAIN",
    "ANGRY",
    "ANYBODY",
    "ANYONE",
    "CAN'T",
    "DISGRACE",
    "DONE",
    "ENOUGH",
    "ESTOU",
    "ESTOY",
    "EU",
    "EVER",
    "EVERYBODY",
    "EVERYONE",
    "HATE",
    "HOW",
    "I",
    "I'M",
    "ICH",
    "IM",
    "J'EN",
    "JAMAIS",
    "JE",
    "JOKE",
    "KILL",
    "KILLING",
    "MARRE",
    "ME",
    "MI",
    "MICH",
    "MINE",
    "MIR",
    "MOI",
    "MY",
    "NEVER",
    "NIE",
    "NIEMAND",
    "NOBODY",
    "NOT",
    "NUNCA",
    "NÃO",
    "OUR",
    "RIDICULOUS",
    "SERIOUSLY",
    "SHAME",
    "SICK",
    "SOMEBODY",
    "SOMEONE",
    "STOP",
    "THEIR",
    "THEM",
    "THEY",
    "TIRED",
    "TODOS",
    "UNACCEPTABLE",
    "UNSAFE",
    "WE",
    "WHAT",
    "WHY",
    "WON'T",
    "WORST",
    "YO",
    "YOU",
];

/// Whether the original range holds a capitalized trigger word.
pub(crate) fn has_trigger(text: &str, range: Range<usize>) -> bool {
    let Some(piece) = text.get(range) else { return false };
    piece
        .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .any(|w| TRIGGERS.binary_search(&w.replace('’', "'").as_str()).is_ok())
}

/// Capitals in the original text: runs of shouted words, and isolated emphasized words.
pub(crate) struct Capitals {
    /// Original byte ranges of runs of three or more shouted words.
    pub(crate) runs: Vec<Range<usize>>,
    /// Original byte ranges of shouted words outside those runs ("AGAIN", "DON'T").
    pub(crate) emphasis: Vec<Range<usize>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok {
    /// Has a lower-case letter: ends a run.
    Lower,
    /// All capitals, an acronym or a stray letter: neither shouting nor a break.
    Neutral,
    /// All capitals and a real word.
    Shout,
}

pub(crate) fn classify(word: &str) -> Tok {
    if word.chars().any(char::is_lowercase) {
        return Tok::Lower;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 && COMMON_SHORT.binary_search(&word).is_err() {
        return Tok::Neutral;
    }
    let is_acronym = if word.contains(['\'', '’']) {
        let bare: String = word.chars().filter(|c| c.is_alphabetic()).collect();
        ACRONYMS.binary_search(&bare.as_str()).is_ok()
    } else {
        ACRONYMS.binary_search(&word).is_ok()
    };
    if is_acronym {
        return Tok::Neutral;
    }
    if letters >= 4
        || COMMON_SHORT.binary_search(&word).is_ok()
        || COMMON_SHORT.binary_search(&word.replace('’', "'").as_str()).is_ok()
    {
        return Tok::Shout;
    }
    Tok::Neutral
}

/// Finds shouted runs and emphasized words in `text` (the original, not the normalized text,
/// since case is what matters).
pub(crate) fn capitals(text: &str) -> Capitals {
    // Fast path: without two capitals in a row there is no shouted word at all.
    let any_pair = if text.is_ascii() {
        text.as_bytes().windows(2).any(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_uppercase())
    } else {
        let mut prev_upper = false;
        text.chars().any(|c| {
            let up = c.is_uppercase();
            let pair = up && prev_upper;
            prev_upper = up;
            pair
        })
    };
    if !any_pair {
        return Capitals { runs: Vec::new(), emphasis: Vec::new() };
    }
    let mut words: Vec<(Range<usize>, Tok)> = Vec::new();
    let mut start: Option<usize> = None;
    let mut lower = false;
    let close = |s: usize, e: usize, lower: bool, words: &mut Vec<(Range<usize>, Tok)>| {
        // Words with a lower-case letter are the common case: no need to classify them.
        let tok = if lower { Tok::Lower } else { classify(&text[s..e]) };
        words.push((s..e, tok));
    };
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let alpha = c.is_alphabetic();
        let in_word = alpha
            || ((c == '\'' || c == '’') && start.is_some() && iter.peek().is_some_and(|&(_, n)| n.is_alphabetic()));
        match (in_word, start) {
            (true, None) => {
                start = Some(i);
                lower = c.is_lowercase();
            }
            (true, Some(_)) => lower |= alpha && c.is_lowercase(),
            (false, Some(s)) => {
                close(s, i, lower, &mut words);
                start = None;
            }
            (false, None) => {}
        }
    }
    if let Some(s) = start {
        close(s, text.len(), lower, &mut words);
    }
    let mut runs = Vec::new();
    let mut emphasis = Vec::new();
    let mut k = 0;
    while k < words.len() {
        if words[k].1 != Tok::Shout {
            k += 1;
            continue;
        }
        // Extend over shouted and neutral words until a lower-case word.
        let mut j = k;
        let mut shouted = Vec::new();
        while j < words.len() && words[j].1 != Tok::Lower {
            if words[j].1 == Tok::Shout {
                shouted.push(j);
            }
            j += 1;
        }
        let (Some(&first), Some(&last)) = (shouted.first(), shouted.last()) else {
            k = j;
            continue;
        };
        if shouted.len() >= 3 {
            runs.push(words[first].0.start..words[last].0.end);
        } else {
            for &s in &shouted {
                let w = &text[words[s].0.clone()];
                let letters = w.chars().filter(|c| c.is_alphabetic()).count();
                if letters >= 4 || EMPHASIS_SHORT.contains(&w) {
                    emphasis.push(words[s].0.clone());
                }
            }
        }
        k = j;
    }
    Capitals { runs, emphasis }
}

/// Original byte ranges of runs of three or more `!`/`?` ("???", "!!!", "?!?").
pub(crate) fn bang_runs(text: &str) -> Vec<Range<usize>> {
    // Both marks are ASCII, so a byte scan finds them and its offsets are char boundaries.
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'!' && b[i] != b'?' {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && (b[i] == b'!' || b[i] == b'?') {
            i += 1;
        }
        if i - start >= 3 {
            out.push(start..i);
        }
    }
    out
}

/// The category's rules.
pub(crate) fn rules() -> Vec<Box<dyn crate::rule::Rule>> {
    vec![
        Box::new(shouting::Shouting::new()),
        Box::new(rage_venting::RageVenting::new()),
        Box::new(intoxication::Intoxication::new()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<&str> {
        capitals(text).runs.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn acronyms_are_not_shouting() {
        assert!(runs("ICU NHS PPE COVID update for ED and OR staff").is_empty());
        assert_eq!(runs("the ICU IS A DISGRACE TONIGHT, honestly"), ["IS A DISGRACE TONIGHT"]);
        assert_eq!(runs("VÃO SE FODER TODOS."), ["VÃO SE FODER TODOS"]);
    }

    #[test]
    fn single_capitals_are_emphasis() {
        let text = "Our trial did NOT show a benefit";
        let caps = capitals(text);
        assert!(caps.runs.is_empty());
        assert_eq!(caps.emphasis.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), ["NOT"]);
    }

    #[test]
    fn bangs_need_three() {
        let text = "Really?! No!!! Why???";
        let got: Vec<&str> = bang_runs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["!!!", "???"]);
    }
}

#[cfg(test)]
mod sorted {
    #[test]
    fn word_tables_are_sorted() {
        for t in [super::ACRONYMS, super::COMMON_SHORT, super::TRIGGERS] {
            assert!(t.windows(2).all(|w| w[0] < w[1]), "{:?}", t.windows(2).find(|w| w[0] >= w[1]));
        }
    }
}
