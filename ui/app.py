"""Starting the program: application identity, fonts, translations, error handling, window."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from checklists.errors import UserError, set_language
from inspection.appinfo import APP_ID, APP_NAME, APP_NAME_ZH, APP_VERSION
from inspection.cli import gui_arguments
from inspection.paths import DataDir
from resources import resource_path
from ui.base.error_reporting import install_excepthook, set_log_folder
from ui.base.preferences import TEXT_SIZES, Preferences
from ui.base.qt_gaps import QtGapsTranslator

FONT_FILES = ("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf")
FALLBACK_FONT_FILE = "ParkFallback-Regular.ttf"  # beyond GBK: 䶮, 𬌗 … (see resources/fonts)
_translators: list[QTranslator] = []  # kept alive for the application's lifetime


def load_fonts() -> str:
    """Register the bundled Simplified Chinese font; return its family name.

    The program draws Chinese with its own font so that no laptop shows boxes or Japanese
    glyph shapes, whatever fonts the system has.
    """
    family = ""
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else "")
    return family


def load_fallback_font() -> str:
    """Register the fallback font for the characters beyond GBK; return its family name.

    The application font lists it after Noto Sans SC, so Qt draws from it exactly the
    characters the first family lacks (QFont.setFamilies is Qt's fallback list)."""
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", FALLBACK_FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else ""


def apply_font(app: QApplication, point_size: float | None = None) -> QFont:
    family = load_fonts()
    fallback = load_fallback_font()
    font = QFont(app.font())
    if family:
        font.setFamilies([family, fallback] if fallback else [family])
    font.setStyleHint(QFont.StyleHint.SansSerif)
    if point_size:
        font.setPointSizeF(point_size)
    app.setFont(font)
    return font


def install_translators(app: QApplication, language: str) -> None:
    """Chinese is the source language; English comes from resources/i18n/park_inspector_en.qm.

    Qt's own strings (standard buttons, dialogs) come from Qt's translations for the language,
    with the few its Chinese catalogue misses from ui/base/qt_gaps.py.
    """
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China) if language == "zh_CN" \
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    QLocale.setDefault(locale)
    qt_dirs = [str(resource_path("i18n")), QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    qt_name = "qt_zh_CN" if language == "zh_CN" else "qt_en"
    for folder in qt_dirs:
        translator = QTranslator(app)
        if translator.load(qt_name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
            break
    if language == "zh_CN":  # the strings Qt's zh_CN catalogue misses (its file dialog's)
        gaps = QtGapsTranslator(parent=app)
        app.installTranslator(gaps)
        _translators.append(gaps)
    if language != "zh_CN":
        translator = QTranslator(app)
        if translator.load(f"park_inspector_{language}", str(resource_path("i18n"))):
            app.installTranslator(translator)
            _translators.append(translator)


def apply_theme(app: QApplication, theme: str) -> None:
    """The window's colours: inspection.palette's names (before the windows' modules take
    them) and Qt's own palette for every standard widget."""
    from inspection import palette

    palette.use_theme(theme)
    if theme != "high_contrast":
        return
    colors = QPalette(app.palette())
    roles = QPalette.ColorRole
    for role, value in ((roles.Window, palette.WHITE), (roles.WindowText, palette.TEXT),
                        (roles.Base, palette.WHITE), (roles.AlternateBase, palette.SURFACE_SUBTLE),
                        (roles.Text, palette.TEXT), (roles.Button, palette.SURFACE_SUBTLE),
                        (roles.ButtonText, palette.TEXT), (roles.Highlight, palette.ACCENT),
                        (roles.HighlightedText, palette.WHITE), (roles.ToolTipBase, palette.WHITE),
                        (roles.ToolTipText, palette.TEXT), (roles.PlaceholderText, palette.MUTED),
                        (roles.Mid, palette.BORDER_STRONG), (roles.Dark, palette.BORDER_STRONG)):
        colors.setColor(role, QColor(value))
    colors.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor(palette.DISABLED))
    colors.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor(palette.DISABLED))
    app.setPalette(colors)


_system_size: list[float] = []  # the system's font size, before a text-size setting scaled it


def _system_point_size(app: QApplication) -> float:
    if not _system_size:
        _system_size.append(app.font().pointSizeF())
    return _system_size[0]


def configure_application(app: QApplication, prefs: Preferences) -> None:
    app.setOrganizationName(APP_ID)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME_ZH if prefs.language == "zh_CN" else APP_NAME)
    app.setApplicationVersion(APP_VERSION)
    icon = resource_path("icons", "app.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    install_translators(app, prefs.language)
    set_language(prefs.language)  # the words of errors raised below ui/
    apply_theme(app, prefs.theme)
    base = _system_point_size(app)
    apply_font(app, base * TEXT_SIZES[prefs.text_size] if base > 0 else None)


class _QuitWhenPainted(QObject):
    """For the start-up bench: once the window has been painted for the first time, say how
    long after the bench started the process that was (the variable holds that moment, as
    ``time.time()``) and quit."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
            self.done = True
            import time
            started = float(os.environ.get("PARK_INSPECTOR_QUIT_WHEN_SHOWN") or 0)
            if started > 1:
                print(f"painted after {time.time() - started:.3f} s", file=sys.stderr, flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def chosen_data_dir(argv: list[str], prefs: Preferences) -> Path:
    """The data folder the window opens: ``--data-dir DIR`` as the command line reads it
    (``inspection.cli.gui_arguments``, the one definition of the option), else the settings'."""
    args = gui_arguments(argv)
    if args is not None and args.data_dir:
        return Path(args.data_dir).expanduser()
    return prefs.data_dir


def _said_at_opening(exc: BaseException, data_dir: Path) -> bool:
    """Say why the data folder could not be opened, as a box; True when the user restored a
    backup (open again). Errors nobody expects are raised again."""
    from inspection.store import DamagedFolder
    if isinstance(exc, DamagedFolder):  # never an empty database over photos and reports
        from ui.dialogs.damaged_folder import offer_restore
        return offer_restore(data_dir, exc)
    if isinstance(exc, UserError):  # e.g. a database written by a newer version
        QMessageBox.critical(None, APP_NAME_ZH, exc.text())
        return False
    if isinstance(exc, OSError):
        QMessageBox.critical(None, APP_NAME_ZH, f"无法使用数据文件夹 {data_dir}：{exc.strerror or exc}")
        return False
    raise exc


def run_app(argv: list[str]) -> int:
    """Open the main window; ``--data-dir DIR`` chooses another data folder.

    The window paints first; the data folder's store opens on the database thread just after
    (its lock, migrations and damage checks before any edit, which waits behind it), while the
    list says it is loading. If opening fails, the window goes and the reason is said as a box,
    as it is when opening fails before the window shows (an inspection to reopen waits for the
    store, so that it shows at the first paint)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    prefs = Preferences()
    configure_application(app, prefs)
    data_dir = chosen_data_dir(argv, prefs)
    set_log_folder(DataDir(data_dir).logs)
    install_excepthook()

    from ui.base.tasks import TaskRunner
    from ui.main_window import MainWindow
    windows: list[MainWindow] = []
    unexpected: list[BaseException] = []

    def open_window() -> bool:
        while True:
            try:
                runner = TaskRunner(data_dir, actor=prefs.inspector_name, open_now=False)
                window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
            except Exception as exc:
                if _said_at_opening(exc, data_dir):
                    continue
                return False
            break
        runner.opened.connect(lambda error: failed(window, error) if error is not None else None)
        windows[:] = [window]
        window.show()
        if os.environ.get("PARK_INSPECTOR_QUIT_WHEN_SHOWN"):  # the start-up bench: painted, quit
            window.installEventFilter(_QuitWhenPainted(window))
        return True

    def failed(window: MainWindow, error: BaseException) -> None:
        window.abandon()
        app.setQuitOnLastWindowClosed(False)  # the boxes closing is not the program ending
        try:
            reopened = _said_at_opening(error, data_dir) and open_window()
        except BaseException as exc:  # raised from run_app, as before the window showed
            unexpected.append(exc)
            reopened = False
        app.setQuitOnLastWindowClosed(True)
        if not reopened:
            app.exit(2)

    if not open_window():
        return 2
    from ui.base.termination import Termination

    def terminated(number: int) -> None:
        for window in windows:
            window.close()  # flushes the page and writes the queued edits
        app.exit(128 + number)

    termination = Termination(terminated, app)
    status = app.exec()
    termination.restore()
    for window in windows:  # e.g. the bench quit at the first paint: the store finishes opening
        window.runner.shutdown()
    if unexpected:
        raise unexpected[0]
    return status
