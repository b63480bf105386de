#!/usr/bin/env python3
"""Writes the distinct texts of pair files (JSONL with text_a and text_b) as JSONL {"text": ...}, in
order of first appearance, for `tunelens embed`; prints how many.

Usage: python3 scripts/bench_distinct_texts.py OUT.jsonl PAIRS.jsonl [PAIRS.jsonl ...]
"""
import json
import sys


def main():
    seen = {}
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    pair = json.loads(line)
                    seen.setdefault(pair["text_a"], None)
                    seen.setdefault(pair["text_b"], None)
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for text in seen:
            out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    print(len(seen))


if __name__ == "__main__":
    main()
