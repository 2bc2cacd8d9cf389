"""How the text knows an event: modality, attribution chain, covert flag and quantity.

The cue words live in ``events/data/cues.yaml`` so a reviewer can change them without code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Span, Token

from newsgraph.actors.kb import read_yaml
from newsgraph.cache import derived, package_files
from newsgraph.errors import KnowledgeBaseError
from newsgraph.models import Attribution, Quantity
from newsgraph.syntax import act_objects, infinitive

_NUMBER_WORDS = {
    "dozens": 24, "dozen": 12, "hundreds": 100, "hundred": 100, "thousands": 1000,
    "thousand": 1000, "millions": 1e6, "million": 1e6, "billions": 1e9, "billion": 1e9,
    "bn": 1e9, "m": 1e6, "k": 1e3, "trillion": 1e12, "tens": 10,
}
_CURRENCY = {"$": "USD", "£": "GBP", "€": "EUR", "dollars": "USD", "dollar": "USD",
             "pounds": "GBP", "euros": "EUR", "rupees": "INR", "roubles": "RUB", "rubles": "RUB"}
_NUMERIC = re.compile(r"(?P<cur>[$£€])?(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>bn|m|k|million|billion|trillion)?", re.I)


@dataclass(frozen=True)
class Cues:
    """Cue word sets from ``cues.yaml``."""

    reporting: frozenset[str]
    planned: frozenset[str]
    intending: frozenset[str]
    planned_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    attempted: frozenset[str]
    covert: frozenset[str]
    conditional_marks: frozenset[str]
    ultimatum_marks: frozenset[str]
    pressing: frozenset[str]
    allegiance: frozenset[str]
    backing: frozenset[str]
    negative_determiners: frozenset[str]
    negating: frozenset[str]
    demand_modals: frozenset[str]
    readiness: frozenset[str]
    alleging: frozenset[str]
    granting: frozenset[str]
    denying: frozenset[str]
    advancing: frozenset[str]
    light_verbs: frozenset[str]
    carriers: frozenset[str]
    joint_acts: frozenset[str]
    bonds: frozenset[str]
    foes_with: frozenset[str]
    fights: frozenset[str]
    encountering: frozenset[str]
    fighting_bodies: frozenset[str]
    presupposing: frozenset[str]
    joint_manner: frozenset[str]
    purpose_nouns: frozenset[str]
    ousting: frozenset[str]
    receiving: frozenset[str]
    undergoing: frozenset[str]
    wishing: frozenset[str]
    befalling: frozenset[str]
    refraining: frozenset[str]
    facilities: frozenset[str]
    gerund_adjuncts: frozenset[str]
    blame_predicates: frozenset[str]
    blame_objects: frozenset[str]
    judged_acts: frozenset[str]
    harms: frozenset[str]
    disapproving: frozenset[str]
    regarding: frozenset[str]
    reporting_nouns: frozenset[str]
    commands: frozenset[str]
    risking: frozenset[str]
    pending_marks: frozenset[str]
    evidential_nouns: frozenset[str]
    given_things: frozenset[str]
    double_object: frozenset[str]
    protesting: frozenset[str]
    claiming: frozenset[str]
    awaited: frozenset[str]
    believing: frozenset[str]
    warning: frozenset[str]
    speaking: frozenset[str]
    gerund_object_control: frozenset[str]
    accusing: frozenset[str]
    origin: frozenset[str]
    envoys: frozenset[str]
    witnessing: frozenset[str]
    dying: frozenset[str]
    lethal_acts: frozenset[str]
    launching: frozenset[str]
    documents: frozenset[str]
    participating: frozenset[str]
    settlements: frozenset[str]
    relational_nouns: frozenset[str]
    homelands: frozenset[str]
    quantifiers: frozenset[str]
    involving: frozenset[str]
    doer_adjectives: frozenset[str]
    travelling: frozenset[str]
    mishaps: frozenset[str]
    equipping: frozenset[str]
    striking: frozenset[str]
    proposing: frozenset[str]
    observers: frozenset[str]
    holding: frozenset[str]
    strike_acts: frozenset[str]
    proposals: frozenset[str]
    pacts: frozenset[str]
    pact_making: frozenset[str]
    likeness: frozenset[str]
    stateless_peoples: frozenset[str]
    stateless_people_names: frozenset[str]
    named_units: frozenset[str]
    measures: frozenset[str]
    deciding: frozenset[str]
    summing_up: frozenset[str]
    litotes: frozenset[str]
    decisions: frozenset[str]
    setting: frozenset[str]
    enabling: frozenset[str]
    revoking: frozenset[str]
    gatherings: frozenset[str]
    hosting: frozenset[str]
    rows: frozenset[str]


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """Load ``events/data/cues.yaml`` once (read from the derived-data cache, ``newsgraph.cache``,
    when it holds it)."""
    path = resources.files("newsgraph.events") / "data" / "cues.yaml"
    sources = [*package_files("newsgraph", "events/modality.py", "actors/kb.py"), path]
    return derived("cues", lambda: read_cues(path), sources)


def read_cues(path: Any) -> Cues:
    """Read a cues file (a path or package resource).

    Raises:
        KnowledgeBaseError: the file is not YAML, or a list is missing or not a list of words.
    """
    data = read_yaml(path)
    lists = data if isinstance(data, dict) else {}
    bad = [key for key in Cues.__dataclass_fields__ if not isinstance(lists.get(key), list)]
    if bad:
        raise KnowledgeBaseError(f"{path}: missing or not a list of words: {', '.join(bad)}")
    return Cues(**{key: frozenset(lists[key]) for key in Cues.__dataclass_fields__})


def _governors(token: Token) -> list[Token]:
    """The chain of heads from a token up to its sentence root."""
    chain = []
    while token.head.i != token.i:
        token = token.head
        chain.append(token)
    return chain


def declared_refusal(trigger: Token, clause_verb: Token) -> bool:
    """A negated act declared for the future ("said it would not send aid", "will not attend
    the talks", "will not accept more refugees if war breaks out") or decided against ("voted
    not to attend the talks"): a refusal, unless it is offered on a condition someone can meet
    ("would not send aid unless ..." promises aid)."""
    cues = load_cues()
    if trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in cues.deciding and any(
        c.dep_ == "neg" for c in trigger.children
    ):
        return True
    future = cues.planned_aux | {"would"}
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause_verb.children):
        return False  # "would not have supported them without ...": a counterfactual
    if clause_verb.dep_ == "ccomp" and clause_verb.head.lemma_.lower() not in cues.reporting:
        return False  # "critics fear that Russia will not withdraw": someone else's fear
    for token in {trigger, clause_verb}:
        children = list(token.children)
        if any(c.dep_ == "neg" for c in children) and any(c.dep_ == "aux" and c.lower_ in future for c in children):
            return not any(
                (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues.ultimatum_marks for m in c.children))
                or (c.dep_ == "mark" and c.lower_ in cues.ultimatum_marks)
                for c in clause_verb.children
            )
    return False


def ultimatum(trigger: Token, clause_verb: Token) -> bool:
    """An act set off unless someone acts ("will pull its troops out unless the government
    holds talks"): an "unless" clause on the trigger or the verb of its clause."""
    marks = load_cues().ultimatum_marks
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
        for token in {trigger, clause_verb}
        for c in token.children
    )


def modality(trigger: Token, clause_verb: Token, reported: bool, own_word: bool = True) -> str:
    """Asserted, reported, planned, hypothetical, negated or attempted, from the parse around it.
    Without ``own_word`` a verb of planning is not planned by itself (see the conjuncts below)."""
    cues = load_cues()
    own = [trigger, clause_verb] if clause_verb.i != trigger.i else [trigger]
    for token in own:
        for child in token.children:
            if child.dep_ == "neg":
                return "negated"
            if child.dep_ == "det" and child.lower_ in cues.negative_determiners and token is trigger:
                return "negated"
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "in" and trigger.head.head.i == clause_verb.i and any(
        c.dep_ == "dobj" and any(g.dep_ == "det" and g.lower_ in cues.negative_determiners for g in c.children)
        for c in clause_verb.children
    ):
        return "negated"  # "took no part in the raid", "had no role in the attack"
    if _unevidenced(clause_verb):
        return "negated"  # "talks ended with no sign Russia was willing to press Assad"
    if _unconfirmed(clause_verb):
        return "hypothetical"  # "Syria has not confirmed that its delegation will attend"
    if _denied(clause_verb):
        return "negated"  # "Russia denied that its jets had bombed the hospital": told as not done
    if _asked(trigger, clause_verb):
        return "hypothetical"  # "will Russia hit back when the US strikes Damascus?" asserts nothing
    if (leave := leave_for(clause_verb)) is not None:
        # "gave Turkey permission to strike": allowed, not done; "would not give Russia permission
        # to help", "refused permission for it to land", "revoked its permission": not done at
        # all. Leave not sought or not got is none refused ("did not seek permission to strike",
        # "failed to get permission"): the act may be done without it
        giver, lemma = leave.head, leave.head.lemma_.lower()
        refused = giver.i != leave.i and giver.pos_ in ("VERB", "AUX") and lemma not in cues.receiving and (
            lemma in cues.negating | cues.revoking or modality(giver, giver, False) == "negated")
        return "negated" if refused else "hypothetical"
    for token in own:
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ == "would" and _future_in_past(clause_verb):
                return "planned"  # "announced that US forces would leave Syria": a plan, reported
            if child.dep_ == "aux" and child.lower_ in cues.hypothetical_aux:
                return "hypothetical"
            if child.dep_ == "mark" and child.lower_ in cues.conditional_marks:
                return "hypothetical"
    if (trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" and trigger.head.tag_ in ("VBZ", "VBP")
            and trigger.head.lemma_.lower() in cues.risking):
        return "hypothetical"  # "a clash between the two armies risks a wider war"
    for token in own:
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in cues.planned_aux:
                return "planned"
            if child.dep_ == "mark" and child.lower_ == "for" and infinitive(token) and token.head.pos_ != "VERB":
                # "a pretext for the US to launch strikes", "it was possible for Turkey to renege":
                # what might be done (not "arranged for the rebels to receive arms")
                return "hypothetical"
    if clause_verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in cues.pending_marks for c in clause_verb.children
    ) and any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in cues.hypothetical_aux | cues.planned_aux)
              for c in clause_verb.head.children):
        return "hypothetical"  # "could not be finalised until the UK had withdrawn": not yet done
    # A clause that depends on a hypothetical or future one shares its mood ("would allow X to enter").
    purpose = clause_verb.dep_ == "advcl" and infinitive(clause_verb)
    governing = clause_verb.head
    if clause_verb.dep_ == "pcomp":
        # "would have been ineffective in repelling them": a gerund shares its clause's mood
        governing = next((t for t in clause_verb.ancestors if t.pos_ in ("VERB", "AUX")), governing)
    if (clause_verb.dep_ in ("xcomp", "ccomp", "pcomp") or purpose) and governing.pos_ in ("VERB", "AUX"):
        infinitival = clause_verb.dep_ == "xcomp" or (clause_verb.dep_ == "ccomp" and infinitive(clause_verb))
        if infinitival and _negated_governor(governing):
            # "will not decide to launch a strike", "would not allow Israel to bomb Gaza" (the
            # small model makes the infinitive with its own subject a ccomp)
            return "negated"
        # (a governing verb joined to a first one shares its auxiliary: "would use diplomacy and
        # work with partners to expel them")
        first = _bare_conjunct_of(governing)
        for child in (*governing.children, *(first.children if first is not None else ())):
            if child.dep_ == "aux" and child.lower_ in cues.hypothetical_aux:
                return "hypothetical"
            if child.dep_ == "aux" and child.lower_ in cues.planned_aux:
                return "planned"
    # Only a verb that governs this clause directly ("pledged to send", "trying to counter"), or
    # through infinitives ("is willing to send material to help defend").
    governor = clause_verb.head if clause_verb.dep_ in ("xcomp", "ccomp") else None
    if purpose and word_lemma(clause_verb.head) in cues.planned:
        governor = clause_verb.head  # "vowed in 2018 to crush the YPG": the model's advcl is the vow's
    if trigger.dep_ == "dobj" and trigger.pos_ == "NOUN":
        governor = trigger.head
    if _refrained(trigger if trigger.pos_ == "NOUN" else clause_verb):
        return "negated"  # "persuaded Russia to hold off from an attack on Idlib"
    if clause_verb.dep_ == "acl" and infinitive(clause_verb) and clause_verb.head.lemma_.lower() in cues.negating:
        return "negated"  # "Russia's refusal to withdraw its troops", "the UN's failure to impose a truce"
    if clause_verb.dep_ == "acl" and infinitive(clause_verb) and clause_verb.head.pos_ == "NOUN" and (
        word_lemma(clause_verb.head) in cues.planned
    ):
        return "planned"  # "Israel's plan to free the prisoners", "Netanyahu's promise to free them"
    for _ in range(3):
        if governor is None:
            break
        # the governing verb's own negation or condition is the act's: "did not decide to send
        # troops" sends none, "if the US sought to strike Syria" strikes only in a hypothesis
        if _negated_governor(governor):
            return "negated"
        if any(c.dep_ == "mark" and c.lower_ in cues.conditional_marks
               for holder in with_copula(governor) for c in holder.children):
            return "hypothetical"  # (also "if they are able to reach a deal": on the copula)
        lemma = word_lemma(governor)
        if lemma in cues.negating:
            return "negated"
        if lemma in cues.attempted:
            return "attempted"
        if lemma in cues.planned:
            return "planned"
        # ("plans to launch an operation": an infinitive on a noun of the same lists)
        governed = governor.dep_ == "xcomp" or (
            governor.dep_ in ("advcl", "acl") and infinitive(governor)
        )
        governor = governor.head if governed and governor.head.i != governor.i else None
    if own_word and word_lemma(trigger) in cues.planned and trigger.pos_ == "VERB":
        return "planned"
    if (first := _bare_conjunct_of(clause_verb)) is not None:
        # "will close the border and expel the diplomats", "plans to expand the base and deploy
        # troops": a verb sharing its first conjunct's subject and auxiliary shares its plan (not
        # its word: "helped to plan and carry out the killings" carried them out)
        shared = modality(first, first, reported, own_word=False)
        if shared in ("planned", "hypothetical", "attempted"):
            return shared
        # "will not stand by and watch an attack": the negation too, unless the verb is set
        # against the first ("did not retreat and instead attacked")
        if shared == "negated" and not any(c.dep_ == "advmod" and c.lower_ in ("instead", "rather")
                                           for c in clause_verb.children):
            return shared
    return "reported" if reported else "asserted"


def leave_for(verb: Token) -> Token | None:
    """The noun of leave (cues ``enabling``) whose act an infinitive is: "gave Turkey permission to
    strike", "the mandate to use force"; the small model may hang the infinitive on the verb that
    gives the leave ("gave permission to Russia to help Israel"). None for any other verb."""
    if not infinitive(verb) or verb.head.i == verb.i:
        return None
    enabling = load_cues().enabling
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in enabling:
        return verb.head
    if verb.dep_ == "advcl":
        return next((c for c in verb.head.children if c.dep_ == "dobj" and c.lemma_.lower() in enabling), None)
    return None


def intent_word(trigger: Token, clause_verb: Token) -> Token | None:
    """The word by which someone expresses an intent to do a planned act, or None: a word of
    intent that governs it ("wants to help Israel", "pledged to send aid", "offered military
    support", "is willing to mediate"), or the verb of saying of a clause of what will be done
    ("Israel announced it would free the prisoners"). Not the words of a plan told as a
    schedule or a future ("will supply arms", "is scheduled to meet", "prepared to attend").
    Whose intent it is, the word's subject, is for the caller to compare with the act's actor
    ("Iraq wants military support from the US" is no American intent)."""
    cues = load_cues()
    if (first := _bare_conjunct_of(clause_verb)) is not None:
        trigger = clause_verb = first  # "wants to meet Putin and sign a deal": the first's intent
    governor = clause_verb.head if clause_verb.dep_ in ("xcomp", "ccomp") else None
    if trigger.dep_ == "dobj" and trigger.pos_ == "NOUN":
        governor = trigger.head  # "offered military support"
    for _ in range(3):  # through infinitives, as modality() ("is willing to send troops to help")
        if governor is None:
            break
        if word_lemma(governor) in cues.intending:
            return governor
        governed = governor.dep_ == "xcomp" or (governor.dep_ in ("advcl", "acl") and infinitive(governor))
        governor = governor.head if governed and governor.head.i != governor.i else None
    said = clause_verb.head if clause_verb.dep_ == "ccomp" else None
    future = cues.planned_aux | {"would"}
    if said is not None and said.lemma_.lower() in cues.reporting and any(
        c.dep_ == "aux" and c.lower_ in future for c in clause_verb.children
    ):
        return said
    return None


def _unconfirmed(clause_verb: Token) -> bool:
    """Whether a clause is what a negated verb of saying does not say ("has not confirmed that its
    delegation will attend"); not a question it leaves open about a done act ("did not say how
    many were killed in the strike")."""
    head = clause_verb.head
    if clause_verb.dep_ != "ccomp" or head.lemma_.lower() not in load_cues().reporting or not _negated_governor(head):
        return False
    opening = clause_verb.doc[clause_verb.left_edge.i : clause_verb.i]
    return not any(t.tag_ in ("WRB", "WP", "WP$", "WDT") for t in opening)


def _denied(clause_verb: Token) -> bool:
    """Whether a clause is the denier's own act, which a verb of denial gainsays ("Russia denied
    that its jets had bombed the hospital", "denied it had attacked", cues `denying`): its subject,
    or the doer of a passive or of a death ("denied that civilians died in its strike"), is a
    pronoun or a pronoun's. Not when the denial is itself negated ("did not deny that"), nor
    for another's act denied ("the official denied that Trump had voiced concern", which
    others, here the White House, tell as done)."""
    head = clause_verb.head
    if clause_verb.dep_ != "ccomp" or head.pos_ not in ("VERB", "AUX") or (
        head.lemma_.lower() not in load_cues().denying or _negated_governor(head)
    ):
        return False
    doers = [c for c in clause_verb.children if c.dep_ in ("nsubj", "nsubjpass")][:1]
    if any(c.dep_ == "auxpass" for c in clause_verb.children) or word_lemma(clause_verb) in load_cues().dying:
        # "denied that civilians were killed in its strikes", "... died in its strike": the doer
        # is in the adjunct that names the act
        doers += act_objects(clause_verb)
    return any(
        doer.tag_ == "PRP" or any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in doer.children) for doer in doers
    )


def _unevidenced(clause_verb: Token) -> bool:
    """Whether a clause describes a noun of evidence with "no" ("no sign Russia was willing to
    press Assad", "no evidence that Iran attacked"), through infinitives and predicates."""
    cues = load_cues()
    node = clause_verb
    for _ in range(4):
        if node.dep_ not in ("acl", "ccomp", "xcomp", "acomp") or node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ == "NOUN":
            return node.lemma_.lower() in cues.evidential_nouns and any(
                c.dep_ == "det" and c.lower_ in cues.negative_determiners for c in node.children)
    return False


def word_lemma(token: Token) -> str:
    """A word's lemma, lower-cased, mended where the small model gets it wrong: it lemmatises
    "hope", "hoped", "hoping" as "hop", which is another verb ("hopped on a plane")."""
    if token.lemma_.lower() == "hop" and (token.lower_.startswith("hope") or token.lower_ == "hoping"):
        return "hope"
    return token.lemma_.lower()


def _negated_governor(verb: Token) -> bool:
    """Whether a verb that governs an act is negated, so the act is not done ("did not decide to
    send troops", "is not willing to help": an adjective's negation stands on its copula), unless
    the negation asserts it ("did not hesitate to strike")."""
    return verb.lemma_.lower() not in load_cues().litotes and any(
        c.dep_ == "neg" for holder in with_copula(verb) for c in holder.children)


def with_copula(word: Token) -> tuple[Token, ...]:
    """A governing word and, for an adjective after a copula ("is willing to", "are able to"),
    the copula, which carries the adjective's negation and condition."""
    return (word, word.head) if word.dep_ == "acomp" and word.head.i != word.i else (word,)


def _bare_conjunct_of(verb: Token) -> Token | None:
    """The first verb of an "and"/"or" list a later verb joins with no subject, auxiliary or
    negation of its own, or None."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in verb.children):
        return None
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    joined = any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in first.children)
    return first if joined and first.pos_ in ("VERB", "AUX") else None


def _refrained(word: Token) -> bool:
    """Whether the act is one someone holds back from: the object of "from" (or "of") after a
    verb of refraining ("hold off from an attack", "refrain from attacking", "stop short of")."""
    prep = word.head
    if word.dep_ not in ("pobj", "pcomp") or prep.lower_ not in ("from", "of") or prep.head.i == prep.i:
        return False
    verb = prep.head
    if verb.pos_ == "ADV" and verb.head.i != verb.i:
        # "stopped short of an attack": the adverb carries the preposition
        return f"{verb.head.lemma_.lower()} {verb.lower_}" in load_cues().refraining
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    phrasal = f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()
    return phrasal in load_cues().refraining


def _asked(trigger: Token, verb: Token) -> bool:
    """Whether the trigger, whose clause verb is ``verb``, stands in a question: the first
    closing mark after it, in its sentence or quotation, is a question mark, and no clause of
    another subject starts before it ("“Will Russia strike back?” a diplomat asked"; not "Russia
    attacked Idlib, so will Turkey respond?")."""
    # the clause's governors before it ("Will Russia ... when it launches strikes?"), not a later
    # one it was fronted to ("Russia attacked Idlib, so will Turkey respond?")
    related = {verb.i, *(t.i for t in verb.ancestors if t.i < verb.i)}
    stack = [c for c in verb.children if c.dep_ not in ("conj", "parataxis", "cc")]
    while stack:  # the clause's own words and the clauses it governs, not those beside it
        token = stack.pop()
        related.add(token.i)
        stack.extend(c for c in token.children if c.dep_ not in ("conj", "parataxis", "cc"))
    for token in trigger.doc[trigger.i + 1 : trigger.sent.end]:
        if token.text in ("?", ".", "!", ";") or token.is_quote:
            return token.text == "?"
        if token.pos_ in ("VERB", "AUX") and token.i not in related and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in token.children
        ):
            return False
    return False


def _future_in_past(clause_verb: Token) -> bool:
    """A "would" clause reported by a past saying or deciding verb, with no condition: the future
    seen from the past ("said it would mount an assault"), not a hypothetical."""
    cues = load_cues()
    governor = clause_verb.head
    # "an announcement in December that US forces would leave Syria" (the small model may hang
    # the clause on the verb governing the noun)
    announced = any(
        t.pos_ == "NOUN" and t.lemma_.lower() in cues.reporting_nouns
        for t in clause_verb.doc[min(governor.i, clause_verb.i) : clause_verb.i]
    )
    if clause_verb.dep_ not in ("ccomp", "acl"):
        return False
    lemma = word_lemma(governor)
    saying = lemma in cues.reporting or lemma in cues.planned or lemma in cues.warning
    if not announced and (governor.tag_ not in ("VBD", "VBN") or not saying):
        return False
    conditions = [c for c in clause_verb.subtree if c.dep_ == "mark" and c.lower_ in cues.conditional_marks]
    return not conditions


# A quotation runs to its closing mark or the end of its paragraph.
_QUOTATION = re.compile(r"“[^”\n]*(?:”|$)|\"[^\"\n]*(?:\"|$)", re.M)


def quotations(text: str) -> list[tuple[int, int]]:
    """The quotations of a text as (start, end) character offsets, marks included."""
    return [(m.start(), m.end()) for m in _QUOTATION.finditer(text)]


def quoted_in(quotes: list[tuple[int, int]], char: int) -> tuple[int, int] | None:
    """The quotation a character offset stands in, or None."""
    return next((q for q in quotes if q[0] <= char < q[1]), None)


def _speaker(verb: Token, names: dict[int, str]) -> str | None:
    """Who speaks through a reporting verb: its subject (active) or "by" agent (passive)."""
    for child in verb.children:
        if child.dep_ == "nsubj" and child.tag_ in ("WDT", "WP", "PRP", "EX"):
            return names.get(child.i)  # "that said", "it said": no named speaker unless resolved
        if child.dep_ in ("nsubj", "agent"):
            target = child
            if child.dep_ == "agent":
                target = next((c for c in child.children if c.dep_ == "pobj"), child)
            return names.get(target.i) or " ".join(t.text for t in target.subtree if t.dep_ != "punct")
    head = verb.head
    # "quoted X as saying": the speaker of "saying" is the object of "quoted".
    if verb.dep_ in ("pcomp", "advcl") and head.lemma_ in ("quote", "cite"):
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return names.get(obj.i) or obj.text
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.lemma_ in ("quote", "cite"):
        obj = next((c for c in head.head.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return names.get(obj.i) or " ".join(t.text for t in obj.subtree)
    return None


_REPORTED_DEPS = {"ccomp", "xcomp", "parataxis", "advcl", "pcomp", "conj", "relcl", "acl", "dep", "prep"}


def attribution(trigger: Token, sent: Span, names: dict[int, str]) -> list[Attribution]:
    """The reporting chain around an event, outermost reporter first.

    Args:
        trigger: the event's trigger token.
        sent: its sentence.
        names: token index -> actor name, for every token inside an actor mention.
    """
    cues = load_cues()
    chain: list[Attribution] = []
    below = trigger
    for governor in _governors(trigger):
        # A reporting verb reports the clause it governs; "declared their support" carries the
        # event as its object instead, and reports nothing.
        # (a verb coordinated with the reporting verb is a clause beside it, not its content:
        # "Iran does not acknowledge it, but is believed to be supporting the Houthis")
        reports = below.dep_ in _REPORTED_DEPS and not (below.dep_ == "conj" and below.pos_ in ("VERB", "AUX"))
        below = governor
        if reports and governor.lemma_.lower() in cues.reporting and governor.pos_ in ("VERB", "AUX"):
            speaker = _speaker(governor, names)
            if speaker:
                chain.append(Attribution(name=speaker, cue=governor.text.lower()))
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < len(sent.doc) and sent.doc[token.i + 1].lower_ == "to":
            pobj = next((c for c in sent.doc[token.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                name = names.get(pobj.i) or " ".join(t.text for t in pobj.subtree)
                chain.append(Attribution(name=name, cue="according to"))
    chain.reverse()
    return chain


def is_covert(trigger: Token, clause: list[Token]) -> bool:
    """The text calls the act secret, covert, clandestine, unannounced or undisclosed."""
    cues = load_cues()
    return any(t.lower_ in cues.covert for t in clause) or any(
        c.lower_ in cues.covert for c in trigger.children
    )


def _number(text: str) -> float | None:
    words = text.lower().replace("nearly", "").replace("about", "").replace("some", "").split()
    total: float | None = None
    for word in words:
        if match := _NUMERIC.fullmatch(word.strip("(),")):
            value = float(match["num"].replace(",", ""))
            if match["scale"]:
                value *= _NUMBER_WORDS[match["scale"].lower()]
            total = value if total is None else total * value
        elif word in _NUMBER_WORDS:
            total = _NUMBER_WORDS[word] if total is None else total * _NUMBER_WORDS[word]
    return total


def quantity(trigger: Token, region: list[Token]) -> Quantity | None:
    """The first number the event carries, in its object or clause: "20,000 AK-47 rifles"."""
    doc = trigger.doc
    for token in region:
        ent = token.ent_type_
        if ent not in ("CARDINAL", "MONEY", "QUANTITY") and token.lower_ not in _NUMBER_WORDS:
            continue
        if ent in ("DATE", "TIME", "ORDINAL", "PERCENT"):
            continue
        span = next((e for e in doc.ents if e.start <= token.i < e.end), doc[token.i : token.i + 1])
        value = _number(span.text)
        if value is None:
            continue
        head = span.root.head if span.root.dep_ in ("nummod", "quantmod", "compound") else span.root
        unit = None
        symbol = span.text.strip()[:1]
        if symbol in _CURRENCY:
            unit = _CURRENCY[symbol]
        elif head.i != span.root.i or head.i >= span.end:
            unit = head.text.lower()
        else:
            of = next((c for c in span.root.children if c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            unit = pobj.text.lower() if pobj is not None else None
        if unit in _CURRENCY:
            unit = _CURRENCY[unit]
        return Quantity(value=value, unit=unit, text=span.text)
    return None
