use std::collections::BTreeMap;
use std::fmt;

use caseless::Caseless;
use rustc_hash::FxHashMap;
use serde::de::{Deserializer, MapAccess, Visitor};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::Team;

/// A name as handover compares it (SPEC §2): trimmed, in Unicode NFC and
/// case-folded (full folding, so "Straße" and "STRASSE" are one name).
/// People, missions, skills and tools are all matched by key, shown as
/// first spelt.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key(String);

impl Key {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The comparison key of a name.
pub fn key(name: &str) -> Key {
    let mut buf = String::with_capacity(name.len());
    normalize_into(name, &mut buf);
    Key(buf)
}

/// Writes the comparison key of a name into `buf` (cleared first), so hot
/// loops can reuse one buffer instead of allocating a key per lookup.
///
/// ASCII needs no normalisation and folds by lowercasing; anything else is
/// decomposed, case-folded and recomposed (Unicode's canonical caseless
/// match, kept as NFC), all through iterators writing into `buf`.
pub fn normalize_into(name: &str, buf: &mut String) {
    buf.clear();
    let name = name.trim();
    if name.is_ascii() {
        buf.push_str(name);
        buf.make_ascii_lowercase();
        return;
    }
    // Text already in NFC (nearly all of it) folds directly: decomposing
    // first only matters for U+0345 and the Greek letters that hold it
    // (Unicode §3.13). The result is kept when it is NFC; otherwise the
    // full canonical caseless key is made.
    if is_nfc_quick(name.chars()) == IsNormalized::Yes && !name.chars().any(needs_nfd_to_fold) {
        buf.extend(name.chars().default_case_fold());
        if is_nfc_quick(buf.chars()) == IsNormalized::Yes {
            return;
        }
        buf.clear();
    }
    buf.extend(name.chars().nfd().default_case_fold().nfc());
}

/// U+0345 COMBINING GREEK YPOGEGRAMMENI and the Greek Extended letters
/// (which hold it in their decomposition): case folding gives another
/// result before and after decomposition.
fn needs_nfd_to_fold(c: char) -> bool {
    c == '\u{345}' || ('\u{1F00}'..='\u{1FFF}').contains(&c)
}

/// Like [`normalize_into`], but without accents (combining marks): the key
/// a person is *looked up* by when the exact key finds nobody, so `sahin`
/// finds "Elif Şahin". Never used to decide that two names are the same.
pub fn loose_into(name: &str, buf: &mut String) {
    buf.clear();
    let name = name.trim();
    if name.is_ascii() {
        buf.push_str(name);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(
            name.chars()
                .nfd()
                .default_case_fold()
                .nfd()
                .filter(|&c| !is_combining_mark(c))
                .nfc(),
        );
    }
}

/// The accent-free key of a name; see [`loose_into`].
pub fn loose_key(name: &str) -> Key {
    let mut buf = String::with_capacity(name.len());
    loose_into(name, &mut buf);
    Key(buf)
}

/// How a name typed by the user found its match among the team's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// The same name (as §2 compares names): index of the match.
    Exact(usize),
    /// No exact match, but exactly one name equal to it once accents are
    /// ignored ("sahin" for "Şahin").
    Unique(usize),
    /// Several names equal to it once accents are ignored: say which.
    Ambiguous(Vec<usize>),
    None,
}

impl Lookup {
    /// The one match, exact or unique.
    pub fn found(&self) -> Option<usize> {
        match self {
            Lookup::Exact(i) | Lookup::Unique(i) => Some(*i),
            Lookup::Ambiguous(_) | Lookup::None => None,
        }
    }
}

/// Names to look up many times (the rows of an import): each name's key
/// and accent-free key, mapped to the id it was given.
#[derive(Clone, Debug, Default)]
pub struct NameIndex {
    exact: FxHashMap<Key, usize>,
    loose: FxHashMap<Key, Vec<usize>>,
}

impl NameIndex {
    /// The names, numbered in order.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut index = NameIndex::default();
        for (id, name) in names.into_iter().enumerate() {
            index.insert(name, id);
        }
        index
    }

    /// Adds a name with its id, and says whether it was new: a name already
    /// there keeps its first id.
    pub fn insert(&mut self, name: &str, id: usize) -> bool {
        match self.exact.entry(key(name)) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(id);
                self.loose.entry(loose_key(name)).or_default().push(id);
                true
            }
            std::collections::hash_map::Entry::Occupied(_) => false,
        }
    }

    /// Looks `query` up (SPEC §2): the exact key first, then the accent-free
    /// key when that leaves exactly one name.
    pub fn find(&self, query: &str) -> Lookup {
        let wanted = key(query);
        if wanted.as_str().is_empty() {
            return Lookup::None;
        }
        if let Some(&id) = self.exact.get(&wanted) {
            return Lookup::Exact(id);
        }
        match self.loose.get(&loose_key(query)).map(Vec::as_slice) {
            None | Some([]) => Lookup::None,
            Some([one]) => Lookup::Unique(*one),
            Some(many) => Lookup::Ambiguous(many.to_vec()),
        }
    }
}

/// Looks `query` up among `names` once; see [`NameIndex::find`]. The ids are
/// positions in `names`.
pub fn lookup<'a>(names: impl IntoIterator<Item = &'a str>, query: &str) -> Lookup {
    NameIndex::new(names).find(query)
}

/// Looks a person up by name: the `agenda` argument, the import, and what
/// the app's filter and pickers could share. Returns indexes into
/// `team.people`.
pub fn find_person(team: &Team, query: &str) -> Lookup {
    lookup(team.people.iter().map(|p| p.name.as_str()), query)
}

/// The first character of `name` that cannot be seen or that acts on the
/// text around it (see [`crate::text::is_invisible`]): names holding one are
/// refused (SPEC §2).
pub fn invisible(name: &str) -> Option<char> {
    name.chars().find(|&c| crate::text::is_invisible(c))
}

/// How an invisible character is named in a message: `U+200D`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Deserialises a `{"skill": level}` map, refusing a skill listed twice
/// (exactly or in another case), which a plain map would silently collapse.
pub fn unique_skill_map<'de, D>(deserializer: D) -> Result<BTreeMap<String, u8>, D::Error>
where
    D: Deserializer<'de>,
{
    struct UniqueKeys;

    impl<'de> Visitor<'de> for UniqueKeys {
        type Value = BTreeMap<String, u8>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a map of skill names to levels, like {\"rust\": 3}")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            let mut seen: BTreeMap<Key, String> = BTreeMap::new();
            while let Some((name, level)) = map.next_entry::<String, u8>()? {
                if let Some(first) = seen.get(&key(&name)) {
                    return Err(serde::de::Error::custom(format!(
                        "skill {} is listed twice (as {} too; skill names ignore case and spaces)",
                        crate::text::quoted(&name),
                        crate::text::quoted(first)
                    )));
                }
                seen.insert(key(&name), name.clone());
                out.insert(name, level);
            }
            Ok(out)
        }
    }

    deserializer.deserialize_map(UniqueKeys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_and_surrounding_spaces() {
        assert_eq!(key("  Amina Diallo "), key("amina diallo"));
        assert_ne!(key("Amina Diallo"), key("Amina  Diallo"));
    }

    const NFC: &str = "Jos\u{e9} N\u{fa}\u{f1}ez";
    const NFD: &str = "Jose\u{301} Nu\u{301}n\u{303}ez";

    #[test]
    fn a_name_typed_two_ways_is_one_key() {
        assert_ne!(NFC, NFD);
        assert_eq!(key(NFC), key(NFD));
        assert_eq!(key(NFD), key("JOSÉ NÚÑEZ"));
        assert_eq!(
            key(NFD).as_str(),
            "jos\u{e9} n\u{fa}\u{f1}ez",
            "kept as NFC"
        );
        assert_ne!(
            key("José"),
            key("Jose"),
            "accents still count when comparing"
        );
    }

    #[test]
    fn case_folding_is_full() {
        assert_eq!(key("Straße"), key("STRASSE"));
        assert_eq!(key("ΣΊΣΥΦΟΣ"), key("σίσυφος"));
        assert_eq!(key("\u{1c5}emal"), key("\u{1c4}EMAL"));
        assert_eq!(key("ﬁle"), key("FILE"));
    }

    #[test]
    fn ascii_takes_the_fast_path_to_the_same_key() {
        let mut buf = String::from("left over");
        for name in ["Amina Diallo", " SQL ", "c++", "", "a-b_c 9"] {
            normalize_into(name, &mut buf);
            let slow: String = name
                .trim()
                .chars()
                .nfd()
                .default_case_fold()
                .nfc()
                .collect();
            assert_eq!(buf, slow, "{name:?}");
        }
    }

    #[test]
    fn the_nfc_shortcut_gives_the_full_canonical_key() {
        let full = |text: &str| -> String {
            text.trim()
                .chars()
                .nfd()
                .default_case_fold()
                .nfc()
                .collect()
        };
        let mut buf = String::new();
        let chars = ('\u{a0}'..='\u{33ff}')
            .chain('\u{ac00}'..='\u{ac20}')
            .chain('\u{fb00}'..='\u{fb06}');
        for c in chars {
            for text in [
                format!("{c}"),
                format!("A{c}\u{301}b"),
                format!("{c}\u{345}\u{1f80}"),
            ] {
                normalize_into(&text, &mut buf);
                assert_eq!(buf, full(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn the_loose_key_drops_accents_only() {
        assert_eq!(loose_key("Elif Şahin"), loose_key("elif sahin"));
        assert_eq!(loose_key(NFD), loose_key("jose nunez"));
        assert_eq!(loose_key("STRASSE"), loose_key("straße"));
        assert_ne!(
            loose_key("Søren"),
            loose_key("Soren"),
            "ø is a letter of its own"
        );
    }

    fn team(names: &[&str]) -> Team {
        Team {
            people: names
                .iter()
                .map(|n| crate::model::Person::named(*n))
                .collect(),
            ..Team::default()
        }
    }

    #[test]
    fn a_person_is_found_exactly_then_without_accents_when_unique() {
        let t = team(&["Elif Şahin", NFC, "René Roy", "Rene Roy", "Anna"]);
        assert_eq!(find_person(&t, " elif ŞAHIN"), Lookup::Exact(0));
        assert_eq!(find_person(&t, NFD), Lookup::Exact(1));
        assert_eq!(find_person(&t, "elif sahin"), Lookup::Unique(0));
        assert_eq!(find_person(&t, "jose nunez"), Lookup::Unique(1));
        assert_eq!(find_person(&t, "rene roy"), Lookup::Exact(3));
        assert_eq!(find_person(&t, "RENÉ ROY"), Lookup::Exact(2));
        assert_eq!(find_person(&t, "Rêne Roy"), Lookup::Ambiguous(vec![2, 3]));
        assert_eq!(find_person(&t, "Bruno"), Lookup::None);
        assert_eq!(find_person(&t, "  "), Lookup::None);
        assert_eq!(find_person(&t, "Elif Sahin").found(), Some(0));
    }

    #[test]
    fn invisible_characters_are_found() {
        assert_eq!(invisible("Anna"), None);
        assert_eq!(invisible("José Núñez 王芳 👋"), None);
        assert_eq!(invisible(NFD), None, "combining accents are visible");
        for (name, c) in [
            ("An\u{200d}na", '\u{200d}'),
            ("Anna\u{200b}", '\u{200b}'),
            ("\u{feff}Anna", '\u{feff}'),
            ("An\u{2060}na", '\u{2060}'),
            ("Anna\u{202e}", '\u{202e}'),
            ("Anna\u{2067}", '\u{2067}'),
            ("An\u{200e}na", '\u{200e}'),
            ("Anna\t", '\t'),
            ("Anna\u{1b}[2J", '\u{1b}'),
            ("Anna\u{85}", '\u{85}'),
        ] {
            assert_eq!(invisible(name), Some(c), "{name:?}");
        }
        assert_eq!(code_point('\u{200d}'), "U+200D");
    }
}
