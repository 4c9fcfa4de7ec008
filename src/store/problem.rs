use std::fmt;
use std::path::PathBuf;

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
            let number = line.to_string();
            write!(f, "\n  {number} | {}", crate::text::clean(excerpt))?;
            if let Some(column) = self.column {
                let before: String = excerpt.chars().take(column.saturating_sub(1)).collect();
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
