"""The one row of a statement that always returns one (a function call, an aggregate, the hub's
single ``hub.info`` row): psycopg's ``fetchone()`` may give None, these may not."""
from __future__ import annotations

from typing import TypeVar

import psycopg

Row = TypeVar("Row")


def one_row(cursor: psycopg.Cursor[Row]) -> Row:
    """The row *cursor* returned; RuntimeError (a bug or a damaged hub, not bad input) if none."""
    row = cursor.fetchone()
    if row is None:
        raise RuntimeError("the statement returned no row")
    return row
