"""Who did it and to whom: event arguments read off the dependency parse.

Works on the mentions the actor stage put on the Doc (``doc._.ng_mentions``): an argument is a
token of the parse, and its actors are the mentions that token heads (the token itself, its
apposition, its modifiers, "of" phrases of group words, and its conjuncts). What pronouns,
relative pronouns and "we" stand for is ``anaphora.Anaphora``'s, which ``Arguments`` extends.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from newsgraph.actors.kb import Agent, load_kb
from newsgraph.actors.names import MentionSpan
from newsgraph.events.anaphora import FIRST_PERSON, PRONOUN_KINDS, Anaphora
from newsgraph.events.clauses import (
    ADJUNCT_PREPS,
    PASSIVE_SUBJ,
    RELATIVE_PRONOUNS,
    SOURCE_PREPS,
    SUBJ,
    backer,
    bare_participle,
    object_gap,
    shared_passive,
    speech_medium,
    stranded_object,
    taken_part_in,
)
from newsgraph.events.modality import leave_for, load_cues, word_lemma
from newsgraph.models import Actor
from newsgraph.places import as_place
from newsgraph.syntax import act_objects, clause_verb, infinitive, of_objects, phrase_objects

_NO_DESCENT = {"ccomp", "advcl", "relcl", "nsubj", "nsubjpass", "csubj", "parataxis", "acl"}
# Subordinators spaCy's small model may read as prepositions, leaving a clause without subject.
SUBORDINATORS = {"as", "while", "after", "before", "since", "until", "because", "when", "once"}
OBJECT_CONTROL = {
    "order", "ask", "urge", "persuade", "force", "tell", "allow", "encourage", "invite",
    "instruct", "request", "call", "press", "pressure", "push", "help", "authorize",
    "authorise", "permit", "compel", "convince", "direct", "warn", "advise", "leave",
}
# Nouns whose actor is the one they are "of": "agents of the Russian intelligence".
GROUP_WORDS = {
    "group", "member", "members", "agent", "agents", "commander", "commanders", "leader",
    "leaders", "leadership", "head", "chief", "official", "officials", "representative",
    "representatives", "delegation", "envoy", "minister", "spokesman", "spokeswoman",
    "fighter", "fighters", "troops", "forces", "army", "government", "regime", "dozens", "scores",
    "hundreds", "thousands", "some", "unit", "units", "wing", "faction", "soldiers", "militants",
    "incarnation", "remnant", "element", "part", "branch", "supporter", "follower", "force",
    "troop", "soldier", "militant", "affiliate", "ally", "proxy", "cell", "division", "brigade",
    "battalion", "ambassador", "spokesperson", "inhabitant", "inhabitants", "population",
}


class Arguments(Anaphora):
    """Finds actor mentions for parse tokens of one Doc."""

    # Actors of a token --------------------------------------------------------------------
    def actors_of(self, token: Token, depth: int = 0) -> list[int]:
        """Mention indices an argument token stands for (conjuncts included)."""
        found = self._head_actors(token, depth)
        if found:
            # "Syrian and Russian jets", "German and French diplomats": the head names one, its
            # listed modifiers the others
            others = [m for m in self._listed_modifiers(token) if m not in found]
            found = sorted(found + others, key=lambda m: self.mentions[m].start)
        for child in self._name_children(token):
            # "Saudi Arabia, the UAE, Bahrain and Egypt": a list parsed as apposition + conjuncts.
            listed = (child.dep_ == "appos" and self.index[child.i] >= 0 and found
                      and any(c.dep_ == "conj" for c in child.children))
            if child.dep_ == "conj" or listed:
                found.extend(m for m in self.actors_of(child, depth + 1) if m not in found)
        return found

    def _name_children(self, token: Token) -> list[Token]:
        """The token's children, and those any other word of its name has outside the name: the
        small model may split a name ("Barack" the subject, "Obama" its object) and hang the
        conjunct "and Vladimir Putin" on the second word."""
        if (m := self.index[token.i]) < 0:
            return list(token.children)
        mention = self.mentions[m]
        words = [token, *(self.doc[i] for i in range(mention.start, mention.end) if i != token.i)]
        return [c for w in words for c in w.children
                if w.i == token.i or not mention.start <= c.i < mention.end]

    def _listed_modifiers(self, token: Token) -> list[int]:
        """Mentions of coordinated modifiers before a head: "US and British" of "activists"."""
        modifiers = [c for c in token.children if c.dep_ in ("amod", "nmod", "compound") and c.i < token.i]
        if not any(c.conjuncts for c in modifiers):
            return []
        # the small model may hang part of the list on the head ("Egyptian, Jordanian and Saudi")
        found: list[int] = []
        for child in modifiers:
            for word in (child, *child.conjuncts):
                if (m := self.index[word.i]) >= 0 and m not in found:
                    found.append(m)
        return found

    def _head_actors(self, token: Token, depth: int) -> list[int]:
        if depth > 4:
            return []
        if self.index[token.i] >= 0:
            mention = self.mentions[self.index[token.i]]
            if mention.actor_id.startswith("*."):
                if owner := self.owner(token, depth):
                    return owner  # "commanders of the Northern Alliance": the alliance acts
                for child in token.children:
                    # "Daesh [Isis] fighters", "Hezbollah militants": unnamed members named after
                    # the armed group before them act for it (a bracketed gloss splits the name)
                    if (child.dep_ in ("compound", "nmod") and child.i < token.i
                            and (m := self.index[child.i]) >= 0 and not self.countryless(m)
                            and self.actor(m).kind == "armed_group"):
                        return [m]
                for child in token.children:
                    # "the Kurdistan Workers' party (PKK)": the name in brackets is who it is
                    if child.dep_ == "appos" and (named := self._head_actors(child, depth + 1)) and not any(
                        self.countryless(m) for m in named
                    ):
                        return named
                possessor = self._possessor(token)
                if possessor is not None and self._member_of(token, mention, possessor):
                    return [possessor]  # "the Houthis' spokesman", "its fighters": the group's own
                self._possessor_country(mention, possessor)
            return [self.index[token.i]]
        if token.lower_ in PRONOUN_KINDS:
            resolved = self.pronoun(token)
            if resolved is not None and self.countryless(resolved):
                mention = self.mentions[resolved]
                return self.owner(self.doc[mention.start : mention.end].root, depth + 1)
            return [resolved] if resolved is not None else []
        if token.lower_ in FIRST_PERSON:
            return self.speaker(token)
        if token.lower_ in RELATIVE_PRONOUNS:
            # "Washington, which works with ...", "the PKK, with whom Ankara has fought ..."
            clause = token.head.head if token.dep_ == "pobj" else token.head
            if clause.dep_ == "relcl" and clause.head.i != token.i and (
                found := self.actors_of(clause.head, depth + 1)
            ):
                return found
            return self._antecedent(token)

        if token.lemma_.lower() in load_cues().mishaps and not any(
            c.dep_ == "poss" or (c.dep_ in ("prep", "agent") and c.lower_ == "by") for c in token.children
        ):  # (a possessor or a by-phrase names a doer: "North Korea's sinking of a warship")
            return []  # "the Malaysia Airlines crash killed ...": an accident has no doer
        for child in token.children:
            if child.dep_ == "appos" and (found := self._head_actors(child, depth + 1)):
                return found
        if token.lower_ in load_cues().stateless_people_names and (
            poss := next((c for c in token.children if c.dep_ == "poss" and c.i < token.i), None)
        ) is not None:
            return self._people_of(token, poss, depth)
        if token.lemma_.lower() in load_cues().homelands and (
            poss := next((c for c in token.children if c.dep_ == "poss" and c.i < token.i), None)
        ) is not None:
            return self._homeland(token, poss, depth)
        # Names before descriptions: "the Iran-allied Houthi movement" is the Houthis.
        group = token.lemma_.lower() in GROUP_WORDS or token.lower_ in GROUP_WORDS
        for deps in (("compound", "nmod"), ("poss",), ("amod", "npadvmod")):
            if token.lemma_.lower() in load_cues().relational_nouns and deps != ("compound", "nmod"):
                continue  # "its neighbour", "Russia's ally": someone other than the possessor
            if group and deps == ("amod", "npadvmod") and (owner := self._of_actors(token, depth)):
                return owner  # "the Syrian branch of the PKK": the PKK, wherever the branch is
            for child in token.children:
                if deps == ("amod", "npadvmod") and child.tag_ in ("VBN", "JJ") and (
                    child.lemma_.lower() in load_cues().backing
                ):
                    continue  # "a US-backed Kurdish force" is not the US (cues `backing`)
                if deps == ("amod", "npadvmod") and any(
                    c.dep_ == "amod" and child.i < c.i < token.i and c.lower_ in load_cues().stateless_peoples
                    for c in token.children
                ):
                    continue  # "the main Syrian Kurdish groups" are Kurds of Syria, not its state
                if child.dep_ in deps and child.i < token.i and (found := self._head_actors(child, depth + 1)):
                    return found
        if found := self._sent_by(token, depth):
            return found
        # "incarnations of the Free Syrian Army", "agents of the Russian intelligence"
        if group:
            return self._of_actors(token, depth)
        if token.lemma_.lower() in load_cues().facilities:
            # "a camp for Congolese refugees", "the positions of the rebels": who is struck there
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("for", "of") and (found := self.pobj_actors(child)):
                    return found
        # "comments made by Donald Trump", "rhetoric coming from Turkey": whose the thing is
        for child in token.children:
            if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() not in load_cues().backing:
                # (not a backer: "shelled Homs, backed by Russian jets" is no shelling of Russia)
                # "a missile believed to have been fired by rebels": the raised verb's agent
                raised = [child, *(c for c in child.children if c.dep_ == "xcomp" and c.tag_ == "VBN")]
                agent = next((c for verb in raised for c in verb.children if c.dep_ == "agent"), None)
                if agent is not None and (found := self.pobj_actors(agent)):
                    return found
            if child.dep_ == "acl" and child.tag_ == "VBG" and child.lemma_.lower() in load_cues().origin:
                origin = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "from"), None)
                if origin is not None and (found := self.pobj_actors(origin)):
                    return found
        return []

    def _attacks_own(self, token: Token, possessors: list[int], depth: int) -> bool:
        """Whether a homeland's possessor found is the subject of the verb of striking (cues
        `striking`) it is the object of: "refugees said Russian jets had bombed their country" is
        the refugees' country, not Russia ("their" was read as the jets); "their own country"
        says it is theirs."""
        verb = token.head
        if (token.dep_ != "dobj" or verb.lemma_.lower() not in load_cues().striking
                or any(c.lower_ == "own" for c in token.children)):
            return False
        doers = {self.actor(m).id for c in verb.children if c.dep_ == "nsubj" for m in self._head_actors(c, depth + 1)}
        return bool(doers) and doers == {self.actor(m).id for m in possessors}

    def _homeland(self, token: Token, poss: Token, depth: int) -> list[int]:
        """ "Zelensky said Russia attacked his country": a country someone possesses is the state
        of the possessor's country, not the possessor; a state possessor is itself ("its own
        country"). Nothing when the possessor or its country is unknown. The state gets a mention
        of its own on the noun, so that the event stands on the words that name it."""
        found = self._head_actors(poss, depth + 1)
        if self._attacks_own(token, found, depth):
            return []
        if found and all(self.actor(m).kind == "state" for m in found):
            return found
        countries = {self.actor(m).country for m in found}
        if len(countries) != 1 or (state := load_kb().state(countries.pop())) is None:
            return []
        return [self._mention_on(token, state, "coref")]

    def _people_of(self, token: Token, poss: Token, depth: int) -> list[int]:
        """ "Syria's Kurds": a people a state possesses is that state's people (an ethnic group,
        PLOVER's CVL), not the state; nothing when the possessor is no single state."""
        found = self._head_actors(poss, depth + 1)
        if len(found) != 1 or (state := self.actor(found[0])).kind != "state" or not state.country:
            return []
        people = load_kb().agent_actor(state.country, Agent(kind="population", sector="CVL"))
        return [self._mention_on(token, people, "agent")]

    def _mention_on(self, token: Token, actor: Actor, method: str) -> int:
        """A mention of ``actor`` on a word no mention covered, so that an event stands on the
        word that names it ("his country", "Syria's Kurds"); its index."""
        self.actors[actor.id] = actor
        self.mentions.append(MentionSpan(token.i, token.i + 1, actor.id, method))
        self.index[token.i] = len(self.mentions) - 1
        return self.index[token.i]

    def owner(self, token: Token, depth: int = 0) -> list[int]:
        """Whom a generic agent acts for: "commanders of the Northern Alliance", "militants loyal
        to Zarqawi", "Vietnamese-led forces"."""
        return self._of_actors(token, depth) or self._leader(token, depth) or self._sent_by(token, depth)

    def _sent_by(self, token: Token, depth: int) -> list[int]:
        """ "a delegation from Qatar", "envoys from the EU": people one body sends or employs
        (cues `envoys`) act for the body their own "from" phrase names."""
        return self._phrase_actors(token, "from", depth) if token.lemma_.lower() in load_cues().envoys else []

    def _leader(self, token: Token, depth: int) -> list[int]:
        """ "Vietnamese-led forces", "militants loyal to Zarqawi": generic forces act for the named
        actor leading them, or whom they are loyal to."""
        for child in token.children:
            if child.dep_ == "amod" and child.lemma_.lower() == "lead" and child.i < token.i:
                found = self._head_actors(child, depth + 1)
            elif child.dep_ == "amod" and child.lemma_.lower() in load_cues().allegiance and child.i > token.i:
                found = [m for prep in child.children if prep.dep_ == "prep" and prep.lower_ == "to"
                         for m in self.pobj_actors(prep)]
            else:
                continue
            if found and not any(self.countryless(m) for m in found):
                return found
        return []

    def _possessor(self, token: Token) -> int | None:
        """The mention a generic agent's possessor names: a pronoun resolved ("his intelligence
        agents", "our army" said by Erdogan), or an actor named ("the Houthis' spokesman",
        "the country's military"); None when there is none."""
        poss = next((c for c in token.children if c.dep_ == "poss"), None)
        if poss is None:
            return None
        if poss.lower_ in FIRST_PERSON:
            resolved = next(iter(self.speaker(poss)), None)
        else:
            resolved = self.pronoun(poss) if poss.lower_ in PRONOUN_KINDS else self.index[poss.i]
        return None if resolved is None or resolved < 0 else resolved

    def _member_of(self, token: Token, mention: object, owner: int) -> bool:
        """Whether a generic agent a non-state organisation possesses is one of its own people
        ("Hamas's spokesman", "the UN's envoy", "the Taliban's fighters"), who act for it; not
        someone it holds or harms ("the group's hostages")."""
        group = self.actors.get(self.mentions[owner].actor_id)
        generic = self.actors.get(mention.actor_id)  # type: ignore[attr-defined]
        return group is not None and generic is not None and load_kb().own_people(
            group, token.lemma_.lower(), generic.kind
        )

    def _possessor_country(self, mention: object, owner: int | None) -> None:
        """ "his intelligence agents", "the country's military": a generic agent takes the country
        of its possessor (``owner``, from ``_possessor``)."""
        if owner is None:
            return
        possessor = self.actors.get(self.mentions[owner].actor_id)
        generic = self.actors.get(mention.actor_id)  # type: ignore[attr-defined]
        if possessor is None or generic is None or not possessor.country or not generic.sector:
            return
        actor = load_kb().agent_actor(possessor.country, Agent(kind=generic.kind, sector=generic.sector))
        self.actors[actor.id] = actor
        mention.actor_id = actor.id  # type: ignore[attr-defined]

    def _of_actors(self, token: Token, depth: int) -> list[int]:
        return self._phrase_actors(token, "of", depth)

    def _phrase_actors(self, token: Token, word: str, depth: int) -> list[int]:
        """The actors of the first of a word's ``word`` phrases that names any ("commanders of
        the Northern Alliance", "envoys from the EU")."""
        phrases = phrase_objects(token, (word,))
        return next((found for pobj in phrases if (found := self.actors_of(pobj, depth + 1))), [])

    def _of_phrases(self, noun: Token) -> list[Token]:
        """The objects of a noun's "of" phrases, and of theirs past a quantity: "ten days of one
        of the campaigns" gives "one" and "campaigns"."""
        quantifiers = load_cues().quantifiers
        found: list[Token] = []
        holders = [noun]
        while holders and len(found) < 4:
            holder = holders.pop(0)
            for pobj in of_objects(holder):
                found.append(pobj)
                if pobj.lemma_.lower() in quantifiers:
                    holders.append(pobj)
        return found

    def _companions(self, subject: Token, verb: Token) -> list[int]:
        """Actors a subject acts together with, named in an aside set off by a comma: "France,
        along with Britain,", "Turkey, together with Russia," (on the subject or on the verb)."""
        found: list[int] = []
        for holder in (subject, verb):
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.i == 0 or self.doc[prep.left_edge.i - 1].text != ",":
                    continue
                if prep.lower_ == "along":
                    withs = [w for w in prep.children if w.dep_ == "prep" and w.lower_ == "with"]
                elif prep.lower_ == "with" and any(c.lower_ == "together" for c in prep.children):
                    withs = [prep]
                else:
                    continue
                found.extend(m for w in withs for m in self.pobj_actors(w) if m not in found)
        return found

    def between(self, trigger: Token) -> list[int]:
        """Actors of a "between X and Y" phrase on a trigger, or on a clause describing it
        ("talks that started last year between Baghdad and Damascus"), in text order."""
        holders = [trigger, *(c for c in trigger.children if c.dep_ in ("relcl", "acl"))]
        if trigger.dep_ == "compound":
            holders.append(trigger.head)  # "a mediation effort between Riyadh and Tehran"
        for holder in holders:
            for child in holder.children:
                if child.dep_ == "prep" and child.lower_ == "between":
                    return self.pobj_actors(child)
        return []

    def subject(self, verb: Token, depth: int = 0) -> list[int]:
        """Actors doing what ``verb`` says: its subject, the passive agent, or an inherited one."""
        if depth > 5:
            return []
        passive = bare_participle(verb) or shared_passive(verb) is not None or any(
            c.dep_ in PASSIVE_SUBJ or c.dep_ == "auxpass" for c in verb.children
        )
        if depth == 0 and verb.lemma_.lower() in load_cues().dying:
            # (a clause under it keeps its subject: "died fighting with the YPG")
            return self._lethal_act_doers(verb)
        for child in verb.children:
            if passive and child.dep_ == "agent":
                return self.pobj_actors(child)
            if not passive and child.dep_ in SUBJ and (focus := _cleft_focus(verb, child)) is not None:
                return self.actors_of(focus)  # "it is Israel that struck first": Israel
            if not passive and child.dep_ in SUBJ:
                found = self.actors_of(child)
                # "France, along with Britain, has sent warships": both send them
                return found + [m for m in self._companions(child, verb) if m not in found] if found else found
        if passive:
            # "were killed in Israeli shelling": the act named in the adjunct has the actor (an
            # agent is no adjunct here: the passive took its actors above)
            for pobj in act_objects(verb):
                if pobj.lemma_.lower() in load_cues().quantifiers:
                    # "killed in one of the deadliest attacks by the Taliban": the act it counts
                    pobj = next(iter(self._of_phrases(pobj)), pobj)
                if pobj.pos_ == "NOUN" and pobj.lemma_.lower() not in load_cues().settlements and (
                    found := self.noun_source(pobj, within=verb.i)
                ):
                    return found
            if verb.lemma_.lower() in load_cues().launching:
                # "a mortar bomb was fired at Israel from the Gaza Strip": fire from a place held
                # by an actor is that actor's
                for child in verb.children:
                    if child.dep_ == "prep" and child.lower_ == "from" and (found := self.pobj_actors(child)):
                        return found
            if depth > 0 or verb.lemma_.lower() in load_cues().involving:
                # "Obama is scheduled to attend": a passive raising verb passes on its subject;
                # "troops were engaged in ethnic cleansing": who is engaged in an act does it
                for child in verb.children:
                    if child.dep_ in PASSIVE_SUBJ:
                        return self.actors_of(child)
                if verb.dep_ == "conj" and verb.head.i != verb.i:
                    # "Iran denies it, but is widely believed to be supporting the Houthis"
                    return self.subject(verb.head, depth + 1)
            return []
        if verb.tag_ == "VBG" and (found := self._gerund_agent(verb)):
            return found  # "Kyiv reported shelling by Russian forces": not Kyiv's shelling
        if _witnessed(verb):
            return []  # "the OSCE reported shelling near Donetsk": no doer named
        if _reduced_relative(verb):
            return []  # "to house members of the militia detained in the war": no captor named
        if verb.dep_ in ("advcl", "conj", "ccomp", "ROOT") and (stranded := self._stranded_subject(verb)):
            return stranded
        head = verb.head
        if verb.dep_ in ("xcomp", "advcl") and infinitive(verb) and head.lemma_ in OBJECT_CONTROL and any(
            c.dep_ == "auxpass" for c in head.children
        ):
            # "Greece was pressured by Germany to send troops": the one pressed acts, not the agent
            # (unnamed "troops were ordered by Germany to attack" are the agent's, as in the active)
            made = [m for c in head.children if c.dep_ in PASSIVE_SUBJ for m in self.actors_of(c)]
            if not all(self.countryless(m) for m in made):
                return made
        if verb.dep_ == "xcomp" and head.lemma_ in OBJECT_CONTROL:
            controllers = [c for c in head.children if c.dep_ in ("dobj", "iobj")]
            if controllers:
                # "urged the counterpart to sign": the object acts, even when it names no actor
                # (the small model may split one object in two: "convince US president | Trump")
                found = [m for c in controllers for m in self.actors_of(c)]
                if head.lemma_.lower() in load_cues().commands:
                    self._commanded(found, head, depth)
                return found
        cues = load_cues()
        # "put pressure on Assad to negotiate", "a call on the rebels to withdraw": the pressed act
        nouns = [n for n in (head, *head.children) if n.pos_ == "NOUN" and n.lemma_.lower() in cues.pressing]
        holders = [*nouns, head] if nouns and nouns[0] is not head else nouns  # "put pressure | on Assad"
        pressed = [p for n in holders for o in n.children if o.dep_ == "prep" and o.lower_ == "on"
                   for p in o.children if p.dep_ == "pobj"]
        if verb.dep_ in ("xcomp", "advcl", "acl") and infinitive(verb) and pressed:
            return [m for p in pressed for m in self.actors_of(p)]
        if (leave := leave_for(verb)) is not None:
            return self._permitted(leave)  # "gave permission to Russia to help Israel": Russia helps
        if verb.dep_ == "xcomp" and head.dep_ == "acomp" and head.lemma_.lower() in cues.readiness:
            return self.subject(head.head, depth + 1)  # "the US must be ready to mediate"
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.dep_ == "acomp" and (
            head.head.lemma_.lower() in cues.doer_adjectives
        ):
            return self.subject(head.head.head, depth + 1)  # "both sides are guilty of violating"
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in cues.gerund_object_control:
            governor = head.head
            controller = [c for c in governor.children if c.dep_ in ("dobj", *PASSIVE_SUBJ)]
            if controller:
                return self.actors_of(controller[0])  # "Iran (was) accused (X) of supplying ..."
        if (verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in cues.gerund_adjuncts
                and head.head.pos_ in ("VERB", "AUX") and head.head.lemma_.lower() not in cues.reporting):
            # "launched it after gaining approval", "in siding with the SDF": the clause's subject
            # ("before attacking Kabul, Debka reported": a reporter is no doer of what it reports)
            return self.subject(head.head, depth + 1)
        if verb.dep_ in ("advcl", "xcomp") and infinitive(verb) and head.lemma_.lower() in cues.equipping:
            return self._equipped(head)
        if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp") and head.i != verb.i:
            return self.subject(head, depth + 1)
        if verb.dep_ == "relcl":
            if infinitive(verb):
                # "has done the most to support X": an infinitive takes the clause's subject
                governor = clause_verb(head)
                return self.subject(governor, depth + 1) if governor.i != verb.i else []
            return self.actors_of(head)
        if verb.dep_ == "acl" and head.i != verb.i:
            if verb.tag_ == "VBN":  # "a coalition supported by the US": the agent acts
                agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                if agent is None and any(c.dep_ == "dobj" for c in verb.children):
                    # a passive takes no object: "Russian aircraft conducted strikes" misparsed
                    return self.actors_of(head)
                return self.pobj_actors(agent) if agent is not None else []
            if found := self.actors_of(head):
                return found
            if verb.tag_ == "VBG" and head.dep_ == "dobj" and head.head.pos_ == "VERB":
                # "issued a declaration demanding ...": whoever issued it demands
                return self.subject(head.head, depth + 1)
            return []
        return []

    def _lethal_act_doers(self, verb: Token) -> list[int]:
        """ "Two soldiers died in a Russian air strike": the doers of the lethal act (cues
        `lethal_acts`) a verb of dying's "in", "during" or "by" phrase names; none for a death
        of illness, in a crash or in a place."""
        lethal = load_cues().lethal_acts
        return next((found for pobj in act_objects(verb) if pobj.lemma_.lower() in lethal
                     and (found := self.noun_source(pobj, within=verb.i))), [])

    def _commanded(self, found: list[int], command: Token, depth: int) -> None:
        """ "Putin ordered troops to withdraw": unnamed forces a leader commands (cues `commands`)
        are those of the commander's country, as a possessor's are ("his troops")."""
        if not found or not all(self.countryless(m) for m in found):
            return
        commanders = [m for m in self.subject(command, depth + 1) if not self.countryless(m)]
        if len({self.actor(m).country for m in commanders}) == 1:
            for m in found:
                self._possessor_country(self.mentions[m], commanders[0])

    def _gerund_agent(self, verb: Token) -> list[int]:
        """The actors of a subjectless gerund's own "by" phrase: "reported shelling by Russian
        forces" is the forces' act, as a noun's "by" phrase says, not the reporter's."""
        for child in verb.children:
            if child.dep_ in ("prep", "agent") and child.lower_ == "by" and (found := self.pobj_actors(child)):
                return found
        return []

    def _permitted(self, leave: Token) -> list[int]:
        """Who is given a noun of leave, and so does the act it allows: the recipient of the verb
        that gives it ("gave Russia permission", "granted permission to Russia"), the noun's "for"
        phrase, the subject of its act ("permission for Russia to land") or the actor named on it
        ("permission for Russia", "Russia's permission"), or the subject of a verb of getting it
        ("Russia won permission"). None named, none."""
        giver = leave.head if leave.head.i != leave.i else None
        if giver is not None and leave.dep_ == "dobj":
            for child in giver.children:
                if child.dep_ in ("dative", "iobj") and child.pos_ != "ADP":
                    return self.actors_of(child)
                if child.dep_ in ("dative", "prep") and child.lower_ == "to":
                    return self.pobj_actors(child)
        for child in leave.children:
            if child.dep_ == "prep" and child.lower_ == "for":
                return self.pobj_actors(child)
            if child.dep_ == "acl" and (subjects := [c for c in child.children if c.dep_ == "nsubj"]):
                return [m for s in subjects for m in self.actors_of(s)]  # "for US troops to attack"
        if found := self.actors_of(leave):
            return found
        if giver is not None and leave.dep_ == "dobj" and giver.lemma_.lower() in load_cues().receiving:
            return self.subject(giver, 1)
        return []

    def _equipped(self, verb: Token) -> list[int]:
        """Who does the purpose of a verb of making others fit to act: its object ("raised and
        trained militias to fight": the militias, on the last of the listed verbs), or the noun
        its participle describes ("a force raised by Washington to fight"). None named, none."""
        for holder in (verb, *verb.conjuncts):
            for child in holder.children:
                if child.dep_ == "dobj" or child.dep_ in PASSIVE_SUBJ:
                    return self.actors_of(child)
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            # (the noun alone: what a bracketed description is listed with does not act with it)
            return self._head_actors(verb.head, 0)
        return []

    def _stranded_subject(self, verb: Token) -> list[int]:
        """The subject the small model hangs on a subordinator read as a preposition: in "broke
        out as the US adviser, John Bolton, visited Ankara" the adviser is the pobj of "as" and
        "visited" has no subject."""
        left = verb.i - 1
        while left >= 0 and verb.doc[left].is_punct:
            left -= 1
        if left < 0:
            return []
        token = verb.doc[left]
        while token.dep_ != "pobj" and token.head.i != token.i and token.head.i < verb.i:
            token = token.head
        prep = token.head
        if token.dep_ == "pobj" and prep.lower_ in SUBORDINATORS and prep.i < token.i:
            return self.actors_of(token)
        if token.dep_ == "pobj" and token.ent_type_ != "DATE" and any(
            c.dep_ == "compound" and c.ent_type_ == "DATE" for c in token.children
        ):
            # "In September Turkey persuaded Russia": the date and the subject read as one phrase
            return self.actors_of(token)
        return []

    def noun_source(self, noun: Token, within: int | None = None, patient_of: bool = False) -> list[int]:
        """Actors of a nominal event: possessor, "of"/"by" phrase, modifier, or governing subject.
        With ``patient_of`` the "of" phrase names who undergoes it ("the killing of civilians")."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "under":
            return []  # "X is under pressure": X suffers the act, whoever does it
        for child in noun.children:
            if child.dep_ == "poss" and (found := self.actors_of(child)):
                return found
        for child in noun.children:
            agentive = ("by",) if patient_of else ("of", "by")
            if child.dep_ in ("prep", "agent") and child.lower_ in agentive and (found := self.pobj_actors(child)):
                return found
        for pobj in self._of_phrases(noun):
            # "the bombardment of the town by Syrian planes": the small model hangs "by" on the town
            # ("in days of one of the heaviest campaigns by the army": on the act a quantity is of)
            for child in pobj.children:
                if child.dep_ in ("prep", "agent") and child.lower_ == "by" and (found := self.pobj_actors(child)):
                    return found
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i and (found := self.actors_of(child)):
                return found
        if (verb := taken_part_in(noun)) is not None and verb.i != within:
            # "French troops took part in the killing", "the group claimed responsibility for the
            # bombing" (before the climb: the claim's object is a noun, not the verb)
            return self.subject(verb)
        cues = load_cues()
        head, setting = noun.head, False
        while head.dep_ in ("prep", "pobj", "dobj", "conj", "attr") and head.head.i != head.i:
            if head.dep_ == "prep" and head.lower_ != "of" and head.head.pos_ in ("NOUN", "PROPN"):
                # "expressed sorrow for the shootings": the event belongs to another noun's phrase,
                # not to the verb carrying that noun ("a wave of attacks" still climbs through "of")
                return []
            setting = setting or (head.dep_ == "prep" and head.lower_ in cues.setting)
            head = head.head
            if head.pos_ in ("VERB", "AUX"):
                break
        # "Karzai paid a visit", "followed up with his visit": the carrying verb's subject; not
        # of an act the clause is set after or against ("imposed sanctions after the annexation")
        carried = noun.dep_ not in ("nsubj", "nsubjpass") and head.lemma_.lower() in cues.carriers and not setting
        if head.pos_ in ("VERB", "AUX") and carried:
            # (not the verb asking: its passive adjunct would send us back here forever)
            return self.subject(head) if head.i != within else []
        if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.i == head.i and (
            head.lemma_.lower() in cues.travelling and head.i != within
        ):
            return self.subject(head)  # "negotiators returned to Vienna for talks": they take part
        if noun.dep_ == "pobj" and speech_medium(noun.head) and noun.head.head.i == head.i and head.i != within:
            # "Macron said in a phone call to Erdogan", "speaking after a meeting with May, X":
            # the speaker took part
            return self.subject(head)
        if (
            noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.i == head.i
            and noun.lemma_.lower() in cues.joint_manner and head.i != within
        ):
            return self.subject(head)  # "Russia hit Idlib in coordination with Turkey"
        return []

    def undergone(self, noun: Token) -> tuple[list[int], list[int]]:
        """(actors, recipients) of a nominal act its clause's subject undergoes, or two empty
        lists: "Turkey faced criticism from Germany", "Obama is under pressure from Berlin to
        act" (the "from" phrase acts, on the noun or on the verb; the verb's subject receives)."""
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in load_cues().undergoing:
            verb = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.pos_ in ("VERB", "AUX"):
            verb = noun.head.head
        else:
            return [], []
        preps = [c for holder in (noun, verb) for c in holder.children if c.dep_ == "prep" and c.lower_ == "from"]
        actors = [m for prep in preps for m in self.pobj_actors(prep)]
        recipients = [m for m in self.subject(verb) if m not in actors] if actors else []
        return (actors, recipients) if recipients else ([], [])

    # Targets --------------------------------------------------------------------------------
    def target(self, trigger: Token, slots: Iterable[str], exclude: Iterable[int] = ()) -> list[int]:
        """Actors in the first filled slot; a noun trigger also looks at its governing verb."""
        skip = set(exclude)
        holders = [trigger]
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "pobj", "attr"):
            verb = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
            if verb.pos_ in ("VERB", "AUX"):
                holders.append(verb)
        elif trigger.pos_ == "VERB":
            # "ordered a strike against X", "imposed sanctions on X": the object's own phrases,
            # the passive's subject included ("evidence against X was presented")
            passive = any(c.dep_ == "auxpass" for c in trigger.children)
            holders += [c for c in trigger.children if c.dep_ == "dobj" or (passive and c.dep_ in PASSIVE_SUBJ)]
            if not any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in trigger.children):
                # "armed and trained the rebels": the object hangs on the last of the verbs
                holders += [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        if trigger.dep_ == "compound" and trigger.pos_ == "NOUN" and trigger.head.pos_ == "NOUN":
            # "a sanctions package against Russia", "issued arrest warrants for two men": the
            # phrases of the noun it modifies, and of the verb taking that noun
            holders.append(trigger.head)
            if trigger.head.dep_ == "dobj" and trigger.head.head.pos_ == "VERB":
                holders.append(trigger.head.head)
        if trigger.pos_ in ("NOUN", "PROPN"):
            # "a suspension of air links with Serbia": the phrases of the noun's "of" object;
            # "attacks by the Nusra Front on Hezbollah": of its "by" object, where the small
            # model may hang the next phrase
            holders += [pobj for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("of", "by")
                        for pobj in c.children if pobj.dep_ == "pobj"]
        for slot in slots:
            for holder in holders:
                found = [m for m in self.slot_actors(holder, slot) if m not in skip]
                if found:
                    return found
        return []

    def _believed_undergone(self, verb: Token) -> list[int]:
        """Who a passive participle (or a verb of dying) under a passive verb of belief or report
        says underwent the act: the commander of "the commander was believed killed", "was
        reported to have been wounded" or "is said to have died in a strike" (the subject of the
        verb of belief, which the small model hangs there)."""
        if verb.dep_ not in ("xcomp", "oprd"):
            return []
        dying = verb.lemma_.lower() in load_cues().dying  # "is said to have died in a strike"
        if not dying and (verb.tag_ != "VBN" or not (
            bare_participle(verb) or any(c.dep_ == "auxpass" for c in verb.children)
        )):
            return []
        cues = load_cues()
        head = verb.head
        if head.lemma_.lower() not in cues.reporting | cues.believing:
            return []
        if not any(c.dep_ == "auxpass" for c in head.children):
            return []  # "the army believed it killed ...": the believer did not undergo it
        return [m for c in head.children if c.dep_ in PASSIVE_SUBJ for m in self.actors_of(c)]

    def slot_actors(self, token: Token, slot: str) -> list[int]:
        """Actors in one target slot of a word: its direct object ("dobj", passive subjects
        included), indirect object ("iobj"), or the object of a preposition named by the slot."""
        if slot == "dobj" and token.dep_ == "acl" and token.tag_ == "VBN":
            return self.summed_up(token.head) or self.actors_of(token.head)  # "a coalition supported by the US"
        if slot == "dobj" and bare_participle(token) and token.head.dep_ == "acl":
            return self.actors_of(token.head.head)  # "the commander, reported killed": the commander
        if slot == "dobj" and (held := self._believed_undergone(token)):
            return held  # "the commander was believed (to have been) killed": the commander
        if slot == "dobj" and (described := object_gap(token)) is not None:
            return self.actors_of(described)  # "the militias Turkey is battling": the militias
        if slot == "dobj" and (first := shared_passive(token)) is not None:
            token = first  # "were arrested, beaten and killed": those arrested were killed
        passive = any(c.dep_ == "auxpass" for c in token.children)
        dying = token.lemma_.lower() in load_cues().dying  # "two soldiers died in ...": the victims
        found: list[int] = []
        for child in token.children:
            if slot == "dobj" and child.dep_ == "dobj" and (opponent := self._against(child)):
                # "fought an insurgency against the Turkish state": the object names the act
                found.extend(opponent)
            elif slot == "dobj" and child.dep_ == "dobj" and child.lemma_.lower() in load_cues().enabling and (
                permitted := self._permitted(child)
            ):
                found.extend(permitted)  # "refused permission for Turkey to strike": Turkey's leave
            elif (slot == "dobj" and (
                child.dep_ == "dobj" or (passive and child.dep_ in PASSIVE_SUBJ) or (dying and child.dep_ == "nsubj")
            )) or (slot == "iobj" and child.dep_ in ("dative", "iobj")):
                found.extend(self.actors_of(child))
            elif child.dep_ in ("prep", "dative") and child.lower_ == slot:
                found.extend(self.pobj_actors(child))
        if slot == "dobj" and not found and token.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in token.children):
            # "which backs Assad": the small model may read a name right after the verb as an
            # adverb; with no object besides, it is the object
            found.extend(m for c in token.children if c.dep_ in ("advmod", "npadvmod") and c.pos_ == "PROPN"
                         and c.i == token.i + 1 and self.index[c.i] >= 0 for m in self.actors_of(c))
        if slot == "dobj" and not found:
            # "allow the refugees to return": the small model makes the object the subject of
            # an infinitive clause
            for child in token.children:
                if child.dep_ == "ccomp" and infinitive(child):
                    found.extend(m for c in child.children if c.dep_ == "nsubj" for m in self.actors_of(c))
        if slot == "dobj" and not found:
            # "rejected the names the envoy wanted to add": a thing names no one, its author does,
            # here or where the text brought the thing up ("announced plans ... opposed the plan")
            for child in token.children:
                if child.dep_ == "dobj" and not self.actors_of(child):
                    found.extend(self._author(child) or self.earlier_author(child))
        return found

    def _author(self, thing: Token) -> list[int]:
        """Actors of the subject of a clause describing a thing: the UN in "the plan that the UN
        put forward" (not "the plan that angered Iran": the clause's own subject is the thing)."""
        for clause in thing.children:
            if any(c.dep_ == "ccomp" for c in clause.children):
                continue  # "the groups it says are a threat": a view of the thing, not its maker
            if clause.dep_ in ("relcl", "acl") and clause.pos_ == "VERB" and not infinitive(clause):
                for subject in clause.children:
                    if subject.dep_ == "nsubj" and subject.lower_ not in RELATIVE_PRONOUNS:
                        return self.actors_of(subject)
        return []

    def _against(self, obj: Token) -> list[int]:
        """Actors of an "against" phrase on an object."""
        prep = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "against"), None)
        return self.pobj_actors(prep) if prep is not None else []

    def pobj_actors(self, prep: Token) -> list[int]:
        """Actors of a preposition's objects (conjuncts included)."""
        found: list[int] = []
        for child in prep.children:
            if child.dep_ in ("pobj", "pcomp"):
                found.extend(self.actors_of(child))
        if (stranded := stranded_object(prep)) is not None:
            found.extend(self.actors_of(stranded))
        return found

    def complement_actors(
        self, verb: Token, exclude: Iterable[int] = (), places: bool = True, content: bool = False,
        owned: bool = False, topics: bool = True,
    ) -> list[int]:
        """The first actors inside a verb's object or infinitive complement (not its subject,
        nor nested finite clauses), in text order: the recipient of "offered to hand over X to
        Britain". ``places``: whether place names in place phrases ("in Iraq") count. The
        excluded mentions' actors named again are no recipients ("Russia, Iran and Turkey will
        meet in the Russian resort of Sochi"). ``content``: whether the infinitive describing
        the object counts (what a rejected invitation or call is to do), as it does for acts
        whose object is a proposal rather than a thing. ``owned``: the object is the subject's
        own means (forces deployed), so whoever its "of" or "from" phrase names owns or supplies
        them and is no recipient ("deployed fighters from the Wagner group"), nor is the place
        they come from ("deployed troops from Kuwait"). Without ``topics``, a "for" phrase on a
        noun names what the thing is for, no recipient ("a committee for Syria")."""
        skip = set(exclude)
        skip_ids = {self.mentions[m].actor_id for m in skip}

        def inside(token: Token) -> bool:
            if not topics and token.dep_ == "prep" and token.lower_ == "for" and token.head.pos_ == "NOUN" and not (
                given(token.head) or any(
                    given(o) for p in token.head.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj")  # "dollars of aid for"
            ):
                return False  # "promised to set up a committee for Syria": what the thing is for
            return not (token.dep_ == "prep" and token.lower_ in ADJUNCT_PREPS | SOURCE_PREPS)

        def given(noun: Token) -> bool:
            return noun.lemma_.lower() in load_cues().given_things

        def descends(token: Token) -> bool:
            if not inside(token):
                return False
            if owned and not supplied(token):
                return False
            if token.dep_ not in _NO_DESCENT:
                return True
            # "refused to allow UN planes to land": the small model reads an object-control
            # infinitive as a clause of its own, with the controlled object as its subject
            if token.dep_ == "ccomp" and infinitive(token):
                return True
            if token.dep_ == "nsubj" and token.head.dep_ == "ccomp" and infinitive(token.head):
                return True
            # "rejected an invitation to attend a meeting of the factions": what is rejected or
            # asked for includes the infinitive that spells it out (which the small model may
            # read as a relative clause: "a call for its troops to be deployed in Haiti")
            if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.lemma_.lower() in load_cues().pacts:
                return True  # "a truce reached in March with the PKK": its parties
            return content and token.dep_ in ("acl", "relcl") and infinitive(token)

        def supplied(token: Token) -> bool:
            # ("deployed fighters from the Wagner group", "deployed the troops of its 5th division")
            if token.dep_ != "prep":
                return True
            return token.lower_ != "from" and not (token.lower_ == "of" and token.head.dep_ in ("dobj", "conj"))

        def place(token: Token) -> bool:
            return not places and as_place(token) and token.ent_type_ in ("GPE", "LOC", "FAC")

        stack = [c for c in verb.children
                 if c.dep_ in ("xcomp", "dobj", "prep", "dative", "attr", "oprd") and inside(c)
                 and (not owned or supplied(c))]
        seen: list[Token] = []
        while stack:
            token = stack.pop()
            seen.append(token)
            stack.extend(c for c in token.children if descends(c))
        for token in sorted(seen, key=lambda t: t.i):
            index = self.index[token.i]
            if index < 0:
                continue
            # the mention's head carries its conjuncts: "Sierra Leonean and Liberian refugees"
            root = self.doc[self.mentions[index].start : self.mentions[index].end].root
            if index not in skip and not self.countryless(index) and not place(root) and not backer(root):
                found = [m for m in self.actors_of(root) if m not in skip]
                if found:
                    return [m for m in found if self.mentions[m].actor_id not in skip_ids]
        return []

    def direct_object(self, verb: Token) -> Token | None:
        """The direct object token of a verb, if any."""
        return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _witnessed(verb: Token) -> bool:
    """Whether a gerund is an act a verb of witnessing (cues `witnessing`) reports without its
    own object or doer: "the OSCE reported shelling near Donetsk" is no shelling by the OSCE,
    while "the army reported killing 20 militants" is the army's. The small model may hang the
    gerund as an adverbial clause ("recorded heavy shelling"): so read only when the verb of
    witnessing has no object of its own."""
    head = verb.head
    seen = verb.dep_ in ("xcomp", "dobj") or (
        verb.dep_ == "advcl" and not any(c.dep_ == "dobj" for c in head.children)
    )
    return (
        seen and verb.tag_ == "VBG" and word_lemma(head) in load_cues().witnessing
        and not any(c.dep_ in ("dobj", "nsubj", "poss") for c in verb.children)
    )


def _reduced_relative(verb: Token) -> bool:
    """A past participle the small model reads as a verb joined to the clause (or as an adverbial
    clause) although it follows a noun with no "and" or comma between: "to house members of the
    militia detained over six years of war" describes the members, and whoever talks in the main
    clause did not detain them. (Joined verbs come after a comma or a conjunction: "shelled the
    town and captured".)"""
    if verb.dep_ not in ("conj", "advcl") or verb.tag_ not in ("VBN", "VBD") or verb.i == 0:
        return False
    if any(c.dep_ in ("mark", "agent", "aux", "auxpass") for c in verb.children):
        return False  # "after it was seized", "pushed into the city backed by US jets"
    before = verb.doc[verb.i - 1]
    return before.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ == "cc" and c.i < verb.i for c in verb.head.children
    )


def _cleft_focus(verb: Token, subject: Token) -> Token | None:
    """The named focus of a cleft sentence, whose "it" stands for no one: Israel in "it is Israel
    that struck first" (and so in "while warning of plots, it is Israel that ..."). None for any
    other subject ("it is a threat that ...": no actor; "it is ready": no cleft)."""
    if subject.lower_ != "it" or verb.lemma_ != "be":
        return None
    focus = next((c for c in verb.children if c.dep_ == "attr" and c.pos_ == "PROPN"), None)
    if focus is None:
        return None
    clause = any(c.dep_ in ("ccomp", "relcl") and any(
        g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("that", "who") for g in c.children
    ) for c in (*verb.children, *focus.children))
    return focus if clause else None
