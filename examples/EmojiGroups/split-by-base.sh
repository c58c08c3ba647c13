#!/usr/bin/env bash
# Splits an emoji-groups training folder (<group>/<name>.png) into train/ and test/ by base emoji:
# every variant of one emoji (skin tones, man / woman / person, the families, kisses, couples and
# hand-holding pairs) lands on the same side, as in the held-back test split, so the test measures
# emoji the model never saw in any variant. Deterministic and stratified: within each group the
# bases are sorted by name and every fifth (starting at OFFSET, 0-4, default 0) is held out, so
# OFFSET 0..4 give five disjoint test folds. The files are symbolic links to the source.
#   examples/EmojiGroups/split-by-base.sh ../shared/datasets/emoji/groups/train /tmp/emoji [OFFSET]
set -euo pipefail
source="$(cd "$1" && pwd)"; target="$2"; offset="${3:-0}"
[[ "$offset" =~ ^[0-4]$ ]] || { echo "error: OFFSET must be 0 to 4, not '$offset'" >&2; exit 2; }
rm -rf "$target/train" "$target/test"
for group in "$source"/*/; do
  group="$(basename "$group")"
  mkdir -p "$target/train/$group" "$target/test/$group"
  # One line per file: its base name, a tab, the file name.
  (cd "$source/$group" && ls -1 -- *.png) \
    | awk '{ base = $0; sub(/\.png$/, "", base)
             gsub(/-(medium-light|medium-dark|light|medium|dark)-skin-tone/, "", base)
             sub(/^(man|woman|person|men|women|people)-/, "", base)
             sub(/-(man|woman|person|boy|girl)$/, "", base)
             if (base ~ /^family(-|$)/) base = "family"
             if (base ~ /^kiss(-|$)/) base = "kiss"
             if (base ~ /^couple-with-heart(-|$)/) base = "couple-with-heart"
             if (base ~ /holding-hands$/) base = "holding-hands"
             print base "\t" $0 }' \
    | LC_ALL=C sort \
    | awk -F'\t' -v offset="$offset" '$1 != last { bases++; last = $1 } { print ((bases - 1) % 5 == offset ? "test" : "train") "\t" $2 }' \
    | while IFS=$'\t' read -r side file; do ln -s "$source/$group/$file" "$target/$side/$group/$file"; done
done
count() { find "$target/$1" -name '*.png' | wc -l; }
echo "train: $(count train) images, test: $(count test) images (offset $offset: every fifth base emoji of each group, sorted by name)"
