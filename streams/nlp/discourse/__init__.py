"""The discourse model of a dispatch: who its participants are, how salient each is, who a phrase refers to.

Shared by quote attribution (who said it) and the entity stage (which body a description names).
"""

from streams.nlp.discourse.participants import Participant, participants
from streams.nlp.discourse.resolver import Discourse

__all__ = ["Discourse", "Participant", "participants"]
