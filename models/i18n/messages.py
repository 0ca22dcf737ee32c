"""Every user-visible string, as key: (English, Vietnamese), one module per area of the product."""

from models.i18n import (
    actions,
    argparse_words,
    bindings,
    core,
    exports,
    importing,
    integrity,
    modes,
    phones,
    room,
    settings,
    storage,
    tui,
    writing,
)

MESSAGES: dict[str, tuple[str, str]] = {}
for _module in (
    core,
    tui,
    exports,
    importing,
    storage,
    modes,
    writing,
    integrity,
    actions,
    argparse_words,
    room,
    phones,
    bindings,
    settings,
):
    _duplicates = MESSAGES.keys() & _module.MESSAGES.keys()
    if _duplicates:
        raise RuntimeError(f"duplicate message keys: {sorted(_duplicates)}")
    MESSAGES.update(_module.MESSAGES)
