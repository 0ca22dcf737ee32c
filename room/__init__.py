"""The room: a small web server in the chair's running app, for the projector's board (and, later, members' phones).

Another front end beside tui/: it reads the session through the session service (sessions/board.py decides
what the room may see) and never opens data files itself. It runs on the app's own asyncio loop, so the
service stays the only writer and the board reads the very state the chair sees.
"""
