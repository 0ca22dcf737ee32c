"""The demo council: a provincial hospital's initiative council with two sessions."""
