"""Score a Dutch NER pipeline on CoNLL-2002 (ned.testb by default): entity P/R/F1, overall and per type.

    .venv/bin/python bench/conll_eval.py [--pipeline nl_wire_ner] [--split testb]
        [--data ../shared/data/conll2002-nl] [--json]

The pipeline is given as WIRESTREAM_PIPELINES names it (a shipped name such as `nl_wire_ner`, an
installed package or a folder). It tags the gold tokens (the CoNLL tokenisation, as conlleval
assumes), article by article in chunks of the sentences the training used; an entity counts when
its type and both boundaries match the gold one exactly (conlleval's definition). MISC counts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_dutch_ner import DEFAULT_DATA, SENTENCES_PER_DOC, read_conll, spaces_for

from streams.nlp.models import load_pipeline, pipeline_label


def gold_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) of the IOB2 entities of one chunk (token offsets, end exclusive)."""
    spans, start, kind = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
            spans.add((start, i, kind))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, kind = i, tag[2:]
    return spans


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def evaluate(pipeline: str, path: Path) -> dict:
    from spacy.tokens import Doc

    nlp = load_pipeline(pipeline)
    tp, pred, gold = Counter(), Counter(), Counter()
    chunks = []
    for article in read_conll(path):
        for at in range(0, len(article), SENTENCES_PER_DOC):
            chunk = article[at : at + SENTENCES_PER_DOC]
            words = [w for sentence in chunk for w, _ in sentence]
            chunks.append((words, [t for sentence in chunk for _, t in sentence]))
    started = time.perf_counter()
    docs = nlp.pipe(Doc(nlp.vocab, words=words, spaces=spaces_for(words)) for words, _ in chunks)
    for (_, tags), doc in zip(chunks, docs, strict=True):
        expected = gold_spans(tags)
        found = {(e.start, e.end, e.label_) for e in doc.ents}
        for kind in ("ALL", "PER", "ORG", "LOC", "MISC"):
            keep = lambda s, k=kind: k == "ALL" or s[2] == k  # noqa: E731
            tp[kind] += len({s for s in found & expected if keep(s)})
            pred[kind] += len({s for s in found if keep(s)})
            gold[kind] += len({s for s in expected if keep(s)})
    seconds = time.perf_counter() - started
    result = {"pipeline": pipeline_label(pipeline), "split": path.name, "entities": gold["ALL"]}
    result.update(prf(tp["ALL"], pred["ALL"], gold["ALL"]))
    result["per_type"] = {k: prf(tp[k], pred[k], gold[k]) for k in ("PER", "ORG", "LOC", "MISC")}
    result["tokens_per_s"] = round(sum(len(w) for w, _ in chunks) / seconds)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pipeline", default="nl_wire_ner")
    parser.add_argument("--split", default="testb", choices=("train", "testa", "testb"))
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    result = evaluate(args.pipeline, args.data / f"ned.{args.split}")
    if args.json:
        print(json.dumps(result))
        return
    print(f"{result['pipeline']} on ned.{args.split} ({result['entities']} entities)")
    print(f"  all   P {result['p']:.4f}  R {result['r']:.4f}  F1 {result['f1']:.4f}")
    for kind, s in result["per_type"].items():
        print(f"  {kind:5} P {s['p']:.4f}  R {s['r']:.4f}  F1 {s['f1']:.4f}")
    print(f"  {result['tokens_per_s']} tokens/s")


if __name__ == "__main__":
    main()
