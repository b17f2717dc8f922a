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
    # a college of aldermen's ("schepen van Ruimtelijke Ordening")
    "Ruimtelijke Ordening", "Stedenbouw", "Openbare Werken", "Wonen", "Huisvesting", "Jeugd", "Toerisme",
    "Veiligheid", "Erfgoed", "Burgerzaken", "Lokale Economie", "Welzijn", "Senioren", "Gelijke Kansen", "Netheid",
))
# Capitalised common nouns and adjectives a model may tag, that are never entities on their own.
NOT_ENTITIES = words(
    "staat staten regering premier minister president europese vlaams waals belgisch europees federaal "
    "stad gemeente provincie"  # the administration, capitalised alone: "de Stad betaalt"
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
# Verbs that report speech, writing or a stated position (present singular and plural, past singular and plural):
# saying and stating; answering and adding; asserting, admitting and denying; believing and expecting;
# announcing and revealing; asking and demanding; praising and criticising; warning and promising; manner.
_NL_FINITE = words(
    "zei zegt zeiden zeggen verklaarde verklaart verklaarden verklaren stelde stelt stelden stellen "
    "meldde meldt meldden melden schreef schrijft schreven schrijven vertelde vertelt vertelden vertellen "
    "sprak spreekt spraken spreken tweette twitterde tweet twittert klinkt klonk luidt luidde "
    "antwoordde antwoordt antwoordden reageerde reageert reageerden repliceerde repliceert counterde "
    "benadrukte benadrukt benadrukten beklemtoonde beklemtoont onderstreepte onderstreept herhaalde "
    "herhaalt herhaalden preciseerde preciseert verduidelijkte verduidelijkt concludeerde concludeert "
    "vervolgde vervolgt getuigde getuigt "
    "beweerde beweert beweerden beweren ontkende ontkent ontkenden ontkennen erkende erkent erkenden "
    "erkennen bevestigde bevestigt bevestigden bevestigen verzekerde verzekert verzekerden "
    "vond vindt vonden vinden meende meent meenden menen vreest vreesde vrezen vreesden hoopt hoopte "
    "hopen hoopten denkt dacht denken dachten gelooft geloofde geloven geloofden verwacht verwachtte "
    "verwachten verwachtten schat schatte "
    "onthulde onthult berichtte bericht rapporteerde rapporteert verklapte verklapt "
    "eiste eist eisten eisen vroeg vraagt vroegen vragen pleitte pleit pleitten suggereerde suggereert "
    "opperde oppert "
    "noemde noemt noemden noemen hekelde hekelt hekelden betreurde betreurt betreurden verweet verwijt "
    "verweten klaagt klaagde sneerde sneert "
    "waarschuwde waarschuwt waarschuwden waarschuwen beloofde belooft beloofden beloven dreigde dreigt "
    "oordeelde oordeelt betoogde betoogt argumenteerde argumenteert garandeerde garandeert "
    "zuchtte zucht lachte lacht grapte grapt schetste schetst "
    "kondigde kondigt kondigden voegde voegt voegden gaf geeft gaven merkte merkt merkten liet laat lieten "
    "lichtte licht haalde haalt riep roept riepen wees wijst houdt hield sluit sloot legt legde stipt "
    "stipte deelt deelde maakt maakte dringt drong voert voerde"
)
_NL_PARTICIPLES = words(
    "gezegd verklaard gesteld gemeld geschreven verteld gesproken getweet gereageerd geantwoord "
    "gerepliceerd benadrukt beklemtoond onderstreept herhaald gepreciseerd verduidelijkt geconcludeerd "
    "beweerd ontkend erkend bevestigd verzekerd gevonden gemeend gevreesd gehoopt gedacht geloofd verwacht "
    "geschat onthuld bericht gerapporteerd "
    "geëist gevraagd gepleit gesuggereerd geopperd genoemd gehekeld betreurd verweten geklaagd "
    "gewaarschuwd beloofd gedreigd geoordeeld betoogd gegarandeerd geschetst "
    "aangekondigd toegegeven opgemerkt aangegeven toegevoegd uitgehaald opgeroepen gewezen toegelicht "
    "uitgelegd aangestipt meegedeeld bekendgemaakt volgehouden aangedrongen aangevoerd laten weten"
)

QUOTES = QuoteLexicon(
    finite=_NL_FINITE,
    participles=_NL_PARTICIPLES,
    auxiliaries=words("heeft hebben had hadden is zijn was waren"),
    separable={
        "kondigde": words("aan"), "kondigt": words("aan"), "voegde": words("toe"), "voegt": words("toe"),
        "gaf": words("toe aan"), "geeft": words("toe aan"), "merkte": words("op"), "merkt": words("op"),
        "liet": words("weten"), "laat": words("weten"), "lichtte": words("toe"), "licht": words("toe"),
        "haalde": words("uit"), "haalt": words("uit"), "riep": words("op"), "roept": words("op"),
        "wees": words("erop op"), "wijst": words("erop op"),
        "houdt": words("vol"), "hield": words("vol"), "sluit": words("uit"), "sloot": words("uit"),
        "legt": words("uit"), "legde": words("uit"), "stipt": words("aan"), "stipte": words("aan"),
        "deelt": words("mee"), "deelde": words("mee"), "maakt": words("bekend"), "maakte": words("bekend"),
        "dringt": words("aan"), "drong": words("aan"), "voert": words("aan"), "voerde": words("aan"),
        "kondigden": words("aan"), "voegden": words("toe"), "gaven": words("toe aan"), "merkten": words("op"),
        "lieten": words("weten"), "riepen": words("op"),
    },
    multiword={"laten": (("weten",),)},
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
        "morgen alvast tevens evenwel dan toen uitdrukkelijk weer intussen altijd stellig"
    ),
    passive=words("wordt werd worden werden"),
    verb_hints=words(
        "is was zijn waren heeft hebben had hadden wordt werd worden werden zal zullen zou zouden kan kunnen "
        "kon konden moet moeten moest moesten mag mogen gaat gaan ging gingen blijft blijven bleef komt komen "
        "kwam staat stond ligt lag zit zat"
    ),
    titles_abbrev={"meester": "advocaat", "mr": "advocaat", "dr": "dokter", "prof": "professor"},
    # infinitives that report after "door te": "door te beweren dat ..." (a gerund, in effect)
    gerunds=words(
        "zeggen beweren stellen verklaren benadrukken melden ontkennen erkennen beloven waarschuwen schrijven "
        "vertellen bevestigen eisen vragen"
    ),
    infinitives=words("hebben zijn worden"),
    infinitive_verbs=words(
        "ontkent ontkende ontkennen ontkenden beweert beweerde beweren beweerden belooft beloofde beloven "
        "beloofden erkent erkende erkennen erkenden zegt zei zeggen zeiden verklaart verklaarde verklaren "
        "verklaarden dreigt dreigde hoopt hoopte hopen hoopten vreest vreesde meent meende"
    ),
    infinitive_marker="te",
    adverbial_phrases=(
        ("na", "afloop"), ("dan", "weer"), ("op", "zijn", "beurt"), ("op", "haar", "beurt"),
        ("van", "zijn", "kant"), ("van", "haar", "kant"), ("in", "een", "reactie"), ("ook", "nog"),
    ),
    subordinators=words("toen als wanneer omdat terwijl nadat voordat zodra hoewel"),
    content_nouns=words(
        "geruchten gerucht berichten bericht beweringen bewering verwijten kritiek aantijgingen "
        "beschuldigingen beschuldiging vrees speculaties suggesties"
    ),
    stop_actions=words("weigerde weigert weigerden"),
    own_account=(("naar", "eigen", "zeggen"), ("volgens", "eigen", "zeggen"), ("naar", "zijn", "zeggen")),
    object_pronouns=words("hem haar hen hun ons me mij je"),
    negative_words=words("niet nooit geen"),
    anaphoric_objects=words("dat dit"),
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
DOCUMENT_NOUNS = words(
    "cijfers gegevens studie onderzoek peiling mededeling verslag nota rapport analyse brief notitie persbericht "
    "bulletin prognose prognoses raming ramingen barometer document"
)
# Nouns that introduce a title of a work or an event: the quoted words are a name, not speech.
WORK_NOUNS = words(
    "boek tentoonstelling programma reeks voorstelling single nummer documentaire operatie campagne"
)
# Time nouns: "de ochtend", "de avond" are adverbials, not subjects.
TIME_NOUNS = words("ochtend avond middag nacht week maand jaar dag")
# Nouns of speech: in "reactie van de advocaat" the complement is the speaker.
SPEECH_NOUNS = words("reactie verklaring boodschap commentaar antwoord informatie onthullingen")
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
