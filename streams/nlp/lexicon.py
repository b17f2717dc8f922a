"""Word lists the header parser and the entity corrections rely on, as data (extend them here)."""

from __future__ import annotations

# fmt: off
# Agency credits: case-folded form -> usual spelling.
AGENCIES: dict[str, str] = {
    name.casefold(): name
    for name in (
        "Belga", "AFP", "Reuters", "AP", "dpa", "dpa-AFX", "ANP", "ANSA", "EFE", "Bloomberg", "APA",
        "ATS", "Keystone-ATS", "SDA", "Lusa", "PAP", "CTK", "TASS", "Interfax", "Xinhua", "Kyodo",
        "Yonhap", "UPI", "Europa Press", "Anadolu", "BNA",
    )
}

WEEKDAYS = frozenset(
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)

MONTHS = frozenset(
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre "
    "januari februari maart april mei juni juli augustus september oktober november december "
    "january february march may june july august october".split()
)

# Titles and functions that precede a name; they are never part of it.
TITLES = frozenset((
    # French
    "m. mme mlle me mgr dr pr monsieur madame maître président présidente premier première ministre "
    "vice-premier vice-président vice-présidente secrétaire député députée sénateur sénatrice bourgmestre "
    "échevin échevine maire gouverneur porte-parole conseiller conseillère procureur procureure juge "
    "commissaire général générale directeur directrice patron patronne chef cheffe entraîneur "
    "sélectionneur capitaine attaquant défenseur gardien ambassadeur ambassadrice roi reine prince princesse "
    "pape cardinal évêque chancelier chancelière ancien ancienne "
    # Dutch
    "dhr mevr mr minister premier eerste burgemeester schepen voorzitter voorzitster woordvoerder "
    "woordvoerster gedeputeerde kamerlid senator gouverneur directeur topman topvrouw bondscoach trainer "
    "coach kapitein koning koningin prins prinses staatssecretaris procureur rechter commissaris "
    "oud-premier oud-minister "
    # English
    "mr mrs ms dr sir president prime minister secretary senator rep representative governor mayor "
    "spokesman spokeswoman spokesperson chancellor chief executive ceo chairman chairwoman director "
    "judge commissioner coach manager striker captain king queen prince princess pope former"
).split())

# Lower-case words that may stand inside a person's or place's name.
NAME_PARTICLES = frozenset("de du des d' la le van von der den ter ten da di del dos bin ben al el".split())
# fmt: on
