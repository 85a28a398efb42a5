//! The evaluation report: one in-memory result, written as Markdown (for
//! people and the README), JSON (for machines) and a self-contained HTML page
//! with inline SVG charts. Deterministic: fixed bootstrap seed, stable order,
//! no timestamps.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use super::extraction::{score_extraction, ExtractionScores};
use super::gold::GoldArticle;
use super::metrics::Classification;
use super::stance::{gold_speaker_items, reliability, score_stance, PredictorScores, StanceRun};
use crate::quotes::Extraction;
use crate::stance::{aggregate, head::argmax, QuotePrediction, Task};

/// One predictor's outputs on the gold articles.
pub struct Predictions {
    pub name: String,
    /// Per article, one prediction per gold quote.
    pub oracle: Vec<Vec<QuotePrediction>>,
    /// Per article, one prediction per extracted quote.
    pub end_to_end: Vec<Vec<QuotePrediction>>,
}

pub struct EvalInput<'a> {
    pub gold: &'a [GoldArticle],
    pub extractions: &'a [Extraction],
    pub task: &'a Task,
    /// Side by side; the last is the one the errors and charts describe.
    pub predictors: Vec<Predictions>,
    pub split: String,
    pub bootstrap: usize,
    pub seed: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Headline {
    pub name: String,
    pub value: f64,
    pub ci_low: f64,
    pub ci_high: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SpeakerRow {
    pub article: String,
    pub speaker: String,
    pub quotes: usize,
    pub gold: String,
    pub predicted: String,
}

/// How the last predictor did on one article (gold quotes given): shows
/// whether errors are spread out or concentrated in a few articles.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRow {
    pub article: String,
    pub quotes: usize,
    pub stance_correct: usize,
    pub sentiment_correct: usize,
    pub speakers: usize,
    pub speakers_correct: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct StanceMistake {
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: String,
    pub gold_stance: String,
    pub predicted_stance: String,
    pub gold_sentiment: String,
    pub predicted_sentiment: String,
    pub probability: f32,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    pub tool: String,
    pub split: String,
    pub articles: usize,
    pub quotes: usize,
    pub task: String,
    pub labels: Vec<String>,
    pub bootstrap: BootstrapInfo,
    pub headline: Vec<Headline>,
    pub extraction: ExtractionScores,
    pub stance: Vec<PredictorScores>,
    /// (mean confidence, accuracy, count) per bin, for the last predictor.
    pub reliability: Vec<(f64, f64, usize)>,
    pub speakers: Vec<SpeakerRow>,
    pub per_article: Vec<ArticleRow>,
    pub stance_errors: Vec<StanceMistake>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BootstrapInfo {
    pub resamples: usize,
    pub seed: u64,
    pub unit: String,
}

/// SplitMix64: a small, fixed, portable generator for the bootstrap.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// The headline numbers for a subset of articles (by index).
fn headline_values(input: &EvalInput, idx: &[usize]) -> Vec<f64> {
    let gold: Vec<GoldArticle> = idx.iter().map(|&i| input.gold[i].clone()).collect();
    let items: Vec<(&GoldArticle, &Extraction)> = idx
        .iter()
        .map(|&i| (&input.gold[i], &input.extractions[i]))
        .collect();
    let ex = score_extraction(&items);
    let mut v = vec![
        ex.direct_partial.overlap.f1,
        ex.indirect.overlap.f1,
        ex.attribution.strict_accuracy,
    ];
    if let Some(p) = input.predictors.last() {
        let run = StanceRun {
            name: p.name.clone(),
            gold: &gold,
            oracle: idx.iter().map(|&i| p.oracle[i].clone()).collect(),
            end_to_end: Some(
                idx.iter()
                    .map(|&i| (input.extractions[i].clone(), p.end_to_end[i].clone()))
                    .collect(),
            ),
        };
        let s = score_stance(input.task, &run);
        v.push(s.quote_stance.macro_f1);
        v.push(s.end_to_end_quote_stance.map(|c| c.macro_f1).unwrap_or(0.0));
        v.push(s.speaker_stance.accuracy);
        v.push(s.quote_sentiment.macro_f1);
    }
    v
}

const HEADLINE_NAMES: [&str; 7] = [
    "direct + partial extraction F1 (overlap)",
    "indirect extraction F1 (overlap)",
    "attribution accuracy (strict)",
    "quote stance macro-F1 (gold quotes)",
    "quote stance macro-F1 (end to end)",
    "speaker stance accuracy (gold quotes)",
    "quote sentiment macro-F1 (gold quotes)",
];

/// The headline numbers (extraction, and the last predictor's stance and
/// sentiment) with 95% intervals from `input.bootstrap` resamples of articles.
pub fn headlines(input: &EvalInput) -> Vec<Headline> {
    let n = input.gold.len();
    let all: Vec<usize> = (0..n).collect();
    let values = headline_values(input, &all);
    let mut rng = SplitMix64(input.seed);
    let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(input.bootstrap); values.len()];
    for _ in 0..input.bootstrap {
        let idx: Vec<usize> = (0..n)
            .map(|_| (rng.next() % n.max(1) as u64) as usize)
            .collect();
        for (k, v) in headline_values(input, &idx).into_iter().enumerate() {
            samples[k].push(v);
        }
    }
    values
        .iter()
        .enumerate()
        .map(|(k, &value)| {
            let mut s = samples[k].clone();
            s.sort_by(f64::total_cmp);
            Headline {
                name: HEADLINE_NAMES[k].to_string(),
                value,
                ci_low: percentile(&s, 0.025),
                ci_high: percentile(&s, 0.975),
            }
        })
        .collect()
}

/// Scores everything and bootstraps 95% intervals by resampling articles.
pub fn build_report(input: &EvalInput) -> EvalReport {
    let headline = headlines(input);
    let items: Vec<(&GoldArticle, &Extraction)> =
        input.gold.iter().zip(input.extractions).collect();
    let extraction = score_extraction(&items);
    let stance: Vec<PredictorScores> = input
        .predictors
        .iter()
        .map(|p| {
            score_stance(
                input.task,
                &StanceRun {
                    name: p.name.clone(),
                    gold: input.gold,
                    oracle: p.oracle.clone(),
                    end_to_end: Some(
                        input
                            .extractions
                            .iter()
                            .cloned()
                            .zip(p.end_to_end.iter().cloned())
                            .collect(),
                    ),
                },
            )
        })
        .collect();
    let sentiment = Task::sentiment();
    let (mut speakers, mut stance_errors, mut rel) = (Vec::new(), Vec::new(), Vec::new());
    let mut per_article = Vec::new();
    if let Some(p) = input.predictors.last() {
        let mut probs = Vec::new();
        let mut gold_labels = Vec::new();
        for (g, preds) in input.gold.iter().zip(&p.oracle) {
            let mut row = ArticleRow {
                article: g.id.clone(),
                quotes: g.quotes.len(),
                stance_correct: 0,
                sentiment_correct: 0,
                speakers: 0,
                speakers_correct: 0,
            };
            for (q, pr) in g.quotes.iter().zip(preds) {
                let label = argmax(&pr.stance);
                probs.push(pr.stance.clone());
                gold_labels.push(input.task.label_index(&q.stance).unwrap_or(0));
                let sent = &sentiment.labels[argmax(&pr.sentiment)];
                row.stance_correct += usize::from(input.task.labels[label] == q.stance);
                row.sentiment_correct += usize::from(*sent == q.sentiment);
                if input.task.labels[label] != q.stance || *sent != q.sentiment {
                    stance_errors.push(StanceMistake {
                        article: g.id.clone(),
                        start: q.start,
                        end: q.end,
                        text: q.span().text(&g.text).to_string(),
                        speaker: q.speaker.clone(),
                        gold_stance: q.stance.clone(),
                        predicted_stance: input.task.labels[label].clone(),
                        gold_sentiment: q.sentiment.clone(),
                        predicted_sentiment: sent.clone(),
                        probability: (pr.stance[label] * 1000.0).round() / 1000.0,
                    });
                }
            }
            for s in &g.speakers {
                let items = gold_speaker_items(g, preds, &s.name);
                if items.is_empty() {
                    continue;
                }
                let predicted = input.task.labels[aggregate(input.task, &items).label].clone();
                row.speakers += 1;
                row.speakers_correct += usize::from(predicted == s.stance);
                speakers.push(SpeakerRow {
                    article: g.id.clone(),
                    speaker: s.name.clone(),
                    quotes: items.len(),
                    gold: s.stance.clone(),
                    predicted,
                });
            }
            per_article.push(row);
        }
        rel = reliability(&probs, &gold_labels);
    }
    EvalReport {
        tool: format!("quotestance {}", env!("CARGO_PKG_VERSION")),
        split: input.split.clone(),
        articles: input.gold.len(),
        quotes: input.gold.iter().map(|g| g.quotes.len()).sum(),
        task: input.task.target.clone(),
        labels: input.task.labels.clone(),
        bootstrap: BootstrapInfo {
            resamples: input.bootstrap,
            seed: input.seed,
            unit: "article".into(),
        },
        headline,
        extraction,
        stance,
        reliability: rel,
        speakers,
        per_article,
        stance_errors,
    }
}

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

pub use crate::fsutil::write_atomic;

/// report.md, report.json and report.html in `dir`.
pub fn write_reports(r: &EvalReport, dir: &Path) -> std::io::Result<()> {
    let json = serde_json::to_string_pretty(r).map_err(std::io::Error::other)? + "\n";
    write_atomic(&dir.join("report.json"), json.as_bytes())?;
    write_atomic(&dir.join("report.md"), to_markdown(r).as_bytes())?;
    write_atomic(&dir.join("report.html"), to_html(r).as_bytes())
}
