"""Tests for IPTC NewsML-G2 decoding (streams.wire.newsml) through `decode`.

The fixtures under tests/fixtures/newsml/ are invented items written after the
NewsML-G2 2.33 specification.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.errors import DecodeError
from streams.wire.decode import Dispatch, Subject, decode

NEWSML = Path(__file__).parent.parent / "fixtures" / "newsml"
GUID = "urn:newsml:belga.be:20250403:BEL-NAMUR-BUDGET"
G2 = "http://iptc.org/std/nar/2006-10-01/"


def fixture(name: str) -> list[Dispatch]:
    return decode((NEWSML / name).read_bytes())


def item(*, meta: str = "", content: str = "", body: str = "", attrs: str = 'guid="urn:x:1" version="1"') -> bytes:
    """A minimal newsItem around the given itemMeta, contentMeta and contentSet children."""
    return (
        f'<newsItem xmlns="{G2}" {attrs} standard="NewsML-G2" standardversion="2.33">'
        f"<itemMeta><itemClass qcode='ninat:text'/><versionCreated>2025-04-03T10:00:00Z</versionCreated>{meta}"
        f"</itemMeta><contentMeta>{content}</contentMeta><contentSet>{body}</contentSet></newsItem>"
    ).encode()


def test_every_metadata_field_of_an_item_is_mapped():
    [dispatch] = fixture("belga-budget-v1.xml")
    assert dispatch.format == "newsml"
    assert dispatch.id == dispatch.guid == GUID
    assert dispatch.version == 1
    assert dispatch.status == "usable" and not dispatch.withdrawn
    assert dispatch.headline == "Namur adopte son budget 2025"
    assert dispatch.slugline == "NAMUR-BUDGET"
    assert dispatch.keywords == ("budget", "Namur", "conseil communal")
    assert dispatch.lang == "fr-BE"  # contentMeta/language wins over @xml:lang
    assert dispatch.urgency == 3
    assert dispatch.provider == "Belga"
    assert dispatch.credit == "BELGA"
    assert dispatch.agency == "Belga"  # normalised to the known agency
    assert dispatch.byline == "Odile BRASSEUR"  # "Par" dropped
    assert dispatch.dateline_text == "NAMUR, 3 avril"
    assert dispatch.dateline_place == "Namur"  # from located/name
    assert dispatch.dateline_date == "2025-04-03"  # from contentCreated
    assert dispatch.first_created == "2025-04-03T10:02:00+02:00"
    assert dispatch.version_created == "2025-04-03T10:02:00+02:00"
    assert dispatch.embargoed is None
    assert dispatch.markers == ()
    assert dispatch.ed_note is None
    assert dispatch.received_at is None
    assert dispatch.subjects == (
        Subject("medtop:20000589", "budget, tax and fiscal policy"),
        Subject("medtop:20000606", "local government"),
        Subject("geo:2790471", "Namur"),
    )


def test_the_xhtml_body_keeps_paragraphs_and_normalises_whitespace():
    [dispatch] = fixture("belga-budget-v1.xml")
    assert dispatch.text == (
        "Les élus de Namur ont adopté mardi soir le budget 2025 de la ville, présenté par "
        "l'échevin des Finances Tanguy Auspert.\n\n"
        "« Nous présentons un budget en léger boni, sans hausse d'impôts », a déclaré le bourgmestre "
        "Maxime Prévot.\n\n"
        "L'opposition a voté contre.\nLe CPAS recevra 32 millions d'euros."  # <br/> is a line break
    )
    assert "<" not in dispatch.text and "Namur adopte son budget" not in dispatch.text  # no <title>


def test_three_versions_of_one_item_share_the_id_with_increasing_versions():
    versions = [fixture(f"belga-budget-v{n}.xml")[0] for n in (1, 2, 3)]
    assert {d.id for d in versions} == {GUID}
    assert [d.version for d in versions] == [1, 2, 3]
    assert [d.version_created for d in versions] == sorted(d.version_created for d in versions)
    assert {d.first_created for d in versions} == {"2025-04-03T10:02:00+02:00"}
    assert versions[1].markers == ("UPDATE 1",)  # headline slug "UPDATE 1-", and sig:update
    assert versions[1].urgency == 2
    assert "31 voix contre 9" in versions[1].text
    assert versions[2].markers == ("CORRECTED",)  # headline slug and sig:correction
    assert versions[2].ed_note == "CORRIGÉ: 33 voix contre 9 (et non 31), au 3e paragraphe."
    assert "33 voix contre 9" in versions[2].text
    assert len({d.text for d in versions}) == 3


def test_a_canceled_item_is_recognisable_even_without_content():
    [dispatch] = fixture("belga-budget-v4-canceled.xml")
    assert (dispatch.id, dispatch.version, dispatch.status) == (GUID, 4, "canceled")
    assert dispatch.withdrawn
    assert dispatch.text == ""
    assert dispatch.ed_note.startswith("RETRAIT: cette dépêche est retirée")
    assert dispatch.urgency == 1


@pytest.mark.parametrize(
    ("qcode", "status"),
    [
        ("stat:usable", "usable"),
        ("stat:withheld", "withdrawn"),
        ("stat:canceled", "canceled"),
        ("http://cv.iptc.org/newscodes/pubstatusg2/canceled", "canceled"),
        ("stat:something-new", "usable"),
    ],
)
def test_pub_status_maps_to_the_status(qcode, status):
    attribute = "uri" if qcode.startswith("http") else "qcode"
    value = item(meta=f'<pubStatus {attribute}="{qcode}"/>', body="<inlineData>Texte.</inlineData>")
    assert decode(value)[0].status == status


def test_a_news_message_gives_one_dispatch_per_text_item_in_order():
    dispatches = fixture("reuters-belga-message.xml")
    assert [d.id for d in dispatches] == [
        "tag:reuters.com,2025:newsml_L8N3QF0AB",
        "urn:newsml:belga.be:20250403:BEL-ANTW-HAVEN",
        GUID,  # the picture item in between is skipped
    ]
    reuters, belga, withheld = dispatches
    assert (reuters.version, reuters.lang, reuters.agency, reuters.provider) == (2, "en", "Reuters", "reuters.com")
    assert reuters.markers == ("UPDATE 2",)
    assert reuters.byline == "Philip Blenkinsop"  # from the creator when there is no <by>
    assert reuters.dateline_place == "Brussels"  # title-cased from the written dateline
    assert reuters.dateline_date == "2025-04-03"
    assert reuters.version_created == "2025-04-03T15:58:41Z"
    assert reuters.subjects[:2] == (
        Subject("medtop:20000385", "trade policy"),
        Subject("subj:04000000", "economy, business and finance"),
    )
    assert reuters.subjects[2] == Subject("N2:EU", None)
    assert (belga.lang, belga.byline, belga.dateline_place) == ("nl-BE", "Pieter Janssens", "Antwerpen")
    assert (withheld.version, withheld.status, withheld.text) == (5, "withdrawn", "")


def test_inline_data_plain_text_becomes_paragraphs():
    reuters = fixture("reuters-belga-message.xml")[0]
    assert reuters.text.split("\n\n") == [
        "BRUSSELS, April 3 (Reuters) - The European Union will answer the new U.S. duties within weeks, "
        "its trade commissioner told lawmakers on Thursday.",
        '"Our reply will be firm and proportionate," Commissioner Lena Marquardt said after the hearing.',
        "(Reporting by Philip Blenkinsop; Editing by Alex Richardson)",
    ]


def test_an_inline_nitf_body_gives_its_body_content_only():
    belga = fixture("reuters-belga-message.xml")[1]
    assert belga.text == (
        "De overslag in de haven van Antwerpen-Brugge is in het eerste kwartaal met 4 procent gestegen.\n\n"
        "“Dit is een sterk signaal”, zei CEO Jacques Vandermeiren."  # <q> gets its quote marks
    )


def test_a_message_of_pictures_only_is_unsupported_and_an_empty_one_is_empty():
    picture = (
        '<newsItem guid="p1" version="1"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta>'
        '<contentSet><remoteContent href="https://example.invalid/p.jpg"/></contentSet></newsItem>'
    )
    with pytest.raises(DecodeError) as caught:
        decode(f'<newsMessage xmlns="{G2}"><itemSet>{picture}</itemSet></newsMessage>'.encode())
    assert caught.value.reason == "unsupported_item"
    assert "ninat:picture" in str(caught.value)
    with pytest.raises(DecodeError) as caught:
        decode(f'<newsMessage xmlns="{G2}"><header/><itemSet/></newsMessage>'.encode())
    assert caught.value.reason == "empty"
    with pytest.raises(DecodeError) as caught:
        decode(picture.encode())
    assert caught.value.reason == "unsupported_item"


def test_a_bad_item_in_a_message_fails_the_message_and_says_which():
    good = item(body="<inlineData>Texte.</inlineData>").decode()
    bad = '<newsItem version="1"><contentSet><inlineData>Sans guid.</inlineData></contentSet></newsItem>'
    with pytest.raises(DecodeError) as caught:
        decode(f'<newsMessage xmlns="{G2}"><itemSet>{good}{bad}</itemSet></newsMessage>'.encode())
    assert caught.value.reason == "invalid_newsml"
    assert "item 2" in str(caught.value)


@pytest.mark.parametrize(
    ("attrs", "reason"),
    [
        ('version="1"', "invalid_newsml"),  # no guid
        ('guid="  " version="1"', "invalid_newsml"),
        ('guid="g" version="two"', "invalid_newsml"),
        ('guid="g" version="-1"', "invalid_newsml"),
    ],
)
def test_an_item_without_guid_or_with_a_bad_version_is_invalid(attrs, reason):
    with pytest.raises(DecodeError) as caught:
        decode(item(attrs=attrs, body="<inlineData>Texte.</inlineData>"))
    assert caught.value.reason == reason


def test_the_version_defaults_to_one():
    assert decode(item(attrs='guid="g"', body="<inlineData>Texte.</inlineData>"))[0].version == 1


def test_a_usable_item_without_inline_text_is_refused():
    with pytest.raises(DecodeError) as caught:
        decode(item())
    assert caught.value.reason == "empty"
    with pytest.raises(DecodeError) as caught:
        decode(item(body='<remoteContent href="https://example.invalid/story.txt" contenttype="text/plain"/>'))
    assert caught.value.reason == "unsupported_item"
    assert "never fetched" in str(caught.value)


def test_the_first_content_alternative_with_text_wins():
    body = (
        '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">'
        "<body>  </body></html></inlineXML>"
        '<inlineData contenttype="text/plain">Seconde version.</inlineData>'
    )
    assert decode(item(body=body))[0].text == "Seconde version."


def test_escaped_html_in_inline_data_is_parsed_safely_or_stripped():
    xhtml = (
        "<inlineData contenttype='text/html'>"
        "&lt;p&gt;Un &lt;em&gt;deux&lt;/em&gt;&lt;/p&gt;&lt;p&gt;Trois&lt;/p&gt;</inlineData>"
    )
    assert decode(item(body=xhtml))[0].text == "Un deux\n\nTrois"
    html = "<inlineData contenttype='text/html'>&lt;p&gt;Un&amp;nbsp;deux&lt;br&gt;&lt;p&gt;Trois</inlineData>"
    assert decode(item(body=html))[0].text == "Un\xa0deux\n\nTrois"


def test_base64_inline_data_is_decoded():
    body = '<inlineData contenttype="text/plain" encoding="base64">VW4gZGV1eAoKVHJvaXM=</inlineData>'
    assert decode(item(body=body))[0].text == "Un deux\n\nTrois"
    with pytest.raises(DecodeError) as caught:
        decode(item(body='<inlineData encoding="base64">AAECAw==</inlineData>'))
    assert caught.value.reason == "binary"
    with pytest.raises(DecodeError) as caught:
        decode(item(body='<inlineData encoding="quoted-printable">x</inlineData>'))
    assert caught.value.reason == "invalid_newsml"


def test_the_main_headline_wins_and_markers_come_from_headline_slugline_and_signals():
    content = (
        '<headline role="hdltype:sub">Sous-titre</headline><headline role="hdltype:main">FLASH-Titre</headline>'
        "<slugline>URGENT: BUDGET</slugline>"
    )
    meta = '<signal qcode="sig:correction"/><signal qcode="sig:update"/>'
    dispatch = decode(item(meta=meta, content=content, body="<inlineData>Texte.</inlineData>"))[0]
    assert dispatch.headline == "FLASH-Titre"
    assert dispatch.markers == ("FLASH", "URGENT", "CORRECTED", "UPDATE")


def test_values_that_do_not_parse_are_left_out_rather_than_failing():
    content = "<urgency>urgent</urgency><contentCreated>hier</contentCreated><dateline>3 avril</dateline>"
    meta = "<firstCreated>not a date</firstCreated><embargoed>2025-04-03T18:00:00Z</embargoed>"
    dispatch = decode(item(meta=meta, content=content, body="<inlineData>Texte.</inlineData>"))[0]
    assert dispatch.urgency is None
    assert dispatch.first_created is None
    assert dispatch.dateline_place is None  # "3 avril" names no place
    assert dispatch.dateline_date is None
    assert dispatch.embargoed == "2025-04-03T18:00:00Z"


def test_provider_literal_and_unknown_credit_are_kept_as_written():
    meta = '<provider literal="Agence Locale"/>'
    dispatch = decode(item(meta=meta, body="<inlineData>Texte.</inlineData>"))[0]
    assert (dispatch.provider, dispatch.agency, dispatch.credit) == ("Agence Locale", "Agence Locale", None)


def test_an_item_without_namespace_or_with_a_prefix_is_read_the_same():
    plain = b'<newsItem guid="g" version="2"><contentSet><inlineData>Texte.</inlineData></contentSet></newsItem>'
    prefixed = (
        f'<g2:newsItem xmlns:g2="{G2}" guid="g" version="2"><g2:contentSet>'
        "<g2:inlineData>Texte.</g2:inlineData></g2:contentSet></g2:newsItem>"
    ).encode()
    assert decode(plain) == decode(prefixed)
