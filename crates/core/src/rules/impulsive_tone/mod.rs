//! Rules of this category (see the module's files).

use crate::rule::Rule;

/// The category's rules.
pub(crate) fn rules() -> Vec<Box<dyn Rule>> {
    vec![]
}
