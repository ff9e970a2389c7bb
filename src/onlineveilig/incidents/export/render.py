"""An incident export as HTML, Markdown or JSON. Every text is made plain (onlineveilig.render
.plain) and escaped: Markdown through render.markdown (addresses are code spans, never links),
HTML through the one Jinja environment with autoescape (an address is a link only when
safe_url allows it). JSON holds the record as typed: a JSON file is data, not a page."""

from __future__ import annotations

import json

from onlineveilig.render.html import jinja_env
from onlineveilig.render.markdown import code, md

from .model import Export


def to_markdown(export: Export) -> str:
    t = export.labels
    out = [f"# {md(export.title)}", "", f"**{md(export.subtitle)}**", ""]
    if export.organisation:
        out += [md(export.organisation), ""]
    out += [f"## {md(t['facts'])}", ""]
    for fact in export.facts:
        out += [f"**{md(fact.label)}**", ""]
        for paragraph in fact.paragraphs:
            out += [md(paragraph), ""]
    out += [f"## {md(t['evidence'])}", ""]
    if not export.files and not export.urls:
        out += [md(t["no_evidence"]), ""]
    if export.files:
        out += [f"### {md(t['files'])}", ""]
        for n, f in enumerate(export.files, 1):
            out.append(f"{n}. {md(f.name)} — {md(f.size)}, {md(t['added'])}: {md(f.added)}")
            out.append(f"   {md(t['sha256'])}: {code(f.sha256)}")
            if f.bundled_as:
                out.append(f"   {md(t['bundled'])}: {code(f.bundled_as)}")
            if f.note:
                out.append(f"   {md(t['note'])}: {md(f.note)}")
        out.append("")
    if export.urls:
        out += [f"### {md(t['urls'])}", ""]
        for n, u in enumerate(export.urls, 1):
            out.append(f"{n}. {code(u.url)} — {md(t['seen'])}: {md(u.seen)}")
            if u.note:
                out.append(f"   {md(t['note'])}: {md(u.note)}")
        out.append("")
    out += [f"## {md(t['changes'])}", ""]
    if not export.changes:
        out += [md(t["no_changes"]), ""]
    for c in export.changes:
        out.append(f"- {md(c.changed)}: {md(c.field)}: {md(c.old)} → {md(c.new)}")
    if export.changes:
        out.append("")
    for section in (export.organisation_steps, export.advice):
        if section.lines:
            out += [f"## {md(section.heading)}", ""]
            out += [f"- {md(line)}" for line in section.lines] + [""]
    out += ["---", "", f"*{md(export.footer)}*", ""]
    return "\n".join(out)


def to_html(export: Export) -> str:
    return jinja_env().get_template("incident-export.html").render(e=export, t=export.labels)


def to_json(export: Export) -> str:
    return json.dumps(export.data, ensure_ascii=False, indent=2) + "\n"
