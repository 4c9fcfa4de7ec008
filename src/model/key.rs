use std::collections::BTreeMap;
use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};

/// A name as handover compares it: trimmed and case-insensitive. People,
/// missions, skills and tools are all matched by key, shown as first spelt.
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
pub fn normalize_into(name: &str, buf: &mut String) {
    buf.clear();
    let name = name.trim();
    if name.is_ascii() {
        buf.push_str(name);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(name.chars().flat_map(char::to_lowercase));
    }
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
                        "skill {name:?} is listed twice (as {first:?} too; skill names ignore case and spaces)"
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
}
