"""One event type's trigger words and argument rules (:class:`Kind`), and the word forms
they are written with.

spaCy's lemmatizer and tagger are not loaded (kg.extract.nlp), so a trigger table lists
inflected forms. :func:`verb` writes them out from base forms ("ban" → ban, bans,
banned, banning) with English spelling rules and a table of irregular verbs, so a
table names each verb once.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Kind:
    key: str
    verbs: dict[str, str]  # verb form → the noun that names the event ("met" → "meeting")
    nouns: dict[str, str]  # noun form → the noun that names the event ("talks" → "talks")
    roles: frozenset[str]
    # Verbs that make a trigger noun an event with their own subject ("held talks").
    light: frozenset[str] = frozenset()
    # Prepositions through which a light verb takes the noun ("went on trial").
    light_preps: frozenset[str] = frozenset()
    min_verbal: int = 1  # participants a verb trigger needs
    min_nominal: int = 1  # participants a noun trigger needs (0: a place and a date will do)
    needs_place: bool = False  # a visit is nowhere without a place
    placed: bool = True  # where it happened is part of the event (not for a takeover)
    agent_from_context: bool = False  # "during their meeting", "upon his arrival"
    place_modifier: bool = False  # "Iraq's election", "the Madrid bombings"
    needs_light: bool = False  # the noun alone is no event ("a deal" vs "signed a deal")
    # Modifiers that make a trigger noun mean something else ("heart attack").
    not_with: frozenset[str] = field(default_factory=frozenset)
    people_only: bool = False  # only persons take part (a club makes no visit)
    needs_person: bool = False  # at least one participant is a person
    # Forms that have other senses ("a drug trial", "the shooting of a film") are
    # events of this kind only in a sentence with one of the ``context`` words.
    ambiguous: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()
    off_context: frozenset[str] = frozenset()  # words of the other sense ("record", "race")
    # Object heads that make a trigger verb mean something else ("launched an attack"
    # is an attack, not a product launch).
    not_objects: frozenset[str] = frozenset()
    # Sections (articleSection, lower case) whose articles read the ambiguous forms in
    # this kind's sense: "beat" in a sports section is a match.
    sections: frozenset[str] = frozenset()
    # Prepositions through which any verb's subject takes part ("sailed … while on a
    # visit"), beyond the light verbs.
    frame_preps: frozenset[str] = frozenset()
    # Verb forms that are this kind only with their particle ("stepped down").
    particles: dict[str, str] = field(default_factory=dict)
    # Verb forms that are this kind only with one of these prepositions ("lost to",
    # "cleared of", "called for").
    preps: dict[str, frozenset[str]] = field(default_factory=dict)


def forms(noun: str, *words: str) -> dict[str, str]:
    """Each of ``words`` names an event called ``noun``."""
    return dict.fromkeys(words, noun)


# Irregular verbs: base → (third person, past, past participle, gerund).
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "meet": ("meets", "met", "met", "meeting"),
    "win": ("wins", "won", "won", "winning"),
    "beat": ("beats", "beat", "beaten", "beating"),
    "buy": ("buys", "bought", "bought", "buying"),
    "sell": ("sells", "sold", "sold", "selling"),
    "hold": ("holds", "held", "held", "holding"),
    "take": ("takes", "took", "taken", "taking"),
    "strike": ("strikes", "struck", "struck", "striking"),
    "shoot": ("shoots", "shot", "shot", "shooting"),
    "lose": ("loses", "lost", "lost", "losing"),
    "draw": ("draws", "drew", "drawn", "drawing"),
    "die": ("dies", "died", "died", "dying"),
    "tell": ("tells", "told", "told", "telling"),
    "say": ("says", "said", "said", "saying"),
    "quit": ("quits", "quit", "quit", "quitting"),
    "sue": ("sues", "sued", "sued", "suing"),
    "flee": ("flees", "fled", "fled", "fleeing"),
    "overcome": ("overcomes", "overcame", "overcome", "overcoming"),
    "sink": ("sinks", "sank", "sunk", "sinking"),
    "break": ("breaks", "broke", "broken", "breaking"),
    "give": ("gives", "gave", "given", "giving"),
    "write": ("writes", "wrote", "written", "writing"),
    "fight": ("fights", "fought", "fought", "fighting"),
    "forecast": ("forecasts", "forecast", "forecast", "forecasting"),
    "wed": ("weds", "wed", "wed", "wedding"),
    "rebuild": ("rebuilds", "rebuilt", "rebuilt", "rebuilding"),
    "blow": ("blows", "blew", "blown", "blowing"),
    "steal": ("steals", "stole", "stolen", "stealing"),
    "admit": ("admits", "admitted", "admitted", "admitting"),
    "commit": ("commits", "committed", "committed", "committing"),
    "submit": ("submits", "submitted", "submitted", "submitting"),
    "acquit": ("acquits", "acquitted", "acquitted", "acquitting"),
    "stand": ("stands", "stood", "stood", "standing"),
    "hit": ("hits", "hit", "hit", "hitting"),
    "set": ("sets", "set", "set", "setting"),
    "lead": ("leads", "led", "led", "leading"),
    "make": ("makes", "made", "made", "making"),
    "run": ("runs", "ran", "run", "running"),
    "find": ("finds", "found", "found", "finding"),
    "come": ("comes", "came", "come", "coming"),
    "go": ("goes", "went", "gone", "going"),
    "rise": ("rises", "rose", "risen", "rising"),
    "fall": ("falls", "fell", "fallen", "falling"),
    "grow": ("grows", "grew", "grown", "growing"),
    "slide": ("slides", "slid", "slid", "sliding"),
    "shrink": ("shrinks", "shrank", "shrunk", "shrinking"),
    "leave": ("leaves", "left", "left", "leaving"),
    "withdraw": ("withdraws", "withdrew", "withdrawn", "withdrawing"),
}
# Past tense and participle forms of common irregular verbs beyond those above:
# kg has no tagger, so "set" and "held" are known to be past by this list.
_PAST = """went gone came made took taken held set put hit won lost beat beaten met led left
fell fallen rose risen grew grown drew drawn threw thrown gave given got gotten saw seen told
said found thought brought bought caught taught fought sold kept felt spent sent built paid
ran began begun broke broken chose chosen drove driven flew flown forgot forgotten froze
frozen hid hidden rode rang rung sang sung sank sunk spoke spoken stole stolen swam swum
swore sworn tore torn woke woken wore worn wrote written struck stuck stood understood
became overcame shot fled fed bled sped dealt meant lent bent hung dug spun shone slid
split spread quit cut shut cost hurt burst cast knew known heard withdrew withdrawn
undertook undertaken overtook overtaken upheld sought slept swept wept won bore borne
blew blown arose arisen forbade forbidden forgave forgiven led misled mistook outgrew
shook shaken strove striven sprang sprung stank stung swung thrust trod trodden"""
PAST_FORMS = frozenset(_PAST.split()) | {f for v in _IRREGULAR.values() for f in v[1:3]}

# Verbs that double their last consonant ("ban" → "banned", "rebel" → "rebelled").
_DOUBLING = {"ban", "plan", "stop", "drop", "rob", "grab", "rebel", "cancel", "label", "travel"}
_DOUBLING |= {"compel", "expel", "propel", "trim", "slam", "snub", "pin", "bar", "scrap", "swap"}
_DOUBLING |= {"net", "top", "rap", "step", "slip", "grip", "dip"}
_VOWELS = set("aeiou")


def inflect(base: str) -> tuple[str, ...]:
    """The base form of a verb and its inflections, without duplicates."""
    if " " in base:  # "rule out": the first word inflects
        head, rest = base.split(" ", 1)
        return tuple(f"{f} {rest}" for f in inflect(head))
    if base in _IRREGULAR:
        return tuple(dict.fromkeys((base, *_IRREGULAR[base])))
    if base in _DOUBLING:
        last = base[-1]
        return (base, base + "s", base + last + "ed", base + last + "ing")
    if base.endswith("e"):
        return (base, base + "s", base + "d", base[:-1] + "ing")
    if base.endswith("y") and base[-2:-1] not in _VOWELS:
        return (base, base[:-1] + "ies", base[:-1] + "ied", base + "ing")
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return (base, base + "es", base + "ed", base + "ing")
    return (base, base + "s", base + "ed", base + "ing")


def verb(noun: str, *bases: str) -> dict[str, str]:
    """Every form of the verbs ``bases`` names an event called ``noun``.

    Phrasal verbs ("step down") are keyed by their first word's forms; their
    particle goes into the kind's ``particles`` (see :func:`particles`).
    """
    return {form.split(" ")[0]: noun for base in bases for form in inflect(base)}


def particles(*bases: str) -> dict[str, str]:
    """Form → particle of the phrasal verbs among ``bases`` ("stepped" → "down")."""
    out: dict[str, str] = {}
    for base in bases:
        if " " in base:
            head, particle = base.split(" ", 1)
            out.update(dict.fromkeys(inflect(head), particle))
    return out


def with_preps(words: frozenset[str], *bases: str) -> dict[str, frozenset[str]]:
    """Form → ``words``, for every form of the verbs ``bases`` (see ``Kind.preps``)."""
    return {form: words for base in bases for form in inflect(base)}
