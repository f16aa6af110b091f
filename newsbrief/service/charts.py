"""Chart geometry for the reader's server-drawn SVG charts (templates/_charts.html
draws them; every label is autoescaped there). Hand-written rather than a chart
library: a bar chart is a few rectangles, and a vendored chart script would
need JavaScript the pages do not otherwise depend on."""

from __future__ import annotations

from typing import Any

ROW = 22  # px per bar of a horizontal bar chart
LABEL_W = 190
BAR_W = 300


def _label(text: str, limit: int = 28) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def hbar(items: list[tuple[str, int, str | None]]) -> dict[str, Any]:
    """Horizontal bars: (label, value, link or None), in the order given."""
    top = max((v for _, v, _ in items), default=0) or 1
    rows = []
    for i, (label, value, href) in enumerate(items):
        width = max(1, round(BAR_W * value / top)) if value else 0
        rows.append(
            {
                "label": _label(label),
                "full": str(label),
                "value": value,
                "href": href,
                "y": i * ROW,
                "w": width,
            }
        )
    return {"rows": rows, "width": LABEL_W + BAR_W + 60, "height": max(ROW, len(rows) * ROW), "label_w": LABEL_W}


def columns(items: list[tuple[str, int]], *, height: int = 160) -> dict[str, Any]:
    """Vertical columns over time: (label, value) in date order."""
    top = max((v for _, v in items), default=0) or 1
    n = max(1, len(items))
    col = max(8, min(40, 560 // n))
    cols = []
    for i, (label, value) in enumerate(items):
        h = round((height - 30) * value / top) if value else 0
        cols.append(
            {"label": str(label), "value": value, "x": 40 + i * col, "w": col - 2, "h": h, "y": height - 20 - h}
        )
    # Label every k-th column so that labels do not overlap.
    every = max(1, (n * 60) // 560 + 1)
    for i, c in enumerate(cols):
        c["show"] = i % every == 0
    return {"cols": cols, "width": 40 + n * col + 20, "height": height, "top": top, "base": height - 20}


def pager(total: int, limit: int, offset: int) -> dict[str, Any]:
    """Where a page of results stands, and the offsets of its neighbours."""
    return {
        "total": total,
        "first": offset + 1 if total else 0,
        "last": min(total, offset + limit),
        "prev": max(0, offset - limit) if offset > 0 else None,
        "next": offset + limit if offset + limit < total else None,
    }
