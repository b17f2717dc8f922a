"""What a word or a name looks like on the wire: titles, acronyms, names, sentence starts."""

from __future__ import annotations

import functools

from streams.nlp.entities import linking
from streams.nlp.lexicon import NAME_PARTICLES, ORG_WORDS, TITLES
from streams.textrules import TOKENIZER, rule

_UPPER = "A-ZÀ-ÖØ-Þ"
# One capitalised word of a name (a regex): "Dupont", "O'Neill", "N-VA".
NAME_WORD = rf"[{_UPPER}](?:[\w'’&-]|\.(?=\w))*"
# The same for RE2, which has no lookahead: a dot with the word character after it. In the RE2 rules a name
# word is followed by a space, a hyphen or nothing more, so it never ends on a dot before a word character
# (where NAME_WORD could, and stop there): both match alike.
NAME_WORD_RE2 = rf"[{_UPPER}](?:[\w'’&-]|\.\w)*"
# Words (with their apostrophes and hyphens) and single punctuation marks.
WORD_RE = rule("nlp.entities.word", r"[\w'’-]+|[^\w\s]", engine="re", fallback=TOKENIZER)
_ELIDED = rule("nlp.entities.elided", r"^[ld]['’]", engine="re", fallback="anchored at a word's start, two characters")
_INITIAL_SPLIT = rule(
    "nlp.entities.initial_split",
    r"[\s'’]+",
    engine="re",
    fallback="one class repeated: each character read once; a name's words",
)
_SENTENCE_END = '.!?\n«»"“”:;'
# Words an acronym does not spell: "Office national de sécurité sociale" is ONSS.
_ACRONYM_SKIP = frozenset("de du des d l la le les et en van voor der den het of the and for & a à au aux".split())
# Dutch compound titles end with one of these: "fractieleider", "partijvoorzitter", "oud-premier".
_TITLE_ENDINGS = ("leider", "voorzitter", "secretaris", "minister", "woordvoerder", "kamerlid", "burgemeester")


def normalise(text: str) -> str:
    """Comparison key: no accents, case-folded, hyphens and spaces folded."""
    return linking.key(text)


# Titles written as acronyms: chief executive, financial, operating and technology officers; président-directeur
# général.
_ACRONYM_TITLES = frozenset("ceo cfo coo cto pdg pm".split())


# A dispatch asks about a few hundred words, most of them several times (each candidate's words at each correction,
# the words before each name), and the same words come back from dispatch to dispatch.
@functools.lru_cache(maxsize=1 << 14)
def is_title(word: str) -> bool:
    """Whether a word is a title or function ("ministre", "Mr", "l'ex-ministre", "N-VA-fractieleider")."""
    if sum(c.isalpha() for c in word) > 1 and word.isupper() and word.casefold() not in _ACRONYM_TITLES:
        return False  # "MR" is a party, "Mr" a title; "CEO" a title
    low = word.casefold().rstrip(".")
    low = _ELIDED.sub("", low)
    if low in TITLES or low + "." in TITLES:
        return True
    head, dash, tail = low.rpartition("-")  # "N-VA-fractieleider", "Belang-Kamerlid", "ex-ministre"
    return bool(dash and head) and (tail in TITLES or any(tail.endswith(t) for t in _TITLE_ENDINGS))


def looks_like_name(text: str) -> bool:
    """Two to four capitalised words (particles allowed), no acronym before the last: a person's name."""
    words = text.split()
    return (
        2 <= len(words) <= 4
        and all(w[0].isupper() or w.casefold() in NAME_PARTICLES for w in words)
        and not any(w.isupper() and len(w) > 1 for w in words[:-1])
    )


def has_org_word(text: str) -> bool:
    """Whether a word of the text makes it an organisation ("Banque", "Foundation", "partij")."""
    return any(w.casefold().strip(".,") in ORG_WORDS for w in text.split())


def is_acronym(text: str) -> bool:
    """One word of 2 to 8 letters, at least two of them capitals: "CD&V", "N-VA", "PvdA"."""
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 8 and " " not in text and sum(c.isupper() for c in letters) >= 2


def initials(text: str) -> str:
    """The acronym a name spells, as a comparison key: "Banque centrale européenne" -> "bce"."""
    words = _INITIAL_SPLIT.split(text)
    return normalise("".join(w[0] for w in words if w and w.casefold() not in _ACRONYM_SKIP))


def words_before(text: str, pos: int, limit: int = 10) -> list[str]:
    """The last `limit` words and marks before `pos` (of the 120 characters before it)."""
    # Most asks are for a word or five: a window a third as long holds more, and then its last ones are the long
    # window's (only a window's first word can be cut short by where the window starts).
    near = WORD_RE.findall(text[max(0, pos - 40) : pos])
    if len(near) > limit:
        return near[-limit:]
    return WORD_RE.findall(text[max(0, pos - 120) : pos])[-limit:]


def after_title(text: str, pos: int) -> bool:
    """Whether the word right before `pos` is a title."""
    before = words_before(text, pos, 1)
    return bool(before) and is_title(before[-1])


# Nouns that introduce a company, a team or a club by name: "le fabricant de panneaux Dumont", "son équipe
# Lotto-Kern", "het bedrijf Vandor", "the carmaker Stellantis".
_ORG_APPOSITION_NOUNS = frozenset(
    "entreprise société groupe firme fabricant constructeur opérateur brasseur équipe formation club "
    "bedrijf onderneming groep firma fabrikant bouwer brouwer ploeg club "
    "company firm group maker manufacturer carmaker operator brewer team club".split()
)
# Words that may stand between such a noun and the name: the noun's complement ("de panneaux isolants").
_COMPLEMENT_WORDS = frozenset("de d du des van voor of for".split())


# Prepositions of place: a lone name right after one, that a gazetteer knows as a place, is that place.
_PLACE_PREPOSITIONS = frozenset("uit in te nabij à near".split())


def after_place_preposition(text: str, pos: int) -> bool:
    """Whether the word right before `pos` is a preposition of place: "een vrouw uit Mortsel", "in Ostend"."""
    before = words_before(text, pos, 1)
    return bool(before) and before[-1].casefold() in _PLACE_PREPOSITIONS


def before_lowercase_title(text: str, end: int) -> bool:
    """Whether a name ending at `end` modifies a lower-case title right after it: "the Ghent prosecutor",
    "the Anderlecht coach" (a place or its club, never a person's name)."""
    if text[end : end + 1] != " ":
        return False
    word = WORD_RE.search(text, end + 1, min(len(text), end + 40))
    return word is not None and word.group().islower() and is_title(word.group())


def after_org_noun(text: str, pos: int) -> bool:
    """Whether the name at `pos` is in apposition to an organisation noun: "le fabricant de jouets Dumont",
    "son équipe Lotto-Kern". A complement may come between ("de panneaux isolants"), but not as the name's own
    "de": "l'équipe de Van Hoof" names its member, not the team."""
    before = words_before(text, pos, 6)
    if not before or before[-1].casefold() in _COMPLEMENT_WORDS:
        return False
    for i in range(len(before) - 1, -1, -1):
        word = _ELIDED.sub("", before[i].casefold())
        if word in _ORG_APPOSITION_NOUNS:
            return i == len(before) - 1 or before[i + 1].casefold() in _COMPLEMENT_WORDS
        if not before[i].islower() or not before[i].replace("'", "").replace("’", "").replace("-", "").isalpha():
            return False  # only lower-case words of the complement between the noun and the name
    return False


def at_sentence_start(text: str, pos: int) -> bool:
    """Whether `pos` starts the text or follows a sentence's end, a line break, a quote mark or a colon."""
    before = text[max(0, pos - 4) : pos].rstrip(" \t\u00a0\u202f")  # a line break is an end
    return not before or before[-1] in _SENTENCE_END
