"""The inspector's desktop program (PySide6). Never touches SQLite, reportlab or pyHanko."""
