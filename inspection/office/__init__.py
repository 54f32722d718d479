"""The office's views of many inspections, as pure computations (no Qt, no database): what one
template's answers measure (``measures``), parks ranked by their latest approved inspection
(``ranking``), one park over its visits (``trends``), open findings across parks (``tracker``);
and their outputs: text for the command line, Excel, the 公示 list as a PDF in the report's style.
The rows come from the hub (inspection.hub.office) or, offline, from the data folder (``local``).
"""
