//! `colleague-disparagement/insult`: insulting or ridiculing colleagues, another profession or
//! the employer in public ("our PD is a clown", "admin couldn't run a lemonade stand").

use super::{
    colleague_in_sentence, respectful, self_intro, ATTACKS, COLLEAGUE_TARGET, EMPLOYER, EYEROLL, INSULTS, RESPECTFUL,
};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::{Hit, Lexicon};
use crate::rule::{Rule, RuleMeta, Sink};
use crate::rules::patient_disparagement::near;
use crate::rules::patient_disparagement::PATIENT_TARGET;
use crate::rules::profanity::SWEAR_WORDS;

/// Being fed up with someone ("so done with this hospital", "die Schnauze voll von…"): an
/// attack only next to a colleague or employer word.
static FED_UP: Lexicon =
    Lexicon { name: "colleague-disparagement/fed-up", source: crate::word_list!("colleague_disparagement/fed_up.txt") };
use crate::rules::patient_disparagement::REPORTED;
use crate::rules::patient_disparagement::{
    asserted, asserted_close, in_or_after_sentence, patient_noun_in_sentence, sentence_of, single_quoted,
};

/// Mock praise ("Groundbreaking.") closing a jab at a repeat failure.
static MOCK_PRAISE: Lexicon = Lexicon {
    name: "colleague-disparagement/mock-praise",
    source: crate::word_list!("colleague_disparagement/mock_praise.txt"),
};

static META: RuleMeta = RuleMeta {
    id: "colleague-disparagement/insult",
    category: Category::ColleagueDisparagement,
    severity: Severity::Warning,
    message: "This publicly insults colleagues, another profession or your employer.",
    rationale: "Mocking a colleague, a specialty or your hospital in public undermines the team patients rely on \
                and the public's trust in it, and identifiable staff can be hurt or harassed. Raise concerns \
                through proper channels; disagree with ideas and evidence, respectfully, not with people.",
    guidance: "AMA Code of Medical Ethics 2.3.2 (online conduct can undermine public trust in the profession); \
               GMC Doctors' use of social media §9–10 (do not bully, harass or make gratuitous comments about \
               colleagues; raise concerns properly); BMA social media guidance",
    bad: crate::examples![
        "To the registrar who overruled my plan: cute that you think two years in makes you the expert.",
        "The docs at my hospital only ever cover for each other. Proper mafia.",
        "Our locum prescribed antibiotics for every cold this week. How these people keep their licence is beyond me.",
        "The consultant shouted at me in front of the whole ward. He is a monster.",
        "The bed managers left my transfer sitting in ED all night. Useless, every single one of them.",
        "Our charge nurse is a total idiot and everyone knows it",
        "Hospital admin here are clowns, the whole lot of them",
        "Management spent our bonus on a new logo. This place is a clown show.",
        "Die Verwaltung ist komplett inkompetent, wie immer",
        "Cardiology took six hours to see a STEMI. Six. F*cking. Hours.",
        "Quelle merde de direction, encore des lits fermés",
        "Honestly so done with this trust and its empty promises",
        "Pharmacy once again lost the discharge meds and called it 'a system issue'. Groundbreaking.",
    ],
    good: crate::examples![
        "Twelve-hour shift done, feet destroyed, useless at conversation now 😴 #NurseLife",
        "My registrar thinks my plan was too cautious; fair point, and we agreed a middle course.",
        "Please stop asking your GP for antibiotics for a cold. They do nothing for viruses.",
        "I respectfully disagree with my surgical colleagues on drain use; here is the evidence",
        "Our charge nurse stayed two hours late to cover a sick call. Legend.",
        "I think the new rota is a mistake and I've raised it with our manager",
        "Holy shit, our hospital just won the national patient safety award!",
        "So done with night shifts for this month, the department threw us a breakfast",
        "Our pathology team processed 2,000 samples over the holiday weekend. Outstanding.",
    ],
    lexicons: &[
        &REPORTED,
        &INSULTS,
        &ATTACKS,
        &FED_UP,
        &MOCK_PRAISE,
        &SWEAR_WORDS,
        &COLLEAGUE_TARGET,
        &EMPLOYER,
        &EYEROLL,
        &RESPECTFUL,
        &PATIENT_TARGET,
    ],
};

/// An insult next to a colleague or the employer, or a distinctive attack in a post about them.
pub(crate) struct Insult;

/// Whether a sentence opens with the insult itself or with a pronoun for the people judged.
fn verdict_opening(sentence: &str, insult: &str) -> bool {
    fn first_word(t: &str) -> &str {
        crate::text::words(t).next().and_then(|r| t.get(r)).unwrap_or("")
    }
    let (first, insult_first) = (first_word(sentence), first_word(insult));
    (!first.is_empty() && first == insult_first) || matches!(first, "he" | "she" | "total" | "absolute" | "utterly")
}

/// A short verdict ("Total clowns.") right after a sentence that names colleagues or the employer.
fn verdict_after_target(doc: &Document<'_>, h: &crate::lexicon::Hit) -> bool {
    let norm = doc.norm();
    let s = sentence_of(norm, h.start as usize);
    // A verdict is a short jab ("Clown."), or a slightly longer one that opens with the insult or
    // with the person it judges ("Useless, every single one of them.", "He is a monster.").
    let short = norm.get(s.clone()).is_some_and(|t| {
        let n = crate::text::words(t).count();
        n <= 4 || n <= 8 && verdict_opening(t, &norm[h.range()])
    });
    if !short || s.start < 2 {
        return false;
    }
    // Look back over the previous sentence, and one more when it is itself a short jab
    // ("Didn't listen. Didn't tour. Clown.").
    let mut prev = sentence_of(norm, s.start - 2);
    for _ in 0..2 {
        let jab = norm.get(prev.clone()).is_some_and(|t| crate::text::words(t).count() <= 4);
        if !jab || prev.start < 2 {
            break;
        }
        prev = sentence_of(norm, prev.start - 2).start..prev.end;
    }
    let inside = |x: &crate::lexicon::Hit| (x.start as usize) >= prev.start && (x.end as usize) <= prev.end;
    doc.hits(&COLLEAGUE_TARGET).iter().any(|x| inside(x) && !self_intro(doc, x))
        || doc.hits(&EMPLOYER).iter().any(inside)
}

/// Whether the sentence before `h` tells of a repeat ("once again") with a failure or with the
/// colleagues' words in single quotes: what makes a one-word "Groundbreaking." sarcastic.
fn after_repeat_or_quote(doc: &Document<'_>, h: &Hit) -> bool {
    let norm = doc.norm();
    let s = sentence_of(norm, h.start as usize);
    if s.start < 2 {
        return false;
    }
    let prev = &norm[sentence_of(norm, s.start - 2)];
    let quoted = prev.matches(" '").count() >= 1 && prev.matches('\'').count() >= 2;
    let repeat = [" again", "as usual", "otra vez", "de nuevo", "de novo", "encore", "wieder", "como siempre"]
        .iter()
        .any(|w| prev.contains(w));
    // A repeat alone may be praise ("once again covered three sick calls"); it needs a failure.
    let failure =
        ["lost", "missed", "forgot", "ignored", "wrong", "failed", "delayed", "cancel", "refused", "perdi", "oubli"]
            .iter()
            .any(|w| prev.contains(w));
    repeat && (failure || quoted)
}

/// Whether the swear word modifies a colleague or employer word that follows it directly or
/// through an article ("merda de hospital", "putain de direction", "this shitty trust"), not a
/// question about them ("how the hell do attendings…").
fn swear_before_target(doc: &Document<'_>, h: &Hit) -> bool {
    let norm = doc.norm();
    let linked = |x: &Hit| {
        x.start >= h.end
            && norm.get(h.end as usize..x.start as usize).is_some_and(|gap| {
                let mut n = 0;
                crate::text::words(gap).all(|w| {
                    n += 1;
                    n <= 2 && LINKS.contains(&&gap[w])
                })
            })
    };
    doc.hits(&COLLEAGUE_TARGET).iter().any(|x| linked(x) && !self_intro(doc, x))
        || doc.hits(&EMPLOYER).iter().any(linked)
}

/// Prepositions that may join a swear word to the noun it insults ("merda de hospital",
/// "putain de direction"); "holy shit, our department…" is an interjection, not an insult.
const LINKS: &[&str] = &["de", "da", "of", "du", "des", "del", "di"];

/// Whether the colleague or employer word ends the thing the poster is fed up with ("so done with
/// this hospital.", "…von dieser Klinikleitung!!!"), not a noun phrase about something else
/// ("sick of the hospital food").
fn ends_phrase(doc: &Document<'_>, x: &Hit) -> bool {
    let tail = doc.norm().get(x.end as usize..).unwrap_or("");
    let next = tail.split(|c: char| !(c.is_alphanumeric() || c == '\'')).find(|w| !w.is_empty());
    let punct = tail.trim_start().chars().next().map_or(true, |c| !c.is_alphanumeric());
    punct
        || matches!(next, Some("and" | "y" | "e" | "et" | "und" | "who" | "que" | "which" | "for" | "right" | "again"))
}

/// Masked words ("f***ing", "b*tch"): a `*` between letters, as the normalizer leaves them.
fn masked_words<'d>(doc: &'d Document<'_>) -> impl Iterator<Item = Hit> + 'd {
    let norm = doc.norm();
    // Most drafts hold no `*`: skip the word table then.
    let words = if norm.contains('*') { doc.words() } else { &[] };
    words.iter().filter_map(move |w| {
        let t = &norm[w.clone()];
        let inner = t.trim_matches('*');
        let masked = inner.contains('*') && inner.len() >= 3 && inner.chars().any(|c| c.is_alphabetic());
        masked.then_some(Hit { list: u16::MAX, entry: 0, start: w.start as u32, end: w.end as u32 })
    })
}

impl Rule for Insult {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let about_colleagues = doc.has(&COLLEAGUE_TARGET) || doc.has(&EMPLOYER);
        if !about_colleagues {
            return;
        }
        let attack = doc.hits(&ATTACKS).iter().find(|h| asserted_close(doc, h) && !respectful(doc, h));
        let insult = || {
            doc.hits(&INSULTS).iter().find(|h| {
                asserted(doc, h)
                    && !single_quoted(doc, h)
                    && !respectful(doc, h)
                    && (colleague_in_sentence(doc, h) || verdict_after_target(doc, h))
            })
        };
        if let Some(h) = attack.or_else(insult) {
            sink.push(doc.original(h.range()));
            return;
        }
        // Swearing at the employer or colleagues ("essa merda de hospital", "putain de direction"),
        // or as a verdict right after naming them ("Radiology takes 9 hours. Nine. F***ing. Hours.").
        let aimed = |h: &Hit| {
            asserted_close(doc, h)
                && !respectful(doc, h)
                && !patient_noun_in_sentence(doc, h)
                && (swear_before_target(doc, h) || verdict_after_target(doc, h))
        };
        let swear = doc.hits(&SWEAR_WORDS).iter().copied().chain(masked_words(doc)).find(|h| aimed(h));
        if let Some(h) = swear {
            let f = sink.push(doc.original(h.range()));
            f.message = "Swearing at your employer or colleagues in public reads as an attack on them.".into();
            return;
        }
        let target_after = |h: &Hit| {
            let after = |x: &&Hit| x.start >= h.end && near(doc, h, x, 4) && ends_phrase(doc, x);
            doc.hits(&EMPLOYER).iter().any(|x| after(&x))
                || doc.hits(&COLLEAGUE_TARGET).iter().any(|x| after(&x) && !self_intro(doc, x))
        };
        let mock = doc.hits(&MOCK_PRAISE).iter().find(|h| {
            !doc.is_quoted(h.start as usize) && verdict_after_target(doc, h) && after_repeat_or_quote(doc, h)
        });
        if let Some(h) = mock {
            let f = sink.push(doc.original(h.range()));
            f.message = "Mock praise after a colleague's failure is public ridicule.".into();
            return;
        }
        let fed_up =
            doc.hits(&FED_UP).iter().find(|h| asserted_close(doc, h) && !respectful(doc, h) && target_after(h));
        if let Some(h) = fed_up {
            let f = sink.push(doc.original(h.range()));
            f.message = "Venting that you are fed up with your employer or colleagues, in public, attacks them.".into();
            return;
        }
        // An eye-roll aimed at a colleague or specialty ("Ortho: 'bone's fine' 🙄").
        let eyeroll = doc.has(&EYEROLL);
        let rolled = doc.hits(&COLLEAGUE_TARGET).iter().find(|x| {
            eyeroll
                && !self_intro(doc, x)
                && in_or_after_sentence(doc, x.start as usize, &EYEROLL)
                && !patient_noun_in_sentence(doc, x)
                && !respectful(doc, x)
        });
        if let Some(x) = rolled {
            let f = sink.push(doc.original(x.range()));
            f.message = "An eye-roll at a colleague or another specialty reads as public mockery.".into();
        }
    }
}
