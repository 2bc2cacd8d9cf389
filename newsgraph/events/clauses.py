"""The shape of clauses in the parse, as the event and time stages read it: which verb a word's
clause hangs on, which clauses stand on their own, which name a condition, a claim or an
adjunct, and what a trigger's object is."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.lexicon import Trigger
from newsgraph.events.modality import load_cues, modality
from newsgraph.syntax import clause_verb, infinitive

# Dependency labels of a clause's subject, active and passive.
SUBJ = {"nsubj", "csubj"}
PASSIVE_SUBJ = {"nsubjpass", "csubjpass"}
# Prepositions naming the medium of what a speaker says ("said in a phone call", "during talks").
MEDIUM_PREPS = {"in", "during", "via", "through", "over", "at"}
RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
# Prepositions that set one event beside another in time or cause ("entered Kabul after the
# call", "despite the talks"): what they introduce is an event of its own, not an argument.
ADJUNCT_PREPS = {"after", "before", "during", "since", "despite", "following", "amid", "amidst",
                 "until", "because", "due", "ahead", "prior", "upon", "over"}
# Prepositions that name whose account a clause is ("according to Reuters", see
# modality.attribution): a teller, never an argument of the act told.
SOURCE_PREPS = {"according"}
# Entity labels of a compound that names an actor rather than a trigger's object.
NAMED_COMPOUNDS = {"GPE", "NORP", "ORG", "PERSON"}


def speech_medium(prep: Token) -> bool:
    """A preposition setting the occasion of someone's words: "said in a phone call to
    Erdogan", "speaking after a meeting with May". The event it names is the speaker's own and
    no content of what was said."""
    cues = load_cues()
    verb = prep.head.lemma_.lower()
    return prep.lower_ in MEDIUM_PREPS | {"after", "following", "before"} and (
        verb in cues.reporting or verb in cues.speaking
    )


def backer(token: Token) -> bool:
    """A name that only says who backs the thing it describes: "US" in "attacked US-allied
    Kurdish militias", "Russian" in "a Russian-backed militia"."""
    head = token.head
    return (token.dep_ in ("npadvmod", "compound", "nmod") and head.i != token.i and head.dep_ == "amod"
            and head.tag_ in ("VBN", "JJ") and head.lemma_.lower() in load_cues().backing)


def bare_participle(verb: Token) -> bool:
    """A past participle standing with no auxiliary and no object after a verb of belief or
    report ("the commander, believed killed in a drone strike", "were reported wounded by
    shelling"): a passive, whose subject is who underwent the act."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("xcomp", "oprd"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "dobj", "nsubj", "nsubjpass") for c in verb.children):
        return False
    cues = load_cues()
    return verb.head.lemma_.lower() in cues.reporting | cues.believing


def shared_passive(verb: Token) -> Token | None:
    """The passive verb a past participle is joined to, with no subject, auxiliary or object of
    its own ("protesters were arrested, beaten and killed", "militants had been neutralised,
    killed or captured"): the participle is a passive too, whose subject underwent it (not "the
    town was shelled and troops stormed it", nor "was elected and appointed ministers"). None
    for any other verb."""
    node = verb
    for _ in range(6):
        # (the small model may hang the second of a list on the first as "dep")
        if node.tag_ != "VBN" or node.dep_ not in ("conj", "dep") or node.head.i == node.i or any(
            c.dep_ in ("aux", "auxpass", "dobj", "nsubj", "nsubjpass") for c in node.children
        ):
            return None
        node = node.head
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children):
            return node
    return None


def taken_part_in(noun: Token) -> Token | None:
    """The verb of taking part whose "in" phrase a nominal act is ("troops took part in the
    assault", "soldiers participated in the raid"; cues ``participating``), or of claiming the act
    ("claimed responsibility for the bombing", "claimed the attack"; cues ``claiming``): its
    subject does the act, on its own word. None for any other noun."""
    prep = noun.head
    cues = load_cues()
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in cues.claiming:
        return noun.head if _made_claim(noun.head) else None  # "Hamas claimed the rocket attack"
    if noun.dep_ != "pobj" or prep.head.i == prep.i:
        return None
    if prep.lower_ == "for" and prep.head.dep_ == "dobj":
        # "al-Shabaab claimed responsibility for the bombing", "took responsibility for the raid"
        held, verb = prep.head, prep.head.head
        claimed = f"{verb.lemma_.lower()} {held.lemma_.lower()}" in cues.claiming
        return verb if claimed and _made_claim(verb) else None
    if prep.lower_ != "in":
        return None
    verb = prep.head
    obj = next((c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"), None)
    participating = cues.participating
    return verb if verb.lemma_.lower() in participating or f"{verb.lemma_.lower()} {obj}" in participating else None


def _made_claim(verb: Token) -> bool:
    """Whether a verb of claiming an act tells a claim made: not one denied, refused or still
    awaited ("Isis has not claimed the bombing", "has yet to claim responsibility", "refused to
    claim it"), which says nothing of who did the act (unlike "did not take part in the raid")."""
    if modality(verb, clause_verb(verb), False) == "negated":
        return False
    governor = verb.head if verb.dep_ == "xcomp" else verb
    return not any(c.lower_ in load_cues().awaited for c in governor.children)


def object_gap(verb: Token) -> Token | None:
    """The noun a relative clause with no relative pronoun describes, when that noun is the
    clause's object: "the militias Turkey is battling" (a subject of its own, no object, no
    pronoun). The small model may parse such a clause as adverbial; with no subordinator, the
    noun right before its subject is the one it describes."""
    if verb.pos_ != "VERB" or verb.dep_ not in ("relcl", "advcl"):
        return None
    children = list(verb.children)
    subject = next((c for c in children if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS), None)
    if subject is None or any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "mark") or c.lower_ in RELATIVE_PRONOUNS for c in children
    ):
        return None
    if verb.dep_ == "relcl":
        return verb.head if verb.head.pos_ in ("NOUN", "PROPN") else None
    before = subject.left_edge.i - 1
    if before >= 0 and verb.doc[before].pos_ in ("NOUN", "PROPN") and verb.doc[before].i < verb.i:
        return verb.doc[before]
    return None


# Attachments across which an event stands on its own: clauses, coordination, apposition.


OWN_CLAUSE = {"ccomp", "advcl", "conj", "relcl", "parataxis", "ROOT", "appos", "npadvmod"}


def nested(token: Token, produced: set[int], contents: set[int], asked: frozenset[int] = frozenset()) -> bool:
    """An event word inside another coded event's argument is that event's content, not an
    event: "rejected a US offer to host a summit" is one REJECT, not also an AGREE and a
    CONSULT. A light verb that carries a noun event codes nothing, so it owns nothing. A clause
    stands on its own, except the that-clause of a demand, agreement or threat
    (``contents``): "demanded that the army withdraw" is no withdrawal. The infinitive of a
    request made of someone (``asked``: "put pressure on Iran to negotiate", "a way to press
    Moscow to talk") is what is asked, coded or not, never an act done."""
    node = token
    for _ in range(5):
        if condition(node):
            return conditions_event(node.head, produced)
        if node.dep_ == "ccomp" and node.head.i in contents and node.i > node.head.i:
            return True  # (a "ccomp" before its verb is mostly a misparsed participle clause)
        if node.dep_ == "advcl" and node.head.i in contents and infinitive(node) and any(
            c.dep_ in PASSIVE_SUBJ for c in node.head.children
        ):
            return True  # "was pressed by Berlin to cut pensions": the small model's advcl is what is asked
        if node.dep_ == "conj" and node.pos_ == "VERB" and node.head.dep_ in ("xcomp", "advcl") and (
            node.head.head.i in contents and infinitive(node.head)
        ):
            return True  # "vowed to degrade and destroy IS": the second verb is vowed too
        if node.dep_ == "advcl" and node.head.i in contents and infinitive(node) and (
            node.head.lemma_.lower() in load_cues().planned
        ):
            return True  # "vowed in 2018 to crush the YPG": the small model's advcl is what is vowed
        # ("urged it to attend and change the talks": a conjunct shares the asked infinitive)
        asked_verb = node.head if node.dep_ == "conj" and node.pos_ == "VERB" else node
        if asked_verb.dep_ in ("advcl", "xcomp") and asked_verb.head.i in asked and infinitive(asked_verb):
            return True
        if node.dep_ in OWN_CLAUSE or node.head.i == node.i or adjunct(node):
            return False
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.pos_ == "VERB" and _names_actor(node.head):
            return False  # "dispersed demonstrators protesting the results": the protest is theirs
        if node is token and node.dep_ == "dobj" and node.pos_ == "NOUN" and (
            node.head.lemma_.lower() in load_cues().presupposing
        ) and any(c.dep_ == "poss" and _names_actor(c) for c in node.children):
            # "lauded the UAE's recognition of Israel": the recognition is told as done (not what a
            # judged noun only mentions: "deplored the council's failure to end the killing")
            return False
        if node.dep_ == "acl" and node.tag_ == "VBN" and set_off(node):
            return False  # "the YPG, backed by the US, took Raqqa": an aside that tells a fact of its own
        node = node.head
        if node.i in produced:
            return True
    return False


def set_off(clause: Token) -> bool:
    """Whether a participle clause stands between commas after its noun ("the YPG, backed by
    the US,"): an aside telling a fact of its own about the noun."""
    start = clause.left_edge.i
    return start > 0 and clause.doc[start - 1].text == "," and clause.doc[start - 1].head.i == clause.head.i


def _names_actor(token: Token) -> bool:
    """Whether the actor stage found an actor in this token."""
    index = token.doc._.ng_token_mention
    return bool(index) and index[token.i] >= 0


def stranded_object(prep: Token) -> Token | None:
    """The object of a preposition the small model left without one, having made it the subject
    of a reduced relative clause read as a clause of its own: in "granted asylum to five army
    officers holed up in an embassy", "officers" is the subject of "holed" and "to" has no object."""
    if prep.dep_ not in ("prep", "dative") or any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
        return None
    for token in prep.doc[prep.i + 1 : prep.sent.end]:
        if token.dep_ in SUBJ | PASSIVE_SUBJ and token.left_edge.i == prep.i + 1 and token.head.i > token.i:
            return token if token.head.dep_ in ("advcl", "relcl", "ccomp", "conj") else None
        if token.is_punct or token.pos_ in ("VERB", "AUX"):
            return None
    return None


def that_clause(verb: Token) -> bool:
    """Whether a clause opens with "that" ("its demand that the government resign")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def condition(token: Token) -> bool:
    """A clause that sets the condition of another ("threatened to quit if the US deploys
    missiles"): what it says belongs to the event it conditions."""
    marks = load_cues().conditional_marks
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in token.children)


def conditions_event(verb: Token, produced: set[int]) -> bool:
    """Whether a conditioned verb is a coded event, or the infinitive of one ("threatened to
    quit ... if")."""
    for _ in range(3):
        if verb.i in produced:
            return True
        governed = verb.dep_ == "xcomp" or (
            verb.dep_ == "advcl" and infinitive(verb)
        )
        if not governed:
            return False
        verb = verb.head
    return False


def hearsay(verb: Token) -> bool:
    """The act is someone's claim, whoever's: "Iran has been accused of supplying missiles",
    "Iran is widely believed to be supporting the Houthis", "Russia is said to have sent jets"."""
    cues = load_cues()
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        governor = verb.head.head
        claimed = governor.lemma_.lower() in cues.accusing
    elif verb.dep_ == "xcomp":
        governor = verb.head
        claimed = governor.lemma_.lower() in cues.reporting or governor.lemma_.lower() in cues.believing
    else:
        return False
    return claimed and any(c.dep_ == "auxpass" for c in governor.children)


def describing(verb: Token) -> bool:
    """Whether a present participle after a noun (or one joined to it) describes what the
    noun's referents do ("the Kurdish forces fighting in Syria", "troops serving in Mali and
    fighting there"), naming them rather than reporting an act of their own."""
    while verb.dep_ == "conj" and verb.head.tag_ == "VBG":
        verb = verb.head
    return verb.dep_ == "acl" and verb.tag_ == "VBG"


def joint_sources(token: Token) -> bool:
    """Whether two sources of the trigger may act on each other: subjects of a verb or of a verb
    carrying the noun ("Baghdad and Washington are in talks"), not the "by" or possessor of a
    nominal act ("the bombing by Syria and Russia")."""
    if token.pos_ == "VERB":
        return True
    return not any(c.dep_ in ("poss", "agent") or (c.dep_ == "prep" and c.lower_ in ("by", "of"))
                   for c in token.children)


def adjunct(token: Token) -> bool:
    """Whether a preposition sets an event beside another rather than naming its argument: time
    and cause ("after the call"), the medium of speech, acting together ("in coordination with")."""
    if token.dep_ != "prep":
        return False
    # "said in a phone call with Putin that ...": the call is the medium, not what was said;
    # "hit Idlib in coordination with Turkey": acting together is an event beside the act
    manner = token.lower_ == "in" and any(c.lemma_.lower() in load_cues().joint_manner for c in token.children)
    return speech_medium(token) or manner or token.lower_ in ADJUNCT_PREPS


def predicative(token: Token) -> bool:
    """A noun that describes its subject ("is a threat", "as a threat") rather than an act."""
    if token.dep_ in ("attr", "acomp", "oprd"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "as"


def told_together(trigger: Token, other: Token) -> bool:
    """Whether one trigger's clause sets out the other's ("began a strike to protest"), both
    set out one clause ("opened fire to disperse the crowd, killing one"), or the trigger is
    among the other's words ("launched artillery and rocket fire")."""
    if clause_verb(trigger).i == clause_verb(other).i:
        return trigger.i in {t.i for t in other.subtree}
    verb, governor = first_conjunct(clause_verb(trigger)), first_conjunct(clause_verb(other))
    if verb.i == governor.i:
        return False  # "invaded the enclave and drove out the YPG": two acts, told side by side
    purpose = ("advcl", "xcomp")
    return (
        (verb.dep_ in purpose and verb.head.i == governor.i)
        or (governor.dep_ in purpose and governor.head.i == verb.i)
        or (verb.dep_ in purpose and governor.dep_ in purpose and verb.head.i == governor.head.i)
    )


def first_conjunct(verb: Token) -> Token:
    """ "killing or wounding 50": a coordinated verb attaches as the first of its list does."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def object_lemma(token: Token) -> str | None:
    """The lemma of a verb's direct object, or of a noun's "of" object or compound."""
    if token.dep_ == "acl" and token.tag_ == "VBN":
        return token.head.lemma_.lower()  # "a bargain struck in 2016": the participle's noun
    if token.dep_ == "relcl" and token.pos_ == "VERB" and any(
        # a subject of its own: with the relative pronoun as subject ("fighters who captured and
        # lost the city") the noun is the subject, not the object
        c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in token.children
    ):
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if obj is None or obj.lower_ in ("that", "which", "whom", "who"):
            return token.head.lemma_.lower()  # "the deal (that) it had struck": the noun is its object
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            # "positioned some of its forces": the object is what the quantity is of
            part = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if child.lemma_.lower() in load_cues().quantifiers and part is not None:
                pobj = next((c for c in part.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj.lemma_.lower()
            return child.lemma_.lower()
    if token.pos_ == "NOUN":
        for child in token.children:
            # a named compound is the actor, not the object ("the US provision of arms")
            if child.dep_ == "compound" and child.ent_type_ not in NAMED_COMPOUNDS:
                return child.lemma_.lower()
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj.lemma_.lower()
    return None


def object_modifier(token: Token) -> str | None:
    """The lemma of the unnamed noun that classifies a verb's direct object, or a noun's "of"
    object: "ceasefire" in "violated the ceasefire agreement", "peacekeeping" in "the
    deployment of NATO peacekeeping troops"."""
    if token.pos_ == "VERB":
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    else:
        obj = next((p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj"), None)
    if obj is None:
        return None
    kind = next((c for c in obj.children if c.dep_ == "compound" and c.ent_type_ not in NAMED_COMPOUNDS), None)
    return kind.lemma_.lower() if kind is not None else None


# Attachments of clauses of their own, left out of a trigger's clause.
_NESTED_DEPS = {"ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis"}


def clause_tokens(token: Token) -> list[Token]:
    """Tokens of the trigger's own clause, without nested clauses."""
    verb = clause_verb(token)
    out = [verb]
    stack = [c for c in verb.children if c.dep_ not in _NESTED_DEPS]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(c for c in current.children if c.dep_ not in _NESTED_DEPS)
    return out


def fits_object(trigger: Trigger, token: Token, obj: str | None, kind: str | None) -> bool:
    """Whether a word trigger's object (``obj``, or the unnamed noun ``kind`` before it) suits the
    trigger's sense, and whether a naming verb is used to name ("the groups it calls terrorists"
    is no phone call)."""
    if trigger.objects and obj not in trigger.objects and kind not in trigger.objects:
        return False
    return obj not in trigger.not_objects and not (trigger.not_naming and names_object(token))


def names_object(verb: Token) -> bool:
    """A verb with two objects, the second naming the first: "called the plan a disaster"
    (a predicate object), "the groups that Ankara calls terrorists" (two objects), "the groups
    it calls terrorists" (a relative clause with its own subject and object, whose noun is the
    first object)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(c.dep_ == "oprd" for c in verb.children) or len(objects) > 1:
        return True
    subject = next((c for c in verb.children if c.dep_ in SUBJ), None)
    return (
        verb.dep_ == "relcl" and bool(objects) and subject is not None and subject.tag_ not in ("WP", "WDT")
        and verb.head.ent_type_ not in ("DATE", "TIME")
    )
