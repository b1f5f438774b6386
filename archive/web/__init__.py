"""Datasette plugin and templates: the archive's public face."""
