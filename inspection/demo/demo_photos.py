"""Camera-like site photos made by code, for the demo inspection and for photo tests.

Each photo is a drawn factory scene (sky, clouds, a building with windows and a sign board,
the ground) with grain, saved as a camera would: a 4000×3000 JPEG of a few megabytes with
Make/Model, capture time, GPS and an orientation tag. With orientation 6 the pixels are stored
lying on their side, as a phone held upright stores them, so importing must rotate them back.
"""
from __future__ import annotations

import random
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from statistics import NormalDist

from PIL import ExifTags, Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps

from resources import resource_path

CAMERA_MAKE = "Park Inspector"
CAMERA_MODEL = "Demo Camera PI-12"
JPEG_QUALITY = 92  # what phones and compact cameras use; with the grain it gives ~2–4 MB

# The transpose that turns an upright scene into the pixels a camera stores with this
# orientation tag: the inverse of what ImageOps.exif_transpose applies when reading.
_STORE_AS = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}

_WALLS = [(214, 214, 208), (190, 200, 210), (226, 218, 200), (170, 184, 196), (205, 196, 186)]
_ROOFS = [(70, 110, 160), (120, 126, 134), (150, 70, 60), (80, 128, 120)]
_BOARDS = [((20, 70, 160), (255, 255, 255)), ((190, 30, 30), (255, 236, 160)),
           ((30, 110, 70), (255, 255, 255))]


def make_demo_photo(path: Path | str, *, seed: int, caption_text: str = "",
                    taken_at: datetime, gps: tuple[float, float], orientation: int = 1,
                    size: tuple[int, int] = (4000, 3000)) -> Path:
    """Write a camera-like JPEG of a factory scene with EXIF time, GPS and orientation.

    *size* is the stored pixel size (the sensor's); for orientations 5–8 the scene is drawn
    upright at the swapped size and stored rotated. *caption_text* is painted on the sign board.
    The same arguments give the same file.
    """
    if orientation not in _STORE_AS:
        raise ValueError(f"EXIF orientation must be 1–8, not {orientation}")
    rng = random.Random(seed)
    width, height = size
    upright = (height, width) if orientation >= 5 else (width, height)
    scene = _draw_scene(upright, rng, caption_text)
    scene = _add_grain(scene, rng)
    method = _STORE_AS[orientation]
    stored = scene.transpose(method) if method is not None else scene
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    stored.save(path, "JPEG", quality=JPEG_QUALITY,
                exif=_camera_exif(taken_at, gps, orientation).tobytes())
    return path


def _draw_scene(size: tuple[int, int], rng: random.Random, caption: str) -> Image.Image:
    width, height = size
    horizon = int(height * rng.uniform(0.52, 0.62))
    image = Image.new("RGB", size)
    top = (rng.randint(40, 80), rng.randint(100, 140), rng.randint(190, 230))
    low = (rng.randint(190, 215), rng.randint(210, 228), rng.randint(232, 245))
    sky = ImageOps.colorize(Image.linear_gradient("L").resize((width, horizon)), top, low)
    image.paste(sky, (0, 0))
    _paste_clouds(image, horizon, rng)
    ground_near = (rng.randint(70, 95),) * 3
    ground_far = (rng.randint(125, 150),) * 3
    ground = ImageOps.colorize(Image.linear_gradient("L").resize((width, height - horizon)),
                               ground_far, ground_near)
    image.paste(ground, (0, horizon))
    draw = ImageDraw.Draw(image)
    # A strip of lawn and a kerb between the building and the yard.
    draw.rectangle((0, horizon - height // 80, width, horizon + height // 60),
                   fill=(rng.randint(60, 90), rng.randint(110, 140), rng.randint(50, 70)))
    for lane in range(1, 4):  # painted parking lines give the yard perspective
        y = horizon + (height - horizon) * lane // 4
        draw.line((0, y, width, y + height // 40), fill=(225, 225, 210), width=max(2, height // 300))
    _draw_factory(draw, size, horizon, rng, caption)
    for _ in range(rng.randint(3, 6)):  # shrubs along the lawn, in front of the hall
        x, r = rng.uniform(0, width), height * rng.uniform(0.02, 0.045)
        shrub_y = horizon - r * 0.3
        draw.ellipse((x - r * 1.4, shrub_y - r, x + r * 1.4, shrub_y + r),
                     fill=(rng.randint(30, 60), rng.randint(80, 110), rng.randint(30, 50)))
    _stain_ground(image, horizon, rng)
    return image


def _stain_ground(image: Image.Image, horizon: int, rng: random.Random) -> None:
    """Blotchy low-frequency patches, as on worn asphalt (small noise, enlarged)."""
    small = (max(1, image.width // 40), max(1, (image.height - horizon) // 40))
    blotches = Image.frombytes("L", small, rng.randbytes(small[0] * small[1]))
    blotches = blotches.point(lambda v: 128 + (v - 128) // 14).filter(
        ImageFilter.GaussianBlur(1.5)).resize(
        (image.width, image.height - horizon), Image.Resampling.BICUBIC)
    yard = image.crop((0, horizon, image.width, image.height))
    grey = Image.merge("RGB", (blotches, blotches, blotches))
    image.paste(ImageChops.add(yard, grey, 1.0, -128), (0, horizon))


def _paste_clouds(image: Image.Image, horizon: int, rng: random.Random) -> None:
    # Drawn small and blurred, then enlarged: blurring 12 megapixels directly takes seconds.
    small = (max(1, image.width // 10), max(1, horizon // 10))
    mask = Image.new("L", small, 0)
    draw = ImageDraw.Draw(mask)
    for _ in range(rng.randint(3, 7)):
        cx, cy = rng.uniform(0, small[0]), rng.uniform(0, small[1] * 0.7)
        for _ in range(rng.randint(3, 6)):
            rx, ry = rng.uniform(8, 30), rng.uniform(4, 12)
            x, y = cx + rng.uniform(-25, 25), cy + rng.uniform(-6, 6)
            draw.ellipse((x - rx, y - ry, x + rx, y + ry), fill=rng.randint(150, 230))
    mask = mask.filter(ImageFilter.GaussianBlur(4)).resize((image.width, horizon),
                                                          Image.Resampling.BILINEAR)
    white = Image.new("RGB", mask.size, (248, 249, 252))
    image.paste(white, (0, 0), mask)


def _draw_factory(draw: ImageDraw.ImageDraw, size: tuple[int, int], horizon: int,
                  rng: random.Random, caption: str) -> None:
    width, height = size
    left = int(width * rng.uniform(0.05, 0.2))
    right = int(width * rng.uniform(0.8, 0.95))
    top = int(horizon - height * rng.uniform(0.25, 0.33))
    wall = rng.choice(_WALLS)
    roof = rng.choice(_ROOFS)
    # A chimney behind the hall, then the hall, then a sawtooth roof.
    chimney_x = int(left + (right - left) * rng.uniform(0.6, 0.85))
    chimney_w = max(8, width // 60)
    draw.rectangle((chimney_x, top - height // 6, chimney_x + chimney_w, top), fill=(150, 145, 140))
    draw.rectangle((chimney_x, top - height // 6, chimney_x + chimney_w, top - height // 7),
                   fill=(190, 40, 40))
    draw.rectangle((left, top, right, horizon), fill=wall, outline=(90, 90, 90),
                   width=max(2, width // 800))
    teeth = rng.randint(4, 8)
    tooth = (right - left) / teeth
    rise = height // 22
    for i in range(teeth):
        x0 = left + i * tooth
        draw.polygon([(x0, top), (x0 + tooth, top), (x0 + tooth, top - rise)], fill=roof)
        draw.line((x0 + tooth, top, x0 + tooth, top - rise), fill=(40, 40, 50),
                  width=max(2, width // 1000))
    # Windows: two bands of glazing with a lighter pane in each, like reflections of the sky.
    rows, columns = rng.randint(2, 3), rng.randint(10, 18)
    band_top, band_bottom = top + (horizon - top) * 0.24, top + (horizon - top) * 0.66
    cell_w = (right - left) / columns
    cell_h = (band_bottom - band_top) / rows
    glass = (rng.randint(40, 70), rng.randint(70, 100), rng.randint(110, 140))
    for r in range(rows):
        for c in range(columns):
            x0 = left + c * cell_w + cell_w * 0.15
            y0 = band_top + r * cell_h + cell_h * 0.15
            x1, y1 = x0 + cell_w * 0.7, y0 + cell_h * 0.7
            draw.rectangle((x0, y0, x1, y1), fill=glass, outline=(230, 230, 230), width=3)
            draw.rectangle((x0 + 4, y0 + 4, (x0 + x1) / 2, (y0 + y1) / 2),
                           fill=tuple(min(255, v + 60) for v in glass))
    # Roller doors along the bottom.
    for i in range(rng.randint(1, 3)):
        x0 = left + (right - left) * (0.1 + 0.28 * i)
        x1 = x0 + (right - left) * 0.14
        draw.rectangle((x0, top + (horizon - top) * 0.7, x1, horizon), fill=(160, 162, 165))
        for y in range(int(top + (horizon - top) * 0.7), horizon, max(4, height // 250)):
            draw.line((x0, y, x1, y), fill=(120, 122, 126), width=2)
    _draw_sign(draw, (left, top, right, horizon), rng, caption)


def _draw_sign(draw: ImageDraw.ImageDraw, hall: tuple[int, int, int, int],
               rng: random.Random, caption: str) -> None:
    left, top, right, bottom = hall
    board, ink = rng.choice(_BOARDS)
    board_h = int((bottom - top) * 0.16)
    x0, x1 = left + (right - left) * 0.2, right - (right - left) * 0.2
    y0 = top + (bottom - top) * 0.04  # on the fascia, above the windows
    draw.rectangle((x0, y0, x1, y0 + board_h), fill=board, outline=(240, 240, 240), width=4)
    text = caption or "安全生产 人人有责"
    font = _font(max(12, int(board_h * 0.62)))
    length = draw.textlength(text, font=font)
    if length > (x1 - x0) * 0.92:  # long captions shrink to fit the board
        font = _font(max(10, int(font.size * (x1 - x0) * 0.92 / length)))
        length = draw.textlength(text, font=font)
    draw.text(((x0 + x1 - length) / 2, y0 + board_h / 2), text, font=font, fill=ink, anchor="lm")


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resource_path("fonts", "NotoSansSC-Regular.ttf")), size)


def _add_grain(image: Image.Image, rng: random.Random) -> Image.Image:
    """Sensor-like luminance noise, which is also what makes the JPEG camera-sized."""
    # Uniform random bytes shaped into a Gaussian by a lookup table: ~50 ms for 12 megapixels
    # and reproducible from the seed (Image.effect_noise is neither: ~600 ms, unseeded).
    sigma = rng.uniform(4.0, 6.0)
    normal = NormalDist(128, sigma)
    lut = [max(0, min(255, round(normal.inv_cdf((i + 0.5) / 256)))) for i in range(256)]
    noise = Image.frombytes("L", image.size, rng.randbytes(image.width * image.height)).point(lut)
    return ImageChops.add(image, Image.merge("RGB", (noise, noise, noise)), 1.0, -128)


def _camera_exif(taken_at: datetime, gps: tuple[float, float], orientation: int) -> Image.Exif:
    exif = Image.Exif()
    stamp = taken_at.strftime("%Y:%m:%d %H:%M:%S")
    exif[ExifTags.Base.Make] = CAMERA_MAKE
    exif[ExifTags.Base.Model] = CAMERA_MODEL
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.DateTime] = stamp
    details = exif.get_ifd(ExifTags.IFD.Exif)
    details[ExifTags.Base.DateTimeOriginal] = stamp
    details[ExifTags.Base.DateTimeDigitized] = stamp
    if taken_at.utcoffset() is not None:
        offset = taken_at.strftime("%z")
        details[ExifTags.Base.OffsetTimeOriginal] = f"{offset[:3]}:{offset[3:]}"
    lat, lon = gps
    location = exif.get_ifd(ExifTags.IFD.GPSInfo)
    location[ExifTags.GPS.GPSVersionID] = b"\x02\x03\x00\x00"
    location[ExifTags.GPS.GPSLatitudeRef] = "N" if lat >= 0 else "S"
    location[ExifTags.GPS.GPSLatitude] = _degrees_minutes_seconds(abs(lat))
    location[ExifTags.GPS.GPSLongitudeRef] = "E" if lon >= 0 else "W"
    location[ExifTags.GPS.GPSLongitude] = _degrees_minutes_seconds(abs(lon))
    location[ExifTags.GPS.GPSMapDatum] = "WGS-84"
    return exif


def _degrees_minutes_seconds(value: float) -> tuple[float, float, float]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = (value - degrees - minutes / 60) * 3600
    # Cameras store seconds as a rational with a fixed denominator; 1/10000 s ≈ 3 mm.
    return float(degrees), float(minutes), round(seconds, 4)


if __name__ == "__main__":  # a look at one: python -m inspection.demo.demo_photos OUT.jpg
    import sys
    import time

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "demo-photo.jpg")
    start = time.perf_counter()
    make_demo_photo(out, seed=1, caption_text="星河智造小微企业园 3号厂房",
                    taken_at=datetime(2026, 11, 20, 10, 30), gps=(30.7412, 121.2301))
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - start:.2f} s")
