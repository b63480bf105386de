#!/usr/bin/env python3
"""A real graded-similarity (STS) guard set from this machine's Debian package index.

Two packages' synopses ("one-line descriptions") form a pair; its gold score is 5 x the Jaccard overlap
of the packages' debtags (the `Tag:` field of the Packages lists: facets such as `use::editing`,
`devel::lang:python`, `interface::x11`). A model that puts packages of the same kind close together
should rank the pairs as the tags do. Packages in the Debian search set (make_debian_beir.py: its
corpus and training split) are left out, so the set is other data for that fine-tune: the guard asks
whether learning package search cost anything on package kinds. Pairs are drawn so that gold scores
spread over the whole range (a third random, a third sharing a facet, a third sharing two or more
tags), seeded.

Needs the English package descriptions: apt-get -o Acquire::Languages=en update
Usage: python3 scripts/retrieval/make_debian_tag_sts.py DEBIAN_DIR OUT.jsonl [PAIRS]
DEBIAN_DIR is the folder make_debian_beir.py wrote (its packages are excluded).
"""
import glob
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_debian_beir import descriptions  # noqa: E402

SEED = 11


def tags():
    """package -> set of debtags, from every Packages list apt has."""
    out = {}
    for path in sorted(glob.glob("/var/lib/apt/lists/*_Packages*")):
        text = subprocess.run(["/usr/lib/apt/apt-helper", "cat-file", path], check=True,
                              capture_output=True, text=True).stdout
        for block in text.split("\n\n"):
            name, tag_text, in_tag = None, [], False
            for line in block.split("\n"):
                if line.startswith("Package: "):
                    name = line[len("Package: "):].strip()
                    in_tag = False
                elif line.startswith("Tag: "):
                    tag_text.append(line[len("Tag: "):])
                    in_tag = True
                elif line.startswith(" ") and in_tag:
                    tag_text.append(line)
                else:
                    in_tag = False
            found = {t.strip() for t in ",".join(tag_text).split(",") if t.strip()}
            # Workflow tags say nothing about what a package is for.
            found = {t for t in found if not t.startswith(("role::", "implemented-in::", "suite::", "special::"))}
            if name and len(found) >= 2:
                out[name] = found
    return out


def main():
    debian, out_path = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 1200
    used = set()
    for line in open(os.path.join(debian, "beir/corpus.jsonl")):
        used.add(json.loads(line)["_id"])
    for line in open(os.path.join(debian, "train.jsonl")):
        used.add(json.loads(line)["text_a"])
    texts = descriptions()
    tagged = tags()
    seen, names = set(), []
    for name in sorted(set(texts) & set(tagged)):
        synopsis = texts[name][0]
        if name in used or synopsis in used or synopsis in seen:
            continue
        seen.add(synopsis)
        names.append(name)
    rng = random.Random(SEED)
    by_tag = {}
    for name in names:
        for tag in tagged[name]:
            by_tag.setdefault(tag, []).append(name)
    pairs, keys = [], set()

    def add(a, b):
        if a == b or (a, b) in keys or (b, a) in keys:
            return
        keys.add((a, b))
        ta, tb = tagged[a], tagged[b]
        pairs.append({"sentence1": texts[a][0], "sentence2": texts[b][0],
                      "score": round(5 * len(ta & tb) / len(ta | tb), 4)})

    while len(pairs) < count // 3:
        add(rng.choice(names), rng.choice(names))
    while len(pairs) < 2 * count // 3:
        a = rng.choice(names)
        add(a, rng.choice(by_tag[rng.choice(sorted(tagged[a]))]))
    while len(pairs) < count:
        a = rng.choice(names)
        candidates = [b for b in by_tag[rng.choice(sorted(tagged[a]))] if len(tagged[a] & tagged[b]) >= 2]
        if candidates:
            add(a, rng.choice(candidates))
    rng.shuffle(pairs)
    with open(out_path, "w") as f:
        for pair in pairs:
            f.write(json.dumps(pair) + "\n")
    scores = [p["score"] for p in pairs]
    print(f"{len(names)} tagged packages outside the search set; wrote {len(pairs)} pairs to {out_path}, "
          f"scores {min(scores)} to {max(scores)}, mean {sum(scores) / len(scores):.2f}")


if __name__ == "__main__":
    main()
