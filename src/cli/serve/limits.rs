//! The guards around the endpoints: the bearer token (compared in constant
//! time), the in-flight limit, and one JSON error shape, `{"error": "…"}`,
//! for every 4xx and 5xx — those of the handlers and those the layers
//! (body limit, timeout, unknown route or method) answer with.

use super::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// An error answer: the status and `{"error": message}`.
pub fn error(status: StatusCode, message: impl Into<String>) -> Response {
    let body = serde_json::json!({ "error": message.into() }).to_string();
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

/// Paths anyone may read: the page and the API description hold nothing of
/// the server's, and a health probe carries no token.
fn is_public(path: &str) -> bool {
    matches!(path, "/" | "/healthz" | "/openapi.json")
}

/// Equal without returning early: the time taken does not tell how much of
/// a guessed token was right (only its length, which is not secret enough
/// to matter for a random token).
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The token of an `Authorization: Bearer TOKEN` value: the scheme in any
/// case (schemes are case-insensitive, RFC 7235 §2.1), one or more spaces,
/// then the token as it is.
fn bearer_token(value: &[u8]) -> Option<&[u8]> {
    const SCHEME: &[u8] = b"bearer";
    let (scheme, rest) = value.split_at_checked(SCHEME.len())?;
    if !scheme.eq_ignore_ascii_case(SCHEME) || rest.first() != Some(&b' ') {
        return None;
    }
    let start = rest.iter().position(|&b| b != b' ')?;
    Some(&rest[start..])
}

/// With a token configured, every request but the public ones carries
/// `Authorization: Bearer TOKEN`, or is answered 401.
pub async fn auth(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let Some(token) = &state.token else {
        return next.run(req).await;
    };
    if is_public(req.uri().path()) || req.method() == Method::OPTIONS {
        return next.run(req).await;
    }
    let given = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| bearer_token(v.as_bytes()));
    match given {
        Some(g) if constant_time_eq(g, token) => next.run(req).await,
        _ => {
            let mut r = error(
                StatusCode::UNAUTHORIZED,
                "missing or wrong bearer token (Authorization: Bearer …)",
            );
            r.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            r
        }
    }
}

/// At most `--max-concurrent` requests at once; more are answered 503
/// with `Retry-After: 1` at once instead of queueing without bound.
pub async fn in_flight(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    match state.in_flight.clone().try_acquire_owned() {
        Ok(permit) => {
            let r = next.run(req).await;
            drop(permit);
            r
        }
        Err(_) => {
            let mut r = error(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "server busy: {} requests in progress; retry shortly",
                    state.max_concurrent
                ),
            );
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            r
        }
    }
}

pub async fn not_found(req: Request) -> Response {
    error(
        StatusCode::NOT_FOUND,
        format!("no endpoint {} (see /openapi.json)", req.uri().path()),
    )
}

/// Every error answer as JSON: the layers' own (empty or plain-text) ones
/// are given a message that says what to do.
pub async fn json_errors(State(state): State<Arc<AppState>>, r: Response) -> Response {
    let status = r.status();
    let is_json = r
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return r;
    }
    let message = match status {
        StatusCode::PAYLOAD_TOO_LARGE => format!(
            "request body larger than the limit of {} bytes (--max-body)",
            state.max_body
        ),
        StatusCode::REQUEST_TIMEOUT => format!(
            "request not received and answered within {} s (--timeout)",
            state.timeout.as_secs()
        ),
        StatusCode::METHOD_NOT_ALLOWED => "method not allowed on this endpoint".to_string(),
        s => s.canonical_reason().unwrap_or("error").to_lowercase(),
    };
    let (mut parts, _) = r.into_parts();
    let fresh = error(status, message);
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Response::from_parts(parts, fresh.into_body())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_time_eq_compares_whole_tokens() {
        assert!(constant_time_eq(b"s3cret-token", b"s3cret-token"));
        assert!(!constant_time_eq(b"s3cret-token", b"s3cret-tokeN"));
        assert!(!constant_time_eq(b"s3cret-token", b"s3cret"));
        assert!(!constant_time_eq(b"", b"x"));
    }

    #[test]
    fn the_bearer_scheme_is_read_in_any_case_and_the_token_as_it_is() {
        assert_eq!(bearer_token(b"Bearer s3cret"), Some(&b"s3cret"[..]));
        assert_eq!(bearer_token(b"bearer s3cret"), Some(&b"s3cret"[..]));
        assert_eq!(bearer_token(b"BEARER  S3cret"), Some(&b"S3cret"[..]));
        assert_eq!(bearer_token(b"Bearers3cret"), None);
        assert_eq!(bearer_token(b"Bearer "), None);
        assert_eq!(bearer_token(b"Basic s3cret"), None);
        assert_eq!(bearer_token(b"Bear"), None);
    }

    #[test]
    fn public_paths_are_the_page_the_description_and_health() {
        assert!(is_public("/"));
        assert!(is_public("/healthz"));
        assert!(!is_public("/v1/check"));
        assert!(!is_public("/v1/rules"));
    }
}
