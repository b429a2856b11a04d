//! `patient-privacy/patient-date`: a date of birth, or a day-level date tied to a patient's care.

use super::{
    apply_consent, clinical, CLINICAL_CONTEXT, CONDITIONS, CONSENT, ENCOUNTER, IMAGE, MONTHS, PERSON, SEX, SHOW,
    SPECIFIC_PATIENT,
};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::finding::{Edit, Fix, Span};
use crate::pattern::{Anchors, Pattern};
use crate::re::Regex;
use crate::rule::{Rule, RuleMeta, Sink};

static META: RuleMeta = RuleMeta {
    id: "patient-privacy/patient-date",
    category: Category::PatientPrivacy,
    severity: Severity::Critical,
    message: "A date of birth or the date of a patient's admission, surgery, discharge or death identifies them.",
    rationale: "Dates tied to a person — birth, admission, discharge, surgery, death — are direct identifiers: \
                anyone who knows the patient, or can see the ward list, can match them. Say \"recently\" or \
                \"last year\" instead, and never show a date of birth.",
    guidance: "HIPAA Safe Harbor identifier 3 (all elements of dates except the year); AMA Code of Medical Ethics \
               2.3.2; GMC Doctors' use of social media §17",
    bad: crate::examples![
        "Her DOB is 04/11/1950 and she still thinks she's 30",
        "Admitted him on 3/14 with DKA, discharged on 3/20, back again today",
        "The lady we operated on March 3rd finally went home",
        "Ingresó el 12 de marzo con una fractura de cadera",
        "Admitted Sat 14th with urosepsis, still here, the family are furious",
        "night shift views [pic: handover sheet, date of birth showing in the corner]",
    ],
    good: crate::examples![
        "Always check name and date of birth before giving any medication",
        "Write to your representative before the budget vote on the 14th",
        "Our clinic reopens on March 3rd with longer hours",
        "Ratios 1:4 on days, 24/7 cover from the outreach team",
        "Our new unit opened on 3/14, admitting its first patients the same day",
        "Born on this day in 1820: Florence Nightingale. Happy International Nurses Day!",
        "Prevalence of adult asthma in our region is about 7-8% and rising, per the new survey",
    ],
    lexicons: &[
        &CLINICAL_CONTEXT,
        &CONDITIONS,
        &CONSENT,
        &ENCOUNTER,
        &SPECIFIC_PATIENT,
        &IMAGE,
        &SHOW,
        &PERSON,
        &SEX,
        &MONTHS,
    ],
};

/// A date of birth, and day-level dates near a care event.
pub(crate) struct PatientDate {
    dob: Pattern,
    date: Pattern,
    event: Regex,
}

impl PatientDate {
    pub(crate) fn new() -> PatientDate {
        let compile = |p: &str| crate::re::compile(p);
        PatientDate {
            dob: Pattern::new(
                r"(?-u)(?-u:\b)(?:dob|d\.o\.b\.?|date of birth|birth ?date|born on|fecha de nacimiento|date de naissance|ne le|nee le|geburtsdatum|geboren am|data de nascimento|nascid[oa] em)(?-u:\b)",
                Anchors::Words(&[
                    "dob",
                    "d.o.b",
                    "birth",
                    "born on",
                    "nacimiento",
                    "naissance",
                    "ne le",
                    "nee le",
                    "geburtsdatum",
                    "geboren am",
                    "nascimento",
                    "nascido em",
                    "nascida em",
                ]),
                (12, 24),
            ),
            // Numeric and weekday dates; month names come from `months.txt` (see `month_dates`).
            date: Pattern::new(
                r"(?-u)(?-u:\b)(?:\d{1,2}[/.-]\d{1,2}(?:[/.-](?:19|20)?\d{2})?|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\s\d{1,2}(?:st|nd|rd|th)|on\sthe\s\d{1,2}(?:st|nd|rd|th))(?-u:\b)",
                Anchors::Digit,
                (12, 16),
            ),
            event: compile(
                r"(?-u)(?-u:\b)(?:admit\w*|discharg\w*|operat\w*|surgery|delivered|born|died|passed|arrest\w*|coded|diagnos\w*|presented|came in|brought in|seen|saw|scan\w*|biops\w*|ingres\w*|operad\w*|falleci\w*|naci\w*|admis\w*|decede\w*|opere\w*|aufgenommen|entlassen|operiert|verstorben|geboren|internad\w*|operad\w*|faleceu|nasceu)(?-u:\b)",
            ),
        }
    }
}

impl Rule for PatientDate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let norm = doc.norm();
        let clinical = clinical(doc);
        let real_patient = doc.has(&ENCOUNTER) || doc.has(&SPECIFIC_PATIENT);
        // "Don't share screenshots, the DOB is visible" is advice, not a shared image.
        let shown = doc.asserted_hits(&IMAGE).next().is_some() && doc.asserted_hits(&SHOW).next().is_some();
        for m in self.dob.find_iter(norm) {
            // "check the date of birth" is a safety tip; a DOB with a value, on show or of a real patient is not.
            // "Born on this day in 1820" is history, not a patient's birthday.
            let history = norm[m.end()..].trim_start().starts_with("this day");
            let valued = !history && norm[m.end()..].bytes().take(24).any(|b| b.is_ascii_digit());
            if !(valued || shown || (real_patient && clinical)) {
                continue;
            }
            let f = sink.push(doc.original(m.range()));
            f.message = "A date of birth identifies the patient directly; never post or show one.".into();
            apply_consent(doc, f);
        }
        if !clinical || !norm.bytes().any(|b| b.is_ascii_digit()) {
            return;
        }
        let mut dates: Vec<std::ops::Range<usize>> = self.date.find_iter(norm).map(|m| m.range()).collect();
        dates.extend(month_dates(doc));
        // "on the 3rd of May" is found twice; report it once.
        dates.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        let mut last_end = 0;
        dates.retain(|r| {
            let keep = r.start >= last_end;
            last_end = last_end.max(r.end);
            keep
        });
        for m in dates {
            let s = &norm[m.clone()];
            // "3-4%": a range of percentages, not a date.
            if is_not_a_date(s) || norm[m.end..].trim_start().starts_with(['%', '‰']) {
                continue;
            }
            let (start, end) = sentence(norm, m.start, m.end);
            let sentence = &norm[start..end];
            if !self.event.is_match(sentence) {
                continue;
            }
            let range = doc.original(m);
            // "Our unit opened on 3/14, admitting its first patients" dates no one in particular.
            let someone = [&PERSON, &SEX]
                .iter()
                .any(|l| doc.hits(l).iter().any(|h| h.start as usize >= start && (h.end as usize) <= end));
            // "Admitted Sat 14th with urosepsis": a diagnosis in the same sentence makes it a patient's date.
            let diagnosis = doc.hits(&CONDITIONS).iter().any(|h| h.start as usize >= start && (h.end as usize) <= end)
                || super::medical_terms(sentence).next().is_some();
            if !real_patient && !someone && !diagnosis {
                continue;
            }
            let f = sink.push(range.clone());
            if !real_patient {
                f.severity = f.severity.min(Severity::Warning);
            }
            f.fix = Some(Fix {
                label: "Replace with “recently”".into(),
                edits: vec![Edit { span: Span::bytes(range), replacement: "recently".into() }],
            });
            apply_consent(doc, f);
        }
    }
}

/// Normalized ranges of "March 3rd", "3rd of March", "12 de marzo", "3. märz": a month name
/// from the word list with a day number beside it.
fn month_dates(doc: &Document<'_>) -> Vec<std::ops::Range<usize>> {
    let norm = doc.norm();
    let mut out = Vec::new();
    for h in doc.hits(&MONTHS) {
        let (start, end) = (h.start as usize, h.end as usize);
        // After: "march 3rd", "mar. 3".
        let base = end + usize::from(norm[end..].starts_with('.')) + 1;
        if norm[end..].trim_start_matches('.').starts_with(' ') {
            let rest = &norm[base..];
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=2).contains(&digits) {
                let tail = &rest[digits..];
                let suffix = ["st", "nd", "rd", "th"].iter().find(|x| tail.starts_with(*x)).map_or(0, |x| x.len());
                let stop = base + digits + suffix;
                if !norm[stop..].starts_with(|c: char| c.is_alphanumeric()) {
                    out.push(start..stop);
                    continue;
                }
            }
        }
        // Before: "3rd of march", "12 de marzo", "3. marz".
        let mut head = norm[..start].strip_suffix(' ').unwrap_or("");
        head = head.strip_suffix(" of").or_else(|| head.strip_suffix(" de")).unwrap_or(head);
        head = ["st", "nd", "rd", "th", "."].iter().find_map(|x| head.strip_suffix(x)).unwrap_or(head);
        let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
        let from = head.len() - digits;
        if (1..=2).contains(&digits) && !head[..from].ends_with(|c: char| c.is_alphanumeric()) {
            out.push(from..end);
        }
    }
    out
}

/// Ratios, fractions and round-the-clock cover look like dates but are not.
fn is_not_a_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    if parts.len() >= 2 && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        let a: u32 = parts[0].parse().unwrap_or(99);
        let b: u32 = parts[1].parse().unwrap_or(99);
        let day_month = (1..=31).contains(&a) && (1..=12).contains(&b);
        let month_day = (1..=12).contains(&a) && (1..=31).contains(&b);
        return !(day_month || month_day) || s == "24/7" || (parts.len() == 2 && s.contains('.'));
    }
    false
}

/// The normalized sentence around `start..end`.
fn sentence(norm: &str, start: usize, end: usize) -> (usize, usize) {
    let is_stop = |c: char| matches!(c, '!' | '?' | '\n') || c == '.';
    let s = norm[..start].rfind(|c: char| is_stop(c) && c != '.').map_or(0, |p| p + 1);
    let s = norm[..start].rfind(". ").map_or(s, |p| s.max(p + 2));
    let e = norm[end..].find(". ").map_or(norm.len(), |p| end + p);
    let e = norm[end..].find(['!', '?', '\n']).map_or(e, |p| e.min(end + p));
    (s, e)
}
