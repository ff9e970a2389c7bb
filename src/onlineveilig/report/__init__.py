"""A report of an audit to show a colleague: what it contains (model), how it is built (build),
and how it is written out (render_html, render_md, render_json). Nothing here writes files."""
