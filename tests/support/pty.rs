//! The real binary in a real pseudo-terminal, read through a terminal
//! emulator: what the tests of the end-to-end path share.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

pub struct Session {
    pub screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the app wrote to the terminal.
    pub raw: Arc<Mutex<Vec<u8>>>,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Drop for Session {
    // A failed test must not leave the app running.
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// The app on `file` in a new 100×30 pseudo-terminal: the child, and the
/// terminal's side the test reads, writes and may close.
pub fn spawn(
    file: &Path,
    home: &Path,
    env: &[(&str, &str)],
) -> (
    Box<dyn portable_pty::Child + Send + Sync>,
    Box<dyn portable_pty::MasterPty + Send>,
) {
    spawn_with_args(file, home, env, &[])
}

/// As [`spawn`], with more arguments on the command line (`--mouse`).
pub fn spawn_with_args(
    file: &Path,
    home: &Path,
    env: &[(&str, &str)],
    args: &[&str],
) -> (
    Box<dyn portable_pty::Child + Send + Sync>,
    Box<dyn portable_pty::MasterPty + Send>,
) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_handover"));
    command.arg("--file");
    command.arg(file);
    for arg in args {
        command.arg(arg);
    }
    command.cwd(home);
    command.env("HOME", home);
    command.env("HANDOVER_TODAY", "2026-11-28");
    command.env("XDG_CONFIG_HOME", home.join("config"));
    command.env("TERM", "xterm-256color");
    command.env("NO_COLOR", "1");
    for (key, value) in env {
        command.env(key, value);
    }
    let child = pty.slave.spawn_command(command).unwrap();
    drop(pty.slave);
    (child, pty.master)
}

impl Session {
    pub fn start(file: &Path, home: &Path) -> Session {
        Session::start_with(file, home, &[])
    }

    pub fn start_with(file: &Path, home: &Path, env: &[(&str, &str)]) -> Session {
        Session::start_with_args(file, home, env, &[])
    }

    pub fn start_with_args(
        file: &Path,
        home: &Path,
        env: &[(&str, &str)],
        args: &[&str],
    ) -> Session {
        let (child, pty) = spawn_with_args(file, home, env, args);
        let mut reader = pty.try_clone_reader().unwrap();
        let writer = pty.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZero::new(30).unwrap(),
            std::num::NonZero::new(100).unwrap(),
            0,
        )));
        let sink = Arc::clone(&screen);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let raw_sink = Arc::clone(&raw);
        let master = pty;
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
                raw_sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session {
            screen,
            raw,
            writer,
            child,
            _master: master,
        }
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.contents().contains(text) {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "{text:?} never appeared; the screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for words that may wrap inside a box: the borders and line
    /// breaks between them count as one space.
    pub fn wait_for_words(&self, text: &str) {
        let words = || {
            self.contents()
                .replace('│', " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let start = Instant::now();
        while !words().contains(text) {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "{text:?} never appeared; the screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }

    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader take the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "the app did not exit"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    /// Sends a signal to the app, as `kill -NAME` does.
    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .args([format!("-{name}"), self.pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success(), "kill -{name}");
    }

    /// The process state letter from /proc (T: stopped).
    pub fn state(&self) -> char {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).unwrap();
        // After "pid (name) ": the name may hold spaces, so look past the last ')'.
        stat[stat.rfind(')').unwrap() + 2..].chars().next().unwrap()
    }

    /// Every byte the app wrote so far, as text.
    pub fn written(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    /// Whether the terminal reports the mouse now, by the last of the
    /// app's requests (crossterm's `EnableMouseCapture` starts with
    /// `?1000h`, `DisableMouseCapture` ends with `?1000l`); `None` when it
    /// never asked.
    pub fn mouse_captured(&self) -> Option<bool> {
        let written = self.written();
        let on = written.rfind("\x1b[?1000h");
        let off = written.rfind("\x1b[?1000l");
        match (on, off) {
            (None, None) => None,
            (on, off) => Some(on > off),
        }
    }

    pub fn left_alternate_screen(&self) -> bool {
        !self.screen.lock().unwrap().screen().alternate_screen()
    }
}
