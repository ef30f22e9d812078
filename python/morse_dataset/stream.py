"""``MorseStream``: clips from ``morse-dataset stream`` as a PyTorch IterableDataset."""

import json
import os

import numpy as np

from ._process import iter_frames
from .sharding import global_shard, shard_ids, stream_arguments

try:  # torch is optional: without it MorseStream is a plain iterable.
    from torch.utils.data import IterableDataset as _IterableBase
except ImportError:  # pragma: no cover - depends on the environment
    _IterableBase = object

SPLITS = ("train", "validation", "test")


def decode_audio(audio, sample_format):
    """Raw little-endian samples (``Frame.audio``) as a float32 array in [-1, 1]."""
    if sample_format == "pcm16":
        return np.frombuffer(audio, dtype="<i2").astype(np.float32) / np.float32(32768.0)
    if sample_format == "float32":
        return np.frombuffer(audio, dtype="<f4").astype(np.float32)
    raise ValueError(f"unknown sample format {sample_format!r}; expected 'pcm16' or 'float32'")


def example_from_frame(frame, header):
    """One clip in the Hugging Face audio convention: ``audio: {array, sampling_rate}`` plus
    every field of its metadata record (``text``, ``characters``, ``words``, ``split``, …)."""
    record = json.loads(frame.record)
    example = {"audio": {"array": decode_audio(frame.audio, header.sample_format), "sampling_rate": header.sample_rate}}
    example.update(record)
    return example


class MorseStream(_IterableBase):
    """Clips made on the fly by ``morse-dataset stream``, sharded across DataLoader workers and
    distributed ranks so that every clip id of an epoch comes out exactly once.

    Clip ``i`` is the clip ``morse-dataset generate`` makes as id ``i`` with the same config and seed.

    Which ids an epoch covers:

    - ``num_samples=N``: the dataset ``generate --num-samples N`` makes, ids ``start`` to ``N - 1``
      (or ``count`` of them), with exactly generate's splits; the same clips every epoch.
    - ``epoch_size=K``: fresh clips every epoch: epoch ``e`` is ids ``start + e·K`` to
      ``start + (e+1)·K - 1``; splits from the stratified assigner over the global ids.
    - neither: ids from ``start`` on, ``count`` of them or without end.

    ``split`` keeps only that split's clips (the others are skipped before they are made).
    Shard ``g`` of ``G = world_size × DataLoader workers`` takes ids ``first + g``, ``first + g + G``, …
    (``g = rank × workers + worker``); each shard runs one ``morse-dataset stream`` child process
    with ``num_workers`` threads (default: the cores divided among the DataLoader workers).
    Resume by passing ``start`` (the first id not yet used) or ``set_epoch``.
    """

    def __init__(
        self,
        config=None,
        seed=None,
        num_samples=None,
        start=0,
        split=None,
        num_workers=None,
        *,
        count=None,
        epoch_size=None,
        audio_format=None,
        sample_rate=None,
        max_duration=None,
        noise_ratio=None,
        rank=None,
        world_size=None,
        binary=None,
    ):
        if split is not None and split not in SPLITS:
            raise ValueError(f"split {split!r} is not a split; use one of {', '.join(SPLITS)}")
        if num_samples is not None and epoch_size is not None:
            raise ValueError("give num_samples (generate's dataset) or epoch_size (fresh clips each epoch), not both")
        for name, value in (("start", start), ("count", count), ("num_samples", num_samples), ("epoch_size", epoch_size)):
            if value is not None and value < 0:
                raise ValueError(f"{name}={value} must be 0 or more")
        if (rank is None) != (world_size is None):
            raise ValueError("give rank and world_size together (or neither, to read them from torch.distributed)")
        self.config = None if config is None else os.fspath(config)
        self.num_samples = num_samples
        self.start = start
        self.count = count
        self.split = split
        self.num_workers = num_workers
        self.epoch_size = epoch_size
        self.audio_format = audio_format
        self.rank = rank
        self.world_size = world_size
        self.binary = binary
        self.epoch = 0
        self._options = []
        for flag, value in (("--sample-rate", sample_rate), ("--max-duration", max_duration), ("--noise-ratio", noise_ratio)):
            if value is not None:
                self._options += [flag, str(value)]
        # Ask the tool once, here: it checks every argument (the same errors as generate) and fixes
        # the seed (the config's, or a random one) so that every worker and rank uses the same.
        self.seed = seed
        self.header = self._probe()
        self.seed = self.header.seed
        self.sampling_rate = self.header.sample_rate

    def _common_arguments(self):
        args = ["--seed", str(self.seed)] if self.seed is not None else []
        if self.config is not None:
            args += ["--config", self.config]
        if self.audio_format is not None:
            args += ["--audio-format", self.audio_format]
        if self.num_samples is not None:
            args += ["--num-samples", str(self.num_samples)]
        return args + self._options

    def _probe(self):
        header = []
        for _ in iter_frames(self._common_arguments() + ["--count", "0"], self.binary, header_out=header):
            pass
        return header[0]

    def set_epoch(self, epoch):
        """Selects the epoch (with ``epoch_size``, which ids it covers)."""
        self.epoch = int(epoch)

    def id_range(self, epoch=None):
        """``(first, limit)`` of the ids an epoch covers; ``limit`` is None without end."""
        epoch = self.epoch if epoch is None else epoch
        if self.epoch_size is not None:
            first = self.start + epoch * self.epoch_size
            size = self.epoch_size if self.count is None else min(self.count, self.epoch_size)
            return first, first + size
        limit = None if self.count is None else self.start + self.count
        if self.num_samples is not None:
            limit = self.num_samples if limit is None else min(limit, self.num_samples)
        return self.start, limit

    def shard(self):
        """``(shard, num_shards, loader_workers)`` of the calling process."""
        worker, workers = 0, 1
        if _IterableBase is not object:
            from torch.utils.data import get_worker_info

            info = get_worker_info()
            if info is not None:
                worker, workers = info.id, info.num_workers
        rank, world = self.rank, self.world_size
        if rank is None:
            rank, world = _distributed_rank()
        shard, num_shards = global_shard(rank, world, worker, workers)
        return shard, num_shards, workers

    def shard_ids(self):
        """The ids this process's shard delivers this epoch (before the split filter)."""
        shard, num_shards, _ = self.shard()
        first, limit = self.id_range()
        return shard_ids(first, limit, shard, num_shards)

    def stream_arguments(self):
        """The arguments of the ``morse-dataset stream`` child this shard runs, or None if it has no ids."""
        shard, num_shards, workers = self.shard()
        first, limit = self.id_range()
        ids = shard_ids(first, limit, shard, num_shards)
        if isinstance(ids, range) and len(ids) == 0:
            return None
        threads = self.num_workers or max(1, min(8, (os.cpu_count() or 1) // workers))
        args = self._common_arguments() + stream_arguments(ids) + ["--num-workers", str(threads)]
        if self.split is not None:
            args += ["--split", self.split]
        return args

    def frames(self):
        """This shard's raw frames (``Frame``: id, record bytes, sample bytes)."""
        args = self.stream_arguments()
        if args is None:
            return iter(())
        return iter_frames(args, self.binary)

    def __iter__(self):
        args = self.stream_arguments()
        if args is None:
            return
        header = []
        for frame in iter_frames(args, self.binary, header_out=header):
            yield example_from_frame(frame, header[0])


def _distributed_rank():
    try:
        import torch.distributed as dist
    except ImportError:
        return 0, 1
    if dist.is_available() and dist.is_initialized():
        return dist.get_rank(), dist.get_world_size()
    return 0, 1
