use std::path::{Path, PathBuf};

/// The environment variable naming the team file.
pub const ENV_FILE: &str = "HANDOVER_FILE";

/// The team file in use and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataPath {
    pub path: PathBuf,
    pub origin: PathOrigin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathOrigin {
    /// `--file PATH`
    Flag,
    /// `$HANDOVER_FILE`
    Env,
    /// `team.ron` in the platform data directory.
    DataDir,
}

impl PathOrigin {
    pub fn describe(self) -> &'static str {
        match self {
            PathOrigin::Flag => "from --file",
            PathOrigin::Env => "from $HANDOVER_FILE",
            PathOrigin::DataDir => "the default data file",
        }
    }
}

/// Finds the team file: `--file`, then `$HANDOVER_FILE`, then the data dir.
pub fn resolve(flag: Option<&Path>) -> Result<DataPath, String> {
    if let Some(path) = flag {
        return Ok(DataPath {
            path: path.to_path_buf(),
            origin: PathOrigin::Flag,
        });
    }
    if let Some(path) = std::env::var_os(ENV_FILE).filter(|v| !v.is_empty()) {
        return Ok(DataPath {
            path: PathBuf::from(path),
            origin: PathOrigin::Env,
        });
    }
    let dirs = directories::ProjectDirs::from("", "", "handover").ok_or_else(|| {
        format!("no home directory to keep the team file in; pass --file PATH or set {ENV_FILE}")
    })?;
    Ok(DataPath {
        path: dirs.data_dir().join("team.ron"),
        origin: PathOrigin::DataDir,
    })
}

/// Where the previous version is kept: `team.ron.bak` beside `team.ron`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins() {
        let found = resolve(Some(Path::new("/tmp/x.ron"))).unwrap();
        assert_eq!(found.path, PathBuf::from("/tmp/x.ron"));
        assert_eq!(found.origin, PathOrigin::Flag);
    }

    #[test]
    fn backup_sits_beside_the_file() {
        assert_eq!(
            backup_path(Path::new("/a/team.ron")),
            PathBuf::from("/a/team.ron.bak")
        );
    }
}
