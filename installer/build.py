"""Build the one-folder bundle dist/ytcs/ (and, on Windows with --installer, the Inno Setup installer).

    python installer/build.py                 # Linux or Windows: dist/ytcs/ytcs[.exe]
    python installer/build.py --installer     # Windows: also dist/ytcs-desktop-<version>-setup.exe

Prints the bundle's size and the build time. Run it with the project's venv Python (the one that has
PyInstaller from the `test` extra); it builds the .qm translations first, as `make translations` does.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "ytcs.spec"
ISS = ROOT / "installer" / "ytcs.iss"
INNO_DEFAULT = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "Inno Setup 6" / "ISCC.exe"


def version() -> str:
    text = (ROOT / "ytcs_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise SystemExit("__version__ not found in ytcs_desktop/__init__.py")
    return match.group(1)


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def build_bundle(dist: Path, work: Path, verbose: bool) -> Path:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py")], check=True)
    cmd = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm",
           "--distpath", str(dist), "--workpath", str(work), "--log-level", "INFO" if verbose else "WARN"]
    subprocess.run(cmd, check=True, cwd=ROOT)
    return dist / "ytcs"


def iscc() -> str:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    if INNO_DEFAULT.is_file():
        return str(INNO_DEFAULT)
    raise SystemExit("ISCC.exe (Inno Setup 6) not found: install it from https://jrsoftware.org/isdl.php")


def build_installer(bundle: Path, dist: Path) -> Path:
    if sys.platform != "win32":
        raise SystemExit("the Inno Setup installer is built on Windows only")
    ver = version()
    subprocess.run([iscc(), "/Q", f"/DAppVersion={ver}", f"/DBundleDir={bundle}", f"/O{dist}", str(ISS)], check=True)
    return dist / f"ytcs-desktop-{ver}-setup.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (default: build/pyinstaller/)")
    parser.add_argument("--installer", action="store_true", help="Windows: also run Inno Setup on installer/ytcs.iss")
    parser.add_argument("--verbose", action="store_true", help="PyInstaller's full log")
    args = parser.parse_args(argv)

    started = time.monotonic()
    bundle = build_bundle(args.dist.resolve(), args.work.resolve(), args.verbose)
    size, count = folder_size(bundle)
    print(f"bundle {bundle}: {size / 1e6:.0f} MB in {count} files, built in {time.monotonic() - started:.0f} s",
          flush=True)
    if args.installer:
        started = time.monotonic()
        setup = build_installer(bundle, args.dist.resolve())
        print(f"installer {setup}: {setup.stat().st_size / 1e6:.0f} MB, built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
