"""Multi-word triggers in a Doc: a phrase's lemmas in order within one sentence.

Between two words of a phrase may stand determiners, adjectives, adverbs, numbers and pronouns
("paid a visit to", "made an unannounced visit to"); after a verb, also its whole direct object,
however long: "forced the UN refugee agency, UNHCR, out of the country" is "force out of", and
the object names whom it befalls.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from newsgraph.events.lexicon import Trigger

_FILLER = {"POS": {"IN": ["DET", "ADJ", "ADV", "NUM", "PRON"]}, "OP": "*"}
# A noun's own modifiers after them: "withdrew from the Iran nuclear deal", "the arms control treaty"
_COMPOUND = {"DEP": {"IN": ["compound", "nmod"]}, "OP": "*"}
_ARTICLES = ("a", "an", "the")


def _pattern(words: list[str]) -> list[dict[str, Any]]:
    pattern: list[dict[str, Any]] = []
    for i, word in enumerate(words):
        if i:
            pattern += [_FILLER, _COMPOUND, _FILLER]
        pattern.append({"LEMMA": word})
    return pattern


class PhraseFinder:
    """Finds the lexicon's phrases in a Doc."""

    def __init__(self, vocab: Vocab, phrases: list[Trigger]) -> None:
        # One Matcher per first lemma, run only from the tokens that carry it: with hundreds of
        # patterns, one Matcher over the whole doc starts a match at every token for each.
        self.matchers: dict[str, Matcher] = {}
        # The same phrases without their first word, run after a verb's direct object.
        self.tails: dict[str, Matcher] = {}
        self.phrases: dict[str, Trigger] = {}
        for trigger in phrases:
            words = [w for w in trigger.phrase if w not in _ARTICLES]
            self.matchers.setdefault(words[0], Matcher(vocab)).add(trigger.name, [_pattern(words)])
            if len(words) > 1:
                self.tails.setdefault(words[0], Matcher(vocab)).add(trigger.name, [_pattern(words[1:])])
            self.phrases[trigger.name] = trigger

    def __call__(self, doc: Doc) -> Iterator[tuple[Trigger, int, int]]:
        """Every phrase match within a sentence, as (trigger, start, end) token offsets."""
        for sent in doc.sents:
            for token in sent:
                lemma = token.lemma_.lower()
                matcher = self.matchers.get(lemma)
                if matcher is None:
                    continue
                for match_id, start, end in matcher(doc[token.i : sent.end]):
                    if start == 0 and not _modifies_object(doc[token.i + end - 1]):
                        yield self.phrases[doc.vocab.strings[match_id]], token.i, token.i + end
                after = _after_object(token)
                if after is not None and after < sent.end and lemma in self.tails:
                    # "called Erdogan on Tuesday": a preposition with an object of its own is no
                    # particle of the verb's, but it may begin the rest of the phrase ("put its
                    # troops on high alert" is "put on alert")
                    own_phrase = any(c.dep_ == "pobj" for c in doc[after].children)
                    for match_id, start, end in self.tails[lemma](doc[after : sent.end]):
                        if start == 0 and not (own_phrase and end == 1) and not _modifies_object(doc[after + end - 1]):
                            yield self.phrases[doc.vocab.strings[match_id]], token.i, after + end


def _after_object(verb: Token) -> int | None:
    """The first token after a verb's direct object that follows it, punctuation skipped."""
    if verb.pos_ != "VERB":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    after = obj.right_edge.i + 1
    while after < len(verb.doc) and verb.doc[after].is_punct:
        after += 1
    return after


def _modifies_object(last: Token) -> bool:
    """Whether a phrase's last word only modifies the noun a preposition governs: "pulled out of
    the convention centre" is out of a building, no convention ("withdrew from the Iran nuclear
    deal" ends on the object itself)."""
    return last.dep_ in ("compound", "nmod") and last.head.i > last.i and last.head.dep_ == "pobj"
