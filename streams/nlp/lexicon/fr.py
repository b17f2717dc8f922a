"""French word lists: titles, portfolios and the other words of the entity corrections, and the quote lexicon.

Every list is lower-case. Regular -er reporting verbs are given as stems and inflected by `_fr_forms`.
"""

from __future__ import annotations

import re

from streams.nlp.lexicon.shared import QuoteLexicon, words

# Applied to the lexicon's verb stems, never to message text.
_LAST_E = re.compile(r"é(?=(?:[bcdfgptv][rl]|[^aeiouyéèêëîïôûù])$)|(?<![aeiouy])e(?=[^aeiouyéèêëîïôûù]$)")
_DOUBLING = frozenset({"appel", "rappel"})  # -eler verbs that double the consonant: "appelle", "rappelle"


def _fr_forms(stems: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Finite, past-participle and present-participle forms of regular French -er verbs.

    A stem whose last vowel is "é" or a mute "e" takes "è" where the ending is mute: "répète", "martèle",
    "relève", "s'inquiète" (the -eler/-eter verbs that double their consonant are listed as written).
    """
    finite, participles, gerunds = set(), set(), set()
    for stem in stems.split():
        soft = stem + ("e" if stem.endswith("g") else "")
        soft = soft[:-1] + "ç" if soft.endswith("c") else soft
        # "appel" -> "appell", "répét" -> "répèt", "relev" -> "relèv"
        mute = stem + stem[-1] if stem in _DOUBLING else _LAST_E.sub("è", stem) if len(stem) > 3 else stem
        finite |= {mute + "e", mute + "ent", soft + "ait", soft + "aient", soft + "a"}
        participles |= {stem + "é", stem + "ée", stem + "és", stem + "ées"}
        gerunds.add(soft + "ant")
    return frozenset(finite), frozenset(participles), frozenset(gerunds)


# fmt: off
# ---------------------------------------------------------------- entities
# Titles and functions that precede a name; they are never part of it.
TITLES = words(
    "m. mme mlle me mgr dr pr pdg monsieur madame maître président présidente premier première ministre "
    "vice-premier vice-président vice-présidente secrétaire député députée sénateur sénatrice bourgmestre "
    "échevin échevine maire gouverneur porte-parole conseiller conseillère procureur procureure juge "
    "commissaire général générale directeur directrice patron patronne chef cheffe entraîneur t1 t2 "
    "sélectionneur capitaine attaquant défenseur gardien ambassadeur ambassadrice roi reine prince princesse "
    "pape cardinal évêque chancelier chancelière ancien ancienne avocat avocate substitut "
    "analyste économiste"
)
# Titles after which "de/des/du ..." names a portfolio, not an organisation: "ministre des Affaires étrangères".
MINISTER_TITLES = words("ministre ministres commissaire échevin échevine")
# Portfolios the model may tag alone ("Finances"): not entities after a minister title.
PORTFOLIOS = frozenset(name.casefold() for name in (
    "Affaires étrangères", "Affaires intérieures", "Intérieur", "Finances", "Budget", "Défense", "Justice",
    "Economie", "Économie", "Santé", "Santé publique", "Agriculture", "Emploi", "Energie", "Énergie",
    "Environnement", "Mobilité", "Enseignement", "Culture", "Sports", "Pensions", "Climat", "Travail",
    "Commerce", "Commerce extérieur", "Affaires sociales", "Migration", "Asile", "Fonction publique",
    # a college of aldermen's ("l'échevin de l'Urbanisme")
    "Urbanisme", "Travaux", "Travaux publics", "Logement", "Jeunesse", "Propreté", "Propreté publique", "Tourisme",
    "Sécurité", "Cohésion sociale", "Patrimoine", "Instruction publique", "Etat civil", "État civil", "Population",
    "Aménagement du territoire", "Petite enfance", "Seniors", "Aînés", "Égalité des chances", "Egalité des chances",
))
# Capitalised common nouns and adjectives a model may tag, that are never entities on their own.
NOT_ENTITIES = words(
    "etat etats état états gouvernement premier première ministre président belge belges français française "
    "européen européenne "
    "ville région province commune"  # the administration, capitalised alone: "la Ville paiera la facture"
)
# Endings of demonyms ("Montois", "Brugeois", "Liégeoise"): a one-word place with one of them that no
# gazetteer knows is a people, not a place.
DEMONYM_ENDINGS = (
    "ois", "oise", "oises", "ais", "aise", "aises", "iens", "ienne", "iennes", "ains", "aine", "aines",
    "éens", "éenne", "éennes",
)
# Words that end the title phrase before a name ("le président a reçu X": "a" ends it).
ROLE_BREAKERS = words(
    "a ont est sont avait avaient sera seront qui que qu' et ou mais dont selon avec contre pour par "
    "sur chez entre après avant lors comme déclaré dit affirmé "
    "hier demain aujourd'hui soir matin ce cette ces aussi déjà encore"
)
# Lower-case words that may stand inside a title phrase after its title word ("secrétaire d'État américain").
ROLE_LINKS = words("de du des d' la le les l' à au aux en et")
# Verbs of saying before or after a name: "selon Marc Dupont", "a déclaré Marc Dupont".
SPEECH_CUES = words("déclaré dit affirmé expliqué ajouté estimé indiqué souligné selon précisé")
# Function words that start sentences: capitalised there, never part of a name.
FUNCTION_WORDS = words(
    "et mais puis aussi alors ainsi selon le la les un une des dans en sur pour par après avant avec il elle ils "
    "elles nous on ce cette ces cependant pourtant enfin"
)
# Words that make a capitalised run an organisation, not a person ("Banque nationale").
ORG_WORDS = words(
    "banque groupe service services agence institut université commission conseil cour parti union "
    "association fédération fonds compagnie sa ministère bureau fondation club confédération parlement "
    "musée hôpital école collège académie orchestre théâtre ligue syndicat radio tv télévision observatoire "
    "éditions centre laboratoire"
)

# ---------------------------------------------------------------- quotes
# Verbs that report speech, writing or a stated position, by how their content follows: a clause ("que ..."), an
# infinitive ("avoir menti"), a quotation, or a postposed attribution ("..., a-t-il soupiré"). Regular -er verbs
# as stems, by meaning: saying and stating; answering and adding; asserting, admitting and denying; judging and
# believing; announcing and revealing; asking, demanding and urging; praising, criticising and complaining;
# warning, promising and threatening; manner of speaking (sighing, joking, exclaiming).
_FR_ER = (
    "affirm annonc assur déclar expliqu indiqu précis not observ remarqu signal mentionn évoqu racont relat "
    "rapport confi gliss souffl lâch lanc tranch résum détaill nuanc rappel répét réitér martel insist soulign "
    "ajout enchaîn "
    "rétorqu répliqu ripost object rectifi corrig "
    "avou confess concéd ni contest réfut récus jur certifi attest "
    "estim jug considér pens trouv constat relev qualifi soupçonn dout espér souhait "
    "confirm révél dévoil communiqu tweet "
    "demand exig réclam revendiqu plaid prôn préconis recommand conseill suggér propos exhort appel invit "
    "interpell interrog implor suppli "
    "salu félicit remerci savour "
    "critiqu dénonc fustig déplor regrett accus reproch condamn raill moqu ironis plaisant tempêt fulmin "
    "indign insurg offusqu étonn inquiét alarm lament "
    "alert menac rassur tempér "
    "argu justifi avanc invoqu tonn assén proclam clam exclam soupir murmur chuchot cri hurl "
    "témoign pronostiqu "
)
_FR_FINITE, _FR_PARTICIPLES, _FR_GERUNDS = _fr_forms(_FR_ER)
_FR_IRREGULAR_FINITE = words(
    "dit disent disait disaient écrit écrivent écrivait écrivaient reconnaît reconnait reconnaissent "
    "reconnaissait admet admettent admettait admit promet promettent promettait promit prévient préviennent "
    "prévenait prévint soutient soutiennent soutenait maintient maintiennent maintenait répond répondent "
    "répondait répondit réagit réagissent réagissait avertit avertissent avertissait conclut concluent "
    "concluait poursuit poursuivent poursuivait dément démentent démentait reprend reprennent reprenait reprit "
    "convient prédit défend défendent défendait rappelle rappellent appelle appellent renchérit renchérissent "
    "renchérissait réjouit réjouissent croit croient croyait exclut excluent "
    "excluait prétend prétendent prétendait contredit garantit garantissent garantissait sourit rit "
    "interrompt applaudit applaudissent"
)
_FR_IRREGULAR_PARTICIPLES = words(
    "dit dite dits dites écrit écrite reconnu reconnue admis admise promis promise prévenu soutenu maintenu "
    "répondu réagi averti conclu poursuivi démenti repris convenu prédit défendu réjoui réjouie renchéri cru "
    "exclu prétendu contredit garanti souri applaudi"
)
_FR_IRREGULAR_GERUNDS = words(
    "disant écrivant reconnaissant admettant réagissant avertissant promettant prévenant soutenant "
    "maintenant répondant concluant poursuivant démentant reprenant renchérissant croyant "
    "excluant prétendant"
)
# Infinitives that open a reported infinitive clause after a verb of saying: "a reconnu avoir menti", "affirme
# être innocent", "dit vouloir rester"; a negation before any infinitive does too ("assure ne pas envisager").
_FR_INFINITIVES = words("avoir être vouloir pouvoir devoir savoir ignorer")

QUOTES = QuoteLexicon(
    finite=_FR_FINITE | _FR_IRREGULAR_FINITE,
    participles=_FR_PARTICIPLES | _FR_IRREGULAR_PARTICIPLES,
    auxiliaries=words("a avait ont avaient aurait auraient aura"),
    gerunds=(_FR_GERUNDS | _FR_IRREGULAR_GERUNDS) - words("maintenant concluant continuant commençant"),
    multiword={  # participles, and present tenses (the same word for "fait")
        "fait": (("valoir",), ("savoir",)),
        "mis": (("en", "garde"),),
        "met": (("en", "garde"),),
        "laissé": (("entendre",),),
        "laisse": (("entendre",),),
        "pointé": (("du", "doigt"),),
        "pointe": (("du", "doigt"),),
    },
    markers=words("selon"),  # "d'après" is matched as two tokens
    complementizers=words("que qu'"),
    viewpoint=words("pour"),
    contrast=words("tandis alors"),  # followed by "que"
    but=words("mais"),
    pronouns=words("il elle lui"),
    expletives=words("on ce c' cela ça"),
    plural_pronouns=words("ils elles on eux"),
    definite=words("le la les l' ce cet cette ces"),
    indefinite=words(
        "un une des plusieurs certains certaines quelques divers diverses nombreux nombreuses "
        "deux trois quatre cinq six sept huit neuf dix d'autres"
    ),
    possessive=words("son sa ses leur leurs"),
    prepositions=words(
        "à au aux sur dans devant lors pendant depuis après avant en via par pour chez avec sans vers "
        "contre auprès face derrière sous entre dès jusqu' jusqu'à lors"
    ),
    of=words("de du des d'"),
    relatives=words("qui que qu' dont lequel laquelle lesquels lesquelles où"),
    conjunctions=words("et mais ou car puis"),
    adverbs=words(
        "également aussi encore déjà notamment toutefois pourtant ensuite alors enfin ainsi ailleurs "
        "d'ailleurs même bien plutôt immédiatement publiquement clairement vivement fermement longuement "
        "lui-même elle-même eux-mêmes ouvertement hier aujourd'hui demain cependant néanmoins aussitôt "
        "nouveau ne pas"
    ),
    clitics=words("nous vous lui leur me m' te t' les l' se s'"),
    verb_hints=words(
        "a ont est sont était étaient avait avaient sera seront serait seraient aurait auraient va vont doit "
        "doivent devrait devraient peut peuvent pourrait pourraient fait font reste restent semble semblent "
        "faut y"
    ),
    titles_abbrev={"me": "avocat", "maître": "avocat", "dr": "docteur", "pr": "professeur", "mgr": "évêque"},
    adverb_suffix="ment",
    not_adverbs=words("moment gouvernement parlement département appartement événement bâtiment document"),
    infinitives=_FR_INFINITIVES,
    negations=words("ne n'"),
    adverbial_phrases=(
        ("quant", "à", "lui"), ("quant", "à", "elle"), ("quant", "à", "eux"), ("quant", "à", "elles"),
        ("pour", "sa", "part"), ("pour", "leur", "part"), ("de", "son", "côté"), ("de", "leur", "côté"),
        ("par", "ailleurs"), ("en", "revanche"), ("d'", "abord"), ("de", "nouveau"), ("à", "nouveau"),
        ("une", "nouvelle", "fois"), ("à", "son", "tour"), ("à", "leur", "tour"), ("lui", "aussi"),
        ("elle", "aussi"), ("dans", "la", "foulée"), ("à", "plusieurs", "reprises"), ("en", "outre"),
        ("pour", "autant"), ("en", "effet"), ("sans", "détour"), ("haut", "et", "fort"), ("en", "substance"),
        ("au", "passage"), ("du", "reste"), ("de", "plus"),
    ),
    subordinators=words("quand lorsque lorsqu' comme puisque puisqu' parce"),
    content_nouns=words(
        "informations rumeurs accusations allégations affirmations critiques idée hypothèse craintes crainte "
        "soupçons thèse"
    ),
    stop_actions=words("refuse refusent refusait refusé décline déclinait décliné"),
    own_account=(
        ("de", "son", "propre", "aveu"), ("de", "leur", "propre", "aveu"), ("à", "l'", "en", "croire"),
        ("a", "l'", "en", "croire"), ("à", "les", "en", "croire"), ("selon", "ses", "dires"),
        ("d'", "après", "ses", "dires"), ("selon", "leurs", "dires"),
    ),
    negative_words=words("ne n' pas jamais"),
    anaphoric_objects=words("l' le"),
    impersonal_participles=words("appris apprend"),
    source_prepositions=words("auprès"),
)

# Person titles and functions (a definite description such as "le ministre" refers back to a person).
PERSON_TITLES = words(
    "ministre président présidente premier première chef porte-parole directeur directrice secrétaire "
    "député députée eurodéputé eurodéputée sénateur sénatrice maire bourgmestre échevin échevine gouverneur "
    "commissaire avocat avocate procureur procureure juge entraîneur entraineur sélectionneur capitaine "
    "patron patronne pdg dirigeant dirigeante responsable conseiller conseillère ambassadeur ambassadrice "
    "général générale chancelier chancelière roi reine pape opposant opposante syndicaliste délégué déléguée "
    "expert experte analyste économiste chercheur chercheuse professeur professeure médecin docteur élu élue "
    "candidat candidate ministre-président ministre-présidente fondateur fondatrice administrateur gérant "
    "joueur joueuse attaquant défenseur gardien diplomate vice-président vice-présidente parlementaire "
    "bâtonnier commandant colonel préfet préfète militant militante représentant représentante inspecteur "
    "coureur cycliste leader"
)
# Nouns for people who are, by the guidelines, unnamed sources unless a name is given with them.
UNNAMED_NOUNS = words(
    "porte-parole source sources témoin témoins diplomate diplomates expert experts analyste analystes "
    "responsable responsables observateur observateurs habitant habitants"
)
# Nouns that name an organisation; "l'organisation" may refer to an ORG whose name holds the noun.
ORG_NOUNS = words(
    "entreprise société groupe firme compagnie organisation fédération association syndicat parti club "
    "équipe institution agence banque fondation musée université hôpital commission comité conseil "
    "cour tribunal"
)
# Of those, the ones that mean "the company": they refer back to the last organisation named.
COMPANY_NOUNS = words("entreprise société groupe firme compagnie constructeur brasseur")
# A source that is a document or data set speaks for the organisation that published it.
DOCUMENT_NOUNS = words(
    "rapport étude chiffres données communiqué sondage enquête note analyse lettre courrier document bulletin "
    "prévisions baromètre bilan avis"
)
# Nouns that introduce a title of a work or an event: the quoted words are a name, not speech.
WORK_NOUNS = words(
    "film livre roman album chanson série émission festival exposition édition opération pièce spectacle "
    "documentaire titre ouvrage campagne programme plan"
)
# Time nouns: "la veille", "le lendemain" are adverbials, not subjects.
TIME_NOUNS = words(
    "veille lendemain matin soir midi après-midi nuit semaine week-end jour journée mois année an fin début "
    "mi-juillet"
)
# Nouns of speech: in "réaction de l'avocat", "selon les informations de La Libre" the complement is the speaker.
SPEECH_NOUNS = words(
    "réaction déclaration message commentaire réponse explication mot analyse informations révélations"
)
# Indefinite determiners that name one person ("un porte-parole"): a pronoun may refer back to them.
SINGULAR_INDEFINITE = words("un une")
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = words("mgr me mme mlle mm")
# fmt: on
