"""The entity rules that need no model: span cutting, recovery patterns, names, truecasing."""

from __future__ import annotations

import pytest

from kg.extract.entities import cues, recover
from kg.extract.entities.names import canonical_keys, person_shaped, spelled_out
from kg.extract.entities.spans import clean_span, spans_of
from kg.extract.page.view import Casing, build_view, line_spans, truecase
from kg.lexicon.gazetteer import gazetteer
from kg.lexicon.words import is_english_word, is_given_name


def cut(text: str, person: bool = False) -> list[str]:
    return [text[a:b] for a, b in spans_of(text, 0, len(text), person)]


@pytest.mark.parametrize(
    ("span", "person", "names"),
    [
        ("Vaughan 9-1-55-1", True, ["Vaughan"]),
        ("Afridi 88", True, ["Afridi"]),
        ("Partizan - Dejan Koturovic", False, ["Partizan", "Dejan Koturovic"]),
        ("Simon Parke ( England", False, ["Simon Parke", "England"]),
        ("Nicol v Eyles", True, ["Nicol", "Eyles"]),
        ("Goias 1 Gremio", False, ["Goias", "Gremio"]),
        ("Defender Hassan Abbas", True, ["Hassan Abbas"]),
        ("Croat Alen Boksic", True, ["Alen Boksic"]),
        ("General Motors", False, ["General Motors"]),
        ("the United Nations's", False, ["United Nations"]),
        ("Midfielders - Gheorghe Hagi", False, ["Gheorghe Hagi"]),
        ("SOCCER", False, []),
    ],
)
def test_spans_are_cut_to_names(span: str, person: bool, names: list[str]) -> None:
    assert cut(span, person) == names


def test_clean_span_drops_lower_case_and_junk() -> None:
    assert clean_span("the north", 0, 9) is None
    assert clean_span("photo", 0, 5) is None
    assert clean_span("“Putin’s", 0, 8) == (1, 6)


def test_results_and_standings_lines_give_competitors() -> None:
    text = "Results:\nLeeds 2 Everton 1\nArsenal 17 10 5 2 34 16 35\nVicenza ( 1 ) v Inter ( 2 )\n"
    found = [text[a:b] for a, b in recover.competitors(text)]
    assert found == ["Leeds", "Everton", "Arsenal", "Vicenza", "Inter"]
    assert list(recover.competitors("Shares rose 2 percent to 31.5 on Friday.")) == []


def test_list_items_shaped_like_names_join_the_people_of_the_list() -> None:
    text = "Squad : Javier Pertile , Paolo Vaccari , Ivan Francescato , Rome ."
    people = {(8, 22), (25, 38)}
    found = [text[a:b] for a, b in recover.list_people(text, people)]
    assert found == ["Ivan Francescato"]  # Rome is a place, not a person
    assert list(recover.list_people(text, {(8, 22)})) == []  # one known person is no list


def test_occurrences_skip_longer_names_and_sentence_initial_common_words() -> None:
    text = "Major said so. Major banks fell. John Major Jr spoke. He met Major."
    taken = [False] * len(text)
    spans = list(recover.occurrences(text, "Major", taken, {"major"}))
    assert [text[a:b] for a, b in spans] == ["Major"]
    assert spans[0][0] == text.rindex("Major")


def test_sports_reports_are_recognised_by_their_words_or_section() -> None:
    report = (
        "Leeds scored twice in the first half and the striker added a goal; league leaders drew."
    )
    assert cues.is_sports(report)
    assert not cues.is_sports("The central bank raised rates as inflation rose in Leeds.")
    assert cues.is_sports("Leeds won.", section="Sport")


def test_person_shaped_names() -> None:
    assert person_shaped("Nick Price")
    assert person_shaped("S. Fleming")
    assert person_shaped("Jean-Luc Brassard")
    assert not person_shaped("Aston Villa")
    assert not person_shaped("Santa Fe")  # a place
    assert not person_shaped("Newmont")
    assert is_given_name("Hiroshi") and not is_given_name("Newmont")


def test_common_words_and_their_inflections() -> None:
    assert is_english_word("STANDINGS") and is_english_word("fined") and is_english_word("Matches")
    assert not is_english_word("Everton") and not is_english_word("Rathbun")


def test_acronyms_spelled_out_in_the_text() -> None:
    text = "the National League for Democracy ( NLD ) and the Institute of Policy Studies (IPS)"
    assert spelled_out(text) == {
        "nld": "national league for democracy",
        "ips": "institute of policy studies",
    }


class _G:
    def __init__(self, key: str, forms: dict[str, int], type_: str, first: int) -> None:
        from collections import Counter

        self.key, self.forms, self.type, self.first = key, Counter(forms), type_, first


def test_surnames_and_acronyms_join_their_full_forms() -> None:
    groups = {
        "mark rathbun": _G("mark rathbun", {"Mark Rathbun": 1}, "Person", 0),
        "rathbun": _G("rathbun", {"Rathbun": 3}, "Person", 20),
        "united nations": _G("united nations", {"United Nations": 1}, "Organization", 40),
        "un": _G("un", {"UN": 2}, "Organization", 60),
        "u.s.": _G("u.s.", {"U.S.": 1}, "Place", 70),
        "united states": _G("united states", {"United States": 1}, "Place", 80),
    }
    canonical = canonical_keys(groups, "")  # type: ignore[arg-type]
    assert canonical["rathbun"] == "mark rathbun"
    assert canonical["un"] == "united nations"
    assert canonical["united states"] == "u.s."  # one GeoNames record, first form wins


def test_shouted_lines_take_the_articles_own_casing() -> None:
    casing = Casing.of(["Japan began the defence of their title with a lucky win over Syria."])
    line = "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT ."
    assert truecase(line, casing) == "Soccer - Japan get lucky win , China in surprise defeat ."
    assert truecase("NEW YORK 1996-12-06") == "New York 1996-12-06"
    assert truecase("PAKISTAN V NEW ZEALAND") == "Pakistan v New Zealand"
    assert truecase("NATO TROOPS IN KOSOVO ON THURSDAY") == "NATO troops in Kosovo on Thursday"
    assert truecase("Not shouted, LEFT alone") == "Not shouted, LEFT alone"


def test_truecasing_keeps_offsets() -> None:
    source = "PUTIN MEETS KIM IN VLADIVOSTOK\n\nPutin met Kim in Vladivostok on Thursday."
    view = build_view(source, line_spans(source))
    assert len(view.text) == len(source)
    assert view.text.startswith("Putin meets Kim in Vladivostok")
    start = view.text.index("Kim")
    assert source[view.span_to_source(start, start + 3).start :][:3] == "KIM"


def test_regions_and_continents_are_places() -> None:
    gaz = gazetteer()
    assert gaz.place_kind("Middle East") == "Region"
    assert gaz.resolve("Middle East") is None  # no GeoNames record to link
    europe = gaz.resolve("Europe")
    assert europe is not None and europe.geonames_id == 6255148
    assert gaz.resolve("UN") is None  # an acronym, not the town of Un
    assert gaz.resolve("US") is not None and gaz.resolve("US").kind == "Country"  # type: ignore[union-attr]


def test_role_only_and_honorifics() -> None:
    from kg.extract.entities.spans import role_only

    assert role_only("Roman Catholic Archbishop") and not role_only("Rowan Williams")
    assert cut("Mr Balls") == ["Balls"]  # an honorific goes whatever the model's label
    assert gazetteer().place_kind("Wales") == "Place"
    assert gazetteer().resolve("Scotland").geonames_id == 2638360  # type: ignore[union-attr]
