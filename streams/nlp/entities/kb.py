"""The wire knowledge base: curated people, organisations and places with stable ids across languages.

Shipped as TOML in `streams/data/kb/` (format: the README there); users add files of their own with
`use_kb_files` (setting `WIRESTREAM_KB_FILES`). Every entry has an id (`org:n-va`), a type, a kind
("party", "media", "royal" ...), the forms a dispatch may name it by and, for people, a gender.

The knowledge base is applied by spaCy's own `SpanRuler` (`wire_kb` in a pipeline): its forms are
phrase patterns matched on the exact text, and `settle` weighs its matches against the statistical
model's entities, so "DéFI" is an ORG whatever the model thought. Forms that name someone only after
a title ("Philippe" after "roi", "koning" or "King") are phrase patterns with that title before them
(lower-case, capitalised or in capitals).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from spacy.tokens import Doc, Span

from streams.nlp.types import EntityType
from streams.textrules import rule

if TYPE_CHECKING:
    from spacy.language import Language

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TYPES: dict[str, EntityType] = {"per": "PER", "org": "ORG", "loc": "LOC"}
RULER_NAME = "wire_kb"
SPANS_KEY = "wire_kb"  # where the ruler puts its matches
BODY_MARKER = "wire-body"  # the id `wire_bodies` gives its spans: a named body is never cut by the knowledge base
_extra_files: list[Path] = []


@dataclass(frozen=True, slots=True)
class Entry:
    """One entity of the knowledge base."""

    id: str  # "org:n-va": the key of wire.entities
    type: EntityType
    kind: str
    names: tuple[str, ...]
    country: str | None = None
    gender: Literal["m", "f"] | None = None
    titled: tuple[str, ...] = ()  # forms that name it only after one of `titles`
    titles: tuple[str, ...] = ()
    parent: str | None = None


@dataclass(slots=True)
class KnowledgeBase:
    entries: dict[str, Entry] = field(default_factory=dict)
    by_form: dict[str, list[Entry]] = field(default_factory=dict)  # exact form -> entries

    def get(self, form: str) -> Entry | None:
        """The one entry a form names (None when none, or when two entries share it)."""
        found = self.by_form.get(form)
        return found[0] if found and len(found) == 1 else None


def kb_files() -> tuple[Path, ...]:
    """The files read after the shipped ones (`use_kb_files`)."""
    return tuple(_extra_files)


def use_kb_files(*paths: str | Path) -> None:
    """Read these files (same format as the shipped ones) after the shipped ones; a later entry with the same
    id replaces an earlier one."""
    _extra_files[:] = [Path(p) for p in paths]
    knowledge_base.cache_clear()


def _texts() -> Iterator[tuple[str, str]]:
    folder = resources.files("streams") / "data" / "kb"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name) if folder.is_dir() else ():
        if entry.name.endswith(".toml"):
            yield entry.name, entry.read_text(encoding="utf-8")
    for path in _extra_files:
        yield str(path), path.read_text(encoding="utf-8")


@functools.cache
def knowledge_base() -> KnowledgeBase:
    """Every entry of the shipped and added files, indexed by form."""
    kb = KnowledgeBase()
    for source, text in _texts():
        for prefix, table in tomllib.loads(text).items():
            kind = TYPES.get(prefix)
            if kind is None or not isinstance(table, dict):
                raise ValueError(f"{source}: table [{prefix}] is not one of {', '.join(TYPES)}")
            for key, spec in table.items():
                kb.entries[f"{prefix}:{key}"] = _entry(f"{prefix}:{key}", kind, spec, source)
    for entry in kb.entries.values():
        for form in entry.names:
            kb.by_form.setdefault(form, []).append(entry)
    return kb


def _entry(entity_id: str, kind: EntityType, spec: dict, source: str) -> Entry:
    if not isinstance(spec, dict) or not isinstance(spec.get("names", spec.get("titled")), list):
        raise ValueError(f"{source}: {entity_id} needs a list of names")
    names = [n for n in spec.get("names", []) if _usable(n)]
    names += [n for n in spec.get("local_names", []) if _usable(n)]
    return Entry(
        id=entity_id,
        type=kind,
        kind=str(spec.get("kind", "other")),
        names=tuple(dict.fromkeys(names)),
        country=spec.get("country"),
        gender=spec.get("gender"),
        titled=tuple(spec.get("titled", ())),
        titles=tuple(t.casefold() for t in spec.get("titles", ())),
        parent=spec.get("parent"),
    )


def _usable(form: object) -> bool:
    """A form the ruler may match: a string with a capital or a digit, or one lower-case word ("bpost").

    A lower-case phrase ("gouvernement fédéral") is a description, never an entity's name.
    """
    if not isinstance(form, str) or not form.strip():
        return False
    return any(c.isupper() or c.isdigit() for c in form) or " " not in form.strip()


def ruler_patterns(entries: Iterable[Entry]) -> list[dict]:
    """EntityRuler patterns: a phrase pattern per form, and per titled form after each of its titles.

    A form two entries share ("PS": the Belgian and the French party) gets its type but no id: the
    linking stage chooses between them from the countries the dispatch names.
    """
    entries = list(entries)
    owners: dict[str, set[str]] = {}
    for entry in entries:
        for form in entry.names:
            owners.setdefault(form, set()).add(entry.id)
    patterns: list[dict] = []
    shared: set[str] = set()
    for entry in entries:
        for form in entry.names:
            if len(owners[form]) == 1:
                patterns.append({"label": entry.type, "pattern": form, "id": entry.id})
            elif form not in shared:
                shared.add(form)
                patterns.append({"label": entry.type, "pattern": form})
        for form in _acronym_pairs(entry.names):
            if form not in owners:
                patterns.append({"label": entry.type, "pattern": form, "id": entry.id})
        for form in entry.titled:  # phrases, not token patterns: spaCy's Matcher costs patterns x tokens
            for title in entry.titles:
                for written in dict.fromkeys((title, title[:1].upper() + title[1:], title.upper())):
                    patterns.append({"label": entry.type, "pattern": f"{written} {form}", "id": entry.id})
    return patterns


def _acronym_pairs(names: Iterable[str]) -> list[str]:
    """A bilingual body's two acronyms joined, as Belgian copy writes them: "BVAS-ABSyM", "ABSyM/BVAS"."""
    acronyms = [n for n in dict.fromkeys(names) if _ACRONYM.fullmatch(n) and sum(c.isupper() for c in n) * 2 >= len(n)]
    return [f"{a}{joint}{b}" for a in acronyms for b in acronyms if a != b for joint in ("-", "/")]


_ACRONYM = rule("nlp.entities.kb.acronym", r"[A-Z][A-Za-z&]{1,7}")


def add_ruler(nlp: Language) -> None:
    """Add the knowledge base's `SpanRuler` to a pipeline, after its entity recogniser if it has one.

    Its matches go to `doc.spans["wire_kb"]`, not to `doc.ents`: `settle` weighs them against the model's.
    """
    if RULER_NAME in nlp.pipe_names:
        return
    after = "ner" if "ner" in nlp.pipe_names else None
    config = {"spans_key": SPANS_KEY, "annotate_ents": False, "validate": False, "phrase_matcher_attr": None}
    ruler = nlp.add_pipe("span_ruler", name=RULER_NAME, after=after, config=config)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns(knowledge_base().entries.values()))


def settle(doc: Doc) -> tuple[list[Span], dict[tuple[int, int], str]]:
    """The doc's entities once the knowledge base has had its say, and the knowledge-base id of each span it gave.

    Where the knowledge base names exactly a span the model tagged, its type and id win ("DéFI" tagged as a
    place); where it names a part of a longer span of the model's ("KBC" in "KBC Securities") or of a named
    body ("Namur" in "parquet de Namur"), the longer span stays; where its span covers or crosses the model's
    ("La Libre Belgique" for the model's "Libre Belgique"), or where the model saw nothing, it is taken; where the
    model's span runs on from it over "le"/"la"/"the" into another name, the span is cut in two (`_run_on`).
    """
    ents = list(doc.ents)
    ids: dict[tuple[int, int], str] = {}
    matches = list(doc.spans.get(SPANS_KEY, ())) if doc.spans else []
    if not matches:
        return ents, ids
    bounds = [(e.start, e.end) for e in ents]  # each entity's tokens, read once: a span's attributes are dear
    for span in _apart(matches, set(bounds)):
        start, end = span.start, span.end
        if (start, end) in bounds:  # the entities never overlap: one at most has these bounds
            at = bounds.index((start, end))
            if ents[at].id_ != BODY_MARKER:
                ents[at] = Span(doc, start, end, label=span.label_)
                if span.id_:
                    ids[span.start_char, span.end_char] = span.id_
            continue
        holder = next((ents[i] for i, (a, b) in enumerate(bounds) if a <= start and end <= b), None)
        rest = _run_on(doc, holder, span) if holder is not None and holder.id_ != BODY_MARKER else None
        if rest is not None:  # "Palais royal le Premier ministre X": the model ran one name into the next
            at = bounds.index((holder.start, holder.end))
            ents[at : at + 1] = [Span(doc, start, end, label=span.label_), rest]
            bounds[at : at + 1] = [(start, end), (rest.start, rest.end)]
            if span.id_:
                ids[span.start_char, span.end_char] = span.id_
            continue
        if holder is not None and (holder.id_ == BODY_MARKER or not _only_articles(doc, holder, span)):
            continue  # a longer name of the model's or a named body holds it
        apart = [i for i, (a, b) in enumerate(bounds) if b <= start or end <= a]
        ents = [ents[i] for i in apart] + [Span(doc, start, end, label=span.label_)]
        bounds = [bounds[i] for i in apart] + [(start, end)]
        if span.id_:
            ids[span.start_char, span.end_char] = span.id_
    return sorted(ents, key=lambda e: e.start), ids


def _apart(matches: list[Span], bounds: set[tuple[int, int]]) -> list[Span]:
    """The knowledge base's matches that do not overlap, in text order: of two that do, the longer ("Croix-Rouge
    de Belgique" over "La Croix", the newspaper, in "La Croix-Rouge de Belgique"; "Flandre orientale" over
    "Flandre"), else the one the model tagged exactly, else the first."""
    if len(matches) == 1:
        return matches
    chosen: list[Span] = []
    for span in sorted(matches, key=lambda s: (-len(s), (s.start, s.end) not in bounds, s.start)):
        if all(span.end <= c.start or c.end <= span.start for c in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


_ARTICLES = frozenset("the le la les l' l’ de het een a an un une".split())


_RUN_ON_ARTICLES = frozenset("le la les the".split())


def _run_on(doc: Doc, holder: Span, span: Span) -> Span | None:
    """The rest of a model's span that runs on past a knowledge-base name at its start, over an article, into a
    name ("Palais royal" + "le Premier ministre X", "le ministre X"): that rest, left for the corrections to type."""
    if holder.start != span.start or holder.end <= span.end + 1:
        return None
    if doc[span.end].text not in _RUN_ON_ARTICLES:  # not "de": "Banque nationale de Belgique" is one name
        return None
    if not any(t.text[:1].isupper() for t in doc[span.end + 1 : holder.end]):
        return None
    return Span(doc, span.end + 1, holder.end, label="MISC")


def _only_articles(doc: Doc, holder: Span, span: Span) -> bool:
    """Whether the model's span is the knowledge base's plus articles only ("The European Union")."""
    extra = [t for t in doc[holder.start : span.start]] + [t for t in doc[span.end : holder.end]]
    return bool(extra) and all(t.lower_ in _ARTICLES for t in extra)
