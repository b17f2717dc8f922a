"""The enrichment of one dispatch: header -> language -> entities -> quotes.

`Enricher` is what the Faust agent and `wirestream enrich` both call; it holds
the loaded spaCy pipelines and nothing else.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from streams.nlp.entities import find_entities
from streams.nlp.language import detect_language
from streams.nlp.models import DEFAULT_PIPELINES, load_pipeline, pipeline_label
from streams.nlp.quotes import extract_quotes
from streams.nlp.types import Entity, Quote
from streams.wire.decode import Dispatch
from streams.wire.header import Header, parse_header
from streams.wire.values import parse_timestamp

if TYPE_CHECKING:
    from spacy.tokens import Doc

RULES_LABEL = "rules"


@dataclass(slots=True)
class Enrichment:
    """Everything the NLP core found in one dispatch."""

    dispatch: Dispatch
    header: Header
    body: str
    headline: str | None
    agency: str | None
    language: str
    language_confidence: float
    entities: list[Entity]
    quotes: list[Quote]
    model: str  # the pipeline that tagged entities, or "rules"
    version: int | None = None  # the dispatch's version, or one the header implies ("UPDATE 2" -> 3)
    timings_ms: dict[str, float] = field(default_factory=dict)


class Enricher:
    """Enrich dispatches with the spaCy pipelines configured per language."""

    def __init__(self, pipelines: dict[str, str] | None = None) -> None:
        self.pipelines = dict(DEFAULT_PIPELINES if pipelines is None else pipelines)

    def load(self) -> None:
        """Load every configured pipeline and the language detector now, so the first batch does not wait."""
        detect_language("Le conseil communal a voté mardi le budget de la ville pour l'année prochaine.")
        for name in self.pipelines.values():
            list(load_pipeline(name).pipe(["Le ministre Jean Dupont a parlé mardi à Namur."]))

    @functools.cached_property
    def models(self) -> dict[str, str]:
        """Language -> `package-version` of each configured pipeline."""
        return {lang: pipeline_label(name) for lang, name in self.pipelines.items()}

    def enrich(self, dispatch: Dispatch) -> Enrichment:
        """Enrich one dispatch."""
        return next(self.enrich_many([dispatch]))

    def enrich_many(self, dispatches: Iterable[Dispatch]) -> Iterator[Enrichment]:
        """Enrich dispatches in order, parsing each language's batch with `nlp.pipe`."""
        staged = [self._prepare(d) for d in dispatches]
        docs: dict[int, Doc] = {}
        for lang, name in self.pipelines.items():
            batch = [i for i, s in enumerate(staged) if s.language == lang]
            if batch:
                started = time.perf_counter()
                parsed = load_pipeline(name).pipe(staged[i].body for i in batch)
                docs.update(zip(batch, parsed, strict=True))
                per_doc = (time.perf_counter() - started) * 1000 / len(batch)
                for i in batch:
                    staged[i].timings_ms["model"] = per_doc
        for i, stage in enumerate(staged):
            yield self._finish(stage, docs.get(i))

    def _prepare(self, dispatch: Dispatch) -> Enrichment:
        started = time.perf_counter()
        header = with_metadata(parse_header(dispatch.text, received_at=parse_timestamp(dispatch.received_at)), dispatch)
        body = dispatch.text[header.body_start : header.body_end]
        language, confidence = detect_language(body, hint=dispatch.lang)
        return Enrichment(
            dispatch=dispatch,
            header=header,
            body=body,
            headline=dispatch.headline or header.headline,
            agency=dispatch.agency or header.agency,
            language=language,
            language_confidence=confidence,
            entities=[],
            quotes=[],
            model=RULES_LABEL,
            version=dispatch.version if dispatch.version is not None else version_from_markers(header.markers),
            timings_ms={"parse": (time.perf_counter() - started) * 1000},
        )

    def _finish(self, stage: Enrichment, doc: Doc | None) -> Enrichment:
        if doc is not None:
            stage.model = self.models[stage.language]
        started = time.perf_counter()
        stage.entities = find_entities(stage.body, stage.header, doc)
        after_entities = time.perf_counter()
        stage.quotes = extract_quotes(stage.body, stage.entities, stage.language, doc)
        stage.timings_ms["entities"] = (after_entities - started) * 1000
        stage.timings_ms["quotes"] = (time.perf_counter() - after_entities) * 1000
        return stage


def with_metadata(header: Header, dispatch: Dispatch) -> Header:
    """The header, completed with what the dispatch's metadata says (NewsML-G2, NITF).

    What the text itself says wins; a dateline known only from metadata becomes
    the header text, so its place is an entity mention like any dateline's.
    """
    changes: dict[str, object] = {}
    for name in ("dateline_place", "dateline_date", "dateline_text", "byline"):
        if getattr(header, name) is None and getattr(dispatch, name) is not None:
            changes[name] = getattr(dispatch, name)
    if dispatch.markers:
        changes["markers"] = tuple(dict.fromkeys((*header.markers, *dispatch.markers)))
    if not header.header_text and dispatch.dateline_text:
        credit = f" ({dispatch.agency})" if dispatch.agency else ""
        changes["header_text"] = dispatch.dateline_text + credit
    return replace(header, **changes) if changes else header


def version_from_markers(markers: tuple[str, ...]) -> int | None:
    """The version an update marker implies: "UPDATE 2" is the third version of a story."""
    for marker in markers:
        match = re.fullmatch(r"UPDATE (\d{1,3})", marker)
        if match:
            return int(match.group(1)) + 1
    return None
