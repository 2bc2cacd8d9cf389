"""Stage 4 of the actor cascade: names the knowledge base does not know.

Persons and organisations the statistical NER finds become provisional actors; a title before a
person's name ("Kenyan Vice-President X"), an apposition ("X, Russia's deputy foreign minister")
or the one country of the sentence gives them a country and sector. Also home of ``MentionSpan``,
the resolved mention every stage of the cascade produces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.models import STATE_KINDS, Actor
from newsgraph.places import Gazetteer, as_place
from newsgraph.syntax import bare_month, of_objects

_NER_ACTOR_LABELS = {"PERSON", "ORG"}
_HUMPS = re.compile(r"[a-z][A-Z]")
TITLE_SKIP = {"mr", "mrs", "ms", "dr", "sir", "lady", "prince", "princess", "sheikh", "mullah"}
RANKS = {
    "general", "lieutenant", "colonel", "major", "admiral", "brigadier", "captain", "marshal",
    "commander", "sergeant", "gen", "gen.", "lt", "lt.", "col", "col.",
}


_TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning", "towards", "toward"}


def _topic(token: Token) -> bool:
    """A name standing as what something is about ("a stance on Syria", "talks about Iran")."""
    return token.dep_ == "pobj" and token.head.lower_ in _TOPIC_PREPS and token.head.head.pos_ == "NOUN"


@dataclass
class MentionSpan:
    """A resolved actor mention on a Doc, in token offsets."""

    start: int
    end: int
    actor_id: str
    method: str

    def span(self, doc: Doc) -> Span:
        """The mention as a spaCy Span."""
        return doc[self.start : self.end]


class NameResolver:
    """Provisional actors for NER names, and offices given to them by appositions."""

    def __init__(self, kb: KnowledgeBase, places: Gazetteer | None) -> None:
        self.kb = kb
        self.places = places  # a city the NER calls a person is a place

    def fallback(
        self, doc: Doc, taken: set[int], actors: dict[str, Actor], named: list[MentionSpan]
    ) -> list[MentionSpan]:
        """Mentions of the NER persons and organisations outside the ``taken`` tokens; the
        provisional actors they name are added to ``actors``. ``named``: the mentions so far."""
        found = []
        # "Yıldırım" after "Binali Yıldırım": a surname alone is the person named before, even
        # where it is also a place name
        surname: dict[str, str] = {
            actor.name.split()[-1]: actor.id
            for actor in actors.values() if actor.kind == "person" and " " in actor.name
        }
        for ent in doc.ents:
            text = ent.text.strip()
            # (the small model may tag the surname a place: "Yıldırım" GPE)
            # (and a DATE when the surname is a month name: "talks with May" after "Theresa May")
            named_before = len(ent) == 1 and surname.get(text) in actors and (
                ent.label_ in ("PERSON", "GPE", "ORG") or (ent.label_ == "DATE" and bare_month(ent)))
            if (ent.label_ not in _NER_ACTOR_LABELS and not named_before) or any(t.i in taken for t in ent):
                continue
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            if not named_before and not self._plausible(ent):
                continue
            if ent.label_ == "PERSON" or named_before:
                last = ent[-1].text
                actor_id = surname.get(last) or "person:" + "-".join(text.lower().split())
                surname.setdefault(last, actor_id)
                actor = actors.get(actor_id) or self._provisional_person(doc, ent, actor_id)
                if actor.provisional and actor.sector and actor.country is None and actor.affiliation is None:
                    # "President Laurent Gbagbo", in a sentence about Ivory Coast alone: an office
                    # of the one country the sentence names
                    actor.country = self._sentence_country(ent.sent, named, actors)
            else:
                actor_id = "org:" + "-".join(doc[start : ent.end].text.lower().split())
                actor = actors.get(actor_id) or Actor(
                    id=actor_id, name=doc[start : ent.end].text, kind="other", provisional=True
                )
            actors[actor.id] = actor
            found.append(MentionSpan(start, ent.end, actor.id, "ner"))
        found.extend(self._bare_surnames(doc, taken, actors, found))
        return found

    def _bare_surnames(
        self, doc: Doc, taken: set[int], actors: dict[str, Actor], found: list[MentionSpan]
    ) -> list[MentionSpan]:
        """ "Prakash was believed killed" after "Neil Prakash": a lone proper noun the NER left
        untagged is the person named before by that full name, when it is the whole name (no
        proper noun beside it) and no mention covers it."""
        covered = taken | {i for m in found for i in range(m.start, m.end)}
        first: dict[str, tuple[int, str]] = {}  # surname -> (end of its first full name, person)
        for m in found:
            actor = actors.get(m.actor_id)
            if actor is not None and actor.kind == "person" and m.end - m.start > 1:
                first.setdefault(doc[m.end - 1].text, (m.end, actor.id))
        added = []
        for token in doc:
            named = first.get(token.text)
            if (
                named is None or token.i < named[0] or token.i in covered or token.ent_type_
                or token.pos_ != "PROPN" or any(
                    0 <= j < len(doc) and doc[j].pos_ == "PROPN" for j in (token.i - 1, token.i + 1)
                )
            ):
                continue
            added.append(MentionSpan(token.i, token.i + 1, named[1], "ner"))
        return added

    def _plausible(self, ent: Span) -> bool:
        """Reject NER junk: words the KB knows as adjectives or agents, lone lowercase, symbols."""
        text = ent.text.strip()
        lower = text.lower()
        if lower in self.kb.adjectives or lower in self.kb.demonyms or lower in self.kb.agents:
            return False
        if not text[:1].isupper() or len(text) < 3 or any(ch.isdigit() for ch in text):
            return False
        if " " not in text and len(_HUMPS.findall(text)) >= 2:
            return False  # "NewAgeIslam": a site handle or hashtag, not a name
        if self.places is not None and (place := self.places.resolve(text)) is not None and not (
            place.feature == "region" and ent.label_ not in ("GPE", "LOC") and not as_place(ent.root)
        ):
            # "Douma", "Khan Sheikhun" tagged PERSON: places, not actors; but many provinces are
            # named after people or share a word with a firm, and a name the NER calls no place,
            # found outside a place slot, keeps it ("Herrera", "Sabah", "Meta")
            return False
        return not (ent.label_ == "PERSON" and len(ent) == 1 and ent.root.pos_ != "PROPN")

    @staticmethod
    def _sentence_country(sent: Span, named: list[MentionSpan], actors: dict[str, Actor]) -> str | None:
        """The one country the actors named in a sentence belong to, if there is just one. A
        country named as a topic ("Senator McCain attacked the stance on Syria") does not count."""
        found = {
            actors[m.actor_id].country for m in named
            if sent.start <= m.start < sent.end and m.actor_id in actors
            and not _topic(sent.doc[m.start : m.end].root)
        } - {None}
        return found.pop() if len(found) == 1 else None

    def _provisional_person(self, doc: Doc, ent: Span, actor_id: str) -> Actor:
        """A person the KB does not know; country and sector from a title before the name."""
        country = sector = affiliation = None
        j = ent.start - 1
        # (the "General" of "Secretary-General" ends the title; it is no rank of its own)
        while j >= 0 and doc[j].lower_.strip(".") in TITLE_SKIP | RANKS and doc[j - 1].text != "-":
            j -= 1
        if j >= 0:
            window = doc[max(0, j - 4) : j + 1].text
            for size in range(4, 0, -1):
                phrase = " ".join(window.split()[-size:])
                agent = self.kb.agents.get(phrase.lower())
                if agent is not None:
                    sector = agent.sector
                    before = window.split()[: -size]
                    # "Arab League Secretary-General X": the office is the organisation's; a
                    # population word is what the organisation holds or harms ("the Isis hostage
                    # X"), unless it names a member ("a Hamas activist")
                    member = agent.kind != "population" or phrase.lower() in self.kb.member_roles
                    if member and (org := self._title_organisation(before)):
                        country, sector, affiliation = org.country, org.sector, org.id
                        break
                    for word in reversed(before):
                        code = self.kb.adjectives.get(word.lower()) or self.kb.state_code(
                            word.removesuffix("'s").removesuffix("’s")
                        )
                        if code:
                            country = code
                            break
                    break
        return Actor(
            id=actor_id, name=ent.text.strip(), kind="person", country=country, sector=sector,
            affiliation=affiliation, provisional=True,
        )

    def _title_organisation(self, words: list[str]) -> Actor | None:
        """The organisation (not a state) named just before an office title, if any."""
        for size in range(len(words), 0, -1):
            ids = self.kb.aliases.get(" ".join(words[-size:]), set())
            orgs = [self.kb.actors[i] for i in sorted(ids) if self.kb.actors[i].kind not in ("state", "person")]
            if orgs:
                return orgs[0]
        return None

    def appositions(self, doc: Doc, mentions: list[MentionSpan], actors: dict[str, Actor]) -> None:
        """ "Russia's deputy foreign minister, Mikhail Bogdanov": the person takes the office's
        country and sector, and the office mention becomes the person. "Imad Mughniyeh, a
        Hezbollah commander", "the Isis recruiter Neil Prakash": the person acts for the group."""
        at = {t: m for m in mentions for t in range(m.start, m.end)}
        for mention in mentions:
            actor = actors.get(mention.actor_id)
            if actor is None or actor.kind != "person" or not actor.provisional:
                continue
            root = doc[mention.start : mention.end].root
            linked = [root.head] if root.dep_ == "appos" else []
            linked += [c for c in root.children if c.dep_ == "appos"]
            if actor.affiliation is None and actor.country is None and (
                group := self._member_of(root, linked, mention, at, actors)
            ) is not None:
                actor.affiliation, actor.sector = group.id, actor.sector or group.sector
                continue
            for token in linked:
                office = at.get(token.i)
                other = actors.get(office.actor_id) if office else None
                org = self._office_organisation(token, at, actors) if office is None else None
                if org is not None and actor.affiliation is None:
                    # "Johannes Hahn, the EU commissioner": he speaks for the EU
                    actor.affiliation, actor.sector = org.id, actor.sector or org.sector
                    break
                if office is None or other is None or "." not in other.id or not other.country:
                    continue
                if actor.country is None:
                    actor.country, actor.sector = other.country, other.sector
                office.actor_id = actor.id
                break

    def _member_of(
        self, root: Token, linked: list[Token], mention: MentionSpan, at: dict[int, MentionSpan],
        actors: dict[str, Actor],
    ) -> Actor | None:
        """The organisation, no state, whose member a person is called: by a role word before the
        name ("the Isis recruiter Neil Prakash") or in apposition ("X, a Hezbollah commander",
        "X, the spokesman of the Taliban"), with the organisation as that word's modifier or
        "of" object. None when no member role names one."""
        roles = [c for c in root.children if c.dep_ == "compound" and not mention.start <= c.i < mention.end]
        for token in [*roles, *linked]:
            if token.pos_ != "NOUN" or token.lemma_.lower() not in self.kb.member_roles:
                continue
            words = [c for c in token.children if c.dep_ in ("compound", "nmod", "poss")]
            words += of_objects(token)
            if token.dep_ == "compound":
                # "the Isis recruiter Neil Prakash": the small model may hang "Isis" on the name
                words += [c for c in root.children if c.dep_ == "compound" and c.i < token.i]
            for word in words:
                group = actors.get(at[word.i].actor_id) if word.i in at else None
                if group is not None and group.kind not in (*STATE_KINDS, "person", "population"):
                    return group
        return None

    @staticmethod
    def _office_organisation(token: Token, at: dict[int, MentionSpan], actors: dict[str, Actor]) -> Actor | None:
        """The international organisation an office noun names ("the EU commissioner", "a Nato
        spokesman"), if any."""
        for child in token.children:
            if child.dep_ in ("compound", "nmod", "poss") and (mention := at.get(child.i)) is not None:
                org = actors.get(mention.actor_id)
                if org is not None and org.kind == "igo":
                    return org
        return None
