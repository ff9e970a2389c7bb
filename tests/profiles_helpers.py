"""Site lists for the profiles tests, pointed at a loopback server."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data" / "profiles"


def sites_file(tmp_path: Path, base: str, name: str = "sites.toml") -> Path:
    """A copy of tests/data/profiles/NAME with SERVER replaced by the server's address."""
    text = (DATA / name).read_text(encoding="utf-8").replace("SERVER", base.rstrip("/"))
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
