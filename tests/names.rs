//! Names as SPEC §2 compares them (NFC, full case folding, no invisible
//! characters; accents ignored when looking a person up), the import's
//! matching (§4), and messages that quote file data: sanitised, cut to a
//! readable length, on the line of the field at fault.

mod support;

use handover::sample::SAMPLE_RON;
use support::cli::Sandbox;

const NFC: &str = "Jos\u{e9} N\u{fa}\u{f1}ez";
const NFD: &str = "Jose\u{301} Nu\u{301}n\u{303}ez";

/// Fails if anything that could act on a terminal is in the text.
fn assert_inert(text: &str) {
    for c in text.chars() {
        let bad = (c.is_control() && c != '\n')
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        assert!(!bad, "a raw {c:?} in {text:?}");
    }
}

fn one_person_team(name: &str) -> String {
    format!(
        "(\n    people: [\n        (\n            name: \"{name}\",\n            skills: {{\"rust\": 3}},\n        ),\n    ],\n    missions: [],\n)\n"
    )
}

// Item 14: names that look the same are the same person.

#[test]
fn a_name_in_nfd_in_the_file_and_nfc_in_a_csv_is_one_person() {
    let s = Sandbox::new();
    s.write("team.ron", &one_person_team(NFD));
    s.write("skills.csv", &format!("person,skill,level\n{NFC},go,2\n"));
    let run = s.run(&["import", "skills.csv", "--file", "team.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(run.stdout().contains("  added    "), "{}", run.stdout());
    assert!(!run.stdout().contains("new "), "{}", run.stdout());
    let team = s.team();
    assert_eq!(team.people.len(), 1);
    assert_eq!(team.people[0].name, NFD, "the file's spelling is kept");
    assert_eq!(team.people[0].skills["go"], 2);
}

#[test]
fn an_owner_typed_in_nfc_is_the_person_written_in_nfd() {
    let s = Sandbox::new();
    s.write(
        "team.ron",
        &format!(
            "(people: [(name: \"{NFD}\", skills: {{\"rust\": 4}}), (name: \"Bruno\", skills: {{\"rust\": 2}})],\n missions: [(title: \"Ship\", goal: \"g\", skills: {{\"rust\": 3}}, owner: Some(\"Bruno\"), mentor: Some(\"{NFC}\"))])"
        ),
    );
    let run = s.run(&["check", "--json", "--file", "team.ron"]);
    assert_ne!(run.code(), 2, "{}", run.stderr());
    let json: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    let mission = &json["missions"][0];
    assert_eq!(mission["verdict"], "stretch", "{mission}");
    assert_eq!(mission["skill_gaps"][0]["covered_by"], NFD);
    assert_eq!(json["people"].as_array().unwrap().len(), 2);
}

#[test]
fn names_equal_after_case_folding_are_refused_as_twice_the_same_person() {
    let s = Sandbox::new();
    s.write(
        "team.ron",
        "(\n  people: [\n    (name: \"Straße\"),\n    (name: \"STRASSE\"),\n  ],\n)",
    );
    let run = s.run(&["check", "--file", "team.ron"]);
    assert_eq!(run.code(), 2);
    assert!(
        run.stderr()
            .contains("team.ron:4: person \"STRASSE\" appears twice (also as \"Straße\")"),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_zero_width_character_in_a_name_is_refused_on_its_line() {
    let s = Sandbox::new();
    s.write(
        "team.ron",
        "(\n  people: [\n    (name: \"Anna\"),\n    (\n      role: \"x\",\n      name: \"An\u{200d}na\",\n    ),\n  ],\n  missions: [(title: \"Ship\", tools: [\"vault\u{202e}\"])],\n)",
    );
    let run = s.run(&["check", "--file", "team.ron"]);
    assert_eq!(run.code(), 2);
    let err = run.stderr();
    assert!(
        err.contains(
            "team.ron:6: person \"An\\u{200d}na\" has an invisible character (U+200D) in the name"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "team.ron:9: mission \"Ship\" has an invisible character (U+202E) in the tool"
        ),
        "{err}"
    );
    assert!(err.contains("zero-width"), "{err}");
    assert_inert(&err);
}

#[test]
fn agenda_finds_a_person_without_their_accents() {
    let s = Sandbox::new();
    s.write("team.ron", SAMPLE_RON);
    for query in ["sahin", "Elif Sahin", "ELIF ŞAHIN"] {
        let run = s.run(&["agenda", query, "--file", "team.ron"]);
        assert_eq!(run.code(), 0, "{query}: {}", run.stderr());
        assert!(
            run.stdout().starts_with("# One-on-one: Elif Şahin\n"),
            "{query}"
        );
    }
}

#[test]
fn agenda_without_accents_that_fits_two_people_asks_which() {
    let s = Sandbox::new();
    s.write(
        "team.ron",
        "(people: [(name: \"René Roy\"), (name: \"Rene Roy\"), (name: \"Anna\")])",
    );
    let run = s.run(&["agenda", "René Roy", "--file", "team.ron"]);
    assert_eq!(run.code(), 0, "the exact name wins: {}", run.stderr());
    assert!(run.stdout().starts_with("# One-on-one: René Roy\n"));
    let run = s.run(&["agenda", "Rêne Roy", "--file", "team.ron"]);
    assert_eq!(run.code(), 2);
    assert!(
        run.stderr().contains("matches 2 people"),
        "{}",
        run.stderr()
    );
}

// Item 15: the import matches people and skills as §2 says.

#[test]
fn import_refuses_a_misspelt_name_with_a_did_you_mean() {
    let s = Sandbox::new();
    s.write("team.ron", SAMPLE_RON);
    s.write(
        "skills.csv",
        "person,skill,level\nAmina Dialo,go,3\nHiro Tanaka,go,1\n",
    );
    let run = s.run(&["import", "skills.csv", "--file", "team.ron"]);
    assert_eq!(run.code(), 2, "{}", run.stdout());
    let err = run.stderr();
    assert!(
        err.contains("skills.csv: row 2, column person: \"Amina Dialo\" is not a person of this team (did you mean \"Amina Diallo\"?)"),
        "{err}"
    );
    assert!(err.contains("--add-people"), "{err}");
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(run.stdout(), "");
    assert_eq!(s.read("team.ron"), SAMPLE_RON);
    assert!(!s.path("team.ron.bak").exists());
}

#[test]
fn import_adds_unknown_people_only_when_asked() {
    let s = Sandbox::new();
    s.write("team.ron", SAMPLE_RON);
    s.write("skills.csv", "person,skill,level\nZoë Park,ux,3\n");
    let run = s.run(&["import", "skills.csv", "--add-people", "--file", "team.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(
        run.stdout().contains("  new      Zoë Park (ux 3)\n"),
        "{}",
        run.stdout()
    );
    assert_eq!(s.team().people.last().unwrap().name, "Zoë Park");
}

#[test]
fn import_dry_run_shows_what_would_change_and_writes_nothing() {
    let s = Sandbox::new();
    s.write("team.ron", SAMPLE_RON);
    s.write(
        "skills.csv",
        "person,skill,level\namina diallo,RUST,2\nZoë Park,ux,3\n",
    );
    let run = s.run(&[
        "import",
        "skills.csv",
        "--dry-run",
        "--add-people",
        "--file",
        "team.ron",
    ]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let out = run.stdout();
    assert!(out.contains("would change"), "{out}");
    assert!(
        out.contains("  changed  Amina Diallo · rust 4 → 2\n"),
        "{out}"
    );
    assert!(out.contains("  new      Zoë Park (ux 3)\n"), "{out}");
    assert!(out.contains("nothing was written"), "{out}");
    assert_eq!(s.read("team.ron"), SAMPLE_RON);
    assert!(!s.path("team.ron.bak").exists());

    // A dry run also reports what a real import would refuse.
    let run = s.run(&["import", "skills.csv", "--dry-run", "--file", "team.ron"]);
    assert_eq!(run.code(), 2);
    assert!(run.stderr().contains("\"Zoë Park\" is not a person"));
}

#[test]
fn import_finds_a_person_written_without_accents() {
    let s = Sandbox::new();
    s.write("team.ron", SAMPLE_RON);
    s.write("skills.csv", "person,skill,level\nelif sahin,go,2\n");
    let run = s.run(&["import", "skills.csv", "--file", "team.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(
        run.stdout().contains("  added    Elif Şahin · go 2\n"),
        "{}",
        run.stdout()
    );
    let team = s.team();
    let elif = team.people.iter().find(|p| p.name == "Elif Şahin").unwrap();
    assert_eq!(elif.skills["go"], 2);
}

#[test]
fn an_imported_skill_takes_the_existing_spelling() {
    let s = Sandbox::new();
    s.write(
        "team.ron",
        "(people: [(name: \"Amina\", skills: {\"sql\": 3}), (name: \"Bruno\")],\n missions: [(title: \"CV\", skills: {\"Résumé writing\": 2})])",
    );
    s.write(
        "skills.csv",
        "person,skill,level\nBruno,SQL,2\nBruno,resume WRITING,1\nAmina,Sql,4\n",
    );
    let run = s.run(&["import", "skills.csv", "--file", "team.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let out = run.stdout();
    assert!(out.contains("  added    Bruno · sql 2\n"), "{out}");
    assert!(
        out.contains("  added    Bruno · Résumé writing 1\n"),
        "{out}"
    );
    assert!(out.contains("  changed  Amina · sql 3 → 4\n"), "{out}");
    let team = s.team();
    let skills: Vec<&String> = team.people[1].skills.keys().collect();
    assert_eq!(skills, ["Résumé writing", "sql"]);
}

// Item 16: CSV messages quote their data sanitised and cut.

#[test]
fn csv_errors_never_print_escape_sequences_from_the_file() {
    let s = Sandbox::new();
    s.write("team.ron", SAMPLE_RON);
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}";
    let long = "x".repeat(100_000);
    s.write(
        "bad.csv",
        &format!(
            "person,skill,level\nAmina Diallo,rust,{evil}\nAmina Diallo,go,{long}\nNobody{evil},go,1\nAmina Diallo,r{evil},1\nAmina Diallo,{long},1\nAmina Diallo,{long},2\n"
        ),
    );
    let run = s.run(&["import", "bad.csv", "--file", "team.ron"]);
    assert_eq!(run.code(), 2);
    let err = run.stderr();
    assert_inert(&err);
    assert!(
        err.contains("row 2, column level: \"\\u{1b}]0;pwned"),
        "{err}"
    );
    assert!(
        err.contains("… (100000 characters) is not a level"),
        "{err}"
    );
    assert!(err.len() < 2_000, "{} bytes of error", err.len());
    assert!(
        err.contains("row 5, column skill: \"r\\u{1b}]0;pwned"),
        "{err}"
    );
    assert!(
        err.contains("row 7: Amina Diallo / xxxxxxxx"),
        "a duplicate quotes its cells cut: {err}"
    );

    // A skill column named with an escape sequence, and a wide file.
    s.write(
        "wide.csv",
        &format!("person,rust,{evil},Rust\nAmina Diallo,1,2,9\n"),
    );
    let run = s.run(&["import", "wide.csv", "--file", "team.ron"]);
    assert_eq!(run.code(), 2);
    assert_inert(&run.stderr());
    assert!(
        run.stderr().contains("invisible character"),
        "{}",
        run.stderr()
    );
}

// Item 18: a long line is shown as a window around the error.

#[test]
fn a_typo_in_a_huge_one_line_file_prints_a_short_excerpt_with_the_caret_in_place() {
    let s = Sandbox::new();
    let people: Vec<String> = (0..40_000)
        .map(|i| format!("(name: \"Person {i}\", skills: {{\"rust\": 3}})"))
        .collect();
    let (before, after) = people.split_at(20_000);
    let text = format!(
        "(people: [{}, (name: \"Typo\", skils: {{}}), {}], missions: [])",
        before.join(", "),
        after.join(", ")
    );
    assert!(text.len() > 1_000_000);
    s.write("team.ron", &text);
    let run = s.run(&["check", "--file", "team.ron"]);
    assert_eq!(run.code(), 2);
    let err = run.stderr();
    assert!(err.len() < 2_000, "{} bytes of error", err.len());
    assert!(err.contains("unknown field `skils` in a person"), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    let excerpt = lines.iter().find(|l| l.starts_with("  1 | ")).unwrap();
    let caret = lines.iter().find(|l| l.trim_end().ends_with('^')).unwrap();
    assert!(
        excerpt.contains("  1 | …") && excerpt.ends_with('…'),
        "{excerpt}"
    );
    let at = caret.chars().count() - 1;
    let under: String = excerpt.chars().skip(at).take(5).collect();
    assert_eq!(under, "skils", "{excerpt}\n{caret}");
}

#[test]
fn a_huge_name_is_refused_by_its_size_not_echoed() {
    let s = Sandbox::new();
    let name = "N".repeat(1_000_000);
    s.write(
        "team.ron",
        &format!("(people: [(name: \"{name}\"), (name: \"Bruno\", turns_to: [\"{name}\"])])"),
    );
    let run = s.run(&["check", "--file", "team.ron"]);
    assert_eq!(run.code(), 2);
    let err = run.stderr();
    assert!(
        err.contains("has a name of 1000000 characters"),
        "{err:.300}"
    );
    assert!(err.len() < 2_000, "{} bytes of error", err.len());
}

// Item 20: a problem of meaning is reported on the line of the field.

#[test]
fn a_bad_level_is_reported_on_its_own_line() {
    let s = Sandbox::new();
    s.write(
        "team.ron",
        "(\n  people: [\n    (\n      name: \"Amina\",\n      skills: {\n        \"rust\": 4,\n        \"sql\": 9,\n      },\n    ),\n  ],\n  missions: [\n    (\n      title: \"Ship\",\n      goal: \"g\",\n      delegation: Some(8),\n    ),\n  ],\n)",
    );
    let run = s.run(&["check", "--file", "team.ron"]);
    assert_eq!(run.code(), 2);
    let err = run.stderr();
    assert!(
        err.contains("team.ron:7: person \"Amina\" has skill \"sql\" at level 9"),
        "{err}"
    );
    assert!(
        err.contains("team.ron:15: mission \"Ship\" has delegation level 8"),
        "{err}"
    );
}

#[test]
fn a_name_with_combining_characters_still_gets_its_line() {
    let s = Sandbox::new();
    s.write(
        "team.ron",
        &format!(
            "(\n  people: [\n    (name: \"Amina\"),\n    (name: \"{NFD}\", turns_to: [\"Zed\"]),\n  ],\n)"
        ),
    );
    let run = s.run(&["check", "--file", "team.ron"]);
    assert_eq!(run.code(), 2);
    assert!(
        run.stderr()
            .contains(&format!("team.ron:4: person \"{NFD}\" turns to \"Zed\"")),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_file_that_is_not_a_team_says_so_in_plain_words() {
    let s = Sandbox::new();
    for (text, line) in [
        ("garbage\n", 1),
        ("# My team\n\n- Amina: rust\n", 1),
        ("{\"people\": [{\"name\": \"Amina\"}]}", 1),
        ("\n\nperson,skill,level\nAmina,rust,3\n", 3),
    ] {
        s.write("team.ron", text);
        let run = s.run(&["check", "--file", "team.ron"]);
        assert_eq!(run.code(), 2, "{text}");
        let err = run.stderr();
        assert!(
            err.contains(&format!("team.ron:{line}:1: is not a handover team file")),
            "{text}: {err}"
        );
        assert!(!err.contains("Expected"), "{err}");
        assert!(err.contains("handover init"), "{err}");
        assert!(err.contains("`people:`"), "{err}");
    }
    s.write("team.ron", "  // nothing yet\n");
    let run = s.run(&["check", "--file", "team.ron"]);
    assert_eq!(run.code(), 2);
    assert!(
        run.stderr().contains("is empty: not a handover team file"),
        "{}",
        run.stderr()
    );
}

#[test]
fn every_planted_problem_is_reported_on_the_line_that_holds_it() {
    let mut team = handover::demo::generate(300, 120, 7);
    let mut planted = Vec::new();
    for p in (0..300).step_by(37) {
        let person = &mut team.people[p];
        if let Some(skill) = person.skills.keys().next().cloned() {
            person.skills.insert(skill.clone(), 9);
            planted.push(format!("{}: 9", ron::to_string(&skill).unwrap()));
        }
    }
    for m in (0..120).step_by(29) {
        team.missions[m].delegation = Some(8);
        planted.push("delegation: Some(8)".into());
    }
    let text = handover::store::to_ron(&team);
    let problems =
        handover::store::parse(text.as_bytes(), std::path::Path::new("t.ron")).unwrap_err();
    assert_eq!(problems.len(), planted.len());
    let lines: Vec<&str> = text.lines().collect();
    for (problem, wanted) in problems.iter().zip(&planted) {
        let line = lines[problem.line.unwrap() - 1];
        assert!(line.contains(wanted.as_str()), "{problem}: line {line:?}");
    }
}
