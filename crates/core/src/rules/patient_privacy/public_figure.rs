//! `patient-privacy/public-figure`: hints that a patient is a celebrity or local public figure.

use super::{
    apply_consent, clinical, CLINICAL_CONTEXT, CONDITIONS, CONSENT, ENCOUNTER, PUBLIC_FIGURE, RECENCY,
    SPECIFIC_PATIENT, TEASE,
};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::rule::{Rule, RuleMeta, Sink};

static META: RuleMeta = RuleMeta {
    id: "patient-privacy/public-figure",
    category: Category::PatientPrivacy,
    severity: Severity::Critical,
    message: "Hinting that a patient is famous or a local public figure identifies them; readers will guess who.",
    rationale: "There are few mayors, footballers or reality-TV stars in any town, so \"a certain councilman\" or \
                \"guess which celebrity came in tonight\" points to one person, and the press and fans go looking. \
                Famous patients are owed the same confidentiality as anyone else.",
    guidance: "AMA Code of Medical Ethics 2.3.2; GMC Confidentiality and Doctors' use of social media §17; WMA \
               statement on the professional use of social media (patient confidentiality)",
    bad: crate::examples![
        "You'd never guess which famous footballer we had in A&E tonight 👀",
        "A certain local councillor came in with a very awkward injury today",
        "Hoy atendimos en urgencias a un concejal muy conocido del pueblo",
        "The mayor came in with chest pain after visiting the fair this afternoon",
        "No diré nombres, pero un delantero muy conocido pasó esta mañana por mi consulta",
        "Não vou dizer o nome, mas uma cantora famosa passou aqui no plantão de sábado",
        "Ohne Namen zu nennen: ein bekannter Schauspieler lag diese Woche bei uns auf Station",
        "Guess which Love Island star was in our A&E last night 👀",
        "Glad to see our chief executive back at work after his stay in our own ICU with pneumonia last month",
        "Lovely client this morning, you might recognise her from a certain quiz show 😉 filler done",
        "Won't say who, but someone off the telly needed stitches in our minor injuries unit tonight",
        "Je ne dirai pas de nom, mais un certain animateur radio était aux urgences ce matin",
    ],
    good: crate::examples![
        "The mayor opened our new dialysis unit today, thank you for the support!",
        "Celebrity health myths debunked: a thread on detox teas",
        "Our MP visited the ward this afternoon to hear about staffing",
        "Gestern hatten wir Besuch vom Bürgermeister auf unserer Station",
        "Great panel at the conference: a famous footballer spoke about his own depression",
        "Our mayor ran the hospital 10k this morning, thank you for supporting the children's ward!",
        "Our local MP came to the ward today to hear about staffing on nights",
        "A famous singer shared her lymphoma diagnosis today. I'm not her doctor and won't speculate; general facts below",
    ],
    lexicons: &[
        &PUBLIC_FIGURE,
        &TEASE,
        &ENCOUNTER,
        &RECENCY,
        &SPECIFIC_PATIENT,
        &CONDITIONS,
        &CLINICAL_CONTEXT,
        &CONSENT,
    ],
};

/// Words that make the public figure a visitor or a topic, not a patient.
const NOT_A_PATIENT: &[&str] = &[
    "opened",
    "visited",
    "visit",
    "opening",
    "met with",
    "meeting",
    "announced",
    "funding",
    "policy",
    "speech",
    "wrote to",
    "besuch",
    "visita",
    "visite",
    "inaugur",
    "eroffne",
    "reunion",
    "treffen",
    "fundrais",
    "raised",
    "charity",
    "donat",
    "gala",
    "auction",
    "appeal",
    "campaign",
    "ambassador",
    "patron",
    "ran the",
    "10k",
    "5k",
    "fun run",
    "marathon",
    "supporting",
    "thank you for",
    "thanks for",
    "sponsor",
    "volunteer",
    "to hear",
    "hear about",
    "staffing",
    "toured",
    "tour of",
    "to meet the",
    "to thank",
];

/// The poster says they do not treat the figure or will not guess at their health.
const NOT_THEIR_CLINICIAN: &[&str] = &[
    "won't speculate",
    "will not speculate",
    "not going to speculate",
    "wont speculate",
    "don't speculate",
    "not his doctor",
    "not her doctor",
    "not their doctor",
    "not his physician",
    "not her physician",
    "never treated",
    "don't know him",
    "don't know her",
    "no inside information",
    "no inside knowledge",
];

/// A public figure in a post about a real, recent encounter.
pub(crate) struct PublicFigure;

impl PublicFigure {
    pub(crate) fn new() -> PublicFigure {
        PublicFigure
    }
}

impl Rule for PublicFigure {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let norm = doc.norm();
        // "Can't say who, but…", "guess who's on my ward": the poster invites readers to work out
        // who the patient is, with or without a word for fame; "a certain" alone is too common.
        // "No names" may just be discretion; an invitation to guess is not.
        let outright = doc.hits(&TEASE).iter().find(|h| {
            let t = &norm[h.range()];
            ["guess", "say who", "rhymes", "dirai", "adivin", "devin", "ratet", "keinen", "iykyk", "know you know"]
                .iter()
                .any(|w| t.contains(w))
        });
        // Not negation-checked: "you'd never guess which footballer" is the tease itself.
        let figure = doc.hits(&PUBLIC_FIGURE).iter().find(|h| !doc.is_quoted(h.start as usize));
        let encounter = doc.has(&ENCOUNTER) || doc.has(&SPECIFIC_PATIENT) || doc.has(&RECENCY);
        let Some(figure) = figure.or(outright.filter(|_| encounter && clinical(doc))) else {
            return;
        };
        // A hint at who, with a public role, in a care setting: no encounter word is needed.
        if !(encounter || outright.is_some() && clinical(doc)) {
            return;
        }
        let tease = doc.has(&TEASE);
        let condition = doc.has(&CONDITIONS);
        if !(tease || condition || clinical(doc)) {
            return;
        }
        // "I'm not her doctor and won't speculate": the poster disowns any care of the figure.
        if !doc.has(&SPECIFIC_PATIENT) && NOT_THEIR_CLINICIAN.iter().any(|w| norm.contains(w)) {
            return;
        }
        // "The mayor opened our unit today" is a visitor; "the mayor came in with chest pain" is not.
        let care_given = doc.has(&ENCOUNTER) || doc.has(&SPECIFIC_PATIENT);
        if !tease && !care_given && NOT_A_PATIENT.iter().any(|w| norm.contains(w)) {
            return;
        }
        let f = sink.push(doc.original(figure.range()));
        if !(tease || condition) {
            f.severity = f.severity.min(Severity::Warning);
        }
        let range = doc.original(figure.range());
        f.fix = Some(crate::finding::Fix {
            label: "Replace with “patient”".into(),
            edits: vec![crate::finding::Edit {
                span: crate::finding::Span::bytes(range),
                replacement: "patient".into(),
            }],
        });
        if let Some(t) = doc.hits(&TEASE).first() {
            f.spans.push(crate::finding::Span::bytes(doc.original(t.range())));
        }
        apply_consent(doc, f);
    }
}
