"""Pydantic models of the council domain: validation and pure rules, no I/O."""
