"""WebDataset-only and Lhotse-only datasets are complete: index files, a card that points at what
exists, no loose WAVs for WebDataset alone, `validate`/`stats`/`preview` reading the shards, resume
and re-runs that neither remake nor lose anything, and `load_dataset(DIR)` loading typed rows."""
import csv
import json
import os
import shutil
import signal
import subprocess
import tarfile
import time
from pathlib import Path

import pytest

from conftest import BINARY, SMALL_RUN, assert_same_dataset, dataset_files, run_tool

SPLITS = ["train", "validation", "test"]
PACED = {**os.environ, "MORSE_DATASET_TEST_DELAY_MS": "100"}


def generate(out, n, seed, *extra):
    return run_tool("generate", "--num-samples", n, "--seed", seed, "--max-duration", 6, "--format", "webdataset",
                    "--output-dir", out, "--progress", "none", *extra)


def rows(out):
    with open(out / "metadata.csv", newline="") as f:
        return list(csv.DictReader(f))


def assert_inspectable(out, n):
    """validate finds nothing, stats counts every clip, preview draws the first and last clip."""
    validated = run_tool("validate", out)
    assert "no problems found" in validated.stdout, validated.stdout
    assert f"OK: {n} clips, {n} audio files checked" in validated.stdout
    stats = run_tool("stats", out)
    assert stats.stdout.startswith(f"Clips: {n} ("), stats.stdout
    listed = rows(out)
    for row in (listed[0], listed[-1]):
        png = out.parent / f"preview-{row['id']}.png"
        drawn = run_tool("preview", out, "--id", row["id"], "--output", png)
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        marked = int(drawn.stdout.split(" characters marked")[0].rsplit(", ", 1)[1])
        symbols = len(row["text"].replace(" ", "")) if row["text"] else 0
        assert (marked > 0) == (symbols > 0), drawn.stdout


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("n", [1, 3, 20])
def test_a_webdataset_only_dataset_is_complete_without_loose_audio(tmp_path, n, seed):
    out = tmp_path / "ds"
    generate(out, n, seed)
    assert not (out / "audio").exists(), "loose WAVs were kept"
    info = json.loads((out / "dataset_info.json").read_text())
    assert info["formats"] == ["webdataset"] and info["loose_audio"] is False
    listed = rows(out)
    assert len(listed) == n == info["num_samples"]
    # dataset_info.json lists every shard with its clip count and id range; together they hold
    # every clip of metadata.csv, each in exactly one shard of its split, as member <key>.wav.
    by_id = {int(r["id"]): r for r in listed}
    seen = {}
    for split in SPLITS:
        shards = info["webdataset_shards"][split]
        assert [s["file"] for s in shards] == sorted(
            f"webdataset/{split}/{p.name}" for p in (out / "webdataset" / split).glob("*.tar"))
        assert sum(s["clips"] for s in shards) == info["split_counts"][split]
        for shard in shards:
            with tarfile.open(out / shard["file"]) as tar:
                ids = [int(m.name[6:-4]) for m in tar.getmembers() if m.name.endswith(".wav")]
            assert len(ids) == shard["clips"] and (ids[0], ids[-1]) == (shard["first_id"], shard["last_id"])
            for i in ids:
                assert i not in seen and by_id[i]["split"] == split
                assert by_id[i]["audio_file"] == f"{split}/morse_{i:06d}.wav"
                seen[i] = shard["file"]
        with open(out / "splits" / f"{split}.csv", newline="") as f:
            assert [r["id"] for r in csv.DictReader(f)] == [r["id"] for r in listed if r["split"] == split]
    assert sorted(seen) == sorted(by_id)
    # The root card declares the shards (and only splits that have clips).
    card = (out / "README.md").read_text()
    header = card.split("---")[1]
    assert "webdataset/train/*.tar" in header and "audio/" not in header
    assert "member `morse_000042.wav` of one shard" in card
    assert_inspectable(out, n)


def test_load_dataset_reads_typed_rows_from_the_shards(tmp_path):
    datasets = pytest.importorskip("datasets")
    out = tmp_path / "ds"
    generate(out, 20, 1)
    loaded = datasets.load_dataset(str(out))
    info = json.loads((out / "dataset_info.json").read_text())
    assert {name: len(split) for name, split in loaded.items()} == {
        s: c for s, c in info["split_counts"].items() if c}
    features = loaded["train"].features
    assert type(features["wav"]).__name__ == "Audio" and features["wav"].sampling_rate == 16000
    assert features["txt"].dtype == "string" and features["json"]["wpm"].dtype == "float64"
    by_id = {int(r["id"]): r for r in rows(out)}
    for row in loaded["train"].select_columns(["__key__", "txt", "json"]):
        clip = by_id[int(row["__key__"][6:])]
        assert row["txt"] == clip["text"] == row["json"]["text"]
        assert row["json"]["split"] == "train"


def test_keep_audio_keeps_the_loose_wavs(tmp_path):
    out = tmp_path / "ds"
    generate(out, 3, 1, "--keep-audio")
    assert len(list((out / "audio").rglob("morse_*.wav"))) == 3
    assert json.loads((out / "dataset_info.json").read_text())["loose_audio"] is True
    assert_inspectable(out, 3)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """SMALL_RUN as WebDataset only, made in one uninterrupted run."""
    out = tmp_path_factory.mktemp("wds-reference") / "ds"
    run_tool("generate", *SMALL_RUN, "--format", "webdataset", "--output-dir", out, "--progress", "none")
    return out


def test_an_interrupted_run_resumes_to_the_same_bytes(tmp_path, reference):
    out = tmp_path / "ds"
    command = [BINARY, "generate", *SMALL_RUN, "--format", "webdataset", "--output-dir", str(out), "--progress", "none",
               "--num-workers", "2"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=PACED)
    journal = out / ".morse-dataset" / "journal.jsonl"
    deadline = time.monotonic() + 60
    while not journal.exists() or journal.read_bytes().count(b"\n") < 10:
        assert process.poll() is None and time.monotonic() < deadline, "the run ended before it could be interrupted"
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=10)
    assert process.returncode == 130, stderr
    # Stopped before the shards were written: the clips made so far are loose WAVs, kept.
    assert (out / "audio").exists() and not (out / "metadata.csv").exists()
    resumed = run_tool("generate", *SMALL_RUN, "--format", "webdataset", "--output-dir", out, "--progress", "none")
    assert "Resumed:" in resumed.stdout
    assert not (out / "audio").exists()
    assert_same_dataset(out, reference)


def test_rerunning_a_finished_command_changes_nothing(tmp_path, reference):
    out = tmp_path / "ds"
    shutil.copytree(reference, out)
    before = dataset_files(out)
    journal = (out / ".morse-dataset" / "journal.jsonl").read_bytes()
    again = run_tool("generate", *SMALL_RUN, "--format", "webdataset", "--output-dir", out, "--progress", "none")
    assert "made 0 more" in again.stdout, again.stdout
    assert (out / ".morse-dataset" / "journal.jsonl").read_bytes() == journal
    assert dataset_files(out) == before
    assert "no problems found" in run_tool("validate", out).stdout


def test_a_run_killed_while_removing_the_wavs_finishes_the_job(tmp_path, reference):
    """Half the WAVs still loose (as a kill during their removal leaves them): the next run keeps
    every clip, makes none, and removes the rest."""
    folder = tmp_path / "folder"
    run_tool("generate", *SMALL_RUN, "--output-dir", folder, "--progress", "none")
    out = tmp_path / "ds"
    shutil.copytree(reference, out)
    wavs = sorted((folder / "audio").rglob("morse_*.wav"))
    for wav in wavs[::2]:
        target = out / "audio" / wav.parent.name / wav.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(wav, target)
    again = run_tool("generate", *SMALL_RUN, "--format", "webdataset", "--output-dir", out, "--progress", "none")
    assert "made 0 more" in again.stdout
    assert not (out / "audio").exists()
    assert_same_dataset(out, reference)


def test_a_lost_shard_is_made_again(tmp_path, reference):
    out = tmp_path / "ds"
    shutil.copytree(reference, out)
    (out / "webdataset" / "validation" / "shard-000000.tar").unlink()
    again = run_tool("generate", *SMALL_RUN, "--format", "webdataset", "--output-dir", out, "--progress", "none")
    made = int(again.stdout.split("made ")[1].split(" more")[0])
    assert made == json.loads((out / "dataset_info.json").read_text())["split_counts"]["validation"]
    assert_same_dataset(out, reference)


def test_validate_names_a_damaged_shard(tmp_path, reference):
    out = tmp_path / "ds"
    shutil.copytree(reference, out)
    shard = out / "webdataset" / "train" / "shard-000000.tar"
    shard.write_bytes(shard.read_bytes()[:5000])
    result = run_tool("validate", out, check=False)
    assert result.returncode != 0
    assert "webdataset/train/shard-000000.tar is truncated" in result.stdout
    assert "missing-audio" in result.stdout


def test_a_lhotse_only_dataset_can_be_inspected(tmp_path):
    out = tmp_path / "ds"
    run_tool("generate", "--num-samples", 5, "--seed", 3, "--max-duration", 6, "--format", "lhotse",
             "--output-dir", out, "--progress", "none")
    assert len(list((out / "audio").rglob("morse_*.wav"))) == 5, "Lhotse recordings point at the WAVs"
    assert json.loads((out / "dataset_info.json").read_text())["loose_audio"] is True
    assert not (out / "manifests").exists()
    assert_inspectable(out, 5)


def test_only_the_tools_wavs_are_removed(tmp_path, reference):
    """A user's file in audio/ and a link named like a clip stay; the link's target is untouched."""
    out = tmp_path / "ds"
    shutil.copytree(reference, out)
    (out / "audio" / "train").mkdir(parents=True)
    (out / "audio" / "validation").mkdir()
    (out / "audio" / "train" / "notes.txt").write_text("mine")
    victim = tmp_path / "victim.wav"
    victim.write_bytes(b"not yours")
    link = out / "audio" / "validation" / "morse_000001.wav"
    link.symlink_to(victim)
    again = run_tool("generate", *SMALL_RUN, "--format", "webdataset", "--output-dir", out, "--progress", "none")
    assert "made 0 more" in again.stdout
    assert (out / "audio" / "train" / "notes.txt").read_text() == "mine"
    assert link.is_symlink() and victim.read_bytes() == b"not yours"
    assert not (out / "audio" / "test").exists()
    for split in SPLITS:
        assert [p.name for p in (out / "webdataset" / split).iterdir()] == [
            p.name for p in (reference / "webdataset" / split).iterdir()]
        for shard in (out / "webdataset" / split).iterdir():
            assert shard.read_bytes() == (reference / "webdataset" / split / shard.name).read_bytes()
