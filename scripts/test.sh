#!/usr/bin/env bash
# Runs every test: the Swift suites, then the Python consumer tests, which read what the built
# tool writes with independent readers (wave, csv, json, tarfile, soundfile, an independent CW decoder).
set -euo pipefail
cd "$(dirname "$0")/.."

swift build
# Print failures and the summary; the full log stays in .test-swift.log.
swift test 2>&1 | tee .test-swift.log | grep -vE "^(◇|↳|✔ Test [a-zA-Z]|✔ Suite|\[)" | grep -vE "^Test Suite|Executed 0 tests" || true
grep -E "^✔ Test run with" .test-swift.log || true
grep -qE "^✔ Test run with [0-9]+ tests? .* passed" .test-swift.log || { echo "Swift tests failed"; exit 1; }

# The libraries as a dependency: a package beside them renders a clip through the public API.
# Its scratch folder is kept, so after the first run this is an incremental build of seconds.
# Set SKIP_DEPENDENT_PACKAGE=1 to leave it out.
if [ "${SKIP_DEPENDENT_PACKAGE:-0}" != 1 ]; then
    swift build --package-path examples/dependent-package --scratch-path .build/dependent-package -q
    .build/dependent-package/debug/render-clip .build/dependent-package/clip.wav
    [ "$(head -c 4 .build/dependent-package/clip.wav)" = RIFF ] || { echo "dependent package: no WAV"; exit 1; }
fi

# A short libFuzzer run of each reader of untrusted input (WAV, config, journal, Morse text);
# FUZZ_SECONDS=0 skips it, `bash scripts/fuzz.sh 600` hunts longer.
[ "${FUZZ_SECONDS:-15}" = 0 ] || bash scripts/fuzz.sh "${FUZZ_SECONDS:-15}"

venv=.venv-tests
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check -r tests-python/requirements.txt
# The real training-side consumers (torch DataLoader, torchcodec audio decoding in `datasets`,
# openai-whisper's tokenizer, lhotse). MORSE_TEST_NO_TORCH=1 leaves them out; their tests then skip.
if [ "${MORSE_TEST_NO_TORCH:-0}" != 1 ]; then
    "$venv/bin/pip" install -q --disable-pip-version-check -r tests-python/requirements-torch.txt
fi
# An independent CW decoder; its metadata pins Python 3.10 only, but its code runs on 3.11.
"$venv/bin/pip" install -q --disable-pip-version-check --no-deps --ignore-requires-python morse-audio-decoder==0.1.1
MORSE_DATASET="$PWD/.build/debug/morse-dataset" "$venv/bin/python" -m pytest -q tests-python
