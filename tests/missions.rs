//! The Missions list (SPEC §5, issue 12 item 6) driven by keys: the filter's
//! fields, `s` for the order, the owner and due columns, `D` for done.
//! Today is 2026-11-28 (the builder's).

mod support;

use handover::analysis::Verdict;
use handover::model::{Date, Status, Team};
use handover::tui::app::{App, Modal};
use handover::tui::message::{Action, Message};
use handover::tui::{ui, update::update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::app::{app, press, select_mission};

fn sample() -> App {
    app().build()
}

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

/// The titles of the rows, in order.
fn titles(app: &App) -> Vec<String> {
    app.missions()
        .list
        .rows
        .iter()
        .map(|&m| app.team().missions[m].title.clone())
        .collect()
}

fn selected_title(app: &App) -> String {
    let m = app.selected_mission().unwrap();
    app.team().missions[m].title.clone()
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    update(app, Message::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    // A wide character covers the cell after it, which is skipped.
    (0..height)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < width {
                let symbol = buffer[(x, y)].symbol();
                row.push_str(symbol);
                x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
            }
            row
        })
        .collect::<Vec<String>>()
        .join("\n")
}

#[test]
fn fields_filter_the_missions() {
    let mut app = sample();
    press(&mut app, "/is:at-risk");
    assert_eq!(titles(&app), ["Speed up the checkout page"]);
    assert_eq!(app.missions().query_error, None);

    press(&mut app, "<Esc>/is:blocked owner:chen");
    assert_eq!(titles(&app), ["Rotate the TLS certificates"]);

    // Names without case or accents: Elif Şahin owns the study.
    press(&mut app, "<Esc>/owner:SAHIN");
    assert_eq!(titles(&app), ["Checkout usability study"]);

    press(&mut app, "<Esc>/owner:");
    assert_eq!(
        titles(&app),
        [
            "Design tokens for the component library",
            "Churn prediction prototype"
        ]
    );

    // Due within 14 days of 2026-11-28, or late: 2026-12-10, 2026-11-25
    // (late) and 2026-12-05; not 2026-12-20.
    press(&mut app, "<Esc>/due:14");
    assert_eq!(
        titles(&app),
        [
            "Rotate the TLS certificates",
            "Automate the quarterly revenue report",
            "Load-test the payment API"
        ]
    );

    press(&mut app, "<Esc>/skill:react -is:done");
    assert!(!titles(&app).is_empty());
    for &m in &app.missions().list.rows {
        let mission = &app.team().missions[m];
        assert!(mission.skills.contains_key("react"), "{}", mission.title);
        assert_ne!(mission.status, Status::Done);
    }
}

#[test]
fn plain_words_still_match_fuzzily_and_mix_with_fields() {
    let mut app = sample();
    press(&mut app, "/checkout");
    assert_eq!(titles(&app).len(), 2);
    press(&mut app, " -is:done");
    assert_eq!(titles(&app), ["Speed up the checkout page"]);
}

#[test]
fn a_bad_field_is_said_under_the_filter_and_the_rest_of_the_line_filters() {
    let mut app = sample();
    press(&mut app, "/owner:chen is:blocked");
    assert_eq!(titles(&app), ["Rotate the TLS certificates"]);
    // Typing on into a value that is not a state.
    press(&mut app, "<BS><BS>");
    assert_eq!(
        app.missions().query_error.as_deref(),
        Some("is:block: did you mean is:blocked?")
    );
    assert_eq!(
        titles(&app),
        [
            "Upgrade the staging cluster to Kubernetes 1.31",
            "Rotate the TLS certificates"
        ],
        "owner:chen still holds"
    );
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("│✗ is:block: did you mean"), "{shown}");

    // An unknown field, said so; Enter keeps the line and its message.
    press(&mut app, "<Esc>/onwer:dana\n");
    assert_eq!(
        app.missions().query_error.as_deref(),
        Some("onwer: is not a filter field: did you mean owner:?")
    );
    assert!(!app.missions().list.filtering);
    assert_eq!(titles(&app).len(), 12);
    assert!(screen(&mut app, 120, 35).contains("did you mean owner:?"));
    // Esc clears the line and the message.
    press(&mut app, "/<Esc>");
    assert_eq!(app.missions().query_error, None);
    assert_eq!(titles(&app).len(), 12);
    assert!(!screen(&mut app, 120, 35).contains("did you mean"));
}

#[test]
fn the_people_filter_ignores_accents() {
    let mut app = sample();
    press(&mut app, "2/sahin");
    let names: Vec<&str> = app
        .people()
        .list
        .rows
        .iter()
        .map(|&p| app.team().people[p].name.as_str())
        .collect();
    assert_eq!(names.first(), Some(&"Elif Şahin"), "{names:?}");
}

#[test]
fn s_cycles_the_order_and_the_title_says_which() {
    let mut app = sample();
    let file_order = titles(&app);
    assert!(screen(&mut app, 120, 35).contains("┌ Missions (12) "));

    press(&mut app, "s");
    let urgent = titles(&app);
    let verdicts: Vec<Verdict> = app
        .missions()
        .list
        .rows
        .iter()
        .map(|&m| app.analysis().missions[m].verdict)
        .collect();
    assert!(verdicts.is_sorted(), "worst verdict first: {verdicts:?}");
    // Among the blocked, the one due first (2026-11-25, late) leads.
    assert_eq!(urgent[0], "Automate the quarterly revenue report");
    assert_eq!(urgent[1], "Rotate the TLS certificates");
    assert!(screen(&mut app, 120, 35).contains("┌ Missions · by most urgent (12) "));

    press(&mut app, "s");
    assert_eq!(
        titles(&app)[..5],
        [
            "Automate the quarterly revenue report",
            "Load-test the payment API",
            "Rotate the TLS certificates",
            "Upgrade the staging cluster to Kubernetes 1.31",
            "Add retries to the payment webhooks",
        ]
    );
    assert_eq!(titles(&app)[11], "Checkout usability study", "done last");
    assert!(screen(&mut app, 80, 24).contains("Missions · by due date (12)"));

    press(&mut app, "s");
    assert_eq!(
        titles(&app)[0],
        "Migrate billing to Postgres 16",
        "Amina first"
    );
    assert!(screen(&mut app, 120, 35).contains("Missions · by owner (12)"));

    press(&mut app, "s");
    assert_eq!(titles(&app), file_order);
}

#[test]
fn the_order_and_the_selection_outlast_an_edit_and_a_filter() {
    let mut app = sample();
    press(&mut app, "ss");
    select_mission(&mut app, "Speed up the checkout page");
    // Assign the mission's mentor: one change, re-analysed.
    press(&mut app, "m\n");
    assert!(
        app.team().missions[4].mentor.is_some(),
        "{:?}",
        app.notice()
    );
    assert_eq!(app.missions().sort, handover::query::Sort::Due);
    assert_eq!(selected_title(&app), "Speed up the checkout page");
    assert_eq!(titles(&app)[0], "Automate the quarterly revenue report");

    // Moving the due date moves the row, and the selection goes with it.
    let m = app.selected_mission().unwrap();
    let mut mission = app.team().missions[m].clone();
    mission.due = Some(date("2026-11-20"));
    let change = handover::edit::update_mission(app.team(), m, mission, app.today());
    handover::tui::update::apply(&mut app, change);
    assert_eq!(titles(&app)[0], "Speed up the checkout page");
    assert_eq!(selected_title(&app), "Speed up the checkout page");

    press(&mut app, "/-is:done\n");
    assert_eq!(app.missions().sort, handover::query::Sort::Due);
    assert_eq!(titles(&app)[0], "Speed up the checkout page");
    press(&mut app, "u");
    assert_eq!(
        titles(&app)[0],
        "Automate the quarterly revenue report",
        "undone"
    );
}

/// The sample with dates around 2026-11-28: late, today, soon, later.
fn dated() -> Team {
    let mut team = handover::sample::team();
    let due = |team: &mut Team, title: &str, day: &str| {
        let m = team.missions.iter_mut().find(|m| m.title == title).unwrap();
        m.due = Some(date(day));
    };
    due(&mut team, "Rotate the TLS certificates", "2026-11-25");
    due(&mut team, "Speed up the checkout page", "2026-11-28");
    due(&mut team, "Load-test the payment API", "2026-12-03");
    due(&mut team, "Checkout usability study", "2026-11-01");
    team
}

/// The row of the list (left pane) showing a title.
fn row<'a>(shown: &'a str, title_start: &str) -> &'a str {
    shown
        .lines()
        .find(|l| l.contains(title_start))
        .unwrap_or_else(|| panic!("no row {title_start:?} in\n{shown}"))
}

#[test]
fn rows_show_the_owner_and_the_due_date_with_a_mark_as_the_width_allows() {
    let mut app = app().team(dated()).build();
    select_mission(&mut app, "Define the API versioning policy");
    // Wide: the verdict's word, the owner, the due date.
    let shown = screen(&mut app, 160, 35);
    let late = row(&shown, "Rotate the TLS");
    assert!(late.contains("✗ blocked"), "{late}");
    assert!(late.contains("Chen Wei"), "{late}");
    assert!(late.contains("! 3d late"), "{late}");
    let today = row(&shown, "Speed up the");
    assert!(today.contains("» today"), "{today}");
    let soon = row(&shown, "Load-test");
    assert!(soon.contains("» in 5d"), "{soon}");
    let later = row(&shown, "Migrate billing");
    assert!(later.contains("  in 93d"), "{later}");
    // Done: no due date to meet, whatever the file says.
    let done = row(&shown, "Checkout usability");
    assert!(!done.contains("late"), "{done}");

    // 120 columns: the verdict's mark, the owner, the due date.
    let shown = screen(&mut app, 120, 35);
    let late = row(&shown, "Rotate the TLS");
    assert!(
        late.contains("│✗ Rotate") && late.contains("Chen Wei"),
        "{late}"
    );
    assert!(late.contains("! 3d late"), "{late}");

    // 80 columns: the owner goes first; the due date stays.
    let shown = screen(&mut app, 80, 24);
    let late = row(&shown, "Rotate the TLS");
    assert!(!late.contains("Chen"), "{late}");
    assert!(late.contains("! 3d late"), "{late}");
}

#[test]
fn due_soon_days_in_the_settings_moves_the_mark_the_filter_and_the_legend() {
    let mut app = app().team(dated()).build();
    select_mission(&mut app, "Define the API versioning policy");
    let shown = screen(&mut app, 160, 35);
    assert!(row(&shown, "Load-test").contains("» in 5d"), "{shown}");
    press(&mut app, "/is:due-soon\n");
    assert_eq!(
        titles(&app),
        ["Speed up the checkout page", "Load-test the payment API"]
    );
    // Three days: in 5 days is no longer soon; today still is.
    app.set_settings(handover::tui::settings::Settings {
        due_soon_days: 3,
        ..Default::default()
    });
    assert_eq!(titles(&app), ["Speed up the checkout page"]);
    press(&mut app, "/<Esc>");
    let shown = screen(&mut app, 160, 35);
    let soon = row(&shown, "Load-test");
    assert!(soon.contains("  in 5d") && !soon.contains('»'), "{soon}");
    assert!(row(&shown, "Speed up the").contains("» today"), "{shown}");
    select_mission(&mut app, "Load-test the payment API");
    let shown = screen(&mut app, 160, 35);
    assert!(
        shown.contains("Due        2026-12-03 (in 5 days)"),
        "{shown}"
    );
    press(&mut app, "?");
    let shown = screen(&mut app, 160, 35);
    assert!(shown.contains("» within 3 days"), "{shown}");
}

#[test]
fn the_detail_says_the_due_date_relative_to_today() {
    let mut app = app().team(dated()).build();
    select_mission(&mut app, "Rotate the TLS certificates");
    let shown = screen(&mut app, 120, 35);
    assert!(
        shown.contains("Due        ! 2026-11-25 (3 days late)"),
        "{shown}"
    );
}

#[test]
fn names_in_any_script_keep_the_columns_aligned() {
    let mut team = dated();
    team.people[3].name = "王芳芳".into();
    team.missions[3].owner = Some("王芳芳".into());
    team.missions[3].title = "証明書を更新する 🔐 then the rest".into();
    let mut app = app().team(team).build();
    let shown = screen(&mut app, 120, 35);
    let due_column = |title: &str| {
        let line = row(&shown, title);
        let at = line
            .find("in 93d")
            .or_else(|| line.find("! 3d late"))
            .unwrap();
        unicode_width::UnicodeWidthStr::width(&line[..at])
    };
    assert_eq!(due_column("証明書"), due_column("Migrate billing") - 2);
}

#[test]
fn capital_d_marks_the_mission_done_after_asking_and_u_takes_it_back() {
    let mut app = sample();
    select_mission(&mut app, "Speed up the checkout page");
    let m = app.selected_mission().unwrap();
    press(&mut app, "D");
    let Some(Modal::Confirm(confirm)) = app.modal() else {
        panic!("D asks first: {:?}", app.modal());
    };
    assert_eq!(confirm.title, "Mark \"Speed up the checkout page\" done?");
    assert_eq!(app.team().missions[m].status, Status::Planned);
    // No leaves it as it was.
    press(&mut app, "n");
    assert!(app.modal().is_none());
    assert_eq!(app.team().missions[m].status, Status::Planned);

    press(&mut app, "Dy");
    assert_eq!(app.team().missions[m].status, Status::Done);
    assert_eq!(app.analysis().missions[m].verdict, Verdict::Done);
    assert_eq!(app.undo().len(), 1, "one change");
    assert_eq!(app.undo()[0].ops.len(), 1);
    press(&mut app, "u");
    assert_eq!(app.team().missions[m].status, Status::Planned);
    assert_eq!(app.team(), &handover::sample::team());

    // A done mission is not marked again.
    select_mission(&mut app, "Checkout usability study");
    press(&mut app, "D");
    assert!(app.modal().is_none());
    assert!(app.notice().unwrap().text.contains("done already"));
}

#[test]
fn mark_done_and_sort_are_keys_of_the_missions_view_only() {
    let mut app = sample();
    press(&mut app, "2");
    let before = app.team().clone();
    handover::tui::dispatch_on(
        &mut app,
        Message::Action(Action::MarkDone),
        &mut support::app::NoSave,
    );
    assert!(app.modal().is_none());
    support::app::act(&mut app, Action::Sort);
    assert_eq!(app.missions().sort, handover::query::Sort::File);
    assert_eq!(app.team(), &before);
}

/// The keys that empty a field holding an ISO date.
const ERASE_DATE: &str = "<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>";

#[test]
fn the_mission_form_reads_a_typed_due_date_and_shows_the_day_before_saving() {
    let mut app = sample();
    select_mission(&mut app, "Speed up the checkout page");
    let m = app.selected_mission().unwrap();
    // e, then down to Due (the ninth field).
    press(&mut app, "e<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>");
    press(&mut app, ERASE_DATE);
    press(&mut app, "fri");
    let shown = screen(&mut app, 120, 35);
    assert!(
        shown.contains("→ 2026-12-04 (Fri, in 6 days)"),
        "the day understood, before saving:\n{shown}"
    );
    // Tab puts the ISO date in the field.
    press(&mut app, "<Tab>");
    assert!(screen(&mut app, 120, 35).contains("Due              2026-12-04"));
    press(&mut app, "\n");
    assert!(app.modal().is_none(), "saved");
    assert_eq!(app.team().missions[m].due, Some(date("2026-12-04")));
}

#[test]
fn an_impossible_due_date_is_refused_in_the_field_and_nothing_is_saved() {
    let mut app = sample();
    select_mission(&mut app, "Speed up the checkout page");
    let before = app.team().clone();
    press(&mut app, "e<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>");
    press(&mut app, ERASE_DATE);
    press(&mut app, "2027-02-30");
    let shown = screen(&mut app, 120, 35);
    assert!(
        shown.contains("✗ 2027-02-30: February 2027 has 28 days"),
        "{shown}"
    );
    press(&mut app, "\n");
    let Some(Modal::Form(form)) = app.modal() else {
        panic!("the form stays open: {:?}", app.modal());
    };
    assert_eq!(
        form.error.as_deref(),
        Some("Due: 2027-02-30: February 2027 has 28 days")
    );
    assert_eq!(app.team(), &before);
}

#[test]
fn the_one_on_one_entry_takes_a_typed_date() {
    let mut app = sample();
    press(&mut app, "4");
    support::app::select_person(&mut app, "Chen Wei");
    let p = app.selected_person().unwrap();
    let entries = app.team().people[p].log.len();
    // n opens on the note; Shift-Tab goes back to the date.
    press(&mut app, "n<S-Tab>");
    press(&mut app, ERASE_DATE);
    press(&mut app, "yesterday");
    let shown = screen(&mut app, 120, 35);
    assert!(
        shown.contains("yesterday  → 2026-11-27 (Fri, yesterday)"),
        "{shown}"
    );
    press(&mut app, "\nTalked about the cluster upgrade.");
    press(&mut app, "<C-s>");
    assert!(app.modal().is_none(), "saved");
    let log = &app.team().people[p].log;
    assert_eq!(log.len(), entries + 1);
    assert!(
        log.iter()
            .any(|e| e.date == date("2026-11-27") && e.note == "Talked about the cluster upgrade.")
    );

    // An impossible date: said in the field, and the entry is not saved.
    press(&mut app, "n<S-Tab>");
    press(&mut app, ERASE_DATE);
    press(&mut app, "2026-11-31\nx<C-s>");
    assert!(matches!(app.modal(), Some(Modal::Entry(_))));
    assert_eq!(app.team().people[p].log.len(), entries + 1);
    let shown = screen(&mut app, 120, 35);
    assert!(
        shown.contains("2026-11-31: November 2026 has 30 days"),
        "{shown}"
    );
}
