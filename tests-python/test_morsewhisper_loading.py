"""MorseWhisper's trainer reads our datasets as it read the reference builder's: its loading rules,
reimplemented here, meet every row at N = 1, 3, 10 and 20 with several seeds.

Read from plaingca/MorseWhisper (commit eca1403):
- training/fine_tune.py, `prepare_dataset_memory_efficient` (the path `fine_tune_whisper` takes):
  for split in train, validation, test: skip the split when `splits/{split}.csv` is missing; else
  `pd.read_csv(split_file)` with pandas' defaults (so types are inferred and "NA", "N/A", "null",
  "nan", "None"… become NaN), `text` filled with '' for NaN, only the columns `audio_file` and
  `text` kept; audio from `data_dir / 'audio' / audio_file` via `librosa.load(path, sr=16000)`,
  padded or cut to 30 s (480,000 samples); the label is "<|morse|> {text} <|endoftext|>" when
  `text.strip()` is not empty, else "<|noise|> <|endoftext|>" — `text.strip()` is called on the
  value as pandas typed it, so a number there raises.
- `prepare_dataset_memory_efficient` also reads `metadata.csv`'s `duration` (mean and max) and
  warns above 30 s.
- training/fine_tune.py `MorseWhisperDataset.__getitem__` and training/fine_tune_lazy.py
  `LazyWhisperDataset` read the same files; the lazy one loads with `soundfile.read` and resamples
  (resampy) only when the rate is not 16000, and turns a non-NaN text into `str(text)`.

librosa is not installed here; soundfile reads the same PCM WAV samples, and the test requires the
file's own rate to be 16 kHz, so librosa would not resample (nothing it would change is untested).
"""
import json
import math

import numpy as np
import pandas as pd
import pytest
import soundfile

SPLITS = ("train", "validation", "test")
WHISPER_RATE = 16000
WINDOW = 30 * WHISPER_RATE


def our_transcripts(root):
    """audio_file → transcript, read as plain strings (no type inference) from metadata/{split}.jsonl."""
    texts = {}
    for split in SPLITS:
        path = root / "metadata" / f"{split}.jsonl"
        for line in path.read_text().splitlines():
            record = json.loads(line)
            texts[record["audio_file"]] = record["text"]
    return texts


def trainer_rows(root):
    """(split, audio_file, text) as `prepare_dataset_memory_efficient` sees them."""
    rows = []
    for split in SPLITS:
        split_file = root / "splits" / f"{split}.csv"
        if not split_file.exists():
            continue
        frame = pd.read_csv(split_file)
        frame["text"] = frame["text"].fillna("")
        for audio_file, text in frame[["audio_file", "text"]].itertuples(index=False):
            rows.append((split, audio_file, text))
    return rows


def label(text):
    """The trainer's label string; `text.strip()` on whatever pandas made of the cell."""
    return f"<|morse|> {text} <|endoftext|>" if text.strip() else "<|noise|> <|endoftext|>"


@pytest.mark.parametrize("count", [1, 3, 10, 20])
@pytest.mark.parametrize("seed", [1, 7, 40])
def test_the_trainer_reads_every_clip_with_its_transcript(tool, tmp_path, count, seed):
    root = tmp_path / "data"
    tool("generate", "--num-samples", count, "--seed", seed, "--max-duration", 8, "--output-dir", root,
         "--progress", "none")
    ours = our_transcripts(root)
    rows = trainer_rows(root)
    assert sorted(audio_file for _, audio_file, _ in rows) == sorted(ours), "the split CSVs list every clip once"
    for split, audio_file, text in rows:
        assert isinstance(audio_file, str) and audio_file.startswith(split + "/")
        assert isinstance(text, str), f"{audio_file}: pandas read the text {text!r} as {type(text).__name__}"
        assert text == ours[audio_file], f"{audio_file}: the trainer sees {text!r}, we wrote {ours[audio_file]!r}"
        assert label(text).startswith("<|noise|>") == (ours[audio_file] == "")
        audio, rate = soundfile.read(str(root / "audio" / audio_file), dtype="float32")
        assert rate == WHISPER_RATE and audio.ndim == 1, f"{audio_file}: {rate} Hz, {audio.ndim} channels"
        assert 0 < len(audio) <= WINDOW, f"{audio_file}: {len(audio)} samples; the trainer cuts at {WINDOW}"
        assert np.isfinite(audio).all() and np.abs(audio).max() <= 1.0
    durations = pd.read_csv(root / "metadata.csv")["duration"]
    assert durations.dtype.kind == "f" and math.isfinite(durations.mean()) and durations.max() <= 30


def retyped_by_pandas(text):
    """What the trainer's `pd.read_csv` makes of `text` when it is the only transcript in its
    split (quoting does not stop pandas' type inference or its NA strings)."""
    import io
    frame = pd.read_csv(io.StringIO("id,audio_file,text\n0,train/morse_000000.wav," + json.dumps(text) + "\n"))
    frame["text"] = frame["text"].fillna("")
    return frame["text"].iloc[0]


def test_no_transcript_is_retyped_when_alone_in_its_split(tool, tmp_path):
    """A split whose every transcript pandas reads as a number ("73") or as NA ("NA", "NULL") is
    mislabelled or crashes the trainer (`text.strip()` on an int): with 1–3 clips a split has one
    transcript, so none we write may be such a string."""
    root = tmp_path / "data"
    tool("generate", "--num-samples", 300, "--seed", 3, "--max-duration", 8, "--output-dir", root,
         "--progress", "none")
    texts = set(our_transcripts(root).values()) - {""}
    retyped = sorted((text, repr(retyped_by_pandas(text))) for text in texts if retyped_by_pandas(text) != text)
    assert not retyped, f"{len(retyped)} of {len(texts)} transcripts change type alone in a split: {retyped[:10]}"
