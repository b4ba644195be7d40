//! The launchd agent: a plist generated from the binary's path, installed per user.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::error::{io_err, DaemonError};
use crate::paths::{launchd_plist_path, logs_dir, socket_path, DAEMON_ERR_LOG, DAEMON_LABEL, DAEMON_LOG};

fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

pub fn generate_plist(binary_path: &Path, log_dir: &Path) -> String {
    let binary = xml(&binary_path.display().to_string());
    let out = xml(&log_dir.join(DAEMON_LOG).display().to_string());
    let err = xml(&log_dir.join(DAEMON_ERR_LOG).display().to_string());
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key>
  <string>{DAEMON_LABEL}</string>
  <key>ProgramArguments</key>
  <array>
    <string>{binary}</string>
    <string>daemon</string>
    <string>start</string>
  </array>
  <key>RunAtLoad</key>
  <true/>
  <key>KeepAlive</key>
  <true/>
  <key>StandardOutPath</key>
  <string>{out}</string>
  <key>StandardErrorPath</key>
  <string>{err}</string>
</dict>
</plist>
"#
    )
}

fn domain() -> Result<String, DaemonError> {
    let out = Command::new("id").arg("-u").output().map_err(|e| DaemonError::Launchd(e.to_string()))?;
    Ok(format!("gui/{}", String::from_utf8_lossy(&out.stdout).trim()))
}

pub fn install(home: &Path) -> Result<(), DaemonError> {
    if !cfg!(target_os = "macos") {
        return Err(DaemonError::Launchd("launchd management is only supported on macOS".into()));
    }
    let plist = launchd_plist_path(home);
    let logs = logs_dir(home);
    fs::create_dir_all(plist.parent().unwrap_or(home)).map_err(|e| io_err(&plist, e))?;
    fs::create_dir_all(&logs).map_err(|e| io_err(&logs, e))?;
    let binary = std::env::current_exe().map_err(|e| io_err(home, e))?;
    fs::write(&plist, generate_plist(&binary, &logs)).map_err(|e| io_err(&plist, e))?;
    let domain = domain()?;
    let _ = Command::new("launchctl").args(["bootout", &format!("{domain}/{DAEMON_LABEL}")]).status();
    Command::new("launchctl").args(["bootstrap", &domain]).arg(&plist).status().map_err(|e| DaemonError::Launchd(e.to_string()))?;
    Command::new("launchctl").args(["kickstart", "-k", &format!("{domain}/{DAEMON_LABEL}")]).status().map_err(|e| DaemonError::Launchd(e.to_string()))?;
    Ok(())
}

pub fn uninstall(home: &Path) -> Result<(), DaemonError> {
    if !cfg!(target_os = "macos") {
        return Err(DaemonError::Launchd("launchd management is only supported on macOS".into()));
    }
    let plist = launchd_plist_path(home);
    if plist.exists() {
        let _ = Command::new("launchctl").args(["bootout", &format!("{}/{DAEMON_LABEL}", domain()?)]).status();
        fs::remove_file(&plist).map_err(|e| io_err(&plist, e))?;
    }
    fs::remove_file(socket_path(home)).ok();
    Ok(())
}
