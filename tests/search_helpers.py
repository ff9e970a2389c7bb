"""Pages for the search-me tests: the realistic fixtures in tests/data/search, and helpers to
serve them from a real HTTP server on loopback (pytest-httpserver)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from onlineveilig import paths

DATA = Path(__file__).parent / "data" / "search"
HTML = "text/html; charset=utf-8"
JSON = "application/json"


def page(name: str) -> bytes:
    return (DATA / name).read_bytes()


def profile(invoke: Any, **values: str) -> None:
    """Set profile values (and that onboarding happened, with no platforms)."""
    for key, value in values.items():
        result = invoke(["config", "set", key.replace("_", "-"), value])
        assert result.exit_code == 0, result.output


def serve_ddg(server: HTTPServer, name: str = "ddg_results.html", status: int = 200) -> str:
    server.expect_request("/html/", method="POST").respond_with_data(
        page(name), status=status, content_type=HTML
    )
    return server.url_for("/html/")


def serve_json(server: HTTPServer, path: str, name: str, status: int = 200) -> str:
    server.expect_request(path).respond_with_data(page(name), status=status, content_type=JSON)
    return server.url_for(path)


def rows(sql: str, *args: object) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(paths.database_path())
    try:
        return [tuple(r) for r in con.execute(sql, args)]
    finally:
        con.close()


def parsed(stdout: str) -> dict[str, Any]:
    data = json.loads(stdout)
    assert isinstance(data, dict)
    return data
