"""``signature add``: a handwritten signature (a PNG, e.g. scanned or from a signing pad) for
the report's 签字确认 page, from the command line as from the window's signature pad."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checklists.errors import InvalidInput, Message, messages
from inspection.cli.common import Commands, store_for
from inspection.cli.words import label, say
from inspection.model import SignerRole

MAX_IMAGE_BYTES = 5 * 1024 * 1024  # a signature picture; anything bigger is not one
ROLES = {"inspector": SignerRole.INSPECTOR, "park_representative": SignerRole.PARK_REPRESENTATIVE,
         "检查人员": SignerRole.INSPECTOR, "园区代表": SignerRole.PARK_REPRESENTATIVE}

MESSAGES = messages({
    "signature.image_missing": ("image：找不到签名图像文件 {path}",
                                "image: the signature image {path} does not exist"),
    "signature.image_not_file": ("image：{path} 不是普通文件",
                                 "image: {path} is not a regular file"),
    "signature.image_too_big": ("image：签名图像 {path} 太大（{size} MB，最多 5 MB）",
                                "image: the signature image {path} is too big ({size} MB, "
                                "at most 5 MB)"),
    "signature.image_not_png": ("image：签名图像应为 PNG 文件：{path}",
                                "image: the signature image must be a PNG file: {path}"),
    "signature.unreadable": ("image：无法读取 {path}（{reason}）",
                             "image: cannot read {path} ({reason})"),
    "cli.signature.added": ("已添加签名：{role} {name}", "Added the signature: {role} {name}"),
})
HELP = messages({
    "cli.help.signature": ("手写签名", "handwritten signatures"),
    "cli.help.signature.add": ("为检查添加手写签名（PNG 图像），显示在报告的签字确认页",
                               "add a handwritten signature (a PNG image) to an inspection, shown on"
                               " the report's signatures page"),
    # The usage line shows the roles as argparse would; English leaves out the Chinese names
    # (still accepted, as the Chinese help says).
    "cli.help.signature.roles": ("{{inspector,park_representative,园区代表,检查人员}}",
                                 "{{inspector,park_representative}}"),
    "cli.help.signature.role": ("inspector=检查人员，park_representative=园区代表",
                                "inspector, or park_representative (the park's representative)"),
    "cli.help.signature.name": ("签名人姓名", "the signer's name"),
    "cli.help.signature.title": ("职务", "the job title"),
    "cli.help.signature.image": ("签名图像（PNG）", "the signature image (PNG)"),
})


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    signature = commands.add_parser("signature", parents=[common],
                                    help=say("cli.help.signature")).add_subparsers(
        dest="signature_command", required=True, metavar="add")
    add = signature.add_parser("add", parents=[common], help=say("cli.help.signature.add"))
    add.add_argument("id", help=say("cli.help.inspection_id"))
    add.add_argument("--role", required=True, choices=sorted(ROLES),
                     metavar=say("cli.help.signature.roles"), help=say("cli.help.signature.role"))
    add.add_argument("--name", required=True, help=say("cli.help.signature.name"))
    add.add_argument("--title", default="", help=say("cli.help.signature.title"))
    add.add_argument("--image", required=True, type=Path, help=say("cli.help.signature.image"))
    add.set_defaults(handler=signature_add)


def read_signature_image(path: Path) -> bytes:
    """The PNG at *path*, refused with a reason when it is not a regular, small PNG file."""
    try:
        if not path.exists():
            raise InvalidInput("signature.image_missing", path=path)
        if not path.is_file():
            raise InvalidInput("signature.image_not_file", path=path)
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            raise InvalidInput("signature.image_too_big", path=path, size=f"{size / 1e6:.1f}")
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput("signature.unreadable", path=path,
                           reason=exc.strerror or exc) from None
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise InvalidInput("signature.image_not_png", path=path)
    from io import BytesIO

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(BytesIO(data)) as picture:
            width, height = picture.size
            picture.verify()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise InvalidInput("signature.image_not_png", path=path) from None
    if width * height > 25_000_000:
        raise InvalidInput("signature.image_too_big", path=path, size=f"{len(data) / 1e6:.1f}")
    return data


def signature_add(args: argparse.Namespace) -> int:
    image = read_signature_image(args.image)
    with store_for(args) as store:
        inspection_id = store.resolve_inspection_id(args.id)
        role = ROLES[args.role]
        signature = store.set_signature(inspection_id, role, args.name, image_png=image,
                                        title=args.title)
    print(Message("cli.signature.added", role=label(role), name=signature.name), file=sys.stderr)
    print(signature.id)
    return 0
