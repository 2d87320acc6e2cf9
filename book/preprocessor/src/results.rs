//! The reference run (`book/results/reference.json`, a pytest-benchmark
//! document written by `workbook bench --solutions`) and its tables.
//!
//! Rows are made as `bench_harness/report.py` makes them: the median of each
//! contender, the speedup and its interval from the Rust entry's `extra_info`,
//! and the floor judged at each task's largest size.

use std::collections::HashMap;

use anyhow::{Context, Result, anyhow, bail};
use serde_json::Value;

use crate::text::{breakable, escape, fmt_g, fmt_ratio, fmt_time, thousands};

#[derive(Debug, Clone)]
pub struct Peer {
    pub name: String,
    /// Median seconds per call.
    pub time: f64,
    /// Rust's speedup over this peer.
    pub rust_over: f64,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// `chapter.task`, as the harness names it.
    pub task: String,
    pub size: u64,
    pub size_label: String,
    pub baseline: f64,
    pub rust: f64,
    /// Ratio, low and high ends of the 95% interval.
    pub speedup: [f64; 3],
    pub peers: Vec<Peer>,
    pub largest: bool,
    /// The floor column; empty below the largest size.
    pub verdict: String,
    pub ok: bool,
}

impl Row {
    pub fn chapter(&self) -> &str {
        self.task.split_once('.').map_or("", |(chapter, _)| chapter)
    }

    pub fn name(&self) -> &str {
        self.task
            .split_once('.')
            .map_or(&self.task, |(_, name)| name)
    }

    pub fn size_text(&self) -> String {
        format!("{} = {}", self.size_label, thousands(self.size))
    }
}

/// Rust timed with a given number of threads at a task's largest size.
#[derive(Debug, Clone)]
pub struct ThreadTime {
    pub task: String,
    pub threads: u64,
    /// Median seconds per call.
    pub time: f64,
}

#[derive(Debug)]
pub struct Run {
    pub rows: Vec<Row>,
    /// The thread-scaling runs, in the run's order.
    pub scaling: Vec<ThreadTime>,
    /// CPU, cores, OS, Python.
    pub machine: String,
    /// YYYY-MM-DD.
    pub date: String,
    pub commit: String,
    pub dirty: bool,
}

fn field<'a>(value: &'a Value, key: &str) -> Result<&'a Value> {
    value.get(key).ok_or_else(|| anyhow!("missing `{key}`"))
}

fn number(value: &Value, key: &str) -> Result<f64> {
    field(value, key)?
        .as_f64()
        .ok_or_else(|| anyhow!("`{key}` is not a number"))
}

fn string<'a>(value: &'a Value, key: &str) -> Result<&'a str> {
    field(value, key)?
        .as_str()
        .ok_or_else(|| anyhow!("`{key}` is not a string"))
}

fn triple(value: &Value, what: &str) -> Result<Vec<f64>> {
    value
        .as_array()
        .ok_or_else(|| anyhow!("{what} is not a list"))?
        .iter()
        .map(|v| {
            v.as_f64()
                .ok_or_else(|| anyhow!("{what} holds a non-number"))
        })
        .collect()
}

impl Run {
    pub fn parse(document: &Value) -> Result<Run> {
        let entries = field(document, "benchmarks")?
            .as_array()
            .ok_or_else(|| anyhow!("`benchmarks` is not a list"))?;
        let mut medians: HashMap<(String, u64), HashMap<String, f64>> = HashMap::new();
        let mut rust: Vec<((String, u64), &Value, String)> = Vec::new();
        let mut scaling = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let mut parse = || -> Result<()> {
                let info = field(entry, "extra_info")?;
                let key = (
                    string(info, "task")?.to_string(),
                    field(info, "size")?
                        .as_u64()
                        .ok_or_else(|| anyhow!("bad `size`"))?,
                );
                let contender = string(info, "contender")?.to_string();
                let median = number(field(entry, "stats")?, "median")?;
                if let Some(threads) = info.get("threads").and_then(Value::as_u64) {
                    scaling.push(ThreadTime {
                        task: key.0.clone(),
                        threads,
                        time: median,
                    });
                    return Ok(());
                }
                medians
                    .entry(key.clone())
                    .or_default()
                    .insert(contender.clone(), median);
                if contender == "rust" {
                    let group = entry.get("group").and_then(Value::as_str).unwrap_or("");
                    rust.push((key, info, size_label(group)));
                }
                Ok(())
            };
            parse().with_context(|| format!("benchmark entry {i}"))?;
        }
        let mut largest: HashMap<&str, u64> = HashMap::new();
        for ((task, size), _, _) in &rust {
            let top = largest.entry(task.as_str()).or_insert(*size);
            *top = (*top).max(*size);
        }
        let mut rows = Vec::new();
        for ((task, size), info, label) in &rust {
            let row = || -> Result<Row> {
                let times = &medians[&(task.clone(), *size)];
                let contender = |name: &str| {
                    times
                        .get(name)
                        .copied()
                        .ok_or_else(|| anyhow!("no `{name}` entry"))
                };
                let interval = triple(field(info, "speedup_ci95")?, "`speedup_ci95`")?;
                let mut peers = Vec::new();
                if let Some(map) = info.get("peer_speedups").and_then(Value::as_object) {
                    for (name, ratio) in map {
                        let ratio = triple(ratio, "a peer speedup")?;
                        peers.push(Peer {
                            name: name.clone(),
                            time: contender(name)?,
                            rust_over: *ratio.first().ok_or_else(|| anyhow!("empty ratio"))?,
                        });
                    }
                }
                let is_largest = largest[task.as_str()] == *size;
                let (verdict, ok) = if is_largest {
                    judge(info)?
                } else {
                    (String::new(), true)
                };
                Ok(Row {
                    task: task.clone(),
                    size: *size,
                    size_label: label.clone(),
                    baseline: contender("baseline")?,
                    rust: contender("rust")?,
                    speedup: [
                        number(info, "speedup")?,
                        *interval.first().unwrap_or(&f64::NAN),
                        *interval.get(1).unwrap_or(&f64::NAN),
                    ],
                    peers,
                    largest: is_largest,
                    verdict,
                    ok,
                })
            };
            rows.push(row().with_context(|| format!("results of {task} at size {size}"))?);
        }
        let machine_info = field(document, "machine_info")?;
        let commit = field(document, "commit_info")?;
        Ok(Run {
            rows,
            scaling,
            machine: machine_line(machine_info),
            date: string(document, "datetime")?.chars().take(10).collect(),
            commit: commit
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or("?")
                .chars()
                .take(10)
                .collect(),
            dirty: commit
                .get("dirty")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        })
    }

    /// The rows of one chapter (all of its tasks, or the ones named).
    pub fn chapter_rows(&self, slug: &str, tasks: &[&str]) -> Result<Vec<&Row>> {
        let rows: Vec<&Row> = self.rows.iter().filter(|r| r.chapter() == slug).collect();
        if rows.is_empty() {
            let mut known: Vec<&str> = self.rows.iter().map(Row::chapter).collect();
            known.dedup();
            bail!(
                "the reference results have no chapter `{slug}` (they have: {}); \
                 `./workbook bench --solutions` writes them",
                known.join(", ")
            );
        }
        for task in tasks {
            if !rows.iter().any(|r| r.name() == *task) {
                bail!("the reference results have no task `{slug}.{task}`");
            }
        }
        Ok(rows
            .into_iter()
            .filter(|r| tasks.is_empty() || tasks.contains(&r.name()))
            .collect())
    }

    /// "Measured on …": the machine, the date and the commit.
    pub fn provenance(&self) -> String {
        let dirty = if self.dirty {
            " plus uncommitted changes"
        } else {
            ""
        };
        format!(
            "Measured on {}, on {}, at commit <code>{}</code>{dirty}",
            escape(&self.machine),
            escape(&self.date),
            escape(&self.commit)
        )
    }
}

/// `hello.count_primes[n=10000]` → `n`.
fn size_label(group: &str) -> String {
    group
        .split_once('[')
        .and_then(|(_, rest)| rest.split_once('='))
        .map_or("n", |(label, _)| label)
        .to_string()
}

fn machine_line(machine: &Value) -> String {
    let text = |key: &str| machine.get(key).and_then(Value::as_str).unwrap_or("?");
    let cpu = machine
        .get("cpu")
        .and_then(|cpu| cpu.get("brand_raw"))
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| text("processor"));
    let cores = machine
        .get("cpu_count")
        .map_or("?".to_string(), Value::to_string);
    format!(
        "{cpu}, {cores} cores, {} {}, {} {}",
        text("system"),
        text("release"),
        text("python_implementation"),
        text("python_version")
    )
}

/// `report._judge`: the floor against the baseline and any against peers.
fn judge(info: &Value) -> Result<(String, bool)> {
    let mut floors = vec![(
        String::new(),
        number(info, "speedup")?,
        info.get("min_speedup"),
    )];
    if let Some(map) = info.get("peer_floors").and_then(Value::as_object) {
        let speedups = info.get("peer_speedups");
        for (peer, floor) in map {
            if let Some(ratio) = speedups.and_then(|s| s.get(peer)) {
                let ratio = triple(ratio, "a peer speedup")?;
                floors.push((format!(" vs {peer}"), ratio[0], Some(floor)));
            }
        }
    }
    // A parallel task's floor on its own one-thread time (the scaling runs).
    if let (Some(floor), Some(gain)) = (info.get("scaling_floor"), info.get("scaling_speedup")) {
        let threads = gain.get(0).and_then(Value::as_u64).unwrap_or(0);
        let ratio = gain.get(1).and_then(Value::as_f64).unwrap_or(f64::NAN);
        floors.push((format!(" on {threads} threads"), ratio, Some(floor)));
    }
    let (mut parts, mut ok) = (Vec::new(), true);
    for (against, ratio, floor) in floors {
        let Some(floor) = floor.and_then(Value::as_f64) else {
            parts.push("loss expected".to_string());
            continue;
        };
        let met = ratio >= floor;
        ok &= met;
        parts.push(format!(
            "{} {}×{against}",
            if met { '✓' } else { '✗' },
            fmt_g(floor, 6)
        ));
    }
    Ok((parts.join(", "), ok))
}

pub const HEADERS: [&str; 6] = [
    "task",
    "size",
    "Python",
    "Rust",
    "speedup [95% CI]",
    "floor",
];

/// The chapter's table, as HTML (one block: no blank line inside). A row per
/// task and size: the baseline's time, Rust's, the speedup and the floor; under
/// it a row per peer: the peer's time in the Python column, and how many times
/// faster Rust is than the peer. `measuring` is the address of the page that
/// says how the numbers are made (the book's; a standalone report has none).
pub fn table(run: &Run, slug: &str, rows: &[&Row], measuring: Option<&str>) -> String {
    let mut html = format!(
        "<div class=\"workbook-results\" data-chapter=\"{}\">\n",
        escape(slug)
    );
    html.push_str("<div class=\"table-wrapper\"><table>\n<thead><tr>");
    for header in HEADERS {
        html.push_str(&format!("<th>{header}</th>"));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        let [ratio, low, high] = row.speedup;
        let class = if row.ok { "task" } else { "task floor-missed" };
        html.push_str(&format!(
            "<tr class=\"{class}\" data-task=\"{task}\" data-size=\"{size}\">\
             <td><code>{name}</code></td><td class=\"num\">{size_text}</td>\
             <td class=\"num\">{baseline}</td><td class=\"num\">{rust}</td>\
             <td class=\"num\"><strong>{ratio}</strong> <span class=\"ci\">[{low}–{high}]</span></td>\
             <td>{verdict}</td></tr>\n",
            task = escape(&row.task),
            size = row.size,
            name = escape(row.name()),
            size_text = escape(&row.size_text()),
            baseline = fmt_time(row.baseline),
            rust = fmt_time(row.rust),
            ratio = fmt_ratio(ratio),
            low = fmt_ratio(low),
            high = fmt_ratio(high),
            verdict = breakable(&row.verdict),
        ));
        for peer in &row.peers {
            html.push_str(&format!(
                "<tr class=\"peer\" data-task=\"{task}\" data-size=\"{size}\" data-peer=\"{name}\">\
                 <td colspan=\"2\">peer: {label}</td><td class=\"num\">{time}</td><td></td>\
                 <td class=\"num\">Rust {ratio}</td><td></td></tr>\n",
                task = escape(&row.task),
                size = row.size,
                name = escape(&peer.name),
                label = breakable(&peer.name),
                time = fmt_time(peer.time),
                ratio = fmt_ratio(peer.rust_over),
            ));
        }
    }
    html.push_str("</tbody>\n</table></div>\n");
    let link = measuring.map_or(String::new(), |href| {
        format!(" <a href=\"{}\">How it is measured</a>.", escape(href))
    });
    html.push_str(&format!(
        "<p class=\"workbook-measured\">{}. The reference solutions, timed by \
         <code>./workbook bench --solutions</code>: medians of interleaved rounds; the speedup is \
         the baseline's time over Rust's, with a paired bootstrap 95% interval; a peer's row \
         gives its time and Rust's speedup over it; the floor applies at each task's largest \
         size.{link}</p>\n",
        run.provenance()
    ));
    html.push_str("</div>");
    html
}

/// The thread-scaling table of a chapter: per task and thread count, Rust's
/// time, its speedup over one thread and the efficiency (speedup per thread).
pub fn scaling_table(run: &Run, slug: &str) -> Result<String> {
    let points: Vec<&ThreadTime> = run
        .scaling
        .iter()
        .filter(|t| t.task.split_once('.').map(|(c, _)| c) == Some(slug))
        .collect();
    if points.is_empty() {
        bail!("the reference run has no thread-scaling results for chapter {slug}");
    }
    let mut html = format!(
        "<div class=\"workbook-results workbook-scaling\" data-chapter=\"{}\">\n\
         <div class=\"table-wrapper\"><table>\n<thead><tr><th>task</th><th>threads</th>\
         <th>Rust</th><th>over 1 thread</th><th>efficiency</th></tr></thead>\n<tbody>\n",
        escape(slug)
    );
    for point in &points {
        let one = points
            .iter()
            .find(|p| p.task == point.task && p.threads == 1)
            .map_or(f64::NAN, |p| p.time);
        let gain = one / point.time;
        let name = point.task.split_once('.').map_or("", |(_, n)| n);
        html.push_str(&format!(
            "<tr data-task=\"{task}\" data-threads=\"{threads}\"><td><code>{name}</code></td>\
             <td class=\"num\">{threads}</td><td class=\"num\">{time}</td>\
             <td class=\"num\">{gain}</td><td class=\"num\">{efficiency:.0}%</td></tr>\n",
            task = escape(&point.task),
            threads = point.threads,
            name = escape(name),
            time = fmt_time(point.time),
            gain = fmt_ratio(gain),
            efficiency = 100.0 * gain / point.threads as f64,
        ));
    }
    html.push_str("</tbody>\n</table></div>\n");
    html.push_str(&format!(
        "<p class=\"workbook-measured\">{}. Rust alone at each task's largest size, with a \
         pool of 1, 2, 4... threads up to the machine's cores.</p>\n</div>",
        run.provenance()
    ));
    Ok(html)
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use serde_json::json;

    fn entry(task: &str, size: u64, contender: &str, median: f64, rust: Value) -> Value {
        let mut info = json!({"task": task, "size": size, "contender": contender});
        if let (Some(info), Some(extra)) = (info.as_object_mut(), rust.as_object()) {
            info.extend(extra.clone());
        }
        json!({"group": format!("{task}[n={size}]"), "extra_info": info, "stats": {"median": median}})
    }

    /// A document like report's tests: baseline `speedup`, Rust 1 s, one peer.
    pub fn document(speedup: f64, vs_peer: f64, floor: Option<f64>) -> Value {
        let rust = json!({
            "speedup": speedup,
            "speedup_ci95": [speedup * 0.9, speedup * 1.1],
            "min_speedup": floor,
            "peer_floors": {"Counter": 1.5},
            "peer_speedups": {"Counter": [vs_peer, vs_peer, vs_peer]},
        });
        let mut benchmarks = Vec::new();
        for size in [10, 1000] {
            benchmarks.push(entry("s.count", size, "baseline", speedup, Value::Null));
            benchmarks.push(entry("s.count", size, "rust", 1.0, rust.clone()));
            benchmarks.push(entry("s.count", size, "Counter", vs_peer, Value::Null));
        }
        json!({
            "benchmarks": benchmarks,
            "machine_info": {"cpu": {"brand_raw": "Test CPU"}, "cpu_count": 2, "system": "Linux",
                "release": "6", "python_implementation": "CPython", "python_version": "3.11"},
            "commit_info": {"id": "abcdef0123456789", "dirty": false},
            "datetime": "2026-11-25T00:00:00",
        })
    }

    #[test]
    fn the_scaling_table_gives_each_thread_count_against_one() {
        let mut doc = document(5.0, 2.0, Some(4.0));
        for (threads, median) in [(1, 2.0), (2, 1.25)] {
            let extra = json!({"threads": threads});
            let name = format!("rust, {threads} threads");
            let point = entry("s.count", 1000, &name, median, extra);
            doc["benchmarks"].as_array_mut().unwrap().push(point);
        }
        let run = Run::parse(&doc).unwrap();
        assert_eq!(
            run.rows.len(),
            2,
            "thread entries are not rows of the main table"
        );
        let html = scaling_table(&run, "s").unwrap();
        assert!(
            html.contains("<td class=\"num\">1.60×</td><td class=\"num\">80%</td>"),
            "{html}"
        );
        assert!(scaling_table(&run, "other").is_err());
    }

    #[test]
    fn floors_are_judged_at_the_largest_size_only() {
        let run = Run::parse(&document(5.0, 2.0, Some(4.0))).unwrap();
        let [small, large] = &run.rows[..] else {
            panic!("two rows")
        };
        assert_eq!((small.verdict.as_str(), small.ok), ("", true));
        assert_eq!(
            (large.verdict.as_str(), large.ok),
            ("✓ 4×, ✓ 1.5× vs Counter", true)
        );
        assert_eq!(large.size_text(), "n = 1,000");
    }

    #[test]
    fn a_missed_floor_and_an_expected_loss() {
        let missed = Run::parse(&document(3.0, 2.0, Some(4.0))).unwrap();
        assert!(!missed.rows[1].ok && missed.rows[1].verdict.starts_with("✗ 4×"));
        let loss = Run::parse(&document(0.8, 2.0, None)).unwrap();
        assert!(loss.rows[1].ok && loss.rows[1].verdict.starts_with("loss expected"));
    }

    #[test]
    fn an_unknown_chapter_or_task_is_an_error() {
        let run = Run::parse(&document(5.0, 2.0, Some(4.0))).unwrap();
        assert_eq!(run.chapter_rows("s", &[]).unwrap().len(), 2);
        assert!(
            run.chapter_rows("nope", &[])
                .unwrap_err()
                .to_string()
                .contains("no chapter `nope`")
        );
        assert!(run.chapter_rows("s", &["nope"]).is_err());
    }

    #[test]
    fn the_table_shows_times_speedups_peers_and_provenance() {
        let run = Run::parse(&document(5.0, 2.0, Some(4.0))).unwrap();
        let rows = run.chapter_rows("s", &[]).unwrap();
        let html = table(&run, "s", &rows, Some("../measuring.html"));
        assert!(html.contains("<td class=\"num\">5 s</td>"), "{html}");
        assert!(
            html.contains("<strong>5.0×</strong> <span class=\"ci\">[4.5×–5.5×]"),
            "{html}"
        );
        assert!(
            html.contains("peer: Counter</td><td class=\"num\">2 s</td>"),
            "{html}"
        );
        assert!(html.contains("Rust 2.0×"), "{html}");
        assert!(
            html.contains("Test CPU, 2 cores") && html.contains("abcdef0123"),
            "{html}"
        );
        assert!(
            !html.contains("\n\n"),
            "a blank line would end the HTML block"
        );
        assert!(html.contains("href=\"../measuring.html\""), "{html}");
        let standalone = table(&run, "s", &rows, None);
        assert!(
            !standalone.contains("<a "),
            "a report has no book to link to"
        );
    }
}
