"""Reading spaCy's dependency parse: who did it, where, when, and was it real.

Small functions over tokens that the event detector combines. They only use
dependency labels and words (kg does not load spaCy's tagger), and they stay
inside one sentence: a pronoun is resolved only to a name in its own sentence.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

PRONOUNS_ONE = {"he", "him", "his", "she", "her", "hers", "it", "its"}
PRONOUNS_MANY = {"they", "them", "their"}
RELATIVES = {"who", "whom", "that", "which", "whose"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
COPULAS = {"be", "is", "are", "was", "were", "been", "being", "'s", "'re"}
FUTURE_AUX = {"will", "'ll", "shall", "wo"}
SCHEDULED = {"due", "set", "expected", "scheduled", "going", "slated", "planned", "poised"}
MODALS = {"could", "might", "may", "would", "should", "must", "can", "ca", "cannot"}
# Verbs whose complement has not (or not yet) happened: "wants to meet", "called for talks".
UNREAL = {
    f
    for stem in (
        "want wants wanted hope hopes hoped plan plans seek seeks sought try tries tried",
        "refuse refuses refused threaten threatens threatened propose proposes proposed",
        "urge urges urged call calls called ask asks asked consider considers considered",
        "offer offers offered intend intends intended aim aims aimed fail fails failed",
        "deny denies denied reject rejects rejected decline declines declined press",
        "presses pressed push pushes pushed demand demands demanded invite invites",
        "invited wish wishes wished cancel cancels cancelled canceled postpone postponed",
        "postpones delay delayed delays avoid avoided avoids rule ruled rules",
        "attempt attempts attempted prepare prepares preparing hoping wanting planning",
        "seeking trying refusing threatening proposing urging calling asking considering",
        "offering intending aiming failing denying rejecting declining pressing pushing",
        "demanding inviting wishing cancelling canceling postponing delaying avoiding",
        "ruling attempting appeal appeals appealed appealing",
    )
    for f in stem.split()
}
# Verbs that call off what their object names: "abandoned its takeover", "plans … were
# scrapped". Forms written out (this module reads no tables).
UNDOING = {
    f
    for stem in (
        "abandon abandons abandoned abandoning withdraw withdraws withdrew withdrawn",
        "withdrawing scrap scraps scrapped scrapping drop drops dropped dropping",
        "cancel cancels cancelled canceled cancelling shelve shelves shelved shelving",
        "halt halts halted halting suspend suspends suspended suspending axe axes axed",
        "ditch ditches ditched ditching",
    )
    for f in stem.split()
}
_MARKS_UNREAL = {"if", "unless", "whether", "once"}  # "once he has recovered"
# Nouns of a prospect: "a nomination for an award", "a bid for the title", "the race for
# the presidency" name a happening that has not (yet) taken place.
_PROSPECTS = {"nomination", "nominations", "bid", "bids", "race", "candidate", "candidacy"}
_PROSPECTS |= {"contender", "contenders", "hopes", "campaign", "favourite", "favorite"}
_PROSPECTS |= {"nominated", "nominee", "nominees", "shortlisted", "tipped", "chance"}
_HYPOTHETICAL_MODIFIERS = {
    "possible",
    "potential",
    "proposed",
    "hypothetical",
    "rumoured",
    "rumored",
    "alleged",
    "mooted",
    "no",
    "future",
}
_AGGREGATE = {"several", "many", "numerous", "repeated", "regular", "frequent", "previous"}
_AGGREGATE |= {"recent", "past", "various", "countless", "series", "further", "more"}
NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}


def kids(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def preps(token: Token, words: set[str] | frozenset[str]) -> Iterator[Token]:
    """The objects of the prepositions ``words`` attached to ``token``."""
    for p in token.children:
        if p.dep_ in ("prep", "agent") and p.lower_ in words:
            yield from kids(p, "pobj")


def with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


_CLAUSE = {"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "agent", "neg", "prt", "dative"}


def has_clause(token: Token) -> bool:
    """True when the word has a verb's dependents (a subject, an object, an auxiliary)."""
    return any(c.dep_ in _CLAUSE for c in token.children)


def is_verbal(token: Token) -> bool:
    """Whether a word that can be a verb or a noun is used as a verb here."""
    deps = {c.dep_ for c in token.children}
    if deps & _CLAUSE:
        return True
    if deps & {"det", "poss", "amod", "nummod", "compound"}:
        return False
    if token.dep_ == "conj":
        return is_verbal(token.head) if token.head.i != token.i else False
    return token.dep_ in {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "pcomp", "acl", "csubj"}


def is_passive(token: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


# Prepositions whose -ing clause shares the subject of the verb they hang from.
_ADJUNCT_PREPS = {"after", "before", "since", "while", "upon", "on"}


def clause_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, borrowed from the verb it depends on when it has none.

    "Putin was due to arrive" → Putin; "who had arrived" → the noun "who" stands for;
    "Clark is in hospital after suffering a stroke" → Clark.
    """
    current = verb
    for _ in range(4):
        subjects = kids(current, *SUBJECTS)
        if subjects:
            subject = subjects[0]
            if subject.lower_ in RELATIVES and current.dep_ == "relcl":
                return current.head
            return subject
        if current.dep_ == "relcl":
            return current.head
        if current.dep_ == "pcomp" and current.head.lower_ in _ADJUNCT_PREPS:
            current = current.head.head  # "X is in hospital after suffering a stroke"
            continue
        if current.dep_ not in ("xcomp", "acomp", "conj", "advcl") or current.head.i == current.i:
            return None
        if current.dep_ == "advcl" and not any(c.lower_ in ("to",) for c in current.children):
            return None
        current = current.head
    return None


def unreal(trigger: Token, governor: Token | None) -> bool:
    """True when the clause denies, doubts, wishes or conditions the happening."""
    if trigger.sent.text.rstrip().endswith("?"):
        return True
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ == "for" and head.head.lower_ in _PROSPECTS:
        return True  # "a nomination for a Grammy award"
    if governor is None or governor.i == trigger.i:
        for c in trigger.children:
            if c.lower_ in _HYPOTHETICAL_MODIFIERS and c.dep_ in ("amod", "det", "compound"):
                return True
    for obj in kids(trigger, "dobj"):  # "announced no plans"
        if any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
            return True
    chain = [trigger]
    current = governor or trigger
    chain.append(current)
    for _ in range(5):
        if current.dep_ not in ("xcomp", "acomp", "conj", "prep", "pobj", "pcomp", "dobj", "aux"):
            break
        if current.head.i == current.i:
            break
        current = current.head
        chain.append(current)
    for i, token in enumerate(chain):
        # The trigger's own verb may be "failed" ("the talks failed"); a verb above it
        # governs it ("failed to agree a deal").
        if i >= 2 and token.i != trigger.i and token.lower_ in UNREAL:
            return True
        for c in token.children:
            if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODALS):
                return True
            if c.dep_ == "mark" and c.lower_ in _MARKS_UNREAL:
                return True
    return False


def undone(trigger: Token) -> bool:
    """True for a noun a verb calls off: "abandoned its takeover", "the strike was
    suspended", "dropped plans for a merger"."""
    current = trigger
    if current.dep_ == "pobj" and current.head.head.lower_ in ("plans", "plan", "bid"):
        current = current.head.head  # "plans for a merger"
    if current.dep_ in ("dobj", "nsubjpass") and current.head.i != current.i:
        return current.head.lower_ in UNDOING
    return False


def future(trigger: Token, governor: Token | None) -> bool:
    """True when the clause speaks of something still to come ("will meet", "due to")."""
    for c in trigger.children:
        if c.dep_ == "amod" and c.lower_ in ("next", "upcoming", "forthcoming", "coming"):
            return True
    current = governor or trigger
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in current.children):
            return True
        if current.dep_ == "xcomp" and current.head.lower_ in SCHEDULED:
            return True
        if current.dep_ not in ("xcomp", "acomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


def past_perfect(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children)


def aggregate(trigger: Token) -> bool:
    """True for a count of happenings rather than one ("four meetings", "repeated visits")."""
    for c in trigger.children:
        counted = c.dep_ == "nummod" and c.lower_ in NUMBER_WORDS | {"2", "3", "4", "5"}
        if counted and not _in_score(c):
            return True
        if c.dep_ in ("amod", "det") and c.lower_ in _AGGREGATE:
            return True
    head = trigger.head
    return trigger.dep_ == "pobj" and head.head.lower_ in ("series", "string", "spate", "wave")


_DASHES = {"-", "–", "—"}


def _in_score(number: Token) -> bool:
    """ "a 6-3 6-1 win", "a 2-0 victory": a number beside a dash is a score, not a count."""
    doc = number.doc
    around = [doc[j] for j in (number.i - 1, number.i + 1) if 0 <= j < len(doc)]
    return any(t.text in _DASHES for t in around) or any(d in number.text for d in _DASHES)


def ancestors_until_speech(token: Token, limit: int = 8) -> Iterator[tuple[str, Token]]:
    """(edge, ancestor) pairs up the tree, stopping before a reported clause's verb."""
    current = token
    for _ in range(limit):
        if current.head.i == current.i:
            return
        edge = current.dep_
        current = current.head
        yield edge, current
