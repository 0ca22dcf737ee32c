"""The two looks of the app: dark (Textual's own) and a high-contrast light one for a projector.

Settings name them "dark" and "light" (sessions/settings.py); the palette switches between them.
"""

from __future__ import annotations

from textual.theme import Theme

LIGHT = Theme(
    name="council-light",
    # Dark, saturated colours on pure white: a projector washes out pale greys and yellows.
    primary="#0b3d91",
    secondary="#3b2a86",
    accent="#9a3b00",
    warning="#8a4b00",
    error="#b0001a",
    success="#0a6b1f",
    foreground="#000000",
    background="#ffffff",
    surface="#ffffff",
    panel="#e4e8f0",
    dark=False,
    text_alpha=1.0,
    variables={
        "text-muted": "#333333",
        "footer-key-foreground": "#0b3d91",
        "footer-description-foreground": "#000000",
        "input-selection-background": "#0b3d91 35%",
    },
)

TEXTUAL_NAMES = {"dark": "textual-dark", "light": LIGHT.name}
"""A theme of the settings file: the Textual theme that draws it."""

DEFAULT = "dark"


def setting_of(textual_name: str) -> str:
    """The settings' name of a Textual theme (dark for any other)."""
    return next((name for name, theme in TEXTUAL_NAMES.items() if theme == textual_name), DEFAULT)
