//! `$HANDOVER_TODAY` through the real binary: the commands that depend on
//! the date honour it, and a value that is not a date stops them with exit 2.

mod support;

use std::path::Path;

use support::cli::Sandbox;

#[test]
fn a_bad_handover_today_stops_the_agenda_with_exit_2_and_names_it() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run_with_env(
        &["agenda", "Chen Wei", "--file", "team.ron"],
        &[("HANDOVER_TODAY", Path::new("2026-02-30"))],
    );
    assert_eq!(run.code(), 2, "{}", run.stderr());
    assert_eq!(run.stdout(), "");
    assert!(
        run.stderr()
            .contains("$HANDOVER_TODAY: \"2026-02-30\" is not a date"),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_bad_handover_today_is_quoted_clean() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run_with_env(
        &["agenda", "Chen Wei", "--file", "team.ron"],
        &[("HANDOVER_TODAY", Path::new("next\u{1b}[2Jweek"))],
    );
    assert_eq!(run.code(), 2);
    assert!(!run.stderr().contains('\u{1b}'), "{:?}", run.stderr());
    assert!(run.stderr().contains("HANDOVER_TODAY"), "{}", run.stderr());
}

#[test]
fn the_agenda_names_its_file_with_today() {
    let s = Sandbox::new();
    s.with_sample();
    std::fs::create_dir(s.path("notes")).unwrap();
    let run = s.run_with_env(
        &["agenda", "Chen Wei", "--file", "team.ron", "--out", "notes"],
        &[("HANDOVER_TODAY", Path::new(" 2027-01-05 "))],
    );
    assert_eq!(run.code(), 2, "a folder is not a file");
    assert!(
        run.stderr().contains("agenda-chen-wei-2027-01-05.md"),
        "{}",
        run.stderr()
    );
}

#[test]
fn commands_that_do_not_depend_on_the_date_ignore_a_bad_one() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run_with_env(
        &["path", "--file", "team.ron"],
        &[("HANDOVER_TODAY", Path::new("not a date"))],
    );
    assert_eq!(run.code(), 0, "{}", run.stderr());
}

#[test]
fn a_blank_handover_today_is_the_local_date() {
    let s = Sandbox::new();
    s.with_sample();
    std::fs::create_dir(s.path("notes")).unwrap();
    let run = s.run_with_env(
        &["agenda", "Chen Wei", "--file", "team.ron", "--out", "notes"],
        &[("HANDOVER_TODAY", Path::new("  "))],
    );
    let local = handover::today::local().to_string();
    assert!(
        run.stderr()
            .contains(&format!("agenda-chen-wei-{local}.md")),
        "{}",
        run.stderr()
    );
}
