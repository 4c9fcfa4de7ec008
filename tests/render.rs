//! Every view and modal drawn into a `TestBackend` at 80×24 and 120×35 on
//! the sample team, compared with reviewed snapshots; and drawing at any
//! size never panics.

mod support;

use handover::analysis::{Finding, PersonSignal, analyse};
use handover::commands::check::render_text;
use handover::commands::style::Paint;
use handover::tui::app::{App, SaveState};
use handover::tui::message::{Action, Message};
use handover::tui::{ui, update::update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app() -> App {
    support::app::app().build()
}

fn app_of(team: handover::model::Team) -> App {
    support::app::app().team(team).build()
}

/// Drives the app; nothing is written.
fn keys(app: &mut App, keys: &str) {
    support::app::press(app, keys);
}

fn select_mission(app: &mut App, title: &str) {
    support::app::select_mission(app, title);
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    terminal
}

/// One snapshot per size.
fn snapshot(name: &str, app: &mut App) {
    for (width, height) in [(80, 24), (120, 35)] {
        update(app, Message::Resize(width, height));
        let terminal = draw(app, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

#[test]
fn missions_view() {
    let mut app = app();
    select_mission(&mut app, "Speed up the checkout page");
    snapshot("missions", &mut app);
}

#[test]
fn missions_view_unassigned_detail() {
    let mut app = app();
    select_mission(&mut app, "Design tokens for the component library");
    // A key with nothing to do here clears the notice.
    update(&mut app, Message::Action(Action::Reload));
    snapshot("missions_unassigned", &mut app);
}

/// Dates against today (2026-11-28): a check-in that is due on a mission
/// handed over at risk; a due date passed.
#[test]
fn missions_detail_dates() {
    let mut app = app();
    select_mission(&mut app, "Add retries to the payment webhooks");
    let terminal = draw(&app, 120, 35);
    let text = screen(&terminal);
    assert!(text.contains("2026-11-23: due, look in on it"), "{text}");
    assert!(
        text.contains("handed over 2026-11-02 while at risk"),
        "{text}"
    );
    snapshot("missions_detail_check_in", &mut app);
    select_mission(&mut app, "Automate the quarterly revenue report");
    let text = screen(&draw(&app, 120, 35));
    assert!(
        text.contains("Due        ! 2026-11-25 (3 days late)"),
        "{text}"
    );
}

/// What it takes: the detail lists the ways out; f shows them to apply.
#[test]
fn what_it_takes() {
    let mut app = app();
    select_mission(&mut app, "Speed up the checkout page");
    let text = screen(&draw(&app, 120, 35));
    assert!(text.contains("What it takes (f applies one)"), "{text}");
    // Suggested delegation beside the level: Hiro is not ready for Advise.
    assert!(
        text.contains("Delegation 5 Advise · suggested 4 Agree"),
        "{text}"
    );
    keys(&mut app, "f");
    snapshot("what_it_takes", &mut app);
}

#[test]
fn what_if_someone_leaves() {
    let mut app = app();
    keys(&mut app, "2");
    support::app::select_person(&mut app, "Chen Wei");
    keys(&mut app, "W");
    snapshot("what_if_chen_leaves", &mut app);
}

/// The detail pane stops at the end of its text: scrolling on shows no
/// blank pane, and one scroll back moves at once.
#[test]
fn the_detail_pane_stops_at_the_end() {
    let mut app = app();
    select_mission(&mut app, "Speed up the checkout page");
    update(&mut app, Message::Resize(120, 24));
    draw(&app, 120, 24);
    for _ in 0..30 {
        keys(&mut app, "J");
        draw(&app, 120, 24);
    }
    let at_end = app.detail_scroll();
    assert!(
        at_end > 0 && at_end < 40,
        "scrolled to the end, not beyond: {at_end}"
    );
    let text = screen(&draw(&app, 120, 24));
    // The last line of the detail is on screen, at the foot of the pane.
    assert!(text.contains("Chen Wei — covers observability"), "{text}");
    keys(&mut app, "K");
    assert!(app.detail_scroll() < at_end, "one scroll back moves");
}

/// A single point of knowledge keeps its `!` when its name is cut.
#[test]
fn the_matrix_marks_a_single_point_even_when_its_name_is_cut() {
    let mut team = handover::sample::team();
    let long = "observability-and-distributed-tracing";
    for person in &mut team.people {
        if let Some(level) = person.skills.remove("observability") {
            person.skills.insert(long.into(), level);
        }
    }
    for mission in &mut team.missions {
        if let Some(level) = mission.skills.remove("observability") {
            mission.skills.insert(long.into(), level);
        }
    }
    let mut app = app_of(team);
    keys(&mut app, "3");
    let text = screen(&draw(&app, 120, 35));
    assert!(text.contains("!observabi…"), "{text}");
    assert!(
        !text.contains(long),
        "the name is cut to its column: {text}"
    );
}

/// At 80 columns the summary and "? help" / "q quit" stay: shortened,
/// not dropped.
#[test]
fn at_80_columns_the_summary_help_and_quit_stay() {
    for view in ["1", "2", "3", "4", "5"] {
        let mut app = app();
        keys(&mut app, view);
        update(&mut app, Message::Resize(80, 24));
        let text = screen(&draw(&app, 80, 24));
        let first = text.lines().next().unwrap();
        assert!(first.contains("✗2 · !1 · ?2"), "view {view}: {first}");
        let last = text.lines().last().unwrap();
        assert!(
            last.contains("? help") && last.contains("q quit"),
            "view {view}: {last}"
        );
    }
}

/// The People list marks every signal, the only one who knows a skill too,
/// and the help says what the marks mean.
#[test]
fn the_people_list_marks_every_signal_and_the_help_says_what_marks_mean() {
    let mut app = app();
    keys(&mut app, "2");
    let text = screen(&draw(&app, 120, 35));
    let mut marked = 0;
    for (p, person) in app.team().people.iter().enumerate() {
        let signals = handover::analysis::PersonSignal::of(app.team(), app.analysis(), p);
        let row = text
            .lines()
            .find(|l| l.contains(&person.name))
            .unwrap_or_else(|| panic!("{} listed", person.name));
        let mark = row.chars().nth(1) == Some('!');
        assert_eq!(mark, !signals.is_empty(), "{row} {signals:?}");
        marked += usize::from(mark);
    }
    assert!(marked > 0);
    keys(&mut app, "?");
    let text = screen(&draw(&app, 120, 35));
    assert!(text.contains("1/3: missions owned"), "{text}");
    assert!(text.contains("only one at 3+ in a skill"), "{text}");
}

#[test]
fn the_message_log() {
    let mut app = app();
    select_mission(&mut app, "Speed up the checkout page");
    keys(&mut app, "f\nuM");
    snapshot("message_log", &mut app);
}

#[test]
fn missions_filter() {
    let mut app = app();
    keys(&mut app, "/bill");
    snapshot("missions_filter", &mut app);
}

/// The sample around 2026-11-28 with a mission late and one due today.
fn dated_team() -> handover::model::Team {
    let mut team = handover::sample::team();
    team.missions[3].due = Some("2026-11-25".parse().unwrap());
    team.missions[4].due = Some("2026-11-28".parse().unwrap());
    team.missions[10].due = Some("2026-12-03".parse().unwrap());
    team
}

#[test]
fn missions_late_and_due_soon_sorted_by_due_date() {
    let mut app = app_of(dated_team());
    keys(&mut app, "ss");
    select_mission(&mut app, "Rotate the TLS certificates");
    snapshot("missions_by_due_date", &mut app);
}

#[test]
fn missions_filter_with_a_bad_field() {
    let mut app = app();
    keys(&mut app, "/owner:chen is:blok");
    snapshot("missions_filter_error", &mut app);
}

#[test]
fn mark_done_confirmation() {
    let mut app = app();
    select_mission(&mut app, "Speed up the checkout page");
    keys(&mut app, "D");
    snapshot("confirm_mark_done", &mut app);
}

#[test]
fn people_view() {
    let mut app = app();
    keys(&mut app, "2jj");
    snapshot("people", &mut app);
}

#[test]
fn matrix_view() {
    let mut app = app();
    keys(&mut app, "3jjlllllllllllll");
    snapshot("matrix", &mut app);
}

/// Growth you can see: each skill's level month by month, from history.
#[test]
fn people_growth_chart() {
    let mut app = app();
    keys(&mut app, "2");
    support::app::select_person(&mut app, "Amina Diallo");
    let text = screen(&draw(&app, 120, 35));
    // sql: 2 from June, 3 since November 2026.
    assert!(text.contains("sql ▄▄▄▄▄▆ 2 → 3 since 2026-06-01"), "{text}");
    snapshot("people_growth", &mut app);
}

#[test]
fn one_on_one_view() {
    let mut app = app();
    keys(&mut app, "4");
    support::app::select_person(&mut app, "Farid Haddad");
    snapshot("one_on_one", &mut app);
}

/// Wrapped agenda lines keep their hanging indent (issue 16): an item goes
/// on under its text, not at the pane's edge. Narrow, so most items wrap.
#[test]
fn one_on_one_agenda_keeps_its_hanging_indent() {
    let mut app = app();
    keys(&mut app, "4");
    support::app::select_person(&mut app, "Farid Haddad");
    update(&mut app, Message::Resize(64, 30));
    let terminal = draw(&app, 64, 30);
    let text = screen(&terminal);
    let pane: Vec<&str> = text
        .lines()
        .filter_map(|row| row.split("││").nth(1))
        .collect();
    // "☐ Read the idempotency RFC (agreed …" goes on two columns in.
    let at = pane
        .iter()
        .position(|l| l.starts_with("☐ Read the"))
        .expect(&text);
    assert!(
        pane[at + 1].starts_with("  ") && !pane[at + 1].starts_with("   "),
        "{text}"
    );
    // No wrapped line of an item or a heading starts at the edge: from
    // the first section on, every line is a heading, a bullet, a box,
    // blank or indented.
    let sections = pane.iter().position(|l| l.starts_with("## ")).unwrap();
    for line in &pane[sections..] {
        let line = line.trim_end_matches('│');
        assert!(
            line.trim().is_empty()
                || ["#", "- ", "☐ ", "  "]
                    .iter()
                    .any(|lead| line.starts_with(lead)),
            "{line:?} in\n{text}"
        );
    }
    insta::assert_snapshot!("one_on_one_hanging_indent_64x30", terminal.backend());
}

#[test]
fn plan_view() {
    let mut app = app();
    keys(&mut app, "5");
    snapshot("plan", &mut app);
}

/// A proposal that still leaves its mission at risk says why, as
/// `handover plan` does.
#[test]
fn the_plan_says_why_a_proposal_stays_at_risk() {
    let mut app = app();
    keys(&mut app, "5");
    let rows = screen(&draw(&app, 120, 35));
    let churn = rows
        .lines()
        .skip(2)
        .position(|l| l.contains("Churn prediction"))
        .expect("the plan proposes an owner for the churn prototype");
    keys(&mut app, &"j".repeat(churn));
    let text = screen(&draw(&app, 120, 35));
    assert!(text.contains("Still at risk:"), "{text}");
    assert!(
        text.contains("• skill machine learning: needs 3, has 1"),
        "{text}"
    );
}

#[test]
fn help_modal() {
    let mut app = app();
    keys(&mut app, "?");
    snapshot("help", &mut app);
}

#[test]
fn add_mission_form() {
    let mut app = app();
    keys(
        &mut app,
        "aOnboarding guide\tNew hires ship on day 3\twriting 3",
    );
    snapshot("form_add_mission", &mut app);
}

#[test]
fn mission_form_with_a_typed_due_date() {
    let mut app = app();
    select_mission(&mut app, "Speed up the checkout page");
    // Down to Due, emptied, then a date as people type it.
    keys(
        &mut app,
        "e\t\t\t\t\t\t\t\t<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>+2w",
    );
    snapshot("form_typed_due_date", &mut app);
}

#[test]
fn edit_person_form_with_an_error() {
    let mut app = app();
    keys(&mut app, "2e\t\t\t\tx\n");
    snapshot("form_edit_person_error", &mut app);
}

#[test]
fn owner_picker() {
    let mut app = app();
    select_mission(&mut app, "Design tokens for the component library");
    keys(&mut app, "o");
    snapshot("picker_owner", &mut app);
}

#[test]
fn mentor_picker() {
    let mut app = app();
    select_mission(&mut app, "Speed up the checkout page");
    keys(&mut app, "m");
    snapshot("picker_mentor", &mut app);
}

#[test]
fn hand_over_ready() {
    let mut app = app();
    select_mission(&mut app, "Migrate billing to Postgres 16");
    keys(&mut app, "h");
    snapshot("hand_over_ready", &mut app);
}

#[test]
fn hand_over_stretch() {
    let mut team = handover::sample::team();
    team.missions[1].status = handover::model::Status::Planned;
    let mut app = app_of(team);
    select_mission(&mut app, "Add retries to the payment webhooks");
    keys(&mut app, "h");
    snapshot("hand_over_stretch", &mut app);
}

#[test]
fn hand_over_at_risk_and_its_confirmation() {
    let mut app = app();
    select_mission(&mut app, "Speed up the checkout page");
    keys(&mut app, "h");
    snapshot("hand_over_at_risk", &mut app);
    keys(&mut app, "y");
    snapshot("hand_over_confirm", &mut app);
}

#[test]
fn hand_over_check_in_typed_and_refused() {
    let mut app = app();
    select_mission(&mut app, "Migrate billing to Postgres 16");
    keys(&mut app, "hc<C-u>fri");
    snapshot("hand_over_check_in_typed", &mut app);
    keys(&mut app, "<C-u>2027-02-30<Enter>");
    snapshot("hand_over_check_in_refused", &mut app);
}

#[test]
fn delete_person_confirmation() {
    let mut app = app();
    keys(&mut app, "2");
    let p = app
        .team()
        .people
        .iter()
        .position(|p| p.name == "Chen Wei")
        .unwrap();
    app.select_person(p);
    keys(&mut app, "d");
    snapshot("confirm_delete_person", &mut app);
}

#[test]
fn conflict_modal() {
    let mut app = app();
    // The saver finds the file changed by another program.
    update(
        &mut app,
        Message::Saved {
            result: Err(handover::store::SaveError::ChangedOnDisk("team.ron".into())),
            changes: 0,
        },
    );
    assert_eq!(app.file().save, SaveState::Conflict);
    snapshot("conflict", &mut app);
}

#[test]
fn too_small() {
    let app = app();
    let terminal = draw(&app, 30, 8);
    insta::assert_snapshot!("too_small_30x8", terminal.backend());
}

#[test]
fn wide_names_stay_aligned() {
    let mut team = handover::sample::team();
    team.missions[0].title = "移行: 請求システムを Postgres 16 へ 🚀".into();
    team.people[0].name = "王芳 (Wáng Fāng) 👩‍💻".into();
    team.missions[0].owner = Some(team.people[0].name.clone());
    team.missions[1].mentor = Some(team.people[0].name.clone());
    team.people[5].turns_to[0] = team.people[0].name.clone();
    let app = app_of(team);
    let terminal = draw(&app, 80, 24);
    // No row runs past 80 columns, whatever the script: a wide character
    // covers the cell after it, which is skipped.
    for y in 0..24 {
        let (mut x, mut width) = (0, 0);
        while x < 80 {
            let w =
                unicode_width::UnicodeWidthStr::width(terminal.backend().buffer()[(x, y)].symbol())
                    .max(1);
            width += w;
            x += w as u16;
        }
        assert_eq!(width, 80, "row {y}");
    }
    insta::assert_snapshot!("wide_names_80x24", terminal.backend());
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let mut team = handover::sample::team();
    team.missions[0].title = "pwn\u{1b}]0;owned\u{7}\u{1b}[2J\u{9b}31m\u{202e}txt".into();
    team.people[0].name = "evil\u{1b}[31mname\u{7f}".into();
    team.missions[0].owner = Some(team.people[0].name.clone());
    team.missions[1].mentor = Some(team.people[0].name.clone());
    team.people[5].turns_to[0] = team.people[0].name.clone();
    let mut app = app_of(team);
    for view in ["1", "2", "3", "4"] {
        keys(&mut app, view);
        let terminal = draw(&app, 120, 35);
        for cell in terminal.backend().buffer().content() {
            assert!(
                !cell
                    .symbol()
                    .chars()
                    .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "a control character reached the screen in view {view}: {:?}",
                cell.symbol()
            );
        }
    }
}

#[test]
fn every_view_and_modal_draws_at_any_size_without_panicking() {
    let sizes = [
        (1, 1),
        (2, 1),
        (1, 5),
        (10, 3),
        (39, 9),
        (40, 10),
        (41, 11),
        (60, 15),
        (80, 24),
        (300, 100),
    ];
    let setups: Vec<&str> = vec![
        "1",
        "2",
        "3",
        "4",
        "5",
        "?",
        "a",
        "2e",
        "o",
        "m",
        "h",
        "hy",
        "d",
        "/x",
        "D",
        "ss",
        "/is:x owner:",
    ];
    for setup in setups {
        let mut app = app();
        select_mission(&mut app, "Speed up the checkout page");
        keys(&mut app, setup);
        for (width, height) in sizes {
            update(&mut app, Message::Resize(width, height));
            draw(&app, width, height);
        }
    }
    let mut app = app();
    update(&mut app, Message::Action(Action::Quit));
    assert!(app.quit());
}

#[test]
fn the_welcome_over_the_sample() {
    let file = handover::tui::app::FileState {
        path: "team.ron".into(),
        baseline: None,
        read_only: false,
        save: SaveState::Sample,
    };
    let mut app = support::app::app().file(file).build();
    keys(&mut app, "S");
    snapshot("welcome", &mut app);
    keys(&mut app, "imatrix.csv");
    snapshot("welcome_import", &mut app);
    // Trying the sample: the status bar says nothing is saved.
    keys(&mut app, "<Esc><Esc>");
    snapshot("sample_in_memory", &mut app);
    for (width, height) in [(1, 1), (39, 9), (40, 10), (60, 15)] {
        keys(&mut app, "S");
        update(&mut app, Message::Resize(width, height));
        draw(&app, width, height);
    }
}

#[test]
fn one_on_one_entry_form() {
    let mut app = app();
    keys(
        &mut app,
        "4nShipped the retries.\nWants to present them.\tBook the guild slot\nPair on idempotency",
    );
    snapshot("entry_form", &mut app);
}

#[test]
fn one_on_one_action_items() {
    let mut app = app();
    let farid = app
        .team()
        .people
        .iter()
        .position(|p| p.name == "Farid Haddad")
        .unwrap();
    keys(&mut app, "4");
    app.select_person(farid);
    keys(&mut app, " ");
    snapshot("action_items", &mut app);
}

#[test]
fn one_on_one_export_prompt() {
    let mut app = app();
    keys(&mut app, "4x");
    snapshot("export_agenda", &mut app);
}

/// Every character on screen, row by row.
fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    (0..area.height)
        .map(|y| (0..area.width).map(|x| buffer[(x, y)].symbol()).collect())
        .collect::<Vec<String>>()
        .join("\n")
}

/// A team with every kind of finding and every person signal.
const EVERY_FINDING_AND_SIGNAL: &str = r#"(people: [
    (name: "Ada", capacity: 2, mentor_capacity: 0, skills: {"go": 3, "ml": 1}, turns_to: ["Mo"]),
    (name: "Mo", skills: {"go": 4, "ml": 4, "rust": 4}),
    (name: "Cy", turns_to: ["Mo"]),
    (name: "Dee"),
], missions: [
    (title: "Everything missing", tools: ["vault"], owner: Some("Ada"), mentor: Some("Mo"),
     skills: {"ml": 2, "k8s": 3, "sql": 1, "rust": 4}, delegation: Some(6)),
    (title: "Held too tight", goal: "g", skills: {"go": 3}, owner: Some("Ada"), delegation: Some(1)),
    (title: "Third", goal: "g", owner: Some("Ada")),
    (title: "Mentored", goal: "g", owner: Some("Cy"), mentor: Some("Ada")),
    (title: "Alone", goal: "g", owner: Some("Dee")),
])"#;

/// Each kind of finding by name; a new kind fails to compile here until
/// the test below covers it.
fn finding_kind(finding: &Finding) -> &'static str {
    match finding {
        Finding::GoalMissing => "goal",
        Finding::ToolGap { .. } => "tool",
        Finding::SkillGap(gap) if gap.is_covered() => "covered gap",
        Finding::SkillGap(gap) if gap.is_wide() => "wide gap",
        Finding::SkillGap(_) => "gap",
        Finding::Overloaded { .. } => "overloaded",
        Finding::AbandonmentRisk { .. } => "abandonment",
        Finding::Micromanagement { .. } => "micromanagement",
    }
}

fn signal_kind(signal: &PersonSignal) -> &'static str {
    match signal {
        PersonSignal::Overloaded { .. } => "overloaded",
        PersonSignal::MentorOverloaded { .. } => "mentor overloaded",
        PersonSignal::Isolated => "isolated",
        PersonSignal::OnlyHolder { .. } => "only holder",
    }
}

#[test]
fn check_the_missions_view_and_the_agenda_word_each_finding_alike() {
    let team: handover::model::Team = ron::from_str(EVERY_FINDING_AND_SIGNAL).unwrap();
    let a = analyse(&team);
    let check = render_text(&team, &a, "2026-11-28".parse().unwrap(), Paint::plain());
    let mut app = app_of(team.clone());
    let mut kinds = std::collections::BTreeSet::new();
    for m in 0..team.missions.len() {
        app.select_mission(m);
        let shown = screen(&draw(&app, 200, 80));
        let owner = a.index.owner[m].unwrap();
        let agenda = handover::agenda::agenda(&team, &a, owner);
        for finding in Finding::of(&team, &a, m) {
            kinds.insert(finding_kind(&finding));
            let words = finding.words(&team, &a);
            assert!(
                check.contains(&format!("      {words}\n")),
                "check: {words}\n{check}"
            );
            assert!(shown.contains(&words), "Missions view: {words}\n{shown}");
            assert!(
                agenda.contains(&format!("- {words}\n")),
                "agenda: {words}\n{agenda}"
            );
        }
    }
    // (A wide gap is never covered: SPEC §3.)
    assert_eq!(kinds.len(), 8, "the team has every kind: {kinds:?}");
}

#[test]
fn check_and_the_people_view_word_each_signal_alike() {
    let team: handover::model::Team = ron::from_str(EVERY_FINDING_AND_SIGNAL).unwrap();
    let a = analyse(&team);
    let check = render_text(&team, &a, "2026-11-28".parse().unwrap(), Paint::plain());
    let mut app = app_of(team.clone());
    keys(&mut app, "2");
    let mut kinds = std::collections::BTreeSet::new();
    for (p, person) in team.people.iter().enumerate() {
        app.select_person(p);
        let shown = screen(&draw(&app, 200, 80));
        let line = check
            .lines()
            .find(|l| l.starts_with(&format!("  {} ", person.name)))
            .unwrap();
        for signal in PersonSignal::of(&team, &a, p) {
            kinds.insert(signal_kind(&signal));
            let words = signal.words(&a);
            assert!(
                shown.contains(&format!("! {words}")),
                "People view: {words}\n{shown}"
            );
            if !signal.is_single_point() {
                assert!(line.contains(&words), "check: {words}\n{line}");
            }
        }
    }
    assert_eq!(kinds.len(), 4, "the team has every kind: {kinds:?}");
}

#[test]
fn a_page_is_as_many_rows_as_the_list_showed() {
    let mut app = app();
    let mut terminal = Terminal::new(TestBackend::new(80, 14)).unwrap();
    terminal.draw(|frame| ui::render(&app, frame)).unwrap();
    let shown = app.missions().list.height.get();
    assert!(shown > 1 && shown < 12, "a short list: {shown} rows");
    update(&mut app, Message::Action(Action::PageDown));
    assert_eq!(app.missions().list.selected, shown, "one page down");
}

#[test]
fn one_on_one_history() {
    let mut app = app();
    keys(&mut app, "4nToday's words.<Tab>Book the room<C-s>L");
    snapshot("history", &mut app);
}

#[test]
fn meeting_screen_over_todays_entry_reopened() {
    let mut app = app();
    keys(&mut app, "4nA word.<Tab>me: Send the notes @ +7<C-s>n");
    snapshot("entry_reopened", &mut app);
}

#[test]
fn a_done_missions_detail_says_done_once_and_its_delegation_history_once() {
    let mut app = app();
    select_mission(&mut app, "Checkout usability study");
    let text = screen(&draw(&app, 120, 35));
    assert!(!text.contains("done · done"), "{text}");
    select_mission(&mut app, "Migrate billing to Postgres 16");
    let text = screen(&draw(&app, 120, 35));
    assert!(text.contains("Delegation 4 Agree "), "{text}");
    assert_eq!(text.matches("Consult → Agree").count(), 1, "{text}");
}
