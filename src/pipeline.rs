//! The library's front door: load an encoder and its trained heads once, then
//! classify texts. The command line's `classify` does the same with more
//! options (tasks, zero-shot, formats).
//!
//! ```no_run
//! # fn main() -> Result<(), quotestance::Error> {
//! let pipeline = quotestance::Pipeline::builder().model("gemma").build()?;
//! let result = pipeline.classify_text("note", "“We will talk,” said Ana Polk, a fictional envoy.")?;
//! for s in &result.speakers {
//!     println!("{}: {}", s.name, s.stance);
//! }
//! # Ok(()) }
//! ```

use crate::Error;
use std::path::PathBuf;

use crate::article::Article;
use crate::model::{source, DeviceSpec, Encoder, EncoderOptions, ModelQuery, ModelSpec};
use crate::quotes::Extraction;
use crate::stance::{default_heads_dir, ArticleResult, Classifier, Task};

/// How to build a [`Pipeline`].
#[derive(Debug, Clone)]
pub struct PipelineBuilder {
    model: String,
    heads: Option<PathBuf>,
    device: DeviceSpec,
    offline: bool,
    options: EncoderOptions,
}

impl PipelineBuilder {
    /// `gemma`, `minilm`, or a directory holding an encoder's files.
    pub fn model(mut self, name_or_dir: &str) -> Self {
        self.model = name_or_dir.to_string();
        self
    }

    /// The trained heads' directory (default: the committed heads of the encoder).
    pub fn heads(mut self, dir: impl Into<PathBuf>) -> Self {
        self.heads = Some(dir.into());
        self
    }

    pub fn device(mut self, device: DeviceSpec) -> Self {
        self.device = device;
        self
    }

    /// Never download a model.
    pub fn offline(mut self, offline: bool) -> Self {
        self.offline = offline;
        self
    }

    pub fn encoder_options(mut self, options: EncoderOptions) -> Self {
        self.options = options;
        self
    }

    /// Finds and loads the encoder and its heads (the heads must have been
    /// trained on these very weights).
    pub fn build(self) -> Result<Pipeline, Error> {
        let (spec, explicit) = match ModelSpec::by_name(&self.model) {
            Some(spec) => (spec, None),
            None => (&source::MINILM, Some(PathBuf::from(&self.model))),
        };
        let files = source::locate(&ModelQuery::standard(spec, explicit, self.offline))?;
        let encoder = Encoder::load(&files, &self.device.open()?, self.options)?;
        let task = Task::default_stance();
        let encoder_name = files.spec.map(|s| s.name).unwrap_or(spec.name);
        let heads = self
            .heads
            .or_else(|| default_heads_dir(encoder_name, &task.name))
            .ok_or_else(|| Error::NoHeads {
                encoder: encoder_name.to_string(),
                task: task.name.clone(),
            })?;
        let sha = files
            .spec
            .filter(|_| files.pinned)
            .map(|s| s.weights_sha256());
        let classifier = Classifier::with_heads(encoder, &heads, sha)?;
        Ok(Pipeline { classifier })
    }
}

/// An encoder with its stance and sentiment heads, ready to classify.
pub struct Pipeline {
    classifier: Classifier,
}

impl Pipeline {
    /// A builder for the default encoder (`gemma`), found in the user cache,
    /// the Hugging Face cache, or downloaded.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder {
            model: DEFAULT_MODEL.to_string(),
            heads: None,
            device: DeviceSpec::Auto,
            offline: false,
            options: EncoderOptions::default(),
        }
    }

    /// Quotes, speakers, stance and sentiment of one text.
    pub fn classify_text(&self, id: &str, text: &str) -> Result<ArticleResult, Error> {
        let article = Article {
            id: id.to_string(),
            text: text.to_string(),
            source: id.to_string(),
            line: None,
            extra: Default::default(),
        };
        let mut results = self.classify(&[&article])?;
        Ok(results.remove(0))
    }

    /// Several articles at once (their quotes go to the encoder together).
    pub fn classify(&self, articles: &[&Article]) -> Result<Vec<ArticleResult>, Error> {
        self.classifier.classify(articles)
    }

    /// Quotes and speakers only; no model involved.
    pub fn extract(text: &str) -> Extraction {
        crate::quotes::extract(text)
    }

    /// The classifier underneath (encoder, task, heads).
    pub fn classifier(&self) -> &Classifier {
        &self.classifier
    }
}

/// The encoder a [`Pipeline`] and the command line use unless told otherwise.
pub const DEFAULT_MODEL: &str = "gemma";
