use serde_json::json;

use crate::sidecar::{decode, send_command};
use crate::types::{WorkflowInfo, WorkflowRun};

#[tauri::command]
pub async fn workflow_list() -> Result<Vec<WorkflowInfo>, String> {
    let result = send_command("workflow_list", json!({})).await?;
    decode("workflow_list", result)
}

#[tauri::command]
pub async fn workflow_run(
    workflow_id: String,
    input: Option<String>,
) -> Result<WorkflowRun, String> {
    let result = send_command(
        "workflow_run",
        json!({ "workflowId": workflow_id, "input": input }),
    )
    .await?;
    decode("workflow_run", result)
}
