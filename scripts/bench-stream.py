#!/usr/bin/env python3
"""Clips/s and audio-s/s delivered to a Python consumer (docs/stream.md; BENCHMARKS.md).

  morse-dataset stream --seed 1 --count 5000 | python scripts/bench-stream.py pipe
  python scripts/bench-stream.py loader --count 5000 --loader-workers 2   # MorseStream in a DataLoader
  python scripts/bench-stream.py disk DATASET_DIR                          # generate's files via datasets

Every mode turns each clip into a float32 numpy array (as a training loop would get it) and counts it.
"""
import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "python"))


def report(name, clips, seconds_of_audio, elapsed):
    print(f"{name}: {clips} clips, {seconds_of_audio:.0f} s of audio in {elapsed:.2f} s: "
          f"{clips / elapsed:.0f} clips/s, {seconds_of_audio / elapsed:.0f} audio-s/s", flush=True)


def pipe(args):
    from morse_dataset._format import read_frames, read_header
    from morse_dataset.stream import decode_audio

    stream = sys.stdin.buffer
    started = time.perf_counter()
    header = read_header(stream)
    clips, samples = 0, 0
    for frame in read_frames(stream):
        audio = decode_audio(frame.audio, header.sample_format)
        clips, samples = clips + 1, samples + len(audio)
    report("pipe", clips, samples / header.sample_rate, time.perf_counter() - started)


def loader(args):
    from morse_dataset import MorseStream

    stream = MorseStream(seed=1, count=args.count, num_workers=args.threads, binary=args.binary)
    started = time.perf_counter()
    clips, seconds = 0, 0.0
    if args.loader_workers > 0:
        import torch

        iterable = torch.utils.data.DataLoader(stream, batch_size=None, num_workers=args.loader_workers)
    else:
        iterable = stream
    for example in iterable:
        audio = example["audio"]
        clips, seconds = clips + 1, seconds + len(audio["array"]) / audio["sampling_rate"]
    report(f"MorseStream, {args.loader_workers} DataLoader workers", clips, seconds, time.perf_counter() - started)


def disk(args):
    """generate's files read back: the records through datasets (the metadata.jsonl of every split,
    as audiofolder reads them), the WAVs through soundfile. (audiofolder's own Audio column needs
    torchcodec and FFmpeg in datasets 5, which this machine lacks.)"""
    import datasets
    import soundfile

    root = Path(args.dataset) / "audio"
    started = time.perf_counter()
    files = {split: str(root / split / "metadata.jsonl") for split in ("train", "validation", "test")}
    splits = datasets.load_dataset("json", data_files=files)
    print(f"load_dataset (index + Arrow cache): {time.perf_counter() - started:.2f} s", flush=True)
    clips, seconds = 0, 0.0
    for table in splits.values():
        for row in table:
            audio, rate = soundfile.read(str(root / row["audio_file"]), dtype="float32")
            clips, seconds = clips + 1, seconds + len(audio) / rate
    report("datasets + soundfile from disk (every split)", clips, seconds, time.perf_counter() - started)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["pipe", "loader", "disk"])
    parser.add_argument("dataset", nargs="?")
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--loader-workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=None, help="stream threads per DataLoader worker")
    parser.add_argument("--binary", default=None)
    args = parser.parse_args()
    {"pipe": pipe, "loader": loader, "disk": disk}[args.mode](args)
