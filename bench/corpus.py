"""A deterministic corpus of synthetic wire dispatches for the benchmark: French, Dutch and English.

    from bench.corpus import generate, messages
    items = generate(600)        # Dispatch-like items with their language, body and word count
    pairs = messages(600)        # [(key, value)] as raw Kafka message bytes

Everything is written here (sentence templates, name lists); nothing comes from the evaluation
data. The same `count` and `seed` always give the same bytes (only `random.Random(seed)` is used,
and nothing iterates over a set); a shorter corpus is a prefix of a longer one.

What the copy looks like:

- languages in the mix of a Belgian desk: 13 French, 4 Dutch and 3 English in every 20 dispatches;
- lengths from 100 to 800 words (a log-normal around 360 words, mean about 400);
- the wire header of each agency (`LIÈGE, 14 mars (Belga) -`, `GENT 22/09 (BELGA) =`,
  `ANTWERP, Belgium, May 12 (Reuters) -`), sometimes a headline, an urgency marker or a byline,
  and the agency's sign-off (`(Belga)`, AFP initials, `(Reporting by ...)`);
- people with a role on first mention and a surname after, organisations, places;
- direct quotes in « », " " and ' ' marks, mixed quotes, and reported speech;
- about one dispatch in ten as a JSON envelope rather than plain text.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta

import orjson

DEFAULT_SEED = 20250314
MIN_WORDS, MAX_WORDS = 100, 800
LANGUAGE_CYCLE = ("fr",) * 13 + ("nl",) * 4 + ("en",) * 3  # shuffled per block of 20
ENVELOPE_SHARE = 0.1
_DANGLING_COMMA_RE = re.compile(r",(?=[.,:;])")  # "a déclaré X, ministre,." -> "a déclaré X, ministre."
_FR_CONTRACTIONS = {" de le ": " du ", " de les ": " des ", " à le ": " au ", " à les ": " aux ", " de de ": " de "}
_FR_CONTRACTION_RE = re.compile("|".join(_FR_CONTRACTIONS))


@dataclass(frozen=True)
class Item:
    """One synthetic dispatch."""

    key: str  # also the dispatch id (an envelope's id is the key)
    lang: str
    agency: str
    format: str  # "text" or "envelope"
    headline: str | None
    text: str  # the dispatch as it comes off the wire: header, story, sign-off
    body: str  # the story alone: what a language model reads
    value: bytes  # the raw message value

    @property
    def words(self) -> int:
        return len(self.text.split())

    def message(self, suffix: str = "") -> tuple[bytes, bytes]:
        """(key, value) of this dispatch; a suffix makes another dispatch id with the same text."""
        key = self.key + suffix
        if self.format == "envelope" and suffix:
            envelope = orjson.loads(self.value)
            envelope["id"] = key
            return key.encode(), orjson.dumps(envelope)
        return key.encode(), self.value


def generate(count: int = 600, seed: int = DEFAULT_SEED) -> list[Item]:
    """`count` dispatches, always the same for the same arguments."""
    langs: list[str] = []
    while len(langs) < count:
        block = list(LANGUAGE_CYCLE)
        random.Random(f"{seed}/languages/{len(langs)}").shuffle(block)
        langs.extend(block)
    start = date(2025, 3, 3)
    items = []
    for i, lang in enumerate(langs[:count]):
        rng = random.Random(f"{seed}/{i}")  # one generator per dispatch: a shorter corpus is a prefix of a longer one
        day = start + timedelta(days=i // 40)
        target = min(MAX_WORDS - 40, max(MIN_WORDS, round(rng.lognormvariate(math.log(360), 0.5))))
        items.append(_Story(rng, LANGUAGES[lang], day, target).build(f"bench-{seed}-{i:05d}-{lang}"))
    return items


def messages(count: int = 600, seed: int = DEFAULT_SEED) -> list[tuple[bytes, bytes]]:
    """The corpus as raw Kafka messages: (key, value) bytes."""
    return [item.message() for item in generate(count, seed)]


# -- the story builder --------------------------------------------------------------------------


@dataclass
class _Person:
    first: str
    last: str
    female: bool
    role: str  # with its article: "la ministre de la Santé"
    appositive: bool  # named as "Name, role," only ("a spokesperson for NATO")
    mentions: int = 0

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


class _Slots(dict):
    """Template slots filled on first use, so a template draws only what it names."""

    def __init__(self, story: _Story, fixed: dict[str, str]) -> None:
        super().__init__(fixed)
        self.story = story

    def __missing__(self, name: str) -> str:
        value = self.story.slot(name, self)
        self[name] = value
        return value

    def fill(self, template: str) -> str:
        text = _DANGLING_COMMA_RE.sub("", template.format_map(self))
        if self.story.lang.code == "fr":  # "de le plan" -> "du plan"
            text = _FR_CONTRACTION_RE.sub(lambda m: _FR_CONTRACTIONS[m.group(0)], text)
        return text


class _Story:
    def __init__(self, rng: random.Random, lang: Language, day: date, target_words: int) -> None:
        self.rng = rng
        self.lang = lang
        self.day = day
        self.target = target_words
        self.agency = rng.choice(lang.agencies)
        self.place = rng.choice(lang.places)  # "City|Country" for the English datelines
        self.city = self.place.partition("|")[0]
        self.org = rng.choice(lang.orgs)
        self.topic = rng.choice(lang.topics)
        self.people = [self._person() for _ in range(rng.randint(2, 4))]
        self.last_speaker: _Person | None = None
        self.decks: dict[str, list[str]] = {}

    def draw(self, name: str, cards: tuple[str, ...]) -> str:
        """A template not used yet in this story, while there are some (a shuffled deck, dealt again when empty)."""
        deck = self.decks.get(name)
        if not deck:
            deck = self.decks[name] = list(cards)
            self.rng.shuffle(deck)
        return deck.pop()

    def _person(self) -> _Person:
        first, gender = self.rng.choice(self.lang.first_names)
        last = self.rng.choice(self.lang.last_names)
        female = gender == "f"
        role = self.rng.choice(self.lang.roles)
        if isinstance(role, tuple):
            role = role[1] if female else role[0]
        appositive = self.lang.code == "en" and "{" in role
        role = role.format(org=self.rng.choice(self.lang.orgs), place=self.city)
        return _Person(first, last, female, role, appositive)

    # slots ------------------------------------------------------------------------------------

    def mention(self, person: _Person) -> str:
        """A person as a wire story names them: role and full name first, surname after."""
        person.mentions += 1
        if person.mentions == 1:
            form = self.lang.first_mention[-1] if person.appositive else self.rng.choice(self.lang.first_mention)
            return form.format(role=person.role, name=person.full)
        return person.last

    def slot(self, name: str, slots: _Slots) -> str:
        rng, lang = self.rng, self.lang
        if name in ("SPK", "SPK2"):
            weights = [3] + [1] * (len(self.people) - 1)
            person = rng.choices(self.people, weights=weights)[0]
            if name == "SPK2":
                person = self.people[(self.people.index(person) + 1) % len(self.people)]
            self.last_speaker = person
            return self.mention(person)
        if name == "PRON":  # the last speaker's pronoun
            person = self.last_speaker or self.people[0]
            return lang.pronouns[1 if person.female else 0]
        if name == "P2":
            return self.mention(rng.choice(self.people[1:]))
        if name == "PLACE":
            return self.city
        if name in ("PLACE2", "PLACE3"):
            taken = (self.city, slots.get("PLACE2"))
            return rng.choice([c for c in (p.partition("|")[0] for p in lang.places) if c not in taken])
        if name == "ORG":
            return self.org
        if name == "ORG2":
            return rng.choice([o for o in lang.orgs if o != self.org])
        if name == "TOPIC":
            return self.topic
        if name == "DAY":
            return lang.weekdays[self.day.weekday()]
        if name == "DAY2":
            return rng.choice(lang.weekdays)
        if name == "MONTH":
            return lang.months[rng.randrange(12)]
        if name == "D":
            return str(rng.randint(2, 28))
        if name == "N":
            return lang.number(rng.choice((120, 350, 800, 1200, 2500, 4000, 15000, 60000)) + rng.randint(0, 99))
        if name == "N2":
            return str(rng.randint(2, 14))
        if name == "PCT":
            return lang.decimal(rng.randint(12, 290) / 10)
        if name == "AMOUNT":
            return lang.amount(rng.choice((4, 12, 40, 85, 150, 600)) + rng.randint(0, 3))
        if name == "YEAR":
            return str(self.day.year + rng.randint(1, 6))
        if name == "YEAR_PAST":
            return str(self.day.year - rng.randint(1, 9))
        if name == "Q":
            return self.quote_text()
        if name in ("QN", "QC"):  # without its full stop ("« ... », a dit X"), or with a comma ('"...," X said')
            return self.quote_text()[:-1] + ("," if name == "QC" else "")
        if name in lang.words:
            return _Slots(self, {k: v for k, v in slots.items() if k.isupper()}).fill(rng.choice(lang.words[name]))
        raise KeyError(name)

    def quote_text(self) -> str:
        parts = [self.draw("Q", self.lang.quote_pieces) for _ in range(self.rng.choice((1, 1, 2)))]
        return " ".join(_Slots(self, {}).fill(p) for p in dict.fromkeys(parts))

    # the story --------------------------------------------------------------------------------

    def sentence(self, kind: str) -> str:
        templates = {"fact": self.lang.facts, "quote": self.lang.quotes, "reported": self.lang.reported}[kind]
        return _cap(_Slots(self, {}).fill(self.draw(kind, templates)))

    def build(self, key: str) -> Item:
        rng, lang = self.rng, self.lang
        lead = _cap(_Slots(self, {}).fill(rng.choice(lang.leads)))
        header = lang.dateline(self.agency, self.place, self.day, rng)
        preamble = []
        headline = None
        if rng.random() < 0.05:
            preamble.append(rng.choice(lang.markers))
        if rng.random() < 0.35:
            headline = _cap(_Slots(self, {}).fill(rng.choice(lang.headlines)))
            preamble.append(headline)
        if self.agency in lang.bylines and rng.random() < 0.3:
            first, _ = rng.choice(lang.first_names)
            preamble.append(f"{lang.byline_word} {first} {rng.choice(lang.last_names).upper()}")
        sign_off = lang.sign_off(self.agency, rng)
        fixed = len(" ".join([*preamble, header, lead, sign_off]).split())
        paragraphs: list[list[str]] = [[lead]]
        words = fixed
        kinds = ("fact", "fact", "quote", "quote", "reported")
        for _ in range(10_000):
            if words >= self.target:
                break
            kind = rng.choice(kinds)
            sentence = self.sentence(kind)
            if words + len(sentence.split()) > MAX_WORDS - 5:
                continue
            if len(paragraphs[-1]) >= rng.choice((1, 2, 3)) or (kind == "quote" and rng.random() < 0.5):
                paragraphs.append([])
            paragraphs[-1].append(sentence)
            words += len(sentence.split())
        story = "\n\n".join(" ".join(p) for p in paragraphs)
        text = "".join(line + "\n" for line in preamble) + header + " " + story
        if sign_off:
            text += sign_off if sign_off.startswith(" ") else "\n\n" + sign_off
        text += "\n"
        fmt = "envelope" if rng.random() < ENVELOPE_SHARE else "text"
        if fmt == "envelope":
            envelope = {
                "id": key,
                "body": text,
                "headline": headline,
                "agency": lang.agency_names[self.agency],
                "lang": lang.code,
                "received_at": f"{self.day.isoformat()}T{rng.randint(5, 21):02d}:{rng.randint(0, 59):02d}:00Z",
            }
            value = orjson.dumps({k: v for k, v in envelope.items() if v is not None})
        else:
            value = text.encode("utf-8")
        return Item(key, lang.code, self.agency, fmt, headline, text, story, value)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


# -- languages ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Language:
    code: str
    agencies: tuple[str, ...]
    agency_names: dict[str, str]
    bylines: tuple[str, ...]
    byline_word: str
    markers: tuple[str, ...]
    first_names: tuple[tuple[str, str], ...]
    last_names: tuple[str, ...]
    roles: tuple[str | tuple[str, str], ...]
    first_mention: tuple[str, ...]
    pronouns: tuple[str, str]
    places: tuple[str, ...]
    orgs: tuple[str, ...]
    topics: tuple[str, ...]
    weekdays: tuple[str, ...]
    months: tuple[str, ...]
    headlines: tuple[str, ...]
    leads: tuple[str, ...]
    facts: tuple[str, ...]
    quotes: tuple[str, ...]
    reported: tuple[str, ...]
    quote_pieces: tuple[str, ...]
    words: dict[str, tuple[str, ...]]
    thousands: str
    decimal_mark: str
    currency: str

    def number(self, n: int) -> str:
        return f"{n:,}".replace(",", self.thousands)

    def decimal(self, x: float) -> str:
        return f"{x:.1f}".replace(".", self.decimal_mark)

    def amount(self, millions: int) -> str:
        return self.currency.format(n=millions)

    def dateline(self, agency: str, place: str, day: date, rng: random.Random) -> str:
        if self.code == "fr":
            if agency == "AFP":
                return f"{place.upper()}, {day.day} {self.months[day.month - 1]} {day.year} (AFP) -"
            return f"{place.upper()}, {day.day} {self.months[day.month - 1]} (Belga) -"
        if self.code == "nl":
            if agency == "ANP":
                return f"{place.upper()} (ANP) -"
            return f"{place.upper()} {day.day:02d}/{day.month:02d} (BELGA) ="
        city, _, country = place.partition("|")
        if agency == "AP":
            return f"{city.upper()} (AP) —"
        where = f"{city.upper()}, {country}" if country else city.upper()
        return f"{where}, {self.months[day.month - 1]} {day.day} (Reuters) -"

    def sign_off(self, agency: str, rng: random.Random) -> str:
        letters = "abcdefghijklmnoprstvw"

        def initials() -> str:
            return "".join(rng.choice(letters) for _ in range(rng.randint(2, 3)))

        if agency == "Belga" and self.code == "fr":
            return " (Belga)"
        if agency == "Belga":
            return f"{initials()}/{initials()}" if rng.random() < 0.5 else ""
        if agency == "AFP":
            return "/".join(initials() for _ in range(3))
        if agency == "Reuters":
            first, _ = rng.choice(self.first_names)
            first2, _ = rng.choice(self.first_names)
            reporter, editor = (f"{name} {rng.choice(self.last_names)}" for name in (first, first2))
            return f"(Reporting by {reporter}; Editing by {editor})"
        return ""


FR = Language(
    code="fr",
    agencies=("Belga", "Belga", "AFP"),
    agency_names={"Belga": "Belga", "AFP": "AFP"},
    bylines=("AFP",),
    byline_word="Par",
    markers=("URGENT", "ALERTE", "RECTIFICATIF"),
    first_names=tuple(
        (n, g)
        for names, g in (
            ("Sophie Nathalie Amina Claire Isabelle Élodie Céline Véronique Anne Sarah Hélène Camille Aurélie", "f"),
            ("Fatima Manon Lucie Pascale Ingrid", "f"),
            ("Marc Julien Pierre Thomas Karim Laurent Nicolas Mehdi François Olivier Youssef Benoît Didier", "m"),
            ("Grégory Philippe Jean-Luc Raphaël Cédric", "m"),
        )
        for n in names.split()
    ),
    last_names=(
        *"Dubois Lambert Marchal Leclercq Renard Delvaux Hermans Fontaine Mertens Collignon Dupont Lejeune "
        "Bertrand Lemaire Gilson Warnier Rousseau Piret Henrard Masson Delcourt Thiry Moreau Bastin Charlier "
        "Jacquet Gérard Noël Wathelet Dethier Kabongo Vandenberghe Goffin".split(),
        "Ben Salah",
        "Van der Straeten",
    ),
    roles=(
        ("le ministre de la Santé", "la ministre de la Santé"),
        ("le ministre wallon de l'Économie", "la ministre wallonne de l'Économie"),
        ("le Premier ministre", "la Première ministre"),
        ("le bourgmestre de {place}", "la bourgmestre de {place}"),
        ("le porte-parole de {org}", "la porte-parole de {org}"),
        ("le président de {org}", "la présidente de {org}"),
        ("le directeur général de {org}", "la directrice générale de {org}"),
        ("le secrétaire général de la FGTB", "la secrétaire générale de la FGTB"),
        ("le procureur du Roi", "la procureure du Roi"),
        ("l'avocat de la défense", "l'avocate de la défense"),
        ("l'économiste en chef de la Banque nationale", "l'économiste en chef de la Banque nationale"),
        ("le député écologiste", "la députée écologiste"),
        ("l'échevin de la Mobilité", "l'échevine de la Mobilité"),
    ),
    first_mention=("{role} {name}", "{name}, {role},"),
    pronouns=("il", "elle"),
    places=(
        *"Bruxelles Liège Namur Charleroi Mons Tournai Arlon Wavre Verviers Nivelles Paris Lyon Marseille Lille "
        "Strasbourg Genève Luxembourg Bordeaux Toulouse Dinant".split(),
        "Louvain-la-Neuve",
        "La Louvière",
    ),
    orgs=(
        "la SNCB",
        "la STIB",
        "Proximus",
        "la Commission européenne",
        "le Parlement wallon",
        "la FGTB",
        "la CSC",
        "l'Union wallonne des entreprises",
        "la Banque nationale",
        "la Cour constitutionnelle",
        "l'OTAN",
        "la Croix-Rouge",
        "Médecins sans frontières",
        "Engie Electrabel",
        "Sciensano",
        "l'Université de Liège",
        "le Standard de Liège",
        "la Fédération Wallonie-Bruxelles",
        "Infrabel",
        "l'Agence fédérale pour la sécurité de la chaîne alimentaire",
    ),
    topics=(
        "la réforme des pensions",
        "le budget de la Région wallonne",
        "la fermeture du site de production",
        "la pénurie de médecins généralistes",
        "les travaux sur la ligne ferroviaire",
        "la qualité de l'air en ville",
        "le plan de relance",
        "la hausse des prix de l'énergie",
        "la réforme de l'enseignement",
        "la sécurité dans les gares",
        "le projet de parc éolien en mer du Nord",
        "la restructuration annoncée",
    ),
    weekdays=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    months=("janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()),
    headlines=(
        "{ORG} annonce un plan de {AMOUNT}",
        "Accord trouvé sur {TOPIC}",
        "{PLACE} : nouvelle mobilisation contre {TOPIC}",
        "Les syndicats menacent de durcir le ton",
    ),
    leads=(
        "{SPK} a présenté {DAY} à {PLACE} un plan de {AMOUNT} consacré à {TOPIC}, qui doit être mis en œuvre "
        "d'ici {YEAR}.",
        "{ORG} a annoncé {DAY} {ANNOUNCE}, une décision qui touche près de {N} personnes dans la région de {PLACE}.",
        "Les discussions sur {TOPIC} ont repris {DAY} à {PLACE} entre {ORG} et les représentants du secteur, "
        "après {N2} semaines d'interruption.",
        "Plusieurs centaines de personnes ont manifesté {DAY} dans le centre de {PLACE} pour protester contre "
        "{TOPIC}, à l'appel de {ORG}.",
        "{SPK} a défendu {DAY} devant le parlement {TOPIC}, vivement critiquée par l'opposition et par {ORG}.",
    ),
    facts=(
        "Selon {ORG2}, le dossier concerne aujourd'hui plus de {N} ménages, soit une hausse de {PCT} % en un an.",
        "Le texte doit encore être approuvé par {ORG2} avant la fin du mois de {MONTH}.",
        "À {PLACE2}, quelque {N} personnes se sont rassemblées {DAY} devant le siège de {ORG2}.",
        "Les premiers chantiers devraient démarrer dès {SEASON} à {PLACE2} et à {PLACE3}.",
        "{ORG2} estime le coût total de l'opération à {AMOUNT}, dont {PCT} % à charge des pouvoirs publics.",
        "L'opposition a dénoncé un projet « {ADJ} » et réclame un débat en séance plénière.",
        "Le dossier avait déjà provoqué de vives tensions au sein de la majorité en {MONTH}.",
        "D'après les chiffres publiés {DAY} par {ORG2}, le nombre de {THING} a reculé de {PCT} % sur un an.",
        "La réunion s'est tenue à huis clos à {PLACE2}, en présence de {P2}.",
        "Une nouvelle rencontre est prévue le {D} {MONTH} à {PLACE2}.",
        "{P2} n'a pas souhaité commenter ces informations.",
        "Les syndicats menacent d'un nouveau mouvement de grève si aucun accord n'est trouvé d'ici {DAY2}.",
        "En {YEAR_PAST}, un projet comparable avait été abandonné faute de financement.",
        "Les services de secours sont intervenus à {N2} reprises dans la nuit, selon la zone de police de {PLACE2}.",
        "Le gouvernement fédéral a débloqué une enveloppe supplémentaire de {AMOUNT} pour {THING}.",
        "Entre {YEAR_PAST} et cette année, les effectifs sont passés de {N} à un peu moins de {N} personnes.",
        "Le conseil d'administration de {ORG2} se réunira le {D} {MONTH} pour trancher la question.",
        "Cette mesure s'inscrit dans le cadre plus large de {TOPIC}, en discussion depuis {YEAR_PAST}.",
        "Le parquet de {PLACE2} a ouvert une enquête, a confirmé {P2}.",
        "La circulation a été fortement perturbée {DAY} matin sur l'autoroute E411 à hauteur de {PLACE2}.",
        "{ORG2} et {ORG} se sont engagés à présenter un calendrier commun avant {SEASON}.",
        "Les détails du financement seront connus après le comité de concertation du {D} {MONTH}.",
        "Sur les réseaux sociaux, de nombreux habitants de {PLACE2} ont exprimé leur inquiétude.",
        "Le rapport, long de {N2}0 pages, pointe également des retards importants dans {THING_LIEU}.",
        "Quelque {N} dossiers sont toujours en attente de traitement à {PLACE2}, selon {ORG2}.",
        "La mesure coûterait {AMOUNT} par an au budget fédéral, selon une estimation de {ORG2}.",
    ),
    quotes=(
        "« {QN} », a déclaré {SPK}.",
        "« {QN} », a-t-{PRON} ajouté.",
        "{SPK} a affirmé : « {Q} »",
        '"{QN}", a souligné {SPK} devant la presse.',
        "« {QN} », a estimé {SPK} lors d'une conférence de presse à {PLACE}.",
        "Interrogé par Belga, {SPK} s'est montré prudent : « {Q} »",
        "{SPK} a salué « {FRAG} », tout en regrettant {REGRET}.",
        '"{QN}", a martelé {SPK}, sous les applaudissements.',
        "Pour {SPK}, il s'agit d'une situation 'extrêmement préoccupante pour les familles'.",
        "« {QN} », a réagi {SPK2}, qui dit attendre des garanties écrites.",
    ),
    reported=(
        "{SPK} a indiqué que {CLAUSE}.",
        "Selon {SPK}, {CLAUSE}.",
        "{SPK} a assuré que {CLAUSE}, sans toutefois avancer de calendrier.",
        "D'après {SPK2}, {CLAUSE}.",
        "{SPK} a précisé que {CLAUSE}.",
    ),
    quote_pieces=(
        "Nous devons {ACT} sans attendre.",
        "Il n'est pas question de {ACT} au détriment des travailleurs.",
        "C'est une étape importante pour {WHO}.",
        "Nous ne pouvons pas accepter que {TOPIC} soit traitée de cette manière.",
        "Les chiffres parlent d'eux-mêmes.",
        "Nous attendons des réponses concrètes avant {SEASON}.",
        "Ce n'est qu'un début, le plus dur reste à faire.",
        "Nous avons entendu les inquiétudes des habitants de {PLACE}.",
        "Personne ne peut prétendre que la situation est sous contrôle.",
        "Nous allons {ACT}, c'est un engagement que nous prenons aujourd'hui.",
    ),
    words={
        "ANNOUNCE": (
            "la suppression de {N} emplois",
            "un investissement de {AMOUNT}",
            "le report de la réforme",
            "la fermeture provisoire de deux sites",
        ),
        "SEASON": ("le printemps", "l'été", "l'automne", "la fin de l'année", "la rentrée"),
        "ADJ": ("mal préparé", "injuste et inefficace", "totalement déconnecté du terrain", "irréaliste"),
        "THING": ("demandeurs d'emploi", "faillites", "accidents de la route", "logements inoccupés", "retards"),
        "THING_LIEU": ("les hôpitaux", "les chantiers ferroviaires", "les écoles de la capitale", "les prisons"),
        "FRAG": ("une décision attendue depuis des années", "un signal fort pour la région", "un pas dans le bon sens"),
        "REGRET": ("l'absence de calendrier précis", "le manque de concertation", "le flou sur le financement"),
        "ACT": (
            "renforcer les contrôles",
            "réduire les délais",
            "financer de nouvelles infrastructures",
            "protéger le pouvoir d'achat",
            "rétablir la confiance",
            "moderniser le réseau",
        ),
        "WHO": ("les familles", "les petites entreprises", "les patients", "les navetteurs", "toute la région"),
        "CLAUSE": (
            "le gouvernement reviendrait sur le dossier {DAY2}",
            "les mesures entreraient en vigueur le 1er {MONTH}",
            "{ORG2} n'avait pas été consultée",
            "le budget prévu ne suffirait pas à couvrir les besoins",
            "aucune décision définitive n'avait encore été prise",
            "{N} emplois pourraient être menacés d'ici {YEAR}",
        ),
    },
    thousands="\u202f",
    decimal_mark=",",
    currency="{n} millions d'euros",
)

NL = Language(
    code="nl",
    agencies=("Belga", "Belga", "ANP"),
    agency_names={"Belga": "Belga", "ANP": "ANP"},
    bylines=(),
    byline_word="Door",
    markers=("DRINGEND", "SPOED"),
    first_names=tuple(
        (n, g)
        for names, g in (
            ("Sofie Els An Lotte Inge Sarah Eva Nathalie Hanne Griet Leen Marieke Femke Annelies", "f"),
            ("Pieter Jan Tom Wouter Bart Koen Joris Dirk Stijn Mohamed Bram Kris Jeroen Geert", "m"),
        )
        for n in names.split()
    ),
    last_names=(
        *"Janssens Peeters Maes Jacobs Mertens Willems Claes Goossens Wouters Vermeulen Hermans Verstraeten "
        "Dewulf Michiels Lemmens Aerts Bogaert Bakker Visser".split(),
        *("De Smet", "Van Damme", "Van den Broeck", "De Vos", "Van Acker", "de Jong", "El Amrani"),
    ),
    roles=(
        "Vlaams minister van Mobiliteit",
        "burgemeester van {place}",
        "woordvoerder van {org}",
        "CEO van {org}",
        "voorzitter van {org}",
        "federaal minister van Financiën",
        "procureur des Konings",
        "econoom bij de Nationale Bank",
        "schepen van Onderwijs",
        "Kamerlid",
    ),
    first_mention=("{role} {name}", "{name}, {role},"),
    pronouns=("hij", "ze"),
    places=(
        *"Brussel Antwerpen Gent Brugge Leuven Hasselt Mechelen Kortrijk Oostende Aalst Genk Amsterdam Rotterdam "
        "Utrecht Eindhoven Maastricht Roeselare Turnhout".split(),
        "Den Haag",
        "Sint-Niklaas",
    ),
    orgs=(
        "de NMBS",
        "De Lijn",
        "het Vlaams Parlement",
        "de Vlaamse regering",
        "het ACV",
        "het ABVV",
        "Voka",
        "de Nationale Bank",
        "de Europese Commissie",
        "de Universiteit Gent",
        "de KU Leuven",
        "Fluvius",
        "Infrabel",
        "Brussels Airport",
        "Club Brugge",
        "het Rode Kruis",
        "Unizo",
    ),
    topics=(
        "de hervorming van het onderwijs",
        "de nieuwe tramlijn",
        "de sluiting van de fabriek",
        "het tekort aan huisartsen",
        "de werken aan de ring",
        "de energiefactuur",
        "het stikstofakkoord",
        "de begroting van de stad",
        "de veiligheid in de stations",
        "de uitbreiding van de haven",
    ),
    weekdays=("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    months=("januari februari maart april mei juni juli augustus september oktober november december".split()),
    headlines=("{ORG} trekt {AMOUNT} uit voor {TOPIC}", "Akkoord over {TOPIC}", "Protest in {PLACE} tegen {TOPIC}"),
    leads=(
        "{SPK} heeft {DAY} in {PLACE} een plan van {AMOUNT} voorgesteld voor {TOPIC}.",
        "{ORG} heeft {DAY} bekendgemaakt dat {ANNOUNCE}, zo bevestigde een woordvoerder.",
        "In {PLACE} zijn {DAY} enkele honderden mensen op straat gekomen tegen {TOPIC}.",
        "De onderhandelingen over {TOPIC} zijn {DAY} in {PLACE} hervat, na {N2} weken stilstand.",
    ),
    facts=(
        "Volgens {ORG2} gaat het om meer dan {N} gezinnen, een stijging met {PCT} procent op een jaar tijd.",
        "Het voorstel moet nog worden goedgekeurd door {ORG2} voor het einde van {MONTH}.",
        "De eerste werken zouden in {SEASON} beginnen in {PLACE2} en {PLACE3}.",
        "{ORG2} raamt de totale kostprijs op {AMOUNT}.",
        "De oppositie noemt het plan 'ondoordacht en onbetaalbaar'.",
        "Een nieuwe vergadering staat gepland op {D} {MONTH} in {PLACE2}.",
        "{P2} wilde niet reageren op de berichten.",
        "De vakbonden dreigen met nieuwe acties als er tegen {DAY2} geen akkoord is.",
        "In {YEAR_PAST} werd een gelijkaardig project nog afgevoerd wegens geldgebrek.",
        "Het aantal {THING} daalde vorig jaar met {PCT} procent, blijkt uit cijfers van {ORG2}.",
        "De politiezone van {PLACE2} moest {N2} keer uitrukken tijdens het weekend.",
        "De raad van bestuur van {ORG2} komt op {D} {MONTH} samen om een beslissing te nemen.",
        "Het parket van {PLACE2} heeft een onderzoek geopend, bevestigde {P2}.",
        "Op de E40 ter hoogte van {PLACE2} was er {DAY}ochtend urenlang file.",
        "De details van de financiering worden na het overlegcomité van {D} {MONTH} bekendgemaakt.",
        "Ongeveer {N} dossiers wachten in {PLACE2} nog op een behandeling, zegt {ORG2}.",
    ),
    quotes=(
        "'{QN}', zei {SPK}.",
        "'{QN}', zegt {SPK}.",
        '"{QN}", verklaarde {SPK} op een persconferentie in {PLACE}.',
        "{SPK} reageerde tevreden: '{Q}'",
        "'{QN}', voegde {PRON} eraan toe.",
        "'{QN}', klinkt het bij {ORG}.",
        '"{QN}", aldus {SPK2}.',
    ),
    reported=(
        "{SPK} zei dat {CLAUSE}.",
        "Volgens {SPK} {CLAUSE_V2}.",
        "{SPK} benadrukte dat {CLAUSE}.",
        "Volgens {SPK2} {CLAUSE_V2}.",
    ),
    quote_pieces=(
        "We moeten nu {ACT}.",
        "Dit is een belangrijke stap voor {WHO}.",
        "We plukken de vruchten van jarenlang werk.",
        "Het is onaanvaardbaar dat {TOPIC} zo lang aansleept.",
        "De cijfers spreken voor zich.",
        "We verwachten concrete antwoorden voor {SEASON}.",
        "Dit is nog maar het begin.",
        "We hebben goed geluisterd naar de bewoners van {PLACE}.",
    ),
    words={
        "ANNOUNCE": (
            "er {N} banen verdwijnen",
            "het {AMOUNT} investeert",
            "de hervorming wordt uitgesteld",
            "twee vestigingen tijdelijk dichtgaan",
        ),
        "SEASON": ("de lente", "de zomer", "het najaar", "het einde van het jaar"),
        "THING": ("faillissementen", "verkeersongevallen", "werkzoekenden", "leegstaande woningen"),
        "ACT": (
            "investeren in de infrastructuur",
            "de wachttijden inkorten",
            "de koopkracht beschermen",
            "het vertrouwen herstellen",
        ),
        "WHO": ("de gezinnen", "de kleine ondernemingen", "de patiënten", "de pendelaars", "de hele regio"),
        "CLAUSE": (
            "de regering {DAY2} op het dossier terugkomt",
            "de maatregelen op 1 {MONTH} ingaan",
            "{ORG2} niet geraadpleegd werd",
            "er nog geen definitieve beslissing genomen is",
            "tegen {YEAR} {N} banen op de tocht staan",
        ),
        "CLAUSE_V2": (
            "komt de regering {DAY2} op het dossier terug",
            "gaan de maatregelen op 1 {MONTH} in",
            "is er nog geen definitieve beslissing genomen",
            "staan tegen {YEAR} {N} banen op de tocht",
        ),
    },
    thousands=".",
    decimal_mark=",",
    currency="{n} miljoen euro",
)

EN = Language(
    code="en",
    agencies=("Reuters", "Reuters", "AP"),
    agency_names={"Reuters": "Reuters", "AP": "AP"},
    bylines=("AP",),
    byline_word="By",
    markers=("UPDATE 1", "UPDATE 2", "BREAKING", "EXCLUSIVE"),
    first_names=tuple(
        (n, g)
        for names, g in (
            ("Sarah Emily Laura Anna Helen Priya Rachel Claire Grace Olivia Ingrid", "f"),
            ("Mark James David Michael Robert Daniel Thomas Ahmed Peter John Tobias", "m"),
        )
        for n in names.split()
    ),
    last_names=(
        "Ellison Harper Whitfield Morgan Patel Collins Barker Fletcher Hughes Brennan Okafor Sutton Reynolds "
        "Lawson Carter Doyle Kowalski Nakamura Ferreira Lindqvist".split()
    ),
    roles=(
        "Chief Executive",
        "Finance Minister",
        "Prime Minister",
        "a spokesperson for {org}",
        "the chair of {org}",
        "chief economist at {org}",
        "Health Commissioner",
        "union leader",
        "the mayor of {place}",
    ),
    first_mention=("{role} {name}", "{name}, {role},"),
    pronouns=("he", "she"),
    places=(
        "Brussels|Belgium",
        "Antwerp|Belgium",
        "London",
        "Frankfurt|Germany",
        "Paris",
        "Amsterdam|Netherlands",
        "Geneva|Switzerland",
        "Luxembourg",
        "Strasbourg|France",
        "Dublin|Ireland",
        "Milan|Italy",
        "Madrid|Spain",
    ),
    orgs=(
        "the European Commission",
        "the European Central Bank",
        "NATO",
        "the International Monetary Fund",
        "the World Health Organization",
        "the European Parliament",
        "Northgate Energy",
        "Rhine Logistics",
        "Volta Mobility",
        "Meridian Bank",
        "Euronext",
        "Eurostat",
        "the Bank of England",
    ),
    topics=(
        "the energy price cap",
        "the proposed merger",
        "the new emissions rules",
        "the budget deficit",
        "the planned job cuts",
        "the port expansion",
        "the trade talks",
        "the bond sale",
    ),
    weekdays=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    months=("January February March April May June July August September October November December".split()),
    headlines=("{ORG} to cut {N} jobs", "Talks on {TOPIC} resume", "{ORG} backs {TOPIC}"),
    leads=(
        "{ORG} said on {DAY} it would {ANNOUNCE}, as it struggles with weak demand and high costs.",
        "{SPK} on {DAY} defended {TOPIC}, saying it was needed to restore confidence in the sector.",
        "Talks on {TOPIC} resumed in {PLACE} on {DAY} after a pause of {N2} weeks, officials said.",
        "Investors turned cautious on {DAY} ahead of a decision by {ORG} on {TOPIC}.",
    ),
    facts=(
        "The plan still needs the approval of {ORG2}, which is expected to vote in {MONTH}.",
        "{ORG2} puts the total cost at {AMOUNT}, according to a document seen by Reuters.",
        "Shares in the company fell {PCT} percent in early trading.",
        "Unions said they would meet management on {DAY2} and did not rule out strikes.",
        "A similar project was abandoned in {YEAR_PAST} for lack of funding.",
        "{P2} declined to comment on the report.",
        "The number of {THING} fell {PCT} percent last year, data from {ORG2} showed.",
        "Another round of talks is scheduled for {MONTH} {D} in {CITY2}.",
        "About {N} people work at the sites in {CITY2} and {CITY3}.",
        "Prosecutors in {CITY2} have opened an investigation, {P2} confirmed.",
        "The company reported an operating loss of {AMOUNT} for the first half.",
        "Analysts at {ORG2} said the decision was largely priced in.",
        "Details of the financing will be published after a meeting on {MONTH} {D}.",
    ),
    quotes=(
        '"{QC}" {SPK} told reporters.',
        '"{QC}" {SPK} said in a statement.',
        '"{QC}" {PRON} added.',
        "{SPK} said: '{Q}'",
        '"{QC}" said {SPK2}.',
        "{SPK} described the situation as 'deeply worrying for households'.",
    ),
    reported=(
        "{SPK} said {CLAUSE}.",
        "{SPK} told reporters that {CLAUSE}.",
        "According to {SPK2}, {CLAUSE}.",
        "{SPK} warned that {CLAUSE}.",
    ),
    quote_pieces=(
        "We have to adapt to a market that is not coming back.",
        "This is an important step for {WHO}.",
        "The numbers speak for themselves.",
        "We expect concrete answers before {SEASON}.",
        "Nobody can pretend the situation is under control.",
        "We are going to {ACT}, and we will do it quickly.",
        "It is unacceptable that {TOPIC} has dragged on for so long.",
    ),
    words={
        "ANNOUNCE": ("cut {N} jobs", "invest {AMOUNT} in new plants", "delay the listing", "close two sites"),
        "SEASON": ("the summer", "the end of the year", "the autumn"),
        "THING": ("bankruptcies", "road accidents", "job seekers", "empty homes"),
        "ACT": ("invest in infrastructure", "cut waiting times", "protect jobs", "restore trust"),
        "WHO": ("families", "small businesses", "patients", "commuters", "the whole region"),
        "CLAUSE": (
            "the government would return to the issue on {DAY2}",
            "the measures would take effect on {MONTH} 1",
            "{ORG2} had not been consulted",
            "no final decision had been taken",
            "{N} jobs could be at risk by {YEAR}",
        ),
        "CITY2": ("Brussels", "Antwerp", "Rotterdam", "Hamburg", "Lyon", "Ghent"),
        "CITY3": ("Liege", "Charleroi", "Duisburg", "Le Havre"),
    },
    thousands=",",
    decimal_mark=".",
    currency="{n} million euros",
)

LANGUAGES = {"fr": FR, "nl": NL, "en": EN}
