//! The app driven through `update` by key events, with saves going to a real
//! file in a temporary folder.

mod support;

use std::fs;
use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use handover::model::{Status, Team};
use handover::sample;
use handover::store;
use handover::tui::app::{App, FileState, Modal, SaveState};
use handover::tui::dispatch;
use handover::tui::keymap::Keymap;
use handover::tui::message::{Message, View};

struct Harness {
    app: App,
    path: PathBuf,
    _dir: tempfile::TempDir,
}

fn today() -> handover::model::Date {
    support::app::today()
}

/// The app on the sample team, as on first start: nothing on disk yet.
fn fresh() -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.ron");
    let file = FileState {
        path: path.clone(),
        baseline: None,
        read_only: false,
        save: SaveState::Sample,
    };
    Harness {
        app: support::app::app().file(file).build(),
        path,
        _dir: dir,
    }
}

/// The app on a sample team already saved to disk.
fn loaded() -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.ron");
    store::create_new(&path, &sample::team()).unwrap();
    let loaded = store::load(&path).unwrap();
    let file = FileState {
        path: path.clone(),
        baseline: Some(loaded.baseline),
        read_only: false,
        save: SaveState::Saved,
    };
    Harness {
        app: support::app::app().team(loaded.team).file(file).build(),
        path,
        _dir: dir,
    }
}

impl Harness {
    /// Presses keys (see `support::app::parse_keys`), saving to the file.
    fn keys(&mut self, keys: &str) -> &mut Self {
        for event in support::app::parse_keys(keys) {
            if let Some(message) = self.app.message_for(event) {
                dispatch(&mut self.app, message);
            }
        }
        self
    }

    fn message(&mut self, message: Message) -> &mut Self {
        dispatch(&mut self.app, message);
        self
    }

    fn keys_ctrl(&mut self, c: char) -> &mut Self {
        let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        if let Some(message) = self.app.message_for(event) {
            dispatch(&mut self.app, message);
        }
        self
    }

    /// Sets $EDITOR to a stub shell script beside the team file.
    fn with_editor(&mut self, script: &str) -> &mut Self {
        use std::os::unix::fs::PermissionsExt;
        let stub = self.path.parent().unwrap().join("editor.sh");
        fs::write(&stub, format!("#!/bin/sh\n{script}\n")).unwrap();
        fs::set_permissions(&stub, fs::Permissions::from_mode(0o755)).unwrap();
        // Run through sh, not executed itself: a test thread forking while the
        // script was being written would make exec fail with ETXTBSY.
        self.app.set_editor(Some(format!("sh {}", stub.display())));
        self
    }

    fn on_disk(&self) -> Team {
        store::load(&self.path).unwrap().team
    }

    fn select_mission(&mut self, title: &str) -> &mut Self {
        let m = self
            .app
            .team()
            .missions
            .iter()
            .position(|m| m.title == title)
            .unwrap();
        self.app.select_mission(m);
        self
    }

    fn select_person(&mut self, name: &str) -> &mut Self {
        let p = self
            .app
            .team()
            .people
            .iter()
            .position(|p| p.name == name)
            .unwrap();
        self.app.select_person(p);
        self
    }

    fn mission(&self, title: &str) -> &handover::model::Mission {
        self.app
            .team()
            .missions
            .iter()
            .find(|m| m.title == title)
            .unwrap()
    }

    fn notice(&self) -> String {
        self.app
            .notice()
            .as_ref()
            .map(|n| n.text.clone())
            .unwrap_or_default()
    }
}

#[test]
fn tab_and_numbers_switch_views() {
    let mut h = fresh();
    assert_eq!(h.app.view(), View::Missions);
    h.keys("<Tab>");
    assert_eq!(h.app.view(), View::People);
    h.keys("<S-Tab><S-Tab>");
    assert_eq!(h.app.view(), View::Plan);
    h.keys("3");
    assert_eq!(h.app.view(), View::Matrix);
    h.keys("4");
    assert_eq!(h.app.view(), View::OneOnOne);
    h.keys("1");
    assert_eq!(h.app.view(), View::Missions);
}

#[test]
fn moving_stops_at_the_ends() {
    let mut h = fresh();
    h.keys("k");
    assert_eq!(h.app.missions().list.selected, 0);
    h.keys("jjj");
    assert_eq!(h.app.missions().list.selected, 3);
    h.keys("G");
    assert_eq!(h.app.missions().list.selected, 11);
    h.keys("j<Down>");
    assert_eq!(h.app.missions().list.selected, 11);
    h.keys("g");
    assert_eq!(h.app.missions().list.selected, 0);
}

#[test]
fn slash_filters_fuzzily_and_esc_clears() {
    let mut h = fresh();
    h.keys("/checkout");
    let titles: Vec<&str> = h
        .app
        .missions()
        .list
        .rows
        .iter()
        .map(|&m| h.app.team().missions[m].title.as_str())
        .collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles.iter().all(|t| t.to_lowercase().contains("checkout")));
    // While typing, letters are text, not commands.
    assert_eq!(h.app.view(), View::Missions);
    h.keys("<Enter>");
    assert!(!h.app.missions().list.filtering);
    assert_eq!(
        h.app.missions().list.rows.len(),
        2,
        "Enter keeps the filter"
    );
    h.keys("j");
    assert_eq!(
        h.app.missions().list.selected,
        1,
        "keys move again after Enter"
    );
    h.keys("/<Esc>");
    assert_eq!(h.app.missions().list.rows.len(), 12);
    assert_eq!(h.app.missions().list.query(), "");
}

#[test]
fn the_sample_lives_in_memory_until_kept_then_every_change_is_saved() {
    let mut h = fresh();
    h.select_mission("Design tokens for the component library")
        .keys("o<Enter>");
    assert_eq!(h.app.file().save, SaveState::Sample);
    assert!(!h.path.exists(), "trying the sample writes nothing");
    assert_eq!(
        h.mission("Design tokens for the component library")
            .owner
            .as_deref(),
        Some("Dana Kowalski"),
        "the top-ranked candidate is chosen"
    );
    // Keeping it writes the sample, with that change, as the manager's team.
    h.keys("Sk");
    assert!(h.app.modal().is_none());
    assert_eq!(h.app.file().save, SaveState::Saved);
    let disk = h.on_disk();
    assert_eq!(disk.missions[8].owner.as_deref(), Some("Dana Kowalski"));
    assert_eq!(disk, *h.app.team());
    h.keys("m<Enter>");
    assert_eq!(
        h.on_disk().missions[8].mentor.as_deref(),
        Some("Elif Şahin")
    );
    assert_eq!(
        h.app.analysis().missions[8].verdict,
        handover::analysis::Verdict::Stretch
    );
}

#[test]
fn an_empty_team_from_the_welcome_holds_only_what_the_manager_adds() {
    let mut h = fresh();
    h.keys("S");
    assert!(matches!(h.app.modal(), Some(Modal::Welcome(_))));
    h.keys("e");
    assert!(h.app.modal().is_none());
    assert_eq!(
        h.on_disk(),
        Team::default(),
        "an empty team, written at once"
    );
    h.keys("2aNadia Haddad<Tab>Engineer<Enter>");
    let disk = h.on_disk();
    assert_eq!(disk.people.len(), 1);
    assert_eq!(disk.people[0].name, "Nadia Haddad");
    assert!(disk.missions.is_empty());
    // What came before the start is not undone into the file.
    h.keys("uu");
    assert_eq!(h.on_disk(), Team::default());
}

#[test]
fn a_csv_from_the_welcome_becomes_the_team() {
    let mut h = fresh();
    let csv = h.path.parent().unwrap().join("matrix.csv");
    fs::write(
        &csv,
        "person,skill,level\nAna Silva,rust,3\nBo Li,sql,2\nAna Silva,sql,1\n",
    )
    .unwrap();
    h.keys("Si/nowhere.csv<Enter>");
    let Some(Modal::Welcome(welcome)) = h.app.modal() else {
        panic!("the welcome stays, saying why");
    };
    assert!(
        welcome.error.as_deref().unwrap().contains("cannot read"),
        "{:?}",
        welcome.error
    );
    assert!(!h.path.exists());
    h.keys("<Esc>i");
    for _ in 0.."/nowhere.csv".len() {
        h.keys("<BS>");
    }
    h.keys(&format!("{}<Enter>", csv.display()));
    assert!(h.app.modal().is_none(), "{:?}", h.app.modal());
    let disk = h.on_disk();
    let names: Vec<&str> = disk.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ana Silva", "Bo Li"]);
    assert_eq!(disk.people[0].skills.get("sql"), Some(&1));
    assert!(disk.missions.is_empty());
}

#[test]
fn quitting_the_sample_after_changes_asks_first() {
    let mut h = fresh();
    h.keys("q");
    assert!(h.app.quit(), "nothing changed: quits at once");
    let mut h = fresh();
    h.keys("dy");
    h.keys("q");
    assert!(!h.app.quit());
    let Some(Modal::Confirm(confirm)) = h.app.modal() else {
        panic!("asks before leaving the changes behind");
    };
    assert!(confirm.lines.join(" ").contains("in memory only"));
    h.keys("n");
    assert!(!h.app.quit());
    h.keys("qy");
    assert!(h.app.quit());
    assert!(!h.path.exists(), "leaving the sample writes nothing");
}

#[test]
fn adding_a_mission_through_the_form() {
    let mut h = loaded();
    h.keys("aWrite the onboarding guide<Tab>New hires ship on day 3<Tab>writing 3, react 2<Tab>wiki<Tab>Bruno Costa<Tab><Tab>agree<Enter>");
    assert!(h.app.modal().is_none(), "the form closed");
    let m = h.mission("Write the onboarding guide");
    assert_eq!(m.goal, "New hires ship on day 3");
    assert_eq!(m.skills.get("writing"), Some(&3));
    assert_eq!(m.tools, ["wiki"]);
    assert_eq!(m.owner.as_deref(), Some("Bruno Costa"));
    assert_eq!(m.delegation, Some(4));
    assert_eq!(h.on_disk().missions.len(), 13);
    let selected = h.app.selected_mission().unwrap();
    assert_eq!(
        h.app.team().missions[selected].title,
        "Write the onboarding guide",
        "the new mission is selected"
    );
}

#[test]
fn invalid_form_input_is_refused_in_the_form_and_never_saved() {
    let mut h = loaded();
    let before = fs::read(&h.path).unwrap();
    h.select_mission("Migrate billing to Postgres 16")
        .keys("e<Tab><Tab><Tab><Tab><C-u>Brno<Enter>");
    let Some(Modal::Form(form)) = &h.app.modal() else {
        panic!("the form stays open");
    };
    let error = form.error.clone().unwrap();
    assert!(error.contains("\"Brno\", who is not a person"), "{error}");
    assert!(error.contains("did you mean \"Bruno Costa\"?"), "{error}");
    assert_eq!(fs::read(&h.path).unwrap(), before);
    // A level out of range and a bad date are refused too.
    h.keys("<C-u><Tab><Tab><Tab><Tab><C-u>2027-02-30<Enter>");
    let Some(Modal::Form(form)) = &h.app.modal() else {
        panic!()
    };
    assert!(
        form.error.as_deref().unwrap().starts_with("Due:"),
        "{:?}",
        form.error
    );
    assert_eq!(fs::read(&h.path).unwrap(), before);
}

#[test]
fn closing_a_changed_form_asks_first() {
    let mut h = fresh();
    h.keys("e<Tab>x<Esc>");
    assert!(matches!(h.app.modal(), Some(Modal::Confirm(_))));
    h.keys("n");
    assert!(
        matches!(h.app.modal(), Some(Modal::Form(_))),
        "no goes back to the form"
    );
    h.keys("<Esc>y");
    assert!(h.app.modal().is_none());
    assert_eq!(*h.app.team(), sample::team());
    h.keys("e<Esc>");
    assert!(h.app.modal().is_none(), "an untouched form closes at once");
}

#[test]
fn renaming_a_person_updates_every_reference() {
    let mut h = loaded();
    h.keys("2")
        .select_person("Amina Diallo")
        .keys("e<C-u>Amina Sow<Enter>");
    let disk = h.on_disk();
    let text = fs::read_to_string(&h.path).unwrap();
    assert!(
        !text.contains("Amina Diallo"),
        "no reference left to the old name"
    );
    assert_eq!(disk.missions[0].owner.as_deref(), Some("Amina Sow"));
    assert_eq!(disk.missions[1].mentor.as_deref(), Some("Amina Sow"));
    assert!(
        h.notice().contains("Renamed Amina Diallo to Amina Sow"),
        "{}",
        h.notice()
    );
}

#[test]
fn deleting_a_person_names_their_links_clears_them_and_undoes() {
    let mut h = loaded();
    h.keys("2").select_person("Chen Wei").keys("d");
    let Some(Modal::Confirm(confirm)) = &h.app.modal() else {
        panic!("asks first")
    };
    let text = confirm.lines.join("\n");
    assert!(text.contains("They own \"Upgrade the staging cluster to Kubernetes 1.31\", \"Rotate the TLS certificates\""), "{text}");
    assert!(text.contains("1 person turns to them"), "{text}");
    h.keys("y");
    assert_eq!(h.app.team().people.len(), 7);
    let disk = h.on_disk();
    assert_eq!(disk.missions[2].owner, None);
    assert!(!fs::read_to_string(&h.path).unwrap().contains("Chen Wei"));
    h.keys("u");
    assert_eq!(*h.app.team(), sample::team());
    assert_eq!(h.on_disk(), sample::team());
}

#[test]
fn deleting_a_mission_asks_and_n_keeps_it() {
    let mut h = fresh();
    h.keys("dn");
    assert_eq!(h.app.team().missions.len(), 12);
    h.keys("d<Esc>");
    assert_eq!(h.app.team().missions.len(), 12);
    h.keys("d<Enter>");
    assert_eq!(h.app.team().missions.len(), 11);
}

#[test]
fn handing_over_a_ready_mission_takes_one_key() {
    let mut h = loaded();
    h.select_mission("Migrate billing to Postgres 16").keys("h");
    assert!(matches!(h.app.modal(), Some(Modal::HandOver { .. })));
    h.keys("<Enter>");
    let m = h.mission("Migrate billing to Postgres 16");
    assert_eq!(m.status, Status::HandedOver);
    assert_eq!(m.handed_over, Some(today()));
    assert!(h.on_disk().missions[0].handed_over.is_some());
}

#[test]
fn handing_over_an_at_risk_mission_needs_an_explicit_confirmation() {
    let mut h = loaded();
    h.select_mission("Speed up the checkout page")
        .keys("h<Enter>");
    let question = |h: &Harness| match h.app.modal() {
        Some(Modal::HandOver(hand_over)) => hand_over.asking.clone(),
        _ => None,
    };
    let text = question(&h).expect("a second question").join("\n");
    assert!(text.contains("Hiro Tanaka would be missing"), "{text}");
    assert!(text.contains("skill react: needs 3, has 0"), "{text}");
    assert!(text.contains("abandonment"), "{text}");
    // Enter again, or y, is not an answer: the confirming key is its own.
    h.keys("<Enter>y");
    assert!(question(&h).is_some(), "still asking");
    assert_eq!(
        h.mission("Speed up the checkout page").status,
        Status::Planned
    );
    // No goes back to the checklist, and again out of it.
    h.keys("n");
    assert!(matches!(h.app.modal(), Some(Modal::HandOver(_))) && question(&h).is_none());
    h.keys("n");
    assert!(h.app.modal().is_none());
    h.keys("h<Enter>!");
    let m = h.mission("Speed up the checkout page");
    assert_eq!(m.status, Status::HandedOver);
    assert_eq!(m.handed_over, Some(today()));
    assert_eq!(
        m.handed_over_as,
        Some(handover::analysis::Verdict::AtRisk),
        "handed over at risk, and it stays visible"
    );
    assert_eq!(h.on_disk().missions[4].handed_over_as, m.handed_over_as);
}

#[test]
fn a_hand_over_sets_a_check_in_the_manager_can_move() {
    let mut h = loaded();
    h.select_mission("Migrate billing to Postgres 16").keys("h");
    let Some(Modal::HandOver(hand_over)) = h.app.modal() else {
        panic!("the checklist");
    };
    assert_eq!(
        hand_over.check_in,
        today() + jiff::ToSpan::days(14),
        "in two weeks unless said otherwise"
    );
    // An impossible date is refused in the field, saying why.
    h.keys("c<C-u>2027-02-30<Enter>");
    let Some(Modal::HandOver(hand_over)) = h.app.modal() else {
        panic!("still open");
    };
    assert_eq!(hand_over.check_in, today() + jiff::ToSpan::days(14));
    // A date typed as people do is taken.
    h.keys("<C-u>+3w<Enter><Enter>");
    let m = h.mission("Migrate billing to Postgres 16");
    assert_eq!(m.status, Status::HandedOver);
    assert_eq!(m.check_in, Some(today() + jiff::ToSpan::days(21)));
    assert_eq!(m.handed_over_as, Some(handover::analysis::Verdict::Ready));
    assert_eq!(h.on_disk().missions[0].check_in, m.check_in);
}

#[test]
fn handing_over_an_unassigned_mission_points_at_the_owner_picker() {
    let mut h = fresh();
    h.select_mission("Churn prediction prototype").keys("h");
    assert!(h.app.modal().is_none());
    assert!(h.notice().contains("press o"), "{}", h.notice());
}

#[test]
fn the_owner_picker_filters_and_can_clear() {
    let mut h = fresh();
    h.select_mission("Migrate billing to Postgres 16")
        .keys("ogrc");
    let Some(Modal::Picker(picker)) = &h.app.modal() else {
        panic!()
    };
    assert_eq!(picker.chosen().unwrap().name, "Grace Mensah");
    h.keys("<Enter>");
    assert_eq!(
        h.mission("Migrate billing to Postgres 16").owner.as_deref(),
        Some("Grace Mensah")
    );
    h.keys("o(no<Enter>");
    assert_eq!(h.mission("Migrate billing to Postgres 16").owner, None);
    h.keys("o<Esc>");
    assert!(h.app.modal().is_none());
}

#[test]
fn undo_goes_back_to_the_state_at_open_and_redo_returns() {
    let mut h = loaded();
    let at_open = h.app.team().clone();
    h.select_mission("Design tokens for the component library")
        .keys("o<Enter>m<Enter>");
    h.keys("2")
        .select_person("Hiro Tanaka")
        .keys("e<Tab><C-u>QA lead<Enter>");
    h.keys("1").keys("d<Enter>");
    let after = h.app.team().clone();
    h.keys("uuuu");
    assert_eq!(*h.app.team(), at_open);
    assert_eq!(h.on_disk(), at_open, "undo is saved too");
    h.keys("u");
    assert!(h.notice().contains("Nothing to undo"));
    h.keys("<C-r><C-r><C-r><C-r>");
    assert_eq!(*h.app.team(), after);
    assert_eq!(h.on_disk(), after);
}

#[test]
fn a_file_changed_behind_the_app_is_never_overwritten() {
    let mut h = loaded();
    let theirs = fs::read_to_string(&h.path)
        .unwrap()
        .replace("Backend engineer", "Tech lead");
    fs::write(&h.path, &theirs).unwrap();
    h.select_mission("Design tokens for the component library")
        .keys("o<Enter>");
    assert!(matches!(h.app.modal(), Some(Modal::Conflict(_))));
    assert_eq!(h.app.file().save, SaveState::Conflict);
    assert_eq!(
        fs::read_to_string(&h.path).unwrap(),
        theirs,
        "their version is untouched"
    );
    // Keep working: still nothing written, and asked again on the next change.
    h.keys("n");
    h.keys("m<Enter>");
    assert!(matches!(h.app.modal(), Some(Modal::Conflict(_))));
    assert_eq!(fs::read_to_string(&h.path).unwrap(), theirs);
    // Reload: theirs comes in, ours is kept beside it.
    let mine = h.app.team().clone();
    h.keys("r");
    assert_eq!(h.app.file().save, SaveState::Saved);
    assert_eq!(h.app.team().people[0].role, "Tech lead");
    let kept: Vec<_> = fs::read_dir(h.path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".mine-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(store::load(&kept[0]).unwrap().team, mine);
    assert!(h.notice().contains("your version is in"), "{}", h.notice());
}

#[test]
fn quitting_with_unsaved_changes_keeps_them() {
    let mut h = loaded();
    fs::write(&h.path, "(people: [])").unwrap();
    h.keys("dy");
    assert!(matches!(h.app.modal(), Some(Modal::Conflict(_))));
    h.keys("nq");
    assert!(!h.app.quit(), "asks first");
    h.keys("y");
    assert!(h.app.quit());
    let kept = fs::read_dir(h.path.parent().unwrap())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".mine-")
        })
        .count();
    assert_eq!(kept, 1);
}

#[test]
fn a_read_only_file_refuses_changes() {
    let mut h = loaded();
    h.restart(true);
    let before = fs::read(&h.path).unwrap();
    h.keys("dy");
    assert_eq!(h.app.team().missions.len(), 12);
    assert!(h.notice().starts_with("Read-only"), "{}", h.notice());
    assert_eq!(fs::read(&h.path).unwrap(), before);
}

#[test]
fn help_lists_the_keys_of_the_view_from_the_keymap() {
    let mut h = fresh();
    h.keys("?");
    assert!(matches!(h.app.modal(), Some(Modal::Help { .. })));
    h.keys("q");
    assert!(
        h.app.modal().is_none(),
        "q closes the help rather than quitting"
    );
    assert!(!h.app.quit());
    h.keys("q");
    assert!(h.app.quit());
}

/// The agenda the One-on-one view draws, as Markdown.
fn agenda_shown(h: &Harness) -> String {
    h.app
        .one_on_one()
        .agenda
        .as_ref()
        .expect("someone is selected")
        .markdown()
}

#[test]
fn the_one_on_one_view_shows_the_agenda_of_the_selected_person() {
    let mut h = fresh();
    h.keys("4").select_person("Farid Haddad");
    let analysis = handover::analysis::analyse(h.app.team());
    let p = h.app.selected_person().unwrap();
    assert_eq!(
        agenda_shown(&h),
        handover::agenda::agenda_on(h.app.team(), &analysis, p, support::app::today())
    );
    h.keys("j");
    assert!(agenda_shown(&h).starts_with("# One-on-one: Grace Mensah"));
}

#[test]
fn the_matrix_moves_between_skills() {
    let mut h = fresh();
    h.keys("3");
    assert_eq!(h.app.matrix().col, 0);
    h.keys("llll<Right>");
    assert_eq!(h.app.matrix().col, 5);
    h.keys("hhhhhhhh");
    assert_eq!(h.app.matrix().col, 0);
}

#[test]
fn resize_is_remembered() {
    let mut h = fresh();
    dispatch(&mut h.app, Message::Resize(100, 40));
    assert_eq!(h.app.size(), (100, 40));
}

#[test]
fn the_detail_scrolls_and_a_new_selection_starts_at_its_top() {
    let mut h = fresh();
    h.keys("J");
    assert!(h.app.detail_scroll() > 0);
    h.keys("K");
    assert_eq!(h.app.detail_scroll(), 0);
    h.keys("JJj");
    assert_eq!(
        h.app.detail_scroll(),
        0,
        "moving to another mission resets the scroll"
    );
}

#[test]
fn the_plan_view_accepts_one_proposal_or_all_and_one_undo_takes_all_back() {
    let mut h = loaded();
    let at_open = h.app.team().clone();
    h.keys("5");
    let state = h
        .app
        .plan()
        .state
        .as_ref()
        .expect("the plan is worked out on showing the view");
    assert_eq!(state.plan.owners.len(), 2);
    assert_eq!(state.plan.mentors.len(), 2);
    assert_eq!(state.rows.len(), 4);
    // Enter accepts the first proposal: Dana owns the design tokens (as
    // cheap as Elif, and Dana wants to grow in design: the plan grows people).
    h.keys("<Enter>");
    assert_eq!(
        h.mission("Design tokens for the component library")
            .owner
            .as_deref(),
        Some("Dana Kowalski")
    );
    assert_eq!(
        h.on_disk().missions[8].owner.as_deref(),
        Some("Dana Kowalski")
    );
    let state = h.app.plan().state.as_ref().unwrap();
    assert_eq!(
        state.plan.owners.len(),
        1,
        "the plan is worked out again after the change"
    );
    // A accepts the rest in one change.
    h.keys("A");
    assert!(
        h.notice().starts_with("Accepted the plan"),
        "{}",
        h.notice()
    );
    assert_eq!(
        h.mission("Churn prediction prototype").owner.as_deref(),
        Some("Grace Mensah")
    );
    assert_eq!(
        h.mission("Speed up the checkout page").mentor.as_deref(),
        Some("Dana Kowalski")
    );
    h.keys("u");
    assert_eq!(h.mission("Churn prediction prototype").owner, None);
    assert_eq!(h.mission("Speed up the checkout page").mentor, None);
    assert_eq!(
        h.mission("Design tokens for the component library")
            .owner
            .as_deref(),
        Some("Dana Kowalski")
    );
    h.keys("u");
    assert_eq!(*h.app.team(), at_open);
    assert_eq!(h.on_disk(), at_open);
}

#[test]
fn the_plan_view_has_no_add_edit_or_delete() {
    let mut h = fresh();
    h.keys("5ead");
    assert!(h.app.modal().is_none());
    assert_eq!(*h.app.team(), sample::team());
}

fn open_actions_of(h: &Harness, name: &str) -> Vec<String> {
    let p = h
        .app
        .team()
        .people
        .iter()
        .position(|p| p.name == name)
        .unwrap();
    let analysis = handover::analysis::analyse(h.app.team());
    let agenda = handover::agenda::agenda(h.app.team(), &analysis, p);
    let section = agenda.split("## Open actions\n\n").nth(1).unwrap_or("");
    section
        .lines()
        .take_while(|l| l.starts_with("- [ ]"))
        .map(|l| l.to_string())
        .collect()
}

#[test]
fn a_one_on_one_entry_with_a_note_and_actions_is_saved() {
    let mut h = loaded();
    h.keys("4").select_person("Farid Haddad");
    h.keys("nShipped to staging.<Enter>Wants to present it.<Tab>Book the guild slot<Enter>Pair on idempotency<C-s>");
    assert!(h.app.modal().is_none(), "saved and closed");
    let farid = h
        .on_disk()
        .people
        .into_iter()
        .find(|p| p.name == "Farid Haddad")
        .unwrap();
    let entry = farid.log.last().unwrap();
    assert_eq!(entry.date, today(), "dated today");
    assert_eq!(entry.note, "Shipped to staging.\nWants to present it.");
    let actions: Vec<&str> = entry.actions.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(actions, ["Book the guild slot", "Pair on idempotency"]);
    h.keys("u");
    assert_eq!(h.on_disk(), sample::team(), "undone like any change");
}

#[test]
fn an_entry_can_be_dated_and_an_empty_one_is_refused() {
    let mut h = fresh();
    h.keys("4n<C-s>");
    let Some(Modal::Entry(form)) = &h.app.modal() else {
        panic!("stays open")
    };
    assert!(form.error.as_deref().unwrap().starts_with("Write a note"));
    // Shift-Tab to the date, change it, Enter moves on to the note.
    h.keys("<S-Tab>");
    for _ in 0..10 {
        h.keys("<BS>");
    }
    h.keys("2026-11-01<Enter>Earlier talk<C-s>");
    let p = h.app.selected_person().unwrap();
    let dates: Vec<String> = h.app.team().people[p]
        .log
        .iter()
        .map(|e| e.date.to_string())
        .collect();
    assert_eq!(dates, ["2026-11-01", "2026-11-06"], "kept oldest first");
}

/// `n`, then the date field (Shift-Tab), typed over: the note is next.
fn dated_entry(h: &mut Harness, date: &str) {
    h.keys("n<S-Tab>");
    for _ in 0..10 {
        h.keys("<BS>");
    }
    h.keys(date).keys("<Enter>");
}

#[test]
fn todays_entry_reopens_instead_of_starting_a_second_one() {
    let mut h = loaded();
    h.keys("4").select_person("Bruno Costa");
    let p = h.app.selected_person().unwrap();
    let before = h.app.team().people[p].log.len();
    h.keys("nFirst words<Tab>me: Send the RFC @ +7<Enter>Draft the plan @ fri<C-s>");
    // The same day: the entry opens again as it was written, to go on with it.
    h.keys("n");
    let Some(Modal::Entry(form)) = &h.app.modal() else {
        panic!("n opens the entry");
    };
    assert_eq!(form.editing, Some(before), "today's entry, reopened");
    assert_eq!(form.note_text(), "First words");
    assert_eq!(
        form.actions.lines(),
        [
            "me: Send the RFC @ 2026-12-05",
            "Draft the plan @ 2026-12-04"
        ]
    );
    assert!(!form.is_modified(today()), "nothing typed yet");
    h.keys(", more.<C-s>");
    let log = &h.on_disk().people[p].log;
    assert_eq!(log.len(), before + 1, "still one entry today");
    let entry = log.last().unwrap();
    assert_eq!(entry.note, "First words, more.");
    assert!(entry.actions[0].mine && !entry.actions[1].mine);
    assert_eq!(entry.actions[1].due, Some("2026-12-04".parse().unwrap()));
    // One undo takes the edit back, the next the entry.
    h.keys("u");
    assert_eq!(
        h.on_disk().people[p].log.last().unwrap().note,
        "First words"
    );
    h.keys("u");
    assert_eq!(h.on_disk().people[p].log.len(), before);
}

#[test]
fn a_bad_due_date_is_refused_with_the_line_it_is_on() {
    let mut h = loaded();
    h.keys("4").select_person("Bruno Costa");
    h.keys("nx<Tab>Fine<Enter>Later @ someday<C-s>");
    let Some(Modal::Entry(form)) = &h.app.modal() else {
        panic!("the entry stays open");
    };
    let error = form.error.as_deref().unwrap();
    assert!(
        error.starts_with("Action item 2: \"someday\" is not a date"),
        "{error}"
    );
}

#[test]
fn open_actions_carry_forward_until_done_across_three_entries() {
    let mut h = fresh();
    h.keys("4").select_person("Bruno Costa");
    assert!(open_actions_of(&h, "Bruno Costa").is_empty());
    dated_entry(&mut h, "2026-11-14");
    h.keys("First<Tab>Draft the RFC<Enter>Review the budget<C-s>");
    dated_entry(&mut h, "2026-11-21");
    h.keys("Second<Tab>Talk to Chen<C-s>");
    assert_eq!(
        open_actions_of(&h, "Bruno Costa"),
        [
            "- [ ] Draft the RFC (agreed 2026-11-14)",
            "- [ ] Review the budget (agreed 2026-11-14)",
            "- [ ] Talk to Chen (agreed 2026-11-21)"
        ]
    );
    // Tick the first one, then a third entry: the other two are still open.
    h.keys(" ");
    let Some(Modal::Actions { .. }) = &h.app.modal() else {
        panic!("Space opens the actions")
    };
    h.keys(" <Esc>");
    h.keys("nThird<Tab>Book the offsite<C-s>");
    assert_eq!(
        open_actions_of(&h, "Bruno Costa"),
        [
            "- [ ] Review the budget (agreed 2026-11-14)",
            "- [ ] Talk to Chen (agreed 2026-11-21)",
            "- [ ] Book the offsite (agreed 2026-11-28)"
        ]
    );
    assert!(
        agenda_shown(&h).contains("## Open actions\n\n- [ ] Review the budget"),
        "the view shows it too"
    );
}

#[test]
fn space_ticks_and_reopens_an_action() {
    let mut h = loaded();
    h.keys("4").select_person("Amina Diallo");
    h.keys(" ");
    let Some(Modal::Actions(handover::tui::modal::ActionItems { items, .. })) = &h.app.modal()
    else {
        panic!()
    };
    assert_eq!(items.len(), 2);
    h.keys(" ");
    assert!(h.on_disk().people[0].log[0].actions[0].done);
    assert!(
        h.notice().starts_with("Ticked \"Share the PG16 runbook\""),
        "{}",
        h.notice()
    );
    h.keys(" ");
    assert!(
        !h.on_disk().people[0].log[0].actions[0].done,
        "Space again reopens it"
    );
    h.keys("j <Esc>");
    assert!(
        !h.on_disk().people[0].log[0].actions[1].done,
        "the done one reopened"
    );
}

#[test]
fn the_editor_writes_the_note() {
    let mut h = fresh();
    h.with_editor("printf 'Long thoughts\\nfrom my editor\\n' >> \"$1\"");
    h.keys("4nDraft: ");
    h.keys_ctrl('e');
    let Some(Modal::Entry(form)) = &h.app.modal() else {
        panic!()
    };
    assert_eq!(form.note_text(), "Draft: Long thoughts\nfrom my editor");
    h.keys("Follow up<C-s>");
    let p = h.app.selected_person().unwrap();
    let entry = h.app.team().people[p].log.last().unwrap();
    assert_eq!(entry.note, "Draft: Long thoughts\nfrom my editor");
    assert_eq!(entry.actions[0].text, "Follow up");
}

#[test]
fn without_an_editor_ctrl_e_says_how_to_set_one() {
    let mut h = fresh();
    h.keys("4n");
    h.keys_ctrl('e');
    assert!(h.notice().contains("$EDITOR"), "{}", h.notice());
    assert!(matches!(h.app.modal(), Some(Modal::Entry(_))));
}

#[test]
fn x_writes_the_agenda_owner_only_and_asks_before_replacing() {
    use std::os::unix::fs::PermissionsExt;
    let mut h = loaded();
    h.keys("4").select_person("Chen Wei").keys("x<Enter>");
    let file = h
        .path
        .parent()
        .unwrap()
        .join("agenda-chen-wei-2026-11-28.md");
    let analysis = handover::analysis::analyse(h.app.team());
    let p = h.app.selected_person().unwrap();
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        handover::agenda::agenda(h.app.team(), &analysis, p)
    );
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    fs::write(&file, "my own notes").unwrap();
    h.keys("x<Enter>");
    assert!(
        matches!(h.app.modal(), Some(Modal::Confirm(_))),
        "asks before replacing"
    );
    h.keys("n");
    assert_eq!(fs::read_to_string(&file).unwrap(), "my own notes");
    h.keys("x<Enter>y");
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .starts_with("# One-on-one: Chen Wei")
    );
}

#[test]
fn the_agenda_in_the_view_is_the_agenda_of_the_command_line() {
    let mut h = loaded();
    for name in ["Farid Haddad", "Chen Wei", "Hiro Tanaka", "Elif Şahin"] {
        h.keys("4").select_person(name);
        let cli = std::process::Command::new(env!("CARGO_BIN_EXE_handover"))
            .args(["agenda", name, "--file"])
            .arg(&h.path)
            .env("HANDOVER_TODAY", support::app::today().to_string())
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8(cli.stdout).unwrap(),
            agenda_shown(&h),
            "{name}"
        );
    }
}

#[test]
fn a_recovery_can_be_set_aside_and_is_kept() {
    let mut h = loaded();
    let mut team = sample::team();
    team.people[0].role = "Recovered".into();
    let recovery = h.left_behind(Some(team), Vec::new());
    handover::tui::recovery::offer(&mut h.app);
    assert!(matches!(h.app.modal(), Some(Modal::Restore(_))));
    h.keys("n");
    assert!(!recovery.exists());
    assert_eq!(*h.app.team(), sample::team(), "nothing restored");
    assert_eq!(set_aside(&h), 1, "kept under another name");
}

/// How many recovery files were set aside beside the team file.
fn set_aside(h: &Harness) -> usize {
    fs::read_dir(h.path.parent().unwrap())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("team.recovery.ron.")
        })
        .count()
}

impl Harness {
    /// Opens the app again on the file as it is on disk (read-only or not).
    fn restart(&mut self, read_only: bool) {
        let loaded = store::load(&self.path).unwrap();
        let file = FileState {
            path: self.path.clone(),
            baseline: Some(loaded.baseline),
            read_only,
            save: SaveState::Saved,
        };
        self.app = support::app::app().team(loaded.team).file(file).build();
    }

    /// A recovery file beside the team file, based on the file as it is now,
    /// as a stop would leave it; the next start's offer is made.
    fn left_behind(&mut self, team: Option<Team>, drafts: Vec<store::Draft>) -> PathBuf {
        store::write_recovery(
            &self.path,
            &store::Recovery {
                based_on: store::base_now(&self.path).unwrap(),
                team,
                drafts,
            },
        )
        .unwrap()
    }
}

fn entry_draft(note: &str) -> store::Draft {
    store::Draft::Entry {
        person: "Amina Diallo".into(),
        date: "2026-11-28".into(),
        note: note.into(),
        actions: vec!["Book a pairing slot".into()],
        editor_file: None,
    }
}

#[test]
fn restoring_applies_the_changes_and_reopens_what_was_being_typed() {
    let mut h = loaded();
    let mut team = sample::team();
    team.people[1].role = "Recovered".into();
    h.left_behind(Some(team), vec![entry_draft("Half-written thoughts")]);
    handover::tui::recovery::offer(&mut h.app);
    h.keys("y");
    assert_eq!(h.app.team().people[1].role, "Recovered");
    let Some(Modal::Entry(form)) = &h.app.modal() else {
        panic!("the entry opens again: {:?}", h.app.modal());
    };
    assert_eq!(form.note_text(), "Half-written thoughts");
    assert_eq!(form.actions.lines(), ["Book a pairing slot"]);
    // Saved like any entry, and the restore is one undoable change.
    h.keys("<C-s>");
    assert!(
        store::load(&h.path).unwrap().team.people[0]
            .log
            .last()
            .unwrap()
            .note
            .contains("Half-written thoughts")
    );
    assert_eq!(
        store::load(&h.path).unwrap().team.people[1].role,
        "Recovered"
    );
    assert_eq!(set_aside(&h), 1);
}

#[test]
fn restoring_onto_a_file_that_changed_since_reverts_nothing() {
    let mut h = loaded();
    let mut stale = sample::team();
    stale.people[1].role = "Stale".into();
    h.left_behind(Some(stale), vec![entry_draft("Still wanted")]);
    // Since the crash, two imports changed the file.
    let mut theirs = sample::team();
    theirs.people[2].role = "Imported".into();
    fs::write(&h.path, store::to_ron(&theirs)).unwrap();
    h.restart(false);
    handover::tui::recovery::offer(&mut h.app);
    let Some(Modal::Restore(offer)) = &h.app.modal() else {
        panic!("asked first");
    };
    assert!(offer.lines.join(" ").contains("not applied"));
    h.keys("y");
    assert_eq!(*h.app.team(), theirs, "the imports stay; nothing reverted");
    assert!(
        matches!(&h.app.modal(), Some(Modal::Entry(form)) if form.note_text() == "Still wanted"),
        "the typed words come back all the same"
    );
    assert_eq!(set_aside(&h), 1, "the other version kept to compare");
    assert_eq!(fs::read_to_string(&h.path).unwrap(), store::to_ron(&theirs));
}

#[test]
fn a_read_only_file_keeps_a_typed_entry_in_the_recovery_file() {
    let mut h = loaded();
    h.restart(true);
    h.keys("4n").keys("Words a read-only file cannot take");
    h.keys("<C-s>");
    assert!(h.app.modal().is_none(), "the entry closes once kept");
    let notice = h.app.notice().unwrap().text.clone();
    let recovery = store::recovery_path(&h.path);
    assert!(notice.contains(&recovery.display().to_string()), "{notice}");
    let (_, kept) = store::find_recovery(&h.path).unwrap().unwrap();
    assert!(matches!(
        &kept.drafts[0],
        store::Draft::Entry { note, .. } if note == "Words a read-only file cannot take"
    ));
    assert_eq!(
        fs::read_to_string(&h.path).unwrap(),
        store::to_ron(&sample::team())
    );
}

#[test]
fn a_change_on_disk_reloads_when_nothing_is_unsaved() {
    let mut h = loaded();
    let mut theirs = sample::team();
    theirs.people[0].role = "Tech lead".into();
    fs::write(&h.path, store::to_ron(&theirs)).unwrap();
    h.message(Message::ChangedOnDisk);
    assert_eq!(*h.app.team(), theirs);
    assert!(h.app.notice().unwrap().text.clone().contains("reloaded"));
    assert_eq!(h.app.file().save, SaveState::Saved);
}

#[test]
fn a_change_on_disk_while_typing_is_a_conflict_asked_when_done() {
    let mut h = loaded();
    h.keys("4n").keys("Mine");
    let theirs = store::to_ron(&sample::team()).replace("Backend engineer", "Tech lead");
    fs::write(&h.path, &theirs).unwrap();
    h.message(Message::ChangedOnDisk);
    assert!(
        matches!(h.app.modal(), Some(Modal::Entry(_))),
        "the entry stays"
    );
    assert_eq!(h.app.file().save, SaveState::Conflict);
    h.keys("<C-s>");
    assert!(matches!(h.app.modal(), Some(Modal::Conflict(_))));
    assert_eq!(fs::read_to_string(&h.path).unwrap(), theirs, "theirs kept");
}

#[test]
fn letters_are_text_in_a_note_whatever_keys_ron_binds() {
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys.ron");
    fs::write(&keys, r#"{"cancel": ["x", "esc"]}"#).unwrap();
    let (keymap, problem) = Keymap::load(store::config::read_in(dir.path(), "keys.ron"));
    assert_eq!(problem, None);
    let mut h = loaded();
    h.app.set_keymap(keymap);
    h.keys("4n").keys("fix the tax export");
    let Some(Modal::Entry(form)) = &h.app.modal() else {
        panic!("the entry is still open");
    };
    assert_eq!(form.note_text(), "fix the tax export");
}

#[test]
fn a_file_created_meanwhile_is_never_overwritten_by_the_first_save() {
    let mut h = fresh();
    fs::write(&h.path, "someone else's team").unwrap();
    h.keys("Sk");
    assert!(matches!(h.app.modal(), Some(Modal::Conflict(_))));
    assert_eq!(fs::read_to_string(&h.path).unwrap(), "someone else's team");
}

#[test]
fn after_a_reload_no_save_is_left_pending() {
    struct Later;
    impl handover::tui::runtime::Host for Later {
        fn save(&mut self, _app: &App, _change: handover::edit::Change) -> Option<Message> {
            None
        }
    }
    let mut h = loaded();
    let event = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::NONE);
    let message = h.app.message_for(event).unwrap();
    handover::tui::dispatch_on(&mut h.app, message, &mut Later);
    let message = h
        .app
        .message_for(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE))
        .unwrap();
    handover::tui::dispatch_on(&mut h.app, message, &mut Later);
    assert!(h.app.saving(), "a save is on its way");
    let loaded = store::load(&h.path).unwrap();
    dispatch(
        &mut h.app,
        Message::Reloaded {
            result: Ok(loaded),
            kept: None,
        },
    );
    assert!(!h.app.saving(), "the reloaded file is what is saved");
}

#[test]
fn an_entry_that_would_break_a_limit_is_refused_in_the_form() {
    let mut h = loaded();
    // A pasted transcript longer than a note may be.
    h.with_editor("head -c 150000 /dev/zero | tr '\\\\0' 'x' > \"$1\"");
    let before = fs::read(&h.path).unwrap();
    h.keys("4n");
    h.keys_ctrl('e');
    h.keys("<C-s>");
    let Some(Modal::Entry(form)) = &h.app.modal() else {
        panic!("the entry stays open")
    };
    assert!(
        form.error
            .as_deref()
            .unwrap()
            .contains("note of 150000 characters; at most 100000"),
        "{:?}",
        form.error
    );
    assert_eq!(
        fs::read(&h.path).unwrap(),
        before,
        "nothing written that could not be read back"
    );
}

#[test]
fn a_conflict_never_replaces_an_entry_being_written() {
    let mut h = loaded();
    fs::write(&h.path, "(people: [])").unwrap();
    h.keys("4nHalf a thought");
    // The result of an earlier save arrives now.
    dispatch(
        &mut h.app,
        Message::Saved {
            result: Err(handover::store::SaveError::ChangedOnDisk(h.path.clone())),
            changes: 1,
        },
    );
    let Some(Modal::Entry(form)) = &h.app.modal() else {
        panic!("the entry is still open")
    };
    assert_eq!(form.note_text(), "Half a thought");
    assert_eq!(h.app.file().save, SaveState::Conflict);
    // Saved into the team, then asked about the file.
    h.keys("<C-s>");
    assert!(matches!(h.app.modal(), Some(Modal::Conflict(_))));
    assert!(
        h.app.team().people[0]
            .log
            .last()
            .unwrap()
            .note
            .contains("Half a thought")
    );
}

#[test]
fn a_note_the_editor_wrote_in_another_encoding_is_kept_with_its_file() {
    let mut h = loaded();
    h.with_editor(r#"printf 'caf\351 au lait' > "$1""#);
    h.keys("4n").keys_ctrl('e');
    let Some(Modal::Entry(form)) = &h.app.modal() else {
        panic!("the entry stays open");
    };
    assert_eq!(form.note_text(), "caf\u{fffd} au lait", "read with a mark");
    let notice = h.app.notice().unwrap().text.clone();
    assert!(notice.contains("not UTF-8"), "{notice}");
    let kept = notice
        .split_whitespace()
        .find(|w| w.contains("handover-note-"))
        .expect("the file is named");
    assert_eq!(
        fs::read(kept).unwrap(),
        b"caf\xe9 au lait",
        "the exact bytes"
    );
    fs::remove_file(kept).unwrap();
}

#[test]
fn a_form_being_written_is_kept_and_opens_again() {
    let mut h = loaded();
    h.keys("a").keys("Write the onboarding guide");
    let recovery = handover::tui::recovery::unsaved(&h.app).expect("typed text is unsaved");
    assert_eq!(recovery.team, None, "the team itself is saved");
    store::write_recovery(&h.path, &recovery).unwrap();
    // As at the next start.
    h.restart(false);
    handover::tui::recovery::offer(&mut h.app);
    h.keys("y");
    let Some(Modal::Form(form)) = &h.app.modal() else {
        panic!("the form opens again: {:?}", h.app.modal());
    };
    assert_eq!(form.fields[0].input.value(), "Write the onboarding guide");
    h.keys("<Enter>");
    assert_eq!(
        h.on_disk().missions.last().unwrap().title,
        "Write the onboarding guide"
    );
}

#[test]
fn a_line_feed_in_a_note_is_a_new_line_never_a_deletion() {
    let mut h = loaded();
    h.keys("4n").keys("First line");
    // What Enter sends when the terminal is not in raw mode: Ctrl-J.
    h.keys_ctrl('j').keys("second line");
    let Some(Modal::Entry(form)) = &h.app.modal() else {
        panic!("the entry is open");
    };
    assert_eq!(form.note_text(), "First line\nsecond line");
}

#[test]
fn the_agenda_is_never_written_over_the_team_file_nor_into_a_new_folder() {
    let mut h = loaded();
    let before = fs::read(&h.path).unwrap();
    let team_file = h.path.display().to_string();
    let missing = h.path.parent().unwrap().join("no/such/folder/agenda.md");
    for target in [team_file.clone(), missing.display().to_string()] {
        h.keys("4x");
        assert!(
            matches!(h.app.modal(), Some(Modal::Export(_))),
            "asks where"
        );
        // Ctrl-u clears the suggested path; then the path is typed.
        h.keys("<C-u>").keys(&target).keys("<Enter>");
        assert!(
            h.app.modal().is_none(),
            "{target}: refused, not asked about"
        );
        assert!(
            h.notice().contains("Not written"),
            "{target}: {}",
            h.notice()
        );
    }
    assert_eq!(
        fs::read(&h.path).unwrap(),
        before,
        "the team file untouched"
    );
    assert!(
        !h.path.parent().unwrap().join("no").exists(),
        "no folder made"
    );
}

#[test]
fn drafts_that_cannot_all_open_at_once_wait_for_the_next_start() {
    let mut h = loaded();
    h.left_behind(
        None,
        vec![entry_draft("The first"), entry_draft("The second")],
    );
    handover::tui::recovery::offer(&mut h.app);
    h.keys("y");
    assert!(
        matches!(&h.app.modal(), Some(Modal::Entry(form)) if form.note_text() == "The first"),
        "the first opens"
    );
    assert!(h.notice().contains("1 more draft"), "{}", h.notice());
    let (_, later) = store::find_recovery(&h.path).unwrap().unwrap();
    assert_eq!(
        later.drafts,
        vec![entry_draft("The second")],
        "kept for later"
    );
}

#[test]
fn a_conflict_never_sweeps_away_an_entry_being_dropped_or_a_restore_offer() {
    // "Drop this entry?" is on screen when the saver reports a conflict.
    let mut h = loaded();
    h.keys("4n").keys("Still mine<Esc>");
    assert!(matches!(h.app.modal(), Some(Modal::Confirm(_))));
    h.message(Message::Saved {
        result: Err(store::SaveError::ChangedOnDisk(h.path.clone())),
        changes: 0,
    });
    assert!(
        matches!(h.app.modal(), Some(Modal::Confirm(_))),
        "still asked"
    );
    h.keys("n");
    assert!(matches!(&h.app.modal(), Some(Modal::Entry(form)) if form.note_text() == "Still mine"));
    // The offer to restore is on screen when the file changes on disk.
    let mut h = loaded();
    h.left_behind(None, vec![entry_draft("Offered")]);
    handover::tui::recovery::offer(&mut h.app);
    fs::write(
        &h.path,
        store::to_ron(&sample::team()).replace("Backend engineer", "Lead"),
    )
    .unwrap();
    h.message(Message::ChangedOnDisk);
    assert!(
        matches!(h.app.modal(), Some(Modal::Restore(_))),
        "the offer stays; no reload under it"
    );
}

#[test]
fn the_history_shows_every_entry_and_edits_or_deletes_one() {
    let mut h = loaded();
    h.keys("4").select_person("Amina Diallo");
    let p = h.app.selected_person().unwrap();
    h.keys("nToday's words<C-s>");
    let log = h.app.team().people[p].log.clone();
    assert!(log.len() >= 2, "the sample's entry and today's");
    h.keys("L");
    let Some(Modal::History(history)) = &h.app.modal() else {
        panic!("L opens the history: {:?}", h.app.modal());
    };
    assert_eq!(history.selected, 0, "newest first");
    // The older one, edited beside the agenda: the same entry, changed.
    h.keys("je");
    let Some(Modal::Entry(form)) = &h.app.modal() else {
        panic!("e edits the entry");
    };
    assert_eq!(form.editing, Some(log.len() - 2));
    assert_eq!(form.note_text(), log[log.len() - 2].note.trim());
    h.keys(" (amended)<C-s>");
    let after = &h.on_disk().people[p].log;
    assert_eq!(after.len(), log.len(), "edited, not added");
    assert!(after[log.len() - 2].note.ends_with("(amended)"));
    // Delete the newest: asked first; one undo brings it back.
    h.keys("L").keys("d");
    assert!(
        matches!(h.app.modal(), Some(Modal::Confirm(_))),
        "asks first"
    );
    h.keys("y");
    assert_eq!(h.on_disk().people[p].log.len(), log.len() - 1);
    h.keys("u");
    assert_eq!(h.on_disk().people[p].log.len(), log.len());
    assert_eq!(h.on_disk().people[p].log.last(), log.last());
}

#[test]
fn the_one_on_one_view_lists_the_most_overdue_first_and_keeps_the_selection() {
    let mut h = loaded();
    h.select_person("Dana Kowalski");
    h.keys("4");
    let names = |h: &Harness| -> Vec<String> {
        h.app
            .people()
            .list
            .rows
            .iter()
            .map(|&p| h.app.team().people[p].name.clone())
            .collect()
    };
    let today = today();
    let lateness: Vec<i64> = h
        .app
        .people()
        .list
        .rows
        .iter()
        .map(|&p| {
            handover::analysis::dates::person(&h.app.team().people[p], today)
                .days_late()
                .unwrap_or(i64::MAX)
        })
        .collect();
    assert!(
        lateness.windows(2).all(|w| w[0] >= w[1]),
        "never met first, then most overdue: {:?} {lateness:?}",
        names(&h)
    );
    assert_ne!(names(&h)[0], "Amina Diallo", "not file order");
    let selected = h.app.selected_person().unwrap();
    assert_eq!(h.app.team().people[selected].name, "Dana Kowalski");
    // Back in the People view: file order, the same person selected.
    h.keys("2");
    assert_eq!(names(&h)[0], "Amina Diallo");
    let selected = h.app.selected_person().unwrap();
    assert_eq!(h.app.team().people[selected].name, "Dana Kowalski");
}

#[test]
fn the_cadence_is_edited_in_the_person_form_and_refused_out_of_range() {
    let mut h = loaded();
    h.select_person("Dana Kowalski");
    h.keys("2e");
    // The last field of the person form.
    h.keys("<S-Tab><C-u>400<Enter>");
    let Some(Modal::Form(form)) = h.app.modal() else {
        panic!("refused in the form");
    };
    assert!(
        form.error.as_deref().unwrap().contains("between 1 and 365"),
        "{:?}",
        form.error
    );
    h.keys("<C-u>7<Enter>");
    assert!(h.app.modal().is_none());
    let dana = |team: &Team| {
        team.people
            .iter()
            .find(|p| p.name == "Dana Kowalski")
            .unwrap()
            .cadence
    };
    assert_eq!(dana(h.app.team()), 7);
    assert_eq!(dana(&h.on_disk()), 7);
}

#[test]
fn an_action_item_is_ticked_from_the_history() {
    let mut h = loaded();
    h.keys("4").select_person("Amina Diallo");
    let p = h.app.selected_person().unwrap();
    let log = h.app.team().people[p].log.clone();
    let (e, entry) = log
        .iter()
        .enumerate()
        .rev()
        .find(|(_, e)| e.actions.iter().any(|a| !a.done))
        .expect("the sample has an open action");
    let a = entry.actions.iter().position(|a| !a.done).unwrap();
    // The newest entry first: move down to that one, then Space.
    h.keys("L");
    for _ in 0..(log.len() - 1 - e) {
        h.keys("j");
    }
    h.keys(" ");
    let Some(Modal::Actions(actions)) = h.app.modal() else {
        panic!("Space lists the entry's action items: {:?}", h.app.modal());
    };
    assert!(
        actions.items.iter().all(|&(entry, _)| entry == e),
        "only that entry's"
    );
    h.keys(" ");
    assert!(
        h.on_disk().people[p].log[e].actions[a].done,
        "ticked, and saved"
    );
}

#[test]
fn what_it_takes_applies_a_way_out_as_one_undoable_change() {
    let mut h = loaded();
    h.select_mission("Speed up the checkout page");
    let before = h.app.team().clone();
    let m = h.app.selected_mission().unwrap();
    assert_eq!(
        h.app.analysis().missions[m].verdict,
        handover::analysis::Verdict::AtRisk
    );
    let first = h.app.missions().options[0].clone();
    h.keys("f");
    assert!(matches!(h.app.modal(), Some(Modal::WhatItTakes(_))));
    h.keys("<Enter>");
    assert!(h.app.modal().is_none());
    assert_eq!(
        h.app.analysis().missions[m].verdict,
        first.verdict_after,
        "the verdict the option said"
    );
    assert_eq!(h.on_disk(), *h.app.team(), "saved");
    h.keys("u");
    assert_eq!(*h.app.team(), before, "one undo takes it all back");
}

#[test]
fn what_it_takes_opens_the_form_on_the_goal_when_words_are_needed() {
    let mut h = loaded();
    h.select_mission("Automate the quarterly revenue report");
    let m = h.app.selected_mission().unwrap();
    assert!(
        h.app.missions().options[0]
            .changes
            .contains(&handover::analysis::Change::Goal)
    );
    h.keys("f<Enter>");
    let Some(Modal::Form(form)) = h.app.modal() else {
        panic!("the form, for the goal: {:?}", h.app.modal());
    };
    assert_eq!(form.fields[form.focus].label, "Goal");
    h.keys("The revenue report builds itself every quarter<Enter>");
    assert!(h.app.modal().is_none());
    assert_eq!(
        h.on_disk().missions[m].goal,
        "The revenue report builds itself every quarter"
    );
    assert_ne!(
        h.app.analysis().missions[m].verdict,
        handover::analysis::Verdict::Blocked
    );
}

#[test]
fn what_it_takes_on_a_ready_mission_says_none_is_needed() {
    let mut h = loaded();
    h.select_mission("Migrate billing to Postgres 16").keys("f");
    assert!(h.app.modal().is_none());
    assert!(
        h.app
            .notice()
            .unwrap()
            .text
            .contains("only a blocked or at-risk")
    );
}

#[test]
fn what_if_someone_leaves_shows_what_changes_and_changes_nothing() {
    let mut h = loaded();
    let before = fs::read(&h.path).unwrap();
    h.keys("2").select_person("Chen Wei");
    h.keys("W");
    let Some(Modal::WhatIf(what)) = h.app.modal() else {
        panic!("W shows what if they leave: {:?}", h.app.modal());
    };
    assert_eq!(what.what.without, "Chen Wei");
    let titles: Vec<&str> = what
        .what
        .changed
        .iter()
        .map(|&(m, _, _)| h.app.team().missions[m].title.as_str())
        .collect();
    assert!(
        titles.contains(&"Rotate the TLS certificates"),
        "{titles:?}"
    );
    assert!(what.what.single_points.iter().any(|s| s == "terraform"));
    h.keys("<Esc>");
    assert!(h.app.modal().is_none());
    assert_eq!(fs::read(&h.path).unwrap(), before, "nothing written");
    assert!(h.app.team().people.iter().any(|p| p.name == "Chen Wei"));
}

#[test]
fn a_message_cut_in_the_status_bar_is_read_in_full_in_the_log() {
    let mut h = loaded();
    h.select_mission("Speed up the checkout page")
        .keys("f<Enter>");
    let long = h.app.notice().unwrap().text.clone();
    assert!(
        long.len() > 80,
        "a message longer than the status bar: {long}"
    );
    h.keys("uM");
    let Some(Modal::Messages(_)) = h.app.modal() else {
        panic!("M opens the message log: {:?}", h.app.modal());
    };
    let log: Vec<String> = h.app.messages().map(|m| m.text.clone()).collect();
    assert!(log.contains(&long), "{log:?}");
    assert!(log.iter().any(|m| m.starts_with("Undid")), "{log:?}");
    h.keys("<Esc>");
    assert!(h.app.modal().is_none());
}

#[test]
fn new_people_and_missions_start_from_the_settings() {
    let mut h = loaded();
    h.app.set_settings(
        handover::tui::settings::Settings::parse("(cadence: 7, delegation: Some(5))").unwrap(),
    );
    h.keys("2aNadia Haddad<Enter>");
    let nadia = h
        .on_disk()
        .people
        .into_iter()
        .find(|p| p.name == "Nadia Haddad")
        .unwrap();
    assert_eq!(nadia.cadence, 7);
    h.keys("1aShip the guide<Tab>New hires ship on day 3<Enter>");
    let guide = h
        .on_disk()
        .missions
        .into_iter()
        .find(|m| m.title == "Ship the guide")
        .unwrap();
    assert_eq!(guide.delegation, Some(5));
}
