//! `copydesk lsp`: a language server on standard input and output, for
//! editors (the `lsp` feature; `lsp-server`'s message types and
//! `lsp-types`).
//!
//! A layer over one [`copydesk::Workspace`], like `check`: every open
//! document — saved or not — is linted under the config, overrides and
//! packs of its path. `transport` frames messages and survives bad ones,
//! `server` runs the protocol loop, `documents` keeps the editor's text,
//! `convert` turns findings into diagnostics, `actions` offers fixes and
//! suppressions, `reload` follows config and pack changes.

mod actions;
mod convert;
mod documents;
mod reload;
mod server;
#[cfg(test)]
mod tests;
mod transport;

use super::args::LspArgs;
use super::CliError;

pub fn run(args: LspArgs) -> Result<u8, CliError> {
    let cwd = std::env::current_dir()?;
    let mut options = super::workspace_options(&args.rules, None);
    // Paths on the command line start at the folder the editor started
    // the server in, whatever root the editor names.
    for pack in &mut options.packs {
        *pack = cwd.join(&*pack);
    }
    if let copydesk::workspace::ConfigChoice::File(p) = &mut options.config {
        *p = cwd.join(&*p);
    }
    let setup = server::Setup {
        options,
        docs_url: args.docs_url,
        cwd,
    };
    let rx = transport::spawn_reader(std::io::stdin());
    let out = std::io::BufWriter::new(std::io::stdout());
    let code = server::serve(rx, out, setup);
    Ok(code)
}
