//! An opt-in on-disk cache of embeddings (`QUOTESTANCE_EMBEDDING_CACHE=DIR`),
//! for development runs that embed the same texts again and again (training
//! experiments, repeated evaluations). One append-only file per model,
//! prompt-independent: each record's key hashes the prompt, the token limit
//! and the text. Cached rows can differ from fresh ones in the last bits (a
//! batch's padding changes the order of sums), so runs that must be
//! reproducible byte for byte (`make train`, the tests) leave it off.

use crate::error::Error;
use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

type Key = [u8; 16];

/// The cache of one model: rows by key, and the file new rows are appended to.
pub struct EmbeddingCache {
    path: PathBuf,
    dim: usize,
    rows: Mutex<HashMap<Key, (Vec<f32>, bool)>>,
    file: Mutex<File>,
}

impl EmbeddingCache {
    /// Opens (or creates) `dir/<model>.<dim>.emb` and reads what it holds; a
    /// torn last record (an interrupted run) is ignored.
    pub fn open(dir: &Path, model: &str, dim: usize) -> Result<Self, Error> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::Io { path, source }
        };
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let path = dir.join(format!("{model}.{dim}.emb"));
        let mut bytes = Vec::new();
        if path.is_file() {
            File::open(&path)
                .and_then(|mut f| f.read_to_end(&mut bytes))
                .map_err(io(&path))?;
        }
        let record = 16 + 1 + dim * 4;
        let mut rows = HashMap::new();
        for rec in bytes.chunks_exact(record) {
            let mut key = [0u8; 16];
            key.copy_from_slice(&rec[..16]);
            let row = rec[17..]
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect();
            rows.insert(key, (row, rec[16] == 1));
        }
        let whole = bytes.len() / record * record;
        let file = OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(false)
            .open(&path)
            .map_err(io(&path))?;
        file.set_len(whole as u64).map_err(io(&path))?;
        let mut file = file;
        std::io::Seek::seek(&mut file, std::io::SeekFrom::End(0)).map_err(io(&path))?;
        Ok(EmbeddingCache {
            path,
            dim,
            rows: Mutex::new(rows),
            file: Mutex::new(file),
        })
    }

    /// The key of one embedding: the first 16 bytes of a SHA-256 of prompt, token limit and text.
    pub fn key(prompt: &str, max_tokens: usize, text: &str) -> Key {
        let mut h = Sha256::new();
        h.update(prompt.as_bytes());
        h.update([0]);
        h.update(max_tokens.to_le_bytes());
        h.update(text.as_bytes());
        let mut key = [0u8; 16];
        key.copy_from_slice(&h.finalize()[..16]);
        key
    }

    /// The cached row and whether its text was truncated.
    pub fn get(&self, key: &Key) -> Option<(Vec<f32>, bool)> {
        self.rows.lock().ok()?.get(key).cloned()
    }

    /// Stores new rows (in memory and appended to the file).
    pub fn put(&self, items: &[(Key, &[f32], bool)]) -> Result<(), Error> {
        let mut buf = Vec::new();
        for (key, row, truncated) in items {
            if row.len() != self.dim {
                continue;
            }
            buf.extend_from_slice(key);
            buf.push(*truncated as u8);
            for x in row.iter() {
                buf.extend_from_slice(&x.to_le_bytes());
            }
        }
        if let Ok(mut file) = self.file.lock() {
            file.write_all(&buf).map_err(|source| Error::Io {
                path: self.path.clone(),
                source,
            })?;
        }
        if let Ok(mut rows) = self.rows.lock() {
            for (key, row, truncated) in items {
                rows.insert(*key, (row.to_vec(), *truncated));
            }
        }
        Ok(())
    }
}
