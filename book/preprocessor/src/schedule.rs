//! `{{#schedule DAYS}}`: a workshop timetable computed from each chapter's
//! `minutes` (its `Chapter(minutes=...)`, copied into `book/results/chapters.json`
//! by the harness).
//!
//! The chapters are taken in order, as many as fit in DAYS days of
//! `workshop-day-minutes` of teaching (book.toml), and split into DAYS runs
//! of chapters as even as possible. Each day starts at `workshop-start`, has a
//! 15-minute break between chapters once two hours have passed without one,
//! an hour's lunch after the chapter that reaches half the day's teaching,
//! and an open lab with whatever time is left.

use anyhow::{Context, Result, anyhow, bail};
use serde_json::Value;

use crate::text::escape;

const BREAK: u32 = 15;
const LUNCH: u32 = 60;
const BREAK_AFTER: u32 = 120;
const SMALLEST_LAB: u32 = 20;

#[derive(Debug, Clone)]
pub struct Item {
    pub number: u64,
    pub title: String,
    pub minutes: u32,
    pub page: String,
}

impl Item {
    fn heading(&self) -> String {
        format!("{:02} {}", self.number, self.title)
    }
}

pub fn parse(document: &Value) -> Result<Vec<Item>> {
    let chapters = document
        .get("chapters")
        .and_then(Value::as_array)
        .ok_or_else(|| anyhow!("no `chapters` list"))?;
    if chapters.is_empty() {
        bail!("no chapters");
    }
    let item = |chapter: &Value| -> Result<Item> {
        let text = |key: &str| {
            chapter
                .get(key)
                .and_then(Value::as_str)
                .ok_or_else(|| anyhow!("no `{key}`"))
        };
        let whole = |key: &str| {
            chapter
                .get(key)
                .and_then(Value::as_u64)
                .ok_or_else(|| anyhow!("no `{key}`"))
        };
        Ok(Item {
            number: whole("number")?,
            title: text("title")?.to_string(),
            minutes: u32::try_from(whole("minutes")?)?,
            page: text("page")?.to_string(),
        })
    };
    chapters
        .iter()
        .enumerate()
        .map(|(i, chapter)| item(chapter).with_context(|| format!("chapter {i}")))
        .collect()
}

/// The best split of `items` into `days` non-empty runs: the one whose
/// longest day is shortest. `None` if it cannot be done within `day`.
fn split(items: &[Item], days: usize, day: u32) -> Option<Vec<usize>> {
    let total: u32 = items.iter().map(|i| i.minutes).sum();
    if days == 1 {
        return (total <= day && !items.is_empty()).then(Vec::new);
    }
    let mut best: Option<(u32, Vec<usize>)> = None;
    for cut in 1..items.len() {
        let first: u32 = items[..cut].iter().map(|i| i.minutes).sum();
        if first > day {
            break;
        }
        if let Some(rest) = split(&items[cut..], days - 1, day) {
            let longest = rest_longest(&items[cut..], &rest).max(first);
            if best.as_ref().is_none_or(|(b, _)| longest < *b) {
                let mut cuts = vec![cut];
                cuts.extend(rest.iter().map(|c| c + cut));
                best = Some((longest, cuts));
            }
        }
    }
    best.map(|(_, cuts)| cuts)
}

fn rest_longest(items: &[Item], cuts: &[usize]) -> u32 {
    let mut bounds = vec![0];
    bounds.extend_from_slice(cuts);
    bounds.push(items.len());
    bounds
        .windows(2)
        .map(|w| items[w[0]..w[1]].iter().map(|i| i.minutes).sum())
        .max()
        .unwrap_or(0)
}

/// The days: as many chapters as fit, split evenly. Also returns those left out.
pub fn plan(items: &[Item], days: usize, day: u32) -> (Vec<Vec<Item>>, Vec<Item>) {
    for taken in (days..=items.len()).rev() {
        if let Some(cuts) = split(&items[..taken], days, day) {
            let mut bounds = vec![0];
            bounds.extend(cuts);
            bounds.push(taken);
            let plan = bounds
                .windows(2)
                .map(|w| items[w[0]..w[1]].to_vec())
                .collect();
            return (plan, items[taken..].to_vec());
        }
    }
    (Vec::new(), items.to_vec())
}

fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60 % 24, minutes % 60)
}

fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// "09:00" -> minutes after midnight.
pub fn parse_clock(text: &str) -> Result<u32> {
    let (h, m) = text
        .split_once(':')
        .ok_or_else(|| anyhow!("`{text}` is not HH:MM"))?;
    let (h, m): (u32, u32) = (h.parse()?, m.parse()?);
    if h > 23 || m > 59 {
        bail!("`{text}` is not a time of day");
    }
    Ok(h * 60 + m)
}

fn range(items: &[Item]) -> String {
    match (items.first(), items.last()) {
        (Some(a), Some(b)) if a.number == b.number => format!("chapter {:02}", a.number),
        (Some(a), Some(b)) => format!("chapters {:02}–{:02}", a.number, b.number),
        _ => "no chapters".into(),
    }
}

/// The timetable of `days` days: a Markdown summary and an HTML table a day
/// (HTML, so that a time range never wraps); `link(page)` makes a chapter's link.
pub fn render(
    items: &[Item],
    days: usize,
    day: u32,
    start: u32,
    link: &dyn Fn(&str) -> Result<String>,
) -> Result<String> {
    if days == 0 {
        bail!("a workshop has at least one day");
    }
    let (plan, left_out) = plan(items, days, day);
    if plan.is_empty() {
        bail!("no chapter fits in {days} day(s) of {day} minutes");
    }
    let taught: u32 = plan.iter().flatten().map(|i| i.minutes).sum();
    let mut md = format!(
        "{} of teaching from {}: {} ({} of chapters)",
        if days == 1 {
            format!("One day of {}", duration(day))
        } else {
            let words = ["Two", "Three", "Four", "Five"];
            let count = words
                .get(days - 2)
                .map_or(days.to_string(), |w| (*w).to_string());
            format!("{count} days of {} each", duration(day))
        },
        clock(start),
        range(&plan.concat()),
        duration(taught),
    );
    if left_out.is_empty() {
        md.push_str(", the whole course.\n");
    } else {
        let rest = range(&left_out);
        md.push_str(&format!(
            ". {}{} ({}) do not fit: give them as homework, or drop a chapter for one of them.\n",
            rest[..1].to_uppercase(),
            &rest[1..],
            duration(left_out.iter().map(|i| i.minutes).sum()),
        ));
    }
    for (n, chapters) in plan.iter().enumerate() {
        md.push('\n');
        if days > 1 {
            md.push_str(&format!("**Day {}**: {}\n\n", n + 1, range(chapters)));
        }
        md.push_str(
            "<div class=\"table-wrapper\"><table class=\"workbook-schedule\">\n\
             <thead><tr><th>time</th><th>session</th><th>minutes</th></tr></thead><tbody>\n",
        );
        let row = |class: &str, from: u32, minutes: u32, what: &str| {
            format!(
                "<tr class=\"{class}\"><td class=\"time\">{}–{}</td><td>{what}</td>\
                 <td class=\"num\">{minutes}</td></tr>\n",
                clock(from),
                clock(from + minutes)
            )
        };
        let total: u32 = chapters.iter().map(|i| i.minutes).sum();
        let (mut now, mut since_break, mut done, mut lunched) = (start, 0, 0, false);
        for (i, item) in chapters.iter().enumerate() {
            if i > 0 {
                let pause = if !lunched && done * 2 >= total {
                    lunched = true;
                    Some(("Lunch", LUNCH))
                } else if since_break + item.minutes > BREAK_AFTER {
                    Some(("Break", BREAK))
                } else {
                    None
                };
                if let Some((what, minutes)) = pause {
                    md.push_str(&row("pause", now, minutes, &format!("<em>{what}</em>")));
                    now += minutes;
                    since_break = 0;
                }
            }
            let what = format!(
                "<a href=\"{}\">{}</a>",
                link(&item.page)?,
                escape(&item.heading())
            );
            md.push_str(&row("chapter", now, item.minutes, &what));
            now += item.minutes;
            since_break += item.minutes;
            done += item.minutes;
        }
        let lab = day.saturating_sub(total);
        if lab >= SMALLEST_LAB {
            let what = "<em>Open lab</em>: finish the day's tasks, \
                        <code>./workbook bench</code>, Going further";
            md.push_str(&row("lab", now, lab, what));
            now += lab;
        }
        md.push_str(&format!(
            "</tbody></table></div>\n\nThe day ends at {}.\n",
            clock(now)
        ));
    }
    Ok(md)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(minutes: &[u32]) -> Vec<Item> {
        minutes
            .iter()
            .enumerate()
            .map(|(i, m)| Item {
                number: i as u64 + 1,
                title: format!("T{i}"),
                minutes: *m,
                page: format!("ch{:02}.md", i + 1),
            })
            .collect()
    }

    const COURSE: [u32; 9] = [40, 50, 60, 50, 50, 60, 60, 55, 55];

    #[test]
    fn one_day_takes_the_chapters_that_fit() {
        let (days, left) = plan(&items(&COURSE), 1, 360);
        assert_eq!(days.len(), 1);
        assert_eq!(days[0].len(), 6);
        assert_eq!(left.len(), 3);
    }

    #[test]
    fn two_days_split_evenly() {
        let (days, left) = plan(&items(&COURSE), 2, 360);
        let totals: Vec<u32> = days
            .iter()
            .map(|d| d.iter().map(|i| i.minutes).sum())
            .collect();
        assert_eq!(totals, [250, 230]);
        assert!(left.is_empty());
    }

    #[test]
    fn the_timetable_adds_up() {
        let link = |page: &str| Ok(page.to_string());
        let md = render(&items(&COURSE), 1, 360, 9 * 60, &link).unwrap();
        assert!(
            md.contains("<td class=\"time\">09:00–09:40</td><td><a href=\"ch01.md\">01 T0</a>"),
            "{md}"
        );
        assert!(
            md.contains("<em>Lunch</em>") && md.contains("<em>Open lab</em>"),
            "{md}"
        );
        assert!(
            md.contains("Chapters 07–09 (2 h 50 min) do not fit"),
            "{md}"
        );
        // 310 minutes of chapters, 50 of lab, an hour's lunch and one break.
        assert!(md.contains("The day ends at 16:15."), "{md}");
    }

    #[test]
    fn clock_times_parse() {
        assert_eq!(parse_clock("09:30").unwrap(), 570);
        assert!(parse_clock("9h").is_err());
    }
}
