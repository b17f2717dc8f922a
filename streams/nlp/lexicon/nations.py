"""Nationalities: the words each language writes for a country's people, and the sports codes after a name.

A nationality tells two people apart where a gender cannot: in "le Slovène Jan Novak ... a déclaré le Belge"
the Belgian is not the Slovenian. Each row is one nation: its key (the ISO country code, or a region's), its
three-letter sports code (as results write "Wout Verhaegen (BEL)"), then per language the nouns and adjectives
for its people, of either gender (French writes the noun and the adjective alike: "le Belge", "la coureuse
belge"). Regional nations (Flanders, Wallonia, Brussels, Scotland, Wales) are rows of their own: a
Fleming is also a Belgian, but copy that says "le Flamand" means the one it called Flemish.

Only singular forms: a plural ("les Belges") names no one speaker. Words that are also a country, a common name
or a thing in their language are left out: French "Suisse" and "Argentine" (the countries), Dutch "Waal" (a
river), "Noor" (a first name) and "Pool" (a pole), English "Pole".
"""

from __future__ import annotations

# key, sports code, French, Dutch, English
_ROWS = (
    ("be", "BEL", "belge", "belg belgische", "belgian"),
    (
        "nl",
        "NED",
        "néerlandais néerlandaise hollandais hollandaise",
        "nederlander nederlandse hollander",
        "dutch dutchman dutchwoman",
    ),
    ("fr", "FRA", "français française", "fransman franse française", "french frenchman frenchwoman"),
    ("de", "GER", "allemand allemande", "duitser duitse", "german"),
    (
        "gb",
        "GBR",
        "britannique anglais anglaise",
        "brit britse engelsman engelse",
        "british briton brit englishman englishwoman",
    ),
    ("ie", "IRL", "irlandais irlandaise", "ier ierse", "irish irishman irishwoman"),
    ("es", "ESP", "espagnol espagnole", "spanjaard spaanse", "spanish spaniard"),
    ("pt", "POR", "portugais portugaise", "portugees portugese", "portuguese"),
    ("it", "ITA", "italien italienne", "italiaan italiaanse", "italian"),
    ("ch", "SUI", "", "zwitser zwitserse", "swiss"),
    ("at", "AUT", "autrichien autrichienne", "oostenrijker oostenrijkse", "austrian"),
    ("dk", "DEN", "danois danoise", "deen deense", "danish dane"),
    ("se", "SWE", "suédois suédoise", "zweed zweedse", "swedish swede"),
    ("no", "NOR", "norvégien norvégienne", "noorse", "norwegian"),
    ("fi", "FIN", "finlandais finlandaise", "fin finse", "finnish finn"),
    ("pl", "POL", "polonais polonaise", "poolse", "polish"),
    ("cz", "CZE", "tchèque", "tsjech tsjechische", "czech"),
    ("sk", "SVK", "slovaque", "slowaak slowaakse", "slovak slovakian"),
    ("si", "SLO", "slovène", "sloveen sloveense", "slovenian slovene"),
    ("hr", "CRO", "croate", "kroaat kroatische", "croatian croat"),
    ("rs", "SRB", "serbe", "serviër servische", "serbian serb"),
    ("hu", "HUN", "hongrois hongroise", "hongaar hongaarse", "hungarian"),
    ("ro", "ROU", "roumain roumaine", "roemeen roemeense", "romanian"),
    ("bg", "BUL", "bulgare", "bulgaar bulgaarse", "bulgarian"),
    ("gr", "GRE", "grec grecque", "griek griekse", "greek"),
    ("tr", "TUR", "turc turque", "turk turkse", "turkish turk"),
    ("ru", "RUS", "russe", "rus russische", "russian"),
    ("ua", "UKR", "ukrainien ukrainienne", "oekraïner oekraïense", "ukrainian"),
    ("us", "USA", "américain américaine", "amerikaan amerikaanse", "american"),
    ("ca", "CAN", "canadien canadienne", "canadees canadese", "canadian"),
    ("br", "BRA", "brésilien brésilienne", "braziliaan braziliaanse", "brazilian"),
    ("ar", "ARG", "argentin", "argentijn argentijnse", "argentinian"),
    ("co", "COL", "colombien colombienne", "colombiaan colombiaanse", "colombian"),
    ("mx", "MEX", "mexicain mexicaine", "mexicaan mexicaanse", "mexican"),
    ("ma", "MAR", "marocain marocaine", "marokkaan marokkaanse", "moroccan"),
    ("dz", "ALG", "algérien algérienne", "algerijn algerijnse", "algerian"),
    ("tn", "TUN", "tunisien tunisienne", "tunesiër tunesische", "tunisian"),
    ("cd", "COD", "congolais congolaise", "congolees congolese", "congolese"),
    ("jp", "JPN", "japonais japonaise", "japanner japanse", "japanese"),
    ("cn", "CHN", "chinois chinoise", "chinees chinese", "chinese"),
    ("au", "AUS", "australien australienne", "australiër australische", "australian"),
    ("lu", "LUX", "luxembourgeois luxembourgeoise", "luxemburger luxemburgse", "luxembourger"),
    ("er", "ERI", "érythréen érythréenne", "eritreeër eritrese", "eritrean"),
    ("et", "ETH", "éthiopien éthiopienne", "ethiopiër ethiopische", "ethiopian"),
    ("ke", "KEN", "kényan kényane kenyan kenyane", "keniaan keniaanse", "kenyan"),
    ("il", "ISR", "israélien israélienne", "israëliër israëlische", "israeli"),
    ("ir", "IRI", "iranien iranienne", "iraniër iraanse", "iranian"),
    ("flanders", "", "flamand flamande", "vlaming", "fleming"),
    ("wallonia", "", "wallon wallonne", "waalse", "walloon"),
    ("brussels", "", "bruxellois bruxelloise", "brusselaar", ""),
    ("scotland", "SCO", "écossais écossaise", "schot schotse", "scottish scot"),
    ("wales", "WAL", "gallois galloise", "welshman", "welsh welshman"),
)
_LANGS = ("fr", "nl", "en")

# Each language's words (lower case) -> the nation's key.
NATIONS: dict[str, dict[str, str]] = {
    lang: {word: row[0] for row in _ROWS for word in row[2 + k].split()} for k, lang in enumerate(_LANGS)
}
# English adjectives that are no noun for one person ("the French" are many): evidence before a name only.
_EN_ADJECTIVES = frozenset(
    "dutch french british irish spanish swiss danish swedish finnish polish turkish scottish welsh".split()
)
# The words that can name one person of a nation: "le Belge", "de Nederlander", "the Dane".
PERSON_NATIONS: dict[str, dict[str, str]] = {
    lang: {word: key for word, key in words.items() if lang != "en" or word not in _EN_ADJECTIVES}
    for lang, words in NATIONS.items()
}
# Every language's words: a dispatch quotes the others' ("de Belg", "la Française").
NATION_WORDS: frozenset[str] = frozenset(word for words in NATIONS.values() for word in words)
# Sports codes, as results write them after a name: "(BEL)" -> "be".
SPORTS_CODES: dict[str, str] = {row[1]: row[0] for row in _ROWS if row[1]}
