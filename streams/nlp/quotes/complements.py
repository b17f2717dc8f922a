"""Where a reporting verb's content starts: after a complementizer ("que", "dat", "that"), as an infinitive
clause ("a reconnu avoir menti", "claimed to have paid", "ontkent het te hebben gedaan") or with no
complementizer ("said he would"), once its addressee ("told reporters", "a déclaré à la RTBF") and adverbials
("mardi", "in a statement") are passed over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from streams.nlp import lexicon as lx
from streams.nlp.quotes.clauses import starts_subject, subject_verb_at, verb_like
from streams.nlp.quotes.cues import Cue, cue_at, skip_adverbial
from streams.nlp.quotes.text import MAX_GAP, SENTENCE_PUNCT, Tok, is_month

if TYPE_CHECKING:
    from streams.nlp.quotes.context import Context


def complementizer(ctx: Context, toks: list[Tok], cue: Cue, head: str) -> int | None:
    """The "que" / "dat" / "that" opening the verb's clause, across adverbials and whom it was said to."""
    lex = ctx.lex
    addressee = head in lex.addressee_verbs
    english = bool(lex.zero_complement)
    for j in range(cue.end, min(len(toks), cue.end + MAX_GAP)):
        t = toks[j]
        if t.low in lex.complementizers:
            return j
        if t.quote:
            if addressee and j > cue.end:
                continue  # 'told the radio programme "Ochtendpost" in May that'
            return None
        if t.text in SENTENCE_PUNCT or t.text in ":()":
            return None
        if t.text == ",":
            if _infinitive_clause_at(toks, j + 1):
                return None  # "avançait, avant d'ajouter que": the "que" of another verb
            if j + 1 < len(toks) and (
                toks[j + 1].low in lex.prepositions
                or skip_adverbial(lex, toks, j + 1) > j + 1
                or (j > cue.end and toks[j + 1].low in lex.complementizers)
            ):
                continue  # "a estimé, dans un communiqué, que"
            close = _participial_incise(ctx, toks, j + 1)
            if close is not None:
                return close + 1  # "reported, citing two sources, that"
            return None
        low = t.low
        if low in lex.content_nouns and (j == cue.end or toks[j - 1].low in lex.definite):
            return None  # "dismissed suggestions that ...": the clause is the noun's
        if j + 1 < len(toks) and low in lex.definite and toks[j + 1].low in lx.TIME_NOUNS:
            continue  # "a averti l'an dernier que", "said last week that"
        if j == cue.end and ctx.lang != "nl" and not addressee and (low in lex.definite or low in lex.indefinite):
            return None  # an object noun phrase: "a annoncé un plan que ..." is a relative clause
        if low in lex.conjunctions:
            return None  # "said it welcomed the plan but insisted that ...": another verb's clause
        subject = (low in lex.pronouns or low in lex.plural_pronouns) and low not in lex.object_pronouns
        if english and (subject or (j > cue.end and verb_like(ctx, toks, j))):
            return None  # "said it would not fund any scheme that ...": the clause has begun
    return None


# Present participles end so: "citing", "quoting", "citant", "évoquant".
_PARTICIPLE_ENDINGS = {"en": "ing", "fr": "ant"}


def _participial_incise(ctx: Context, toks: list[Tok], k: int) -> int | None:
    """The closing comma of a participial phrase between commas right before the verb's complementizer
    ("reported, citing two sources, that", "rapporte, citant des sources proches du dossier, que"), if toks[k]
    opens one: a participle, then no verb, quote or complementizer of its own."""
    ending = _PARTICIPLE_ENDINGS.get(ctx.lang)
    first = toks[k].text if k < len(toks) else ""
    if ending is None or not first.islower() or len(first) <= len(ending) + 2 or not first.endswith(ending):
        return None
    for j in range(k + 1, min(len(toks) - 1, k + 16)):
        t = toks[j]
        if t.text == ",":
            return j if toks[j + 1].low in ctx.lex.complementizers else None
        if t.quote or t.text in SENTENCE_PUNCT or t.text in ":;()" or t.low in ctx.lex.complementizers:
            return None
        if verb_like(ctx, toks, j):
            return None
    return None


def _infinitive_clause_at(toks: list[Tok], k: int) -> bool:
    """French: a preposition, "de" and an infinitive at toks[k] ("avant d'ajouter", "sans préciser"): a clause
    with a verb of its own."""
    if k + 2 >= len(toks) or toks[k + 1].low not in ("de", "d'"):  # a token's `low` has the straight apostrophe
        return False
    verb = toks[k + 2].low
    return toks[k + 2].text.islower() and len(verb) > 3 and verb.endswith(("er", "ir", "re"))


def infinitive_start(ctx: Context, toks: list[Tok], cue: Cue, head: str) -> int | None:
    """Where a reported infinitive clause starts: "a reconnu [avoir menti]", "assure [ne pas envisager]",
    "claimed during the hearing [to have panicked]", "ontkent [de fietser te hebben aangereden]"."""
    lex = ctx.lex
    if not lex.infinitives:
        return None
    if lex.infinitive_verbs and head not in lex.infinitive_verbs and lex.infinitive_marker == "te":
        return None
    n = len(toks)
    k = cue.end
    for _ in range(7):  # adverbials and whom it was said to: "a affirmé aux enquêteurs avoir"
        if k >= n:
            return None
        t = toks[k]
        if t.quote or not t.text[0].isalnum() or t.low in lex.complementizers or cue_at(ctx, toks, k) is not None:
            return None
        low = t.low
        bare = low in lex.infinitives and lex.infinitive_marker != "te"  # Dutch puts "te" first: "(te) hebben"
        if low in lex.negations or bare:
            if low in lex.infinitives and k > 0 and toks[k - 1].low in lex.prepositions | lex.of:
                return None  # "avant d'être", "sans avoir": not what was said
            return k if _infinitive_after(ctx, toks, k) else None
        if lex.infinitive_marker == "to" and low == "to":
            ok = head in lex.infinitive_verbs and k + 1 < n and toks[k + 1].text.islower()
            return k if ok and toks[k + 1].low not in lex.definite | lex.indefinite | lex.possessive else None
        if lex.infinitive_marker == "te":
            return _dutch_infinitive(ctx, toks, k)
        if verb_like(ctx, toks, k):
            return None
        k += 1
    return None


def _infinitive_after(ctx: Context, toks: list[Tok], k: int) -> bool:
    """Whether toks[k] ("avoir", "having", or "ne"/"n'") opens an infinitive: after a negation, an infinitive
    must follow ("ne pas envisager", "n'avoir jamais", "ne jamais avoir reçu")."""
    lex = ctx.lex
    if toks[k].low not in lex.negations:
        return True
    for j in range(k + 1, min(len(toks), k + 4)):
        low = toks[j].low
        if low in lex.infinitives or (toks[j].text.islower() and low.endswith(("er", "ir", "re", "oir"))):
            return low not in lex.adverbs or low in lex.infinitives
        if not (low in lex.adverbs or low in ("jamais", "plus", "rien", "guère")):
            return False
    return False


def _dutch_infinitive(ctx: Context, toks: list[Tok], k: int) -> int | None:
    """Dutch: an infinitive clause ends its sentence with "te" and the infinitive ("het slachtoffer te hebben
    neergestoken", "niets te weten"); it starts at k, past the adverbials ("tijdens het proces")."""
    lex = ctx.lex
    for j in range(k, min(len(toks), k + 20)):
        t = toks[j]
        if t.quote or t.text in SENTENCE_PUNCT or t.text in ",:;" or t.low in lex.complementizers:
            return None
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if t.low == "te" and nxt is not None and (nxt.low in lex.infinitives or nxt.low.endswith("n")):
            rest = toks[j + 2 : j + 4]
            if all(r.text in SENTENCE_PUNCT or r.text in ",;" or r.text.islower() for r in rest):
                return _skip_prepositional(ctx, toks, k, j)
            return None
        if verb_like(ctx, toks, j) and j > k:
            return None
    return None


def _skip_prepositional(ctx: Context, toks: list[Tok], k: int, stop: int) -> int:
    """Past adverbials and one prepositional phrase at k ("tijdens het proces"), not beyond stop."""
    lex = ctx.lex
    for _ in range(4):
        nxt = skip_adverbial(lex, toks, k)
        if nxt > k:
            k = nxt
            continue
        if k < stop and toks[k].low in lex.prepositions:
            j = k + 1
            if j < stop and (toks[j].low in lex.definite or toks[j].low in lex.possessive):
                j += 1
            if j < stop and toks[j].text[0].isalnum():
                k = j + 1
                continue
        break
    return min(k, stop)


def zero_start(ctx: Context, toks: list[Tok], cue: Cue, head: str) -> int | None:
    """English "said the government was ready", "told reporters he would stay", "by saying it had": where a
    clause without "that" starts: a subject and its finite verb, past whom it was said to and adverbials."""
    lex = ctx.lex
    if head not in lex.zero_complement:
        return None
    before = cue.start - 1 - (cue.start > 1 and toks[cue.start - 1].text == ",")
    if before >= 0 and toks[before].quote and (before == 0 or toks[before - 1].text in ",:"):
        return None  # '"...," said X as he arrived': the attribution of a quote
    k, n = cue.end, len(toks)
    if head in lex.addressee_verbs:
        k = _skip_addressee(ctx, toks, k)
    k = _skip_adverbials(ctx, toks, k)
    if k >= n - 2:
        return None
    t = toks[k]
    if t.quote or not t.text[0].isalnum() or t.low in lx.EN_NOT_A_CLAUSE or t.low in lex.subordinators:
        return None
    approximately = k + 1 < n and toks[k + 1].text[0].isdigit()  # "said around 1,400 volunteers were ..."
    if (
        cue_at(ctx, toks, k) is not None
        or (t.low in lex.prepositions and not approximately)
        or t.low in lex.conjunctions
        or t.low in lex.adverbs
        or verb_like(ctx, toks, k)
    ):
        return None
    return k if subject_verb_at(ctx, toks, k, n, loose=True) else None


def _skip_addressee(ctx: Context, toks: list[Tok], k: int) -> int:
    """Past whom something was told: "reporters", "him", "RTBF", "Lithuanian public broadcaster LRT",
    "a news conference", "VRT talk show "De Afspraak"" — one noun phrase."""
    lex, n = ctx.lex, len(toks)
    if k < n and toks[k].low in lex.object_pronouns:
        nxt = toks[k + 1] if k + 1 < n else None
        if nxt is None or starts_subject(ctx, nxt) or nxt.low in lex.complementizers or nxt.low in lex.prepositions:
            return k + 1  # "told him the ...", "told her that"
    if k < n and (toks[k].low in lex.definite or toks[k].low in lex.indefinite or toks[k].low in lex.possessive):
        k += 1
    for _ in range(7):
        if k >= n:
            break
        t = toks[k]
        mention = ctx.mentions.starting_at(t.start)
        if mention is not None:
            while k < n and toks[k].start < mention[1]:
                k += 1
            if k < n and not (toks[k].text.islower() and not _stops_addressee(ctx, toks, k)):
                break
            continue
        if t.quote:
            k += 1
            continue
        if _stops_addressee(ctx, toks, k):
            break
        k += 1
    return k


def _stops_addressee(ctx: Context, toks: list[Tok], k: int) -> bool:
    lex, t = ctx.lex, toks[k]
    low = t.low
    return (
        not t.text[0].isalnum()
        or low in lex.pronouns
        or low in lex.plural_pronouns
        or low in lex.expletives
        or low in lex.definite
        or low in lex.possessive
        or low in lex.complementizers
        or low in lex.prepositions
        or low in lex.subordinators
        or low in lex.conjunctions
        or low in lex.adverbs
        or low in lx.WEEKDAYS
        or verb_like(ctx, toks, k)
    )


def _skip_adverbials(ctx: Context, toks: list[Tok], k: int) -> int:
    """Past adverbials after a verb: "on Monday", "last week", "in a statement", "yesterday"."""
    lex, n = ctx.lex, len(toks)
    for _ in range(6):
        if k >= n:
            break
        nxt = skip_adverbial(lex, toks, k)
        if nxt > k:
            k = nxt
            continue
        low = toks[k].low
        if k + 1 < n and low in ("last", "this", "next") and toks[k + 1].low in lx.TIME_NOUNS:
            k += 2
            continue
        if low in lex.prepositions and low not in lex.subordinators and low not in lex.of:
            j = k + 1
            if j < n and (
                toks[j].low in lex.definite or toks[j].low in lex.indefinite or toks[j].low in lex.possessive
            ):
                j += 1
            words = 0
            while j < n and words < 3 and _in_adverbial(ctx, toks, j):
                j, words = j + 1, words + 1
            if words and not (j < n and verb_like(ctx, toks, j)):  # "around 2,800 men were": the subject
                k = j  # "on Tuesday", "in a statement", "on a call"
                continue
        break
    return k


def _in_adverbial(ctx: Context, toks: list[Tok], j: int) -> bool:
    """A word of a prepositional adverbial: a date or time word, a number, or a lower-case noun."""
    t = toks[j]
    low = t.low
    if low in lx.WEEKDAYS or is_month(toks, j) or low in lx.TIME_NOUNS or low[:1].isdigit():
        return True
    if not t.text.islower() or starts_subject(ctx, t) or low in ctx.lex.prepositions:
        return False
    return not verb_like(ctx, toks, j)
