//! Files written so that an interrupted run never leaves half a file.

use std::io::Write;
use std::path::Path;

/// Writes `data` to `path` through a temporary file in the same directory and
/// a rename: readers see the old file or the new one, never a truncated one.
pub fn write_atomic(path: &Path, data: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".quotestance-")
        .tempfile_in(dir)?;
    tmp.write_all(data)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A file name for an article id: letters, digits, `-`, `_` and `.` kept,
/// anything else (path separators, `:` of JSON Lines ids) as `_`.
pub fn safe_file_stem(id: &str) -> String {
    let mut s: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() || s.starts_with('.') {
        s.insert(0, '_');
    }
    s.chars().take(150).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_files() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("sub/out.json");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
    }

    #[test]
    fn stems_are_safe() {
        assert_eq!(safe_file_stem("feed.jsonl:12"), "feed.jsonl_12");
        assert_eq!(safe_file_stem("../etc/passwd"), "_.._etc_passwd");
        assert_eq!(safe_file_stem(""), "_");
    }
}
