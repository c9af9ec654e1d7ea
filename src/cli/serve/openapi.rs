//! `GET /openapi.json`: an OpenAPI 3.0 description of the service as it
//! really behaves — request bodies closed (`additionalProperties: false`,
//! unknown fields are 422), every response's fields required, each
//! operation's error answers those its code paths give (the layers' 408,
//! 413 and 503 included), and the bearer scheme a top-level `security`
//! requirement: required when the server was started with a token,
//! optional (`{}` beside it) when not, so a client generated from either
//! document can send the token; `/healthz` is open (`security: []`).
//! Built once at start.

use super::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::sync::Arc;

pub async fn document(State(state): State<Arc<AppState>>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        state.openapi.clone(),
    )
        .into_response()
}

fn error_response(description: &str) -> Value {
    json!({
        "description": description,
        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
    })
}

/// `503` at `--max-concurrent`, with its `Retry-After` header.
fn busy() -> Value {
    let mut r = error_response("Too many requests in progress (--max-concurrent); retry after the Retry-After header's seconds.");
    r["headers"] = json!({
        "Retry-After": {
            "description": "Seconds to wait before retrying.",
            "schema": { "type": "integer", "minimum": 0 },
        }
    });
    r
}

/// `401`, with its `WWW-Authenticate` header.
fn unauthorized() -> Value {
    let mut r = error_response(
        "Missing or wrong bearer token (only when the server was started with a token).",
    );
    r["headers"] = json!({
        "WWW-Authenticate": { "description": "`Bearer`.", "schema": { "type": "string" } }
    });
    r
}

fn too_large(max_body: usize, what: &str) -> Value {
    error_response(&format!(
        "{what} larger than {max_body} bytes (--max-body)."
    ))
}

fn timed_out(timeout: u64) -> Value {
    error_response(&format!(
        "The request was not received and answered within {timeout} s (--timeout)."
    ))
}

fn internal() -> Value {
    error_response(
        "The server could not resolve its configuration for the request, or linting failed.",
    )
}

/// The error answers of an endpoint that reads a JSON body.
fn errors(max_body: usize, timeout: u64) -> Value {
    json!({
        "400": error_response("Malformed JSON, or a body that is not UTF-8."),
        "401": unauthorized(),
        "408": timed_out(timeout),
        "413": too_large(max_body, "The body is"),
        "415": error_response("The body is not sent as application/json."),
        "422": error_response("Well-formed JSON of the wrong shape: a missing `text`, a field of the wrong type, an unknown format or an unknown field."),
        "500": internal(),
        "503": busy(),
    })
}

fn post(summary: &str, request: &str, response: &str, max_body: usize, timeout: u64) -> Value {
    let mut responses = errors(max_body, timeout);
    responses["200"] = json!({
        "description": summary,
        "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{response}") } } }
    });
    json!({
        "summary": summary,
        "requestBody": {
            "required": true,
            "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{request}") } } }
        },
        "responses": responses,
    })
}

fn get(summary: &str, response: &str, errors: Vec<(&str, Value)>) -> Value {
    let mut responses = json!({
        "200": {
            "description": summary,
            "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{response}") } } }
        }
    });
    for (code, answer) in errors {
        responses[code] = answer;
    }
    json!({ "summary": summary, "responses": responses })
}

fn closed(required: &[&str], properties: Value) -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties,
    })
}

fn int() -> Value {
    json!({ "type": "integer", "minimum": 0 })
}

fn offsets() -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    for k in [
        "byte_start",
        "byte_end",
        "utf16_start",
        "utf16_end",
        "line",
        "column",
        "end_line",
        "end_column",
    ] {
        m.insert(k.into(), int());
    }
    m.insert("text".into(), json!({ "type": "string" }));
    m
}

const POSITION: &[&str] = &[
    "line",
    "column",
    "end_line",
    "end_column",
    "byte_start",
    "byte_end",
    "utf16_start",
    "utf16_end",
    "text",
];

fn schemas() -> Value {
    let severity = json!({ "type": "string", "enum": ["info", "warning", "error"] });
    let applicability = json!({ "type": "string", "enum": ["safe", "unsafe", "display-only"] });
    let format = json!({ "type": "string", "enum": ["text", "markdown", "mdx", "html"],
        "description": "The input's format (default: from the path's extension, else text)." });
    let path = json!({ "type": "string",
        "description": "A virtual path: picks the config's overrides (and the format when none is given). Never opened." });
    let edit = |extra: Option<(&str, Value)>| {
        let mut p = json!({
            "byte_start": int(), "byte_end": int(), "utf16_start": int(), "utf16_end": int(),
            "replacement": { "type": "string" }, "applicability": applicability.clone(),
        });
        let mut req = vec![
            "byte_start",
            "byte_end",
            "utf16_start",
            "utf16_end",
            "replacement",
            "applicability",
        ];
        if let Some((k, v)) = extra {
            p[k] = v;
            req.push(k);
        }
        closed(&req, p)
    };
    let mut label = offsets();
    label.insert("message".into(), json!({ "type": "string" }));
    let mut label_req = POSITION.to_vec();
    label_req.push("message");
    let mut diag = offsets();
    diag.insert("path".into(), json!({ "type": "string" }));
    diag.insert("rule".into(), json!({ "type": "string" }));
    diag.insert("severity".into(), severity.clone());
    diag.insert("message".into(), json!({ "type": "string" }));
    diag.insert("note".into(), json!({ "type": "string", "nullable": true }));
    diag.insert(
        "fixes".into(),
        json!({ "type": "array", "items": { "$ref": "#/components/schemas/DiagnosticFix" } }),
    );
    diag.insert(
        "labels".into(),
        json!({ "type": "array", "items": { "$ref": "#/components/schemas/Label" } }),
    );
    let mut diag_req = POSITION.to_vec();
    diag_req.extend([
        "path", "rule", "severity", "message", "note", "fixes", "labels",
    ]);
    let diagnostics =
        json!({ "type": "array", "items": { "$ref": "#/components/schemas/Diagnostic" } });
    json!({
        "CheckRequest": closed(&["text"], json!({ "text": { "type": "string" }, "format": format, "path": path })),
        "FixRequest": closed(&["text"], json!({
            "text": { "type": "string" }, "format": format, "path": path,
            "unsafe_fixes": { "type": "boolean", "description": "Apply the unsafe fixes (suggestions) too. Default false." },
        })),
        "CheckResponse": closed(&["diagnostics"], json!({ "diagnostics": diagnostics })),
        "FixResponse": closed(&["text", "applied", "fixes", "diagnostics"], json!({
            "text": { "type": "string", "description": "The fixed text." },
            "applied": { "type": "integer", "minimum": 0, "description": "Fixes applied, over every round." },
            "fixes": { "type": "array", "items": { "$ref": "#/components/schemas/AppliedFix" },
                "description": "The edits of the fixes applied to the text as sent (offsets into it)." },
            "diagnostics": diagnostics,
        })),
        "Diagnostic": closed(&diag_req, Value::Object(diag)),
        "DiagnosticFix": edit(None),
        "AppliedFix": edit(Some(("rule", json!({ "type": "string" })))),
        "Label": closed(&label_req, Value::Object(label)),
        "Rule": closed(
            &["id", "pack", "kind", "severity", "default_severity", "enabled", "summary", "description", "link", "docs"],
            json!({
                "id": { "type": "string" }, "pack": { "type": "string" }, "kind": { "type": "string" },
                "severity": severity, "default_severity": severity, "enabled": { "type": "boolean" },
                "summary": { "type": "string" }, "description": { "type": "string" },
                "link": { "type": "string", "nullable": true }, "docs": { "type": "string" },
            }),
        ),
        "RulesResponse": closed(&["rules"], json!({ "rules": { "type": "array", "items": { "$ref": "#/components/schemas/Rule" } } })),
        "Health": closed(&["status", "version"], json!({
            "status": { "type": "string", "enum": ["ok"] }, "version": { "type": "string" },
        })),
        "Error": closed(&["error"], json!({ "error": { "type": "string" } })),
    })
}

/// The document, as text.
pub fn build(token: bool, max_body: usize, timeout: u64) -> String {
    // A GET reads no body, but one announced larger than the limit is
    // refused before any handler runs.
    let ignored_body = "A body (which this operation does not read) is";
    let mut health = get(
        "The server is up.",
        "Health",
        vec![("413", too_large(max_body, ignored_body)), ("503", busy())],
    );
    // Open with or without a token: probes carry none.
    health["security"] = json!([]);
    let paths = json!({
        "/v1/check": { "post": post("The findings in a draft.", "CheckRequest", "CheckResponse", max_body, timeout) },
        "/v1/fix": { "post": post("The draft with its safe fixes (and, when asked, its unsafe ones) applied, and what is left.", "FixRequest", "FixResponse", max_body, timeout) },
        "/v1/rules": { "get": get(
            "Every rule and how the server's configuration sets it.",
            "RulesResponse",
            vec![
                ("401", unauthorized()),
                ("408", timed_out(timeout)),
                ("413", too_large(max_body, ignored_body)),
                ("500", internal()),
                ("503", busy()),
            ],
        ) },
        "/healthz": { "get": health },
    });
    // With a token every operation but the open ones requires it; without,
    // the server ignores one, and a client may send it all the same.
    let security = if token {
        json!([{ "bearer": [] }])
    } else {
        json!([{ "bearer": [] }, {}])
    };
    let doc = json!({
        "openapi": "3.0.3",
        "info": {
            "title": "copydesk",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "An editorial text-quality linter for newsrooms, as an HTTP service. Diagnostics follow the JSON schema of `copydesk check --format json`, with UTF-16 offsets (`utf16_start`, `utf16_end`) added for browsers.",
        },
        "security": security,
        "paths": paths,
        "components": {
            "schemas": schemas(),
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
        },
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
