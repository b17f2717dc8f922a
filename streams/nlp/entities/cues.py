"""Candidates the model missed, from wire conventions: named passes over one `Coverage` of the body.

Each pass reads the body, adds rule candidates where no candidate stands yet, and may drop a model
span that a stronger cue contradicts. The passes run in the order of `PASSES`; each sees what the
earlier ones found. The caller's list of candidates is never changed.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from streams.nlp.discourse.gender import first_name_gender
from streams.nlp.entities import linking
from streams.nlp.entities.candidates import CAPITALISED_RUN, Candidate
from streams.nlp.entities.words import NAME_WORD, NAME_WORD_RE2, is_title
from streams.nlp.lexicon import FUNCTION_WORDS, NOT_ENTITIES, ORG_WORDS, SPEECH_CUES, TITLES
from streams.nlp.types import EntityType
from streams.textrules import rule
from streams.wire.lexicon import AGENCIES, MONTHS, WEEKDAYS

# The rules below run on RE2, a lookbehind written as one character of context before group 1 and found with
# `.around()`. A name ends the match greedily (at its longest, so nothing word-like follows it): a lookahead
# there never decided anything, and is left out.
_AFTER_CUE = "anchored by match() at the end of a cue word; reads the spaces and at most three name words after it"
# Two or three capitalised words (particles allowed inside): a person's name after a cue.
_PERSON_AFTER = rule(
    "nlp.entities.person_after",
    rf"\s+((?:{NAME_WORD})(?:\s+(?:(?:de|van|der|den|von|du|le|la|ter|ten|De|Van|Le|La|Von|Du|Der|Den)\s+)?"
    rf"{NAME_WORD}){{1,2}})",
    engine="re",
    fallback=_AFTER_CUE,
)
_ACRONYM_TOKEN = r"[A-Z](?:[A-Z]|[&-](?=[A-Z]))+"
# For RE2: a "&" or "-" with the capital after it (the acronym is followed by a space or a hyphen below).
_ACRONYM_TOKEN_RE2 = r"[A-Z](?:[A-Z]|[&-][A-Z])+"
# A title, a party acronym and a name: "le député N-VA Wannes Claeysens", "het CD&V-Kamerlid" is not one. The
# title is a whole run of [\w'’-] (it is followed by a space), so it starts where the run starts, as the
# lookbehind (?<![\w'’]) had it: no context needed, `finditer` will do.
_TITLE_PARTY_NAME = rule(
    "nlp.entities.title_party_name",
    rf"([\w'’-]+)\s+({_ACRONYM_TOKEN_RE2})\s+((?:{NAME_WORD_RE2})(?:\s+{NAME_WORD_RE2}){{1,2}})",
)
# "Vooruit-voorzitter Conner Rousseau": an organisation glued to a title, then a name.
_PARTY_TITLE_NAME = rule(
    "nlp.entities.party_title_name",
    rf"(?:^|[^\w'’-])((?:{NAME_WORD_RE2}\s+)?(?:{NAME_WORD_RE2}|{_ACRONYM_TOKEN_RE2}))-([a-zà-ÿA-Z][a-zà-ÿ]+)"
    rf"\s+((?:{NAME_WORD_RE2})(?:\s+(?:(?:de|van|der|den|De|Van|Der|Den)\s+)?{NAME_WORD_RE2}){{1,2}})",
)
_BRACKETED = rule(
    "nlp.entities.bracketed",
    rf"\s*\(((?:{NAME_WORD})(?:\s+{NAME_WORD}){{0,2}})\)",
    engine="re",
    fallback="anchored by match() at the end of a person's name; reads up to the bracket after at most three words",
)
# An acronym on its own, or heading a compound ("N-VA-fractieleider", "CD&V-Kamerlid"): it starts a run of
# [\w'’&.-] (the lookbehind), found on RE2 with the character after it; the acronym rule proper then reads
# that window only.
_ACRONYM_RUN = rule("nlp.entities.acronym_run", r"(?:^|[^\w'’&.-])([A-Z][A-Z&-][\w'’&.-]*)")
_ACRONYM_WORD = rule(
    "nlp.entities.acronym_word",
    rf"(?<![\w'’&.-])(?:{_ACRONYM_TOKEN})(?![\w'’&]|-[\w])"
    rf"|(?<![\w'’&.-])(?:{_ACRONYM_TOKEN})(?=-[A-ZÀ-Þ]?[a-zà-ÿ]+\b)",
    engine="re",
    fallback="anchored by match() at the start of one run of nlp.entities.acronym_run and read up to the character"
    " after it: the acronym's letters once, given back once",
)
# A lower-case organisation noun, at most one lower-case word, then a name: "la société Bâtiroute".
_ORGANISATION_NOUN_NAME = rule(
    "nlp.entities.organisation_noun_name",
    r"(?:^|[^\w'’-])(société|groupe|entreprise|firme|compagnie|constructeur|brasseur|assureur|banque|holding|"
    r"start-up|biotech|bedrijf|groep|onderneming|firma|bouwer|brouwer|verzekeraar|company|firm|group|carmaker|"
    r"brewer|insurer|lender|airline|retailer|maker|startup)"
    rf"(?:\s+[a-zà-ÿ]{{3,}})?\s+({NAME_WORD_RE2}(?:\s+{NAME_WORD_RE2}){{0,2}})",
)
# A capitalised first name and a surname in capitals ("Mireille FAURE", "Jean-Marc DE SMET"): group 1, first
# name and surname in groups 2 and 3; a character of context on each side (the lookarounds), a surname given
# back (to one word, or fewer capitals) where a word character follows, as the lookahead had it.
_FIRST_NAME_CAPITALS = rule(
    "nlp.entities.first_name_capitals",
    r"(?:^|[^\w'’-])(([A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?)\s+"
    r"([A-ZÀ-Þ][A-ZÀ-Þ'’-]+(?:\s[A-ZÀ-Þ][A-ZÀ-Þ'’-]+)?))(?:[^\w'’&-]|$)",  # not "CD" of "CD&V"
)
_ORG = linking.Link("org:x", "ORG", "rule")
_ARTICLES = frozenset("le la les l un une des du de het een the an".split())  # "Le" is a first name too
_TITLES_AND_CUES = TITLES | SPEECH_CUES  # one look-up for each word of a body
# The words of WORD_RE without its single marks, none of which is a title or a cue: a body's words are read alone.
_WORD_RUN = rule(
    "nlp.entities.word_run", r"[\w'’-]+", engine="re", fallback="one class repeated: each character read once"
)
# Capitals that are not organisations.
_NOT_ACRONYMS = frozenset(
    "ceo cfo coo cto eur usd gbp jpy chf pib bnp gdp vat tva btw pdf tv ok ii iii iv vi vii viii ix xi xii xiii "
    "xiv xv xx ai ia it id sms gps dna adn km kg am pm ko nb ip ppm ebitda ebit ipo eps roi hr faq".split()
)


class Coverage:
    """Which characters of a body a candidate already holds, and the candidates kept, added and dropped.

    `kept` starts as the candidates given (the model's) and loses those a cue contradicts, to
    `dropped`; `added` holds the rule candidates of the passes. A bytearray marks the covered
    characters, so that an overlap test costs the length of the span.
    """

    def __init__(self, body: str, found: Iterable[Candidate]) -> None:
        self.kept: list[Candidate] = list(found)
        self.added: list[Candidate] = []
        self.dropped: list[Candidate] = []
        self._size = len(body) + 1
        self._covered = bytearray(self._size)
        self._cover(self.kept)

    @property
    def candidates(self) -> list[Candidate]:
        """The kept candidates, then the added ones."""
        return self.kept + self.added

    def free(self, start: int, end: int) -> bool:
        """Whether no candidate holds a character of body[start:end]."""
        return not any(self._covered[start:end])

    def add(self, text: str, start: int, kind: EntityType) -> None:
        """A rule candidate for `text`, found at `start`; its characters are covered from now on."""
        self.added.append(Candidate(text, start, start + len(text), kind, source="rule"))
        self._covered[start : start + len(text)] = b"\x01" * len(text)

    def drop(self, start: int, end: int) -> None:
        """Drop the kept candidates that overlap body[start:end] (added ones stay) and uncover their characters."""
        self.dropped += [c for c in self.kept if c.start < end and start < c.end]
        self.kept = [c for c in self.kept if not (c.start < end and start < c.end)]
        self._cover(self.kept + self.added)

    def retype(self, start: int, end: int, old: EntityType, new: EntityType) -> None:
        """The kept candidate of type `old` that spans exactly body[start:end] becomes `new`."""
        self.kept = [
            replace(c, type=new) if (c.start, c.end) == (start, end) and c.type == old else c for c in self.kept
        ]

    def _cover(self, cands: list[Candidate]) -> None:
        self._covered[:] = bytes(self._size)
        for c in cands:
            self._covered[c.start : c.end] = b"\x01" * (c.end - c.start)


def title_party_name(body: str, coverage: Coverage) -> None:
    """ "le député N-VA Wannes Claeysens": a title, a party acronym, a name -> ORG + PER, over the model's spans."""
    for match in _TITLE_PARTY_NAME.finditer(body):
        if not is_title(match.group(1)) or match.group(2).casefold() in AGENCIES:
            continue
        coverage.drop(match.start(2), match.end(3))
        known = linking.lookup(match.group(2))
        coverage.add(match.group(2), match.start(2), known.type if known is not None else "ORG")
        coverage.add(match.group(3), match.start(3), "PER")


def party_title_name(body: str, coverage: Coverage) -> None:
    """ "Vooruit-voorzitter Conner Rousseau": an organisation glued to a title, then a name -> ORG + PER."""
    for match in _PARTY_TITLE_NAME.around(body, 3):
        if not is_title(match.group(2)) or match.group(1).casefold() in AGENCIES:
            continue  # "Vlaams Belang-Kamerlid Barbara Pas", "KRC Genk-middenvelder Jan Peeters"
        org, org_start = match.group(1), match.start(1)
        first = org.split()[0]
        if " " in org and first.casefold() in FUNCTION_WORDS:
            org_start += org.index(org.split()[1])  # "Ook PVDA-fractieleider ...": not "Ook PVDA"
            org = body[org_start : match.end(1)]
        coverage.drop(org_start, match.end(3))
        known = linking.lookup(org)
        coverage.add(org, org_start, known.type if known is not None else "ORG")
        coverage.add(match.group(3), match.start(3), "PER")


def name_after_title_or_verb(body: str, coverage: Coverage) -> None:
    """A person's name (two or three capitalised words) right after a title or a verb of saying -> PER."""
    for word in _WORD_RUN.finditer(body):
        if word.group().casefold() not in _TITLES_AND_CUES:
            continue
        match = _PERSON_AFTER.match(body, word.end())
        if match is None or not coverage.free(*match.span(1)):
            continue
        words = match.group(1).split()
        folded = [w.casefold() for w in words]
        if any(f in TITLES or f in WEEKDAYS or f in MONTHS or f in AGENCIES or f in ORG_WORDS for f in folded):
            continue
        if linking.lookup(match.group(1)) is not None or any(w.isupper() and len(w) > 1 for w in words):
            continue
        coverage.add(match.group(1), match.start(1), "PER")


def bracketed_party(body: str, coverage: Coverage) -> None:
    """ "Adrien Dolimont (MR)": the party in brackets after a person -> ORG (a model's MISC there too)."""
    for cand in [c for c in coverage.candidates if c.type == "PER"]:
        match = _BRACKETED.match(body, cand.end)
        if match is None or match.group(1).casefold() in AGENCIES:
            continue
        if coverage.free(*match.span(1)):
            coverage.add(match.group(1), match.start(1), "ORG")
        else:
            coverage.retype(*match.span(1), "MISC", "ORG")


def acronyms(body: str, coverage: Coverage) -> None:
    """Acronyms ("CD&V", "PVDA") -> ORG, or what the gazetteers say ("RDC" -> LOC); not in a line of capitals."""
    for match in acronym_words(body):
        text = match.group()
        if (
            not coverage.free(match.start(), match.end())
            or text.casefold() in NOT_ENTITIES
            or text.casefold() in AGENCIES
        ):
            continue
        if text.casefold() in _NOT_ACRONYMS or _in_caps_line(body, match.start()):
            continue
        known = linking.lookup(text)
        coverage.add(text, match.start(), known.type if known is not None else "ORG")


def acronym_words(body: str) -> Iterator[re.Match[str]]:
    """The acronyms of a body: a run of [\\w'’&.-] found on RE2, then the acronym rule on that run and the
    character after it (all its lookarounds read), as the rule found them over the whole body."""
    for run in _ACRONYM_RUN.finditer(body):
        match = _ACRONYM_WORD.match(body, run.start(1), run.end(1) + 1)
        if match is not None:
            yield match


def known_names(body: str, coverage: Coverage) -> None:
    """Countries, curated names (aliases) and hyphenated towns ("Marchienne-au-Pont") the gazetteers know; one
    replaces the model's part of it ("Euronext Brussels", "Heist-op-den-Berg" where the model saw only
    "Brussels", "Heist")."""
    for match in CAPITALISED_RUN.around(body):
        name = match.group(1)
        known = linking.lookup(name, "LOC" if _hyphenated(name) else None)  # a town of any size, hyphenated
        if known is None or len(name) < 2:
            continue
        if known.source not in ("alias", "country") and not (known.source == "city" and _hyphenated(name)):
            continue
        start, end = match.span(1)
        if (" " in name or "-" in name) and not coverage.free(start, end):
            kept = coverage.kept
            inside = [c for c in kept if start <= c.start and c.end <= end and (c.start, c.end) != (start, end)]
            outside = [c for c in kept if c.start < end and start < c.end and c not in inside]
            if inside and not outside:  # "Euronext Brussels": the model saw only "Brussels"
                coverage.drop(start, end)
        if coverage.free(start, end):
            coverage.add(match.group(1), start, known.type)


def _hyphenated(name: str) -> bool:
    """One word of hyphenated parts, each of two letters or more: "Braine-l'Alleud", not "Jean-Marc Dupont"."""
    return " " not in name and "-" in name and all(len(part) >= 2 for part in name.split("-"))


def name_after_organisation_noun(body: str, coverage: Coverage) -> None:
    """ "la société Bâtiroute", "le constructeur automobile Carlam", "het bedrijf Vanbelle", "the company
    Proximus": the name an organisation noun introduces is an organisation, whatever the model typed."""
    for match in _ORGANISATION_NOUN_NAME.around(body, 2):
        start, end = match.span(2)
        name = match.group(2)
        if name.casefold() in FUNCTION_WORDS or (linking.lookup(name) or _ORG).type != "ORG":
            continue
        if coverage.free(start, end):
            coverage.add(name, start, "ORG")
        else:
            for old in ("PER", "LOC", "MISC"):
                coverage.retype(start, end, old, "ORG")


def first_name_and_capitals(body: str, coverage: Coverage) -> None:
    """ "Mireille FAURE", "Odile RENAUD": a known first name and a surname in capitals, the French wire's way
    of writing names -> PER (in place of whatever the model made of part of it)."""
    for match in _FIRST_NAME_CAPITALS.around(body):
        first, surname = match.group(2), match.group(3)
        if first_name_gender(first) is None or first.casefold() in _ARTICLES or _in_caps_line(body, match.start(1)):
            continue
        if surname.casefold() in AGENCIES or surname.casefold() in NOT_ENTITIES or linking.lookup(surname):
            continue
        coverage.drop(*match.span(1))
        coverage.add(match.group(1), match.start(1), "PER")


PASSES: tuple[Callable[[str, Coverage], None], ...] = (
    title_party_name,
    party_title_name,
    name_after_title_or_verb,
    name_after_organisation_noun,
    first_name_and_capitals,
    bracketed_party,
    acronyms,
    known_names,
)


def cue_candidates(body: str, found: list[Candidate]) -> list[Candidate]:
    """The candidates after every pass: those of `found` no cue contradicts, then the ones the cues add.

    `found` itself is left as it is.
    """
    coverage = Coverage(body, found)
    for run in PASSES:
        run(body, coverage)
    return coverage.candidates


def _in_caps_line(body: str, pos: int) -> bool:
    """Whether `pos` lies in a line written in capitals (a slug or headline), where caps mean nothing."""
    starts, in_caps = _lines(body)
    return in_caps[bisect.bisect_right(starts, pos) - 1]


@functools.lru_cache(maxsize=2)
def _lines(body: str) -> tuple[list[int], list[bool]]:
    """Where each line of a body starts and whether it is written in capitals: each line judged once, not once
    per acronym or name in it (a long line of them took the square of its length)."""
    starts, in_caps, start = [], [], 0
    while True:
        end = body.find("\n", start)
        letters = [c for c in body[start : end if end >= 0 else len(body)] if c.isalpha()]
        starts.append(start)
        in_caps.append(len(letters) > 12 and sum(c.isupper() for c in letters) > 0.6 * len(letters))
        if end < 0:
            return starts, in_caps
        start = end + 1
