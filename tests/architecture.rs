//! The shape of the code, as docs/ARCHITECTURE.md states it: no module
//! imports one that imports it back, and only `store` touches the disk.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, tests excluded (a `tests.rs` file, or what
/// follows `#[cfg(test)]` in a file).
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "tests.rs")
        {
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            // Comments may name any module.
            let code: Vec<&str> = code
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect();
            found.push((path, code.join("\n")));
        }
    }
    found
}

/// The module path of a file: `src/tui/modal/form.rs` is tui::modal::form.
fn module_of(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix("src").unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The unit a module counts as: a top-level module of `src/`, or a module
/// of `src/tui/` (a folder is one unit).
fn unit(module: &[String]) -> String {
    let depth = if module.first().is_some_and(|m| m == "tui") {
        2
    } else {
        1
    };
    module[..module.len().min(depth)].join("::")
}

/// The paths a file's code names from `crate::`, `super::` or `self::`,
/// with `use` groups spread out: `super::{a::B, c}` names super::a::B and
/// super::c.
fn paths_in(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let bytes = code.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(start) {
            let at = from + at;
            from = at + start.len();
            // A whole word: not `my_crate::`.
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            spread(&code[at..], &mut paths);
        }
    }
    paths
}

/// The path at the start of `text`, spread over its `{…}` group if any.
fn spread(text: &str, paths: &mut Vec<String>) {
    let head: String = text
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
        .collect();
    let rest = &text[head.len()..];
    if !head.ends_with("::") || !rest.starts_with('{') {
        paths.push(head);
        return;
    }
    // The group's items, split at its own commas (not those of inner groups).
    let mut depth = 0;
    let mut item = String::new();
    for c in rest[1..].chars() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                spread(&format!("{head}{}", item.trim()), paths);
                item.clear();
                continue;
            }
            _ => {}
        }
        item.push(c);
    }
    if !item.trim().is_empty() {
        spread(&format!("{head}{}", item.trim()), paths);
    }
}

/// The module path a code path names, from the module it is written in.
fn resolve(module: &[String], path: &str) -> Vec<String> {
    let mut parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
    let mut resolved: Vec<String> = match parts.first() {
        Some(&"crate") => Vec::new(),
        Some(&"self") => module.to_vec(),
        _ => module[..module.len().saturating_sub(1)].to_vec(),
    };
    parts.remove(0);
    while parts.first() == Some(&"super") {
        resolved.pop();
        parts.remove(0);
    }
    resolved.extend(parts.iter().map(|p| p.to_string()));
    resolved
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let files = sources(Path::new("src"));
    let modules: BTreeSet<Vec<String>> = files.iter().map(|(f, _)| module_of(f)).collect();
    // unit → the units it names, with a file that does, to say where.
    let mut edges: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    for (file, code) in &files {
        let module = module_of(file);
        for mut path in paths_in(code).iter().map(|p| resolve(&module, p)) {
            // The longest module the path names (the rest is an item).
            while !path.is_empty() && !modules.contains(&path) {
                path.pop();
            }
            if path.is_empty() {
                continue;
            }
            let (from, to) = (unit(&module), unit(&path));
            if from != to && !from.is_empty() && !to.is_empty() {
                edges
                    .entry(from)
                    .or_default()
                    .entry(to)
                    .or_insert_with(|| file.clone());
            }
        }
    }
    // A circle of any length: a unit that reaches itself.
    let mut circles = Vec::new();
    for start in edges.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, trail)) = stack.pop() {
            for next in edges.get(&at).into_iter().flat_map(|e| e.keys()) {
                if next == start {
                    circles.push(format!("{} → {start}", trail.join(" → ")));
                } else if seen.insert(next.clone()) {
                    let mut longer = trail.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    assert!(
        circles.is_empty(),
        "modules that import each other:\n{}\n(which file names which: {edges:#?})",
        circles.join("\n")
    );
    // The check sees the arrows that exist.
    assert!(edges["tui::update"].contains_key("tui::modal"));
    assert!(edges["tui::modal"].contains_key("tui::state"));
    assert!(edges["commands"].contains_key("analysis"));
}

#[test]
fn only_store_touches_the_disk() {
    let outside: Vec<String> = sources(Path::new("src"))
        .into_iter()
        .filter(|(file, code)| !file.starts_with("src/store") && code.contains("std::fs"))
        .map(|(file, _)| file.display().to_string())
        .collect();
    assert!(outside.is_empty(), "std::fs outside src/store: {outside:?}");
}
