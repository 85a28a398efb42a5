//! Training examples: the written JSON Lines examples and the quotes of gold articles.

use crate::error::Error;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::eval::extraction::match_quotes;
use crate::eval::gold::GoldArticle;
use crate::quotes::Extraction;
use crate::stance::features::QuoteInput;
use crate::stance::task::Task;

/// One labelled quote with its context.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainExample {
    /// The quote and its context (its fields sit at the top level of the JSON).
    #[serde(flatten)]
    pub input: QuoteInput,
    /// Gold stance label (one of the task's labels).
    pub stance: String,
    /// Gold sentiment label: `positive`, `negative` or `neutral`.
    pub sentiment: String,
    /// Examples of one group (an article, a batch of written examples) stay in one fold.
    pub group: String,
}

/// Reads a JSON Lines file of [`TrainExample`]s, checking labels against the task.
pub fn load_examples(path: &Path, task: &Task) -> Result<Vec<TrainExample>, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let sentiment = Task::sentiment();
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| Error::TrainData {
            path: path.to_path_buf(),
            line: i + 1,
            message,
        };
        let ex: TrainExample = serde_json::from_str(line).map_err(|e| err(e.to_string()))?;
        if task.label_index(&ex.stance).is_none() {
            return Err(err(format!(
                "unknown stance `{}` for task {} ({:?})",
                ex.stance, task.name, task.labels
            )));
        }
        if sentiment.label_index(&ex.sentiment).is_none() {
            return Err(err(format!("unknown sentiment `{}`", ex.sentiment)));
        }
        if ex.input.quote.trim().is_empty() {
            return Err(err("empty quote".into()));
        }
        out.push(ex);
    }
    Ok(out)
}

/// Training examples from gold articles: each gold quote with its sentence,
/// paragraph, gold speaker and role, and the reporting verb the extractor found.
pub fn examples_from_gold(articles: &[GoldArticle]) -> Vec<TrainExample> {
    articles
        .iter()
        .flat_map(|g| examples_from_gold_article(g, &crate::quotes::extract(&g.text)))
        .collect()
}

/// The same for one gold article already extracted (`ex` is its extraction:
/// its segments give the context, its cues the reporting verbs).
pub fn examples_from_gold_article(g: &GoldArticle, ex: &Extraction) -> Vec<TrainExample> {
    let mut out = Vec::new();
    let seg = &ex.segments;
    let pairs = match_quotes(&g.text, &g.quotes, ex);
    for (gi, q) in g.quotes.iter().enumerate() {
        let (sentence, paragraph) = seg.context(q.span());
        let cue = pairs
            .iter()
            .find(|(a, _)| *a == gi)
            .and_then(|(_, pi)| ex.quotes[*pi].cue)
            .map(|c| c.text(&g.text).to_string());
        let role = g
            .speakers
            .iter()
            .find(|s| s.name == q.speaker)
            .and_then(|s| s.role.clone());
        out.push(TrainExample {
            input: QuoteInput {
                quote: q.span().text(&g.text).to_string(),
                sentence: sentence.text(&g.text).to_string(),
                paragraph: paragraph.text(&g.text).to_string(),
                speaker: q.speaker.clone(),
                role,
                kind: q.kind,
                cue,
            },
            stance: q.stance.clone(),
            sentiment: q.sentiment.clone(),
            group: g.id.clone(),
        });
    }
    out
}

/// A gold speaker's stance in one dev article (for speaker-level scores on dev).
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerLabel {
    /// The article's id (the group of its examples).
    pub group: String,
    /// The speaker's name in the gold article.
    pub speaker: String,
    /// The speaker's gold stance label.
    pub stance: String,
}

/// The gold speakers of `articles` with their stances.
pub fn speaker_labels_from_gold(articles: &[GoldArticle]) -> Vec<SpeakerLabel> {
    articles
        .iter()
        .flat_map(|g| {
            g.speakers.iter().map(|s| SpeakerLabel {
                group: g.id.clone(),
                speaker: s.name.clone(),
                stance: s.stance.clone(),
            })
        })
        .collect()
}

/// A quote's byte length and stance probabilities, as `aggregate` takes them.
pub(crate) type QuoteWeight = (usize, Vec<f32>);
