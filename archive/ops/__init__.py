"""Operations: run records, health checks and alerts (used by scheduler.py and the CLI)."""
