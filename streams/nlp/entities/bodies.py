"""Named bodies and places whose name is a common noun plus a proper name: one entity under the whole name.

"parquet de Namur", "zone de police Bruxelles-Midi", "rue de la Loi", "château de Laeken", "het parket van
Gent", "politiezone Gent-Zuid", "Antwerp criminal court", "Brussels-Midi police zone". A spaCy `PhraseMatcher`
(on lower-case forms) finds the head noun (and its link word) before the name in French and Dutch, after it
in English; the name runs on over capitalised words, glued hyphens and inner particles ("Saints-Michel-et-Gudule",
"place de la Bourse"). The whole span replaces the model's entities inside it ("Namur", "Antoine
Dansaert" in "rue Antoine Dansaert"), so the inner name is an entity only where the text also names it
on its own. Institutions are ORG; streets, buildings and regions LOC (the annotation guidelines' rule).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from streams.nlp.entities import linking
from streams.nlp.entities.kb import BODY_MARKER

# fmt: off
# Head nouns, lower case, multiword allowed; (French, Dutch: before the name; English: after it).
ORG_HEADS: dict[str, tuple[str, ...]] = {
    "fr": (
        "parquet", "parquet général", "auditorat du travail", "zone de police", "zone de secours", "tribunal",
        "tribunal correctionnel", "tribunal de première instance", "tribunal de police", "tribunal du travail",
        "tribunal de l'entreprise", "cour d'appel", "cour d'assises", "cour du travail", "conseil communal",
        "conseil provincial", "collège communal", "cpas", "hôpital", "clinique", "université", "haute école",
        "athénée", "lycée", "musée", "théâtre", "opéra", "aéroport", "centre hospitalier",
    ),
    "nl": (
        "parket", "arbeidsauditoraat", "politiezone", "brandweerzone", "hulpverleningszone", "rechtbank",
        "correctionele rechtbank", "rechtbank van eerste aanleg", "politierechtbank", "arbeidsrechtbank",
        "ondernemingsrechtbank", "hof van beroep", "hof van assisen", "arbeidshof", "gemeenteraad",
        "provincieraad", "ocmw", "ziekenhuis", "universiteit", "hogeschool", "museum", "luchthaven",
    ),
    "en": (
        "police zone", "rescue zone", "fire zone", "court", "criminal court", "district court",
        "appeals court", "court of appeal", "prosecutor's office", "public prosecutor's office",
        "prosecutors' office", "prosecutors", "city council", "council", "hospital", "university",
        "airport", "museum", "port authority",
    ),
}
LOC_HEADS: dict[str, tuple[str, ...]] = {
    "fr": (
        "rue", "avenue", "boulevard", "chaussée", "place", "quai", "square", "parc", "forêt", "pont",
        "tunnel", "gare", "station", "stade", "château", "palais", "cathédrale", "église", "basilique",
        "abbaye", "chapelle", "vallée", "mer", "lac", "mont", "côte", "pays", "plateau", "canal", "île",
        "baie", "golfe", "massif", "quartier", "circuit", "port", "prison", "province", "région", "commune",
        "ville", "galerie",
    ),
    "nl": (
        "station", "provincie", "gemeente", "stad", "haven", "gevangenis", "kasteel", "paleis", "kathedraal",
        "kerk", "abdij", "vallei", "meer", "kanaal", "eiland", "wijk", "regio", "circuit", "stadion", "park",
        "brug", "tunnel", "markt", "plein", "straat", "laan",
    ),
    "en": ("street", "square", "station", "stadium", "park", "bridge", "prison", "province", "region"),
}
# English heads before their name, with "of": "province of Limburg", "port of Antwerp".
HEADS_BEFORE_OF = {"en": {"province": "LOC", "region": "LOC"}}
# Admin nouns that name the institution when capitalised ("la Région wallonne", "Ville de Bruxelles").
INSTITUTION_WHEN_CAPITALISED = frozenset("ville région province commune stad provincie gemeente".split())
# Of those, the ones that are only a description of the place in lower case ("la ville de Namur": Namur).
ONLY_CAPITALISED = frozenset("ville commune stad gemeente".split())
# Words linking a French or Dutch head to its name: "parquet de Namur", "rue de la Loi", "parket van Gent".
LINKS = {
    "fr": frozenset("de du des d' d’ la l' l’".split()),
    "nl": frozenset(("van",)),
    "en": frozenset(),
}
# Lower-case words that may stand inside a name: "Rio de Janeiro", "place de la Bourse", "Saint-Jean-de-Luz".
NAME_PARTICLES = frozenset("de du des d' d’ la le les l' l’ et en sur sous lez van der den ter ten op aan".split())
# fmt: on

# Particles that are also prepositions of what follows a name ("bevestigt het parket van Gent aan Belga", "schrijft
# de politiezone Gent op Facebook"): inside a name only before an article ("Alphen aan den Rijn").
PREPOSITION_PARTICLES = frozenset(("aan", "op"))
ARTICLES_AFTER = frozenset(("de", "den", "der", "het"))

MAX_NAME_TOKENS = 6
_NATIONALITY_ENDINGS = ("ish", "ian", "ese", "ch")  # "a Dutch court", "the Belgian police zone"


def head_patterns(nlp: Language) -> list[tuple[str, Doc]]:
    """(key, phrase) for every head noun of the pipeline's language, tokenized as it tokenizes (a PhraseMatcher
    costs the same for any number of phrases; a token Matcher, patterns x tokens)."""
    out = []
    for label, heads in (("ORG", ORG_HEADS.get(nlp.lang, ())), ("LOC", LOC_HEADS.get(nlp.lang, ()))):
        for head in heads:
            for variant in dict.fromkeys((head, head.replace("'", "’"))):
                out.append((label, nlp.make_doc(variant)))
    return out


class BodyFinder:
    """The `wire_bodies` component: named bodies and places into `doc.ents`."""

    def __init__(self, nlp: Language, name: str = "wire_bodies") -> None:
        self.lang = nlp.lang
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key, pattern in head_patterns(nlp):
            self.matcher.add(key, [pattern])

    def __call__(self, doc: Doc) -> Doc:
        found = list(self.spans(doc))
        if found:
            kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in found)]
            doc.ents = filter_spans([*kept, *found])
        return doc

    def spans(self, doc: Doc) -> Iterable[Span]:
        yield from self._heads_before_of(doc)
        if not len(self.matcher):
            return  # a language with no head nouns
        strings = doc.vocab.strings
        for match_id, start, end in sorted(self.matcher(doc), key=lambda m: (m[1], m[2])):
            label = strings[match_id]
            span = self._after(doc, start, end, label) if self.lang != "en" else self._before(doc, start, end, label)
            if span is not None:
                yield span

    def _heads_before_of(self, doc: Doc) -> Iterable[Span]:
        """English "province of Limburg", "port of Antwerp": the head, "of", a name."""
        heads = HEADS_BEFORE_OF.get(self.lang, {})
        for token in doc[:-2] if heads else ():
            if token.lower_ in heads and doc[token.i + 1].lower_ == "of":
                end = _name_end(doc, token.i + 2)
                if end > token.i + 2:
                    yield Span(doc, token.i, end, label=heads[token.lower_], span_id=BODY_MARKER)

    def _after(self, doc: Doc, start: int, end: int, label: str) -> Span | None:
        """French and Dutch: head, link words, then the name ("parquet de Namur", "rue de la Loi")."""
        k = end
        links = LINKS.get(self.lang, frozenset())
        while k < len(doc) and k - end < 3 and doc[k].lower_ in links:
            k += 1
        name_end = _name_end(doc, k)
        if name_end == k:
            return None
        head = doc[start]
        if head.lower_ in INSTITUTION_WHEN_CAPITALISED and head.text[:1].isupper():
            label = "ORG"
        elif head.lower_ in ONLY_CAPITALISED:
            return None
        if label == "LOC" and (doc[k:name_end].text.isupper() or _organisation(doc[k:name_end].text)):
            return None  # "les pays de l'UE", "les pays de l'OCDE": an organisation, not a place's name
        return Span(doc, start, name_end, label=label, span_id=BODY_MARKER)

    def _before(self, doc: Doc, start: int, end: int, label: str) -> Span | None:
        """English: the name, then its head ("Antwerp criminal court", "Brussels-Midi police zone")."""
        k = start
        while k > 0 and doc[k - 1].is_lower and doc[k - 1].pos_ == "ADJ" and start - k < 2:
            k -= 1  # "public", "criminal"
        first = k
        while first > 0 and start - first < MAX_NAME_TOKENS and _name_token(doc[first - 1]):
            first -= 1
        if (first < k and doc[first].lower_ in ("a", "an")) or (first > 0 and doc[first - 1].lower_ in ("a", "an")):
            return None  # "A Belgian court", "a Brussels court": one court of many, not a name
        if first < k and doc[first].lower_ == "the" and doc[first + 1].text != "Hague":
            first += 1  # "The Brussels-Midi police zone" (but "The Hague District Court")
        name = doc[first:k].text
        nationality = " " not in name and "-" not in name and name.endswith(_NATIONALITY_ENDINGS)
        if first == k or (name.isupper() and len(name) <= 3) or nationality:
            return None  # "the EU court", "a Dutch court": a description, not a name
        return Span(doc, first, end, label=label, span_id=BODY_MARKER)


def _organisation(name: str) -> bool:
    """Whether the knowledge base knows a name as an organisation's ("OCDE", "Opep")."""
    known = linking.lookup(name, None)
    return known is not None and known.source == "alias" and known.type == "ORG"


def _name_token(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() or (text in ("-", "/", "'", "’") and not token.whitespace_)


def _name_end(doc: Doc, k: int) -> int:
    """Past the proper name starting at k: capitalised words, glued hyphens, particles before a capital."""
    start, end = k, k
    while k < len(doc) and k - start < MAX_NAME_TOKENS:
        token = doc[k]
        if token.text[:1].isupper() or (token.like_num and end > start):
            k += 1
            end = k
        elif end > start and (_glued(doc, k) or _particle_before_name(doc, k)):
            k += 1
        else:
            break
    return end


def _glued(doc: Doc, k: int) -> bool:
    """A hyphen or apostrophe with no space before it: "Bruxelles-Midi" comes as three tokens."""
    return doc[k].text in ("-", "/", "'", "’") and not doc[k - 1].whitespace_


def _particle_before_name(doc: Doc, k: int) -> bool:
    low = doc[k].lower_
    if low in PREPOSITION_PARTICLES:  # "Alphen aan den Rijn", but "het parket van Gent aan Belga", "op Facebook"
        return k + 2 < len(doc) and doc[k + 1].lower_ in ARTICLES_AFTER and doc[k + 2].text[:1].isupper()
    return low in NAME_PARTICLES and k + 1 < len(doc) and doc[k + 1].text[:1].isupper()


FACTORY = "wire_bodies"


@Language.factory(FACTORY)
def make_body_finder(nlp: Language, name: str) -> BodyFinder:
    """Named bodies and places (common-noun head plus proper name) as entities: `nlp.add_pipe("wire_bodies")`."""
    return BodyFinder(nlp, name)
