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
    return make_example(frame.record, decode_audio(frame.audio, header.sample_format), header.sample_rate)


def make_example(record, samples, sampling_rate, fields=None):
    """The example dict of one clip; ``fields`` (a collection of record keys) keeps only those."""
    parsed = json.loads(record)
    if fields is not None:
        parsed = {key: parsed[key] for key in fields if key in parsed}
    example = {"audio": {"array": samples, "sampling_rate": sampling_rate}}
    example.update(parsed)
    return example


def shared_tensor(shape, dtype):
    """An uninitialised torch tensor made directly in shared memory (whose fresh pages read as
    zeros), so that a DataLoader worker passes it to the main process as a file descriptor.

    ``torch.empty(...).share_memory_()`` makes the tensor in private memory and then copies it into
    a new shared segment: twice the page faults and a full copy per tensor (14.5 against 6.3 ms per
    16-clip int16 batch on this project's machine). ``UntypedStorage._new_shared`` is what
    ``share_memory_`` uses inside; if a torch version lacks it, the copy is taken instead."""
    import torch

    try:
        size = 1
        for extent in shape:
            size *= extent
        storage = torch.UntypedStorage._new_shared(size * torch.empty(0, dtype=dtype).element_size())
        return torch.empty(0, dtype=dtype).set_(storage, 0, tuple(shape)), True
    except (AttributeError, TypeError, RuntimeError):  # pragma: no cover - older or newer torch
        return torch.empty(tuple(shape), dtype=dtype).share_memory_(), False


def _storage_fd(tensor):
    """The file descriptor behind a tensor made by ``shared_tensor``, or None (the file_system
    sharing strategy shares named files, not descriptors; other torch versions may keep none)."""
    import torch.multiprocessing

    if torch.multiprocessing.get_sharing_strategy() != "file_descriptor":
        return None
    try:
        fd, _ = tensor.untyped_storage()._share_fd_cpu_()
        return fd
    except (AttributeError, RuntimeError, TypeError, ValueError):  # pragma: no cover - other torch
        return None


def _write_rows(fd, arrays, row_bytes):
    """Writes each array at the start of its row of the segment behind ``fd``: inside the kernel,
    with no page fault per 4 kB page of a fresh mapping (about 100 per clip; on a virtual machine
    those faults, not the copy, were most of a worker's cost, BENCHMARKS.md)."""
    try:
        for row, array in enumerate(arrays):
            view = memoryview(np.ascontiguousarray(array)).cast("B")
            offset, done = row * row_bytes, 0
            while done < len(view):
                done += os.pwrite(fd, view[done:], offset + done)
    except OSError as error:
        raise OSError(
            error.errno,
            f"could not write a batch of {len(arrays)} clips ({len(arrays) * row_bytes} bytes) into shared memory: "
            f"{error.strerror}. If /dev/shm is full, give it more room (docker run --shm-size=2g) or use a "
            "smaller batch_size or fewer DataLoader workers",
        ) from error


def collate_shared(examples):
    """``collate_examples(examples, tensors=True, shared=True)``: what a DataLoader worker yields."""
    return collate_examples(examples, tensors=True, shared=True)


class _SlotBuffers:
    """Reused private arrays, one per clip of a batch, that a worker reads clips into before
    ``collate_examples`` copies them into the batch's shared segment: their pages are faulted in once,
    not once per clip as fresh arrays' would be."""

    def __init__(self, dtype):
        self.dtype = np.dtype(dtype)
        self.slots = []
        self.next = 0

    def allocate(self, count):
        if self.next == len(self.slots):
            self.slots.append(np.empty(0, dtype=self.dtype))
        slot = self.slots[self.next]
        if slot.size < count:
            slot = self.slots[self.next] = np.empty(max(count, slot.size + slot.size // 4), dtype=self.dtype)
        self.next += 1
        return slot[:count]

    def reset(self):
        self.next = 0


def collate_examples(examples, tensors=False, shared=False):
    """Several examples as one: ``audio.array`` a zero-padded (clips, samples) array of the clips'
    dtype (float32, or int16 with ``sample_dtype="int16"``),
    ``audio.lengths`` the clips' sample counts, every other field a list (one value per clip).
    ``tensors``: torch tensors; ``shared``: the padded tensor is made in shared memory, so a
    DataLoader worker hands it over without copying it; its rows are then written through the
    segment's file descriptor where torch keeps one (``_write_rows``), else through the mapping."""
    arrays = [e["audio"]["array"] for e in examples]
    lengths = np.fromiter((len(a) for a in arrays), dtype=np.int64, count=len(arrays))
    shape = (len(arrays), int(lengths.max(initial=0)))
    dtype = np.dtype(arrays[0].dtype if arrays and hasattr(arrays[0], "dtype") else np.float32)
    zeroed, fd = False, None
    if tensors:
        import torch

        kind = torch.int16 if dtype == np.int16 else torch.float32
        if shared:
            tensor, zeroed = shared_tensor(shape, kind)
            fd = _storage_fd(tensor) if zeroed else None
        else:
            tensor = torch.empty(shape, dtype=kind)
        padded = tensor.numpy()
    else:
        padded = np.empty(shape, dtype=np.int16 if dtype == np.int16 else np.float32)
    if fd is not None:
        _write_rows(fd, arrays, shape[1] * padded.itemsize)
    else:
        for row, array in enumerate(arrays):
            padded[row, : len(array)] = array
            if not zeroed:  # fresh shared pages are zeros already: writing them would only fault them in
                padded[row, len(array) :] = 0
    batch = {key: [e[key] for e in examples] for key in examples[0] if key != "audio"}
    if tensors:
        padded, lengths = tensor, torch.from_numpy(lengths)
    batch["audio"] = {"array": padded, "lengths": lengths, "sampling_rate": examples[0]["audio"]["sampling_rate"]}
    return batch


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

    Throughput (BENCHMARKS.md): ``audio_format="float32"`` reads the samples straight from the pipe
    with no conversion; ``fields=("text", "duration")`` keeps only those record keys: the tool
    is run with ``--fields`` and then skips the work behind the others (without ``characters``,
    ``words`` and ``whisper_text`` the label times, without ``checksum`` the CRC: about a fifth of
    the CPU per clip), writes less JSON and this reader parses less;
    ``tensors=True`` yields torch tensors; ``batch_size=B`` yields ``B`` clips at a time
    (``collate_examples``: padded ``audio.array``, ``audio.lengths``, a list per field), so a
    DataLoader worker hands over one shared-memory tensor per batch instead of one per clip (use the
    DataLoader with ``batch_size=None``). The last batch of a shard may be smaller.
    ``sample_dtype="int16"`` (PCM16 streams, the default format) yields the PCM samples as int16
    (divide by 32768 for the float values, e.g. on the GPU): no conversion in the worker and half
    the bytes per clip through the DataLoader's shared memory, its largest cost per clip.
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
        fields=None,
        batch_size=None,
        tensors=False,
        sample_dtype="float32",
    ):
        if split is not None and split not in SPLITS:
            raise ValueError(f"split {split!r} is not a split; use one of {', '.join(SPLITS)}")
        if num_samples is not None and epoch_size is not None:
            raise ValueError("give num_samples (generate's dataset) or epoch_size (fresh clips each epoch), not both")
        for name, value in (("start", start), ("count", count), ("num_samples", num_samples), ("epoch_size", epoch_size)):
            if value is not None and value < 0:
                raise ValueError(f"{name}={value} must be 0 or more")
        if batch_size is not None and batch_size < 1:
            raise ValueError(f"batch_size={batch_size} must be 1 or more (or None for single clips)")
        if sample_dtype not in ("float32", "int16"):
            raise ValueError(f"sample_dtype={sample_dtype!r}; use 'float32' or 'int16'")
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
        self.fields = None if fields is None else tuple(fields)
        self.batch_size = batch_size
        self.tensors = bool(tensors)
        self.sample_dtype = sample_dtype
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
        if sample_dtype == "int16" and self.header.sample_format != "pcm16":
            raise ValueError(f"sample_dtype='int16' needs a pcm16 stream; this one is {self.header.sample_format}")

    def _common_arguments(self):
        args = ["--seed", str(self.seed)] if self.seed is not None else []
        if self.config is not None:
            args += ["--config", self.config]
        if self.audio_format is not None:
            args += ["--audio-format", self.audio_format]
        if self.num_samples is not None:
            args += ["--num-samples", str(self.num_samples)]
        if self.fields is not None:
            # The tool then writes only these keys and skips the work behind the others (label
            # times, checksum): about a fifth less CPU per clip, and less JSON to parse here.
            args += ["--fields", ",".join(self.fields) or "id"]
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

    def examples(self, allocate=None):
        """This shard's clips one by one (what ``__iter__`` yields without ``batch_size``).
        ``allocate(count)``: the array each clip's samples are read into (see ``read_clips``)."""
        args = self.stream_arguments()
        if args is None:
            return
        rate, fields = self.sampling_rate, self.fields
        tensor_of = None
        if self.tensors and allocate is None:
            import torch

            if self._in_loader_worker() and self.batch_size is None:
                # Read each clip straight into shared memory: the DataLoader then passes a file
                # descriptor to the main process instead of copying the samples into shared memory.
                kind = torch.int16 if self.sample_dtype == "int16" else torch.float32

                def allocate(count):
                    return shared_tensor((count,), kind)[0]

            tensor_of = torch.from_numpy
        for _, record, samples in iter_frames(args, self.binary, decoded=True, allocate=allocate, dtype=self.sample_dtype):
            if tensor_of is not None and self.batch_size is None and allocate is None:
                samples = tensor_of(samples)
            yield make_example(record, samples, rate, fields)

    @staticmethod
    def _in_loader_worker():
        if _IterableBase is object:
            return False
        from torch.utils.data import get_worker_info

        return get_worker_info() is not None

    def __iter__(self):
        if self.batch_size is None:
            yield from self.examples()
            return
        pending, shared = [], self.tensors and self._in_loader_worker()
        if shared:
            # A worker reads each clip into a reused slot and writes the batch into shared memory
            # through its descriptor (``collate_shared``): no fresh pages touched per clip.
            slots = _SlotBuffers(self.sample_dtype)
            for example in self.examples(allocate=slots.allocate):
                pending.append(example)
                if len(pending) == self.batch_size:
                    yield collate_shared(pending)
                    pending = []
                    slots.reset()
            if pending:
                yield collate_shared(pending)
            return
        for example in self.examples():
            pending.append(example)
            if len(pending) == self.batch_size:
                yield collate_examples(pending, self.tensors, shared)
                pending = []
        if pending:
            yield collate_examples(pending, self.tensors, shared)


def _distributed_rank():
    try:
        import torch.distributed as dist
    except ImportError:
        return 0, 1
    if dist.is_available() and dist.is_initialized():
        return dist.get_rank(), dist.get_world_size()
    return 0, 1
