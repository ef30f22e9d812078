#!/usr/bin/env bash
# Issue 14's benchmark in one run: clips and audio seconds per second delivered with no disk, against
# reading the same clips from disk. Run it on an otherwise idle machine; each line also gives the
# CPU time per clip, the figure to scale to more cores. Usage:
#   bash scripts/bench-stream.sh [CLIPS] [PYTHON]
# PYTHON needs numpy and torch (and datasets, soundfile, torchcodec for the disk rows), e.g. the
# test venv that scripts/test.sh builds (.venv-tests/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
clips=${1:-4000}
python=${2:-.venv-tests/bin/python}
swift build -c release --product morse-dataset >/dev/null
binary=$PWD/.build/release/morse-dataset
export MORSE_DATASET_BIN=$binary
cores=$(nproc)

time_stream() {  # label, then stream arguments: CPU per clip and clips/s of `stream` into /dev/null
    local label=$1
    shift
    read -r user system wall < <({ /usr/bin/time -f "%U %S %e" "$binary" stream --seed 1 --count "$clips" \
        --num-workers "$cores" "$@" >/dev/null; } 2>&1 | tail -1)
    python3 -c "u, s, w, n = $user, $system, $wall, $clips; print(f'$label: {n / w:.0f} clips/s, CPU per clip {1000 * (u + s) / n:.2f} ms')"
}

echo "== stream to /dev/null, $cores threads, $clips default clips"
time_stream "full records"
time_stream "--fields text,duration" --fields text,duration

echo "== one Python reader on a pipe"
"$binary" stream --seed 1 --count "$clips" --num-workers "$cores" --fields text,duration |
    "$python" scripts/bench-stream.py pipe --fields text,duration

echo "== MorseStream in a 2-worker DataLoader (one stream thread per worker)"
"$python" scripts/bench-stream.py loader --count "$clips" --loader-workers 2 --threads 1 \
    --fields text,duration --tensors --batch 16 --sample-dtype int16
"$python" scripts/bench-stream.py loader --count "$clips" --loader-workers 2 --threads 1 --fields text,duration --tensors

echo "== the same clips from disk (generate, then read back)"
out=$(mktemp -d /tmp/bench-stream-XXXXXX)
trap 'rm -rf "$out"' EXIT
/usr/bin/time -f "generate: %e s wall, %U s user, %S s system" "$binary" generate --seed 1 --num-samples "$clips" \
    --output-dir "$out/ds" --num-workers "$cores" --progress none >/dev/null
"$python" scripts/bench-stream.py disk "$out/ds" 2>/dev/null
"$python" scripts/bench-stream.py disk "$out/ds" --audiofolder 2>/dev/null
