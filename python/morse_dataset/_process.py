"""Running ``morse-dataset stream`` as a child process that never outlives its reader."""

import os
import signal
import subprocess
import sys
import tempfile

from ._binary import find_binary
from ._format import StreamFormatError, read_clips, read_frames, read_header


class MorseStreamError(RuntimeError):
    """The morse-dataset process failed; the message carries what it wrote on standard error."""


def _die_with_parent():
    """Linux: the child gets SIGKILL when the thread that started it dies (a DataLoader worker
    killed hard), so no stream keeps running for nobody."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except Exception:
        pass


class StreamProcess:
    """One ``morse-dataset stream`` child: started on creation, killed and reaped by ``close``."""

    def __init__(self, args, binary=None):
        self.command = [find_binary(binary), "stream", *args]
        self._stderr = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            self.command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            # Unbuffered: frames are read straight into their arrays (a buffered reader would copy
            # every clip once more, from its buffer).
            bufsize=0,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )
        self.stdout = self.process.stdout

    @property
    def pid(self):
        return self.process.pid

    def stderr_text(self):
        try:
            self._stderr.seek(0)
            return self._stderr.read().decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            return ""

    def failure(self, detail=None):
        """The exception for a process that ended badly (waits for it)."""
        code = self.process.wait()
        message = self.stderr_text()
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            what = f"morse-dataset stream was killed by {name}"
        elif code != 0:
            what = f"morse-dataset stream failed with exit status {code}"
        else:
            what = "morse-dataset stream ended early"
        parts = [what]
        if detail:
            parts.append(detail)
        if message:
            parts.append(message)
        return MorseStreamError(": ".join(parts) + f" (command: {' '.join(self.command)})")

    def close(self):
        """Stops the child if it still runs and reaps it. Safe to call more than once."""
        process = self.process
        if process.poll() is None:
            try:
                process.kill()
            except ProcessLookupError:
                pass
        try:
            if process.stdout is not None:
                process.stdout.close()
        except OSError:
            pass
        process.wait()
        self._stderr.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


def iter_frames(args, binary=None, header_out=None, decoded=False, allocate=None, dtype="float32"):
    """Runs ``morse-dataset stream ARGS`` and yields its clip frames (``Frame``) in order, or with
    ``decoded=True`` ``(id, record bytes, float32 samples)`` from the fast reader ``read_clips``
    (``dtype="int16"``: the PCM16 samples as int16).

    The child is killed and reaped when the generator is closed or garbage collected. A child
    that fails, is killed, or stops before the end of a finite stream raises ``MorseStreamError``
    with its standard error. ``header_out``, a list, receives the ``StreamHeader``.
    """
    child = StreamProcess(args, binary)
    try:
        try:
            header = read_header(child.stdout)
        except StreamFormatError as error:
            raise child.failure(None if child.process.wait() != 0 else str(error)) from None
        if header_out is not None:
            header_out.append(header)
        try:
            frames = read_clips(child.stdout, header.sample_format, allocate, dtype) if decoded else read_frames(child.stdout)
            end = yield from frames
        except StreamFormatError as error:
            raise child.failure(str(error)) from None
        code = child.process.wait()
        if code != 0 or end is None:
            raise child.failure()
    finally:
        child.close()
