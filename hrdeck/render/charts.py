"""Native charts: python-pptx's chart API, so a trainer edits the numbers in PowerPoint.

A column, bar or line chart of the plan's data fills the area under the title, with
the source line (and a caption) below it (:func:`hrdeck.plan.visualgrid.chart_boxes`).
Made to be read across a room: every value labelled at 18 pt (then the value axis and
its gridlines only repeat the labels, so they go), category labels at 18 pt, a
legend only for two or more series.  Series take the palette's accent, then darker
and lighter steps of it (never the myth colour); lines differ by marker and dash too,
so no series is told apart by colour alone.  The graphic frame carries alt text with
the chart's title and data.

The workbook python-pptx embeds for editing records the time it was written; it is
rewritten with the deck's own timestamp so builds stay byte-for-byte reproducible.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING, Any, cast

from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.text import MSO_ANCHOR
from pptx.util import Emu, Pt

from hrdeck.plan.types import PlanChart
from hrdeck.plan.visualgrid import Rect, chart_boxes
from hrdeck.render.drawn import SlideCtx, emu_box, size_in, start, text
from hrdeck.render.layouts import set_alt
from hrdeck.render.master import blend
from hrdeck.render.oxml import clark, data_labels_element
from hrdeck.render.package import ZIP_TIME, deck_timestamp
from hrdeck.render.text import rgb

if TYPE_CHECKING:
    from pptx.chart.chart import Chart

CHART_PT = 18
CHART_TYPES = {
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
}
MARKERS = (
    XL_MARKER_STYLE.CIRCLE,
    XL_MARKER_STYLE.SQUARE,
    XL_MARKER_STYLE.TRIANGLE,
    XL_MARKER_STYLE.DIAMOND,
)
DASHES = (
    MSO_LINE_DASH_STYLE.SOLID,
    MSO_LINE_DASH_STYLE.DASH,
    MSO_LINE_DASH_STYLE.ROUND_DOT,
    MSO_LINE_DASH_STYLE.LONG_DASH,
)
STEPS = (0.0, 0.45, -0.45, 0.7)  # towards the text colour (+) or the background (-)
_STAMP = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def chart_slide(ctx: SlideCtx) -> None:
    """The chart, its caption and its source line."""
    area = start(ctx)
    spec = ctx.spec
    boxes = chart_boxes(area, bool(spec.blocks_with("caption")))
    if spec.chart is not None:
        add_chart(ctx, spec.chart, boxes.chart)
    _line(ctx, "caption", boxes.caption, ctx.theme.palette.text, MSO_ANCHOR.MIDDLE)
    _line(ctx, "source", boxes.source, ctx.theme.palette.muted, MSO_ANCHOR.BOTTOM)


def _line(ctx: SlideCtx, role: str, rect: Rect | None, colour: str, anchor: MSO_ANCHOR) -> None:
    paras = ctx.paras(role)
    if not paras or rect is None:
        return
    sizes = (24, 22, 20, 18) if role == "caption" else (CHART_PT,)
    size = size_in(rect, paras, ctx.size(role), sizes, ctx.theme.body_font)
    style = ctx.style(size=size, color=colour, markers="none")
    text(ctx, rect, paras, style, role.title(), anchor)


def add_chart(ctx: SlideCtx, chart: PlanChart, rect: Rect) -> None:
    """A native chart of `chart` at `rect`, styled for projection, with its alt text."""
    from pptx.chart.data import CategoryChartData  # its workbook writer: only for charts

    data = CategoryChartData(number_format=number_format(chart.decimals))
    data.categories = list(chart.categories)
    for series in chart.series:
        data.add_series(series.name, list(series.values))
    box = emu_box(rect)
    # python-pptx 1.0 annotates add_chart as returning the chart; it returns its frame
    frame: Any = ctx.slide.shapes.add_chart(
        CHART_TYPES[chart.type],
        Emu(box.left),
        Emu(box.top),
        Emu(box.width),
        Emu(box.height),
        cast(Any, data),
    )
    frame.name = f"Chart: {ctx.spec.title}"
    set_alt(frame, chart.alt)
    drawn = frame.chart
    _style(ctx, drawn, chart)
    _positive_axis_ids(drawn)
    _reproducible_workbook(ctx, drawn)


def number_format(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _style(ctx: SlideCtx, drawn: Chart, chart: PlanChart) -> None:
    palette = ctx.theme.palette
    drawn.font.size = Pt(CHART_PT)
    drawn.font.name = ctx.theme.body_font
    drawn.font.color.rgb = rgb(palette.text)
    drawn.has_title = False
    drawn.has_legend = len(chart.series) > 1
    if drawn.has_legend:
        drawn.legend.position = XL_LEGEND_POSITION.BOTTOM
        drawn.legend.include_in_layout = False
        drawn.legend.font.size = Pt(CHART_PT)
    _axes(ctx, drawn, chart)
    for index, series in enumerate(drawn.plots[0].series):
        _series(ctx, series, index, chart)
    plot = drawn.plots[0]
    if chart.type != "line":
        plot.gap_width = 60
        plot.overlap = -10 if len(chart.series) > 1 else 0
    if chart.labels:
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.show_value = True
        labels.number_format = number_format(chart.decimals)
        labels.number_format_is_linked = False
        labels.font.size = Pt(CHART_PT)
        labels.font.bold = True
        labels.font.color.rgb = rgb(palette.text)
        above = XL_LABEL_POSITION.ABOVE if chart.type == "line" else XL_LABEL_POSITION.OUTSIDE_END
        labels.position = above
        _unwrapped(labels)


def _unwrapped(labels: Any) -> None:
    """Value labels on one line: a narrow bar must not break "106,699" in two."""
    body = data_labels_element(labels).find(f"{clark('c:txPr')}/{clark('a:bodyPr')}")
    if body is not None:
        body.set("wrap", "none")


def _axes(ctx: SlideCtx, drawn: Chart, chart: PlanChart) -> None:
    palette = ctx.theme.palette
    category = drawn.category_axis
    category.tick_labels.font.size = Pt(CHART_PT)
    category.tick_labels.font.color.rgb = rgb(palette.text)
    category.format.line.color.rgb = rgb(palette.muted)
    category.has_major_gridlines = False
    value = drawn.value_axis
    value.has_minor_gridlines = False
    value.tick_labels.number_format = number_format(chart.decimals)
    value.tick_labels.number_format_is_linked = False
    value.tick_labels.font.size = Pt(CHART_PT)
    value.tick_labels.font.color.rgb = rgb(palette.muted)
    values = [v for s in chart.series for v in s.values if v is not None]
    if values and min(values) >= 0:
        value.minimum_scale = 0
    if chart.labels:  # every value is written on its bar: the axis would only repeat them
        value.visible = False
        value.has_major_gridlines = False
    else:
        value.has_major_gridlines = True
        grid = blend(palette.background, palette.muted, 0.3)
        value.major_gridlines.format.line.color.rgb = rgb(grid)
        value.format.line.fill.background()


def series_colour(ctx: SlideCtx, index: int) -> str:
    """The accent, then steps of it towards the text or the background colour."""
    palette = ctx.theme.palette
    step = STEPS[index % len(STEPS)]
    if step >= 0:
        return blend(palette.accent, palette.text, step)
    return blend(palette.accent, palette.background, -step)


def _series(ctx: SlideCtx, series: object, index: int, chart: PlanChart) -> None:
    colour = RGBColor.from_string(series_colour(ctx, index))
    if chart.type == "line":
        line = series.format.line  # type: ignore[attr-defined]
        line.color.rgb = colour
        line.width = Pt(3.5)
        line.dash_style = DASHES[index % len(DASHES)]
        marker = series.marker  # type: ignore[attr-defined]
        marker.style = MARKERS[index % len(MARKERS)]
        marker.size = 10
        marker.format.fill.solid()
        marker.format.fill.fore_color.rgb = colour
        marker.format.line.color.rgb = colour
        series.smooth = False  # type: ignore[attr-defined]
        return
    fill = series.format.fill  # type: ignore[attr-defined]
    fill.solid()
    fill.fore_color.rgb = colour
    series.invert_if_negative = False  # type: ignore[attr-defined]


def _positive_axis_ids(drawn: Chart) -> None:
    """Renumber the axes 1, 2, ...: python-pptx writes negative ids, which the schema
    (an unsigned int) does not allow."""
    numbers: dict[str, str] = {}
    for tag in ("c:axId", "c:crossAx"):
        for element in drawn.element.iter(clark(tag)):
            value = str(element.get("val"))
            element.set("val", numbers.setdefault(value, str(len(numbers) + 1)))


def _reproducible_workbook(ctx: SlideCtx, drawn: Chart) -> None:
    """The embedded workbook with the deck's timestamp instead of the time of the build."""
    workbook = cast(Any, drawn.part).chart_workbook
    part = workbook.xlsx_part
    if part is None:
        return
    stamp = deck_timestamp(ctx.plan).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    source = zipfile.ZipFile(io.BytesIO(part.blob))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/core.xml":
                data = _STAMP.sub(rb"\g<1>" + stamp + rb"\g<3>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, data)
    workbook.update_from_xlsx_blob(out.getvalue())
