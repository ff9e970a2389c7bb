"""The share file (`onlineveilig deel`): what it holds, and reading one back.

Format version 1, agreed with `team rapport` (docs/share.md, docs/share.schema.json). It holds
ids, answers and counts only: every string is an id, a month, a fixed value or a random worker id,
so no free text (names, notes, search results, addresses, usernames, file names) can be in it.
Change the shape only together with SHARE_VERSION, docs/share.md and the exported schema.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

SHARE_FORMAT: Final = "onlineveilig-deel"
SHARE_VERSION: Final = 1
SCHEMA_ID = "https://onlineveilig.invalid/schemas/share-v1.json"

ID_PATTERN = (
    r"^[a-z0-9][a-z0-9-]*$"  # as content.models.ID_PATTERN: every checklist/type/platform id
)
MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
WORKER_PATTERN = r"^[0-9a-f]{32}$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
Month = Annotated[str, StringConstraints(pattern=MONTH_PATTERN)]
Count = Annotated[int, Field(ge=0)]

AnswerKind = Literal["in-order", "action", "not-applicable", "not-answered"]
Source = Literal["builtin", "organisation"]


class Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class ShareAnswer(Strict):
    id: Id = Field(description="The checklist item's id.")
    section: Id = Field(description="The id of the checklist section the item is in.")
    source: Source = Field(
        description='"builtin": a checklist of onlineveilig; "organisation": the organisation\'s file.'
    )
    answer: AnswerKind = Field(
        description='"in-order" (yes), "action" (an open action point), "not-applicable", '
        '"not-answered" (not answered, or answered "later").'
    )


class ShareIncidents(Strict):
    """The counts `onlineveilig signalen` shows, by id: every incident written down so far."""

    total: Count
    reported: Count
    followed_up: Count
    by_type: dict[Id, Count] = Field(
        description='Type ids (built-in or the rules file\'s); unknown types count as "other".'
    )
    by_channel: dict[Id, Count] = Field(
        description='Platform ids; a channel in the user\'s own words counts as "other".'
    )
    by_month: dict[Month, Count] = Field(description="YYYY-MM of when it happened.")


class Share(Strict):
    format: Literal["onlineveilig-deel"]
    version: Literal[1] = Field(description="The format version; a reader skips newer ones.")
    worker: str = Field(
        pattern=WORKER_PATTERN,
        description="A random id per worker, made once (not derived from anything personal).",
    )
    month: Month = Field(description="The month of the audit the file describes (YYYY-MM).")
    made_with: str = Field(
        pattern=r"^onlineveilig [0-9A-Za-z.+-]{1,30}$", description='"onlineveilig <version>".'
    )
    checklists: dict[Id, Annotated[str, StringConstraints(pattern=r"^[0-9]{1,9}$")]] = Field(
        description="Section id -> the version of that section the audit used."
    )
    score: Annotated[int, Field(ge=0, le=100)] | None = Field(
        description="0-100, as the audit showed it; null when no scored item applied."
    )
    answers: list[ShareAnswer]
    incidents: ShareIncidents


class ShareError(Exception):
    """A file that is not a share file this version can read."""

    def __init__(self, kind: str, version: int | None = None):
        super().__init__(kind)
        self.kind = kind  # "invalid" or "newer"
        self.version = version


def parse(data: str | bytes) -> Share:
    """A share file's text as a Share; ShareError("newer") for a newer version, else ("invalid")."""
    try:
        return Share.model_validate_json(data)
    except ValidationError:
        pass
    try:
        raw: Any = json.loads(data)
    except ValueError:
        raise ShareError("invalid") from None
    if isinstance(raw, dict) and raw.get("format") == SHARE_FORMAT:
        version = raw.get("version")
        if type(version) is int and version > SHARE_VERSION:
            raise ShareError("newer", version)
    raise ShareError("invalid")


def to_json(share: Share) -> str:
    """The file's text: UTF-8 JSON, indented, keys in the model's order."""
    return json.dumps(share.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    schema = Share.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "onlineveilig share file (onlineveilig deel)",
    }


def json_schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
