"""Hostile numbers and control characters on the command line, through the real binary.

Every numeric option of every subcommand is checked (finite, inside its documented range) before
anything is printed, read or allocated: the tool must exit with a usage error that names the option,
never die of a signal (SIGILL, SIGSEGV, SIGABRT), print no banner and write no file.
"""
import subprocess

import pytest

from conftest import BINARY

# (subcommand and arguments, the option the message must name)
GENERATE = ["generate", "--output-dir", "ds", "--progress", "none"]
RENDER = ["render", "--text", "CQ", "--output", "cq.wav"]
HOSTILE = [
    (GENERATE + ["--max-duration", "inf"], "--max-duration"),
    (GENERATE + ["--max-duration", "nan"], "--max-duration"),
    (GENERATE + ["--max-duration=-inf"], "--max-duration"),
    (GENERATE + ["--max-duration", "1e300"], "--max-duration"),
    (GENERATE + ["--max-duration", "1"], "--max-duration"),
    (GENERATE + ["--max-duration", "2"], "--max-duration"),  # below every duration band: found before the banner
    (GENERATE + ["--noise-ratio", "1e300"], "--noise-ratio"),
    (GENERATE + ["--noise-ratio", "nan"], "--noise-ratio"),
    (GENERATE + ["--noise-ratio=-0.1"], "--noise-ratio"),
    (GENERATE + ["--sample-rate", "1000000000"], "--sample-rate"),
    (GENERATE + ["--sample-rate", "0"], "--sample-rate"),
    (GENERATE + ["--num-samples", "0"], "--num-samples"),
    (GENERATE + ["--num-samples", "9223372036854775807"], "--num-samples"),
    (GENERATE + ["--num-samples", "99999999999999999999"], "--num-samples"),  # does not fit an Int
    (GENERATE + ["--num-workers", "0"], "--num-workers"),
    (GENERATE + ["--num-workers", "1000000"], "--num-workers"),
    (GENERATE + ["--num-shards", "1000000000000"], "--num-shards"),
    (GENERATE + ["--num-shards", "1e12"], "--num-shards"),
    (GENERATE + ["--num-shards", "0"], "--num-shards"),
    (GENERATE + ["--shard-index=-1", "--num-shards", "2"], "--shard-index"),
    (GENERATE + ["--shard-index", "2", "--num-shards", "2"], "--shard-index"),
    (GENERATE + ["--seed=-1"], "--seed"),
    (GENERATE + ["--test-clip-delay-ms", "99999999"], "--test-clip-delay-ms"),
    (RENDER + ["--sample-rate", "1000000000"], "--sample-rate"),
    (RENDER + ["--silence", "1e9"], "--silence"),
    (RENDER + ["--silence", "nan"], "--silence"),
    (RENDER + ["--wpm", "inf"], "--wpm"),
    (RENDER + ["--wpm", "0"], "--wpm"),
    (RENDER + ["--farnsworth", "nan"], "--farnsworth"),
    (RENDER + ["--dash-ratio", "nan"], "--dash-ratio"),
    (RENDER + ["--weighting", "1e308"], "--weighting"),
    (RENDER + ["--sloppiness", "nan"], "--sloppiness"),
    (RENDER + ["--tone", "nan"], "--tone"),
    (RENDER + ["--tone", "1e12"], "--tone"),
    (RENDER + ["--amplitude", "inf"], "--amplitude"),
    (RENDER + ["--rise-time", "nan"], "--rise-time"),
    (RENDER + ["--chirp", "1e300"], "--chirp"),
    (RENDER + ["--chirp-time", "nan"], "--chirp-time"),
    (RENDER + ["--chirp-time", "0"], "--chirp-time"),
    (RENDER + ["--drift", "nan"], "--drift"),
    (RENDER + ["--drift", "-inf"], "--drift"),
    (["validate", "ds", "--max-duration", "nan"], "--max-duration"),
    (["validate", "ds", "--sample-rate", "0"], "--sample-rate"),
    (["validate", "ds", "--fraction", "nan"], "--fraction"),
    (["validate", "ds", "--min-snr", "nan"], "--min-snr"),
    (["validate", "ds", "--flag-cer", "inf"], "--flag-cer"),
    (["validate", "ds", "--limit=-1"], "--limit"),
    (["validate", "ds", "--num-workers", "0"], "--num-workers"),
    (["decode", "x.wav", "--tone", "nan"], "--tone"),
    (["decode", "x.wav", "--tone", "0"], "--tone"),
    (["decode", "--benchmark", "--sloppiness", "nan"], "--sloppiness"),
    (["preview", "ds", "--id=-1"], "--id"),
    (["preview", "ds", "--id", "100000000"], "--id"),
    (["stats", "ds", "--decode-fraction", "nan"], "--decode-fraction"),
    (["stats", "ds", "--num-workers", "257"], "--num-workers"),
]


@pytest.mark.parametrize("args,option", HOSTILE, ids=[" ".join(args[:1] + args[-2:]) for args, _ in HOSTILE])
def test_a_hostile_number_is_refused_naming_the_option(args, option, tmp_path):
    result = subprocess.run([BINARY, *args], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode > 0, f"exit status {result.returncode} (negative: killed by a signal)\n{result.stderr}"
    assert option in result.stderr, result.stderr
    assert result.stdout == "", f"printed before the arguments were checked: {result.stdout!r}"
    assert list(tmp_path.iterdir()) == [], "wrote files although its arguments were refused"


def test_a_bad_throttle_variable_is_refused(tmp_path):
    import os
    result = subprocess.run([BINARY, *GENERATE], capture_output=True, text=True, cwd=tmp_path, timeout=60,
                            env={**os.environ, "MORSE_DATASET_TEST_DELAY_MS": "soon"})
    assert result.returncode > 0 and "MORSE_DATASET_TEST_DELAY_MS=soon" in result.stderr, result.stderr
    assert result.stdout == "" and list(tmp_path.iterdir()) == []


ESCAPE = "\x1b[2J\x1b[31m"
ECHOES = [
    (["render", "--text", f"CQ {ESCAPE}", "--output", "cq.wav"], "character '\\e'"),
    (["validate", f"nowhere{ESCAPE}"], "nowhere\\e[2J"),
    (["preview", f"nowhere{ESCAPE}"], "nowhere\\e[2J"),
    (["generate", "--num-samples", "1", "--max-duration", "4", "--output-dir", f"mine{ESCAPE}\x07"], "mine\\e[2J\\e[31m\\u{7}"),
    (["render", "--text", "CQ", "--wpm", f"2{ESCAPE}0", "--output", "cq.wav"], "\\e[2J"),
]


@pytest.mark.parametrize("args,shown", ECHOES, ids=["render text", "validate path", "preview path", "generate path", "parser error"])
def test_control_characters_in_input_are_escaped_in_messages(args, shown, tmp_path):
    if args[0] == "generate":  # a foreign folder: the refusal echoes its name
        (tmp_path / args[-1]).mkdir()
        (tmp_path / args[-1] / "notes.txt").write_text("mine\n")
    result = subprocess.run([BINARY, *args], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode > 0, result.stderr
    output = result.stdout + result.stderr
    assert "\x1b" not in output and "\x07" not in output, repr(output)
    assert shown in output, repr(output)


@pytest.mark.parametrize("command", ["decode", "preview"])
def test_a_folder_given_as_a_wav_file_is_named_plainly(command, tmp_path):
    (tmp_path / "clip.wav").mkdir()
    args = [command, "clip.wav"] if command == "decode" else [command, "clip.wav/", "--id", "0"]
    result = subprocess.run([BINARY, *args], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode > 0 and "clip.wav" in result.stderr, result.stderr
    assert "Error Domain" not in result.stderr and "NSCocoaErrorDomain" not in result.stderr, result.stderr
