"""First run: station or centre, the centre server (or work offline), sign in, or the demo database."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.ui.widgets.form import Form
from ytcs_desktop.ui.widgets.link_warning import PlainHttpWarning


@dataclass(frozen=True)
class FirstRunChoice:
    role: str  # station|centre
    offline: bool
    server_url: str
    username: str
    password: str
    user_name: str
    code: str
    name: str
    demo: bool = False
    repeat: str = ""  # the password typed again, when it is a new one (offline: the first account)


class FirstRunDialog(QDialog):
    """Collects a FirstRunChoice. The launcher does the work and calls `show_error` or `accept`.

    Signals: `chosen(FirstRunChoice)` when the user presses Start or Open demo;
    `language_changed(str)`; `cancel_requested()` when the user stops the demo being built.
    """

    chosen = Signal(object)
    language_changed = Signal(str)
    cancel_requested = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(self.tr("Welcome to YTCS Desktop"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Welcome to YTCS Desktop"))
        heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        layout.addWidget(heading)
        intro = QLabel(self.tr("Set up this computer once. You can work offline and connect to the centre later."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = Form()
        layout.addWidget(self.form)

        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if lang == "vi" else 1)
        self.language.currentIndexChanged.connect(lambda _i: self.language_changed.emit(self.language.currentData()))
        self.form.add("lang", self.tr("Language"), self.language)

        role_box = QWidget()
        role_row = QHBoxLayout(role_box)
        role_row.setContentsMargins(0, 0, 0, 0)
        self.station_radio = QRadioButton(self.tr("Health station"))
        self.centre_radio = QRadioButton(self.tr("Health centre"))
        self.station_radio.setChecked(True)
        self.roles = QButtonGroup(self)
        self.roles.addButton(self.station_radio)
        self.roles.addButton(self.centre_radio)
        role_row.addWidget(self.station_radio)
        role_row.addWidget(self.centre_radio)
        role_row.addStretch(1)
        self.form.add("role", self.tr("This computer is at"), role_box)

        self.server = QLineEdit()
        self.server.setPlaceholderText("https://ttyt-thuanan.example.vn")
        self.form.add("server_url", self.tr("Centre server address"), self.server)
        self.http_warning = PlainHttpWarning(self.server)
        self.form.add_row(self.http_warning)
        self.offline = QCheckBox(self.tr("Work offline for now"))
        self.form.add_row(self.offline)
        self.username = QLineEdit()
        self.form.add("username", self.tr("User name"), self.username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add("password", self.tr("Password"), self.password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add("repeat", self.tr("Password again"), self.repeat)

        self.user_name = QLineEdit()
        self.form.add("user_name", self.tr("Your full name"), self.user_name)
        self.code = QLineEdit()
        self.code.setPlaceholderText("TYT-AP")
        self.form.add("code", self.tr("Station code"), self.code)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Trạm Y tế phường An Phú")
        self.form.add("name", self.tr("Station name"), self.name)
        self.offline.toggled.connect(self._update)
        self.centre_radio.toggled.connect(self._update)

        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self._cancel)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        self.progress.hide()
        self.cancel_button.hide()
        buttons = QDialogButtonBox()
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setDefault(True)
        self.demo_button = QPushButton(self.tr("Open the demo data"))
        self.quit_button = QPushButton(self.tr("Quit"))
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(lambda: self._choose(demo=False))
        self.demo_button.clicked.connect(lambda: self._choose(demo=True))
        self.quit_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.offline.setChecked(True)
        self._update()

    def _update(self) -> None:
        offline = self.offline.isChecked()
        centre = self.centre_radio.isChecked()
        self.server.setEnabled(not offline)
        # Online: the centre's account. Offline: the first account of this computer (the head of station,
        # or the centre's first person), made here; either way that person is signed in afterwards.
        self.repeat.setEnabled(offline)
        self.form.set_label("username", self.tr("Your user name") if offline else self.tr("User name"))
        self.form.set_label("password", self.tr("Choose a password") if offline else self.tr("Password"))
        for widget in (self.code, self.name):
            widget.setEnabled(offline)
        self.form.set_label("code", self.tr("Centre code") if centre else self.tr("Station code"))
        self.form.set_label("name", self.tr("Centre name") if centre else self.tr("Station name"))

    def choice(self, demo: bool = False) -> FirstRunChoice:
        return FirstRunChoice(
            role="centre" if self.centre_radio.isChecked() else "station",
            offline=self.offline.isChecked(),
            server_url=self.server.text().strip(),
            username=self.username.text().strip(),
            password=self.password.text(),
            repeat=self.repeat.text() if self.offline.isChecked() else "",
            user_name=self.user_name.text().strip(),
            code=self.code.text().strip(),
            name=self.name.text().strip(),
            demo=demo,
        )

    def _choose(self, demo: bool) -> None:
        self.form.clear_errors()
        if demo:
            self.set_busy(True, self.tr("Building the demo data: a year of a station's work, about half a "
                                        "minute…"))
            self.progress.setRange(0, 0)  # moving until the first step is done
            self.progress.show()
            self.cancel_button.setEnabled(True)
            self.cancel_button.show()
        else:
            self.set_busy(True, self.tr("Preparing the data…"))
        self.chosen.emit(self.choice(demo))

    def show_progress(self, done: int, total: int) -> None:
        """The demo build went one step further (set-up, then a simulated month at a time)."""
        if total <= 0 or not self.progress.isVisible():
            return
        self.progress.setRange(0, total)
        self.progress.setValue(min(done, total))
        if 1 <= done < total - 1:
            self.status.setText(self.tr("Building the demo data: month %1 of %2…")
                                .replace("%1", str(done)).replace("%2", str(total - 2)))
        elif done >= total - 1:
            self.status.setText(self.tr("Building the demo data: finishing…"))

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Stopping…"))
        self.cancel_requested.emit()

    def set_busy(self, busy: bool, text: str = "") -> None:
        for button in (self.start_button, self.demo_button, self.language):
            button.setEnabled(not busy)
        self.status.setText(text)
        if not busy:
            self.progress.hide()
            self.cancel_button.hide()

    def show_error(self, err: DomainError) -> None:
        self.set_busy(False)
        self.form.show_error(err, self.lang)
