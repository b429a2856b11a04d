//! `conflict-of-interest/self-promotion`: selling one's own clinic, product or service without saying so.

use super::{
    add_ad, disclosed, endorsement, COMMERCE, CTA_WEAK, DISCLOSURE, ENDORSE, ENDORSE_WEAK, ONLY_VERB, SELF_PROMO, TIE,
    TIE_WEAK,
};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::re::Regex;
use crate::rule::{Rule, RuleMeta, Sink};

/// Charity events and public classes: a price there is not the poster's sale.
static NOT_FOR_PROFIT: Lexicon = Lexicon {
    name: "conflict-of-interest/not-for-profit",
    source: crate::word_list!("conflict_of_interest/not_for_profit.txt"),
};

/// Shopping calls to action ("get yours", "swipe up", "to buy").
static SHOP_CTA: Lexicon =
    Lexicon { name: "conflict-of-interest/shop-cta", source: crate::word_list!("conflict_of_interest/shop_cta.txt") };

static META: RuleMeta = RuleMeta {
    id: "conflict-of-interest/self-promotion",
    category: Category::ConflictOfInterest,
    severity: Severity::Warning,
    message: "This sells your own product or service; make the commercial interest clear (e.g. add #ad).",
    rationale: "Promoting a clinic, a treatment package or products you sell is advertising. When it reads \
                like clinical advice, followers cannot weigh the recommendation against your financial \
                interest. Say that it is your business and keep claims factual.",
    guidance: "WMA 2011 statement on social media (declare any conflicts of interest; factual information); \
               expert rules: declare conflicts of interest in public-facing content",
    bad: crate::examples![
        "Best physio in town is at the clinic on Elm Street, tell them Priya sent you 😉",
        "New hydration IV menu at my clinic 💧 intro price this month, mention this post at booking!",
        "My own sleep tea blend is finally here, grab yours through the link in bio 🌙",
        "The only sunscreen I trust for my melanoma-survivor patients is SolShield. Link in bio ☀️",
        "I've been selling these wellness shakes for a year and they WORK. Message me to join my team 💸",
        "Best penlight for students is the LumaPro, no contest. I send my whole cohort my link 👇",
        "My morning serum from @dewlab, patients always ask about my skin 😉 link in bio",
        "Mis pacientes preguntan qué protector uso: SolarMed, el único que recomiendo. Link en mi bio 🌞",
        "Ask me how I earn an extra $2k a month on my nights off selling wellness products 💸",
        "Our clinic now offers the LumaLift facial, the only non-surgical lift I trust. Introductory rate this month!",
        "Das einzige Magnesium, das ich empfehle: MagVital. Link in meiner Bio!",
    ],
    good: crate::examples![
        "Our clinic offers physiotherapy for chronic back pain; fees are on our website and a GP referral \
         isn't needed.",
        "Free CPR class Saturday, limited spots, link in bio to sign up!",
        "Our amazing team wrote a free falls-prevention leaflet, link in bio!",
        "Flu jabs available now: book online or call today, it's free for over-65s.",
        "Join my team! We're hiring night RNs on 5 West, great mentorship, link in bio.",
        "Flu clinic open Saturday, free for staff. Link below.",
        "Hospital foundation gala on Friday, tickets $60 and all proceeds go to the NICU. Link in bio!",
        "Ask me how I survived my first year of nights: coffee, naps and a great charge nurse.",
        "Book this week for your flu jab at the practice, it's free for over-65s.",
        "Every nurse should read this paper on fatigue. Link in bio.",
        "Our new guideline: SGLT2 inhibitors should be first-line in HFrEF. Summary at the link in bio.",
        "Great talk by @DrLee on sepsis today, slides link in bio!",
    ],
    lexicons: &[
        &SELF_PROMO,
        &CTA_WEAK,
        &SHOP_CTA,
        &ENDORSE,
        &ONLY_VERB,
        &ENDORSE_WEAK,
        &TIE,
        &TIE_WEAK,
        &COMMERCE,
        &DISCLOSURE,
        &NOT_FOR_PROFIT,
    ],
};

/// A call to action for something the poster sells.
pub(crate) struct SelfPromotion {
    /// A price ("$9/unit", "€40", "£25") or a shop address ("nursesox.com").
    price: Regex,
}

impl SelfPromotion {
    pub(crate) fn new() -> SelfPromotion {
        SelfPromotion {
            price: crate::re::compile(r"[$€£] ?[0-9]|(?-u:\b)[A-Za-z0-9_-]+\.(?:com|shop|store|co\.uk)(?-u:\b)"),
        }
    }
}

/// A product of the poster's credited to a brand's handle ("my serum from @glowlab"), not a talk
/// "by @DrLee": "my" must stand a few words before "from @".
fn brand_credit(text: &str) -> bool {
    text.match_indices(" from @").any(|(at, _)| {
        let mut start = at.saturating_sub(40);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let head = text.get(start..at).unwrap_or("").to_lowercase();
        head.split_whitespace().any(|w| w == "my")
    })
}

impl Rule for SelfPromotion {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        if disclosed(doc) {
            return;
        }
        if let Some(r) = referral(doc) {
            let fix = add_ad(doc);
            sink.push(doc.original(r)).fix = Some(fix);
            return;
        }
        let strong = doc.asserted_hits(&SELF_PROMO).next();
        let hit = strong.or_else(|| {
            // Praise alone ("amazing team, link in bio") is not selling; praise plus a shopping
            // call ("obsessed with this mask, link in bio to get yours") is.
            let selling = || {
                [&ENDORSE, &TIE, &TIE_WEAK, &COMMERCE].iter().any(|l| doc.has(l))
                    || (doc.has(&ENDORSE_WEAK) && doc.has(&SHOP_CTA))
                    || (self.price.is_match(doc.text()) && !doc.has(&NOT_FOR_PROFIT))
                    || endorsement(doc).is_some()
                    || brand_credit(doc.text())
            };
            doc.asserted_hits(&CTA_WEAK).next().filter(|_| selling())
        });
        if let Some(hit) = hit {
            let fix = add_ad(doc);
            sink.push(doc.original(hit.range())).fix = Some(fix);
        }
    }
}

/// "Tell them Sam sent you", "say Dr Lee sent you": a referral tag sends the reader to a
/// business on the poster's account, which usually earns the poster something.
fn referral(doc: &Document<'_>) -> Option<std::ops::Range<usize>> {
    let norm = doc.norm();
    norm.match_indices("sent you").map(|(i, _)| i).find_map(|i| {
        let from = crate::text::floor_boundary(norm, i.saturating_sub(32));
        let head = &norm[from..i];
        let head = head.rfind(['.', '!', '?', '\n']).map_or(head, |p| &head[p + 1..]);
        ["tell them", "say ", "mention", "let them know"].iter().any(|w| head.contains(w)).then(|| from..i + 8)
    })
}
