use serde_json::{json, Value};
use tauri::State;

use crate::sidecar::{decode, send_command, SidecarState};
use crate::types::DaemonHealth;

#[tauri::command]
pub async fn daemon_health() -> Result<DaemonHealth, String> {
    let result = send_command("daemon_health", json!({})).await?;
    decode("daemon_health", result)
}

/// The splash screen polls this, so it starts the sidecar if nothing has yet.
#[tauri::command]
pub async fn daemon_ready(state: State<'_, SidecarState>) -> Result<Value, String> {
    state.ensure_started().await?;
    send_command("daemon_ready", json!({})).await
}
