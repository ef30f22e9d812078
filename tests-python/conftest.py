import os
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
