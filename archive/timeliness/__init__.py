"""Timeliness measures: dates, working-day calendar, objection windows, lags."""
