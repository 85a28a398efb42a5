//! Stance and sentiment: a task, features, heads (trained or zero-shot), and
//! the speaker aggregate. [`Classifier`] classifies whole articles.

pub mod adapter;
pub mod aggregate;
pub mod card;
pub mod features;
pub mod head;
pub mod task;
pub mod zeroshot;

use crate::error::Error;
use std::borrow::Cow;
use std::path::Path;

use serde::Serialize;

pub use aggregate::{aggregate, SpeakerStance};
pub use card::HeadCard;
pub use features::{ContextMode, FeatureSpec, QuoteInput};
pub use head::{LinearHead, TrainConfig};
pub use task::Task;
pub use zeroshot::ZeroShot;

use crate::article::Article;
use crate::model::Encoder;
use crate::quotes::{extract, Extraction, SpeakerKind};

/// One predictor: a trained head or zero-shot similarity.
#[derive(Debug, Clone)]
pub enum Predictor {
    /// A trained linear head.
    Head(LinearHead),
    /// Similarity to each label's hypotheses.
    ZeroShot(ZeroShot),
}

impl Predictor {
    /// What the predictor is, for messages: "trained head" or "zero-shot".
    pub fn name(&self) -> &'static str {
        match self {
            Predictor::Head(_) => "trained head",
            Predictor::ZeroShot(_) => "zero-shot",
        }
    }

    fn spec(&self) -> FeatureSpec {
        match self {
            Predictor::Head(h) => h.spec,
            Predictor::ZeroShot(_) => FeatureSpec {
                context: ContextMode::Quote,
                structured: false,
                lexical: false,
            },
        }
    }

    fn predict(&self, features: &[f32], dim: usize) -> Vec<f32> {
        match self {
            Predictor::Head(h) => h.predict(features),
            // Zero-shot compares the quote's own embedding (the first block).
            Predictor::ZeroShot(z) => z.predict(&features[..dim.min(features.len())]),
        }
    }
}

/// Stance and sentiment of one quote, and its probabilities.
#[derive(Debug, Clone, PartialEq)]
pub struct QuotePrediction {
    /// Stance probabilities, in the task's label order.
    pub stance: Vec<f32>,
    /// Sentiment probabilities, in the sentiment labels' order.
    pub sentiment: Vec<f32>,
}

/// A quote in a classified article.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteResult {
    /// Byte offset where the quote starts in the article text.
    pub start: usize,
    /// Byte offset just past the quote's end.
    pub end: usize,
    /// The quote's text.
    pub text: String,
    /// `direct`, `partial` or `indirect`.
    pub kind: &'static str,
    /// The attributed speaker's name, if any.
    pub speaker: Option<String>,
    /// The most probable stance label.
    pub stance: String,
    /// Probability of each stance label, 0–1, rounded to 3 decimals.
    pub stance_scores: Vec<LabelScore>,
    /// The most probable sentiment label.
    pub sentiment: String,
    /// Probability of each sentiment label, 0–1, rounded to 3 decimals.
    pub sentiment_scores: Vec<LabelScore>,
    /// How the speaker was found (`trailing_cue`, `unattributed` …).
    pub attribution: &'static str,
    /// How sure the attribution is, 0–1, rounded to 3 decimals.
    pub attribution_confidence: f32,
}

/// A label with its score.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LabelScore {
    /// Label name.
    pub label: String,
    /// Probability or share of the label, 0–1, rounded to 3 decimals.
    pub score: f32,
}

/// The quote that carries a speaker's stance.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    /// Byte offset where the quote starts in the article text.
    pub start: usize,
    /// Byte offset just past the quote's end.
    pub end: usize,
    /// The quote's text.
    pub text: String,
}

/// A speaker in a classified article.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerResult {
    /// The speaker's canonical name.
    pub name: String,
    /// Person, organization or group.
    pub kind: SpeakerKind,
    /// The speaker's role or title, if found.
    pub role: Option<String>,
    /// The speaker's stance, aggregated over their quotes.
    pub stance: String,
    /// Share of the speaker's weighted quote length per stance label, 0–1.
    pub scores: Vec<LabelScore>,
    /// Length-weighted mean probability of the chosen stance over their quotes,
    /// 0–1, rounded to 3 decimals.
    pub confidence: f32,
    /// Number of quotes attributed to the speaker.
    pub quotes: usize,
    /// The quote that carries the stance most, if any.
    pub evidence: Option<Evidence>,
}

/// One classified article.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleResult {
    /// The article's identifier.
    pub id: String,
    /// The file the article came from (`-` for stdin).
    pub source: String,
    /// Line number in a JSON Lines input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Speakers found, with their stances.
    pub speakers: Vec<SpeakerResult>,
    /// Quotes found, with their stance and sentiment.
    pub quotes: Vec<QuoteResult>,
    /// Quotes whose encoder input was cut at the token limit.
    pub truncated_inputs: usize,
}

fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

fn scores(labels: &[String], probs: &[f32]) -> Vec<LabelScore> {
    labels
        .iter()
        .zip(probs)
        .map(|(l, &p)| LabelScore {
            label: l.clone(),
            score: round3(p),
        })
        .collect()
}

/// The encoder with a stance and a sentiment predictor for one task.
pub struct Classifier {
    /// The sentence encoder that embeds the texts.
    pub encoder: Encoder,
    /// The stance task: target and labels.
    pub task: Task,
    /// Predicts stance toward the task's target.
    pub stance: Predictor,
    /// Predicts the quote's sentiment.
    pub sentiment: Predictor,
}

impl Classifier {
    /// Loads the trained heads in `head_dir` (checked against the encoder and task).
    pub fn with_heads(
        encoder: Encoder,
        head_dir: &Path,
        weights_sha256: Option<&str>,
    ) -> Result<Self, Error> {
        let card = HeadCard::load(head_dir)?;
        card.check_encoder(weights_sha256, encoder.dim())?;
        let mut encoder = encoder;
        let layers = encoder.architecture().layers;
        if let Some(lora) = card.load_adapter(head_dir, layers)? {
            // The adapter is folded into the weights in memory; the model
            // files stay untouched.
            encoder.merge_lora(&lora)?;
        }
        let (stance, sentiment) = card.load_heads(head_dir, encoder.dim())?;
        Ok(Classifier {
            encoder,
            task: card.task.clone(),
            stance: Predictor::Head(stance),
            sentiment: Predictor::Head(sentiment),
        })
    }

    /// Zero-shot for `task` (and for sentiment).
    pub fn zero_shot(encoder: Encoder, task: Task) -> Result<Self, Error> {
        let stance = ZeroShot::new(&task, &encoder)?;
        let sentiment = ZeroShot::new(&Task::sentiment(), &encoder)?;
        Ok(Classifier {
            encoder,
            task,
            stance: Predictor::ZeroShot(stance),
            sentiment: Predictor::ZeroShot(sentiment),
        })
    }

    /// Feature vectors for `inputs` under `spec`, row-major; and, per input,
    /// whether its quote was cut at the encoder's token limit.
    pub fn features(
        &self,
        inputs: &[QuoteInput],
        spec: FeatureSpec,
    ) -> Result<(Vec<f32>, Vec<bool>), Error> {
        features_for(&self.encoder, inputs, spec, &self.task)
    }

    /// Stance and sentiment probabilities per input, and whether each quote was cut.
    pub fn predict(
        &self,
        inputs: &[QuoteInput],
    ) -> Result<(Vec<QuotePrediction>, Vec<bool>), Error> {
        let dim = self.encoder.dim();
        let stance_spec = self.stance.spec();
        let sentiment_spec = self.sentiment.spec();
        // One feature build holding what both predictors use.
        let widest = stance_spec.union(&sentiment_spec);
        let (x, truncated) = self.features(inputs, widest)?;
        let width = widest.dim(dim);
        let pick = |row, spec| project_view(row, widest, spec, dim);
        let out = x
            .chunks_exact(width.max(1))
            .map(|row| QuotePrediction {
                stance: self.stance.predict(&pick(row, stance_spec), dim),
                sentiment: self.sentiment.predict(&pick(row, sentiment_spec), dim),
            })
            .collect();
        Ok((out, truncated))
    }

    /// Extracts, classifies and aggregates a batch of articles (their quotes go
    /// to the encoder together).
    pub fn classify(&self, articles: &[&Article]) -> Result<Vec<ArticleResult>, Error> {
        let extractions: Vec<Extraction> = articles.iter().map(|a| extract(&a.text)).collect();
        let mut inputs = Vec::new();
        let mut owners = Vec::new();
        for (ai, (a, ex)) in articles.iter().zip(&extractions).enumerate() {
            for input in features::inputs_from_extraction(&a.text, ex) {
                inputs.push(input);
                owners.push(ai);
            }
        }
        let (predictions, truncated) = self.predict(&inputs)?;
        let mut per_article: Vec<Vec<QuotePrediction>> = vec![Vec::new(); articles.len()];
        let mut truncated_per_article = vec![0usize; articles.len()];
        for ((p, cut), &ai) in predictions.into_iter().zip(truncated).zip(&owners) {
            per_article[ai].push(p);
            truncated_per_article[ai] += cut as usize;
        }
        Ok(articles
            .iter()
            .zip(&extractions)
            .zip(per_article)
            .zip(truncated_per_article)
            .map(|(((a, ex), preds), truncated)| self.article_result(a, ex, &preds, truncated))
            .collect())
    }

    /// Builds the per-article result from its extraction and quote predictions.
    pub fn article_result(
        &self,
        article: &Article,
        ex: &Extraction,
        preds: &[QuotePrediction],
        truncated: usize,
    ) -> ArticleResult {
        let sentiment_labels = match &self.sentiment {
            Predictor::Head(h) => h.labels.clone(),
            Predictor::ZeroShot(z) => z.labels.clone(),
        };
        let text = article.text.as_str();
        let quotes: Vec<QuoteResult> = ex
            .quotes
            .iter()
            .zip(preds)
            .map(|(q, p)| QuoteResult {
                start: q.span.start,
                end: q.span.end,
                text: q.span.text(text).to_string(),
                kind: q.kind.as_str(),
                speaker: ex.speaker_name(q).map(str::to_string),
                stance: self.task.labels[head::argmax(&p.stance)].clone(),
                stance_scores: scores(&self.task.labels, &p.stance),
                sentiment: sentiment_labels[head::argmax(&p.sentiment)].clone(),
                sentiment_scores: scores(&sentiment_labels, &p.sentiment),
                attribution: q.attribution.as_str(),
                attribution_confidence: round3(q.confidence),
            })
            .collect();
        let speakers = ex
            .speakers
            .iter()
            .enumerate()
            .map(|(si, s)| {
                let mine: Vec<usize> = ex
                    .quotes
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| q.speaker == Some(si))
                    .map(|(i, _)| i)
                    .collect();
                let items: Vec<(usize, Vec<f32>)> = mine
                    .iter()
                    .map(|&i| (ex.quotes[i].span.len(), preds[i].stance.clone()))
                    .collect();
                let agg = aggregate(&self.task, &items);
                SpeakerResult {
                    name: s.name.clone(),
                    kind: s.kind,
                    role: s.role.clone(),
                    stance: self.task.labels[agg.label].clone(),
                    scores: scores(&self.task.labels, &agg.scores),
                    confidence: round3(agg.confidence),
                    quotes: mine.len(),
                    evidence: agg.evidence.map(|e| {
                        let q = &ex.quotes[mine[e]];
                        Evidence {
                            start: q.span.start,
                            end: q.span.end,
                            text: q.span.text(text).to_string(),
                        }
                    }),
                }
            })
            .collect();
        ArticleResult {
            id: article.id.clone(),
            source: article.source.clone(),
            line: article.line,
            speakers,
            quotes,
            truncated_inputs: truncated,
        }
    }
}

/// Embeds every distinct text once and assembles feature rows; also says,
/// per input, whether its quote was cut at the token limit.
pub fn features_for(
    encoder: &Encoder,
    inputs: &[QuoteInput],
    spec: FeatureSpec,
    task: &Task,
) -> Result<(Vec<f32>, Vec<bool>), Error> {
    let dim = encoder.dim();
    let table = features::TextTable::new(inputs, spec.context);
    let emb = encoder.embed(&table.as_strs())?;
    let width = spec.dim(dim);
    let mut x = Vec::with_capacity(inputs.len() * width);
    let mut quote_cut = Vec::with_capacity(inputs.len());
    for (input, texts) in inputs.iter().zip(&table.index) {
        for (k, &i) in texts.iter().enumerate() {
            x.extend_from_slice(emb.row(i));
            if k == 0 {
                quote_cut.push(emb.truncated.binary_search(&i).is_ok());
            }
        }
        x.extend(features::extra_features(input, spec, task));
    }
    Ok((x, quote_cut))
}

/// [`project`], without a copy when `to` is `from` (the common case in
/// `classify`: one head's spec is the build's, lexical block included).
fn project_view(row: &[f32], from: FeatureSpec, to: FeatureSpec, dim: usize) -> Cow<'_, [f32]> {
    if to == from {
        Cow::Borrowed(row)
    } else {
        Cow::Owned(project(row, from, to, dim))
    }
}

/// Cuts a feature row built under `from` down to what `to` uses (a prefix of
/// the text blocks, then the structured and lexical blocks when `to` has
/// them; a block `from` lacks reads as zeros).
pub fn project(row: &[f32], from: FeatureSpec, to: FeatureSpec, dim: usize) -> Vec<f32> {
    let blocks = to.context.texts().min(from.context.texts());
    let mut out = Vec::with_capacity(to.dim(dim));
    out.extend_from_slice(&row[..blocks * dim]);
    out.resize(to.context.texts() * dim, 0.0);
    let mut start = from.context.texts() * dim;
    for (wanted, present, width) in [
        (to.structured, from.structured, features::STRUCTURED_DIM),
        (to.lexical, from.lexical, features::LEXICAL_DIM),
    ] {
        match (wanted, present) {
            (true, true) => out.extend_from_slice(&row[start..start + width]),
            (true, false) => out.resize(out.len() + width, 0.0),
            _ => {}
        }
        if present {
            start += width;
        }
    }
    out
}

/// The first `ROOT/ENCODER/TASK` of `roots` that holds trained heads (a card).
pub fn find_heads(
    roots: &[std::path::PathBuf],
    encoder: &str,
    task_name: &str,
) -> Option<std::path::PathBuf> {
    roots
        .iter()
        .map(|root| root.join(encoder).join(task_name))
        .find(|dir| dir.join(card::CARD_FILE).is_file())
}

#[cfg(test)]
mod tests {
    use super::*;
    use features::{LEXICAL_DIM, STRUCTURED_DIM};

    #[test]
    fn projection_keeps_each_block_a_narrower_spec_uses() {
        let dim = 2;
        let spec = |context, structured, lexical| FeatureSpec {
            context,
            structured,
            lexical,
        };
        let wide = spec(ContextMode::QuoteSentence, true, true);
        // Blocks numbered so each value says where it came from.
        let mut row = vec![1.0, 1.0, 2.0, 2.0];
        row.extend(std::iter::repeat_n(3.0, STRUCTURED_DIM));
        row.extend(std::iter::repeat_n(4.0, LEXICAL_DIM));
        assert_eq!(row.len(), wide.dim(dim));
        assert_eq!(project(&row, wide, wide, dim), row);

        let quote_lexical = project(&row, wide, spec(ContextMode::Quote, false, true), dim);
        assert_eq!(quote_lexical.len(), dim + LEXICAL_DIM);
        assert_eq!(&quote_lexical[..2], &[1.0, 1.0]);
        assert!(quote_lexical[2..].iter().all(|&v| v == 4.0));

        let structured = project(
            &row,
            wide,
            spec(ContextMode::QuoteSentence, true, false),
            dim,
        );
        assert_eq!(structured.len(), 2 * dim + STRUCTURED_DIM);
        assert!(structured[4..].iter().all(|&v| v == 3.0));

        // A block the source row lacks reads as zeros, at full width.
        let narrow = spec(ContextMode::Quote, false, false);
        let filled = project(&[1.0, 1.0], narrow, wide, dim);
        assert_eq!(filled.len(), wide.dim(dim));
        assert!(filled[2..].iter().all(|&v| v == 0.0));
    }
}
