"""Parse-tree helpers every stage reads the same way: which verb a word's clause hangs on, and
whether a verb is an infinitive."""

from __future__ import annotations

from spacy.tokens import Span, Token


def clause_verb(token: Token) -> Token:
    """The verb whose clause the token belongs to (the token itself when it is a verb)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def sentences_back(sent: Span, count: int) -> Span:
    """The sentence ``count`` sentences before ``sent``, or the Doc's first one if it is nearer."""
    for _ in range(count):
        if sent.start == 0:
            break
        sent = sent.doc[sent.start - 1].sent
    return sent


def infinitive(verb: Token) -> bool:
    """Whether a verb is a to-infinitive ("to drive out", "to be held")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
