//! Copies the rules' word lists into `OUT_DIR` without their comments and blank lines: the
//! comments document each list for the people who edit it, and would only add weight to the
//! extension's wasm. `word_list!` (in `lexicon.rs`) includes the stripped copies.

use std::fs;
use std::path::Path;

fn main() {
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("rules");
    copy_lists(Path::new("src/rules"), &out);
    println!("cargo:rerun-if-changed=src/rules");
}

fn copy_lists(from: &Path, to: &Path) {
    let entries = fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        let target = to.join(path.file_name().expect("file name"));
        if path.is_dir() {
            copy_lists(&path, &target);
        } else if path.extension().is_some_and(|x| x == "txt") {
            let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
            // The list format's comment: `#` alone or followed by a space (`#ad` is an entry).
            let kept: String = text
                .lines()
                .filter(|l| {
                    let t = l.trim();
                    !(t.is_empty() || t == "#" || t.starts_with("# "))
                })
                .flat_map(|l| [l, "\n"])
                .collect();
            fs::create_dir_all(to).expect("create OUT_DIR/rules");
            fs::write(&target, kept).unwrap_or_else(|e| panic!("write {}: {e}", target.display()));
        }
    }
}
