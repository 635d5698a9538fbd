"""The yearly activity chart: grouped bars as server-rendered SVG geometry (no chart script).
The template draws it with role="img", a <title> and a <desc>, and the same figures as a table."""

from __future__ import annotations

#: Fill colours with at least 3:1 contrast on white (WCAG 1.4.11), told apart by the legend
#: and the table as well as by colour.
PALETTE = ("#1f5f99", "#b34700", "#2e7d32", "#6a3d9a", "#8a6d00", "#a0204c", "#00707a")

WIDTH = 640
HEIGHT = 260
LEFT = 40
BOTTOM = 30
TOP = 10


def grouped_bars(series: list[tuple[str, str]], rows: list[dict]) -> dict | None:
    """Bars for each year (``rows``: ``{"year", "counts"}``) and kind (``series``)."""
    if not rows or not series:
        return None
    peak = max(max(row["counts"]) for row in rows) or 1
    plot_w = WIDTH - LEFT - 10
    plot_h = HEIGHT - BOTTOM - TOP
    group_w = plot_w / len(rows)
    bar_w = max(2.0, (group_w * 0.8) / len(series))
    bars, labels = [], []
    for i, row in enumerate(rows):
        x0 = LEFT + i * group_w + group_w * 0.1
        for j, count in enumerate(row["counts"]):
            h = plot_h * count / peak
            bars.append({
                "x": round(x0 + j * bar_w, 1),
                "y": round(TOP + plot_h - h, 1),
                "w": round(bar_w - 1, 1),
                "h": round(h, 1),
                "fill": PALETTE[j % len(PALETTE)],
                "label": f"{row['year']} — {series[j][1]}: {count}",
            })
        labels.append({"x": round(x0 + group_w * 0.4, 1), "text": row["year"]})
    ticks = [
        {"y": round(TOP + plot_h - plot_h * v / peak, 1), "value": v}
        for v in sorted({0, peak // 2, peak})
    ]
    legend = [{"fill": PALETTE[j % len(PALETTE)], "label": label}
              for j, (_key, label) in enumerate(series)]
    return {
        "width": WIDTH, "height": HEIGHT, "left": LEFT, "base": TOP + plot_h,
        "bars": bars, "labels": labels, "ticks": ticks, "legend": legend,
        "label_y": HEIGHT - 10, "right": WIDTH - 10,
    }
