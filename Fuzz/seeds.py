"""Writes the small hand-made seeds of Fuzz/corpus that are not copies of test fixtures.

Run once from the repository root (python3 Fuzz/seeds.py); the output is committed. Not used by tests.
"""
import json
import struct
from pathlib import Path

corpus = Path("Fuzz/corpus")


def safetensors(tensors, metadata=None, name="seed"):
    header, data, offset = {}, b"", 0
    if metadata is not None:
        header["__metadata__"] = metadata
    for tensor_name, (dtype, shape, payload) in tensors.items():
        header[tensor_name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + len(payload)]}
        data += payload
        offset += len(payload)
    text = json.dumps(header).encode()
    (corpus / "safetensors" / name).write_bytes(struct.pack("<Q", len(text)) + text + data)


def main():
    for folder in ["safetensors", "tokenizer-json", "tokenizer-encode", "precomputed"]:
        (corpus / folder).mkdir(parents=True, exist_ok=True)
    safetensors({"w": ("F32", [2, 2], struct.pack("<4f", 1, -2, 0.5, 3))}, {"format": "pt"}, "f32")
    safetensors({"a": ("F16", [3], struct.pack("<3H", 0x3C00, 0x7C00, 0x0001)),
                 "b": ("BF16", [1, 2], struct.pack("<2H", 0x3F80, 0xFF80))}, None, "half")
    safetensors({"i": ("I64", [1], struct.pack("<q", 7)), "e": ("F32", [0, 5], b"")}, None, "int-and-empty")

    vocab = {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "hello": 4, "world": 5, "##s": 6, "café": 7, ",": 8}
    tokenizer = {
        "version": "1.0",
        "added_tokens": [{"id": 2, "content": "[CLS]", "normalized": False, "single_word": False, "special": True},
                         {"id": 3, "content": "[SEP]", "normalized": False, "single_word": False, "special": True}],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {"type": "TemplateProcessing",
                           "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                                      {"Sequence": {"id": "A", "type_id": 0}},
                                      {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
                           "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
                                              "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]}}},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": vocab},
    }
    (corpus / "tokenizer-json" / "small").write_text(json.dumps(tokenizer, ensure_ascii=False))
    tokenizer["post_processor"] = {"type": "BertProcessing", "sep": ["[SEP]", 3], "cls": ["[CLS]", 2]}
    tokenizer["normalizer"] = {"type": "Sequence", "normalizers": [{"type": "BertNormalizer"}]}
    (corpus / "tokenizer-json" / "bert-processing").write_text(json.dumps(tokenizer))

    texts = ["\x80Hello, world! I like hiking in the mountains.",
             "\x10Naïve café owners in 東京 don't [UNK] [CLS]unaffable\u0301 \u00a0 tabs\tand\nnewlines",
             "\x04" + "a" * 300,
             "\xffEmoji 😀👩‍👩‍👧 and Ｆｕｌｌｗｉｄｔｈ, Ǆ, ß, İ"]
    for index, text in enumerate(texts):
        (corpus / "tokenizer-encode" / f"text{index}").write_bytes(text.encode("utf-8", "surrogatepass")[0:0]
                                                                   + bytes([ord(text[0])]) + text[1:].encode())

    lines = [{"text": "a", "embedding": [0.1, -2.5, 3e-3]}, {"text": "b", "embedding": [1, 0, 0]},
             {"text": "a", "embedding": [0.1, -2.5, 3e-3]}]
    (corpus / "precomputed" / "embeddings").write_bytes(b"\x00" + "\n".join(json.dumps(l) for l in lines).encode() + b"\n")
    (corpus / "precomputed" / "texts-jsonl").write_bytes(b"\x01" + b'{"text": "one"}\n\n{"text": "two \\u00e9"}\r\n')
    (corpus / "precomputed" / "texts-txt").write_bytes(b"\x02first\n\nthird\r\n")
    header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"
    header += " " * ((64 - (11 + len(header)) % 64) % 64) + "\n"
    npy = b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + struct.pack("<6f", *range(6))
    (corpus / "precomputed" / "npy").write_bytes(b"\x03" + npy)


main()
