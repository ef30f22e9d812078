"""The render command's files, read by independent readers: wave, soundfile, json."""
import json
import wave

import numpy as np
import soundfile


def test_pcm16_wav_reads_with_wave_and_soundfile(tool, tmp_path):
    out, timeline = tmp_path / "cq.wav", tmp_path / "cq.json"
    tool("render", "--text", "CQ TEST DE K1ABC K1ABC <KN>", "--wpm", 25, "--tone", 700, "--fist", "bug",
         "--seed", 7, "--output", out, "--timeline", timeline)
    doc = json.loads(timeline.read_text())
    with wave.open(str(out)) as w:
        assert (w.getnchannels(), w.getframerate(), w.getsampwidth()) == (1, 16000, 2)
        frames = w.getnframes()
        pcm = np.frombuffer(w.readframes(frames), dtype="<i2")
    assert abs(frames / 16000 - doc["duration"]) < 1 / 16000
    data, rate = soundfile.read(str(out), dtype="int16")
    assert rate == 16000 and data.ndim == 1 and np.array_equal(data, pcm)
    # The timeline labels exactly the keyed text, inside the file.
    assert "".join(c["text"] for c in doc["characters"]) == "CQTESTDEK1ABCK1ABC<KN>"
    assert " ".join(w["text"] for w in doc["words"]) == doc["text"] == "CQ TEST DE K1ABC K1ABC <KN>"
    assert 0 < doc["characters"][0]["start"] and doc["characters"][-1]["end"] < doc["duration"]
    # Sound exists exactly around the marks: silence well before the first mark.
    first = doc["marks"][0]["start"]
    assert np.all(pcm[: int((first - 0.006) * 16000)] == 0)
    assert np.abs(pcm[int((first + 0.01) * 16000):int((first + 0.02) * 16000)]).max() > 10000


def test_float32_wav_reads_with_soundfile(tool, tmp_path):
    out = tmp_path / "f.wav"
    tool("render", "--text", "TEST", "--format", "float32", "--amplitude", 0.25, "--seed", 1, "--output", out)
    info = soundfile.info(str(out))
    assert info.subtype == "FLOAT" and info.samplerate == 16000 and info.channels == 1
    data, _ = soundfile.read(str(out), dtype="float32")
    assert abs(np.abs(data).max() - 0.25) < 0.001


def test_same_seed_same_bytes_different_seed_different_bytes(tool, tmp_path):
    paths = [tmp_path / f"{i}.wav" for i in range(3)]
    for path, seed in zip(paths, [5, 5, 6]):
        tool("render", "--text", "CQ CQ DE DL1ABC", "--fist", "straight", "--seed", seed, "--output", path)
    a, b, c = (p.read_bytes() for p in paths)
    assert a == b and a != c


def test_unknown_character_is_a_clear_error(tool, tmp_path):
    result = tool("render", "--text", "CQ ü", "--output", tmp_path / "x.wav", check=False)
    assert result.returncode != 0
    assert "unknown character 'ü'" in result.stderr and "position 4" in result.stderr
    assert not (tmp_path / "x.wav").exists()
