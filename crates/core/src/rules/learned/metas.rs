//! The learned rules' metadata, one per category. Their examples are tests like every rule's:
//! bad ones are posts the hand-written rules miss and the scorer catches.

use crate::category::Category;
use crate::rule::RuleMeta;

learned_meta!(
    PATIENT_PRIVACY,
    Category::PatientPrivacy,
    "patient-privacy/learned-pattern",
    "patient privacy",
    "Posts about a particular patient put their confidentiality at risk even without a name: small \
     details add up for people who know them.",
    "AMA Code of Medical Ethics 2.3.2 (maintain patient confidentiality online); GMC Doctors' use of social \
     media §17 (small details can identify a patient); HIPAA Safe Harbor",
    bad: ["The lady with the parrot tattoo from Tuesday night came back in, same complaint, same husband."],
    good: ["Remember to book your flu jab before the winter rush, the clinic is open late on Thursdays."],
);
learned_meta!(
    PATIENT_DISPARAGEMENT,
    Category::PatientDisparagement,
    "patient-disparagement/learned-pattern",
    "patient disparagement",
    "Mocking or judging patients holds vulnerable people up to ridicule and tells the public how a \
     clinician sees the people in their care.",
    "AMA Code of Medical Ethics 2.3.2 (online conduct can undermine public trust); GMC Doctors' use of \
     social media §8 (treat patients with respect); BMA: do not make disparaging comments about patients",
    bad: ["Guess who is back again, fifth visit this month, sir in the waiting area wants a sandwich and then a taxi home."],
    good: ["Some people just need someone to listen; one gentleman told me it was the first proper chat he'd had in weeks."],
);
learned_meta!(
    COLLEAGUE_DISPARAGEMENT,
    Category::ColleagueDisparagement,
    "colleague-disparagement/learned-pattern",
    "colleague disparagement",
    "Publicly mocking colleagues, other professions or the employer undermines trust in the whole team; \
     concerns belong in the proper channels.",
    "GMC Doctors' use of social media §9–10 (do not bully or harass colleagues; raise concerns properly); \
     AMA Code of Medical Ethics 2.3.2; BMA social media guidance",
    bad: ["Some of the surgeons clearly think the CT slot appears by magic, then the manager asks why the ward is behind again."],
    good: ["Everyone at my trust knows the CT team are brilliant, they turned round another referral in an hour."],
);
learned_meta!(
    DISCRIMINATION,
    Category::Discrimination,
    "discrimination/learned-pattern",
    "discrimination",
    "Generalising about people by race, religion, gender, orientation, disability, age, weight or \
     nationality tells every such patient how they will be treated.",
    "GMC Good medical practice §56 (do not unfairly discriminate); AMA Code of Medical Ethics 2.3.2; WMA \
     statement on the professional use of social media",
    bad: ["Those people always come in without insurance and expect the best of everything."],
    good: ["People who volunteer at the free clinic every weekend deserve a medal."],
);
learned_meta!(
    PROFANITY,
    Category::Profanity,
    "profanity/learned-pattern",
    "profanity",
    "Profane or sexual language in public posts reflects on the profession, and posts outlive the mood \
     they were written in.",
    "Chretien et al. 2009/2011 (profanity and sexually explicit content among unprofessional posts); AMA \
     Code of Medical Ethics 2.3.2",
    bad: ["Zero f's given about this job anymore, absolute circus."],
    good: ["The rota for the bank holiday is up on the staff board."],
);
learned_meta!(
    MEDICAL_ADVICE,
    Category::MedicalAdvice,
    "medical-advice/learned-pattern",
    "personal medical advice",
    "Advice or a diagnosis for one person, given without examining them or knowing their history, can \
     harm them and creates a care relationship outside any safe channel.",
    "Expert rule: don't ever give specific medical advice or try to diagnose online; AMA Code of Medical \
     Ethics 2.3.2",
    bad: ["If your kid's fever is over 39 just alternate the two meds every three hours."],
    good: ["If a child's fever lasts more than three days, see your own doctor; this is general information."],
);
learned_meta!(
    BOUNDARIES,
    Category::Boundaries,
    "boundaries/learned-pattern",
    "a boundary problem",
    "Befriending, messaging or flirting with patients, or caring for them through personal channels, blurs \
     the line the patient-clinician relationship depends on.",
    "AMA Code of Medical Ethics 2.3.2 (maintain appropriate boundaries of the patient-physician relationship \
     online); WMA 2011 statement on social media",
    bad: ["Message me on my personal number and I can go over your results with you."],
    good: ["Please don't message me about your results here; call the clinic so the team can help."],
);
learned_meta!(
    IMPULSIVE_TONE,
    Category::ImpulsiveTone,
    "impulsive-tone/learned-pattern",
    "an impulsive post",
    "Rage, venting and shouting written in the moment are read long after it, by patients and employers.",
    "WMA 2011 statement (adopt a sober tone); THINK (is it true, helpful, inspiring, necessary, kind?); AMA \
     Code of Medical Ethics 2.3.2",
    bad: ["I'm done. Charting until 3am again, who even cares anymore, let someone else do it."],
    good: ["I'm done for today. Charting finished on time, handed over, and home for a proper sleep."],
);
learned_meta!(
    UNSUPPORTED_CLAIMS,
    Category::UnsupportedClaims,
    "unsupported-claims/learned-pattern",
    "an unsupported claim",
    "Clinicians' words carry authority: overclaiming, miracle cures or misinformation mislead people who \
     trust them.",
    "WMA 2011 statement on social media (factual information); AMA Code of Medical Ethics 2.3.2",
    bad: ["Can't share the results yet but I've seen half the trial arm stop needing insulin. Big news coming."],
    good: ["Evidence on turmeric for joint pain is mixed; ask your pharmacist before adding supplements."],
);
learned_meta!(
    CONFLICT_OF_INTEREST,
    Category::ConflictOfInterest,
    "conflict-of-interest/learned-pattern",
    "undisclosed promotion",
    "Recommending a product or service you gain from, without saying so, trades on patients' trust.",
    "WMA 2011 statement on social media (declare any conflicts of interest); expert rules: declare conflicts \
     of interest in public-facing content",
    bad: ["This protein bar company sent me a box, they're my new favourite, grab some!"],
    good: ["Disclosure: this protein bar company sent me a box; I'm not paid and my views are my own."],
);

/// All ten, in [`Category::ALL`] order.
pub(super) static METAS: [&(RuleMeta, &str); 10] = [
    &PATIENT_PRIVACY,
    &PATIENT_DISPARAGEMENT,
    &COLLEAGUE_DISPARAGEMENT,
    &DISCRIMINATION,
    &PROFANITY,
    &MEDICAL_ADVICE,
    &BOUNDARIES,
    &IMPULSIVE_TONE,
    &UNSUPPORTED_CLAIMS,
    &CONFLICT_OF_INTEREST,
];
