#!/usr/bin/env python3
"""Clips/s and audio-s/s delivered to a Python consumer (docs/stream.md; BENCHMARKS.md).

  morse-dataset stream --seed 1 --count 5000 | python scripts/bench-stream.py pipe
  python scripts/bench-stream.py loader --count 5000 --loader-workers 2   # MorseStream in a DataLoader
  python scripts/bench-stream.py disk DATASET_DIR                          # generate's files via datasets

Every mode turns each clip into a float32 numpy array (as a training loop would get it) and counts it.
"""
import argparse
import gc
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "python"))


def cpu_seconds():
    """User + system CPU seconds of this process and of its reaped descendants (DataLoader workers
    and the stream processes they ran), so a per-clip CPU cost can be given on a loaded machine."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def report(name, clips, seconds_of_audio, elapsed, cpu_before):
    own, children = (after - before for after, before in zip(cpu_seconds(), cpu_before))
    print(f"{name}: {clips} clips, {seconds_of_audio:.0f} s of audio in {elapsed:.2f} s: "
          f"{clips / elapsed:.0f} clips/s, {seconds_of_audio / elapsed:.0f} audio-s/s; CPU per clip "
          f"{1000 * own / max(1, clips):.2f} ms in this process + {1000 * children / max(1, clips):.2f} ms in its children",
          flush=True)


def pipe(args):
    from morse_dataset._format import read_clips, read_frames, read_header
    from morse_dataset.stream import decode_audio, make_example

    stream = sys.stdin.buffer
    started, cpu = time.perf_counter(), cpu_seconds()
    header = read_header(stream)
    clips, samples = 0, 0
    if args.old_reader:  # the first version: bytes per frame, then frombuffer → astype → divide
        for frame in read_frames(stream):
            audio = decode_audio(frame.audio, header.sample_format)
            clips, samples = clips + 1, samples + len(audio)
    else:
        for _, record, audio in read_clips(stream, header.sample_format):
            if not args.no_records:
                make_example(record, audio, header.sample_rate, args.fields)
            clips, samples = clips + 1, samples + len(audio)
    report(f"pipe ({header.sample_format})", clips, samples / header.sample_rate, time.perf_counter() - started, cpu)


def loader(args):
    from morse_dataset import MorseStream

    stream = MorseStream(seed=1, count=args.count, num_workers=args.threads, binary=args.binary,
                         audio_format=args.audio_format, fields=args.fields, batch_size=args.batch, tensors=args.tensors,
                         sample_dtype=args.sample_dtype)
    started, cpu = time.perf_counter(), cpu_seconds()
    clips, seconds = 0, 0.0
    if args.loader_workers > 0:
        import torch

        iterable = torch.utils.data.DataLoader(stream, batch_size=None, num_workers=args.loader_workers)
    else:
        iterable = stream
    iterator = iter(iterable)
    for example in iterator:
        audio = example["audio"]
        if args.batch:
            lengths = audio["lengths"]
            clips, seconds = clips + len(lengths), seconds + float(lengths.sum()) / audio["sampling_rate"]
        else:
            clips, seconds = clips + 1, seconds + len(audio["array"]) / audio["sampling_rate"]
    del iterator, example  # joins the DataLoader workers, so their CPU time is counted
    gc.collect()
    options = (f"{args.audio_format or 'config format'}, {args.sample_dtype} samples, fields {args.fields or 'all'}, "
               f"batch {args.batch}, tensors {args.tensors}")
    report(f"MorseStream, {args.loader_workers} DataLoader workers ({options})", clips, seconds, time.perf_counter() - started, cpu)


def disk(args):
    """generate's files read back: the records through datasets (the metadata.parquet of every split,
    as audiofolder reads them), the WAVs through soundfile; with --audiofolder, `load_dataset` of the
    dataset folder itself, the Audio column decoded by datasets (torchcodec and FFmpeg), as a
    Hugging Face training recipe reads it."""
    import datasets
    import soundfile

    if args.audiofolder:
        started, cpu = time.perf_counter(), cpu_seconds()
        splits = datasets.load_dataset(args.dataset)
        print(f"load_dataset (index + Arrow cache): {time.perf_counter() - started:.2f} s", flush=True)
        clips, seconds = 0, 0.0
        for table in splits.values():
            for row in table:
                audio = row["audio"]
                samples = audio.get_all_samples() if hasattr(audio, "get_all_samples") else None
                if samples is not None:
                    array, rate = samples.data.numpy(), samples.sample_rate
                else:
                    array, rate = audio["array"], audio["sampling_rate"]
                clips, seconds = clips + 1, seconds + array.shape[-1] / rate
        report("datasets audiofolder, Audio decoded by datasets (every split)", clips, seconds,
               time.perf_counter() - started, cpu)
        return
    root = Path(args.dataset) / "audio"
    started, cpu = time.perf_counter(), cpu_seconds()
    files = {split: str(root / split / "metadata.parquet") for split in ("train", "validation", "test")
             if (root / split / "metadata.parquet").exists()}
    splits = datasets.load_dataset("parquet", data_files=files)
    print(f"load_dataset (index + Arrow cache): {time.perf_counter() - started:.2f} s", flush=True)
    clips, seconds = 0, 0.0
    for table in splits.values():
        for row in table:
            audio, rate = soundfile.read(str(root / row["audio_file"]), dtype="float32")
            clips, seconds = clips + 1, seconds + len(audio) / rate
    report("datasets + soundfile from disk (every split)", clips, seconds, time.perf_counter() - started, cpu)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["pipe", "loader", "disk"])
    parser.add_argument("dataset", nargs="?")
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--loader-workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=None, help="stream threads per DataLoader worker")
    parser.add_argument("--binary", default=None)
    parser.add_argument("--audio-format", default=None, choices=["pcm16", "float32"], help="loader: the stream's sample format")
    parser.add_argument("--fields", default=None, type=lambda s: s.split(","), help="record keys to keep, comma-separated")
    parser.add_argument("--batch", type=int, default=None, help="loader: clips per item (MorseStream batch_size)")
    parser.add_argument("--tensors", action="store_true", help="loader: yield torch tensors")
    parser.add_argument("--sample-dtype", default="float32", choices=["float32", "int16"],
                        help="loader: samples as float32, or (pcm16 streams) the int16 PCM values")
    parser.add_argument("--old-reader", action="store_true", help="pipe: the first reader (bytes, then convert)")
    parser.add_argument("--audiofolder", action="store_true", help="disk: load_dataset(DIR) with its Audio column decoded")
    parser.add_argument("--no-records", action="store_true", help="pipe: do not parse the JSON records")
    args = parser.parse_args()
    {"pipe": pipe, "loader": loader, "disk": disk}[args.mode](args)
