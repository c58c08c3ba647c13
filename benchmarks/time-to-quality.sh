#!/usr/bin/env bash
# Time to quality: the wall time of examples/DigitClassifier, whole program (loading, training,
# evaluation, report), with the shortest schedule of its default recipe that reaches 99.0 % on
# the digits' test split (12 epochs), and the full default (30 epochs) for the final accuracy.
#   benchmarks/time-to-quality.sh [DATASETS]   (default ../shared/datasets)
# Give it the machine: on a shared machine, run it as `chrt -r 1 benchmarks/time-to-quality.sh`
# (real-time priority; plain nice does not protect a timed run from other sessions' work).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$here/../shared/datasets}"
[ -d "$data/digits/train" ] || { echo "time-to-quality: $data/digits not found; pass the datasets folder" >&2; exit 2; }
bin="$(mktemp -d)"
trap 'rm -rf "$bin"' EXIT
dotnet build -c Release "$here/examples/DigitClassifier" -o "$bin" -v q -nologo >/dev/null
printf '| epochs | test accuracy | wall time |\n| ---: | ---: | ---: |\n'
for epochs in 12 30; do
  line="$("$bin/DigitClassifier" --train "$data/digits/train" --test "$data/digits/test" --epochs "$epochs" --out "$bin/out-$epochs" | grep '^test accuracy')"
  accuracy="$(sed -E 's/^test accuracy ([0-9.]+ %).*/\1/' <<<"$line")"
  wall="$(sed -E 's/.*wall time ([0-9:]+);.*/\1/' <<<"$line")"
  printf '| %s | %s | %s |\n' "$epochs" "$accuracy" "$wall"
done
