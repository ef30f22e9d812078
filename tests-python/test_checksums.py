"""Checksums and signals with the real binary (issue 12, items 8 and 10): a clip overwritten at the
same size is remade, an edited journal line is redone and never published, `validate` reports a
checksum mismatch, and SIGTERM ends every phase within a bound (not a benchmark: a generous margin)."""
import os
import signal
import subprocess
import time
from pathlib import Path

from conftest import BINARY, SMALL_RUN, assert_same_dataset, run_tool


def crc32c(data):
    crc = 0xFFFFFFFF
    table = [0] * 256
    for byte in range(256):
        value = byte
        for _ in range(8):
            value = (value >> 1) ^ 0x82F63B78 if value & 1 else value >> 1
        table[byte] = value
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc ^ 0xFFFFFFFF


def rows(out):
    lines = (Path(out) / "metadata.csv").read_text().splitlines()
    header = lines[0].split(",")
    return header, [line.split(",") for line in lines[1:]]


def make(out, *extra):
    return run_tool("generate", *SMALL_RUN, "--output-dir", out, "--progress", "none", *extra)


def test_the_checksum_column_is_the_crc32c_of_each_file(tmp_path, small_reference):
    header, data = rows(small_reference)
    column, audio = header.index("checksum"), header.index("audio_file")
    assert crc32c(b"123456789") == 0xE3069283
    for row in data[:10]:
        assert row[column] == "%08x" % crc32c((Path(small_reference) / "audio" / row[audio]).read_bytes())


def test_a_clip_overwritten_at_the_same_size_is_found_and_remade(tmp_path, small_reference):
    out = tmp_path / "ds"
    make(out)
    header, data = rows(out)
    clip = out / "audio" / data[3][header.index("audio_file")]
    original = clip.read_bytes()
    with open(clip, "r+b") as file:
        file.seek(500)
        file.write(bytes(b ^ 0xFF for b in original[500:532]))
    report = run_tool("validate", out, check=False)
    assert report.returncode != 0 and "checksum-mismatch" in report.stdout + report.stderr
    make(out)
    assert clip.read_bytes() == original
    assert_same_dataset(out, small_reference)


def test_an_edited_journal_line_is_redone_not_published(tmp_path, small_reference):
    out = tmp_path / "ds"
    make(out)
    journal = out / ".morse-dataset" / "journal.jsonl"
    lines = journal.read_text().splitlines()
    target = next(i for i, line in enumerate(lines) if line.startswith('{"id": 5,') and '"text": "' in line)
    start = lines[target].index('"text": "') + len('"text": "')
    lines[target] = lines[target][:start] + "EDITED" + lines[target][start:]
    journal.write_text("\n".join(lines) + "\n")
    make(out)
    for manifest in [out / "metadata.csv", *(out / "metadata").glob("*.jsonl"), *(out / "manifests").glob("*.jsonl")]:
        assert "EDITED" not in manifest.read_text(), manifest
    assert_same_dataset(out, small_reference)


def interrupt_after(args, seconds, env=None):
    process = subprocess.Popen([BINARY, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, **(env or {})})
    time.sleep(seconds)
    assert process.poll() is None, "the run ended before it could be interrupted"
    sent = time.monotonic()
    process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=30)
    return time.monotonic() - sent, process.returncode, stderr


def test_sigterm_while_planning_a_huge_dataset_stops_at_once_and_resumes(tmp_path):
    out = tmp_path / "huge"
    args = ["generate", "--num-samples", "100000000", "--seed", "3", "--output-dir", out, "--progress", "none", "--num-workers", "1"]
    for _ in range(2):  # the second run resumes the folder the first left
        elapsed, code, stderr = interrupt_after(args, 1.5)
        assert elapsed < 2.5, f"took {elapsed:.1f} s to stop"
        assert code == 130, stderr
    assert (out / ".morse-dataset" / "run.json").exists()


def test_sigterm_during_a_clip_far_slower_than_usual_stops_at_once_and_resumes(tmp_path, small_reference):
    out = tmp_path / "ds"
    args = ["generate", *SMALL_RUN, "--output-dir", out, "--progress", "none", "--num-workers", "2"]
    # Each clip waits 10 s first: only the forced exit can end the run within the bound.
    elapsed, code, stderr = interrupt_after(args, 1.0, {"MORSE_DATASET_TEST_DELAY_MS": "10000"})
    assert elapsed < 2.5, f"took {elapsed:.1f} s to stop"
    assert code == 130, stderr
    make(out)
    assert_same_dataset(out, small_reference)
