"""Test data for the report, signing and Excel tests (and the benchmark): a filled inspection.

Photos are small synthetic JPEGs written straight into the data folder (original and
report-size file), so these tests do not depend on the photo import code.
"""
from __future__ import annotations

import hashlib
import io
import random

from PIL import Image, ImageDraw

from checklists.library import all_templates, get_template
from checklists.model import NodeKind, TemplateKind
from inspection.model import PreparedPhoto, SignerRole
from inspection.store import Store

PARK_NAME = "星河智造小微企业园"
BASE_TEMPLATES = ("000", "004")
OPTIONAL_TEMPLATES = ("001", "002")
NOTES = ("现场查看道路标牌齐全，夜间照明正常；东侧道路有一处路灯损坏。",
         "消防通道被货物占用（见照片），已当场要求清理。",
         "资料齐全，台账记录规范。", "")
ANNOTATIONS = [
    {"type": "arrow", "color": "#e02020", "width": 8, "x1": 0.15, "y1": 0.2, "x2": 0.42,
     "y2": 0.48},
    {"type": "rect", "color": "#ffcc00", "width": 6, "x1": 0.45, "y1": 0.4, "x2": 0.8,
     "y2": 0.85},
    {"type": "ellipse", "color": "#20a0ff", "width": 5, "x1": 0.05, "y1": 0.6, "x2": 0.3,
     "y2": 0.9},
    {"type": "text", "color": "#e02020", "width": 1, "x1": 0.46, "y1": 0.28,
     "text": "消防通道堵塞", "size": 0.06},
]


def applied_templates() -> list[str]:
    """000 and 004, plus 001/002 when their templates have been generated."""
    available = all_templates()
    return [t for t in (*BASE_TEMPLATES[:1], *OPTIONAL_TEMPLATES, BASE_TEMPLATES[1])
            if t in available]


def jpeg_bytes(*, width: int, height: int, seed: int, quality: int = 80) -> bytes:
    """A synthetic photo: a sky/ground gradient, some buildings, unique per seed."""
    rng = random.Random(seed)
    image = Image.new("RGB", (width, height), (140, 170, 200))
    draw = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.45, 0.65))
    for y in range(0, horizon, 8):
        shade = 200 - y * 60 // max(horizon, 1)
        draw.rectangle([0, y, width, y + 8], fill=(shade - 40, shade - 10, 230))
    draw.rectangle([0, horizon, width, height], fill=(110, 105, 95))
    for _ in range(6):
        x = rng.randrange(0, width - 50)
        w, h = rng.randrange(width // 10, width // 4), rng.randrange(height // 6, height // 2)
        grey = rng.randrange(120, 220)
        draw.rectangle([x, horizon - h, x + w, horizon], fill=(grey, grey, grey - 10),
                       outline=(60, 60, 60), width=3)
    draw.text((20, height - 40), f"demo photo {seed}", fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def add_photo(store: Store, inspection_id: str, *, seed: int, template_id: str | None = None,
              item_code: str | None = None, caption: str = "", size=(1600, 1200),
              annotate: bool = False):
    data = jpeg_bytes(width=size[0], height=size[1], seed=seed)
    sha = hashlib.sha256(data).hexdigest()
    for path in (store.data_dir.original(sha, "jpg"), store.data_dir.report_image(sha)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    thumb = io.BytesIO()
    Image.open(io.BytesIO(data)).resize((256, 192)).save(thumb, "JPEG")
    prepared = PreparedPhoto(sha256=sha, ext="jpg", original_name=f"IMG_{seed:04d}.JPG",
                             size=len(data), width=size[0], height=size[1],
                             thumbnail_jpeg=thumb.getvalue(),
                             taken_at=f"2026-11-20T10:{seed % 60:02d}:05+08:00")
    photo = store.add_photo(inspection_id, prepared, template_id=template_id,
                            item_code=item_code, caption=caption).photo
    if annotate:
        photo = store.set_annotations(photo.id, ANNOTATIONS).photo
    return photo


def signature_png(name: str) -> bytes:
    """A handwritten-looking scribble on a transparent background."""
    rng = random.Random(name)
    image = Image.new("RGBA", (480, 160), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    points = [(20 + i * 18, 80 + rng.randint(-45, 45)) for i in range(24)]
    draw.line(points, fill=(10, 20, 90, 255), width=5, joint="curve")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def fill_inspection(store: Store, *, templates: list[str] | None = None, photos: int = 6,
                    photo_size=(1600, 1200), sign_by_hand: bool = True,
                    park_name: str = PARK_NAME) -> str:
    """A realistic inspection: most items answered, notes, findings, photos, signatures."""
    templates = templates or applied_templates()
    park = store.find_park(park_name) or store.add_park(
        park_name, "manufacturing", address="上海市金山区亭林镇林宝路 88 号")
    inspection = store.new_inspection(park.id, templates, inspectors=["张三", "李四"],
                                      date="2026-11-20", organisation="金山区经济委员会")
    rng = random.Random(7)
    items_for_photos = []
    for template_id in templates:
        template = get_template(template_id)
        items = list(template.items())
        if template.kind is TemplateKind.STAR_RATING:
            _answer_stars(store, inspection.id, template_id)
            continue
        keys = [o.key for o in template.result_scale]
        for index, node in enumerate(items):
            if index % 9 == 8:
                continue  # some items left unanswered: 未检查
            if template.kind is TemplateKind.COMPLIANCE:
                result = rng.choices(keys, weights=[70, 15, 10, 5])[0]
            else:
                result = rng.choice(keys)
            note = NOTES[index % len(NOTES)] if index % 3 == 0 else ""
            store.save_answer(inspection.id, template_id, node.code, result=result, note=note)
            if result == "fail" and node.kind is NodeKind.CHECK:
                store.add_finding(inspection.id, template_id, node.code,
                                  requirement=f"按标准要求整改“{node.title[:20]}”，并提交整改报告。",
                                  severity=rng.choice(["minor", "major", "critical"]),
                                  deadline="2026-12-31", responsible="园区运营部 王五")
                items_for_photos.append((template_id, node.code))
        items_for_photos += [(template_id, n.code) for n in items[:3]]
    for seed in range(photos):
        template_id, code = items_for_photos[seed % len(items_for_photos)]
        add_photo(store, inspection.id, seed=seed + 1, template_id=template_id, item_code=code,
                  caption="东侧消防通道现状" if seed % 2 == 0 else "", size=photo_size,
                  annotate=seed % 3 == 0)
    if sign_by_hand:
        for name in ("张三", "李四"):
            store.set_signature(inspection.id, SignerRole.INSPECTOR, name,
                                image_png=signature_png(name), title="检查员")
        store.set_signature(inspection.id, SignerRole.PARK_REPRESENTATIVE, "赵六",
                            image_png=signature_png("赵六"), title="园区运营部经理")
    return inspection.id


def _answer_stars(store: Store, inspection_id: str, template_id: str) -> None:
    values = {
        "1": ({"performance_grade": "B"}, None),
        "2": ({"land_area_mu": 45, "floor_area_m2": 52000}, None),
        "3": ({"enterprises": 36}, None),
        "4": ({"leading_industry_share": 0.62}, "3"),
        "5": ({}, "4"),
        "6": ({}, "3"),
        "7": ({"service_functions": ["政策咨询", "政务代办", "投融资", "人才招聘"]}, "3"),
        "8": ({}, "2"),
    }
    for code, (value, judged) in values.items():
        store.save_answer(inspection_id, template_id, code, value=value or None, result=judged,
                          note="查阅园区台账与现场核实" if code == "2" else "")
