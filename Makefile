# newsrepair: `make demo` and `make test` work on a fresh machine with python3 and make.

PYTHON ?= python3
VENV := .venv
VENV_PY := $(VENV)/bin/python
DEMO_IN := fixtures
DEMO_OUT := out/demo
PYTEST_ARGS ?=

# Prefect, for demo and test: its state lives in the repo (never ~/.prefect), no
# PREFECT_API_URL so each run starts Prefect's own temporary local server, and
# nothing is sent over the network (server analytics off, SDK telemetry off).
export PREFECT_HOME := $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
# The temporary server's first start on a cold machine can take longer than
# Prefect's default 20 s wait.
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS := 120
unexport PREFECT_API_URL PREFECT_API_KEY PREFECT_PROFILES_PATH

.PHONY: venv demo test clean distclean

venv: $(VENV)/.installed

# A file target, so the install runs once and again only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	@test -x $(VENV_PY) || $(PYTHON) -m venv $(VENV) || { \
	  echo "'$(PYTHON) -m venv' failed; on Debian/Ubuntu install the python3-venv package" >&2; \
	  rm -rf $(VENV); exit 1; }
	$(VENV_PY) -m pip install --upgrade pip
	$(VENV_PY) -m pip install -e '.[test,dask]'
	@touch $@

demo: venv
	rm -rf $(DEMO_OUT)
	$(VENV)/bin/newsrepair run $(DEMO_IN) $(DEMO_OUT)

test: venv
	$(VENV_PY) -m pytest $(PYTEST_ARGS)

# Generated files; the virtualenv stays (distclean removes it too).
clean:
	rm -rf out .prefect .pytest_cache .hypothesis build dist *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
