"""`onlineveilig profiles`: which sites have an account under the user's usernames.

model.py is the site list's shape (pydantic, checked on load); loader.py reads our TOML list or
WhatsMyName's JSON (wmn.py maps it); address.py checks a username and builds the address asked;
verdict.py tells found / not found / unknown from one answer (pure); network.py asks the sites
(one async client, a global limit, one request at a time per host, a cap on what is read);
records.py turns results into what the store keeps (checks, and found profiles as findings).
"""
