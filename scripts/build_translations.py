"""Build the window's .qm catalogues from the Qt Linguist .ts sources in resources/translations/, and the
message catalogue's .mo files (one per language) from the gettext .po sources in resources/messages/."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from ytcs_desktop.messages.catalogue import LANGS, compile_mo, messages_dir, sources  # noqa: E402

TRANSLATIONS = ROOT / "resources" / "translations"


def lrelease() -> str:
    exe = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-lrelease"
    )
    if exe is None:
        raise SystemExit("pyside6-lrelease not found: install PySide6-Essentials")
    return exe


def main() -> int:
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
    for lang in LANGS:
        mo = messages_dir() / f"{lang}.mo"
        if mo.exists() and all(po.stat().st_mtime <= mo.stat().st_mtime for po in sources(lang)):
            continue
        mo.write_bytes(compile_mo(lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
