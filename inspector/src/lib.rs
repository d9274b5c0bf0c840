//! The yieldscope inspector: records every suspension of a run to a
//! versioned RON file (keyframes plus deltas), loads recordings, restores
//! the world at any suspension, branches runs with another sent value,
//! diffs traces and frames structurally, and checks recordings in CI.

pub mod capture;
pub mod check;
pub mod delta;
pub mod diff;
pub mod error;
pub mod format;
pub mod frames;
pub mod load;
pub mod names;
pub mod patch;
pub mod places;
pub mod prefix;
pub mod recorder;
pub mod recording;
pub mod ronw;
pub mod session;
pub mod short;
pub mod sink;
pub mod trace;
pub mod value;
pub mod verify;
pub mod world;

pub use error::{Error, Result};
pub use format::{Header, Record, FORMAT_VERSION};
pub use load::{load, load_bytes};
pub use recording::Recording;
