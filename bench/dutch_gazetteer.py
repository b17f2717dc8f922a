"""The Dutch pipeline's gazetteer: names of CoNLL-2002 that are almost always one type there.

    .venv/bin/python bench/dutch_gazetteer.py --with-testa [--pipeline streams/data/nl_wire_ner]  # as shipped
    .venv/bin/python bench/dutch_gazetteer.py [--min-count 1] [--purity 0.9] [--pipeline FOLDER]   # ned.train only

Adds (or replaces) a `name_gazetteer` (`streams/nlp/ner_components.py`) after the pipeline's `ner`: its
names (exact text) are tagged only where the statistical model found nothing, and never change an entity
of the model's. `bench/train_dutch_ner.py` calls `add_gazetteer` when it packages a model, with the names
of the splits that model was trained on. Run on the shipped folder, this script gives it exactly what
packaging gives it (its string table stays the labels alone).

A name goes in when it was tagged at least `--min-count` times, when its most frequent type covers at
least `--purity` of all its occurrences (tagged or not: "Rode" is mostly a word) and, for a one-word name,
when its lower-case form is not a Dutch stop word nor written in lower case in the splits read. The
splits are counted together: ned.train, plus ned.testa with `--with-testa` (the shipped model is trained
on both, so the gazetteer uses all the data that is not held out). ned.testa chose the two thresholds,
with a model and a gazetteer of ned.train alone; ned.testb is never read here.

One type per name (`name_consistency`; figures in `bench/train_dutch_ner.py`): packaging adds it as shipped,
`--consistency short-names`; the other modes are experiments, best run on a copy:
`--pipeline /tmp/nl_copy --no-gazetteer --consistency retype` (or `repeats`, `all`).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conll_eval import gold_spans
from train_dutch_ner import DEFAULT_DATA, DEFAULT_OUT, keep_only_label_strings, read_conll

if TYPE_CHECKING:
    from spacy.language import Language

MAX_WORDS = 6  # longer names are left to the model
MIN_COUNT = 1
PURITY = 0.9


def name_counts(paths: Sequence[Path]) -> tuple[dict[tuple[str, ...], Counter], Counter, Counter]:
    """Of CoNLL files taken together: the types each name (tuple of words) was tagged with, how often each
    name's words occur in all (tagged or not), and how often each word is written in lower case."""
    sentences = [sentence for path in paths for article in read_conll(path) for sentence in article]
    types: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    lower: Counter = Counter()
    for sentence in sentences:
        words = [w for w, _ in sentence]
        for start, end, kind in gold_spans([t for _, t in sentence]):
            if end - start <= MAX_WORDS:
                types[tuple(words[start:end])][kind] += 1
        lower.update(w for w in words if w.islower())
    seen: Counter = Counter()
    for sentence in sentences:
        words = [w for w, _ in sentence]
        for n in range(1, MAX_WORDS + 1):
            seen.update(g for i in range(len(words) - n + 1) if (g := tuple(words[i : i + n])) in types)
    return types, seen, lower


def unambiguous_names(paths: Sequence[Path], min_count: int = MIN_COUNT, purity: float = PURITY) -> dict[str, str]:
    """Name -> type for the names of the CoNLL files `paths` (counted together) that pass the thresholds
    (see the module's docstring)."""
    from spacy.lang.nl.stop_words import STOP_WORDS

    types, seen, lower = name_counts(paths)
    names: dict[str, str] = {}
    for words, counts in types.items():
        kind, count = counts.most_common(1)[0]
        if count < min_count or count / seen[words] < purity:
            continue
        if len(words) == 1:
            word = words[0]
            if len(word) < 2 or not any(c.isalpha() for c in word) or lower[word.lower()] or word.lower() in STOP_WORDS:
                continue
        names[" ".join(words)] = kind
    return names


def gazetteer_splits(data: Path, with_testa: bool) -> list[Path]:
    """The CoNLL files the gazetteer reads: ned.train, and ned.testa too for a model trained on both."""
    return [data / "ned.train", *([data / "ned.testa"] if with_testa else [])]


def add_gazetteer(folder: Path, names: dict[str, str], retype: bool = True) -> None:
    """Put the gazetteer (`name_gazetteer`, which never changes the boundaries of the model's entities and, with
    `retype`, gives one that is exactly a known name that name's type) after the `ner` of the pipeline in
    `folder`, replacing any earlier one, and save the pipeline."""
    import spacy

    from streams.nlp.ner_components import GAZETTEER

    nlp = spacy.load(folder)
    if GAZETTEER in nlp.pipe_names:
        nlp.remove_pipe(GAZETTEER)
    nlp.add_pipe(GAZETTEER, after="ner", config={"retype": retype}).add(names)
    save(nlp, folder)


def save(nlp: Language, folder: Path) -> None:
    """Save the pipeline to `folder`; a shipped one (its vectors borrowed) keeps its string table of labels only."""
    nlp.to_disk(folder)
    if nlp.meta.get("vectors_package"):
        keep_only_label_strings(folder, nlp.get_pipe("ner").labels)


def add_consistency(folder: Path, mode: str) -> None:
    """Put one type per name (`name_consistency`) after the entity components of the pipeline in `folder`,
    replacing any earlier one, and save the pipeline. Modes: retyping only (`retype`), also tagging untagged
    repeats of names of two words or more (`repeats`) or of any length (`all`), or, as shipped, retyping and
    making a person of every mention by the end of a person's name (`short-names`)."""
    import spacy

    from streams.nlp.ner_components import CONSISTENCY, GAZETTEER

    nlp = spacy.load(folder)
    if CONSISTENCY in nlp.pipe_names:
        nlp.remove_pipe(CONSISTENCY)
    config = {
        "fill_repeats": mode in ("repeats", "all"),
        "min_words": 1 if mode == "all" else 2,
        "short_names": mode == "short-names",
    }
    nlp.add_pipe(CONSISTENCY, after=GAZETTEER if GAZETTEER in nlp.pipe_names else "ner", config=config)
    save(nlp, folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with ned.train")
    parser.add_argument("--pipeline", type=Path, default=DEFAULT_OUT, help="pipeline folder to add it to")
    parser.add_argument("--with-testa", action="store_true", help="names of ned.train + ned.testa (shipped model)")
    parser.add_argument("--no-retype", action="store_true", help="never change the type of a model's entity")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--purity", type=float, default=PURITY)
    parser.add_argument("--no-gazetteer", action="store_true", help="add no gazetteer (with --consistency)")
    parser.add_argument(
        "--consistency",
        choices=("retype", "repeats", "all", "short-names"),
        help="also add name_consistency (shipped: short-names)",
    )
    args = parser.parse_args()
    if not args.no_gazetteer:
        names = unambiguous_names(gazetteer_splits(args.data, args.with_testa), args.min_count, args.purity)
        add_gazetteer(args.pipeline, names, retype=not args.no_retype)
        print(f"{len(names)} names -> {args.pipeline}")
    if args.consistency:
        add_consistency(args.pipeline, args.consistency)
        print(f"name_consistency ({args.consistency}) -> {args.pipeline}")


if __name__ == "__main__":
    main()
