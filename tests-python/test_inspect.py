"""validate, stats, preview and decode, checked from outside: exit codes, the HTML, and the PNG read with zlib."""
import json
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

N = 30


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    from conftest import run_tool
    out = tmp_path_factory.mktemp("inspect") / "cw"
    run_tool("generate", "--num-samples", N, "--output-dir", out, "--seed", 5, "--num-workers", 2,
             "--max-duration", 8, "--progress", "none")
    return out


def damaged_copy(dataset, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(dataset, copy)
    # The NeMo manifests name the original's folder; point them at the copy's, as
    # `morse-dataset merge COPY` would, so each test sees only the damage it makes.
    for manifest in (copy / "manifests").glob("*.jsonl"):
        text = manifest.read_text().replace(f'"{dataset.resolve()}/audio/', f'"{copy.resolve()}/audio/')
        manifest.write_text(text)
    return copy


def first_morse_record(root):
    for split in ["train", "validation", "test"]:
        for line in (root / "metadata" / f"{split}.jsonl").read_text().splitlines():
            record = json.loads(line)
            if not record["is_noise_only"]:
                return record
    raise AssertionError("no Morse clip")


def test_validate_passes_a_sound_dataset(dataset, tool):
    result = tool("validate", dataset, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"OK: {N} clips, {N} audio files checked" in result.stdout


@pytest.mark.parametrize("damage, kind", [
    ("delete", "missing-audio"),
    ("truncate", "unreadable-audio"),
    ("orphan", "orphan-audio"),
    ("duplicate", "duplicate-id"),
    ("edit", "manifest-disagreement"),
])
def test_validate_reports_each_damage(dataset, tool, tmp_path, damage, kind):
    root = damaged_copy(dataset, tmp_path)
    record = first_morse_record(root)
    wav = root / "audio" / record["audio_file"]
    if damage == "delete":
        wav.unlink()
    elif damage == "truncate":
        data = wav.read_bytes()
        wav.write_bytes(data[: len(data) // 3])
    elif damage == "orphan":
        shutil.copy(wav, root / "audio" / "test" / "morse_000777.wav")
    elif damage == "duplicate":
        lines = (root / "metadata.csv").read_text().splitlines()
        (root / "metadata.csv").write_text("\n".join(lines + [lines[1]]) + "\n")
    elif damage == "edit":
        path = root / "splits" / f"{record['split']}_transcripts.txt"
        text = path.read_text().replace(f"|{record['text']}\n", f"|{record['text']} QRM\n")
        path.write_text(text)
    result = tool("validate", root, check=False)
    assert result.returncode == 1, result.stdout
    kinds = [line.split(":")[0] for line in result.stdout.splitlines() if not line.startswith((" ", "OK", "FAILED"))]
    assert kinds == [kind], result.stdout


def test_stats_prints_histograms_and_writes_html(dataset, tool, tmp_path):
    html = tmp_path / "report.html"
    result = tool("stats", dataset, "--html", html, "--decode-fraction", 0.3)
    for title in ["Split sizes", "Duration (s)", "Character speed (WPM)", "SNR in 500 Hz (dB)", "Tone (Hz)", "Condition",
                  "Contest", "Sample type", "Fist", "Symbols", "Reference decoder:"]:
        assert title in result.stdout
    page = html.read_text()
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg ") >= 10 and "<script" not in page
    screenshot_in_headless_browser(html, tmp_path)


def screenshot_in_headless_browser(html, tmp_path):
    """Renders the report in headless Chromium when it is installed (optional)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        return
    shot = tmp_path / "report.png"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={shot}",
                    "--window-size=1200,2400", html.as_uri()], capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 10_000


def read_png(path):
    """A minimal PNG reader with zlib and struct: returns width, height and rows of (r, g, b)."""
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, width, height = 8, b"", 0, 0
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        crc, = struct.unpack(">I", data[position + 8 + length:position + 12 + length])
        assert zlib.crc32(kind + body) == crc, kind
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert (depth, colour) == (8, 2)
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    raw = zlib.decompress(idat)
    stride = width * 3 + 1
    assert len(raw) == stride * height
    rows = []
    for y in range(height):
        line = raw[y * stride:(y + 1) * stride]
        assert line[0] == 0
        rows.append([tuple(line[1 + 3 * x:4 + 3 * x]) for x in range(width)])
    return width, height, rows


def test_preview_draws_labels_where_the_timestamps_say(dataset, tool, tmp_path):
    record = first_morse_record(dataset)
    png = tmp_path / "clip.png"
    result = tool("preview", dataset, "--id", record["id"], "--output", png)
    assert "250 pixels per second" in result.stdout
    width, height, rows = read_png(png)
    assert width == -(-record["num_samples"] // 64) + 40  # the frequency axis on the right
    middle = rows[height // 2]
    magenta, cyan = (255, 0, 255), (0, 255, 255)
    marked_starts = {x for x, pixel in enumerate(middle) if pixel == magenta}
    marked_ends = {x for x, pixel in enumerate(middle) if pixel == cyan}
    expected_starts = {round(c["start"] * 250) for c in record["characters"]}
    expected_ends = {round(c["end"] * 250) for c in record["characters"]}
    # The JSON times are rounded to 10 µs, so a column may differ by one where a time sits on a half pixel.
    assert all(any(abs(x - m) <= 1 for m in marked_starts) for x in expected_starts)
    assert all(any(abs(x - m) <= 1 for m in marked_ends) for x in expected_ends)
    assert len(marked_starts) == len(expected_starts)


def test_decode_reads_a_rendered_clip(tool, tmp_path):
    wav = tmp_path / "cq.wav"
    tool("render", "--text", "CQ TEST DE K1ABC <KN>", "--wpm", 28, "--fist", "paddle", "--seed", 4, "--output", wav)
    result = tool("decode", wav, "--reference", "CQ TEST DE K1ABC <KN>")
    assert result.stdout.splitlines()[0] == "CQ TEST DE K1ABC <KN>"
    assert "CER 0.0000" in result.stdout
    png = tmp_path / "cq.png"
    tool("preview", wav, "--output", png)
    width, height, _ = read_png(png)
    assert width > 500 and height > 100


def rewrite_everywhere(root, clip_id, old, new):
    """Changes one clip's transcript in every manifest, consistently, as a careless edit would."""
    for path in root.rglob("*"):
        if path.suffix not in (".csv", ".jsonl", ".txt") or ".morse-dataset" in path.parts:
            continue
        lines = path.read_text().splitlines(keepends=True)
        for index, line in enumerate(lines):
            if path.suffix == ".jsonl":
                record = json.loads(line)
                if record.get("id") == clip_id or Path(record.get("audio_filepath", "")).stem == f"morse_{clip_id:06d}":
                    record["text"] = new
                    lines[index] = json.dumps(record, ensure_ascii=False) + "\n"
            elif f"morse_{clip_id:06d}.wav" in line:
                lines[index] = line.replace(f",{old},", f",{new},").replace(f"|{old}\n", f"|{new}\n")
        path.write_text("".join(lines))


def test_validate_decode_hears_a_label_edited_in_every_manifest(dataset, tool, tmp_path):
    root = damaged_copy(dataset, tmp_path)
    rows = [json.loads(line) for split in ["train", "validation", "test"]
            for line in (root / "metadata" / f"{split}.jsonl").read_text().splitlines()]
    clean = [r for r in rows if not r["is_noise_only"] and r["snr_500"] >= 25 and "," not in r["text"]]
    assert clean, "the fixture needs a clip at 25 dB or more"
    victim = max(clean, key=lambda r: len(r["text"]))
    rewrite_everywhere(root, victim["id"], victim["text"], "TEST DE W1AW")
    plain = tool("validate", root, check=False)
    assert plain.returncode == 0, plain.stdout  # consistent everywhere: only the audio can tell
    decoded = tool("validate", root, "--decode", "--fraction", 1, check=False)
    assert decoded.returncode == 1, decoded.stdout
    flagged = [line for line in decoded.stdout.splitlines() if line.startswith("  ") and f"(id {victim['id']})" in line]
    assert flagged and "TEST DE W1AW" in flagged[0], decoded.stdout
    assert f"label-disagrees-with-audio: 1 problem" in decoded.stdout, decoded.stdout
