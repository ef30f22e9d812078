"""NeMo reads our manifests/{split}.jsonl through its own path rules, reimplemented here from its
source: run from any working directory (another generated dataset's root, its manifests or audio
folder, the dataset itself, an unrelated folder), every row must reach this dataset's own WAV, with
the stated duration and text.

NeMo is not installed here (it pulls in torch, lightning, hydra…); the facts below are read from
NVIDIA/NeMo, file nemo/collections/common/parts/preprocessing/manifest.py, functions
`__parse_item` (takes `audio_filepath`, then calls `get_full_path(audio_file, manifest_file)`),
`get_full_path` and `is_tarred_dataset`. The Lhotse route (nemo/collections/common/data/lhotse/
nemo_adapters.py, `LazyNeMoIterator`) calls the same `get_full_path`. Two versions differ:

- NeMo 1.19 to 2.0 (commit fa89ba5, May 2023, to v2.0.0): a relative path that names an existing
  file *from the working directory* (`os.path.isfile(audio_file)`) is used as it is; only otherwise
  is it joined to the manifest's folder.
- NeMo 2.1 and later (commit 5db91e7, Nov 2024, still so at 8cfedd7, Sep 2025): that check is
  commented out ("slows down dataloading"): the manifest's folder is tried first, and the working
  directory only when that file is missing.

In both, an absolute path (`os.path.isabs`) is used as it stands (after `expanduser`), and a path
without "/" in a file named tarred_audio_manifest.json or sharded_manifests/manifest_N.json is a
tar member name.
"""
import json
import os
import re
import wave
from pathlib import Path

import pytest

N = 20
SPLITS = ("train", "validation", "test")


def is_tarred_dataset(audio_file, manifest_file):
    """Our reading of NeMo's `is_tarred_dataset` (manifest.py)."""
    if "/" in audio_file or manifest_file is None:
        return False
    name = os.path.basename(manifest_file)
    return name == "tarred_audio_manifest.json" or (
        "/sharded_manifests/" in manifest_file and re.match(r"^manifest_(\d+)\.json$", name) is not None)


def get_full_path(audio_file, manifest_file, working_directory_first, length_limit=255):
    """Our reading of NeMo's `get_full_path` (manifest.py) for one path and a manifest file;
    `working_directory_first` selects the NeMo ≤ 2.0 rule (see the module's notes)."""
    if is_tarred_dataset(audio_file, manifest_file):
        return audio_file
    relative = len(audio_file) < length_limit and not os.path.isabs(audio_file)
    if relative and working_directory_first and os.path.isfile(audio_file):
        relative = False
    if relative:
        candidate = os.path.join(os.path.dirname(manifest_file), audio_file)
        if os.path.isfile(candidate):
            return os.path.abspath(candidate)
    return os.path.expanduser(audio_file)


RULES = {"nemo-2.0": True, "nemo-2.1+": False}


def generate(tool, out, seed, *extra):
    tool("generate", "--num-samples", N, "--seed", seed, "--max-duration", 8, "--output-dir", out,
         "--progress", "none", *extra)
    return out


@pytest.fixture(scope="module")
def datasets(tmp_path_factory):
    """Two datasets of 20 clips with different seeds, in each path style."""
    from conftest import run_tool
    base = tmp_path_factory.mktemp("nemo")
    made = {}
    for style in ("absolute", "relative"):
        for name, seed in (("a", 1), ("b", 2)):
            made[style, name] = generate(run_tool, base / style / name, seed, "--nemo-paths", style)
    (base / "unrelated").mkdir()
    return base, made


def own_clips(root):
    """audio_file → (real path of the WAV, text) from the dataset's metadata/{split}.jsonl."""
    clips = {}
    for split in SPLITS:
        for line in (root / "metadata" / f"{split}.jsonl").read_text().splitlines():
            record = json.loads(line)
            clips[record["audio_file"]] = (os.path.realpath(root / "audio" / record["audio_file"]), record["text"])
    return clips


def wav_duration(path):
    with wave.open(path, "rb") as audio:
        return audio.getnframes() / audio.getframerate()


def working_directories(base, style):
    other = base / style / "b"
    return {
        "other dataset's root": other,
        "other dataset's manifests": other / "manifests",
        "other dataset's audio/train": other / "audio" / "train",
        "the dataset itself": base / style / "a",
        "an unrelated folder": base / "unrelated",
    }


def resolve_all(root, rule, manifest_naming):
    """Every manifest row of `root` as NeMo resolves it from the current working directory:
    (row, real path it opens). `manifest_naming` is how the user passes the manifest."""
    rows = []
    for split in SPLITS:
        manifest = root / "manifests" / f"{split}.jsonl"
        given = str(manifest) if manifest_naming == "absolute" else os.path.relpath(manifest)
        for line in manifest.read_text().splitlines():
            row = json.loads(line)
            resolved = get_full_path(row["audio_filepath"], given, working_directory_first=RULES[rule])
            rows.append((row, os.path.realpath(resolved)))
    return rows


@pytest.mark.parametrize("manifest_naming", ["absolute", "relative"])
@pytest.mark.parametrize("rule", sorted(RULES))
@pytest.mark.parametrize("where", ["other dataset's root", "other dataset's manifests", "other dataset's audio/train",
                                   "the dataset itself", "an unrelated folder"])
def test_absolute_paths_reach_only_the_datasets_own_audio(datasets, monkeypatch, where, rule, manifest_naming):
    base, made = datasets
    root = made["absolute", "a"]
    clips = own_clips(root)
    by_path = {path: (audio_file, text) for audio_file, (path, text) in clips.items()}
    monkeypatch.chdir(working_directories(base, "absolute")[where])
    rows = resolve_all(root, rule, manifest_naming)
    assert len(rows) == N
    for row, resolved in rows:
        assert os.path.isabs(row["audio_filepath"])
        assert resolved in by_path, f"{row['audio_filepath']} resolved to {resolved}, not a file of {root}"
        audio_file, text = by_path[resolved]
        assert row["text"] == text
        assert abs(wav_duration(resolved) - row["duration"]) < 1e-6
    assert sorted(by_path[resolved][0] for _, resolved in rows) == sorted(clips)


@pytest.mark.parametrize("where", ["other dataset's root", "other dataset's manifests", "other dataset's audio/train",
                                   "the dataset itself", "an unrelated folder"])
def test_relative_paths_hold_from_nemo_2_1_on(datasets, monkeypatch, where):
    base, made = datasets
    root = made["relative", "a"]
    by_path = {path: text for path, text in own_clips(root).values()}
    monkeypatch.chdir(working_directories(base, "relative")[where])
    for row, resolved in resolve_all(root, "nemo-2.1+", "absolute"):
        assert row["audio_filepath"].startswith("../audio/")
        assert by_path.get(resolved) == row["text"], f"{row['audio_filepath']} resolved to {resolved}"
        assert abs(wav_duration(resolved) - row["duration"]) < 1e-6


def test_relative_paths_are_taken_for_another_datasets_files_by_nemo_2_0(datasets, monkeypatch):
    """Why `absolute` is the default: with relative paths, NeMo 2.0 run from inside another
    dataset's manifests folder opens that dataset's files, with this dataset's labels."""
    base, made = datasets
    root, other = made["relative", "a"], made["relative", "b"]
    monkeypatch.chdir(other / "manifests")
    wrong = [resolved for _, resolved in resolve_all(root, "nemo-2.0", "absolute")
             if resolved.startswith(os.path.realpath(other) + os.sep)]
    assert len(wrong) >= N // 2, f"only {len(wrong)} rows reached the other dataset"


def test_manifests_name_the_datasets_real_folder(datasets):
    """Absolute paths are the real path (links resolved) of the folder, written at finalisation."""
    _, made = datasets
    root = made["absolute", "a"]
    real = os.path.realpath(root)
    for split in SPLITS:
        for line in (root / "manifests" / f"{split}.jsonl").read_text().splitlines():
            row = json.loads(line)
            assert row["audio_filepath"].startswith(real + "/audio/" + split + "/morse_")
            assert os.path.normpath(row["audio_filepath"]) == row["audio_filepath"]


def test_a_moved_dataset_is_reported_and_merge_rewrites_its_manifests(datasets, tool, tmp_path):
    """A copy still names the original's audio: validate says so and names the fix; `merge DIR`
    rewrites the manifests for the new folder without making any clip."""
    import shutil
    _, made = datasets
    copy = tmp_path / "moved"
    shutil.copytree(made["absolute", "a"], copy)
    wavs = {p: p.stat().st_mtime_ns for p in copy.glob("audio/*/*.wav")}
    result = tool("validate", copy, check=False)
    assert result.returncode == 1
    assert "lead outside this dataset" in result.stdout and f"morse-dataset merge {copy}" in result.stdout
    tool("merge", copy)
    assert {p: p.stat().st_mtime_ns for p in copy.glob("audio/*/*.wav")} == wavs, "merge made audio again"
    rows = [json.loads(line) for line in (copy / "manifests" / "train.jsonl").read_text().splitlines()]
    assert rows and all(row["audio_filepath"].startswith(os.path.realpath(copy) + "/audio/train/") for row in rows)
    result = tool("validate", copy, check=False)
    assert result.returncode == 0, result.stdout


def test_the_card_names_max_duration_and_the_manifests(datasets):
    _, made = datasets
    card = (made["absolute", "a"] / "README.md").read_text()
    assert "train_ds.max_duration: 8.00" in card
    assert "manifests/train.jsonl" in card and "morse-dataset merge" in card
