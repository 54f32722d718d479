"""File dialogs open where the inspector went last time for the same purpose."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from ui.base import file_dialogs
from ui.photos.import_flow import choose_photo_files


def test_each_purpose_remembers_its_own_folder(qapp, prefs, tmp_path, monkeypatch):
    camera, reports = tmp_path / "相机", tmp_path / "报告"
    camera.mkdir()
    reports.mkdir()
    opened_in = []

    def open_names(parent, title, folder, file_filter):
        opened_in.append(Path(folder))
        return [str(camera / "IMG_1.jpg"), str(camera / "IMG_2.jpg")], file_filter

    def save_name(parent, title, default, file_filter):
        opened_in.append(Path(default))
        return str(reports / "检查报告草稿"), file_filter

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_names)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    assert choose_photo_files(None) == [camera / "IMG_1.jpg", camera / "IMG_2.jpg"]
    assert opened_in[-1] == file_dialogs.documents_folder()  # the first time
    choose_photo_files(None)
    assert opened_in[-1] == camera  # the second time: where the photos came from
    out = file_dialogs.save_file(None, file_dialogs.REPORTS, "保存", "草稿.pdf", "PDF (*.pdf)",
                                 ".pdf")
    assert out == reports / "检查报告草稿.pdf"  # the suffix added
    assert opened_in[-1] == file_dialogs.documents_folder() / "草稿.pdf"  # its own folder
    file_dialogs.save_file(None, file_dialogs.REPORTS, "保存", "下一份.pdf", "PDF (*.pdf)", ".pdf")
    assert opened_in[-1] == reports / "下一份.pdf"
    choose_photo_files(None)
    assert opened_in[-1] == camera


def test_a_remembered_folder_that_is_gone_falls_back_to_documents(qapp, prefs, tmp_path):
    file_dialogs.remember_folder(file_dialogs.PHOTOS, tmp_path / "拔掉的U盘")
    assert file_dialogs.start_folder(file_dialogs.PHOTOS) == file_dialogs.documents_folder()
