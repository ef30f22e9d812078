"""Finding the morse-dataset executable."""

import os
import shutil
import stat
from pathlib import Path

ENV_VAR = "MORSE_DATASET_BIN"
_BUNDLED = Path(__file__).resolve().parent / "bin" / "morse-dataset"


class BinaryNotFoundError(FileNotFoundError):
    """No morse-dataset executable was found."""


def find_binary(binary=None):
    """The path of the morse-dataset executable.

    Looked up in this order: ``binary`` (an argument), ``$MORSE_DATASET_BIN``, ``morse-dataset``
    on ``PATH``, then the binary bundled in a platform wheel.
    """
    if binary is not None:
        return _checked(str(binary), "the binary= argument")
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return _checked(from_env, f"${ENV_VAR}")
    on_path = shutil.which("morse-dataset")
    if on_path:
        return on_path
    if _BUNDLED.is_file():
        if not os.access(_BUNDLED, os.X_OK):
            # Some installers drop the executable bit of package data.
            try:
                _BUNDLED.chmod(_BUNDLED.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
            except OSError:
                pass
        return _checked(str(_BUNDLED), "the binary bundled in this package")
    raise BinaryNotFoundError(
        "morse-dataset executable not found: pass binary=PATH, set $MORSE_DATASET_BIN, put morse-dataset "
        "on PATH (swift build -c release --product morse-dataset), or install a wheel built by scripts/build-wheel.sh"
    )


def _checked(path, source):
    if not os.path.isfile(path):
        raise BinaryNotFoundError(f"morse-dataset executable {path!r} from {source} does not exist")
    if not os.access(path, os.X_OK):
        raise BinaryNotFoundError(f"morse-dataset executable {path!r} from {source} is not executable; chmod +x it")
    return path
