#!/usr/bin/env python3
"""Encode a data set's texts on a Ray cluster (or locally) with sentence-transformers and write the
precomputed-embeddings shard format `tunelens report` reads (SPEC section 2):

  OUT/embeddings-00000.npy   N0 x D float32 (or float16), C order
  OUT/texts-00000.jsonl      N0 lines {"text": ...}, the same order
  OUT/embeddings-00001.npy ...

  encode_ray.py --model MODEL --out OUT INPUT... [--column text_a --column text_b]
                [--prompt TEXT] [--batch-size 64] [--rows-per-shard 10000] [--float16]
                [--num-cpus N] [--num-gpus-per-worker G] [--workers W]

INPUT: JSONL, CSV or Parquet files (or folders of them) read by Ray Data. Texts are taken from the
given columns (default: `text`; pairs files: `--column text_a --column text_b`), de-duplicated, then
encoded by W actors, each holding one model, in `map_batches`. Each output block becomes one shard;
shard numbers run from 00000 without gaps, which `tunelens report` checks. Feed OUT to
`tunelens report --baseline OUT ...` (or --finetuned). See docs/distributed.md.
"""
import argparse
import json
import time
from pathlib import Path

import numpy as np
import ray


class Encoder:
    """One sentence-transformers model per actor, loaded once, encoding a batch of texts."""

    def __init__(self, model, prompt, float16):
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(model, device=None)
        self.prompt = prompt
        self.dtype = np.float16 if float16 else np.float32

    def __call__(self, batch):
        texts = list(batch["text"])
        vectors = self.model.encode(texts, prompt=self.prompt, batch_size=len(texts), convert_to_numpy=True,
                                    show_progress_bar=False)
        return {"text": np.array(texts, dtype=object), "embedding": list(vectors.astype(self.dtype))}


def read_texts(inputs, columns):
    """The distinct non-empty texts of the given columns of every input, sorted, as a Ray Dataset of {"text"}.

    The distinct set is computed (a Ray aggregation) before the encoding actors start: on a small local
    Ray the actors would otherwise hold every CPU the aggregation needs.
    """
    datasets = []
    for path in inputs:
        suffix = Path(path).suffix.lower() if Path(path).is_file() else next(
            (p.suffix.lower() for p in sorted(Path(path).iterdir()) if p.is_file()), "")
        if suffix == ".parquet":
            data = ray.data.read_parquet(path)
        elif suffix == ".csv":
            data = ray.data.read_csv(path)
        else:
            data = ray.data.read_json(path, lines=True) if suffix in (".jsonl", ".ndjson") else ray.data.read_json(path)
        for column in columns:
            datasets.append(data.select_columns([column]).rename_columns({column: "text"}))
    texts = datasets[0].union(*datasets[1:]) if len(datasets) > 1 else datasets[0]
    distinct = sorted(t for t in texts.unique("text") if isinstance(t, str) and t != "")
    return ray.data.from_items([{"text": t} for t in distinct]), len(distinct)


def write_shards(embedded, out, rows_per_shard):
    """Every block of the encoded dataset as embeddings-NNNNN.npy + texts-NNNNN.jsonl, numbered 0.. in order."""
    out.mkdir(parents=True, exist_ok=True)
    for old in list(out.glob("embeddings-*.npy")) + list(out.glob("texts-*.jsonl")):
        old.unlink()
    shard, written = 0, 0
    for batch in embedded.iter_batches(batch_size=rows_per_shard, batch_format="numpy"):
        matrix = np.stack(batch["embedding"])
        np.save(out / f"embeddings-{shard:05d}.npy", np.ascontiguousarray(matrix))
        with open(out / f"texts-{shard:05d}.jsonl", "w", encoding="utf-8") as f:
            for text in batch["text"]:
                f.write(json.dumps({"text": str(text)}, ensure_ascii=False) + "\n")
        shard += 1
        written += len(matrix)
    return shard, written


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--model", required=True, help="a sentence-transformers model folder or hub id")
    parser.add_argument("--out", required=True)
    parser.add_argument("--column", action="append", help="text column(s); default: text")
    parser.add_argument("--prompt", default=None, help="text put before every input (as the report's prompt)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rows-per-shard", type=int, default=10_000)
    parser.add_argument("--float16", action="store_true")
    parser.add_argument("--workers", type=int, default=1, help="encoding actors")
    parser.add_argument("--num-cpus", type=int, default=None, help="CPUs for a local Ray (default: all)")
    parser.add_argument("--num-gpus-per-worker", type=float, default=0)
    parser.add_argument("--address", default=None, help="a running cluster's address (default: start a local Ray)")
    args = parser.parse_args()

    start = time.perf_counter()
    ray.init(address=args.address, num_cpus=args.num_cpus, include_dashboard=False, log_to_driver=False)
    texts, count = read_texts(args.inputs, args.column or ["text"])
    print(f"distinct texts {count} ({time.perf_counter() - start:.1f} s)", flush=True)
    embedded = texts.map_batches(
        Encoder, fn_constructor_args=(args.model, args.prompt, args.float16), batch_size=args.batch_size,
        concurrency=args.workers, num_cpus=1 if args.num_gpus_per_worker == 0 else 0, num_gpus=args.num_gpus_per_worker)
    shards, rows = write_shards(embedded, Path(args.out), args.rows_per_shard)
    print(f"texts {rows}")
    print(f"shards {shards}")
    print(f"seconds {time.perf_counter() - start:.1f}")


if __name__ == "__main__":
    main()
