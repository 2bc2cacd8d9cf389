"""The ``newsgraph_events`` pipeline component: triggers -> coded events with their arguments.

Cascade per sentence, numbered as the comments use it:
  1. Find triggers: verbs and nouns of the lexicon (with their object constraints), and
     multi-word phrases.
  2. Merge light-verb pairs: "pledged military assistance" is one AID event sourced by the
     subject of "pledged"; a reporting or light verb does not make an event of its own.
  3. Arguments from the parse: sources (subject, passive agent, possessor, governing subject,
     object of a control verb) and targets (the trigger's slots in lexicon order).
  4. How the text knows it: modality, attribution chain, covert flag, quantity.
  5. One event per (type, sources, targets, clause).

Sets ``doc._.ng_events``: a list of RawEvent, in text order. Dates and places are filled in by
the later stages.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.events.accusations import accusation
from newsgraph.events.arguments import Arguments
from newsgraph.events.clauses import (
    clause_tokens,
    describing,
    fits_object,
    hearsay,
    joint_sources,
    nested,
    object_lemma,
    object_modifier,
    predicative,
    set_off,
    taken_part_in,
    that_clause,
    told_together,
)
from newsgraph.events.constructions import (
    VOWED_HOSTILE_TYPES,
    appeal_trigger,
    blame_trigger,
    bound_by_pact,
    conditional_threat,
    demand_trigger,
    ultimatum_target,
    vowed_act,
)
from newsgraph.events.lexicon import Lexicon, Trigger, load_lexicon
from newsgraph.events.modality import (
    attribution,
    declared_refusal,
    intent_word,
    is_covert,
    load_cues,
    modality,
    quantity,
    ultimatum,
    with_copula,
)
from newsgraph.events.parties import (
    ARMED_KINDS,
    actor_ids,
    backs_a_side_abroad,
    declared_against,
    fused_recipient,
    kinds_of,
    nominal_givers,
    of_state,
    other_party_before,
    phrase_object_actors,
    pressed_actors,
    rebuked,
    same_sides,
)
from newsgraph.events.phrases import PhraseFinder
from newsgraph.events.recipients import condition_subject, defied, purpose_object, victims
from newsgraph.models import Attribution, Quantity
from newsgraph.places import PLACE_PREPS, clause_place
from newsgraph.syntax import clause_verb, infinitive

if not Doc.has_extension("ng_events"):
    Doc.set_extension("ng_events", default=None)

# Types whose compound subject with no object acts on itself ("X and Y met / fought").
RECIPROCAL_TYPES = {"CONSULT", "AGREE", "COOPERATE", "ASSAULT"}
# CAMEO codes of a third party's act between two sides (045 mediate, 039 offer to mediate): in
# "Qatar's mediation between the Emirates and Saudi Arabia", "Egypt's offer to mediate between
# Israel and Hamas" the sides are both recipients, never the actor.
THIRD_PARTY_CAMEO = {"045", "039"}
MUTUAL_TYPES = {"ASSAULT"}
# Modes of ASSAULT a riot's violence takes (unarmed force, fire, stones, damage), which done by
# those protesting is a violent protest; with firearms, bombs or missiles it stays an attack.
RIOT_MODES = {None, "destroy", "beat", "primitive"}
# Acts whose refusal, declared for the future, is a REJECT ("said it would not send aid"), with
# the REJECT mode each one's refusal takes.
REFUSED_MODES: dict[str, str | None] = {
    "AID": "assist", "SUPPORT": None, "COOPERATE": None, "AGREE": None, "CONSULT": "meet",
    "CONCEDE": "yield", "RETREAT": "yield",
}
# Kinds that hold no force of their own: a clash with a person on one side and only these on the
# others is a row ("Erdogan clashed with the EU over refugees"; see the rows cue).
ROW_KINDS = {"person", "state", "government", "igo", "legislature", "judiciary", "party", "ngo", "media", "company"}
# Kinds that wage a fight as one side of it ("fought a war with the FARC"; see _fought_with).
FIGHTING_KINDS = {"state", "government", "military", "armed_group"}
# Nominal acts whose "from" phrase names the giver ("backing from Iran").
GIVING_TYPES = {"SUPPORT", "AID"}
# Acts (and threats of acts) against someone, whose purpose clause may name whom ("to drive out
# the YPG", "threatened an offensive to dismantle the YPG").
HOSTILE_TYPES = {"ASSAULT", "COERCE", "THREATEN"}
CLAUSE_TARGET_TYPES = {"REQUEST", "THREATEN", "ACCUSE", "REJECT"}
CONDITION_TARGET_TYPES = {"THREATEN"}
# Acts that, declared for the future unless someone acts, are held over them: a threat (CAMEO 13),
# of force when the act is an attack ("will pull out its peacekeepers unless the junta holds
# elections"; not "will attend the talks unless ...", a condition on cooperation).
ULTIMATUM_MODES: dict[str, str | None] = {
    "ASSAULT": "violence", "COERCE": None, "SANCTION": None, "RETREAT": None, "MOBILIZE": None,
    "PROTEST": None, "REJECT": None,
}
# Events whose that-clause is what is demanded, agreed or threatened: the act in it has
# not happened, it is the event's content ("demanded that the president abandon the plan").
CONTENT_CLAUSE_TYPES = {"REQUEST", "AGREE", "THREATEN"}
# Verbal acts that, made by a protest staged for them, are the protest's own content.
PROTEST_CONTENT_TYPES = {"REQUEST", "ACCUSE"}
# Material help whose purpose clause of backing says why it is given ("sent advisers to support X").
MATERIAL_HELP_TYPES = {"AID", "MOBILIZE", "COOPERATE"}
# Acts whose place phrase says where they happen, never whom they address ("accused its rival of
# building a foothold in Syria" does not blame Syria; "demanded to know why Russians fight in
# Syria" asks nothing of Syria, "seek consular help in Turkey" nothing of Turkey).
PLACE_NOT_RECIPIENT_TYPES = {"PROTEST", "ACCUSE", "REQUEST"}
# Named things that are never event words: names, and dates or amounts ("March", "a million").
NOT_EVENT_ENTITIES = {"ORG", "GPE", "PERSON", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}


@dataclass
class RawEvent:
    """An event on the Doc, in token offsets; the pipeline turns it into ``models.Event``."""

    trigger: int
    type: str
    mode: str | None
    sources: list[int]  # indices into doc._.ng_mentions
    targets: list[int]
    modality: str
    attribution: list[Attribution]
    covert: bool
    quantity: Quantity | None
    rule: str
    confidence: float
    clause_verb: int
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    sent_start: int
    sent_end: int
    start: int  # evidence span, token offsets
    end: int
    extra: dict[str, Any] = field(default_factory=dict)  # dates and places from later stages


class EventCoder:
    """Codes the events of a Doc with the bundled lexicon."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.phrases = PhraseFinder(nlp.vocab, lexicon.phrases)
        self.cues = load_cues()

    def _directed(self, kind: str) -> bool:
        """Whether events of a type take place between parties (ontology ``directed``)."""
        info = self.lexicon.types.get(kind)
        return info is not None and info.directed

    # 1. Triggers ----------------------------------------------------------------------------
    def _word_triggers(self, token: Token) -> list[Trigger]:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB":
            candidates = self.lexicon.verbs.get(lemma, [])
        elif token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in NOT_EVENT_ENTITIES:
            candidates = self.lexicon.nouns.get(lemma, [])
        else:
            return []
        obj = object_lemma(token)
        # "violated the ceasefire agreement" is the narrow sense of "violated the ceasefire";
        # "the deployment of peacekeeping troops" of "the deployment of peacekeepers"
        kind = object_modifier(token)
        chosen = [trigger for trigger in candidates if fits_object(trigger, token, obj, kind)]
        # A constrained sense beats the general one ("hold talks" over "hold").
        constrained = [t for t in chosen if t.objects]
        return constrained[:1] or chosen[:1]

    def _triggers(
        self, doc: Doc, sent: Span, phrase_matches: list[tuple[Trigger, int, int]]
    ) -> dict[int, tuple[Trigger, int | None]]:
        """Trigger token -> (trigger, the closing preposition of a phrase or None).

        A phrase's trigger token is its syntactic head ("make contact with" -> make, "military
        assistance" -> assistance); words inside a matched phrase make no event of their own.
        Tokens inside actor mentions are never triggers ("NATO alliance").
        """
        found: dict[int, tuple[Trigger, int | None]] = {}
        covered: set[int] = set()
        for trigger, start, end in phrase_matches:
            if not (sent.start <= start and end <= sent.end) or start in covered:
                continue
            span = doc[start:end]
            obj = object_lemma(span.root)
            if (trigger.objects and obj not in trigger.objects) or obj in trigger.not_objects:
                continue  # "forced the UN agency out of" is an expulsion, "forced the rebels out" is not
            last = doc[end - 1]
            prep = last.i if last.pos_ == "ADP" else None
            found.setdefault(span.root.i, (trigger, prep))
            covered.update(range(start, end))
        mention_of = doc._.ng_token_mention or []
        for token in sent:
            if token.i in found or token.i in covered or (mention_of and mention_of[token.i] >= 0):
                continue
            if token.pos_ == "NOUN" and predicative(token):
                continue  # "X is no longer a threat": a description, not an event
            triggers = self._word_triggers(token)
            # "warned that the US had taken dangerous steps" blames; "warned Syria that ..." threatens
            blame = blame_trigger(token) if token.lemma_.lower() in self.cues.warning and not any(
                c.dep_ == "dobj" for c in token.children) else None
            if triggers and blame is None:
                found[token.i] = (triggers[0], None)
            elif (made := blame or demand_trigger(token) or blame_trigger(token) or appeal_trigger(token)) is not None:
                found[token.i] = (made, None)
        return found

    def __call__(self, doc: Doc) -> Doc:
        args = Arguments(doc)
        names = {
            t: args.actors[m.actor_id].name
            for m in args.mentions
            for t in range(m.start, m.end)
            if m.actor_id in args.actors
        }
        events: list[RawEvent] = []
        seen: set[tuple[Any, ...]] = set()
        phrase_matches = sorted(self.phrases(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        for sent in doc.sents:
            triggers = self._triggers(doc, sent, phrase_matches)
            coded = {
                index: self._code(doc, args, names, triggers, index, trigger, phrase_end, sent)
                for index, (trigger, phrase_end) in sorted(triggers.items())
            }
            # A passive participle ("officials accused of ...") owns its content even when the
            # text names no accuser, so that content is not coded as a free-standing event.
            produced = {
                index for index, event in coded.items()
                if event is not None or (doc[index].dep_ == "acl" and doc[index].tag_ == "VBN")
            }
            contents = {index for index, event in coded.items()
                        if event is not None and event.type in CONTENT_CLAUSE_TYPES}
            # a request made of someone ("urged Iran to", "put pressure on Assad to", "pleaded
            # with Moscow to"), even one whose asker the text does not name, owns the act it asks
            # for (not an order, whose act is mostly told as done)
            asked = frozenset(
                index for index, (trigger, prep) in triggers.items()
                if trigger.type == "REQUEST" and doc[index].lemma_.lower() not in self.cues.commands
                and (prep is not None or any(_addressed(c, trigger) for c in doc[index].children))
            )
            kept = [event for index, event in sorted(coded.items())
                    if event is not None and not nested(doc[index], produced, contents, asked)]
            for event in kept:
                if any(told(args, event, kept) for told in (_restated, _protest_content, _help_purpose)):
                    continue
                event = _consequence(args, event, kept)
                for made in (event, accusation(args, names, event, self.lexicon)):
                    if made is None:
                        continue
                    # 5. One event per (type, sources, targets, clause).
                    key = (made.type, frozenset(actor_ids(args, made.sources)),
                           frozenset(actor_ids(args, made.targets)), made.clause_verb)
                    if key not in seen:
                        seen.add(key)
                        events.append(made)
                        parties = made.extra.pop("parties", None)
                        if made.extra.pop("mutual", False):
                            # a fight has two sides that both attack: code the other direction too
                            events.append(dataclasses.replace(
                                made, sources=made.targets, targets=made.sources, extra={}
                            ))
                        elif parties:
                            # "the US, Russia and Switzerland met": each party meets the others,
                            # or the talks between the later-named ones would be lost (two
                            # parties are one event, the first towards the second)
                            for i, party in enumerate(parties[1:], 1):
                                events.append(dataclasses.replace(
                                    made, sources=[party], targets=parties[:i] + parties[i + 1:], extra={}
                                ))
        doc._.ng_events = [self._alike(doc, args, event, events[:i]) for i, event in enumerate(events)]
        return doc

    def _alike(self, doc: Doc, args: Arguments, event: RawEvent, earlier: list[RawEvent]) -> RawEvent:
        """ "the Kremlin had issued similar threats in 2017": an act named as like one told before
        (cues `likeness`), with no recipient of its own, is aimed at whom the latest earlier act
        of its type by the same side was."""
        token = doc[event.trigger]
        if event.targets or token.pos_ != "NOUN" or not any(
            c.dep_ == "amod" and c.lemma_.lower() in self.cues.likeness for c in token.children
        ):
            return event
        def side(sources: list[int]) -> set[str]:
            return {args.actor(m).country or args.actor(m).id for m in sources}

        for before in reversed(earlier):
            if before.type == event.type and before.targets and side(event.sources) & side(before.sources):
                return dataclasses.replace(event, targets=list(before.targets))
        return event

    def _code(
        self,
        doc: Doc,
        args: Arguments,
        names: dict[int, str],
        triggers: dict[int, tuple[Trigger, int | None]],
        index: int,
        trigger: Trigger,
        phrase_end: int | None,
        sent: Span,
    ) -> RawEvent | None:
        token = doc[index]
        # 2. A verb that only carries a nominal trigger does not make an event of its own.
        # A sense restricted to its object ("imposed a boycott" is a SANCTION) is an event itself.
        light = token.lemma_.lower() in self.cues.light_verbs and not trigger.phrase and not trigger.objects
        if token.pos_ == "VERB" and light:
            for child in token.children:
                if child.dep_ in ("dobj", "nsubjpass") and child.i in triggers and child.i != index:
                    return None
        own_verb = clause_verb(token)
        if trigger.type == "ASSAULT" and token.dep_ == "acl" and token.head.lemma_.lower() in self.cues.measures:
            return None  # "sanctions targeting Russia's banks": whom the measure is aimed at, no attack
        if token.lemma_.lower() in self.cues.encountering and _bodies_of_fighters(token, self.cues.fighting_bodies):
            return None  # "Syrian troops met Kurdish forces near Manbij": an encounter, no talks
        # 3. Arguments.
        # The lexicon's target slots say where the recipient stands: "the release of prisoners".
        patient_of = "of" in (trigger.target or ())
        sources = (args.subject(token) if token.pos_ == "VERB" else args.subject(token.head) if trigger.pos == "ADJ"
                   else args.noun_source(token, patient_of=patient_of))  # "was dismayed that": the one dismayed
        between = args.between(token)
        targets_between: list[int] = []
        joint_noun = (token.pos_ == "NOUN" and trigger.type in RECIPROCAL_TYPES
                      and trigger.cameo not in THIRD_PARTY_CAMEO)
        sides = len(between) >= 2 and (not sources or joint_noun)
        if sides:
            # "the agreement between the US and India": the first side acts towards the other;
            # "Arsal was a focal point of clashes between HTS and Hezbollah": the sides, not Arsal
            sources, targets_between = between[:1], between[1:]
        elif len(between) >= 2:
            # "Qatar mediated between the Emirates and Saudi Arabia": both sides are recipients
            targets_between = [m for m in between if m not in sources]
        received_by: list[int] = []
        if token.pos_ == "NOUN" and trigger.type in GIVING_TYPES:
            receiving = token.dep_ == "dobj" and token.head.lemma_.lower() in self.cues.receiving
            if receiving or not sources:
                givers, received_by = nominal_givers(args, token, receiving)
                sources = givers or sources
            if receiving and not givers:
                # "Iran seeks approval to buy missiles": who seeks or gets it gives none
                getters = set(args.subject(token.head))
                sources = [m for m in sources if m not in getters]
        if token.pos_ == "NOUN" and trigger.type in GIVING_TYPES and not received_by and (
            fused := fused_recipient(args, token, self.cues.double_object)
        ):
            # "offered Assad military support", read as "Assad support": Assad receives it
            sources, received_by = fused
        if token.pos_ == "NOUN" and trigger.type not in GIVING_TYPES and not received_by:
            # "faced criticism from Germany", "under pressure from Congress": the subject undergoes it
            actors, received_by = args.undergone(token)
            sources = actors or sources
        weighed = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "on"]
        if token.pos_ == "NOUN" and trigger.type == "REQUEST" and weighed and not any(
            pressed_actors(args, c) for c in weighed
        ):
            # "downward pressure on oil prices", "demands on water", "pressure on its northern
            # border": a weight on a thing
            return None
        if not sources:
            return None
        if targets_between:
            targets = targets_between
        elif phrase_end is not None:
            targets = [m for m in args.pobj_actors(doc[phrase_end]) if m not in sources]
            if not targets and trigger.target:
                targets = args.target(token, trigger.target, sources)
        else:
            default = ("dobj", "to", "with", "against")
            targets = args.target(token, trigger.target if trigger.target is not None else default, sources)
            if not targets and trigger.phrase and trigger.target:
                targets = phrase_object_actors(args, token, trigger, sources)
        if not targets and received_by:
            targets = received_by
        if token.pos_ == "NOUN" and token.dep_ == "dobj" and not targets:
            # The carrying verb's object slots ("pledged assistance to the group").
            targets = args.target(token.head, trigger.target or ("to",), sources)
        carrier = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "in" else None
        if token.pos_ == "NOUN" and not targets and carrier and carrier.lemma_.lower() in self.cues.carriers:
            # "engaged Filipino peacekeepers in a firefight": the carrier's object is the other side
            targets = args.target(carrier, ("dobj",), sources)
        if trigger.requires_object and not targets and args.direct_object(token) is None:
            return None
        if trigger.type == "ASSAULT" and token.lemma_.lower() in self.cues.rows and _row(
            args, token, own_verb, sources, targets
        ):
            return None  # "Erdogan and Putin clashed over Idlib": a row between people, no fight
        if trigger.armed_source and not kinds_of(args, sources) & ARMED_KINDS and not (
            # "Turkey said it had neutralised 300 PKK militants": a state's act against an armed
            # group is its forces' (not "residents drove out the militants")
            targets and of_state(args, sources) and kinds_of(args, targets) <= {"armed_group"}
        ):
            return None
        info = self.lexicon.types.get(trigger.type)
        if not targets and trigger.type == "AID":
            # "sent advisers to support Assad": aid goes to whom its purpose names
            targets = purpose_object(args, own_verb, exclude=sources, ousting=False, foes=False)
        if not targets and trigger.requires_target:
            return None
        if not targets and trigger.type == "SANCTION":
            targets = victims(args, token, exclude=sources)  # "imposed sanctions targeting Russia's banks"
        # PLOVER codes no aid, cooperation or sanction without a recipient; one the text does not
        # name may be the state of the place where it is given ("delivered food in Aleppo")
        host = None
        bond_object = args.direct_object(token) if token.pos_ == "VERB" else None
        mutual = (  # "Israel and Turkey cut ties": a bond the sides held with each other (below)
            not targets and len(sources) > 1 and bond_object is not None
            and bond_object.lemma_.lower() in self.cues.bonds & trigger.objects and joint_sources(token)
            and not other_party_before(args, token, sources)
        )
        if not targets and info is not None and info.requires_recipient and not mutual:
            place = clause_place(token, own_verb)
            if place is None or place.country is None:
                return None
            host = place.country
        placed = host is not None
        if not targets and token.pos_ == "NOUN" and all(
            token.left_edge.i <= args.mentions[m].start and args.mentions[m].end <= token.i for m in sources
        ):
            return None  # "the Iran deal", "a Russian truce": a name for a known thing, not a report of an act
        if trigger.not_with_clause and any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in token.children):
            return None  # "denied carrying out the attack": a statement about an act
        if trigger.not_with_clause and any(c.dep_ == "ccomp" for c in token.children) and not (
            args.target(token, ("dobj",), sources)  # "warned Syria that it risked war" is a threat
        ) and (
            # "warned it would retaliate against Israel": a warning of one's own act threatens
            trigger.type != "THREATEN" or not (targets := declared_against(args, token, sources))
        ):
            return None
        # A generic actor with no country ("officials") gives way to a named one beside it; alone,
        # it may still be placed by the event's location later (see pipeline).
        sources = [m for m in sources if not args.countryless(m)] or sources
        if token.pos_ == "NOUN" and token.dep_ == "dobj" and all(args.countryless(m) for m in sources) and (
            not received_by  # (not whoever undergoes it: "faces pressure from lawmakers" is theirs)
        ) and token.head.lemma_.lower() not in self.cues.witnessing:  # ("reported fighting by rebels")
            # "Washington ordered the deployment of troops to Kuwait": unnamed troops are those
            # of whoever orders, begins or speeds up their move
            sources = [m for m in args.subject(token.head) if not args.countryless(m)] or sources
        targets = [m for m in targets if not args.countryless(m)] if len(targets) > 1 else targets
        if not targets and trigger.type in CLAUSE_TARGET_TYPES:
            # "demanded that Erdogan force ...": the one asked is the subject of the clause.
            # ("its demand that the government resign": a noun's that-clause, parsed acl)
            complement = next((c for c in token.children if c.dep_ == "ccomp" or (
                c.dep_ == "acl" and token.pos_ == "NOUN" and that_clause(c)
            )), None)
            if complement is not None:
                targets = [m for m in args.subject(complement) if m not in sources]
        if not targets and trigger.type not in HOSTILE_TYPES and token.dep_ == "acl" and token.tag_ == "VBN" and (
            set_off(token)
        ):  # "Arab tribes, backed by a US-led coalition,": backing told of no actor is no event
            return None  # (a town "captured by Isis" is still an attack on its state)
        if not targets and trigger.type == "ACCUSE" and token.pos_ == "NOUN":
            # "prompted a rebuke by Germany's chancellor, who warned that Moscow risked new
            # sanctions": whom the rebukers' words are about is whom they rebuke
            targets = rebuked(args, token, sources, self.cues.reporting | self.cues.warning)
        if not targets and trigger.rule == "demand":
            # "told Netanyahu that the settlements must stop": asked of whom the saying addresses
            targets = args.target(token, ("dobj", "iobj", "to"), sources)
        if not targets and trigger.rule in ("blame", "demand", "appeal"):
            # blaming no actor is no accusation ("analysts said the plan was criminal"), saying
            # what should happen with no one to do it no demand ("said reason must prevail"),
            # wanting no actor to act no appeal ("wants the war to end")
            return None
        destination = args.direct_object(token)
        addressed = trigger.type == "REQUEST" and destination is not None and any(
            c.dep_ == "xcomp" and infinitive(c) for c in token.children
        )  # "implored its sponsor to defend it from the Turks": the one asked is the object, unnamed
        if not targets and not placed and not addressed and token.pos_ == "VERB" and trigger.target != () and not (
            destination is not None and destination.ent_type_ in ("GPE", "LOC", "FAC")
        ):  # "visited Ankara to row back on ... Trump's plan": Ankara is the recipient's place
            # "refused to deploy peacekeepers in Iraq", "threatened to impose curbs on German
            # goods": the recipient stands inside the complement the verb governs.
            # (a protest's place is where it happens, not whom it addresses: "blocked streets in
            # Hong Kong in defiance of the Chinese authorities")
            # (nor is a fight's: "fighting in Syria" is no fight against Syria, see pipeline)
            places = trigger.type not in PLACE_NOT_RECIPIENT_TYPES and token.lemma_.lower() not in self.cues.fights
            content = trigger.type in CLAUSE_TARGET_TYPES
            targets = args.complement_actors(token, exclude=sources, places=places, content=content,
                                             owned=trigger.type == "MOBILIZE", topics=trigger.type in GIVING_TYPES)
        if not targets and destination is not None and destination.lemma_.lower() in self.cues.gatherings and (
            token.lemma_.lower() not in self.cues.hosting
        ) and not (trigger.type in RECIPROCAL_TYPES and len(sources) > 1 and joint_sources(token)):
            # "said they would not attend the talks": a meeting the text brought up before is
            # attended or shunned at the invitation of its hosts, named there (not hosted: "Iran
            # will host the talks" is no act towards its co-hosts; two sides holding the talks
            # meet each other, below: "Turkey and Iran held the talks in Sochi")
            own = set(actor_ids(args, sources))
            targets = [m for m in args.earlier_author(destination) if args.mentions[m].actor_id not in own]
        if not targets and trigger.type == "REJECT":
            targets = defied(args, own_verb, exclude=sources)  # "refused despite US pressure"
        if not targets and trigger.type == "ASSAULT":
            targets = victims(args, token, exclude=sources)  # "airstrikes that killed civilians"
        if not targets and trigger.type in HOSTILE_TYPES:
            # "launched a campaign in Afrin in an effort to drive out Kurdish militias": whom the
            # act is for ousting or defeating is whom it is against
            targets = purpose_object(args, own_verb, exclude=sources)
        if not targets and trigger.type == "PROTEST":
            # "blocked a road to show their disapproval of US policies": a protest is addressed
            # to whom its purpose names
            targets = purpose_object(args, own_verb, exclude=sources, ousting=False)
        if not targets and trigger.type in CONDITION_TARGET_TYPES and token.pos_ == "VERB":
            # "threatened to quit the talks if the US deploys missiles": the threat is aimed at
            # the one whose act would set it off.
            targets = condition_subject(args, token, exclude=sources)
        if trigger.converse:
            # "rebels received weapons from the government": the giver acts, the receiver gets
            if not targets:
                return None
            sources, targets = targets, sources
        if trigger.joint_cameo and not targets:
            # (a partner is someone: "war games with 100,000 troops" are held alone)
            partners = [m for m in args.target(token, ("with",), sources) if not args.countryless(m)]
            if partners or (len(sources) > 1 and joint_sources(token)):
                # "French and Greek warships began war games", "held drills with the Indian navy":
                # exercises held together are a military exchange (PLOVER COOPERATE), no mobilisation
                trigger = dataclasses.replace(trigger, type="COOPERATE", mode=None, cameo=trigger.joint_cameo)
                targets = partners
        # "deepened their ties", "a partnership": a bond the sides hold with each other; a verb
        # only when it is an act on the bond (its trigger lists the noun), not one any object
        # takes ("Russia and Iran denied their alliance" deny it to others, not each other)
        bond = token.lemma_.lower() in self.cues.bonds if token.pos_ == "NOUN" else (
            destination is not None and destination.lemma_.lower() in self.cues.bonds & trigger.objects)
        # "fought a war" is reciprocal; "bombed rebel positions" has an object, if no actor in it.
        reciprocal = (not targets and len(sources) > 1 and (trigger.type in RECIPROCAL_TYPES or bond)
                      and joint_sources(token)
                      # "US and British troops fighting in Iraq": a participle describing the
                      # nouns it follows tells what they do side by side, not to each other
                      and not describing(token)
                      and (destination is None or destination.lemma_.lower() in self.cues.joint_acts | self.cues.bonds))
        if reciprocal:
            # "Israel and Hezbollah fought": one side against the other.
            sources, targets = sources[:1], sources[1:]
        if same_sides(args, sources, targets) or (not targets and _reflexive(token)):
            return None  # "we are going to defend ourselves": the actor acts on no one else
        if trigger.armed_aid and backs_a_side_abroad(args, sources, targets):
            # "Iran is backing the Houthis": the sides of a war are backed with arms, not words
            trigger = dataclasses.replace(trigger, type="AID", mode="military", cameo=None)
        if trigger.type == "ASSAULT" and trigger.mode in RIOT_MODES and sources and all(
            doc[args.mentions[m].end - 1].lemma_.lower() in self.cues.protesting for m in sources
        ):
            # "a protester demolished the building", "rioters torched police cars": violence done
            # by those protesting is a riot (PLOVER PROTEST, riot: "violent action ... to cause
            # physical injury and/or property damage"; CAMEO 145)
            trigger = dataclasses.replace(trigger, type="PROTEST", mode="riot", cameo=None)
        # 4. How the text knows it.
        chain = attribution(token, sent, names)
        speakers = {a.name for a in chain}
        source_names = {args.actor(m).name for m in sources}
        reported = bool(speakers - source_names)
        mood = modality(token, own_verb, reported or hearsay(own_verb))
        if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.pos_ == "VERB":
            verb_mood = modality(token.head, clause_verb(token.head), reported)
            if verb_mood not in ("asserted", "reported"):
                mood = verb_mood
        rule = trigger.name
        if trigger.rule == "appeal" and mood == "hypothetical":
            return None  # "might want Obama to head back": a guess at a wish, no appeal made
        if trigger.rule == "appeal" and mood == "planned":
            mood = "reported" if reported else "asserted"  # wanting someone to act is an appeal made now
        if mood != "negated" and trigger.type == "ASSAULT" and (
            conditioned := conditional_threat(args, token, own_verb, sources)
        ):
            # "said Russia would strike back if the US attacked": a threat, made, against the US
            rule = "threat:" + trigger.name
            targets = targets or conditioned
            trigger = dataclasses.replace(trigger, type="THREATEN", mode="violence", cameo=None)
            mood = "reported" if reported else "asserted"
        if mood == "negated" and trigger.type in REFUSED_MODES and declared_refusal(token, own_verb):
            # "Obama said he would not provide support to Israel" rejects, it does not negate
            rule = "refusal:" + trigger.name
            trigger = dataclasses.replace(trigger, type="REJECT", mode=REFUSED_MODES[trigger.type], cameo=None)
            mood = "reported" if reported else "asserted"
        elif (mood in ("planned", "hypothetical") and trigger.type in ULTIMATUM_MODES and ultimatum(token, own_verb)
              and (pressed := ultimatum_target(args, token, own_verb, sources, targets)) is not None):
            rule = "ultimatum:" + trigger.name
            trigger = dataclasses.replace(trigger, type="THREATEN", mode=ULTIMATUM_MODES[trigger.type], cameo=None)
            mood = "reported" if reported else "asserted"
            targets = pressed
        elif mood != "negated" and trigger.type == "AGREE" and (act := vowed_act(
            args, token, [i for i, (t, _) in triggers.items() if t.type in VOWED_HOSTILE_TYPES], targets
        )) is not None:
            if bound_by_pact(token) or bound_by_pact(doc[act]):
                # "pledged to expel them as one of the conditions of an agreement": a term of a
                # pact, promised to its parties, warns no one; the act is planned (PLOVER THREATEN
                # is a coercive warning)
                rule = "pledge:" + triggers[act][0].name
                trigger = dataclasses.replace(triggers[act][0], rule=None)
                mood = "planned"
            else:
                rule = "vow:" + trigger.name  # "vowed to launch strikes against the militants"
                mode = "violence" if triggers[act][0].type == "ASSAULT" else None
                # "vowed to crush the rebels": promised to no one, it threatens the act's recipients
                targets = targets or args.target(doc[act], triggers[act][0].target or ("dobj",), sources)
                trigger = dataclasses.replace(trigger, type="THREATEN", mode=mode, cameo=None)
                mood = "reported" if reported else "asserted"
        clause = clause_tokens(token)
        start = min([token.i, *(args.mentions[m].start for m in sources + targets)])
        end = max([token.i + 1, *(args.mentions[m].end for m in sources + targets)])
        start, end = max(start, sent.start), min(end, sent.end)
        region = [t for t in doc[token.i : end] if t.i != token.i] or clause
        cameo, quad, goldstein = self.lexicon.code(trigger)
        joint = reciprocal or (sides and joint_noun)  # an act the sides do together or to each other
        if mood == "planned" and (intent := self.lexicon.intent(cameo)) is not None and self._intends(
            args, token, own_verb, sources
        ):
            # "wants to help Israel", "announced it would free the prisoners": an intent to
            # cooperate expressed (CAMEO 03, verbal cooperation), not the act, which is only planned
            (cameo, goldstein), quad = intent, 1
        return RawEvent(
            trigger=index,
            type=trigger.type,
            mode=trigger.mode,
            sources=sources,
            targets=targets,
            modality=mood,
            attribution=chain,
            covert=is_covert(token, clause) or any(t.lower_ in self.cues.covert for t in doc[start:end]),
            quantity=quantity(token, region),
            rule=rule,
            confidence=0.8 if targets else 0.6,
            clause_verb=own_verb.i,
            cameo=cameo,
            quad_class=quad,
            goldstein=goldstein,
            sent_start=sent.start,
            sent_end=sent.end,
            start=start,
            end=end,
            # a fight is waged by both sides, and a bond between two held by both: code the act
            # both ways (more than two parties to a bond are each party towards the others)
            extra={"mutual": ((joint or self._fought_with(args, token, sources, targets)
                               or self._answered_attack(args, token, targets))
                              and trigger.type in MUTUAL_TYPES)
                   or (joint and bond and len(sources) + len(targets) == 2),
                   **({"parties": sources + targets} if joint
                      and trigger.type not in MUTUAL_TYPES and len(sources) + len(targets) > 2 else {}),
                   **({"host": host, "placed": True} if placed and not targets else {}),
                   # "his regional tour", "Her request is that ...": with no recipient (its place
                   # may still give one, see pipeline), a mention of an act, not a report of it
                   # ("the UN's proposed truce": a participle before a noun describes the thing)
                   **({"mentioned": True} if (token.pos_ == "NOUN" and mood != "negated" and not _told(token))
                      or _prenominal(token) or describing(token) else {}),
                   # "the congress, meeting in Sochi": an act between parties with one alone
                   # named (its place may still give another, see pipeline); "a summit of Turkey,
                   # Iran and Russia" is held among its sources
                   **({"directed": True} if (self._directed(trigger.type) or trigger.directed) and mood != "negated"
                      and len(set(actor_ids(args, sources))) < 2 else {})},
        )

    def _intends(self, args: Arguments, token: Token, own_verb: Token, sources: list[int]) -> bool:
        """Whether the actors of a planned act express their own intent to do it: the subject of
        the word of intent (modality.intent_word) is among them ("Israel announced it would free
        the prisoners"; not "the Kremlin said Putin would visit Turkey", nor "Iraq wants military
        support from the US")."""
        word = intent_word(token, own_verb)
        if word is None:
            return False
        holder = with_copula(word)[-1]  # "is willing to": the copula has the subject
        return bool(set(actor_ids(args, args.subject(holder))) & set(actor_ids(args, sources)))

    def _answered_attack(self, args: Arguments, token: Token, targets: list[int]) -> bool:
        """Whether the act answers an attack its recipients made, which is coded too: "repelled an
        attack by Isis", "were fighting against an incursion by the Turkish army" (the recipients
        are the agents of an attack noun in its object or "against" phrase)."""
        if not targets or token.pos_ != "VERB":
            return False
        acts = [c for c in token.children if c.dep_ == "dobj"] + [
            p for c in token.children if c.dep_ == "prep" and c.lower_ == "against" for p in c.children
            if p.dep_ == "pobj"
        ]
        for act in acts:
            if not any(t.type == "ASSAULT" for t in self.lexicon.nouns.get(act.lemma_.lower(), ())):
                continue
            agents = {m for c in act.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                      for m in args.pobj_actors(c)}
            if agents and set(targets) <= agents:
                return True
        return False

    def _fought_with(self, args: Arguments, token: Token, sources: list[int], targets: list[int]) -> bool:
        """Whether the act is a fight held with its recipients, which both sides wage: "fought a
        war with the FARC", "clashed with Hezbollah", "the FARC, with whom Bogota fought a war"
        (a fight, by its word or its object, whose recipients stand in its "with" phrase).
        Rioters who clash with the police riot; they do not wage a fight, so both sides must be
        states or armed forces."""
        fights, lemma = self.cues.fights, token.lemma_.lower()
        obj = args.direct_object(token)
        # the act names the fight ("clashed with", "their war with") or its object does ("fought a war
        # with"); a bare "fought with X" may be fighting at X's side
        named = lemma in self.cues.foes_with or (token.pos_ == "NOUN" and lemma in fights)
        if not targets or not (named or (obj is not None and obj.lemma_.lower() in fights)):
            return False
        if not kinds_of(args, sources) | kinds_of(args, targets) <= FIGHTING_KINDS:
            return False
        if any(t.dep_ == "prep" and t.lower_ == "against" for t in token.subtree):
            return False  # "fought with the coalition against Isis": the coalition is an ally
        # ("a war with the FARC" may hang the phrase on the object, "war with the PKK" on the verb)
        holders = [token, *([token.head] if token.dep_ == "dobj" else []), *([obj] if obj is not None else [])]
        sides = {m for holder in holders for c in holder.children if c.dep_ == "prep" and c.lower_ == "with"
                 for m in args.pobj_actors(c)}
        return set(targets) <= sides


def _addressed(child: Token, trigger: Trigger) -> bool:
    """Whether a request word's child names whom it is made of: its object ("urged Iran"), or
    a preposition of its recipient with an object ("pleaded with Moscow", "appealed to Kyiv")."""
    if child.dep_ == "dobj":
        return True
    return (child.dep_ == "prep" and child.lower_ in (trigger.target or ())
            and any(g.dep_ == "pobj" for g in child.children))


def _prenominal(verb: Token) -> bool:
    """Whether a past participle describes the noun after it ("the proposed truce", "the UN's
    proposed truce", which the small model may parse as a clause whose subject is "the UN's")."""
    if verb.tag_ not in ("VBN", "VBD"):
        return False
    return (verb.dep_ == "amod" and verb.tag_ == "VBN") or any(
        c.dep_ == "nsubj" and any(g.dep_ == "case" and g.lower_ in ("'s", "’s") for g in c.children)
        for c in verb.children
    )


def _reflexive(verb: Token) -> bool:
    """Whether a verb's direct object is a reflexive pronoun ("defend ourselves", "armed
    themselves"): its subject's act on itself."""
    return any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in verb.children)


def _told(noun: Token) -> bool:
    """Whether a nominal event is told as an act: the object of a verb that carries it ("launched
    an appeal", "made threats", "held talks"), the subject of its passive ("talks were held") or
    of a verb saying what it did ("the campaign killed hundreds").
    A nominal act named some other way and with no recipient ("his regional tour", "Obama's support
    for the deal", "a history of mounting assaults") refers to an act more than it reports one.
    Saying who was behind an act, or who took part in it, tells it too ("forces were behind the
    attack", "troops took part in the assault")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "behind" and head.head.lemma_ == "be":
        return True
    if taken_part_in(noun) is not None:
        return True
    return (noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX")) or (
        noun.dep_ == "nsubj" and head.pos_ == "VERB"
    )


def _restated(args: Arguments, event: RawEvent, sentence: list[RawEvent]) -> bool:
    """An event with no recipient that an event of the same type, sources and modality tells
    with one, in a clause set out for the other or inside its words: "began a hunger strike to
    protest against Sweden's decision", "opened fire to disperse the crowd, killing one",
    "launched artillery and rocket fire against the camps" are one act each, told twice."""
    if event.targets or event.modality == "negated":
        return False
    sources = set(actor_ids(args, event.sources))
    doc = args.doc
    return any(
        other.type == event.type and other.targets and other.modality == event.modality
        and set(actor_ids(args, other.sources)) == sources
        and told_together(doc[event.trigger], doc[other.trigger])
        for other in sentence
    )


def _help_purpose(args: Arguments, event: RawEvent, sentence: list[RawEvent]) -> bool:
    """Backing told as the purpose of material help from the same actors ("sent advisers to
    support Assad", "deployed troops to back the army"): why the help was given, not another act."""
    if event.type != "SUPPORT":
        return False
    doc = args.doc
    verb = clause_verb(doc[event.trigger])
    if verb.dep_ not in ("advcl", "xcomp") or not infinitive(verb):
        return False
    sources = set(actor_ids(args, event.sources))
    return any(
        other.type in MATERIAL_HELP_TYPES and set(actor_ids(args, other.sources)) == sources
        and clause_verb(doc[other.trigger]).i == verb.head.i
        for other in sentence
    )


def _consequence(args: Arguments, event: RawEvent, sentence: list[RawEvent]) -> RawEvent:
    """A hostile act told as a participle of another hostile act of the same actors, with no
    recipient of its own, befalls the other's recipients: in "fired tear gas to disperse the
    protesters, killing two and arresting 30" the thirty arrested are protesters."""
    doc = args.doc
    trigger = doc[event.trigger]
    if event.targets or event.type not in HOSTILE_TYPES or trigger.tag_ != "VBG":
        return event
    sources = set(actor_ids(args, event.sources))
    for other in sentence:
        if (other is not event and other.targets and other.type in HOSTILE_TYPES
                and set(actor_ids(args, other.sources)) == sources and told_together(trigger, doc[other.trigger])):
            return dataclasses.replace(event, targets=other.targets)
    return event


def _protest_content(args: Arguments, event: RawEvent, sentence: list[RawEvent]) -> bool:
    """A demand or a disapproval that a protest of the same actors is staged to make: "students
    marched to demand reforms", "blocked a road to show their anger at the policy" are protests,
    which PLOVER codes as PROTEST only (its REQUEST leaves out protests making requests)."""
    if event.type not in PROTEST_CONTENT_TYPES:
        return False
    sources = set(actor_ids(args, event.sources))
    doc = args.doc
    return any(
        other.type == "PROTEST" and set(actor_ids(args, other.sources)) == sources
        and told_together(doc[event.trigger], doc[other.trigger])
        for other in sentence
    )


def _row(args: Arguments, token: Token, verb: Token, sources: list[int], targets: list[int]) -> bool:
    """Whether a clash (cues ``rows``) is a row, not a fight: between people only; one state at
    odds with no one named, no force on either side, nowhere ("Qatar has clashed with other Arab
    states"; "Indian and Chinese troops clashed" are forces, "India and China clashed" two sides,
    each the other's foe, "Turkey clashed near Afrin" fought); or a person on a side and no force
    on any, nowhere ("Erdogan clashed with the EU over refugees"; "Haftar clashed with the
    government near Tripoli" fought)."""
    kinds = kinds_of(args, sources + targets)
    if kinds == {"person"}:
        return True
    if not targets:
        return len(sources) == 1 and kinds <= {"state", "government", "person"} and not _placed_phrase(token, verb)
    return "person" in kinds and kinds <= ROW_KINDS and not _placed_within(verb)


def _placed_phrase(token: Token, verb: Token) -> bool:
    """Whether an act or its clause's verb has a place phrase naming a place ("clashed near
    Manbij"), known to the gazetteer or not (the small model may tag a town as anything but a
    place: a name will do)."""
    return any(
        prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS
        and any(o.dep_ == "pobj" and (o.ent_type_ in ("GPE", "LOC", "FAC") or o.pos_ == "PROPN") for o in prep.children)
        for holder in (token, verb) for prep in holder.children
    )


def _placed_within(verb: Token) -> bool:
    """Whether a clause names a place anywhere in it, its objects' own phrases included
    ("clashed with the government near Tripoli", "south of Tripoli"): a place word after any
    preposition but those naming the sides, or a name after a preposition of place."""
    return any(
        o.dep_ == "pobj" and (
            (o.ent_type_ in ("GPE", "LOC", "FAC") and o.head.lower_ not in ("with", "against"))
            or (o.head.lower_ in PLACE_PREPS and o.pos_ == "PROPN")
        )
        for o in verb.subtree
    )


def _bodies_of_fighters(verb: Token, bodies: frozenset[str]) -> bool:
    """Whether a verb's subject and object are both bodies of fighters (troops, forces)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return subject is not None and obj is not None and all(
        t.lemma_.lower() in bodies for t in (subject, obj)
    )


@Language.factory(
    "newsgraph_events",
    requires=["doc._.ng_mentions", "token.dep", "token.lemma"],
    assigns=["doc._.ng_events"],
)
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    """spaCy factory: the event stage over the bundled lexicon."""
    return EventCoder(nlp, load_lexicon())
