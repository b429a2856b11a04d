//! `boundaries/personal-channel`: friending patients, or care over personal phones, DMs and apps.

use super::{
    asserted, near_care, person_hits, sentence, sets_boundary, BOUNDARY_SETTING, CARE_CONTEXT, CARE_REF,
    CROSSING_ANYWAY,
};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::{Hit, Lexicon};
use crate::rule::{Rule, RuleMeta, Sink};

/// Personal channels: friend requests, follow-backs, personal numbers, messaging and payment apps.
static CHANNEL: Lexicon = Lexicon { name: "boundaries/channel", source: crate::word_list!("boundaries/channel.txt") };

/// "DM me", "text me": a boundary only when the same sentence addresses patients.
static INVITE: Lexicon = Lexicon { name: "boundaries/invite", source: crate::word_list!("boundaries/invite.txt") };

/// Labs, scans, "a quick consult": clinical material asked for in private messages.
static CLINICAL_OBJECT: Lexicon =
    Lexicon { name: "boundaries/clinical-object", source: crate::word_list!("boundaries/clinical_object.txt") };

/// Clinical nouns that count after "your" ("DM me your latest bloods").
static CLINICAL_NOUN: Lexicon =
    Lexicon { name: "boundaries/clinical-noun", source: crate::word_list!("boundaries/clinical_noun.txt") };

/// Second-person possessives that make a clinical noun the reader's own.
const YOUR: &[&str] = &["your", "ur", "yr", "tus", "tu", "vos", "tes", "deine", "ihre", "seus", "suas", "teus"];

/// How far (normalized bytes) the clinical object may follow the invitation ("DM me your latest labs").
const OBJECT_GAP: u32 = 40;

static META: RuleMeta = RuleMeta {
    id: "boundaries/personal-channel",
    category: Category::Boundaries,
    severity: Severity::Warning,
    message: "This connects with a patient through a personal account, number or app; keep contact in \
              professional, secure channels.",
    rationale: "Friending or following patients, giving them a personal number, or handling care over \
                WhatsApp, DMs or payment apps blurs the clinician–patient relationship, exposes your private \
                life to them and theirs to you, and moves clinical information outside secure, documented \
                channels. Use the practice page and the patient portal instead.",
    guidance: "AMA Code of Medical Ethics 2.3.2 (maintain appropriate boundaries when interacting with \
               patients online; separate personal and professional content); WMA 2011 statement on social \
               media; GMC Doctors' use of social media (professional boundaries)",
    bad: crate::examples![
        "> Is a lump on my gum after a filling normal?\n\nMessage me privately and I'll take a look tomorrow before clinic",
        "A customer keeps texting my personal number about her inhaler, so I just reply from home",
        "Accepted a friend request from one of my dialysis patients today, she's a hoot",
        "I give my post-op patients my personal cell so they can text me whenever",
        "A client keeps DMing my personal Instagram about her meds, so I just answer there",
        "Sorted out my patient's refill over WhatsApp from my own phone on Sunday",
        "To all my clients: text me anytime between sessions if you need a quick chat",
        "Worried about that mole? Send me your photos by DM and I'll tell you if it's fine",
        "Message me your blood results tonight, happy to interpret them for anyone",
        "I always reply to my patients' Instagram DMs within the hour, accessibility matters",
        "Gave my cell to a few of my hospice families so they can reach me on weekends",
        "if ur one of my clinic families just hmu on insta, faster than the portal lol",
        "I keep a private Instagram for my life, and I've started accepting my long-term patients there.",
        "Quick tip for new therapists: following your clients on TikTok helps you understand their world.",
        "Meine Patienten können mich jederzeit auf meiner privaten Handynummer anrufen.",
    ],
    good: crate::examples![
        "If you DM me about your symptoms I can't advise you; please see your GP or call 111.",
        "Practice policy: we don't accept friend requests from patients on personal accounts.",
        "A patient sent me a friend request, I declined and pointed them to our clinic page",
        "Added my sister on Instagram and now I see her cat 40 times a day",
        "Please message the clinic through the patient portal, not my DMs",
        "Building an app for patients with asthma. Looking for nurse testers, DM me if interested!",
        "Great teaching session on WhatsApp security today, DM me for the slides",
        "Send me your questions for Friday's Q&A on sleep and shift work!",
        "Our hospice families can reach the on-call nurse 24/7 through the hospice line",
        "Reminder: the portal is the fastest way to reach us, not my DMs 🙏",
        "Quick tip for new therapists: never follow your clients on TikTok, however tempting.",
        "My mum keeps texting me while I'm with patients, love her but not now 😅",
    ],
    lexicons: &[
        &CHANNEL,
        &INVITE,
        &CLINICAL_OBJECT,
        &CLINICAL_NOUN,
        &CARE_REF,
        &CARE_CONTEXT,
        &BOUNDARY_SETTING,
        &CROSSING_ANYWAY,
    ],
};

/// A personal channel close to someone the poster treats.
pub(crate) struct PersonalChannel;

impl Rule for PersonalChannel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        if sets_boundary(doc) {
            return;
        }
        // "> my tooth hurts… / DM me and I'll squeeze you in": answering one member of the public
        // by moving them into private messages makes them a private patient of the poster's.
        // "…who messaged me": their contact, not an offer of the poster's channel.
        let theirs = |h: &Hit| {
            let norm = doc.norm();
            norm[h.range()].ends_with(" me") || norm[h.end as usize..].starts_with(" me")
        };
        let mut offered = asserted(doc, &CHANNEL).filter(|h| !theirs(h)).chain(asserted(doc, &INVITE));
        if let Some(hit) = offered
            .find(|h| !doc.is_quoted(h.start as usize) && !in_quote_line(doc.norm(), h.start as usize))
            // Asked only when something is offered.
            .filter(|_| reply_to_one(doc))
        {
            sink.push(doc.original(hit.range()));
            return;
        }
        if let Some(hit) = asserted(doc, &CHANNEL).find(|h| near_care(doc, h)) {
            sink.push(doc.original(hit.range()));
            return;
        }
        // "DM me your labs", "message me for a quick consult": care moved into private messages.
        let norm = doc.norm();
        let objects = doc.hits(&CLINICAL_OBJECT);
        let nouns = doc.hits(&CLINICAL_NOUN);
        let yours = |h: &Hit, n: &Hit| {
            let between = norm.get(h.end as usize..n.start as usize).unwrap_or("");
            crate::text::words(between).any(|w| YOUR.contains(&&between[w]))
        };
        let follows = |h: &Hit, o: &Hit| o.start >= h.end && o.start - h.end <= OBJECT_GAP;
        if let Some(hit) = asserted(doc, &INVITE)
            .find(|h| objects.iter().any(|o| follows(h, o)) || nouns.iter().any(|n| follows(h, n) && yours(h, n)))
        {
            sink.push(doc.original(hit.range()));
            return;
        }
        let care: Vec<&Hit> = person_hits(doc).collect();
        if let Some(hit) = asserted(doc, &INVITE).find(|h| {
            let s = sentence(doc.norm(), h.start as usize);
            care.iter().any(|c| s.contains(&(c.start as usize)))
        }) {
            sink.push(doc.original(hit.range()));
        }
    }
}

/// A reply to one person: the draft opens by quoting them ("> …") and answers below, or opens
/// "To the lady who…".
fn reply_to_one(doc: &Document<'_>) -> bool {
    let norm = doc.norm().trim_start();
    crate::text::opens_with_quoted_reply(doc.text())
        || (norm.starts_with("to the ") && norm.get(..48).is_some_and(|h| h.contains(" who ")))
}

/// Whether normalized offset `at` is on a quoted ("> ") line.
fn in_quote_line(norm: &str, at: usize) -> bool {
    let line_start = norm[..at].rfind('\n').map_or(0, |p| p + 1);
    norm[line_start..].trim_start().starts_with('>')
}
