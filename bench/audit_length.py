"""How long the audit is: questions asked and lines printed in a first and a repeat month.

Drives `onlineveilig audit` through typer's CliRunner the way the tests do (a temporary
ONLINEVEILIG_HOME, Dutch, no colour, 80 columns, a clock that only moves when told): onboarding
with Facebook and WhatsApp, every question answered 'ja', then the audit of one month later,
again all 'ja'. Prints per month the questions asked, the lines printed (all of them, and per
question) and the estimate the audit itself gave. Not a test: figures for the notes.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from unittest import mock

ROOT = Path(os.environ.get("ONLINEVEILIG_SOURCE", Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(ROOT / "src"))  # ONLINEVEILIG_SOURCE: measure another checkout

from typer.testing import CliRunner  # noqa: E402

from onlineveilig import cli, clock, i18n  # noqa: E402
from onlineveilig.audit.logic import add_months  # noqa: E402

START = datetime(2026, 3, 2, 10, 0).astimezone()
ONBOARD = "facebook, whatsapp\n\n\n\n"
PROMPT = "Antwoord (ja/nee/nvt/later"


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        self.moment += timedelta(seconds=1)
        return self.moment

    def today(self) -> object:
        return self.moment.date()


def audit(typed: str) -> str:
    i18n.set_language("nl")
    result = CliRunner().invoke(cli.make_app(), ["audit"], input=typed, catch_exceptions=False)
    if result.exit_code != 0:
        raise SystemExit(f"the audit ended with code {result.exit_code}:\n{result.output}")
    return result.output


def figures(name: str, output: str) -> str:
    asked = output.count(PROMPT)
    lines = len(output.splitlines())
    words = " ".join(re.sub(r"[│╭╮╰╯]", " ", output).split())  # the panel's border is no word
    estimate = re.search(r"Ongeveer (\d+) minu", words)
    minutes = estimate.group(1) if estimate else "?"
    return (
        f"{name:<13} {asked:>3} questions  {lines:>5} lines  "
        f"{lines / max(asked, 1):5.1f} lines per question  estimate {minutes} min"
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as home:
        env = {
            "ONLINEVEILIG_HOME": home,
            "ONLINEVEILIG_LANG": "nl",
            "NO_COLOR": "1",
            "COLUMNS": "80",
            "TERM": "dumb",
        }
        state = Clock(START)
        with (
            mock.patch.dict(os.environ, env),
            mock.patch.object(clock, "now", state.now),
            mock.patch.object(clock, "today", state.today),
        ):
            all_yes = "ja\n" * 300
            first = audit(ONBOARD + all_yes)
            state.moment = datetime.combine(add_months(START.date(), 1), START.time(), START.tzinfo)
            repeat = audit(all_yes)
    print("onlineveilig audit at 80 columns, Facebook + WhatsApp, every answer 'ja'")
    print(figures("first month", first))
    print(figures("repeat month", repeat))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
