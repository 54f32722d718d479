"""The demo command: realistic content of every kind, its id alone on the last line."""
import json

from PIL import Image

from inspection.cli import main


def test_demo_creates_two_filled_inspections(tmp_path, capsys):
    data = tmp_path / "data"
    assert main(["demo", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    main_id = out[-1]
    assert len(main_id) == 36 and len(out) == 1
    main(["inspection", "show", main_id, "--json", "--data-dir", str(data)])
    shown = json.loads(capsys.readouterr().out)
    assert shown["inspection"]["templates"] == ["000", "001"]
    results = {(a["template"], a["result"]) for a in shown["answers"]}
    assert {("000", r) for r in ("pass", "partial", "fail", "na")} <= results
    assert shown["results"][0]["compliance"]["overall"]["unanswered"]  # some left open
    assert shown["results"][1]["stars"]["stars"] >= 1
    assert {f["status"] for f in shown["findings"]} == {"open", "closed"}
    assert len(shown["photos"]) >= 8 and any(p["code"] is None for p in shown["photos"])
    assert sum(1 for a in shown["answers"] if a["note"]) >= 20

    main(["inspection", "list", "--json", "--data-dir", str(data)])
    listed = json.loads(capsys.readouterr().out)
    action = next(i for i in listed if i["templates"] == ["002"])
    main(["inspection", "show", action["id"], "--json", "--data-dir", str(data)])
    actions = json.loads(capsys.readouterr().out)["results"][0]["actions"]
    assert actions["overdue"] and actions["counts"]["done"] > 0
    assert main(["check-db", "--data-dir", str(data)]) == 0


def test_demo_photos_are_camera_size_with_exif(tmp_path, capsys):
    data = tmp_path / "data"
    main(["demo", "--data-dir", str(data)])
    originals = [p for p in (data / "media").rglob("*.jpg") if ".report" not in p.name]
    sizes = set()
    for path in originals:
        with Image.open(path) as image:
            sizes.add(image.size)
            exif = image.getexif()
            assert exif.get(0x0110)  # camera model
            assert exif.get_ifd(0x8825)  # GPS
    assert sizes <= {(4000, 3000), (3000, 4000)} and (4000, 3000) in sizes
