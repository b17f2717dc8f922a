"""Word lists the quote extractor relies on, per language, as data (extend them here).

Every list is lower-case. Verb lists hold inflected forms as they appear in wire copy; the
French and English regular verbs are given as stems and inflected by `_fr_forms` / `_en_forms`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from streams.wire import lexicon as wire


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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _fr_forms(stems: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Finite, past-participle and present-participle forms of regular French -er verbs."""
    finite, participles, gerunds = set(), set(), set()
    for stem in stems.split():
        soft = stem + ("e" if stem.endswith("g") else "")
        soft = soft[:-1] + "ç" if soft.endswith("c") else soft
        finite |= {stem + "e", stem + "ent", soft + "ait", soft + "aient", soft + "a"}
        participles |= {stem + "é", stem + "ée"}
        gerunds.add(soft + "ant")
    return frozenset(finite), frozenset(participles), frozenset(gerunds)


def _en_forms(bases: str, *, past_only: bool = False) -> tuple[frozenset[str], frozenset[str]]:
    """Finite and -ing forms of regular English verbs (`past_only` for verbs whose -s form is a plural noun)."""
    finite, gerunds = set(), set()
    for base in bases.split():
        if base.endswith("e"):
            present, past, gerund = base + "s", base + "d", base[:-1] + "ing"
        elif base.endswith("y") and base[-2] not in "aeiou":
            present, past, gerund = base[:-1] + "ies", base[:-1] + "ied", base + "ing"
        else:
            present, past, gerund = base + ("es" if base.endswith(("s", "sh")) else "s"), base + "ed", base + "ing"
        finite |= {past} if past_only else {present, past}
        gerunds.add(gerund)
    return frozenset(finite), frozenset(gerunds)


# fmt: off
# ---------------------------------------------------------------- French
_FR_ER = (
    "affirm annonc assur avou confi confirm déclar dénonc estim expliqu indiqu insist jug lanc martel not "
    "observ plaid précis rappel regrett répét résum salu soulign ajout accus critiqu qualifi évoqu avanc "
    "tranch rétorqu répliqu comment relev déplor fustig ironis gliss racont témoign réclam exig demand "
    "souhait espér signal assén proclam clam justifi tonn lâch concéd suggér exhort interpell félicit "
    "inquiét prôn détaill nuanc rassur reproch point alert menac mentionn invoqu tweet exclam "
    "plaisant tempér insist lanc balay raill argu pest regrett souffl assur"
)
_FR_FINITE, _FR_PARTICIPLES, _FR_GERUNDS = _fr_forms(_FR_ER)
_FR_IRREGULAR_FINITE = _words(
    "dit disent disait disaient écrit écrivent écrivait reconnaît reconnait reconnaissent reconnaissait "
    "admet admettent promet prévient soutient soutiennent soutenait maintient répond répondent réagit "
    "réagissent avertit conclut poursuit dément reprend convient prédit défend défendait rappelle "
    "rappellent répète répètent espère suggère concède relève réjouit"
)
_FR_IRREGULAR_PARTICIPLES = _words(
    "dit écrit reconnu admis promis prévenu soutenu maintenu répondu réagi averti conclu poursuivi "
    "démenti repris convenu prédit défendu réjoui réjouie"
)
_FR_IRREGULAR_GERUNDS = _words("disant écrivant reconnaissant admettant soulignant réagissant avertissant")

FR = QuoteLexicon(
    finite=_FR_FINITE | _FR_IRREGULAR_FINITE,
    participles=_FR_PARTICIPLES | _FR_IRREGULAR_PARTICIPLES,
    auxiliaries=_words("a avait ont avaient aurait auraient aura"),
    gerunds=(_FR_GERUNDS | _FR_IRREGULAR_GERUNDS) - _words("maintenant concluant"),
    multiword={
        "fait": (("valoir",), ("savoir",)),
        "mis": (("en", "garde"),),
        "laissé": (("entendre",),),
        "pointé": (("du", "doigt"),),
    },
    markers=_words("selon"),  # "d'après" is matched as two tokens
    complementizers=_words("que qu'"),
    viewpoint=_words("pour"),
    contrast=_words("tandis alors"),  # followed by "que"
    but=_words("mais"),
    pronouns=_words("il elle lui"),
    expletives=_words("on ce c' cela ça"),
    plural_pronouns=_words("ils elles on eux"),
    definite=_words("le la les l' ce cet cette ces"),
    indefinite=_words(
        "un une des plusieurs certains certaines quelques divers diverses nombreux nombreuses "
        "deux trois quatre cinq six sept huit neuf dix d'autres"
    ),
    possessive=_words("son sa ses leur leurs"),
    prepositions=_words(
        "à au aux sur dans devant lors pendant depuis après avant en via par pour chez avec sans vers "
        "contre auprès face derrière sous entre dès jusqu' jusqu'à lors"
    ),
    of=_words("de du des d'"),
    relatives=_words("qui que qu' dont lequel laquelle lesquels lesquelles où"),
    conjunctions=_words("et mais ou car puis"),
    adverbs=_words(
        "également aussi encore déjà notamment toutefois pourtant ensuite alors enfin ainsi ailleurs "
        "d'ailleurs même bien plutôt immédiatement publiquement clairement vivement fermement longuement "
        "lui-même elle-même eux-mêmes ouvertement hier aujourd'hui demain cependant néanmoins aussitôt "
        "nouveau ne pas"
    ),
    clitics=_words("nous vous lui leur me m' te t' les l' se s'"),
    verb_hints=_words(
        "a ont est sont était étaient avait avaient sera seront serait seraient aurait auraient va vont doit "
        "doivent devrait devraient peut peuvent pourrait pourraient fait font reste restent semble semblent "
        "faut y"
    ),
    titles_abbrev={"me": "avocat", "maître": "avocat", "dr": "docteur", "pr": "professeur", "mgr": "évêque"},
)

# ---------------------------------------------------------------- Dutch
NL = QuoteLexicon(
    finite=_words(
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
    participles=_words(
        "gezegd verklaard benadrukt bevestigd herhaald gewaarschuwd gesteld gemeld genoemd beweerd ontkend "
        "erkend geantwoord gereageerd geschreven verteld gehekeld betreurd gepleit gehoopt gevreesd gemeend "
        "geconcludeerd onderstreept beklemtoond gepreciseerd verduidelijkt beloofd geëist gevraagd "
        "aangekondigd toegegeven opgemerkt aangegeven toegevoegd uitgehaald opgeroepen verzekerd "
        "gesuggereerd verweten gewezen"
    ),
    auxiliaries=_words("heeft hebben had hadden is zijn was waren"),
    separable={
        "kondigde": _words("aan"), "kondigt": _words("aan"), "voegde": _words("toe"), "voegt": _words("toe"),
        "gaf": _words("toe aan"), "geeft": _words("toe aan"), "merkte": _words("op"), "merkt": _words("op"),
        "liet": _words("weten"), "laat": _words("weten"), "lichtte": _words("toe"), "licht": _words("toe"),
        "haalde": _words("uit"), "haalt": _words("uit"), "riep": _words("op"), "roept": _words("op"),
        "wees": _words("erop op"), "wijst": _words("erop op"),
    },
    markers=_words("volgens"),
    after_markers=_words("aldus"),
    contrast=_words("terwijl"),
    but=_words("maar"),
    complementizers=_words("dat"),
    pronouns=_words("hij ze zij hem"),
    expletives=_words("er men we wij"),
    definite=_words("de het die deze dit dat"),
    indefinite=_words(
        "een enkele sommige verschillende meerdere vele twee drie vier vijf zes zeven acht negen tien andere"
    ),
    possessive=_words("zijn haar hun"),
    prepositions=_words(
        "op aan in tijdens bij na voor met namens via tegen over uit door naar onder sinds rond tot vanuit "
        "zonder tussen"
    ),
    of=_words("van"),
    relatives=_words("die dat wie welke waar wat"),
    conjunctions=_words("en maar of want"),
    adverbs=_words(
        "ook nog al wel niet eerder later opnieuw nogmaals eveneens daarnaast bovendien verder echter immers "
        "zelf duidelijk scherp hard zo graag meteen trouwens eraan er erop daarover nu gisteren vandaag "
        "morgen alvast tevens evenwel dan toen uitdrukkelijk"
    ),
    passive=_words("wordt werd worden werden"),
    verb_hints=_words(
        "is was zijn waren heeft hebben had hadden wordt werd worden werden zal zullen zou zouden kan kunnen "
        "kon konden moet moeten moest moesten mag mogen gaat gaan ging gingen blijft blijven bleef komt komen "
        "kwam staat stond ligt lag zit zat"
    ),
    titles_abbrev={"meester": "advocaat", "mr": "advocaat", "dr": "dokter", "prof": "professor"},
)

# ---------------------------------------------------------------- English
_EN_REGULAR = (
    "add announce warn confirm insist argue explain acknowledge deny stress emphasise emphasize suggest "
    "indicate concede maintain complain reveal disclose lament accuse describe dismiss criticise criticize "
    "urge recall conclude observe decry caution assert contend declare testify recount hail predict "
    "reiterate vow respond"
)
# Verbs whose -s form is also a plural noun ("reports", "claims"): only the past tense is a cue.
_EN_PAST_ONLY = "state note claim report estimate promise pledge repeat counter reply call praise tweet blast welcome"
_EN_FINITE, _EN_GERUNDS = _en_forms(_EN_REGULAR)
_EN_PAST, _EN_PAST_GERUNDS = _en_forms(_EN_PAST_ONLY, past_only=True)

EN = QuoteLexicon(
    finite=_EN_FINITE | _EN_PAST | _words("say says said tell tells told writes wrote admitted admits slammed slams"),
    auxiliaries=_words("has have had"),
    gerunds=_EN_GERUNDS | _EN_PAST_GERUNDS | _words("saying telling writing admitting"),
    zero_complement=_words("say says said tell tells told add adds added"),
    addressee_verbs=_words("tell tells told"),
    markers=_words("according"),  # "according to" is matched as two tokens
    contrast=_words("while whereas"),
    but=_words("but"),
    complementizers=_words("that"),
    pronouns=_words("he she him"),
    expletives=_words("it there i you"),
    plural_pronouns=_words("they we them"),
    definite=_words("the this that these those"),
    indefinite=_words(
        "a an one two three four five six seven eight nine ten some several many other various numerous"
    ),
    possessive=_words("his her its their"),
    prepositions=_words(
        "on at in to during after before for with via from as by about into over under since without "
        "outside inside near while"
    ),
    of=_words("of"),
    relatives=_words("who whom whose which that where"),
    conjunctions=_words("and but or"),
    adverbs=_words(
        "also again later earlier previously separately repeatedly publicly however too then yesterday "
        "today tonight late just already still recently"
    ),
    passive=_words("is was were are be been being"),
    verb_hints=_words(
        "is are was were has have had will would can could may might must should shall does did do "
        "fell rose won lost took made gave went came saw grew left led held hit cut set put ran met sold paid "
        "kept began became brought bought thought found stood spent built sent fought struck broke chose "
        "drove flew knew spoke threw"
    ),
)

NEUTRAL = QuoteLexicon()

LEXICONS: dict[str, QuoteLexicon] = {"fr": FR, "nl": NL, "en": EN}

# ------------------------------------------------------- shared word classes
# Person titles and functions (a definite description such as "le ministre" refers back to a person).
PERSON_TITLES = _words(
    # French
    "ministre président présidente premier première chef porte-parole directeur directrice secrétaire "
    "député députée eurodéputé eurodéputée sénateur sénatrice maire bourgmestre échevin échevine gouverneur "
    "commissaire avocat avocate procureur procureure juge entraîneur entraineur sélectionneur capitaine "
    "patron patronne pdg dirigeant dirigeante responsable conseiller conseillère ambassadeur ambassadrice "
    "général générale chancelier chancelière roi reine pape opposant opposante syndicaliste délégué déléguée "
    "expert experte analyste économiste chercheur chercheuse professeur professeure médecin docteur élu élue "
    "candidat candidate ministre-président ministre-présidente fondateur fondatrice administrateur gérant "
    "joueur joueuse attaquant défenseur gardien diplomate vice-président vice-présidente parlementaire "
    "bâtonnier commandant colonel préfet préfète militant militante représentant représentante inspecteur "
    "coureur cycliste leader "
    # Dutch
    "minister president voorzitter voorzitster woordvoerder woordvoerster directeur burgemeester schepen "
    "commissaris advocaat procureur rechter onderzoeksrechter coach trainer bondscoach kapitein topman "
    "topvrouw ceo fractieleider kamerlid parlementslid volksvertegenwoordiger secretaris secretaris-generaal "
    "generaal kanselier koning koningin paus onderzoeker onderzoekster professor hoogleraar arts dokter "
    "deskundige analist econoom vakbondsman vakbondsvrouw afgevaardigde bestuurder oprichter manager speler "
    "spits doelman verdediger middenvelder diplomaat minister-president partijvoorzitter vicepremier "
    "premier leider gouverneur ambassadeur "
    # English
    "secretary chairman chairwoman chair spokesman spokeswoman spokesperson mayor governor commissioner "
    "lawyer attorney prosecutor judge boss captain chief executive founder official ambassador chancellor "
    "king queen senator lawmaker legislator congressman congresswoman representative analyst economist "
    "researcher doctor expert head adviser advisor dealer producer trader diplomat striker midfielder "
    "defender goalkeeper player envoy negotiator treasurer deputy aide campaigner activist "
    "director-general secretary-general director"
)

# Nouns for people who are, by the guidelines, unnamed sources unless a name is given with them.
UNNAMED_NOUNS = _words(
    "porte-parole source sources témoin témoins diplomate diplomates expert experts analyste analystes "
    "responsable responsables observateur observateurs habitant habitants "
    "woordvoerder woordvoerster bron bronnen getuige getuigen diplomaat diplomaten deskundige analist "
    "spokesman spokeswoman spokesperson source sources witness witnesses official officials diplomat "
    "diplomats analyst analysts insider insiders resident residents"
)

# Nouns that name an organisation; "l'organisation" may refer to an ORG whose name holds the noun.
ORG_NOUNS = _words(
    "entreprise société groupe firme compagnie organisation fédération association syndicat parti club "
    "équipe institution agence banque fondation musée université hôpital commission comité conseil "
    "cour tribunal "
    "bedrijf onderneming groep organisatie federatie vereniging vakbond partij ploeg instelling "
    "agentschap bank stichting museum universiteit ziekenhuis commissie raad hof "
    "company firm group organisation organization federation association union party team institution "
    "agency foundation university hospital commission council court"
)
# Of those, the ones that mean "the company": they refer back to the last organisation named.
COMPANY_NOUNS = _words(
    "entreprise société groupe firme compagnie constructeur brasseur "
    "bedrijf onderneming groep producent fabrikant brouwer "
    "company firm group brewer carmaker lender insurer retailer utility airline manufacturer"
)

# A source that is a document or data set speaks for the organisation that published it.
DOCUMENT_NOUNS = _words(
    "rapport étude chiffres données communiqué sondage enquête "
    "cijfers gegevens studie onderzoek peiling mededeling verslag "
    "report study figures data statement survey poll estimates"
)

# Nouns that introduce a title of a work or an event: the quoted words are a name, not speech.
WORK_NOUNS = _words(
    "film livre roman album chanson série émission festival exposition édition opération pièce spectacle "
    "documentaire titre ouvrage campagne programme plan "
    "boek tentoonstelling programma reeks voorstelling single nummer documentaire operatie campagne "
    "movie book novel song show series exhibition operation play documentary title campaign programme "
    "program edition"
)

# Time nouns: "la veille", "le lendemain" are adverbials, not subjects.
TIME_NOUNS = _words(
    "veille lendemain matin soir midi après-midi nuit semaine week-end jour journée mois année an fin début "
    "mi-juillet "
    "ochtend avond middag nacht week maand jaar dag "
    "morning evening afternoon night week month year day weekend"
)

WEEKDAYS = wire.WEEKDAYS
MONTHS = wire.MONTHS | wire.MONTH_ABBREVIATIONS

# Nouns of speech: in "réaction de l'avocat" the complement is the speaker.
SPEECH_NOUNS = _words(
    "réaction déclaration message commentaire réponse explication mot analyse "
    "reactie verklaring boodschap commentaar antwoord "
    "reaction statement message comment response reply"
)

# Indefinite determiners that name one person ("un porte-parole"): a pronoun may refer back to them.
SINGULAR_INDEFINITE = _words("un une een a an one")

# Possessives that also stand alone as object pronouns: "volgens haar", "according to her".
POSSESSIVE_PRONOUNS = _words("haar her")

# Dutch impersonal attributions: "..., klinkt het bij de vakbond": the speaker follows the preposition.
NL_IMPERSONAL_CUES = _words("klinkt klonk luidt luidde")

# Objects of "said" that are not a reported clause: "said nothing", "said so".
EN_NOT_A_CLAUSE = _words("nothing so goodbye yes no something little much hello sorry thanks to")

# Frequent Dutch finite verbs: after a fronted "Volgens X" the verb comes second, then the subject.
NL_VERB_HINTS = _words(
    "is was zijn waren heeft hebben had hadden wordt werd worden werden zal zullen zou zouden kan kunnen kon "
    "konden moet moeten moest mag mogen gaat gaan ging blijft blijven bleef komt komen kwam staat stond ligt "
    "lag zit zat bedraagt bedroeg telt geldt bestaat gaf geeft"
)

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = _words(
    "mr mrs ms dr prof st jr sr gen col lt sgt rep sen gov mgr me mme mlle mm dhr mevr mw ir ing drs "
    "jan feb febr mar apr jun jul aug sep sept oct okt nov dec etc vs no nr art p pp cf ca bv resp min max "
    "inc corp ltd co"
)
# fmt: on
