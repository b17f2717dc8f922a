"""Named entities of a dispatch: model mentions, wire-aware corrections, grouping, linking, roles.

1. `candidates`: mentions from the spaCy model (or, when the language has no model, from
   capitalisation rules typed by the gazetteers), plus the agency credit and dateline place from
   the wire header; `cues`: names after titles and verbs of saying that the model missed, parties
   and acronyms, in named passes over one `Coverage` of the body.
2. `corrections`: wire-aware fixes: agency credits are ORG; weekdays, months, demonyms and
   portfolios ("ministre des Finances") are not entities; titles are not part of names; a
   title glued to a name is split ("président du Conseil consultatif Gaspard Perrier" ->
   ORG "Conseil consultatif" + PER "Gaspard Perrier").
3. `grouping`: one Entity per real-world entity: same name, a surname (or a lone first name) after
   the full name ("Trump" -> "Donald Trump"), a short form of an organisation ("la Commission"),
   an acronym of its expansion ("BCE", "ONSS"). Two people who share only a surname are never
   merged.
4. `linking`: a stable id across dispatches and languages (ISO 3166, GeoNames, curated aliases,
   else the name's slug); entities with the same id are one.
5. `roles`: the title or function the dispatch gives a person ("ministre des Affaires étrangères").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from streams.nlp.entities.boundaries import extend_to_acronym, join_of_place, outside_events, person_boundaries
from streams.nlp.entities.candidates import Candidate, header_candidates, model_candidates, rule_candidates
from streams.nlp.entities.corrections import correct
from streams.nlp.entities.cues import cue_candidates
from streams.nlp.entities.grouping import group
from streams.nlp.entities.linking import slug
from streams.nlp.entities.roles import find_role
from streams.nlp.entities.words import normalise
from streams.nlp.types import Entity
from streams.wire.header import Header

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "Candidate",
    "correct",
    "cue_candidates",
    "find_entities",
    "find_role",
    "group",
    "header_candidates",
    "model_candidates",
    "normalise",
    "rule_candidates",
    "slug",
]


def find_entities(body: str, header: Header, doc: Doc | None, *, rules: bool = False) -> list[Entity]:
    """All entities of a dispatch, grouped and linked, in order of first mention.

    `doc` is the pipeline's parse of `body` (its `doc.ents`: the model's, the knowledge base's and the
    named bodies'); `rules` adds candidates from capitalisation rules, for a language without a model.
    """
    found = model_candidates(doc, body) if doc is not None else []
    if rules or doc is None:
        found += [c for c in rule_candidates(body) if not any(c.start < f.end and f.start < c.end for f in found)]
        found.sort(key=lambda c: c.start)
    found = cue_candidates(body, found)
    corrected = person_boundaries([fixed for cand in found for fixed in correct(cand, body)], body)
    corrected = outside_events(corrected, body)
    return group(header_candidates(header) + join_of_place(extend_to_acronym(corrected, body), body), body)
