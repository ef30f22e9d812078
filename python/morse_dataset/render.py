"""One clean clip in memory, keyed by ``morse-dataset render``."""

import json
import os
import struct
import subprocess
import tempfile

import numpy as np

from ._binary import find_binary
from ._process import MorseStreamError


def read_wav(data):
    """Samples (float32) and sample rate of a mono PCM16 or float32 WAV file's bytes."""
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError("not a WAV file")
    position, tag, rate, bits = 12, None, None, None
    while position + 8 <= len(data):
        name, size = data[position : position + 4], struct.unpack_from("<I", data, position + 4)[0]
        body = data[position + 8 : position + 8 + size]
        if name == b"fmt ":
            tag, _channels, rate = struct.unpack_from("<HHI", body)
            bits = struct.unpack_from("<H", body, 14)[0]
        elif name == b"data":
            if tag == 1 and bits == 16:
                return np.frombuffer(body, dtype="<i2").astype(np.float32) / np.float32(32768.0), rate
            if tag == 3 and bits == 32:
                return np.frombuffer(body, dtype="<f4").astype(np.float32), rate
            raise ValueError(f"unsupported WAV encoding: format tag {tag}, {bits} bits")
        position += 8 + size + (size & 1)
    raise ValueError("WAV file has no data chunk")


def render(text, wpm=20.0, *, binary=None, **options):
    """Keys ``text`` into one clean clip, in memory.

    Keyword options are ``morse-dataset render`` options with underscores (``tone=700``,
    ``fist="bug"``, ``farnsworth=15``, ``seed=7``, ``sample_rate=8000``, ``format="float32"``,
    ``drop_unknown=True``, …). Returns ``{"audio": {"array", "sampling_rate"}, "text",
    "characters", "words", "marks", "seed", …}`` (the timeline's fields, times in seconds).
    """
    with tempfile.TemporaryDirectory(prefix="morse-render-") as folder:
        wav, timeline = os.path.join(folder, "clip.wav"), os.path.join(folder, "clip.json")
        command = [find_binary(binary), "render", "--text", text, "--wpm", str(wpm), "--output", wav, "--timeline", timeline]
        for key, value in options.items():
            flag = "--" + key.replace("_", "-")
            if value is True:
                command.append(flag)
            elif value is not False and value is not None:
                command += [flag, str(value)]
        done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if done.returncode != 0:
            raise MorseStreamError(f"morse-dataset render failed with exit status {done.returncode}: {done.stderr.strip()}")
        with open(wav, "rb") as file:
            samples, rate = read_wav(file.read())
        with open(timeline, encoding="utf-8") as file:
            clip = json.load(file)
    clip["audio"] = {"array": samples, "sampling_rate": rate}
    return clip
