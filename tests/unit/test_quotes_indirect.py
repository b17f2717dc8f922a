"""Reported speech: each construction in French, Dutch and English, on invented sentences, with the
span rules of the annotation guidelines (what the quote's text is, where it ends, who says it)."""

from __future__ import annotations

import pytest

from streams.nlp.types import Quote
from tests.quote_fixtures import run, speaker


def indirect(quotes: list[Quote]) -> list[str]:
    return [q.text for q in quotes if q.kind == "indirect"]


def said(quotes: list[Quote]) -> list[tuple[str, str | None]]:
    """(text, speaker) of the indirect quotes."""
    return [(q.text, q.speaker_entity.name if q.speaker_entity else None) for q in quotes if q.kind == "indirect"]


def per(name: str, *forms: str) -> tuple[str, str, list[str]]:
    return (name, "PER", [name, *forms])


def org(name: str, *forms: str) -> tuple[str, str, list[str]]:
    return (name, "ORG", [name, *forms])


# ----------------------------------------------------------------------------- infinitive clauses


@pytest.mark.parametrize(
    ("body", "lang", "text"),
    [
        (
            "L'ancien trésorier Marc Lenoir a reconnu avoir falsifié deux factures.",
            "fr",
            "avoir falsifié deux factures",
        ),
        (
            "Marc Lenoir affirme ne jamais avoir rencontré l'homme d'affaires.",
            "fr",
            "ne jamais avoir rencontré l'homme d'affaires",
        ),
        ("Marc Lenoir a assuré mardi ne pas envisager de démission.", "fr", "ne pas envisager de démission"),
        (
            "Marc Lenoir a déclaré aux enquêteurs être rentré chez lui vers minuit.",
            "fr",
            "être rentré chez lui vers minuit",
        ),
        (
            "Marc Lenoir claimed to have seen nothing unusual that night.",
            "en",
            "to have seen nothing unusual that night",
        ),
        (
            "Marc Lenoir pledged on Monday to keep all three Belgian sites open.",
            "en",
            "to keep all three Belgian sites open",
        ),
        ("Marc Lenoir denied having leaked the figures to the press.", "en", "having leaked the figures to the press"),
        ("Marc Lenoir ontkent de brand te hebben aangestoken.", "nl", "de brand te hebben aangestoken"),
        ("Marc Lenoir beweert niets van de fraude te hebben geweten.", "nl", "niets van de fraude te hebben geweten"),
    ],
)
def test_infinitive_clause_is_the_reported_content(body: str, lang: str, text: str) -> None:
    assert said(run(body, lang, per("Marc Lenoir"))) == [(text, "Marc Lenoir")]


def test_dutch_infinitive_clause_leaves_a_fronted_adverbial_out() -> None:
    body = "De zanger ontkende tijdens de hoorzitting de fans te hebben beledigd."
    assert indirect(run(body, "nl")) == ["de fans te hebben beledigd"]


def test_infinitive_clause_with_a_quoted_fragment_gives_both() -> None:
    body = "Le jeune attaquant Tom Ravel a expliqué avoir « tout donné jusqu'au bout » samedi."
    quotes = run(body, "fr", per("Tom Ravel"))
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", "avoir « tout donné jusqu'au bout » samedi"),
        ("mixed", "tout donné jusqu'au bout"),
    ]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("La ministre a annoncé sa démission avant d'être entendue par la commission.", "fr"),
        ("Le club a décidé de vendre son attaquant au plus offrant.", "fr"),
        ("The minister refused to comment on the leaked report.", "en"),
        ("The mayor promised voters a new bridge over the canal.", "en"),
        ("The club decided to sell its striker before the deadline.", "en"),
        ("De stad probeert het plein tegen de zomer te vernieuwen.", "nl"),
        ("De bond vraagt de regering om de cijfers te publiceren.", "nl"),
    ],
)
def test_an_infinitive_that_reports_nothing_is_not_a_quote(body: str, lang: str) -> None:
    assert indirect(run(body, lang)) == []


# ----------------------------------------------------------------------------- relative clauses


@pytest.mark.parametrize(
    ("body", "lang", "text"),
    [
        (
            "A neighbour, who told police she heard a loud bang, was questioned on Friday.",
            "en",
            "she heard a loud bang",
        ),
        (
            "A neighbour, who had told police that the door was open, did not testify.",
            "en",
            "the door was open",
        ),
        (
            "Une passante, qui a affirmé aux policiers avoir aperçu une camionnette, sera entendue mardi.",
            "fr",
            "avoir aperçu une camionnette",
        ),
        (
            "Un voisin, qui avait raconté l'an dernier que la porte restait ouverte, sera entendu lundi.",
            "fr",
            "la porte restait ouverte",
        ),
        (
            "Een buurman, die aan de politie had verteld dat hij twee mannen zag, wordt maandag gehoord.",
            "nl",
            "hij twee mannen zag",
        ),
    ],
)
def test_reported_clause_in_a_relative_clause_ends_at_its_closing_comma(body: str, lang: str, text: str) -> None:
    assert said(run(body, lang)) == [(text, None)]  # an unnamed neighbour speaks, not the police


def test_relative_clause_then_the_main_verb_gives_two_quotes_of_one_speaker() -> None:
    body = (
        "The Dockers Union, which had warned last year that the yard was losing money, said it would fight the closure."
    )
    assert said(run(body, "en", org("Dockers Union"))) == [
        ("the yard was losing money", "Dockers Union"),
        ("it would fight the closure", "Dockers Union"),
    ]


# ----------------------------------------------------------------------------- English clauses without "that"


@pytest.mark.parametrize(
    ("body", "text"),
    [
        (
            "Finance Minister Anna Kovacs, speaking in Brussels, said her government would cut the deficit.",
            "her government would cut the deficit",
        ),
        (
            "Anna Kovacs said in a statement her airline had scrapped forty flights.",
            "her airline had scrapped forty flights",
        ),
        (
            "Anna Kovacs said all 300 jobs would go by the end of the year.",
            "all 300 jobs would go by the end of the year",
        ),
        ("Anna Kovacs told Lithuanian radio LRS the talks had failed.", "the talks had failed"),
        ("Anna Kovacs told reporters on Monday she would not resign.", "she would not resign"),
        (
            "Anna Kovacs believes the port will need a new lock within ten years.",
            "the port will need a new lock within ten years",
        ),
        ("Anna Kovacs (Greens) said the vote was a warning.", "the vote was a warning"),
    ],
)
def test_english_clause_without_that(body: str, text: str) -> None:
    assert said(run(body, "en", per("Anna Kovacs"))) == [(text, "Anna Kovacs")]


@pytest.mark.parametrize(
    "body",
    [
        '"We gave everything," Anna Kovacs told Sporza at the finish.',
        '"We will get there," she told VRT on Sunday evening.',
        '"We cannot wait," Anna Kovacs told reporters as she arrived for the summit.',
        '"We will win," said Anna Kovacs as she left the court.',
        '"This defeat really hurts," Anna Kovacs told Testkrant in an interview published on Monday.',
    ],
)
def test_whom_it_was_told_and_when_is_not_reported_speech(body: str) -> None:
    quotes = run(body, "en", per("Anna Kovacs"), org("Testkrant"))
    assert [q.kind for q in quotes] == ["direct"]


# ----------------------------------------------------------------------------- not reported speech


@pytest.mark.parametrize(
    "body",
    [
        "Police spokeswoman Anna Kovacs would not say whether the driver had been released.",
        "Anna Kovacs declined to say how many staff would lose their jobs.",
        "Anna Kovacs did not say why the bridge had been closed.",
    ],
)
def test_an_embedded_question_is_not_what_was_said(body: str) -> None:
    assert run(body, "en", per("Anna Kovacs")) == []


def test_a_clause_whose_subject_is_a_free_relative_is_reported() -> None:
    quotes = run("Anna Kovacs said what happened at the depot was unacceptable.", "en", per("Anna Kovacs"))
    assert indirect(quotes) == ["what happened at the depot was unacceptable"]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("The mayor dismissed suggestions that the festival would be cancelled.", "en"),
        ("The chief executive acknowledged shortcomings in the rollout of the app.", "en"),
        ("The club rejected claims that its coach had been sacked.", "en"),
        ("Le ministre a balayé les informations selon lesquelles il allait démissionner.", "fr"),
        ("La direction a démenti les rumeurs selon lesquelles l'usine serait vendue.", "fr"),
        ("De minister ontkende berichten dat de tunnel dicht moet.", "nl"),
    ],
)
def test_a_noun_that_holds_the_clause_is_not_a_report(body: str, lang: str) -> None:
    assert indirect(run(body, lang)) == []


@pytest.mark.parametrize(
    ("body", "lang", "text"),
    [
        ("The Greens demanded that the Commission publish its data.", "en", "the Commission publish its data"),
        ("La FGTB exige que la prime soit maintenue.", "fr", "la prime soit maintenue"),
        ("De bond eist dat de regering de besparingen terugdraait.", "nl", "de regering de besparingen terugdraait"),
    ],
)
def test_demands(body: str, lang: str, text: str) -> None:
    assert indirect(run(body, lang)) == [text]


@pytest.mark.parametrize(
    ("body", "lang", "text"),
    [
        ("The union said that wages increased.", "en", "wages increased"),
        ("Le syndicat affirme que Vandis mentait.", "fr", "Vandis mentait"),
        ("De bond zei dat prijzen stijgen.", "nl", "prijzen stijgen"),
    ],
)
def test_a_subject_and_its_verb_after_that_are_a_whole_clause(body: str, lang: str, text: str) -> None:
    assert indirect(run(body, lang, org("Vandis"))) == [text]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("The union said that in June.", "en"),
        ("She said that again and again.", "en"),
        ("He had said that on several occasions last year.", "en"),
        ("Le syndicat l'a dit que trop souvent.", "fr"),
        ("De bond zei dat gisteren al.", "nl"),
    ],
)
def test_that_with_no_clause_after_it_reports_nothing(body: str, lang: str) -> None:
    assert indirect(run(body, lang)) == []


# ----------------------------------------------------------------------------- coordinated verbs


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "Le groupe Vandis reconnaît que ses ventes ont reculé et promet que les emplois seront maintenus.",
            "fr",
            ["ses ventes ont reculé", "les emplois seront maintenus"],
        ),
        (
            "De bond ACVB ontkent dat hij het overleg saboteert en stelt dat de directie moet toegeven.",
            "nl",
            ["hij het overleg saboteert", "de directie moet toegeven"],
        ),
        (
            "Operator Voltix said it deplored the ruling and accused the council of bias.",
            "en",
            ["it deplored the ruling"],
        ),
        (
            "Voltix said it would not publish a forecast and declined to comment on closures.",
            "en",
            ["it would not publish a forecast"],
        ),
        (
            "La direction de Vandis a confirmé que le site fermerait, et a refusé de commenter les chiffres.",
            "fr",
            ["le site fermerait"],
        ),
        (  # a reporting participle after a comma: the speaker reports a second clause of its own
            "La direction de Vandis a confirmé que le site fermerait, précisant que personne ne serait licencié.",
            "fr",
            ["le site fermerait", "personne ne serait licencié"],
        ),
        (
            "Voltix said the plant would close in May, adding that no jobs would be lost.",
            "en",
            ["the plant would close in May", "no jobs would be lost"],
        ),
    ],
)
def test_a_coordinated_verb_ends_the_clause_and_shares_the_speaker(body: str, lang: str, expected: list[str]) -> None:
    quotes = run(body, lang, org("Vandis"), org("ACVB"), org("Voltix"))
    assert indirect(quotes) == expected
    assert len({q.speaker_entity.name if q.speaker_entity else None for q in quotes}) == 1


def test_a_conjunction_inside_the_content_does_not_end_it() -> None:
    body = "Le ministre a dit que les prix augmentent et que les salaires suivent."
    assert indirect(run(body, "fr")) == ["les prix augmentent et que les salaires suivent"]


def test_a_participle_that_reports_nothing_does_not_end_the_content() -> None:
    body = "Le ministre a dit que les prix augmentent, entraînant une hausse des salaires."
    assert indirect(run(body, "fr")) == ["les prix augmentent, entraînant une hausse des salaires"]


def test_second_verb_takes_the_subject_before_the_first() -> None:
    body = "Tom Ravel dément avoir volé la voiture et affirme que son voisin Jan Claes la lui avait prêtée."
    assert said(run(body, "fr", per("Tom Ravel"), per("Jan Claes"))) == [
        ("avoir volé la voiture", "Tom Ravel"),
        ("son voisin Jan Claes la lui avait prêtée", "Tom Ravel"),
    ]


# ----------------------------------------------------------------------------- the sentence before


@pytest.mark.parametrize(
    ("body", "lang", "source"),
    [
        ("De brug blijft tot vrijdag dicht voor alle verkeer. Dat meldt het agentschap Wegenzorg.", "nl", "Wegenzorg"),
        (
            "De brug blijft tot vrijdag dicht voor alle verkeer. Dat heeft Wegenzorg maandag bevestigd.",
            "nl",
            "Wegenzorg",
        ),
        ("Deux camions se sont renversés près du péage. C'est ce qu'a précisé lundi Wegenzorg.", "fr", "Wegenzorg"),
        ("Le chantier prendra deux ans de retard. Wegenzorg l'a confirmé jeudi aux élus locaux.", "fr", "Wegenzorg"),
        ("The plant will close in June next year. Wegenzorg confirmed this on Tuesday.", "en", "Wegenzorg"),
    ],
)
def test_an_attribution_pointing_back_reports_the_sentence_before(body: str, lang: str, source: str) -> None:
    first = body.split(". ")[0]
    assert said(run(body, lang, org("Wegenzorg"))) == [(first, source)]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("De brug blijft tot vrijdag dicht voor alle verkeer. Dat bevestigt Wegenzorg niet.", "nl"),
        ("Le chantier prendra deux ans de retard. Wegenzorg ne l'a pas confirmé.", "fr"),
        ("The plant will close in June next year. Wegenzorg did not confirm this.", "en"),
        ("De brug blijft tot vrijdag dicht voor alle verkeer.\n\nDat meldt Wegenzorg.", "nl"),
    ],
)
def test_a_denial_or_another_paragraph_points_back_to_nothing(body: str, lang: str) -> None:
    assert indirect(run(body, lang, org("Wegenzorg"))) == []


def test_what_describes_the_source_after_a_comma_does_not_matter() -> None:
    body = "Er werden 3.000 maaltijden bedeeld. Dat zegt Anna Peeters, die de hulp in de regio coördineert."
    assert said(run(body, "nl", per("Anna Peeters"))) == [("Er werden 3.000 maaltijden bedeeld", "Anna Peeters")]


# ----------------------------------------------------------------------------- own account


@pytest.mark.parametrize(
    ("body", "lang", "text"),
    [
        ("Naar eigen zeggen wist Tom Ravel niets van de fraude.", "nl", "wist Tom Ravel niets van de fraude"),
        (
            "De son propre aveu, Tom Ravel avait failli abandonner la course.",
            "fr",
            "Tom Ravel avait failli abandonner la course",
        ),
        ("By his own account, Tom Ravel never saw the letter.", "en", "Tom Ravel never saw the letter"),
    ],
)
def test_own_account_reports_the_rest_of_the_sentence_for_its_subject(body: str, lang: str, text: str) -> None:
    assert said(run(body, lang, per("Tom Ravel"))) == [(text, "Tom Ravel")]


def test_own_account_with_a_pronoun_or_no_person_speaks_for_the_person_last_named() -> None:
    body = (
        "Tom Ravel verschijnt vrijdag voor de rechter. Naar eigen zeggen wilde hij enkel bemiddelen. "
        "Tom Ravel gaat daar niet verder op in. Naar eigen zeggen was het overleg constructief."
    )
    assert said(run(body, "nl", per("Tom Ravel"))) == [
        ("wilde hij enkel bemiddelen", "Tom Ravel"),
        ("was het overleg constructief", "Tom Ravel"),
    ]


# ----------------------------------------------------------------------------- postposed attributions


def test_postposed_cue_split_by_an_incise() -> None:
    body = "La piscine rouvrira en septembre, a assuré, souriant, l'échevin des Sports, Hugues Vankeerberghen."
    assert said(run(body, "fr", per("Hugues Vankeerberghen"))) == [
        ("La piscine rouvrira en septembre", "Hugues Vankeerberghen")
    ]


def test_direct_quote_attribution_split_by_an_incise() -> None:
    body = "« Nous étions prêts », a lâché, encore ému, le capitaine Paul Renard."
    [q] = run(body, "fr", per("Paul Renard"))
    assert q.speaker_entity is not None and q.speaker_entity.name == "Paul Renard"


def test_dutch_zo_heeft_postposed() -> None:
    body = "De kermis verhuist naar het Stationsplein, zo heeft het gemeentebestuur vrijdag aangekondigd."
    [q] = run(body, "nl")
    assert (q.text, q.speaker_text, q.speaker_entity) == (
        "De kermis verhuist naar het Stationsplein",
        "het gemeentebestuur",
        None,
    )


@pytest.mark.parametrize(
    ("tail", "speaker_text"),
    [
        ("zo meldt woordvoerster Hanne Wouters", "Hanne Wouters"),  # "zo" and the finite verb, then the subject
        ("zo bevestigt de rector", "de rector"),
        ("laat woordvoerster Hanne Wouters weten", "Hanne Wouters"),  # the subject inside a separable verb
        ("zo laat de rector weten", "de rector"),
    ],
)
def test_dutch_postposed_zo_and_separable_verbs(tail: str, speaker_text: str) -> None:
    body = f"De campus blijft tot maandag gesloten, {tail}."
    [q] = run(body, "nl", per("Hanne Wouters"))
    assert (q.kind, q.text, q.speaker_text) == ("indirect", "De campus blijft tot maandag gesloten", speaker_text)
    assert (q.speaker_entity.name if q.speaker_entity else None) == (
        "Hanne Wouters" if speaker_text == "Hanne Wouters" else None
    )


def test_dutch_zo_before_a_verb_that_reports_nothing_gives_no_quote() -> None:
    assert run("De campus blijft gesloten, zo blijkt uit een rapport van de inspectie.", "nl") == []


@pytest.mark.parametrize(
    ("tail", "source"),
    [
        ("a-t-on appris dimanche auprès du parquet de Liège", "parquet de Liège"),
        ("a-t-on appris de source policière", None),
        ("apprend-on de source proche du dossier", None),
    ],
)
def test_a_t_on_appris(tail: str, source: str | None) -> None:
    body = f"Deux détenus se sont évadés de la prison de Lantin, {tail}."
    quotes = run(body, "fr", ("parquet de Liège", "ORG", ["parquet de Liège"]))
    assert said(quotes) == [("Deux détenus se sont évadés de la prison de Lantin", source)]


@pytest.mark.parametrize(
    ("body", "text", "speaker_text", "speaker"),
    [
        (  # the present tense of "faire savoir", before or after the content
            "La porte-parole Anna Peeters fait savoir que le tunnel restera fermé.",
            "le tunnel restera fermé",
            "Anna Peeters",
            "Anna Peeters",
        ),
        (
            "Le tunnel restera fermé, fait savoir Anna Peeters.",
            "Le tunnel restera fermé",
            "Anna Peeters",
            "Anna Peeters",
        ),
        (
            "Anna Peeters laisse entendre que le tunnel restera fermé.",
            "le tunnel restera fermé",
            "Anna Peeters",
            "Anna Peeters",
        ),
        # inverted, with its complement after the pronoun
        (
            "Anna Peeters est prudente. Le tunnel restera fermé, fait-elle savoir.",
            "Le tunnel restera fermé",
            "elle",
            "Anna Peeters",
        ),
        ("Le tunnel restera fermé, fait-on savoir de source communale.", "Le tunnel restera fermé", "on", None),
    ],
)
def test_french_multiword_verbs_in_the_present(body: str, text: str, speaker_text: str, speaker: str | None) -> None:
    [q] = run(body, "fr", per("Anna Peeters"))
    assert (q.kind, q.text, q.speaker_text) == ("indirect", text, speaker_text)
    assert (q.speaker_entity.name if q.speaker_entity else None) == speaker


def test_faire_and_savoir_apart_report_nothing() -> None:
    assert run("Anna Peeters fait tout pour savoir ce qui se passe.", "fr", per("Anna Peeters")) == []


def test_klinkt_het_bij() -> None:
    body = "De bussen rijden weer volgens de normale dienstregeling, klinkt het bij Vervoerbond."
    assert said(run(body, "nl", org("Vervoerbond"))) == [
        ("De bussen rijden weer volgens de normale dienstregeling", "Vervoerbond")
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the speaker before goes on, in the paragraph or the one before; a party in brackets is no one else
        ("Minister Lien Dierckx (CD&V) zei dat het plan klaar is. 'We zijn tevreden', klinkt het.", "Lien Dierckx"),
        ("Volgens Lien Dierckx moet de regering ingrijpen.\n\n'We wachten niet langer', klonk het.", "Lien Dierckx"),
        # someone else named between, or no speaker before: no one
        ("Lien Dierckx zei dat het plan klaar is. Vervoerbond is boos. 'Een schande', luidt het.", None),
        ("De minister ontmoette Lien Dierckx. 'Het was een goed gesprek', klinkt het.", None),
        # ... unless the sentence before opens on whose camp it reports ("Bij X is men ..."), in its paragraph or
        # the one before; a camp the text does not name is no one
        (
            "Lien Dierckx zei dat het plan klaar is. Bij Vervoerbond is men boos. 'Een schande', luidt het.",
            "Vervoerbond",
        ),
        ("Bij de Vervoerbond is men boos.\n\n'Een schande', klinkt het.", "Vervoerbond"),
        ("Lien Dierckx zei dat het plan klaar is. Bij de bonden is men boos. 'Een schande', luidt het.", None),
        ("Bij Vervoerbond is men boos. Lien Dierckx zweeg. 'Een schande', luidt het.", None),
        # a sentence opening on "Bij" that reports no camp's mood is no camp: the speaker before goes on
        ("Lien Dierckx zei dat het plan klaar is. Bij de start regende het. 'Een schande', luidt het.", "Lien Dierckx"),
    ],
)
def test_klinkt_het_with_no_source_goes_on_with_the_speaker_before(body: str, expected: str | None) -> None:
    quotes = run(body, "nl", per("Lien Dierckx"), org("Vervoerbond"), org("CD&V"))
    assert speaker(quotes[-1]) == expected and quotes[-1].kind == "direct"


def test_postposed_english_attribution_needs_a_subject_after_its_comma() -> None:
    body = (
        "Prices will not fall before the summer, the regulator said on Friday, as traders warned of shortages. "
        "Earnings rose 6% to 5 billion euros, above the 4.9 billion expected by analysts."
    )
    assert indirect(run(body, "en")) == ["Prices will not fall before the summer"]


def test_a_relative_clause_before_a_comma_is_not_a_postposed_content() -> None:
    body = "De man, die enkel als K.D. bekend is, ontkent elke betrokkenheid."
    assert indirect(run(body, "nl")) == []


# ----------------------------------------------------------------------------- source markers


@pytest.mark.parametrize(
    ("body", "lang", "text", "source"),
    [
        (
            "Le nombre de lits devrait selon elle doubler d'ici 2030.",
            "fr",
            "Le nombre de lits devrait selon elle doubler d'ici 2030",
            None,
        ),
        (
            "Les tarifs augmentent, mais il n'y aurait selon Energas aucune menace de coupure.",
            "fr",
            "il n'y aurait selon Energas aucune menace de coupure",
            "Energas",
        ),
        (
            "De bouw kost volgens Energas 40 miljoen euro.",
            "nl",
            "De bouw kost volgens Energas 40 miljoen euro",
            "Energas",
        ),
        (
            "The new line will, according to Energas, open in 2027.",
            "en",
            "The new line will, according to Energas, open in 2027",
            "Energas",
        ),
        (
            "Les syndicats visent le plan, lequel, selon Energas, menace 300 emplois.",
            "fr",
            "menace 300 emplois",
            "Energas",
        ),
        (
            "Selon Energas, qui a consulté le rapport, la facture dépasse un million.",
            "fr",
            "la facture dépasse un million",
            "Energas",
        ),
        (
            "Volgens Anna Peeters, woordvoerster van de bond, is er nog niets beslist.",
            "nl",
            "is er nog niets beslist",
            "Anna Peeters",
        ),
        (
            "Volgens Joris Van den Broeck komt de regering zaterdag terug.",
            "nl",
            "komt de regering zaterdag terug",
            "Joris Van den Broeck",
        ),
        (  # the name of the person the description gives, between commas: part of the source
            "D'après la porte-parole de la zone, Anna Peeters, deux agents ont été blessés.",
            "fr",
            "deux agents ont été blessés",
            "Anna Peeters",
        ),
        (
            "According to the group's spokeswoman, Anna Peeters, the plant will close in May.",
            "en",
            "the plant will close in May",
            "Anna Peeters",
        ),
        (  # after a body, a name between commas is the clause's subject with its apposition
            "Selon Energas, Anna Peeters, la directrice, a démissionné.",
            "fr",
            "Anna Peeters, la directrice, a démissionné",
            "Energas",
        ),
    ],
)
def test_source_marker_governs_its_clause(body: str, lang: str, text: str, source: str | None) -> None:
    specs = (org("Energas"), per("Anna Peeters"), per("Joris Van den Broeck"))
    assert said(run(body, lang, *specs)) == [(text, source)]


def test_a_source_marker_before_a_mixed_quote_gives_both() -> None:
    body = "Selon elle, la décision a été prise « sans vote, après une longue soirée »."
    quotes = run(body, "fr")
    assert [q.kind for q in quotes] == ["indirect", "mixed"]


# ----------------------------------------------------------------------------- gerunds and nested reports


@pytest.mark.parametrize(
    ("body", "lang", "text", "source"),
    [
        (
            "Ecolo a défendu son vote en affirmant que la taxe pèserait sur les familles.",
            "fr",
            "la taxe pèserait sur les familles",
            "Ecolo",
        ),
        (
            "The Kremlin played down hopes on Wednesday, saying the conditions had not changed.",
            "en",
            "the conditions had not changed",
            "Kremlin",
        ),
        ("Ecolo zorgde voor paniek door te beweren dat er een bom lag.", "nl", "er een bom lag", "Ecolo"),
    ],
)
def test_gerund_with_no_earlier_quote_takes_the_sentence_subject(body: str, lang: str, text: str, source: str) -> None:
    assert said(run(body, lang, org("Ecolo"), org("Kremlin"))) == [(text, source)]


def test_a_report_inside_a_report_is_a_quote_of_its_own() -> None:
    body = "L'avocate générale Maud Moeskops a rappelé que le prévenu avait dit aux policiers qu'un rôdeur avait tiré."
    assert said(run(body, "fr", per("Maud Moeskops"))) == [
        ("le prévenu avait dit aux policiers qu'un rôdeur avait tiré", "Maud Moeskops"),
        ("un rôdeur avait tiré", None),
    ]


def test_a_verb_inside_a_source_clause_reports_for_its_own_subject() -> None:
    body = "Selon une source proche du dossier, Budapest exige que chaque pays garde un veto."
    quotes = run(body, "fr", ("Budapest", "LOC", ["Budapest"]))
    assert indirect(quotes) == ["Budapest exige que chaque pays garde un veto", "chaque pays garde un veto"]


def test_an_impersonal_subject_speaks_for_the_organisation_fronted() -> None:
    body = "Du côté de la FGTB, on exige que la prime soit maintenue."
    assert said(run(body, "fr", org("FGTB"))) == [("la prime soit maintenue", "FGTB")]


# ----------------------------------------------------------------------------- verbs and markers


@pytest.mark.parametrize(
    ("body", "lang", "cue"),
    [
        ("Tom Ravel n'exclut pas que le festival soit reporté.", "fr", "exclut"),
        ("Tom Ravel a quant à lui affirmé que les abonnés seraient remboursés.", "fr", "a quant à lui affirmé"),
        ("Tom Ravel a pour sa part demandé que la commune publie ses comptes.", "fr", "a pour sa part demandé"),
        ("Tom Ravel a de son côté réclamé que la région revoie le tracé.", "fr", "a de son côté réclamé"),
        ("Tom Ravel pense que la pièce peut séduire les jeunes.", "fr", "pense"),
        ("Tom Ravel sluit niet uit dat hij de vrijlating zal vragen.", "nl", "sluit niet uit"),
        ("Tom Ravel houdt vol dat het akkoord garanties bevat.", "nl", "houdt vol"),
        ("Tom Ravel verwacht dat de omzet pas in 2028 herstelt.", "nl", "verwacht"),
        ("Die schreef dinsdag dat al 45 crèches de deuren sloten.", "nl", "schreef"),
        ("Tom Ravel did not rule out that the talks could resume.", "en", "rule out"),
    ],
)
def test_reporting_verbs(body: str, lang: str, cue: str) -> None:
    [q] = run(body, lang, per("Tom Ravel"))
    assert q.kind == "indirect" and q.cue == cue


@pytest.mark.parametrize(
    "body",
    [
        "« C'est une question de moyens, pas de volonté », renchérit Tom Ravel.",
        "« On nous réclame 20 % d'efforts en plus », soupire Tom Ravel.",
        "« Ce titre appartient à tout le village », a savouré Tom Ravel.",
        "« Ce texte est une insulte aux travailleurs », s'insurge Tom Ravel.",
    ],
)
def test_french_verbs_of_manner(body: str) -> None:
    [q] = run(body, "fr", per("Tom Ravel"))
    assert q.kind == "direct" and q.speaker_entity is not None


def test_se_dit_before_a_quoted_fragment() -> None:
    body = "Le délégué Tom Ravel se dit « abasourdi et amer ». La ministre s'est dite « fière de nos bénévoles »."
    quotes = run(body, "fr", per("Tom Ravel"))
    assert [(q.kind, q.cue) for q in quotes] == [("mixed", "dit"), ("mixed", "s'est dite")]


def test_a_closing_mark_used_to_open_after_an_elision() -> None:
    body = "La direction a rappelé qu’”aucune mutation ne sera imposée au personnel”."
    quotes = run(body, "fr")
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", "”aucune mutation ne sera imposée au personnel”"),
        ("mixed", "aucune mutation ne sera imposée au personnel"),
    ]


def test_sentence_ends_after_a_compound_that_ends_like_an_abbreviation() -> None:
    body = "Le texte a été rejeté par les Vingt-Sept. Selon Energas, la police est intervenue."
    assert indirect(run(body, "fr", org("Energas"))) == ["la police est intervenue"]


# ----------------------------------------------------------------------------- a document speaks for its author


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Belgian growth will slow to 0.8 percent, according to a note from Testbank published on Tuesday.", "en"),
        ("La croissance belge ralentira à 0,8 %, selon une note de Testbank publiée mardi.", "fr"),
        ("De Belgische groei vertraagt tot 0,8 procent, volgens een nota van Testbank die dinsdag verscheen.", "nl"),
        ("Inflation will ease next year, according to the latest forecast by Testbank.", "en"),
        ("De werkloosheid daalt, volgens een analyse van Testbank.", "nl"),
    ],
)
def test_a_note_or_a_forecast_speaks_for_the_organisation_that_wrote_it(body: str, lang: str) -> None:
    ((_, speaker),) = said(run(body, lang, org("Testbank")))
    assert speaker == "Testbank"


# ----------------------------------------------------------------------------- whose words


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Prime Minister Hanne Wouters's spokesman said the visit had been postponed.", "en"),
        ("A spokesman for Chancellor Hanne Wouters said the visit had been postponed.", "en"),
        ("La porte-parole de la ministre Hanne Wouters a indiqué que la visite était reportée.", "fr"),
    ],
)
def test_the_person_a_spokesman_speaks_for_is_not_the_speaker(body: str, lang: str) -> None:
    [q] = run(body, lang, per("Hanne Wouters"))
    assert q.kind == "indirect" and q.speaker_entity is None  # an unnamed spokesman: no speaker, never the minister


def test_a_named_spokesman_after_the_possessor_speaks() -> None:
    body = "Hanne Wouters's spokeswoman, Anna Peeters, said the visit had been postponed."
    assert said(run(body, "en", per("Hanne Wouters"), per("Anna Peeters"))) == [
        ("the visit had been postponed", "Anna Peeters")
    ]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Vandis said orders rose 8 percent, while Voltix said its sales were flat.", "en"),
        (
            "Vandis a indiqué que les commandes augmentaient, tandis que Voltix a affirmé que ses ventes stagnaient.",
            "fr",
        ),
        ("Vandis zegt dat de bestellingen stijgen, terwijl Voltix zegt dat de verkoop stagneert.", "nl"),
    ],
)
def test_a_contrasted_clause_with_a_subject_of_its_own_has_its_own_speaker(body: str, lang: str) -> None:
    assert [speaker for _text, speaker in said(run(body, lang, org("Vandis"), org("Voltix")))] == ["Vandis", "Voltix"]


@pytest.mark.parametrize(
    ("body", "lang", "text"),
    [
        ("Anna Peeters a estimé, dans un communiqué, que le budget était serré.", "fr", "le budget était serré"),
        ("Anna Peeters said, in a statement, that the budget was tight.", "en", "the budget was tight"),
        ("Anna Peeters zei, in een mededeling, dat het budget krap is.", "nl", "het budget krap is"),
    ],
)
def test_an_adverbial_between_commas_before_que_dat_that(body: str, lang: str, text: str) -> None:
    assert said(run(body, lang, per("Anna Peeters"))) == [(text, "Anna Peeters")]


def test_avant_de_and_an_infinitive_end_the_reported_clause_and_keep_their_que() -> None:
    body = "Anna Peeters a indiqué que le projet avançait, avant d'ajouter que le budget était serré."
    quotes = run(body, "fr", per("Anna Peeters"))
    assert ("le projet avançait", "Anna Peeters") in said(quotes)
    assert all(q.cue != "avançait" for q in quotes)  # "le projet avançait": no verb of saying for that "que"


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Le club aurait trouvé un accord, selon les informations de Voxa.", "fr"),
        ("Volgens informatie van Voxa is de transfer rond.", "nl"),
    ],
)
def test_a_medium_whose_information_a_source_marker_cites_is_the_speaker(body: str, lang: str) -> None:
    assert [speaker for _text, speaker in said(run(body, lang, org("Voxa")))] == ["Voxa"]


@pytest.mark.parametrize(
    ("body", "lang", "text"),
    [
        (
            "Testwire reported, citing two people close to the talks, that the depot would close in May.",
            "en",
            "the depot would close in May",
        ),
        (
            "Testwire a rapporté, citant deux sources proches du dossier, que le dépôt fermerait en mai.",
            "fr",
            "le dépôt fermerait en mai",
        ),
    ],
)
def test_a_participial_phrase_between_commas_before_that(body: str, lang: str, text: str) -> None:
    assert said(run(body, lang, org("Testwire"))) == [(text, "Testwire")]


def test_a_report_coordinated_by_but_is_a_second_quote_of_the_same_speaker() -> None:
    body = "Anna Kovacs acknowledged that the rollout had been slow but argued that the scheme was sound."
    assert said(run(body, "en", per("Anna Kovacs"))) == [
        ("the rollout had been slow", "Anna Kovacs"),
        ("the scheme was sound", "Anna Kovacs"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Anna Kovacs, woordvoerster van het parket, bevestigde het nieuws.",
        "Anna Kovacs, directeur van de haven, kondigde de sluiting aan.",
        "De directeur, Anna Kovacs, kondigde de sluiting aan.",
    ],
)
def test_dutch_a_name_and_its_apposition_before_the_verb_are_no_reported_clause(body: str) -> None:
    assert run(body, "nl", per("Anna Kovacs")) == []


@pytest.mark.parametrize(
    "body",
    [
        "Hij heeft spijt, verklaarde zijn advocate Anna Kovacs.",
        "Hij heeft spijt, verklaarde zijn advocate Anna Kovacs aan de rechtbank.",
    ],
)
def test_dutch_zijn_after_a_postposed_verb_is_the_possessive_of_its_subject(body: str) -> None:
    assert said(run(body, "nl", per("Anna Kovacs"))) == [("Hij heeft spijt", "Anna Kovacs")]


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Volgens Vlaams minister Anna Kovacs moet de tunnel dicht.", "moet de tunnel dicht"),
        ("Volgens de Gentse schepen Anna Kovacs is de brug veilig.", "is de brug veilig"),
    ],
)
def test_dutch_a_title_after_volgens_is_no_verb(body: str, text: str) -> None:
    assert said(run(body, "nl", per("Anna Kovacs"))) == [(text, "Anna Kovacs")]


def test_dutch_a_postposed_attribution_whose_subject_opens_with_zijn_ends_the_clause_before_it() -> None:
    body = "Hij ontkent de brand te hebben gesticht, zegt zijn advocate Anna Kovacs."
    assert said(run(body, "nl", per("Anna Kovacs"))) == [
        ("Hij ontkent de brand te hebben gesticht", "Anna Kovacs"),
        ("de brand te hebben gesticht", None),  # "hij", her client, is named nowhere
    ]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Testbond said the strike had cost 300 million euros. bpost said parcels could arrive late.", "en"),
        ("Testbond estime que la grève a coûté 300 millions. bpost prévient que les colis auront du retard.", "fr"),
    ],
)
def test_a_name_written_in_lower_case_opens_a_sentence(body: str, lang: str) -> None:
    quotes = run(body, lang, org("Testbond"), org("bpost"))
    assert [q.speaker_entity.name for q in quotes] == ["Testbond", "bpost"]
    assert "bpost" not in quotes[0].text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("À en croire Lien Dierckx, la réforme sera votée avant l'été.", ["la réforme sera votée avant l'été"]),
        ("Il a fini par en croire les rumeurs.", []),  # "en croire" without "à" opens no source
        ("Elle commence à en croire ses yeux.", []),
    ],
)
def test_a_en_croire_x_is_a_source_as_selon_x(body: str, expected: list[str]) -> None:
    quotes = run(body, "fr", per("Lien Dierckx"))
    assert indirect(quotes) == expected
    assert all(speaker(q) == "Lien Dierckx" for q in quotes)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an English participle after the content is what the speaker did, not what was said
        ("Lien Dierckx said fares would rise, blaming a shortage of aircraft.", ["fares would rise"]),
        ("Lien Dierckx said fares would rise, citing higher fuel costs.", ["fares would rise"]),
        ("Lien Dierckx said fares would rise, saying demand was strong.", ["fares would rise", "demand was strong"]),
        # a participle inside the content stays ("the fares rising" is no adjunct after a comma)
        ("Lien Dierckx said that fares, rising for a year, would fall.", ["fares, rising for a year, would fall"]),
    ],
)
def test_an_english_participial_adjunct_ends_the_reported_clause(body: str, expected: list[str]) -> None:
    assert indirect(run(body, "en", per("Lien Dierckx"))) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "with X <gerund> that": X speaks, not the sentence's subject
        ("Vervoerbond kept fares unchanged, with Lien Dierckx warning that costs were rising.", "Lien Dierckx"),
        ("Vervoerbond kept fares unchanged, warning that costs were rising.", "Vervoerbond"),
    ],
)
def test_an_english_absolute_gerund_is_its_own_subjects(body: str, expected: str) -> None:
    (quote,) = run(body, "en", per("Lien Dierckx"), org("Vervoerbond"))
    assert speaker(quote) == expected
