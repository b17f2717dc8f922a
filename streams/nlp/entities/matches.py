"""A town's name standing for its club in a match report: "Genk a battu Charleroi 2-0", "Westerlo klopte Gent
met 3-1", "Liverpool beat Everton 2-1".

Clubs are organisations (annotation guidelines), and many Belgian ones go by their town's name alone, which
a model tags as the place. A name counts as a side of a match only where the sentence gives a score: right
after the name ("Charleroi 2-0", "Genk (1-1)"), or anywhere in its sentence when a verb or phrase of a match
result stands right before or after the name ("a battu Charleroi", "Genk won van", "lost to Everton").
Without a score, "Brussels beat Paris to host the summit" stays a place.
"""

from __future__ import annotations

from streams.textrules import rule

# A score: one or two digits each side of a hyphen, maybe in brackets, not part of a longer number or a date.
_SCORE = rule(
    "nlp.entities.matches.score",
    r"(?:^|[^\w/.-])(\(?\d{1,2}-\d{1,2}\)?)(?:[^\w/-]|$)",
)
_SCORE_AFTER = rule(
    "nlp.entities.matches.score_after",
    r"\s{1,3}\(?\d{1,2}-\d{1,2}\)?(?:[^\w/-]|$)",
    engine="re",
    fallback="anchored by match() at a name's end: a few spaces and a score, at most 12 characters read",
)
# A score and the preposition before the other side: "met 3-1 van Gent", "2-1 against Everton".
_SCORE_BEFORE = rule(
    "nlp.entities.matches.score_before",
    r"(?:^|[^\w/.-])\(?\d{1,2}-\d{1,2}\)?\s+(?:van|tegen|against|over|contre)$",
    engine="re",
    fallback="search() in the 30 characters before a name",
)
# Words of a match result, as they stand right before the other side ("a battu Charleroi", "lost to Everton").
_BEFORE_SIDE = (
    "battu", "battue", "bat", "battent", "dominé", "domine", "surclassé", "étrillé", "face à", "contre",
    "klopte", "klopt", "versloeg", "verslaat", "won van", "wint van", "verloor van", "verliest van",
    "verloor tegen", "verliest tegen", "gelijk tegen", "tegen",
    "beat", "beats", "defeated", "defeats", "thrashed", "lost to", "loses to", "drew with", "draws with",
    "win over", "victory over", "against",
)  # fmt: skip
# Words of a match result right after the first side ("Genk a battu", "Genk klopte", "Liverpool beat").
_AFTER_SIDE = (
    "a battu", "bat", "s'est imposé", "s’est imposé", "a dominé", "a été battu", "a perdu", "a fait match nul",
    "l'a emporté", "l’a emporté", "klopte", "klopt", "versloeg", "won van", "wint van", "won met", "wint met",
    "verloor", "verliest",
    "speelde gelijk", "beat", "beats", "defeated", "lost to", "drew with", "thrashed",
)  # fmt: skip
_SENTENCE_ENDS = ".!?\n"
WINDOW = 200  # characters of the sentence read on each side of the name for its score


def match_side(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is a side of a match whose score its sentence gives."""
    if score_follows(text, end):
        return True
    before = text[max(0, start - 30) : start].casefold().rstrip()
    if _SCORE_BEFORE.search(before) is not None:
        return True  # "Westerlo wint met 3-1 van Gent", "won 2-1 against Everton"
    after = text[end : end + 30].casefold().lstrip()
    if not _ends_with_word(before, _BEFORE_SIDE) and not any(after.startswith(words + " ") for words in _AFTER_SIDE):
        return False
    return _score_in_sentence(text, start, end)


def score_follows(text: str, pos: int) -> bool:
    """Whether a match's score stands right after `pos`: " 2-0", " (1-1)"."""
    return _SCORE_AFTER.match(text, pos) is not None


def _ends_with_word(before: str, phrases: tuple[str, ...]) -> bool:
    """Whether `before` ends with one of `phrases` that starts a word there ("bat", not the end of "combat")."""
    for phrase in phrases:
        if before.endswith(phrase):
            k = len(before) - len(phrase)
            return k == 0 or not before[k - 1].isalnum()
    return False


def _score_in_sentence(text: str, start: int, end: int) -> bool:
    lo = max(0, start - WINDOW)
    left = max(text.rfind(mark, lo, start) for mark in _SENTENCE_ENDS)
    hi = min(len(text), end + WINDOW)
    ends = [k for k in (text.find(mark, end, hi) for mark in _SENTENCE_ENDS) if k >= 0]
    right = min(ends) + 1 if ends else hi  # the full stop after a score is its context: "met 3-1."
    return _SCORE.search(text, max(left + 1, lo), right) is not None
