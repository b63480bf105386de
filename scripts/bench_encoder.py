#!/usr/bin/env python3
"""Encoder benchmark helpers: the texts, and sentence-transformers on the CPU on the same texts.

  bench_encoder.py --write-texts FILE [--count N]   write N deterministic, varied texts (one per line)
  bench_encoder.py --whole FILE --output NPY         what a user's script does, timed from outside:
                                                     import, load the model, encode (batch 32), save .npy
  bench_encoder.py --texts FILE [--compare NPY]      time model.encode alone (batch 32, CPU, after a
                                                     warm-up) and print `key value` lines; with --compare,
                                                     the per-text cosine and max |diff| against a .npy
The model is --model DIR, else $TUNELENS_MODEL_DIR, else .cache/models/all-MiniLM-L6-v2.
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


def model_dir(chosen=None):
    return chosen or os.environ.get("TUNELENS_MODEL_DIR", str(ROOT / ".cache/models/all-MiniLM-L6-v2"))


def read_lines(path):
    return Path(path).read_text(encoding="utf-8").split("\n")[:-1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--write-texts")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--whole")
    parser.add_argument("--output")
    parser.add_argument("--texts")
    parser.add_argument("--compare")
    parser.add_argument("--model")
    args = parser.parse_args()
    if args.write_texts:
        Path(args.write_texts).write_text("\n".join(texts(args.count)) + "\n", encoding="utf-8")
        return
    import numpy as np
    from sentence_transformers import SentenceTransformer

    if args.whole:
        model = SentenceTransformer(model_dir(args.model), device="cpu")
        np.save(args.output, model.encode(read_lines(args.whole), batch_size=32, convert_to_numpy=True))
        return

    import torch
    lines = read_lines(args.texts)
    model = SentenceTransformer(model_dir(args.model), device="cpu")
    model.encode(lines[:64], batch_size=32)  # warm-up
    start, cpu_start = time.perf_counter(), time.process_time()
    reference = model.encode(lines, batch_size=32, convert_to_numpy=True)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    tokenize = getattr(model, "preprocess", model.tokenize)
    tokens = int(tokenize(lines)["attention_mask"].sum())  # truncated to max_seq_length, as encoded
    print(f"encode_seconds {seconds:.4f}")
    print(f"cpu_seconds {cpu:.4f}")
    print(f"texts {len(lines)}")
    print(f"tokens {tokens}")
    print(f"torch_threads {torch.get_num_threads()}")
    if args.compare:
        ours = np.load(args.compare).astype(np.float64)
        ref = reference.astype(np.float64)
        cos = (ours * ref).sum(1) / (np.linalg.norm(ours, axis=1) * np.linalg.norm(ref, axis=1))
        print(f"min_cosine {cos.min():.7f}")
        print(f"max_abs_diff {np.abs(ours - ref).max():.3e}")


if __name__ == "__main__":
    main()
