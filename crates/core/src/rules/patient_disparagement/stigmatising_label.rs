//! `patient-disparagement/stigmatising-label`: a derisive label for a patient ("frequent flyer",
//! "drug seeker", "gomer"), or a clinical-sounding word used as a sneer ("noncompliant 🙄").

use super::{advocacy, asserted, in_or_after_sentence, person_in_sentence, PATIENT_TARGET, REPORTED, SNEER, WORKPLACE};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::finding::{Edit, Fix, Span};
use crate::lexicon::{parse_entries, Lexicon};
use crate::rule::{Rule, RuleMeta, Sink};
use crate::rules::discrimination::{ADVOCACY, BIAS_DISCLAIMER};
use crate::text::Normalized;

/// Labels that mock or stigmatise on their own.
static LABELS: Lexicon =
    Lexicon { name: "patient-disparagement/labels", source: crate::word_list!("patient_disparagement/labels.txt") };

/// Words that are a sneer only next to an eye-roll or a "classic".
static WEAK_LABELS: Lexicon = Lexicon {
    name: "patient-disparagement/weak-labels",
    source: crate::word_list!("patient_disparagement/weak_labels.txt"),
};

static META: RuleMeta = RuleMeta {
    id: "patient-disparagement/stigmatising-label",
    category: Category::PatientDisparagement,
    severity: Severity::Warning,
    message: "This labels a patient in a stigmatising way; describe the person, not a label.",
    rationale: "Labels such as \"frequent flyer\", \"drug seeker\" or \"gomer\", or a clinical word said with an \
                eye-roll, mock the people we care for. Patients and families read these posts, and they lower \
                trust in the whole profession. Person-first, neutral language says the same thing without the sneer.",
    guidance: "AMA Code of Medical Ethics 2.3.2 (maintain the standards of professionalism; online content \
               can undermine public trust); GMC Doctors' use of social media §8 (treat patients with respect); \
               BMA guidance: do not make gratuitous or disparaging comments about patients",
    bad: crate::examples![
        "Our favourite frequent flyer checked in again tonight, third visit this week",
        "Room full of drug seekers on a Friday, what a surprise",
        "Three gomers waiting for beds and it's not even midnight #nightshift",
        "He's noncompliant with literally everything, classic 🙄",
        "Otra vez el hiperfrecuentador de los lunes en urgencias",
    ],
    good: crate::examples![
        "'Difficult patient' and 'drug-seeking' close minds; so often it is undertreated pain. Let's retire them.",
        "Let's stop calling people \"frequent flyers\"; they are patients with unmet needs",
        "Stigma research: words like drug seeker delay pain relief, so we retired them from handover",
        "I am a frequent flyer with my airline and the lounge was lovely",
        "Can we drop the term 'bed blocker' at handover? These are people stuck waiting for care.",
        "Non-adherence often reflects cost and side effects; ask about both without judgement",
        "Calling a patient 'drug-seeking' in the notes follows them for years. Chart what you observe.",
        "Der Begriff 'Drehtürpatient' ist stigmatisierend; dahinter steckt meist ein Versorgungsproblem",
    ],
    lexicons: &[&REPORTED, &LABELS, &WEAK_LABELS, &PATIENT_TARGET, &WORKPLACE, &SNEER, &ADVOCACY, &BIAS_DISCLAIMER],
};

/// Labels and their person-first replacements (`label_fixes.txt`).
pub(crate) struct StigmatisingLabel {
    fixes: Vec<(String, &'static str)>,
}

impl StigmatisingLabel {
    pub(crate) fn new() -> StigmatisingLabel {
        let fixes = parse_entries(crate::word_list!("patient_disparagement/label_fixes.txt"))
            .filter_map(|(line, _)| {
                let (label, with) = line.split_once('|')?;
                Some((Normalized::new(label.trim()).as_str().to_owned(), with.trim()))
            })
            .collect();
        StigmatisingLabel { fixes }
    }

    fn fix_for(&self, norm: &str) -> Option<&'static str> {
        self.fixes.iter().find(|(label, _)| label == norm).map(|(_, with)| *with)
    }
}

/// Whether a label's surroundings are about travel or other non-patient senses.
fn travel_sense(doc: &Document<'_>) -> bool {
    let n = doc.norm();
    ["airline", "airport", "lounge", "miles", "air miles", "boarding", "flight to"].iter().any(|w| n.contains(w))
}

impl Rule for StigmatisingLabel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        if !doc.has(&LABELS) && !doc.has(&WEAK_LABELS) || advocacy(doc) || travel_sense(doc) {
            return;
        }
        let strong = doc.hits(&LABELS).iter().filter(|h| asserted(doc, h));
        let weak = doc.hits(&WEAK_LABELS).iter().filter(|h| {
            in_or_after_sentence(doc, h.start as usize, &SNEER)
                && asserted(doc, h)
                && (person_in_sentence(doc, h) || doc.has(&WORKPLACE))
        });
        let mut last_end = 0;
        let mut hits: Vec<_> = strong.chain(weak).collect();
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        for h in hits {
            if (h.start as usize) < last_end {
                continue;
            }
            last_end = h.end as usize;
            let range = doc.original(h.range());
            let f = sink.push(range.clone());
            // A label inside a hashtag is removed with the tag, not reworded.
            let fix =
                if doc.normalized().in_hashtag(h.start as usize) { None } else { self.fix_for(&doc.norm()[h.range()]) };
            if let Some(with) = fix {
                f.fix = Some(Fix {
                    label: format!("Replace with “{with}”"),
                    edits: vec![Edit { span: Span::bytes(range), replacement: with.to_owned() }],
                });
            }
        }
    }
}
