"""Shared test set-up.

The Prefect environment is fixed here, before any test module imports prefect
(its settings are read once, at import):

* ``PREFECT_SERVER_ANALYTICS_ENABLED=false`` and ``DO_NOT_TRACK=1``: the server
  and the SDK would otherwise send usage telemetry over the network.
* ``PREFECT_HOME`` defaults to the repo's ``.prefect/`` (as in the Makefile), so
  a bare ``pytest`` never writes to ``~/.prefect``.

Flow tests ask for the ``prefect_server`` fixture; library tests don't, and so
don't pay the Prefect test server's start-up.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"

os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["DO_NOT_TRACK"] = "1"
os.environ.setdefault("PREFECT_HOME", str(REPO / ".prefect"))


@pytest.fixture(scope="session")
def prefect_server():
    """One temporary Prefect server (on a throw-away SQLite database) for the session.

    Flow-run heartbeats are switched off: they are for spotting crashed runs of a
    long-lived deployment, and cost each flow run up to a second at exit.  They
    are set outside the harness so that its process-wide settings carry them too.
    """
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        with prefect_test_harness(server_startup_timeout=120):
            yield


# Hypothesis: the default profile keeps `make test` quick and, derandomized, the
# same on every run (CI must not turn red by the luck of a seed);
# HYPOTHESIS_PROFILE=thorough runs ten times as many random examples when
# hunting for counter-examples.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "default", max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("thorough", max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
