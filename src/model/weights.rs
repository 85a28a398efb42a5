//! A safetensors file read tensor by tensor with plain file reads.
//!
//! Candle's memory-mapped loader copies every tensor out of the map, and the
//! pages it read stay resident while the map lives: loading counts the
//! weights twice in peak memory. Reads through the file land in the page
//! cache instead, which the kernel can evict and which is not this process's
//! resident memory.

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Mutex;

use candle_core::{DType, Device, Result, Shape, Tensor};
use candle_nn::var_builder::SimpleBackend;

/// One tensor's place in the file.
struct Entry {
    dtype: DType,
    shape: Vec<usize>,
    /// Absolute byte range in the file.
    start: u64,
    len: usize,
}

/// The tensors of one safetensors file, read when asked for.
pub(crate) struct WeightsFile {
    file: Mutex<File>,
    entries: HashMap<String, Entry>,
}

impl WeightsFile {
    /// Reads the header; errors say what is wrong with the file.
    pub(crate) fn open(path: &Path) -> std::result::Result<Self, String> {
        let mut file = File::open(path).map_err(|e| e.to_string())?;
        let mut len_bytes = [0u8; 8];
        file.read_exact(&mut len_bytes)
            .map_err(|e| format!("reading the safetensors header: {e}"))?;
        let header_len = usize::try_from(u64::from_le_bytes(len_bytes))
            .ok()
            .filter(|&n| n <= 100 << 20)
            .ok_or("the safetensors header length is implausible")?;
        let mut header = vec![0u8; header_len];
        file.read_exact(&mut header)
            .map_err(|e| format!("reading the safetensors header: {e}"))?;
        let header: HashMap<String, serde_json::Value> =
            serde_json::from_slice(&header).map_err(|e| format!("safetensors header: {e}"))?;
        let data_start = 8 + header_len as u64;
        let file_len = file.metadata().map_err(|e| e.to_string())?.len();
        let mut entries = HashMap::new();
        for (name, value) in header {
            if name == "__metadata__" {
                continue;
            }
            let info: TensorInfo = serde_json::from_value(value)
                .map_err(|e| format!("safetensors header, tensor {name}: {e}"))?;
            let dtype = match info.dtype.as_str() {
                "F32" => DType::F32,
                "F16" => DType::F16,
                "BF16" => DType::BF16,
                "F64" => DType::F64,
                "I64" => DType::I64,
                "U32" => DType::U32,
                "U8" => DType::U8,
                // Types Candle cannot hold: such a tensor is only an error if asked for.
                _ => continue,
            };
            let (a, b) = info.data_offsets;
            let expected = info.shape.iter().product::<usize>() * dtype.size_in_bytes();
            if b < a || b - a != expected || data_start + b as u64 > file_len {
                return Err(format!(
                    "tensor {name}: its byte range does not match its shape (truncated file?)"
                ));
            }
            entries.insert(
                name,
                Entry {
                    dtype,
                    shape: info.shape,
                    start: data_start + a as u64,
                    len: b - a,
                },
            );
        }
        Ok(WeightsFile {
            file: Mutex::new(file),
            entries,
        })
    }

    /// Checks that `name` is an f32 table of `dim`-wide rows.
    pub(crate) fn check_table(&self, name: &str, dim: usize) -> std::result::Result<(), String> {
        let entry = self
            .entries
            .get(name)
            .ok_or(format!("no tensor named {name}"))?;
        if entry.dtype != DType::F32 {
            return Err(format!("{name}: {:?}, expected F32", entry.dtype));
        }
        match entry.shape.as_slice() {
            [_, d] if *d == dim => Ok(()),
            shape => Err(format!("{name}: shape {shape:?}, expected [_, {dim}]")),
        }
    }

    /// Rows `ids` of the f32 table `name` (checked by [`Self::check_table`]),
    /// times `scale`, concatenated; an id past the table is an error.
    pub(crate) fn rows(&self, name: &str, ids: &[u32], scale: f32) -> Result<Vec<f32>> {
        let Some(entry) = self.entries.get(name) else {
            candle_core::bail!("no tensor named {name}")
        };
        let (count, dim) = match entry.shape.as_slice() {
            [count, dim] if entry.dtype == DType::F32 => (*count, *dim),
            _ => candle_core::bail!("{name} is not a 2-D f32 table"),
        };
        let row_bytes = dim * 4;
        let mut bytes = vec![0u8; row_bytes];
        let mut out = Vec::with_capacity(ids.len() * dim);
        let mut file = self.lock()?;
        for &id in ids {
            let id = id as usize;
            if id >= count {
                candle_core::bail!("token id {id} is outside the {count}-row embedding table");
            }
            file.seek(SeekFrom::Start(entry.start + (id * row_bytes) as u64))?;
            file.read_exact(&mut bytes)?;
            out.extend(
                bytes
                    .chunks_exact(4)
                    .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]) * scale),
            );
        }
        Ok(out)
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, File>> {
        self.file
            .lock()
            .map_err(|_| candle_core::Error::Msg("weights file lock poisoned".into()))
    }

    fn read(&self, name: &str, dtype: DType, dev: &Device) -> Result<Tensor> {
        let Some(entry) = self.entries.get(name) else {
            candle_core::bail!("no tensor named {name}")
        };
        let mut file = self.lock()?;
        file.seek(SeekFrom::Start(entry.start))?;
        if entry.dtype == DType::F32 && cfg!(target_endian = "little") {
            // Straight into the tensor's buffer: no second copy.
            let mut values = vec![0f32; entry.len / 4];
            file.read_exact(bytemuck::cast_slice_mut(&mut values))?;
            return Tensor::from_vec(values, entry.shape.as_slice(), dev)?.to_dtype(dtype);
        }
        let mut bytes = vec![0u8; entry.len];
        file.read_exact(&mut bytes)?;
        Tensor::from_raw_buffer(&bytes, entry.dtype, &entry.shape, dev)?.to_dtype(dtype)
    }
}

#[derive(serde::Deserialize)]
struct TensorInfo {
    dtype: String,
    shape: Vec<usize>,
    data_offsets: (usize, usize),
}

impl SimpleBackend for WeightsFile {
    fn get(
        &self,
        shape: Shape,
        name: &str,
        _init: candle_nn::Init,
        dtype: DType,
        dev: &Device,
    ) -> Result<Tensor> {
        let tensor = self.read(name, dtype, dev)?;
        if tensor.shape() != &shape {
            candle_core::bail!(
                "tensor {name} has shape {:?}, expected {:?}",
                tensor.dims(),
                shape.dims()
            );
        }
        Ok(tensor)
    }

    fn get_unchecked(&self, name: &str, dtype: DType, dev: &Device) -> Result<Tensor> {
        self.read(name, dtype, dev)
    }

    fn contains_tensor(&self, name: &str) -> bool {
        self.entries.contains_key(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, tensors: &[(&str, Tensor)]) -> std::path::PathBuf {
        let path = dir.join("w.safetensors");
        let map: HashMap<String, Tensor> = tensors
            .iter()
            .map(|(n, t)| (n.to_string(), t.clone()))
            .collect();
        candle_core::safetensors::save(&map, &path).unwrap();
        path
    }

    #[test]
    fn reads_what_candle_wrote() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let dev = Device::Cpu;
        let a = Tensor::arange(0f32, 12.0, &dev)?.reshape((3, 4))?;
        let b = Tensor::new(&[1.5f32, -2.0], &dev)?.to_dtype(DType::BF16)?;
        let path = write(dir.path(), &[("a", a.clone()), ("b", b)]);
        let w = WeightsFile::open(&path).map_err(candle_core::Error::Msg)?;
        let got = w.get(
            (3, 4).into(),
            "a",
            candle_nn::Init::Const(0.),
            DType::F32,
            &dev,
        )?;
        assert_eq!(got.to_vec2::<f32>()?, a.to_vec2::<f32>()?);
        let b = w.get_unchecked("b", DType::F32, &dev)?;
        assert_eq!(b.to_vec1::<f32>()?, vec![1.5, -2.0]);
        assert!(w.contains_tensor("a") && !w.contains_tensor("c"));
        let wrong = w.get(
            (4, 3).into(),
            "a",
            candle_nn::Init::Const(0.),
            DType::F32,
            &dev,
        );
        assert!(wrong.is_err());
        // As an embedding table: rows gathered, scaled, in the order asked.
        w.check_table("a", 4).map_err(candle_core::Error::Msg)?;
        assert!(w.check_table("a", 3).is_err() && w.check_table("b", 2).is_err());
        let rows = w.rows("a", &[2, 0, 2], 0.5)?;
        assert_eq!(&rows[..4], &[4.0, 4.5, 5.0, 5.5]);
        assert_eq!(&rows[4..8], &[0.0, 0.5, 1.0, 1.5]);
        assert_eq!(rows[8..], rows[..4]);
        assert!(w.rows("a", &[3], 1.0).is_err());
        Ok(())
    }

    #[test]
    fn a_truncated_file_is_refused_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let dev = Device::Cpu;
        let t = Tensor::zeros((64,), DType::F32, &dev).unwrap();
        let path = write(dir.path(), &[("t", t)]);
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() - 8]).unwrap();
        let err = WeightsFile::open(&path).err().unwrap();
        assert!(err.contains("truncated"), "{err}");
        assert!(WeightsFile::open(&dir.path().join("absent")).is_err());
    }
}
