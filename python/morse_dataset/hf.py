"""A Hugging Face ``datasets.IterableDataset`` of streamed clips."""

from .sharding import shard_ids, stream_arguments
from .stream import MorseStream, example_from_frame
from ._process import iter_frames


def _generate(shards, common, binary):
    """The generator ``datasets`` runs: each element of ``shards`` is one child's arguments.
    ``datasets`` hands each DataLoader worker (and, with ``split_dataset_by_node``, each rank)
    its own sublist of ``shards``."""
    for args in shards:
        header = []
        for frame in iter_frames([*common, *args], binary, header_out=header):
            yield example_from_frame(frame, header[0])


def to_hf_iterable_dataset(config=None, seed=None, num_samples=None, start=0, split=None, num_shards=8, features=None, **options):
    """A ``datasets.IterableDataset`` of the clips ``MorseStream`` would give (single epoch).

    The id range is cut into ``num_shards`` interleaved shards (see ``shard_ids``); ``datasets``
    spreads them over DataLoader workers and, via ``datasets.distributed.split_dataset_by_node``,
    over ranks (give a ``num_shards`` divisible by the world size). Needs a finite range
    (``num_samples`` or ``count``). Examples follow the Hugging Face audio convention
    (``audio: {array, sampling_rate}``); ``features`` (a ``datasets.Features``) is passed on.
    Other keyword arguments go to ``MorseStream`` (``count``, ``audio_format``, ``num_workers``, …).
    """
    import datasets

    threads = options.pop("num_workers", None)
    stream = MorseStream(config=config, seed=seed, num_samples=num_samples, start=start, split=split, **options)
    first, limit = stream.id_range()
    if limit is None:
        raise ValueError("to_hf_iterable_dataset needs a finite range: give num_samples or count")
    if num_shards < 1:
        raise ValueError(f"num_shards={num_shards} must be 1 or more")
    shards = []
    for shard in range(num_shards):
        ids = shard_ids(first, limit, shard, num_shards)
        if len(ids) == 0:
            continue
        args = stream_arguments(ids) + ["--num-workers", str(threads or 1)]
        if split is not None:
            args += ["--split", split]
        shards.append(args)
    return datasets.IterableDataset.from_generator(
        _generate,
        gen_kwargs={"shards": shards, "common": tuple(stream._common_arguments()), "binary": stream.binary},
        features=features,
    )
