//! The real binary in a real pseudo-terminal: open, edit, quit, and find
//! the change in the file; and the terminal is given back on every exit.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the app wrote to the terminal.
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Drop for Session {
    // A failed test must not leave the app running.
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

impl Session {
    fn start(file: &Path, home: &Path) -> Session {
        Session::start_with(file, home, &[])
    }

    fn start_with(file: &Path, home: &Path, env: &[(&str, &str)]) -> Session {
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
        command.env("HOME", home);
        command.env("XDG_CONFIG_HOME", home.join("config"));
        command.env("TERM", "xterm-256color");
        command.env("NO_COLOR", "1");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pty.slave.spawn_command(command).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZero::new(30).unwrap(),
            std::num::NonZero::new(100).unwrap(),
            0,
        )));
        let sink = Arc::clone(&screen);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let raw_sink = Arc::clone(&raw);
        let master = pty.master;
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

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) {
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

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }

    fn wait_exit(&mut self) -> u32 {
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

    fn left_alternate_screen(&self) -> bool {
        !self.screen.lock().unwrap().screen().alternate_screen()
    }
}

#[test]
fn edit_a_mission_quit_and_find_it_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.ron");
    std::fs::write(&file, handover::sample::SAMPLE_RON).unwrap();
    let mut app = Session::start(&file, dir.path());
    app.wait_for("Missions (12)");
    app.wait_for("Migrate billing to Postgres 16");
    // Edit the first mission's goal: e, Tab to Goal, clear it, type, Enter.
    app.send("e");
    app.wait_for("Edit \"Migrate billing");
    app.send("\t");
    app.send("\x15");
    app.send("Billing on PG16, typed in a real terminal");
    app.send("\r");
    app.wait_for("Edited \"Migrate billing to Postgres 16\"");
    app.wait_for("saved");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert!(app.left_alternate_screen(), "the terminal is restored");
    let team = handover::store::load(&file).unwrap().team;
    assert_eq!(
        team.missions[0].goal,
        "Billing on PG16, typed in a real terminal"
    );
    assert!(dir.path().join("team.ron.bak").exists());
}

#[test]
fn with_no_file_it_opens_the_sample_and_saves_on_the_first_change() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("new").join("team.ron");
    let mut app = Session::start(&file, dir.path());
    app.wait_for("the sample team; your first change creates this file");
    assert!(!file.exists());
    // Hand over the ready first mission.
    app.send("h");
    app.wait_for("hand it over now");
    app.send("y");
    app.wait_for("Handed \"Migrate billing to Postgres 16\" over");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let team = handover::store::load(&file).unwrap().team;
    assert_eq!(team.missions[0].status, handover::model::Status::HandedOver);
}

#[test]
fn sigterm_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.ron");
    std::fs::write(&file, handover::sample::SAMPLE_RON).unwrap();
    let mut app = Session::start(&file, dir.path());
    app.wait_for("Missions (12)");
    let pid = app.child.process_id().unwrap();
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    app.wait_exit();
    assert!(app.left_alternate_screen(), "the terminal is restored");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        handover::sample::SAMPLE_RON
    );
}

#[test]
fn a_second_copy_on_the_same_file_is_told_it_is_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.ron");
    std::fs::write(&file, handover::sample::SAMPLE_RON).unwrap();
    let mut first = Session::start(&file, dir.path());
    first.wait_for("Missions (12)");
    let mut second = Session::start(&file, dir.path());
    second.wait_for("is open in another handover");
    assert_eq!(second.wait_exit(), 2);
    first.send("q");
    assert_eq!(first.wait_exit(), 0);
}

#[test]
fn closing_the_terminal_ends_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.ron");
    std::fs::write(&file, handover::sample::SAMPLE_RON).unwrap();
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_handover"));
    command.args(["--file".as_ref(), file.as_os_str()]);
    command.env("HOME", dir.path());
    command.env("TERM", "xterm-256color");
    let mut child = pty.slave.spawn_command(command).unwrap();
    drop(pty.slave);
    // Read the first screen, then close the terminal side altogether, as
    // when its window is closed.
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut first = [0u8; 4096];
    let _ = reader.read(&mut first).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    drop(reader);
    drop(pty.master);
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("the app kept running without a terminal");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        handover::sample::SAMPLE_RON
    );
}

#[test]
fn a_note_written_in_the_editor_lands_in_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.ron");
    std::fs::write(&file, handover::sample::SAMPLE_RON).unwrap();
    let editor = dir.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'Written in the editor' > \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut app = Session::start_with(&file, dir.path(), &[("EDITOR", editor.to_str().unwrap())]);
    app.wait_for("Missions (12)");
    app.send("4");
    app.wait_for("Agenda");
    app.send("n");
    app.wait_for("One-on-one with Amina Diallo");
    app.send("\x05"); // Ctrl-e: the terminal goes to the editor and comes back
    app.wait_for("Written in the editor");
    app.send("\x13"); // Ctrl-s
    app.wait_for("Added a one-on-one with Amina Diallo");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert!(app.left_alternate_screen());
    let team = handover::store::load(&file).unwrap().team;
    assert_eq!(
        team.people[0].log.last().unwrap().note,
        "Written in the editor"
    );
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    const EVIL: &str = "\u{1b}]0;pwned\u{7}\u{1b}[31;5mEVIL\u{7f}\u{9b}31m\u{202e}gnp\u{2066}";
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.ron");
    let mut team = handover::sample::team();
    // Free text only: names holding such characters are refused (SPEC §2).
    let rename = {
        let mut p = team.people[0].clone();
        p.role = format!("role{EVIL}");
        p.log[0].note = format!("note{EVIL}");
        p.log[0].actions[0].text = format!("act{EVIL}");
        handover::edit::update_person(&team, 0, p)
    };
    rename.apply(&mut team);
    team.missions[0].goal = format!("goal{EVIL}");
    handover::store::create_new(&file, &team).unwrap();
    let mut app = Session::start(&file, dir.path());
    app.wait_for("Missions (12)");
    // Every view, and the modals that show names: pickers, hand-over,
    // help, the edit form, the agenda and the action items.
    for keys in [
        "o",
        "\x1b",
        "m",
        "\x1b",
        "h",
        "\x1b",
        "?",
        "\x1b",
        "e",
        "\x1b",
        "jjjjo",
        "\x1b",
        "2",
        "3",
        "lllllllllllll",
        "4",
        " ",
        "\x1b",
        "5",
    ] {
        app.send(keys);
        std::thread::sleep(Duration::from_millis(80));
    }
    app.wait_for("Plan:");
    app.send("q");
    app.wait_exit();
    let raw = app.raw.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&raw);
    for (what, needle) in [
        ("an OSC title change", "\u{1b}]0;pwned"),
        ("a bell", "\u{7}"),
        ("the crafted colour", "\u{1b}[31;5mEVIL"),
        ("DEL", "\u{7f}"),
        ("a C1 CSI", "\u{9b}"),
        ("a bidi override", "\u{202e}"),
        ("a bidi isolate", "\u{2066}"),
    ] {
        assert!(!text.contains(needle), "{what} reached the terminal");
    }
    assert!(text.contains("EVIL"), "the text itself is shown");
}

#[test]
fn a_crash_keeps_unsaved_work_and_the_next_start_offers_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.ron");
    std::fs::write(&file, handover::sample::SAMPLE_RON).unwrap();
    // A deliberate panic (debug builds only) while a one-on-one note is half
    // written: the note was never saved.
    let mut app = Session::start_with(&file, dir.path(), &[("HANDOVER_DEBUG_PANIC_KEY", "!")]);
    app.wait_for("Missions (12)");
    app.send("4");
    app.wait_for("Agenda");
    app.send("n");
    app.wait_for("One-on-one with Amina Diallo");
    app.send("Half-written thoughts");
    app.wait_for("Half-written thoughts");
    app.send("!");
    assert_ne!(app.wait_exit(), 0);
    assert!(
        app.left_alternate_screen(),
        "the terminal is restored after a panic"
    );
    let recovery = dir.path().join("team.recovery.ron");
    let kept = handover::store::load(&recovery)
        .expect("a recovery file that loads")
        .team;
    assert!(
        kept.people[0]
            .log
            .last()
            .unwrap()
            .note
            .contains("Half-written thoughts")
    );
    assert_eq!(
        std::fs::metadata(&recovery).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        handover::sample::SAMPLE_RON,
        "the team file untouched"
    );
    // The next start offers it; y restores it, saved like any change.
    let mut again = Session::start(&file, dir.path());
    again.wait_for("Restore unsaved work?");
    again.send("y");
    again.wait_for("Restored the unsaved work");
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
    let team = handover::store::load(&file).unwrap().team;
    assert!(
        team.people[0]
            .log
            .last()
            .unwrap()
            .note
            .contains("[draft recovered after a crash] Half-written thoughts")
    );
    assert!(!recovery.exists(), "set aside, not offered again");
}

#[test]
fn another_writer_is_never_overwritten_and_the_user_is_told() {
    for replace_by_rename in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("team.ron");
        std::fs::write(&file, handover::sample::SAMPLE_RON).unwrap();
        let mut app = Session::start(&file, dir.path());
        app.wait_for("Missions (12)");
        // Another editor saves in place, or `git checkout` swaps the file.
        let theirs = handover::sample::SAMPLE_RON.replace("Backend engineer", "Tech lead");
        if replace_by_rename {
            let other = dir.path().join("checkout.tmp");
            std::fs::write(&other, &theirs).unwrap();
            std::fs::rename(&other, &file).unwrap();
        } else {
            std::fs::write(&file, &theirs).unwrap();
        }
        // A change in the app: it must not be written over theirs.
        app.send("h");
        app.wait_for("hand it over now");
        app.send("y");
        app.wait_for("The team file changed on disk");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), theirs);
        // Reload: theirs comes in, the app's version is kept beside it.
        app.send("r");
        app.wait_for("Reloaded from disk");
        app.send("q");
        assert_eq!(app.wait_exit(), 0);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), theirs);
        let kept = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".mine-"))
            .count();
        assert_eq!(kept, 1, "the app's version is kept");
    }
}
