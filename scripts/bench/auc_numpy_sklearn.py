#!/usr/bin/env python3
"""The least a Python user would do with sharded embeddings: memory-map each model's .npy shards,
look each pair's texts up through the shards' texts files, score every pair by cosine, and ask
scikit-learn for each model's ROC AUC. Only the two AUCs: no intervals, no tests, no report. The
yardstick for `tunelens report` on the same folders (scripts/bench.sh).

  auc_numpy_sklearn.py PAIRS.jsonl BASELINE_DIR FINETUNED_DIR
prints `baseline_auc X`, `finetuned_auc Y` and `seconds S` (wall time, imports included).
"""
import time

START = time.perf_counter()

import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402


def load(folder):
    """Every shard memory-mapped and stacked, and a text -> row dictionary."""
    folder = Path(folder)
    shards = sorted(folder.glob("embeddings-*.npy")) or [folder / "embeddings.npy"]
    matrices, index = [], {}
    for shard in shards:
        texts = shard.with_name(shard.name.replace("embeddings", "texts").replace(".npy", ".jsonl"))
        with open(texts, encoding="utf-8") as f:
            for line in f:
                index[json.loads(line)["text"]] = len(index)
        matrices.append(np.load(shard, mmap_mode="r"))
    return np.concatenate(matrices).astype(np.float32, copy=False), index


def main():
    pairs_path, baseline, finetuned = sys.argv[1:4]
    with open(pairs_path, encoding="utf-8") as f:
        pairs = [json.loads(line) for line in f]
    labels = np.array([p["label"] for p in pairs])
    for name, folder in (("baseline", baseline), ("finetuned", finetuned)):
        matrix, index = load(folder)
        a = matrix[[index[p["text_a"]] for p in pairs]]
        b = matrix[[index[p["text_b"]] for p in pairs]]
        cosine = (a * b).sum(axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
        print(f"{name}_auc {roc_auc_score(labels, cosine):.12f}")
    print(f"seconds {time.perf_counter() - START:.3f}")


if __name__ == "__main__":
    main()
