"""Wire-aware corrections of the candidates: types the model gets wrong on wire copy, titles and
portfolios that are not names, organisations glued to a person, names cut short before an acronym."""

from __future__ import annotations

import itertools
from dataclasses import replace

from streams.nlp.discourse.gender import first_name_gender
from streams.nlp.discourse.words import OFFICES, ROLE_NOUNS, role_noun
from streams.nlp.entities import linking
from streams.nlp.entities.bodies import LOC_HEADS, ORG_HEADS
from streams.nlp.entities.candidates import Candidate
from streams.nlp.entities.matches import match_side, score_follows
from streams.nlp.entities.words import (
    after_org_noun,
    after_place_preposition,
    after_title,
    at_sentence_start,
    before_lowercase_title,
    has_org_word,
    is_acronym,
    is_title,
    looks_like_name,
    words_before,
)
from streams.nlp.lexicon import (
    DEMONYM_ENDINGS,
    EVENTS,
    FUNCTION_WORDS,
    LEXICONS,
    MINISTER_TITLES,
    NAME_PARTICLES,
    NOT_ENTITIES,
    PORTFOLIOS,
    ROLE_LINKS,
)
from streams.nlp.lexicon.nations import NATION_WORDS, SPORTS_CODES
from streams.textrules import rule
from streams.wire.lexicon import AGENCIES, MONTHS, WEEKDAYS

# Last words of place names that may start with a first name: "Jan Breydel Stadium", "Albert Hall".
PLACE_WORDS = frozenset("stadium stadion park hall street straat laan road square plein bridge airport".split())

# The rules below read one candidate's text (or a word of it) on `re`, each for the reason it gives; the two
# that could read a run of spaces or words from every start of it (_TRAILING, _DIGITS) run on RE2. Their `$`
# is the end of the text in both engines: the text is stripped of line breaks first.
_ONE_WORD = "fullmatch() of one word of a name: read once from its start, given back once"
_WORD = rule(
    "nlp.entities.corrections.word", r"\S+", engine="re", fallback="one class repeated: each character read once"
)
# English and Dutch endings of demonyms and adjectives of nationality ("Flemish", "Walloon", "Leuvense").
_OTHER_DEMONYM_ENDINGS = ("ish", "ian", "ese", "oon", "ean", "ese", "sche", "aanse", "ense", "iaanse")
_MINISTER_AFTER = rule(
    "nlp.entities.corrections.minister_after",
    r"\s+(?:[Mm]inister|[Ss]ecretary|[Ss]ecrétaire|[Cc]ommissioner)\b",
    engine="re",
    fallback="anchored by match() at a candidate's end: the spaces after it, then a word",
)
# The nouns a storm's name follows: "Storm Fenna", "tempête Ciara", "Hurricane Milo".
_STORM_NOUNS = ("storm", "tempête", "ouragan", "orkaan", "hurricane", "typhoon", "cyclone")
_STORM = rule(
    "nlp.entities.corrections.storm",
    rf"(?:{'|'.join(f'[{n[0].upper()}{n[0]}]{n[1:]}' for n in _STORM_NOUNS)})\s+[A-Z]",
    engine="re",
    fallback="anchored by match() at a name's start: a word, its spaces, a capital",
)
# The same noun right before a name the model tagged without it ("Storm Fenna" tagged "Fenna").
_STORM_BEFORE = rule(
    "nlp.entities.corrections.storm_before",
    rf"(?i)\b(?:{'|'.join(_STORM_NOUNS)})\s+\Z",
    engine="re",
    fallback="search() of the 12 characters before a name",
)
_PRIZE = rule(
    "nlp.entities.corrections.prize",
    r"\s(?:Prize|Award|Awards|Trophy|Prijs|Prix|Cup)$",
    engine="re",
    fallback="fixed words before the end: at most eight characters read from each start",
)
_CODE = rule(
    "nlp.entities.corrections.code",
    r"[A-Z]{1,2}\d{0,3}|[A-Z]\d{1,3}[a-z]?",
    engine="re",
    fallback="fullmatch() of at most six characters",
)
_EVENT_CODE = rule(
    "nlp.entities.corrections.event_code",
    r"(?:cop|g|euro|wk|ek)[ -]?\d{1,4}",
    engine="re",
    fallback="fullmatch() of at most nine characters",
)  # "COP30", "Euro 2024", "WK 2026"
_EDGE_PUNCT = "\"'«»“”„‘’()[]{},;:.!?–—-·"
_COMPOUND = rule(
    "nlp.entities.corrections.compound",
    r"((?=[^\s]*[A-ZÀ-Þ])[^\W_][\w&.-]*?)-[a-zà-ÿ]+",
    engine="re",
    fallback=_ONE_WORD + " (the lookahead runs once, at the word's start)",
)
_ADJECTIVE = rule(
    "nlp.entities.corrections.adjective",
    r"[A-ZÀ-Þ][a-zà-ÿ]+(?:se|sche|ese|aanse|ische)",
    engine="re",
    fallback=_ONE_WORD,
)
_CAMEL = rule(
    "nlp.entities.corrections.camel",
    r"(?!Mc|Mac|O['’]|De|Le|La|Di|Da|Van|Von)[A-Z][a-z]+[A-Z][A-Za-z]*",
    engine="re",
    fallback="fullmatch() of a name: read once from its start, given back once",
)
# Function words a model may take at the end of a name ("Grand Prix in").
_TRAILING_WORDS = (
    *"in on at to of for the and under over after before from into with without by as".split(),
    *"de du des d' la le les à au aux en et sur van voor op aan bij het met den der ter ten von".split(),
)
_TRAILING = rule("nlp.entities.corrections.trailing", r"(?:\s+(?:" + "|".join(_TRAILING_WORDS) + r"))+$")
_POSSESSIVE = rule(
    "nlp.entities.corrections.possessive",
    r"['’]s$|(?<=s)['’]$",
    engine="re",
    fallback="two characters before the end: at most three read from each start",
)
_DIGITS = rule("nlp.entities.corrections.digits", r"\s+\d[\d/.]*$")
_SCORE = rule("nlp.entities.corrections.score", r"\s+\d{1,2}-\d{1,2}$")
_SCORE_ON = rule("nlp.entities.corrections.score_on", r"\s+\d{1,2}-\d{1,2}\s.*$")  # "Charleroi 2-1 samedi"
_DATE_LIKE = rule(
    "nlp.entities.corrections.date_like", r"\d[/.]\d", engine="re", fallback="three characters read from each start"
)
_LOWER_ARTICLE = rule(
    "nlp.entities.corrections.lower_article",
    r"^(?:(?:le|la|les|des|du|the|het|de|een|un|une|a|an)\s+|[lL]['’])(?=[A-ZÀ-Þ])",
    engine="re",
    fallback="anchored at a name's start: an article, its spaces, one character",
)
_ELIDED_NOUN = rule(
    "nlp.entities.corrections.elided_noun",
    r"[LD]['’][a-zà-ÿ]",
    engine="re",
    fallback="anchored by match() at a name's start: three characters",
)
_POSSESSIVE_INSIDE = rule(
    "nlp.entities.corrections.possessive_inside",
    r"['’]s (?=[A-ZÀ-Þ])",
    engine="re",
    fallback="search() in one name: three characters at each apostrophe",
)
_UPPER_ARTICLE = rule(
    "nlp.entities.corrections.upper_article",
    r"^(?:Le|La|Les|The|A|An|Het|De|Een|Un|Une|Der|Die|Das|Den|Dem|Des|Ein|Eine|El|Los|Las|Il|Lo|Gli)\s+(?=[A-ZÀ-Þ])",
    engine="re",
    fallback="anchored at a name's start: an article, its spaces, one character",
)


def correct(cand: Candidate, text: str | None = None) -> list[Candidate]:
    """The wire-aware corrections of one candidate: zero, one or two (a title-glued org and person).

    `text` is the section the candidate indexes; it tells sentence starts and the words before.
    """
    if cand.source == "body":
        return [cand]  # "parquet de Namur": a named body, whole as found
    if cand.source == "kb":
        number = _NUMBER_END.search(cand.text) if text is not None else None
        if number is not None and score_follows(text, cand.start + number.start()):
            return correct(_without_number(cand, number.start()), text)  # "la France 2-1": not France 2
        return [_untitled(cand)]  # the knowledge base's own forms ("Le Soir", "DéFI"), a title off a royal
    cand = _trim(cand)
    if cand is None:
        return []
    cand = _hyphen_tail(_initial_stop(cand, text), text)
    if cand.type == "PER":
        cand = _place_named_after(cand)
    parts = _split(cand)
    if len(parts) != 1:
        return [fixed for part in parts for fixed in correct(part, text)]
    key = cand.text.casefold()
    if key in AGENCIES:
        return [replace(cand, type="ORG")]
    if key in WEEKDAYS or key in MONTHS:
        return []
    cand = _strip_article(cand, text)
    if cand is None:
        return []
    out = []
    for part in _split_titles(cand, text):
        if not _keep(part, text):
            continue
        fixed = _without_nationality(_fix_type(part, text))
        if fixed is part or _keep(fixed, text):  # the head of a compound too: "IC-treinen" is no entity
            out.append(fixed)  # (a part left as it was is kept already)
    return out


def _first_name_and_surname(text: str) -> bool:
    """A known first name and one or two capitalised words that no table knows: a person."""
    words = text.split()
    if not 2 <= len(words) <= 3 or not looks_like_name(text) or has_org_word(text):
        return False
    if words[-1].casefold() in PLACE_WORDS or linking.lookup(text) is not None or any(w.isupper() for w in words):
        return False
    first = words[0]
    return len(first) >= 3 and first.casefold() not in FUNCTION_WORDS and first_name_gender(first) is not None


# Dutch street and quarter names are one word ending in their noun ("Frankrijklei", "Kortrijksesteenweg",
# "Zuidkwartier"); the shortest name before the noun that is read ("Veld" + "straat"). Nouns that end
# surnames too ("Hoogendijk", "Rosenberg", "Verhoeven") are not read.
_STREET_NOUNS = (
    "straat", "steenweg", "laan", "lei", "baan", "weg", "plein", "markt", "kaai", "kade", "dreef", "singel",
    "gracht", "kwartier", "wijk", "plaats", "brug", "tunnel",
)  # fmt: skip
_STREET_STEM = 4


def _street_name(text: str) -> bool:
    """Whether a name is one Dutch word (hyphens allowed) ending in a street's or a quarter's noun."""
    if " " in text or not text[:1].isupper():
        return False
    low = text.casefold()
    return any(low.endswith(noun) and len(low) - len(noun) >= _STREET_STEM for noun in _STREET_NOUNS)


# Adjectives of nationality that do not end like a demonym.
_NATIONAL = frozenset("dutch french swiss greek czech thai".split())
# Regional and supranational bodies carry their adjective in their names ("European Commission", "Walloon
# Federation of Agriculture", "Flemish Government"); a country's adjective only describes ("Dutch police").
_NAMING_ADJECTIVES = frozenset("european walloon flemish".split())


def _national(word: str) -> bool:
    """An adjective of nationality: "Dutch", "Belgian", "French", "Flemish"."""
    return word.casefold() in _NATIONAL or demonym(word)


def _without_nationality(cand: Candidate) -> Candidate:
    """ "Dutch Public Prosecution Service" -> "Public Prosecution Service": the country's adjective is no part of it."""
    words = cand.text.split()
    first = words[0].casefold() if words else ""
    national = first in _NATIONAL or (demonym(words[0]) and first not in _NAMING_ADJECTIVES) if words else False
    if cand.type == "ORG" and len(words) >= 3 and national and has_org_word(" ".join(words[1:])):
        offset = cand.text.index(words[1], len(words[0]))
        return replace(cand, text=cand.text[offset:], start=cand.start + offset)
    return cand


_NUMBER_END = rule("nlp.entities.corrections.number_end", r"\s+\d{1,2}$")


def _without_number(cand: Candidate, cut: int) -> Candidate:
    """A knowledge-base name whose last number (from `cut` on) is the first of a match's score, without it: "France"
    of "France 2-1", typed as the tables type the rest (a country), or left for the corrections (MISC)."""
    head = cand.text[:cut]
    known = linking.lookup(head)
    kind = known.type if known is not None else "MISC"
    return replace(cand, text=head, end=cand.start + len(head), type=kind, source="model", kb_id=None)


# Dutch place and body nouns a name is glued to, one compound word ("Elisabethziekenhuis", "Astridpark"): the
# name is the place's or the body's, not the person's it honours.
# Nouns of four letters but "park" and "laan" are left out: "meer" and "stad" end surnames ("Vermeer").
_DUTCH_PLACE_NOUNS = {noun: "LOC" for noun in LOC_HEADS["nl"] if len(noun) > 4 or noun in ("park", "laan")} | {
    noun: "ORG" for noun in ORG_HEADS["nl"] if len(noun) > 4 and " " not in noun
}


def _place_named_after(cand: Candidate) -> Candidate:
    """ "Prinses Elisabethziekenhuis", "Koningin Astridpark" tagged as persons: the hospital, the park."""
    last = cand.text.rsplit(" ", 1)[-1].casefold()
    for noun, kind in _DUTCH_PLACE_NOUNS.items():
        if last.endswith(noun) and len(last) >= len(noun) + 3:
            return replace(cand, type=kind)
    return cand


def _untitled(cand: Candidate) -> Candidate:
    """ "roi Philippe", "koning Filip" as the knowledge base matched them: the title off; a place named after a
    king keeps it ("Koning Leopoldstadion", "King Baudouin Stadium")."""
    words = cand.text.split()
    if len(words) > 1 and is_title(words[0]) and cand.type == "PER":
        offset = cand.text.index(words[1])
        return replace(cand, text=cand.text[offset:], start=cand.start + offset)
    return cand


def _fix_type(cand: Candidate, text: str | None) -> Candidate:
    """Types the model often gets wrong on wire copy, from the form and the words before it."""
    words = list(_WORD.finditer(cand.text))
    compound = _COMPOUND.fullmatch(words[-1].group()) if words else None
    if compound is not None:  # "N-VA-fractieleider", "NAVO-top", "Kremlin-backed": the entity is the head
        first = 0
        while first < len(words) - 1 and _ADJECTIVE.fullmatch(words[first].group()):
            first += 1  # "Europese NAVO-landen" -> "NAVO"
        start = words[first].start()
        end = words[-1].start() + len(compound.group(1))
        head = cand.text[start:end]
        known = linking.lookup(head, None)
        kind = known.type if known is not None else "ORG" if is_acronym(head) else "MISC"
        if known is None and " " in head and cand.type != "MISC":
            kind = cand.type
        return replace(cand, text=head, start=cand.start + start, end=cand.start + end, type=kind)
    if cand.type == "MISC" and _branch_of_organisation(cand.text):
        return replace(cand, type="ORG")  # "ACV-Onderwijs", "CSC-Enseignement": a union's branch, by name
    if cand.type == "PER" and _CAMEL.fullmatch(cand.text):
        return replace(cand, type="ORG")  # "VoltaCell", "InBev": a company
    if cand.type != "PER" and _first_name_and_surname(cand.text):
        return replace(cand, type="PER")  # "Joëlle Pirard", "Ilze Berzina" tagged as organisations
    known = linking.lookup(cand.text, cand.type)
    if known is not None and known.source == "alias" and known.type != cand.type:
        return replace(cand, type=known.type)  # the knowledge base knows better: "N-VA" tagged as a place
    if cand.type in ("PER", "MISC") and known is None and _street_name(cand.text):
        return replace(cand, type="LOC")  # "Frankrijklei", "Zuidkwartier": a Dutch street or quarter
    if cand.type in ("LOC", "MISC", "PER") and text is not None and match_side(text, cand.start, cand.end):
        place = known if cand.type == "LOC" else linking.lookup(cand.text, "LOC")
        town = place is not None and place.source == "city"
        if town or (place is None and cand.type != "PER"):
            return replace(cand, type="ORG")  # "a battu Charleroi 2-0": the town's club, not a country's team
    if cand.type in ("PER", "MISC", "ORG") and text is not None and " " not in cand.text:
        # "een vrouw uit Mortsel", "the Ghent coach": a town a gazetteer knows; typed an organisation, only after a
        # place's preposition ("in Knokke-Heist"), and only a town (elsewhere the model may mean its club)
        organisation = cand.type == "ORG"
        where = after_place_preposition(text, cand.start) or (
            not organisation and before_lowercase_title(text, cand.end)
        )
        place = linking.lookup(cand.text, "LOC") if where else None
        if place is not None and place.type == "LOC" and (not organisation or place.source == "city"):
            return replace(cand, type="LOC")
    if cand.type == "LOC" and known is None:
        acronym = is_acronym(cand.text) and not any(c.islower() for c in cand.text)
        if acronym or has_org_word(cand.text) or any(c.isdigit() or c == "&" for c in cand.text):
            return replace(cand, type="ORG")  # "N-VA", "M23", "Confédération paysanne"
    if (
        cand.type in ("ORG", "LOC", "MISC")
        and text is not None
        and looks_like_name(cand.text)
        and not has_org_word(cand.text)
        and after_title(text, cand.start)
        and linking.lookup(cand.text) is None
    ):
        return replace(cand, type="PER")  # "le directeur Jan Peeters" tagged as a place
    if (
        cand.type == "MISC"
        and text is not None
        and " " not in cand.text
        and _after_role_noun(text, cand.start)
        and linking.lookup(cand.text) is None
    ):
        return replace(cand, type="PER")  # "la chanteuse Angèle": an artist's one name
    if (
        cand.type in ("PER", "LOC", "MISC")
        and text is not None
        and after_org_noun(text, cand.start)
        and linking.lookup(cand.text) is None
        and not _first_name_and_surname(cand.text)
    ):
        return replace(cand, type="ORG")  # "le fabricant de panneaux Dumont", "son équipe Lotto-Kern"
    return cand


_HYPHEN_TAIL = rule("nlp.entities.corrections.hyphen_tail", r"(?:-[A-ZÀ-Þ][\w&]*)+")


_ENDS_WITH_INITIAL = rule("nlp.entities.corrections.ends_with_initial", r"(?:^|[\s.])[A-ZÀ-Þ]$")
_INITIALS = rule("nlp.entities.corrections.initials", r"(?:[A-ZÀ-Þ]\.){1,3}[A-ZÀ-Þ]\.?")


def _initial_stop(cand: Candidate, text: str | None) -> Candidate:
    """A name that ends with an initial keeps its full stop ("Rodrigo T.", "J.B."), as the court pages write
    a suspect's name; initials alone that no table knows are a person's."""
    if text is None or not text.startswith(".", cand.end) or not _ENDS_WITH_INITIAL.search(cand.text):
        return cand  # the full stop first: the rule's binding costs more than the test
    if cand.type != "PER" and "." not in cand.text:
        return cand  # "la ligne T.": a code, and no name
    full = cand.text + "."
    kind = "PER" if _INITIALS.fullmatch(full) and linking.lookup(full) is None else cand.type
    return replace(cand, text=full, end=cand.end + 1, type=kind)


def _hyphen_tail(cand: Candidate, text: str | None) -> Candidate:
    """A name goes on over a hyphen and a capitalised word the model left out: "Lotto-Kern", not "Lotto";
    a title glued after it is not part of it ("Belang-Kamerlid")."""
    if text is None or not text.startswith("-", cand.end):
        return cand
    tail = _HYPHEN_TAIL.match(text, cand.end)
    if tail is None:
        return cand
    words = tail.group().split("-")[1:]
    kept = list(itertools.takewhile(lambda word: not is_title(word), words))
    if not kept:
        return cand
    added = "".join("-" + word for word in kept)
    return replace(cand, text=cand.text + added, end=cand.end + len(added))


def _trim(cand: Candidate) -> Candidate | None:
    """Strip edge punctuation, trailing lower-case words, a possessive and trailing dateline digits."""
    text = cand.text.strip(_EDGE_PUNCT + " \n\t")
    if (cand.type == "LOC" or _DATE_LIKE.search(text)) and _may_end_with(text, "0123456789/."):
        text = _DIGITS.sub("", text)  # "BRUXELLES 12/03"; "Radio 1" keeps its number
    if _may_end_with(text, "0123456789"):
        text = _SCORE.sub("", text)  # "Anderlecht 2-1": a match's score
    elif "-" in text and " " in text and any(c.isdigit() for c in text):
        text = _SCORE_ON.sub("", text)  # "Sporting de Charleroi 2-1 samedi": the score and what follows it
    if _POSSESSIVE.search(text) and not text.isupper():
        rest = _POSSESSIVE.sub("", text)  # "El Khattabi's", "European Union's", not "Moody's"
        if cand.type in ("PER", "LOC") or " " in rest or linking.lookup(rest) is not None:
            text = rest
    head, _, last = text.rpartition(" ")
    if head and last in WEEKDAYS:  # "Parlement wallon lundi": the day the sentence goes on with, in lower case
        text = head
    if text.endswith(_TRAILING_WORDS):  # the rule only then: its binding costs more than most names take to read
        text = _TRAILING.sub("", text)
    text = text.strip(_EDGE_PUNCT + " ")
    if (len(text) < 2 and not (text.isupper() and text.isalpha())) or text.isdigit() or not text:
        return None
    if text == cand.text and cand.end == cand.start + len(text):
        return cand  # most names: nothing to trim, and no copy (candidates are never changed in place)
    start = cand.start + cand.text.find(text)
    return replace(cand, text=text, start=start, end=start + len(text))


def _may_end_with(text: str, ascii_ends: str) -> bool:
    """Whether `text` may end with what a rule's `$` needs, the ASCII characters `ascii_ends` or an RE2 class of
    digits: most names end with an ASCII letter, and then the rule's binding (dearer than the name) is not called.
    A non-ASCII last character is left to the rule (RE2's Unicode tables are not Python's)."""
    last = text[-1:]
    return not last.isascii() or (last != "" and last in ascii_ends)


# Reporting verbs standing alone ("zei", "said", "affirme"): no name holds one, a model's span across one is two names.
_VERBS = frozenset(w for lex in LEXICONS.values() for w in lex.finite if len(w) >= 3) - NAME_PARTICLES
_PARAGRAPH_BREAK = rule("nlp.entities.corrections.paragraph_break", r"\n\s*\n")
_COORDINATION = rule(
    "nlp.entities.corrections.coordination",
    r" (?:en|et|and|und) ",
    engine="re",
    fallback="fixed words between two spaces: at most five characters read from each start",
)


def _split(cand: Candidate) -> list[Candidate]:
    """A model's one span over two names, cut: across a paragraph break (a headline's name and the body's first
    word), at a reporting verb ("Tegen de VRT zei Peeters dat": a medium and a person), or at "en"/"et"/"and"
    between two places ("Ghana en Peru") that are not one known name together ("Bosnië en Herzegovina")."""
    cut = _break_cut(cand.text) or _verb_cut(cand.text)
    possessor = _possessive_cut(cand.text) if cut is None else None
    if possessor is not None:  # "Acme's Jan Peeters": the company, then its man
        first, second = cand.text[: possessor[0]], cand.text[possessor[1] :]
        known = linking.lookup(first)
        kind = known.type if known is not None else "ORG" if cand.type == "PER" else cand.type
        at = cand.start + possessor[1]
        return [
            replace(cand, text=first, end=cand.start + len(first), type=kind),
            *_split(replace(cand, text=second, start=at, type="PER" if cand.type == "PER" else cand.type)),
        ]
    if cut is None:
        cut = _coordination_cut(cand.text)
        if cut is None:
            return [cand]
        cand = replace(cand, type="LOC")  # two places the model took together for something else
    first, rest = cand.text[: cut[0]].rstrip(), cand.text[cut[1] :]
    second = rest.lstrip()
    parts = [replace(cand, text=first, end=cand.start + len(first))] if first else []
    if second:
        at = cand.end - len(second)
        parts += _split(replace(cand, text=second, start=at))
    return parts


def _possessive_cut(text: str) -> tuple[int, int] | None:
    """Where an English possessive inside a span ends its first name and the second starts: "Acme's Jan Peeters"
    -> (4, 7); None when no capitalised word follows "'s" ("Moody's", "the People's Party" keep theirs)."""
    if "'s " not in text and "’s " not in text:
        return None
    match = _POSSESSIVE_INSIDE.search(text)
    if match is None or not _first_name_and_surname(text[match.end() :]):
        return None
    return match.start(), match.end()


def _break_cut(text: str) -> tuple[int, int] | None:
    if "\n" not in text:
        return None  # most names: no call of the rule's binding, which costs more than the name takes to read
    match = _PARAGRAPH_BREAK.search(text)
    return match.span() if match else None


def _verb_cut(text: str) -> tuple[int, int] | None:
    words = list(_WORD.finditer(text))
    if not words or not words[0].group()[:1].isupper():
        return None
    for k, word in enumerate(words[1:-1], 1):
        if word.group() in _VERBS and words[k + 1].group()[:1].isupper():
            return word.start(), word.end()
    return None


def _coordination_cut(text: str) -> tuple[int, int] | None:
    match = _COORDINATION.search(text)
    if match is None or linking.lookup(text) is not None:
        return None
    first, second = text[: match.start()], text[match.end() :]
    article = _LOWER_ARTICLE.match(second)  # "la Suède et le Portugal"
    second = second[article.end() :] if article else second
    if linking.lookup(first, "LOC") is not None and linking.lookup(second, "LOC") is not None:
        return match.span()
    return None


def _strip_article(cand: Candidate, text: str | None) -> Candidate | None:
    """ "la Chine" -> "Chine"; "La France" at a sentence start too, but not "La Haye" or "The Lancet" mid-sentence."""
    article = _LOWER_ARTICLE.match(cand.text)
    if (
        article is None
        and cand.type != "PER"  # "De Wever", "Le Pen": a particle of the name
        and text is not None
        and at_sentence_start(text, cand.start)
        and linking.lookup(cand.text, cand.type) is None
    ):
        article = _UPPER_ARTICLE.match(cand.text)
    if article is None:
        return cand
    cut = article.end()
    return replace(cand, text=cand.text[cut:], start=cand.start + cut)


def _split_titles(cand: Candidate, text: str | None) -> list[Candidate]:
    """Leading titles off; a person glued after an organisation split off; functions dropped."""
    words = list(_WORD.finditer(cand.text))
    if len(words) == 1 and _COMPOUND.fullmatch(cand.text):
        return [cand]  # "N-VA-fractieleider": `_fix_type` keeps its head
    if cand.type in ("ORG", "MISC") and len(words) > 1 and is_title(words[-1].group()):
        return []  # "EU Economy Commissioner": a function
    i, last_title, linked = 0, None, False
    if len(words) > 2 and _national(words[0].group()) and is_title(words[1].group()):
        i = 1  # "Belgian PM De Croo", "French President Emmanuel Macron": the country's adjective goes with the title
    while i < len(words):
        word = words[i].group()
        if is_title(word):
            last_title, linked = word.casefold(), False
            i += 1
        elif word[0].islower() and (
            i > 0
            or word.casefold() not in NAME_PARTICLES
            or last_title
            or (len(words) > 1 and (words[1].group()[0].islower() or is_title(words[1].group())))
        ):
            linked = linked or word.casefold() in ROLE_LINKS or word.casefold()[:2] in ("d'", "d’")
            i += 1  # "le ministre ...", "de la ..."
        else:
            break
    if i >= len(words):
        return []
    if i and cand.type in ("ORG", "MISC", "LOC") and words[0].group()[0].isupper():
        rest = cand.text[words[i].start() :]
        if not looks_like_name(rest) or has_org_word(rest):
            return [cand]  # "Premier League", "Prince Albert Fund": the title is part of the name
    if i:
        offset = words[i].start()
        cand = replace(cand, text=cand.text[offset:], start=cand.start + offset)
        words = list(_WORD.finditer(cand.text))
    portfolio = (last_title in MINISTER_TITLES and linked) or (text is not None and _after_minister(text, cand.start))
    if portfolio:
        cand = _strip_portfolio(cand)
    head, person = _split_person(cand)
    out = []
    if head is not None:
        if not (portfolio or head.text.casefold() in PORTFOLIOS or is_title(head.text.split()[0])):
            out.append(replace(head, type="ORG" if head.type in ("ORG", "MISC", "PER") else head.type))
        out.append(person)
        return out
    if last_title is not None and cand.type in ("ORG", "MISC", "LOC"):
        if cand.text.casefold() in PORTFOLIOS or (portfolio and not looks_like_name(cand.text)):
            return []  # "ministre des Affaires étrangères"; not "ministre de l'Intérieur Noémie Stassart"
        if cand.type != "LOC" and looks_like_name(cand.text) and not has_org_word(cand.text):
            return [replace(cand, type="PER")]  # "le ministre Jan Jambon" tagged as an organisation
    if portfolio and cand.text.casefold() in PORTFOLIOS:
        return []
    return [cand]


def _strip_portfolio(cand: Candidate) -> Candidate:
    """'Défense Theo Francken' after "ministre de la": the portfolio off, the person left."""
    words = cand.text.split()
    for n in range(min(4, len(words) - 2), 0, -1):
        if " ".join(words[:n]).casefold() in PORTFOLIOS:
            rest = cand.text.split(maxsplit=n)[n]
            start = cand.start + cand.text.rindex(rest)
            return replace(cand, text=rest, start=start, type="PER" if looks_like_name(rest) else cand.type)
    # a portfolio no list knows, then a first name: "Jeugd Griet Vanhaecke" after "minister van"
    for n in range(1, min(3, len(words) - 1)):
        if first_name_gender(words[n]) is not None and not any(first_name_gender(w) for w in words[:n]):
            rest = cand.text.split(maxsplit=n)[n]
            return replace(cand, text=rest, start=cand.start + cand.text.rindex(rest), type="PER")
    return cand


def _split_person(cand: Candidate) -> tuple[Candidate | None, Candidate]:
    """'Conseil de sécurité Nikolaï Patrouchev' (ORG) -> ('Conseil de sécurité' ORG, 'Nikolaï Patrouchev' PER)."""
    if cand.type not in ("ORG", "MISC", "PER"):
        return None, cand
    words = list(_WORD.finditer(cand.text))
    for i in range(len(words) - 2, 0, -1):
        word = words[i - 1].group()
        if word[0].islower() and word.casefold() not in NAME_PARTICLES and word.casefold() not in ROLE_LINKS:
            tail = words[i:]
            if 2 <= len(tail) <= 4 and all(w.group()[0].isupper() for w in tail):
                if has_org_word(" ".join(w.group() for w in tail)):
                    break
                offset = tail[0].start()
                person = replace(cand, text=cand.text[offset:], start=cand.start + offset, type="PER")
                head_text = cand.text[: words[i - 1].end()]
                head = replace(cand, text=head_text, end=cand.start + len(head_text))
                head = _trim(head)
                return (head if head is not None and head.text[0].isupper() else None), person
            break
    return None, cand


# The links between an office and its portfolio ("ministère de la", "échevinat des", "departement van").
_PORTFOLIO_LINKS = frozenset("de du des la l' l’ d' d’ à au aux van voor".split())


def _after_link(text: str, pos: int) -> bool:
    """Whether the word right before `pos` links a portfolio to its office: "de la Santé", "van Financiën"."""
    before = words_before(text, pos, 1)
    return bool(before) and before[-1].casefold() in _PORTFOLIO_LINKS


def _storm_named(cand: Candidate, text: str | None) -> bool:
    """Whether a name is a storm's, its noun left out of the candidate: "storm Fenna" tagged "Fenna"."""
    if text is None:
        return False
    return _STORM_BEFORE.search(text[max(0, cand.start - 12) : cand.start]) is not None


def _keep(cand: Candidate, text: str | None) -> bool:
    """Whether a corrected candidate is an entity at all."""
    if not any(c.isupper() for c in cand.text):
        return False
    key = cand.text.casefold()
    if key in NOT_ENTITIES or key in WEEKDAYS or key in MONTHS or key in EVENTS or _EVENT_CODE.fullmatch(key):
        return False
    if _STORM.match(cand.text) or _PRIZE.search(cand.text) or _storm_named(cand, text):
        return False  # "Storm Fenna", "tempête Ciara", "Golden Quill Prize": an event, an award
    if key in PORTFOLIOS and text is not None and _after_link(text, cand.start):
        return False  # "le ministère de la Santé", "l'échevinat des Finances": a portfolio, not a name
    if " " not in cand.text and cand.type != "PER" and _compound_title(cand.text):
        return False  # "Onderwijsminister Ben Weyts": the Dutch title written as one word is no name
    head, _, rest = cand.text.partition(" ")
    if head in ("État", "Etat") and rest.islower() and " " not in rest and linking.lookup(cand.text) is None:
        return False  # "l'État ukrainien", "l'État fédéral": the state, described; "État islamique" is known
    if " " not in cand.text and _ELIDED_NOUN.match(cand.text):
        return False  # "« L'équipe a montré »": the sentence's capital is the article's, the noun is common
    if _sports_code(cand, text) and linking.lookup(cand.text) is None:
        return False  # "Tom Willems (BEL)": the rider's nation, in results' code
    if _CODE.fullmatch(cand.text) and linking.lookup(cand.text) is None:
        return False  # train lines and roads ("IC", "L", "N4", "E40"), a coach's "T1", single letters
    if " " not in cand.text and cand.type in ("LOC", "MISC", "ORG") and demonym(cand.text):
        return linking.lookup(cand.text, "LOC") is not None  # "Montois", "Flemish" are people; "Calais" a city
    if " " not in cand.text and cand.type != "PER" and _place_adjective(cand.text):
        return False  # "de Gentse haven": an adjective of the place, not a name
    if (
        " " not in cand.text
        and cand.text.casefold() in NATION_WORDS
        and text is not None
        and _determined(text, cand.start)
    ):
        return False  # "zei de Deen", "de jonge Belg": a person of that nation, whatever the model typed
    if " " not in cand.text and text is not None and _determined(text, cand.start) and _place_noun(cand.text):
        return False  # "de jonge Limburger", "een Gentenaar": someone from the place, not a name
    article, _, rest = cand.text.partition(" ")
    if article in ("De", "Het") and " " not in rest and _place_noun(rest):
        return False  # "De Gentenaars winnen": the article opens the sentence, the noun is no name
    if key in PORTFOLIOS and text is not None and _MINISTER_AFTER.match(text, cand.end):
        return False  # "Defence Minister Theo Francken": a portfolio
    return not (key in PORTFOLIOS and text is not None and _after_minister(text, cand.start))


def _place_adjective(word: str) -> bool:
    """A Dutch adjective of a place a gazetteer knows: "Gentse" (Gent), "Kortrijkse", "Antwerpse" (Antwerpen); of a
    region, after a compass point too: "Vlaamse", "West-Vlaamse", "Oost-Europese"."""
    word = word.rpartition("-")[2]
    if len(word) < 5 or not word.endswith("se") or not word[:1].isupper():
        return False
    if word.casefold() in NOT_ENTITIES or word[:-1].casefold() in NOT_ENTITIES:
        return True  # the adjectives of Flanders, Wallonia and Europe
    stem = word[:-2]
    return any(linking.lookup(form, "LOC") is not None for form in (stem, stem + "en"))


_DUTCH_DETERMINERS = frozenset("de het een deze die onze zijn haar".split())


def _determined(text: str, pos: int) -> bool:
    """Whether a Dutch determiner comes before `pos`, maybe with an adjective between: "de (jonge) ..."."""
    before = [w.casefold() for w in words_before(text, pos, 2)]
    if before and before[-1] in _DUTCH_DETERMINERS:
        return True
    return len(before) == 2 and before[0] in _DUTCH_DETERMINERS and before[1].isalpha() and before[1].islower()


def _place_noun(word: str) -> bool:
    """A Dutch noun for someone from a place a gazetteer knows: "Limburger" (Limburg), "Gentenaar" (Gent),
    "Brusselaar" (Brussel), "Antwerpenaar" (Antwerpen); their plurals ("Limburgers", "Antwerpenaren")."""
    if len(word) < 6 or not word[:1].isupper():
        return False
    for ending in ("enaars", "enaren", "aars", "aren", "ers", "enaar", "aar", "er"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and linking.lookup(stem, "LOC") is not None:
            return True
    return False


_PERSON_ROLE_NOUNS = frozenset(word for words in ROLE_NOUNS.values() for word in words if " " not in word)


def _branch_of_organisation(word: str) -> bool:
    """One word of an organisation's name or acronym, a hyphen and a capitalised word: "ACV-Onderwijs"."""
    head, hyphen, tail = word.partition("-")
    if not hyphen or not tail[:1].isupper() or " " in word or "-" in tail:
        return False
    known = linking.lookup(head, None)
    return (known is not None and known.type == "ORG") or (known is None and is_acronym(head) and len(head) > 1)


def _compound_title(word: str) -> bool:
    """A Dutch compound ending with an office: "Onderwijsminister", "Partijvoorzitter", "Stadswoordvoerder"."""
    low = word.casefold()
    role = role_noun("nl", low)
    return role is not None and role[0] in OFFICES and low not in ROLE_NOUNS["nl"] and "-" not in low


def _after_role_noun(text: str, pos: int) -> bool:
    """Whether a lower-case noun for a person stands right before `pos`: "la chanteuse", "zangeres", "the singer"."""
    before = words_before(text, pos, 1)
    return bool(before) and before[-1].islower() and before[-1] in _PERSON_ROLE_NOUNS


def _sports_code(cand: Candidate, text: str | None) -> bool:
    """A nation's sports code in brackets, as results write it after a name: "(BEL)", "(NED)"."""
    if cand.text not in SPORTS_CODES or text is None:
        return False
    return text[cand.start - 1 : cand.start] == "(" and text[cand.end : cand.end + 1] == ")"


def demonym(word: str) -> bool:
    """A demonym or an adjective of nationality: "Montois", "Liégeoise", "Flemish", "Ukrainian", "Leuvense"."""
    low = word.casefold()
    if low.endswith(DEMONYM_ENDINGS) or low in NATION_WORDS:  # "de Belg", "the Dane": no ending tells
        return True
    return word[:1].isupper() and low.endswith(_OTHER_DEMONYM_ENDINGS) and len(low) > 4


def _unelided(word: str) -> str:
    """A word without the article elided onto it: "l'échevine" -> "échevine" ("d'" is a link of its own)."""
    return word[2:] if word[:2] == "l'" and len(word) > 2 else word


def _after_minister(text: str, pos: int) -> bool:
    """Whether `pos` follows "ministre de/des/du", "minister van/voor", "Secretary of": a portfolio."""
    before = [_unelided(w.casefold().replace("’", "'")) for w in words_before(text, pos, 5)]
    links = 0
    while before and (before[-1] in ROLE_LINKS or before[-1][:2] in ("d'", "d’")):
        links += 1
        before.pop()
    if links and len(before) >= 2 and before[-1][0].isalpha() and before[-2] in MINISTER_TITLES:
        before.pop()  # "commissaire européen à l'Agriculture", "minister federaal van ..."
    return links > 0 and bool(before) and before[-1] in MINISTER_TITLES
