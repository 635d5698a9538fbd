"""The tracker's chart: statuses by country as stacked horizontal bars, an accessible SVG
drawn on the server (role="img", <title>, <desc>); the page shows the same numbers as a table."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .models import Status

#: Colours with a 3:1 contrast against white and between neighbours, plus a pattern-free
#: legend with the label written out (colour is never the only cue: the table says it all).
COLOURS = {
    Status.NOT_STARTED: "#b3261e",
    Status.IN_PROGRESS: "#8a5a00",
    Status.ACHIEVED: "#1b6e3a",
    Status.NOT_APPLICABLE: "#5f6368",
}
BAR, GAP, LABEL, WIDTH = 22, 8, 150, 560


def status_chart(by_country, *, chart_id: str = "status-chart") -> SafeString:
    """``by_country``: [(country, Counter of statuses)] → SVG markup."""
    if not by_country:
        return SafeString("")
    most = max(sum(tally.values()) for _c, tally in by_country) or 1
    scale = (WIDTH - LABEL - 40) / most
    legend_y = 16
    height = legend_y + 20 + len(by_country) * (BAR + GAP)
    legend = format_html_join(
        "",
        '<rect x="{}" y="4" width="12" height="12" fill="{}"/>'
        '<text x="{}" y="15" font-size="12">{}</text>',
        ((LABEL + i * 100, COLOURS[s], LABEL + i * 100 + 16, s.label)
         for i, s in enumerate(Status)),
    )
    bars = []
    for row, (country, tally) in enumerate(by_country):
        y = legend_y + 16 + row * (BAR + GAP)
        x = LABEL
        segments = []
        for status in Status:
            n = tally.get(status.value, 0)
            if not n:
                continue
            w = n * scale
            segments.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
                "<title>{}: {} {}</title></rect>",
                f"{x:.1f}", y, f"{w:.1f}", BAR, COLOURS[status], country.name, status.label, n,
            ))
            x += w
        bars.append(format_html(
            '<text x="{}" y="{}" font-size="13" text-anchor="end">{}</text>{}'
            '<text x="{}" y="{}" font-size="12">{}</text>',
            LABEL - 6, y + 16, country.name, _joined(segments), f"{x + 4:.1f}", y + 16,
            sum(tally.values()),
        ))
    summary = "; ".join(
        f"{country.name}: "
        + ", ".join(f"{s.label} {tally.get(s.value, 0)}" for s in Status)
        for country, tally in by_country
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" role="img" '
        'aria-labelledby="{}-title {}-desc" class="chart">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}{}</svg>',
        WIDTH, height, chart_id, chart_id, chart_id,
        _("Statuses of the commitments by country"), chart_id, summary, legend,
        _joined(bars),
    )


def _joined(fragments) -> SafeString:
    """Fragments built by format_html, joined without escaping them a second time."""
    return format_html_join("", "{}", ((fragment,) for fragment in fragments))
