"""Writes the small hand-made seeds of Fuzz/corpus that are not copies of test fixtures.

Run once from the repository root (python3 Fuzz/seeds.py); the output is committed. Not used by tests.
"""
import base64
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


def charsmap(rules):
    """A SentencePiece precompiled_charsmap (darts-clone double array + NUL-terminated replacements),
    each trie node in its own 256-unit block, as PrecompiledCharsmapTests builds it."""
    root, blob = {}, b""
    for key, replacement in rules:
        node = root
        for byte in key.encode():
            node = node.setdefault(byte, {})
        node[None] = len(blob)
        blob += replacement.encode() + b"\0"
    units = [0] * 256

    def new_block():
        units.extend([0] * 256)
        return len(units) - 256

    def place(node, base):
        for byte in sorted(k for k in node if k is not None):
            child, position, child_base = node[byte], base ^ byte, new_block()
            units[position] = byte | ((1 << 8) if None in child else 0) | ((position ^ child_base) << 10)
            if None in child:
                units[child_base] = child[None]
            place(child, child_base)

    root_base = new_block()
    units[0] = root_base << 10
    place(root, root_base)
    return struct.pack("<I", 4 * len(units)) + struct.pack("<%dI" % len(units), *units) + blob


def tokenizer_seeds():
    """Small tokenizer.json files for each model, normalizer and pre-tokenizer family."""
    byte_level = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True}
    bpe = {
        "version": "1.0",
        "added_tokens": [{"id": 0, "content": "<s>", "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True},
                         {"id": 2, "content": "</s>", "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True},
                         {"id": 9, "content": "<mask>", "single_word": False, "lstrip": True, "rstrip": False, "normalized": False, "special": True}],
        "normalizer": {"type": "NFC"}, "pre_tokenizer": byte_level,
        "post_processor": {"type": "RobertaProcessing", "sep": ["</s>", 2], "cls": ["<s>", 0], "trim_offsets": True, "add_prefix_space": False},
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None, "end_of_word_suffix": None,
                  "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
                  "vocab": {"<s>": 0, "<pad>": 1, "</s>": 2, "h": 3, "e": 4, "l": 5, "o": 6, "\u0120": 7, "he": 8, "<mask>": 9,
                            "ll": 10, "hell": 11, "hello": 12, "\u0120h": 13},
                  "merges": [["h", "e"], ["l", "l"], ["he", "ll"], ["hell", "o"], ["\u0120", "h"]]},
    }
    (corpus / "tokenizer-json" / "bpe-byte-level").write_text(json.dumps(bpe, ensure_ascii=False))
    bpe["model"]["merges"] = [" ".join(pair) for pair in bpe["model"]["merges"]]
    bpe["model"].update(unk_token="<pad>", byte_fallback=True, fuse_unk=True, continuing_subword_prefix="", ignore_merges=True)
    bpe["normalizer"] = {"type": "Sequence", "normalizers": [
        {"type": "Replace", "pattern": {"Regex": "\\A +| +\\z"}, "content": ""},
        {"type": "Replace", "pattern": {"String": "``"}, "content": "\""}, {"type": "NFKD"}, {"type": "StripAccents"},
        {"type": "Lowercase"}, {"type": "Strip", "strip_left": True, "strip_right": False}, {"type": "Prepend", "prepend": " "}]}
    bpe["pre_tokenizer"] = {"type": "Sequence", "pretokenizers": [
        {"type": "Split", "pattern": {"Regex": "(?i:'s|'t)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}|\\s+(?!\\S)|\\s+"},
         "behavior": "Isolated", "invert": False},
        {"type": "Digits", "individual_digits": True}, {"type": "Punctuation", "behavior": "Contiguous"},
        dict(byte_level, use_regex=False)]}
    bpe["post_processor"] = {"type": "Sequence", "processors": [dict(byte_level, type="ByteLevel"), {
        "type": "TemplateProcessing", "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                                                 {"SpecialToken": {"id": "</s>", "type_id": 0}}],
        "pair": [], "special_tokens": {"<s>": {"id": "<s>", "ids": [0, 0], "tokens": ["<s>", "<s>"]},
                                       "</s>": {"id": "</s>", "ids": [2], "tokens": ["</s>"]}}}]}
    (corpus / "tokenizer-json" / "bpe-sequences").write_text(json.dumps(bpe, ensure_ascii=False))

    rules = [("\uff21", "A"), ("\ufb01", "fi"), ("\x7f", ""), ("e\u0301", "\u00e9"), ("\u3000", " "), ("\t", " ")]
    unigram = {
        "version": "1.0",
        "added_tokens": [{"id": 0, "content": "<s>", "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True},
                         {"id": 3, "content": "<unk>", "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}],
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "Precompiled", "precompiled_charsmap": base64.b64encode(charsmap(rules)).decode()},
            {"type": "Strip", "strip_left": False, "strip_right": True},
            {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": "\u2581"}]},
        "pre_tokenizer": {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": True},
        "post_processor": {"type": "TemplateProcessing", "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}},
                                                                    {"Sequence": {"id": "A", "type_id": 0}}],
                           "pair": [], "special_tokens": {"<s>": {"id": "<s>", "ids": [0], "tokens": ["<s>"]}}},
        "model": {"type": "Unigram", "unk_id": 3, "byte_fallback": True,
                  "vocab": [["<s>", 0.0], ["<pad>", 0.0], ["</s>", 0.0], ["<unk>", 0.0], ["\u2581", -2.0], ["\u2581a", -1.5],
                            ["b", -3.25], ["fi", -4.0], ["<0x41>", -9.0], ["<0xC3>", -9.0], ["<0xA9>", -9.0]]},
    }
    (corpus / "tokenizer-json" / "unigram-precompiled").write_text(json.dumps(unigram, ensure_ascii=False))
    unigram["pre_tokenizer"] = {"type": "Sequence", "pretokenizers": [
        {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "first", "split": False},
        {"type": "Split", "pattern": {"String": "<sep>"}, "behavior": "MergedWithNext", "invert": True},
        {"type": "Whitespace"}, {"type": "CharDelimiterSplit", "delimiter": "|"}]}
    unigram["normalizer"] = {"type": "Sequence", "normalizers": [{"type": "Nmt"}, {"type": "NFKC"}, {"type": "ByteLevel"}]}
    (corpus / "tokenizer-json" / "unigram-first").write_text(json.dumps(unigram, ensure_ascii=False))


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
    tokenizer_seeds()

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
