"""Quiet text must still be readable: 4.5:1 or more (WCAG AA) on every ground of each theme."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.constants import DIM_FACTOR

from accord.ui.themes import DARK, LIGHT

AA = 4.5


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(one: Color, other: Color) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def resolve(value: str, ground: Color) -> Color:
    """A theme variable as drawn on ``ground``: "auto 60%" and translucent colours blended."""
    if value.startswith("auto"):
        alpha = float(value.split()[1].rstrip("%")) / 100 if " " in value else 1.0
        color = ground.get_contrast_text(alpha)
    else:
        color = Color.parse(value)
    return ground + color if color.a < 1 else color


def dimmed(color: Color, ground: Color) -> Color:
    """What Textual draws for [dim] text: the colour blended towards the ground."""
    return ground.blend(color, DIM_FACTOR)


def test_contrast_sums_match_the_known_values():
    assert contrast(Color.parse("#000000"), Color.parse("#ffffff")) == pytest.approx(21)
    assert contrast(Color.parse("#767676"), Color.parse("#ffffff")) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_dim_muted_hint_and_footer_text_reach_aa(theme):
    variables = theme.to_color_system().generate() | theme.variables
    foreground = Color.parse(variables["foreground"])
    low = {}
    for ground_name in ("background", "surface", "panel"):
        ground = Color.parse(variables[ground_name])
        quiet = {
            "dim": dimmed(foreground, ground),
            "text-muted": resolve(variables["text-muted"], ground),
            "hint": resolve(variables["accord-hint"], ground),
            "footer key": resolve(variables["footer-key-foreground"], ground),
        }
        for name, color in quiet.items():
            low[f"{name} on {ground_name}"] = round(contrast(color, ground), 2)
    assert {where: ratio for where, ratio in low.items() if ratio < AA} == {}
