"""Where personal data lives: platformdirs, or everything under ONLINEVEILIG_HOME.

Paths are computed at each call (the environment may change, e.g. in tests), never at import.
Folders are created 0700 and files 0600: the data is about the user and their clients.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "onlineveilig"


def _base(kind: str) -> Path:
    home = os.environ.get("ONLINEVEILIG_HOME")
    if home:
        return Path(home).expanduser() / kind
    import platformdirs

    if kind == "data":
        return Path(platformdirs.user_data_dir(APP, appauthor=False))
    if kind == "config":
        return Path(platformdirs.user_config_dir(APP, appauthor=False))
    return Path(platformdirs.user_documents_dir()) / APP


def data_dir() -> Path:
    return _base("data")


def config_dir() -> Path:
    return _base("config")


def export_dir() -> Path:
    """Where files meant for the user (reports, calendar files) go by default."""
    return _base("exports")


def database_path() -> Path:
    return data_dir() / "onlineveilig.sqlite3"


def evidence_dir() -> Path:
    """Where the copies of evidence files are kept: one folder per incident, inside the data folder."""
    return data_dir() / "evidence"


def config_path() -> Path:
    return config_dir() / "config.toml"


def private_dir(path: Path, *, ours: bool = False) -> Path:
    """Create a folder (and missing parents) readable by the user only.

    Folders that already exist are left as they are — a report written to /tmp or to the user's
    Documents must not change those folders' permissions — unless `ours` says the folder itself
    belongs to onlineveilig (its data and settings folders).
    """
    created = []
    missing = path
    while not missing.exists() and missing != missing.parent:
        created.append(missing)
        missing = missing.parent
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    for folder in [*created, *([path] if ours else [])]:
        try:
            folder.chmod(0o700)
        except OSError:
            pass
    return path


def write_private(path: Path, data: bytes | str) -> None:
    """Write a file 0600 atomically: a crash leaves the old file or the new one, never half."""
    private_dir(path.parent)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
