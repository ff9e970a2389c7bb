"""Every message has a Dutch translation, and the compiled catalog matches its source."""

from __future__ import annotations

import gettext
import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from onlineveilig import i18n

SRC = Path(i18n.__file__).parent
PO = SRC / "locale" / "nl" / "LC_MESSAGES" / "onlineveilig.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {"_": None, "N_": None, "Nn_": (1, 2), "ngettext": (1, 2)}


def messages_in_code() -> set[str | tuple[str, ...]]:
    found: set[str | tuple[str, ...]] = set()
    for _file, _line, message, _comments, _ctx in extract_from_dir(
        SRC, method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def catalog() -> dict[object, object]:
    with PO.open("rb") as fh:
        return {
            m.id if isinstance(m.id, str) else tuple(m.id): m.string for m in read_po(fh) if m.id
        }


def test_every_message_has_a_dutch_translation() -> None:
    translations = catalog()
    missing = []
    for message in sorted(messages_in_code(), key=str):
        found = translations.get(message)
        if not found or (isinstance(found, tuple) and not all(found)):
            missing.append(message)
    assert not missing, f"no Dutch translation for: {missing}"


def test_placeholders_match() -> None:
    for msgid, msgstr in catalog().items():
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        strs = msgstr if isinstance(msgstr, tuple) else (msgstr,)
        wanted = set(re.findall(r"%\((\w+)\)", " ".join(ids)))
        for text in strs:
            assert set(re.findall(r"%\((\w+)\)", str(text))) == wanted, msgid


def test_compiled_catalog_is_up_to_date() -> None:
    with PO.open("rb") as fh:
        source = read_po(fh)
    buffer = io.BytesIO()
    write_mo(buffer, source)
    buffer.seek(0)
    fresh = gettext.GNUTranslations(buffer)
    with MO.open("rb") as fh:
        shipped = gettext.GNUTranslations(fh)

    # The header names the Babel version that compiled it; that line says nothing about the texts.
    def texts(catalog: dict[str, str]) -> dict[str, str]:
        header = "\n".join(
            line
            for line in catalog.get("", "").splitlines()
            if not line.startswith("Generated-By:")
        )
        return {**catalog, "": header}

    assert texts(fresh._catalog) == texts(shipped._catalog), (
        "run `make i18n` to compile the catalog"
    )  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        ([], {}, "nl"),
        (["--lang", "en", "status"], {}, "en"),
        (["--lang=EN"], {}, "en"),
        ([], {"ONLINEVEILIG_LANG": "en"}, "en"),
        ([], {"LANG": "en_US.UTF-8"}, "en"),
        ([], {"LANG": "nl_BE.UTF-8"}, "nl"),
        ([], {"LANG": "C.UTF-8"}, "nl"),
        ([], {"LANG": "fr_BE.UTF-8"}, "nl"),
        ([], {"LANGUAGE": "en:nl", "LANG": "nl_NL.UTF-8"}, "en"),
        (["--lang", "nl"], {"LANG": "en_GB.UTF-8"}, "nl"),
    ],
)
def test_language_choice(argv: list[str], env: dict[str, str], expected: str) -> None:
    assert i18n.detect(argv, env) == expected
