"""The dataset card declares every column (issue 13): `load_dataset(DIR)` with no builder name, and the
audiofolder and webdataset loaders, load every split of datasets of 1, 2, 3, 10, 20 and 300 clips
with the types the card states, whatever the rows hold (a split whose clips all have no callsigns
once made Arrow infer `list<null>`). With torch and torchcodec installed the audio is decoded too."""
import importlib.util
import json
import os
from pathlib import Path

import pytest



def can_decode():
    """datasets 5 decodes audio with torchcodec, which needs torch and FFmpeg's shared libraries."""
    if importlib.util.find_spec("torch") is None or importlib.util.find_spec("torchcodec") is None:
        return False
    try:
        from torchcodec.decoders import AudioDecoder  # noqa: F401  (loads FFmpeg)
    except (ImportError, OSError, RuntimeError):
        return False
    return True


DECODE = can_decode()


def torch_installed():
    """datasets 5 imports torch to encode an audio column at all (decoding also needs torchcodec)."""
    try:
        return importlib.util.find_spec("torch") is not None
    except ValueError:  # a stub module left in sys.modules by another test file
        return False

SIZES = [(1, 1), (2, 3), (3, 5), (10, 1), (10, 7), (20, 1), (20, 2), (300, 9)]


def offline(tmp_path):
    os.environ["HF_DATASETS_OFFLINE"] = "1"
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["HF_DATASETS_CACHE"] = str(tmp_path / "cache")


def declared(card):
    """A card's header and its default config's features, read back through `datasets` itself."""
    import yaml
    from datasets import Features
    header = yaml.safe_load(card.read_text().split("---\n")[1])
    (entry,) = header["dataset_info"]
    return header, Features._from_yaml_list(entry["features"])


def records(out):
    rows = {}
    for path in (out / ".morse-dataset").glob("journal*.jsonl"):
        for line in path.read_text().splitlines():
            if line.strip():
                record = json.loads(line)
                rows[record["id"]] = record
    return rows


def parquet_features(folder_features):
    """The declared features as metadata.parquet holds them: `file_name` a string where the card
    has the audio column audiofolder makes of it."""
    from datasets import Features, Value
    return Features({("file_name" if name == "audio" else name): (Value("string") if name == "audio" else feature)
                     for name, feature in folder_features.items()})


def check_parquet(out, folder_features, expected):
    """Each split's metadata.parquet, read by pyarrow: exactly the declared Arrow schema (names,
    types, nullability, `item` list elements), every row the clip's record, the huggingface schema
    metadata giving the declared features back."""
    import pyarrow.parquet as pq
    from datasets import Features
    declared_parquet = parquet_features(folder_features)
    for split in ("train", "validation", "test"):
        path = out / "audio" / split / "metadata.parquet"
        if not any(r["split"] == split for r in expected.values()):
            # A split with no clips has none: audiofolder would make it a split with no data.
            assert not path.exists()
            continue
        table = pq.read_table(path)
        assert table.schema.equals(declared_parquet.arrow_schema), f"{split}: {table.schema}"
        assert Features.from_arrow_schema(table.schema) == declared_parquet
        table.validate(full=True)
        lines = (out / "metadata" / f"{split}.jsonl").read_text().splitlines()
        assert table.to_pylist() == [json.loads(line) for line in lines]
        assert [row["id"] for row in table.to_pylist()] == sorted(i for i, r in expected.items() if r["split"] == split)


def empty_list_splits(expected):
    """Splits in which a list column is empty in every row (what Arrow once inferred as list<null>)."""
    return [split for split in {r["split"] for r in expected.values()}
            if any(all(not r[key] for r in expected.values() if r["split"] == split)
                   for key in ("callsigns", "characters", "words", "stations"))]


def check_audio(audio, duration, rate):
    if not DECODE:
        assert audio["path"] or audio["bytes"]
    else:
        samples = audio.get_all_samples()
        assert samples.sample_rate == rate
        assert abs(samples.data.shape[-1] / rate - duration) < 1e-3


@pytest.mark.parametrize("num,seed", SIZES)
def test_load_dataset_dir_uses_declared_features(tool, tmp_path, num, seed):
    pytest.importorskip("datasets")
    if not torch_installed():
        pytest.skip("datasets 5 needs torch to load an audio column; pip install -r tests-python/requirements-torch.txt")
    offline(tmp_path)
    out = tmp_path / "cw"
    tool("generate", "--num-samples", num, "--output-dir", out, "--seed", seed, "--max-duration", 6,
         "--format", "both", "--progress", "none")
    from datasets import Audio, load_dataset
    header, folder_features = declared(out / "README.md")
    shard_header, shard_features = declared(out / "webdataset/README.md")
    features = {"default": folder_features, "webdataset": shard_features}
    expected = records(out)

    shards = load_dataset(str(out / "webdataset"), cache_dir=str(tmp_path / "cache"))
    if not DECODE:
        shards = shards.cast_column("wav", Audio(decode=False))
    count = 0
    for name, split in shards.items():
        assert {k: v for k, v in split.features.items() if k != "wav"} == {
            k: v for k, v in features["webdataset"].items() if k != "wav"}
        for row in split:
            count += 1
            record = expected[row["json"]["id"]]
            assert row["json"]["split"] == name == record["split"]
            assert row["txt"] == record["text"] and row["json"]["callsigns"] == record["callsigns"]
            assert row["json"]["characters"] == record["characters"]
            check_audio(row["wav"], record["duration"], 16000)
    assert count == num
    seen = {record["id"]: record["split"] for record in expected.values()}
    # Splits without clips are not declared (their empty files would not load).
    # audiofolder takes its types from each split's metadata file, not from the card
    # (folder_based_builder.py `_split_generators`); metadata.parquet carries the declared types, so
    # a split whose list columns are empty in every row still reads as the card says.
    check_parquet(out, folder_features, expected)
    for folder in (load_dataset(str(out), cache_dir=str(tmp_path / "cache")),
                   load_dataset("audiofolder", data_dir=str(out), cache_dir=str(tmp_path / "cache"))):
        if not DECODE:
            folder = folder.cast_column("audio", Audio(decode=False))
        assert set(folder) == set(seen.values())
        for name, split in folder.items():
            # audiofolder replaces the declared audio feature by its own (no sampling rate); every other
            # column keeps the declared type, and the decoded audio is at the dataset's rate.
            assert {k: v for k, v in split.features.items() if k != "audio"} == {
                k: v for k, v in features["default"].items() if k != "audio"}, f"{name}: {split.features}"
            assert list(split.features) == list(features["default"])
            assert isinstance(split.features["audio"], Audio)
            for row in split:
                record = expected[row["id"]]
                assert seen[row["id"]] == name
                assert {k: v for k, v in row.items() if k != "audio"} == {
                    k: v for k, v in record.items() if k not in ("file_name", "line_crc")}
                check_audio(row["audio"], record["duration"], 16000)
            assert sorted(row["id"] for row in split) == sorted(i for i, s in seen.items() if s == name)
    assert sorted(seen) == sorted(expected) == list(range(num))
    # The seeds above include splits whose list columns are all empty: the case this test guards.
    # Up to 20 clips, some split has a list column empty in every row: the case this test guards.
    if num <= 20:
        assert empty_list_splits(expected), f"N={num} seed={seed}: no split has an all-empty list column"

    for card in (header, shard_header):
        assert {entry["split"] for entry in card["configs"][0]["data_files"]} == set(seen.values())
