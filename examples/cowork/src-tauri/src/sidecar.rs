//! The legacy transport: the app spawns the Node sidecar and speaks newline JSON over its
//! stdio. Commands never see this: they call `send_command`, which is the one seam the
//! daemon migration swaps (socket + auth token instead of a child's stdin/stdout).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};
use tauri::{AppHandle, Emitter, Manager};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines};
use tokio::process::{Child, ChildStdin, ChildStdout, Command};
use tokio::sync::{broadcast, oneshot, Mutex, OnceCell};

use crate::events;

/// A request the sidecar has not answered in this long is reported, never awaited forever.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// One sidecar per app. Commands reach it through `send_command`.
static SIDECAR: OnceCell<SidecarClient> = OnceCell::const_new();
/// Set once the sidecar has loaded the app's data dir.
static INITIALIZED: OnceCell<()> = OnceCell::const_new();

type Reply = Result<Value, String>;
type Pending = Mutex<HashMap<String, oneshot::Sender<Reply>>>;

/// An event line from the sidecar: `{"type":"stream:chunk","sessionId":"s1","data":{…}}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SidecarEvent {
    #[serde(rename = "type")]
    pub event_type: String,
    pub session_id: Option<String>,
    #[serde(default)]
    pub data: Value,
    /// Only the daemon path numbers its events; on stdio this stays `None`.
    pub seq: Option<u64>,
}

/// Managed by Tauri. Holds what is needed to start the sidecar on first use.
pub struct SidecarState {
    app: AppHandle,
    script: PathBuf,
    data_dir: PathBuf,
}

impl SidecarState {
    pub fn new(app: &AppHandle) -> tauri::Result<Self> {
        Ok(Self {
            app: app.clone(),
            script: app.path().resource_dir()?.join("sidecar/dist/index.js"),
            data_dir: app.path().app_data_dir()?,
        })
    }

    /// Starts the sidecar once and tells it where the app's data lives; later calls return
    /// the running client. The sidecar refuses every other command until `initialize`.
    pub async fn ensure_started(&self) -> Result<&'static SidecarClient, String> {
        let client = SIDECAR
            .get_or_try_init(|| async {
                let client = SidecarClient::spawn(&self.script).await?;
                events::forward_sidecar_events(self.app.clone(), client.subscribe());
                Ok::<_, String>(client)
            })
            .await?;
        INITIALIZED
            .get_or_try_init(|| async {
                send_command("initialize", json!({ "appDataDir": self.data_dir })).await?;
                let _ = self
                    .app
                    .emit("agent:ready", json!({ "dataDir": self.data_dir }));
                Ok::<_, String>(())
            })
            .await?;
        Ok(client)
    }
}

/// Sends one command to the sidecar and waits for its answer.
pub async fn send_command(command: &str, params: Value) -> Result<Value, String> {
    let client = SIDECAR
        .get()
        .ok_or_else(|| "sidecar is not running".to_string())?;
    client.request(command, params).await
}

/// Typed view of a sidecar result; a mismatch is a contract break worth reporting.
pub fn decode<T: DeserializeOwned>(command: &str, value: Value) -> Result<T, String> {
    serde_json::from_value(value)
        .map_err(|err| format!("{command}: unexpected result shape: {err}"))
}

pub struct SidecarClient {
    stdin: Mutex<ChildStdin>,
    pending: Arc<Pending>,
    next_id: AtomicU64,
    events: broadcast::Sender<SidecarEvent>,
}

impl SidecarClient {
    async fn spawn(script: &Path) -> Result<Self, String> {
        let mut child = Command::new("node")
            .arg(script)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .map_err(|err| format!("failed to start the sidecar: {err}"))?;
        let stdin = child.stdin.take().ok_or("sidecar stdin unavailable")?;
        let stdout = child.stdout.take().ok_or("sidecar stdout unavailable")?;
        let mut lines = BufReader::new(stdout).lines();

        // The first line is the ready event; anything else means it is not our sidecar.
        let first = lines
            .next_line()
            .await
            .map_err(|err| format!("reading the sidecar's ready line: {err}"))?
            .ok_or("the sidecar exited before it was ready")?;
        let ready: SidecarEvent = serde_json::from_str(&first)
            .map_err(|err| format!("bad ready line {first:?}: {err}"))?;
        if ready.event_type != "ready" {
            return Err(format!("expected a ready event first, got {first:?}"));
        }

        let pending = Arc::new(Pending::default());
        let (events, _) = broadcast::channel(1024);
        tauri::async_runtime::spawn(read_loop(lines, pending.clone(), events.clone(), child));
        Ok(Self {
            stdin: Mutex::new(stdin),
            pending,
            next_id: AtomicU64::new(1),
            events,
        })
    }

    pub fn subscribe(&self) -> broadcast::Receiver<SidecarEvent> {
        self.events.subscribe()
    }

    async fn request(&self, command: &str, params: Value) -> Reply {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed).to_string();
        let (tx, rx) = oneshot::channel();
        self.pending.lock().await.insert(id.clone(), tx);
        let line = json!({ "id": id, "command": command, "params": params }).to_string() + "\n";
        self.stdin
            .lock()
            .await
            .write_all(line.as_bytes())
            .await
            .map_err(|err| format!("{command}: writing to the sidecar failed: {err}"))?;
        match tokio::time::timeout(REQUEST_TIMEOUT, rx).await {
            Ok(Ok(reply)) => reply,
            Ok(Err(_)) => Err(format!("{command}: the sidecar dropped the request")),
            Err(_) => {
                self.pending.lock().await.remove(&id);
                Err(format!(
                    "{command}: no answer from the sidecar within {REQUEST_TIMEOUT:?}"
                ))
            }
        }
    }
}

/// Routes responses to their waiters and events to the broadcast channel. Owns the
/// child, so the process lives exactly as long as its stdout is being read.
async fn read_loop(
    mut lines: Lines<BufReader<ChildStdout>>,
    pending: Arc<Pending>,
    events: broadcast::Sender<SidecarEvent>,
    _child: Child,
) {
    while let Ok(Some(line)) = lines.next_line().await {
        let Ok(message) = serde_json::from_str::<Value>(&line) else {
            eprintln!("cowork: ignoring a non-JSON line from the sidecar");
            continue;
        };
        if message.get("success").is_some() {
            let id = message["id"].as_str().unwrap_or_default().to_string();
            let reply = if message["success"].as_bool() == Some(true) {
                Ok(message["result"].clone())
            } else {
                Err(message["error"]
                    .as_str()
                    .unwrap_or("sidecar error")
                    .to_string())
            };
            if let Some(waiter) = pending.lock().await.remove(&id) {
                let _ = waiter.send(reply);
            }
        } else if let Ok(event) = serde_json::from_value::<SidecarEvent>(message) {
            let _ = events.send(event);
        }
    }
    // The sidecar is gone: fail every waiter now instead of at its timeout.
    for (_, waiter) in pending.lock().await.drain() {
        let _ = waiter.send(Err("the sidecar exited".to_string()));
    }
}
