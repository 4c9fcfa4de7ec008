use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::Deserialize;

use super::Problem;
use super::locate::Locator;
use super::paths::Found;
use crate::model::validate::validate;
use crate::model::{CURRENT_VERSION, Team};
use crate::text::shown;

/// A team read from disk, with the proof of what was read.
#[derive(Debug)]
pub struct Loaded {
    pub team: Team,
    pub baseline: Baseline,
}

/// What the file looked like when it was loaded or last saved. Only a
/// successful load or save makes one, so nothing can be saved over a file
/// that failed to load; a save compares it with the disk to spot other writers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Baseline {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

impl Baseline {
    pub(super) fn of(bytes: &[u8], meta: &Metadata) -> Self {
        Baseline::written(super::Fingerprint::of(bytes), meta)
    }

    /// The baseline of contents written (known by their fingerprint, the
    /// bytes perhaps gone) to a file with this metadata.
    pub(super) fn written(contents: super::Fingerprint, meta: &Metadata) -> Self {
        Baseline {
            len: meta.len(),
            modified: meta.modified().ok(),
            hash: contents.hash,
        }
    }

    /// Whether the metadata alone already shows a different file.
    pub(super) fn differs_from(&self, meta: &Metadata) -> bool {
        self.len != meta.len() || self.modified != meta.modified().ok()
    }

    /// The contents this baseline stands for, as a recovery file names them.
    pub fn fingerprint(&self) -> super::Fingerprint {
        super::Fingerprint {
            len: self.len,
            hash: self.hash,
        }
    }

    pub(super) fn same_bytes(&self, bytes: &[u8]) -> bool {
        self.len == bytes.len() as u64 && self.hash == hash(bytes)
    }
}

fn hash(bytes: &[u8]) -> u64 {
    super::recovery::content_hash(bytes)
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: no such file", .0.display())]
    Missing(PathBuf),
    #[error(
        "{} is a symbolic link to {}, which does not exist. \
         Run `handover init` to create it there, or point the link at your team file",
        path.display(), target.display()
    )]
    DanglingLink { path: PathBuf, target: PathBuf },
    #[error(
        "{} is {what}, not a team file; nothing was read. \
         Pass --file with the path of a regular file",
        path.display()
    )]
    NotRegular { path: PathBuf, what: &'static str },
    #[error("{}: cannot read it: {error}", path.display())]
    Unreadable { path: PathBuf, error: io::Error },
    #[error("{}", render_problems(.0))]
    Refused(Vec<Problem>),
}

fn render_problems(problems: &[Problem]) -> String {
    let mut text = problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        // `main` labels the first line; label the others alike.
        .join("\nerror: ");
    let count = problems.len();
    text.push_str(&format!(
        "\n{count} problem{} found; the file was not changed.",
        crate::text::plural(count)
    ));
    text
}

/// Reads, parses and validates the team file.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let unreadable = |error: io::Error| LoadError::Unreadable {
        path: path.to_path_buf(),
        error,
    };
    // Looked at before opening: opening a FIFO would block for ever.
    check_kind(path)?;
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(LoadError::Missing(path.to_path_buf()));
        }
        Err(e) => return Err(unreadable(e)),
    };
    // Metadata from the open handle describes the very bytes we read.
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(LoadError::NotRegular {
            path: path.to_path_buf(),
            what: "not a regular file",
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes).map_err(unreadable)?;
    let team = parse(&bytes, path).map_err(LoadError::Refused)?;
    Ok(Loaded {
        team,
        baseline: Baseline::of(&bytes, &meta),
    })
}

/// Refuses a path that is not a regular file (or a link to one).
pub fn check_kind(path: &Path) -> Result<(), LoadError> {
    match super::paths::inspect(path) {
        Ok(Found::File) => Ok(()),
        Ok(Found::Missing) => Err(LoadError::Missing(path.to_path_buf())),
        Ok(Found::DanglingLink { target }) => Err(LoadError::DanglingLink {
            path: path.to_path_buf(),
            target,
        }),
        Ok(Found::NotRegular { what }) => Err(LoadError::NotRegular {
            path: path.to_path_buf(),
            what,
        }),
        Err(error) => Err(LoadError::Unreadable {
            path: path.to_path_buf(),
            error,
        }),
    }
}

/// Parses and validates a team file's bytes; `file` names it in messages.
pub fn parse(bytes: &[u8], file: &Path) -> Result<Team, Vec<Problem>> {
    let text = std::str::from_utf8(bytes).map_err(|e| vec![not_utf8(bytes, e, file)])?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A newer file is refused before anything else, whether or not this
    // version can parse it: opening and re-saving it would drop what this
    // version does not know. Checked once the parse is done (or failed), so
    // a good file is parsed only once.
    let mut team: Team = match ron::Options::default().from_str::<Team>(text) {
        Ok(team) => {
            check_version(text, file, Some(team.version))?;
            team
        }
        Err(e) => {
            check_version(text, file, None)?;
            let locator = Locator::new(text);
            if !locator.looks_like_a_team() {
                return Err(vec![not_a_team(&locator, text, file)]);
            }
            return Err(vec![syntax_problem(&e, text, file)]);
        }
    };
    // A version-1 file opens as it is; it is written as version 2 at its
    // first save.
    team.upgrade();
    let invalid = validate(&team);
    if invalid.is_empty() {
        return Ok(team);
    }
    let locator = Locator::new(text);
    Err(invalid
        .into_iter()
        .map(|invalid| {
            let line = locator.locate(&invalid.subject, invalid.at.as_ref());
            Problem {
                file: file.to_path_buf(),
                line,
                column: None,
                subject: Some(invalid.subject.to_string()),
                message: invalid.message,
                excerpt: None,
                hint: invalid.hint,
            }
        })
        .collect())
}

fn not_utf8(bytes: &[u8], error: std::str::Utf8Error, file: &Path) -> Problem {
    let before = &bytes[..error.valid_up_to()];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    Problem {
        line: Some(line),
        column: Some(column),
        hint: Some("save the file as UTF-8 text".into()),
        ..Problem::whole_file(file.to_path_buf(), "is not UTF-8 text")
    }
}

/// Refuses a version other than this one's.
fn check_version(text: &str, file: &Path, parsed: Option<u32>) -> Result<(), Vec<Problem>> {
    #[derive(Deserialize)]
    struct VersionOnly {
        #[serde(default = "current")]
        version: u64,
    }
    fn current() -> u64 {
        u64::from(CURRENT_VERSION)
    }
    let version = match parsed {
        Some(version) => u64::from(version),
        // A file that does not parse this far is reported by the full parse.
        None => match ron::from_str::<VersionOnly>(text) {
            Ok(VersionOnly { version }) => version,
            Err(_) => return Ok(()),
        },
    };
    let current = current();
    let message = if version > current {
        format!(
            "was written by a newer handover (file version {version}; this one reads versions 1 to {current})"
        )
    } else if version < 1 {
        format!("has version {version}; this handover reads versions 1 to {current}")
    } else {
        return Ok(());
    };
    Err(vec![Problem {
        line: line_of(text, "version"),
        hint: (version > current)
            .then(|| "update handover to open it; it was not opened or re-saved".into()),
        ..Problem::whole_file(file.to_path_buf(), message)
    }])
}

fn line_of(text: &str, field: &str) -> Option<usize> {
    text.lines()
        .position(|l| l.trim_start().starts_with(field))
        .map(|i| i + 1)
}

/// A file that is not RON for a team at all (Markdown, JSON, a CSV, a
/// stray word): said in a manager's words rather than as ron's "Expected
/// struct `Team`".
fn not_a_team(locator: &Locator, text: &str, file: &Path) -> Problem {
    let hint = "a team file starts with `(` and lists `people:` and `missions:`; \
                `handover init` writes one";
    match locator.first_token() {
        None => Problem {
            hint: Some(hint.into()),
            ..Problem::whole_file(file.to_path_buf(), "is empty: not a handover team file")
        },
        Some((line, column)) => Problem {
            line: Some(line),
            column: Some(column),
            excerpt: text.lines().nth(line - 1).map(str::to_string),
            hint: Some(hint.into()),
            ..Problem::whole_file(file.to_path_buf(), "is not a handover team file")
        },
    }
}

fn syntax_problem(error: &ron::error::SpannedError, text: &str, file: &Path) -> Problem {
    let line = error.span.start.line;
    let (message, hint) = match &error.code {
        ron::Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let within = outer.as_deref().map(describe_struct).unwrap_or("here");
            let closest = expected
                .iter()
                .map(|e| (strsim::jaro_winkler(found, e), e))
                .filter(|(score, _)| *score >= 0.75)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, e)| format!("did you mean `{e}`?"));
            (
                format!("unknown field `{}` in {within}", shown(found)),
                closest.or_else(|| Some(format!("the fields are: {}", expected.join(", ")))),
            )
        }
        // ron's own words may quote the file (a value, a struct name).
        code => (shown(&code.to_string()), None),
    };
    Problem {
        file: file.to_path_buf(),
        line: Some(line),
        column: Some(error.span.start.col),
        subject: None,
        message,
        excerpt: text.lines().nth(line.saturating_sub(1)).map(str::to_string),
        hint,
    }
}

fn describe_struct(name: &str) -> &str {
    match name {
        "Team" => "the team",
        "Person" => "a person",
        "Mission" => "a mission",
        "LogEntry" => "a log entry",
        "ActionItem" => "an action item",
        "DelegationChange" => "a delegation history entry",
        "LevelChange" => "a skill history entry",
        other => other,
    }
}
