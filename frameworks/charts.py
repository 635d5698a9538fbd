"""Server-rendered, accessible SVG charts (role="img", <title>, <desc>); the page shows the same
figures in a table beside each chart. No chart JavaScript."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 640, 240
LEFT, BOTTOM, TOP = 36, 28, 12


def cumulative_bars(points: list[tuple[int, int, int]], code: str) -> SafeString:
    """Bars of States Parties at the end of each year; ``points`` = (year, new, total)."""
    if not points:
        return SafeString("")
    top = max(total for _y, _n, total in points) or 1
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    step = plot_w / len(points)
    bar_w = max(2.0, step * 0.7)
    label_every = max(1, round(len(points) / 12))
    bars, labels = [], []
    for i, (year, _new, total) in enumerate(points):
        h = plot_h * total / top
        x = LEFT + i * step + (step - bar_w) / 2
        bars.append((f"{x:.1f}", f"{TOP + plot_h - h:.1f}", f"{bar_w:.1f}", f"{h:.1f}",
                     _("%(year)s: %(total)s States Parties") % {"year": year, "total": total}))
        if i % label_every == 0 or i == len(points) - 1:
            labels.append((f"{x + bar_w / 2:.1f}", HEIGHT - 8, year))
    first, last = points[0], points[-1]
    title = _("States Parties to %(code)s over time") % {"code": code}
    desc = _(
        "Number of States Parties at the end of each year, from %(first)s (%(first_total)s) to "
        "%(last)s (%(last_total)s). The same figures are in the table below."
    ) % {"first": first[0], "first_total": first[2], "last": last[0], "last_total": last[2]}
    return format_html(
        '<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-labelledby="chart-title '
        'chart-desc" xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">'
        '<title id="chart-title">{title}</title><desc id="chart-desc">{desc}</desc>'
        '<line x1="{left}" y1="{base}" x2="{w}" y2="{base}" class="axis"/>'
        '<text x="{tx}" y="{ty}" class="tick" text-anchor="end">{top}</text>'
        '<text x="{tx}" y="{base}" class="tick" text-anchor="end">0</text>'
        "{bars}{labels}</svg>",
        w=WIDTH, h=HEIGHT, title=title, desc=desc, left=LEFT, base=HEIGHT - BOTTOM,
        tx=LEFT - 6, ty=TOP + 10, top=top,
        bars=format_html_join(
            "", '<rect x="{}" y="{}" width="{}" height="{}" class="bar"><title>{}</title></rect>',
            bars,
        ),
        labels=format_html_join(
            "", '<text x="{}" y="{}" class="tick" text-anchor="middle">{}</text>', labels
        ),
    )
