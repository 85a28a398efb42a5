//! One gold set ready for scoring, shared by `evaluate` and `compare`.

use std::path::Path;

use anyhow::{bail, Context, Result};

use quotestance::eval;
use quotestance::stance::{self, Classifier, Task};
use quotestance::train;

/// One gold set ready for scoring: articles, their extractions, and the
/// classifier inputs for gold quotes and for extracted ones.
pub(super) struct ScoredSet {
    pub(super) name: String,
    pub(super) articles: Vec<eval::GoldArticle>,
    pub(super) extractions: Vec<quotestance::quotes::Extraction>,
    pub(super) oracle: Vec<Vec<stance::QuoteInput>>,
    pub(super) end_to_end: Vec<Vec<stance::QuoteInput>>,
}

impl ScoredSet {
    pub(super) fn load(name: &str, dir: &Path, split: eval::Split) -> Result<Self> {
        let articles = eval::load_gold_dir(dir, Some(split))
            .with_context(|| format!("reading the gold set in {}", dir.display()))?;
        if articles.is_empty() {
            bail!("{} has no {split:?} articles", dir.display());
        }
        Ok(ScoredSet::new(name, articles))
    }

    pub(super) fn new(name: &str, articles: Vec<eval::GoldArticle>) -> Self {
        let extractions: Vec<_> = articles
            .iter()
            .map(|g| quotestance::quotes::extract(&g.text))
            .collect();
        // Each article is extracted once: its extraction gives both the
        // gold quotes' context and the end-to-end inputs.
        let oracle = articles
            .iter()
            .zip(&extractions)
            .map(|(g, ex)| {
                train::examples_from_gold_article(g, ex)
                    .into_iter()
                    .map(|e| e.input)
                    .collect()
            })
            .collect();
        let end_to_end = articles
            .iter()
            .zip(&extractions)
            .map(|(g, ex)| stance::features::inputs_from_extraction(&g.text, ex))
            .collect();
        ScoredSet {
            name: name.to_string(),
            articles,
            extractions,
            oracle,
            end_to_end,
        }
    }

    /// A classifier's predictions on this set, gold quotes and extracted ones.
    pub(super) fn predict(&self, name: &str, c: &Classifier) -> Result<eval::report::Predictions> {
        let run =
            |groups: &[Vec<stance::QuoteInput>]| -> Result<Vec<Vec<stance::QuotePrediction>>> {
                let flat: Vec<stance::QuoteInput> = groups.iter().flatten().cloned().collect();
                let (mut preds, _) = c.predict(&flat)?;
                let mut out = Vec::new();
                for g in groups {
                    let rest = preds.split_off(g.len());
                    out.push(std::mem::replace(&mut preds, rest));
                }
                Ok(out)
            };
        Ok(eval::report::Predictions {
            name: name.to_string(),
            oracle: run(&self.oracle)?,
            end_to_end: run(&self.end_to_end)?,
        })
    }

    /// The same label for every quote.
    pub(super) fn constant(
        &self,
        name: &str,
        stance: usize,
        labels: usize,
    ) -> eval::report::Predictions {
        let one_hot = |label: usize, k: usize| {
            let mut v = vec![0.0; k];
            if label < k {
                v[label] = 1.0;
            }
            v
        };
        let sentiment = Task::sentiment().label_index("negative").unwrap_or(0);
        let fill = |groups: &[Vec<stance::QuoteInput>]| {
            groups
                .iter()
                .map(|g| {
                    g.iter()
                        .map(|_| stance::QuotePrediction {
                            stance: one_hot(stance, labels),
                            sentiment: one_hot(sentiment, 3),
                        })
                        .collect()
                })
                .collect()
        };
        eval::report::Predictions {
            name: name.to_string(),
            oracle: fill(&self.oracle),
            end_to_end: fill(&self.end_to_end),
        }
    }
}
