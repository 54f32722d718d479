"""The window's checklist-template actions: 工具 → 导入检查模板… / 检查模板管理…, and 检查 →
改用新版本模板…, which is enabled only while the open inspection can move: a newer edition of
one of its templates is installed (and offered) and the inspection is not signed. When it is
disabled its tooltip and status tip say why.

What it offers is read again whenever it may have changed: another inspection shown, the open
one signed, reopened or moved to an edition, a template imported, retired or restored here —
and each time the 检查 menu opens (a bundle or the hub's sync may have brought an edition).

Built with the menus, before the first paint: the dialogs are loaded when first used
(template_actions.py).
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from ui.base.i18n import tr
from ui.base.tasks import TaskRunnerStopped

if TYPE_CHECKING:
    from checklists.model import Template


@dataclass(frozen=True)
class EditionOffer:
    """What 改用新版本模板… offers for one inspection: its templates, whether it is signed,
    and the newest edition of each of its templates that has a newer one (in the order of its
    templates)."""

    inspection_id: str
    templates: tuple[Template, ...]
    locked: bool
    newer: tuple[Template, ...]


def edition_offer(store: Any, inspection_id: str) -> EditionOffer:
    """Runs on the database thread."""
    from checklists.editions import newer_editions
    from checklists.library import get_template
    inspection = store.inspection(inspection_id)
    templates = tuple(get_template(t) for t in inspection.template_ids)
    offered = store.offered_templates()  # read once, not once per template
    newer = [newer_editions(template, offered) for template in templates]
    return EditionOffer(inspection_id, templates, inspection.locked,
                        tuple(editions[0] for editions in newer if editions))


class TemplateMenu(QObject):
    """Makes the three actions on *window* (a MainWindow) and runs them."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QDialog | None = None  # the template dialog last opened (kept alive)
        self.offer: EditionOffer | None = None  # what was read for the open inspection

        def action(text: str, slot, name: str) -> QAction:
            act = QAction(text, window)
            act.setObjectName(name)
            act.triggered.connect(lambda _checked=False: slot())
            return act

        self.import_action = action(tr("导入检查模板…"), self.import_template, "importTemplate")
        self.manage_action = action(tr("检查模板管理…"), self.manage_templates, "manageTemplates")
        self.change_edition_action = action(tr("改用新版本模板…"), self.change_edition,
                                            "changeEdition")
        self._show_offer()
        window.current_inspection_changed.connect(lambda _iid: self.refresh())
        window.page_built.connect(
            lambda page: page.inspection_changed.connect(lambda _inspection: self.refresh()))

    def follow_menu(self, menu) -> None:
        """Read again each time *menu* (the one holding 改用新版本模板…) opens."""
        menu.aboutToShow.connect(self.refresh)

    # --- what 改用新版本模板… offers -----------------------------------------------------

    def refresh(self) -> None:
        """Read again whether the open inspection has a newer edition to move to."""
        iid = self.window.current_inspection_id
        self._show_offer()  # disabled until read, when another inspection is shown
        if iid is None:
            return
        with contextlib.suppress(TaskRunnerStopped):
            self.window.runner.db(lambda store: edition_offer(store, iid), self._read,
                                  lambda _exc: None)

    def _read(self, offer: EditionOffer) -> None:
        if offer.inspection_id == self.window.current_inspection_id:  # still the one shown
            self.offer = offer
            self._show_offer()

    def _show_offer(self) -> None:
        offer = self.offer
        if offer is None or offer.inspection_id != self.window.current_inspection_id:
            enabled, tip = False, tr("打开一次检查后，可改用其检查模板的新版本")
        elif offer.locked:
            enabled, tip = False, tr("该检查已签署；重新打开（新修订版）后才能改用新版本模板")
        else:
            from ui.dialogs.template_editions import template_name
            enabled = bool(offer.newer)
            if enabled:  # a click offers the first (template_actions.change_edition)
                tip = tr("把本检查改用“{0}”：文字未变的条目保留答案").format(
                    template_name(offer.newer[0]))
            else:
                tip = tr("本检查的模板“{0}”没有更新的版本；导入新版本后可用").format(
                    "”、“".join(template_name(t) for t in offer.templates))
        act = self.change_edition_action
        act.setEnabled(enabled)
        act.setToolTip(tip)
        act.setStatusTip(tip)

    # --- the actions ---------------------------------------------------------------------

    def import_template(self) -> None:
        from ui.dialogs.template_actions import open_import
        dialog = open_import(self.window.runner, self.window)
        dialog.imported.connect(lambda _template_id: self.refresh())
        self.dialog = dialog

    def manage_templates(self) -> None:
        from ui.dialogs.template_actions import open_manager
        dialog = open_manager(self.window.runner, self.window)
        dialog.changed.connect(self.refresh)
        self.dialog = dialog

    def change_edition(self) -> None:
        from ui.dialogs.template_actions import change_edition
        change_edition(self.window)
