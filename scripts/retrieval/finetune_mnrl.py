#!/usr/bin/env python3
"""Fine-tunes a sentence-transformers model for search the way most users do: MultipleNegativesRankingLoss
on (query, relevant passage) pairs, one epoch, batch 32, then saves the folder tunelens reads.

Usage: python3 scripts/retrieval/finetune_mnrl.py BASE_MODEL_DIR TRAIN_JSONL OUT_DIR
(TRAIN_JSONL: lines with text_a = query, text_b = passage, as make_debian_beir.py writes them.)
"""
import json
import sys

import torch
from datasets import Dataset
from sentence_transformers import SentenceTransformer, SentenceTransformerTrainer, SentenceTransformerTrainingArguments
from sentence_transformers.losses import MultipleNegativesRankingLoss


def main():
    base, train_file, out = sys.argv[1:4]
    torch.manual_seed(7)
    rows = [json.loads(line) for line in open(train_file)]
    data = Dataset.from_dict({"anchor": [r["text_a"] for r in rows], "positive": [r["text_b"] for r in rows]})
    model = SentenceTransformer(base, device="cpu")
    args = SentenceTransformerTrainingArguments(output_dir=out + ".checkpoints", num_train_epochs=1,
                                                per_device_train_batch_size=32, learning_rate=2e-5, warmup_ratio=0.1,
                                                seed=7, save_strategy="no", logging_steps=10, report_to=[])
    trainer = SentenceTransformerTrainer(model=model, args=args, train_dataset=data,
                                         loss=MultipleNegativesRankingLoss(model))
    trainer.train()
    model.save(out)
    trainer.state.save_to_json(out + "/trainer_state.json")
    print("saved", out)


if __name__ == "__main__":
    main()
