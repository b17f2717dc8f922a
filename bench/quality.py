"""Quality on gold data, per language, as the shared scorer (`../shared/eval/score.py`) reports it.

    .venv/bin/python bench/quality.py                         # seed + dev, and dev2
    .venv/bin/python bench/quality.py ../shared/eval/dev2.jsonl --details nl
    .venv/bin/python bench/quality.py --json figures.json

Each gold file is enriched once (`wirestream evaluate GOLD --pred PRED`); its lines are then split by
language and each part is scored by the shared scorer, so the figures are the scorer's own.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = Path(os.environ.get("WIRESTREAM_EVAL_DIR", ROOT.parent / "shared" / "eval"))
COLUMNS = (
    "entities_f1",
    "quotes_attributed_f1",
    "speaker_accuracy",
    "quotes_direct_f1",
    "quotes_indirect_f1",
    "entities_p",
    "entities_r",
)


def gold_sets(names: list[str]) -> dict[str, list[dict]]:
    """Gold sets by label; the default pairs seed with dev (the no-regression set) and dev2 alone."""
    if not names:
        both = [*_lines(EVAL_DIR / "seed.jsonl"), *_lines(EVAL_DIR / "dev.jsonl")]
        return {"seed+dev": both, "dev2": _lines(EVAL_DIR / "dev2.jsonl")}
    return {Path(name).stem: _lines(Path(name)) for name in names}


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(label: str, gold: list[dict], work: Path, details: str | None) -> dict[str, dict]:
    """Enrich one gold set, then score each language with the shared scorer."""
    gold_path, pred_path = work / f"{label}.gold.jsonl", work / f"{label}.pred.jsonl"
    gold_path.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
    command = [sys.executable, "-m", "streams", "evaluate", str(gold_path), "--json", "--pred", str(pred_path)]
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    out = {}
    for lang in [*sorted({g["lang"] for g in gold}), "all"]:
        part = work / f"{label}.{lang}.jsonl"
        chosen = [g for g in gold if lang in ("all", g["lang"])]
        part.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in chosen), encoding="utf-8")
        scorer = [sys.executable, str(EVAL_DIR / "score.py"), "--gold", str(part), "--pred", str(pred_path)]
        out[lang] = json.loads(subprocess.run([*scorer, "--json"], check=True, capture_output=True).stdout)
        if details == lang:
            listed = subprocess.run([*scorer, "--details"], check=True, capture_output=True, text=True).stdout
            print(f"\n### {label} {lang}\n{listed}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", help="gold JSONL files (default: seed + dev, and dev2)")
    parser.add_argument("--details", metavar="LANG", help="also list the scorer's misses for this language (or all)")
    parser.add_argument("--json", metavar="FILE", help="write every figure to this file")
    args = parser.parse_args()
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, gold in gold_sets(args.gold).items():
            figures[label] = score(label, gold, Path(tmp), args.details)
    print(f"{'set':10} {'lang':4} {'docs':>4} " + " ".join(f"{c:>20}" for c in COLUMNS))
    for label, by_lang in figures.items():
        for lang, row in by_lang.items():
            print(f"{label:10} {lang:4} {row['docs']:>4} " + " ".join(f"{row[c]:>20}" for c in COLUMNS))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
