"""`onlineveilig team rapport`: many workers' share files (`onlineveilig deel`) in one team report.

Pure domain, no terminal: read.py finds and reads the files one at a time (skipping and naming
what is not valid, dropping duplicates); aggregate.py counts them, remembering per figure at most
k workers (enough to know whether the figure may be shown); build.py turns the counts into the
report of model.py, leaving out every figure that rests on fewer than k workers; render_html.py,
render_md.py and render_json.py write it. Nobody can be singled out: a hidden figure is not in the
report model at all, so no renderer can show it.
"""

MIN_GROUP = 3  # never below: with fewer, someone could be recognised
DEFAULT_GROUP = 5
