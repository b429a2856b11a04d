//! `impulsive-tone/rage-venting`: rage, venting and workplace rants.

use super::{bang_runs, capitals, has_trigger, CELEBRATION};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::finding::Span;
use crate::lexicon::Lexicon;
use crate::re::Regex;
use crate::rule::{Rule, RuleMeta, Sink};
use crate::rules::profanity;
use std::ops::Range;

/// Rage and venting that needs nothing else to be impulsive.
pub(crate) static VENTING: Lexicon =
    Lexicon { name: "impulsive-tone/venting", source: crate::word_list!("impulsive_tone/venting.txt") };

/// Fed-up idioms: a rant by themselves when the post is about work, one sign otherwise.
pub(crate) static FED_UP: Lexicon =
    Lexicon { name: "impulsive-tone/fed-up", source: crate::word_list!("impulsive_tone/fed_up.txt") };

/// Weaker signs of anger: two different signs make a rant.
pub(crate) static ANGER_WORDS: Lexicon =
    Lexicon { name: "impulsive-tone/anger-words", source: crate::word_list!("impulsive_tone/anger_words.txt") };

/// The workplace as the target of a rant.
pub(crate) static WORKPLACE: Lexicon =
    Lexicon { name: "impulsive-tone/workplace", source: crate::word_list!("impulsive_tone/workplace.txt") };

static META: RuleMeta = RuleMeta {
    id: "impulsive-tone/rage-venting",
    category: Category::ImpulsiveTone,
    severity: Severity::Warning,
    message: "This reads as a post written in anger; vent offline and post when calm.",
    rationale: "Rage posts — fury, threats to walk out or flip a desk, hatred of your job, swearing at your \
                employer, calling colleagues out publicly — are the posts clinicians most often regret. They \
                reflect on the profession and on your workplace, and they can be read by your patients and \
                your regulator. Raise concerns through the proper channels; honest reflection on burnout and \
                calm advocacy are fine.",
    guidance: "Best practice for clinicians online (do not post emotionally charged content without pausing; no \
               rants); WMA 2011 statement (adopt a sober tone); THINK (is it true, helpful, inspiring, necessary, \
               kind?); AMA Code of Medical Ethics 2.3.2",
    bad: crate::examples![
        "My hands are shaking, they cancelled my annual leave AGAIN with one day's notice",
        "Gave my manager a piece of my mind about the rota in front of the whole ward. Let them fire me.",
        "I'm so done with this trust. Honestly I want to scream at the next person who says 'resilience'",
        "I hate my job and I hate this ward and I don't care who sees this",
        "Screw this place, I'm walking out mid-shift tomorrow and they can let it all burn",
        "Another rota change with two days' notice?!?! This is an absolute joke",
        "F*cking management cut our breaks again. Unreal.",
        "Management's new rota is an absolute joke and everyone knows it",
        "J'en ai marre de cet hôpital, vraiment marre",
        "I hope whoever on the board signed off these cuts ends up on a trolley in our corridor for a night",
        "Two hours unpaid overtime again. Screenshots ready, I'm naming names at the staff meeting",
        "Just walked out of my clinic. Couldn't take another minute of this.",
        "Merda de direção, estou de saco cheio",
        "Estoy harta de este hospital y de sus turnos de doce horas",
    ],
    good: crate::examples![
        "Rant over. Please make sure your older relatives get their flu jab this winter.",
        "Burnout check-in: I'm exhausted, so I've dropped a shift and booked my EAP session. Look after yourselves.",
        "Honest question, not a rant: how do your units cover breaks when short-staffed?",
        "Safe staffing saves lives. Write to your representative before the budget vote.",
        "I'm angry about the pay award, so I'm organising a ballot with my union. Join us.",
        "Hell week is over! Finals done, sleeping until Thursday.",
        "PASSED MY BOARDS!!! Thank you to everyone who quizzed me",
        "FREE flu jabs for staff this week!!! Walk in, no appointment!!!",
        "Use it or lose it: the strength you build before surgery speeds your recovery after",
        "I hope no patient ends up waiting on a trolley this winter; here is our plan with management",
        "Officially a f*cking RN!!! 🎉 thank you all",
        "Caralho, que dia. Três partos seguidos e todos bem 🙏",
        "Walked out of my last shift after 30 years. Thank you, this hospital, for everything",
        "J'en ai marre de la pluie, vivement l'été ☀️",
    ],
    lexicons: &[
        &VENTING,
        &FED_UP,
        &super::intoxication::ON_DUTY,
        &ANGER_WORDS,
        &CELEBRATION,
        &WORKPLACE,
        &profanity::SWEAR_WORDS,
        &profanity::NAME_LIKE,
        &profanity::ABBREVIATIONS,
    ],
};

/// Rage and venting, outright or by accumulation.
pub(crate) struct RageVenting {
    candidates: Vec<String>,
    let_burn: Regex,
}

impl RageVenting {
    pub(crate) fn new() -> RageVenting {
        RageVenting {
            candidates: profanity::mask_candidates(),
            let_burn: crate::re::compile(r"(?-u:\blet (?:[\w']+ ){1,3}burn\b)"),
        }
    }
}

/// "I hope the exec who cut our porters ends up on a trolley in our corridor": wishing the
/// people in charge what they inflict, in one sentence (a hope, management, "end up").
/// "I hope nobody ends up waiting twelve hours" names no one in charge.
fn comeuppance(doc: &Document<'_>) -> Option<Range<usize>> {
    let norm = doc.norm();
    if !norm.contains("hope ") || !norm.contains("end") || !doc.has(&WORKPLACE) {
        return None;
    }
    norm.match_indices("hope ").map(|(i, _)| i).find_map(|i| {
        let word_start = i == 0 || !norm.as_bytes()[i - 1].is_ascii_alphabetic();
        let end = norm[i..].find(['.', '!', '?', ';', '\n']).map_or(norm.len(), |p| i + p);
        let sentence = &norm[i..end];
        let up = sentence.find(" ends up ").or_else(|| sentence.find(" end up ")).map(|p| i + p)?;
        // The one wished it is in charge, named before "ends up" ("hope the exec who…").
        let subject = norm.get(i + 5..up).unwrap_or("");
        let nobody = ["no ", "nobody", "no one", "none "].iter().any(|n| subject.starts_with(n));
        let boss = doc.hits(&WORKPLACE).iter().any(|h| (h.start as usize) > i && (h.start as usize) < up);
        (word_start && boss && !nobody).then(|| doc.original(i..end))
    })
}

impl RageVenting {
    /// Whether the swear (original range) is aimed at the workplace: a workplace word in the
    /// same clause, at most three words away ("f*cking management", "putain de direction",
    /// "this rota is absolute bullshit"). An interjection ("Caralho, que plantão") or a
    /// swear somewhere else in the post ("the pager goes off … 'oh f*ck'") is not.
    fn aimed_at_work(&self, doc: &Document<'_>, swear: &Range<usize>) -> bool {
        let text = doc.text();
        doc.hits(&WORKPLACE).iter().map(|h| doc.original(h.range())).any(|w| {
            let (lo, hi) = if w.end <= swear.start { (w.end, swear.start) } else { (swear.end, w.start) };
            let Some(between) = text.get(lo.min(hi)..hi.max(lo)) else { return false };
            !between.contains(['.', ',', '!', '?', ';', ':', '\n', '\'', '"'])
                && between.split_whitespace().count() <= 3
        })
    }
}

impl Rule for RageVenting {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let norm = doc.norm();
        let mut strong: Vec<Range<usize>> = doc.asserted_hits(&VENTING).map(|h| doc.original(h.range())).collect();
        if norm.contains("burn") {
            strong.extend(self.let_burn.find_iter(norm).map(|m| doc.original(m.range())));
        }
        strong.extend(comeuppance(doc));
        // Fed up with work is a rant; fed up with the rain is not.
        let fed_up = doc.asserted_hits(&FED_UP).next().map(|h| doc.original(h.range()));
        let at_work = doc.has(&WORKPLACE) || doc.has(&super::intoxication::ON_DUTY);
        if at_work {
            strong.extend(fed_up.clone());
        }
        if let Some(first) = strong.iter().min_by_key(|r| r.start) {
            sink.push(first.clone());
            return;
        }
        // Accumulated signs, each counted once: capitals, !!!/???, profanity, anger words;
        // profanity aimed at the workplace is a rant by itself.
        let text = doc.text();
        let bang_list = bang_runs(text);
        let bangs = bang_list.first().cloned();
        // Two bursts, one of them exasperated ("Why?!?! … 40 minutes!!!"), are two signs;
        // "Walk in today!!! Free!!!" is only excitement.
        let exasperated = bang_list.iter().any(|r| text[r.clone()].contains('?'));
        let more_bangs = bang_list.get(1).cloned().filter(|_| exasperated);
        let swear = profanity::any_profanity(doc, &self.candidates).map(|r| doc.original(r));
        // A swear that is also an anger word ("shitshow") counts once.
        let mut angry = doc
            .asserted_hits(&ANGER_WORDS)
            .map(|h| doc.original(h.range()))
            .filter(|a| swear.as_ref().map_or(true, |s| a.end <= s.start || a.start >= s.end));
        let anger = angry.next().or(fed_up);
        // Two different anger words ("ready to quit. Ugh.") are two signs.
        let more_anger = angry.find(|a| anger.as_ref().is_some_and(|f| a.start >= f.end));
        let workplace = doc.has(&WORKPLACE);
        // Capitals only ever add to another sign: skip the scan when there is none.
        let caps = if bangs.is_some() || swear.is_some() || anger.is_some() {
            let caps = capitals(text);
            // Beside "!!!" alone, capitals count only when personal or hostile ("MY ER",
            // "AGAIN"), not in an announcement ("FREE flu jabs!!!").
            let only_bangs = swear.is_none() && anger.is_none();
            caps.runs.iter().chain(&caps.emphasis).find(|r| !only_bangs || has_trigger(text, (*r).clone())).cloned()
        } else {
            None
        };
        let mut signs: Vec<Range<usize>> =
            [caps, bangs, more_bangs, swear.clone(), anger.clone(), more_anger].into_iter().flatten().collect();
        signs.sort_unstable_by_key(|r| r.start);
        // Profanity aimed at the workplace is a rant by itself; anger aimed at it ("management
        // is a joke") is one more sign.
        let aimed = swear.is_some()
            && workplace
            && profanity::all_profanity(doc, &self.candidates)
                .into_iter()
                .any(|r| self.aimed_at_work(doc, &doc.original(r)));
        if let Some(a) = anger.as_ref().filter(|_| workplace) {
            // Only when the anger is about it: in the same sentence or the same short post, not
            // three paragraphs away.
            let same_sentence = |w: &Range<usize>| {
                let (lo, hi) = if w.start < a.start { (w.start, a.end) } else { (a.start, w.end) };
                text.len() <= 300
                    || (hi - lo <= 200 && !text.get(lo..hi).unwrap_or(".").contains(['.', '!', '?', '\n']))
            };
            let target = doc.hits(&WORKPLACE).iter().map(|h| doc.original(h.range())).find(same_sentence);
            if let Some(w) = target {
                signs.push(w);
                signs.sort_unstable_by_key(|r| r.start);
            }
        }
        // Capitals and "!!!" together are excitement in a happy post ("PASSED!!!").
        // So is a swear of joy ("officially a f*cking RN!!!"), unless it is aimed at work.
        let joyful = !aimed && anger.is_none() && doc.has(&CELEBRATION);
        if (signs.len() >= 2 && !joyful) || aimed {
            if let Some((first, rest)) = signs.split_first() {
                let f = sink.push(first.clone());
                f.spans.extend(rest.iter().map(|r| Span::bytes(r.clone())));
            }
        }
    }
}
