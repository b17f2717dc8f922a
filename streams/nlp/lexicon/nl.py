"""Dutch word lists: titles, portfolios and the other words of the entity corrections, and the quote lexicon.

Every list is lower-case; verb lists hold the inflected forms wire copy uses.
"""

from __future__ import annotations

from streams.nlp.lexicon.shared import QuoteLexicon, words

# fmt: off
# ---------------------------------------------------------------- entities
# Titles and functions that precede a name; they are never part of it.
TITLES = words(
    "dhr mevr mr minister premier burgemeester schepen voorzitter voorzitster woordvoerder "
    "woordvoerster gedeputeerde kamerlid senator gouverneur directeur topman topvrouw bondscoach trainer "
    "coach kapitein koning koningin prins prinses staatssecretaris procureur rechter commissaris "
    "oud-premier oud-minister meester advocaat advocate middenvelder verdediger aanvaller doelman spits fractieleider "
    "partijvoorzitter secretaris ondervoorzitter "
    "analist econoom"
)
# Titles after which "van/voor ..." names a portfolio, not an organisation: "minister van Financiën".
MINISTER_TITLES = words("minister ministers staatssecretaris commissaris schepen")
# Portfolios the model may tag alone ("Buitenlandse Zaken"): not entities after a minister title.
PORTFOLIOS = frozenset(name.casefold() for name in (
    "Buitenlandse Zaken", "Binnenlandse Zaken", "Financiën", "Begroting", "Defensie", "Justitie",
    "Volksgezondheid", "Landbouw", "Werk", "Mobiliteit", "Onderwijs", "Cultuur", "Sport", "Pensioenen",
    "Klimaat", "Leefmilieu", "Sociale Zaken", "Asiel en Migratie", "Buitenlandse Handel",
))
# Capitalised common nouns and adjectives a model may tag, that are never entities on their own.
NOT_ENTITIES = words(
    "staat staten regering premier minister president europese vlaams waals belgisch europees federaal"
)
# Words that end the title phrase before a name ("de voorzitter heeft X ontvangen": "heeft" ends it).
ROLE_BREAKERS = words(
    "heeft hebben is zijn was waren wordt werd die dat en of maar volgens met tegen voor door bij "
    "zei zegt aldus gisteren morgen vandaag ook al nog"
)
# Lower-case words that may stand inside a title phrase after its title word ("minister van Buitenlandse Zaken").
ROLE_LINKS = words("de en van voor der den het")
# Verbs of saying before or after a name: "zei Jan Peeters", "volgens Jan Peeters".
SPEECH_CUES = words("zei zegt vertelde verklaarde aldus volgens voegde")
# Function words that start sentences: capitalised there, never part of a name.
FUNCTION_WORDS = words(
    "ook en maar toen nu zo dan daarna daarom volgens de het een in op bij na voor met ze hij zij wij we dit dat die "
    "deze er ook intussen bovendien verder tegelijk"
)
# Words that make a capitalised run an organisation, not a person ("Nationale Bank").
ORG_WORDS = words(
    "bank universiteit commissie raad hof partij unie vereniging federatie fonds nv bv ministerie bureau "
    "stichting club fc parlement museum ziekenhuis school college schouwburg liga vakbond netwerk radio tv"
)

# ---------------------------------------------------------------- quotes
QUOTES = QuoteLexicon(
    finite=words(
        "zei zegt zeiden zeggen verklaarde verklaart verklaarden benadrukte benadrukt benadrukten "
        "bevestigde bevestigt bevestigden herhaalde herhaalt herhaalden waarschuwde waarschuwt waarschuwden "
        "stelde stelt stelden meldde meldt meldden noemde noemt noemden vond vindt vonden beweerde beweert "
        "ontkende ontkent erkende erkent antwoordde antwoordt reageerde reageert reageerden schreef schrijft "
        "vertelde vertelt hekelde hekelt betreurde betreurt pleitte pleit hoopt hoopte vreest vreesde meent "
        "meende concludeerde concludeert onderstreepte onderstreept beklemtoonde beklemtoont preciseerde "
        "preciseert verduidelijkte verduidelijkt beloofde belooft eiste eist vroeg vraagt klinkt klonk luidt "
        "luidde tweette twitterde verzekerde verzekert suggereerde suggereert sprak spreekt oordeelde "
        "oordeelt verweet verwijt kondigde kondigt voegde voegt gaf geeft merkte merkt liet laat lichtte "
        "licht haalde haalt riep roept wees wijst"
    ),
    participles=words(
        "gezegd verklaard benadrukt bevestigd herhaald gewaarschuwd gesteld gemeld genoemd beweerd ontkend "
        "erkend geantwoord gereageerd geschreven verteld gehekeld betreurd gepleit gehoopt gevreesd gemeend "
        "geconcludeerd onderstreept beklemtoond gepreciseerd verduidelijkt beloofd geëist gevraagd "
        "aangekondigd toegegeven opgemerkt aangegeven toegevoegd uitgehaald opgeroepen verzekerd "
        "gesuggereerd verweten gewezen"
    ),
    auxiliaries=words("heeft hebben had hadden is zijn was waren"),
    separable={
        "kondigde": words("aan"), "kondigt": words("aan"), "voegde": words("toe"), "voegt": words("toe"),
        "gaf": words("toe aan"), "geeft": words("toe aan"), "merkte": words("op"), "merkt": words("op"),
        "liet": words("weten"), "laat": words("weten"), "lichtte": words("toe"), "licht": words("toe"),
        "haalde": words("uit"), "haalt": words("uit"), "riep": words("op"), "roept": words("op"),
        "wees": words("erop op"), "wijst": words("erop op"),
    },
    markers=words("volgens"),
    after_markers=words("aldus"),
    contrast=words("terwijl"),
    but=words("maar"),
    complementizers=words("dat"),
    pronouns=words("hij ze zij hem"),
    expletives=words("er men we wij"),
    definite=words("de het die deze dit dat"),
    indefinite=words(
        "een enkele sommige verschillende meerdere vele twee drie vier vijf zes zeven acht negen tien andere"
    ),
    possessive=words("zijn haar hun"),
    prepositions=words(
        "op aan in tijdens bij na voor met namens via tegen over uit door naar onder sinds rond tot vanuit "
        "zonder tussen"
    ),
    of=words("van"),
    relatives=words("die dat wie welke waar wat"),
    conjunctions=words("en maar of want"),
    adverbs=words(
        "ook nog al wel niet eerder later opnieuw nogmaals eveneens daarnaast bovendien verder echter immers "
        "zelf duidelijk scherp hard zo graag meteen trouwens eraan er erop daarover nu gisteren vandaag "
        "morgen alvast tevens evenwel dan toen uitdrukkelijk"
    ),
    passive=words("wordt werd worden werden"),
    verb_hints=words(
        "is was zijn waren heeft hebben had hadden wordt werd worden werden zal zullen zou zouden kan kunnen "
        "kon konden moet moeten moest moesten mag mogen gaat gaan ging gingen blijft blijven bleef komt komen "
        "kwam staat stond ligt lag zit zat"
    ),
    titles_abbrev={"meester": "advocaat", "mr": "advocaat", "dr": "dokter", "prof": "professor"},
)

# Person titles and functions (a definite description such as "de minister" refers back to a person).
PERSON_TITLES = words(
    "minister president voorzitter voorzitster woordvoerder woordvoerster directeur burgemeester schepen "
    "commissaris advocaat procureur rechter onderzoeksrechter coach trainer bondscoach kapitein topman "
    "topvrouw ceo fractieleider kamerlid parlementslid volksvertegenwoordiger secretaris secretaris-generaal "
    "generaal kanselier koning koningin paus onderzoeker onderzoekster professor hoogleraar arts dokter "
    "deskundige analist econoom vakbondsman vakbondsvrouw afgevaardigde bestuurder oprichter manager speler "
    "spits doelman verdediger middenvelder diplomaat minister-president partijvoorzitter vicepremier "
    "premier leider gouverneur ambassadeur"
)
# Nouns for people who are, by the guidelines, unnamed sources unless a name is given with them.
UNNAMED_NOUNS = words(
    "woordvoerder woordvoerster bron bronnen getuige getuigen diplomaat diplomaten deskundige analist"
)
# Nouns that name an organisation; "de organisatie" may refer to an ORG whose name holds the noun.
ORG_NOUNS = words(
    "bedrijf onderneming groep organisatie federatie vereniging vakbond partij ploeg instelling "
    "agentschap bank stichting museum universiteit ziekenhuis commissie raad hof"
)
# Of those, the ones that mean "the company": they refer back to the last organisation named.
COMPANY_NOUNS = words("bedrijf onderneming groep producent fabrikant brouwer")
# A source that is a document or data set speaks for the organisation that published it.
DOCUMENT_NOUNS = words("cijfers gegevens studie onderzoek peiling mededeling verslag")
# Nouns that introduce a title of a work or an event: the quoted words are a name, not speech.
WORK_NOUNS = words(
    "boek tentoonstelling programma reeks voorstelling single nummer documentaire operatie campagne"
)
# Time nouns: "de ochtend", "de avond" are adverbials, not subjects.
TIME_NOUNS = words("ochtend avond middag nacht week maand jaar dag")
# Nouns of speech: in "reactie van de advocaat" the complement is the speaker.
SPEECH_NOUNS = words("reactie verklaring boodschap commentaar antwoord")
# Indefinite determiners that name one person ("een woordvoerder"): a pronoun may refer back to them.
SINGULAR_INDEFINITE = words("een")
# Possessives that also stand alone as object pronouns: "volgens haar".
POSSESSIVE_PRONOUNS = words("haar")
# Impersonal attributions: "..., klinkt het bij de vakbond": the speaker follows the preposition.
IMPERSONAL_CUES = words("klinkt klonk luidt luidde")
# Frequent finite verbs: after a fronted "Volgens X" the verb comes second, then the subject.
VERBS_AFTER_SOURCE = words(
    "is was zijn waren heeft hebben had hadden wordt werd worden werden zal zullen zou zouden kan kunnen kon "
    "konden moet moeten moest mag mogen gaat gaan ging blijft blijven bleef komt komen kwam staat stond ligt "
    "lag zit zat bedraagt bedroeg telt geldt bestaat gaf geeft"
)
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = words(
    "dhr mevr mw ir ing drs dr prof nr bv resp jan feb febr apr jun jul aug sep sept okt nov dec"
)
# fmt: on
