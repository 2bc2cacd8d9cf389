"""Recipients an event's own arguments do not name, found in the clauses around it: whom an
attack's purpose is against, whom a clause describing it struck, whose act a condition waits on,
whose pressure an act defies. Functions over ``Arguments`` (split out of it to keep it readable).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from newsgraph.events.arguments import Arguments
from newsgraph.events.clauses import RELATIVE_PRONOUNS
from newsgraph.events.modality import load_cues
from newsgraph.syntax import infinitive


def purpose_object(
    args: Arguments, verb: Token, exclude: Iterable[int] = (), ousting: bool = True, foes: bool = True
) -> list[int]:
    """The one a clause's purpose is against: the object of "to drive out the YPG", "in an
    effort to oust Assad" (an infinitive of ousting on the verb, or on a purpose noun in an
    "in" phrase). Without ``ousting``, any actor the purpose names ("to show their
    disapproval of US policy"); without ``foes`` too, not in a purpose of ousting ("trained
    units to fight Isis" does not train Isis)."""
    skip = set(exclude)
    cues = load_cues()
    purposes = [c for c in verb.children if c.dep_ == "advcl" and infinitive(c)]
    # "threatened an offensive to drive out the YPG": the purpose of the act it names
    purposes += [acl for obj in verb.children if obj.dep_ == "dobj"
                 for acl in obj.children if acl.dep_ in ("acl", "relcl") and infinitive(acl)]
    purposes += [
        acl for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("in", "as")
        for noun in prep.children if noun.dep_ == "pobj" and noun.lemma_.lower() in cues.purpose_nouns
        for acl in noun.children if acl.dep_ in ("acl", "relcl") and infinitive(acl)
    ]
    for purpose in purposes:
        if not ousting:
            # a protest's purpose is against whoever it names ("to show disapproval of US policy")
            if not foes and purpose.lemma_.lower() in cues.ousting:
                continue
            if found := args.complement_actors(purpose, exclude=skip):
                return found
            continue
        if purpose.lemma_.lower() not in cues.ousting:
            continue  # "bombed Aleppo to help the army": the army is no opponent
        if found := [m for m in args.slot_actors(purpose, "dobj") if m not in skip]:
            return found
    return []


def victims(args: Arguments, trigger: Token, exclude: Iterable[int] = ()) -> list[int]:
    """Whom an attack struck, as a clause describing it says: the civilians of "launched
    airstrikes that killed dozens of civilians", the militias of "an operation targeting
    Kurdish militias" (on the verb's object or the noun itself)."""
    skip = set(exclude)
    striking = load_cues().striking
    acts = [trigger] if trigger.pos_ == "NOUN" else [c for c in trigger.children if c.dep_ == "dobj"]
    for act in acts:
        for clause in act.children:
            if clause.lemma_.lower() not in striking:
                continue  # "airstrikes backing government forces" strike someone else
            doing = (clause.dep_ == "acl" and clause.tag_ == "VBG") or (clause.dep_ == "relcl" and any(
                c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in clause.children
            ))
            if doing and (found := [m for m in args.slot_actors(clause, "dobj") if m not in skip]):
                return found
    return []


def condition_subject(args: Arguments, verb: Token, exclude: Iterable[int] = ()) -> list[int]:
    """The subject of the condition set on what a verb announces: the United States in
    "threatened to quit the talks if the United States deploys missiles" (the condition may
    hang on the verb or on its infinitive)."""
    skip = set(exclude)
    marks = load_cues().conditional_marks - {"whether"}
    holders = [verb]
    while holders:
        holder = holders.pop(0)
        for child in holder.children:
            if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in child.children):
                if found := [m for m in args.subject(child) if m not in skip]:
                    return found
            elif child.dep_ == "xcomp" or (
                child.dep_ == "advcl" and infinitive(child)
            ):  # the infinitive ("to close the strait"), which the small model may read as advcl
                holders.append(child)
    return []


def defied(args: Arguments, verb: Token, exclude: Iterable[int] = ()) -> list[int]:
    """Whose pressure or call an act goes against: the commission of "declined to resign
    despite pressure by the anti-graft commission" (on the verb or its infinitive)."""
    skip = set(exclude)
    pressing = load_cues().pressing
    for holder in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):
        for noun in (p for c in holder.children if c.dep_ == "prep" and c.lower_ == "despite"
                     for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in pressing):
            givers = [m for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"
                      for m in args.pobj_actors(c)]
            if found := [m for m in args.noun_source(noun) or givers if m not in skip]:
                return found
    return []
