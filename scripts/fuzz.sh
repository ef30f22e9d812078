#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS seconds each (default 60): the WAV reader (with the
# decoder and preview behind it), the config loader, the journal reader and the Morse text parser.
#   bash scripts/fuzz.sh 600          # a longer hunt
# A crash stops that target and leaves its input in fuzz/.build/artifacts/; make it a Swift test
# (Tests/Fixtures/fuzz/ or inline bytes) before fixing it. Inputs that found new coverage collect
# in fuzz/.build/corpus/ (kept between runs); the seeds in fuzz/corpus/ are never written to.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-60}

swift build --sanitize fuzzer -q
bin=$(swift build --sanitize fuzzer --show-bin-path)
mkdir -p .build/artifacts
# Let libFuzzer's handler see a Swift trap and write the input, instead of Swift's backtracer.
export SWIFT_BACKTRACE=enable=no
status=0
for target in FuzzWAV FuzzConfig FuzzJournal FuzzText; do
    seeds=corpus/$(echo "${target#Fuzz}" | tr '[:upper:]' '[:lower:]')
    mkdir -p ".build/corpus/$target"
    log=".build/artifacts/$target.log"
    # Tokens the mutator splices in (e.g. the journal's `{"id": ` prefix), where a target has them.
    dict=(); [ -f "$seeds.dict" ] && dict=(-dict="$seeds.dict")
    if "$bin/$target" ".build/corpus/$target" "$seeds" "${dict[@]}" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
        -max_len=16384 -artifact_prefix=".build/artifacts/$target-" -print_final_stats=1 >"$log" 2>&1; then
        echo "$target: $(grep -m1 -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$') inputs in ${seconds} s, no crash"
    else
        echo "$target: FAILED; input and log in fuzz/.build/artifacts/ ($target-*):"
        grep -E "ERROR|Fatal error|Test unit written" "$log" | head -5
        status=1
    fi
done
exit $status
