"""The title or function a dispatch gives a person, next to one of its mentions."""

from __future__ import annotations

from streams.nlp.entities.words import WORD_RE, at_sentence_start, is_title
from streams.nlp.lexicon import ROLE_BREAKERS, ROLE_LINKS, SPEECH_CUES
from streams.nlp.types import Entity
from streams.textrules import rule

# An elided article or preposition at a word's start: "l'", "d'" ("l'échevine", "d'Anvers").
ELIDED = rule(
    "nlp.entities.roles.elided", r"^[lLdD]['’]", engine="re", fallback="anchored at a word's start, two characters"
)
_COMMA = rule(
    "nlp.entities.roles.comma",
    r"\s*,\s*",
    engine="re",
    fallback="anchored by match() at a name's end: spaces read once",
)


def find_role(body: str, entity: Entity) -> str | None:
    """The title or function the dispatch gives a person, before ("le ministre des Affaires
    étrangères Sergueï Lavrov") or after ("John Bolton, conseiller à la sécurité nationale,") a mention."""
    for mention in entity.mentions:
        if mention.section != "body":
            continue
        role = _role_before(body, mention.start) or _role_after(body, mention.end)
        if role:
            return role
    return None


def _role_before(body: str, start: int) -> str | None:
    """The title phrase right before a name: from the title nearest the name, widened to the titles and
    capitalised words glued to its left ("Premier ministre", "Environment Secretary", "KRC Genk-middenvelder")."""
    window = body[max(0, start - 160) : start]
    tokens = list(WORD_RE.finditer(window))
    if not tokens or tokens[-1].group().casefold() in ROLE_LINKS or tokens[-1].group() in ("'", "’"):
        return None  # "le conseiller de Donald Trump": Trump is the complement, not the adviser
    nearest = None
    for k in range(len(tokens) - 1, max(-1, len(tokens) - 10), -1):
        word = tokens[k].group()
        low = word.casefold()
        if not (word[0].isalnum() or word in "'’-") or low in ROLE_BREAKERS or low in SPEECH_CUES:
            break
        if is_title(word):
            nearest = k
            break
    if nearest is None:
        return None
    first = nearest
    while first > 0 and first > nearest - 3:
        word = tokens[first - 1].group()
        glued = word[:1].isupper() and (tokens[nearest].group()[:1].isupper() or "-" in tokens[nearest].group())
        if not (is_title(word) or word.casefold() in _ROLE_MODIFIERS or glued) or word.casefold() in ROLE_BREAKERS:
            break
        if (
            glued
            and not is_title(word)
            and "-" not in tokens[nearest].group()
            and not word.isupper()
            and at_sentence_start(window, tokens[first - 1].start())
        ):
            break  # "Yesterday Prime Minister ...": a sentence's first word is no modifier
        first -= 1
    text = window[tokens[first].start() :].strip()
    text = ELIDED.sub("", text)
    return text.strip(" ,") or None


_ROLE_MODIFIERS = frozenset("ancien ancienne ex vice nouveau nouvelle futur future former new deputy acting".split())


def _role_after(body: str, end: int) -> str | None:
    match = _COMMA.match(body, end)
    if match is None:
        return None
    rest = body[match.end() : match.end() + 160]
    tokens = list(WORD_RE.finditer(rest))
    k = 0
    while k < len(tokens) and tokens[k].group().casefold() in ("le", "la", "l'", "l’", "the", "de", "het", "a", "an"):
        k += 1
    if k >= len(tokens) or not is_title(tokens[k].group()):
        return None
    stop = len(rest)
    for token in tokens[k + 1 : k + 14]:
        word = token.group()
        if (
            word in (",", ".", ";", ":", "(", ")", "«", "»", '"', "“", "”")
            or word.casefold() in ROLE_BREAKERS - ROLE_LINKS
        ):
            stop = token.start()
            break
    else:
        return None
    return rest[tokens[k].start() : stop].strip() or None
