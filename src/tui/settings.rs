//! `config.ron` in the config folder (SPEC §5): the theme, the mouse, when
//! a due date is near, and the defaults of new people and missions. A bad
//! setting is reported with its line, and the app opens with the defaults.

use serde::Deserialize;

use super::theme::ThemeName;

/// The settings, as `config.ron` holds them.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// `dark` (the default), `light` or `mono`.
    pub theme: String,
    /// Days between one-on-ones for someone new (1..=365).
    pub cadence: u32,
    /// The delegation level (1..=7) a new mission starts with, if any.
    pub delegation: Option<u8>,
    /// Clicks and the wheel (off by default: the terminal's own text
    /// selection keeps working). `--mouse` turns it on for one run.
    pub mouse: bool,
    /// A mission due within this many days (1..=365) is due soon: marked
    /// `»` in the Missions list, kept by `is:due-soon`.
    pub due_soon_days: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: "dark".into(),
            cadence: crate::model::DEFAULT_CADENCE,
            delegation: None,
            mouse: false,
            due_soon_days: crate::analysis::dates::DUE_SOON_DAYS as u32,
        }
    }
}

impl Settings {
    /// The settings of `text`, or why not: "3:5: …" for where in the file.
    pub fn parse(text: &str) -> Result<Settings, String> {
        let settings: Settings = ron::from_str(text)
            .map_err(|e| format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code))?;
        // A value out of range is reported where its setting is written.
        let at = |field: &str| place(text, field);
        if ThemeName::named(&settings.theme).is_none() {
            return Err(format!(
                "{}theme \"{}\" is none of dark, light or mono",
                at("theme"),
                crate::text::clean(&settings.theme)
            ));
        }
        if !(1..=365).contains(&settings.cadence) {
            return Err(format!(
                "{}cadence {} is not between 1 and 365 days",
                at("cadence"),
                settings.cadence
            ));
        }
        if let Some(level) = settings.delegation
            && !(1..=7).contains(&level)
        {
            return Err(format!(
                "{}delegation {level} is not between 1 and 7",
                at("delegation")
            ));
        }
        if !(1..=365).contains(&settings.due_soon_days) {
            return Err(format!(
                "{}due_soon_days {} is not between 1 and 365 days",
                at("due_soon_days"),
                settings.due_soon_days
            ));
        }
        Ok(settings)
    }

    /// The days within which a due date is near, as the dates count them.
    pub fn due_soon_days(&self) -> i64 {
        i64::from(self.due_soon_days)
    }

    pub fn theme(&self) -> ThemeName {
        ThemeName::named(&self.theme).unwrap_or(ThemeName::Dark)
    }
}

/// "3:5: " for the line and column where `field` is set in `text` (the
/// first line that starts with it, comments aside), or nothing when it
/// cannot be found.
fn place(text: &str, field: &str) -> String {
    text.lines()
        .enumerate()
        .find_map(|(i, line)| {
            let code = line.split("//").next().unwrap_or_default();
            let start = code.len() - code.trim_start_matches([' ', '\t', '(']).len();
            let rest = code[start..].strip_prefix(field)?;
            rest.trim_start()
                .starts_with(':')
                .then(|| format!("{}:{}: ", i + 1, start + 1))
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_is_read_and_left_out_ones_keep_their_default() {
        let s = Settings::parse("(theme: \"light\", cadence: 7, delegation: Some(4))").unwrap();
        assert_eq!(s.theme(), ThemeName::Light);
        assert_eq!((s.cadence, s.delegation), (7, Some(4)));
        assert_eq!(Settings::parse("()").unwrap(), Settings::default());
        // Comments, as in any RON file.
        assert_eq!(
            Settings::parse("(\n  // weekly\n  cadence: 7,\n)")
                .unwrap()
                .cadence,
            7
        );
    }

    #[test]
    fn a_bad_setting_says_where_and_what() {
        let e = Settings::parse("(\n  theme: \"dark\",\n  colour: \"red\",\n)").unwrap_err();
        assert!(e.starts_with("3:"), "{e}");
        assert!(e.contains("colour"), "{e}");
        assert!(
            Settings::parse("(theme: \"neon\")")
                .unwrap_err()
                .contains("neon")
        );
        assert!(
            Settings::parse("(cadence: 0)")
                .unwrap_err()
                .contains("cadence 0")
        );
        assert!(
            Settings::parse("(delegation: Some(9))")
                .unwrap_err()
                .contains("delegation 9")
        );
    }

    #[test]
    fn mouse_is_off_unless_set() {
        assert!(!Settings::default().mouse);
        assert!(Settings::parse("(mouse: true)").unwrap().mouse);
        assert!(!Settings::parse("(mouse: false)").unwrap().mouse);
        let e = Settings::parse("(\n  theme: \"dark\",\n  mouse: \"yes\",\n)").unwrap_err();
        assert!(e.starts_with("3:"), "{e}");
    }

    #[test]
    fn due_soon_days_is_read_between_one_and_a_year() {
        assert_eq!(Settings::default().due_soon_days(), 14);
        assert_eq!(
            Settings::parse("(due_soon_days: 3)")
                .unwrap()
                .due_soon_days(),
            3
        );
        assert_eq!(
            Settings::parse("(due_soon_days: 365)")
                .unwrap()
                .due_soon_days,
            365
        );
        // Out of range: said with the line it is on.
        let text = "(\n  theme: \"dark\",\n  // soon\n  due_soon_days: 0,\n)";
        assert_eq!(
            Settings::parse(text).unwrap_err(),
            "4:3: due_soon_days 0 is not between 1 and 365 days"
        );
        assert_eq!(
            Settings::parse("(due_soon_days: 400)").unwrap_err(),
            "1:2: due_soon_days 400 is not between 1 and 365 days"
        );
        // Not a number: ron's own place and words.
        let e = Settings::parse("(\n  due_soon_days: -2,\n)").unwrap_err();
        assert!(e.starts_with("2:"), "{e}");
        // The other ranges say their line too.
        assert_eq!(
            Settings::parse("(\n  cadence: 0,\n)").unwrap_err(),
            "2:3: cadence 0 is not between 1 and 365 days"
        );
    }
}
