//! The config folder (SPEC §5): `keys.ron`, `theme.ron` and `config.ron`
//! live in `$HANDOVER_CONFIG_DIR`, else `$XDG_CONFIG_HOME/handover` (on
//! every OS), else the platform's config folder.

use std::ffi::OsString;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// The environment variable naming the config folder.
pub const ENV_CONFIG_DIR: &str = "HANDOVER_CONFIG_DIR";

/// The config folder, or `None` when there is no home to keep it in.
pub fn config_dir() -> Option<PathBuf> {
    config_dir_from(|name| std::env::var_os(name))
}

/// The config folder as `env` describes the environment: the rule of
/// [`config_dir`], testable without touching the process's environment.
pub fn config_dir_from(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let set = |name: &str| env(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = set(ENV_CONFIG_DIR) {
        return Some(dir);
    }
    // The XDG spec ignores a relative $XDG_CONFIG_HOME.
    if let Some(xdg) = set("XDG_CONFIG_HOME").filter(|p| p.is_absolute()) {
        return Some(xdg.join("handover"));
    }
    directories::ProjectDirs::from("", "", "handover").map(|d| d.config_dir().to_path_buf())
}

/// A file of the config folder, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub text: String,
}

/// A config file that is there but cannot be read.
#[derive(Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    pub error: io::Error,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: cannot read it: {}", self.path.display(), self.error)
    }
}

impl std::error::Error for ConfigError {}

/// Reads `name` (e.g. `keys.ron`) from the config folder: `Ok(None)` when
/// there is no such file (or no config folder at all).
pub fn read(name: &str) -> Result<Option<ConfigFile>, ConfigError> {
    match config_dir() {
        Some(dir) => read_in(&dir, name),
        None => Ok(None),
    }
}

/// Reads `name` from `dir`, as [`read`] does from the config folder.
pub fn read_in(dir: &Path, name: &str) -> Result<Option<ConfigFile>, ConfigError> {
    let path = dir.join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Some(ConfigFile { path, text })),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(ConfigError { path, error }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn handover_config_dir_wins_then_xdg_then_the_platform_folder() {
        let both = [
            (ENV_CONFIG_DIR, "/etc/mine"),
            ("XDG_CONFIG_HOME", "/home/x/.config"),
        ];
        assert_eq!(
            config_dir_from(env(&both)),
            Some(PathBuf::from("/etc/mine"))
        );
        let xdg = [(ENV_CONFIG_DIR, ""), ("XDG_CONFIG_HOME", "/home/x/.config")];
        assert_eq!(
            config_dir_from(env(&xdg)),
            Some(PathBuf::from("/home/x/.config/handover"))
        );
        // Empty or relative values are as good as unset.
        let neither = [(ENV_CONFIG_DIR, ""), ("XDG_CONFIG_HOME", "relative")];
        let platform =
            directories::ProjectDirs::from("", "", "handover").map(|d| d.config_dir().to_owned());
        assert_eq!(config_dir_from(env(&neither)), platform);
    }

    #[test]
    fn a_missing_file_is_none_and_an_unreadable_one_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_in(dir.path(), "keys.ron").unwrap(), None);
        std::fs::write(dir.path().join("keys.ron"), "{}").unwrap();
        let file = read_in(dir.path(), "keys.ron").unwrap().unwrap();
        assert_eq!(file.text, "{}");
        assert_eq!(file.path, dir.path().join("keys.ron"));
        std::fs::create_dir(dir.path().join("theme.ron")).unwrap();
        let err = read_in(dir.path(), "theme.ron").unwrap_err();
        assert!(
            err.to_string().contains("theme.ron: cannot read it"),
            "{err}"
        );
    }
}
