"""The platform wheel (scripts/build-wheel.sh) installs into a fresh venv on a machine without Swift and
streams clips with its bundled static binary, byte for byte the clips of the checkout's build.

Slow (a static release build), so it runs only with MORSE_TEST_WHEEL=1, which .ci/run sets."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from stream_support import morse_dataset

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(os.environ.get("MORSE_TEST_WHEEL") != "1", reason="set MORSE_TEST_WHEEL=1 to build and test the wheel")

CHECK = r"""
import json, os, shutil, sys
import morse_dataset
from morse_dataset import MorseStream, find_binary, render
binary = find_binary()
assert binary.startswith(os.path.dirname(morse_dataset.__file__)), binary
assert shutil.which("swift") is None and shutil.which("morse-dataset") is None
clips = [(e["id"], e["text"], e["audio"]["array"].tobytes().hex()) for e in MorseStream(seed=8, num_samples=4, max_duration=6)]
clip = render("CQ DE K1ABC", wpm=30)
json.dump({"binary": binary, "clips": clips, "render": len(clip["audio"]["array"])}, sys.stdout)
"""


def test_wheel_installs_without_swift_and_streams(tmp_path):
    built = subprocess.run(["bash", str(ROOT / "scripts" / "build-wheel.sh")], capture_output=True, text=True, cwd=ROOT)
    assert built.returncode == 0, built.stderr[-3000:]
    wheel = ROOT / built.stdout.strip().splitlines()[-1]
    assert wheel.is_file() and ("manylinux" in wheel.name or "linux" in wheel.name) and "none-any" not in wheel.name
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    installed = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check", str(wheel)],
                               capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    env = {k: v for k, v in os.environ.items() if k not in ("MORSE_DATASET_BIN", "PYTHONPATH")}
    env["PATH"] = "/usr/bin:/bin"  # no Swift toolchain, no morse-dataset
    ran = subprocess.run([str(venv / "bin" / "python"), "-c", CHECK], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    result = json.loads(ran.stdout)
    assert "site-packages" in result["binary"] and result["render"] > 16000
    expected = [(e["id"], e["text"], e["audio"]["array"].tobytes().hex())
                for e in morse_dataset.MorseStream(seed=8, num_samples=4, max_duration=6)]
    assert [tuple(c) for c in result["clips"]] == expected, "the wheel's static binary streams the checkout's clips"
