"""Word classes of the discourse model, per language: pronouns, role nouns, body nouns, honorifics.

Role nouns name what a person is ("la bourgmestre", "de woordvoerster", "the suspect"); they map to a
language-independent role and, where the noun shows it, a gender. Body nouns head the names of
institutions and places ("le parquet" for "parquet de Namur", "de politiezone" for "politiezone Gent").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Gender = Literal["m", "f"]


@dataclass(frozen=True, slots=True)
class Pronoun:
    """What a pronoun says of its referent."""

    gender: Gender | None
    plural: bool = False
    demonstrative: bool = False  # "ce dernier", "celle-ci", "die": the most recent referent, not the topic
    organisation: bool = False  # "it": an organisation, never a person


def _pronouns(spec: str, **kind: bool) -> dict[str, Pronoun]:
    out = {}
    for item in spec.split():
        word, _, gender = item.partition(":")
        out[word] = Pronoun(gender or None, **kind)  # type: ignore[arg-type]
    return out


PRONOUNS: dict[str, dict[str, Pronoun]] = {
    "fr": {
        **_pronouns("il:m elle:f lui:m"),
        **_pronouns("celui-ci:m celle-ci:f celui-là:m celle-là:f", demonstrative=True),
        **_pronouns("ils:m elles:f eux:m", plural=True),
    },
    "nl": {
        **_pronouns("hij:m hem:m zij:f ze:f haar:f"),
        **_pronouns("die deze", demonstrative=True),
    },
    "en": {
        **_pronouns("he:m him:m she:f her:f"),
        **_pronouns("it", organisation=True),
        **_pronouns("they them", plural=True),
    },
}
# "ce dernier", "cette dernière", "the latter": two-word demonstratives, keyed by their last word.
LATTER: dict[str, dict[str, Gender | None]] = {
    "fr": {"dernier": "m", "dernière": "f"},
    "en": {"latter": None, "former": None},
    "nl": {"laatste": None},
}
# One-word demonstratives that stand for a person: "Celle-ci assure que", "Die schreef dat".
DEMONSTRATIVES: dict[str, frozenset[str]] = {
    "fr": frozenset("celui-ci celle-ci celui-là celle-là".split()),
    "nl": frozenset("die deze".split()),
}
# Nouns for a part or a product of an organisation, which speaks for it: "la direction de bpost".
PART_NOUNS = frozenset(
    "direction section antenne gestionnaire management note communiqué porte-voix "
    "directie afdeling leiding beheerder mededeling "
    "management board branch section note statement unit".split()
)

# Honorifics and gendered forms of address before a name.
HONORIFICS: dict[str, Gender] = {
    "m.": "m",
    "m": "m",
    "monsieur": "m",
    "mme": "f",
    "mme.": "f",
    "madame": "f",
    "mlle": "f",
    "mr": "m",
    "mr.": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "sir": "m",
    "dame": "f",
    "dhr": "m",
    "dhr.": "m",
    "meneer": "m",
    "mevr": "f",
    "mevr.": "f",
    "mevrouw": "f",
    "mw.": "f",
}

# Articles and determiners that show a noun's gender (French).
ARTICLE_GENDER: dict[str, Gender] = {
    "le": "m",
    "la": "f",
    "un": "m",
    "une": "f",
    "ce": "m",
    "cet": "m",
    "cette": "f",
    "du": "m",
    "au": "m",
    "son": "m",
    "sa": "f",
    "notre": "m",
    "nouveau": "m",
    "nouvelle": "f",
    "ancien": "m",
    "ancienne": "f",
}


def _roles(spec: str) -> dict[str, tuple[str, Gender | None]]:
    """`noun=role:gender` items; `noun=role` for an epicene noun, `noun` alone when the noun is its role."""
    out: dict[str, tuple[str, Gender | None]] = {}
    for item in spec.split():
        noun, _, rest = item.partition("=")
        role, _, gender = (rest or noun).partition(":")
        out[noun.replace("_", " ")] = (role, gender or None)  # type: ignore[assignment]
    return out


# fmt: off
ROLE_NOUNS: dict[str, dict[str, tuple[str, Gender | None]]] = {
    "fr": _roles(
        "ministre=minister premier_ministre=prime-minister première_ministre=prime-minister:f "
        "chef_du_gouvernement=prime-minister cheffe_du_gouvernement=prime-minister:f "
        "ministre-président=minister-president "
        "ministre-présidente=minister-president:f président=president:m présidente=president:f "
        "vice-président=vice-president:m vice-présidente=vice-president:f "
        "bourgmestre=mayor maire=mayor échevin=alderman:m échevine=alderman:f "
        "député=mp:m députée=mp:f eurodéputé=mp:m eurodéputée=mp:f parlementaire=mp sénateur=senator:m "
        "sénatrice=senator:f gouverneur=governor:m gouverneure=governor:f "
        "porte-parole=spokesperson secrétaire=secretary commissaire=commissioner "
        "directeur=director:m directrice=director:f ceo=ceo patron=ceo:m patronne=ceo:f pdg=ceo administrateur=ceo:m "
        "administratrice=ceo:f dirigeant=leader:m dirigeante=leader:f fondateur=founder:m fondatrice=founder:f "
        "gérant=manager:m gérante=manager:f responsable=official chef=chief cheffe=chief:f "
        "roi=monarch:m reine=monarch:f souverain=monarch:m souveraine=monarch:f prince=prince:m "
        "princesse=prince:f pape=pope:m "
        "avocat=lawyer:m avocate=lawyer:f procureur=prosecutor:m procureure=prosecutor:f "
        "substitut=prosecutor:m substitute=prosecutor:f magistrat=magistrate:m magistrate=magistrate:f "
        "juge=judge enquêteur=investigator:m enquêtrice=investigator:f "
        "accusé=defendant:m accusée=defendant:f prévenu=defendant:m prévenue=defendant:f "
        "suspect=suspect:m suspecte=suspect:f victime=victim "
        "entraîneur=coach:m entraineur=coach:m t1=coach t2=coach entraîneuse=coach:f coach=coach "
        "sélectionneur=coach:m "
        "sélectionneuse=coach:f capitaine=captain joueur=player:m joueuse=player:f attaquant=player:m "
        "attaquante=player:f défenseur=player:m gardien=player:m milieu=player:m coureur=rider:m "
        "coureuse=rider:f cycliste=rider champion=champion:m championne=champion:f vainqueur=winner:m "
        "gagnant=winner:m gagnante=winner:f "
        "chanteur=singer:m chanteuse=singer:f réalisateur=filmmaker:m réalisatrice=filmmaker:f "
        "cinéaste=filmmaker écrivain=writer:m écrivaine=writer:f auteur=writer:m "
        "autrice=writer:f romancier=writer:m romancière=writer:f artiste=artist "
        "professeur=professor:m professeure=professor:f chercheur=researcher:m chercheuse=researcher:f "
        "médecin=doctor docteur=doctor:m expert=expert:m experte=expert:f économiste=economist "
        "analyste=analyst syndicaliste=unionist délégué=delegate:m déléguée=delegate:f "
        "ambassadeur=ambassador:m ambassadrice=ambassador:f diplomate=diplomat chancelier=chancellor:m "
        "chancelière=chancellor:f conseiller=adviser:m conseillère=adviser:f "
        "commandant=commander:m colonel=commander:m général=general:m générale=general:f "
        "candidat=candidate:m candidate=candidate:f élu=elected:m élue=elected:f "
        "militant=activist:m militante=activist:f habitant=resident:m habitante=resident:f "
        "commerçant=shopkeeper:m commerçante=shopkeeper:f agriculteur=farmer:m agricultrice=farmer:f "
        "pilote=pilot sportif=athlete:m sportive=athlete:f athlète=athlete "
        "quadragénaire=age quinquagénaire=age sexagénaire=age trentenaire=age jeune=young "
        "homme=man:m femme=woman:f garçon=boy:m fille=girl:f adolescent=teen:m adolescente=teen:f "
        "lauréat=laureate:m lauréate=laureate:f comédien=actor:m comédienne=actor:f acteur=actor:m "
        "actrice=actor:f forain=stallholder:m foraine=stallholder:f coordinateur=coordinator:m "
        "coordinatrice=coordinator:f rapporteur=rapporteur:m rapporteuse=rapporteur:f patient=patient:m "
        "patiente=patient:f témoin=witness mère=mother:f père=father:m fils=son:m "
        "technicien=coach:m tacticien=coach:m gouvernement=government "
        "socialiste=socialist écologiste=green libéral=liberal:m libérale=liberal:f nationaliste=nationalist "
        "centriste=centrist humaniste=centrist communiste=communist"
    ),
    "nl": _roles(
        "minister=minister premier=prime-minister eerste_minister=prime-minister regeringsleider=prime-minister "
        "regeringschef=prime-minister minister-president=minister-president "
        "president=president voorzitter=president voorzitster=president:f ondervoorzitter=vice-president "
        "vicepremier=vice-prime-minister burgemeester=mayor schepen=alderman kamerlid=mp parlementslid=mp "
        "europarlementariër=mp "
        "volksvertegenwoordiger=mp senator=senator gouverneur=governor woordvoerder=spokesperson:m "
        "woordvoerster=spokesperson:f secretaris=secretary commissaris=commissioner directeur=director "
        "directrice=director:f topman=ceo:m topvrouw=ceo:f ceo=ceo bestuurder=ceo oprichter=founder "
        "oprichtster=founder:f manager=manager leider=leader koning=monarch:m koningin=monarch:f vorst=monarch:m "
        "vorstin=monarch:f prins=prince:m prinses=prince:f paus=pope:m advocaat=lawyer advocate=lawyer:f "
        "procureur=prosecutor aanklager=prosecutor advocaat-generaal=prosecutor substituut=prosecutor "
        "raadsman=lawyer:m raadsvrouw=lawyer:f strafpleiter=lawyer magistraat=magistrate rechter=judge "
        "onderzoeksrechter=judge speurder=investigator "
        "verdachte=suspect beklaagde=defendant beschuldigde=defendant slachtoffer=victim coach=coach "
        "trainer=coach bondscoach=coach kapitein=captain speler=player spits=player middenvelder=player "
        "verdediger=player doelman=player speelster=player:f renner=rider wielrenner=rider renster=rider:f "
        "wielrenster=rider:f kampioen=champion kampioene=champion:f winnaar=winner winnares=winner:f "
        "zanger=singer:m zangeres=singer:f regisseur=filmmaker schrijver=writer:m schrijfster=writer:f "
        "auteur=writer kunstenaar=artist professor=professor hoogleraar=professor onderzoeker=researcher "
        "onderzoekster=researcher:f arts=doctor dokter=doctor expert=expert deskundige=expert econoom=economist "
        "analist=analyst vakbondsman=unionist:m vakbondsvrouw=unionist:f afgevaardigde=delegate "
        "ambassadeur=ambassador diplomaat=diplomat kanselier=chancellor commandant=commander generaal=general "
        "kandidaat=candidate bewoner=resident bewoonster=resident:f handelaar=shopkeeper boer=farmer "
        "landbouwer=farmer piloot=pilot atleet=athlete man=man:m vrouw=woman:f jongen=boy:m meisje=girl:f "
        "jongeman=man:m tiener=teen fractieleider=leader partijvoorzitter=president laureaat=laureate "
        "acteur=actor actrice=actor:f coördinator=coordinator rapporteur=rapporteur getuige=witness "
        "moeder=mother:f vader=father:m socialist=socialist liberaal=liberal nationalist=nationalist "
        "christendemocraat=centrist communist=communist"
    ),
    "en": _roles(
        "minister=minister premier=prime-minister prime_minister=prime-minister head_of_government=prime-minister "
        "president=president vice-president=vice-president "
        "chairman=president:m chairwoman=president:f chair=president mayor=mayor lawmaker=mp legislator=mp mep=mp "
        "senator=senator congressman=mp:m congresswoman=mp:f governor=governor spokesman=spokesperson:m "
        "spokeswoman=spokesperson:f spokesperson=spokesperson secretary=secretary commissioner=commissioner "
        "director=director executive=ceo ceo=ceo boss=ceo founder=founder manager=manager leader=leader "
        "king=monarch:m queen=monarch:f monarch=monarch prince=prince:m princess=prince:f pope=pope:m "
        "lawyer=lawyer attorney=lawyer prosecutor=prosecutor judge=judge investigator=investigator "
        "defendant=defendant suspect=suspect victim=victim coach=coach captain=captain "
        "player=player striker=player midfielder=player defender=player goalkeeper=player rider=rider "
        "cyclist=rider champion=champion winner=winner singer=singer director=director filmmaker=filmmaker "
        "writer=writer author=writer novelist=writer artist=artist professor=professor researcher=researcher "
        "scientist=researcher doctor=doctor expert=expert economist=economist analyst=analyst "
        "unionist=unionist delegate=delegate ambassador=ambassador diplomat=diplomat chancellor=chancellor "
        "commander=commander general=general candidate=candidate resident=resident farmer=farmer "
        "pilot=pilot athlete=athlete man=man:m woman=woman:f boy=boy:m girl=girl:f teenager=teen "
        "envoy=diplomat negotiator=negotiator official=official adviser=adviser advisor=adviser "
        "laureate=laureate actor=actor:m actress=actor:f coordinator=coordinator rapporteur=rapporteur "
        "witness=witness mother=mother:f father=father:m chief=chief socialist=socialist liberal=liberal "
        "nationalist=nationalist centrist=centrist communist=communist"
    ),
}
# fmt: on
_COMPOUND_TAIL = 5  # the shortest Dutch role noun read at the end of a compound ("partijvoorzitter", "bondscoach")
_LONGEST_ROLE = max(len(noun) for nouns in ROLE_NOUNS.values() for noun in nouns)  # no longer tail is a role


def role_phrase(lang: str, words: list[str]) -> str | None:
    """The role noun of several words a phrase is, whole ("chef du gouvernement", "Premier ministre", "head of
    government"), in lower case; None when it is none ("le chef du gouvernement flamand" is another's)."""
    phrase = " ".join(words).casefold()
    return phrase if " " in phrase and phrase in ROLE_NOUNS.get(lang, {}) else None


def role_noun(lang: str, word: str) -> tuple[str, Gender | None] | None:
    """The role and gender of a role noun, also at the end of a compound: "N-VA-voorzitter", "ex-ministre",
    "Telcora-topman"; in Dutch also written as one word ("partijvoorzitter", "politiewoordvoerder")."""
    roles = ROLE_NOUNS.get(lang, {})
    if word in roles:
        return roles[word]
    if "-" in word:
        return roles.get(word.rsplit("-", 1)[1])
    if lang == "nl":
        for n in range(min(len(word) - 3, _LONGEST_ROLE), _COMPOUND_TAIL - 1, -1):
            if word[-n:] in roles:
                return roles[word[-n:]]
    return None


# Roles that name whoever the story is about when no one holds them explicitly: "l'accusé", "de verdachte",
# "the 23-year-old", "le quadragénaire". Others ("le ministre") need a person the text gives that role.
# Offices: a description with one of them ("le ministre") needs a person the text gave that office. Other
# roles ("l'accusé", "de 23-jarige", "la lauréate", "le Liégeois") describe whoever the story is about.
OFFICES = frozenset(
    "minister prime-minister minister-president president vice-president vice-prime-minister mayor alderman mp "
    "senator governor spokesperson secretary commissioner director ceo founder manager leader chief monarch prince "
    "pope lawyer prosecutor magistrate judge investigator coach captain ambassador diplomat chancellor commander "
    "general adviser official delegate unionist professor researcher doctor expert economist analyst negotiator "
    "government rapporteur coordinator".split()
)
# Roles that name someone by what they did, which only the story's events tell: never guessed.
EVENT_ROLES = frozenset("winner champion victim witness".split())
# A politician named by their political family ("le socialiste", "de liberaal"): whoever of that family the
# story is about, office holder or not.
PARTISANS = frozenset("socialist green liberal nationalist centrist communist".split())
# The political family of the parties of the knowledge base (their ids), as "le socialiste", "de liberaal" say it.
PARTY_FAMILIES: dict[str, str] = {
    "org:ps-belgium": "socialist", "org:vooruit": "socialist", "org:pvda-netherlands": "socialist",
    "org:mr": "liberal", "org:open-vld": "liberal", "org:vvd": "liberal", "org:d66": "liberal",
    "org:ecolo": "green", "org:groen": "green", "org:groenlinks": "green",
    "org:n-va": "nationalist", "org:vlaams-belang": "nationalist", "org:pvv": "nationalist",
    "org:cd-v": "centrist", "org:les-engages": "centrist", "org:cda": "centrist",
    "org:christlich-soziale-partei": "centrist",
    "org:ptb-pvda": "communist", "org:sp-netherlands": "communist",
}  # fmt: skip
# Endings of demonyms used as nouns for a person: "le Liégeois", "la Limbourgeoise", "de Kempenaar",
# "de Argentijn", "de Fransman", "the Belgian".
DEMONYM_ENDINGS = (
    "ois",
    "oise",
    "ais",
    "aise",
    "ien",
    "ienne",
    "ain",
    "aine",
    "éen",
    "éenne",
    "ard",
    "arde",
    "aar",
    "aan",
    "ees",
    "er",
    "ijn",
    "man",
    "se",
    "ling",
    "ian",
    "ese",
    "ish",
    "an",
)

# Role families: a description with one role may refer to a person described with another of the family.
ROLE_FAMILIES: dict[str, str] = {
    "prosecutor": "magistrate",
    "judge": "magistrate",
    "magistrate": "magistrate",
    "president": "leader",
    "leader": "leader",
    "chief": "leader",
    "ceo": "leader",
    "prime-minister": "government-head",
    "minister-president": "government-head",
    "coach": "coach",
    "captain": "player",
    "player": "player",
    "defendant": "accused",
    "suspect": "accused",
    "director": "director",
    "manager": "director",
    "writer": "writer",
    "filmmaker": "filmmaker",
}


def _bodies(spec: str) -> dict[str, Gender | None]:
    out: dict[str, Gender | None] = {}
    for item in spec.split():
        noun, _, gender = item.partition(":")
        out[noun.replace("_", " ")] = gender or None  # type: ignore[assignment]
    return out


# Nouns heading the names of bodies and places, with their grammatical gender (French): "le parquet" refers
# back to "parquet de Namur", "la zone" to "zone de police Vesdre", "het parket" to "parket van Gent".
BODY_NOUNS: dict[str, dict[str, Gender | None]] = {  # Dutch compounds end with one: "vervoersmaatschappij"
    "fr": _bodies(
        "parquet:m zone:f police:f tribunal:m cour:f institut:m office:m service:m agence:f "
        "groupe:m entreprise:f société:f compagnie:f firme:f ville:f commune:f province:f région:f "
        "gouvernement:m ministère:m syndicat:m fédération:f association:f parti:m club:m équipe:f "
        "hôpital:m université:f école:f commission:f conseil:m comité:m parlement:m chambre:f "
        "organisation:f fondation:f musée:m opérateur:m constructeur:m banque:f assureur:m "
        "observatoire:m centre:m palais:m collège:m cabinet:m direction:f administration:f "
        "intercommunale:f brasserie:f chaîne:f journal:m quotidien:m hebdomadaire:m magazine:m "
        "site:m radio:f télévision:f"
    ),
    "nl": _bodies(
        "parket politiezone zone politie rechtbank hof instituut dienst agentschap groep bedrijf "
        "onderneming firma stad gemeente provincie regio regering ministerie vakbond federatie vereniging "
        "partij club ploeg ziekenhuis universiteit school commissie raad comité parlement kamer organisatie "
        "stichting museum operator bouwer bank verzekeraar centrum paleis college kabinet directie "
        "administratie intercommunale brouwerij zender krant dagblad weekblad website omroep maatschappij "
        "vereniging coöperatie"
    ),
    "en": _bodies(
        "office prosecutors police court institute service agency group company firm city council "
        "province region government ministry union federation association party club team hospital "
        "university school commission committee parliament chamber organisation organization foundation "
        "museum operator carmaker maker bank insurer lender airline retailer centre center palace cabinet "
        "administration brewer network newspaper broadcaster website channel"
    ),
}
# Nouns that refer back to the organisation of the story, whatever its name: "le groupe", "the company",
# "de vervoersmaatschappij", "l'organisation patronale" (other body nouns need the name to hold them).
COMPANY_NOUNS = frozenset(
    "groupe entreprise société compagnie firme constructeur opérateur brasseur assureur banque organisation "
    "institution fédération association syndicat club équipe agence parti "
    "groep bedrijf onderneming firma bouwer operator brouwer verzekeraar bank organisatie instelling federatie "
    "vereniging vakbond club ploeg agentschap maatschappij partij "
    "group company firm carmaker maker operator brewer insurer lender bank airline retailer organisation "
    "organization institution federation association union club team agency party".split()
)
# Nouns that only name a company: one company of a text is what they refer to, however long ago it was named.
FIRM_NOUNS = frozenset("entreprise société firme bedrijf onderneming firma company firm".split())

# Knowledge-base kinds a generic organisation noun may refer to ("l'entreprise" is a company, not a party);
# nouns not listed may refer to any of GENERIC_KINDS. An organisation the knowledge base does not know may be
# anything.
_COMPANIES = frozenset("company public_company agency other".split())
GENERIC_KINDS = frozenset(
    "company public_company agency institution federation union ngo club sports_body international other".split()
)
NOUN_KINDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        "groupe entreprise société compagnie firme constructeur opérateur brasseur assureur banque "
        "groep bedrijf onderneming firma bouwer operator brouwer verzekeraar maatschappij "
        "group company firm carmaker maker brewer insurer lender airline retailer".split(),
        _COMPANIES,
    ),
    **dict.fromkeys("parti partij party".split(), frozenset(("party",))),
    **dict.fromkeys("syndicat vakbond union".split(), frozenset(("union",))),
    **dict.fromkeys("club ploeg équipe team".split(), frozenset(("club", "national_team", "sports_body"))),
    **dict.fromkeys("fédération federatie federation".split(), frozenset(("federation", "sports_body", "union"))),
}
