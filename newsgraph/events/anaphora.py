"""What pronouns, relative pronouns and "we" stand for: the antecedents of the event stage.

``Anaphora`` indexes the actor mentions of one Doc (``doc._.ng_mentions``) and finds the mention
an anaphoric word points to; ``Arguments`` builds on it to read event arguments off the parse.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from bisect import bisect_left
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.events.clauses import PASSIVE_SUBJ, SUBJ
from newsgraph.events.modality import load_cues, quotations, quoted_in
from newsgraph.models import Actor
from newsgraph.places import as_place
from newsgraph.syntax import clause_verb

PRONOUN_KINDS = {
    "he": "person", "him": "person", "his": "person", "she": "person", "her": "person",
    "it": "thing", "its": "thing", "they": "any", "them": "any", "their": "any",
}
# "we", "I" in someone's words are the speaker ("'We see the YPG as terrorists,' Erdogan said").
FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
# Kinds of actor "he" or "she" may stand for: people, and the offices people hold.
OFFICE_KINDS = {"person", "government", "military", "police", "intelligence", "judiciary"}


def _fits(want: str, kind: str, actor_id: str) -> bool:
    """Whether an actor can be what a pronoun points to: "he" a person or office holder."""
    if want == "person":
        return kind in OFFICE_KINDS and (kind == "person" or actor_id.count(".") == 1)
    if want == "thing":
        return kind != "person"
    return True


class Anaphora(ABC):
    """The actor mentions of one Doc, and what anaphoric words among its tokens stand for (a
    speaker's "we" needs who speaks: ``subject``, which ``Arguments`` implements)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.mentions = doc._.ng_mentions or []
        self.index = doc._.ng_token_mention or [-1] * len(doc)
        self.actors = doc._.ng_actors or {}
        # the actor stage sorts mentions by start: a pronoun looks up the few of nearby
        # sentences by bisection instead of scanning an article's hundreds for each pronoun
        self._starts = [m.start for m in self.mentions]
        self._quotes: list[tuple[int, int]] | None = None  # quotations, found when a "we" needs them
        self._resolving: set[int] = set()  # pronouns being resolved, which may not ask for themselves

    def actor(self, mention: int) -> Actor:
        """The actor a mention (by index) names."""
        return self.actors[self.mentions[mention].actor_id]

    def countryless(self, mention: int) -> bool:
        """A generic agent the text never tied to a country: "*.GOV" for a bare "officials"."""
        return self.mentions[mention].actor_id.startswith("*.")

    def owner(self, token: Token, depth: int = 0) -> list[int]:
        """Whom a generic agent acts for, when its phrase names it ("militants loyal to
        Zarqawi"); ``Arguments`` reads it off the parse."""
        return []

    def _kind(self, actor_id: str) -> str | None:
        actor = self.actors.get(actor_id)
        return actor.kind if actor is not None else None

    def _mentions_in(self, start: int, end: int) -> list[Any]:
        """The mentions starting within token offsets [start, end)."""
        return self.mentions[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def pronoun(self, token: Token) -> int | None:
        """Antecedent of a pronoun: the nearest fitting mention earlier in its sentence, else the
        latest fitting subject of the sentence before. A pronoun inside the phrase that decides
        whether its own candidate stands for someone ("soldiers loyal to their commander") has no
        antecedent while that is being decided."""
        if token.i in self._resolving:
            return None
        self._resolving.add(token.i)
        try:
            return self._pronoun(token)
        finally:
            self._resolving.discard(token.i)

    def _pronoun(self, token: Token) -> int | None:
        want = PRONOUN_KINDS[token.lower_]
        sent = token.sent
        previous = self.doc[sent.start - 1].sent if sent.start > 0 else None
        persons_only = False
        if want == "person" and previous is not None:
            # "he" is the last person named, reaching back over sentences that name none (a
            # quote, "he said ...") within three sentences; office holders only if nobody is named
            window = previous
            for _ in range(3):
                if any(self._kind(m.actor_id) == "person" for m in self._mentions_in(window.start, window.end)):
                    previous, persons_only = window, True
                    break
                if window.start == 0:
                    break
                window = self.doc[window.start - 1].sent
        subj, main, other, before = None, None, None, None
        # only mentions of this sentence and the one before can be antecedents
        first = bisect_left(self._starts, previous.start if previous is not None else sent.start)
        for i in range(first, bisect_left(self._starts, token.i)):
            mention = self.mentions[i]
            actor = self.actors.get(mention.actor_id)
            if actor is None or not _fits(want, actor.kind, actor.id):
                continue
            root = self.doc[mention.start : mention.end].root
            if want == "person" and actor.kind != "person" and root.tag_ == "NNS":
                continue  # "he", "his": one person, not "Israeli jets" or "officials"
            if actor.id.startswith("*.") and not self.owner(root):
                continue  # "officials said they ...": nobody to stand for; "militants loyal to X" are X's
            if mention.start >= sent.start:
                if root.head.i == token.i or as_place(root):
                    continue  # a place ("influence in Afghanistan") is no antecedent of "its"
                if root.dep_ in SUBJ | PASSIVE_SUBJ:
                    subj = i
                elif root.dep_ in ("poss", "amod", "compound"):
                    main = i
                else:
                    other = i
            elif previous is not None and mention.start >= previous.start and (
                not persons_only or actor.kind == "person"
            ) and (root.dep_ in SUBJ | PASSIVE_SUBJ or before is None):
                before = i
        # "Turkey, a Nato member, said it would ...": the subject before a modifier's actor
        order = (other, subj, main, before) if token.dep_ in ("dobj", "pobj", "dative") else (subj, main, before, other)
        for choice in order:
            if choice is not None:
                return choice
        return None

    # Sources --------------------------------------------------------------------------------
    def speaker(self, token: Token) -> list[int]:
        """Who says "we" or "I": the subject of the reporting verb the pronoun's clause hangs on
        ("we will not allow it, Erdogan said"); in a quotation, of the reporting verb beside it
        in its sentence, in the sentence that opens it ("Erdogan said: ...") or the one that
        closes it. A speaker who is "we" again does not count."""
        reporting = load_cues().reporting

        def said_by(verb: Token) -> list[int]:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in reporting:
                return []
            if any(c.dep_ in SUBJ and c.lower_ in FIRST_PERSON for c in verb.children):
                return []
            return self.subject(verb)

        for verb in token.ancestors:
            if found := said_by(verb):
                return found
        if self._quotes is None:
            self._quotes = quotations(self.doc.text)
        quote = quoted_in(self._quotes, token.idx)
        if quote is None:
            return []
        opening = self.doc.char_span(quote[0], quote[0] + 1, alignment_mode="expand")
        closing = self.doc.char_span(quote[1] - 1, quote[1], alignment_mode="expand")
        sentences = [token.sent]
        if opening is not None and opening.start > 0:
            sentences.append(self.doc[opening.start - 1].sent)
        if closing is not None and closing.end < len(self.doc):
            sentences.append(self.doc[closing.end].sent)
        for sent in sentences:
            for word in sent:
                if not quote[0] <= word.idx < quote[1] and (found := said_by(word)):
                    return found
        return []

    def _antecedent(self, relative: Token) -> list[int]:
        """ "the PKK in Turkey, with whom Ankara has fought", parsed as an adverbial clause or
        hung on a word that names no actor: the antecedent of a relative pronoun after a comma
        (or a dash, or a bracket) is the last actor named before it that is not a place."""
        first = relative.head if relative.dep_ == "pobj" else relative
        if relative.lower_ == "that" and relative.dep_ == "dobj":
            # "the militia in Syria that Ankara is fighting", its clause read as a complement: an
            # object "that" is a relative pronoun, for the actor named just before
            return self._just_before(relative)
        if relative.lower_ == "that" or first.i == 0 or self.doc[first.i - 1].text not in (",", "–", "—", "-", "("):
            return []
        for i in reversed(range(bisect_left(self._starts, relative.sent.start), bisect_left(self._starts, first.i))):
            if not as_place(self.doc[self.mentions[i].start : self.mentions[i].end].root):
                return [i]
        return []

    def _just_before(self, relative: Token, reach: int = 6) -> list[int]:
        """The last actor named within ``reach`` tokens before a relative pronoun that is not a
        place ("the militia in northern Syria that": the militia, not Syria)."""
        start = max(relative.sent.start, relative.i - reach)
        for i in reversed(range(bisect_left(self._starts, start), bisect_left(self._starts, relative.i))):
            if not as_place(self.doc[self.mentions[i].start : self.mentions[i].end].root):
                return [i]
        return []

    def earlier_author(self, thing: Token) -> list[int]:
        """Whose a proposal named with "the" is, when the text named its author before: in
        "Washington announced plans for a border force. ... Russia opposed the plan", the US's.
        The author is that of the nearest earlier mention of the same noun that names one: its
        possessor or modifier ("Moscow's plan", "the Russian plan"), or the subject of a verb of
        putting it forward taking it as object ("announced plans"). A meeting's (cues
        ``gatherings``: "would not attend the talks") are its hosts, named the same way: its
        possessor ("Putin's conference"), a participle of hosting ("a Russian-sponsored
        congress") or the subject of a verb of hosting ("Russia and Iran are sponsoring the
        talks"); the place a modifier names is where it meets ("the Geneva talks"), not who
        hosts it."""
        lemma = thing.lemma_.lower()
        cues = load_cues()
        meeting = lemma in cues.gatherings
        if not (meeting or lemma in cues.proposals) or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in thing.children
        ):
            return []
        for earlier in reversed(self.doc[: thing.sent.start]):
            if earlier.pos_ != "NOUN" or earlier.lemma_.lower() != lemma:
                continue
            if meeting:
                if found := self._host(earlier):
                    return found
                continue
            for child in earlier.children:
                modifier = child.dep_ in ("poss", "amod", "compound") and child.i < earlier.i
                if modifier and (m := self.index[child.i]) >= 0:
                    return [m]
            if (earlier.dep_ == "dobj" and earlier.head.lemma_.lower() in cues.proposing
                    and (found := self.subject(earlier.head))):
                return found  # (who rejected it earlier is no author: "Egypt rejected a proposal")
        return []

    def _host(self, meeting: Token) -> list[int]:
        """Who hosts a meeting its own phrase names: its possessor ("Putin's conference"), the
        actor before a participle of hosting ("a Russian-sponsored congress"), or the subject of
        a verb of hosting taking it as object ("Iran is hosting the talks")."""
        hosting = load_cues().hosting
        for child in meeting.children:
            if child.dep_ == "poss" and (m := self.index[child.i]) >= 0 and not as_place(child):
                return [m]
            if child.dep_ == "amod" and child.lemma_.lower() in hosting and (found := [
                m for c in child.children if c.dep_ in ("npadvmod", "compound", "amod") and (m := self.index[c.i]) >= 0
            ]):
                return found
        if meeting.dep_ == "dobj" and meeting.head.lemma_.lower() in hosting:
            return self.subject(meeting.head)
        return []

    def summed_up(self, noun: Token) -> list[int]:
        """Whose act a noun set after a comma sums up: the named subject of the clause the comma
        closes, or of a clause above it ("Iran freed the sailors, a move welcomed by Britain" is
        Iran's move; "the UN said the envoy would go, a decision ..." the UN's)."""
        start = noun.left_edge.i
        if noun.lemma_.lower() not in load_cues().summing_up or start < noun.sent.start + 2 or (
            self.doc[start - 1].text != ","
        ):
            return []
        verb = clause_verb(self.doc[start - 2])
        for _ in range(4):
            if verb.i >= start:
                return []
            if found := [m for m in self.subject(verb) if not self.countryless(m)]:
                return found
            if verb.head.i == verb.i:
                return []
            verb = clause_verb(verb.head)
        return []

    @abstractmethod
    def subject(self, verb: Token, depth: int = 0) -> list[int]:
        """Actors doing what ``verb`` says (``Arguments`` reads them off the parse)."""
