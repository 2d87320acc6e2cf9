//! `{{#chart slug}}`: an inline SVG bar chart of the chapter's speedups.
//!
//! One group of bars per task, at its largest size (where its floor is
//! judged): Rust's speed and each peer's, as multiples of the Python
//! baseline's, drawn from the baseline's line at 1× (right: faster, left:
//! slower), Rust with its 95% interval. The axis is logarithmic when the
//! values span more than a factor of ten. Colours come from CSS classes
//! (`theme/workbook.css`) with plain fills as a fallback.

use std::fmt::Write;

use crate::results::Row;
use crate::text::{escape, fmt_ratio, thousands};

const WIDTH: f64 = 720.0;
const ROW: f64 = 22.0;
const BAR: f64 = 14.0;
const CHAR: f64 = 6.6; // average width of a 12px character
const VALUE_COLUMN: f64 = 64.0;

struct Bar {
    label: String,
    value: f64,
    interval: Option<(f64, f64)>,
    rust: bool,
}

struct Group {
    title: String,
    bars: Vec<Bar>,
}

pub struct Scale {
    log: bool,
    low: f64,
    high: f64,
}

impl Scale {
    /// A scale that shows every value and 1×.
    pub fn fit(values: &[f64]) -> Scale {
        let positive = values.iter().copied().filter(|v| v.is_finite() && *v > 0.0);
        let low = positive.clone().fold(1.0_f64, f64::min);
        let high = positive.fold(1.0_f64, f64::max);
        if high / low > 10.0 {
            Scale {
                log: true,
                low: nice_down(low),
                high: nice_up(high),
            }
        } else {
            Scale {
                log: false,
                low: 0.0,
                high: nice_up(high * 1.05),
            }
        }
    }

    /// Position in 0..=1.
    pub fn at(&self, value: f64) -> f64 {
        let t = if self.log {
            (value.max(self.low).ln() - self.low.ln()) / (self.high.ln() - self.low.ln())
        } else {
            value / self.high
        };
        t.clamp(0.0, 1.0)
    }

    /// Tick values: 1-2-5 steps (log: 1 per decade, with 2 and 5 when few).
    pub fn ticks(&self) -> Vec<f64> {
        let inside = |t: &f64| *t >= self.low * 0.9999 && *t <= self.high * 1.0001;
        if self.log {
            let decades = (self.high / self.low).log10().round() as i32;
            let steps: &[f64] = if decades <= 2 {
                &[1.0, 2.0, 5.0]
            } else {
                &[1.0]
            };
            let first = self.low.log10().floor() as i32;
            let last = self.high.log10().ceil() as i32;
            (first..=last)
                .flat_map(|d| steps.iter().map(move |m| m * 10f64.powi(d)))
                .filter(inside)
                .collect()
        } else {
            let step = nice_up(self.high / 5.0);
            (0..=5)
                .map(|i| f64::from(i) * step)
                .filter(inside)
                .collect()
        }
    }
}

/// The smallest 1-2-5 number >= x (for linear axes) or power of ten (log).
fn nice_up(x: f64) -> f64 {
    let decade = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * decade)
        .find(|v| *v >= x * 0.9999)
        .unwrap_or(x)
}

/// The largest 1-2-5 number <= x.
fn nice_down(x: f64) -> f64 {
    let decade = 10f64.powf(x.log10().floor());
    [5.0, 2.0, 1.0]
        .iter()
        .map(|m| m * decade)
        .find(|v| *v <= x * 1.0001)
        .unwrap_or(decade)
}

fn tick_label(tick: f64) -> String {
    if tick >= 1.0 {
        format!("{}×", thousands(tick.round() as u64))
    } else {
        format!("{}×", crate::text::fmt_g(tick, 3))
    }
}

fn groups(rows: &[&Row]) -> Vec<Group> {
    rows.iter()
        .filter(|row| row.largest)
        .map(|row| {
            let mut bars = vec![Bar {
                label: "Rust".into(),
                value: row.speedup[0],
                interval: Some((row.speedup[1], row.speedup[2])),
                rust: true,
            }];
            for peer in &row.peers {
                bars.push(Bar {
                    label: peer.name.clone(),
                    value: row.baseline / peer.time,
                    interval: None,
                    rust: false,
                });
            }
            Group {
                title: format!("{}, {}", row.name(), row.size_text()),
                bars,
            }
        })
        .collect()
}

fn truncate(label: &str, chars: usize) -> String {
    if label.chars().count() <= chars {
        label.to_string()
    } else {
        let cut: String = label.chars().take(chars.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// The chart, as one HTML block (no blank line inside).
pub fn svg(slug: &str, rows: &[&Row]) -> String {
    let groups = groups(rows);
    let values: Vec<f64> = groups
        .iter()
        .flat_map(|g| g.bars.iter())
        .flat_map(|b| {
            let (low, high) = b.interval.unwrap_or((b.value, b.value));
            [b.value, low, high]
        })
        .collect();
    let scale = Scale::fit(&values);
    // Bar labels sit left of the plot; a group's title has its row to itself.
    let longest = groups
        .iter()
        .flat_map(|g| g.bars.iter())
        .map(|b| b.label.chars().count());
    let label_width = (longest.max().unwrap_or(10) as f64 * CHAR + 26.0).clamp(120.0, 320.0);
    let max_chars = ((label_width - 26.0) / CHAR) as usize;
    let (left, right) = (label_width, WIDTH - VALUE_COLUMN - 8.0);
    let x = |v: f64| left + scale.at(v) * (right - left);
    let top = 34.0;
    let rows_count: usize = groups.iter().map(|g| g.bars.len() + 1).sum();
    let plot_bottom = top + rows_count as f64 * ROW + 4.0;
    let height = plot_bottom + 58.0;

    let title = format!(
        "Speed of Rust and the peers as multiples of the Python baseline ({}), chapter {slug}",
        if scale.log {
            "logarithmic axis"
        } else {
            "linear axis"
        }
    );
    let mut s = String::new();
    let _ = write!(
        s,
        "<figure class=\"workbook-chart\" data-chapter=\"{slug}\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
         viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" role=\"img\" \
         aria-labelledby=\"chart-{slug}-title\" font-size=\"12\" data-scale=\"{}\">\n\
         <title id=\"chart-{slug}-title\">{}</title>\n",
        if scale.log { "log" } else { "linear" },
        escape(&title),
        slug = escape(slug),
    );
    // Grid and tick labels.
    for tick in scale.ticks() {
        let tx = x(tick);
        let _ = writeln!(
            s,
            "<line class=\"grid\" x1=\"{tx:.1}\" x2=\"{tx:.1}\" y1=\"{top}\" y2=\"{plot_bottom}\" \
             stroke=\"#8888\" stroke-width=\"0.5\"/>\
             <text class=\"tick\" x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"currentColor\">{}</text>",
            plot_bottom + 14.0,
            tick_label(tick)
        );
    }
    let base = x(1.0);
    let _ = writeln!(
        s,
        "<text class=\"axis-title\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"currentColor\">\
         times as fast as the Python baseline{}</text>",
        (left + right) / 2.0,
        plot_bottom + 30.0,
        if scale.log { " (log scale)" } else { "" }
    );
    // Bars.
    let mut y = top;
    for group in &groups {
        let _ = writeln!(
            s,
            "<text class=\"group\" x=\"4\" y=\"{:.1}\" font-weight=\"bold\" fill=\"currentColor\">{}</text>",
            y + ROW * 0.7,
            escape(&group.title)
        );
        y += ROW;
        for bar in &group.bars {
            let (class, fill) = if bar.rust {
                ("bar rust", "#b7410e")
            } else {
                ("bar peer", "#8c8c8c")
            };
            let end = x(bar.value);
            let (x0, w) = if end >= base {
                (base, end - base)
            } else {
                (end, base - end)
            };
            let mid = y + ROW / 2.0;
            let _ = write!(
                s,
                "<g class=\"{class}\" data-value=\"{:.4}\"><title>{}: {} the baseline's speed</title>\
                 <text class=\"label\" x=\"16\" y=\"{:.1}\" fill=\"currentColor\">{}</text>\
                 <rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{BAR}\" rx=\"2\" fill=\"{fill}\"/>",
                bar.value,
                escape(&bar.label),
                fmt_ratio(bar.value),
                mid + 4.0,
                escape(&truncate(&bar.label, max_chars)),
                mid - BAR / 2.0,
                w.max(1.0),
            );
            if let Some((low, high)) = bar.interval {
                let (lx, hx) = (x(low), x(high));
                let _ = write!(
                    s,
                    "<path class=\"interval\" d=\"M{lx:.1} {mid:.1}H{hx:.1}M{lx:.1} {:.1}V{:.1}M{hx:.1} {:.1}V{:.1}\" \
                     stroke=\"currentColor\" stroke-width=\"1.2\" fill=\"none\"/>",
                    mid - 4.0,
                    mid + 4.0,
                    mid - 4.0,
                    mid + 4.0
                );
            }
            let _ = writeln!(
                s,
                "<text class=\"value\" x=\"{:.1}\" y=\"{:.1}\" fill=\"currentColor\">{}</text></g>",
                right + 8.0,
                mid + 4.0,
                fmt_ratio(bar.value)
            );
            y += ROW;
        }
    }
    // The baseline's line, on top of the bars.
    let _ = writeln!(
        s,
        "<line class=\"baseline\" x1=\"{base:.1}\" x2=\"{base:.1}\" y1=\"{:.1}\" y2=\"{plot_bottom}\" \
         stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\
         <text class=\"baseline-label\" x=\"{base:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"currentColor\">\
         Python baseline = 1×</text>",
        top - 6.0,
        top - 12.0
    );
    // Legend, under the axis from the left edge.
    let ly = height - 10.0;
    let _ = writeln!(
        s,
        "<g class=\"legend\"><rect class=\"bar rust\" x=\"16\" y=\"{:.1}\" width=\"12\" height=\"10\" fill=\"#b7410e\"/>\
         <text x=\"32\" y=\"{ly:.1}\" fill=\"currentColor\">Rust (line: its 95% interval)</text>\
         <rect class=\"bar peer\" x=\"232\" y=\"{:.1}\" width=\"12\" height=\"10\" fill=\"#8c8c8c\"/>\
         <text x=\"248\" y=\"{ly:.1}\" fill=\"currentColor\">peers: what a Python programmer reaches for</text></g>",
        ly - 9.0,
        ly - 9.0,
    );
    s.push_str("</svg>\n</figure>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::Run;
    use crate::results::tests::document;

    #[test]
    fn log_scale_only_when_the_values_span_a_decade() {
        assert!(!Scale::fit(&[0.8, 4.0]).log);
        assert!(Scale::fit(&[0.5, 46.0]).log);
        let log = Scale::fit(&[0.5, 46.0]);
        assert_eq!((log.low, log.high), (0.5, 50.0));
        assert!(log.at(1.0) > 0.0 && log.at(1.0) < log.at(46.0));
        assert_eq!(log.ticks(), [0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0]);
        let wide = Scale::fit(&[0.5, 116.0]);
        assert_eq!(wide.ticks(), [1.0, 10.0, 100.0]);
    }

    #[test]
    fn a_chart_has_a_bar_per_contender_at_the_largest_size() {
        let run = Run::parse(&document(5.0, 2.0, Some(4.0))).unwrap();
        let svg = svg("s", &run.chapter_rows("s", &[]).unwrap());
        assert_eq!(svg.matches("<g class=\"bar ").count(), 2, "{svg}");
        assert!(
            svg.contains("count, n = 1,000") && !svg.contains("n = 10<"),
            "{svg}"
        );
        assert!(
            !svg.contains("\n\n"),
            "a blank line would end the HTML block"
        );
    }
}
