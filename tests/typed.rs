//! Nothing typed is lost, through the real binary in a real terminal:
//! signals and a closed window mid-note, Ctrl-z and `fg`, $EDITOR still
//! open when the app is told to stop, quitting after a conflict.

mod support;

use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use handover::store::{self, Draft};
use support::pty::Session;

fn team_file(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("team.ron");
    std::fs::write(&file, handover::sample::SAMPLE_RON).unwrap();
    file
}

/// The notes of the entry drafts in the recovery file beside `file`.
fn recovered_notes(file: &Path) -> Vec<String> {
    let (_, recovery) = store::find_recovery(file)
        .expect("a recovery file")
        .expect("that reads");
    recovery
        .drafts
        .into_iter()
        .filter_map(|d| match d {
            // A terminal going away may still deliver a line feed: a new line
            // at the end is the app taking it as typed, no loss.
            Draft::Entry { note, .. } => Some(note.trim_end().to_string()),
            Draft::Form { .. } => None,
        })
        .collect()
}

fn start_a_note(app: &mut Session, words: &str) {
    app.wait_for("Missions (12)");
    app.send("4");
    app.send("n");
    app.wait_for("One-on-one with Amina Diallo");
    app.send(words);
    app.wait_for(words);
}

#[test]
fn a_note_being_typed_survives_every_signal_to_stop() {
    for signal in ["HUP", "TERM", "INT"] {
        let dir = tempfile::tempdir().unwrap();
        let file = team_file(dir.path());
        let mut app = Session::start(&file, dir.path());
        let words = format!("Words typed before SIG{signal}");
        start_a_note(&mut app, &words);
        app.signal(signal);
        app.wait_exit();
        assert!(
            app.left_alternate_screen(),
            "SIG{signal}: terminal restored"
        );
        assert_eq!(recovered_notes(&file), [words], "SIG{signal}");
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            handover::sample::SAMPLE_RON,
            "SIG{signal}: the team file untouched"
        );
        // The next start offers it back.
        let mut again = Session::start(&file, dir.path());
        again.wait_for("Restore unsaved work?");
        again.wait_for("being written");
        again.send("y");
        again.wait_for(&format!("Words typed before SIG{signal}"));
    }
}

#[test]
fn a_note_being_typed_survives_the_window_closing() {
    let dir = tempfile::tempdir().unwrap();
    let file = team_file(dir.path());
    let (mut child, master) = support::pty::spawn(&file, dir.path(), &[]);
    let mut reader = master.try_clone_reader().unwrap();
    let mut writer = master.take_writer().unwrap();
    let mut seen = Vec::new();
    let mut wait_for = |reader: &mut Box<dyn Read + Send>, text: &str| {
        let mut buf = [0u8; 8192];
        while !String::from_utf8_lossy(&seen).contains(text) {
            let n = reader.read(&mut buf).unwrap();
            seen.extend_from_slice(&buf[..n]);
        }
    };
    wait_for(&mut reader, "Missions (12)");
    for keys in ["4", "n", "Typed as the window closed"] {
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(100));
    }
    wait_for(&mut reader, "closed");
    // The window closes: the terminal goes away altogether.
    drop(reader);
    drop(writer);
    drop(master);
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("the app kept running without a terminal");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    // Dropping portable-pty's writer types "\n" and EOF (to end a cooked
    // line), so the app may or may not read one more Enter before it sees
    // the terminal go: that newline is the harness's, not a lost word.
    let notes: Vec<String> = recovered_notes(&file)
        .into_iter()
        .map(|n| n.strip_suffix('\n').map(String::from).unwrap_or(n))
        .collect();
    assert_eq!(notes, ["Typed as the window closed"]);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        handover::sample::SAMPLE_RON
    );
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_takes_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let file = team_file(dir.path());
    let mut app = Session::start(&file, dir.path());
    app.wait_for("Missions (12)");
    app.send("\x1a"); // Ctrl-z
    let start = Instant::now();
    while app.state() != 'T' {
        assert!(start.elapsed() < Duration::from_secs(10), "never stopped");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        app.left_alternate_screen(),
        "the shell gets its screen back"
    );
    // `fg`: the shell continues the app.
    app.signal("CONT");
    let start = Instant::now();
    while app.left_alternate_screen() {
        assert!(start.elapsed() < Duration::from_secs(10), "never came back");
        std::thread::sleep(Duration::from_millis(20));
    }
    app.wait_for("Missions (12)");
    // Raw mode again: a key arrives at once, Enter as Enter.
    app.send("/");
    app.send("billing");
    app.send("\r");
    app.wait_for("Missions (1 of 12) /billing");
    // Enter closed the filter: the next key is a command again.
    app.send("2");
    app.wait_for("People (");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn sigtstp_from_outside_stops_and_sigcont_redraws() {
    let dir = tempfile::tempdir().unwrap();
    let file = team_file(dir.path());
    let mut app = Session::start(&file, dir.path());
    start_a_note(&mut app, "Kept through a stop");
    app.signal("TSTP");
    let start = Instant::now();
    while app.state() != 'T' {
        assert!(start.elapsed() < Duration::from_secs(10), "never stopped");
        std::thread::sleep(Duration::from_millis(20));
    }
    app.signal("CONT");
    let start = Instant::now();
    while app.left_alternate_screen() {
        assert!(start.elapsed() < Duration::from_secs(10), "never came back");
        std::thread::sleep(Duration::from_millis(20));
    }
    app.wait_for("Kept through a stop");
    app.send(", and more");
    app.send("\x13"); // Ctrl-s
    app.wait_for("Added a one-on-one with Amina Diallo");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let team = store::load(&file).unwrap().team;
    assert_eq!(
        team.people[0].log.last().unwrap().note,
        "Kept through a stop, and more"
    );
}

#[test]
fn an_editor_still_open_when_the_app_is_stopped_keeps_its_words() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = team_file(dir.path());
    // An editor that writes the note, then stays open (SIGTERM reaches
    // handover alone, not the editor).
    let editor = dir.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'Written in the editor' > \"$1\"\nexec sleep 30\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    // Run through sh, not executed itself: a test thread forking while the
    // script was being written would make exec fail with ETXTBSY.
    let editor = format!("sh {}", editor.display());
    let mut app = Session::start_with(&file, dir.path(), &[("EDITOR", &editor)]);
    // Straight into the editor, nothing typed in the form first.
    app.wait_for("Missions (12)");
    app.send("4");
    app.send("n");
    app.wait_for("One-on-one with Amina Diallo");
    app.send("\x05"); // Ctrl-e
    std::thread::sleep(Duration::from_millis(500));
    app.signal("TERM");
    app.wait_exit();
    let (_, recovery) = store::find_recovery(&file).unwrap().unwrap();
    let Draft::Entry { editor_file, .. } = &recovery.drafts[0] else {
        panic!("an entry draft");
    };
    assert!(editor_file.is_some(), "the editor's file is named");
    // The next start reopens the entry with what the editor wrote.
    let mut again = Session::start(&file, dir.path());
    again.wait_for("Restore unsaved work?");
    again.send("y");
    again.wait_for("Written in the editor");
}

#[test]
fn quitting_after_a_failed_save_keeps_the_work_once_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = team_file(dir.path());
    // The backup cannot be written (a folder stands in its way): every
    // save fails, as on a full disk.
    std::fs::create_dir(dir.path().join("team.ron.bak")).unwrap();
    let mut app = Session::start(&file, dir.path());
    start_a_note(&mut app, "Mine, on a failing disk");
    app.send("\x13"); // Ctrl-s
    app.wait_for("Not saved");
    app.send("q");
    app.wait_for("Quit with unsaved changes?");
    app.send("y");
    assert_eq!(app.wait_exit(), 0, "the work is safe");
    app.wait_for("your version is kept in");
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".mine-"))
        .collect();
    assert_eq!(kept.len(), 1, "kept once");
    let mine = store::load(&kept[0].path()).unwrap().team;
    assert_eq!(
        mine.people[0].log.last().unwrap().note,
        "Mine, on a failing disk"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        handover::sample::SAMPLE_RON
    );
}

#[test]
fn quitting_after_a_conflict_keeps_the_work_once_and_says_so() {
    for outside in ["changed", "deleted"] {
        let dir = tempfile::tempdir().unwrap();
        let file = team_file(dir.path());
        let mut app = Session::start(&file, dir.path());
        start_a_note(&mut app, "Mine, not theirs");
        let theirs = handover::sample::SAMPLE_RON.replace("Backend engineer", "Tech lead");
        if outside == "changed" {
            std::fs::write(&file, &theirs).unwrap();
            app.wait_for("changed on disk");
        } else {
            std::fs::remove_file(&file).unwrap();
            app.wait_for("changed on disk");
        }
        app.send("\x13"); // Ctrl-s: a conflict, asked now
        app.wait_for("changed on disk");
        app.send("n"); // not now
        app.send("q");
        app.wait_for("Quit with unsaved changes?");
        app.send("y");
        assert_eq!(app.wait_exit(), 0, "{outside}: the work is safe");
        app.wait_for("your version is kept in");
        assert!(!app.contents().contains("nor kept"), "{outside}");
        let kept: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".mine-"))
            .collect();
        assert_eq!(kept.len(), 1, "{outside}: kept once");
        let mine = store::load(&kept[0].path()).unwrap().team;
        assert_eq!(mine.people[0].log.last().unwrap().note, "Mine, not theirs");
        assert!(
            store::find_recovery(&file).is_none(),
            "{outside}: not kept twice"
        );
        if outside == "changed" {
            assert_eq!(std::fs::read_to_string(&file).unwrap(), theirs);
        } else {
            assert!(!file.exists(), "nothing written where it was deleted");
        }
    }
}

#[test]
fn restoring_after_a_crash_never_reverts_what_others_wrote_since() {
    let dir = tempfile::tempdir().unwrap();
    let file = team_file(dir.path());
    let mut app = Session::start_with(&file, dir.path(), &[("HANDOVER_DEBUG_PANIC_KEY", "!")]);
    start_a_note(&mut app, "Before the crash");
    app.send("!");
    assert_ne!(app.wait_exit(), 0);
    // Two imports change the file before handover is opened again.
    for (name, row) in [
        ("a.csv", "Amina Diallo,kotlin,2"),
        ("b.csv", "Bruno Costa,kotlin,3"),
    ] {
        let csv = dir.path().join(name);
        std::fs::write(&csv, format!("person,skill,level\n{row}\n")).unwrap();
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_handover"))
            .arg("import")
            .arg(&csv)
            .arg("--file")
            .arg(&file)
            .status()
            .unwrap();
        assert!(status.success());
    }
    let imported = std::fs::read(&file).unwrap();
    let mut again = Session::start(&file, dir.path());
    again.wait_for("Restore unsaved work?");
    again.send("y");
    again.wait_for("One-on-one with Amina Diallo");
    again.wait_for("Before the crash");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        imported,
        "nothing written yet"
    );
    again.send(", finished after");
    again.send("\x13"); // Ctrl-s
    again.wait_for("Added a one-on-one with Amina Diallo");
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
    let team = store::load(&file).unwrap().team;
    assert_eq!(team.people[0].skills.get("kotlin"), Some(&2), "import kept");
    assert_eq!(team.people[1].skills.get("kotlin"), Some(&3), "import kept");
    assert_eq!(
        team.people[0].log.last().unwrap().note,
        "Before the crash, finished after"
    );
}

#[test]
fn cli_writers_racing_the_app_never_lose_a_change_either_side() {
    let dir = tempfile::tempdir().unwrap();
    let file = team_file(dir.path());
    let mut app = Session::start(&file, dir.path());
    app.wait_for("Missions (12)");
    app.send("4");
    app.wait_for("Agenda");
    // CLI writers, one after another, while the app writes entries.
    let racer = {
        let (dir, file) = (dir.path().to_path_buf(), file.clone());
        std::thread::spawn(move || {
            (0..12)
                .map(|i| {
                    let csv = dir.join(format!("racer-{i}.csv"));
                    std::fs::write(&csv, format!("person,skill,level\nRacer {i},go,2\n")).unwrap();
                    let status = std::process::Command::new(env!("CARGO_BIN_EXE_handover"))
                        .args(["import", "--add-people"])
                        .arg(&csv)
                        .arg("--file")
                        .arg(&file)
                        .output()
                        .unwrap();
                    (format!("Racer {i}"), status.status.code())
                })
                .collect::<Vec<_>>()
        })
    };
    let notes: Vec<String> = (0..6).map(|i| format!("Entry number {i}")).collect();
    // One entry a day (a second `n` the same day reopens the first): each
    // dated in the date field (Shift-Tab, typed over).
    for (i, note) in notes.iter().enumerate() {
        app.send("n");
        app.wait_for("One-on-one with Amina Diallo");
        app.send("\x1b[Z");
        app.send(&"\x7f".repeat(10));
        let date = format!("2026-10-0{}", i + 1);
        app.send(&date);
        app.send("\r");
        app.send(note);
        app.send("\x13"); // Ctrl-s
        app.wait_for(&format!("Added a one-on-one with Amina Diallo on {date}"));
    }
    let imports = racer.join().unwrap();
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let team = store::load(&file).unwrap().team;
    let log: Vec<&str> = team.people[0].log.iter().map(|e| e.note.as_str()).collect();
    for note in &notes {
        assert!(
            log.contains(&note.as_str()),
            "the app's {note:?} is on disk"
        );
    }
    for (person, code) in &imports {
        let on_disk = team.people.iter().any(|p| &p.name == person);
        match code {
            Some(0) => assert!(on_disk, "{person}: reported imported, so on disk"),
            Some(2) => assert!(!on_disk, "{person}: refused, so not on disk"),
            other => panic!("{person}: exit {other:?}"),
        }
    }
    assert!(
        imports.iter().all(|(_, code)| *code == Some(2)),
        "every CLI writer is refused while the app has the file: {imports:?}"
    );
}

#[test]
fn the_app_takes_today_from_handover_today() {
    let dir = tempfile::tempdir().unwrap();
    let file = team_file(dir.path());
    let mut app = Session::start_with(&file, dir.path(), &[("HANDOVER_TODAY", "2030-01-02")]);
    app.wait_for("Missions (12)");
    app.send("4");
    app.send("n");
    app.wait_for("Date   2030-01-02");
}
