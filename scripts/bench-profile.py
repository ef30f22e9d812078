#!/usr/bin/env python3
"""Self and inclusive CPU shares per function from a `perf record -g` of a release binary.

  perf record -e cpu-clock -g -o /tmp/perf.data .build/release/morse-dataset stream --count 1500 --seed 1 \\
      --num-workers 1 > /dev/null
  python3 scripts/bench-profile.py .build/release/morse-dataset /tmp/perf.data

`perf report` on this project's VM does not resolve the Swift binary's symbols (it prints bare
addresses), so this maps each sampled address through `nm -n` and demangles with `swift demangle`.
Hardware counters are not available in the VM: record with `-e cpu-clock`.
"""
import bisect
import collections
import os
import subprocess
import sys


def main(binary, data, top=45):
    symbols = []
    listing = subprocess.run(["nm", "-n", "--defined-only", binary], capture_output=True, text=True).stdout
    for line in listing.splitlines():
        parts = line.split(" ", 2)
        if len(parts) == 3 and parts[1] in "tTwW":
            symbols.append((int(parts[0], 16), parts[2]))
    starts = [address for address, _ in symbols]
    name_of_binary = os.path.basename(binary)

    def name(ip, rest):
        if name_of_binary not in rest:
            return rest.split(" (")[0]
        index = bisect.bisect_right(starts, ip) - 1
        return symbols[index][1] if index >= 0 else hex(ip)

    script = subprocess.run(["perf", "script", "-i", data, "-F", "ip,sym,dso"], capture_output=True, text=True).stdout
    own, inclusive, total = collections.Counter(), collections.Counter(), 0
    for block in script.split("\n\n"):  # one sample per block, leaf first
        frames = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not frames:
            continue
        total += 1
        seen = set()
        for depth, frame in enumerate(frames):
            address, _, rest = frame.partition(" ")
            function = name(int(address, 16), rest)
            if depth == 0:
                own[function] += 1
            if function not in seen:
                inclusive[function] += 1
                seen.add(function)
    names = sorted(set(own) | set(inclusive))
    demangled = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input="\n".join(names),
                               capture_output=True, text=True).stdout.splitlines()
    readable = dict(zip(names, demangled))
    for title, counter in (("SELF", own), ("INCLUSIVE", inclusive)):
        print(title)
        for function, count in counter.most_common(top):
            print(f"{100 * count / max(1, total):6.2f}% {readable.get(function, function)[:150]}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
