//! Text cut to the columns it has, by display width: CJK and emoji take
//! two columns, and control characters are shown as placeholders.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use crate::text::clean;

/// The text cleaned and cut to at most `width` columns, with `…` when cut.
pub fn cut(text: &str, width: usize) -> String {
    let text = clean(text);
    if crate::text::width(&text) <= width {
        return text.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// The text cut to `width` columns and padded with spaces to exactly that.
pub fn fit(text: &str, width: usize) -> String {
    let mut out = cut(text, width);
    let used = crate::text::width(&out);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

/// `text` wrapped to `width` columns after a lead (a label or a bullet),
/// its other lines indented to start under the first: a hanging indent.
pub fn hanging(lead: Span<'static>, text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    let indent = lead.width();
    let text = clean(text);
    let room = width.saturating_sub(indent).max(8);
    let mut lines = Vec::new();
    for (i, part) in textwrap::wrap(&text, room).into_iter().enumerate() {
        let head = if i == 0 {
            lead.clone()
        } else {
            Span::raw(" ".repeat(indent))
        };
        lines.push(Line::from(vec![
            head,
            Span::styled(part.into_owned(), style),
        ]));
    }
    if lines.is_empty() {
        lines.push(Line::from(lead));
    }
    lines
}

/// A line of one span, wrapped to `width` with a hanging indent under its
/// lead (leading spaces and a bullet `• `, `- ` or `☐ `); other lines are
/// left to the paragraph's own wrapping.
pub fn indent_wrapped(line: Line<'static>, width: usize) -> Vec<Line<'static>> {
    if line.spans.len() != 1 || line.width() <= width {
        return vec![line];
    }
    let span = &line.spans[0];
    let text = span.content.to_string();
    let spaces = text.len() - text.trim_start_matches(' ').len();
    let bullet = ["• ", "- ", "☐ "]
        .iter()
        .find(|b| text[spaces..].starts_with(**b))
        .map_or(0, |b| b.len());
    let (lead, rest) = text.split_at(spaces + bullet);
    let style = span.style.patch(line.style);
    hanging(Span::styled(lead.to_string(), style), rest, width, style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_are_cut_by_columns() {
        assert_eq!(fit("王芳芳", 5), "王芳…");
        assert_eq!(crate::text::width(&fit("王芳芳", 5)), 5);
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 0), "");
        assert_eq!(fit("🎉🎉🎉", 4), "🎉… ");
    }

    #[test]
    fn a_bulleted_line_wraps_under_its_text() {
        let line = Line::raw("  • skill react: needs 3, has 0 — too wide to pair");
        let lines: Vec<String> = indent_wrapped(line, 24)
            .iter()
            .map(|l| l.to_string())
            .collect();
        assert_eq!(
            lines,
            [
                "  • skill react: needs",
                "    3, has 0 — too wide",
                "    to pair"
            ]
        );
        // A line that fits is left as it is.
        assert_eq!(indent_wrapped(Line::raw("short"), 24).len(), 1);
    }

    #[test]
    fn hanging_indent_lines_up_under_the_first_line() {
        let lines = hanging(Span::raw("Goal: "), "one two three four", 16, Style::new());
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(text, ["Goal: one two", "      three four"]);
    }

    #[test]
    fn control_characters_never_pass() {
        assert_eq!(fit("a\u{1b}b", 3), "a␛b");
    }
}
