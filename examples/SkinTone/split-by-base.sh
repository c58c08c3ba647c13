#!/usr/bin/env bash
# Splits a skin-tone training folder (labels.csv + images/) into train/ and test/ by base emoji:
# every tone of one emoji lands on the same side, as in the held-back test split, so the test
# measures tones of emoji the model never saw. Deterministic: every fifth base (sorted) is held out.
#   examples/SkinTone/split-by-base.sh ../shared/datasets/emoji/skintone/train /tmp/skintone
set -euo pipefail
source="$(cd "$1" && pwd)"; target="$2"
mkdir -p "$target/train" "$target/test"
for side in train test; do ln -sfn "$source/images" "$target/$side/images"; echo "file,tone" > "$target/$side/labels.csv"; done
tail -n +2 "$source/labels.csv" \
  | awk -F, '{ base = $1; sub(/-(medium-light|medium-dark|light|medium|dark)-skin-tone/, "", base); print base "\t" $0 }' \
  | LC_ALL=C sort \
  | awk -F'\t' -v train="$target/train/labels.csv" -v test="$target/test/labels.csv" \
      '$1 != last { bases++; last = $1 } { print $2 >> (bases % 5 == 0 ? test : train) }'
echo "train: $(($(wc -l < "$target/train/labels.csv") - 1)) images, test: $(($(wc -l < "$target/test/labels.csv") - 1)) images"
