//! The evaluation report written out: Markdown (for people and the README),
//! a self-contained HTML page with inline SVG charts, and JSON (for machines).

use std::fmt::Write as _;
use std::path::Path;

use super::metrics::Classification;
use super::report::{EvalReport, SpeakerRow};

/// `correct / total` for a table cell, blank when there is nothing to count.
fn share(correct: usize, total: usize) -> String {
    if total == 0 {
        String::new()
    } else {
        format!("{correct}/{total} ({:.2})", correct as f64 / total as f64)
    }
}

fn f3(x: f64) -> String {
    format!("{x:.3}")
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn md_confusion(out: &mut String, title: &str, c: &Classification) {
    let _ = writeln!(out, "**{title}** (rows gold, columns predicted)\n");
    let _ = writeln!(out, "| gold \\ predicted | {} |", c.labels.join(" | "));
    let _ = writeln!(out, "|---|{}", "---|".repeat(c.labels.len()));
    for (i, row) in c.confusion.iter().enumerate() {
        let cells: Vec<String> = row.iter().map(|v| v.to_string()).collect();
        let _ = writeln!(out, "| {} | {} |", c.labels[i], cells.join(" | "));
    }
    out.push('\n');
}

fn md_per_label(out: &mut String, c: &Classification) {
    let _ = writeln!(
        out,
        "| label | precision | recall | F1 | gold | predicted |\n|---|---|---|---|---|---|"
    );
    for (l, p) in c.labels.iter().zip(&c.per_label) {
        let _ = writeln!(
            out,
            "| {l} | {} | {} | {} | {} | {} |",
            f3(p.precision),
            f3(p.recall),
            f3(p.f1),
            p.gold,
            p.predicted
        );
    }
    out.push('\n');
}

/// The Markdown report.
pub fn to_markdown(r: &EvalReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# quotestance evaluation — {} split\n", r.split);
    let _ = writeln!(
        out,
        "{} articles, {} gold quotes; target: {}. Produced by `{}`; 95% intervals from {} bootstrap resamples of articles (seed {}).\n",
        r.articles, r.quotes, r.task, r.tool, r.bootstrap.resamples, r.bootstrap.seed
    );
    let _ = writeln!(
        out,
        "## Headline\n\n| measure | value | 95% interval |\n|---|---|---|"
    );
    for h in &r.headline {
        let _ = writeln!(
            out,
            "| {} | {} | {} – {} |",
            h.name,
            f3(h.value),
            f3(h.ci_low),
            f3(h.ci_high)
        );
    }
    let _ = writeln!(out, "\n## Stance and sentiment, side by side\n");
    let _ = writeln!(out, "| predictor | quote accuracy | quote macro-F1 | end-to-end quote macro-F1 | speaker accuracy | speaker macro-F1 | sentiment macro-F1 | stance ECE |\n|---|---|---|---|---|---|---|---|");
    for s in &r.stance {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            s.name,
            f3(s.quote_stance.accuracy),
            f3(s.quote_stance.macro_f1),
            s.end_to_end_quote_stance
                .as_ref()
                .map(|c| f3(c.macro_f1))
                .unwrap_or_default(),
            f3(s.speaker_stance.accuracy),
            f3(s.speaker_stance.macro_f1),
            f3(s.quote_sentiment.macro_f1),
            f3(s.stance_ece)
        );
    }
    let e = &r.extraction;
    let _ = writeln!(out, "\n## Extraction and attribution\n\n| group | precision | recall | F1 (overlap) | F1 (exact) |\n|---|---|---|---|---|");
    for (name, g) in [
        ("direct + partial", &e.direct_partial),
        ("indirect", &e.indirect),
    ] {
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {} |",
            f3(g.overlap.precision),
            f3(g.overlap.recall),
            f3(g.overlap.f1),
            f3(g.exact.f1)
        );
    }
    let _ = writeln!(
        out,
        "\nAttribution on {} matched quotes: strict {}, lenient {}.\n",
        e.attribution.matched,
        f3(e.attribution.strict_accuracy),
        f3(e.attribution.lenient_accuracy)
    );
    if let Some(best) = r.stance.last() {
        let _ = writeln!(
            out,
            "## {} — per label\n\n### Stance (gold quotes given)\n",
            best.name
        );
        md_per_label(&mut out, &best.quote_stance);
        md_confusion(&mut out, "Stance confusion", &best.quote_stance);
        let _ = writeln!(out, "### Sentiment (gold quotes given)\n");
        md_per_label(&mut out, &best.quote_sentiment);
        md_confusion(&mut out, "Sentiment confusion", &best.quote_sentiment);
        let _ = writeln!(out, "### Speakers\n\n| article | speaker | quotes | gold | predicted |\n|---|---|---|---|---|");
        for s in &r.speakers {
            let mark = if s.gold == s.predicted { "" } else { " ✗" };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {}{mark} |",
                s.article,
                md_cell(&s.speaker),
                s.quotes,
                s.gold,
                s.predicted
            );
        }
        let _ = writeln!(out, "\n### Per article (gold quotes given)\n\n| article | stance right | sentiment right | speakers right |\n|---|---|---|---|");
        for a in &r.per_article {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                a.article,
                share(a.stance_correct, a.quotes),
                share(a.sentiment_correct, a.quotes),
                share(a.speakers_correct, a.speakers)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## Errors\n\n### Stance or sentiment wrong ({})\n\n| article | speaker | quote | gold stance | predicted | p | gold sentiment | predicted |\n|---|---|---|---|---|---|---|---|", r.stance_errors.len());
    for m in &r.stance_errors {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {:.2} | {} | {} |",
            m.article,
            md_cell(&m.speaker),
            md_cell(&crate::output::shorten(&m.text, 90)),
            m.gold_stance,
            m.predicted_stance,
            m.probability,
            m.gold_sentiment,
            m.predicted_sentiment
        );
    }
    let _ = writeln!(out, "\n### Extraction and attribution ({})\n\n| article | kind | quote | gold speaker | predicted speaker |\n|---|---|---|---|---|", e.errors.len());
    for x in &e.errors {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            x.article,
            x.kind,
            md_cell(&crate::output::shorten(&x.text, 90)),
            md_cell(x.gold_speaker.as_deref().unwrap_or("")),
            md_cell(x.predicted_speaker.as_deref().unwrap_or(""))
        );
    }
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A confusion-matrix heat map.
fn svg_confusion(title: &str, c: &Classification) -> String {
    let k = c.labels.len();
    let cell = 64;
    let (left, top) = (110, 40);
    let w = left + k * cell + 20;
    let h = top + k * cell + 60;
    let max = c
        .confusion
        .iter()
        .flatten()
        .copied()
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let mut s = format!("<svg role=\"img\" aria-label=\"{}\" class=\"chart confusion\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\">", esc(title));
    let _ = write!(
        s,
        "<text x=\"4\" y=\"18\" class=\"t\">{}</text>",
        esc(title)
    );
    for (i, row) in c.confusion.iter().enumerate() {
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            left - 6,
            top + i * cell + cell / 2 + 4,
            esc(&c.labels[i])
        );
        for (j, &v) in row.iter().enumerate() {
            let a = v as f64 / max;
            let fill = if i == j {
                format!("rgba(34,139,84,{:.2})", 0.1 + 0.9 * a)
            } else {
                format!("rgba(200,60,50,{:.2})", 0.05 + 0.9 * a)
            };
            let (x, y) = (left + j * cell, top + i * cell);
            let _ = write!(s, "<rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{}\" fill=\"{fill}\" stroke=\"#fff\"/>", cell - 2, cell - 2);
            let _ = write!(
                s,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{v}</text>",
                x + cell / 2,
                y + cell / 2 + 4
            );
        }
    }
    for (j, l) in c.labels.iter().enumerate() {
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            left + j * cell + cell / 2,
            top + k * cell + 16,
            esc(l)
        );
    }
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"axis\">predicted</text></svg>",
        left + k * cell / 2,
        top + k * cell + 40
    );
    s
}

/// Per-label precision and recall bars.
fn svg_prf(title: &str, c: &Classification) -> String {
    let bar_w = 18;
    let group = 70;
    let (left, top, plot_h) = (40, 30, 160);
    let w = left + c.labels.len() * group + 20;
    let h = top + plot_h + 50;
    let mut s = format!("<svg role=\"img\" aria-label=\"{}\" class=\"chart prf\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\">", esc(title));
    let _ = write!(
        s,
        "<text x=\"4\" y=\"18\" class=\"t\">{}</text>",
        esc(title)
    );
    for t in 0..=4 {
        let y = top + plot_h - t * plot_h / 4;
        let _ = write!(s, "<line x1=\"{left}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#ddd\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{:.2}</text>", w - 10, left - 4, y + 4, t as f64 / 4.0);
    }
    for (i, (l, p)) in c.labels.iter().zip(&c.per_label).enumerate() {
        let x = left + 10 + i * group;
        for (j, (v, color)) in [(p.precision, "#3b6fb6"), (p.recall, "#e08a2c")]
            .iter()
            .enumerate()
        {
            let bh = (v * plot_h as f64).round() as usize;
            let _ = write!(s, "<rect x=\"{}\" y=\"{}\" width=\"{bar_w}\" height=\"{bh}\" fill=\"{color}\"><title>{} {}: {:.3}</title></rect>", x + j * (bar_w + 2), top + plot_h - bh, esc(l), if j == 0 { "precision" } else { "recall" }, v);
        }
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            x + bar_w,
            top + plot_h + 16,
            esc(l)
        );
    }
    let _ = write!(s, "<rect x=\"{left}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"#3b6fb6\"/><text x=\"{}\" y=\"{}\">precision</text><rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"#e08a2c\"/><text x=\"{}\" y=\"{}\">recall</text></svg>", top + plot_h + 28, left + 14, top + plot_h + 37, left + 90, top + plot_h + 28, left + 104, top + plot_h + 37);
    s
}

/// Reliability diagram: accuracy against confidence per bin.
fn svg_reliability(points: &[(f64, f64, usize)]) -> String {
    let (left, top, size) = (40, 30, 200);
    let w = left + size + 20;
    let h = top + size + 40;
    let mut s = format!("<svg role=\"img\" aria-label=\"reliability diagram\" class=\"chart reliability\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\">");
    let _ = write!(
        s,
        "<text x=\"4\" y=\"18\" class=\"t\">Reliability (stance, gold quotes)</text>"
    );
    let _ = write!(s, "<rect x=\"{left}\" y=\"{top}\" width=\"{size}\" height=\"{size}\" fill=\"none\" stroke=\"#999\"/>");
    let _ = write!(s, "<line x1=\"{left}\" y1=\"{}\" x2=\"{}\" y2=\"{top}\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>", top + size, left + size);
    let total: usize = points.iter().map(|p| p.2).sum::<usize>().max(1);
    for &(conf, acc, n) in points {
        let x = left as f64 + conf * size as f64;
        let y = top as f64 + (1.0 - acc) * size as f64;
        let r = 3.0 + 12.0 * (n as f64 / total as f64).sqrt();
        let _ = write!(s, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"rgba(59,111,182,0.6)\"><title>confidence {conf:.2}, accuracy {acc:.2}, {n} quotes</title></circle>");
    }
    let _ = write!(s, "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"axis\">confidence</text><text x=\"12\" y=\"{}\" class=\"axis\" transform=\"rotate(-90 12 {})\">accuracy</text></svg>", left + size / 2, top + size + 28, top + size / 2, top + size / 2);
    s
}

/// Per-speaker results: one row per speaker, gold and predicted side by side.
fn svg_speakers(rows: &[SpeakerRow], labels: &[String]) -> String {
    let row_h = 18;
    let (left, top) = (380, 30);
    let col = 90;
    let w = left + 2 * col + 20;
    let h = top + rows.len() * row_h + 20;
    let color = |l: &str| match labels.iter().position(|x| x == l) {
        Some(0) => "#2e8b57",
        Some(1) => "#d4a017",
        Some(2) => "#c0392b",
        _ => "#7f8c8d",
    };
    let mut s = format!("<svg role=\"img\" aria-label=\"per-speaker results\" class=\"chart speakers\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\">");
    let _ = write!(s, "<text x=\"4\" y=\"18\" class=\"t\">Speakers: gold vs predicted stance</text><text x=\"{}\" y=\"{top}\" text-anchor=\"middle\">gold</text><text x=\"{}\" y=\"{top}\" text-anchor=\"middle\">predicted</text>", left + col / 2, left + col + col / 2);
    for (i, r) in rows.iter().enumerate() {
        let y = top + 6 + i * row_h;
        let name = format!(
            "{} · {}",
            crate::output::shorten(&r.speaker, 24),
            crate::output::shorten(&r.article, 20)
        );
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            left - 6,
            y + 12,
            esc(&name)
        );
        for (j, l) in [&r.gold, &r.predicted].iter().enumerate() {
            let _ = write!(s, "<rect x=\"{}\" y=\"{y}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#fff\">{}</text>", left + j * col, col - 6, row_h - 3, color(l), left + j * col + col / 2 - 3, y + 12, esc(l));
        }
        if r.gold != r.predicted {
            let _ = write!(
                s,
                "<text x=\"{}\" y=\"{}\" fill=\"#c0392b\">✗</text>",
                left + 2 * col + 2,
                y + 12
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// The self-contained HTML page.
pub fn to_html(r: &EvalReport) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>quotestance evaluation</title>\n<style>body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}table{border-collapse:collapse;margin:1em 0;font-size:14px}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f3f3f3}svg{font-size:12px;margin:0.5em 1em 0.5em 0}svg .t{font-weight:600;font-size:13px}.charts{display:flex;flex-wrap:wrap;align-items:flex-start}.num{text-align:right}</style></head><body>\n");
    let _ = writeln!(
        out,
        "<h1>quotestance evaluation — {} split</h1>",
        esc(&r.split)
    );
    let _ = writeln!(out, "<p>{} articles, {} gold quotes. Target: {}. {}; 95% intervals from {} bootstrap resamples of articles (seed {}).</p>", r.articles, r.quotes, esc(&r.task), esc(&r.tool), r.bootstrap.resamples, r.bootstrap.seed);
    out.push_str(
        "<h2>Headline</h2><table><tr><th>measure</th><th>value</th><th>95% interval</th></tr>",
    );
    for h in &r.headline {
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"num\">{:.3}</td><td>{:.3} – {:.3}</td></tr>",
            esc(&h.name),
            h.value,
            h.ci_low,
            h.ci_high
        );
    }
    out.push_str("</table><h2>Predictors side by side</h2><table><tr><th>predictor</th><th>quote accuracy</th><th>quote macro-F1</th><th>end-to-end macro-F1</th><th>speaker accuracy</th><th>sentiment macro-F1</th><th>ECE</th></tr>");
    for s in &r.stance {
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"num\">{:.3}</td><td class=\"num\">{:.3}</td><td class=\"num\">{:.3}</td><td class=\"num\">{:.3}</td><td class=\"num\">{:.3}</td><td class=\"num\">{:.3}</td></tr>",
            esc(&s.name),
            s.quote_stance.accuracy,
            s.quote_stance.macro_f1,
            s.end_to_end_quote_stance.as_ref().map(|c| c.macro_f1).unwrap_or(0.0),
            s.speaker_stance.accuracy,
            s.quote_sentiment.macro_f1,
            s.stance_ece
        );
    }
    out.push_str("</table>");
    if let Some(best) = r.stance.last() {
        let _ = write!(out, "<h2>{}</h2><div class=\"charts\">", esc(&best.name));
        out.push_str(&svg_confusion(
            "Stance confusion (gold quotes)",
            &best.quote_stance,
        ));
        out.push_str(&svg_prf("Stance precision and recall", &best.quote_stance));
        out.push_str(&svg_confusion(
            "Sentiment confusion (gold quotes)",
            &best.quote_sentiment,
        ));
        out.push_str(&svg_prf(
            "Sentiment precision and recall",
            &best.quote_sentiment,
        ));
        out.push_str(&svg_reliability(&r.reliability));
        out.push_str("</div><h2>Speakers</h2>");
        out.push_str(&svg_speakers(&r.speakers, &r.labels));
        out.push_str("<h2>Per article (gold quotes given)</h2><table><tr><th>article</th><th>stance right</th><th>sentiment right</th><th>speakers right</th></tr>");
        for a in &r.per_article {
            let _ = write!(
                out,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                esc(&a.article),
                share(a.stance_correct, a.quotes),
                share(a.sentiment_correct, a.quotes),
                share(a.speakers_correct, a.speakers)
            );
        }
        out.push_str("</table>");
    }
    let e = &r.extraction;
    out.push_str("<h2>Extraction and attribution</h2><table><tr><th>group</th><th>precision</th><th>recall</th><th>F1 (overlap)</th><th>F1 (exact)</th></tr>");
    for (name, g) in [
        ("direct + partial", &e.direct_partial),
        ("indirect", &e.indirect),
    ] {
        let _ = write!(out, "<tr><td>{name}</td><td class=\"num\">{:.3}</td><td class=\"num\">{:.3}</td><td class=\"num\">{:.3}</td><td class=\"num\">{:.3}</td></tr>", g.overlap.precision, g.overlap.recall, g.overlap.f1, g.exact.f1);
    }
    let _ = write!(
        out,
        "</table><p>Attribution on {} matched quotes: strict {:.3}, lenient {:.3}.</p>",
        e.attribution.matched, e.attribution.strict_accuracy, e.attribution.lenient_accuracy
    );
    let _ = write!(out, "<h2>Stance or sentiment errors ({})</h2><table><tr><th>article</th><th>speaker</th><th>quote</th><th>gold stance</th><th>predicted</th><th>p</th><th>gold sentiment</th><th>predicted</th></tr>", r.stance_errors.len());
    for m in &r.stance_errors {
        let _ = write!(out, "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{:.2}</td><td>{}</td><td>{}</td></tr>", esc(&m.article), esc(&m.speaker), esc(&m.text), m.gold_stance, m.predicted_stance, m.probability, m.gold_sentiment, m.predicted_sentiment);
    }
    let _ = write!(out, "</table><h2>Extraction errors ({})</h2><table><tr><th>article</th><th>kind</th><th>quote</th><th>gold speaker</th><th>predicted speaker</th></tr>", e.errors.len());
    for x in &e.errors {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&x.article),
            x.kind,
            esc(&x.text),
            esc(x.gold_speaker.as_deref().unwrap_or("")),
            esc(x.predicted_speaker.as_deref().unwrap_or(""))
        );
    }
    out.push_str("</table></body></html>\n");
    out
}

use crate::fsutil::write_atomic;

/// report.md, report.json and report.html in `dir`.
pub fn write_reports(r: &EvalReport, dir: &Path) -> std::io::Result<()> {
    let json = serde_json::to_string_pretty(r).map_err(std::io::Error::other)? + "\n";
    write_atomic(&dir.join("report.json"), json.as_bytes())?;
    write_atomic(&dir.join("report.md"), to_markdown(r).as_bytes())?;
    write_atomic(&dir.join("report.html"), to_html(r).as_bytes())
}
