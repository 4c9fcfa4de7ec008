//! A scrolling list over some of a team's rows, with a fuzzy filter. Rows
//! are computed when the team or the filter changes, never per frame.

use std::cell::Cell;
use std::ops::Range;

use tui_input::Input;

#[derive(Debug, Default)]
pub struct ListState {
    /// The items shown (indices into the team), in display order.
    pub rows: Vec<usize>,
    /// Position of the selection in `rows`.
    pub selected: usize,
    /// The first row on screen; adjusted while rendering to keep the
    /// selection visible.
    pub offset: Cell<usize>,
    /// How many rows the last frame showed: what a page is.
    pub height: Cell<usize>,
    pub filter: Input,
    /// The filter line has the keyboard.
    pub filtering: bool,
}

impl ListState {
    pub fn selected_item(&self) -> Option<usize> {
        self.rows.get(self.selected).copied()
    }

    pub fn move_by(&mut self, delta: isize) {
        if self.rows.is_empty() {
            self.selected = 0;
            return;
        }
        let last = self.rows.len() - 1;
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub fn select_first(&mut self) {
        self.selected = 0;
    }

    pub fn select_last(&mut self) {
        self.selected = self.rows.len().saturating_sub(1);
    }

    /// Selects an item if it is shown.
    pub fn select_item(&mut self, item: usize) {
        if let Some(at) = self.rows.iter().position(|&r| r == item) {
            self.selected = at;
        }
    }

    /// Replaces the rows, keeping the selection in place (clamped).
    pub fn set_rows(&mut self, rows: Vec<usize>) {
        self.rows = rows;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    pub fn query(&self) -> &str {
        self.filter.value()
    }

    /// The rows that fit in `height` lines, scrolling as little as possible
    /// to keep the selection on screen.
    pub fn window(&self, height: usize) -> Range<usize> {
        self.height.set(height);
        if height == 0 || self.rows.is_empty() {
            return 0..0;
        }
        let mut offset = self.offset.get().min(self.rows.len().saturating_sub(1));
        if self.selected < offset {
            offset = self.selected;
        } else if self.selected >= offset + height {
            offset = self.selected + 1 - height;
        }
        // Fill the screen when the list shrank.
        offset = offset.min(self.rows.len().saturating_sub(height));
        self.offset.set(offset);
        offset..(offset + height).min(self.rows.len())
    }
}

pub use crate::query::filter_rows;

#[cfg(test)]
mod tests {
    use super::*;

    fn list(n: usize) -> ListState {
        ListState {
            rows: (0..n).collect(),
            ..ListState::default()
        }
    }

    #[test]
    fn moving_stays_in_bounds() {
        let mut l = list(3);
        l.move_by(-1);
        assert_eq!(l.selected, 0);
        l.move_by(10);
        assert_eq!(l.selected, 2);
        let mut empty = list(0);
        empty.move_by(1);
        assert_eq!(empty.selected_item(), None);
    }

    #[test]
    fn the_window_follows_the_selection() {
        let mut l = list(100);
        assert_eq!(l.window(10), 0..10);
        l.selected = 15;
        assert_eq!(l.window(10), 6..16);
        l.selected = 10;
        assert_eq!(l.window(10), 6..16, "no scroll while visible");
        l.selected = 2;
        assert_eq!(l.window(10), 2..12);
        assert_eq!(l.window(0), 0..0);
    }

    #[test]
    fn fuzzy_filter_keeps_matches_best_first() {
        let items = [
            "Migrate billing",
            "Rotate TLS certificates",
            "Build billing dashboard",
        ];
        let rows = filter_rows("bill", items.iter().copied().enumerate());
        assert_eq!(rows.len(), 2);
        assert!(!rows.contains(&1));
        assert_eq!(
            filter_rows("", items.iter().copied().enumerate()),
            [0, 1, 2]
        );
        assert_eq!(
            filter_rows("zzz", items.iter().copied().enumerate()),
            Vec::<usize>::new()
        );
    }
}
