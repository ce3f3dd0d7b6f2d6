"""The Voilà app as a user meets it, timed in Chromium.

Run: ``python benchmarks/bench_voila.py [--rounds N]`` (needs Debian's ``/usr/bin/chromium``
or ``DS_CHROMIUM``, and the ``playwright`` package).

Starts ``diffusion-scenarios app`` in an empty folder (the package's offline template and
one kernel prepared ahead of time), then, ``N`` times, waits until the app has a prepared
kernel, opens the page and measures in the page's own clock:

* **first outcome**: from the moment the page is asked for to the outcome line on screen:
  the first frame the browser draws after the line is in the page and visible (a
  ``requestAnimationFrame`` two frames on, so the frame that shows it is done), recorded
  in the page itself by a script installed before anything loads. The line is the outcome
  the served page carries as plain HTML (the ``ds-offline`` template) until the explorer's
  widgets have loaded and show their own; both are timed. Also given: when Playwright,
  polling from outside, first found the line visible (later whenever the page's own
  scripts keep the browser busy), and the time after the page's ``load`` event;
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

# Installed in every page before its own scripts: when a visible [role=status] line with the
# outcome words first appears, in the page's clock (0 = the page was asked for); "preview"
# is the page's own HTML, "explorer" the widgets'. Visibility is checked only once such a
# line exists, so the watch costs the page nothing before.
PAINT_WATCH = """
(() => {
  const seen = (window.__dsSeen = {});
  const mark = (kind) => {
    if (seen[kind + "_dom"] !== undefined) return;
    seen[kind + "_dom"] = performance.now();
    requestAnimationFrame(() => requestAnimationFrame((t) => { seen[kind] = t; }));
  };
  const check = () => {
    for (const el of document.querySelectorAll("[role=status]")) {
      if (!el.textContent.includes("Likely CCF outcome")) continue;
      const kind = el.closest(".ds-preview") ? "preview" : "explorer";
      if (seen[kind + "_dom"] !== undefined || el.getClientRects().length === 0) continue;
      if (getComputedStyle(el).visibility === "hidden") continue;
      mark(kind);
    }
    if (seen.explorer_dom !== undefined) watch.disconnect();
  };
  const watch = new MutationObserver(check);
  watch.observe(document, {childList: true, subtree: true, attributes: true,
                           attributeFilter: ["style", "class"]});
})();
"""


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
    painted, explorer_painted, polled, after_load, updates = [], [], [], [], []
    size = {"width": 1400, "height": 1000}
    with tempfile.TemporaryDirectory() as folder:
        log_path = Path(folder) / "app.log"
        with start_app(Path(folder), log_path) as app, launch_chromium() as launched:
            # A returning visitor: one browser profile (one cache) for every page.
            kept = launched.new_context(viewport=size) if args.returning else None
            if kept is not None:  # the first visit fills the cache; it is not counted
                kept.add_init_script(PAINT_WATCH)
                with open_page(app.url, timeout_ms=180_000, browser=kept) as (page, _log):
                    page.locator(BANNER, has_text="Likely CCF outcome").wait_for(timeout=180_000)
            offset = 1 if args.returning else 0
            for served in range(args.rounds):
                app.wait_prepared(served + 1 + offset)
                time.sleep(1.0)  # let the prepared kernel settle, as a user would not notice
                context = kept or launched.new_context(viewport=size)  # a new profile
                if kept is None:
                    context.add_init_script(PAINT_WATCH)
                with open_page(app.url, viewport=(1400, 1000), timeout_ms=180_000,
                               wait_until="commit", browser=context) as (page, _log):  # fmt: skip
                    page.locator(BANNER, has_text="Likely CCF outcome").wait_for(timeout=180_000)
                    shown = page.evaluate("performance.now()")
                    recipients = page.get_by_label("Recipients", exact=True)
                    recipients.wait_for(timeout=180_000)
                    page.wait_for_function(
                        "window.__dsSeen && window.__dsSeen.explorer !== undefined",
                        timeout=180_000,
                    )
                    seen = page.evaluate("window.__dsSeen")
                    load = page.evaluate(
                        "performance.getEntriesByType('navigation')[0].loadEventEnd"
                    )
                    first = min(seen.get("preview", seen["explorer"]), seen["explorer"])
                    painted.append(first)
                    explorer_painted.append(seen["explorer"])
                    polled.append(shown)
                    after_load.append(first - load)
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
                if kept is None:
                    context.close()
    print("The Voilà explorer in Chromium (page clock, 0 = the page is asked for):")
    print(_summary("first outcome on screen (drawn frame)", painted, 1000))
    print(_summary("  after the page's load event (negative: before)", after_load, 1000))
    print(_summary("explorer's own outcome line on screen", explorer_painted, 1000))
    print(_summary("first outcome found by Playwright polling", polled, 1000))
    print(_summary("updated outcome after a change of recipients", updates, 100))


if __name__ == "__main__":
    main()
