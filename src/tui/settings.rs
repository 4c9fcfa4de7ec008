//! `config.ron` in the config folder (SPEC §5): the theme, and the
//! defaults of new people and missions. A bad setting is reported with its
//! line, and the app opens with the defaults.

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
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: "dark".into(),
            cadence: crate::model::DEFAULT_CADENCE,
            delegation: None,
        }
    }
}

impl Settings {
    /// The settings of `text`, or why not: "3:5: …" for where in the file.
    pub fn parse(text: &str) -> Result<Settings, String> {
        let settings: Settings = ron::from_str(text)
            .map_err(|e| format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code))?;
        if ThemeName::named(&settings.theme).is_none() {
            return Err(format!(
                "theme \"{}\" is none of dark, light or mono",
                crate::text::clean(&settings.theme)
            ));
        }
        if !(1..=365).contains(&settings.cadence) {
            return Err(format!(
                "cadence {} is not between 1 and 365 days",
                settings.cadence
            ));
        }
        if let Some(level) = settings.delegation
            && !(1..=7).contains(&level)
        {
            return Err(format!("delegation {level} is not between 1 and 7"));
        }
        Ok(settings)
    }

    pub fn theme(&self) -> ThemeName {
        ThemeName::named(&self.theme).unwrap_or(ThemeName::Dark)
    }
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
}
