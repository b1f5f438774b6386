"""Migrations for the operations tables (applied by ``archive.schema.ensure_schema``)."""
from sqlite_utils import Migrations

MIGRATIONS = Migrations("ducha-ops")
