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

/// The text with its first letter in capitals.
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
    fn wide_characters_count_two_columns() {
        assert_eq!(width("ab"), 2);
        assert_eq!(width("王芳"), 4);
    }
}
