//! `impulsive-tone/shouting`: a run of all-caps words (not acronyms such as ICU, COVID, NHS).

use super::rage_venting::{ANGER_WORDS, FED_UP, VENTING};
use super::{bang_runs, capitals, classify, has_trigger, Tok, CELEBRATION};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::finding::{Edit, Fix, Span};
use crate::rule::{Rule, RuleMeta, Sink};
use crate::rules::profanity;

static META: RuleMeta = RuleMeta {
    id: "impulsive-tone/shouting",
    category: Category::ImpulsiveTone,
    severity: Severity::Warning,
    message: "Writing in capitals reads as shouting; posts written in anger are the ones people regret.",
    rationale: "A run of capital letters signals rage, and posts written in the heat of the moment are the ones \
                that end up in screenshots and complaints. Acronyms (ICU, NHS, PPE, COVID) are not counted. Wait, \
                reread, and post when calm — or not at all.",
    guidance: "Best practice for clinicians online (pause before posting emotionally charged content); WMA 2011 \
               statement (adopt a sober tone); THINK; expert rule: never post anything you might regret",
    bad: crate::examples![
        "I CANNOT BELIEVE THEY CANCELLED ANOTHER NIGHT SHIFT BREAK",
        "Four admissions, no porter, and now THEY WANT ME TO COVER THE WARD ALONE",
        "ESTOY HARTA DE ESTA GUARDIA",
    ],
    good: crate::examples![
        "ICU nurses: the NHS PPE guidance changed again, read the COVID update",
        "Our meta-analysis did NOT show a benefit; negative results matter",
        "Great talk on POCUS and ECMO at ESC today",
        "WE MATCHED INTO EMERGENCY MEDICINE!!! So proud of this cohort",
        "SAVE THE DATE: regional nursing conference, 14 March",
        "FREE FLU JABS FOR ALL STAFF THIS WEEK in the atrium",
        "WHY YOUR VOTE MATTERS: a short explainer on the pay ballot",
    ],
    lexicons: &[
        &CELEBRATION,
        &VENTING,
        &FED_UP,
        &ANGER_WORDS,
        &profanity::SWEAR_WORDS,
        &profanity::NAME_LIKE,
        &profanity::ABBREVIATIONS,
    ],
};

/// All-caps runs.
pub(crate) struct Shouting {
    candidates: Vec<String>,
}

impl Shouting {
    pub(crate) fn new() -> Shouting {
        Shouting { candidates: profanity::mask_candidates() }
    }
}

/// Lower-cases the shouted words of a run, keeping acronyms, the pronoun "I" and, when the
/// run starts a sentence, its first capital.
fn calm_down(run: &str, sentence_start: bool) -> String {
    let mut out = String::with_capacity(run.len());
    let mut first = sentence_start;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String, first: &mut bool| {
        if word.is_empty() {
            return;
        }
        let w = word.replace('’', "'");
        // Short unknown capitals are kept as acronyms, except word-shaped ones ("BED", "RUN").
        let b = w.as_bytes();
        let vowel = |c: u8| b"AEIOU".contains(&c);
        let word_shaped = b.len() == 3 && !vowel(b[0]) && vowel(b[1]) && !vowel(b[2]);
        let keep = (classify(&w) != Tok::Shout && !word_shaped) || w == "I" || w.starts_with("I'");
        if keep {
            out.push_str(word);
        } else {
            let lower = word.to_lowercase();
            let mut cs = lower.chars();
            if *first {
                out.extend(cs.next().into_iter().flat_map(char::to_uppercase));
            }
            out.extend(cs);
        }
        *first = false;
        word.clear();
    };
    for c in run.chars() {
        if c.is_alphabetic() || ((c == '\'' || c == '’') && !word.is_empty()) {
            word.push(c);
        } else {
            flush(&mut word, &mut out, &mut first);
            out.push(c);
        }
    }
    flush(&mut word, &mut out, &mut first);
    out
}

impl Rule for Shouting {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let text = doc.text();
        // Capitals of joy ("WE MATCHED!!!") are not rage, unless anger is there too.
        if doc.has(&CELEBRATION) && !doc.has(&VENTING) && !doc.has(&FED_UP) && !doc.has(&ANGER_WORDS) {
            return;
        }
        let runs = capitals(text).runs;
        if runs.is_empty() {
            return;
        }
        // A heading in capitals ("SAVE THE DATE") is not shouting; capitals with a pronoun, a
        // question or "again", or in a post with "!!!", swearing or anger, are.
        let heated = !bang_runs(text).is_empty()
            || doc.has(&VENTING)
            || doc.has(&FED_UP)
            || doc.has(&ANGER_WORDS)
            || profanity::any_profanity(doc, &self.candidates).is_some();
        for run in runs {
            // A title or label runs on into lower case or a colon ("STOP THE BLEED training",
            // "WHY YOUR VOTE MATTERS: an explainer").
            let next = text[run.end..].trim_start_matches([' ', '\t']).chars().next();
            let heading = next.is_some_and(|c| c.is_lowercase() || [':', '-', '–', '—'].contains(&c));
            if !heated && (heading || !has_trigger(text, run.clone())) {
                continue;
            }
            let before = text[..run.start].trim_end();
            let sentence_start = before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n']);
            let calm = calm_down(&text[run.clone()], sentence_start);
            let f = sink.push(run.clone());
            if calm != text[run.clone()] {
                f.fix = Some(Fix {
                    label: "Turn off the capitals".into(),
                    edits: vec![Edit { span: Span::bytes(run), replacement: calm }],
                });
            }
        }
    }
}
