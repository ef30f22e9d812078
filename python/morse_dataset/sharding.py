"""Deterministic sharding of clip ids across DataLoader workers and distributed ranks."""

from dataclasses import dataclass


@dataclass(frozen=True)
class EndlessIds:
    """``start``, ``start + step``, … without end."""

    start: int
    step: int

    def __iter__(self):
        value = self.start
        while True:
            yield value
            value += self.step


def shard_ids(first, limit, shard, num_shards):
    """The ids shard ``shard`` of ``num_shards`` delivers from ``first`` up to ``limit`` (exclusive;
    None for no end): ``first + shard``, ``first + shard + num_shards``, …

    Together the shards cover every id of the range exactly once, with no gaps, and each shard's
    ids are one ``stream --start --step --count`` range. Returns a ``range`` (or an endless
    ``itertools.count`` when ``limit`` is None).
    """
    if num_shards < 1 or not 0 <= shard < num_shards:
        raise ValueError(f"shard {shard} of {num_shards} is out of range; use 0 to num_shards - 1")
    if limit is None:
        return EndlessIds(first + shard, num_shards)
    return range(first + shard, max(first + shard, limit), num_shards)


def global_shard(rank, world_size, worker, num_workers):
    """The shard of DataLoader worker ``worker`` on distributed rank ``rank``: ranks take
    interleaved ids, and each rank's workers interleave within them."""
    if not 0 <= rank < world_size:
        raise ValueError(f"rank {rank} is out of range for world_size {world_size}")
    if not 0 <= worker < num_workers:
        raise ValueError(f"worker {worker} is out of range for {num_workers} workers")
    return rank * num_workers + worker, world_size * num_workers


def stream_arguments(ids):
    """``--start/--step/--count`` for a shard's ids (a range or ``EndlessIds``)."""
    if isinstance(ids, range):
        return ["--start", str(ids.start), "--step", str(ids.step), "--count", str(len(ids))]
    return ["--start", str(ids.start), "--step", str(ids.step)]
