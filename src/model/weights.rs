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
                other => return Err(format!("tensor {name}: unsupported dtype {other}")),
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

    fn read(&self, name: &str, dtype: DType, dev: &Device) -> Result<Tensor> {
        let Some(entry) = self.entries.get(name) else {
            candle_core::bail!("no tensor named {name}")
        };
        let mut bytes = vec![0u8; entry.len];
        {
            let mut file = self
                .file
                .lock()
                .map_err(|_| candle_core::Error::Msg("weights file lock poisoned".into()))?;
            file.seek(SeekFrom::Start(entry.start))?;
            file.read_exact(&mut bytes)?;
        }
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
        let got = w.get((3, 4).into(), "a", candle_nn::Init::Const(0.), DType::F32, &dev)?;
        assert_eq!(got.to_vec2::<f32>()?, a.to_vec2::<f32>()?);
        let b = w.get_unchecked("b", DType::F32, &dev)?;
        assert_eq!(b.to_vec1::<f32>()?, vec![1.5, -2.0]);
        assert!(w.contains_tensor("a") && !w.contains_tensor("c"));
        let wrong = w.get((4, 3).into(), "a", candle_nn::Init::Const(0.), DType::F32, &dev);
        assert!(wrong.is_err());
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
