"""The output folder's lock: one kg command writing at a time, and never a lock-out.

A POSIX record lock (``lockf``) on ``.kg/lock``. Unlike ``flock``, it belongs
to the process that took it, not to its open file: worker processes forked by
a build do not inherit it, and the kernel drops it the moment its holder dies,
whatever is left running. The holder writes its pid into the file and empties
it when done, so a lock found free with a pid in it was left by a command that
was killed: it is taken over, with a notice.

Record locks are per process, so a second lock of the same file in the same
process would succeed (and closing its file would drop the first): the folders
this process holds are kept in a registry and a second attempt fails like one
from another process.
"""

from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path

from kg.errors import StoreError

_held: set[str] = set()  # lock files this process holds (real paths)
_registry = threading.Lock()


class FolderLock:
    """The lock file ``path``, guarding the output folder ``out``."""

    def __init__(self, path: Path, out: Path) -> None:
        self.path = path
        self.out = out
        self._fd: int | None = None
        self._key = ""

    def acquire(self) -> str | None:
        """Take the lock; a notice when its last holder was killed. StoreError when busy."""
        self._key = os.path.realpath(self.path)
        with _registry:
            if self._key in _held:
                raise self._busy(os.getpid())
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            except OSError as e:
                raise StoreError(f"cannot write to {self.out}: {e.strerror or e}") from e
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as e:
                holder = _read_pid(fd)
                os.close(fd)
                raise self._busy(holder) from e
            _held.add(self._key)
        self._fd = fd
        left_by = _read_pid(fd)
        _write(fd, f"{os.getpid()}\n")
        if left_by is None or left_by == os.getpid():
            return None
        return (
            f"kg process {left_by} was stopped while writing to {self.out} and left it "
            "locked; the lock was taken over and what it left half-done removed "
            "(the last published output is intact)"
        )

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _write(fd, "")  # released on purpose: no notice for the next command
            fcntl.lockf(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
            with _registry:
                _held.discard(self._key)

    def _busy(self, holder: int | None) -> StoreError:
        who = f" (pid {holder})" if holder else ""
        return StoreError(
            f"another kg command is writing to {self.out}{who}; try again when it is done"
        )


def _read_pid(fd: int) -> int | None:
    text = os.pread(fd, 32, 0).decode("ascii", errors="replace").strip()
    return int(text) if text.isdigit() else None


def _write(fd: int, text: str) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, text.encode("ascii"), 0)
    os.fsync(fd)
