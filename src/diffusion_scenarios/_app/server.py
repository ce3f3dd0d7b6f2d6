"""The Voilà server behind ``diffusion-scenarios app`` (imports Voilà; used only by that command).

Three additions to Voilà, for a seminar where many people open the app:

* :class:`SeminarKernelManager` shuts down the kernels nobody uses, never the kernel
  prepared ahead for the next visitor: a page's kernel ``cull_after`` seconds after the page
  was closed (its connection gone), and ``idle_after`` seconds after the last sign of use of
  a page still connected. A sign of use is anything the kernel does (each click or change)
  and the page's keep-alive: the ``ds-offline`` template posts to ``ds/alive/<kernel id>``
  every few seconds while the page is on screen (``document.visibilityState`` "visible"),
  and stops while the tab is hidden, the window minimised, or the computer asleep. So a
  student reading the explorer keeps it, and an abandoned page loses its kernel;
* :class:`SeminarVoila` serves that keep-alive (204; 404 with the limit that closed it once
  the kernel is gone, so the page can say so), and refuses a new page while ``max_kernels``
  pages are open, with a short page that says so and when to try again (HTTP 503), instead
  of starting a kernel the machine may not have memory for.

Voilà's own messages cannot serve as the keep-alive: Jupyter Server does not count a
``kernel_info_request`` as activity (``untracked_message_types``), and any message the
kernel does count would wake a Python process per page every few seconds.
"""

from __future__ import annotations

import datetime as _dt
import html
import sys
from pathlib import Path
from typing import Any

from jupyter_server.base.handlers import APIHandler
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from jupyter_server.utils import url_path_join
from tornado import web
from tornado.ioloop import IOLoop
from traitlets import Integer
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler

__all__ = ["SeminarKernelManager", "SeminarVoila", "in_use", "serve"]


class SeminarKernelManager(AsyncMappingKernelManager):  # type: ignore[misc,unused-ignore]
    """Voilà's kernel manager that culls the kernels of closed and idle pages."""

    idle_after = Integer(
        60,
        config=True,
        help="Seconds after its last use or keep-alive before the kernel of a page still "
        "connected (open but hidden, minimised, asleep) is culled.",
    )

    #: How many culled kernels are remembered, to tell their pages why (a few MB at most).
    REMEMBERED = 10_000

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._ever_connected: set[str] = set()
        self._culled: dict[str, int] = {}  # kernel id -> the limit, in seconds, that closed it

    def keep_alive(self, kernel_id: str) -> int | None:
        """The page of ``kernel_id`` is on screen: count it as use of the kernel.

        Returns ``None`` when the kernel runs; when it does not, the seconds unused after
        which it was shut down (0 when it was not culled here, e.g. the server restarted).
        """
        kernel = self._kernels.get(kernel_id)
        if kernel is None:
            return self._culled.get(kernel_id, 0)
        kernel.last_activity = _dt.datetime.now(_dt.UTC)
        return None

    def prepared_used_now(self) -> None:
        """A page is about to be served: one of the prepared kernels is being handed out.

        Its use starts now, not when it was prepared: a kernel that waited in the pool
        longer than the limits would otherwise be culled while its page still loads.
        (Prepared kernels are never culled, so marking all of them costs nothing.)
        """
        now = _dt.datetime.now(_dt.UTC)
        for kernel_id in self.prepared_kernel_ids():
            kernel = self._kernels.get(kernel_id)
            if kernel is not None:
                kernel.last_activity = now

    def notify_connect(self, kernel_id: str) -> None:
        self._ever_connected.add(kernel_id)
        super().notify_connect(kernel_id)

    def prepared_kernel_ids(self) -> set[str]:
        """The kernels waiting, explorer built, for the next visitor (Voilà's pool)."""
        ids: set[str] = set()
        for pool in getattr(self, "_pools", {}).values():
            for task in pool:
                if task.done() and not task.cancelled() and task.exception() is None:
                    ids.add(task.result()["kernel_id"])
        return ids

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        kernel = self._kernels.get(kernel_id)
        if kernel is None or kernel_id in self.prepared_kernel_ids():
            return
        state = getattr(kernel, "execution_state", None)
        if state == "dead":
            await self.shutdown_kernel(kernel_id)
            return
        last = getattr(kernel, "last_activity", None)
        if last is None or state in ("busy", "starting"):
            return
        connected = self._kernel_connections.get(kernel_id, 0) > 0
        # The check runs every cull_interval seconds, so a kernel is culled once it has been
        # unused `limit - cull_interval` seconds: it goes within `limit` (cull_idle_timeout
        # is already set so, see serve()).
        if connected:
            limit, threshold = self.idle_after, max(1, self.idle_after - self.cull_interval)
        else:
            limit, threshold = self.cull_idle_timeout + self.cull_interval, self.cull_idle_timeout
        idle = _dt.datetime.now(_dt.UTC) - last
        if idle > _dt.timedelta(seconds=threshold):
            self.log.info(
                "Shutting down kernel %s: %s for %d s",
                kernel_id,
                "page open but not on screen, unused" if connected else "page closed, unused",
                int(idle.total_seconds()),
            )
            await self.shutdown_kernel(kernel_id)
            self._ever_connected.discard(kernel_id)
            if len(self._culled) >= self.REMEMBERED:
                self._culled.pop(next(iter(self._culled)))
            self._culled[kernel_id] = limit


def in_use(manager: Any) -> int:
    """How many kernels serve a page now (the prepared one is not counted)."""
    prepared = manager.prepared_kernel_ids() if hasattr(manager, "prepared_kernel_ids") else ()
    return len([k for k in manager.list_kernel_ids() if k not in prepared])


FULL_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>The explorer is full</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="30">
<style>body{{font:18px/1.5 system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em;
color:#1a1a1a}}h1{{font-size:1.6em}}</style></head>
<body role="main"><h1>The explorer is full</h1>
<p>{who} using it right now, the most this server takes at once.</p>
<p>A place frees up a minute after someone closes their page. This page tries again by itself
every 30 seconds, or reload it later.</p>
<p>If you run the server: start it with a larger <code>--max-kernels</code> if the machine has
the memory (about 150 MB per page in use).</p></body></html>
"""


class _KeepAliveHandler(APIHandler):  # type: ignore[misc,unused-ignore]
    """``POST ds/alive/<kernel id>``: the page of that kernel is on screen.

    204 while the kernel runs; 404 with ``{"closed_after": seconds}`` once it is gone, so
    the page can tell the student why the explorer stopped answering.
    """

    def check_xsrf_cookie(self) -> None:
        # Voilà's page sets no XSRF cookie. A post from another site could only keep alive a
        # kernel whose random id it already knows, so the check of the Origin suffices.
        if not self.check_origin():
            raise web.HTTPError(404)

    @web.authenticated  # type: ignore[untyped-decorator,unused-ignore]
    async def post(self, kernel_id: str) -> None:
        keep_alive = getattr(self.kernel_manager, "keep_alive", None)
        closed_after = keep_alive(kernel_id) if keep_alive is not None else None
        self.set_header("Cache-Control", "no-store")
        if closed_after is None:
            self.set_status(204)
            self.finish()
            return
        self.set_status(404)
        self.finish({"closed_after": closed_after})


class _CappedVoilaHandler(TornadoVoilaHandler):  # type: ignore[misc]
    """Voilà's page handler, refusing a new page while ``max_kernels`` pages are open."""

    async def get(self, path: str | None = None) -> None:
        limit = int(self.settings.get("ds_max_kernels", 0))
        count = in_use(self.kernel_manager)
        if limit and count >= limit:
            self.set_status(503)
            self.set_header("Retry-After", "30")
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            who = "1 person is" if count == 1 else f"{count} people are"
            self.finish(FULL_PAGE.format(who=html.escape(who)))
            return
        prepared_used_now = getattr(self.kernel_manager, "prepared_used_now", None)
        if prepared_used_now is not None:
            prepared_used_now()
        await super().get(path)


class SeminarVoila(Voila):  # type: ignore[misc]
    """Voilà with the keep-alive and the capped page handler; prints the address."""

    def init_handlers(self) -> list[Any]:
        # First, so that the notebook's catch-all pattern does not take the keep-alive.
        alive = url_path_join(self.server_url, r"/ds/alive/([-0-9a-f]{36})")
        handlers: list[Any] = [(alive, _KeepAliveHandler)]
        for spec in super().init_handlers():
            if len(spec) > 1 and spec[1] is TornadoVoilaHandler:
                spec = (spec[0], _CappedVoilaHandler, *spec[2:])
            handlers.append(spec)
        return handlers

    def start(self) -> None:
        IOLoop.current().add_callback(self._say_where)
        super().start()

    def _say_where(self) -> None:
        print(
            f"The explorer is at {self.connection_url}  (Ctrl-C stops it)",
            flush=True,
        )


def serve(
    *,
    notebook: Path,
    port: int,
    ip: str,
    open_browser: bool,
    workspace: Path,
    cull_after: int,
    idle_after: int,
    max_kernels: int,
) -> int:
    """Run the server until Ctrl-C (the kernels are shut down on the way out)."""
    from traitlets.config import Config

    interval = max(2, min(10, cull_after // 6))
    config = Config()
    config.Voila.port = port
    config.Voila.ip = ip
    config.Voila.open_browser = open_browser
    config.Voila.config_file_paths = []  # only this configuration, whatever the folder
    config.Voila.tornado_settings = {"ds_max_kernels": max_kernels}
    config.VoilaConfiguration.template = "ds-offline"
    config.VoilaConfiguration.preheat_kernel = True
    config.VoilaConfiguration.show_tracebacks = False
    config.VoilaConfiguration.multi_kernel_manager_class = SeminarKernelManager
    config.VoilaKernelManager.kernel_pools_config = {"default": {"pool_size": 1}}
    # The next kernel is prepared 10 s after one is handed out, not at once: starting a
    # kernel takes both cores of a small machine for a second or two, exactly while the
    # browser loads the page it was handed out for.
    config.VoilaKernelManager.fill_delay = 10
    # Only the widgets' own front-end extensions (no code is shown, so no highlighting).
    config.VoilaConfiguration.extension_denylist = ["jupyterlab_pygments"]
    config.MappingKernelManager.cull_interval = interval
    # The check runs every `interval` seconds, so a kernel goes within `cull_after` seconds.
    config.MappingKernelManager.cull_idle_timeout = max(1, cull_after - interval)
    config.SeminarKernelManager.idle_after = idle_after
    # What the template's keep-alive needs: how often to say "on screen" (three times within
    # the limit as the culler applies it, at most every 20 s), and the limit, for the
    # message a page shows once its kernel has been shut down.
    every = max(1, min(20, (idle_after - interval) // 3))
    config.VoilaConfiguration.resources = {
        "ds_keepalive": {"every_ms": 1000 * every, "idle_after": idle_after}
    }
    app = SeminarVoila(config=config)
    print(
        f"Starting the explorer (workspace: {workspace}; a page's kernel is shut down within "
        f"{cull_after} s of the page closing, within {idle_after} s of it last being on "
        f"screen; at most {max_kernels} pages at once)",
        file=sys.stderr,
        flush=True,
    )
    app.initialize([str(notebook)])
    app.start()
    return 0
