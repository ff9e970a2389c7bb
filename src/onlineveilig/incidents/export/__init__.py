"""`incident export`: one incident as a file for the supervisor, the organisation's registration
or the police (HTML, Markdown, JSON), and the bundle with the evidence (onlineveilig.incidents
.bundle).

Shaped like report/ and sheet/: `build()` decides the texts (model.py), the renderers in
render.py draw them with onlineveilig.render (plain(), Markdown escaping, safe_url, the one
Jinja environment with autoescape). Pure: no I/O, no terminal.
"""
