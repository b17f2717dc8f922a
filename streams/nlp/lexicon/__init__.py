"""The word lists of the entity and quote stages, as data: extend them in the module of their language.

`fr`, `nl`, `en` and `de` hold each language's words; `shared` what no one language owns. The sets
below are what the stages read: the union of every language's part, since a dispatch in one language
quotes titles and names from the others. Month, weekday and agency names are the wire's
(`streams.wire.lexicon`).
"""

from __future__ import annotations

from streams.nlp.lexicon import de, en, fr, nl, shared
from streams.nlp.lexicon.shared import MONTH_WORDS, NAME_PARTICLES, NEUTRAL, QuoteLexicon
from streams.wire.lexicon import WEEKDAYS

__all__ = [
    "ABBREVIATIONS",
    "COMPANY_NOUNS",
    "DEMONYM_ENDINGS",
    "DOCUMENT_NOUNS",
    "EN_NOT_A_CLAUSE",
    "EVENTS",
    "FUNCTION_WORDS",
    "LEXICONS",
    "MINISTER_TITLES",
    "MONTH_WORDS",
    "NAME_PARTICLES",
    "NEUTRAL",
    "NL_IMPERSONAL_CUES",
    "NL_VERB_HINTS",
    "NOT_ENTITIES",
    "ORG_NOUNS",
    "ORG_WORDS",
    "PERSON_TITLES",
    "PORTFOLIOS",
    "POSSESSIVE_PRONOUNS",
    "ROLE_BREAKERS",
    "ROLE_LINKS",
    "SINGULAR_INDEFINITE",
    "SPEECH_CUES",
    "SPEECH_NOUNS",
    "TIME_NOUNS",
    "TITLES",
    "UNNAMED_NOUNS",
    "WEEKDAYS",
    "WORK_NOUNS",
    "QuoteLexicon",
]

# --- entities: titles, portfolios and the words that make or break a name
TITLES = fr.TITLES | nl.TITLES | en.TITLES | de.TITLES
MINISTER_TITLES = fr.MINISTER_TITLES | nl.MINISTER_TITLES | en.MINISTER_TITLES
PORTFOLIOS = fr.PORTFOLIOS | nl.PORTFOLIOS | en.PORTFOLIOS
EVENTS = shared.EVENTS
NOT_ENTITIES = shared.TIME_ZONES | fr.NOT_ENTITIES | nl.NOT_ENTITIES | en.NOT_ENTITIES
DEMONYM_ENDINGS = fr.DEMONYM_ENDINGS
ROLE_BREAKERS = fr.ROLE_BREAKERS | nl.ROLE_BREAKERS | en.ROLE_BREAKERS
ROLE_LINKS = fr.ROLE_LINKS | nl.ROLE_LINKS | en.ROLE_LINKS
SPEECH_CUES = fr.SPEECH_CUES | nl.SPEECH_CUES | en.SPEECH_CUES
FUNCTION_WORDS = fr.FUNCTION_WORDS | nl.FUNCTION_WORDS | en.FUNCTION_WORDS
ORG_WORDS = fr.ORG_WORDS | nl.ORG_WORDS | en.ORG_WORDS

# --- quotes: each language's lexicon, and the nouns that tell who or what a speaker phrase names
LEXICONS: dict[str, QuoteLexicon] = {"fr": fr.QUOTES, "nl": nl.QUOTES, "en": en.QUOTES}
PERSON_TITLES = fr.PERSON_TITLES | nl.PERSON_TITLES | en.PERSON_TITLES
UNNAMED_NOUNS = fr.UNNAMED_NOUNS | nl.UNNAMED_NOUNS | en.UNNAMED_NOUNS
ORG_NOUNS = fr.ORG_NOUNS | nl.ORG_NOUNS | en.ORG_NOUNS
COMPANY_NOUNS = fr.COMPANY_NOUNS | nl.COMPANY_NOUNS | en.COMPANY_NOUNS
DOCUMENT_NOUNS = fr.DOCUMENT_NOUNS | nl.DOCUMENT_NOUNS | en.DOCUMENT_NOUNS
WORK_NOUNS = fr.WORK_NOUNS | nl.WORK_NOUNS | en.WORK_NOUNS
TIME_NOUNS = fr.TIME_NOUNS | nl.TIME_NOUNS | en.TIME_NOUNS
SPEECH_NOUNS = fr.SPEECH_NOUNS | nl.SPEECH_NOUNS | en.SPEECH_NOUNS
SINGULAR_INDEFINITE = fr.SINGULAR_INDEFINITE | nl.SINGULAR_INDEFINITE | en.SINGULAR_INDEFINITE
POSSESSIVE_PRONOUNS = nl.POSSESSIVE_PRONOUNS | en.POSSESSIVE_PRONOUNS
NL_IMPERSONAL_CUES = nl.IMPERSONAL_CUES
NL_VERB_HINTS = nl.VERBS_AFTER_SOURCE
EN_NOT_A_CLAUSE = en.NOT_A_CLAUSE
ABBREVIATIONS = shared.ABBREVIATIONS | fr.ABBREVIATIONS | nl.ABBREVIATIONS | en.ABBREVIATIONS
