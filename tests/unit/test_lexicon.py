"""The word lists: each set the stages read is the union of its languages' parts, and keeps the members it had
when it was one mixed list (sizes and members below were taken from the old `lexicon.py` and
`lexicon_quotes.py`; the lists have grown since, never lost a word)."""

import pytest

from streams.nlp import lexicon
from streams.nlp.lexicon import de, en, fr, nl, shared
from streams.wire import lexicon as wire

# name -> (size of the old mixed set, members from each language it mixed)
OLD_SETS = {
    "TITLES": (161, {"vice-premier", "substitut", "gedeputeerde", "oud-minister", "spokesperson", "bundeskanzlerin"}),
    "MINISTER_TITLES": (12, {"ministres", "échevine", "staatssecretaris", "schepen", "commissioner", "secretary"}),
    "PORTFOLIOS": (62, {"affaires étrangères", "fonction publique", "asiel en migratie", "home affairs"}),
    "NOT_ENTITIES": (33, {"gmt", "pst", "états", "regering", "europese", "government"}),
    "ROLE_BREAKERS": (94, {"qu'", "aujourd'hui", "volgens", "gisteren", "according", "tomorrow"}),
    "ROLE_LINKS": (22, {"d'", "l'", "aux", "van", "het", "of", "the"}),
    "SPEECH_CUES": (24, {"précisé", "selon", "voegde", "aldus", "explained", "according"}),
    "FUNCTION_WORDS": (89, {"cependant", "enfin", "daarom", "tegelijk", "meanwhile", "those"}),
    "ORG_WORDS": (85, {"ministère", "théâtre", "schouwburg", "vakbond", "airways", "plc", "liga"}),
    "NAME_PARTICLES": (20, {"d'", "van", "von", "dos", "bin", "el"}),
    "PERSON_TITLES": (206, {"eurodéputée", "bâtonnier", "onderzoeksrechter", "vicepremier", "congresswoman"}),
    "UNNAMED_NOUNS": (42, {"témoins", "habitants", "bronnen", "getuige", "insiders", "residents"}),
    "ORG_NOUNS": (57, {"tribunal", "comité", "agentschap", "ploeg", "organization", "court"}),
    "COMPANY_NOUNS": (24, {"brasseur", "constructeur", "fabrikant", "brouwer", "carmaker", "utility"}),
    "DOCUMENT_NOUNS": (22, {"communiqué", "sondage", "peiling", "verslag", "estimates", "poll"}),
    "WORK_NOUNS": (41, {"émission", "ouvrage", "tentoonstelling", "voorstelling", "novel", "program"}),
    "TIME_NOUNS": (33, {"mi-juillet", "lendemain", "ochtend", "maand", "weekend", "afternoon"}),
    "SPEECH_NOUNS": (18, {"explication", "analyse", "boodschap", "commentaar", "reply", "statement"}),
    "SINGULAR_INDEFINITE": (6, {"un", "une", "een", "a", "an", "one"}),
    "POSSESSIVE_PRONOUNS": (2, {"haar", "her"}),
    "NL_IMPERSONAL_CUES": (4, {"klinkt", "luidde"}),
    "NL_VERB_HINTS": (47, {"bedraagt", "geldt", "zat"}),
    "EN_NOT_A_CLAUSE": (12, {"nothing", "goodbye", "thanks"}),
    "ABBREVIATIONS": (57, {"mme", "mlle", "dhr", "drs", "okt", "febr", "sgt", "corp", "etc", "cf", "pp"}),
}


@pytest.mark.parametrize("name", sorted(OLD_SETS))
def test_each_set_keeps_the_members_it_had_as_one_mixed_list(name):
    size, members = OLD_SETS[name]
    words = getattr(lexicon, name)
    assert len(words) >= size
    assert members <= words


def test_mixed_sets_are_exactly_the_union_of_their_languages():
    assert lexicon.TITLES == fr.TITLES | nl.TITLES | en.TITLES | de.TITLES
    assert "bürgermeister" in de.TITLES and "bürgermeister" not in fr.TITLES | nl.TITLES | en.TITLES
    assert lexicon.NOT_ENTITIES == shared.TIME_ZONES | fr.NOT_ENTITIES | nl.NOT_ENTITIES | en.NOT_ENTITIES
    assert lexicon.PERSON_TITLES == fr.PERSON_TITLES | nl.PERSON_TITLES | en.PERSON_TITLES
    assert "schouwburg" in nl.ORG_WORDS and "schouwburg" not in fr.ORG_WORDS | en.ORG_WORDS
    assert "porte-parole" in fr.UNNAMED_NOUNS and "porte-parole" not in nl.UNNAMED_NOUNS | en.UNNAMED_NOUNS


def test_quote_lexicons_per_language_keep_their_inflected_verbs():
    assert set(lexicon.LEXICONS) == {"fr", "nl", "en"}
    sizes = {
        lang: (len(lex.finite), len(lex.participles), len(lex.gerunds), len(lex.adverbs))
        for lang, lex in lexicon.LEXICONS.items()
    }
    before = {"fr": (436, 178, 85, 35), "nl": (108, 41, 0, 37), "en": (109, 0, 60, 19)}  # when they were split
    assert all(now >= then for lang in sizes for now, then in zip(sizes[lang], before[lang], strict=True))
    assert {"souligne", "soulignait", "souligné", "soulignant"} <= fr.QUOTES.finite | fr.QUOTES.participles | (
        fr.QUOTES.gerunds
    )
    assert {"denies", "denied"} <= en.QUOTES.finite and "reports" not in en.QUOTES.finite  # a plural noun
    assert nl.QUOTES.separable["voegde"] == {"toe"}
    assert lexicon.NEUTRAL.finite == frozenset() and lexicon.NEUTRAL.markers == frozenset()


def test_dates_and_agencies_come_from_the_wire_lexicon():
    assert lexicon.WEEKDAYS is wire.WEEKDAYS and len(lexicon.WEEKDAYS) == 28
    assert lexicon.MONTH_WORDS == wire.MONTHS | wire.MONTH_ABBREVIATIONS and len(lexicon.MONTH_WORDS) == 60
    assert {"février", "fevrier", "maart", "mrt", "sept"} <= lexicon.MONTH_WORDS


def test_french_verbs_take_the_grave_accent_where_the_ending_is_mute():
    finite = fr.QUOTES.finite
    assert {"répète", "martèle", "relève", "inquiète", "révèle", "considère"} <= finite
    assert {"répétait", "martelait", "relevait", "inquiétait"} <= finite
    assert {"appelle", "rappelle", "appelait"} <= finite and "appèle" not in finite
    assert not {"alèrte", "pènse", "regrètte", "tweète"} & finite


def test_reporting_verbs_cover_each_way_of_reporting():
    fq, nq, eq = fr.QUOTES, nl.QUOTES, en.QUOTES
    # manner of speaking, answering, judging, admitting and denying, in each language
    assert {"soupire", "renchérit", "savoure", "insurge", "pense", "croit", "nie", "exclut"} <= fq.finite
    assert {"savouré", "dite", "révélé", "exclu"} <= fq.participles
    assert {"repliceerde", "verwacht", "gelooft", "denkt", "zucht", "onthulde"} <= nq.finite
    assert {"bekendgemaakt", "meegedeeld", "volgehouden"} <= nq.participles
    assert nq.separable["sluit"] == {"uit"} and nq.separable["houdt"] == {"vol"}
    assert {"believes", "demanded", "thought", "admitted", "reckons", "vowed", "quipped"} <= eq.finite
    # an -s form that is a plural noun is not a cue
    assert not {"demands", "hopes", "fears", "comments", "jokes"} & eq.finite
    # the words a clause may be reported with: infinitives, negations, own account, the sentence before
    assert {"avoir", "être"} <= fq.infinitives and {"ne", "n'"} <= fq.negations
    assert eq.infinitive_marker == "to" and {"claimed", "pledged"} <= eq.infinitive_verbs
    assert nq.infinitive_marker == "te" and "ontkent" in nq.infinitive_verbs
    assert ("naar", "eigen", "zeggen") in nq.own_account and ("de", "son", "propre", "aveu") in fq.own_account
    assert {"dat", "dit"} <= nq.anaphoric_objects and "appris" in fq.impersonal_participles


def test_nationalities_are_lower_case_words_of_one_nation_each_language():
    from streams.nlp.lexicon import nations

    for lang, words in nations.NATIONS.items():
        assert len(words) > 40, lang
        assert all(word == word.casefold() and " " not in word for word in words), lang
    assert nations.PERSON_NATIONS["fr"]["belge"] == nations.NATIONS["nl"]["belg"] == nations.SPORTS_CODES["BEL"]
    # words that are also a country, a first name or a thing in their language are left out
    assert not {"suisse", "argentine"} & nations.NATIONS["fr"].keys()
    assert not {"waal", "noor", "pool", "polen", "zweden"} & nations.NATIONS["nl"].keys()
    assert "french" in nations.NATIONS["en"] and "french" not in nations.PERSON_NATIONS["en"]  # "the French": many
