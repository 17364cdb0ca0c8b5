"""News agencies: how texts name them and the organisation each name means."""

from __future__ import annotations

import re

# fmt: off
AGENCIES: dict[str, str] = {
    # how the text names it (casefolded) → the organisation's name
    "reuters": "Reuters", "thomson reuters": "Reuters", "afp": "Agence France-Presse",
    "agence france-presse": "Agence France-Presse",
    "agence france presse": "Agence France-Presse", "ap": "Associated Press",
    "associated press": "Associated Press", "the associated press": "Associated Press",
    "xinhua": "Xinhua", "pti": "Press Trust of India",
    "press trust of india": "Press Trust of India", "ani": "Asian News International",
    "ians": "Indo-Asian News Service", "uni": "United News of India", "bloomberg": "Bloomberg",
    "dpa": "Deutsche Presse-Agentur", "efe": "EFE", "ansa": "ANSA", "kyodo": "Kyodo News",
    "yonhap": "Yonhap", "tass": "TASS", "ria novosti": "RIA Novosti", "interfax": "Interfax",
    "anadolu": "Anadolu Agency", "aap": "Australian Associated Press",
    "upi": "United Press International", "epa": "European Pressphoto Agency",
    "getty images": "Getty Images", "agencies": "",
}
# fmt: on

# A regular-expression alternation of the agency names, longest first.
AGENCY_PATTERN = "|".join(
    sorted((re.escape(k) for k in AGENCIES if k != "agencies"), key=len, reverse=True)
)


def agency_name(text: str) -> str | None:
    """The organisation a news-agency name means ("AFP" → Agence France-Presse)."""
    return AGENCIES.get(" ".join(text.split()).casefold().strip(" .()")) or None
