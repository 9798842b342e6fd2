"""Work-around for PySide6/shiboken6 6.12.0 on Python 3.11: every call of a void Qt method
(QPainter.drawLine, setPen, QObject.setObjectName…) returns None without taking a reference, so
None's reference count falls by one per call and the interpreter aborts ("none_dealloc") after a few
thousand calls — a form of a few pages is enough. Python 3.12 made None immortal; here we give it a
reference count so high that no run can exhaust it. Harmless where the bug is absent."""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 48
_done = False


def keep_none_alive() -> None:
    global _done
    if _done or sys.version_info >= (3, 12):
        return
    refcnt = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the first field of every object
    refcnt.value += _RESERVE
    _done = True


keep_none_alive()
