"""The curated knowledge base (streams/data/kb/*.toml): read directly with tomllib, no code needed.

What is checked is the format of streams/data/kb/README.md: files parse, ids are slugs unique per
type, kinds come from the documented list, every form is a clean string owned by one entry only,
people have a gender, `titled` comes with `titles`, both apostrophe styles are given, and every
id of the former streams/data/aliases.toml is still there with its forms.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KB_DIR = Path(__file__).resolve().parents[2] / "streams" / "data" / "kb"
README = KB_DIR / "README.md"

TYPES = ("per", "org", "loc")
KINDS = frozenset(
    """party government parliament court prosecutor police institution agency public_company union
    federation media club national_team sports_body company international ngo armed_group platform
    band royal politician person country city region province building venue street other""".split()
)
FIELDS = frozenset(("kind", "country", "gender", "names", "local_names", "titled", "titles", "parent", "note"))
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
GAZETTEER_ID = re.compile(r"^(?:iso3166:[A-Z]{2}|geonames:[0-9]+)$")  # loc ids shared with the gazetteers
COUNTRY = re.compile(r"^[A-Z]{2}$")
ACCENTED_CAPITALS = str.maketrans("ÉÈÊÀÂÎÔÛ", "EEEAAIOU")

# Forms that name someone or something else too often to be anybody's (the README's rule).
NEVER_FORMS = frozenset(
    """Trump Michel Peeters Janssens Engagés Ensemble Standaard Covid Mondial Hollande Biden Johnson
    Powell Timmermans Kabila Bolsonaro Albanese Metro RTL Antwerp Anderlecht Genk Gent Charleroi Lille
    Liverpool Milan Dortmund Lotto Swift""".split()
) | {"Le Pen", "Champions League", "Tour de France", "Euro 2024", "Premier League", "Ligue des champions"}

# Every entry of the former streams/data/aliases.toml: same type, same id, every form kept.
MIGRATED: dict[str, dict[str, list[str]]] = {
    "per": {
        "vladimir-putin": [
            "Vladimir Putin",
            "Vladimir Poutine",
            "Vladimir Poetin",
            "Wladimir Putin",
            "Putin",
            "Poutine",
            "Poetin",
        ],
        "volodymyr-zelensky": [
            "Volodymyr Zelensky",
            "Volodymyr Zelenskyy",
            "Volodymyr Zelenski",
            "Volodymyr Zelenskiy",
            "Wolodymyr Selenskyj",
            "Zelensky",
            "Zelenskyy",
            "Zelenski",
            "Zelenskiy",
            "Selenskyj",
        ],
        "sergei-lavrov": [
            "Sergei Lavrov",
            "Sergey Lavrov",
            "Sergueï Lavrov",
            "Sergej Lavrov",
            "Sergej Lawrow",
            "Lavrov",
            "Lawrow",
        ],
        "dmitry-peskov": ["Dmitry Peskov", "Dmitri Peskov", "Peskov"],
        "nikolai-patrushev": [
            "Nikolai Patrushev",
            "Nikolaï Patrouchev",
            "Nikolaj Patroesjev",
            "Patrushev",
            "Patrouchev",
            "Patroesjev",
        ],
        "dmitry-medvedev": ["Dmitry Medvedev", "Dmitri Medvedev", "Medvedev"],
        "alexei-navalny": ["Alexei Navalny", "Alexeï Navalny", "Aleksej Navalny", "Navalny", "Navalni"],
        "alexander-lukashenko": [
            "Alexander Lukashenko",
            "Alexandre Loukachenko",
            "Aleksandr Loekasjenko",
            "Lukashenko",
            "Loukachenko",
            "Loekasjenko",
        ],
        "xi-jinping": ["Xi Jinping"],
        "recep-tayyip-erdogan": ["Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", "Erdogan", "Erdoğan"],
        "benjamin-netanyahu": [
            "Benjamin Netanyahu",
            "Benyamin Netanyahu",
            "Benjamin Netanyahou",
            "Benyamin Netanyahou",
            "Benjamin Netanjahoe",
            "Netanyahu",
            "Netanyahou",
            "Netanjahoe",
        ],
        "ali-khamenei": ["Ali Khamenei", "Ali Khameneï", "Ali Chamenei", "Khamenei", "Khameneï", "Chamenei"],
        "kim-jong-un": ["Kim Jong-un", "Kim Jong Un", "Kim Jong-eun"],
        "mahmoud-abbas": ["Mahmoud Abbas", "Mahmoed Abbas"],
        "bashar-al-assad": ["Bashar al-Assad", "Bachar al-Assad", "Bashar al-Asad", "Basjar al-Assad"],
    },
    "org": {
        "european-union": ["European Union", "Union européenne", "Europese Unie", "Europäische Union", "EU", "UE"],
        "european-commission": [
            "European Commission",
            "Commission européenne",
            "Europese Commissie",
            "Europäische Kommission",
        ],
        "european-parliament": [
            "European Parliament",
            "Parlement européen",
            "Europees Parlement",
            "Europäisches Parlament",
        ],
        "european-council": ["European Council", "Conseil européen", "Europese Raad"],
        "european-central-bank": [
            "European Central Bank",
            "Banque centrale européenne",
            "Europese Centrale Bank",
            "Europäische Zentralbank",
            "ECB",
            "BCE",
            "EZB",
        ],
        "court-of-justice-of-the-european-union": [
            "Court of Justice of the European Union",
            "Cour de justice de l'Union européenne",
            "Hof van Justitie van de Europese Unie",
            "Europees Hof van Justitie",
            "CJEU",
            "CJUE",
        ],
        "european-court-of-human-rights": [
            "European Court of Human Rights",
            "Cour européenne des droits de l'homme",
            "Europees Hof voor de Rechten van de Mens",
            "ECHR",
            "CEDH",
            "EHRM",
        ],
        "united-nations": [
            "United Nations",
            "Nations unies",
            "Verenigde Naties",
            "Vereinte Nationen",
            "UN",
            "ONU",
            "VN",
        ],
        "un-security-council": [
            "UN Security Council",
            "United Nations Security Council",
            "Conseil de sécurité de l'ONU",
            "Conseil de sécurité des Nations unies",
            "VN-Veiligheidsraad",
        ],
        "nato": [
            "NATO",
            "OTAN",
            "NAVO",
            "North Atlantic Treaty Organization",
            "Organisation du traité de l'Atlantique nord",
            "Noord-Atlantische Verdragsorganisatie",
        ],
        "world-health-organization": [
            "World Health Organization",
            "Organisation mondiale de la santé",
            "Wereldgezondheidsorganisatie",
            "WHO",
            "OMS",
            "WGO",
        ],
        "international-monetary-fund": [
            "International Monetary Fund",
            "Fonds monétaire international",
            "Internationaal Monetair Fonds",
            "IMF",
            "FMI",
            "IWF",
        ],
        "world-bank": ["World Bank", "Banque mondiale", "Wereldbank", "Weltbank"],
        "world-trade-organization": [
            "World Trade Organization",
            "Organisation mondiale du commerce",
            "Wereldhandelsorganisatie",
            "WTO",
            "OMC",
        ],
        "international-criminal-court": [
            "International Criminal Court",
            "Cour pénale internationale",
            "Internationaal Strafhof",
            "ICC",
            "CPI",
        ],
        "international-court-of-justice": [
            "International Court of Justice",
            "Cour internationale de justice",
            "Internationaal Gerechtshof",
            "ICJ",
            "CIJ",
        ],
        "red-cross": [
            "Red Cross",
            "Croix-Rouge",
            "Rode Kruis",
            "International Committee of the Red Cross",
            "Comité international de la Croix-Rouge",
            "Internationaal Comité van het Rode Kruis",
            "ICRC",
            "CICR",
            "ICRK",
        ],
        "unesco": ["UNESCO", "Unesco"],
        "unicef": ["UNICEF", "Unicef"],
        "opec": [
            "OPEC",
            "OPEP",
            "Organization of the Petroleum Exporting Countries",
            "Organisation des pays exportateurs de pétrole",
        ],
        "oecd": [
            "OECD",
            "OCDE",
            "Organisation for Economic Co-operation and Development",
            "Organisation de coopération et de développement économiques",
            "Organisatie voor Economische Samenwerking en Ontwikkeling",
        ],
        "hezbollah": ["Hezbollah", "Hizbollah", "Hizballah"],
        "kremlin": ["Kremlin"],
        "white-house": ["White House", "Maison Blanche", "Maison-Blanche", "Witte Huis"],
        "elysee": ["Elysée", "Élysée", "Elysee Palace", "Palais de l'Élysée"],
        "downing-street": ["Downing Street"],
        "pentagon": ["Pentagon", "Pentagone"],
        "belgian-federal-government-wetstraat": ["Wetstraat"],  # "rue de la Loi" is the street itself
        "quai-d-orsay": ["Quai d'Orsay"],
        "euronext-brussels": ["Euronext Brussels", "Euronext Bruxelles", "Euronext Brussel"],
        "euronext-paris": ["Euronext Paris"],
        "euronext-amsterdam": ["Euronext Amsterdam"],
        "london-stock-exchange": ["London Stock Exchange", "LSE"],
        "new-york-stock-exchange": ["New York Stock Exchange", "NYSE"],
        "belgian-chamber-of-representatives": [
            "Chambre des représentants",
            "Kamer van volksvertegenwoordigers",
            "Belgian Chamber of Representatives",
        ],
        "belgian-senate": ["Sénat de Belgique", "Belgische Senaat"],
        "national-bank-of-belgium": [
            "National Bank of Belgium",
            "Banque nationale de Belgique",
            "Nationale Bank van België",
            "BNB",
            "NBB",
        ],
        "sncb-nmbs": [
            "SNCB",
            "NMBS",
            "Société nationale des chemins de fer belges",
            "Nationale Maatschappij der Belgische Spoorwegen",
            "Belgian railways",
        ],
        "stib-mivb": ["STIB", "MIVB"],
        "belgian-state-security": ["Sûreté de l'État", "Staatsveiligheid", "VSSE"],
        "belgian-national-football-team": ["Diables rouges", "Rode Duivels", "Red Devils"],
        "royal-belgian-football-association": [
            "Union royale belge des sociétés de football-association",
            "Koninklijke Belgische Voetbalbond",
            "URBSFA",
            "KBVB",
            "RBFA",
        ],
        "ku-leuven": ["KU Leuven", "Katholieke Universiteit Leuven"],
        "uclouvain": ["UCLouvain", "Université catholique de Louvain"],
        "ulb": ["ULB", "Université libre de Bruxelles"],
        "x": ["X"],
        "twitter": ["Twitter"],
        "telegram": ["Telegram"],
        "facebook": ["Facebook"],
        "instagram": ["Instagram"],
        "tiktok": ["TikTok"],
        "youtube": ["YouTube"],
        "whatsapp": ["WhatsApp"],
        "linkedin": ["LinkedIn"],
        "truth-social": ["Truth Social"],
        "vub": ["VUB", "Vrije Universiteit Brussel"],
    },
    "loc": {
        "iso3166:US": [
            "USA",
            "US",
            "U.S.",
            "VS",
            "États-Unis d'Amérique",
            "Verenigde Staten van Amerika",
            "United States of America",
        ],
        "iso3166:GB": ["UK", "U.K.", "VK", "Britain", "Great Britain", "Grande-Bretagne", "Groot-Brittannië"],
        "iso3166:CD": [
            "RDC",
            "RDCongo",
            "DRC",
            "DR Congo",
            "Democratic Republic of Congo",
            "Democratic Republic of the Congo",
            "République démocratique du Congo",
            "Democratische Republiek Congo",
            "Congo-Kinshasa",
        ],
        "iso3166:CG": ["Congo-Brazzaville"],
        "iso3166:CZ": ["Czech Republic", "République tchèque", "Tsjechische Republiek"],
        "iso3166:NL": ["Holland", "Hollande"],
        "iso3166:KR": ["South Korea", "Corée du Sud", "Zuid-Korea"],
        "iso3166:KP": ["North Korea", "Corée du Nord", "Noord-Korea"],
        "iso3166:CI": ["Ivory Coast", "Côte d'Ivoire", "Ivoorkust"],
        "iso3166:PS": [
            "Palestine",
            "Palestina",
            "Palestinian territories",
            "Territoires palestiniens",
            "Palestijnse gebieden",
        ],
        "iso3166:RU": ["Fédération de Russie", "Russische Federatie", "Russian Federation"],
        "geonames:703448": ["Kyiv", "Kiev", "Kiëv", "Kyjiv"],
        "geonames:2800866": ["Bruxelles", "Brussel", "Brussels", "Brüssel"],
        "geonames:2747373": ["La Haye", "Den Haag", "The Hague", "'s-Gravenhage"],
        "geonames:6255148": ["Europe", "Europa"],
        "flanders": ["Flandre", "Vlaanderen", "Flanders", "Flandern"],
        "wallonia": ["Wallonie", "Wallonië", "Wallonia", "Wallonien"],
        "brussels-capital-region": [
            "Région de Bruxelles-Capitale",
            "Brussels Hoofdstedelijk Gewest",
            "Brussels-Capital Region",
        ],
        "gaza-strip": ["Gaza Strip", "Bande de Gaza", "Gazastrook"],
        "west-bank": ["West Bank", "Cisjordanie", "Westelijke Jordaanoever"],
        "middle-east": ["Middle East", "Proche-Orient", "Moyen-Orient", "Midden-Oosten"],
        "crimea": ["Crimea", "Crimée", "Krim"],
        "donbas": ["Donbas", "Donbass"],
        "ardennes": ["Ardennes", "Ardennen"],
    },
}


def _load() -> dict[Path, dict]:
    return {path: tomllib.loads(path.read_text(encoding="utf-8")) for path in sorted(KB_DIR.glob("*.toml"))}


@pytest.fixture(scope="module")
def files() -> dict[Path, dict]:
    return _load()


@pytest.fixture(scope="module")
def entries(files) -> dict[tuple[str, str], dict]:
    """(type, id) -> entry, with the file it came from under '_file'."""
    out: dict[tuple[str, str], dict] = {}
    for path, data in files.items():
        for kind, table in data.items():
            for entity_id, entry in table.items():
                out.setdefault((kind, entity_id), {**entry, "_file": path.name})
    return out


def test_the_kb_has_files_that_all_parse(files):
    assert len(files) >= 5
    assert README.is_file()


def test_top_level_tables_are_entity_types_of_entries(files):
    for path, data in files.items():
        for kind, table in data.items():
            assert kind in TYPES, f"{path.name}: [{kind}] is not one of {TYPES}"
            assert isinstance(table, dict), f"{path.name}: [{kind}] must be a table"
            for entity_id, entry in table.items():
                assert isinstance(entry, dict), f"{path.name}: {kind}.{entity_id} must be a table"


def test_ids_are_slugs_unique_across_files_per_type(files):
    seen: dict[tuple[str, str], str] = {}
    for path, data in files.items():
        for kind, table in data.items():
            for entity_id in table:
                ok = SLUG.match(entity_id) or (kind == "loc" and GAZETTEER_ID.match(entity_id))
                assert ok, f"{path.name}: {kind}.{entity_id!r} is not a lowercase ASCII slug"
                where = seen.setdefault((kind, entity_id), path.name)
                assert where == path.name, f"{kind}:{entity_id} is in {where} and {path.name}"


def test_entries_have_known_fields_and_a_documented_kind(entries):
    for (kind, entity_id), entry in entries.items():
        unknown = set(entry) - FIELDS - {"_file"}
        assert not unknown, f"{kind}:{entity_id}: unknown fields {sorted(unknown)}"
        assert entry.get("kind") in KINDS, f"{kind}:{entity_id}: kind {entry.get('kind')!r} is not documented"
        if "country" in entry:
            assert COUNTRY.match(entry["country"]), f"{kind}:{entity_id}: country must be ISO 3166 alpha-2"
        if "note" in entry:
            assert isinstance(entry["note"], str) and entry["note"].strip()


def test_every_documented_kind_is_in_the_readme():
    text = README.read_text(encoding="utf-8")
    missing = [kind for kind in sorted(KINDS) if f"`{kind}`" not in text]
    assert not missing, f"kinds not documented in README.md: {missing}"


def test_forms_are_clean_non_empty_strings(entries):
    for (kind, entity_id), entry in entries.items():
        names = entry.get("names")
        assert isinstance(names, list) and names, f"{kind}:{entity_id}: names must be a non-empty list"
        for field in ("names", "local_names", "titled", "titles"):
            forms = entry.get(field, [])
            assert isinstance(forms, list), f"{kind}:{entity_id}: {field} must be a list"
            for form in forms:
                assert isinstance(form, str) and form, f"{kind}:{entity_id}: {field} has {form!r}"
                assert form == form.strip(), f"{kind}:{entity_id}: {form!r} has leading or trailing spaces"
                assert "  " not in form, f"{kind}:{entity_id}: {form!r} has a double space"
            assert len(set(forms)) == len(forms), f"{kind}:{entity_id}: {field} repeats a form"


def test_people_have_a_gender_and_places_no_gender(entries):
    for (kind, entity_id), entry in entries.items():
        if kind == "per":
            assert entry.get("gender") in ("m", "f"), f"per:{entity_id}: gender must be 'm' or 'f'"
        else:
            assert "gender" not in entry, f"{kind}:{entity_id}: only people have a gender"


def test_titled_forms_come_with_lower_case_titles(entries):
    for (kind, entity_id), entry in entries.items():
        if "titled" in entry:
            assert entry.get("titles"), f"{kind}:{entity_id}: titled forms need titles"
        if "titles" in entry:
            assert "titled" in entry, f"{kind}:{entity_id}: titles without titled forms"
            for title in entry["titles"]:
                assert title == title.lower(), f"{kind}:{entity_id}: title {title!r} must be lower case"


def test_local_names_need_a_country(entries):
    for (kind, entity_id), entry in entries.items():
        if entry.get("local_names"):
            assert "country" in entry, f"{kind}:{entity_id}: local_names apply by country, give one"


def test_parents_are_known_organisations(entries):
    for (kind, entity_id), entry in entries.items():
        if "parent" in entry:
            assert ("org", entry["parent"]) in entries, f"{kind}:{entity_id}: parent org:{entry['parent']} unknown"


def test_no_form_names_two_entries(entries):
    """A form is one entry's; only local_names of entries of different countries, and titled forms, may meet."""
    owners: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # form -> [(id, field, country)]
    for (kind, entity_id), entry in entries.items():
        for field in ("names", "local_names"):
            for form in entry.get(field, []):
                owners[form].append((f"{kind}:{entity_id}", field, entry.get("country", "")))
    clashes = []
    for form, found in owners.items():
        if len({owner for owner, _, _ in found}) < 2:
            continue
        local_only = all(field == "local_names" for _, field, _ in found)
        countries = [country for _, _, country in found]
        if not (local_only and len(set(countries)) == len(countries)):
            clashes.append(f"{form!r}: {', '.join(owner for owner, _, _ in found)}")
    assert not clashes, "forms owned by two entries:\n" + "\n".join(sorted(clashes))


def test_both_apostrophe_styles_are_given(entries):
    for (kind, entity_id), entry in entries.items():
        for field in ("names", "local_names", "titled"):
            forms = set(entry.get(field, []))
            for form in forms:
                if "'" in form:
                    assert form.replace("'", "’") in forms, f"{kind}:{entity_id}: {form!r} lacks its ’ form"
                if "’" in form:
                    assert form.replace("’", "'") in forms, f"{kind}:{entity_id}: {form!r} lacks its ' form"


def test_accented_capitals_also_come_without_accent(entries):
    """Belgian copy often drops accents on capitals: Etat islamique, Ecolo."""
    for (kind, entity_id), entry in entries.items():
        for field in ("names", "local_names", "titled"):
            forms = set(entry.get(field, []))
            for form in forms:
                plain = form.translate(ACCENTED_CAPITALS)
                assert plain in forms, f"{kind}:{entity_id}: {form!r} lacks {plain!r}"


def test_forms_that_name_others_too_are_nobodys(entries):
    for (kind, entity_id), entry in entries.items():
        bad = set(NEVER_FORMS.intersection(entry.get("names", [])))
        if kind == "loc" and entity_id == "iso3166:NL":
            bad.discard("Hollande")  # the country, in French; never François Hollande
        assert not bad, f"{kind}:{entity_id}: {sorted(bad)} name others too"


def test_every_former_alias_is_migrated_with_its_forms(entries):
    for kind, table in MIGRATED.items():
        for entity_id, forms in table.items():
            entry = entries.get((kind, entity_id))
            assert entry is not None, f"{kind}:{entity_id} of the former aliases.toml is missing"
            missing = [form for form in forms if form not in entry["names"]]
            assert not missing, f"{kind}:{entity_id}: forms of the former aliases.toml missing: {missing}"


def test_gazetteer_ids_are_countries_and_cities(entries):
    for (_kind, entity_id), entry in entries.items():
        if entity_id.startswith("iso3166:"):
            assert entry["kind"] == "country" and entry.get("country") == entity_id.partition(":")[2]
        elif entity_id.startswith("geonames:"):
            assert entry["kind"] in ("city", "region"), f"loc:{entity_id}: a GeoNames id is a city (or a region)"


def test_the_old_alias_file_is_gone():
    assert not (KB_DIR.parent / "aliases.toml").exists(), "aliases.toml is replaced by the KB"


def test_the_kb_is_broad():
    counts: dict[str, int] = defaultdict(int)
    for data in _load().values():
        for kind, table in data.items():
            counts[kind] += len(table)
    assert sum(counts.values()) >= 1000, dict(counts)
    assert all(counts[kind] for kind in TYPES), dict(counts)
