//! The only code that touches the team file: where it is, loading and
//! validating it, saving it atomically. (SPEC §2)

mod format;
mod load;
mod locate;
mod paths;
mod problem;
mod save;

pub use format::to_ron;
pub use load::{Baseline, LoadError, Loaded, load, parse};
pub use paths::{DataPath, PathOrigin, backup_path, resolve};
pub use problem::Problem;
pub use save::{SaveError, create_new, remove_stale_temporaries, save, write_private_new};

/// Reads a file the user gives handover to read (a CSV to import).
pub fn read_input(path: &std::path::Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: cannot read it: {e}", path.display()))
}
