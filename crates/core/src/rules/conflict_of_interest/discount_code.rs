//! `conflict-of-interest/discount-code`: discount codes, "% off" and affiliate links without disclosure.

use super::{add_ad, disclosed, selling, COMMERCE, CTA_WEAK, DISCLOSURE, ENDORSE, SELF_PROMO, TIE};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::re::Regex;
use crate::rule::{Rule, RuleMeta, Sink};

/// Words that introduce a code ("code", "coupon", "use"): the code pattern runs only after one.
static CODE_WORD: Lexicon =
    Lexicon { name: "conflict-of-interest/code-word", source: crate::word_list!("conflict_of_interest/code_word.txt") };

static META: RuleMeta = RuleMeta {
    id: "conflict-of-interest/discount-code",
    category: Category::ConflictOfInterest,
    severity: Severity::Warning,
    message: "A discount code or affiliate link means you may profit from this recommendation; disclose it \
              (e.g. add #ad).",
    rationale: "Personal discount codes and affiliate links usually pay the poster a commission. Followers, \
                and patients above all, read a clinician's recommendation as clinical judgement; they are \
                entitled to know when it is also a sale. Advertising rules require the disclosure too.",
    guidance: "WMA 2011 statement on social media (declare any conflicts of interest); expert rules: declare \
               conflicts of interest in public-facing content; AMA Code of Medical Ethics 2.3.2 (public \
               trust in the profession)",
    bad: crate::examples![
        "Best compression socks for long shifts 🧦 use code NURSEMO15 for 15% off",
        "My go-to vitamin D for patients, 20% off through my link: shop.example.com/drlee",
        "Mein Lieblingsshampoo nach der Chemo, mit Code HAARE10 gibt es Rabatt",
        "Best scrubs I've ever owned, swipe up for my code 👇",
        "Cut my migraines in half with NeuroEase, 15% off with DRPAULA20",
    ],
    good: crate::examples![
        "#ad Paid partnership with CalmScrubs: code CALM10 gets you 10% off. Sizing runs large.",
        "Disclosure: I earn a commission on this affiliate link. The oximeter is the one our unit uses.",
        "Code Blue drill on ward 6 today, great teamwork everyone",
        "The hospital canteen has 20% off salads this week, treat yourselves",
        "Our department code of conduct is on the intranet, please read it before Monday.",
        "My link to the grand rounds recording is broken, can someone reshare?",
    ],
    lexicons: &[&CODE_WORD, &COMMERCE, &DISCLOSURE, &ENDORSE, &TIE, &SELF_PROMO, &CTA_WEAK],
};

/// Discount codes, price cuts and affiliate URLs.
pub(crate) struct DiscountCode {
    /// "code NURSEBEA20", "use SMILEDRKIM to", "Mit dem Code DOKTORANNA15".
    code: Regex,
    /// "20% off", "$300 off", "spart ihr 15 %", "15 % de réduction".
    price_cut: Regex,
    /// Affiliate tags and personal shop slugs: "?tag=", "ref=", "orthoflex.com/drpatel".
    link: Regex,
}

impl DiscountCode {
    pub(crate) fn new() -> DiscountCode {
        let build = |p: &str| crate::re::compile(p);
        DiscountCode {
            code: build(
                r"(?:(?-u:\b)(?i:code|coupon|promo|voucher|c[oóÓ]digo|cupom|cup[oóÓ]n|gutschein|rabattcode|gutscheincode)(?-u:\b)[ \t]*:?[ \t]*[“\x22']?|(?-u:\b)(?i:use|off[ \t]+with)[ \t]+)([A-Z][A-Z0-9]{3,}[0-9]*)(?-u:\b)",
            ),
            price_cut: build(
                r"(?i)(?:(?-u:\b)[0-9]{1,3}[ \u{a0}\u{202f}]?%[ \u{a0}\u{202f}]?(?:off|cheaper|discount|de descuento|de desconto|de r[éÉe]duction|rabatt|g[üÜu]nstiger)(?-u:\b)|[$€£][ ]?[0-9]+(?:[.,][0-9]+)?[ ]+off(?-u:\b)|(?-u:\b)spar(?:t|en|st)[ ]+(?:ihr|sie|du)[ ]+[0-9]{1,3}[ \u{a0}\u{202f}]?%|(?-u:\b)(?:save|saves|knocks)[ ]+[0-9]{1,3}[ \u{a0}\u{202f}]?%)",
            ),
            link: build(
                r"(?i)(?:[?&](?:tag|ref|aff|affid|affiliate|utm_source|discount)=|(?-u:\b)amzn\.to/|(?-u:\b)[a-z0-9_-]+\.(?:com|co|shop|store|net|io|de|fr|es)(?:\.[a-z]{2})?/(?:dr|doc|nurse|rn|md|np|pharm|dds|physio)[a-z0-9_-]*)",
            ),
        }
    }
}

/// Words after "use" that are shouted, not codes.
const NOT_CODES: &[&str] = &["THIS", "THAT", "THESE", "YOUR", "SPF", "NHS", "CPR", "PPE", "AED", "ICU", "EHR", "EPIC"];

/// Site paths that start like a personal slug but are ordinary pages ("webmd.com/drugs").
fn generic_path(link: &str) -> bool {
    let path = link.rsplit('/').next().unwrap_or("").to_lowercase();
    ["drug", "doctor", "docs", "document", "nursing", "pharmac", "mdx"].iter().any(|p| path.starts_with(p))
}

impl Rule for DiscountCode {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        if disclosed(doc) {
            return;
        }
        let text = doc.text();
        let codes = if doc.has(&CODE_WORD) { Some(self.code.captures_iter(text)) } else { None };
        let code = codes.into_iter().flatten().filter_map(|c| c.get(1)).find(|m| {
            let t = m.as_str();
            // A code mixes in digits or is a made-up word; "code BLUE" and "use SPF" are not codes.
            (t.bytes().any(|b| b.is_ascii_digit()) || t.len() >= 6) && !NOT_CODES.contains(&t) && t != "BLUE"
        });
        let range = code
            .map(|m| m.range())
            // A price cut alone may be a staff offer; with selling or recommending around it, it's promotion.
            .or_else(|| {
                let priced = text.contains(['%', '$', '€', '£']) && selling(doc);
                priced.then(|| self.price_cut.find(text)).flatten().map(|m| m.range())
            })
            .or_else(|| {
                let links = if text.contains(['/', '=']) { Some(self.link.find_iter(text)) } else { None };
                links.into_iter().flatten().find(|m| !generic_path(m.as_str())).map(|m| m.range())
            })
            .or_else(|| doc.asserted_hits(&COMMERCE).next().map(|h| doc.original(h.range())));
        if let Some(range) = range {
            let fix = add_ad(doc);
            sink.push(range).fix = Some(fix);
        }
    }
}
