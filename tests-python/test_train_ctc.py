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


def test_add_noise_sets_the_snr_in_500_hz():
    """σ² = P_carrier · fs / (2 · 500 · 10^(SNR/10)): the noise power inside any 500 Hz of the
    spectrum, over the key-down carrier power, is the SNR asked for."""
    import numpy as np

    example = load_example()
    rate = example.SAMPLE_RATE
    t = np.arange(4 * rate) / rate
    keyed = (np.floor(t * 5) % 2 == 0)  # 100 ms on, 100 ms off
    clean = (0.3 * np.sin(2 * np.pi * 700 * t) * keyed).astype(np.float32)
    assert abs(example.carrier_power(clean) - 0.3**2 / 2) < 0.002
    for snr in (20, 0, -5):
        noise = example.add_noise(clean, snr, np.random.default_rng(snr + 100)).astype(np.float64) - clean
        spectrum = np.abs(np.fft.rfft(noise)) ** 2
        frequencies = np.fft.rfftfreq(len(noise), 1 / rate)
        in_500 = spectrum[(frequencies >= 2000) & (frequencies < 2500)].sum() / spectrum.sum() * np.mean(noise**2)
        measured = 10 * np.log10((0.3**2 / 2) / in_500)
        assert abs(measured - snr) < 0.3, f"asked for {snr} dB in 500 Hz, got {measured:.2f} dB"
    assert example.add_noise(clean, None, np.random.default_rng(0)) is clean


def test_ebook2cw_generalisation_set(tmp_path):
    """ebook2cw renders the whole text at the asked tone and speed, and the evaluation scores every
    clip at every SNR by tone and speed."""
    import numpy as np

    from conftest import require_program

    require_program("ebook2cw")
    example = load_example()
    rate = example.SAMPLE_RATE
    one = example.render_ebook2cw("PARIS", 900, 20, str(tmp_path), "one")
    two = example.render_ebook2cw("PARIS PARIS", 900, 20, str(tmp_path), "two")
    # PARIS plus its word space is 50 dot units; 20 WPM is 60 ms a unit (the last word was once dropped).
    assert abs((len(two) - len(one)) / rate - 50 * 0.060) < 0.25
    spectrum = np.abs(np.fft.rfft(two))
    assert abs(np.fft.rfftfreq(len(two), 1 / rate)[spectrum.argmax()] - 900) < 5
    clips = example.ebook2cw_set(2, 7, str(tmp_path))
    assert [(c["tone"], c["wpm"]) for c in clips] == [(400, 15), (500, 15)]
    model = example.CTCDecoder(channels=16)
    report = example.evaluate_ebook2cw(model, clips, "cpu", seed=1, snrs=(None, 10))
    assert list(report["snr"]) == ["clean", "+10 dB"]
    assert set(report["tone"]) == {400, 500} and set(report["wpm"]) == {15}
    assert all(0 <= cer for row in report["tone"].values() for cer in row.values())
