//! Where the last frame drew what the mouse can point at: the tabs, the
//! rows of the view's list, the scrolling pane. Drawing is read-only over
//! the state, so these are `Cell`s, set while drawing (as `detail_max` is)
//! and read by `update` when a click or the wheel comes; never worked out
//! again.

use std::cell::Cell;

use ratatui::layout::{Position, Rect};

use crate::tui::message::View;

#[derive(Debug, Default)]
pub struct Areas {
    /// Each view's tab in the tab bar, in [`View::ALL`] order (empty until
    /// drawn).
    pub tabs: Cell<[Rect; View::ALL.len()]>,
    /// Where the current view's list draws its rows, one row a line.
    pub rows: Cell<Rect>,
    /// The detail or agenda pane, its frame included.
    pub pane: Cell<Rect>,
}

/// What is under the pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spot {
    Tab(View),
    /// The list's line this far from the top of its rows.
    Row(usize),
    Pane,
}

impl Areas {
    /// Forgets the last frame: a view draws what it has again.
    pub fn clear(&self) {
        self.tabs.set([Rect::ZERO; View::ALL.len()]);
        self.rows.set(Rect::ZERO);
        self.pane.set(Rect::ZERO);
    }

    /// What the last frame drew at column `x`, row `y`.
    pub fn at(&self, x: u16, y: u16) -> Option<Spot> {
        let point = Position::new(x, y);
        if let Some(i) = self.tabs.get().iter().position(|r| r.contains(point)) {
            return Some(Spot::Tab(View::ALL[i]));
        }
        let rows = self.rows.get();
        if rows.contains(point) {
            return Some(Spot::Row(usize::from(y - rows.y)));
        }
        self.pane.get().contains(point).then_some(Spot::Pane)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_is_a_tab_a_row_the_pane_or_nothing() {
        let areas = Areas::default();
        assert_eq!(areas.at(0, 0), None, "nothing drawn yet");
        let mut tabs = [Rect::ZERO; 5];
        tabs[1] = Rect::new(12, 0, 10, 1);
        areas.tabs.set(tabs);
        areas.rows.set(Rect::new(1, 2, 30, 10));
        areas.pane.set(Rect::new(32, 1, 40, 20));
        assert_eq!(areas.at(12, 0), Some(Spot::Tab(View::People)));
        assert_eq!(areas.at(22, 0), None);
        assert_eq!(areas.at(1, 2), Some(Spot::Row(0)));
        assert_eq!(areas.at(30, 11), Some(Spot::Row(9)));
        assert_eq!(areas.at(30, 12), None);
        assert_eq!(areas.at(40, 5), Some(Spot::Pane));
        areas.clear();
        assert_eq!(areas.at(40, 5), None);
    }
}
