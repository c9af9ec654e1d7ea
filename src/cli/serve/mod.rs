//! `copydesk serve`: an HTTP service over one [`Workspace`] for CMS tools,
//! and a checking page.
//!
//! The configuration and packs are loaded once at start (and again on
//! SIGHUP); a request only names a *virtual* path, matched against the
//! config's overrides and never opened. Linting runs on tokio's blocking
//! pool, never on the reactor. `routes.rs` the endpoints, `limits.rs` the
//! guards (token, in-flight limit, JSON errors), `page.rs` the page,
//! `openapi.rs` the API's description.

mod limits;
mod openapi;
mod page;
mod routes;

use super::args::ServeArgs;
use super::{note, CliError};
use axum::routing::{get, post};
use axum::Router;
use copydesk::workspace::{ConfigChoice, Workspace};
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// What every request shares: the current workspace and the server's limits.
pub struct AppState {
    /// Replaced whole on SIGHUP; a request holds the one it started with.
    workspace: RwLock<Arc<Workspace>>,
    rules: super::args::RuleOptions,
    /// The bearer token requests must carry, if any.
    token: Option<Vec<u8>>,
    docs_url: Option<String>,
    max_body: usize,
    timeout: Duration,
    openapi: String,
    in_flight: Arc<tokio::sync::Semaphore>,
    max_concurrent: usize,
}

impl AppState {
    fn workspace(&self) -> Arc<Workspace> {
        self.workspace
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Load the configuration and packs again; on failure keep serving
    /// with the old ones.
    fn reload(&self) {
        match load(&self.rules) {
            Ok(ws) => {
                *self.workspace.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(ws);
                note("reloaded the configuration and rule packs");
            }
            Err(e) => {
                note("reload failed; still serving the previous configuration:");
                e.report();
            }
        }
    }
}

/// A workspace whose one config is chosen now: `--config`, none with
/// `--isolated`, or the `copydesk.toml` discovered from the current folder.
/// Its engine is built before this returns, so a request never loads a
/// config or a pack, and no request path leads to a file being read.
fn load(o: &super::args::RuleOptions) -> Result<Workspace, CliError> {
    let ws = super::workspace(o, None)?;
    let ws = match ws.options().config {
        ConfigChoice::Discover => {
            let mut options = ws.options().clone();
            options.config = match copydesk::config::discover(ws.root()) {
                Some(p) => ConfigChoice::File(p),
                None => ConfigChoice::Isolated,
            };
            Workspace::new(ws.root().to_path_buf(), options)
        }
        _ => ws,
    };
    ws.validate()?;
    ws.resolve_root()?;
    Ok(ws)
}

/// The token from `--token-file` or `COPYDESK_TOKEN` (surrounding white
/// space dropped); an empty token is an error, not "no token".
fn token(file: &Option<PathBuf>) -> Result<Option<Vec<u8>>, CliError> {
    let raw = match file {
        Some(p) => Some(
            std::fs::read_to_string(p)
                .map_err(|e| CliError::Message(format!("{}: {e}", p.display())))?,
        ),
        None => std::env::var("COPYDESK_TOKEN").ok(),
    };
    match raw.map(|t| t.trim().to_string()) {
        Some(t) if t.is_empty() => Err(CliError::Message(
            "the bearer token is empty (--token-file or COPYDESK_TOKEN)".into(),
        )),
        Some(t) => Ok(Some(t.into_bytes())),
        None => Ok(None),
    }
}

/// The routes and their guards.
fn router(state: Arc<AppState>, cors: Option<tower_http::cors::CorsLayer>) -> Router {
    use axum::middleware::{from_fn_with_state, map_response_with_state};
    let mut app = Router::new()
        .route("/", get(page::page))
        .route("/healthz", get(routes::healthz))
        .route("/openapi.json", get(openapi::document))
        .route("/v1/check", post(routes::check))
        .route("/v1/fix", post(routes::fix))
        .route("/v1/rules", get(routes::rules))
        .fallback(limits::not_found)
        .layer(from_fn_with_state(state.clone(), limits::auth))
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            state.max_body,
        ))
        .layer(from_fn_with_state(state.clone(), limits::in_flight))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            state.timeout,
        ));
    if let Some(cors) = cors {
        app = app.layer(cors);
    }
    app.layer(map_response_with_state(state.clone(), limits::json_errors))
        .with_state(state)
}

fn cors(origins: &[String]) -> Result<Option<tower_http::cors::CorsLayer>, CliError> {
    use axum::http::{header, HeaderValue, Method};
    if origins.is_empty() {
        return Ok(None);
    }
    let list = origins
        .iter()
        .map(|o| {
            HeaderValue::from_str(o.trim_end_matches('/')).map_err(|_| {
                CliError::Message(format!("--cors-origin `{o}` is not a valid origin"))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(
        tower_http::cors::CorsLayer::new()
            .allow_origin(list)
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION]),
    ))
}

pub fn run(a: ServeArgs) -> Result<u8, CliError> {
    let workspace = load(&a.rules)?;
    let token = token(&a.token_file)?;
    let cors = cors(&a.cors_origin)?;
    if a.max_concurrent == 0 || a.timeout == 0 || a.max_body == 0 {
        return Err(CliError::Message(
            "--max-concurrent, --timeout and --max-body must be at least 1".into(),
        ));
    }
    let state = Arc::new(AppState {
        workspace: RwLock::new(Arc::new(workspace)),
        rules: a.rules.clone(),
        openapi: openapi::build(token.is_some(), a.max_body, a.timeout),
        token,
        docs_url: a.docs_url.clone(),
        max_body: a.max_body,
        timeout: Duration::from_secs(a.timeout),
        in_flight: Arc::new(tokio::sync::Semaphore::new(a.max_concurrent)),
        max_concurrent: a.max_concurrent,
    });
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(cores)
        // Linting is CPU work: no more lint threads than cores.
        .max_blocking_threads(cores)
        .enable_all()
        .build()?;
    runtime.block_on(serve(a.listen, state, cors))
}

async fn serve(
    addr: std::net::SocketAddr,
    state: Arc<AppState>,
    cors: Option<tower_http::cors::CorsLayer>,
) -> Result<u8, CliError> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| CliError::Message(format!("cannot listen on {addr}: {e}")))?;
    let bound = listener.local_addr()?;
    {
        let mut err = std::io::stderr();
        let _ = writeln!(err, "copydesk: listening on http://{bound}");
        if !bound.ip().is_loopback() {
            let _ = writeln!(
                err,
                "copydesk: {} is reachable from other machines{}",
                bound.ip(),
                if state.token.is_some() {
                    ""
                } else {
                    " and no token is required (--token-file)"
                }
            );
        }
    }
    #[cfg(unix)]
    spawn_reloader(state.clone())?;
    let app = router(state.clone(), cors);
    let header_timeout = state.timeout;
    loop {
        let (stream, _) = match listener.accept().await {
            Ok(c) => c,
            // Out of file descriptors and the like: wait, keep serving.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                // A client that does not send its headers in time is cut off.
                .header_read_timeout(header_timeout)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
        });
    }
}

/// SIGHUP reloads the configuration and packs (on the blocking pool).
#[cfg(unix)]
fn spawn_reloader(state: Arc<AppState>) -> Result<(), CliError> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut hup = signal(SignalKind::hangup())?;
    tokio::spawn(async move {
        while hup.recv().await.is_some() {
            let s = state.clone();
            let _ = tokio::task::spawn_blocking(move || s.reload()).await;
        }
    });
    Ok(())
}
