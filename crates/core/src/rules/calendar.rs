//! Weekday and month names: capitalized words that are never places or groups of people.

const WEEKDAYS_AND_MONTHS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether `lowercase_word` is an English weekday or month name.
pub(crate) fn is_weekday_or_month(lowercase_word: &str) -> bool {
    WEEKDAYS_AND_MONTHS.contains(&lowercase_word)
}
