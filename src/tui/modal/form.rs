//! `a` and `e`: the add/edit forms — every field of a mission or a person as one line of
//! text, parsed back when the form is saved. Values are shown cleaned of
//! control characters; an untouched field keeps its exact original value.

use crossterm::event::{Event, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::Step;
use super::confirm::{Pending, ask};
use crate::edit::{self, Change};
use crate::model::{Date, Delegation, Mission, Person, Status};
use crate::text::clean;
use crate::tui::keymap::Context;
use crate::tui::message::Action;
use crate::tui::state::State;
use crate::tui::widgets::text::{cut, fit};
use crate::tui::widgets::{centered, modal_box};
use crate::tui::widgets::{date_echo, modal_hints, settled_date};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    AddMission,
    EditMission(usize),
    AddPerson,
    EditPerson(usize),
}

impl FormKind {
    pub fn is_mission(self) -> bool {
        matches!(self, FormKind::AddMission | FormKind::EditMission(_))
    }
}

#[derive(Debug)]
pub struct Field {
    pub label: &'static str,
    pub hint: &'static str,
    pub input: Input,
    /// The value as it was, uncleaned.
    original: String,
}

impl Field {
    fn new(label: &'static str, hint: &'static str, original: String) -> Self {
        Field {
            label,
            hint,
            input: Input::new(clean(&original).into_owned()),
            original,
        }
    }

    /// The text to parse: the original when the field was not touched.
    fn raw(&self) -> &str {
        if self.input.value() == clean(&self.original) {
            &self.original
        } else {
            self.input.value()
        }
    }

    fn is_modified(&self) -> bool {
        self.input.value() != clean(&self.original)
    }
}

#[derive(Debug)]
pub struct Form {
    pub kind: FormKind,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Why the last save was refused.
    pub error: Option<String>,
}

fn join(items: &[String]) -> String {
    items.join(", ")
}

fn skills_text(skills: &crate::model::Skills) -> String {
    skills
        .iter()
        .map(|(name, level)| format!("{name} {level}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn date_text(date: Option<Date>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

impl Form {
    pub fn mission(kind: FormKind, m: &Mission) -> Self {
        let fields = vec![
            Field::new("Title", "what the work is called", m.title.clone()),
            Field::new(
                "Goal",
                "what done looks like; empty blocks the hand-over",
                m.goal.clone(),
            ),
            Field::new(
                "Skills",
                "needed levels 1–4, e.g. rust 3, sql 2",
                skills_text(&m.skills),
            ),
            Field::new(
                "Tools",
                "tools and access it needs, comma-separated",
                join(&m.tools),
            ),
            Field::new(
                "Owner",
                "a person's name (or press {missions.assign_owner} in the list)",
                m.owner.clone().unwrap_or_default(),
            ),
            Field::new(
                "Mentor",
                "a person's name (or press {missions.assign_mentor} in the list)",
                m.mentor.clone().unwrap_or_default(),
            ),
            Field::new(
                "Delegation",
                "1 Tell · 2 Sell · 3 Consult · 4 Agree · 5 Advise · 6 Inquire · 7 Delegate",
                m.delegation.map(|d| d.to_string()).unwrap_or_default(),
            ),
            Field::new(
                "Status",
                "planned, handed over or done",
                status_text(m.status).to_string(),
            ),
            Field::new(
                "Due",
                "a date: 2027-01-05, +2w, +10d, fri or today; or empty",
                date_text(m.due),
            ),
            Field::new(
                "Handed over",
                "set by {missions.hand_over}; a date like 2027-01-05, -1w or yesterday",
                date_text(m.handed_over),
            ),
        ];
        Form {
            kind,
            fields,
            focus: 0,
            error: None,
        }
    }

    pub fn person(kind: FormKind, p: &Person) -> Self {
        let fields = vec![
            Field::new("Name", "unique in the team", p.name.clone()),
            Field::new("Role", "e.g. Backend engineer", p.role.clone()),
            Field::new(
                "Skills",
                "levels 0–4 (1 learning · 2 guided · 3 autonomous · 4 expert), e.g. rust 4, sql 2",
                skills_text(&p.skills),
            ),
            Field::new(
                "Tools",
                "tools and access they have, comma-separated",
                join(&p.tools),
            ),
            Field::new(
                "Capacity",
                "missions they can own at once",
                p.capacity.to_string(),
            ),
            Field::new(
                "Mentor capacity",
                "missions they can mentor at once",
                p.mentor_capacity.to_string(),
            ),
            Field::new(
                "Turns to",
                "colleagues they go to for help, comma-separated",
                join(&p.turns_to),
            ),
            Field::new(
                "Wants",
                "skills they want to grow in, comma-separated",
                join(&p.wants),
            ),
            Field::new(
                "Cadence",
                "days between one-on-ones, 1–365 (7 weekly, 14 fortnightly)",
                p.cadence.to_string(),
            ),
        ];
        Form {
            kind,
            fields,
            focus: 0,
            error: None,
        }
    }

    pub fn is_modified(&self) -> bool {
        self.fields.iter().any(Field::is_modified)
    }

    /// Each field's label and text, to keep a draft.
    /// What is typed, for the recovery file.
    pub fn draft(&self, team: &crate::model::Team) -> crate::store::Draft {
        use crate::store::FormOf;
        let of = match self.kind {
            FormKind::AddMission => FormOf::NewMission,
            FormKind::EditMission(m) => FormOf::Mission(team.missions[m].title.clone()),
            FormKind::AddPerson => FormOf::NewPerson,
            FormKind::EditPerson(p) => FormOf::Person(team.people[p].name.clone()),
        };
        crate::store::Draft::Form {
            of,
            fields: self.texts(),
        }
    }

    pub fn texts(&self) -> Vec<(String, String)> {
        self.fields
            .iter()
            .map(|f| (f.label.to_string(), f.raw().to_string()))
            .collect()
    }

    /// Puts a draft's texts back into the fields of the same labels.
    pub fn set_texts(&mut self, texts: &[(String, String)]) {
        for (label, text) in texts {
            if let Some(field) = self.fields.iter_mut().find(|f| f.label == label) {
                field.input = Input::new(clean(text).into_owned());
            }
        }
    }

    /// A key typed into the field in focus.
    pub fn text(&mut self, key: KeyEvent) {
        self.fields[self.focus].input.handle_event(&Event::Key(key));
        self.error = None;
    }

    pub fn draw(&self, state: &State, frame: &mut Frame, area: Rect) {
        let form = self;
        let theme = state.theme;
        let title = match form.kind {
            FormKind::AddMission => "New mission".to_string(),
            FormKind::AddPerson => "New person".to_string(),
            FormKind::EditMission(m) => {
                format!("Edit \"{}\"", cut(&state.team.missions[m].title, 50))
            }
            FormKind::EditPerson(p) => {
                format!("Edit {}", cut(&state.team.people[p].name, 50))
            }
        };
        let fields = form.fields.len() as u16;
        let rect = centered(area, 84, fields + 7);
        let inner = modal_box(state, frame, rect, &title);
        let [rows, hint, error, keys] = Layout::vertical([
            Constraint::Length(fields + 1),
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Length(1),
        ])
        .areas(inner);
        let label_width = 17;
        let value_width = usize::from(inner.width).saturating_sub(label_width + 1);
        let mut lines = Vec::new();
        let mut cursor = None;
        for (i, field) in form.fields.iter().enumerate() {
            let focused = i == form.focus;
            // Only the field being typed in scrolls to its cursor.
            let scroll = if focused {
                field.input.visual_scroll(value_width.max(1))
            } else {
                0
            };
            let visible = skip_columns(field.input.value(), scroll);
            let label_style = if focused { theme.key() } else { theme.dim() };
            let value_style = if focused {
                theme.bold()
            } else {
                ratatui::style::Style::new()
            };
            lines.push(Line::from(vec![
                Span::styled(fit(field.label, label_width), label_style),
                Span::styled(fit(&visible, value_width), value_style),
            ]));
            if focused {
                let x = rows.x
                    + (label_width + field.input.visual_cursor().saturating_sub(scroll)) as u16;
                let y = rows.y + i as u16;
                if x < rows.right() && y < rows.bottom() {
                    cursor = Some((x, y));
                }
            }
        }
        frame.render_widget(Paragraph::new(lines), rows);
        // A date field says back the day it understood, or why not.
        let focused = &form.fields[form.focus];
        let echo = DATE_FIELDS
            .contains(&focused.label)
            .then(|| date_echo(state, focused.input.value()))
            .flatten();
        let hint_line = match echo {
            Some(span) => Line::from(Span::styled(
                cut(&span.content, usize::from(inner.width)),
                span.style,
            )),
            None => {
                let mut hint = state.keymap.fill(focused.hint);
                // The delegation the owner's readiness supports now (SPEC §3).
                if focused.label == "Delegation"
                    && let FormKind::EditMission(m) = form.kind
                    && let Some(level) = state
                        .analysis
                        .missions
                        .get(m)
                        .and_then(|r| r.suggested_delegation)
                {
                    hint = format!(
                        "suggested now: {level} {} · {hint}",
                        crate::model::Delegation::name(level)
                    );
                }
                Line::styled(cut(&hint, usize::from(inner.width)), theme.dim())
            }
        };
        frame.render_widget(Paragraph::new(hint_line), hint);
        if let Some(text) = &form.error {
            frame.render_widget(
                Paragraph::new(clean(text).into_owned())
                    .style(theme.error())
                    .wrap(Wrap { trim: true }),
                error,
            );
        }
        frame.render_widget(Paragraph::new(modal_hints(state, Context::Form)), keys);
        if let Some(position) = cursor {
            frame.set_cursor_position(position);
        }
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len();
    }

    pub fn prev_field(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
    }

    /// Leaving a date field: what was typed (`fri`, `+2w`) becomes the ISO
    /// date it means, so the form shows the day that will be saved.
    fn settle_date(&mut self, today: Date) {
        let field = &mut self.fields[self.focus];
        if DATE_FIELDS.contains(&field.label)
            && let Some(iso) = settled_date(field.input.value(), today)
        {
            field.input = Input::new(iso);
        }
    }

    fn raw(&self, label: &str) -> &str {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map(Field::raw)
            .unwrap_or_default()
    }

    /// The mission the form describes, on top of `base` (which keeps what
    /// the form does not show, like the delegation history); `today` reads
    /// dates typed as `+2w` or `fri`.
    pub fn to_mission(&self, base: &Mission, today: Date) -> Result<Mission, String> {
        Ok(Mission {
            title: self.raw("Title").trim().to_string(),
            goal: self.raw("Goal").trim().to_string(),
            skills: parse_skills("Skills", self.raw("Skills"))?,
            tools: parse_list(self.raw("Tools")),
            owner: optional(self.raw("Owner")),
            mentor: optional(self.raw("Mentor")),
            delegation: parse_delegation(self.raw("Delegation"))?,
            delegation_history: base.delegation_history.clone(),
            status: parse_status(self.raw("Status"))?,
            due: parse_date("Due", self.raw("Due"), today)?,
            handed_over: parse_date("Handed over", self.raw("Handed over"), today)?,
            handed_over_as: base.handed_over_as,
            check_in: base.check_in,
            completed: base.completed,
        })
    }

    /// The person the form describes, on top of `base` (which keeps the log).
    pub fn to_person(&self, base: &Person) -> Result<Person, String> {
        Ok(Person {
            name: self.raw("Name").trim().to_string(),
            role: self.raw("Role").trim().to_string(),
            skills: parse_skills("Skills", self.raw("Skills"))?,
            tools: parse_list(self.raw("Tools")),
            capacity: parse_count("Capacity", self.raw("Capacity"))?,
            mentor_capacity: parse_count("Mentor capacity", self.raw("Mentor capacity"))?,
            turns_to: parse_list(self.raw("Turns to")),
            wants: parse_list(self.raw("Wants")),
            cadence: parse_cadence(self.raw("Cadence"))?,
            history: base.history.clone(),
            log: base.log.clone(),
        })
    }
}

fn status_text(status: Status) -> &'static str {
    match status {
        Status::Planned => "planned",
        Status::HandedOver => "handed over",
        Status::Done => "done",
    }
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// `a, b, c` → the non-empty trimmed items.
pub fn parse_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// `rust 3, user research 2` (or `rust: 3`, `rust=3`) → a skill map.
pub fn parse_skills(label: &str, text: &str) -> Result<crate::model::Skills, String> {
    let mut skills = crate::model::Skills::new();
    let mut seen = std::collections::HashSet::new();
    for item in parse_list(text) {
        let (name, level) = item
            .rsplit_once([' ', ':', '='])
            .map(|(n, l)| (n.trim().trim_end_matches([':', '=']).trim(), l.trim()))
            .filter(|(n, _)| !n.is_empty())
            .ok_or_else(|| format!("{label}: \"{item}\" needs a level, like \"{item} 3\""))?;
        let level: u8 = level
            .parse()
            .map_err(|_| format!("{label}: \"{item}\" — the level must be a number 0–4"))?;
        if !seen.insert(crate::model::key(name)) {
            return Err(format!("{label}: \"{name}\" is listed twice"));
        }
        skills.insert(name.to_string(), level);
    }
    Ok(skills)
}

fn parse_count(label: &str, text: &str) -> Result<u32, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("{label}: \"{}\" is not a whole number", text.trim()))
}

/// Days between one-on-ones: 1 to 365 (SPEC §2).
fn parse_cadence(text: &str) -> Result<u32, String> {
    let days = parse_count("Cadence", text)?;
    if (1..=365).contains(&days) {
        Ok(days)
    } else {
        Err(format!(
            "Cadence: {days} is not between 1 and 365 days (7 is weekly, 14 fortnightly)"
        ))
    }
}

/// `4` or `Agree` (any case), or empty for none.
fn parse_delegation(text: &str) -> Result<Option<u8>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if let Ok(level) = text.parse::<u8>() {
        return Ok(Some(level));
    }
    (Delegation::MIN..=Delegation::MAX)
        .find(|&l| Delegation::name(l).eq_ignore_ascii_case(text))
        .map(Some)
        .ok_or_else(|| {
            format!("Delegation: \"{text}\" — write 1 to 7 or a name like Agree, or leave it empty")
        })
}

fn parse_status(text: &str) -> Result<Status, String> {
    let words: String = text
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match words.as_str() {
        "" | "planned" => Ok(Status::Planned),
        "handed over" | "handedover" | "handed_over" => Ok(Status::HandedOver),
        "done" => Ok(Status::Done),
        _ => Err(format!(
            "Status: \"{}\" — write planned, handed over or done",
            text.trim()
        )),
    }
}

/// The fields that take a date as people type it (issue 12, item 7).
const DATE_FIELDS: [&str; 2] = ["Due", "Handed over"];

/// Empty, or any date [`crate::date_input`] reads; refused with its words.
fn parse_date(label: &str, text: &str, today: Date) -> Result<Option<Date>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    crate::date_input::parse(text, today)
        .map(Some)
        .map_err(|e| format!("{label}: {e}"))
}

pub fn command(mut form: Box<Form>, state: &mut State, action: Action) -> Step {
    match action {
        Action::NextField => {
            form.settle_date(state.today);
            form.next_field();
        }
        Action::PrevField => {
            form.settle_date(state.today);
            form.prev_field();
        }
        Action::Cancel => {
            if !form.is_modified() {
                return Step::close();
            }
            let back = state.keymap.key(Context::Confirm, Action::Cancel);
            return Step {
                next: Some(ask(
                    "Discard your edits?",
                    vec![format!("{back} goes back to the form.")],
                    Pending::DiscardForm(form),
                )),
                effects: Vec::new(),
            };
        }
        Action::Confirm => return submit(state, form),
        _ => {}
    }
    Step::stay(form)
}

/// Saves a form: the change is tried on the team and validated with the
/// file's own rules; a refused form stays open with the reason.
fn submit(state: &mut State, mut form: Box<Form>) -> Step {
    if !state.can_change() {
        let draft = form.draft(&state.team);
        return Step::stay(form).with(super::keep_typed(state, draft));
    }
    let change = match build_change(state, &form) {
        Ok(change) => change,
        Err(reason) => {
            form.error = Some(reason);
            return Step::stay(form);
        }
    };
    if let Some(reason) = state.breaks_a_rule(&change) {
        form.error = Some(reason);
        return Step::stay(form);
    }
    let effects = state.apply(change);
    // Show what was just added, even under a filter.
    match form.kind {
        FormKind::AddMission => {
            state.missions.list.filter.reset();
            state.refilter_missions();
            state
                .missions
                .list
                .select_item(state.team.missions.len() - 1);
        }
        FormKind::AddPerson => {
            state.people.list.filter.reset();
            state.refilter_people();
            state.people.list.select_item(state.team.people.len() - 1);
        }
        FormKind::EditMission(_) | FormKind::EditPerson(_) => {}
    }
    Step::done(effects)
}

fn build_change(state: &State, form: &Form) -> Result<Change, String> {
    Ok(match form.kind {
        FormKind::AddMission => edit::add_mission(
            &state.team,
            form.to_mission(&Mission::titled(""), state.today)?,
        ),
        FormKind::EditMission(m) => {
            let mission = form.to_mission(&state.team.missions[m], state.today)?;
            edit::update_mission(&state.team, m, mission, state.today)
        }
        FormKind::AddPerson => edit::add_person(&state.team, form.to_person(&Person::named(""))?),
        FormKind::EditPerson(p) => {
            let person = form.to_person(&state.team.people[p])?;
            edit::update_person(&state.team, p, person, state.today)
        }
    })
}

/// The text after its first `columns` display columns.
fn skip_columns(text: &str, columns: usize) -> String {
    let mut used = 0;
    text.chars()
        .skip_while(|c| {
            let skip = used < columns;
            used += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            skip
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        "2026-11-28".parse().unwrap()
    }

    #[test]
    fn due_dates_are_read_as_people_type_them() {
        let m = Mission::titled("M");
        let mut form = Form::mission(FormKind::EditMission(0), &m);
        for (typed, day) in [
            ("2027-1-5", "2027-01-05"),
            ("+2w", "2026-12-12"),
            ("+10d", "2026-12-08"),
            ("fri", "2026-12-04"),
            ("today", "2026-11-28"),
        ] {
            form.fields[8].input = Input::new(typed.into());
            assert_eq!(
                form.to_mission(&m, today()).unwrap().due,
                Some(day.parse().unwrap()),
                "{typed}"
            );
        }
        // Leaving the field puts the ISO date in it.
        form.focus = 8;
        form.fields[8].input = Input::new("+2w".into());
        form.settle_date(today());
        assert_eq!(form.fields[8].input.value(), "2026-12-12");
        form.fields[8].input = Input::new("2027-13-01".into());
        form.settle_date(today());
        assert_eq!(
            form.fields[8].input.value(),
            "2027-13-01",
            "kept to be refused"
        );
        assert_eq!(
            form.to_mission(&m, today()).unwrap_err(),
            "Due: 2027-13-01: 13 is not a month"
        );
    }

    #[test]
    fn skills_parse_in_every_usual_spelling() {
        let skills = parse_skills("Skills", "rust 3, user research: 2,sql=1, ").unwrap();
        assert_eq!(skills.len(), 3);
        assert_eq!(skills["user research"], 2);
        assert_eq!(skills["sql"], 1);
        assert!(
            parse_skills("Skills", "rust")
                .unwrap_err()
                .contains("needs a level")
        );
        assert!(
            parse_skills("Skills", "rust x")
                .unwrap_err()
                .contains("number")
        );
        assert!(
            parse_skills("Skills", "rust 3, Rust 2")
                .unwrap_err()
                .contains("twice")
        );
    }

    #[test]
    fn a_mission_survives_the_form_unchanged() {
        let team = crate::sample::team();
        for m in &team.missions {
            let form = Form::mission(FormKind::EditMission(0), m);
            assert!(!form.is_modified());
            assert_eq!(&form.to_mission(m, today()).unwrap(), m);
        }
        for p in &team.people {
            let form = Form::person(FormKind::EditPerson(0), p);
            assert_eq!(&form.to_person(p).unwrap(), p);
        }
    }

    #[test]
    fn an_untouched_field_keeps_control_characters_it_cannot_show() {
        let mut m = Mission::titled("evil\u{1b}[2J");
        m.goal = "g".into();
        let form = Form::mission(FormKind::EditMission(0), &m);
        assert_eq!(form.fields[0].input.value(), "evil␛[2J");
        assert_eq!(form.to_mission(&m, today()).unwrap().title, m.title);
    }

    #[test]
    fn bad_values_say_which_field_and_why() {
        let m = Mission::titled("M");
        let mut form = Form::mission(FormKind::EditMission(0), &m);
        form.fields[6].input = Input::new("9x".into());
        assert!(
            form.to_mission(&m, today())
                .unwrap_err()
                .starts_with("Delegation:")
        );
        form.fields[6].input = Input::new("agree".into());
        assert_eq!(form.to_mission(&m, today()).unwrap().delegation, Some(4));
        form.fields[8].input = Input::new("2027-02-30".into());
        assert_eq!(
            form.to_mission(&m, today()).unwrap_err(),
            "Due: 2027-02-30: February 2027 has 28 days"
        );
        form.fields[8].input = Input::new(String::new());
        form.fields[7].input = Input::new("finished".into());
        assert!(
            form.to_mission(&m, today())
                .unwrap_err()
                .starts_with("Status:")
        );
    }
}
