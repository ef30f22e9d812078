"""Hostile inputs to the readers (issue 12, items 5, 6 and 11): each runs the real binary with a
timeout and must end with a message that names the path, a non-zero exit and no signal."""
import math
import os
import struct
import subprocess

import pytest

from conftest import BINARY

TIMEOUT = 60


def wav(rate=16000, channels=1, bits=16, tag=1, data=None, declared=None):
    """A WAV file's bytes with any header fields."""
    if data is None:
        data = b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 700 * i / 16000))) for i in range(8000))
    size = len(data) if declared is None else declared
    fmt = struct.pack("<HHIIHH", tag, channels, rate & 0xFFFFFFFF, (rate * channels * bits // 8) & 0xFFFFFFFF,
                      (channels * bits // 8) & 0xFFFF, bits)
    body = b"WAVEfmt " + struct.pack("<I", 16) + fmt + b"data" + struct.pack("<I", size) + data
    return b"RIFF" + struct.pack("<I", len(body)) + body


def run(*args):
    result = subprocess.run([BINARY, *map(str, args)], capture_output=True, text=True, timeout=TIMEOUT)
    # A negative return code is a death by signal (SIGSEGV, SIGILL from a trap, SIGABRT).
    assert result.returncode > 0, f"exit {result.returncode}:\n{result.stdout}\n{result.stderr}"
    return result


HEADERS = {
    "rate_max": dict(rate=0xFFFFFFFF),
    "rate_1": dict(rate=1),
    "rate_0": dict(rate=0),
    "no_channels": dict(channels=0),
    "bits_12": dict(bits=12),
    "data_4GB": dict(declared=0xFFFFFFF0),
}


@pytest.mark.parametrize("name", sorted(HEADERS))
@pytest.mark.parametrize("command", ["decode", "preview"])
def test_hostile_header_is_refused(tmp_path, name, command):
    path = tmp_path / f"{name}.wav"
    path.write_bytes(wav(**HEADERS[name]))
    args = [command, path] + (["-o", tmp_path / "p.png"] if command == "preview" else [])
    result = run(*args)
    assert str(path) in result.stderr
    assert not (tmp_path / "p.png").exists()


def test_sparse_file_is_refused_from_its_header(tmp_path):
    path = tmp_path / "sparse.wav"
    with open(path, "wb") as file:
        file.truncate(2 << 30)
    result = run("decode", path)
    assert str(path) in result.stderr and "not a RIFF/WAVE file (2147483648 bytes" in result.stderr


@pytest.mark.parametrize("kind", ["fifo", "folder"])
@pytest.mark.parametrize("command", ["decode", "preview"])
def test_non_regular_file_is_refused(tmp_path, kind, command):
    path = tmp_path / "clip.wav"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    if command == "preview" and kind == "folder":
        result = run("preview", path, "--id", "0", "-o", tmp_path / "p.png")  # a folder is a dataset to preview
    else:
        result = run(command, path, *(["-o", tmp_path / "p.png"] if command == "preview" else []))
        assert ("FIFO" if kind == "fifo" else "is a folder") in result.stderr
    assert str(path) in result.stderr
    assert "NSError" not in result.stderr and "Domain=" not in result.stderr


def test_nan_tone_is_refused(tmp_path):
    path = tmp_path / "ok.wav"
    path.write_bytes(wav())
    result = run("decode", path, "--tone", "nan")
    assert "nan" in result.stderr


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "ds"
    subprocess.run([BINARY, "generate", "--output-dir", root, "--num-samples", "6", "--seed", "3", "--max-duration", "4"],
                   check=True, capture_output=True, timeout=300)
    return root


def test_fifo_clip_does_not_hang_validate(dataset, tmp_path):
    clip = sorted((dataset / "audio" / "train").glob("*.wav"))[0]
    saved = tmp_path / "saved.wav"
    os.rename(clip, saved)
    os.mkfifo(clip)
    try:
        result = run("validate", dataset)
        assert f"audio/train/{clip.name} is a FIFO" in result.stdout + result.stderr
    finally:
        os.unlink(clip)
        os.rename(saved, clip)


def test_nan_max_duration_is_refused(dataset):
    result = run("validate", dataset, "--max-duration", "nan")
    assert "nan" in result.stderr
