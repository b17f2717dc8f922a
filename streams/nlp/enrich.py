"""The enrichment of one dispatch: header -> language -> entities -> quotes.

`Enricher` is what the Faust agent and `wirestream enrich` both call; it holds
the loaded spaCy pipelines and nothing else. Each language's pipeline is its model
(or spaCy's blank pipeline) followed by the `wire_entities` and `wire_quotes`
components (`streams.nlp.components`).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from streams.nlp.entities import kb, linking
from streams.nlp.language import detect_language
from streams.nlp.models import DEFAULT_PIPELINES, pipeline_label, rules_pipeline, wire_pipeline
from streams.nlp.quotes.echoes import echo_speakers
from streams.nlp.types import SECTION_ORDER, Entity, Mention, Quote
from streams.textrules import rule
from streams.wire.decode import Dispatch
from streams.wire.header import Header, parse_header
from streams.wire.lexicon import HEADLINE_TOPICS
from streams.wire.values import parse_timestamp

if TYPE_CHECKING:
    from spacy.language import Language

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


def use_knowledge_base(files: tuple[Path, ...]) -> None:
    """Read these knowledge-base files after the shipped ones, in this process: the pipelines (whose ruler holds
    the knowledge base's patterns) and the linking tables are shared, so they are built anew when the files
    change."""
    if kb.kb_files() == files:
        return
    linking.use_kb_files(*files)
    wire_pipeline.cache_clear()
    rules_pipeline.cache_clear()


class Enricher:
    """Enrich dispatches with the spaCy pipelines configured per language."""

    def __init__(self, pipelines: dict[str, str] | None = None, kb_files: Sequence[str | Path] = ()) -> None:
        self.pipelines = dict(DEFAULT_PIPELINES if pipelines is None else pipelines)
        self.kb_files = tuple(Path(p) for p in kb_files)
        use_knowledge_base(self.kb_files)

    def load(self) -> None:
        """Load every configured pipeline and the language detector now, so the first batch does not wait."""
        detect_language("Le conseil communal a voté mardi le budget de la ville pour l'année prochaine.")
        for name in self.pipelines.values():
            list(wire_pipeline(name).pipe(["Le ministre Jean Dupont a parlé mardi à Namur."]))

    @functools.cached_property
    def models(self) -> dict[str, str]:
        """Language -> `package-version` of each configured pipeline."""
        return {lang: pipeline_label(name) for lang, name in self.pipelines.items()}

    def enrich(self, dispatch: Dispatch) -> Enrichment:
        """Enrich one dispatch."""
        return next(self.enrich_many([dispatch]))

    def pipeline(self, lang: str) -> Language:
        """The spaCy pipeline, wire components included, that enriches dispatches in `lang`."""
        name = self.pipelines.get(lang)
        return wire_pipeline(name) if name is not None else rules_pipeline(lang)

    def enrich_many(self, dispatches: Iterable[Dispatch]) -> Iterator[Enrichment]:
        """Enrich dispatches in order, each language's batch in one `nlp.pipe`."""
        staged = [self._prepare(d) for d in dispatches]
        batches: dict[str, list[Enrichment]] = {}
        for stage in staged:
            batches.setdefault(stage.language, []).append(stage)
        for lang, batch in batches.items():
            self._run(lang, batch)
        yield from staged

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

    def _run(self, lang: str, batch: list[Enrichment]) -> None:
        """One language's batch through its pipeline; the model's time is what the wire components did not take."""
        from streams.nlp.components import doc_text, wire_doc  # spaCy comes with a pipeline, not with this module

        nlp = self.pipeline(lang)
        started = time.perf_counter()
        docs = list(nlp.pipe([wire_doc(nlp, with_headline(s.headline, s.body), s.header, lang) for s in batch]))
        elapsed = (time.perf_counter() - started) * 1000
        model_ms = (elapsed - sum(ms for doc in docs for ms in doc._.wire_timings.values())) / len(batch)
        for stage, doc in zip(batch, docs, strict=True):
            if lang in self.pipelines:
                stage.model = self.models[lang]
                stage.timings_ms["model"] = model_ms
            stage.timings_ms.update(doc._.wire_timings)
            shift = len(doc_text(doc)) - len(stage.body)
            title = title_start(stage.headline or "") if shift else 0
            stage.entities = [_sections(entity, shift, title) for entity in doc._.wire_entities]
            quotes = (_quote_sections(quote, shift, title) for quote in doc._.wire_quotes)
            stage.quotes = echo_speakers([quote for quote in quotes if quote is not None])


HEADLINE_BREAK = "\n\n"


def with_headline(headline: str | None, body: str) -> str:
    """The text the pipeline reads: the headline's title as the body's first paragraph, when there is one.

    Names and quotes in headlines count like those in the body; read together, a headline's name
    groups with the body's ("Van Aert" with "Wout van Aert") and the model sees it in context. A
    rubric before the title ("Politiek/Vlaams Parlement - ", "Cycling-") is left out.
    """
    title = (headline or "")[title_start(headline or "") :].strip()
    return f"{title}{HEADLINE_BREAK}{body}" if title else body


def title_start(headline: str) -> int:
    """Where a headline's title starts, after a rubric: "Wielrennen/Ronde van Vlaanderen - ", "SOCCER-"."""
    rubric = _RUBRIC.match(headline)
    if rubric is not None and "/" in rubric.group(1):
        return rubric.end(2)
    topic = _TOPIC.match(headline)
    if topic is not None and topic.group(1).casefold() in HEADLINE_TOPICS:
        return topic.end(1) + 1
    return len(headline) - len(headline.lstrip())


# On RE2 (a run of spaces before a rubric took `re` the cube of its length); the lookahead of each is the
# character read after the match proper, which ends with group 2 (the spaces, taken whole: giving one back
# would not bring the next character closer) or one character after group 1 (the hyphen).
_RUBRIC = rule("nlp.headline.rubric", r"\s*([^\n]{1,60}?)\s+[-–—](\s+)\S")
_TOPIC = rule("nlp.headline.topic", r"\s*([A-Za-z]+(?: [A-Za-z]+)?)-[A-Z]")
_UPDATE = rule(
    "nlp.headline.update", r"UPDATE (\d{1,3})", engine="re", fallback="fullmatch() of at most ten characters"
)


def _sections(entity: Entity, shift: int, title: int) -> Entity:
    """An entity of the headline-and-body text with its mentions in their own sections: the headline's (moved
    to headline offsets: the title starts at `title`), and the body's moved back to body offsets."""
    if shift:
        entity.mentions = sorted(
            (_in_section(m, shift, title) for m in entity.mentions),
            key=lambda m: (SECTION_ORDER[m.section], m.start),
        )
    return entity


def _in_section(mention: Mention, shift: int, title: int) -> Mention:
    if mention.section != "body":
        return mention
    if mention.start < shift:
        return replace(mention, start=mention.start + title, end=mention.end + title, section="headline")
    return replace(mention, start=mention.start - shift, end=mention.end - shift)


def _quote_sections(quote: Quote, shift: int, title: int) -> Quote | None:
    """A quote of the headline-and-body text in its section; one that would run from one into the other, none."""
    if not shift:
        return quote
    headline_end = shift - len(HEADLINE_BREAK)
    if quote.start < shift:
        if quote.end > headline_end:
            return None
        return replace(quote, start=quote.start + title, end=quote.end + title, section="headline")
    return replace(quote, start=quote.start - shift, end=quote.end - shift)


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
        match = _UPDATE.fullmatch(marker)
        if match:
            return int(match.group(1)) + 1
    return None
