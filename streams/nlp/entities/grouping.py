"""Grouping mentions into entities: one Entity per real-world entity, linked, with its role."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from itertools import pairwise

from streams.nlp.entities import linking
from streams.nlp.entities.candidates import Candidate
from streams.nlp.entities.linking import link_entities
from streams.nlp.entities.roles import find_role
from streams.nlp.entities.words import has_org_word, initials, is_acronym, looks_like_name, normalise
from streams.nlp.lexicon import NAME_PARTICLES
from streams.nlp.types import SECTION_ORDER, Entity, EntityType, Mention


def group(cands: list[Candidate], body: str | None = None) -> list[Entity]:
    """One Entity per real-world entity, in order of first mention, linked and with roles."""
    groups: dict[str, list[Candidate]] = {}
    for cand in cands:
        groups.setdefault(normalise(cand.text), []).append(cand)
    for key in list(groups):
        members = groups[key]
        body_types = {m.type for m in members if m.section == "body" and m.source == "model"}
        if body_types == {"ORG"} and any(m.section == "header" and m.type == "LOC" for m in members):
            groups[key] = [m for m in members if m.section != "body"]  # "LIVERPOOL, England": the city;
            groups[key + " #org"] = [m for m in members if m.section == "body"]  # "Liverpool won": the club
    _join_acronyms(groups, cands, body)
    _join_surnames(groups)
    _join_first_names(groups)
    _join_short_forms(groups)
    entities = link_entities([_to_entity(members) for members in groups.values()])
    if body is not None:
        for entity in entities:
            if entity.type == "PER":
                entity.role = find_role(body, entity)
    seen: Counter[str] = Counter()
    for entity in entities:
        seen[entity.id] += 1
        if seen[entity.id] > 1:
            entity.id = f"{entity.id}-{seen[entity.id]}"
    return entities


def _known(members: list[Candidate]) -> bool:
    """Whether the knowledge base identified the group: it is never merged into another one."""
    return any(m.kb_id for m in members)


def _group_type(members: list[Candidate]) -> EntityType:
    """The group's type: the type its members share, else as `_voted_type` weighs them. Asked several times of
    each group at each step of `group`, and most groups are one mention."""
    first = members[0].type
    if all(m.type == first for m in members):
        return first  # every rule of `_voted_type` picks a member's type
    return _voted_type(members)


def _voted_type(members: list[Candidate]) -> EntityType:
    """The knowledge base's type, else the header's, else the model's (or the rules') majority, MISC last."""
    known = next((m.type for m in members if m.kb_id), None)
    if known is not None:
        return known
    if any(m.section != "body" for m in members):
        return next(m.type for m in members if m.section != "body")
    votes = Counter(m.type for m in members if m.source == "model") or Counter(m.type for m in members)
    if len(votes) > 1:
        votes.pop("MISC", None)
    best = max(votes.values())
    return next(m.type for m in members if votes.get(m.type) == best)  # a tie: the first mention's type


def _retype(members: list[Candidate], kind: EntityType) -> list[Candidate]:
    return [m if m.section != "body" or m.type == kind else replace(m, type=kind) for m in members]


def _full_name(key: str) -> bool:
    """A first name and a surname ("bart de wever"), not a surname with its particle ("de wever")."""
    return " " in key and key.split()[0] not in NAME_PARTICLES and key.split()[0] not in _SURNAME_PARTICLES


_SURNAME_PARTICLES = frozenset("van von vander vanden ver le la di da del della dos das mc mac o".split())


def _join_surnames(groups: dict[str, list[Candidate]]) -> None:
    """Move 'Trump' into 'Donald Trump' when exactly one full name ends with it.

    A full name the model typed as a place or misc joins too when its surname is a person
    elsewhere ("Lukas Dhont" LOC, "Dhont" PER), and becomes a person.
    """
    people = {key for key, members in groups.items() if _group_type(members) == "PER" and not _full_name(key)}
    for key, members in groups.items():
        kind = _group_type(members)
        words = key.split()
        named = words[-1] in people or words[0] in people or " ".join(words[-2:]) in people
        if (
            kind in ("LOC", "MISC", "ORG")
            and 2 <= len(words) <= 3
            and named
            and looks_like_name(members[0].text)
            and not has_org_word(members[0].text)
        ):
            groups[key] = _retype(members, "PER")
    full_names = {key for key, members in groups.items() if _group_type(members) == "PER" and _full_name(key)}
    by_ending: dict[str, list[str]] = {}
    for full in full_names:
        words = full.split()
        for n in range(1, len(words)):
            by_ending.setdefault(" ".join(words[n:]), []).append(full)
    for key in list(groups):
        if key in full_names or key not in groups or _known(groups[key]):
            continue
        owners = by_ending.get(key, [])
        members = groups[key]
        if len(owners) == 1 and (_group_type(members) == "PER" or not any(m.section != "body" for m in members)):
            if _group_type(members) == "ORG" and len(members) > 1:
                continue  # a party or firm named like a person, tagged so each time
            groups[owners[0]].extend(_retype(groups.pop(key), "PER"))


def _join_first_names(groups: dict[str, list[Candidate]]) -> None:
    """Move a lone first name ('Remco') into the one full name that starts with it."""
    full_names = [key for key, members in groups.items() if _group_type(members) == "PER" and _full_name(key)]
    firsts: dict[str, list[str]] = {}
    lasts: set[str] = set()
    for full in full_names:
        firsts.setdefault(full.split()[0], []).append(full)
        lasts.add(full.split()[-1])
    for key in list(groups):
        members = groups[key]
        if " " in key or _group_type(members) != "PER" or any(m.section != "body" for m in members):
            continue
        if _known(members):
            continue  # "le roi Philippe": the knowledge base says who he is, not "Philippe Close"
        owners = firsts.get(key, [])
        if len(owners) == 1 and key not in lasts:
            groups[owners[0]].extend(groups.pop(key))


def _join_short_forms(groups: dict[str, list[Candidate]]) -> None:
    """Move 'Commission' into 'Commission européenne' (or 'European Commission') when exactly one
    organisation starts or ends with it."""
    edges: dict[str, set[str]] = {}
    for full in (key for key, members in groups.items() if _group_type(members) == "ORG" and " " in key):
        words = full.split()
        edges.setdefault(words[0], set()).add(full)
        edges.setdefault(words[-1], set()).add(full)
    for key in list(groups):
        members = groups[key]
        if " " in key or _group_type(members) not in ("ORG", "MISC") or any(m.section != "body" for m in members):
            continue
        if _known(members):
            continue
        if any(m.text.isupper() for m in members):
            continue  # an acronym is not a short form
        owners = sorted(edges.get(key, ()))
        if len(owners) == 1:
            groups[owners[0]].extend(_retype(groups.pop(key), "ORG"))


def _join_acronyms(groups: dict[str, list[Candidate]], cands: list[Candidate], body: str | None = None) -> None:
    """'Banque centrale européenne (BCE)' and 'Office national de sécurité sociale' ... 'ONSS':
    an acronym joins the one organisation whose initials it spells, or its bracketed expansion (a bracket, not
    a comma: "ACV Puls, ABVV en ACLVB" lists three unions)."""
    ordered = sorted((c for c in cands if c.section == "body"), key=lambda c: c.start)
    for long, short in pairwise(ordered):
        if long.kb_id and short.kb_id and long.kb_id != short.kb_id:
            continue  # the knowledge base tells them apart
        if " " not in long.text or not 0 < short.start - long.end <= 2:
            continue  # before the initials are spelled: most neighbours are further apart
        spelled = " " not in short.text and initials(long.text) == normalise(short.text)
        gap_ok = body is None or spelled or "(" in body[long.end : short.start]
        if not (gap_ok and (is_acronym(short.text) or spelled)):
            continue
        long_key, short_key = normalise(long.text), normalise(short.text)
        if long_key in groups and _group_type(groups[long_key]) == "PER" and not spelled:
            continue  # "Anne Dupont (PS)": her party, not her acronym
        if long_key in groups and short_key in groups and long_key != short_key:
            groups[long_key].extend(_retype(groups.pop(short_key), _group_type(groups[long_key])))
    spelled: dict[str, list[str]] = {}
    for full, members in groups.items():
        if " " in full and _group_type(members) in ("ORG", "MISC"):
            spelled.setdefault(initials(members[0].text), []).append(full)
    for key in list(groups):
        members = groups[key]
        if " " in key or not all(is_acronym(m.text) or (m.text[0].isupper() and len(m.text) <= 5) for m in members):
            continue
        if _known(members):
            continue
        owners = [full for full in spelled.get(key, []) if full in groups]
        if len(owners) == 1 and len(key) >= 2:
            groups[owners[0]].extend(_retype(groups.pop(key), "ORG"))
            groups[owners[0]][:] = _retype(groups[owners[0]], "ORG")


def _to_entity(members: list[Candidate]) -> Entity:
    kind = _group_type(members)
    body_forms = [m.text for m in members if m.section == "body"]
    forms = body_forms or [m.text for m in members]
    mixed_case = [f for f in forms if not f.isupper()] or [m.name for m in members if m.name] or forms
    name = max(mixed_case, key=len)  # "DEN HAAG" alone in the dateline: as the dateline's place is named
    mentions = sorted(
        {Mention(m.text, m.start, m.end, m.section) for m in members},
        key=lambda m: (SECTION_ORDER[m.section], m.start),
    )
    source = "model" if any(m.source == "model" for m in members) else "rule"
    known = next((m.kb_id for m in members if m.kb_id), None)
    return Entity(id=known or linking.entity_id(name, kind), name=name, type=kind, mentions=mentions, source=source)
