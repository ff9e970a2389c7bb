"""Where a command's output file goes, and writing it: the one home for `-o`.

`-` means standard output; a folder (one that exists, or a name ending in /) gets the command's
file name inside it; no -o means that name in the default folder. Files are written 0600 through
paths.write_private (new folders 0700, folders that exist keep their permissions). A link is
followed: the file it points at is written (all or nothing), the link stays. Something that is
there and is not a plain file (a device, a fifo, a socket) is never replaced: that is an error.
What goes wrong becomes an OutputError whose `kind` says why, for ui/errors.py to explain in
plain words.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from onlineveilig.errors import OnlineveiligError
from onlineveilig.paths import write_private

STDOUT = "-"


class OutputError(OnlineveiligError):
    """An output file that could not be written. `kind` says why:

    no-permission, read-only (a disk or stick that can only be read), disk-full, is-folder (the
    path is a folder), not-a-file (something that is not a plain file: a device, a fifo, a
    socket), cannot-write-here (the folder exists but is not a place for files, like /proc),
    not-a-folder (part of the path is a file: `folder` names it), no-folder
    (a folder on the way is missing and cannot be made: `folder` names it), other (`os_error`
    is the system's reason, put in words by ui/oserrors.py).
    """

    def __init__(
        self,
        path: Path,
        kind: str,
        folder: Path | None = None,
        detail: str = "",
        os_error: OSError | None = None,
    ):
        super().__init__(f"{path}: {kind} {detail}".strip())
        self.path = path
        self.kind = kind
        self.folder = folder if folder is not None else path.parent
        self.detail = detail
        self.os_error = os_error


def is_stdout(output: str | None) -> bool:
    return output == STDOUT


def target(output: str | None, name: str, default_folder: Path) -> Path:
    """The file to write: `output` (a file, or a folder to put `name` in), else the default.

    The caller handles `-` (is_stdout) first.
    """
    if not output:
        return default_folder / name
    path = Path(output).expanduser()
    if path.is_dir() or output.endswith(("/", os.sep)):
        return path / name
    return path


def write(path: Path, data: str | bytes) -> Path:
    """Write the file 0600 (all or nothing); every failure is an OutputError.

    A link is followed and the file it points at is written; returns the file written.
    """
    real = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        info = real.stat()
    except OSError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
        raise OutputError(path, "not-a-file")
    try:
        write_private(real, data)
    except OSError as err:
        raise _why(real, err) from None
    return real


def to_stdout(data: str | bytes) -> None:
    if isinstance(data, bytes):
        sys.stdout.buffer.write(data)
    else:
        sys.stdout.write(data)
    sys.stdout.flush()


def _nearest(path: Path) -> Path:
    """The nearest part of the path (itself or a parent) that exists."""
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _why(path: Path, err: OSError) -> OutputError:
    code = err.errno
    if path.is_dir() or isinstance(err, IsADirectoryError):
        return OutputError(path, "is-folder")
    nearest = _nearest(path.parent)
    if not nearest.is_dir():
        return OutputError(path, "not-a-folder", nearest)
    if code == errno.EROFS:
        return OutputError(path, "read-only")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return OutputError(path, "disk-full")
    if nearest != path.parent:
        # A folder on the way is missing and could not be made (no permission, a typo in a
        # folder's name on a drive that is not there): name the first missing one.
        missing = path.parent
        while missing.parent != nearest:
            missing = missing.parent
        return OutputError(path, "no-folder", missing)
    if isinstance(err, PermissionError):
        return OutputError(path, "no-permission")
    if isinstance(err, FileNotFoundError):
        # The folder is there (nearest is path.parent), yet no file can be made in it: a folder
        # of the system such as /proc, not a typo in a folder's name.
        return OutputError(path, "cannot-write-here")
    return OutputError(path, "other", detail=err.strerror or str(err), os_error=err)
