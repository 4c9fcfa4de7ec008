//! The one `NO_COLOR` rule (<https://no-color.org>): set and not empty, it
//! turns colour off: in the app's theme, in text output and in `main`'s
//! error label.

use std::ffi::OsStr;

/// The environment variable.
pub const NO_COLOR: &str = "NO_COLOR";

/// Whether `NO_COLOR` asks for no colour.
pub fn no_color() -> bool {
    no_color_in(std::env::var_os(NO_COLOR).as_deref())
}

/// The rule, for a value of `NO_COLOR` (`None` when unset).
pub fn no_color_in(value: Option<&OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_and_not_empty_means_no_colour() {
        assert!(!no_color_in(None));
        assert!(!no_color_in(Some(OsStr::new(""))));
        assert!(no_color_in(Some(OsStr::new("1"))));
        assert!(no_color_in(Some(OsStr::new("0"))), "any value, even 0");
    }
}
