"""Screen previews: each screen or widget of the program on its own, over a fresh demo folder.

    python -m ui.preview            lists the previews
    python -m ui.preview NAME [ARG …]

Kept out of the product modules so that no screen imports the demo data or the application.
"""
