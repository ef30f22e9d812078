#!/usr/bin/env bash
# Benchmarks the real `generate` on the default config: clips/s, audio seconds per second, peak
# memory (max RSS) and the speed-up from 1 worker to every core. Usage:
#   bash scripts/bench-generate.sh [NUM_SAMPLES] [OUTPUT_FOLDER]
# Run it on an otherwise idle machine. Extra build flags go in SWIFT_BUILD_FLAGS, e.g.
#   SWIFT_BUILD_FLAGS="-Xswiftc -target-cpu -Xswiftc native" bash scripts/bench-generate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
samples=${1:-10000}
out=${2:-/tmp/morse-dataset-bench}
scratch=.build
[ -n "${SWIFT_BUILD_FLAGS:-}" ] && scratch=.build/with-flags  # keep the default build as it is
# shellcheck disable=SC2086  # the flags are several words
swift build -c release --product morse-dataset --scratch-path "$scratch" ${SWIFT_BUILD_FLAGS:-} >/dev/null
binary="$scratch/release/morse-dataset"
cores=$(nproc)
one=""
for workers in 1 "$cores"; do
    if [ -e "$out" ]; then
        rm -rf "$out"
        # ext4 is slow to hand out inodes that were freed seconds ago; let them age, as on a fresh disk.
        sync
        sleep 30
    fi
    stats=$( { /usr/bin/time -f "%M %e" "$binary" generate --num-samples "$samples" --output-dir "$out" \
        --seed 1 --num-workers "$workers" --progress none >/dev/null; } 2>&1 | tail -1)
    read -r rss seconds <<<"$stats"
    hours=$(python3 -c "import json; print(json.load(open('$out/dataset_info.json'))['total_duration_hours'])")
    rate=$(python3 -c "print(round($samples / $seconds))")
    audio=$(python3 -c "print(round($hours * 3600 / $seconds))")
    [ -z "$one" ] && one=$rate
    speedup=$(python3 -c "print(round($rate / $one, 2))")
    echo "workers=$workers clips=$samples wall_s=$seconds clips_per_s=$rate audio_s_per_s=$audio peak_rss_mb=$((rss / 1024)) speedup=${speedup}x"
done
rm -rf "$out"
