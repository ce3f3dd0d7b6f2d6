"""The Voilà app as a user meets it, timed in Chromium.

Run: ``python benchmarks/bench_voila.py [--rounds N]`` (needs Debian's ``/usr/bin/chromium``
or ``DS_CHROMIUM``, and the ``playwright`` package).

Starts ``diffusion-scenarios app`` in an empty folder (the package's offline template and
one kernel prepared ahead of time), then, ``N`` times, waits until the app has a prepared
kernel, opens the page and measures in the page's own clock:

* **first outcome**: from the moment the page is asked for to the outcome line on screen
  (also given from the browser's ``load`` event);
* **update**: from a change of the "Recipients" list (the browser's change event) to the
  updated outcome line on screen, for a few changes in a row.

Targets (issue 21): first outcome within 1.0 s, update within 100 ms. The server and the
browser are always stopped.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from app_support import start_app  # noqa: E402
from browser_support import launch_chromium, open_page, time_change_ms  # noqa: E402

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
    parser.add_argument(
        "--returning",
        action="store_true",
        help="measure a returning visitor: the browser keeps its cache of Voilà's scripts "
        "from one page to the next (after one visit that fills it)",
    )
    args = parser.parse_args()
    first, after_load, updates = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        log_path = Path(folder) / "app.log"
        with start_app(Path(folder), log_path) as app, launch_chromium() as launched:
            # A returning visitor: one browser profile (one cache) for every page.
            browser = launched.new_context() if args.returning else launched
            if args.returning:  # the first visit fills the cache; it is not counted
                with open_page(app.url, timeout_ms=180_000, browser=browser) as (page, _log):
                    page.locator(BANNER, has_text="Likely CCF outcome").wait_for(timeout=180_000)
            offset = 1 if args.returning else 0
            for served in range(args.rounds):
                app.wait_prepared(served + 1 + offset)
                time.sleep(1.0)  # let the prepared kernel settle, as a user would not notice
                with open_page(app.url, viewport=(1400, 1000), timeout_ms=180_000,
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
    print("The Voilà explorer in Chromium (page clock):")
    print(_summary("first outcome after the page is asked for", first, 1000))
    print(_summary("  of which after the page's load event", after_load, 1000))
    print(_summary("updated outcome after a change of recipients", updates, 100))


if __name__ == "__main__":
    main()
