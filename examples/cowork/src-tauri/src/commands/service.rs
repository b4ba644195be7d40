use serde_json::json;
use tauri::{AppHandle, Emitter};

use crate::sidecar::{decode, send_command};
use crate::types::{ModeChange, ModeInfo, ServiceMode, ServiceStatus};

#[tauri::command]
pub async fn service_status() -> Result<ServiceStatus, String> {
    let result = send_command("service_status", json!({})).await?;
    decode("service_status", result)
}

#[tauri::command]
pub async fn service_get_mode() -> Result<ModeInfo, String> {
    let result = send_command("service_get_mode", json!({})).await?;
    decode("service_get_mode", result)
}

/// The mode is app-level state, not a sidecar event, so the app announces the change
/// itself: every open window updates its settings view.
#[tauri::command]
pub async fn service_set_mode(app: AppHandle, mode: ServiceMode) -> Result<ModeChange, String> {
    let result = send_command("service_set_mode", json!({ "mode": mode })).await?;
    let change: ModeChange = decode("service_set_mode", result)?;
    app.emit(
        "agent:service_mode_changed",
        json!({ "mode": change.mode, "previousMode": change.previous_mode }),
    )
    .map_err(|err| err.to_string())?;
    Ok(change)
}
