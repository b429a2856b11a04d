//! `medical-advice/dosing-directive`: telling readers to start, stop or change a medicine at
//! a dose, with no sign that it is general information.

use super::{
    addressee, directives, disclaimed, Patterns, ADDRESSEE, DIRECTIVE_VERBS, DISCLAIMER, DISCLAIMER_TEXT, DOSE_WORDS,
    MEDICINES, PERSONAL_CHANGE, PRESCRIBED, REPLY_CUES,
};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::finding::{Edit, Fix, Span};
use crate::rule::{Rule, RuleMeta, Sink};

static META: RuleMeta = RuleMeta {
    id: "medical-advice/dosing-directive",
    category: Category::MedicalAdvice,
    severity: Severity::Warning,
    message: "This tells readers to change a medicine or take a dose; frame it as general information and refer them \
              to their own clinician.",
    rationale: "'Stop your metformin', 'double your dose', 'take 600 mg three times a day' read as instructions \
                to whoever sees them, whatever their kidneys, pregnancy or other medicines. General education is \
                welcome; frame it as general, and point people to the clinician who knows their case.",
    guidance: "Expert rule: don't ever give specific medical advice or try to diagnose online; best practice: share \
               general, evidence-based education with a disclaimer advising people to consult their own provider; \
               AMA Code of Medical Ethics 2.3.2",
    bad: crate::examples![
        "You should stop your metformin before any big night out",
        "Not sleeping? Double your melatonin to 10 mg, works every time",
        "Sore back: take 600 mg ibuprofen three times a day for two weeks, you'll thank me",
        "Your BP is fine on holiday, so just skip the ramipril while you're away",
        "Feeling flat on sertraline? Just stop the sertraline for a week and see how you feel",
    ],
    good: crate::examples![
        "Please don't stop your antibiotics early without asking whoever prescribed them",
        "Paracetamol maximum 4 g/day in healthy adults; check the BNF",
        "Never double your dose to catch up on a missed one - ask your pharmacist what to do",
        "Take your blood pressure tablets at the same time every day. General tips only - your own GP knows best.",
        "Skip the antibiotics for a cold: your immune system clears viruses on its own",
        "Never skip your insulin on sick days; your diabetes team has a plan for that",
    ],
    lexicons: &[
        &DOSE_WORDS,
        &ADDRESSEE,
        &REPLY_CUES,
        &DIRECTIVE_VERBS,
        &MEDICINES,
        &PERSONAL_CHANGE,
        &DISCLAIMER,
        &PRESCRIBED,
    ],
};

/// Generic medicine orders without an education framing.
pub(crate) struct DosingDirective {
    patterns: Patterns,
}

impl DosingDirective {
    pub(crate) fn new() -> DosingDirective {
        DosingDirective { patterns: Patterns::new() }
    }
}

impl Rule for DosingDirective {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let p = &self.patterns;
        // Replies to one person are individual-advice's; education framing lifts this rule.
        if disclaimed(doc) || addressee(doc, p).any().is_some() {
            return;
        }
        let norm = doc.norm();
        let to_reader = |r: &std::ops::Range<usize>| {
            let start = norm[..r.start].rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
            let words = super::word_list(norm, start..super::sentence_end(norm, r.end));
            words.iter().any(|w| super::SECOND_PERSON.contains(w))
        };
        let Some(d) =
            directives(doc, p).into_iter().find(|d| d.personal || ((d.dosed || d.change) && to_reader(&d.norm)))
        else {
            return;
        };
        let text = doc.text();
        // Close an unfinished sentence first ("…night out. This is general information…").
        let last = text.trim_end().chars().last();
        let sep = match last {
            None => "",
            Some(c) if c.is_alphanumeric() => ". ",
            Some(_) if text.ends_with(char::is_whitespace) => "",
            Some(_) => " ",
        };
        let f = sink.push(doc.original(d.norm));
        f.fix = Some(Fix {
            label: "Add a general-information disclaimer".into(),
            edits: vec![Edit {
                span: Span::bytes(text.len()..text.len()),
                replacement: format!("{sep}{DISCLAIMER_TEXT}"),
            }],
        });
    }
}
