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
    Lexicon { name: "impulsive-tone/celebration", source: include_str!("celebration.txt") };

mod intoxication;
mod rage_venting;
mod shouting;

/// Known acronyms and initialisms: capitals that are not shouting (ICU, COVID, NHS, PPE).
/// Unknown words of three letters or fewer are treated as acronyms too, unless they are
/// common short words (see [`COMMON_SHORT`]).
const ACRONYMS: &[&str] = &[
    "COVID", "NICU", "PICU", "CICU", "HIPAA", "GDPR", "NICE", "JAMA", "NEJM", "KDIGO", "OSCE", "OSCES", "USMLE",
    "MCAT", "PLAB", "MRCP", "MRCS", "FRCS", "MBBS", "COPD", "CPAP", "BIPAP", "ECMO", "STEMI", "NSTEMI", "CABG", "TAVI",
    "TAVR", "MRSA", "ARDS", "SIRS", "SOFA", "QSOFA", "NEWS", "ACLS", "PALS", "ATLS", "HEMS", "NHSE", "MHRA", "NIHR",
    "NSAID", "NSAIDS", "SSRI", "SSRIS", "SNRI", "SNRIS", "DOAC", "DOACS", "LMWH", "PREP", "AIDS", "ESRD", "GERD",
    "GORD", "ADHD", "PTSD", "EMDR", "OBGYN", "PACU", "SDEC", "UCLA", "UCSF", "POCUS", "FAST", "EFAST", "FOAMED",
    "TLDR", "DNACPR", "ROSC", "AVPU", "SBAR", "ABCDE", "HBAIC", "LFTS", "RCTS", "USA", "NATO", "UNICEF", "CDC", "WHO",
    "NHS", "ICU", "PPE", "CEO", "COO", "CMO", "CNO", "CFO", "EHR", "EMR", "EPIC", "SAMU", "SAMUR", "SUS", "UPA", "UBS",
    "UTI", "CHU", "EHPAD", "ASCO", "ESMO", "AHA", "ESC", "ACC", "ATS", "ERS", "IDSA", "ASH", "AAP", "ACOG", "RCOG",
    "RCN", "RCGP", "RCP", "RCS", "AMA", "BMA", "GMC", "NMC", "HCPC", "CQC", "OFSTED", "AFIB", "NSCLC", "SCLC", "HFREF",
    "HFPEF", "DKA", "HHS", "SGLT", "GLP", "TPN", "PCA", "PICC", "CVC", "MIBG", "PSMA", "BRCA", "HER", "EGFR", "ALK",
    "KRAS", "PDL", "CART",
];

/// Common short words that are shouting when capitalized (not acronyms), in the supported
/// languages.
const COMMON_SHORT: &[&str] = &[
    "I", "A", "AM", "AN", "AS", "AT", "BE", "BY", "GO", "HE", "IF", "IN", "IS", "ME", "MY", "NO", "OF", "OH", "ON",
    "SO", "TO", "UP", "WE", "ALL", "AND", "ANY", "ARE", "BUT", "CAN", "DID", "FOR", "GET", "GOT", "HAD", "HAS", "HER",
    "HIM", "HIS", "HOW", "ITS", "LET", "NOT", "NOW", "OFF", "ONE", "OUR", "OUT", "SAY", "SEE", "SHE", "THE", "TOO",
    "TWO", "WAS", "WAY", "WHO", "WHY", "YES", "YET", "YOU", "BAD", "BIG", "NEW", "OLD", "SAD", "MAD", "END", "DAY",
    "DON'T", "CAN'T", "WON'T", "I'M", "IT'S", "EN", "EL", "LA", "LO", "MI", "SE", "TE", "DE", "QUE", "SI", "YA", "MAS",
    "POR", "LOS", "LAS", "UNA", "UN", "ES", "SU", "TU", "YO", "LE", "LES", "DU", "ET", "JE", "IL", "NE", "PAS", "EST",
    "QUI", "CE", "ICH", "DU", "ER", "DIE", "DER", "DAS", "UND", "IST", "NUR", "WIR", "IHR", "EIN", "VAI", "VÃO", "EM",
    "OS", "UM", "EU", "NÃO", "TEM", "DEU", "FOI",
];

/// Two-letter words that count as emphasis when capitalized alone ("MY ER", "NO way").
const EMPHASIS_SHORT: &[&str] = &["MY", "ME", "NO", "SO", "WE", "HE", "YOU", "NOT", "ALL", "WHY", "HOW", "NOW", "OUR"];

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
    let bare: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    if ACRONYMS.contains(&bare.as_str()) {
        return Tok::Neutral;
    }
    if COMMON_SHORT.contains(&word) || letters >= 4 {
        return Tok::Shout;
    }
    Tok::Neutral
}

/// Finds shouted runs and emphasized words in `text` (the original, not the normalized text,
/// since case is what matters).
pub(crate) fn capitals(text: &str) -> Capitals {
    let mut words: Vec<(Range<usize>, Tok)> = Vec::new();
    let mut start: Option<usize> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next_alpha = iter.peek().is_some_and(|&(_, n)| n.is_alphabetic());
        let in_word = c.is_alphabetic() || ((c == '\'' || c == '’') && start.is_some() && next_alpha);
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s..i, classify(&text[s..i].replace('’', "'"))));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s..text.len(), classify(&text[s..].replace('’', "'"))));
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
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut count = 0;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if c == '!' || c == '?' {
            start.get_or_insert(i);
            count += 1;
        } else {
            if let Some(s) = start.take() {
                if count >= 3 {
                    out.push(s..i);
                }
            }
            count = 0;
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
