"""Fill a history with fictional but realistic monthly audits, for the sample report and the bench.

Usage: ONLINEVEILIG_HOME=/tmp/x python scripts/sample_history.py [--months 12] [--lang en] [--seed 7]

Refuses to run without ONLINEVEILIG_HOME, so it can never write into a real user's history.
Each month asks what the real audit would ask (onlineveilig.audit.logic.plan) and answers it like
a busy worker would: most things in order, some action points that take a few months to finish,
now and then something that slips again, a note here and there.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from datetime import date, datetime, time, timedelta

NOTES = {
    "nl": [
        "vraag ik aan IT op maandag",
        "bespreken op teamoverleg",
        "werktelefoon is besteld",
        "lukt niet in de app, samen met collega bekijken",
        "eerst afspraken van de organisatie opvragen",
        "wacht op antwoord van leidinggevende",
    ],
    "en": [
        "ask IT on Monday",
        "bring up at the team meeting",
        "work phone has been ordered",
        "can't find it in the app, look at it with a colleague",
        "ask for the organisation's agreements first",
        "waiting for my manager to reply",
    ],
}
PROFILE = {
    "platforms": "facebook,instagram,whatsapp,linkedin",
    "name": "Sanne de Vries",
    "city": "Utrecht",
    "employer": "Jeugdzorg Midden",
}


def first_monday(year: int, month: int) -> date:
    day = date(year, month, 1)
    return day + timedelta(days=(7 - day.weekday()) % 7)


def audit_days(months: int, today: date) -> list[date]:
    """The first Monday of each of the last `months` months, the last one not after today."""
    year, month = today.year, today.month
    if first_monday(year, month) > today:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    days = []
    for _ in range(months):
        days.append(first_monday(year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return days[::-1]


def fill(months: int, lang: str, seed: int, today: date | None = None) -> int:
    from onlineveilig.audit import logic
    from onlineveilig.audit.model import Answer
    from onlineveilig.content.loader import load_content
    from onlineveilig.paths import database_path
    from onlineveilig.store.repo import Store

    rng = random.Random(seed)
    content = load_content()
    platforms = set(PROFILE["platforms"].split(","))
    # Per item how the worker stands: in order or not, and how hard it is to put right.
    ok: dict[str, bool] = {}
    effort = {item.id: rng.choice((0.08, 0.15, 0.25, 0.4)) for _s, item in content.items()}
    not_applicable = {item.id for _s, item in content.items() if rng.random() < 0.06}
    with Store(database_path()) as store:
        if store.counts()["audits"]:
            raise SystemExit("This history already has audits; use an empty ONLINEVEILIG_HOME.")
        store.set_profile(dict(PROFILE))
        days = audit_days(months, today or date.today())
        for day in days:
            start = datetime.combine(day, time(9, 30)).astimezone()
            moment = start
            plan = logic.plan(content, platforms, store.history(), day)
            audit = store.start_audit(plan, "due", content.versions(), start)
            for item_id in plan:
                moment += timedelta(seconds=rng.randint(15, 70))
                found = content.item(item_id)
                assert found is not None
                if item_id in not_applicable:
                    answer = Answer.NVT
                elif item_id not in ok:
                    ok[item_id] = rng.random() < 0.55
                    answer = Answer.JA if ok[item_id] else Answer.NEE
                elif ok[item_id]:
                    # Something that was in order slips now and then.
                    ok[item_id] = rng.random() > 0.03
                    answer = Answer.JA if ok[item_id] else Answer.NEE
                elif rng.random() < 0.06:
                    answer = Answer.LATER
                else:
                    ok[item_id] = rng.random() < effort[item_id]
                    answer = Answer.JA if ok[item_id] else Answer.NEE
                note = ""
                if answer == Answer.NEE and rng.random() < 0.35:
                    note = rng.choice(NOTES[lang])
                question = found[1].question.get(lang)
                store.save_answer(audit.id, item_id, answer, note, question, moment)
            score = logic.score(content, platforms, store.history())
            store.finish(
                audit.id,
                moment + timedelta(minutes=2),
                score.percent,
                score.in_order,
                score.counted,
            )
    return len(days)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--lang", choices=("nl", "en"), default="nl")
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    if not os.environ.get("ONLINEVEILIG_HOME"):
        sys.exit("Set ONLINEVEILIG_HOME to an empty folder first: this writes a fictional history.")
    count = fill(args.months, args.lang, args.seed)
    print(f"{count} fictional audits written under {os.environ['ONLINEVEILIG_HOME']}")


if __name__ == "__main__":
    main()
