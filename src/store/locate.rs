//! Where in the text of a team file a person, a mission or one of their
//! fields is written, so a problem of meaning points at its line (SPEC §2).
//!
//! serde keeps no positions, so the text is read again with a small lexer
//! that knows RON's strings, comments and brackets: the n-th struct of the
//! `people` list is the n-th person, whatever its name looks like, and its
//! fields are found inside its brackets only. Strings are compared once
//! decoded, so escapes and combining characters make no difference.

use crate::model::validate::{At, Subject};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Ident,
    /// A string literal, raw or not, quotes included.
    Str,
    Punct(u8),
    Other,
}

#[derive(Clone, Copy, Debug)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
    /// Brackets open around the token (an opening bracket does not count
    /// itself, a closing one no longer does).
    depth: usize,
}

/// The team file's text, lexed once, answering where things are.
pub struct Locator<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    line_starts: Vec<usize>,
    /// Each person's and mission's brackets (token indexes), found once:
    /// a file may have a problem for each of 10,000 people.
    people: Vec<(usize, usize)>,
    missions: Vec<(usize, usize)>,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut locator = Locator {
            text,
            tokens: lex(text),
            line_starts,
            people: Vec::new(),
            missions: Vec::new(),
        };
        locator.people = locator.elements("people");
        locator.missions = locator.elements("missions");
        locator
    }

    /// The 1-based line of a byte offset.
    fn line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// The 1-based line and column (in characters) of the first thing in
    /// the file, or `None` when it holds nothing but spaces and comments.
    pub fn first_token(&self) -> Option<(usize, usize)> {
        let token = self.tokens.first()?;
        let line = self.line(token.start);
        let line_start = self.line_starts[line - 1];
        let column = self.text[line_start..token.start].chars().count() + 1;
        Some((line, column))
    }

    /// Whether the file starts like a team: `(`, `Team(` or a `#![enable]`
    /// attribute. Anything else (Markdown, JSON, CSV, a stray word) is not a
    /// handover team file at all.
    pub fn looks_like_a_team(&self) -> bool {
        match self.tokens.as_slice() {
            [first, ..] if first.kind == Kind::Punct(b'(') => true,
            [first, second, ..] if first.kind == Kind::Ident => {
                self.slice(first) == "Team" && second.kind == Kind::Punct(b'(')
            }
            [first, second, ..] if first.kind == Kind::Other => {
                self.slice(first) == "#" && self.slice(second) == "!"
            }
            _ => false,
        }
    }

    fn slice(&self, token: &Token) -> &'a str {
        &self.text[token.start..token.end]
    }

    fn is_ident(&self, i: usize, name: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == Kind::Ident && self.slice(t) == name)
    }

    fn is_punct(&self, i: usize, c: u8) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// The string a literal token holds, decoded.
    fn string(&self, token: &Token) -> Option<String> {
        (token.kind == Kind::Str)
            .then(|| ron::from_str::<String>(self.slice(token)).ok())
            .flatten()
    }

    /// The field `name` written directly inside tokens `from..to` at
    /// `depth`: the index of its name and the end of its value.
    fn field(&self, from: usize, to: usize, depth: usize, name: &str) -> Option<(usize, usize)> {
        let at = (from..to).find(|&i| {
            self.tokens[i].depth == depth && self.is_ident(i, name) && self.is_punct(i + 1, b':')
        })?;
        let end = (at + 2..to)
            .find(|&i| self.tokens[i].depth == depth && self.is_punct(i, b','))
            .unwrap_or(to);
        Some((at, end))
    }

    /// The structs of the top-level list `field` (`people`, `missions`):
    /// for each, the index of its opening and closing bracket.
    fn elements(&self, field: &str) -> Vec<(usize, usize)> {
        // The team's bracket: the first at the top (not one inside a
        // `#![enable(…)]` attribute).
        let Some(open) = self
            .tokens
            .iter()
            .position(|t| t.kind == Kind::Punct(b'(') && t.depth == 0)
        else {
            return Vec::new();
        };
        let team_depth = self.tokens[open].depth + 1;
        let close = self.closing(open);
        let Some((at, end)) = self.field(open + 1, close, team_depth, field) else {
            return Vec::new();
        };
        let list_depth = team_depth + 1;
        (at + 2..end)
            .filter(|&i| self.tokens[i].depth == list_depth && self.is_punct(i, b'('))
            .map(|i| (i, self.closing(i)))
            .collect()
    }

    /// The bracket that closes the one at `open` (or the last token).
    fn closing(&self, open: usize) -> usize {
        let depth = self.tokens[open].depth;
        (open + 1..self.tokens.len())
            .find(|&i| {
                self.tokens[i].depth == depth
                    && matches!(self.tokens[i].kind, Kind::Punct(b')' | b']' | b'}'))
            })
            .unwrap_or(self.tokens.len().saturating_sub(1))
    }

    /// The line of the problem: the field at fault when it can be found in
    /// the subject's brackets, else the subject's name or title, else where
    /// the subject starts.
    pub fn locate(&self, subject: &Subject, at: Option<&At>) -> Option<usize> {
        let (list, index, name_field) = match subject {
            Subject::Team => return None,
            Subject::Person { index, .. } => (&self.people, *index, "name"),
            Subject::Mission { index, .. } => (&self.missions, *index, "title"),
        };
        let &(open, close) = list.get(index)?;
        let depth = self.tokens[open].depth + 1;
        let token = at
            .and_then(|at| self.find(open + 1, close, depth, at))
            .or_else(|| self.field(open + 1, close, depth, name_field).map(|f| f.0))
            .unwrap_or(open);
        Some(self.line(self.tokens[token].start))
    }

    /// The token where `at` is written inside tokens `from..to`.
    fn find(&self, from: usize, to: usize, depth: usize, at: &At) -> Option<usize> {
        let (field, wanted, as_key) = match at {
            At::Field(field) => return self.field(from, to, depth, field).map(|f| f.0),
            At::Text(field, text) | At::Dated(field, text) => (field, text, false),
            At::MapKey(field, key) => (field, key, true),
        };
        let (name, end) = self.field(from, to, depth, field)?;
        let found = (name + 2..end).find(|&i| {
            self.string(&self.tokens[i]).as_ref() == Some(wanted)
                && (!as_key || self.is_punct(i + 1, b':'))
        });
        Some(found.unwrap_or(name))
    }
}

/// RON's tokens, as far as finding things needs: identifiers, strings,
/// brackets and separators; comments and spaces skipped.
fn lex(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        let kind = match b {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = block_comment_end(bytes, i);
                continue;
            }
            b'"' => {
                i = string_end(bytes, i + 1, b'"');
                Kind::Str
            }
            b'\'' => {
                i = string_end(bytes, i + 1, b'\'');
                Kind::Other
            }
            b'r' if raw_string_hashes(bytes, i + 1).is_some() => {
                let hashes = raw_string_hashes(bytes, i + 1).unwrap_or(0);
                i = raw_string_end(bytes, i + 2 + hashes, hashes);
                Kind::Str
            }
            b'(' | b'[' | b'{' => {
                i += 1;
                tokens.push(Token {
                    kind: Kind::Punct(b),
                    start,
                    end: i,
                    depth,
                });
                depth += 1;
                continue;
            }
            b')' | b']' | b'}' => {
                i += 1;
                depth = depth.saturating_sub(1);
                Kind::Punct(b)
            }
            b',' | b':' => {
                i += 1;
                Kind::Punct(b)
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                Kind::Ident
            }
            _ => {
                // One character of anything else (numbers, signs, `#`).
                i += text[i..].chars().next().map_or(1, char::len_utf8);
                Kind::Other
            }
        };
        tokens.push(Token {
            kind,
            start,
            end: i,
            depth,
        });
    }
    tokens
}

/// The end of a quoted string or char whose body starts at `i`.
fn string_end(bytes: &[u8], mut i: usize, quote: u8) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// With `r` at `i - 1`: the number of `#` before a `"`, if a raw string
/// starts here.
fn raw_string_hashes(bytes: &[u8], i: usize) -> Option<usize> {
    let hashes = bytes[i.min(bytes.len())..]
        .iter()
        .take_while(|&&b| b == b'#')
        .count();
    (bytes.get(i + hashes) == Some(&b'"')).then_some(hashes)
}

fn raw_string_end(bytes: &[u8], mut i: usize, hashes: usize) -> usize {
    while i < bytes.len() {
        if bytes[i] == b'"'
            && bytes[i + 1..]
                .iter()
                .take(hashes)
                .take_while(|&&b| b == b'#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        i += 1;
    }
    bytes.len()
}

/// The end of a (possibly nested) block comment starting at `i`.
fn block_comment_end(bytes: &[u8], mut i: usize) -> usize {
    let mut open = 0usize;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"/*") {
            open += 1;
            i += 2;
        } else if bytes[i..].starts_with(b"*/") {
            open -= 1;
            i += 2;
            if open == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(index: usize) -> Subject {
        Subject::Person {
            name: String::new(),
            index,
        }
    }

    fn mission(index: usize) -> Subject {
        Subject::Mission {
            title: String::new(),
            index,
        }
    }

    const TEXT: &str = r##"(
    // people: [(name: "Not here")],
    people: [
        (
            role: "first",
            name: "Jose\u{301}",
            skills: {
                "rust": 4,
                "sql": 9,
            },
            turns_to: ["Zed"],
        ),
        (name: "Same", notes: "name: \"Trap\" (", tools: ["a", r#"b"#]),
        /* (name: "comment") */ (name: "Same"),
    ],
    missions: [
        (title: "M", skills: {"sql": 3},
         owner: Some("Zed"),
         delegation: Some(9)),
    ],
)"##;

    #[test]
    fn people_and_missions_are_found_by_position_not_by_spelling() {
        let l = Locator::new(TEXT);
        assert_eq!(l.locate(&person(0), None), Some(6), "the name line");
        assert_eq!(l.locate(&person(1), None), Some(13));
        assert_eq!(l.locate(&person(2), None), Some(14), "comments skipped");
        assert_eq!(l.locate(&mission(0), None), Some(17));
        assert_eq!(l.locate(&person(3), None), None);
        assert_eq!(l.locate(&Subject::Team, None), None);
    }

    #[test]
    fn the_field_at_fault_gives_the_line() {
        let l = Locator::new(TEXT);
        let key = At::MapKey("skills", "sql".into());
        assert_eq!(l.locate(&person(0), Some(&key)), Some(9));
        assert_eq!(l.locate(&mission(0), Some(&key)), Some(17));
        let zed = At::Text("turns_to", "Zed".into());
        assert_eq!(l.locate(&person(0), Some(&zed)), Some(11));
        let owner = At::Text("owner", "Zed".into());
        assert_eq!(l.locate(&mission(0), Some(&owner)), Some(18));
        let delegation = At::Field("delegation");
        assert_eq!(l.locate(&mission(0), Some(&delegation)), Some(19));
        let raw = At::Text("tools", "b".into());
        assert_eq!(l.locate(&person(1), Some(&raw)), Some(13));
        let missing = At::Field("wants");
        assert_eq!(
            l.locate(&person(0), Some(&missing)),
            Some(6),
            "falls back on the name"
        );
    }

    #[test]
    fn an_attribute_before_the_team_is_skipped() {
        let text = "#![enable(implicit_some)]\n(\n  people: [\n    (name: \"A\", turns_to: [\"Zed\"]),\n  ],\n)";
        let l = Locator::new(text);
        let zed = At::Text("turns_to", "Zed".into());
        assert_eq!(l.locate(&person(0), Some(&zed)), Some(4));
    }

    #[test]
    fn only_a_team_looks_like_a_team() {
        for text in [
            "(people: [])",
            "  // hi\nTeam(people: [])",
            "#![enable(implicit_some)]\n(",
        ] {
            assert!(Locator::new(text).looks_like_a_team(), "{text}");
        }
        for text in [
            "garbage",
            "# My team\n\n- Amina",
            "{\"people\": []}",
            "person,skill,level\nAmina,rust,3",
            "",
            "Mission(title: \"x\")",
        ] {
            assert!(!Locator::new(text).looks_like_a_team(), "{text}");
        }
        assert_eq!(Locator::new("\n\n  garbage").first_token(), Some((3, 3)));
    }
}
