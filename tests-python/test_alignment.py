"""Alignment consumers: the `whisper_text` column through openai-whisper's own tokenizer, and the
`--format lhotse` manifests through the real lhotse package (validation, audio, features)."""
import json
from pathlib import Path

import pytest

from conftest import run_tool


def records(root):
    """Every clip's full metadata record, from metadata/{split}.jsonl."""
    rows = []
    for path in sorted(Path(root, "metadata").glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return rows


@pytest.fixture(scope="module")
def long_clips(tmp_path_factory):
    """Clips up to Whisper's 30 s window, so the token budget is tested on the longest ones."""
    out = tmp_path_factory.mktemp("whisper") / "ds"
    run_tool("generate", "--num-samples", "40", "--seed", "7", "--max-duration", "30", "--noise-ratio", "0.1",
             "--output-dir", out, "--progress", "none")
    return out


def segments(tokenizer, tokens):
    """(start, end, text) per timestamped segment of a token list."""
    begin = tokenizer.timestamp_begin
    found, start, text = [], None, []
    for token in tokens:
        if token >= begin:
            time = (token - begin) * 0.02
            if start is None:
                start = time
            else:
                found.append((start, time, tokenizer.decode(text).strip()))
                start, text = None, []
        else:
            assert start is not None, "text outside a segment"
            text.append(token)
    assert start is None, "a segment is not closed"
    return found


def test_whisper_timestamps_tokenise_and_map_back_to_the_labels(long_clips):
    whisper_tokenizer = pytest.importorskip("whisper.tokenizer")
    tokenizer = whisper_tokenizer.get_tokenizer(multilingual=True, language="en", task="transcribe")
    rows = records(long_clips)
    assert len(rows) == 40
    checked = 0
    for row in rows:
        stamped = row["whisper_text"]
        if row["is_noise_only"]:
            assert stamped == ""
            continue
        tokens = tokenizer.encode(stamped, allowed_special="all")
        # The decoder's whole training target: <|startoftranscript|><|en|><|transcribe|> … <|endoftext|>.
        assert len(tokenizer.sot_sequence) + len(tokens) + 1 <= 448, (row["id"], len(tokens))
        found = segments(tokenizer, tokens)
        assert found, row["id"]
        # The segments hold the transcript's words, in order, nothing added or lost.
        assert " ".join(text for _, _, text in found).split() == [w["text"] for w in row["words"]]
        words = iter(row["words"])
        for start, end, text in found:
            first = next(words)
            last = first
            for _ in text.split()[1:]:
                last = next(words)
            assert abs(start - first["start"]) <= 0.02, (row["id"], start, first)
            assert abs(end - last["end"]) <= 0.02, (row["id"], end, last)
            assert start <= end
            checked += 1
        assert tokenizer.decode_with_timestamps(tokens) == stamped
    assert checked > 40


@pytest.fixture(scope="module")
def lhotse_dataset(tmp_path_factory):
    out = tmp_path_factory.mktemp("lhotse") / "ds"
    run_tool("generate", "--num-samples", "24", "--seed", "3", "--max-duration", "8", "--noise-ratio", "0.1",
             "--format", "folder,lhotse", "--output-dir", out, "--progress", "none")
    return out


def test_lhotse_manifests_load_validate_and_give_features(lhotse_dataset):
    lhotse = pytest.importorskip("lhotse")
    from lhotse import CutSet, Fbank, RecordingSet, SupervisionSet
    from lhotse.qa import fix_manifests, validate, validate_recordings_and_supervisions
    import numpy as np
    import soundfile

    root = lhotse_dataset
    by_id = {f"morse_{row['id']:06d}": row for row in records(root)}
    total = 0
    for split in ("train", "validation", "test"):
        folder = root / "lhotse"
        recordings = RecordingSet.from_jsonl(folder / f"recordings_{split}.jsonl").with_path_prefix(root)
        supervisions = SupervisionSet.from_jsonl(folder / f"supervisions_{split}.jsonl")
        cuts = CutSet.from_jsonl(folder / f"cuts_{split}.jsonl").with_recording_path_prefix(root)
        assert len(recordings) == len(supervisions) == len(cuts)
        total += len(cuts)
        validate_recordings_and_supervisions(recordings, supervisions, read_data=True)
        validate(cuts, read_data=True)
        fixed_recordings, fixed_supervisions = fix_manifests(recordings, supervisions)
        assert len(fixed_recordings) == len(recordings) and len(fixed_supervisions) == len(supervisions)
        for cut in cuts:
            row = by_id[cut.id]
            assert row["split"] == split
            (supervision,) = cut.supervisions
            assert supervision.text == row["text"]
            assert cut.duration == pytest.approx(row["duration"], abs=1e-6)
            for level, key in (("char", "characters"), ("word", "words")):
                items = supervision.alignment[level]
                assert [item.symbol for item in items] == [span["text"] for span in row[key]]
                for item, span in zip(items, row[key]):
                    assert item.start == pytest.approx(span["start"], abs=1e-5)
                    assert item.end == pytest.approx(span["end"], abs=2e-5)
            audio = cut.load_audio()
            expected, rate = soundfile.read(root / "audio" / row["audio_file"], dtype="float32")
            assert rate == cut.sampling_rate == row["sample_rate"]
            assert audio.shape == (1, row["num_samples"])
            assert np.allclose(audio[0], expected, atol=1e-4)
        extractor = Fbank()
        for cut in list(cuts)[:3]:
            features = cut.compute_features(extractor)
            frames = round(cut.duration / extractor.frame_shift)
            assert features.shape[1] == 80 and abs(features.shape[0] - frames) <= 2, (features.shape, frames)
            assert np.isfinite(features).all()
    assert total == 24
