//! The team file changed on disk behind the state: nothing is written over
//! it; keep your version beside it and reload, or go on for now.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::Step;
use crate::tui::keymap::Context;
use crate::tui::message::{Action, Effect};
use crate::tui::state::{NoticeKind, State};
use crate::tui::widgets::boxed;
use crate::tui::widgets::text::cut;

#[derive(Debug, Default)]
pub struct Conflict;

impl Conflict {
    pub fn command(self, state: &mut State, action: Action) -> Step {
        match action {
            Action::Confirm | Action::Reload => Step::done(vec![Effect::KeepMineAndReload]),
            Action::Cancel => {
                state.tell(
                    NoticeKind::Warning,
                    "Not saved: the file changed on disk. Make a change or quit to be asked again.",
                );
                Step::close()
            }
            _ => Step::stay(self),
        }
    }

    pub fn draw(&self, state: &State, frame: &mut Frame, area: Rect) {
        let name = state.file.path.display().to_string();
        let keys = |action| {
            state
                .keymap
                .keys_for(Context::Confirm, action)
                .split(' ')
                .next()
                .unwrap_or_default()
                .to_string()
        };
        let lines = vec![
            Line::raw(format!(
                "{} changed on disk since handover read it:",
                cut(&name, 60)
            )),
            Line::raw("another program, a git checkout or another editor wrote it."),
            Line::raw(""),
            Line::styled("Nothing was overwritten.", state.theme.bold()),
            Line::raw(""),
            Line::raw(format!(
                "{} or {}: keep your version in a copy beside it, then reload the file.",
                keys(Action::Confirm),
                keys(Action::Reload)
            )),
            Line::raw(format!(
                "{}: keep working; your changes stay unsaved until you reload.",
                keys(Action::Cancel)
            )),
        ];
        boxed(
            state,
            Context::Confirm,
            "The team file changed on disk",
            lines,
            frame,
            area,
            74,
        );
    }
}
