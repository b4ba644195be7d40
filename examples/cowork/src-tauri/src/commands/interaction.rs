use serde_json::{json, Value};

use crate::sidecar::send_command;
use crate::types::PermissionDecision;

/// Valid after a restart too: the sidecar persists pending permissions.
#[tauri::command]
pub async fn agent_respond_permission(
    session_id: String,
    permission_id: String,
    decision: PermissionDecision,
) -> Result<Value, String> {
    send_command(
        "agent_respond_permission",
        json!({ "sessionId": session_id, "permissionId": permission_id, "decision": decision }),
    )
    .await
}

#[tauri::command]
pub async fn agent_answer_question(
    session_id: String,
    question_id: String,
    answer: String,
) -> Result<Value, String> {
    send_command(
        "agent_answer_question",
        json!({ "sessionId": session_id, "questionId": question_id, "answer": answer }),
    )
    .await
}
