//! Colours and marks. With NO_COLOR set the theme is monochrome: selection
//! by reverse video, emphasis by bold, verdicts by their words.

use ratatui::style::{Color, Modifier, Style};

use crate::analysis::Verdict;

#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless NO_COLOR is set to anything non-empty.
    pub fn from_env() -> Self {
        Theme {
            color: !crate::color::no_color(),
        }
    }

    pub fn mono() -> Self {
        Theme { color: false }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn verdict(self, verdict: Verdict) -> Style {
        match verdict {
            Verdict::Blocked => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Verdict::AtRisk => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Verdict::Unassigned => self.fg(Color::Magenta),
            Verdict::Stretch => self.fg(Color::Cyan),
            Verdict::Ready => self.fg(Color::Green),
            Verdict::Done => self.dim(),
        }
    }

    /// A mark that reads without colour too.
    pub fn badge(verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::Blocked => "✗ blocked",
            Verdict::AtRisk => "! at risk",
            Verdict::Unassigned => "? unassigned",
            Verdict::Stretch => "~ stretch",
            Verdict::Ready => "✓ ready",
            Verdict::Done => "· done",
        }
    }

    pub fn selected(self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn ok(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn warn(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn border(self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn active_tab(self) -> Style {
        self.selected()
    }

    /// A skill level cell of the matrix.
    pub fn heat(self, level: u8) -> Style {
        if !self.color {
            return if level >= 3 {
                self.bold()
            } else {
                Style::new()
            };
        }
        match level {
            0 => Style::new().fg(Color::DarkGray),
            1 => Style::new().fg(Color::Black).bg(Color::Rgb(200, 220, 240)),
            2 => Style::new().fg(Color::Black).bg(Color::Rgb(140, 185, 225)),
            3 => Style::new().fg(Color::White).bg(Color::Rgb(60, 120, 190)),
            _ => Style::new()
                .fg(Color::White)
                .bg(Color::Rgb(20, 60, 130))
                .add_modifier(Modifier::BOLD),
        }
    }

    /// A skill only one person (or nobody) holds while work needs it.
    pub fn single_point(self) -> Style {
        self.fg(Color::Red)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
}
