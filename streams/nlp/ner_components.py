"""Components that run after a statistical entity recogniser, shipped in a pipeline's folder.

Importing this module registers both factories (`streams.nlp.models.load_pipeline` does before loading a
pipeline):

- `name_gazetteer`: names of known type (exact text), tagged only where the model found no entity; it
  never changes the boundaries of one of the model's, and with `retype` gives an entity of the model's
  that is exactly one of its names that name's type ("Nasdaq" tagged as an organisation, known as MISC).
  Its names are saved with the pipeline (`names.json`) and matched on the tokenizer's tokens alone, so
  loading it runs no model.
- `name_consistency`: one type per name within a document. A name the model tagged more often with one
  type than with any other in the document gets that type at every occurrence it tagged ("Brugge" a
  place twice and a club once is a place three times); with `fill_repeats`, an untagged repeat of a name
  of at least `min_words` words that the model tagged elsewhere in the document is tagged as well. A tie
  between types changes nothing. With `short_names`, a person named in full and elsewhere by the end of
  that name, from one of its capitalised words on ("Guy Verhofstadt" ... "Verhofstadt", "Jan Van den
  Bossche" ... "Van den Bossche"), is a person there too, whether the model left those words untagged or
  gave them another type.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline.span_ruler import prioritize_existing_ents_filter
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

GAZETTEER = "name_gazetteer"
CONSISTENCY = "name_consistency"
LONGEST_NAME = 6  # words: "Jan Van den Bossche", "Anne-Marie de la Croix"


class NameGazetteer:
    """Tag the names of a gazetteer where the model found nothing (see the module's docstring)."""

    def __init__(self, nlp: Language, retype: bool = False) -> None:
        self.nlp = nlp
        self.retype = retype  # whether an entity of the model's that is exactly a known name takes its type
        self.names: dict[str, str] = {}
        self._types: dict[int, str] = {}  # the matcher's key of a name -> its type
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")

    def add(self, names: dict[str, str]) -> None:
        """Add names (text -> entity type); a name given again takes its new type."""
        for name, label in names.items():
            if name in self.names:
                self.matcher.remove(name)
            self.names[name] = label
            self.matcher.add(name, [self.nlp.make_doc(name)])
            self._types[self.nlp.vocab.strings.add(name)] = label

    @property
    def labels(self) -> tuple[str, ...]:
        """The entity types it gives (spaCy lists them in the pipeline's meta.json)."""
        return tuple(sorted(set(self.names.values())))

    def __call__(self, doc: Doc) -> Doc:
        found = [Span(doc, start, end, label=self._types[key]) for key, start, end in self.matcher(doc)]
        if not found:
            return doc
        ents = list(doc.ents)
        if self.retype:
            known = {(span.start, span.end): span for span in found}
            ents = [known.get((ent.start, ent.end), ent) for ent in ents]
        doc.ents = prioritize_existing_ents_filter(ents, found)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "names.json").write_text(json.dumps(self.names, ensure_ascii=False, indent=0, sort_keys=True), "utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> NameGazetteer:
        self.add(json.loads((Path(path) / "names.json").read_text(encoding="utf-8")))
        return self


@Language.factory(GAZETTEER, default_config={"retype": False})
def make_name_gazetteer(nlp: Language, name: str, retype: bool) -> NameGazetteer:
    return NameGazetteer(nlp, retype)


def settled_types(ents: list[Span]) -> dict[tuple[str, ...], str]:
    """The type each name (its words) takes in the document: its most frequent, unless two are tied."""
    counts: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for ent in ents:
        counts[tuple(t.text for t in ent)][ent.label_] += 1
    types = {}
    for words, labels in counts.items():
        (label, most), *rest = labels.most_common(2)
        if not rest or rest[0][1] < most:
            types[words] = label
    return types


def untagged_repeats(doc: Doc, types: dict[tuple[str, ...], str], min_words: int) -> list[Span]:
    """Spans where a name of `types` (of `min_words` words or more) recurs on tokens no entity covers."""
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in types:
        if len(words) >= min_words:
            by_first[words[0]].append(words)
    found = []
    for token in doc:
        for words in by_first.get(token.text, ()):
            end = token.i + len(words)
            repeat = end <= len(doc) and tuple(t.text for t in doc[token.i : end]) == words
            if repeat and not covered.intersection(range(token.i, end)):
                found.append(Span(doc, token.i, end, label=types[words]))
    return filter_spans(found)


def short_names(types: dict[tuple[str, ...], str]) -> set[tuple[str, ...]]:
    """The ends of the people's names of `types`, from each capitalised word after the first: ("Jan", "Van",
    "den", "Bossche") gives ("Van", "den", "Bossche") and ("Bossche",). Names of more than `LONGEST_NAME`
    words are no one's name: they give none (which also bounds the search for them)."""
    return {
        words[k:]
        for words, label in types.items()
        if label == "PER" and len(words) <= LONGEST_NAME
        for k in range(1, len(words))
        if words[k][:1].isupper()
    }


def short_name_mentions(doc: Doc, ents: list[Span], types: dict[tuple[str, ...], str]) -> list[Span]:
    """`ents` with every mention of a person by the end of their name (`short_names`) a person: an entity that
    is exactly such an end retyped, untagged words that are one (the longest) tagged."""
    ends = short_names(types)
    if not ends:
        return ents
    firsts = {words[0] for words in ends}
    out = []
    for ent in ents:
        if ent.label_ != "PER" and tuple(t.text for t in ent) in ends:
            ent = Span(doc, ent.start, ent.end, label="PER")
        out.append(ent)
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    start = 0
    for token in doc:
        if token.i < start or token.i in covered or token.text not in firsts:
            continue
        free = 0  # the untagged words from this one on, up to the longest end
        while free < LONGEST_NAME - 1 and token.i + free < len(doc) and token.i + free not in covered:
            free += 1
        for length in range(free, 0, -1):
            if tuple(t.text for t in doc[token.i : token.i + length]) in ends:
                out.append(Span(doc, token.i, token.i + length, label="PER"))
                start = token.i + length
                break
    return out


class NameConsistency:
    """Give each name one type per document (see the module's docstring)."""

    def __init__(self, fill_repeats: bool, min_words: int, short_names: bool = False) -> None:
        self.fill_repeats = fill_repeats
        self.min_words = min_words
        self.short_names = short_names

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        types = settled_types(ents)
        retyped = []
        for ent in ents:
            label = types.get(tuple(t.text for t in ent), ent.label_)
            retyped.append(ent if label == ent.label_ else Span(doc, ent.start, ent.end, label=label))
        doc.ents = retyped
        if self.fill_repeats:
            doc.ents = [*retyped, *untagged_repeats(doc, types, self.min_words)]
        if self.short_names:
            doc.ents = short_name_mentions(doc, list(doc.ents), types)
        return doc


@Language.factory(CONSISTENCY, default_config={"fill_repeats": True, "min_words": 2, "short_names": False})
def make_name_consistency(
    nlp: Language, name: str, fill_repeats: bool, min_words: int, short_names: bool
) -> NameConsistency:
    return NameConsistency(fill_repeats, min_words, short_names)
