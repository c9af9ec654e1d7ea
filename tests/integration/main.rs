//! One integration-test binary (ripgrep's layout): every module below is a
//! group of tests that drive copydesk the way users do.

mod changed;
mod ci_examples;
mod cli;
mod completions;
mod convergence;
mod corpus;
mod fixes;
mod fixtures;
mod formats;
mod gloss;
mod hooks;
mod hostile;
mod html;
#[cfg(feature = "lsp")]
mod lsp;
mod names;
mod names_usage;
mod pathological;
mod preview;
mod progress;
mod properties;
mod quotes;
mod report;
mod rule_examples;
mod serve;
mod stream;
mod tuning;
mod unicode_misses;
mod util;
mod wheel;
mod workspace;
