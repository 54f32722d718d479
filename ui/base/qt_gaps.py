"""Chinese for the few Qt strings that Qt's own zh_CN catalogue misses.

Qt 6 gave the file dialog's labels mnemonics ("Look in:" became "&Look in:", "Files of type:"
became "Files of &type:") and moved the file-type names to QAbstractFileIconProvider, but
qtbase_zh_CN.qm (resources/i18n/qt_zh_CN.qm is a copy) still holds the old source texts, so Qt's
own file dialog — the one used where the platform has no native dialog, e.g. a bare X server —
showed "Look in:" and "Files of type:" in English in the Chinese window. This translator is
installed after Qt's and answers only these strings; everything else falls through to Qt's.
"""
from __future__ import annotations

from PySide6.QtCore import QTranslator

ZH_CN: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QAbstractFileIconProvider", "File"): "文件",
    ("QAbstractFileIconProvider", "%1 File"): "%1 文件",
    ("QAbstractFileIconProvider", "File Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Alias"): "替身",
    ("QAbstractFileIconProvider", "Shortcut"): "快捷方式",
}


class QtGapsTranslator(QTranslator):
    """Translates the strings in :data:`ZH_CN` (whatever their disambiguation); nothing else."""

    def __init__(self, strings: dict[tuple[str, str], str] = ZH_CN, parent=None) -> None:
        super().__init__(parent)
        self.strings = dict(strings)

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None, not "": an empty string would count as the translation of every other text.
        return self.strings.get((context, source))

    def isEmpty(self) -> bool:
        return not self.strings
