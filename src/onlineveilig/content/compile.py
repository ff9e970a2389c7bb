"""Write checklists/compiled.json, the validated copy of the built-in checklists (`make checklists`).

Run it after changing a file in checklists/sections/ or checklists/platforms.toml;
tests/test_content.py fails while the copy is out of date.
"""

from __future__ import annotations

import sys

from onlineveilig.errors import OnlineveiligError

from .loader import COMPILED, builtin_dir, compile_builtin


def main() -> int:
    folder = builtin_dir()
    try:
        text = compile_builtin(folder)
    except OnlineveiligError as error:
        from onlineveilig.ui.errors import explain

        message, hint, _code = explain(error)
        print(message, hint, sep="\n", file=sys.stderr)
        return 1
    target = folder / COMPILED
    if target.exists() and target.read_text(encoding="utf-8") == text:
        print(f"{target} is up to date")
    else:
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
