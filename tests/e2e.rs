//! The real binary in a real pseudo-terminal: open, edit, quit, and find
//! the change in the file; and the terminal is given back on every exit.

mod support;

use std::time::Duration;

use support::pty::Session;

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
fn with_no_file_the_welcome_offers_the_sample_which_writes_nothing_until_kept() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("new").join("team.ron");
    let mut app = Session::start(&file, dir.path());
    app.wait_for("Welcome to handover");
    app.send("s");
    app.wait_for("sample in memory, not saved");
    // Hand over the ready first mission: in memory only.
    app.send("h");
    app.wait_for("hand it over now");
    app.send("y");
    app.wait_for("Handed \"Migrate");
    assert!(!file.exists());
    // Keep it: now it is the manager's team, in the file.
    app.send("S");
    app.wait_for("keep the sample");
    app.send("k");
    app.wait_for("Kept the sample team");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let team = handover::store::load(&file).unwrap().team;
    assert_eq!(team.missions[0].status, handover::model::Status::HandedOver);
}

#[test]
fn an_empty_team_from_the_welcome_holds_only_what_the_manager_added() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.ron");
    let mut app = Session::start(&file, dir.path());
    app.wait_for("Welcome to handover");
    app.send("e");
    app.wait_for("Started an empty team");
    app.send("2a");
    app.wait_for("Name");
    app.send("Nadia Haddad\r");
    app.wait_for("Added Nadia Haddad");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let team = handover::store::load(&file).unwrap().team;
    let names: Vec<&str> = team.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Nadia Haddad"]);
    assert!(team.missions.is_empty());
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
    // Run through sh, not executed itself: a test thread forking while the
    // script was being written would make exec fail with ETXTBSY.
    let editor = format!("sh {}", editor.display());
    let mut app = Session::start_with(&file, dir.path(), &[("EDITOR", &editor)]);
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
        handover::edit::update_person(&team, 0, p, "2026-11-28".parse().unwrap())
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
    let (_, kept) = handover::store::find_recovery(&file)
        .expect("a recovery file")
        .expect("that reads");
    assert!(matches!(
        &kept.drafts[..],
        [handover::store::Draft::Entry { note, .. }] if note == "Half-written thoughts"
    ));
    assert_eq!(
        std::fs::metadata(&recovery).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        handover::sample::SAMPLE_RON,
        "the team file untouched"
    );
    // The next start offers it; y opens the entry again, to finish and save.
    let mut again = Session::start(&file, dir.path());
    again.wait_for("Restore unsaved work?");
    again.send("y");
    again.wait_for("One-on-one with Amina Diallo");
    again.wait_for("Half-written thoughts");
    again.send(" and the rest");
    again.send("\x13"); // Ctrl-s
    again.wait_for("Added a one-on-one with Amina Diallo");
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
    let team = handover::store::load(&file).unwrap().team;
    assert_eq!(
        team.people[0].log.last().unwrap().note,
        "Half-written thoughts and the rest"
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
        // Work in hand: a one-on-one entry being written.
        app.send("4");
        app.send("n");
        app.wait_for("One-on-one with Amina Diallo");
        app.send("Mine");
        // Another editor saves in place, or `git checkout` swaps the file.
        let theirs = handover::sample::SAMPLE_RON.replace("Backend engineer", "Tech lead");
        if replace_by_rename {
            let other = dir.path().join("checkout.tmp");
            std::fs::write(&other, &theirs).unwrap();
            std::fs::rename(&other, &file).unwrap();
        } else {
            std::fs::write(&file, &theirs).unwrap();
        }
        // The app notices by itself, and leaves the entry being written.
        app.wait_for("The team file changed on disk");
        app.send("\x13"); // Ctrl-s: the entry is a change; never written over theirs
        app.wait_for("changed on disk");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), theirs);
        // Reload: theirs comes in, the app's version is kept beside it.
        app.send("r");
        app.wait_for("Reloaded from disk");
        app.send("q");
        assert_eq!(app.wait_exit(), 0);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), theirs);
        let kept: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".mine-"))
            .collect();
        assert_eq!(kept.len(), 1, "the app's version is kept");
        let mine = handover::store::load(&kept[0].path()).unwrap().team;
        assert_eq!(mine.people[0].log.last().unwrap().note, "Mine");
    }
}

#[test]
fn another_writer_with_nothing_unsaved_is_reloaded_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.ron");
    std::fs::write(&file, handover::sample::SAMPLE_RON).unwrap();
    let mut app = Session::start(&file, dir.path());
    app.wait_for("Missions (12)");
    let theirs = handover::sample::SAMPLE_RON.replace(
        "Migrate billing to Postgres 16",
        "Migrate billing to Postgres 17",
    );
    std::fs::write(&file, &theirs).unwrap();
    app.wait_for("reloaded it");
    app.wait_for("Postgres 17");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), theirs);
}

/// A whole meeting in the real binary: open the person, read the agenda,
/// write a note and two actions (one mine, one due next week) with the
/// agenda on screen, save, reopen today's entry, edit it, tick an action,
/// then the file and the next agenda.
#[test]
fn a_whole_one_on_one_beside_its_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.ron");
    std::fs::write(&file, handover::sample::SAMPLE_RON).unwrap();
    let mut app = Session::start_with(&file, dir.path(), &[("HANDOVER_TODAY", "2026-11-28")]);
    app.wait_for("Missions (12)");
    app.send("4");
    app.wait_for("## Open actions");
    app.send("n");
    app.wait_for("One-on-one with Amina Diallo");
    app.send("Migration is on track.");
    app.send("\t");
    app.send("me: Book the design review\r");
    app.send("Write the cut-over plan @ +1w");
    app.wait_for("Write the cut-over plan @ +1w");
    // The agenda stays on screen while the entry is written, and scrolls.
    let screen = app.contents();
    assert!(screen.contains("Share the PG16 runbook"), "{screen}");
    assert!(screen.contains("Migration is on track."), "{screen}");
    app.send("\x1b[6~"); // PgDn: the agenda scrolls, the entry keeps its words
    app.wait_for("Write the cut-over plan @ +1w");
    app.send("\x13"); // Ctrl-s
    app.wait_for("Added a one-on-one with Amina Diallo on 2026-11-28");
    // The same day, n reopens today's entry with its actions in their words.
    app.send("n");
    app.wait_for("reopened");
    app.wait_for("Write the cut-over plan @ 2026-12-05");
    app.send(" Chen joins next time.");
    app.send("\x13");
    app.wait_for("Edited the one-on-one with Amina Diallo");
    // Tick the manager's own action from the One-on-one view.
    app.send(" ");
    app.wait_for("Action items of Amina Diallo");
    app.send("j");
    app.send(" ");
    app.wait_for("Ticked \"Book the design review\"");
    app.send("\x1b");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let team = handover::store::load(&file).unwrap().team;
    let amina = &team.people[0];
    assert_eq!(amina.log.len(), 2, "one entry today, not two");
    let entry = amina.log.last().unwrap();
    assert_eq!(entry.note, "Migration is on track. Chen joins next time.");
    assert_eq!(entry.actions.len(), 2);
    assert!(entry.actions[0].mine && entry.actions[0].text == "Book the design review");
    assert_eq!(entry.actions[1].due, Some("2026-12-05".parse().unwrap()));
    assert!(!entry.actions[1].mine);
    // The next agenda carries forward what is still open, not what was ticked.
    let a = handover::analysis::analyse(&team);
    let agenda = handover::agenda::agenda_on(&team, &a, 0, "2026-12-12".parse().unwrap());
    let open = agenda
        .split("## Open actions")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    assert!(
        open.contains("Write the cut-over plan (agreed 2026-11-28; due 2026-12-05: overdue)"),
        "{agenda}"
    );
    let ticked = amina
        .log
        .iter()
        .flat_map(|e| &e.actions)
        .filter(|a| a.done)
        .count();
    assert!(ticked >= 2, "the one ticked today and the sample's");
    assert!(!open.contains("Book the design review"), "ticked: {agenda}");
}

#[test]
fn a_bad_setting_is_reported_with_its_line_and_the_app_opens_with_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.ron");
    std::fs::write(&file, handover::sample::SAMPLE_RON).unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir(&config).unwrap();
    std::fs::write(
        config.join("config.ron"),
        "(\n  theme: \"light\",\n  colour: 3,\n)\n",
    )
    .unwrap();
    let config = config.display().to_string();
    let mut app = Session::start_with(&file, dir.path(), &[("HANDOVER_CONFIG_DIR", &config)]);
    app.wait_for("Missions (12)");
    app.send("M");
    app.wait_for("config.ron:3:");
    // The message wraps in the log where the folder's name puts it.
    app.wait_for_words("the default settings are used");
    app.send("\r");
    app.wait_for("Missions (12)");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

/// What crossterm writes to stop the mouse reports (`DisableMouseCapture`).
fn mouse_off() -> String {
    use crossterm::Command;
    let mut sequence = String::new();
    crossterm::event::DisableMouseCapture
        .write_ansi(&mut sequence)
        .unwrap();
    sequence
}

fn sample_file(dir: &std::path::Path) -> std::path::PathBuf {
    let file = dir.join("team.ron");
    std::fs::write(&file, handover::sample::SAMPLE_RON).unwrap();
    file
}

#[test]
fn the_mouse_is_off_unless_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_file(dir.path());
    let mut app = Session::start(&file, dir.path());
    app.wait_for("Missions (12)");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert_eq!(
        app.mouse_captured(),
        None,
        "terminal selection keeps working"
    );
}

#[test]
fn with_mouse_a_click_switches_the_view_and_quitting_gives_the_mouse_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_file(dir.path());
    let mut app = Session::start_with_args(&file, dir.path(), &[], &["--mouse"]);
    app.wait_for("Missions (12)");
    assert_eq!(app.mouse_captured(), Some(true));
    // A left click on the People tab, as an xterm reports it (SGR, 1-based).
    let tabs = app.contents().lines().next().unwrap().to_string();
    let column = tabs[..tabs.find("People").unwrap()].chars().count() + 1;
    app.send(&format!("\x1b[<0;{column};1M\x1b[<0;{column};1m"));
    app.wait_for("People (8)");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert!(app.left_alternate_screen());
    assert_eq!(app.mouse_captured(), Some(false));
    // Every mode crossterm turned on is turned off, after the last time on.
    let written = app.written();
    let last_on = written.rfind("\x1b[?1000h").unwrap();
    assert!(written[last_on..].contains(&mouse_off()), "{written:?}");
}

#[test]
fn the_mouse_setting_turns_it_on_and_ctrl_z_sigterm_and_the_editor_give_it_back() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = sample_file(dir.path());
    let config = dir.path().join("config");
    std::fs::create_dir(&config).unwrap();
    std::fs::write(config.join("config.ron"), "(mouse: true)\n").unwrap();
    // The editor says on the terminal when it has it.
    let editor = dir.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'EDITOR HAS THE TERMINAL'\nprintf 'From the editor' > \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let editor = format!("sh {}", editor.display());
    let config = config.display().to_string();
    let mut app = Session::start_with(
        &file,
        dir.path(),
        &[("HANDOVER_CONFIG_DIR", &config), ("EDITOR", &editor)],
    );
    app.wait_for("Missions (12)");
    assert_eq!(app.mouse_captured(), Some(true), "config.ron: mouse: true");

    // Ctrl-z: the shell gets a terminal that reports no mouse; fg: again.
    app.send("\x1a");
    let start = std::time::Instant::now();
    while app.state() != 'T' {
        assert!(start.elapsed() < Duration::from_secs(10), "never stopped");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(app.mouse_captured(), Some(false), "stopped");
    app.signal("CONT");
    let start = std::time::Instant::now();
    while app.mouse_captured() != Some(true) {
        assert!(start.elapsed() < Duration::from_secs(10), "never came back");
        std::thread::sleep(Duration::from_millis(20));
    }
    app.wait_for("Missions (12)");

    // $EDITOR: no mouse while it has the terminal, the mouse after.
    app.send("4");
    app.wait_for("Agenda");
    app.send("n");
    app.wait_for("One-on-one with Amina Diallo");
    app.send("\x05"); // Ctrl-e
    app.wait_for("From the editor");
    let written = app.written();
    let editing = written.find("EDITOR HAS THE TERMINAL").unwrap();
    let before = &written[..editing];
    assert!(
        before.rfind(&mouse_off()) > before.rfind("\x1b[?1000h"),
        "the mouse was given back before the editor ran"
    );
    assert!(
        written[editing..].contains("\x1b[?1000h"),
        "and taken again"
    );
    assert_eq!(app.mouse_captured(), Some(true));

    // SIGTERM: the normal exit, the mouse given back.
    app.signal("TERM");
    app.wait_exit();
    assert!(app.left_alternate_screen());
    assert_eq!(app.mouse_captured(), Some(false));
}

#[test]
fn a_panic_gives_the_mouse_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_file(dir.path());
    let mut app = Session::start_with_args(
        &file,
        dir.path(),
        &[("HANDOVER_DEBUG_PANIC_KEY", "!")],
        &["--mouse"],
    );
    app.wait_for("Missions (12)");
    assert_eq!(app.mouse_captured(), Some(true));
    app.send("!");
    assert_ne!(app.wait_exit(), 0);
    assert!(app.left_alternate_screen());
    assert_eq!(app.mouse_captured(), Some(false));
    // Given back before the panic's message was written (the panic hook).
    let written = app.written();
    let said = written.find("deliberate panic").unwrap();
    assert!(written[..said].contains(&mouse_off()));
}
