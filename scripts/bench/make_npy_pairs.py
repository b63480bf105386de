#!/usr/bin/env python3
"""Data for the report benchmark at the scale of a cluster job: PAIRS labelled pairs over TEXTS distinct
texts, and each text's embedding under two models (a baseline and a 'fine-tuned' one that separates
the classes better) as the SPEC section 2 shard format a Spark or Ray job writes:

  OUT/pairs.jsonl                         {"text_a", "text_b", "label"} per line
  OUT/baseline/embeddings-00000.npy ...   N x D float32 (or float16), C order
  OUT/baseline/texts-00000.jsonl ...      N lines {"text": ...}, same order
  OUT/finetuned/...                       the same texts in another order and other shard sizes,
                                          as a second job would write them

  make_npy_pairs.py OUT [--pairs 500000] [--texts 500000] [--dim 384] [--shard-rows 100000]
                        [--dtype float32|float16] [--seed 7] [--jsonl]
--jsonl also writes OUT/baseline.jsonl and OUT/finetuned.jsonl ({"text", "embedding"} per line, the
values exactly those of the shards) for comparing the two input forms. Seeded: the same arguments give
the same bytes. Memory: one shard of vectors at a time.
"""
import argparse
import json
from pathlib import Path

import numpy as np

TOPICS = 200
WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]


def text_of(i, topic, rng_words):
    return f"text {i} about topic {topic}: " + " ".join(WORDS[w] for w in rng_words)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--pairs", type=int, default=500_000)
    parser.add_argument("--texts", type=int, default=500_000)
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("--shard-rows", type=int, default=100_000)
    parser.add_argument("--dtype", choices=["float32", "float16"], default="float32")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jsonl", action="store_true")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    topic_of = rng.integers(0, TOPICS, args.texts)
    words = rng.integers(0, len(WORDS), (args.texts, 6))
    texts = [text_of(i, int(topic_of[i]), words[i]) for i in range(args.texts)]
    centres = rng.standard_normal((TOPICS, args.dim))

    # The fine-tuned job saw the texts in another order and cut shards of another size.
    orders = {"baseline": (np.arange(args.texts), args.shard_rows),
              "finetuned": (rng.permutation(args.texts), max(1, args.shard_rows * 3 // 4))}
    for name, signal in (("baseline", 0.2), ("finetuned", 0.3)):
        order, shard_rows = orders[name]
        folder = out / name
        folder.mkdir(exist_ok=True)
        for old in list(folder.glob("embeddings-*.npy")) + list(folder.glob("texts-*.jsonl")):
            old.unlink()
        model_rng = np.random.default_rng([args.seed, 1 if name == "baseline" else 2])
        jsonl = open(out / f"{name}.jsonl", "w", encoding="utf-8") if args.jsonl else None
        for shard, start in enumerate(range(0, args.texts, shard_rows)):
            rows = order[start:start + shard_rows]
            vectors = signal * centres[topic_of[rows]] + model_rng.standard_normal((len(rows), args.dim))
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            vectors = vectors.astype(args.dtype)
            np.save(folder / f"embeddings-{shard:05d}.npy", vectors)
            with open(folder / f"texts-{shard:05d}.jsonl", "w", encoding="utf-8") as f:
                for r in rows:
                    f.write(json.dumps({"text": texts[r]}) + "\n")
            if jsonl:
                for r, vector in zip(rows, vectors.astype(np.float32)):
                    jsonl.write(json.dumps({"text": texts[r], "embedding": [float(v) for v in vector]}) + "\n")
        if jsonl:
            jsonl.close()

    by_topic = {}
    for i, t in enumerate(topic_of):
        by_topic.setdefault(int(t), []).append(i)
    a = rng.integers(0, args.texts, args.pairs)
    same = rng.random(args.pairs) < 0.5
    other = rng.integers(0, args.texts, args.pairs)
    pick = rng.random(args.pairs)
    with open(out / "pairs.jsonl", "w", encoding="utf-8") as f:
        for k in range(args.pairs):
            if same[k]:
                members = by_topic[int(topic_of[a[k]])]
                b = members[int(pick[k] * len(members))]
            else:
                b = int(other[k])
            label = int(topic_of[a[k]] == topic_of[b])
            f.write(json.dumps({"text_a": texts[a[k]], "text_b": texts[b], "label": label}) + "\n")


if __name__ == "__main__":
    main()
