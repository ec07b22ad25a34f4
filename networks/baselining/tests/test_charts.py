"""The SVG trend chart and the table of numbers, parsed as a browser or screen reader would."""

import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

from django.template.loader import render_to_string

from networks.baselining.charts import indicator_trend, nice_ticks
from networks.baselining.models import Direction, Indicator, Observation

SVG = "{http://www.w3.org/2000/svg}"


def indicator(**fields):
    values = {
        "pk": 7,
        "name": "Pupil voice: 'I know how to improve my work' (% agree)",
        "unit": "%",
        "measures": "Pupils in Years 5 to 8 who agree.",
        "source": "Pupil survey",
        "baseline_value": Decimal("48"),
        "baseline_on": date(2023, 9, 1),
        "direction": Direction.HIGHER,
    } | fields
    return Indicator(**values)


def observations(*pairs):
    return [Observation(observed_on=day, value=Decimal(value), note="") for day, value in pairs]


MANY = observations(
    (date(2023, 12, 1), "50"),
    (date(2024, 3, 1), "55"),
    (date(2024, 7, 1), "57"),
    (date(2024, 12, 1), "61"),
    (date(2025, 3, 1), "60"),
    (date(2025, 7, 1), "66"),
)


def chart_svg(trend):
    return ET.fromstring(  # noqa: S314 - parses our own template's output
        render_to_string("baselining/includes/trend_chart.html", {"chart": trend.chart}).strip()
    )


def data_points(svg):
    return [
        circle
        for circle in svg.iter(f"{SVG}circle")
        if "trend-chart__point" in circle.get("class", "").split()
    ]


def test_the_chart_draws_one_point_for_the_baseline_and_each_observation():
    svg = chart_svg(indicator_trend(indicator(), MANY))

    assert len(data_points(svg)) == 1 + len(MANY)


def test_the_chart_is_an_image_named_by_its_title_and_described_by_its_desc():
    svg = chart_svg(indicator_trend(indicator(), MANY))

    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert (
        title.text
        == "Pupil voice: 'I know how to improve my work' (% agree): trend since the baseline"
    )
    assert desc.text == (
        "Baseline 48% on 1 September 2023. Latest 66% on 1 July 2025: up 18 percentage points "
        "since the baseline, an improvement (higher is better). 6 observations after the "
        "baseline; lowest 48%, highest 66%."
    )


def test_the_chart_line_joins_every_point_in_date_order():
    svg = chart_svg(indicator_trend(indicator(), MANY))

    points = svg.find(f".//{SVG}polyline").get("points").split()
    xs = [float(point.split(",")[0]) for point in points]
    assert len(points) == 7 and xs == sorted(xs)


def test_higher_values_are_drawn_higher_up():
    trend = indicator_trend(indicator(), MANY)

    baseline, latest = trend.chart.points[0], trend.chart.points[-1]
    assert latest.y < baseline.y


def test_a_chart_with_only_the_baseline_has_one_centred_point_and_no_line():
    trend = indicator_trend(indicator(), [])
    svg = chart_svg(trend)

    circles = data_points(svg)
    assert len(circles) == 1 and svg.find(f".//{SVG}polyline") is None
    assert float(circles[0].get("cx")) == (trend.chart.plot_left + trend.chart.plot_right) / 2
    assert svg.find(f"{SVG}desc").text.startswith(
        "Only the baseline so far: 48% on 1 September 2023."
    )


def test_the_date_labels_never_overlap_however_many_points():
    many = observations(*[(date(2023, 10, day), str(50 + day)) for day in range(1, 29)])

    ticks = indicator_trend(indicator(), many).chart.x_ticks

    gaps = [right.position - left.position for left, right in zip(ticks, ticks[1:], strict=False)]
    assert len(ticks) >= 2 and min(gaps) >= 88
    assert ticks[-1].label == "28 Oct 2023"


def test_the_date_labels_are_months_when_each_falls_in_a_different_month():
    labels = [tick.label for tick in indicator_trend(indicator(), MANY).chart.x_ticks]

    assert labels[0] == "Sep 2023" and labels[-1] == "Jul 2025"


def test_the_value_axis_has_round_labels_with_the_unit():
    labels = [tick.label for tick in indicator_trend(indicator(), MANY).chart.y_ticks]

    assert labels == ["40%", "50%", "60%", "70%"]


def test_nice_ticks_spread_a_flat_series_around_its_value():
    assert nice_ticks(Decimal("12"), Decimal("12")) == [10.0, 11.0, 12.0, 13.0, 14.0]


def test_a_fall_is_described_as_an_improvement_when_lower_is_better():
    lower = indicator(
        name="Fixed-term exclusions",
        unit="pupils",
        baseline_value=Decimal("14"),
        direction=Direction.LOWER,
    )

    trend = indicator_trend(lower, observations((date(2024, 7, 1), "9")))

    assert "down 5 pupils since the baseline, an improvement (lower is better)" in trend.summary


class TableReader(HTMLParser):
    """Collects a table's caption and its cells as (tag, scope, text)."""

    def __init__(self):
        super().__init__()
        self.caption, self.cells, self._open = "", [], None

    def handle_starttag(self, tag, attrs):
        if tag in {"th", "td", "caption"}:
            self._open = (tag, dict(attrs).get("scope"), [])

    def handle_data(self, data):
        if self._open:
            self._open[2].append(data)

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            text = "".join(self._open[2]).strip()
            if tag == "caption":
                self.caption = text
            else:
                self.cells.append((tag, self._open[1], text))
            self._open = None


def read_table(trend, show_notes=False):
    reader = TableReader()
    reader.feed(
        render_to_string(
            "baselining/includes/indicator_table.html", {"trend": trend, "show_notes": show_notes}
        )
    )
    return reader


def test_the_table_has_a_caption_and_column_headers():
    reader = read_table(indicator_trend(indicator(), MANY))

    assert reader.caption.endswith("the baseline and every observation since")
    assert [cell for cell in reader.cells if cell[1] == "col"] == [
        ("th", "col", "Date"),
        ("th", "col", "Value (%)"),
        ("th", "col", "Change since baseline"),
    ]


def test_the_table_has_a_row_for_the_baseline_and_each_observation():
    reader = read_table(indicator_trend(indicator(), MANY))

    rows = [cell[2] for cell in reader.cells if cell[1] == "row"]
    assert rows[0] == "1 September 2023" and rows[-1] == "1 July 2025" and len(rows) == 7


def test_the_table_gives_each_value_and_its_change_since_the_baseline():
    reader = read_table(indicator_trend(indicator(), MANY))

    cells = [cell[2] for cell in reader.cells if cell[0] == "td"]
    assert cells[:2] == ["48%", "Baseline"] and cells[-2:] == ["66%", "+18"]


def test_the_table_shows_notes_only_when_asked():
    notes = observations((date(2024, 1, 1), "50"))
    notes[0].note = "New Year 5 cohort"
    trend = indicator_trend(indicator(), notes)

    assert "New Year 5 cohort" not in str(read_table(trend).cells)
    assert ("td", None, "New Year 5 cohort") in read_table(trend, show_notes=True).cells


def test_a_percentage_axis_stays_between_0_and_100():
    near_the_ends = observations((date(2024, 7, 1), "100"), (date(2025, 7, 1), "0"))

    labels = [tick.label for tick in indicator_trend(indicator(), near_the_ends).chart.y_ticks]

    assert (labels[0], labels[-1]) == ("0%", "100%")


def test_the_same_chart_has_the_same_cache_key():
    assert indicator_trend(indicator(), MANY).chart.cache_key == (
        indicator_trend(indicator(), MANY).chart.cache_key
    )


def test_a_charts_cache_key_changes_with_a_value_a_date_or_a_name():
    key = indicator_trend(indicator(), MANY).chart.cache_key
    other_value = MANY[:-1] + observations((date(2025, 7, 1), "67"))
    other_date = MANY[:-1] + observations((date(2025, 8, 1), "66"))

    assert indicator_trend(indicator(), other_value).chart.cache_key != key
    assert indicator_trend(indicator(), other_date).chart.cache_key != key
    assert indicator_trend(indicator(name="Renamed"), MANY).chart.cache_key != key
