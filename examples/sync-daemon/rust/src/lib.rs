//! syncd: a per-user daemon that keeps generated files in step with a registry of projects, and
//! answers a control socket (`~/.syncd/daemon.sock`, newline JSON) for the CLI.

pub mod error;
pub mod launchd;
pub mod paths;
pub mod protocol;
pub mod runtime;
pub mod sync;

pub use error::DaemonError;
pub use protocol::{request_status, request_stop, request_sync, send_request, DaemonRequest, DaemonResponse};
pub use runtime::start_blocking;
