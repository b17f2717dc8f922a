"""German word lists: the titles the entity corrections recognise before a name."""

from __future__ import annotations

from streams.nlp.lexicon.shared import words

# fmt: off
# Titles and functions that precede a name; they are never part of it.
TITLES = words(
    "herr frau bundeskanzler bundeskanzlerin kanzler kanzlerin präsident präsidentin ministerin "
    "bürgermeister bürgermeisterin sprecher sprecherin"
)
# fmt: on
