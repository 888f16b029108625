"""Screenshots of the Prefect UI after a clean_inbox run, for the docs.

Run (from the repo root; needs Chromium: ``apt-get install -y chromium``)::

    .venv/bin/python bench/ui_screenshot.py [--out docs/ui] [--copies 5] [--batch-size 2] [--ui v1|v2]

(about 15 s: 6-9 s server start with migrations, 2 s flow, 1-2 s per screenshot).

What it does, all on this machine and on a throw-away Prefect home:

1. starts ``prefect server start`` WITH the UI on a free 127.0.0.1 port
   (PREFECT_API_URL and PREFECT_UI_API_URL point at it; analytics off);
2. runs ``clean_inbox`` in a child process against that server, over a
   temporary inbox of copies of ``fixtures/*.txt`` (several batches);
3. finds the flow run and its ``clean-inbox-summary`` artifact through the REST API;
4. has headless Chromium screenshot the flow-run page (``/runs/flow-run/<id>``)
   and the artifact page (``/artifacts/artifact/<id>``) into
   ``<out>/flow-run.png`` and ``<out>/summary-artifact.png``;
5. checks, in the DOM Chromium rendered, that the run page shows the run and
   its task runs and the artifact page the summary's text (exits non-zero if not);
6. stops the server (also on error or Ctrl-C).

Nothing in the repo is changed except the two PNGs.  The server's copy of the
UI's static files goes to the temporary home too (PREFECT_UI_STATIC_DIRECTORY),
not into the virtualenv's site-packages, where Prefect would put it by default.
Chromium gets a temporary profile (--user-data-dir) and temporary XDG_CONFIG_HOME
and XDG_CACHE_HOME (its crash reporter and dconf ignore --user-data-dir), so
~/.config and ~/.cache are not touched.

The UI is a single-page app that fetches the run from the API after loading.
Without --virtual-time-budget Chromium shoots an empty dark page; with it
(default here 15000 ms of *virtual* time, about 1-2 s of real time per page;
300 ms was already enough) the page is complete.  A budget of 0 hangs Chromium.
--run-all-compositor-stages-before-draw is passed too: without it the flow-run
page's timeline graph was drawn only in part in about a third of the shots
(with it: 20 of 20 complete).

Prefect 3.9 serves two UIs: deep links such as ``/runs/flow-run/<id>`` open the
classic (v1) one, the same pages under ``/v2/`` the new one; ``--ui v2`` shoots those.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.prefect_server import Server, api  # noqa: E402

FIXTURES = ROOT / "fixtures"
SUMMARY_KEY = "clean-inbox-summary"


def _chromium(chromium: str, url: str, action: list[str], budget_ms: int, profile: Path, extra: list[str]):
    """Run headless Chromium on ``url`` with ``action`` (--screenshot=..., --dump-dom) once the page has loaded."""
    cmd = [
        chromium, "--headless", "--disable-gpu", "--no-sandbox",
        f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1400,1000",
        # Without it the run page's timeline (a WebGL canvas) came out half drawn in
        # about one shot of three: no grid lines, all time labels piled up top left.
        "--run-all-compositor-stages-before-draw",
        f"--virtual-time-budget={budget_ms}", *action, *extra, url,
    ]
    # Chromium's crash reporter and dconf write under $XDG_CONFIG_HOME / $XDG_CACHE_HOME
    # (~/.config/chromium/Crash Reports, ~/.cache/dconf) whatever --user-data-dir says.
    env = dict(os.environ, XDG_CONFIG_HOME=str(profile / "xdg-config"), XDG_CACHE_HOME=str(profile / "xdg-cache"))
    return subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=180)


def check_rendered(chromium: str, url: str, expected: list[str], budget_ms: int, profile: Path) -> None:
    """Fail unless the page, as the browser rendered it, shows every string of ``expected``.

    The UI is a single-page app: the served HTML holds none of the run's data,
    so finding it in the DOM Chromium built shows the UI fetched and drew it.
    """
    done = _chromium(chromium, url, ["--dump-dom"], budget_ms, profile, [])
    missing = [s for s in expected if s not in done.stdout]
    if done.returncode != 0 or missing:
        sys.exit(f"{url} does not show {missing} (chromium exit {done.returncode})")
    print(f"  rendered: {url} shows {', '.join(repr(s) for s in expected)}")


def screenshot(chromium: str, url: str, target: Path, budget_ms: int, profile: Path, extra: list[str]) -> None:
    """One headless Chromium screenshot of ``url`` into ``target`` (PNG)."""
    target.unlink(missing_ok=True)
    t0 = time.monotonic()
    done = _chromium(chromium, url, [f"--screenshot={target}"], budget_ms, profile, extra)
    if done.returncode != 0 or not target.is_file():
        sys.exit(f"chromium failed ({done.returncode}) for {url}:\n{done.stderr[-3000:]}")
    print(f"  {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}"
          f"  <- {url}  ({target.stat().st_size} bytes, {time.monotonic() - t0:.1f} s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "ui"), help="folder for the PNGs (default docs/ui)")
    parser.add_argument("--copies", type=int, default=5, help="copies of each fixture in the inbox (default 5)")
    parser.add_argument("--batch-size", type=int, default=2, help="documents per task (default 2)")
    parser.add_argument("--budget", type=int, default=15000, help="Chromium --virtual-time-budget in ms (default 15000)")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium", help="Chromium executable")
    parser.add_argument("--chromium-arg", action="append", default=[], metavar="ARG",
                        help="extra Chromium flag, e.g. --chromium-arg=--force-device-scale-factor=2")
    parser.add_argument("--ui", choices=("v1", "v2"), default="v1",
                        help="which of Prefect's two UIs to shoot: v1 at / (default), v2 at /v2/")
    parser.add_argument("--keep", action="store_true", help="keep the server up until Enter is pressed (to look around)")
    args = parser.parse_args()
    if args.budget < 1:
        # --virtual-time-budget=0 makes Chromium 156 hang instead of shooting at once.
        parser.error("--budget must be at least 1 (ms)")
    if not shutil.which(args.chromium):
        sys.exit(f"no Chromium at {args.chromium!r}: apt-get install -y chromium, or pass --chromium")

    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ui_screenshot_") as tmp_name:
        tmp = Path(tmp_name)
        inbox, outbox = tmp / "inbox", tmp / "outbox"
        inbox.mkdir()
        for source in sorted(FIXTURES.glob("*.txt")):
            for i in range(args.copies):
                shutil.copyfile(source, inbox / f"{i:02d}_{source.name}")

        print("starting prefect server with UI ...")
        with Server(tmp / "prefect-home", ui=True) as server:
            base, api_url = server.base, server.api_url
            print(f"  up at {base} in {server.started_in:.1f} s")

            print(f"running clean_inbox over {len(list(inbox.iterdir()))} documents, batch size {args.batch_size} ...")
            server.run_flow(inbox, outbox, args.batch_size)

            runs = api(api_url, "/flow_runs/filter", {
                "flows": {"name": {"any_": ["clean-inbox"]}},
                "flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}},
                "sort": "END_TIME_DESC", "limit": 1,
            })
            if not runs:
                sys.exit("no COMPLETED clean-inbox flow run on the server")
            flow_run = runs[0]
            artifacts = api(api_url, "/artifacts/filter", {
                "artifacts": {"key": {"any_": [SUMMARY_KEY]}, "flow_run_id": {"any_": [flow_run["id"]]}},
                "sort": "CREATED_DESC", "limit": 1,
            })
            if not artifacts:
                sys.exit(f"flow run {flow_run['id']} has no {SUMMARY_KEY!r} artifact")
            artifact = artifacts[0]
            print(f"  flow run {flow_run['name']} ({flow_run['id']}): {flow_run['state_type']}; "
                  f"summary artifact {artifact['id']}")

            print(f"screenshots (virtual-time-budget {args.budget} ms) ...")
            ui = base if args.ui == "v1" else f"{base}/v2"
            pages = {
                "flow-run.png": f"{ui}/runs/flow-run/{flow_run['id']}",
                "summary-artifact.png": f"{ui}/artifacts/artifact/{artifact['id']}",
            }
            for name, url in pages.items():
                screenshot(args.chromium, url, out / name, args.budget, tmp / "chromium-profile", args.chromium_arg)
            # The check, not only the pictures: the run page names the run and
            # its task runs; the artifact page shows the summary's own text.
            check_rendered(args.chromium, pages["flow-run.png"], [flow_run["name"], "clean-batch-0", "Completed"],
                           args.budget, tmp / "chromium-profile")
            check_rendered(args.chromium, pages["summary-artifact.png"], ["documents processed", "Repairs by kind"],
                           args.budget, tmp / "chromium-profile")

            if args.keep:
                print(f"server up at {base} (pages: {', '.join(pages.values())}); press Enter to stop it")
                try:
                    input()
                except EOFError:
                    pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
