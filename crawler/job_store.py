"""The scheduler's persistent job store: APScheduler jobs in a SQLite file beside the archive.

``SQLiteJobStore`` keeps SQLAlchemyJobStore's table layout without SQLAlchemy, so a restart after downtime sees the
missed fire times; ``stored_states`` reads the stored jobs without writing (``ducha schedule --list``, usable beside a
running scheduler).
"""
from __future__ import annotations

import logging
import pickle
import sqlite3
import threading
from contextlib import closing
from pathlib import Path

from apscheduler.job import Job
from apscheduler.jobstores.base import BaseJobStore, ConflictingIdError, JobLookupError
from apscheduler.util import datetime_to_utc_timestamp, utc_timestamp_to_datetime

logger = logging.getLogger(__name__)

__all__ = ["SQLiteJobStore", "stored_states"]


class SQLiteJobStore(BaseJobStore):
    """APScheduler job store in a SQLite file (SQLAlchemyJobStore's table layout, without SQLAlchemy).

    ``next_run_time`` is a UTC timestamp column so ``ducha status`` can read it without unpickling.
    """

    def __init__(self, path: str | Path, pickle_protocol: int = pickle.HIGHEST_PROTOCOL) -> None:
        super().__init__()
        self.path = str(path)
        self.pickle_protocol = pickle_protocol
        self._mutex = threading.RLock()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute("CREATE TABLE IF NOT EXISTS apscheduler_jobs (id TEXT PRIMARY KEY, "
                     "next_run_time REAL, job_state BLOB NOT NULL)")
        conn.execute("CREATE INDEX IF NOT EXISTS ix_apscheduler_jobs_next ON apscheduler_jobs(next_run_time)")
        return conn

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._mutex, closing(self._connect()) as conn, conn:
            return conn.execute(sql, params).fetchall()

    def _write(self, sql: str, params: tuple = ()) -> int:
        with self._mutex, closing(self._connect()) as conn, conn:
            return conn.execute(sql, params).rowcount

    def _state(self, job: Job) -> tuple:
        return (datetime_to_utc_timestamp(job.next_run_time), pickle.dumps(job.__getstate__(), self.pickle_protocol))

    def _reconstitute(self, state: bytes) -> Job:
        job_state = pickle.loads(state)
        job_state["jobstore"] = self
        job = Job.__new__(Job)
        job.__setstate__(job_state)
        job._scheduler = self._scheduler
        job._jobstore_alias = self._alias
        return job

    def _jobs(self, where: str = "", params: tuple = ()) -> list[Job]:
        jobs, broken = [], []
        for job_id, state in self._query(f"SELECT id, job_state FROM apscheduler_jobs {where}"
                                         " ORDER BY next_run_time", params):
            try:
                jobs.append(self._reconstitute(state))
            except Exception:
                self._logger.exception('Unable to restore job "%s" -- removing it', job_id)
                broken.append(job_id)
        for job_id in broken:
            self._write("DELETE FROM apscheduler_jobs WHERE id = ?", (job_id,))
        return jobs

    def lookup_job(self, job_id):
        rows = self._query("SELECT job_state FROM apscheduler_jobs WHERE id = ?", (job_id,))
        return self._reconstitute(rows[0][0]) if rows else None

    def get_due_jobs(self, now):
        return self._jobs("WHERE next_run_time <= ?", (datetime_to_utc_timestamp(now),))

    def get_next_run_time(self):
        rows = self._query("SELECT min(next_run_time) FROM apscheduler_jobs WHERE next_run_time IS NOT NULL")
        return utc_timestamp_to_datetime(rows[0][0]) if rows and rows[0][0] is not None else None

    def get_all_jobs(self):
        jobs = self._jobs()
        self._fix_paused_jobs_sorting(jobs)
        return jobs

    def add_job(self, job):
        try:
            self._write("INSERT INTO apscheduler_jobs (id, next_run_time, job_state) VALUES (?, ?, ?)",
                        (job.id, *self._state(job)))
        except sqlite3.IntegrityError:
            raise ConflictingIdError(job.id) from None

    def update_job(self, job):
        if not self._write("UPDATE apscheduler_jobs SET next_run_time = ?, job_state = ? WHERE id = ?",
                           (*self._state(job), job.id)):
            raise JobLookupError(job.id)

    def remove_job(self, job_id):
        if not self._write("DELETE FROM apscheduler_jobs WHERE id = ?", (job_id,)):
            raise JobLookupError(job_id)

    def remove_all_jobs(self):
        self._write("DELETE FROM apscheduler_jobs")


def stored_states(path: Path) -> dict[str, dict]:
    """Job id → stored job state, read from the job store without writing (no file created); {} if none."""
    if not path.exists():
        return {}
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        rows = conn.execute("SELECT id, job_state FROM apscheduler_jobs").fetchall()
    states = {}
    for job_id, blob in rows:
        try:
            states[job_id] = pickle.loads(blob)
        except (pickle.UnpicklingError, AttributeError, ImportError, EOFError, TypeError, ValueError):
            # the scheduler drops such a job at start-up and logs why
            logger.warning("job %s: stored state unreadable (the scheduler will replace it)", job_id)
    return states
