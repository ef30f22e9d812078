"""`morse-dataset stream` and the Python package that reads it: the streamed clips are generate's
clips byte for byte, sharding covers every id exactly once, and no child process outlives its reader."""
import json
import os
import signal
import subprocess
import time

import numpy as np
import psutil
import pytest

from conftest import BINARY, run_tool
from stream_support import HAVE_TORCH, morse_dataset
from morse_dataset import MorseStream, MorseStreamError, iter_frames, shard_ids
from morse_dataset._format import read_frames, read_header

FIXTURE = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "contest_cw.yaml")
SHORT = ["--max-duration", "6", "--noise-ratio", "0.1"]


def float32_config(tmp_path):
    path = tmp_path / "float32.yaml"
    path.write_text("output:\n  audio_format: float32\n")
    return str(path)


def generated(tmp_path, config, n, seed):
    out = tmp_path / "generated"
    args = ["generate", "--num-samples", n, "--seed", seed, "--output-dir", out, "--progress", "none", *SHORT]
    run_tool(*args, *(["--config", config] if config else []))
    records = {}
    for split in ("train", "validation", "test"):
        path = out / "metadata" / f"{split}.jsonl"
        for line in path.read_bytes().splitlines():
            records[json.loads(line)["id"]] = line
    return out, records


@pytest.mark.parametrize("config", ["default", "contest", "float32"])
def test_streamed_clips_are_generates_clips_byte_for_byte(tmp_path, config):
    config = {"default": None, "contest": FIXTURE, "float32": float32_config(tmp_path)}[config]
    n, seed = 10, 5
    out, records = generated(tmp_path, config, n, seed)
    args = ["--seed", str(seed), "--num-samples", str(n), "--num-workers", "3", *SHORT]
    args += ["--config", config] if config else []
    header = []
    frames = list(iter_frames(args, header_out=header))
    assert [f.id for f in frames] == list(range(n)), "every clip once, in id order, on 3 workers"
    wav_header = 58 if config and "float32" in config else 44
    assert header[0].sample_format == ("float32" if wav_header == 58 else "pcm16")
    for frame in frames:
        record = json.loads(frame.record)
        assert frame.record == records[frame.id], f"clip {frame.id}: record differs from its line in metadata/"
        wav = (out / "audio" / record["audio_file"]).read_bytes()
        assert frame.audio == wav[wav_header:], f"clip {frame.id}: samples differ from generate's WAV"
    # Endless ids (no --num-samples) give the same audio for the same ids.
    endless = list(iter_frames(["--seed", str(seed), "--start", "3", "--count", "4", *SHORT] + (["--config", config] if config else [])))
    assert [f.id for f in endless] == [3, 4, 5, 6]
    assert [f.audio for f in endless] == [frames[i].audio for i in range(3, 7)]


def test_audio_format_option_and_the_python_examples(tmp_path):
    out, records = generated(tmp_path, float32_config(tmp_path), 4, 9)
    stream = MorseStream(seed=9, num_samples=4, audio_format="float32", max_duration=6, noise_ratio=0.1)
    examples = list(stream)
    assert [e["id"] for e in examples] == [0, 1, 2, 3]
    for example in examples:
        wav = (out / "audio" / example["audio_file"]).read_bytes()
        assert np.array_equal(example["audio"]["array"], np.frombuffer(wav[58:], dtype="<f4"))
        assert example["audio"]["sampling_rate"] == 16000 and example["audio"]["array"].dtype == np.float32
        assert json.loads(records[example["id"]]) == {k: v for k, v in example.items() if k != "audio"}
    pcm = list(MorseStream(seed=9, num_samples=4, max_duration=6, noise_ratio=0.1))
    for a, b in zip(pcm, examples):  # PCM16 is the float32 clip quantised
        assert np.abs(a["audio"]["array"] - b["audio"]["array"]).max() <= 2 / 32768


def test_split_filter_gives_generates_split_members(tmp_path):
    _, records = generated(tmp_path, None, 20, 3)
    members = {s: sorted(i for i, line in records.items() if json.loads(line)["split"] == s) for s in ("validation", "test")}
    wanted = "test" if members["test"] else "validation"
    assert members[wanted], "the 20-clip dataset has clips outside train"
    stream = MorseStream(seed=3, num_samples=20, split=wanted, max_duration=6, noise_ratio=0.1)
    assert [e["id"] for e in stream] == members[wanted]


def test_shards_of_workers_and_ranks_cover_every_id_once():
    for first, limit in [(0, 23), (5, 6), (7, 7), (3, 40)]:
        for num_shards in (1, 2, 3, 4, 7):
            seen = [i for shard in range(num_shards) for i in shard_ids(first, limit, shard, num_shards)]
            assert sorted(seen) == list(range(first, limit))
    # Endless: the first ids of every shard interleave without gaps.
    heads = sorted(i for shard in range(4) for i, _ in zip(shard_ids(10, None, shard, 4), range(5)))
    assert heads == list(range(10, 30))


def test_two_ranks_times_two_workers_stream_every_id_exactly_once():
    n = 11
    seen = []
    if HAVE_TORCH:
        from torch.utils.data import DataLoader

        for rank in (0, 1):
            stream = MorseStream(seed=2, num_samples=n, rank=rank, world_size=2, num_workers=1, max_duration=6)
            loader = DataLoader(stream, batch_size=None, num_workers=2)
            seen += [int(example["id"]) for example in loader]
    else:  # the same shards, run as a DataLoader would run them
        from morse_dataset.sharding import global_shard, stream_arguments

        for rank in (0, 1):
            for worker in (0, 1):
                shard, num_shards = global_shard(rank, 2, worker, 2)
                ids = shard_ids(0, n, shard, num_shards)
                args = ["--seed", "2", "--num-samples", str(n), "--max-duration", "6", *stream_arguments(ids)]
                seen += [f.id for f in iter_frames(args)]
    assert sorted(seen) == list(range(n)), f"ids seen: {sorted(seen)}"


def test_epochs_resume_and_fresh_clips():
    stream = MorseStream(seed=4, epoch_size=5, start=100, max_duration=6)
    assert stream.id_range() == (100, 105)
    stream.set_epoch(2)
    assert [e["id"] for e in stream] == [110, 111, 112, 113, 114]
    resumed = MorseStream(seed=4, num_samples=9, start=6, max_duration=6)
    assert [e["id"] for e in resumed] == [6, 7, 8]


def stream_children():
    return [p for p in psutil.Process().children(recursive=True) if p.name().startswith("morse-dataset")]


def test_closing_the_iterator_early_leaves_no_process():
    iterator = iter(MorseStream(seed=1, max_duration=6))  # endless
    next(iterator)
    children = stream_children()
    assert len(children) == 1
    iterator.close()
    assert not psutil.pid_exists(children[0].pid), "closed: the child is killed and reaped (no zombie)"
    assert stream_children() == []
    # Dropping an unfinished iterator does the same.
    iterator = iter(MorseStream(seed=1, max_duration=6))
    next(iterator)
    pid = stream_children()[0].pid
    del iterator
    assert not psutil.pid_exists(pid)


def test_killed_stream_raises_a_clear_error():
    iterator = iter(MorseStream(seed=1, max_duration=6))
    next(iterator)
    os.kill(stream_children()[0].pid, signal.SIGKILL)
    with pytest.raises(MorseStreamError, match="killed by SIGKILL"):
        for _ in iterator:
            pass
    assert stream_children() == []


def test_bad_arguments_raise_with_generates_message():
    with pytest.raises(MorseStreamError, match=r"--max-duration 1(\.0)? is out of range; use 2 to 600 seconds"):
        MorseStream(seed=1, max_duration=1)
    for bad in (["--max-duration", "1"], ["--noise-ratio", "2"], ["--num-workers", "0"], ["--config", "/nonexistent.yaml"]):
        streamed = run_tool("stream", "--seed", "1", "--count", "1", *bad, check=False)
        made = run_tool("generate", "--seed", "1", "--num-samples", "1", "--output-dir", "/tmp/never-made", *bad, check=False)
        assert streamed.returncode == made.returncode != 0
        assert streamed.stdout == "" and streamed.stderr.splitlines()[0] == made.stderr.splitlines()[0]


def test_closed_pipe_ends_the_stream_quietly():
    child = subprocess.Popen([BINARY, "stream", "--seed", "1", "--max-duration", "6"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    header = read_header(child.stdout)
    assert header.seed == 1 and header.sample_rate == 16000
    next(read_frames(child.stdout))
    child.stdout.close()
    assert child.wait(timeout=60) == 0
    assert child.stderr.read() == b""


def test_finite_stream_ends_with_an_end_frame():
    out = subprocess.run([BINARY, "stream", "--seed", "1", "--count", "2", "--max-duration", "6"], capture_output=True, check=True).stdout
    assert out[-20:-16] == b"DONE" and int.from_bytes(out[-16:-8], "little") == 2


def test_render_in_memory():
    clip = morse_dataset.render("CQ TEST DE K1ABC <KN>", wpm=25, seed=7, tone=650)
    audio = clip["audio"]
    assert audio["sampling_rate"] == 16000 and audio["array"].dtype == np.float32
    assert abs(len(audio["array"]) / 16000 - clip["duration"]) < 1 / 16000
    assert "".join(c["text"] for c in clip["characters"]) == "CQTESTDEK1ABC<KN>"
    assert np.abs(audio["array"]).max() > 0.3
    with pytest.raises(MorseStreamError, match="wpm"):
        morse_dataset.render("CQ", wpm=500)


def test_hugging_face_iterable_dataset():
    """Runs in a fresh interpreter: other test files stub torch's imports for `datasets`, and a stub
    in this process would make `datasets` take it for the real torch."""
    pytest.importorskip("datasets")
    import sys

    from stream_support import PACKAGE_ROOT

    code = f"""
import sys
sys.path.insert(0, {str(PACKAGE_ROOT)!r})
import datasets, numpy as np, morse_dataset
from morse_dataset import MorseStream
hf = morse_dataset.to_hf_iterable_dataset(seed=6, num_samples=7, num_shards=3, max_duration=6)
assert isinstance(hf, datasets.IterableDataset) and hf.n_shards == 3
rows = list(hf)
assert sorted(r["id"] for r in rows) == list(range(7)), sorted(r["id"] for r in rows)
direct = {{e["id"]: e for e in MorseStream(seed=6, num_samples=7, max_duration=6)}}
for row in rows:
    assert np.array_equal(np.asarray(row["audio"]["array"], dtype=np.float32), direct[row["id"]]["audio"]["array"])
    assert row["text"] == direct[row["id"]]["text"] and row["audio"]["sampling_rate"] == 16000
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "MORSE_DATASET_BIN": BINARY})
    assert done.returncode == 0 and done.stdout.strip().endswith("ok"), done.stderr[-3000:]


def test_stream_dies_with_a_killed_reader_process():
    """A DataLoader worker killed hard takes its stream with it (PR_SET_PDEATHSIG on Linux)."""
    import sys

    from stream_support import PACKAGE_ROOT

    code = (f"import sys, time; sys.path.insert(0, {str(PACKAGE_ROOT)!r}); from morse_dataset import MorseStream; "
            "it = iter(MorseStream(seed=1, max_duration=6)); next(it); print('ready', flush=True); time.sleep(120)")
    reader = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, env={**os.environ, "MORSE_DATASET_BIN": BINARY})
    assert reader.stdout.readline().strip() == b"ready"
    children = psutil.Process(reader.pid).children()
    assert [c.name() for c in children] == ["morse-dataset"]
    reader.kill()
    reader.wait()
    gone, alive = psutil.wait_procs(children, timeout=20)
    alive = [p for p in alive if p.status() != psutil.STATUS_ZOMBIE]
    assert not alive, "the stream outlived its reader"


@pytest.mark.parametrize("seed", [3, 12])
def test_fields_trim_the_record_and_never_the_audio(seed):
    """``stream --fields`` writes the full record cut down to the keys asked for (same order, same
    values, label times included when asked for) and the same samples; the header says so."""
    args = ["--seed", str(seed), "--num-samples", "8", "--config", FIXTURE, *SHORT]
    full = list(iter_frames(args))
    for keys in (["text", "duration"], ["whisper_text"], ["checksum", "words", "id"]):
        header = []
        trimmed = list(iter_frames(args + ["--fields", ",".join(keys)], header_out=header))
        assert [f.id for f in trimmed] == [f.id for f in full]
        for whole, cut in zip(full, trimmed):
            assert cut.audio == whole.audio, f"clip {cut.id}: --fields changed the audio"
            record, expected = json.loads(cut.record), json.loads(whole.record)
            assert list(record) == [k for k in expected if k in keys], "the full record's key order"
            assert record == {k: expected[k] for k in keys}, f"clip {cut.id}: values differ from the full record's"
    raw = subprocess.run([BINARY, "stream", "--count", "1", "--fields", "text"], capture_output=True)
    assert raw.returncode == 0 and raw.stdout[12:16] == (1).to_bytes(4, "little"), "flag 1: trimmed records"
    assert (subprocess.run([BINARY, "stream", "--count", "1"], capture_output=True).stdout[12:16] == bytes(4))


def test_an_unknown_field_is_refused_before_any_clip():
    """A misspelt key fails when the stream is made, with the tool's message naming it."""
    refused = subprocess.run([BINARY, "stream", "--count", "3", "--fields", "text,txet"], capture_output=True, text=True)
    assert refused.returncode == 64 and refused.stdout == ""
    assert "'txet' is not a record key" in refused.stderr and "whisper_text" in refused.stderr
    with pytest.raises(MorseStreamError, match="txet"):
        MorseStream(seed=1, count=3, fields=("text", "txet"))


def test_batches_fields_and_tensors_carry_the_same_clips():
    """The throughput options change only the packaging: batched (padded, with lengths), trimmed to
    some fields and as torch tensors, the clips are the single clips' samples and texts, and a
    2-worker DataLoader of batches still delivers every id exactly once."""
    single = {e["id"]: e for e in MorseStream(seed=5, num_samples=7, max_duration=6)}
    batched = list(MorseStream(seed=5, num_samples=7, max_duration=6, fields=("id", "text"), batch_size=3))
    assert [len(b["id"]) for b in batched] == [3, 3, 1]
    for batch in batched:
        assert set(batch) == {"audio", "id", "text"}
        array, lengths = batch["audio"]["array"], batch["audio"]["lengths"]
        assert array.dtype == np.float32 and array.shape == (len(batch["id"]), lengths.max())
        for row, (clip, text) in enumerate(zip(batch["id"], batch["text"])):
            expected = single[clip]["audio"]["array"]
            assert lengths[row] == len(expected) and text == single[clip]["text"]
            assert np.array_equal(array[row, : lengths[row]], expected) and not array[row, lengths[row] :].any()
    if not HAVE_TORCH:
        return
    import torch
    from torch.utils.data import DataLoader

    stream = MorseStream(seed=5, num_samples=7, max_duration=6, audio_format="float32", fields=("id",), tensors=True,
                         num_workers=1)
    for example in DataLoader(stream, batch_size=None, num_workers=2):
        assert isinstance(example["audio"]["array"], torch.Tensor) and set(example) == {"audio", "id"}
    raw = {e["id"]: e["audio"]["array"] for e in MorseStream(seed=5, num_samples=7, max_duration=6, audio_format="float32")}
    converted = MorseStream(seed=5, num_samples=7, max_duration=6, fields=("id",), tensors=True, num_workers=1,
                            batch_size=2)
    stream.batch_size = 2
    # Each worker reuses its clip buffers from batch to batch and writes every batch into shared
    # memory through the segment's descriptor: rows must still be exactly their clips, zero-padded.
    pcm16 = {clip: example["audio"]["array"] for clip, example in single.items()}
    for expected, loader_stream in ((raw, stream), (pcm16, converted)):
        seen = []
        for batch in DataLoader(loader_stream, batch_size=None, num_workers=2):
            array = batch["audio"]["array"]
            assert isinstance(array, torch.Tensor) and array.dtype == torch.float32
            for row, clip in enumerate(batch["id"]):
                length = int(batch["audio"]["lengths"][row])
                assert np.array_equal(array[row, :length].numpy(), expected[int(clip)])
                assert not array[row, length:].any()
            seen += [int(i) for i in batch["id"]]
        assert sorted(seen) == list(range(7))


def test_int16_samples_are_the_pcm_values_of_the_float_samples():
    """``sample_dtype="int16"`` changes only the representation: every clip's int16 samples are
    its float32 samples times 32768 exactly, single or batched (padded with zeros), in a 2-worker
    DataLoader as int16 tensors with every id once; a float32 stream refuses int16 samples."""
    single = {e["id"]: e["audio"]["array"] for e in MorseStream(seed=5, num_samples=7, max_duration=6)}
    pcm = {e["id"]: e["audio"]["array"] for e in MorseStream(seed=5, num_samples=7, max_duration=6, sample_dtype="int16")}
    assert sorted(pcm) == sorted(single)
    for clip, array in pcm.items():
        assert array.dtype == np.int16
        assert np.array_equal(array.astype(np.float32) / np.float32(32768), single[clip])
        assert np.abs(array.astype(np.int32)).max() <= 32767 and array.any()
    batched = list(MorseStream(seed=5, num_samples=7, max_duration=6, fields=("id",), batch_size=3, sample_dtype="int16"))
    for batch in batched:
        array, lengths = batch["audio"]["array"], batch["audio"]["lengths"]
        assert array.dtype == np.int16
        for row, clip in enumerate(batch["id"]):
            assert np.array_equal(array[row, : lengths[row]], pcm[clip]) and not array[row, lengths[row] :].any()
    with pytest.raises(ValueError, match="pcm16"):
        MorseStream(seed=5, num_samples=7, audio_format="float32", sample_dtype="int16")
    if not HAVE_TORCH:
        return
    import torch
    from torch.utils.data import DataLoader

    stream = MorseStream(seed=5, num_samples=7, max_duration=6, fields=("id",), tensors=True, num_workers=1,
                         sample_dtype="int16")
    for example in DataLoader(stream, batch_size=None, num_workers=2):
        tensor = example["audio"]["array"]
        assert tensor.dtype == torch.int16 and np.array_equal(tensor.numpy(), pcm[int(example["id"])])
    stream.batch_size = 2
    seen = []
    for batch in DataLoader(stream, batch_size=None, num_workers=2):
        assert batch["audio"]["array"].dtype == torch.int16
        for row, clip in enumerate(batch["id"]):
            length = int(batch["audio"]["lengths"][row])
            assert np.array_equal(batch["audio"]["array"][row, :length].numpy(), pcm[int(clip)])
            assert not batch["audio"]["array"][row, length:].any(), "padding in fresh shared memory is zeros"
        seen += [int(i) for i in batch["id"]]
    assert sorted(seen) == list(range(7))


@pytest.mark.skipif(not HAVE_TORCH, reason="needs torch")
def test_shared_batches_fall_back_and_explain_a_full_shared_memory(monkeypatch):
    """``collate_shared`` writes rows through the segment's descriptor; under the file_system sharing
    strategy it writes through the mapping instead (same batch), and a failed write (a full /dev/shm)
    raises an error that names the batch's size and the fix."""
    import errno

    import torch.multiprocessing

    from morse_dataset import stream as stream_module

    rng = np.random.default_rng(4)
    examples = [{"audio": {"array": rng.integers(-30000, 30000, size=n, dtype=np.int16), "sampling_rate": 16000},
                 "text": f"T{n}"} for n in (5, 300, 17)]
    expected = np.zeros((3, 300), dtype=np.int16)
    for row, example in enumerate(examples):
        expected[row, : len(example["audio"]["array"])] = example["audio"]["array"]
    for strategy in ("file_descriptor", "file_system"):
        monkeypatch.setattr(torch.multiprocessing, "get_sharing_strategy", lambda s=strategy: s)
        batch = stream_module.collate_shared(examples)
        assert np.array_equal(batch["audio"]["array"].numpy(), expected), strategy
        assert batch["audio"]["lengths"].tolist() == [5, 300, 17] and batch["text"] == ["T5", "T300", "T17"]
    monkeypatch.setattr(torch.multiprocessing, "get_sharing_strategy", lambda: "file_descriptor")

    def full(*_):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(stream_module.os, "pwrite", full)
    with pytest.raises(OSError, match=r"3 clips \(1800 bytes\).*No space left.*--shm-size") as raised:
        stream_module.collate_shared(examples)
    assert raised.value.errno == errno.ENOSPC
