#!/usr/bin/env python3
"""A small CTC Morse decoder trained on clips streamed from `morse-dataset stream`.

Front end: log STFT magnitude at 10 ms frames (25 ms windows, 100–1500 Hz, where CW tones live),
a 2-D convolution over frequency and time, then dilated 1-D temporal convolutions whose receptive
field is about 2.5 s (kernel 3, dilations 1…64 = 255 frames), and a CTC head over characters:
blank, space, A–Z, 0–9, punctuation and every prosign as one token. A bidirectional GRU over 10 ms
frames of long clips sits on the CTC blank plateau for hundreds of steps; these convolutions learn
in a few hundred GPU steps.

Reports the character error rate (CER) on the test split of a dataset made by `generate`, by SNR band,
and (`--ebook2cw-samples N`, when `ebook2cw` is installed) on a generalisation set rendered by an
independent synthesiser, `ebook2cw`, over a grid of tones and speeds, with white Gaussian noise added
by this script at fixed SNRs: CER by SNR, by tone and by WPM (see `add_noise` for the SNR definition).

    python examples/train_ctc.py --steps 3000 --batch-size 32            # GPU when there is one
    python examples/train_ctc.py --smoke                                 # a short CPU run on clean clips
    python examples/train_ctc.py --steps 3000 --ebook2cw-samples 168      # plus the ebook2cw generalisation set

Needs torch and numpy, and the morse_dataset package (pip install ./python) or this checkout.
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

try:
    import morse_dataset
except ImportError:  # run from the checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "python"))
    import morse_dataset
from morse_dataset import MorseStream, find_binary

PROSIGNS = ["AR", "AS", "BK", "BT", "CL", "CT", "DO", "HH", "KA", "KN", "SK", "SN", "SOS"]
PUNCTUATION = list(".,?/=+-()':\"@!&;")
VOCABULARY = ["<blank>", " "] + [chr(c) for c in range(ord("A"), ord("Z") + 1)] + [str(d) for d in range(10)] + PUNCTUATION + [
    f"<{p}>" for p in PROSIGNS
]
TOKEN = {symbol: index for index, symbol in enumerate(VOCABULARY)}
SAMPLE_RATE = 16_000
HOP = SAMPLE_RATE // 100  # 10 ms frames
SNR_BANDS = [(-math.inf, 0), (0, 10), (10, 20), (20, math.inf)]

# Short, clean clips for the smoke run: the loss falls within tens of CPU steps.
SMOKE_CONFIG = """\
wpm_range: [18, 22]
conditions: [clean]
duration_bands:
  - {range: [3, 5], weight: 1}
"""


def encode(text):
    """Token ids of a transcript: prosigns `<KN>` are one token each."""
    tokens, i = [], 0
    while i < len(text):
        if text[i] == "<":
            end = text.index(">", i)
            tokens.append(TOKEN[text[i : end + 1]])
            i = end + 1
        else:
            tokens.append(TOKEN[text[i]])
            i += 1
    return tokens


def decode(ids):
    """Greedy CTC decoding: collapse repeats, drop blanks."""
    out, previous = [], None
    for i in ids:
        if i != previous and i != 0:
            out.append(VOCABULARY[i])
        previous = i
    return "".join(out)


def edit_distance(a, b):
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


class Features(nn.Module):
    """Log STFT magnitude, 10 ms hop, bins 100–1500 Hz, normalised per clip and bin."""

    def __init__(self):
        super().__init__()
        self.register_buffer("window", torch.hann_window(400), persistent=False)
        self.low, self.high = 100 * 512 // SAMPLE_RATE, 1500 * 512 // SAMPLE_RATE + 1

    def forward(self, audio):  # (batch, samples) → (batch, bins, frames)
        spectrum = torch.stft(audio, n_fft=512, hop_length=HOP, win_length=400, window=self.window, return_complex=True)
        magnitude = spectrum.abs()[:, self.low : self.high]
        features = torch.log(magnitude + 1e-4)
        return (features - features.mean(dim=2, keepdim=True)) / (features.std(dim=2, keepdim=True) + 1e-5)


class ResidualBlock(nn.Module):
    def __init__(self, channels, dilation):
        super().__init__()
        self.conv = nn.Conv1d(channels, channels, 3, padding=dilation, dilation=dilation)
        self.norm = nn.BatchNorm1d(channels)

    def forward(self, x):
        return x + F.gelu(self.norm(self.conv(x)))


class CTCDecoder(nn.Module):
    def __init__(self, channels=128, dilations=(1, 2, 4, 8, 16, 32, 64)):
        super().__init__()
        self.features = Features()
        bins = self.features.high - self.features.low
        # 2-D front end: finds the tone line whatever its frequency, keeps 10 ms frames.
        self.front = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.GELU(), nn.Conv2d(16, 16, 3, padding=1, stride=(2, 1)), nn.GELU()
        )
        self.project = nn.Conv1d(16 * ((bins + 1) // 2), channels, 1)
        self.blocks = nn.Sequential(*[ResidualBlock(channels, d) for d in dilations])
        self.head = nn.Conv1d(channels, len(VOCABULARY), 1)

    @staticmethod
    def receptive_field_seconds(dilations=(1, 2, 4, 8, 16, 32, 64)):
        return (1 + 2 * sum(dilations) + 4) * HOP / SAMPLE_RATE

    def forward(self, audio):  # → (frames, batch, vocabulary) log-probabilities
        x = self.features(audio).unsqueeze(1)
        x = self.front(x)
        x = self.project(x.flatten(1, 2))
        x = self.blocks(x)
        return self.head(x).permute(2, 0, 1).log_softmax(-1)


def batches(loader):
    """Padded audio, lengths in frames, concatenated targets and target lengths, from the loader's
    batches (``MorseStream(batch_size=…, tensors=True, sample_dtype="int16")``: each DataLoader worker
    hands over one padded int16 tensor per batch; the float conversion happens on the device)."""
    for batch in loader:
        audio, lengths = batch["audio"]["array"], batch["audio"]["lengths"]
        targets = [encode(text) for text in batch["text"]]
        yield (audio, lengths // HOP + 1, torch.tensor([t for ts in targets for t in ts], dtype=torch.long),
               torch.tensor([len(t) for t in targets]))


def collate(examples):
    """Float clips (evaluation: WAVs read back) as padded audio, lengths in frames and targets."""
    arrays = [e["audio"]["array"] for e in examples]
    longest = max(len(a) for a in arrays)
    audio = torch.zeros(len(arrays), longest)
    for row, array in enumerate(arrays):
        audio[row, : len(array)] = torch.as_tensor(array)
    frames = torch.tensor([len(a) // HOP + 1 for a in arrays])
    targets = [encode(e["text"]) for e in examples]
    return audio, frames, torch.tensor([t for ts in targets for t in ts], dtype=torch.long), torch.tensor([len(t) for t in targets])


def test_split(binary, config, seed, count, max_duration, folder):
    """Makes a held-out dataset with `generate` (its own seed) and returns its test split's records."""
    command = [binary, "generate", "--num-samples", str(count), "--seed", str(seed), "--output-dir", folder,
               "--max-duration", str(max_duration), "--progress", "none"]
    if config:
        command += ["--config", config]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(folder, "metadata", "test.jsonl"), encoding="utf-8") as file:
        return [json.loads(line) for line in file]


def read_wav(path):
    from morse_dataset.render import read_wav as parse

    with open(path, "rb") as file:
        return parse(file.read())[0]


def evaluate(model, records, folder, device, batch_size=16):
    """CER overall and by SNR band (snr_500, dB; noise-only clips count as their own band)."""
    model.eval()
    errors, lengths = {}, {}
    with torch.no_grad():
        for first in range(0, len(records), batch_size):
            chunk = records[first : first + batch_size]
            examples = [{"audio": {"array": read_wav(os.path.join(folder, "audio", r["audio_file"]))}, "text": r["text"]} for r in chunk]
            audio, frames, _, _ = collate(examples)
            best = model(audio.to(device)).argmax(-1).transpose(0, 1).cpu()
            for record, row, count in zip(chunk, best, frames):
                guess = decode(row[:count].tolist())
                band = band_of(record)
                errors[band] = errors.get(band, 0) + edit_distance(guess, record["text"])
                lengths[band] = lengths.get(band, 0) + max(1, len(record["text"]))
    model.train()
    report = {band: errors[band] / lengths[band] for band in sorted(errors)}
    report["all"] = sum(errors.values()) / max(1, sum(lengths.values()))
    return report


# The ebook2cw generalisation set: every clip is rendered once (tone and speed from this grid, in
# turn) and scored at every SNR. None is the clean clip.
EBOOK2CW_TONES = (400, 500, 600, 700, 800, 900, 1000)
EBOOK2CW_WPM = (15, 20, 25, 30, 35, 40)
EBOOK2CW_SNRS = (None, 20, 10, 5, 0, -5)
NOISE_BANDWIDTH = 500.0  # Hz: SNRs are carrier power over the noise power in 500 Hz


def random_callsign(rng):
    prefix = rng.choice(["K", "W", "N", "AA", "DL", "G", "F", "JA", "VK", "OH", "SP", "UA", "EA", "I", "PA", "ON", "VE", "LU"])
    call = prefix + str(rng.integers(0, 10)) + "".join(chr(ord("A") + int(c)) for c in rng.integers(0, 26, rng.integers(1, 4)))
    return call + ("/P" if rng.random() < 0.1 else "")


def random_exchange_text(rng):
    """A callsign or contest exchange, in the characters every CW synthesiser sends alike."""
    call, other = random_callsign(rng), random_callsign(rng)
    serial = f"{int(rng.integers(1, 1000)):03d}"
    zone = str(int(rng.integers(1, 41)))
    choices = [f"CQ TEST {call}", f"{call} 5NN {zone}", f"TU {call}", f"{other} 599 {serial}", f"{call} DE {other} 5NN {serial}",
               f"CQ CQ DE {call} {call} K", f"{call}", f"QRZ {other}"]
    return choices[int(rng.integers(0, len(choices)))]


def render_ebook2cw(text, tone, wpm, folder, name):
    """Renders ``text`` with ebook2cw (sine, 16 kHz, OGG/Vorbis) and returns float32 samples. The
    text goes in with a newline: without one ebook2cw drops the last word (the label would be wrong)."""
    import soundfile

    # A bare name, run in the folder: ebook2cw cuts long output paths short (a fixed-size buffer).
    subprocess.run(["ebook2cw", "-O", "-s", str(SAMPLE_RATE), "-w", str(wpm), "-f", str(tone), "-o", name],
                   input=(text + "\n").encode(), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder)
    audio, rate = soundfile.read(os.path.join(folder, name + "0000.ogg"), dtype="float32")
    if rate != SAMPLE_RATE:
        raise RuntimeError(f"ebook2cw wrote {rate} Hz audio; expected {SAMPLE_RATE} Hz (its -s option)")
    return audio if audio.ndim == 1 else audio.mean(axis=1)


def carrier_power(audio):
    """Mean power of the key-down carrier: the mean square of the samples whose 10 ms RMS is above
    half the clip's largest 10 ms RMS (the steady part of each element, without gaps or edges)."""
    window = SAMPLE_RATE // 100
    rms = np.sqrt(np.convolve(audio.astype(np.float64) ** 2, np.ones(window) / window, mode="same"))
    on = rms > 0.5 * rms.max()
    return float(np.mean(audio[on].astype(np.float64) ** 2))


def add_noise(audio, snr_db, rng):
    """White Gaussian noise at ``snr_db`` in 500 Hz: SNR_500 = P_carrier / (N0 · 500 Hz).

    Noise of variance σ² at sample rate fs spreads its power evenly over 0…fs/2, so its one-sided
    density is N0 = 2σ²/fs and its power in 500 Hz is N0 · 500 = 1000 σ²/fs. Hence
    σ² = P_carrier · fs / (2 · 500 · 10^(SNR_500/10)), with P_carrier from ``carrier_power``.
    ``None`` returns the clean clip.
    """
    if snr_db is None:
        return audio
    variance = carrier_power(audio) * SAMPLE_RATE / (2 * NOISE_BANDWIDTH * 10 ** (snr_db / 10))
    return (audio + rng.normal(0.0, math.sqrt(variance), len(audio))).astype(np.float32)


def ebook2cw_set(count, seed, folder):
    """``count`` clips from ebook2cw: clip i has tone ``EBOOK2CW_TONES[i % 7]`` and speed
    ``EBOOK2CW_WPM[(i // 7) % 6]`` (every pair once per 42 clips) and a random exchange text."""
    rng = np.random.default_rng(seed)
    clips = []
    for i in range(count):
        tone = EBOOK2CW_TONES[i % len(EBOOK2CW_TONES)]
        wpm = EBOOK2CW_WPM[(i // len(EBOOK2CW_TONES)) % len(EBOOK2CW_WPM)]
        text = random_exchange_text(rng)
        clips.append({"audio": render_ebook2cw(text, tone, wpm, folder, f"clip{i:05d}_"), "text": text, "tone": tone, "wpm": wpm})
    return clips


def evaluate_ebook2cw(model, clips, device, seed, snrs=EBOOK2CW_SNRS, batch_size=16):
    """CER of every clip at every SNR: ``{"snr": {label: cer}, "tone": {tone: {label: cer}},
    "wpm": {wpm: {label: cer}}}`` with labels ``clean``, ``+20 dB``, …"""
    rng = np.random.default_rng(seed)
    totals = {}  # (kind, key, label) -> [errors, characters]

    def add(key, errors, length):
        entry = totals.setdefault(key, [0, 0])
        entry[0] += errors
        entry[1] += length

    model.eval()
    with torch.no_grad():
        for snr in snrs:
            label = "clean" if snr is None else f"{snr:+d} dB"
            for first in range(0, len(clips), batch_size):
                chunk = clips[first : first + batch_size]
                examples = [{"audio": {"array": add_noise(c["audio"], snr, rng)}, "text": c["text"]} for c in chunk]
                audio, frames, _, _ = collate(examples)
                best = model(audio.to(device)).argmax(-1).transpose(0, 1).cpu()
                for clip, row, count in zip(chunk, best, frames):
                    errors, length = edit_distance(decode(row[:count].tolist()), clip["text"]), max(1, len(clip["text"]))
                    add(("snr", label), errors, length)
                    add(("tone", clip["tone"], label), errors, length)
                    add(("wpm", clip["wpm"], label), errors, length)
    model.train()
    report = {"snr": {}, "tone": {}, "wpm": {}}
    for key, (errors, length) in totals.items():
        if key[0] == "snr":
            report["snr"][key[1]] = errors / length
        else:
            report[key[0]].setdefault(key[1], {})[key[2]] = errors / length
    return report


def print_ebook2cw_report(report, count):
    labels = list(report["snr"])
    print(f"CER on {count} ebook2cw clips (noise added at each SNR in 500 Hz):")
    print("  " + " " * 12 + "".join(f"{label:>9s}" for label in labels))
    print("  " + f"{'all':12s}" + "".join(f"{report['snr'][label]:9.3f}" for label in labels))
    for kind, unit in (("tone", "Hz"), ("wpm", "WPM")):
        for key in sorted(report[kind]):
            row = report[kind][key]
            print("  " + f"{f'{key} {unit}':12s}" + "".join(f"{row[label]:9.3f}" for label in labels))


def band_of(record):
    snr = record.get("snr_500")
    if snr is None:
        return "noise-only"
    for low, high in SNR_BANDS:
        if low <= snr < high:
            return f"SNR {low:+.0f}..{high:+.0f} dB".replace("-inf", "−∞").replace("+inf", "∞")
    return "SNR ?"


def train(args):
    torch.manual_seed(args.seed)
    device = torch.device(args.device or ("cuda" if torch.cuda.is_available() else "cpu"))
    binary = find_binary(args.binary)
    temporary = tempfile.TemporaryDirectory(prefix="train-ctc-")
    config = args.config
    if args.smoke and config is None:
        config = os.path.join(temporary.name, "smoke.yaml")
        Path(config).write_text(SMOKE_CONFIG)
    model = CTCDecoder(channels=args.channels).to(device)
    optimiser = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-2)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=args.lr, total_steps=args.steps, pct_start=0.1)
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    # Only the transcript is read, so the tool skips the label times and the checksum (--fields), and
    # batches of int16 PCM cross from the DataLoader workers in one shared-memory tensor each.
    stream = MorseStream(config=config, seed=args.seed, epoch_size=args.steps * args.batch_size, max_duration=args.max_duration,
                         noise_ratio=args.noise_ratio, binary=binary, fields=("text",), batch_size=args.batch_size,
                         tensors=True, sample_dtype="int16")
    loader = torch.utils.data.DataLoader(stream, batch_size=None, num_workers=args.loader_workers)
    print(f"device {device}; {sum(p.numel() for p in model.parameters()) / 1e6:.2f} M parameters; "
          f"receptive field {CTCDecoder.receptive_field_seconds():.2f} s", flush=True)
    losses, started = [], time.time()
    for step, (audio, frames, targets, target_lengths) in enumerate(batches(loader)):
        if step >= args.steps:
            break
        log_probs = model(audio.to(device).float() / 32768)
        loss = ctc(log_probs, targets.to(device), frames.to(device), target_lengths.to(device))
        optimiser.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimiser.step()
        schedule.step()
        losses.append(loss.item())
        if step % args.log_every == 0 or step == args.steps - 1:
            print(f"step {step:5d}  loss {loss.item():7.3f}  {time.time() - started:6.1f} s", flush=True)
    result = {"losses": losses}
    if args.eval_samples > 0:
        folder = os.path.join(temporary.name, "test")
        records = test_split(binary, config, args.seed + 1_000_003, args.eval_samples, args.max_duration, folder)
        result["cer"] = evaluate(model, records, folder, device)
        print(f"CER on {len(records)} held-out test clips:")
        for band, cer in result["cer"].items():
            print(f"  {band:20s} {cer:6.3f}")
    if args.ebook2cw_samples > 0:
        import shutil

        if shutil.which("ebook2cw") is None:
            print("ebook2cw is not installed (apt-get install ebook2cw): no generalisation set", flush=True)
        else:
            folder = os.path.join(temporary.name, "ebook2cw")
            os.makedirs(folder)
            clips = ebook2cw_set(args.ebook2cw_samples, args.seed + 2_000_003, folder)
            result["ebook2cw"] = evaluate_ebook2cw(model, clips, device, args.seed + 3_000_017)
            print_ebook2cw_report(result["ebook2cw"], len(clips))
    if args.save:
        torch.save(model.state_dict(), args.save)
    temporary.cleanup()
    return result


def parse(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=3000, help="training steps")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--lr", type=float, default=3e-3, help="peak learning rate (one-cycle)")
    parser.add_argument("--channels", type=int, default=128, help="width of the temporal convolutions")
    parser.add_argument("--device", default=None, help="cpu or cuda (default: cuda when available)")
    parser.add_argument("--config", default=None, help="morse-dataset YAML config (default: built-in defaults)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-duration", type=float, default=16, help="longest clip in seconds")
    parser.add_argument("--noise-ratio", type=float, default=0.05)
    parser.add_argument("--loader-workers", type=int, default=2, help="DataLoader workers (each runs one stream)")
    parser.add_argument("--eval-samples", type=int, default=500, help="size of the generated held-out dataset (0: no eval)")
    parser.add_argument("--ebook2cw-samples", type=int, default=84,
                        help="clips rendered by ebook2cw for the generalisation set, each scored at every SNR (0: none)")
    parser.add_argument("--log-every", type=int, default=50)
    parser.add_argument("--binary", default=None, help="morse-dataset executable (default: $MORSE_DATASET_BIN, PATH, bundled)")
    parser.add_argument("--save", default=None, help="write the trained weights here")
    parser.add_argument("--smoke", action="store_true", help="tiny CPU run: short clean clips, small model, 60 steps")
    args = parser.parse_args(argv)
    if args.smoke:
        defaults = {"steps": 60, "batch_size": 8, "channels": 48, "max_duration": 6.0, "noise_ratio": 0.0,
                    "eval_samples": 30, "ebook2cw_samples": 0, "log_every": 10, "device": args.device or "cpu", "loader_workers": 1}
        for key, value in defaults.items():
            if getattr(args, key) == parser.get_default(key):
                setattr(args, key, value)
    return args


if __name__ == "__main__":
    train(parse())
