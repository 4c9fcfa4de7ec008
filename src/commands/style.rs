//! Colour for text output: only on a terminal, never with NO_COLOR.

use std::io::IsTerminal;

use anstyle::{AnsiColor, Style};

use crate::analysis::Verdict;

#[derive(Clone, Copy, Debug)]
pub struct Paint {
    enabled: bool,
}

impl Paint {
    /// Colour when stdout is a terminal and NO_COLOR is unset or empty.
    pub fn for_stdout() -> Self {
        Paint {
            enabled: std::io::stdout().is_terminal() && !crate::color::no_color(),
        }
    }

    pub fn plain() -> Self {
        Paint { enabled: false }
    }

    pub fn paint(self, style: Style, text: &str) -> String {
        if self.enabled {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }

    pub fn heading(self, text: &str) -> String {
        self.paint(Style::new().bold(), text)
    }

    pub fn dim(self, text: &str) -> String {
        self.paint(Style::new().dimmed(), text)
    }

    pub fn verdict(self, verdict: Verdict, text: &str) -> String {
        self.paint(verdict_style(verdict), text)
    }

    pub fn warn(self, text: &str) -> String {
        self.paint(AnsiColor::Yellow.on_default(), text)
    }
}

pub fn verdict_style(verdict: Verdict) -> Style {
    match verdict {
        Verdict::Blocked => AnsiColor::Red.on_default().bold(),
        Verdict::AtRisk => AnsiColor::Yellow.on_default().bold(),
        Verdict::Unassigned => AnsiColor::Magenta.on_default().bold(),
        Verdict::Stretch => AnsiColor::Cyan.on_default().bold(),
        Verdict::Ready => AnsiColor::Green.on_default().bold(),
        Verdict::Done => Style::new().dimmed(),
    }
}
