"""Word stems of a dispatch's headline and lead, for text similarity within one language.

The measure is deliberately simple: agencies retell a story in their own sentences, so shared
phrases (shingles) are rare while shared content words are common. A dispatch's lead (headline and
first sentences) names the story's facts; it is reduced to its content words: case and accents
folded, words of fewer than 4 letters and digits dropped (most function words in fr, nl and en are
short; the longer ones are listed), each cut to its first 6 letters, which folds most inflections
(ministre/ministres, verklaarde/verklaard, announced/announces). The words of entity names are left
out: names are compared as entities, and counting them again would make one shared name look like a
shared story. Similarity is the overlap
coefficient |A & B| / min(|A|, |B|): a short update and a long report of the same facts score high.
"""

from __future__ import annotations

import re
import unicodedata

LEAD_WORDS = 60  # words of the body read after the headline
STEM_LETTERS = 6
_WORD = re.compile(r"[^\W\d_]{4,}")
# Function words of 4+ letters frequent in dispatches (fr, nl, en), and wire vocabulary.
STOP = frozenset(
    """
    avec dans pour plus sont mais leur leurs cette cela elle elles nous vous dont depuis selon alors aussi apres
    avant entre encore etait etre fait faire contre sous lors tous tout toute toutes autre autres deux trois
    lundi mardi mercredi jeudi vendredi samedi dimanche declare indique estime ajoute selon notamment
    door voor niet zijn heeft hebben werd worden wordt over naar maar deze die dat ook zoals nog kunnen moet
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag verklaarde zegt zei aldus volgens onder tussen
    with from that this have been were will would their there they which about after also into than more
    monday tuesday wednesday thursday friday saturday sunday said says told according over under
    belga reuters afp update""".split()
)


def fold(text: str) -> str:
    """Lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def lead_stems(headline: str | None, body: str, names: set[str] | frozenset[str] = frozenset()) -> frozenset[str]:
    """The content-word stems of the headline and the first `LEAD_WORDS` words of the body, less `names`'s words."""
    words = _WORD.findall(fold(headline or "")) + _WORD.findall(fold(" ".join(body.split()[:LEAD_WORDS])))
    skipped = STOP | {fold(name) for name in names}
    return frozenset(word[:STEM_LETTERS] for word in words if word not in skipped)


def overlap(first: frozenset[str], second: frozenset[str]) -> float:
    """|A & B| / min(|A|, |B|); 0 when either is empty."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))
