"""examples/train_ctc.py learns from streamed clips: a short CPU run on clean clips lowers the CTC loss."""
import importlib.util
from pathlib import Path

import pytest

from stream_support import HAVE_TORCH  # noqa: F401 (also puts python/ on sys.path)

pytestmark = pytest.mark.skipif(not HAVE_TORCH, reason="torch is not installed (pip install -r tests-python/requirements-torch.txt)")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "train_ctc.py"


def load_example():
    spec = importlib.util.spec_from_file_location("train_ctc", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_vocabulary_round_trip():
    example = load_example()
    text = "CQ TEST DE K1ABC/P 5NN? <KN> <SOS>"
    ids = example.encode(text)
    assert len(ids) == len(text) - len("<KN>") - len("<SOS>") + 2  # each prosign is one token
    spaced = [t for i in ids for t in (i, 0)]  # blanks between every token, as CTC emits
    assert example.decode(spaced) == text
    assert example.edit_distance("ABCD", "ABXD") == 1 and example.edit_distance("", "AB") == 2
    assert 2.0 <= example.CTCDecoder.receptive_field_seconds() <= 3.0


def test_smoke_run_lowers_the_loss():
    example = load_example()
    result = example.train(example.parse(["--smoke", "--eval-samples", "30"]))
    losses = result["losses"]
    assert len(losses) == 60
    first, last = sum(losses[:10]) / 10, sum(losses[-10:]) / 10
    assert last < 0.7 * first, f"loss did not fall: first 10 steps {first:.3f}, last 10 {last:.3f}"
    assert "all" in result["cer"] and 0 <= result["cer"]["all"] <= 1.5
