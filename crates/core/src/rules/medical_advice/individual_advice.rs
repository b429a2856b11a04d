//! `medical-advice/individual-advice`: a diagnosis or treatment given to one person online.

use super::{
    addressee, diagnosis, directives, disclaimed, discourages_care, medical_word, second_person, stated_need,
    told_to_take, Patterns, ADDRESSEE, CONDITIONS, DIAGNOSIS, DIAGNOSIS_STRONG, DIRECTIVE_VERBS, DISCLAIMER,
    DISCOURAGE_CARE, DOSE_WORDS, INVESTIGATIONS, MEDICINES, NEEDS, PERSONAL_CHANGE, REPLY_CUES,
};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::finding::Span;
use crate::rule::{Rule, RuleMeta, Sink};
use crate::text;
use std::ops::Range;

static META: RuleMeta = RuleMeta {
    id: "medical-advice/individual-advice",
    category: Category::MedicalAdvice,
    severity: Severity::Warning,
    message: "This gives one person a diagnosis or treatment without examining them; a disclaimer does not fix that.",
    rationale: "Answering someone's own symptoms in a reply or a comment — 'that's classic plantar fasciitis', \
                'stop your levothyroxine', 'no need to see anyone' — creates a clinical relationship without \
                history, examination or records, and the person may act on it. Share general, evidence-based \
                information instead and send them to their own clinician.",
    guidance: "Expert rule: don't ever give specific medical advice or try to diagnose online; AMA Code of Medical \
               Ethics 2.3.2 (maintain the boundaries of the patient-physician relationship online); avoid providing \
               specific medical advice to individuals through social media",
    bad: crate::examples![
        "@marco_runs that's classic Achilles tendinopathy, take 400mg ibuprofen three times a day and skip the physio",
        "Hun your son's rash in that pic is 100% eczema, grab some hydrocortisone cream from the chemist",
        "From what you're describing it's a UTI, just use your leftover antibiotics, you'll be fine",
        "Sounds like shingles. Take valacyclovir and no need to see the GP",
        "@jo_runs that's definitely strep, you need amoxicillin",
        "A patient messaged my Instagram about her BP so I told her to double her ramipril",
        "Señora, su hija tiene gripe seguro, dele ibuprofeno cada 8 horas",
        "@sam_runs skip the MRI, that knee is just a sprain and you'll be ok",
        "Hey Jo, sounds like plantar fasciitis, take ibuprofen 400mg three times a day",
        "Since you asked in the comments: with the palpitations you described, I'd stop the bisoprolol",
        "To whoever asked in the parents group: your toddler's rash is totally normal, don't bother with the GP",
        "Since you asked about your mum's ankle: it's nothing, don't bother with an x-ray",
        "@dan_r from ur pic that rash is ringworm for sure, just grab clotrimazole",
        "@meg.t since you're 70 with that knee, skip the x-ray and just walk it off",
        "@ana_p keep taking your warfarin right up to the procedure, your doctor won't mind",
        "@bee_h no need for antibiotics for your daughter's ear, it settles by itself",
        "Bei deinen Symptomen ist das eindeutig eine Schilddrüsenunterfunktion, nimm L-Thyroxin",
        "> My ankle swelled up after a long run, what should I do?\n\nYou can go up to 600mg of ibuprofen for a week",
        "Lo que contás es gripe de libro, tomá ibuprofeno cada 8 horas",
    ],
    good: crate::examples![
        "If your child has a fever over 39 for more than three days, see a doctor. General info only.",
        "Pharmacist here: ibuprofen and paracetamol can be taken together by many adults; ask your own pharmacist",
        "@dr_amy thanks, that's a great point about the trial's endpoint",
        "Loved your thread on asthma, it's a great summary for students",
        "Got a DM about a medication change. I can't give advice here - please contact your own prescriber.",
        "Reminder for students: adrenaline for anaphylaxis in adults is 0.5 mg IM; know your local protocol",
        "Trust me, it's worth getting your flu jab this year",
        "You need antibiotics only for bacterial infections, not for colds",
        "@pharm_jane thanks! Do you think we should switch him to apixaban?",
        "For sure, take your meds on time and keep your appointments!",
        "Sounds like a plan: I'll start metformin on Monday and see my GP in a month",
        "Stay home if you have flu symptoms, and no need to see a GP for most colds",
        "Someone asked in the comments about flu jabs: they are safe in pregnancy. Talk to your midwife.",
        "OP, thanks for this summary of the new hypertension guideline, saving it",
        "Sarah, congrats on the paper! Ibuprofen dosing in kids is such an important topic",
        "If your baby's head shape worries you, ask your health visitor; most flat spots improve with tummy time",
        "We had to stop the warfarin before surgery and all went well",
        "No need for antibiotics for most sore throats: they are viral. General info, see your GP if worse",
        "Since you're here: our new review on back pain in nurses is out today",
        "> Can I send you a pic of my mole?\n\nI can't judge a mole from a photo; if it has changed or you've got any worry, book in with your GP",
    ],
    lexicons: &[
        &ADDRESSEE,
        &REPLY_CUES,
        &DIAGNOSIS,
        &DIAGNOSIS_STRONG,
        &DISCOURAGE_CARE,
        &DIRECTIVE_VERBS,
        &MEDICINES,
        &DOSE_WORDS,
        &CONDITIONS,
        &PERSONAL_CHANGE,
        &NEEDS,
        &INVESTIGATIONS,
        &DISCLAIMER,
    ],
};

/// Channels through which a patient reaches a clinician outside care.
const ONLINE: &[&str] = &[
    "dm",
    "dms",
    "dmed",
    "messaged",
    "messaging",
    "message",
    "messages",
    "texted",
    "texting",
    "text",
    "whatsapp",
    "instagram",
    "ig",
    "insta",
    "facebook",
    "fb",
    "snapchat",
    "tiktok",
    "inbox",
    "online",
    "replied",
    "comment",
    "comments",
    "twitter",
    "number",
    "messenger",
    "telegram",
];

/// Words that aim an order at one person: "give him", "her dose", "your leftover".
const PERSONAL_OBJECTS: &[&str] = &["him", "her", "his", "your", "leftover", "leftovers", "them", "their"];

/// Diagnosis or treatment addressed to one person.
pub(crate) struct IndividualAdvice {
    patterns: Patterns,
}

impl IndividualAdvice {
    pub(crate) fn new() -> IndividualAdvice {
        IndividualAdvice { patterns: Patterns::new() }
    }
}

impl Rule for IndividualAdvice {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let p = &self.patterns;
        let norm = doc.norm();
        // Every way this rule flags needs a condition, a medicine or a dose.
        if !medical_word(doc, p) {
            return;
        }
        let to = addressee(doc, p);
        let no_care = discourages_care(doc);
        let strong = diagnosis(doc, &DIAGNOSIS_STRONG);
        // Treatment orders matter only beside an addressee, a diagnosis or "no need to see anyone".
        let found =
            if to.any().is_some() || no_care.is_some() || strong.is_some() { directives(doc, p) } else { Vec::new() };
        let order = found.first().map(|d| doc.original(d.norm.clone())).or_else(|| stated_need(doc, p));
        let mut parts: Vec<Range<usize>> = Vec::new();
        if let Some(person) = to.personal.clone() {
            // Speaking to one person about their health: any diagnosis, order or "no need".
            let said = diagnosis(doc, &DIAGNOSIS);
            if said.is_some() || order.is_some() || no_care.is_some() {
                parts.push(person);
                parts.extend([said, order.clone(), no_care.clone()].into_iter().flatten());
            }
        }
        if let Some(reply) = to.reply.clone().filter(|_| parts.is_empty()) {
            // A reply: colleagues reply to threads too, so a plain "that's a…" needs a "you".
            // An explanation that sends the reader to their own clinician is education.
            let weak = diagnosis(doc, &DIAGNOSIS).filter(|_| second_person(doc, &reply) && !disclaimed(doc));
            let said = strong.clone().or(weak);
            if said.is_some() || order.is_some() || no_care.is_some() {
                parts.push(reply);
                parts.extend([said, order.clone(), no_care.clone()].into_iter().flatten());
            }
        }
        if parts.is_empty() && (order.is_some() || no_care.is_some()) {
            // A confident diagnosis with an order or "no need to see anyone". (A plain "it's a
            // virus, you'll be fine" is how public-health posts talk too.)
            let said = strong;
            let personal_order = found
                .iter()
                .find(|d| {
                    text::words(&norm[d.norm.clone()])
                        .any(|w| PERSONAL_OBJECTS.contains(&&norm[d.norm.start + w.start..d.norm.start + w.end]))
                })
                .map(|d| doc.original(d.norm.clone()));
            if let Some(said) = said {
                parts.push(said);
                parts.extend([order.clone(), no_care.clone()].into_iter().flatten());
            } else if let (Some(o), Some(n)) = (personal_order, no_care.clone()) {
                // "Give him the leftover amoxicillin, no need for the GP."
                parts.extend([o, n]);
            }
        }
        if parts.is_empty() {
            // "I told her to double her doxy", when the patient reached out online.
            let told = told_to_take(doc, p);
            if let Some(told) = told.filter(|_| text::words(norm).any(|w| ONLINE.contains(&&norm[w]))) {
                parts.push(told);
            }
        }
        parts.sort_unstable_by_key(|r| r.start);
        parts.dedup();
        if let Some((first, rest)) = parts.split_first() {
            let f = sink.push(first.clone());
            f.spans.extend(rest.iter().map(|r| Span::bytes(r.clone())));
        }
    }
}
