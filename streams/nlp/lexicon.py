"""Word lists the entity corrections rely on, as data (extend them here); the wire's own: `streams.wire.lexicon`."""

from __future__ import annotations

# fmt: off
# Titles and functions that precede a name; they are never part of it.
TITLES = frozenset((
    # French
    "m. mme mlle me mgr dr pr monsieur madame maître président présidente premier première ministre "
    "vice-premier vice-président vice-présidente secrétaire député députée sénateur sénatrice bourgmestre "
    "échevin échevine maire gouverneur porte-parole conseiller conseillère procureur procureure juge "
    "commissaire général générale directeur directrice patron patronne chef cheffe entraîneur "
    "sélectionneur capitaine attaquant défenseur gardien ambassadeur ambassadrice roi reine prince princesse "
    "pape cardinal évêque chancelier chancelière ancien ancienne avocat avocate substitut "
    # Dutch
    "dhr mevr mr minister premier burgemeester schepen voorzitter voorzitster woordvoerder "
    "woordvoerster gedeputeerde kamerlid senator gouverneur directeur topman topvrouw bondscoach trainer "
    "coach kapitein koning koningin prins prinses staatssecretaris procureur rechter commissaris "
    "oud-premier oud-minister meester advocaat advocate middenvelder verdediger aanvaller doelman spits fractieleider "
    "partijvoorzitter secretaris ondervoorzitter "
    # English
    "mr mrs ms dr sir president prime minister secretary senator rep representative governor mayor "
    "spokesman spokeswoman spokesperson chancellor chief executive ceo chairman chairwoman director "
    "judge commissioner coach manager striker captain king queen prince princess pope former "
    "boss leader analyst economist midfielder defender goalkeeper lawyer attorney "
    # Both
    "analyste économiste analist econoom "
    # German
    "herr frau bundeskanzler bundeskanzlerin kanzler kanzlerin präsident präsidentin ministerin "
    "bürgermeister bürgermeisterin sprecher sprecherin"
).split())

# Lower-case words that may stand inside a person's or place's name.
NAME_PARTICLES = frozenset("de du des d' la le van von der den ter ten da di del dos bin ben al el".split())
# fmt: on

# fmt: off
# Titles after which "de/des/du/van/voor/of ..." names a portfolio, not an organisation:
# "ministre des Affaires étrangères", "minister van Financiën", "Commissioner for Trade".
MINISTER_TITLES = frozenset(
    "ministre ministres minister ministers staatssecretaris commissaire commissaris commissioner "
    "échevin échevine schepen secretary".split()
)

# Portfolios the model may tag alone ("Finances", "Buitenlandse Zaken"): not entities after a minister title.
PORTFOLIOS = frozenset(name.casefold() for name in (
    "Affaires étrangères", "Affaires intérieures", "Intérieur", "Finances", "Budget", "Défense", "Justice",
    "Economie", "Économie", "Santé", "Santé publique", "Agriculture", "Emploi", "Energie", "Énergie",
    "Environnement", "Mobilité", "Enseignement", "Culture", "Sports", "Pensions", "Climat", "Travail",
    "Commerce", "Commerce extérieur", "Affaires sociales", "Migration", "Asile", "Fonction publique",
    "Buitenlandse Zaken", "Binnenlandse Zaken", "Financiën", "Begroting", "Defensie", "Justitie",
    "Volksgezondheid", "Landbouw", "Werk", "Mobiliteit", "Onderwijs", "Cultuur", "Sport", "Pensioenen",
    "Klimaat", "Leefmilieu", "Sociale Zaken", "Asiel en Migratie", "Buitenlandse Handel",
    "Foreign Affairs", "Home Affairs", "Finance", "Defence", "Defense", "Health", "Economy", "Trade",
    "Interior", "Environment", "Education", "Energy", "Transport", "Agriculture", "Employment",
))

# Capitalised common nouns and adjectives a model may tag, that are never entities on their own.
NOT_ENTITIES = frozenset((
    "gmt utc cet cest bst est edt pst "
    "etat etats état états staat staten state states gouvernement regering government "
    "premier première ministre minister président president belge belges français française "
    "européen européenne europese european"
).split())

# Endings of French demonyms ("Montois", "Brugeois", "Liégeoise"): a one-word place with one of them
# that no gazetteer knows is a people, not a place.
DEMONYM_ENDINGS = (
    "ois", "oise", "oises", "ais", "aise", "aises", "iens", "ienne", "iennes", "ains", "aine", "aines",
    "éens", "éenne", "éennes",
)

# Words that end the title phrase before a name ("le président a reçu X": "a" ends it).
ROLE_BREAKERS = frozenset((
    "a ont est sont avait avaient sera seront qui que qu' et ou mais dont selon avec contre pour par "
    "sur chez entre après avant lors comme "
    "heeft hebben is zijn was waren wordt werd die dat en of maar volgens met tegen voor door bij "
    "has have had is are was were will who that and or but according with against by at after "
    "said says zei zegt aldus déclaré dit affirmé "
    "hier demain aujourd'hui soir matin ce cette ces gisteren morgen vandaag yesterday today tomorrow "
    "also aussi ook déjà already al nog encore still"
).split())

# Lower-case words that may stand inside a title phrase after its title word ("secrétaire d'État
# américain", "minister van Buitenlandse Zaken", "chief executive of").
ROLE_LINKS = frozenset(
    "de du des d' la le les l' à au aux en van voor der den het of for the and et".split()
)

# Verbs of saying before or after a name: "said Anna Peeters", "zei Jan Peeters", "selon Marc Dupont".
SPEECH_CUES = frozenset((
    "said says told added declared explained according "
    "zei zegt vertelde verklaarde aldus volgens voegde "
    "déclaré dit affirmé expliqué ajouté estimé indiqué souligné selon précisé"
).split())

# Function words that start sentences: capitalised there, never part of a name.
FUNCTION_WORDS = frozenset((
    "ook en maar toen nu zo dan daarna daarom volgens de het een in op bij na voor met ze hij zij wij we dit dat die "
    "deze er ook intussen bovendien verder tegelijk "
    "et mais puis aussi alors ainsi selon le la les un une des dans en sur pour par après avant avec il elle ils "
    "elles nous on ce cette ces cependant pourtant enfin "
    "and but then now so also the a an in on at for with after before he she they we it this that these those "
    "however meanwhile"
).split())

# Words that make a capitalised run an organisation, not a person ("Moody's Investors Service").
ORG_WORDS = frozenset((
    "bank banque group groupe service services agency agence institute institut university université "
    "universiteit commission commissie council conseil raad court cour hof party parti partij union unie "
    "association vereniging federation fédération federatie fund fonds company compagnie nv sa bv inc ltd "
    "plc corp ministry ministère ministerie office bureau foundation fondation stichting club fc "
    "confédération confederation parliament parlement museum musée hospital hôpital ziekenhuis school école "
    "college collège academy académie orchestra orchestre theatre théâtre schouwburg league ligue liga "
    "syndicat vakbond network netwerk radio tv television télévision airlines airways"
).split())
# fmt: on
