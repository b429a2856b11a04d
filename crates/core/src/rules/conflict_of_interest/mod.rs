//! Conflict of interest: promotion, discount codes, gifts and industry ties without disclosure.
//!
//! Recommending a product is fine; recommending it while being paid, gifted, hosted or selling
//! it, without saying so, is not (WMA: declare any conflicts of interest). A clear disclosure
//! anywhere in the draft (`#ad`, "Disclosure:", "paid partnership", "I consult for…") settles it.

use crate::document::Document;
use crate::finding::{Edit, Fix, Span};
use crate::lexicon::Lexicon;
use crate::rule::Rule;

mod discount_code;
mod self_promotion;
mod undisclosed_tie;

/// Clear disclosures: `#ad`, "Disclosure:", "paid partnership", "I receive royalties".
pub(crate) static DISCLOSURE: Lexicon = Lexicon {
    name: "conflict-of-interest/disclosure",
    source: crate::word_list!("conflict_of_interest/disclosure.txt"),
};

/// Endorsements of a product or service ("the only one I recommend", "ask for it by name").
pub(crate) static ENDORSE: Lexicon =
    Lexicon { name: "conflict-of-interest/endorse", source: crate::word_list!("conflict_of_interest/endorse.txt") };

/// Softer praise ("my favourite", "game changer"); counts with a firm tie.
pub(crate) static ENDORSE_WEAK: Lexicon = Lexicon {
    name: "conflict-of-interest/endorse-weak",
    source: crate::word_list!("conflict_of_interest/endorse_weak.txt"),
};

/// Possible ties ("sent me", "pharma", "trip to"); count only with a firm endorsement.
pub(crate) static TIE_WEAK: Lexicon =
    Lexicon { name: "conflict-of-interest/tie-weak", source: crate::word_list!("conflict_of_interest/tie_weak.txt") };

/// Selling calls to action ("intro price", "mention this post", "grab yours").
pub(crate) static SELF_PROMO: Lexicon = Lexicon {
    name: "conflict-of-interest/self-promo",
    source: crate::word_list!("conflict_of_interest/self_promo.txt"),
};

/// Weaker calls to action ("link in bio", "book now"); selling only with other signs.
pub(crate) static CTA_WEAK: Lexicon =
    Lexicon { name: "conflict-of-interest/cta-weak", source: crate::word_list!("conflict_of_interest/cta_weak.txt") };

/// Ties to a company: gifts, hospitality, paid roles, one's own product.
pub(crate) static TIE: Lexicon =
    Lexicon { name: "conflict-of-interest/tie", source: crate::word_list!("conflict_of_interest/tie.txt") };

/// "I recommend", "I trust": an endorsement when "the only <product>" stands just before.
pub(crate) static ONLY_VERB: Lexicon =
    Lexicon { name: "conflict-of-interest/only-verb", source: crate::word_list!("conflict_of_interest/only_verb.txt") };

/// Discount and affiliate language.
pub(crate) static COMMERCE: Lexicon =
    Lexicon { name: "conflict-of-interest/commerce", source: crate::word_list!("conflict_of_interest/commerce.txt") };

/// Whether the draft discloses a relationship (a "no conflicts" statement does not count).
pub(crate) fn disclosed(doc: &Document<'_>) -> bool {
    doc.asserted_hits(&DISCLOSURE).next().is_some()
}

/// "Only" in the languages the lists cover (accents are folded by the normalizer).
const ONLY: &[&str] = &["only", "unico", "unica", "seul", "seule", "einzige", "einzigen", "unicos", "unicas"];

/// A firm endorsement: an [`ENDORSE`] phrase, or "the only <product> I recommend/trust/use", where
/// "only" stands within five words before the verb, in the same sentence (the product name varies,
/// the shape does not).
pub(crate) fn endorsement(doc: &Document<'_>) -> Option<std::ops::Range<usize>> {
    if let Some(h) = doc.asserted_hits(&ENDORSE).next() {
        return Some(h.range());
    }
    let norm = doc.norm();
    if let Some(r) = blanket(doc) {
        return Some(r);
    }
    doc.asserted_hits(&ONLY_VERB)
        .find(|h| {
            let at = h.start as usize;
            // The sentence so far, not the clause: German puts a comma before the verb
            // ("das einzige Magnesium, das ich empfehle").
            let head = norm.get(..at).unwrap_or("");
            let head = head.rfind(['.', '!', '?', '\n']).map_or(head, |p| &head[p + 1..]);
            head.split_whitespace()
                .rev()
                .take(5)
                .any(|w| ONLY.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
        })
        .map(|h| h.range())
}

/// Verbs and phrases of recommending or prescribing, as stems (en/es/fr/de/pt).
const ADVISE: &[&str] = &[
    "recommend",
    "prescri",
    "prescrev",
    "prescrib",
    "recomiend",
    "recomend",
    "recommand",
    "empfehl",
    "verschreib",
    "first-line",
    "first line",
    "premiere ligne",
    "primera linea",
    "ersten wahl",
    "primeira linha",
    "primeira escolha",
];

/// Words for "every"/"all" before a group of patients.
const EVERY: &[&str] =
    &["every", "all", "todos", "todas", "todo", "tous", "toutes", "tout", "allen", "alle", "jeden", "jedem", "jeder"];

/// "Recommending it to every acne patient", "para todos os meus pacientes": one product
/// prescribed to a whole patient group is a blanket endorsement, not a clinical judgement.
fn blanket(doc: &Document<'_>) -> Option<std::ops::Range<usize>> {
    let norm = doc.norm();
    let words = doc.words();
    words.iter().enumerate().find_map(|(i, w)| {
        if !EVERY.contains(&&norm[w.clone()]) || doc.is_negated(w.start) {
            return None;
        }
        let group = words[i + 1..].iter().take(4).find(|n| {
            let n = &norm[(*n).clone()];
            n.contains("patient") || n.starts_with("pacient") || n == "mundo" || n == "monde"
        })?;
        let from = norm[..w.start].rfind(['.', '!', '?', '\n']).map_or(0, |p| p + 1);
        let to = norm[group.end..].find(['.', '!', '?', '\n']).map_or(norm.len(), |p| group.end + p);
        ADVISE.iter().any(|a| norm[from..to].contains(a)).then_some(w.start..group.end)
    })
}

/// Whether the draft sells or recommends something (so a "% off" is the poster's promotion,
/// not a staff-canteen offer).
pub(crate) fn selling(doc: &Document<'_>) -> bool {
    [&ENDORSE, &TIE, &COMMERCE, &SELF_PROMO, &CTA_WEAK].iter().any(|l| doc.has(l)) || endorsement(doc).is_some()
}

/// Appends ` #ad` after the last non-blank character.
pub(crate) fn add_ad(doc: &Document<'_>) -> Fix {
    let end = doc.text().trim_end().len();
    Fix { label: "Add #ad".into(), edits: vec![Edit { span: Span::bytes(end..end), replacement: " #ad".into() }] }
}

/// Appends a disclosure line for the author to complete.
pub(crate) fn add_disclosure(doc: &Document<'_>) -> Fix {
    let end = doc.text().trim_end().len();
    Fix {
        label: "Add a disclosure".into(),
        edits: vec![Edit {
            span: Span::bytes(end..end),
            replacement: "\n\nDisclosure: [describe your relationship with the company]".into(),
        }],
    }
}

/// The category's rules.
pub(crate) fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(discount_code::DiscountCode::new()),
        Box::new(self_promotion::SelfPromotion::new()),
        Box::new(undisclosed_tie::UndisclosedTie::new()),
    ]
}
