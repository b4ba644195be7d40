use std::path::PathBuf;

use clap::{Parser, Subcommand};
use serde_json::json;
use syncd::{launchd, paths, request_status, request_stop, start_blocking, DaemonError};

#[derive(Parser)]
#[command(name = "syncd")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The background daemon.
    Daemon {
        #[command(subcommand)]
        action: DaemonAction,
    },
}

#[derive(Subcommand)]
enum DaemonAction {
    Start,
    Stop,
    Status,
    Install,
    Uninstall,
}

fn home() -> PathBuf {
    std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("."))
}

fn main() -> Result<(), DaemonError> {
    let home = home();
    match Cli::parse().command {
        Command::Daemon { action } => match action {
            DaemonAction::Start => start_blocking(&home)?,
            DaemonAction::Stop => match request_stop(&home) {
                Ok(_) => println!("daemon stop requested"),
                Err(DaemonError::DaemonNotRunning { .. }) => println!("daemon is not running"),
                Err(e) => return Err(e),
            },
            DaemonAction::Status => {
                let status = request_status(&home)?.unwrap_or_else(|| json!({ "running": false, "socket": paths::socket_path(&home) }));
                println!("{}", serde_json::to_string_pretty(&status)?);
            }
            DaemonAction::Install => launchd::install(&home)?,
            DaemonAction::Uninstall => launchd::uninstall(&home)?,
        },
    }
    Ok(())
}
