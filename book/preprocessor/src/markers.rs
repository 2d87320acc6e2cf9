//! Finding `{{#name args}}` markers in a page.
//!
//! The preprocessor runs before mdbook's own `links` preprocessor, so it sees
//! the page as written: mdbook's markers (`{{#include}}` and friends) are left
//! for `links`, an escaped `\{{#...}}` is left alone, ours are returned, and
//! any other name is an error: a typo must fail the build, not reach a reader.

use anyhow::{Result, bail};

/// Handled by mdbook's `links` preprocessor after us.
pub const MDBOOK_MARKERS: &[&str] = &["include", "rustdoc_include", "playground", "title"];
/// Handled here.
pub const OUR_MARKERS: &[&str] = &["results", "chart", "scaling", "schedule"];

#[derive(Debug, PartialEq)]
pub struct Marker<'a> {
    /// Byte range of the whole marker, braces included.
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub name: &'a str,
    pub args: Vec<&'a str>,
}

impl Marker<'_> {
    pub fn text(&self) -> String {
        let mut text = format!("{{{{#{}", self.name);
        for arg in &self.args {
            text.push(' ');
            text.push_str(arg);
        }
        text + "}}"
    }
}

/// Our markers in `content`, in order; an error for an unknown or unclosed one.
pub fn find(content: &str) -> Result<Vec<Marker<'_>>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = content[from..].find("{{") {
        let start = from + offset;
        from = start + 2;
        let rest = content[from..].trim_start_matches([' ', '\t']);
        if !rest.starts_with('#') {
            continue; // `{{` in code, e.g. Rust's format!("{{}}")
        }
        if content[..start].ends_with('\\') {
            continue; // escaped: mdbook prints it as written
        }
        let line = content[..start].matches('\n').count() + 1;
        let Some(close) = content[start..].find("}}") else {
            bail!("line {line}: a marker starts with `{{{{#` and has no closing `}}}}`");
        };
        let end = start + close + 2;
        let inner = content[start + 2..end - 2].trim().trim_start_matches('#');
        let mut words = inner.split_whitespace();
        let name = words.next().unwrap_or("");
        if MDBOOK_MARKERS.contains(&name) {
            from = end;
            continue;
        }
        if !OUR_MARKERS.contains(&name) {
            bail!(
                "line {line}: unknown marker `{}`; this book knows {{{{#{}}}}} (workbook-mdbook) \
                 and {{{{#{}}}}} (mdbook)",
                &content[start..end],
                OUR_MARKERS.join("}}, {{#"),
                MDBOOK_MARKERS.join("}}, {{#"),
            );
        }
        found.push(Marker {
            start,
            end,
            line,
            name,
            args: words.collect(),
        });
        from = end;
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ours_and_leaves_mdbooks_and_escaped_ones() {
        let page = "a {{#include x.rs}}\n{{#results hello add}}\n\\{{#chart x}}\nformat!(\"{{}}\")\n{{ #chart hello }}";
        let found = find(page).unwrap();
        let names: Vec<_> = found
            .iter()
            .map(|m| (m.name, m.args.clone(), m.line))
            .collect();
        assert_eq!(
            names,
            [
                ("results", vec!["hello", "add"], 2),
                ("chart", vec!["hello"], 5)
            ]
        );
        assert_eq!(
            &page[found[0].start..found[0].end],
            "{{#results hello add}}"
        );
    }

    #[test]
    fn an_unknown_marker_is_an_error_naming_it() {
        let error = find("text\n{{#resluts hello}}").unwrap_err().to_string();
        assert!(
            error.contains("line 2") && error.contains("{{#resluts hello}}"),
            "{error}"
        );
    }

    #[test]
    fn an_unclosed_marker_is_an_error() {
        assert!(find("{{#results hello").is_err());
    }
}
