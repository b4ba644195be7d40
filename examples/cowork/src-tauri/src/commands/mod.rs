//! One module per area, as in the Cowork app. Every command forwards to the sidecar
//! under its own name, with camelCase keys matching what the sidecar handler reads.

pub mod agent;
pub mod cron;
pub mod daemon;
pub mod interaction;
pub mod service;
pub mod session;
pub mod workflow;
