"""Reading the framed binary format of ``morse-dataset stream`` (docs/stream.md).

Stream header, 24 bytes: magic ``MCWS``, u16 version (1), u16 sample format (1 = PCM16,
3 = float32, the WAV format tags), u32 sample rate, u32 flags (0), u64 seed.
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
    return bytes(buffer) if got == size else bytes(buffer[:got])


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
