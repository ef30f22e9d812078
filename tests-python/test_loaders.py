"""The dataset loads with Hugging Face `datasets` (audiofolder) in one call: three splits, text and
audio paths, and every metadata column with one type across splits."""
import os
import sys
import types
from pathlib import Path

import pytest
import soundfile

FIXTURE = Path(__file__).resolve().parents[1] / "Tests/Fixtures/contest_cw.yaml"


def stub_torch_imports():
    """datasets 5 imports torch and torchcodec even to store an audio file's path (decoding needs them;
    storing a path does not). Where PyTorch is not installed, give those two imports empty modules;
    we decode the audio with soundfile instead. Where it is installed nothing is stubbed: patching the
    real `torch` (its `Tensor`, `nn.Module`) would break every later test in this process that uses it
    (a DataLoader then hung waiting for its workers)."""
    import importlib.util

    if importlib.util.find_spec("torch") is not None and importlib.util.find_spec("torchcodec") is not None:
        return
    for name in ("torch", "torch.nn", "torchcodec", "torchcodec.encoders", "torchcodec.decoders"):
        sys.modules.setdefault(name, types.ModuleType(name))
    torch = sys.modules["torch"]
    torch.Tensor = type("Tensor", (), {})  # what datasets' hashing checks objects against
    torch.Generator = type("Generator", (), {})
    torch.nn = sys.modules["torch.nn"]
    torch.nn.Module = type("Module", (), {})
    sys.modules["torchcodec.encoders"].AudioEncoder = object


def test_audiofolder_loads_three_splits(tool, tmp_path):
    pytest.importorskip("datasets")
    os.environ["HF_DATASETS_OFFLINE"] = "1"
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["HF_DATASETS_CACHE"] = str(tmp_path / "cache")
    out = tmp_path / "cw"
    tool("generate", "--num-samples", 60, "--output-dir", out, "--seed", 4, "--max-duration", 10,
         "--config", FIXTURE, "--progress", "none")
    stub_torch_imports()
    from datasets import Audio, load_dataset
    dataset = load_dataset("audiofolder", data_dir=str(out))
    assert set(dataset) == {"train", "validation", "test"}
    assert sum(len(split) for split in dataset.values()) == 60
    for name, split in dataset.items():
        rows = split.cast_column("audio", Audio(decode=False))
        for row in rows:
            path = Path(row["audio"]["path"])
            assert row["audio_file"] == f"{name}/{path.name}" and path.parent.name == name
            data, rate = soundfile.read(str(path))
            assert rate == 16000 and data.ndim == 1 and abs(len(data) / rate - row["duration"]) < 1e-6
            assert isinstance(row["text"], str) and (row["text"] == "") == row["is_noise_only"]
            assert "".join(c["text"] for c in row["characters"]) == row["text"].replace(" ", "")
            assert set(row["exchange"]) >= {"rst", "serial", "zone", "state", "name"}


def test_webdataset_shards_load_with_datasets(tool, tmp_path):
    pytest.importorskip("datasets")
    os.environ["HF_DATASETS_OFFLINE"] = "1"
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["HF_DATASETS_CACHE"] = str(tmp_path / "cache")
    out = tmp_path / "cw"
    tool("generate", "--num-samples", 40, "--output-dir", out, "--seed", 6, "--max-duration", 8,
         "--format", "webdataset", "--progress", "none")
    stub_torch_imports()
    from datasets import Audio, load_dataset
    dataset = load_dataset("webdataset", data_dir=str(out / "webdataset"))
    assert set(dataset) == {"train", "validation", "test"}
    assert sum(len(split) for split in dataset.values()) == 40
    for name, split in dataset.items():
        for row in split.cast_column("wav", Audio(decode=False)):
            assert row["json"]["split"] == name and row["json"]["text"] == row["txt"]
            assert row["__key__"] == row["json"]["file_name"].removesuffix(".wav")
            assert row["wav"]["bytes"][:4] == b"RIFF"
