use std::fmt;
use std::path::PathBuf;

/// The most characters of a line a message shows around the place of an
/// error (SPEC §4: a readable length).
pub const EXCERPT: usize = 160;

/// One reason a file was refused, with enough to find and fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    /// 1-based line and column, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The person or mission concerned, e.g. `mission "Ship it"`.
    pub subject: Option<String>,
    pub message: String,
    /// The offending line of the file, shown under the message.
    pub excerpt: Option<String>,
    pub hint: Option<String>,
}

impl Problem {
    pub fn whole_file(file: PathBuf, message: impl Into<String>) -> Self {
        Problem {
            file,
            line: None,
            column: None,
            subject: None,
            message: message.into(),
            excerpt: None,
            hint: None,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        f.write_str(": ")?;
        if let Some(subject) = &self.subject {
            write!(f, "{subject} ")?;
        }
        f.write_str(&self.message)?;
        if let (Some(line), Some(excerpt)) = (self.line, &self.excerpt) {
            // A long line (a whole team on one line) is shown as a window
            // around the column, never whole.
            let column = self.column.unwrap_or(1).saturating_sub(1);
            let (shown, caret) = crate::text::window(excerpt, column, EXCERPT);
            let number = line.to_string();
            write!(f, "\n  {number} | {}", crate::text::clean(&shown))?;
            if self.column.is_some() {
                let before: String = shown.chars().take(caret).collect();
                let pad = crate::text::width(&crate::text::clean(&before));
                write!(f, "\n  {} | {}^", " ".repeat(number.len()), " ".repeat(pad))?;
            }
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}
