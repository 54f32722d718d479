"""Moving around the inspection page: the next unchecked item (saying honestly when a search
or filter hides the rest), the next item the office commented on, and undo/redo steps that show
the item they changed."""
from __future__ import annotations

from ui.base.i18n import tr
from ui.inspection_view.page_parts import PageParts
from ui.session.undo_feedback import step_history


def move_unanswered(page: PageParts, step: int) -> None:
    """N (step 1) and P (-1): the next unchecked item the search and filter show."""
    key = page.pane.next_unanswered(page.panel.key, step)
    if key is None:
        page.header.flash(nothing_left_message(page))
    page.select(key)


def move_commented(page: PageParts, step: int) -> None:
    """F8 (step 1) and Shift+F8 (-1): the next item the office commented on, in tree order and
    wrapping round; shown even when the search or filter hid it. Says which one of how many."""
    keys = page.model.commented_keys()
    if not keys:
        page.header.flash(tr("此检查没有审核意见"))
        return
    current = page.panel.key
    if current in keys:
        target = keys[(keys.index(current) + step) % len(keys)]
    else:  # from the item on screen to the next commented one after (or before) it
        order = {k: n for n, k in enumerate(page.model.item_keys())}
        here = order.get(current, -1) if current is not None else -1
        after = [k for k in keys if (order[k] > here if step > 0 else order[k] < here)]
        target = (after[0] if step > 0 else after[-1]) if after else keys[0 if step > 0 else -1]
    bring_into_view(page, target)
    page.header.flash(tr("审核意见 {0} / {1}").format(keys.index(target) + 1, len(keys)))


def nothing_left_message(page: PageParts) -> str:
    model = page.model
    hidden = sum(1 for k in model.item_keys() if not model.is_done(k)
                 and k != page.panel.key) if page.proxy.active else 0
    if hidden:  # the search or filter hides them: never say everything is checked
        return tr("筛选结果中已没有未检查条目；另有 {0} 个未检查条目未显示").format(hidden)
    return tr("所有条目都已检查")


def undo_step(page: PageParts, *, forward: bool) -> None:
    """Undo (or redo) one step, showing the item it changed and saying what it did."""
    step = step_history(page.undo_stack, forward=forward)
    if step is None:
        return
    if step.target is not None:
        bring_into_view(page, step.target)
    page.status_message.emit(step.message)
    page.header.flash(step.message)


def bring_into_view(page: PageParts, key: tuple) -> None:
    """Show an item in the checklist (or, for (None, None), the overall photos tab)."""
    if key == (None, None):
        page.tabs.setCurrentWidget(page.overall)
        return
    page.tabs.setCurrentIndex(0)
    if key != page.panel.key:
        page.select(key)
        if key != page.panel.key:  # hidden by the search or the filter: show everything
            page.pane.clear_filters()
            page.select(key)
