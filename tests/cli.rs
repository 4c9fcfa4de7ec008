//! Every command through the real binary: exit codes, stdout vs stderr, and
//! the files left on disk.

mod support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use handover::sample::SAMPLE_RON;
use support::cli::Sandbox;

#[test]
fn path_prints_the_file_in_use_and_whether_it_exists() {
    let s = Sandbox::new();
    let run = s.run(&["path", "--file", "mine.ron"]);
    assert_eq!(run.code(), 0);
    // Absolute, whatever was given (SPEC §4).
    let mine = fs::canonicalize(s.dir.path()).unwrap().join("mine.ron");
    let config = s.path("config/handover");
    assert_eq!(
        run.stdout(),
        format!(
            "{}\n  (from --file; does not exist yet)\n{}\n  (the config folder: keys.ron, theme.ron, config.ron)\n",
            mine.display(),
            config.display()
        )
    );

    let team = s.with_sample();
    let run = s.run_with_env(&["path"], &[("HANDOVER_FILE", &team)]);
    assert!(
        run.stdout().contains("from $HANDOVER_FILE; exists"),
        "{}",
        run.stdout()
    );

    let run = s.run(&["path"]);
    let default = s.path("data/handover/team.ron");
    assert!(
        run.stdout().starts_with(&default.display().to_string()),
        "{}",
        run.stdout()
    );
}

#[test]
fn path_prints_the_config_folder_handover_config_dir_first() {
    let s = Sandbox::new();
    let mine = s.path("mine");
    let run = s.run_with_env(&["path"], &[("HANDOVER_CONFIG_DIR", &mine)]);
    let lines: Vec<String> = run.stdout().lines().map(String::from).collect();
    assert_eq!(lines[2], mine.display().to_string(), "{}", run.stdout());
    // Without it, $XDG_CONFIG_HOME/handover on every OS.
    let run = s.run(&["path"]);
    let lines: Vec<String> = run.stdout().lines().map(String::from).collect();
    assert_eq!(
        lines[2],
        s.path("config/handover").display().to_string(),
        "{}",
        run.stdout()
    );
}

#[test]
fn the_file_flag_works_before_or_after_the_command() {
    let s = Sandbox::new();
    s.with_sample();
    let before = s.run(&["--file", "team.ron", "check", "--json"]);
    let after = s.run(&["check", "--json", "--file", "team.ron"]);
    assert_eq!(before.code(), 1);
    assert_eq!(before.stdout(), after.stdout());
}

#[test]
fn init_writes_the_sample_owner_only_and_never_overwrites() {
    let s = Sandbox::new();
    let run = s.run(&["init"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(run.stdout(), "", "messages go to stderr");
    assert!(run.stderr().contains("Wrote the sample team"));
    let path = s.path("data/handover/team.ron");
    assert_eq!(fs::read_to_string(&path).unwrap(), SAMPLE_RON);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );

    fs::write(&path, "my own team").unwrap();
    let again = s.run(&["init"]);
    assert_eq!(again.code(), 2);
    assert!(
        again.stderr().contains("not overwritten"),
        "{}",
        again.stderr()
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "my own team");
}

#[test]
fn init_empty_writes_a_team_with_nobody_in_it_and_never_overwrites() {
    let s = Sandbox::new();
    let run = s.run(&["init", "--empty", "--file", "mine.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(run.stdout(), "");
    assert!(
        run.stderr().contains("Wrote an empty team"),
        "{}",
        run.stderr()
    );
    let team = handover::store::load(&s.path("mine.ron")).unwrap().team;
    assert_eq!(team, handover::model::Team::default());
    assert_eq!(team.version, 2);
    assert_eq!(
        fs::metadata(s.path("mine.ron"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    // Nothing of the sample in it, and `check` and `week` read it.
    assert!(!s.read("mine.ron").contains("Amina"));
    assert_eq!(s.run(&["check", "--file", "mine.ron"]).code(), 0);
    assert_eq!(s.run(&["week", "--file", "mine.ron"]).code(), 0);
    // A second init, empty or not, leaves the file as it is.
    s.write("mine.ron", "my own team");
    for args in [
        &["init", "--empty", "--file", "mine.ron"][..],
        &["init", "--file", "mine.ron"],
    ] {
        let again = s.run(args);
        assert_eq!(again.code(), 2);
        assert!(
            again.stderr().contains("not overwritten"),
            "{}",
            again.stderr()
        );
        assert_eq!(s.read("mine.ron"), "my own team");
    }
}

#[test]
fn check_groups_missions_by_verdict_worst_first() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run(&["check", "--file", "team.ron"]);
    assert_eq!(
        run.code(),
        1,
        "the sample has blocked, at-risk and unassigned missions"
    );
    assert_eq!(run.stderr(), "");
    let out = run.stdout();
    let order: Vec<usize> = [
        "BLOCKED (2)",
        "AT RISK (1)",
        "UNASSIGNED (2)",
        "STRETCH (1)",
        "READY (5)",
        "DONE (1)",
    ]
    .iter()
    .map(|h| out.find(h).unwrap_or_else(|| panic!("{h} missing:\n{out}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{out}");
    assert!(out.contains("      missing tool: vault access\n"));
    assert!(out.contains(
        "      skill react: needs 3, has 0 — not covered; a gap of 3 is too wide to pair: another owner, or learning first\n"
    ));
    // A mentor is never suggested for the wide react gap (SPEC §3), only for
    // the pairable typescript one.
    assert!(out.contains("→ pair with: Dana Kowalski — covers typescript\n"));
    assert!(!out.contains("covers react"), "{out}");
    // Delegation above what readiness supports says the suggestion.
    assert!(
        out.contains("delegation 5 Advise (suggested 4 Agree)"),
        "{out}"
    );
    assert!(out.contains(
        "abandonment risk: delegation 5 Advise while a skill gap is uncovered — at most 4 Agree until it is covered"
    ));
    assert!(out.contains("isolated"));
    assert!(out.contains("terraform: only Chen Wei is at level 3+"));
    assert!(
        !out.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn check_json_has_the_shape_of_the_spec() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run(&["check", "--json", "--file", "team.ron"]);
    assert_eq!(run.code(), 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    let missions = json["missions"].as_array().unwrap();
    assert_eq!(missions.len(), 12);
    // Field order as in the spec: each key appears after the one before.
    let first = run.stdout();
    let first = &first[..first.find("},{").unwrap()];
    let keys = [
        "title",
        "owner",
        "mentor",
        "status",
        "verdict",
        "goal_missing",
        "tool_gaps",
        "skill_gaps",
        "overloaded",
        "abandonment_risk",
        "micromanagement",
        "suggested_delegation",
        "uncoverable",
        "due",
        "due_in_days",
        "overdue",
        "due_soon",
        "check_in_due",
        "options",
        "suggested_mentors",
        "suggested_owners",
    ];
    let at: Vec<usize> = keys
        .iter()
        .map(|k| {
            first
                .find(&format!("\"{k}\":"))
                .unwrap_or_else(|| panic!("{k} missing"))
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{first}");
    let checkout = missions
        .iter()
        .find(|m| m["title"] == "Speed up the checkout page")
        .unwrap();
    assert_eq!(checkout["verdict"], "at_risk");
    assert_eq!(checkout["status"], "planned");
    assert_eq!(checkout["abandonment_risk"], true);
    assert_eq!(
        checkout["skill_gaps"][0],
        serde_json::json!({"skill": "observability", "need": 2, "have": 0, "wide": false, "covered_by": null})
    );
    let react = &checkout["skill_gaps"][1];
    assert_eq!(
        (&react["skill"], &react["wide"]),
        (&"react".into(), &true.into())
    );
    assert_eq!(react["covered_by"], serde_json::Value::Null);
    assert_eq!(checkout["suggested_delegation"], 4);
    assert_eq!(checkout["uncoverable"], serde_json::json!([]));
    assert_eq!(
        checkout["suggested_mentors"],
        serde_json::json!(["Dana Kowalski", "Chen Wei"])
    );
    let webhooks = missions.iter().find(|m| m["verdict"] == "stretch").unwrap();
    assert_eq!(webhooks["skill_gaps"][0]["covered_by"], "Amina Diallo");
    assert_eq!(webhooks["status"], "handed_over");
    let tokens = missions
        .iter()
        .find(|m| m["title"] == "Design tokens for the component library")
        .unwrap();
    assert_eq!(tokens["owner"], serde_json::Value::Null);
    assert_eq!(
        tokens["suggested_owners"],
        serde_json::json!(["Dana Kowalski", "Elif Şahin", "Hiro Tanaka"])
    );
    let chen = json["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Chen Wei")
        .unwrap();
    assert_eq!(
        *chen,
        serde_json::json!({"name": "Chen Wei", "load": 2, "capacity": 3, "mentoring": 0, "isolated": true,
            "cadence": 14, "last_one_on_one": null, "days_since": null, "one_on_one_due": true,
            "open_actions": 0, "overdue_actions": 0})
    );
    let terraform = json["skills"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["skill"] == "terraform")
        .unwrap();
    assert_eq!(
        *terraform,
        serde_json::json!({"skill": "terraform", "holders": 1, "single_point": true})
    );
}

#[test]
fn check_exits_zero_when_nothing_needs_attention() {
    let s = Sandbox::new();
    fs::write(
        s.path("ok.ron"),
        r#"(people: [(name: "A", skills: {"go": 3})],
            missions: [(title: "M", goal: "g", skills: {"go": 3}, owner: Some("A")),
                       (title: "Old", status: Done)])"#,
    )
    .unwrap();
    let run = s.run(&["check", "--file", "ok.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stdout());
    assert!(run.stdout().contains("READY (1)"));
}

#[test]
fn a_refused_file_exits_2_and_is_left_byte_for_byte() {
    let s = Sandbox::new();
    let text = "(\n  people: [(name: \"A\")],\n  missions: [(title: \"M\", owner: Some(\"a \"), mentor: Some(\"B\"))],\n  extra: 1,\n)";
    let path = s.path("bad.ron");
    fs::write(&path, text).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    for args in [
        vec!["check", "--file", "bad.ron"],
        vec!["check", "--json", "--file", "bad.ron"],
        vec!["agenda", "A", "--file", "bad.ron"],
    ] {
        let run = s.run(&args);
        assert_eq!(run.code(), 2, "{args:?}");
        assert_eq!(run.stdout(), "", "{args:?}: no data on a refused file");
        assert!(
            run.stderr()
                .contains("bad.ron:4:3: unknown field `extra` in the team"),
            "{}",
            run.stderr()
        );
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o644
    );
    assert_eq!(s.files(), ["bad.ron"], "no backup or temporary file");
}

#[test]
fn problems_of_meaning_are_each_reported() {
    let s = Sandbox::new();
    fs::write(
        s.path("bad.ron"),
        "(\n  people: [(name: \"Amina Diallo\")],\n  missions: [\n    (title: \"M\", owner: Some(\"Amina Dialo\")),\n    (title: \"N\", mentor: Some(\"Zed\")),\n  ],\n)",
    )
    .unwrap();
    let run = s.run(&["check", "--file", "bad.ron"]);
    assert_eq!(run.code(), 2);
    let err = run.stderr();
    assert!(
        err.contains("bad.ron:4: mission \"M\" has owner \"Amina Dialo\""),
        "{err}"
    );
    assert!(err.contains("did you mean \"Amina Diallo\"?"), "{err}");
    assert!(
        err.contains("bad.ron:5: mission \"N\" has mentor \"Zed\""),
        "{err}"
    );
    assert!(err.contains("2 problems found"), "{err}");
}

#[test]
fn a_missing_file_says_how_to_start() {
    let s = Sandbox::new();
    let run = s.run(&["check", "--file", "none.ron"]);
    assert_eq!(run.code(), 2);
    assert!(run.stderr().contains("handover init"), "{}", run.stderr());
    assert_eq!(s.files(), Vec::<String>::new());
}

#[test]
fn agenda_prints_markdown_for_a_person() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run(&["agenda", "farid haddad", "--file", "team.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let md = run.stdout();
    assert!(md.starts_with("# One-on-one: Farid Haddad\n"), "{md}");
    assert!(
        md.contains(
            "## Open actions\n\n- [ ] Read the idempotency RFC (agreed 2026-11-13; due 2026-11-27: overdue)\n"
        ),
        "{md}"
    );
    assert!(
        !md.contains("Book a weekly pairing slot"),
        "done actions are not open"
    );
    assert!(md.contains("### Add retries to the payment webhooks — stretch"));
    assert!(md.contains("- [ ] Check how pairing with Amina Diallo on rust and sql is going"));
    assert!(md.contains("## Turns to\n\n- Amina Diallo\n- Bruno Costa\n"));
}

#[test]
fn agenda_marks_the_managers_own_actions_and_what_is_overdue_on_today() {
    let s = Sandbox::new();
    s.with_sample();
    let md = s.run(&["agenda", "dana", "--file", "team.ron"]).stdout();
    assert!(
        md.contains(
            "## Open actions\n\n\
             - [ ] Pair with Elif on the colour contrast checks (agreed 2026-11-16; due 2026-12-04)\n\
             - [ ] Put Dana forward for the design guild (yours; agreed 2026-11-16)\n"
        ),
        "{md}"
    );
    // Before its due date, Farid's action is not overdue.
    let run = s.run_with_env(
        &["agenda", "farid", "--file", "team.ron"],
        &[("HANDOVER_TODAY", Path::new("2026-11-27"))],
    );
    assert!(
        run.stdout()
            .contains("- [ ] Read the idempotency RFC (agreed 2026-11-13; due 2026-11-27)\n"),
        "{}",
        run.stdout()
    );
}

#[test]
fn agenda_of_an_unknown_person_exits_2_with_a_did_you_mean() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run(&["agenda", "Hiro Tanka", "--file", "team.ron"]);
    assert_eq!(run.code(), 2);
    assert_eq!(run.stdout(), "");
    assert!(
        run.stderr().contains("did you mean \"Hiro Tanaka\"?"),
        "{}",
        run.stderr()
    );
}

#[test]
fn agenda_accepts_a_unique_first_name() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run(&["agenda", "chen", "--file", "team.ron"]);
    assert_eq!(run.code(), 0);
    assert!(run.stdout().starts_with("# One-on-one: Chen Wei"));
}

#[test]
fn agenda_out_writes_an_owner_only_file_and_never_overwrites_unless_forced() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run(&[
        "agenda", "Chen Wei", "--file", "team.ron", "--out", "chen.md",
    ]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(run.stdout(), "");
    let out = s.path("chen.md");
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .starts_with("# One-on-one: Chen Wei")
    );
    assert_eq!(
        fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o600
    );

    fs::write(&out, "my notes").unwrap();
    let again = s.run(&[
        "agenda", "Chen Wei", "--file", "team.ron", "--out", "chen.md",
    ]);
    assert_eq!(again.code(), 2);
    assert!(again.stderr().contains("--force"));
    assert_eq!(fs::read_to_string(&out).unwrap(), "my notes");

    let forced = s.run(&[
        "agenda", "Chen Wei", "--file", "team.ron", "--out", "chen.md", "--force",
    ]);
    assert_eq!(forced.code(), 0);
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .starts_with("# One-on-one")
    );
}

#[test]
fn demo_is_deterministic_per_seed_and_loads() {
    let s = Sandbox::new();
    let a = s.run(&["demo", "--people", "30", "--missions", "40", "--seed", "5"]);
    let b = s.run(&["demo", "--people", "30", "--missions", "40", "--seed", "5"]);
    let c = s.run(&["demo", "--people", "30", "--missions", "40", "--seed", "6"]);
    assert_eq!(a.code(), 0);
    assert_eq!(a.stdout(), b.stdout());
    assert_ne!(a.stdout(), c.stdout());
    fs::write(s.path("demo.ron"), a.stdout()).unwrap();
    let check = s.run(&["check", "--json", "--file", "demo.ron"]);
    assert_ne!(check.code(), 2, "{}", check.stderr());
    let json: serde_json::Value = serde_json::from_str(&check.stdout()).unwrap();
    assert_eq!(json["people"].as_array().unwrap().len(), 30);
    assert_eq!(json["missions"].as_array().unwrap().len(), 40);
}

#[test]
fn demo_refuses_a_team_of_nobody() {
    let s = Sandbox::new();
    let run = s.run(&["demo", "--people", "0", "--missions", "5"]);
    assert_eq!(run.code(), 2);
    assert_eq!(run.stdout(), "");
    assert!(
        run.stderr()
            .contains("--people 0: a team needs at least one person"),
        "{}",
        run.stderr()
    );
}

#[test]
fn demo_file_writes_the_team_there_and_never_overwrites() {
    let s = Sandbox::new();
    let args = ["demo", "--people", "12", "--missions", "20", "--seed", "4"];
    let printed = s.run(&args).stdout();
    let run = s.run(&[&args[..], &["--file", "demo.ron"]].concat());
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(run.stdout(), "", "written, not printed");
    assert!(
        run.stderr()
            .contains("Wrote a demo team (12 people, 20 missions, seed 4) to demo.ron"),
        "{}",
        run.stderr()
    );
    assert_eq!(s.read("demo.ron"), printed, "the same team as printed");
    assert_eq!(
        fs::metadata(s.path("demo.ron"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    s.write("demo.ron", "my own team");
    let again = s.run(&[&args[..], &["--file", "demo.ron"]].concat());
    assert_eq!(again.code(), 2);
    assert!(
        again.stderr().contains("not overwritten"),
        "{}",
        again.stderr()
    );
    assert_eq!(s.read("demo.ron"), "my own team");
}

#[test]
fn a_demo_team_is_dated_around_handover_today() {
    let s = Sandbox::new();
    let run = s.run(&["demo", "--people", "50", "--missions", "80"]);
    s.write("team.ron", &run.stdout());
    let team = s.team();
    let today: handover::model::Date = "2026-11-28".parse().unwrap();
    let happened = team
        .people
        .iter()
        .flat_map(|p| {
            p.log
                .iter()
                .map(|e| e.date)
                .chain(p.history.iter().map(|h| h.date))
        })
        .chain(
            team.missions
                .iter()
                .flat_map(|m| m.handed_over.into_iter().chain(m.completed)),
        );
    assert!(happened.into_iter().all(|d| d <= today));
    let week = s.run(&["week", "--json", "--file", "team.ron"]);
    let json: serde_json::Value = serde_json::from_str(&week.stdout()).unwrap();
    assert!(!json["one_on_ones_due"].as_array().unwrap().is_empty());
    assert!(!json["missions_due"].as_array().unwrap().is_empty());
}

#[test]
fn usage_errors_exit_2() {
    let s = Sandbox::new();
    let run = s.run(&["check", "--jsn"]);
    assert_eq!(run.code(), 2);
    assert!(
        run.stderr().contains("--json"),
        "clap suggests the flag: {}",
        run.stderr()
    );
    assert_eq!(s.run(&["demo", "--people", "3"]).code(), 2);
}

#[test]
fn the_app_without_a_terminal_says_so_and_exits_2() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run(&["--file", "team.ron"]);
    assert_eq!(run.code(), 2);
    assert!(
        run.stderr().contains("needs a terminal"),
        "{}",
        run.stderr()
    );
    assert_eq!(run.stdout(), "");
}

fn sample_without_owners(s: &Sandbox) -> PathBuf {
    let text = SAMPLE_RON
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("owner: Some") {
                "            owner: None,".to_string()
            } else if l.trim_start().starts_with("mentor: Some") {
                "            mentor: None,".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let path = s.path("open.ron");
    fs::write(&path, text + "\n").unwrap();
    path
}

#[test]
fn plan_prints_each_proposal_with_its_cost_and_gaps() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run(&["plan", "--file", "team.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let out = run.stdout();
    assert!(out.starts_with("OWNERS (2, total cost 5)\n"), "{out}");
    // As cheap as Elif, and Dana wants to grow in design (SPEC §3 growth).
    assert!(out.contains("  Design tokens for the component library → Dana Kowalski  (unassigned → stretch)\n      cost 1: design 2 of 3\n      a growth pick: they want to grow in design\n"), "{out}");
    // Every growth pick of the plan says so, and only they.
    let json = s.run(&["plan", "--json", "--file", "team.ron"]).stdout();
    let picks = json.matches("\"wants\":true").count();
    assert!(picks >= 1);
    assert_eq!(out.matches("a growth pick").count(), picks, "{out}");
    assert!(
        out.contains("      still at risk: skill machine learning: needs 3, has 1 — not covered"),
        "{out}"
    );
    assert!(out.contains("MENTORS (2)"), "{out}");
    assert_eq!(
        fs::read_to_string(s.path("team.ron")).unwrap(),
        SAMPLE_RON,
        "printing changes nothing"
    );
}

#[test]
fn plan_json_has_the_shape_of_the_spec() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run(&["plan", "--json", "--file", "team.ron"]);
    assert_eq!(run.code(), 0);
    let json: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "owners": [
                // Dana and Elif cost the same; Dana wants to grow in design.
                {"mission": "Design tokens for the component library", "person": "Dana Kowalski", "cost": 1, "wants": true},
                {"mission": "Churn prediction prototype", "person": "Grace Mensah", "cost": 4, "wants": true}
            ],
            "mentors": [
                {"mission": "Speed up the checkout page", "person": "Dana Kowalski", "covers": ["typescript"]},
                {"mission": "Design tokens for the component library", "person": "Elif Şahin", "covers": ["design"]}
            ],
            "unplaced": [],
            "total_cost": 5
        })
    );
}

#[test]
fn plan_apply_writes_the_proposals_with_a_backup() {
    let s = Sandbox::new();
    let path = sample_without_owners(&s);
    let before = fs::read_to_string(&path).unwrap();
    let run = s.run(&["plan", "--apply", "--file", "open.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(
        run.stdout().contains("Wrote 11 owners and 2 mentors into"),
        "{}",
        run.stdout()
    );
    assert_eq!(fs::read_to_string(s.path("open.ron.bak")).unwrap(), before);
    let team = handover::store::load(&path).unwrap().team;
    assert!(
        team.missions
            .iter()
            .filter(|m| m.is_active())
            .all(|m| m.owner.is_some())
    );
    // Applying again has nothing left to place.
    let again = s.run(&["plan", "--json", "--file", "open.ron"]);
    let json: serde_json::Value = serde_json::from_str(&again.stdout()).unwrap();
    assert_eq!(json["owners"], serde_json::json!([]));
}

#[test]
fn plan_reports_what_capacity_cannot_place() {
    let s = Sandbox::new();
    let path = sample_without_owners(&s);
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("capacity: 3,", "capacity: 1,")
        .replace("capacity: 2,", "capacity: 1,");
    fs::write(&path, text).unwrap();
    let run = s.run(&["plan", "--file", "open.ron"]);
    assert!(run.stdout().contains("UNPLACED (3)"), "{}", run.stdout());
    assert!(
        run.stdout()
            .contains("no capacity left (the team has 8 free places for 11 unassigned missions)"),
        "{}",
        run.stdout()
    );
}

#[test]
fn plan_on_a_refused_file_exits_2_and_writes_nothing() {
    let s = Sandbox::new();
    fs::write(s.path("bad.ron"), "(people: [(name: \"A\", capacty: 1)])").unwrap();
    let run = s.run(&["plan", "--apply", "--file", "bad.ron"]);
    assert_eq!(run.code(), 2);
    assert_eq!(s.files(), ["bad.ron"]);
}

#[test]
fn export_writes_the_skills_matrix_sorted_with_a_header() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run(&["export", "--csv", "--file", "team.ron"]);
    assert_eq!(run.code(), 0);
    let out = run.stdout();
    assert!(
        out.starts_with("person,skill,level\r\nAmina Diallo,architecture,3\r\n"),
        "{out}"
    );
    assert_eq!(
        out.lines().count(),
        1 + handover::sample::team()
            .people
            .iter()
            .map(|p| p.skills.len())
            .sum::<usize>()
    );
    let file = s.run(&[
        "export",
        "--csv",
        "--file",
        "team.ron",
        "--out",
        "skills.csv",
    ]);
    assert_eq!(file.code(), 0);
    assert_eq!(fs::read_to_string(s.path("skills.csv")).unwrap(), out);
    assert_eq!(
        fs::metadata(s.path("skills.csv"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    let again = s.run(&[
        "export",
        "--csv",
        "--file",
        "team.ron",
        "--out",
        "skills.csv",
    ]);
    assert_eq!(again.code(), 2, "never overwrites without --force");
    assert_eq!(
        s.run(&["export", "--file", "team.ron"]).code(),
        2,
        "--csv is required"
    );
}

#[test]
fn export_then_import_changes_nothing() {
    let s = Sandbox::new();
    s.with_sample();
    s.run(&[
        "export",
        "--csv",
        "--file",
        "team.ron",
        "--out",
        "skills.csv",
    ]);
    let run = s.run(&["import", "skills.csv", "--file", "team.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(
        run.stdout().starts_with("Nothing to change"),
        "{}",
        run.stdout()
    );
    assert_eq!(fs::read_to_string(s.path("team.ron")).unwrap(), SAMPLE_RON);
    assert!(!s.path("team.ron.bak").exists(), "nothing was written");
}

#[test]
fn a_spreadsheet_csv_imports_and_reports_what_changed() {
    let s = Sandbox::new();
    s.with_sample();
    fs::write(
        s.path("sheet.csv"),
        "\u{feff}Person,Skill,Level\r\n\"amina diallo\",RUST,2\r\n\"Hiro Tanaka\",\"react\",1\r\n\"Park, Zoë\",ux,3\r\n",
    )
    .unwrap();
    let run = s.run(&["import", "sheet.csv", "--add-people", "--file", "team.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let out = run.stdout();
    assert!(
        out.contains("  changed  Amina Diallo · rust 4 → 2\n"),
        "{out}"
    );
    assert!(
        out.contains("  changed  Hiro Tanaka · react 0 → 1\n"),
        "{out}"
    );
    assert!(out.contains("  new      Park, Zoë (ux 3)\n"), "{out}");
    assert_eq!(
        fs::read_to_string(s.path("team.ron.bak")).unwrap(),
        SAMPLE_RON
    );
    let team = handover::store::load(&s.path("team.ron")).unwrap().team;
    assert_eq!(team.people[0].skills["rust"], 2);
    assert_eq!(team.people.last().unwrap().name, "Park, Zoë");
    // Each change is in the history, dated today ($HANDOVER_TODAY).
    let last = team.people[0].history.last().unwrap();
    assert_eq!(
        (
            last.date.to_string().as_str(),
            last.skill.as_str(),
            last.level
        ),
        ("2026-11-28", "rust", 2)
    );
    let hiro = team
        .people
        .iter()
        .find(|p| p.name == "Hiro Tanaka")
        .unwrap();
    assert_eq!(hiro.history.len(), 1, "{:?}", hiro.history);
}

#[test]
fn a_wide_csv_imports_too() {
    let s = Sandbox::new();
    s.with_sample();
    fs::write(
        s.path("wide.csv"),
        "Name,rust,sql\r\nFarid Haddad,3,2\r\nGrace Mensah,,4\r\n",
    )
    .unwrap();
    let run = s.run(&["import", "wide.csv", "--file", "team.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let team = handover::store::load(&s.path("team.ron")).unwrap().team;
    let farid = team
        .people
        .iter()
        .find(|p| p.name == "Farid Haddad")
        .unwrap();
    assert_eq!((farid.skills["rust"], farid.skills["sql"]), (3, 2));
}

#[test]
fn a_bad_csv_is_refused_with_the_row_and_nothing_changes() {
    let s = Sandbox::new();
    s.with_sample();
    for (csv, expected) in [
        (
            "person,skill,level\nAmina Diallo,rust,9\n",
            "row 2, column level: \"9\" is not a level from 0 to 4",
        ),
        (
            "person,skill,level\nAmina Diallo,rust\n",
            "row 2: has 2 fields where the header has 3",
        ),
        (
            "person,skill,level\n,rust,1\n",
            "row 2, column person: is empty",
        ),
        ("skills\n", "row 1: the header must be"),
    ] {
        fs::write(s.path("bad.csv"), csv).unwrap();
        let run = s.run(&["import", "bad.csv", "--file", "team.ron"]);
        assert_eq!(run.code(), 2, "{csv}");
        assert!(run.stderr().contains(expected), "{csv}: {}", run.stderr());
        assert!(
            run.stderr().contains("nothing was imported"),
            "{}",
            run.stderr()
        );
        assert_eq!(fs::read_to_string(s.path("team.ron")).unwrap(), SAMPLE_RON);
        assert!(!s.path("team.ron.bak").exists());
    }
}

#[test]
fn import_without_a_team_file_starts_one() {
    let s = Sandbox::new();
    fs::write(s.path("sheet.csv"), "person,skill,level\nAmina,rust,4\n").unwrap();
    let run = s.run(&["import", "sheet.csv", "--file", "new.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(run.stdout().contains("(a new team file)"));
    let team = handover::store::load(&s.path("new.ron")).unwrap().team;
    assert_eq!(team.people[0].skills["rust"], 4);
}

// --- Dates (SPEC §3), counted from $HANDOVER_TODAY ---

fn check_json(s: &Sandbox, today: &str) -> serde_json::Value {
    let run = s.run_with_env(
        &["check", "--json", "--file", "team.ron"],
        &[("HANDOVER_TODAY", Path::new(today))],
    );
    assert_eq!(run.code(), 1, "{}", run.stderr());
    serde_json::from_str(&run.stdout()).unwrap()
}

fn named<'a>(list: &'a serde_json::Value, key: &str, name: &str) -> &'a serde_json::Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|m| m[key] == name)
        .unwrap_or_else(|| panic!("{name} missing"))
}

#[test]
fn check_json_counts_mission_dates_from_today() {
    let s = Sandbox::new();
    s.with_sample();
    let json = check_json(&s, "2026-11-28");
    let missions = &json["missions"];
    let dates = |title: &str| {
        let m = named(missions, "title", title);
        (
            m["due"].clone(),
            m["due_in_days"].clone(),
            m["overdue"].clone(),
            m["due_soon"].clone(),
            m["check_in_due"].clone(),
        )
    };
    use serde_json::json;
    assert_eq!(
        dates("Automate the quarterly revenue report"),
        (
            json!("2026-11-25"),
            json!(-3),
            json!(true),
            json!(false),
            json!(false)
        )
    );
    assert_eq!(
        dates("Rotate the TLS certificates"),
        (
            json!("2026-12-10"),
            json!(12),
            json!(false),
            json!(true),
            json!(false)
        )
    );
    assert_eq!(
        dates("Migrate billing to Postgres 16"),
        (
            json!("2027-03-01"),
            json!(93),
            json!(false),
            json!(false),
            json!(false)
        )
    );
    assert_eq!(
        dates("Add retries to the payment webhooks"),
        (
            json!("2027-01-15"),
            json!(48),
            json!(false),
            json!(false),
            json!(true)
        ),
        "handed over with its check-in on 2026-11-23"
    );
    assert_eq!(
        dates("Define the API versioning policy"),
        (
            json!(null),
            json!(null),
            json!(false),
            json!(false),
            json!(false)
        )
    );
    // Another day, other answers: nothing depends on the day the test runs.
    let json = check_json(&s, "2026-11-20");
    let tls = named(&json["missions"], "title", "Rotate the TLS certificates");
    assert_eq!(
        (tls["due_in_days"].clone(), tls["due_soon"].clone()),
        (json!(20), json!(false))
    );
    let webhooks = named(
        &json["missions"],
        "title",
        "Add retries to the payment webhooks",
    );
    assert_eq!(
        webhooks["check_in_due"], false,
        "the check-in is three days off"
    );
}

#[test]
fn a_done_missions_dates_are_null_and_false() {
    let s = Sandbox::new();
    s.write(
        "team.ron",
        r#"(version: 2, people: [(name: "A")], missions: [
            (title: "Old", owner: Some("A"), status: Done, due: Some("2026-11-01"),
             handed_over: Some("2026-10-01"), check_in: Some("2026-10-15"), completed: Some("2026-11-02")),
            (title: "Open")])"#,
    );
    let json = check_json(&s, "2026-11-28");
    let old = named(&json["missions"], "title", "Old");
    for (field, value) in [
        ("due", serde_json::Value::Null),
        ("due_in_days", serde_json::Value::Null),
        ("overdue", false.into()),
        ("due_soon", false.into()),
        ("check_in_due", false.into()),
    ] {
        assert_eq!(old[field], value, "{field}");
    }
}

#[test]
fn check_json_says_when_each_person_is_due_a_one_on_one() {
    let s = Sandbox::new();
    s.with_sample();
    let json = check_json(&s, "2026-11-28");
    let person = |name: &str| {
        let p = named(&json["people"], "name", name);
        [
            "cadence",
            "last_one_on_one",
            "days_since",
            "one_on_one_due",
            "open_actions",
            "overdue_actions",
        ]
        .map(|k| p[k].clone())
    };
    use serde_json::json;
    assert_eq!(
        person("Amina Diallo"),
        [
            json!(14),
            json!("2026-11-06"),
            json!(22),
            json!(true),
            json!(1),
            json!(1)
        ]
    );
    assert_eq!(
        person("Farid Haddad"),
        [
            json!(7),
            json!("2026-11-13"),
            json!(15),
            json!(true),
            json!(1),
            json!(1)
        ],
        "a weekly cadence"
    );
    assert_eq!(
        person("Dana Kowalski"),
        [
            json!(21),
            json!("2026-11-16"),
            json!(12),
            json!(false),
            json!(2),
            json!(0)
        ]
    );
    assert_eq!(
        person("Grace Mensah"),
        [
            json!(30),
            json!("2026-11-02"),
            json!(26),
            json!(false),
            json!(0),
            json!(0)
        ]
    );
    assert_eq!(
        person("Bruno Costa"),
        [
            json!(28),
            json!(null),
            json!(null),
            json!(true),
            json!(0),
            json!(0)
        ],
        "never met"
    );
}

#[test]
fn check_text_shows_what_is_late_and_who_is_due_a_one_on_one() {
    let s = Sandbox::new();
    s.with_sample();
    let out = s.run(&["check", "--file", "team.ron"]).stdout();
    for line in [
        "  Automate the quarterly revenue report — Grace Mensah · delegation 4 Agree · due 2026-11-25 (3 days late)\n",
        "  Rotate the TLS certificates — Chen Wei · delegation 5 Advise · due 2026-12-10 (in 12 days)\n",
        "due 2027-01-15 (in 48 days) · check-in due (2026-11-23)\n",
        "  Amina Diallo   owns 1/3  mentors 1/2  one-on-one due (last 22 days ago, every 14 days), 1 open action (1 overdue)\n",
        "  Bruno Costa    owns 1/2  mentors 0/3  one-on-one due (none yet, every 28 days)\n",
        "  Dana Kowalski  owns 1/3  mentors 0/2  last one-on-one 12 days ago, 2 open actions\n",
    ] {
        assert!(out.contains(line), "{line:?} in\n{out}");
    }
}

#[test]
fn a_bad_handover_today_is_refused() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run_with_env(
        &["check", "--file", "team.ron"],
        &[("HANDOVER_TODAY", Path::new("2026-13-01"))],
    );
    assert_eq!(run.code(), 2);
    assert!(
        run.stderr()
            .contains("HANDOVER_TODAY: \"2026-13-01\" is not a date like 2026-11-28"),
        "{}",
        run.stderr()
    );
}

// --- handover week (SPEC §4) ---

#[test]
fn week_lists_what_is_due_grouped_most_urgent_first() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run(&["week", "--file", "team.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(run.stderr(), "");
    let out = run.stdout();
    assert!(out.starts_with("Week of 2026-11-28\n"), "{out}");
    let order: Vec<usize> = [
        "\nONE-ON-ONES DUE (6)\n  Bruno Costa — none yet · every 28 days\n",
        "  Amina Diallo — last 2026-11-06, 22 days ago · every 14 days\n",
        "\nMISSIONS DUE (3)\n  Automate the quarterly revenue report — Grace Mensah · due 2026-11-25 (3 days late) · blocked\n",
        "  Rotate the TLS certificates — Chen Wei · due 2026-12-10 (in 12 days) · blocked\n",
        "\nCHECK-INS DUE (1)\n  Add retries to the payment webhooks — Farid Haddad · check-in 2026-11-23, 5 days ago\n",
        "\nOPEN ACTIONS (4)\n  Share the PG16 runbook — yours, with Amina Diallo · due 2026-11-20 (8 days late)\n",
        "  Put Dana forward for the design guild — yours, with Dana Kowalski · agreed 2026-11-16\n",
        "\nHANDED OVER AT RISK (1)\n  Add retries to the payment webhooks — Farid Haddad · handed over 2026-11-02 at risk, now stretch\n",
    ]
    .iter()
    .map(|l| out.find(l).unwrap_or_else(|| panic!("{l:?} missing in\n{out}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{out}");
    assert!(
        !out.contains("Grace Mensah —"),
        "Grace met 26 days ago on a 30-day cadence"
    );
    assert!(!out.contains("Migrate billing"), "due in 93 days");
    assert!(
        !out.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn week_json_has_the_shape_of_the_spec() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run(&["week", "--json", "--file", "team.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let json: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    use serde_json::json;
    assert_eq!(json["today"], "2026-11-28");
    let keys =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    let mut top = keys(&json);
    top.sort();
    assert_eq!(
        top,
        [
            "actions_open",
            "check_ins_due",
            "handed_over_at_risk",
            "missions_due",
            "one_on_ones_due",
            "today"
        ]
    );
    assert_eq!(
        json["one_on_ones_due"][4],
        json!({"person": "Amina Diallo", "last": "2026-11-06", "days_since": 22, "cadence": 14})
    );
    assert_eq!(
        json["one_on_ones_due"][0],
        json!({"person": "Bruno Costa", "last": null, "days_since": null, "cadence": 28})
    );
    assert_eq!(
        json["missions_due"][0],
        json!({"title": "Automate the quarterly revenue report", "owner": "Grace Mensah",
               "due": "2026-11-25", "due_in_days": -3, "verdict": "blocked"})
    );
    assert_eq!(
        json["check_ins_due"],
        json!([{"title": "Add retries to the payment webhooks", "owner": "Farid Haddad", "check_in": "2026-11-23"}])
    );
    assert_eq!(
        json["actions_open"][0],
        json!({"person": "Amina Diallo", "text": "Share the PG16 runbook", "since": "2026-11-06",
               "mine": true, "due": "2026-11-20", "overdue": true})
    );
    assert_eq!(
        json["actions_open"][3],
        json!({"person": "Dana Kowalski", "text": "Put Dana forward for the design guild",
               "since": "2026-11-16", "mine": true, "due": null, "overdue": false})
    );
    assert_eq!(
        json["handed_over_at_risk"],
        json!([{"title": "Add retries to the payment webhooks", "owner": "Farid Haddad", "handed_over": "2026-11-02"}])
    );
}

#[test]
fn week_follows_handover_today() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run_with_env(
        &["week", "--json", "--file", "team.ron"],
        &[("HANDOVER_TODAY", Path::new("2026-11-21"))],
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(json["today"], "2026-11-21");
    let due: Vec<(&str, i64)> = json["missions_due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["title"].as_str().unwrap(),
                m["due_in_days"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        due,
        [
            ("Automate the quarterly revenue report", 4),
            ("Load-test the payment API", 14)
        ],
        "the TLS certificates are 19 days off"
    );
    assert_eq!(
        json["check_ins_due"],
        serde_json::json!([]),
        "the check-in is two days off"
    );
}

#[test]
fn week_leaves_out_empty_groups_and_says_when_all_is_well() {
    let s = Sandbox::new();
    s.write(
        "team.ron",
        r#"(version: 2, people: [(name: "A", cadence: 7, log: [(date: "2026-11-25", actions: [(text: "x", done: true)])])],
            missions: [(title: "M", goal: "g", owner: Some("A"), due: Some("2027-01-30"))])"#,
    );
    let run = s.run(&["week", "--file", "team.ron"]);
    assert_eq!(run.code(), 0);
    assert_eq!(
        run.stdout(),
        "Week of 2026-11-28\n\nAll is well: no one-on-ones, deadlines, check-ins or action items are due.\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&s.run(&["week", "--json", "--file", "team.ron"]).stdout()).unwrap();
    for group in [
        "one_on_ones_due",
        "missions_due",
        "check_ins_due",
        "actions_open",
        "handed_over_at_risk",
    ] {
        assert_eq!(json[group], serde_json::json!([]), "{group}");
    }
    // Only what is due shows: one late mission, no other heading.
    s.write(
        "team.ron",
        r#"(people: [(name: "A", log: [(date: "2026-11-25")])],
            missions: [(title: "M", goal: "g", owner: Some("A"), due: Some("2026-11-27"))])"#,
    );
    let out = s.run(&["week", "--file", "team.ron"]).stdout();
    assert_eq!(
        out,
        "Week of 2026-11-28\n\nMISSIONS DUE (1)\n  M — A · due 2026-11-27 (1 day late) · ready\n"
    );
}

#[test]
fn week_shows_a_long_group_in_part_and_json_in_full() {
    let s = Sandbox::new();
    let people: Vec<String> = (0..25).map(|i| format!("(name: \"P{i}\")")).collect();
    s.write("team.ron", &format!("(people: [{}])", people.join(", ")));
    let out = s.run(&["week", "--file", "team.ron"]).stdout();
    assert!(out.contains("ONE-ON-ONES DUE (25)\n"), "{out}");
    assert_eq!(out.matches("none yet").count(), 20, "{out}");
    assert!(
        out.contains("  … and 5 more (handover week --json lists them all)\n"),
        "{out}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&s.run(&["week", "--json", "--file", "team.ron"]).stdout()).unwrap();
    assert_eq!(json["one_on_ones_due"].as_array().unwrap().len(), 25);
}

#[test]
fn week_on_a_bad_file_exits_2_and_leaves_it_alone() {
    let s = Sandbox::new();
    let text = "(people: [(name: \"A\", cadence: 0)])";
    s.write("team.ron", text);
    let run = s.run(&["week", "--file", "team.ron"]);
    assert_eq!(run.code(), 2);
    assert_eq!(run.stdout(), "");
    assert!(
        run.stderr().contains("cadence of 0 days"),
        "{}",
        run.stderr()
    );
    assert_eq!(s.read("team.ron"), text);
    assert_eq!(s.run(&["week", "--file", "missing.ron"]).code(), 2);
}

/// A team where Ana's agenda has every section: actions carried forward
/// (one of the manager's, overdue), what changed since the last one-on-one,
/// her missions, talking points, mentoring, who she turns to, past notes.
const EVERY_SECTION: &str = r#"(
    version: 2,
    people: [
        (name: "Ana", role: "Engineer", skills: {"sql": 3, "go": 4}, wants: ["ml"],
         turns_to: ["Ben"],
         history: [(date: "2026-06-01", skill: "sql", level: 2),
                   (date: "2026-10-15", skill: "sql", level: 3),
                   (date: "2026-11-20", skill: "go", level: 4)],
         log: [(date: "2026-06-01", note: "Earlier"),
               (date: "2026-09-01", note: "Wants to lead a migration",
                actions: [(text: "Share the runbook", mine: true, due: Some("2026-09-15")),
                          (text: "Draft the plan", due: Some("2026-12-04")),
                          (text: "Done already", done: true)])]),
        (name: "Ben", skills: {"sql": 1}),
    ],
    missions: [
        (title: "Migrate billing", goal: "PG16 by March", skills: {"sql": 3}, owner: Some("Ana"),
         delegation: Some(4), delegation_history: [(date: "2026-10-02", level: 3)],
         status: HandedOver, handed_over: Some("2026-09-20"), due: Some("2027-03-01")),
        (title: "Old report", goal: "g", owner: Some("Ana"), status: Done,
         handed_over: Some("2026-08-01"), completed: Some("2026-11-10")),
        (title: "Model", goal: "g", skills: {"ml": 1}),
        (title: "Go service", goal: "g", skills: {"go": 3}, owner: Some("Ben"), mentor: Some("Ana")),
    ],
)"#;

#[test]
fn the_agenda_opens_with_what_is_due_then_what_changed_since_last_time() {
    let s = Sandbox::new();
    s.write("team.ron", EVERY_SECTION);
    let run = s.run_with_env(
        &["agenda", "ana", "--file", "team.ron"],
        &[("HANDOVER_TODAY", Path::new("2026-11-28"))],
    );
    assert_eq!(run.code(), 0, "{}", run.stderr());
    insta::assert_snapshot!("agenda_every_section", run.stdout());
}

#[test]
fn check_says_what_it_takes_for_a_blocked_or_at_risk_mission() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run(&["check", "--json", "--file", "team.ron"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    let mission = |title: &str| {
        json["missions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["title"] == title)
            .unwrap()
            .clone()
    };
    // The react gap is too wide for a mentor: the way out is another owner
    // (Dana, at 3 in react and typescript) with Chen for observability.
    let checkout = mission("Speed up the checkout page");
    assert_eq!(
        checkout["options"][0],
        serde_json::json!({"verdict_after": "stretch", "changes": [
            {"kind": "owner", "person": "Dana Kowalski"},
            {"kind": "mentor", "person": "Chen Wei"}],
            "delegation_above_suggestion": false})
    );
    // Writing the goal down is all the revenue report takes.
    let report = mission("Automate the quarterly revenue report");
    assert_eq!(
        report["options"],
        serde_json::json!([{"verdict_after": "ready", "changes": [{"kind": "goal"}],
            "delegation_above_suggestion": false}])
    );
    // A missing tool names who holds it (nobody, in the sample).
    let tls = mission("Rotate the TLS certificates");
    assert_eq!(
        tls["options"][0]["changes"],
        serde_json::json!([{"kind": "tool", "tool": "vault access", "holders": []}])
    );
    // Ready and stretch missions have none.
    assert_eq!(
        mission("Add retries to the payment webhooks")["options"],
        serde_json::json!([])
    );
    let text = s.run(&["check", "--file", "team.ron"]).stdout();
    assert!(
        text.contains(
            "      → what it takes: hand it to Dana Kowalski; pair with Chen Wei → stretch\n"
        ),
        "{text}"
    );
}

#[test]
fn whatif_shows_what_changes_without_someone_and_changes_nothing() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run(&[
        "whatif",
        "--without",
        "chen wei",
        "--json",
        "--file",
        "team.ron",
    ]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let json: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(json["without"], "Chen Wei");
    assert_eq!(
        json["changed"],
        serde_json::json!([
            {"title": "Upgrade the staging cluster to Kubernetes 1.31", "before": "ready", "after": "unassigned"},
            {"title": "Rotate the TLS certificates", "before": "blocked", "after": "unassigned"}
        ])
    );
    // Chen was the only one at 3+ in terraform and observability.
    let points: Vec<&str> = json["single_points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        points.contains(&"terraform") && points.contains(&"observability"),
        "{points:?}"
    );
    let planned: Vec<&str> = json["plan"]["owners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["mission"].as_str().unwrap())
        .collect();
    assert_eq!(
        planned,
        [
            "Upgrade the staging cluster to Kubernetes 1.31",
            "Rotate the TLS certificates"
        ]
    );
    assert!(
        json["plan"]["owners"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["person"] != "Chen Wei")
    );
    assert_eq!(
        fs::read_to_string(s.path("team.ron")).unwrap(),
        SAMPLE_RON,
        "changes nothing"
    );
    let text = s
        .run(&["whatif", "--without", "CHEN", "--file", "team.ron"])
        .stdout();
    assert!(text.starts_with("Without Chen Wei:\n"), "{text}");
    assert!(
        text.contains("  Rotate the TLS certificates: blocked → unassigned\n"),
        "{text}"
    );
    assert!(
        text.contains("  terraform: nobody is at level 3+; needed by 2 active missions\n"),
        "{text}"
    );
    let unknown = s.run(&["whatif", "--without", "chn", "--file", "team.ron"]);
    assert_eq!(unknown.code(), 2);
    assert!(
        unknown.stderr().contains("did you mean \"Chen Wei\"?"),
        "{}",
        unknown.stderr()
    );
}

#[test]
fn completions_for_every_shell_come_from_the_command_definitions() {
    let s = Sandbox::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = s.run(&["completions", shell]);
        assert_eq!(run.code(), 0, "{shell}: {}", run.stderr());
        for command in ["agenda", "whatif", "week", "completions"] {
            assert!(run.stdout().contains(command), "{shell} lacks {command}");
        }
    }
    assert_ne!(
        s.run(&["completions", "tcsh"]).code(),
        0,
        "an unknown shell is refused"
    );
}

#[test]
fn bash_completes_people_from_the_team_for_agenda_and_whatif() {
    let s = Sandbox::new();
    let team = s.with_sample();
    let script = s.run(&["completions", "bash"]).stdout();
    let script_file = s.write("handover.bash", &script);
    let bin = Path::new(env!("CARGO_BIN_EXE_handover")).parent().unwrap();
    // As bash calls a completion function: the command, the word, the word before.
    let complete = |words: &[&str]| -> Vec<String> {
        let words_list: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
        let cword = words.len() - 1;
        let program = format!(
            "source '{}'; COMP_WORDS=({}); COMP_CWORD={cword}; \
             _handover_with_people handover '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script_file.display(),
            words_list.join(" "),
            words[cword],
            words[cword - 1],
        );
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(program)
            .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
            .env("HANDOVER_FILE", &team)
            .output()
            .expect("bash runs");
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect()
    };
    assert_eq!(complete(&["handover", "agenda", "El"]), ["Elif\\ Şahin"]);
    assert_eq!(
        complete(&["handover", "whatif", "--without", "Ch"]),
        ["Chen\\ Wei"]
    );
    assert_eq!(
        complete(&["handover", "ag"]),
        ["agenda"],
        "commands as before"
    );
}

#[test]
fn the_man_page_is_roff_from_the_same_definitions() {
    let s = Sandbox::new();
    let run = s.run(&["man"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let page = run.stdout();
    assert!(page.contains(".TH handover 1"), "{page}");
    for command in ["whatif", "week", "completions", "agenda"] {
        assert!(page.contains(command), "the man page lacks {command}");
    }
}

#[test]
fn names_lists_the_people_one_per_line() {
    let s = Sandbox::new();
    s.with_sample();
    let run = s.run(&["names", "--file", "team.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let names: Vec<String> = s.team().people.iter().map(|p| p.name.clone()).collect();
    assert_eq!(run.stdout().lines().collect::<Vec<_>>(), names);
}
