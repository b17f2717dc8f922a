"""Measure enrichment against gold annotations (`wirestream evaluate GOLD.jsonl`).

Gold files follow the shared annotation guidelines: one dispatch per line with
`id`, `lang`, `raw`, `entities` [{name, type, alt_types?, mentions}], `quotes`
[{text, speaker, kind, cue}] and `not_quotes`. The metrics:

- entities: a predicted PER/ORG/LOC entity is right when its name is one of a
  gold entity's forms (name or mentions) and its type one of the gold types;
  each gold entity counts once;
- quotes: predicted and gold quotes of the same group (direct and mixed
  together; indirect apart) are paired greedily by token overlap, best first,
  from 0.8 (direct) or 0.5 (indirect) up;
- speaker accuracy: over the paired quotes, the predicted speaker is one of the
  gold speaker's forms, or both are unnamed; a speaker whose `entity_id` points
  to an entity that is neither PER, ORG nor a type the gold speaker allows is
  wrong whatever its name;
- quotes attributed: every quote of every kind, counted right only when it is
  paired and its speaker is right (who said what, end to end);
- not_quote_hits: unpaired predicted quotes whose text is a gold not-quote.

Texts are compared after Unicode compatibility folding, accent and case
removal, and trimming of quote marks and punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from streams.pipeline import Pipeline

SCORED_TYPES = frozenset({"PER", "ORG", "LOC"})
SPEAKER_TYPES = frozenset({"PER", "ORG"})
QUOTE_GROUPS = {"direct": (frozenset({"direct", "mixed"}), 0.8), "indirect": (frozenset({"indirect"}), 0.5)}
_TRIM = " \"'«»“”„‘’‚‹›.,;:"


def fold(text: str | None) -> str:
    """The comparison form of a text: no accents, case-folded, spaces and apostrophes unified, trimmed."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ").casefold()
    return " ".join(plain.split()).strip(_TRIM)


def token_overlap(a: str, b: str) -> float:
    """Shared word tokens over the longer text's token count (multiset)."""
    left, right = Counter(_words(a)), Counter(_words(b))
    if not left or not right:
        return 0.0
    return sum((left & right).values()) / max(sum(left.values()), sum(right.values()))


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"\W+", fold(text)) if w]


@dataclass
class Tally:
    """Counts accumulated over dispatches."""

    counts: Counter[str] = field(default_factory=Counter)
    misses: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in _MISS_KINDS})

    def figures(self) -> dict[str, float | int]:
        c = self.counts
        out: dict[str, float | int] = {"docs": c["docs"], "docs_missing": c["docs_missing"]}
        out.update(_prf("entities", c["ent_tp"], c["ent_pred"], c["ent_gold"]))
        for group in QUOTE_GROUPS:
            out.update(_prf(f"quotes_{group}", c[f"{group}_tp"], c[f"{group}_pred"], c[f"{group}_gold"]))
        out["speaker_accuracy"] = round(c["spk_ok"] / c["spk_n"], 4) if c["spk_n"] else 0.0
        quotes_pred = sum(c[f"{group}_pred"] for group in QUOTE_GROUPS)
        quotes_gold = sum(c[f"{group}_gold"] for group in QUOTE_GROUPS)
        out.update(_prf("quotes_attributed", c["spk_ok"], quotes_pred, quotes_gold))
        out["not_quote_hits"] = c["not_quote_hits"]
        return out


_MISS_KINDS = ("entities_missed", "entities_spurious", "quotes_missed", "quotes_spurious", "speakers_wrong")


def _prf(name: str, tp: int, predicted: int, gold: int) -> dict[str, float]:
    precision = tp / predicted if predicted else (1.0 if not gold else 0.0)
    recall = tp / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {f"{name}_p": round(precision, 4), f"{name}_r": round(recall, 4), f"{name}_f1": round(f1, 4)}


def score(gold: Iterable[dict[str, Any]], predicted: dict[str, dict[str, Any]]) -> Tally:
    """Tally predicted events (by dispatch id) against gold dispatches."""
    tally = Tally()
    for doc in gold:
        tally.counts["docs"] += 1
        event = predicted.get(str(doc["id"]))
        if event is None:
            tally.counts["docs_missing"] += 1
            event = {}
        _score_entities(doc, event, tally)
        for group, (kinds, threshold) in QUOTE_GROUPS.items():
            _score_quotes(doc, event, tally, group, kinds, threshold)
    return tally


def _score_entities(doc: dict[str, Any], event: dict[str, Any], tally: Tally) -> None:
    gold = doc.get("entities", [])
    forms = [
        ({fold(g["name"]), *(fold(m) for m in g.get("mentions", []))}, {g["type"], *g.get("alt_types", [])})
        for g in gold
    ]
    matched: set[int] = set()
    scored = [e for e in event.get("entities", []) if e.get("type") in SCORED_TYPES]
    for entity in scored:
        name = fold(entity.get("name", ""))
        hit = next(
            (
                i
                for i, (names, types) in enumerate(forms)
                if i not in matched and name in names and entity["type"] in types
            ),
            None,
        )
        if hit is None:
            tally.misses["entities_spurious"].append(f"{doc['id']}: {entity.get('name')} ({entity.get('type')})")
        else:
            matched.add(hit)
    tally.misses["entities_missed"] += [
        f"{doc['id']}: {g['name']} ({g['type']})" for i, g in enumerate(gold) if i not in matched
    ]
    tally.counts.update(ent_tp=len(matched), ent_pred=len(scored), ent_gold=len(gold))


def _score_quotes(
    doc: dict[str, Any], event: dict[str, Any], tally: Tally, group: str, kinds: frozenset[str], threshold: float
) -> None:
    gold = [q for q in doc.get("quotes", []) if q.get("kind") in kinds]
    pred = [q for q in event.get("quotes", []) if q.get("kind") in kinds]
    candidates = sorted(
        ((token_overlap(g["text"], p["text"]), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)),
        reverse=True,
    )
    paired_gold: set[int] = set()
    paired_pred: set[int] = set()
    for overlap, i, j in candidates:
        if overlap < threshold or i in paired_gold or j in paired_pred:
            continue
        paired_gold.add(i)
        paired_pred.add(j)
        tally.counts["spk_n"] += 1
        if _same_speaker(doc, event, gold[i].get("speaker"), pred[j].get("speaker")):
            tally.counts["spk_ok"] += 1
        else:
            name = (pred[j].get("speaker") or {}).get("name")
            tally.misses["speakers_wrong"].append(
                f'{doc["id"]}: "{gold[i]["text"][:40]}" gold={gold[i].get("speaker")} pred={name}'
            )
    tally.counts.update({f"{group}_tp": len(paired_gold), f"{group}_pred": len(pred), f"{group}_gold": len(gold)})
    tally.misses["quotes_missed"] += [
        f'{doc["id"]} [{group}]: "{g["text"][:50]}"' for i, g in enumerate(gold) if i not in paired_gold
    ]
    not_quotes = {fold(s) for s in doc.get("not_quotes", [])}
    for j, quote in enumerate(pred):
        if j not in paired_pred:
            tally.misses["quotes_spurious"].append(f'{doc["id"]} [{group}]: "{quote["text"][:50]}"')
            tally.counts["not_quote_hits"] += fold(quote["text"]) in not_quotes


def _same_speaker(
    doc: dict[str, Any], event: dict[str, Any], gold_name: str | None, speaker: dict[str, Any] | None
) -> bool:
    """Whether a predicted speaker names the gold one, through an entity of a speaker's type."""
    name = speaker.get("name") if speaker else None
    if gold_name is None or name is None:
        return gold_name is None and name is None
    forms, types = {fold(gold_name)}, set(SPEAKER_TYPES)
    for entity in doc.get("entities", []):
        if entity["name"] == gold_name:
            forms |= {fold(m) for m in entity.get("mentions", [])}
            types |= {entity["type"], *entity.get("alt_types", [])}
    entity_id = speaker.get("entity_id")
    linked = next((e for e in event.get("entities", []) if entity_id is not None and e.get("id") == entity_id), None)
    if linked is not None and linked.get("type") not in types:
        return False
    return fold(name) in forms


def predict(gold: list[dict[str, Any]], pipeline: Pipeline) -> list[dict[str, Any]]:
    """The enriched event of each gold dispatch, all enriched as one batch."""
    import orjson

    from streams.events import Source

    messages = [(Source(), orjson.dumps({"id": str(g["id"]), "body": g["raw"]})) for g in gold]
    plan = pipeline.run(messages)
    for item in plan.items:
        if item.error is not None:
            raise item.error  # gold data must enrich: a failure is a bug to see, not a miss to count
    return [item.outputs[0][2] for item in plan.items]


def print_figures(title: str, figures: dict[str, Any]) -> None:
    print(f"# {title}")
    for key, value in figures.items():
        print(f"{key:22} {value}")


def figure_names() -> list[str]:
    """The names of the figures `Tally.figures` gives, which `evaluate --min` thresholds may name."""
    return list(score([], {}).figures())


def below_thresholds(figures: dict[str, Any], thresholds: Iterable[str]) -> list[str]:
    """The `KEY=VALUE` thresholds a figure falls short of, said as `key=figure < value`."""
    failed = []
    for threshold in thresholds:
        key, _, value = threshold.partition("=")
        if figures.get(key, 0) < float(value):
            failed.append(f"{key}={figures.get(key)} < {value}")
    return failed
