"""Exactly labelled synthetic Morse code (CW) clips, streamed from the morse-dataset tool.

Every clip is a pure function of (config, seed, index): clip ``i`` streamed here is the clip
``morse-dataset generate`` writes as id ``i`` with the same config and seed.
"""

from ._binary import BinaryNotFoundError, find_binary
from ._format import Frame, StreamFormatError, StreamHeader
from ._process import MorseStreamError, iter_frames
from .hf import to_hf_iterable_dataset
from .render import render
from .sharding import shard_ids
from .stream import MorseStream, collate_examples, decode_audio

__all__ = [
    "BinaryNotFoundError",
    "Frame",
    "MorseStream",
    "MorseStreamError",
    "StreamFormatError",
    "StreamHeader",
    "collate_examples",
    "decode_audio",
    "find_binary",
    "iter_frames",
    "render",
    "shard_ids",
    "to_hf_iterable_dataset",
]
__version__ = "0.1.0"
