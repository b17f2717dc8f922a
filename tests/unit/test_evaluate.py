"""The evaluation metrics, on hand-made gold, and their agreement with the shared scorer."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from streams.evaluate import fold, score, token_overlap
from tests.eval_data import EVAL_DIR, gold

GOLD = {
    "id": "t1",
    "lang": "fr",
    "raw": "...",
    "entities": [
        {"name": "Anne Lebrun", "type": "PER", "mentions": ["Anne Lebrun", "Lebrun"]},
        {"name": "Kremlin", "type": "ORG", "alt_types": ["LOC"], "mentions": ["Kremlin"]},
        {"name": "Dinant", "type": "LOC", "mentions": ["Dinant"]},
    ],
    "quotes": [
        {"text": "Nous ne fermerons pas la piscine cet été", "speaker": "Anne Lebrun", "kind": "direct"},
        {"text": "le budget sera voté en juin", "speaker": None, "kind": "indirect"},
    ],
    "not_quotes": ["ringard"],
}


def event(entities, quotes):
    return {"id": "t1", "entities": entities, "quotes": quotes}


def test_fold_and_overlap():
    assert fold(" « Été  déjà ! » ") == "ete deja !"
    assert fold("l’Etat.") == "l'etat"
    assert token_overlap("a b c d", "a b c") == 0.75
    assert token_overlap("", "a") == 0.0


def test_perfect_prediction():
    pred = event(
        [{"name": "Lebrun", "type": "PER"}, {"name": "Kremlin", "type": "LOC"}, {"name": "Dinant", "type": "LOC"}],
        [
            {"text": "Nous ne fermerons pas la piscine cet été", "kind": "direct", "speaker": {"name": "Lebrun"}},
            {"text": "le budget sera voté en juin", "kind": "indirect", "speaker": None},
        ],
    )
    figures = score([GOLD], {"t1": pred}).figures()
    assert figures["entities_f1"] == figures["quotes_direct_f1"] == figures["quotes_indirect_f1"] == 1.0
    assert figures["speaker_accuracy"] == 1.0


def test_misses_spurious_wrong_speakers_and_not_quotes():
    pred = event(
        [{"name": "Anne Lebrun", "type": "ORG"}, {"name": "Dinant", "type": "LOC"}, {"name": "Meuse", "type": "MISC"}],
        [
            {"text": "Nous ne fermerons pas la piscine", "kind": "mixed", "speaker": None},  # 6/8 tokens: below 0.8
            {"text": "ringard", "kind": "direct", "speaker": None},
            {"text": "le budget sera voté", "kind": "indirect", "speaker": {"name": "Dinant"}},  # 4/6 >= 0.5
        ],
    )
    tally = score([GOLD], {"t1": pred})
    figures = tally.figures()
    assert (figures["entities_p"], figures["entities_r"]) == (0.5, 0.3333)  # MISC is not scored
    assert (figures["quotes_direct_p"], figures["quotes_direct_r"]) == (0.0, 0.0)
    assert (figures["quotes_indirect_p"], figures["quotes_indirect_r"]) == (1.0, 1.0)
    assert figures["speaker_accuracy"] == 0.0
    assert figures["not_quote_hits"] == 1
    assert len(tally.misses["speakers_wrong"]) == 1 and len(tally.misses["quotes_spurious"]) == 2


def test_a_speaker_linked_to_a_place_is_wrong_and_attribution_counts_every_quote():
    pred = event(
        [{"id": "loc-lebrun", "name": "Lebrun", "type": "LOC"}, {"id": "dinant", "name": "Dinant", "type": "LOC"}],
        [
            {
                "text": "Nous ne fermerons pas la piscine cet été",
                "kind": "direct",
                "speaker": {"name": "Lebrun", "entity_id": "loc-lebrun"},  # the right name, but a place
            },
            {"text": "le budget sera voté en juin", "kind": "indirect", "speaker": None},
            {"text": "un mot de trop ici", "kind": "direct", "speaker": None},  # spurious
        ],
    )
    figures = score([GOLD], {"t1": pred}).figures()
    assert figures["speaker_accuracy"] == 0.5
    # one quote of three predicted, and of two in the gold, is matched with the right speaker
    assert (figures["quotes_attributed_p"], figures["quotes_attributed_r"]) == (0.3333, 0.5)
    assert figures["quotes_attributed_f1"] == 0.4


def test_missing_prediction_counts_as_empty():
    figures = score([GOLD], {}).figures()
    assert figures["docs_missing"] == 1 and figures["entities_r"] == 0.0 and figures["quotes_direct_p"] == 0.0


def test_evaluate_command_agrees_with_the_shared_scorer(tmp_path):
    gold("dev.jsonl")  # skips when the gold data is absent
    pred = tmp_path / "pred.jsonl"
    ours = subprocess.run(
        [sys.executable, "-m", "streams", "evaluate", str(EVAL_DIR / "dev.jsonl"), "--json", "--pred", str(pred)],
        capture_output=True,
        timeout=300,
    )
    assert ours.returncode == 0, ours.stderr.decode()[-2000:]
    theirs = subprocess.run(
        [
            sys.executable,
            str(EVAL_DIR / "score.py"),
            "--gold",
            str(EVAL_DIR / "dev.jsonl"),
            "--pred",
            str(pred),
            "--json",
        ],
        capture_output=True,
        check=True,
    )
    assert json.loads(ours.stdout) == json.loads(theirs.stdout)


@pytest.mark.parametrize(("threshold", "code"), [("quotes_direct_f1=0.0", 0), ("quotes_direct_f1=1.01", 1)])
def test_evaluate_thresholds(tmp_path, threshold, code):
    path = tmp_path / "gold.jsonl"
    raw = "ARLON (Belga) - « Nous ouvrirons le parc dès le mois de mai », a déclaré le bourgmestre Paul Remy."
    path.write_text(json.dumps({"id": "g1", "lang": "fr", "raw": raw, "entities": [], "quotes": []}) + "\n")
    done = subprocess.run(
        [sys.executable, "-m", "streams", "evaluate", str(path), "--min", threshold], capture_output=True, timeout=120
    )
    assert done.returncode == code
