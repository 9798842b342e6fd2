"""The one catalogue of the messages the domain, the store, the sync server and the CLI give people.

A refusal carries a code (machine-readable, what the server answers and tests check), a message key and
its parameters; the window, the CLI and the server render it in Vietnamese or English from the
catalogue (gettext `.po` files under resources/messages/<lang>/, compiled to one `.mo` per language by
`make translations`). The window's own labels stay in Qt Linguist's catalogue; this one has no Qt, since
the server and the core packages never import it."""

from ytcs_desktop.messages.catalogue import catalogue_keys, template
from ytcs_desktop.messages.message import Message, PerLanguage, capital, given, msg, pick, plain
from ytcs_desktop.messages.refusal import Refusal
from ytcs_desktop.messages.worded import Worded

__all__ = [
    "Message",
    "PerLanguage",
    "Refusal",
    "Worded",
    "capital",
    "catalogue_keys",
    "given",
    "msg",
    "pick",
    "plain",
    "template",
]
