"""English word lists: titles, portfolios and the other words of the entity corrections, and the quote lexicon.

Every list is lower-case. Regular reporting verbs are given as bases and inflected by `_en_forms`.
"""

from __future__ import annotations

from streams.nlp.lexicon.shared import QuoteLexicon, words


def _en_forms(bases: str, *, past_only: bool = False) -> tuple[frozenset[str], frozenset[str]]:
    """Finite and -ing forms of regular English verbs (`past_only` for verbs whose -s form is a plural noun)."""
    finite, gerunds = set(), set()
    for base in bases.split():
        if base.endswith("e"):
            present, past, gerund = base + "s", base + "d", base[:-1] + "ing"
        elif base.endswith("y") and base[-2] not in "aeiou":
            present, past, gerund = base[:-1] + "ies", base[:-1] + "ied", base + "ing"
        else:
            present, past, gerund = base + ("es" if base.endswith(("s", "sh")) else "s"), base + "ed", base + "ing"
        finite |= {past} if past_only else {present, past}
        gerunds.add(gerund)
    return frozenset(finite), frozenset(gerunds)


# fmt: off
# ---------------------------------------------------------------- entities
# Titles and functions that precede a name; they are never part of it.
TITLES = words(
    "mr mrs ms dr sir president prime minister pm premier secretary senator rep representative governor mayor "
    "spokesman spokeswoman spokesperson chancellor chief executive ceo cfo coo cto chairman chairwoman director "
    "judge commissioner coach manager striker captain king queen prince princess pope former "
    "boss leader analyst economist midfielder defender goalkeeper lawyer attorney"
)
# Titles after which "of/for ..." names a portfolio, not an organisation: "Commissioner for Trade".
MINISTER_TITLES = words("minister ministers commissioner secretary")
# Portfolios the model may tag alone ("Foreign Affairs"): not entities after a minister title.
PORTFOLIOS = frozenset(name.casefold() for name in (
    "Foreign Affairs", "Home Affairs", "Finance", "Defence", "Defense", "Health", "Economy", "Trade",
    "Interior", "Environment", "Education", "Energy", "Transport", "Agriculture", "Employment",
))
# Capitalised common nouns and adjectives a model may tag, that are never entities on their own.
NOT_ENTITIES = words("state states government minister president european mep meps mp mps ceo")
# Words that end the title phrase before a name ("the president has met X": "has" ends it).
ROLE_BREAKERS = words(
    "has have had is are was were will who that and or but according with against by at after "
    "said says yesterday today tomorrow also already still"
)
# Lower-case words that may stand inside a title phrase after its title word ("chief executive of").
ROLE_LINKS = words("of for the and")
# Verbs of saying before or after a name: "said Anna Peeters", "according to Anna Peeters".
SPEECH_CUES = words("said says told added declared explained according")
# Function words that start sentences: capitalised there, never part of a name.
FUNCTION_WORDS = words(
    "and but then now so also the a an in on at for with after before he she they we it this that these those "
    "however meanwhile"
)
# Words that make a capitalised run an organisation, not a person ("Moody's Investors Service").
ORG_WORDS = words(
    "authority observatory laboratory "
    "bank group service services agency institute university commission council court party union "
    "association federation fund company inc ltd plc corp ministry office foundation club fc "
    "confederation parliament museum hospital school college academy orchestra theatre league network "
    "radio tv television airlines airways"
)

# ---------------------------------------------------------------- quotes
# Verbs that report speech, writing or a stated position: saying and stating; answering and adding; asserting,
# admitting and denying; believing and expecting; announcing and revealing; asking and urging; praising and
# criticising; warning, promising and threatening; manner of speaking.
_EN_REGULAR = (
    "add announce explain indicate reveal disclose declare assert argue contend maintain insist stress emphasise "
    "emphasize underline underscore reiterate clarify recount recall testify observe conclude "
    "respond "
    "acknowledge concede confess deny allege confirm "
    "believe expect reckon predict suggest speculate "
    "warn caution urge assure reassure remind inform notify vow threaten boast hint "
    "hail accuse criticise criticize decry lament complain dismiss describe "
    "whisper"
)
# Verbs whose -s form is also a plural noun ("reports", "claims", "demands"): only the past tense is a cue.
_EN_PAST_ONLY = (
    "state note claim report estimate promise pledge repeat counter reply call praise tweet blast welcome "
    "demand hope doubt mention comment remark object protest signal sigh joke retort ask wonder"
)
_EN_FINITE, _EN_GERUNDS = _en_forms(_EN_REGULAR)
_EN_PAST, _EN_PAST_GERUNDS = _en_forms(_EN_PAST_ONLY, past_only=True)
_EN_IRREGULAR = words(
    "say says said tell tells told writes wrote admitted admits slammed slams think thinks thought swears swore "
    "regretted quipped rule rules ruled pointed points"
)

QUOTES = QuoteLexicon(
    finite=_EN_FINITE | _EN_PAST | _EN_IRREGULAR,
    auxiliaries=words("has have had"),
    gerunds=_EN_GERUNDS | _EN_PAST_GERUNDS | words("saying telling writing admitting thinking"),
    separable={"ruled": words("out"), "rules": words("out"), "rule": words("out"), "pointed": words("out")},
    zero_complement=words(
        "say says said tell tells told add adds added believe believes believed think thinks thought hoped "
        "expect expects expected warn warns warned claimed insist insists insisted argue argues argued "
        "admit admits admitted deny denies denied confirm confirms confirmed announce announces announced "
        "predict predicts predicted estimated reckon reckons reckoned suggest suggests suggested acknowledge "
        "acknowledges acknowledged assure assures assured promised conclude concludes concluded maintain "
        "maintains maintained concede concedes conceded recall recalls recalled stress stresses stressed "
        "indicate indicates indicated complain complains complained wrote writes "
        "saying telling adding claiming arguing insisting warning"
    ),
    addressee_verbs=words(
        "tell tells told telling warn warns warned warning assure assures assured reassure reassures "
        "reassured remind reminds reminded inform informs informed notify notifies notified promised"
    ),
    markers=words("according"),  # "according to" is matched as two tokens
    contrast=words("while whereas"),
    but=words("but"),
    complementizers=words("that"),
    pronouns=words("he she him"),
    expletives=words("it there i you"),
    plural_pronouns=words("they we them"),
    definite=words("the this that these those"),
    indefinite=words(
        "a an one two three four five six seven eight nine ten some several many other various numerous"
    ),
    possessive=words("his her its their"),
    prepositions=words(
        "on at in to during after before for with via from as by about into over under since without "
        "outside inside near while above below across against among around behind beyond despite like "
        "through towards toward within"
    ),
    of=words("of"),
    relatives=words("who whom whose which that where"),
    conjunctions=words("and but or"),
    adverbs=words(
        "also again later earlier previously separately repeatedly publicly however too then yesterday "
        "today tonight late just already still recently now once firmly flatly openly privately"
    ),
    passive=words("is was were are be been being"),
    verb_hints=words(
        "is are was were has have had will would can could may might must should shall does did do "
        "fell rose won lost took made gave went came saw grew left led held hit cut set put ran met sold paid "
        "kept began became brought bought thought found stood spent built sent fought struck broke chose "
        "drove flew knew spoke threw remains remained heard felt meant got let sat shot slept taught understood "
        "woke wore rang"
    ),
    adverb_suffix="ly",
    not_adverbs=words("family supply reply assembly italy rally july ally belly fly only early daily weekly"),
    infinitives=words("having"),
    infinitive_verbs=words(
        "claim claims claimed promise promises promised pledge pledges pledged vow vows vowed threaten "
        "threatens threatened swear swears swore"
    ),
    infinitive_marker="to",
    adverbial_phrases=(
        ("for", "his", "part"), ("for", "her", "part"), ("for", "its", "part"), ("for", "their", "part"),
        ("in", "turn"), ("once", "again"), ("in", "a", "statement"), ("in", "an", "interview"),
    ),
    subordinators=words(
        "as when while after before because if since until although though once whereas unless"
    ),
    content_nouns=words(
        "suggestion suggestions claim claims report reports allegation allegations accusation accusations "
        "rumour rumours rumor rumors fear fears concern concerns speculation criticism idea notion warning "
        "warnings charge charges assertion assertions insinuation insinuations talk"
    ),
    stop_actions=words("declined declines refused refuses"),
    own_account=(
        ("by", "his", "own", "account"), ("by", "her", "own", "account"), ("by", "its", "own", "account"),
        ("by", "their", "own", "account"),
    ),
    object_pronouns=words("him her them us me you"),
    negative_words=words("not never n't"),
    anaphoric_objects=words("this so"),
)

# Person titles and functions (a definite description such as "the minister" refers back to a person).
PERSON_TITLES = words(
    "secretary chairman chairwoman chair spokesman spokeswoman spokesperson mayor governor commissioner "
    "lawyer attorney prosecutor judge boss captain chief executive founder official ambassador chancellor "
    "king queen senator lawmaker legislator congressman congresswoman representative analyst economist "
    "researcher doctor expert head adviser advisor dealer producer trader diplomat striker midfielder "
    "defender goalkeeper player envoy negotiator treasurer deputy aide campaigner activist "
    "director-general secretary-general director"
)
# Nouns for people who are, by the guidelines, unnamed sources unless a name is given with them.
UNNAMED_NOUNS = words(
    "spokesman spokeswoman spokesperson source sources witness witnesses official officials diplomat "
    "diplomats analyst analysts insider insiders resident residents"
)
# Nouns that name an organisation; "the organisation" may refer to an ORG whose name holds the noun.
ORG_NOUNS = words(
    "company firm group organisation organization federation association union party team institution "
    "agency foundation university hospital commission council court"
)
# Of those, the ones that mean "the company": they refer back to the last organisation named.
COMPANY_NOUNS = words("company firm group brewer carmaker lender insurer retailer utility airline manufacturer")
# A source that is a document or data set speaks for the organisation that published it.
DOCUMENT_NOUNS = words(
    "report study figures data statement survey poll estimates note analysis memo letter forecast forecasts bulletin "
    "document filing"
)
# Nouns that introduce a title of a work or an event: the quoted words are a name, not speech.
WORK_NOUNS = words(
    "movie book novel song show series exhibition operation play documentary title campaign programme "
    "program edition"
)
# Time nouns: "the morning", "the day" are adverbials, not subjects.
TIME_NOUNS = words("morning evening afternoon night week month year day weekend")
# Nouns of speech: in "reaction of the lawyer" the complement is the speaker.
SPEECH_NOUNS = words("reaction statement message comment response reply")
# Indefinite determiners that name one person ("a spokesman"): a pronoun may refer back to them.
SINGULAR_INDEFINITE = words("a an one")
# Possessives that also stand alone as object pronouns: "according to her".
POSSESSIVE_PRONOUNS = words("her")
# Objects of "said" that are not a reported clause: "said nothing", "said so"; an embedded question ("would not
# say whether", "did not say how many") reports what was not said.
NOT_A_CLAUSE = words(
    "nothing so goodbye yes no something little much hello sorry thanks to whether how why"
)
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = words(
    "mr mrs ms dr prof st jr sr gen col lt sgt rep sen gov no inc corp ltd co "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
# fmt: on
