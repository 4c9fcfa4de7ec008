//! Colours and marks, by role. Dark (the default), light and mono are built
//! in; `theme.ron` in the config folder overrides colours by role. With
//! NO_COLOR set, or TERM=dumb, the theme is monochrome: selection by
//! reverse video, emphasis by bold, verdicts by their words and marks.

use std::collections::BTreeMap;

use ratatui::style::{Color, Modifier, Style};

use crate::analysis::Verdict;

/// The colour of each role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub ready: Color,
    pub stretch: Color,
    pub at_risk: Color,
    pub blocked: Color,
    pub unassigned: Color,
    pub title: Color,
    pub key: Color,
    pub dim: Color,
    pub border: Color,
    pub ok: Color,
    pub warn: Color,
    pub error: Color,
    pub selected_fg: Color,
    pub selected_bg: Color,
    pub single_point: Color,
}

impl Palette {
    pub const DARK: Palette = Palette {
        ready: Color::Green,
        stretch: Color::Cyan,
        at_risk: Color::Yellow,
        blocked: Color::Red,
        unassigned: Color::Magenta,
        title: Color::Cyan,
        key: Color::Cyan,
        dim: Color::DarkGray,
        border: Color::DarkGray,
        ok: Color::Green,
        warn: Color::Yellow,
        error: Color::Red,
        selected_fg: Color::White,
        selected_bg: Color::Blue,
        single_point: Color::Red,
    };

    /// For a light terminal: darker inks, a pale selection.
    pub const LIGHT: Palette = Palette {
        ready: Color::Rgb(0, 110, 0),
        stretch: Color::Rgb(0, 100, 140),
        at_risk: Color::Rgb(160, 90, 0),
        blocked: Color::Rgb(180, 0, 0),
        unassigned: Color::Rgb(130, 0, 130),
        title: Color::Rgb(0, 70, 150),
        key: Color::Rgb(0, 70, 150),
        dim: Color::Gray,
        border: Color::Gray,
        ok: Color::Rgb(0, 110, 0),
        warn: Color::Rgb(160, 90, 0),
        error: Color::Rgb(180, 0, 0),
        selected_fg: Color::Black,
        selected_bg: Color::Rgb(190, 215, 245),
        single_point: Color::Rgb(180, 0, 0),
    };

    /// The role names of `theme.ron`.
    pub const ROLES: [&'static str; 15] = [
        "ready",
        "stretch",
        "at_risk",
        "blocked",
        "unassigned",
        "title",
        "key",
        "dim",
        "border",
        "ok",
        "warn",
        "error",
        "selected_fg",
        "selected_bg",
        "single_point",
    ];

    fn role(&mut self, name: &str) -> Option<&mut Color> {
        Some(match name {
            "ready" => &mut self.ready,
            "stretch" => &mut self.stretch,
            "at_risk" => &mut self.at_risk,
            "blocked" => &mut self.blocked,
            "unassigned" => &mut self.unassigned,
            "title" => &mut self.title,
            "key" => &mut self.key,
            "dim" => &mut self.dim,
            "border" => &mut self.border,
            "ok" => &mut self.ok,
            "warn" => &mut self.warn,
            "error" => &mut self.error,
            "selected_fg" => &mut self.selected_fg,
            "selected_bg" => &mut self.selected_bg,
            "single_point" => &mut self.single_point,
            _ => return None,
        })
    }

    /// This palette with the colours of a `theme.ron` (`{"warn": "#aa7700"}`:
    /// a role and a colour name or `#rrggbb`), or why it cannot be read.
    pub fn overridden(mut self, text: &str) -> Result<Palette, String> {
        let roles: BTreeMap<String, String> = ron::from_str(text)
            .map_err(|e| format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code))?;
        for (role, colour) in roles {
            let Some(slot) = self.role(&role) else {
                return Err(format!(
                    "\"{}\" is not a role: the roles are {}",
                    crate::text::clean(&role),
                    Palette::ROLES.join(", ")
                ));
            };
            *slot = colour.parse().map_err(|_| {
                format!(
                    "{role}: \"{}\" is not a colour (a name like red, or #rrggbb)",
                    crate::text::clean(&colour)
                )
            })?;
        }
        Ok(self)
    }
}

/// The built-in themes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeName {
    Dark,
    Light,
    Mono,
}

impl ThemeName {
    pub fn named(name: &str) -> Option<ThemeName> {
        match name.trim().to_lowercase().as_str() {
            "dark" => Some(ThemeName::Dark),
            "light" => Some(ThemeName::Light),
            "mono" => Some(ThemeName::Mono),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

impl Theme {
    /// The dark theme, unless NO_COLOR is set to anything non-empty or the
    /// terminal is dumb.
    pub fn from_env() -> Self {
        Theme::of(ThemeName::Dark)
    }

    /// A built-in theme, mono whatever it is when the environment asks.
    pub fn of(name: ThemeName) -> Self {
        let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        Theme::chosen(name, crate::color::no_color(), dumb)
    }

    /// The theme `name`, or mono when colour is off (NO_COLOR) or the
    /// terminal is dumb.
    pub fn chosen(name: ThemeName, no_color: bool, dumb: bool) -> Self {
        let name = if no_color || dumb {
            ThemeName::Mono
        } else {
            name
        };
        match name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme {
                color: true,
                palette: Palette::LIGHT,
            },
            ThemeName::Mono => Theme::mono(),
        }
    }

    pub fn dark() -> Self {
        Theme {
            color: true,
            palette: Palette::DARK,
        }
    }

    pub fn mono() -> Self {
        Theme {
            color: false,
            palette: Palette::DARK,
        }
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
            Verdict::Blocked => self.fg(self.palette.blocked).add_modifier(Modifier::BOLD),
            Verdict::AtRisk => self.fg(self.palette.at_risk).add_modifier(Modifier::BOLD),
            Verdict::Unassigned => self.fg(self.palette.unassigned),
            Verdict::Stretch => self.fg(self.palette.stretch),
            Verdict::Ready => self.fg(self.palette.ready),
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
                .bg(self.palette.selected_bg)
                .fg(self.palette.selected_fg)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn title(self) -> Style {
        self.fg(self.palette.title).add_modifier(Modifier::BOLD)
    }

    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(self.palette.dim)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn ok(self) -> Style {
        self.fg(self.palette.ok)
    }

    pub fn warn(self) -> Style {
        self.fg(self.palette.warn).add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(self.palette.error).add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        self.fg(self.palette.key).add_modifier(Modifier::BOLD)
    }

    pub fn border(self) -> Style {
        self.fg(self.palette.border)
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
            0 => Style::new().fg(self.palette.dim),
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
        self.fg(self.palette.single_point)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn light_and_mono_are_built_in_and_no_colour_or_a_dumb_terminal_gives_mono() {
        let light = Theme::chosen(ThemeName::Light, false, false);
        assert!(light.color);
        assert_eq!(light.palette, Palette::LIGHT);
        assert!(!Theme::chosen(ThemeName::Light, true, false).color);
        assert!(!Theme::chosen(ThemeName::Dark, false, true).color);
        assert!(!Theme::chosen(ThemeName::Mono, false, false).color);
    }

    #[test]
    fn theme_ron_overrides_colours_by_role_and_says_what_it_cannot_read() {
        let p = Palette::DARK
            .overridden("{\"warn\": \"#aa7700\", \"selected_bg\": \"magenta\"}")
            .unwrap();
        assert_eq!(p.warn, Color::Rgb(0xaa, 0x77, 0x00));
        assert_eq!(p.selected_bg, Color::Magenta);
        assert_eq!(p.error, Palette::DARK.error, "the others stay");
        let e = Palette::DARK.overridden("{\"wrn\": \"red\"}").unwrap_err();
        assert!(
            e.contains("\"wrn\" is not a role") && e.contains("warn"),
            "{e}"
        );
        let e = Palette::DARK
            .overridden("{\"warn\": \"reddish\"}")
            .unwrap_err();
        assert!(e.contains("not a colour"), "{e}");
        let e = Palette::DARK
            .overridden("{\n\"warn\" \"red\"}")
            .unwrap_err();
        assert!(e.starts_with("2:"), "the line: {e}");
    }

    #[test]
    fn verdicts_never_rely_on_colour_alone() {
        for verdict in Verdict::ALL {
            let badge = Theme::badge(verdict);
            assert!(badge.len() > 2 && !badge.starts_with(' '), "{badge}");
        }
    }
}
