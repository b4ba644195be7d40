//! Sidecar events reach the frontend under the `agent:` prefix (`stream:chunk` becomes
//! `agent:stream:chunk`). Keeping that namespace is a hard invariant of the migration:
//! the frontend's listeners must not notice which transport delivered the event.

use serde_json::json;
use tauri::{AppHandle, Emitter};
use tokio::sync::broadcast::{self, error::RecvError};

use crate::sidecar::SidecarEvent;

pub fn forward_sidecar_events(app: AppHandle, mut rx: broadcast::Receiver<SidecarEvent>) {
    tauri::async_runtime::spawn(async move {
        loop {
            match rx.recv().await {
                Ok(event) => {
                    let payload = json!({ "sessionId": event.session_id, "seq": event.seq, "data": event.data });
                    if let Err(err) = app.emit(&format!("agent:{}", event.event_type), payload) {
                        eprintln!("cowork: could not emit {}: {err}", event.event_type);
                    }
                }
                // The UI fell behind; tell it, so it can refresh from bootstrap state.
                Err(RecvError::Lagged(skipped)) => {
                    let message = format!("{skipped} events were dropped; reload the session");
                    let _ = app.emit(
                        "agent:error",
                        json!({ "sessionId": null, "seq": null, "data": { "message": message } }),
                    );
                }
                Err(RecvError::Closed) => break,
            }
        }
    });
}
