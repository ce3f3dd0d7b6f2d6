"""The Voilà app as a user meets it, timed in Chromium.

Run: ``python benchmarks/bench_voila.py [--rounds N]`` (needs Debian's ``/usr/bin/chromium``
or ``DS_CHROMIUM``, and the ``playwright`` package).

Starts ``voila notebooks/04_scenario_explorer.ipynb`` from the repository root (so
``voila.json`` applies: the offline template and one kernel prepared ahead of time), then,
``N`` times, waits until Voilà has a prepared kernel, opens the page and measures in the
page's own clock:

* **first outcome**: from the moment the page is asked for to the outcome line on screen
  (also given from the browser's ``load`` event);
* **update**: from a change of the "Recipients" list (the browser's change event) to the
  updated outcome line on screen, for a few changes in a row.

Targets (issue 12): first outcome within 1.5 s, update within 300 ms. The server and the
browser are always stopped.
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import (  # noqa: E402
    free_port,
    launch_chromium,
    open_page,
    stop_server,
    time_change_ms,
)

BANNER = "[role=status]"



def _summary(name: str, values: list[float], target: float) -> str:
    return (
        f"  {name:<48} median {statistics.median(values):7.0f} ms   "
        f"min {min(values):6.0f}   max {max(values):6.0f}   target {target:.0f} ms "
        f"(n={len(values)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    port = free_port()
    log_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench_voila_{port}.log"
    voila = Path(sys.executable).with_name("voila")
    program = [str(voila)] if voila.exists() else [sys.executable, "-m", "voila"]
    env = {**os.environ, "MPLBACKEND": "Agg", "JUPYTER_PATH": str(ROOT / "share" / "jupyter")}
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [*program, "notebooks/04_scenario_explorer.ipynb", "--no-browser",
             f"--port={port}", "--Voila.ip=127.0.0.1"],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    first, after_load, updates = [], [], []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url + "api/status", timeout=3)
                break
            except urllib.error.HTTPError:
                break
            except (urllib.error.URLError, OSError):
                time.sleep(0.5)
        with launch_chromium() as browser:
            for served in range(args.rounds):
                deadline = time.monotonic() + 180
                while log_path.read_text().count("is filled with") <= served:
                    if time.monotonic() > deadline:
                        raise SystemExit("Voilà prepared no kernel in 180 s")
                    time.sleep(0.3)
                time.sleep(1.0)  # let the prepared kernel settle, as a user would not notice
                with open_page(url, viewport=(1400, 1000), timeout_ms=180_000,
                               wait_until="commit", browser=browser) as (page, _log):  # fmt: skip
                    page.locator(BANNER, has_text="Likely CCF outcome").wait_for(timeout=180_000)
                    shown = page.evaluate("performance.now()")
                    load = page.evaluate(
                        "performance.getEntriesByType('navigation')[0].loadEventEnd"
                    )
                    first.append(shown)
                    after_load.append(shown - load)
                    recipients = page.get_by_label("Recipients", exact=True)
                    changes = (
                        ("all members", "received by 19"),
                        ("chosen regions and countries", "received by 50"),
                    )
                    for label, words in changes:
                        updates.append(
                            time_change_ms(
                                page,
                                functools.partial(recipients.select_option, label=label),
                                BANNER,
                                words,
                            )
                        )
    finally:
        stop_server(server)
    print("The Voilà explorer in Chromium (page clock):")
    print(_summary("first outcome after the page is asked for", first, 1500))
    print(_summary("  of which after the page's load event", after_load, 1500))
    print(_summary("updated outcome after a change of recipients", updates, 300))


if __name__ == "__main__":
    main()
