"""Tests for streams.wire.header.parse_header (all dispatches are invented)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from streams.wire.header import Header, parse_header

FR = (
    "Le conseil communal a approuvé lundi soir le réaménagement de la place du Marché, "
    "un chantier estimé à 4,2 millions d'euros.\n\n"
    "« Nous voulons rendre la place aux piétons », a expliqué l'échevine Claire Dumortier."
)
NL = (
    "De gemeenteraad heeft maandagavond het nieuwe mobiliteitsplan goedgekeurd. "
    "De werken starten in het voorjaar.\n\n"
    "'We geven de straat terug aan fietsers', zei schepen Lotte Verhaegen."
)
EN = (
    "Solvexa, the Belgian battery materials maker, raised its full-year outlook on Tuesday "
    "after a surge in orders from European carmakers.\n\n"
    '"Demand has been stronger than we planned for," Chief Executive Ingrid Moens said.'
)
RECEIVED = datetime(2025, 6, 20, 9, 30)


def check(text: str, body: str, received_at: datetime | None = RECEIVED, **expected: object) -> Header:
    h = parse_header(text, received_at=received_at)
    assert text[h.body_start : h.body_end] == body
    for name, value in expected.items():
        assert getattr(h, name) == value, name
    return h


# (text, expected fields); the body of every dispatch is FR, NL or EN.
DATELINES = [
    pytest.param(
        f" date 2019-04 (Belga) {FR} (Belga)",
        FR,
        dict(
            agency="Belga",
            dateline_place=None,
            dateline_date="2019-04",
            dateline_text="date 2019-04",
            header_text="date 2019-04 (Belga)",
            footer_text="(Belga)",
        ),
        id="belga-archive",
    ),
    pytest.param(
        f" date 2024-11 BRUXELLES (Belga) - {FR}",
        FR,
        dict(
            agency="Belga",
            dateline_place="Bruxelles",
            dateline_date="2024-11",
            dateline_text="BRUXELLES",
            header_text="date 2024-11 BRUXELLES (Belga) -",
        ),
        id="belga-archive-date-before-dateline",
    ),
    pytest.param(
        f" date 2023-02\nKORTRIJK 17/05 (BELGA) - {NL}",
        NL,
        dict(agency="Belga", dateline_place="Kortrijk", dateline_date="2025-05-17", dateline_text="KORTRIJK 17/05"),
        id="belga-archive-date-own-line-then-dated-dateline",
    ),
    pytest.param(
        f" date 2024-11 {FR}",
        FR,
        dict(agency=None, dateline_place=None, dateline_date="2024-11", header_text="date 2024-11"),
        id="belga-archive-date-alone",
    ),
    pytest.param(
        f"WAVRE, 7 juin (Belga) - {FR}",
        FR,
        dict(
            agency="Belga",
            dateline_place="Wavre",
            dateline_date="2025-06-07",
            dateline_text="WAVRE, 7 juin",
            header_text="WAVRE, 7 juin (Belga) -",
        ),
        id="belga-fr-day-month",
    ),
    pytest.param(
        f"TOURNAI 05/06 (BELGA) = {FR}",
        FR,
        dict(
            agency="Belga",
            dateline_place="Tournai",
            dateline_date="2025-06-05",
            dateline_text="TOURNAI 05/06",
            header_text="TOURNAI 05/06 (BELGA) =",
        ),
        id="belga-numeric",
    ),
    pytest.param(
        f"VERVIERS (Belga) - {FR}",
        FR,
        dict(
            agency="Belga",
            dateline_place="Verviers",
            dateline_date=None,
            dateline_text="VERVIERS",
            header_text="VERVIERS (Belga) -",
        ),
        id="belga-place-only",
    ),
    pytest.param(
        f"SPA (Belga) - {FR}",
        FR,
        dict(agency="Belga", dateline_place="Spa", dateline_text="SPA"),
        id="belga-short-place",
    ),
    pytest.param(
        f"LIÈGE/MAASTRICHT 14/06 (BELGA) = {FR}",
        FR,
        dict(
            agency="Belga",
            dateline_place="Liège/Maastricht",
            dateline_date="2025-06-14",
            dateline_text="LIÈGE/MAASTRICHT 14/06",
        ),
        id="belga-two-places",
    ),
    pytest.param(
        f"DINANT, 3 février (BELGA) – {FR}",
        FR,
        dict(
            agency="Belga",
            dateline_place="Dinant",
            dateline_date="2025-02-03",
            header_text="DINANT, 3 février (BELGA) –",
        ),
        id="belga-en-dash",
    ),
    pytest.param(
        f"Wavre, 11 mai (Belga) - {FR}",
        FR,
        dict(agency="Belga", dateline_place="Wavre", dateline_date="2025-05-11", dateline_text="Wavre, 11 mai"),
        id="belga-mixed-case",
    ),
    pytest.param(
        f"LYON, 8 avril 2022 (AFP) - {FR}",
        FR,
        dict(
            agency="AFP",
            dateline_place="Lyon",
            dateline_date="2022-04-08",
            dateline_text="LYON, 8 avril 2022",
            header_text="LYON, 8 avril 2022 (AFP) -",
        ),
        id="afp-full-date",
    ),
    pytest.param(
        f"VILNIUS, 12 févr 2023 (AFP) - {FR}",
        FR,
        dict(agency="AFP", dateline_place="Vilnius", dateline_date="2023-02-12"),
        id="afp-abbrev-accent",
    ),
    pytest.param(
        f"LAUSANNE, 21 nov. 2021 (AFP) - {FR}",
        FR,
        dict(agency="AFP", dateline_place="Lausanne", dateline_date="2021-11-21"),
        id="afp-abbrev-period",
    ),
    pytest.param(
        f"AMSTERDAM, June 9 (Reuters) - {EN}",
        EN,
        dict(
            agency="Reuters",
            dateline_place="Amsterdam",
            dateline_date="2025-06-09",
            dateline_text="AMSTERDAM, June 9",
            header_text="AMSTERDAM, June 9 (Reuters) -",
        ),
        id="reuters-month-day",
    ),
    pytest.param(
        f"GHENT, Belgium, Nov 2 (Reuters) - {EN}",
        EN,
        dict(
            agency="Reuters", dateline_place="Ghent", dateline_date="2024-11-02", dateline_text="GHENT, Belgium, Nov 2"
        ),
        id="reuters-with-country",
    ),
    pytest.param(
        f"DUBLIN, Jan 7 (REUTERS) - {EN}",
        EN,
        dict(agency="Reuters", dateline_place="Dublin", dateline_date="2025-01-07"),
        id="reuters-caps",
    ),
    pytest.param(
        f"OTTAWA, Mar 3, 2024 (AFP) - {EN}",
        EN,
        dict(agency="AFP", dateline_place="Ottawa", dateline_date="2024-03-03", dateline_text="OTTAWA, Mar 3, 2024"),
        id="afp-english-with-year",
    ),
    pytest.param(
        f"MUNICH, Sept 22 (Reuters) - {EN}",
        EN,
        dict(agency="Reuters", dateline_place="Munich", dateline_date="2024-09-22"),
        id="reuters-sept",
    ),
    pytest.param(
        f"BRUGGE, 6 oktober (Belga) - {NL}",
        NL,
        dict(agency="Belga", dateline_place="Brugge", dateline_date="2024-10-06", dateline_text="BRUGGE, 6 oktober"),
        id="belga-nl-day-month",
    ),
    pytest.param(
        f"KORTRIJK 17/05 (BELGA) - {NL}",
        NL,
        dict(agency="Belga", dateline_place="Kortrijk", dateline_date="2025-05-17"),
        id="belga-nl-numeric",
    ),
    pytest.param(
        f"MECHELEN (Belga) - {NL}",
        NL,
        dict(agency="Belga", dateline_place="Mechelen", dateline_date=None),
        id="belga-nl-place-only",
    ),
    pytest.param(
        f"SINT-NIKLAAS, 2 mrt. (Belga) - {NL}",
        NL,
        dict(agency="Belga", dateline_place="Sint-Niklaas", dateline_date="2025-03-02"),
        id="belga-nl-hyphenated-abbrev",
    ),
    pytest.param(
        f"BERLIN, 4. März (dpa) - {EN}",
        EN,
        dict(agency="dpa", dateline_place="Berlin", dateline_date="2025-03-04"),
        id="dpa-german",
    ),
    pytest.param(
        f"(AFP) - {FR}",
        FR,
        dict(agency="AFP", dateline_place=None, dateline_text=None, header_text="(AFP) -"),
        id="credit-only",
    ),
]


@pytest.mark.parametrize(("text", "body", "expected"), DATELINES)
def test_datelines(text: str, body: str, expected: dict) -> None:
    h = check(text, body, **expected)
    assert h.headline is None
    assert h.byline is None
    assert h.markers == ()


@pytest.mark.parametrize(
    ("credit", "agency"),
    [
        ("BELGA", "Belga"),
        ("REUTERS", "Reuters"),
        ("AFP", "AFP"),
        ("DPA", "dpa"),
        ("ANP", "ANP"),
        ("Ansa", "ANSA"),
        ("EFE", "EFE"),
        ("AP", "AP"),
        ("BLOOMBERG", "Bloomberg"),
        ("Belga/XYZ", "Belga"),
    ],
)
def test_agency_is_normalised(credit: str, agency: str) -> None:
    check(f"ROME, 3 juin ({credit}) - {FR}", FR, agency=agency, dateline_place="Rome")


@pytest.mark.parametrize("marker", ["URGENT", "FLASH", "BULLETIN", "ALERTE", "DRINGEND", "RECTIFICATIF"])
def test_marker_line(marker: str) -> None:
    check(
        f"{marker}\n\nLILLE, 2 juin 2025 (AFP) - {FR}",
        FR,
        markers=(marker,),
        agency="AFP",
        dateline_place="Lille",
        dateline_date="2025-06-02",
        header_text="LILLE, 2 juin 2025 (AFP) -",
    )


def test_update_slug_note_and_headline() -> None:
    text = (
        "UPDATE 3-Solvexa raises outlook as carmakers step up orders\n\n"
        "(Adds analyst comment, share price)\n\n"
        f"HERENTALS, Belgium, June 17 (Reuters) - {EN}\n\n"
        "(Reporting by Tomas Verlinden; Editing by Ruth Ashby)"
    )
    check(
        text,
        EN,
        markers=("UPDATE 3",),
        headline="Solvexa raises outlook as carmakers step up orders",
        agency="Reuters",
        dateline_place="Herentals",
        dateline_date="2025-06-17",
        footer_text="(Reporting by Tomas Verlinden; Editing by Ruth Ashby)",
    )


def test_corrected_slug() -> None:
    text = f"CORRECTED-Solvexa shares climb on upbeat outlook\n\nAMSTERDAM, June 9 (Reuters) - {EN}"
    check(text, EN, markers=("CORRECTED",), headline="Solvexa shares climb on upbeat outlook")


@pytest.mark.parametrize(
    ("headline", "dateline", "body"),
    [
        ("Basket/BNXT League - Ostende s'offre Mons et reste invaincu", "OSTENDE 12/01 (BELGA) - ", FR),
        ("Athlétisme : Dupuis bat le record de Belgique du 800 m", "GAND, 14 juin 2025 (AFP) - ", FR),
        ("Wielrennen/Ronde - Peeters wint in Oudenaarde", "OUDENAARDE, 6 april (Belga) - ", NL),
        ("Grève aux TEC - Le syndicat : « On ne lâchera rien »", "NAMUR 03/06 (BELGA) = ", FR),
    ],
)
def test_headline_line(headline: str, dateline: str, body: str) -> None:
    h = check(f"{headline}\n\n{dateline}{body}", body, headline=headline)
    assert h.header_text == dateline.rstrip()


@pytest.mark.parametrize(
    ("line", "byline", "body", "dateline"),
    [
        ("Par Marc LENOIR", "Marc LENOIR", FR, "BAMAKO, 2 juin 2025 (AFP) - "),
        ("By Olivia Brandt", "Olivia Brandt", EN, "OSLO, June 2 (Reuters) - "),
        ("Door Pieter Claes", "Pieter Claes", NL, "LEUVEN 02/06 (BELGA) - "),
    ],
)
def test_byline(line: str, byline: str, body: str, dateline: str) -> None:
    check(f"{line}\n\n{dateline}{body}", body, byline=byline, headline=None)


@pytest.mark.parametrize(
    "headline",
    ["By Monday, talks on the budget collapse", "Von der Leyen reist nach Kiew", "Door de storm vallen bomen om"],
)
def test_headline_that_looks_like_a_byline(headline: str) -> None:
    check(f"{headline}\n\nLIER (Belga) - {NL}", NL, headline=headline, byline=None)


def test_urgent_headline_and_byline_together() -> None:
    text = f"URGENT\nSéisme au large de la Crète\n\nPar Sofia KARRAS\n\nATHENES, 19 juin 2025 (AFP) - {FR}"
    check(
        text,
        FR,
        markers=("URGENT",),
        headline="Séisme au large de la Crète",
        byline="Sofia KARRAS",
        dateline_place="Athenes",
    )


def test_no_header() -> None:
    text = f"\n  {FR}\n\n"
    check(
        text,
        FR,
        agency=None,
        headline=None,
        byline=None,
        dateline_place=None,
        dateline_date=None,
        dateline_text=None,
        markers=(),
        header_text="",
        footer_text="",
    )


def test_first_sentence_is_not_a_headline() -> None:
    text = f"La police a arrêté deux suspects.\n\n{FR}"
    check(text, text, headline=None)


def test_headline_without_dateline() -> None:
    check(f"Un nouveau parc à Jambes\n\n{FR}", FR, headline="Un nouveau parc à Jambes", agency=None)


@pytest.mark.parametrize(
    ("footer", "agency"),
    [
        ("(Belga)", "Belga"),
        ("(BELGA)", "Belga"),
        ("(AFP)", "AFP"),
        ("(Reuters)", "Reuters"),
        ("(Belga/MVD)", "Belga"),
        ("nl/abc", None),
        ("\nfr/xyz", None),
    ],
)
def test_sign_off_fills_agency(footer: str, agency: str | None) -> None:
    check(f"{NL} {footer}\n", NL, footer_text=footer.strip(), agency=agency)


def test_header_agency_wins_over_sign_off() -> None:
    check(f"LIER (ANP) - {NL} (BELGA)", NL, agency="ANP", footer_text="(BELGA)")


def test_sign_off_needs_a_boundary() -> None:
    text = "Het debat ging over en/of vragen."
    check(text, text, footer_text="")
    check(f"{NL}(Belga)", f"{NL}(Belga)", footer_text="", agency=None)


@pytest.mark.parametrize(
    ("dateline", "received_at", "date"),
    [
        ("NAMUR, 30 décembre (Belga) - ", datetime(2026, 1, 2), "2025-12-30"),
        ("NAMUR 02/01 (BELGA) - ", datetime(2025, 12, 31, 23, 0), "2026-01-02"),
        ("NAMUR, 3 mars (Belga) - ", datetime(2025, 3, 1, tzinfo=timezone.utc), "2025-03-03"),
        ("NAMUR, 20 mars (Belga) - ", datetime(2025, 3, 1), "2024-03-20"),
        ("NAMUR, 29 févr (Belga) - ", datetime(2025, 3, 1), "2024-02-29"),
        ("NAMUR, 30 févr (Belga) - ", datetime(2025, 3, 1), None),
        ("NAMUR, 31 avril 2024 (AFP) - ", None, None),
        ("NAMUR 45/13 (BELGA) - ", datetime(2025, 3, 1), None),
        ("NAMUR, 3 mars (Belga) - ", None, None),
        ("NAMUR, 3 mars 2024 (Belga) - ", None, "2024-03-03"),
        ("NAMUR 03/03/24 (BELGA) - ", None, "2024-03-03"),
    ],
)
def test_dateline_date(dateline: str, received_at: datetime | None, date: str | None) -> None:
    h = check(dateline + FR, FR, received_at=received_at, dateline_date=date, dateline_place="Namur")
    assert h.dateline_text == dateline.split(" (")[0]


@pytest.mark.parametrize(
    ("dateline", "place"),
    [
        ("SAINT-JOSSE-TEN-NOODE (Belga) - ", "Saint-Josse-ten-Noode"),
        ("BRAINE-L'ALLEUD (Belga) - ", "Braine-l'Alleud"),
        ("LA LOUVIÈRE (Belga) - ", "La Louvière"),
        ("RIO DE JANEIRO, June 3 (Reuters) - ", "Rio de Janeiro"),
        ("Den Haag, 3 juni (ANP) - ", "Den Haag"),
    ],
)
def test_place_case(dateline: str, place: str) -> None:
    check(dateline + FR, FR, dateline_place=place)


def test_parenthesised_party_is_not_a_credit() -> None:
    text = "Le ministre Paul Gillard (MR) a dit (Belga) que tout allait bien."
    check(text, text, agency=None, dateline_place=None, header_text="")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("", ""),
        ("   \n\t ", ""),
        ("URGENT", ""),
        ("BRUXELLES (Belga)", ""),
        ("HUY 01/06 (BELGA) =\n\n", ""),
        ("(Belga)", ""),
        ("Par Jean DUPONT", ""),
        ("\u0301\u200b\ufeff¿", "\u0301\u200b\ufeff¿"),
    ],
)
def test_degenerate_inputs(text: str, body: str) -> None:
    h = parse_header(text)
    assert text[h.body_start : h.body_end] == body
    assert 0 <= h.body_start <= h.body_end <= len(text)


def test_header_only_keeps_fields() -> None:
    text = "HUY 01/06 (BELGA) ="
    check(text, "", agency="Belga", dateline_place="Huy", dateline_date="2025-06-01", header_text=text)


def test_large_text() -> None:
    body = (FR + "\n\n") * 1000  # over 200 KB
    text = f"MONS 02/06 (BELGA) - {body}(Belga)"
    check(text, body.strip(), agency="Belga", dateline_place="Mons", footer_text="(Belga)")
    assert len(text) > 200_000


@pytest.mark.parametrize(
    "text",
    [
        "(" * 100_000,
        "BRUXELLES, " * 20_000,
        "a/b " * 50_000,
        "URGENT\n" * 20_000,
        " (Belga)" * 20_000,
        "\U0001f600\u0300\x00\ud800" * 5_000,
        "1/" * 50_000 + " (AFP)",
    ],
)
def test_pathological_inputs(text: str) -> None:
    h = parse_header(text)
    assert 0 <= h.body_start <= h.body_end <= len(text)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.lists(
            st.sampled_from(
                [
                    "URGENT",
                    "\n\n",
                    " ",
                    "(Belga)",
                    "BRUXELLES",
                    ", ",
                    "12/03",
                    "Oct 30",
                    "31 févr",
                    "date 2018-10",
                    " - ",
                    "UPDATE 2-",
                    "Par Jean X",
                    "(Adds x)",
                    "nl/xyz",
                    "é",
                    "(",
                    ")",
                ]
            ),
            max_size=20,
        ).map("".join),
    ),
    st.one_of(st.none(), st.datetimes(timezones=st.one_of(st.none(), st.just(timezone.utc)))),
)
def test_never_raises(text: str, received_at: datetime | None) -> None:
    h = parse_header(text, received_at=received_at)
    assert 0 <= h.body_start <= h.body_end <= len(text)


def test_archive_date_marker_after_a_headline() -> None:
    check(
        f"Un titre court sur deux lignes\n\n date 2021-03 NAMUR (Belga) = {FR}",
        FR,
        agency="Belga",
        dateline_place="Namur",
        dateline_date="2021-03",
        headline="Un titre court sur deux lignes",
    )


def test_a_sentence_opening_with_the_word_date_is_not_a_marker() -> None:
    body = "Date limite : les dossiers doivent être rentrés avant vendredi."
    check(f"NAMUR (Belga) - {body}", body, dateline_place="Namur", dateline_date=None)
