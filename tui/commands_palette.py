"""The command palette (ctrl+p) offers the current screen's actions by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.textual_private import own_bindings

# Moving the cursor or focus is not an action worth finding by name.
UNLISTED = ("seat", "app.focus", "screen.copy")


class CouncilCommands(Provider):
    """One command per key binding of the screen the palette was opened from."""

    def _commands(self) -> list[tuple[str, str, str]]:
        screen = self.screen
        seen: set[str] = set()
        commands = []
        for _key, binding in own_bindings(screen):
            if binding.action in seen or not binding.description or binding.action.startswith(UNLISTED):
                continue
            if screen.check_action(binding.action.split("(")[0], ()) is not True:
                continue  # only what works now (the footer hides or dims the rest)
            seen.add(binding.action)
            commands.append((binding.description, binding.action, binding.tooltip))
        return commands

    async def discover(self) -> Hits:
        for title, action, does in self._commands():
            yield DiscoveryHit(title, partial(self.screen.run_action, action), help=does)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, does in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self.screen.run_action, action), help=does)
