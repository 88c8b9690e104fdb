//! Plain-SVG charts for `earl diff --svg` (the chips × destinations matrix) and
//! `earl timeline --svg` (a step chart of the determination over time). Text only, no
//! dependencies: every chart has a title, labelled axes and a legend.

use crate::lang::Lang;
use crate::tr;
use earl_engine::explore::Verdict;
use earl_engine::explore::diff::DiffReport;
use earl_engine::explore::timeline::{Event, TIMELINE_START, TimelineReport};
use jiff::civil::Date;
use std::fmt::Write;

/// Fill colour of a verdict: green (open) through yellow to dark red (closed), grey unknown.
pub fn colour(v: Verdict) -> &'static str {
    match v {
        Verdict::NoLicence => "#1a9850",
        Verdict::Exception => "#91cf60",
        Verdict::PresumptionOfApproval => "#d9ef8b",
        Verdict::CaseByCase => "#fee08b",
        Verdict::LicenceNoPolicy => "#fdae61",
        Verdict::PresumptionOfDenial => "#f46d43",
        Verdict::PolicyOfDenial => "#d73027",
        Verdict::Prohibited => "#a50026",
        Verdict::Undetermined => "#bdbdbd",
    }
}

/// Short code written in a matrix cell.
fn code(v: Verdict, exception: Option<&str>) -> String {
    match (v, exception) {
        (Verdict::Exception, Some(x)) => x.to_string(),
        (Verdict::NoLicence, _) => "none".into(),
        (Verdict::Exception, None) => "exc".into(),
        (Verdict::PresumptionOfApproval, _) => "PoA".into(),
        (Verdict::CaseByCase, _) => "CbC".into(),
        (Verdict::LicenceNoPolicy, _) => "lic".into(),
        (Verdict::PresumptionOfDenial, _) => "PoD".into(),
        (Verdict::PolicyOfDenial, _) => "deny".into(),
        (Verdict::Prohibited, _) => "proh".into(),
        (Verdict::Undetermined, _) => "?".into(),
    }
}

/// Text on dark fills is white, on light fills black.
fn ink(v: Verdict) -> &'static str {
    match v {
        Verdict::NoLicence | Verdict::PolicyOfDenial | Verdict::Prohibited => "#ffffff",
        _ => "#000000",
    }
}

/// Escapes text for SVG content and attributes.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const FONT: &str = "font-family=\"Helvetica, Arial, sans-serif\"";

/// The legend of verdict colours and codes, as rows starting at (`x`, `y`); returns its height.
fn legend(out: &mut String, x: f64, y: f64, with_codes: bool, lang: Lang) -> f64 {
    let _ = writeln!(
        out,
        "<text x=\"{x}\" y=\"{y}\" font-size=\"13\" font-weight=\"bold\">{}</text>",
        esc(&tr!(lang, "chart-legend"))
    );
    for (i, v) in Verdict::ALL.iter().enumerate() {
        let (cx, cy) = (x + (i % 3) as f64 * 320.0, y + 12.0 + (i / 3) as f64 * 22.0);
        let name = outcome_class(*v, lang);
        let label = match (with_codes, v) {
            (true, Verdict::Exception) => format!("NAC/ACA/… — {name}"),
            (true, _) => format!("{} — {name}", code(*v, None)),
            (false, _) => name,
        };
        let _ = writeln!(
            out,
            "<rect x=\"{cx}\" y=\"{cy}\" width=\"16\" height=\"16\" fill=\"{}\" stroke=\"#555\"/><text x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>",
            colour(*v),
            cx + 22.0,
            cy + 12.5,
            esc(&label)
        );
    }
    12.0 + 3.0 * 22.0
}

/// An outcome class as a reader of `lang` names it (its catalog id is its JSON name).
pub fn outcome_class(v: Verdict, lang: Lang) -> String {
    let id = serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(|s| format!("outcome-class-{s}")))
        .unwrap_or_default();
    tr!(lang, &id)
}

/// The chips × destinations matrix of the `to` side of a diff; changed cells are outlined.
pub fn diff_matrix(r: &DiffReport, lang: Lang) -> String {
    let (cell_w, cell_h) = (52.0, 20.0);
    let left = 210.0;
    let top = 120.0;
    let width = (left + cell_w * r.columns.len() as f64 + 30.0).max(1000.0);
    let grid_h = cell_h * r.rows.len() as f64;
    let height = top + grid_h + 160.0;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" {FONT}>"
    );
    let _ = writeln!(s, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    let _ = writeln!(
        s,
        "<text x=\"20\" y=\"28\" font-size=\"18\" font-weight=\"bold\">{}</text>",
        esc(&tr!(
            lang,
            "chart-diff-title",
            to = crate::explore::point(&r.to, lang)
        ))
    );
    let _ = writeln!(
        s,
        "<text x=\"20\" y=\"50\" font-size=\"13\">{}</text>",
        esc(&tr!(
            lang,
            "chart-diff-subtitle",
            from = crate::explore::point(&r.from, lang),
            changed = r.summary.changed.to_string(),
            cells = r.summary.cells.to_string(),
        ))
    );
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"78\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\">{}</text>",
        left + cell_w * r.columns.len() as f64 / 2.0,
        esc(&tr!(lang, "chart-destination-axis"))
    );
    for (j, c) in r.columns.iter().enumerate() {
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\">{}</text>",
            left + cell_w * (j as f64 + 0.5),
            top - 8.0,
            esc(c)
        );
    }
    let _ = writeln!(
        s,
        "<text x=\"18\" y=\"{}\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\" transform=\"rotate(-90 18 {})\">{}</text>",
        top + grid_h / 2.0,
        top + grid_h / 2.0,
        esc(&tr!(lang, "chart-chip-axis"))
    );
    for (i, (_, name)) in r.rows.iter().enumerate() {
        let y = top + cell_h * i as f64;
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
            left - 8.0,
            y + 14.0,
            esc(name)
        );
        for (j, cell) in r.matrix[i].iter().enumerate() {
            let x = left + cell_w * j as f64;
            let _ = writeln!(
                s,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{cell_w}\" height=\"{cell_h}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
                colour(cell.verdict)
            );
            let _ = writeln!(
                s,
                "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{}\">{}</text>",
                x + cell_w / 2.0,
                y + 14.0,
                ink(cell.verdict),
                esc(&code(cell.verdict, cell.exception.as_deref()))
            );
        }
    }
    // Outlines last, so neighbouring cells do not paint over them.
    for (i, row) in r.matrix.iter().enumerate() {
        for (j, _) in row.iter().enumerate().filter(|(_, c)| c.changed) {
            let _ = writeln!(
                s,
                "<rect class=\"changed\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#000000\" stroke-width=\"3\"/>",
                left + cell_w * j as f64 + 1.5,
                top + cell_h * i as f64 + 1.5,
                cell_w - 3.0,
                cell_h - 3.0
            );
        }
    }
    let ly = top + grid_h + 30.0;
    let lh = legend(&mut s, 20.0, ly, true, lang);
    let _ = writeln!(
        s,
        "<rect x=\"20\" y=\"{}\" width=\"16\" height=\"16\" fill=\"none\" stroke=\"#000\" stroke-width=\"3\"/><text x=\"42\" y=\"{}\" font-size=\"12\">{}</text>",
        ly + lh + 8.0,
        ly + lh + 20.5,
        esc(&tr!(
            lang,
            "chart-outlined",
            from = crate::explore::point(&r.from, lang)
        ))
    );
    s.push_str("</svg>\n");
    s
}

/// Days from the timeline's start.
fn day(d: Date) -> f64 {
    TIMELINE_START
        .until(d)
        .map(|s| f64::from(s.get_days()))
        .unwrap_or(0.0)
}

/// A step chart of a chip's determination for a destination: one level per verdict, the line
/// stepping on each date the outcome changed, a coloured band per period, and the change dates.
pub fn timeline_chart(r: &TimelineReport, end: Date, lang: Lang) -> String {
    let levels: Vec<Verdict> = Verdict::ALL.to_vec();
    let (left, right, top) = (260.0, 40.0, 90.0);
    let plot_w = 900.0;
    let row_h = 30.0;
    let plot_h = row_h * levels.len() as f64;
    let band_y = top + plot_h + 46.0;
    let width = left + plot_w + right;
    let changes_y = band_y + 50.0;
    let change_lines = r.periods.len() as f64;
    let height = changes_y + 18.0 * change_lines + 130.0;
    let span = day(end).max(1.0);
    let x = |d: Date| left + plot_w * (day(d) / span).clamp(0.0, 1.0);
    let y =
        |v: Verdict| top + row_h * (levels.iter().position(|l| *l == v).unwrap_or(0) as f64 + 0.5);

    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" {FONT}>"
    );
    let _ = writeln!(s, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    let scenario = r
        .scenario
        .as_deref()
        .map(|s| tr!(lang, "chart-with-scenario", scenario = s))
        .unwrap_or_default();
    let _ = writeln!(
        s,
        "<text x=\"20\" y=\"30\" font-size=\"18\" font-weight=\"bold\">{}</text>",
        esc(&tr!(
            lang,
            "chart-timeline-title",
            chip = r.chip_name.as_str(),
            destination = r.destination.as_str(),
            start = TIMELINE_START.to_string(),
            end = end.to_string(),
            scenario = scenario,
        ))
    );
    let _ = writeln!(
        s,
        "<text x=\"20\" y=\"52\" font-size=\"13\">{}</text>",
        esc(&tr!(lang, "chart-timeline-subtitle"))
    );
    // Y axis: one labelled level per verdict, shaded in its colour.
    let _ = writeln!(
        s,
        "<text x=\"16\" y=\"{}\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\" transform=\"rotate(-90 16 {})\">{}</text>",
        top + plot_h / 2.0,
        top + plot_h / 2.0,
        esc(&tr!(lang, "chart-determination-axis"))
    );
    for v in &levels {
        let yy = y(*v);
        let _ = writeln!(
            s,
            "<rect x=\"{left}\" y=\"{}\" width=\"{plot_w}\" height=\"{row_h}\" fill=\"{}\" fill-opacity=\"0.15\"/>",
            yy - row_h / 2.0,
            colour(*v)
        );
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
            left - 8.0,
            yy + 4.0,
            esc(&outcome_class(*v, lang))
        );
    }
    // X axis: a tick and label on each Jan 1 and Jul 1.
    let axis_y = top + plot_h;
    let _ = writeln!(
        s,
        "<line x1=\"{left}\" y1=\"{axis_y}\" x2=\"{}\" y2=\"{axis_y}\" stroke=\"#000\"/>",
        left + plot_w
    );
    let _ = writeln!(
        s,
        "<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{axis_y}\" stroke=\"#000\"/>"
    );
    for year in TIMELINE_START.year()..=end.year() {
        for month in [1i8, 7] {
            let Ok(d) = Date::new(year, month, 1) else {
                continue;
            };
            if d < TIMELINE_START || d > end {
                continue;
            }
            let xx = x(d);
            let _ = writeln!(
                s,
                "<line x1=\"{xx}\" y1=\"{top}\" x2=\"{xx}\" y2=\"{}\" stroke=\"#999\" stroke-dasharray=\"2,3\"/>",
                axis_y + 5.0
            );
            let label = if month == 1 {
                year.to_string()
            } else {
                tr!(lang, "chart-july", year = year.to_string())
            };
            let weight = if month == 1 { "bold" } else { "normal" };
            let _ = writeln!(
                s,
                "<text x=\"{xx}\" y=\"{}\" font-size=\"11\" font-weight=\"{weight}\" text-anchor=\"middle\">{}</text>",
                axis_y + 18.0,
                esc(&label)
            );
        }
    }
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"{}\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\">{}</text>",
        left + plot_w / 2.0,
        axis_y + 36.0,
        esc(&tr!(lang, "chart-date-axis"))
    );
    // The step line and the band.
    let mut path = String::new();
    for (i, p) in r.periods.iter().enumerate() {
        let (x0, x1) = (x(p.from), x(p.until.unwrap_or(end)));
        let yy = y(p.outcome.verdict);
        let _ = write!(
            path,
            "{}{x0:.1},{yy:.1} L{x1:.1},{yy:.1} ",
            if i == 0 { "M" } else { "L" }
        );
        let _ = writeln!(
            s,
            "<rect x=\"{x0:.1}\" y=\"{band_y}\" width=\"{:.1}\" height=\"22\" fill=\"{}\" stroke=\"#ffffff\"><title>{}: {}</title></rect>",
            (x1 - x0).max(1.0),
            colour(p.outcome.verdict),
            p.from,
            esc(&crate::explore::brief(&p.outcome, lang))
        );
        let _ = writeln!(
            s,
            "<circle cx=\"{x0:.1}\" cy=\"{yy:.1}\" r=\"4\" fill=\"#000\"/>"
        );
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#000\">{}</text>",
            x0 + 5.0,
            yy - 7.0,
            p.from
        );
    }
    let _ = writeln!(
        s,
        "<path d=\"{}\" fill=\"none\" stroke=\"#000\" stroke-width=\"2.5\"/>",
        path.trim_end()
    );
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
        left - 8.0,
        band_y + 15.0,
        esc(&tr!(lang, "chart-outcome-band"))
    );
    // What changed on each step, with its citation.
    let _ = writeln!(
        s,
        "<text x=\"20\" y=\"{}\" font-size=\"13\" font-weight=\"bold\">{}</text>",
        changes_y,
        esc(&tr!(lang, "chart-changes"))
    );
    for (i, p) in r.periods.iter().enumerate() {
        // Name the rule that took effect before a lapse or a Country Group change on the same day.
        let first = p
            .changed_by
            .iter()
            .find(|e| matches!(e, Event::Amendment(_)))
            .or(p.changed_by.first());
        let cause = match first {
            Some(Event::Amendment(a)) => format!("{} ({})", a.id, a.cite.text),
            Some(e) => crate::explore::event(e, lang),
            None => tr!(lang, "chart-start"),
        };
        let line = tr!(
            lang,
            "chart-change",
            date = p.from.to_string(),
            outcome = outcome_class(p.outcome.verdict, lang),
            cause = cause,
        );
        let _ = writeln!(
            s,
            "<text x=\"20\" y=\"{}\" font-size=\"11\">{}</text>",
            changes_y + 18.0 * (i as f64 + 1.0),
            esc(&truncate(&line, 170))
        );
    }
    legend(
        &mut s,
        20.0,
        changes_y + 18.0 * change_lines + 34.0,
        false,
        lang,
    );
    s.push_str("</svg>\n");
    s
}

/// Cuts `s` to at most `n` characters, marking the cut.
fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}
