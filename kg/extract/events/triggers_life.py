"""Trigger words of the event types of life and misfortune: deaths, accidents,
disasters, rescues, strikes, ceremonies (see kg.extract.events.kind for the fields)."""

from __future__ import annotations

from kg.extract.events.kind import Kind, forms, verb

_HARM = frozenset(
    {"killed", "killing", "dead", "died", "death", "deaths", "injured", "injuring", "hurt"}
    | {"wounded", "victims", "casualties", "missing", "survivors", "destroyed", "damage"}
    | {"damaged", "homes", "houses", "evacuated", "rescue", "rescued", "trapped", "toll"}
    | {"passengers", "crew", "driver", "pilot", "emergency", "firefighters", "hospital"}
)
_VEHICLES = frozenset(
    {"plane", "car", "train", "bus", "helicopter", "jet", "aircraft", "vehicle", "lorry"}
    | {"truck", "coach", "ship", "ferry", "boat", "motorway", "road", "airliner", "van"}
)
_MARKETS = frozenset(
    {"market", "markets", "shares", "stock", "stocks", "computer", "computers", "software"}
    | {"system", "systems", "website", "websites", "prices", "server", "servers", "network"}
)
_WEATHER = frozenset({"rain", "wind", "winds", "weather", "snow", "flooding", "blaze", "flames"})
_WORKERS = frozenset(
    {"workers", "union", "unions", "staff", "pay", "pensions", "pension", "industrial"}
    | {"action", "walkout", "picket", "employees", "ballot", "strikers", "drivers", "nurses"}
    | {"teachers", "doctors", "pilots", "miners", "dockers", "firefighters", "postal"}
)
_SPORT_WORDS = frozenset(
    {"goal", "goals", "scored", "shot", "match", "game", "minute", "keeper", "penalty", "cup"}
    | {"league", "striker", "season", "rate", "bowling", "wickets", "innings", "runs"}
)

_BODY = frozenset(
    {"hospital", "doctors", "surgery", "operation", "treatment", "suffered", "suffering"}
    | {"mild", "knee", "ankle", "hamstring", "back", "shoulder", "leg", "head", "heart"}
)

LIFE: tuple[Kind, ...] = (
    Kind(
        key="injury",
        verbs={},
        nouns=forms("injury", "injury", "injuries")
        | forms("stroke", "stroke")
        | forms("illness", "illness")
        | forms("concussion", "concussion"),
        roles=frozenset({"subj", "poss"}),
        light=frozenset({"suffer", "suffered", "suffers", "suffering", "sustain", "sustained"})
        | frozenset({"sustains", "sustaining", "pick", "picked", "aggravate", "aggravated"}),
        needs_light=True,
        people_only=True,
        placed=False,
        ambiguous=frozenset({"stroke"}),
        context=_BODY,
    ),
    Kind(
        key="death",
        verbs=verb("death", "die") | forms("killing", "killed"),
        nouns=forms("death", "death"),
        roles=frozenset({"subj", "obj", "poss", "of"}),
        people_only=True,
        # "a death threat", "the death penalty": a compound or modifier of another noun
        not_with=frozenset({"brain", "sudden", "civil", "near", "living"}),
        off_context=frozenset({"penalty", "sentence", "row", "threats", "threat"}),
    ),
    Kind(
        key="accident",
        verbs=verb("crash", "crash") | verb("collision", "collide") | verb("derailment", "derail"),
        nouns=forms("crash", "crash")
        | forms("collision", "collision")
        | forms("accident", "accident")
        | forms("derailment", "derailment"),
        roles=frozenset({"subj", "poss", "of"}),
        min_nominal=0,
        place_modifier=True,
        ambiguous=frozenset(verb("", "crash")) | frozenset({"crash", "accident"}),
        context=_HARM | _VEHICLES,
        off_context=_MARKETS,
    ),
    Kind(
        key="disaster",
        verbs={},
        nouns=forms("earthquake", "earthquake", "quake")
        | forms("tsunami", "tsunami")
        | forms("flood", "flood", "floods", "flooding")
        | forms("hurricane", "hurricane", "cyclone", "typhoon", "tornado")
        | forms("storm", "storm")
        | forms("wildfire", "wildfire", "wildfires", "bushfire", "bushfires")
        | forms("landslide", "landslide", "mudslide", "avalanche")
        | forms("eruption", "eruption")
        | forms("drought", "drought")
        | forms("famine", "famine"),
        roles=frozenset({"poss", "of"}),
        min_nominal=0,
        place_modifier=True,
        not_with=frozenset({"political", "media", "perfect", "financial", "electoral"}),
        ambiguous=frozenset({"storm", "flood", "landslide", "avalanche", "drought"}),
        context=_HARM | _WEATHER,
        off_context=frozenset({"election", "vote", "votes", "victory", "emails", "orders"})
        | frozenset({"goals", "runs", "protest", "criticism", "controversy"}),
    ),
    Kind(
        key="rescue",
        verbs=verb("rescue", "rescue") | verb("evacuation", "evacuate"),
        nouns=forms("rescue", "rescue") | forms("evacuation", "evacuation"),
        roles=frozenset({"obj", "subj", "poss", "of"}),
        min_nominal=0,
        not_with=frozenset({"package", "deal", "bid", "plan", "fund", "talks", "financial"}),
        ambiguous=frozenset(verb("", "rescue")) | frozenset({"rescue"}),
        context=_HARM
        | frozenset({"boat", "sea", "mountain", "fire", "coastguard", "lifeboat", "helicopter"})
        | frozenset({"rubble", "flood", "floods", "hostages", "stranded", "cave", "mine"})
        | frozenset({"rescuers", "lifeboats", "coastguards", "crews", "survivor"}),
        off_context=frozenset({"company", "firm", "takeover", "shares", "creditors", "airline"})
        | frozenset({"bank", "investors", "administration"}),
    ),
    Kind(
        key="strike",
        verbs=verb("walkout", "walk"),
        nouns=forms("strike", "strike", "strikes") | forms("walkout", "walkout", "walk-out"),
        roles=frozenset({"subj", "poss", "of", "by"}),
        light=frozenset({"stage", "staged", "stages", "hold", "held", "holds", "call"})
        | frozenset({"called", "begin", "began", "begun", "start", "started", "join", "joined"})
        | frozenset({"go", "went", "gone", "goes", "stage", "announce", "announced"}),
        light_preps=frozenset({"on"}),
        min_nominal=0,
        place_modifier=True,
        not_with=frozenset({"air", "missile", "drone", "military", "nuclear", "lucky", "first"})
        | frozenset(
            {"pre-emptive", "hunger", "free", "rocket", "surgical", "counter", "retaliatory"}
        ),
        ambiguous=frozenset({"strike", "strikes"}),
        context=_WORKERS,
        off_context=_SPORT_WORDS,
        particles={f: "out" for f in verb("", "walk")},
    ),
    Kind(
        key="ceremony",
        verbs={},
        nouns=forms("ceremony", "ceremony")
        | forms("funeral", "funeral")
        | forms("wedding", "wedding")
        | forms("inauguration", "inauguration")
        | forms("coronation", "coronation"),
        # Whose ceremony it is, not who was there: "X walked out during the ceremony".
        roles=frozenset({"poss", "of"}),
        light=frozenset({"attend", "attended", "attends", "attending", "hold", "held", "holds"})
        | frozenset({"host", "hosted", "hosts", "lead", "led", "conduct", "conducted"}),
        # Whose ceremony it is makes it news: "the funeral of X", "X's wedding".
        min_nominal=1,
    ),
)
