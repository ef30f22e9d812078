#!/usr/bin/env bash
# Checks the Swift sources against .swift-format (line length 120, 4-space indentation) with the
# swift-format that ships in the Swift toolchain. Exits non-zero on any finding; CI runs it.
# To fix what it reports: swift format format -i -r Sources Tests Package.swift
set -euo pipefail
cd "$(dirname "$0")/.."

findings=$(swift format lint -r Sources Tests Package.swift 2>&1) || true
if [ -n "$findings" ]; then
    echo "$findings"
    count=$(printf '%s\n' "$findings" | grep -c "warning:\|error:" || true)
    files=$(printf '%s\n' "$findings" | grep "warning:\|error:" | cut -d: -f1 | sort -u | wc -l)
    echo "swift format: $count findings in $files files; fix them with: swift format format -i -r Sources Tests Package.swift" >&2
    exit 1
fi
echo "swift format: no findings"
