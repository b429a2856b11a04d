//! `conflict-of-interest/undisclosed-tie`: endorsing a product after gifts, hospitality or a paid role,
//! or one's own product, without disclosure.

use super::{add_disclosure, disclosed, endorsement, DISCLOSURE, ENDORSE, ENDORSE_WEAK, ONLY_VERB, TIE, TIE_WEAK};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::re::Regex;
use crate::rule::{Rule, RuleMeta, Sink};

static META: RuleMeta = RuleMeta {
    id: "conflict-of-interest/undisclosed-tie",
    category: Category::ConflictOfInterest,
    severity: Severity::Warning,
    message: "You endorse a product from a company you have ties to (gifts, hospitality, a role or your own \
              product); disclose the relationship.",
    rationale: "Free products, sponsored dinners and trips, speaker and board roles, and designing or selling \
                a product all create a conflict of interest. Recommending that product is acceptable only \
                when readers can see the relationship and weigh the recommendation accordingly.",
    guidance: "WMA 2011 statement on social media (declare any conflicts of interest); expert rules: declare \
               conflicts of interest in public-facing content; AMA Code of Medical Ethics 2.3.2",
    bad: crate::examples![
        "Thanks to the lab for the invitation to Seville! I now prescribe their new inhaler to all my asthma patients",
        "Merci au labo pour l'invitation ! Je recommande leur nouveau collyre à tous mes patients",
        "Our new wound-dressing supplier is run by my brother-in-law and honestly it's the best on the market.",
        "Thanks to NovaDerm for sending me their new SPF 50 💛 it's the only one I recommend now",
        "Great speaker dinner with the Zentiva team last night. Their new statin is my first line from now on.",
        "I helped develop the FlexiCast splint, so ask your orthopaedic team for it by name",
        "Ski week in Whistler with Orvane Therapeutics 🎿 their new biologic is a game changer",
        "Back from an all-expenses weekend in Napa with the Ardentis team; every GP should be prescribing their new SGLT2.",
        "Not sponsored (well, they sent me a free box 🙃) but this is the only moisturiser I recommend to eczema patients.",
        "All my knee patients get sent to RidgePhysio, best clinic in town (not saying I own a bit of it 👀)",
        "Thanks to the Ostara team for flying me to Berlin for the launch; I'll be switching my asthma patients to the new inhaler.",
        "Proud to have joined the scientific advisory board at Helixa; I'm recommending their CGM to all my patients.",
        "J'ai été invitée par le laboratoire Solvia à Marrakech. Leur nouvel antidiabétique, je le prescris désormais en première intention.",
    ],
    good: crate::examples![
        "I recommend the flu jab to all my patients over 65, it is free at any pharmacy",
        "My brother-in-law runs a bakery and his sourdough is amazing.",
        "Disclosure: I'm on the speakers bureau for Zentiva. Here's my honest take on the new statin trial.",
        "Great dinner with the department last night, my favourite team to work with!",
        "Our rep meeting policy: no gifts, no meals, information by email only.",
        "My colleague sent me this review on wound care, highly recommend it",
        "The only thing I recommend to new grads is sleep, honestly.",
        "Just back from a week in Lisbon at the ESC congress; great sessions on heart failure.",
        "Every patient of mine this week was lovely and one gave me a card 💛",
        "Thanks to the hospital charity for funding my trip to the Berlin conference, learned a lot about inhalers.",
        "The hospital charity sponsored our team's 10k. Incredible support, thank you!",
        "Joined the advisory board of our local patient charity. Unpaid, and proud to help.",
    ],
    lexicons: &[&TIE, &TIE_WEAK, &ENDORSE, &ONLY_VERB, &ENDORSE_WEAK, &DISCLOSURE],
};

/// A tie to a company and an endorsement in the same draft, with no disclosure.
pub(crate) struct UndisclosedTie {
    /// A named company: "Medistar Pharma", "Orvane Therapeutics", "Corvex Labs".
    company: Regex,
}

impl UndisclosedTie {
    pub(crate) fn new() -> UndisclosedTie {
        UndisclosedTie {
            company: crate::re::compile(
                r"(?-u:\b)[A-Z][A-Za-z0-9_-]*(?: +[A-Z][A-Za-z0-9_-]*)? +(?:Pharma|Pharmaceuticals?|Therapeutics|Biotech|Biosciences|Labs|Diagnostics|Medtech|Devices)(?-u:\b)",
            ),
        }
    }
}

impl Rule for UndisclosedTie {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        if disclosed(doc) {
            return;
        }
        let firm = endorsement(doc).is_some();
        let soft = firm || doc.asserted_hits(&ENDORSE_WEAK).next().is_some();
        if !soft {
            return;
        }
        // A firm tie needs any praise; a possible tie needs a firm endorsement.
        let tie = doc.asserted_hits(&TIE).next().map(|h| doc.original(h.range())).or_else(|| {
            self.company
                .find(doc.text())
                .map(|m| m.range())
                .or_else(|| doc.asserted_hits(&TIE_WEAK).next().filter(|_| firm).map(|h| doc.original(h.range())))
        });
        if let Some(range) = tie {
            let fix = add_disclosure(doc);
            sink.push(range).fix = Some(fix);
        }
    }
}
