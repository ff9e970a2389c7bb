"""The line `onlineveilig report` ends with: one sentence per fact, in both languages."""

from __future__ import annotations

from .conftest import Clock, run
from .test_audit_cli import ONBOARD, answers, first_plan


def test_the_report_summary_joins_its_sentences_cleanly(frozen: Clock) -> None:
    plan = first_plan()
    assert run(["audit"], input=ONBOARD + answers(*["ja"] * len(plan))).exit_code == 0
    dutch = run(["report", "-o", "-"])
    assert dutch.exit_code == 0, dutch.stderr
    said = " ".join(dutch.stderr.split())
    assert f"{len(plan)} van de {len(plan)} vragen beantwoord. Score: 100/100." in said
    assert ". —" not in said
    english = run(["--lang", "en", "report", "-o", "-"])
    said = " ".join(english.stderr.split())
    assert f"{len(plan)} of {len(plan)} questions answered. Score: 100/100." in said
    assert ". —" not in said
