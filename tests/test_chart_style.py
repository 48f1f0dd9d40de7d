"""How a chart's text fits a phone: its title and subtitle in lines, never cut."""

from __future__ import annotations

from app.charts.style import PHONE_CHART_PX, TITLE_LETTER_EM, titles_wrapped

LONG = "Each line runs from the country of the actor who commissions the work to the other's"


def _fits(lines, size_px: int) -> bool:
    return all(len(line) * size_px * TITLE_LETTER_EM <= PHONE_CHART_PX for line in lines)


def test_a_long_title_and_subtitle_break_into_lines_that_fit_and_keep_every_word():
    spec = {"title": {"text": "Where the platforms have their headquarters, by country",
                      "subtitle": LONG, "anchor": "start"},
            "config": {"title": {"fontSize": 17, "subtitleFontSize": 13}}}
    wrapped = titles_wrapped(spec)
    title = wrapped["title"]
    assert isinstance(title["text"], list) and len(title["text"]) == 2
    assert isinstance(title["subtitle"], list) and len(title["subtitle"]) >= 2
    assert _fits(title["text"], 17) and _fits(title["subtitle"], 13)
    assert " ".join(title["subtitle"]) == LONG and title["anchor"] == "start"
    assert spec["title"]["subtitle"] == LONG  # the cached spec is left as it was


def test_a_slide_title_breaks_sooner_than_a_pages():
    page = titles_wrapped({"title": {"text": "Where the data work goes"},
                           "config": {"title": {"fontSize": 17}}})
    slide = titles_wrapped({"title": {"text": "Where the data work goes"},
                            "config": {"title": {"fontSize": 27}}})
    assert page["title"]["text"] == "Where the data work goes"  # it fits: one line
    assert slide["title"]["text"] == ["Where the data work", "goes"]


def test_lines_already_given_are_each_broken_and_kept_in_order():
    wrapped = titles_wrapped({"title": {"text": "Flows", "subtitle": [LONG, "Not on the map: 3"]},
                              "config": {"title": {"subtitleFontSize": 13}}})
    assert wrapped["title"]["subtitle"][-1] == "Not on the map: 3"
    assert " ".join(wrapped["title"]["subtitle"][:-1]) == LONG


def test_a_chart_without_a_title_or_with_an_expression_is_left_alone():
    assert titles_wrapped({"mark": "bar"}) == {"mark": "bar"}
    expression = {"title": {"text": {"expr": "'A'"}, "fontSize": {"expr": "20"}}}
    assert titles_wrapped(expression) == expression
