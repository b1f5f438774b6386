"""Migrations for the timeliness tables (applied by ``archive.schema.ensure_schema``)."""
from sqlite_utils import Migrations

MIGRATIONS = Migrations("ducha-timeliness")
