"""A warning under a centre address that would send the password unencrypted (plain http to another
computer), shown as the user types, before anything is sent."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ytcs_desktop.sync.links import plain_http_risk


class PlainHttpWarning(QLabel):
    def __init__(self, address: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plain_http_warning")
        self.setWordWrap(True)
        self.setStyleSheet("color: #8a4b00;")
        self.setText(self.tr("This address is not encrypted (http): the password would cross the network in "
                             "clear. Ask the centre for its https address."))
        self.address = address
        address.textChanged.connect(self.follow)
        self.follow(address.text())

    def follow(self, text: str) -> None:
        self.setVisible(plain_http_risk(text.strip()))
