//! charts — render helper. Input: a titled list of labelled values (outputs per year, outputs
//! per topic, funding per programme). Output: an accessible, build-time inline SVG horizontal
//! bar chart inside a `<figure class="chart">`, followed by its data as a `<table>`.
//!
//! The markup is deterministic (coordinates rounded to one decimal) and has no inline colours
//! beyond `currentColor`: the theme styles `.chart-bar`, `.chart-label` and `.chart-value` for
//! light, dark and print. A right-to-left chart is mirrored by its coordinates, not by a CSS
//! transform, so its text is never mirrored. Its `<svg>` carries `direction="rtl"`, which makes
//! `text-anchor` logical (SVG 2): `start` is the right edge of the text, `end` its left edge.
//! The same anchor keywords therefore serve both directions.

use std::fmt::Write;

/// One bar: a label, its value, the value as the reader should see it, and an optional link.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bar {
    pub label: String,
    pub value: f64,
    /// The value already formatted for the page's locale, e.g. "1 234" or "۱۲".
    pub display: String,
    pub href: Option<String>,
}

/// A chart to draw.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Chart<'a> {
    /// Prefix for the element ids; unique within the page.
    pub id: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub bars: &'a [Bar],
    /// Right-to-left page: labels on the right, bars growing leftwards.
    pub rtl: bool,
    pub value_heading: &'a str,
    pub label_heading: &'a str,
}

/// Width of the viewBox; the SVG itself scales to its container (`width="100%"`).
const WIDTH: f64 = 640.0;
/// Outer margin on every side.
const PAD: f64 = 8.0;
/// Height of one bar's band, and of the bar inside it.
const ROW: f64 = 28.0;
const BAR: f64 = 18.0;
/// Space between the label column and the bars, and between a bar and its value.
const GAP: f64 = 8.0;
const VALUE_GAP: f64 = 4.0;
/// Estimated advance of one character at the chart's font size.
const CHAR_W: f64 = 7.5;
const FONT_SIZE: &str = "13";
/// Bounds of the label column's width.
const LABEL_MIN: f64 = 80.0;
const LABEL_MAX: f64 = 260.0;
/// Bounds of the value column's width (after the longest bar).
const VALUE_MIN: f64 = 40.0;
const VALUE_MAX: f64 = 120.0;

/// Horizontal geometry shared by every bar of one chart.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Layout {
    label_w: f64,
    /// Left edge of the plot area (where the longest bar may reach) and its width.
    plot_x: f64,
    plot_w: f64,
    /// Largest value; bars are `value / max` of `plot_w`.
    max: f64,
    rtl: bool,
}

impl Layout {
    fn new(bars: &[Bar], rtl: bool) -> Layout {
        let label_w = column_width(bars.iter().map(|b| b.label.as_str()), LABEL_MIN, LABEL_MAX);
        let value_w = column_width(
            bars.iter().map(|b| b.display.as_str()),
            VALUE_MIN,
            VALUE_MAX,
        );
        let plot_w = WIDTH - 2.0 * PAD - label_w - GAP - value_w - VALUE_GAP;
        // Mirrored: in RTL the value column is on the left and the labels on the right.
        let plot_x = if rtl {
            PAD + value_w + VALUE_GAP
        } else {
            PAD + label_w + GAP
        };
        let max = bars.iter().map(|b| clean(b.value)).fold(0.0, f64::max);
        Layout {
            label_w,
            plot_x,
            plot_w,
            max,
            rtl,
        }
    }

    /// Length of the bar for `value`, from 0 to `plot_w`.
    fn length(&self, value: f64) -> f64 {
        if self.max > 0.0 {
            clean(value) / self.max * self.plot_w
        } else {
            0.0
        }
    }

    /// Left edge of a bar of length `len`: it starts at the label side of the plot area.
    fn bar_x(&self, len: f64) -> f64 {
        if self.rtl {
            self.plot_x + self.plot_w - len
        } else {
            self.plot_x
        }
    }

    /// Anchor of a label: its logical end touches the plot area.
    fn label_x(&self) -> f64 {
        if self.rtl {
            WIDTH - PAD - self.label_w
        } else {
            PAD + self.label_w
        }
    }

    /// Anchor of a value: its logical start just past the end of its bar.
    fn value_x(&self, len: f64) -> f64 {
        if self.rtl {
            self.bar_x(len) - VALUE_GAP
        } else {
            self.plot_x + len + VALUE_GAP
        }
    }

    /// How many characters of a label fit in the label column.
    fn label_chars(&self) -> usize {
        // Truncation toward zero is intended: a partial character does not fit.
        (self.label_w / CHAR_W) as usize
    }
}

/// A value usable as a bar length: finite and not negative.
fn clean(value: f64) -> f64 {
    if value.is_finite() && value > 0.0 {
        value
    } else {
        0.0
    }
}

/// Width of a text column from its longest entry, clamped to `min..=max`.
fn column_width<'a>(texts: impl Iterator<Item = &'a str>, min: f64, max: f64) -> f64 {
    let longest = texts.map(|t| t.chars().count()).max().unwrap_or(0);
    // Label lengths are far below 2^52, so the conversion is exact.
    (longest as f64 * CHAR_W).clamp(min, max)
}

/// Draws `chart` as a `<figure class="chart">` holding the SVG and, in a `<details>`, its data
/// table. An empty chart draws nothing.
pub(crate) fn horizontal_bars(chart: &Chart) -> String {
    if chart.bars.is_empty() {
        return String::new();
    }
    let layout = Layout::new(chart.bars, chart.rtl);
    let mut out = String::from("<figure class=\"chart\">");
    svg_open(&mut out, chart);
    for (i, bar) in chart.bars.iter().enumerate() {
        // Row indexes are small, so the conversion is exact.
        bar_group(&mut out, &layout, bar, PAD + i as f64 * ROW);
    }
    out.push_str("</svg>");
    data_table(&mut out, chart);
    out.push_str("</figure>");
    out
}

/// The `<svg>` start tag with its `<title>` and `<desc>`.
fn svg_open(out: &mut String, chart: &Chart) {
    let id = esc(chart.id);
    // Row counts are small, so the conversion is exact.
    let height = 2.0 * PAD + chart.bars.len() as f64 * ROW;
    // Links inside `role="img"` would be hidden from assistive technology (its children are
    // presentational), so a chart with links is a labelled group instead.
    let role = if chart.bars.iter().any(|b| b.href.is_some()) {
        "group"
    } else {
        "img"
    };
    let dir = if chart.rtl { " direction=\"rtl\"" } else { "" };
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"{role}\" \
         aria-labelledby=\"{id}-title {id}-desc\" width=\"100%\" viewBox=\"0 0 {w} {h}\" \
         fill=\"currentColor\" font-size=\"{FONT_SIZE}\"{dir}>\
         <title id=\"{id}-title\">{title}</title><desc id=\"{id}-desc\">{desc}</desc>",
        w = num(WIDTH),
        h = num(height),
        title = esc(chart.title),
        desc = esc(chart.description),
    );
}

/// One bar's `<g>`: the rect, the label and the value, wrapped in a link if it has one.
fn bar_group(out: &mut String, layout: &Layout, bar: &Bar, top: f64) {
    let len = layout.length(bar.value);
    let mid = top + ROW / 2.0;
    out.push_str("<g class=\"chart-row\">");
    if let Some(href) = &bar.href {
        let _ = write!(out, "<a href=\"{}\">", esc(href));
    }
    let (label, truncated) = truncate(&bar.label, layout.label_chars());
    if truncated {
        let _ = write!(out, "<title>{}</title>", esc(&bar.label));
    }
    let _ = write!(
        out,
        "<rect class=\"chart-bar\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\"/>\
         <text class=\"chart-label\" x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\" \
         dominant-baseline=\"central\">{label}</text>\
         <text class=\"chart-value\" x=\"{vx}\" y=\"{ty}\" text-anchor=\"start\" \
         dominant-baseline=\"central\">{value}</text>",
        x = num(layout.bar_x(len)),
        y = num(top + (ROW - BAR) / 2.0),
        w = num(len),
        h = num(BAR),
        lx = num(layout.label_x()),
        ty = num(mid),
        label = esc(&label),
        vx = num(layout.value_x(len)),
        value = esc(&bar.display),
    );
    if bar.href.is_some() {
        out.push_str("</a>");
    }
    out.push_str("</g>");
}

/// The chart's data, for screen readers, keyboard users and copying.
fn data_table(out: &mut String, chart: &Chart) {
    let (lh, vh) = (esc(chart.label_heading), esc(chart.value_heading));
    let _ = write!(
        out,
        "<details class=\"chart-table\"><summary>{lh} / {vh}</summary>\
         <table class=\"chart-data\"><caption>{}</caption>\
         <thead><tr><th scope=\"col\">{lh}</th><th scope=\"col\">{vh}</th></tr></thead><tbody>",
        esc(chart.title),
    );
    for bar in chart.bars {
        let label = esc(&bar.label);
        match &bar.href {
            Some(href) => {
                let _ = write!(
                    out,
                    "<tr><th scope=\"row\"><a href=\"{}\">{label}</a>",
                    esc(href)
                );
            }
            None => {
                let _ = write!(out, "<tr><th scope=\"row\">{label}");
            }
        }
        let _ = write!(out, "</th><td>{}</td></tr>", esc(&bar.display));
    }
    out.push_str("</tbody></table></details>");
}

/// `label` cut to `max` characters, the last being an ellipsis, and whether it was cut.
fn truncate(label: &str, max: usize) -> (String, bool) {
    if label.chars().count() <= max {
        return (label.to_owned(), false);
    }
    let mut cut: String = label.chars().take(max.saturating_sub(1)).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    (cut, true)
}

/// A coordinate with at most one decimal and no "-0" or trailing ".0".
fn num(v: f64) -> String {
    let s = format!("{:.1}", (v * 10.0).round() / 10.0);
    let s = s.strip_suffix(".0").unwrap_or(&s);
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// Escapes text for HTML and SVG (text and attribute values).
fn esc(s: &str) -> String {
    crate::render::escape_html(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: f64) -> Bar {
        Bar {
            label: label.to_owned(),
            value,
            display: format!("{value}"),
            href: None,
        }
    }

    fn chart<'a>(bars: &'a [Bar], rtl: bool) -> Chart<'a> {
        Chart {
            id: "per-year",
            title: "Outputs per year",
            description: "Number of outputs published each year.",
            bars,
            rtl,
            value_heading: "Outputs",
            label_heading: "Year",
        }
    }

    /// Every value of attribute `name` on elements starting with `tag`, in order.
    fn attrs(html: &str, tag: &str, name: &str) -> Vec<f64> {
        html.split(tag)
            .skip(1)
            .map(|el| {
                let start = el.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
                let rest = &el[start..];
                rest[..rest.find('"').unwrap()].parse().unwrap()
            })
            .collect()
    }

    #[test]
    fn title_and_desc_are_referenced_by_aria_labelledby() {
        let bars = [bar("2023", 3.0)];
        let html = horizontal_bars(&chart(&bars, false));
        assert!(html.starts_with("<figure class=\"chart\"><svg "));
        assert!(html.contains(r#"role="img" aria-labelledby="per-year-title per-year-desc""#));
        assert!(html.contains(r#"<title id="per-year-title">Outputs per year</title>"#));
        assert!(html.contains(r#"<desc id="per-year-desc">Number of outputs"#));
        assert!(html.contains(r#"width="100%" viewBox="0 0 640 44""#));
        assert!(!html.contains("direction="));
    }

    #[test]
    fn one_rect_and_group_per_bar() {
        let bars = [bar("2022", 1.0), bar("2023", 2.0), bar("2024", 0.0)];
        let html = horizontal_bars(&chart(&bars, false));
        assert_eq!(html.matches("<rect ").count(), 3);
        assert_eq!(html.matches("<g class=\"chart-row\">").count(), 3);
        assert_eq!(html.matches("class=\"chart-label\"").count(), 3);
        assert_eq!(html.matches("class=\"chart-value\"").count(), 3);
    }

    #[test]
    fn widths_are_proportional_and_the_largest_fills_the_plot() {
        let bars = [bar("a", 10.0), bar("b", 5.0), bar("c", 0.0), bar("d", 2.5)];
        let html = horizontal_bars(&chart(&bars, false));
        let layout = Layout::new(&bars, false);
        let widths = attrs(&html, "<rect ", "width");
        assert_eq!(widths[0].to_string(), num(layout.plot_w));
        assert!((widths[1] - widths[0] / 2.0).abs() <= 0.1);
        assert_eq!(widths[2], 0.0);
        assert!((widths[3] - widths[0] / 4.0).abs() <= 0.1);
        // All bars start at the plot area's left edge.
        assert!(attrs(&html, "<rect ", "x")
            .iter()
            .all(|&x| x == layout.plot_x));
    }

    #[test]
    fn zero_and_negative_values_keep_label_and_value() {
        let bars = [bar("none", 0.0)];
        let html = horizontal_bars(&chart(&bars, false));
        assert!(html.contains(r#"width="0""#));
        assert!(html.contains(">none</text>"));
        assert!(html.contains(">0</text>"));
        let bars = [bar("neg", -3.0), bar("nan", f64::NAN)];
        let html = horizontal_bars(&chart(&bars, false));
        assert_eq!(attrs(&html, "<rect ", "width"), [0.0, 0.0]);
    }

    #[test]
    fn rtl_is_mirrored_by_coordinates() {
        let bars = [bar("۲۰۲۳", 4.0), bar("۲۰۲۴", 1.0)];
        let html = horizontal_bars(&chart(&bars, true));
        let layout = Layout::new(&bars, true);
        let right = layout.plot_x + layout.plot_w;
        assert!(html.contains(r#" direction="rtl">"#));
        assert!(!html.contains("transform"));
        let xs = attrs(&html, "<rect ", "x");
        let ws = attrs(&html, "<rect ", "width");
        for (x, w) in xs.iter().zip(&ws) {
            assert!((x + w - right).abs() <= 0.1, "{x} + {w} != {right}");
        }
        assert_eq!(xs[0].to_string(), num(layout.plot_x));
        // Labels sit right of the plot area, values left of their bars.
        let label_x = attrs(&html, "<text class=\"chart-label\"", "x");
        assert!(label_x.iter().all(|&x| x > right && x < WIDTH));
        let value_x = attrs(&html, "<text class=\"chart-value\"", "x");
        assert!(value_x.iter().zip(&xs).all(|(v, x)| v < x));
    }

    #[test]
    fn ltr_and_rtl_are_mirror_images() {
        let bars = [bar("a", 3.0), bar("b", 1.0)];
        let ltr = horizontal_bars(&chart(&bars, false));
        let rtl = horizontal_bars(&chart(&bars, true));
        let (lx, lw) = (attrs(&ltr, "<rect ", "x"), attrs(&ltr, "<rect ", "width"));
        let rx = attrs(&rtl, "<rect ", "x");
        for i in 0..2 {
            assert!((WIDTH - (lx[i] + lw[i]) - rx[i]).abs() <= 0.1);
        }
        let l = attrs(&ltr, "<text class=\"chart-label\"", "x")[0];
        let r = attrs(&rtl, "<text class=\"chart-label\"", "x")[0];
        assert_eq!(l + r, WIDTH);
    }

    #[test]
    fn labels_values_and_links_are_escaped() {
        let mut b = bar("<script>&\"", 1.0);
        b.display = "1 < 2".to_owned();
        b.href = Some("/a?b=1&c=\"2\"".to_owned());
        let bars = [b];
        let mut c = chart(&bars, false);
        c.title = "R&D <funding>";
        let html = horizontal_bars(&c);
        assert!(!html.contains("<script>"));
        assert!(html.contains(">&lt;script&gt;&amp;&quot;</text>"));
        assert!(html.contains(">1 &lt; 2</text>"));
        assert!(html.contains(r#"<a href="/a?b=1&amp;c=&quot;2&quot;">"#));
        assert!(html.contains("<caption>R&amp;D &lt;funding&gt;</caption>"));
        // A chart with links is a group, so the links reach assistive technology.
        assert!(html.contains(r#"role="group""#));
    }

    #[test]
    fn table_has_one_row_per_bar() {
        let mut linked = bar("2024", 7.0);
        linked.href = Some("outputs/2024/".to_owned());
        let bars = [bar("2022", 1.0), bar("2023", 2.0), linked];
        let html = horizontal_bars(&chart(&bars, false));
        assert!(html.contains(
            "<details class=\"chart-table\"><summary>Year / Outputs</summary>\
             <table class=\"chart-data\"><caption>Outputs per year</caption><thead><tr>\
             <th scope=\"col\">Year</th><th scope=\"col\">Outputs</th></tr></thead>"
        ));
        assert_eq!(html.matches("<tr><th scope=\"row\">").count(), 3);
        assert!(html.contains("<th scope=\"row\">2022</th><td>1</td></tr>"));
        assert!(html.contains("<th scope=\"row\"><a href=\"outputs/2024/\">2024</a></th>"));
        assert!(html.ends_with("</tbody></table></details></figure>"));
    }

    #[test]
    fn empty_chart_is_empty() {
        assert_eq!(horizontal_bars(&chart(&[], false)), "");
        assert_eq!(horizontal_bars(&chart(&[], true)), "");
    }

    #[test]
    fn label_column_follows_the_longest_label() {
        assert_eq!(Layout::new(&[bar("ab", 1.0)], false).label_w, LABEL_MIN);
        let twenty = "x".repeat(20);
        assert_eq!(Layout::new(&[bar(&twenty, 1.0)], false).label_w, 150.0);
        let long = "ی".repeat(100);
        assert_eq!(Layout::new(&[bar(&long, 1.0)], false).label_w, LABEL_MAX);
        // A label too long for the column is cut, with the full text as a tooltip.
        let html = horizontal_bars(&chart(&[bar(&long, 1.0)], false));
        assert!(html.contains(&format!("<title>{long}</title>")));
        assert!(html.contains(&format!(">{}…</text>", "ی".repeat(33))));
    }

    #[test]
    fn output_is_deterministic_with_short_numbers() {
        let bars = [bar("a", 1.0), bar("b", 3.0), bar("c", 7.0)];
        let a = horizontal_bars(&chart(&bars, false));
        assert_eq!(a, horizontal_bars(&chart(&bars, false)));
        for w in attrs(&a, "<rect ", "width") {
            let s = w.to_string();
            assert!(s.split('.').nth(1).is_none_or(|d| d.len() == 1), "{s}");
        }
        assert_eq!(num(1.0 / 3.0), "0.3");
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(12.0), "12");
    }
}
