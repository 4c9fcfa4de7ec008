//! SPEC §2: finding, loading, validating and saving the team file.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use handover::model::{Mission, Team};
use handover::sample;
use handover::store::{self, LoadError, SaveError, backup_path, parse, to_ron};

fn problems(text: &str) -> Vec<String> {
    parse(text.as_bytes(), Path::new("team.ron"))
        .expect_err("the file should be refused")
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn the_spec_example_loads() {
    let text = r#"(
        version: 1,
        people: [(name: "Amina Diallo", role: "Backend engineer", skills: {"rust": 4, "sql": 3},
            tools: ["prod-db access"], capacity: 3, mentor_capacity: 2, turns_to: [],
            wants: ["kubernetes"],
            log: [(date: "2026-11-20", note: "Wants to lead a migration",
                   actions: [(text: "Share the PG16 runbook", done: false)])])],
        missions: [(title: "Migrate billing to Postgres 16", goal: "Billing runs on PG16",
            skills: {"sql": 3, "rust": 2}, tools: ["prod-db access"], owner: Some("Amina Diallo"),
            mentor: None, delegation: Some(4), delegation_history: [(date: "2026-10-02", level: 3)],
            status: Planned, due: Some("2027-03-01"), handed_over: None)],
    )"#;
    let team = parse(text.as_bytes(), Path::new("t.ron")).unwrap();
    assert_eq!(team.people[0].skills["rust"], 4);
    assert_eq!(team.missions[0].delegation, Some(4));
}

#[test]
fn every_field_but_name_and_title_has_a_default() {
    let team = parse(
        br#"(people: [(name: "A")], missions: [(title: "M")])"#,
        Path::new("t.ron"),
    )
    .unwrap();
    let a = &team.people[0];
    assert_eq!((a.capacity, a.mentor_capacity), (3, 2));
    assert!(a.skills.is_empty() && a.tools.is_empty() && a.log.is_empty());
    assert_eq!(a.cadence, 14);
    assert!(a.history.is_empty());
    assert_eq!(team.missions[0], Mission::titled("M"));
    assert_eq!(team.version, 2);
}

#[test]
fn a_missing_name_is_refused() {
    let all = problems(r#"(people: [(role: "x")])"#);
    assert_eq!(all.len(), 1);
    assert!(all[0].contains("name"), "{all:?}");
}

#[test]
fn a_syntax_error_gives_line_column_and_the_line() {
    let all = problems("(\n    people: [\n        (name: \"A\" role: \"x\"),\n    ],\n)");
    assert_eq!(all.len(), 1);
    let message = &all[0];
    assert!(message.starts_with("team.ron:3:"), "{message}");
    assert!(
        message.contains("(name: \"A\" role: \"x\")"),
        "shows the line: {message}"
    );
    assert!(message.contains('^'), "points at the column: {message}");
}

#[test]
fn an_unknown_field_is_named_with_its_line_and_a_did_you_mean() {
    let all = problems("(\n  people: [\n    (name: \"A\", skils: {\"rust\": 3}),\n  ],\n)");
    assert_eq!(all.len(), 1);
    assert!(all[0].starts_with("team.ron:3:"), "{}", all[0]);
    assert!(
        all[0].contains("unknown field `skils` in a person"),
        "{}",
        all[0]
    );
    assert!(all[0].contains("did you mean `skills`?"), "{}", all[0]);
}

#[test]
fn unknown_fields_are_refused_at_every_level() {
    for text in [
        r#"(version: 1, teams: [])"#,
        r#"(missions: [(title: "M", owners: None)])"#,
        r#"(people: [(name: "A", log: [(date: "2026-01-01", mood: "ok")])])"#,
        r#"(people: [(name: "A", log: [(date: "2026-01-01", actions: [(text: "x", priority: 1)])])])"#,
        r#"(people: [(name: "A", history: [(date: "2026-01-01", skill: "x", level: 1, why: "")])])"#,
        r#"(missions: [(title: "M", delegation_history: [(date: "2026-01-01", level: 3, by: "x")])])"#,
    ] {
        let all = problems(text);
        assert!(all[0].contains("unknown field"), "{text}: {all:?}");
    }
}

#[test]
fn a_skill_listed_twice_in_a_map_is_refused() {
    for skills in [r#"{"rust": 3, "rust": 4}"#, r#"{"rust": 3, " Rust": 4}"#] {
        let all = problems(&format!(r#"(people: [(name: "A", skills: {skills})])"#));
        assert!(all[0].contains("listed twice"), "{skills}: {all:?}");
    }
}

#[test]
fn a_newer_version_is_refused_before_anything_else() {
    // Unknown fields of the newer format must not hide the real reason.
    let all = problems("(\n  version: 3,\n  people: [(name: \"A\", pronouns: \"she\")],\n)");
    assert_eq!(all.len(), 1);
    assert!(all[0].starts_with("team.ron:2: "), "{}", all[0]);
    assert!(
        all[0].contains("newer handover (file version 3; this one reads versions 1 to 2)"),
        "{}",
        all[0]
    );
    assert!(problems("(version: 0)")[0].contains("version 0"));
}

#[test]
fn each_problem_of_meaning_gets_its_own_message_with_where_it_is() {
    let text = r#"(
    people: [
        (name: "Amina Diallo", skills: {"rust": 7}),
        (name: "amina diallo "),
    ],
    missions: [
        (title: "Ship", owner: Some("Amina Dialo")),
        (title: "Fix", owner: Some("Amina Diallo"), mentor: Some("Amina Diallo"), delegation: Some(9)),
    ],
)"#;
    let all = problems(text);
    assert_eq!(all.len(), 5, "{all:#?}");
    assert!(
        all[0].starts_with("team.ron:3: person \"Amina Diallo\" has skill \"rust\" at level 7")
    );
    assert!(all[1].starts_with("team.ron:4: person \"amina diallo \" appears twice"));
    assert!(all[2].starts_with("team.ron:7: mission \"Ship\" has owner \"Amina Dialo\""));
    assert!(all[2].contains("did you mean \"Amina Diallo\"?"));
    assert!(
        all[3].starts_with(
            "team.ron:8: mission \"Fix\" has \"Amina Diallo\" as both owner and mentor"
        )
    );
    assert!(all[4].contains("delegation level 9"));
}

#[test]
fn bad_dates_and_non_utf8_are_refused_with_a_position() {
    let all = problems(r#"(missions: [(title: "M", due: Some("2027-02-30"))])"#);
    assert!(all[0].starts_with("team.ron:1:"), "{all:?}");
    let refused = parse(b"(people: [(name: \"\xff\")])", Path::new("team.ron")).unwrap_err();
    assert_eq!(refused[0].line, Some(1));
    assert!(refused[0].message.contains("UTF-8"));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    assert!(parse("\u{feff}(people: [])".as_bytes(), Path::new("t.ron")).is_ok());
}

#[test]
fn the_sample_is_stored_in_the_layout_handover_saves() {
    assert_eq!(to_ron(&sample::team()), sample::SAMPLE_RON);
}

#[test]
fn saving_is_deterministic_and_round_trips() {
    let team = sample::team();
    let text = to_ron(&team);
    assert_eq!(to_ron(&team), text);
    let again = parse(text.as_bytes(), Path::new("t.ron")).unwrap();
    assert_eq!(again, team);
}

#[test]
fn changing_one_field_changes_one_line() {
    let team = sample::team();
    let before = to_ron(&team);
    let edits: Vec<fn(&mut Team)> = vec![
        |t| t.people[0].capacity = 9,
        |t| *t.people[1].skills.get_mut("rust").unwrap() = 2,
        |t| t.missions[3].mentor = Some("Bruno Costa".into()),
        |t| t.people[0].log[0].actions[0].done = true,
        |t| t.missions[0].status = handover::model::Status::Done,
    ];
    for edit in edits {
        let mut changed = team.clone();
        edit(&mut changed);
        let after = to_ron(&changed);
        let differing = before
            .lines()
            .zip(after.lines())
            .filter(|(a, b)| a != b)
            .count();
        assert_eq!(before.lines().count(), after.lines().count());
        assert_eq!(differing, 1);
    }
}

fn saved_sample(dir: &Path) -> (std::path::PathBuf, store::Baseline) {
    let path = dir.join("team.ron");
    let baseline = store::create_new(&path, &sample::team()).unwrap();
    (path, baseline)
}

#[test]
fn saving_keeps_a_backup_and_writes_owner_only_files() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved_sample(dir.path());
    let old = fs::read(&path).unwrap();
    let loaded = store::load(&path).unwrap();
    let mut team = loaded.team;
    team.people[0].role = "Tech lead".into();
    store::save(&path, &team, &loaded.baseline).unwrap();
    assert_eq!(fs::read(backup_path(&path)).unwrap(), old);
    assert_eq!(store::load(&path).unwrap().team, team);
    for file in [&path, &backup_path(&path)] {
        let mode = fs::metadata(file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", file.display());
    }
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "no temporary files left: {leftovers:?}");
}

#[test]
fn saving_twice_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (path, baseline) = saved_sample(dir.path());
    let first = fs::read(&path).unwrap();
    let baseline = store::save(&path, &sample::team(), &baseline)
        .unwrap()
        .baseline;
    store::save(&path, &sample::team(), &baseline).unwrap();
    assert_eq!(fs::read(&path).unwrap(), first);
}

#[test]
fn a_file_changed_on_disk_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let (path, baseline) = saved_sample(dir.path());
    let theirs = fs::read_to_string(&path).unwrap().replace("Amina", "Anima");
    fs::write(&path, &theirs).unwrap();
    let err = store::save(&path, &Team::default(), &baseline).unwrap_err();
    assert!(matches!(err, SaveError::ChangedOnDisk(_)), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
    assert!(!backup_path(&path).exists());
}

#[test]
fn a_same_size_same_time_change_is_caught_by_the_hash() {
    let dir = tempfile::tempdir().unwrap();
    let (path, baseline) = saved_sample(dir.path());
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    let theirs = fs::read_to_string(&path).unwrap().replace("Amina", "Anima");
    fs::write(&path, &theirs).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let err = store::save(&path, &Team::default(), &baseline).unwrap_err();
    assert!(matches!(err, SaveError::ChangedOnDisk(_)), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
}

#[test]
fn a_file_deleted_on_disk_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (path, baseline) = saved_sample(dir.path());
    fs::remove_file(&path).unwrap();
    let err = store::save(&path, &Team::default(), &baseline).unwrap_err();
    assert!(matches!(err, SaveError::DeletedOnDisk(_)), "{err}");
    assert!(!path.exists());
}

#[test]
fn create_new_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.ron");
    fs::write(&path, "mine").unwrap();
    let err = store::create_new(&path, &sample::team()).unwrap_err();
    assert!(matches!(err, SaveError::Exists(_)));
    assert_eq!(fs::read_to_string(&path).unwrap(), "mine");
}

#[test]
fn create_new_makes_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/team.ron");
    store::create_new(&path, &sample::team()).unwrap();
    assert_eq!(store::load(&path).unwrap().team, sample::team());
}

#[test]
fn saving_through_a_symlink_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let (real, baseline) = saved_sample(dir.path());
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let mut team = sample::team();
    team.people[0].capacity = 1;
    store::save(&link, &team, &baseline).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(store::load(&real).unwrap().team, team);
}

#[test]
fn load_reports_a_missing_file_and_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        store::load(&dir.path().join("none.ron")),
        Err(LoadError::Missing(_))
    ));
    assert!(matches!(
        store::load(dir.path()),
        Err(LoadError::NotRegular { .. })
    ));
}

#[test]
fn a_refused_load_names_the_file_and_the_count() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.ron");
    fs::write(
        &path,
        r#"(missions: [(title: "A", owner: Some("X")), (title: "a")])"#,
    )
    .unwrap();
    let message = store::load(&path).unwrap_err().to_string();
    assert!(message.contains(&path.display().to_string()));
    assert!(
        message.ends_with("2 problems found; the file was not changed."),
        "{message}"
    );
}

#[test]
fn a_file_with_a_megabyte_name_is_refused_quickly_with_a_short_message() {
    let big = "x".repeat(1 << 20);
    let text = format!(
        "(people: [(name: \"{big}\")], missions: [(title: \"m\", tools: [{}])])",
        "\"t\",".repeat(100_000)
    );
    let problems = parse(text.as_bytes(), Path::new("big.ron")).unwrap_err();
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("has a name of 1048576 characters; at most 200"));
    assert!(messages[1].contains("has 100000 tools; at most 500"));
    assert!(
        messages.iter().all(|m| m.len() < 300),
        "messages stay short"
    );
}

#[test]
fn temporaries_an_interrupted_save_left_are_removed_once_stale() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join(".handover-abc123.tmp");
    let fresh = dir.path().join(".handover-def456.tmp");
    let other = dir.path().join("notes.tmp");
    for file in [&old, &fresh, &other] {
        fs::write(file, "x").unwrap();
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    for file in [&old, &other] {
        fs::File::options()
            .write(true)
            .open(file)
            .unwrap()
            .set_modified(two_hours_ago)
            .unwrap();
    }
    assert_eq!(store::remove_stale_temporaries(dir.path()), 1);
    assert!(!old.exists());
    assert!(fresh.exists(), "a save may be writing it right now");
    assert!(other.exists(), "not ours");
}

// --- File version 2 (SPEC §2) ---

/// A file the version-1 app wrote: a mission sent back to `Planned` kept
/// its hand-over date.
const VERSION_1: &str = r#"(
    version: 1,
    people: [
        (name: "Amina Diallo", skills: {"sql": 3},
         log: [(date: "2026-11-06", note: "", actions: [(text: "Share the runbook", done: false)])]),
    ],
    missions: [
        (title: "Ship", owner: Some("Amina Diallo"), status: Planned, handed_over: Some("2026-10-01")),
        (title: "Run", owner: Some("Amina Diallo"), status: HandedOver, handed_over: Some("2026-11-02")),
    ],
)"#;

#[test]
fn a_version_1_file_opens_and_is_written_as_version_2_at_its_first_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.ron");
    fs::write(&path, VERSION_1).unwrap();
    let loaded = store::load(&path).unwrap();
    let team = &loaded.team;
    assert_eq!(team.version, 2);
    assert_eq!(team.people[0].cadence, 14);
    assert!(!team.people[0].log[0].actions[0].mine);
    assert_eq!(team.people[0].log[0].actions[0].due, None);
    assert_eq!(
        team.missions[0].handed_over, None,
        "the stale hand-over date of a planned mission is cleared"
    );
    assert_eq!(
        team.missions[1].handed_over,
        Some("2026-11-02".parse().unwrap()),
        "a handed-over mission keeps its date"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        VERSION_1,
        "opening writes nothing"
    );
    store::save(&path, team, &loaded.baseline).unwrap();
    let saved = fs::read_to_string(&path).unwrap();
    assert!(saved.starts_with("(\n    version: 2,\n"), "{saved}");
    assert!(!saved.contains("2026-10-01"), "{saved}");
    assert_eq!(parse(saved.as_bytes(), Path::new("t.ron")).unwrap(), *team);
}

#[test]
fn a_newer_file_is_never_opened() {
    let all = problems("(version: 3, people: [])");
    assert_eq!(all.len(), 1);
    assert!(all[0].contains("written by a newer handover"), "{}", all[0]);
    assert!(all[0].contains("not opened or re-saved"), "{}", all[0]);
}

#[test]
fn the_fields_of_version_2_round_trip_one_per_line() {
    let text = r#"(
    version: 2,
    people: [(name: "A", cadence: 7,
        history: [(date: "2026-06-01", skill: "sql", level: 2), (date: "2026-11-20", skill: "sql", level: 3)],
        log: [(date: "2026-11-20", actions: [
            (text: "Mine", done: false, mine: true, due: Some("2026-12-04")),
            (text: "Theirs", done: true)])])],
    missions: [
        (title: "Out", owner: Some("A"), status: HandedOver, handed_over: Some("2026-11-02"),
         handed_over_as: Some(AtRisk), check_in: Some("2026-11-16")),
        (title: "Finished", status: Done, handed_over: Some("2026-09-01"),
         handed_over_as: Some(Ready), completed: Some("2026-10-30")),
    ],
)"#;
    let team = parse(text.as_bytes(), Path::new("t.ron")).unwrap();
    let a = &team.people[0];
    assert_eq!(a.cadence, 7);
    assert_eq!(a.history.len(), 2);
    assert_eq!(
        (a.history[1].skill.as_str(), a.history[1].level),
        ("sql", 3)
    );
    let actions = &a.log[0].actions;
    assert!(actions[0].mine && !actions[1].mine);
    assert_eq!(actions[0].due, Some("2026-12-04".parse().unwrap()));
    assert_eq!(
        team.missions[0].handed_over_as,
        Some(handover::model::Verdict::AtRisk)
    );
    assert_eq!(
        team.missions[1].completed,
        Some("2026-10-30".parse().unwrap())
    );
    let saved = to_ron(&team);
    assert_eq!(to_ron(&team), saved, "the same bytes twice");
    assert_eq!(parse(saved.as_bytes(), Path::new("t.ron")).unwrap(), team);
    for line in [
        "            cadence: 7,",
        "                (date: \"2026-11-20\", skill: \"sql\", level: 3),",
        "                        (text: \"Mine\", done: false, mine: true, due: Some(\"2026-12-04\")),",
        "                        (text: \"Theirs\", done: true),",
        "            handed_over_as: Some(AtRisk),",
        "            check_in: Some(\"2026-11-16\"),",
        "            completed: Some(\"2026-10-30\"),",
    ] {
        assert!(saved.lines().any(|l| l == line), "{line:?} in\n{saved}");
    }
}

#[test]
fn a_cadence_out_of_range_is_refused_naming_the_person() {
    for cadence in [0, 366] {
        let all = problems(&format!(
            "(\n  people: [\n    (name: \"Amina\",\n     cadence: {cadence}),\n  ],\n)"
        ));
        assert_eq!(all.len(), 1, "{all:?}");
        assert!(
            all[0].starts_with(&format!(
                "team.ron:4: person \"Amina\" has a one-on-one cadence of {cadence} days, out of range"
            )),
            "{}",
            all[0]
        );
        assert!(all[0].contains("from 1 to 365"), "{}", all[0]);
    }
    for cadence in [1, 365] {
        let text = format!("(people: [(name: \"Amina\", cadence: {cadence})])");
        let team = parse(text.as_bytes(), Path::new("t.ron")).unwrap();
        assert_eq!(team.people[0].cadence, cadence);
    }
}

#[test]
fn a_skill_level_out_of_range_in_the_history_is_refused() {
    let all = problems(
        r#"(people: [(name: "A", history: [(date: "2026-01-01", skill: "sql", level: 5)])])"#,
    );
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(
        all[0].contains("person \"A\" has skill \"sql\" at level 5 in its history (2026-01-01)"),
        "{}",
        all[0]
    );
}

#[test]
fn a_version_2_file_breaking_the_status_rules_is_refused_naming_mission_and_field() {
    for (status, field, value, says) in [
        (
            "Planned",
            "handed_over",
            r#"Some("2026-10-01")"#,
            "is planned but has `handed_over`",
        ),
        (
            "Planned",
            "handed_over_as",
            "Some(AtRisk)",
            "is planned but has `handed_over_as`",
        ),
        (
            "Planned",
            "check_in",
            r#"Some("2026-12-01")"#,
            "is planned but has `check_in`",
        ),
        (
            "Planned",
            "completed",
            r#"Some("2026-12-01")"#,
            "is not done but has `completed`",
        ),
        (
            "HandedOver",
            "completed",
            r#"Some("2026-12-01")"#,
            "is not done but has `completed`",
        ),
    ] {
        let text = format!(
            "(\n  version: 2,\n  missions: [\n    (title: \"Ship\",\n     status: {status},\n     {field}: {value}),\n  ],\n)"
        );
        let all = problems(&text);
        assert_eq!(all.len(), 1, "{all:?}");
        assert!(
            all[0].starts_with(&format!("team.ron:6: mission \"Ship\" {says}")),
            "{status} {field}: {}",
            all[0]
        );
    }
    // The same fields where the status allows them.
    let ok = r#"(version: 2, missions: [
        (title: "A", status: HandedOver, handed_over: Some("2026-10-01"), handed_over_as: Some(Blocked), check_in: Some("2026-10-15")),
        (title: "B", status: Done, handed_over: Some("2026-10-01"), completed: Some("2026-11-01")),
    ])"#;
    assert!(parse(ok.as_bytes(), Path::new("t.ron")).is_ok());
}
