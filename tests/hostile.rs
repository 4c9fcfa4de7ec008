//! Hostile text in the data: escape sequences, bells, C1 controls and bidi
//! overrides in names and notes never reach a terminal raw — not from
//! `check`, `agenda`, `plan`, exports or error messages.

use std::fs;
use std::path::Path;
use std::process::Command;

/// Title-changing OSC, screen-clearing CSI, bell, DEL, a C1 CSI, bidi
/// override and isolate: what a crafted file might try.
const EVIL: &str =
    "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[31;5mEVIL\u{7f}\u{9b}31m\u{202e}gnp.exe\u{2066}";

/// Hostile text in every free-text field. Names (people, missions, skills,
/// tools) may not hold such characters at all (SPEC §2): a file with them is
/// refused, and `a_refused_file_with_hostile_text_gives_inert_messages`
/// checks that refusal is inert too.
fn hostile_team(dir: &Path) -> std::path::PathBuf {
    let mut team = handover::sample::team();
    let rename = {
        let mut p = team.people[0].clone();
        p.role = format!("role{EVIL}");
        p.log[0].note = format!("note{EVIL}\nsecond line");
        p.log[0].actions[0].text = format!("act{EVIL}");
        handover::edit::update_person(&team, 0, p, "2026-11-28".parse().unwrap())
    };
    rename.apply(&mut team);
    team.missions[0].goal = format!("goal{EVIL}");
    assert_eq!(handover::model::validate::validate(&team), vec![]);
    let path = dir.join("team.ron");
    handover::store::create_new(&path, &team).unwrap();
    path
}

/// Fails if any byte sequence that could act on a terminal is present.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for (i, c) in text.chars().enumerate() {
        let bad = (c.is_control() && c != '\n' && c != '\r')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        assert!(!bad, "{what}: a raw {c:?} at char {i}");
    }
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_handover"))
        .args(args)
        .current_dir(dir)
        .env_remove("HANDOVER_FILE")
        .env("HOME", dir)
        .output()
        .unwrap()
}

#[test]
fn no_command_prints_control_characters_from_the_data() {
    let dir = tempfile::tempdir().unwrap();
    hostile_team(dir.path());
    let agenda_name = format!("Amina{EVIL}");
    for args in [
        vec!["check", "--file", "team.ron"],
        vec!["check", "--json", "--file", "team.ron"],
        vec!["plan", "--file", "team.ron"],
        vec!["plan", "--json", "--file", "team.ron"],
        vec!["agenda", "amina", "--file", "team.ron"],
        vec!["agenda", agenda_name.as_str(), "--file", "team.ron"],
        vec!["agenda", "Nobody\u{1b}[2J", "--file", "team.ron"],
        vec!["export", "--csv", "--file", "team.ron"],
    ] {
        let out = run(dir.path(), &args);
        assert_inert(&format!("{args:?} stdout"), &out.stdout);
        assert_inert(&format!("{args:?} stderr"), &out.stderr);
        assert!(
            !out.stdout.is_empty() || !out.stderr.is_empty(),
            "{args:?} said something"
        );
    }
}

#[test]
fn json_keeps_the_text_exactly_but_escaped() {
    let dir = tempfile::tempdir().unwrap();
    hostile_team(dir.path());
    // Names cannot hold control characters any more; what they can hold
    // (quotes, backslashes, emoji, right-to-left script) comes back exact.
    let mut team = handover::store::load(&dir.path().join("team.ron"))
        .unwrap()
        .team;
    let title = "title \"q\" \\ 👋 שלום";
    team.missions[0].title = title.into();
    fs::remove_file(dir.path().join("team.ron")).unwrap();
    handover::store::create_new(&dir.path().join("team.ron"), &team).unwrap();
    let out = run(dir.path(), &["check", "--json", "--file", "team.ron"]);
    assert_inert("check --json", &out.stdout);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["missions"][0]["title"], title, "data stays data");
}

#[test]
fn written_files_are_inert_too() {
    let dir = tempfile::tempdir().unwrap();
    hostile_team(dir.path());
    run(
        dir.path(),
        &[
            "agenda",
            "amina",
            "--file",
            "team.ron",
            "--out",
            "agenda.md",
        ],
    );
    run(
        dir.path(),
        &[
            "export",
            "--csv",
            "--file",
            "team.ron",
            "--out",
            "skills.csv",
        ],
    );
    assert_inert(
        "agenda.md",
        &fs::read(dir.path().join("agenda.md")).unwrap(),
    );
    assert_inert(
        "skills.csv",
        &fs::read(dir.path().join("skills.csv")).unwrap(),
    );
}

#[test]
fn a_refused_file_with_hostile_text_gives_inert_messages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    fs::write(
        &path,
        format!("(people: [(name: \"{EVIL}\")], missions: [(title: \"m\", owner: Some(\"x{EVIL}\"))], z{EVIL}: 1)"),
    )
    .unwrap();
    let out = run(dir.path(), &["check", "--file", "bad.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert_inert("stderr", &out.stderr);
    fs::write(
        &path,
        format!(
            "(people: [(name: \"{EVIL}\")], missions: [(title: \"m\", owner: Some(\"x{EVIL}\"))])"
        ),
    )
    .unwrap();
    let out = run(dir.path(), &["check", "--file", "bad.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert_inert("stderr", &out.stderr);
}
