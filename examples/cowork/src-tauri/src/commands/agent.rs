use serde_json::{json, Value};
use tauri::{State, Window};

use crate::sidecar::{decode, send_command, SidecarState};
use crate::types::TurnStarted;

/// Returns as soon as the turn is accepted; its output arrives as `agent:stream:*` events.
#[tauri::command]
pub async fn agent_send_message(
    session_id: String,
    content: String,
) -> Result<TurnStarted, String> {
    let result = send_command(
        "agent_send_message",
        json!({ "sessionId": session_id, "content": content }),
    )
    .await?;
    decode("agent_send_message", result)
}

#[tauri::command]
pub async fn agent_stop_generation(session_id: String) -> Result<Value, String> {
    send_command("agent_stop_generation", json!({ "sessionId": session_id })).await
}

/// One call hydrates the whole UI on open: sessions, runtime snapshots, pending
/// interactions and the seq cursor to resume from. Passed through untyped: the
/// frontend owns that shape.
#[tauri::command]
pub async fn agent_get_bootstrap_state(state: State<'_, SidecarState>) -> Result<Value, String> {
    state.ensure_started().await?;
    send_command("agent_get_bootstrap_state", json!({})).await
}

/// Events after the cursor, or `{ stale: true }` when the cursor left the replay buffer.
#[tauri::command]
pub async fn agent_get_events_since(since_seq: Option<u64>) -> Result<Value, String> {
    send_command(
        "agent_get_events_since",
        json!({ "sinceSeq": since_seq.unwrap_or(0) }),
    )
    .await
}

#[tauri::command]
pub async fn agent_subscribe_events(window: Window) -> Result<Value, String> {
    send_command(
        "agent_subscribe_events",
        json!({ "clientLabel": window.label() }),
    )
    .await
}
