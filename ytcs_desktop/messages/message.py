"""A message as a key into the catalogue and its parameters, rendered on demand in either language."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from ytcs_desktop.messages.catalogue import template


def lang_of(lang: str) -> str:
    return "en" if lang.startswith("en") else "vi"


@runtime_checkable
class PerLanguage(Protocol):
    """A parameter whose words depend on the language (a label, a day, a nested message)."""

    def text(self, lang: str = "vi") -> str: ...


@dataclass(frozen=True)
class Message:
    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: str = "vi") -> str:
        lang = lang_of(lang)
        values = {name: (value.text(lang) if isinstance(value, PerLanguage) else value)
                  for name, value in self.params.items()}
        return template(self.key, lang).format(**values)

    @property
    def vi(self) -> str:
        return self.text("vi")

    @property
    def en(self) -> str:
        return self.text("en")

    def __str__(self) -> str:
        return self.text("en")


def msg(key: str, /, **params: object) -> Message:
    """The message `key` of the catalogue with its named parameters."""
    return Message(key, params)


@dataclass(frozen=True)
class _Fixed:
    """Words that are the same in both languages (a name, a number, a path), as a parameter or message."""

    words: str

    def text(self, lang: str = "vi") -> str:
        return self.words


def plain(words: str) -> PerLanguage:
    return _Fixed(words)


@dataclass(frozen=True)
class _Pick:
    """A value already rendered in both languages by a function that takes `lang` (a label, a day)."""

    vi: str
    en: str

    def text(self, lang: str = "vi") -> str:
        return self.en if lang_of(lang) == "en" else self.vi


def pick(render: Callable[..., object], *args: object) -> PerLanguage:
    """`render(*args, lang)` in each language, for parameters such as `pick(label, "urgency", code)` or
    `pick(day_text, day)`: the function that words the value stays the one place it is worded."""
    return _Pick(str(render(*args, "vi")), str(render(*args, "en")))


@dataclass(frozen=True)
class _Capital:
    inner: PerLanguage

    def text(self, lang: str = "vi") -> str:
        words = self.inner.text(lang)
        return words[:1].upper() + words[1:]


def capital(value: PerLanguage) -> PerLanguage:
    """`value` with its first letter a capital, in either language (a label opening a sentence)."""
    return _Capital(value)


def given(vi: str, en: str) -> PerLanguage:
    """Words that arrive already written in both languages (a centre's answer, a file's own words): data,
    not the program's messages, so they are not in the catalogue."""
    return _Pick(vi, en)
