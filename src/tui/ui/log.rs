//! The One-on-one modals: writing an entry, ticking action items, and
//! where to write the agenda.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use tui_input::Input;

use super::bars::modal_hints;
use super::text::{cut, fit};
use super::{centered, modal_box};
use crate::text::clean;
use crate::tui::app::App;
use crate::tui::entry::{EntryField, EntryForm};
use crate::tui::list::ListState;

pub fn entry(app: &App, form: &EntryForm, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let name = crate::analysis::explain::person(&app.team, form.person);
    let rect = centered(area, 84, area.height.saturating_sub(2).clamp(10, 24));
    let inner = modal_box(
        app,
        frame,
        rect,
        &format!("One-on-one with {}", cut(&name, 40)),
    );
    let [date, note_label, note, actions_label, actions, hint, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(2),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let label = |text: &str, field: EntryField| {
        let style = if form.focus == field {
            theme.key()
        } else {
            theme.dim()
        };
        Span::styled(text.to_string(), style)
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            label("Date   ", EntryField::Date),
            Span::raw(cut(
                form.date.value(),
                usize::from(date.width).saturating_sub(7),
            )),
        ])),
        date,
    );
    if form.focus == EntryField::Date {
        let x = date.x + 7 + form.date.visual_cursor() as u16;
        frame.set_cursor_position((x.min(date.right().saturating_sub(1)), date.y));
    }
    let editor = match &app.editor {
        Some(e) => format!(" (Ctrl-e writes it in {})", cut(e, 20)),
        None => String::new(),
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            label("Note", EntryField::Note),
            Span::styled(editor, theme.dim()),
        ])),
        note_label,
    );
    frame.render_widget(&form.note, note);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            label("Action items", EntryField::Actions),
            Span::styled(" (one per line)", theme.dim()),
        ])),
        actions_label,
    );
    frame.render_widget(&form.actions, actions);
    let message = match &form.error {
        Some(error) => Line::styled(cut(error, usize::from(hint.width)), theme.error()),
        None => Line::styled(
            "Enter starts a new line; Ctrl-s saves the entry.",
            theme.dim(),
        ),
    };
    frame.render_widget(Paragraph::new(message), hint);
    frame.render_widget(Paragraph::new(modal_hints(app)), keys);
}

pub fn actions(
    app: &App,
    person: usize,
    items: &[(usize, usize)],
    list: &ListState,
    frame: &mut Frame,
    area: Rect,
) {
    let theme = app.theme;
    let name = crate::analysis::explain::person(&app.team, person);
    let height = (items.len() as u16 + 3).min(area.height);
    let rect = centered(area, 84, height);
    let inner = modal_box(
        app,
        frame,
        rect,
        &format!("Action items of {}", cut(&name, 40)),
    );
    let [rows, keys] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let width = usize::from(rows.width);
    let log = &app.team.people[person].log;
    let mut lines = Vec::new();
    for row in list.window(usize::from(rows.height)) {
        let (e, a) = items[list.rows[row]];
        let action = &log[e].actions[a];
        let mark = if action.done { "☑ " } else { "☐ " };
        let date = format!("  {}", log[e].date);
        let style = if action.done {
            theme.dim()
        } else {
            ratatui::style::Style::new()
        };
        let mut line = Line::from(vec![
            Span::styled(mark, if action.done { theme.ok() } else { theme.key() }),
            Span::styled(
                fit(&action.text, width.saturating_sub(2 + date.len())),
                style,
            ),
            Span::styled(date, theme.dim()),
        ]);
        if row == list.selected {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), rows);
    frame.render_widget(Paragraph::new(modal_hints(app)), keys);
}

pub fn export(app: &App, path: &Input, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let rect = centered(area, 84, 7);
    let inner = modal_box(app, frame, rect, "Write the agenda to");
    let width = usize::from(inner.width);
    let scroll = path.visual_scroll(width.max(1));
    let visible: String = clean(path.value()).chars().skip(scroll).collect();
    let lines = vec![
        Line::raw(fit(&visible, width)),
        Line::raw(""),
        Line::styled(
            "A Markdown file readable by you only; an existing file is not replaced without asking.",
            theme.dim(),
        ),
        modal_hints(app),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    let x = inner.x + path.visual_cursor().saturating_sub(scroll) as u16;
    frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y));
}
