#!/usr/bin/env sh
# Batch face: validate, run, compare and check the scenarios in examples/scenarios.
# Run it from a project where govsim is installed, so `govsim` is on the PATH:
#   npm exec -- sh examples/batch.sh
set -eu
dir="$(dirname "$0")/scenarios"
out="${TMPDIR:-/tmp}/govsim-example-$$"
mkdir -p "$out"

# 1. Every file is valid (exit 65 names the file and the path of any mistake).
govsim validate "$dir"

# 2. One row per council and scenario, as CSV for a spreadsheet.
govsim run "$dir" --format csv --out "$out/outcomes.csv"
echo "wrote $(wc -l < "$out/outcomes.csv") lines to $out/outcomes.csv"

# 3. What the Badr–Sadr deal changes compared with the split alone, as Markdown.
govsim diff "$dir/najaf-badr-sadr.yaml" --against "$dir/badr-splits-najaf.yaml" --format md

# 4. The expect: blocks hold (exit 1 and the arithmetic if one does not).
govsim check "$dir"
rm -rf "$out"
