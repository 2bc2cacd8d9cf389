"""Accusations told: a political actor telling of another's act of conflict accuses it.

"Kyiv said Russian troops had shelled Kharkiv" is two events: the shelling, reported on Kyiv's
word, and Kyiv's accusation of Russia (ACCUSE/allege, CAMEO 112, rule ``accusation:<verb>``),
made when the telling is. ``accusation`` derives the second from the first; the event stage
(``component``) calls it for every event it keeps, and the sentence scorers
(``eval/sentences.py``) tell the derived events apart by their rule.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsgraph.events.anaphora import FIRST_PERSON, PRONOUN_KINDS
from newsgraph.events.arguments import GROUP_WORDS, Arguments
from newsgraph.events.lexicon import Lexicon, Trigger
from newsgraph.events.modality import attribution, load_cues, modality
from newsgraph.models import STATE_KINDS, Actor
from newsgraph.places import as_place, load_gazetteer
from newsgraph.syntax import clause_verb

if TYPE_CHECKING:
    from newsgraph.events.component import RawEvent

# Rule prefix of the accusation a telling of another's act of conflict makes (the scorers of
# eval/sentences.py tell it apart by this name).
ACCUSATION_RULE = "accusation:"
# Key of an accusation's ``extra`` holding the act it charges: the pipeline places the accused as
# the act places its doers ("police beat protesters in Cairo": Egypt's police, both times).
ACT = "act"
# Acts of conflict that, told by one political actor of another, are also its accusation (see
# accusation): material conflict, and threats.
ACCUSED_TYPES = {"THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# How the text knows an act it can be charged with: done, or tried (not planned, hypothetical or
# negated: "said Israel had not attacked" charges nothing).
TOLD_MOODS = {"asserted", "reported", "attempted"}
# Kinds of actor whose telling of another's act of conflict accuses it: states and their organs,
# parties, armed groups and organisations; a person only when acting for one (see _political).
# A news outlet ("media") telling it reports it; a company, a population, a bystander witnesses.
ACCUSER_KINDS = {*STATE_KINDS, "party", "armed_group", "igo", "ngo", "person"}


def accusation(args: Arguments, names: dict[int, str], event: RawEvent, lexicon: Lexicon) -> RawEvent | None:
    """ "Georgia said that Russian jets bombed its villages": a hostile act that a political
    actor tells of another is also the teller's accusation against the act's actors (CAMEO
    112), made when and where it is told. The act itself stays coded, as reported.

    The teller is the subject of the verb of saying or alleging whose clause tells the act, or
    the source an "according to" phrase on the act's verb names (an account with no time of
    its own, so dated with the act).
    A news outlet telling it reports, a passer-by witnesses; telling one's own act claims it
    ("the group claimed that it had attacked"), granting it ("confirmed that") charges no one,
    people named as its doers ("civilians") are no accused, and an act told as not done,
    planned or hypothetical is no charge.
    """
    doc, cues = args.doc, load_cues()
    if event.type not in ACCUSED_TYPES or not event.sources or event.modality not in TOLD_MOODS:
        return None
    node = doc[event.clause_verb]
    for _ in range(6):  # up through "helped to plan and carry out": xcomp and conj links
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            break
        node = node.head
    verb = node.head
    # the act is what is told, not a background clause inside it ("said it had paid for
    # assets lost when Amin expelled them" charges no one)
    told = node.dep_ in ("ccomp", "parataxis") and verb.pos_ == "VERB" and verb.lemma_.lower() in (
        cues.reporting | cues.alleging
    ) and verb.lemma_.lower() not in cues.granting
    according = None if told else _according_to(node)
    if not told and according is None:
        return None
    if any(_first_person_possessed(args, m) for m in event.sources):
        return None  # "the SDF said: 'Our fighters advanced'": its own act
    # people ("civilians", "citizens") are the victims of what is told, not the accused
    charged = [m for m in event.sources if args.actor(m).kind != "population"]
    accused = {_principal(args.actor(m)) for m in charged}
    tellers = _tellers(args, verb) if according is None else _sourced(args, according)
    speakers = [m for m in tellers if not args.countryless(m) and _political(args.actor(m))]
    if not charged or not speakers or {_principal(args.actor(m)) for m in speakers} & accused:
        return None
    charging = according is None and verb.lemma_.lower() in cues.alleging
    if not charging:
        # "the Pentagon said the SDF seized Raqqa": a third party's news, no charge; of several
        # tellers, only the victims and monitors charge ("Kyiv and Washington said Russian troops
        # shelled Kharkiv": Kyiv)
        speakers = _victims_or_monitors(args, speakers, event)
        if not speakers:
            return None
    sent = doc[event.sent_start : event.sent_end]
    if according is None:
        cue, lemma = verb, verb.lemma_.lower()
        chain = attribution(verb, sent, names)
        reported = bool({a.name for a in chain} - {args.actor(m).name for m in speakers})
        mood = modality(verb, clause_verb(verb), reported)
    else:
        # "Russian jets bombed Saraqeb, according to the Observatory": told as the act is
        # told, by whoever else tells the act's clause
        cue, lemma = according.head, "according"
        chain = [a for a in attribution(node, sent, names) if a.cue != "according to"]
        mood = "reported" if chain else "asserted"
    if mood not in TOLD_MOODS - {"attempted"}:
        return None  # "Iran did not say that Israel had struck": no charge made
    trigger = Trigger(type="ACCUSE", pos="VERB", lemma=lemma, mode="allege", cameo="112")
    cameo, quad, goldstein = lexicon.code(trigger)
    return dataclasses.replace(
        event, trigger=cue.i, type="ACCUSE", mode="allege", sources=speakers, targets=charged,
        modality=mood, attribution=chain, covert=False, quantity=None,
        rule=ACCUSATION_RULE + lemma, clause_verb=clause_verb(cue).i,
        cameo=cameo, quad_class=quad, goldstein=goldstein,
        start=min(cue.i, *(args.mentions[m].start for m in speakers), event.start),
        end=max(event.end, *(args.mentions[m].end for m in speakers)),
        # the act charged, whose place (set by the later place stage) places its doers
        extra={ACT: event},
    )


def _tellers(args: Arguments, verb: Token) -> list[int]:
    """The actors a verb of saying speaks for, when its subject names them ("Ukraine said", "a
    Taliban spokesman said", "it said"); none when the subject is someone described by an actor
    ("US witnesses said", "Thai military sources said": people, not the state)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lemma_.lower() in load_cues().documents and args.index[subject.i] < 0:
        return _issuers(args, subject)
    if subject is None or not (
        args.index[subject.i] >= 0 or subject.lower_ in PRONOUN_KINDS or subject.lemma_.lower() in GROUP_WORDS
    ):
        return []
    # only actors standing as the subject, not ones describing a subject ("Palestinian officials
    # and US witnesses said": the witnesses are people, not the US)
    modifiers = ("amod", "compound", "nmod", "poss")
    return [m for m in args.subject(verb) if args.mentions[m].span(args.doc).root.dep_ not in modifiers]


def _according_to(verb: Token) -> Token | None:
    """The "to" of an "according to" phrase on a verb ("bombed Saraqeb, according to the
    Observatory"), or None."""
    for child in verb.children:
        if child.lower_ == "according" and (to := next((g for g in child.children if g.lower_ == "to"), None)):
            return to
    return None


def _sourced(args: Arguments, to: Token) -> list[int]:
    """The actors an "according to" phrase names: its object's, or a document's issuers ("according
    to a UN report")."""
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is not None and source.lemma_.lower() in load_cues().documents and args.index[source.i] < 0:
        return _issuers(args, source)
    return args.pobj_actors(to)


def _issuers(args: Arguments, document: Token) -> list[int]:
    """Who a document speaks for: the actor that names it ("a UN report", "Rwanda's report"), its
    issuer ("a statement issued by the army"), or the state whose capital it was released in, a
    seat of government standing for it ("a report released in the Rwandan capital"). None for a
    document only placed ("a report released in Geneva")."""
    if found := args.actors_of(document):
        return found
    for participle in document.children:
        if participle.dep_ != "acl" or participle.tag_ != "VBN":
            continue
        for prep in participle.children:
            if prep.dep_ == "agent" and (found := args.pobj_actors(prep)):
                return found
            place = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.lower_ == "in" else None
            if place is not None and place.lemma_.lower() == "capital":
                return [m for m in args.actors_of(place) if args.actor(m).kind == "state"]
    return []


def _first_person_possessed(args: Arguments, mention: int) -> bool:
    """Whether a mention is the speaker's own, by a first-person possessive ("our fighters")."""
    span = args.mentions[mention].span(args.doc)
    return any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in span.root.children)


def _victims_or_monitors(args: Arguments, tellers: list[int], event: RawEvent) -> list[int]:
    """The tellers whose plain telling ("said", "according to") of another's act charges its
    doers: those among the act's victims, or whose country it befell ("Kyiv said Russian troops
    shelled Kharkiv", "Israel said rockets were fired at it from Gaza"), and bodies that monitor
    conflict (an NGO or IGO: "the Observatory said government jets struck the town"). A state
    telling of a third party's act ("the Pentagon said the SDF took the town") reports news, and
    may tell of an ally's operation; a monitor telling of ground won reports the war's course
    (_ground_won); a verb that itself charges ("alleged", "claimed") accuses whoever tells it."""
    monitors = not _ground_won(args, event)
    clause = args.doc[event.clause_verb]
    doers = {t.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "agent") for t in c.subtree}
    # "Iran said Israeli jets bombed its base": the teller's own; "its own", "their own" are the
    # doers' ("Moscow said the Ukrainian army shelled its own positions")
    owned = any(t.dep_ == "poss" and t.lower_ in ("its", "our") and t.i not in doers
                and not any(c.lower_ == "own" for c in t.head.children) for t in clause.subtree)
    befallen = {_principal(args.actor(m)) for m in event.targets}
    # a town of theirs named where the act reached (the small model often calls a town a person)
    gazetteer = load_gazetteer()
    befallen |= {
        place.country for token in clause.subtree
        if token.pos_ == "PROPN" and (as_place(token) or (token.dep_ == "dobj" and token.head.i == clause.i))
        and (place := gazetteer.at(token) or gazetteer.resolve(token.text)) is not None and place.country
    }
    return [
        m for m in tellers
        if (monitors and args.actor(m).kind in ("ngo", "igo")) or owned or _principal(args.actor(m)) in befallen
    ]


def _ground_won(args: Arguments, event: RawEvent) -> bool:
    """Whether an act is ground won, which a monitor reports rather than charges: territory
    taken (CAMEO 192: "rebels seized the town") or an advance ("regime forces advanced into Albu
    Kamal", cues `advancing`)."""
    return event.cameo == "192" or args.doc[event.trigger].lemma_.lower() in load_cues().advancing


def _political(actor: Actor) -> bool:
    """Whether an actor's telling of another's act of conflict is a charge (ACCUSER_KINDS): a
    person only with an office or a body they act for ("President Zelensky", not "a witness")."""
    if actor.kind == "person":
        return bool(actor.roles or actor.affiliation)
    return actor.kind in ACCUSER_KINDS


def _principal(actor: Actor) -> str:
    """Who an actor counts as when telling and told are compared: its country for a state, its
    organs and its office holders ("the Pentagon said US jets struck" tells its own act), the body
    a person speaks for ("a Taliban spokesman said they had attacked"), else itself."""
    if actor.kind in STATE_KINDS or actor.kind == "person":
        country = actor.country or next((r.country for r in reversed(actor.roles) if r.country), None)
        if country:
            return country
    if actor.kind == "person":
        body = actor.affiliation or next((r.organisation for r in reversed(actor.roles) if r.organisation), None)
        return body or actor.id
    return actor.id
