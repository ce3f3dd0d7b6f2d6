"""Children that take Ctrl-C as a user's terminal would deliver it.

A shell without job control starts a background job (``cmd &``, as CI scripts and
``nohup`` do) with SIGINT ignored, and every process below it inherits that: Python then
never installs its Ctrl-C handler, and a test sending SIGINT to a child sees nothing
happen. The Ctrl-C tests start their children with SIGINT back at its default, as in a
foreground terminal, so that they test the package and not how the test run was started.
"""

from __future__ import annotations

import signal
from typing import Any


def _default_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


#: Keyword arguments for ``subprocess.run``/``Popen``: the child's SIGINT at its default.
AS_IN_A_TERMINAL: dict[str, Any] = {"preexec_fn": _default_ctrl_c}
