"""Interruptions and faults through the real command line: signals, kill -9, a full disk, a
read-only folder, and a table of bad inputs. Each run that is cut short is resumed and compared
byte for byte with an uninterrupted run."""
import hashlib
import os
import random
import signal
import subprocess
import time
import wave
from pathlib import Path

import pytest

from conftest import BINARY, SMALL_RUN, assert_same_dataset, mount_tmpfs, remount, run_tool, unmount


# Interrupted runs are paced by the tool's hidden test throttle (docs/testing.md): 100 ms before each
# clip on 2 workers is at most 20 clips/s on any build and machine, so SMALL_RUN's 60 clips take at
# least 3 s and the moments below fall inside the run, however fast the build is.
PACED = {**os.environ, "MORSE_DATASET_TEST_DELAY_MS": "100"}


def start(out, *extra):
    return subprocess.Popen([BINARY, "generate", *SMALL_RUN, "--output-dir", str(out), "--progress", "none", "--num-workers", "2",
                             *map(str, extra)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=PACED)


def journal_lines(out):
    journal = Path(out) / ".morse-dataset" / "journal.jsonl"
    return journal.read_bytes().count(b"\n") if journal.exists() else 0


def wait_for_clips(out, count, process, timeout=60):
    deadline = time.monotonic() + timeout
    while journal_lines(out) < count:
        assert process.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline, "no progress"
        time.sleep(0.02)


def assert_no_partial_audio(out):
    """Every WAV under its final name is whole: its size is what its header says."""
    for path in (Path(out) / "audio").rglob("morse_*.wav"):
        with wave.open(str(path)) as w:
            expected = 44 + w.getnframes() * w.getsampwidth() * w.getnchannels()
        assert path.stat().st_size == expected, f"{path} is cut off"


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_stops_within_two_seconds_and_the_run_resumes(signum, tmp_path, small_reference):
    out = tmp_path / "ds"
    process = start(out)
    wait_for_clips(out, 10, process)
    sent = time.monotonic()
    process.send_signal(signum)
    stdout, stderr = process.communicate(timeout=10)
    assert time.monotonic() - sent < 2.0, "the run took more than 2 s to stop"
    assert process.returncode == 130, stderr
    assert "Run the same command again to resume" in stderr and "clips are done and kept" in stderr
    assert not (out / "metadata.csv").exists()
    assert_no_partial_audio(out)
    resumed = run_tool("generate", *SMALL_RUN, "--output-dir", out, "--progress", "none")
    assert "Resumed:" in resumed.stdout
    assert_same_dataset(out, small_reference)


def test_kill_9_at_random_moments_then_resume_gives_the_same_bytes(tmp_path, small_reference):
    out = tmp_path / "ds"
    rng = random.Random(20240611)
    done = []
    for _ in range(4):
        process = start(out)
        wait_for_clips(out, done[-1] + 1 if done else 1, process)  # this run has started making clips
        time.sleep(rng.uniform(0.0, 0.5))  # at most 10 more clips each: the 4 kills all come before clip 60
        process.kill()
        process.communicate()
        assert_no_partial_audio(out)
        done.append(journal_lines(out))
    assert done == sorted(done) and 0 < done[-1] < 60, f"clips journalled after each kill: {done}"
    assert not (out / "metadata.csv").exists(), "every kill came before the end"
    run_tool("generate", *SMALL_RUN, "--output-dir", out, "--progress", "none")
    assert_same_dataset(out, small_reference)


def test_a_full_disk_stops_with_the_path_and_resumes_once_there_is_space(tmp_path, small_reference):
    mount = tmp_path / "small-disk"
    mount_tmpfs(mount, "600k")
    try:
        out = mount / "ds"
        result = run_tool("generate", *SMALL_RUN, "--output-dir", out, "--progress", "none", check=False)
        assert result.returncode == 1
        assert "No space left on device" in result.stderr and str(out) in result.stderr
        assert "free some space" in result.stderr and "run the same command again" in result.stderr
        assert_no_partial_audio(out)
        remount(mount, "size=32m")
        run_tool("generate", *SMALL_RUN, "--output-dir", out, "--progress", "none")
        assert_same_dataset(out, small_reference)
    finally:
        unmount(mount)


def test_a_read_only_folder_is_reported_and_the_run_resumes_when_writable(tmp_path, small_reference):
    mount = tmp_path / "disk"
    mount_tmpfs(mount, "32m")
    try:
        out = mount / "ds"
        process = start(out)
        wait_for_clips(out, 5, process)
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=10)
        before = tree_hashes(mount)
        remount(mount, "ro")
        result = run_tool("generate", *SMALL_RUN, "--output-dir", out, "--progress", "none", check=False)
        assert result.returncode == 1
        assert "Read-only file system" in result.stderr and str(out) in result.stderr
        remount(mount, "rw")
        assert tree_hashes(mount) == before
        run_tool("generate", *SMALL_RUN, "--output-dir", out, "--progress", "none")
        assert_same_dataset(out, small_reference)
    finally:
        unmount(mount)


def tree_hashes(root):
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(Path(root).rglob("*")) if p.is_file()}


# --- bad inputs ---------------------------------------------------------------------------------
# Each case: how to set it up (files to write into the case's folder, a mount), the command's
# arguments, and words the message must contain. Every case must exit non-zero and leave every
# existing file as it was (the case's folder holds a finished 4-clip dataset to protect).

CORPUS = "CQ CQ DE K1ABC K\nHELLO WÖRLD\n"
PLAIN_TEXT = "composition_weights:\n  sample_types:\n    plain_text: 1\ncontent:\n  plain_text_file: corpus.txt\n"

BAD_INPUTS = [
    # name, files, extra args (DS = the existing dataset, NEW = a new folder), words in the message
    ("unknown config key", {"run.yaml": "nosie:\n  snr_range: [8, 30]\n"}, ["--config", "run.yaml", "--output-dir", "NEW"],
     ["run.yaml:1", "unknown key 'nosie'", "did you mean 'noise'"]),
    ("wrong type", {"run.yaml": "noise:\n  snr_range: high\n"}, ["--config", "run.yaml", "--output-dir", "NEW"],
     ["run.yaml:2", "noise.snr_range", "expected a list of two numbers"]),
    ("inverted range", {"run.yaml": "wpm_range: [40, 15]\n"}, ["--config", "run.yaml", "--output-dir", "NEW"],
     ["wpm_range", "inverted", "e.g. [15, 40]"]),
    ("ratios not summing to 1", {"run.yaml": "split_ratios: [0.8, 0.1, 0.2]\n"}, ["--config", "run.yaml", "--output-dir", "NEW"],
     ["split_ratios", "sum to 1.1", "must sum to 1"]),
    ("unknown character in a corpus", {"run.yaml": PLAIN_TEXT, "corpus.txt": CORPUS}, ["--config", "run.yaml", "--output-dir", "NEW"],
     ["corpus.txt line 2", "Ö"]),
    ("changed config on resume", {"run.yaml": "wpm_range: [20, 30]\n"}, ["--config", "run.yaml", "--output-dir", "DS"],
     ["different settings", "changed: wpm_range: [10, 45] → [20, 30]", "--overwrite"]),
    ("changed seed on resume", {}, ["--seed", "22", "--output-dir", "DS"], ["different settings", "seed 21 → 22", "--overwrite"]),
    ("foreign non-empty folder", {"mine/notes.txt": "my notes\n"}, ["--output-dir", "mine", "--overwrite"],
     ["not empty", "not a morse-dataset dataset"]),
    ("shard index out of range", {}, ["--shard-index", "3", "--num-shards", "3", "--output-dir", "DS"], ["--shard-index 3", "0 to 2"]),
    ("Kubernetes index without a count", {}, ["--output-dir", "NEW"], ["JOB_COMPLETION_INDEX", "--num-shards"]),
    ("full disk", "full", ["--output-dir", "MOUNT/ds"], ["No space left on device", "MOUNT/ds", "free some space"]),
    ("read-only folder", "read-only", ["--output-dir", "MOUNT/ds"], ["Read-only file system", "MOUNT", "remount it read-write"]),
]


@pytest.fixture(scope="module")
def finished_small_dataset(tmp_path_factory):
    out = tmp_path_factory.mktemp("finished") / "ds"
    run_tool("generate", "--num-samples", 4, "--seed", 21, "--max-duration", 6, "--output-dir", out, "--progress", "none")
    return out


@pytest.mark.parametrize("name,files,args,words", BAD_INPUTS, ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_is_refused_clearly_without_damage(name, files, args, words, tmp_path, finished_small_dataset):
    import shutil
    case = tmp_path / "case"
    shutil.copytree(finished_small_dataset, case / "DS")
    mount = tmp_path / "mount"
    environment = {}
    if files == "full":
        mount_tmpfs(mount, "300k")
        (mount / "keep.txt").write_text("other files on the disk\n")
    elif files == "read-only":
        mount_tmpfs(mount, "1m")
        (mount / "keep.txt").write_text("other files on the disk\n")
        remount(mount, "ro")
    else:
        for relative, text in files.items():
            (case / relative).parent.mkdir(parents=True, exist_ok=True)
            (case / relative).write_text(text)
    if name == "Kubernetes index without a count":
        environment["JOB_COMPLETION_INDEX"] = "2"
    try:
        before = tree_hashes(tmp_path)
        arguments = [a.replace("MOUNT", str(mount)) if "MOUNT" in a else str(case / a) if a in ("NEW", "DS", "mine", "run.yaml") else a for a in args]
        base = ["--num-samples", "4", "--seed", "21", "--max-duration", "6", "--progress", "none"]
        if "--seed" in arguments:
            base = base[:2] + base[4:]
        if files == "full":
            base[1] = "60"
        import os
        result = subprocess.run([BINARY, "generate", *base, *arguments], capture_output=True, text=True, cwd=case,
                                env={**os.environ, **environment})
        message = result.stderr.replace(str(mount), "MOUNT").replace(str(case) + "/", "")
        assert result.returncode != 0, f"{name}: exit status 0\n{result.stdout}"
        for word in words:
            assert word in message, f"{name}: {word!r} not in {message!r}"
        assert "Traceback" not in message and "Fatal error" not in message
        if files != "full":  # refused before any clip: no banner announces a run that does not happen
            assert "Generating" not in result.stdout, f"{name}: banner printed before the refusal"
        after = tree_hashes(tmp_path)
        if files == "full":  # the run wrote what fitted into its new folder; nothing else changed
            after = {k: v for k, v in after.items() if "/ds/" not in k}
            before = {k: v for k, v in before.items() if "/ds/" not in k}
        assert after == before, f"{name}: existing files changed"
    finally:
        if files in ("full", "read-only"):
            unmount(mount)
