//! The agenda as Markdown, for `handover agenda` and the app's export:
//! every heading and block set apart by a blank line, to-dos as `- [ ]`.

use std::fmt::Write;

use super::{Agenda, Block, Item, ItemKind};

impl Agenda {
    pub fn markdown(&self) -> String {
        let mut md = String::new();
        let _ = writeln!(md, "# {}", self.title);
        let _ = writeln!(md, "\n{}", self.summary);
        for section in &self.sections {
            let _ = writeln!(md, "\n## {}", section.heading);
            for block in &section.blocks {
                md.push('\n');
                match block {
                    Block::Text(text) => {
                        let _ = writeln!(md, "{text}");
                    }
                    Block::Items(items) => items.iter().for_each(|item| line(item, &mut md)),
                    Block::Mission {
                        title,
                        verdict,
                        items,
                    } => {
                        let _ = writeln!(md, "### {title} — {}\n", verdict.label());
                        items.iter().for_each(|item| line(item, &mut md));
                    }
                }
            }
        }
        md
    }
}

fn line(item: &Item, md: &mut String) {
    let text = &item.text;
    let _ = match &item.kind {
        kind @ ItemKind::OpenAction { .. } => {
            writeln!(md, "- [ ] {text} ({})", kind.about().unwrap_or_default())
        }
        ItemKind::TalkingPoint => writeln!(md, "- [ ] {text}"),
        ItemKind::Fact { label, .. } => writeln!(md, "- {label}: {text}"),
        ItemKind::Finding(_) | ItemKind::Colleague | ItemKind::Since { .. } => {
            writeln!(md, "- {text}")
        }
        // A note's later lines stay inside its list item.
        ItemKind::Note { date } => writeln!(md, "- {date}: {}", text.replace('\n', "\n  ")),
    };
}
