"""The command line's own logic, offline: summaries of any event, tail filters, arguments, input errors."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from streams.cli import build_parser
from streams.commands.run import summarise
from streams.commands.tail import fold, matches
from streams.errors import DEAD_LETTER_REASONS
from streams.events import Source, withdrawn_event
from streams.inputs import dispatch_ids, read_inputs
from streams.wire.decode import decode

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def wirestream(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "streams", *args], capture_output=True, env=env, timeout=120)


def test_summarise_shows_a_withdrawal_and_any_other_event_without_crashing():
    (dispatch,) = decode((FIXTURES / "newsml" / "belga-budget-v4-canceled.xml").read_bytes())
    withdrawn = withdrawn_event(dispatch, Source(topic="wire.raw", partition=0, offset=7))
    assert summarise(withdrawn) == {
        "schema": "wirestream.withdrawn.v1",
        "id": dispatch.id,
        "version": dispatch.version,
        "status": dispatch.status,
    }
    broken = {"schema": "wirestream.enriched.v1", "id": "x", "language": "fr"}  # enriched, but not whole
    assert summarise(broken) == {"schema": "wirestream.enriched.v1", "id": "x"}
    assert summarise({"hello": 1}) == {}
    assert summarise([1, 2]) == {"schema": None, "value": [1, 2]}


def test_summarise_names_the_speaker_entity_and_shows_an_unnamed_source_apart():
    from streams.events import enriched_event
    from streams.nlp.enrich import Enricher
    from streams.wire.dispatch import Dispatch

    text = (
        "NAMUR, 3 mars (Belga) - « Le budget est prêt », a déclaré la ministre Julie Moreau. Les syndicats "
        "dénoncent une réforme qui touche selon eux des milliers d'agents."
    )
    result = Enricher().enrich(Dispatch(id="s1", text=text, lang="fr"))
    quotes = summarise(enriched_event(result, Source(topic="wire.raw", partition=0, offset=1)))["quotes"]
    assert {"speaker": "Julie Moreau", "kind": "direct", "text": "Le budget est prêt"} in quotes
    unnamed = [q for q in quotes if q["speaker"] is None]
    assert unnamed and all(q["unnamed_source"] for q in unnamed)  # the phrase, never shown as a speaker


def test_fold_ignores_case_and_accents():
    assert fold("Liège") == fold("LIEGE") == fold("liege") == "liege"
    assert fold("Çelik Öztürk") == "celik ozturk"


ENRICHED = {
    "schema": "wirestream.enriched.v1",
    "language": "fr",
    "entities": [{"id": "place:liege", "name": "Liège", "forms": ["Luik"], "mentions": [{"text": "LIÈGE"}]}],
    "quotes": [{"speaker": {"name": "Élise Lemaître", "entity_id": "person:elise-lemaitre"}, "speaker_text": "elle"}],
}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"entity": "liege"}, True),
        ({"entity": "LUIK"}, True),
        ({"entity": "namur"}, False),
        ({"speaker": "lemaitre"}, True),
        ({"speaker": "ÉLISE"}, True),
        ({"entity_id": "place:liege"}, True),
        ({"entity_id": "person:elise-lemaitre"}, True),  # as the speaker of a quote
        ({"entity_id": "place:namur"}, False),
        ({"entity_id": "place:liege", "lang": "nl"}, False),
    ],
)
def test_tail_filters_on_an_enriched_event(filters, expected):
    assert matches(ENRICHED, **filters) is expected


def test_tail_filters_on_quote_and_entity_events_and_anything_else():
    quote = {"kind": "direct", "speaker": {"name": "Élise Lemaître", "entity_id": "person:elise-lemaitre"}}
    entity = {"id": "place:liege", "name": "Liège", "mention_count": 2, "mentions": [{"text": "Liège"}]}
    assert matches(quote, speaker="lemaitre") and matches(quote, entity_id="person:elise-lemaitre")
    assert matches(entity, entity="liege") and matches(entity, entity_id="place:liege")
    assert not matches(entity, entity_id="person:elise-lemaitre")
    assert matches(42) and not matches(42, entity="liege")


def parse(*argv: str):
    return build_parser().parse_args(list(argv))


def test_evaluate_min_takes_one_threshold_each_and_leaves_the_gold_file(capsys):
    args = parse("evaluate", "--min", "quotes_direct_f1=0.9", "--min", "entities_f1=0.5", "gold.jsonl")
    assert args.gold == "gold.jsonl" and args.min == ["quotes_direct_f1=0.9", "entities_f1=0.5"]
    for wrong in ("quotes_f1=0.9", "quotes_direct_f1", "quotes_direct_f1=high"):
        with pytest.raises(SystemExit) as stopped:
            parse("evaluate", "--min", wrong, "gold.jsonl")
        assert stopped.value.code == 2
    assert "unknown figure 'quotes_f1'" in capsys.readouterr().err


def test_replay_takes_only_known_reasons_and_a_positive_max():
    assert parse("replay", "--reason", "enrich_error", "--max", "3").reason == ["enrich_error"]
    for argv in (["--reason", "enrich_eror"], ["--max", "0"]):
        with pytest.raises(SystemExit):
            parse("replay", *argv)


def test_the_known_reasons_are_every_reason_the_code_gives_and_the_schema_lists():
    known = {reason for reasons in DEAD_LETTER_REASONS.values() for reason in reasons}
    given = {
        reason
        for path in (ROOT / "streams").rglob("*.py")
        for reason in re.findall(r"(?:DecodeError|EnrichFailed|_Lost)\(\s*\"([a-z_]+)\"", path.read_text("utf-8"))
    }
    assert given and given <= known
    schema = orjson.loads((ROOT / "schemas" / "wirestream.dead_letter.v1.json").read_bytes())
    reason = schema["properties"]["reason"]
    listed = set(reason.get("enum") or re.findall(r"[a-z0-9_]+", reason["description"]))
    assert known == listed


def test_json_lines_files_give_one_message_a_line_whatever_their_suffix(tmp_path):
    lines = b'{"id": "a", "body": "Eins."}\n\n{"id": "b", "raw": "Zwei."}\n'
    for suffix in (".jsonl", ".ndjson", ".NDJSON"):
        path = tmp_path / f"in{suffix}"
        path.write_bytes(lines)
        assert [orjson.loads(v)["id"] for v in read_inputs([str(path)])] == ["a", "b"]


def test_dispatch_ids_are_the_ids_the_worker_decodes():
    newsml = (FIXTURES / "newsml" / "belga-budget-v1.xml").read_bytes()
    nitf = (FIXTURES / "nitf" / "afp-seisme-v1.xml").read_bytes()
    assert dispatch_ids(newsml, max_bytes=10**6, max_items=100) == ["urn:newsml:belga.be:20250403:BEL-NAMUR-BUDGET"]
    assert dispatch_ids(nitf, max_bytes=10**6, max_items=100) == ["afp-20250403-seisme-grece-0831"]
    assert dispatch_ids(b'{"id": "e-1", "body": "Texte."}', max_bytes=10**6, max_items=100) == ["e-1"]
    assert dispatch_ids(b'{"id": "e-1", "body": 5}', max_bytes=10**6, max_items=100) == []


@pytest.mark.parametrize("command", ["enrich", "publish", "evaluate"])
def test_a_missing_or_directory_input_is_one_line_and_exit_66(tmp_path, command):
    for path, said in ((tmp_path / "nowhere.txt", "no such file"), (tmp_path, "is a directory")):
        done = wirestream(command, str(path))
        assert done.returncode == 66, done.stderr.decode()[-2000:]
        assert done.stderr.decode().splitlines() == [
            f"wirestream: {path}: {said}" + ("" if "file" in said else ", not a file")
        ]


def test_publish_says_so_for_empty_input(tmp_path):
    empty = tmp_path / "empty.ndjson"
    empty.write_bytes(b"\n  \n")
    done = wirestream("publish", str(empty))
    assert done.returncode == 66
    assert done.stderr.decode().strip() == f"wirestream: nothing to publish: {empty} holds no dispatch"


def test_a_service_link_is_a_warning_on_stderr_not_a_stop():
    done = wirestream(
        "config", env={"PATH": "/usr/bin", "WIRESTREAM_SERVICE_HOST": "10.0.0.1", "WIRESTREAM_EVAL_DIR": "/eval"}
    )
    assert done.returncode == 0, done.stderr.decode()
    warnings = [orjson.loads(line) for line in done.stderr.decode().splitlines()]
    assert [(w["event"], w["level"], w["variable"]) for w in warnings] == [
        ("settings.ignored", "warning", "WIRESTREAM_EVAL_DIR"),
        ("settings.ignored", "warning", "WIRESTREAM_SERVICE_HOST"),
    ]
    assert "WIRESTREAM_SERVICE_HOST" not in done.stdout.decode()
