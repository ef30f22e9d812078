"""The filesystem layer with real processes (issue 12 items 1–4, 9, 11): planted symbolic links,
device nodes and FIFOs as outputs, the dataset lock between two runs, kill -9 during --overwrite,
user files kept by --overwrite, and a full disk. Each test fails on the tool before MorseFileSystem
was wired in (links were followed, devices replaced, no lock, run.json deleted first)."""
import json
import os
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest

from conftest import BINARY, mount_tmpfs, remount, run_tool, unmount

# A few short clips: enough for every step below on the debug build.
TINY = ["--num-samples", "4", "--seed", "5", "--max-duration", "3", "--noise-ratio", "0", "--progress", "none"]


def generate(out, *extra, check=True, env=None):
    if env is None:
        return run_tool("generate", *TINY, "--output-dir", out, *extra, check=check)
    return subprocess.run([BINARY, "generate", *TINY, "--output-dir", str(out), *map(str, extra)],
                          capture_output=True, text=True, env=env)


def start(out, *extra, delay_ms=400):
    env = {**os.environ, "MORSE_DATASET_TEST_DELAY_MS": str(delay_ms)}
    return subprocess.Popen([BINARY, "generate", *TINY, "--output-dir", str(out), "--num-workers", "1", *map(str, extra)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def journal_ids(out):
    journal = Path(out) / ".morse-dataset" / "journal.jsonl"
    if not journal.exists():
        return []
    return [json.loads(line)["id"] for line in journal.read_text().splitlines() if line]


def wait_for(predicate, process, timeout=60):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert process.poll() is None, "the run ended before the moment the test needs"
        assert time.monotonic() < deadline, "the run made no progress"
        time.sleep(0.02)


# --- 1. links planted in a dataset are never followed ------------------------------------------

def test_a_split_folder_replaced_by_a_link_is_refused_and_nothing_is_written_through_it(tmp_path):
    out, elsewhere = tmp_path / "ds", tmp_path / "elsewhere"
    generate(out)
    elsewhere.mkdir()
    for path in (out / "audio" / "train").iterdir():
        path.unlink()
    (out / "audio" / "train").rmdir()
    (out / "audio" / "train").symlink_to(elsewhere)
    result = generate(out, check=False)
    assert result.returncode != 0
    assert "symbolic link" in result.stderr and "audio/train" in result.stderr
    assert list(elsewhere.iterdir()) == [], "files were written through the planted link"


def test_a_linked_journal_is_refused_and_its_target_is_unchanged(tmp_path):
    out, target = tmp_path / "ds", tmp_path / "precious.txt"
    generate(out)
    target.write_text("precious\n")
    journal = out / ".morse-dataset" / "journal.jsonl"
    journal.unlink()
    journal.symlink_to(target)
    result = generate(out, check=False)
    assert result.returncode != 0
    assert "symbolic link" in result.stderr and "journal.jsonl" in result.stderr
    assert target.read_text() == "precious\n"


def test_merge_refuses_a_same_size_linked_foreign_file_in_a_shard(tmp_path):
    shards = [tmp_path / f"shard{i}" for i in range(2)]
    for index, folder in enumerate(shards):
        generate(folder, "--num-shards", "2", "--shard-index", index)
    wav = sorted((shards[1] / "audio").rglob("morse_*.wav"))[0]
    foreign = tmp_path / "foreign.bin"
    foreign.write_bytes(b"S" * wav.stat().st_size)
    wav.unlink()
    wav.symlink_to(foreign)
    out = tmp_path / "merged"
    result = run_tool("merge", out, *shards, check=False)
    assert result.returncode != 0
    assert "symbolic link" in result.stderr and wav.name in result.stderr
    copied = out / "audio" / wav.parent.name / wav.name
    assert not copied.exists() or b"SSSS" not in copied.read_bytes()[:64]


# --- 2. standalone outputs refuse devices, FIFOs and one file for two outputs -------------------

def make_node(path, kind):
    if kind == "device":
        try:
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the numbers of /dev/null
        except PermissionError:
            pytest.skip("mknod needs root")
    else:
        os.mkfifo(path)


def is_kind(path, kind):
    mode = os.lstat(path).st_mode
    return stat.S_ISCHR(mode) if kind == "device" else stat.S_ISFIFO(mode)


@pytest.fixture(scope="module")
def clip_and_dataset(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs")
    run_tool("render", "--text", "CQ", "--output", folder / "cq.wav")
    generate(folder / "ds")
    return folder / "cq.wav", folder / "ds"


@pytest.mark.parametrize("kind", ["device", "fifo"])
@pytest.mark.parametrize("command", ["render", "preview", "stats"])
def test_an_output_that_is_a_device_or_fifo_is_refused_and_left_alone(command, kind, tmp_path, clip_and_dataset):
    clip, dataset = clip_and_dataset
    target = tmp_path / "target"
    make_node(target, kind)
    args = {
        "render": ["render", "--text", "CQ", "--output", target],
        "preview": ["preview", clip, "--output", target],
        "stats": ["stats", dataset, "--html", target],
    }[command]
    result = subprocess.run([BINARY, *map(str, args)], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert str(target) in result.stderr and ("FIFO" in result.stderr or "device" in result.stderr)
    assert is_kind(target, kind), f"{command} replaced the {kind} with a regular file"


def test_render_refuses_the_same_file_for_output_and_timeline(tmp_path):
    target = tmp_path / "both"
    result = run_tool("render", "--text", "CQ", "--output", target, "--timeline", target, check=False)
    assert result.returncode != 0 and "same file" in result.stderr
    assert not target.exists()


# --- 3. kill -9 at any instant of --overwrite ---------------------------------------------------

@pytest.mark.parametrize("moment", [0.0, 0.05, 0.15, 0.4, 1.0])
def test_kill_9_during_overwrite_leaves_a_folder_the_next_run_finishes(moment, tmp_path):
    out = tmp_path / "ds"
    generate(out)
    process = start(out, "--seed", "6", "--overwrite", delay_ms=300)
    time.sleep(moment)
    process.send_signal(signal.SIGKILL)
    process.wait()
    result = generate(out, "--seed", "6", "--overwrite", check=False)
    assert result.returncode == 0, result.stderr
    assert not any(p.name.startswith(".morse-dataset-trash-") for p in out.iterdir())
    run_tool("validate", out)


def test_an_overwrite_cut_short_mid_move_is_finished_by_the_next_run(tmp_path):
    """The state a kill -9 leaves between two renames of the move aside: the descriptor already in
    the trash, the audio still in place. Before, a folder without run.json was refused forever."""
    out = tmp_path / "ds"
    generate(out)
    trash = out / ".morse-dataset-trash-999999"
    (trash / ".morse-dataset").mkdir(parents=True)
    (out / ".morse-dataset" / "run.json").rename(trash / ".morse-dataset" / "run.json")
    result = generate(out, "--seed", "6", check=False)
    assert result.returncode == 0, result.stderr
    assert not trash.exists()
    run_tool("validate", out)


# --- 4. the dataset lock ------------------------------------------------------------------------

def test_a_second_run_on_a_busy_folder_fails_at_once_naming_the_holder(tmp_path):
    out = tmp_path / "ds"
    first = start(out)
    try:
        wait_for(lambda: (out / ".morse-dataset" / "run.json").exists(), first)
        began = time.monotonic()
        for extra in ([], ["--overwrite"]):
            second = generate(out, *extra, check=False)
            assert second.returncode != 0
            assert "in use" in second.stderr and f"process {first.pid}" in second.stderr and "generate" in second.stderr, second.stderr
        assert time.monotonic() - began < 30
        assert first.wait(timeout=120) == 0, first.stderr.read()
    finally:
        if first.poll() is None:
            first.kill()
    ids = journal_ids(out)
    assert sorted(ids) == list(range(4)), f"journal holds duplicates or gaps: {ids}"
    generate(out)  # the folder is accepted afterwards


# --- 9. --overwrite keeps the user's files ------------------------------------------------------

def test_overwrite_keeps_and_lists_files_the_tool_did_not_make(tmp_path):
    out = tmp_path / "ds"
    generate(out)
    mine = [out / "audio" / "train" / "my-notes.txt", out / ".morse-dataset" / "my-state.txt", out / "splits" / "extra.csv"]
    for path in mine:
        path.write_text("mine\n")
    result = generate(out, "--seed", "6", "--overwrite")
    for path in mine:
        assert path.read_text() == "mine\n", f"{path} was deleted"
        assert str(path.relative_to(out)) in result.stderr, f"{path} is not listed as kept"
    run_tool("validate", out)


# --- 11. a full disk names the cause, the path and the fix --------------------------------------

def test_a_full_small_disk_names_enospc_and_the_path_and_the_run_resumes(tmp_path):
    mount = tmp_path / "disk"
    mount_tmpfs(mount, "2m")
    try:
        out = mount / "ds"
        args = ["--num-samples", "40", "--seed", "5", "--max-duration", "10", "--noise-ratio", "0", "--progress", "none"]
        result = run_tool("generate", *args, "--output-dir", out, check=False)
        assert result.returncode == 1
        assert "(ENOSPC)" in result.stderr and str(out) in result.stderr and "free some space" in result.stderr
        remount(mount, "size=64m")
        run_tool("generate", *args, "--output-dir", out)
        run_tool("validate", out)
    finally:
        unmount(mount)
