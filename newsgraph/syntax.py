"""Parse-tree helpers every stage reads the same way: which verb a word's clause hangs on,
whether a verb is an infinitive, whether a month name is used as a name."""

from __future__ import annotations

import calendar

from spacy.tokens import Span, Token

# Words before a month name that make it a time ("in May", "until May", "last May", "mid-May",
# "over May", "every May"): the prepositions of time and the words that pick out one month.
_MONTH_CUES = {"in", "on", "since", "until", "till", "by", "from", "through", "throughout", "during", "before",
               "after", "over", "around", "within", "into", "between", "last", "next", "this", "that", "every",
               "each", "previous", "early", "late", "mid", "mid-", "of", "and", "or", "-", "–"}
MONTH_NAMES = {name.lower() for name in calendar.month_name if name}


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


def bare_month(ent: Span) -> bool:
    """A month name standing alone, with no word that makes it a time: "a letter to May", "talks
    with May" may name a person (the small NER model tags them DATE); "in May", "last May", "from
    March to May" and "May 2018" are times."""
    doc = ent.doc
    if len(ent) != 1 or ent[0].lower_ not in MONTH_NAMES:
        return False
    before = [t.lower_ for t in doc[max(0, ent.start - 2) : ent.start]]
    if before and (before[-1] in _MONTH_CUES or (before[-1] == "to" and len(before) == 2 and (
            before[0] in MONTH_NAMES or before[0].isdigit()))):
        return False
    return not (ent.end < len(doc) and doc[ent.end].like_num)


# Prepositions whose object may name the act a verb is part of ("were killed in air strikes",
# "died during a raid", "killed by a drone strike").
ACT_PREPS = ("in", "by", "during")


def phrase_objects(token: Token, words: tuple[str, ...], agent: bool = False) -> list[Token]:
    """The objects of a word's phrases headed by one of the prepositions ``words``, in order
    (with ``agent``, a passive's "by" phrase too)."""
    deps = ("prep", "agent") if agent else ("prep",)
    return [pobj for prep in token.children if prep.dep_ in deps and prep.lower_ in words
            for pobj in prep.children if pobj.dep_ == "pobj"]


def of_objects(token: Token) -> list[Token]:
    """The objects of a word's "of" phrases ("the siege of Aleppo", "the city of Douma")."""
    return phrase_objects(token, ("of",))


def act_objects(verb: Token) -> list[Token]:
    """The objects of a verb's "in", "by" and "during" phrases (``ACT_PREPS``, a passive's agent
    included), which may name the act it is part of ("were killed in air strikes")."""
    return phrase_objects(verb, ACT_PREPS, agent=True)
