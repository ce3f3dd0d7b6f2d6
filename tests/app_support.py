"""Start ``diffusion-scenarios app`` for the browser tests and the Voilà benchmark.

The server runs in its own process group (so stopping it stops its kernels too), from the
folder given, with its output in a log file; :func:`start_app` waits until it answers and,
by default, until its prepared kernel is ready.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from browser_support import free_port, stop_server


def app_command() -> list[str]:
    """The installed ``diffusion-scenarios`` command of this interpreter's environment."""
    script = Path(sys.executable).with_name("diffusion-scenarios")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "diffusion_scenarios"]


@dataclass
class RunningApp:
    url: str
    log: Path
    server: subprocess.Popen[bytes]

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def prepared(self) -> int:
        """How many times Voilà has reported a prepared kernel ready."""
        return self.log_text().count("is filled with")

    def wait_prepared(self, at_least: int, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while self.prepared() < at_least:
            if self.server.poll() is not None:
                raise RuntimeError(f"the app stopped:\n{self.log_text()}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"no prepared kernel in {timeout:.0f} s:\n{self.log_text()}")
            time.sleep(0.3)

    def kernels(self) -> int:
        """Kernel processes the server runs now (its children running ipykernel)."""
        count = 0
        for status in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = status.read_text().rsplit(")", 1)[1].split()
                cmdline = (status.parent / "cmdline").read_bytes()
            except OSError:
                continue
            if int(fields[1]) == self.server.pid and b"ipykernel" in cmdline:
                count += 1
        return count


@contextmanager
def start_app(
    folder: Path, log: Path, *extra: str, wait_prepared: bool = True
) -> Iterator[RunningApp]:
    """Run ``diffusion-scenarios app --no-browser`` from ``folder`` on a free port."""
    port = free_port()
    env = {**os.environ, "MPLBACKEND": "Agg"}
    env.pop("JUPYTER_PATH", None)  # the app must find its template by itself
    with log.open("w") as out:
        server = subprocess.Popen(
            [*app_command(), "app", "--no-browser", f"--port={port}", *extra],
            cwd=folder, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True,
        )  # fmt: skip
    app = RunningApp(f"http://127.0.0.1:{port}/", log, server)
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"the app exited with {server.returncode}:\n{app.log_text()}")
            try:
                # Any HTTP answer means it is up; asking for the page would use a kernel.
                with urllib.request.urlopen(app.url + "voila/static/nothing", timeout=5):
                    break
            except urllib.error.HTTPError:
                break
            except (urllib.error.URLError, OSError):
                if time.monotonic() > deadline:
                    raise TimeoutError(
                        f"the app did not answer in 120 s:\n{app.log_text()}"
                    ) from None
                time.sleep(0.5)
        if wait_prepared:
            app.wait_prepared(1)
        yield app
    finally:
        stop_server(server)
