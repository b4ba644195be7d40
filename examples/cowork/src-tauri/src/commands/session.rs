use serde_json::json;
use tauri::State;

use crate::sidecar::{decode, send_command, SidecarState};
use crate::types::{CreateSessionOptions, SessionDetail, SessionInfo};

#[tauri::command]
pub async fn agent_create_session(options: CreateSessionOptions) -> Result<SessionInfo, String> {
    let result = send_command(
        "agent_create_session",
        json!({ "title": options.title, "model": options.model, "tags": options.tags }),
    )
    .await?;
    decode("agent_create_session", result)
}

/// The session list is the first thing the UI asks for, so it may have to start the sidecar.
#[tauri::command]
pub async fn agent_list_sessions(
    state: State<'_, SidecarState>,
) -> Result<Vec<SessionInfo>, String> {
    state.ensure_started().await?;
    let result = send_command("agent_list_sessions", json!({})).await?;
    decode("agent_list_sessions", result)
}

#[tauri::command]
pub async fn agent_get_session(session_id: String) -> Result<SessionDetail, String> {
    let result = send_command("agent_get_session", json!({ "sessionId": session_id })).await?;
    decode("agent_get_session", result)
}

#[tauri::command]
pub async fn agent_delete_session(session_id: String) -> Result<(), String> {
    send_command("agent_delete_session", json!({ "sessionId": session_id })).await?;
    Ok(())
}
