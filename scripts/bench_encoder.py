#!/usr/bin/env python3
"""Encoder benchmark: sentence-transformers on the CPU, on the texts `tunelens embed` encodes.

  bench_encoder.py --write-texts FILE [--count N]   write N deterministic, varied texts (one per line)
  bench_encoder.py --texts FILE [--compare NPY]      time sentence-transformers (batch 32, CPU) on them,
                                                     print texts/s; with --compare, also the per-text
                                                     cosine and max |diff| against tunelens' .npy
The model is $TUNELENS_MODEL_DIR, else .cache/models/all-MiniLM-L6-v2.
"""
import argparse
import os
import random
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("the a model embedding fine tuning data pair label similar different closer apart query document "
         "search result relevant heart attack myocardial infarction patient doctor hospital treatment "
         "price market stock fell rose sharply quarter report customer support password reset account "
         "travel flight hotel booking cancel refund weather rain sunny cold warm music guitar song "
         "movie loved hated boring brilliant plot actor scene café naïve résumé über straße 東京 北京 "
         "서울 москва αθήνα 🙂 👍 ✓ 3.14 2026 42 e-mail https://example.com/a?b=c").split()


def texts(count, seed=2026):
    rng = random.Random(seed)
    out = []
    for i in range(count):
        # Mostly short sentences, some paragraphs, a few past the 256-token limit.
        length = rng.choice([rng.randint(3, 12)] * 6 + [rng.randint(13, 60)] * 3 + [rng.randint(61, 300)])
        words = [rng.choice(WORDS) for _ in range(length)]
        sentence = " ".join(words)
        out.append(sentence[0].upper() + sentence[1:] + rng.choice([".", "?", "!", ""]))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--write-texts")
    parser.add_argument("--count", type=int, default=1500)
    parser.add_argument("--texts")
    parser.add_argument("--compare")
    args = parser.parse_args()
    if args.write_texts:
        Path(args.write_texts).write_text("\n".join(texts(args.count)) + "\n", encoding="utf-8")
        return
    import numpy as np
    import torch
    from sentence_transformers import SentenceTransformer

    lines = Path(args.texts).read_text(encoding="utf-8").split("\n")[:-1]
    model_dir = os.environ.get("TUNELENS_MODEL_DIR", str(ROOT / ".cache/models/all-MiniLM-L6-v2"))
    model = SentenceTransformer(model_dir, device="cpu")
    model.encode(lines[:64], batch_size=32)  # warm-up
    start, cpu_start = time.perf_counter(), time.process_time()
    reference = model.encode(lines, batch_size=32, convert_to_numpy=True)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(f"sentence-transformers: {len(lines)} texts in {seconds:.2f} s = {len(lines) / seconds:.1f} texts/s, "
          f"CPU time {cpu:.2f} s (batch 32, CPU, {torch.get_num_threads()} torch threads)")
    if args.compare:
        ours = np.load(args.compare).astype(np.float64)
        ref = reference.astype(np.float64)
        cos = (ours * ref).sum(1) / (np.linalg.norm(ours, axis=1) * np.linalg.norm(ref, axis=1))
        print(f"parity: min cosine {cos.min():.7f}, max |diff| {np.abs(ours - ref).max():.2e} over {len(lines)} texts")


if __name__ == "__main__":
    main()
