//! The library's front door: load an encoder and its trained heads once, then
//! classify texts. Where heads are looked for is the caller's choice (the
//! command line looks in `./models/heads` and its own source tree).
//!
//! ```no_run
//! # fn main() -> Result<(), quotestance::Error> {
//! let pipeline = quotestance::Pipeline::builder().heads_root("models/heads").build()?;
//! let result = pipeline.classify_text("“We will talk,” said Ana Polk, a fictional envoy.")?;
//! for s in &result.speakers {
//!     println!("{}: {}", s.name, s.stance);
//! }
//! # Ok(()) }
//! ```

use std::path::PathBuf;

use crate::article::Article;
use crate::error::Error;
use crate::model::{source, DeviceSpec, Encoder, EncoderOptions, ModelQuery, ModelSpec};
use crate::quotes::Extraction;
use crate::stance::{find_heads, ArticleResult, Classifier, Task};

/// How to build a [`Pipeline`]: which encoder, heads, task and device.
#[derive(Debug, Clone)]
pub struct PipelineBuilder {
    model: String,
    heads: Option<PathBuf>,
    heads_roots: Vec<PathBuf>,
    task: Option<Task>,
    zero_shot: bool,
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

    /// The trained heads' directory itself.
    pub fn heads(mut self, dir: impl Into<PathBuf>) -> Self {
        self.heads = Some(dir.into());
        self
    }

    /// A directory holding heads as `ENCODER/TASK/` (the repository's
    /// `models/heads`); several roots are searched in the order given.
    pub fn heads_root(mut self, root: impl Into<PathBuf>) -> Self {
        self.heads_roots.push(root.into());
        self
    }

    /// The task (target, labels, hypotheses); default: the built-in stance
    /// toward restoring U.S.–China military-to-military talks.
    pub fn task(mut self, task: Task) -> Self {
        self.task = Some(task);
        self
    }

    /// Classify by similarity to the task's hypotheses instead of trained heads.
    pub fn zero_shot(mut self, zero_shot: bool) -> Self {
        self.zero_shot = zero_shot;
        self
    }

    /// The device to run the encoder on (default: the best one compiled in).
    pub fn device(mut self, device: DeviceSpec) -> Self {
        self.device = device;
        self
    }

    /// Never download a model.
    pub fn offline(mut self, offline: bool) -> Self {
        self.offline = offline;
        self
    }

    /// Batch size, token limit and prompt of the encoder.
    pub fn encoder_options(mut self, options: EncoderOptions) -> Self {
        self.options = options;
        self
    }

    /// Finds and loads the encoder and its heads (the heads must have been
    /// trained on these very weights, for the task's labels).
    pub fn build(self) -> Result<Pipeline, Error> {
        let (spec, explicit) = match ModelSpec::by_name(&self.model) {
            Some(spec) => (spec, None),
            None => (&source::MINILM, Some(PathBuf::from(&self.model))),
        };
        let files = source::locate(&ModelQuery::standard(spec, explicit, self.offline))?;
        let encoder = Encoder::load(&files, &self.device.open()?, self.options)?;
        let task = self.task.unwrap_or_else(Task::default_stance);
        if self.zero_shot {
            return Ok(Pipeline {
                classifier: Classifier::zero_shot(encoder, task)?,
            });
        }
        let encoder_name = files.spec.map(|s| s.name).unwrap_or(spec.name);
        let heads = self
            .heads
            .or_else(|| find_heads(&self.heads_roots, encoder_name, &task.name))
            .ok_or_else(|| Error::NoHeads {
                encoder: encoder_name.to_string(),
                task: task.name.clone(),
            })?;
        let classifier = Classifier::with_heads(encoder, &heads, files.pinned_weights_sha256())?;
        if classifier.task.labels != task.labels {
            return Err(Error::TaskInvalid {
                task: task.name,
                message: format!(
                    "the heads in {} were trained for labels {:?}, the task has {:?}",
                    heads.display(),
                    classifier.task.labels,
                    task.labels
                ),
            });
        }
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
            heads_roots: Vec::new(),
            task: None,
            zero_shot: false,
            device: DeviceSpec::Auto,
            offline: false,
            options: EncoderOptions::default(),
        }
    }

    /// Quotes, speakers, stance and sentiment of one text (its id is `text`).
    pub fn classify_text(&self, text: &str) -> Result<ArticleResult, Error> {
        let article = Article::from_text("text", text);
        let mut results = self.classifier.classify(&[&article])?;
        results
            .pop()
            .ok_or_else(|| Error::Invalid("no result".into()))
    }

    /// Several articles at once (their quotes go to the encoder together),
    /// one result each, in order.
    pub fn classify(&self, articles: &[Article]) -> Result<Vec<ArticleResult>, Error> {
        let refs: Vec<&Article> = articles.iter().collect();
        self.classifier.classify(&refs)
    }

    /// Quotes and speakers only; the encoder is not involved.
    pub fn extract(&self, text: &str) -> Extraction {
        crate::quotes::extract(text)
    }

    /// The classifier underneath (encoder, task, heads).
    pub fn classifier(&self) -> &Classifier {
        &self.classifier
    }
}

/// The encoder a [`Pipeline`] and the command line use unless told otherwise.
pub const DEFAULT_MODEL: &str = "gemma";
