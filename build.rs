//! Tests that read the shared news corpus (`../shared/corpus` beside the
//! project) are marked ignored, with the reason, when it is absent: they
//! say they were skipped instead of passing.

use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(copydesk_corpus)");
    println!("cargo::rerun-if-changed=build.rs");
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let corpus = Path::new(&root).join("../shared/corpus");
    println!("cargo::rerun-if-changed={}", corpus.display());
    if corpus.is_dir() {
        println!("cargo::rustc-cfg=copydesk_corpus");
    }
}
