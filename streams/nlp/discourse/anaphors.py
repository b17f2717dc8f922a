"""Pronouns and definite descriptions of a text that may refer to a participant.

"Il dément ...", "a-t-elle ajouté", "Le souverain s'est entretenu ...", "het parket meldt", "the company
said": found outside quote marks, so the discourse model can resolve them in text order and let each
one carry its referent's salience forward.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from streams.nlp.discourse.words import BODY_NOUNS, COMPANY_NOUNS, LATTER, PRONOUNS, ROLE_NOUNS
from streams.textrules import TOKENIZER, rule

_TOKEN = rule("nlp.discourse.anaphors.token", r"[^\W\d_][\w'’-]*|\d+(?:-\w+)*|[^\w\s]", engine="re", fallback=TOKENIZER)
_INVERTED = rule(
    "nlp.discourse.inverted",
    r"-(?:t-)?(il|elle)$",
    re.IGNORECASE,
    engine="re",
    fallback="a word: at most seven characters read from each hyphen",
)
_DETERMINERS = {
    "fr": frozenset("le la l' l’".split()),
    "nl": frozenset("de het".split()),
    "en": frozenset("the".split()),
}
_MODIFIERS = frozenset(
    "nouveau nouvelle ancien ancienne jeune futur future premier première même "
    "nieuwe voormalige jonge huidige new former young current same".split()
)
# Subject pronouns only: object forms ("lui", "him", "haar") do not carry a topic forward.
_SUBJECTS = {"fr": frozenset(("il", "elle")), "nl": frozenset(("hij", "zij")), "en": frozenset(("he", "she"))}
_AGE_NOUN = rule(
    "nlp.discourse.anaphors.age_noun",
    r"\d{1,3}-(?:jarige|year-old)$",
    engine="re",
    fallback="anchored by match() at a word's start: at most 12 characters",
)


@dataclass(frozen=True, slots=True)
class Anaphor:
    """A pronoun or a definite description at `start`: `word` is the pronoun or the head noun."""

    start: int
    end: int
    kind: str  # "pronoun" | "description"
    word: str
    determiner: str = ""


def anaphors(text: str, lang: str, quoted: list[tuple[int, int]]) -> list[Anaphor]:
    """The anaphors of `text` outside the quoted spans, in text order."""
    subjects = _SUBJECTS.get(lang, frozenset())
    determiners = _DETERMINERS.get(lang, frozenset())
    roles, bodies = ROLE_NOUNS.get(lang, {}), BODY_NOUNS.get(lang, {})
    latter = LATTER.get(lang, {})
    pronouns = PRONOUNS.get(lang, {})
    # What a word must be, or hold, to be any of the anaphors below: most words are none, and are passed at once.
    possible = subjects | latter.keys() | determiners
    out: list[Anaphor] = []
    spans = sorted(quoted)
    k = 0
    tokens = list(_TOKEN.finditer(text))
    for i, match in enumerate(tokens):
        low = match.group().casefold()
        if low not in possible and "-" not in low and low[:2] not in ("l'", "l’"):
            continue
        while k < len(spans) and spans[k][1] <= match.start():
            k += 1
        if k < len(spans) and spans[k][0] <= match.start():
            continue
        inverted = _INVERTED.search(low) if lang == "fr" and "-" in low else None  # the rule reads from a hyphen
        if inverted is not None:
            start = match.end() - len(inverted.group(1))
            out.append(Anaphor(start, match.end(), "pronoun", inverted.group(1)))
        elif low in subjects:
            out.append(Anaphor(match.start(), match.end(), "pronoun", low))
        elif low in latter and i and tokens[i - 1].group().casefold() in ("ce", "cette", "the", "deze", "die"):
            previous = tokens[i - 1]
            out.append(Anaphor(previous.start(), match.end(), "pronoun", low, previous.group().casefold()))
        elif pronouns.get(low) is not None and pronouns[low].demonstrative and low.endswith(("-ci", "-là")):
            out.append(Anaphor(match.start(), match.end(), "pronoun", low))
        elif low in determiners or (lang == "fr" and low[:2] in ("l'", "l’") and len(low) > 2):
            found = _description(tokens, i, low, roles, bodies)
            if found is not None:
                out.append(found)
    return out


def _description(tokens: list[re.Match], i: int, low: str, roles: dict, bodies: dict) -> Anaphor | None:
    """ "le souverain", "l'accusé", "la nouvelle ministre", "de 23-jarige", "the company": determiner and noun."""
    start = tokens[i].start()
    if low[:2] in ("l'", "l’") and len(low) > 2:  # "l'accusé" is one token
        noun_at, determiner, noun = i, "l'", low[2:]
    else:
        j = i + 1
        while j < len(tokens) and tokens[j].group().casefold() in _MODIFIERS:
            j += 1
        if j >= len(tokens):
            return None
        noun_at, determiner, noun = j, low, tokens[j].group().casefold()
    if noun in roles or noun in bodies or noun in COMPANY_NOUNS or _AGE_NOUN.match(noun):
        if _named_after(tokens, noun_at):
            return None  # "le bourgmestre de Wellin, Gaëtan Rousseaux": the name is the mention
        return Anaphor(start, tokens[noun_at].end(), "description", noun, determiner)
    return None


_LINKS = frozenset("de du des d' d’ la le l' l’ van der den het of the for général générale adjoint adjointe".split())


# Endings of French adjectives that follow their noun: "l'actrice principale", "le coach anderlechtois", "la
# ministre socialiste", "le député fédéral".
_ADJECTIVE_ENDINGS = (
    "al", "ale", "aux", "ique", "iste", "aire", "if", "ive", "el", "elle", "ien", "ienne", "ois", "oise", "ais",
    "aise", "ain", "aine", "éen", "éenne", "and", "ande",
)  # fmt: skip


def _named_after(tokens: list[re.Match], k: int) -> bool:
    """Whether a capitalised name follows the noun in its phrase ("le ministre Jan Jambon", "parquet de Namur",
    "le bourgmestre de Wellin, Gaëtan Rousseaux", "l'actrice principale Léa Dumont")."""
    for match in tokens[k + 1 : k + 7]:
        word = match.group()
        if word[:1].isupper():
            return True
        low = word.casefold()
        if word != "," and low not in _LINKS and not (len(low) > 3 and low.endswith(_ADJECTIVE_ENDINGS)):
            return False
    return False
