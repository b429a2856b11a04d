//! `patient-privacy/addressed-patient`: a public post that speaks to a patient about their care.

use super::{apply_consent, CONSENT, SPECIFIC_PATIENT, THEIR_POST, YOUR_CARE};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::finding::{Edit, Fix, Span};
use crate::rule::{Rule, RuleMeta, Sink};
use std::ops::Range;

static META: RuleMeta = RuleMeta {
    id: "patient-privacy/addressed-patient",
    category: Category::PatientPrivacy,
    severity: Severity::Critical,
    message: "This speaks to a patient about their care in public; it tells everyone they are your patient.",
    rationale: "A comment or post addressed to a patient — by name, or under their own photos or stories — that \
                mentions their appointment, follow-up or what was said in clinic discloses that they are under \
                your care, and often why. The patient's own openness about their health does not extend that \
                permission to you. Say it privately, through the practice's secure channel.",
    guidance: "AMA Code of Medical Ethics 2.3.2 (maintain patient confidentiality and appropriate boundaries \
               online); GMC Doctors' use of social media §17; BMA social media guidance",
    bad: crate::examples![
        "Well done Priya, the new hip suits you! See you at your 6 week check 👋",
        "Loved your holiday photos! Remember what we discussed about the sun cream after your surgery",
        "Saw your post about the marathon! Take it easy until your follow-up, Declan.",
        "Felicidades Lucía, nos vemos en tu próxima cita 💐",
        "So good to see you up and dancing again Maureen! Don't skip your physio before your next appointment",
        "Spotted my patient's engagement photos on Insta 😍 congrats Maeve, see you at your post-op review",
        "Replied to a patient's post today: 'so glad the chemo is working, see you Thursday in clinic!'",
    ],
    good: crate::examples![
        "Reminder: bring a list of your medicines to your next appointment",
        "Congrats Priya on passing your boards! See you on the ward 🎉",
        "Thanks Sam for covering my shift, see you at your leaving do",
        "If your results came back abnormal, your GP will call you; no news is usually good news",
        "Never comment 'see you at your follow-up' on a patient's photos: message them privately instead",
        "Happy Friday! Don't forget to book your check-up before your next appointment slot fills",
        "Hey Josh, good luck with your exams! Remember what we discussed about spaced repetition",
        "Congrats Ben! Your follow-up study on statins just got accepted 🎉",
    ],
    lexicons: &[&YOUR_CARE, &THEIR_POST, &SPECIFIC_PATIENT, &CONSENT],
};

/// Words that, right after "see you at your", make it an appointment rather than a party.
const APPOINTMENT_WORDS: &[&str] = &[
    "check",
    "appointment",
    "appt",
    "follow",
    "f/u",
    "review",
    "visit",
    "clinic",
    "session",
    "scan",
    "op",
    "post-op",
    "dressing",
    "physio",
    "bloods",
    "injection",
    "infusion",
    "chemo",
    "cast",
    "consult",
    "checkup",
    "check-up",
];

/// Words before a capitalized word that make it a name being spoken to ("Congrats Aoife").
const GREETINGS: &[&str] = &[
    "congrats",
    "congratulations",
    "hi",
    "hey",
    "hello",
    "thanks",
    "thank",
    "you",
    "done",
    "go",
    "bravo",
    "welcome",
    "back",
    "proud",
    "love",
    "miss",
    "fierce",
    "great",
    "good",
    "amazing",
    "gorgeous",
    "stunning",
    "lovely",
    "beautiful",
    "fab",
    "fabulous",
    "strong",
    "hola",
    "felicidades",
    "enhorabuena",
    "gracias",
    "bonjour",
    "salut",
    "merci",
    "felicitations",
    "hallo",
    "danke",
    "gluckwunsch",
    "ola",
    "parabens",
    "obrigado",
    "obrigada",
    "querida",
    "querido",
    "chere",
    "cher",
    "liebe",
    "lieber",
];

/// Capitalized words that are spoken to but are not one person's name.
const NOT_NAMES: &[&str] = &[
    "I",
    "Dr",
    "Doc",
    "Sir",
    "Madam",
    "Team",
    "Everyone",
    "All",
    "Folks",
    "Guys",
    "Friends",
    "Nurses",
    "Doctors",
    "Ladies",
    "Gentlemen",
    "World",
    "Twitter",
    "Linkedin",
    "LinkedIn",
    "Instagram",
    "Facebook",
    "God",
    "Lord",
    "Jesus",
    "Mum",
    "Mom",
    "Dad",
    "Babe",
    "Nurse",
    "People",
    "Fam",
    "Family",
    "Colleagues",
    "You",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Santa",
    "Tiktok",
    "Reddit",
    "Again",
    "Today",
    "Tonight",
    "Everybody",
    "Y'all",
    "Yall",
    "Mate",
    "Buddy",
    "Queen",
    "King",
    "Legend",
    "Babes",
    "Hun",
];

/// A post speaking to one patient about the care they get from the poster.
pub(crate) struct AddressedPatient;

impl AddressedPatient {
    pub(crate) fn new() -> AddressedPatient {
        AddressedPatient
    }
}

impl Rule for AddressedPatient {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let norm = doc.norm();
        // Quoting ("never comment 'see you at…'") is advice about it, unless the quote is the
        // poster's own comment ("I commented 'see you at your…'").
        let clinical = super::clinical(doc);
        // Looked for only when the draft speaks of someone's care (most drafts do not).
        let vocative = std::cell::OnceCell::new();
        let name = || vocative.get_or_init(|| vocative_name(doc.text()));
        let care = doc
            .hits(&YOUR_CARE)
            .iter()
            .find(|h| {
                let (s, e) = (h.start as usize, h.end as usize);
                let phrase = &norm[s..e];
                // "Remember what we discussed" is care only when the post is about health.
                let conversation = CONVERSATION.iter().any(|c| phrase.starts_with(c));
                // Negated advice ("never comment 'see you at your follow-up'") unless spoken to
                // someone by name ("don't skip your physio before your next appointment, Maureen").
                (!doc.is_quoted(s) || own_comment(norm, s))
                    && (name().is_some() || !(doc.is_negated(s) || advice(norm, s)))
                    && (!phrase.ends_with(" your") || appointment_after(norm, e))
                    && (!conversation || clinical)
                    && !not_care_after(norm, e)
            })
            .map(|h| doc.original(h.range()))
            .or_else(|| numbered_visit(doc).map(|r| doc.original(r)));
        let Some(care) = care else { return };
        let name = name().clone();
        let their_post = doc
            .hits(&THEIR_POST)
            .iter()
            .any(|h| !doc.is_quoted(h.start as usize) || own_comment(norm, h.start as usize))
            || their_photos(doc);
        if name.is_none() && !their_post && !doc.has(&SPECIFIC_PATIENT) {
            return;
        }
        let f = sink.push(care);
        if let Some(name) = name {
            f.spans.push(Span::bytes(name.clone()));
            f.message = format!(
                "Addressing “{}” about their appointment or care in public tells everyone they are your patient; \
                 say it privately through a secure channel.",
                &doc.text()[name.clone()]
            );
            f.fix = Some(Fix {
                label: "Remove the name".into(),
                edits: vec![Edit { span: Span::bytes(name), replacement: String::new() }],
            });
        } else {
            f.severity = f.severity.min(Severity::Warning);
        }
        apply_consent(doc, f);
    }
}

/// Phrases about a past conversation: care only in a post about health.
const CONVERSATION: &[&str] =
    &["what we", "as we", "like we", "remember what", "lo que", "ce qu", "ce dont", "was wir", "o que"];

/// Words after "your follow-up" that make it work, not care ("your follow-up study").
const NOT_CARE: &[&str] = &[
    "study",
    "paper",
    "research",
    "article",
    "post",
    "thread",
    "question",
    "questions",
    "email",
    "talk",
    "trial",
    "project",
    "survey",
    "piece",
    "book",
    "work",
    "tweet",
    "data",
    "analysis",
];

fn not_care_after(norm: &str, end: usize) -> bool {
    let next = norm[end..].split_whitespace().next().unwrap_or("");
    NOT_CARE.contains(&next.trim_end_matches(|c: char| !c.is_alphanumeric()))
}

/// Whether the clause before `at` warns against something ("never comment '…'", "don't post …").
fn advice(norm: &str, at: usize) -> bool {
    let clause = &norm[crate::text::clause_start(norm, at)..at];
    ["never ", "don't ", "dont ", "do not ", "avoid ", "nunca ", "jamais ", "niemals ", "ne jamais "]
        .iter()
        .any(|w| clause.starts_with(w) || clause.contains(&format!(" {w}")))
}

/// Whether the quote at `at` is the poster's own public comment ("I commented '…'", "replied: '…'").
fn own_comment(norm: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(60);
    while !norm.is_char_boundary(from) {
        from -= 1;
    }
    let before = &norm[from..at];
    ["commented", "replied", "wrote", "posted", "tweeted", "messaged", "comentei", "comente", "respondi", "kommentiert"]
        .iter()
        .any(|w| before.contains(w))
}

/// Whether an appointment word follows "see you at your" within a few words ("6wk f/u").
fn appointment_after(norm: &str, end: usize) -> bool {
    let mut to = (end + 32).min(norm.len());
    while !norm.is_char_boundary(to) {
        to -= 1;
    }
    let window = &norm[end..to];
    APPOINTMENT_WORDS
        .iter()
        .any(|a| window.match_indices(a).any(|(i, _)| !window[..i].ends_with(|c: char| c.is_alphanumeric())))
}

/// "your 20 week scan", "your 6wk check": a dated visit in the reader's own care.
fn numbered_visit(doc: &Document<'_>) -> Option<Range<usize>> {
    let norm = doc.norm();
    if !norm.contains("your ") || !norm.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let words = doc.words();
    words.iter().enumerate().find_map(|(i, w)| {
        if &norm[w.clone()] != "your" {
            return None;
        }
        let next = &words[i + 1..words.len().min(i + 5)];
        let numbered = next.iter().take(2).any(|n| norm[n.clone()].starts_with(|c: char| c.is_ascii_digit()));
        let visit = next.iter().position(|n| APPOINTMENT_WORDS.contains(&&norm[n.clone()]))?;
        numbered.then(|| w.start..next[visit].end)
    })
}

/// Social-media nouns that, after "your", mean the reader's own posts ("your holiday photos").
const SOCIAL_NOUNS: &[&str] = &[
    "photos",
    "photo",
    "pics",
    "pic",
    "post",
    "posts",
    "story",
    "stories",
    "reel",
    "reels",
    "selfie",
    "selfies",
    "wedding",
    "profile",
    "page",
    "fotos",
    "foto",
    "historia",
    "publicacion",
    "publicacao",
];

/// "your holiday photos", "tus fotos de la boda": the reader's own posts.
fn their_photos(doc: &Document<'_>) -> bool {
    let norm = doc.norm();
    let words: Vec<&str> = doc.words().iter().map(|r| &norm[r.clone()]).collect();
    words.iter().enumerate().any(|(i, w)| {
        matches!(*w, "your" | "tu" | "tus" | "ta" | "tes" | "deine" | "deinen" | "sua" | "suas" | "seu" | "seus")
            && words[i + 1..].iter().take(3).any(|n| SOCIAL_NOUNS.contains(n))
    })
}

/// A first name spoken to: "Congrats Aoife", "Looking fierce Tasha!!", "…, Kerry." (original bytes).
fn vocative_name(text: &str) -> Option<Range<usize>> {
    let mut prev: Option<Range<usize>> = None;
    for w in crate::text::words(text) {
        let before = prev.replace(w.clone());
        let word = &text[w.clone()];
        let mut chars = word.chars();
        let capitalized = chars.next().is_some_and(char::is_uppercase)
            && word.chars().count() >= 3
            && chars.all(|c| c.is_lowercase() || c == '\'' || c == '-');
        if !capitalized || NOT_NAMES.contains(&word) {
            continue;
        }
        let gap_before = before.as_ref().map_or("", |b| &text[b.end..w.start]);
        // "Dr Ahmed", "Sister Mary": a colleague, not a patient.
        let before_word = before.as_ref().map(|b| text[b.clone()].to_lowercase());
        let titled = before_word.as_deref().is_some_and(|b| {
            matches!(
                b,
                "dr" | "doctor"
                    | "prof"
                    | "professor"
                    | "nurse"
                    | "sister"
                    | "matron"
                    | "dra"
                    | "docteur"
                    | "doutor"
                    | "doutora"
            )
        });
        if titled {
            continue;
        }
        let greeted = gap_before.trim().is_empty() && before_word.as_deref().is_some_and(|b| GREETINGS.contains(&b));
        // ", Kerry." / ", Declan!" closing a sentence.
        let after = text[w.end..].trim_start_matches([' ', '\t']);
        let closing = gap_before.trim_end_matches([' ', '\t']).ends_with(',')
            && (after.is_empty() || after.starts_with(['.', '!', '?']));
        // "…walking again Marcus!": a name mid-sentence, then an exclamation.
        let sentence_start =
            text[..w.start].trim_end_matches([' ', '\t']).ends_with(['.', '!', '?', '\n']) || before.is_none();
        let exclaimed = !sentence_start && after.starts_with('!') && text[w.end..].starts_with('!');
        if greeted || closing || exclaimed {
            return Some(w.clone());
        }
    }
    None
}
