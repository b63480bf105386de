#!/usr/bin/env python3
"""Data for the report benchmark at scale: PAIRS labelled pairs over a pool of TEXTS distinct texts, and
precomputed embeddings of every text for two models (a baseline and a 'fine-tuned' one that separates
the classes better), as tunelens reads them: {"text": ..., "embedding": [...]} per line.

  bench_report_data.py OUT_DIR [--pairs 100000] [--texts 20000] [--dim 384] [--seed 7]
writes OUT_DIR/pairs.jsonl, OUT_DIR/baseline.jsonl, OUT_DIR/finetuned.jsonl. Seeded: the same
arguments give the same bytes.
"""
import argparse
import json
import random
from pathlib import Path

import numpy as np


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--pairs", type=int, default=100_000)
    parser.add_argument("--texts", type=int, default=20_000)
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    words = random.Random(args.seed)
    topics = 200
    topic_of = rng.integers(0, topics, args.texts)
    texts = [f"text {i} about topic {topic_of[i]}: " + " ".join(words.choice(["a", "b", "c", "d", "e"]) for _ in range(6))
             for i in range(args.texts)]
    centres = rng.standard_normal((topics, args.dim))
    for name, signal in (("baseline", 0.6), ("finetuned", 0.9)):
        vectors = signal * centres[topic_of] + rng.standard_normal((args.texts, args.dim))
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for text, vector in zip(texts, vectors):
                f.write(json.dumps({"text": text, "embedding": [float(f"{v:.6g}") for v in vector]}) + "\n")
    by_topic = {}
    for i, t in enumerate(topic_of):
        by_topic.setdefault(int(t), []).append(i)
    with open(out / "pairs.jsonl", "w", encoding="utf-8") as f:
        for _ in range(args.pairs):
            a = int(rng.integers(args.texts))
            if rng.random() < 0.5:
                b = int(rng.choice(by_topic[int(topic_of[a])]))
                label = 1
            else:
                b = int(rng.integers(args.texts))
                label = int(topic_of[a] == topic_of[b])
            f.write(json.dumps({"text_a": texts[a], "text_b": texts[b], "label": label}) + "\n")


if __name__ == "__main__":
    main()
