"""Every file the package reads from a user or writes for one goes through here.

* :func:`write_atomic` writes to a temporary file in the target's folder, flushes it to
  disk, then puts it in place in one step: a full disk, a crash or Ctrl-C leaves either
  the old file or the complete new one, never half a file, and no temporary file behind.
  Without ``force`` the final step is a hard link, which fails if the name exists — so the
  "never overwrite" rule holds even against another program creating the file meanwhile.
  Links are never written through. A temporary file replacing a file is private (owner
  only) while it is written, then gets that file's permission bits, but never its
  setuid, setgid or sticky bit (replacing a 4755 file never makes a setuid memo). A SIGTERM
  during the write removes the temporary file before the process ends as it would have; a
  SIGKILL cannot be caught, and may leave a ``.NAME.XXXXXXXX.tmp`` file next to the target
  (safe to delete; the target itself is untouched).
* :func:`read_regular` reads only regular files, at most ``limit`` bytes: a pipe (FIFO),
  a device such as ``/dev/zero`` or a socket is refused at once instead of blocking or
  filling memory.
* :func:`decode_text` turns the bytes into text, naming UTF-16/UTF-32 files as such.

Example:
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "a.txt", "hello", force=False).name
    'a.txt'
    >>> read_regular(folder / "a.txt", limit=10, what="a text file")
    b'hello'
    >>> sorted(p.name for p in folder.iterdir())  # no temporary file left
    ['a.txt']
"""

# The os-level calls are deliberate: lstat, O_EXCL, link and fsync say exactly what happens.
# ruff: noqa: PTH105, PTH108, PTH116

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from diffusion_scenarios.errors import OutputExistsError, OutputPathError

__all__ = ["UnreadableFileError", "decode_text", "read_regular", "write_atomic"]


class UnreadableFileError(Exception):
    """A file cannot be read; the caller turns it into its own error type.

    Attributes:
        expected: what a usable file is, in plain words.
        found: what was found instead.
    """

    def __init__(self, expected: str, found: str) -> None:
        super().__init__(f"expected {expected}, found {found}")
        self.expected = expected
        self.found = found


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    return "something that is not a regular file"


def read_regular(path: str | os.PathLike[str], *, limit: int, what: str) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Args:
        path: the file (a link to a regular file is fine).
        limit: the largest size accepted, in bytes.
        what: the kind of file, for messages (e.g. ``"a scenario file"``).

    Raises:
        UnreadableFileError: missing, a folder, a pipe/device/socket, unreadable or too large.
    """
    name = os.fspath(path)
    if not name:
        raise UnreadableFileError(what, "an empty file name")
    try:
        before = os.stat(name)  # never opens a pipe or a device
    except FileNotFoundError:
        # A relative name says where it was looked for (the folder is in an absolute one).
        where = "" if Path(name).is_absolute() else f" in {Path.cwd()}"
        raise UnreadableFileError(f"an existing {what.removeprefix('a ')}",
                                  f"no such file{where}") from None  # fmt: skip
    except OSError as error:
        raise UnreadableFileError(f"a readable {what.removeprefix('a ')}",
                                  error.strerror or str(error)) from None  # fmt: skip
    if not stat.S_ISREG(before.st_mode):
        raise UnreadableFileError(what, _kind(before.st_mode))
    if before.st_size > limit:
        raise UnreadableFileError(f"{what} of at most {limit:,} bytes",
                                  f"a file of {before.st_size:,} bytes")  # fmt: skip
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(name, flags)  # O_NONBLOCK: a pipe swapped in meanwhile cannot block
    except OSError as error:
        raise UnreadableFileError(f"a readable {what.removeprefix('a ')}",
                                  error.strerror or str(error)) from None  # fmt: skip
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFileError(what, _kind(info.st_mode))
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(handle, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise UnreadableFileError(f"a readable {what.removeprefix('a ')}",
                                  error.strerror or str(error)) from None  # fmt: skip
    finally:
        os.close(handle)
    if size > limit:
        raise UnreadableFileError(f"{what} of at most {limit:,} bytes", "a larger file")
    return b"".join(chunks)


_UTF16_32 = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _wide_encoding(raw: bytes) -> str | None:
    """``"UTF-16"``/``"UTF-32"`` when the bytes look like text in those encodings."""
    for mark, name in _UTF16_32:
        if raw.startswith(mark):
            return name
    sample = raw[:4096]
    if len(sample) >= 4 and sample.count(0) * 4 >= len(sample):
        # ASCII text in UTF-16 has a zero byte in every other place; UTF-32 in three of four
        zeros_at = [sample[i::4].count(0) for i in range(4)]
        quarter = len(sample) // 4
        if sum(1 for count in zeros_at if count >= quarter * 0.9) == 3:
            return "UTF-32"
        halves = (sample[0::2].count(0), sample[1::2].count(0))
        if max(halves) >= len(sample) // 2 * 0.9:
            return "UTF-16"
    return None


def decode_text(raw: bytes, *, expected: str) -> str:
    """UTF-8 text (a byte-order mark is allowed) from ``raw``.

    Raises:
        UnreadableFileError: UTF-16/UTF-32 text (save it as UTF-8), binary data, or bytes
            that are not UTF-8; ``expected`` says what a usable file is.

    Example:
        >>> decode_text("é".encode("utf-16"), expected="a text file in UTF-8")
        Traceback (most recent call last):
        ...
        diffusion_scenarios._base.files.UnreadableFileError: expected a text file in UTF-8, found \
text in UTF-16 (save the file as UTF-8)
    """
    wide = _wide_encoding(raw)
    if wide is not None:
        raise UnreadableFileError(expected, f"text in {wide} (save the file as UTF-8)")
    if b"\x00" in raw:
        raise UnreadableFileError(expected, "binary data")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFileError(
            expected,
            f"bytes that are not UTF-8 at position {error.start} (save the file as UTF-8)",
        ) from None


def _write_all(handle: int, data: bytes) -> None:
    """Write every byte (``os.write`` may write fewer than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(handle, view)
        view = view[written:]


def _temporary(folder: Path, name: str, mode: int) -> tuple[int, Path]:
    """A new, empty file next to the target, created with ``mode`` (less the umask)."""
    import secrets  # here, not at the top: reading a file needs no random names

    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        candidate = folder / f".{name[:200]}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(candidate, flags, mode), candidate
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(folder))


class _TerminatedError(BaseException):
    """SIGTERM arrived during a write (raised by the handler installed around it)."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise _TerminatedError


@contextlib.contextmanager
def _cleaned_up_on_sigterm() -> Iterator[None]:
    """Around a write: SIGTERM raises inside it (so the temporary file is removed), then
    the previous handler is put back and the signal sent again, so the process ends (or
    carries on) exactly as SIGTERM would have had it. Only in the main thread, and only
    when SIGTERM is not ignored; the previous handler is always restored."""
    import signal  # here, not at the top: reading a file needs neither
    import threading

    term = getattr(signal, "SIGTERM", None)
    if term is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(term)
    if previous in (signal.SIG_IGN, None):
        yield
        return
    try:
        signal.signal(term, _raise_terminated)
    except (ValueError, OSError):  # e.g. an embedded interpreter
        yield
        return
    try:
        yield
    except _TerminatedError:
        signal.signal(term, previous)
        os.kill(os.getpid(), term)  # SIG_DFL: the process ends here, as SIGTERM asked
        raise InterruptedError(
            errno.EINTR, "the write was stopped by SIGTERM; the file was left as it was"
        ) from None
    finally:
        signal.signal(term, previous)


def _exists_message(target: Path) -> str:
    return f"{target}: the file already exists; choose another name or overwrite it with --force"


def write_atomic(path: str | os.PathLike[str], data: bytes | str, *, force: bool) -> Path:
    """Write ``data`` (text is written as UTF-8) to ``path`` all at once, or not at all.

    Args:
        path: the file to write; its folder must exist.
        data: the content.
        force: replace ``path`` if it is an existing regular file.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.

    Raises:
        OutputExistsError: ``path`` exists (or is a link) and ``force`` is false.
        OutputPathError: ``path`` is empty, a link, a pipe or a device (with ``force``).
        IsADirectoryError: ``path`` is a folder.
        OSError: the write failed (full disk, no permission, no such folder); nothing is
            left behind and the old file, if any, is untouched.
    """
    name = os.fspath(path)
    if not name.strip():
        raise OutputPathError("the output file name is empty; give the name of a file to write")
    target = Path(name)
    try:
        info: os.stat_result | None = os.lstat(target)
    except FileNotFoundError:
        info = None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(f"{target} is a folder; give the name of a file to write")
        if not force:
            raise OutputExistsError(_exists_message(target))
        if stat.S_ISLNK(info.st_mode):
            raise OutputPathError(
                f"{target}: is a link; links are not written through, give the file's own name"
            )
        if not stat.S_ISREG(info.st_mode):
            raise OutputPathError(f"{target}: is {_kind(info.st_mode)}; give a file name")
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    folder = target.parent
    # The permission bits of the file replaced (never setuid, setgid or sticky): the
    # temporary file has at most its owner's share of them until it is complete. A new
    # file is created as usual (0o666 less the umask).
    final = None if info is None else stat.S_IMODE(info.st_mode) & 0o777
    with _cleaned_up_on_sigterm():
        handle, temporary = _temporary(
            folder, target.name, 0o666 if final is None else final & 0o600
        )
        try:
            try:
                _write_all(handle, payload)
                os.fsync(handle)
                _set_mode(handle, final)
            finally:
                os.close(handle)
            if force:
                os.replace(temporary, target)  # replaces a link itself, never through it
            else:
                _place_new(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    with contextlib.suppress(OSError):  # make the rename itself durable where possible
        folder_handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(folder_handle)
        finally:
            os.close(folder_handle)
    return target


def _set_mode(handle: int, final: int | None) -> None:
    """Give the complete temporary file the permission bits of the file it replaces
    (``final``); a new file keeps those it was created with (0o666 less the umask)."""
    if final is None or not hasattr(os, "fchmod"):
        return  # a new file, or Windows (no permission bits to carry over)
    with contextlib.suppress(OSError):
        os.fchmod(handle, final)


def _place_new(temporary: Path, target: Path) -> None:
    """Give the complete temporary file the target's name, failing if the name exists."""
    try:
        os.link(temporary, target)  # atomic, and fails if target exists (even a link)
    except FileExistsError:
        raise OutputExistsError(_exists_message(target)) from None
    except OSError:  # a file system without hard links: reserve the name, then replace
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            raise OutputExistsError(_exists_message(target)) from None
        try:
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(target)
            raise
        return
    os.unlink(temporary)
