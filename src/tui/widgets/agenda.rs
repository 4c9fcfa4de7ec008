//! The agenda drawn as styled lines for the One-on-one view and the
//! meeting screen beside the entry being written: the same
//! words and layout as its Markdown, with to-dos as boxes to tick, the
//! verdict in its colour and what needs attention marked.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::agenda::{Agenda, Block, Item, ItemKind};
use crate::tui::theme::Theme;

/// The agenda's lines wrapped to `width` columns, each keeping its hanging
/// indent: an item goes on under its text, not under its bullet or box.
pub fn wrapped(agenda: &Agenda, theme: Theme, width: usize) -> Vec<Line<'static>> {
    lines(agenda, theme)
        .into_iter()
        .flat_map(|line| super::text::indent_wrapped(line, width))
        .collect()
}

pub fn lines(agenda: &Agenda, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::styled(format!("# {}", agenda.title), theme.bold()),
        Line::raw(""),
        Line::raw(agenda.summary.clone()),
    ];
    for section in &agenda.sections {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("## {}", section.heading),
            theme.bold(),
        ));
        for block in &section.blocks {
            lines.push(Line::raw(""));
            match block {
                Block::Text(text) => lines.push(Line::styled(text.clone(), theme.dim())),
                Block::Items(items) => items.iter().for_each(|i| item(i, theme, &mut lines)),
                Block::Mission {
                    title,
                    verdict,
                    items,
                } => {
                    lines.push(Line::from(vec![
                        Span::styled(format!("### {title} — "), theme.bold()),
                        Span::styled(verdict.label(), theme.verdict(*verdict)),
                    ]));
                    lines.push(Line::raw(""));
                    items.iter().for_each(|i| item(i, theme, &mut lines));
                }
            }
        }
    }
    lines
}

fn item(item: &Item, theme: Theme, lines: &mut Vec<Line<'static>>) {
    let text = item.text.clone();
    let bullet = || Span::raw("- ");
    let spans = match &item.kind {
        kind @ ItemKind::OpenAction { .. } => vec![
            Span::styled("☐ ", theme.key()),
            Span::raw(text),
            Span::styled(
                format!(" ({})", kind.about().unwrap_or_default()),
                theme.dim(),
            ),
        ],
        ItemKind::TalkingPoint => vec![Span::styled("☐ ", theme.key()), Span::raw(text)],
        ItemKind::Fact { label, missing } => vec![
            bullet(),
            Span::styled(format!("{label}: "), theme.dim()),
            Span::styled(text, if *missing { theme.warn() } else { Style::new() }),
        ],
        ItemKind::Finding(finding) => {
            // A gap the mentor covers is growth, not a warning.
            let style = if finding.is_covered_gap() {
                Style::new()
            } else {
                theme.warn()
            };
            vec![bullet(), Span::styled(text, style)]
        }
        ItemKind::Colleague => vec![bullet(), Span::raw(text)],
        ItemKind::Since { .. } => vec![bullet(), Span::styled(text, theme.ok())],
        ItemKind::Note { date } => {
            // Each line of the note on its own, indented under the first.
            let mut note = text.split('\n');
            let first = note.next().unwrap_or_default().to_string();
            lines.push(Line::from(vec![
                bullet(),
                Span::styled(format!("{date}: "), theme.dim()),
                Span::raw(first),
            ]));
            lines.extend(note.map(|rest| Line::raw(format!("  {rest}"))));
            return;
        }
    };
    lines.push(Line::from(spans));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;

    /// The view's text, line by line, is the Markdown's with each `- [ ] `
    /// drawn as a box.
    fn assert_same_as_markdown(team: &crate::model::Team) {
        let a = analyse(team);
        for who in 0..team.people.len() {
            let agenda = Agenda::of(team, &a, who);
            let drawn: Vec<String> = lines(&agenda, Theme::mono())
                .iter()
                .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
                .collect();
            let markdown: Vec<String> = agenda
                .markdown()
                .lines()
                .map(|l| match l.strip_prefix("- [ ] ") {
                    Some(rest) => format!("☐ {rest}"),
                    None => l.to_string(),
                })
                .collect();
            assert_eq!(drawn, markdown, "{}", team.people[who].name);
        }
    }

    #[test]
    fn the_view_says_what_the_markdown_says() {
        assert_same_as_markdown(&crate::sample::team());
        assert_same_as_markdown(&crate::demo::generate(40, 120, 11));
    }

    #[test]
    fn a_note_of_several_lines_stays_under_its_date() {
        let team: crate::model::Team = ron::from_str(
            r#"(people: [(name: "A", log: [(date: "2026-01-01", note: "one\n\ntwo\u{1b}")])])"#,
        )
        .unwrap();
        assert_same_as_markdown(&team);
        let a = analyse(&team);
        let drawn = lines(&Agenda::of(&team, &a, 0), Theme::mono());
        let last: Vec<String> = drawn[drawn.len() - 3..]
            .iter()
            .map(|l| l.to_string())
            .collect();
        assert_eq!(last, ["- 2026-01-01: one", "  ", "  two␛"]);
    }
}
