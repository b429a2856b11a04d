//! Settings layers from arbitrary JSON: never a panic, the checker always builds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use primum_core::{Checker, Policy};

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else { return };
    let (policy, _warnings) = Policy::layered(&[("user", &value), ("managed", &value)]);
    let _ = Checker::with_policy(&policy);
});
