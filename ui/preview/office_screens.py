"""Preview of the 中心 section without a hub: a park's trends from this data folder's own visits
(three visits, findings opened and closed between them). The hub's screens need a PostgreSQL
hub; the tests under tests/hub show them against the suite's own."""
from __future__ import annotations

import tempfile
from pathlib import Path

from ui.preview.screens import _app, _show, preview


def three_visits(root: Path) -> None:
    from checklists.library import get_template
    from inspection.model import FindingStatus, Status
    from inspection.store import open_store

    codes = [n.code for n in get_template("000").item_nodes]
    with open_store(root, actor="张三") as store:
        park = store.add_park("星河智造小微企业园", "manufacturing", address="金山区亭林镇")
        earlier = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2025-03-10").id
        for visit, fails in ((earlier, 14), (None, 6), (None, 1)):
            if visit is None:
                visit = store.new_revisit(earlier, date="2025-09-12" if fails == 6 else "2026-03-15").id
                for finding in store.snapshot(visit).findings[:1]:
                    store.set_finding_status(finding.id, FindingStatus.CLOSED, note="已整改")
            for n, code in enumerate(codes):
                store.save_answer(visit, "000", code, result="fail" if n % 7 == 0 and n // 7 < fails else "pass")
            store.add_finding(visit, "000", codes[fails], requirement=f"整改要求（{fails}）",
                              deadline="2026-06-30", responsible="园区物业公司")
            store.set_status(visit, Status.COMPLETED)
            earlier = visit


@preview("office-trends")
def office_trends(args: list[str]) -> None:
    """中心 → 园区趋势 on this data folder (no hub): chart and visits"""
    from PySide6.QtCore import QSettings

    from ui.app import configure_application
    from ui.base.preferences import Preferences
    from ui.main_window import MainWindow

    app = _app()
    root = Path(tempfile.mkdtemp(prefix="office-preview-"))
    three_visits(root / "data")
    prefs = Preferences(QSettings(str(root / "prefs.ini"), QSettings.Format.IniFormat))
    configure_application(app, prefs)
    window = MainWindow(data_dir=root / "data", prefs=prefs)
    window.office.trends_action.trigger()
    _show(window, 1280, 800)
