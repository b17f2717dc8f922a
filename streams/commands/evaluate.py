"""`wirestream evaluate`: a gold file enriched and scored (precision, recall, F1, speaker accuracy)."""

from __future__ import annotations

import argparse
import sys

import orjson

from streams.settings import Settings


def cmd_evaluate(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from streams.evaluate import below_thresholds, predict, print_figures, score
    from streams.events import dumps
    from streams.inputs import check_inputs
    from streams.nlp.enrich import Enricher
    from streams.pipeline import Pipeline

    check_inputs([args.gold])
    gold = [orjson.loads(line) for line in Path(args.gold).read_bytes().splitlines() if line.strip()]
    events = predict(gold, Pipeline(Enricher(settings.pipeline_map, settings.kb_paths), settings.pipeline_config()))
    if args.pred:
        Path(args.pred).write_bytes(b"".join(dumps(e) + b"\n" for e in events))
    predicted = {e["id"]: e for e in events}
    overall = score(gold, predicted)
    figures = overall.figures()
    if args.json:
        print(orjson.dumps(figures).decode())
    else:
        print_figures("all", figures)
        if args.by_language:
            for lang in sorted({g.get("lang", "?") for g in gold}):
                print_figures(lang, score([g for g in gold if g.get("lang", "?") == lang], predicted).figures())
    if args.details:
        for kind, lines in overall.misses.items():
            print(f"\n## {kind} ({len(lines)})")
            for line in lines:
                print("  " + line)
    failed = below_thresholds(figures, args.min)
    if failed:
        print("below threshold: " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0
