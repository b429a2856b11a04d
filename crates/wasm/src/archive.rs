//! Importing a data download in the extension's report page, from a dedicated Web Worker.
//!
//! [`ArchiveAudit::open`] reads the `File` the user picked through the worker's
//! `FileReaderSync`, slice by slice: a zip is read entry by entry (a multi-gigabyte X archive
//! with media is fine) and any other file over the core's size cap is refused before it is
//! read. [`ArchiveAudit::next`] then checks the posts in chunks, so the page can show progress.

use crate::to_js;
use primum_core::archive::{self, AuditReport, AuditedPost, Checking};
use primum_core::{Checker, Policy, Verdict};
use serde::Serialize;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use wasm_bindgen::prelude::*;
use web_sys::{Blob, FileReaderSync};

/// A `Blob` as `Read + Seek`, read slice by slice with `FileReaderSync` (workers only).
struct BlobReader {
    blob: Blob,
    reader: FileReaderSync,
    pos: u64,
    len: u64,
}

impl Read for BlobReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = (buf.len() as u64).min(self.len.saturating_sub(self.pos));
        if n == 0 {
            return Ok(0);
        }
        let slice = self
            .blob
            .slice_with_f64_and_f64(self.pos as f64, (self.pos + n) as f64)
            .map_err(|e| io::Error::other(format!("{e:?}")))?;
        let bytes = self
            .reader
            .read_as_array_buffer(&slice)
            .map_err(|e| io::Error::other(format!("the browser could not read the file ({e:?})")))?;
        let bytes = js_sys::Uint8Array::new(&bytes);
        let got = (bytes.length() as usize).min(n as usize);
        bytes.subarray(0, got as u32).copy_to(&mut buf[..got]);
        self.pos += got as u64;
        Ok(got)
    }
}

impl Seek for BlobReader {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let target = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = target.ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "seek before the start"))?;
        Ok(self.pos)
    }
}

/// What was read from a file: how many posts, from which files, and what was skipped.
#[derive(Serialize)]
struct Opened<'a> {
    posts: usize,
    sources: &'a [archive::Source],
    skipped: &'a [archive::Skipped],
}

/// How far checking has got.
#[derive(Serialize)]
struct Progress {
    done: usize,
    total: usize,
}

/// The report's summary once every post is checked.
#[derive(Serialize)]
struct Summary<'a> {
    verdict: Verdict,
    partial: bool,
    totals: &'a archive::Totals,
    sources: &'a [archive::Source],
    skipped: &'a [archive::Skipped],
}

/// Where an import is: nothing yet, posts being checked, or the finished report with the
/// indices of its flagged posts.
enum Stage {
    Empty,
    Checking(Checking),
    Done { report: AuditReport, flagged: Vec<usize> },
}

/// One imported download being checked, then its report.
#[wasm_bindgen]
pub struct ArchiveAudit {
    checker: Checker,
    stage: Stage,
}

#[wasm_bindgen]
impl ArchiveAudit {
    /// An importer checking with the settings layers of `chrome.storage` (the user's options
    /// and the institution's managed policy, as [`crate::Background::configure`] takes them).
    #[wasm_bindgen(constructor)]
    pub fn new(user: JsValue, managed: JsValue) -> ArchiveAudit {
        let read =
            |v: JsValue| serde_wasm_bindgen::from_value::<serde_json::Value>(v).unwrap_or(serde_json::Value::Null);
        let (policy, _ignored) = Policy::from_storage(&read(user), &read(managed));
        ArchiveAudit { checker: Checker::with_policy(&policy), stage: Stage::Empty }
    }

    /// Reads `file` (a `File` or `Blob`; `name` is its name for messages), replacing any
    /// earlier import. Returns `{posts, sources, skipped}`; throws an `Error` whose message
    /// names the file and what was expected when nothing could be read. Worker only.
    pub fn open(&mut self, file: &Blob, name: &str) -> Result<JsValue, JsError> {
        self.stage = Stage::Empty;
        let reader = FileReaderSync::new().map_err(|e| JsError::new(&format!("{e:?}")))?;
        let len = file.size() as u64;
        let blob = BlobReader { blob: file.clone(), reader, pos: 0, len };
        // Slices of 256 KiB: the zip reader's many small reads become few calls into the browser.
        let audit = archive::parse_seekable(name, BufReader::with_capacity(256 * 1024, blob), len)
            .map_err(|e| JsError::new(&e.to_string()))?;
        let opened = to_js(&Opened { posts: audit.posts.len(), sources: &audit.sources, skipped: &audit.skipped });
        self.stage = Stage::Checking(Checking::new(audit));
        opened
    }

    /// Checks the next `n` posts; returns `{done, total}`. Once `done == total` the report
    /// is ready for [`summary`](Self::summary), [`flagged`](Self::flagged) and the exports.
    pub fn next(&mut self, n: usize) -> Result<JsValue, JsError> {
        let progress = match &mut self.stage {
            Stage::Empty => return Err(JsError::new("nothing is imported yet: call open() first")),
            Stage::Done { report, .. } => Progress { done: report.posts.len(), total: report.posts.len() },
            Stage::Checking(checking) => Progress { done: checking.next(&self.checker, n), total: checking.total() },
        };
        if progress.done == progress.total {
            if let Stage::Checking(checking) = std::mem::replace(&mut self.stage, Stage::Empty) {
                let report = checking.finish();
                let flagged = report
                    .posts
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.report.verdict != Verdict::Ok)
                    .map(|(i, _)| i)
                    .collect();
                self.stage = Stage::Done { report, flagged };
            }
        }
        to_js(&progress)
    }

    /// `{verdict, partial, totals, sources, skipped}` of the finished report.
    pub fn summary(&self) -> Result<JsValue, JsError> {
        let r = self.finished()?;
        to_js(&Summary {
            verdict: r.verdict,
            partial: !r.skipped.is_empty(),
            totals: &r.totals,
            sources: &r.sources,
            skipped: &r.skipped,
        })
    }

    /// Up to `limit` flagged posts from the `offset`-th, as `[{post, report}]` (spans in UTF-16
    /// offsets of `post.text` for the page's highlights).
    pub fn flagged(&self, offset: usize, limit: usize) -> Result<JsValue, JsError> {
        let Stage::Done { report, flagged } = &self.stage else { return Err(not_finished()) };
        let page: Vec<&AuditedPost> =
            flagged.iter().skip(offset).take(limit).filter_map(|&i| report.posts.get(i)).collect();
        to_js(&page)
    }

    /// The report as JSON, byte for byte what `primum audit --format json` writes.
    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self) -> Result<Vec<u8>, JsError> {
        let mut out = Vec::new();
        archive::write_json(&mut out, self.finished()?, false).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(out)
    }

    /// The report as CSV, byte for byte what `primum audit --format csv` writes (formulas
    /// neutralised).
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self) -> Result<Vec<u8>, JsError> {
        let mut out = Vec::new();
        archive::write_csv(&mut out, self.finished()?, false).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(out)
    }

    fn finished(&self) -> Result<&AuditReport, JsError> {
        match &self.stage {
            Stage::Done { report, .. } => Ok(report),
            _ => Err(not_finished()),
        }
    }
}

fn not_finished() -> JsError {
    JsError::new("the import is not checked yet: call next() until done is total")
}
