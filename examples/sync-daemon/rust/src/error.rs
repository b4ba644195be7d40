use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum DaemonError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("invalid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("protocol: {0}")]
    Protocol(String),
    #[error("the daemon is not running (no answer on {socket})")]
    DaemonNotRunning { socket: PathBuf },
    #[error("launchd: {0}")]
    Launchd(String),
}

pub fn io_err(path: &std::path::Path, source: std::io::Error) -> DaemonError {
    DaemonError::Io { path: path.to_path_buf(), source }
}
