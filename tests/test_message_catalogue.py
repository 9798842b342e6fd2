"""The message catalogue is whole and is the only place the program's messages are worded.

Each key has words in Vietnamese and English; every `msg("key", ...)` in the
code names a key the catalogue has and passes exactly its placeholders; no key is unused or worded twice;
no error class or call still carries an inline (Vietnamese, English) pair; the compiled `.mo` reads the
same words as the sources."""

from __future__ import annotations

import ast
import gettext
import io
import string
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from ytcs_desktop.messages import Refusal, msg
from ytcs_desktop.messages import catalogue_keys as read_keys
from ytcs_desktop.messages.catalogue import LANGS, compile_mo, sources

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "ytcs_desktop"
VIETNAMESE = set("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")
# Words that are not messages: printed-form column titles and sheet names (the forms' own layout, in
# Vietnamese with an English edition beside), argparse help, the labels table, demo data, the window's
# Qt labels (tr) and its language picker.
NOT_MESSAGES = {"Column", "Text", "Sheet", "XColumn", "subcommand", "group", "command", "add_argument",
                "add_parser", "tr", "addItem", "setPlaceholderText", "Vaccine", "DemoItem", "append",
                "grouped", "_party_lines", "replace", "ord", "startswith", "len", "draw_text", "drawText",
                "getpass", "as_person", "login"}


@cache
def catalogue_keys(lang: str) -> dict[str, str]:
    return read_keys(lang)


def placeholders(words: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(words) if name}


@cache
def code_files() -> tuple[tuple[Path, ast.Module], ...]:
    return tuple((path, ast.parse(path.read_text(encoding="utf-8")))
                 for path in sorted(PACKAGE.rglob("*.py")) if "migrations" not in path.parts)


def msg_calls() -> Iterator[tuple[str, ast.Call]]:
    for path, tree in code_files():
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "msg"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node


def wanted(key: str) -> set[str]:
    """The parameters a message takes: those its words use in either language (a language may leave one
    out, as Vietnamese capitalises a label where English puts "the" before it)."""
    return placeholders(catalogue_keys("vi")[key]) | placeholders(catalogue_keys("en")[key])


def test_every_key_has_words_in_both_languages() -> None:
    vi, en = catalogue_keys("vi"), catalogue_keys("en")
    assert len(vi) > 300
    assert set(vi) == set(en), {"vi only": sorted(set(vi) - set(en)), "en only": sorted(set(en) - set(vi))}
    empty = [key for key in vi if not vi[key].strip() or not en[key].strip()]
    assert not empty


def test_a_key_is_worded_in_one_file_only() -> None:
    for lang in LANGS:
        seen: dict[str, str] = {}
        twice = []
        for po in sources(lang):
            from babel.messages.pofile import read_po

            with po.open("rb") as fh:
                for message in read_po(fh, locale=lang):
                    if message.id and message.id in seen:
                        twice.append(f"{message.id}: {seen[message.id]} and {po.name}")
                    seen[str(message.id)] = po.name
        assert not twice, twice


def test_every_message_in_the_code_names_a_key_with_exactly_its_placeholders() -> None:
    vi = catalogue_keys("vi")
    missing, unlike = [], []
    for where, call in msg_calls():
        key = call.args[0].value
        if key not in vi:
            missing.append(f"{where} {key}")
            continue
        if any(k.arg is None for k in call.keywords):  # **params: checked when rendered
            continue
        given = {k.arg for k in call.keywords}
        if given != wanted(key):
            unlike.append(f"{where} {key}: passes {sorted(given)}, words use {sorted(wanted(key))}")
    assert not missing, missing
    assert not unlike, unlike


def key_families() -> set[str]:
    """The fixed beginnings of keys chosen at run time, `msg(f"decision.{code}")`: a family of keys."""
    families = set()
    for _, tree in code_files():
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "msg"
                    and node.args and isinstance(node.args[0], ast.JoinedStr)):
                head = node.args[0].values[0]
                assert isinstance(head, ast.Constant) and head.value, ast.unparse(node)
                families.add(str(head.value))
    return families


def test_no_key_of_the_catalogue_is_unused() -> None:
    used = {call.args[0].value for _, call in msg_calls()}
    families = tuple(key_families())
    unused = sorted(key for key in set(catalogue_keys("vi")) - used if not key.startswith(families))
    assert not unused, unused


def test_no_inline_pair_of_words_is_left_in_the_code() -> None:
    """A call given a Vietnamese sentence and its English beside it is a message outside the catalogue."""
    found = []
    for path, tree in code_files():
        if "messages" in path.parts:
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = ast.unparse(node.func).split(".")[-1]
            if name in NOT_MESSAGES:
                continue
            for first, second in zip(node.args, node.args[1:], strict=False):
                if (isinstance(first, ast.Constant | ast.JoinedStr) and isinstance(second, ast.Constant | ast.JoinedStr)
                        and set(ast.unparse(first)) & VIETNAMESE):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
                    break
    assert not found, found


def test_no_error_class_keeps_its_own_pair_of_words() -> None:
    """Every error a person reads is a Refusal: no look-alike class takes (vi, en) of its own."""
    look_alikes = []
    for path, tree in code_files():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                        names = {a.arg for a in item.args.args}
                        if {"vi", "en"} <= names:
                            look_alikes.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert not look_alikes, look_alikes


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_catalogue_reads_as_its_sources(lang: str) -> None:
    compiled = gettext.GNUTranslations(io.BytesIO(compile_mo(lang)))
    words = catalogue_keys(lang)
    assert {key: compiled.gettext(key) for key in words} == words


def test_a_refusal_renders_its_parameters_in_each_language() -> None:
    refusal = Refusal("required", msg("required.required_text", label=msg("word.cancel_it")))
    assert refusal.vi != refusal.en
    assert refusal.message("en") == refusal.en and refusal.message("vi-VN") == refusal.vi
    assert "{" not in refusal.vi + refusal.en and "[" not in refusal.vi
