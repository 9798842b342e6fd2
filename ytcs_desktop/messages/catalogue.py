"""Reads the compiled catalogue (resources/messages/<lang>.mo) with the standard library's gettext.

A catalogue missing or older than its `.po` sources is compiled in memory when Babel is at hand (a
source checkout before `make translations`); a frozen bundle ships the `.mo` files."""

from __future__ import annotations

import gettext
import io
import logging
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

LANGS = ("vi", "en")


def messages_dir() -> Path:
    from ytcs_desktop.paths import resources_dir

    return resources_dir() / "messages"


def sources(lang: str) -> list[Path]:
    return sorted((messages_dir() / lang).glob("*.po"))


def compile_mo(lang: str) -> bytes:
    """One `.mo` from every `.po` of the language (each area of the product keeps its own file)."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    merged = Catalog(locale=lang, domain="ytcs")
    for po in sources(lang):
        with po.open("rb") as fh:
            for message in read_po(fh, locale=lang):
                if message.id:
                    known = merged.get(message.id)
                    if known is not None and known.string != message.string:
                        raise ValueError(f"{po.name}: key {message.id} has other words in another file")
                    merged.add(message.id, message.string)
    out = io.BytesIO()
    write_mo(out, merged)
    return out.getvalue()


def _stale(mo: Path, lang: str) -> bool:
    if not mo.exists():
        return True
    built = mo.stat().st_mtime
    return any(po.stat().st_mtime > built for po in sources(lang))


@cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    mo = messages_dir() / f"{lang}.mo"
    data: bytes | None = None
    if _stale(mo, lang) and sources(lang):
        try:
            data = compile_mo(lang)
        except ImportError:
            log.warning("message catalogue %s is missing or stale and Babel is not installed", mo)
    if data is None:
        if not mo.exists():
            log.error("message catalogue %s is missing: run `make translations`", mo)
            return gettext.NullTranslations()
        data = mo.read_bytes()
    return gettext.GNUTranslations(io.BytesIO(data))


def catalogue_keys(lang: str = "vi") -> dict[str, str]:
    """Every key of the language's sources with its words (for the catalogue's checks; needs Babel)."""
    from babel.messages.pofile import read_po

    out: dict[str, str] = {}
    for po in sources(lang):
        with po.open("rb") as fh:
            out.update({str(m.id): str(m.string) for m in read_po(fh, locale=lang) if m.id})
    return out


def template(key: str, lang: str) -> str:
    """The words of `key` in `lang` with their `{name}` placeholders; a key the catalogue lacks reads as
    itself in brackets (a test keeps every key in both languages)."""
    found = _catalogue(lang).gettext(key)
    if found == key:
        log.error("message %s has no words in %s", key, lang)
        return "[" + key + "]"
    return found
