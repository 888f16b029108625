"""Where the batches run: the flow's own thread (default) or a Dask cluster.

Scale-out uses an existing engine, prefect-dask's ``DaskTaskRunner``: the same
``clean-batch`` tasks, submitted to Dask workers instead of a thread.  Outputs
are byte-identical, because each document's repair is deterministic and the
flow folds the batches' results in batch order.
"""

from __future__ import annotations

import contextlib
import os
from typing import Iterator


def dask_runner(workers: int | None = None, address: str | None = None):
    """A ``DaskTaskRunner`` for ``address`` (an existing scheduler) or a local cluster of ``workers`` processes.

    Local workers are processes with one thread each: the repair is CPU-bound
    Python, so threads inside a worker would share one core.  Returns None when
    neither is given (the flow's default runner applies).
    """
    if not workers and not address:
        return None
    # distributed logs every nanny and scheduler step at INFO.  Read when
    # distributed is imported, here and in the workers (which inherit it).
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("scale-out needs prefect-dask: pip install 'newsrepair[dask]'") from exc
    if address:
        return DaskTaskRunner(address=address)
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    return DaskTaskRunner(
        cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None}
    )


@contextlib.contextmanager
def shared_api() -> Iterator[str | None]:
    """Make sure worker processes report to the same Prefect API as this one.

    With no ``PREFECT_API_URL``, Prefect starts a temporary server inside each
    process that needs one, so every Dask worker would start its own (about
    7 s each) and its task runs would land on a server no one reads.  Here one
    temporary server is started for the run, and its URL is put in the
    environment (inherited by the workers) and in this process's settings.
    With ``PREFECT_API_URL`` set, nothing changes.  Yields the API URL in use.
    """
    from prefect.settings import PREFECT_API_URL, temporary_settings

    url = PREFECT_API_URL.value()
    if url:
        # Set in this process's settings (a profile, a test harness) but maybe
        # not in its environment, which is what the workers inherit.
        with _environ("PREFECT_API_URL", url):
            yield url
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start(timeout=120)
    try:
        with _environ("PREFECT_API_URL", server.api_url), temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield server.api_url
    finally:
        server.stop()


@contextlib.contextmanager
def _environ(name: str, value: str) -> Iterator[None]:
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous
