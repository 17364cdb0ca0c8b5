"""jobTitle and nationality of a person from the words right before the name.

"Brazilian President Ana Ferreira" → jobTitle President, nationality BR;
"South Africa's Thabo Nkosi" → nationality ZA. "former"/"late" titles are not
current and are not kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.lexicon.gazetteer import gazetteer

_TITLES = {
    "president",
    "vice president",
    "vice-president",
    "prime minister",
    "premier",
    "leader",
    "chancellor",
    "minister",
    "foreign minister",
    "defence minister",
    "defense minister",
    "finance minister",
    "interior minister",
    "secretary",
    "secretary of state",
    "secretary-general",
    "secretary general",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "pope",
    "governor",
    "mayor",
    "senator",
    "sen.",
    "congressman",
    "congresswoman",
    "representative",
    "rep.",
    "ambassador",
    "envoy",
    "general",
    "gen.",
    "chief",
    "ceo",
    "chief executive",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "coach",
    "manager",
    "captain",
    "judge",
    "justice",
    "attorney general",
    "commissioner",
    "deputy",
    "founder",
    "editor",
    "professor",
    "president-elect",
    "dictator",
    "ruler",
    "monarch",
    "crown prince",
    "foreign secretary",
    "home secretary",
    "chief minister",
    "opposition leader",
    "supreme leader",
    "head of state",
    "commander",
    "admiral",
    "colonel",
    "lieutenant",
    "sheikh",
    "ayatollah",
    "cardinal",
    "archbishop",
    "bishop",
}
_NOT_CURRENT = {"former", "late", "ex", "ex-", "then", "acting", "outgoing", "the"}


@dataclass
class Profile:
    job_titles: list[str] = field(default_factory=list)
    nationality: str | None = None


def person_profile(doc: Doc, start: int, end: int) -> Profile:
    """jobTitle and nationality from the words right before a person's name."""
    profile = Profile()
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start == 0:
        return profile
    sent_start = span.sent.start if doc.has_annotation("SENT_START") else 0
    words = [t for t in doc[max(sent_start, span.start - 5) : span.start]]
    while words and not words[0].is_alpha and words[0].text not in ("U.S.", "U.K."):
        words = words[1:]
    text_words = [t.text for t in words]
    gaz = gazetteer()
    for cut in range(len(text_words)):
        tail = text_words[cut:]
        if not tail:
            break
        title = " ".join(tail)
        if title.casefold() in _TITLES:
            before = text_words[:cut]
            if before and before[-1].casefold() in _NOT_CURRENT:
                return profile
            profile.job_titles.append(title)
            profile.nationality = _nationality(before, gaz)
            return profile
    profile.nationality = _possessive_country(text_words, gaz)
    return profile


def _nationality(words: list[str], gaz: object) -> str | None:
    for n in (2, 1):
        if len(words) >= n:
            phrase = " ".join(words[-n:])
            code = gaz.demonym_country(phrase)  # type: ignore[attr-defined]
            if code:
                return str(code)
            phrase = phrase.removesuffix("'s").removesuffix("’s")
            place = gaz.resolve(phrase) if words[-1].endswith(("'s", "’s")) else None  # type: ignore[attr-defined]
            if place is not None and place.kind == "Country":
                return str(place.country_code)
    return None


def _possessive_country(words: list[str], gaz: object) -> str | None:
    """'South Africa's Thabo Nkosi' → ZA; spaCy splits the "'s" off as its own token."""
    if len(words) >= 2 and words[-1] in ("'s", "’s"):
        for n in (2, 1):
            if len(words) > n:
                place = gaz.resolve(" ".join(words[-1 - n : -1]))  # type: ignore[attr-defined]
                if place is not None and place.kind == "Country":
                    return str(place.country_code)
    return None
