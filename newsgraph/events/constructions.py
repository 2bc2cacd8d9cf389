"""Constructions that are events although no lexicon word makes them: saying that someone must
act is a demand on them (REQUEST, rule ``demand:<verb>``), and wanting someone else to act an
appeal to them (REQUEST, rule ``appeal:<verb>``); saying (or warning) that someone
made a mistake or took reckless steps, is responsible or is a terrorist group, or regarding them
as one or as a terrorist group's branch, is an accusation (ACCUSE, rule ``blame:<verb>``);
declaring an attack one's side would make if someone else acts is a threat against them
(THREATEN, rule ``threat:<trigger>``, see ``conditional_threat``). The word lists are
``cues.yaml``'s."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from newsgraph.events.arguments import Arguments
from newsgraph.events.lexicon import Trigger
from newsgraph.events.modality import load_cues
from newsgraph.events.recipients import condition_subject
from newsgraph.models import STATE_KINDS
from newsgraph.syntax import infinitive, of_objects


def blame_trigger(token: Token) -> Trigger | None:
    """Blaming as an accusation: "said the US envoy had made a serious mistake", "said the
    regime is responsible" (the recipient is the clause's subject), "sees the YPG as a
    terrorist organisation" (the recipient is the object)."""
    if token.dep_ == "acomp" and token.lower_ in load_cues().disapproving:
        return _disapproval(token)
    if token.pos_ != "VERB":
        return None
    lemma = token.lemma_.lower()
    accuse = Trigger(type="ACCUSE", pos="VERB", lemma=lemma, cameo="112", target=(), mode="disapprove",
                     rule="blame")
    if lemma in load_cues().reporting | load_cues().warning:
        for clause in token.children:
            if clause.dep_ == "ccomp" and not _denied(clause) and _blames(clause):
                return accuse
    if lemma not in load_cues().regarding:
        return None
    # "regards the YPG as a threat", "the PKK is classified by Turkey as a terrorist group"
    if any(c.dep_ in ("dobj", "nsubjpass") for c in token.children):
        for child in token.children:
            said_as = child.lower_ == "as" and any(_blaming_word(p) for p in child.children)
            # "considers the YPG the Syrian wing of the PKK", read as an apposition to the object
            named = child.dep_ == "dobj" and any(c.dep_ == "appos" and _blaming_word(c) for c in child.children)
            if said_as or named or (child.dep_ in ("oprd", "xcomp") and _blaming_word(child)):
                return dataclasses.replace(accuse, target=("dobj",))
    # "considers the YPG (to be) the Syrian wing of the PKK": a small clause, whose subject is
    # the one blamed (the event stage takes a clause's subject as an accusation's recipient)
    for clause in token.children:
        if clause.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in clause.children) and not _denied(clause) and (
            _blames(clause) or (clause.pos_ == "NOUN" and _blaming_word(clause))
        ):
            return accuse
    return None


def _disapproval(token: Token) -> Trigger | None:
    """Being disappointed or dismayed that someone did something criticises them ("said Canada
    was dismayed that Iran had executed the activist"; the recipient is the clause's subject)."""
    for clause in token.children:
        if clause.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            return Trigger(type="ACCUSE", pos="ADJ", lemma=token.lower_, cameo="111", target=(),
                           mode="disapprove", rule="blame")
    return None


def _denied(clause: Token) -> bool:
    """ "is not responsible", "is no more a threat", "is no threat": the clause denies the blame."""
    for child in clause.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and any(c.dep_ == "neg" for c in child.children)):
            return True
        if child.dep_ in ("attr", "acomp") and any(c.lower_ == "no" for c in child.children):
            return True
    return False


def _blames(clause: Token) -> bool:
    if clause.lemma_.lower() == "be":
        return any(c.dep_ in ("attr", "acomp") and _blaming_word(c) for c in clause.children)
    if clause.lemma_.lower() == "make" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in load_cues().blame_objects for c in clause.children
    ):
        return True
    if clause.lemma_.lower() in ("cause", "create", "provoke", "spark") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in load_cues().harms for c in clause.children
    ):
        return True  # "US policies had caused outrage", "Moscow created chaos in the region"
    # "had taken dangerous unilateral steps": conduct the clause's subject is blamed for
    return any(c.dep_ == "dobj" and c.lemma_.lower() in load_cues().judged_acts and _blaming_word(c)
               for c in clause.children)


def _blaming_word(token: Token) -> bool:
    """The word or its modifier blames ("a terrorist organisation", "responsible")."""
    words = [token, *(c for c in token.children if c.dep_ in ("amod", "compound"))]
    return any(w.lemma_.lower() in load_cues().blame_predicates or w.lower_ in load_cues().blame_predicates
               for w in words)


def demand_trigger(token: Token) -> Trigger | None:
    """ "The US declared that China must drop its barriers", "issued a reminder to Greece that
    it must repay its debts": saying that someone must act is a demand on them (a REQUEST whose
    recipient is the subject of the clause, or whom a word of saying is addressed to)."""
    cues = load_cues()
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in cues.reporting:
        clause_dep = "ccomp"
    elif token.pos_ == "NOUN" and lemma in cues.reporting_nouns:
        clause_dep = "acl"
    else:
        return None
    for clause in token.children:
        if clause.dep_ == clause_dep and any(
            c.dep_ == "aux" and c.lower_ in cues.demand_modals for c in clause.children
        ) and (clause_dep == "ccomp" or any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)):
            return Trigger(type="REQUEST", pos=token.pos_, lemma=lemma, cameo="100", target=(), rule="demand")
    return None


def appeal_trigger(token: Token) -> Trigger | None:
    """ "Washington wants Ankara to release the pastor": wanting someone else to act is an
    appeal to them (a REQUEST whose recipient is the subject of the wanted clause, or the
    object of "want"; the wanted act is its content). Not "wants to release": one's own act."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in load_cues().wishing:
        return None
    for clause in token.children:
        if clause.lemma_.lower() in load_cues().befalling:
            continue  # "wants Obama to fail": a wish about him
        if clause.dep_ in ("ccomp", "xcomp") and clause.pos_ == "VERB" and infinitive(clause):
            if clause.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in clause.children):
                return Trigger(type="REQUEST", pos="VERB", lemma=token.lemma_.lower(), target=(), rule="appeal")
            if clause.dep_ == "xcomp" and any(c.dep_ == "dobj" and c.i < clause.i for c in token.children):
                return Trigger(type="REQUEST", pos="VERB", lemma=token.lemma_.lower(), target=("dobj",),
                               rule="appeal")
    return None


def conditional_threat(args: Arguments, trigger: Token, verb: Token, sources: list[int]) -> list[int]:
    """Whom an attack declared for the future and set off by someone else's act threatens: the
    United States in "Russia's army chief said Russia would strike back if the US attacked". The
    act's own side must declare it (no reporter, or one of the sources' country: an analyst
    saying what Russia would do threatens no one); empty when it is no such threat."""
    cues = load_cues()
    future = cues.planned_aux | {"would"}
    # ("would shoot down missiles and strike launchers": the second act shares the first's "would")
    verbs = {trigger, verb, *([verb.head] if verb.dep_ == "conj" else [])}
    if not any(c.dep_ == "aux" and c.lower_ in future for w in verbs for c in w.children):
        return []
    # "would shoot down missiles and strike their launchers if ...": the condition the small
    # model hangs on the last of coordinated acts sets off all of them
    acts = [trigger, *(c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    conditioned = next((found for act in acts if (found := condition_subject(args, act, exclude=sources))), [])
    return conditioned if conditioned and _own_side_says(args, verb, sources, unnamed=False) else []


def ultimatum_target(
    args: Arguments, trigger: Token, verb: Token, sources: list[int], targets: list[int]
) -> list[int] | None:
    """Whom an act declared unless someone acts presses: the act's own recipient ("will attack
    Hamas unless the rockets stop"), else whoever must act ("will pull its troops out unless the
    rebels disarm"), someone of another side. None when it is no ultimatum: "will send more troops
    unless Congress objects" presses no one, nor does an analyst's "Isis will attack Baghdad
    unless the army is reinforced"."""
    pressed = condition_subject(args, trigger, exclude=sources)
    own = {args.actor(m).country for m in sources}
    others = [args.actor(m) for m in pressed]
    # (an organ of no named state, "unless Congress objects", is taken for the source's own)
    if any(a.country in own or (a.country is None and a.kind in STATE_KINDS) for a in others):
        return None
    if not (targets or pressed) or not _own_side_says(args, verb, sources, unnamed=True):
        return None
    return targets or pressed


def _analysts(speaker: list[Token]) -> bool:
    """Whether the one who says it is an observer ("analysts say", "experts believe")."""
    return any(t.lemma_.lower() in load_cues().observers for t in speaker)


def _own_side_says(args: Arguments, verb: Token, sources: list[int], unnamed: bool) -> bool:
    """No one reports the clause, or whoever does is of the sources' country ("the chief of
    staff of Russia's armed forces said Russia would ..."), not an analyst; with ``unnamed`` a
    speaker of no named country ("the minister said") counts as the sources' own."""
    cues = load_cues()
    node = verb
    while node.dep_ in ("ccomp", "conj") and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in cues.reporting | cues.warning:
            own = {args.actor(m).country for m in sources} - {None}
            # whoever the speaker's words name
            speaker = [t for c in node.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
            said = {args.actor(m).country
                    for m in {args.index[t.i] for t in speaker} - {-1}} - {None}
            return bool(own & said) or (unnamed and not said and not _analysts(speaker))
    return True


# Acts that, promised against someone, are a threat against them (see ``vowed_act``).
VOWED_HOSTILE_TYPES = {"ASSAULT", "COERCE"}


def vowed_act(args: Arguments, token: Token, hostile: list[int], targets: list[int]) -> int | None:
    """The hostile act a promise commits its maker to, when every recipient found is that act's
    recipient, or None: "vowed to launch strikes against the militants", "committed to more
    airstrikes against the group" promise no one anything; they threaten the militants and the
    group (PLOVER THREATEN), as does a promise to do harm that names no recipient at all ("the
    militia Turkey pledged to destroy"). A promise made to someone ("pledged to Iraq to fight the
    group") stays a promise. ``hostile`` are the sentence's ASSAULT and COERCE event words."""
    doc = args.doc
    for index in hostile:
        act = doc[index]
        if index == token.i or not token.is_ancestor(act) or _denied_below(act, token):
            continue  # "vowed not to attack Poland" is no threat
        if targets and all(act.is_ancestor(doc[args.mentions[m].start]) for m in targets):
            return index
        if not targets and act.head.i == token.i and act.dep_ in ("xcomp", "advcl") and infinitive(act):
            return index  # "the militia Turkey has pledged to destroy": promised to no one
    return None


def bound_by_pact(verb: Token) -> bool:
    """Whether a verb is done "as" or "under" (a term of) a pact (cues ``pacts``): "pledged to
    expel them as one of the conditions of an agreement", "under the deal, vowed to disarm the
    militia". What a pact binds one to is promised to its other parties, no warning to whom it
    will befall."""
    pacts = load_cues().pacts
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("as", "under"):
            continue
        node = next((c for c in prep.children if c.dep_ == "pobj"), None)
        for _ in range(4):  # "as one of the conditions of an agreement"
            if node is None:
                break
            if node.lemma_.lower() in pacts:
                return True
            node = next(iter(of_objects(node)), None)
    return False


def _denied_below(act: Token, top: Token) -> bool:
    """Whether a word between ``act`` and its governing ``top`` (``top`` left out) is negated."""
    node = act
    while node.i != top.i and node.head.i != node.i:
        if any(c.dep_ == "neg" for c in node.children):
            return True
        node = node.head
    return False
