"""`load_dataset(DIR)` gives each dataset its own cache entry. `datasets` keeps a local folder's
Arrow cache under the folder's basename and a hash of the card's configs, which name patterns, not
files: without the card's fingerprint line two datasets in folders of the same name, or one made
again in place, shared one entry, and `load_dataset` silently gave the other dataset's rows (and
failed once that folder was removed, its audio paths being absolute)."""
import json
import shutil

import pytest

from test_declared_schema import DECODE, torch_installed


def made(tool, out, seed, num, fmt, *extra):
    tool("generate", "--num-samples", num, "--output-dir", out, "--seed", seed, "--max-duration", 6,
         "--format", fmt, "--progress", "none", *extra)
    expected = {}
    for path in (out / ".morse-dataset").glob("journal*.jsonl"):
        for line in path.read_text().splitlines():
            if line.strip():
                record = json.loads(line)
                expected.setdefault(record["split"], []).append((record["id"], record["text"]))
    return {split: sorted(pairs) for split, pairs in expected.items()}


def loaded(out, fmt, cache):
    """Each split's (id, text) pairs as `load_dataset(DIR)` gives them, and one clip's audio decoded."""
    from datasets import load_dataset
    folder = out if fmt == "folder" else out / "webdataset"
    dataset = load_dataset(str(folder), cache_dir=str(cache))
    pairs = {}
    for split in dataset:
        if fmt == "folder":
            rows = dataset[split].select_columns(["id", "text"])
            pairs[split] = sorted((row["id"], row["text"]) for row in rows)
        else:
            rows = dataset[split].select_columns(["json"])
            pairs[split] = sorted((row["json"]["id"], row["json"]["text"]) for row in rows)
        audio = dataset[split][0]["audio" if fmt == "folder" else "wav"]
        if DECODE:
            assert audio.get_all_samples().data.shape[-1] > 0
    return pairs


@pytest.mark.parametrize("fmt", ["folder", "webdataset"])
def test_each_dataset_loads_its_own_rows(tool, tmp_path, monkeypatch, fmt):
    pytest.importorskip("datasets")
    if not torch_installed():
        pytest.skip("datasets 5 needs torch to load an audio column; pip install -r tests-python/requirements-torch.txt")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    cache = tmp_path / "cache"  # shared by every load below, as ~/.cache/huggingface/datasets is
    first, second = tmp_path / "one" / "ds", tmp_path / "two" / "ds"  # the same basename
    first_rows = made(tool, first, 1, 40, fmt)
    second_rows = made(tool, second, 3, 12, fmt)
    assert first_rows != second_rows
    assert loaded(first, fmt, cache) == first_rows
    assert loaded(second, fmt, cache) == second_rows

    # The same folder made again with another seed and size gives the new rows.
    again = made(tool, first, 5, 20, fmt, "--overwrite")
    assert again != first_rows
    assert loaded(first, fmt, cache) == again

    # Removing the first dataset leaves the second loadable, its audio read from its own folder.
    shutil.rmtree(tmp_path / "one")
    assert loaded(second, fmt, cache) == second_rows
