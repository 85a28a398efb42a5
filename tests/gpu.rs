//! GPU checks. They run where a GPU and a GPU build are present; anywhere
//! else they print why they were skipped (never a silent pass).

/// The CUDA encoder (half precision) gives the CPU's embeddings to cosine ≥ 0.999.
/// Without the feature, cargo lists it as ignored with the reason.
#[test]
#[cfg_attr(
    not(feature = "cuda"),
    ignore = "needs a CUDA build (`cargo test --features cuda`) on a machine with a GPU; `make check-cuda` compiles that build"
)]
fn cuda_embeddings_match_the_cpu() {
    #[cfg(feature = "cuda")]
    cuda::embeddings_match_the_cpu();
}

/// Written past the test harness's output capture, so the reason shows.
#[cfg(feature = "cuda")]
fn skipped(reason: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED: {reason}");
}

#[cfg(feature = "cuda")]
mod cuda {
    use candle_core::Device;
    use quotestance::model::encoder::cosine;
    use quotestance::model::source::{self, SPECS};
    use quotestance::model::{Encoder, EncoderOptions, ModelQuery};

    pub fn embeddings_match_the_cpu() {
        let gpu = match Device::new_cuda(0) {
            Ok(d) => d,
            Err(e) => {
                super::skipped(&format!(
                    "cuda_embeddings_match_the_cpu: no usable CUDA device ({e})"
                ));
                return;
            }
        };
        for spec in SPECS {
            let files = source::locate(&ModelQuery::standard(spec, None, true))
                .expect("the real models are needed: run `make model`");
            compare(&files, &gpu);
        }
    }

    /// The same texts on the CPU and the GPU, for one encoder.
    fn compare(files: &source::ModelFiles, gpu: &Device) {
        let texts = [
            "The hotline will not be answered in a crisis.",
            "\u{201c}We welcome the resumption of talks,\u{201d} the minister said on Tuesday.",
            "Short.",
        ];
        let cpu = Encoder::load(files, &Device::Cpu, EncoderOptions::default())
            .unwrap()
            .embed(&texts)
            .unwrap();
        let on_gpu = Encoder::load(files, gpu, EncoderOptions::default())
            .unwrap()
            .embed(&texts)
            .unwrap();
        for i in 0..texts.len() {
            let c = cosine(cpu.row(i), on_gpu.row(i));
            assert!(
                c >= 0.999,
                "{}: text {i}: cosine {c}",
                files.dir().display()
            );
        }
    }
}
