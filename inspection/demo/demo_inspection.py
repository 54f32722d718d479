"""A realistic, filled demo: a fictional park inspected against 000 + 001, and against 002.

Answers of every kind (符合 / 基本符合 / 不符合 / 不适用, a few left open), notes, findings
(one closed), star-rating measurements, and camera-size photos made by code with EXIF time,
GPS and orientation, some annotated. Deterministic: the same content every time.
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from checklists.errors import Message, messages
from checklists.library import get_template
from inspection.demo.demo_photos import make_demo_photo
from inspection.photos.importer import prepare_photos
from inspection.store import Store

MESSAGES = messages({
    "demo.progress.answers": ("正在填写示例检查的答案…", "Filling in the demo inspection's answers…"),
    "demo.progress.actions": ("正在填写行动方案事项的检查…", "Filling in the inspection of action plan items…"),
    "demo.progress.photo": ("正在生成示例照片 {n}/{total}…", "Making demo photo {n}/{total}…"),
    "demo.progress.import": ("正在导入示例照片…", "Importing the demo photos…"),
})

DEMO_PARK = "示例：星河智造小微企业园"
DEMO_ADDRESS = "上海市金山区亭林镇星河路 88 号（虚构）"
INSPECTORS = ["王建国", "李晓梅"]
ORGANISATION = "金山区经济委员会（示例）"
GPS = (30.8872, 121.3224)

# 000: the items that are not simply 符合, with the inspector's note.
ANSWERS_000 = {
    "1-1-2": ("partial", "主干道照明良好；东侧支路 3 盏路灯不亮，标牌褪色。"),
    "1-1-5": ("fail", "3 号厂房东侧消防栓被货物遮挡，灭火器过期 2 个月。"),
    "1-1-7": ("partial", "有多功能会议室一间，容纳 60 人，无展示场所。"),
    "1-2-2": ("na", "园区面积较小，由镇环境监测站覆盖。"),
    "1-2-3": ("partial", "仅对用电量在线监测，排污指标依赖企业自报。"),
    "1-2-4": ("fail", "一般固废与危废暂存点未分区，危废标识缺失。"),
    "2-2-4": ("partial", "安全巡查记录不连续，10 月有 6 天缺记录。"),
    "2-4-2": ("na", "园区不提供人事外包，由区人才服务中心承担。"),
    "2-5-5": ("na", "小微园区，不设基金。"),
    "2-6-4": ("fail", "近三年无扶持企业挂牌上市的计划或记录。"),
    "2-6-6": ("partial", "运营公司通过 ISO 9001，环境和职业健康体系未认证。"),
    "2-7-3": ("partial", "有应急预案，但未覆盖危化品泄漏场景。"),
    "2-7-8": ("fail", "未建立风险监测平台。"),
    "2-9-1": ("partial", "每年一次满意度调查，未形成改进闭环。"),
    "3-1-2": ("na", "园区以装配制造为主，无共性研发需求。"),
    "4-2-2": ("partial", "仪器设备目录已编制，未对外公开。"),
    "5-1-4": ("partial", "人才公寓 40 套，入住率 95%，排队 12 户。"),
    "5-1-5": ("fail", "园区内无医务室，最近的社区卫生服务中心 2.5 公里。"),
    "6-1-1": ("na", "不适用。"),
    "6-1-3": ("partial", "暑期托管班试点一期，无托老服务。"),
}
UNANSWERED_000 = {"6-3-3", "6-3-4", "6-2-4"}  # the inspectors have not got to these yet
NOTES_000 = {
    "1-1-1": "九通一平资料齐全，现场核实供水、供电、排水、通信正常。",
    "1-1-6": "网站可访问，企业服务栏目更新至本月。",
    "2-1-1": "一站式服务窗口设在综合楼一楼，工作日有专人值守。",
    "2-3-3": "今年协助 14 家企业申报扶持政策，获批 9 家。",
}

FINDINGS = [  # template, code, severity, requirement, days to deadline, responsible, closed
    ("000", "1-1-5", "critical", "清理消防栓周边堆放的货物，更换过期灭火器，并建立月度巡检记录。",
     7, "园区物业部 周强", False),
    ("000", "1-2-4", "major", "一般固废与危废暂存点分区设置，张贴危废标识，完善出入库台账。",
     30, "园区安环部 陈立", False),
    ("000", "2-7-8", "minor", "建立园区风险监测平台或接入镇级平台，明确监测指标。", 90,
     "运营公司 张敏", False),
    ("000", "1-1-2", "minor", "修复东侧支路路灯，更新褪色标牌。", 14, "园区物业部 周强", True),
    ("000", "5-1-5", "minor", "与社区卫生服务中心签订巡诊协议，设立园区医务点。", 60,
     "运营公司 张敏", False),
]

STAR_ANSWERS: dict[str, tuple[str | None, dict[str, Any] | None, str]] = {  # 001 indicator code → (judged level or None, measured values, note)
    "1": (None, {"performance_grade": "B"}, "2025 年度小微企业园绩效评价 B 档。"),
    "2": (None, {"land_area_mu": 62, "floor_area_m2": 56000}, "土地证及竣工验收资料核实。"),
    "3": (None, {"enterprises": 27}, "在册入驻企业 27 家，其中规上企业 4 家。"),
    "4": ("3", {"leading_industry_share": 0.64}, "主导产业：智能装备零部件。"),
    "5": ("4", None, "运营公司独立，服务台账清晰，制度健全。"),
    "6": ("3", None, "餐饮、宿舍在园区北侧配套，物流仓储依托周边。"),
    "7": ("3", {"service_functions": ["政策咨询", "政务代办", "投融资", "人才招聘", "创业辅导",
                                      "员工培训"]}, "线上服务平台尚未建立。"),
    "8": ("2", None, "有门禁和视频监控平台，尚无数据平台。"),
}

PHOTOS = [  # seed, template, code, caption, sign text, orientation, annotations
    (11, None, None, "园区入口及综合楼全景", "星河智造园", 1, []),
    (12, "000", "1-1-2", "东侧支路：路灯不亮、标牌褪色", "东侧支路", 1,
     [{"type": "ellipse", "color": "#e53935", "width": 10, "x1": 0.62, "y1": 0.18,
       "x2": 0.82, "y2": 0.42}]),
    (13, "000", "1-1-5", "3 号厂房东侧消防栓被货物遮挡", "3号厂房", 6,
     [{"type": "arrow", "color": "#e53935", "width": 12, "x1": 0.15, "y1": 0.2,
       "x2": 0.42, "y2": 0.55},
      {"type": "text", "color": "#e53935", "width": 0, "x1": 0.08, "y1": 0.1,
       "text": "消防栓被遮挡", "size": 0.05}]),
    (14, "000", "1-1-5", "过期灭火器（2026 年 9 月到期）", "消防器材", 1, []),
    (15, "000", "1-2-4", "固废暂存点未分区", "暂存点", 1,
     [{"type": "rect", "color": "#fb8c00", "width": 10, "x1": 0.25, "y1": 0.45,
       "x2": 0.7, "y2": 0.85}]),
    (16, "000", "2-1-1", "一站式服务窗口", "服务中心", 1, []),
    (17, "000", "5-1-4", "人才公寓外观", "人才公寓", 1, []),
    (18, "001", "2", "园区规模：厂房与综合楼", "星河智造园", 1, []),
    (19, "001", "6", "园区北侧餐饮和宿舍配套", "职工食堂", 1, []),
]

ACTION_DATE = "2022-10-20"  # the 002 check: during the plan's year, so deadlines matter


@dataclass(frozen=True)
class DemoIds:
    main: str  # the 000 + 001 inspection
    action_plan: str  # the 002 inspection


def create_demo(store: Store, *, progress: Callable[[str], None] | None = None,
                should_cancel: Callable[[], bool] | None = None) -> DemoIds:
    """Create the demo inspections in *store*; return their ids."""
    say = progress or (lambda message: None)
    park = store.find_park(DEMO_PARK) or store.add_park(
        DEMO_PARK, "manufacturing", address=DEMO_ADDRESS,
        contacts=[{"name": "赵雪", "title": "园区运营总监", "phone": "021-5722 0000"}])
    visit = date.today().isoformat()
    main = store.new_inspection(park.id, ["000", "001"], inspectors=INSPECTORS, date=visit,
                                organisation=ORGANISATION)
    say(Message("demo.progress.answers").text())
    _answer_000(store, main.id)
    for code, (level, value, note) in STAR_ANSWERS.items():
        store.save_answer(main.id, "001", code, result=level, value=value, note=note)
    for template_id, code, severity, requirement, days, responsible, closed in FINDINGS:
        finding = store.add_finding(
            main.id, template_id, code, requirement=requirement, severity=severity,
            deadline=(date.fromisoformat(visit) + timedelta(days=days)).isoformat(),
            responsible=responsible).finding
        if closed:
            store.set_finding_status(finding.id, "closed", note="现场复核：已修复。")
    _add_photos(store, main.id, visit, say, should_cancel)

    actions = store.new_inspection(park.id, ["002"], inspectors=INSPECTORS[:1], date=ACTION_DATE,
                                   organisation=ORGANISATION)
    say(Message("demo.progress.actions").text())
    _answer_002(store, actions.id)
    return DemoIds(main=main.id, action_plan=actions.id)


def _answer_000(store: Store, inspection_id: str) -> None:
    for node in get_template("000").items():
        if node.code in UNANSWERED_000:
            continue
        result, note = ANSWERS_000.get(node.code, ("pass", NOTES_000.get(node.code, "")))
        store.save_answer(inspection_id, "000", node.code, result=result, note=note)


def _add_photos(store: Store, inspection_id: str, visit: str, say: Callable[[str], None],
                should_cancel: Callable[[], bool] | None) -> None:
    with tempfile.TemporaryDirectory(prefix="demo-photos-") as tmp:
        files = []
        start = datetime.fromisoformat(visit).replace(hour=9, minute=12)
        for n, (seed, _, _, _caption, sign, orientation, _) in enumerate(PHOTOS):
            say(Message("demo.progress.photo", n=n + 1, total=len(PHOTOS)).text())
            files.append(make_demo_photo(
                Path(tmp) / f"IMG_{2400 + n}.JPG", seed=seed, caption_text=sign,
                taken_at=start + timedelta(minutes=7 * n),
                gps=(GPS[0] + 0.0003 * n, GPS[1] + 0.0002 * n), orientation=orientation))
        say(Message("demo.progress.import").text())
        result = prepare_photos(files, store.data_dir, should_cancel=should_cancel)
        by_name = {p.original_name: p for p in result.prepared}
        for path, (_, template_id, code, caption, _, _, annotations) in zip(files, PHOTOS):
            prepared = by_name.get(path.name)
            if prepared is None:
                continue
            photo = store.add_photo(inspection_id, prepared, template_id=template_id,
                                    item_code=code, caption=caption).photo
            if annotations:
                store.set_annotations(photo.id, annotations)


def _answer_002(store: Store, inspection_id: str) -> None:
    """Statuses as of 2022-10-20: deadlines up to September should be done by now."""
    template = get_template("002")
    notes = {
        "2": "公路养护项目已全流程电子化，其他工程领域推广方案尚在征求意见。",
        "21": "正面清单已发布。",
        "42": "部门间数据共享机制已建立，月度交换。",
        "63": "云平台“免申即享”模块上线延期至 11 月。",
        "72": "3 月已开展两场“直播带岗”。",
    }
    for n, node in enumerate(template.items()):
        if n >= 80:
            break  # the last twenty are not checked yet
        deadline = node.attrs.get("deadline", {})
        if deadline.get("kind") == "done":
            status = "done"
        elif deadline.get("kind") == "month" and int(deadline["month"]) <= 9:
            status = "delayed" if n % 4 == 1 else "done"
        elif deadline.get("kind") == "month":
            status = "on_track" if n % 5 else "not_started"
        else:
            status = "on_track" if n % 7 else "na"
        store.save_answer(inspection_id, "002", node.code, result=status,
                          note=notes.get(node.code, ""))
