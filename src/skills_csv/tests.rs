use super::*;
use crate::sample;

fn today() -> Date {
    "2026-11-28".parse().unwrap()
}

fn problems(text: &str) -> Vec<String> {
    parse(text.as_bytes())
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn export_is_long_sorted_with_a_header_and_crlf() {
    let text = export(&sample::team());
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines[0], "person,skill,level");
    assert_eq!(lines[1], "Amina Diallo,architecture,3");
    assert_eq!(lines.last(), Some(&""), "ends with CRLF");
    let rows = &lines[1..lines.len() - 1];
    let mut sorted = rows.to_vec();
    sorted.sort();
    assert_eq!(rows, sorted.as_slice());
    assert!(text.contains("Elif Şahin,user research,3\r\n"));
}

#[test]
fn export_then_import_leaves_the_team_identical() {
    let team = sample::team();
    let levels = parse(export(&team).as_bytes()).unwrap();
    let (change, report) = merge(&team, &levels, false, today()).unwrap();
    assert!(change.is_empty(), "{change:?}");
    assert_eq!(report.unchanged, levels.len());
    assert!(report.changed.is_empty() && report.added.is_empty() && report.new_people.is_empty());
}

#[test]
fn import_into_an_empty_team_brings_everyone_and_their_levels() {
    let team = sample::team();
    let levels = parse(export(&team).as_bytes()).unwrap();
    let (change, report) = merge(&Team::default(), &levels, true, today()).unwrap();
    let mut empty = Team::default();
    change.apply(&mut empty);
    let with_skills: Vec<&Person> = team
        .people
        .iter()
        .filter(|p| !p.skills.is_empty())
        .collect();
    assert_eq!(report.new_people.len(), with_skills.len());
    for (a, b) in with_skills.iter().zip(&empty.people) {
        assert_eq!((&a.name, &a.skills), (&b.name, &b.skills));
    }
}

#[test]
fn a_spreadsheet_csv_with_bom_crlf_and_quotes_imports() {
    let text = "\u{feff}Person,Skill,Level\r\n\"Şahin, Elif\",\"user research\",4\r\n\"Kowalski \"\"DK\"\" Dana\",react,3\r\n\r\n";
    let levels = parse(text.as_bytes()).unwrap();
    assert_eq!(levels.len(), 2);
    assert_eq!(levels[0].person, "Şahin, Elif");
    assert_eq!(levels[0].skill, "user research");
    assert_eq!(levels[1].person, "Kowalski \"DK\" Dana");
    assert_eq!(
        levels[1].row, 3,
        "rows are counted as the spreadsheet shows them"
    );
}

#[test]
fn the_wide_shape_has_a_column_per_skill_and_empty_cells_say_nothing() {
    let text = "name,rust,SQL,user research\nAmina Diallo,4,,2\nNew Person,1,3,\n";
    let levels = parse(text.as_bytes()).unwrap();
    let got: Vec<(String, String, u8, usize)> = levels
        .iter()
        .map(|l| (l.person.clone(), l.skill.clone(), l.level, l.row))
        .collect();
    assert_eq!(
        got,
        [
            ("Amina Diallo".into(), "rust".into(), 4, 2),
            ("Amina Diallo".into(), "user research".into(), 2, 2),
            ("New Person".into(), "rust".into(), 1, 3),
            ("New Person".into(), "SQL".into(), 3, 3),
        ]
    );
}

#[test]
fn merge_sets_known_people_case_insensitively_and_adds_the_unknown() {
    let team = sample::team();
    let text = "person,skill,level\namina diallo,RUST,2\nAmina Diallo,go,1\nZoë Park,ux,3\n";
    let (change, report) = merge(&team, &parse(text.as_bytes()).unwrap(), true, today()).unwrap();
    let mut after = team.clone();
    change.apply(&mut after);
    assert_eq!(
        after.people[0].skills["rust"], 2,
        "keeps the existing spelling"
    );
    assert!(!after.people[0].skills.contains_key("RUST"));
    assert_eq!(after.people[0].skills["go"], 1);
    assert_eq!(after.people.last().unwrap().name, "Zoë Park");
    assert_eq!(
        report.changed,
        [("Amina Diallo".into(), "rust".into(), 4, 2)]
    );
    assert_eq!(report.added, [("Amina Diallo".into(), "go".into(), 1)]);
    assert_eq!(report.new_people, ["Zoë Park"]);
    assert_eq!(crate::model::validate::validate(&after), vec![]);
    let mut undone = after.clone();
    change.inverse().apply(&mut undone);
    assert_eq!(undone, team);
}

#[test]
fn every_bad_row_is_refused_with_where_and_why() {
    let cases: [(&str, &str); 10] = [
        (
            "person,skill,level\nAmina,rust,x\n",
            "row 2, column level: \"x\" is not a level from 0 to 4",
        ),
        (
            "person,skill,level\nAmina,rust,5\n",
            "row 2, column level: \"5\" is not a level from 0 to 4",
        ),
        (
            "person,skill,level\nAmina,rust,-1\n",
            "row 2, column level: \"-1\" is not a level from 0 to 4",
        ),
        (
            "person,skill,level\n,rust,3\n",
            "row 2, column person: is empty",
        ),
        (
            "person,skill,level\nAmina,,3\n",
            "row 2, column skill: is empty",
        ),
        (
            "person,skill,level\nAmina,rust\n",
            "row 2: has 2 fields where the header has 3",
        ),
        (
            "person,skill,level\nAmina,rust,3\namina ,Rust,2\n",
            "row 3: amina / Rust is already given on row 2",
        ),
        (
            "who,what\nAmina,rust\n",
            "row 1: the header must be person,skill,level — or person followed by one column per skill",
        ),
        (
            "",
            "the file is empty; expected a header row like person,skill,level",
        ),
        (
            "person,rust,Rust\nAmina,1,2\n",
            "row 1, column Rust: is the same skill as column 2",
        ),
    ];
    for (text, expected) in cases {
        let all = problems(text);
        assert!(all.contains(&expected.to_string()), "{text:?}: {all:?}");
    }
}

#[test]
fn every_problem_of_a_file_is_reported_at_once() {
    let all = problems("person,skill,level\nA,rust,9\nB,,1\nC,go,2\n");
    assert_eq!(all.len(), 2, "{all:?}");
}

#[test]
fn non_utf8_is_refused() {
    let bytes = b"person,skill,level\n\xff,rust,1\n";
    let err = parse(bytes).unwrap_err();
    assert_eq!(err[0].row, Some(2));
    assert!(err[0].message.contains("UTF-8"));
}

#[test]
fn a_name_that_matches_nobody_is_refused_unless_people_may_be_added() {
    let team = sample::team();
    let text = "person,skill,level\nAmina Dialo,go,3\nAmina Dialo,rust,1\nelif sahin,go,2\n";
    let levels = parse(text.as_bytes()).unwrap();
    let refused = merge(&team, &levels, false, today()).unwrap_err();
    assert!(refused.unknown_people);
    let all: Vec<String> = refused.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        all,
        [
            "row 2, column person: \"Amina Dialo\" is not a person of this team (did you mean \"Amina Diallo\"?)"
        ],
        "each name once, at its first row"
    );
    let (_, report) = merge(&team, &levels, true, today()).unwrap();
    assert_eq!(report.new_people, ["Amina Dialo"]);
    assert_eq!(report.added, [("Elif Şahin".into(), "go".into(), 2)]);
}

#[test]
fn many_unknown_names_are_reported_twenty_then_counted() {
    let team = sample::team();
    let rows: String = (0..50).map(|i| format!("Stranger {i},go,1\n")).collect();
    let levels = parse(format!("person,skill,level\n{rows}").as_bytes()).unwrap();
    let refused = merge(&team, &levels, false, today()).unwrap_err();
    assert_eq!(refused.problems.len(), 21);
    assert_eq!(
        refused.problems[20].message,
        "and 30 more names that match nobody in the team"
    );
}

#[test]
fn a_name_that_fits_two_people_without_accents_is_refused() {
    let mut team = Team::default();
    team.people.push(Person::named("René Roy"));
    team.people.push(Person::named("Rene Roy"));
    let levels = parse("person,skill,level\nRêne Roy,go,1\n".as_bytes()).unwrap();
    let refused = merge(&team, &levels, true, today()).unwrap_err();
    assert!(!refused.unknown_people);
    assert_eq!(
        refused.problems[0].message,
        "\"Rêne Roy\" could be \"René Roy\" or \"Rene Roy\": write the name as the team file does"
    );
}

#[test]
fn skills_take_the_spelling_the_team_already_has() {
    let mut team = Team::default();
    team.people.push(Person::named("Amina"));
    team.people[0].skills.insert("PostgreSQL".into(), 3);
    team.people.push(Person::named("Bruno"));
    let mut m = crate::model::Mission::titled("CV");
    m.skills.insert("Résumé".into(), 2);
    team.missions.push(m);
    let text = "person,skill,level\nBruno,postgresql,2\nBruno,RESUME,1\nBruno,Go,1\nAmina,GO,2\n";
    let (change, report) = merge(&team, &parse(text.as_bytes()).unwrap(), false, today()).unwrap();
    let mut after = team.clone();
    change.apply(&mut after);
    let bruno: Vec<&String> = after.people[1].skills.keys().collect();
    assert_eq!(bruno, ["Go", "PostgreSQL", "Résumé"]);
    let amina: Vec<&String> = after.people[0].skills.keys().collect();
    assert_eq!(
        amina,
        ["Go", "PostgreSQL"],
        "a new skill's first spelling holds"
    );
    assert_eq!(report.added.len(), 4);
}

#[test]
fn names_with_invisible_characters_are_refused_by_row() {
    let all = problems("person,skill,level\nAn\u{200d}na,rust,1\nAnna,r\u{1b}[2J,1\n");
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(
        all[0].starts_with(
            "row 2, column person: \"An\\u{200d}na\" has an invisible character (U+200D)"
        ),
        "{}",
        all[0]
    );
    assert!(
        all[1].starts_with("row 3, column skill: \"r\\u{1b}[2J\""),
        "{}",
        all[1]
    );
    let all = problems("person,rust,s\u{202e}ql\nAnna,1,2\n");
    assert!(
        all[0].starts_with("row 1, column 3: \"s\\u{202e}ql\" has an invisible"),
        "{all:?}"
    );
}

#[test]
fn messages_show_cells_cleaned_and_cut() {
    let evil = "\u{1b}]0;pwned\u{7}";
    let long = "y".repeat(5_000);
    let all = problems(&format!(
        "person,{evil}x,{long}\nA,{evil},{long}\nB,1,1\nB,1,1\n"
    ));
    for message in &all {
        assert!(!message.contains(['\u{1b}', '\u{7}']), "{message:?}");
        assert!(message.len() < 400, "{} bytes", message.len());
    }
}

#[test]
fn an_imported_level_change_is_recorded_in_the_history_and_an_unchanged_one_is_not() {
    let team = sample::team();
    let amina = team
        .people
        .iter()
        .position(|p| p.name == "Amina Diallo")
        .unwrap();
    let before = team.people[amina].history.clone();
    let text = "person,skill,level\nAmina Diallo,sql,4\nAmina Diallo,rust,4\nAmina Diallo,go,2\nNew Person,sql,2\n";
    let (change, _) = merge(&team, &parse(text.as_bytes()).unwrap(), true, today()).unwrap();
    let mut after = team.clone();
    change.apply(&mut after);
    let added: Vec<(String, u8)> = after.people[amina].history[before.len()..]
        .iter()
        .map(|h| {
            assert_eq!(h.date, today());
            (h.skill.clone(), h.level)
        })
        .collect();
    assert_eq!(added, [("go".to_string(), 2), ("sql".to_string(), 4)]);
    let new = after.people.last().unwrap();
    assert_eq!(
        new.history.len(),
        1,
        "a new person's first level is recorded"
    );
    assert_eq!(
        (new.history[0].skill.as_str(), new.history[0].level),
        ("sql", 2)
    );
}
