//! Dates as people type them into a field (issue 12, item 7): an ISO date,
//! a few days or weeks from today, a weekday, `today`. Pure: today is given,
//! so the same text always means the same day in tests.
//!
//! | typed | means |
//! |---|---|
//! | `2027-01-05`, `2027-1-5` | that day (a four-digit year, then month and day) |
//! | `+10d`, `+2w`, `+3m`, `+1y` | that many days, weeks, months or years from today; `+10` is days |
//! | `-1w`, `-3d` | that long ago |
//! | `fri`, `friday`, `tue`, `tues`… | the next such day **after** today (see [`parse`]) |
//! | `today`, `tomorrow`, `yesterday` | |
//!
//! Letters may be in any case, surrounding spaces are ignored, and a unit may
//! be spelt out (`+2 weeks`). Adding months keeps the day of the month,
//! clamped to the month's end: `+1m` from January 31 is February's last day.

use std::fmt;

use jiff::Span;
use jiff::civil::Weekday;

use crate::model::Date;
use crate::text::quoted;

/// The forms a field accepts, for hints and messages.
pub const HINT: &str = "2027-01-05, +2w, +10d, fri or today";

/// Why a typed date was refused, in words for the field it was typed in.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateInputError {
    /// Nothing was typed.
    #[error("no date: try {HINT}")]
    Empty,
    /// Nothing handover reads as a date.
    #[error("{} is not a date: try {HINT}", quoted(.text))]
    NotADate { text: String },
    /// Close to a word handover knows (`tusday`).
    #[error("{} is not a date: did you mean {suggestion}?", quoted(.text))]
    DidYouMean {
        text: String,
        suggestion: &'static str,
    },
    /// `next fri`: some mean the coming Friday, some the one after.
    #[error(
        "{} could mean two {name}s: type {short} for the first {name} after today, or the date",
        quoted(.text),
        short = .weekday.short(),
        name = .weekday
    )]
    NextWeekday { text: String, weekday: Day },
    /// `27-1-5`.
    #[error("{text}: write the year in full, like 2027-01-05")]
    ShortYear { text: String },
    /// `2027-13-01`.
    #[error("{text}: {month} is not a month")]
    NoSuchMonth { text: String, month: u32 },
    /// `2027-01-00`.
    #[error("{text}: 0 is not a day")]
    DayZero { text: String },
    /// `2027-02-30`.
    #[error("{text}: {} {year} has {days} days", month_name(*.month))]
    NoSuchDay {
        text: String,
        year: i16,
        month: i8,
        days: i8,
    },
    /// `+2x`.
    #[error(
        "{}: after the number comes d (days), w (weeks), m (months) or y (years)",
        quoted(.text)
    )]
    NoSuchUnit { text: String },
    /// Before year 0 or after 9999.
    #[error("{} is too far from today", quoted(.text))]
    TooFar { text: String },
}

/// A day of the week, as [`DateInputError::NextWeekday`] names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day(pub Weekday);

impl Day {
    fn short(self) -> &'static str {
        &WEEKDAYS[self.index()].0[..3]
    }

    fn index(self) -> usize {
        usize::try_from(self.0.to_monday_zero_offset()).unwrap_or(0)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::text::capitalise(WEEKDAYS[self.index()].0))
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(month: i8) -> &'static str {
    usize::try_from(month - 1)
        .ok()
        .and_then(|i| MONTHS.get(i))
        .copied()
        .unwrap_or("That month")
}

/// Each weekday's full name (Monday first), and the other spellings read.
const WEEKDAYS: [(&str, &[&str], Weekday); 7] = [
    ("monday", &["mon"], Weekday::Monday),
    ("tuesday", &["tue", "tues"], Weekday::Tuesday),
    ("wednesday", &["wed", "weds"], Weekday::Wednesday),
    ("thursday", &["thu", "thur", "thurs"], Weekday::Thursday),
    ("friday", &["fri"], Weekday::Friday),
    ("saturday", &["sat"], Weekday::Saturday),
    ("sunday", &["sun"], Weekday::Sunday),
];

/// Words that name a day relative to today.
const WORDS: [(&str, i64); 3] = [("today", 0), ("tomorrow", 1), ("yesterday", -1)];

/// The day `text` names, seen from `today`.
///
/// A weekday is the next such day *after* today, never today itself: typed
/// on a Friday, `fri` is the Friday a week later (`today` is today), so a
/// weekday always lies 1 to 7 days ahead.
pub fn parse(text: &str, today: Date) -> Result<Date, DateInputError> {
    let typed = text.trim();
    if typed.is_empty() {
        return Err(DateInputError::Empty);
    }
    let lower = typed.to_lowercase();
    if let Some(&(_, days)) = WORDS.iter().find(|(word, _)| *word == lower) {
        return add(today, Unit::Day, days, typed);
    }
    if let Some(day) = weekday(&lower) {
        return today.nth_weekday(1, day).map_err(|_| too_far(typed));
    }
    if lower.starts_with(['+', '-']) {
        return relative(&lower, typed, today);
    }
    if lower.starts_with(|c: char| c.is_ascii_digit()) && lower.contains('-') {
        return iso(typed);
    }
    Err(not_a_date(&lower, typed))
}

/// How a chosen date is shown back in the field before it is saved: ISO,
/// its weekday, and how far it is from today ("2027-01-08 (Fri, in 3 days)").
pub fn shown(date: Date, today: Date) -> String {
    let day = Day(date.weekday());
    let days = (date - today).get_days();
    let when = match days {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        -1 => "yesterday".to_string(),
        n if n > 0 => format!("in {n} days"),
        n => format!("{} days ago", -n),
    };
    format!("{date} ({}, {when})", capitalised_short(day))
}

fn capitalised_short(day: Day) -> String {
    crate::text::capitalise(day.short())
}

fn weekday(word: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(full, others, _)| *full == word || others.contains(&word))
        .map(|&(_, _, day)| day)
}

#[derive(Clone, Copy)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// `+10d`, `-2 weeks`, `+3`.
fn relative(lower: &str, typed: &str, today: Date) -> Result<Date, DateInputError> {
    let (sign, rest) = lower.split_at(1);
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (digits, unit) = rest.split_at(digits_end);
    if digits.is_empty() {
        return Err(not_a_date(lower, typed));
    }
    let unit = match unit.trim_start() {
        "" | "d" | "day" | "days" => Unit::Day,
        "w" | "wk" | "wks" | "week" | "weeks" => Unit::Week,
        "m" | "mo" | "month" | "months" => Unit::Month,
        "y" | "yr" | "yrs" | "year" | "years" => Unit::Year,
        _ => {
            return Err(DateInputError::NoSuchUnit {
                text: typed.to_string(),
            });
        }
    };
    // More digits than an i64 holds is too far anyway.
    let n: i64 = digits.parse().map_err(|_| too_far(typed))?;
    let n = if sign == "-" { -n } else { n };
    add(today, unit, n, typed)
}

fn add(today: Date, unit: Unit, n: i64, typed: &str) -> Result<Date, DateInputError> {
    let span = match unit {
        Unit::Day => Span::new().try_days(n),
        Unit::Week => Span::new().try_weeks(n),
        Unit::Month => Span::new().try_months(n),
        Unit::Year => Span::new().try_years(n),
    }
    .map_err(|_| too_far(typed))?;
    let date = today.checked_add(span).map_err(|_| too_far(typed))?;
    if date.year() < 0 {
        return Err(too_far(typed));
    }
    Ok(date)
}

/// `2027-01-05` or `2027-1-5`: a four-digit year, a month and a day of one
/// or two digits each.
fn iso(typed: &str) -> Result<Date, DateInputError> {
    let parts: Vec<&str> = typed.split('-').collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let [year, month, day] = parts[..] else {
        return Err(not_a_date(typed, typed));
    };
    if !(digits(year) && digits(month) && digits(day)) || month.len() > 2 || day.len() > 2 {
        return Err(not_a_date(typed, typed));
    }
    if year.len() != 4 {
        return Err(if year.len() < 4 {
            DateInputError::ShortYear {
                text: typed.to_string(),
            }
        } else {
            too_far(typed)
        });
    }
    // Four digits, two digits, two digits: each fits.
    let (year, month, day): (i16, i8, i8) = (
        year.parse().unwrap_or_default(),
        month.parse().unwrap_or_default(),
        day.parse().unwrap_or_default(),
    );
    if !(1..=12).contains(&month) {
        return Err(DateInputError::NoSuchMonth {
            text: typed.to_string(),
            month: month as u32,
        });
    }
    if day == 0 {
        return Err(DateInputError::DayZero {
            text: typed.to_string(),
        });
    }
    let first = Date::new(year, month, 1).map_err(|_| too_far(typed))?;
    let days = first.days_in_month();
    if day > days {
        return Err(DateInputError::NoSuchDay {
            text: typed.to_string(),
            year,
            month,
            days,
        });
    }
    Date::new(year, month, day).map_err(|_| too_far(typed))
}

fn too_far(typed: &str) -> DateInputError {
    DateInputError::TooFar {
        text: typed.to_string(),
    }
}

/// Why `lower` (typed as `typed`) is no date: `next fri`, a near miss of a
/// word handover knows, or nothing at all.
fn not_a_date(lower: &str, typed: &str) -> DateInputError {
    let text = typed.to_string();
    let words: Vec<&str> = lower.split_whitespace().collect();
    if let ["next" | "this", day] = words[..]
        && let Some(day) = weekday(day)
    {
        return DateInputError::NextWeekday {
            text,
            weekday: Day(day),
        };
    }
    if let [word] = words[..]
        && let Some(suggestion) = near_miss(word)
    {
        return DateInputError::DidYouMean { text, suggestion };
    }
    DateInputError::NotADate { text }
}

/// A known word at most two edits away from `word` (one for short words),
/// the nearest first.
fn near_miss(word: &str) -> Option<&'static str> {
    if word.chars().count() < 3 {
        return None;
    }
    let known = WEEKDAYS
        .iter()
        .flat_map(|(full, others, _)| std::iter::once(full).chain(others.iter()))
        .copied()
        .chain(WORDS.iter().map(|(w, _)| *w));
    known
        .map(|k| (strsim::damerau_levenshtein(word, k), k))
        .filter(|&(d, k)| d > 0 && d <= if k.len() <= 4 { 1 } else { 2 })
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i16, m: i8, day: i8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    /// A Wednesday.
    fn today() -> Date {
        d(2026, 12, 30)
    }

    fn ok(text: &str) -> Date {
        parse(text, today()).unwrap_or_else(|e| panic!("{text:?}: {e}"))
    }

    fn err(text: &str) -> String {
        match parse(text, today()) {
            Ok(date) => panic!("{text:?} parsed as {date}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn the_test_day_is_a_wednesday() {
        assert_eq!(today().weekday(), Weekday::Wednesday);
    }

    #[test]
    fn iso_dates_with_or_without_leading_zeros() {
        assert_eq!(ok("2027-01-05"), d(2027, 1, 5));
        assert_eq!(ok("2027-1-5"), d(2027, 1, 5));
        assert_eq!(ok("2027-01-5"), d(2027, 1, 5));
        assert_eq!(ok("  2027-12-31 \t"), d(2027, 12, 31));
        assert_eq!(ok("2028-02-29"), d(2028, 2, 29), "a leap year");
        assert_eq!(ok("0001-01-01"), d(1, 1, 1));
    }

    #[test]
    fn impossible_days_say_why() {
        assert_eq!(err("2027-02-30"), "2027-02-30: February 2027 has 28 days");
        assert_eq!(err("2028-2-30"), "2028-2-30: February 2028 has 29 days");
        assert_eq!(err("2027-04-31"), "2027-04-31: April 2027 has 30 days");
        assert_eq!(err("2027-01-32"), "2027-01-32: January 2027 has 31 days");
        assert_eq!(err("2027-13-01"), "2027-13-01: 13 is not a month");
        assert_eq!(err("2027-0-01"), "2027-0-01: 0 is not a month");
        assert_eq!(err("2027-01-00"), "2027-01-00: 0 is not a day");
        assert_eq!(
            err("27-1-5"),
            "27-1-5: write the year in full, like 2027-01-05"
        );
        assert_eq!(err("12027-1-5"), "\"12027-1-5\" is too far from today");
    }

    #[test]
    fn malformed_iso_is_not_a_date() {
        for text in [
            "2027-01",
            "2027-01-05-1",
            "2027-001-05",
            "2027-01-005",
            "2027--5",
            "2027-a-5",
            "2027-01-05T10:00",
        ] {
            assert_eq!(
                parse(text, today()),
                Err(DateInputError::NotADate { text: text.into() }),
                "{text}"
            );
        }
    }

    #[test]
    fn days_weeks_months_and_years_from_today() {
        assert_eq!(ok("+10d"), d(2027, 1, 9));
        assert_eq!(ok("+0d"), today());
        assert_eq!(ok("+2w"), d(2027, 1, 13));
        assert_eq!(ok("+3m"), d(2027, 3, 30));
        assert_eq!(ok("+1y"), d(2027, 12, 30));
        assert_eq!(ok("+3"), d(2027, 1, 2), "no unit: days");
        assert_eq!(ok("-1w"), d(2026, 12, 23));
        assert_eq!(ok("-3d"), d(2026, 12, 27));
        assert_eq!(ok("+2 weeks"), ok("+2w"));
        assert_eq!(ok("+1 DAY"), d(2026, 12, 31));
        assert_eq!(ok("+2W"), ok("+2w"));
    }

    #[test]
    fn months_are_clamped_to_the_month_end() {
        let jan31 = d(2027, 1, 31);
        assert_eq!(parse("+1m", jan31), Ok(d(2027, 2, 28)));
        assert_eq!(parse("+1m", d(2028, 1, 31)), Ok(d(2028, 2, 29)));
        assert_eq!(parse("+2m", jan31), Ok(d(2027, 3, 31)));
        assert_eq!(parse("-1m", d(2027, 3, 31)), Ok(d(2027, 2, 28)));
        assert_eq!(parse("+1y", d(2028, 2, 29)), Ok(d(2029, 2, 28)));
    }

    #[test]
    fn a_bad_unit_or_a_missing_number_says_so() {
        assert_eq!(
            err("+2x"),
            "\"+2x\": after the number comes d (days), w (weeks), m (months) or y (years)"
        );
        assert_eq!(err("+d"), format!("\"+d\" is not a date: try {HINT}"));
        assert_eq!(err("+"), format!("\"+\" is not a date: try {HINT}"));
    }

    #[test]
    fn too_far_is_refused_not_wrapped() {
        assert_eq!(
            err("+99999999999999999999d"),
            "\"+99999999999999999999d\" is too far from today"
        );
        assert_eq!(err("+9000000d"), "\"+9000000d\" is too far from today");
        assert_eq!(err("+10000y"), "\"+10000y\" is too far from today");
        assert_eq!(err("-2027y"), "\"-2027y\" is too far from today");
        assert_eq!(parse("+1d", d(9999, 12, 31)), Err(too_far("+1d")));
        assert_eq!(parse("fri", d(9999, 12, 31)), Err(too_far("fri")));
    }

    #[test]
    fn words_for_days_near_today() {
        assert_eq!(ok("today"), today());
        assert_eq!(ok("Tomorrow"), d(2026, 12, 31));
        assert_eq!(ok(" YESTERDAY "), d(2026, 12, 29));
    }

    #[test]
    fn weekdays_are_the_next_such_day_after_today() {
        // Today is Wednesday 2026-12-30.
        assert_eq!(ok("thu"), d(2026, 12, 31));
        assert_eq!(ok("fri"), d(2027, 1, 1));
        assert_eq!(ok("friday"), d(2027, 1, 1));
        assert_eq!(ok("FRI"), d(2027, 1, 1));
        assert_eq!(ok("sun"), d(2027, 1, 3));
        assert_eq!(ok("mon"), d(2027, 1, 4));
        assert_eq!(ok("tue"), d(2027, 1, 5));
        assert_eq!(ok("tues"), d(2027, 1, 5));
        assert_eq!(ok("wed"), d(2027, 1, 6), "never today: a week later");
        assert_eq!(ok("wednesday"), d(2027, 1, 6));
        assert_eq!(ok("thurs"), d(2026, 12, 31));
        assert_eq!(ok("sat"), d(2027, 1, 2));
    }

    #[test]
    fn fri_on_a_friday_is_a_week_later() {
        let friday = d(2027, 1, 1);
        assert_eq!(friday.weekday(), Weekday::Friday);
        assert_eq!(parse("fri", friday), Ok(d(2027, 1, 8)));
        assert_eq!(parse("sat", friday), Ok(d(2027, 1, 2)));
        assert_eq!(parse("thu", friday), Ok(d(2027, 1, 7)));
    }

    #[test]
    fn every_weekday_lies_one_to_seven_days_ahead() {
        for offset in 0..7 {
            let from = today().checked_add(Span::new().days(offset)).unwrap();
            for (full, others, day) in WEEKDAYS {
                for text in std::iter::once(full).chain(others.iter().copied()) {
                    let date = parse(text, from).unwrap();
                    let ahead = (date - from).get_days();
                    assert!((1..=7).contains(&ahead), "{text} from {from}: {date}");
                    assert_eq!(date.weekday(), day, "{text}");
                }
            }
        }
    }

    #[test]
    fn typos_get_a_did_you_mean() {
        assert_eq!(
            err("tusday"),
            "\"tusday\" is not a date: did you mean tuesday?"
        );
        assert_eq!(
            err("tomorow"),
            "\"tomorow\" is not a date: did you mean tomorrow?"
        );
        assert_eq!(err("tody"), "\"tody\" is not a date: did you mean today?");
        assert_eq!(err("fir"), "\"fir\" is not a date: did you mean fri?");
        assert_eq!(err("xyz"), format!("\"xyz\" is not a date: try {HINT}"));
    }

    #[test]
    fn next_weekday_is_ambiguous_and_says_what_to_type() {
        assert_eq!(
            err("next fri"),
            "\"next fri\" could mean two Fridays: type fri for the first Friday after today, or the date"
        );
        assert_eq!(
            parse("this Tuesday", today()),
            Err(DateInputError::NextWeekday {
                text: "this Tuesday".into(),
                weekday: Day(Weekday::Tuesday)
            })
        );
        assert_eq!(
            err("next tusday"),
            "\"next tusday\" is not a date: try 2027-01-05, +2w, +10d, fri or today"
        );
    }

    #[test]
    fn nothing_or_garbage_is_refused_clean() {
        assert_eq!(parse("", today()), Err(DateInputError::Empty));
        assert_eq!(parse("  ", today()), Err(DateInputError::Empty));
        assert_eq!(err(""), format!("no date: try {HINT}"));
        assert_eq!(err("5"), format!("\"5\" is not a date: try {HINT}"));
        let shown = err("soon\u{1b}[2J");
        assert!(!shown.contains('\u{1b}'), "{shown:?}");
        assert!(err(&"x".repeat(1000)).len() < 200);
    }

    #[test]
    fn a_chosen_date_is_shown_back_as_iso_with_its_distance() {
        assert_eq!(shown(d(2027, 1, 8), today()), "2027-01-08 (Fri, in 9 days)");
        assert_eq!(shown(today(), today()), "2026-12-30 (Wed, today)");
        assert_eq!(
            shown(d(2026, 12, 31), today()),
            "2026-12-31 (Thu, tomorrow)"
        );
        assert_eq!(
            shown(d(2026, 12, 29), today()),
            "2026-12-29 (Tue, yesterday)"
        );
        assert_eq!(
            shown(d(2026, 12, 20), today()),
            "2026-12-20 (Sun, 10 days ago)"
        );
    }

    fn any_date() -> impl Strategy<Value = Date> {
        // Every day of years 0000 to 9999, the ones written in four digits.
        let first = d(0, 1, 1);
        let days = (d(9999, 12, 31) - first).get_days();
        (0..=days).prop_map(move |n| first.checked_add(Span::new().days(n)).unwrap())
    }

    proptest! {
        #[test]
        fn every_iso_date_parses_back_to_itself(date in any_date(), from in any_date()) {
            prop_assert_eq!(parse(&date.to_string(), from), Ok(date));
        }

        #[test]
        fn plus_n_days_is_today_plus_n_days(from in any_date(), n in 0i64..200_000) {
            let expected = from.checked_add(Span::new().days(n)).ok().filter(|d| d.year() <= 9999);
            match expected {
                Some(expected) => {
                    prop_assert_eq!(parse(&format!("+{n}d"), from), Ok(expected));
                    prop_assert_eq!(parse(&format!("+{n}"), from), Ok(expected));
                }
                None => prop_assert_eq!(parse(&format!("+{n}d"), from), Err(too_far(&format!("+{n}d")))),
            }
        }

        #[test]
        fn weeks_are_seven_days_and_minus_goes_back(from in any_date(), n in 0i64..5_000) {
            let plus_w = parse(&format!("+{n}w"), from).ok();
            let plus_d = parse(&format!("+{}d", 7 * n), from).ok();
            prop_assert_eq!(plus_w, plus_d);
            if let Ok(back) = parse(&format!("-{n}d"), from) {
                prop_assert_eq!(parse(&format!("+{n}d"), back), Ok(from));
            }
        }
    }
}
