"""A generated dataset read with independent readers: csv, json, wave and soundfile."""
import csv
import json
import wave
from pathlib import Path

import numpy as np
import pytest
import soundfile

REFERENCE_COLUMNS = ["id", "audio_file", "text", "contest_type", "sample_type", "wpm", "condition", "duration", "is_noise_only"]
SPLITS = ["train", "validation", "test"]
FIXTURE = Path(__file__).resolve().parents[1] / "Tests/Fixtures/contest_cw.yaml"
N = 80


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    from conftest import run_tool
    out = tmp_path_factory.mktemp("ds") / "cw"
    result = run_tool("generate", "--num_samples", N, "--output_dir", out, "--seed", 11, "--num-workers", 2,
                      "--max-duration", 12, "--noise-ratio", 0.1, "--config", FIXTURE, "--progress", "lines")
    return out, result


def read_csv(path):
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


def test_console_reports_seed_workers_and_summary(dataset):
    _, result = dataset
    assert "seed 11" in result.stdout and "Using 2 worker threads" in result.stdout
    assert f"Total samples: {N}" in result.stdout and "Noise-only samples: 8" in result.stdout
    assert "Duration distribution:" in result.stdout and "Splits: train" in result.stdout


def test_metadata_csv_rows_match_audio_files(dataset):
    out, _ = dataset
    rows = read_csv(out / "metadata.csv")
    with open(out / "metadata.csv", newline="") as handle:
        header = next(csv.reader(handle))
    assert header[:9] == REFERENCE_COLUMNS
    assert sorted(int(r["id"]) for r in rows) == list(range(N))
    for row in rows:
        path = out / "audio" / row["audio_file"]
        with wave.open(str(path)) as w:
            assert (w.getnchannels(), w.getframerate(), w.getsampwidth()) == (1, 16000, 2)
            seconds = w.getnframes() / 16000
        assert abs(seconds - float(row["duration"])) < 1e-5
        assert seconds <= 12.0
        data, rate = soundfile.read(str(path))
        assert rate == 16000 and data.ndim == 1 and len(data) == round(seconds * 16000)
        assert np.abs(data).max() <= 0.951
        noise = row["is_noise_only"] == "True"
        assert (row["text"] == "") == noise
        if noise:
            assert row["contest_type"] == "NOISE" and float(row["wpm"]) == 0
        else:
            assert 10 <= float(row["wpm"]) <= 45  # the coverage defaults (issue 15.1)
            assert row["condition"] in {"clean", "contest_good", "contest_moderate", "contest_poor", "dx_expedition"}


def test_splits_are_disjoint_cover_everything_and_follow_ratios(dataset):
    out, _ = dataset
    all_rows = {r["id"]: r for r in read_csv(out / "metadata.csv")}
    seen = set()
    counts = {}
    for split in SPLITS:
        rows = read_csv(out / "splits" / f"{split}.csv")
        ids = {r["id"] for r in rows}
        assert not ids & seen
        seen |= ids
        counts[split] = len(rows)
        assert all(r["audio_file"].startswith(split + "/") and r["split"] == split for r in rows)
        lines = (out / "splits" / f"{split}_transcripts.txt").read_text().splitlines()
        assert lines == [f'{r["audio_file"]}|{r["text"]}' for r in rows]
        # Noise-only clips are spread over the splits too.
    assert seen == set(all_rows)
    assert abs(counts["train"] - 0.8 * N) <= 6 and abs(counts["validation"] - 0.1 * N) <= 6
    noise_by_split = {s: sum(r["is_noise_only"] == "True" for r in read_csv(out / "splits" / f"{s}.csv")) for s in SPLITS}
    assert noise_by_split["train"] >= 5 and noise_by_split["validation"] + noise_by_split["test"] >= 1


def test_audiofolder_metadata_and_nemo_manifests(dataset):
    out, _ = dataset
    csv_rows = {r["id"]: r for r in read_csv(out / "metadata.csv")}
    for split in SPLITS:
        folder = out / "audio" / split
        records = [json.loads(line) for line in (out / "metadata" / f"{split}.jsonl").read_text().splitlines()]
        assert sorted(p.name for p in folder.glob("*.wav")) == sorted(r["file_name"] for r in records)  # no orphans
        for record in records:
            assert (folder / record["file_name"]).exists()
            assert record["text"] == csv_rows[str(record["id"])]["text"]
            assert isinstance(record["text"], str)  # "" for noise-only, never null
            keyed = "".join(c["text"] for c in record["characters"])
            assert keyed == record["text"].replace(" ", "")
            assert all(0 <= c["start"] < c["end"] <= record["duration"] for c in record["characters"])
            assert {"snr_500", "snr_2500", "channel", "fist", "tone", "seed"} <= set(record)
        manifest = [json.loads(line) for line in (out / "manifests" / f"{split}.jsonl").read_text().splitlines()]
        assert len(manifest) == len(records)
        for entry, record in zip(manifest, records):
            audio = (out / "manifests" / entry["audio_filepath"]).resolve()
            assert audio == (folder / record["file_name"]).resolve() and audio.exists()
            assert entry["text"] == record["text"] and abs(entry["duration"] - record["duration"]) < 1e-6


def test_dataset_info_and_card(dataset):
    out, _ = dataset
    info = json.loads((out / "dataset_info.json").read_text())
    for key in ["num_samples", "num_morse_samples", "num_noise_samples", "sample_rate", "max_duration", "contest_types",
                "wpm_range", "conditions", "avg_duration", "num_workers", "creation_date", "seed"]:
        assert key in info
    assert info["num_samples"] == N and info["num_noise_samples"] == 8 and info["seed"] == 11
    assert info["contest_types"] == ["CQWW", "CQWPX", "ARRLDX", "FIELD_DAY", "NAQP", "SWEEPSTAKES", "SPRINT", "IARU"]
    card = (out / "README.md").read_text()
    assert "dataset_info:" in card and "- audio/train/*.wav" in card and "--seed 11" in card


def test_same_seed_same_bytes_on_one_worker(dataset, tmp_path):
    from conftest import run_tool, without_card_fingerprint
    out, _ = dataset
    other = tmp_path / "again"
    run_tool("generate", "--num-samples", N, "--output-dir", other, "--seed", 11, "--num-workers", 1,
             "--max-duration", 12, "--noise-ratio", 0.1, "--config", FIXTURE, "--progress", "none")
    files = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file() and ".morse-dataset" not in p.parts)
    assert files == sorted(p.relative_to(other) for p in other.rglob("*") if p.is_file() and ".morse-dataset" not in p.parts)
    for name in files:
        a, b = (out / name).read_bytes(), (other / name).read_bytes()
        if name.name == "dataset_info.json":
            a, b = (json.loads(x) for x in (a, b))
            for volatile in ("creation_date", "num_workers"):
                a.pop(volatile), b.pop(volatile)
        if name.parts[0] == "manifests":  # absolute NeMo paths name each dataset's own folder
            a = a.replace(str(out.resolve()).encode(), b"DS")
            b = b.replace(str(other.resolve()).encode(), b"DS")
        if name.name == "README.md":  # the card's fingerprint digests each dataset's own folder
            a, b = without_card_fingerprint(a), without_card_fingerprint(b)
        assert a == b, name
