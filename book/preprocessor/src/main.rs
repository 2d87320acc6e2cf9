//! `workbook-mdbook`: the course book's mdBook preprocessor.
//!
//! mdbook runs it (see `[preprocessor.workbook]` in `book/book.toml`) with
//! the book as JSON on stdin and reads the changed book from stdout. It
//! replaces, in every page:
//!
//! - `{{#results SLUG [TASK...]}}`: the chapter's measured results table, read
//!   from the reference run (`results` in book.toml);
//! - `{{#chart SLUG}}`: an inline SVG bar chart of the chapter's speedups;
//! - `{{#scaling SLUG}}`: the chapter's thread-scaling table;
//! - `{{#schedule DAYS}}`: a workshop timetable from the chapters' minutes
//!   (`chapters` in book.toml);
//!
//! and wraps each `## Teacher notes` section for the teacher view. An unknown
//! marker, a chapter missing from the results or an unreadable file fails the
//! build with a message naming the page and the line.

mod chart;
mod markers;
mod results;
mod schedule;
mod teacher;
mod text;

use std::cell::OnceCell;
use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use mdbook_preprocessor::PreprocessorContext;
use mdbook_preprocessor::book::Chapter;
use serde_json::Value;

const NAME: &str = "workbook";
const MDBOOK: &str = "0.5.4";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        // Every renderer: the html book, `mdbook test` and any other.
        [supports, _renderer] if supports == "supports" => ExitCode::SUCCESS,
        // `workbook report`: the same tables and charts as the book, for any run.
        [report, path] if report == "report" => match report_html(Path::new(path)) {
            Ok(html) => {
                print!("{html}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("workbook-mdbook: error: {error:#}");
                ExitCode::FAILURE
            }
        },
        [] => match run() {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("workbook-mdbook: error: {error:#}");
                ExitCode::FAILURE
            }
        },
        _ => {
            eprintln!(
                "usage: workbook-mdbook [supports RENDERER | report RUN.json]  \
                 (mdbook runs it, see book.toml)"
            );
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<()> {
    let (ctx, mut book) = mdbook_preprocessor::parse_input(io::stdin())?;
    if ctx.mdbook_version != MDBOOK {
        eprintln!(
            "workbook-mdbook: warning: built for mdbook {MDBOOK}, run by {}; \
             `./workbook book build` installs the pinned one",
            ctx.mdbook_version
        );
    }
    let book_data = BookData::new(&ctx)?;
    let pages: HashSet<PathBuf> = book.chapters().filter_map(|ch| ch.path.clone()).collect();
    let mut errors = Vec::new();
    book.for_each_chapter_mut(|chapter| {
        if let Err(error) = process(chapter, &book_data, &pages) {
            let page = chapter.source_path.as_deref().or(chapter.path.as_deref());
            let page = page.map_or(chapter.name.clone(), |p| format!("src/{}", p.display()));
            errors.push(format!("{page}: {error:#}"));
        }
    });
    if !errors.is_empty() {
        bail!(
            "{} page(s) failed:\n  {}",
            errors.len(),
            errors.join("\n  ")
        );
    }
    serde_json::to_writer(io::stdout().lock(), &book).context("writing the book")?;
    Ok(())
}

/// Every chapter of a run as the book shows it: a heading, the results table
/// and the speedup chart, in the order the run timed them.
fn report_html(path: &Path) -> Result<String> {
    let run = results::Run::parse(&read_json(path)?)
        .with_context(|| format!("reading the run {}", path.display()))?;
    let mut slugs: Vec<&str> = Vec::new();
    for row in &run.rows {
        if !slugs.contains(&row.chapter()) {
            slugs.push(row.chapter());
        }
    }
    let mut html = String::new();
    for slug in slugs {
        let rows = run.chapter_rows(slug, &[])?;
        html.push_str(&format!(
            "<section class=\"chapter\" id=\"{slug}\">\n<h2>{slug}</h2>\n{}{}\n</section>\n",
            results::table(&run, slug, &rows, None),
            chart::svg(slug, &rows)
        ));
    }
    Ok(html)
}

/// The files the markers read, from `[preprocessor.workbook]`, each read once
/// and only if a page needs it.
struct BookData {
    results_path: PathBuf,
    chapters_path: PathBuf,
    day_minutes: u32,
    start: u32,
    results: OnceCell<Result<results::Run, String>>,
    chapters: OnceCell<Result<Vec<schedule::Item>, String>>,
}

fn read_json(path: &Path) -> Result<Value> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} is not valid JSON", path.display()))
}

impl BookData {
    fn new(ctx: &PreprocessorContext) -> Result<BookData> {
        let key = |name: &str| format!("preprocessor.{NAME}.{name}");
        let path = |name: &str, default: &str| -> Result<PathBuf> {
            let value: Option<String> = ctx.config.get(&key(name))?;
            Ok(ctx.root.join(value.as_deref().unwrap_or(default)))
        };
        let start: Option<String> = ctx.config.get(&key("workshop-start"))?;
        let day_minutes: Option<u32> = ctx.config.get(&key("workshop-day-minutes"))?;
        Ok(BookData {
            results_path: path("results", "results/reference.json")?,
            chapters_path: path("chapters", "results/chapters.json")?,
            day_minutes: day_minutes.unwrap_or(360),
            start: schedule::parse_clock(start.as_deref().unwrap_or("09:00"))
                .context("workshop-start")?,
            results: OnceCell::new(),
            chapters: OnceCell::new(),
        })
    }

    fn results(&self) -> Result<&results::Run> {
        self.results
            .get_or_init(|| {
                let path = &self.results_path;
                read_json(path)
                    .and_then(|doc| results::Run::parse(&doc))
                    .with_context(|| {
                        format!(
                            "the reference results {} (written by `./workbook bench --solutions`)",
                            path.display()
                        )
                    })
                    .map_err(|e| format!("{e:#}"))
            })
            .as_ref()
            .map_err(|e| anyhow!("{e}"))
    }

    fn chapters(&self) -> Result<&[schedule::Item]> {
        self.chapters
            .get_or_init(|| {
                let path = &self.chapters_path;
                read_json(path)
                    .and_then(|doc| schedule::parse(&doc))
                    .with_context(|| {
                        format!("{} (written by `./workbook dev book-data`)", path.display())
                    })
                    .map_err(|e| format!("{e:#}"))
            })
            .as_deref()
            .map_err(|e| anyhow!("{e}"))
    }
}

fn process(chapter: &mut Chapter, data: &BookData, pages: &HashSet<PathBuf>) -> Result<()> {
    let depth = chapter
        .path
        .as_ref()
        .map_or(0, |p| p.components().count().saturating_sub(1));
    let root = "../".repeat(depth);
    let content = &chapter.content;
    let mut out = String::with_capacity(content.len());
    let mut last = 0;
    for marker in markers::find(content)? {
        let replacement = expand(&marker, data, pages, &root)
            .with_context(|| format!("line {}: {}", marker.line, marker.text()))?;
        out.push_str(&content[last..marker.start]);
        // Blank lines around: our HTML is a block of its own.
        out.push_str("\n\n");
        out.push_str(&replacement);
        out.push_str("\n\n");
        last = marker.end;
    }
    out.push_str(&content[last..]);
    let (wrapped, _) = teacher::wrap(&out);
    chapter.content = wrapped;
    Ok(())
}

fn expand(
    marker: &markers::Marker<'_>,
    data: &BookData,
    pages: &HashSet<PathBuf>,
    root: &str,
) -> Result<String> {
    match (marker.name, marker.args.as_slice()) {
        ("results", [slug, tasks @ ..]) => {
            let run = data.results()?;
            Ok(results::table(
                run,
                slug,
                &run.chapter_rows(slug, tasks)?,
                Some(&format!("{root}measuring.html")),
            ))
        }
        ("chart", [slug]) => {
            let run = data.results()?;
            Ok(chart::svg(slug, &run.chapter_rows(slug, &[])?))
        }
        ("scaling", [slug]) => results::scaling_table(data.results()?, slug),
        ("schedule", [days]) => {
            let days: usize = days.parse().context("the number of days")?;
            let link = |page: &str| {
                if pages.contains(Path::new(page)) {
                    let html = Path::new(page).with_extension("html");
                    Ok(format!("{root}{}", html.display()))
                } else {
                    Err(anyhow!(
                        "chapters.json names the page {page}, which is not in SUMMARY.md"
                    ))
                }
            };
            schedule::render(data.chapters()?, days, data.day_minutes, data.start, &link)
        }
        ("results", _) => bail!("usage: {{{{#results CHAPTER-SLUG [TASK...]}}}}"),
        ("chart", _) => bail!("usage: {{{{#chart CHAPTER-SLUG}}}}"),
        ("scaling", _) => bail!("usage: {{{{#scaling CHAPTER-SLUG}}}}"),
        ("schedule", _) => bail!("usage: {{{{#schedule DAYS}}}}"),
        (name, _) => bail!("no marker {name}"),
    }
}
