"""Score a Dutch NER pipeline on CoNLL-2002 (ned.testb by default): entity P/R/F1, overall and per type.

    .venv/bin/python bench/conll_eval.py [--pipeline nl_wire_ner] [--split testb]
        [--documents articles|chunks] [--data ../shared/data/conll2002-nl] [--json]

The pipeline is given as WIRESTREAM_PIPELINES names it (a shipped name such as `nl_wire_ner`, an installed
package or a folder). It tags the gold tokens (the CoNLL tokenisation, as conlleval assumes) with no sentence
boundaries marked (as at run time), one article per Doc by default: a CoNLL-2002 article is a newspaper story,
as a dispatch is, and what the pipeline does per document (one type per name, people named again by their
surname) sees what it would see in a dispatch. `--documents chunks` tags each article in chunks of the
sentences the training used (the figures before the pipeline did anything per document; the model alone scores
the same either way). Scoring is conlleval's, sentence by sentence: an entity counts when its type and both
boundaries match the gold one exactly, and one the pipeline runs across a sentence boundary counts as two,
ended by the boundary (conlleval reads the blank line between sentences as an O tag). MISC counts.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_dutch_ner import DEFAULT_DATA, SENTENCES_PER_DOC, read_conll, spaces_for

from streams.nlp.models import load_pipeline, pipeline_label

if TYPE_CHECKING:
    from spacy.tokens import Doc


def gold_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) of the IOB entities of one sentence (token offsets, end exclusive)."""
    spans, start, kind = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
            spans.add((start, i, kind))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, kind = i, tag[2:]
    return spans


def sentence_spans(tags: list[str], lengths: list[int]) -> set[tuple[int, int, str]]:
    """The entities of a chunk of sentences (`lengths` tokens each), read sentence by sentence: one that
    runs across a boundary is cut there, as conlleval cuts it."""
    spans: set[tuple[int, int, str]] = set()
    at = 0
    for length in lengths:
        spans |= {(start + at, end + at, kind) for start, end, kind in gold_spans(tags[at : at + length])}
        at += length
    return spans


def iob_tags(doc: Doc) -> list[str]:
    """The IOB2 tag of each token of a tagged Doc."""
    from spacy.training.iob_utils import biluo_to_iob, doc_to_biluo_tags

    return biluo_to_iob(doc_to_biluo_tags(doc))


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def evaluate(pipeline: str, path: Path, documents: str = "articles") -> dict:
    from spacy.tokens import Doc

    nlp = load_pipeline(pipeline)
    tp, pred, gold = Counter(), Counter(), Counter()
    crossing = 0  # entities the pipeline ran across a sentence boundary
    chunks = []
    for article in read_conll(path):
        size = SENTENCES_PER_DOC if documents == "chunks" else len(article)
        for at in range(0, len(article), size):
            chunk = article[at : at + size]
            words = [w for sentence in chunk for w, _ in sentence]
            tags = [t for sentence in chunk for _, t in sentence]
            chunks.append((words, tags, [len(sentence) for sentence in chunk]))
    started = time.perf_counter()
    docs = nlp.pipe(Doc(nlp.vocab, words=words, spaces=spaces_for(words)) for words, _, _ in chunks)
    for (_, tags, lengths), doc in zip(chunks, docs, strict=True):
        expected = sentence_spans(tags, lengths)
        found = sentence_spans(iob_tags(doc), lengths)
        starts = set(itertools.accumulate(lengths[:-1]))
        crossing += sum(any(i in starts for i in range(e.start + 1, e.end)) for e in doc.ents)
        for kind in ("ALL", "PER", "ORG", "LOC", "MISC"):
            keep = lambda s, k=kind: k == "ALL" or s[2] == k  # noqa: E731
            tp[kind] += len({s for s in found & expected if keep(s)})
            pred[kind] += len({s for s in found if keep(s)})
            gold[kind] += len({s for s in expected if keep(s)})
    seconds = time.perf_counter() - started
    result = {
        "pipeline": pipeline_label(pipeline),
        "split": path.name,
        "documents": documents,
        "entities": gold["ALL"],
        "across_sentences": crossing,
    }
    result.update(prf(tp["ALL"], pred["ALL"], gold["ALL"]))
    result["per_type"] = {k: prf(tp[k], pred[k], gold[k]) for k in ("PER", "ORG", "LOC", "MISC")}
    result["tokens_per_s"] = round(sum(len(words) for words, _, _ in chunks) / seconds)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pipeline", default="nl_wire_ner")
    parser.add_argument("--split", default="testb", choices=("train", "testa", "testb"))
    parser.add_argument(
        "--documents",
        default="articles",
        choices=("articles", "chunks"),
        help=f"one Doc per article, or per {SENTENCES_PER_DOC} sentences as trained",
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    result = evaluate(args.pipeline, args.data / f"ned.{args.split}", args.documents)
    if args.json:
        print(json.dumps(result))
        return
    per = args.documents[:-1]
    print(f"{result['pipeline']} on ned.{args.split} ({result['entities']} entities, one Doc per {per})")
    print(f"  {result['across_sentences']} found across a sentence boundary, scored as conlleval cuts them")
    print(f"  all   P {result['p']:.4f}  R {result['r']:.4f}  F1 {result['f1']:.4f}")
    for kind, s in result["per_type"].items():
        print(f"  {kind:5} P {s['p']:.4f}  R {s['r']:.4f}  F1 {s['f1']:.4f}")
    print(f"  {result['tokens_per_s']} tokens/s")


if __name__ == "__main__":
    main()
