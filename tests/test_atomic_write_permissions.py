"""What an atomic write leaves on disk: permissions and SIGTERM (issue 22, point 4)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from diffusion_scenarios._base import files
from diffusion_scenarios._base.files import write_atomic

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_replacing_a_setuid_file_never_makes_a_setuid_memo(tmp_path: Path) -> None:
    target = tmp_path / "memo.html"
    target.write_text("old")
    os.chmod(target, 0o4755)  # noqa: PTH101
    assert _mode(target) & stat.S_ISUID  # the file system keeps the bit
    write_atomic(target, "new", force=True)
    assert target.read_text() == "new"
    assert _mode(target) == 0o755


def test_replacing_a_setgid_or_sticky_file_keeps_only_its_permission_bits(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    target.write_text("old")
    os.chmod(target, 0o3640)  # noqa: PTH101
    write_atomic(target, "new", force=True)
    assert _mode(target) == 0o640


def test_a_replaced_file_keeps_its_permission_bits(tmp_path: Path) -> None:
    target = tmp_path / "facts.yaml"
    target.write_text("old")
    os.chmod(target, 0o600)  # noqa: PTH101
    write_atomic(target, "new", force=True)
    assert _mode(target) == 0o600


def test_the_temporary_file_is_never_readable_by_more_people_than_the_file_it_replaces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "private.yaml"
    target.write_text("secret facts")
    os.chmod(target, 0o600)  # noqa: PTH101
    seen: list[int] = []
    real = files._write_all

    def spying(handle: int, data: bytes) -> None:
        seen.append(stat.S_IMODE(os.fstat(handle).st_mode))  # while the content is written
        real(handle, data)

    monkeypatch.setattr(files, "_write_all", spying)
    write_atomic(target, "new secret facts", force=True)
    assert seen and all(mode & 0o077 == 0 for mode in seen), [oct(m) for m in seen]


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        written = write_atomic(tmp_path / "new.md", "text", force=False)
    finally:
        os.umask(umask)
    assert _mode(written) == 0o644


def test_the_sigterm_handler_is_only_installed_during_the_write(tmp_path: Path) -> None:
    before = signal.getsignal(signal.SIGTERM)
    write_atomic(tmp_path / "a.txt", "x", force=False)
    assert signal.getsignal(signal.SIGTERM) is before


_SLOW_WRITER = """
import sys, time
from pathlib import Path
from diffusion_scenarios._base import files

real = files._write_all
def slow(handle, data):
    real(handle, data[:10])
    print("writing", flush=True)
    time.sleep(30)
    real(handle, data[10:])
files._write_all = slow
files.write_atomic(Path(sys.argv[1]), "new content " * 1000, force=True)
print("done", flush=True)
"""


def test_sigterm_during_a_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    target.write_text("old content")
    process = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITER, str(target)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    assert process.stdout.readline() == "writing\n"
    assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir())  # the write is under way
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=20)
    assert time.monotonic() - started < 10  # it ended at once, as SIGTERM asks
    assert process.returncode == -signal.SIGTERM, err
    assert "done" not in out and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.md"]
    assert target.read_text() == "old content"
