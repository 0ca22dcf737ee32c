"""The one translation layer: every string a user sees is looked up here by key.

The catalogue is this package's other modules, one per area of the product, as (English, Vietnamese) pairs so
that a missing translation is impossible to write (gathered in ``messages.py``).
"""

from __future__ import annotations

from typing import Any

from models.cleaning import shown_safely
from models.i18n.messages import MESSAGES

LANGUAGES = ("vi", "en")
_state = {"lang": "vi"}


def set_language(lang: str) -> None:
    """Choose the language for everything shown from now on."""
    if lang not in LANGUAGES:
        raise ValueError(lang)
    _state["lang"] = lang


def current_language() -> str:
    """The language in force: ``vi`` or ``en``."""
    return _state["lang"]


def language_from_locale(locale_name: str | None) -> str:
    """``vi_*`` locales give Vietnamese, anything else English."""
    return "vi" if (locale_name or "").lower().startswith("vi") else "en"


def localised(vi: str, en: str, lang: str | None = None) -> str:
    """Of a text the data holds in both languages (a criterion's name, a grade), the one in ``lang``.

    ``lang`` defaults to the current language.
    """
    return vi if (lang or _state["lang"]) == "vi" else en


def t(key: str, lang: str | None = None, **params: Any) -> str:
    """The text for ``key`` in ``lang`` (default: the current language), with ``params`` filled in."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    template = entry[1] if (lang or _state["lang"]) == "vi" else entry[0]
    if not params:
        return template
    # What fills a message can be the user's own text (a file name, an argument): never a terminal escape.
    return template.format(**{name: shown_safely(v) if isinstance(v, str) else v for name, v in params.items()})


def has_key(key: str) -> bool:
    """Whether ``key`` is in the catalogue (used by tests)."""
    return key in MESSAGES
