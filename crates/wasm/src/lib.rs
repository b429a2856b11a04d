//! # primum-wasm
//!
//! The WebAssembly surface over [`primum_core`], used by the extension's background worker
//! (the content script asks it over `chrome.runtime` messaging, because the social sites'
//! CSP forbids compiling wasm in a content script), the popup and the options page.
//!
//! The background's logic lives here, in [`Background`]: the message protocol and the cached
//! [`Checker`]. The JS loader only registers listeners synchronously (an MV3 rule) and
//! forwards messages once this module is initialised.
//!
//! With the `archive` feature (the report page's separate module, `primum_audit.wasm`),
//! `ArchiveAudit` imports a data download (X, Facebook, LinkedIn) in the page's Web Worker and
//! checks its posts in chunks.

#![warn(missing_docs)]

#[cfg(feature = "archive")]
mod archive;
mod protocol;

#[cfg(feature = "archive")]
pub use archive::ArchiveAudit;
use primum_core::{Context, Policy};
pub use protocol::{Request, Response};
use wasm_bindgen::prelude::*;

/// Converts a Rust value to a plain JS object (maps as objects, not `Map`s).
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&ser).map_err(|e| JsError::new(&e.to_string()))
}

/// A checker built once from a policy; `check` runs on every draft.
#[wasm_bindgen]
pub struct Checker {
    inner: primum_core::Checker,
}

#[wasm_bindgen]
impl Checker {
    /// Builds a checker from a policy object (`{disabled: [...], severity: {...}}`), or the
    /// defaults when `policy` is `undefined` or `null`.
    #[wasm_bindgen(constructor)]
    pub fn new(policy: JsValue) -> Result<Checker, JsError> {
        let policy: Policy = if policy.is_undefined() || policy.is_null() {
            Policy::default()
        } else {
            serde_wasm_bindgen::from_value(policy).map_err(|e| JsError::new(&format!("invalid policy: {e}")))?
        };
        Ok(Checker { inner: primum_core::Checker::with_policy(&policy) })
    }

    /// Checks `text`; `context` is `{platform, lang}` or undefined. Returns the report as
    /// `{verdict, findings: [{rule, category, severity, message, spans, guidance, fix}]}`.
    pub fn check(&self, text: &str, context: JsValue) -> Result<JsValue, JsError> {
        let context: Context = if context.is_undefined() || context.is_null() {
            Context::default()
        } else {
            serde_wasm_bindgen::from_value(context).unwrap_or_default()
        };
        to_js(&self.inner.check(text, &context))
    }

    /// Policy entries that were ignored, as `[{key, message}]`.
    pub fn warnings(&self) -> Result<JsValue, JsError> {
        to_js(&self.inner.warnings())
    }
}

/// The background worker's state: the current checker, rebuilt when the policy changes.
#[wasm_bindgen]
pub struct Background {
    state: protocol::State,
}

#[wasm_bindgen]
impl Background {
    /// A background with the default policy.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Background {
        Background { state: protocol::State::new() }
    }

    /// Rebuilds the checker from the settings layers in `chrome.storage`: the user's options
    /// (`sync`) and the institution's managed policy (`managed`, which wins). Returns the
    /// ignored entries as `[{key, message}]`; never throws on bad settings.
    pub fn configure(&mut self, user: JsValue, managed: JsValue) -> JsValue {
        let read =
            |v: JsValue| serde_wasm_bindgen::from_value::<serde_json::Value>(v).unwrap_or(serde_json::Value::Null);
        let warnings = self.state.configure(&read(user), &read(managed));
        to_js(&warnings).unwrap_or(JsValue::NULL)
    }

    /// Handles one message from a content script, the popup or the options page and returns
    /// the reply. Malformed messages get `{type: "error", message}`, never an exception.
    pub fn handle(&mut self, message: JsValue) -> JsValue {
        let response = match serde_wasm_bindgen::from_value::<Request>(message) {
            Ok(request) => self.state.handle(request),
            Err(e) => Response::Error { message: format!("Primum could not read the message: {e}") },
        };
        to_js(&response).unwrap_or_else(|e| {
            gloo::console::error!(format!("Primum: could not encode a reply: {e:?}"));
            JsValue::NULL
        })
    }
}

impl Default for Background {
    fn default() -> Self {
        Background::new()
    }
}

/// Every rule's metadata, for the popup's and options page's rule lists.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsError> {
    to_js(&protocol::rule_docs())
}
