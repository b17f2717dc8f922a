"""Tests for IPTC NITF 3.x decoding (streams.wire.nitf) through `decode`.

The fixtures under tests/fixtures/nitf/ are invented documents written after the
NITF 3.x DTD and schema.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.errors import DecodeError
from streams.wire.decode import Dispatch, Subject, content_id, decode

NITF = Path(__file__).parent.parent / "fixtures" / "nitf"
DOC_ID = "afp-20250403-seisme-grece-0831"


def fixture(name: str) -> Dispatch:
    [dispatch] = decode((NITF / name).read_bytes())
    return dispatch


def doc(
    *, docdata: str = "", head: str = "", body_head: str = "", content: str = "<p>Texte.</p>", end: str = ""
) -> bytes:
    return (
        f'<nitf version="-//IPTC//DTD NITF 3.6//EN"><head>{head}<docdata>{docdata}</docdata></head>'
        f"<body><body.head>{body_head}</body.head><body.content>{content}</body.content>"
        f"<body.end>{end}</body.end></body></nitf>"
    ).encode()


def test_every_metadata_field_of_a_document_is_mapped():
    dispatch = fixture("afp-seisme-v1.xml")
    assert dispatch.format == "nitf"
    assert dispatch.id == dispatch.guid == DOC_ID
    assert dispatch.version == 1
    assert dispatch.status == "usable" and not dispatch.withdrawn
    assert dispatch.headline == "Séisme de magnitude 6,1 au large de la Grèce"  # hl1, not hl2 or title
    assert dispatch.slugline == "Grèce-séisme"  # du-key/@key
    assert dispatch.keywords == ("séisme", "Grèce")
    assert dispatch.lang == "fr"
    assert dispatch.urgency == 2
    assert (dispatch.provider, dispatch.credit, dispatch.agency) == ("AFP", "AFP", "AFP")
    assert dispatch.byline == "Hélène MARTIN"  # the person, without "Par" and the title
    assert dispatch.dateline_text == "ATHÈNES, 3 avril"
    assert dispatch.dateline_place == "Athènes"
    assert dispatch.dateline_date == "2025-04-03"  # story.date/@norm
    assert dispatch.version_created == "2025-04-03T08:31:00+02:00"  # date.issue, basic ISO form converted
    assert dispatch.first_created == "2025-04-03T08:25:00+02:00"  # the earliest revision-history
    assert dispatch.subjects == (
        Subject("subj:03000000", "Disaster and accident"),
        Subject("subj:03015000", "earthquake"),
    )
    assert dispatch.markers == ()
    assert dispatch.ed_note is None


def test_the_body_is_body_content_only_with_paragraphs():
    dispatch = fixture("afp-seisme-v1.xml")
    assert dispatch.text == (
        "Un séisme de magnitude 6,1 a frappé jeudi matin au large des côtes du Péloponnèse, dans le sud de la "
        "Grèce, a indiqué l'Institut de géodynamique d'Athènes.\n\n"
        "“Aucune victime n'est signalée pour l'instant”, a déclaré le ministre de la Protection civile, "
        "Vassilis Kikilias."
    )
    for left_out in ("Pas de victime signalée", "Péloponnèse.", "Carte", "hm/ab", "AFP"):
        assert left_out not in dispatch.text  # hl2, abstract, media caption, tagline, distributor


def test_versions_of_one_document_share_the_id_and_a_correction_is_marked():
    first, second, killed = fixture("afp-seisme-v1.xml"), fixture("afp-seisme-v2.xml"), fixture("afp-seisme-kill.xml")
    assert first.id == second.id == killed.id == DOC_ID
    assert [first.version, second.version, killed.version] == [1, 2, 3]
    assert second.markers == ("CORRECTED",)
    assert second.ed_note == "Corrige la magnitude: 6,1 et non 6,4"
    assert second.version_created == "2025-04-03T09:15:00+02:00"
    assert "(et non 6,4 comme annoncé)" in second.text


def test_a_kill_notice_cancels_the_document():
    killed = fixture("afp-seisme-kill.xml")
    assert killed.status == "canceled" and killed.withdrawn
    assert killed.ed_note.startswith("ÉLIMINATION: la dépêche")
    assert killed.urgency == 1
    assert killed.first_created is None  # a later version without revision history


@pytest.mark.parametrize(
    ("docdata", "status"),
    [
        ('<ed-msg msg-type="kill"/>', "canceled"),
        ('<ed-msg info="MANDATORY KILL - legal reasons"/>', "canceled"),
        ('<ed-msg msg-type="advisory" info="Withdrawn: wrong figures"/>', "canceled"),
        ('<ed-msg info="Intrekking: bericht ingetrokken"/>', "canceled"),
        ('<ed-msg info="Note aux rédactions: photos à suivre"/>', "usable"),
    ],
)
def test_ed_msg_kill_notices_are_recognised(docdata, status):
    [dispatch] = decode(doc(docdata=docdata))
    assert dispatch.status == status
    assert dispatch.ed_note


@pytest.mark.parametrize(
    ("management", "status"),
    [("usable", "usable"), ("embargoed", "usable"), ("withheld", "withdrawn"), ("canceled", "canceled")],
)
def test_management_status_maps_to_the_status(management, status):
    value = doc().replace(b"<docdata>", f'<docdata management-status="{management}">'.encode())
    assert decode(value)[0].status == status


def test_a_killed_document_may_come_without_body_but_a_usable_one_may_not():
    assert decode(doc(docdata='<ed-msg msg-type="kill"/>', content=""))[0].text == ""
    with pytest.raises(DecodeError) as caught:
        decode(doc(content="<media><media-caption>Photo</media-caption></media>"))
    assert caught.value.reason == "empty"


def test_the_declared_encoding_and_the_nitf_namespace_are_honoured():
    dispatch = fixture("apa-streik-latin1.xml")
    assert (dispatch.id, dispatch.version, dispatch.lang) == ("APA0123-2025-04-03", 1, "de")
    assert dispatch.headline == "Bahnstreik in Österreich angekündigt"
    assert dispatch.byline == "Jürgen Größer"
    assert (dispatch.dateline_place, dispatch.dateline_date) == ("Wien", "2025-04-03")  # date from date.issue
    assert dispatch.embargoed == "2025-04-03T14:00:00Z"  # date.release
    assert dispatch.first_created == dispatch.version_created == "2025-04-03T12:00:00Z"
    assert dispatch.subjects == (Subject("subj:09000000", "Arbeit"),)
    assert dispatch.agency == "APA"
    assert (
        dispatch.text
        == "Die Gewerkschaft vida hat für Montag einen Warnstreik bei den ÖBB angekündigt.\n\nMontag ganztägig"
    )


def test_without_doc_id_the_id_falls_back_to_the_key_then_the_content():
    value = doc(content="<p>Sans identifiant.</p>")
    assert decode(value, b"key-1")[0].id == "key-1"
    [dispatch] = decode(value)
    assert dispatch.id == content_id("Sans identifiant.")
    assert dispatch.guid is None and dispatch.version is None


def test_inline_markup_lists_and_quotes_in_the_body():
    content = (
        "<hl2>Les faits</hl2>"
        "<p>Il a dit <q>« nous partons »</q> puis <q>au revoir</q>.</p>"
        "<ul><li>un</li><li>deux <em>et</em> demi</li></ul>"
        "<bq><block><p>Une citation longue.</p></block><credit>X</credit></bq>"
        "<p>Ligne 1<br/>Ligne 2</p>"
        '<note noteclass="editorsnote"><p>Note.</p></note>'
    )
    [dispatch] = decode(doc(content=content))
    assert dispatch.text.split("\n\n") == [
        "Les faits",
        "Il a dit « nous partons » puis “au revoir”.",  # marks added only where the text has none
        "un",
        "deux et demi",
        "Une citation longue.",
        "X",
        "Ligne 1\nLigne 2",
        "Note.",
    ]


def test_the_title_is_the_headline_when_there_is_no_hedline_and_markers_are_read_from_it():
    [dispatch] = decode(doc(head="<title>URGENT - Séisme en Grèce</title>"))
    assert dispatch.headline == "URGENT - Séisme en Grèce"
    assert dispatch.markers == ("URGENT",)


def test_subject_codes_other_than_iptc_are_kept_as_written():
    head = (
        '<tobject><tobject.subject tobject.subject.ipr="AFP" tobject.subject.refnum="POL"'
        ' tobject.subject.type="Politique"/><tobject.subject tobject.subject.refnum="11000000"'
        ' tobject.subject.matter="politics" tobject.subject.detail="elections"/></tobject>'
    )
    [dispatch] = decode(doc(head=head))
    assert dispatch.subjects == (Subject("POL", "Politique"), Subject("subj:11000000", "elections"))
