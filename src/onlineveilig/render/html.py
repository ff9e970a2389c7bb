"""The one Jinja environment for every HTML file (the rules are in `onlineveilig.render`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import plain, safe_url

if TYPE_CHECKING:
    import jinja2

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def jinja_env(**filters: Callable[..., Any]) -> jinja2.Environment:
    """Autoescape on for every template, undefined names an error; `plain` and `safe_url` built in."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every text in a template is untrusted
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(plain=plain, **filters)
    env.globals["safe_url"] = safe_url
    return env
