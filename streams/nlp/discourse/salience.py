"""Salience: how prominent each participant is at a point of the text.

Every body mention of a participant outside quote marks is an event weighted by its grammatical role
(the subject of a clause counts more than an object, a name inside a complement or a list less), and
every quote attributed to it is an event of its own. A participant's salience at a point is the sum of
its earlier events, halved for each sentence back and reduced again across a paragraph break, after
Lappin and Leass (1994). With a dependency parse (French, English) roles come from it; without one
(Dutch) from the words around the mention.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from streams.textrules import Rule, rule

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

WEIGHTS = {"speaker": 3.0, "subject": 2.0, "object": 1.0, "complement": 0.5, "list": 0.5}
SENTENCE_DECAY = 0.5
PARAGRAPH_DECAY = 0.6
HORIZON = 5  # sentences back that still count

# On RE2, each lookahead read as context after group 1 (or 2), found with `.around()`: a sentence ends after the
# spaces that follow a full stop when a capital comes next (the spaces taken whole: giving one back could not
# bring a capital closer), or at a line break; a paragraph at a blank line, or a line break before a quote mark.
_SENTENCE_END = rule(
    "nlp.discourse.sentence_end",
    r"([.!?…][\"'»”’)]*\s+)[\"'«“„]?\s?[A-ZÀ-ÖØ-Þ0-9]|(\n\s*)",
)
_PARAGRAPH = rule("nlp.discourse.paragraph", r"(\n\s*\n)|(\n)\s*[«\"“„]")


def _ends(found: Rule, text: str) -> list[int]:
    """Where the match proper (group 1, or 2) of each match of a rule above ends; the full stop of "M." or of an
    initial ends no sentence (a line break after it still does)."""
    return [
        max(m.end(1), m.end(2))
        for m in found.around(text, (1, 2), before=0)
        if m.start(1) < 0 or not _after_initial(text, m.start(1)) or "\n" in text[m.start(1) : m.end(1)]
    ]


def _after_initial(text: str, i: int) -> bool:
    """Whether text[i] is the full stop of a lone capital: "M. Feller", "J. Dupont"."""
    if text[i] != "." or i < 1 or not "A" <= text[i - 1] <= "Z":
        return False
    return i == 1 or not (text[i - 2].isalnum() or text[i - 2] == "_")


_PREPOSITIONS = frozenset(
    "de du des d' d’ à au aux par pour avec sans chez contre sur sous dans entre vers selon comme "
    "van voor met door bij naar over aan op in uit zonder tegen tussen als "
    "of for with by at to from about against into on in as like".split()
)
_LIST_WORDS = frozenset("et ou ni en of and or".split())
# Lower-case words of a title phrase before a name: "le ministre de la Justice", "schepen voor Cultuur".
_TITLE_LINKS = frozenset("le la l' de du des van voor the of for het de".split())


@dataclass(frozen=True, slots=True)
class Event:
    """Something that makes a participant salient: a mention or an attributed quote."""

    pos: int
    sentence: int
    paragraph: int
    participant: int  # index into the discourse's participants
    weight: float
    source: str = "name"  # "name", "anaphor" (a pronoun or description resolved to it) or "quote" (it spoke)


class Layout:
    """Sentence and paragraph starts of a text outside its quotes, for locating positions.

    What a speaker is quoted as saying does not move the discourse on: sentences inside quote marks, and
    paragraph breaks before a paragraph that continues a quotation, are not counted.
    """

    def __init__(self, text: str, sentence_starts: list[int] | None = None, quoted: list[tuple[int, int]] = ()) -> None:
        spans = sorted(quoted)
        starts = sentence_starts or [0, *_ends(_SENTENCE_END, text)]
        self.sentences = [p for p in starts if not _inside(spans, p)]
        breaks = _ends(_PARAGRAPH, text)
        self.paragraphs = [0, *(p for p in breaks if not _inside(spans, p) and not _opens_quote(text, p, spans))]

    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.sentences, pos) - 1

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraphs, pos) - 1


class Roles:
    """The grammatical role of a mention: from the dependency parse when there is one, else from its context."""

    def __init__(self, text: str, doc: Doc | None) -> None:
        self.text = text
        self.doc = doc if doc is not None and doc.has_annotation("DEP") else None
        # the tokens' offsets from the doc's array: a Token object per word costs more than the whole lookup
        self._starts = self.doc.to_array("IDX").tolist() if self.doc is not None else []

    def of(self, start: int, end: int) -> str:
        if self.doc is not None:
            return self._parsed(start, end)
        return self._guessed(start)

    def _parsed(self, start: int, end: int) -> str:
        doc = self.doc
        first = bisect.bisect_right(self._starts, start) - 1
        last = bisect.bisect_left(self._starts, end)
        inside = [t for t in doc[max(first, 0) : last] if start <= t.idx < end]
        if not inside:
            return "object"
        token = next((t for t in inside if not (start <= t.head.idx < end) or t.head == t), inside[0])
        steps = 0
        while token.dep_ in ("appos", "flat", "flat:name", "compound", "fixed", "amod") and steps < 4:
            token, steps = token.head, steps + 1
        dep = token.dep_
        if dep.startswith("nsubj") or dep == "csubj":
            return "object" if _subordinate(token.head) else "subject"
        if dep == "conj" or any(c.dep_ == "conj" for c in token.children):
            return "list"
        if dep in ("obj", "dobj", "iobj", "obl:arg", "attr", "dative"):
            return "object"
        if dep in ("nmod", "obl", "obl:mod", "obl:agent", "pobj", "poss", "nmod:poss"):
            return "complement"
        return "object"

    def _guessed(self, start: int) -> str:
        """Without a parse: a name that opens its clause, maybe after its title, is the subject."""
        before = self.text[max(0, start - 60) : start]
        cut = max(before.rfind(c) for c in '.!?\n:;«»"“”')
        words = before[cut + 1 :].split()
        if not words:
            return "subject"
        last = words[-1].casefold()
        if last in _PREPOSITIONS:
            return "complement"
        if last in _LIST_WORDS or words[-1].endswith(","):
            return "list" if len(words) > 2 else "subject"
        if all(w[:1].isupper() or w.casefold() in _TITLE_LINKS for w in words):
            return "subject"  # "Schepen voor Jeugd Fien Van Acker", "De burgemeester X"
        if len(words) <= 2 and words[0][:1].isupper():
            return "subject"  # "Maandag zei X": Dutch verb-second, the subject after the verb
        return "object"


# Clauses that hang from another one: their subject is less a topic of the text than a main clause's ("Testcom
# lowered its outlook, citing aggressive pricing after Valtel launched cheaper plans": the text is about Testcom).
_SUBORDINATE_DEPS = frozenset("advcl acl acl:relcl relcl ccomp xcomp csubj".split())


def _subordinate(verb: Token) -> bool:
    """Whether a verb heads a subordinate clause: by its relation, or a subordinating conjunction of its own."""
    return verb.dep_ in _SUBORDINATE_DEPS or any(child.dep_ == "mark" for child in verb.children)


def score(events: list[Event], pos: int, layout: Layout, horizon: int = HORIZON) -> dict[int, float]:
    """Participant index -> salience at `pos`, from the events before it. The quotes of one speaker in one
    sentence are one turn, and count once: a quotation cut in two by its cue is not said twice."""
    here, paragraph = layout.sentence(pos), layout.paragraph(pos)
    out: dict[int, float] = {}
    turns: set[tuple[int, int]] = set()
    for event in events:
        if event.pos >= pos:
            continue
        back = here - event.sentence
        if back > horizon:
            continue
        if event.source == "quote":
            if (event.participant, event.sentence) in turns:
                continue
            turns.add((event.participant, event.sentence))
        value = event.weight * SENTENCE_DECAY**back * PARAGRAPH_DECAY ** (paragraph - event.paragraph)
        out[event.participant] = out.get(event.participant, 0.0) + value
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return k >= 0 and spans[k][0] < pos < spans[k][1]


def _opens_quote(text: str, pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the paragraph at `pos` opens with a quote (a quotation running on over paragraphs)."""
    k = bisect.bisect_left(spans, (pos, -1))
    return k < len(spans) and spans[k][0] == pos
