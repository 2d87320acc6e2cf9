//! Number formatting that matches the harness's report (`bench_harness/report.py`),
//! so the book and `.benchmarks/report.md` print a measurement the same way.

/// Python's `format(x, f".{precision}g")`.
pub fn fmt_g(x: f64, precision: usize) -> String {
    if x == 0.0 {
        return "0".into();
    }
    if !x.is_finite() {
        return format!("{x}");
    }
    let precision = precision.max(1);
    // Rounding to `precision` significant digits may carry into a new decade
    // (999.7 -> 1.00e3): take the exponent after rounding, as Python does.
    let scientific = format!("{:.*e}", precision - 1, x);
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    if exponent < -4 || exponent >= precision as i32 {
        let sign = if exponent < 0 { '-' } else { '+' };
        format!("{}e{sign}{:02}", strip_zeros(mantissa), exponent.abs())
    } else {
        let decimals = (precision as i32 - 1 - exponent).max(0) as usize;
        strip_zeros(&format!("{x:.decimals$}")).to_string()
    }
}

fn strip_zeros(number: &str) -> &str {
    if number.contains('.') {
        number.trim_end_matches('0').trim_end_matches('.')
    } else {
        number
    }
}

/// `report.fmt_time`: three significant digits in ns, µs, ms or s.
pub fn fmt_time(seconds: f64) -> String {
    let (prefix, scale) = if seconds < 1e-6 {
        ("n", 1e9)
    } else if seconds < 1e-3 {
        ("µ", 1e6)
    } else if seconds < 1.0 {
        ("m", 1e3)
    } else {
        ("", 1.0)
    };
    format!("{} {prefix}s", fmt_g(seconds * scale, 3))
}

/// `report.fmt_ratio`: one decimal from 2× up, two below.
pub fn fmt_ratio(ratio: f64) -> String {
    if ratio >= 1.95 {
        format!("{ratio:.1}×")
    } else {
        format!("{ratio:.2}×")
    }
}

/// `f"{n:,}"`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Text made safe for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // No later preprocessor may read our text as one of its markers.
            '{' => out.push_str("&#123;"),
            _ => out.push(c),
        }
    }
    out
}

/// `escape`, with a line-break opportunity after each `.`, `(`, `=` and `,`:
/// long peer names such as `sorted(key=packaging.version.Version)` then wrap
/// at their joints in a narrow column instead of widening the table.
pub fn breakable(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        out.push_str(&escape(c.encode_utf8(&mut [0; 4])));
        if matches!(c, '.' | '(' | '=' | ',') {
            out.push_str("<wbr>");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g_format_matches_python() {
        // Expected values from CPython's format(x, ".3g") and format(x, "g").
        let cases = [
            (266.0, 3, "266"),
            (5.8, 3, "5.8"),
            (34.3, 3, "34.3"),
            (999.7, 3, "1e+03"),
            (0.000123456, 3, "0.000123"),
            (0.0000123456, 3, "1.23e-05"),
            (12345.0, 3, "1.23e+04"),
            (20.0, 6, "20"),
            (1.5, 6, "1.5"),
            (0.0, 3, "0"),
            (100.0, 3, "100"),
        ];
        for (x, precision, expected) in cases {
            assert_eq!(fmt_g(x, precision), expected, "{x} .{precision}g");
        }
    }

    #[test]
    fn times_and_ratios_read_like_the_report() {
        assert_eq!(fmt_time(3.788824942042627e-08), "37.9 ns");
        assert_eq!(fmt_time(0.000733), "733 µs");
        assert_eq!(fmt_time(1.34), "1.34 s");
        assert_eq!(fmt_ratio(45.93), "45.9×");
        assert_eq!(fmt_ratio(1.94), "1.94×");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(100), "100");
    }
}
