"""Imports the morse_dataset package from the source tree (python/) and points it at the built tool."""
import os
import sys
from pathlib import Path

from conftest import BINARY

PACKAGE_ROOT = Path(__file__).resolve().parents[1] / "python"
if str(PACKAGE_ROOT) not in sys.path:
    sys.path.insert(0, str(PACKAGE_ROOT))
os.environ.setdefault("MORSE_DATASET_BIN", BINARY)

import morse_dataset  # noqa: E402

try:
    import torch  # noqa: F401

    HAVE_TORCH = True
except ImportError:
    HAVE_TORCH = False
