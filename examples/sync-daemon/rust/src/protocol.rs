//! The control socket's wire format and the client side the CLI uses.
//!
//! One JSON object per line. Requests are tagged by `cmd`:
//! `{"cmd":"status"}`, `{"cmd":"sync","codebase":"api"}`, `{"cmd":"stop"}`.
//! Answers: `{"ok":true,"data":…}` or `{"ok":false,"error":"…"}`. There are no request ids:
//! a client sends one request and reads one line.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::thread::sleep;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{io_err, DaemonError};
use crate::paths::socket_path;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "cmd", rename_all = "snake_case")]
pub enum DaemonRequest {
    Status,
    Sync {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        codebase: Option<String>,
    },
    Stop,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DaemonResponse {
    pub ok: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl DaemonResponse {
    pub fn ok(data: Value) -> Self {
        Self { ok: true, data: Some(data), error: None }
    }

    pub fn err(message: impl Into<String>) -> Self {
        Self { ok: false, data: None, error: Some(message.into()) }
    }
}

/// Sends one request and reads its answer.
pub fn send_request(home: &Path, request: &DaemonRequest) -> Result<DaemonResponse, DaemonError> {
    let socket = socket_path(home);
    let mut stream = UnixStream::connect(&socket).map_err(|_| DaemonError::DaemonNotRunning { socket: socket.clone() })?;
    let mut line = serde_json::to_string(request)?;
    line.push('\n');
    stream.write_all(line.as_bytes()).map_err(|e| io_err(&socket, e))?;
    let mut answer = String::new();
    BufReader::new(&stream).read_line(&mut answer).map_err(|e| io_err(&socket, e))?;
    if answer.trim().is_empty() {
        return Err(DaemonError::Protocol("the daemon closed the connection without an answer".into()));
    }
    Ok(serde_json::from_str(&answer)?)
}

/// The daemon's status, or None when it is not running. A daemon that is starting may not listen
/// yet: up to 5 attempts, 100 ms apart.
pub fn request_status(home: &Path) -> Result<Option<Value>, DaemonError> {
    for attempt in 0..5 {
        match send_request(home, &DaemonRequest::Status) {
            Ok(response) => return Ok(response.data),
            Err(DaemonError::DaemonNotRunning { .. }) if attempt < 4 => sleep(Duration::from_millis(100)),
            Err(DaemonError::DaemonNotRunning { .. }) => return Ok(None),
            Err(e) => return Err(e),
        }
    }
    Ok(None)
}

pub fn request_sync(home: &Path, codebase: Option<String>) -> Result<DaemonResponse, DaemonError> {
    send_request(home, &DaemonRequest::Sync { codebase })
}

pub fn request_stop(home: &Path) -> Result<DaemonResponse, DaemonError> {
    send_request(home, &DaemonRequest::Stop)
}
