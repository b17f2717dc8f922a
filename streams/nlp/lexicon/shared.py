"""What every language shares: the shape of a quote lexicon, and the words that belong to no one language.

Month, weekday and agency names are the wire's own (`streams.wire.lexicon`); they are imported, not repeated.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from streams.wire.lexicon import MONTH_ABBREVIATIONS, MONTHS


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    """The word classes one language contributes to quote attribution."""

    finite: frozenset[str] = frozenset()  # reporting verbs that stand alone: "zei", "said", "souligne"
    participles: frozenset[str] = frozenset()  # reporting participles that need an auxiliary: "déclaré"
    auxiliaries: frozenset[str] = frozenset()  # "a", "avait", "heeft"
    gerunds: frozenset[str] = frozenset()  # "ajoutant", "adding": the speaker is the sentence's speaker
    multiword: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # "fait" -> ("valoir",)
    separable: dict[str, frozenset[str]] = field(default_factory=dict)  # "voegde" -> {"toe"}
    zero_complement: frozenset[str] = frozenset()  # verbs that take a clause without "that": "said"
    addressee_verbs: frozenset[str] = frozenset()  # verbs followed by whom they address: "told"
    markers: frozenset[str] = frozenset()  # source markers before their source: "selon", "volgens"
    after_markers: frozenset[str] = frozenset()  # markers after the words: "aldus"
    complementizers: frozenset[str] = frozenset()  # "que", "qu'", "dat", "that"
    viewpoint: frozenset[str] = frozenset()  # sentence-initial "Pour X, ..." attributions
    pronouns: frozenset[str] = frozenset()  # singular subject pronouns naming a speaker
    expletives: frozenset[str] = frozenset()  # other words a clause's subject may start with: "it", "er"
    plural_pronouns: frozenset[str] = frozenset()
    definite: frozenset[str] = frozenset()
    indefinite: frozenset[str] = frozenset()  # and numerals: the source is not named
    possessive: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    of: frozenset[str] = frozenset()  # noun-complement prepositions: "de", "van", "of"
    relatives: frozenset[str] = frozenset()
    conjunctions: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()  # may sit between a verb and its subject or complement
    passive: frozenset[str] = frozenset()  # forms of "to be" that make a participle passive
    clitics: frozenset[str] = frozenset()  # object pronouns before the auxiliary: "nous a dit"
    verb_hints: frozenset[str] = frozenset()  # frequent finite verbs: a clause has one, a noun phrase has none
    contrast: frozenset[str] = frozenset()  # ", tandis que ..." starts a clause that is no longer reported
    but: frozenset[str] = frozenset()  # ", mais le MR ..." too, when a new subject follows
    titles_abbrev: dict[str, str] = field(default_factory=dict)  # "me" -> "avocat"
    # --- reported clauses and where they end
    infinitives: frozenset[str] = frozenset()  # open a reported infinitive clause: "avoir" (menti), "hebben"
    infinitive_verbs: frozenset[str] = frozenset()  # verbs that report through one ("claimed to"); empty: all
    infinitive_marker: str = ""  # the word before the infinitive: "to", "te"
    negations: frozenset[str] = frozenset()  # "ne" ... "pas" before an infinitive ("assure ne pas envisager")
    adverbial_phrases: tuple[tuple[str, ...], ...] = ()  # "quant à lui", "pour sa part", "na afloop"
    adverb_suffix: str = ""  # the ending of derived adverbs: "ment" (clairement), "ly" (publicly)
    not_adverbs: frozenset[str] = frozenset()  # words with that ending that are not adverbs: "family", "July"
    subordinators: frozenset[str] = frozenset()  # "as", "when", "toen": a clause that is not what was said
    content_nouns: frozenset[str] = frozenset()  # "suggestions that ...": the clause belongs to the noun
    stop_actions: frozenset[str] = frozenset()  # "... and declined to comment": a coordinated act, not content
    own_account: tuple[tuple[str, ...], ...] = ()  # "naar eigen zeggen": the subject speaks for itself
    anaphoric_objects: frozenset[str] = frozenset()  # "Dat zegt X", "X l'a confirmé", "confirmed this"
    object_pronouns: frozenset[str] = frozenset()  # whom a verb addresses: "told him", "zei hem"
    negative_words: frozenset[str] = frozenset()  # "Dat bevestigt X niet": a denial, not a report
    impersonal_participles: frozenset[str] = frozenset()  # "a-t-on appris": a cue only with "on"
    source_prepositions: frozenset[str] = frozenset()  # "a-t-on appris auprès du parquet": the source follows


def words(text: str) -> frozenset[str]:
    """A word list written as one space-separated string."""
    return frozenset(text.split())


# A language without a lexicon: quote marks, colon introductions and entity mentions only.
NEUTRAL = QuoteLexicon()

# fmt: off
# Lower-case words that may stand inside a person's or place's name, whatever the language of the text.
NAME_PARTICLES = words("de du des d' la le van von der den ter ten da di del dos bin ben al el")

# Time zones: capitals a model may tag, never entities.
TIME_ZONES = words("gmt utc cet cest bst est edt pst")

# Abbreviations of every language whose full stop does not end a sentence ("etc.", "p.", "art.").
ABBREVIATIONS = words("etc vs cf ca p pp art min max")
# fmt: on

# Month names and their abbreviations, as the wire writes them: "février", "mrt", "sept".
MONTH_WORDS = MONTHS | MONTH_ABBREVIATIONS

# Events, competitions, diseases and plans: not entities, by the annotation guidelines (their organisers may be).
EVENTS = frozenset(
    name.casefold()
    for name in (
        "Mondial",
        "Coupe du monde",
        "Coupe du Monde",
        "Euro",
        "Ligue des champions",
        "Ligue des Champions",
        "Champions League",
        "Europa League",
        "Conference League",
        "Ligue Europa",
        "Pro League",
        "Jupiler Pro League",
        "Challenger Pro League",
        "Premier League",
        "Ligue 1",
        "Eredivisie",
        "Bundesliga",
        "Serie A",
        "La Liga",
        "Jeux olympiques",
        "Jeux Olympiques",
        "JO",
        "Olympische Spelen",
        "Olympics",
        "Olympic Games",
        "Paralympics",
        "Tour de France",
        "Ronde van Vlaanderen",
        "Tour des Flandres",
        "Giro",
        "Vuelta",
        "Roland-Garros",
        "Wimbledon",
        "Super Bowl",
        "Eurovision",
        "Coupe de Belgique",
        "Beker van België",
        "WK",
        "EK",
        "Covid",
        "Covid-19",
        "COVID-19",
        "coronavirus",
        "Mpox",
        "Ebola",
        "Brexit",
        "Black Friday",
        "Vingt-Sept",
        "Ramadan",
        "Noël",
        "Pâques",
        "Kerstmis",
        "Pasen",
        "Toussaint",
        "Allerheiligen",
        "Rock Werchter",
        "Tomorrowland",
        "Pukkelpop",
        "Dour",
        "Graspop",
    )
)
