"""The session type the layers above name in their signatures.

The window hands a session it never queries to domain functions (`ops.query(lambda s: fn(s, ...))`);
it names the type from here so that no module in `ui/` imports SQLAlchemy (an import contract checks it).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

__all__ = ["Session"]
