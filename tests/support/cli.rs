//! The real binary run as a command in a scratch home: what the command-line
//! tests share.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use handover::sample::SAMPLE_RON;

/// A scratch home, so the default data file never touches the real one.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        Sandbox {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        fs::write(&path, text).unwrap();
        path
    }

    pub fn read(&self, name: &str) -> String {
        fs::read_to_string(self.path(name)).unwrap()
    }

    /// `team.ron` holding the sample team.
    pub fn with_sample(&self) -> PathBuf {
        self.write("team.ron", SAMPLE_RON)
    }

    pub fn team(&self) -> handover::model::Team {
        handover::store::load(&self.path("team.ron")).unwrap().team
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_env(args, &[])
    }

    /// Runs `handover ARGS` in the sandbox, on 2026-11-28, with no colour
    /// setting or team file inherited from the environment.
    pub fn run_with_env(&self, args: &[&str], env: &[(&str, &Path)]) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_handover"));
        command
            .args(args)
            .env_remove("HANDOVER_FILE")
            .env_remove("NO_COLOR")
            .env_remove("HANDOVER_CONFIG_DIR")
            .env("HANDOVER_TODAY", "2026-11-28")
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .current_dir(self.dir.path());
        for (key, value) in env {
            command.env(key, value);
        }
        Run(command.output().unwrap())
    }

    /// Every file in the sandbox, for "nothing else was written".
    pub fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

/// What a command did.
pub struct Run(pub Output);

impl Run {
    pub fn code(&self) -> i32 {
        self.0.status.code().unwrap()
    }
    pub fn stdout(&self) -> String {
        String::from_utf8(self.0.stdout.clone()).unwrap()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8(self.0.stderr.clone()).unwrap()
    }
}
