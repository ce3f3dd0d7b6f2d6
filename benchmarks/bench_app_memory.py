"""Memory per page of ``diffusion-scenarios app``: how many students fit on a machine.

Run: ``.venv/bin/python benchmarks/bench_app_memory.py [--pages N]`` (needs Chromium and
playwright, like the browser tests).

Starts the app in an empty folder, opens N pages in headless Chromium and keeps them open
(each has its own kernel, with the explorer built and the outcome on screen), changes one
fact on each (with ``--worked``, opens every tab and prepares the downloads too, which
draws the memo's pictures), then reads the memory of every kernel process (PSS from
``/proc/PID/smaps_rollup``: shared libraries counted once across processes; RSS too) and of
the server. Prints the median per kernel and how many pages fit in 24 GB.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from app_support import start_app  # noqa: E402
from browser_support import launch_chromium, open_page  # noqa: E402


def _memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of a process in kB."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, _, rest = line.partition(":")
        values[name.strip()] = int(rest.split()[0])
    return values.get("Pss", 0), values.get("Rss", 0)


def _kernel_pids(server_pid: int) -> list[int]:
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (stat.parent / "cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        if parent == server_pid and b"ipykernel" in cmdline:
            pids.append(int(stat.parent.name))
    return pids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=4)
    parser.add_argument(
        "--worked", action="store_true", help="also open every tab and prepare the downloads"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        with start_app(folder, folder / "app.log") as app, launch_chromium() as browser, \
                ExitStack() as pages:  # fmt: skip
            for opened in range(args.pages):
                app.wait_prepared(opened + 1)
                page, _log = pages.enter_context(
                    open_page(app.url, timeout_ms=180_000, browser=browser)
                )
                page.locator("[role=status]", has_text="Likely CCF outcome").wait_for(
                    timeout=180_000
                )
                page.get_by_label("Recipients", exact=True).select_option(label="all members")
                page.locator("[role=status]", has_text="received by").wait_for(timeout=60_000)
                if args.worked:  # every tab and the downloads, as a student who tries it all
                    for tab in ("Map", "Countries", "Trips", "Grounds", "Route", "Outcome"):
                        page.get_by_role("tab", name=tab).click()
                        page.wait_for_timeout(300)
                    page.get_by_text("Save or download", exact=True).click()
                    page.get_by_role("button", name="Prepare the downloads").click()
                    page.locator("a[data-download=memo_html]").wait_for(timeout=120_000)
            app.wait_prepared(args.pages + 1)
            kernels = [_memory_kb(pid) for pid in _kernel_pids(app.server.pid)]
            server = _memory_kb(app.server.pid)
    pss = statistics.median(k[0] for k in kernels) / 1024
    rss = statistics.median(k[1] for k in kernels) / 1024
    print(f"{len(kernels)} kernels ({args.pages} open pages + the prepared one)")
    print(f"  per kernel: PSS median {pss:.0f} MB, RSS median {rss:.0f} MB")
    print(f"  server: PSS {server[0] / 1024:.0f} MB")
    spare = 24 * 1024 - 2 * 1024 - server[0] / 1024  # 2 GB for the system and the server
    print(f"  pages that fit in 24 GB (2 GB kept for the system): {int(spare // pss)} by PSS, "
          f"{int(spare // rss)} by RSS")  # fmt: skip


if __name__ == "__main__":
    main()
