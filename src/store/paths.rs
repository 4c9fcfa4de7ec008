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

/// What is at a team file's path, looked at without opening it (opening a
/// FIFO would block).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// Nothing, and no link either.
    Missing,
    /// A regular file, or a link to one.
    File,
    /// A symbolic link whose target does not exist.
    DanglingLink { target: PathBuf },
    /// A directory, FIFO, socket or device: never a team file.
    NotRegular { what: &'static str },
}

/// Looks at what `path` is, following links.
pub fn inspect(path: &Path) -> std::io::Result<Found> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Ok(Found::File),
        Ok(meta) => Ok(Found::NotRegular {
            what: describe_type(meta.file_type()),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            match std::fs::symlink_metadata(path) {
                Ok(meta) if meta.file_type().is_symlink() => Ok(Found::DanglingLink {
                    target: real_path(path),
                }),
                _ => Ok(Found::Missing),
            }
        }
        Err(e) => Err(e),
    }
}

fn describe_type(kind: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_dir() {
        "a folder"
    } else if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

/// The real file behind `path`: absolute, every symbolic link resolved,
/// also when the file (or a link's target) does not exist yet — then its
/// resolved folder and its name. What a lock and "is this the team file?"
/// compare.
pub fn real_path(path: &Path) -> PathBuf {
    let mut current = absolute(path);
    // Follow links one by one, so a dangling one still leads somewhere.
    for _ in 0..40 {
        match std::fs::read_link(&current) {
            Ok(target) => current = absolute(&folder_of(&current).join(target)),
            Err(_) => break,
        }
    }
    if let Ok(real) = std::fs::canonicalize(&current) {
        return real;
    }
    match (current.parent(), current.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(dir)
            .map(|dir| dir.join(name))
            .unwrap_or(current),
        _ => current,
    }
}

/// `path` made absolute against the current folder (links are kept).
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Where the comments of a hand-written file are kept at the first save
/// that drops them: `team.ron.orig` beside `team.ron`.
pub fn original_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".orig");
    path.with_file_name(name)
}

/// The app's recovery file: `team.recovery.ron` beside `team.ron`.
pub fn recovery_path(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!("{stem}.recovery.ron"))
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
    fn the_real_path_follows_links_even_dangling_ones() {
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir(real.join("a")).unwrap();
        std::os::unix::fs::symlink("a/team.ron", real.join("link.ron")).unwrap();
        std::os::unix::fs::symlink(real.join("link.ron"), real.join("link2.ron")).unwrap();
        // Dangling: the target does not exist yet.
        assert_eq!(real_path(&real.join("link2.ron")), real.join("a/team.ron"));
        assert_eq!(
            inspect(&real.join("link.ron")).unwrap(),
            Found::DanglingLink {
                target: real.join("a/team.ron")
            }
        );
        std::fs::write(real.join("a/team.ron"), "x").unwrap();
        assert_eq!(real_path(&real.join("link.ron")), real.join("a/team.ron"));
        assert_eq!(inspect(&real.join("link.ron")).unwrap(), Found::File);
        assert_eq!(
            inspect(&real).unwrap(),
            Found::NotRegular { what: "a folder" }
        );
        assert_eq!(inspect(&real.join("nope")).unwrap(), Found::Missing);
    }

    #[test]
    fn backup_sits_beside_the_file() {
        assert_eq!(
            backup_path(Path::new("/a/team.ron")),
            PathBuf::from("/a/team.ron.bak")
        );
    }
}
