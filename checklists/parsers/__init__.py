"""One parser per document shape; each is a pure ``parse(text, source) -> Template``."""
