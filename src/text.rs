//! Text from the data file made safe to show: control characters and
//! escape sequences become visible placeholders, never terminal commands.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

/// One line of text with every control character replaced by a visible
/// picture (`␛` for ESC, `␤` for a newline), C1 controls and bidi
/// overrides by `�`.
pub fn clean(text: &str) -> Cow<'_, str> {
    clean_with(text, false)
}

/// Like [`clean`], but keeps newlines: for notes shown on several lines.
pub fn clean_multiline(text: &str) -> Cow<'_, str> {
    clean_with(text, true)
}

fn clean_with(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| is_unsafe(c) && !(keep_newlines && c == '\n');
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if unsafe_char(c) { placeholder(c) } else { c })
            .collect(),
    )
}

fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Characters that cannot be seen or that act on the text around them:
/// control characters, zero-width characters and bidi controls. A name
/// holding one is refused (SPEC §2): "Anna" with a zero-width joiner would
/// otherwise be a second Anna that looks the same.
pub fn is_invisible(c: char) -> bool {
    is_unsafe(c)
        || matches!(
            c,
            '\u{00AD}' // soft hyphen
                | '\u{180E}' // Mongolian vowel separator
                | '\u{200B}'..='\u{200D}' // zero-width space, non-joiner, joiner
                | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
                | '\u{206A}'..='\u{206F}' // deprecated format characters
                | '\u{FEFF}' // zero-width no-break space (BOM)
                | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
        )
}

/// Characters that reorder text on screen and so can disguise it.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn placeholder(c: char) -> char {
    match c {
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        _ => '\u{fffd}',
    }
}

/// JSON with every character that could act on a terminal written as a
/// `\uXXXX` escape. serde_json escapes C0 controls; this adds DEL, the C1
/// controls and bidi overrides, so `handover check --json` shown raw in a
/// terminal does nothing but show text. (They can only occur inside JSON
/// strings, so replacing them anywhere is safe.)
pub fn escape_json_controls(json: String) -> String {
    if !json.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if c != '\n' && is_unsafe(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// How many characters of a datum a message quotes before cutting it.
pub const QUOTED: usize = 80;

/// Data from a file in quotes for a message: quotes and backslashes escaped,
/// every control, zero-width or bidi character written as an escape
/// (`\u{200d}`), never raw, and cut after [`QUOTED`] characters with the
/// full length said, so a 1 MB cell is not echoed whole.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(4 * QUOTED) + 2);
    out.push('"');
    let mut chars = text.chars();
    for c in chars.by_ref().take(QUOTED) {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if is_invisible(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    if chars.next().is_some() {
        out.push_str(&format!("… ({} characters)", text.chars().count()));
    }
    out
}

/// Data from a file shown unquoted in a message (a CSV column's header, a
/// word ron quotes): control characters made visible, cut after
/// [`QUOTED`] characters with the full length said.
pub fn shown(text: &str) -> String {
    match text.char_indices().nth(QUOTED) {
        Some((end, _)) => format!(
            "{}… ({} characters)",
            clean(&text[..end]),
            text.chars().count()
        ),
        None => clean(text).into_owned(),
    }
}

/// A window of at most `max` characters of one long line around the
/// character at `at` (0-based), marked with `…` where it was cut, and the
/// position of that character within the window. Short lines come back
/// whole.
pub fn window(line: &str, at: usize, max: usize) -> (String, usize) {
    let total = line.chars().count();
    if total <= max {
        return (line.to_string(), at);
    }
    let at = at.min(total);
    let start = at.saturating_sub(max / 2).min(total.saturating_sub(max));
    let end = (start + max).min(total);
    let mut out = String::with_capacity(max * 2);
    let mut caret = at - start;
    if start > 0 {
        out.push('…');
        caret += 1;
    }
    out.extend(line.chars().skip(start).take(end - start));
    if end < total {
        out.push('…');
    }
    (out, caret)
}

/// The text with its first letter in capitals.
/// The plural ending of a count: `format!("{n} mission{}", plural(n))`.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Columns the text takes in a terminal (CJK and emoji count two).
pub fn width(text: &str) -> usize {
    text.width()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_untouched() {
        assert!(matches!(clean("Amina Diallo — 안녕 👋"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(clean("a\x1b]0;pwned\x07b"), "a␛]0;pwned␇b");
        assert_eq!(clean("x\x1b[2Jy"), "x␛[2Jy");
        assert_eq!(clean("del\x7f"), "del␡");
        assert_eq!(clean("c1\u{9b}31m"), "c1\u{fffd}31m");
        assert_eq!(clean("evil\u{202e}txt"), "evil\u{fffd}txt");
        assert_eq!(clean("two\nlines"), "two␊lines");
    }

    #[test]
    fn multiline_keeps_newlines_only() {
        assert_eq!(clean_multiline("a\nb\x1bc"), "a\nb␛c");
    }

    #[test]
    fn json_escapes_what_serde_json_leaves_raw() {
        let json = serde_json::to_string("a\u{7f}b\u{9b}c\u{202e}d\u{1b}").unwrap();
        let safe = escape_json_controls(json);
        assert_eq!(safe, r#""a\u007fb\u009bc\u202ed\u001b""#);
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "a\u{7f}b\u{9b}c\u{202e}d\u{1b}");
    }

    #[test]
    fn quoted_data_is_escaped_and_cut() {
        assert_eq!(quoted("Amina \"DK\" Diallo"), r#""Amina \"DK\" Diallo""#);
        assert_eq!(
            quoted("a\x1b]0;x\x07b\u{200d}c"),
            r#""a\u{1b}]0;x\u{7}b\u{200d}c""#
        );
        let long = quoted(&"x".repeat(1_000_000));
        assert!(
            long.ends_with("\"… (1000000 characters)"),
            "{}",
            &long[70..]
        );
        assert!(long.len() < 120);
    }

    #[test]
    fn a_window_cuts_long_lines_around_the_place() {
        assert_eq!(window("short", 2, 10), ("short".to_string(), 2));
        let line: String = ('a'..='z').cycle().take(1000).collect();
        let (shown, at) = window(&line, 500, 20);
        assert_eq!(shown.chars().count(), 22, "{shown}");
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(shown.chars().nth(at), line.chars().nth(500));
        let (shown, at) = window(&line, 3, 20);
        assert!(!shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(at, 3);
        let (shown, at) = window(&line, 999, 20);
        assert!(shown.starts_with('…') && !shown.ends_with('…'));
        assert_eq!(shown.chars().nth(at), line.chars().nth(999));
    }

    #[test]
    fn wide_characters_count_two_columns() {
        assert_eq!(width("ab"), 2);
        assert_eq!(width("王芳"), 4);
    }
}
