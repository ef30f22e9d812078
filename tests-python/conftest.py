import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

BINARY = os.environ.get("MORSE_DATASET", str(Path(__file__).resolve().parents[1] / ".build/debug/morse-dataset"))


def run_tool(*args, check=True):
    """Runs the built morse-dataset binary and returns the completed process."""
    result = subprocess.run([BINARY, *map(str, args)], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"morse-dataset {' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture
def tool():
    return run_tool


def require_program(name):
    """Skips a test when an external program is missing, but fails in CI, where it must be installed."""
    if shutil.which(name) is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is not installed; .ci/run installs it")
        pytest.skip(f"{name} is not installed (apt-get install {name})")


# A small dataset that the fault, cluster and format tests make in pieces and compare with an
# uninterrupted run: 60 clips of at most 6 s (the debug build makes about 10–20 a second a core).
SMALL_RUN = ["--num-samples", "60", "--seed", "21", "--max-duration", "6", "--noise-ratio", "0.1"]


def dataset_files(root):
    """Every file of a dataset (relative path → bytes), leaving out the run state and the two
    run-specific fields of dataset_info.json, as the byte-identity rule says."""
    import json
    root = Path(root)
    files = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if not path.is_file() or ".morse-dataset" in relative.parts:
            continue
        data = path.read_bytes()
        if relative.name == "dataset_info.json":
            info = json.loads(data)
            info.pop("creation_date"), info.pop("num_workers")
            data = json.dumps(info, sort_keys=True).encode()
        if relative.parts[0] == "manifests":
            # NeMo paths are absolute by default (output.nemo_paths): the dataset's own folder is
            # the one thing two equal datasets in different places write differently.
            data = data.replace(f'"{os.path.realpath(root)}/audio/'.encode(), b'"../audio/')
        if relative.name == "README.md":
            data = without_card_fingerprint(data)
        files[str(relative)] = data
    return files


def without_card_fingerprint(data):
    """A card's bytes with its config's fingerprint line blanked: the line digests the dataset's real
    path (so `datasets` caches each copy apart), the one card line two equal datasets write differently."""
    return re.sub(rb"(?m)^  description: morse-dataset fingerprint [0-9a-f]{16}$", b"  description: -", data)


def assert_same_dataset(actual, expected):
    a, b = dataset_files(actual), dataset_files(expected)
    assert sorted(a) == sorted(b), f"file lists differ: only in {actual}: {sorted(set(a) - set(b))[:5]}, only in {expected}: {sorted(set(b) - set(a))[:5]}"
    different = [name for name in a if a[name] != b[name]]
    assert not different, f"{len(different)} files differ, e.g. {different[:5]}"


@pytest.fixture(scope="session")
def small_reference(tmp_path_factory):
    """SMALL_RUN made in one uninterrupted run."""
    out = tmp_path_factory.mktemp("reference") / "ds"
    run_tool("generate", *SMALL_RUN, "--output-dir", out, "--progress", "none")
    return out


def mount_tmpfs(path, size):
    """Mounts a tmpfs of `size` (e.g. "600k") at `path`, or skips the test where mounting is not
    allowed (it needs root; CI runs as root)."""
    path.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to simulate a full or read-only disk ({result.stderr.strip()}); needs root")


def remount(path, options):
    subprocess.run(["mount", "-o", f"remount,{options}", str(path)], check=True)


def unmount(path):
    subprocess.run(["umount", "-l", str(path)], check=False)
