// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod events;
mod sidecar;
mod types;

use tauri::Manager;

use crate::sidecar::SidecarState;

fn main() {
    tauri::Builder::default()
        .setup(|app| {
            let state = SidecarState::new(app.handle())?;
            app.manage(state);
            // Start eagerly so the first screen does not wait on node's startup.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                if let Err(err) = handle.state::<SidecarState>().ensure_started().await {
                    eprintln!("cowork: {err}");
                }
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::session::agent_create_session,
            commands::session::agent_list_sessions,
            commands::session::agent_get_session,
            commands::session::agent_delete_session,
            commands::agent::agent_send_message,
            commands::agent::agent_stop_generation,
            commands::agent::agent_get_bootstrap_state,
            commands::agent::agent_get_events_since,
            commands::agent::agent_subscribe_events,
            commands::interaction::agent_respond_permission,
            commands::interaction::agent_answer_question,
            commands::daemon::daemon_health,
            commands::daemon::daemon_ready,
            commands::service::service_status,
            commands::service::service_get_mode,
            commands::service::service_set_mode,
            commands::cron::cron_list_jobs,
            commands::cron::cron_create_job,
            commands::workflow::workflow_list,
            commands::workflow::workflow_run,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Cowork");
}
