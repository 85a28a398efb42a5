//! `--device auto|cpu|cuda[:N]|metal[:N]`.

use crate::error::Error;
use std::str::FromStr;

use candle_core::Device;

/// A device as the user names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DeviceSpec {
    /// The best compiled-in device that is present, else the CPU.
    #[default]
    Auto,
    /// The CPU.
    Cpu,
    /// A CUDA GPU by ordinal (`cuda[:N]` or `gpu[:N]`; N defaults to 0).
    Cuda(usize),
    /// A Metal GPU by ordinal (`metal[:N]`; N defaults to 0).
    Metal(usize),
}

impl FromStr for DeviceSpec {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_ascii_lowercase();
        let (kind, ordinal) = match s.split_once(':') {
            Some((kind, n)) => {
                let n = n.parse::<usize>().map_err(|_| {
                    Error::Device(format!(
                        "`{s}`: the device number after ':' must be a whole number"
                    ))
                })?;
                (kind.to_string(), n)
            }
            None => (s.clone(), 0),
        };
        match kind.as_str() {
            "auto" if !s.contains(':') => Ok(DeviceSpec::Auto),
            "cpu" if !s.contains(':') => Ok(DeviceSpec::Cpu),
            "cuda" | "gpu" => Ok(DeviceSpec::Cuda(ordinal)),
            "metal" => Ok(DeviceSpec::Metal(ordinal)),
            _ => Err(Error::Device(format!(
                "unknown device `{s}`; use auto, cpu, cuda, cuda:N, metal or metal:N"
            ))),
        }
    }
}

impl std::fmt::Display for DeviceSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DeviceSpec::Auto => write!(f, "auto"),
            DeviceSpec::Cpu => write!(f, "cpu"),
            DeviceSpec::Cuda(n) => write!(f, "cuda:{n}"),
            DeviceSpec::Metal(n) => write!(f, "metal:{n}"),
        }
    }
}

impl DeviceSpec {
    /// Opens the device; an absent or not-compiled-in device is an error,
    /// except under `auto`, which falls back to the CPU.
    pub fn open(self) -> Result<Device, Error> {
        match self {
            DeviceSpec::Cpu => Ok(Device::Cpu),
            DeviceSpec::Cuda(n) => open_cuda(n),
            DeviceSpec::Metal(n) => open_metal(n),
            DeviceSpec::Auto => Ok(open_cuda(0)
                .or_else(|_| open_metal(0))
                .unwrap_or(Device::Cpu)),
        }
    }
}

/// A short human name for an open device.
pub fn describe(device: &Device) -> String {
    match device {
        Device::Cpu => format!("cpu ({} threads)", rayon::current_num_threads()),
        Device::Cuda(_) => "cuda".to_string(),
        Device::Metal(_) => "metal".to_string(),
    }
}

fn open_cuda(n: usize) -> Result<Device, Error> {
    if !cfg!(feature = "cuda") {
        return Err(Error::Device(
            "this build has no CUDA support; rebuild with `--features cuda`".into(),
        ));
    }
    Device::new_cuda(n).map_err(|e| Error::Device(format!("cuda:{n} is not available: {e}")))
}

fn open_metal(n: usize) -> Result<Device, Error> {
    if !cfg!(feature = "metal") {
        return Err(Error::Device(
            "this build has no Metal support; rebuild with `--features metal`".into(),
        ));
    }
    Device::new_metal(n).map_err(|e| Error::Device(format!("metal:{n} is not available: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_form() {
        assert_eq!("auto".parse::<DeviceSpec>().unwrap(), DeviceSpec::Auto);
        assert_eq!("CPU".parse::<DeviceSpec>().unwrap(), DeviceSpec::Cpu);
        assert_eq!("cuda".parse::<DeviceSpec>().unwrap(), DeviceSpec::Cuda(0));
        assert_eq!("cuda:1".parse::<DeviceSpec>().unwrap(), DeviceSpec::Cuda(1));
        assert_eq!("metal".parse::<DeviceSpec>().unwrap(), DeviceSpec::Metal(0));
    }

    #[test]
    fn rejects_unknown_devices_with_the_choices() {
        for bad in ["tpu", "cuda:x", "cpu:1", ""] {
            let err = bad.parse::<DeviceSpec>().unwrap_err().to_string();
            assert!(
                err.contains("cuda") || err.contains("whole number"),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn auto_always_opens_something_and_cpu_is_cpu() {
        assert!(DeviceSpec::Auto.open().is_ok());
        assert!(matches!(DeviceSpec::Cpu.open().unwrap(), Device::Cpu));
    }

    #[cfg(not(feature = "cuda"))]
    #[test]
    fn cuda_without_the_feature_says_how_to_get_it() {
        let err = DeviceSpec::Cuda(0).open().unwrap_err().to_string();
        assert!(err.contains("--features cuda"), "{err}");
    }
}
