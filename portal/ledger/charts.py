"""Server-rendered SVG charts: geometry only; the templates draw it (no JavaScript, no inline
styles — colours are SVG presentation attributes, which the CSP allows)."""

from __future__ import annotations

from decimal import Decimal

MODEL_COLOURS = {"70": "#2e7d32", "20": "#1565c0", "10": "#ef6c00"}
MODEL_NAMES = {"70": "70 Pengalaman", "20": "20 Sosial", "10": "10 Formal"}
IDEAL = {"70": 70, "20": 20, "10": 10}
BUCKET_COLOURS = ("#b3261e", "#ef6c00", "#f9a825", "#2e7d32")


def _segments(values: dict[str, float], total: float) -> list[dict]:
    segments, x = [], 0.0
    for model in ("70", "20", "10"):
        value = float(values.get(model, 0) or 0)
        share = 100 * value / total if total else 0.0
        segments.append({"model": model, "name": MODEL_NAMES[model], "colour": MODEL_COLOURS[model],
                         "value": value, "share": round(share, 1), "x": round(x, 3),
                         "width": round(share, 3)})
        x += share
    return segments


def model_mix(by_model: dict[str, float | int | Decimal]) -> dict:
    """Two stacked bars (0–100 wide): the actual 70:20:10 mix of counted JP, and the ideal."""
    values = {key: float(value or 0) for key, value in by_model.items()}
    total = sum(values.values())
    return {"total": total, "actual": _segments(values, total),
            "ideal": _segments(IDEAL, 100)}


def buckets_chart(buckets: dict[str, int], labels: tuple[tuple[str, str], ...]) -> list[dict]:
    """Horizontal bars (width 0–100 relative to the largest bucket) for the JP distribution."""
    largest = max(buckets.values(), default=0)
    bars = []
    for index, (key, label) in enumerate(labels):
        count = buckets.get(key, 0)
        bars.append({"key": key, "label": label, "count": count, "y": index * 12,
                     "colour": BUCKET_COLOURS[index % len(BUCKET_COLOURS)],
                     "width": round(100 * count / largest, 3) if largest else 0})
    return bars
