"""The ``newsgraph_actors`` pipeline component: mentions of political actors, resolved.

Cascade, numbered as the comments use it:
  1. Dictionary matches over the knowledge base (aliases, capitals, adjectives, demonyms, agent
     words), longest first; KB matches override the statistical NER.
  2. Composition: a country word plus a sector word is one actor ("the Afghan police" -> AFG COP,
     "Pakistan's army chief" -> PAK MIL, "the foreign minister of Iran" -> IRN GOV); an office
     word before a person is their title ("President Karzai").
  3. Metonymy: a capital or seat of government as the subject of a clause ("Moscow said") is the
     government; elsewhere it is a place.
  4. NER fallback (``names.py``): persons and organisations the KB does not know become
     provisional actors; places are left to the places stage.
  5. Coreference: surnames of persons already named, and "the group" / "the country" pointing
     back to the latest actor of that kind.

Sets ``doc._.ng_mentions`` (list of MentionSpan, in text order), ``doc._.ng_actors`` (actor id ->
Actor for every actor named) and ``doc._.ng_token_mention`` (per token, index of its mention or -1).
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsgraph.actors.kb import Agent, KnowledgeBase, load_kb
from newsgraph.actors.names import RANKS, TITLE_SKIP, MentionSpan, NameResolver
from newsgraph.actors.patterns import matchers
from newsgraph.events.modality import load_cues
from newsgraph.models import Actor
from newsgraph.places import PLACE_VERBS, as_place, load_gazetteer
from newsgraph.syntax import clause_verb

for _name, _default in (("ng_mentions", None), ("ng_actors", None), ("ng_token_mention", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

SUBJECT_DEPS = {"nsubj", "nsubjpass", "agent", "poss"}
ANAPHORS = {
    "group": ("armed_group", "igo", "party", "ngo"),
    "organisation": ("igo", "ngo", "armed_group"),
    "organization": ("igo", "ngo", "armed_group"),
    "movement": ("armed_group", "party"),
    "alliance": ("igo", "armed_group"),
    "bloc": ("igo",),  # "the bloc": the EU, Asean or Mercosur named before
    "country": ("state",),
    "state": ("state",),
    "kingdom": ("state",),
    "nation": ("state",),
    "republic": ("state",),
}
# Anaphor nouns for a body of several members, which plural forces named before may be ("Kurdish
# forces ... the alliance"); "the group" is one.
_ALLIANCES = {"alliance", "bloc"}
# Nouns naming a foe by a possessive pronoun ("accusing his arch-nemesis of ...", "its old
# enemy"): the one other actor named before it in the sentence, when that is a state.
RIVALS = {"nemesis", "archenemy", "enemy", "foe", "archfoe", "rival", "archrival", "adversary"}
# Nouns naming the possessor's opposite number ("praised his counterpart's victory"): the one
# actor of another country named before it, a person or a state (see _rivals).
COUNTERPARTS = {"counterpart"}
_POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}
# Coalitions news text names by the state leading them, told apart by the foe the article names:
# (leader, foe) -> coalition. "The US-led coalition" in a story that names Islamic State is the
# coalition formed against it in 2014, not the one that invaded Iraq in 2003.
LED_COALITIONS = {("USA", "islamic-state"): "anti-isis-coalition"}
_LED = {"lead", "led", "back", "backed", "ally", "allied", "sponsor", "broker", "fund", "support",
        "arm", "run", "control", "own", "base", "train", "aligned", "align"}
ETHNIC_GROUP = Agent(kind="population", sector="CVL")  # PLOVER's agents: ETHNIC_GROUP [~CVL]
_REGION_WORDS = {"south", "north", "east", "west", "southern", "northern", "eastern", "western",
                 "central", "southeast", "southwest", "northeast", "northwest", "southeastern",
                 "southwestern", "northeastern", "northwestern"}


# Kinds of actor whose names news always writes capitalised: a name of theirs in lower case is
# the common words it is made of (Dawn, Trump, Reunion, The Times).
_CAPITALISED_KINDS = {"state", "person", "media"}
# Prefixes of taking sides ("pro-Russia", "anti-American"), hyphenated or not.
_SIDE_PREFIXES = {"pro", "anti"}
# Modifiers that make a "fighter" an aircraft ("a stealth fighter", "a fifth-generation fighter").
_AIRCRAFT = {"stealth", "jet", "combat", "multirole", "supersonic", "fifth-generation", "interceptor"}


# Kinds of a state's organs and office holders (agents.yaml), whose possessor is their state.
_ORGAN_KINDS = {"government", "military", "police", "intelligence", "judiciary", "legislature"}
# Nouns naming a state's organs, whose national adjective gives a country ("the Georgian government").
_STATE_ORGANS = {"government", "administration", "regime", "army", "military", "authorities", "cabinet",
                 "ministry", "parliament", "police"}


def _acts(token: Token) -> bool:
    """A capital that acts or is acted on ("Moscow said", "asked Washington", "talks with
    Baghdad") names its government; one that locates ("in Kabul", "to Moscow") is a place."""
    if token.dep_ == "npadvmod" and token.head.lemma_.lower() in _LED:
        return True  # "a Riyadh-led coalition"
    if token.dep_ == "dobj" and token.head.lemma_.lower() in PLACE_VERBS:
        return False  # "entered Kabul", "visited Ankara": a destination
    if token.dep_ in SUBJECT_DEPS or token.dep_ in ("dobj", "dative", "conj", "appos"):
        return token.dep_ != "conj" or _acts(token.head)
    return token.dep_ == "pobj" and token.head.lower_ in _ACTOR_PREPS


_ACTOR_PREPS = {"with", "against", "on", "by", "between", "and", "toward", "towards", "of"}
# "<agent> <preposition> <state>" names the agent's country; a locating participle may come
# between ("a militia based in Libya").
_AGENT_PLACE_PREPS = {"of", "in", "from", "throughout", "across"}
# Words of moving something from a place ("the withdrawal of troops from Syria").
_MOVES = {"withdrawal", "pullout", "evacuation", "redeployment", "removal", "expulsion", "departure", "transfer",
          "withdraw", "pull", "evacuate", "redeploy", "remove", "expel", "move", "relocate", "deploy",
          "deployment", "dispatch"}
_LOCATING_PARTICIPLES = {"based", "operating", "stationed", "living", "active"}


def _possessed(span: Span) -> bool:
    """ "his defence minister": the possessor tells whose office it is."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in span.root.children)


def _sided(doc: Doc, span: Span) -> bool:
    """ "pro-Russia", "anti-American": a name after a "pro"/"anti" prefix says whose side."""
    words = [t.lower_ for t in doc[max(span.start - 2, 0) : span.start] if t.text != "-"]
    return bool(words) and words[-1] in _SIDE_PREFIXES


def _aircraft(span: Span) -> bool:
    """ "a Turkish stealth fighter": a fighter that is an aircraft, not a combatant."""
    root = span.root
    return root.lemma_.lower() == "fighter" and any(c.lower_ in _AIRCRAFT for c in root.children)


def _moved(span: Span) -> bool:
    """ "the withdrawal of forces from X", "evacuated troops from X", "deployed troops in X": what
    is moved, whose "from" or "in" phrase is where it leaves or goes, not its country."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return root.head.head.lemma_.lower() in _MOVES
    return root.dep_ == "dobj" and root.head.lemma_.lower() in _MOVES


def _elided_noun(span: Span) -> bool:
    """ "from the Syrian to the Israeli-occupied sector": a national adjective whose noun is left
    out, the object of "from" or "to" right before a second "to" or "from" phrase that names the
    noun, stands for its state's part."""
    root, doc = span.root, span.doc
    if root.dep_ != "pobj" or root.head.lower_ not in ("from", "to") or span.start == 0:
        return False
    if doc[span.start - 1].lower_ != "the" or span.end >= len(doc):
        return False
    after = doc[span.end]
    return after.lower_ in ("to", "from", "into") and any(
        c.dep_ == "pobj" and c.pos_ == "NOUN" for c in after.children
    )


def _owns(owner: Span, agent: Span, gap: Span) -> bool:
    """ "Egypt's best-known human rights activist": a possessive country word owns the sector word
    however many of the sector word's own modifiers stand between them."""
    head = agent.root
    return (owner.root.dep_ == "poss" and owner.root.head.i == head.i
            and all(t.tag_ == "POS" or head in t.ancestors for t in gap))


class ActorResolver:
    """Finds and resolves actor mentions; one instance per pipeline, shared KB matchers."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.names = NameResolver(kb, load_gazetteer())
        self.lower, self.exact = matchers(nlp, kb)

    # 1. Dictionary matches -------------------------------------------------------------------
    def _matches(self, doc: Doc) -> list[Span]:
        spans = []
        for matcher in (self.lower, self.exact):
            for match_id, start, end in matcher(doc):
                span = Span(doc, start, end, label=doc.vocab.strings[match_id])
                if not self._common_words(span) and not self._unit_name(span):
                    spans.append(span)
        return spans

    def _unit_name(self, span: Span) -> bool:
        """Whether a KB match naming persons only is part of the name of an armed unit named after
        one (cues `named_units`): "the Golani Brigade", "the Sultan Murad Division" are the unit,
        not the person; the head must be capitalised, as in a name ("Golani's brigade" is his)."""
        kind, _, value = span.label_.partition(":")
        following = span.doc[span.end] if span.end < len(span.doc) else None
        return (kind == "kb" and following is not None and following.text[:1].isupper()
                and following.lower_ in load_cues().named_units
                and all(self.kb.actors[i].kind == "person" for i in value.split("|")))

    def _common_words(self, span: Span) -> bool:
        """Whether a KB match in lower case is the common words a name is made of ("at dawn", "a
        trump card", "the times demanded it", "a reunion"): the names of states, persons and
        media are written capitalised, unlike the offices and bodies news may write in lower case
        ("the state department", "the peshmerga")."""
        kind, _, value = span.label_.partition(":")
        return kind == "kb" and span.text.islower() and all(
            self.kb.actors[i].kind in _CAPITALISED_KINDS for i in value.split("|"))

    def __call__(self, doc: Doc) -> Doc:
        spans = self._matches(doc)
        # Prefer the longest match; between equal spans a KB entry beats a generic word.
        spans.sort(key=lambda s: (s.end - s.start, s.label_.startswith("kb:")), reverse=True)
        chosen = filter_spans(spans)
        mentions, actors = self._resolve(doc, sorted(chosen, key=lambda s: s.start))
        matched = {t for span in chosen for t in range(span.start, span.end)}
        mentions.extend(self.names.fallback(doc, matched, actors, mentions))
        mentions.sort(key=lambda m: m.start)
        self.names.appositions(doc, mentions, actors)
        self._coreference(doc, mentions, actors)
        index = [-1] * len(doc)
        for i, mention in enumerate(mentions):
            for t in range(mention.start, mention.end):
                index[t] = i
        doc._.ng_mentions = mentions
        doc._.ng_actors = actors
        doc._.ng_token_mention = index
        return doc

    def _pick(self, ids: list[str], span: Span, counts: Counter[str], named: set[str]) -> Actor:
        """Choose among actors sharing an alias: a person in office at the date, else context:
        the one the article names by a name of its own (``named``: the actors its unambiguous
        names give), or of an organisation it belongs to or that belongs to it; then the states
        the mention's sentence names, then ``counts``: how often the article names each state,
        then which of them it names first."""
        doc = span.doc
        actors = [self.kb.actors[i] for i in ids]
        if len(actors) == 1:
            return actors[0]
        published = doc._.published
        in_office = [a for a in actors if any(r.covers(published) for r in a.roles)]
        if len(in_office) == 1:
            return in_office[0]
        # "Kurdish forces" in a story that names the SDF are the YPG, one of its parts, not
        # Iraq's Peshmerga, whatever the states it names
        linked = [a for a in in_office or actors if a.id in named or a.affiliation in named
                  or any(self.kb.actors[n].affiliation == a.id for n in named)]
        if len(linked) == 1:
            return linked[0]
        # the one whose country the sentence, else the article, names most ("Kurdish militias"
        # in a story about Syria are the YPG, in one about Iraq the Peshmerga, unless the
        # sentence is about Syria); on a tie the one named first, where a story sets its scene
        here = self.kb.states_named(span.sent)
        first = {code: -rank for rank, code in enumerate(counts)}  # (a Counter keeps first-seen order)
        return max(in_office or actors, key=lambda a: (
            here.get(a.country or "", 0), counts.get(a.country or "", 0), first.get(a.country or "", -len(first))))

    def _led_coalition(self, doc: Doc, spans: list[Span], span: Span, state: str) -> Actor | None:
        """The coalition "the <state>-led coalition" names in an article that names the foe it
        was formed against (`LED_COALITIONS`); None elsewhere, and in a sentence about an
        invasion (the US-led coalition of 2003)."""
        led = span.root.head
        if (span.root.dep_ != "npadvmod" or led.lower_ != "led" or led.dep_ != "amod"
                or led.head.lemma_.lower() != "coalition"):
            return None
        if any(t.lemma_.lower() in ("invasion", "invade") for t in span.sent):
            return None
        named = {value for s in spans for value in s.label_.partition(":")[2].split("|")
                 if s.label_.startswith("kb:")}
        for (leader, foe), coalition in LED_COALITIONS.items():
            if leader in state.split("|") and foe in named and coalition in self.kb.actors:
                return self.kb.actors[coalition]
        return None

    # 2./3. Composition and metonymy ---------------------------------------------------------
    def _resolve(self, doc: Doc, spans: list[Span]) -> tuple[list[MentionSpan], dict[str, Actor]]:
        mentions: list[MentionSpan] = []
        actors: dict[str, Actor] = {}
        used: set[int] = set()
        counts = self.kb.states_named(doc)  # once per article, not per ambiguous alias
        given = {s.label_[3:] for s in spans if s.label_.startswith("kb:") and "|" not in s.label_}

        def keep(start: int, end: int, actor: Actor, method: str) -> None:
            actors[actor.id] = actor
            mentions.append(MentionSpan(start, end, actor.id, method))

        for i, span in enumerate(spans):
            if i in used:
                continue
            kind, _, value = span.label_.partition(":")
            nxt = spans[i + 1] if i + 1 < len(spans) else None
            if (shared := self._shared_agent(doc, spans, i)) is not None:
                # "German and French diplomats": each country word of the list composes with
                # the one sector word; the last composes with it below as usual.
                keep(span.start, span.end, self.kb.agent_actor(shared[0], shared[1]), "agent")
                continue
            if (group := self._ethnic_group(doc, spans, i)) is not None:
                start, end, actor, last = group
                used.update(range(i + 1, last + 1))
                keep(start, end, actor, "agent")
                continue
            if kind == "ethnic":
                continue  # "Serb positions": a nation's name modifying a thing names no actor
            if _sided(doc, span):
                # "pro-Russia rebels", "a pro-Western rally": the side taken is not who acts;
                # the sector word alone is the actor, placed later by where the event happens
                if nxt is not None and nxt.label_.startswith("agent:") and self._joins(doc[span.end : nxt.start]):
                    used.add(i + 1)
                    keep(nxt.start, nxt.end, self.kb.agent_actor(None, self.kb.agents[nxt.label_[6:]]), "agent")
                continue
            ethnic = span.start > 0 and doc[span.start - 1].lower_ == "ethnic"
            if ethnic and kind in ("adj", "demonym"):
                # "ethnic Albanians (in Serbia)", "ethnic Turk traders": an ethnic group, not the
                # state of that name; the country is where they live, if the text says it.
                if nxt is not None and nxt.label_.startswith("agent:") and self._joins(doc[span.end : nxt.start]):
                    used.add(i + 1)
                    agent = self.kb.agents[nxt.label_[6:]]
                    keep(span.start - 1, nxt.end, self.kb.agent_actor(self._of_country(doc, nxt), agent), "agent")
                elif kind == "demonym" or span.root.head.pos_ not in ("NOUN", "PROPN"):
                    country = self._of_country(doc, span)
                    keep(span.start - 1, span.end, self.kb.agent_actor(country, ETHNIC_GROUP), "agent")
                continue
            if kind in ("adj", "kb") and (coalition := self._led_coalition(doc, spans, span, value)) is not None:
                keep(span.start, span.root.head.head.i + 1, coalition, "kb")  # "the US-led coalition"
                continue
            if kind in ("adj", "kb", "demonym", "capital") and nxt is not None:
                country = value if kind != "kb" else self.kb.state_code(span.text)
                gap = doc[span.end : nxt.start]
                if country and nxt.label_.startswith("agent:") and (self._joins(gap) or _owns(span, nxt, gap)):
                    agent = self.kb.agents[nxt.label_[6:]]
                    used.add(i + 1)
                    if self._titles_person(doc, nxt, agent) or _aircraft(nxt):
                        continue  # "Russian President Boris Yeltsin": the person is the actor
                    keep(span.start, nxt.end, self.kb.agent_actor(country, agent), "agent")
                    continue
            if kind == "kb" and self._renamed(doc, span, value, mentions):
                continue
            if kind == "kb":
                actor = self._pick(value.split("|"), span, counts, given)
                end = span.end
                if (nxt is not None and nxt.label_.startswith("agent:") and actor.kind != "state"
                        and (nxt.start == span.end or self._member_owned(span, nxt, actor))):
                    used.add(i + 1)  # "Taliban commanders", "Hamas fighters": the organisation
                    end = nxt.end
                    agent = self.kb.agents[nxt.label_[6:]]
                    if actor.sector == "OPP" and agent.kind == "armed_group" and actor.country:
                        # "Syrian opposition fighters": an opposition's fighters are its country's
                        # rebels, not the political body that speaks for it
                        actor = self.kb.agent_actor(actor.country, agent)
                keep(span.start, end, actor, "kb")
            elif kind == "adj":
                # "Russian influence", "US airstrikes": the state, when the word modifies a noun
                root = span.root
                if root.dep_ in ("amod", "compound") and root.head.lower_ in load_cues().stateless_people_names:
                    # "Syrian Kurds": a people of the state, not the state
                    keep(span.start, root.head.i + 1, self.kb.agent_actor(value, ETHNIC_GROUP), "agent")
                elif root.dep_ in ("amod", "compound") and root.head.pos_ in ("NOUN", "PROPN"):
                    keep(span.start, span.end, self.kb.actors[value], "adj")
                elif root.dep_ == "npadvmod" and root.head.lemma_.lower() in _LED:
                    keep(span.start, span.end, self.kb.actors[value], "adj")  # "Saudi-led"
                elif _elided_noun(span):
                    keep(span.start, span.end, self.kb.actors[value], "adj")  # "from the Syrian to the Israeli side"
            elif kind == "demonym":
                home = self._of_country(doc, span) if span.end < len(doc) and doc[span.end].lower_ == "of" else None
                if home and home != value:
                    # "the Albanians of southern Serbia": a people of the state they live in
                    keep(span.start, span.end, self.kb.agent_actor(home, ETHNIC_GROUP), "agent")
                else:
                    keep(span.start, span.end, self.kb.actors[value], "demonym")
            elif kind == "capital":
                if _acts(span.root):
                    sector = self.kb.seat_sectors.get(span.text, "GOV")
                    agent = Agent(kind="government" if sector == "GOV" else "military", sector=sector)
                    keep(span.start, span.end, self.kb.agent_actor(value, agent), "metonym")
            elif kind == "agent":
                agent = self.kb.agents[value]
                if self._titles_person(doc, span, agent) or self._modifier(span):
                    continue
                agent = self._described(span, agent)
                country = self._of_country(doc, span)
                if country is not None and agent.kind == "government" and (people := _peoples_region(doc, span)):
                    # "authorities in Syria's Kurdish autonomous region" govern the Kurds' region,
                    # not the state around it: they are the "Kurdish authorities" of that state
                    # (the PYD in Syria, the KRG in Iraq), or no state's when the KB has none
                    # (its soldiers or police there are still the state's)
                    ids = self.kb.aliases.get(f"{people.capitalize()} {span.text.lower()}", set())
                    named = [self.kb.actors[a] for a in sorted(ids) if self.kb.actors[a].country == country]
                    if named:
                        keep(span.start, span.end, named[0], "kb")
                        continue
                    country = None
                if agent.head and country is None and not _possessed(span):
                    continue  # a bare "the president" says nothing; "his minister" is resolved later
                keep(span.start, span.end, self.kb.agent_actor(country, agent), "agent")
        return mentions, actors

    def _ethnic_group(self, doc: Doc, spans: list[Span], i: int) -> tuple[int, int, Actor, int] | None:
        """(start, end, actor, index of the last span used) when spans[i] names a nation living
        in several states ("Serb", "Croat"), alone or after a state word, with or without a sector
        word: "Bosnian Serb forces" are Bosnia's, "Serbs in Croatia" Croatia's people, "ethnic
        Serbs" a minority of wherever the text places them, and "Serb forces" with no other state
        said are the kin state's."""
        span, eth = spans[i], i
        state = None
        if not span.label_.startswith("ethnic:"):
            nxt = spans[i + 1] if i + 1 < len(spans) else None
            if nxt is None or not nxt.label_.startswith("ethnic:") or nxt.start != span.end:
                return None
            state = self._country_word(span)
            if state is None:
                return None
            eth = i + 1
        kin = spans[eth].label_.partition(":")[2]
        start = span.start
        minority = start > 0 and doc[start - 1].lower_ == "ethnic"
        if minority:
            start -= 1
        last, agent = eth, ETHNIC_GROUP
        after = spans[eth + 1] if eth + 1 < len(spans) else None
        if after is not None and after.label_.startswith("agent:") and self._joins(doc[spans[eth].end : after.start]):
            candidate = self.kb.agents[after.label_[6:]]
            if not self._titles_person(doc, after, candidate):
                last, agent = eth + 1, candidate
        root = spans[eth].root
        if last == eth and root.dep_ in ("amod", "compound") and root.head.pos_ in ("NOUN", "PROPN"):
            return None  # "Serb villages": no actor of its own
        country = state or self._of_country(doc, spans[last]) or (None if minority else kin)
        return start, spans[last].end, self.kb.agent_actor(country, agent), last

    def _member_owned(self, owner: Span, agent: Span, actor: Actor) -> bool:
        """ "the Houthis' spokesman", "Hamas's fighters": an organisation that is no organ of a
        state owns one of its own people, who speak and fight for it; not someone it holds or
        harms ("the group's hostages")."""
        gap = owner.doc[owner.end : agent.start]
        word = self.kb.agents[agent.label_[6:]]
        return _owns(owner, agent, gap) and self.kb.own_people(actor, agent.root.lemma_.lower(), word.kind)

    def _renamed(self, doc: Doc, span: Span, ids: str, mentions: list[MentionSpan]) -> bool:
        """ "the Montenegro Municipality Association (AKK)": a bracketed short form right after a
        name abbreviates that name, even where the KB knows it as a person's nickname (AKK,
        Annegret Kramp-Karrenbauer); after the person's own name it is theirs ("Mohammed bin
        Salman (MBS)")."""
        if not (span.start > 0 and span.end < len(doc) and doc[span.start - 1].text == "("
                and doc[span.end].text == ")" and self.kb.is_case_sensitive(span.text)):
            return False
        if any(self.kb.actors[i].kind != "person" for i in ids.split("|")):
            return False
        before = span.start - 2
        return before >= 0 and doc[before].text[:1].isupper() and not any(
            m.end == before + 1 and m.actor_id in ids.split("|") for m in mentions
        )

    def _country_word(self, span: Span) -> str | None:
        kind, _, value = span.label_.partition(":")
        if kind in ("adj", "demonym", "capital"):
            return value
        return self.kb.state_code(span.text) if kind == "kb" else None

    def _shared_agent(self, doc: Doc, spans: list[Span], i: int) -> tuple[str, Agent] | None:
        """(country, agent) when spans[i] is a country word in a coordinated list that ends in
        one sector word ("US and British activists", "Egyptian, Jordanian and Saudi officials")."""
        country = self._country_word(spans[i])
        root = spans[i].root
        # an adjective that names no state on its own modifies whatever the small model makes of
        # it ("Sierra Leonean and Liberian refugees", the first read as a noun)
        adjective = spans[i].label_.startswith("adj:") and self.kb.state_code(spans[i].text) is None
        if not adjective and (root.head if root.dep_ == "conj" else root).dep_ not in ("amod", "nmod", "compound"):
            return None  # "Russia and Chinese officials met": Russia is an actor of its own
        j = i + 1
        while country and j < len(spans):
            gap = doc[spans[j - 1].end : spans[j].start]
            if spans[j].label_.startswith("agent:"):
                if j == i + 1 or not self._joins(gap):
                    return None
                agent = self.kb.agents[spans[j].label_[6:]]
                return None if self._titles_person(doc, spans[j], agent) else (country, agent)
            listed = len(gap) >= 1 and all(t.lower_ in (",", "and", "or") for t in gap)
            if not listed or self._country_word(spans[j]) is None:
                return None
            j += 1
        return None

    def _described(self, span: Span, agent: Agent) -> Agent:
        """ "separatist gunmen", "rebel gunmen": armed men a word of an armed group's kind
        describes are of that kind (rebels), not gunmen of no known side; other agents, and
        gunmen described otherwise ("masked gunmen"), stay what they are."""
        if agent.sector != "UAF":
            return agent
        for child in span.root.children:
            if child.dep_ in ("amod", "compound") and child.i < span.start and (
                described := self.kb.agents.get(child.lower_)
            ) is not None and described.kind == "armed_group" and described.sector != "UAF":
                return described
        return agent

    @staticmethod
    def _modifier(span: Span) -> bool:
        """A sector word modifying another noun ("military assistance") names no actor, nor a
        fighter that is an aircraft ("a Turkish stealth fighter")."""
        root = span.root
        if root.pos_ == "ADJ":
            return True
        if _aircraft(span):
            return True
        return root.dep_ in ("amod", "compound") and root.head.i >= span.end

    @staticmethod
    def _joins(gap: Span) -> bool:
        """Tokens allowed between a country word and its sector word: "'s", adjectives."""
        return len(gap) <= 2 and all(t.tag_ == "POS" or t.pos_ in ("ADJ", "PROPN") for t in gap)

    def _of_country(self, doc: Doc, span: Span) -> str | None:
        """Country of "<agent> of/in/from <state or capital>" ("the foreign minister of Iran",
        "security forces in Guinea", "demonstrators in Baghdad", "students throughout Indonesia",
        "a militia based in Libya")."""
        prep = span.end
        if prep + 2 < len(doc) and doc[prep].lower_ in _LOCATING_PARTICIPLES and doc[prep + 1].lower_ == "in":
            prep += 1  # "based in", "operating in": where the group is, as "in" alone says
        if prep < len(doc) and doc[prep].lower_ != "of" and (_possessed(span) or _moved(span)):
            # "Russia withdrew its forces from Syria", "the withdrawal of forces from Panama":
            # whose the forces are is not where they are, or leave
            return None
        if prep + 1 < len(doc) and doc[prep].lower_ in _AGENT_PLACE_PREPS:
            rest = doc[prep + 1 : prep + 7]  # "of the Islamic Republic of Iran"
            skip = 1 if rest[0].lower_ == "the" else 0
            while skip < len(rest) - 1 and rest[skip].lower_ in _REGION_WORDS:
                skip += 1  # "in southern Serbia"
            for size in range(len(rest), skip, -1):
                words = rest[skip:size].text
                if code := self.kb.state_code(words) or self.kb.capitals.get(words):
                    owned = rest[size - 1].head
                    agent = self.kb.agents.get(owned.lower_)
                    if rest[size - 1].dep_ == "poss" and owned.i > rest[size - 1].i and (
                        agent.kind not in _ORGAN_KINDS if agent is not None
                        else owned.pos_ == "PROPN" and owned.ent_type_ not in ("GPE", "LOC", "FAC")
                        and self._known_name(doc, rest[size - 1].i + 1, owned.i + 1)
                    ):
                        # "leaders of Lebanon's Hezbollah", "officials of Iraq's ruling party":
                        # the group's, not the state's ("the envoy of Iran's president", "forces
                        # in Syria's north", "soldiers of Israel's Golani Brigade", a name the KB
                        # does not know, are the state's)
                        return None
                    return code
            # "dissidents from military-ruled Myanmar": the state the preposition governs
            pobj = next((c for c in doc[prep].children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.i < prep + 7:
                if code := self.kb.state_code(pobj.text) or self.kb.capitals.get(pobj.text):
                    return code
                # "ministers from the Georgian government": the state its adjective names
                if pobj.lemma_.lower() in _STATE_ORGANS:
                    for child in pobj.children:
                        if child.dep_ in ("amod", "compound") and (code := self.kb.adjectives.get(child.lower_)):
                            return code
        return None

    def _known_name(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the words before ``end`` from ``start`` on end in a name the KB knows ("Turkey's
        ruling AKP": "AKP"), so that its owner is that actor, not the state before it."""
        return any(doc[k:end].text in self.kb.aliases for k in range(start, end))

    @staticmethod
    def _titles_person(doc: Doc, span: Span, agent: Agent) -> bool:
        """An office or rank word directly before a name is a title, not an actor of its own."""
        j = span.end
        while j < len(doc) and (doc[j].lower_.strip(".") in TITLE_SKIP | RANKS):
            j += 1
        # "the Syrian regime's al-Shayrat airbase": a possessive is no title, whatever NER says
        return j < len(doc) and doc[j].ent_type_ == "PERSON" and doc[j].tag_ != "POS"

    def _modifier_kind(self, token: Token) -> str | None:
        """The kind of actor a generic word before an anaphor noun says it is ("the opposition
        group": a party, "the rebel group": an armed group), or None."""
        for child in token.children:
            if child.dep_ in ("compound", "amod") and child.i < token.i and (
                agent := self.kb.agents.get(child.lower_)
            ) is not None:
                return agent.kind
        return None

    # 5. Coreference ---------------------------------------------------------------------------
    def _coreference(self, doc: Doc, mentions: list[MentionSpan], actors: dict[str, Actor]) -> None:
        # "the militant group", "the terror group": a generic agent word ending in an anaphor noun
        # is the group of its kind named before it, when there is one (see below)
        described = {
            m.end - 1: m for m in mentions
            if m.method == "agent" and actors[m.actor_id].kind in ANAPHORS.get(doc[m.end - 1].lower_, ())
        }
        taken = {t for m in mentions for t in range(m.start, m.end)} - described.keys()
        added: list[MentionSpan] = []
        replaced: list[MentionSpan] = []
        for token in doc:
            kinds = ANAPHORS.get(token.lower_)
            if kinds is None or token.i in taken or token.i == 0:
                continue
            if (generic := described.get(token.i)) is not None:
                kinds = (actors[generic.actor_id].kind,)
            elif (kind := self._modifier_kind(token)) is not None:
                kinds = tuple(k for k in kinds if k == kind)  # "the opposition group": a party's
            # "the country", "the small, rich nation", "the war-torn country": the noun's own
            # determiner, whatever modifiers stand between
            det = next((c for c in token.children if c.dep_ == "det" and c.i < token.i), None)
            if det is None or det.lower_ not in ("the", "this") or token.dep_ == "compound":
                continue
            if _named_by_modifier(token, taken, generic):
                continue  # "the Liberal Democrat group": a group its name tells, none named before
            first = det.i
            bare = (token.tag_ == "NN" and token.lower_ not in _ALLIANCES
                    and not any(c.dep_ in ("amod", "compound") for c in token.children))
            earlier = [
                m for m in mentions
                if m.end <= token.i and actors[m.actor_id].kind in kinds
                and not m.actor_id.startswith("*.")
                and token.sent.start - m.start < 400
                # a bare "the group" is one, not "Kurdish forces" described by a plural (a
                # described one, "the separatist organisation", may well sum them up)
                and not (bare and _plural_description(doc[m.start : m.end]))
            ]
            # an object is not its own clause's subject: "Saudi Arabia and Egypt imposed a boycott
            # on the small, rich nation" is not Egypt
            verb = clause_verb(token)
            subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
            controller = verb
            while not subject and controller.dep_ == "xcomp" and controller.head.i != controller.i:
                controller = controller.head  # "Tehran seeks to bolster the country": Tehran bolsters
                subject = {t.i for c in controller.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
            if not subject and controller.dep_ == "acl" and controller.head.pos_ == "NOUN":
                # "Trump's decision to withdraw from the country": the possessor of the noun acts
                subject = {t.i for c in controller.head.children if c.dep_ == "poss" for t in c.subtree}
            own: set[str | None] = set()
            if token.i not in subject:
                # nor the subject's country named again ("Tehran entrenched its military in the
                # country" is not Iran)
                own = {actors[m.actor_id].country for m in mentions if m.start in subject} - {None}
                earlier = [m for m in earlier if m.start not in subject and actors[m.actor_id].country not in own]
            # "the alliance" is the Northern Alliance or NATO before any other group named later
            named = [m for m in earlier if token.lower_ in actors[m.actor_id].name.lower().split()]
            # (a state named as a place in the sentence, "crackdown inside Syria", is where, not who,
            # unless the anaphor too is a place taken: "fighters in Iraq ... seized much of the
            # war-torn country")
            taken_place = verb.lemma_.lower() in PLACE_VERBS and any(
                c.dep_ == "dobj" and c.left_edge.i <= token.i <= c.right_edge.i for c in verb.children
            )
            same = [m for m in earlier if m.start >= token.sent.start
                    and (taken_place or not ("state" in kinds and as_place(doc[m.start : m.end].root)))]
            # with no actor of its own sentence left, a state named there as a place is nearer than
            # any subject before it ("armed in Iraq, while Tehran bolsters the country's government";
            # but "Turkish officials, whose crackdown inside Syria ... the country's military": Turkey)
            # ("French troops arrived in Mali as Paris vowed to defend the country": not France)
            agents = [c for c in _agents_before(mentions, actors, token, subject) if c not in own]
            placed = [m for m in earlier if m.start >= token.sent.start] if not agents else []
            subjects = [m for m in earlier if doc[m.start : m.end].root.dep_ in ("nsubj", "nsubjpass")]
            # "the country's military" after "Turkish officials, whose crackdown inside Syria ...":
            # a country that owns a state's organ is the state an organ named before belongs to,
            # not a state named only as a place (see `agents` below)
            owns = token.dep_ == "poss" and any(m.start <= token.head.i < m.end for m in mentions)
            latest: Actor | None = None
            if (kinds == ("state",) and generic is None and det.lower_ == "the"
                    and not (owns and agents and not (named or same))):
                found = _latest_state(doc, [*mentions, *added], actors, token, subject, self.kb)
                latest = actors.get(found or "") or self.kb.state(found)
            if latest is not None:
                actors.setdefault(latest.id, latest)
                added.append(MentionSpan(first, token.i + 1, latest.id, "coref"))
            # with no state named by a noun, the rules below still apply: "Chinese ships entered
            # Philippine waters, and the country's coast guard ..." is the Philippines
            elif "state" in kinds and agents and not (named or same) and (state := self.kb.state(agents[-1])):
                actors.setdefault(state.id, state)
                added.append(MentionSpan(first, token.i + 1, state.id, "coref"))
            elif earlier and generic is not None:
                # a description ("the terror group") names a group of its own sentence or the one
                # before, or else the group the story is about, the one named most so far, not the latest ("Turkey
                # calls the YPG terrorists"); one in words of terror a group listed as terrorist,
                # not a force states back named more often (the SDF fighting Isis), or none
                if any(t.lower_ in self.kb.terror_words for t in doc[generic.start : generic.end]):
                    earlier = [m for m in earlier if m.actor_id in self.kb.designated]
                    same = [m for m in same if m.actor_id in self.kb.designated]
                    if not earlier:
                        continue
                before = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else 0
                near = same or [m for m in earlier if m.start >= before]
                pick = max(near or earlier, key=lambda m: (sum(e.actor_id == m.actor_id for e in earlier), m.start))
                added.append(MentionSpan(first, token.i + 1, pick.actor_id, "coref"))
                replaced.append(generic)
            elif earlier:
                pick = (named or same or placed or subjects or earlier)[-1]
                added.append(MentionSpan(first, token.i + 1, pick.actor_id, "coref"))
        added.extend(_rivals(doc, mentions, actors, taken))
        mentions[:] = [m for m in mentions if not any(m is r for r in replaced)]
        mentions.extend(added)
        mentions.sort(key=lambda m: m.start)


def _plural_description(span: Span) -> bool:
    """ "Kurdish forces", "rebel militias": a mention that describes its actor by a plural common
    noun and names it by no proper name ("Isis fighters" names Isis)."""
    root = span.root
    return root.tag_ == "NNS" and not any(t.pos_ in ("PROPN", "NOUN") for t in span if t.i != root.i)


def _named_by_modifier(token: Token, taken: set[int], generic: MentionSpan | None) -> bool:
    """Whether a modifier of an anaphor noun says which one it is, so it is no earlier actor: a
    word of another actor's mention ("the Hamas group" after Hezbollah) or a proper name ("the
    Liberal Democrat group"); not the words of its own generic description ("the militant
    group")."""
    own = range(generic.start, generic.end) if generic is not None else range(0)
    return any(
        c.dep_ in ("compound", "amod") and c.i < token.i and c.i not in own and (c.i in taken or c.pos_ == "PROPN")
        for c in token.children
    )


def _rivals(doc: Doc, mentions: list[MentionSpan], actors: dict[str, Actor], taken: set[int]) -> list[MentionSpan]:
    """Foes named by a possessive pronoun ("Netanyahu warned of war with Iran, accusing his
    arch-nemesis of ..."): the possessor is the subject of the nearest clause above that has one;
    the foe is the one actor other than the possessor's side named before it in the sentence,
    if that is a state. None when the possessor is unknown, or none or several actors remain.
    An opposite number ("his counterpart") is found the same way, of another country than the
    possessor's, and may be a person."""
    found = []
    for token in doc:
        counterpart = token.lower_ in COUNTERPARTS
        rivals = token.lemma_.lower() in RIVALS  # (plural too, for a camp below)
        if not (rivals or counterpart) or token.i in taken or token.dep_ == "compound":
            continue
        poss = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS), None)
        if poss is None:
            continue
        if rivals and (camp := _camp(token, mentions, actors)) is not None:
            # "Saudi Arabia and its adversaries in Yemen's Houthi movement": the foes the text
            # places in a group are that group
            found.append(MentionSpan(poss.i, token.i + 1, camp, "coref"))
            continue
        if token.lower_ not in RIVALS and not counterpart:
            continue  # a plural foe with no camp named: several, not the one state named before
        verb, subject = token, set[int]()
        while not subject and verb.head.i != verb.i:
            verb = verb.head
            subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i
                       for t in c.subtree}
        own = {m.actor_id for m in mentions if m.start in subject}
        if not own:
            continue
        # (a compatriot counts: "Trump attacked Biden over China, calling his rival weak" is neither)
        others = {
            m.actor_id for m in mentions
            if token.sent.start <= m.start and m.end <= poss.i and m.actor_id not in own
        }
        kinds = {"state"}
        if counterpart:
            # an opposite number is of another country, whoever else of the possessor's is named
            # ("the Turkish president praised his counterpart": not Erdogan named before)
            home = {actors[a].country for a in own} - {None}
            others = {a for a in others if actors[a].country not in home} if home else set()
            kinds = {"state", "person"}
        if len(others) == 1 and actors[(foe := others.pop())].kind in kinds:
            found.append(MentionSpan(poss.i, token.i + 1, foe, "coref"))
    return found


def _camp(noun: Token, mentions: list[MentionSpan], actors: dict[str, Actor]) -> str | None:
    """The group or state a plural noun of people places its members in ("its adversaries in the
    Houthi movement", "his rivals within the ruling party"), or None: a place after "in" ("its
    enemies in Syria") names where they are, not who."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "within", "among", "inside"):
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            mention = next((m for m in mentions if m.start <= pobj.i < m.end), None)
            if mention is not None and actors[mention.actor_id].kind in ("armed_group", "party"):
                return mention.actor_id
    return None


def _latest_state(
    doc: Doc, mentions: list[MentionSpan], actors: dict[str, Actor], token: Token, subject: set[int], kb: KnowledgeBase
) -> str | None:
    """The state "the country" (the nation, the state) points back to: the latest state named by a
    noun before it ("Syria", "Syria's prime minister", "Aleppo", a government of its sentence, or
    an earlier "the country" resolved so, which chains), not one a modifier implies ("US troops
    in the country", "US-backed rebels in the country's north" are about Syria named before, not
    the modifier's state). The head of the anaphor's own clause's subject, and its conjuncts, are
    not its country ("Iran said it would defend the country" is not Iran), but a state nested
    inside that subject is, and its head's possessor before any other ("Pakistan's distrust
    forced the country" is Pakistan)."""
    if (equal := _copula_state(doc, mentions, actors, token)) is not None:
        return equal
    heads = {i for i in subject if doc[i].head.i not in subject} if token.i not in subject else set()
    # a pronoun subject stands for the subject of a clause above ("Iran said it would send
    # advisers to the country" is not Iran)
    for head in [doc[h] for h in heads if doc[h].tag_ == "PRP"]:
        above = next((a for a in head.head.ancestors if any(c.dep_ == "nsubj" for c in a.children)), None)
        heads.update(c.i for c in (above.children if above is not None else ()) if c.dep_ == "nsubj")
    # (and the heads it lists with them: "Saudi Arabia, the UAE and Egypt imposed a boycott")
    stack = list(heads)
    while stack:
        stack.extend(c.i for c in doc[stack.pop()].children if c.dep_ in ("conj", "appos") and c.i not in heads)
        heads.update(stack)
    excluded = {m.actor_id for m in mentions if any(m.start <= h < m.end for h in heads)}
    found: list[tuple[int, str]] = []
    for m in mentions:
        if m.end > token.i or token.sent.start - m.start >= 400 or m.actor_id not in actors:
            continue
        if actors[m.actor_id].kind == "state":
            root = doc[m.start : m.end].root
            if root.pos_ in ("PROPN", "NOUN") and root.dep_ not in ("compound", "amod", "npadvmod"):
                found.append((root.i, m.actor_id))
            continue
        # a government of the anaphor's own sentence names its state ("urged the Syrian government
        # to defend the country's borders"), but not one office holder, who travels ("the British
        # foreign secretary toured the country"), nor a capital (see below)
        actor = actors[m.actor_id]
        if (m.start >= token.sent.start and actor.kind == "government" and actor.country
                and m.actor_id not in excluded and doc[m.start : m.end].text not in kb.capitals
                and not _office(doc[m.start : m.end], kb)):
            found.append((doc[m.start : m.end].root.i, actor.country))
        # a state possessing a mention of something else names it: "Canada's government"
        found.extend((t.i, code) for t in doc[m.start : m.end]
                     if t.dep_ == "poss" and t.pos_ == "PROPN" and (code := kb.state_code(t.text)) is not None)
    # a town the gazetteer knows names its state too ("a mosque in Kabul ... the
    # country"), and so does a capital that locates ("flew to Damascus", "visited Ankara"), but
    # not one standing for its government ("backed by Moscow and Tehran")
    taken = {i for m in mentions for i in range(m.start, m.end)}
    gazetteer = load_gazetteer()
    for ent in doc.ents:
        if (ent.label_ == "GPE" and ent.end <= token.i and token.sent.start - ent.start < 400
                and ent.root.i not in taken and (ent.text not in kb.capitals or not _acts(ent.root))
                and (place := gazetteer.resolve(ent.text)) is not None
                and place.feature == "city" and place.country):
            found.append((ent.root.i, place.country))
    found = [f for f in found if f[1] not in excluded]
    # the state possessing the subject's head comes first: "Pakistan's distrust of the US and its
    # wars in Afghanistan forced the country to change course" is Pakistan
    owners = [f for f in found if doc[f[0]].dep_ == "poss" and doc[f[0]].head.i in heads]
    return max(owners or found)[1] if found else None


def _office(span: Span, kb: KnowledgeBase) -> bool:
    """Whether a mention names one office holder ("the French president", "the foreign
    secretary"), by its last one or two words."""
    words = [t.lower_ for t in span]
    return any((agent := kb.agents.get(" ".join(words[-n:]))) is not None and agent.head for n in (1, 2))


def _copula_state(doc: Doc, mentions: list[MentionSpan], actors: dict[str, Actor], token: Token) -> str | None:
    """The state a copula makes an anaphor noun one with, or None: "the US must be the safest
    country", "the one state that gained most is Iran" name that state, not one before them."""
    verb = token.head
    if token.dep_ not in ("attr", "nsubj") or verb.lemma_ not in ("be", "remain", "become"):
        return None
    other = next((c for c in verb.children if c.dep_ == ("nsubj" if token.dep_ == "attr" else "attr")), None)
    mention = next((m for m in mentions if other is not None and m.start <= other.i < m.end), None)
    if mention is None or mention.actor_id not in actors or actors[mention.actor_id].kind != "state":
        return None
    return mention.actor_id


def _agents_before(mentions: list[MentionSpan], actors: dict[str, Actor], token: Token, subject: set[int]) -> list[str]:
    """The countries of the organs and agents of states (not the clause's own subject) named in
    the sentence before an anaphor, in text order: "the country" points back to their state."""
    return [
        country for m in mentions
        if m.actor_id in actors and token.sent.start <= m.start and m.end <= token.i and m.start not in subject
        and actors[m.actor_id].kind != "state" and (country := actors[m.actor_id].country)
    ]


@Language.factory(
    "newsgraph_actors",
    default_config={"actors_file": None},
    requires=["doc.ents", "token.dep", "token.pos"],
    assigns=["doc._.ng_mentions", "doc._.ng_actors", "doc._.ng_token_mention"],
)
def make_actor_resolver(nlp: Language, name: str, actors_file: str | None) -> ActorResolver:
    """spaCy factory: the actor stage over the bundled (and user) knowledge base."""
    return ActorResolver(nlp, load_kb(actors_file))


def _peoples_region(doc: Doc, span: Span) -> str | None:
    """The people with no state of its own (cues `stateless_peoples`) whose region the place
    phrase after an agent names: "kurdish" for "in Syria's Kurdish autonomous region"."""
    if span.end >= len(doc) or doc[span.end].lower_ not in _AGENT_PLACE_PREPS:
        return None
    peoples = load_cues().stateless_peoples
    return next((
        c.lower_ for pobj in doc[span.end].children if pobj.dep_ == "pobj"
        for c in pobj.children if c.dep_ in ("amod", "compound") and c.lower_ in peoples
    ), None)
