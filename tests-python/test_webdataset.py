"""WebDataset shards read with Python's tarfile and wave, and with the `webdataset` package."""
import io
import json
import tarfile
import wave
from pathlib import Path

import pytest

from conftest import run_tool

N = 30
SPLITS = ["train", "validation", "test"]


@pytest.fixture(scope="module")
def webdataset_only(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wds")
    config = folder / "run.yaml"
    config.write_text("output:\n  shard_size: 8\n")
    out = folder / "ds"
    run_tool("generate", "--num-samples", N, "--seed", 4, "--max-duration", 6, "--config", config, "--format", "webdataset",
             "--output-dir", out, "--progress", "none")
    return out


def read_shards(out, split):
    """(member names, {key: {extension: bytes}}) over every shard of `split`, in shard order."""
    names, samples = [], {}
    for path in sorted((out / "webdataset" / split).glob("shard-*.tar")):
        with tarfile.open(path) as tar:
            members = tar.getmembers()
            assert len({m.name.split(".")[0] for m in members}) <= 8, f"{path} holds more than shard_size clips"
            for member in members:
                assert member.isfile() and member.mtime == 0 and member.uid == 0 and member.mode == 0o644
                key, extension = member.name.split(".", 1)
                names.append(member.name)
                samples.setdefault(key, {})[extension] = tar.extractfile(member).read()
    return names, samples


def test_every_clip_is_a_wav_txt_and_json_in_id_order(webdataset_only):
    out = webdataset_only
    info = json.loads((out / "dataset_info.json").read_text())
    assert info["formats"] == ["webdataset"] and info["webdataset_shard_size"] == 8
    # The index files every dataset has; the folder layout's own manifests and loose WAVs are not there.
    assert (out / "metadata.csv").exists() and not (out / "manifests").exists() and not (out / "audio").exists()
    total = 0
    for split in SPLITS:
        names, samples = read_shards(out, split)
        keys = list(samples)
        assert keys == sorted(keys) and all("." not in key and key.startswith("morse_") for key in keys)
        assert names == [f"{key}.{ext}" for key in keys for ext in ("wav", "txt", "json")]
        assert len(keys) == info["split_counts"][split]
        for key, files in samples.items():
            record = json.loads(files["json"])
            assert record["split"] == split and record["file_name"] == key + ".wav"
            assert files["txt"].decode() == record["text"]
            with wave.open(io.BytesIO(files["wav"])) as w:
                assert (w.getnchannels(), w.getframerate()) == (1, 16000)
                assert w.getnframes() == record["num_samples"]
        total += len(keys)
    assert total == N


def test_the_webdataset_package_reads_the_shards(webdataset_only):
    webdataset = pytest.importorskip("webdataset")
    shards = sorted(str(p) for p in (webdataset_only / "webdataset" / "train").glob("shard-*.tar"))
    count = 0
    for sample in webdataset.WebDataset(shards, shardshuffle=False):
        assert {"__key__", "wav", "txt", "json"} <= set(sample)
        assert json.loads(sample["json"])["text"] == sample["txt"].decode()
        count += 1
    assert count == json.loads((webdataset_only / "dataset_info.json").read_text())["split_counts"]["train"]


def test_both_formats_give_the_same_shards_on_any_worker_count(webdataset_only, tmp_path):
    config = webdataset_only.parent / "run.yaml"
    out = tmp_path / "both"
    run_tool("generate", "--num-samples", N, "--seed", 4, "--max-duration", 6, "--config", config, "--format", "both",
             "--num-workers", 1, "--output-dir", out, "--progress", "none")
    assert (out / "metadata.csv").exists()
    for split in SPLITS:
        a = sorted((webdataset_only / "webdataset" / split).glob("*.tar"))
        b = sorted((out / "webdataset" / split).glob("*.tar"))
        assert [p.name for p in a] == [p.name for p in b]
        assert all(x.read_bytes() == y.read_bytes() for x, y in zip(a, b))
