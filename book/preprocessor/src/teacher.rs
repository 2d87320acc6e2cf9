//! The workshop track: a page's `## Teacher notes` section, up to the next
//! heading of level 1 or 2, goes inside `<div class="teacher-notes">`, which
//! `theme/workbook.css` hides unless the teacher view is on
//! (`theme/workbook.js`: `?teacher` in the address or the button).

const OPEN: &str = "<div class=\"teacher-notes\">";

fn is_fence(line: &str) -> bool {
    let trimmed = line.trim_start_matches(' ');
    line.len() - trimmed.len() < 4 && (trimmed.starts_with("```") || trimmed.starts_with("~~~"))
}

fn heading_level(line: &str) -> Option<usize> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    ((1..=6).contains(&hashes) && line[hashes..].starts_with(' ')).then_some(hashes)
}

fn is_teacher_notes(line: &str) -> bool {
    heading_level(line) == Some(2) && line[2..].trim().eq_ignore_ascii_case("teacher notes")
}

/// The page with each teacher-notes section wrapped; the number wrapped.
pub fn wrap(content: &str) -> (String, usize) {
    let mut out = String::with_capacity(content.len() + 64);
    let (mut fenced, mut open, mut wrapped) = (false, false, 0);
    for line in content.split_inclusive('\n') {
        let bare = line.trim_end();
        if is_fence(bare) {
            fenced = !fenced;
        } else if !fenced && heading_level(bare).is_some_and(|level| level <= 2) {
            if open {
                out.push_str("\n</div>\n\n");
                open = false;
            }
            if is_teacher_notes(bare) {
                out.push_str(OPEN);
                out.push_str("\n\n");
                open = true;
                wrapped += 1;
            }
        }
        out.push_str(line);
    }
    if open {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str("\n</div>\n");
    }
    (out, wrapped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_the_section_up_to_the_next_heading() {
        let page = "# T\n\n## Teacher notes\n\n- one\n```\n## not a heading\n```\n### sub\n\n## Next\ntext\n";
        let (out, n) = wrap(page);
        assert_eq!(n, 1);
        assert!(
            out.contains("<div class=\"teacher-notes\">\n\n## Teacher notes\n"),
            "{out}"
        );
        assert!(out.contains("### sub\n\n\n</div>\n\n## Next"), "{out}");
    }

    #[test]
    fn wraps_to_the_end_of_the_page() {
        let (out, n) = wrap("## Teacher notes\n- last");
        assert_eq!(n, 1);
        assert!(out.ends_with("- last\n\n</div>\n"), "{out}");
        assert_eq!(wrap("## Other\n").1, 0);
    }
}
