//! The daemon: one Tokio runtime, a socket server and the shutdown signals.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Deserialize;
use serde_json::json;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};
use tokio::signal::unix::{signal, SignalKind};
use tokio::sync::{broadcast, RwLock};

use crate::error::{io_err, DaemonError};
use crate::paths::{generated_root, projects_root, socket_path, DAEMON_LABEL};
use crate::protocol::DaemonResponse;
use crate::sync::{self, SyncSummary};

pub struct DaemonState {
    pub home: PathBuf,
    pub started_at_unix: u64,
    pub codebases: RwLock<Vec<String>>,
}

type Shared = Arc<DaemonState>;

/// What the server reads before it knows the command: the tag, and the fields any command may carry.
#[derive(Debug, Deserialize)]
struct RawRequest {
    cmd: String,
    #[serde(default)]
    codebase: Option<String>,
}

pub fn start_blocking(home: &Path) -> Result<(), DaemonError> {
    tracing_subscriber::fmt().with_env_filter("info").init();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(|e| io_err(home, e))?;
    runtime.block_on(run(home))
}

pub async fn run(home: &Path) -> Result<(), DaemonError> {
    fs::create_dir_all(projects_root(home)).map_err(|e| io_err(home, e))?;
    fs::create_dir_all(generated_root(home)).map_err(|e| io_err(home, e))?;
    let started_at_unix = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let state = Arc::new(DaemonState { home: home.to_path_buf(), started_at_unix, codebases: RwLock::new(sync::codebases(home)?) });
    let (shutdown, _) = broadcast::channel::<()>(16);
    let socket = socket_path(home);
    let listener = bind_socket(&socket).await?;
    tracing::info!(socket = %socket.display(), "listening");

    let signals = tokio::spawn(shutdown_on_signals(shutdown.clone()));
    let server = tokio::spawn(socket_server_task(listener, state, shutdown.clone()));
    let _ = server.await.map_err(|e| DaemonError::Protocol(e.to_string()))?;
    signals.abort();
    fs::remove_file(&socket).ok();
    tracing::info!("stopped");
    Ok(())
}

/// A socket file that answers belongs to a running daemon: refuse. One that does not was left by
/// a crash: remove it. The new socket is 0600.
async fn bind_socket(path: &Path) -> Result<UnixListener, DaemonError> {
    if path.exists() {
        match UnixStream::connect(path).await {
            Ok(_) => return Err(DaemonError::Protocol(format!("socket already in use: {}", path.display()))),
            Err(_) => fs::remove_file(path).map_err(|e| io_err(path, e))?,
        }
    }
    let listener = UnixListener::bind(path).map_err(|e| io_err(path, e))?;
    fs::set_permissions(path, fs::Permissions::from_mode(0o600)).map_err(|e| io_err(path, e))?;
    Ok(listener)
}

/// Ctrl+C in a terminal, SIGTERM from launchd or kill: both stop the daemon the same way.
async fn shutdown_on_signals(shutdown: broadcast::Sender<()>) {
    let mut term = match signal(SignalKind::terminate()) {
        Ok(s) => s,
        Err(_) => return,
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term.recv() => {}
    }
    let _ = shutdown.send(());
}

async fn socket_server_task(listener: UnixListener, state: Shared, shutdown: broadcast::Sender<()>) {
    let mut stop = shutdown.subscribe();
    loop {
        tokio::select! {
            _ = stop.recv() => break,
            accepted = listener.accept() => {
                if let Ok((stream, _)) = accepted {
                    tokio::spawn(handle_socket_client(stream, state.clone(), shutdown.clone()));
                }
            }
        }
    }
}

async fn handle_socket_client(stream: UnixStream, state: Shared, shutdown: broadcast::Sender<()>) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        let response = handle_line(&line, &state, &shutdown).await;
        let mut text = serde_json::to_string(&response).unwrap_or_else(|_| "{\"ok\":false,\"error\":\"internal\"}".into());
        text.push('\n');
        if write.write_all(text.as_bytes()).await.is_err() {
            break;
        }
    }
}

async fn handle_line(line: &str, state: &Shared, shutdown: &broadcast::Sender<()>) -> DaemonResponse {
    let req: RawRequest = match serde_json::from_str(line) {
        Ok(req) => req,
        Err(e) => return DaemonResponse::err(format!("invalid request: {e}")),
    };
    match req.cmd.as_str() {
        "status" => DaemonResponse::ok(status_payload(state).await),
        "sync" => match sync_now(state, req.codebase).await {
            Ok(summary) => DaemonResponse::ok(json!(summary)),
            Err(e) => DaemonResponse::err(e.to_string()),
        },
        "stop" => {
            let _ = shutdown.send(());
            DaemonResponse::ok(json!({ "stopping": true }))
        }
        other => DaemonResponse::err(format!("unknown command: {other}")),
    }
}

async fn status_payload(state: &Shared) -> serde_json::Value {
    // Names are cloned under a short read lock; the JSON is built after it is released.
    let codebases = state.codebases.read().await.clone();
    json!({
        "running": true,
        "label": DAEMON_LABEL,
        "started_at_unix": state.started_at_unix,
        "codebase_count": codebases.len(),
        "codebases": codebases,
        "socket": socket_path(&state.home),
        "projects_root": projects_root(&state.home),
    })
}

async fn sync_now(state: &Shared, codebase: Option<String>) -> Result<SyncSummary, DaemonError> {
    let home = state.home.clone();
    let summary = tokio::task::spawn_blocking(move || sync::run(&home, codebase, "socket"))
        .await
        .map_err(|e| DaemonError::Protocol(e.to_string()))??;
    *state.codebases.write().await = sync::codebases(&state.home)?;
    Ok(summary)
}
