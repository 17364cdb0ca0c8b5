"""Statements that are themselves the news: "Mike Ruddock says…", "Johnson has accused…".

A verb of saying at the root of an article's lead sentence reports a statement
(kg type ``announcement``). These kinds are used only for the main event
(kg.extract.events.main): most "said" in a story quote a source and are no event.
``SAYING`` takes the speaker only; ``ADDRESSING`` also the one it is addressed
at ("accused Britain's sprinters", "criticised the BBC").
"""

from __future__ import annotations

from kg.extract.events.kind import Kind, particles, verb, with_preps

_SAY = (
    verb("statement", "say", "tell", "insist", "argue", "suggest", "hint", "stress")
    | verb("statement", "rule out", "maintain", "declare", "question")
    | verb("claim", "claim", "allege")
    | verb("warning", "warn", "caution")
    | verb("denial", "deny")
    | verb("rejection", "reject", "dismiss", "rubbish")
    | verb("confirmation", "confirm")
    | verb("disclosure", "reveal", "disclose")
    | verb("admission", "admit", "concede", "acknowledge")
    | verb("forecast", "predict", "forecast")
    | verb("pledge", "vow", "pledge", "promise")
    | verb("apology", "apologise", "apologize")
)
_ADDRESS = (
    verb("accusation", "accuse")
    | verb("criticism", "criticise", "criticize", "slam", "condemn", "hit out", "blast")
    | verb("criticism", "attack")
    | verb("appeal", "call", "plead")
    | verb("praise", "praise")
    | verb("appeal", "urge")
    | verb("threat", "threaten")
    | verb("defence", "defend")
    | verb("challenge", "challenge")
)
# "ruled out", "hit out at": the first word says nothing without its particle.
_PHRASAL = particles("rule out", "hit out")

SAYING = Kind(
    key="announcement",
    verbs=_SAY,
    nouns={},
    roles=frozenset({"subj"}),
    particles={f: p for f, p in _PHRASAL.items() if f in _SAY},
)
# "called for a ceasefire", "pleaded with the union": without the preposition, another verb.
_APPEAL_PREPS = with_preps(frozenset({"for", "on"}), "call") | with_preps(
    frozenset({"with", "for"}), "plead"
)
ATTACKING = frozenset(verb("", "attack"))
# "Gunmen attacked a convoy" is an attack, not words: the sentence tells which.
_VIOLENCE = frozenset(
    {"killed", "killing", "dead", "died", "wounded", "injured", "gunman", "gunmen", "bomb"}
    | {"bomber", "militants", "troops", "soldiers", "shot", "police", "insurgents", "rebels"}
    | {"army", "gun", "guns", "knife", "rocket", "rockets", "missile", "missiles", "mob"}
    | {"assault", "assaulted", "beaten", "stabbed", "hospital", "armed", "fire", "fired"}
)
ADDRESSING = Kind(
    key="announcement",
    verbs=_ADDRESS,
    nouns={},
    roles=frozenset({"subj", "obj", "on", "at"}),
    particles={f: p for f, p in _PHRASAL.items() if f in _ADDRESS},
    preps=_APPEAL_PREPS,
    ambiguous=ATTACKING,
    off_context=_VIOLENCE,
)
STATEMENT_KINDS = (SAYING, ADDRESSING)
# Verbs whose reported clause the article does not assert: "claims Jesus married",
# "denied it was closing a plant", "warns prices will rise".
DOUBTING = frozenset(
    verb("", "claim", "allege", "deny", "reject", "dismiss", "rubbish", "insist", "argue")
    | verb("", "suggest", "hint", "maintain", "predict", "forecast", "warn", "fear", "believe")
    | verb("", "think", "hope", "rumour", "speculate", "doubt", "expect")
)


def statement_kind(word: str) -> Kind | None:
    """The statement kind a lower-case verb form reports, None for other words."""
    for kind in STATEMENT_KINDS:
        if word in kind.verbs:
            return kind
    return None
