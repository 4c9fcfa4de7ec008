//! What day it is, in one place (SPEC §3 *Dates*): `$HANDOVER_TODAY` when it
//! is set, so tests, agendas and the README's examples do not depend on the
//! day they run; else the local date. Every command that depends on the date
//! and the app ask here.

use std::ffi::OsStr;

use crate::model::Date;

/// The variable that fixes today.
pub const ENV_TODAY: &str = "HANDOVER_TODAY";

/// `$HANDOVER_TODAY` holds something that is not a date. The message names
/// the variable and quotes its value, sanitised and cut to a readable length.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("${ENV_TODAY}: {} is not a date like 2026-11-28", crate::text::quoted(.value))]
pub struct TodayError {
    /// What the variable held (lossily decoded when it was not UTF-8).
    pub value: String,
}

/// Today: `$HANDOVER_TODAY` (trimmed) when it is set and not blank, else the
/// local date.
pub fn today() -> Result<Date, TodayError> {
    from_env(std::env::var_os(ENV_TODAY).as_deref(), local)
}

/// The local calendar date.
pub fn local() -> Date {
    jiff::ZonedDateTime::now().date()
}

/// Today from the variable's value (`None` when unset), falling back on
/// `local` when it is unset or blank. A value that is not UTF-8 is an error,
/// not a reason to ignore the variable.
pub fn from_env(value: Option<&OsStr>, local: impl FnOnce() -> Date) -> Result<Date, TodayError> {
    let Some(value) = value else {
        return Ok(local());
    };
    let Some(text) = value.to_str() else {
        return Err(TodayError {
            value: value.to_string_lossy().into_owned(),
        });
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(local());
    }
    trimmed.parse().map_err(|_| TodayError {
        value: text.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local_day() -> Date {
        Date::new(2030, 6, 15).unwrap()
    }

    fn from(value: &str) -> Result<Date, TodayError> {
        from_env(Some(OsStr::new(value)), local_day)
    }

    #[test]
    fn the_variable_wins_trimmed() {
        assert_eq!(from("2026-11-28"), Ok(Date::new(2026, 11, 28).unwrap()));
        assert_eq!(from(" 2027-01-05\n"), Ok(Date::new(2027, 1, 5).unwrap()));
    }

    #[test]
    fn unset_or_blank_is_the_local_date() {
        assert_eq!(from_env(None, local_day), Ok(local_day()));
        assert_eq!(from(""), Ok(local_day()));
        assert_eq!(from("  \t"), Ok(local_day()));
    }

    #[test]
    fn a_value_that_is_not_a_date_is_named_and_quoted_clean() {
        let err = from("2026-13-01").unwrap_err();
        assert_eq!(
            err.to_string(),
            "$HANDOVER_TODAY: \"2026-13-01\" is not a date like 2026-11-28"
        );
        let err = from("soon\u{1b}[2J").unwrap_err().to_string();
        assert!(!err.contains('\u{1b}'), "{err:?}");
        assert!(err.contains("soon\\u{1b}[2J"), "{err:?}");
        let long = "x".repeat(500);
        assert!(from(&long).unwrap_err().to_string().len() < 200);
    }

    #[cfg(unix)]
    #[test]
    fn a_value_that_is_not_utf8_is_an_error() {
        use std::os::unix::ffi::OsStrExt;
        let value = OsStr::from_bytes(b"2026-11-\xff");
        let err = from_env(Some(value), local_day).unwrap_err();
        assert_eq!(err.value, "2026-11-\u{fffd}");
    }
}
