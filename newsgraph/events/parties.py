"""Who an event's parties are where its own arguments are not enough: the givers and receivers
of nominal aid, whom a demand presses or a warning is declared against, whose words a rebuke
reports, whom a phrase's noun names; and judgements on the sides found (a state backing
fighters abroad, a state's organ or official, two sides that are one). Functions over
``Arguments`` (split out of the event component to keep it readable).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.arguments import Arguments
from newsgraph.events.lexicon import Trigger
from newsgraph.events.modality import load_cues
from newsgraph.models import STATE_KINDS
from newsgraph.syntax import clause_verb

ARMED_KINDS = {"military", "armed_group"}  # both sides act: two events, one each way


def declared_against(args: Arguments, warning: Token, sources: list[int]) -> list[int]:
    """Whom a warning of the warner's own future act is aimed at: "Iran warned it would retaliate
    against Israel", "warned that it will not stand by and watch a Russian attack". The clause
    takes "will" or "would" and a pronoun subject that is the warner; the recipients are the first
    actors inside it (and its joined verbs), other than the warner. None for any other clause
    ("warned that Russia would attack", "warned it was ready")."""
    own = set(actor_ids(args, sources))
    for clause in warning.children:
        if clause.dep_ != "ccomp" or not any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "wo") for c in clause.children
        ):
            continue
        pronoun = any(c.dep_ == "nsubj" and c.tag_ == "PRP" for c in clause.children)
        if not pronoun or set(actor_ids(args, args.subject(clause))) - own:
            continue
        for verb in (clause, *clause.conjuncts):
            if found := args.complement_actors(verb, exclude=sources):
                return found
    return []


def fused_recipient(args: Arguments, noun: Token, verbs: frozenset[str]) -> tuple[list[int], list[int]] | None:
    """(givers, recipient) of a nominal aid or support that is the object of a verb of giving
    whose first object the small model compounded with it: "Russia offered Assad military
    support", "sent Kyiv new weapons" (a name first, then the noun's own modifiers, no article
    before the name). The verb's subject gives. None otherwise ("the US military aid", "offered
    Russian military support": an adjective names the giver), and for a name of the givers' own
    state ("Obama offered US military support": the giver's side, not whom it goes to)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in verbs:
        return None
    left = [c for c in noun.children if c.i < noun.i]
    if len(left) < 2 or left[0].dep_ not in ("compound", "nmod") or left[0].pos_ != "PROPN":
        return None
    name = args.index[left[0].i]
    givers = [m for m in args.subject(verb) if m != name]
    if name < 0 or not givers or args.countryless(name):
        return None
    named = args.actor(name)
    if named.kind in STATE_KINDS and named.country in {args.actor(m).country for m in givers}:
        return None  # "the Pentagon sent US military aid": the givers' own state gives it
    return givers, [name]


def nominal_givers(args: Arguments, token: Token, receiving: bool) -> tuple[list[int], list[int]]:
    """(givers, receivers) of a nominal SUPPORT or AID, or two empty lists: "retook Aleppo with
    backing from Iran" (the from-phrase gives, the subject of the clause the noun helps
    receives); "after gaining the approval of Russia" (the of- or from-phrase of what a
    receiving verb gets gives, who gets it receives). Support for no one named ("a step enjoyed
    support from Moscow") is no event."""
    verb = token.head if receiving else clause_verb(token)
    preps = ("of", "from") if receiving else ("from",)
    givers = [m for c in token.children if c.dep_ == "prep" and c.lower_ in preps for m in args.pobj_actors(c)]
    if not givers or verb.i == token.i:
        return [], []
    receivers = [m for m in args.subject(verb) if m not in givers]
    return (givers, receivers) if receivers else ([], [])


def pressed_actors(args: Arguments, prep: Token) -> list[int]:
    """The actors the "on" phrase of a demand presses: those it names ("pressure on Iran", "on
    its government"), not the owner of a thing it names ("pressure on its northern border", "on
    Iran's economy")."""
    return [
        m for pobj in prep.children if pobj.dep_ in ("pobj", "pcomp")
        and not (args.index[pobj.i] < 0 and any(c.dep_ == "poss" for c in pobj.children))
        for m in args.actors_of(pobj)
    ]


def backs_a_side_abroad(args: Arguments, sources: list[int], targets: list[int]) -> bool:
    """A state backing someone else's fighters ("Iran is backing the Houthis"), which event data
    codes as military aid; not its own army ("France supported its soldiers"), nor people backing
    anyone ("most Egyptians supported the army")."""
    if not targets or not kinds_of(args, targets) <= ARMED_KINDS or not kinds_of(args, sources) & set(STATE_KINDS):
        return False
    home = {args.actor(m).country for m in sources}
    backed = [args.actor(m) for m in targets]
    # unplaced rebels are someone else's; an unplaced army may be the source's own
    return all(a.country not in home and (a.country is not None or a.kind == "armed_group") for a in backed)


def other_party_before(args: Arguments, token: Token, sources: list[int]) -> bool:
    """Whether the sentence before an act's names a state (or a state's organ) other than its
    sources: "Qatar was isolated. Saudi Arabia and the UAE cut ties" cut them with Qatar, whom the
    text left out, not with each other."""
    sent = token.sent
    if sent.start == 0:
        return False
    before = token.doc[sent.start - 1].sent
    own = set(actor_ids(args, sources))
    return any(
        before.start <= mention.start < sent.start and mention.actor_id not in own
        and args.actor(i).kind in STATE_KINDS
        for i, mention in enumerate(args.mentions)
    )


def kinds_of(args: Arguments, mentions: list[int]) -> set[str]:
    return {args.actor(m).kind for m in mentions}


def of_state(args: Arguments, mentions: list[int]) -> bool:
    """Whether one of the mentions is a state's organ or official: "Turkey said it had neutralised
    300 militants", and its prime minister's "we neutralised thousands of fighters" (a person with
    an office of the state, not any citizen: "a Turkish suspect")."""
    return any(
        (actor := args.actor(m)).kind in STATE_KINDS or (
            actor.kind == "person" and actor.country is not None
            and (bool(actor.roles) or actor.sector in ("GOV", "MIL"))
        )
        for m in mentions
    )


def actor_ids(args: Arguments, mentions: list[int]) -> list[str]:
    return [args.mentions[m].actor_id for m in mentions]


def same_sides(args: Arguments, sources: list[int], targets: list[int]) -> bool:
    return bool(targets) and set(actor_ids(args, sources)) == set(actor_ids(args, targets))


def rebuked(args: Arguments, noun: Token, sources: list[int], saying: frozenset[str]) -> list[int]:
    """The subject of what a relative clause on a noun of criticism, or on its authors, says
    they said: the regime of "a rebuke by the minister, who warned that the regime risked war"."""
    own = {args.actor(m).country for m in sources} - {None}
    holders = [noun, *(args.doc[args.mentions[m].start : args.mentions[m].end].root for m in sources)]
    for holder in holders:
        for clause in holder.children:
            if clause.dep_ != "relcl" or clause.lemma_.lower() not in saying:
                continue
            for said in (c for c in clause.children if c.dep_ == "ccomp"):
                found = [m for m in args.subject(said) if m not in sources and args.actor(m).country not in own]
                if found:
                    return found
    return []


def phrase_object_actors(args: Arguments, head: Token, trigger: Trigger, exclude: list[int]) -> list[int]:
    """Whom a phrase that ends in a noun names through that noun: the Iran of "pulled out of the
    Iran nuclear agreement", the US of "withdrew from the treaty with the US" (the phrase's last
    preposition hangs on a particle or the noun, not on the verb), the Iran of "the deal, which
    Iran had reached with six powers" and of "the accord it had signed with Iran"."""
    last = trigger.phrase[-1]
    noun = next((t for t in head.subtree if t.i > head.i and t.lemma_.lower() == last and t.pos_ == "NOUN"), None)
    if noun is None:
        return []
    found = args.target(noun, ("with", "between"), exclude) or [m for m in args.actors_of(noun) if m not in exclude]
    if found:
        return found
    # "pulled out of the nuclear deal, which Iran had reached with six world powers", "the accord
    # it had signed with Iran": the other party a relative clause of making the pact names (cues
    # ``pact_making``; "which the UN brokered" names a broker, no party), of another state than
    # the leaver's ("the accord Obama had signed" is the leaver's own)
    own = {args.actor(m).country for m in exclude} - {None}
    for clause in noun.children:
        if clause.dep_ not in ("relcl", "acl") or clause.lemma_.lower() not in load_cues().pact_making:
            continue
        withs = [prep for prep in clause.children if prep.dep_ == "prep" and prep.lower_ == "with"]
        found = [
            m for m in (*args.subject(clause), *(m for prep in withs for m in args.pobj_actors(prep)))
            if m not in exclude and args.actor(m).country not in own
        ]
        if found:
            return found
    return []
