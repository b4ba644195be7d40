use serde_json::json;

use crate::sidecar::{decode, send_command};
use crate::types::CronJob;

#[tauri::command]
pub async fn cron_list_jobs() -> Result<Vec<CronJob>, String> {
    let result = send_command("cron_list_jobs", json!({})).await?;
    decode("cron_list_jobs", result)
}

#[tauri::command]
pub async fn cron_create_job(
    name: String,
    schedule: String,
    workflow_id: Option<String>,
) -> Result<CronJob, String> {
    let result = send_command(
        "cron_create_job",
        json!({ "name": name, "schedule": schedule, "workflowId": workflow_id }),
    )
    .await?;
    decode("cron_create_job", result)
}
