"""`onlineveilig deel`: the anonymous file for the prevention contact, as a user would make it."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

from onlineveilig import paths
from onlineveilig.audit import logic
from onlineveilig.audit.model import Answer
from onlineveilig.content.loader import load_content
from onlineveilig.search.model import Category, Finding
from onlineveilig.share import model
from onlineveilig.store.repo import WORKER_KEY, Store

from .conftest import Clock, run
from .helpers import item, section

SECRET = "GEHEIM"  # every personal text below starts with it; none may be in the file
START = datetime(2026, 11, 3, 9, 30).astimezone()
ORG_ITEM = "org-vertrouwenspersoon"
DOCS = Path(__file__).resolve().parents[1] / "docs"


def org_checklist(tmp_path: Path) -> Path:
    body = section(
        "eigen-org",
        90,
        item(ORG_ITEM).replace("Vraag org-vertrouwenspersoon?", f"{SECRET}-vraag-van-de-org?"),
    ).replace("Onderdeel eigen-org", f"{SECRET}-titel")
    path = tmp_path / "org.toml"
    path.write_text(body, encoding="utf-8")
    assert run(["config", "set", "checklist", str(path)]).exit_code == 0
    return path


def private_store(tmp_path: Path, *, org: bool = True) -> dict[str, str]:
    """A finished audit and an incident whose every free text is a marker; returns item answers."""
    if org:
        org_checklist(tmp_path)
    content = load_content(extra=[tmp_path / "org.toml"] if org else None)
    platforms = {"facebook", "whatsapp"}
    with Store(paths.database_path()) as store:
        store.set_profile(
            {
                "name": f"{SECRET}-Anna Peeters",
                "usernames": f"{SECRET}-anna.p",
                "city": f"{SECRET}-Gent",
                "platforms": ",".join(sorted(platforms)),
            }
        )
        plan = logic.plan(content, platforms, [], START.date())
        audit = store.start_audit(plan, "due", content.versions(), START)
        moment = START
        given: dict[str, str] = {}
        answers = [Answer.JA, Answer.NEE, Answer.NVT, Answer.LATER]
        for n, item_id in enumerate(plan):
            moment += timedelta(seconds=30)
            answer = answers[n % 4]
            given[item_id] = answer.value
            note = f"{SECRET}-notitie-{n}"
            store.save_answer(audit.id, item_id, answer, note, f"{SECRET}-vraag", moment)
        score = logic.score(content, platforms, store.history())
        store.finish(audit.id, moment, score.percent, score.in_order, score.counted)
        run_id = store.search.start(
            "duckduckgo", f"{SECRET}-zoeknaam", [f"{SECRET}-zoekterm"], moment
        )
        finding = Finding(
            key=f"https://{SECRET.lower()}.example/anna",
            url=f"https://{SECRET.lower()}.example/anna",
            title=f"{SECRET}-titel-resultaat",
            snippet=f"{SECRET}-stukje-tekst",
            category=Category.SOCIAL,
            flags=(),
            queries=(f"{SECRET}-zoekterm",),
            rank=1,
        )
        store.search.save(run_id, [finding], [f"{SECRET}-zoekterm"])
        repo = store.incidents
        n = repo.start(moment)
        for field, value in {
            "started": "2026-10-20T21:30",
            "channel": f"{SECRET}-sms-op-privenummer",
            "types": ("threats", f"{SECRET.lower()}-eigen-soort"),
            "description": f"{SECRET}-wat-er-gebeurde",
            "who": f"{SECRET}-moeder-van-K",
            "actions": f"{SECRET}-geblokkeerd",
            "reported_to": f"{SECRET}-mijn-coordinator",
            "reported_at": "2026-10-21",
            "support": f"{SECRET}-intervisie",
        }.items():
            repo.set(n, field, value, moment)
        repo.finish(n)
        src = tmp_path / f"{SECRET}-chatlog.png"
        src.write_bytes(b"beeld")
        repo.add_file(n, src, f"{SECRET}-bewijsnotitie", moment)
        repo.add_url(n, f"https://{SECRET.lower()}.example/post", moment, f"{SECRET}-url", moment)
        m = repo.start(moment)
        repo.set(m, "started", "2026-11-02", moment)
        repo.set(m, "channel", "whatsapp", moment)
        repo.set(m, "types", ("insults",), moment)
        repo.finish(m)
    return given


def written() -> Path:
    return paths.export_dir() / "onlineveilig-deel-2026-11.json"


def test_no_personal_text_in_the_file(frozen: Clock, tmp_path: Path) -> None:
    private_store(tmp_path)
    result = run(["deel", "--yes"])
    assert result.exit_code == 0, result.output
    data = written().read_text(encoding="utf-8")
    assert SECRET.lower() not in data.lower()
    assert "Anna" not in data and "Gent" not in data and "chatlog" not in data
    # What it does hold: ids, answers, counts.
    share = model.parse(data)
    assert share.month == "2026-11"
    assert share.incidents.total == 2 and share.incidents.reported == 1
    assert share.incidents.by_channel == {"other": 1, "whatsapp": 1}
    assert share.incidents.by_type == {"insults": 1, "other": 1, "threats": 1}
    assert share.incidents.by_month == {"2026-10": 1, "2026-11": 1}
    org = [a for a in share.answers if a.id == ORG_ITEM]
    assert org and org[0].source == "organisation" and org[0].section == "eigen-org"
    assert {a.source for a in share.answers if a.id != ORG_ITEM} == {"builtin"}


def test_answers_in_the_files_words(frozen: Clock, tmp_path: Path) -> None:
    given = private_store(tmp_path)
    assert run(["deel", "--yes"]).exit_code == 0
    share = model.parse(written().read_bytes())
    words = {"ja": "in-order", "nee": "action", "nvt": "not-applicable", "later": "not-answered"}
    mine = {a.id: a.answer for a in share.answers}
    for item_id, answer in given.items():
        assert mine[item_id] == words[answer], item_id
    with Store(paths.database_path()) as store:
        audit = store.audits()[-1]
    assert share.score == audit.score
    assert share.checklists["eigen-org"] == "1"


def test_the_user_sees_the_whole_file_and_nee_writes_nothing(frozen: Clock, tmp_path: Path) -> None:
    private_store(tmp_path)
    result = run(["deel"], input="nee\n")
    assert result.exit_code == 0
    assert "Er is niets bewaard." in result.output
    assert not written().exists()
    assert not paths.export_dir().exists() or not list(paths.export_dir().iterdir())
    # The summary in plain words, then the JSON itself, before the question.
    out = result.output
    assert "november 2026" in out
    assert "willekeurige code" in out
    assert '"format": "onlineveilig-deel"' in out and '"answers": [' in out
    assert out.index('"incidents"') < out.index("Dit bestand bewaren?")
    # The worker's code is kept only once a file is written.
    with Store(paths.database_path()) as store:
        assert WORKER_KEY not in store.profile()


def test_enter_is_no_and_ja_writes_what_was_shown(frozen: Clock, tmp_path: Path) -> None:
    private_store(tmp_path, org=False)
    assert run(["deel"], input="\n").exit_code == 0
    assert not written().exists()
    result = run(["deel"], input="ja\n")
    assert result.exit_code == 0
    data = written().read_text(encoding="utf-8")
    assert data in result.output.replace("\r\n", "\n")
    assert str(written()) in result.output


def test_worker_code_is_random_and_kept(frozen: Clock, tmp_path: Path) -> None:
    private_store(tmp_path, org=False)
    first = run(["deel", "--yes", "-o", "-"])
    second = run(["deel", "--yes", "-o", "-"])
    a, b = model.parse(first.stdout), model.parse(second.stdout)
    assert re.fullmatch(r"[0-9a-f]{32}", a.worker) and a.worker == b.worker
    with Store(paths.database_path()) as store:
        assert store.profile()[WORKER_KEY] == a.worker
    # -o - : only the file on standard output, the rest beside it
    assert json.loads(first.stdout)["worker"] == a.worker
    assert "willekeurige code" in first.stderr


def test_wipe_removes_the_worker_code(frozen: Clock, tmp_path: Path) -> None:
    private_store(tmp_path, org=False)
    first = model.parse(run(["deel", "--yes", "-o", "-"]).stdout).worker
    assert run(["wipe"], input="WISSEN\n").exit_code == 0
    private_store(tmp_path, org=False)
    assert model.parse(run(["deel", "--yes", "-o", "-"]).stdout).worker != first


def test_the_file_matches_the_published_schema(frozen: Clock, tmp_path: Path) -> None:
    private_store(tmp_path)
    assert run(["deel", "--yes"]).exit_code == 0
    schema = json.loads((DOCS / "share.schema.json").read_text(encoding="utf-8"))
    assert schema == model.json_schema(), "run: python scripts/export-share-schema.py"
    data = json.loads(written().read_text(encoding="utf-8"))
    assert set(data) == set(schema["properties"]) and schema["additionalProperties"] is False
    assert set(data) == set(schema["required"])
    for name, value in data.items():
        pattern = schema["properties"][name].get("pattern")
        if pattern:
            assert re.match(pattern, value), name
    answer_fields = schema["$defs"]["ShareAnswer"]["properties"]
    for answer in data["answers"]:
        assert answer["answer"] in answer_fields["answer"]["enum"]
        assert re.match(answer_fields["id"]["pattern"], answer["id"])


def test_newer_and_broken_files_are_told_apart() -> None:
    good = {
        "format": "onlineveilig-deel",
        "version": 1,
        "worker": "0" * 32,
        "month": "2026-11",
        "made_with": "onlineveilig 0.1.0",
        "checklists": {"aanwezigheid": "3"},
        "score": None,
        "answers": [],
        "incidents": {
            "total": 0,
            "reported": 0,
            "followed_up": 0,
            "by_type": {},
            "by_channel": {},
            "by_month": {},
        },
    }
    assert model.parse(json.dumps(good)).score is None
    for bad, kind in [
        ({**good, "version": 2, "extra": 1}, "newer"),
        ({**good, "name": "Anna"}, "invalid"),
        ({**good, "month": "november"}, "invalid"),
        (
            {
                **good,
                "answers": [
                    {"id": "Vrije tekst", "section": "a", "source": "builtin", "answer": "in-order"}
                ],
            },
            "invalid",
        ),
    ]:
        try:
            model.parse(json.dumps(bad))
        except model.ShareError as error:
            assert error.kind == kind
        else:
            raise AssertionError(bad)


def test_no_audit_yet_says_so_plainly(frozen: Clock) -> None:
    result = run(["deel", "--yes"])
    assert result.exit_code == 2
    assert "Je hebt nog geen controle afgerond" in result.stderr
    assert "onlineveilig audit" in result.stderr and "Traceback" not in result.output
    assert not paths.export_dir().exists()


def test_month_choice_and_wrong_month(frozen: Clock, tmp_path: Path) -> None:
    private_store(tmp_path, org=False)
    result = run(["--lang", "en", "share", "--month", "2026-11", "--yes"])
    assert result.exit_code == 0 and written().exists()
    other = run(["--lang", "en", "share", "--month", "2026-05", "--yes"])
    assert other.exit_code == 2
    assert "There is no finished audit from May 2026." in other.stderr
    wrong = run(["--lang", "nl", "deel", "--maand", "nov", "--yes"])
    assert wrong.exit_code == 2 and "Dit is geen maand: nov" in wrong.stderr
