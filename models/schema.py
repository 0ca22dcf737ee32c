"""The version of the data files' layout this program writes (see sessions/migrations.py); no imports, so that
a first frame can check it before the models are loaded."""

SCHEMA_VERSION = 2
