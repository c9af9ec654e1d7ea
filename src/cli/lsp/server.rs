//! The protocol loop: the initialize handshake, then batches.
//!
//! Each turn takes every message that has arrived (the first one waited
//! for, the rest already queued), applies them in order — edits change the
//! text, requests are answered, a `$/cancelRequest` in the batch answers
//! its request with `RequestCancelled` — and then lints each document whose
//! text changed since its last lint, once, and publishes the findings with
//! the version they read. Several queued edits are thus linted once, at
//! their latest version, and no result is published after newer text was
//! applied: linting and publishing happen with no edit pending.
//!
//! A message that cannot be read, an unknown method or bad parameters is
//! answered with an error (or, for a notification, logged on standard
//! error), never the end of the server.

use super::actions::{self, FIX_ALL};
use super::convert;
use super::documents::{format_of, Document, Documents};
use super::reload::{self, LoadErrors};
use super::transport::{self, Incoming};
use copydesk::position::{Encoding, Lines};
use copydesk::workspace::{Options, Workspace};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::*;
use serde::de::DeserializeOwned;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::PathBuf;
use std::sync::mpsc::Receiver;

/// What the command line gives the server.
pub struct Setup {
    pub options: Options,
    /// The rule reference's absolute URI (`--docs-url`).
    pub docs_url: Option<String>,
    /// The root when the client names none.
    pub cwd: PathBuf,
}

/// The server after the handshake.
pub struct Server<W: Write> {
    out: W,
    ws: Workspace,
    encoding: Encoding,
    docs_url: String,
    documents: Documents,
    /// The client can watch files for the server.
    watches: bool,
    shutdown: bool,
    /// Each document's config error (its config file and the diagnostic).
    doc_errors: HashMap<Uri, (Uri, lsp_types::Diagnostic)>,
    load_errors: LoadErrors,
    /// Errors without a file, shown once each.
    shown: HashSet<String>,
}

/// Log on standard error (the client shows it in its server log).
pub fn log(message: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "copydesk lsp: {message}");
}

/// Run the protocol until `exit` (0 after `shutdown`, 1 without) or the end
/// of the input (1).
pub fn serve<W: Write>(rx: Receiver<Incoming>, mut out: W, setup: Setup) -> u8 {
    loop {
        let Ok(incoming) = rx.recv() else { return 1 };
        let request = match incoming {
            Incoming::Malformed(why) => {
                log(&why);
                let _ = transport::write_parse_error(&mut out, &why);
                continue;
            }
            Incoming::Message(Message::Request(r)) => r,
            Incoming::Message(Message::Notification(n)) if n.method == note::Exit::METHOD => {
                return 1
            }
            Incoming::Message(_) => continue,
        };
        if request.method != req::Initialize::METHOD {
            let e = Response::new_err(
                request.id,
                ErrorCode::ServerNotInitialized as i32,
                "the server is not initialized".into(),
            );
            let _ = transport::write(&mut out, &e.into());
            continue;
        }
        match parse::<InitializeParams>(request.params) {
            Ok(params) => {
                let (server, result) = Server::new(out, &setup, params);
                let mut server = server;
                server.respond(request.id, result);
                return server.run(rx);
            }
            Err(e) => {
                let e = Response::new_err(request.id, ErrorCode::InvalidParams as i32, e);
                let _ = transport::write(&mut out, &e.into());
            }
        }
    }
}

fn parse<T: DeserializeOwned>(params: serde_json::Value) -> Result<T, String> {
    serde_json::from_value(params).map_err(|e| format!("invalid parameters: {e}"))
}

/// The position encoding: UTF-8 when the client offers it, else UTF-16.
fn negotiate(caps: &ClientCapabilities) -> Encoding {
    let offered = caps
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(list) if list.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            _ => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::new(FIX_ALL)]),
            resolve_provider: Some(false),
            ..Default::default()
        })),
        ..Default::default()
    }
}

/// The workspace's root: the client's first folder, its root URI, or the
/// current folder.
#[allow(deprecated)] // `root_uri`: older clients send only it.
fn root(params: &InitializeParams, cwd: &std::path::Path) -> PathBuf {
    let folder = params.workspace_folders.as_ref().and_then(|f| f.first());
    folder
        .map(|f| &f.uri)
        .or(params.root_uri.as_ref())
        .and_then(convert::path_of)
        .unwrap_or_else(|| cwd.to_path_buf())
}

impl<W: Write> Server<W> {
    fn new(out: W, setup: &Setup, params: InitializeParams) -> (Server<W>, InitializeResult) {
        let encoding = negotiate(&params.capabilities);
        let from_client = params
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("docsUrl"))
            .and_then(|u| u.as_str())
            .map(String::from);
        let docs_url = setup
            .docs_url
            .clone()
            .or(from_client)
            .unwrap_or_else(|| copydesk::render::sarif::DEFAULT_DOCS.to_string());
        let server = Server {
            out,
            ws: Workspace::new(root(&params, &setup.cwd), setup.options.clone()),
            encoding,
            docs_url,
            documents: Documents::default(),
            watches: reload::client_watches(&params.capabilities),
            shutdown: false,
            doc_errors: HashMap::new(),
            load_errors: LoadErrors::default(),
            shown: HashSet::new(),
        };
        let result = InitializeResult {
            capabilities: capabilities(encoding),
            server_info: Some(ServerInfo {
                name: "copydesk".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        };
        (server, result)
    }

    fn send(&mut self, message: Message) {
        if let Err(e) = transport::write(&mut self.out, &message) {
            log(format_args!("cannot write to the client: {e}"));
        }
    }

    fn respond(&mut self, id: RequestId, result: impl serde::Serialize) {
        self.send(Response::new_ok(id, result).into());
    }

    fn fail(&mut self, id: RequestId, code: ErrorCode, message: String) {
        self.send(Response::new_err(id, code as i32, message).into());
    }

    fn notify(&mut self, method: &str, params: impl serde::Serialize) {
        self.send(Notification::new(method.into(), params).into());
    }

    /// Batches until `exit` or the end of the input.
    pub fn run(mut self, rx: Receiver<Incoming>) -> u8 {
        loop {
            let Ok(first) = rx.recv() else { return 1 };
            let batch: Vec<Incoming> = std::iter::once(first).chain(rx.try_iter()).collect();
            let cancelled: HashSet<RequestId> = batch.iter().filter_map(cancels).collect();
            for incoming in batch {
                if let Some(code) = self.handle(incoming, &cancelled) {
                    return code;
                }
            }
            self.flush();
        }
    }

    /// One message; `Some(exit code)` on `exit`.
    fn handle(&mut self, incoming: Incoming, cancelled: &HashSet<RequestId>) -> Option<u8> {
        match incoming {
            Incoming::Malformed(why) => {
                log(&why);
                let _ = transport::write_parse_error(&mut self.out, &why);
            }
            Incoming::Message(Message::Request(r)) if cancelled.contains(&r.id) => {
                self.fail(r.id, ErrorCode::RequestCanceled, "cancelled".into())
            }
            Incoming::Message(Message::Request(r)) => self.request(r),
            Incoming::Message(Message::Response(r)) => {
                if let Err(e) = r.response_result {
                    log(format_args!(
                        "the client answered {:?}: {}",
                        r.id, e.message
                    ));
                }
            }
            Incoming::Message(Message::Notification(n)) if n.method == note::Exit::METHOD => {
                return Some(if self.shutdown { 0 } else { 1 });
            }
            Incoming::Message(Message::Notification(n)) => {
                let method = n.method.clone();
                if let Err(e) = self.notification(n) {
                    log(format_args!("{method}: {e}"));
                }
            }
        }
        None
    }

    fn request(&mut self, r: Request) {
        if self.shutdown {
            let message = "the server is shutting down".into();
            return self.fail(r.id, ErrorCode::InvalidRequest, message);
        }
        match r.method.as_str() {
            req::Shutdown::METHOD => {
                self.shutdown = true;
                self.respond(r.id, ());
            }
            req::CodeActionRequest::METHOD => match parse::<CodeActionParams>(r.params) {
                Ok(params) => {
                    let actions = self.code_actions(&params);
                    self.respond(r.id, actions);
                }
                Err(e) => self.fail(r.id, ErrorCode::InvalidParams, e),
            },
            req::Initialize::METHOD => {
                let message = "the server is already initialized".into();
                self.fail(r.id, ErrorCode::InvalidRequest, message)
            }
            other => {
                let message = format!("no method `{other}`");
                self.fail(r.id, ErrorCode::MethodNotFound, message)
            }
        }
    }

    fn notification(&mut self, n: Notification) -> Result<(), String> {
        match n.method.as_str() {
            note::Initialized::METHOD if self.watches => {
                let params = reload::watcher_registration();
                let id = RequestId::from("copydesk-watch".to_string());
                let method = req::RegisterCapability::METHOD.to_string();
                self.send(Request::new(id, method, params).into());
            }
            note::DidOpenTextDocument::METHOD => {
                let p: DidOpenTextDocumentParams = parse(n.params)?;
                self.open(p.text_document);
            }
            note::DidChangeTextDocument::METHOD => {
                let p: DidChangeTextDocumentParams = parse(n.params)?;
                let uri = p.text_document.uri;
                let doc = self
                    .documents
                    .get_mut(&uri)
                    .ok_or_else(|| format!("{} is not open", uri.as_str()))?;
                doc.apply(p.text_document.version, p.content_changes, self.encoding);
            }
            note::DidCloseTextDocument::METHOD => {
                let p: DidCloseTextDocumentParams = parse(n.params)?;
                let uri = p.text_document.uri;
                if let Some(doc) = self.documents.open.remove(&uri) {
                    self.doc_errors.remove(&uri);
                    if doc.published.is_some() {
                        self.publish(uri, Vec::new(), None);
                    }
                }
            }
            note::DidSaveTextDocument::METHOD => {
                let p: DidSaveTextDocumentParams = parse(n.params)?;
                self.changed([p.text_document.uri]);
            }
            note::DidChangeWatchedFiles::METHOD => {
                let p: DidChangeWatchedFilesParams = parse(n.params)?;
                self.changed(p.changes.into_iter().map(|c| c.uri));
            }
            m if m.starts_with("$/") || m == note::Initialized::METHOD => {}
            note::DidChangeConfiguration::METHOD => {}
            other => return Err(format!("unknown notification `{other}`")),
        }
        Ok(())
    }

    fn open(&mut self, item: TextDocumentItem) {
        let path = convert::path_of(&item.uri).unwrap_or_else(|| {
            // A buffer never saved: a name under the root picks the
            // root's config.
            let name = item
                .uri
                .as_str()
                .rsplit([':', '/'])
                .next()
                .unwrap_or("untitled");
            self.ws.root().join(name)
        });
        let format = format_of(&item.language_id, &path);
        let doc = Document {
            uri: item.uri.clone(),
            path,
            format,
            version: item.version,
            text: item.text,
            linted: None,
            published: None,
        };
        self.documents.open.insert(item.uri, doc);
    }

    /// Files changed on disk or saved: a config or pack among them reloads
    /// the workspace and lints every open document again.
    fn changed(&mut self, uris: impl IntoIterator<Item = Uri>) {
        let loaded = self.ws.loaded_files();
        let matters = uris
            .into_iter()
            .filter_map(|u| convert::path_of(&u))
            .any(|p| reload::matters(&p, &loaded));
        if matters {
            self.ws.reload();
            self.shown.clear();
            self.documents.invalidate();
            for d in self.documents.open.values_mut() {
                d.published = None;
            }
        }
    }

    /// Lint `uri` if its findings are not those of its current text.
    fn lint(&mut self, uri: &Uri) {
        let Some(doc) = self.documents.open.get(uri) else {
            return;
        };
        let Some(format) = doc.format.filter(|_| doc.current().is_none()) else {
            return;
        };
        let (version, result) = (
            doc.version,
            self.ws.check_text_as(&doc.path, format, &doc.text),
        );
        let found = match result {
            Ok(checked) => {
                self.doc_errors.remove(uri);
                checked.diagnostics
            }
            Err(e) => {
                self.load_error(uri, &e);
                Vec::new()
            }
        };
        if let Some(doc) = self.documents.get_mut(uri) {
            doc.linted = Some((version, found));
        }
    }

    /// A document's config or packs could not be loaded: a diagnostic on
    /// the file at fault, or (an error of no file) a message shown once.
    fn load_error(&mut self, uri: &Uri, e: &copydesk::Error) {
        match convert::load_error(e, self.encoding) {
            Some(error) => {
                self.doc_errors.insert(uri.clone(), error);
            }
            None => {
                self.doc_errors.remove(uri);
                if self.shown.insert(e.to_string()) {
                    log(e);
                    let params = ShowMessageParams {
                        typ: MessageType::ERROR,
                        message: format!("copydesk: {e}"),
                    };
                    self.notify(note::ShowMessage::METHOD, params);
                }
            }
        }
    }

    /// Lint what changed and publish what the client was not told yet.
    fn flush(&mut self) {
        let uris: Vec<Uri> = self.documents.open.keys().cloned().collect();
        for uri in uris {
            self.lint(&uri);
            let doc = &self.documents.open[&uri];
            if doc.format.is_none() || doc.published == Some(doc.version) {
                continue;
            }
            let lines = Lines::new(&doc.text);
            let found = doc.current().unwrap_or_default();
            let diagnostics = found
                .iter()
                .map(|d| convert::diagnostic(&lines, &uri, d, self.encoding, &self.docs_url))
                .collect();
            let version = doc.version;
            self.documents.open.get_mut(&uri).expect("open").published = Some(version);
            self.publish(uri, diagnostics, Some(version));
        }
        let now: Vec<_> = self.doc_errors.values().cloned().collect();
        for (uri, diagnostics) in self.load_errors.update(now) {
            self.publish(uri, diagnostics, None);
        }
    }

    fn publish(&mut self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.notify(note::PublishDiagnostics::METHOD, params);
    }

    fn code_actions(&mut self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &params.text_document.uri;
        self.lint(uri);
        let Some(doc) = self.documents.open.get(uri) else {
            return Vec::new();
        };
        let cx = actions::Context {
            ws: &self.ws,
            encoding: self.encoding,
            docs: &self.docs_url,
        };
        actions::code_actions(&cx, doc, params)
    }
}

/// The request a `$/cancelRequest` notification cancels.
fn cancels(incoming: &Incoming) -> Option<RequestId> {
    let Incoming::Message(Message::Notification(n)) = incoming else {
        return None;
    };
    if n.method != note::Cancel::METHOD {
        return None;
    }
    let p: CancelParams = serde_json::from_value(n.params.clone()).ok()?;
    Some(match p.id {
        NumberOrString::Number(n) => RequestId::from(n),
        NumberOrString::String(s) => RequestId::from(s),
    })
}
