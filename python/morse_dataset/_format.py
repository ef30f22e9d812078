"""Reading the framed binary format of ``morse-dataset stream`` (docs/stream.md).

Stream header, 24 bytes: magic ``MCWS``, u16 version (1), u16 sample format (1 = PCM16,
3 = float32, the WAV format tags), u32 sample rate, u32 flags (bit 0: records cut down by ``--fields``), u64 seed.
Clip frame: magic ``CLIP``, u64 clip id, u32 record length, u32 audio length (bytes), then the
record (UTF-8 JSON) and the samples. End frame (finite streams): magic ``DONE``, u64 clip count,
two u32 zeros. All integers little-endian.
"""

import struct
from dataclasses import dataclass

STREAM_MAGIC = b"MCWS"
CLIP_MAGIC = b"CLIP"
END_MAGIC = b"DONE"
VERSION = 1
_HEADER = struct.Struct("<4sHHIIQ")
_FRAME = struct.Struct("<4sQII")
FORMAT_NAMES = {1: "pcm16", 3: "float32"}


class StreamFormatError(ValueError):
    """The bytes are not a morse-dataset stream this reader understands."""


@dataclass(frozen=True)
class StreamHeader:
    version: int
    sample_format: str
    sample_rate: int
    seed: int


@dataclass(frozen=True)
class Frame:
    """One clip as it came down the pipe: its id, its metadata record and its raw samples."""

    id: int
    record: bytes
    audio: bytes


def read_exactly(stream, size):
    """``size`` bytes, or fewer only at the end of the stream."""
    if size == 0:
        return b""
    buffer = bytearray(size)
    view = memoryview(buffer)
    got = 0
    while got < size:
        n = stream.readinto(view[got:])
        if not n:
            break
        got += n
    # The bytearray itself, not a bytes copy of it: a clip's audio is hundreds of kB.
    return buffer if got == size else buffer[:got]


def read_into(stream, view):
    """Fills the writable memoryview ``view`` from ``stream``; returns how many bytes it got
    (fewer only at the end of the stream). No intermediate copy: large reads go from the pipe
    straight into the caller's buffer."""
    size, got = len(view), 0
    while got < size:
        n = stream.readinto(view[got:])
        if not n:
            break
        got += n
    return got


def read_header(stream):
    data = read_exactly(stream, _HEADER.size)
    if len(data) < _HEADER.size:
        raise StreamFormatError(f"stream ended after {len(data)} bytes, inside its {_HEADER.size}-byte header")
    magic, version, tag, rate, _flags, seed = _HEADER.unpack(data)
    if magic != STREAM_MAGIC:
        raise StreamFormatError(f"not a morse-dataset stream: magic {magic!r}, expected {STREAM_MAGIC!r}")
    if version != VERSION:
        raise StreamFormatError(f"stream format version {version}; this reader reads version {VERSION}: upgrade the package")
    if tag not in FORMAT_NAMES:
        raise StreamFormatError(f"unknown sample format tag {tag}; expected 1 (PCM16) or 3 (float32)")
    return StreamHeader(version, FORMAT_NAMES[tag], rate, seed)


def read_frames(stream):
    """Yields every clip frame; returns the clip count of the end frame, or None if the bytes
    simply stopped at a frame boundary (an endless stream cut off, or a crash)."""
    while True:
        data = read_exactly(stream, _FRAME.size)
        if not data:
            return None
        if len(data) < _FRAME.size:
            raise StreamFormatError(f"stream cut off inside a frame header ({len(data)} of {_FRAME.size} bytes)")
        magic, number, record_length, audio_length = _FRAME.unpack(data)
        if magic == END_MAGIC:
            return number
        if magic != CLIP_MAGIC:
            raise StreamFormatError(f"bad frame magic {magic!r}; expected {CLIP_MAGIC!r} or {END_MAGIC!r}")
        record = read_exactly(stream, record_length)
        audio = read_exactly(stream, audio_length)
        if len(record) < record_length or len(audio) < audio_length:
            raise StreamFormatError(f"stream cut off inside the frame of clip {number}")
        yield Frame(number, record, audio)


def _frame_header(stream, view):
    """``(magic, id, record length, audio length)`` of the next frame, or None at a clean end."""
    got = read_into(stream, view)
    if got == 0:
        return None
    if got < _FRAME.size:
        raise StreamFormatError(f"stream cut off inside a frame header ({got} of {_FRAME.size} bytes)")
    return _FRAME.unpack(view)


def read_clips(stream, sample_format, allocate=None, dtype="float32"):
    """The fast reader behind ``MorseStream``: yields ``(id, record bytes, samples)`` with the
    samples as a fresh float32 numpy array in [-1, 1]; returns the end frame's clip count, or None,
    like ``read_frames``.

    ``dtype="int16"`` (PCM16 streams only) yields the PCM samples themselves, read from the pipe
    straight into a fresh int16 array (``x / 32768`` is the float value): half the bytes for a
    DataLoader to hand between processes, and the conversion left to the consumer (e.g. the GPU).

    Per clip it makes one allocation for the samples and no other copy of them: float32 streams are
    read from the pipe straight into the array; PCM16 is read into one reused int16 scratch buffer
    and scaled into the array in a single pass (``x · 2⁻¹⁵`` equals ``x / 32768`` exactly).
    ``allocate(count)`` makes the float32 array that is filled and yielded (default ``np.empty``;
    anything ``np.asarray`` views without a copy, e.g. a shared-memory torch tensor, which a
    DataLoader worker then hands over without copying it).
    """
    import numpy as np

    if sample_format not in ("pcm16", "float32"):
        raise ValueError(f"unknown sample format {sample_format!r}; expected 'pcm16' or 'float32'")
    if dtype not in ("float32", "int16"):
        raise ValueError(f"unknown sample dtype {dtype!r}; expected 'float32' or 'int16'")
    if dtype == "int16" and sample_format != "pcm16":
        raise ValueError(f"int16 samples need a pcm16 stream; this stream is {sample_format}")
    width = 2 if sample_format == "pcm16" else 4
    head = memoryview(bytearray(_FRAME.size))
    scratch = np.empty(0, dtype="<i2")
    scale = np.float32(1.0 / 32768.0)
    if allocate is None:
        allocate = lambda count: np.empty(count, dtype=dtype)  # noqa: E731
    while True:
        fields = _frame_header(stream, head)
        if fields is None:
            return None
        magic, number, record_length, audio_length = fields
        if magic == END_MAGIC:
            return number
        if magic != CLIP_MAGIC:
            raise StreamFormatError(f"bad frame magic {magic!r}; expected {CLIP_MAGIC!r} or {END_MAGIC!r}")
        if audio_length % width:
            raise StreamFormatError(f"clip {number}: {audio_length} audio bytes is not a whole number of {sample_format} samples")
        record = read_exactly(stream, record_length)
        count = audio_length // width
        if width == 4 or dtype == "int16":
            samples = allocate(count)
            got = read_into(stream, memoryview(np.asarray(samples)).cast("B"))
        else:
            if scratch.size < count:
                scratch = np.empty(max(count, 2 * scratch.size), dtype="<i2")
            pcm = scratch[:count]
            got = read_into(stream, memoryview(pcm).cast("B"))
            samples = allocate(count)
            np.multiply(pcm, scale, out=np.asarray(samples))
        if len(record) < record_length or got < audio_length:
            raise StreamFormatError(f"stream cut off inside the frame of clip {number}")
        yield number, record, samples
