"""The terminal user interface and command line of council."""
