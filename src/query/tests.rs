use super::*;
use crate::model::Person;

fn d(y: i16, m: i8, day: i8) -> Date {
    Date::new(y, m, day).unwrap()
}

/// A Monday.
fn today() -> Date {
    d(2027, 1, 4)
}

fn person(name: &str, wants: &[&str]) -> Person {
    Person {
        wants: wants.iter().map(|w| w.to_string()).collect(),
        ..Person::named(name)
    }
}

struct M {
    title: &'static str,
    owner: Option<&'static str>,
    mentor: Option<&'static str>,
    skills: &'static [&'static str],
    due: Option<Date>,
    status: Status,
    verdict: Verdict,
}

const BASE: M = M {
    title: "",
    owner: None,
    mentor: None,
    skills: &[],
    due: None,
    status: Status::Planned,
    verdict: Verdict::Ready,
};

/// A team of four and the verdicts its missions are given (the filter takes
/// verdicts as they come; these are chosen, not analysed).
fn team() -> (Team, Vec<Verdict>) {
    let missions = [
        M {
            title: "Migrate billing to Postgres 16",
            owner: Some("Elif Şahin"),
            mentor: Some("Bruno Costa"),
            skills: &["SQL", "rust"],
            due: Some(d(2027, 1, 1)), // 3 days late
            verdict: Verdict::Blocked,
            ..BASE
        },
        M {
            title: "Build the React dashboard",
            owner: Some("Dana Levi"),
            skills: &["react", "javascript"],
            due: Some(d(2027, 1, 18)), // in 14 days
            verdict: Verdict::AtRisk,
            status: Status::HandedOver,
            ..BASE
        },
        M {
            title: "Rotate TLS certificates",
            skills: &["ops"],
            due: Some(d(2027, 1, 19)), // in 15 days
            verdict: Verdict::Unassigned,
            ..BASE
        },
        M {
            title: "Write the Java client",
            owner: Some("Bruno Costa"),
            mentor: Some("Dana Levi"),
            skills: &["java"],
            verdict: Verdict::Stretch,
            ..BASE
        },
        M {
            title: "Old billing report",
            owner: Some("Dana Levi"),
            skills: &["sql"],
            due: Some(d(2026, 6, 1)),
            status: Status::Done,
            verdict: Verdict::Done,
            ..BASE
        },
        M {
            title: "Onboard the new hire",
            owner: Some("Amina Diallo"),
            due: Some(d(2027, 1, 4)), // today
            verdict: Verdict::Ready,
            ..BASE
        },
    ];
    let team = Team {
        people: vec![
            person("Elif Şahin", &["kubernetes"]),
            person("Dana Levi", &["React"]),
            person("Bruno Costa", &["sql", "ops"]),
            person("Amina Diallo", &[]),
        ],
        missions: missions
            .iter()
            .map(|m| Mission {
                owner: m.owner.map(str::to_string),
                mentor: m.mentor.map(str::to_string),
                skills: m.skills.iter().map(|s| (s.to_string(), 2)).collect(),
                due: m.due,
                status: m.status,
                ..Mission::titled(m.title)
            })
            .collect(),
        ..Team::default()
    };
    (team, missions.iter().map(|m| m.verdict).collect())
}

/// The titles the filter line keeps, in the order it keeps them.
fn kept(line: &str) -> Vec<&'static str> {
    let (team, verdicts) = team();
    let query = Query::parse(line, today()).unwrap_or_else(|e| panic!("{line:?}: {e}"));
    let titles: Vec<&'static str> = [
        "Migrate billing to Postgres 16",
        "Build the React dashboard",
        "Rotate TLS certificates",
        "Write the Java client",
        "Old billing report",
        "Onboard the new hire",
    ]
    .to_vec();
    assert_eq!(
        team.missions
            .iter()
            .map(|m| m.title.as_str())
            .collect::<Vec<_>>(),
        titles
    );
    query
        .rows(&team, |i| verdicts[i])
        .into_iter()
        .map(|i| titles[i])
        .collect()
}

fn error(line: &str) -> String {
    match Query::parse(line, today()) {
        Ok(q) => panic!("{line:?} parsed: {q:?}"),
        Err(e) => e.to_string(),
    }
}

const ALL: [&str; 6] = [
    "Migrate billing to Postgres 16",
    "Build the React dashboard",
    "Rotate TLS certificates",
    "Write the Java client",
    "Old billing report",
    "Onboard the new hire",
];

#[test]
fn an_empty_line_keeps_everything_in_file_order() {
    assert_eq!(kept(""), ALL);
    assert_eq!(kept("   "), ALL);
    assert!(Query::parse("  ", today()).unwrap().is_empty());
    assert!(!Query::parse("is:done", today()).unwrap().is_empty());
}

#[test]
fn is_picks_a_verdict() {
    assert_eq!(kept("is:blocked"), ["Migrate billing to Postgres 16"]);
    assert_eq!(kept("is:at-risk"), ["Build the React dashboard"]);
    assert_eq!(kept("is:at_risk"), kept("is:at-risk"));
    assert_eq!(kept("IS:At-Risk"), kept("is:at-risk"));
    assert_eq!(kept("is:unassigned"), ["Rotate TLS certificates"]);
    assert_eq!(kept("is:stretch"), ["Write the Java client"]);
    assert_eq!(kept("is:ready"), ["Onboard the new hire"]);
    assert_eq!(kept("is:done"), ["Old billing report"]);
}

#[test]
fn is_picks_a_status() {
    assert_eq!(kept("is:handed-over"), ["Build the React dashboard"]);
    assert_eq!(kept("is:handed_over"), kept("is:handed-over"));
    assert_eq!(kept("is:planned").len(), 4);
    assert_eq!(kept("is:active").len(), 5);
    assert!(!kept("is:active").contains(&"Old billing report"));
}

#[test]
fn is_overdue_and_due_soon_read_today() {
    // Done missions are never late, however old their due date.
    assert_eq!(kept("is:overdue"), ["Migrate billing to Postgres 16"]);
    assert_eq!(kept("is:late"), kept("is:overdue"));
    // Today and 14 days from now are soon; 15 days and late ones are not.
    assert_eq!(
        kept("is:due-soon"),
        ["Build the React dashboard", "Onboard the new hire"]
    );
    // A day later, the dashboard is 13 days away and the TLS one 14.
    let (team, verdicts) = team();
    let tomorrow = Query::parse("is:due-soon", d(2027, 1, 5)).unwrap();
    assert_eq!(tomorrow.rows(&team, |i| verdicts[i]), [1, 2]);
}

#[test]
fn owner_matches_a_word_of_the_name_without_case_or_accents() {
    assert_eq!(kept("owner:sahin"), ["Migrate billing to Postgres 16"]);
    assert_eq!(kept("owner:ŞAHİN"), kept("owner:sahin"));
    assert_eq!(kept("owner:elif"), kept("owner:sahin"));
    assert_eq!(kept("owner:\"elif s\""), kept("owner:sahin"));
    assert_eq!(
        kept("owner:dana"),
        ["Build the React dashboard", "Old billing report"]
    );
    assert_eq!(kept("owner:lev"), kept("owner:dana"), "a word's start");
    assert_eq!(kept("owner:ana"), Vec::<&str>::new(), "not inside a word");
    assert_eq!(kept("owner:zed"), Vec::<&str>::new());
}

#[test]
fn a_bare_owner_or_mentor_is_a_mission_without_one() {
    assert_eq!(kept("owner:"), ["Rotate TLS certificates"]);
    assert_eq!(kept("owner:\"\""), kept("owner:"));
    assert_eq!(
        kept("mentor:"),
        [
            "Build the React dashboard",
            "Rotate TLS certificates",
            "Old billing report",
            "Onboard the new hire"
        ]
    );
    assert_eq!(
        kept("-mentor:"),
        ["Migrate billing to Postgres 16", "Write the Java client"]
    );
}

#[test]
fn mentor_matches_like_owner() {
    assert_eq!(kept("mentor:bruno"), ["Migrate billing to Postgres 16"]);
    assert_eq!(kept("mentor:LEVI"), ["Write the Java client"]);
}

#[test]
fn skill_is_exact_when_the_team_has_that_skill_else_a_word_start() {
    assert_eq!(
        kept("skill:sql"),
        ["Migrate billing to Postgres 16", "Old billing report"]
    );
    assert_eq!(kept("skill:React"), ["Build the React dashboard"]);
    assert_eq!(
        kept("skill:java"),
        ["Write the Java client"],
        "not javascript"
    );
    assert_eq!(
        kept("skill:jav"),
        ["Build the React dashboard", "Write the Java client"]
    );
    assert_eq!(kept("skill:"), ["Onboard the new hire"]);
    assert_eq!(kept("skill:cobol"), Vec::<&str>::new());
}

#[test]
fn due_keeps_active_missions_due_within_so_many_days_or_late() {
    assert_eq!(
        kept("due:14"),
        [
            "Migrate billing to Postgres 16",
            "Build the React dashboard",
            "Onboard the new hire"
        ]
    );
    assert_eq!(
        kept("due:0"),
        ["Migrate billing to Postgres 16", "Onboard the new hire"]
    );
    assert_eq!(kept("due:15").len(), 4);
    assert_eq!(kept("due:+2w"), kept("due:14"));
    assert_eq!(kept("due:2027-01-18"), kept("due:14"));
    // Monday's fri is January 8.
    assert_eq!(kept("due:fri"), kept("due:0"));
    assert_eq!(kept("due:-1d"), ["Migrate billing to Postgres 16"]);
    assert_eq!(kept("due:"), ["Write the Java client"]);
}

#[test]
fn wants_alone_is_a_growth_assignment() {
    // Dana owns the React dashboard and wants React (spelt differently);
    // nobody owns the TLS one and Bruno wants ops; Bruno owns the Java
    // client but wants sql and ops, not java; Elif wants kubernetes only.
    assert_eq!(
        kept("wants:"),
        ["Build the React dashboard", "Rotate TLS certificates"]
    );
    assert_eq!(
        kept("-wants:"),
        [
            "Migrate billing to Postgres 16",
            "Write the Java client",
            "Old billing report",
            "Onboard the new hire"
        ]
    );
}

#[test]
fn wants_a_name_is_what_that_person_would_grow_on() {
    assert_eq!(
        kept("wants:bruno"),
        [
            "Migrate billing to Postgres 16",
            "Rotate TLS certificates",
            "Old billing report"
        ]
    );
    assert_eq!(kept("wants:sahin"), Vec::<&str>::new());
    assert_eq!(kept("wants:nobody"), Vec::<&str>::new());
}

#[test]
fn every_term_must_hold() {
    assert_eq!(kept("owner:dana is:at-risk"), ["Build the React dashboard"]);
    assert_eq!(kept("owner:dana is:done"), ["Old billing report"]);
    assert_eq!(kept("owner:dana -is:done"), ["Build the React dashboard"]);
    assert_eq!(kept("is:blocked is:at-risk"), Vec::<&str>::new());
    assert_eq!(
        kept("due:14 -is:ready skill:sql"),
        ["Migrate billing to Postgres 16"]
    );
    assert_eq!(kept("billing is:done"), ["Old billing report"]);
}

#[test]
fn plain_words_are_fuzzy_on_title_and_owner_best_first() {
    let billing = kept("billing");
    assert_eq!(billing.len(), 2);
    assert!(billing.contains(&"Migrate billing to Postgres 16"));
    assert!(billing.contains(&"Old billing report"));
    // Words match the owner too, as the list always did.
    assert_eq!(kept("amina"), ["Onboard the new hire"]);
    assert_eq!(
        kept("sahin"),
        ["Migrate billing to Postgres 16"],
        "accents aside"
    );
    assert_eq!(kept("billing old"), ["Old billing report"], "every word");
    assert_eq!(kept("zzz"), Vec::<&str>::new());
    // The same order the lists' fuzzy filter gives.
    let (team, _) = team();
    let texts: Vec<String> = team.missions.iter().map(searched_text).collect();
    for words in ["bil", "the", "o", "rep bil"] {
        assert_eq!(
            Query::parse(words, today())
                .unwrap()
                .rows(&team, |_| Verdict::Ready),
            filter_rows(words, texts.iter().map(String::as_str).enumerate()),
            "{words}"
        );
    }
}

#[test]
fn quotes_make_a_word_of_what_looks_like_a_field() {
    let q = Query::parse("\"q3: launch\" is:done", today()).unwrap();
    assert_eq!(q.words(), "q3:\\ launch");
    assert_eq!(q.terms().len(), 1);
    // Something with a colon that cannot be a field name is a word.
    let q = Query::parse("10:30 v2:", today()).unwrap();
    assert_eq!((q.words(), q.terms().len()), ("10:30 v2:", 0));
}

#[test]
fn terms_are_read_as_typed() {
    let q = Query::parse("-Owner:\"Elif Ş\"  due:7 word", today()).unwrap();
    assert_eq!(
        q.terms(),
        [
            Term {
                negated: true,
                test: Test::Owner(Some("elif s".into()))
            },
            Term {
                negated: false,
                test: Test::Due(Some(d(2027, 1, 11)))
            }
        ]
    );
    assert_eq!(q.words(), "word");
}

#[test]
fn an_unknown_field_is_an_error_with_a_hint() {
    assert_eq!(
        error("colour:red"),
        "colour: is not a filter field: try is: owner: mentor: skill: due: wants: (quote \"colour:\" to search for it)"
    );
    assert_eq!(
        error("ower:dana"),
        "ower: is not a filter field: did you mean owner:?"
    );
    assert_eq!(
        error("-sklil:rust"),
        "sklil: is not a filter field: did you mean skill:?"
    );
}

#[test]
fn a_bad_value_is_an_error_that_says_what_fits() {
    assert_eq!(error("is:blokced"), "is:blokced: did you mean is:blocked?");
    assert_eq!(
        error("is:purple"),
        "is:purple: try is:blocked at-risk unassigned stretch ready done overdue due-soon planned handed-over active"
    );
    assert_eq!(
        error("is:"),
        "is: needs a state, like is:blocked or is:at-risk"
    );
    assert_eq!(
        error("due:abc"),
        "due:abc: give days (due:14) or a date (due:fri, due:2027-03-01)"
    );
    assert_eq!(error("due:fir"), "due:fir: did you mean due:fri?");
    assert_eq!(
        error("due:2027-02-30"),
        "due:2027-02-30: February 2027 has 28 days"
    );
    assert_eq!(error("due:99999999999"), "due:99999999999: too many days");
    let hostile = error("is:\u{1b}[2J");
    assert!(!hostile.contains('\u{1b}'), "{hostile:?}");
}

#[test]
fn matching_one_mission_needs_no_list() {
    let (team, verdicts) = team();
    let q = Query::parse("owner:sahin is:blocked", today()).unwrap();
    let matcher = q.matcher(&team);
    assert!(matcher.matches(&team.missions[0], verdicts[0]));
    assert!(!matcher.matches(&team.missions[0], Verdict::Ready));
    assert!(!matcher.matches(&team.missions[1], Verdict::Blocked));
}

#[test]
fn the_filter_agrees_with_the_analysis_on_the_sample_team() {
    let team = crate::sample::team();
    let analysis = crate::analysis::analyse(&team);
    let verdict = |i: usize| analysis.missions[i].verdict;
    for (name, state) in STATES {
        let State::Verdict(v) = state else { continue };
        let rows = Query::parse(&format!("is:{name}"), today())
            .unwrap()
            .rows(&team, verdict);
        let expected: Vec<usize> = (0..team.missions.len())
            .filter(|&i| verdict(i) == v)
            .collect();
        assert_eq!(rows, expected, "is:{name}");
    }
    // Every owner is found by the last word of their name, accents aside.
    for (i, m) in team.missions.iter().enumerate() {
        let Some(owner) = &m.owner else { continue };
        let last = owner.split_whitespace().last().unwrap();
        let line = format!("owner:\"{}\"", loose_key(last).as_str());
        let rows = Query::parse(&line, today()).unwrap().rows(&team, verdict);
        assert!(rows.contains(&i), "{line} misses {}", m.title);
    }
}

#[test]
fn a_line_read_partly_keeps_the_fields_it_can_read_and_says_why_not_the_rest() {
    let (team, verdicts) = team();
    let (query, why) = Query::parse_partly("billing is:blok -is:done owner:", today());
    assert_eq!(
        why.map(|e| e.to_string()).as_deref(),
        Some(error("is:blok").as_str())
    );
    assert_eq!(query.words(), "billing");
    assert_eq!(query.terms().len(), 2, "-is:done and owner: are kept");
    let (whole, none) = Query::parse_partly("billing -is:done owner:", today());
    assert_eq!(none, None);
    assert_eq!(
        query.rows(&team, |i| verdicts[i]),
        whole.rows(&team, |i| verdicts[i])
    );
    // The first field that cannot be read is the one said.
    let (_, first) = Query::parse_partly("onwer:x is:blok", today());
    assert!(first.unwrap().to_string().starts_with("onwer:"));
}

#[test]
fn plain_words_match_without_accents_either_way() {
    let items = ["Elif Şahin", "Zoë Ångström", "Sarah Hahn"];
    let found = |query: &str| filter_rows(query, items.iter().copied().enumerate());
    assert_eq!(found("sahin"), [0]);
    assert_eq!(found("ŞAHİN").first(), Some(&0));
    assert_eq!(found("angstrom"), [1]);
    assert_eq!(found("zoe"), [1]);
    assert_eq!(found(""), [0, 1, 2]);
}
