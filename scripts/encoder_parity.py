#!/usr/bin/env python3
"""Parity of `tunelens embed` with sentence-transformers on a real model, on texts neither has seen.

  encoder_parity.py --model DIR [--count 200] [--binary .build/release/tunelens] [--prompt-name NAME]

Writes COUNT deterministic texts (scripts/bench_encoder.py's generator with its own seed, so not the
benchmark's texts, plus hard cases: accents, CJK, emoji, zero-width characters, empty, past
max_seq_length), encodes them with `tunelens embed --no-cache` and with sentence-transformers (CPU,
batch 32, the same prompt), and prints the per-text cosine and absolute differences. Exits 1 when the
minimum cosine is below 0.9999 or a component differs by more than 1e-4 (SPEC section 8).
Needs: sentence-transformers, numpy (PyPI), and a built tunelens.
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_encoder import texts as generated_texts  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
HARD = [
    "", " ", "?", "Café naïve résumé Ångström façade", "日本語のテキストを埋め込む", "中文句子的嵌入向量",
    "한국어 문장입니다", "Здравствуй, мир!", "emoji 👍🏽 and family 👨‍👩‍👧 and flag 🇫🇷",
    "zero\u200bwidth\u200cnon\u200djoiner", "tab\tseparated\tvalues", "UPPERCASE TEXT AND MiXeD cAsE",
    "https://example.com/path?query=1&x=y#frag", "∑ x² ≥ 0, ∫ f(x) dx ≈ π",
    "The quick brown fox jumps over the lazy dog. " * 60,
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--binary", default=str(ROOT / ".build/release/tunelens"))
    parser.add_argument("--prompt-name")
    args = parser.parse_args()
    texts = HARD + generated_texts(max(0, args.count - len(HARD)), seed=7919)

    from sentence_transformers import SentenceTransformer
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        with open(work / "texts.jsonl", "w", encoding="utf-8") as f:
            for text in texts:
                f.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
        command = [args.binary, "embed", "--no-cache", "--model", args.model, str(work / "texts.jsonl"),
                   "--output", str(work / "tunelens.npy")]
        if args.prompt_name:
            command += ["--prompt-name", args.prompt_name]
        subprocess.run(command, check=True)
        ours = np.load(work / "tunelens.npy").astype(np.float64)

    model = SentenceTransformer(args.model, device="cpu")
    reference = model.encode(texts, batch_size=32, prompt_name=args.prompt_name, convert_to_numpy=True).astype(np.float64)
    cosine = (ours * reference).sum(1) / (np.linalg.norm(ours, axis=1) * np.linalg.norm(reference, axis=1))
    difference = np.abs(ours - reference).max(1)
    tokenize = getattr(model, "preprocess", model.tokenize)
    lengths = tokenize(texts)["attention_mask"].sum(1).numpy()
    print(f"model {args.model}: {len(texts)} texts, {int(lengths.sum())} tokens, "
          f"{int((lengths == model.max_seq_length).sum())} at max_seq_length {model.max_seq_length}")
    print(f"min_cosine {cosine.min():.7f}")
    print(f"mean_cosine {cosine.mean():.9f}")
    print(f"max_abs_diff {difference.max():.3e}")
    worst = int(difference.argmax())
    print(f"worst text #{worst} ({int(lengths[worst])} tokens): {texts[worst][:60]!r}")
    sys.exit(0 if cosine.min() >= 0.9999 and difference.max() <= 1e-4 else 1)


if __name__ == "__main__":
    main()
