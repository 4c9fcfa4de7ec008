//! The only code that touches the team file: where it is, loading and
//! validating it, saving it atomically. (SPEC §2)

pub mod config;
mod disk;
mod format;
mod load;
mod locate;
pub mod lock;
mod note;
mod paths;
mod problem;
mod recovery;
mod save;

pub use config::{ConfigError, ConfigFile, config_dir};
pub use disk::{OnDisk, check_on_disk};
pub use format::to_ron;
pub use load::{Baseline, LoadError, Loaded, check_kind, load, parse};
pub use lock::{FileLock, LockError};
pub use note::{NoteFile, ReadNote, read_note};
pub use paths::{
    DataPath, ENV_FILE, Found, PathOrigin, absolute, backup_path, inspect, original_path,
    real_path, recovery_path, resolve,
};
pub use problem::Problem;
pub use recovery::{
    Base, Draft, Fingerprint, FormOf, Recovery, base_now, find_recovery, holds, keep_aside,
    set_aside, write_recovery,
};
pub use save::{
    OutputError, SaveError, Saved, create_new, has_comment, is_read_only, remove_stale_temporaries,
    save, writable, write_output, write_private_new,
};

/// Reads a file the user gives handover to read (a CSV to import).
pub fn read_input(path: &std::path::Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: cannot read it: {e}", path.display()))
}
