"""The knowledge base's phrases as the actor stage's PhraseMatcher patterns.

Every alias, capital, adjective, demonym, ethnic name and agent word is split by the pipeline's
own tokenizer into the token attributes the two matchers compare (LOWER for the phrases matched
in any case, ORTH for those matched as written). Tokenising the ~7,000 phrases takes a tenth of
a second or more of every process, so their attribute arrays are kept in the derived-data cache
(``newsgraph.cache``), keyed by the phrases themselves, spaCy's version, the language and the
tokenizer's rules, and handed to the matchers as spaCy's own unpickling of a PhraseMatcher does.
"""

from __future__ import annotations

import json

import spacy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.cache import derived, package_files

Terms = dict[str, list[str]]  # match key -> the phrases that match it
Patterns = dict[str, list[tuple[int, ...]]]  # match key -> token attribute hashes per phrase


def terms(kb: KnowledgeBase) -> tuple[Terms, Terms]:
    """The phrases of a knowledge base by match key: those matched in any case, and those matched
    only as written (short acronyms and capitals: "IS", "Moscow")."""
    lower: Terms = {}
    exact: Terms = {}
    for alias, ids in kb.aliases.items():
        target = exact if kb.is_case_sensitive(alias) else lower
        target.setdefault("kb:" + "|".join(sorted(ids)), []).append(alias)
    for word, code in kb.capitals.items():
        exact.setdefault(f"capital:{code}", []).append(word)
    for word, code in kb.adjectives.items():
        lower.setdefault(f"adj:{code}", []).append(word)
    for word, code in kb.demonyms.items():
        lower.setdefault(f"demonym:{code}", []).append(word)
    for word, code in kb.ethnic.items():
        lower.setdefault(f"ethnic:{code}", []).append(word)
    for word in kb.agents:
        lower.setdefault(f"agent:{word}", []).append(word)
    return lower, exact


def _arrays(nlp: Language, found: Terms, attr: int) -> Patterns:
    """Each phrase as the tokenizer splits it, by the hash of one token attribute."""
    tokenizer = nlp.tokenizer
    return {key: [tuple(tokenizer(text).to_array(attr).tolist()) for text in texts] for key, texts in found.items()}


def matchers(nlp: Language, kb: KnowledgeBase) -> tuple[PhraseMatcher, PhraseMatcher]:
    """The two matchers of a knowledge base's phrases: in any case (LOWER), and as written (ORTH)."""
    lower_terms, exact_terms = terms(kb)

    def build() -> tuple[Patterns, Patterns]:
        return _arrays(nlp, lower_terms, LOWER), _arrays(nlp, exact_terms, ORTH)

    if isinstance(nlp.tokenizer, Tokenizer):
        identity = json.dumps([spacy.__version__, nlp.lang, lower_terms, exact_terms]).encode()
        rules = nlp.tokenizer.to_bytes(exclude=["vocab"])
        sources = package_files("newsgraph", "actors/patterns.py")
        patterns = derived("actor-patterns", build, sources, extra=identity + rules)
    else:  # a custom tokenizer: no rules to key a cached split by
        patterns = build()
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    for matcher, found in zip((lower, exact), patterns, strict=True):
        for key, arrays in found.items():
            # attribute arrays, not Docs: PhraseMatcher.add takes them as its unpickling does
            matcher.add(key, arrays)  # type: ignore[arg-type]
    return lower, exact
