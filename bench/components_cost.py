"""What each wire component adds to enrichment time, measured in one process on the benchmark corpus.

    .venv/bin/python bench/components_cost.py            # 120 dispatches, 3 rounds
    .venv/bin/python bench/components_cost.py --dispatches 300 --rounds 5
    .venv/bin/python bench/components_cost.py --dispatches 600 --lang nl    # the Dutch dispatches only

Each language's dispatches go through its Enricher pipeline with every component, then with one of the
knowledge base's ruler (`wire_kb`), the named bodies (`wire_bodies`), the Dutch ner's gazetteer
(`name_gazetteer`) or consistency (`name_consistency`) if a pipeline has them, the quote stage
(`wire_quotes`, with the discourse model), or the entity and quote stages together (the quotes need the
entities) left out, rounds interleaved so that the machine's other load weighs on all alike. A component's cost is
the time the full pipeline takes over the time without it; its share is that cost over the full time.
The knowledge base's load time (its TOML files into patterns) is printed too.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]

# Components measured one by one (those of a pipeline that has them): the Dutch ner's gazetteer and
# consistency, the knowledge base's ruler, the named bodies.
MEASURED = ("name_gazetteer", "name_consistency", "wire_kb", "wire_bodies")


def main() -> int:
    import corpus

    from streams.nlp.components import wire_doc
    from streams.nlp.enrich import Enricher, with_headline
    from streams.nlp.entities import kb
    from streams.wire.decode import decode

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dispatches", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--lang", help="only the dispatches of this language (nl: the Dutch ner's components too)")
    args = parser.parse_args()

    started = time.perf_counter()
    kb.knowledge_base.cache_clear()
    entries = kb.knowledge_base().entries
    patterns = kb.ruler_patterns(entries.values())
    print(
        f"knowledge base: {len(entries)} entries, {len(patterns)} patterns,"
        f" read in {time.perf_counter() - started:.2f} s"
    )

    enricher = Enricher()
    enricher.load()
    staged = [enricher._prepare(d) for item in corpus.generate(args.dispatches) for d in decode(item.value)]
    staged = [s for s in staged if args.lang in (None, s.language)]
    by_lang: dict[str, list] = {}
    for stage in staged:
        by_lang.setdefault(stage.language, []).append(stage)
    variants = {"all": []} | {f"without {name}": [name] for name in (*MEASURED, "wire_quotes")}
    variants = {
        k: v for k, v in variants.items() if any(set(v) <= set(enricher.pipeline(lang).pipe_names) for lang in by_lang)
    }
    variants["without wire_entities+quotes"] = ["wire_entities", "wire_quotes"]  # the quotes need the entities
    totals = dict.fromkeys(variants, 0.0)
    for _ in range(args.rounds):
        for label, disabled in variants.items():
            for lang, batch in by_lang.items():
                nlp = enricher.pipeline(lang)
                off = [name for name in disabled if name in nlp.pipe_names]
                docs = [wire_doc(nlp, with_headline(s.headline, s.body), s.header, lang) for s in batch]
                with nlp.select_pipes(disable=off):
                    begin = time.perf_counter()
                    list(nlp.pipe(docs))
                    totals[label] += time.perf_counter() - begin
    full = totals["all"]
    print(
        f"{len(staged)} dispatches, {args.rounds} rounds: {full * 1000 / args.rounds / len(staged):.1f} ms per dispatch"
    )
    for label, total in totals.items():
        if label == "all":
            continue
        cost = full - total
        print(
            f"  {label.removeprefix('without '):22} {cost * 1000 / args.rounds / len(staged):6.2f} ms per dispatch"
            f"  {cost / full:6.1%} of enrichment time"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
