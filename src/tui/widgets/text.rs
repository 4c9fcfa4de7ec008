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

/// A line wrapped to `width` with a hanging indent under its lead (leading
/// spaces and a bullet `• `, `- ` or `☐ `, or a heading's `#`s): the lines it wraps onto start
/// under its text, not at the edge. Each part keeps its style; a line that
/// fits is left as it is.
pub fn indent_wrapped(line: Line<'static>, width: usize) -> Vec<Line<'static>> {
    if line.width() <= width || line.spans.is_empty() {
        return vec![line];
    }
    let span = &line.spans[0];
    let text = span.content.to_string();
    let spaces = text.len() - text.trim_start_matches(' ').len();
    let bullet = ["• ", "- ", "☐ ", "### ", "## ", "# "]
        .iter()
        .find(|b| text[spaces..].starts_with(**b))
        .map_or(0, |b| b.len());
    let (lead, rest) = text.split_at(spaces + bullet);
    if line.spans.len() == 1 {
        let style = span.style.patch(line.style);
        return hanging(Span::styled(lead.to_string(), style), rest, width, style);
    }
    let lead = Span::styled(lead.to_string(), span.style);
    let parts = std::iter::once(Span::styled(rest.to_string(), span.style))
        .chain(line.spans[1..].iter().cloned())
        .collect();
    styled_hanging(lead, parts, width)
        .into_iter()
        .map(|wrapped| wrapped.style(line.style))
        .collect()
}

/// Styled `parts` after a `lead`, wrapped at spaces to `width` columns
/// (a word longer than a line is cut), the other lines indented to start
/// under the first's text; each part keeps its style.
fn styled_hanging(
    lead: Span<'static>,
    parts: Vec<Span<'static>>,
    width: usize,
) -> Vec<Line<'static>> {
    let indent = lead.width();
    let room = width.saturating_sub(indent).max(8);
    // Words and the spaces before them, each a run of styled pieces.
    let mut words: Vec<(Vec<Span<'static>>, Vec<Span<'static>>)> = vec![(Vec::new(), Vec::new())];
    for part in parts {
        let text = clean(&part.content).into_owned();
        let mut piece = String::new();
        let mut in_space = false;
        for c in text.chars() {
            let space = c == ' ';
            if space != in_space && !piece.is_empty() {
                push_piece(&mut words, std::mem::take(&mut piece), part.style, in_space);
            }
            in_space = space;
            piece.push(c);
        }
        if !piece.is_empty() {
            push_piece(&mut words, piece, part.style, in_space);
        }
    }
    let width_of = |spans: &[Span<'static>]| spans.iter().map(Span::width).sum::<usize>();
    let mut lines = Vec::new();
    let mut line = vec![lead];
    let mut used = 0;
    for (gap, word) in words {
        let (gap_width, word_width) = (width_of(&gap), width_of(&word));
        if word.is_empty() {
            // Spaces at the end: kept only where they fit.
            if used + gap_width <= room {
                line.extend(gap);
            }
            continue;
        }
        if used > 0 && used + gap_width + word_width > room {
            lines.push(Line::from(std::mem::take(&mut line)));
            line.push(Span::raw(" ".repeat(indent)));
            used = 0;
        } else {
            used += gap_width;
            line.extend(gap);
        }
        // A word wider than a whole line is cut where the line ends.
        for span in word {
            let mut rest = span.content.to_string();
            while used + crate::text::width(&rest) > room && used < room {
                let head = cut_at(&rest, room - used);
                if head.is_empty() {
                    break;
                }
                rest = rest[head.len()..].to_string();
                line.push(Span::styled(head, span.style));
                lines.push(Line::from(std::mem::take(&mut line)));
                line.push(Span::raw(" ".repeat(indent)));
                used = 0;
            }
            used += crate::text::width(&rest);
            line.push(Span::styled(rest, span.style));
        }
    }
    lines.push(Line::from(line));
    lines
}

/// Adds a piece of text to the last word (or to the spaces before the
/// next one).
fn push_piece(
    words: &mut Vec<(Vec<Span<'static>>, Vec<Span<'static>>)>,
    piece: String,
    style: Style,
    space: bool,
) {
    if space {
        // Spaces after a word start the next one.
        if words.last().is_some_and(|(_, word)| !word.is_empty()) {
            words.push((Vec::new(), Vec::new()));
        }
        if let Some((gap, _)) = words.last_mut() {
            gap.push(Span::styled(piece, style));
        }
    } else if let Some((_, word)) = words.last_mut() {
        word.push(Span::styled(piece, style));
    }
}

/// The longest start of `text` that fits in `width` columns.
fn cut_at(text: &str, width: usize) -> String {
    let mut used = 0;
    text.chars()
        .take_while(|c| {
            used += c.width().unwrap_or(0);
            used <= width
        })
        .collect()
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
    fn a_line_of_styled_parts_wraps_under_its_text_and_keeps_each_style() {
        let dim = Style::new().add_modifier(ratatui::style::Modifier::DIM);
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let line = Line::from(vec![
            Span::raw("- "),
            Span::styled("Goal: ", dim),
            Span::styled("one token file for web and mobile", bold),
        ]);
        let wrapped = indent_wrapped(line, 20);
        let text: Vec<String> = wrapped.iter().map(|l| l.to_string()).collect();
        assert_eq!(
            text,
            ["- Goal: one token", "  file for web and", "  mobile"]
        );
        assert!(wrapped.iter().all(|l| l.width() <= 20));
        // Each word keeps the style of its part.
        let style_of = |word: &str| {
            wrapped
                .iter()
                .flat_map(|l| &l.spans)
                .find(|s| s.content.contains(word))
                .map(|s| s.style)
        };
        assert_eq!(style_of("Goal:"), Some(dim));
        assert_eq!(style_of("mobile"), Some(bold));
        // A word longer than a line is cut, still under the text.
        let long = Line::from(vec![
            Span::raw("☐ "),
            Span::raw("x".repeat(30)),
            Span::raw(" y"),
        ]);
        let text: Vec<String> = indent_wrapped(long, 12)
            .iter()
            .map(|l| l.to_string())
            .collect();
        assert_eq!(
            text,
            ["☐ xxxxxxxxxx", "  xxxxxxxxxx", "  xxxxxxxxxx", "  y"]
        );
        // No lead: the lines start at the edge.
        let plain = Line::from(vec![Span::raw("ab cd "), Span::raw("ef gh")]);
        let text: Vec<String> = indent_wrapped(plain, 8)
            .iter()
            .map(|l| l.to_string())
            .collect();
        assert_eq!(text, ["ab cd ef", "gh"]);
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
