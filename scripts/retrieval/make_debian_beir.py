#!/usr/bin/env python3
"""A real retrieval data set with a known answer, from this machine's Debian package index.

Each package's one-line synopsis is a query; its long description is the one relevant document. The
corpus holds the descriptions of N_CORPUS packages; N_QUERIES of them get their synopsis as a query,
and N_TRAIN other packages (never in the corpus) become (synopsis, description) training pairs for a
fine-tune. Packages are chosen by a seeded shuffle of the package names, so the folder is the same on
every machine with the same package lists.

Needs the English package descriptions: apt-get -o Acquire::Languages=en update
Usage: python3 scripts/retrieval/make_debian_beir.py OUT_DIR
Writes OUT_DIR/beir/{corpus.jsonl,queries.jsonl,qrels/test.tsv} and OUT_DIR/train.jsonl (text_a, text_b, label 1).
"""
import glob
import json
import os
import random
import subprocess
import sys

N_CORPUS, N_QUERIES, N_TRAIN, SEED = 5000, 1500, 2000, 7


def descriptions():
    """package -> (synopsis, long description) from every Translation-en file apt has."""
    out = {}
    files = sorted(glob.glob("/var/lib/apt/lists/*_i18n_Translation-en*"))
    if not files:
        sys.exit("no Translation-en files: run apt-get -o Acquire::Languages=en update")
    for path in files:
        text = subprocess.run(["/usr/lib/apt/apt-helper", "cat-file", path], check=True,
                              capture_output=True, text=True).stdout
        for block in text.split("\n\n"):
            name, synopsis, body = None, None, []
            for line in block.split("\n"):
                if line.startswith("Package: "):
                    name = line[len("Package: "):].strip()
                elif line.startswith("Description-en: "):
                    synopsis = line[len("Description-en: "):].strip()
                elif line.startswith(" ") and synopsis is not None:
                    piece = line.strip()
                    body.append("" if piece == "." else piece)
            long = " ".join(p for p in body if p).strip()
            if name and synopsis and len(long.split()) >= 20:
                out[name] = (synopsis, long)
    return out


def main():
    folder = sys.argv[1]
    packages = descriptions()
    # One package per distinct description: -dev/-doc siblings often share theirs word for word.
    seen, names = set(), []
    for name in sorted(packages):
        if packages[name][1] not in seen and packages[name][0] not in seen:
            seen.add(packages[name][1])
            seen.add(packages[name][0])
            names.append(name)
    random.Random(SEED).shuffle(names)
    corpus, train = names[:N_CORPUS], names[N_CORPUS:N_CORPUS + N_TRAIN]
    os.makedirs(os.path.join(folder, "beir/qrels"), exist_ok=True)
    with open(os.path.join(folder, "beir/corpus.jsonl"), "w") as f:
        for name in corpus:
            f.write(json.dumps({"_id": name, "title": "", "text": packages[name][1]}) + "\n")
    with open(os.path.join(folder, "beir/queries.jsonl"), "w") as f:
        for name in corpus[:N_QUERIES]:
            f.write(json.dumps({"_id": "q:" + name, "text": packages[name][0]}) + "\n")
    with open(os.path.join(folder, "beir/qrels/test.tsv"), "w") as f:
        f.write("query-id\tcorpus-id\tscore\n")
        for name in corpus[:N_QUERIES]:
            f.write(f"q:{name}\t{name}\t1\n")
    with open(os.path.join(folder, "train.jsonl"), "w") as f:
        for name in train:
            f.write(json.dumps({"text_a": packages[name][0], "text_b": packages[name][1], "label": 1}) + "\n")
    print(f"{len(packages)} packages with descriptions; wrote {len(corpus)} documents, {N_QUERIES} queries, {len(train)} training pairs to {folder}")


if __name__ == "__main__":
    main()
