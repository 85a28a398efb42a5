//! GPU checks. They run where a GPU and a GPU build are present; anywhere
//! else they print why they were skipped (never a silent pass).

/// The CUDA encoder (half precision) gives the CPU's embeddings to cosine ≥ 0.999.
#[test]
fn cuda_embeddings_match_the_cpu() {
    #[cfg(not(feature = "cuda"))]
    eprintln!(
        "SKIPPED cuda_embeddings_match_the_cpu: built without `--features cuda` \
         (`make check-cuda` compiles that build; run `cargo test --features cuda` on a GPU machine)"
    );
    #[cfg(feature = "cuda")]
    cuda::embeddings_match_the_cpu();
}

#[cfg(feature = "cuda")]
mod cuda {
    use candle_core::Device;
    use quotestance::model::encoder::cosine;
    use quotestance::model::{source, Encoder, EncoderOptions, ModelQuery};

    pub fn embeddings_match_the_cpu() {
        let gpu = match Device::new_cuda(0) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("SKIPPED cuda_embeddings_match_the_cpu: no usable CUDA device ({e})");
                return;
            }
        };
        let files = source::locate(&ModelQuery::standard(None, true))
            .expect("the real model is needed: run `make model`");
        let texts = [
            "The hotline will not be answered in a crisis.",
            "\u{201c}We welcome the resumption of talks,\u{201d} the minister said on Tuesday.",
            "Short.",
        ];
        let cpu = Encoder::load(&files, &Device::Cpu, EncoderOptions::default())
            .unwrap()
            .embed(&texts)
            .unwrap();
        let on_gpu = Encoder::load(&files, &gpu, EncoderOptions::default())
            .unwrap()
            .embed(&texts)
            .unwrap();
        for i in 0..texts.len() {
            let c = cosine(cpu.row(i), on_gpu.row(i));
            assert!(c >= 0.999, "text {i}: cosine {c}");
        }
    }
}
