"""The office hub: PostgreSQL holds every inspector's pushed inspections, the park registry,
templates and review decisions; PostgreSQL's roles and row-level security decide who reads
and writes what. The program owns only the schema (``migrations``) and talks to the hub
directly with psycopg (``connection``); there is no server process of our own.

Modules: ``connection`` (addresses, connecting, roles), ``migrations`` and ``admin`` (hub
init, users), ``blobs`` (content-addressed files), ``registry`` (parks), ``push``/``pull``/
``sync`` (a data folder and its hub), ``settings`` and ``pgpass`` (what a data folder keeps);
the office's ``review`` (审核 decisions), ``office`` (ranking, trends and tracker rows) and
``office_list`` (the 中心 section's list and review screen).
Nothing here imports Qt; the window runs this work through its task runner.
"""
