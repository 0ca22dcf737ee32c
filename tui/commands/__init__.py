"""One module per `council` subcommand: each has ``add_parser(subparsers)`` and ``run(args) -> int``."""
