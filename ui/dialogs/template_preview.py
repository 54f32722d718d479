"""A template's tree at a glance (the new-inspection dialog, the template manager)."""
from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from checklists.model import Node, Template


def fill_template_tree(tree: QTreeWidget, template: Template, *, expand: int = 0) -> None:
    """*tree* (two columns: code, title) shows every node of *template*."""
    tree.setUpdatesEnabled(False)
    tree.clear()

    def add(node: Node, parent: QTreeWidgetItem | None) -> None:
        item = QTreeWidgetItem([node.code, node.title])
        item.setToolTip(1, node.text or node.title)
        if not node.is_item:
            font = item.font(1)
            font.setBold(True)
            item.setFont(1, font)
        if parent is None:
            tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        for child in node.children:
            add(child, item)

    for node in template.nodes:
        add(node, None)
    tree.expandToDepth(expand)
    tree.setUpdatesEnabled(True)
