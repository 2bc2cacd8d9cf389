"""The ``newsgraph_time`` component: which date each event of a Doc takes (the cascade is in the
package docstring, numbered as the comments use it)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.events.lexicon import load_lexicon
from newsgraph.events.modality import load_cues, quotations, quoted_in, word_lemma
from newsgraph.models import TimeSpan
from newsgraph.syntax import bare_month, clause_verb, infinitive, sentences_back
from newsgraph.time.conflicts import conflict_between
from newsgraph.time.named_events import named_event_of, named_event_phrases
from newsgraph.time.normalise import (
    MAX_YEARS_BACK,
    YEAR,
    count_of,
    lasting,
    normalise,
    publication_span,
    shifted,
)

if TYPE_CHECKING:
    from newsgraph.events.component import RawEvent


def _clause_chain(trigger: Token) -> list[Token]:
    """The verbs whose tense tells whether the event is narrated in the past: its own and those
    governing it, up to a noun ("Trump's decision to withdraw" takes no tense from the sentence)."""
    chain = [clause_verb(trigger)]
    node = chain[0]
    while node.head.i != node.i and node.head.pos_ in ("VERB", "AUX"):
        node = node.head
        chain.append(node)
    return chain


def _below(trigger: Token, governor: Token) -> Iterator[Token]:
    """The trigger and the words above it, up to (not including) ``governor`` or the root."""
    node = trigger
    while node.i != governor.i and node.head.i != node.i:
        yield node
        node = node.head


def _conjunct_below(trigger: Token, governor: Token) -> bool:
    """Whether the trigger sits in a clause coordinated under ``governor`` ("X did A, and B")."""
    return any(node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") for node in _below(trigger, governor))


def _is_past(verb: Token) -> bool:
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.lower_ in ("had", "was", "were") for c in verb.children)


def _past_below(trigger: Token, governor: Token) -> bool:
    """Whether a clause between the trigger and a governing verb is told in the past ("will meet
    on Tuesday, after Erdogan rejected his demands": the rejection is done, not on Tuesday)."""
    return any(node.pos_ in ("VERB", "AUX") and _is_past(node) for node in _below(trigger, governor))


def _is_future(verb: Token) -> bool:
    """Whether a clause speaks of what is still to come: "will meet", "a summit to be held",
    "are expected to start" (the cue words are the event stage's ``planned`` cues)."""
    cues = load_cues()
    if any(c.dep_ == "aux" and c.lower_ in cues.planned_aux for c in verb.children):
        return True
    if not infinitive(verb):
        return False
    head = verb.head
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
        return True  # "a summit to be held on Friday"
    if _is_past(head) or any(c.lower_ in ("had", "was", "were") for c in head.children):
        return False  # "was expected to arrive on Friday": a plan told in the past
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if head.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lemma_.lower() in cues.planned for c in head.children):
        return True  # "her aim is to report to the council on 20 September": the plan's time
    return passive or word_lemma(head) in cues.planned | cues.readiness


def _date_governor(ent: Span, fronted: bool) -> Token:
    """The word a date phrase dates: the sentence's root when it opens the sentence; the noun
    it sits in ("Trump's decision last December", "the 2016 deal"); else its clause's verb,
    past a participle that works as a preposition ("including last September")."""
    root = ent.root
    if fronted:
        return root.sent.root
    if root.dep_ != "pobj" and root.head.i != root.i and root.head.pos_ in ("NOUN", "PROPN"):
        # the subject's date is its clause's ("the attack last Saturday killed dozens"); an
        # object's is its own ("lauded the decision last December" is not last December)
        return clause_verb(root.head) if root.head.dep_ in ("nsubj", "nsubjpass") else root.head
    verb = clause_verb(root)
    if root.dep_ == "pobj" and verb.i == root.head.i and verb.dep_ == "prep" and verb.head.i != verb.i:
        verb = clause_verb(verb.head)
    return verb


def _since_clause(verb: Token) -> Token | None:
    """The clause a since-clause measures ("have pressed Turkey since he was detained"): the
    nearest perfect verb above it, past infinitives the parser hangs it on ("to extradite")."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        return None
    node = verb.head
    while True:
        if any(c.dep_ == "aux" and c.lemma_ == "have" for c in node.children):
            return node
        if node.dep_ not in ("advcl", "xcomp") or node.head.i == node.i:
            return verb.head
        node = node.head


def _when_clause(doc: Doc, ent: Span) -> Token | None:
    """The verb of a when-clause that restates a date ("11 months ago, when the army invaded"),
    which the parser often hangs elsewhere."""
    i = ent.end + (1 if ent.end < len(doc) and doc[ent.end].text == "," else 0)
    if i < len(doc) and doc[i].lower_ == "when" and doc[i].head.pos_ in ("VERB", "AUX") and doc[i].head.i > i:
        return doc[i].head
    return None


def _fronted(doc: Doc, ent: Span, sent_start: int) -> bool:
    """A date that opens its sentence ("Last year, ...", "In September Turkey ...") sets the
    time of the whole sentence, whatever the parser attached it to."""
    first = sent_start
    while first < ent.start and doc[first].is_punct:
        first += 1
    opening = ent.start == first or (ent.start == first + 1 and doc[first].pos_ == "ADP")
    return opening and ent.root.dep_ != "poss" and not (ent.end < len(doc) and doc[ent.end].tag_ == "POS")


NARRATIVE_SENTENCES = 3  # how far back a narrative date carries within a paragraph
_NOUN_MODIFIER = {"compound", "amod", "nummod", "nmod", "poss", "quantmod"}
_RANGE_WORDS = {"to", "until", "till", "through", "and", "-", "–", "—"}


def _extend_range(doc: Doc, ent: Span) -> Span:
    """Join "2002" + "to 2005" when the model tags only the first year of a range."""
    end = ent.end
    if end + 1 < len(doc) and doc[end].lower_ in _RANGE_WORDS and re.fullmatch(YEAR, doc[end + 1].text):
        return doc[ent.start : end + 2]
    return ent


# Relative phrases the small NER model sometimes leaves untagged ("nearly two years ago").
_RELATIVE_PHRASE = re.compile(
    r"\b(?:(?:nearly|almost|about|some|more than)\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine"
    r"|ten|\d+)\s+(?:years?|months?|weeks?|days?|decades?)\s+ago\b"
    r"|\b(?:earlier|later)\s+in\s+the\s+week\b"
    r"|\b(?:last|next)\s+(?:week|month|year|January|February|March|April|May|June|July|August"
    r"|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    re.I,
)


def _surname(doc: Doc, ent: Span) -> bool:
    """A bare month name that is a person's surname the text uses ("a letter to May", "talks with
    May" in a story about Theresa May): the small NER model tags it DATE. "in May", "last May",
    "from March to May" and "May 2018" stay dates."""
    if not bare_month(ent):
        return False
    people = [e for e in doc.ents if e.label_ == "PERSON"] + [m.span(doc) for m in doc._.ng_mentions or []]
    return any(len(name) > 1 and name[-1].text == ent.text for name in people)


def _date_phrases(doc: Doc) -> list[Span]:
    """The DATE entities, and the relative date phrases the small NER model misses or cuts short
    ("earlier in the week" tagged as "the week"): a phrase that holds entities replaces them."""
    tagged = [e for e in doc.ents if e.label_ == "DATE" and not _surname(doc, e)]
    found = []
    for match in _RELATIVE_PHRASE.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        overlapping = [e for e in tagged if e.start < span.end and span.start < e.end]
        if all(span.start <= e.start and e.end <= span.end for e in overlapping) and not any(
            (e.start, e.end) == (span.start, span.end) for e in overlapping
        ):
            found.append(span)
            tagged = [e for e in tagged if e not in overlapping]
    return tagged + found


# "the seven-year civil war", "a decades-long insurgency": how long a conflict has lasted so far
_LASTED = re.compile(r"^(?P<n>\w+)\s*-\s*(?P<unit>year|decade)(?:s)?(?:\s*-\s*long|\s*-\s*old)?$")
_CONFLICTS = {"war", "conflict", "insurgency", "uprising", "occupation", "siege", "crisis", "revolution"}


def _conflict_span(doc: Doc, ent: Span, published: dt.date | None) -> tuple[Span, TimeSpan] | None:
    """The time a phrase dates by an ongoing conflict's length at publication: "early in Syria's
    seven-year civil war" (in 2018) is 2011-2012, "late in the war" the last year, "during the
    eight-year war" all of it. Returns the whole phrase, which then dates what it modifies."""
    match = _LASTED.match(ent.text.lower().replace(" ", ""))
    if published is None or match is None or (years := count_of(match["n"])) is None:
        return None
    war = next((t for t in (ent.root, ent.root.head) if t.lemma_.lower() in _CONFLICTS), None)
    if war is None:
        return None
    years *= 10 if match["unit"] == "decade" else 1
    if years > MAX_YEARS_BACK:
        return None  # "a 300-decade war" dates nothing
    first = published.year - years
    prep = war.head if war.dep_ == "pobj" else None
    part = prep.head.lower_ if prep is not None and prep.head.i != prep.i else ""
    if part in ("early", "late") and prep is not None:
        start, end = (dt.date(first, 1, 1), dt.date(first + 1, 12, 31)) if part == "early" else (
            dt.date(published.year - 1, 1, 1), published
        )
        phrase = doc[prep.head.i : war.i + 1]
    else:
        start, end = dt.date(first, 1, 1), published
        phrase = doc[war.left_edge.i : war.i + 1]
    return phrase, TimeSpan(start, end, "year", phrase.text, "relative")


def _reduced_participle(governor: Token, trigger: Token) -> bool:
    """ "launched an offensive spearheaded by its rebel allies on Saturday" (read as a clause of
    "launched"): a past participle with no subject of its own on the event's verb describes the
    same act. (One on the verb's object describes the object: "denounced an agreement signed
    last year" is not last year.)"""
    if governor.tag_ != "VBN" or governor.dep_ not in ("advcl", "acl"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in governor.children):
        return False
    if governor.i > 0 and governor.nbor(-1).text == ",":
        return False  # "shot down a Russian jet, supplied to Syria in 2012": set off, it describes the jet
    return governor.head.i == trigger.i


def _dated_war(ent: Span) -> Span | None:
    """ "backing for Saddam in the 1980-88 Iran-Iraq war", "fought during the 2006 war": a war
    named by its years, in a phrase of time, dates what happens in it. Returns the whole phrase."""
    war = ent.root.head
    if ent.root.dep_ not in _NOUN_MODIFIER or war.i == ent.root.i or war.lemma_.lower() not in _CONFLICTS:
        return None
    if war.dep_ != "pobj" or war.head.lower_ not in ("in", "during", "throughout"):
        return None
    return ent.doc[war.left_edge.i : war.i + 1]


# Determiners that point back to an act told before ("advance warning of that attack").
_POINTING = {"that", "this", "those", "these"}
# How many sentences back the act pointed to may have been told.
_POINTING_SENTENCES = 3


def _act_referred_to(doc: Doc, event: RawEvent, events: list[RawEvent]) -> RawEvent | None:
    """The dated, earlier event a past event's argument points back to: "The US gave Russia
    advance warning of that attack" happened when the strike told a sentence before did, "a year
    ago". The pointing noun ("that attack", "this strike") must be an event word of the earlier
    event's type; the warning has no date of its own."""
    trigger = doc[event.trigger]
    if not any(_is_past(v) for v in _clause_chain(trigger)):
        return None
    nouns = [t for t in trigger.subtree if t.pos_ == "NOUN" and t.i != trigger.i
             and any(c.dep_ == "det" and c.lower_ in _POINTING for c in t.children)]
    nouns_types = {kind for noun in nouns for kind in _noun_types(noun.lemma_.lower())}
    if not nouns_types:
        return None
    first = sentences_back(doc[event.sent_start].sent, _POINTING_SENTENCES)
    candidates = [
        other for other in events
        if other is not event and first.start <= other.trigger < event.sent_start and other.type in nouns_types
        and other.extra["date"].basis not in ("publication", "unknown")
    ]
    return max(candidates, key=lambda other: other.trigger, default=None)


def _decision_named_again(doc: Doc, event: RawEvent, dates: list[_Dated]) -> TimeSpan | None:
    """The date the next sentence gives the decision an undated act was told as: "did not
    address Trump's decision to withdraw 2,000 troops. Aides tried to walk back Trump's December
    announcement" (the same person's decision noun, with nothing of its own but its date, names
    the same decision again). "Trump's May announcement on tariffs" says what it was about, so it
    may be another one."""
    trigger = doc[event.trigger]
    decisions = load_cues().decisions
    noun = trigger.head
    if trigger.dep_ != "acl" or noun.lemma_.lower() not in decisions or event.sent_end >= len(doc):
        return None
    who = _possessor(doc, noun)
    if who is None:
        return None
    later = doc[event.sent_end].sent
    for dated in dates:
        again = dated.ent.root.head
        if not (later.start <= again.i < later.end) or again.lemma_.lower() not in decisions:
            continue
        if dated.ent.root.dep_ not in _NOUN_MODIFIER or _possessor(doc, again) != who:
            continue
        if not any(c.dep_ in ("prep", "acl", "relcl") for c in again.children):
            return dated.span
    return None


def _possessor(doc: Doc, noun: Token) -> str | None:
    """The actor a noun's possessor names ("Trump's decision"), if any."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    index = doc._.ng_token_mention
    if owner is None or not index or index[owner.i] < 0:
        return None
    return str(doc._.ng_mentions[index[owner.i]].actor_id)


def _noun_types(lemma: str) -> set[str]:
    return {trigger.type for trigger in load_lexicon().nouns.get(lemma, [])}


def _present_perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in verb.children)


# How many years after a known conflict began a measured fight may start and still be that
# conflict ("for more than three decades" in 2018 is 1988; the PKK's war began in 1984).
_CONFLICT_SLACK = 10


def _background(doc: Doc, event: RawEvent, date: TimeSpan, lasted: bool, published: dt.date | None) -> TimeSpan | None:
    """The span of a known conflict (``conflicts.yaml``) for a fight the text tells as lasting
    but does not date: measured ("for more than three decades", "a four-decade war") or in the
    present perfect with a conflict noun ("has waged an insurgency against Ankara")."""
    if event.type != "ASSAULT" or published is None:
        return None
    if not lasted:
        verb = doc[event.clause_verb]
        nouns = [doc[event.trigger], *(c for c in verb.children if c.dep_ == "dobj")]
        if date.basis not in ("publication", "inherited") or not _present_perfect(verb) or not any(
            noun.lemma_.lower() in _CONFLICTS for noun in nouns
        ):
            return None
    mentions, actors = doc._.ng_mentions, doc._.ng_actors
    sources = [actors[mentions[i].actor_id] for i in event.sources]
    targets = [actors[mentions[i].actor_id] for i in event.targets]
    conflict = conflict_between(sources, targets)
    if conflict is None or conflict.start > published:
        return None
    if lasted and date.start is not None and date.start.year - conflict.start.year > _CONFLICT_SLACK:
        return None  # "have attacked police stations for two days": not the whole war
    end = min(published, conflict.end) if conflict.end else published
    return TimeSpan(conflict.start, end, "year", conflict.name, "background")


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n\s*", text)]


def _paragraph_at(starts: list[int], here: int) -> tuple[int, int]:
    """The start of the paragraph a character offset is in, and of the paragraph before it."""
    paragraph = max(s for s in starts if s <= here)
    return paragraph, max((s for s in starts if s < paragraph), default=0)


def _anchor(doc: Doc, ent: Span, dates: list[_Dated], starts: list[int], published: dt.date | None) -> TimeSpan:
    """The date a phrase counted from another ("six months later", "the previous year") counts
    from: the last point in time told before it in its paragraph or the one before, else the
    publication day. (Stretches, "since 2014" or "for three decades", are no point to count from.)"""
    here = ent.start_char
    paragraph, previous = _paragraph_at(starts, here)
    told = [d for d in dates if d.ent.start_char < here and not d.lasting and d.ent[0].lower_ != "since"
            and d.span.start is not None]
    for since in (paragraph, previous):
        if earlier := [d for d in told if d.ent.start_char >= since]:
            return earlier[-1].span
    return publication_span(published)


@dataclass(frozen=True)
class _Dated:
    """A date phrase of the Doc with what the cascade needs to know about it."""

    ent: Span
    span: TimeSpan
    governor: Token  # the verb it dates
    fronted: bool  # it opens its sentence and so dates the whole sentence
    when: Token | None  # the verb of a when-clause right after it ("in 2014, when Isis took Mosul")
    quote: tuple[int, int] | None  # the quotation it stands in, as character offsets
    lasting: bool = False  # it measures how long something has gone on ("for three decades")


class EventDater:
    """Dates the events of a Doc (see the module docstring for the cascade)."""

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        events = doc._.ng_events or []
        dates: list[_Dated] = []
        quotes = quotations(doc.text)
        named = named_event_phrases(doc, published)
        for phrase, time in named:
            # "after the failed coup", "since 9/11": a known event's date (a date phrase inside
            # the name, "9/11" or "the July 15 coup attempt", is the event's, not another)
            fronted = _fronted(doc, phrase, phrase.sent.start)
            dates.append(_Dated(phrase, time, _date_governor(phrase, fronted), fronted, None,
                                quoted_in(quotes, phrase.start_char)))
        starts = _paragraph_starts(doc.text)
        for ent in sorted(_date_phrases(doc), key=lambda e: e.start):
            if any(phrase.start <= ent.start < phrase.end for phrase, _ in named):
                continue
            ent = _extend_range(doc, ent)
            if ent.start > 0 and doc[ent.start - 1].lower_ == "since":
                ent = doc[ent.start - 1 : ent.end]  # "since 2014" runs up to the publication date
            conflict = _conflict_span(doc, ent, published)
            text = ent.text
            if conflict is not None:
                ent = conflict[0]
            elif (war := _dated_war(ent)) is not None:
                ent = war
            fronted = _fronted(doc, ent, ent.sent.start)
            governor = _date_governor(ent, fronted)
            span = conflict[1] if conflict else normalise(text, published, _is_future(governor))
            lasted = conflict is not None
            if span is None and ent.root.head.lower_ in ("for", "in") and _present_perfect(governor):
                # "has waged it for three decades", "have been killed in eight days of bombing": the
                # stretch up to now
                span, lasted = lasting(text, published), True
            if span is None:
                span = shifted(text, _anchor(doc, ent, dates, starts, published), published)
            if span is not None:
                quote = quoted_in(quotes, ent.start_char)
                dates.append(_Dated(ent, span, governor, fronted, _when_clause(doc, ent), quote, lasted))
                if (perfect := _since_clause(governor)) is not None and published is not None:
                    # "had been pressing for his extradition since he was detained two years ago":
                    # the perfect clause runs from the date of the since-clause up to now (the
                    # since-clause itself keeps its date: the detention was two years ago)
                    stretch = TimeSpan(span.start, max(published, span.end or published), span.precision,
                                       span.text, span.basis)
                    dates.append(_Dated(ent, stretch, perfect, False, None, quote))
        dates.sort(key=lambda dated: dated.ent.start)
        for event in events:
            date = self._date(doc, event, dates, starts, quotes, published)
            lasted = any(date is dated.span for dated in dates if dated.lasting)
            event.extra["date"] = _background(doc, event, date, lasted, published) or date
        for event in events:
            if event.extra["date"].basis != "publication":
                continue
            earlier = _act_referred_to(doc, event, events)
            span = earlier.extra["date"] if earlier else _decision_named_again(doc, event, dates)
            if span is not None:
                event.extra["date"] = replace(span, basis="inherited")
        return doc

    def _date(
        self,
        doc: Doc,
        event: RawEvent,
        dates: list[_Dated],
        starts: list[int],
        quotes: list[tuple[int, int]],
        published: dt.date | None,
    ) -> TimeSpan:
        trigger = doc[event.trigger]
        ancestors = {trigger.i, *(t.i for t in trigger.ancestors)}
        # a relative clause describes its noun in a time of its own: "On Tuesday Erdogan named
        # the PKK, with whom Ankara has fought for decades" does not date the fighting Tuesday
        relative = next((t for t in (trigger, *trigger.ancestors) if t.dep_ == "relcl"), None)
        above_relative = {t.i for t in relative.ancestors} if relative is not None else set()
        # 1. A date in the clause of the event or of a clause governing it; nearest wins.
        best: tuple[int, TimeSpan] | None = None
        for dated in dates:
            ent, governor = dated.ent, dated.governor
            if dated.when is not None and dated.when.i in ancestors:
                governor = dated.when  # "11 months ago, when the army invaded ...": that clause's time
            if not (event.sent_start <= ent.start < event.sent_end):
                continue
            if (ent.root.dep_ in _NOUN_MODIFIER and ent.root.head.i != trigger.i and not dated.fronted
                    and governor.pos_ in ("VERB", "AUX")):
                continue  # "the 2015 deal" parsed onto a verb: a date of the deal, not of this event
            # the date of the event noun itself, or of a clause describing it ("a summit, to be
            # held on Friday")
            inside = ent.root.head.i == trigger.i or (
                governor.dep_ in ("acl", "relcl") and governor.head.i == trigger.i
            ) or _reduced_participle(governor, trigger)
            if (not inside and (dated.fronted or ent.start > governor.i) and _conjunct_below(trigger, governor)
                    and _is_past(governor) != _is_past(clause_verb(trigger))):
                continue  # "fought a war in 2006, and officials have warned ...": another tense
            if not inside and _is_future(governor) and _past_below(trigger, governor):
                continue  # "will hold talks on Tuesday, after he placed conditions on ...": told as done
            if governor.i in above_relative and not dated.fronted and not inside:
                continue
            if inside or governor.i in ancestors:
                distance = 0 if inside else len(list(trigger.ancestors)) - len(list(governor.ancestors))
                if best is None or distance < best[0]:
                    best = (distance, dated.span)
        if best is not None and best[0] == 0:
            return best[1]
        # a noun that names a known event ("the 9/11 attacks") is dated by it, unless a date
        # phrase of its own says otherwise
        if trigger.pos_ == "NOUN" and (known := named_event_of(trigger, published)) is not None:
            return known
        if best is not None:
            return best[1]
        # 2. Narrative carry-over for past-tense events: the latest date of the last few
        # sentences of the paragraph (or, at a paragraph's start, the end of the one before).
        # A date quoted from someone carries over only inside the same quotation; "since 2014"
        # names a stretch up to now, and a date in a clause describing a noun ("an agreement
        # signed last year") that noun's past, not the time of the story.
        chain = _clause_chain(trigger)
        if any(_is_past(v) for v in chain):
            # a statement takes the date of an earlier statement, not of the events it is about
            # ("The attack on Saturday killed 70. The ambassador said ..." is not Saturday)
            reporting = load_cues().reporting
            statement = any(v.lemma_.lower() in reporting for v in chain)
            here = doc[event.sent_start].idx
            paragraph, previous = _paragraph_at(starts, here)
            window = sentences_back(doc[max(0, event.sent_start - 1)].sent, NARRATIVE_SENTENCES - 1)
            since = max(window.start_char, paragraph)
            quote = quoted_in(quotes, trigger.idx)
            narrative = [
                dated for dated in dates
                if (dated.fronted or dated.ent.root.dep_ not in _NOUN_MODIFIER)
                and dated.ent[0].lower_ != "since"
                and not dated.lasting  # "has fought Turkey for three decades" is no narrative time
                and not any(t.dep_ in ("acl", "relcl") for t in (dated.governor, *dated.governor.ancestors))
                and dated.quote in (None, quote)
                and (not statement or dated.governor.lemma_.lower() in reporting)
                and (published is None or dated.span.start is None or dated.span.start <= published)
            ]
            earlier = [d.span for d in narrative if since <= d.ent.start_char < here]
            if not earlier and since == paragraph:
                earlier = [d.span for d in narrative if previous <= d.ent.start_char < paragraph]
            if earlier:
                span = earlier[-1]
                return TimeSpan(span.start, span.end, span.precision, span.text, "inherited")
        # 3. The publication date.
        return publication_span(published)


@Language.factory(
    "newsgraph_time",
    requires=["doc._.ng_events", "doc._.ng_mentions", "doc._.ng_actors", "doc.ents"],
    assigns=["doc._.ng_events"],
)
def make_event_dater(nlp: Language, name: str) -> EventDater:
    """spaCy factory: the time stage."""
    return EventDater()
