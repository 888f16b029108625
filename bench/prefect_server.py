"""A real ``prefect server start`` on a free loopback port, and the clean-inbox flow run against it.

Shared by tests/test_flow_server.py (reads the run back over the REST API) and
bench/ui_screenshot.py (shoots the UI).  Everything runs on a throw-away
PREFECT_HOME; the server and the flow run in processes of their own, with an
environment that keeps no inherited ``PREFECT_*`` variable, so the caller's
Prefect settings are never touched.

Facts about Prefect 3.9 these rely on:

* the server needs PREFECT_API_URL too (its own services talk to it, and its
  UI asks it where the API is);
* services must stay on: task-run states reach the database only through the
  ``task_run_recorder`` service;
* analytics off and DO_NOT_TRACK=1, so nothing is sent over the network.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PREFECT = Path(sys.executable).parent / "prefect"

# Run in a child process with cwd=ROOT.  Heartbeats off as in tests/conftest.py:
# they only cost a sync flow up to a second at exit.  The last stdout line is JSON.
RUN_FLOW = textwrap.dedent(
    """
    import json, sys
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from flows.clean import clean_inbox

    inbox, outbox, batch_size = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        state = clean_inbox(inbox, outbox, batch_size=batch_size, return_state=True)
    print(json.dumps({
        "flow_run_id": str(state.state_details.flow_run_id),
        "state": state.type.value,
        "result": state.result(raise_on_failure=False) if state.is_completed() else None,
    }, default=str))
    """
)


def free_port() -> int:
    """A TCP port that is free on 127.0.0.1 right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clean_env(**prefect_settings: str) -> dict[str, str]:
    """os.environ without any inherited PREFECT_* variable, plus telemetry off and ``prefect_settings``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    env.update(prefect_settings)
    return env


def http(url: str, body: dict[str, Any] | None = None, timeout: float = 10) -> bytes:
    """GET (``body`` None) or POST JSON to ``url``; return the raw answer."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(
        url, data=data, method="GET" if body is None else "POST",
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read()


def api(api_url: str, path: str, body: dict[str, Any] | None = None, timeout: float = 10) -> Any:
    """GET or POST ``api_url + path``; return the decoded JSON answer."""
    return json.loads(http(api_url + path, body, timeout).decode("utf-8"))


class Server:
    """``prefect server start`` in its own process group; a context manager that always stops it.

    ``ui`` serves the UI as well (its static files go to ``home``, not into the
    virtualenv, where Prefect would copy them by default).
    """

    def __init__(self, home: Path, *, ui: bool = False, timeout: float = 120):
        self.home = home
        self.ui = ui
        self.timeout = timeout
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.api_url = f"{self.base}/api"
        self.log = home / "server.log"
        self.started_in: float | None = None

    def __enter__(self) -> "Server":
        self.home.mkdir(parents=True, exist_ok=True)
        env = clean_env(
            PREFECT_HOME=str(self.home),
            PREFECT_API_DATABASE_CONNECTION_URL=f"sqlite+aiosqlite:///{self.home / 'server.db'}",
            PREFECT_API_URL=self.api_url,
            PREFECT_UI_API_URL=self.api_url,
            PREFECT_SERVER_UI_ENABLED="true" if self.ui else "false",
            PREFECT_UI_STATIC_DIRECTORY=str(self.home / "ui-static"),
            PREFECT_SERVER_LOGGING_LEVEL="WARNING",
        )
        t0 = time.monotonic()
        with open(self.log, "wb") as log_fh:
            self.process = subprocess.Popen(
                [str(PREFECT), "server", "start", "--host", "127.0.0.1", "--port", str(self.port),
                 "--ui" if self.ui else "--no-ui"],
                env=env, cwd=self.home, stdin=subprocess.DEVNULL, stdout=log_fh, stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, so stop() reaches all of it
            )
        try:
            self._wait_up()
        except BaseException:
            self.stop()
            raise
        self.started_in = time.monotonic() - t0
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def _wait_up(self) -> None:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"prefect server exited with {self.process.returncode}:\n{self.tail()}")
            try:
                healthy = api(self.api_url, "/health", timeout=2) is True
                if healthy and (not self.ui or b"<html" in http(self.base + "/", timeout=5).lower()):
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
                pass
            time.sleep(0.25)
        raise TimeoutError(f"prefect server not up after {self.timeout:.0f} s:\n{self.tail()}")

    def stop(self) -> None:
        """SIGTERM the server's process group; SIGKILL after 15 s."""
        process = getattr(self, "process", None)
        if process is None or process.poll() is not None:
            return
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)
        except ProcessLookupError:
            pass

    def tail(self, n: int = 4000) -> str:
        """The end of the server's log, for error messages."""
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")[-n:]
        except OSError:
            return "(no log)"

    def run_flow(self, inbox: Path, outbox: Path, batch_size: int, timeout: float = 300) -> dict[str, Any]:
        """Run clean_inbox in a child process against this server; return the child's JSON answer."""
        child = subprocess.run(
            [sys.executable, "-c", RUN_FLOW, str(inbox), str(outbox), str(batch_size)],
            env=clean_env(PREFECT_HOME=str(self.home / "client-home"), PREFECT_API_URL=self.api_url),
            cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout,
        )
        if child.returncode != 0:
            raise RuntimeError(f"flow process failed ({child.returncode}):\n{child.stdout}\n{child.stderr}")
        return json.loads(child.stdout.strip().splitlines()[-1])
