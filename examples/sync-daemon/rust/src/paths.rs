use std::path::{Path, PathBuf};

pub const DAEMON_LABEL: &str = "dev.example.syncd";
pub const DAEMON_SOCKET: &str = "daemon.sock";
pub const DAEMON_LOG: &str = "daemon.log";
pub const DAEMON_ERR_LOG: &str = "daemon-err.log";

pub fn root(home: &Path) -> PathBuf {
    home.join(".syncd")
}

pub fn projects_root(home: &Path) -> PathBuf {
    root(home).join("projects")
}

pub fn generated_root(home: &Path) -> PathBuf {
    root(home).join("generated")
}

pub fn socket_path(home: &Path) -> PathBuf {
    root(home).join(DAEMON_SOCKET)
}

pub fn logs_dir(home: &Path) -> PathBuf {
    root(home).join("logs")
}

pub fn launchd_plist_path(home: &Path) -> PathBuf {
    home.join("Library/LaunchAgents").join(format!("{DAEMON_LABEL}.plist"))
}
